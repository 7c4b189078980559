//! Fuzzy text matching: where a query term occurs in an item, and how well.
//!
//! Plain subsequence matching over sentence-long text matches nearly everything (`calais
//! tunnel` is a subsequence of most paragraphs). A term here must match *compactly*: each
//! next character within two characters of the previous one, or at the start of a word
//! within sixteen (`frntx` → Frontex, `bordforce` → Border Force). That rule is also what
//! makes narrowing incremental: a match of `cala` contains a match of `cal`.
//!
//! The best compact window is then scored by fuzzy-matcher's SkimMatcherV2 (skim/fzf-style
//! bonuses for word starts and consecutive characters), on the window only, so scoring costs
//! the same on a title as on a long sentence.

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use xxhash_rust::xxh3::Xxh3DefaultBuilder;

/// Characters a term may skip between two matched characters inside a word.
const MAX_SKIP: usize = 2;
/// Characters a term may skip to reach the start of the next word.
const MAX_WORD_JUMP: usize = 16;

/// Folds a character for matching: lower case, accents and marks removed (above and
/// below: `á`, `ș`, `ş`, `ṭ`, `ę`), typographic quotes, dashes and spaces made plain. One
/// character in, one out, so the finder's positions carry over; a ligature (`ﬁ`, `æ`, `ß`)
/// keeps its first letter here, and [`fold_into`] spells it out where the length may
/// change. The one folding of the program: the finder and the reader's `/` agree.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'à'..='å' | 'À'..='Å' | 'ā' | 'Ā' | 'ă' | 'Ă' | 'ą' | 'Ą' => 'a',
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => 'c',
        'ď' | 'Ď' | 'đ' | 'Đ' => 'd',
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'Ē' | 'ę' | 'Ę' | 'ě' | 'Ě' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' | 'ī' | 'Ī' | 'ı' | 'İ' => 'i',
        'ł' | 'Ł' | 'ľ' | 'Ľ' => 'l',
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' | 'ő' | 'Ő' => 'o',
        'ř' | 'Ř' => 'r',
        // Comma below (Romanian) and cedilla (Turkish, and Romanian as often typed).
        'ś' | 'Ś' | 'š' | 'Š' | 'ş' | 'Ş' | 'ș' | 'Ș' => 's',
        'ť' | 'Ť' | 'ţ' | 'Ţ' | 'ț' | 'Ț' => 't',
        'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' => 'u',
        'ý' | 'Ý' | 'ÿ' => 'y',
        'ź' | 'Ź' | 'ż' | 'Ż' | 'ž' | 'Ž' => 'z',
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '«' | '»' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' => ' ',
        c => match ligature(c) {
            Some(spelt) => spelt.as_bytes()[0] as char,
            None => base_letter(c),
        },
    }
}

/// Appends `c` folded to `out`, a ligature spelt out (`ﬁ` → `fi`, `æ` → `ae`, `ß` → `ss`)
/// and a lone combining mark (the `̦` of a decomposed `ș`) dropped: for searches that map
/// what they find back to the text character by character (the reader's `/`).
pub fn fold_into(c: char, out: &mut String) {
    if let Some(spelt) = ligature(c) {
        out.push_str(spelt);
    } else if !unicode_normalization::char::is_combining_mark(c) {
        out.push(fold(c));
    }
}

/// A whole string folded with [`fold_into`] (a search pattern).
pub fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    text.chars().for_each(|c| fold_into(c, &mut out));
    out
}

/// The letters a ligature stands for.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ß' | 'ẞ' => "ss",
        'ĳ' | 'Ĳ' => "ij",
        _ => return None,
    })
}

/// Lower case, then the letter without its marks, for the letters not listed in [`fold`]
/// (dots below `ḥ ṭ`, cedillas `ķ ņ`, ogoneks `į ų`, …): the first character of the
/// canonical decomposition when the rest are combining marks.
fn base_letter(c: char) -> char {
    // Symbols, digits, punctuation and CJK have no marks to drop: no table lookup (the
    // finder folds every non-ASCII character it scans).
    if !c.is_alphabetic() {
        return c;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    if lower >= '\u{3000}' {
        return lower;
    }
    let mut first = None;
    let mut marks_only = true;
    unicode_normalization::char::decompose_canonical(lower, |d| match first {
        None => first = Some(d),
        Some(_) => marks_only &= unicode_normalization::char::is_combining_mark(d),
    });
    match first {
        Some(base) if marks_only && base != lower => fold(base),
        _ => lower,
    }
}

/// True for a character that [`fold`] turns into an ASCII letter or digit: text holding one
/// cannot take the byte-level fast path.
fn folds_to_alnum(c: char) -> bool {
    !c.is_ascii() && fold(c).is_ascii_alphanumeric()
}

/// The letters and digits a text contains, as bits (a cheap test that rules out most items
/// before any scanning: `xyzzy` needs an x, a y and a z), and those of them that start a
/// word (a match whose first character starts no word cannot reach the best score, so this
/// bounds an item's score before it is read). One pass over the bytes.
pub fn text_masks(text: &str) -> (u64, u64) {
    let bytes = text.as_bytes();
    let (mut mask, mut initials) = (0u64, 0u64);
    let mut prev = Class::Other;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (bit, cls, len) = if b < 0x80 {
            (ASCII_BIT[b as usize], ASCII_CLASS[b as usize], 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if folds_to_alnum(c) {
                mask |= ACCENTED;
                (byte_bit(fold(c) as u8), Class::Lower, c.len_utf8())
            } else {
                (0, Class::Other, c.len_utf8().max(1))
            }
        };
        mask |= bit;
        if starts_word(prev, cls) {
            initials |= bit;
        }
        prev = cls;
        i += len;
    }
    (mask, initials)
}

/// [`byte_bit`] and [`class`] of every ASCII byte, computed once: the mask pass runs over
/// every byte of the corpus when it is indexed.
const ASCII_BIT: [u64; 128] = {
    let mut t = [0u64; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = byte_bit(b as u8);
        b += 1;
    }
    t
};
const ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = class(b as u8);
        b += 1;
    }
    t
};

/// The letters and digits of [`text_masks`] alone.
pub fn char_mask(text: &str) -> u64 {
    text_masks(text).0
}

/// Set in an item's mask when it holds a non-ASCII letter that folds to an ASCII one
/// (`á`), so it needs the character-level path; other non-ASCII characters (’, €, NBSP)
/// are boundaries to the byte-level path and cost nothing.
const ACCENTED: u64 = 1 << 63;

const fn byte_bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'A'..=b'Z' => 1 << (b - b'A'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 0,
    }
}

/// One whitespace-separated word of a query, folded for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    text: String,
    folded: Vec<char>,
    /// The folded term as bytes, when it is plain ASCII letters and digits (the fast path).
    ascii: Option<Vec<u8>>,
    mask: u64,
}

impl Term {
    /// `None` for a word with nothing to match.
    pub fn new(word: &str) -> Option<Term> {
        let folded: Vec<char> = word
            .chars()
            .map(fold)
            .filter(|c| !c.is_whitespace())
            .collect();
        if folded.is_empty() {
            return None;
        }
        let ascii = folded
            .iter()
            .all(|c| c.is_ascii_alphanumeric())
            .then(|| folded.iter().map(|&c| c as u8).collect());
        let mask = folded
            .iter()
            .filter(|c| c.is_ascii())
            .fold(0, |m, &c| m | byte_bit(c as u8));
        Some(Term {
            text: word.to_string(),
            folded,
            ascii,
            mask,
        })
    }

    /// The word as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The ASCII letters and digits of the folded term, as bits (see [`text_masks`]): a
    /// text that lacks one cannot match.
    pub fn mask(&self) -> u64 {
        self.mask
    }

    /// The mask bit of the first character, or 0 when it is not an ASCII letter or digit.
    pub fn initial_bit(&self) -> u64 {
        match self.folded[0] {
            c if c.is_ascii() => byte_bit(c as u8),
            _ => 0,
        }
    }

    /// True when every match of `self` contains a match of `shorter` (the query grew by
    /// typing at the end of this term).
    pub fn extends(&self, shorter: &Term) -> bool {
        self.folded.starts_with(&shorter.folded)
    }
}

/// Where a term matched: the byte offsets (into the searched text) of each matched
/// character, and its score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermMatch {
    /// How well it matched: higher is better.
    pub score: i64,
    /// Byte offset of each matched character in the searched text, in order.
    pub positions: Vec<u32>,
}

/// Scratch space for window searches, reused across items so the hot path never allocates.
#[derive(Debug, Default)]
struct Windows {
    current: Vec<u32>,
    /// Byte offsets of the matched characters of the best window found.
    best: Vec<u32>,
    best_quality: i32,
}

impl Windows {
    /// Records the window in `current` if it beats the best so far; true when nothing can
    /// beat it.
    fn offer(&mut self, starts: i32, first_at_start: bool, perfect: i32) -> bool {
        let q = quality(&self.current, starts, first_at_start);
        if self.best.is_empty() || q > self.best_quality {
            self.best.clear();
            self.best.extend_from_slice(&self.current);
            self.best_quality = q;
        }
        self.best_quality >= perfect
    }
}

fn is_alnum(c: char) -> bool {
    c.is_alphanumeric()
}

/// Does a word start at `c`, given the character before it?
fn word_start(prev: Option<char>, c: char) -> bool {
    match prev {
        None => true,
        Some(p) => {
            !is_alnum(p)
                || (p.is_lowercase() && c.is_uppercase())
                || (p.is_alphabetic() && c.is_ascii_digit())
                || (p.is_ascii_digit() && c.is_alphabetic())
        }
    }
}

/// Finds the best compact window of `term` in `text` by a cheap measure (word starts,
/// consecutive characters, span), scanning bytes when both are plain. With `first_only`,
/// stops at the first window: enough to know that the term matches. Leaves the window in
/// `w.best`; false when there is none.
fn find_window(text: &str, term: &Term, text_mask: u64, first_only: bool, w: &mut Windows) -> bool {
    w.best.clear();
    match &term.ascii {
        Some(pattern) if text_mask & ACCENTED == 0 => {
            windows_in_bytes(text.as_bytes(), pattern, first_only, w)
        }
        _ => windows_in_chars(text, &term.folded, first_only, w),
    }
    !w.best.is_empty()
}

fn quality(positions: &[u32], starts: i32, first_at_start: bool) -> i32 {
    let span = (positions[positions.len() - 1] - positions[0]) as i32;
    let consecutive = positions.windows(2).filter(|w| w[1] == w[0] + 1).count() as i32;
    4 * consecutive + 3 * starts + if first_at_start { 8 } else { 0 } - span
}

/// The quality of a contiguous match at a word start: no window can do better.
fn perfect_quality(len: usize) -> i32 {
    let n = len as i32 - 1;
    4 * n + 3 + 8 - n
}

/// Between two digits of a term only what separates the digits of one number may be
/// skipped (`1300` finds `1,300`, `1 300`, `1.4m` finds `1.4 million`): never another digit
/// or anything else, so `500` does not find `(2005-2008)`, nor `250` `2050`. A plain
/// space separates only a group of three digits (`10 000`), not two numbers (`2015 20`).
fn separates_digits(c: char, after: &mut dyn Iterator<Item = char>) -> bool {
    match c {
        ',' | '.' | '\'' | '’' | '\u{a0}' | '\u{202f}' | '\u{2009}' => true,
        ' ' => {
            // Exactly three digits, then the end or a non-digit (no allocation: this runs
            // inside the matcher's scan).
            after.take(3).filter(char::is_ascii_digit).count() == 3
                && after.next().is_none_or(|c| !c.is_ascii_digit())
        }
        _ => false,
    }
}

/// The character starting at byte `j` of UTF-8 `bytes` and a few after it (enough for
/// [`separates_digits`]): only those bytes are decoded, not the rest of the text.
fn chars_at(bytes: &[u8], j: usize) -> std::str::Chars<'_> {
    let near = &bytes[j..(j + 20).min(bytes.len())];
    let valid = match std::str::from_utf8(near) {
        Ok(s) => s,
        // Cut inside a character at the end: the whole characters before the cut.
        Err(e) => std::str::from_utf8(&near[..e.valid_up_to()]).unwrap_or_default(),
    };
    valid.chars()
}

/// A term may jump ahead only to the start of the very next word, and only for a letter:
/// `bordforce` reaches Border Force, but `2011` does not reach "2016 more than 1".
fn may_jump(want: char, passed_a_word: bool) -> bool {
    !passed_a_word && want.is_alphabetic()
}

/// Byte classes for the ASCII fast path: what a word start depends on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Other,
    Lower,
    Upper,
    Digit,
    /// A UTF-8 continuation byte: part of the character before it.
    Continuation,
}

const fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Digit,
        0x80..=0xBF => Class::Continuation,
        // Non-ASCII characters count as boundaries: those that matter here (’, €, NBSP,
        // dashes) are not letters, and accented text takes the char path.
        _ => Class::Other,
    }
}

/// [`word_start`] on byte classes.
#[inline]
fn starts_word(prev: Class, cur: Class) -> bool {
    use Class::*;
    match cur {
        Lower => matches!(prev, Other | Digit),
        Upper => matches!(prev, Other | Lower | Digit),
        Digit => matches!(prev, Other | Lower | Upper),
        _ => false,
    }
}

/// Where the term's next character `want` may be matched after the match at `at`: within
/// [`MAX_SKIP`] skipped characters, or (for a letter) at the start of the next word within
/// [`MAX_WORD_JUMP`]. Returns its offset and whether it starts a word.
fn next_hit(bytes: &[u8], at: usize, want: u8) -> Option<(usize, bool)> {
    let mut prev = class(bytes[at]);
    let in_number = bytes[at].is_ascii_digit() && want.is_ascii_digit();
    let mut skipped = 0;
    let mut passed_a_word = false;
    for (j, &b) in bytes.iter().enumerate().skip(at + 1) {
        let cls = class(b);
        if cls == Class::Continuation {
            continue;
        }
        let ws = starts_word(prev, cls);
        if b.to_ascii_lowercase() == want
            && (skipped <= MAX_SKIP || ws && may_jump(want as char, passed_a_word))
        {
            return Some((j, ws));
        }
        if in_number && {
            let mut chars = chars_at(bytes, j);
            !chars
                .next()
                .is_some_and(|c| separates_digits(c, &mut chars))
        } {
            return None;
        }
        passed_a_word |= ws;
        skipped += 1;
        // Past the skip limit only the first word start could match, and it did not.
        if skipped > MAX_WORD_JUMP || passed_a_word && skipped > MAX_SKIP {
            return None;
        }
        prev = cls;
    }
    None
}

fn windows_in_bytes(bytes: &[u8], pattern: &[u8], first_only: bool, w: &mut Windows) {
    let first = pattern[0];
    let upper = first.to_ascii_uppercase();
    let perfect = perfect_quality(pattern.len());
    let mut from = 0;
    while let Some(found) = memchr::memchr2(first, upper, &bytes[from..]) {
        let start = from + found;
        from = start + 1;
        let before = if start == 0 {
            Class::Other
        } else {
            class(bytes[start - 1])
        };
        let first_at_start = starts_word(before, class(bytes[start]));
        w.current.clear();
        w.current.push(start as u32);
        let mut starts = first_at_start as i32;
        let mut at = start;
        let mut complete = true;
        for &want in &pattern[1..] {
            match next_hit(bytes, at, want) {
                Some((j, ws)) => {
                    w.current.push(j as u32);
                    starts += ws as i32;
                    at = j;
                }
                None => {
                    complete = false;
                    break;
                }
            }
        }
        if complete && (w.offer(starts, first_at_start, perfect) || first_only) {
            return;
        }
    }
}

fn windows_in_chars(text: &str, pattern: &[char], first_only: bool, w: &mut Windows) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let perfect = perfect_quality(pattern.len());
    let prev = |k: usize| (k > 0).then(|| chars[k - 1].1);
    for s in 0..chars.len() {
        if fold(chars[s].1) != pattern[0] {
            continue;
        }
        let first_at_start = word_start(prev(s), chars[s].1);
        w.current.clear();
        w.current.push(chars[s].0 as u32);
        let mut starts = first_at_start as i32;
        let mut at = s;
        let mut complete = true;
        for &want in &pattern[1..] {
            let mut hit = None;
            let mut passed_a_word = false;
            let in_number = chars[at].1.is_ascii_digit() && want.is_ascii_digit();
            for (skipped, j) in (at + 1..chars.len()).enumerate() {
                if skipped > MAX_WORD_JUMP {
                    break;
                }
                let ws = word_start(prev(j), chars[j].1);
                if fold(chars[j].1) == want
                    && (skipped <= MAX_SKIP || ws && may_jump(want, passed_a_word))
                {
                    hit = Some((j, ws));
                    break;
                }
                if in_number
                    && !separates_digits(chars[j].1, &mut chars[j + 1..].iter().map(|&(_, c)| c))
                {
                    break;
                }
                passed_a_word |= ws && is_alnum(chars[j].1);
            }
            match hit {
                Some((j, ws)) => {
                    w.current.push(chars[j].0 as u32);
                    starts += ws as i32;
                    at = j;
                }
                None => {
                    complete = false;
                    break;
                }
            }
        }
        if complete && (w.offer(starts, first_at_start, perfect) || first_only) {
            return;
        }
    }
}

/// Skim's verdict on one window: its score and matched byte offsets, or no match.
type Scored = Option<(i64, Vec<u32>)>;

/// Scores windows with SkimMatcherV2, remembering the score of each distinct window text:
/// the same words recur across a corpus, so most windows are scored once per query.
pub struct Scorer {
    skim: SkimMatcherV2,
    memo: HashMap<Box<[u8]>, Scored, Xxh3DefaultBuilder>,
    key: Vec<u8>,
    folded: String,
    windows: Windows,
}

impl Default for Scorer {
    fn default() -> Self {
        Scorer {
            // Beyond a million matrix cells skim falls back to its linear greedy match, so
            // a 10,000-character query costs milliseconds, not seconds.
            skim: SkimMatcherV2::default()
                .ignore_case()
                .element_limit(1 << 20),
            memo: HashMap::default(),
            key: Vec::new(),
            folded: String::new(),
            windows: Windows::default(),
        }
    }
}

/// Remembered windows beyond which a scorer forgets them all (about 20 MB).
const MEMO_LIMIT: usize = 200_000;

impl Scorer {
    /// Bounds the memory the memo holds between queries.
    pub fn trim(&mut self) {
        if self.memo.len() > MEMO_LIMIT {
            self.memo.clear();
        }
    }

    /// Matches one term in `text`; positions are byte offsets into `text`.
    pub fn match_term(&mut self, text: &str, text_mask: u64, term: &Term) -> Option<TermMatch> {
        let (from, scored) = self.lookup(text, text_mask, term)?;
        let (score, offsets) = scored.as_ref()?;
        Some(TermMatch {
            score: *score,
            positions: offsets.iter().map(|&o| from + o).collect(),
        })
    }

    /// True when `term` has a compact match in `text`: the filter every query runs over all
    /// candidates, so it stops at the first window and scores nothing.
    pub fn contains(&mut self, text: &str, text_mask: u64, term: &Term) -> bool {
        if term.mask & !text_mask != 0 || term.folded.len() > text.len() {
            return false;
        }
        if term.folded.len() == 1 && term.ascii.is_some() {
            return true; // the mask holds exactly the letters and digits present
        }
        find_window(text, term, text_mask, true, &mut self.windows)
    }

    /// The highest score `term` can get anywhere: a contiguous match at a word start, after
    /// any kind of character. No match scores more, so once enough items reach it the rest
    /// need not be scored.
    pub fn best_possible(&mut self, term: &Term) -> i64 {
        if term.folded.len() > 256 {
            // No bound worth computing: such a term matches almost nothing anyway.
            return i64::MAX / 1024;
        }
        let word: String = term.folded.iter().collect();
        // A letter and a digit the term lacks, so skim cannot match inside the context.
        let letter = ('a'..='z')
            .find(|c| !term.folded.contains(c))
            .unwrap_or(' ');
        let digit = ('0'..='9')
            .find(|c| !term.folded.contains(c))
            .unwrap_or(' ');
        let mut best = i64::MIN;
        for before in [' ', '/', '-', '.', '_', '(', letter, digit] {
            let text = format!("{before}{word}");
            if let Some((s, _)) = self.skim.fuzzy_indices(&text, &word) {
                best = best.max(s);
            }
        }
        best
    }

    /// The highest score `term` can get when its first character starts no word (the
    /// item's word-initial mask from [`text_masks`] lacks it): the best of a contiguous
    /// match inside a word and of matches that jump to later word starts.
    pub fn best_possible_inside_word(&mut self, term: &Term) -> i64 {
        if term.folded.len() > 256 {
            return i64::MAX / 1024;
        }
        let word: Vec<char> = term.folded.clone();
        let filler = ('a'..='z')
            .chain('0'..='9')
            .find(|c| !word.contains(c))
            .unwrap_or('~');
        let pattern: String = word.iter().collect();
        let mut arrangements: Vec<String> = vec![format!("{filler}{pattern}")];
        for k in 1..word.len() {
            let (a, b): (String, String) = (word[..k].iter().collect(), word[k..].iter().collect());
            arrangements.push(format!("{filler}{a} {b}"));
            arrangements.push(format!("{filler}{a}{filler}{b}"));
        }
        let spaced: Vec<String> = word.iter().map(|c| c.to_string()).collect();
        arrangements.push(format!("{filler}{}", spaced.join(" ")));
        arrangements
            .iter()
            .filter_map(|text| self.skim.fuzzy_indices(text, &pattern).map(|(s, _)| s))
            .max()
            .unwrap_or(i64::MIN)
    }

    /// The score alone: what ranking needs for every candidate.
    pub fn score_term(&mut self, text: &str, text_mask: u64, term: &Term) -> Option<i64> {
        let (_, scored) = self.lookup(text, text_mask, term)?;
        scored.as_ref().map(|s| s.0)
    }

    /// Finds the best window and its (remembered) score; the window's byte offset in `text`.
    fn lookup(&mut self, text: &str, text_mask: u64, term: &Term) -> Option<(u32, &Scored)> {
        if term.mask & !text_mask != 0 || term.folded.len() > text.len() {
            return None;
        }
        if !find_window(text, term, text_mask, false, &mut self.windows) {
            return None;
        }
        let first = self.windows.best[0] as usize;
        let last = *self.windows.best.last()? as usize;
        let to = last + text[last..].chars().next().map_or(0, char::len_utf8);
        let body = &text[first..to];
        let context = context_class(text[..first].chars().next_back(), term);
        let Scorer {
            skim,
            memo,
            key,
            folded,
            ..
        } = self;
        key.clear();
        key.extend_from_slice(term.text.as_bytes());
        key.push(0);
        key.extend_from_slice(context.encode_utf8(&mut [0; 4]).as_bytes());
        key.extend_from_slice(body.as_bytes());
        if !memo.contains_key(key.as_slice()) {
            let scored = score(skim, folded, context, body, term);
            memo.insert(key.clone().into_boxed_slice(), scored);
        }
        Some((first as u32, memo.get(key.as_slice())?))
    }
}

/// What skim is shown of the character before a window: only its class, as a character
/// the term cannot match (skim would otherwise match the term's first letter there, with
/// a start-of-line bonus no real match can get). A space stands for a word boundary and
/// for the start of the text.
fn context_class(before: Option<char>, term: &Term) -> char {
    let absent = |mut range: std::ops::RangeInclusive<char>| {
        range.find(|c| !term.folded.contains(c)).unwrap_or(' ')
    };
    match before {
        Some(c) if c.is_alphabetic() => absent('a'..='z'),
        Some(c) if c.is_numeric() => absent('0'..='9'),
        _ => ' ',
    }
}

/// Skim's score for the window `body` after the context character, and the byte offsets
/// (into `body`) of the characters it matched.
fn score(
    skim: &SkimMatcherV2,
    folded: &mut String,
    context: char,
    body: &str,
    term: &Term,
) -> Scored {
    folded.clear();
    folded.push(context);
    folded.extend(body.chars().map(fold));
    let pattern: String = term.folded.iter().collect();
    let (score, indices) = skim.fuzzy_indices(folded, &pattern)?;
    let offsets: Vec<usize> = body.char_indices().map(|(i, _)| i).collect();
    let positions = indices
        .iter()
        .filter_map(|&k| offsets.get(k.checked_sub(1)?).map(|&o| o as u32))
        .collect();
    Some((score, positions))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, term: &str) -> Option<String> {
        let term = Term::new(term).unwrap();
        let m = Scorer::default().match_term(text, char_mask(text), &term)?;
        let mut out = String::new();
        for (i, c) in text.char_indices() {
            if m.positions.contains(&(i as u32)) {
                out.push('[');
                out.push(c);
                out.push(']');
            } else {
                out.push(c);
            }
        }
        Some(out)
    }

    #[test]
    fn compact_matches_only() {
        assert_eq!(find("Frontex", "frntx").unwrap(), "[F][r]o[n][t]e[x]");
        assert_eq!(
            find("the Border Force", "bordforce").unwrap(),
            "the [B][o][r][d]er [F][o][r][c][e]"
        );
        // Scattered letters of a long sentence are not a match.
        assert_eq!(
            find(
                "the cooperation at all levels, in Italy and Spain",
                "calais"
            ),
            None
        );
        assert!(find("in Calais, in the tunnel", "calais").is_some());
    }

    #[test]
    fn digits_of_a_term_stay_in_one_number() {
        // The bug: `500` found `(2005-2008)`, 5 of one year and 00 of the next.
        assert_eq!(find("Police Cooperation (2005-2008) and", "500"), None);
        assert_eq!(find("net zero by 2050 at the latest", "250"), None);
        // A term typed so far is a prefix of the number it grows into: `1500` of `15,000`.
        assert!(find("more than 15,000 people", "1500").is_some());
        assert_eq!(find("more than 15,050 people", "1550"), None);
        assert_eq!(find("in 2015 20 projects", "1520"), None);
        // What separates the digits of one number may be skipped, in both paths (plain
        // bytes, and characters when the text has accents).
        for text in [
            "1,300 police",
            "1 300 police",
            "1\u{a0}300 police",
            "1’300 é",
        ] {
            assert!(find(text, "1300").is_some(), "{text}");
        }
        assert_eq!(
            find("£1.4 million", "1.4m").unwrap(),
            "£[1][.][4] [m]illion"
        );
        assert_eq!(find("€10 million", "10m").unwrap(), "€[1][0] [m]illion");
        assert_eq!(find("Kraków (2005-2008)", "500"), None);
        assert!(find("Kraków 2,500", "2500").is_some());
    }

    #[test]
    fn the_best_window_wins() {
        // The second, word-initial and contiguous occurrence beats the first.
        assert_eq!(
            find("vocal aisle; Calais", "calais").unwrap(),
            "vocal aisle; [C][a][l][a][i][s]"
        );
    }

    #[test]
    fn accents_quotes_and_spaces_fold() {
        assert_eq!(
            find("the Visegrád group", "visegrad").unwrap(),
            "the [V][i][s][e][g][r][á][d] group"
        );
        assert_eq!(
            find("Visegrad", "visegrád").unwrap(),
            "[V][i][s][e][g][r][a][d]"
        );
        assert_eq!(
            find("the UK’s role", "uk's").unwrap(),
            "the [U][K][’][s] role"
        );
        assert!(find("€10\u{a0}million", "10").is_some());
        // Marks below: comma (Romanian), cedilla, dot; and Kraków.
        assert_eq!(find("in Iași", "iasi").unwrap(), "in [I][a][ș][i]");
        assert!(find("Timișoara and Constanța", "constanta").is_some());
        assert!(find("Iaşi", "iasi").is_some());
        assert!(find("Kraków", "krakow").is_some());
        assert!(find("Aḥmad", "ahmad").is_some());
        assert!(find("Ķekava", "kekava").is_some());
    }

    #[test]
    fn ligatures_and_combining_marks_fold_where_length_may_change() {
        assert_eq!(fold_str("ﬁnance Œuvre Straße"), "finance oeuvre strasse");
        assert_eq!(fold_str("Ias\u{326}i"), "iasi");
        assert_eq!(fold_str("“Kraków”\u{a0}Iași"), "\"krakow\" iasi");
        // One character in, one out.
        assert_eq!(fold('ﬁ'), 'f');
        assert_eq!(fold('Ș'), 's');
        // Letters without marks are only lower-cased; other characters are kept.
        assert_eq!(fold('Ａ'), 'ａ');
        assert_eq!(fold('Ж'), 'ж');
        assert_eq!(fold('€'), '€');
        assert_eq!(fold('漢'), '漢');
    }

    #[test]
    fn extension_keeps_matches_inside() {
        let a = Term::new("cal").unwrap();
        let b = Term::new("cala").unwrap();
        assert!(b.extends(&a));
        assert!(!a.extends(&b));
    }

    #[test]
    fn masks_rule_out_missing_letters() {
        let text = "the quick brown fox";
        let term = Term::new("xyzzy").unwrap();
        assert_ne!(term.mask() & !char_mask(text), 0);
    }
}
