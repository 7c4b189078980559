//! Suggested evidence: for a commitment, the passages of later documents that speak of the
//! same action, ranked, each with the reasons it ranked (the words, figures, dates and
//! actors it shares with the commitment), so a reviewer can judge it at a glance.
//!
//! A passage is a sentence or list item of the index (its span a byte range of the
//! document, as items' anchors are). The ranking is BM25 over content words
//! (`search::terms`), with the passages of the whole corpus as its collection, plus fixed
//! boosts for a figure of the same value however it is written (`€10 million`, `EUR 10m`),
//! a date in the deadline's year, and an actor named. A passage must share at least one
//! content word with the commitment: a figure or date alone is too common to suggest
//! anything.
//!
//! Which documents may hold evidence, by their date of issue:
//! - dated after the commitment's document (the first day of one after the last of the
//!   other): ranked;
//! - of the same date, or overlapping it (a month against a day of that month): left out,
//!   since a document of the day cannot report progress made since (it is the same
//!   event's paperwork), nor can an earlier one, nor the commitment's own document;
//! - undated, or any document when the commitment's has no date: ranked, and flagged
//!   [`Timing::Unknown`], for the reviewer to check, rather than hidden.
//!
//! [`Passages::build`] reads every passage once (a term index, built in parallel); each
//! [`Passages::suggest`] then reads only the postings of the commitment's words.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Weak};

use rayon::prelude::*;

use super::index::{Entry, Index};
use super::query::Kind;
use super::terms::{Stems, for_each_word};
use super::value::{Days, ItemValue, ValueQuery, parse_iso, year};
use crate::extract::FigureKind;

/// BM25's saturation of repeated words and its weight of passage length (the usual values).
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// BM25's saturation of a word repeated in the query (the commitment).
const K3: f64 = 1.2;
/// A figure of the commitment's value, stated again: worth about a rare shared word.
const FIGURE_BOOST: f64 = 5.0;
/// A date in the deadline's year.
const DATE_BOOST: f64 = 1.5;
/// Each actor of the commitment named in the passage.
const ACTOR_BOOST: f64 = 1.0;
/// Counts below this (`two new targets`, `the three countries`) are too common to tell one
/// action from another: they earn no figure boost.
const MIN_COUNT: f64 = 10.0;
/// Passages with fewer content words are headings, datelines and signatures: not evidence.
const MIN_WORDS: u32 = 4;

/// A commitment, as the evidence search reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Promise {
    /// The document that makes it (a corpus index).
    pub doc: u32,
    /// Its span in the document's text.
    pub start: u32,
    /// Byte offset just past its end.
    pub end: u32,
    /// Who pledges, as written; pronouns and other function words name no one and are
    /// left out when matching.
    pub actors: Vec<String>,
    /// The figures inside it, by value.
    pub figures: Vec<ItemValue>,
    /// Its deadline, on the calendar.
    pub deadline: Option<Days>,
}

impl Promise {
    /// The commitment at `start..end` of document `doc`, with the figures the index found
    /// inside that span (so a figure is compared by its extracted value, never read again),
    /// its actors, and its deadline as ISO 8601 (a duration gives none).
    pub fn at(
        index: &Index,
        doc: u32,
        (start, end): (u32, u32),
        actors: Vec<String>,
        deadline: Option<&str>,
    ) -> Promise {
        let (_, entries) = index.entries_of(doc);
        let figures = entries
            .iter()
            .filter(|e| e.kind == Kind::Figure && start <= e.start && e.end <= end)
            .flat_map(|e| index.values(e).iter().copied())
            .collect();
        Promise {
            doc,
            start,
            end,
            actors,
            figures,
            deadline: deadline.and_then(parse_iso),
        }
    }
}

/// Whether a suggestion's document is known to come after the commitment's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// Its date of issue is after the commitment's document's.
    Later,
    /// The order is unknown: this document or the commitment's has no date of issue.
    Unknown,
}

/// Why a passage ranked: what it shares with the commitment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Why {
    /// What the shared words scored (BM25); the boosts make up the rest of the score.
    pub text: f64,
    /// The passage's words that are the commitment's (folded, each once, in order).
    pub terms: Vec<String>,
    /// Where those words are, as byte ranges of the document (for highlighting).
    pub matched: Vec<(u32, u32)>,
    /// Figures in the passage of a value the commitment states, as byte ranges.
    pub figures: Vec<(u32, u32)>,
    /// Dates in the passage in the deadline's year, as byte ranges.
    pub dates: Vec<(u32, u32)>,
    /// The commitment's actors the passage names, as the commitment writes them.
    pub actors: Vec<String>,
}

/// One passage suggested as evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The passage's entry in [`Index::entries`].
    pub entry: u32,
    /// Its document (a corpus index).
    pub doc: u32,
    /// Byte offset of its start in the document's text.
    pub start: u32,
    /// Byte offset just past its end.
    pub end: u32,
    /// How well it matched: higher is better.
    pub score: f64,
    /// Whether its document is known to come later.
    pub timing: Timing,
    /// Why it ranked.
    pub why: Why,
}

/// Every passage of a corpus, indexed by content word: built once per index, asked once
/// per commitment.
pub struct Passages {
    /// The index entry of each passage, in index order.
    entries: Vec<u32>,
    /// Each passage's document.
    docs: Vec<u32>,
    /// Each passage's number of content words.
    lengths: Vec<u32>,
    average_length: f64,
    /// Content word stems, and where each one's postings start in `postings`.
    vocabulary: HashMap<String, u32>,
    offsets: Vec<u32>,
    /// (passage, how often the word occurs in it), by word, then passage.
    postings: Vec<(u32, u32)>,
    stems: Stems,
    /// The corpus of the index they were made from: only that index's entries are theirs.
    corpus: Weak<crate::corpus::Corpus>,
}

impl std::fmt::Debug for Passages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Passages")
            .field("passages", &self.entries.len())
            .field("words", &self.vocabulary.len())
            .finish()
    }
}

/// The passages one worker read: words are numbered in the order it met them.
#[derive(Default)]
struct Block {
    /// Folded word → its stem's number here, or `None` for a function word.
    words: HashMap<String, Option<u32>>,
    stems: Vec<String>,
    stem_numbers: HashMap<String, u32>,
    entries: Vec<u32>,
    lengths: Vec<u32>,
    /// Each passage's (stem number, count), one run per passage, ended by `ends`.
    terms: Vec<(u32, u32)>,
    ends: Vec<u32>,
}

impl Block {
    fn read(&mut self, stems: &Stems, text: &str, entry: u32) {
        let mut seen: Vec<u32> = Vec::new();
        for_each_word(text, |w, _, _| {
            let number = match self.words.get(w) {
                Some(n) => *n,
                None => {
                    let n = stems.content_stem(w).map(|stem| {
                        let next = self.stems.len() as u32;
                        *self.stem_numbers.entry(stem.clone()).or_insert_with(|| {
                            self.stems.push(stem);
                            next
                        })
                    });
                    self.words.insert(w.to_string(), n);
                    n
                }
            };
            seen.extend(number);
        });
        if (seen.len() as u32) < MIN_WORDS {
            return;
        }
        self.lengths.push(seen.len() as u32);
        self.entries.push(entry);
        seen.sort_unstable();
        for run in seen.chunk_by(|a, b| a == b) {
            self.terms.push((run[0], run.len() as u32));
        }
        self.ends.push(self.terms.len() as u32);
    }
}

/// One commitment's BM25 score of each passage (0: no word shared), and the passages that
/// share some word, in the order they were met.
struct Scores {
    text: Vec<f64>,
    touched: Vec<u32>,
}

impl Scores {
    fn has(&self, p: u32) -> bool {
        self.text.get(p as usize).is_some_and(|&s| s > 0.0)
    }
}

/// Passages per worker's block: enough that each block's word list pays off.
const BLOCK: usize = 4096;

impl Passages {
    /// Reads every sentence and commitment of the index into a term index, in parallel.
    pub fn build(index: &Index) -> Passages {
        let ids: Vec<u32> = index
            .entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, Kind::Sentence | Kind::Commitment))
            .map(|(i, _)| i as u32)
            .collect();
        let blocks: Vec<Block> = ids
            .par_chunks(BLOCK)
            .map_init(Stems::default, |stems, chunk| {
                let mut block = Block::default();
                for &id in chunk {
                    let e = &index.entries()[id as usize];
                    block.read(stems, index.text(e), id);
                }
                block
            })
            .collect();
        // One numbering of the stems for the whole corpus, in the order blocks met them.
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let renumbered: Vec<Vec<u32>> = blocks
            .iter()
            .map(|b| {
                b.stems
                    .iter()
                    .map(|s| {
                        let next = vocabulary.len() as u32;
                        *vocabulary.entry(s.clone()).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        let mut counts = vec![0u32; vocabulary.len() + 1];
        for (b, numbers) in blocks.iter().zip(&renumbered) {
            for &(t, _) in &b.terms {
                counts[numbers[t as usize] as usize + 1] += 1;
            }
        }
        let mut offsets = counts;
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut postings = vec![(0u32, 0u32); offsets.last().copied().unwrap_or(0) as usize];
        let mut next = offsets.clone();
        let (mut entries, mut lengths) = (Vec::new(), Vec::new());
        for (b, numbers) in blocks.iter().zip(&renumbered) {
            let mut from = 0;
            for (k, &end) in b.ends.iter().enumerate() {
                let passage = entries.len() as u32;
                entries.push(b.entries[k]);
                lengths.push(b.lengths[k]);
                for &(t, count) in &b.terms[from..end as usize] {
                    let slot = &mut next[numbers[t as usize] as usize];
                    postings[*slot as usize] = (passage, count);
                    *slot += 1;
                }
                from = end as usize;
            }
        }
        let docs: Vec<u32> = entries
            .iter()
            .map(|&id| index.entries()[id as usize].doc)
            .collect();
        let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
        Passages {
            average_length: total as f64 / entries.len().max(1) as f64,
            entries,
            docs,
            lengths,
            vocabulary,
            offsets,
            postings,
            stems: Stems::default(),
            corpus: Arc::downgrade(index.shared_corpus()),
        }
    }

    /// How many passages there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the corpus has no passage.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn postings_of(&self, term: u32) -> &[(u32, u32)] {
        let t = term as usize;
        &self.postings[self.offsets[t] as usize..self.offsets[t + 1] as usize]
    }

    /// The word numbers of a commitment's content words (unknown words dropped), each once,
    /// sorted, with its weight: how often it occurs, saturated as BM25 saturates a query's
    /// repeated words (`girls` three times in a pledge on girls' education).
    fn terms_of(&self, quote: &str) -> Vec<(u32, f64)> {
        let mut counted: Vec<u32> = self
            .stems
            .content_stems(quote)
            .iter()
            .filter_map(|s| self.vocabulary.get(s).copied())
            .collect();
        counted.sort_unstable();
        counted
            .chunk_by(|a, b| a == b)
            .map(|run| {
                let n = run.len() as f64;
                (run[0], (K3 + 1.0) * n / (K3 + n))
            })
            .collect()
    }

    /// The passage that holds the span `start..end` of document `doc`: among the passages
    /// whose entries are the document's (`Index::entries_of`; `entries` is in index order).
    fn passage_at(&self, index: &Index, doc: u32, start: u32, end: u32) -> Option<u32> {
        let (first, of_doc) = index.entries_of(doc);
        let last = first + of_doc.len() as u32;
        let from = self.entries.partition_point(|&id| id < first);
        let to = self.entries.partition_point(|&id| id < last);
        let within = &self.entries[from..to];
        let i = within.partition_point(|&id| index.entries()[id as usize].end < end);
        let e = &index.entries()[*within.get(i)? as usize];
        (e.start <= start && end <= e.end).then_some((from + i) as u32)
    }

    /// The best `limit` passages of later documents (see the module's rules) that speak of
    /// `promise`'s action, best first; equal scores keep the index's order. Passages with
    /// the same text (a paragraph copied from one fact sheet to the next) are shown once.
    pub fn suggest(&self, index: &Index, promise: &Promise, limit: usize) -> Vec<Suggestion> {
        let theirs = std::ptr::eq(self.corpus.as_ptr(), Arc::as_ptr(index.shared_corpus()));
        if !theirs || limit == 0 {
            return Vec::new();
        }
        let Some(doc) = index.corpus().documents.get(promise.doc as usize) else {
            return Vec::new();
        };
        let quote = doc
            .text
            .get(promise.start as usize..promise.end as usize)
            .unwrap_or("");
        let timings: Vec<Option<Timing>> = (0..index.corpus().documents.len() as u32)
            .map(|d| timing(index, promise.doc, d))
            .collect();
        let n = self.entries.len() as f64;
        let mut scores = Scores {
            text: vec![0.0; self.entries.len()],
            touched: Vec::new(),
        };
        let weighted = self.terms_of(quote);
        let terms: Vec<u32> = weighted.iter().map(|&(t, _)| t).collect();
        for &(t, weight) in &weighted {
            let postings = self.postings_of(t);
            let df = postings.len() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for &(p, tf) in postings {
                if timings[self.docs[p as usize] as usize].is_none() {
                    continue;
                }
                let tf = f64::from(tf);
                let norm = 1.0 - B + B * f64::from(self.lengths[p as usize]) / self.average_length;
                let slot = &mut scores.text[p as usize];
                if *slot == 0.0 {
                    scores.touched.push(p);
                }
                *slot += weight * idf * tf * (K1 + 1.0) / (tf + K1 * norm);
            }
        }
        let figures = self.figure_matches(index, promise, &scores);
        let dates = self.date_matches(index, promise, &scores);
        let actors = self.actor_matches(promise, &scores);
        let mut ranked: Vec<(u32, f64)> = scores
            .touched
            .iter()
            .map(|&p| {
                let text = scores.text[p as usize];
                let figure = figures.get(&p).map_or(0, |f| f.0.count_ones());
                let date = dates.contains_key(&p);
                let actor = actors.get(&p).map_or(0, Vec::len);
                let score = text
                    + FIGURE_BOOST * f64::from(figure)
                    + if date { DATE_BOOST } else { 0.0 }
                    + ACTOR_BOOST * actor as f64;
                (p, score)
            })
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut shown: HashSet<&str> = HashSet::new();
        let mut out = Vec::new();
        for (p, score) in ranked {
            if out.len() == limit {
                break;
            }
            let id = self.entries[p as usize];
            let e = &index.entries()[id as usize];
            if !shown.insert(index.text(e)) {
                continue;
            }
            let mut why = self.explain(index, e, &terms);
            why.text = scores.text[p as usize];
            why.figures = figures.get(&p).map(|f| f.1.clone()).unwrap_or_default();
            why.dates = dates.get(&p).cloned().unwrap_or_default();
            why.actors = actors.get(&p).cloned().unwrap_or_default();
            out.push(Suggestion {
                entry: id,
                doc: e.doc,
                start: e.start,
                end: e.end,
                score,
                timing: timings[e.doc as usize].unwrap_or(Timing::Unknown),
                why,
            });
        }
        out
    }

    /// Per candidate passage: which of the promise's figures it states (a bit each) and
    /// where.
    fn figure_matches(
        &self,
        index: &Index,
        promise: &Promise,
        candidates: &Scores,
    ) -> HashMap<u32, (u64, Vec<(u32, u32)>)> {
        let mut found: HashMap<u32, (u64, Vec<(u32, u32)>)> = HashMap::new();
        for (k, wanted) in promise.figures.iter().enumerate().take(64) {
            let ItemValue::Figure { number, kind, .. } = *wanted else {
                continue;
            };
            if kind == FigureKind::Count && number < MIN_COUNT {
                continue;
            }
            let query = ValueQuery::Number {
                low: number,
                high: number,
                currency: None,
                percent: false,
            };
            for id in index.value_candidates(&query) {
                let e = &index.entries()[id as usize];
                if e.kind != Kind::Figure || !index.values(e).iter().any(|v| v.same_figure(wanted))
                {
                    continue;
                }
                if let Some(p) = self.passage_at(index, e.doc, e.start, e.end)
                    && candidates.has(p)
                {
                    let slot = found.entry(p).or_default();
                    slot.0 |= 1 << k;
                    if !slot.1.contains(&(e.start, e.end)) {
                        slot.1.push((e.start, e.end));
                    }
                }
            }
        }
        for (_, spans) in found.values_mut() {
            spans.sort_unstable();
        }
        found
    }

    /// Per candidate passage: its dates in the deadline's year (or years).
    fn date_matches(
        &self,
        index: &Index,
        promise: &Promise,
        candidates: &Scores,
    ) -> HashMap<u32, Vec<(u32, u32)>> {
        let mut found: HashMap<u32, Vec<(u32, u32)>> = HashMap::new();
        let Some(deadline) = promise.deadline else {
            return found;
        };
        // From the commitment's date of issue on: a date before it (`the commitments made
        // in April 2021`, in a pledge of June 2021 due in 2021) recalls the past.
        let issued = index
            .doc_info(promise.doc)
            .days
            .map_or(i32::MIN, |d| d.first);
        let years = Days {
            first: year(crate::calendar::civil(deadline.first).0)
                .first
                .max(issued),
            last: year(crate::calendar::civil(deadline.last).0).last,
        };
        if years.first > years.last {
            return found;
        }
        for id in index.value_candidates(&ValueQuery::Date(years)) {
            let e = &index.entries()[id as usize];
            if e.kind != Kind::Date {
                continue;
            }
            if let Some(p) = self.passage_at(index, e.doc, e.start, e.end)
                && candidates.has(p)
            {
                found.entry(p).or_default().push((e.start, e.end));
            }
        }
        for spans in found.values_mut() {
            spans.sort_unstable();
        }
        found
    }

    /// Per candidate passage: the promise's actors it names (every content word of the
    /// actor's name in the passage).
    fn actor_matches(&self, promise: &Promise, candidates: &Scores) -> HashMap<u32, Vec<String>> {
        let mut found: HashMap<u32, Vec<String>> = HashMap::new();
        for actor in &promise.actors {
            let stems = self.stems.content_stems(actor);
            let terms: Option<Vec<u32>> = stems
                .iter()
                .map(|s| self.vocabulary.get(s).copied())
                .collect();
            let Some(terms) = terms.filter(|t| !t.is_empty()) else {
                continue;
            };
            for &p in &candidates.touched {
                let names = terms.iter().all(|&t| {
                    self.postings_of(t)
                        .binary_search_by_key(&p, |&(q, _)| q)
                        .is_ok()
                });
                if names {
                    let list = found.entry(p).or_default();
                    if !list.contains(actor) {
                        list.push(actor.clone());
                    }
                }
            }
        }
        found
    }

    /// The passage's words that are among `terms`, each once, and where they stand.
    fn explain(&self, index: &Index, e: &Entry, terms: &[u32]) -> Why {
        let text = index.text(e);
        let mut why = Why::default();
        for_each_word(text, |w, s, end| {
            let known = self
                .stems
                .content_stem(w)
                .and_then(|stem| self.vocabulary.get(&stem))
                .is_some_and(|t| terms.binary_search(t).is_ok());
            if known {
                why.matched.push((e.start + s as u32, e.start + end as u32));
                if !why.terms.iter().any(|t| t == w) {
                    why.terms.push(w.to_string());
                }
            }
        });
        why
    }
}

/// Whether document `doc` may hold evidence for a commitment of document `of` (see the
/// module's rules): `None` when it may not.
fn timing(index: &Index, of: u32, doc: u32) -> Option<Timing> {
    if doc == of {
        return None;
    }
    match (index.doc_info(of).days, index.doc_info(doc).days) {
        (Some(then), Some(now)) => (now.first > then.last).then_some(Timing::Later),
        _ => Some(Timing::Unknown),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::corpus::{Corpus, Document};

    const PLEDGE: &str = "Joint declaration on the Channel\n\nLondon, 20 August 2015\n\n\
        The United Kingdom will provide €10 million over two years to secure the port of \
        Calais and the tunnel entrance by the end of 2016.\n\n\
        Both governments welcome the cooperation of their police forces.\n";

    fn index(docs: &[(&str, &str)]) -> Index {
        let documents = docs
            .iter()
            .map(|(name, text)| Document::from_text(*name, *text))
            .collect();
        Index::build(Arc::new(Corpus {
            documents,
            warnings: Vec::new(),
        }))
    }

    /// The commitment of the first document, as its extraction found it.
    fn promise(index: &Index) -> Promise {
        let doc = index.corpus().position("pledge.txt").unwrap() as u32;
        let (_, entries) = index.entries_of(doc);
        let c = entries.iter().find(|e| e.kind == Kind::Commitment).unwrap();
        Promise::at(
            index,
            doc,
            (c.start, c.end),
            vec!["United Kingdom".into(), "we".into()],
            Some("2016"),
        )
    }

    fn texts<'a>(index: &'a Index, found: &[Suggestion]) -> Vec<&'a str> {
        found
            .iter()
            .map(|s| &index.document(s.doc).text[s.start as usize..s.end as usize])
            .collect()
    }

    #[test]
    fn a_promise_takes_its_figures_by_value_and_its_deadline() {
        let index = index(&[("pledge.txt", PLEDGE)]);
        let p = promise(&index);
        assert_eq!(p.figures.len(), 1);
        assert!(p.figures[0].same_figure(&ItemValue::Figure {
            kind: crate::extract::FigureKind::Money,
            number: 10e6,
            min: None,
            max: None,
            currency: Some("EUR"),
            approx: false,
            per: None,
        }));
        assert_eq!(p.deadline, Some(year(2016)));
    }

    #[test]
    fn a_restated_figure_outranks_shared_common_words() {
        let later = "Progress report\n\nParis, 3 March 2016\n\n\
            The United Kingdom has paid EUR 10m for fencing and cameras at the port of Calais.\n\n\
            The governments will provide support and secure funding for the entrance hall.\n\n\
            Fishing quotas for the Channel fleets were set for two years.\n";
        // Makes `provide`, `secure` and `entrance` common words of the corpus.
        let common = "Newsletter\n\nRome, 4 April 2016\n\n\
            Schools provide meals and secure buildings with a new entrance.\n\n\
            Hospitals provide care and secure wards with a guarded entrance.\n\n\
            Libraries provide books and secure archives near the entrance.\n";
        let index = index(&[
            ("pledge.txt", PLEDGE),
            ("later.txt", later),
            ("common.txt", common),
        ]);
        let passages = Passages::build(&index);
        let found = passages.suggest(&index, &promise(&index), 10);
        let shown = texts(&index, &found);
        assert!(
            shown[0].starts_with("The United Kingdom has paid EUR 10m"),
            "{shown:?}"
        );
        // Another index of the same texts (as after a reload) is not theirs: nothing.
        let again = super::tests::index(&[
            ("pledge.txt", PLEDGE),
            ("later.txt", later),
            ("common.txt", common),
        ]);
        assert_eq!(again.entries().len(), index.entries().len());
        assert!(passages.suggest(&again, &promise(&again), 10).is_empty());
        let common_words = shown
            .iter()
            .position(|t| t.starts_with("The governments will provide"))
            .unwrap();
        assert!(common_words > 0);
        assert!(
            !shown.iter().any(|t| t.starts_with("Fishing")),
            "no word shared: {shown:?}"
        );
        let first = &found[0];
        assert_eq!(first.timing, Timing::Later);
        assert_eq!(first.why.figures.len(), 1);
        let (s, e) = first.why.figures[0];
        assert_eq!(&later[s as usize..e as usize], "EUR 10m");
        assert_eq!(
            first.why.actors,
            ["United Kingdom"],
            "a pronoun names no one"
        );
        assert_eq!(first.why.terms, ["united", "kingdom", "port", "calais"]);
        assert!(first.score > first.why.text + FIGURE_BOOST - 1e-9);
        let words: Vec<String> = first
            .why
            .matched
            .iter()
            .map(|&(s, e)| later[s as usize..e as usize].to_lowercase())
            .collect();
        assert_eq!(words, first.why.terms);
        assert!(found[common_words].why.figures.is_empty());
        assert!(
            shown.iter().all(|t| !t.contains("Paris,")),
            "datelines are no evidence"
        );
    }

    /// A passage that shares one word with the commitment but states its figure, written
    /// otherwise, outranks one that shares four common words; without the figure it would not.
    #[test]
    fn the_figure_is_what_lifts_a_restatement() {
        let later = "Report\n\nParis, 3 March 2016\n\n\
            Paris says that 10 million euros went on fencing in Calais.\n\n\
            The governments will provide support and secure the entrance of the port.\n";
        let common = "Newsletter\n\nRome, 4 April 2016\n\n\
            Schools provide meals and secure buildings with a new entrance near the port.\n\n\
            Hospitals provide care and secure wards with a guarded entrance.\n";
        let index = index(&[
            ("pledge.txt", PLEDGE),
            ("later.txt", later),
            ("common.txt", common),
        ]);
        let passages = Passages::build(&index);
        let with_figure = promise(&index);
        let found = passages.suggest(&index, &with_figure, 10);
        let shown = texts(&index, &found);
        assert!(shown[0].starts_with("Paris says"), "{shown:?}");
        assert_eq!(found[0].why.terms, ["calais"]);
        let without = Promise {
            figures: Vec::new(),
            ..with_figure
        };
        let found = passages.suggest(&index, &without, 10);
        let shown = texts(&index, &found);
        assert!(shown[0].starts_with("The governments"), "{shown:?}");
    }

    #[test]
    fn earlier_same_day_and_own_passages_are_never_suggested() {
        let earlier = "Earlier note\n\nCalais, 1 May 2014\n\n\
            The United Kingdom will provide 10 million euros to secure the port of Calais.\n";
        let same_day = "Fact sheet\n\nLondon, 20 August 2015\n\n\
            The United Kingdom gives €10 million to secure the port of Calais.\n";
        let undated = "Undated memo\n\n\
            The United Kingdom is spending €10 million on the port of Calais.\n";
        let index = index(&[
            ("earlier.txt", earlier),
            ("pledge.txt", PLEDGE),
            ("same-day.txt", same_day),
            ("undated.txt", undated),
        ]);
        let passages = Passages::build(&index);
        let found = passages.suggest(&index, &promise(&index), 10);
        let names: Vec<&str> = found
            .iter()
            .map(|s| index.document(s.doc).name.as_str())
            .collect();
        assert_eq!(names, ["undated.txt"], "{found:?}");
        assert_eq!(found[0].timing, Timing::Unknown);
    }

    #[test]
    fn a_paragraph_repeated_in_later_documents_is_shown_once() {
        let update = "Update\n\nParis, 3 March 2016\n\n\
            The United Kingdom has paid EUR 10m for fencing at the port of Calais.\n";
        let again = "Second update\n\nParis, 3 June 2016\n\n\
            The United Kingdom has paid EUR 10m for fencing at the port of Calais.\n";
        let index = index(&[
            ("pledge.txt", PLEDGE),
            ("update.txt", update),
            ("again.txt", again),
        ]);
        let found = Passages::build(&index).suggest(&index, &promise(&index), 10);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_date_in_the_deadline_year_adds_to_the_score() {
        let later = "Report\n\nParis, 3 March 2016\n\n\
            Work to secure the tunnel entrance will be finished in October 2016.\n\n\
            Work to secure the tunnel entrance went on through the winter months.\n";
        let index = index(&[("pledge.txt", PLEDGE), ("later.txt", later)]);
        let found = Passages::build(&index).suggest(&index, &promise(&index), 10);
        assert_eq!(found.len(), 2);
        assert!(found[0].why.dates.len() == 1, "{found:?}");
        assert!(found[0].score > found[0].why.text);
        assert!(found[1].why.dates.is_empty());
    }

    /// A date before the commitment was made recalls the past, and a small count (`two`)
    /// tells nothing: neither adds to the score.
    #[test]
    fn earlier_dates_and_small_counts_earn_no_boost() {
        let pledge = "Plan\n\nLondon, 1 February 2016\n\n\
            The two ministries will secure the tunnel entrance by the end of 2016.\n";
        let later = "Report\n\nParis, 3 March 2016\n\n\
            The plan of January 2016 to secure the tunnel entrance had two ministries.\n\n\
            The ministries secured the tunnel entrance in October 2016.\n";
        let index = index(&[("pledge.txt", pledge), ("later.txt", later)]);
        let p = promise(&index);
        assert_eq!(p.figures.len(), 1, "two is a figure: {p:?}");
        let found = Passages::build(&index).suggest(&index, &p, 10);
        let shown = texts(&index, &found);
        let earlier = shown.iter().position(|t| t.contains("January")).unwrap();
        assert!(found[earlier].why.dates.is_empty(), "{found:?}");
        assert!(found[earlier].why.figures.is_empty(), "{found:?}");
        let october = shown.iter().position(|t| t.contains("October")).unwrap();
        assert_eq!(found[october].why.dates.len(), 1, "{found:?}");
    }

    #[test]
    fn a_different_index_or_no_limit_suggests_nothing() {
        let index = index(&[("pledge.txt", PLEDGE)]);
        let passages = Passages::build(&index);
        let p = promise(&index);
        assert!(passages.suggest(&index, &p, 0).is_empty());
        let other = super::tests::index(&[("pledge.txt", PLEDGE), ("b.txt", "Other text here.")]);
        assert!(passages.suggest(&other, &p, 5).is_empty());
    }
}
