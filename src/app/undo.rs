//! Undo and redo of the changes made since the workbench started: a verdict, a note, a
//! reconciled verdict, a sentence marked as a commitment. Each change keeps exactly the
//! part of one item it replaced (one reviewer's review, the pair's reconciled verdict, or
//! the whole item a mark added), so taking it back touches nothing else: a partner's
//! verdicts merged meanwhile stay. A part changed since by someone else is left alone.

use crate::workspace::{Event, Item, Reconciled, Review, Short, Verdict, Workspace};

/// What a change was, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A reviewer's verdict was given or changed.
    Verdict,
    /// A reviewer's note was saved.
    Note,
    /// The pair's reconciled verdict was recorded.
    Reconcile,
    /// A span of the reader was marked as a commitment: a new checklist item.
    Mark,
    /// A passage of the reader was cited as evidence for a reviewer's verdict.
    Evidence,
}

/// The part of an item a change replaced, as it was before or after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// One reviewer's review (`None`: not rated).
    Review(Short, Option<Review>),
    /// The pair's reconciliation (`None`: not reconciled).
    Reconciled(Option<Reconciled>),
    /// The whole item (`None`: not on the checklist).
    Item(Option<Box<Item>>),
}

/// One change of this session, undoable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The item changed.
    pub id: Short,
    /// What the change was.
    pub kind: Kind,
    /// Who made it: the active reviewer then.
    pub by: Short,
    /// The part as it was before the change.
    pub before: Part,
    /// The part as the change left it.
    pub after: Part,
}

/// The session's changes, newest last, and those undone (to redo), last undone last.
#[derive(Debug, Clone, Default)]
pub struct Undo {
    /// Changes made, oldest first: undo takes the last.
    pub done: Vec<Change>,
    /// Changes undone, to redo: redo takes the last.
    pub undone: Vec<Change>,
}

/// Why a change cannot be taken back or made again.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UndoError {
    /// The item no longer holds what the change left: another session or a merge changed it.
    #[error("item {0} changed elsewhere since (another session or a merge): left as it is")]
    ChangedElsewhere(Short),
}

impl Undo {
    /// A new change: what could be redone is forgotten.
    pub fn record(&mut self, change: Change) {
        if change.before != change.after {
            self.done.push(change);
            self.undone.clear();
        }
    }
}

/// The part of item `id` that `like` names, as it is in `ws` now.
pub fn part_of(ws: &Workspace, id: &str, like: &Part) -> Part {
    let item = ws.items.get(id);
    match like {
        Part::Review(who, _) => {
            Part::Review(who.clone(), item.and_then(|i| i.reviews.get(who)).cloned())
        }
        Part::Reconciled(_) => Part::Reconciled(item.and_then(|i| i.reconciled.clone())),
        Part::Item(_) => Part::Item(item.cloned().map(Box::new)),
    }
}

/// Whether two parts are the same for undoing: an item's history only grows (its own
/// undo and redo events among them), so it is not compared.
fn same(a: &Part, b: &Part) -> bool {
    match (a, b) {
        (Part::Item(Some(x)), Part::Item(Some(y))) => {
            let bare = |i: &Item| Item {
                history: Vec::new(),
                ..i.clone()
            };
            bare(x) == bare(y)
        }
        _ => a == b,
    }
}

/// The verdict and note a part held, for the history event that keeps it.
fn held(part: &Part) -> (Option<Verdict>, String) {
    match part {
        Part::Review(_, Some(r)) => (Some(r.verdict), r.note.clone()),
        Part::Reconciled(Some(r)) => (Some(r.verdict), r.note.clone()),
        _ => (None, String::new()),
    }
}

/// Puts `to` in place of `from` on item `id` of `ws` (`what` is `undo` or `redo`), when
/// the item still holds `from`; the state it replaces goes to the item's history, stamped
/// `at` (when it was undone or redone). An item a mark added is removed whole.
pub fn apply(
    ws: &mut Workspace,
    id: &Short,
    (from, to): (&Part, &Part),
    what: &str,
    by: &str,
    at: Short,
) -> Result<(), UndoError> {
    if !same(&part_of(ws, id, from), from) {
        return Err(UndoError::ChangedElsewhere(id.clone()));
    }
    let (verdict, note) = held(from);
    let event = Event {
        at,
        by: by.into(),
        what: what.into(),
        verdict,
        note,
        quote: None,
        actor: None,
    };
    match to {
        Part::Item(None) => {
            ws.items.remove(id);
            return Ok(());
        }
        Part::Item(Some(item)) => {
            // Its history as it was, and what happened to it meanwhile.
            let mut item = (**item).clone();
            if let Some(old) = ws.items.get(id) {
                item.history = old.history.clone();
            }
            ws.items.insert(id.clone(), item);
        }
        Part::Review(who, review) => {
            let Some(item) = ws.items.get_mut(id) else {
                return Err(UndoError::ChangedElsewhere(id.clone()));
            };
            match review {
                Some(r) => {
                    item.reviews.insert(who.clone(), r.clone());
                }
                None => {
                    item.reviews.remove(who);
                }
            }
        }
        Part::Reconciled(r) => {
            let Some(item) = ws.items.get_mut(id) else {
                return Err(UndoError::ChangedElsewhere(id.clone()));
            };
            item.reconciled = r.clone();
        }
    }
    if let Some(item) = ws.items.get_mut(id) {
        item.history.push(event);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::{Anchor, Origin};

    fn ws() -> Workspace {
        let anchor = Anchor {
            exact: "We will act.".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            end: 12,
            doc_hash: "h".into(),
        };
        let mut ws = Workspace::default();
        ws.items
            .insert("c1".into(), Item::new("a.txt", Origin::Extracted, anchor));
        ws
    }

    #[test]
    fn a_review_goes_back_exactly_and_the_undone_one_is_kept_in_the_history() {
        let mut ws = ws();
        let id = Short::from("c1");
        let first = part_of(&ws, &id, &Part::Review("ann".into(), None));
        let item = ws.items.get_mut(&id).unwrap();
        item.set_review(
            "ann",
            Verdict::KEPT,
            "n".into(),
            "2026-01-01T00:00:00Z".into(),
        );
        item.set_review("bob", Verdict::BROKEN, String::new(), "t".into());
        let after = part_of(&ws, &id, &first);
        apply(&mut ws, &id, (&after, &first), "undo", "ann", "t2".into()).unwrap();
        let item = &ws.items[&id];
        assert!(!item.reviews.contains_key("ann"));
        assert_eq!(item.reviews["bob"].verdict, Verdict::BROKEN, "bob's stays");
        let e = item.history.last().unwrap();
        assert_eq!(
            (e.what.as_str(), e.verdict, e.note.as_str(), e.at.as_str()),
            ("undo", Some(Verdict::KEPT), "n", "t2")
        );
        // Redo, then an undo over a change made elsewhere is refused.
        apply(&mut ws, &id, (&first, &after), "redo", "ann", "t3".into()).unwrap();
        assert_eq!(part_of(&ws, &id, &first), after);
        let item = ws.items.get_mut(&id).unwrap();
        item.set_review("ann", Verdict::PARTIAL, String::new(), "t4".into());
        assert_eq!(
            apply(&mut ws, &id, (&after, &first), "undo", "ann", "t5".into()),
            Err(UndoError::ChangedElsewhere(id.clone()))
        );
        assert_eq!(ws.items[&id].reviews["ann"].verdict, Verdict::PARTIAL);
    }
}
