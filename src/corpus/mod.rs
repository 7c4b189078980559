//! Loading a corpus: any folder of `.txt`, `.md`, `.pdf`, `.html`/`.htm` and `.docx` files,
//! or files named one by one.
//!
//! A [`Document`] keeps the exact text it was read as, so every span reported downstream is a
//! byte offset into text the user can print and check: a text file's own bytes, or what
//! [`convert`] made of a PDF, web page or Word file (`cordiale text FILE` prints it).
//! Normalization (NBSP, curly quotes, CRLF) is never applied to a text file: the scanners
//! treat those characters as what they mean instead.

pub mod convert;
mod decode;
mod fingerprint;
pub mod front_matter;
pub mod markup;
pub mod split;
mod text;

use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::safe_text::sanitize as safe;
pub use convert::{ConvertError, SourceKind};
pub use decode::{Decoded, decode};
pub use fingerprint::fingerprint;
pub use split::{Unit, UnitKind, split_units};
pub use text::Text;

/// One document of the corpus, as read from disk.
#[derive(Debug, Clone)]
pub struct Document {
    /// Name shown to people and written in JSON: the path relative to the corpus root it was
    /// found under, or the file name when it was named directly.
    pub name: String,
    /// Where the file was read from.
    pub path: PathBuf,
    /// The text every span refers to: the file's bytes when they are UTF-8, else their
    /// Windows-1252 decoding.
    pub text: Text,
    /// `Some("windows-1252")` when the file was not valid UTF-8.
    pub decoded_from: Option<&'static str>,
    /// What the text was converted from.
    pub source: SourceKind,
    /// PDF pages as contiguous byte ranges of `text` (empty for formats without pages).
    pub pages: Vec<Range<usize>>,
    /// The title the file's metadata gives (PDF, HTML, DOCX).
    pub meta_title: Option<String>,
    /// The date of issue the file's metadata gives, as an ISO date.
    pub meta_date: Option<String>,
}

impl Document {
    /// A document built from text in memory (tests, benchmarks, pasted text).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        let name = name.into();
        Document {
            path: PathBuf::from(&name),
            name,
            text: Text::from(text.into()),
            decoded_from: None,
            source: SourceKind::Text,
            pages: Vec::new(),
            meta_title: None,
            meta_date: None,
        }
    }

    /// The same document, read from `path`.
    fn at(self, path: PathBuf) -> Self {
        Document { path, ..self }
    }

    /// A document made from a converted file.
    pub fn from_converted(name: String, path: PathBuf, converted: convert::Converted) -> Self {
        Document {
            name,
            path,
            text: converted.text.into(),
            decoded_from: None,
            source: converted.source,
            pages: converted.pages,
            meta_title: converted.title,
            meta_date: converted.date,
        }
    }

    /// The 1-based page byte `offset` lies on (`None` for formats without pages).
    pub fn page_of(&self, offset: usize) -> Option<usize> {
        convert::page_of(&self.pages, offset)
    }

    /// How a citation names the place of `span`: `p. 3`, `pp. 3–4`, or nothing without pages.
    pub fn page_label(&self, span: Range<usize>) -> Option<String> {
        let first = self.page_of(span.start)?;
        let last = self
            .page_of(span.end.saturating_sub(1).max(span.start))
            .unwrap_or(first);
        Some(if last > first {
            format!("pp. {first}–{last}")
        } else {
            format!("p. {first}")
        })
    }
}

impl Corpus {
    /// The document named `name` (workspace items know their document by name): a binary
    /// search, the documents being sorted by name as [`load`] leaves them, else a scan.
    pub fn named(&self, name: &str) -> Option<&Document> {
        self.position(name).map(|i| &self.documents[i])
    }

    /// Where the document named `name` stands in `documents` (its number in the index).
    pub fn position(&self, name: &str) -> Option<usize> {
        let docs = &self.documents;
        let i = docs.partition_point(|d| d.name.as_str() < name);
        match docs.get(i).filter(|d| d.name == name) {
            Some(_) => Some(i),
            None => docs.iter().position(|d| d.name == name),
        }
    }
}

/// Something worth telling the user that did not stop the load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A file with NUL bytes: not a text document.
    SkippedBinary(PathBuf),
    /// A file that was not UTF-8 and was read as Windows-1252.
    DecodedAsWindows1252(PathBuf),
    /// Not a regular file (a FIFO, socket, device, dangling symbolic link, or a folder behind
    /// a document's name): never opened, since reading one may block forever or never end.
    SkippedSpecial {
        /// The path skipped.
        path: PathBuf,
        /// What it is (`FIFO (named pipe)`, `socket`…), as the warning names it.
        kind: &'static str,
    },
    /// A PDF, web page or Word file that could not be converted, and why.
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why it could not be converted.
        reason: ConvertError,
    },
    /// Something a conversion noticed but got past ("p. 2 has no text layer").
    Converted {
        /// The file.
        path: PathBuf,
        /// What the conversion noticed.
        note: String,
    },
}

/// A path as it may be shown on a terminal: file names can hold escape sequences.
fn shown(path: &Path) -> String {
    safe(&path.display().to_string())
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::SkippedBinary(p) => write!(f, "skipped binary file {}", shown(p)),
            Warning::DecodedAsWindows1252(p) => write!(
                f,
                "{} is not valid UTF-8; read it as Windows-1252 (spans refer to the decoded text)",
                shown(p)
            ),
            Warning::SkippedSpecial { path, kind } => {
                write!(f, "skipped {}: a {kind}, not a regular file", shown(path))
            }
            Warning::Unreadable { path, reason } => {
                write!(f, "skipped {}: {}", shown(path), safe(&reason.to_string()))
            }
            Warning::Converted { path, note } => {
                write!(f, "{}: {}", shown(path), safe(note))
            }
        }
    }
}

impl Warning {
    /// The warning in a few words for a status bar: the file's name rather than its path.
    pub fn brief(&self) -> String {
        let name = |p: &Path| {
            p.file_name()
                .map_or_else(|| shown(p), |n| safe(&n.to_string_lossy()))
        };
        match self {
            Warning::SkippedBinary(p) => format!("{} skipped: binary", name(p)),
            Warning::DecodedAsWindows1252(p) => format!("{} read as Windows-1252", name(p)),
            Warning::SkippedSpecial { path, kind } => format!("{} skipped: a {kind}", name(path)),
            Warning::Unreadable { path, reason } => {
                format!("{} skipped: {}", name(path), safe(&reason.to_string()))
            }
            Warning::Converted { path, note } => format!("{}: {}", name(path), safe(note)),
        }
    }
}

/// Why a corpus could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A path given does not exist.
    #[error("{}: no such file or folder", shown(.0))]
    Missing(PathBuf),
    /// A file or folder could not be read.
    #[error("{}: {source}", shown(path))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A folder holds no file of a kind cordiale reads.
    #[error("{}: no documents found (.txt, .md, .pdf, .html, .htm, .docx)", shown(.0))]
    NoDocuments(PathBuf),
    /// Documents were found but none could be read: why, for each.
    #[error("no document could be read:{}", .0.iter().map(|w| format!("\n  {w}")).collect::<String>())]
    NothingReadable(Vec<Warning>),
}

/// The loaded documents, in a stable order (by name), and what was worth a warning.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The documents, by name.
    pub documents: Vec<Document>,
    /// What was skipped or read with a caveat, for the user to know.
    pub warnings: Vec<Warning>,
}

/// The first line of every checklist cordiale exports as Markdown. A file that starts with
/// it is cordiale's own output, not a document: the workbench writes its exports beside the
/// workspace, which lives inside the corpus folder, and they must not come back as documents
/// (their table would be read as commitments) at the next load.
pub const EXPORT_MARK: &str = "<!-- cordiale checklist export: not a document of the corpus -->";

/// True for the file endings that make a document in a folder.
pub fn is_document_path(path: &Path) -> bool {
    convert::kind_of_name(path).is_some()
}

/// Loads every document under `paths` (folders are walked recursively; files are taken as
/// they are, whatever their ending). Files are read in parallel; the result is sorted by name
/// so the same corpus always yields the same order.
///
/// Only regular files are read: a FIFO, socket, device or dangling symbolic link is skipped
/// with a warning, known from its metadata before anything is opened, so a load never hangs.
/// A link to a regular file is read; a link to a folder is not walked.
/// A checklist cordiale exported (it starts with [`EXPORT_MARK`]) is not a document.
pub fn load(paths: &[PathBuf]) -> Result<Corpus, CorpusError> {
    let mut corpus = Corpus::default();
    load_in_batches(paths, usize::MAX, |batch| {
        corpus.documents.extend(batch.documents);
        corpus.warnings.extend(batch.warnings);
        Ok::<(), CorpusError>(())
    })?;
    Ok(corpus)
}

/// [`load`], a batch of up to `files` files at a time: each batch (its documents in the
/// corpus's order, its warnings) goes to `each` before the next is read, so memory holds
/// one batch, not the corpus (`cordiale extract` streams this way). The checks of `load`
/// hold: a folder that yields no document at all is an error, after the last batch.
pub fn load_in_batches<E: From<CorpusError>>(
    paths: &[PathBuf],
    files: usize,
    mut each: impl FnMut(Corpus) -> Result<(), E>,
) -> Result<(), E> {
    let listing = list(paths)?;
    let cache = crate::cache_dir::default_dir();
    let mut warnings = listing.skipped;
    let mut any = false;
    for chunk in listing.files.chunks(files.max(1)) {
        let read: Vec<Result<FileRead, CorpusError>> = chunk
            .par_iter()
            .map(|(path, name)| read_document(path.clone(), name.clone(), cache.as_deref()))
            .collect();
        let mut batch = Corpus {
            warnings: std::mem::take(&mut warnings),
            ..Corpus::default()
        };
        for item in read {
            let (doc, found) = item?;
            batch.documents.extend(doc);
            batch.warnings.extend(found);
        }
        any |= !batch.documents.is_empty();
        if !any && listing.found_in_folders {
            // Nothing readable yet: its warnings wait for the verdict on the whole corpus.
            warnings = batch.warnings;
            continue;
        }
        each(batch)?;
    }
    if !any && listing.found_in_folders {
        return Err(CorpusError::NothingReadable(warnings).into());
    }
    if !warnings.is_empty() {
        each(Corpus {
            warnings,
            ..Corpus::default()
        })?;
    }
    Ok(())
}

/// Checks, without reading a document, what [`load`] would refuse first: a path that does
/// not exist, a folder with no document in it. The workbench asks before it takes the
/// terminal, so that the message is printed where it can be read, with its exit status.
pub fn check(paths: &[PathBuf]) -> Result<(), CorpusError> {
    list(paths).map(|_| ())
}

/// The files a load reads (path and name, sorted by name), what it skips, and whether any
/// came from a folder (an empty result is then an error).
struct Listing {
    files: Vec<(PathBuf, String)>,
    skipped: Vec<Warning>,
    found_in_folders: bool,
}

/// Walks `paths` for [`load`]: names and metadata only, nothing opened.
fn list(paths: &[PathBuf]) -> Result<Listing, CorpusError> {
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut skipped: Vec<Warning> = Vec::new();
    // A folder of files none of which can be read is as useless as an empty one.
    let mut found_in_folders = false;
    for root in paths {
        let meta = match fs::metadata(root) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if !fs::symlink_metadata(root).is_ok_and(|m| m.file_type().is_symlink()) {
                    return Err(CorpusError::Missing(root.clone()));
                }
                skipped.push(Warning::SkippedSpecial {
                    path: root.clone(),
                    kind: DANGLING_LINK,
                });
                continue;
            }
            Err(source) => {
                return Err(CorpusError::Io {
                    path: root.clone(),
                    source,
                });
            }
        };
        if meta.is_dir() {
            let before = files.len();
            walk(root, root, &mut files)?;
            if files.len() == before {
                return Err(CorpusError::NoDocuments(root.clone()));
            }
            found_in_folders = true;
        } else if let Some(kind) = special_kind(&meta) {
            skipped.push(Warning::SkippedSpecial {
                path: root.clone(),
                kind,
            });
        } else {
            let name = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| root.display().to_string());
            files.push((root.clone(), name));
        }
    }
    files.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    files.dedup_by(|a, b| a.0 == b.0);
    Ok(Listing {
        files,
        skipped,
        found_in_folders,
    })
}

/// A file read: its document, if it makes one, and what was worth a warning.
type FileRead = (Option<Document>, Vec<Warning>);

/// Files this process has read as documents: how tests prove that a change made in place
/// reads no document.
static READ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many files this process has read as documents so far.
pub fn read_count() -> usize {
    READ.load(std::sync::atomic::Ordering::Relaxed)
}

/// Reads one file: a text file is decoded, a PDF, web page or Word file converted (from
/// the cache in `cache` when it was converted before).
fn read_document(
    path: PathBuf,
    name: String,
    cache: Option<&Path>,
) -> Result<FileRead, CorpusError> {
    READ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let io_error = |source| CorpusError::Io {
        path: path.clone(),
        source,
    };
    let meta = match fs::metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                let warning = Warning::SkippedSpecial {
                    path,
                    kind: DANGLING_LINK,
                };
                return Ok((None, vec![warning]));
            }
            return Err(io_error(e));
        }
        Err(e) => return Err(io_error(e)),
    };
    if let Some(kind) = special_kind(&meta) {
        return Ok((None, vec![Warning::SkippedSpecial { path, kind }]));
    }
    if meta.len() > convert::MAX_FILE_BYTES {
        let reason = ConvertError::TooLarge {
            size_mb: meta.len() >> 20,
            limit_mb: convert::MAX_FILE_BYTES >> 20,
        };
        return Ok((None, vec![Warning::Unreadable { path, reason }]));
    }
    // Bounded, in case the file grows while it is read.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(&path)
        .and_then(|f| f.take(convert::MAX_FILE_BYTES).read_to_end(&mut bytes))
        .map_err(io_error)?;
    if convert::needs_conversion(&path, &bytes) {
        return Ok(converted_document(path, name, bytes, cache));
    }
    Ok(match decode(bytes) {
        Decoded::Binary => (None, vec![Warning::SkippedBinary(path)]),
        // Our own export, left where the workbench wrote it: skipped without a word.
        Decoded::Utf8(text) if text.starts_with(EXPORT_MARK) => (None, vec![]),
        Decoded::Utf8(text) => (
            Some(Document {
                decoded_from: None,
                ..Document::from_text(name, text).at(path)
            }),
            vec![],
        ),
        Decoded::Windows1252(text) => (
            Some(Document {
                decoded_from: Some("windows-1252"),
                ..Document::from_text(name, text).at(path.clone())
            }),
            vec![Warning::DecodedAsWindows1252(path)],
        ),
    })
}

/// Converts a PDF, web page or Word file, or takes its conversion from the cache.
fn converted_document(
    path: PathBuf,
    name: String,
    bytes: Vec<u8>,
    cache: Option<&Path>,
) -> FileRead {
    let named = convert::kind_of_name(&path);
    let cached = cache.and_then(|dir| convert::cache::get(dir, &bytes));
    let converted = match cached {
        Some(c) => Ok(c),
        None => {
            let result = convert::isolate::convert(&bytes, named);
            if let (Some(dir), Ok(c)) = (cache, &result) {
                convert::cache::put(dir, &bytes, c);
            }
            result
        }
    };
    let converted = match converted {
        Ok(c) => c,
        Err(reason) => return (None, vec![Warning::Unreadable { path, reason }]),
    };
    let mut warnings = Vec::new();
    if let Some(named) = named
        && named != converted.source
    {
        let note = format!(
            "its content is {}, not what its name says: read as {}",
            converted.source.describe(),
            converted.source.as_str().to_ascii_uppercase()
        );
        warnings.push(Warning::Converted {
            path: path.clone(),
            note,
        });
    }
    for note in &converted.notes {
        warnings.push(Warning::Converted {
            path: path.clone(),
            note: note.clone(),
        });
    }
    (
        Some(Document::from_converted(name, path, converted)),
        warnings,
    )
}

/// What [`special_file`] calls a symbolic link whose target does not exist.
pub const DANGLING_LINK: &str = "dangling symbolic link";

/// What kind of file `meta` describes, when it is not a regular one (`None` for a regular
/// file).
fn special_kind(meta: &fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("FIFO (named pipe)");
        }
        if kind.is_socket() {
            return Some("socket");
        }
        if kind.is_char_device() {
            return Some("character device");
        }
        if kind.is_block_device() {
            return Some("block device");
        }
    }
    Some("special file")
}

/// What the file at `path` is when it is not a regular file (a FIFO, socket, device, folder
/// or [`DANGLING_LINK`]), found from its metadata, before anything opens it: opening a FIFO
/// blocks until a writer comes and reading a device may never end. Symbolic links are
/// followed, so a link to a regular file gives `None`. Used for every file cordiale reads
/// on the user's behalf (documents, keymaps).
pub fn special_file(path: &Path) -> std::io::Result<Option<&'static str>> {
    match fs::metadata(path) {
        Ok(meta) => Ok(special_kind(&meta)),
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound
                && fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) =>
        {
            Ok(Some(DANGLING_LINK))
        }
        Err(e) => Err(e),
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, String)>) -> Result<(), CorpusError> {
    let entries = fs::read_dir(dir).map_err(|source| CorpusError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| CorpusError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        let file_type = entry.file_type().map_err(|source| CorpusError::Io {
            path: path.clone(),
            source,
        })?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if file_type.is_dir() {
            walk(root, &path, out)?;
        } else if is_document_path(&path) {
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            out.push((path, name));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_folder_recursively_sorted_and_skips_other_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("b.txt"), "B").unwrap();
        fs::write(dir.path().join("sub/a.md"), "A").unwrap();
        fs::write(dir.path().join("c.pdf"), "C").unwrap();
        fs::write(dir.path().join(".hidden.txt"), "H").unwrap();
        let corpus = load(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = corpus.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["b.txt", "sub/a.md"]);
    }

    #[test]
    fn missing_path_is_named() {
        let err = load(&[PathBuf::from("/no/such/corpus")]).unwrap_err();
        assert!(matches!(err, CorpusError::Missing(_)));
        assert_eq!(err.to_string(), "/no/such/corpus: no such file or folder");
    }

    #[test]
    fn folder_without_documents_says_so() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x.csv"), "C").unwrap();
        let err = load(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(
            err.to_string().contains("no documents found (.txt, .md"),
            "{err}"
        );
        // Documents by name that none can be read: the error says why, file by file.
        fs::write(dir.path().join("x.pdf"), "C").unwrap();
        let err = load(&[dir.path().to_path_buf()]).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "no document could be read:\n  skipped {}: not a PDF (no %PDF- header): \
                 it is plain text; rename it .txt to read it",
                dir.path().join("x.pdf").display()
            )
        );
    }

    /// What `load` gives, a batch at a time: the same documents in the same order, the
    /// same warnings; and the same error when nothing in a folder can be read.
    #[test]
    fn batches_give_what_a_whole_load_gives() {
        let dir = tempfile::tempdir().unwrap();
        for (name, body) in [
            ("a.txt", &b"A one."[..]),
            ("b.txt", b"bin\0ary"),
            ("c.md", b"C two."),
            ("d.txt", b"caf\xe9"),
            ("e.txt", b"E three."),
        ] {
            fs::write(dir.path().join(name), body).unwrap();
        }
        let paths = [dir.path().to_path_buf()];
        let whole = load(&paths).unwrap();
        let mut sizes = Vec::new();
        let mut joined = Corpus::default();
        load_in_batches(&paths, 2, |b| {
            sizes.push(b.documents.len());
            joined.documents.extend(b.documents);
            joined.warnings.extend(b.warnings);
            Ok::<(), CorpusError>(())
        })
        .unwrap();
        assert_eq!(sizes, [1, 2, 1]);
        let names = |c: &Corpus| {
            c.documents
                .iter()
                .map(|d| d.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&joined), names(&whole));
        assert_eq!(joined.warnings, whole.warnings);
        // Nothing readable: the error, with every warning, after the last batch.
        let bad = tempfile::tempdir().unwrap();
        for name in ["x.txt", "y.txt", "z.txt"] {
            fs::write(bad.path().join(name), b"\0\0").unwrap();
        }
        let mut called = 0;
        let err = load_in_batches(&[bad.path().to_path_buf()], 2, |_| {
            called += 1;
            Ok::<(), CorpusError>(())
        })
        .unwrap_err();
        assert_eq!(called, 0);
        assert!(
            matches!(&err, CorpusError::NothingReadable(w) if w.len() == 3),
            "{err}"
        );
    }

    #[test]
    fn binary_is_skipped_and_latin1_decoded_with_warnings() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("bin.txt"), b"abc\0def").unwrap();
        fs::write(dir.path().join("cp.txt"), b"caf\xe9 \x80 5").unwrap();
        let corpus = load(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(corpus.documents.len(), 1);
        assert_eq!(corpus.documents[0].text.as_str(), "café € 5");
        assert_eq!(corpus.documents[0].decoded_from, Some("windows-1252"));
        assert_eq!(corpus.warnings.len(), 2);
        assert!(
            corpus
                .warnings
                .contains(&Warning::SkippedBinary(dir.path().join("bin.txt")))
        );
    }

    /// Loads on another thread; fails (rather than hangs) when the load has not ended in a
    /// generous time, then opens `fifo` for writing so the stuck reader ends too.
    fn load_within(paths: Vec<PathBuf>, fifo: &Path) -> Result<Corpus, CorpusError> {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(load(&paths));
        });
        match rx.recv_timeout(std::time::Duration::from_secs(60)) {
            Ok(result) => result,
            Err(_) => {
                let _ = fs::OpenOptions::new().write(true).open(fifo);
                panic!("loading a corpus with a FIFO did not end");
            }
        }
    }

    #[test]
    fn only_regular_files_are_read_and_links_to_them_followed() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "A").unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let socket = dir.path().join("socket.md");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let dangling = dir.path().join("dangling.txt");
        std::os::unix::fs::symlink(dir.path().join("gone.txt"), &dangling).unwrap();
        std::os::unix::fs::symlink("a.txt", dir.path().join("b.txt")).unwrap();
        let to_fifo = dir.path().join("to-pipe.txt");
        std::os::unix::fs::symlink(&fifo, &to_fifo).unwrap();

        let corpus = load_within(
            vec![dir.path().to_path_buf(), PathBuf::from("/dev/null")],
            &fifo,
        )
        .unwrap();
        let names: Vec<_> = corpus.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.txt"]);
        let special = |path: &Path, kind| Warning::SkippedSpecial {
            path: path.to_path_buf(),
            kind,
        };
        for expected in [
            special(&fifo, "FIFO (named pipe)"),
            special(&to_fifo, "FIFO (named pipe)"),
            special(&socket, "socket"),
            special(Path::new("/dev/null"), "character device"),
            special(&dangling, DANGLING_LINK),
        ] {
            assert!(
                corpus.warnings.contains(&expected),
                "{expected:?} not in {:?}",
                corpus.warnings
            );
        }
        assert_eq!(corpus.warnings.len(), 5);

        // Named directly, a FIFO or a dangling link is skipped the same way.
        let corpus = load_within(vec![fifo.clone(), dangling.clone()], &fifo).unwrap();
        assert!(corpus.documents.is_empty());
        assert_eq!(
            corpus.warnings,
            [
                special(&fifo, "FIFO (named pipe)"),
                special(&dangling, DANGLING_LINK)
            ]
        );
    }

    #[test]
    fn a_brief_warning_names_the_file_not_its_path() {
        let w = Warning::Unreadable {
            path: PathBuf::from("/a/long/folder/scan\u{1b}.pdf"),
            reason: ConvertError::NoTextLayer,
        };
        assert_eq!(
            w.brief(),
            "scan\\u{1b}.pdf skipped: scanned: no text layer — run OCR first, e.g. ocrmypdf"
        );
        let note = Warning::Converted {
            path: PathBuf::from("/x/notes.txt"),
            note: "read as PDF".into(),
        };
        assert_eq!(note.brief(), "notes.txt: read as PDF");
    }

    #[test]
    fn warnings_and_errors_show_file_names_safely() {
        let evil = PathBuf::from(format!("/tmp/x{}]0;t{}.txt", '\u{1b}', '\u{7}'));
        let w = Warning::SkippedSpecial {
            path: evil.clone(),
            kind: "FIFO (named pipe)",
        };
        assert_eq!(
            w.to_string(),
            "skipped /tmp/x\\u{1b}]0;t\\u{7}.txt: a FIFO (named pipe), not a regular file"
        );
        let err = load(&[evil]).unwrap_err();
        assert!(!err.to_string().contains('\u{1b}'), "{err}");
    }
}
