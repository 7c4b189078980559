//! The finder overlay: the query, the count, the ranked rows (each cut around its match and
//! naming its document by title and date), and a preview of the selected hit in its
//! paragraph.

use super::*;
use crate::app::layout::{FinderAreas, finder_areas};
use crate::app::state::FinderHit;
use crate::search::Kind;
use crate::search::snippet::{Segment, fit_around_match, snippet, wrap};

/// Bytes of a document around the hit the preview looks at for the paragraph's ends: a
/// paragraph-less text (one long line) still costs only this much per frame.
const PREVIEW_REACH: usize = 2000;

pub(super) fn finder(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    frame.render_widget(Clear, r);
    let block = overlay_block("Find in the corpus".into(), true, theme);
    frame.render_widget(block, r);
    let Some(areas) = finder_areas(state, r) else {
        return;
    };
    let f = &state.finder;
    let FinderAreas {
        input,
        count,
        list,
        preview,
    } = areas;
    frame.render_widget(
        Span::styled("> ", theme.key),
        Rect::new(input.x, input.y, 2, 1),
    );
    frame.render_widget(
        &f.input,
        Rect::new(input.x + 2, input.y, input.width - 2, 1),
    );
    frame.render_widget(
        Paragraph::new(fit(&count_line(state), count.width as usize)).style(theme.dim),
        count,
    );
    let lines: Vec<Line> = f
        .hits
        .iter()
        .enumerate()
        .skip(f.offset)
        .take(list.height as usize)
        .map(|(i, hit)| row(state, theme, hit, i == f.selected, list.width as usize))
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(p) = preview {
        preview_pane(state, theme, frame, p, list);
    }
}

/// The line under the input: what the finder is doing, or how many matches it found.
fn count_line(state: &State) -> String {
    let f = &state.finder;
    let typed = input_text(&f.input);
    if state.index.is_none() {
        "indexing the corpus…".to_string()
    } else if let Some(about) = f.about.as_ref().filter(|_| typed.trim().is_empty()) {
        about.clone()
    } else if typed.trim().is_empty() {
        "type a figure (10m), a date (aug 2015) or words; # figures, @ dates, ! commitments".into()
    } else if f.shown != typed {
        "searching…".into()
    } else if f.hits.is_empty() {
        "no match".into()
    } else {
        let more = if f.complete { "" } else { "+" };
        format!("{} of {}{more} matches", f.hits.len(), f.total)
    }
}

/// A kind in one column, as the query prefixes spell it (a sentence has none: `·`).
fn kind_glyph(kind: Kind) -> char {
    kind.prefix().unwrap_or('·')
}

/// The document of a hit as a reader knows it: its title (from the index), its date of
/// issue and a PDF's page, in `width` columns; the title gives up the room first.
fn document_label(state: &State, hit: &FinderHit, width: usize) -> String {
    let document = state.corpus.as_ref().and_then(|c| c.documents.get(hit.doc));
    let page = document
        .and_then(|d| d.page_of(hit.start))
        .map_or(String::new(), |p| format!(" p. {p}"));
    let date = state
        .index
        .as_ref()
        .and_then(|i| i.doc_info(hit.doc as u32).date.clone())
        .map(|d| {
            // A narrow label keeps the year of the date.
            if width < 26 {
                d.chars().take(4).collect::<String>()
            } else {
                d
            }
        })
        .map_or(String::new(), |d| format!(" {}", sanitize(&d)));
    let tail = format!("{date}{page}");
    let title = state.short_title(hit.doc, width.saturating_sub(width::of(&tail)));
    format!("{title}{tail}")
}

/// One result row: marker, kind, the fold count, the hit cut around its match, and the
/// document on the right.
fn row(
    state: &State,
    theme: &Theme,
    hit: &FinderHit,
    selected: bool,
    width: usize,
) -> Line<'static> {
    // The selection is the marker alone: moving it rewrites two cells, not two rows.
    let marker = if selected { "▶" } else { " " };
    let kind = if width >= 90 {
        format!("{:<10} ", hit.kind.name())
    } else {
        format!("{} ", kind_glyph(hit.kind))
    };
    let folded = if hit.count > 1 {
        format!("×{} ", hit.count)
    } else {
        String::new()
    };
    let label_w = (width / 3).clamp(12, 36);
    let label = document_label(state, hit, label_w);
    let used = 1 + width::of(&kind) + width::of(&folded);
    let room = width.saturating_sub(used + label_w + 1);
    let mut spans = vec![
        Span::raw(marker),
        Span::styled(kind, theme.dim),
        Span::styled(folded, theme.key),
    ];
    let mut text_w = 0;
    for seg in fit_around_match(&hit.segments, room) {
        let text = sanitize(&seg.text);
        text_w += width::of(&text);
        spans.push(segment_span(text, seg.matched, theme));
    }
    let gap = width.saturating_sub(used + text_w + width::of(&label));
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(label, theme.dim));
    Line::from(spans)
}

fn segment_span(text: String, matched: bool, theme: &Theme) -> Span<'static> {
    if matched {
        Span::styled(text, theme.matched)
    } else {
        Span::raw(text)
    }
}

/// The selected hit in its paragraph, wrapped to the pane, the match in view and marked.
/// Only the selected row is worked out, from at most [`PREVIEW_REACH`] bytes either side.
fn preview_pane(state: &State, theme: &Theme, frame: &mut Frame, r: Rect, list: Rect) {
    let beside = r.y == list.y;
    let hit = state.finder.hits.get(state.finder.selected);
    let width = r.width as usize;
    // The rule between list and preview names the document.
    let label = hit.map_or(String::new(), |h| {
        document_label(state, h, width.saturating_sub(4))
    });
    if beside {
        for y in r.y..r.y + r.height {
            frame.render_widget(Span::styled("│", theme.border), Rect::new(r.x - 1, y, 1, 1));
        }
        frame.render_widget(
            Paragraph::new(fit(&label, width)).style(theme.title),
            Rect::new(r.x, r.y, r.width, 1),
        );
    } else {
        let head = format!("─ {label} ");
        let rule = "─".repeat(width.saturating_sub(width::of(&head)));
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(fit(&head, width), theme.title),
                Span::styled(rule, theme.border),
            ])),
            Rect::new(r.x, r.y, r.width, 1),
        );
    }
    let (Some(hit), Some(corpus)) = (hit, state.corpus.as_ref()) else {
        return;
    };
    let Some(document) = corpus.documents.get(hit.doc) else {
        return;
    };
    let text = &document.text;
    let span = paragraph_of(text, hit.start, hit.end);
    let segments = snippet(text, span, &hit.matched, usize::MAX);
    let lines = wrap(&segments, width);
    let rows = r.height.saturating_sub(1) as usize;
    // The first line with a match a third of the way down (or the top, when it fits).
    let at = lines
        .iter()
        .position(|l| l.iter().any(|s| s.matched))
        .unwrap_or(0);
    let top = if lines.len() <= rows {
        0
    } else {
        at.saturating_sub(rows / 3).min(lines.len() - rows)
    };
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(top)
        .take(rows)
        .map(|l| {
            Line::from(
                l.into_iter()
                    .map(|Segment { text, matched }| segment_span(sanitize(&text), matched, theme))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(
        Paragraph::new(shown),
        Rect::new(r.x, r.y + 1, r.width, r.height - 1),
    );
}

/// The paragraph around `start..end`: from the blank line before to the blank line after,
/// within [`PREVIEW_REACH`] bytes of the hit.
fn paragraph_of(text: &str, start: usize, end: usize) -> (u32, u32) {
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let lo = floor(start.saturating_sub(PREVIEW_REACH));
    let hi = floor((end + PREVIEW_REACH).min(text.len()));
    let from = text[lo..start].rfind("\n\n").map_or(lo, |i| lo + i + 2);
    let to = text[end..hi].find("\n\n").map_or(hi, |i| end + i);
    (from as u32, to as u32)
}
