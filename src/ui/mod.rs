//! Drawing: reads the state, never changes it. Every text from a document or a user goes
//! through the sanitizer on its way to a cell, so no control or escape character reaches the
//! terminal.

pub mod theme;

mod ask;
mod checklist;
mod documents;
mod finder;
mod help;
mod reader;
mod status;
mod timeline;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::layout::{Areas, MIN_HEIGHT, MIN_WIDTH, inner, layout, pane_inner};
use crate::app::state::{Overlay, Pane, SortBy, State, input_text};
use crate::app::update::{context, cursor_sentence};
use crate::app::wrap::{TAB, cluster_width, clusters};
use crate::keymap::{Context, display_sequence};
use crate::safe_text::{push_safe, sanitize};
use crate::width;
use theme::Theme;

use checklist::checklist;
use documents::documents;
use finder::finder;
use help::help;
use reader::reader;
use status::status;
use timeline::timeline;

/// Draws the whole workbench for `state` into `frame`.
pub fn draw(state: &State, frame: &mut Frame) {
    let theme = Theme::pick(state.mono);
    let areas = layout(state);
    if areas.too_small {
        let msg = format!(
            "terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{})",
            state.size.0, state.size.1
        );
        let area = frame.area();
        frame.render_widget(
            Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    if let Some(r) = areas.timeline {
        // It covers the panes: they are not drawn underneath.
        timeline(state, &theme, frame, r);
    } else {
        if let Some(r) = areas.tabs {
            tabs(state, &theme, frame, r);
        }
        if let Some(r) = areas.documents {
            documents(state, &theme, frame, r);
        }
        if let Some(r) = areas.reader {
            reader(state, &theme, frame, r);
        }
        if let Some(r) = areas.checklist {
            checklist(state, &theme, frame, r);
        }
    }
    status(state, &theme, frame, &areas);
    match (state.overlay, areas.overlay) {
        (Some(Overlay::Finder), Some(r)) => finder(state, &theme, frame, r),
        (Some(Overlay::Help), Some(r)) => help(state, &theme, frame, r),
        (Some(Overlay::Note), Some(r)) => note(state, &theme, frame, r),
        _ => {}
    }
    if let Some(question) = state.ask {
        ask::ask(state, &theme, frame, question);
    }
}

/// `text`, sanitized, in `width` columns, with an ellipsis when cut (by whole grapheme
/// clusters, see [`crate::width`]).
fn fit(text: &str, width: usize) -> String {
    crate::width::fit(&sanitize(text), width)
}

/// `text`, sanitized, cut to `width` columns and padded with spaces to exactly `width`.
fn pad(text: &str, width: usize) -> String {
    crate::width::pad(&sanitize(text), width)
}

/// A pane's frame: a full border side by side, a title line alone (see `pane_inner`).
fn pane_frame<'a>(state: &State, title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let block = overlay_block(title, focused, theme);
    if crate::app::layout::bordered(state) {
        block
    } else {
        block.borders(Borders::TOP)
    }
}

fn overlay_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let style = if focused {
        theme.focused_border
    } else {
        theme.border
    };
    let marker = if focused { "▶ " } else { "" };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(format!(" {marker}{title} "), theme.title))
}

fn tabs(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    let mut spans = Vec::new();
    let mut panes = vec![(Pane::Documents, "1 Documents"), (Pane::Reader, "2 Reader")];
    if state.review.is_some() {
        panes.push((Pane::Checklist, "3 Checklist"));
    }
    for (pane, name) in panes {
        let style = if state.focus == pane {
            theme.selected
        } else {
            theme.dim
        };
        spans.push(Span::styled(format!(" {name} "), style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), r);
}

/// The note editor: the active reviewer's note on one item, as many lines as it needs.
fn note(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    let Some(n) = &state.note else {
        return;
    };
    frame.render_widget(Clear, r);
    let who = state
        .review
        .as_ref()
        .and_then(|rv| rv.me.clone())
        .unwrap_or_default();
    let key = |a| state.keymap.keys_for(Context::NoteEditor, a);
    let keys = match (
        key(crate::keymap::Action::Confirm),
        key(crate::keymap::Action::Cancel),
    ) {
        (Some(save), Some(close)) => format!(" · {save} saves · {close} closes"),
        (Some(save), None) => format!(" · {save} saves"),
        _ => String::new(),
    };
    let title = format!("{}'s note on {}{keys}", sanitize(&who), n.id);
    frame.render_widget(overlay_block(title, true, theme), r);
    frame.render_widget(&n.input, inner(r));
}
