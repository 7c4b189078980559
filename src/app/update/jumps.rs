//! Going back: the jump list (`jump_back`, `jump_forward`), marks (`set_mark`,
//! `goto_mark` and a letter), reading mode and the reader's search history.

use crate::app::memory;
use crate::app::state::{MarkKey, Spot};

use super::*;

/// Places kept on the jump list (vim keeps 100).
const JUMPS: usize = 100;

/// Where the workbench is now: the reader's document, cursor and top line, the focus.
fn here(state: &State) -> Spot {
    let r = &state.reader;
    Spot {
        doc: r.doc,
        place: Place {
            top_byte: r.lines.get(r.top).map_or(0, |l| l.start),
            at: r.at,
        },
        focus: state.focus,
        timeline: state.timeline.as_ref().map(|t| t.selected),
    }
}

/// A jump is about to leave this place: it goes on the jump list (a new jump forgets the
/// places gone back over, as in vim).
pub(super) fn record_jump(state: &mut State) {
    let spot = here(state);
    let j = &mut state.jumps;
    j.forward.clear();
    if j.back.last() != Some(&spot) {
        j.back.push(spot);
    }
    if j.back.len() > JUMPS {
        j.back.remove(0);
    }
}

/// Back (or forward) along the jump list: the place left is kept on the other side.
pub(super) fn jump_along(state: &mut State, back: bool) {
    let now = here(state);
    let j = &mut state.jumps;
    let (from, to) = match back {
        true => (&mut j.back, &mut j.forward),
        false => (&mut j.forward, &mut j.back),
    };
    // A place equal to this one is no jump: skip it.
    while from.last() == Some(&now) {
        from.pop();
    }
    let Some(spot) = from.pop() else {
        let which = if back { "earlier" } else { "later" };
        return say(state, format!("no {which} place on the jump list"));
    };
    to.push(now);
    go_to_spot(state, spot);
}

/// Puts everything back as it was at `spot`: the document, its top line and cursor, the
/// focused pane, the timeline and its event.
fn go_to_spot(state: &mut State, spot: Spot) {
    state.overlay = None;
    // A place with no document open (the list, before anything was read) gives back its
    // pane; the reader keeps what it shows rather than going blank.
    if let Some(doc) = spot.doc
        && state.reader.doc != Some(doc)
    {
        open_doc(state, doc);
    }
    focus(state, spot.focus);
    if spot.doc.is_some() {
        state.reader.at = spot.place.at;
        state.reader.mark = None;
        rewrap_keeping(state, spot.place.top_byte);
    }
    // The timeline as it was: open on its event, or closed (a toggle would close one
    // opened since, and leave open one the place did not have).
    match spot.timeline {
        Some(selected) => {
            if state.timeline.is_none() {
                toggle_timeline(state);
            }
            if let Some(t) = state.timeline.as_mut() {
                t.selected = selected.min(t.timeline.events.len().saturating_sub(1));
            }
            keep_in_sight(state);
        }
        None => state.timeline = None,
    }
}

/// `set_mark` and `goto_mark` wait for a letter.
pub(super) fn arm_mark(state: &mut State, what: MarkKey) {
    if state.reader.doc.is_none() {
        return say(state, "open a document first");
    }
    state.mark_key = Some(what);
    let prompt = match what {
        MarkKey::Set => "mark: type a letter a–z to set",
        MarkKey::Go => "go to mark: type its letter",
    };
    say(state, prompt);
}

/// The letter after a mark key (any other key cancels).
pub(super) fn mark_letter(state: &mut State, what: MarkKey, key: &Key) -> Vec<Effect> {
    let letter = match key.base {
        crate::keymap::key::Base::Char(c) if !key.ctrl && !key.alt && c.is_ascii_lowercase() => {
            Some(c)
        }
        _ => None,
    };
    let (Some(letter), Some(doc)) = (letter, state.reader.doc) else {
        say(state, "cancelled");
        return Vec::new();
    };
    let Some(name) = state
        .corpus
        .as_ref()
        .and_then(|c| c.documents.get(doc))
        .map(|d| d.name.clone())
    else {
        return Vec::new();
    };
    match what {
        MarkKey::Set => {
            let place = here(state).place;
            state
                .bookmarks
                .entry(name)
                .or_default()
                .insert(letter, place);
            say(state, format!("mark {letter} set"));
            memory::keep_marks(state)
        }
        MarkKey::Go => {
            let Some(place) = state.bookmarks.get(&name).and_then(|m| m.get(&letter)) else {
                say(state, format!("no mark {letter} in this document"));
                return Vec::new();
            };
            let place = *place;
            record_jump(state);
            go_to_spot(
                state,
                Spot {
                    doc: Some(doc),
                    place,
                    focus: Pane::Reader,
                    timeline: None,
                },
            );
            Vec::new()
        }
    }
}

/// Reading mode on or off: the reader alone (and focused) or beside the lists.
pub(super) fn toggle_reading(state: &mut State) -> Vec<Effect> {
    state.reading = !state.reading;
    if state.reading {
        focus(state, Pane::Reader);
        say(
            state,
            "reading mode: the reader alone (the same key leaves it)",
        );
    } else {
        rewrap(state);
        say(state, "reading mode off");
    }
    clamp_lists(state);
    memory::keep_prefs(state)
}

/// A pattern searched goes last in the history (once).
pub(super) fn remember_search(state: &mut State, pattern: &str) -> Vec<Effect> {
    crate::app::history::add(&mut state.reader.history, pattern);
    state.reader.history_at = None;
    memory::keep_prefs(state)
}

/// Up (`older`) or Down at the `/` prompt: the previous or next pattern of the history;
/// Down past the newest empties the prompt.
pub(super) fn search_history(state: &mut State, older: bool) {
    let r = &mut state.reader;
    if r.page_prompt || r.history.is_empty() {
        return;
    }
    let last = r.history.len() - 1;
    let at = match (r.history_at, older) {
        (None, true) => Some(last),
        (None, false) => None,
        (Some(i), true) => Some(i.saturating_sub(1)),
        (Some(i), false) if i < last => Some(i + 1),
        (Some(_), false) => None,
    };
    r.history_at = at;
    let shown = at.map_or("", |i| r.history[i].as_str()).to_string();
    if let Some(input) = r.search_input.as_mut() {
        *input = text_input(input.placeholder_text());
        input.insert_str(shown);
    }
}
