//! Dates in a unit as `find` uses them: which one is a deadline (`by 2030`, `within six
//! months`), and whether one sets the unit in a month before the issue's, so that its
//! past-tense cues report an old pledge.

use crate::extract::Date;
use crate::extract::dates::Ymd;
use crate::extract::lexicon::is_any;

/// Whether the date `d` falls in a month before the issue's (`2023-01-09/2023-01-10` in a
/// statement of March 2023): an event already past when the text was issued.
pub(super) fn before_month(d: &Date, issue: Ymd) -> bool {
    let Some(v) = d.value.date.as_deref() else {
        return false;
    };
    let last = v.rsplit('/').next().unwrap_or(v);
    let mut parts = last.split('-');
    let year = parts.next().and_then(|y| y.parse::<i32>().ok());
    let month = parts.next().and_then(|m| m.parse::<u32>().ok());
    match (year, month) {
        (Some(y), Some(m)) => (y, m) < (issue.year, issue.month),
        (Some(y), None) => y < issue.year,
        _ => false,
    }
}

pub(super) fn is_deadline(text: &str) -> bool {
    let first = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    is_any(first, &["by", "within", "no", "not", "before", "until"])
}
