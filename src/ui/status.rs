//! The status bar: context, pending keys, messages, corpus and progress, and always the
//! workspace file with whether its changes are saved.

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
    let w = r.width as usize;
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
    // The message first: the right takes the room it leaves, down to what must show.
    let room = w.saturating_sub(format!("{left}{msg}").width() + 1);
    let right = match (&state.progress, &state.corpus) {
        (Some(p), _) => p.clone(),
        (None, Some(c)) => corpus_and_workspace(state, c.documents.len(), room.min(w * 3 / 5)),
        (None, None) => String::new(),
    };
    let right_w = right.width().min(w * 3 / 5);
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

/// The right of the status bar: `corpus · cordiale.json ✓ saved · 5 documents · ? help`,
/// within `room` columns where it can. A message needs the room more than static hints, so
/// they give way first: the document count and help hint, then the corpus name, then the
/// workspace's folders (`…/corpus/cordiale.json`, `cordiale.json`); its file name (up to 24
/// columns) and its state always stay.
fn corpus_and_workspace(state: &State, documents: usize, room: usize) -> String {
    let tail = format!(" · {documents} documents · ? help ");
    let Some(review) = &state.review else {
        return format!("{}{tail}", sanitize(&state.corpus_name));
    };
    let saved = crate::app::review::SaveState::of(review).label();
    let path = sanitize(&review.path.display().to_string());
    let name = sanitize(
        &review
            .path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy(),
    );
    let corpus = sanitize(&state.corpus_name);
    // The path, then its shorter forms down to the file name.
    let mut files = vec![path.clone()];
    let parts: Vec<&str> = path.split('/').collect();
    files.extend((1..parts.len().saturating_sub(1)).map(|k| format!("…/{}", parts[k..].join("/"))));
    files.push(name.clone());
    let mut candidates = vec![format!("{corpus} · {path} {saved}{tail}")];
    for with_tail in [true, false] {
        for file in &files {
            let end = if with_tail { tail.as_str() } else { " " };
            candidates.push(format!("{file} {saved}{end}"));
        }
    }
    if let Some(c) = candidates.into_iter().find(|c| c.width() <= room) {
        return c;
    }
    let file = shorten(
        &name,
        &name,
        room.saturating_sub(saved.width() + 2)
            .max(name.width().min(24)),
    );
    format!("{file} {saved} ")
}

/// A path within `max` columns: whole, else its last folders after `…/`, else its file
/// name, else the end of that.
fn shorten(path: &str, name: &str, max: usize) -> String {
    if path.width() <= max {
        return path.to_string();
    }
    let parts: Vec<&str> = path.split('/').collect();
    for k in 1..parts.len() {
        let tail = format!("…/{}", parts[k..].join("/"));
        if tail.width() <= max {
            return tail;
        }
    }
    if name.width() <= max {
        return name.to_string();
    }
    let mut end = String::new();
    for c in name.chars().rev() {
        if end.width() + 1 + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > max {
            break;
        }
        end.insert(0, c);
    }
    format!("…{end}")
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
