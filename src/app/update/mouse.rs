//! The mouse, when captured (`--mouse`).

use super::*;

/// Rows the wheel moves per notch.
pub(super) const WHEEL_ROWS: isize = 3;

/// The mouse, when captured: the wheel scrolls what is under it; a click selects a row (a
/// second click on the selected one opens it), picks a tab, or puts the reader's cursor on
/// the sentence clicked.
pub(super) fn mouse(state: &mut State, kind: Mouse, x: u16, y: u16) -> Vec<Effect> {
    use ratatui::layout::Position;
    let areas = layout(state);
    let at = Position { x, y };
    let over = |r: Option<ratatui::layout::Rect>| r.is_some_and(|r| r.contains(at));
    let ctx = if state.overlay.is_some() {
        if !over(areas.overlay) {
            return Vec::new();
        }
        context(state)
    } else if state.timeline.is_some() {
        // The wheel moves between document rows; a click does nothing there.
        if kind == Mouse::Click {
            return Vec::new();
        }
        Context::Timeline
    } else if over(areas.documents) {
        Context::Documents
    } else if over(areas.reader) {
        Context::Reader
    } else if kind == Mouse::Click && over(areas.tabs) {
        let pane = if x < 14 {
            Pane::Documents
        } else {
            Pane::Reader
        };
        focus(state, pane);
        return Vec::new();
    } else {
        return Vec::new();
    };
    match kind {
        Mouse::WheelDown => step(state, ctx, WHEEL_ROWS),
        Mouse::WheelUp => step(state, ctx, -WHEEL_ROWS),
        Mouse::Click => return click(state, ctx, &areas, y),
    }
    Vec::new()
}

pub(super) fn click(
    state: &mut State,
    ctx: Context,
    areas: &crate::app::layout::Areas,
    y: u16,
) -> Vec<Effect> {
    use crate::app::layout::pane_inner;
    match ctx {
        Context::Documents | Context::Filter => {
            let Some(r) = areas.documents.map(|r| pane_inner(state, r)) else {
                return Vec::new();
            };
            focus(state, Pane::Documents);
            // Below the header row.
            let Some(row) = (y as usize).checked_sub(r.y as usize + 1) else {
                return Vec::new();
            };
            let index = state.documents.offset + row;
            if index >= state.documents.order.len() {
                return Vec::new();
            }
            if index == state.documents.selected {
                return act(state, Action::Open);
            }
            state.documents.selected = index;
        }
        Context::Finder => {
            let Some(list) = areas
                .overlay
                .and_then(|r| crate::app::layout::finder_areas(state, r))
                .map(|a| a.list)
            else {
                return Vec::new();
            };
            // A click on a row of the list (not the input, count or preview below it).
            let Some(row) = (y as usize)
                .checked_sub(list.y as usize)
                .filter(|&row| row < list.height as usize)
            else {
                return Vec::new();
            };
            let index = state.finder.offset + row;
            if index >= state.finder.hits.len() {
                return Vec::new();
            }
            if index == state.finder.selected {
                return confirm(state, Context::Finder);
            }
            state.finder.selected = index;
        }
        Context::Reader => {
            let Some(r) = areas.reader.map(|r| pane_inner(state, r)) else {
                return Vec::new();
            };
            focus(state, Pane::Reader);
            let Some(row) = (y as usize).checked_sub(r.y as usize) else {
                return Vec::new();
            };
            // The cursor is any byte of its sentence: the clicked line's first is enough.
            if let Some(line) = state.reader.lines.get(state.reader.top + row).copied() {
                state.reader.at = line.start;
                state.reader.mark = None;
            }
        }
        _ => {}
    }
    clamp_lists(state);
    Vec::new()
}
