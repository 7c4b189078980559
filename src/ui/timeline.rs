//! The timeline view: one row per document, a calendar axis on top, a glyph per event
//! (`◆` deadline, `✗` overdue deadline, `●` dated figure, `─` the rest of a figure's
//! period, a digit where several share a column), never colour alone; the selected event
//! reversed and told in full in the footer.

use super::*;
use crate::app::layout::timeline_areas;
use crate::app::marks::{self, timeline as glyphs};
use crate::app::state::TimelineState;
use crate::app::timeline::{Event, EventKind, Zoom, ticks, visible};
use crate::calendar::civil;
use crate::keymap::Action;

/// What one column of one document row holds.
#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    events: usize,
    overdue: bool,
    deadline: bool,
    evidence: bool,
    /// Inside a dated figure's period, after its start.
    period: bool,
    selected: bool,
}

fn glyph(cell: &Cell, grid: bool) -> (String, bool) {
    let g = match cell.events {
        0 if cell.period => glyphs::PERIOD.to_string(),
        0 if grid => glyphs::GRID.to_string(),
        0 => " ".to_string(),
        1 if cell.overdue => glyphs::OVERDUE.to_string(),
        1 if cell.deadline => glyphs::DEADLINE.to_string(),
        1 if cell.evidence => glyphs::EVIDENCE.to_string(),
        1 => glyphs::FIGURE.to_string(),
        n @ 2..=9 => n.to_string(),
        _ => glyphs::MANY.to_string(),
    };
    (g, cell.events == 0)
}

/// A day as precise as the zoom shows it.
fn day_at(zoom: Zoom, day: i32) -> String {
    let (y, m, d) = civil(day);
    match zoom {
        Zoom::Years => format!("{y}"),
        Zoom::Quarters | Zoom::Months => format!("{y:04}-{m:02}"),
        Zoom::Weeks | Zoom::Days => format!("{y:04}-{m:02}-{d:02}"),
    }
}

fn event_glyph(e: &Event) -> &'static str {
    match e.kind {
        EventKind::Deadline if e.overdue => glyphs::OVERDUE,
        EventKind::Deadline => glyphs::DEADLINE,
        EventKind::Figure => glyphs::FIGURE,
        EventKind::Evidence => glyphs::EVIDENCE,
    }
}

pub(super) fn timeline(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    let (Some(ts), Some(a)) = (&state.timeline, timeline_areas(state)) else {
        return;
    };
    frame.render_widget(Clear, r);
    let t = &ts.timeline;
    let width = a.plot.width as usize;
    let shown = visible(ts.zoom, ts.start, width);
    // The day deadlines are overdue against: today, unless another day is given, which
    // the title then names as such.
    let as_of = state.as_of();
    let day = as_of
        .unless_today()
        .unwrap_or_else(|| format!("today {}", as_of.day()));
    let zoom_name = ts.zoom.columns();
    let title = format!(
        "Timeline · {zoom_name} {}…{} · {} of {} overdue · {day}",
        day_at(ts.zoom, shown.first),
        day_at(ts.zoom, shown.last),
        t.overdue(),
        t.events.len(),
    );
    let focused = state.overlay.is_none();
    let title = fit(&title, (r.width as usize).saturating_sub(6));
    frame.render_widget(overlay_block(title, focused, theme), r);

    let ticks = ticks(ts.zoom, ts.start, width);
    let major: Vec<bool> = {
        let mut m = vec![false; width];
        // Lines down the plot at labelled major ticks only: every year at quarters zoom
        // would be a fence.
        for t in ticks.iter().filter(|t| t.major && !t.label.is_empty()) {
            m[t.col] = true;
        }
        m
    };
    axis(theme, frame, &a, &ticks, width);

    // The document rows.
    let rows = a.plot.height as usize;
    let titles_w = a.titles.width as usize;
    let selected_row = t.row_of(ts.selected);
    let mut here = 0;
    for (k, row) in t.rows.iter().enumerate().skip(ts.row_offset).take(rows) {
        let y = a.plot.y + (k - ts.row_offset) as u16;
        let mut cells = vec![Cell::default(); width];
        for &i in &row.events {
            let e = &t.events[i];
            let col = |day: i32| ts.zoom.cell(day) - ts.start;
            let at = col(e.at);
            if e.kind == EventKind::Figure {
                let (from, to) = (at.max(0), col(e.days.last).min(width as i64 - 1));
                for c in (from + 1).max(0)..=to {
                    cells[c as usize].period = true;
                }
            }
            if !(0..width as i64).contains(&at) {
                continue;
            }
            let c = &mut cells[at as usize];
            c.events += 1;
            c.overdue |= e.overdue;
            c.deadline |= e.kind == EventKind::Deadline;
            c.evidence |= e.kind == EventKind::Evidence;
            c.selected |= i == ts.selected;
        }
        if let Some(c) = cells.iter().find(|c| c.selected) {
            here = c.events;
        }
        let mut spans = Vec::with_capacity(width);
        for (col, cell) in cells.iter().enumerate() {
            let (g, empty) = glyph(cell, major[col]);
            let mut style = if empty {
                theme.dim
            } else if cell.overdue {
                theme.overdue
            } else if cell.deadline && cell.events == 1 {
                theme.commitment
            } else {
                theme.figure
            };
            if cell.selected {
                style = style.patch(theme.selected);
            }
            spans.push(Span::styled(g, style));
        }
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect::new(a.plot.x, y, a.plot.width, 1),
        );
        let info = state.index.as_ref().map(|i| i.doc_info(row.doc as u32));
        let year = info
            .and_then(|d| d.days)
            .map_or("n.d.".to_string(), |d| civil(d.first).0.to_string());
        let is_selected = selected_row == Some(k);
        let marker = if is_selected { marks::SELECTED } else { " " };
        let lead = format!("{marker}{year} ");
        let title = state.short_title(row.doc, titles_w.saturating_sub(width::of(&lead)));
        let name = fit(&format!("{lead}{title}"), titles_w);
        let style = if is_selected {
            theme.selected
        } else {
            Style::default()
        };
        frame.render_widget(
            Paragraph::new(Line::styled(pad(&name, titles_w), style)),
            Rect::new(a.titles.x, y, a.titles.width, 1),
        );
        frame.render_widget(
            Paragraph::new(Span::styled("│", theme.border)),
            Rect::new(a.plot.x.saturating_sub(1), y, 1, 1),
        );
    }
    let drawn = t.rows.len().saturating_sub(ts.row_offset).min(rows);
    if drawn < rows && t.empty_docs > 0 {
        let s = if t.empty_docs == 1 { "" } else { "s" };
        let note = format!(
            " {} document{s} with no dated figure or deadline",
            t.empty_docs
        );
        frame.render_widget(
            Paragraph::new(Line::styled(fit(&note, a.footer.width as usize), theme.dim)),
            Rect::new(a.titles.x, a.plot.y + drawn as u16, a.footer.width, 1),
        );
    }
    agenda(
        state,
        ts,
        theme,
        frame,
        &a,
        drawn + usize::from(t.empty_docs > 0),
    );
    footer(state, ts, theme, frame, a.footer, here);
}

/// Under the rows, while there is room: the selected document's events in time order,
/// the selected one marked, as a list to read beside the picture.
fn agenda(
    state: &State,
    ts: &TimelineState,
    theme: &Theme,
    frame: &mut Frame,
    a: &crate::app::layout::TimelineAreas,
    used: usize,
) {
    let t = &ts.timeline;
    let Some(row) = t.row_of(ts.selected).and_then(|r| t.rows.get(r)) else {
        return;
    };
    // A blank line, a heading, then at least one event.
    let free = (a.plot.height as usize).saturating_sub(used + 1);
    if free < 2 {
        return;
    }
    let w = a.footer.width as usize;
    let mut lines = vec![Line::styled(
        fit(
            &format!(
                " events of {}",
                state.short_title(row.doc, w.saturating_sub(" events of ".len()))
            ),
            w,
        ),
        theme.title.add_modifier(Modifier::UNDERLINED),
    )];
    let shown = free - 1;
    let at = row
        .events
        .iter()
        .position(|&i| i == ts.selected)
        .unwrap_or(0);
    let first = at
        .saturating_sub(shown / 2)
        .min(row.events.len().saturating_sub(shown));
    for &i in row.events.iter().skip(first).take(shown) {
        let e = &t.events[i];
        let marker = if i == ts.selected {
            marks::SELECTED
        } else {
            " "
        };
        let what = match e.kind {
            EventKind::Figure | EventKind::Evidence => e.label.clone(),
            EventKind::Deadline if e.overdue => "deadline, overdue".to_string(),
            EventKind::Deadline => match e.settled {
                Some(v) => format!("deadline, {}", v.name()),
                None => "deadline".to_string(),
            },
        };
        let head = format!(
            "{marker}{} {:<17} {} ",
            event_glyph(e),
            e.days.iso(),
            pad(&what, 18)
        );
        let text = fit(&e.text, w.saturating_sub(width::of(&head)));
        let style = match (i == ts.selected, e.overdue) {
            (true, _) => theme.selected,
            (false, true) => theme.overdue,
            _ => Style::default(),
        };
        lines.push(Line::from(vec![Span::styled(head, style), Span::raw(text)]));
    }
    let y = a.plot.y + used as u16 + 1;
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(a.footer.x, y, a.footer.width, free as u16),
    );
}

/// The tick labels and the rule above the plot, and the corner left of them.
fn axis(
    theme: &Theme,
    frame: &mut Frame,
    a: &crate::app::layout::TimelineAreas,
    ticks: &[crate::app::timeline::Tick],
    width: usize,
) {
    if a.axis.height < 2 {
        return;
    }
    let mut labels = vec![" ".to_string(); width];
    let mut rule = vec!["─"; width];
    for t in ticks {
        rule[t.col] = if t.major { "┼" } else { "┬" };
        for (k, ch) in t.label.chars().enumerate() {
            if let Some(slot) = labels.get_mut(t.col + k) {
                *slot = ch.to_string();
            }
        }
    }
    let labels: String = labels.concat();
    frame.render_widget(
        Paragraph::new(Line::styled(labels, theme.title)),
        Rect::new(a.axis.x, a.axis.y, a.axis.width, 1),
    );
    frame.render_widget(
        Paragraph::new(Line::styled(rule.concat(), theme.border)),
        Rect::new(a.axis.x, a.axis.y + 1, a.axis.width, 1),
    );
    let corner_w = a.titles.width as usize;
    let head = fit(" document", corner_w);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(format!("{}│", pad(&head, corner_w)), theme.dim),
            Line::styled(format!("{}┼", "─".repeat(corner_w)), theme.border),
        ]),
        Rect::new(a.titles.x, a.axis.y, a.titles.width + 1, 2),
    );
}

/// The selected event in full, and the legend with the keys of the active keymap.
fn footer(
    state: &State,
    ts: &TimelineState,
    theme: &Theme,
    frame: &mut Frame,
    r: Rect,
    here: usize,
) {
    if r.height == 0 {
        return;
    }
    let w = r.width as usize;
    let mut lines = Vec::new();
    if let Some(e) = ts.timeline.events.get(ts.selected) {
        let written = e
            .written
            .as_ref()
            .map_or(String::new(), |w| format!(" ({w})"));
        let status = match (e.kind, e.overdue, e.settled) {
            (EventKind::Deadline, true, _) => " · OVERDUE".to_string(),
            (EventKind::Deadline, false, Some(v)) => format!(" · {}", v.name()),
            (EventKind::Deadline, false, None) if e.days.last >= state.as_of().day().number() => {
                " · not yet due".to_string()
            }
            _ => String::new(),
        };
        let what = match e.kind {
            EventKind::Figure => format!("dated figure {}", e.label),
            EventKind::Evidence => e.label.clone(),
            EventKind::Deadline => "deadline".to_string(),
        };
        let several = if here > 1 {
            format!(" · {here} in this column")
        } else {
            String::new()
        };
        // The document by its short title, then its file name (cut first when the
        // line is too narrow for both).
        let file = state
            .corpus
            .as_ref()
            .and_then(|c| c.documents.get(e.doc))
            .map_or(String::new(), |d| format!(" · {}", d.name));
        let head = format!(
            "{} {}{written} · {what}{status}{several} · {}{file}",
            event_glyph(e),
            e.days.iso(),
            state.short_title(e.doc, crate::extract::SHORT_TITLE_COLUMNS),
        );
        let style = if e.overdue {
            theme.overdue
        } else {
            theme.title
        };
        lines.push(Line::styled(fit(&head, w), style));
        lines.push(Line::raw(fit(&format!("  “{}”", e.text), w)));
    }
    // The first key of each, to keep the legend short.
    let key = |action: Action| {
        let keys = state.keymap.keys_for(Context::Timeline, action);
        keys.as_deref()
            .and_then(|k| k.split(", ").next())
            .unwrap_or("")
            .to_string()
    };
    let legend = format!(
        "{} deadline  {} overdue deadline  {} dated figure  {} its period  2-9 several in a column",
        glyphs::DEADLINE,
        glyphs::OVERDUE,
        glyphs::FIGURE,
        glyphs::PERIOD
    );
    let keys = format!(
        "{}/{} event  {}/{} document  {}/{} zoom  {}/{} pan  {} open  {} close",
        key(Action::PrevEvent),
        key(Action::NextEvent),
        key(Action::Up),
        key(Action::Down),
        key(Action::ZoomIn),
        key(Action::ZoomOut),
        key(Action::PanLeft),
        key(Action::PanRight),
        key(Action::Open),
        key(Action::Cancel),
    );
    lines.push(Line::styled(fit(&legend, w), theme.dim));
    lines.push(Line::styled(fit(&keys, w), theme.dim));
    // The event first, the legend when there is room.
    lines.truncate(r.height as usize);
    frame.render_widget(Paragraph::new(lines), r);
}
