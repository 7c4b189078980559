//! A finder query, run the way the finder's worker runs it: the search engine's best hits,
//! made into rows ready to draw. Tests call it too, in place of the worker thread.

use super::msg::Msg;
use super::state::FinderHit;
use crate::search::snippet::snippet;
use crate::search::{Index, Kind, Query, Searcher, fold_identical};

/// Characters of a row's sentence kept for drawing.
const SNIPPET_CHARS: usize = 240;
/// Rows computed per query.
const HITS: usize = 200;

/// Runs `text` (with the `#`, `@`, `!`, `^` prefixes) and returns the results message.
pub fn run(index: &Index, searcher: &mut Searcher, generation: u64, text: &str) -> Msg {
    let query = Query::parse(text, None);
    let results = searcher.search(index, &query, HITS);
    let hits = fold_identical(index, &results.hits)
        .into_iter()
        .map(|(first, count)| {
            let hit = &results.hits[first];
            let e = &index.entries()[hit.entry as usize];
            let doc = index.document(e.doc);
            // A figure or date is shown in its sentence.
            let span = match e.kind {
                Kind::Figure | Kind::Date => e.context,
                _ => (e.start, e.end),
            };
            FinderHit {
                kind: e.kind,
                doc: e.doc as usize,
                start: e.start as usize,
                end: e.end as usize,
                segments: snippet(&doc.text, span, &hit.matched, SNIPPET_CHARS),
                matched: hit.matched.clone(),
                count,
            }
        })
        .collect();
    Msg::FinderResults {
        generation,
        hits,
        total: results.total,
        complete: results.complete,
    }
}

/// Passages of later documents that may show what became of `item` (`search::suggest`),
/// as finder rows: the shared words, figures and dates marked. `None` when the item is
/// not where the workspace placed it in the indexed corpus.
pub fn suggested(
    index: &Index,
    passages: &crate::search::suggest::Passages,
    item: &crate::workspace::Item,
) -> Option<Vec<FinderHit>> {
    let promise = crate::review::evidence::promise_of(index, item)?;
    let found = passages.suggest(index, &promise, HITS);
    Some(
        found
            .into_iter()
            .map(|s| {
                let e = &index.entries()[s.entry as usize];
                let doc = index.document(s.doc);
                let mut matched: Vec<(u32, u32)> = s
                    .why
                    .matched
                    .iter()
                    .chain(&s.why.figures)
                    .chain(&s.why.dates)
                    .copied()
                    .collect();
                matched.sort_unstable();
                FinderHit {
                    kind: e.kind,
                    doc: s.doc as usize,
                    start: s.start as usize,
                    end: s.end as usize,
                    segments: snippet(&doc.text, (s.start, s.end), &matched, SNIPPET_CHARS),
                    matched,
                    count: 1,
                }
            })
            .collect(),
    )
}
