//! Splitting a document into units: sentences, list items and headings, each a byte span.
//!
//! Commitments are judged one unit at a time, so the rules here decide what a reviewer sees
//! as one item: a bullet is its own unit, `Mrs`, `M.`, `e.g.`, `No. 5` and `5.5` do not end a
//! sentence, a line after a `:` or `;` starts a new unit, and a sentence that a stray blank
//! line cut in two (as text copied from PDFs often is) is joined again.

/// What kind of unit a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A sentence of running text.
    Sentence,
    /// A sentence inside a bulleted or numbered list item.
    ListItem,
    /// A short line without final punctuation: a title, heading or dateline.
    Heading,
}

/// One unit of text: `text[start..end]`, trimmed, without its list marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub start: usize,
    pub end: usize,
    pub kind: UnitKind,
    /// Index of the paragraph (blank-line separated block, after joining) it belongs to.
    pub paragraph: usize,
    /// True for the first unit of a list item (the one that follows the marker).
    pub item_start: bool,
}

const MAX_HEADING_LEN: usize = 100;

/// The longest a unit may be, in bytes. Longer stretches (a document that is one line with
/// no sentence ends, say) are cut, so that extraction, the finder's matching and the
/// snippets it prints stay linear in the document's size; real sentences are far shorter
/// (the longest paragraph of the fixtures is under 2 KiB), so they are never cut.
pub const MAX_UNIT_BYTES: usize = 8 * 1024;

/// Splits `text` into units in document order.
pub fn split_units(text: &str) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut listing = false;
    for (paragraph, block) in paragraphs(text).into_iter().enumerate() {
        let mut segs = segments(text, &block);
        // A list whose items are separated by blank lines: the block after one ending in
        // ":" or ";" is an item too.
        if listing && let Some(first) = segs.first_mut() {
            first.item = true;
            first.heading = false;
        }
        listing = block.last().is_some_and(|l| {
            let s = &text[l.start..l.end];
            s.ends_with(':') || s.ends_with(';') || s.ends_with("; and") || s.ends_with("; or")
        });
        for segment in segs {
            sentences(text, segment, paragraph, &mut units);
        }
    }
    units
}

/// A line: `start..end` excludes the line break (and a `\r` before it).
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        out.push(Line { start, end });
        start = i + 1;
    }
    if start < text.len() {
        out.push(Line {
            start,
            end: text.len(),
        });
    }
    out
}

/// True for whitespace in the wide sense documents use: NBSP, narrow NBSP, BOM and the like.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

fn trimmed(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.len() - s.trim_end_matches(is_space).len();
    if lead == s.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

/// Blocks of non-blank lines, joined across a blank line when a sentence was cut there.
fn paragraphs(text: &str) -> Vec<Vec<Line>> {
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    for line in lines(text) {
        let (s, e) = trimmed(text, line.start, line.end);
        if s == e {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(Line { start: s, end: e });
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    let mut joined: Vec<Vec<Line>> = Vec::new();
    for block in blocks {
        if let Some(prev) = joined.last_mut()
            && let (Some(last), Some(first)) = (prev.last(), block.first())
            && sentence_cut(&text[last.start..last.end], &text[first.start..first.end])
        {
            prev.extend(block);
            continue;
        }
        joined.push(block);
    }
    joined
}

const DANGLING: &[&str] = &[
    "a", "an", "and", "as", "at", "between", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "with", "whose", "which", "that", "under", "than",
];

/// True when `prev` (a line ending a block) and `next` (the line starting the following
/// block) are one sentence cut by a stray blank line.
fn sentence_cut(prev: &str, next: &str) -> bool {
    let Some(last) = prev.chars().last() else {
        return false;
    };
    if matches!(
        last,
        '.' | '!' | '?' | ':' | ';' | '"' | '\u{201d}' | '\u{2019}' | ')' | ']' | '…'
    ) {
        return false;
    }
    if starts_with_marker(next).is_some() {
        return false;
    }
    let first = next.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return prev.chars().count() > 30;
    }
    let last_word = prev
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    DANGLING.contains(&last_word)
}

/// Length in bytes of a list marker at the start of `line` (including the space after it).
pub fn starts_with_marker(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, c) = chars.next()?;
    let after_space = |i: usize| -> Option<usize> {
        let rest = &line[i..];
        let sp = rest.len() - rest.trim_start_matches(is_space).len();
        (sp > 0 && sp < rest.len()).then_some(i + sp)
    };
    match c {
        '-' | '*' | '•' | '–' | '—' | '▪' | '◦' | '·' | '‣' | '○' | '■' | '►' => {
            after_space(c.len_utf8())
        }
        '(' => {
            // (a) (iv) (1)
            let close = line
                .char_indices()
                .take_while(|(i, _)| *i < 8)
                .find(|(_, c)| *c == ')')
                .map(|(i, _)| i)?;
            let inner = &line[1..close];
            (!inner.is_empty()
                && inner.chars().all(|c| c.is_ascii_alphanumeric())
                && inner.len() <= 4)
                .then(|| after_space(close + 1))
                .flatten()
        }
        _ if c.is_ascii_digit() || c.is_ascii_lowercase() => {
            // 1. 2) 10. a) b. iv)
            let end = line
                .char_indices()
                .find(|(_, c)| !c.is_ascii_alphanumeric())
                .map(|(i, _)| i)?;
            let label = &line[..end];
            let numeric = label.chars().all(|c| c.is_ascii_digit()) && label.len() <= 3;
            let lettered = label.len() == 1 || is_roman(label);
            let punct = line[end..].chars().next()?;
            let ok = match punct {
                '.' => numeric || (lettered && label.len() <= 4),
                ')' => numeric || lettered,
                _ => false,
            };
            if !ok {
                return None;
            }
            let after = after_space(end + 1)?;
            // "5. " followed by a lowercase word is more likely a sentence fragment.
            Some(after)
        }
        _ => None,
    }
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
}

/// A stretch of lines that reads as one piece: a list item, a heading, or running text.
#[derive(Debug, Clone, Copy)]
struct Segment {
    start: usize,
    end: usize,
    item: bool,
    heading: bool,
}

fn segments(text: &str, block: &[Line]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for (i, line) in block.iter().enumerate() {
        let s = &text[line.start..line.end];
        let marker = starts_with_marker(s);
        let heading_like = is_heading_like(s);
        let mut listed = false;
        let new = match i.checked_sub(1).map(|j| block[j]) {
            None => true,
            Some(prev) => {
                let p = &text[prev.start..prev.end];
                listed = p.ends_with(':')
                    || p.ends_with(';')
                    || p.ends_with("; and")
                    || p.ends_with("; or");
                marker.is_some()
                    || listed
                    || (is_heading_like(p) && starts_upper(s))
                    || (heading_like && ends_sentence(p))
            }
        };
        let start = line.start + marker.unwrap_or(0);
        if new || out.is_empty() {
            // A line after "…to:" or "…;" is an item of that list, marked or not.
            let item = marker.is_some() || listed;
            out.push(Segment {
                start,
                end: line.end,
                item,
                heading: heading_like && !item,
            });
        } else if let Some(last) = out.last_mut() {
            last.end = line.end;
            last.heading = false;
        }
    }
    out
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| !c.is_lowercase())
}

fn ends_sentence(s: &str) -> bool {
    s.ends_with(['.', '!', '?', '"', '\u{201d}'])
}

fn is_heading_like(s: &str) -> bool {
    let last_word = s
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    s.len() <= MAX_HEADING_LEN
        && !s.ends_with(['.', '!', '?', ':', ';', ','])
        && !DANGLING.contains(&last_word)
        && s.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "cf", "al", "etc", "approx", "fig",
    "figs", "p", "pp", "para", "paras", "art", "arts", "gen", "col", "lt", "sgt", "rev", "hon",
    "jr", "sr", "inc", "ltd", "co", "corp", "dept", "govt", "est", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mme", "mlle", "messrs", "rt", "ref",
    "vol", "ch", "sec", "op", "ed", "eds", "viz", "ca", "c",
];

fn sentences(text: &str, seg: Segment, paragraph: usize, out: &mut Vec<Unit>) {
    let kind = if seg.item {
        UnitKind::ListItem
    } else if seg.heading {
        UnitKind::Heading
    } else {
        UnitKind::Sentence
    };
    let body = &text[seg.start..seg.end];
    let mut unit_start = 0;
    let mut first = true;
    let mut push = |from: usize, to: usize, first: &mut bool| {
        let (mut s, e) = trimmed(text, seg.start + from, seg.start + to);
        while s < e {
            let cut = if e - s > MAX_UNIT_BYTES {
                cut_point(text, s)
            } else {
                e
            };
            let (piece_start, piece_end) = trimmed(text, s, cut);
            if piece_start < piece_end {
                out.push(Unit {
                    start: piece_start,
                    end: piece_end,
                    kind,
                    paragraph,
                    item_start: seg.item && *first,
                });
                *first = false;
            }
            s = cut;
        }
    };
    if kind == UnitKind::Heading {
        push(0, body.len(), &mut first);
        return;
    }
    let bytes = body.as_bytes();
    let mut pos = 0;
    // The next '…' (rare), kept until the scan passes it.
    let mut ellipsis = body.find('…');
    while let Some(i) = next_stop(bytes, pos, &mut ellipsis, body) {
        let c = body[i..].chars().next().unwrap_or(' ');
        pos = i + c.len_utf8();
        // Absorb closing punctuation: quotes, brackets, repeated stops, the "/." end mark.
        let mut end = pos;
        for d in body[end..].chars() {
            if matches!(
                d,
                '.' | '!' | '?' | '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']' | '/' | '…'
            ) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        pos = end;
        let rest = &body[end..];
        let gap = rest.len() - rest.trim_start_matches(is_space).len();
        if gap == 0 && !rest.is_empty() {
            continue;
        }
        let next = rest[gap..].chars().next();
        let Some(next) = next else {
            continue; // end of segment: pushed below
        };
        let next_ok = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(
                next,
                '"' | '\u{201c}' | '\u{2018}' | '(' | '[' | '«' | '¡' | '¿'
            );
        if !next_ok {
            continue;
        }
        if c == '.' && !ends_sentence_at(body, i, next) {
            continue;
        }
        push(unit_start, end, &mut first);
        unit_start = end + gap;
    }
    push(unit_start, body.len(), &mut first);
}

/// The largest character boundary of `text` at or before `at` (`text.len()` past the end).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let mut at = at;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where to end a piece of a unit longer than [`MAX_UNIT_BYTES`] that starts at `from`:
/// after the last stop (`.`, `!`, `?`, `;`, `…`) followed by a space in the second half of
/// the allowed length, else at the last space there, else at the last character boundary
/// that fits. Looks at no more than the allowed length, so cutting a unit is linear.
fn cut_point(text: &str, from: usize) -> usize {
    let limit = floor_char_boundary(text, from + MAX_UNIT_BYTES);
    let half = floor_char_boundary(text, from + MAX_UNIT_BYTES / 2);
    let window = &text[half..limit];
    let mut space = None;
    let mut after = None;
    for (i, c) in window.char_indices().rev() {
        if let Some(next) = after
            && is_space(next)
            && matches!(c, '.' | '!' | '?' | ';' | '…')
        {
            return half + i + c.len_utf8();
        }
        if space.is_none() && is_space(c) {
            space = Some(half + i);
        }
        after = Some(c);
    }
    space.unwrap_or(limit)
}

/// The byte of the next `.`, `!`, `?` or `…` at or after `pos`.
fn next_stop(bytes: &[u8], pos: usize, ellipsis: &mut Option<usize>, body: &str) -> Option<usize> {
    if ellipsis.is_some_and(|e| e < pos) {
        *ellipsis = body[pos..].find('…').map(|e| e + pos);
    }
    let stop = memchr::memchr3(b'.', b'!', b'?', &bytes[pos..]).map(|i| i + pos);
    match (stop, *ellipsis) {
        (Some(s), Some(e)) => Some(s.min(e)),
        (s, e) => s.or(e),
    }
}

/// Decides whether the full stop at byte `dot` of `body` ends a sentence.
fn ends_sentence_at(body: &str, dot: usize, next: char) -> bool {
    let before = &body[..dot];
    let word_start = before
        .rfind(|c: char| is_space(c) || matches!(c, '(' | '"' | '\u{201c}' | '['))
        .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // "e.g", "i.e", "U.S", "a.m": dotted abbreviations.
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return word.len() > 5 && !next.is_lowercase();
    }
    let lower = word.to_ascii_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "No. 5" and "p. 12" continue; "in 1951 and no." does not occur in practice.
        return false;
    }
    // Initials: "M. Bernard", "J. Smith".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split_units(text)
            .iter()
            .map(|u| &text[u.start..u.end])
            .collect()
    }

    #[test]
    fn abbreviations_and_decimals_do_not_end_sentences() {
        let t = "Joint statement by M. Bernard Cazeneuve and Mrs Theresa May. It cost €5.5 million, e.g. for fences. See No. 5 of the plan. Done.";
        assert_eq!(
            texts(t),
            [
                "Joint statement by M. Bernard Cazeneuve and Mrs Theresa May.",
                "It cost €5.5 million, e.g. for fences.",
                "See No. 5 of the plan.",
                "Done."
            ]
        );
    }

    #[test]
    fn bullets_are_units_and_markers_are_dropped() {
        let t = "We will:\n- Implement the plan by March 2011.\n- Continue to adapt.\n1. Number one\n2) Two\n(a) letter a; and\n(b) letter b.";
        assert_eq!(
            texts(t),
            [
                "We will:",
                "Implement the plan by March 2011.",
                "Continue to adapt.",
                "Number one",
                "Two",
                "letter a; and",
                "letter b."
            ]
        );
        let units = split_units(t);
        assert_eq!(units[1].kind, UnitKind::ListItem);
        assert!(units[1].item_start);
    }

    #[test]
    fn lines_after_colon_or_semicolon_start_units() {
        let t = "We will continue to work with partners to:\nstrengthen borders;\n\ntackle gangs; and\ncollectively explore returns.";
        assert_eq!(
            texts(t),
            [
                "We will continue to work with partners to:",
                "strengthen borders;",
                "tackle gangs; and",
                "collectively explore returns."
            ]
        );
    }

    #[test]
    fn a_sentence_cut_by_a_blank_line_is_joined() {
        let t = "- Strengthen coordinated police operations with other EU Member States\n\nand international partners, notably neighbours.\n\nNext paragraph here.";
        let units = split_units(t);
        assert_eq!(
            &t[units[0].start..units[0].end],
            "Strengthen coordinated police operations with other EU Member States\n\nand international partners, notably neighbours."
        );
        assert_eq!(texts(t)[1], "Next paragraph here.");
        let t2 = "The basic idea is that under the supervision of\n\nUNHCR, Libya would act. It is a beginning.";
        assert_eq!(
            texts(t2),
            [
                "The basic idea is that under the supervision of\n\nUNHCR, Libya would act.",
                "It is a beginning."
            ]
        );
    }

    #[test]
    fn headings_and_crlf() {
        let t = "UK-FRANCE SUMMIT, 2 NOVEMBER 2010\r\n\r\nDECLARATION ON IMMIGRATION\r\n\r\nWith firm determination, we will act.\r\nWe agree.\r\n";
        let units = split_units(t);
        assert_eq!(
            texts(t),
            [
                "UK-FRANCE SUMMIT, 2 NOVEMBER 2010",
                "DECLARATION ON IMMIGRATION",
                "With firm determination, we will act.",
                "We agree."
            ]
        );
        assert_eq!(units[0].kind, UnitKind::Heading);
        assert_eq!(units[2].kind, UnitKind::Sentence);
    }

    #[test]
    fn quotes_and_end_marks_stay_with_their_sentence() {
        let t = "They agreed to “a conference by the end of the year”, in “hot spots”./.\n\nNext.";
        assert_eq!(
            texts(t),
            [
                "They agreed to “a conference by the end of the year”, in “hot spots”./.",
                "Next."
            ]
        );
    }
}
