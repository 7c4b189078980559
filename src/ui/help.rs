//! The help overlay, made from the active keymap, and the legend of the panes' symbols
//! ([`crate::app::help::rows`]).

use super::*;
use crate::app::help::{Row, rows};

/// The column the descriptions start at: the keys' width and the indentation.
const KEYS: usize = 18;

pub(super) fn help(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    frame.render_widget(Clear, r);
    let title = format!("Keys · {}", state.keymap.sources.join(" + "));
    frame.render_widget(overlay_block(title, true, theme), r);
    let area = inner(r);
    let w = area.width as usize;
    let what_w = w.saturating_sub(KEYS + 2);
    let all = rows(state);
    // `update` keeps the offset in range; a resize since may have shortened the box.
    let top = state
        .help_offset
        .min(all.len().saturating_sub(area.height as usize));
    let lines: Vec<Line> = all
        .into_iter()
        .skip(top)
        .take(area.height as usize)
        .map(|row| match row {
            Row::Heading(text) => Line::styled(
                fit(&text, w),
                theme.title.add_modifier(Modifier::UNDERLINED),
            ),
            Row::Keys(keys, _, what) => Line::from(vec![
                Span::styled(format!("  {}", pad(&keys, KEYS)), theme.key),
                Span::raw(fit(&what, what_w)),
            ]),
            Row::Mark(mark, what) => Line::from(vec![
                Span::styled(format!("  {}", pad(&mark, KEYS)), theme.key),
                Span::raw(fit(&what, what_w)),
            ]),
            Row::Blank => Line::raw(""),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
