//! The checklist's rows: each item's place in the file and the verdicts the pane shows,
//! kept between keys. Every pass over a 50,000-item workspace costs milliseconds (its items
//! lie all over memory), so a filter switch works from these rows alone, and a verdict
//! brings only its own row up to date.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use crate::app::state::{ChecklistFilter, ChecklistSort};
use crate::review::reliability::{Coincidences, Counts};
use crate::review::window::{deadline_order, due_day, settling_verdict};
use crate::review::{
    Agreement, AsOf, ItemAgreement, is_disagreement, rated_agreement, rated_figures,
};
use crate::workspace::{FileKey, Item, Scale, Short, Verdict, Workspace};

/// What the checklist needs of every item, in file order, for two reviewers and the
/// active one.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    rows: Vec<Row>,
    /// The rows (indices into `rows`) in deadline order, made the first time that order
    /// is asked for and kept until a deadline changes: a verdict changes none, so sorting
    /// costs nothing more per key.
    by_deadline: OnceLock<Vec<u32>>,
    /// The pair and the active reviewer the rows were made for.
    names: Option<(String, String, String)>,
    /// Items changed since the rows were last brought up to date.
    touched: Vec<Short>,
    /// The whole workspace was replaced since.
    stale: bool,
    /// Everyone with a review of some item (`pending` included), in name order. Made with
    /// the rows; a remade row adds its item's reviewers and takes none away (one whose
    /// only verdict was undone is at the terminal still).
    reviewers: Vec<Short>,
    /// Every row's counts, summed for Krippendorff's α; and how many rows have three
    /// verdicts or more. Kept as rows are remade, never summed again per verdict.
    coincidences: Coincidences,
    thrice: usize,
    /// The scale the rows' counts are by.
    scale: Scale,
}

/// Which rows `Rows::shown` gives, and in which order.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    /// Which items.
    pub filter: ChecklistFilter,
    /// In which order.
    pub sort: ChecklistSort,
    /// Only this document's items, when named.
    pub doc: Option<&'a str>,
    /// The day that decides what is overdue.
    pub as_of: AsOf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    key: FileKey,
    /// The pair's verdicts and the active reviewer's, `pending` as `None`.
    a: Option<Verdict>,
    b: Option<Verdict>,
    mine: Option<Verdict>,
    reconciled: bool,
    /// The verdicts as given, `pending` included, and the pair's: the verdict filter's.
    given: [Option<Verdict>; 3],
    /// Every reviewer's verdicts, counted per rating category (the reliability figures'
    /// input: `review::reliability::category`).
    counts: Counts,
    /// Reviewers rate some actor differently and the pair has not settled it.
    actors_split: bool,
    /// The day the deadline is due (`review::window::due_day`), if it has one.
    due: Option<i32>,
    /// A verdict settles the deadline (`review::window::settling_verdict`).
    settled: bool,
}

/// A reviewer's verdict, `pending` as not given.
fn rated(item: &Item, who: &str) -> Option<Verdict> {
    item.reviews
        .get(who)
        .map(|r| r.verdict)
        .filter(|v| *v != Verdict::PENDING)
}

impl Row {
    fn of(id: &Short, item: &Item, (a, b, me): (&str, &str, &str), scale: &Scale) -> Row {
        Row {
            key: FileKey::of(id, item),
            a: rated(item, a),
            b: rated(item, b),
            mine: rated(item, me),
            reconciled: item.reconciled.is_some(),
            given: [
                item.reviews.get(a).map(|r| r.verdict),
                item.reviews.get(b).map(|r| r.verdict),
                item.reconciled.as_ref().map(|r| r.verdict),
            ],
            counts: crate::review::reliability::counts_of(item, scale),
            actors_split: !crate::review::actors_in_dispute(item).is_empty(),
            due: due_day(item),
            settled: settling_verdict(item, scale).is_some(),
        }
    }

    /// Three verdicts or more: enough for the title's α among everyone.
    fn thrice(&self) -> bool {
        self.counts.iter().map(|&c| u32::from(c)).sum::<u32>() >= 3
    }
}

impl Rows {
    /// An item of the workspace changed: its row is made again at the next `update`.
    pub fn touch(&mut self, id: Short) {
        self.touched.push(id);
    }

    /// The workspace was replaced (a merge): every row is made again at the next `update`.
    pub fn invalidate(&mut self) {
        self.stale = true;
    }

    /// Brings the rows up to date with `ws`, for the pair `a`, `b` and the active reviewer
    /// `me`: only the rows of the items touched, unless the items or the names changed.
    pub fn update(&mut self, ws: &Workspace, a: &str, b: &str, me: &str) {
        let names = (a, b, me);
        let touched = std::mem::take(&mut self.touched);
        let same_names = self
            .names
            .as_ref()
            .is_some_and(|(x, y, z)| (x.as_str(), y.as_str(), z.as_str()) == names);
        let in_place = !self.stale
            && self.scale == ws.scale
            && same_names
            && self.rows.len() == ws.items.len()
            && touched.iter().all(|id| self.remake(ws, id, names));
        if !in_place {
            *self = Self::make(ws, names);
        }
        #[cfg(debug_assertions)]
        {
            let made = Self::make(ws, names);
            assert_eq!(self.rows, made.rows, "an item changed untouched");
            assert_eq!(self.thrice, made.thrice);
            let alphas = (self.coincidences.alpha(), made.coincidences.alpha());
            match alphas {
                (Some(x), Some(y)) => assert!((x - y).abs() < 1e-9, "{alphas:?}"),
                _ => assert_eq!(alphas.0.is_some(), alphas.1.is_some(), "{alphas:?}"),
            }
            let kept = |n: &Short| self.reviewers.binary_search(n).is_ok();
            assert!(made.reviewers.iter().all(kept), "a reviewer left out");
        }
    }

    /// The rows of every item, and what is summed over them, for these names.
    fn make(ws: &Workspace, names: (&str, &str, &str)) -> Rows {
        let mut made = Rows {
            names: Some((names.0.into(), names.1.into(), names.2.into())),
            scale: ws.scale.clone(),
            ..Rows::default()
        };
        let ordered = ws.ordered();
        made.rows.reserve(ordered.len());
        for (id, item) in ordered {
            let row = Row::of(id, item, names, &ws.scale);
            made.count(&row, true);
            made.rows.push(row);
            made.add_reviewers(item);
        }
        made
    }

    /// Adds (or takes away) a row's verdicts from the sums over every row.
    fn count(&mut self, row: &Row, add: bool) {
        match add {
            true => self.coincidences.add(&row.counts),
            false => self.coincidences.remove(&row.counts),
        }
        if row.thrice() {
            match add {
                true => self.thrice += 1,
                false => self.thrice -= 1,
            }
        }
    }

    /// Adds the reviewers of `item` not seen yet.
    fn add_reviewers(&mut self, item: &Item) {
        for name in item.reviews.keys() {
            if let Err(at) = self.reviewers.binary_search(name) {
                self.reviewers.insert(at, name.clone());
            }
        }
    }

    /// Makes one item's row again; `false` when it has none (it is new, or moved).
    fn remake(&mut self, ws: &Workspace, id: &Short, names: (&str, &str, &str)) -> bool {
        let Some(item) = ws.items.get(id) else {
            return false;
        };
        let row = Row::of(id, item, names, &ws.scale);
        match self.rows.binary_search_by(|r| r.key.cmp(&row.key)) {
            Ok(at) => {
                if self.rows[at].due != row.due {
                    self.by_deadline = OnceLock::new();
                }
                self.count(&row, true);
                let old = std::mem::replace(&mut self.rows[at], row);
                self.count(&old, false);
                self.add_reviewers(item);
                true
            }
            Err(_) => false,
        }
    }

    /// Everyone with a review of some item, `pending` included, in name order.
    pub fn reviewers(&self) -> &[Short] {
        &self.reviewers
    }

    /// Krippendorff's α (nominal) among every reviewer, when some item has three verdicts
    /// or more (with two, the title's κ says it); from the sums kept with the rows.
    pub fn alpha_of_everyone(&self) -> Option<f64> {
        (self.thrice > 0)
            .then(|| self.coincidences.alpha())
            .flatten()
    }

    /// Agreement over every item.
    pub fn figures(&self) -> Agreement {
        rated_figures(
            self.rows.iter().map(|r| (r.a, r.b, r.reconciled)),
            &self.scale,
        )
    }

    /// Items the first of the pair rated.
    pub fn rated(&self) -> usize {
        self.rows.iter().filter(|r| r.a.is_some()).count()
    }

    /// Per document name: how many of its items the first of the pair rated, of how many
    /// (the documents pane's progress bars).
    pub fn progress(&self) -> HashMap<String, (usize, usize)> {
        let mut progress = HashMap::new();
        // Rows are in file order: each document's rows stand together.
        for rows in self.rows.chunk_by(|x, y| x.key.doc == y.key.doc) {
            let rated = rows.iter().filter(|r| r.a.is_some()).count();
            progress.insert(rows[0].key.doc.to_string(), (rated, rows.len()));
        }
        progress
    }

    /// The ids `view` shows: those its filter keeps (of its document only, when it names
    /// one), in its order.
    pub fn shown(&self, view: View, orphaned: &BTreeSet<Short>) -> Vec<Short> {
        let keep = |r: &Row| {
            view.doc.is_none_or(|d| r.key.doc == d)
                && match view.filter {
                    ChecklistFilter::All => true,
                    ChecklistFilter::Mine => r.mine.is_none(),
                    ChecklistFilter::Disagreements => {
                        let pair = rated_agreement(r.a, r.b, r.reconciled);
                        is_disagreement(pair, &r.counts, r.actors_split)
                    }
                    ChecklistFilter::Orphaned => orphaned.contains(&r.key.id),
                    ChecklistFilter::Overdue => r
                        .due
                        .is_some_and(|due| view.as_of.is_overdue(due, r.settled)),
                    // As `cordiale checklist --filter VERDICT`: any reviewer's, or the pair's.
                    ChecklistFilter::Verdict(v) => {
                        r.given.contains(&Some(v))
                            || self.scale.category(v).is_some_and(|k| r.counts[k] > 0)
                    }
                }
        };
        match view.sort {
            ChecklistSort::File => self
                .rows
                .iter()
                .filter(|r| keep(r))
                .map(|r| r.key.id.clone())
                .collect(),
            ChecklistSort::Deadline => self
                .deadline_order()
                .iter()
                .map(|&k| &self.rows[k as usize])
                .filter(|r| keep(r))
                .map(|r| r.key.id.clone())
                .collect(),
        }
    }

    /// The rows in deadline order, soonest first, undated last, each group in file order
    /// (`review::window::deadline_order`).
    fn deadline_order(&self) -> &[u32] {
        self.by_deadline.get_or_init(|| {
            let mut order: Vec<u32> = (0..self.rows.len() as u32).collect();
            // Stable: ties keep file order.
            order.sort_by_key(|&k| deadline_order(self.rows[k as usize].due));
            order
        })
    }
}

/// Blind mode: the other reviewers' verdicts and notes, and the pair's standing, stay
/// hidden on an item until the active reviewer has given a verdict of their own. The one
/// rule the checklist, its detail and its exports follow.
pub fn partner_hidden(rv: &crate::app::state::ReviewState, item: &Item) -> bool {
    rv.blind
        && item
            .reviews
            .get(&rv.pair.0)
            .is_none_or(|x| x.verdict == Verdict::PENDING)
}

/// `item` as the active reviewer may see it: whole, or in blind mode (`partner_hidden`)
/// with only their own review and no reconciliation.
pub fn as_seen<'a>(
    rv: &crate::app::state::ReviewState,
    item: &'a Item,
) -> std::borrow::Cow<'a, Item> {
    if !partner_hidden(rv, item) {
        return std::borrow::Cow::Borrowed(item);
    }
    let mut seen = item.clone();
    seen.reviews = item
        .reviews
        .iter()
        .filter(|(who, _)| who.as_str() == rv.pair.0)
        .map(|(who, r)| (who.clone(), r.clone()))
        .collect();
    seen.reconciled = None;
    std::borrow::Cow::Owned(seen)
}

/// Where a pair stands on an item, as one mark (blank when neither has rated it).
pub fn agreement_mark(a: crate::review::ItemAgreement) -> &'static str {
    use crate::review::ItemAgreement;
    match a {
        ItemAgreement::None => " ",
        ItemAgreement::One => "1",
        ItemAgreement::Agreed => "=",
        ItemAgreement::Disagreed => "≠",
        ItemAgreement::Reconciled => "R",
    }
}

/// A verdict as one character: its key on the scale (which gives it), `?` for pending,
/// `N` for not a commitment, `·` for none.
pub fn verdict_letter(v: Option<Verdict>, scale: &Scale) -> String {
    let c = match v {
        None => '·',
        Some(v) if v == Verdict::PENDING => '?',
        Some(v) if v == Verdict::NOT_A_COMMITMENT => 'N',
        Some(v) => scale.step(v).map_or('?', |s| s.key),
    };
    c.to_string()
}

/// The reviewers beyond the pair, in name order: those who get the others' column.
pub fn others(rv: &crate::app::state::ReviewState) -> impl Iterator<Item = &str> {
    let (a, b) = (rv.pair.0.as_str(), rv.pair.1.as_str());
    rv.reviewers
        .iter()
        .map(String::as_str)
        .filter(move |n| *n != a && *n != b)
}

/// Up to this many reviewers beyond the pair, a row gives each a letter; with more, it
/// counts their verdicts.
pub const OTHERS_AS_LETTERS: usize = 6;

/// Columns of the counts that stand for more than [`OTHERS_AS_LETTERS`] other reviewers.
const OTHERS_COUNTED: usize = 9;

/// The other reviewers' verdicts on `item`, as wide on every row: a letter each in name
/// order (`KB·p`, `·` for one who has not rated it), or with more than
/// [`OTHERS_AS_LETTERS`] of them, how many gave each verdict, the most given first and
/// those who have not rated it last (`3K 2B 4·`); all hidden (`◌`) in blind mode. Empty
/// when there are none.
pub fn others_column(item: &Item, others: &[&str], hidden: bool, scale: &Scale) -> String {
    let letter = |who: &str| verdict_letter(item.reviews.get(who).map(|r| r.verdict), scale);
    if others.len() <= OTHERS_AS_LETTERS {
        return match hidden {
            true => crate::app::marks::HIDDEN.repeat(others.len()),
            false => others.iter().map(|who| letter(who)).collect(),
        };
    }
    if hidden {
        return format!("{:<OTHERS_COUNTED$}", crate::app::marks::HIDDEN);
    }
    // Ties in the order of the verdict scale.
    let order = |l: &str| {
        scale
            .all()
            .position(|v| verdict_letter(Some(v), scale) == l)
            .unwrap_or(usize::MAX)
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    for who in others {
        let l = letter(who);
        match counts.iter_mut().find(|(x, _)| *x == l) {
            Some((_, n)) => *n += 1,
            None => counts.push((l, 1)),
        }
    }
    let none = verdict_letter(None, scale);
    counts.sort_by_key(|(l, n)| (*l == none, std::cmp::Reverse(*n), order(l)));
    let mut shown = String::new();
    for (k, (l, n)) in counts.iter().enumerate() {
        let part = format!("{}{n}{l}", if k == 0 { "" } else { " " });
        let more = k + 1 < counts.len();
        let room = OTHERS_COUNTED - usize::from(more);
        if crate::width::of(&shown) + crate::width::of(&part) > room {
            shown.push('…');
            break;
        }
        shown.push_str(&part);
    }
    let pad = OTHERS_COUNTED.saturating_sub(crate::width::of(&shown));
    format!("{shown}{}", " ".repeat(pad))
}

/// The others' column's heading: each one's initial, or `others` over the counts.
pub fn others_heading(others: &[&str]) -> String {
    if others.len() <= OTHERS_AS_LETTERS {
        return others.iter().map(|n| initial(n)).collect();
    }
    format!("{:<OTHERS_COUNTED$}", "others")
}

/// A reviewer's initial, for a column's heading.
pub fn initial(name: &str) -> char {
    name.chars().next().unwrap_or(' ')
}

/// The detail's window on `total` body lines in `rows` rows: the first line shown and how
/// many. Longer than the rows, one row goes to the line that says where the window is.
pub fn detail_window(
    rv: &crate::app::state::ReviewState,
    id: &str,
    total: usize,
    rows: usize,
) -> (usize, usize) {
    if total <= rows {
        return (0, total);
    }
    let shown = rows.saturating_sub(1).max(1);
    let top = match &rv.detail_top {
        Some((at, top)) if at.as_str() == id => *top,
        _ => 0,
    };
    (top.min(total - shown), shown)
}

/// How a line of the item's detail is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Ordinary text.
    Plain,
    /// Labels and asides, in less weight.
    Dim,
    /// A reviewer's name.
    Reviewer,
    /// The item's figures, styled as figures are.
    Figures,
}

/// One line of the item's detail, in parts.
pub type DetailLine = Vec<(String, Tone)>;

/// Columns a note's lines are indented under its reviewer.
const NOTE_INDENT: usize = 2;

/// A review's verdicts per actor and its evidence, under its verdict and note: one line
/// per actor (`France: K kept`), one per piece of evidence (`▸ 2016-03-01 b.txt "…"`).
fn review_extras(
    review: &crate::workspace::Review,
    (scale, as_of): (&Scale, &AsOf),
    width: usize,
    out: &mut Vec<DetailLine>,
) {
    let pad = " ".repeat(NOTE_INDENT);
    for (actor, v) in review.actors.iter() {
        out.push(vec![
            (
                format!("{pad}{}: ", crate::safe_text::sanitize(actor)),
                Tone::Dim,
            ),
            (
                format!(
                    "{} {}",
                    verdict_letter(Some(v), scale),
                    crate::safe_text::sanitize(scale.label(v))
                ),
                Tone::Plain,
            ),
        ]);
    }
    for e in &review.evidence {
        let date = e.date.as_deref().unwrap_or("undated");
        let later = as_of.evidence_note(e);
        out.push(vec![(
            format!(
                "{pad}{} {} {}{later}",
                crate::app::marks::EVIDENCE,
                crate::safe_text::sanitize(date),
                crate::safe_text::sanitize(e.origin())
            ),
            Tone::Dim,
        )]);
        wrapped(
            &crate::safe_text::quote(e.quote()),
            width,
            NOTE_INDENT * 2,
            Tone::Plain,
            out,
        );
    }
}

/// `text` (any line breaks in it kept) sanitized and wrapped to `width` columns, each line
/// after `indent` spaces.
fn wrapped(text: &str, width: usize, indent: usize, tone: Tone, out: &mut Vec<DetailLine>) {
    if text.is_empty() {
        return;
    }
    let room = width.saturating_sub(indent).max(1);
    for line in crate::safe_text::safe_lines(text) {
        for part in crate::app::wrap::wrap(&line, room) {
            let shown = line[part.start..part.end].trim_end();
            out.push(vec![(format!("{:indent$}{shown}", ""), tone)]);
        }
    }
}

/// The selected item's detail below its title line: its whole quote, figures, each
/// reviewer's verdict with the whole note under it (the pair first, then everyone else who
/// reviews here, by name), and where the pair stands with the
/// reconciled verdict's note; wrapped to `width`. Longer than its rows, it scrolls
/// (`detail_top`): the same lines for `update`, which bounds the scroll, and for `draw`.
pub fn detail_body(
    state: &crate::app::State,
    item: &Item,
    orphaned: bool,
    width: usize,
) -> Vec<DetailLine> {
    let Some(rv) = state.review.as_ref() else {
        return Vec::new();
    };
    let (a, b) = (rv.pair.0.as_str(), rv.pair.1.as_str());
    let mut lines = Vec::new();
    let orphan = if orphaned {
        format!("{} orphaned: ", crate::app::marks::ORPHAN)
    } else {
        String::new()
    };
    wrapped(
        &format!("{orphan}“{}”", crate::safe_text::quote(&item.anchor.exact)),
        width,
        0,
        Tone::Plain,
        &mut lines,
    );
    let figures = match item.figures.is_empty() {
        true => "none".to_string(),
        false => item
            .figures
            .iter()
            .map(|f| crate::safe_text::quote(f))
            .collect::<Vec<_>>()
            .join(", "),
    };
    lines.push(vec![
        ("figures ".to_string(), Tone::Dim),
        (figures, Tone::Figures),
    ]);
    if let Some(actor) = rv.actor_of_selected() {
        lines.push(vec![
            ("my verdict keys rate ".to_string(), Tone::Dim),
            (crate::safe_text::sanitize(actor), Tone::Reviewer),
            (
                match state.keymap.keys_for(
                    crate::keymap::Context::Checklist,
                    crate::keymap::Action::NextActor,
                ) {
                    Some(k) => format!(" alone ({k}: the next actor)"),
                    None => " alone".to_string(),
                },
                Tone::Dim,
            ),
        ]);
    }
    let hidden = partner_hidden(rv, item);
    let as_of = state.as_of();
    // Who sits where: me, my partner, then everyone else who reviews here, by name.
    #[derive(PartialEq)]
    enum Seat {
        Me,
        Partner,
        Other,
    }
    let pair = [(a, Seat::Me), (b, Seat::Partner)];
    let others = others(rv).map(|who| (who, Seat::Other));
    for (who, seat) in pair.into_iter().chain(others) {
        if who.is_empty() {
            lines.push(vec![("(no second reviewer yet)".to_string(), Tone::Dim)]);
            continue;
        }
        let head = (
            format!("{:<8} ", crate::safe_text::sanitize(who)),
            Tone::Reviewer,
        );
        let review = item.reviews.get(who);
        let (body, note) = match review {
            _ if hidden && seat == Seat::Partner => (
                "◌ hidden until you give your verdict (blind mode)".to_string(),
                "",
            ),
            _ if hidden && seat == Seat::Other => ("◌ hidden (blind mode)".to_string(), ""),
            None => ("· not rated".to_string(), ""),
            Some(x) => {
                let stale = match x.stale {
                    true => " (stale: the words changed)",
                    false => "",
                };
                let letter = verdict_letter(Some(x.verdict), &rv.ws.scale);
                (
                    format!(
                        "{letter} {}{stale}",
                        crate::safe_text::sanitize(rv.ws.scale.label(x.verdict))
                    ),
                    x.note.as_str(),
                )
            }
        };
        lines.push(vec![head, (body, Tone::Plain)]);
        wrapped(note.trim_end(), width, NOTE_INDENT, Tone::Plain, &mut lines);
        if let Some(x) = review.filter(|_| seat == Seat::Me || !hidden) {
            review_extras(x, (&rv.ws.scale, &as_of), width, &mut lines);
        }
    }
    let pair = crate::review::item_agreement(item, a, b);
    // With three reviewers or more the pair may agree while others differ, or reviewers
    // may differ on an actor: still to settle.
    let in_dispute = crate::review::actors_in_dispute(item);
    let others_differ = pair != ItemAgreement::Disagreed
        && is_disagreement(
            pair,
            &crate::review::reliability::counts_of(item, &rv.ws.scale),
            !in_dispute.is_empty(),
        );
    let key_for = |action: crate::keymap::Action| {
        state
            .keymap
            .keys_for(crate::keymap::Context::Checklist, action)
            .unwrap_or_else(|| action.name().to_string())
    };
    let reconcile_key = || key_for(crate::keymap::Action::Reconcile);
    let standing = match (&item.reconciled, pair) {
        _ if hidden => None,
        (Some(x), _) => {
            let by = crate::safe_text::sanitize(&x.by);
            lines.push(vec![(
                format!("R reconciled: {} by {by}", x.verdict.name()),
                Tone::Dim,
            )]);
            wrapped(
                x.note.trim_end(),
                width,
                NOTE_INDENT,
                Tone::Plain,
                &mut lines,
            );
            None
        }
        (None, ItemAgreement::Disagreed) => Some(format!(
            "≠ they disagree: {} then a verdict key records the pair's verdict",
            reconcile_key()
        )),
        (None, _) if others_differ && !in_dispute.is_empty() => {
            let names: Vec<String> = in_dispute
                .iter()
                .map(|a| crate::safe_text::sanitize(a))
                .collect();
            Some(format!(
                "≠ they differ on {}: {} to the actor, then {} and a verdict key settles it",
                names.join(", "),
                key_for(crate::keymap::Action::NextActor),
                reconcile_key()
            ))
        }
        (None, _) if others_differ => Some(format!(
            "≠ the verdicts differ: {} then a verdict key records the pair's verdict",
            reconcile_key()
        )),
        (None, ItemAgreement::Agreed) => Some("= they agree".to_string()),
        (None, ItemAgreement::One) => Some("1 one verdict so far".to_string()),
        (None, _) => None,
    };
    if let Some(s) = standing {
        lines.push(vec![(s, Tone::Dim)]);
    }
    // The actors the pair settled one by one.
    for (actor, x) in item.reconciled_actors.iter().filter(|_| !hidden) {
        let scale = &rv.ws.scale;
        lines.push(vec![(
            format!(
                "R reconciled {}: {} {} by {}",
                crate::safe_text::sanitize(actor),
                verdict_letter(Some(x.verdict), scale),
                crate::safe_text::sanitize(scale.label(x.verdict)),
                crate::safe_text::sanitize(&x.by)
            ),
            Tone::Dim,
        )]);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::{Anchor, Origin};

    fn item(verdicts: &[(&str, Verdict)]) -> Item {
        let anchor = Anchor {
            exact: "q".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            end: 1,
            doc_hash: "h".into(),
        };
        let mut item = Item::new("a.txt", Origin::Extracted, anchor);
        for (who, v) in verdicts {
            item.set_review(who, *v, String::new(), "2026-12-07T00:00:00Z".into());
        }
        item
    }

    #[test]
    fn the_others_get_a_letter_each_in_name_order_or_hidden() {
        let it = item(&[
            ("cy", Verdict::KEPT),
            ("dee", Verdict::PENDING),
            ("fay", Verdict::BROKEN),
        ]);
        let others = ["cy", "dee", "eve", "fay"];
        assert_eq!(
            others_column(&it, &others, false, &Scale::default()),
            "K?·B"
        );
        assert_eq!(others_column(&it, &others, true, &Scale::default()), "◌◌◌◌");
        assert_eq!(others_heading(&others), "cdef");
        assert_eq!(others_column(&it, &[], false, &Scale::default()), "");
    }

    #[test]
    fn many_others_are_counted_most_given_first_in_one_width() {
        let names: Vec<String> = (1..=9).map(|k| format!("r{k}")).collect();
        let others: Vec<&str> = names.iter().map(String::as_str).collect();
        let it = item(&[
            ("r1", Verdict::BROKEN),
            ("r2", Verdict::KEPT),
            ("r3", Verdict::KEPT),
            ("r4", Verdict::KEPT),
            ("r5", Verdict::BROKEN),
        ]);
        // Verdict::KEPT 3, broken 2, four not rated.
        assert_eq!(
            others_column(&it, &others, false, &Scale::default()),
            "3K 2B 4· "
        );
        let every = item(&[
            ("r1", Verdict::BROKEN),
            ("r2", Verdict::KEPT),
            ("r3", Verdict::PARTIAL),
            ("r4", Verdict::STALLED),
            ("r5", Verdict::IN_PROGRESS),
        ]);
        let shown = others_column(&every, &others, false, &Scale::default());
        // Ties in the scale's order: broken, stalled, in progress…
        assert_eq!(shown, "1B 1S 1I…");
        assert_eq!(
            others_column(&item(&[]), &others, false, &Scale::default()),
            "9·       "
        );
        assert_eq!(
            others_column(&it, &others, true, &Scale::default()),
            "◌        "
        );
        assert_eq!(others_heading(&others), "others   ");
        for s in [shown, others_heading(&others)] {
            assert_eq!(crate::width::of(&s), OTHERS_COUNTED, "{s:?}");
        }
    }
}
