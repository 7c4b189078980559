//! The help overlay, made from the active keymap.

use super::*;

pub(super) fn help(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    frame.render_widget(Clear, r);
    let title = format!("Keys · {}", state.keymap.sources.join(" + "));
    frame.render_widget(overlay_block(title, true, theme), r);
    let area = inner(r);
    let under = match state.focus {
        _ if state.timeline.is_some() => Context::Timeline,
        Pane::Documents => Context::Documents,
        Pane::Reader => Context::Reader,
        Pane::Checklist => Context::Checklist,
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
