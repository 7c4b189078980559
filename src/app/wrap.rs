//! Soft-wrapping a document for the reader: display lines that remember which bytes of the
//! text they show, so highlights (byte spans from extraction) land on the right cells and a
//! position survives a change of width. Paragraphs are kept: a blank line stays blank.

use unicode_width::UnicodeWidthChar;

/// Columns a tab advances to (tabs are expanded; a terminal would move the cursor instead).
pub const TAB: usize = 4;

/// One display line: `text[start..end]`, without its line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

/// How many columns `c` takes at column `col` (tabs to the next stop; control characters
/// are shown escaped, as `\u{1b}`, so they take their escape's width).
pub fn char_width(c: char, col: usize) -> usize {
    match c {
        '\t' => TAB - col % TAB,
        c if c.is_control() => format!("\\u{{{:x}}}", c as u32).len(),
        c => c.width().unwrap_or(0),
    }
}

/// Wraps `text` to `width` columns, breaking after spaces where it can, inside a word only
/// when the word alone is wider than the line.
pub fn wrap(text: &str, width: usize) -> Vec<Line> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line_start = 0;
    for raw in text.split_inclusive('\n') {
        let body_len = raw.strip_suffix('\n').map_or(raw.len(), str::len);
        let body = &raw[..body_len.min(raw.len())];
        let body = body.strip_suffix('\r').unwrap_or(body);
        wrap_line(body, line_start, width, &mut lines);
        line_start += raw.len();
    }
    if lines.is_empty() || text.ends_with('\n') {
        lines.push(Line {
            start: text.len(),
            end: text.len(),
        });
    }
    lines
}

fn wrap_line(body: &str, offset: usize, width: usize, lines: &mut Vec<Line>) {
    if body.is_empty() {
        lines.push(Line {
            start: offset,
            end: offset,
        });
        return;
    }
    let mut start = 0; // of the current display line, in `body`
    let mut col = 0;
    let mut last_break: Option<usize> = None; // byte after the last space on this line
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let w = char_width(c, col);
        if col + w > width && i > start {
            let cut = match last_break {
                Some(b) if b > start => b,
                _ => i,
            };
            lines.push(Line {
                start: offset + start,
                end: offset + cut,
            });
            start = cut;
            last_break = None;
            // Re-measure what moved to the new line.
            col = body[start..i]
                .chars()
                .fold(0, |col, c| col + char_width(c, col));
        }
        col += char_width(c, col);
        if c == ' ' || c == '\t' {
            last_break = Some(i + c.len_utf8());
        }
        if iter.peek().is_none() {
            lines.push(Line {
                start: offset + start,
                end: offset + body.len(),
            });
        }
    }
}

/// The display line holding byte `at` (the last line starting at or before it).
pub fn line_of(lines: &[Line], at: usize) -> usize {
    lines
        .partition_point(|l| l.start <= at)
        .saturating_sub(1)
        .min(lines.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown<'a>(text: &'a str, lines: &[Line]) -> Vec<&'a str> {
        lines.iter().map(|l| &text[l.start..l.end]).collect()
    }

    #[test]
    fn wraps_at_spaces_and_keeps_paragraphs() {
        let text = "The ministers met in Calais.\n\nThey agreed to act.\n";
        let lines = wrap(text, 12);
        assert_eq!(
            shown(text, &lines),
            [
                "The ",
                "ministers ",
                "met in ",
                "Calais.",
                "",
                "They agreed ",
                "to act.",
                ""
            ]
        );
        assert_eq!(line_of(&lines, text.find("agreed").unwrap()), 5);
    }

    #[test]
    fn a_long_word_is_cut_and_wide_characters_count_double() {
        let lines = wrap("abcdefghij", 4);
        assert_eq!(shown("abcdefghij", &lines), ["abcd", "efgh", "ij"]);
        let cjk = "日本語のテキスト";
        let lines = wrap(cjk, 5);
        assert!(
            lines
                .iter()
                .all(|l| cjk[l.start..l.end].chars().count() <= 2)
        );
    }

    #[test]
    fn every_byte_is_on_exactly_one_line() {
        let text = "a\tb c\u{1b}[31m d\r\nwide 日本 x\n\n";
        for width in 1..20 {
            let lines = wrap(text, width);
            let mut at = 0;
            for l in &lines {
                assert!(l.start >= at && l.end >= l.start, "{width}: {lines:?}");
                assert!(text[at..l.start].chars().all(|c| c == '\n' || c == '\r'));
                at = l.end;
            }
        }
        assert_eq!(wrap("", 10), [Line { start: 0, end: 0 }]);
    }
}
