//! The words the extractor knows: months, weekdays, number words, scales, currencies, seasons
//! and time units. Each word is classified once, when it is tokenized.

/// What a word means to the figure and date rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lex {
    None,
    /// January = 1.
    Month(u8),
    Weekday,
    /// `two`, `twenty`, `twenty-five`, `fifteen`.
    Number(u32),
    /// `hundred` (100), `thousand`, `million`, `billion`, `trillion`, and the abbreviations
    /// `m`, `mn`, `bn`, `k`, `tn` (valid only right after a number).
    Scale(f64),
    /// `half`, `third(s)`, `quarter(s)`, `fifth(s)`…: the denominator.
    FractionDenominator(u8),
    /// `two-thirds`, `three-quarters`, `one-half`: the whole fraction.
    Fraction(f64),
    /// `tenfold`, `twofold`, `ten-fold`.
    Multiplier(u32),
    /// `euros`, `pounds`, `dollars`, `EUR`, `GBP`: the ISO 4217 code.
    Currency(&'static str),
    /// Spring = 1 … winter = 4.
    Season(u8),
    /// `years`, `months`, `weeks`, `days`: what makes a duration.
    TimeUnit(TimeUnit),
    /// `first` = 1 … `fourth` = 4 (for quarters).
    Ordinal(u8),
    /// A word that can start a date or figure without being a number itself: `by`, `within`,
    /// `between`, `about`, `more`, `up`, `fy`… The figure and date rules skip other words.
    Marker,
    /// A word that may carry a pledge (`will`, `shall`, `we’ll`, `like`, `agreed`,
    /// `determined`, `guarantee`, `agreement`…): the commitment rules look closely only at these.
    Commissive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Year,
    Month,
    Week,
    Day,
    Other,
}

/// Words after which a number is a reference (`Article 9`, `No. 5`, `page 12`, `phase 2`),
/// never a quantity or a year.
pub const REFERENCE_WORDS: &[&str] = &[
    "article",
    "articles",
    "art",
    "paragraph",
    "paragraphs",
    "para",
    "section",
    "sections",
    "chapter",
    "annex",
    "no",
    "nos",
    "nr",
    "page",
    "pages",
    "p",
    "pp",
    "item",
    "point",
    "rule",
    "regulation",
    "directive",
    "resolution",
    "table",
    "figure",
    "fig",
    "part",
    "clause",
    "recital",
    "title",
    "step",
    "tier",
    "version",
    "v",
    "tel",
    "telephone",
    "phone",
    "fax",
    "mobile",
    "room",
    "box",
    "level",
    "phase",
    "stage",
    "round",
    "lot",
    "unit",
];

/// Words before `to` by which a party commits (`agreed to`, `decided to`, `stand ready to`).
pub const COMMISSIVE_TO: &[&str] = &[
    "agreed",
    "agree",
    "agrees",
    "decided",
    "decide",
    "decides",
    "undertake",
    "undertakes",
    "undertook",
    "undertaken",
    "pledge",
    "pledges",
    "pledged",
    "commit",
    "commits",
    "committed",
    "resolve",
    "resolved",
    "resolves",
    "intend",
    "intends",
    "determined",
    "propose",
    "proposes",
    "seek",
    "seeks",
    "plan",
    "plans",
    "aim",
    "aims",
    "endeavour",
    "endeavor",
    "strive",
    "ready",
    "going",
    "vowed",
    "vow",
    "promise",
    "promised",
    "promises",
    "continue",
    "continues",
];

/// Other words that may carry a pledge: modals, `like` (`would like`), directive verbs of
/// leaders (`we task our ministers to`), `guarantee`, and the nouns of signed agreements.
const COMMISSIVE_OTHER: &[&str] = &[
    "will",
    "shall",
    "won't",
    "shan't",
    "like",
    "task",
    "instruct",
    "mandate",
    "direct",
    "charge",
    "guarantee",
    "guarantees",
    "agreement",
    "accord",
    "memorandum",
];

const MAX_WORD: usize = 24;

/// Lower-cases an ASCII-ish word into `buf` (curly apostrophes become `'`); `None` when the
/// word is too long or not ASCII, which no word of the lexicon is.
pub fn lower<'a>(word: &str, buf: &'a mut [u8; MAX_WORD]) -> Option<&'a str> {
    let mut n = 0;
    for c in word.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{2010}' | '\u{2011}' => '-',
            c if c.is_ascii() => c.to_ascii_lowercase(),
            _ => return None,
        };
        if n == MAX_WORD {
            return None;
        }
        buf[n] = c as u8;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Classifies one word token.
pub fn classify(word: &str) -> Lex {
    // Most words of running text are in no list: the filter says so before any lowering.
    // Compounds (`twenty-five`, `ten-fold`, `tenfold`) and contractions (`we’ll`) are built
    // from listed parts, so they always go on.
    // (’, ‐ and ‑ all start with the byte 0xE2.)
    let bytes = word.as_bytes();
    let compound = bytes.iter().any(|&b| b == b'-' || b == b'\'' || b == 0xE2)
        || bytes.len() > 4 && bytes[bytes.len() - 4..].eq_ignore_ascii_case(b"fold");
    let listed = FILTER_ENTRIES.may_contain(word);
    let commissive = FILTER_COMMISSIVE.may_contain(word);
    if !compound && !listed && !commissive {
        return Lex::None;
    }
    let mut buf = [0u8; MAX_WORD];
    let Some(w) = lower(word, &mut buf) else {
        return Lex::None;
    };
    if let Some(lex) = simple(w) {
        // Currency codes must be written in capitals (`EUR`), abbreviations stay lower case.
        if let Lex::Currency(_) = lex
            && w.len() == 3
            && !word.bytes().all(|b| b.is_ascii_uppercase())
            && !matches!(w, "yen")
        {
            return Lex::None;
        }
        return lex;
    }
    if (commissive || compound)
        && (COMMISSIVE_TO.contains(&w) || COMMISSIVE_OTHER.contains(&w) || w.ends_with("'ll"))
    {
        return Lex::Commissive;
    }
    if let Some((a, b)) = w.split_once('-') {
        // twenty-five, two-thirds, ten-fold
        if let (Some(Lex::Number(tens)), Some(Lex::Number(unit))) = (simple(a), simple(b))
            && tens >= 20
            && tens % 10 == 0
            && unit < 10
        {
            return Lex::Number(tens + unit);
        }
        let numerator = match simple(a) {
            Some(Lex::Number(n)) => Some(n),
            _ if a == "a" => Some(1),
            _ => None,
        };
        if let (Some(n), Some(Lex::FractionDenominator(d))) = (numerator, simple(b))
            && n < d as u32
        {
            return Lex::Fraction(n as f64 / d as f64);
        }
        if b == "fold"
            && let Some(Lex::Number(n)) = simple(a)
        {
            return Lex::Multiplier(n);
        }
    }
    if let Some(stem) = w.strip_suffix("fold")
        && let Some(Lex::Number(n)) = simple(stem)
    {
        return Lex::Multiplier(n);
    }
    Lex::None
}

/// A compile-time filter over every listed word, keyed by length, first and last letter: a
/// word it rejects is in no list.
struct Filter([[u32; 26]; MAX_WORD + 1]);

impl Filter {
    const fn of_entries() -> Filter {
        let mut bits = [[0u32; 26]; MAX_WORD + 1];
        let mut i = 0;
        while i < ENTRIES.len() {
            Self::set(&mut bits, ENTRIES[i].0.as_bytes());
            i += 1;
        }
        Filter(bits)
    }

    const fn of_lists(lists: &[&[&str]]) -> Filter {
        let mut bits = [[0u32; 26]; MAX_WORD + 1];
        let mut l = 0;
        while l < lists.len() {
            let mut j = 0;
            while j < lists[l].len() {
                Self::set(&mut bits, lists[l][j].as_bytes());
                j += 1;
            }
            l += 1;
        }
        Filter(bits)
    }

    const fn set(bits: &mut [[u32; 26]; MAX_WORD + 1], w: &[u8]) {
        let (first, last) = (w[0], w[w.len() - 1]);
        if first.is_ascii_lowercase() && last.is_ascii_lowercase() {
            bits[w.len()][(first - b'a') as usize] |= 1 << (last - b'a');
        } else {
            // Entries with other characters would be missed by the filter; there are none.
            panic!("lexicon entries are lower-case ASCII letters at both ends");
        }
    }

    /// Whether `w` (in any case) may be a listed word.
    fn may_contain(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let (Some(first), Some(last)) = (b.first(), b.last()) else {
            return false;
        };
        let (first, last) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
        b.len() <= MAX_WORD
            && first.is_ascii_lowercase()
            && last.is_ascii_lowercase()
            && self.0[b.len()][(first - b'a') as usize] & (1 << (last - b'a')) != 0
    }
}

const FILTER_ENTRIES: Filter = Filter::of_entries();
const FILTER_COMMISSIVE: Filter = Filter::of_lists(&[COMMISSIVE_TO, COMMISSIVE_OTHER]);

/// Every word the lexicon knows, sorted by bytes (a test checks the order and each lookup).
const ENTRIES: &[(&str, Lex)] = &[
    ("a", Lex::Marker),
    ("about", Lex::Marker),
    ("above", Lex::Marker),
    ("almost", Lex::Marker),
    ("an", Lex::Marker),
    ("approx", Lex::Marker),
    ("approximately", Lex::Marker),
    ("apr", Lex::Month(4)),
    ("april", Lex::Month(4)),
    ("around", Lex::Marker),
    ("at", Lex::Marker),
    ("aud", Lex::Currency("AUD")),
    ("aug", Lex::Month(8)),
    ("august", Lex::Month(8)),
    ("autumn", Lex::Season(3)),
    ("b", Lex::Scale(1e9)),
    ("before", Lex::Marker),
    ("below", Lex::Marker),
    ("between", Lex::Marker),
    ("billion", Lex::Scale(1e9)),
    ("bn", Lex::Scale(1e9)),
    ("brl", Lex::Currency("BRL")),
    ("budget", Lex::Marker),
    ("by", Lex::Marker),
    ("c", Lex::Marker),
    ("cad", Lex::Currency("CAD")),
    ("centuries", Lex::TimeUnit(TimeUnit::Other)),
    ("century", Lex::TimeUnit(TimeUnit::Other)),
    ("chf", Lex::Currency("CHF")),
    ("circa", Lex::Marker),
    ("cny", Lex::Currency("CNY")),
    ("day", Lex::TimeUnit(TimeUnit::Day)),
    ("days", Lex::TimeUnit(TimeUnit::Day)),
    ("dec", Lex::Month(12)),
    ("decade", Lex::TimeUnit(TimeUnit::Other)),
    ("decades", Lex::TimeUnit(TimeUnit::Other)),
    ("december", Lex::Month(12)),
    ("dkk", Lex::Currency("DKK")),
    ("dollar", Lex::Currency("USD")),
    ("dollars", Lex::Currency("USD")),
    ("eight", Lex::Number(8)),
    ("eighteen", Lex::Number(18)),
    ("eighth", Lex::FractionDenominator(8)),
    ("eighths", Lex::FractionDenominator(8)),
    ("eighty", Lex::Number(80)),
    ("eleven", Lex::Number(11)),
    ("eur", Lex::Currency("EUR")),
    ("euro", Lex::Currency("EUR")),
    ("euros", Lex::Currency("EUR")),
    ("fall", Lex::Season(3)),
    ("feb", Lex::Month(2)),
    ("february", Lex::Month(2)),
    ("fewer", Lex::Marker),
    ("fifteen", Lex::Number(15)),
    ("fifth", Lex::FractionDenominator(5)),
    ("fifths", Lex::FractionDenominator(5)),
    ("fifty", Lex::Number(50)),
    ("financial", Lex::Marker),
    ("first", Lex::Ordinal(1)),
    ("fiscal", Lex::Marker),
    ("five", Lex::Number(5)),
    ("fivefold", Lex::Multiplier(5)),
    ("forty", Lex::Number(40)),
    ("four", Lex::Number(4)),
    ("fourfold", Lex::Multiplier(4)),
    ("fourteen", Lex::Number(14)),
    ("fourth", Lex::Ordinal(4)),
    ("franc", Lex::Currency("CHF")),
    ("francs", Lex::Currency("CHF")),
    ("friday", Lex::Weekday),
    ("from", Lex::Marker),
    ("fy", Lex::Marker),
    ("gbp", Lex::Currency("GBP")),
    ("greater", Lex::Marker),
    ("half", Lex::FractionDenominator(2)),
    ("hk", Lex::Marker),
    ("hour", Lex::TimeUnit(TimeUnit::Other)),
    ("hours", Lex::TimeUnit(TimeUnit::Other)),
    ("hundred", Lex::Scale(100.0)),
    ("hundredfold", Lex::Multiplier(100)),
    ("in", Lex::Marker),
    ("inr", Lex::Currency("INR")),
    ("jan", Lex::Month(1)),
    ("january", Lex::Month(1)),
    ("jpy", Lex::Currency("JPY")),
    ("jul", Lex::Month(7)),
    ("july", Lex::Month(7)),
    ("jun", Lex::Month(6)),
    ("june", Lex::Month(6)),
    ("k", Lex::Scale(1e3)),
    ("less", Lex::Marker),
    ("m", Lex::Scale(1e6)),
    ("mar", Lex::Month(3)),
    ("march", Lex::Month(3)),
    ("may", Lex::Month(5)),
    ("million", Lex::Scale(1e6)),
    ("minute", Lex::TimeUnit(TimeUnit::Other)),
    ("minutes", Lex::TimeUnit(TimeUnit::Other)),
    ("mio", Lex::Scale(1e6)),
    ("mn", Lex::Scale(1e6)),
    ("monday", Lex::Weekday),
    ("month", Lex::TimeUnit(TimeUnit::Month)),
    ("months", Lex::TimeUnit(TimeUnit::Month)),
    ("more", Lex::Marker),
    ("nearly", Lex::Marker),
    ("night", Lex::TimeUnit(TimeUnit::Other)),
    ("nights", Lex::TimeUnit(TimeUnit::Other)),
    ("nine", Lex::Number(9)),
    ("nineteen", Lex::Number(19)),
    ("ninety", Lex::Number(90)),
    ("no", Lex::Marker),
    ("nok", Lex::Currency("NOK")),
    ("not", Lex::Marker),
    ("nov", Lex::Month(11)),
    ("november", Lex::Month(11)),
    ("nz", Lex::Marker),
    ("nzd", Lex::Currency("NZD")),
    ("oct", Lex::Month(10)),
    ("october", Lex::Month(10)),
    ("one", Lex::Number(1)),
    ("over", Lex::Marker),
    ("pln", Lex::Currency("PLN")),
    ("pound", Lex::Currency("GBP")),
    ("pounds", Lex::Currency("GBP")),
    ("q", Lex::Marker),
    ("quarter", Lex::FractionDenominator(4)),
    ("quarters", Lex::FractionDenominator(4)),
    ("r", Lex::Marker),
    ("rand", Lex::Currency("ZAR")),
    ("renminbi", Lex::Currency("CNY")),
    ("rouble", Lex::Currency("RUB")),
    ("roubles", Lex::Currency("RUB")),
    ("roughly", Lex::Marker),
    ("rub", Lex::Currency("RUB")),
    ("ruble", Lex::Currency("RUB")),
    ("rubles", Lex::Currency("RUB")),
    ("rupee", Lex::Currency("INR")),
    ("rupees", Lex::Currency("INR")),
    ("s", Lex::Marker),
    ("saturday", Lex::Weekday),
    ("second", Lex::TimeUnit(TimeUnit::Other)),
    ("seconds", Lex::TimeUnit(TimeUnit::Other)),
    ("sek", Lex::Currency("SEK")),
    ("sep", Lex::Month(9)),
    ("sept", Lex::Month(9)),
    ("september", Lex::Month(9)),
    ("seven", Lex::Number(7)),
    ("seventeen", Lex::Number(17)),
    ("seventy", Lex::Number(70)),
    ("six", Lex::Number(6)),
    ("sixteen", Lex::Number(16)),
    ("sixth", Lex::FractionDenominator(6)),
    ("sixths", Lex::FractionDenominator(6)),
    ("sixty", Lex::Number(60)),
    ("some", Lex::Marker),
    ("spring", Lex::Season(1)),
    ("sterling", Lex::Currency("GBP")),
    ("summer", Lex::Season(2)),
    ("sunday", Lex::Weekday),
    ("ten", Lex::Number(10)),
    ("tenfold", Lex::Multiplier(10)),
    ("tenth", Lex::FractionDenominator(10)),
    ("tenths", Lex::FractionDenominator(10)),
    ("third", Lex::FractionDenominator(3)),
    ("thirds", Lex::FractionDenominator(3)),
    ("thirteen", Lex::Number(13)),
    ("thirty", Lex::Number(30)),
    ("thousand", Lex::Scale(1e3)),
    ("three", Lex::Number(3)),
    ("threefold", Lex::Multiplier(3)),
    ("thursday", Lex::Weekday),
    ("tn", Lex::Scale(1e12)),
    ("trillion", Lex::Scale(1e12)),
    ("tuesday", Lex::Weekday),
    ("twelve", Lex::Number(12)),
    ("twenty", Lex::Number(20)),
    ("two", Lex::Number(2)),
    ("twofold", Lex::Multiplier(2)),
    ("under", Lex::Marker),
    ("until", Lex::Marker),
    ("up", Lex::Marker),
    ("upwards", Lex::Marker),
    ("us", Lex::Marker),
    ("usd", Lex::Currency("USD")),
    ("wednesday", Lex::Weekday),
    ("week", Lex::TimeUnit(TimeUnit::Week)),
    ("weekend", Lex::TimeUnit(TimeUnit::Other)),
    ("weekends", Lex::TimeUnit(TimeUnit::Other)),
    ("weeks", Lex::TimeUnit(TimeUnit::Week)),
    ("winter", Lex::Season(4)),
    ("within", Lex::Marker),
    ("year", Lex::TimeUnit(TimeUnit::Year)),
    ("years", Lex::TimeUnit(TimeUnit::Year)),
    ("yen", Lex::Currency("JPY")),
    ("yuan", Lex::Currency("CNY")),
    ("zar", Lex::Currency("ZAR")),
    ("zero", Lex::Number(0)),
];

/// Where the entries of each first letter start in `ENTRIES`: entry `LETTER_START[l]` is the
/// first whose letter is `l` or later (index 26 is the end).
const LETTER_START: [usize; 27] = {
    let mut starts = [0; 27];
    let mut letter = 0;
    while letter < 27 {
        let mut i = 0;
        while i < ENTRIES.len() && ((ENTRIES[i].0.as_bytes()[0] - b'a') as usize) < letter {
            i += 1;
        }
        starts[letter] = i;
        letter += 1;
    }
    starts
};

/// Looks a lower-case word up: a short scan of the entries sharing its first letter.
fn simple(w: &str) -> Option<Lex> {
    let w = w.as_bytes();
    let first = *w.first()?;
    if !first.is_ascii_lowercase() {
        return None;
    }
    let letter = (first - b'a') as usize;
    ENTRIES[LETTER_START[letter]..LETTER_START[letter + 1]]
        .iter()
        .find(|(k, _)| k.len() == w.len() && k.bytes().zip(w).all(|(a, b)| a == *b))
        .map(|(_, lex)| *lex)
}

/// `second` is both a time unit and an ordinal; quarters need the ordinal.
pub fn quarter_ordinal(word: &str) -> Option<u8> {
    let mut buf = [0u8; MAX_WORD];
    match lower(word, &mut buf)? {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" | "last" | "final" => Some(4),
        _ => None,
    }
}

/// Case-insensitive comparison of a token's text with a lower-case ASCII word; curly and
/// straight apostrophes compare equal.
pub fn is(word: &str, expected: &str) -> bool {
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(expected);
    }
    let mut buf = [0u8; MAX_WORD];
    lower(word, &mut buf) == Some(expected)
}

/// True when `word` is one of `expected`.
pub fn is_any(word: &str, expected: &[&str]) -> bool {
    if word.is_ascii() {
        return expected
            .iter()
            .any(|e| e.len() == word.len() && word.eq_ignore_ascii_case(e));
    }
    let mut buf = [0u8; MAX_WORD];
    match lower(word, &mut buf) {
        Some(w) => expected.contains(&w),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_sorted_and_every_one_is_found() {
        assert!(
            ENTRIES
                .windows(2)
                .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes())
        );
        for (word, lex) in ENTRIES {
            assert_eq!(simple(word), Some(*lex), "{word}");
        }
        assert_eq!(simple("zzz"), None);
        assert_eq!(simple("the"), None);
    }

    #[test]
    fn number_words_and_compounds() {
        assert_eq!(classify("Twenty"), Lex::Number(20));
        assert_eq!(classify("twenty-five"), Lex::Number(25));
        assert_eq!(classify("two-thirds"), Lex::Fraction(2.0 / 3.0));
        assert_eq!(classify("three‑quarters"), Lex::Fraction(0.75));
        assert_eq!(classify("tenfold"), Lex::Multiplier(10));
        assert_eq!(classify("ten-fold"), Lex::Multiplier(10));
    }

    #[test]
    fn currency_codes_need_capitals() {
        assert_eq!(classify("EUR"), Lex::Currency("EUR"));
        assert_eq!(classify("eur"), Lex::None);
        assert_eq!(classify("euros"), Lex::Currency("EUR"));
        assert_eq!(classify("cad"), Lex::None);
    }

    #[test]
    fn months_and_apostrophes() {
        assert_eq!(classify("NOVEMBER"), Lex::Month(11));
        assert!(is("We’ll", "we'll"));
        assert!(!is("will", "we'll"));
    }
}
