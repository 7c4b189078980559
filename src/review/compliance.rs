//! Compliance as the G7 Research Group reports it: each member that made a commitment is
//! scored −1 (no compliance, or action against it), 0 (partial compliance or work in
//! progress) or +1 (full compliance); a commitment's score is the mean over its members,
//! and every mean (per commitment, per member, per summit) is also given as a percentage,
//! `(mean + 1) / 2 × 100`, so +1 is 100 %, 0 is 50 % and −1 is 0 %.
//!
//! Reference: G7 Research Group, University of Toronto, *Compliance Coding Manual for
//! International Institutional Commitments* and its interim and final compliance reports
//! (<http://www.g7.utoronto.ca/compliance/>), which also compare commitments by their
//! "catalysts", words that go with higher compliance, among them a timeline and a
//! numerical target.
//!
//! How a workspace's verdicts become those scores:
//! - a verdict scores what its scale says ([`Scale::score`]); `pending` and
//!   `not-a-commitment` score nothing;
//! - a review with per-actor verdicts scores each actor, and scores the commitment with
//!   the mean over the actors it scored (its overall verdict then counts only when it is
//!   `not-a-commitment`, which speaks for the whole item);
//! - the pair's reconciled verdict, once recorded, is the commitment's score;
//! - otherwise the reviewers who rated the item must agree: each gives it the same score
//!   (one reviewer alone agrees with themself). Reviewers who differ leave the commitment
//!   *disagreed*, counted apart until the pair reconciles it: the mean of a −1 and a +1
//!   would report 0, partial compliance, which neither reviewer said;
//! - an actor's score on a commitment is found the same way, from the reviewers who gave
//!   that actor a verdict, unless the pair reconciled that actor: then it is their verdict,
//!   and each review's mean over the actors reads that actor so (a commitment whose
//!   reviewers differed on one actor only is scored once the pair settles that actor);
//! - items that score nothing (pending, not a commitment, disagreed) are left out of every
//!   mean and counted apart; an actor's figures cover the scored commitments only.
//!
//! Means over commitments are means of commitment scores (the G7's average over
//! commitments of each commitment's average over members); an actor's mean is over the
//! commitments it was scored on.

use std::collections::BTreeMap;

use crate::workspace::{Item, Reconciled, Review, Scale, Short, Verdict};

/// Scores this close are the same score (a mean over actors is computed, not read).
const SAME: f64 = 1e-9;

/// A mean score (−1 … +1) as the G7 Research Group's percentage: `(mean + 1) / 2 × 100`.
pub fn percent(mean: f64) -> f64 {
    (mean + 1.0) / 2.0 * 100.0
}

/// Where one commitment (or one actor of it) stands for the compliance figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Standing {
    /// Scored, −1 … +1.
    Scored(f64),
    /// Not rated yet (no verdict, or only `pending`).
    Pending,
    /// The reviewers (or the pair) say the extraction was wrong.
    NotACommitment,
    /// Reviewers gave different scores, and the pair has not reconciled them.
    Disagreed,
}

impl Standing {
    /// Its name in the command line's output.
    pub fn name(self) -> &'static str {
        match self {
            Standing::Scored(_) => "scored",
            Standing::Pending => "pending",
            Standing::NotACommitment => "not-a-commitment",
            Standing::Disagreed => "disagreed",
        }
    }

    /// The score, when there is one.
    pub fn score(self) -> Option<f64> {
        match self {
            Standing::Scored(s) => Some(s),
            _ => None,
        }
    }
}

/// What one review (or the reconciled verdict) says of a commitment or an actor.
#[derive(Debug, Clone, Copy)]
enum Reading {
    Score(f64),
    Pending,
    NotACommitment,
}

fn reading(scale: &Scale, v: Verdict) -> Reading {
    match scale.score(v) {
        Some(s) => Reading::Score(s),
        None if v == Verdict::NOT_A_COMMITMENT => Reading::NotACommitment,
        None => Reading::Pending,
    }
}

/// One reviewer's reading of the whole commitment: `not-a-commitment` speaks for the
/// item; else the mean over the actors the review scored, each actor the pair reconciled
/// read as they settled it (`settled`); else the verdict's score.
fn review_reading(
    scale: &Scale,
    review: &Review,
    settled: &BTreeMap<Short, Reconciled>,
) -> Reading {
    if review.verdict == Verdict::NOT_A_COMMITMENT {
        return Reading::NotACommitment;
    }
    if review.actors.is_empty() {
        return reading(scale, review.verdict);
    }
    let own = review
        .actors
        .iter()
        .filter(|(a, _)| !settled.contains_key(*a));
    let scores: Vec<f64> = own
        .map(|(_, v)| v)
        .chain(settled.values().map(|r| r.verdict))
        .filter_map(|v| scale.score(v))
        .collect();
    if scores.is_empty() {
        return reading(scale, review.verdict);
    }
    Reading::Score(scores.iter().sum::<f64>() / scores.len() as f64)
}

/// The standing several readings agree on: pending ones say nothing; the same score from
/// every other one is that score; `not-a-commitment` from all of them is that; anything
/// else is a disagreement.
fn combine(readings: impl IntoIterator<Item = Reading>) -> Standing {
    let (mut score, mut rejected, mut differ) = (None::<f64>, false, false);
    for r in readings {
        match r {
            Reading::Pending => {}
            Reading::NotACommitment => rejected = true,
            Reading::Score(s) => match score {
                None => score = Some(s),
                Some(t) => differ |= (t - s).abs() > SAME,
            },
        }
    }
    match (score, rejected, differ) {
        (Some(_), true, _) | (_, _, true) => Standing::Disagreed,
        (Some(s), false, false) => Standing::Scored(s),
        (None, true, _) => Standing::NotACommitment,
        (None, false, _) => Standing::Pending,
    }
}

/// One commitment's standing, and its actors' when it is scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Where the commitment stands.
    pub standing: Standing,
    /// The standing is the pair's reconciled verdict rather than the reviewers' own.
    pub reconciled: bool,
    /// Each actor's standing, by name, for a scored commitment whose reviewers gave
    /// per-actor verdicts (empty otherwise).
    pub actors: Vec<(Short, Standing)>,
}

/// Where `item` stands: the reconciled verdict if the pair recorded one (and it is not
/// `pending`), else what its reviewers agree on. With `only`, that reviewer's verdicts
/// alone (the reconciled verdict and the other reviewers set aside).
pub fn score_item(item: &Item, scale: &Scale, only: Option<&str>) -> Scored {
    let reviews: Vec<&Review> = item
        .reviews
        .iter()
        .filter(|(name, _)| only.is_none_or(|o| name.as_str() == o))
        .map(|(_, r)| r)
        .collect();
    let settled = item
        .reconciled
        .as_ref()
        .filter(|r| only.is_none() && r.verdict != Verdict::PENDING)
        .map(|r| reading(scale, r.verdict));
    // The actors the pair settled one by one (not for one reviewer's figures).
    let settled_actors: BTreeMap<Short, Reconciled> = match only {
        Some(_) => BTreeMap::new(),
        None => item
            .reconciled_actors
            .iter()
            .filter(|(_, r)| r.verdict != Verdict::PENDING)
            .map(|(a, r)| (a.clone(), r.clone()))
            .collect(),
    };
    let standing = match settled {
        Some(r) => combine([r]),
        None => combine(
            reviews
                .iter()
                .map(|r| review_reading(scale, r, &settled_actors)),
        ),
    };
    let mut actors = Vec::new();
    if let Standing::Scored(_) = standing {
        let mut names: Vec<&Short> = reviews
            .iter()
            .flat_map(|r| r.actors.iter().map(|(a, _)| a))
            .collect();
        if !names.is_empty() {
            names.extend(settled_actors.keys());
        }
        names.sort_unstable();
        names.dedup();
        for actor in names {
            let standing = match settled_actors.get(actor) {
                Some(r) => combine([reading(scale, r.verdict)]),
                None => combine(
                    reviews
                        .iter()
                        .filter_map(|r| r.actors.get(actor))
                        .map(|v| reading(scale, v)),
                ),
            };
            actors.push((actor.clone(), standing));
        }
    }
    Scored {
        standing,
        reconciled: settled.is_some(),
        actors,
    }
}

/// Figures for a set of commitments: their mean score and how many stand where.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    /// Commitments scored: the base of the mean.
    pub scored: usize,
    /// The sum of their scores.
    pub sum: f64,
    /// Left out: rated not a commitment.
    pub not_a_commitment: usize,
    /// Left out: not rated yet.
    pub pending: usize,
    /// Left out: reviewers differ and the pair has not reconciled them.
    pub disagreed: usize,
}

impl Tally {
    /// Counts one more commitment.
    pub fn add(&mut self, s: Standing) {
        match s {
            Standing::Scored(x) => {
                self.scored += 1;
                self.sum += x;
            }
            Standing::Pending => self.pending += 1,
            Standing::NotACommitment => self.not_a_commitment += 1,
            Standing::Disagreed => self.disagreed += 1,
        }
    }

    /// The tally of one commitment.
    pub fn of(s: Standing) -> Tally {
        let mut t = Tally::default();
        t.add(s);
        t
    }

    /// The mean score, −1 … +1; `None` when nothing is scored.
    pub fn mean(&self) -> Option<f64> {
        (self.scored > 0).then(|| self.sum / self.scored as f64)
    }

    /// The compliance percentage of the mean ([`percent`]).
    pub fn percent(&self) -> Option<f64> {
        self.mean().map(percent)
    }
}

/// The G7 Research Group's catalysts this workspace can tell from the extraction: a
/// numerical target (the item holds a figure) and a timeline (it has a deadline), each
/// with the commitments that have it and those that do not.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Catalysts {
    /// Commitments holding a figure.
    pub target: Tally,
    /// Commitments holding none.
    pub no_target: Tally,
    /// Commitments with a deadline.
    pub timeline: Tally,
    /// Commitments without one.
    pub no_timeline: Tally,
}

/// Whether `item` has a numerical target: a figure in its words.
pub fn has_target(item: &Item) -> bool {
    !item.figures.is_empty()
}

/// Whether `item` has a timeline: a deadline in its words.
pub fn has_timeline(item: &Item) -> bool {
    item.deadline.is_some()
}

/// One commitment's line in the report.
#[derive(Debug, Clone)]
pub struct Commitment<'a> {
    /// The item's id.
    pub id: &'a Short,
    /// The item.
    pub item: &'a Item,
    /// Where it stands, and its actors.
    pub scored: Scored,
}

/// The compliance report of a workspace (or part of one).
#[derive(Debug, Clone, Default)]
pub struct Compliance<'a> {
    /// Every item, in the order given, with its standing.
    pub commitments: Vec<Commitment<'a>>,
    /// All of them.
    pub corpus: Tally,
    /// By catalyst.
    pub catalysts: Catalysts,
    /// By document name.
    pub documents: BTreeMap<Short, Tally>,
    /// By actor name, over the scored commitments that actor has a verdict on.
    pub actors: BTreeMap<Short, Tally>,
}

/// Scores every item of `items` and sums them up per document, per actor, for the whole,
/// and per catalyst. With `only`, that reviewer's verdicts alone.
pub fn compliance<'a>(
    items: impl IntoIterator<Item = (&'a Short, &'a Item)>,
    scale: &Scale,
    only: Option<&str>,
) -> Compliance<'a> {
    let mut out = Compliance::default();
    for (id, item) in items {
        let scored = score_item(item, scale, only);
        let s = scored.standing;
        out.corpus.add(s);
        out.documents.entry(item.doc.clone()).or_default().add(s);
        let c = &mut out.catalysts;
        let target = if has_target(item) {
            &mut c.target
        } else {
            &mut c.no_target
        };
        target.add(s);
        let timeline = if has_timeline(item) {
            &mut c.timeline
        } else {
            &mut c.no_timeline
        };
        timeline.add(s);
        for (actor, a) in &scored.actors {
            out.actors.entry(actor.clone()).or_default().add(*a);
        }
        out.commitments.push(Commitment { id, item, scored });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::Origin;

    fn g7(name: &str) -> Verdict {
        Scale::g7().get(name).unwrap()
    }

    const FULL: &str = "full-compliance";
    const PART: &str = "partial-compliance";
    const NON: &str = "non-compliance";

    fn item(doc: &str) -> Item {
        let anchor = crate::workspace::anchor::anchor("We will act.", 0, 12);
        Item::new(doc, Origin::Extracted, anchor)
    }

    fn rated(doc: &str, verdicts: &[(&str, &str)]) -> Item {
        let mut it = item(doc);
        for (who, v) in verdicts {
            let v = Verdict::from_name(v).unwrap();
            it.set_review(who, v, String::new(), "2026-01-01T00:00:00Z".into());
        }
        it
    }

    fn by_actor(it: &mut Item, who: &str, actor: &str, v: &str) {
        let v = Verdict::from_name(v).unwrap();
        it.set_actor_verdict(who, actor, v, "2026-01-02T00:00:00Z".into());
    }

    fn standing(it: &Item) -> Standing {
        score_item(it, &Scale::g7(), None).standing
    }

    #[test]
    fn the_percentage_is_the_g7_conversion() {
        assert_eq!(percent(1.0), 100.0);
        assert_eq!(percent(0.0), 50.0);
        assert_eq!(percent(-1.0), 0.0);
        assert_eq!(percent(0.5), 75.0);
    }

    #[test]
    fn agreeing_reviewers_score_and_differing_ones_are_counted_apart() {
        assert_eq!(
            standing(&rated("a", &[("ann", FULL)])),
            Standing::Scored(1.0)
        );
        assert_eq!(
            standing(&rated("a", &[("ann", PART), ("bob", PART)])),
            Standing::Scored(0.0)
        );
        assert_eq!(
            standing(&rated("a", &[("ann", FULL), ("bob", NON)])),
            Standing::Disagreed,
            "not the mean, 0, which neither said"
        );
        assert_eq!(
            standing(&rated("a", &[("ann", FULL), ("bob", "pending")])),
            Standing::Scored(1.0),
            "pending says nothing"
        );
        assert_eq!(standing(&item("a")), Standing::Pending);
        // On the standard scale `broken` and `stalled` both score −1: they agree.
        let it = rated("a", &[("ann", "broken"), ("bob", "stalled")]);
        let s = score_item(&it, &Scale::standard(), None);
        assert_eq!(s.standing, Standing::Scored(-1.0));
    }

    #[test]
    fn the_reconciled_verdict_wins() {
        let mut it = rated("a", &[("ann", FULL), ("bob", NON)]);
        it.set_reconciled(
            "ann",
            g7(PART),
            String::new(),
            "2026-02-01T00:00:00Z".into(),
        );
        let s = score_item(&it, &Scale::g7(), None);
        assert_eq!((s.standing, s.reconciled), (Standing::Scored(0.0), true));
        // A reconciled not-a-commitment leaves the item out even where both rated it.
        let mut it = rated("a", &[("ann", FULL), ("bob", FULL)]);
        it.set_reconciled("bob", Verdict::NOT_A_COMMITMENT, String::new(), "t".into());
        assert_eq!(standing(&it), Standing::NotACommitment);
        // One reviewer's figures set the reconciled verdict and the other aside.
        let mut it = rated("a", &[("ann", FULL), ("bob", NON)]);
        it.set_reconciled("ann", g7(PART), String::new(), "t".into());
        let ann = score_item(&it, &Scale::g7(), Some("ann"));
        assert_eq!(
            (ann.standing, ann.reconciled),
            (Standing::Scored(1.0), false)
        );
        let carl = score_item(&it, &Scale::g7(), Some("carl"));
        assert_eq!(carl.standing, Standing::Pending);
    }

    #[test]
    fn not_a_commitment_is_left_out_and_against_a_score_is_a_disagreement() {
        let nac = Verdict::NOT_A_COMMITMENT.name();
        assert_eq!(
            standing(&rated("a", &[("ann", nac), ("bob", nac)])),
            Standing::NotACommitment
        );
        assert_eq!(
            standing(&rated("a", &[("ann", nac), ("bob", FULL)])),
            Standing::Disagreed
        );
        let items = [
            rated("a", &[("ann", nac)]),
            rated("a", &[("ann", FULL)]),
            item("a"),
        ];
        let ids: Vec<Short> = ["1", "2", "3"].map(Short::from).into();
        let c = compliance(ids.iter().zip(&items), &Scale::g7(), None);
        assert_eq!(
            (c.corpus.scored, c.corpus.not_a_commitment, c.corpus.pending),
            (1, 1, 1)
        );
        assert_eq!(c.corpus.mean(), Some(1.0));
        let t = c.corpus;
        assert_eq!(t.scored + t.not_a_commitment + t.pending + t.disagreed, 3);
    }

    #[test]
    fn per_actor_verdicts_score_each_actor_and_the_commitment_is_their_mean() {
        let mut it = item("a");
        by_actor(&mut it, "ann", "France", FULL);
        by_actor(&mut it, "ann", "Germany", PART);
        // The overall verdict (pending here) does not count beside the actors'.
        let s = score_item(&it, &Scale::g7(), None);
        assert_eq!(s.standing, Standing::Scored(0.5));
        assert_eq!(
            s.actors,
            [
                ("France".into(), Standing::Scored(1.0)),
                ("Germany".into(), Standing::Scored(0.0))
            ]
        );
        // A second reviewer who agrees on each actor: the same; who differs on one actor:
        // the commitment's mean differs, so it is disagreed and no actor is counted.
        let mut both = it.clone();
        by_actor(&mut both, "bob", "France", FULL);
        by_actor(&mut both, "bob", "Germany", PART);
        assert_eq!(standing(&both), Standing::Scored(0.5));
        let mut differ = it.clone();
        by_actor(&mut differ, "bob", "Germany", NON);
        by_actor(&mut differ, "bob", "France", FULL);
        let s = score_item(&differ, &Scale::g7(), None);
        assert_eq!((s.standing, s.actors.len()), (Standing::Disagreed, 0));
        // The pair settles Germany alone, at 0: the commitment is (1 + 0) / 2 for both
        // reviewers, so scored; one reviewer's own figures still differ.
        differ.set_reconciled_actor("ann", "germany", g7(PART), "t".into());
        let s = score_item(&differ, &Scale::g7(), None);
        assert_eq!(s.standing, Standing::Scored(0.5));
        assert_eq!(
            s.actors,
            [
                ("France".into(), Standing::Scored(1.0)),
                ("Germany".into(), Standing::Scored(0.0))
            ]
        );
        let bob = score_item(&differ, &Scale::g7(), Some("bob"));
        assert_eq!(
            bob.standing,
            Standing::Scored(0.0),
            "bob's own: (1 − 1) / 2"
        );
        // Taken back (`pending`), Germany is disagreed again.
        differ.set_reconciled_actor("ann", "Germany", Verdict::PENDING, "t".into());
        assert!(differ.reconciled_actors.is_empty());
        assert_eq!(standing(&differ), Standing::Disagreed);
        // A reconciled verdict settles the commitment; the actors keep the reviewers'
        // scores, each actor's where they agree.
        let mut plain = it.clone();
        plain.set_review("bob", g7(NON), String::new(), "t".into());
        by_actor(&mut plain, "bob", "Germany", NON);
        plain.set_reconciled("ann", g7(PART), String::new(), "t".into());
        let s = score_item(&plain, &Scale::g7(), None);
        assert_eq!(s.standing, Standing::Scored(0.0));
        assert_eq!(
            s.actors,
            [
                ("France".into(), Standing::Scored(1.0)),
                ("Germany".into(), Standing::Disagreed)
            ]
        );
        // `not-a-commitment` overall speaks for the item whatever the actors say.
        let mut rejected = it;
        rejected.set_review("ann", Verdict::NOT_A_COMMITMENT, String::new(), "t".into());
        assert_eq!(standing(&rejected), Standing::NotACommitment);
    }

    #[test]
    fn figures_sum_up_per_document_actor_and_catalyst() {
        let mut two = item("a.txt");
        by_actor(&mut two, "ann", "France", FULL);
        by_actor(&mut two, "ann", "Germany", NON);
        two.figures = vec!["€10 million".into()];
        let mut dated = rated("a.txt", &[("ann", FULL)]);
        dated.deadline = Some("2030-01-01".into());
        let mut both = rated("b.txt", &[("ann", NON)]);
        both.figures = vec!["40%".into()];
        both.deadline = Some("2025-12-31".into());
        let mut france = rated("b.txt", &[]);
        by_actor(&mut france, "ann", "France", PART);
        let items = [two, dated, both, france, item("b.txt")];
        let ids: Vec<Short> = (0..items.len())
            .map(|k| Short::from(k.to_string()))
            .collect();
        let c = compliance(ids.iter().zip(&items), &Scale::g7(), None);
        // Scores 0 (mean of +1 and −1), +1, −1, 0; one pending.
        assert_eq!((c.corpus.scored, c.corpus.pending), (4, 1));
        assert_eq!(c.corpus.mean(), Some(0.0));
        assert_eq!(c.corpus.percent(), Some(50.0));
        assert_eq!(c.documents["a.txt"].mean(), Some(0.5));
        assert_eq!(c.documents["a.txt"].percent(), Some(75.0));
        assert_eq!(c.documents["b.txt"].mean(), Some(-0.5));
        assert_eq!(c.documents["b.txt"].pending, 1);
        // France: +1 and 0; Germany: −1.
        assert_eq!(c.actors["France"].mean(), Some(0.5));
        assert_eq!(c.actors["France"].scored, 2);
        assert_eq!(c.actors["Germany"].percent(), Some(0.0));
        let k = c.catalysts;
        assert_eq!((k.target.scored, k.target.mean()), (2, Some(-0.5)));
        assert_eq!((k.no_target.scored, k.no_target.mean()), (2, Some(0.5)));
        assert_eq!(k.no_target.pending, 1);
        assert_eq!((k.timeline.scored, k.timeline.mean()), (2, Some(0.0)));
        assert_eq!((k.no_timeline.scored, k.no_timeline.mean()), (2, Some(0.0)));
        assert_eq!(c.commitments.len(), 5);
        assert_eq!(c.commitments[0].id, "0");
    }
}
