//! How a hit is shown on one line: its sentence, markup left out, whitespace collapsed,
//! control characters made visible, cut around the first match, with the matched characters flagged.

use crate::corpus::markup;
use crate::corpus::split::is_space;
use crate::safe_text::push_safe;

/// A run of a result line that matched, or did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub matched: bool,
}

/// The part of `text[span]` that fits in `width` characters, keeping the first match in
/// view (a quarter of the width before it when the line must be cut). `matched` holds byte
/// ranges of `text`.
pub fn snippet(text: &str, span: (u32, u32), matched: &[(u32, u32)], width: usize) -> Vec<Segment> {
    let (start, end) = (span.0 as usize, span.1 as usize);
    let mut cells: Vec<(String, bool)> = Vec::new();
    let mut last_space = true;
    // Markup is left out as the reader leaves it out: a URL or comment is a space.
    let hidden = markup::hidden(&text[start..end], 0);
    let mut next = hidden.iter().peekable();
    for (i, c) in text[start..end].char_indices() {
        while next.peek().is_some_and(|h| h.range.end <= i) {
            next.next();
        }
        let in_markup = next.peek().filter(|h| h.range.start <= i);
        let c = match in_markup {
            Some(h) if h.as_space => ' ',
            Some(_) => continue,
            None => c,
        };
        let at = (start + i) as u32;
        let hit = matched.iter().any(|&(s, e)| s <= at && at < e);
        if is_space(c) {
            if !last_space {
                cells.push((" ".into(), hit));
            }
            last_space = true;
            continue;
        }
        last_space = false;
        let mut cell = String::new();
        push_safe(&mut cell, c);
        cells.push((cell, hit));
    }
    while cells.last().is_some_and(|(c, _)| c == " ") {
        cells.pop();
    }
    let width = width.max(8);
    let (from, to) = if cells.len() <= width {
        (0, cells.len())
    } else {
        let first = cells.iter().position(|(_, hit)| *hit).unwrap_or(0);
        let from = first.saturating_sub(width / 4).min(cells.len() - width);
        (from, from + width)
    };
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |text: &str, matched: bool| match out.last_mut() {
        Some(last) if last.matched == matched => last.text.push_str(text),
        _ => out.push(Segment {
            text: text.to_string(),
            matched,
        }),
    };
    if from > 0 {
        push("…", false);
    }
    for (cell, hit) in &cells[from..to] {
        push(cell, *hit);
    }
    if to < cells.len() {
        push("…", false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| {
                if s.matched {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn collapses_space_and_marks_matches() {
        let text = "We will  devote\n€10 million\u{1b}[2J.";
        let at = text.find('€').unwrap() as u32;
        let s = snippet(text, (0, text.len() as u32), &[(at, at + 13)], 80);
        assert_eq!(render(&s), "We will devote [€10 million]\\u{1b}[2J.");
    }

    #[test]
    fn markup_is_left_out_as_the_reader_leaves_it_out() {
        let text = "**Funding.** The partners [pay](https://x.org/2030) €3\n    million.";
        let at = text.find('€').unwrap() as u32;
        let s = snippet(text, (0, text.len() as u32), &[(at, at + 16)], 80);
        assert_eq!(render(&s), "Funding. The partners pay [€3 million].");
    }

    #[test]
    fn long_lines_are_cut_around_the_first_match() {
        let text = format!("{}needle{}", "a".repeat(100), "b".repeat(100));
        let s = snippet(&text, (0, text.len() as u32), &[(100, 106)], 40);
        let r = render(&s);
        assert!(r.starts_with('…') && r.ends_with('…'), "{r}");
        assert!(r.contains("[needle]"));
        assert_eq!(r.chars().count(), 40 + 2 + 2);
    }
}
