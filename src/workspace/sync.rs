//! Bringing a workspace up to date with its corpus: every extracted commitment becomes an
//! item, and every item is placed again in the current text of its document.
//!
//! Nothing is ever dropped. An item that moved is re-anchored; one that only matches
//! fuzzily, ambiguously or not at all keeps its anchor and is reported, so the checklist can
//! show it (as *orphaned*, with its stored quote, when it fits nowhere).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::anchor::{Placement, anchor, place};
use super::id::{document_record, item_id, record_hash};
use super::model::{Item, Origin, Short, Workspace};
use crate::corpus::Corpus;
use crate::extract::digest::Digest;

/// What a sync did and found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncReport {
    /// New items from the extraction.
    pub added: Vec<Short>,
    /// Items found elsewhere in their document and re-anchored there.
    pub moved: Vec<Short>,
    /// Items whose quote changed a little: a reviewer should confirm the new text.
    pub fuzzy: Vec<Short>,
    /// Items whose quote stands in several equally likely places.
    pub ambiguous: Vec<Short>,
    /// Items that fit nowhere, or whose document is gone: a set, since every list that
    /// marks or filters them asks of each of its items whether it is one.
    pub orphaned: BTreeSet<Short>,
    /// The items with a passage cited as evidence that fits nowhere in its document's
    /// current text (or whose document is gone), once per passage: it keeps the quote
    /// cited, and `check` names it.
    pub evidence_unplaced: Vec<Short>,
}

/// A corpus's documents as a workspace records them: name → hash of the text, the hash
/// anchors carry.
pub fn documents(corpus: &Corpus) -> BTreeMap<Short, Short> {
    corpus
        .documents
        .iter()
        .map(|d| (Short::from(&d.name), document_record(d)))
        .collect()
}

/// Adds the extracted commitments that are not items yet, places every item again, and
/// records the corpus's documents. `digests` are in corpus order, one per document (from
/// the cache: [`crate::search::digests::digests`]).
pub fn sync(ws: &mut Workspace, corpus: &Corpus, digests: &[Digest]) -> SyncReport {
    let mut report = SyncReport::default();
    let texts: HashMap<&str, &str> = corpus
        .documents
        .iter()
        .map(|d| (d.name.as_str(), d.text.as_str()))
        .collect();
    ws.documents = documents(corpus);
    let hashes = &ws.documents;

    // Where items stand in the current texts, by document: a commitment found there is that
    // item, whatever its id says (a quote confirmed by `reattach` keeps its old id; a
    // reworded one waits for it as a fuzzy match) and is not added a second time.
    let mut claimed: HashMap<Short, Vec<(usize, usize)>> = HashMap::new();
    for (id, item) in ws.items.iter_mut() {
        let (Some(text), Some(hash)) =
            (texts.get(item.doc.as_str()), hashes.get(item.doc.as_str()))
        else {
            report.orphaned.insert(id.clone());
            continue;
        };
        let mut claim = |span| claimed.entry(item.doc.clone()).or_default().push(span);
        if item.anchor.doc_hash == record_hash(hash) {
            claim((item.anchor.start, item.anchor.end));
            continue; // the text it was anchored in: nothing to do
        }
        match place(&item.anchor, text) {
            Placement::Exact { start, end } | Placement::Moved { start, end } => {
                claim((start, end));
                if (start, end) != (item.anchor.start, item.anchor.end) {
                    report.moved.push(id.clone());
                }
                item.anchor = anchor(text, start, end);
            }
            Placement::Fuzzy { start, end, .. } => {
                claim((start, end));
                report.fuzzy.push(id.clone());
            }
            Placement::Ambiguous(_) => report.ambiguous.push(id.clone()),
            Placement::Orphaned => {
                report.orphaned.insert(id.clone());
            }
        }
    }

    place_evidence(ws, &texts, &mut report);

    for spans in claimed.values_mut() {
        spans.sort_unstable();
    }
    for (doc, digest) in corpus.documents.iter().zip(digests) {
        let spans = claimed
            .get(doc.name.as_str())
            .map_or(&[][..], Vec::as_slice);
        for p in &digest.pledges {
            let Some(text) = doc.text.get(p.start..p.end) else {
                continue; // not this text's digest: nothing to anchor
            };
            if is_claimed(spans, (p.start, p.end)) {
                continue;
            }
            let id = item_id(&doc.name, text);
            if ws.items.contains_key(&id) {
                continue;
            }
            let mut item = Item::new(
                doc.name.clone(),
                Origin::Extracted,
                anchor(&doc.text, p.start, p.end),
            );
            item.actors = p.actors.iter().map(Short::from).collect();
            item.deadline = p.deadline.as_ref().map(Short::from);
            item.figures = p.figures.iter().map(Short::from).collect();
            ws.items.insert(id.clone(), item);
            report.added.push(id);
        }
    }
    report
}

/// Places every passage cited as evidence again in the current text of its document, as
/// items are: found where it was or moved, it is re-anchored there; changed or gone, it
/// keeps its quote (what the reviewer cited) and is counted as unplaced.
fn place_evidence(ws: &mut Workspace, texts: &HashMap<&str, &str>, report: &mut SyncReport) {
    let hashes = &ws.documents;
    for (id, item) in ws.items.iter_mut() {
        for review in item.reviews.values_mut() {
            for e in &mut review.evidence {
                let (Some(doc), Some(a)) = (&e.doc, &mut e.anchor) else {
                    continue;
                };
                let (Some(text), Some(hash)) = (texts.get(doc.as_str()), hashes.get(doc.as_str()))
                else {
                    report.evidence_unplaced.push(id.clone());
                    continue;
                };
                if a.doc_hash == record_hash(hash) {
                    continue;
                }
                match place(a, text) {
                    Placement::Exact { start, end } | Placement::Moved { start, end } => {
                        *a = anchor(text, start, end);
                    }
                    _ => report.evidence_unplaced.push(id.clone()),
                }
            }
        }
    }
}

/// Whether an item stands on most of `span` (or `span` on most of it): `spans` sorted.
/// Commitments are sentences, so an item's place overlaps at most a few of them; only the
/// few places starting nearest before the span's end are looked at.
fn is_claimed(spans: &[(usize, usize)], (start, end): (usize, usize)) -> bool {
    let upto = spans.partition_point(|&(s, _)| s < end);
    spans[..upto].iter().rev().take(8).any(|&(s, e)| {
        let overlap = end.min(e).saturating_sub(start.max(s));
        let shorter = (end - start).min(e.saturating_sub(s)).max(1);
        2 * overlap >= shorter
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::extract::extract;
    use crate::workspace::id::doc_hash;
    use crate::workspace::model::{Review, Verdict};

    const TEXT: &str = "Paris, 20 August 2015\n\nThe United Kingdom will devote €10 million over \
        two years to the security of the port. The ministers met in Calais.\n\n\
        France will deploy 500 more police officers by the end of the year.\n";

    fn corpus(text: &str) -> Corpus {
        Corpus {
            documents: vec![Document::from_text("a.txt", text)],
            warnings: Vec::new(),
        }
    }

    fn synced(text: &str, ws: &mut Workspace) -> SyncReport {
        synced_with(&corpus(text), ws)
    }

    /// `ws` synced with `c`, every document extracted.
    fn synced_with(c: &Corpus, ws: &mut Workspace) -> SyncReport {
        let x: Vec<Digest> = c
            .documents
            .iter()
            .map(|d| Digest::of(&extract(d)))
            .collect();
        sync(ws, c, &x)
    }

    /// A digest read from a cache that does not fit the text (spans past its end or
    /// inside a character) adds nothing and panics nowhere.
    #[test]
    fn a_digest_that_does_not_fit_the_text_adds_nothing() {
        use crate::extract::digest::Pledge;
        let c = corpus("Café: we will act.\n");
        let pledge = |start, end| Pledge {
            start,
            end,
            actors: Vec::new(),
            deadline: None,
            figures: Vec::new(),
        };
        let digest = Digest {
            title: String::new(),
            date: None,
            pledges: vec![pledge(4, 9), pledge(10, 400), pledge(9, 2)],
        };
        let mut ws = Workspace::default();
        let r = sync(&mut ws, &c, &[digest]);
        assert!(r.added.is_empty() && ws.items.is_empty(), "{r:?}");
    }

    /// A reworded commitment is its item, waiting as a fuzzy match for a reviewer to
    /// confirm the new words: it is not added again beside it, neither before `reattach`
    /// nor after (which keeps the old id on the new words).
    #[test]
    fn a_reworded_commitment_stays_one_item() {
        let mut ws = Workspace::default();
        synced(TEXT, &mut ws);
        assert_eq!(ws.items.len(), 2);
        let reworded = TEXT.replace("will deploy 500 more", "will send 500 more");
        let r = synced(&reworded, &mut ws);
        assert!(r.added.is_empty(), "{r:?}");
        assert_eq!(r.fuzzy.len(), 1, "{r:?}");
        let id = r.fuzzy[0].clone();
        crate::workspace::edit::reattach(&mut ws, &id, &reworded, None, "ann", "t".into()).unwrap();
        let r = synced(&reworded, &mut ws);
        assert_eq!(r, SyncReport::default());
        assert_eq!(ws.items.len(), 2);
        assert!(ws.items[&id].anchor.exact.contains("will send 500"));
        // A new commitment beside them is still added.
        let grown = format!("{reworded}\nThe two governments will open an office in Dover.\n");
        let r = synced(&grown, &mut ws);
        assert_eq!(r.added.len(), 1, "{r:?}");
    }

    #[test]
    fn extracted_commitments_become_items_once() {
        let mut ws = Workspace::default();
        let r = synced(TEXT, &mut ws);
        assert_eq!(r.added.len(), 2, "{:?}", ws.items);
        let pledge = ws
            .items
            .values()
            .find(|i| i.anchor.exact.contains("€10 million"))
            .unwrap();
        assert_eq!(pledge.figures, vec!["€10 million".to_string()]);
        assert!(pledge.actors.iter().any(|a| a.contains("United Kingdom")));
        let again = synced(TEXT, &mut ws);
        assert_eq!(again, SyncReport::default());
        // The corpus is recorded: its documents with the hash the anchors carry.
        let recorded: Vec<(&str, &str)> = ws
            .documents
            .iter()
            .map(|(n, h)| (n.as_str(), h.as_str()))
            .collect();
        let hash = doc_hash(TEXT);
        assert_eq!(recorded, [("a.txt", hash.as_str())]);
        assert!(ws.items.values().all(|i| i.anchor.doc_hash == hash));
    }

    #[test]
    fn edits_move_items_and_keep_their_verdicts() {
        let mut ws = Workspace::default();
        synced(TEXT, &mut ws);
        let id = ws.items.keys().next().unwrap().clone();
        ws.items.get_mut(&id).unwrap().reviews.insert(
            "ann",
            Review {
                verdict: Verdict::KEPT,
                note: String::new(),
                at: "2026-11-25T08:00:00Z".into(),
                stale: false,
                ..Default::default()
            },
        );
        let edited = TEXT.replace("Paris,", "Paris (joint statement),");
        let r = synced(&edited, &mut ws);
        assert_eq!(r.moved.len(), 2, "{r:?}");
        assert!(r.added.is_empty());
        let item = &ws.items[&id];
        assert_eq!(
            &edited[item.anchor.start..item.anchor.end],
            item.anchor.exact
        );
        assert_eq!(item.reviews["ann"].verdict, Verdict::KEPT);

        // The pledge deleted: its item stays, orphaned, with its quote and verdict.
        let gone = edited.replace(
            "The United Kingdom will devote €10 million over two years to the security of the port. ",
            "",
        );
        let r = synced(&gone, &mut ws);
        assert_eq!(r.orphaned.len(), 1, "{r:?}");
        assert!(ws.items.contains_key(r.orphaned.first().unwrap()));
        // A document removed from the corpus orphans its items too.
        let mut other = Workspace::default();
        synced(TEXT, &mut other);
        let empty = Corpus::default();
        let r = sync(&mut other, &empty, &[]);
        assert_eq!(r.orphaned.len(), 2);
        assert_eq!(other.items.len(), 2);
    }

    /// Evidence cited from another document is found again after that document is edited,
    /// as items are; cut from it, the evidence keeps its quote and is counted.
    #[test]
    fn evidence_from_another_document_survives_its_edits() {
        const LATER: &str = "London, 1 March 2016\n\nThe port received the €10 million \
            promised for its security.\n";
        let both = |later: &str| Corpus {
            documents: vec![
                Document::from_text("a.txt", TEXT),
                Document::from_text("b.txt", later),
            ],
            warnings: Vec::new(),
        };
        let sync_with = |ws: &mut Workspace, later: &str| synced_with(&both(later), ws);
        let mut ws = Workspace::default();
        sync_with(&mut ws, LATER);
        let id = ws
            .items
            .iter()
            .find(|(_, i)| i.doc == "a.txt")
            .unwrap()
            .0
            .clone();
        let quote = "The port received the €10 million promised for its security.";
        let start = LATER.find(quote).unwrap();
        let cited = crate::workspace::model::Evidence {
            date: Some("2016-03-01".into()),
            doc: Some("b.txt".into()),
            anchor: Some(anchor(LATER, start, start + quote.len())),
            source: String::new(),
            excerpt: String::new(),
            at: "2026-12-07T00:00:00Z".into(),
        };
        ws.items.get_mut(&id).unwrap().add_evidence("ann", cited);
        let edited = LATER.replace("London,", "London (press release),");
        let r = sync_with(&mut ws, &edited);
        assert!(r.evidence_unplaced.is_empty());
        let e = &ws.items[&id].reviews["ann"].evidence[0];
        let a = e.anchor.as_ref().unwrap();
        assert_eq!(&edited[a.start..a.end], quote);
        assert_eq!(a.doc_hash, record_hash(&ws.documents["b.txt"]));
        let r = sync_with(&mut ws, "London, 1 March 2016\n\nNothing was paid.\n");
        assert_eq!(r.evidence_unplaced, std::slice::from_ref(&id));
        let e = &ws.items[&id].reviews["ann"].evidence[0];
        assert_eq!(e.quote(), quote, "the quote cited is kept");
    }
}
