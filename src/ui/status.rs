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
    let rights = match (&state.progress, &state.corpus) {
        (Some(p), _) => vec![p.clone(), String::new()],
        (None, Some(c)) => corpus_and_workspace(state, c.documents.len()),
        (None, None) => vec![String::new()],
    };
    let (left, right) = arrange(&left, &msg, &rights, w);
    let left_text = fit(
        &format!("{left}{msg}"),
        w.saturating_sub(width::of(&right) + 1),
    );
    let gap = w.saturating_sub(width::of(&left_text) + width::of(&right));
    let left_len = width::of(&left).min(width::of(&left_text));
    let (l1, l2) = split_at_width(&left_text, left_len);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(l1, theme.title),
            Span::styled(l2, msg_style),
            Span::raw(" ".repeat(gap)),
            Span::styled(right, theme.dim),
        ]))
        .alignment(Alignment::Left),
        r,
    );
}

/// What the status bar keeps of the context on its left and of the right-hand text
/// (`rights`, longest first) beside the message, in `w` columns. What matters is cut
/// last: the message shows whole whenever it fits the bar; the right-hand text gives way
/// first, down to its shortest form, then the context goes, then the right-hand text
/// altogether; only a message wider than the bar is cut.
fn arrange(left: &str, msg: &str, rights: &[String], w: usize) -> (String, String) {
    let fits = |l: &str, r: &str| {
        width::of(l) + width::of(msg) + width::of(r) < w
            || r.is_empty() && width::of(l) + width::of(msg) <= w
    };
    // Every form but the last (nothing) beside the context, then each without it.
    let keep = rights.len().saturating_sub(1).max(1);
    let with_context = rights[..keep.min(rights.len())].iter().map(|r| (left, r));
    with_context
        .chain(rights.iter().map(|r| ("", r)))
        .find(|(l, r)| fits(l, r))
        .map_or_else(Default::default, |(l, r)| (l.to_string(), r.clone()))
}

/// The right of the status bar, its forms from the longest to the shortest:
/// `corpus · cordiale.json ✓ saved · 5 documents · ? help` first; then the workspace's
/// folders shortened (`…/corpus/cordiale.json`, `cordiale.json`) with the document count
/// and help hint, then without them; then only whether the changes are saved; then
/// nothing (the status bar makes room for a message this way).
fn corpus_and_workspace(state: &State, documents: usize) -> Vec<String> {
    let tail = format!(" · {documents} documents · ? help ");
    let corpus = sanitize(&state.corpus_name);
    let Some(review) = &state.review else {
        return vec![
            format!("{corpus}{tail}"),
            format!("{corpus} "),
            String::new(),
        ];
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
    candidates.push(format!("{} {saved} ", shorten(&name, &name, 24)));
    candidates.push(format!("{saved} "));
    candidates.push(String::new());
    candidates
}

/// A path within `max` columns: whole, else its last folders after `…/`, else its file
/// name, else the end of that.
fn shorten(path: &str, name: &str, max: usize) -> String {
    if width::of(path) <= max {
        return path.to_string();
    }
    let parts: Vec<&str> = path.split('/').collect();
    for k in 1..parts.len() {
        let tail = format!("…/{}", parts[k..].join("/"));
        if width::of(&tail) <= max {
            return tail;
        }
    }
    if width::of(name) <= max {
        return name.to_string();
    }
    let mut end = String::new();
    for c in name.chars().rev() {
        if width::of(&end) + 1 + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > max {
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
