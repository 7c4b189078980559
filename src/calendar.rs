//! The proleptic Gregorian calendar, in one place: day numbers (days since 1970-01-01)
//! and back, month lengths, checked days. Extraction, the converters, search, the
//! timeline and the workspace's timestamps all count days here.

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn day_number(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date of a day number (the inverse of [`day_number`]).
pub fn civil(n: i32) -> (i32, u32, u32) {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + (m <= 2) as i32;
    (y, m, d)
}

/// Whether `year` has a 29 February.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The days of a month of `year` (31 for a month out of 1–12: callers check it first).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// "YYYY-MM-DD" for a real calendar day (years 1000–9999), else `None`.
pub fn iso_day(year: u32, month: u32, day: u32) -> Option<String> {
    let real = (1000..=9999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=days_in_month(year as i32, month)).contains(&day);
    real.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// One calendar day, read and written as ISO 8601 `YYYY-MM-DD` (years 1000–9999): a date
/// a person types (`--as-of 2016-12-31`) or a file holds, checked once where it is read so
/// that everything after it compares day numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i32);

impl Day {
    /// The day `n` days after 1970-01-01 (before it, when negative).
    pub fn from_number(n: i32) -> Day {
        Day(n)
    }

    /// Days since 1970-01-01: what deadlines, periods and evidence dates are compared in.
    pub fn number(self) -> i32 {
        self.0
    }
}

/// Why a text is not a [`Day`]: what was written and what is wrong with it, in words a
/// person can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not a date: {why}")]
pub struct DayError {
    /// The text given.
    pub text: String,
    /// What is wrong with it.
    pub why: String,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl std::str::FromStr for Day {
    type Err = DayError;

    /// Exactly `YYYY-MM-DD`, a day that exists: `2016-02-29` is one, `2015-02-29`,
    /// `2016-2-9` and `31/12/2016` are not.
    fn from_str(text: &str) -> Result<Day, DayError> {
        let error = |why: String| DayError {
            text: text.to_string(),
            why,
        };
        let b = text.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return Err(error("write it as YYYY-MM-DD (e.g. 2016-12-31)".into()));
        }
        let number = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(0);
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        if !(1000..=9999).contains(&year) {
            return Err(error(format!("year {year} is out of range (1000–9999)")));
        }
        if !(1..=12).contains(&month) {
            return Err(error(format!("there is no month {month}")));
        }
        let last = days_in_month(year as i32, month);
        if !(1..=last).contains(&day) {
            let name = MONTH_NAMES[month as usize - 1];
            return Err(error(format!("{name} {year} has {last} days")));
        }
        Ok(Day(day_number(year as i32, month, day)))
    }
}

impl std::fmt::Display for Day {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = civil(self.0);
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Day {
    /// A `YYYY-MM-DD` string; anything else is refused with [`DayError`]'s words.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_go_both_ways_and_months_have_their_lengths() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(civil(day_number(2015, 8, 20)), (2015, 8, 20));
        assert_eq!(civil(-1), (1969, 12, 31));
        for (y, feb) in [(2024, 29), (2023, 28), (1900, 28), (2000, 29)] {
            assert_eq!(days_in_month(y, 2), feb, "{y}");
        }
        assert_eq!(iso_day(2024, 2, 29).as_deref(), Some("2024-02-29"));
        assert_eq!(iso_day(1900, 2, 29), None);
        assert_eq!(iso_day(2024, 4, 31), None);
        assert_eq!(iso_day(2024, 13, 1), None);
        assert_eq!(iso_day(24, 1, 1), None);
    }

    #[test]
    fn a_day_is_exactly_yyyy_mm_dd_and_a_day_that_exists() {
        let day: Day = "2016-02-29".parse().unwrap();
        assert_eq!(day.number(), day_number(2016, 2, 29));
        assert_eq!(day.to_string(), "2016-02-29");
        assert_eq!(Day::from_number(0).to_string(), "1970-01-01");
        let why = |s: &str| s.parse::<Day>().unwrap_err().to_string();
        assert_eq!(
            why("2015-02-29"),
            "\"2015-02-29\" is not a date: February 2015 has 28 days"
        );
        assert_eq!(
            why("2016-13-01"),
            "\"2016-13-01\" is not a date: there is no month 13"
        );
        assert!(why("2016-04-31").contains("April 2016 has 30 days"));
        assert!(why("0999-01-01").contains("year 999 is out of range"));
        for bad in [
            "2016-2-9",
            "31/12/2016",
            "2016-12",
            "2016-12-31T00:00",
            "",
            "２016-12-31",
        ] {
            assert!(
                why(bad).contains("write it as YYYY-MM-DD"),
                "{bad}: {}",
                why(bad)
            );
        }
        let json = serde_json::to_string(&day).unwrap();
        assert_eq!(json, "\"2016-02-29\"");
        assert_eq!(serde_json::from_str::<Day>(&json).unwrap(), day);
        let e = serde_json::from_str::<Day>("\"2015-02-29\"").unwrap_err();
        assert!(e.to_string().contains("February 2015 has 28 days"), "{e}");
    }
}
