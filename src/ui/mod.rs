//! Drawing: reads the state, never changes it. Every text from a document or a user goes
//! through the sanitizer on its way to a cell, so no control or escape character reaches the
//! terminal.

pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::layout::{Areas, MIN_HEIGHT, MIN_WIDTH, inner, layout, pane_inner};
use crate::app::state::{Overlay, Pane, SortBy, State, input_text};
use crate::app::update::{context, cursor_sentence};
use crate::app::wrap::{TAB, char_width};
use crate::keymap::{Context, display_sequence};
use crate::safe_text::{push_safe, sanitize};
use theme::Theme;

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
    if let Some(r) = areas.tabs {
        tabs(state, &theme, frame, r);
    }
    if let Some(r) = areas.documents {
        documents(state, &theme, frame, r);
    }
    if let Some(r) = areas.reader {
        reader(state, &theme, frame, r);
    }
    status(state, &theme, frame, &areas);
    match (state.overlay, areas.overlay) {
        (Some(Overlay::Finder), Some(r)) => finder(state, &theme, frame, r),
        (Some(Overlay::Help), Some(r)) => help(state, &theme, frame, r),
        _ => {}
    }
}

/// `text` cut to `width` columns, with an ellipsis when cut.
fn fit(text: &str, width: usize) -> String {
    let text = sanitize(text);
    if text.width() <= width {
        return text;
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// A pane's frame: a full border side by side, a title line alone (see `pane_inner`).
fn pane_frame<'a>(state: &State, title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let block = overlay_block(title, focused, theme);
    if state.size.0 >= crate::app::layout::SIDE_BY_SIDE {
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
    for (pane, name) in [(Pane::Documents, "1 Documents"), (Pane::Reader, "2 Reader")] {
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

fn documents(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    let d = &state.documents;
    let sort = match d.sort {
        SortBy::Date => "by date",
        SortBy::Title => "by title",
    };
    let total = state.corpus.as_ref().map_or(0, |c| c.documents.len());
    let mut title = format!("Documents {}/{total} {sort}", d.order.len());
    if !d.filter.is_empty() && d.filter_input.is_none() {
        title.push_str(&format!(" · filter \"{}\"", fit(&d.filter, 16)));
    }
    let focused = state.focus == Pane::Documents && state.overlay.is_none();
    let block = pane_frame(state, title, focused, theme);
    let area = pane_inner(state, r);
    frame.render_widget(block, r);
    let w = area.width as usize;
    let mut lines = vec![Line::styled(
        fit("date        fig dat com  title", w),
        theme.dim,
    )];
    let rows = area.height.saturating_sub(1) as usize;
    let rows = if d.filter_input.is_some() {
        rows.saturating_sub(1)
    } else {
        rows
    };
    for (i, &doc) in d.order.iter().enumerate().skip(d.offset).take(rows) {
        let info = state.index.as_ref().map(|x| x.doc_info(doc as u32));
        let date = info.and_then(|i| i.date.clone()).unwrap_or_else(|| {
            if state.index.is_some() {
                "—".into()
            } else {
                "…".into()
            }
        });
        let counts = info.map_or_else(
            || "  …   …   … ".to_string(),
            |i| format!("{:>3} {:>3} {:>3} ", i.figures, i.dates, i.commitments),
        );
        let selected = i == d.selected;
        let marker = if selected { "▶" } else { " " };
        let text = format!(
            "{marker}{:<10} {counts} {}",
            fit(&date, 10),
            sanitize(&state.title(doc))
        );
        let style = if selected {
            theme.selected
        } else {
            Style::default()
        };
        lines.push(Line::styled(fit(&text, w), style));
    }
    if d.order.is_empty() {
        let why = if state.corpus.is_none() {
            "loading…"
        } else {
            "no document matches the filter"
        };
        lines.push(Line::styled(why, theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), area);
    if let Some(input) = &d.filter_input {
        let y = area.y + area.height.saturating_sub(1);
        let prompt = Rect::new(area.x, y, 2.min(area.width), 1);
        frame.render_widget(Span::styled("/ ", theme.key), prompt);
        let field = Rect::new(area.x + 2, y, area.width.saturating_sub(2), 1);
        frame.render_widget(input, field);
    }
}

/// The style of each byte's cell in the reader: figures, dates, commitments, the mark.
fn reader_style(state: &State, theme: &Theme, at: usize) -> Style {
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

fn reader(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    let rd = &state.reader;
    let (Some(doc), Some(corpus)) = (rd.doc, state.corpus.as_ref()) else {
        let focused = state.focus == Pane::Reader && state.overlay.is_none();
        frame.render_widget(pane_frame(state, "Reader".into(), focused, theme), r);
        let hint = state
            .keymap
            .help(Context::Documents)
            .into_iter()
            .find(|(_, a)| *a == crate::keymap::Action::Open)
            .map_or(String::new(), |(k, _)| format!(" ({k})"));
        frame.render_widget(
            Paragraph::new(format!("Open a document from the list{hint}.")).style(theme.dim),
            pane_inner(state, r),
        );
        return;
    };
    let text = &corpus.documents[doc].text;
    let focused = state.focus == Pane::Reader && state.overlay.is_none();
    let height = pane_inner(state, r).height as usize;
    // No position in the title: it would change with each line scrolled, and cost bytes.
    let title = fit(&state.title(doc), r.width.saturating_sub(8) as usize);
    frame.render_widget(pane_frame(state, title, focused, theme), r);
    let area = pane_inner(state, r);
    let cursor = cursor_sentence(state);
    let commitments = state
        .marks
        .get(doc)
        .map(|m| m.commitments.as_slice())
        .unwrap_or(&[]);
    let mut lines = Vec::new();
    for line in rd.lines.iter().skip(rd.top).take(height) {
        let touches = |(s, e): (usize, usize)| s < line.end.max(line.start + 1) && e > line.start;
        let gutter = if cursor.is_some_and(touches) {
            "▶"
        } else if commitments.iter().any(|&c| touches(c)) {
            "!"
        } else {
            " "
        };
        // A blank gutter is unstyled: a styled space would be one more cell to write.
        let gutter = match gutter {
            " " => Span::raw(" "),
            mark => Span::styled(mark, theme.gutter),
        };
        let mut spans = vec![gutter, Span::raw(" ")];
        let mut run = String::new();
        let mut run_style = Style::default();
        let mut col = 0;
        for (i, c) in text[line.start..line.end].char_indices() {
            let style = reader_style(state, theme, line.start + i);
            if style != run_style && !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_style = style;
            match c {
                '\t' => run.push_str(&" ".repeat(TAB - col % TAB)),
                c => push_safe(&mut run, c),
            }
            col += char_width(c, col);
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
        frame.render_widget(
            Span::styled("/ ", theme.key),
            Rect::new(area.x, y, 2.min(area.width), 1),
        );
        frame.render_widget(
            input,
            Rect::new(area.x + 2, y, area.width.saturating_sub(2), 1),
        );
    }
}

fn finder(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    frame.render_widget(Clear, r);
    let block = overlay_block("Find in the corpus".into(), true, theme);
    frame.render_widget(block, r);
    let area = inner(r);
    if area.height < 3 || area.width < 10 {
        return;
    }
    let f = &state.finder;
    frame.render_widget(
        Span::styled("> ", theme.key),
        Rect::new(area.x, area.y, 2, 1),
    );
    frame.render_widget(&f.input, Rect::new(area.x + 2, area.y, area.width - 2, 1));
    let typed = input_text(&f.input);
    let count = if state.index.is_none() {
        "indexing the corpus…".to_string()
    } else if typed.trim().is_empty() {
        "type a figure (10m), a date (aug 2015) or words; # figures, @ dates, ! commitments".into()
    } else if f.shown != typed {
        "searching…".into()
    } else if f.hits.is_empty() {
        "no match".into()
    } else {
        let more = if f.complete { "" } else { "+" };
        format!("{} of {}{more} matches", f.hits.len(), f.total)
    };
    frame.render_widget(
        Paragraph::new(fit(&count, area.width as usize)).style(theme.dim),
        Rect::new(area.x, area.y + 1, area.width, 1),
    );
    let rows = area.height as usize - 2;
    let w = area.width as usize;
    let corpus = state.corpus.as_ref();
    let mut lines = Vec::new();
    for (i, hit) in f.hits.iter().enumerate().skip(f.offset).take(rows) {
        let selected = i == f.selected;
        let name = corpus
            .and_then(|c| c.documents.get(hit.doc))
            .map_or(String::new(), |d| d.name.clone());
        // The selection is the marker alone: moving it rewrites two cells, not two rows.
        let marker = if selected { "▶" } else { " " };
        let head = format!("{:<10} {:<18} ", hit.kind.name(), fit(&name, 18));
        let mut used = head.width() + 1;
        let base = Style::default();
        let mut spans = vec![Span::raw(marker), Span::styled(head, theme.dim)];
        for seg in &hit.segments {
            if used >= w {
                break;
            }
            let text = fit(&seg.text, w - used);
            used += text.width();
            let style = if seg.matched {
                base.patch(theme.matched)
            } else {
                base
            };
            spans.push(Span::styled(text, style));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(area.x, area.y + 2, area.width, area.height - 2),
    );
}

fn help(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    frame.render_widget(Clear, r);
    let title = format!("Keys · {}", state.keymap.sources.join(" + "));
    frame.render_widget(overlay_block(title, true, theme), r);
    let area = inner(r);
    let under = match state.focus {
        Pane::Documents => Context::Documents,
        Pane::Reader => Context::Reader,
    };
    let mut lines = Vec::new();
    for ctx in [under, Context::Global, Context::Finder, Context::Help] {
        let rows = state.keymap.help(ctx);
        if rows.is_empty() {
            continue;
        }
        lines.push(Line::styled(
            format!("{ctx}"),
            theme.title.add_modifier(Modifier::UNDERLINED),
        ));
        for (keys, action) in rows {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<18}", fit(&keys, 18)), theme.key),
                Span::raw(fit(action.help(), (area.width as usize).saturating_sub(20))),
            ]));
        }
        lines.push(Line::raw(""));
    }
    let visible: Vec<Line> = lines.into_iter().skip(state.help_offset).collect();
    frame.render_widget(Paragraph::new(visible), area);
}

fn status(state: &State, theme: &Theme, frame: &mut Frame, areas: &Areas) {
    let r = areas.status;
    let ctx = context(state);
    let mut left = format!(" {ctx}");
    if !state.pending.is_empty() {
        left.push_str(&format!(" · {}…", display_sequence(&state.pending)));
    }
    if let Some(doc) = state.reader.doc.filter(|_| state.focus == Pane::Reader)
        && let Some(c) = &state.corpus
    {
        left.push_str(&format!(" · {}", sanitize(&c.documents[doc].name)));
    }
    let right = match (&state.progress, &state.corpus) {
        (Some(p), _) => p.clone(),
        (None, Some(c)) => format!(
            "{} · {} documents · ? help ",
            sanitize(&state.corpus_name),
            c.documents.len()
        ),
        (None, None) => String::new(),
    };
    let (msg, msg_style) = match &state.status {
        Some(s) => (
            format!(" {}", sanitize(&s.text)),
            if s.error {
                theme.error
            } else {
                Style::default()
            },
        ),
        None => (String::new(), Style::default()),
    };
    let w = r.width as usize;
    let right_w = right.width().min(w / 2);
    let left_text = fit(&format!("{left}{msg}"), w.saturating_sub(right_w + 1));
    let gap = w.saturating_sub(left_text.width() + right_w);
    let left_len = fit(&left, w).width().min(left_text.width());
    let (l1, l2) = split_at_width(&left_text, left_len);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(l1, theme.title),
            Span::styled(l2, msg_style),
            Span::raw(" ".repeat(gap)),
            Span::styled(fit(&right, right_w), theme.dim),
        ]))
        .alignment(Alignment::Left),
        r,
    );
}

fn split_at_width(s: &str, width: usize) -> (String, String) {
    let mut w = 0;
    for (i, c) in s.char_indices() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            return (s[..i].to_string(), s[i..].to_string());
        }
        w += cw;
    }
    (s.to_string(), String::new())
}
