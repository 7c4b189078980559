//! A single pass that cuts text into words, numbers and symbols, each with its byte span and
//! what separates it from the previous token. Every rule of the extractor reads these tokens,
//! so NBSP, narrow NBSP, tabs and CRLF are settled here once: they are spaces.

use super::lexicon::{Lex, classify, classify_unjoined, is};
use crate::corpus::markup::Hidden;
use crate::corpus::split::is_space;

/// What lies between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Directly adjacent: `10m`, `€5`, `G7`.
    None,
    /// Spaces (any kind) on one line.
    Space,
    /// A single line break.
    Line,
    /// A blank line: spans never cross it.
    Paragraph,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner hyphens and apostrophes (`two-thirds`, `we’ll`).
    Word,
    /// ASCII digits with inner `,` `.` or NBSP-grouped thousands (`1,300`, `5.5`, `10 000`).
    Num,
    /// Any other single character.
    Sym,
}

/// A word, number or symbol of the text, with what separates it from the one before.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte offset of the token's start in the text.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// A word, a number or a symbol.
    pub kind: Kind,
    /// What lies between it and the token before.
    pub gap: Gap,
    /// For words: what the lexicon knows of them.
    pub lex: Lex,
    /// How many tokens ahead the next number-like token is (255: none near).
    pub ahead: u8,
}

impl Token {
    /// Whether a figure or a date can start at this token: numbers, symbols, and the words the
    /// lexicon knows (a word it does not know can only sit inside one).
    pub fn can_start_item(&self) -> bool {
        !(self.kind == Kind::Word && self.lex == Lex::None)
    }

    /// The token's text, out of `text` (the text it was cut from).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Tokens together with the text they were cut from: what every rule reads. The figure, date
/// and commitment scanners wrap it and reach these helpers through `Deref`.
#[derive(Debug, Clone, Copy)]
pub struct Tokens<'a> {
    /// The text the tokens were cut from.
    pub text: &'a str,
    /// The tokens, in order.
    pub toks: &'a [Token],
}

impl<'a> Tokens<'a> {
    /// Token `i`, if there is one.
    #[inline]
    pub fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    /// The text of token `i` when it is a word.
    #[inline]
    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(self.text))
    }

    /// Token `i` is the word `w` (lower-case ASCII), in any case.
    #[inline]
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| is(x, w))
    }

    /// The character of token `i` when it is a symbol.
    #[inline]
    pub fn sym(&self, i: usize) -> Option<char> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Sym)
            .and_then(|t| t.text(self.text).chars().next())
    }

    /// Token `i` directly follows token `i - 1`.
    #[inline]
    pub fn adjacent(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap == Gap::None)
    }

    /// Token `i` is on the same line as token `i - 1`.
    #[inline]
    pub fn inline(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap <= Gap::Space)
    }

    /// The text from token `first` to token `last`, inclusive.
    pub fn between(&self, first: usize, last: usize) -> &'a str {
        &self.text[self.toks[first].start..self.toks[last].end]
    }
}

/// Characters that group thousands in numbers (`10 000` with NBSP or narrow NBSP, or a thin
/// space): never an ordinary space, which separates numbers as often as it groups them.
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{00a0}' | '\u{202f}' | '\u{2009}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '\u{00ad}'
}

/// What a byte starts, to the tokenizer: one table lookup instead of a chain of tests.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Byte {
    /// An ASCII letter: a word.
    Letter,
    /// An ASCII digit: a number.
    Digit,
    /// ` `, `\t`, `\r`.
    Space,
    Newline,
    /// Any other ASCII byte: a symbol.
    Other,
    /// A byte of a multi-byte character: decoded to tell.
    Multi,
}

const BYTE: [Byte; 256] = {
    let mut t = [Byte::Other; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            Byte::Multi
        } else if c.is_ascii_alphabetic() {
            Byte::Letter
        } else if c.is_ascii_digit() {
            Byte::Digit
        } else if c == b'\n' {
            Byte::Newline
        } else if matches!(c, b' ' | b'\t' | b'\r') {
            Byte::Space
        } else {
            Byte::Other
        };
        b += 1;
    }
    t
};

/// Cuts `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_prose(text, 0..text.len(), &[], &[])
}

/// Cuts `text[range]` into tokens with spans into the whole text, reading past `hidden`
/// markup (a word either side of `**` or `\\` touches; a URL or comment between words is a
/// space) and reading the `soft` line breaks (byte offsets, sorted) as spaces. The first
/// token follows a paragraph break, as at the start of a document.
pub fn tokenize_prose(
    text: &str,
    range: std::ops::Range<usize>,
    hidden: &[Hidden],
    soft: &[usize],
) -> Vec<Token> {
    let text = &text[..range.end];
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(range.len() / 5);
    let mut i = range.start;
    let mut gap = Gap::Paragraph;
    let mut newlines = 0u8;
    // The next markup and soft break at or after `i`.
    let mut h = hidden.partition_point(|x| x.range.end <= i);
    let mut next_hidden = hidden.get(h).map_or(usize::MAX, |x| x.range.start);
    let mut sb = soft.partition_point(|&x| x < i);
    while i < bytes.len() {
        if i >= next_hidden {
            let x = &hidden[h];
            let inside = &bytes[i..x.range.end.min(bytes.len())];
            if memchr::memchr(b'\n', inside).is_some() {
                newlines = newlines.saturating_add(1);
                gap = gap.max(Gap::Line);
            } else if x.as_space && gap == Gap::None {
                gap = Gap::Space;
            }
            i = i.max(x.range.end);
            h += 1;
            next_hidden = hidden.get(h).map_or(usize::MAX, |x| x.range.start);
            continue;
        }
        let b = bytes[i];
        let class = BYTE[b as usize];
        if class == Byte::Newline {
            while soft.get(sb).is_some_and(|&x| x < i) {
                sb += 1;
            }
            if soft.get(sb) == Some(&i) {
                // A line break that only wraps the paragraph: a space.
                if gap == Gap::None {
                    gap = Gap::Space;
                }
                i += 1;
                continue;
            }
            newlines = newlines.saturating_add(1);
            gap = if newlines >= 2 {
                Gap::Paragraph
            } else {
                gap.max(Gap::Line)
            };
            i += 1;
            continue;
        }
        if class == Byte::Space {
            if gap == Gap::None {
                gap = Gap::Space;
            }
            i += 1;
            continue;
        }
        let start = i;
        // A token never runs into markup.
        let scan = || &text[..next_hidden.min(text.len())];
        let (kind, lex) = match class {
            Byte::Letter => {
                let (end, letters_only) = scan_word(scan(), i);
                i = end;
                let word = &text[start..i];
                let lex = if letters_only {
                    classify_unjoined(word)
                } else {
                    classify(word)
                };
                (Kind::Word, lex)
            }
            Byte::Digit => {
                i = scan_number(scan(), i);
                (Kind::Num, Lex::None)
            }
            Byte::Multi => {
                let c = text[i..].chars().next().unwrap_or(' ');
                if is_space(c) {
                    if gap == Gap::None {
                        gap = Gap::Space;
                    }
                    i += c.len_utf8();
                    continue;
                }
                if is_word_char(c) {
                    i = scan_word(scan(), i).0;
                    (Kind::Word, classify(&text[start..i]))
                } else {
                    i += c.len_utf8();
                    (Kind::Sym, Lex::None)
                }
            }
            _ => {
                i += 1;
                (Kind::Sym, Lex::None)
            }
        };
        out.push(Token {
            start,
            end: i,
            kind,
            gap,
            lex,
            ahead: u8::MAX,
        });
        gap = Gap::None;
        newlines = 0;
    }
    mark_distance_to_numberish(text, &mut out);
    out
}

fn scan_number(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    loop {
        if i + 1 < bytes.len()
            && (bytes[i] == b',' || bytes[i] == b'.')
            && bytes[i + 1].is_ascii_digit()
        {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        // Thousands grouped by NBSP / narrow NBSP / thin space: exactly three digits follow.
        if i < bytes.len() && bytes[i] >= 0x80 {
            let c = text[i..].chars().next().unwrap_or(' ');
            if is_group_space(c) {
                let j = i + c.len_utf8();
                let digits = bytes[j..].iter().take_while(|b| b.is_ascii_digit()).count();
                let after = bytes.get(j + digits).copied();
                if digits == 3 && !after.is_some_and(|b| b.is_ascii_alphanumeric()) {
                    i = j + 3;
                    continue;
                }
            }
        }
        return i;
    }
}

/// Where the word starting at `start` ends, and whether it is ASCII letters only (then it
/// holds no joiner, which spares the lexicon its compound checks). Inlined: called for
/// every word.
#[inline(always)]
fn scan_word(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let j = ascii_letters_end(bytes, start);
    // Any ASCII byte but a joiner ends the word (the common case: a space or a comma).
    if bytes
        .get(j)
        .is_none_or(|&b| b < 0x80 && b != b'-' && b != b'\'')
    {
        return (j, true);
    }
    let end = scan_word_rest(text, j);
    (end, end == j)
}

fn scan_word_rest(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let word_char_at = |j: usize| text[j..].chars().next().is_some_and(is_word_char);
    let mut j = start;
    loop {
        j = ascii_letters_end(bytes, j);
        let Some(c) = text[j..].chars().next() else {
            return j;
        };
        let next = j + c.len_utf8();
        if !c.is_ascii() && is_word_char(c) {
            j = next;
            continue;
        }
        // Inner hyphens and apostrophes join letters: two-thirds, we’ll, co-operation.
        let joiner = matches!(c, '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}');
        if joiner && word_char_at(next) {
            j = next;
            continue;
        }
        return j;
    }
}

/// The end of the run of ASCII letters from `j`, eight bytes at a time: words end at
/// lengths no branch predictor guesses, and a byte-by-byte loop paid a miss on most words.
fn ascii_letters_end(bytes: &[u8], mut j: usize) -> usize {
    while let Some(chunk) = bytes.get(j..j + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let others = !ascii_letters(u64::from_le_bytes(eight)) & HIGH_BITS;
        if others != 0 {
            return j + (others.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
        j += 1;
    }
    j
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte of a word.
const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// The high bit of each byte of `x` that is an ASCII letter. Each byte is folded to lower
/// case and to seven bits, so the additions and subtractions never carry between bytes.
fn ascii_letters(x: u64) -> u64 {
    let t = (x | splat(0x20)) & splat(0x7f);
    let from_a = t + splat(0x80 - b'a');
    let to_z = splat(0x80 + b'z') - t;
    from_a & to_z & !x & HIGH_BITS
}

/// Sets each token's `ahead`: how many tokens ahead the next one that can carry a figure or
/// a date is (a number, a month, a number word, a currency sign…), saturating at 255. Rules
/// skip tokens far from any, which keeps extraction fast on long stretches of plain prose.
fn mark_distance_to_numberish(text: &str, toks: &mut [Token]) {
    let mut next: Option<usize> = None;
    for i in (0..toks.len()).rev() {
        let t = &toks[i];
        let numberish = match t.kind {
            Kind::Num => true,
            Kind::Sym => matches!(
                t.text(text),
                "€" | "£" | "$" | "¥" | "₹" | "₩" | "₽" | "₺" | "+"
            ),
            Kind::Word => !matches!(t.lex, Lex::None | Lex::Marker | Lex::Commissive),
        };
        if numberish {
            next = Some(i);
        }
        toks[i].ahead = next.map_or(u8::MAX, |n| (n - i).min(u8::MAX as usize) as u8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<(&str, Kind, Gap)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.kind, t.gap))
            .collect()
    }

    #[test]
    fn numbers_words_symbols_and_gaps() {
        let t = "€10 million\u{a0}and 1,300 two-thirds we’ll\n\n5.5 G7";
        assert_eq!(
            show(t),
            [
                ("€", Kind::Sym, Gap::Paragraph),
                ("10", Kind::Num, Gap::None),
                ("million", Kind::Word, Gap::Space),
                ("and", Kind::Word, Gap::Space),
                ("1,300", Kind::Num, Gap::Space),
                ("two-thirds", Kind::Word, Gap::Space),
                ("we’ll", Kind::Word, Gap::Space),
                ("5.5", Kind::Num, Gap::Paragraph),
                ("G", Kind::Word, Gap::Space),
                ("7", Kind::Num, Gap::None),
            ]
        );
    }

    #[test]
    fn narrow_nbsp_groups_thousands_only_before_three_digits() {
        let t = "10\u{202f}000 people, 15\u{a0}% and 2\u{a0}billion";
        let toks = show(t);
        assert_eq!(toks[0].0, "10\u{202f}000");
        assert_eq!(toks[3].0, "15");
        assert_eq!(toks[4], ("%", Kind::Sym, Gap::Space));
        assert_eq!(toks[6].0, "2");
    }

    #[test]
    fn crlf_is_a_line_break() {
        let t = "a\r\nb\r\n\r\nc";
        let gaps: Vec<_> = tokenize(t).iter().map(|t| t.gap).collect();
        assert_eq!(gaps, [Gap::Paragraph, Gap::Line, Gap::Paragraph]);
    }
}
