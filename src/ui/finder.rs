//! The finder overlay: the query, the count, the ranked rows with matches picked out.

use super::*;

pub(super) fn finder(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
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
        let document = corpus.and_then(|c| c.documents.get(hit.doc));
        let name = document.map_or(String::new(), |d| d.name.clone());
        // A PDF's page after the name, which gives up the room it needs.
        let page = document
            .and_then(|d| d.page_of(hit.start))
            .map_or(String::new(), |p| format!(" p. {p}"));
        let name = format!(
            "{}{page}",
            fit(&name, 18usize.saturating_sub(width::of(&page)))
        );
        // The selection is the marker alone: moving it rewrites two cells, not two rows.
        let marker = if selected { "▶" } else { " " };
        let head = format!("{:<10} {} ", hit.kind.name(), pad(&name, 18));
        let mut used = width::of(&head) + 1;
        let base = Style::default();
        let mut spans = vec![Span::raw(marker), Span::styled(head, theme.dim)];
        for seg in &hit.segments {
            if used >= w {
                break;
            }
            let text = fit(&seg.text, w - used);
            used += width::of(&text);
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
