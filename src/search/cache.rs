//! The on-disk index cache: what extraction found in each document, keyed by a hash of the
//! document's text, so an unchanged corpus is searchable without extracting it again.
//!
//! The cache is never required. A missing, stale, corrupt or unwritable cache costs only
//! time: the index is then built from the documents. Entries are keyed by content, so an
//! edited file is extracted again on its own and the rest are reused. Every file records the
//! build of cordiale that wrote it; another build ignores it. Writes go to a temporary file
//! in the same folder and are renamed into place, so readers never see a torn file.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use xxhash_rust::xxh3::{Xxh3Default, xxh3_64, xxh3_128};

use super::digests::Cached;
use super::index::{DocEntries, DocInfo, Entry, Index, Masks, index_document};
use super::query::Kind;
use super::value::{Days, ItemValue};
use crate::corpus::Corpus;
use crate::extract::digest::Digest;
use crate::extract::lexicon::Iso;
use crate::extract::{self, FigureKind};

const MAGIC: &[u8; 8] = b"CRDLIDX3";
/// Bytes of one entry record (kind, six u32, four u64 masks) and of one value record.
const ENTRY_BYTES: usize = 1 + 6 * 4 + 4 * 8;
pub(super) const VALUE_BYTES: usize = 1 + 1 + 8 + 9 + 9 + 1 + 1 + 1;

pub use crate::cache_dir::default_dir;
use crate::cache_dir::{build_stamp, write_entry};

/// Builds the index, reusing cached entries for documents whose text has not changed, and
/// refreshes the cache when anything had to be extracted.
pub fn build_cached(corpus: Arc<Corpus>, dir: Option<&Path>) -> Index {
    build(corpus, dir, false).0
}

/// The index and each document's digest (what the workspace sync needs), from the caches
/// where a document is unchanged: each other document is extracted once for both. The
/// workbench's start, which used to extract the whole corpus again for its workspace.
pub fn build_with_digests(corpus: Arc<Corpus>, dir: Option<&Path>) -> (Index, Vec<Digest>) {
    let (index, digests) = build(corpus, dir, true);
    (index, digests.unwrap_or_default())
}

fn build(corpus: Arc<Corpus>, dir: Option<&Path>, digests: bool) -> (Index, Option<Vec<Digest>>) {
    let Some(dir) = dir else {
        if !digests {
            return (Index::build(corpus), None);
        }
        let (per_doc, digests): (Vec<DocEntries>, Vec<Digest>) = corpus
            .documents
            .par_iter()
            .map(|doc| {
                let (x, units) = extract::extract_with_units(doc);
                (index_document(doc, &x, &units), Digest::of(&x))
            })
            .unzip();
        return (Index::assemble(corpus, per_doc), Some(digests));
    };
    let digest_cache = digests.then(|| Cached::read(dir, &corpus));
    let file = dir.join(format!("index-{:016x}.bin", corpus_key(&corpus)));
    let stamp = build_stamp();
    let mut cached = fs::File::open(&file)
        .ok()
        .and_then(|f| decode(std::io::BufReader::with_capacity(1 << 16, f), stamp))
        .inspect(|_| crate::cache_dir::mark_used(&file))
        .unwrap_or_default();
    let keys: Vec<u128> = corpus.documents.par_iter().map(content_key).collect();
    let needed =
        |k: &u128| !cached.contains_key(k) || digest_cache.as_ref().is_some_and(|c| !c.has(*k));
    let extracted_now: Vec<(usize, DocEntries, Option<Digest>)> = corpus
        .documents
        .par_iter()
        .enumerate()
        .filter(|(i, _)| needed(&keys[*i]))
        .map(|(i, doc)| {
            let (x, units) = extract::extract_with_units(doc);
            let digest = digests.then(|| Digest::of(&x));
            (i, index_document(doc, &x, &units), digest)
        })
        .collect();
    // Only entries the index file lacked make it worth writing again; a document
    // extracted for its digest alone keeps its cached entries.
    let mut extracted = false;
    let mut fresh_digests: HashMap<u128, Digest> = HashMap::new();
    let mut fresh: HashMap<usize, DocEntries> = HashMap::new();
    for (i, entries, digest) in extracted_now {
        if !cached.contains_key(&keys[i]) {
            extracted = true;
            fresh.insert(i, entries);
        }
        if let Some(d) = digest {
            fresh_digests.insert(keys[i], d);
        }
    }
    // Move each document's entries out of the cache (or the fresh set); a document whose
    // text another one repeats shares its entries, which only then are cloned.
    let mut first_with: HashMap<u128, usize> = HashMap::new();
    let mut per_doc: Vec<DocEntries> = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        let de = match first_with.get(k) {
            Some(&j) => per_doc[j].clone(),
            None => match fresh.remove(&i).or_else(|| cached.remove(k)) {
                Some(de) => de,
                None => return build(corpus, None, digests),
            },
        };
        first_with.entry(*k).or_insert(i);
        per_doc.push(de);
    }
    // Rewrite when something was extracted or the file holds documents no longer here.
    if extracted || !cached.is_empty() {
        drop(cached);
        let mut keep: Vec<(u128, &DocEntries)> =
            first_with.iter().map(|(k, &i)| (*k, &per_doc[i])).collect();
        keep.sort_by_key(|(k, _)| *k);
        // A failure to write costs the next run time, nothing else.
        let _ = write_entry(&file, &encode(&keep, stamp));
    }
    let digests = digest_cache.map(|c| c.complete(&keys, fresh_digests));
    (Index::assemble(corpus, per_doc), digests)
}

/// Which corpus a cache file belongs to: the folder that holds all its documents (their
/// deepest common ancestor, by absolute path), so that adding or removing a document keeps
/// the file and only the new document is extracted. Paths are not canonicalized:
/// resolving links costs system calls per file, and a corpus reached by two paths merely
/// gets two cache files. Corpora named file by file in one folder share a file, which
/// then keeps the last one's entries.
pub(super) fn corpus_key(corpus: &Corpus) -> u64 {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut common: Option<PathBuf> = None;
    for d in &corpus.documents {
        let path = cwd.join(&d.path);
        let folder = path
            .parent()
            .map_or_else(|| path.clone(), Path::to_path_buf);
        common = Some(match common {
            None => folder,
            Some(c) => c
                .components()
                .zip(folder.components())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    xxh3_64(common.unwrap_or_default().as_os_str().as_encoded_bytes())
}

/// What a document's extraction depends on: its text and what its format said of it.
pub(super) fn content_key(doc: &crate::corpus::Document) -> u128 {
    let mut meta = vec![u8::from(doc.decoded_from.is_some())];
    meta.extend_from_slice(doc.source.as_str().as_bytes());
    for field in [&doc.meta_title, &doc.meta_date] {
        meta.push(0);
        meta.extend_from_slice(field.as_deref().unwrap_or("").as_bytes());
    }
    xxh3_128(doc.text.as_bytes()) ^ xxh3_128(&meta).rotate_left(1)
}

// ---- encoding ------------------------------------------------------------------------

const PER: [&str; 4] = ["year", "month", "week", "day"];
const FIGURE_KINDS: [FigureKind; 5] = [
    FigureKind::Money,
    FigureKind::Count,
    FigureKind::Percent,
    FigureKind::Multiplier,
    FigureKind::Fraction,
];

pub(super) struct Out(pub(super) Vec<u8>);

impl Out {
    pub(super) fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub(super) fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub(super) fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub(super) fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }
    pub(super) fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    pub(super) fn opt_f64(&mut self, v: Option<f64>) {
        self.u8(v.is_some() as u8);
        self.f64(v.unwrap_or(0.0));
    }
}

fn encode(docs: &[(u128, &DocEntries)], stamp: u64) -> Vec<u8> {
    let mut o = Out(Vec::new());
    o.0.extend_from_slice(MAGIC);
    o.u64(stamp);
    o.u32(docs.len() as u32);
    for (key, d) in docs {
        o.0.extend_from_slice(&key.to_le_bytes());
        write_info(&mut o, &d.info);
        o.u32(d.entries.len() as u32);
        for e in &d.entries {
            let q = &e.masks;
            o.u8(e.kind as u8);
            for v in [
                e.start,
                e.end,
                e.context.0,
                e.context.1,
                e.values.0,
                e.values.1,
            ] {
                o.u32(v);
            }
            for m in [q.mask, q.context_mask, q.initials, q.context_initials] {
                o.u64(m);
            }
        }
        o.u32(d.values.len() as u32);
        for v in &d.values {
            write_value(&mut o, v);
        }
    }
    let sum = xxh3_64(&o.0);
    o.u64(sum);
    o.0
}

/// What the index knows of a document: its title, date and counts.
pub(super) fn write_info(o: &mut Out, info: &DocInfo) {
    o.str(&info.title);
    o.u8(info.date.is_some() as u8);
    o.str(info.date.as_deref().unwrap_or(""));
    o.u8(info.days.is_some() as u8);
    let days = info.days.unwrap_or(Days { first: 0, last: 0 });
    o.u32(days.first as u32);
    o.u32(days.last as u32);
    o.u32(info.figures as u32);
    o.u32(info.dates as u32);
    o.u32(info.commitments as u32);
}

/// One value record, VALUE_BYTES long whatever the value.
pub(super) fn write_value(o: &mut Out, v: &ItemValue) {
    match *v {
        ItemValue::Figure {
            kind,
            number,
            min,
            max,
            currency,
            approx,
            per,
        } => {
            o.u8(0);
            o.u8(FIGURE_KINDS.iter().position(|k| *k == kind).unwrap_or(1) as u8);
            o.f64(number);
            o.opt_f64(min);
            o.opt_f64(max);
            o.u8(currency
                .and_then(|c| Iso::ALL.iter().position(|i| i.code() == c))
                .map_or(u8::MAX, |i| i as u8));
            o.u8(approx as u8);
            o.u8(per
                .and_then(|p| PER.iter().position(|x| *x == p))
                .map_or(u8::MAX, |i| i as u8));
        }
        ItemValue::Date(d) => {
            // Padded to a figure's size: every value record is VALUE_BYTES long.
            o.u8(1);
            o.u32(d.first as u32);
            o.u32(d.last as u32);
            o.0.extend_from_slice(&[0; VALUE_BYTES - 9]);
        }
    }
}

/// Reads fixed-size fields from a slice; `None` past its end.
pub(super) struct In<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl<'a> In<'a> {
    pub(super) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    pub(super) fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub(super) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub(super) fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub(super) fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(self.u64()?))
    }
    pub(super) fn opt_f64(&mut self) -> Option<Option<f64>> {
        let some = self.u8()? != 0;
        let v = self.f64()?;
        Some(some.then_some(v))
    }
}

/// Reads a cache file as a stream, hashing what it reads, so the file never sits in
/// memory whole; the checksum at the end decides whether anything read is kept.
struct Stream<R> {
    inner: R,
    hash: Xxh3Default,
    buf: Vec<u8>,
}

impl<R: Read> Stream<R> {
    /// The next `n` bytes (valid until the next call).
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        // A corrupt length must not make us allocate gigabytes before the checksum fails.
        if n > 1 << 30 {
            return None;
        }
        self.buf.resize(n, 0);
        self.inner.read_exact(&mut self.buf).ok()?;
        self.hash.update(&self.buf);
        Some(&self.buf)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.take(16)?.try_into().ok()?))
    }
    fn str(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
}

/// Reads a cache file; `None` when it is not one, was written by another build, or does
/// not check out.
fn decode(reader: impl Read, stamp: u64) -> Option<HashMap<u128, DocEntries>> {
    let mut r = Stream {
        inner: reader,
        hash: Xxh3Default::new(),
        buf: Vec::new(),
    };
    if r.take(8)? != MAGIC || r.u64()? != stamp {
        return None;
    }
    let n = r.u32()? as usize;
    let mut docs = HashMap::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let key = r.u128()?;
        let title = r.str()?;
        let has_date = r.take(1)?[0] != 0;
        let date = r.str()?;
        let head = r.take(1 + 5 * 4)?;
        let mut h = In { bytes: head, at: 0 };
        let has_days = h.u8()? != 0;
        let days = Days {
            first: h.u32()? as i32,
            last: h.u32()? as i32,
        };
        let (figures, dates, commitments) = (h.u32()?, h.u32()?, h.u32()?);
        let info = DocInfo {
            title,
            date: has_date.then_some(date),
            days: has_days.then_some(days),
            figures: figures as usize,
            dates: dates as usize,
            commitments: commitments as usize,
        };
        let count = r.u32()? as usize;
        let mut entries = Vec::with_capacity(count.min(1 << 24));
        let mut e = In {
            bytes: r.take(count.checked_mul(ENTRY_BYTES)?)?,
            at: 0,
        };
        for _ in 0..count {
            let kind = *Kind::ALL.get(e.u8()? as usize)?;
            let mut f = [0u32; 6];
            for v in &mut f {
                *v = e.u32()?;
            }
            entries.push(Entry {
                kind,
                doc: 0,
                start: f[0],
                end: f[1],
                context: (f[2], f[3]),
                values: (f[4], f[5]),
                masks: Masks {
                    mask: e.u64()?,
                    context_mask: e.u64()?,
                    initials: e.u64()?,
                    context_initials: e.u64()?,
                },
            });
        }
        let count = r.u32()? as usize;
        let mut values = Vec::with_capacity(count.min(1 << 24));
        let mut v = In {
            bytes: r.take(count.checked_mul(VALUE_BYTES)?)?,
            at: 0,
        };
        for _ in 0..count {
            let record = In {
                bytes: v.take(VALUE_BYTES)?,
                at: 0,
            };
            values.push(read_value(record)?);
        }
        if entries.iter().any(|e| e.values.1 as usize > values.len()) {
            return None;
        }
        docs.insert(
            key,
            DocEntries {
                info,
                entries,
                values,
            },
        );
    }
    let computed = r.hash.digest();
    let mut sum = [0u8; 8];
    r.inner.read_exact(&mut sum).ok()?;
    let at_end = r.inner.read(&mut [0u8; 1]).ok()? == 0;
    (at_end && u64::from_le_bytes(sum) == computed).then_some(docs)
}

pub(super) fn read_value(mut r: In<'_>) -> Option<ItemValue> {
    Some(match r.u8()? {
        0 => ItemValue::Figure {
            kind: *FIGURE_KINDS.get(r.u8()? as usize)?,
            number: r.f64()?,
            min: r.opt_f64()?,
            max: r.opt_f64()?,
            currency: match r.u8()? {
                u8::MAX => None,
                i => Some(Iso::ALL.get(i as usize)?.code()),
            },
            approx: r.u8()? != 0,
            per: match r.u8()? {
                u8::MAX => None,
                i => Some(*PER.get(i as usize)?),
            },
        },
        1 => ItemValue::Date(Days {
            first: r.u32()? as i32,
            last: r.u32()? as i32,
        }),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;

    fn corpus(texts: &[(&str, &str)]) -> Arc<Corpus> {
        Arc::new(Corpus {
            documents: texts
                .iter()
                .map(|(n, t)| Document::from_text(*n, *t))
                .collect(),
            warnings: Vec::new(),
        })
    }

    const A: &str = "Paris, 20 August 2015\n\nWe will devote €10 million over two years.\n";
    const B: &str =
        "London, 3 March 2016\n\nThe UK will deploy 1,300 officers by the end of 2016.\n";

    fn same(a: &Index, b: &Index) {
        assert_eq!(a.entries(), b.entries());
        for e in a.entries() {
            assert_eq!(a.values(e), b.values(e));
        }
        for d in 0..a.corpus().documents.len() as u32 {
            assert_eq!(a.doc_info(d), b.doc_info(d));
        }
    }

    #[test]
    fn a_cached_index_equals_a_fresh_one() {
        let dir = tempfile::tempdir().unwrap();
        let c = corpus(&[("a.txt", A), ("b.txt", B)]);
        let fresh = Index::build(c.clone());
        let first = build_cached(c.clone(), Some(dir.path()));
        same(&fresh, &first);
        let files: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(files.len(), 1, "one cache file per corpus");
        let second = build_cached(c, Some(dir.path()));
        same(&fresh, &second);
    }

    #[test]
    fn an_edited_document_is_extracted_again() {
        let dir = tempfile::tempdir().unwrap();
        build_cached(corpus(&[("a.txt", A), ("b.txt", B)]), Some(dir.path()));
        let edited = B.replace("1,300", "2,600");
        let c = corpus(&[("a.txt", A), ("b.txt", &edited)]);
        let cached = build_cached(c.clone(), Some(dir.path()));
        same(&Index::build(c), &cached);
    }

    #[test]
    fn a_corrupt_cache_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let c = corpus(&[("a.txt", A)]);
        build_cached(c.clone(), Some(dir.path()));
        let file = fs::read_dir(dir.path())
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let mut bytes = fs::read(&file).unwrap();
        for cut in [0, 7, bytes.len() / 2, bytes.len() - 1] {
            fs::write(&file, &bytes[..cut]).unwrap();
            same(
                &Index::build(c.clone()),
                &build_cached(c.clone(), Some(dir.path())),
            );
        }
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0xff;
        fs::write(&file, &bytes).unwrap();
        same(&Index::build(c.clone()), &build_cached(c, Some(dir.path())));
    }

    #[test]
    fn an_unwritable_cache_folder_costs_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        fs::write(&blocker, "not a folder").unwrap();
        let c = corpus(&[("a.txt", A)]);
        same(
            &Index::build(c.clone()),
            &build_cached(c, Some(&blocker.join("sub"))),
        );
    }
}
