//! The reader pane: the wrapped text, its highlights and gutter markers, the search prompt.

use super::*;
use crate::app::display::Kind;

/// The style of each byte's cell in the reader: figures, dates, commitments, the mark.
pub(super) fn reader_style(state: &State, theme: &Theme, at: usize) -> Style {
    let mut style = Style::default();
    let inside = |spans: &[(usize, usize)]| {
        let i = spans.partition_point(|(s, _)| *s <= at);
        i > 0 && at < spans[i - 1].1
    };
    if let Some(m) = state.reader.doc.and_then(|d| state.marks.get(d)) {
        if inside(&m.commitments) {
            style = style.patch(theme.commitment);
        }
        if inside(&m.dates) {
            style = style.patch(theme.date);
        }
        if inside(&m.figures) {
            style = style.patch(theme.figure);
        }
    }
    if let Some((s, e)) = state.reader.mark
        && s <= at
        && at < e
    {
        style = style.patch(theme.mark);
    }
    style
}

/// Where the reader is, as less says it: its top line, of how many, and how far the
/// bottom line shown is into the document (` 120/3400  4% `).
pub fn position(top: usize, height: usize, total: usize) -> String {
    if total == 0 {
        return String::new();
    }
    let bottom = (top + height).min(total);
    format!(" {}/{total}  {}% ", top + 1, bottom * 100 / total)
}

pub(super) fn reader(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    let rd = &state.reader;
    let (Some(doc), Some(_)) = (rd.doc, state.corpus.as_ref()) else {
        let focused = state.focus == Pane::Reader && state.overlay.is_none();
        frame.render_widget(pane_frame(state, "Reader".into(), focused, theme), r);
        let hint = state
            .keymap
            .keys_for(Context::Documents, crate::keymap::Action::Open)
            .map_or(String::new(), |k| format!(" ({k})"));
        frame.render_widget(
            Paragraph::new(format!("Open a document from the list{hint}.")).style(theme.dim),
            pane_inner(state, r),
        );
        return;
    };
    let focused = state.focus == Pane::Reader && state.overlay.is_none();
    let height = pane_inner(state, r).height as usize;
    // A PDF's page: the page the cursor is on, of how many.
    let page = rd.display.page_at(rd.at).map_or(String::new(), |p| {
        format!(" · p. {p}/{}", rd.display.page_starts.len())
    });
    // The line position at the right, as less shows it: a scrolled line changes only its
    // digits (a few bytes), plain, so writing them needs no change of colour.
    let position = position(rd.top, height, rd.lines.len());
    let width = (r.width.saturating_sub(8) as usize).saturating_sub(width::of(&position) + 1);
    let title = fit(&state.title(doc), width.saturating_sub(width::of(&page)));
    let title = format!("{title}{page}");
    let block = pane_frame(state, title, focused, theme)
        .title(Line::from(Span::styled(position, Style::reset())).right_aligned());
    frame.render_widget(block, r);
    let area = pane_inner(state, r);
    let cursor = cursor_sentence(state);
    let commitments = state
        .marks
        .get(doc)
        .map(|m| m.commitments.as_slice())
        .unwrap_or(&[]);
    let mut lines = Vec::new();
    for line in rd.lines.iter().skip(rd.top).take(height) {
        let marker = matches!(line.kind, Kind::Page(_));
        let touches =
            |(s, e): (usize, usize)| !marker && s < line.end.max(line.start + 1) && e > line.start;
        // A commitment's mark wears the commitment's style, and so does the gap after it:
        // the line then changes attributes once, where a mark of its own style would cost
        // two more changes on every line a scroll brings in. A blank gutter is unstyled.
        let (gutter, gutter_style) = if cursor.is_some_and(touches) {
            (crate::app::marks::CURSOR, theme.gutter)
        } else if commitments.iter().any(|&c| touches(c)) {
            (crate::app::marks::COMMITMENT, theme.commitment)
        } else {
            (" ", Style::default())
        };
        let gap = match gutter {
            crate::app::marks::COMMITMENT => theme.commitment,
            _ => Style::default(),
        };
        let mut spans = vec![
            Span::styled(gutter, gutter_style),
            Span::styled(" ".repeat(1 + line.indent), gap),
        ];
        let mut run = String::new();
        let mut run_style = Style::default();
        let mut col = 0;
        let base = match line.kind {
            Kind::Text => Style::default(),
            Kind::Title => theme.title,
            Kind::Meta | Kind::Page(_) => theme.dim,
        };
        let cells = &rd.display.cells[line.cells.0..line.cells.1];
        // A cluster (an emoji and its selector, a letter and its accent) in one style and
        // one span: split, it would be drawn as two narrower pieces than was measured.
        for unit in clusters(cells) {
            let unit = &cells[unit];
            // A page marker is not text: no highlight of the text around it crosses it.
            let style = match marker {
                true => base,
                false => base.patch(reader_style(state, theme, unit[0].start)),
            };
            if style != run_style && !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_style = style;
            for cell in unit {
                match cell.c {
                    '\t' => run.push_str(&" ".repeat(TAB - col % TAB)),
                    c => push_safe(&mut run, c),
                }
            }
            col += cluster_width(unit, col);
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, run_style));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
    if let Some(input) = &rd.search_input {
        let y = area.y + area.height.saturating_sub(1);
        frame.render_widget(Clear, Rect::new(area.x, y, area.width, 1));
        // The page prompt says what it asks for: a number typed at `/ ` would be searched.
        let prompt = if rd.page_prompt { "page: " } else { "/ " };
        let w = (prompt.len() as u16).min(area.width);
        frame.render_widget(Span::styled(prompt, theme.key), Rect::new(area.x, y, w, 1));
        frame.render_widget(
            input,
            Rect::new(area.x + w, y, area.width.saturating_sub(w), 1),
        );
    }
}
