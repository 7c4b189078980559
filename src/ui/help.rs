//! The help overlay, made from the active keymap.

use super::*;

pub(super) fn help(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    frame.render_widget(Clear, r);
    let title = format!("Keys · {}", state.keymap.sources.join(" + "));
    frame.render_widget(overlay_block(title, true, theme), r);
    let area = inner(r);
    let under = match state.focus {
        _ if state.note.is_some() => Context::NoteEditor,
        _ if state.timeline.is_some() => Context::Timeline,
        Pane::Documents => Context::Documents,
        Pane::Reader => Context::Reader,
        Pane::Checklist => Context::Checklist,
    };
    let mut lines = Vec::new();
    // The note editor's keys and the question's answers show from anywhere: they are
    // needed where this help cannot be opened.
    let mut contexts = vec![under, Context::Global, Context::Finder];
    if under != Context::NoteEditor {
        contexts.push(Context::NoteEditor);
    }
    contexts.extend([Context::Question, Context::Help]);
    for ctx in contexts {
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
