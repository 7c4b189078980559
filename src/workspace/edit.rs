//! A reviewer's changes to the item set itself: a commitment the extraction missed, added
//! by hand from a span, and an item placed again by hand after its document changed.
//! Both keep a record in the item's history; neither ever drops a verdict.

use super::anchor::{Placement, anchor, place};
use super::id::item_id;
use super::model::{Event, Item, Origin, Short, Workspace};

/// Why a reviewer's change to the item set cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The span is not one of the text (out of it, reversed, or off character boundaries).
    #[error("{start}..{end} is not a span of the text ({len} bytes, on character boundaries)")]
    BadSpan {
        /// Byte offset of the span's start.
        start: usize,
        /// Byte offset just past its end.
        end: usize,
        /// The text's length, in bytes.
        len: usize,
    },
    /// The span holds only whitespace.
    #[error("the span is blank")]
    Blank,
    /// An item (this id) already quotes the same text of the document.
    #[error("item {0} already quotes this text")]
    Exists(Short),
    /// No item has this id.
    #[error("no item {0}")]
    NoItem(Short),
    /// The quote is still in the document, where it was or moved: nothing to re-attach.
    #[error("the item's quote stands unchanged in its document: nothing to re-attach")]
    InPlace,
    /// The quote stands in several places (these byte spans): one must be chosen.
    #[error(
        "the item's quote stands in {} places (at bytes {}); choose one",
        .0.len(),
        .0.iter().map(|(s, _)| s.to_string()).collect::<Vec<_>>().join(", ")
    )]
    Ambiguous(Vec<(usize, usize)>),
    /// The quote, or a close variant of it, is nowhere in the document.
    #[error("the item's quote is no longer in its document: it stays orphaned")]
    Orphaned,
}

/// Adds `text[start..end]` of document `doc` as a hand-made item (`origin: manual`) and
/// returns its id. The span is trimmed of surrounding whitespace.
pub fn add_span(
    ws: &mut Workspace,
    doc: &str,
    text: &str,
    (start, end): (usize, usize),
    by: &str,
    at: Short,
) -> Result<Short, EditError> {
    let span_ok = start <= end
        && end <= text.len()
        && text.is_char_boundary(start)
        && text.is_char_boundary(end);
    if !span_ok {
        return Err(EditError::BadSpan {
            start,
            end,
            len: text.len(),
        });
    }
    let quote = &text[start..end];
    let trimmed = quote.trim();
    if trimmed.is_empty() {
        return Err(EditError::Blank);
    }
    let start = start + (quote.len() - quote.trim_start().len());
    let end = start + trimmed.len();
    let id = item_id(doc, trimmed);
    if ws.items.contains_key(&id) {
        return Err(EditError::Exists(id));
    }
    let mut item = Item::new(doc, Origin::Manual, anchor(text, start, end));
    item.history.push(Event {
        at,
        by: by.into(),
        what: "added".into(),
        verdict: None,
        note: String::new(),
        quote: None,
        actor: None,
    });
    ws.items.insert(id.clone(), item);
    Ok(id)
}

/// Places item `id` again in `text`, the current text of its document, where its anchor
/// now fits: the fuzzy match a reviewer confirms, or, when `at` is given, the candidate
/// nearest that byte among several. The replaced quote goes to the history, stamped with
/// the time of the change (so verdicts given before it can be told apart).
pub fn reattach(
    ws: &mut Workspace,
    id: &str,
    text: &str,
    near: Option<usize>,
    by: &str,
    at: Short,
) -> Result<(), EditError> {
    let item = ws
        .items
        .get_mut(id)
        .ok_or_else(|| EditError::NoItem(id.into()))?;
    let (start, end) = match (place(&item.anchor, text), near) {
        (Placement::Exact { .. } | Placement::Moved { .. }, _) => return Err(EditError::InPlace),
        (Placement::Fuzzy { start, end, .. }, _) => (start, end),
        (Placement::Ambiguous(spans), Some(near)) => spans
            .into_iter()
            .min_by_key(|(s, _)| s.abs_diff(near))
            .ok_or(EditError::Orphaned)?,
        (Placement::Ambiguous(spans), None) => return Err(EditError::Ambiguous(spans)),
        (Placement::Orphaned, _) => return Err(EditError::Orphaned),
    };
    let old = std::mem::replace(&mut item.anchor, anchor(text, start, end));
    // Verdicts on the old words are stale until given again.
    if old.exact != item.anchor.exact {
        item.reviews.values_mut().for_each(|r| r.stale = true);
    }
    item.history.push(Event {
        at,
        by: by.into(),
        what: "reanchor".into(),
        verdict: None,
        note: String::new(),
        quote: Some(old.exact),
        actor: None,
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Intro.\n\nFrance will deploy 500 police officers by May. Other text.\n";

    #[test]
    fn a_span_becomes_a_manual_item_once() {
        let mut ws = Workspace::default();
        let start = TEXT.find("France").unwrap() - 1; // a space-padded selection
        let end = TEXT.find(" Other").unwrap() + 1;
        let id = add_span(&mut ws, "a.txt", TEXT, (start, end), "ann", "t1".into()).unwrap();
        let item = &ws.items[&id];
        assert_eq!(item.origin, Origin::Manual);
        assert_eq!(
            item.anchor.exact,
            "France will deploy 500 police officers by May."
        );
        assert_eq!(id, item_id("a.txt", &item.anchor.exact));
        assert_eq!(item.history[0].what, "added");
        assert_eq!(
            add_span(&mut ws, "a.txt", TEXT, (start, end), "bob", "t2".into()),
            Err(EditError::Exists(id))
        );
        assert_eq!(
            add_span(&mut ws, "a.txt", TEXT, (0, 999), "ann", "t".into()),
            Err(EditError::BadSpan {
                start: 0,
                end: 999,
                len: TEXT.len()
            })
        );
        assert_eq!(
            add_span(&mut ws, "a.txt", TEXT, (6, 8), "ann", "t".into()),
            Err(EditError::Blank)
        );
    }

    #[test]
    fn a_changed_quote_is_reattached_by_hand_and_remembered() {
        let mut ws = Workspace::default();
        let start = TEXT.find("France").unwrap();
        let end = TEXT.find(" Other").unwrap();
        let id = add_span(&mut ws, "a.txt", TEXT, (start, end), "ann", "t1".into()).unwrap();
        let item = ws.items.get_mut(&id).unwrap();
        item.set_review(
            "ann",
            crate::workspace::Verdict::KEPT,
            String::new(),
            "t1".into(),
        );
        assert_eq!(
            reattach(&mut ws, &id, TEXT, None, "ann", "t2".into()),
            Err(EditError::InPlace)
        );
        let edited = TEXT.replace("500 police", "500 more police");
        reattach(&mut ws, &id, &edited, None, "bob", "t3".into()).unwrap();
        let item = &ws.items[&id];
        assert_eq!(
            item.anchor.exact,
            "France will deploy 500 more police officers by May."
        );
        assert!(item.reviews["ann"].stale, "ann judged the old words");
        let e = item.history.last().unwrap();
        assert_eq!((e.what.as_str(), e.by.as_str()), ("reanchor", "bob"));
        assert_eq!(
            e.quote.as_deref(),
            Some("France will deploy 500 police officers by May.")
        );
        let gone = "Intro.\n\nSomething else entirely.\n";
        assert_eq!(
            reattach(&mut ws, &id, gone, None, "bob", "t4".into()),
            Err(EditError::Orphaned)
        );
    }

    #[test]
    fn a_quote_in_two_places_needs_a_choice() {
        let mut ws = Workspace::default();
        let text = "We will act now. Then more.\n";
        let id = add_span(&mut ws, "a.txt", text, (0, 16), "ann", "t1".into()).unwrap();
        let twice = "Preface. We will act now. Middle. We will act now. End.\n";
        let Err(EditError::Ambiguous(spans)) =
            reattach(&mut ws, &id, twice, None, "ann", "t".into())
        else {
            panic!("expected a choice");
        };
        assert_eq!(spans.len(), 2);
        reattach(&mut ws, &id, twice, Some(40), "ann", "t2".into()).unwrap();
        assert_eq!(ws.items[&id].anchor.start, twice.rfind("We will").unwrap());
    }
}
