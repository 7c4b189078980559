//! The index as one file that `find` maps and reads in place: the documents' texts and the
//! entries lie in the file as they lie in memory, so a warm `find` reads no document and
//! decodes no entry, and its memory holds only the pages a query touches (an unselective
//! query touches every entry's masks; `xyzzy` touches no text).
//!
//! The file belongs to the corpus paths as given (`file_for`) and records the corpus's
//! fingerprint (`corpus::fingerprint`: every file's stamp, taken before it was read): it
//! is used only while the corpus is exactly as it was, and never decides anything else.
//! Before it is mapped, its bytes are checked against the hash in its header, read through
//! a small buffer (the page cache, not this process's memory): a torn, corrupt or
//! foreign file is ignored, and what is mapped is what this build wrote.
//!
//! Layout (native byte order; the build stamp ties a file to the build that wrote it):
//! a 64-byte header (magic, build, fingerprint, hash of the rest, the sizes), the
//! documents' metadata, values and warnings (decoded, small), then, each at a multiple of
//! 64, the texts one after the other and the entries.

use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use xxhash_rust::xxh3::{Xxh3Default, xxh3_64};

use super::cache::{In, Out, VALUE_BYTES, read_value, write_info, write_value};
use super::index::{DocInfo, Entries, Entry, Index};
use super::value::Days;
use crate::cache_dir::{build_stamp, write_entry_with};
use crate::corpus::{Corpus, Document, SourceKind, Text};

const MAGIC: &[u8; 8] = b"CRDLMAP1";
const HEADER: usize = 64;
const SOURCES: [SourceKind; 4] = [
    SourceKind::Text,
    SourceKind::Pdf,
    SourceKind::Html,
    SourceKind::Docx,
];

/// The mapped index of the corpus `roots` (as given, from this folder).
fn file_for(dir: &Path, roots: &[PathBuf]) -> PathBuf {
    let mut names = std::env::current_dir()
        .unwrap_or_default()
        .as_os_str()
        .as_encoded_bytes()
        .to_vec();
    for root in roots {
        names.push(0);
        names.extend_from_slice(root.as_os_str().as_encoded_bytes());
    }
    dir.join(format!("mapped-{:016x}.bin", xxh3_64(&names)))
}

fn align(n: usize) -> usize {
    n.next_multiple_of(64)
}

/// Where the sections lie, from the header's sizes.
struct Layout {
    meta_len: usize,
    texts_at: usize,
    texts_len: usize,
    entries_at: usize,
    entries: usize,
    len: usize,
}

impl Layout {
    fn of(meta_len: usize, texts_len: usize, entries: usize) -> Option<Layout> {
        let texts_at = align(HEADER.checked_add(meta_len)?);
        let entries_at = align(texts_at.checked_add(texts_len)?);
        let len = entries_at.checked_add(entries.checked_mul(size_of::<Entry>())?)?;
        Some(Layout {
            meta_len,
            texts_at,
            texts_len,
            entries_at,
            entries,
            len,
        })
    }
}

/// Writes the mapped index of `index`, built from the corpus `roots` whose fingerprint
/// was `fingerprint` before they were read; `warnings` are the load's, said again when
/// the file is used.
pub fn write(
    dir: &Path,
    roots: &[PathBuf],
    fingerprint: u128,
    index: &Index,
    warnings: &[String],
) -> std::io::Result<()> {
    let docs = &index.corpus().documents;
    let mut meta = Out(Vec::new());
    meta.u32(docs.len() as u32);
    let mut text_at = 0u64;
    for (d, doc) in docs.iter().enumerate() {
        meta.str(&doc.name);
        meta.str(&doc.path.to_string_lossy());
        meta.u8(SOURCES.iter().position(|s| *s == doc.source).unwrap_or(0) as u8);
        meta.u8(doc.decoded_from.is_some() as u8);
        meta.u32(doc.pages.len() as u32);
        for p in &doc.pages {
            meta.u64(p.start as u64);
            meta.u64(p.end as u64);
        }
        for field in [&doc.meta_title, &doc.meta_date] {
            meta.u8(field.is_some() as u8);
            meta.str(field.as_deref().unwrap_or(""));
        }
        meta.u64(text_at);
        text_at += doc.text.len() as u64;
        meta.u64(text_at);
        write_info(&mut meta, index.doc_info(d as u32));
    }
    let values = index.all_values();
    meta.u32(values.len() as u32);
    for v in values {
        write_value(&mut meta, v);
    }
    meta.u32(warnings.len() as u32);
    for w in warnings {
        meta.str(w);
    }
    let entries = index.entries();
    let layout = Layout::of(meta.0.len(), text_at as usize, entries.len())
        .ok_or(std::io::ErrorKind::InvalidInput)?;
    write_entry_with(&file_for(dir, roots), |file| {
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&build_stamp().to_le_bytes());
        header.extend_from_slice(&fingerprint.to_le_bytes());
        header.extend_from_slice(&0u64.to_le_bytes()); // the hash, once known
        for n in [layout.meta_len, layout.texts_len, layout.entries] {
            header.extend_from_slice(&(n as u64).to_le_bytes());
        }
        let mut out = Hashing {
            inner: std::io::BufWriter::with_capacity(1 << 20, &mut *file),
            hash: Xxh3Default::new(),
            at: 0,
        };
        out.inner.write_all(&header)?;
        out.at = HEADER;
        out.write_all(&meta.0)?;
        out.pad_to(layout.texts_at)?;
        for doc in docs {
            out.write_all(doc.text.as_bytes())?;
        }
        out.pad_to(layout.entries_at)?;
        for e in entries {
            out.write_all(&e.image())?;
        }
        debug_assert_eq!(out.at, layout.len);
        let hash = out.hash.digest();
        out.inner.flush()?;
        drop(out);
        file.seek(SeekFrom::Start(32))?;
        file.write_all(&hash.to_le_bytes())
    })
}

/// A writer that hashes what it writes and counts where it is.
struct Hashing<W> {
    inner: W,
    hash: Xxh3Default,
    at: usize,
}

impl<W: Write> Hashing<W> {
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.hash.update(bytes);
        self.at += bytes.len();
        self.inner.write_all(bytes)
    }

    fn pad_to(&mut self, at: usize) -> std::io::Result<()> {
        let zeros = vec![0u8; at - self.at];
        self.write_all(&zeros)
    }
}

/// The mapped index of the corpus `roots`, when its file is this build's, records
/// `fingerprint` (the corpus's now: `corpus::fingerprint`, which the caller keeps for a
/// rebuild), and checks out; with the load's warnings. `None` otherwise: the caller loads
/// and builds.
#[allow(
    unsafe_code,
    reason = "maps a file checked against its hash (see SAFETY)"
)]
pub fn open(dir: &Path, roots: &[PathBuf], fingerprint: u128) -> Option<(Index, Vec<String>)> {
    let path = file_for(dir, roots);
    // Only a regular file is opened (a FIFO in its place would block the open).
    if !fs::metadata(&path).ok()?.is_file() {
        return None;
    }
    let mut file = fs::File::open(&path).ok()?;
    let mut header = [0u8; HEADER];
    file.read_exact(&mut header).ok()?;
    let mut h = In {
        bytes: &header,
        at: 0,
    };
    if h.take(8)? != MAGIC || h.u64()? != build_stamp() {
        return None;
    }
    let recorded = u128::from_le_bytes(h.take(16)?.try_into().ok()?);
    let hash = h.u64()?;
    let (meta_len, texts_len, entries) = (h.u64()?, h.u64()?, h.u64()?);
    if recorded != fingerprint {
        return None;
    }
    let layout = Layout::of(
        usize::try_from(meta_len).ok()?,
        usize::try_from(texts_len).ok()?,
        usize::try_from(entries).ok()?,
    )?;
    if file.metadata().ok()?.len() != layout.len as u64 {
        return None;
    }
    let meta = checked_meta(&mut file, &layout, hash)?;
    // SAFETY: a cache file we wrote (checked whole against its hash just now, through
    // this same open file) is only ever replaced by a rename, never written in place,
    // so the pages mapped are the ones checked.
    let map = Arc::new(unsafe { memmap2::Mmap::map(&file) }.ok()?);
    let (documents, infos, values, warnings) = decode_meta(&meta, &layout, &map)?;
    // SAFETY: as above; `Entries::mapped` checks bounds and alignment.
    let entries = unsafe { Entries::mapped(Arc::clone(&map), layout.entries_at, layout.entries) };
    if entries.iter().any(|e| {
        e.doc as usize >= documents.len()
            || e.values.0 > e.values.1
            || e.values.1 as usize > values.len()
    }) {
        return None;
    }
    crate::cache_dir::mark_used(&path);
    let corpus = Arc::new(Corpus {
        documents,
        warnings: Vec::new(),
    });
    Some((Index::from_parts(corpus, infos, entries, values), warnings))
}

/// Reads the file after its header through a small buffer, hashing it: the metadata
/// section when the whole checks out with `hash`.
fn checked_meta(file: &mut fs::File, layout: &Layout, hash: u64) -> Option<Vec<u8>> {
    let mut hasher = Xxh3Default::new();
    let mut meta = vec![0u8; layout.meta_len];
    file.read_exact(&mut meta).ok()?;
    hasher.update(&meta);
    let mut left = layout.len - HEADER - layout.meta_len;
    let mut buf = vec![0u8; (1 << 20).min(left.max(1))];
    while left > 0 {
        let n = left.min(buf.len());
        file.read_exact(&mut buf[..n]).ok()?;
        hasher.update(&buf[..n]);
        left -= n;
    }
    (hasher.digest() == hash).then_some(meta)
}

type Decoded = (
    Vec<Document>,
    Vec<DocInfo>,
    Vec<super::value::ItemValue>,
    Vec<String>,
);

#[allow(unsafe_code, reason = "texts of the checked file (see SAFETY)")]
fn decode_meta(meta: &[u8], layout: &Layout, map: &Arc<memmap2::Mmap>) -> Option<Decoded> {
    let mut r = In { bytes: meta, at: 0 };
    let str = |r: &mut In| -> Option<String> {
        let n = r.u32()? as usize;
        String::from_utf8(r.take(n)?.to_vec()).ok()
    };
    let n = r.u32()? as usize;
    let mut documents = Vec::with_capacity(n.min(1 << 20));
    let mut infos = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let name = str(&mut r)?;
        let path = PathBuf::from(str(&mut r)?);
        let source = *SOURCES.get(r.u8()? as usize)?;
        let decoded_from = (r.u8()? != 0).then_some("windows-1252");
        let pages = (0..r.u32()?)
            .map(|_| Some(r.u64()? as usize..r.u64()? as usize))
            .collect::<Option<Vec<_>>>()?;
        let mut optional = || -> Option<Option<String>> {
            let some = r.u8()? != 0;
            let s = str(&mut r)?;
            Some(some.then_some(s))
        };
        let (meta_title, meta_date) = (optional()?, optional()?);
        let (from, to) = (r.u64()? as usize, r.u64()? as usize);
        if from > to || to > layout.texts_len {
            return None;
        }
        // SAFETY: inside the texts section of a file checked against its hash, which this
        // build wrote from each document's `str` (see `Text::mapped`).
        let text = unsafe {
            Text::mapped(
                Arc::clone(map),
                layout.texts_at + from,
                layout.texts_at + to,
            )
        };
        documents.push(Document {
            name,
            path,
            text,
            decoded_from,
            source,
            pages,
            meta_title,
            meta_date,
        });
        // As `write_info` wrote it.
        let title = str(&mut r)?;
        let has_date = r.u8()? != 0;
        let date = str(&mut r)?;
        let has_days = r.u8()? != 0;
        let days = Days {
            first: r.u32()? as i32,
            last: r.u32()? as i32,
        };
        infos.push(DocInfo {
            title,
            date: has_date.then_some(date),
            days: has_days.then_some(days),
            figures: r.u32()? as usize,
            dates: r.u32()? as usize,
            commitments: r.u32()? as usize,
        });
    }
    let n = r.u32()? as usize;
    let mut values = Vec::with_capacity(n.min(1 << 24));
    for _ in 0..n {
        values.push(read_value(In {
            bytes: r.take(VALUE_BYTES)?,
            at: 0,
        })?);
    }
    let warnings = (0..r.u32()?)
        .map(|_| str(&mut r))
        .collect::<Option<Vec<_>>>()?;
    (r.at == meta.len()).then_some((documents, infos, values, warnings))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::search::{Query, search};

    /// A corpus folder whose files are old enough for their stamps to prove something.
    fn settled_corpus() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let texts = [
            (
                "a.txt",
                "Paris, 20 August 2015\n\nWe will devote €10 million over two years.\n",
            ),
            (
                "b.md",
                "# London, 3 March 2016\n\nThe UK will deploy 1,300 officers by 2016.\n",
            ),
        ];
        for (name, text) in texts {
            fs::write(dir.path().join(name), text).unwrap();
        }
        std::thread::sleep(crate::stamp::TICK_MARGIN + std::time::Duration::from_millis(5));
        dir
    }

    fn built(roots: &[PathBuf]) -> Index {
        Index::build(Arc::new(crate::corpus::load(roots).unwrap()))
    }

    fn same(a: &Index, b: &Index) {
        assert_eq!(a.entries(), b.entries());
        assert_eq!(a.all_values(), b.all_values());
        assert_eq!(a.corpus().documents.len(), b.corpus().documents.len());
        for (d, (x, y)) in a
            .corpus()
            .documents
            .iter()
            .zip(&b.corpus().documents)
            .enumerate()
        {
            assert_eq!((&x.name, &x.text, x.source), (&y.name, &y.text, y.source));
            assert_eq!(a.doc_info(d as u32), b.doc_info(d as u32));
        }
        for q in ["10m", "aug 2015", "officers", "xyzzy"] {
            let q = Query::parse(q, None);
            assert_eq!(search(a, &q, 50), search(b, &q, 50));
        }
    }

    #[test]
    fn a_mapped_index_answers_as_the_index_it_was_written_from() {
        let corpus = settled_corpus();
        let cache = tempfile::tempdir().unwrap();
        let roots = vec![corpus.path().to_path_buf()];
        let fingerprint = crate::corpus::fingerprint(&roots).unwrap();
        assert!(
            open(cache.path(), &roots, fingerprint).is_none(),
            "nothing written yet"
        );
        let index = built(&roots);
        write(
            cache.path(),
            &roots,
            fingerprint,
            &index,
            &["a warning".into()],
        )
        .unwrap();
        let (mapped, warnings) = open(cache.path(), &roots, fingerprint).expect("in step");
        assert_eq!(warnings, ["a warning"]);
        same(&index, &mapped);
    }

    #[test]
    fn a_changed_corpus_or_a_damaged_file_is_not_used() {
        let corpus = settled_corpus();
        let cache = tempfile::tempdir().unwrap();
        let roots = vec![corpus.path().to_path_buf()];
        let fingerprint = crate::corpus::fingerprint(&roots).unwrap();
        write(cache.path(), &roots, fingerprint, &built(&roots), &[]).unwrap();
        let file = file_for(cache.path(), &roots);
        let bytes = fs::read(&file).unwrap();
        // Every byte counts: one flipped anywhere after the header, or a cut, is refused.
        for at in [HEADER, HEADER + 10, bytes.len() / 2, bytes.len() - 1] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x40;
            fs::write(&file, &damaged).unwrap();
            assert!(
                open(cache.path(), &roots, fingerprint).is_none(),
                "byte {at} flipped"
            );
        }
        fs::write(&file, &bytes[..bytes.len() - 64]).unwrap();
        assert!(open(cache.path(), &roots, fingerprint).is_none(), "cut");
        fs::write(&file, &bytes).unwrap();
        assert!(open(cache.path(), &roots, fingerprint).is_some());
        // Another file in the corpus: another fingerprint.
        fs::write(corpus.path().join("c.txt"), "We will act.").unwrap();
        std::thread::sleep(crate::stamp::TICK_MARGIN + std::time::Duration::from_millis(5));
        let now = crate::corpus::fingerprint(&roots).unwrap();
        assert_ne!(now, fingerprint);
        assert!(
            open(cache.path(), &roots, now).is_none(),
            "the corpus changed"
        );
    }
}
