//! Splitting a document into units: sentences, list items and headings, each a byte span.
//!
//! Commitments are judged one unit at a time, so the rules here decide what a reviewer sees
//! as one item: a bullet is its own unit, `Mrs`, `M.`, `e.g.`, `No. 5` and `5.5` do not end a
//! sentence, a line after a `:` or `;` starts a new unit, and a sentence that a stray blank
//! line cut in two (as text copied from PDFs often is) is joined again.
//!
//! Input arrives as it was published: front matter above the prose (never split, see
//! [`super::front_matter`]), Markdown markup inside it (read past, see [`super::markup`]),
//! and paragraphs hard-wrapped at a fixed column, whose line breaks are no more than spaces.
//! [`split_document`] hands back that [`Layout`] with the units, so the tokenizer reads the
//! document the same way.

use super::front_matter::{self, FrontMatter};
use super::markup::{self, Hidden};

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
    /// Byte offset of the unit's start in the text.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// A sentence, a list item or a heading.
    pub kind: UnitKind,
    /// Index of the paragraph (blank-line separated block, after joining) it belongs to.
    pub paragraph: usize,
    /// True for the first unit of a list item (the one that follows the marker).
    pub item_start: bool,
}

/// How a document's prose lies in its text: what comes before it, what inside it is markup,
/// and which line breaks only wrap a line. Every offset is a byte of the text.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The front matter, when the document opens with one.
    pub front_matter: Option<FrontMatter>,
    /// Where the prose starts: the end of the front matter, else 0.
    pub body: usize,
    /// The markup in the prose ([`markup::hidden`]), sorted.
    pub hidden: Vec<Hidden>,
    /// The line breaks (the byte of each `\n`) inside a paragraph or list item that only
    /// wrap its text: read as a space, so an item may cross them. Sorted.
    pub soft_breaks: Vec<usize>,
}

const MAX_HEADING_LEN: usize = 100;

/// The longest a unit may be, in bytes. Longer stretches (a document that is one line with
/// no sentence ends, say) are cut, so that extraction, the finder's matching and the
/// snippets it prints stay linear in the document's size; real sentences are far shorter
/// (the longest paragraph of the fixtures is under 2 KiB), so they are never cut.
pub const MAX_UNIT_BYTES: usize = 8 * 1024;

/// Splits `text` into units in document order.
pub fn split_units(text: &str) -> Vec<Unit> {
    split_document(text).0
}

/// Splits `text` into units in document order, and tells how its prose is laid out.
pub fn split_document(text: &str) -> (Vec<Unit>, Layout) {
    let front_matter = front_matter::parse(text);
    let body = front_matter.as_ref().map_or(0, |f| f.range.end);
    let mut layout = Layout {
        hidden: markup::hidden(text, body),
        front_matter,
        body,
        soft_breaks: Vec::new(),
    };
    let ctx = Ctx {
        text,
        hidden: &layout.hidden,
    };
    let (blocks, wrap) = paragraphs(&ctx, body);
    let mut units = Vec::new();
    let mut listing = false;
    for (paragraph, block) in blocks.into_iter().enumerate() {
        let mut segs = segments(&ctx, &block, wrap, &mut layout.soft_breaks);
        // A list whose items are separated by blank lines: the block after one ending in
        // ":" or ";" is an item too.
        if listing && let Some(first) = segs.first_mut() {
            first.item = true;
            first.heading = false;
        }
        listing = block.last().is_some_and(|l| {
            let s = l.shown(text);
            s.ends_with(':') || s.ends_with(';') || s.ends_with("; and") || s.ends_with("; or")
        });
        for segment in segs {
            sentences(&ctx, segment, paragraph, &mut units);
        }
    }
    (units, layout)
}

/// The text and its markup, for the rules that must read past the markup.
struct Ctx<'a> {
    text: &'a str,
    hidden: &'a [Hidden],
}

impl Ctx<'_> {
    /// The markup range that holds byte `at`, if any.
    fn hidden_at(&self, at: usize) -> Option<&Hidden> {
        let i = self.hidden.partition_point(|h| h.range.end <= at);
        self.hidden.get(i).filter(|h| h.range.start <= at)
    }

    /// `start..end` without the markup and spaces at either end: what a reader sees of it.
    fn shown(&self, start: usize, end: usize) -> (usize, usize) {
        let (mut s, mut e) = (start, end);
        loop {
            let (ts, te) = trimmed(self.text, s, e);
            (s, e) = (ts, te);
            if s >= e {
                return (s, s);
            }
            let mut moved = false;
            if let Some(h) = self.hidden_at(s) {
                s = h.range.end.min(e);
                moved = true;
            }
            let i = self.hidden.partition_point(|h| h.range.end < e);
            if let Some(h) = self
                .hidden
                .get(i)
                .filter(|h| h.range.end == e && h.range.start >= s)
            {
                e = h.range.start;
                moved = true;
            }
            if !moved {
                return (s, e);
            }
        }
    }
}

/// A line: `start..end` excludes the line break (and a `\r` before it).
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

fn lines(text: &str, from: usize) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = from;
    for i in memchr::memchr_iter(b'\n', &text.as_bytes()[from..]) {
        let i = i + from;
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

/// A non-blank line of a paragraph.
#[derive(Debug, Clone, Copy)]
struct TextLine {
    /// `start..end`: the line without its indentation and trailing spaces.
    start: usize,
    end: usize,
    /// `shown`: the same without markup at either end (`## `, `**`, a link's target).
    shown_start: usize,
    shown_end: usize,
    /// Columns from the start of the line (indentation included) to `end`.
    cols: usize,
    /// Bytes of indentation before `start`.
    indent: usize,
    /// A Markdown heading (`## Title`): a unit of its own.
    heading_mark: bool,
}

impl TextLine {
    fn shown<'a>(&self, text: &'a str) -> &'a str {
        &text[self.shown_start..self.shown_end]
    }
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

/// Blocks of non-blank lines, joined across a blank line when a sentence was cut there, and
/// the column the text is hard-wrapped at, if it is. A line that is markup only (a comment,
/// an image, a rule such as `***` or `\\###`) separates blocks like a blank line.
fn paragraphs(ctx: &Ctx, from: usize) -> (Vec<Vec<TextLine>>, Option<usize>) {
    let text = ctx.text;
    let mut blocks: Vec<Vec<TextLine>> = Vec::new();
    let mut current: Vec<TextLine> = Vec::new();
    // Widths of lines followed by another line of the same block: the wrapped ones.
    let mut inner_cols: Vec<usize> = Vec::new();
    for line in lines(text, from) {
        let (s, e) = trimmed(text, line.start, line.end);
        let (ss, se) = ctx.shown(s, e);
        if ss == se || is_rule(&text[ss..se]) {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(prev) = current.last() {
            inner_cols.push(prev.cols);
        }
        current.push(TextLine {
            start: s,
            end: e,
            shown_start: ss,
            shown_end: se,
            cols: text[line.start..e].chars().count(),
            indent: s - line.start,
            heading_mark: text.as_bytes()[s] == b'#' && ctx.hidden_at(s).is_some(),
        });
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    let mut joined: Vec<Vec<TextLine>> = Vec::new();
    for block in blocks {
        if let Some(prev) = joined.last_mut()
            && let (Some(last), Some(first)) = (prev.last(), block.first())
            && !last.heading_mark
            && !first.heading_mark
            && sentence_cut(last.shown(text), &text[first.start..first.end])
        {
            prev.extend(block);
            continue;
        }
        joined.push(block);
    }
    (joined, wrap_column(&mut inner_cols))
}

/// A thematic break or separator line: `***`, `- - -`, `===`, `###` (an escaped heading mark
/// with no heading), or a stray emphasis mark alone on its line (`**`).
fn is_rule(s: &str) -> bool {
    // The first letter of a line of prose settles it: no pass over the whole line.
    s.bytes().all(|b| {
        matches!(
            b,
            b' ' | b'\t' | b'#' | b'*' | b'-' | b'_' | b'=' | b'~' | b'\\'
        )
    }) && s.bytes().filter(|b| !matches!(b, b' ' | b'\t')).count() >= 2
}

/// The column a document is hard-wrapped at, from the widths of its lines that a line of
/// the same paragraph follows: most of them end a little before one column (a wrapping tool
/// breaks where the next word would not fit), none far past it. `None` for text with a
/// paragraph per line, or fewer than two wrapped lines to tell.
fn wrap_column(cols: &mut [usize]) -> Option<usize> {
    if cols.len() < 2 {
        return None;
    }
    cols.sort_unstable();
    let column = cols[cols.len() * 9 / 10];
    let near = cols
        .iter()
        .filter(|&&c| c + WRAP_RAGGEDNESS >= column && c <= column)
        .count();
    ((MIN_WRAP..=MAX_WRAP).contains(&column) && near * 2 >= cols.len()).then_some(column)
}

/// Hard wraps are set between these columns (72 and 80 are usual).
const MIN_WRAP: usize = 60;
const MAX_WRAP: usize = 100;
/// How far before the wrap column a wrapped line may end: the next word did not fit.
const WRAP_RAGGEDNESS: usize = 15;

/// A line ending this close to the wrap column is full, whatever word follows: people who
/// wrap by hand break a little early.
const FULL_LINE_SLACK: usize = 10;

/// True when the line break after `prev` only wraps its paragraph: the line is full (the
/// first word of `next` would not have fit on it, or it ends within a few columns of the
/// wrap column).
fn wraps(text: &str, prev: &TextLine, next: &TextLine, wrap: Option<usize>) -> bool {
    let Some(column) = wrap else {
        return false;
    };
    let word = text[next.start..next.end]
        .split(is_space)
        .next()
        .map_or(0, |w| w.chars().count());
    prev.cols + FULL_LINE_SLACK >= column || prev.cols + 1 + word > column
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
            // A number, a letter or a roman numeral: "(MPAs)" or "(WHO)" at the start of a
            // wrapped line is an acronym, not an enumerator.
            let inner = &line[1..close];
            let enumerator = (inner.len() <= 3 && inner.bytes().all(|c| c.is_ascii_digit()))
                || (inner.len() == 1 && inner.bytes().all(|c| c.is_ascii_alphabetic()))
                || is_roman(inner)
                || is_roman(&inner.to_ascii_lowercase())
                    && inner.bytes().all(|c| c.is_ascii_uppercase());
            (!inner.is_empty() && enumerator)
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
            // Markdown writes a number that is not a list as "17\\." (a numbered paragraph).
            let escaped = line[end..].starts_with('\\');
            let punct = line[end + usize::from(escaped)..].chars().next()?;
            let ok = match punct {
                '.' => numeric || (lettered && label.len() <= 4),
                ')' => numeric || lettered,
                _ => false,
            };
            if !ok {
                return None;
            }
            let after = after_space(end + 1 + usize::from(escaped))?;
            // "5. " followed by a lowercase word is more likely a sentence fragment.
            Some(after)
        }
        _ if c.is_ascii_uppercase() => {
            // A) B) IV) always; "A.  " and "IV.  " only with the two spaces Markdown lists
            // put there: "A. Smith" is an initial.
            let end = line
                .char_indices()
                .find(|(_, c)| !c.is_ascii_uppercase())
                .map(|(i, _)| i)?;
            let label = &line[..end];
            if !(label.len() == 1 || is_roman(&label.to_ascii_lowercase())) {
                return None;
            }
            let ok = match line[end..].chars().next()? {
                ')' => true,
                '.' => line[end + 1..].starts_with("  "),
                _ => false,
            };
            ok.then(|| after_space(end + 1)).flatten()
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

fn segments(
    ctx: &Ctx,
    block: &[TextLine],
    wrap: Option<usize>,
    soft_breaks: &mut Vec<usize>,
) -> Vec<Segment> {
    let text = ctx.text;
    let mut out: Vec<Segment> = Vec::new();
    // Whether the stretch being read is an item of a dash list (`– item`).
    let mut dash_list = false;
    for (i, line) in block.iter().enumerate() {
        let s = line.shown(text);
        let mut marker = starts_with_marker(&text[line.start..line.end]);
        // A spaced dash is punctuation in prose (`to work – bilaterally – on`): where a full
        // line wraps a sentence that has not ended, a dash starting the next line is that
        // punctuation, not a bullet, unless the lines before are items of a dash list.
        let dash = s.starts_with(['–', '—']);
        if dash
            && marker.is_some()
            && !dash_list
            && let Some(prev) = i.checked_sub(1).map(|j| &block[j])
            && wraps(text, prev, line, wrap)
            && !prev.shown(text).ends_with(['.', ':', ';', '!', '?'])
        {
            marker = None;
        }
        let heading_like = line.heading_mark || is_heading_like(s);
        // A table row (`| 3 | text |`) is a line of its own.
        let row = s.starts_with('|');
        let mut listed = false;
        // An indented line under a list item, without a marker of its own, continues it.
        let in_item = out.last().is_some_and(|seg| seg.item) && line.indent > 0;
        let new = match i.checked_sub(1).map(|j| &block[j]) {
            None => true,
            Some(prev) => {
                let p = prev.shown(text);
                let wrapped = in_item || wraps(text, prev, line, wrap);
                listed = !wrapped
                    && (p.ends_with(':')
                        || p.ends_with(';')
                        || p.ends_with("; and")
                        || p.ends_with("; or"));
                marker.is_some()
                    || line.heading_mark
                    || prev.heading_mark
                    || row
                    || p.starts_with('|')
                    || listed
                    || (!wrapped && is_heading_like(p) && starts_upper(s))
                    || (!wrapped && heading_like && ends_sentence(p))
            }
        };
        let start = line.start + marker.unwrap_or(0);
        if new || out.is_empty() {
            dash_list = dash && marker.is_some();
            // A line after "…to:" or "…;" is an item of that list, marked or not.
            let item = marker.is_some() || listed;
            out.push(Segment {
                start,
                end: line.end,
                item,
                heading: heading_like && !item,
            });
        } else if let Some(last) = out.last_mut() {
            // In hard-wrapped text and list items, the line break joins two lines of one
            // stretch: a space to the rules. (Elsewhere a line break inside a stretch may
            // still end a figure.)
            let between = &text.as_bytes()[block[i - 1].end..line.start];
            if (wrap.is_some() || in_item)
                && let Some(n) = memchr::memchr(b'\n', between)
                && memchr::memrchr(b'\n', between) == Some(n)
            {
                soft_breaks.push(block[i - 1].end + n);
            }
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

fn sentences(ctx: &Ctx, seg: Segment, paragraph: usize, out: &mut Vec<Unit>) {
    let text = ctx.text;
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
        // Without the markup at either end: a unit starts at its first word, not at `**`.
        let (mut s, e) = ctx.shown(seg.start + from, seg.start + to);
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
    // The markup starting at `at` (relative to the segment), as a range of the segment.
    let markup_at = |at: usize| {
        ctx.hidden_at(seg.start + at)
            .filter(|h| h.range.start == seg.start + at)
            .map(|h| ((h.range.end - seg.start).min(body.len()), h.as_space))
    };
    while let Some(i) = next_stop(bytes, pos, &mut ellipsis, body) {
        let c = body[i..].chars().next().unwrap_or(' ');
        pos = i + c.len_utf8();
        // A stop inside markup (a link's target, a comment) ends nothing.
        if ctx.hidden_at(seg.start + i).is_some() {
            continue;
        }
        // Absorb closing punctuation: quotes, brackets, repeated stops, the "/." end mark,
        // and markup that closes with the sentence (`**Funding.**`).
        let mut end = pos;
        loop {
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
            match markup_at(end) {
                Some((to, false)) if to > end => end = to,
                _ => break,
            }
        }
        pos = end;
        // What separates it from the next sentence: spaces, and markup that reads as one
        // or opens the next sentence (`**`, `[`).
        let mut next_at = end;
        loop {
            let rest = &body[next_at..];
            next_at += rest.len() - rest.trim_start_matches(is_space).len();
            match markup_at(next_at) {
                Some((to, _)) if to > next_at => next_at = to,
                _ => break,
            }
        }
        let spaced =
            body[end..next_at].contains(is_space) || markup_at(end).is_some_and(|(_, space)| space);
        if !spaced {
            continue;
        }
        let Some(next) = body[next_at..].chars().next() else {
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
        unit_start = next_at;
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
        let t = "We will keep working with neighbours to:\nstrengthen borders;\n\ntackle gangs; and\ncollectively explore returns.";
        assert_eq!(
            texts(t),
            [
                "We will keep working with neighbours to:",
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
        let t = "They agreed to “a meeting before the winter”, in “hot spots”./.\n\nNext.";
        assert_eq!(
            texts(t),
            [
                "They agreed to “a meeting before the winter”, in “hot spots”./.",
                "Next."
            ]
        );
    }
}
