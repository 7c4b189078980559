//! The search index: every figure, date, commitment, sentence and document title of a
//! corpus, as compact entries in ranking order.
//!
//! Entries are sorted once, at build time, by the tie-break the ranking uses (newest
//! document first, then position), so a search never sorts ties and equal queries always
//! give equal orders. Texts stay in the corpus; entries hold byte spans into them.

use std::sync::Arc;

use rayon::prelude::*;

use super::fuzzy::text_masks;
use super::query::Kind;
use super::value::{Days, ItemValue, ValueQuery, parse_iso};
use crate::corpus::split::MAX_UNIT_BYTES;
use crate::corpus::{Corpus, Document, Unit};
use crate::extract::{self, Extraction};

/// One searchable item. One cache line: a query that visits scattered entries (narrowing
/// as the user types) pays one memory miss per entry, not one per field group. A fixed
/// layout, since a mapped index file holds entries as they lie in memory.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C, align(64))]
pub struct Entry {
    /// What the entry is: a figure, date, commitment, sentence or title (see [`Kind`]).
    pub kind: Kind,
    /// Index of the document in the corpus.
    pub doc: u32,
    /// Byte offset of the entry's start in its document's text.
    pub start: u32,
    /// Byte offset just past the entry's end.
    pub end: u32,
    /// The unit (sentence or list item) around a figure or date; the span itself otherwise.
    pub context: (u32, u32),
    /// The values this entry answers to: its own (figures, dates) or those of the figures
    /// and deadline inside it (commitments), as a range of [`Index::values`].
    pub values: (u32, u32),
    /// Which letters and digits the span and its context hold, for a query's first filter.
    pub masks: Masks,
}

/// What the index knows of a document beyond its entries.
#[derive(Debug, Clone, PartialEq)]
pub struct DocInfo {
    /// The document's title, as extracted.
    pub title: String,
    /// The date of issue, as extracted (ISO) and on the calendar.
    pub date: Option<String>,
    /// The date of issue on the calendar, as days since 1970-01-01.
    pub days: Option<Days>,
    /// How many figures were extracted from the document.
    pub figures: usize,
    /// How many dates were extracted.
    pub dates: usize,
    /// How many commitments were extracted.
    pub commitments: usize,
}

/// The entries of one document before they are merged into the index (also what the disk
/// cache stores per document).
#[derive(Debug, Clone, PartialEq)]
pub struct DocEntries {
    /// What is known of the document beyond its entries.
    pub info: DocInfo,
    /// The document's entries, by position.
    pub entries: Vec<Entry>,
    /// The entries' values, which their `values` ranges index.
    pub values: Vec<ItemValue>,
}

/// The searchable corpus.
pub struct Index {
    corpus: Arc<Corpus>,
    docs: Vec<DocInfo>,
    entries: Entries,
    values: Vec<ItemValue>,
    /// Every (number, entry) of figure values, sorted by number; entries whose figures span
    /// a range; every (first day, last day, entry) of dates, sorted by first day.
    by_number: Vec<(f64, u32)>,
    ranged: Vec<u32>,
    by_day: Vec<(i32, i32, u32)>,
    /// Each document's entries, as a range of `entries` (a document's lie together).
    by_doc: Vec<(u32, u32)>,
}

/// The entries in ranking order: built by this process, or read in place from a mapped
/// index file (`super::mapped`), of which a search touches only the pages it visits.
pub(super) enum Entries {
    Owned(Vec<Entry>),
    Mapped {
        map: Arc<memmap2::Mmap>,
        offset: usize,
        len: usize,
    },
}

impl Entries {
    /// `len` entries at `offset` of a mapped file.
    ///
    /// # Safety
    /// The bytes must be entries as this build lays them out in memory (each written by
    /// [`Entry::image`]), checked against the hash written beside them, in a file only ever
    /// replaced by a rename, never changed in place.
    #[allow(unsafe_code, reason = "the caller vouches for the bytes (see Safety)")]
    pub(super) unsafe fn mapped(map: Arc<memmap2::Mmap>, offset: usize, len: usize) -> Entries {
        let end = len
            .checked_mul(size_of::<Entry>())
            .and_then(|n| n.checked_add(offset));
        assert!(
            end.is_some_and(|end| end <= map.len()),
            "entries inside the map"
        );
        assert_eq!(
            (map.as_ptr() as usize + offset) % align_of::<Entry>(),
            0,
            "entries aligned"
        );
        Entries::Mapped { map, offset, len }
    }
}

#[allow(unsafe_code, reason = "mapped entries by `Entries::mapped`'s contract")]
impl std::ops::Deref for Entries {
    type Target = [Entry];

    fn deref(&self) -> &[Entry] {
        match self {
            Entries::Owned(v) => v,
            // SAFETY: `Entries::mapped`'s contract; bounds and alignment checked there.
            Entries::Mapped { map, offset, len } => unsafe {
                std::slice::from_raw_parts(map.as_ptr().add(*offset).cast::<Entry>(), *len)
            },
        }
    }
}

impl Entry {
    /// The entry's bytes as it lies in memory, its padding zeroed (what a mapped index
    /// file holds; padding must not be read uninitialized).
    #[allow(unsafe_code, reason = "field writes into a zeroed, aligned slot")]
    pub(super) fn image(&self) -> [u8; size_of::<Entry>()] {
        #[repr(C, align(64))]
        struct Slot([u8; size_of::<Entry>()]);
        let mut slot = Slot([0; size_of::<Entry>()]);
        let p = slot.0.as_mut_ptr().cast::<Entry>();
        // SAFETY: `slot` is an aligned, writable place of an entry's size; each field is
        // written where it lies, and the bytes between fields stay zero.
        unsafe {
            std::ptr::addr_of_mut!((*p).kind).write(self.kind);
            std::ptr::addr_of_mut!((*p).doc).write(self.doc);
            std::ptr::addr_of_mut!((*p).start).write(self.start);
            std::ptr::addr_of_mut!((*p).end).write(self.end);
            std::ptr::addr_of_mut!((*p).context).write(self.context);
            std::ptr::addr_of_mut!((*p).values).write(self.values);
            std::ptr::addr_of_mut!((*p).masks).write(self.masks);
        }
        slot.0
    }
}

/// What a query's first filter and its score bound need of an entry: which letters and
/// digits its text holds (see [`text_masks`]) and which of them start a word, in its own
/// span and in its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct Masks {
    /// The letters and digits of the entry's own span, as bits (see [`text_masks`]).
    pub mask: u64,
    /// The same for the span's context (its unit, for a figure or date), the span included.
    pub context_mask: u64,
    /// The letters and digits that start a word in the span.
    pub initials: u64,
    /// Those that start a word in the context.
    pub context_initials: u64,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("documents", &self.docs.len())
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl Index {
    /// Extracts and indexes every document, in parallel.
    pub fn build(corpus: Arc<Corpus>) -> Index {
        let per_doc: Vec<DocEntries> = corpus
            .documents
            .par_iter()
            .map(|doc| {
                let (x, units) = extract::extract_with_units(doc);
                index_document(doc, &x, &units)
            })
            .collect();
        Index::assemble(corpus, per_doc)
    }

    /// Joins per-document entries (fresh or from the cache) into one index, in ranking order.
    pub fn assemble(corpus: Arc<Corpus>, per_doc: Vec<DocEntries>) -> Index {
        let mut order: Vec<usize> = (0..per_doc.len()).collect();
        // Newest first; undated documents last; then by name (the corpus order).
        order.sort_by(|&a, &b| {
            let (da, db) = (per_doc[a].info.days, per_doc[b].info.days);
            match (da, db) {
                (Some(x), Some(y)) => y.first.cmp(&x.first).then(a.cmp(&b)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.cmp(&b),
            }
        });
        let total: usize = per_doc.iter().map(|d| d.entries.len()).sum();
        let mut entries = Vec::with_capacity(total);
        let mut values = Vec::new();
        let mut docs = Vec::with_capacity(per_doc.len());
        let mut per_doc: Vec<Option<DocEntries>> = per_doc.into_iter().map(Some).collect();
        for &d in &order {
            // Taken, so each document's own vectors are freed as soon as they are copied.
            let Some(de) = per_doc[d].take() else {
                continue;
            };
            let base = values.len() as u32;
            values.extend_from_slice(&de.values);
            entries.extend(de.entries.iter().map(|e| Entry {
                doc: d as u32,
                values: (e.values.0 + base, e.values.1 + base),
                ..*e
            }));
            docs.push((d, de.info));
        }
        docs.sort_by_key(|(d, _)| *d);
        let docs = docs.into_iter().map(|(_, info)| info).collect();
        Index::from_parts(corpus, docs, Entries::Owned(entries), values)
    }

    /// An index of entries already in ranking order, with their values: the look-up
    /// tables of values are made here.
    pub(super) fn from_parts(
        corpus: Arc<Corpus>,
        docs: Vec<DocInfo>,
        entries: Entries,
        values: Vec<ItemValue>,
    ) -> Index {
        let mut by_number = Vec::new();
        let mut ranged = Vec::new();
        let mut by_day = Vec::new();
        // Each document's entries, which lie together: the range of their ids.
        let mut by_doc = vec![(0, 0); docs.len()];
        for (id, e) in entries.iter().enumerate() {
            let id = id as u32;
            if let Some(range) = by_doc.get_mut(e.doc as usize) {
                if range.1 == 0 {
                    range.0 = id;
                }
                range.1 = id + 1;
            }
            for v in values
                .get(e.values.0 as usize..e.values.1 as usize)
                .unwrap_or(&[])
            {
                match *v {
                    ItemValue::Figure {
                        number, min, max, ..
                    } => {
                        by_number.push((number, id));
                        if min.zip(max).is_some_and(|(lo, hi)| lo < hi) {
                            ranged.push(id);
                        }
                    }
                    ItemValue::Date(d) => by_day.push((d.first, d.last, id)),
                }
            }
        }
        by_number.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        ranged.dedup();
        by_day.sort_unstable();
        Index {
            docs,
            corpus,
            entries,
            values,
            by_number,
            ranged,
            by_day,
            by_doc,
        }
    }

    /// The corpus the index was built from.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The corpus the index was built from, shared: tables kept beside an index hold a
    /// weak handle to it, to tell that index from another of the same size.
    pub fn shared_corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    /// Every entry, in ranking order: newest document first, then position.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries that may answer a value query (those whose values lie in its range, and
    /// those that span ranges), sorted and without repeats. [`ValueQuery::matches`] decides.
    pub fn value_candidates(&self, q: &ValueQuery) -> Vec<u32> {
        let mut ids: Vec<u32> = match *q {
            ValueQuery::Number { low, high, .. } => {
                let slack = 1e-9 * low.abs().max(high.abs()).max(1.0);
                let from = self.by_number.partition_point(|(n, _)| *n < low - slack);
                let to = self.by_number.partition_point(|(n, _)| *n <= high + slack);
                self.by_number[from..to]
                    .iter()
                    .map(|(_, id)| *id)
                    .chain(self.ranged.iter().copied())
                    .collect()
            }
            ValueQuery::Date(d) => {
                let from = self
                    .by_day
                    .partition_point(|(first, _, _)| *first < d.first);
                let to = self
                    .by_day
                    .partition_point(|(first, _, _)| *first <= d.last);
                self.by_day[from..to]
                    .iter()
                    .filter(|(_, last, _)| *last <= d.last)
                    .map(|(_, _, id)| *id)
                    .collect()
            }
        };
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The entries of document `doc` (a corpus index), by position, and the index of the
    /// first of them in [`Index::entries`].
    pub fn entries_of(&self, doc: u32) -> (u32, &[Entry]) {
        let (from, to) = self.by_doc.get(doc as usize).copied().unwrap_or((0, 0));
        (from, &self.entries[from as usize..to as usize])
    }

    /// Every entry's values, in entry order.
    pub fn all_values(&self) -> &[ItemValue] {
        &self.values
    }

    /// The values entry `e` answers to (see [`Entry::values`]).
    pub fn values(&self, e: &Entry) -> &[ItemValue] {
        &self.values[e.values.0 as usize..e.values.1 as usize]
    }

    /// What the index knows of document `doc` (a corpus index).
    pub fn doc_info(&self, doc: u32) -> &DocInfo {
        &self.docs[doc as usize]
    }

    /// Document `doc` of the corpus.
    pub fn document(&self, doc: u32) -> &Document {
        &self.corpus.documents[doc as usize]
    }

    /// The text an entry covers.
    pub fn text(&self, e: &Entry) -> &str {
        &self.document(e.doc).text[e.start as usize..e.end as usize]
    }

    /// The entry's context: the unit around a figure or date, else the entry's own text.
    pub fn context_text(&self, e: &Entry) -> &str {
        &self.document(e.doc).text[e.context.0 as usize..e.context.1 as usize]
    }
}

/// Turns one document's extraction into entries (document index 0; set on assembly).
pub fn index_document(doc: &Document, x: &Extraction, units: &[Unit]) -> DocEntries {
    let text = doc.text.as_str();
    let mut entries = Vec::new();
    let mut values = Vec::new();
    let unit_masks: Vec<(u64, u64)> = units
        .iter()
        .map(|u| {
            let t = &text[u.start..u.end];
            text_masks(t)
        })
        .collect();
    let context_of = |start: usize, end: usize| -> Option<(usize, &Unit)> {
        let i = units.partition_point(|u| u.end <= start);
        units
            .get(i)
            .filter(|u| u.start <= start && end <= u.end)
            .map(|u| (i, u))
    };
    let mut push = |kind: Kind, start: usize, end: usize, vals: &[ItemValue]| {
        // Sentences and most commitments are units: their masks are known already.
        let i = units.partition_point(|u| u.start < start);
        let (mask, initials) = match units.get(i) {
            Some(u) if u.start == start && u.end == end => unit_masks[i],
            _ => text_masks(&text[start..end]),
        };
        let around = match kind {
            Kind::Figure | Kind::Date => context_of(start, end),
            _ => None,
        };
        let (context, context_mask, context_initials) = match around {
            Some((i, u)) => (
                (u.start as u32, u.end as u32),
                unit_masks[i].0 | mask,
                unit_masks[i].1 | initials,
            ),
            None => ((start as u32, end as u32), mask, initials),
        };
        let first = values.len() as u32;
        values.extend_from_slice(vals);
        entries.push(Entry {
            kind,
            doc: 0,
            start: start as u32,
            end: end as u32,
            context,
            values: (first, values.len() as u32),
            masks: Masks {
                mask,
                context_mask,
                initials,
                context_initials,
            },
        });
    };

    let (title_start, title_end) = title_span(text, &x.title, units);
    push(Kind::Document, title_start, title_end, &[]);
    let figure_values: Vec<ItemValue> = x
        .figures
        .iter()
        .map(|f| ItemValue::of_figure(&f.value))
        .collect();
    for (f, v) in x.figures.iter().zip(&figure_values) {
        push(Kind::Figure, f.start, f.end, std::slice::from_ref(v));
    }
    for d in &x.dates {
        let v: Vec<ItemValue> = ItemValue::of_date(&d.value).into_iter().collect();
        push(Kind::Date, d.start, d.end, &v);
    }
    let mut covered: Vec<(usize, usize)> = Vec::with_capacity(x.commitments.len());
    for c in &x.commitments {
        let mut v: Vec<ItemValue> = c
            .figures
            .iter()
            .filter_map(|&i| figure_values.get(i).copied())
            .collect();
        v.extend(
            c.deadline
                .as_ref()
                .and_then(|d| ItemValue::of_date(&d.value)),
        );
        push(Kind::Commitment, c.start, c.end, &v);
        covered.push((c.start, c.end));
    }
    // Whether a commitment covers a unit, in O(log n) per unit: commitments sorted by start,
    // with the furthest end reached so far (a scan of every commitment per unit was
    // quadratic in the document's length).
    covered.sort_unstable();
    let furthest: Vec<usize> = covered
        .iter()
        .scan(0, |end, &(_, e)| {
            *end = e.max(*end);
            Some(*end)
        })
        .collect();
    for u in units {
        let before = covered.partition_point(|&(s, _)| s <= u.start);
        let inside = before > 0 && furthest[before - 1] >= u.end;
        if !inside && u.end > u.start {
            push(Kind::Sentence, u.start, u.end, &[]);
        }
    }
    entries.sort_by_key(|e| (e.start, e.kind, e.end));
    // Entries keep their own value ranges, so sorting them leaves `values` as it is.
    let date = x.doc_date.as_ref().and_then(|d| d.value.date.clone());
    DocEntries {
        info: DocInfo {
            title: x.title.clone(),
            days: date.as_deref().and_then(parse_iso),
            date,
            figures: x.figures.len(),
            dates: x.dates.len(),
            commitments: x.commitments.len(),
        },
        entries,
        values,
    }
}

/// Where the title stands in the text: its first verbatim occurrence, else the first line,
/// else (a first line longer than a unit may be) the first unit.
fn title_span(text: &str, title: &str, units: &[Unit]) -> (usize, usize) {
    if !title.is_empty()
        && let Some(at) = text.find(title)
    {
        return (at, at + title.len());
    }
    let lead = text.len() - text.trim_start().len();
    let end = text[lead..].find('\n').map_or(text.len(), |n| lead + n);
    let line = (lead, text[..end].trim_end().len().max(lead));
    match units.first() {
        Some(u) if line.1 - line.0 > MAX_UNIT_BYTES => (u.start, u.end),
        _ => line,
    }
}
