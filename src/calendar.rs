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
}
