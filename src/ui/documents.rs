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
    let cols = Columns::for_width(w, review.is_some());
    let mut lines = vec![Line::styled(fit(&cols.header(), w), theme.dim)];
    let rows = area.height.saturating_sub(1) as usize;
    let rows = if d.filter_input.is_some() {
        rows.saturating_sub(1)
    } else {
        rows
    };
    for (i, &doc) in d.order.iter().enumerate().skip(d.offset).take(rows) {
        let info = state.index.as_ref().map(|x| x.doc_info(doc as u32));
        let selected = i == d.selected;
        let mut text = String::from(if selected { "▶" } else { " " });
        if cols.date > 0 {
            let date = info.and_then(|i| i.date.clone()).unwrap_or_else(|| {
                if state.index.is_some() {
                    "—".into()
                } else {
                    "…".into()
                }
            });
            let date: String = date.chars().take(cols.date).collect();
            text.push_str(&format!("{date:<0$} ", cols.date));
        }
        if cols.counts {
            text.push_str(&info.map_or_else(
                || "  …   …   …  ".to_string(),
                |i| format!("{:>3} {:>3} {:>3}  ", i.figures, i.dates, i.commitments),
            ));
        }
        if let (true, Some(r)) = (cols.rated, review) {
            let name = state
                .corpus
                .as_ref()
                .and_then(|c| c.documents.get(doc))
                .map_or("", |d| d.name.as_str());
            let (rated, items) = r.progress.get(name).copied().unwrap_or_default();
            text.push_str(&format!("{} ", progress_bar(rated, items)));
        }
        text.push_str(&state.short_title(doc, cols.title));
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

/// The list's columns for a pane `w` columns wide. The title matters most, so it gets
/// its room first ([`TITLE_MIN`] columns, or all there is); then the date, as a year
/// where a full date does not fit; then the review progress; then the counts; the title
/// takes whatever is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    /// Characters of the date shown: 10 (`2015-08-20`), 4 (`2015`) or 0.
    date: usize,
    counts: bool,
    rated: bool,
    title: usize,
}

/// The columns a title keeps before any other column is shown.
const TITLE_MIN: usize = 28;
/// The cells of each column, with the space that follows it.
const DATE_COLS: usize = 11;
const YEAR_COLS: usize = 5;
const COUNTS_COLS: usize = 13;
const RATED_COLS: usize = 7;

impl Columns {
    fn for_width(w: usize, review: bool) -> Columns {
        let mut spare = w.saturating_sub(1 + TITLE_MIN);
        let mut take = |cols: usize| {
            let fits = spare >= cols;
            if fits {
                spare -= cols;
            }
            fits
        };
        let date = if take(DATE_COLS) {
            10
        } else if take(YEAR_COLS) {
            4
        } else {
            0
        };
        let rated = review && take(RATED_COLS);
        let counts = take(COUNTS_COLS);
        let used = 1 + [
            (date == 10, DATE_COLS),
            (date == 4, YEAR_COLS),
            (rated, RATED_COLS),
            (counts, COUNTS_COLS),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, cols)| cols)
        .sum::<usize>();
        Columns {
            date,
            counts,
            rated,
            title: w.saturating_sub(used),
        }
    }

    /// The header row, over the same columns.
    fn header(&self) -> String {
        let mut h = String::from(" ");
        match self.date {
            10 => h.push_str("date       "),
            4 => h.push_str("year "),
            _ => {}
        }
        if self.counts {
            h.push_str("fig dat com  ");
        }
        if self.rated {
            h.push_str("rated  ");
        }
        h.push_str("title");
        h
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
    use super::{Columns, progress_bar};

    #[test]
    fn the_title_gets_its_room_before_any_other_column() {
        // Three panes at 160 columns: the title and the year, nothing else.
        let narrow = Columns::for_width(38, true);
        assert_eq!(
            (narrow.date, narrow.rated, narrow.counts),
            (4, false, false)
        );
        assert_eq!(narrow.title, 32);
        // At 200: the date and the progress; the counts would leave the title too little.
        let mid = Columns::for_width(48, true);
        assert_eq!(
            (mid.date, mid.rated, mid.counts, mid.title),
            (10, true, false, 29)
        );
        // Beside the reader at 120 columns: the date, no counts.
        let two = Columns::for_width(46, false);
        assert_eq!((two.date, two.counts, two.title), (10, false, 34));
        // Too narrow for anything else: the title alone.
        let tiny = Columns::for_width(24, false);
        assert_eq!((tiny.date, tiny.title), (0, 23));
        // Wide: every column, the title widest.
        let wide = Columns::for_width(78, true);
        assert!(wide.counts && wide.rated && wide.date == 10);
        assert_eq!(wide.title, 78 - 1 - 11 - 13 - 7);
        assert_eq!(wide.header().chars().count(), 1 + 11 + 13 + 7 + 5);
    }

    #[test]
    fn the_bar_is_full_only_when_every_item_is_rated() {
        assert_eq!(progress_bar(0, 4), "□□□□□ ");
        assert_eq!(progress_bar(2, 4), "■■□□□ ");
        assert_eq!(progress_bar(99, 100), "■■■■□ ");
        assert_eq!(progress_bar(4, 4), "■■■■■✓");
        assert_eq!(progress_bar(0, 0), "----- ");
    }
}
