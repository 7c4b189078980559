//! How far any number of reviewers agree beyond chance, with items rated by some of them
//! only: Fleiss' κ, Gwet's AC1 and Krippendorff's α (nominal and ordinal), each with a
//! bootstrap 95 % interval. These are the figures reliability studies publish; Cohen's κ for
//! one pair stays in [`mod@super::agreement`].
//!
//! The formulas, with `r_ik` the reviewers who gave category `k` to item `i` and `r_i` all
//! who rated item `i` (K. L. Gwet, *Handbook of Inter-Rater Reliability*, 4th ed., 2014,
//! ch. 2 and 4, as the `irrCAC` package computes them):
//! - observed agreement `pa` = mean over items with `r_i ≥ 2` of
//!   `Σ_k r_ik (r_ik − 1) / (r_i (r_i − 1))`;
//! - `π_k` = mean over items with `r_i ≥ 1` of `r_ik / r_i`;
//! - Fleiss' κ: chance `pe = Σ_k π_k²`; Gwet's AC1: `pe = Σ_k π_k (1 − π_k) / (q − 1)` over
//!   the scale's `q` categories; both `(pa − pe) / (1 − pe)`.
//! - Krippendorff's α (K. Krippendorff, *Computing Krippendorff's Alpha-Reliability*, 2011):
//!   from the coincidence matrix `o_ck = Σ_i (pairs c,k in item i) / (r_i − 1)`,
//!   `α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck`; nominal `δ² = [c ≠ k]`, ordinal
//!   `δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²` over the categories in the scale's order.

use crate::workspace::scale::MAX_STEPS;
use crate::workspace::{Item, Scale, Verdict};

/// Ratings of items by reviewers: for each item, each reviewer's category (an index into a
/// scale of `categories`, in the scale's order), or `None` when that reviewer gave none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratings {
    /// How many categories the scale has (AC1's chance agreement counts them all).
    pub categories: usize,
    /// One row per item, one cell per reviewer.
    pub rows: Vec<Vec<Option<usize>>>,
}

/// Krippendorff's α's distance between categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Any two different categories are equally far apart.
    Nominal,
    /// Categories in the scale's order; far apart when many ratings lie between them.
    Ordinal,
}

/// What every statistic needs, summed over items: each is a function of these sums, so a
/// bootstrap resample costs additions, not a copy of the ratings.
#[derive(Debug, Clone)]
struct Sums {
    /// Σ over items rated twice or more of their pairwise agreement, and how many.
    agreement: f64,
    rated_twice: f64,
    /// Σ over items rated at least once of each category's share, and how many.
    shares: Vec<f64>,
    rated: f64,
    /// Krippendorff's coincidence matrix, row-major.
    coincidences: Vec<f64>,
}

impl Sums {
    fn new(q: usize) -> Sums {
        Sums {
            agreement: 0.0,
            rated_twice: 0.0,
            shares: vec![0.0; q],
            rated: 0.0,
            coincidences: vec![0.0; q * q],
        }
    }

    /// Adds one item, given its count of ratings per category.
    fn add(&mut self, by: &[f64]) {
        let q = by.len();
        let r: f64 = by.iter().sum();
        if r >= 1.0 {
            self.rated += 1.0;
            for (s, x) in self.shares.iter_mut().zip(by) {
                *s += x / r;
            }
        }
        if r >= 2.0 {
            self.rated_twice += 1.0;
            self.agreement += by.iter().map(|x| x * (x - 1.0)).sum::<f64>() / (r * (r - 1.0));
            // Only the categories the item was given: most items have two or three ratings,
            // so this is a few additions, not q² (the checklist's title sums 50,000 items).
            for c in (0..q).filter(|&c| by[c] > 0.0) {
                for k in (0..q).filter(|&k| by[k] > 0.0) {
                    let pairs = if c == k {
                        by[c] * (by[c] - 1.0)
                    } else {
                        by[c] * by[k]
                    };
                    self.coincidences[c * q + k] += pairs / (r - 1.0);
                }
            }
        }
    }

    fn percent_agreement(&self) -> Option<f64> {
        (self.rated_twice > 0.0).then(|| self.agreement / self.rated_twice)
    }

    fn beyond_chance(&self, pe: impl Fn(&[f64]) -> f64) -> Option<f64> {
        let pa = self.percent_agreement()?;
        (self.rated > 0.0).then_some(())?;
        let pi: Vec<f64> = self.shares.iter().map(|s| s / self.rated).collect();
        let pe = pe(&pi);
        ((1.0 - pe).abs() > 1e-12).then(|| (pa - pe) / (1.0 - pe))
    }

    fn fleiss_kappa(&self) -> Option<f64> {
        self.beyond_chance(|pi| pi.iter().map(|p| p * p).sum())
    }

    fn gwet_ac1(&self) -> Option<f64> {
        let q = self.shares.len() as f64;
        (q >= 2.0).then_some(())?;
        self.beyond_chance(|pi| pi.iter().map(|p| p * (1.0 - p)).sum::<f64>() / (q - 1.0))
    }

    fn krippendorff_alpha(&self, level: Level) -> Option<f64> {
        let q = self.shares.len();
        let n_c: Vec<f64> = self
            .coincidences
            .chunks(q.max(1))
            .map(|row| row.iter().sum())
            .collect();
        let n: f64 = n_c.iter().sum();
        let delta = |c: usize, k: usize| -> f64 {
            match level {
                Level::Nominal => f64::from(u8::from(c != k)),
                Level::Ordinal => {
                    let (lo, hi) = (c.min(k), c.max(k));
                    let between: f64 = n_c[lo..=hi].iter().sum();
                    (between - (n_c[lo] + n_c[hi]) / 2.0).powi(2)
                }
            }
        };
        let (mut observed, mut expected) = (0.0, 0.0);
        for c in 0..q {
            for k in 0..q {
                let d = delta(c, k);
                observed += self.coincidences[c * q + k] * d;
                expected += n_c[c] * n_c[k] * d;
            }
        }
        (n > 1.0 && expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
    }
}

/// A statistic of the summed ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statistic {
    /// Observed agreement: the chance that two ratings of one item, drawn without
    /// replacement, agree, averaged over items rated at least twice.
    PercentAgreement,
    /// Fleiss' κ (Gwet's form for items rated by different numbers of reviewers).
    FleissKappa,
    /// Gwet's AC1: chance agreement from how far the shares are from uniform, so one
    /// dominant verdict does not make near-perfect agreement look like none (κ's paradox).
    GwetAc1,
    /// Krippendorff's α at a level; items rated once carry no information.
    Alpha(Level),
}

impl Statistic {
    fn of(self, sums: &Sums) -> Option<f64> {
        match self {
            Statistic::PercentAgreement => sums.percent_agreement(),
            Statistic::FleissKappa => sums.fleiss_kappa(),
            Statistic::GwetAc1 => sums.gwet_ac1(),
            Statistic::Alpha(level) => sums.krippendorff_alpha(level),
        }
    }
}

impl Ratings {
    /// Each item's count of ratings per category.
    fn counts(&self) -> Vec<Vec<f64>> {
        self.rows
            .iter()
            .map(|row| {
                let mut by = vec![0.0; self.categories];
                for k in row.iter().flatten() {
                    if let Some(slot) = by.get_mut(*k) {
                        *slot += 1.0;
                    }
                }
                by
            })
            .collect()
    }

    fn sums(&self) -> Sums {
        let mut sums = Sums::new(self.categories);
        self.counts().iter().for_each(|by| sums.add(by));
        sums
    }

    /// `statistic` over all items; `None` when it is undefined (nothing rated twice, or
    /// chance agreement of 1).
    pub fn value(&self, statistic: Statistic) -> Option<f64> {
        statistic.of(&self.sums())
    }

    /// Per category, its specific agreement: of the pairs of ratings of one item that
    /// include the category, the share in which both are it (`Σ_i r_ik (r_ik − 1) /
    /// Σ_i r_ik (r_i − 1)`); `None` for a category no item rated twice or more includes.
    pub fn specific_agreement(&self) -> Vec<Option<f64>> {
        let mut agree = vec![0.0; self.categories];
        let mut pairs = vec![0.0; self.categories];
        for by in self.counts() {
            let r: f64 = by.iter().sum();
            for (k, x) in by.iter().enumerate() {
                agree[k] += x * (x - 1.0);
                pairs[k] += x * (r - 1.0);
            }
        }
        agree
            .iter()
            .zip(&pairs)
            .map(|(a, p)| (*p > 0.0).then(|| a / p))
            .collect()
    }

    /// A 95 % interval for `statistic`: the 2.5th and 97.5th percentiles over `rounds`
    /// resamples of the items with replacement (a fixed seed: the same ratings give the
    /// same interval). `None` when too few resamples give a value.
    pub fn bootstrap(&self, statistic: Statistic, rounds: usize) -> Option<(f64, f64)> {
        let counts = self.counts();
        if counts.is_empty() {
            return None;
        }
        let mut next = draws();
        let values: Vec<f64> = (0..rounds)
            .filter_map(|_| {
                let mut sums = Sums::new(self.categories);
                for _ in 0..counts.len() {
                    sums.add(&counts[next(counts.len())]);
                }
                statistic.of(&sums)
            })
            .collect();
        percentile_interval(values, rounds)
    }
}

/// Draws of item indices below a bound, for bootstrap resamples: xorshift64* from a fixed
/// seed, enough for indices and the same on every platform (an interval is reproducible).
pub(super) fn draws() -> impl FnMut(usize) -> usize {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    move |bound: usize| -> usize {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) % bound.max(1) as u64) as usize
    }
}

/// The 2.5th and 97.5th percentiles of the values `rounds` resamples gave; `None` when
/// fewer than half gave one.
pub(super) fn percentile_interval(mut values: Vec<f64>, rounds: usize) -> Option<(f64, f64)> {
    if values.is_empty() || values.len() < rounds / 2 {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let at = |p: f64| values[((values.len() - 1) as f64 * p).round() as usize];
    Some((at(0.025), at(0.975)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Krippendorff's α (nominal) from each item's counts, summed afresh.
    fn alpha_of_counts<'a>(items: impl IntoIterator<Item = &'a Counts>) -> Option<f64> {
        let mut coincidences = Coincidences::default();
        for counts in items {
            coincidences.add(counts);
        }
        coincidences.alpha()
    }

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
    /// observers, twelve units, values 1–5, missing values. Reference values from the
    /// paper (α nominal 0.743) and from the `krippendorff` Python package 0.9.0 and
    /// `irrCAC` 0.4.4 on the same data (α ordinal 0.8154; Fleiss' κ 0.76117, AC1 0.77544,
    /// pa 0.81818 with categories 1–5).
    fn krippendorff_2011() -> Ratings {
        let observers: [[Option<usize>; 12]; 4] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0].map(value),
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3].map(value),
            [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0].map(value),
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0].map(value),
        ];
        Ratings {
            categories: 5,
            rows: (0..12)
                .map(|u| observers.iter().map(|o| o[u]).collect())
                .collect(),
        }
    }

    /// 1–5 as category 0–4; 0 for a missing value.
    fn value(v: usize) -> Option<usize> {
        v.checked_sub(1)
    }

    fn close(got: Option<f64>, want: f64) {
        let got = got.expect("a value");
        assert!((got - want).abs() < 5e-5, "{got} != {want}");
    }

    #[test]
    fn krippendorffs_worked_example() {
        let r = krippendorff_2011();
        close(r.value(Statistic::Alpha(Level::Nominal)), 0.743_421);
        close(r.value(Statistic::Alpha(Level::Ordinal)), 0.815_388);
        close(r.value(Statistic::PercentAgreement), 0.818_18);
        close(r.value(Statistic::FleissKappa), 0.761_17);
        close(r.value(Statistic::GwetAc1), 0.775_44);
    }

    /// Two reviewers, six items, one verdict dominant, half agreed: κ is below zero while
    /// agreement is 50 % (the paradox AC1 answers). irrCAC 0.4.4: AC1 0.2, Fleiss −0.33333.
    #[test]
    fn a_dominant_verdict_does_not_sink_ac1() {
        let (kept, broken) = (Some(0), Some(1));
        let r = Ratings {
            categories: 2,
            rows: vec![
                vec![kept, kept],
                vec![kept, kept],
                vec![kept, kept],
                vec![kept, broken],
                vec![kept, broken],
                vec![kept, broken],
            ],
        };
        close(r.value(Statistic::PercentAgreement), 0.5);
        close(r.value(Statistic::GwetAc1), 0.2);
        close(r.value(Statistic::FleissKappa), -1.0 / 3.0);
        // kept: 6 agreeing ordered pairs of 9 with it (2·3 agreeing, 3 mixed); broken: none.
        let specific = r.specific_agreement();
        close(specific[0], 6.0 / 9.0);
        close(specific[1], 0.0);
    }

    /// The title's α from counts is the full computation's value.
    #[test]
    fn the_quick_alpha_is_the_alpha() {
        use crate::workspace::{Anchor, Origin};
        let verdicts = [
            ["kept", "kept", "partial"],
            ["broken", "broken", "broken"],
            ["kept", "stalled", "kept"],
            ["not-a-commitment", "kept", "pending"],
        ];
        let items: Vec<Item> = verdicts
            .iter()
            .enumerate()
            .map(|(i, vs)| {
                let anchor = Anchor {
                    exact: format!("q{i}"),
                    prefix: String::new(),
                    suffix: String::new(),
                    start: i,
                    end: i + 2,
                    doc_hash: "h".into(),
                };
                let mut item = Item::new("a.txt", Origin::Extracted, anchor);
                for (who, v) in ["ann", "bob", "cy"].iter().zip(vs) {
                    let v = Verdict::from_name(v).unwrap();
                    item.set_review(who, v, String::new(), "2026-12-07T00:00:00Z".into());
                }
                item
            })
            .collect();
        let scale = Scale::default();
        let full = reliability(&items, &scale);
        let counts: Vec<Counts> = items.iter().map(|i| counts_of(i, &scale)).collect();
        close(alpha_of_counts(&counts), full.alpha_nominal.unwrap().value);
        // Kept one item at a time: an item taken away and given again leaves the same α.
        let mut kept = Coincidences::default();
        for c in &counts {
            kept.add(c);
        }
        kept.remove(&counts[1]);
        kept.remove(&counts[2]);
        close(
            kept.alpha(),
            alpha_of_counts(&[counts[0], counts[3]]).unwrap(),
        );
        kept.add(&counts[2]);
        kept.add(&counts[1]);
        close(kept.alpha(), full.alpha_nominal.unwrap().value);
    }

    #[test]
    fn nothing_to_compare_gives_no_figure_and_intervals_hold_the_value() {
        let single = Ratings {
            categories: 3,
            rows: vec![vec![Some(0), None], vec![None, Some(2)]],
        };
        assert_eq!(single.value(Statistic::PercentAgreement), None);
        assert_eq!(single.value(Statistic::Alpha(Level::Nominal)), None);
        let r = krippendorff_2011();
        let (lo, hi) = r.bootstrap(Statistic::Alpha(Level::Nominal), 500).unwrap();
        assert!(lo < 0.743 && 0.743 < hi && hi <= 1.0, "{lo} {hi}");
        assert_eq!(
            r.bootstrap(Statistic::GwetAc1, 200),
            r.bootstrap(Statistic::GwetAc1, 200),
            "the same ratings give the same interval"
        );
    }
}

/// Bootstrap resamples behind each interval.
pub const ROUNDS: usize = 1000;

/// One reliability figure with its bootstrap 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Figure {
    /// The statistic over all items.
    pub value: f64,
    /// Its 2.5th and 97.5th bootstrap percentiles, when enough resamples give a value.
    pub interval: Option<(f64, f64)>,
}

/// The reliability of a review among all its reviewers.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reliability {
    /// Everyone who gave a verdict, by name.
    pub reviewers: Vec<String>,
    /// Items counted.
    pub items: usize,
    /// Items with two verdicts or more (the base of every figure).
    pub rated_twice: usize,
    /// Observed agreement between two verdicts on one item, over all pairs.
    pub percent: Option<Figure>,
    /// Fleiss' κ.
    pub fleiss_kappa: Option<Figure>,
    /// Gwet's AC1.
    pub gwet_ac1: Option<Figure>,
    /// Krippendorff's α, every verdict a category of its own.
    pub alpha_nominal: Option<Figure>,
    /// Krippendorff's α over the scale's order (by default broken < stalled < in-progress
    /// < partial < kept); `not-a-commitment` is left out.
    pub alpha_ordinal: Option<Figure>,
    /// Per verdict, its specific agreement ([`Ratings::specific_agreement`]), for the
    /// verdicts some item rated twice or more was given.
    pub per_verdict: Vec<(&'static str, f64)>,
}

/// One item's verdicts counted per nominal category of its scale (`Scale::categories`:
/// the ratings, then not-a-commitment; `pending` is none). Room for the largest scale.
pub type Counts = [u8; MAX_STEPS + 1];

/// Counts the verdicts an item was given, per nominal category of `scale`.
pub fn counts_of(item: &Item, scale: &Scale) -> Counts {
    let mut counts = [0u8; MAX_STEPS + 1];
    for (_, review) in &item.reviews {
        if let Some(k) = scale.category(review.verdict) {
            counts[k] = counts[k].saturating_add(1);
        }
    }
    counts
}

/// Krippendorff's coincidences (nominal) of items given as counts per category, kept in
/// whole numbers: an item's pairs of ratings are summed with those of the items rated as
/// many times (their one divisor, `r − 1`), so an item is taken away exactly as it was
/// added. The checklist keeps its title's α with this, one verdict at a time, instead of
/// a pass over every item after each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coincidences {
    /// The scale's categories (the length of the counts added).
    categories: usize,
    /// For the items rated `r` times, at `r − 2`: their ordered pairs of ratings per
    /// pair of categories `(c, k)`, row-major.
    by_ratings: Vec<Vec<u64>>,
}

impl Coincidences {
    /// Adds an item's ratings, counted per category.
    pub fn add(&mut self, counts: &[u8]) {
        self.apply(counts, true);
    }

    /// Takes away an item's ratings added before.
    pub fn remove(&mut self, counts: &[u8]) {
        self.apply(counts, false);
    }

    fn apply(&mut self, counts: &[u8], add: bool) {
        let q = counts.len();
        let r: usize = counts.iter().map(|&c| usize::from(c)).sum();
        // Items rated once carry no information.
        if r < 2 {
            return;
        }
        self.categories = q;
        if self.by_ratings.len() < r - 1 {
            self.by_ratings.resize(r - 1, Vec::new());
        }
        let pairs = &mut self.by_ratings[r - 2];
        pairs.resize(q * q, 0);
        // Only the categories the item was given: a few additions, not q².
        for c in (0..q).filter(|&c| counts[c] > 0) {
            for k in (0..q).filter(|&k| counts[k] > 0) {
                let (x, y) = (u64::from(counts[c]), u64::from(counts[k]));
                let n = if c == k { x * (x - 1) } else { x * y };
                let cell = &mut pairs[c * q + k];
                debug_assert!(add || *cell >= n, "an item taken away that was not added");
                *cell = if add {
                    *cell + n
                } else {
                    cell.saturating_sub(n)
                };
            }
        }
    }

    /// Krippendorff's α (nominal) of the items added; `None` when it is undefined.
    pub fn alpha(&self) -> Option<f64> {
        let q = self.categories;
        let mut sums = Sums::new(q);
        for (i, pairs) in self.by_ratings.iter().enumerate() {
            let divisor = (i + 1) as f64;
            for (o, n) in sums.coincidences.iter_mut().zip(pairs) {
                *o += *n as f64 / divisor;
            }
        }
        sums.krippendorff_alpha(Level::Nominal)
    }
}

/// The reliability of `items` among everyone who rated them, on `scale` (nominal: every
/// category; ordinal: the ratings in the scale's order, not-a-commitment left out).
pub fn reliability<'a>(items: impl IntoIterator<Item = &'a Item>, scale: &Scale) -> Reliability {
    let nominal_scale: Vec<Verdict> = scale.categories().collect();
    let ordinal_scale: Vec<Verdict> = scale.verdicts.iter().map(|s| s.name).collect();
    let items: Vec<&Item> = items.into_iter().collect();
    let mut reviewers: Vec<String> = items
        .iter()
        .flat_map(|i| i.reviews.keys())
        .map(|n| n.to_string())
        .collect();
    reviewers.sort();
    reviewers.dedup();
    let on = |scale: &[Verdict]| Ratings {
        categories: scale.len(),
        rows: items
            .iter()
            .map(|item| {
                reviewers
                    .iter()
                    .map(|who| {
                        let v = item.reviews.get(who)?.verdict;
                        scale.iter().position(|s| *s == v)
                    })
                    .collect()
            })
            .collect(),
    };
    let (nominal, ordinal) = (on(&nominal_scale), on(&ordinal_scale));
    let figure = |ratings: &Ratings, statistic: Statistic| {
        ratings.value(statistic).map(|value| Figure {
            value,
            interval: ratings.bootstrap(statistic, ROUNDS),
        })
    };
    let rated_twice = nominal
        .rows
        .iter()
        .filter(|row| row.iter().flatten().count() >= 2)
        .count();
    Reliability {
        items: items.len(),
        rated_twice,
        percent: figure(&nominal, Statistic::PercentAgreement),
        fleiss_kappa: figure(&nominal, Statistic::FleissKappa),
        gwet_ac1: figure(&nominal, Statistic::GwetAc1),
        alpha_nominal: figure(&nominal, Statistic::Alpha(Level::Nominal)),
        alpha_ordinal: figure(&ordinal, Statistic::Alpha(Level::Ordinal)),
        per_verdict: nominal_scale
            .iter()
            .zip(nominal.specific_agreement())
            .filter_map(|(v, a)| Some((v.name(), a?)))
            .collect(),
        reviewers,
    }
}
