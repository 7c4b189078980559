//! The words the extractor knows: months, weekdays, number words, scales, currencies, seasons
//! and time units. Each word is classified once, when it is tokenized.

/// What a word means to the figure and date rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lex {
    /// Nothing to the figure and date rules: an ordinary word.
    None,
    /// January = 1.
    Month(u8),
    /// `monday` … `sunday`.
    Weekday,
    /// `two`, `twenty`, `twenty-five`, `fifteen`.
    Number(u32),
    /// `hundred` (10²), `thousand`, `million`, `billion`, `trillion`, and the abbreviations
    /// `m`, `mn`, `bn`, `k`, `tn` (valid only right after a number): the power of ten.
    Scale(u8),
    /// `half`, `third(s)`, `quarter(s)`, `fifth(s)`…: the denominator.
    FractionDenominator(u8),
    /// `two-thirds`, `three-quarters`, `one-half`: numerator and denominator.
    Fraction(u8, u8),
    /// `tenfold`, `twofold`, `ten-fold`, and the words that multiply: `double(d)`,
    /// `triple(d)`, `quadruple(d)`, `twice` (the figure rules tell the verb from the adjective).
    Multiplier(u32),
    /// The plural of a unit used as a vague quantity (`dozens`, `tens`, `hundreds`,
    /// `thousands`, `millions`): the unit is `base × 10^power`.
    Many {
        /// The unit's leading factor (`dozens`: 12).
        base: u8,
        /// The unit's power of ten (`thousands`: 3).
        power: u8,
    },
    /// `euros`, `pounds`, `dollars`, `EUR`, `GBP`: the ISO 4217 currency.
    Currency(Iso),
    /// Spring = 1 … winter = 4.
    Season(u8),
    /// `years`, `months`, `weeks`, `days`: what makes a duration.
    TimeUnit(TimeUnit),
    /// `first` = 1 … `fourth` = 4 (for quarters).
    Ordinal(u8),
    /// A word that can start a date or figure without being a number itself: `by`, `within`,
    /// `between`, `about`, `more`, `up`, `fy`… The figure and date rules skip other words.
    Marker,
    /// A verb of saying or believing (`said`, `told`, `acknowledge`, `hope`): see
    /// [`REPORTING`].
    Reporting,
    /// A word that may carry a pledge (`will`, `shall`, `we’ll`, `like`, `agreed`,
    /// `determined`, `guarantee`, `agreement`…): the commitment rules look closely only at these.
    Commissive,
}

/// The currencies the lexicon names, by ISO 4217 code. A one-byte payload keeps tokens small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Iso {
    /// Australian dollar.
    AUD,
    /// Brazilian real.
    BRL,
    /// Canadian dollar.
    CAD,
    /// Swiss franc.
    CHF,
    /// Chinese yuan.
    CNY,
    /// Danish krone.
    DKK,
    /// Euro.
    EUR,
    /// Pound sterling.
    GBP,
    /// Indian rupee.
    INR,
    /// Japanese yen.
    JPY,
    /// Norwegian krone.
    NOK,
    /// New Zealand dollar.
    NZD,
    /// Polish złoty.
    PLN,
    /// Russian rouble.
    RUB,
    /// Swedish krona.
    SEK,
    /// US dollar.
    USD,
    /// South African rand.
    ZAR,
}

impl Iso {
    /// Every currency the lexicon names.
    pub const ALL: [Iso; 17] = [
        Iso::AUD,
        Iso::BRL,
        Iso::CAD,
        Iso::CHF,
        Iso::CNY,
        Iso::DKK,
        Iso::EUR,
        Iso::GBP,
        Iso::INR,
        Iso::JPY,
        Iso::NOK,
        Iso::NZD,
        Iso::PLN,
        Iso::RUB,
        Iso::SEK,
        Iso::USD,
        Iso::ZAR,
    ];

    /// The ISO 4217 code, as written in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Iso::AUD => "AUD",
            Iso::BRL => "BRL",
            Iso::CAD => "CAD",
            Iso::CHF => "CHF",
            Iso::CNY => "CNY",
            Iso::DKK => "DKK",
            Iso::EUR => "EUR",
            Iso::GBP => "GBP",
            Iso::INR => "INR",
            Iso::JPY => "JPY",
            Iso::NOK => "NOK",
            Iso::NZD => "NZD",
            Iso::PLN => "PLN",
            Iso::RUB => "RUB",
            Iso::SEK => "SEK",
            Iso::USD => "USD",
            Iso::ZAR => "ZAR",
        }
    }
}

impl Lex {
    /// The factor of a scale word (`million` → 1e6).
    pub fn scale(self) -> Option<f64> {
        match self {
            Lex::Scale(power) => Some(10f64.powi(power as i32)),
            _ => None,
        }
    }

    /// The unit of a vague quantity (`dozens` → 12, `thousands` → 1000).
    pub fn many(self) -> Option<f64> {
        match self {
            Lex::Many { base, power } => Some(base as f64 * 10f64.powi(power as i32)),
            _ => None,
        }
    }
}

/// What a time word counts in: how a deadline (`within two years`) is added to a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    /// `year`, `years`.
    Year,
    /// `month`, `months`.
    Month,
    /// `week`, `weeks`.
    Week,
    /// `day`, `days`.
    Day,
    /// A time word no deadline is counted in (`hours`, `decades`, `mid-century`).
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
    "chapters",
    "annex",
    "annexes",
    "volume",
    "vol",
    "column",
    "schedule",
    "footnote",
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
    "resolutions",
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
    // The progressive of a plan under way (`we are planning to`, `are working to`).
    "planning",
    "working",
    "pledging",
    "committing",
    "intending",
    "aiming",
    "preparing",
    // A wish of the authors (`we want to build`).
    "want",
    "wants",
    "wish",
];

/// Verbs that report someone's words or belief: a cue in their clause (`has said it will`,
/// `we acknowledge that this crisis will be resolved`) is not a pledge of the authors.
pub const REPORTING: &[&str] = &[
    "pretend",
    "suppose",
    "imagine",
    "doubt",
    "assume",
    "claim",
    "claims",
    "claimed",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "recognise",
    "recognises",
    "recognised",
    "recognize",
    "recognizes",
    "recognized",
    "believe",
    "believes",
    "believed",
    "know",
    "knows",
    "hope",
    "hopes",
    "hoped",
    "think",
    "thinks",
    "expect",
    "expects",
    "expected",
    "note",
    "notes",
    "noted",
    "noting",
    "convinced",
    "confident",
    "clear",
    "certain",
    "sure",
    "told",
    "said",
    "says",
    "stated",
    "declared",
    "warned",
    "fear",
    "fears",
    "feared",
    "predicted",
    "likely",
    "say",
    "asked",
    "asks",
    "wrote",
    "writes",
    "declares",
    "according",
    "quoted",
    "added",
    "insisted",
    "replied",
    "recalled",
    "urged",
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
    // Nouns of purpose (`our aim is to`, `it is our intention to`, `our determination to`).
    "intention",
    "ambition",
    "goal",
    "objective",
    "determination",
    "commitment",
    "intent",
    "purpose",
    // Announcements of a measure (`is announcing €800 million`, `today I can announce`).
    "announcing",
    "announce",
    "announces",
    "launching",
    "launch",
    "launches",
    "releasing",
    "unveiling",
    "unveil",
    "unveils",
    "providing",
    "proposing",
    "allocating",
    "establishing",
    "investing",
    "funding",
    "publishing",
    // A measure under way, of a government body (`DHS is surging officers`).
    "surging",
    "expanding",
    "hiring",
    "deploying",
    "increasing",
    "scaling",
    "stepping",
    "marshalling",
    "marshaling",
    "mobilizing",
    "mobilising",
    "accelerating",
    // A calendar or a focus (`trials are planned for 2023`, `we are focusing on`).
    "planned",
    "scheduled",
    "slated",
    "focusing",
    "concentrating",
    // A body set up in the present (`we establish a joint cooperation`), a mandate given
    // (`have charged their staff with …`).
    "establish",
    "establishes",
    "charged",
    "tasked",
];

const MAX_WORD: usize = 24;

/// Lower-cases an ASCII-ish word into `buf` (curly apostrophes become `'`); `None` when the
/// word is too long or not ASCII, which no word of the lexicon is.
pub fn lower<'a>(word: &str, buf: &'a mut [u8; MAX_WORD]) -> Option<&'a str> {
    // Byte by byte: every character kept is ASCII or one of four three-byte marks (U+2018,
    // U+2019, U+2010, U+2011, all `E2 80 xx`), so no character needs decoding.
    let bytes = word.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        let c = if b < 0x80 {
            i += 1;
            b.to_ascii_lowercase()
        } else {
            let c = match bytes.get(i..i + 3)? {
                [0xE2, 0x80, 0x98 | 0x99] => b'\'',
                [0xE2, 0x80, 0x90 | 0x91] => b'-',
                _ => return None,
            };
            i += 3;
            c
        };
        if n == MAX_WORD {
            return None;
        }
        buf[n] = c;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Currency codes must be written in capitals (`EUR`, not `eur`); words (`euros`, `yen`)
/// may be written in any case.
fn currency_case(word: &str, lex: Lex) -> Lex {
    match lex {
        Lex::Currency(_)
            if word.len() == 3
                && !word.eq_ignore_ascii_case("yen")
                && !word.bytes().all(|b| b.is_ascii_uppercase()) =>
        {
            Lex::None
        }
        lex => lex,
    }
}

/// Bytes that join the parts of a compound word: `-`, `'`, and the first byte of `’`, `‐`, `‑`.
const JOINS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'-' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xE2] = true;
    t
};

/// Classifies one word token. Inlined into the tokenizer, which asks it of every word: the
/// common case is one table lookup, the rest lies out of line in `classify_compound`.
#[inline]
pub fn classify(word: &str) -> Lex {
    // Compounds (`twenty-five`, `ten-fold`, `tenfold`) and contractions (`we’ll`) are built
    // from listed parts and take the slow path; every other word is one table lookup.
    // (’, ‐ and ‑ all start with the byte 0xE2.)
    let joined = word.bytes().fold(false, |any, b| any | JOINS[b as usize]);
    if joined {
        return classify_compound(word);
    }
    classify_unjoined(word)
}

/// [`classify`] for a word with no joiner (`-`, `'`, `’`, `‐`, `‑`): the tokenizer knows when
/// a word is ASCII letters only and spares the byte-by-byte check. Inlined with the lookup
/// into the tokenizer, which asks it of nearly every word.
#[inline(always)]
pub fn classify_unjoined(word: &str) -> Lex {
    let bytes = word.as_bytes();
    if bytes.len() > 4 && bytes[bytes.len() - 4..].eq_ignore_ascii_case(b"fold") {
        return classify_compound(word);
    }
    lookup(bytes).map_or(Lex::None, |lex| currency_case(word, lex))
}

/// A word with a joiner (`twenty-five`, `we’ll`, `mid-July`) or ending in `fold`.
#[inline(never)]
fn classify_compound(word: &str) -> Lex {
    let mut buf = [0u8; MAX_WORD];
    let Some(w) = lower(word, &mut buf) else {
        return Lex::None;
    };
    if let Some(lex) = simple(w) {
        return currency_case(word, lex);
    }
    if w.ends_with("'ll") {
        return Lex::Commissive;
    }
    // Friday’s summit: the day itself, in the possessive.
    if let Some(day) = w.strip_suffix("'s").and_then(simple)
        && day == Lex::Weekday
    {
        return day;
    }
    // mid-July, early-March, end-June: a month with its modifier in one word.
    if let Some(month) = ["mid-", "early-", "late-", "end-"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .and_then(simple)
        && matches!(month, Lex::Month(_))
    {
        return month;
    }
    // mid-century, year's end: dates after `by`, so the date rules must not skip them.
    if matches!(w, "mid-century" | "year’s" | "year's" | "year-end") {
        return Lex::TimeUnit(TimeUnit::Other);
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
            return Lex::Fraction(n as u8, d);
        }
        if b == "fold"
            && let Some(Lex::Number(n)) = simple(a)
        {
            return Lex::Multiplier(n);
        }
        // one-in-five, nine-out-of-ten: a share written as one word.
        if let Some(Lex::Number(n)) = simple(a)
            && let Some(den) = b.strip_prefix("in-").or_else(|| b.strip_prefix("out-of-"))
            && let Some(Lex::Number(d)) = simple(den)
            && n < d
            && d <= u8::MAX as u32
        {
            return Lex::Fraction(n as u8, d as u8);
        }
    }
    if let Some(stem) = w.strip_suffix("fold")
        && let Some(Lex::Number(n)) = simple(stem)
    {
        return Lex::Multiplier(n);
    }
    Lex::None
}

/// Every word the lexicon knows with its class (a test checks each is found).
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
    ("as", Lex::Marker),
    ("at", Lex::Marker),
    ("aud", Lex::Currency(Iso::AUD)),
    ("aug", Lex::Month(8)),
    ("august", Lex::Month(8)),
    ("autumn", Lex::Season(3)),
    ("b", Lex::Scale(9)),
    ("before", Lex::Marker),
    ("below", Lex::Marker),
    ("between", Lex::Marker),
    ("billion", Lex::Scale(9)),
    ("billions", Lex::Many { base: 1, power: 9 }),
    ("bn", Lex::Scale(9)),
    ("brl", Lex::Currency(Iso::BRL)),
    ("budget", Lex::Marker),
    ("by", Lex::Marker),
    ("c", Lex::Marker),
    ("cad", Lex::Currency(Iso::CAD)),
    ("centuries", Lex::TimeUnit(TimeUnit::Other)),
    ("century", Lex::TimeUnit(TimeUnit::Other)),
    ("chf", Lex::Currency(Iso::CHF)),
    ("circa", Lex::Marker),
    ("cny", Lex::Currency(Iso::CNY)),
    ("day", Lex::TimeUnit(TimeUnit::Day)),
    ("days", Lex::TimeUnit(TimeUnit::Day)),
    ("dec", Lex::Month(12)),
    ("decade", Lex::TimeUnit(TimeUnit::Other)),
    ("decades", Lex::TimeUnit(TimeUnit::Other)),
    ("december", Lex::Month(12)),
    ("dkk", Lex::Currency(Iso::DKK)),
    ("dollar", Lex::Currency(Iso::USD)),
    ("dollars", Lex::Currency(Iso::USD)),
    ("double", Lex::Multiplier(2)),
    ("doubled", Lex::Multiplier(2)),
    ("doubles", Lex::Multiplier(2)),
    ("doubling", Lex::Multiplier(2)),
    ("dozens", Lex::Many { base: 12, power: 0 }),
    ("eight", Lex::Number(8)),
    ("eighteen", Lex::Number(18)),
    ("eighth", Lex::FractionDenominator(8)),
    ("eighths", Lex::FractionDenominator(8)),
    ("eighty", Lex::Number(80)),
    ("eleven", Lex::Number(11)),
    ("eur", Lex::Currency(Iso::EUR)),
    ("euro", Lex::Currency(Iso::EUR)),
    ("euros", Lex::Currency(Iso::EUR)),
    ("exceeding", Lex::Marker),
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
    ("franc", Lex::Currency(Iso::CHF)),
    ("francs", Lex::Currency(Iso::CHF)),
    ("friday", Lex::Weekday),
    ("from", Lex::Marker),
    ("fy", Lex::Marker),
    ("gbp", Lex::Currency(Iso::GBP)),
    ("greater", Lex::Marker),
    ("h", Lex::Marker),
    ("half", Lex::FractionDenominator(2)),
    ("hk", Lex::Marker),
    ("hour", Lex::TimeUnit(TimeUnit::Other)),
    ("hours", Lex::TimeUnit(TimeUnit::Other)),
    ("hundred", Lex::Scale(2)),
    ("hundredfold", Lex::Multiplier(100)),
    ("hundreds", Lex::Many { base: 1, power: 2 }),
    ("in", Lex::Marker),
    ("inr", Lex::Currency(Iso::INR)),
    ("jan", Lex::Month(1)),
    ("january", Lex::Month(1)),
    ("jpy", Lex::Currency(Iso::JPY)),
    ("jul", Lex::Month(7)),
    ("july", Lex::Month(7)),
    ("jun", Lex::Month(6)),
    ("june", Lex::Month(6)),
    ("k", Lex::Scale(3)),
    ("less", Lex::Marker),
    ("m", Lex::Scale(6)),
    ("mar", Lex::Month(3)),
    ("march", Lex::Month(3)),
    ("may", Lex::Month(5)),
    ("million", Lex::Scale(6)),
    ("millions", Lex::Many { base: 1, power: 6 }),
    ("minute", Lex::TimeUnit(TimeUnit::Other)),
    ("minutes", Lex::TimeUnit(TimeUnit::Other)),
    // by midcentury: a date after `by`, so the date rules must not skip it.
    ("midcentury", Lex::TimeUnit(TimeUnit::Other)),
    ("mio", Lex::Scale(6)),
    ("mn", Lex::Scale(6)),
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
    ("nok", Lex::Currency(Iso::NOK)),
    ("not", Lex::Marker),
    ("nov", Lex::Month(11)),
    ("november", Lex::Month(11)),
    ("nz", Lex::Marker),
    ("nzd", Lex::Currency(Iso::NZD)),
    ("oct", Lex::Month(10)),
    ("october", Lex::Month(10)),
    ("one", Lex::Number(1)),
    ("over", Lex::Marker),
    ("pln", Lex::Currency(Iso::PLN)),
    ("pound", Lex::Currency(Iso::GBP)),
    ("pounds", Lex::Currency(Iso::GBP)),
    ("q", Lex::Marker),
    ("quadruple", Lex::Multiplier(4)),
    ("quadrupled", Lex::Multiplier(4)),
    ("quadruples", Lex::Multiplier(4)),
    ("quadrupling", Lex::Multiplier(4)),
    ("quarter", Lex::FractionDenominator(4)),
    ("quarters", Lex::FractionDenominator(4)),
    ("r", Lex::Marker),
    ("rand", Lex::Currency(Iso::ZAR)),
    ("renminbi", Lex::Currency(Iso::CNY)),
    ("rouble", Lex::Currency(Iso::RUB)),
    ("roubles", Lex::Currency(Iso::RUB)),
    ("roughly", Lex::Marker),
    ("rub", Lex::Currency(Iso::RUB)),
    ("ruble", Lex::Currency(Iso::RUB)),
    ("rubles", Lex::Currency(Iso::RUB)),
    ("rupee", Lex::Currency(Iso::INR)),
    ("rupees", Lex::Currency(Iso::INR)),
    ("s", Lex::Marker),
    ("saturday", Lex::Weekday),
    ("second", Lex::TimeUnit(TimeUnit::Other)),
    ("seconds", Lex::TimeUnit(TimeUnit::Other)),
    ("sek", Lex::Currency(Iso::SEK)),
    ("sep", Lex::Month(9)),
    ("sept", Lex::Month(9)),
    ("september", Lex::Month(9)),
    ("seven", Lex::Number(7)),
    ("seventeen", Lex::Number(17)),
    ("seventy", Lex::Number(70)),
    ("several", Lex::Marker),
    ("six", Lex::Number(6)),
    ("sixteen", Lex::Number(16)),
    ("sixth", Lex::FractionDenominator(6)),
    ("sixths", Lex::FractionDenominator(6)),
    ("sixty", Lex::Number(60)),
    ("some", Lex::Marker),
    ("spring", Lex::Season(1)),
    ("sterling", Lex::Currency(Iso::GBP)),
    ("summer", Lex::Season(2)),
    ("sunday", Lex::Weekday),
    ("surpassing", Lex::Marker),
    ("ten", Lex::Number(10)),
    ("tenfold", Lex::Multiplier(10)),
    ("tens", Lex::Many { base: 1, power: 1 }),
    ("tenth", Lex::FractionDenominator(10)),
    ("tenths", Lex::FractionDenominator(10)),
    ("third", Lex::FractionDenominator(3)),
    ("thirds", Lex::FractionDenominator(3)),
    ("thirteen", Lex::Number(13)),
    ("thirty", Lex::Number(30)),
    ("thousand", Lex::Scale(3)),
    ("thousands", Lex::Many { base: 1, power: 3 }),
    ("three", Lex::Number(3)),
    ("threefold", Lex::Multiplier(3)),
    ("thursday", Lex::Weekday),
    ("tn", Lex::Scale(12)),
    ("trillion", Lex::Scale(12)),
    ("trillions", Lex::Many { base: 1, power: 12 }),
    ("triple", Lex::Multiplier(3)),
    ("tripled", Lex::Multiplier(3)),
    ("triples", Lex::Multiplier(3)),
    ("tripling", Lex::Multiplier(3)),
    ("tuesday", Lex::Weekday),
    ("twelve", Lex::Number(12)),
    ("twenty", Lex::Number(20)),
    ("twice", Lex::Multiplier(2)),
    ("two", Lex::Number(2)),
    ("twofold", Lex::Multiplier(2)),
    ("under", Lex::Marker),
    ("until", Lex::Marker),
    ("up", Lex::Marker),
    ("upwards", Lex::Marker),
    ("us", Lex::Marker),
    ("usd", Lex::Currency(Iso::USD)),
    ("wednesday", Lex::Weekday),
    ("week", Lex::TimeUnit(TimeUnit::Week)),
    ("weekend", Lex::TimeUnit(TimeUnit::Other)),
    ("weekends", Lex::TimeUnit(TimeUnit::Other)),
    ("weeks", Lex::TimeUnit(TimeUnit::Week)),
    ("winter", Lex::Season(4)),
    ("within", Lex::Marker),
    ("year", Lex::TimeUnit(TimeUnit::Year)),
    ("years", Lex::TimeUnit(TimeUnit::Year)),
    ("yen", Lex::Currency(Iso::JPY)),
    ("yuan", Lex::Currency(Iso::CNY)),
    ("zar", Lex::Currency(Iso::ZAR)),
    ("zero", Lex::Number(0)),
];

/// Buckets of the lookup table (a power of two), and the words each can hold.
const BUCKETS: usize = 256;
const LANES: usize = 8;

/// A hash of the length and the first two and last two bytes, folded to lower case (`| 0x20`
/// lower-cases ASCII letters and leaves `'` and `-` alone): the same for `EUR` and `eur`, and
/// cheap enough to run on every word of a corpus. Its low bits pick a bucket; all of it is
/// the word's fingerprint.
const fn hash(word: &[u8]) -> u32 {
    let n = word.len();
    let h = (n as u32)
        .wrapping_mul(0x9e37_79b9)
        .wrapping_add(((word[0] | 0x20) as u32).wrapping_mul(0x85eb_ca6b))
        .wrapping_add(((word[n / 2] | 0x20) as u32).wrapping_mul(0xc2b2_ae35))
        .wrapping_add(((word[n - 1] | 0x20) as u32).wrapping_mul(0x27d4_eb2f))
        .wrapping_add(((word[n.saturating_sub(2)] | 0x20) as u32).wrapping_mul(0x1656_67b1));
    h ^ (h >> 15)
}

const fn bucket(h: u32) -> usize {
    h as usize & (BUCKETS - 1)
}

/// The word and class of index `i` over `ENTRIES`, the commissive lists and `REPORTING`.
const fn word_at(i: usize) -> (&'static str, Lex) {
    if i < ENTRIES.len() {
        return ENTRIES[i];
    }
    let i = i - ENTRIES.len();
    if i < COMMISSIVE_TO.len() {
        return (COMMISSIVE_TO[i], Lex::Commissive);
    }
    let i = i - COMMISSIVE_TO.len();
    if i < COMMISSIVE_OTHER.len() {
        return (COMMISSIVE_OTHER[i], Lex::Commissive);
    }
    (REPORTING[i - COMMISSIVE_OTHER.len()], Lex::Reporting)
}

const WORDS: usize = ENTRIES.len() + COMMISSIVE_TO.len() + COMMISSIVE_OTHER.len() + REPORTING.len();

/// All words in one array, so a lookup is an index.
const ALL: [(&str, Lex); WORDS] = {
    let mut all = [("", Lex::None); WORDS];
    let mut i = 0;
    while i < WORDS {
        all[i] = word_at(i);
        i += 1;
    }
    all
};

/// A lane no word's fingerprint equals.
const EMPTY: u32 = u32::MAX;

/// A hash table built at compile time: each bucket holds the fingerprints of its words
/// (`EMPTY` in unused lanes) and, lane for lane, 1 + their indices.
const TABLE: ([[u32; LANES]; BUCKETS], [[u16; LANES]; BUCKETS]) = {
    let mut fingerprints = [[EMPTY; LANES]; BUCKETS];
    let mut indices = [[0u16; LANES]; BUCKETS];
    let mut i = 0;
    while i < WORDS {
        let h = hash(word_at(i).0.as_bytes());
        assert!(h != EMPTY, "a word's fingerprint marks unused lanes");
        let b = bucket(h);
        let mut lane = 0;
        while indices[b][lane] != 0 {
            lane += 1;
            assert!(lane < LANES, "a bucket of the lexicon table is full");
        }
        fingerprints[b][lane] = h;
        indices[b][lane] = (i + 1) as u16;
        i += 1;
    }
    (fingerprints, indices)
};

/// Looks a word up in any case (ASCII only; other words are in no list). All lanes of the
/// word's bucket are compared with its fingerprint at once, so the usual word, in no list,
/// costs one well-predicted test instead of a probe loop that ends at an unpredictable slot.
#[inline(always)]
fn lookup(word: &[u8]) -> Option<Lex> {
    if word.is_empty() || word.len() > MAX_WORD {
        return None;
    }
    let h = hash(word);
    if h == EMPTY {
        // No word of the lexicon has it (checked as the table is built).
        return None;
    }
    let b = bucket(h);
    let mut hits = TABLE.0[b]
        .iter()
        .enumerate()
        .fold(0u32, |hits, (lane, &f)| hits | ((f == h) as u32) << lane);
    // Words may share a fingerprint (`fivefold`, `fourfold`): each is checked.
    while hits != 0 {
        let lane = hits.trailing_zeros() as usize;
        hits &= hits - 1;
        let (candidate, lex) = ALL[TABLE.1[b][lane] as usize - 1];
        if candidate.len() == word.len() && candidate.as_bytes().eq_ignore_ascii_case(word) {
            return Some(lex);
        }
    }
    None
}

fn simple(w: &str) -> Option<Lex> {
    lookup(w.as_bytes())
}

/// `second` is both a time unit and an ordinal; quarters need the ordinal.
pub fn quarter_ordinal(word: &str) -> Option<u8> {
    // All ASCII: a word with any other character is none of them, lowered or not.
    const ORDINALS: [(&str, u8); 10] = [
        ("first", 1),
        ("1st", 1),
        ("second", 2),
        ("2nd", 2),
        ("third", 3),
        ("3rd", 3),
        ("fourth", 4),
        ("4th", 4),
        ("last", 4),
        ("final", 4),
    ];
    ORDINALS
        .iter()
        .find(|(w, _)| w.len() == word.len() && w.eq_ignore_ascii_case(word))
        .map(|&(_, q)| q)
}

/// Case-insensitive comparison of a token's text with a lower-case ASCII word; curly and
/// straight apostrophes compare equal. Inlined: rules ask it of nearly every token.
#[inline]
pub fn is(word: &str, expected: &str) -> bool {
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(expected);
    }
    lowered_is_any(word, &[expected])
}

/// True when `word` is one of `expected`. Inlined, with the rare non-ASCII word (`we’ll`)
/// out of line: rules ask this of most words against lists of dozens.
#[inline]
pub fn is_any(word: &str, expected: &[&str]) -> bool {
    if !word.is_ascii() {
        return lowered_is_any(word, expected);
    }
    let w = word.as_bytes();
    let Some(&first) = w.first() else {
        return expected.contains(&"");
    };
    // Reject on length and first letter before comparing the rest.
    let first = first.to_ascii_lowercase();
    expected.iter().any(|e| {
        let e = e.as_bytes();
        e.len() == w.len() && e[0].to_ascii_lowercase() == first && e.eq_ignore_ascii_case(w)
    })
}

/// `word`, lowered with its curly apostrophes and Unicode hyphens made ASCII, is one of
/// `expected`.
#[cold]
fn lowered_is_any(word: &str, expected: &[&str]) -> bool {
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
    fn every_word_is_found_once_in_any_case() {
        for i in 0..WORDS {
            let (word, lex) = word_at(i);
            assert_eq!(lookup(word.as_bytes()), Some(lex), "{word}");
            assert_eq!(lookup(word.to_uppercase().as_bytes()), Some(lex), "{word}");
            let copies = (0..WORDS).filter(|&j| word_at(j).0 == word).count();
            assert_eq!(copies, 1, "{word} is listed twice");
        }
        assert_eq!(lookup(b"zzz"), None);
        assert_eq!(lookup(b"the"), None);
        assert_eq!(classify("will"), Lex::Commissive);
        assert_eq!(classify("We\u{2019}ll"), Lex::Commissive);
    }

    #[test]
    fn number_words_and_compounds() {
        assert_eq!(classify("Twenty"), Lex::Number(20));
        assert_eq!(classify("twenty-five"), Lex::Number(25));
        assert_eq!(classify("two-thirds"), Lex::Fraction(2, 3));
        assert_eq!(classify("three‑quarters"), Lex::Fraction(3, 4));
        assert_eq!(classify("tenfold"), Lex::Multiplier(10));
        assert_eq!(classify("ten-fold"), Lex::Multiplier(10));
        assert_eq!(classify("one-in-five"), Lex::Fraction(1, 5));
        assert_eq!(classify("Nine-out-of-ten"), Lex::Fraction(9, 10));
        assert_eq!(classify("five-in-one"), Lex::None);
    }

    #[test]
    fn currency_codes_need_capitals() {
        assert_eq!(classify("EUR"), Lex::Currency(Iso::EUR));
        assert_eq!(classify("eur"), Lex::None);
        assert_eq!(classify("euros"), Lex::Currency(Iso::EUR));
        assert_eq!(classify("cad"), Lex::None);
    }

    #[test]
    fn lower_keeps_ascii_and_the_four_marks_only() {
        let mut buf = [0u8; MAX_WORD];
        assert_eq!(lower("We\u{2019}LL", &mut buf), Some("we'll"));
        assert_eq!(
            lower("\u{2018}co\u{2010}op\u{2011}X", &mut buf),
            Some("'co-op-x")
        );
        assert_eq!(lower("publi\u{e9}", &mut buf), None);
        // U+2014 shares the first two bytes with the marks.
        assert_eq!(lower("a\u{2014}b", &mut buf), None);
        assert_eq!(
            lower(&"a".repeat(MAX_WORD), &mut buf).map(str::len),
            Some(MAX_WORD)
        );
        assert_eq!(lower(&"a".repeat(MAX_WORD + 1), &mut buf), None);
        assert_eq!(quarter_ordinal("Fourth"), Some(4));
        assert_eq!(quarter_ordinal("fourths"), None);
    }

    #[test]
    fn is_any_in_any_case_and_with_curly_apostrophes() {
        assert!(is_any("Shall", &["will", "shall"]));
        assert!(is_any("WE\u{2019}LL", &["we'll"]));
        assert!(!is_any("wills", &["will", "shall"]));
        assert!(!is_any("", &["will"]));
        // Lists hold lower-case ASCII: a non-ASCII word matches only once lowered.
        assert!(!is_any("publi\u{e9}", &["publi\u{e9}"]));
    }

    #[test]
    fn months_and_apostrophes() {
        assert_eq!(classify("NOVEMBER"), Lex::Month(11));
        assert!(is("We’ll", "we'll"));
        assert!(!is("will", "we'll"));
    }
}
