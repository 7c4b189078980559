//! The timeline view: opening it (events built here, once, not while drawing), moving the
//! selected event in time and between documents, zooming, panning, and opening the
//! source of an event in the reader.

use super::*;
use crate::app::layout::timeline_areas;
use crate::app::state::TimelineState;
use crate::app::timeline::{self, Timeline};

/// Columns and document rows the timeline shows at the current size.
fn plot_size(state: &State) -> (usize, usize) {
    timeline_areas(state).map_or((1, 1), |a| {
        (
            (a.plot.width as usize).max(1),
            (a.plot.height as usize).max(1),
        )
    })
}

/// The events for what the state holds now: the workspace's deadlines and verdicts when
/// one is open, the extraction's otherwise.
fn events(state: &State, index: &Index) -> Timeline {
    let ws = state.review.as_ref().map(|r| (&r.ws, &r.orphaned));
    timeline::build(index, ws, &state.as_of())
}

/// Opens the timeline, or closes it when open.
pub(super) fn toggle_timeline(state: &mut State) {
    if state.timeline.take().is_some() {
        return;
    }
    let Some(index) = state.index.clone() else {
        return say(state, "still indexing…");
    };
    let t = events(state, &index);
    let Some((first, last)) = t.extent() else {
        return say(state, "no dated figure or deadline in this corpus");
    };
    let (width, _) = plot_size(state);
    let (zoom, start) = timeline::fit(first, last, width);
    // The first overdue deadline is what a reviewer wants to see first.
    let selected = t.events.iter().position(|e| e.overdue).unwrap_or(0);
    let overdue = t.overdue();
    state.timeline = Some(TimelineState {
        timeline: t,
        zoom,
        start,
        selected,
        row_offset: 0,
    });
    keep_in_sight(state);
    let day = as_of_note(state);
    say(
        state,
        match overdue {
            0 => format!("no overdue deadline{day}"),
            1 => format!("1 overdue deadline{day} (✗)"),
            n => format!("{n} overdue deadlines{day} (✗)"),
        },
    );
}

/// Builds the events again (the workspace changed: verdicts, a merge), keeping the selected
/// event, the zoom and the window.
pub(super) fn refresh_timeline(state: &mut State) {
    let (Some(ts), Some(index)) = (&state.timeline, state.index.clone()) else {
        return;
    };
    let old = ts.timeline.events.get(ts.selected).cloned();
    let t = events(state, &index);
    if t.events.is_empty() {
        state.timeline = None;
        return;
    }
    let selected = old
        .and_then(|o| {
            t.events
                .iter()
                .position(|e| (e.doc, e.span, e.kind) == (o.doc, o.span, o.kind))
        })
        .unwrap_or(0);
    if let Some(ts) = state.timeline.as_mut() {
        ts.timeline = t;
        ts.selected = selected;
    }
    keep_in_sight(state);
}

/// Scrolls the window so the selected event shows (centred when it was out of sight), and
/// the document rows so its row shows.
pub(super) fn keep_in_sight(state: &mut State) {
    let (width, rows) = plot_size(state);
    let Some(ts) = state.timeline.as_mut() else {
        return;
    };
    let Some(e) = ts.timeline.events.get(ts.selected) else {
        return;
    };
    let cell = ts.zoom.cell(e.at);
    if cell < ts.start || cell >= ts.start + width as i64 {
        ts.start = cell - width as i64 / 2;
    }
    let row = ts.timeline.row_of(ts.selected).unwrap_or(0);
    ts.row_offset = keep_in_view(ts.row_offset, row, rows);
    let last_offset = ts.timeline.rows.len().saturating_sub(rows);
    ts.row_offset = ts.row_offset.min(last_offset);
}

/// The previous or next event of the selected one's document, in time.
pub(super) fn move_event(state: &mut State, delta: isize) {
    let Some(ts) = state.timeline.as_mut() else {
        return;
    };
    let Some(row) = ts.timeline.row_of(ts.selected) else {
        return;
    };
    let events = &ts.timeline.rows[row].events;
    let at = events.iter().position(|&e| e == ts.selected).unwrap_or(0);
    let to = (at as isize + delta).clamp(0, events.len() as isize - 1) as usize;
    if to == at {
        let which = if delta > 0 { "later" } else { "earlier" };
        return say(state, format!("no {which} event in this document"));
    }
    ts.selected = events[to];
    keep_in_sight(state);
}

/// The event nearest in time to the selected one, `delta` document rows down (up when
/// negative).
pub(super) fn move_row(state: &mut State, delta: isize) {
    let Some(ts) = state.timeline.as_mut() else {
        return;
    };
    let (Some(row), Some(e)) = (
        ts.timeline.row_of(ts.selected),
        ts.timeline.events.get(ts.selected),
    ) else {
        return;
    };
    let at = e.at;
    let n = ts.timeline.rows.len() as isize;
    let to = (row as isize).saturating_add(delta).clamp(0, n - 1) as usize;
    if to == row {
        return;
    }
    let events = &ts.timeline.events;
    if let Some(&nearest) = ts.timeline.rows[to]
        .events
        .iter()
        .min_by_key(|&&i| (events[i].at.abs_diff(at), events[i].at))
    {
        ts.selected = nearest;
    }
    keep_in_sight(state);
}

/// One zoom level finer (`finer`) or coarser, the selected event kept in the same column
/// when it shows.
pub(super) fn zoom(state: &mut State, finer: bool) {
    let (width, _) = plot_size(state);
    let Some(ts) = state.timeline.as_mut() else {
        return;
    };
    let next = if finer {
        ts.zoom.finer()
    } else {
        ts.zoom.coarser()
    };
    let Some(next) = next else {
        let limit = if finer { "a day" } else { "a year" };
        return say(state, format!("already at {limit} a column"));
    };
    let at = ts.timeline.events.get(ts.selected).map(|e| e.at);
    let anchor = at.unwrap_or_else(|| ts.zoom.first_day(ts.start + width as i64 / 2));
    let col = ts.zoom.cell(anchor) - ts.start;
    let col = if (0..width as i64).contains(&col) {
        col
    } else {
        width as i64 / 2
    };
    ts.zoom = next;
    ts.start = next.cell(anchor) - col;
    say(state, next.name());
    keep_in_sight(state);
}

/// Moves the window a quarter of its width earlier (`direction` < 0) or later; the
/// selection stays.
pub(super) fn pan(state: &mut State, direction: i64) {
    let (width, _) = plot_size(state);
    if let Some(ts) = state.timeline.as_mut() {
        ts.start += direction * (width as i64 / 4).max(1);
    }
}

/// Opens the reader at the selected event's exact span, closing the timeline.
pub(super) fn open_event(state: &mut State) {
    let Some(e) = state
        .timeline
        .as_ref()
        .and_then(|ts| ts.timeline.events.get(ts.selected).cloned())
    else {
        return;
    };
    record_jump(state);
    state.timeline = None;
    open_doc(state, e.doc);
    focus(state, Pane::Reader);
    goto(state, e.span.0, Some(e.span));
}
