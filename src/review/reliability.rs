//! How far any number of reviewers agree beyond chance, with items rated by some of them
//! only: Fleiss' κ, Gwet's AC1 and Krippendorff's α (nominal and ordinal), each with a
//! bootstrap 95 % interval. These are the figures reliability studies publish; Cohen's κ for
//! one pair stays in [`super::agreement`].
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

impl Ratings {
    /// Each item's count of ratings per category, and the number of ratings.
    fn counts(&self) -> Vec<(Vec<f64>, f64)> {
        self.rows
            .iter()
            .map(|row| {
                let mut by = vec![0.0; self.categories];
                for k in row.iter().flatten() {
                    if let Some(slot) = by.get_mut(*k) {
                        *slot += 1.0;
                    }
                }
                let total = by.iter().sum();
                (by, total)
            })
            .collect()
    }

    /// Observed agreement: the chance that two ratings of one item, drawn without
    /// replacement, agree, averaged over items rated at least twice.
    pub fn percent_agreement(&self) -> Option<f64> {
        let counts = self.counts();
        let paired: Vec<f64> = counts
            .iter()
            .filter(|(_, r)| *r >= 2.0)
            .map(|(by, r)| by.iter().map(|x| x * (x - 1.0)).sum::<f64>() / (r * (r - 1.0)))
            .collect();
        (!paired.is_empty()).then(|| paired.iter().sum::<f64>() / paired.len() as f64)
    }

    /// Each category's share of the ratings, averaged over items rated at least once.
    fn shares(&self) -> Option<Vec<f64>> {
        let counts = self.counts();
        let rated: Vec<&(Vec<f64>, f64)> = counts.iter().filter(|(_, r)| *r >= 1.0).collect();
        if rated.is_empty() {
            return None;
        }
        let mut pi = vec![0.0; self.categories];
        for (by, r) in &rated {
            for (p, x) in pi.iter_mut().zip(by) {
                *p += x / r;
            }
        }
        Some(pi.into_iter().map(|p| p / rated.len() as f64).collect())
    }

    fn beyond_chance(&self, pe: impl Fn(&[f64]) -> f64) -> Option<f64> {
        let pa = self.percent_agreement()?;
        let pe = pe(&self.shares()?);
        ((1.0 - pe).abs() > 1e-12).then(|| (pa - pe) / (1.0 - pe))
    }

    /// Fleiss' κ (Gwet's form for items rated by different numbers of reviewers).
    pub fn fleiss_kappa(&self) -> Option<f64> {
        self.beyond_chance(|pi| pi.iter().map(|p| p * p).sum())
    }

    /// Gwet's AC1: chance agreement from how far the shares are from uniform, so one
    /// dominant verdict does not make near-perfect agreement look like none (κ's paradox).
    pub fn gwet_ac1(&self) -> Option<f64> {
        let q = self.categories as f64;
        (q >= 2.0).then_some(())?;
        self.beyond_chance(|pi| pi.iter().map(|p| p * (1.0 - p)).sum::<f64>() / (q - 1.0))
    }

    /// Krippendorff's α at `level`; items rated once carry no information and are left out.
    pub fn krippendorff_alpha(&self, level: Level) -> Option<f64> {
        let q = self.categories;
        let mut o = vec![vec![0.0; q]; q];
        for (by, r) in self.counts() {
            if r < 2.0 {
                continue;
            }
            for c in 0..q {
                for k in 0..q {
                    let pairs = if c == k {
                        by[c] * (by[c] - 1.0)
                    } else {
                        by[c] * by[k]
                    };
                    o[c][k] += pairs / (r - 1.0);
                }
            }
        }
        let n_c: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
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
                observed += o[c][k] * d;
                expected += n_c[c] * n_c[k] * d;
            }
        }
        (n > 1.0 && expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
    }

    /// A 95 % interval for `statistic`: the 2.5th and 97.5th percentiles over `rounds`
    /// resamples of the items with replacement (a fixed seed: the same ratings give the
    /// same interval). `None` when too few resamples give a value.
    pub fn bootstrap(
        &self,
        statistic: impl Fn(&Ratings) -> Option<f64>,
        rounds: usize,
    ) -> Option<(f64, f64)> {
        if self.rows.is_empty() {
            return None;
        }
        // xorshift64*: enough to draw item indices, and the same on every platform.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |bound: usize| -> usize {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_f491_4f6c_dd1d) % bound as u64) as usize
        };
        let mut values: Vec<f64> = (0..rounds)
            .filter_map(|_| {
                let rows = (0..self.rows.len())
                    .map(|_| self.rows[next(self.rows.len())].clone())
                    .collect();
                statistic(&Ratings {
                    categories: self.categories,
                    rows,
                })
            })
            .collect();
        if values.len() < rounds / 2 || values.is_empty() {
            return None;
        }
        values.sort_by(f64::total_cmp);
        let at = |p: f64| values[((values.len() - 1) as f64 * p).round() as usize];
        Some((at(0.025), at(0.975)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        close(r.krippendorff_alpha(Level::Nominal), 0.743_421);
        close(r.krippendorff_alpha(Level::Ordinal), 0.815_388);
        close(r.percent_agreement(), 0.818_18);
        close(r.fleiss_kappa(), 0.761_17);
        close(r.gwet_ac1(), 0.775_44);
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
        close(r.percent_agreement(), 0.5);
        close(r.gwet_ac1(), 0.2);
        close(r.fleiss_kappa(), -1.0 / 3.0);
    }

    #[test]
    fn nothing_to_compare_gives_no_figure_and_intervals_hold_the_value() {
        let single = Ratings {
            categories: 3,
            rows: vec![vec![Some(0), None], vec![None, Some(2)]],
        };
        assert_eq!(single.percent_agreement(), None);
        assert_eq!(single.krippendorff_alpha(Level::Nominal), None);
        let r = krippendorff_2011();
        let (lo, hi) = r
            .bootstrap(|r| r.krippendorff_alpha(Level::Nominal), 500)
            .unwrap();
        assert!(lo < 0.743 && 0.743 < hi && hi <= 1.0, "{lo} {hi}");
        assert_eq!(
            r.bootstrap(|r| r.gwet_ac1(), 200),
            r.bootstrap(|r| r.gwet_ac1(), 200),
            "the same ratings give the same interval"
        );
    }
}
