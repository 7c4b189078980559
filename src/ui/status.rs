//! The status bar: context, pending keys, messages, corpus and progress.

use super::*;

pub(super) fn status(state: &State, theme: &Theme, frame: &mut Frame, areas: &Areas) {
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

pub(super) fn split_at_width(s: &str, width: usize) -> (String, String) {
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
