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
                out.push(item(text, toks[first].start, toks[end - 1].end, value));
                i = end;
            }
            _ => i += 1,
        }
    }
    out
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
    "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "are", "is", "were",
    "was", "be", "been", "have", "has", "had", "will", "would", "can", "could", "may", "might",
    "must", "should", "shall", "do", "did", "who", "which", "that", "than", "as", "per", "a", "an",
    "the", "more", "less", "each", "other", "others", "such", "too", "so", "it", "they",
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
            while let Some(n) = self.tok(j) {
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
                if prev.kind == Kind::Word {
                    return true;
                }
                if matches!(self.sym(i - 1), Some('#' | '/' | '.' | '№' | '§' | '_')) {
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
            let mut k = i - 1;
            if self.sym(k) == Some('.') && k > 0 {
                k -= 1;
            }
            if let Some(w) = self.word(k)
                && is_any(w, REFERENCE_WORDS)
                && self.inline(i)
            {
                // "No." capitalized or "number 5": only when the word is not a count itself.
                return !(is(w, "no") && self.is_word(i + 1, "fewer"));
            }
            if self.sym(i - 1) == Some('§') {
                return true;
            }
        }
        // List numbering at the start of a line: "1.", "2)", "(3)".
        if (t.gap >= Gap::Line || i == 0)
            && matches!(self.sym(i + 1), Some('.' | ')'))
            && self.adjacent(i + 1)
            && self.tok(i + 2).is_none_or(|n| n.gap >= Gap::Space)
        {
            return true;
        }
        if i > 0
            && self.sym(i - 1) == Some('(')
            && self.adjacent(i)
            && self.sym(i + 1) == Some(')')
            && self.adjacent(i + 1)
        {
            let starts_line = i < 2 || self.toks[i - 1].gap >= Gap::Line;
            if starts_line {
                return true;
            }
        }
        false
    }

    /// A figure starting at token `i`: first token, end token, value.
    fn figure(&self, i: usize) -> Option<(usize, usize, FigureValue)> {
        let (bound, mut j) = self.modifier(i).unwrap_or((None, i));
        let first = i;
        let (currency_before, after_cur) = self.currency_before(j);
        if currency_before.is_some() {
            j = after_cur;
        }
        let (number, mut k, worded) = self.number(j)?;
        if !self.usable(j) {
            return None;
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
        if (dash || worded_joiner) && self.usable(k + 1) && self.inline(k + 1) {
            let (cur2, after_cur2) = self.currency_before(k + 1);
            let m = if cur2.is_some() { after_cur2 } else { k + 1 };
            if let Some((NumberRead::Plain(v2), mut e, worded2)) = self.number(m)
                && (cur2.is_none() || cur2 == currency)
                && self.usable(m)
                && !self.is_reference(m)
            {
                let mut v2 = v2;
                if let Some((s, after)) = self.scale(e, worded2) {
                    v2 *= s;
                    e = after;
                    // €5-10 million: the scale after the second number applies to both.
                    if !first_scaled {
                        amount *= s;
                    }
                }
                let mut ok = true;
                if currency.is_none()
                    && let Some((c, after)) = self.currency_after(e)
                {
                    currency = Some(c);
                    e = after;
                }
                if !percent {
                    if let Some(after) = self.percent(e) {
                        percent = true;
                        e = after;
                    }
                } else if let Some(after) = self.percent(e) {
                    e = after;
                }
                if v2 <= amount
                    || (dash
                        && !self.adjacent(k)
                        && bound.is_none()
                        && !percent
                        && currency.is_none())
                {
                    ok = false;
                }
                if ok {
                    range_max = Some(v2);
                    k = e;
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
            } else if self.is_reference(j) {
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

    /// Whether a time unit follows at `k`, directly or after the rest of a range
    /// (`10 and 15 years`, `two to three weeks`).
    fn duration_follows(&self, k: usize) -> bool {
        let unit = |i: usize| {
            self.tok(i)
                .is_some_and(|t| matches!(t.lex, Lex::TimeUnit(_)))
        };
        if unit(k) {
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
        } else if is_any(w, &["more", "greater"]) && two("than") {
            (Bound::Min, 2)
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
        self.inline(j).then_some((Some(bound), j))
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
            return Some((c, k + 1));
        }
        None
    }

    fn percent(&self, k: usize) -> Option<usize> {
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
                // ordinals: 100th, 2nd
                if let Some(next) = self.tok(j + 1)
                    && next.gap == Gap::None
                    && next.kind == Kind::Word
                    && is_any(next.text(self.text), &["st", "nd", "rd", "th"])
                {
                    return None;
                }
                Some((NumberRead::Plain(v), j + 1, false))
            }
            Kind::Word => match t.lex {
                Lex::Fraction(n, d) => {
                    Some((NumberRead::Fraction(n as f64 / d as f64), j + 1, true))
                }
                Lex::Multiplier(m) => Some((NumberRead::Multiplier(m as f64), j + 1, true)),
                Lex::Number(0) => None,
                Lex::Number(_) => {
                    let (v, k) = parse_words(self.text, self.toks, j)?;
                    // one in five: a share
                    if self.is_word(k, "in")
                        && let Some(Lex::Number(d)) = self.tok(k + 1).map(|t| t.lex)
                        && d as f64 > v
                        && self.inline(k + 1)
                    {
                        return Some((NumberRead::Fraction(v / d as f64), k + 2, true));
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
                // half of all young renters
                Lex::FractionDenominator(2) if self.is_word(j + 1, "of") && self.inline(j + 1) => {
                    Some((NumberRead::Fraction(0.5), j + 1, true))
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
                _ if is(t.text(self.text), "a")
                    && self
                        .tok(j + 1)
                        .and_then(|t| t.lex.scale())
                        .is_some_and(|s| s >= 100.0) =>
                {
                    let (v, k) = parse_words(self.text, self.toks, j)?;
                    Some((NumberRead::Plain(v), k, true))
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
}

impl NumberRead {
    fn value(self) -> f64 {
        match self {
            NumberRead::Plain(v) | NumberRead::Fraction(v) | NumberRead::Multiplier(v) => v,
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

/// An acronym or code word: two to eight capitals (`COMPET`, `HC`, `COM`).
fn is_acronym(w: &str) -> bool {
    (2..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
}
