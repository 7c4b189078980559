//! Soft-wrapping a document for the reader: display lines that remember which bytes of the
//! text they show, so highlights (byte spans from extraction) land on the right cells and a
//! position survives a change of width. Paragraphs are kept: a blank line stays blank.

use std::ops::Range;

use super::display::{Cell, Display, HARD_BREAK, Kind};
use crate::safe_text::is_unsafe;

/// Columns a tab advances to (tabs are expanded; a terminal would move the cursor instead).
pub const TAB: usize = 4;

/// One display line: the cells `cells` of the [`Display`], standing for `text[start..end]`
/// of the file, drawn after `indent` columns of space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Byte offset in the file where the line starts.
    pub start: usize,
    /// Byte offset just past where it ends.
    pub end: usize,
    /// Its cells of the [`Display`], as a range of indices (start, end).
    pub cells: (usize, usize),
    /// Columns of space drawn before it.
    pub indent: usize,
    /// The kind of the block it belongs to.
    pub kind: Kind,
}

/// How many columns `c` alone takes at column `col`, as the reader draws it: tabs to the
/// next stop, line breaks as a space, other control and bidi characters escaped (as
/// `\u{1b}`, see [`crate::safe_text::push_safe`]), so they take their escape's width.
pub fn char_width(c: char, col: usize) -> usize {
    match c {
        '\t' => TAB - col % TAB,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => 1,
        c if is_unsafe(c) => format!("\\u{{{:x}}}", c as u32).len(),
        c => crate::width::of_grapheme(c.encode_utf8(&mut [0; 4])),
    }
}

/// Whether `c` is drawn as something else than itself (see [`char_width`]): always a
/// unit of its own.
fn replaced(c: char) -> bool {
    c == '\t' || c == '\u{2028}' || c == '\u{2029}' || is_unsafe(c)
}

/// The grapheme clusters of `cells`, as ranges of their indices: what is drawn as one
/// unit (an emoji with its variation selector, a ZWJ sequence, a letter and its
/// combining marks). A line is never broken inside one. A character drawn replaced
/// (a tab, an escaped control) is a unit alone.
pub fn clusters(cells: &[Cell]) -> Vec<Range<usize>> {
    if cells.iter().all(|c| alone(c.c)) {
        return (0..cells.len()).map(|i| i..i + 1).collect();
    }
    let text: String = cells.iter().map(|c| c.c).collect();
    let mut out = Vec::with_capacity(cells.len());
    let mut at = 0;
    for g in crate::width::graphemes(&text) {
        let n = g.chars().count();
        if n > 1 && g.chars().any(replaced) {
            out.extend((at..at + n).map(|i| i..i + 1));
        } else {
            out.push(at..at + n);
        }
        at += n;
    }
    out
}

/// Whether `c` is a cluster by itself whatever is around it: it neither joins the one
/// before (no combining mark, joiner, selector, modifier, flag half, jamo) nor the one
/// after (no prepended mark), nor is half of CR LF. The letters and punctuation of most
/// European text are, so it is measured without the segmenter (about twice as fast).
fn alone(c: char) -> bool {
    matches!(c as u32,
        0x00..=0x09 | 0x0b | 0x0c  // controls but CR and LF
        | 0x0e..=0x9f              // ASCII, DEL, the C1 controls
        | 0xa0..=0x2ff             // Latin-1, Latin Extended-A and B, IPA, modifier letters
        | 0x370..=0x482            // Greek, Cyrillic before its combining marks
        | 0x1e00..=0x1fff          // Latin Extended Additional (Vietnamese), Greek Extended
        | 0x2010..=0x2027          // dashes, quotes, bullets, ellipsis
        | 0x2030..=0x205e          // per mille, primes, guillemets
        | 0x20a0..=0x20cf          // currency signs
    )
}

/// Columns the cluster `cells` takes at column `col`.
pub fn cluster_width(cells: &[Cell], col: usize) -> usize {
    match cells {
        [one] => char_width(one.c, col),
        _ => {
            let text: String = cells.iter().map(|c| c.c).collect();
            crate::width::of(&text)
        }
    }
}

/// Wraps `text`, line for line, to `width` columns (see [`wrap_display`]).
pub fn wrap(text: &str, width: usize) -> Vec<Line> {
    wrap_display(&Display::plain(text), width)
}

/// Wraps each block of `display` to `width` columns, breaking after spaces where it can,
/// inside a word only when the word alone is wider than the line. A block's lines after
/// its first hang under its text, unless the pane is too narrow to spare the columns.
pub fn wrap_display(display: &Display, width: usize) -> Vec<Line> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for block in &display.blocks {
        let fits = |indent: usize| {
            if indent + MIN_TEXT <= width {
                indent
            } else {
                0
            }
        };
        let (indent, hang) = (fits(block.indent), fits(block.hang));
        if block.cells.is_empty() {
            lines.push(Line {
                start: block.at,
                end: block.at,
                cells: (block.cells.start, block.cells.start),
                indent: 0,
                kind: block.kind,
            });
            continue;
        }
        let first_line = lines.len();
        let mut from = block.cells.start;
        let mut first = true;
        let cells = &display.cells;
        for i in block.cells.clone() {
            if cells[i].c == HARD_BREAK || i + 1 == block.cells.end {
                let to = if cells[i].c == HARD_BREAK { i } else { i + 1 };
                wrap_run(
                    cells,
                    from..to,
                    (if first { indent } else { hang }, hang),
                    width,
                    &mut lines,
                );
                first = false;
                from = i + 1;
            }
        }
        for line in &mut lines[first_line..] {
            line.kind = block.kind;
            // The header's lines stand for the whole front matter.
            if let (Kind::Title | Kind::Meta, Some(fm)) = (block.kind, &display.front_matter) {
                (line.start, line.end) = (fm.start, fm.end);
            }
        }
    }
    lines
}

/// The fewest columns of text a line keeps beside its indentation.
const MIN_TEXT: usize = 8;

/// Wraps the cells `run` (no hard break among them): its first line indented `indent.0`,
/// the others `indent.1`.
fn wrap_run(
    cells: &[Cell],
    run: std::ops::Range<usize>,
    indent: (usize, usize),
    width: usize,
    lines: &mut Vec<Line>,
) {
    let line = |from: usize, to: usize, indent: usize| Line {
        start: cells[from.min(cells.len() - 1)].start,
        end: if to > from {
            cells[to - 1].end
        } else {
            cells[from].start
        },
        cells: (from, to),
        indent,
        kind: Kind::Text,
    };
    if run.is_empty() {
        let at = cells.get(run.start).map_or(0, |c| c.start);
        lines.push(Line {
            start: at,
            end: at,
            cells: (run.start, run.start),
            indent: 0,
            kind: Kind::Text,
        });
        return;
    }
    let mut start = run.start; // of the current display line
    let mut room = width.saturating_sub(indent.0).max(1);
    let mut this_indent = indent.0;
    let mut col = 0;
    let mut last_break: Option<usize> = None; // cell after the last space on this line
    // Whole clusters: a line breaks between them, and each is measured as drawn.
    let units: Vec<Range<usize>> = clusters(&cells[run.clone()])
        .into_iter()
        .map(|u| u.start + run.start..u.end + run.start)
        .collect();
    for (k, unit) in units.iter().enumerate() {
        let i = unit.start;
        // Twice at most: what moved down after the last space may leave no room for this.
        while col + cluster_width(&cells[unit.clone()], col) > room && i > start {
            let cut = match last_break {
                Some(b) if b > start => b,
                _ => i,
            };
            lines.push(line(start, cut, this_indent));
            start = cut;
            last_break = None;
            this_indent = indent.1;
            room = width.saturating_sub(indent.1).max(1);
            // Re-measure what moved to the new line.
            col = units[..k]
                .iter()
                .filter(|u| u.start >= start)
                .fold(0, |col, u| col + cluster_width(&cells[u.clone()], col));
        }
        col += cluster_width(&cells[unit.clone()], col);
        if let [one] = &cells[unit.clone()]
            && (one.c == ' ' || one.c == '\t')
        {
            last_break = Some(unit.end);
        }
    }
    lines.push(line(start, run.end, this_indent));
}

/// The display line holding byte `at`: the last line starting at or before it, or of
/// lines starting at the same byte the first (the header's lines all stand for the front
/// matter: a view kept at its byte starts at the title, not under it).
pub fn line_of(lines: &[Line], at: usize) -> usize {
    let mut i = lines
        .partition_point(|l| l.start <= at)
        .saturating_sub(1)
        .min(lines.len().saturating_sub(1));
    while i > 0 && lines[i - 1].start == lines[i].start {
        i -= 1;
    }
    i
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
    fn the_header_lines_are_found_from_their_first() {
        let text = "---\ntitle: A title long enough to wrap over two lines\ndate: 2024-01-02\n---\nText.\n";
        let d = Display::read(text, crate::app::display::Flavor::Markdown);
        let lines = wrap_display(&d, 24);
        let title: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].kind == Kind::Title)
            .collect();
        assert!(title.len() >= 2, "{lines:?}");
        assert_eq!(line_of(&lines, 0), title[0]);
        assert_eq!(line_of(&lines, text.find("date").unwrap()), title[0]);
        let body = text.find("Text").unwrap();
        assert_eq!(lines[line_of(&lines, body)].start, body);
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
        assert_eq!(
            wrap("", 10),
            [Line {
                start: 0,
                end: 0,
                cells: (0, 0),
                indent: 0,
                kind: Kind::Text
            }]
        );
    }

    /// Emoji with a selector, a ZWJ family, CJK, combining accents and a flag: at every
    /// width, no line breaks inside a cluster and none is wider than its pane (but for a
    /// lone cluster wider than the pane itself).
    #[test]
    fn clusters_stay_whole_and_lines_fit_their_width() {
        let text = "I \u{2764}\u{fe0f} Paris: \u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467} in \
                    \u{6771}\u{4eac}\u{90fd}, the cafe\u{301} on the Champs-E\u{301}lyse\u{301}es \
                    \u{1f1eb}\u{1f1f7} and \u{2764}\u{fe0f}\u{2764}\u{fe0f}\u{2764}\u{fe0f} today.\n";
        let d = Display::plain(text);
        let whole = clusters(&d.cells);
        let starts: Vec<usize> = whole.iter().map(|u| u.start).collect();
        for width in 1..60 {
            let lines = wrap_display(&d, width);
            for l in &lines {
                let cells = &d.cells[l.cells.0..l.cells.1];
                if cells.is_empty() {
                    continue;
                }
                assert!(
                    starts.contains(&l.cells.0),
                    "{width}: a line starts inside a cluster"
                );
                let units = clusters(cells);
                let drawn = units
                    .iter()
                    .fold(0, |col, u| col + cluster_width(&cells[u.clone()], col));
                assert!(
                    drawn <= width || units.len() == 1,
                    "{width}: {:?} is {drawn} columns",
                    &text[l.start..l.end]
                );
            }
        }
        // The heart is two columns: four of them do not fit in seven.
        let lines = wrap(
            "\u{2764}\u{fe0f}\u{2764}\u{fe0f}\u{2764}\u{fe0f}\u{2764}\u{fe0f}",
            7,
        );
        assert_eq!(lines.len(), 2, "{lines:?}");
    }

    /// A run of characters each taken alone by the fast path is, to the segmenter too, one
    /// cluster per character: every such pair splits in two.
    #[test]
    fn what_is_taken_alone_is_a_cluster_alone() {
        use unicode_segmentation::UnicodeSegmentation;
        let all: Vec<char> = (0..0x2100u32)
            .filter_map(char::from_u32)
            .filter(|&c| alone(c))
            .collect();
        let sample: Vec<char> = all
            .iter()
            .copied()
            .step_by(17)
            .chain(['\t', ' ', 'a'])
            .collect();
        for &c in &all {
            for &n in &sample {
                for s in [format!("{c}{n}"), format!("{n}{c}")] {
                    assert_eq!(s.graphemes(true).count(), 2, "{s:?}");
                }
            }
        }
    }
}
