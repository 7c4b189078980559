//! The documents pane: date of issue, counts, sort and filter.

use super::*;

pub(super) fn documents(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
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
    let review = state.review.as_ref();
    let head = match review {
        Some(_) => "date        fig dat com  rated  title",
        None => "date        fig dat com  title",
    };
    let mut lines = vec![Line::styled(fit(head, w), theme.dim)];
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
        let bar = review.map_or(String::new(), |r| {
            let name = state
                .corpus
                .as_ref()
                .and_then(|c| c.documents.get(doc))
                .map_or("", |d| d.name.as_str());
            let (rated, items) = r.progress.get(name).copied().unwrap_or_default();
            format!("{} ", progress_bar(rated, items))
        });
        let text = format!(
            "{marker}{:<10} {counts} {bar}{}",
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

/// The active reviewer's progress through a document's items, in five cells that read
/// without colour: `■■■□□`; `-----` when the document has no item.
fn progress_bar(rated: usize, items: usize) -> String {
    const CELLS: usize = 5;
    if items == 0 {
        return crate::app::marks::PROGRESS_NONE.repeat(CELLS) + " ";
    }
    // Full cells only for what is done: 99 of 100 is not a full bar.
    let full = rated * CELLS / items;
    use crate::app::marks::{PROGRESS_ALL, PROGRESS_DONE, PROGRESS_TODO};
    let mark = if rated == items { PROGRESS_ALL } else { " " };
    format!(
        "{}{}{mark}",
        PROGRESS_DONE.repeat(full),
        PROGRESS_TODO.repeat(CELLS - full)
    )
}

#[cfg(test)]
mod tests {
    use super::progress_bar;

    #[test]
    fn the_bar_is_full_only_when_every_item_is_rated() {
        assert_eq!(progress_bar(0, 4), "□□□□□ ");
        assert_eq!(progress_bar(2, 4), "■■□□□ ");
        assert_eq!(progress_bar(99, 100), "■■■■□ ");
        assert_eq!(progress_bar(4, 4), "■■■■■✓");
        assert_eq!(progress_bar(0, 0), "----- ");
    }
}
