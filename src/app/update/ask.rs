//! Nothing typed is lost: quitting with unsaved changes asks first, a changed note is not
//! closed without a choice, and a note being typed when the workbench is ended from
//! outside is kept as a draft and offered back at the next start.

use super::*;
use crate::app::draft::Draft;
use crate::app::state::Question;

/// What quitting now would lose, a phrase each; none when nothing would be.
pub fn unsaved(state: &State) -> Vec<String> {
    let mut lost = Vec::new();
    if let (Some(n), true) = (&state.note, note_changed(state)) {
        let who = state.review.as_ref().and_then(|r| r.me.clone());
        let lines = n.input.lines().len();
        let s = if lines == 1 { "" } else { "s" };
        lost.push(format!(
            "{}'s note on {} ({lines} line{s}), being typed",
            who.unwrap_or_default(),
            n.id
        ));
    }
    if let Some(r) = &state.review {
        let mut ids = r.unsaved.clone();
        ids.sort_unstable();
        ids.dedup();
        match ids.len() {
            0 => {}
            1 => lost.push(format!("1 change not saved (item {})", ids[0])),
            n => lost.push(format!("{n} changes not saved")),
        }
    }
    lost
}

/// The quit action: at once when nothing would be lost, else a question; pressed again
/// while the question stands, it quits without saving.
pub(super) fn quit(state: &mut State) -> Vec<Effect> {
    if state.ask == Some(Question::Quit) || unsaved(state).is_empty() {
        state.quit = true;
        return vec![Effect::Quit];
    }
    state.ask = Some(Question::Quit);
    Vec::new()
}

/// An answer to the question on screen (any other action waits for one).
pub(super) fn answer(state: &mut State, action: Action) -> Vec<Effect> {
    let Some(question) = state.ask else {
        return Vec::new();
    };
    match (question, action) {
        (_, Action::Cancel) => {
            state.ask = None;
            Vec::new()
        }
        (Question::Quit, Action::Quit | Action::Discard) => {
            state.ask = None;
            state.quit = true;
            vec![Effect::Quit]
        }
        (Question::Quit, Action::Confirm) => {
            state.ask = None;
            state.quit_after_save = true;
            let mut effects = if note_changed(state) {
                save_note(state)
            } else {
                Vec::new()
            };
            if effects.is_empty() && state.review.as_ref().is_some_and(|r| !r.unsaved.is_empty()) {
                say(state, "saving again before quitting…");
                effects.push(Effect::Save);
            }
            if !effects.contains(&Effect::Save) {
                state.quit = true;
                effects.push(Effect::Quit);
            }
            effects
        }
        (Question::CloseNote, Action::Confirm) => {
            state.ask = None;
            save_note(state)
        }
        (Question::CloseNote, Action::Discard) => {
            state.ask = None;
            discard_note(state)
        }
        (Question::CloseNote, Action::Quit) => {
            state.ask = None;
            quit(state)
        }
        _ => Vec::new(),
    }
}

/// The save that "save and quit" waited for went through: quit now. `None` when no quit
/// was waiting.
pub(super) fn quit_once_saved(state: &mut State) -> Option<Vec<Effect>> {
    let waiting = std::mem::take(&mut state.quit_after_save);
    let saved = state.review.as_ref().is_none_or(|r| r.unsaved.is_empty());
    match (waiting, saved) {
        (true, true) => {
            state.quit = true;
            Some(vec![Effect::Quit])
        }
        (true, false) => {
            state.quit_after_save = true;
            None
        }
        _ => None,
    }
}

/// The note editor's cancel: closes it at once when nothing changed, else asks.
pub(super) fn close_note(state: &mut State) -> Vec<Effect> {
    if note_changed(state) {
        state.ask = Some(Question::CloseNote);
        return Vec::new();
    }
    state.overlay = None;
    state.note = None;
    Vec::new()
}

/// Closes the note editor, dropping what was typed (and the draft it came from).
fn discard_note(state: &mut State) -> Vec<Effect> {
    state.overlay = None;
    let Some(note) = state.note.take() else {
        return Vec::new();
    };
    say(state, format!("note on {} not changed", note.id));
    match drop_draft(state, &note.id) {
        true => keep_drafts(state),
        false => Vec::new(),
    }
}

/// Whether the note editor holds something other than the note saved.
pub(super) fn note_changed(state: &State) -> bool {
    let (Some(n), Some(r)) = (&state.note, &state.review) else {
        return false;
    };
    let Some(me) = &r.me else {
        return false;
    };
    let text = n.input.lines().join("\n");
    let saved = r.ws.items.get(&n.id).and_then(|i| i.reviews.get(me));
    let shown = saved.map_or_else(String::new, |o| shown_note(&o.note));
    text.trim_end() != shown.trim_end()
}

/// The workbench is ended from outside (SIGHUP, SIGTERM, the terminal gone): a note
/// being typed is kept as a draft, a change not saved is tried once more, and it quits.
pub(super) fn terminate(state: &mut State) -> Vec<Effect> {
    state.quit = true;
    let mut effects = Vec::new();
    if state.review.as_ref().is_some_and(|r| !r.unsaved.is_empty()) {
        effects.push(Effect::Save);
    }
    let typed = note_changed(state)
        .then(|| {
            state
                .note
                .as_ref()
                .map(|n| (n.id.clone(), n.input.lines().join("\n")))
        })
        .flatten();
    if let (Some((id, text)), Some(r)) = (typed, state.review.as_mut())
        && let Some(me) = r.me.clone()
    {
        r.drafts
            .retain(|d| !(d.reviewer == me.as_str() && d.item == id));
        r.drafts.push(Draft {
            item: id,
            reviewer: me.into(),
            text: text.trim_end().to_string(),
            at: crate::workspace::now(),
        });
        effects.extend(keep_drafts(state));
    }
    effects.push(Effect::Quit);
    effects
}

/// The effect that makes the drafts file hold the open workspace's drafts.
pub(super) fn keep_drafts(state: &State) -> Vec<Effect> {
    match &state.review {
        Some(r) => vec![Effect::KeepDrafts {
            workspace: r.path.clone(),
            drafts: r.drafts.clone(),
        }],
        None => Vec::new(),
    }
}

/// The active reviewer's draft of a note on item `id`.
pub(super) fn my_draft<'a>(state: &'a State, id: &str) -> Option<&'a Draft> {
    let r = state.review.as_ref()?;
    let me = r.me.as_deref()?;
    r.drafts.iter().find(|d| d.reviewer == me && d.item == id)
}

/// Forgets the active reviewer's draft on item `id`; whether there was one.
pub(super) fn drop_draft(state: &mut State, id: &str) -> bool {
    let Some(r) = state.review.as_mut() else {
        return false;
    };
    let Some(me) = r.me.clone() else {
        return false;
    };
    let before = r.drafts.len();
    r.drafts
        .retain(|d| !(d.reviewer == me.as_str() && d.item == id));
    r.drafts.len() != before
}

/// Says so when the active reviewer has a draft kept from an earlier session, and selects
/// its item, where the note editor's key restores it.
pub(super) fn offer_draft(state: &mut State) {
    let Some(r) = state.review.as_mut() else {
        return;
    };
    let Some(me) = r.me.clone() else {
        return;
    };
    let Some(draft) = r.drafts.iter().find(|d| d.reviewer == me.as_str()).cloned() else {
        return;
    };
    if let Some(i) = r.order.iter().position(|id| *id == draft.item) {
        r.selected = i;
    }
    clamp_lists(state);
    let key = state
        .keymap
        .keys_for(Context::Checklist, Action::EditNote)
        .unwrap_or_else(|| Action::EditNote.name().to_string());
    say(
        state,
        format!(
            "recovered a draft of {me}'s note on {} (kept {}): {key} on it in the checklist restores it",
            draft.item, draft.at
        ),
    );
}
