//! Reading what a person typed into the finder: a kind prefix, fuzzy terms, and the value
//! the terms may spell (`10m`, `€10 million`, `75 per cent`, `aug 2015`, `20/8/15`, `2010-2012`).

use super::fuzzy::Term;
use super::value::{self, Days, ValueQuery};
use crate::extract::lexicon::{Lex, classify};

/// The kinds of searchable items, in the order results list them on ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Kind {
    /// A figure (`#`).
    Figure,
    /// A date (`@`).
    Date,
    /// A commitment (`!`).
    Commitment,
    /// A sentence or list item no commitment covers (no prefix).
    Sentence,
    /// A document, by its title (`^`).
    Document,
}

impl Kind {
    /// Every kind, in tie order.
    pub const ALL: [Kind; 5] = [
        Kind::Figure,
        Kind::Date,
        Kind::Commitment,
        Kind::Sentence,
        Kind::Document,
    ];

    /// The kind's name, as `--kind` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Figure => "figure",
            Kind::Date => "date",
            Kind::Commitment => "commitment",
            Kind::Sentence => "sentence",
            Kind::Document => "document",
        }
    }

    /// The query prefix that narrows to this kind (`#10m`, `@2015`, `!frontex`, `^calais`).
    pub fn prefix(self) -> Option<char> {
        match self {
            Kind::Figure => Some('#'),
            Kind::Date => Some('@'),
            Kind::Commitment => Some('!'),
            Kind::Document => Some('^'),
            Kind::Sentence => None,
        }
    }

    /// The kind named `name`, singular or plural (`figure`, `figures`).
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == name || format!("{}s", k.name()) == name)
    }
}

/// A set of kinds, as a bit mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds(u8);

impl Kinds {
    /// Every kind.
    pub const ALL: Kinds = Kinds(0b1_1111);

    /// Just `kind`.
    pub fn only(kind: Kind) -> Kinds {
        Kinds(1 << kind as u8)
    }

    /// Whether `kind` is in the set.
    pub fn contains(self, kind: Kind) -> bool {
        self.0 & (1 << kind as u8) != 0
    }

    /// True when one kind was asked for by name (prefix or `--kind`).
    pub fn is_narrowed(self) -> bool {
        self != Kinds::ALL
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// The kinds to search (all, unless a prefix or `--kind` narrowed them).
    pub kinds: Kinds,
    /// Every whitespace-separated term, each matched fuzzily; all must match.
    pub terms: Vec<Term>,
    /// The terms that did not spell the value: they must match around a value hit.
    pub rest: Vec<Term>,
    /// The values the query can be read as (a bare year is both a year and a number).
    pub values: Vec<ValueQuery>,
    /// Which words of the query spelled the value.
    pub value_terms: std::ops::Range<usize>,
}

impl Query {
    /// Reads a query. `kind` (from `--kind`) narrows like a prefix does.
    pub fn parse(input: &str, kind: Option<Kind>) -> Query {
        let mut rest = input.trim_start();
        let mut kinds = kind.map_or(Kinds::ALL, Kinds::only);
        if let Some(first) = rest.chars().next()
            && let Some(k) = Kind::ALL.into_iter().find(|k| k.prefix() == Some(first))
        {
            kinds = Kinds::only(k);
            rest = &rest[first.len_utf8()..];
        }
        let words: Vec<&str> = rest.split_whitespace().collect();
        let (values, value_terms) = read_value(&words);
        let rest = distinct_terms(
            words
                .iter()
                .enumerate()
                .filter(|(i, _)| !value_terms.contains(i))
                .map(|(_, w)| *w),
        );
        Query {
            kinds,
            terms: distinct_terms(words.iter().copied()),
            rest,
            values,
            value_terms,
        }
    }

    /// No term was typed.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Terms of the words, each once: every term must match, so a repeat adds only work.
fn distinct_terms<'a>(words: impl Iterator<Item = &'a str>) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    for t in words.filter_map(Term::new) {
        if !terms.contains(&t) {
            terms.push(t);
        }
    }
    terms
}

/// A piece of a query word.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    /// Digits, with `,` grouping and one `.` decimal point kept as written.
    Num(String),
    Word(String),
    Sym(char),
}

/// One query word cut into pieces; `word` is the index of the word each piece came from.
struct Pieces {
    items: Vec<Piece>,
    word: Vec<usize>,
}

fn cut(words: &[&str]) -> Pieces {
    let mut items = Vec::new();
    let mut word = Vec::new();
    for (w, text) in words.iter().enumerate() {
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let start = i;
            let piece = if c.is_ascii_digit() {
                while i < chars.len()
                    && (chars[i].is_ascii_digit()
                        || (matches!(chars[i], ',' | '.')
                            && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())
                            && !(chars[i] == '.' && chars.get(i + 2) == Some(&'.'))))
                {
                    i += 1;
                }
                let digits: String = chars[start..i].iter().collect();
                if digits.matches('.').count() > 1 {
                    // `20.08.2015`: a date with dots, not a number.
                    for (k, part) in digits.split('.').enumerate() {
                        if k > 0 {
                            items.push(Piece::Sym('.'));
                            word.push(w);
                        }
                        items.push(Piece::Num(part.to_string()));
                        word.push(w);
                    }
                    continue;
                }
                Piece::Num(digits)
            } else if c.is_alphabetic() {
                while i < chars.len() && chars[i].is_alphabetic() {
                    i += 1;
                }
                Piece::Word(chars[start..i].iter().collect::<String>().to_lowercase())
            } else {
                i += 1;
                Piece::Sym(match c {
                    '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
                    c => c,
                })
            };
            items.push(piece);
            word.push(w);
        }
    }
    Pieces { items, word }
}

/// Finds the value spelled by whole words of the query: the longest reading that starts at
/// the earliest word. Returns every reading of it and the words it used.
fn read_value(words: &[&str]) -> (Vec<ValueQuery>, std::ops::Range<usize>) {
    let pieces = cut(words);
    let p = &pieces.items;
    for start in 0..p.len() {
        if start > 0 && pieces.word[start] == pieces.word[start - 1] {
            continue;
        }
        let mut best: Option<(usize, Vec<ValueQuery>)> = None;
        let ends_word = |end: usize| end == p.len() || pieces.word[end] != pieces.word[end - 1];
        if let Some((d, end)) = date_range(p, start)
            && ends_word(end)
        {
            let mut values = vec![ValueQuery::Date(d)];
            if end == start + 1
                && let Piece::Num(s) = &p[start]
                && let Ok(n) = s.parse::<f64>()
            {
                // A bare year is also a number.
                values.push(number(n, n, None, false));
            }
            best = Some((end, values));
        }
        // A lone digit among other words (`aug 2`, typed on the way to `aug 2015`) is too
        // weak a value to read: every count of two would outrank the text.
        let weak = |end: usize| {
            words.len() > 1
                && end == start + 1
                && matches!(&p[start], Piece::Num(s) if s.len() == 1)
        };
        if let Some((v, end)) = amount_or_range(p, start)
            && ends_word(end)
            && !weak(end)
            && best.as_ref().is_none_or(|(e, _)| end > *e)
        {
            best = Some((end, vec![v]));
        }
        if let Some((end, values)) = best {
            return (values, pieces.word[start]..pieces.word[end - 1] + 1);
        }
    }
    (Vec::new(), 0..0)
}

fn number(low: f64, high: f64, currency: Option<&'static str>, percent: bool) -> ValueQuery {
    ValueQuery::Number {
        low,
        high,
        currency,
        percent,
    }
}

fn word_at(p: &[Piece], i: usize) -> Option<&str> {
    match p.get(i) {
        Some(Piece::Word(w)) => Some(w),
        _ => None,
    }
}

fn sym_at(p: &[Piece], i: usize) -> Option<char> {
    match p.get(i) {
        Some(Piece::Sym(c)) => Some(*c),
        _ => None,
    }
}

fn num_at(p: &[Piece], i: usize) -> Option<&str> {
    match p.get(i) {
        Some(Piece::Num(s)) => Some(s),
        _ => None,
    }
}

fn lex(word: &str) -> Lex {
    match classify(word) {
        // Currency codes are capitals in documents; in a query `eur` means EUR.
        Lex::None if word.len() == 3 => classify(&word.to_ascii_uppercase()),
        lex => lex,
    }
}

fn currency_at(p: &[Piece], i: usize) -> Option<(&'static str, usize)> {
    match p.get(i)? {
        Piece::Sym('€') => Some(("EUR", i + 1)),
        Piece::Sym('£') => Some(("GBP", i + 1)),
        Piece::Sym('$') => Some(("USD", i + 1)),
        Piece::Sym('¥') => Some(("JPY", i + 1)),
        Piece::Word(w) => match lex(w) {
            Lex::Currency(iso) => Some((iso.code(), i + 1)),
            _ => None,
        },
        _ => None,
    }
}

/// A number in digits (`1,300`, `1.4`) or words (`ten`), and the index after it.
fn plain_number(p: &[Piece], i: usize) -> Option<(f64, usize)> {
    if let Some(s) = num_at(p, i) {
        // Ten thousand nines overflow to infinity, which is no value at all.
        let n = crate::extract::numbers::parse_digits(s).filter(|n| n.is_finite())?;
        return Some((n, i + 1));
    }
    match lex(word_at(p, i)?) {
        Lex::Number(n) => Some((n as f64, i + 1)),
        _ => None,
    }
}

/// `€10m`, `EUR 10 million`, `2000€`, `10,000,000`, `1.3k`, `75%`, `75 per cent`.
fn amount(p: &[Piece], i: usize) -> Option<(f64, Option<&'static str>, bool, usize)> {
    let (mut currency, mut j) = match currency_at(p, i) {
        Some((c, j)) => (Some(c), j),
        None => (None, i),
    };
    let (mut n, after) = plain_number(p, j)?;
    j = after;
    while let Some(w) = word_at(p, j)
        && let Some(scale) = lex(w).scale()
    {
        n *= scale;
        j += 1;
    }
    if !n.is_finite() {
        return None;
    }
    if currency.is_none()
        && let Some((c, after)) = currency_at(p, j)
    {
        currency = Some(c);
        j = after;
    }
    let mut percent = false;
    if currency.is_none() {
        if sym_at(p, j) == Some('%') {
            percent = true;
            j += 1;
        } else if let Some(w) = word_at(p, j) {
            if matches!(w, "pc" | "percent" | "pct") {
                percent = true;
                j += 1;
            } else if w == "per" && word_at(p, j + 1) == Some("cent") {
                percent = true;
                j += 2;
            }
        }
    }
    Some((n, currency, percent, j))
}

fn amount_or_range(p: &[Piece], i: usize) -> Option<(ValueQuery, usize)> {
    let (low, currency, percent, j) = amount(p, i)?;
    if let Some(k) = range_joint(p, j)
        && let Some((high, c2, p2, end)) = amount(p, k)
        && high >= low
    {
        return Some((number(low, high, currency.or(c2), percent || p2), end));
    }
    Some((number(low, low, currency, percent), j))
}

/// `-`, `..`, `to`, `and` between the two ends of a range; the index after it.
fn range_joint(p: &[Piece], j: usize) -> Option<usize> {
    match (p.get(j)?, p.get(j + 1)) {
        (Piece::Sym('-'), _) => Some(j + 1),
        (Piece::Sym('.'), Some(Piece::Sym('.'))) => Some(j + 2),
        (Piece::Word(w), _) if w == "to" || w == "and" || w == "until" => Some(j + 1),
        _ => None,
    }
}

fn date_range(p: &[Piece], i: usize) -> Option<(Days, usize)> {
    let opened = matches!(word_at(p, i), Some("between" | "from"));
    let i = if opened { i + 1 } else { i };
    let (first, j) = date(p, i)?;
    if let Some(k) = range_joint(p, j)
        && let Some((second, end)) = date(p, k)
        && first.first <= second.last
    {
        return Some((
            Days {
                first: first.first,
                last: second.last,
            },
            end,
        ));
    }
    (!opened).then_some((first, j))
}

fn year_of(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    match s.len() {
        4 => Some(y),
        // `20/8/15`: two-digit years are this century up to 69, the last one after.
        2 if y < 70 => Some(2000 + y),
        2 => Some(1900 + y),
        _ => None,
    }
}

fn small(s: &str) -> Option<u32> {
    (s.len() <= 2).then(|| s.parse().ok())?
}

fn month_at(p: &[Piece], i: usize) -> Option<u32> {
    match lex(word_at(p, i)?) {
        Lex::Month(m) => Some(m as u32),
        _ => None,
    }
}

/// One date or period: ISO (`2015-08-20`, `2015-08`, `2015-Q3`), day-first numeric
/// (`20/8/15`, `20.08.2015`, `08/2015`), words (`20 aug 2015`, `August 20, 2015`,
/// `aug 2015`, `q3 2015`, `h1 2016`) or a year (`2011`).
fn date(p: &[Piece], i: usize) -> Option<(Days, usize)> {
    if let Some(s) = num_at(p, i) {
        if s.len() == 4 {
            let y = year_of(s)?;
            if sym_at(p, i + 1) == Some('-') {
                if let Some(m) = num_at(p, i + 2).and_then(small) {
                    if sym_at(p, i + 3) == Some('-')
                        && let Some(d) = num_at(p, i + 4).and_then(small)
                    {
                        return Some((value::day(y, m, d)?, i + 5));
                    }
                    if let Some(d) = value::months(y, m, m) {
                        return Some((d, i + 3));
                    }
                }
                if let Some((part, end)) = part_at(p, i + 2) {
                    return Some((value::months(y, part.0, part.1)?, end));
                }
            }
            return (1800..=2199)
                .contains(&y)
                .then_some((value::year(y), i + 1));
        }
        if let Some(found) = day_first(p, i) {
            return Some(found);
        }
        let a = small(s)?;
        let sep = sym_at(p, i + 1).filter(|c| matches!(c, '/' | '.'))?;
        let b = num_at(p, i + 2)?;
        if b.len() == 4 {
            return Some((value::months(year_of(b)?, a, a)?, i + 3));
        }
        let m = small(b)?;
        if sym_at(p, i + 3) == Some(sep)
            && let Some(y) = num_at(p, i + 4).and_then(year_of)
        {
            return Some((value::day(y, m, a)?, i + 5));
        }
        return None;
    }
    if let Some((part, j)) = part_at(p, i)
        && let Some(y) = num_at(p, j).filter(|s| s.len() == 4).and_then(year_of)
    {
        return Some((value::months(y, part.0, part.1)?, j + 1));
    }
    // Month, optional day, then the year: `aug 2015`, `August 20, 2015`, `Aug. 2015`.
    let m = month_at(p, i)?;
    let mut j = i + 1;
    if sym_at(p, j) == Some('.') {
        j += 1;
    }
    let d = num_at(p, j).and_then(small);
    if d.is_some() {
        j += 1;
        if sym_at(p, j) == Some(',') {
            j += 1;
        }
    }
    let y = num_at(p, j).filter(|s| s.len() == 4).and_then(year_of)?;
    j += 1;
    match d {
        Some(d) => Some((value::day(y, m, d)?, j)),
        None => Some((value::months(y, m, m)?, j)),
    }
}

/// `20 aug 2015`, `20 August 2015`: the day first.
fn day_first(p: &[Piece], i: usize) -> Option<(Days, usize)> {
    let d = num_at(p, i).and_then(small)?;
    let m = month_at(p, i + 1)?;
    let y = num_at(p, i + 2)
        .filter(|s| s.len() == 4)
        .and_then(year_of)?;
    Some((value::day(y, m, d)?, i + 3))
}

/// Reads a part of a year at `i`: `q3` (a quarter), `h1` (a half), `summer` (a season), as
/// its first and last month, and the index after it.
fn part_at(p: &[Piece], i: usize) -> Option<((u32, u32), usize)> {
    let w = word_at(p, i)?;
    if let Some(n) = num_at(p, i + 1).filter(|s| s.len() == 1).and_then(small) {
        return match (w, n) {
            ("q", 1..=4) => Some(((3 * n - 2, 3 * n), i + 2)),
            ("h", 1..=2) => Some(((6 * n - 5, 6 * n), i + 2)),
            _ => None,
        };
    }
    match lex(w) {
        // Spring = March–May … winter = December–February.
        Lex::Season(s) => Some(((3 * s as u32, 3 * s as u32 + 2), i + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::day_number;
    use crate::search::value::{months, year};

    fn values(q: &str) -> Vec<ValueQuery> {
        Query::parse(q, None).values
    }

    fn num(low: f64, currency: Option<&'static str>, percent: bool) -> ValueQuery {
        number(low, low, currency, percent)
    }

    #[test]
    fn money_and_counts() {
        for q in ["10m", "10 million", "10,000,000", "10 mn", "ten million"] {
            assert_eq!(values(q), vec![num(10e6, None, false)], "{q}");
        }
        for q in [
            "€10m",
            "EUR 10m",
            "eur 10 million",
            "10m euros",
            "€10 million",
        ] {
            assert_eq!(values(q), vec![num(10e6, Some("EUR"), false)], "{q}");
        }
        assert_eq!(values("1.4m"), vec![num(1.4e6, None, false)]);
        assert_eq!(values("£1.4m"), vec![num(1.4e6, Some("GBP"), false)]);
        assert_eq!(values("1.3k"), vec![num(1300.0, None, false)]);
        assert_eq!(values("1300"), vec![num(1300.0, None, false)]);
        assert_eq!(values("2000 eur"), vec![num(2000.0, Some("EUR"), false)]);
        assert_eq!(values("2000€"), vec![num(2000.0, Some("EUR"), false)]);
    }

    #[test]
    fn percentages() {
        for q in ["75%", "75 pc", "75pc", "75 percent", "75 per cent"] {
            assert_eq!(values(q), vec![num(75.0, None, true)], "{q}");
        }
    }

    #[test]
    fn dates_and_periods() {
        let aug = ValueQuery::Date(months(2015, 8, 8).unwrap());
        for q in [
            "aug 2015",
            "August 2015",
            "2015-08",
            "08/2015",
            "8/2015",
            "Aug. 2015",
        ] {
            assert_eq!(values(q), vec![aug], "{q}");
        }
        let day = ValueQuery::Date(crate::search::value::day(2015, 8, 20).unwrap());
        for q in [
            "2015-08-20",
            "20/8/15",
            "20/08/2015",
            "20.08.2015",
            "20 aug 2015",
            "august 20, 2015",
        ] {
            assert_eq!(values(q), vec![day], "{q}");
        }
        assert_eq!(
            values("2011"),
            vec![ValueQuery::Date(year(2011)), num(2011.0, None, false)]
        );
        assert_eq!(
            values("q3 2015"),
            vec![ValueQuery::Date(months(2015, 7, 9).unwrap())]
        );
    }

    #[test]
    fn ranges() {
        let span = Days {
            first: day_number(2010, 1, 1),
            last: day_number(2012, 12, 31),
        };
        for q in [
            "2010-2012",
            "2010..2012",
            "2010 to 2012",
            "between 2010 and 2012",
        ] {
            assert_eq!(values(q), vec![ValueQuery::Date(span)], "{q}");
        }
        assert_eq!(
            values("jan 2010 - sep 2010"),
            vec![ValueQuery::Date(months(2010, 1, 9).unwrap())]
        );
        assert_eq!(values("150-250"), vec![number(150.0, 250.0, None, false)]);
    }

    #[test]
    fn the_value_may_sit_among_text_terms() {
        let q = Query::parse("#calais 10m tunnel", None);
        assert_eq!(q.kinds, Kinds::only(Kind::Figure));
        assert_eq!(q.values, vec![num(10e6, None, false)]);
        assert_eq!(q.value_terms, 1..2);
        let rest: Vec<_> = q.rest.iter().map(|t| t.text().to_string()).collect();
        assert_eq!(rest, ["calais", "tunnel"]);
    }

    #[test]
    fn a_lone_digit_among_words_is_text() {
        assert!(values("aug 2").is_empty());
        assert_eq!(values("2"), vec![num(2.0, None, false)]);
        assert_eq!(values("2 m"), vec![num(2e6, None, false)]);
        assert_eq!(values("calais 12"), vec![num(12.0, None, false)]);
    }

    #[test]
    fn text_without_a_value() {
        for q in ["calais tunnel", "frntx", "", "   ", "(a+b)*[c]", "m"] {
            assert!(values(q).is_empty(), "{q}");
        }
        assert_eq!(Query::parse("!", None).kinds, Kinds::only(Kind::Commitment));
        assert!(Query::parse("!", None).is_empty());
    }
}
