//! The timeline's events and calendar maths, without a terminal: every commitment deadline
//! and every dated figure of the corpus, grouped by document, and the zoom levels, cells
//! and axis ticks the view draws with. Pure: the day that counts (`review::AsOf`, today
//! unless a date is given) is a parameter, never the clock.
//!
//! Where an event sits: a deadline at the last day of its period (`by March 2011` is due
//! on 31 March 2011, `by the end of the year` on 31 December); a dated figure at the first
//! day of its period, drawn as a span over the rest of it (`between January and September
//! 2010` starts on 1 January and runs to 30 September). Year-less dates (`--08-28`) have
//! no place on a calendar and date nothing.

use std::collections::{BTreeSet, HashMap};

use crate::calendar::{civil, day_number, days_in_month};
use crate::review::AsOf;
use crate::review::window::settling_verdict;
use crate::search::value::Days;
use crate::search::{Index, Kind};
use crate::workspace::{Short, Verdict, Workspace};

/// What an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EventKind {
    /// A commitment's deadline.
    Deadline,
    /// A figure in a sentence that carries a date.
    Figure,
    /// The date of evidence a reviewer cited for the commitment, on its document's row.
    Evidence,
}

impl EventKind {
    /// The kind as the footer names it.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Deadline => "deadline",
            EventKind::Figure => "dated figure",
            EventKind::Evidence => "evidence",
        }
    }
}

/// One mark on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The document, as a corpus index.
    pub doc: usize,
    /// A deadline or a dated figure.
    pub kind: EventKind,
    /// The period the date names: a day, a month, a year, or an interval.
    pub days: Days,
    /// The day it sits on: the end of the period for a deadline, its start for a figure.
    pub at: i32,
    /// The bytes the reader opens at: the commitment, or the figure.
    pub span: (usize, usize),
    /// The figure as written, or the commitment's quote (whitespace collapsed).
    pub label: String,
    /// The sentence around it (for a commitment, the quote itself).
    pub text: String,
    /// The date as the document writes it, when it is found in the span's sentence.
    pub written: Option<String>,
    /// A deadline passed with no verdict saying it was kept.
    pub overdue: bool,
    /// The verdict that settles a deadline (kept, not a commitment), when one does.
    pub settled: Option<Verdict>,
}

/// One document's line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The document, as a corpus index.
    pub doc: usize,
    /// Its events, as indices into [`Timeline::events`], in time order.
    pub events: Vec<usize>,
}

/// Every event of a corpus, in time order, and the documents that have any.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    /// Every event, in time order.
    pub events: Vec<Event>,
    /// Oldest document first (by date of issue); undated documents last.
    pub rows: Vec<Row>,
    /// Documents with no dated figure and no deadline (not given a row).
    pub empty_docs: usize,
}

impl Timeline {
    /// The row an event is on.
    pub fn row_of(&self, event: usize) -> Option<usize> {
        let doc = self.events.get(event)?.doc;
        self.rows.iter().position(|r| r.doc == doc)
    }

    /// How many events are overdue deadlines.
    pub fn overdue(&self) -> usize {
        self.events.iter().filter(|e| e.overdue).count()
    }

    /// The first and last day any event sits on.
    pub fn extent(&self) -> Option<(i32, i32)> {
        let first = self.events.iter().map(|e| e.at).min()?;
        let last = self.events.iter().map(|e| e.at).max()?;
        Some((first, last))
    }
}

/// What one document's index entries say, gathered for the events.
#[derive(Default)]
struct DocItems {
    /// (start, end, sentence, period) of every date on the calendar.
    dates: Vec<(usize, usize, (u32, u32), Days)>,
    /// (start, end, sentence) of every figure.
    figures: Vec<(usize, usize, (u32, u32))>,
    /// (start, end, deadline) of every commitment with one.
    commitments: Vec<(usize, usize, Days)>,
}

/// Builds the timeline of `index`'s corpus. With a workspace (and the ids of its orphaned
/// items, which have no place to open), deadlines come from its items and their verdicts;
/// without one, from the extracted commitments, none settled.
pub fn build(
    index: &Index,
    workspace: Option<(&Workspace, &BTreeSet<Short>)>,
    as_of: &AsOf,
) -> Timeline {
    let corpus = index.corpus();
    let n = corpus.documents.len();
    let mut per_doc: Vec<DocItems> = (0..n).map(|_| DocItems::default()).collect();
    for e in index.entries() {
        let Some(d) = per_doc.get_mut(e.doc as usize) else {
            continue;
        };
        let (s, t) = (e.start as usize, e.end as usize);
        let date = index.values(e).iter().find_map(|v| match v {
            crate::search::value::ItemValue::Date(days) => Some(*days),
            _ => None,
        });
        match (e.kind, date) {
            (Kind::Date, Some(days)) => d.dates.push((s, t, e.context, days)),
            (Kind::Figure, _) => d.figures.push((s, t, e.context)),
            (Kind::Commitment, Some(days)) => d.commitments.push((s, t, days)),
            _ => {}
        }
    }
    for d in &mut per_doc {
        d.dates.sort_unstable_by_key(|x| (x.0, x.1));
        d.figures.sort_unstable_by_key(|x| (x.0, x.1));
        d.commitments.sort_unstable_by_key(|x| (x.0, x.1));
    }
    let mut events = Vec::new();
    for (doc, items) in per_doc.iter().enumerate() {
        let text = corpus.documents[doc].text.as_str();
        for &(s, t, sentence) in &items.figures {
            // The date of the figure's sentence nearest to it.
            let nearest = items
                .dates
                .iter()
                .filter(|d| d.2 == sentence)
                .min_by_key(|d| d.0.abs_diff(s).min(d.1.abs_diff(t)));
            let Some(&(ds, dt, _, days)) = nearest else {
                continue;
            };
            let around = text
                .get(sentence.0 as usize..sentence.1 as usize)
                .unwrap_or_default();
            events.push(Event {
                doc,
                kind: EventKind::Figure,
                days,
                at: days.first,
                span: (s, t),
                label: crate::safe_text::quote(text.get(s..t).unwrap_or_default()),
                text: crate::safe_text::quote(around),
                written: text.get(ds..dt).map(crate::safe_text::quote),
                overdue: false,
                settled: None,
            });
        }
    }
    let deadline = |doc: usize, span: (usize, usize), days: Days, settled: Option<Verdict>| {
        let text = corpus.documents.get(doc)?.text.get(span.0..span.1)?;
        // The date as written: one inside the commitment naming the same period.
        let written = per_doc[doc]
            .dates
            .iter()
            .find(|d| d.0 >= span.0 && d.1 <= span.1 && d.3 == days)
            .and_then(|d| corpus.documents[doc].text.get(d.0..d.1))
            .map(crate::safe_text::quote);
        Some(Event {
            doc,
            kind: EventKind::Deadline,
            days,
            at: days.last,
            span,
            label: crate::safe_text::quote(text),
            text: crate::safe_text::quote(text),
            written,
            overdue: as_of.is_overdue(days.last, settled.is_some()),
            settled,
        })
    };
    match workspace {
        Some((ws, orphaned)) => {
            let by_name: HashMap<&str, usize> = corpus
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.name.as_str(), i))
                .collect();
            // Items in any order: the events are sorted below.
            for (id, item) in &ws.items {
                let Some(&doc) = by_name.get(item.doc.as_str()) else {
                    continue;
                };
                if orphaned.contains(id) {
                    continue;
                }
                let span = (item.anchor.start, item.anchor.end);
                let due = item
                    .deadline
                    .as_deref()
                    .and_then(crate::search::value::parse_iso);
                if let Some(days) = due {
                    events.extend(deadline(doc, span, days, settling_verdict(item, &ws.scale)));
                }
                // Each piece of evidence at its date, on the row of the commitment it is
                // for: how a promise's record unfolds beside its deadline.
                for (who, review) in &item.reviews {
                    for e in &review.evidence {
                        let Some(days) =
                            e.date.as_deref().and_then(crate::search::value::parse_iso)
                        else {
                            continue;
                        };
                        events.push(Event {
                            doc,
                            kind: EventKind::Evidence,
                            days,
                            at: days.first,
                            span,
                            label: format!(
                                "{}'s evidence: {}",
                                crate::safe_text::sanitize(who),
                                crate::safe_text::sanitize(e.origin())
                            ),
                            text: crate::safe_text::quote(e.quote()),
                            written: e.date.as_deref().map(crate::safe_text::sanitize),
                            overdue: false,
                            settled: None,
                        });
                    }
                }
            }
        }
        None => {
            for (doc, items) in per_doc.iter().enumerate() {
                for &(s, t, days) in &items.commitments {
                    events.extend(deadline(doc, (s, t), days, None));
                }
            }
        }
    }
    events.sort_by(|a, b| {
        (a.at, a.doc, a.span, a.kind, a.days.last).cmp(&(b.at, b.doc, b.span, b.kind, b.days.last))
    });
    let mut rows: Vec<Row> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match rows.iter_mut().find(|r| r.doc == e.doc) {
            Some(r) => r.events.push(i),
            None => rows.push(Row {
                doc: e.doc,
                events: vec![i],
            }),
        }
    }
    // Oldest document first; undated ones last, in corpus order.
    rows.sort_by_key(|r| {
        let issued = index.doc_info(r.doc as u32).days.map(|d| d.first);
        (issued.is_none(), issued, r.doc)
    });
    Timeline {
        empty_docs: n - rows.len(),
        events,
        rows,
    }
}

// ---------------------------------------------------------------------------------------
// Zoom, cells and the axis.

/// How much time one column of the timeline holds: years down to days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Zoom {
    /// A year a column.
    Years,
    /// A quarter a column.
    Quarters,
    /// A month a column.
    Months,
    /// A week a column, Monday to Sunday.
    Weeks,
    /// A day a column.
    Days,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Zoom {
    /// Coarsest first.
    pub const ALL: [Zoom; 5] = [
        Zoom::Years,
        Zoom::Quarters,
        Zoom::Months,
        Zoom::Weeks,
        Zoom::Days,
    ];

    /// What the columns are, for the view's title: `years` to `days`.
    pub fn columns(self) -> &'static str {
        match self {
            Zoom::Years => "years",
            Zoom::Quarters => "quarters",
            Zoom::Months => "months",
            Zoom::Weeks => "weeks",
            Zoom::Days => "days",
        }
    }

    /// What one column is, for the status line.
    pub fn name(self) -> &'static str {
        match self {
            Zoom::Years => "a year a column",
            Zoom::Quarters => "a quarter a column",
            Zoom::Months => "a month a column",
            Zoom::Weeks => "a week a column",
            Zoom::Days => "a day a column",
        }
    }

    /// One step finer (`None` at days).
    pub fn finer(self) -> Option<Zoom> {
        let i = Zoom::ALL.iter().position(|z| *z == self)?;
        Zoom::ALL.get(i + 1).copied()
    }

    /// One step coarser (`None` at years).
    pub fn coarser(self) -> Option<Zoom> {
        let i = Zoom::ALL.iter().position(|z| *z == self)?;
        i.checked_sub(1).map(|i| Zoom::ALL[i])
    }

    /// The column (a calendar period numbered from a fixed origin) that `day` falls in.
    pub fn cell(self, day: i32) -> i64 {
        let (y, m, _) = civil(day);
        let (y, m) = (i64::from(y), i64::from(m));
        match self {
            Zoom::Years => y,
            Zoom::Quarters => y * 4 + (m - 1) / 3,
            Zoom::Months => y * 12 + m - 1,
            // Weeks start on Monday; day 0 (1970-01-01) was a Thursday.
            Zoom::Weeks => (i64::from(day) + 3).div_euclid(7),
            Zoom::Days => i64::from(day),
        }
    }

    /// The first day of column `cell` (the inverse of [`Zoom::cell`] on period starts).
    pub fn first_day(self, cell: i64) -> i32 {
        let clamp = |v: i64| v.clamp(-1_000_000, 1_000_000) as i32;
        match self {
            Zoom::Years => day_number(clamp(cell), 1, 1),
            Zoom::Quarters => day_number(
                clamp(cell.div_euclid(4)),
                (cell.rem_euclid(4) * 3 + 1) as u32,
                1,
            ),
            Zoom::Months => day_number(
                clamp(cell.div_euclid(12)),
                (cell.rem_euclid(12) + 1) as u32,
                1,
            ),
            Zoom::Weeks => clamp(cell * 7 - 3),
            Zoom::Days => clamp(cell),
        }
    }
}

/// The days `width` columns from `start` cover at `zoom`.
pub fn visible(zoom: Zoom, start: i64, width: usize) -> Days {
    let end = start + width.max(1) as i64;
    Days {
        first: zoom.first_day(start),
        last: zoom.first_day(end) - 1,
    }
}

/// The finest zoom at which every day from `first` to `last` fits in `width` columns, and
/// the first column that centres them; the coarsest zoom, centred, when none fits.
pub fn fit(first: i32, last: i32, width: usize) -> (Zoom, i64) {
    let width = width.max(1) as i64;
    let zoom = Zoom::ALL
        .into_iter()
        .rev()
        .find(|z| z.cell(last) - z.cell(first) < width)
        .unwrap_or(Zoom::Years);
    let span = zoom.cell(last) - zoom.cell(first) + 1;
    (zoom, zoom.cell(first) - (width - span) / 2)
}

/// A mark on the axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    /// Columns from the left of the plot.
    pub col: usize,
    /// Empty when it would not fit beside its neighbours' labels.
    pub label: String,
    /// A major tick (a year; a month at days zoom) also draws a line down the plot.
    pub major: bool,
}

/// What column `cell` marks at `zoom`, if anything: (label, major).
fn tick_of(zoom: Zoom, cell: i64) -> Option<(String, bool)> {
    let first = zoom.first_day(cell);
    let (y, m, d) = civil(first);
    match zoom {
        Zoom::Years if y % 10 == 0 => Some((y.to_string(), true)),
        Zoom::Years if y % 5 == 0 => Some((y.to_string(), false)),
        Zoom::Quarters | Zoom::Months if m == 1 => Some((y.to_string(), true)),
        Zoom::Months if m % 3 == 1 => Some((MONTHS[m as usize - 1].to_string(), false)),
        Zoom::Weeks => {
            // The week holding a month's first day.
            let into = days_in_month(y, m) - d + 1;
            let (y, m) = match d {
                1 => (y, m),
                _ if into < 7 => (y + i32::from(m == 12), m % 12 + 1),
                _ => return None,
            };
            Some(match m {
                1 => (y.to_string(), true),
                _ => (MONTHS[m as usize - 1].to_string(), false),
            })
        }
        Zoom::Days if d == 1 => Some((format!("{} {y}", MONTHS[m as usize - 1]), true)),
        // Mondays (day 0 was a Thursday).
        Zoom::Days if (i64::from(first) + 3).rem_euclid(7) == 0 => Some((d.to_string(), false)),
        _ => None,
    }
}

/// The ticks of `width` columns from `start`, left to right. Labels are given to major
/// ticks first, then to minor ones, each only where it fits inside the width one column
/// clear of every label given before.
pub fn ticks(zoom: Zoom, start: i64, width: usize) -> Vec<Tick> {
    let mut all: Vec<Tick> = (0..width)
        .filter_map(|col| {
            tick_of(zoom, start + col as i64).map(|(label, major)| Tick { col, label, major })
        })
        .collect();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for major in [true, false] {
        for t in all.iter_mut().filter(|t| t.major == major) {
            let (from, to) = (t.col, t.col + t.label.len());
            let clear = to <= width && taken.iter().all(|&(a, b)| to < a || from > b);
            if clear {
                taken.push((from, to));
            } else {
                t.label.clear();
            }
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::corpus::{Corpus, Document};
    use crate::search::value::day;

    fn index(texts: &[&str]) -> Index {
        Index::build(Arc::new(Corpus {
            documents: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Document::from_text(format!("{i}.txt"), *t))
                .collect(),
            warnings: Vec::new(),
        }))
    }

    fn n(y: i32, m: u32, d: u32) -> i32 {
        day(y, m, d).unwrap().first
    }

    /// The timeline assessed as of day number `day`.
    fn as_of(day: i32) -> AsOf {
        let day = crate::calendar::Day::from_number(day);
        AsOf::resolve(None, None, day)
    }

    const SUMMIT: &str = "UK-FRANCE SUMMIT, 2 NOVEMBER 2010\n\nFrance and the UK will \
        create a joint fund by March 2011. Between January and September 2010, 514 \
        traffickers were arrested.\n";

    #[test]
    fn deadlines_sit_at_the_end_of_their_period_and_figures_at_the_start() {
        let ix = index(&[SUMMIT]);
        let t = build(&ix, None, &as_of(n(2011, 4, 1)));
        let kinds: Vec<(EventKind, String)> =
            t.events.iter().map(|e| (e.kind, e.days.iso())).collect();
        assert_eq!(
            kinds,
            [
                (EventKind::Figure, "2010-01/2010-09".to_string()),
                (EventKind::Deadline, "2011-03".to_string()),
            ]
        );
        let (figure, deadline) = (&t.events[0], &t.events[1]);
        assert_eq!(figure.at, n(2010, 1, 1));
        assert_eq!(&SUMMIT[figure.span.0..figure.span.1], "514");
        assert!(
            figure.text.starts_with("Between January"),
            "{}",
            figure.text
        );
        assert_eq!(
            figure.written.as_deref(),
            Some("Between January and September 2010")
        );
        assert_eq!(deadline.at, n(2011, 3, 31));
        assert_eq!(deadline.written.as_deref(), Some("by March 2011"));
        assert!(deadline.label.starts_with("France and the UK will create"));
        assert!(SUMMIT[deadline.span.0..deadline.span.1].contains("by March 2011"));
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].events, [0, 1]);
    }

    #[test]
    fn a_deadline_is_overdue_only_once_its_whole_period_has_passed() {
        let ix = index(&[SUMMIT]);
        let overdue = |today: i32| build(&ix, None, &as_of(today)).overdue();
        assert_eq!(overdue(n(2011, 3, 31)), 0, "due that day: not yet late");
        assert_eq!(overdue(n(2011, 4, 1)), 1);
    }

    #[test]
    fn a_workspace_gives_the_deadlines_and_its_verdicts_clear_them() {
        let ix = index(&[SUMMIT, "Nothing dated here.\n"]);
        let mut ws = Workspace::default();
        crate::workspace::sync::sync(
            &mut ws,
            ix.corpus(),
            &crate::search::digests::digests(ix.corpus(), None),
        );
        let today = as_of(n(2026, 11, 25));
        let none = &BTreeSet::new();
        let t = build(&ix, Some((&ws, none)), &today);
        let deadlines: Vec<&Event> = t
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Deadline)
            .collect();
        assert_eq!(deadlines.len(), 1);
        assert!(deadlines[0].overdue);
        assert_eq!(t.empty_docs, 1, "the undated document has no row");
        let (id, _) = ws
            .ordered()
            .into_iter()
            .find(|(_, i)| i.deadline.is_some())
            .map(|(id, i)| (id.clone(), i.clone()))
            .unwrap();
        let at: Short = "2026-01-01T00:00:00Z".into();
        ws.items
            .get_mut(&id)
            .unwrap()
            .set_review("ann", Verdict::KEPT, String::new(), at);
        let t = build(&ix, Some((&ws, none)), &today);
        let e = t
            .events
            .iter()
            .find(|e| e.kind == EventKind::Deadline)
            .unwrap();
        assert_eq!((e.overdue, e.settled), (false, Some(Verdict::KEPT)));
        // An orphaned item has nowhere to open: no event.
        let t = build(&ix, Some((&ws, &BTreeSet::from([id.clone()]))), &today);
        assert!(t.events.iter().all(|e| e.kind != EventKind::Deadline));
    }

    #[test]
    fn rows_run_from_the_oldest_document_and_year_less_dates_date_nothing() {
        let older = "Paris, 3 May 2004\n\nThe ministers will open 3 centres by June 2005.\n";
        let undated = "On 28 August 40 officers arrived.\n";
        let ix = index(&[SUMMIT, undated, older]);
        let t = build(&ix, None, &as_of(0));
        let docs: Vec<usize> = t.rows.iter().map(|r| r.doc).collect();
        assert_eq!(docs, [2, 0]);
        assert_eq!(t.empty_docs, 1);
        // Every row's events are in time order.
        for r in &t.rows {
            assert!(
                r.events
                    .windows(2)
                    .all(|w| t.events[w[0]].at <= t.events[w[1]].at)
            );
        }
        assert_eq!(t.row_of(0), Some(0));
    }

    #[test]
    fn cells_and_first_days_agree_at_every_zoom() {
        for zoom in Zoom::ALL {
            for d in [
                n(1951, 1, 1),
                n(2010, 11, 2),
                n(2016, 2, 29),
                n(1969, 12, 31),
            ] {
                let c = zoom.cell(d);
                let first = zoom.first_day(c);
                assert!(first <= d, "{zoom:?} {d}");
                assert!(zoom.first_day(c + 1) > d, "{zoom:?} {d}");
                assert_eq!(zoom.cell(first), c);
            }
        }
        assert_eq!(
            Zoom::Quarters.first_day(Zoom::Quarters.cell(n(2015, 8, 20))),
            n(2015, 7, 1)
        );
        // 2015-08-20 was a Thursday: its week starts on Monday 17 August.
        assert_eq!(
            Zoom::Weeks.first_day(Zoom::Weeks.cell(n(2015, 8, 20))),
            n(2015, 8, 17)
        );
    }

    #[test]
    fn zooming_in_narrows_what_the_same_width_shows() {
        let spans: Vec<i32> = Zoom::ALL
            .iter()
            .map(|z| {
                let v = visible(*z, z.cell(n(2015, 8, 20)), 60);
                v.last - v.first + 1
            })
            .collect();
        assert!(spans.windows(2).all(|w| w[0] > w[1]), "{spans:?}");
        assert_eq!(spans[4], 60);
        assert_eq!(spans[3], 420);
        assert_eq!(Zoom::Days.finer(), None);
        assert_eq!(Zoom::Years.coarser(), None);
        assert_eq!(Zoom::Months.finer(), Some(Zoom::Weeks));
    }

    #[test]
    fn fit_picks_the_finest_zoom_that_holds_everything_centred() {
        // Four months fit at weeks in 20 columns, not at days.
        let (zoom, start) = fit(n(2015, 6, 1), n(2015, 9, 15), 20);
        assert_eq!(zoom, Zoom::Weeks);
        let v = visible(zoom, start, 20);
        assert!(v.first <= n(2015, 6, 1) && n(2015, 9, 15) <= v.last);
        // 1951 to 2017 does not fit 40 columns even at years: centred anyway.
        let (zoom, start) = fit(n(1951, 1, 1), n(2017, 8, 17), 40);
        assert_eq!(zoom, Zoom::Years);
        assert_eq!(start, 1964, "1964 to 2003, around the middle");
    }

    #[test]
    fn tick_labels_never_overlap_and_years_are_marked() {
        let labelled = |zoom: Zoom, from: i32, width: usize| -> Vec<(usize, String, bool)> {
            ticks(zoom, zoom.cell(from), width)
                .into_iter()
                .filter(|t| !t.label.is_empty())
                .map(|t| (t.col, t.label, t.major))
                .collect()
        };
        for zoom in Zoom::ALL {
            for width in [1, 7, 30, 200] {
                let shown = labelled(zoom, n(2009, 12, 30), width);
                for w in shown.windows(2) {
                    assert!(w[0].0 + w[0].1.len() < w[1].0, "{zoom:?} {w:?}");
                }
                assert!(shown.iter().all(|t| t.0 + t.1.len() <= width));
            }
        }
        let short = |v: Vec<(usize, String, bool)>| -> Vec<(usize, String)> {
            v.into_iter().map(|(c, l, _)| (c, l)).collect()
        };
        let s = |c: usize, l: &str| (c, l.to_string());
        assert_eq!(
            short(labelled(Zoom::Months, n(2010, 1, 1), 24)),
            [s(0, "2010"), s(6, "Jul"), s(12, "2011"), s(18, "Jul")]
        );
        // Quarters: a year every four columns, labelled every other one.
        let q = ticks(Zoom::Quarters, Zoom::Quarters.cell(n(2010, 1, 1)), 16);
        assert_eq!(q.iter().filter(|t| t.major).count(), 4);
        assert_eq!(
            short(labelled(Zoom::Quarters, n(2010, 1, 1), 16)),
            [s(0, "2010"), s(8, "2012")]
        );
        let d = labelled(Zoom::Days, n(2015, 8, 1), 40);
        assert_eq!(d[0], (0, "Aug 2015".to_string(), true));
        assert!(d.contains(&(16, "17".to_string(), false)), "{d:?}");
        assert!(
            !d.iter().any(|t| t.0 == 2),
            "the 3rd is under the month's label"
        );
        assert_eq!(
            short(labelled(Zoom::Weeks, n(2010, 12, 1), 12)),
            [s(0, "Dec"), s(4, "2011"), s(9, "Feb")]
        );
    }

    #[test]
    fn evidence_sits_at_its_date_on_its_commitments_row() {
        let ix = index(&[SUMMIT, "Nothing dated here.\n"]);
        let mut ws = Workspace::default();
        crate::workspace::sync::sync(
            &mut ws,
            ix.corpus(),
            &crate::search::digests::digests(ix.corpus(), None),
        );
        let id = ws.items.keys().next().unwrap().clone();
        let item = ws.items.get_mut(&id).unwrap();
        let span = (item.anchor.start, item.anchor.end);
        let mut cited = |date: Option<&str>| {
            item.add_evidence(
                "ann",
                crate::workspace::Evidence {
                    date: date.map(Into::into),
                    doc: None,
                    anchor: None,
                    source: "https://example.org/report".into(),
                    excerpt: "the funds were paid".into(),
                    at: "2026-01-01T00:00:00Z".into(),
                },
            )
        };
        cited(Some("2012-05-01"));
        cited(None);
        let t = build(&ix, Some((&ws, &BTreeSet::new())), &as_of(n(2026, 11, 25)));
        let evidence: Vec<&Event> = t
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Evidence)
            .collect();
        assert_eq!(evidence.len(), 1, "undated evidence has no place");
        let e = evidence[0];
        assert_eq!((e.at, e.span, e.doc), (n(2012, 5, 1), span, 0));
        assert!(
            e.label
                .contains("ann's evidence: https://example.org/report")
        );
        let row = t
            .row_of(t.events.iter().position(|x| x == e).unwrap())
            .unwrap();
        assert_eq!(t.rows[row].doc, 0, "on the commitment's document's row");
    }
}
