//! The question asked before something is lost: what would be lost, and the keys that
//! answer (from the active keymap).

use super::*;
use crate::app::state::Question;
use crate::keymap::Action;

pub(super) fn ask(state: &State, theme: &Theme, frame: &mut Frame, question: Question) {
    let keys = |ctx, action: Action| {
        state
            .keymap
            .keys_for(ctx, action)
            .unwrap_or_else(|| action.name().to_string())
    };
    let (title, mut lines, answers) = match question {
        Question::Quit => {
            let mut lines = vec![Line::raw("Quitting now would lose:")];
            for lost in crate::app::update::unsaved(state) {
                lines.push(Line::raw(format!("  • {lost}")));
            }
            let answers = [
                "save and quit (quits once saved)",
                "quit without saving",
                "stay",
            ];
            ("Quit with unsaved changes?", lines, answers)
        }
        Question::CloseNote => {
            let id = state.note.as_ref().map(|n| n.id.to_string());
            let who = state.review.as_ref().and_then(|r| r.me.clone());
            let line = format!(
                "{}'s note on {} has changes not saved.",
                who.unwrap_or_default(),
                id.unwrap_or_default()
            );
            let answers = ["save the note", "discard the changes", "keep editing"];
            ("Close the note?", vec![Line::raw(line)], answers)
        }
    };
    lines.push(Line::raw(""));
    let actions = [Action::Confirm, Action::Discard, Action::Cancel];
    let width = actions
        .iter()
        .map(|a| keys(Context::Question, *a).width())
        .max()
        .unwrap_or(0)
        .min(16);
    for (action, answer) in actions.into_iter().zip(answers) {
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "  {:<width$}  ",
                    fit(&keys(Context::Question, action), width)
                ),
                theme.key,
            ),
            Span::raw(answer),
        ]));
    }
    if question == Question::Quit {
        let quit = keys(Context::Global, Action::Quit);
        lines.push(Line::styled(
            format!("  ({quit} again also quits without saving)"),
            theme.dim,
        ));
    }
    // Every line goes through the sanitizer (names and ids come from the file).
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            Line::from(
                l.spans
                    .into_iter()
                    .map(|s| Span::styled(sanitize(&s.content), s.style))
                    .collect::<Vec<_>>(),
            )
            .style(l.style)
        })
        .collect();
    let area = frame.area();
    let w = (lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4)
        .max(title.width() as u16 + 8)
        .min(area.width.saturating_sub(2));
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(1));
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height.saturating_sub(1) - h) / 2,
        w,
        h,
    );
    frame.render_widget(Clear, r);
    frame.render_widget(overlay_block(title.into(), true, theme), r);
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        inner(r),
    );
}
