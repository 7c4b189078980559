//! Figures: money, counts, percentages, multipliers and fractions, with their bounds,
//! approximations and rates, and without the numbers that only look like quantities
//! (`G7`, `24/7`, `Article 9`, list numbering, phone and page numbers, versions).

use super::lexicon::{Lex, REFERENCE_WORDS, is, is_any};
use super::numbers::{parse_digits, parse_words};
use super::tokens::{Gap, Kind, Token, Tokens};
use super::{Figure, FigureValue, Number, item};

/// Finds every figure in `text`, skipping tokens already `covered` by dates.
pub fn find(text: &str, toks: &[Token], covered: &[bool]) -> Vec<Figure> {
    let scan = Scan {
        tokens: Tokens { text, toks },
        covered,
    };
    let mut out = Vec::new();
    let mut skip_until = 0;
    let mut i = 0;
    while i < toks.len() {
        // The longest modifier before a number is "a maximum of" / "no fewer than".
        if i < skip_until || covered[i] || toks[i].ahead > 5 {
            i += 1;
            continue;
        }
        if let Some(n) = scan.noise(i) {
            skip_until = i + n;
            i += n;
            continue;
        }
        if !toks[i].can_start_item() {
            i += 1;
            continue;
        }
        match scan.figure(i) {
            Some((first, end, value))
                if first >= skip_until && !covered[first..end].contains(&true) =>
            {
                let figure = item(text, toks[first].start, toks[end - 1].end, value);
                if out
                    .last()
                    .is_some_and(|prev| is_false_start(text, prev, &figure))
                {
                    out.pop();
                }
                out.push(figure);
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// A speaker's false start: a bare number broken off by a dash and said again with its
/// currency (`107 billion — $107 billion`). Only the figure said in full is meant.
fn is_false_start(text: &str, prev: &Figure, next: &Figure) -> bool {
    let between = text[prev.end..next.start].trim();
    matches!(between, "—" | "–" | "--" | "-")
        && prev.value.currency.is_none()
        && next.value.currency.is_some()
        && prev
            .value
            .count
            .is_some_and(|c| Some(c) == next.value.amount)
}

struct Scan<'a> {
    tokens: Tokens<'a>,
    covered: &'a [bool],
}

impl<'a> std::ops::Deref for Scan<'a> {
    type Target = Tokens<'a>;
    fn deref(&self) -> &Tokens<'a> {
        &self.tokens
    }
}

/// How a modifier before a number bounds it.
#[derive(Clone, Copy, PartialEq)]
enum Bound {
    Approx,
    Min,
    Max,
    From,
    Between,
}

/// Words after a number word that show it does not count a noun.
const NOT_NOUNS: &[&str] = &[
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "are",
    "is",
    "were",
    "was",
    "be",
    "been",
    "have",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "do",
    "did",
    "who",
    "which",
    "that",
    "than",
    "as",
    "per",
    "a",
    "an",
    "the",
    "more",
    "less",
    "each",
    "other",
    "others",
    "such",
    "too",
    "so",
    "it",
    "they",
    "across",
    "into",
    "onto",
    "through",
    "throughout",
    "under",
    "over",
    "after",
    "before",
    "during",
    "until",
    "within",
    "without",
    "against",
    "among",
    "towards",
    "toward",
    "alone",
    "onwards",
    "onward",
];

/// Words between a number and a time unit that keep it a duration (`seven consecutive years`).
const DURATION_ADJECTIVES: &[&str] = &[
    "consecutive",
    "successive",
    "straight",
    "full",
    "more",
    "further",
    "additional",
    "long",
    "whole",
];

/// Words after `pounds of` that make it money, not weight (`pounds of public money`, but
/// `pounds of cocaine`).
const MONEY_NOUNS: &[&str] = &[
    "money",
    "funding",
    "funds",
    "investment",
    "spending",
    "support",
    "aid",
    "assistance",
    "finance",
    "financing",
    "taxpayers",
    "taxpayers'",
    "taxpayers’",
    "taxpayer",
    "public",
    "private",
    "new",
    "extra",
    "additional",
    "government",
    "grant",
    "grants",
    "savings",
    "revenue",
    "income",
    "cuts",
    "debt",
    "capital",
    "tax",
    "cash",
    "credit",
    "loans",
    "damage",
    "our",
    "their",
    "your",
    "its",
    "his",
    "her",
    "my",
    "own",
];

/// Nouns after a year that use it as a point of reference (`over 1990 levels`, `in 2020
/// prices`), not as a count of them.
const YEAR_REFERENCE_NOUNS: &[&str] = &[
    "level",
    "levels",
    "baseline",
    "baselines",
    "prices",
    "values",
    "terms",
    "figures",
];

/// Prepositions after which a year-like number is a year, not a count (`over 2025`).
const YEAR_PREPOSITIONS: &[&str] = &[
    "over",
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "during",
    "before",
    "after",
];

impl Scan<'_> {
    fn usable(&self, i: usize) -> bool {
        i < self.toks.len() && !self.covered[i]
    }

    /// Runs of tokens that hold numbers but no figure: phone numbers, page lines, versions,
    /// codes, times. Returns how many tokens to skip.
    fn noise(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        // Phone numbers: +44 20 7946 0958, 020 7946 0958, (0)20 …
        let plus = self.sym(i) == Some('+')
            && self
                .tok(i + 1)
                .is_some_and(|n| n.kind == Kind::Num && n.gap == Gap::None);
        let zero_lead = t.kind == Kind::Num
            && t.text(self.text).starts_with('0')
            && t.text(self.text).len() >= 2
            && self
                .tok(i + 1)
                .is_some_and(|n| n.kind == Kind::Num && n.gap == Gap::Space);
        if plus || zero_lead {
            let mut j = i + 1;
            while let Some(n) = self.tok(j) {
                let joins = n.gap <= Gap::Space
                    && (n.kind == Kind::Num || matches!(self.sym(j), Some('-' | '(' | ')' | '.')));
                if !joins {
                    break;
                }
                j += 1;
            }
            return Some(j - i);
        }
        // A page line: "Page 2 of 3", "– 2 –", "2", "p. 4" alone on a line.
        if t.gap >= Gap::Line {
            let mut j = i;
            let mut numbers = 0;
            let mut ok = true;
            // Stop at the first token a page line cannot hold: on a line of prose the answer
            // is known at its first word, and every line start within reach of a number asks.
            while let Some(n) = self.tok(j)
                && ok
                && numbers <= 2
            {
                if j > i && n.gap >= Gap::Line {
                    break;
                }
                match n.kind {
                    Kind::Num => numbers += 1,
                    Kind::Word => ok &= is_any(n.text(self.text), &["page", "p", "of", "pg"]),
                    Kind::Sym => {
                        ok &= matches!(
                            self.sym(j),
                            Some('-' | '–' | '—' | '.' | '/' | '|' | '(' | ')')
                        )
                    }
                }
                j += 1;
            }
            let line_end = self.tok(j).is_none_or(|n| n.gap >= Gap::Line);
            if ok && line_end && (1..=2).contains(&numbers) {
                return Some(j - i);
            }
        }
        // Times of day, scores, 24/7, 1/3-style codes: digits glued by ':' or '/' to digits.
        if t.kind == Kind::Num
            && matches!(self.sym(i + 1), Some(':' | '/'))
            && self.adjacent(i + 1)
            && self
                .tok(i + 2)
                .is_some_and(|n| n.kind == Kind::Num && n.gap == Gap::None)
        {
            let mut j = i + 3;
            while matches!(self.sym(j), Some(':' | '/'))
                && self.adjacent(j)
                && self
                    .tok(j + 1)
                    .is_some_and(|n| n.kind == Kind::Num && n.gap == Gap::None)
            {
                j += 2;
            }
            return Some(j - i);
        }
        // 4x4, 3D, 5G, 10am: digits glued to letters that are no scale or currency.
        if t.kind == Kind::Num
            && let Some(next) = self.tok(i + 1)
            && next.gap == Gap::None
            && next.kind == Kind::Word
            && !matches!(next.lex, Lex::Scale(_) | Lex::Currency(_))
        {
            let mut j = i + 1;
            while self
                .tok(j)
                .is_some_and(|n| n.gap == Gap::None && n.kind != Kind::Sym)
            {
                j += 1;
            }
            return Some(j - i);
        }
        None
    }

    /// True when the number token at `i` is a code, reference or list number, not a quantity.
    fn is_reference(&self, i: usize) -> bool {
        let t = self.toks[i];
        if i > 0 {
            let prev = self.toks[i - 1];
            if t.gap == Gap::None {
                // G7, COP26, v2, #3, COVID-19, A/RES/70, IP_25_712 (Markdown writes `IP\_25`)
                // — but not money after its code (`USD5 million`).
                let code = matches!(prev.lex, Lex::Currency(_))
                    && prev.end - prev.start == 3
                    && prev.text(self.text).bytes().all(|b| b.is_ascii_uppercase());
                if prev.kind == Kind::Word && !code {
                    return true;
                }
                if matches!(self.sym(i - 1), Some('#' | '/' | '.' | '№' | '§' | '_')) {
                    return true;
                }
                // "December ’22", "in '19": a year cut to two digits.
                if matches!(self.sym(i - 1), Some('\'' | '‘' | '’')) && t.end - t.start == 2 {
                    return true;
                }
                if self.sym(i - 1) == Some('-')
                    && i >= 2
                    && self.toks[i - 2].kind == Kind::Word
                    && prev.gap == Gap::None
                {
                    return true;
                }
                if self.sym(i - 1) == Some('[') && self.sym(i + 1) == Some(']') {
                    return true;
                }
            }
            // "COMPET 412", "HC 12345": a number after an acronym (not a currency code) is a
            // reference; so is the number after a code like "COM(2023)".
            if let Some(w) = self.word(i - 1)
                && t.gap == Gap::Space
                && is_acronym(w)
                && !matches!(prev.lex, Lex::Currency(_))
            {
                return true;
            }
            if self.sym(i - 1) == Some(')')
                && i >= 4
                && self.toks[i - 2].kind == Kind::Num
                && self.sym(i - 3) == Some('(')
                && self.word(i - 4).is_some_and(is_acronym)
                && self.toks[i - 3].gap == Gap::None
            {
                return true;
            }
            // The number column of a Markdown table: "| 3 |" at the start of a row.
            if self.sym(i - 1) == Some('|') && prev.gap >= Gap::Line && self.sym(i + 1) == Some('|')
            {
                return true;
            }
            // A footer: "9120/25 <tab> JB/ms <tab> 2" ends its line after a tab.
            if self.tok(i + 1).is_none_or(|n| n.gap >= Gap::Line)
                && self.text[prev.end..t.start].contains('\t')
            {
                return true;
            }
            if self.in_underscore_code(i) {
                return true;
            }
            // "2021–27", "2025-26": the tail of a range of years.
            if t.gap == Gap::None
                && matches!(self.sym(i - 1), Some('-' | '–'))
                && i >= 2
                && prev.gap == Gap::None
                && self.tok(i - 2).is_some_and(|y| is_year(y.text(self.text)))
                && (t.end - t.start == 2 || is_year(t.text(self.text)))
            {
                return true;
            }
            // "Articles 12 to 15", "paragraphs 3-5": the whole list is references.
            let head = self.list_head(i);
            let mut k = head.saturating_sub(1);
            if self.sym(k) == Some('.') && k > 0 {
                k -= 1;
            }
            if let Some(w) = self.word(k)
                && head > 0
                && is_any(w, REFERENCE_WORDS)
                && self.inline(head)
            {
                // "No." capitalized or "number 5": only when the word is not a count itself.
                return !(is(w, "no") && self.is_word(i + 1, "fewer"));
            }
            if self.sym(i - 1) == Some('§') {
                return true;
            }
        }
        if self.is_line_number(i) || self.is_footnote_mark(i) {
            return true;
        }
        if i > 0
            && self.sym(i - 1) == Some('(')
            && self.adjacent(i)
            && self.sym(i + 1) == Some(')')
            && self.adjacent(i + 1)
        {
            let starts_line = i < 2 || self.toks[i - 1].gap >= Gap::Line;
            // "(1) breaking supply chains, (2) a treatment system": an enumerator in running
            // text is followed by the words of its item.
            let item_follows = self.inline(i + 2) && self.word(i + 2).is_some();
            if starts_line || item_follows {
                return true;
            }
        }
        // "Steps: 1) register, 2) apply": `N)` after a break in the sentence starts an item.
        if i > 0
            && self.sym(i + 1) == Some(')')
            && self.adjacent(i + 1)
            && self.inline(i + 2)
            && self.word(i + 2).is_some()
            && (matches!(self.sym(i - 1), Some(',' | ';' | ':'))
                || self.word(i - 1).is_some_and(|w| is_any(w, &["and", "or"])))
        {
            return true;
        }
        false
    }

    /// List and paragraph numbering at the start of a line: `1.`, `2)`, a communiqué's
    /// Markdown-escaped `17\.`, a bold `**1.`, and `24.We` where the space after the number
    /// was lost, and a sub-paragraph's `1.1 The Council`. A number that a hard-wrapped
    /// sentence carries onto the line after a word that cannot end one (`a total of` ⏎ `300.
    /// Then`) is no numbering.
    fn is_line_number(&self, i: usize) -> bool {
        let mut s = i;
        while s > 0 && self.adjacent(s) && matches!(self.sym(s - 1), Some('*' | '_')) {
            s -= 1;
        }
        let line_start = s == 0 || self.toks[s].gap >= Gap::Line;
        if !line_start {
            return false;
        }
        if s > 0
            && self.toks[s].gap == Gap::Line
            && self.word(s - 1).is_some_and(|w| is_any(w, NOT_NOUNS))
        {
            return false;
        }
        // "1.1 The Council notes": a numbered sub-paragraph.
        let capital_follows = |n: usize| {
            self.word(n)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
                && self.tok(n).is_some_and(|t| t.gap == Gap::Space)
        };
        if self.toks[i].text(self.text).contains('.') && capital_follows(i + 1) {
            return true;
        }
        let mut m = i + 1;
        if self.sym(m) == Some('\\') && self.adjacent(m) {
            m += 1;
        }
        if !(matches!(self.sym(m), Some('.' | ')')) && self.adjacent(m)) {
            return false;
        }
        match self.tok(m + 1) {
            None => true,
            Some(n) if n.gap >= Gap::Space => true,
            Some(n) => {
                self.sym(m) == Some('.')
                    && n.kind == Kind::Word
                    && n.text(self.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            }
        }
    }

    /// A footnote mark raised by HTML: `<sup>1</sup>`, `<sup>[2]</sup>`. Read from the raw
    /// text: the tokenizer reads past the tags of a Markdown page.
    fn is_footnote_mark(&self, i: usize) -> bool {
        let before = self.text[..self.toks[i].start]
            .trim_end_matches('[')
            .as_bytes();
        before.len() >= 5 && before[before.len() - 5..].eq_ignore_ascii_case(b"<sup>")
    }

    /// `January 9-10`, `June 29-30, 2022`, `11-13 June`: days of a range of days, which the
    /// date rules read on the month's side only. `j..k` is the number (or range) read.
    fn is_day_of_a_range(&self, j: usize, k: usize) -> bool {
        let day = |t: usize| {
            self.tok(t).is_some_and(|x| {
                x.kind == Kind::Num
                    && x.end - x.start <= 2
                    && parse_digits(x.text(self.text)).is_some_and(|d| (1.0..=31.0).contains(&d))
            })
        };
        // Month names are capitalized in English: `may` is never one.
        let month = |t: usize| {
            self.tok(t).is_some_and(|x| {
                matches!(x.lex, Lex::Month(_))
                    && x.text(self.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            })
        };
        let dash = |t: usize| matches!(self.sym(t), Some('-' | '–')) && self.adjacent(t);
        // The two days `a-b` with a month just before `a` or just after `b`.
        let days = |a: usize| {
            day(a)
                && dash(a + 1)
                && self.adjacent(a + 2)
                && day(a + 2)
                && ((a >= 1 && month(a - 1) && self.inline(a))
                    || (month(a + 3) && self.inline(a + 3)))
        };
        let tail = j >= 2 && days(j - 2);
        let head = days(j) && k <= j + 3;
        tail || head
    }

    /// `Nord Stream 2`, `Flight 752`, `Task Force 59`, `Pillar 1`, `Executive Order 14020`,
    /// `H.R. 1177`: a number after a capitalized word (or an initial) in running text names
    /// a thing; it counts nothing unless a noun follows (`Ukraine 300 rifles`). `k` is the
    /// token after the number.
    fn is_designation(&self, j: usize, k: usize) -> bool {
        let Some(t) = self.tok(j) else {
            return false;
        };
        // "Italy 40,000, Greece 30,000": a grouped number is a quantity, never a name.
        if j < 2 || t.gap == Gap::None || t.gap >= Gap::Paragraph || t.text(self.text).contains(',')
        {
            return false;
        }
        let p = j - 1;
        let named = match self.tok(p) {
            Some(w) if w.kind == Kind::Word => {
                let text = w.text(self.text);
                let sentence_start = w.gap >= Gap::Paragraph
                    || matches!(self.sym(p - 1), Some('.' | '!' | '?' | ':' | '"' | '“'));
                // A verb of a title-case heading ("Announces 500 New Jobs", "Deploying 300
                // Troops") is no name.
                let ends = |suffix: &str| {
                    text.len() >= suffix.len()
                        && text.as_bytes()[text.len() - suffix.len()..]
                            .eq_ignore_ascii_case(suffix.as_bytes())
                };
                let verb = ends("ing") || ends("ed") || ends("s") && !ends("ss");
                w.lex == Lex::None
                    && text.chars().next().is_some_and(char::is_uppercase)
                    && !sentence_start
                    && !verb
            }
            // "H.R. 2468", "S. 915": an initial before the number.
            _ => {
                self.sym(p) == Some('.')
                    && self.adjacent(p)
                    && self
                        .word(p - 1)
                        .is_some_and(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
            }
        };
        if !named {
            return false;
        }
        // What follows: a counted noun is a lower-case word that is no function word and
        // no verb in -ing (`Business 7 covering`).
        let noun = self.tok(k).is_some_and(|n| n.gap < Gap::Paragraph)
            && self.word(k).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_lowercase)
                    && !is_any(w, NOT_NOUNS)
                    && !(w.ends_with("ing") && w.len() > 4)
            });
        !noun
    }

    /// `a 360-degree view`, `a 180-degree turn`: angles of a full or half turn used as a
    /// figure of speech (all-round, reversed), not quantities.
    fn turn_of_phrase(&self, j: usize) -> bool {
        self.tok(j)
            .is_some_and(|t| t.kind == Kind::Num && matches!(t.text(self.text), "180" | "360"))
            && self.sym(j + 1) == Some('-')
            && self.adjacent(j + 1)
            && self.adjacent(j + 2)
            && self.is_word(j + 2, "degree")
    }

    /// A figure starting at token `i`: first token, end token, value.
    fn figure(&self, i: usize) -> Option<(usize, usize, FigureValue)> {
        let (mut bound, mut j) = self.modifier(i).unwrap_or((None, i));
        let mut first = i;
        let (currency_before, after_cur) = self.currency_before(j);
        if currency_before.is_some() {
            j = after_cur;
        }
        let (number, mut k, worded) = self.number(j)?;
        if !self.usable(j) || self.turn_of_phrase(j) {
            return None;
        }
        if let NumberRead::Vague(unit) = number {
            return self.vague(first, k, unit, bound);
        }
        let mut value = FigureValue::default();
        let mut currency = currency_before;
        let mut percent = false;
        let mut multiplier = None;
        let mut fraction = None;
        match number {
            NumberRead::Plain(_) => {}
            NumberRead::Fraction(f) => fraction = Some(f),
            NumberRead::Multiplier(m) => multiplier = Some(m),
            NumberRead::Vague(_) => return None,
        }
        let n = number;
        let mut amount = n.value();
        // "GBP 75 000": after a currency, an ordinary space may group thousands too.
        while currency.is_some()
            && !worded
            && self.tok(k).is_some_and(|t| {
                t.kind == Kind::Num && t.gap == Gap::Space && t.text(self.text).len() == 3
            })
            && self
                .tok(k - 1)
                .is_some_and(|t| t.kind == Kind::Num && t.text(self.text).len() <= 3)
            && amount.fract() == 0.0
            && let Some(group) = self
                .tok(k)
                .and_then(|t| t.text(self.text).parse::<f64>().ok())
        {
            amount = amount * 1000.0 + group;
            k += 1;
        }
        let mut first_scaled = false;
        // Scale: 10 million, 10m, 3.5bn, 1.3k
        if fraction.is_none()
            && multiplier.is_none()
            && let Some((s, after)) = self.scale(k, worded)
        {
            amount *= s;
            k = after;
            first_scaled = true;
        }
        // Currency after: 2000€, 10 million euros, 5 billion US dollars, 2 million EUR
        if currency.is_none()
            && fraction.is_none()
            && multiplier.is_none()
            && let Some((c, after)) = self.currency_after(k)
        {
            currency = Some(c);
            k = after;
        }
        // Percent
        if currency.is_none()
            && fraction.is_none()
            && multiplier.is_none()
            && let Some(after) = self.percent(k)
        {
            percent = true;
            k = after;
        }
        // N-fold, N times more
        if currency.is_none() && !percent && fraction.is_none() && multiplier.is_none() {
            if self.sym(k) == Some('-')
                && self.adjacent(k)
                && self.is_word(k + 1, "fold")
                && self.adjacent(k + 1)
            {
                multiplier = Some(amount);
                k += 2;
            } else if self.is_word(k, "times")
                && self.inline(k)
                && self.word(k + 1).is_some_and(|w| {
                    is_any(
                        w,
                        &[
                            "more", "less", "higher", "lower", "larger", "greater", "bigger",
                            "what", "smaller", "faster", "as", "the", "over",
                        ],
                    )
                })
            {
                multiplier = Some(amount);
                k += 1;
            }
        }
        // Ranges: from 150 to 250, between 200 and 300, 150-250, 10 to 15%
        let mut range_max = None;
        let joiner = match bound {
            Some(Bound::Between) => &["and"][..],
            _ => &["to"][..],
        };
        let dash = matches!(self.sym(k), Some('-' | '–' | '—')) && self.inline(k);
        let worded_joiner = self.word(k).is_some_and(|w| is_any(w, joiner)) && self.inline(k);
        // "doubled to 400", "half to the regions": a factor or share has no range.
        let plain = matches!(number, NumberRead::Plain(_));
        if plain && (dash || worded_joiner) && self.usable(k + 1) && self.inline(k + 1) {
            let (cur2, after_cur2) = self.currency_before(k + 1);
            let m = if cur2.is_some() { after_cur2 } else { k + 1 };
            if let Some((NumberRead::Plain(v2), mut e, worded2)) = self.number(m)
                && (cur2.is_none() || cur2 == currency)
                && self.usable(m)
                && !self.is_reference(m)
            {
                // What the second number says of the first is only taken when the two
                // make a range: "fell by 10,000 to 7.5 million" keeps 10,000 as it is.
                let (mut v2, mut first) = (v2, amount);
                let (mut cur, mut pct) = (currency, percent);
                if let Some((s, after)) = self.scale(e, worded2) {
                    v2 *= s;
                    e = after;
                    // €5-10 million: the scale after the second number applies to both.
                    if !first_scaled {
                        first *= s;
                    }
                }
                if cur.is_none()
                    && let Some((c, after)) = self.currency_after(e)
                {
                    cur = Some(c);
                    e = after;
                }
                if let Some(after) = self.percent(e) {
                    pct = true;
                    e = after;
                }
                // "rose by 1,200 to 4,500": the change, then the level it reaches — two
                // figures; "cut by 40 to 50 per cent" is a range.
                let change_then_level = worded_joiner
                    && bound.is_none()
                    && i > 0
                    && self.is_word(i - 1, "by")
                    && v2 > 2.0 * first;
                let ok = !(v2 <= first
                    || change_then_level
                    || (dash && !self.adjacent(k) && bound.is_none() && !pct && cur.is_none()));
                if ok {
                    range_max = Some(v2);
                    k = e;
                    (amount, currency, percent) = (first, cur, pct);
                }
            }
        }
        if matches!(bound, Some(Bound::From | Bound::Between)) && range_max.is_none() {
            return None;
        }
        // Rates after money: €5 million a year, £2m per annum
        if currency.is_some()
            && let Some((per, after)) = self.rate(k)
        {
            value.per = Some(per);
            k = after;
        }
        // Number words count a noun: "twenty organised gangs", never "two years".
        let is_count = currency.is_none() && !percent && multiplier.is_none() && fraction.is_none();
        if is_count {
            // A duration: "two years", "11 years ago", "two and a half years",
            // "between 10 and 15 years".
            if self.duration_follows(k)
                || (self.is_word(k, "and")
                    && self.is_word(k + 1, "a")
                    && self.is_word(k + 2, "half"))
            {
                return None;
            }
            if worded {
                if !self.counts_a_noun(j, k) {
                    return None;
                }
                // "built around three priorities", "talks about two issues": before a small
                // count written in words, `around` and `about` are prepositions; nobody
                // rounds to three.
                if bound == Some(Bound::Approx)
                    && j == i + 1
                    && self
                        .word(i)
                        .is_some_and(|w| is_any(w, &["about", "around"]))
                    && amount < 10.0
                {
                    bound = None;
                    first = j;
                }
            } else if self.is_reference(j)
                || self.is_year_after_preposition(first, j, k)
                || self.is_day_of_a_range(j, k)
                || (first == j && range_max.is_none() && self.is_designation(j, k))
            {
                return None;
            }
        } else if !worded && self.is_reference(j) {
            return None;
        }
        let number = Number(amount);
        if let Some(c) = currency {
            value.amount = Some(number);
            value.currency = Some(c);
        } else if percent {
            value.percent = Some(number);
        } else if let Some(m) = multiplier {
            value.multiplier = Some(Number(m));
        } else if let Some(f) = fraction {
            value.fraction = Some(Number(f));
        } else {
            value.count = Some(number);
        }
        let head = fraction.or(multiplier).unwrap_or(amount);
        match bound {
            Some(Bound::Approx) => value.approx = Some(true),
            Some(Bound::Min) => value.min = Some(Number(head)),
            Some(Bound::Max) => value.max = Some(Number(head)),
            _ => {}
        }
        if let Some(m) = range_max {
            value.min = Some(Number(head));
            value.max = Some(Number(m));
        }
        if k > self.toks.len()
            || self.toks[first + 1..k]
                .iter()
                .any(|t| t.gap >= Gap::Paragraph)
        {
            return None;
        }
        Some((first, k, value))
    }

    /// A vague quantity read by `number` up to `k` (`thousands`, `hundreds of millions`):
    /// approximate, with its unit as the minimum; money when `of` a currency follows at `k`.
    fn vague(
        &self,
        first: usize,
        k: usize,
        unit: f64,
        bound: Option<Bound>,
    ) -> Option<(usize, usize, FigureValue)> {
        // "thousands of years" is a duration; "from thousands of" is no range.
        let of = self.is_word(k, "of");
        if matches!(bound, Some(Bound::From | Bound::Between)) || of && self.duration_follows(k + 1)
        {
            return None;
        }
        let n = Some(Number(unit));
        let mut value = FigureValue {
            approx: Some(true),
            ..FigureValue::default()
        };
        let mut end = k;
        let currency = if of {
            self.currency_after(k + 1)
        } else {
            self.currency_after(k)
        };
        if let Some((c, after)) = currency {
            value.amount = n;
            value.currency = Some(c);
            end = after;
            if let Some((per, after)) = self.rate(end) {
                value.per = Some(per);
                end = after;
            }
        } else {
            value.count = n;
        }
        if bound == Some(Bound::Max) {
            value.max = n;
        } else {
            value.min = n;
        }
        if self.toks[first + 1..end]
            .iter()
            .any(|t| t.gap >= Gap::Paragraph)
        {
            return None;
        }
        Some((first, end, value))
    }

    /// The unit of the vague quantity at `j` (`dozens`, `tens of thousands`, `hundreds of
    /// millions`) and the token after its words, when `of` and what it counts follow
    /// (`billions more`, `billions worth of` too) or the words are a compound.
    fn vague_unit(&self, j: usize) -> Option<(NumberRead, usize, bool)> {
        let mut unit = self.tok(j)?.lex.many()?;
        let mut k = j + 1;
        let mut words = 1;
        while self.is_word(k, "of")
            && self.inline(k)
            && self.inline(k + 1)
            && let Some(next) = self.tok(k + 1).and_then(|t| t.lex.many())
            && next > unit
        {
            unit *= next;
            k += 2;
            words += 1;
        }
        // "tens" alone is no quantity ("tens and units"); a compound is one without `of`
        // after it ("worth hundreds of millions.", "Tens of thousands fled").
        let tens_alone = unit == 10.0 && words == 1;
        let counts = (self.is_word(k, "of")
            || self.word(k).is_some_and(|w| is_any(w, &["more", "worth"])))
            && self.inline(k)
            && !tens_alone;
        (counts || words >= 2).then_some((NumberRead::Vague(unit), k, true))
    }

    /// Whether the multiplying word at `j` multiplies (`will double`, `doubled`, `twice as
    /// many`), rather than describing a thing (`a double standard`) or counting events
    /// (`visited twice`).
    fn multiplies(&self, j: usize) -> bool {
        let Some(w) = self.word(j) else {
            return false;
        };
        let next = self.word(j + 1).filter(|_| self.inline(j + 1));
        let next_is = |list: &[&str]| next.is_some_and(|n| is_any(n, list));
        if is(w, "twice") {
            return next_is(&[
                "as", "the", "that", "what", "its", "their", "our", "his", "her", "this", "these",
                "those", "more", "over",
            ]);
        }
        // "double down", "doubled up as", "will double as a shelter": idioms, not factors
        // ("doubled as prices rose", "tenfold as many" are).
        let as_a_thing = next_is(&["as"])
            && self.word(j + 2).is_some_and(|w| {
                is_any(
                    w,
                    &[
                        "a", "an", "the", "its", "their", "our", "his", "her", "both",
                    ],
                )
            });
        if next_is(&["down", "up", "back"]) || as_a_thing {
            return false;
        }
        if !is_any(w, &["double", "triple", "quadruple"]) {
            // tenfold, doubled, tripling: a factor.
            return true;
        }
        // "will double", "to triple", "more than double", "roughly double"
        let before = j
            .checked_sub(1)
            .filter(|_| self.inline(j))
            .and_then(|p| self.word(p));
        if before.is_some_and(|b| {
            is_any(
                b,
                &[
                    "will",
                    "would",
                    "to",
                    "shall",
                    "can",
                    "could",
                    "may",
                    "might",
                    "should",
                    "must",
                    "roughly",
                    "nearly",
                    "almost",
                    "about",
                    "around",
                    "approximately",
                    "than",
                    "more",
                    "least",
                ],
            ) || b.ends_with("'ll")
                || b.ends_with("’ll")
        }) {
            return true;
        }
        if before.is_some_and(|b| is_any(b, &["a", "an", "the"])) {
            return false;
        }
        // "double the number", "double in size", "double." — but "double taxation"
        let ends = self.tok(j + 1).is_none_or(|t| t.gap >= Gap::Line)
            || matches!(self.sym(j + 1), Some('.' | ',' | ';' | ':' | ')'));
        ends || next_is(&[
            "the", "its", "their", "our", "his", "her", "this", "that", "these", "those", "in",
            "by", "to", "from", "over", "within", "since", "between", "again", "and", "or",
            "every", "each", "when", "if", "as", "during", "until",
        ])
    }

    /// The share `v in d` or `v out of d` whose `in`/`out` is at `k` (`one in five`, `1 in
    /// 4`, `nine out of ten`): the fraction and the token after it. The denominator is
    /// written like the numerator, is larger, and is no year (`5 in 2023`).
    fn share(&self, k: usize, v: f64) -> Option<(f64, usize)> {
        let d = if self.is_word(k, "in") && self.inline(k) {
            // "one in every five"
            if self.is_word(k + 1, "every") && self.inline(k + 1) {
                k + 2
            } else {
                k + 1
            }
        } else if self.is_word(k, "out")
            && self.is_word(k + 1, "of")
            && self.inline(k)
            && self.inline(k + 1)
        {
            k + 2
        } else {
            return None;
        };
        let t = self.tok(d).filter(|_| self.inline(d))?;
        let worded = self.toks[k - 1].kind == Kind::Word;
        let den = match (t.kind, t.lex) {
            (Kind::Word, Lex::Number(n)) if worded => n as f64,
            (Kind::Num, _) if !worded && !is_year(t.text(self.text)) => {
                parse_digits(t.text(self.text))?
            }
            _ => return None,
        };
        // "1 in 4.5" or "1 in 4m" is no share of a whole.
        if self.adjacent(d + 1) && self.tok(d + 1).is_some_and(|n| n.kind == Kind::Word) {
            return None;
        }
        (den > v && v > 0.0).then_some((v / den, d + 1))
    }

    /// Whether `half` at `j` is a share: `half of all renters`, `half the cost`, `less than
    /// half`, `cut by half` — not `the first half of`, `one and a half`, `half an hour`.
    fn half_is_a_share(&self, j: usize) -> bool {
        // "in half an hour", "half a day": a measure of time, not a share.
        if self.word(j + 1).is_some_and(|w| is_any(w, &["a", "an"])) {
            return false;
        }
        let before = j
            .checked_sub(1)
            .filter(|_| self.inline(j))
            .and_then(|p| self.word(p));
        if before.is_some_and(|b| {
            is_any(
                b,
                &[
                    "first", "second", "latter", "other", "last", "next", "a", "and", "this",
                    "that", "each",
                ],
            )
        }) {
            return false;
        }
        let next = self.word(j + 1).filter(|_| self.inline(j + 1));
        next.is_some_and(|n| {
            is_any(
                n,
                &[
                    "of", "the", "its", "their", "our", "all", "his", "her", "these", "those",
                ],
            )
        }) || before.is_some_and(|b| {
            is_any(
                b,
                &[
                    "than",
                    "almost",
                    "nearly",
                    "about",
                    "around",
                    "roughly",
                    "approximately",
                    "over",
                    "under",
                    "by",
                    "in",
                    "some",
                    "least",
                    "most",
                ],
            )
        })
    }

    /// `over 2025`, `since 2010 and`, `until at least 2030`, `no later than 2050`: a year after
    /// a preposition (before the figure's bound word, if any) or after `later`/`earlier
    /// than`, unless it counts a noun (`over 2000 teachers`). The figure starts at `i`, its
    /// number at `j`; `k` is the token after the number.
    fn is_year_after_preposition(&self, i: usize, j: usize, k: usize) -> bool {
        if !is_year(self.toks[j].text(self.text)) {
            return false;
        }
        let word_before = |t: usize| t.checked_sub(1).and_then(|p| self.word(p));
        let is_before = |t: usize, list: &[&str]| word_before(t).is_some_and(|w| is_any(w, list));
        // The figure may start at its bound (`i`), or be read from the number on (`j`) after
        // the bound failed as a figure: look past `at least`/`at most` too.
        let past_at_least = if is_before(j, &["least", "most"]) && is_before(j - 1, &["at"]) {
            j - 2
        } else {
            j
        };
        let after_preposition = [j, i, past_at_least]
            .into_iter()
            .any(|t| is_before(t, YEAR_PREPOSITIONS));
        let later_than =
            is_before(j, &["than"]) && is_before(j - 1, &["later", "earlier", "sooner"]);
        if !(after_preposition || later_than) {
            return false;
        }
        // "over 2000 teachers" counts; "over 1990 levels" compares with a year.
        let counted = self.inline(k)
            && self.word(k).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_lowercase)
                    && !is_any(w, NOT_NOUNS)
                    && !is_any(w, YEAR_REFERENCE_NOUNS)
            });
        !counted
    }

    /// The first number of a list or range of numbers that ends at `i`: `12` in
    /// `Articles 12 to 15`, `4` in `Articles 4, 5 and 9`.
    fn list_head(&self, mut i: usize) -> usize {
        while i >= 2
            && self.inline(i)
            && self.inline(i - 1)
            && self.toks[i - 2].kind == Kind::Num
            && (self
                .word(i - 1)
                .is_some_and(|w| is_any(w, &["to", "and", "or"]))
                || matches!(self.sym(i - 1), Some(',' | '-' | '–')))
        {
            i -= 2;
        }
        i
    }

    /// Whether the number at `i` is glued by `_` (or an escaped `\_`) to a code around it:
    /// `IP_25_712`, `ip\_25\_712`.
    fn in_underscore_code(&self, i: usize) -> bool {
        let glued_word =
            |t: Option<&Token>| t.is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Num));
        // before: "_" glued to the number, optionally after "\", glued to a word or number
        if self.adjacent(i) && i >= 2 && self.sym(i - 1) == Some('_') {
            let mut k = i - 1;
            if k >= 1 && self.sym(k - 1) == Some('\\') && self.adjacent(k) {
                k -= 1;
            }
            if k >= 1 && self.adjacent(k) && glued_word(self.tok(k - 1)) {
                return true;
            }
        }
        // after: "_" or "\_" glued to the number and to a word or number after it
        let mut k = i + 1;
        if self.sym(k) == Some('\\') && self.adjacent(k) {
            k += 1;
        }
        self.sym(k) == Some('_')
            && self.adjacent(k)
            && self.adjacent(k + 1)
            && glued_word(self.tok(k + 1))
    }

    /// Whether a time unit follows at `k`, directly, glued by a hyphen (`40-year`) or after
    /// the rest of a range (`10 and 15 years`, `two to three weeks`).
    fn duration_follows(&self, k: usize) -> bool {
        let unit = |i: usize| {
            self.tok(i)
                .is_some_and(|t| matches!(t.lex, Lex::TimeUnit(_)))
        };
        if unit(k) || self.word(k).is_some_and(|w| is_any(w, DURATION_ADJECTIVES)) && unit(k + 1) {
            return true;
        }
        // "a 40-year race", "the 77-year record": a compound of a number and a time unit.
        if matches!(self.sym(k), Some('-' | '‐' | '‑'))
            && self.adjacent(k)
            && self.adjacent(k + 1)
            && unit(k + 1)
        {
            return true;
        }
        let joins = self
            .word(k)
            .is_some_and(|w| is_any(w, &["and", "to", "or"]))
            || matches!(self.sym(k), Some('-' | '–'));
        let number = self
            .tok(k + 1)
            .is_some_and(|t| t.kind == Kind::Num || matches!(t.lex, Lex::Number(_)));
        joins && number && unit(k + 2)
    }

    /// Whether the number word at `j..k` quantifies the noun that follows it.
    fn counts_a_noun(&self, j: usize, k: usize) -> bool {
        // "a hundred and twenty thousand –": with a scale word it is a number on its own.
        if self.toks[j..k].iter().any(|t| t.lex.scale().is_some()) {
            return true;
        }
        let first = self.word(j).unwrap_or("");
        if is(first, "one") && k == j + 1 {
            return false;
        }
        // "Five Eyes", "One Health": a capitalized name in running text.
        let capital = first.chars().next().is_some_and(char::is_uppercase);
        let sentence_start = j == 0
            || self.toks[j].gap >= Gap::Line
            || matches!(
                self.sym(j - 1),
                Some('.' | '!' | '?' | ':' | '"' | '\u{201c}')
            );
        let mut next = k;
        // "raise the number of taskforces to eight by March", "cut to three.", "from four to
        // six.": the number a change reaches stands for the noun counted before it.
        if j > 0
            && self.word(j - 1).is_some_and(|w| is_any(w, &["to", "from"]))
            && (self.tok(k).is_none_or(|t| t.gap >= Gap::Line)
                || matches!(self.sym(k), Some('.' | ',' | ';' | ':' | ')'))
                || self.inline(k)
                    && self.word(k).is_some_and(|w| {
                        is_any(w, &["by", "in", "from", "within", "over", "across", "for"])
                    }))
        {
            return true;
        }
        // an opening quote before the noun: two “gold commanders”
        if matches!(self.sym(next), Some('"' | '\u{201c}' | '\u{2018}')) {
            next += 1;
        }
        let Some(w) = self.word(next) else {
            return false;
        };
        // "two of its research vessels": a partitive still counts a noun.
        if is(w, "of") {
            return self.word(next + 1).is_some_and(|d| {
                is_any(
                    d,
                    &[
                        "its", "their", "our", "the", "these", "those", "his", "her", "my", "your",
                        "them", "us",
                    ],
                )
            });
        }
        if !self.inline(next) {
            return false;
        }
        if capital && !sentence_start && w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        !is_any(w, NOT_NOUNS)
    }

    /// `about`, `more than`, `no fewer than`, `up to`, `from`, `between`… at `i`.
    fn modifier(&self, i: usize) -> Option<(Option<Bound>, usize)> {
        let w = self.word(i)?;
        let two = |a: &str| self.is_word(i + 1, a);
        let (bound, len) = if is_any(
            w,
            &[
                "about",
                "around",
                "approximately",
                "roughly",
                "nearly",
                "almost",
                "circa",
                "some",
                "approx",
            ],
        ) {
            (Bound::Approx, 1)
        } else if is(w, "an") && two("estimated") {
            (Bound::Approx, 2)
        } else if is(w, "a") && two("couple") && self.is_word(i + 2, "of") {
            // "a couple of hundred": the number is read from `couple`.
            (Bound::Approx, 1)
        } else if is_any(w, &["more", "greater"]) && two("than") {
            (Bound::Min, 2)
        } else if is(w, "as")
            && self
                .word(i + 1)
                .is_some_and(|x| is_any(x, &["many", "much"]))
            && self.is_word(i + 2, "as")
        {
            // "as many as 180", "as much as $2 billion": an upper bound.
            (Bound::Max, 3)
        } else if is_any(w, &["exceeding", "surpassing"]) {
            // "exceeding USD 24 billion": a participle that sets a lower bound.
            (Bound::Min, 1)
        } else if is_any(w, &["over", "above", "upwards"]) {
            (Bound::Min, if two("of") { 2 } else { 1 })
        } else if is(w, "at") && two("least") {
            (Bound::Min, 2)
        } else if is(w, "at") && two("most") {
            (Bound::Max, 2)
        } else if is_any(w, &["no", "not"])
            && self
                .word(i + 1)
                .is_some_and(|x| is_any(x, &["fewer", "less"]))
            && self.is_word(i + 2, "than")
        {
            (Bound::Min, 3)
        } else if is_any(w, &["no", "not"]) && two("more") && self.is_word(i + 2, "than") {
            (Bound::Max, 3)
        } else if is(w, "in") && two("excess") && self.is_word(i + 2, "of") {
            (Bound::Min, 3)
        } else if is_any(w, &["fewer", "less"]) && two("than") || is(w, "up") && two("to") {
            (Bound::Max, 2)
        } else if is_any(w, &["under", "below"]) {
            (Bound::Max, 1)
        } else if is(w, "a")
            && self
                .word(i + 1)
                .is_some_and(|x| is_any(x, &["maximum", "minimum"]))
            && self.is_word(i + 2, "of")
        {
            let max = self.is_word(i + 1, "maximum");
            (if max { Bound::Max } else { Bound::Min }, 3)
        } else if is(w, "from") {
            (Bound::From, 1)
        } else if is(w, "between") {
            (Bound::Between, 1)
        } else {
            return None;
        };
        let j = i + len;
        (1..len).all(|d| self.inline(i + d)).then_some(())?;
        // A hard-wrapped line may fall between the modifier and its number (`exceeding` ⏎
        // `USD 24 billion`); a blank line may not.
        self.tok(j)
            .is_some_and(|t| t.gap <= Gap::Line)
            .then_some((Some(bound), j))
    }

    /// A currency written before the number: €, £, $, US$, EUR, GBP.
    fn currency_before(&self, i: usize) -> (Option<&'static str>, usize) {
        let Some(t) = self.tok(i) else {
            return (None, i);
        };
        if let Some(c) = self.sym(i).and_then(symbol_currency)
            && self.tok(i + 1).is_some_and(|n| n.gap <= Gap::Space)
        {
            return (Some(c), i + 1);
        }
        if t.kind == Kind::Word {
            let w = t.text(self.text);
            // US$, A$, C$, HK$, NZ$
            if self.sym(i + 1) == Some('$') && self.adjacent(i + 1) {
                let code = match w {
                    "US" => Some("USD"),
                    "A" | "AU" => Some("AUD"),
                    "C" | "CA" => Some("CAD"),
                    "HK" => Some("HKD"),
                    "NZ" => Some("NZD"),
                    "R" => Some("BRL"),
                    "S" => Some("SGD"),
                    _ => None,
                };
                if code.is_some() {
                    return (code, i + 2);
                }
            }
            if let Lex::Currency(iso) = t.lex
                && w.len() == 3
                && w.bytes().all(|b| b.is_ascii_uppercase())
                && self
                    .tok(i + 1)
                    .is_some_and(|n| n.kind == Kind::Num && n.gap <= Gap::Space)
            {
                return (Some(iso.code()), i + 1);
            }
        }
        (None, i)
    }

    /// A currency written after the number (and its scale).
    fn currency_after(&self, k: usize) -> Option<(&'static str, usize)> {
        let t = self.tok(k)?;
        if t.gap > Gap::Space {
            return None;
        }
        if let Some(c) = self.sym(k).and_then(symbol_currency) {
            // "2000€" but not "10 $ 5" noise: the symbol is not followed by a number.
            if self
                .tok(k + 1)
                .is_some_and(|n| n.kind == Kind::Num && n.gap <= Gap::Space)
            {
                return None;
            }
            return Some((c, k + 1));
        }
        if t.kind != Kind::Word {
            return None;
        }
        let w = t.text(self.text);
        // US dollars, Swiss francs, pounds sterling
        if is_any(w, &["us", "american"]) && self.is_word(k + 1, "dollars") {
            return Some(("USD", k + 2));
        }
        if is(w, "swiss")
            && self
                .word(k + 1)
                .is_some_and(|x| is_any(x, &["francs", "franc"]))
        {
            return Some(("CHF", k + 2));
        }
        if let Lex::Currency(iso) = t.lex {
            let c = iso.code();
            if is_any(w, &["pound", "pounds"]) && self.is_word(k + 1, "sterling") {
                return Some((c, k + 2));
            }
            if is_any(w, &["sterling"]) && !self.is_word(k - 1, "pounds") {
                return Some((c, k + 1));
            }
            if is_any(w, &["franc", "francs"]) {
                return None; // which franc is unclear
            }
            // "4,000 pounds of fentanyl" is a weight; "pounds of public money" is not.
            if is_any(w, &["pound", "pounds"])
                && self.is_word(k + 1, "of")
                && self.inline(k + 1)
                && !self.word(k + 2).is_some_and(|x| is_any(x, MONEY_NOUNS))
            {
                return None;
            }
            return Some((c, k + 1));
        }
        None
    }

    fn percent(&self, k: usize) -> Option<usize> {
        // "a 25-percent cut"
        if self.hyphen_joins(k)
            && self
                .word(k + 1)
                .is_some_and(|w| is_any(w, &["percent", "per-cent"]))
        {
            return Some(k + 2);
        }
        let t = self.tok(k)?;
        if t.gap > Gap::Space {
            return None;
        }
        if self.sym(k) == Some('%') {
            return Some(k + 1);
        }
        let w = self.word(k)?;
        if is_any(w, &["percent", "pc", "per-cent", "pct"]) {
            return Some(k + 1);
        }
        if is(w, "per") && self.is_word(k + 1, "cent") {
            return Some(k + 2);
        }
        if is(w, "percentage")
            && self
                .word(k + 1)
                .is_some_and(|x| is_any(x, &["point", "points"]))
        {
            return Some(k + 2);
        }
        None
    }

    /// A scale word after a number: `million`, `m`, `bn`, `k`.
    fn scale(&self, k: usize, worded: bool) -> Option<(f64, usize)> {
        // "a $10-million grant": the scale word joined by a hyphen.
        if self.hyphen_joins(k)
            && let Some(s) = self
                .tok(k + 1)
                .filter(|t| t.text(self.text).len() > 3)
                .and_then(|t| t.lex.scale())
        {
            return Some((s, k + 2));
        }
        let t = self.tok(k)?;
        let s = t.lex.scale()?;
        let w = t.text(self.text);
        if worded && s == 100.0 {
            return None;
        }
        let abbreviation = w.len() <= 3 && !is(w, "mio");
        if abbreviation {
            // 10m, 3.5bn, 1.3k: glued; "10 bn" spaced only for bn/mn.
            let glued = t.gap == Gap::None;
            let spaced_ok = t.gap == Gap::Space && is_any(w, &["bn", "mn"]);
            if !(glued || spaced_ok) {
                return None;
            }
            // "5 m" (metres) is not a scale; only glued m counts.
            return Some((s, k + 1));
        }
        (t.gap <= Gap::Space).then_some((s, k + 1))
    }

    /// Whether token `k` is a hyphen glued to the tokens either side (`10-million`).
    fn hyphen_joins(&self, k: usize) -> bool {
        matches!(self.sym(k), Some('-' | '‐' | '‑')) && self.adjacent(k) && self.adjacent(k + 1)
    }

    /// A rate after money.
    fn rate(&self, k: usize) -> Option<(&'static str, usize)> {
        if !self.inline(k) {
            return None;
        }
        let unit = |i: usize| -> Option<&'static str> {
            let w = self.word(i)?;
            Some(match () {
                _ if is_any(w, &["year", "annum"]) => "year",
                _ if is(w, "month") => "month",
                _ if is(w, "week") => "week",
                _ if is(w, "day") => "day",
                _ => return None,
            })
        };
        let w = self.word(k)?;
        if is_any(w, &["a", "per", "each", "every"]) && self.inline(k + 1) {
            return unit(k + 1).map(|u| (u, k + 2));
        }
        if is_any(w, &["annually", "yearly"]) {
            return Some(("year", k + 1));
        }
        if is(w, "monthly") {
            return Some(("month", k + 1));
        }
        if self.sym(k) == Some('/') && self.adjacent(k) {
            return unit(k + 1)
                .filter(|_| self.adjacent(k + 1))
                .map(|u| (u, k + 2));
        }
        None
    }

    /// The number at `j`: digits, number words, a fraction or a multiplier word.
    fn number(&self, j: usize) -> Option<(NumberRead, usize, bool)> {
        let t = self.tok(j)?;
        match t.kind {
            Kind::Num => {
                let raw = t.text(self.text);
                // "000", "007": codes and split groups, not quantities.
                if raw.len() > 1 && raw.starts_with('0') && raw.as_bytes()[1].is_ascii_digit() {
                    return None;
                }
                let v = parse_digits(raw)?;
                // ordinals (100th, 2nd) and plurals of a number (over 10s, the 1990s)
                if let Some(next) = self.tok(j + 1)
                    && next.gap == Gap::None
                    && next.kind == Kind::Word
                    && is_any(next.text(self.text), &["st", "nd", "rd", "th", "s"])
                {
                    return None;
                }
                // 3<sup>rd</sup>: an ordinal whose suffix is raised by HTML.
                if self.sym(j + 1) == Some('<')
                    && self.adjacent(j + 1)
                    && self.is_word(j + 2, "sup")
                    && self.sym(j + 3) == Some('>')
                    && self
                        .word(j + 4)
                        .is_some_and(|w| is_any(w, &["st", "nd", "rd", "th"]))
                {
                    return None;
                }
                // "1 in 4 children", "9 out of 10 councils": a share.
                if let Some((f, end)) = self.share(j + 1, v) {
                    return Some((NumberRead::Fraction(f), end, false));
                }
                // "$2¾ billion", "2½ per cent": a vulgar fraction glued to the number.
                if let Some(f) = self.sym(j + 1).and_then(vulgar_fraction)
                    && self.adjacent(j + 1)
                {
                    return Some((NumberRead::Plain(v + f), j + 2, false));
                }
                Some((NumberRead::Plain(v), j + 1, false))
            }
            Kind::Word => match t.lex {
                Lex::Fraction(n, d) => {
                    Some((NumberRead::Fraction(n as f64 / d as f64), j + 1, true))
                }
                Lex::Multiplier(m) if self.multiplies(j) => {
                    Some((NumberRead::Multiplier(m as f64), j + 1, true))
                }
                Lex::Many { .. } => self.vague_unit(j),
                Lex::Number(0) => None,
                // "(a) couple of hundred/thousand": two of the scale, roughly.
                _ if is(t.text(self.text), "couple")
                    && self.is_word(j + 1, "of")
                    && self.inline(j + 1)
                    && self.inline(j + 2)
                    && self
                        .tok(j + 2)
                        .filter(|s| s.text(self.text).len() > 2)
                        .and_then(|s| s.lex.scale())
                        .is_some() =>
                {
                    let s = self.tok(j + 2)?.lex.scale()?;
                    Some((NumberRead::Plain(2.0 * s), j + 3, true))
                }
                Lex::Number(_) => {
                    let (v, k) = parse_words(self.text, self.toks, j)?;
                    // "two and a half billion", "three and a half per cent": the half belongs
                    // to the number ("two and a half years" stays a duration).
                    if self.is_word(k, "and")
                        && self.is_word(k + 1, "a")
                        && self.is_word(k + 2, "half")
                        && (k..k + 3).all(|d| self.inline(d))
                        && (self.tok(k + 3).and_then(|t| t.lex.scale()).is_some()
                            || self.percent(k + 3).is_some())
                    {
                        return Some((NumberRead::Plain(v + 0.5), k + 3, true));
                    }
                    // one in five, nine out of ten: a share
                    if let Some((f, end)) = self.share(k, v) {
                        return Some((NumberRead::Fraction(f), end, true));
                    }
                    // two thirds, three quarters (of)
                    if let Some(Lex::FractionDenominator(d)) = self.tok(k).map(|t| t.lex)
                        && v < d as f64
                        && self.inline(k)
                        && (v > 1.0 || self.is_word(k + 1, "of"))
                    {
                        return Some((NumberRead::Fraction(v / d as f64), k + 1, true));
                    }
                    Some((NumberRead::Plain(v), k, true))
                }
                Lex::FractionDenominator(2)
                    if self.is_word(j + 1, "a")
                        && self
                            .tok(j + 2)
                            .and_then(|t| t.lex.scale())
                            .is_some_and(|s| s >= 1e3) =>
                {
                    // half a million
                    let s = self.tok(j + 2)?.lex.scale()?;
                    Some((NumberRead::Plain(0.5 * s), j + 3, true))
                }
                // half of all young renters, less than half, cut by half
                Lex::FractionDenominator(2) if self.half_is_a_share(j) => {
                    Some((NumberRead::Fraction(0.5), j + 1, true))
                }
                _ if is(t.text(self.text), "a")
                    && self
                        .tok(j + 1)
                        .and_then(|t| t.lex.scale())
                        .is_some_and(|s| s >= 100.0) =>
                {
                    let (v, k) = parse_words(self.text, self.toks, j)?;
                    Some((NumberRead::Plain(v), k, true))
                }
                // "several hundred", "a few thousand", "a few hundred million": a vague
                // quantity of the scale.
                _ if is(t.text(self.text), "several")
                    || is(t.text(self.text), "a") && self.is_word(j + 1, "few") =>
                {
                    let mut k = if is(t.text(self.text), "a") {
                        j + 2
                    } else {
                        j + 1
                    };
                    let mut unit = 1.0;
                    while self.inline(k)
                        && let Some(s) = self
                            .tok(k)
                            .filter(|s| s.text(self.text).len() > 2)
                            .and_then(|s| s.lex.scale())
                    {
                        unit *= s;
                        k += 1;
                    }
                    (unit >= 100.0).then_some((NumberRead::Vague(unit), k, true))
                }
                _ if is_any(t.text(self.text), &["a", "one"]) => {
                    // a third of, a quarter of, one half
                    let next = self.tok(j + 1)?;
                    if let Lex::FractionDenominator(d) = next.lex
                        && next.gap <= Gap::Space
                        && (self.is_word(j + 2, "of")
                            || (j > 0 && self.is_word(j - 1, "by"))
                            || is(next.text(self.text), "half") && is(t.text(self.text), "one"))
                    {
                        return Some((NumberRead::Fraction(1.0 / d as f64), j + 2, true));
                    }
                    None
                }
                _ => None,
            },
            Kind::Sym => None,
        }
    }
}

#[derive(Clone, Copy)]
enum NumberRead {
    Plain(f64),
    Fraction(f64),
    Multiplier(f64),
    /// `thousands`, `tens of thousands`: the unit of a vague quantity.
    Vague(f64),
}

impl NumberRead {
    fn value(self) -> f64 {
        match self {
            NumberRead::Plain(v)
            | NumberRead::Fraction(v)
            | NumberRead::Multiplier(v)
            | NumberRead::Vague(v) => v,
        }
    }
}

fn symbol_currency(c: char) -> Option<&'static str> {
    Some(match c {
        '€' => "EUR",
        '£' => "GBP",
        '$' => "USD",
        '¥' => "JPY",
        '₹' => "INR",
        '₩' => "KRW",
        '₽' => "RUB",
        '₺' => "TRY",
        _ => return None,
    })
}

/// The value of a vulgar-fraction character (`¾`).
fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '¼' => 0.25,
        '½' => 0.5,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        _ => return None,
    })
}

/// Four digits that can be a year of the genre (1900–2100).
fn is_year(raw: &str) -> bool {
    raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit()) && ("1900".."2101").contains(&raw)
}

/// An acronym or code word: two to eight capitals (`COMPET`, `HC`, `COM`).
fn is_acronym(w: &str) -> bool {
    (2..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
}
