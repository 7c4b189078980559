//! Positioned glyphs → reading-order text with pages: cordiale's own PDF layout layer.
//!
//! No PDF crate gives text the splitter can read: all keep hard line breaks and ligature
//! code points, most keep running headers, footers and page numbers, and some read two
//! columns drawn row by row as one interleaved stream. This layer takes only what every
//! glyph source gives (position, advance, font size, character, upright or not) and
//! rebuilds the text: lines, column order, furniture removal, paragraphs, line-end hyphens
//! and page joins (rules 1–10 of `docs/research/issue-17-formats.md`, section 1).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::clean::{self, Clean};
#[cfg(test)]
use super::page_of;

/// One glyph as the PDF draws it, in points, `y` measured from the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Left edge (the glyph's origin).
    pub x: f32,
    /// Baseline, top-down (0 = top of the page).
    pub y: f32,
    /// Advance width (0 when unknown: half the font size per character is assumed).
    pub w: f32,
    /// Font size.
    pub size: f32,
    /// The character drawn.
    pub ch: char,
    /// False for rotated or skewed text (margin notes, watermarks): left out of the flow.
    pub upright: bool,
}

/// One page's glyphs and size (points).
#[derive(Debug, Clone, Default)]
pub struct PageGlyphs {
    /// Page width (NaN when the page's media box cannot be used).
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// The page's glyphs, in the order the PDF gives them.
    pub glyphs: Vec<Glyph>,
}

/// The laid-out text and what was left out of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Laid {
    /// Paragraphs separated by `"\n\n"`, no line break inside one.
    pub text: String,
    /// One contiguous byte range of `text` per page, covering it from 0 to its end.
    pub pages: Vec<Range<usize>>,
    /// 1-based pages that had no glyph at all (scanned pages?), counted before any removal.
    pub empty_pages: Vec<usize>,
    /// Glyphs left out because they were not upright.
    pub rotated: usize,
    /// Running header/footer and page-number lines removed.
    pub furniture_removed: usize,
}

/// A run of glyphs on one baseline, with no wide gap inside.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: String,
    /// Left and right edge of the column the line belongs to (set by [`reading_order`]).
    col: (f32, f32),
    /// Number of lines of the page in that column.
    col_lines: usize,
    /// Width of the line's first word: whether it would have fitted on the line before.
    first_word: f32,
}

/// A paragraph of one page, with what a page-break join needs to know about its ends.
#[derive(Debug, Clone)]
struct Para {
    text: String,
    first: Start,
    last: End,
}

/// A gap wider than this (× font size) between glyphs on one baseline separates two line
/// fragments: this is what takes apart two columns drawn row by row.
const FRAGMENT_GAP: f32 = 2.5;
/// A gap wider than this (× font size) between glyphs is a space.
const SPACE_GAP: f32 = 0.2;
/// The narrowest a space is (× font size), for "would the next word have fitted".
const SPACE_WIDTH: f32 = 0.2;
/// Glyphs whose baselines differ by at most this (× font size) share a line.
const SAME_LINE: f32 = 0.3;
/// Running headers and footers live in the top and bottom this fraction of the page.
const EDGE_ZONE: f32 = 0.12;
/// A running header repeats at the same height: within this many points.
const SAME_HEIGHT: f32 = 3.0;

/// Lays out a document's pages: the whole of rules 1–10.
pub fn lay_out(pages: &[PageGlyphs]) -> Laid {
    let empty_pages = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.glyphs.iter().all(|g| g.ch.is_whitespace()))
        .map(|(i, _)| i + 1)
        .collect();
    let rotated = pages
        .iter()
        .flat_map(|p| &p.glyphs)
        .filter(|g| !g.upright && !g.ch.is_whitespace())
        .count();
    let mut gutters = Vec::with_capacity(pages.len());
    let mut paged: Vec<(f32, Vec<Line>)> = pages
        .iter()
        .map(|p| {
            let (width, height) = page_size(p);
            let (ls, gutter) = reading_order(lines(p), width);
            gutters.push(gutter);
            (height, ls)
        })
        .collect();
    let furniture_removed = remove_furniture(&mut paged);
    for ((_, ls), gutter) in paged.iter_mut().zip(gutters) {
        set_columns(ls, gutter);
    }
    let decide = HyphenJudge::new(&paged);
    let paras: Vec<Vec<Para>> = paged
        .iter()
        .map(|(_, ls)| paragraphs(ls, &decide))
        .collect();
    let (text, pages) = join_pages(&paras, &decide);
    Laid {
        text,
        pages,
        empty_pages,
        rotated,
        furniture_removed,
    }
}

/// The page's size, or the glyphs' extent when the media box is missing or absurd.
fn page_size(p: &PageGlyphs) -> (f32, f32) {
    let sane = |v: f32| v.is_finite() && v > 1.0;
    let extent = |f: fn(&Glyph) -> f32| {
        p.glyphs
            .iter()
            .map(f)
            .filter(|v| v.is_finite())
            .fold(0.0f32, f32::max)
    };
    let width = if sane(p.width) {
        p.width
    } else {
        extent(|g| g.x + g.w.max(0.0)) + 1.0
    };
    let height = if sane(p.height) {
        p.height
    } else {
        extent(|g| g.y) + 1.0
    };
    (width, height)
}

/// A line's characters as every converter cleans them ([`clean::classify`]), except two
/// things only a PDF has: soft hyphens are kept here, for `clean_line` and
/// `append_line` to decide (one at a line end means the word goes on), and the Symbol
/// font bullets Word and LibreOffice map into the Private Use Area become "•".
pub fn normalize_chars(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\u{AD}' => out.push(c),
            '\u{F0B7}' | '\u{F0A7}' | '\u{F0A8}' | '\u{F0D8}' | '\u{F076}' | '\u{F0FC}'
            | '\u{F06E}' | '\u{F02D}' => out.push('•'),
            c => match clean::classify(c) {
                Clean::Keep => out.push(c),
                Clean::Space => out.push(' '),
                Clean::Drop => {}
                Clean::Spelled(s) => out.push_str(s),
            },
        }
    }
}

/// Rule 1: glyphs → line fragments, in top-down order. Glyphs on one baseline but far apart
/// (a column gutter) make separate fragments, so columns drawn row by row come apart.
/// Rotated glyphs are left out.
fn lines(page: &PageGlyphs) -> Vec<Line> {
    let mut glyphs: Vec<Glyph> = page
        .glyphs
        .iter()
        .filter(|g| g.upright && g.x.is_finite() && g.y.is_finite())
        .map(|g| Glyph {
            size: if g.size.is_finite() && g.size > 0.0 {
                g.size
            } else {
                10.0
            },
            w: if g.w.is_finite() { g.w.max(0.0) } else { 0.0 },
            ..g.clone()
        })
        .collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (row[0].y - g.y).abs() <= SAME_LINE * row[0].size.max(g.size) => {
                row.push(g)
            }
            _ => rows.push(vec![g]),
        }
    }
    let mut out = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        split_row(&row, &mut out);
    }
    out.retain(|l| !l.text.is_empty() && !is_drawn_rule(&l.text));
    out
}

/// A line of only dashes, underscores, equals signs or dots: a rule or leader drawn with
/// characters, not prose. Kept, a "---" line opening the text would read as front matter.
fn is_drawn_rule(s: &str) -> bool {
    s.chars().filter(|c| !c.is_whitespace()).count() >= 3
        && s.chars().all(|c| {
            c.is_whitespace() || matches!(c, '-' | '_' | '=' | '—' | '–' | '.' | '…' | '·')
        })
}

/// One row of glyphs (sorted by x) → its fragments, spaces inserted at wide gaps.
fn split_row(row: &[Glyph], out: &mut Vec<Line>) {
    let mut cur: Option<Line> = None;
    for g in row {
        let advance = if g.w > 0.0 { g.w } else { 0.5 * g.size };
        if let Some(line) = cur.as_mut() {
            let gap = g.x - line.x1;
            if gap <= FRAGMENT_GAP * line.size {
                let space = g.ch.is_whitespace() || gap > SPACE_GAP * line.size;
                if space && line.first_word.is_nan() {
                    line.first_word = line.x1 - line.x0;
                }
                if gap > SPACE_GAP * line.size && !line.text.ends_with(' ') && g.ch != ' ' {
                    line.text.push(' ');
                }
                line.text.push(g.ch);
                line.x1 = line.x1.max(g.x + advance);
                continue;
            }
            out.extend(cur.take().map(clean_line));
        }
        if g.ch.is_whitespace() {
            continue;
        }
        cur = Some(Line {
            x0: g.x,
            x1: g.x + advance,
            y: g.y,
            size: g.size,
            text: g.ch.to_string(),
            col: (0.0, 0.0),
            col_lines: 0,
            first_word: f32::NAN,
        });
    }
    out.extend(cur.map(clean_line));
}

/// Rule 3 on a line: characters normalised, whitespace collapsed, soft hyphens kept only at
/// the end, a bullet followed by a space.
fn clean_line(mut line: Line) -> Line {
    if line.first_word.is_nan() {
        line.first_word = line.x1 - line.x0;
    }
    let mut s = String::with_capacity(line.text.len());
    normalize_chars(&line.text, &mut s);
    let mut words: Vec<&str> = s.split_whitespace().collect();
    let soft_end = words.last().is_some_and(|w| w.ends_with('\u{AD}'));
    let mut text = String::with_capacity(s.len());
    if let Some(first) = words.first().copied() {
        // "•Text" drawn without a gap still reads as a marker and its item
        if let Some(rest) = first.strip_prefix('•').filter(|r| !r.is_empty()) {
            words[0] = "•";
            words.insert(1, rest);
        }
    }
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.extend(w.chars().filter(|&c| c != '\u{AD}'));
    }
    if soft_end {
        text.push('\u{AD}');
    }
    line.text = text;
    line
}

/// Which side of the gutter a line lies on: 0 left, 1 across (or no gutter), 2 right.
fn side(l: &Line, gutter: Option<f32>) -> usize {
    match gutter {
        Some(g) if l.x1 <= g => 0,
        Some(g) if l.x0 >= g => 2,
        _ => 1,
    }
}

/// Records each line's column edges and line count (after furniture removal: a running
/// head must not widen the column), which paragraph and page joins use.
fn set_columns(ls: &mut [Line], gutter: Option<f32>) {
    let mut edges = [(f32::INFINITY, f32::NEG_INFINITY, 0usize); 3];
    for l in ls.iter() {
        let e = &mut edges[side(l, gutter)];
        *e = (e.0.min(l.x0), e.1.max(l.x1), e.2 + 1);
    }
    for l in ls.iter_mut() {
        let e = edges[side(l, gutter)];
        l.col = (e.0, e.1);
        l.col_lines = e.2;
    }
}

/// Rule 2: reading order, and the gutter found. Lines that cross the page's gutter (titles,
/// full-width paragraphs) are read in place; between two of them the left column is read
/// before the right one.
fn reading_order(mut ls: Vec<Line>, width: f32) -> (Vec<Line>, Option<f32>) {
    ls.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let gutter = find_gutter(&ls, width);
    if gutter.is_none() {
        return (ls, None);
    }
    let mut out = Vec::with_capacity(ls.len());
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for l in ls {
        match side(&l, gutter) {
            0 => left.push(l),
            2 => right.push(l),
            _ => {
                out.append(&mut left);
                out.append(&mut right);
                out.push(l);
            }
        }
    }
    out.append(&mut left);
    out.append(&mut right);
    (out, gutter)
}

/// An x in the middle 30–70 % of the page that at most 10 % of the long lines cross, with at
/// least 3 long lines on each side; the one with most lines beside it.
fn find_gutter(ls: &[Line], width: f32) -> Option<f32> {
    let body: Vec<&Line> = ls.iter().filter(|l| l.text.len() > 20).collect();
    if body.len() < 6 {
        return None;
    }
    // about 2 pt steps on a usual page, a bounded number of steps on an absurd one
    const STEPS: usize = 120;
    let mut best: Option<(usize, f32)> = None;
    for k in 0..=STEPS {
        let x = width * (0.3 + 0.4 * k as f32 / STEPS as f32);
        let (mut crossing, mut left, mut right) = (0, 0, 0);
        for l in &body {
            if l.x1 <= x {
                left += 1;
            } else if l.x0 >= x {
                right += 1;
            } else {
                crossing += 1;
            }
        }
        let better = best.is_none_or(|(n, _)| left + right > n);
        if crossing * 10 <= body.len() && left >= 3 && right >= 3 && better {
            best = Some((left + right, x));
        }
    }
    best.map(|(_, x)| x)
}

/// True when a line is a page number: "3", "– 3 –", "Page 3 of 4", "p. 3", "3/4", "iv".
fn is_page_number(s: &str) -> bool {
    let t = s
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—') || c.is_whitespace())
        .to_lowercase();
    let t = t
        .strip_prefix("page ")
        .or_else(|| t.strip_prefix("p. "))
        .or_else(|| t.strip_prefix("p."))
        .unwrap_or(&t);
    let number = |p: &str| {
        let p = p.trim();
        !p.is_empty()
            && p.len() <= 8
            && (p.chars().all(|c| c.is_ascii_digit()) || p.chars().all(|c| "ivxlc".contains(c)))
    };
    let mut parts = t.split(" of ").flat_map(|p| p.split('/'));
    parts.next().is_some_and(number) && parts.all(number)
}

/// The text of a line as it repeats from page to page: digits masked, case folded.
fn furniture_text(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect::<String>()
        .to_lowercase()
}

/// Rule 4: removes running headers, footers and page numbers: lines in the top or bottom
/// 12 % of their page that are a page number, or whose text (digits masked) recurs at the
/// same height on at least half the pages (at least 2). The height matters: page 1's title
/// often repeats the running header lower down. Returns how many lines went.
fn remove_furniture(paged: &mut [(f32, Vec<Line>)]) -> usize {
    let in_edge = |h: f32, l: &Line| l.y < h * EDGE_ZONE || l.y > h * (1.0 - EDGE_ZONE);
    // text → (height, page, line index) of every edge line with that text
    let mut seen: HashMap<String, Vec<(f32, usize, usize)>> = HashMap::new();
    for (p, (h, ls)) in paged.iter().enumerate() {
        for (i, l) in ls.iter().enumerate().filter(|(_, l)| in_edge(*h, l)) {
            seen.entry(furniture_text(&l.text))
                .or_default()
                .push((l.y, p, i));
        }
    }
    let need = (paged.len() / 2).max(2);
    let mut drop: HashSet<(usize, usize)> = HashSet::new();
    for mut at in seen.into_values().filter(|v| v.len() >= need) {
        at.sort_by(|a, b| a.0.total_cmp(&b.0));
        // for each occurrence, the pages with the same text within SAME_HEIGHT of it
        let (mut lo, mut hi) = (0, 0);
        for k in 0..at.len() {
            while at[k].0 - at[lo].0 > SAME_HEIGHT {
                lo += 1;
            }
            while hi < at.len() && at[hi].0 - at[k].0 <= SAME_HEIGHT {
                hi += 1;
            }
            let pages: HashSet<usize> = at[lo..hi].iter().map(|a| a.1).collect();
            if pages.len() >= need {
                drop.insert((at[k].1, at[k].2));
            }
        }
    }
    let mut removed = 0;
    for (p, (h, ls)) in paged.iter_mut().enumerate() {
        let h = *h;
        let mut i = 0;
        ls.retain(|l| {
            let gone = drop.contains(&(p, i)) || (in_edge(h, l) && is_page_number(&l.text));
            i += 1;
            removed += usize::from(gone);
            !gone
        });
    }
    removed
}

/// True when a line starts a list item: a bullet or dash, or "1." / "12)" with at most two
/// digits (not "2028." running on from the previous line).
fn starts_item(s: &str) -> bool {
    match s.chars().next() {
        Some('•' | '▪' | '◦' | '●' | '■' | '–' | '—' | '*') => true,
        Some(d) if d.is_ascii_digit() => {
            let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
            let rest = &s[digits..];
            digits <= 2 && (rest.starts_with(". ") || rest.starts_with(") "))
        }
        _ => false,
    }
}

/// Rule 6: whether a line-end hyphen is part of the word, decided from the document's own
/// words. Word and LibreOffice break lines only after real hyphens, typesetters also break
/// syllables; the document's decided cases tell which it is.
struct HyphenJudge {
    /// Words written with a hyphen inside a line somewhere ("storm-surge"), lowercase.
    hyphenated: HashSet<String>,
    /// Words of the document, lowercase, leaving out the fragments around line-end hyphens.
    vocab: HashSet<String>,
    /// What undecided cases follow: the majority of decided ones (ties: join)…
    default_keep: bool,
    /// …when there are enough of them to tell (see [`HyphenJudge::keep`]).
    decided: usize,
}

impl HyphenJudge {
    fn new(paged: &[(f32, Vec<Line>)]) -> HyphenJudge {
        let all: Vec<&Line> = paged.iter().flat_map(|(_, ls)| ls).collect();
        let mut hyphenated = HashSet::new();
        let mut vocab = HashSet::new();
        let mut after_break = false;
        for l in &all {
            for w in l
                .text
                .split(|c: char| c.is_whitespace() || ",.;:()\"“”'‘’".contains(c))
            {
                if w.contains('-') && !w.ends_with('-') && !w.starts_with('-') {
                    hyphenated.insert(w.to_lowercase());
                }
            }
            // the two fragments around a line-end hyphen ("muni-" / "cipalities") are what
            // is being decided: they must not vote
            let breaks = l.text.ends_with(['-', '\u{AD}', '\u{2010}']);
            let words: Vec<&str> = l
                .text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            let n = words.len();
            for (i, w) in words.iter().enumerate() {
                if !((i == 0 && after_break) || (i + 1 == n && breaks)) {
                    vocab.insert(w.to_lowercase());
                }
            }
            after_break = breaks;
        }
        let mut judge = HyphenJudge {
            hyphenated,
            vocab,
            default_keep: false,
            decided: 0,
        };
        let (mut joins, mut keeps) = (0usize, 0usize);
        for pair in all.windows(2) {
            let Some(head) = hyphen_head(&pair[0].text) else {
                continue;
            };
            if !pair[1].text.starts_with(char::is_lowercase) {
                continue;
            }
            match judge.decide(head, word_head(&pair[1].text)) {
                Some(true) => keeps += 1,
                Some(false) => joins += 1,
                None => {}
            }
        }
        judge.default_keep = keeps > joins;
        judge.decided = keeps + joins;
        judge
    }

    /// `Some(true)` keep the hyphen, `Some(false)` join the halves, `None` no evidence.
    fn decide(&self, head: &str, tail: &str) -> Option<bool> {
        let whole = format!("{head}-{tail}").to_lowercase();
        if self.hyphenated.contains(&whole) {
            return Some(true);
        }
        let joined = format!("{head}{tail}").to_lowercase();
        if self.vocab.contains(&joined) {
            return Some(false);
        }
        // the head itself a compound ("one-in-a-hundred-" / "year")
        if head.contains('-') {
            return Some(true);
        }
        let (a, b) = (head.to_lowercase(), tail.to_lowercase());
        let word = |w: &str| w.chars().count() >= 3 && self.vocab.contains(w);
        (word(&a) && word(&b)).then_some(true)
    }

    /// Fewer decided cases than this cannot tell a typeset document from a Word-like one.
    const TELLING: usize = 2;

    /// Undecided, in a document too short to tell: the hyphen stays when the part before it
    /// is a word of its own elsewhere in the text ("long-" / "lasting", "capacity-" /
    /// "building"): a syllable break rarely leaves a whole word of four letters or more
    /// before it ("responsi-", "infra-", "commu-").
    fn keep(&self, head: &str, tail: &str) -> bool {
        match self.decide(head, tail) {
            Some(keep) => keep,
            None if self.decided < Self::TELLING => {
                let head = head.to_lowercase();
                head.chars().count() >= 4 && self.vocab.contains(&head)
            }
            None => self.default_keep,
        }
    }
}

/// The word before a line-end hyphen ("muni" of "… the muni-"), when the line ends with a
/// hyphen after a letter.
fn hyphen_head(s: &str) -> Option<&str> {
    let body = s.strip_suffix('-').or_else(|| s.strip_suffix('\u{2010}'))?;
    if !body.chars().next_back().is_some_and(char::is_alphabetic) {
        return None;
    }
    Some(&body[body.rfind(' ').map_or(0, |i| i + 1)..])
}

/// The first word of a line, up to its first non-alphanumeric character.
fn word_head(s: &str) -> &str {
    s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("")
}

/// Joins a line to a paragraph, undoing a line-end hyphenation (rule 6).
fn append_line(par: &mut String, line: &str, judge: &HyphenJudge) {
    if par.is_empty() {
        par.push_str(line);
        return;
    }
    if par.ends_with('\u{AD}') {
        // a soft hyphen is always a break inside a word
        par.pop();
        par.push_str(line);
        return;
    }
    let hyphen_end = par.ends_with(['-', '\u{2010}']);
    let before_hyphen = par.chars().rev().nth(1);
    let next = line.chars().next();
    // "COVID-" / "19", "non-" / "G20": a hyphen before a digit or a capital is never a
    // syllable break: kept, no space
    if hyphen_end
        && before_hyphen.is_some_and(char::is_alphanumeric)
        && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        par.push_str(line);
        return;
    }
    if next.is_some_and(char::is_lowercase)
        && let Some(head) = hyphen_head(par)
    {
        if !judge.keep(head, word_head(line)) {
            par.pop();
        }
        par.push_str(line);
        return;
    }
    par.push(' ');
    par.push_str(line);
}

/// Rules 5 and 10: one page's lines → paragraphs. A break comes with a gap wider than the
/// page's usual line pitch, a change of font size, a list item, a large change of indent,
/// or a move to the next column after a finished sentence.
fn paragraphs(ls: &[Line], judge: &HyphenJudge) -> Vec<Para> {
    let pitch = line_pitch(ls);
    let mut out: Vec<Para> = Vec::new();
    let mut prev: Option<&Line> = None;
    for l in ls {
        let brk = match prev {
            None => true,
            Some(p) => {
                let gap = l.y - p.y;
                if gap < 0.0 {
                    // the next column: the paragraph goes on when its sentence does (a
                    // finished one at a full line would join too many: columns are short)
                    let before = out.last().map_or("", |q| q.text.as_str());
                    !continues(before, &End::of(p, pitch), &Start::of(l), None)
                } else {
                    gap > pitch * 1.3
                        || starts_item(&l.text)
                        || (l.size - p.size).abs() > 1.0
                        || ((l.x0 - p.x0).abs() > 40.0
                            && gap > pitch * 0.5
                            && !(l.x0 > p.x0 && l.x0 < p.x1))
                }
            }
        };
        match out.last_mut() {
            Some(par) if !brk => {
                append_line(&mut par.text, &l.text, judge);
                par.last = End::of(l, pitch);
            }
            _ => out.push(Para {
                text: l.text.clone(),
                first: Start::of(l),
                last: End::of(l, pitch),
            }),
        }
        prev = Some(l);
    }
    for p in &mut out {
        if p.text.ends_with('\u{AD}') {
            p.text.pop();
        }
    }
    out
}

/// The page's in-paragraph line pitch: the lower quartile of the gaps between lines, capped
/// at 1.6 × the median font size (a page with two lines 80 pt apart has no usual gap).
fn line_pitch(ls: &[Line]) -> f32 {
    let mut gaps: Vec<f32> = ls
        .windows(2)
        .map(|w| w[1].y - w[0].y)
        .filter(|g| *g > 0.0)
        .collect();
    gaps.sort_by(f32::total_cmp);
    let mut sizes: Vec<f32> = ls.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    let body = sizes.get(sizes.len() / 2).copied().unwrap_or(11.0);
    gaps.get(gaps.len() / 4)
        .copied()
        .unwrap_or(body * 1.3)
        .min(body * 1.6)
}

/// How a line ends, for a column or page break after it.
#[derive(Debug, Clone, Copy)]
struct End {
    size: f32,
    /// Room left between the line's end and its column's right edge, `None` when the
    /// column has too few lines to know its edge.
    room: Option<f32>,
    /// Baseline and line pitch: was there room below for more lines?
    y: f32,
    pitch: f32,
}

impl End {
    fn of(l: &Line, pitch: f32) -> End {
        End {
            size: l.size,
            room: (l.col_lines >= 3).then_some(l.col.1 - l.x1),
            y: l.y,
            pitch,
        }
    }
}

/// How a line starts, after a column or page break.
#[derive(Debug, Clone, Copy)]
struct Start {
    size: f32,
    /// Starts right of its column's left edge: a new paragraph's first line.
    indented: bool,
    item: bool,
    first_word: f32,
}

impl Start {
    fn of(l: &Line) -> Start {
        Start {
            size: l.size,
            indented: l.x0 - l.col.0 > 0.5 * l.size,
            item: starts_item(&l.text),
            first_word: l.first_word,
        }
    }
}

/// True when the text before a column or page break goes on after it: never into a list
/// item or a line of another size; when the sentence is unfinished, unless its last line
/// had room for the next word (a heading, an unpunctuated list item). After a finished
/// sentence at a page break (`bottom` given: the document's lowest baseline), only when the
/// next line's first word would not have fitted at the end of the last one (the line was
/// broken for width), the last line is at the bottom of the text (within two lines: widow
/// control may leave one empty), and the next line is not indented.
fn continues(before: &str, end: &End, next: &Start, bottom: Option<f32>) -> bool {
    if before.is_empty() || next.item || (next.size - end.size).abs() > 1.0 {
        return false;
    }
    let finished = before.ends_with(['.', ':', ';', '!', '?', '"', '”', '’', ')']);
    let broken_for_width = end
        .room
        .is_some_and(|room| room < SPACE_WIDTH * end.size + next.first_word);
    let at_bottom = bottom.is_some_and(|b| end.y + 2.0 * end.pitch > b + 0.5);
    // An unfinished line with room left for the next word was not broken by the page: it
    // is a heading or a list item without final punctuation ("Implementation of the
    // Strategy"), which the next page must not run into.
    let for_width_if_known = end.room.is_none() || broken_for_width;
    (!finished && for_width_if_known) || (broken_for_width && at_bottom && !next.indented)
}

/// Rule 7: pages → one text with contiguous page ranges. A page whose last paragraph goes
/// on ([`continues`]) is joined to the next page's first paragraph, so a sentence split by
/// a page break stays one.
fn join_pages(paras: &[Vec<Para>], judge: &HyphenJudge) -> (String, Vec<Range<usize>>) {
    // the lowest baseline of the document: where a full page's text ends
    let bottom = paras
        .iter()
        .flatten()
        .map(|p| p.last.y)
        .fold(f32::NEG_INFINITY, f32::max);
    let mut text = String::new();
    let mut starts: Vec<usize> = Vec::with_capacity(paras.len());
    // how the text so far ends: empty pages in between do not change it
    let mut end: Option<End> = None;
    for page in paras {
        let mut start = text.len();
        for (k, p) in page.iter().enumerate() {
            let before = &text[text.rfind("\n\n").map_or(0, |i| i + 2)..];
            if k == 0 && end.is_some_and(|e| continues(before, &e, &p.first, Some(bottom))) {
                let mut tail = text.split_off(text.len() - before.len());
                append_line(&mut tail, &p.text, judge);
                text.push_str(&tail);
                // the page starts where its own text starts (a popped hyphen moves it back)
                start = text.len() - p.text.len();
            } else {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(&p.text);
            }
        }
        starts.push(start);
        if let Some(p) = page.last() {
            end = Some(p.last);
        }
    }
    // a page left empty before a join whose hyphen was popped would start after the next
    for i in (1..starts.len()).rev() {
        starts[i - 1] = starts[i - 1].min(starts[i]);
    }
    let mut pages = Vec::with_capacity(starts.len());
    for (i, s) in starts.iter().enumerate() {
        let begin = if i == 0 { 0 } else { *s };
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        pages.push(begin..end);
    }
    (text, pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: f32 = 10.0;
    /// Every test glyph advances half the font size.
    const ADV: f32 = SIZE / 2.0;

    /// The glyphs of `s` drawn from (x, y), upright, one per character.
    fn run(x: f32, y: f32, s: &str) -> Vec<Glyph> {
        s.chars()
            .enumerate()
            .map(|(i, ch)| Glyph {
                x: x + i as f32 * ADV,
                y,
                w: ADV,
                size: SIZE,
                ch,
                upright: true,
            })
            .collect()
    }

    /// A 600 × 800 page of lines at x = 50, each `(y, text)`.
    fn page(lines: &[(f32, &str)]) -> PageGlyphs {
        PageGlyphs {
            width: 600.0,
            height: 800.0,
            glyphs: lines.iter().flat_map(|(y, s)| run(50.0, *y, s)).collect(),
        }
    }

    fn paras(text: &str) -> Vec<&str> {
        text.split("\n\n").collect()
    }

    // 40 characters each: 200 pt wide, so a left column at 50–250 and a right one at 320–520
    const LEFT: [&str; 4] = [
        "The left column opens with a sentence of",
        "forty characters on every line and goes",
        "on in this same column for four lines to",
        "reach its end here.",
    ];
    const RIGHT: [&str; 4] = [
        "The right column comes after it and has",
        "its own sentence that runs over the four",
        "lines of this column, read only once the",
        "left column has been read in full, here.",
    ];

    fn two_columns(row_by_row: bool) -> PageGlyphs {
        columns(&LEFT, &RIGHT, row_by_row)
    }

    fn columns(left: &[&str], right: &[&str], row_by_row: bool) -> PageGlyphs {
        let mut glyphs = run(50.0, 100.0, "A title across the whole width");
        let left = left
            .iter()
            .enumerate()
            .map(|(i, s)| run(50.0, 130.0 + 12.0 * i as f32, s));
        let right = right
            .iter()
            .enumerate()
            .map(|(i, s)| run(320.0, 130.0 + 12.0 * i as f32, s));
        if row_by_row {
            for (l, r) in left.zip(right) {
                glyphs.extend(l);
                glyphs.extend(r);
            }
        } else {
            glyphs.extend(left.flatten());
            glyphs.extend(right.flatten());
        }
        PageGlyphs {
            width: 600.0,
            height: 800.0,
            glyphs,
        }
    }

    #[test]
    fn two_columns_are_read_left_then_right_however_drawn() {
        let want = format!(
            "A title across the whole width\n\n{}\n\n{}",
            LEFT.join(" "),
            RIGHT.join(" ")
        );
        assert_eq!(lay_out(&[two_columns(false)]).text, want);
        assert_eq!(lay_out(&[two_columns(true)]).text, want);
    }

    #[test]
    fn a_column_break_joins_an_unfinished_sentence_only() {
        let mut left = LEFT;
        left[3] = "reach the next column with its sentence";
        let laid = lay_out(&[columns(&left, &RIGHT, false)]);
        assert_eq!(paras(&laid.text).len(), 2, "{}", laid.text);
        // a finished sentence on a full line ends the paragraph at a column break
        left[3] = "reach its end at the very end of it all.";
        let laid = lay_out(&[columns(&left, &RIGHT, false)]);
        assert_eq!(paras(&laid.text).len(), 3, "{}", laid.text);
    }

    /// Three pages with a running header at y 40 and a footer "Page n of 3" at y 780.
    fn furnished(first_page_extra: &[(f32, &str)]) -> Vec<PageGlyphs> {
        (1..=3)
            .map(|n| {
                let footer = format!("Page {n} of 3");
                let body = format!("Body text of page {n} ends here.");
                let mut lines = vec![
                    (40.0, "Council of the Coast"),
                    (300.0, body.as_str()),
                    (780.0, footer.as_str()),
                ];
                if n == 1 {
                    lines.extend_from_slice(first_page_extra);
                }
                page(&lines)
            })
            .collect()
    }

    #[test]
    fn running_heads_and_page_numbers_are_removed_but_a_title_repeating_them_lower_stays() {
        let laid = lay_out(&furnished(&[(80.0, "Council of the Coast")]));
        assert_eq!(
            paras(&laid.text),
            [
                "Council of the Coast",
                "Body text of page 1 ends here.",
                "Body text of page 2 ends here.",
                "Body text of page 3 ends here."
            ]
        );
        assert_eq!(laid.furniture_removed, 6);
    }

    #[test]
    fn page_numbers_are_recognised() {
        for s in [
            "3",
            "– 3 –",
            "- 12 -",
            "Page 3 of 4",
            "page 3",
            "p. 7",
            "3/4",
            "iv",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["Article 3", "2024 report", "3 ministers", "Page three", ""] {
            assert!(!is_page_number(s), "{s}");
        }
        // a lone number in the body of the page is not a page number
        let laid = lay_out(&[page(&[(300.0, "Totals:"), (312.0, "3"), (780.0, "– 1 –")])]);
        assert_eq!(laid.text, "Totals: 3");
    }

    #[test]
    fn line_end_hyphens_follow_the_documents_own_words() {
        let laid = lay_out(&[page(&[
            (100.0, "The municipalities and the storm-surge office met."),
            (130.0, "Fourteen muni-"),
            (142.0, "cipalities agreed."),
            (170.0, "A new storm-"),
            (182.0, "surge model."),
            (210.0, "The COVID-"),
            (222.0, "19 rules ended."),
            (250.0, "Rules were imposed by the government alone."),
            (280.0, "A government-"),
            (292.0, "imposed rule."),
            (320.0, "A one-in-a-hundred-"),
            (332.0, "year flood."),
        ])]);
        assert_eq!(
            &paras(&laid.text)[1..],
            [
                "Fourteen municipalities agreed.",
                "A new storm-surge model.",
                "The COVID-19 rules ended.",
                "Rules were imposed by the government alone.",
                "A government-imposed rule.",
                "A one-in-a-hundred-year flood."
            ]
        );
    }

    #[test]
    fn undecided_hyphens_follow_the_majority_of_decided_ones() {
        // a typeset document: syllable breaks it can prove ("coordination" is written
        // whole), so an unknown "admin-" / "istrations" is a syllable break too
        let typeset = lay_out(&[page(&[
            (100.0, "Good coordination matters."),
            (130.0, "Better coor-"),
            (142.0, "dination and admin-"),
            (154.0, "istrations."),
        ])]);
        assert_eq!(
            paras(&typeset.text)[1],
            "Better coordination and administrations."
        );
        // a Word-like document: its breaks are after real hyphens, so an unknown one stays
        let word_like = lay_out(&[page(&[
            (100.0, "The flood-watch team and the early-warning net."),
            (130.0, "A flood-"),
            (142.0, "watch and early-"),
            (154.0, "warning and sea-"),
            (166.0, "level data."),
        ])]);
        assert_eq!(
            paras(&word_like.text)[1],
            "A flood-watch and early-warning and sea-level data."
        );
    }

    #[test]
    fn with_too_few_decided_hyphens_a_whole_word_before_the_hyphen_keeps_it() {
        let laid = lay_out(&[page(&[
            (
                100.0,
                "A long review and a capacity plan of the administration.",
            ),
            (130.0, "Its long-"),
            (142.0, "lasting effects need capacity-"),
            (154.0, "building in each responsi-"),
            (166.0, "bility area."),
        ])]);
        assert_eq!(
            paras(&laid.text)[1],
            "Its long-lasting effects need capacity-building in each responsibility area."
        );
    }

    #[test]
    fn soft_hyphens_join_and_never_show() {
        let laid = lay_out(&[page(&[
            (100.0, "The imple\u{AD}"),
            (112.0, "mentation of the re\u{AD}view starts."),
        ])]);
        assert_eq!(laid.text, "The implementation of the review starts.");
    }

    #[test]
    fn characters_are_normalised_but_not_folded() {
        let mut out = String::new();
        normalize_chars(
            "\u{FB01}eld \u{FB03}ce\u{00A0}a\u{2009}b\u{202F}c\u{3000}d z\u{200B}w\u{FEFF} ½ ²",
            &mut out,
        );
        assert_eq!(out, "field ffice a b c d zw ½ ²");
    }

    #[test]
    fn private_use_symbol_bullets_become_list_items() {
        let laid = lay_out(&[page(&[
            (100.0, "The ministers agreed on two actions:"),
            (112.0, "\u{F0B7} Strengthen the dunes."),
            (124.0, "\u{F0A7}Train the volunteers."),
        ])]);
        assert_eq!(
            paras(&laid.text),
            [
                "The ministers agreed on two actions:",
                "• Strengthen the dunes.",
                "• Train the volunteers."
            ]
        );
    }

    #[test]
    fn rotated_glyphs_are_left_out_and_counted() {
        let mut p = page(&[(100.0, "The office opens in 2025.")]);
        let note: Vec<Glyph> = run(560.0, 300.0, "Margin")
            .into_iter()
            .enumerate()
            .map(|(i, g)| Glyph {
                x: 560.0,
                y: 300.0 - i as f32 * ADV,
                upright: false,
                ..g
            })
            .collect();
        p.glyphs.extend(note);
        let laid = lay_out(&[p]);
        assert_eq!(laid.text, "The office opens in 2025.");
        assert_eq!(laid.rotated, 6);
    }

    #[test]
    fn rules_drawn_with_characters_are_left_out() {
        let laid = lay_out(&[page(&[
            (100.0, "---"),
            (112.0, "Title"),
            (124.0, "---"),
            (150.0, "Body text ......... 3"),
            (162.0, "_____ ====="),
        ])]);
        assert_eq!(paras(&laid.text), ["Title", "Body text ......... 3"]);
    }

    #[test]
    fn lone_lines_far_apart_are_separate_paragraphs() {
        let laid = lay_out(&[page(&[
            (100.0, "First line alone"),
            (180.0, "second line alone"),
        ])]);
        assert_eq!(paras(&laid.text), ["First line alone", "second line alone"]);
    }

    #[test]
    fn a_sentence_split_by_a_page_break_is_one_paragraph_on_the_page_of_its_start() {
        let laid = lay_out(&[
            page(&[
                (100.0, "Intro."),
                (130.0, "The ministers reviewed the flood"),
            ]),
            page(&[(100.0, "defences of the southern coast.")]),
            page(&[(100.0, "The office will hire 30 muni-")]),
            page(&[(100.0, "cipal staff."), (130.0, "Done.")]),
        ]);
        assert_eq!(
            paras(&laid.text),
            [
                "Intro.",
                "The ministers reviewed the flood defences of the southern coast.",
                "The office will hire 30 municipal staff.",
                "Done."
            ]
        );
        assert_pages_contiguous(&laid);
        let at = |s: &str| laid.text.find(s).map(|i| page_of(&laid.pages, i));
        assert_eq!(at("The ministers"), Some(Some(1)));
        assert_eq!(at("defences"), Some(Some(2)));
        assert_eq!(at("The office"), Some(Some(3)));
        assert_eq!(at("cipal"), Some(Some(4)));
    }

    #[test]
    fn an_unpunctuated_heading_at_the_foot_of_a_page_does_not_run_into_the_next() {
        let body = [
            (
                100.0,
                "The ministers met in the harbour town today and they agreed on",
            ),
            (
                112.0,
                "a plan for the dunes with money from each of the three states.",
            ),
            (140.0, "Implementation of the Plan"),
        ];
        let laid = lay_out(&[
            page(&body),
            page(&[
                (
                    100.0,
                    "The office will hire thirty officers and will report on",
                ),
                (112.0, "their work every year."),
            ]),
        ]);
        assert_eq!(
            &paras(&laid.text)[1..],
            [
                "Implementation of the Plan",
                "The office will hire thirty officers and will report on their work every year."
            ]
        );
    }

    /// Page 1 ends with a finished sentence on a line broken for width (the next word
    /// would not have fitted); page 2 goes on, or starts a paragraph when indented.
    fn full_line_break(indent: f32) -> Vec<PageGlyphs> {
        let first = page(&[
            (
                100.0,
                "The ministers met in the harbour town today and they agreed on",
            ),
            (
                112.0,
                "a plan for the dunes with money from each of the three states, and",
            ),
            (
                124.0,
                "then spoke with the mayors of all of the towns on the coast here.",
            ),
        ]);
        let mut second = page(&[(112.0, "a second line of the same paragraph, long enough.")]);
        second.glyphs.extend(run(
            50.0 + indent,
            100.0,
            "Afterwards they went home again.",
        ));
        vec![first, second]
    }

    #[test]
    fn a_paragraph_broken_after_a_sentence_at_a_full_line_goes_on_across_the_page() {
        let joined = lay_out(&full_line_break(0.0));
        assert_eq!(paras(&joined.text).len(), 1, "{}", joined.text);
        let indented = lay_out(&full_line_break(20.0));
        assert_eq!(paras(&indented.text).len(), 2, "{}", indented.text);
    }

    #[test]
    fn a_full_line_above_the_bottom_of_the_text_ends_its_paragraph() {
        let mut pages = full_line_break(0.0);
        // a later page shows that the text area goes much lower than page 1's last line
        pages.push(page(&[(600.0, "Later text.")]));
        let laid = lay_out(&pages);
        assert_eq!(paras(&laid.text).len(), 3, "{}", laid.text);
    }

    #[test]
    fn a_finished_paragraph_with_room_left_does_not_run_into_the_next_page() {
        let laid = lay_out(&[
            page(&[
                (
                    100.0,
                    "The ministers met in the harbour town today and they agreed on",
                ),
                (
                    112.0,
                    "a plan for the dunes with money from each of the three states.",
                ),
                (124.0, "It ends."),
            ]),
            page(&[(100.0, "Next they left.")]),
        ]);
        assert_eq!(paras(&laid.text).len(), 2, "{}", laid.text);
    }

    fn assert_pages_contiguous(laid: &Laid) {
        assert_eq!(laid.pages.first().map(|r| r.start), Some(0));
        assert_eq!(laid.pages.last().map(|r| r.end), Some(laid.text.len()));
        for w in laid.pages.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert!(w[0].start <= w[0].end);
        }
    }

    #[test]
    fn pages_without_glyphs_keep_an_empty_range_and_are_reported() {
        let laid = lay_out(&[
            page(&[(100.0, "One.")]),
            PageGlyphs::default(),
            page(&[(100.0, "Two.")]),
        ]);
        assert_eq!(laid.text, "One.\n\nTwo.");
        assert_eq!(laid.empty_pages, [2]);
        assert_eq!(laid.pages, [0..4, 4..4, 4..10]);
    }

    #[test]
    fn a_page_with_only_running_heads_is_not_called_empty() {
        let mut pages = furnished(&[]);
        pages[1] = page(&[(40.0, "Council of the Coast"), (780.0, "Page 2 of 3")]);
        let laid = lay_out(&pages);
        assert!(laid.empty_pages.is_empty());
        assert_eq!(laid.furniture_removed, 6);
    }

    #[test]
    fn a_word_hyphenated_across_an_empty_page_keeps_the_ranges_in_order() {
        let laid = lay_out(&[
            page(&[(100.0, "They hired thirty muni-")]),
            PageGlyphs::default(),
            page(&[(100.0, "cipal staff.")]),
        ]);
        assert_eq!(laid.text, "They hired thirty municipal staff.");
        assert_pages_contiguous(&laid);
        assert_eq!(laid.text[laid.pages[2].clone()].to_string(), "cipal staff.");
    }

    #[test]
    fn hostile_numbers_do_not_panic() {
        let mut p = page(&[(100.0, "Some text.")]);
        p.width = f32::NAN;
        p.height = -3.0;
        p.glyphs.push(Glyph {
            x: f32::INFINITY,
            y: f32::NAN,
            w: f32::NAN,
            size: 0.0,
            ch: 'x',
            upright: true,
        });
        p.glyphs.push(Glyph {
            x: 60.0,
            y: 200.0,
            w: f32::NAN,
            size: f32::NAN,
            ch: 'y',
            upright: true,
        });
        let laid = lay_out(&[p]);
        assert!(laid.text.starts_with("Some text."));
    }
}
