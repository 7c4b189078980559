//! Undo and redo from the checklist and the reader: the session's last change taken back
//! or made again, saved like any change and recorded in the item's history.

use super::*;
use crate::app::undo::{Change, Kind, Part, apply};

/// Undoes the session's last change (`redo`: makes the last one undone again).
pub(super) fn undo(state: &mut State, redo: bool) -> Vec<Effect> {
    let (verb, what, none, failed) = match redo {
        false => (
            "undid",
            "undo",
            "nothing to undo in this session",
            "not undone",
        ),
        true => ("redid", "redo", "nothing to redo", "not redone"),
    };
    let Some(r) = state.review.as_mut() else {
        say(state, "no workspace open yet");
        return Vec::new();
    };
    let stack = if redo {
        &mut r.undo.undone
    } else {
        &mut r.undo.done
    };
    let Some(change) = stack.pop() else {
        say(state, none);
        return Vec::new();
    };
    let (from, to) = match redo {
        false => (&change.after, &change.before),
        true => (&change.before, &change.after),
    };
    let at = crate::workspace::now();
    if let Err(e) = apply(&mut r.ws, &change.id, (from, to), what, &change.by, at) {
        state.status = Some(Status {
            text: format!("{failed}: {e}"),
            error: true,
        });
        return Vec::new();
    }
    r.changed(change.id.clone());
    if change.kind == Kind::Mark {
        mark_span(state, &change, redo);
    }
    let description = describe(&change);
    let id = change.id.clone();
    if let Some(r) = state.review.as_mut() {
        match redo {
            false => r.undo.undone.push(change),
            true => r.undo.done.push(change),
        }
    }
    refresh_checklist(state);
    if let Some(r) = state.review.as_mut()
        && let Some(i) = r.order.iter().position(|x| *x == id)
    {
        r.selected = i;
    }
    clamp_lists(state);
    save_change(state, format!("{verb} {description}"))
}

/// What a change did, for the status line.
fn describe(change: &Change) -> String {
    let by = &change.by;
    match (&change.kind, &change.after) {
        (Kind::Verdict, Part::Review(_, Some(r))) => {
            format!("{by}'s verdict {} on {}", r.verdict.name(), change.id)
        }
        (Kind::Reconcile, Part::Reconciled(Some(r))) => {
            format!(
                "the reconciled verdict {} on {}",
                r.verdict.name(),
                change.id
            )
        }
        (Kind::Note, _) => format!("{by}'s note on {}", change.id),
        (Kind::Mark, _) => format!("{by}'s mark: item {}", change.id),
        (Kind::Evidence, _) => format!("{by}'s evidence on {}", change.id),
        _ => format!("{by}'s change on {}", change.id),
    }
}

/// The reader highlights a marked item while it is on the checklist, and no longer once
/// its mark is undone.
fn mark_span(state: &mut State, change: &Change, added: bool) {
    if added {
        return mark_manual_items(state);
    }
    let Part::Item(Some(item)) = &change.after else {
        return;
    };
    let span = (item.anchor.start, item.anchor.end);
    let doc = state
        .corpus
        .as_ref()
        .and_then(|c| c.documents.iter().position(|d| d.name == item.doc.as_str()));
    if let Some(m) = doc.and_then(|d| state.marks.get_mut(d))
        && let Ok(at) = m.commitments.binary_search(&span)
    {
        m.commitments.remove(at);
    }
}
