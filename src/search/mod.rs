//! The finder's engine: one ranked list over a corpus's figures, dates, commitments,
//! sentences and document titles, for `cordiale find` and the finder pane alike.
//!
//! A query is read twice: as fuzzy text and, where it spells one, as a value (`10m`,
//! `aug 2015`). Value hits rank first, then fuzzy hits by score; ties keep the index order
//! (newest document first, then position), so the same query always gives the same list.
//!
//! The same index serves [`suggest`]: passages of later documents that speak of a
//! commitment, for a reviewer looking for evidence.

pub mod cache;
pub mod digests;
pub mod fuzzy;
pub mod index;
pub mod mapped;
pub mod query;
pub mod snippet;
pub mod suggest;
pub mod terms;
pub mod value;

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::{Mutex, MutexGuard};

use rayon::prelude::*;

use fuzzy::{Scorer, Term};
pub use index::{DocInfo, Entry, Index};
pub use query::{Kind, Kinds, Query};
use value::ValueMatch;

/// Why an entry is a hit; better tiers rank first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// The text matched the query's terms.
    Fuzzy,
    /// The query's number lies inside the entry's range.
    InRange,
    /// The entry's value is the query's value, or lies inside the query's period.
    Value,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Index::entries`].
    pub entry: u32,
    /// Why the entry is a hit: ranks before `score`.
    pub tier: Tier,
    /// How well it matched, within its tier: higher is better.
    pub score: i64,
    /// What matched, as byte ranges of the document (for highlighting).
    pub matched: Vec<(u32, u32)>,
}

/// The best hits, in rank order, and how many entries matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    /// The best hits, best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// How many entries matched; a lower bound when `complete` is false.
    pub total: usize,
    /// False when the search stopped as soon as the best hits were certain, before
    /// counting every match (the finder pane's per-keystroke mode).
    pub complete: bool,
}

/// An entry and its rank key, before positions are worked out.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    entry: u32,
    tier: Tier,
    score: i64,
}

impl Ranked {
    fn key(&self) -> (std::cmp::Reverse<Tier>, std::cmp::Reverse<i64>, u32) {
        (
            std::cmp::Reverse(self.tier),
            std::cmp::Reverse(self.score),
            self.entry,
        )
    }
}

/// Entries per parallel work item: small enough to spread, big enough to amortize.
const CHUNK: usize = 1024;

/// Entries a scan has still to visit, in index order: candidates handed over by an earlier
/// scan (`reused`, from `next` on), then every entry from `fresh_from` on.
#[derive(Debug, Default, Clone)]
struct Pending {
    reused: Vec<u32>,
    next: usize,
    fresh_from: u32,
}

impl Pending {
    fn is_empty(&self, len: u32) -> bool {
        self.next >= self.reused.len() && self.fresh_from >= len
    }

    /// The next `size` candidates, or `None` when none are left.
    fn take(&mut self, size: usize, len: u32) -> Option<Vec<u32>> {
        if self.next < self.reused.len() {
            let end = (self.next + size).min(self.reused.len());
            let block = self.reused[self.next..end].to_vec();
            self.next = end;
            Some(block)
        } else if self.fresh_from < len {
            let end = self.fresh_from.saturating_add(size as u32).min(len);
            let block = (self.fresh_from..end).collect();
            self.fresh_from = end;
            Some(block)
        } else {
            None
        }
    }
}

/// A scan's state: the matches among the candidates visited so far (in index order), and
/// the candidates not yet visited. The query's matches are `matched` plus whatever matches
/// among `pending`.
#[derive(Debug, Default)]
struct Scan {
    matched: Vec<u32>,
    /// Candidates visited but not checked, because they could not reach the best hits.
    deferred: Vec<u32>,
    pending: Pending,
}

/// The union of two ascending id lists, ascending.
fn merge(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

impl Scan {
    /// The candidates for a query that extends this scan's query: every match of the new
    /// query is among them, in index order.
    fn narrowed(&self) -> Pending {
        let mut reused = merge(&self.matched, &self.deferred);
        reused.extend_from_slice(&self.pending.reused[self.pending.next..]);
        Pending {
            reused,
            next: 0,
            fresh_from: self.pending.fresh_from,
        }
    }
}

/// One [`Scorer`] per worker thread, kept across blocks and queries so each remembers the
/// windows it has scored (the memo is bounded; see [`Scorer::trim`]).
struct Scorers(Vec<Mutex<Scorer>>);

impl Default for Scorers {
    fn default() -> Self {
        let n = rayon::current_num_threads() + 1;
        Scorers((0..n).map(|_| Mutex::new(Scorer::default())).collect())
    }
}

impl Scorers {
    /// The calling thread's scorer (threads outside the pool share the last one).
    fn get(&self) -> MutexGuard<'_, Scorer> {
        let i = rayon::current_thread_index().map_or(self.0.len() - 1, |i| i.min(self.0.len() - 1));
        self.0[i]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn trim(&self) {
        for s in &self.0 {
            s.lock().unwrap_or_else(|p| p.into_inner()).trim();
        }
    }
}

/// Runs queries against one index as the user types.
///
/// A scan stops as soon as the best `limit` hits are certain, so the count it reports may
/// be a lower bound; [`Searcher::finish`] completes it (the finder pane calls it while the
/// user pauses). A query that extends the previous one (one more character, one more term)
/// only looks at the previous matches and at the candidates the previous scan had not
/// visited.
#[derive(Default)]
pub struct Searcher {
    last: Option<(Query, Scan)>,
    scorers: Scorers,
}

impl Searcher {
    /// The best `limit` hits of `query`; narrows the last search's when `query` extends it.
    pub fn search(&mut self, index: &Index, query: &Query, limit: usize) -> Results {
        let pending = match &self.last {
            Some((old, scan)) if extends(query, old) => scan.narrowed(),
            _ => Pending::default(),
        };
        self.scorers.trim();
        let (results, scan) = run(index, query, limit, pending, false, &self.scorers);
        self.last = Some((query.clone(), scan));
        results
    }

    /// Visits every candidate the last search left unvisited, so the next keystroke narrows
    /// from an exact set; returns the exact number of fuzzy matches (value hits aside).
    /// Stops early, leaving the rest for later, when `stop` returns true between blocks
    /// (a key arrived).
    pub fn finish(&mut self, index: &Index, stop: &dyn Fn() -> bool) -> Option<usize> {
        let (query, scan) = self.last.as_mut()?;
        let len = index.entries().len() as u32;
        if !scan.deferred.is_empty() {
            let kept = filter_block(index, query, &scan.deferred, &self.scorers);
            scan.matched = merge(&scan.matched, &kept);
            scan.deferred.clear();
            if stop() {
                return None;
            }
        }
        while let Some(block) = scan.pending.take(FINISH_BLOCK, len) {
            let kept = filter_block(index, query, &block, &self.scorers);
            scan.matched.extend(kept);
            if stop() && !scan.pending.is_empty(len) {
                return None;
            }
        }
        Some(scan.matched.len())
    }
}

/// Searches the whole index and counts every match (the command line's mode).
pub fn search(index: &Index, query: &Query, limit: usize) -> Results {
    run(
        index,
        query,
        limit,
        Pending::default(),
        true,
        &Scorers::default(),
    )
    .0
}

/// True when every fuzzy match of `query` is also one of `previous`: same kinds, the same
/// terms with the last one possibly longer, and possibly more terms; and figures and dates
/// left out of the fuzzy matches before (see [`by_value_only`]) are left out still.
fn extends(query: &Query, previous: &Query) -> bool {
    let (new, old) = (&query.terms, &previous.terms);
    query.kinds == previous.kinds
        && (previous.values.is_empty() || !query.values.is_empty())
        && !old.is_empty()
        && new.len() >= old.len()
        && old[..old.len() - 1] == new[..old.len() - 1]
        && new[old.len() - 1].extends(&old[old.len() - 1])
}

/// True when an entry can only be a hit through its value: a figure or date, when the
/// query spells a value. Its own words are then not matched as text, or `500` would find
/// `(2005-2008)` and `@2016` the dates of 2015 in a sentence that names 2016 (the query's
/// other words still match around a value hit: `#10m calais`).
fn by_value_only(query: &Query, e: &Entry) -> bool {
    !query.values.is_empty() && matches!(e.kind, Kind::Figure | Kind::Date)
}

/// The text a fuzzy term is matched against: the entry's own words, never the sentence
/// around it, so a kind prefix keeps only items whose own text matches.
fn haystack(index: &Index, id: u32) -> (&str, u64, u32) {
    let e = &index.entries()[id as usize];
    (index.text(e), e.masks.mask, e.start)
}

fn all_terms_score(scorer: &mut Scorer, text: &str, mask: u64, terms: &[Term]) -> Option<i64> {
    let mut total = 0;
    for t in terms {
        total += scorer.score_term(text, mask, t)?;
    }
    Some(total)
}

/// Candidates in the first block of a scan; blocks then double, up to [`MAX_BLOCK`]. Small
/// first blocks let a scan stop early; big later ones keep the parallel overhead low.
const FIRST_BLOCK: usize = 2 * CHUNK;
const MAX_BLOCK: usize = 32 * CHUNK;
/// Candidates [`Searcher::finish`] checks between two looks at its `stop` signal: a few
/// milliseconds of work on a million lines, so a key pressed meanwhile waits no longer.
const FINISH_BLOCK: usize = 4 * CHUNK;

/// True when the entry's kind is wanted and its masks hold every letter the terms need:
/// the first filter, which reads only the packed array.
fn possible(index: &Index, query: &Query, needed: u64, id: u32) -> bool {
    let e = &index.entries()[id as usize];
    query.kinds.contains(e.kind) && !by_value_only(query, e) && needed & !e.masks.mask == 0
}

/// What each term of a query can score at best, with its first character at a word start
/// or not: an entry's bound then follows from its word-initial mask, without reading its
/// text. A bound must never be below a real score (tested), or a better hit could be
/// deferred.
struct Bounds(Vec<(u64, i64, i64)>);

impl Bounds {
    fn new(terms: &[Term], scorer: &mut Scorer) -> Bounds {
        Bounds(
            terms
                .iter()
                .map(|t| {
                    let inside = scorer.best_possible_inside_word(t);
                    (t.initial_bit(), scorer.best_possible(t), inside)
                })
                .collect(),
        )
    }

    fn of(&self, index: &Index, id: u32) -> i64 {
        let initials = index.entries()[id as usize].masks.initials;
        self.0
            .iter()
            .map(|&(bit, start, inside)| {
                if bit == 0 || initials & bit != 0 {
                    start
                } else {
                    inside.min(start)
                }
            })
            .fold(0, i64::saturating_add)
    }
}

/// Candidates whose texts [`warm`] requests together.
const WARM_GROUP: usize = 64;

/// Reads a byte of every line of each candidate's text before any is matched. A narrowed
/// query's candidates are scattered over the corpus, so each read misses the cache; issued
/// together, the misses overlap instead of waiting in turn.
fn warm(index: &Index, ids: &[u32]) {
    let mut touched = 0u8;
    for &id in ids {
        let e = &index.entries()[id as usize];
        let (start, end) = (e.start, e.end);
        let bytes = index.document(e.doc).text.as_bytes();
        // Every line of the span: slicing it checks both ends, and the scan reads it all.
        for at in (start as usize..end as usize)
            .step_by(64)
            .chain([end as usize])
        {
            touched ^= bytes.get(at).copied().unwrap_or(0);
        }
    }
    std::hint::black_box(touched);
}

/// The entries of `block` in which every term has a compact match, unscored.
fn filter_block(index: &Index, query: &Query, block: &[u32], scorers: &Scorers) -> Vec<u32> {
    let needed: u64 = query.terms.iter().fold(0, |m, t| m | t.mask());
    block
        .par_chunks(CHUNK)
        .map(|chunk| {
            let scorer = &mut *scorers.get();
            let mut kept = Vec::new();
            let mut group: Vec<u32> = Vec::with_capacity(WARM_GROUP);
            for ids in chunk.chunks(WARM_GROUP) {
                group.clear();
                group.extend(
                    ids.iter()
                        .copied()
                        .filter(|&id| possible(index, query, needed, id)),
                );
                warm(index, &group);
                for &id in &group {
                    let (text, mask, _) = haystack(index, id);
                    if query.terms.iter().all(|t| scorer.contains(text, mask, t)) {
                        kept.push(id);
                    }
                }
            }
            kept
        })
        .flatten_iter()
        .collect()
}

/// Ranks the entries that match `query`.
///
/// Entries are visited in index order, block by block, and scored until `limit` of them
/// reach the best score any match could have (a contiguous match at a word start): later
/// entries could at most tie, and ties go to the earlier entry, so the top of the list is
/// exact. In `exhaustive` mode the remaining blocks are still filtered (not scored) so the
/// count is exact; otherwise the scan stops there.
fn run(
    index: &Index,
    query: &Query,
    limit: usize,
    mut pending: Pending,
    exhaustive: bool,
    scorers: &Scorers,
) -> (Results, Scan) {
    let entries = index.entries();
    let len = entries.len() as u32;
    let valued = value_hits(index, query, scorers);
    let mut ceiling_scorer = Scorer::default();
    let ceiling: i64 = query
        .terms
        .iter()
        .map(|t| ceiling_scorer.best_possible(t))
        .fold(0, i64::saturating_add);
    let mut valued_ids: Vec<u32> = valued.iter().map(|r| r.entry).collect();
    valued_ids.sort_unstable();
    let is_valued = |id: u32| valued_ids.binary_search(&id).is_ok();
    // Value hits rank first: the fuzzy list only fills the places they leave.
    let wanted = limit - limit.min(valued.len());
    let needed: u64 = query.terms.iter().fold(0, |m, t| m | t.mask());

    let bounds = Bounds::new(&query.terms, &mut ceiling_scorer);
    let bound = |id: u32| bounds.of(index, id);

    let mut scan = Scan::default();
    let mut fuzzy: Vec<Ranked> = Vec::new();
    // The `wanted` best fuzzy scores so far (a min-heap): an entry whose bound does not beat
    // the worst of them cannot make the list, so it is deferred unread.
    let mut best: BinaryHeap<Reverse<i64>> = BinaryHeap::new();
    let mut certain = wanted == 0;
    let mut size = FIRST_BLOCK;
    while !certain || exhaustive {
        let Some(block) = pending.take(size, len) else {
            break;
        };
        size = (size * 2).min(MAX_BLOCK);
        if certain {
            scan.matched
                .extend(filter_block(index, query, &block, scorers));
            continue;
        }
        let threshold = if best.len() >= wanted {
            best.peek().map_or(i64::MIN, |r| r.0)
        } else {
            i64::MIN
        };
        let visited: Vec<(u32, Option<i64>)> = block
            .par_chunks(CHUNK)
            .map(|chunk| {
                let scorer = &mut *scorers.get();
                let mut out = Vec::new();
                let mut group: Vec<u32> = Vec::with_capacity(WARM_GROUP);
                for ids in chunk.chunks(WARM_GROUP) {
                    group.clear();
                    for &id in ids {
                        if !possible(index, query, needed, id) {
                            continue;
                        }
                        if threshold > i64::MIN && bound(id) <= threshold {
                            out.push((id, None));
                            continue;
                        }
                        group.push(id);
                    }
                    warm(index, &group);
                    for &id in &group {
                        let (text, mask, _) = haystack(index, id);
                        if let Some(score) = all_terms_score(scorer, text, mask, &query.terms) {
                            out.push((id, Some(score)));
                        }
                    }
                }
                out
            })
            .flatten_iter()
            .collect();
        for (id, score) in visited {
            match score {
                None => scan.deferred.push(id),
                Some(score) => {
                    scan.matched.push(id);
                    fuzzy.push(Ranked {
                        entry: id,
                        tier: Tier::Fuzzy,
                        score,
                    });
                    if !is_valued(id) && wanted > 0 {
                        if best.len() < wanted {
                            best.push(Reverse(score));
                        } else if best.peek().is_some_and(|w| score > w.0) {
                            best.pop();
                            best.push(Reverse(score));
                        }
                    }
                }
            }
        }
        // Nothing left can beat the list once its worst score is the best possible.
        certain = best.len() >= wanted && best.peek().is_some_and(|w| w.0 >= ceiling);
    }
    if exhaustive && !scan.deferred.is_empty() {
        let kept = filter_block(index, query, &scan.deferred, scorers);
        scan.matched = merge(&scan.matched, &kept);
        scan.deferred.clear();
    }
    let complete = pending.is_empty(len) && scan.deferred.is_empty();
    scan.pending = pending;

    let overlap = valued
        .iter()
        .filter(|r| scan.matched.binary_search(&r.entry).is_ok())
        .count();
    let total = valued.len() + scan.matched.len() - overlap;
    let mut ranked = valued;
    ranked.extend(fuzzy.into_iter().filter(|r| !is_valued(r.entry)));
    if ranked.len() > limit && limit > 0 {
        ranked.select_nth_unstable_by_key(limit - 1, Ranked::key);
    }
    ranked.truncate(limit);
    ranked.sort_unstable_by_key(Ranked::key);
    let mut scorer = Scorer::default();
    let hits = ranked
        .iter()
        .map(|r| Hit {
            entry: r.entry,
            tier: r.tier,
            score: r.score,
            matched: matched_ranges(index, r.entry, r.tier, query, &mut scorer),
        })
        .collect();
    (
        Results {
            hits,
            total,
            complete,
        },
        scan,
    )
}

/// Hits that would read the same, folded: the same kind, text and document, in the same
/// sentence (seven mentions of "2016" in one paragraph of one report are one row). Each
/// group is named by its best-ranked hit and counts its hits, in rank order.
pub fn fold_identical(index: &Index, hits: &[Hit]) -> Vec<(usize, usize)> {
    use std::collections::HashMap;
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut seen: HashMap<(Kind, u32, &str, &str), usize> = HashMap::new();
    for (i, hit) in hits.iter().enumerate() {
        let e = &index.entries()[hit.entry as usize];
        let key = (e.kind, e.doc, index.text(e), index.context_text(e));
        match seen.get(&key) {
            Some(&g) => groups[g].1 += 1,
            None => {
                seen.insert(key, groups.len());
                groups.push((i, 1));
            }
        }
    }
    groups
}

/// Entries whose value answers the query, with the query's other terms matched around them.
fn value_hits(index: &Index, query: &Query, scorers: &Scorers) -> Vec<Ranked> {
    if query.values.is_empty() {
        return Vec::new();
    }
    let entries = index.entries();
    let commitments_only = query.kinds == Kinds::only(Kind::Commitment);
    let mut candidates: Vec<u32> = query
        .values
        .iter()
        .flat_map(|q| index.value_candidates(q))
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates
        .par_chunks(CHUNK)
        .map(|chunk| {
            let scorer = &mut *scorers.get();
            let mut out = Vec::new();
            for &id in chunk {
                let e = &entries[id as usize];
                let eligible = match e.kind {
                    Kind::Figure | Kind::Date => query.kinds.contains(e.kind),
                    Kind::Commitment => commitments_only,
                    _ => false,
                };
                if !eligible || e.values.0 == e.values.1 {
                    continue;
                }
                let best = index
                    .values(e)
                    .iter()
                    .flat_map(|v| query.values.iter().filter_map(|q| q.matches(v)))
                    .max();
                let Some(best) = best else { continue };
                let (context, context_mask) = if e.kind == Kind::Commitment {
                    (index.text(e), e.masks.mask)
                } else {
                    (index.context_text(e), e.masks.context_mask)
                };
                let Some(rest_score) = all_terms_score(scorer, context, context_mask, &query.rest)
                else {
                    continue;
                };
                // Among equal values, the entry whose own words look most like the query.
                let own = all_terms_score(scorer, index.text(e), e.masks.mask, &query.terms);
                out.push(Ranked {
                    entry: id,
                    tier: match best {
                        ValueMatch::Exact => Tier::Value,
                        ValueMatch::InRange => Tier::InRange,
                    },
                    score: rest_score + own.unwrap_or(0),
                });
            }
            out
        })
        .flatten_iter()
        .collect()
}

/// The byte ranges to highlight for a hit.
fn matched_ranges(
    index: &Index,
    id: u32,
    tier: Tier,
    query: &Query,
    scorer: &mut Scorer,
) -> Vec<(u32, u32)> {
    let e = &index.entries()[id as usize];
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    // Text hits mark their terms; value hits mark the value and the other terms around it.
    let (text, mask, base, terms) = if tier == Tier::Fuzzy {
        let (text, mask, base) = haystack(index, id);
        (text, mask, base, &query.terms)
    } else if e.kind == Kind::Commitment {
        (index.text(e), e.masks.mask, e.start, &query.rest)
    } else {
        ranges.push((e.start, e.end));
        (
            index.context_text(e),
            e.masks.context_mask,
            e.context.0,
            &query.rest,
        )
    };
    let mut positions: Vec<u32> = Vec::new();
    for t in terms {
        if let Some(m) = scorer.match_term(text, mask, t) {
            positions.extend(m.positions.iter().map(|p| base + p));
        }
    }
    if tier != Tier::Fuzzy && e.kind == Kind::Commitment {
        // Mark the figures and deadline that carried the value: entries are sorted by
        // position, so they sit next to the commitment.
        let all = index.entries();
        let id = id as usize;
        let before = all[..id]
            .iter()
            .rev()
            .take_while(|o| o.doc == e.doc && o.start == e.start);
        let after = all[id + 1..]
            .iter()
            .take_while(|o| o.doc == e.doc && o.start < e.end);
        for other in before.chain(after) {
            let inside = matches!(other.kind, Kind::Figure | Kind::Date) && other.end <= e.end;
            if inside
                && index
                    .values(other)
                    .iter()
                    .any(|v| query.values.iter().any(|q| q.matches(v).is_some()))
            {
                ranges.push((other.start, other.end));
            }
        }
    }
    let text = &index.document(e.doc).text;
    for p in positions {
        let len = text[p as usize..].chars().next().map_or(1, char::len_utf8) as u32;
        ranges.push((p, p + len));
    }
    ranges.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{self, Corpus};

    fn index() -> Index {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut corpus: Corpus = corpus::load(&[root]).unwrap();
        corpus.documents.push(crate::corpus::Document::from_text(
            "accents.txt",
            "Le groupe de Visegrád, l’Élysée et Ségolène: x-ray, XYZ, 3x4, naïve café.",
        ));
        Index::build(std::sync::Arc::new(corpus))
    }

    /// No entry ever scores above its bound, for every kind of term: the deferral of
    /// entries that cannot make the list rests on this.
    #[test]
    fn bounds_are_never_below_real_scores() {
        let index = index();
        let terms = [
            "x",
            "xy",
            "e",
            "ea",
            "calais",
            "alais",
            "frntx",
            "ontex",
            "bordforce",
            "10",
            "0m",
            "2015",
            "015",
            "uk",
            "k",
            "ysee",
            "egrad",
            "cafe",
            "'s",
            "€10",
            "tun",
            "nnel",
        ];
        for text in terms {
            for prefix in ["", "#"] {
                let query = Query::parse(&format!("{prefix}{text}"), None);
                let mut scorer = Scorer::default();
                let bounds = Bounds::new(&query.terms, &mut scorer);
                for id in 0..index.entries().len() as u32 {
                    let (hay, mask, _) = haystack(&index, id);
                    if let Some(score) = all_terms_score(&mut scorer, hay, mask, &query.terms) {
                        let bound = bounds.of(&index, id);
                        assert!(score <= bound, "{text:?} in {hay:?}: {score} > {bound}");
                    }
                }
            }
        }
    }
}
