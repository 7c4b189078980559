//! The assessment window: the day a review is assessed as of. A deadline before it and not
//! settled is overdue; evidence dated on or before it counts. By default it is today, so
//! the same workspace reads differently tomorrow; a workspace may fix it (`as_of` in the
//! file, `cordiale as-of DATE`) and a command may ask for another (`--as-of DATE`), to
//! look at a past assessment again or at a future one.

use crate::calendar::Day;
use crate::workspace::{Item, Scale, Verdict};

/// Where the as-of day came from, in the order it is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `--as-of DATE` on the command line.
    CommandLine,
    /// The workspace's `as_of` setting.
    Workspace,
    /// Neither: today (UTC), from the clock.
    Today,
}

/// The day that counts, and today's, to tell a past or future assessment from a current
/// one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOf {
    day: Day,
    source: Source,
    today: Day,
}

impl AsOf {
    /// The command line's day (`option`) if given, else the workspace's (`setting`), else
    /// `today`.
    pub fn resolve(option: Option<Day>, setting: Option<Day>, today: Day) -> AsOf {
        let (day, source) = match (option, setting) {
            (Some(day), _) => (day, Source::CommandLine),
            (None, Some(day)) => (day, Source::Workspace),
            (None, None) => (today, Source::Today),
        };
        AsOf { day, source, today }
    }

    /// [`AsOf::resolve`] with today from the clock (UTC).
    pub fn now(option: Option<Day>, setting: Option<Day>) -> AsOf {
        AsOf::resolve(option, setting, today())
    }

    /// The day that counts.
    pub fn day(&self) -> Day {
        self.day
    }

    /// Whether the day that counts is today: when it is not, screens and reports say so,
    /// so nobody mistakes a past or future assessment for the current one.
    pub fn is_today(&self) -> bool {
        self.day == self.today
    }

    /// `as of 2016-12-31` when the day that counts is not today, for the titles and
    /// messages that must not let a past or future assessment pass for today's.
    pub fn unless_today(&self) -> Option<String> {
        (!self.is_today()).then(|| format!("as of {}", self.day))
    }

    /// Whether evidence dated `date` (a day number) counts: on or before the as-of day.
    pub fn counts(&self, date: i32) -> bool {
        date <= self.day.number()
    }

    /// Whether evidence dated `date` (ISO 8601: a day, a month, a year) counts, from the
    /// first day it names; `None` for a date with no place on the calendar.
    pub fn counts_dated(&self, date: &str) -> Option<bool> {
        crate::search::value::parse_iso(date).map(|d| self.counts(d.first))
    }

    /// What a listing of evidence says after its date when it does not count: ` (after
    /// DAY: not counted)`; nothing when it counts or has no date on the calendar.
    pub fn evidence_note(&self, e: &crate::workspace::Evidence) -> String {
        match e.date.as_deref().and_then(|d| self.counts_dated(d)) {
            Some(false) => format!(" (after {}: not counted)", self.day()),
            _ => String::new(),
        }
    }

    /// Whether a deadline due on the day `due` (the last day of its period: `by March
    /// 2016` is due on 31 March) is overdue: due before the as-of day and not `settled`.
    pub fn is_overdue(&self, due: i32, settled: bool) -> bool {
        due < self.day.number() && !settled
    }

    /// Whether `item` is overdue: it has a deadline, due before the as-of day, and no
    /// verdict settles it ([`settling_verdict`]).
    pub fn overdue(&self, item: &Item, scale: &Scale) -> bool {
        due_day(item)
            .is_some_and(|due| self.is_overdue(due, settling_verdict(item, scale).is_some()))
    }

    /// How screens and reports name it: `as of 2016-12-31`, with where it came from when
    /// it is not today (`(--as-of)`, `(the workspace's)`).
    pub fn describe(&self) -> String {
        match self.source {
            Source::Today => format!("as of today, {}", self.day),
            Source::CommandLine => format!("as of {} (--as-of)", self.day),
            Source::Workspace => format!("as of {} (the workspace's setting)", self.day),
        }
    }
}

/// Today (UTC), from the clock.
pub fn today() -> Day {
    Day::from_number(crate::workspace::today())
}

/// The day `item`'s deadline is due: the last day of the period it names (`2016-03` is
/// due on 31 March 2016); `None` without a deadline or with one that names no period on
/// the calendar.
pub fn due_day(item: &Item) -> Option<i32> {
    let deadline = item.deadline.as_deref()?;
    Some(crate::search::value::parse_iso(deadline)?.last)
}

/// Where a deadline due on `due` sorts in deadline order: soonest first, items without a
/// deadline last (the checklist's sort and `checklist --sort deadline`; ties keep file
/// order, by a stable sort).
pub fn deadline_order(due: Option<i32>) -> (bool, i32) {
    (due.is_none(), due.unwrap_or(0))
}

/// The verdict that settles an item's deadline: the pair's reconciled verdict decides when
/// there is one; otherwise any reviewer's verdict of full compliance (the scale's score +1:
/// `kept`, `full-compliance`) or `not-a-commitment`.
pub fn settling_verdict(item: &Item, scale: &Scale) -> Option<Verdict> {
    let settles = |v: Verdict| v == Verdict::NOT_A_COMMITMENT || scale.score(v) == Some(1.0);
    match &item.reconciled {
        Some(r) => settles(r.verdict).then_some(r.verdict),
        None => item
            .reviews
            .values()
            .map(|r| r.verdict)
            .find(|v| settles(*v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::Origin;

    fn day(s: &str) -> Day {
        s.parse().unwrap()
    }

    fn item(deadline: Option<&str>) -> Item {
        let anchor = crate::workspace::anchor::anchor("We will act.", 0, 12);
        Item {
            deadline: deadline.map(Into::into),
            ..Item::new("a.txt", Origin::Extracted, anchor)
        }
    }

    #[test]
    fn the_command_line_comes_before_the_workspace_and_the_workspace_before_today() {
        let (cli, ws, today) = (day("2015-06-30"), day("2016-12-31"), day("2026-11-25"));
        let a = AsOf::resolve(Some(cli), Some(ws), today);
        assert_eq!((a.day(), a.source), (cli, Source::CommandLine));
        let a = AsOf::resolve(None, Some(ws), today);
        assert_eq!((a.day(), a.source), (ws, Source::Workspace));
        assert!(!a.is_today());
        assert_eq!(a.unless_today().as_deref(), Some("as of 2016-12-31"));
        assert_eq!(a.describe(), "as of 2016-12-31 (the workspace's setting)");
        let a = AsOf::resolve(None, None, today);
        assert_eq!((a.day(), a.source), (today, Source::Today));
        assert!(a.is_today());
        assert_eq!(a.unless_today(), None);
        assert_eq!(a.describe(), "as of today, 2026-11-25");
        // A day given that happens to be today is today's assessment.
        assert!(AsOf::resolve(Some(today), Some(ws), today).is_today());
    }

    #[test]
    fn a_deadline_is_overdue_from_the_day_after_its_period_ends() {
        // `by March 2016` is due on 31 March 2016.
        let march = item(Some("2016-03"));
        assert_eq!(due_day(&march), Some(day("2016-03-31").number()));
        let on = |d: &str| AsOf::resolve(Some(day(d)), None, day("2026-11-25"));
        assert!(
            !on("2016-03-31").overdue(&march, &Scale::default()),
            "due that day, not late yet"
        );
        assert!(
            on("2016-04-01").overdue(&march, &Scale::default()),
            "the day after"
        );
        assert!(!on("2015-01-01").overdue(&march, &Scale::default()));
        // A day deadline, at its boundary.
        let day_deadline = item(Some("2016-03-15"));
        assert!(!on("2016-03-15").overdue(&day_deadline, &Scale::default()));
        assert!(on("2016-03-16").overdue(&day_deadline, &Scale::default()));
        // No deadline, or one with no place on the calendar: never overdue.
        assert!(!on("2100-01-01").overdue(&item(None), &Scale::default()));
        assert!(!on("2100-01-01").overdue(&item(Some("P2Y")), &Scale::default()));
    }

    #[test]
    fn a_settled_deadline_is_not_overdue() {
        let mut it = item(Some("2016-03"));
        let late = AsOf::resolve(Some(day("2017-01-01")), None, day("2026-11-25"));
        assert!(late.overdue(&it, &Scale::default()));
        it.set_review("ann", Verdict::BROKEN, String::new(), "t".into());
        assert_eq!(settling_verdict(&it, &Scale::default()), None);
        assert!(
            late.overdue(&it, &Scale::default()),
            "broken is late all the same"
        );
        it.set_review("bob", Verdict::KEPT, String::new(), "t".into());
        assert_eq!(
            settling_verdict(&it, &Scale::default()),
            Some(Verdict::KEPT)
        );
        assert!(!late.overdue(&it, &Scale::default()));
        it.set_reconciled("ann", Verdict::PARTIAL, String::new(), "t".into());
        assert_eq!(
            settling_verdict(&it, &Scale::default()),
            None,
            "the pair's verdict decides"
        );
        assert!(late.overdue(&it, &Scale::default()));
        it.set_reconciled("ann", Verdict::NOT_A_COMMITMENT, String::new(), "t".into());
        assert_eq!(
            settling_verdict(&it, &Scale::default()),
            Some(Verdict::NOT_A_COMMITMENT)
        );
    }

    #[test]
    fn deadline_order_puts_the_soonest_first_and_the_undated_last() {
        let mut dues = [None, Some(20), Some(-5), None, Some(3)];
        dues.sort_by_key(|d| deadline_order(*d));
        assert_eq!(dues, [Some(-5), Some(3), Some(20), None, None]);
    }

    #[test]
    fn evidence_counts_on_and_before_the_as_of_day() {
        let a = AsOf::resolve(None, Some(day("2016-12-31")), day("2026-11-25"));
        assert!(a.counts(day("2016-12-31").number()));
        assert!(a.counts(day("2010-01-01").number()));
        assert!(!a.counts(day("2017-01-01").number()));
    }
}
