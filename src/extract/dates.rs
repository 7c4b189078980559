//! Dates: every English order, numeric day-first and ISO forms, months, years in context,
//! quarters, seasons, financial years, ranges and deadlines, normalized to ISO 8601.

use super::lexicon::{Lex, REFERENCE_WORDS, TimeUnit, is, is_any, quarter_ordinal};
use super::numbers::parse_words;
use super::tokens::{Gap, Kind, Token, Tokens};
use super::{Date, DateValue, item};
use crate::calendar::days_in_month;

/// Words before a number that make it a quantity (`about 2000`, `more than 1950`), not a year.
const NUMBER_CONTEXT: &[&str] = &[
    "about",
    "around",
    "some",
    "approximately",
    "nearly",
    "almost",
    "than",
    "over",
    "least",
    "up",
];

/// Words before a weekday that say it is a day of the calendar: `on Friday`, `by Monday`.
const WEEKDAY_CUES: &[&str] = &[
    "on", "next", "last", "this", "by", "until", "till", "before", "after", "since", "from",
    "through", "coming", "upcoming", "past",
];

/// Verbs that make `May` before them a person: `since May took office`.
const NAME_VERBS: &[&str] = &[
    "was", "is", "has", "had", "took", "became", "said", "says", "told", "won", "lost", "made",
    "gave", "met", "spoke", "came", "left", "became", "wrote", "sought", "set", "led",
];

/// Words that put the clause before a weekday in the future: the day meant is the coming one.
const FUTURE_MARKS: &[&str] = &[
    "will",
    "shall",
    "expect",
    "expects",
    "expected",
    "plan",
    "plans",
    "planned",
    "intend",
    "intends",
    "scheduled",
    "due",
    "upcoming",
];

/// Words that put the clause before a weekday in the past: the day meant is the one gone by.
const PAST_MARKS: &[&str] = &[
    "was", "were", "had", "did", "met", "held", "spoke", "said", "took", "gave", "made", "began",
    "came", "went", "saw", "told", "wrote", "sent", "left", "led", "won", "ago",
];

/// Nouns a season qualifies when it names a thing rather than a time of year.
const SEASON_NOUNS: &[&str] = &[
    "recess",
    "holiday",
    "holidays",
    "break",
    "term",
    "session",
    "sitting",
    "school",
    "schools",
    "statement",
    "budget",
    "conference",
    "meeting",
    "meetings",
    "months",
    "season",
    "period",
    "schedule",
    "programme",
    "program",
    "forecast",
    "forecasts",
    "outlook",
    "peak",
    "exams",
    "campaign",
    "edition",
    "review",
    "update",
    "sale",
    "sales",
    "fuel",
    "storms",
    "weather",
    "pressures",
    "crisis",
    "collection",
    "semester",
    "intake",
    "camp",
    "camps",
    "festival",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Future,
    Past,
}

/// A full calendar day: the date of issue that year-less dates borrow their year from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ymd {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Ymd {
    /// Reads a `YYYY-MM-DD` value; `None` for anything less precise.
    pub fn from_value(v: &DateValue) -> Option<Ymd> {
        let s = v.date.as_deref()?;
        let mut parts = s.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        parts.next().is_none().then_some(Ymd { year, month, day })
    }

    /// Days since 1970-01-01 ([`crate::calendar::day_number`]).
    fn days(self) -> i64 {
        i64::from(crate::calendar::day_number(self.year, self.month, self.day))
    }

    /// The day `days` after 1970-01-01 ([`crate::calendar::civil`]).
    fn from_days(days: i64) -> Ymd {
        let n = days.clamp(i64::from(i32::MIN / 2), i64::from(i32::MAX / 2)) as i32;
        let (year, month, day) = crate::calendar::civil(n);
        Ymd { year, month, day }
    }

    /// Monday = 0 … Sunday = 6.
    fn weekday(self) -> i64 {
        // 1970-01-01 was a Thursday.
        (self.days() + 3).rem_euclid(7)
    }

    fn add(self, amount: u32, unit: TimeUnit) -> Option<Ymd> {
        let (mut y, mut m, mut d) = (self.year, self.month, self.day);
        match unit {
            TimeUnit::Year => y += amount as i32,
            TimeUnit::Month => {
                let months = m as i64 - 1 + amount as i64;
                y += (months / 12) as i32;
                m = (months % 12) as u32 + 1;
            }
            TimeUnit::Week | TimeUnit::Day => {
                let days = if unit == TimeUnit::Week {
                    amount * 7
                } else {
                    amount
                };
                for _ in 0..days {
                    d += 1;
                    if d > days_in_month(y, m) {
                        d = 1;
                        m += 1;
                        if m > 12 {
                            m = 1;
                            y += 1;
                        }
                    }
                }
            }
            TimeUnit::Other => return None,
        }
        d = d.min(days_in_month(y, m));
        Some(Ymd {
            year: y,
            month: m,
            day: d,
        })
    }
}

/// A date as written, before the year of issue fills what it leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Core {
    Day {
        year: Option<i32>,
        month: u8,
        day: u8,
    },
    Month {
        year: Option<i32>,
        month: u8,
    },
    Year(i32),
    Quarter {
        year: i32,
        quarter: u8,
    },
    Season {
        year: i32,
        season: u8,
    },
    /// A UK financial year, April to March, named by the year it starts in.
    FinancialYear(i32),
    /// A US fiscal year (`FY2024`), October to September, named by the year it ends in.
    FiscalYear(i32),
    /// `Fiscal Years 2026 and 2027`: consecutive fiscal (or, `british`, financial) years,
    /// from the first's start to the last's end.
    FiscalYears {
        first: i32,
        last: i32,
        british: bool,
    },
    /// `2005-2008`: an interval of whole years.
    YearRange(i32, i32),
    /// `the first half of 2024` (1) or `H2 2023` (2).
    Half {
        year: i32,
        half: u8,
    },
    /// `the 1990s`: the decade starting in that year.
    Decade(i32),
    /// A bare day number, the first half of `20-22 August` or `from 1 to 3 March`.
    DayOnly(u8),
}

impl Core {
    fn year(&self) -> Option<i32> {
        match *self {
            Core::Day { year, .. } | Core::Month { year, .. } => year,
            Core::Year(y)
            | Core::FinancialYear(y)
            | Core::FiscalYear(y)
            | Core::YearRange(_, y)
            | Core::FiscalYears { last: y, .. } => Some(y),
            Core::Half { year, .. } => Some(year),
            Core::Decade(y) => Some(y + 9),
            Core::Quarter { year, .. } | Core::Season { year, .. } => Some(year),
            Core::DayOnly(_) => None,
        }
    }

    fn with_year(self, y: i32) -> Core {
        match self {
            Core::Day {
                year: None,
                month,
                day,
            } => Core::Day {
                year: Some(y),
                month,
                day,
            },
            Core::Month { year: None, month } => Core::Month {
                year: Some(y),
                month,
            },
            c => c,
        }
    }

    fn iso(&self, issue: Option<Ymd>) -> Option<String> {
        let fill = |y: Option<i32>| y.or(issue.map(|d| d.year));
        Some(match *self {
            Core::Day { year, month, day } => match fill(year) {
                Some(y) => format!("{y:04}-{month:02}-{day:02}"),
                None => format!("--{month:02}-{day:02}"),
            },
            Core::Month { year, month } => match fill(year) {
                Some(y) => format!("{y:04}-{month:02}"),
                None => format!("--{month:02}"),
            },
            Core::Year(y) => format!("{y:04}"),
            Core::Quarter { year, quarter } => format!("{year:04}-Q{quarter}"),
            Core::Season { year, season } => {
                let (a, b) = match season {
                    1 => (3, 5),
                    2 => (6, 8),
                    3 => (9, 11),
                    _ => (12, 2),
                };
                let end_year = if season == 4 { year + 1 } else { year };
                format!("{year:04}-{a:02}/{end_year:04}-{b:02}")
            }
            Core::FinancialYear(y) => format!("{y:04}-04/{:04}-03", y + 1),
            Core::FiscalYear(y) => format!("{:04}-10/{y:04}-09", y - 1),
            Core::FiscalYears {
                first,
                last,
                british: true,
            } => format!("{first:04}-04/{:04}-03", last + 1),
            Core::FiscalYears { first, last, .. } => {
                format!("{:04}-10/{last:04}-09", first - 1)
            }
            Core::YearRange(a, b) => format!("{a:04}/{b:04}"),
            Core::Half { year, half } => {
                let (a, b) = if half == 1 { (1, 6) } else { (7, 12) };
                format!("{year:04}-{a:02}/{year:04}-{b:02}")
            }
            Core::Decade(y) => format!("{y:04}/{:04}", y + 9),
            Core::DayOnly(_) => return None,
        })
    }
}

/// The dates of a document, and which tokens they (or things that look like dates but are
/// references, such as `2019/452`) cover, so figures do not read them again.
pub struct Found {
    pub items: Vec<Date>,
    pub covered: Vec<bool>,
}

/// Finds every date in `text`.
pub fn find(text: &str, toks: &[Token], issue: Option<Ymd>) -> Found {
    let mut found = Found {
        items: Vec::new(),
        covered: vec![false; toks.len()],
    };
    let scan = Scan {
        tokens: Tokens { text, toks },
        issue,
        british: std::cell::OnceCell::new(),
    };
    let mut i = 0;
    while i < toks.len() {
        // The longest marker before a date is "by no later than": four words.
        if toks[i].ahead > 6 || !toks[i].can_start_item() {
            i += 1;
            continue;
        }
        match scan.at(i) {
            Some(m) if !crosses_paragraph(toks, m.first, m.end) => {
                for c in &mut found.covered[m.first..m.end] {
                    *c = true;
                }
                if let Some(value) = m.value {
                    let start = toks[m.first].start;
                    let end = without_possessive(text, toks[m.end - 1]);
                    found.items.push(item(text, start, end, value));
                }
                i = m.end;
            }
            _ => i += 1,
        }
    }
    found
}

/// The interval from the start of `x` to the end of `y`, either of which may itself be an
/// interval (`FY2023 to FY2025`: from the first's October to the last's September).
fn span_of(x: &str, y: &str) -> String {
    let start = x.split('/').next().unwrap_or(x);
    let end = y.rsplit('/').next().unwrap_or(y);
    format!("{start}/{end}")
}

/// The end of a date's last token, short of a possessive `’s` (`Friday’s summit`).
fn without_possessive(text: &str, last: Token) -> usize {
    let t = last.text(text);
    let cut = ["’s", "'s"]
        .iter()
        .find(|s| t.len() > s.len() && t.ends_with(*s))
        .map_or(0, |s| s.len());
    last.end - cut
}

fn crosses_paragraph(toks: &[Token], first: usize, end: usize) -> bool {
    toks[first + 1..end].iter().any(|t| t.gap == Gap::Paragraph)
}

/// A match: tokens `first..end`, and its value (`None` for a reference to skip).
struct Match {
    first: usize,
    end: usize,
    value: Option<DateValue>,
}

fn date(s: String) -> Option<DateValue> {
    Some(DateValue {
        date: Some(s),
        duration: None,
    })
}

struct Scan<'a> {
    tokens: Tokens<'a>,
    issue: Option<Ymd>,
    /// Whether the text reckons in sterling, as a British government text does: then a bare
    /// `2016-17` is a financial year. Looked up once, the first time a year pair needs it.
    british: std::cell::OnceCell<bool>,
}

impl<'a> std::ops::Deref for Scan<'a> {
    type Target = Tokens<'a>;
    fn deref(&self) -> &Tokens<'a> {
        &self.tokens
    }
}

impl Scan<'_> {
    fn british(&self) -> bool {
        *self.british.get_or_init(|| {
            let (Some(first), Some(last)) = (self.toks.first(), self.toks.last()) else {
                return false;
            };
            let text = &self.text[first.start..last.end];
            text.contains('£') || text.contains("GBP") || text.contains("sterling")
        })
    }

    /// `financial year`, `fiscal year`, `budget year` at `i`.
    fn names_financial_year(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| is_any(w, &["financial", "fiscal", "budget"]))
            && self.is_word(i + 1, "year")
    }

    /// Two years written as one: `2014-20`, `2014–2020`, `2016/17`, with `sep` between
    /// them (`b` is the second's digits, at token `i + 2`). Two consecutive years are a
    /// financial year where the text names one or reckons in sterling, else a range.
    fn year_pair(&self, i: usize, sep: char, b: &str) -> Option<(Option<Core>, usize)> {
        let y = self.year4(i)?;
        let end = i + 3;
        let e = match b.len() {
            4 => b.parse().ok()?,
            2 => {
                let short: i32 = b.parse().ok()?;
                let e = y - y % 100 + short;
                if e <= y { e + 100 } else { e }
            }
            _ => return None,
        };
        if e <= y || e - y > 100 {
            return (sep == '/').then_some((None, end));
        }
        if b.len() == 2 && e == y + 1 {
            let fy = self.names_financial_year(end) || self.british();
            let core = if fy {
                Core::FinancialYear(y)
            } else {
                Core::YearRange(y, e)
            };
            return Some((Some(core), end));
        }
        match sep {
            // Regulation 2019/452, Directive 2014/24: references, skipped whole.
            '/' => Some((None, end)),
            // 2021-09 is a month of 2021 written the ISO way, unless a year is expected.
            '-' if b.len() == 2 && valid_month(b) && !self.is_year_context(i) => None,
            _ => Some((Some(Core::YearRange(y, e)), end)),
        }
    }

    fn digits(&self, i: usize) -> Option<&str> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Num)
            .map(|t| t.text(self.text))
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
    }

    fn small(&self, i: usize) -> Option<u32> {
        self.digits(i)
            .filter(|s| s.len() <= 2)
            .and_then(|s| s.parse().ok())
    }

    fn year4(&self, i: usize) -> Option<i32> {
        self.digits(i)
            .filter(|s| s.len() == 4)
            .and_then(|s| s.parse().ok())
            .filter(|y| (1000..=2199).contains(y))
    }

    fn month(&self, i: usize) -> Option<u8> {
        match self.tok(i)?.lex {
            Lex::Month(m) => Some(m),
            _ => None,
        }
    }

    /// Skips an ordinal suffix (`20th`) after a day number at `i - 1`.
    fn after_ordinal(&self, i: usize) -> usize {
        if self.adjacent(i)
            && self
                .word(i)
                .is_some_and(|w| is_any(w, &["st", "nd", "rd", "th"]))
        {
            i + 1
        } else {
            i
        }
    }

    /// A day of a month whose tokens end before `after`, with the year that may follow it
    /// (`20 August[,] 2015`, `August 30, 2014`); a year-less day otherwise (`4 May`).
    fn day_and_year(&self, month: u8, day: u8, after: usize) -> (Option<Core>, usize) {
        let c = self.skip_comma(after);
        match self
            .year4(c)
            .filter(|_| self.inline(c) && !self.adjacent_continues(c))
        {
            Some(y) => (
                Some(Core::Day {
                    year: Some(y),
                    month,
                    day,
                }),
                c + 1,
            ),
            None => (
                Some(Core::Day {
                    year: None,
                    month,
                    day,
                }),
                after,
            ),
        }
    }

    /// Skips `,` at `i` when it sits on the same line.
    fn skip_comma(&self, i: usize) -> usize {
        if self.sym(i) == Some(',') && self.inline(i) {
            i + 1
        } else {
            i
        }
    }

    /// A date at token `i`, with its markers, or a reference to skip.
    fn at(&self, i: usize) -> Option<Match> {
        if let Some(m) = self.deadline(i) {
            return Some(m);
        }
        if let Some(m) = self.range(i) {
            return Some(m);
        }
        let (core, end) = self.core(i)?;
        let first = self.modifier_before(i);
        Some(Match {
            first,
            end,
            value: core.and_then(|c| c.iso(self.issue)).and_then(date),
        })
    }

    /// The day an ordinal word names in `the Fourth of July`, the month at `i`.
    fn ordinal_of(&self, i: usize) -> Option<u8> {
        if i < 2 || !self.is_word(i - 1, "of") || !self.inline(i) || !self.inline(i - 1) {
            return None;
        }
        ordinal_day(self.word(i - 2)?)
    }

    /// `early`, `mid-`, `late` directly before a date belong to its span.
    fn modifier_before(&self, i: usize) -> usize {
        if self.ordinal_of(i).is_some() {
            return i - 2;
        }
        // `the end of May`, `the beginning of 2026`
        if i >= 2
            && self.is_word(i - 1, "of")
            && self
                .word(i - 2)
                .is_some_and(|w| is_any(w, &["end", "beginning", "middle", "start", "close"]))
        {
            return if i >= 3 && self.is_word(i - 3, "the") {
                i - 3
            } else {
                i - 2
            };
        }
        // `this spring`, `this Friday`, `the coming winter`
        if i >= 1
            && self
                .word(i - 1)
                .is_some_and(|w| is_any(w, &["this", "coming", "upcoming"]))
            && matches!(self.toks[i].lex, Lex::Season(_) | Lex::Weekday)
        {
            return i - 1;
        }
        // mid-2025, end-2024
        if i >= 2
            && self.sym(i - 1) == Some('-')
            && self.adjacent(i)
            && self.word(i - 2).is_some_and(|w| is_any(w, &["mid", "end"]))
        {
            return i - 2;
        }
        if i >= 1
            && self.inline(i)
            && self
                .word(i - 1)
                .is_some_and(|w| is_any(w, &["early", "mid", "late", "next", "last"]))
        {
            return i - 1;
        }
        i
    }

    /// Past `early`, `mid-`, `end-`, `late`, `next`, `last` at `j`, where a date may follow.
    fn skip_modifier(&self, j: usize) -> usize {
        if self.word(j).is_some_and(|w| is_any(w, &["mid", "end"]))
            && self.sym(j + 1) == Some('-')
            && self.adjacent(j + 1)
        {
            return j + 2;
        }
        if self
            .word(j)
            .is_some_and(|w| is_any(w, &["early", "mid", "late", "next", "last"]))
            && self.inline(j + 1)
        {
            return j + 1;
        }
        j
    }

    /// `by …`, `no later than …`, `by the end of …`, `within two years`.
    fn deadline(&self, i: usize) -> Option<Match> {
        let w = self.word(i)?;
        let mut j;
        if is(w, "within") {
            return self.within(i);
        } else if is_any(w, &["no", "not"])
            && self.is_word(i + 1, "later")
            && self.is_word(i + 2, "than")
        {
            j = i + 3;
        } else if is(w, "by")
            && self.is_word(i + 1, "no")
            && self.is_word(i + 2, "later")
            && self.is_word(i + 3, "than")
        {
            j = i + 4;
        } else if is_any(w, &["by", "before", "until"]) {
            j = i + 1;
            let by = is(w, "by");
            // by mid-century: the middle of the century of issue.
            if by
                && self
                    .word(j)
                    .is_some_and(|w| is_any(w, &["mid-century", "midcentury"]))
            {
                let issue = self.issue?;
                return Some(Match {
                    first: i,
                    end: j + 1,
                    value: date(format!("{:04}", issue.year - issue.year % 100 + 50)),
                });
            }
            // by year's end, by the year-end: the year of issue.
            if by && let Some(end) = self.year_end(j) {
                let issue = self.issue?;
                return Some(Match {
                    first: i,
                    end,
                    value: date(format!("{:04}", issue.year)),
                });
            }
            // by [the] end of / by the end-
            let mut k = j;
            if self.is_word(k, "the") {
                k += 1;
            }
            if self
                .word(k)
                .is_some_and(|x| is_any(x, &["end", "middle", "beginning", "start", "close"]))
                && self.is_word(k + 1, "of")
            {
                j = k + 2;
                if let Some(m) = self.relative_year(i, k, j) {
                    return Some(m);
                }
            } else if !by && !self.season_at(j) {
                return None;
            }
        } else {
            return None;
        }
        // `before the summer`, `by the end of the summer`
        if self.is_word(j, "the") && self.season_at(j) {
            j += 1;
        }
        // The date after the marker.
        let start = self.skip_modifier(j);
        let (range_or_core, end) = match self.range(start) {
            Some(m) => (m.value, m.end),
            None => {
                let (core, end) = self.core(start)?;
                let core = core?;
                if matches!(core, Core::DayOnly(_)) {
                    return None;
                }
                (core.iso(self.issue).and_then(date), end)
            }
        };
        Some(Match {
            first: i,
            end,
            value: range_or_core,
        })
    }

    /// `the year`, `this year`, `next year` after `by the end of` (the word `end` at
    /// `anchor`, `j` after `of`); `the decade` after `the end of` (its last year), `the
    /// century` after `the middle of` (its fiftieth) or `the end of` (its last year).
    fn relative_year(&self, first: usize, anchor: usize, j: usize) -> Option<Match> {
        let issue = self.issue?;
        let this = self.word(j).is_some_and(|w| is_any(w, &["the", "this"]));
        let end_of = self
            .word(anchor)
            .is_some_and(|w| is_any(w, &["end", "close"]));
        let year = if this && self.is_word(j + 1, "year") {
            issue.year
        } else if self.is_word(j, "next") && self.is_word(j + 1, "year") {
            issue.year + 1
        } else if this && end_of && self.is_word(j + 1, "decade") {
            issue.year - issue.year % 10 + 9
        } else if this && self.is_word(anchor, "middle") && self.is_word(j + 1, "century") {
            issue.year - issue.year % 100 + 50
        } else if this && end_of && self.is_word(j + 1, "century") {
            issue.year - issue.year % 100 + 99
        } else {
            return None;
        };
        Some(Match {
            first,
            end: j + 2,
            value: date(format!("{year:04}")),
        })
    }

    /// `year's end`, `year end`, `year-end` (past an optional `the`) at `j`: the token after it.
    /// Said without a year, the year meant is the one the statement is issued in.
    fn year_end(&self, j: usize) -> Option<usize> {
        let j = if self.is_word(j, "the") { j + 1 } else { j };
        let w = self.word(j)?;
        if is(w, "year-end") {
            return Some(j + 1);
        }
        let year = is(w, "year") || is(w, "year’s") || is(w, "year's");
        (year && self.is_word(j + 1, "end") && self.inline(j + 1)).then_some(j + 2)
    }

    /// A season at `j`, past `the` and `early`/`mid`/`late`.
    fn season_at(&self, j: usize) -> bool {
        let j = if self.is_word(j, "the") { j + 1 } else { j };
        let j = self.skip_modifier(j);
        self.tok(j).is_some_and(|t| matches!(t.lex, Lex::Season(_)))
    }

    /// `within two years`, `within 12 months`, `within a year`, `within the next six months`.
    fn within(&self, i: usize) -> Option<Match> {
        let mut j = i + 1;
        if self.is_word(j, "the") && self.is_word(j + 1, "next") {
            j += 2;
        }
        let (amount, k) = if self.word(j).is_some_and(|w| is_any(w, &["a", "one"])) {
            (1.0, j + 1)
        } else if let Some(n) = self.digits(j).and_then(|s| s.parse::<f64>().ok()) {
            (n, j + 1)
        } else {
            parse_words(self.text, self.toks, j)?
        };
        let Lex::TimeUnit(unit) = self.tok(k)?.lex else {
            return None;
        };
        if unit == TimeUnit::Other || amount <= 0.0 || amount > 100.0 || amount.fract() != 0.0 {
            return None;
        }
        let n = amount as u32;
        let value = match self.issue.and_then(|d| d.add(n, unit)) {
            Some(d) => date(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
            None => Some(DateValue {
                date: None,
                duration: Some(format!(
                    "P{n}{}",
                    match unit {
                        TimeUnit::Year => 'Y',
                        TimeUnit::Month => 'M',
                        TimeUnit::Week => 'W',
                        _ => 'D',
                    }
                )),
            }),
        };
        Some(Match {
            first: i,
            end: k + 1,
            value,
        })
    }

    /// `between A and B`, `from A to B`, `A to B`, `A–B` (years, months or days).
    fn range(&self, i: usize) -> Option<Match> {
        let (a_start, joiners): (usize, &[&str]) = match self.word(i) {
            Some(w) if is(w, "between") => (i + 1, &["and"]),
            Some(w) if is(w, "from") => (i + 1, &["to", "until", "till", "through"]),
            _ => (i, &["to", "until", "till", "through"]),
        };
        // from mid-April to late June: the modifiers belong to the range's span.
        let (a, a_end) = self.core(self.skip_modifier(a_start))?;
        let a = a?;
        let j = a_end;
        let dash = matches!(self.sym(j), Some('-' | '–' | '—'));
        // "17 and 18 April 2024": two days of one meeting.
        let day_pair = matches!(a, Core::DayOnly(_)) && self.is_word(j, "and");
        let joined = dash || day_pair || self.word(j).is_some_and(|w| is_any(w, joiners));
        if !joined || !self.inline(j) || !self.inline(j + 1) {
            return None;
        }
        if dash && matches!(a, Core::Year(_)) {
            return None; // 2005-2008 is read by core() as one token run
        }
        // January 25-27[, 2023]: a second day of the same month.
        if let Core::Day {
            year: None,
            month,
            day,
        } = a
            && let Some(d2) = self.small(j + 1)
            && d2 > u32::from(day)
            && valid_day(month, d2)
            && !self.adjacent_continues(j + 1)
        {
            let after = self.after_ordinal(j + 2);
            if self.month(after).is_none() {
                let (b, end) = self.day_and_year(month, d2 as u8, after);
                let b = b?;
                let a = b.year().map_or(a, |y| a.with_year(y));
                let (Some(x), Some(y)) = (a.iso(self.issue), b.iso(self.issue)) else {
                    return None;
                };
                return Some(Match {
                    first: i,
                    end,
                    value: date(format!("{x}/{y}")),
                });
            }
        }
        let (b, end) = self.core(self.skip_modifier(j + 1))?;
        let b = b?;
        let (a, b) = match (a, b) {
            (Core::DayOnly(d), Core::Day { year, month, .. }) => (
                Core::Day {
                    year,
                    month,
                    day: d,
                },
                b,
            ),
            (Core::Month { year: None, month }, Core::Month { year: Some(y), .. })
            | (Core::Month { year: None, month }, Core::Day { year: Some(y), .. }) => (
                Core::Month {
                    year: Some(y),
                    month,
                },
                b,
            ),
            (Core::Day { year: None, .. }, _) => match b.year() {
                Some(y) => (a.with_year(y), b),
                None => (a, b),
            },
            (Core::DayOnly(_), _) | (_, Core::DayOnly(_)) => return None,
            // `financial year 2023 to 2024`, `the 2024 to 2025 financial year`: one
            // financial year, written the GOV.UK way.
            (Core::FinancialYear(y), Core::Year(e)) | (Core::Year(y), Core::Year(e))
                if e == y + 1
                    && (matches!(a, Core::FinancialYear(_)) || self.names_financial_year(end)) =>
            {
                let fy = Core::FinancialYear(y).iso(self.issue);
                return Some(Match {
                    first: i,
                    end,
                    value: fy.and_then(date),
                });
            }
            _ => (a, b),
        };
        let (Some(x), Some(y)) = (a.iso(self.issue), b.iso(self.issue)) else {
            return None;
        };
        Some(Match {
            first: i,
            end,
            value: date(span_of(&x, &y)),
        })
    }

    /// Whether the words before the month at `i` say it is one: `in`, `since`, `by`, `late`,
    /// `the end of`, `April and May`… (`mid-May` is one word and says it too).
    fn month_cue(&self, i: usize) -> bool {
        if self.word(i).is_some_and(|w| w.contains('-')) {
            return true;
        }
        if i == 0 || self.toks[i].gap == Gap::Paragraph {
            return false;
        }
        let Some(p) = self.word(i - 1) else {
            return false;
        };
        // `since May took office`, `by May, who said`: the name, acting.
        if self.inline(i + 1)
            && self.word(i + 1).is_some_and(|n| {
                is_any(n, NAME_VERBS) || n.len() > 4 && n.ends_with("ed") && !is(n, "need")
            })
        {
            return false;
        }
        if is(p, "of") {
            return i >= 2
                && self.word(i - 2).is_some_and(|w| {
                    is_any(
                        w,
                        &[
                            "end",
                            "beginning",
                            "middle",
                            "start",
                            "close",
                            "month",
                            "as",
                        ],
                    )
                });
        }
        if is_any(p, &["and", "or", "to"]) {
            return i >= 2 && matches!(self.toks[i - 2].lex, Lex::Month(_));
        }
        is_any(
            p,
            &[
                "early",
                "late",
                "mid",
                "next",
                "last",
                "this",
                "in",
                "since",
                "by",
                "until",
                "till",
                "before",
                "after",
                "from",
                "through",
                "throughout",
                "during",
                "between",
            ],
        )
    }

    /// `last year` (-1), `this year` (0), `next year` (1) at `j`, or after `of` there
    /// (`August of last year`), on the same line; with the token after `year`.
    fn relative_year_after(&self, j: usize) -> Option<(i32, usize)> {
        let j = if self.is_word(j, "of") && self.inline(j) {
            j + 1
        } else {
            j
        };
        if !self.inline(j) || !self.is_word(j + 1, "year") {
            return None;
        }
        let w = self.word(j)?;
        let offset = if is(w, "last") {
            -1
        } else if is(w, "this") {
            0
        } else if is(w, "next") {
            1
        } else {
            return None;
        };
        Some((offset, j + 2))
    }

    /// `’22` after a month (`December ’22`, spoken style): the two-digit year at `j`, with
    /// the token after it.
    fn apostrophe_year(&self, j: usize) -> Option<(i32, usize)> {
        if !matches!(self.sym(j), Some('\'' | '’' | '‘'))
            || !self.inline(j)
            || !self.adjacent(j + 1)
        {
            return None;
        }
        let yy = self.digits(j + 1).filter(|d| d.len() == 2)?;
        if self.adjacent_continues(j + 1) {
            return None;
        }
        let yy: i32 = yy.parse().ok()?;
        Some((if yy < 50 { 2000 + yy } else { 1900 + yy }, j + 2))
    }

    /// `2023-24`, `2023/24`, `2023–2024` at `j` after a winter of `y`: the one winter that
    /// spans both years; the token after it.
    fn winter_pair_end(&self, j: usize, y: i32) -> Option<usize> {
        if !matches!(self.sym(j), Some('-' | '–' | '/'))
            || !self.adjacent(j)
            || !self.adjacent(j + 1)
        {
            return None;
        }
        let b = self.digits(j + 1)?;
        let next = y + 1;
        let same = match b.len() {
            2 => b.parse::<i32>().ok()? == next % 100,
            4 => b.parse::<i32>().ok()? == next,
            _ => false,
        };
        same.then_some(j + 2)
    }

    /// `on Friday`, `next Monday`, `last Tuesday`, `Monday’s meeting`: the day of that name
    /// nearest the date of issue in the tense of its clause, or the next one after (`next`)
    /// or before (`last`). Not a date without a date of issue, after a word that makes it
    /// any such day (`every Friday`, `a Monday`), or inside a name (`Good Friday Agreement`,
    /// `Black Friday`, `Friday Prayers` when no word before it says date).
    fn bare_weekday(&self, i: usize) -> Option<(Option<Core>, usize)> {
        let issue = self.issue?;
        let w = self.word(i)?;
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        let first = i == 0 || self.toks[i].gap == Gap::Paragraph;
        let prev = if first { None } else { self.word(i - 1) };
        let cue = prev.is_some_and(|p| {
            is_any(p, WEEKDAY_CUES)
                || is_any(p, &["and", "or", "to"]) && i >= 2 && self.toks[i - 2].lex == Lex::Weekday
        });
        if !cue {
            let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
            // After a capitalized word that is not the sentence's first, or a determiner.
            let named = prev.is_some_and(|p| {
                is_any(p, &["every", "each", "a", "any", "one", "per", "some"])
                    || capital(p) && !self.sentence_starts(i - 1)
            });
            let name_follows = self.inline(i + 1) && self.word(i + 1).is_some_and(capital);
            if named || name_follows {
                return None;
            }
        }
        let prev = prev.unwrap_or("");
        let target = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .position(|d| w.len() >= 3 && w[..3].eq_ignore_ascii_case(d))?
            as i64;
        let ahead = (target - issue.weekday()).rem_euclid(7);
        let offset = if is_any(prev, &["next", "coming", "upcoming"]) {
            if ahead == 0 { 7 } else { ahead }
        } else if is_any(prev, &["last", "past"]) {
            if ahead == 0 { -7 } else { ahead - 7 }
        } else {
            // `Friday will see the vote`, `Thursday’s summit will go ahead`: the day is the
            // subject, and its own verb gives the tense.
            let subject =
                !cue && (w.ends_with("’s") || w.ends_with("'s") || self.sentence_starts(i));
            let tense = subject
                .then(|| self.future_after(i))
                .flatten()
                .or_else(|| self.tense_before(i));
            match tense {
                Some(Tense::Future) => ahead,
                Some(Tense::Past) if ahead == 0 => 0,
                Some(Tense::Past) => ahead - 7,
                None if ahead <= 3 => ahead,
                None => ahead - 7,
            }
        };
        let d = Ymd::from_days(issue.days() + offset);
        Some((
            Some(Core::Day {
                year: Some(d.year),
                month: d.month as u8,
                day: d.day as u8,
            }),
            i + 1,
        ))
    }

    /// `Future` when `will`/`shall` follows token `i` closely in its sentence.
    fn future_after(&self, i: usize) -> Option<Tense> {
        for j in i + 1..(i + 5).min(self.toks.len()) {
            if self.toks[j].gap == Gap::Paragraph
                || matches!(self.sym(j), Some('.' | ';' | '?' | '!'))
            {
                return None;
            }
            if self.word(j).is_some_and(|w| is_any(w, &["will", "shall"])) {
                return Some(Tense::Future);
            }
        }
        None
    }

    /// The tense of the clause before token `i`, from the nearest verb that shows it: a
    /// weekday after `will meet` is the coming one, after `met` the one gone by (`will
    /// announce on Monday` in a text of a Tuesday is six days on, not the day before).
    fn tense_before(&self, i: usize) -> Option<Tense> {
        for j in (i.saturating_sub(12)..i).rev() {
            if self.toks[j + 1].gap == Gap::Paragraph
                || matches!(self.sym(j), Some('.' | ';' | '?' | '!'))
            {
                return None;
            }
            let Some(w) = self.word(j) else { continue };
            if is_any(w, FUTURE_MARKS)
                || is(w, "going") && self.is_word(j + 1, "to")
                || w.ends_with("'ll")
                || w.ends_with("’ll")
            {
                return Some(Tense::Future);
            }
            if is_any(w, PAST_MARKS)
                || w.len() > 4
                    && w.ends_with("ed")
                    && !is_any(
                        w,
                        &["expected", "scheduled", "planned", "intended", "needed"],
                    )
            {
                return Some(Tense::Past);
            }
        }
        None
    }

    /// A season with no year: after a deadline marker or `this` (`by early fall`, `before
    /// the summer`, `this spring`), that season of the year of issue, or the next year's
    /// when it is already over; after `next` or `coming`, the first one that starts after
    /// the issue.
    /// `the summer` or `last summer` alone are no dates, nor is anything without a date of
    /// issue.
    fn bare_season(&self, i: usize, season: u8) -> Option<(Option<Core>, usize)> {
        let issue = self.issue?;
        if self.names_a_thing(i) {
            return None;
        }
        // `the fall of …`, `this fall in prices`: the noun, not the season.
        if self.is_word(i + 1, "of")
            || self.is_word(i, "fall")
                && self.is_word(i + 1, "in")
                && self
                    .word(i + 2)
                    .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
        {
            return None;
        }
        let mut k = i;
        if k >= 1
            && self
                .word(k - 1)
                .is_some_and(|w| is_any(w, &["early", "late", "mid"]))
        {
            k -= 1;
        }
        if k >= 1 && self.is_word(k - 1, "the") {
            k -= 1;
        }
        if k == 0 || self.toks[k].gap == Gap::Paragraph {
            return None;
        }
        let cue = self.word(k - 1)?;
        let (y, m) = (issue.year, issue.month);
        let year = if is_any(cue, &["next", "coming", "upcoming"]) {
            let starts = [3, 6, 9, 12][usize::from(season - 1)];
            if m < starts { y } else { y + 1 }
        } else if is_any(cue, &["this", "by", "before", "until", "till"]) {
            match season {
                4 if m <= 2 => y - 1,
                4 => y,
                _ if m > [5, 8, 11][usize::from(season - 1)] => y + 1,
                _ => y,
            }
        } else {
            return None;
        };
        Some((Some(Core::Season { year, season }), i + 1))
    }

    /// Whether token `i` begins a sentence: the first of its paragraph, or after `.`, `?`,
    /// `!`, `:` or a list marker.
    fn sentence_starts(&self, i: usize) -> bool {
        i == 0
            || self.toks[i].gap == Gap::Paragraph
            || matches!(
                self.sym(i - 1),
                Some('.' | '?' | '!' | ':' | '-' | '*' | '•')
            )
    }

    /// A season that qualifies the noun after it (`the summer recess`, `the autumn
    /// statement`) or begins a name (`the Spring Conference`) names that thing, not a time.
    fn names_a_thing(&self, i: usize) -> bool {
        if !self.inline(i + 1) {
            return false;
        }
        let Some(next) = self.word(i + 1) else {
            return false;
        };
        let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
        is_any(next, SEASON_NOUNS) || self.word(i).is_some_and(capital) && capital(next)
    }

    /// One date at `i`: `Some(None)` for a reference that looks like a date but is not one.
    fn core(&self, i: usize) -> Option<(Option<Core>, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num => self.core_numeric(i),
            Kind::Word => self.core_word(i),
            Kind::Sym => None,
        }
    }

    fn core_word(&self, i: usize) -> Option<(Option<Core>, usize)> {
        let t = self.tok(i)?;
        let w = t.text(self.text);
        match t.lex {
            Lex::Weekday => {
                let j = self.skip_comma(i + 1);
                if self.inline(j)
                    && let Some((core @ Some(Core::Day { .. }), end)) = self.core(j)
                {
                    return Some((core, end));
                }
                self.bare_weekday(i)
            }
            Lex::Month(month) => {
                let mut j = i + 1;
                if (w.len() == 3 || is(w, "sept")) && self.sym(j) == Some('.') && self.adjacent(j) {
                    j += 1;
                }
                // Month Day[, Year]
                if let Some(day) = self.small(j).filter(|_| self.inline(j))
                    && valid_day(month, day)
                    && !self.adjacent_continues(j)
                {
                    let k = self.after_ordinal(j + 1);
                    return Some(self.day_and_year(month, day as u8, k));
                }
                // Month [of|,] Year
                let mut k = j;
                if (self.is_word(k, "of") || self.sym(k) == Some(',')) && self.inline(k) {
                    k += 1;
                }
                if let Some(y) = self
                    .year4(k)
                    .filter(|_| self.inline(k) && !self.adjacent_continues(k))
                {
                    return Some((
                        Some(Core::Month {
                            year: Some(y),
                            month,
                        }),
                        k + 1,
                    ));
                }
                // the Fourth of July, the first of May (its span starts at the ordinal)
                if let Some(day) = self.ordinal_of(i)
                    && valid_day(month, u32::from(day))
                {
                    return Some(self.day_and_year(month, day, j));
                }
                // December ’22
                if let Some((y, end)) = self.apostrophe_year(j) {
                    return Some((
                        Some(Core::Month {
                            year: Some(y),
                            month,
                        }),
                        end,
                    ));
                }
                // A month on its own: written in full and capitalized (`mid-July` is one
                // word and counts as written in full); `May` only where the words before it
                // say month (`in May`, `late May`, `the end of May`), never as a name or verb.
                let capital = w.chars().next().is_some_and(char::is_uppercase) || w.contains('-');
                if capital
                    && (w.len() > 3 || month == 5 && self.month_cue(i))
                    && !w.bytes().all(|b| b.is_ascii_uppercase())
                {
                    // "June last year", "March next year": the year counted from the issue.
                    if let Some((offset, end)) = self.relative_year_after(i + 1)
                        && let Some(d) = self.issue
                    {
                        return Some((
                            Some(Core::Month {
                                year: Some(d.year + offset),
                                month,
                            }),
                            end,
                        ));
                    }
                    // "next April", "last March": the nearest such month after or before the
                    // date of issue.
                    let year = self.issue.and_then(|d| {
                        let m = month as u32;
                        if i > 0 && self.is_word(i - 1, "next") {
                            Some(d.year + i32::from(m <= d.month))
                        } else if i > 0 && self.is_word(i - 1, "last") {
                            Some(d.year - i32::from(m >= d.month))
                        } else {
                            None
                        }
                    });
                    return Some((Some(Core::Month { year, month }), i + 1));
                }
                None
            }
            Lex::Season(season) => {
                let mut j = i + 1;
                if self.is_word(j, "of") {
                    j += 1;
                }
                match self.year4(j).filter(|_| self.inline(j)) {
                    // winter 2023-24: the winter that begins in 2023.
                    Some(y)
                        if season == 4
                            && let Some(end) = self.winter_pair_end(j + 1, y) =>
                    {
                        Some((Some(Core::Season { year: y, season }), end))
                    }
                    Some(y) => Some((Some(Core::Season { year: y, season }), j + 1)),
                    None if j == i + 1 => self.bare_season(i, season),
                    None => None,
                }
            }
            _ => {
                // Q4 2021, Q4/2021
                if is(w, "q")
                    && let Some(q) = self
                        .small(i + 1)
                        .filter(|q| (1..=4).contains(q) && self.adjacent(i + 1))
                {
                    let mut j = i + 2;
                    if matches!(self.sym(j), Some('/' | '-')) || self.is_word(j, "of") {
                        j += 1;
                    }
                    let y = self.year4(j).filter(|_| self.inline(j))?;
                    return Some((
                        Some(Core::Quarter {
                            year: y,
                            quarter: q as u8,
                        }),
                        j + 1,
                    ));
                }
                // the first half of 2024
                if let Some(half @ (1 | 2)) = quarter_ordinal(w)
                    && self.is_word(i + 1, "half")
                    && self.is_word(i + 2, "of")
                {
                    let y = self.year4(i + 3).filter(|_| self.inline(i + 3))?;
                    return Some((Some(Core::Half { year: y, half }), i + 4));
                }
                // H1 2024
                if is(w, "h")
                    && let Some(half) = self
                        .small(i + 1)
                        .filter(|h| (1..=2).contains(h) && self.adjacent(i + 1))
                {
                    let y = self.year4(i + 2).filter(|_| self.inline(i + 2))?;
                    return Some((
                        Some(Core::Half {
                            year: y,
                            half: half as u8,
                        }),
                        i + 3,
                    ));
                }
                // the fourth quarter of 2021
                if let Some(q) = quarter_ordinal(w)
                    && self.is_word(i + 1, "quarter")
                {
                    let mut j = i + 2;
                    if self.is_word(j, "of") {
                        j += 1;
                    }
                    let y = self.year4(j).filter(|_| self.inline(j))?;
                    return Some((
                        Some(Core::Quarter {
                            year: y,
                            quarter: q,
                        }),
                        j + 1,
                    ));
                }
                // FY2016-17, FY 2016/17, financial year 2016-17
                let fy_words = if is(w, "fy") {
                    Some(i + 1)
                } else if is_any(w, &["financial", "fiscal", "budget"])
                    && self.is_word(i + 1, "year")
                {
                    Some(i + 2)
                } else {
                    None
                };
                // FY24: two digits glued to the letters.
                if is(w, "fy")
                    && self.adjacent(i + 1)
                    && let Some(yy) = self.digits(i + 1).filter(|d| d.len() == 2)
                    && !self.adjacent_continues(i + 1)
                {
                    let y = 2000 + yy.parse::<i32>().ok()?;
                    let fy = if self.british() {
                        Core::FinancialYear(y)
                    } else {
                        Core::FiscalYear(y)
                    };
                    return Some((Some(fy), i + 2));
                }
                if is_any(w, &["financial", "fiscal", "budget"]) && self.is_word(i + 1, "years") {
                    return self.fiscal_years(i + 2).map(|(c, end)| (Some(c), end));
                }
                if let Some(j) = fy_words
                    && self.inline(j)
                    && self.year4(j).is_some()
                {
                    // Read here, not by core_numeric: `FY2024` is glued to its letters.
                    let sep = self.sym(j + 1).filter(|_| self.adjacent(j + 1));
                    let b = self.digits(j + 2).filter(|_| self.adjacent(j + 2));
                    let (core, end) = match (sep, b) {
                        (Some(sep @ ('-' | '/' | '–')), Some(b)) => self.year_pair(j, sep, b)?,
                        _ => (self.year4(j).map(Core::Year), j + 1),
                    };
                    let core = core?;
                    let fy = match core {
                        Core::FinancialYear(y) => Core::FinancialYear(y),
                        Core::YearRange(y, e) if e == y + 1 => Core::FinancialYear(y),
                        Core::Year(y) if self.british() => Core::FinancialYear(y),
                        Core::Year(y) => Core::FiscalYear(y),
                        _ => return None,
                    };
                    return Some((Some(fy), end));
                }
                None
            }
        }
    }

    /// The two years after `fiscal years` at `j` (`2023 and 2024`, `2023 to 2025`): one
    /// interval, US fiscal years unless the text reckons in sterling.
    fn fiscal_years(&self, j: usize) -> Option<(Core, usize)> {
        let first = self.year4(j).filter(|_| self.inline(j))?;
        let link = self
            .word(j + 1)
            .is_some_and(|w| is_any(w, &["and", "to", "through", "until"]))
            || matches!(self.sym(j + 1), Some('-' | '–'));
        let last = self.year4(j + 2).filter(|_| link)?;
        if last <= first || last - first > 10 {
            return None;
        }
        let british = self.british();
        Some((
            Core::FiscalYears {
                first,
                last,
                british,
            },
            j + 3,
        ))
    }

    /// True when token `i` is glued to what follows in a way dates never are (`2016th`,
    /// `2019/452`, `10:30`).
    fn adjacent_continues(&self, i: usize) -> bool {
        let Some(next) = self.tok(i + 1) else {
            return false;
        };
        if next.gap != Gap::None {
            return false;
        }
        match next.kind {
            Kind::Word => !matches!(next.text(self.text), "st" | "nd" | "rd" | "th"),
            Kind::Num => true,
            Kind::Sym => {
                matches!(self.sym(i + 1), Some(':' | '%' | '/' | '€' | '£' | '$'))
                    && self
                        .tok(i + 2)
                        .is_some_and(|t| t.gap == Gap::None && t.kind == Kind::Num)
                    || self.sym(i + 1) == Some('%')
            }
        }
    }

    fn core_numeric(&self, i: usize) -> Option<(Option<Core>, usize)> {
        let t = self.tok(i)?;
        let s = t.text(self.text);
        // Glued to a letter or code before it: G7, COP26, v2, A/2015 (but mid-2025 is a date).
        let mid = i >= 2
            && self.sym(i - 1) == Some('-')
            && self.word(i - 2).is_some_and(|w| is_any(w, &["mid", "end"]));
        // COM(2023) 160: a year in a document code.
        if i >= 2
            && self.sym(i - 1) == Some('(')
            && t.gap == Gap::None
            && self.toks[i - 1].gap == Gap::None
            && self
                .word(i - 2)
                .is_some_and(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return Some((None, i + 1));
        }
        // 9-10 March: the second day of a range with a hyphen.
        let second_day = i >= 2
            && s.len() <= 2
            && self.sym(i - 1) == Some('-')
            && self.digits(i - 2).is_some_and(|d| d.len() <= 2);
        if t.gap == Gap::None
            && !mid
            && !second_day
            && i > 0
            && (self.toks[i - 1].kind == Kind::Word
                || matches!(
                    self.sym(i - 1),
                    Some('+' | '#' | '/' | '.' | '€' | '£' | '$' | ':' | '-' | '_')
                ))
        {
            return None;
        }
        // 30.04.2019 arrives as one token.
        if s.matches('.').count() == 2 {
            let mut p = s.split('.');
            let (d, m, y) = (p.next()?, p.next()?, p.next()?);
            return numeric_dmy(d, m, y).map(|c| (Some(c), i + 1));
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let sep = self.sym(i + 1).filter(|_| self.adjacent(i + 1));
        let next_digits = self.digits(i + 2).filter(|_| self.adjacent(i + 2));
        if let (Some(sep @ ('/' | '-' | '.')), Some(b)) = (sep, next_digits) {
            // d/m/y, y-m-d, m/y, y-y, y/yy
            let sep2 = self.sym(i + 3).filter(|_| self.adjacent(i + 3));
            let third = self.digits(i + 4).filter(|_| self.adjacent(i + 4));
            if let (Some(s2), Some(c)) = (sep2, third)
                && s2 == sep
            {
                let core = if s.len() == 4 {
                    numeric_dmy(c, b, s)
                } else {
                    numeric_dmy(s, b, c)
                };
                // A three-part number that is no date (a reference) is skipped whole.
                return Some((core, i + 5));
            }
            if s.len() == 4 && sep != '.' {
                return match self.year_pair(i, sep, b) {
                    Some(pair) => Some(pair),
                    None if sep == '/' => Some((None, i + 3)),
                    None => None,
                };
            }
            if sep == '/' && b.len() == 4 && s.len() <= 2 {
                let m: u8 = s.parse().ok()?;
                let y: i32 = b.parse().ok()?;
                return (1..=12).contains(&m).then_some((
                    Some(Core::Month {
                        year: Some(y),
                        month: m,
                    }),
                    i + 3,
                ));
            }
            // 9-10 March: a day range, read below.
            if !(sep == '-' && s.len() <= 2 && b.len() <= 2) {
                return None;
            }
        }
        // 2005–2008 with an en dash and spaces, or directly; 2014–20 directly.
        if s.len() == 4
            && matches!(self.sym(i + 1), Some('–' | '—'))
            && self.inline(i + 1)
            && let Some(b) = self.digits(i + 2).filter(|_| self.inline(i + 2))
            && (b.len() == 4 || self.adjacent(i + 1) && self.adjacent(i + 2))
            && !self.adjacent_continues(i + 2)
            && let Some(pair @ (Some(_), _)) = self.year_pair(i, '–', b)
        {
            return Some(pair);
        }
        // Day Month [Year]
        if s.len() <= 2 {
            let day: u32 = s.parse().ok()?;
            let k = self.after_ordinal(i + 1);
            let mut m = k;
            if self.is_word(m, "of") {
                m += 1;
            }
            if let Some(month) = self.month(m).filter(|_| self.inline(m)) {
                if !valid_day(month, day) {
                    return None;
                }
                let mut j = m + 1;
                let mw = self.word(m).unwrap_or("");
                if mw.len() == 3 && self.sym(j) == Some('.') && self.adjacent(j) {
                    j += 1;
                }
                return Some(self.day_and_year(month, day as u8, j));
            }
            // The first day of a range: 20-22 August, from 1 to 3 March.
            if (1..=31).contains(&day)
                && (matches!(self.sym(i + 1), Some('-' | '–'))
                    || self
                        .word(i + 1)
                        .is_some_and(|w| is_any(w, &["to", "and", "until"])))
                && self.inline(i + 1)
                && let Some((Some(Core::Day { .. }), _)) = self.core_numeric(i + 2)
            {
                return Some((Some(Core::DayOnly(day as u8)), i + 1));
            }
            return None;
        }
        // A decade: the 1990s; a century: the 1800s.
        if let Some(y) = self.year4(i)
            && y % 10 == 0
            && self.adjacent(i + 1)
            && self.word(i + 1).is_some_and(|w| w == "s")
        {
            // The 1800s and 1900s are centuries; the 2000s is the decade that ends in 2009.
            let core = if y % 100 == 0 && y < 2000 {
                Core::YearRange(y, y + 99)
            } else {
                Core::Decade(y)
            };
            return Some((Some(core), i + 2));
        }
        // A year on its own; in a name (`Horizon 2020`) it is skipped whole, no count either.
        let y = self.year4(i)?;
        if (1900..=2099).contains(&y) && self.names_an_edition(i) && !self.adjacent_continues(i) {
            return Some((None, i + 1));
        }
        self.is_year(i, y).then_some((Some(Core::Year(y)), i + 1))
    }

    /// Prepositions and nouns that make a four-digit number a year.
    fn is_year_context(&self, i: usize) -> bool {
        i > 0
            && self.word(i - 1).is_some_and(|w| {
                is_any(
                    w,
                    &[
                        "in",
                        "of",
                        "since",
                        "from",
                        "until",
                        "till",
                        "by",
                        "to",
                        "throughout",
                        "during",
                        "before",
                        "after",
                        "between",
                        "and",
                        "early",
                        "late",
                        "mid",
                        "year",
                        "end",
                        "spring",
                        "summer",
                        "autumn",
                        "winter",
                        "beyond",
                        "through",
                    ],
                )
            })
    }

    /// After `over`, four digits are a year when no counted noun follows them: `over 2025
    /// and 2026`, `over 2023.` (but `over 2000 officers` is a count).
    fn ends_a_year(&self, i: usize) -> bool {
        let Some(next) = self.tok(i + 1) else {
            return true;
        };
        if next.gap == Gap::Paragraph {
            return true;
        }
        match next.kind {
            Kind::Sym => matches!(
                self.sym(i + 1),
                Some('.' | ',' | ';' | ':' | ')' | '?' | '!' | '–' | '—')
            ),
            Kind::Word => self.word(i + 1).is_some_and(|w| {
                is_any(
                    w,
                    &[
                        "and", "or", "to", "through", "until", "till", "as", "when", "while",
                    ],
                )
            }),
            Kind::Num => false,
        }
    }

    /// `the NATO 2030 agenda`, `the Games Tokyo 2020`, `Horizon 2020`: four digits right after
    /// a capitalised word the lexicon does not know name an edition or a programme, not a
    /// year the text dates anything by.
    fn names_an_edition(&self, i: usize) -> bool {
        // Mid-sentence only: a sentence's first word is capitalised whatever it is
        // (`During 2023`, `The 2021 report`).
        i > 1
            && self.inline(i)
            && self.inline(i - 1)
            && self.word(i - 2).is_some()
            && !self.is_year_context(i)
            && self.toks[i - 1].lex == Lex::None
            && self
                .word(i - 1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    }

    /// `no later than 2050`, `not earlier than 2030`, `until at least 2030`: `than` after a
    /// word of time, or `at least` after a preposition of time, makes the four digits a year,
    /// where `more than 2050` and `at least 2050 staff` stay counts.
    fn after_later_than(&self, i: usize) -> bool {
        let later_than = i >= 2
            && self.is_word(i - 1, "than")
            && self
                .word(i - 2)
                .is_some_and(|w| is_any(w, &["later", "earlier", "sooner"]));
        let until_at_least = i >= 3
            && self.is_word(i - 1, "least")
            && self.is_word(i - 2, "at")
            && self
                .word(i - 3)
                .is_some_and(|w| is_any(w, &["until", "till", "through", "to", "beyond"]));
        later_than || until_at_least
    }

    /// Whether the four digits at `i` (valued `y`) are a year.
    fn is_year(&self, i: usize, y: i32) -> bool {
        if self.adjacent_continues(i) {
            return false;
        }
        let context = self.is_year_context(i);
        if !((1900..=2099).contains(&y) || context && (1500..1900).contains(&y)) {
            return false;
        }
        if i > 0 {
            let prev = self.toks[i - 1];
            if let Some(w) = self.word(i - 1)
                && (matches!(prev.lex, Lex::Currency(_) | Lex::Scale(_))
                    || is_any(w, REFERENCE_WORDS)
                    || self.names_an_edition(i)
                    || is_any(w, NUMBER_CONTEXT)
                        && !(is(w, "over") && self.ends_a_year(i))
                        && !self.after_later_than(i))
            {
                return false;
            }
            if matches!(
                self.sym(i - 1),
                Some('€' | '£' | '$' | '¥' | '+' | '#' | '№')
            ) {
                return false;
            }
        }
        if let Some(next) = self.tok(i + 1) {
            if matches!(
                next.lex,
                Lex::Currency(_) | Lex::Scale(_) | Lex::TimeUnit(_)
            ) && next.gap <= Gap::Space
            {
                return false;
            }
            if next.kind == Kind::Sym
                && matches!(self.sym(i + 1), Some('%' | '€' | '£' | '$'))
                && next.gap <= Gap::Space
            {
                return false;
            }
            if next.kind == Kind::Word
                && self
                    .word(i + 1)
                    .is_some_and(|w| is_any(w, &["per", "percent", "pc"]))
            {
                return false;
            }
        }
        true
    }
}

/// The day an ordinal word names (`first` … `thirty-first`), for `the Fourth of July`.
fn ordinal_day(w: &str) -> Option<u8> {
    const UNITS: [&str; 9] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];
    const TEENS: [&str; 10] = [
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    let find = |list: &[&str], w: &str| list.iter().position(|x| is(w, x));
    if let Some(u) = find(&UNITS, w) {
        return Some(u as u8 + 1);
    }
    if let Some(t) = find(&TEENS, w) {
        return Some(t as u8 + 10);
    }
    if is(w, "twentieth") {
        return Some(20);
    }
    if is(w, "thirtieth") {
        return Some(30);
    }
    if is(w, "thirty-first") {
        return Some(31);
    }
    let unit = w
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("twenty-"))
        .and_then(|_| find(&UNITS, &w[7..]))?;
    Some(unit as u8 + 21)
}

fn valid_month(s: &str) -> bool {
    s.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
}

fn valid_day(month: u8, day: u32) -> bool {
    day >= 1 && day <= days_in_month(2000, month as u32)
}

fn numeric_dmy(d: &str, m: &str, y: &str) -> Option<Core> {
    let day: u32 = d.parse().ok()?;
    let month: u8 = m.parse().ok()?;
    let year: i32 = match y.len() {
        4 => y.parse().ok()?,
        2 => {
            let yy: i32 = y.parse().ok()?;
            if yy < 50 { 2000 + yy } else { 1900 + yy }
        }
        _ => return None,
    };
    if d.len() > 2 || m.len() > 2 || !(1..=12).contains(&month) || !valid_day(month, day) {
        return None;
    }
    if month == 2 && day == 29 && days_in_month(year, 2) == 28 {
        return None;
    }
    Some(Core::Day {
        year: Some(year),
        month,
        day: day as u8,
    })
}
