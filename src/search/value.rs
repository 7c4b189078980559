//! Values a query can mean and values an item holds, in one comparable form.
//!
//! Figures compare as numbers (with their kind and currency); dates compare as closed
//! intervals of days, so `aug 2015` (a month) contains `20 August 2015` (a day) and
//! `2011` contains `by the end of 2011`.

use crate::calendar::{civil, day_number, days_in_month};
use crate::extract::{DateValue, FigureKind, FigureValue};

/// A calendar interval, in days since 1970-01-01, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days {
    /// The first day.
    pub first: i32,
    /// The last day (equal to `first` for a single day).
    pub last: i32,
}

impl Days {
    /// True when `self` lies wholly inside `outer`.
    pub fn within(self, outer: Days) -> bool {
        outer.first <= self.first && self.last <= outer.last
    }

    /// The interval in the most compact ISO 8601 form: a day, a month, a year, or `A/B`.
    pub fn iso(self) -> String {
        let (y1, m1, d1) = civil(self.first);
        let (y2, m2, d2) = civil(self.last);
        let whole_months = d1 == 1 && d2 == days_in_month(y2, m2);
        let whole_years = whole_months && m1 == 1 && m2 == 12;
        if self.first == self.last {
            format!("{y1:04}-{m1:02}-{d1:02}")
        } else if whole_years && y1 == y2 {
            format!("{y1:04}")
        } else if whole_years {
            format!("{y1:04}/{y2:04}")
        } else if whole_months && (y1, m1) == (y2, m2) {
            format!("{y1:04}-{m1:02}")
        } else if whole_months {
            format!("{y1:04}-{m1:02}/{y2:04}-{m2:02}")
        } else {
            format!("{y1:04}-{m1:02}-{d1:02}/{y2:04}-{m2:02}-{d2:02}")
        }
    }

    fn span(a: Days, b: Days) -> Option<Days> {
        (a.first <= b.last).then_some(Days {
            first: a.first,
            last: b.last,
        })
    }
}

/// One calendar day, checked.
pub fn day(year: i32, month: u32, day: u32) -> Option<Days> {
    ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)).then(|| {
        let n = day_number(year, month, day);
        Days { first: n, last: n }
    })
}

/// A run of whole months, `from..=to` (months may run past 12 into the next years).
pub fn months(year: i32, from: u32, to: u32) -> Option<Days> {
    if !(1..=12).contains(&from) || to < from {
        return None;
    }
    let end_year = year + (to as i32 - 1) / 12;
    let end_month = (to - 1) % 12 + 1;
    Some(Days {
        first: day_number(year, from, 1),
        last: day_number(end_year, end_month, days_in_month(end_year, end_month)),
    })
}

/// A whole calendar year.
pub fn year(year: i32) -> Days {
    Days {
        first: day_number(year, 1, 1),
        last: day_number(year, 12, 31),
    }
}

/// Reads the ISO 8601 forms the extractor writes: `2015-08-20`, `2015-08`, `2015`,
/// `2015-Q3`, and intervals `A/B` of those. Year-less values (`--08-20`) have no place on a
/// calendar and give `None`.
pub fn parse_iso(s: &str) -> Option<Days> {
    if let Some((a, b)) = s.split_once('/') {
        return Days::span(parse_iso(a)?, parse_iso(b)?);
    }
    let mut parts = s.split('-');
    let y: i32 = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
    let Some(second) = parts.next() else {
        return Some(year(y));
    };
    if let Some(q) = second.strip_prefix('Q') {
        let q: u32 = q.parse().ok()?;
        return (1..=4).contains(&q).then(|| months(y, 3 * q - 2, 3 * q))?;
    }
    if let Some(h) = second.strip_prefix('H') {
        let h: u32 = h.parse().ok()?;
        return (1..=2).contains(&h).then(|| months(y, 6 * h - 5, 6 * h))?;
    }
    let m: u32 = second.parse().ok()?;
    match parts.next() {
        None => months(y, m, m),
        Some(d) => day(y, m, d.parse().ok()?),
    }
}

/// What an indexed figure or date means, in comparable form.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ItemValue {
    /// A figure: its kind, its number and what qualifies it.
    Figure {
        /// Money, count, percentage, multiple or share.
        kind: FigureKind,
        /// The number the kind field held (see [`FigureValue::number`]).
        number: f64,
        /// The range a figure spans (`from 150 to 250`), when it is one.
        min: Option<f64>,
        /// The range's upper end.
        max: Option<f64>,
        /// ISO 4217 code, for money.
        currency: Option<&'static str>,
        /// Hedged (`about`, `approximately`).
        approx: bool,
        /// A rate: `year`, `month`, `week` or `day`.
        per: Option<&'static str>,
    },
    /// A date or period, as the days it covers.
    Date(Days),
}

impl ItemValue {
    /// The comparable form of an extracted figure.
    pub fn of_figure(v: &FigureValue) -> ItemValue {
        ItemValue::Figure {
            kind: v.kind(),
            number: v.number(),
            min: v.min.map(|n| n.0),
            max: v.max.map(|n| n.0),
            currency: v.currency,
            approx: v.approx == Some(true),
            per: v.per,
        }
    }

    /// The value in the shape `cordiale extract --json` writes it (dates as ISO 8601).
    pub fn to_json(&self) -> serde_json::Value {
        use crate::extract::Number;
        match *self {
            ItemValue::Figure {
                kind,
                number,
                min,
                max,
                currency,
                approx,
                per,
            } => {
                let v = FigureValue {
                    amount: (kind == FigureKind::Money).then_some(Number(number)),
                    count: (kind == FigureKind::Count).then_some(Number(number)),
                    percent: (kind == FigureKind::Percent).then_some(Number(number)),
                    multiplier: (kind == FigureKind::Multiplier).then_some(Number(number)),
                    fraction: (kind == FigureKind::Fraction).then_some(Number(number)),
                    currency,
                    min: min.map(Number),
                    max: max.map(Number),
                    approx: approx.then_some(true),
                    per,
                };
                serde_json::to_value(v).unwrap_or_default()
            }
            ItemValue::Date(d) => serde_json::json!({ "date": d.iso() }),
        }
    }

    /// True when two figures state the same quantity however written (`€10 million`,
    /// `EUR 10m`, `10 million euros`): the same kind and currency, and the same number, or
    /// one's number inside the other's range. A rate (`a year`) and a hedge do not count.
    pub fn same_figure(&self, other: &ItemValue) -> bool {
        let (
            ItemValue::Figure {
                kind,
                number,
                min,
                max,
                currency,
                ..
            },
            ItemValue::Figure {
                kind: other_kind,
                number: other_number,
                min: other_min,
                max: other_max,
                currency: other_currency,
                ..
            },
        ) = (*self, *other)
        else {
            return false;
        };
        let inside = |n: f64, lo: Option<f64>, hi: Option<f64>| {
            lo.zip(hi)
                .is_some_and(|(lo, hi)| lo < hi && lo <= n && n <= hi)
        };
        kind == other_kind
            && currency == other_currency
            && (same_number(number, other_number)
                || inside(number, other_min, other_max)
                || inside(other_number, min, max))
    }

    /// The comparable form of an extracted date; `None` when it is not on the calendar (a
    /// year-less date, a duration).
    pub fn of_date(v: &DateValue) -> Option<ItemValue> {
        v.date.as_deref().and_then(parse_iso).map(ItemValue::Date)
    }
}

/// A value read from the query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueQuery {
    /// A number or a range of numbers; `currency` and `percent` narrow, their absence does not.
    Number {
        /// The smallest number that matches.
        low: f64,
        /// The largest number that matches (equal to `low` for a single number).
        high: f64,
        /// Only figures in this currency (ISO 4217 code).
        currency: Option<&'static str>,
        /// Only percentages.
        percent: bool,
    },
    /// A date or period: items whose date lies wholly inside it.
    Date(Days),
}

/// How well an item's value answers a value query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ValueMatch {
    /// The query's number lies inside the item's range (`200` in `from 150 to 250`).
    InRange,
    /// The item's value is the query's, or lies inside the query's range or period.
    Exact,
}

fn same_number(a: f64, b: f64) -> bool {
    a.is_finite() && b.is_finite() && (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

impl ValueQuery {
    /// How well `item` answers the query; `None` when it does not.
    pub fn matches(&self, item: &ItemValue) -> Option<ValueMatch> {
        match (*self, *item) {
            (ValueQuery::Date(q), ItemValue::Date(d)) => d.within(q).then_some(ValueMatch::Exact),
            (
                ValueQuery::Number {
                    low,
                    high,
                    currency,
                    percent,
                },
                ItemValue::Figure {
                    kind,
                    number,
                    min,
                    max,
                    currency: item_currency,
                    ..
                },
            ) => {
                if percent && kind != FigureKind::Percent {
                    return None;
                }
                if currency.is_some() && currency != item_currency {
                    return None;
                }
                let inside = |n: f64| (low <= n && n <= high) || same_number(n, low);
                if inside(number) {
                    return Some(ValueMatch::Exact);
                }
                let (lo, hi) = (min.unwrap_or(number), max.unwrap_or(number));
                (lo < hi && lo <= low && high <= hi).then_some(ValueMatch::InRange)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_follow_the_calendar() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1) - day_number(2000, 2, 28), 2);
        assert_eq!(day_number(2015, 8, 20), 16_667);
    }

    #[test]
    fn intervals_print_as_iso() {
        for iso in [
            "2015-08-20",
            "2015-08",
            "2015",
            "2010/2012",
            "2010-01/2010-09",
            "2016-02-29",
        ] {
            assert_eq!(parse_iso(iso).unwrap().iso(), iso);
        }
        assert_eq!(parse_iso("2015-Q3").unwrap().iso(), "2015-07/2015-09");
        assert_eq!(civil(day_number(1969, 12, 31)), (1969, 12, 31));
    }

    #[test]
    fn iso_values_become_intervals() {
        let aug = parse_iso("2015-08").unwrap();
        assert!(parse_iso("2015-08-20").unwrap().within(aug));
        assert!(!parse_iso("2015-09-01").unwrap().within(aug));
        assert!(
            parse_iso("2011-12-31")
                .unwrap()
                .within(parse_iso("2011").unwrap())
        );
        assert_eq!(parse_iso("2010-01/2010-09"), months(2010, 1, 9));
        assert_eq!(parse_iso("2016-Q2"), months(2016, 4, 6));
        assert_eq!(parse_iso("2016-04/2017-03"), months(2016, 4, 15));
        assert_eq!(parse_iso("--08-20"), None);
        assert_eq!(parse_iso("2015-02-30"), None);
    }

    #[test]
    fn numbers_match_by_value_kind_and_currency() {
        let eur10m = ItemValue::Figure {
            kind: FigureKind::Money,
            number: 10e6,
            min: None,
            max: None,
            currency: Some("EUR"),
            approx: false,
            per: None,
        };
        let q = |currency, percent| ValueQuery::Number {
            low: 10e6,
            high: 10e6,
            currency,
            percent,
        };
        assert_eq!(q(None, false).matches(&eur10m), Some(ValueMatch::Exact));
        assert_eq!(
            q(Some("EUR"), false).matches(&eur10m),
            Some(ValueMatch::Exact)
        );
        assert_eq!(q(Some("GBP"), false).matches(&eur10m), None);
        assert_eq!(q(None, true).matches(&eur10m), None);
        let range = ItemValue::Figure {
            kind: FigureKind::Count,
            number: 150.0,
            min: Some(150.0),
            max: Some(250.0),
            currency: None,
            approx: false,
            per: None,
        };
        let n200 = ValueQuery::Number {
            low: 200.0,
            high: 200.0,
            currency: None,
            percent: false,
        };
        assert_eq!(n200.matches(&range), Some(ValueMatch::InRange));
    }

    #[test]
    fn figures_are_the_same_by_kind_currency_and_number() {
        let figure = |kind, number, currency, range: Option<(f64, f64)>| ItemValue::Figure {
            kind,
            number,
            min: range.map(|r| r.0),
            max: range.map(|r| r.1),
            currency,
            approx: false,
            per: None,
        };
        let eur10m = figure(FigureKind::Money, 10e6, Some("EUR"), None);
        assert!(eur10m.same_figure(&figure(FigureKind::Money, 10e6, Some("EUR"), None)));
        assert!(!eur10m.same_figure(&figure(FigureKind::Money, 10e6, Some("USD"), None)));
        assert!(!eur10m.same_figure(&figure(FigureKind::Count, 10e6, None, None)));
        assert!(!eur10m.same_figure(&figure(FigureKind::Money, 11e6, Some("EUR"), None)));
        let span = figure(FigureKind::Count, 150.0, None, Some((150.0, 250.0)));
        assert!(span.same_figure(&figure(FigureKind::Count, 200.0, None, None)));
        assert!(figure(FigureKind::Count, 200.0, None, None).same_figure(&span));
        assert!(!eur10m.same_figure(&ItemValue::Date(year(2015))));
    }
}
