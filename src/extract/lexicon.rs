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

fn simple(w: &str) -> Option<Lex> {
    use Lex::*;
    Some(match w {
        "january" | "jan" => Month(1),
        "february" | "feb" => Month(2),
        "march" | "mar" => Month(3),
        "april" | "apr" => Month(4),
        "may" => Month(5),
        "june" | "jun" => Month(6),
        "july" | "jul" => Month(7),
        "august" | "aug" => Month(8),
        "september" | "sep" | "sept" => Month(9),
        "october" | "oct" => Month(10),
        "november" | "nov" => Month(11),
        "december" | "dec" => Month(12),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" => {
            Weekday
        }
        "zero" => Number(0),
        "one" => Number(1),
        "two" => Number(2),
        "three" => Number(3),
        "four" => Number(4),
        "five" => Number(5),
        "six" => Number(6),
        "seven" => Number(7),
        "eight" => Number(8),
        "nine" => Number(9),
        "ten" => Number(10),
        "eleven" => Number(11),
        "twelve" => Number(12),
        "thirteen" => Number(13),
        "fourteen" => Number(14),
        "fifteen" => Number(15),
        "sixteen" => Number(16),
        "seventeen" => Number(17),
        "eighteen" => Number(18),
        "nineteen" => Number(19),
        "twenty" => Number(20),
        "thirty" => Number(30),
        "forty" => Number(40),
        "fifty" => Number(50),
        "sixty" => Number(60),
        "seventy" => Number(70),
        "eighty" => Number(80),
        "ninety" => Number(90),
        "hundred" => Scale(100.0),
        "thousand" | "k" => Scale(1e3),
        "million" | "m" | "mn" | "mio" => Scale(1e6),
        "billion" | "bn" | "b" => Scale(1e9),
        "trillion" | "tn" => Scale(1e12),
        "half" => FractionDenominator(2),
        "third" | "thirds" => FractionDenominator(3),
        "quarter" | "quarters" => FractionDenominator(4),
        "fifth" | "fifths" => FractionDenominator(5),
        "sixth" | "sixths" => FractionDenominator(6),
        "eighth" | "eighths" => FractionDenominator(8),
        "tenth" | "tenths" => FractionDenominator(10),
        "twofold" => Multiplier(2),
        "threefold" => Multiplier(3),
        "fourfold" => Multiplier(4),
        "fivefold" => Multiplier(5),
        "tenfold" => Multiplier(10),
        "hundredfold" => Multiplier(100),
        "euro" | "euros" | "eur" => Currency("EUR"),
        "pound" | "pounds" | "gbp" | "sterling" => Currency("GBP"),
        "dollar" | "dollars" | "usd" => Currency("USD"),
        "chf" | "franc" | "francs" => Currency("CHF"),
        "jpy" | "yen" => Currency("JPY"),
        "cad" => Currency("CAD"),
        "aud" => Currency("AUD"),
        "cny" | "yuan" | "renminbi" => Currency("CNY"),
        "inr" | "rupee" | "rupees" => Currency("INR"),
        "sek" => Currency("SEK"),
        "nok" => Currency("NOK"),
        "dkk" => Currency("DKK"),
        "pln" => Currency("PLN"),
        "nzd" => Currency("NZD"),
        "zar" | "rand" => Currency("ZAR"),
        "brl" => Currency("BRL"),
        "rub" | "rouble" | "roubles" | "ruble" | "rubles" => Currency("RUB"),
        "spring" => Season(1),
        "summer" => Season(2),
        "autumn" | "fall" => Season(3),
        "winter" => Season(4),
        "year" | "years" => TimeUnit(self::TimeUnit::Year),
        "month" | "months" => TimeUnit(self::TimeUnit::Month),
        "week" | "weeks" => TimeUnit(self::TimeUnit::Week),
        "day" | "days" => TimeUnit(self::TimeUnit::Day),
        "decade" | "decades" | "century" | "centuries" | "hour" | "hours" | "minute"
        | "minutes" | "second" | "seconds" | "night" | "nights" | "weekend" | "weekends" => {
            TimeUnit(self::TimeUnit::Other)
        }
        "first" => Ordinal(1),
        "fourth" => Ordinal(4),
        _ => return Option::None,
    })
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
