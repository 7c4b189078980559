//! Agreement between two reviewers: per item, and for a set of items as percent agreement,
//! Cohen's kappa (nominal) and the confusion matrix, with a warning when kappa says little.

use std::collections::BTreeMap;

use super::reliability::Counts;
use crate::workspace::{Item, Scale, Short, Verdict};

/// Where one item stands between two reviewers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemAgreement {
    /// Neither has rated it (`pending` counts as not rated).
    None,
    /// One of the two has.
    One,
    /// Both rated it, with the same verdict.
    Agreed,
    /// Both rated it, with different verdicts, and the pair has not reconciled them.
    Disagreed,
    /// The pair recorded a verdict together (after a disagreement).
    Reconciled,
}

fn rated(item: &Item, reviewer: &str) -> Option<Verdict> {
    item.reviews
        .get(reviewer)
        .map(|r| r.verdict)
        .filter(|v| *v != Verdict::PENDING)
}

/// Where reviewers `a` and `b` stand on `item`.
pub fn item_agreement(item: &Item, a: &str, b: &str) -> ItemAgreement {
    rated_agreement(rated(item, a), rated(item, b), item.reconciled.is_some())
}

/// `item_agreement` from the two verdicts (`pending` as `None`) and whether the pair
/// reconciled the item.
pub fn rated_agreement(a: Option<Verdict>, b: Option<Verdict>, reconciled: bool) -> ItemAgreement {
    if reconciled {
        return ItemAgreement::Reconciled;
    }
    match (a, b) {
        (None, None) => ItemAgreement::None,
        (Some(_), None) | (None, Some(_)) => ItemAgreement::One,
        (Some(x), Some(y)) if x == y => ItemAgreement::Agreed,
        _ => ItemAgreement::Disagreed,
    }
}

/// Whether an item is a disagreement to settle, given where the pair stands on it, every
/// reviewer's verdicts counted per category (`reliability::counts_of`) and whether some
/// actor is in dispute ([`actors_in_dispute`]): the pair disagrees, or, with three
/// reviewers or more, any two verdicts differ, or two reviewers rate an actor differently.
/// An item the pair reconciled is settled, whoever else rated it.
pub fn is_disagreement(pair: ItemAgreement, counts: &Counts, actors_split: bool) -> bool {
    match pair {
        ItemAgreement::Disagreed => true,
        ItemAgreement::Reconciled => false,
        _ => actors_split || counts.iter().filter(|&&n| n > 0).count() > 1,
    }
}

/// The actors of `item` that reviewers rated differently (`pending` aside) and the pair
/// has not settled one by one, in name order: what keeps a commitment rated per actor in
/// dispute.
pub fn actors_in_dispute(item: &Item) -> Vec<&Short> {
    let mut given: BTreeMap<&Short, Vec<Verdict>> = BTreeMap::new();
    for (_, review) in item.reviews.iter() {
        for (actor, v) in review.actors.iter() {
            if v != Verdict::PENDING {
                given.entry(actor).or_default().push(v);
            }
        }
    }
    given
        .into_iter()
        .filter(|(actor, vs)| {
            let settled = item.reconciled_actors.get(*actor);
            vs.iter().any(|v| *v != vs[0]) && settled.is_none_or(|r| r.verdict == Verdict::PENDING)
        })
        .map(|(actor, _)| actor)
        .collect()
}

/// The two reviewers to compare: the two with the most verdicts (by name on ties).
pub fn pair<'a>(items: impl IntoIterator<Item = &'a Item>) -> Option<(String, String)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for item in items {
        for (name, r) in &item.reviews {
            if r.verdict != Verdict::PENDING {
                *counts.entry(name.as_str()).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    match ranked.as_slice() {
        [(a, _), (b, _), ..] => {
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            Some((a.to_string(), b.to_string()))
        }
        _ => None,
    }
}

/// Agreement figures for a set of items.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// Items counted.
    pub items: usize,
    /// Items both reviewers rated (the base of the figures below).
    pub both: usize,
    /// Items both reviewers rated with the same verdict.
    pub agreed: usize,
    /// Items the pair reconciled.
    pub reconciled: usize,
    /// Agreed / both, as a percentage; `None` when nothing was rated twice.
    pub percent: Option<f64>,
    /// Cohen's kappa; `None` when it is undefined (no items, or chance agreement is 1).
    pub kappa: Option<f64>,
    /// The verdicts the confusion matrix is by: the scale's, pending first.
    pub verdicts: Vec<Verdict>,
    /// `confusion[i][j]`: items the first reviewer rated `verdicts[i]` and the second
    /// `verdicts[j]`.
    pub confusion: Vec<Vec<usize>>,
    /// Why the kappa should be read with care.
    pub warnings: Vec<String>,
}

/// Items rated by both below which kappa is unstable.
const FEW_ITEMS: usize = 20;
/// Share of all ratings held by one verdict above which kappa misleads (the prevalence
/// paradox: high agreement, low kappa).
const DOMINANT_SHARE: f64 = 0.9;

/// Agreement between reviewers `a` and `b` over `items`.
pub fn agreement<'a>(
    items: impl IntoIterator<Item = &'a Item>,
    a: &str,
    b: &str,
    scale: &Scale,
) -> Agreement {
    rated_figures(
        items
            .into_iter()
            .map(|i| (rated(i, a), rated(i, b), i.reconciled.is_some())),
        scale,
    )
}

/// Cohen's observed and chance agreement from how many items each reviewer gave each
/// verdict (`rows`, `cols`) and how many they agreed on.
fn chance(rows: &[usize], cols: &[usize], agreed: usize) -> (f64, f64) {
    let total = rows.iter().sum::<usize>() as f64;
    let pe = rows
        .iter()
        .zip(cols)
        .map(|(r, c)| (*r as f64 / total) * (*c as f64 / total))
        .sum();
    (agreed as f64 / total, pe)
}

/// A 95 % bootstrap interval for the Cohen's κ of `a` and `b` over `items`: the items
/// both rated, resampled with replacement `rounds` times (the seed fixed, so the same
/// verdicts give the same interval). Apart from [`agreement`] because the checklist's title
/// recomputes that after every verdict, and a thousand resamples are for reports.
pub fn kappa_interval<'a>(
    items: impl IntoIterator<Item = &'a Item>,
    (a, b): (&str, &str),
    scale: &Scale,
    rounds: usize,
) -> Option<(f64, f64)> {
    let verdicts: Vec<Verdict> = scale.all().collect();
    let index = |v: Verdict| verdicts.iter().position(|x| *x == v).unwrap_or(0);
    let pairs: Vec<(usize, usize)> = items
        .into_iter()
        .filter_map(|i| Some((index(rated(i, a)?), index(rated(i, b)?))))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let n = verdicts.len();
    let mut next = super::reliability::draws();
    let (mut rows, mut cols) = (vec![0usize; n], vec![0usize; n]);
    let values: Vec<f64> = (0..rounds)
        .filter_map(|_| {
            rows.iter_mut().chain(cols.iter_mut()).for_each(|c| *c = 0);
            let mut agreed = 0;
            for _ in 0..pairs.len() {
                let (x, y) = pairs[next(pairs.len())];
                rows[x] += 1;
                cols[y] += 1;
                agreed += usize::from(x == y);
            }
            let (po, pe) = chance(&rows, &cols, agreed);
            ((1.0 - pe).abs() > 1e-12).then(|| (po - pe) / (1.0 - pe))
        })
        .collect();
    super::reliability::percentile_interval(values, rounds)
}

/// `agreement` from each item's two verdicts (`pending` as `None`) and whether the pair
/// reconciled it.
pub fn rated_figures(
    items: impl IntoIterator<Item = (Option<Verdict>, Option<Verdict>, bool)>,
    scale: &Scale,
) -> Agreement {
    let verdicts: Vec<Verdict> = scale.all().collect();
    let n = verdicts.len();
    let index = |v: Verdict| verdicts.iter().position(|x| *x == v).unwrap_or(0);
    let mut confusion = vec![vec![0usize; n]; n];
    let (mut n_items, mut reconciled) = (0, 0);
    for (a, b, settled) in items {
        n_items += 1;
        if settled {
            reconciled += 1;
        }
        if let (Some(x), Some(y)) = (a, b) {
            confusion[index(x)][index(y)] += 1;
        }
    }
    let both: usize = confusion.iter().flatten().sum();
    let agreed: usize = (0..n).map(|k| confusion[k][k]).sum();
    let mut warnings = Vec::new();
    let (percent, kappa) = if both == 0 {
        (None, None)
    } else {
        let rows: Vec<usize> = confusion.iter().map(|r| r.iter().sum()).collect();
        let cols: Vec<usize> = (0..n)
            .map(|k| (0..n).map(|i| confusion[i][k]).sum())
            .collect();
        let (po, pe) = chance(&rows, &cols, agreed);
        let kappa = if (1.0 - pe).abs() < 1e-12 {
            warnings.push(
                "kappa is undefined: both reviewers used one and the same verdict".to_string(),
            );
            None
        } else {
            Some((po - pe) / (1.0 - pe))
        };
        (Some(100.0 * po), kappa)
    };
    if both > 0 && both < FEW_ITEMS {
        warnings.push(format!(
            "only {both} items rated by both: kappa is unstable below {FEW_ITEMS}"
        ));
    }
    for (k, v) in verdicts.iter().enumerate() {
        let uses: usize =
            confusion[k].iter().sum::<usize>() + (0..n).map(|i| confusion[i][k]).sum::<usize>();
        if both > 0 && uses as f64 / (2 * both) as f64 > DOMINANT_SHARE {
            warnings.push(format!(
                "`{}` is {:.0}% of all verdicts: kappa understates agreement when one verdict dominates",
                v.name(),
                100.0 * uses as f64 / (2 * both) as f64
            ));
        }
    }
    Agreement {
        items: n_items,
        both,
        agreed,
        reconciled,
        percent,
        kappa,
        verdicts,
        confusion,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::{Anchor, Origin, Reconciled, Review, Short};

    fn item(a: Option<Verdict>, b: Option<Verdict>) -> Item {
        let mut reviews = crate::workspace::Reviews::default();
        for (name, v) in [("ann", a), ("bob", b)] {
            if let Some(verdict) = v {
                reviews.insert(
                    Short::from(name),
                    Review {
                        verdict,
                        note: String::new(),
                        at: "2026-11-25T08:00:00Z".into(),
                        stale: false,
                        ..Default::default()
                    },
                );
            }
        }
        let anchor = Anchor {
            exact: "x".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            end: 1,
            doc_hash: Short::default(),
        };
        Item {
            reviews,
            ..Item::new("a.txt", Origin::Extracted, anchor)
        }
    }

    fn many(n: usize, a: Verdict, b: Verdict) -> Vec<Item> {
        (0..n).map(|_| item(Some(a), Some(b))).collect()
    }

    #[test]
    fn cohens_kappa_on_the_textbook_example() {
        // 50 items: both yes 20, A yes B no 5, A no B yes 10, both no 15 → po 0.7, pe 0.5,
        // kappa 0.4 (the standard worked example).
        let mut items = many(20, Verdict::KEPT, Verdict::KEPT);
        items.extend(many(5, Verdict::KEPT, Verdict::BROKEN));
        items.extend(many(10, Verdict::BROKEN, Verdict::KEPT));
        items.extend(many(15, Verdict::BROKEN, Verdict::BROKEN));
        let g = agreement(&items, "ann", "bob", &Scale::default());
        assert_eq!((g.items, g.both, g.agreed), (50, 50, 35));
        assert!((g.percent.unwrap() - 70.0).abs() < 1e-9);
        assert!((g.kappa.unwrap() - 0.4).abs() < 1e-9, "{:?}", g.kappa);
        let at = |v| g.verdicts.iter().position(|x| *x == v).unwrap();
        let (k, b) = (at(Verdict::KEPT), at(Verdict::BROKEN));
        assert_eq!(g.confusion[k][k], 20);
        assert_eq!(g.confusion[k][b], 5);
        assert_eq!(g.confusion[b][k], 10);
        assert!(g.warnings.is_empty(), "{:?}", g.warnings);
        let (lo, hi) = kappa_interval(&items, ("ann", "bob"), &Scale::default(), 1000).unwrap();
        // The textbook κ's asymptotic standard error here is about 0.13: a 95 % interval
        // some ±0.25 around 0.4; the bootstrap's must hold 0.4 and be about as wide.
        assert!(lo < 0.4 && 0.4 < hi, "{lo} {hi}");
        assert!((0.3..0.7).contains(&(hi - lo)), "{lo} {hi}");
        assert_eq!(
            kappa_interval(&items, ("ann", "bob"), &Scale::default(), 1000),
            Some((lo, hi))
        );
    }

    #[test]
    fn per_item_states_and_pending() {
        assert_eq!(
            item_agreement(&item(None, None), "ann", "bob"),
            ItemAgreement::None
        );
        assert_eq!(
            item_agreement(
                &item(Some(Verdict::PENDING), Some(Verdict::KEPT)),
                "ann",
                "bob"
            ),
            ItemAgreement::One
        );
        assert_eq!(
            item_agreement(
                &item(Some(Verdict::KEPT), Some(Verdict::KEPT)),
                "ann",
                "bob"
            ),
            ItemAgreement::Agreed
        );
        assert_eq!(
            item_agreement(
                &item(Some(Verdict::KEPT), Some(Verdict::PARTIAL)),
                "ann",
                "bob"
            ),
            ItemAgreement::Disagreed
        );
        let mut settled = item(Some(Verdict::KEPT), Some(Verdict::PARTIAL));
        settled.reconciled = Some(Reconciled {
            verdict: Verdict::PARTIAL,
            note: String::new(),
            by: "ann+bob".into(),
            at: "2026-11-25T09:00:00Z".into(),
        });
        assert_eq!(
            item_agreement(&settled, "ann", "bob"),
            ItemAgreement::Reconciled
        );
    }

    #[test]
    fn unstable_kappas_are_flagged() {
        let few = many(3, Verdict::KEPT, Verdict::BROKEN);
        let g = agreement(&few, "ann", "bob", &Scale::default());
        assert!(g.warnings.iter().any(|w| w.contains("only 3 items")));
        let same = many(30, Verdict::KEPT, Verdict::KEPT);
        let g = agreement(&same, "ann", "bob", &Scale::default());
        assert_eq!(g.kappa, None);
        assert_eq!(g.percent, Some(100.0));
        assert!(g.warnings.iter().any(|w| w.contains("undefined")));
        let mut skewed = many(57, Verdict::KEPT, Verdict::KEPT);
        skewed.extend(many(3, Verdict::KEPT, Verdict::BROKEN));
        let g = agreement(&skewed, "ann", "bob", &Scale::default());
        assert!(
            g.warnings.iter().any(|w| w.contains("`kept` is 98%")),
            "{:?}",
            g.warnings
        );
        assert_eq!(
            agreement(&[], "ann", "bob", &Scale::default()).percent,
            None
        );
    }

    #[test]
    fn the_pair_is_the_two_busiest_reviewers() {
        let items = vec![
            item(Some(Verdict::KEPT), None),
            item(Some(Verdict::KEPT), Some(Verdict::KEPT)),
        ];
        assert_eq!(pair(&items), Some(("ann".into(), "bob".into())));
        assert_eq!(pair(&items[..1]), None);
    }

    #[test]
    fn a_disagreement_is_the_pairs_or_any_two_verdicts_unless_reconciled() {
        let counts = |given: &[usize]| {
            let mut c: Counts = Default::default();
            for &k in given {
                c[k] += 1;
            }
            c
        };
        use ItemAgreement as A;
        assert!(is_disagreement(A::Disagreed, &counts(&[0, 1]), false));
        assert!(
            is_disagreement(A::Agreed, &counts(&[3, 3, 4]), false),
            "a third differs"
        );
        assert!(
            is_disagreement(A::One, &counts(&[3, 4]), false),
            "two others differ"
        );
        assert!(!is_disagreement(A::Agreed, &counts(&[3, 3, 3]), false));
        assert!(
            !is_disagreement(A::None, &counts(&[2]), false),
            "one verdict"
        );
        assert!(
            !is_disagreement(A::Reconciled, &counts(&[3, 4, 5]), true),
            "settled"
        );
        assert!(
            is_disagreement(A::None, &counts(&[]), true),
            "an actor in dispute"
        );
    }

    #[test]
    fn an_actor_is_in_dispute_until_the_pair_settles_it() {
        let mut it = item(None, None);
        let at = || Short::from("2026-12-07T10:00:00Z");
        it.set_actor_verdict("ann", "France", Verdict::KEPT, at());
        it.set_actor_verdict("bob", "France", Verdict::KEPT, at());
        it.set_actor_verdict("ann", "Germany", Verdict::KEPT, at());
        it.set_actor_verdict("bob", "Germany", Verdict::BROKEN, at());
        it.set_actor_verdict("cy", "Italy", Verdict::BROKEN, at());
        it.set_actor_verdict("ann", "Italy", Verdict::PENDING, at());
        let names = |it: &Item| -> Vec<String> {
            actors_in_dispute(it)
                .iter()
                .map(|a| a.to_string())
                .collect()
        };
        assert_eq!(names(&it), ["Germany"]);
        it.set_reconciled_actor("ann", "GERMANY", Verdict::BROKEN, at());
        assert!(names(&it).is_empty());
    }
}
