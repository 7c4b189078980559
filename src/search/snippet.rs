//! How a hit is shown on one line: its sentence, markup left out, whitespace collapsed,
//! control characters made visible, cut around the first match, with the matched characters flagged.

use crate::corpus::markup;
use crate::corpus::split::is_space;
use crate::safe_text::push_safe;
use crate::width;

/// A run of a result line that matched, or did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The characters of the run, made safe to print.
    pub text: String,
    /// Whether the query matched them.
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

/// Display width of a character as a terminal draws it (control characters were made
/// visible before, so none is zero-width by accident).
/// The grapheme clusters of `segments`, each with its flag and its width as drawn
/// (`crate::width`: an emoji and its selector are one unit of two columns).
fn cells_of(segments: &[Segment]) -> Vec<(&str, bool, usize)> {
    segments
        .iter()
        .flat_map(|s| width::graphemes(&s.text).map(move |g| (g, s.matched, width::of_grapheme(g))))
        .collect()
}

/// Joins flagged clusters back into runs.
fn runs<'a>(cells: impl IntoIterator<Item = (&'a str, bool)>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for (c, matched) in cells {
        match out.last_mut() {
            Some(last) if last.matched == matched => last.text.push_str(c),
            _ => out.push(Segment {
                text: c.to_string(),
                matched,
            }),
        }
    }
    out
}

/// `segments` cut to `width` columns around the first match, as `cordiale find` cuts its
/// lines: a quarter of the width of context before it, `…` where text was left out. A row
/// of the finder is narrower than the snippet computed for it, and cut from its start the
/// match would often be off the edge.
pub fn fit_around_match(segments: &[Segment], width: usize) -> Vec<Segment> {
    let cells = cells_of(segments);
    let total: usize = cells.iter().map(|c| c.2).sum();
    if total <= width {
        return segments.to_vec();
    }
    if width < 2 {
        return Vec::new();
    }
    let first = cells.iter().position(|c| c.1).unwrap_or(0);
    // Walk back from the match while the lead stays within a quarter of the width.
    let mut from = first;
    let mut lead = 0;
    while from > 0 && lead + cells[from - 1].2 <= width / 4 {
        from -= 1;
        lead += cells[from].2;
    }
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut used = 0;
    if from > 0 {
        out.push(("…", false));
        used += 1;
    }
    let rest: usize = cells[from..].iter().map(|c| c.2).sum();
    // Room for a closing `…` when the rest does not fit.
    let room = if used + rest <= width {
        width
    } else {
        width - 1
    };
    let mut to = from;
    while to < cells.len() && used + cells[to].2 <= room {
        out.push((cells[to].0, cells[to].1));
        used += cells[to].2;
        to += 1;
    }
    if to < cells.len() {
        out.push(("…", false));
    }
    runs(out)
}

/// `segments` broken into lines of at most `width` columns, at spaces where it can be (a
/// word longer than a line is cut). A match is kept on one line when it fits: `€10
/// million` split over two lines is harder to see than to find.
pub fn wrap(segments: &[Segment], width: usize) -> Vec<Vec<Segment>> {
    let width = width.max(1);
    let cells = cells_of(segments);
    let mut lines: Vec<Vec<(&str, bool)>> = Vec::new();
    let mut line: Vec<(&str, bool)> = Vec::new();
    let mut used = 0;
    let mut words = cells.split(|c| c.0 == " " && !c.1).peekable();
    while let Some(word) = words.next() {
        let w: usize = word.iter().map(|c| c.2).sum();
        if used > 0 && used + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push((" ", false));
            used += 1;
        }
        for &(c, matched, cw) in word {
            if used + cw > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push((c, matched));
            used += cw;
        }
        if words.peek().is_none() && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
    }
    lines.into_iter().map(runs).collect()
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

    #[test]
    fn a_row_is_cut_again_around_the_match() {
        let text = format!(
            "{} We will devote €10 million to it. {}",
            "x ".repeat(60),
            "y ".repeat(60)
        );
        let at = text.find('€').unwrap() as u32;
        let s = snippet(&text, (0, text.len() as u32), &[(at, at + 13)], 240);
        let row = fit_around_match(&s, 40);
        let r = render(&row);
        assert!(r.starts_with('…') && r.ends_with('…'), "{r}");
        assert!(r.contains("[€10 million]"), "{r}");
        let width: usize = row.iter().map(|s| s.text.chars().count()).sum();
        assert_eq!(width, 40);
        // The match sits a quarter of the way in, not at the edge.
        assert_eq!(r.find('[').map(|i| r[..i].chars().count()), Some(11));
        // Wide characters count two columns.
        let wide = vec![
            Segment {
                text: "漢字".repeat(20),
                matched: false,
            },
            Segment {
                text: "hit".into(),
                matched: true,
            },
            Segment {
                text: "漢字".repeat(20),
                matched: false,
            },
        ];
        let row = fit_around_match(&wide, 20);
        let cols: usize = row
            .iter()
            .map(|s| unicode_width::UnicodeWidthStr::width(s.text.as_str()))
            .sum();
        assert!(cols <= 20, "{row:?}");
        assert!(render(&row).contains("[hit]"));
        // A short line is left whole.
        assert_eq!(fit_around_match(&s[..1], 1000), s[..1].to_vec());
    }

    /// Rows and preview lines measure as drawn: a heart with its selector is one unit of
    /// two columns, never split from its selector nor counted as one column.
    #[test]
    fn wide_clusters_are_measured_as_drawn() {
        let heart = "\u{2764}\u{fe0f}";
        let segs = vec![
            Segment {
                text: format!("{} love ", heart.repeat(12)),
                matched: false,
            },
            Segment {
                text: "€10 million".into(),
                matched: true,
            },
        ];
        for width in [10, 16, 21] {
            let fitted: String = fit_around_match(&segs, width)
                .iter()
                .map(|s| s.text.as_str())
                .collect();
            assert!(crate::width::of(&fitted) <= width, "{fitted:?} in {width}");
            assert!(!fitted.contains("\u{2764}\u{2764}"), "{fitted:?}");
            for line in wrap(&segs, width) {
                let text: String = line.iter().map(|s| s.text.as_str()).collect();
                assert!(crate::width::of(&text) <= width, "{text:?} in {width}");
            }
        }
    }

    #[test]
    fn wrapping_keeps_words_and_flags() {
        let segs = vec![
            Segment {
                text: "The board will pay ".into(),
                matched: false,
            },
            Segment {
                text: "€10 million".into(),
                matched: true,
            },
            Segment {
                text: " by 2027.".into(),
                matched: false,
            },
        ];
        let lines: Vec<String> = wrap(&segs, 14).iter().map(|l| render(l)).collect();
        assert_eq!(
            lines,
            ["The board will", "pay", "[€10 million] by", "2027."]
        );
        // A match longer than a line is cut like any long word.
        let lines: Vec<String> = wrap(&segs, 6).iter().map(|l| render(l)).collect();
        assert!(
            lines
                .iter()
                .all(|l| l.replace(['[', ']'], "").chars().count() <= 6),
            "{lines:?}"
        );
    }
}
