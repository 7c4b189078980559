//! The checklist's rows: each item's place in the file and the verdicts the pane shows,
//! kept between keys. Every pass over a 50,000-item workspace costs milliseconds (its items
//! lie all over memory), so a filter switch works from these rows alone, and a verdict
//! brings only its own row up to date.

use std::collections::{BTreeSet, HashMap};

use crate::app::state::ChecklistFilter;
use crate::review::{Agreement, ItemAgreement, rated_agreement, rated_figures};
use crate::workspace::{FileKey, Item, Short, Verdict, Workspace};

/// What the checklist needs of every item, in file order, for two reviewers and the
/// active one.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    rows: Vec<Row>,
    /// The pair and the active reviewer the rows were made for.
    names: Option<(String, String, String)>,
    /// Items changed since the rows were last brought up to date.
    touched: Vec<Short>,
    /// The whole workspace was replaced since.
    stale: bool,
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
}

/// A reviewer's verdict, `pending` as not given.
fn rated(item: &Item, who: &str) -> Option<Verdict> {
    item.reviews
        .get(who)
        .map(|r| r.verdict)
        .filter(|v| *v != Verdict::Pending)
}

impl Row {
    fn of(id: &Short, item: &Item, (a, b, me): (&str, &str, &str)) -> Row {
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
        }
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
            && same_names
            && self.rows.len() == ws.items.len()
            && touched.iter().all(|id| self.remake(ws, id, names));
        if !in_place {
            self.rows = Self::make(ws, names);
            self.names = Some((a.into(), b.into(), me.into()));
            self.stale = false;
        }
        debug_assert_eq!(
            self.rows,
            Self::make(ws, names),
            "an item changed untouched"
        );
    }

    fn make(ws: &Workspace, names: (&str, &str, &str)) -> Vec<Row> {
        ws.ordered()
            .into_iter()
            .map(|(id, item)| Row::of(id, item, names))
            .collect()
    }

    /// Makes one item's row again; `false` when it has none (it is new, or moved).
    fn remake(&mut self, ws: &Workspace, id: &Short, names: (&str, &str, &str)) -> bool {
        let Some(item) = ws.items.get(id) else {
            return false;
        };
        let row = Row::of(id, item, names);
        match self.rows.binary_search_by(|r| r.key.cmp(&row.key)) {
            Ok(at) => {
                self.rows[at] = row;
                true
            }
            Err(_) => false,
        }
    }

    /// Agreement over every item.
    pub fn figures(&self) -> Agreement {
        rated_figures(self.rows.iter().map(|r| (r.a, r.b, r.reconciled)))
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

    /// The ids a filter shows, in file order; with `doc`, that document's only.
    pub fn shown(
        &self,
        filter: ChecklistFilter,
        orphaned: &BTreeSet<Short>,
        doc: Option<&str>,
    ) -> Vec<Short> {
        self.rows
            .iter()
            .filter(|r| doc.is_none_or(|d| r.key.doc == d))
            .filter(|r| match filter {
                ChecklistFilter::All => true,
                ChecklistFilter::Mine => r.mine.is_none(),
                ChecklistFilter::Disagreements => {
                    rated_agreement(r.a, r.b, r.reconciled) == ItemAgreement::Disagreed
                }
                ChecklistFilter::Orphaned => orphaned.contains(&r.key.id),
                // As `cordiale checklist --filter VERDICT`: either reviewer's, or the pair's.
                ChecklistFilter::Verdict(v) => r.given.contains(&Some(v)),
            })
            .map(|r| r.key.id.clone())
            .collect()
    }
}
