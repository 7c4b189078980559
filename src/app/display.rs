//! A document as the reader shows it: its paragraphs and list items as blocks of
//! characters, each character remembering the bytes of the file it stands for. Markdown is
//! rendered (the markup [`markup::hidden`] finds — escapes' backslashes, emphasis marks,
//! link targets, URLs, comments and tags — is not shown; line breaks inside a paragraph are
//! soft); a plain text file is shown line for line,
//! unless it is hard-wrapped, when its paragraphs are joined again. Highlights, the cursor
//! and search all work on file bytes; this map is how they find their cells.

use std::ops::Range;

use crate::corpus::front_matter::{self, Field, FrontMatter};
use crate::corpus::markup::{self, Hidden};

/// One character on screen and the bytes of the file it shows: its own, or for a soft
/// space the line break, indentation or markup (a URL, a comment) it replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The character shown.
    pub c: char,
    /// Byte offset in the file of the first byte it stands for.
    pub start: usize,
    /// Byte offset just past the last byte it stands for (`start` when it stands for none).
    pub end: usize,
}

/// A forced line break inside a block (Markdown's trailing two spaces or `\`).
pub const HARD_BREAK: char = '\n';

/// A paragraph, heading or list item: `cells` of the display, wrapped together. Its first
/// line is indented `indent` columns, the lines after it `hang` (under a list item's text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Its cells, as a range of [`Display::cells`].
    pub cells: Range<usize>,
    /// Columns the first line is indented by.
    pub indent: usize,
    /// Columns the lines after the first are indented by.
    pub hang: usize,
    /// The file byte an empty block (a blank line) stands at.
    pub at: usize,
    /// What the block is, for how it is drawn.
    pub kind: Kind,
}

/// What a block is, for how it is drawn and which bytes its lines stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// The document's own text.
    #[default]
    Text,
    /// The header's title line, from the front matter.
    Title,
    /// The header's date and source line.
    Meta,
    /// The marker drawn where page `n` (1-based) of a PDF starts: drawn by the reader,
    /// never part of the text (its cells stand for no byte, at the page's first).
    Page(usize),
}

/// The whole document as shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Display {
    /// Every character shown, in order, each with the bytes it stands for.
    pub cells: Vec<Cell>,
    /// The paragraphs, headings and list items, in order.
    pub blocks: Vec<Block>,
    /// The front matter's bytes, shown as the header: the lines of its blocks stand for
    /// all of it (so a position inside it is on the header), their cells for each field.
    pub front_matter: Option<Range<usize>>,
    /// The first cell of the text after the header.
    pub body: usize,
    /// Where each page's marker stands, in page order (empty without pages): the byte of
    /// the page's first word, so a jump to the page lands on text.
    pub page_starts: Vec<usize>,
}

/// How a file's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// Line for line, as the file has it.
    Plain,
    /// A plain text file wrapped by hand at `width` columns: lines the next word would not
    /// have fitted on are joined again.
    HardWrapped {
        /// The longest line's width, in characters: what the file was wrapped at.
        width: usize,
    },
    /// Markdown (by the file's extension): paragraphs reflowed, markup rendered.
    Markdown,
}

/// Lines at most this wide, in a file whose every line is, may have been wrapped by hand.
const HARD_WRAP_MAX: usize = 100;
/// Narrower than this, short lines are more likely a list of names than a wrapped text.
const HARD_WRAP_MIN: usize = 40;
/// Hanging indents deeper than this are cut (nested lists in a narrow pane).
const MAX_INDENT: usize = 12;

impl Flavor {
    /// The flavor for a file named `name` holding `text`: Markdown by extension; a text
    /// file is hard-wrapped when its longest line is terminal-wide or less and at least a
    /// third of its lines come within a fifth of that width (a wrapped text's lines fill it).
    pub fn of(name: &str, text: &str) -> Flavor {
        let body = front_matter::parse(text).map_or(0, |f| f.range.end);
        let text = &text[body..];
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return Flavor::Markdown;
        }
        let widths: Vec<usize> = text
            .lines()
            .map(|l| l.trim_end().chars().count())
            .filter(|w| *w > 0)
            .collect();
        let width = widths.iter().copied().max().unwrap_or(0);
        let full = widths.iter().filter(|w| **w * 5 >= width * 4).count();
        if (HARD_WRAP_MIN..=HARD_WRAP_MAX).contains(&width)
            && widths.len() >= 3
            && full * 3 >= widths.len()
        {
            Flavor::HardWrapped { width }
        } else {
            Flavor::Plain
        }
    }
}

impl Display {
    /// `text` line for line: each line a block, each character itself.
    pub fn plain(text: &str) -> Display {
        let mut d = Display::default();
        d.plain_from(text, 0);
        d
    }

    /// Adds `text[from..]` line for line.
    fn plain_from(&mut self, text: &str, from: usize) {
        let d = self;
        let mut at = from;
        for raw in text[from..].split_inclusive('\n') {
            let body = raw.strip_suffix('\n').unwrap_or(raw);
            let body = body.strip_suffix('\r').unwrap_or(body);
            let first = d.cells.len();
            d.cells.extend(body.char_indices().map(|(i, c)| Cell {
                c,
                start: at + i,
                end: at + i + c.len_utf8(),
            }));
            d.push_block(first, 0, 0, at);
            at += raw.len();
        }
        if d.blocks.is_empty() || text.ends_with('\n') {
            d.push_block(d.cells.len(), 0, 0, text.len());
        }
    }

    /// A converted document (PDF, web page, Word file) as the reader shows it: its
    /// paragraphs line for line, and for a PDF a marker block (`── p. 3 ──`) where each
    /// page starts. A page that starts inside a paragraph splits the shown paragraph there
    /// (at the start of the word it falls in), so the marker sits where the page breaks.
    /// Without `pages` this is [`Display::plain`]: a converted text has no front matter.
    pub fn paged(text: &str, pages: &[Range<usize>]) -> Display {
        let mut d = Display::default();
        if pages.is_empty() {
            d.plain_from(text, 0);
            return d;
        }
        d.page_starts = page_starts(text, pages);
        let starts = d.page_starts.clone();
        let mut next = 0; // the page whose marker is due next
        let mut at = 0;
        for raw in text.split_inclusive('\n') {
            let body = raw.strip_suffix('\n').unwrap_or(raw);
            let body = body.strip_suffix('\r').unwrap_or(body);
            let end = at + body.len();
            let mut from = at;
            while next < starts.len() && starts[next] <= end {
                let b = starts[next].max(from);
                if b > from {
                    d.push_cells(text, from..b);
                }
                next += 1;
                d.page_marker(next, b);
                from = b;
            }
            // A line the markers split keeps only what is left of it; a blank line stays.
            if from == at || from < end {
                d.push_cells(text, from..end);
            }
            at += raw.len();
        }
        while next < starts.len() {
            next += 1;
            d.page_marker(next, text.len());
        }
        if text.ends_with('\n') {
            d.push_block(d.cells.len(), 0, 0, text.len());
        }
        d
    }

    /// A block of `text[range]` (no line break in it), each character itself.
    fn push_cells(&mut self, text: &str, range: Range<usize>) {
        let first = self.cells.len();
        self.cells
            .extend(text[range.clone()].char_indices().map(|(i, c)| Cell {
                c,
                start: range.start + i,
                end: range.start + i + c.len_utf8(),
            }));
        self.push_block(first, 0, 0, range.start);
    }

    /// The marker block of page `n`, at byte `at`: cells that stand for no byte.
    fn page_marker(&mut self, n: usize, at: usize) {
        let first = self.cells.len();
        let label = format!("── p. {n} ──");
        self.cells.extend(label.chars().map(|c| Cell {
            c,
            start: at,
            end: at,
        }));
        self.push_block(first, 0, 0, at);
        if let Some(b) = self.blocks.last_mut() {
            b.kind = Kind::Page(n);
        }
    }

    /// The page (1-based) byte `at` is on, by the markers: the last page starting at or
    /// before it (a binary search, cheap at every frame). `None` without pages.
    pub fn page_at(&self, at: usize) -> Option<usize> {
        if self.page_starts.is_empty() {
            return None;
        }
        Some(self.page_starts.partition_point(|&s| s <= at).max(1))
    }

    /// `text` as the reader shows a file of this flavor: its front matter as a header (its
    /// title, then its date and source), then the rest.
    pub fn read(text: &str, flavor: Flavor) -> Display {
        let mut d = Display::default();
        let mut body = 0;
        if let Some(fm) = front_matter::parse(text) {
            d.header(&fm);
            body = fm.range.end;
        }
        d.body = d.cells.len();
        match flavor {
            Flavor::Plain => {
                d.plain_from(text, body);
                d
            }
            Flavor::HardWrapped { width } => Reflow::new(text, body, Some(width), d).run_into(),
            Flavor::Markdown => Reflow::new(text, body, None, d).run_into(),
        }
    }

    /// Whether any character of the file's `start..end` is shown in the text (not in the
    /// header, not markup): a sentence that is all comment or front matter is not.
    pub fn shows(&self, start: usize, end: usize) -> bool {
        let body = &self.cells[self.body..];
        let i = body.partition_point(|c| c.end <= start);
        // A page marker's cells stand for no byte: they show nothing of the file.
        body[i..]
            .iter()
            .take_while(|c| c.start < end)
            .any(|c| !c.c.is_whitespace() && c.end > c.start)
    }

    fn header(&mut self, fm: &FrontMatter) {
        self.front_matter = Some(fm.range.clone());
        let none = Field {
            value: String::new(),
            span: 0..0,
        };
        let source = fm.source.as_ref().unwrap_or(&none);
        let add = |d: &mut Display, fields: &[&Field], kind: Kind| {
            let first = d.cells.len();
            for (k, field) in fields.iter().enumerate() {
                if k > 0 {
                    d.cells.extend(" · ".chars().map(|c| Cell {
                        c,
                        start: fm.range.start,
                        end: fm.range.start,
                    }));
                }
                let value = field.value.split_whitespace().collect::<Vec<_>>().join(" ");
                let value = match std::ptr::eq(*field, source) {
                    true => short_source(&value),
                    false => value,
                };
                d.cells.extend(value.chars().map(|c| Cell {
                    c,
                    start: field.span.start,
                    end: field.span.end,
                }));
            }
            if d.cells.len() > first {
                d.push_block(first, 0, 0, fm.range.start);
                if let Some(b) = d.blocks.last_mut() {
                    b.kind = kind;
                }
            }
        };
        if let Some(title) = &fm.title {
            add(self, &[title], Kind::Title);
        }
        let meta: Vec<&Field> = [&fm.date, &fm.source].into_iter().flatten().collect();
        add(self, &meta, Kind::Meta);
        if !self.blocks.is_empty() {
            self.push_block(self.cells.len(), 0, 0, fm.range.end);
        }
    }

    fn push_block(&mut self, first: usize, indent: usize, hang: usize, at: usize) {
        self.blocks.push(Block {
            cells: first..self.cells.len(),
            indent,
            hang,
            at,
            kind: Kind::Text,
        });
    }

    /// The file spans where `pattern` occurs in the text as shown (after the header, a
    /// line break between blocks), both folded as the finder folds them (case, accents,
    /// marks below, ligatures, quotes: `krakow` finds "Kraków"): search finds what the
    /// reader sees — across a file's line breaks and markup, never in a URL, a comment, the
    /// front matter or a page marker — and lands on bytes. A line a page marker split is
    /// searched as one.
    pub fn find_all(&self, pattern: &str) -> Vec<(usize, usize)> {
        let needle = crate::search::fuzzy::fold_str(pattern);
        if needle.is_empty() {
            return Vec::new();
        }
        // The shown text folded character by character; for each folded character where
        // it starts and the cells it stands for (a mark dropped by the folding joins the
        // letter before it; none for a break between blocks).
        let mut folded = String::new();
        let mut at: Vec<(usize, Option<(usize, usize)>)> = Vec::new();
        // The end byte of the last text block, while only page markers came after it.
        let mut split_at: Option<usize> = None;
        let mut marker = false;
        for b in &self.blocks {
            if b.cells.start < self.body {
                continue;
            }
            if let Kind::Page(_) = b.kind {
                marker = true;
                continue;
            }
            let first = self
                .cells
                .get(b.cells.start)
                .filter(|_| !b.cells.is_empty());
            let joined =
                marker && matches!((split_at, first), (Some(end), Some(c)) if c.start == end);
            marker = false;
            if joined {
                // The rest of the line the marker split: no line break before it.
                at.pop();
                folded.pop();
            }
            for i in b.cells.clone() {
                let before = folded.len();
                crate::search::fuzzy::fold_into(self.cells[i].c, &mut folded);
                if folded.len() > before {
                    at.push((before, Some((i, i))));
                } else if let Some((_, Some((_, last)))) = at.last_mut() {
                    *last = i;
                }
            }
            at.push((folded.len(), None));
            folded.push('\n');
            split_at = b.cells.clone().last().map(|i| self.cells[i].end);
        }
        // The cells of the folded character that holds `byte`.
        let cells = |byte: usize| at[at.partition_point(|(b, _)| *b <= byte) - 1].1;
        folded
            .match_indices(needle.as_str())
            .filter_map(|(start, m)| {
                let (first, _) = cells(start)?;
                let (_, last) = cells(start + m.len() - 1)?;
                Some((self.cells[first].start, self.cells[last].end))
            })
            .collect()
    }

    /// The characters shown, block by block, one line each (tests and debugging).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            out.extend(std::iter::repeat_n(' ', b.indent));
            out.extend(self.cells[b.cells.clone()].iter().map(|c| c.c));
            out.push('\n');
        }
        out
    }
}

/// Where each page's marker goes: at the page's first word. A page that starts on white
/// space (the blank line between two paragraphs) starts at the text after it; one that
/// starts inside a word (a word hyphenated across the page break, joined again) at the
/// start of that word. Never before the previous page's marker.
fn page_starts(text: &str, pages: &[Range<usize>]) -> Vec<usize> {
    let mut starts: Vec<usize> = Vec::with_capacity(pages.len());
    for page in pages {
        let mut at = page.start.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let word = |c: char| !c.is_whitespace();
        let before = text[..at].chars().next_back();
        match text[at..].chars().next() {
            Some(c) if word(c) && before.is_some_and(word) => {
                at = text[..at].rfind(char::is_whitespace).map_or(0, |i| {
                    i + text[i..].chars().next().map_or(1, char::len_utf8)
                });
            }
            _ => {
                at = text[at..].find(word).map_or(text.len(), |i| at + i);
            }
        }
        let floor = starts.last().copied().unwrap_or(0);
        starts.push(at.max(floor));
    }
    starts
}

/// One line of the file: `text[start..end]` without its line break.
#[derive(Debug, Clone, Copy)]
struct SourceLine {
    start: usize,
    end: usize,
}

/// What a line starts, after its indentation.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Opens {
    Blank,
    Heading {
        text_at: usize,
    },
    /// A list item: the marker's bytes, what is shown for it, where its text starts.
    Item {
        marker: Range<usize>,
        shown: String,
        text_at: usize,
    },
    Rule,
    /// A row of a pipe table (Markdown).
    TableRow,
    Text,
}

/// Builds the blocks of a Markdown or hard-wrapped file.
struct Reflow<'a> {
    text: &'a str,
    /// `Some(width)` for a hard-wrapped text file, `None` for Markdown.
    wrapped_at: Option<usize>,
    lines: Vec<SourceLine>,
    /// The markup of a Markdown file, sorted ([`markup::hidden`]: the one list of which
    /// bytes are markup, shared with the extractor); none in a text file.
    markup: Vec<Hidden>,
    out: Display,
}

impl<'a> Reflow<'a> {
    fn new(text: &'a str, from: usize, wrapped_at: Option<usize>, out: Display) -> Self {
        let mut lines = Vec::new();
        let mut at = from;
        for raw in text[from..].split_inclusive('\n') {
            let body = raw.strip_suffix('\n').unwrap_or(raw);
            let body = body.strip_suffix('\r').unwrap_or(body);
            lines.push(SourceLine {
                start: at,
                end: at + body.len(),
            });
            at += raw.len();
        }
        let markup = match wrapped_at {
            None => markup::hidden(text, from),
            Some(_) => Vec::new(),
        };
        Reflow {
            text,
            wrapped_at,
            lines,
            markup,
            out,
        }
    }

    fn markdown(&self) -> bool {
        self.wrapped_at.is_none()
    }

    /// The markup holding byte `at`, if any.
    fn markup_at(&self, at: usize) -> Option<&Hidden> {
        let i = self.markup.partition_point(|h| h.range.start <= at);
        self.markup[..i].last().filter(|h| at < h.range.end)
    }

    /// Markup that stands apart from the words like white space: an HTML comment, a block
    /// tag, an autolink. A line of nothing else is blank, and it does not indent a line.
    fn is_blank_markup(&self, h: &Hidden) -> bool {
        h.as_space && self.text[h.range.start..].starts_with('<')
    }

    /// Where `line`'s block structure is read (its heading marks, list marker and
    /// indentation): its first character that is neither white space nor a comment or tag.
    fn lead(&self, line: SourceLine) -> Option<usize> {
        let mut at = line.start;
        while at < line.end {
            if let Some(h) = self.markup_at(at).filter(|h| self.is_blank_markup(h)) {
                at = h.range.end;
                continue;
            }
            let c = self.text[at..].chars().next()?;
            if !c.is_whitespace() {
                return Some(at);
            }
            at += c.len_utf8();
        }
        None
    }

    fn opens(&self, line: SourceLine) -> Opens {
        let Some(at) = self.lead(line) else {
            return Opens::Blank;
        };
        let rest = &self.text[at..line.end];
        if self.markdown() {
            let hashes = rest.len() - rest.trim_start_matches('#').len();
            if (1..=6).contains(&hashes) && rest[hashes..].starts_with([' ', '\t'])
                || hashes == rest.len() && hashes > 0
            {
                return Opens::Heading {
                    text_at: at + hashes,
                };
            }
            if rest.starts_with('|') {
                return Opens::TableRow;
            }
            let squeezed: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
            if squeezed.len() >= 3
                && ["-", "*", "_"]
                    .iter()
                    .any(|m| squeezed.chars().all(|c| c.to_string() == *m))
            {
                return Opens::Rule;
            }
        }
        match item_marker(rest) {
            Some(len) => {
                let marker = &rest[..len];
                let shown = if self.markdown() && matches!(marker, "-" | "*" | "+") {
                    "•".to_string()
                } else {
                    marker.to_string()
                };
                let text_at = at + len + (rest[len..].len() - rest[len..].trim_start().len());
                Opens::Item {
                    marker: at..at + len,
                    shown,
                    text_at,
                }
            }
            None => Opens::Text,
        }
    }

    /// Columns of indentation before `line`'s first visible character.
    fn indent_of(&self, line: SourceLine) -> usize {
        self.lead(line).map_or(0, |at| {
            self.text[line.start..at]
                .chars()
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum()
        })
    }

    fn run_into(mut self) -> Display {
        // The content columns of the open list items, in the file and on screen.
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        let mut blank_at: Option<usize> = None;
        while i < self.lines.len() {
            let line = self.lines[i];
            let opens = self.opens(line);
            if opens == Opens::Blank {
                blank_at.get_or_insert(line.start);
                i += 1;
                continue;
            }
            let source_indent = self.indent_of(line);
            if let Some(at) = blank_at.take()
                && !self.out.blocks.is_empty()
            {
                self.blank(at);
            }
            let (indent, hang, start_at, mut raw) = match &opens {
                Opens::Heading { text_at } => {
                    items.clear();
                    let raw = self.line_cells(line, *text_at);
                    self.finish(heading_text(raw), 0, 0, line.start);
                    i += 1;
                    continue;
                }
                Opens::Rule => {
                    items.clear();
                    let first = self.out.cells.len();
                    self.out.cells.extend(std::iter::repeat_n(
                        Cell {
                            c: '─',
                            start: line.start,
                            end: line.end,
                        },
                        3,
                    ));
                    self.out.push_block(first, 0, 0, line.start);
                    i += 1;
                    continue;
                }
                Opens::TableRow => {
                    let rule = self.text[line.start..line.end]
                        .chars()
                        .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
                    if !rule {
                        self.table_row(line);
                    }
                    i += 1;
                    continue;
                }
                Opens::Item {
                    marker,
                    shown,
                    text_at,
                } => {
                    while items.last().is_some_and(|(src, _)| *src > source_indent) {
                        items.pop();
                    }
                    let indent = items.last().map_or(0, |(_, shown)| *shown).min(MAX_INDENT);
                    let width = shown.chars().count() + 1;
                    let hang = (indent + width).min(MAX_INDENT);
                    let source_col =
                        source_indent + self.text[marker.start..*text_at].chars().count();
                    items.push((source_col, hang));
                    let mut raw: Vec<Cell> = shown
                        .chars()
                        .map(|c| Cell {
                            c,
                            start: marker.start,
                            end: marker.end,
                        })
                        .collect();
                    raw.push(Cell {
                        c: ' ',
                        start: marker.end,
                        end: *text_at,
                    });
                    (indent, hang, *text_at, raw)
                }
                _ => {
                    // A paragraph under a list item's text belongs to it.
                    while items.last().is_some_and(|(src, _)| *src > source_indent) {
                        items.pop();
                    }
                    let indent = match source_indent {
                        0 => 0,
                        _ => items.last().map_or(0, |(_, shown)| *shown),
                    };
                    let at = self.lead(line).unwrap_or(line.start);
                    (indent, indent, at, Vec::new())
                }
            };
            raw.extend(self.line_cells(line, start_at));
            i += 1;
            // The lines that continue the block.
            while i < self.lines.len() {
                let next = self.lines[i];
                let opens = self.opens(next);
                let joins = match opens {
                    Opens::Text => true,
                    Opens::Rule => self.markdown(), // a closing `***` on its own line
                    _ => false,
                };
                if !joins {
                    break;
                }
                let Some(first) = self.lead(next) else {
                    break;
                };
                if self.markdown()
                    && matches!(self.text[first..next.end].trim_end(), s if s.chars().all(|c| c == '=') || s.chars().all(|c| c == '-'))
                {
                    // A setext underline: the block was a heading.
                    raw = heading_text(raw);
                    i += 1;
                    break;
                }
                let prev = self.lines[i - 1];
                if let Some(width) = self.wrapped_at {
                    let shown = self.text[prev.start..prev.end].trim_end().chars().count();
                    let word = self.text[first..next.end]
                        .split_whitespace()
                        .next()
                        .map_or(0, |w| w.chars().count());
                    if shown + 1 + word <= width {
                        break; // the word would have fitted: the break was meant
                    }
                }
                let hard = self.markdown() && {
                    let body = &self.text[prev.start..prev.end];
                    body.ends_with("  ") || body.ends_with('\\')
                };
                let (ends, c) = match hard {
                    true => {
                        // Drop the `\` of a backslash break with the rest.
                        let body = &self.text[prev.start..prev.end];
                        let kept = body.trim_end_matches([' ', '\t', '\\']).len();
                        while raw.last().is_some_and(|c| c.start >= prev.start + kept) {
                            raw.pop();
                        }
                        (prev.start + kept, HARD_BREAK)
                    }
                    false => (prev.end, ' '),
                };
                raw.push(Cell {
                    c,
                    start: ends.min(prev.end),
                    end: first,
                });
                raw.extend(self.line_cells(next, first));
                i += 1;
            }
            self.finish(raw, indent, hang, start_at);
        }
        if self.out.blocks.is_empty() {
            self.out.push_block(0, 0, 0, self.text.len());
        }
        self.out
    }

    /// A table row on a line of its own, its cells parted by `│` (the outer pipes dropped).
    fn table_row(&mut self, line: SourceLine) {
        let cells = collapse_space(self.line_cells(line, line.start));
        // A pipe parts cells unless escaped (`\|`: its backslash is markup, not shown).
        let escaped = |c: &Cell| self.text[..c.start].ends_with('\\');
        let mut cells: Vec<Cell> = cells
            .into_iter()
            .map(|c| match c.c == '|' && !escaped(&c) {
                true => Cell { c: '│', ..c },
                false => c,
            })
            .collect();
        if cells.first().is_some_and(|c| c.c == '│') {
            cells.remove(0);
        }
        if cells.last().is_some_and(|c| c.c == '│') {
            cells.pop();
        }
        let cells = collapse_space(cells);
        let cells = match cells.first() {
            Some(c) if c.c == ' ' => cells[1..].to_vec(),
            _ => cells,
        };
        if cells.is_empty() {
            return;
        }
        let first = self.out.cells.len();
        self.out.cells.extend(cells);
        self.out.push_block(first, 0, 0, line.start);
    }

    fn blank(&mut self, at: usize) {
        if self.out.blocks.last().is_some_and(|b| b.cells.is_empty()) {
            return;
        }
        let first = self.out.cells.len();
        self.out.push_block(first, 0, 0, at);
    }

    /// The cells of `line` from `from`, markup left out: markup that stands between words
    /// (a URL, a comment, a block tag) is one space standing for its bytes.
    fn line_cells(&self, line: SourceLine, from: usize) -> Vec<Cell> {
        let mut out = Vec::new();
        let mut at = from;
        while at < line.end {
            if let Some(h) = self.markup_at(at) {
                if h.as_space {
                    out.push(Cell {
                        c: ' ',
                        start: at,
                        end: h.range.end.min(line.end),
                    });
                }
                at = h.range.end;
                continue;
            }
            let Some(c) = self.text[at..].chars().next() else {
                break;
            };
            out.push(Cell {
                c,
                start: at,
                end: at + c.len_utf8(),
            });
            at += c.len_utf8();
        }
        out
    }

    /// Adds a block of raw cells, its white space rendered, unless nothing of it is left
    /// to show.
    fn finish(&mut self, raw: Vec<Cell>, indent: usize, hang: usize, at: usize) {
        let cells = match self.markdown() {
            true => collapse_space(raw),
            false => trim(raw),
        };
        if cells.iter().all(|c| c.c.is_whitespace()) {
            return;
        }
        let first = self.out.cells.len();
        self.out.cells.extend(cells);
        self.out.push_block(first, indent, hang, at);
    }
}

/// A source as the header shows it: a web address by its host (`example.org/…`), the
/// whole address being too long to read at a glance; anything else as it is.
fn short_source(value: &str) -> String {
    let Some((_, rest)) = value.split_once("://") else {
        return value.to_string();
    };
    match rest.split_once('/') {
        Some((host, path)) if !path.is_empty() => format!("{host}/…"),
        Some((host, _)) => host.to_string(),
        None => rest.to_string(),
    }
}

/// A heading's cells without its closing `#`s.
fn heading_text(mut raw: Vec<Cell>) -> Vec<Cell> {
    while raw.last().is_some_and(|c| c.c.is_whitespace()) {
        raw.pop();
    }
    let hashes = raw.iter().rev().take_while(|c| c.c == '#').count();
    if hashes > 0 && hashes < raw.len() && raw[raw.len() - hashes - 1].c.is_whitespace() {
        raw.truncate(raw.len() - hashes);
    }
    raw
}

/// The length of a list marker `rest` starts with, followed by white space: `-`, `*`,
/// `+`, `•`, `1.`, `1)`, `a.`, `a)`, `(a)`, `(iv)`, `(12)`.
fn item_marker(rest: &str) -> Option<usize> {
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    let len = match first {
        '-' | '*' | '+' | '•' | '–' => first.len_utf8(),
        '(' => {
            let close = rest.find(')')?;
            let inner = &rest[1..close];
            (!inner.is_empty()
                && inner.len() <= 4
                && inner.chars().all(|c| c.is_ascii_alphanumeric()))
            .then_some(close + 1)?
        }
        c if c.is_ascii_digit() => {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            (digits <= 3 && rest[digits..].starts_with(['.', ')'])).then_some(digits + 1)?
        }
        c if c.is_ascii_alphabetic() => rest[1..].starts_with(['.', ')']).then_some(2)?,
        _ => return None,
    };
    let after = rest[len..].chars().next()?;
    (after == ' ' || after == '\t').then_some(len)
}

/// Runs of white space shown as one space (spanning all of it), none at the ends of the
/// block or around a hard break.
fn collapse_space(cells: Vec<Cell>) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    for cell in cells {
        let space = cell.c.is_whitespace() && cell.c != HARD_BREAK;
        match out.last_mut() {
            Some(last) if space && (last.c == ' ' || last.c == HARD_BREAK) => {
                last.end = last.end.max(cell.end);
            }
            None if cell.c.is_whitespace() => {}
            Some(last) if cell.c == HARD_BREAK && last.c == ' ' => {
                *last = Cell {
                    c: HARD_BREAK,
                    start: last.start,
                    end: cell.end,
                };
            }
            _ => out.push(Cell {
                c: if space { ' ' } else { cell.c },
                ..cell
            }),
        }
    }
    trim(out)
}

/// Without white space at the end (or hard breaks).
fn trim(mut cells: Vec<Cell>) -> Vec<Cell> {
    while cells.last().is_some_and(|c| c.c.is_whitespace()) {
        cells.pop();
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Display {
        Display::read(text, Flavor::Markdown)
    }

    /// Every cell that is the character it shows maps back to that character's bytes.
    fn assert_exact(text: &str, d: &Display) {
        for cell in &d.cells[d.body..] {
            let source = &text[cell.start..cell.end];
            let one = source.chars().count() == 1;
            let drawn = ['•', '─', '│'].contains(&cell.c) || cell.c.is_whitespace();
            if one && !drawn {
                assert_eq!(source, cell.c.to_string(), "{cell:?}");
            }
        }
        let starts: Vec<usize> = d.cells[d.body..].iter().map(|c| c.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "in file order");
    }

    #[test]
    fn a_hard_wrapped_paragraph_is_one_block_and_markup_is_not_shown() {
        let text = "The board met on 16\nSeptember and agreed a **five-year**\n    plan, see\n[the plan](https://example.org/2030/plan.pdf) and `code`.\n";
        let d = md(text);
        assert_eq!(
            d.text(),
            "The board met on 16 September and agreed a five-year plan, see the plan and code.\n"
        );
        assert_exact(text, &d);
        // The soft space stands for the line break and the indentation it replaces.
        let soft = d
            .cells
            .iter()
            .find(|c| text[c.start..c.end].len() > 2)
            .unwrap();
        assert_eq!((soft.c, &text[soft.start..soft.end]), (' ', "\n    "));
        let url = text.find("2030").unwrap();
        assert!(!d.shows(url, url + 4), "the link target is not shown");
    }

    #[test]
    fn escapes_comments_and_tags_are_rendered() {
        let text = "\\### Next steps\n\nThe file IP\\_25\\_712 <!-- a note -->is <sup>1</sup>here.\n\n<!-- -->\n\n# Heading #\n";
        let d = md(text);
        assert_eq!(
            d.text(),
            "### Next steps\n\nThe file IP_25_712 is 1here.\n\nHeading\n"
        );
        // The escaped character is itself; its backslash is in no cell.
        let escaped = d.cells.iter().find(|c| c.c == '_').unwrap();
        assert_eq!(&text[escaped.start - 1..escaped.end], "\\_");
        assert!(d.cells.iter().all(|c| &text[c.start..c.end] != "\\"));
    }

    #[test]
    fn list_items_keep_their_marker_and_hang_under_their_text() {
        let text = "-   **Funding.** We will pay\n    €3 million.\n    -   A nested point\n        wrapped.\n1.  A numbered item\n2.  and another\n";
        let d = md(text);
        assert_eq!(
            d.text(),
            "• Funding. We will pay €3 million.\n  • A nested point wrapped.\n1. A numbered item\n2. and another\n"
        );
        let hangs: Vec<(usize, usize)> = d.blocks.iter().map(|b| (b.indent, b.hang)).collect();
        assert_eq!(hangs, [(0, 2), (2, 4), (0, 3), (0, 3)]);
        assert_exact(text, &d);
    }

    #[test]
    fn stray_emphasis_markers_are_dropped_but_a_lone_asterisk_is_kept() {
        let text = "**Lead. **The rest*,* and 3 * 4.\n\n***Heading  \n***  \nBody text.\n";
        assert_eq!(
            md(text).text(),
            // The line of closing markers is left empty between its two hard breaks.
            "Lead. The rest, and 3 * 4.\n\nHeading\n\nBody text.\n"
        );
    }

    /// What the reader's search finds for `pattern` in `d`, as the text of each match.
    fn found<'a>(d: &Display, text: &'a str, pattern: &str) -> Vec<&'a str> {
        d.find_all(pattern)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn search_finds_what_is_shown_on_its_bytes() {
        let text = "---\ntitle: The joint plan\n---\nThe **five-year\n    programme** is a [joint plan](https://x.org/plan)\nfor the <!-- plan --> quays.\n";
        let d = md(text);
        let find = |p: &str| found(&d, text, p);
        // Across a line break and emphasis marks; the link text but not its URL, the
        // comment or the title in the front matter.
        assert_eq!(find("five-year programme"), ["five-year\n    programme"]);
        assert_eq!(find("plan"), ["plan"]);
        assert_eq!(
            find("joint plan for"),
            ["joint plan](https://x.org/plan)\nfor"]
        );
        assert!(find("x.org").is_empty());
    }

    #[test]
    fn search_folds_case_accents_and_marks_below_as_the_finder_does() {
        let text = "Trains from KRAKÓW to Iași and Ias\u{326}i, a “ﬁnal” plan.\n";
        let d = Display::plain(text);
        let find = |p: &str| found(&d, text, p);
        assert_eq!(find("krakow"), ["KRAKÓW"]);
        // Precomposed and decomposed comma below; the decomposed mark is inside the span.
        assert_eq!(find("iasi"), ["Iași", "Ias\u{326}i"]);
        assert_eq!(find("IAȘI"), ["Iași", "Ias\u{326}i"]);
        // A ligature spelt out, curly quotes as plain ones.
        assert_eq!(find("\"final\""), ["“ﬁnal”"]);
        assert_eq!(find("inal"), ["ﬁnal"]);
        assert!(find("xyz").is_empty());
    }

    #[test]
    fn the_front_matter_is_the_header_not_text() {
        let text = "---\ndate: '2024-09-17'\ntitle: \"Harbour plan\"\nsource_url: https://example.org/a/b\n---\nThe text.\n";
        let d = md(text);
        assert_eq!(
            d.text(),
            "Harbour plan\n2024-09-17 · example.org/…\n\nThe text.\n"
        );
        assert_eq!(d.blocks[0].kind, Kind::Title);
        assert!(
            !d.shows(0, text.find("The").unwrap()),
            "no sentence in the header"
        );
        assert!(d.shows(text.find("The").unwrap(), text.len()));
    }

    #[test]
    fn a_plain_text_file_is_shown_line_for_line_unless_hard_wrapped() {
        let long = "word ".repeat(40);
        let plain = format!("{long}\nA short line\nAnother\n");
        assert_eq!(Flavor::of("a.txt", &plain), Flavor::Plain);
        assert_eq!(Display::read(&plain, Flavor::Plain), Display::plain(&plain));
        let wrapped = "The ministers met in Calais on Thursday and agreed to\n\
                       strengthen the cooperation between their police forces.\n\
                       \n\
                       Signed:\n\
                       Ann Smith\n\
                       - a list item that the file wrapped at the width of all\n  \
                       its lines.\n";
        let flavor = Flavor::of("a.txt", wrapped);
        assert!(matches!(flavor, Flavor::HardWrapped { .. }), "{flavor:?}");
        assert_eq!(
            Display::read(wrapped, flavor).text(),
            "The ministers met in Calais on Thursday and agreed to strengthen the cooperation between their police forces.\n\
             \n\
             Signed:\n\
             Ann Smith\n\
             - a list item that the file wrapped at the width of all its lines.\n"
        );
    }

    /// Three invented pages: the second starts inside a paragraph (in the middle of the
    /// word "harbour", joined again across the break), the third after a blank line.
    fn three_pages() -> (String, Vec<Range<usize>>) {
        let text = "The council met in March.\n\nIt agreed to fund the harbour works by 2027.\n\nA second paragraph.\n";
        let mid = text.find("bour").unwrap();
        let third = text.find("\n\nA second").unwrap();
        (
            text.to_string(),
            vec![0..mid, mid..third, third..text.len()],
        )
    }

    #[test]
    fn a_pdf_shows_a_marker_where_each_page_starts_splitting_its_paragraph() {
        let (text, pages) = three_pages();
        let d = Display::paged(&text, &pages);
        assert_eq!(
            d.text(),
            "── p. 1 ──\nThe council met in March.\n\nIt agreed to fund the \n── p. 2 ──\n\
             harbour works by 2027.\n\n── p. 3 ──\nA second paragraph.\n\n"
        );
        let kinds: Vec<Kind> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds.iter().filter(|k| matches!(k, Kind::Page(_))).count(),
            3
        );
        assert_eq!(kinds[4], Kind::Page(2));
        // The marker of page 2 stands at the start of the word the page broke, not inside it.
        let harbour = text.find("harbour").unwrap();
        assert_eq!(d.page_starts, [0, harbour, text.find("A second").unwrap()]);
        assert_eq!(d.page_at(0), Some(1));
        assert_eq!(d.page_at(harbour - 1), Some(1));
        assert_eq!(d.page_at(harbour), Some(2));
        assert_eq!(d.page_at(text.len()), Some(3));
        assert_eq!(Display::plain(&text).page_at(0), None);
        assert_exact(&text, &d);
    }

    #[test]
    fn page_markers_are_not_text_and_keep_the_cells_in_order() {
        let (text, pages) = three_pages();
        let d = Display::paged(&text, &pages);
        let starts: Vec<usize> = d.cells.iter().map(|c| c.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "sorted by byte");
        // Every byte of the text is in exactly the cells it was in without pages.
        let real: Vec<Cell> = d
            .cells
            .iter()
            .copied()
            .filter(|c| c.end > c.start)
            .collect();
        assert_eq!(real, Display::plain(&text).cells);
        let find = |p: &str| found(&d, &text, p);
        assert!(find("p. 2").is_empty(), "the marker is not searched");
        assert!(find("──").is_empty());
        // The paragraph the marker split is still searched as one line.
        assert_eq!(find("the harbour works"), ["the harbour works"]);
        assert_eq!(find("March. It"), Vec::<&str>::new());
        // A sentence around the marker is shown; the marker alone shows nothing.
        let harbour = text.find("harbour").unwrap();
        assert!(d.shows(harbour - 4, harbour + 3));
        let marker = d.cells.iter().find(|c| c.c == '─').unwrap();
        assert!(!d.shows(marker.start, marker.start));
    }

    #[test]
    fn pages_with_no_text_still_get_their_marker_in_order() {
        let text = "Only page one has words.";
        let end = text.len();
        let d = Display::paged(text, &[0..end, end..end, end..end]);
        assert_eq!(
            d.text(),
            "── p. 1 ──\nOnly page one has words.\n── p. 2 ──\n── p. 3 ──\n"
        );
        assert_eq!(d.page_starts, [0, end, end]);
        assert_eq!(Display::paged(text, &[]), Display::plain(text));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Whatever the text and wherever its pages break (even inside a character), the
        /// markers come in page order, the file's own cells are exactly those of the plain
        /// display, in byte order, and every width wraps it.
        #[test]
        fn paged_keeps_the_display_invariants(
            words in proptest::collection::vec("[a-zé€ ]{0,8}|\n|\n\n", 0..40),
            cuts in proptest::collection::vec(0usize..400, 0..6),
        ) {
            let text: String = words.concat();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (text.len() + 1)).collect();
            cuts.sort_unstable();
            let mut bounds = vec![0];
            bounds.extend(cuts);
            bounds.push(text.len());
            let pages: Vec<Range<usize>> = bounds.windows(2).map(|w| w[0]..w[1]).collect();
            let d = Display::paged(&text, &pages);
            let markers: Vec<usize> = d
                .blocks
                .iter()
                .filter_map(|b| match b.kind {
                    Kind::Page(n) => Some(n),
                    _ => None,
                })
                .collect();
            proptest::prop_assert_eq!(markers, (1..=pages.len()).collect::<Vec<_>>());
            let starts: Vec<usize> = d.cells.iter().map(|c| c.start).collect();
            proptest::prop_assert!(starts.windows(2).all(|w| w[0] <= w[1]));
            let real: Vec<Cell> = d.cells.iter().copied().filter(|c| c.end > c.start).collect();
            proptest::prop_assert_eq!(real, Display::plain(&text).cells);
            proptest::prop_assert!(d.page_starts.windows(2).all(|w| w[0] <= w[1]));
            proptest::prop_assert!(d.page_starts.iter().all(|&s| text.is_char_boundary(s)));
            for n in 1..=pages.len() {
                let label = format!("p. {}", n);
                proptest::prop_assert!(d.find_all(&label).is_empty());
            }
            proptest::prop_assert!(d.find_all("─").is_empty());
            for width in [1, 7, 30] {
                let lines = crate::app::wrap::wrap_display(&d, width);
                proptest::prop_assert!(lines.windows(2).all(|w| w[0].start <= w[1].start));
            }
        }
    }
}
