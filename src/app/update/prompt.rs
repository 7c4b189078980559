//! Prompts (the finder's input, the reader's search, the documents filter, a reviewer's
//! name): typing, readline's editing keys, pastes, and the finder's queries.

use ratatui::crossterm::event::KeyEvent;

use super::*;

/// The prompt of a text context.
pub(super) fn prompt(
    state: &mut State,
    ctx: Context,
) -> Option<&mut ratatui_textarea::TextArea<'static>> {
    match ctx {
        Context::Finder => Some(&mut state.finder.input),
        Context::Search => state.reader.search_input.as_mut(),
        Context::Filter => state.documents.filter_input.as_mut(),
        Context::NoteEditor => state.note.as_mut().map(|n| &mut n.input),
        Context::ReviewerName => state.review.as_mut()?.name_input.as_mut(),
        _ => None,
    }
}

/// An unbound key in a prompt edits it (letters, backspace, arrows, ctrl-w…).
pub(super) fn type_key(state: &mut State, ctx: Context, event: KeyEvent) -> Vec<Effect> {
    // Up and Down at the `/` prompt go through the patterns searched before.
    if ctx == Context::Search && event.modifiers.is_empty() {
        use ratatui::crossterm::event::KeyCode;
        match event.code {
            KeyCode::Up => {
                return {
                    search_history(state, true);
                    Vec::new()
                };
            }
            KeyCode::Down => {
                return {
                    search_history(state, false);
                    Vec::new()
                };
            }
            _ => {}
        }
    }
    let Some(input) = prompt(state, ctx) else {
        return Vec::new();
    };
    let before = input_text(input);
    edit_line(input, event);
    // A note has lines; every other prompt is one.
    if ctx != Context::NoteEditor {
        one_line(input);
    }
    if input_text(input) == before {
        return Vec::new();
    }
    edited(state, ctx)
}

/// Readline's line-editing keys, which people type in any prompt (ratatui-textarea gives
/// some of them other meanings: its ctrl-u is undo); other keys go to the text area.
pub(super) fn edit_line(input: &mut ratatui_textarea::TextArea<'static>, event: KeyEvent) {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    use ratatui_textarea::CursorMove;
    let ctrl = event.modifiers == KeyModifiers::CONTROL;
    match event.code {
        KeyCode::Char('u') if ctrl => {
            input.delete_line_by_head();
        }
        KeyCode::Char('k') if ctrl => {
            input.delete_line_by_end();
        }
        KeyCode::Char('w') if ctrl => {
            input.delete_word();
        }
        KeyCode::Char('a') if ctrl => input.move_cursor(CursorMove::Head),
        KeyCode::Char('e') if ctrl => input.move_cursor(CursorMove::End),
        _ => {
            input.input(event);
        }
    }
}

/// A prompt is one line: a newline typed or pasted joins it.
pub(super) fn one_line(input: &mut ratatui_textarea::TextArea<'static>) {
    if input.lines().len() > 1 {
        let joined = input_text(input);
        *input = text_input(input.placeholder_text());
        input.insert_str(joined);
    }
}

pub(super) fn edited(state: &mut State, ctx: Context) -> Vec<Effect> {
    match ctx {
        Context::Finder => {
            // Typing over a recalled query makes it a new one.
            state.finder.recalled = None;
            new_query(state)
        }
        Context::Filter => {
            state.documents.filter = state
                .documents
                .filter_input
                .as_ref()
                .map(input_text)
                .unwrap_or_default();
            refresh_documents(state);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

pub(super) fn paste(state: &mut State, text: &str) -> Vec<Effect> {
    let ctx = context(state);
    let multiline = ctx == Context::NoteEditor;
    let clean: String = text
        .chars()
        .map(|c| match c {
            '\n' if multiline => '\n',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let Some(input) = prompt(state, ctx) else {
        return Vec::new();
    };
    input.insert_str(clean);
    edited(state, ctx)
}

/// True when Up in the finder recalls a query rather than moving: the prompt is empty, or
/// shows a recalled query with its first row selected (nothing above it).
pub(super) fn up_recalls(state: &State) -> bool {
    let f = &state.finder;
    input_text(&f.input).trim().is_empty() || (f.recalled.is_some() && f.selected == 0)
}

/// Steps through the finder's history: `-1` an older query, `1` a newer one, and past the
/// newest, what was being typed before.
pub(super) fn recall(state: &mut State, delta: isize) -> Vec<Effect> {
    let f = &mut state.finder;
    let len = f.history.len();
    let next = match (f.recalled, delta < 0) {
        (_, _) if len == 0 => return Vec::new(),
        (None, true) => {
            f.typed = input_text(&f.input);
            Some(len - 1)
        }
        (None, false) => return Vec::new(),
        (Some(i), true) => Some(i.saturating_sub(1)),
        (Some(i), false) if i + 1 < len => Some(i + 1),
        (Some(_), false) => None,
    };
    let text = next.map_or_else(|| f.typed.clone(), |i| f.history[i].clone());
    if next == f.recalled && next.is_some() {
        return Vec::new(); // already at the oldest
    }
    f.recalled = next;
    let mut input = text_input(f.input.placeholder_text());
    input.insert_str(text);
    f.input = input;
    new_query(state)
}

/// The finder's input changed: a new generation, searched off the UI thread.
pub(super) fn new_query(state: &mut State) -> Vec<Effect> {
    state.finder.generation += 1;
    let query = input_text(&state.finder.input);
    if query.trim().is_empty() {
        let f = &mut state.finder;
        f.hits.clear();
        f.shown.clear();
        f.total = 0;
        return Vec::new();
    }
    if state.index.is_none() {
        return Vec::new(); // runs when the index is ready
    }
    vec![Effect::Search {
        generation: state.finder.generation,
        query,
    }]
}
