//! What a workspace holds: checklist items, each anchored to its text, with every
//! reviewer's verdict kept apart so two branches merge item by item.

use std::collections::{BTreeMap, HashMap};

use compact_str::CompactString;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// A short string (an id, a name, a timestamp) kept inline without an allocation: a
/// workspace of 50,000 items holds a few hundred thousand of them, and allocating each one
/// was most of the time it took to load.
pub type Short = CompactString;

/// The schema this build writes; older ones are migrated when read (see `migrate`).
pub const SCHEMA: u32 = 5;

/// The file's `"$schema"`: the JSON Schema that editors validate it with, which
/// `cordiale schema --write` puts beside the workspace (`schema/workspace.schema.json` in
/// the repository).
pub const SCHEMA_REF: &str = "cordiale-workspace.schema.json";

pub use super::scale::{Scale, Verdict};

/// Where an item's text is, robustly: the exact quote with a little context (which find it
/// again after the document is edited) and the byte position as a hint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// The quote: the item's text exactly as it stood in the document.
    pub exact: String,
    /// Up to `CONTEXT_CHARS` characters just before the quote, to find it again.
    pub prefix: String,
    /// Up to `CONTEXT_CHARS` characters just after the quote.
    pub suffix: String,
    /// Byte span in the document when the anchor was last placed.
    pub start: usize,
    /// Byte offset just past the quote, when the anchor was last placed.
    pub end: usize,
    /// Hash of the document text the position refers to (hex SHA-256, first 16 digits).
    pub doc_hash: Short,
}

/// How an item came to be on the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// Found by the extraction.
    Extracted,
    /// Added by a reviewer from a span of the text.
    Manual,
}

impl Origin {
    /// The name written in the file (`extracted`, `manual`).
    pub fn name(self) -> &'static str {
        match self {
            Origin::Extracted => "extracted",
            Origin::Manual => "manual",
        }
    }
}

/// One reviewer's verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// What the reviewer judged.
    pub verdict: Verdict,
    /// The reviewer's note (empty: none, and not written in the file).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// RFC 3339, UTC, to the second.
    pub at: Short,
    /// Given before the item was re-attached to changed words: it judged other text and
    /// should be looked at again (as a review approval is dismissed when the code under it
    /// changes). Cleared by the reviewer's next verdict.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stale: bool,
    /// The reviewer's verdict for each actor of a commitment several pledged (the G7
    /// method scores each member), by actor name.
    #[serde(default, skip_serializing_if = "ActorVerdicts::is_empty")]
    pub actors: ActorVerdicts,
    /// What the verdict rests on, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// Verdicts by actor, in name order (a sorted vector: an item has a few actors).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorVerdicts(Vec<(Short, Verdict)>);

impl ActorVerdicts {
    /// The verdict for `actor`.
    pub fn get(&self, actor: &str) -> Option<Verdict> {
        self.0
            .binary_search_by(|(a, _)| a.as_str().cmp(actor))
            .ok()
            .map(|i| self.0[i].1)
    }

    /// Sets the verdict for `actor`; returns the one it replaces.
    pub fn insert(&mut self, actor: impl Into<Short>, verdict: Verdict) -> Option<Verdict> {
        let actor = actor.into();
        match self.0.binary_search_by(|(a, _)| a.cmp(&actor)) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, verdict)),
            Err(i) => {
                self.0.insert(i, (actor, verdict));
                None
            }
        }
    }

    /// No actor has a verdict of its own.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many actors have a verdict.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Actor names and verdicts, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&Short, Verdict)> {
        self.0.iter().map(|(a, v)| (a, *v))
    }
}

impl Serialize for ActorVerdicts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(a, v)| (a, v)))
    }
}

impl<'de> Deserialize<'de> for ActorVerdicts {
    /// Reads the object of verdicts by actor, refusing an actor named twice.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let pairs: Vec<(Short, Verdict)> = d.deserialize_map(PairsVisitor::default())?;
        let mut out = ActorVerdicts::default();
        for (actor, verdict) in pairs {
            if out.insert(actor.clone(), verdict).is_some() {
                return Err(serde::de::Error::custom(format!(
                    "actor {actor} appears twice"
                )));
            }
        }
        Ok(out)
    }
}

/// Reads a JSON object as its (key, value) pairs in file order.
struct PairsVisitor<V>(std::marker::PhantomData<V>);

impl<V> Default for PairsVisitor<V> {
    fn default() -> Self {
        PairsVisitor(std::marker::PhantomData)
    }
}

impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for PairsVisitor<V> {
    type Value = Vec<(Short, V)>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(pair) = map.next_entry()? {
            out.push(pair);
        }
        Ok(out)
    }
}

/// What a verdict rests on: a passage of a corpus document (anchored as items are, so it
/// is found again after the document is edited), or an outside source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The date the evidence speaks from (ISO 8601 day): the document's date of issue, or
    /// the outside source's date. It decides whether the evidence counts at an assessment
    /// date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Short>,
    /// The corpus document the passage is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<Short>,
    /// Where the passage is in that document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
    /// An outside source: its URL or citation.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The words quoted from an outside source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub excerpt: String,
    /// When the reviewer cited it, RFC 3339 UTC.
    pub at: Short,
}

impl Evidence {
    /// A passage of corpus document `doc` (whose text is `text`), bytes `start..end`,
    /// anchored as items are and dated `date` (the document's date of issue), cited now.
    pub fn passage(
        (doc, text): (&str, &str),
        (start, end): (usize, usize),
        date: Option<Short>,
    ) -> Evidence {
        Evidence {
            date,
            doc: Some(doc.into()),
            anchor: Some(super::anchor::anchor(text, start, end)),
            source: String::new(),
            excerpt: String::new(),
            at: now(),
        }
    }

    /// The quoted words: the passage's, or the outside source's excerpt.
    pub fn quote(&self) -> &str {
        match &self.anchor {
            Some(a) => &a.exact,
            None => &self.excerpt,
        }
    }

    /// Where it comes from, in a few words: the document's name or the source.
    pub fn origin(&self) -> &str {
        match &self.doc {
            Some(d) => d,
            None => &self.source,
        }
    }
}

/// Each reviewer's verdict on an item, by reviewer name, in name order.
///
/// A sorted vector rather than a `BTreeMap`: an item has one or two reviewers, and a map's
/// node holds room for eleven, which made a 50,000-item workspace 45 MB bigger in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reviews(Vec<(Short, Review)>);

impl Reviews {
    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(n, _)| n.as_str().cmp(name))
    }

    /// The review by `name`.
    pub fn get(&self, name: &str) -> Option<&Review> {
        self.find(name).ok().map(|i| &self.0[i].1)
    }

    /// The review by `name`, to change it.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Review> {
        self.find(name).ok().map(|i| &mut self.0[i].1)
    }

    /// Whether `name` has reviewed the item.
    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Sets a reviewer's review; returns the one it replaces.
    pub fn insert(&mut self, name: impl Into<Short>, review: Review) -> Option<Review> {
        let name = name.into();
        match self.find(&name) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, review)),
            Err(i) => {
                self.0.insert(i, (name, review));
                None
            }
        }
    }

    /// `name`'s review, made `pending` at `at` when they have none: where a verdict for one
    /// actor, or evidence, goes before any verdict on the whole.
    pub fn or_pending(&mut self, name: &str, at: &Short) -> &mut Review {
        let i = match self.find(name) {
            Ok(i) => i,
            Err(i) => {
                let pending = Review {
                    at: at.clone(),
                    ..Review::default()
                };
                self.0.insert(i, (name.into(), pending));
                i
            }
        };
        &mut self.0[i].1
    }

    /// Takes away `name`'s review and returns it.
    pub fn remove(&mut self, name: &str) -> Option<Review> {
        self.find(name).ok().map(|i| self.0.remove(i).1)
    }

    /// Takes away every review.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// How many reviewers reviewed the item.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No reviewer has reviewed the item.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Reviewer names and their reviews, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&Short, &Review)> {
        self.0.iter().map(|(n, r)| (n, r))
    }

    /// Reviewer names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &Short> {
        self.0.iter().map(|(n, _)| n)
    }

    /// The reviews, in reviewer name order.
    pub fn values(&self) -> impl Iterator<Item = &Review> {
        self.0.iter().map(|(_, r)| r)
    }

    /// The reviews, in reviewer name order, to change them.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Review> {
        self.0.iter_mut().map(|(_, r)| r)
    }
}

impl std::ops::Index<&str> for Reviews {
    type Output = Review;
    fn index(&self, name: &str) -> &Review {
        self.get(name)
            .unwrap_or_else(|| panic!("no review by {name}"))
    }
}

impl<'a> IntoIterator for &'a Reviews {
    type Item = (&'a Short, &'a Review);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Short, Review)>,
        fn(&'a (Short, Review)) -> (&'a Short, &'a Review),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(n, r)| (n, r))
    }
}

impl<N: Into<Short>> FromIterator<(N, Review)> for Reviews {
    /// The last review of a name repeated wins, as in a map.
    fn from_iter<I: IntoIterator<Item = (N, Review)>>(iter: I) -> Self {
        let mut reviews = Reviews::default();
        for (name, review) in iter {
            reviews.insert(name, review);
        }
        reviews
    }
}

impl Serialize for Reviews {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Reviews {
    /// Reads the reviews object, refusing a reviewer named twice (a JSON parser would keep
    /// the last verdict silently).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Reviews;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of reviews by reviewer")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Reviews, A::Error> {
                let mut reviews = Reviews::default();
                while let Some((name, review)) = map.next_entry::<Short, Review>()? {
                    if reviews.contains_key(&name) {
                        return Err(serde::de::Error::custom(format!(
                            "reviewer {name} appears twice"
                        )));
                    }
                    reviews.insert(name, review);
                }
                Ok(reviews)
            }
        }
        d.deserialize_map(Visit)
    }
}

/// The verdict a pair agreed on after a disagreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reconciled {
    /// The verdict the pair settled on.
    pub verdict: Verdict,
    /// Why, if the reconciler wrote it down (empty: not written in the file).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The reviewer who recorded it.
    pub by: Short,
    /// RFC 3339, UTC, to the second.
    pub at: Short,
}

impl Reconciled {
    /// The history's record of this reconciliation (of `actor`, when it was one actor's),
    /// once another replaced it.
    pub(super) fn into_event(self, actor: Option<Short>) -> Event {
        Event {
            at: self.at,
            by: self.by,
            what: "reconcile".into(),
            verdict: Some(self.verdict),
            note: self.note,
            quote: None,
            actor,
        }
    }
}

/// An earlier state of an item, kept when a newer one replaced it: a reviewer's previous
/// verdict and note, a previous reconciliation, the quote before a re-anchoring; and who
/// added a hand-made item. With the item's current state it is the full record, and nothing
/// anyone typed is lost. Append-only.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// When the replaced state was given (when it was replaced is the next state's time);
    /// for `reanchor`, `added`, `undo` and `redo`, when that was done.
    pub at: Short,
    /// The reviewer whose state it was, or who did it.
    pub by: Short,
    /// `verdict`, `reconcile`, `reanchor`, `added`, or `undo` / `redo` (the workbench's:
    /// the verdict and note they replaced, none when there was no review before).
    pub what: Short,
    /// The verdict replaced, if there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// The note replaced (empty: none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The quote before a re-anchoring changed it; for `evidence`, the evidence removed
    /// (its origin and quote).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// For an `actor` event, the actor whose verdict was replaced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Short>,
}

/// One checklist item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The document's name in the corpus.
    pub doc: Short,
    /// Found by the extraction, or added by hand.
    pub origin: Origin,
    /// Where the item's text is in its document.
    pub anchor: Anchor,
    /// Who pledges, as extracted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Short>,
    /// The deadline as extracted (ISO 8601), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Short>,
    /// The figures inside the item, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Short>,
    /// Each reviewer's verdict, by reviewer name.
    #[serde(default)]
    pub reviews: Reviews,
    /// The pair's verdict after a disagreement, once recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconciled: Option<Reconciled>,
    /// The pair's verdict for one actor after they differed on it (the G7 method scores
    /// each member), by actor name: settles that actor without a verdict on the whole.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reconciled_actors: BTreeMap<Short, Reconciled>,
    /// Earlier states of the item (see [`Event`]): nothing anyone typed is lost.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Event>,
}

impl Item {
    /// An item not yet reviewed, with nothing but where it is.
    pub fn new(doc: impl Into<Short>, origin: Origin, anchor: Anchor) -> Item {
        Item {
            doc: doc.into(),
            origin,
            anchor,
            actors: Vec::new(),
            deadline: None,
            figures: Vec::new(),
            reviews: Reviews::default(),
            reconciled: None,
            reconciled_actors: BTreeMap::new(),
            history: Vec::new(),
        }
    }
}

impl Item {
    /// Every verdict the item holds now, with who gave it: each reviewer's, each of their
    /// per-actor verdicts, and the reconciliation's (by `the reconciliation`). What a scale
    /// must have for the item to mean something.
    pub fn given_verdicts(&self) -> impl Iterator<Item = (&str, Verdict)> {
        self.reviews
            .iter()
            .flat_map(|(who, r)| {
                std::iter::once((who.as_str(), r.verdict))
                    .chain(r.actors.iter().map(move |(_, v)| (who.as_str(), v)))
            })
            .chain(
                self.reconciled
                    .iter()
                    .chain(self.reconciled_actors.values())
                    .map(|r| ("the reconciliation", r.verdict)),
            )
    }

    /// Sets `who`'s verdict and note; the review it replaces goes to the history.
    /// Per-actor verdicts and evidence stay: they are given apart.
    pub fn set_review(&mut self, who: &str, verdict: Verdict, note: String, at: Short) {
        let mut new = Review {
            verdict,
            note,
            at,
            stale: false,
            actors: ActorVerdicts::default(),
            evidence: Vec::new(),
        };
        if let Some(old) = self.reviews.get_mut(who) {
            new.actors = std::mem::take(&mut old.actors);
            new.evidence = std::mem::take(&mut old.evidence);
        }
        if let Some(old) = self.reviews.insert(who, new) {
            self.history.push(Event {
                at: old.at,
                by: who.into(),
                what: "verdict".into(),
                verdict: Some(old.verdict),
                note: old.note,
                quote: None,
                actor: None,
            });
        }
    }

    /// The spelling this item already gives the actor `given`, whatever its case (the
    /// extracted actors first, then the names reviewers rated, then those the pair
    /// reconciled): `france` rates `France`, not a second actor. `given` itself when the
    /// item knows no such actor.
    pub fn actor_spelling(&self, given: &str) -> Short {
        let given_folded = given.to_lowercase();
        let rated = self.reviews.iter().flat_map(|(_, r)| r.actors.iter());
        self.actors
            .iter()
            .chain(rated.map(|(a, _)| a))
            .chain(self.reconciled_actors.keys())
            .find(|a| a.as_str() == given || a.to_lowercase() == given_folded)
            .cloned()
            .unwrap_or_else(|| given.into())
    }

    /// Sets `who`'s verdict for one actor, under the spelling the item already gives it
    /// ([`Item::actor_spelling`], which is returned); the item's overall verdict becomes
    /// pending if `who` had none; the verdict it replaces goes to the history.
    pub fn set_actor_verdict(
        &mut self,
        who: &str,
        actor: &str,
        verdict: Verdict,
        at: Short,
    ) -> Short {
        let actor = self.actor_spelling(actor);
        let review = self.reviews.or_pending(who, &at);
        if let Some(old) = review.actors.insert(actor.clone(), verdict) {
            self.history.push(Event {
                at: at.clone(),
                by: who.into(),
                what: "actor".into(),
                verdict: Some(old),
                note: String::new(),
                quote: None,
                actor: Some(actor.clone()),
            });
        }
        actor
    }

    /// Adds evidence to `who`'s verdict (pending if `who` had none).
    pub fn add_evidence(&mut self, who: &str, evidence: Evidence) {
        let at = evidence.at.clone();
        self.reviews.or_pending(who, &at).evidence.push(evidence);
    }

    /// Takes away `who`'s evidence number `k` (0 first); the history keeps what it was.
    pub fn remove_evidence(&mut self, who: &str, k: usize, at: Short) -> Option<Evidence> {
        let review = self.reviews.get_mut(who)?;
        if k >= review.evidence.len() {
            return None;
        }
        let gone = review.evidence.remove(k);
        self.history.push(Event {
            at,
            by: who.into(),
            what: "evidence".into(),
            verdict: None,
            note: String::new(),
            quote: Some(format!(
                "{} ({}): {}",
                gone.origin(),
                gone.date.as_deref().unwrap_or("undated"),
                gone.quote()
            )),
            actor: None,
        });
        Some(gone)
    }

    /// Records the pair's verdict after a disagreement; one it replaces goes to the history.
    pub fn set_reconciled(&mut self, by: &str, verdict: Verdict, note: String, at: Short) {
        let new = Reconciled {
            verdict,
            note,
            by: by.into(),
            at,
        };
        if let Some(old) = self.reconciled.replace(new) {
            self.history.push(old.into_event(None));
        }
    }

    /// Records the pair's verdict for one actor, under the spelling the item gives it
    /// ([`Item::actor_spelling`], which is returned); `pending` takes the reconciliation
    /// of that actor away. The one it replaces goes to the history.
    pub fn set_reconciled_actor(
        &mut self,
        by: &str,
        actor: &str,
        verdict: Verdict,
        at: Short,
    ) -> Short {
        let actor = self.actor_spelling(actor);
        let new = Reconciled {
            verdict,
            note: String::new(),
            by: by.into(),
            at,
        };
        let old = match verdict == Verdict::PENDING {
            true => self.reconciled_actors.remove(&actor),
            false => self.reconciled_actors.insert(actor.clone(), new),
        };
        if let Some(old) = old {
            self.history.push(old.into_event(Some(actor.clone())));
        }
        actor
    }
}

/// Seconds since 1970-01-01 UTC, from the clock.
fn unix_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64
}

/// Today (UTC), in days since 1970-01-01: what deadlines are overdue against.
pub fn today() -> i32 {
    unix_seconds().div_euclid(86_400) as i32
}

/// Now, as RFC 3339 UTC to the second: the `at` of reviews and events.
pub fn now() -> Short {
    let secs = unix_seconds();
    let (y, m, d) = crate::calendar::civil(secs.div_euclid(86_400) as i32);
    let s = secs.rem_euclid(86_400);
    compact_str::format_compact!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// All review state of one corpus.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Workspace {
    /// The corpus folder (or file), relative to the workspace file's folder.
    pub corpus: String,
    /// The day the review is assessed as of, when the team fixed one (`cordiale as-of`):
    /// what is overdue and which evidence counts (`review::window`). `None`: today.
    pub as_of: Option<crate::calendar::Day>,
    /// The corpus's documents when it was last opened: name → hash of the text (`doc_hash`,
    /// the hash anchors carry). With `corpus` it tells this corpus from another one, and a
    /// corpus that moved from one that did not (`workspace::place`).
    pub documents: BTreeMap<Short, Short>,
    /// The verdicts its reviewers give (the default scale when the file names none).
    pub scale: Scale,
    /// Items by id.
    pub items: BTreeMap<Short, Item>,
}

/// Where an item stands in the file: by document name, then position, then id (the order
/// of `Workspace::ordered`). Kept beside an item's bytes or row, it finds them again
/// without a pass over the items.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileKey {
    /// The document's name.
    pub doc: Short,
    /// Byte offset of the anchor's start.
    pub start: usize,
    /// Byte offset just past the anchor's end.
    pub end: usize,
    /// The item's id.
    pub id: Short,
}

impl FileKey {
    /// The key of item `id`.
    pub fn of(id: &Short, item: &Item) -> FileKey {
        FileKey {
            doc: item.doc.clone(),
            start: item.anchor.start,
            end: item.anchor.end,
            id: id.clone(),
        }
    }
}

impl Workspace {
    /// Items in file order: by document, then position (then id, for items on one span).
    pub fn ordered(&self) -> Vec<(&Short, &Item)> {
        // Documents are numbered in name order first, so the sort compares integers rather
        // than following each item's name: 50,000 items sort in a few milliseconds.
        let mut numbers: HashMap<&str, usize> = HashMap::new();
        let mut keyed: Vec<(usize, usize, usize, &Short, &Item)> = self
            .items
            .iter()
            .map(|(id, it)| {
                let next = numbers.len();
                let doc = *numbers.entry(it.doc.as_str()).or_insert(next);
                (doc, it.anchor.start, it.anchor.end, id, it)
            })
            .collect();
        let mut names: Vec<(&str, usize)> = numbers.into_iter().collect();
        names.sort_unstable();
        let mut rank = vec![0; names.len()];
        for (k, (_, seen)) in names.iter().enumerate() {
            rank[*seen] = k;
        }
        for k in &mut keyed {
            k.0 = rank[k.0];
        }
        keyed.par_sort_unstable_by(|a, b| (a.0, a.1, a.2, a.3).cmp(&(b.0, b.1, b.2, b.3)));
        keyed.into_iter().map(|k| (k.3, k.4)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaced_reviews_and_reconciliations_go_to_the_history() {
        let anchor = Anchor {
            exact: "We will act.".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            end: 12,
            doc_hash: "h".into(),
        };
        let mut it = Item::new("a.txt", Origin::Extracted, anchor);
        it.set_review(
            "ann",
            Verdict::KEPT,
            "first".into(),
            "2026-01-01T00:00:00Z".into(),
        );
        assert!(it.history.is_empty());
        it.set_review(
            "ann",
            Verdict::BROKEN,
            "second".into(),
            "2026-02-01T00:00:00Z".into(),
        );
        it.set_reconciled(
            "bob",
            Verdict::PARTIAL,
            "r1".into(),
            "2026-03-01T00:00:00Z".into(),
        );
        it.set_reconciled(
            "ann",
            Verdict::KEPT,
            String::new(),
            "2026-04-01T00:00:00Z".into(),
        );
        assert_eq!(it.reviews["ann"].note, "second");
        assert_eq!(it.reconciled.as_ref().map(|r| r.by.as_str()), Some("ann"));
        let kept: Vec<(&str, &str, Option<Verdict>, &str)> = it
            .history
            .iter()
            .map(|e| (e.what.as_str(), e.by.as_str(), e.verdict, e.note.as_str()))
            .collect();
        assert_eq!(
            kept,
            [
                ("verdict", "ann", Some(Verdict::KEPT), "first"),
                ("reconcile", "bob", Some(Verdict::PARTIAL), "r1"),
            ]
        );
    }

    #[test]
    fn origin_names_are_the_serde_names() {
        for o in [Origin::Extracted, Origin::Manual] {
            assert_eq!(
                serde_json::to_string(&o).unwrap(),
                format!("\"{}\"", o.name())
            );
        }
    }

    #[test]
    fn verdict_names_round_trip() {
        for v in Scale::default().all() {
            assert_eq!(Verdict::from_name(v.name()), Some(v));
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{}\"", v.name()));
        }
        assert_eq!(Scale::default().get("done"), None);
    }
}
