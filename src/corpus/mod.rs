//! Loading a corpus: any folder of `.txt`/`.md` files, or files named one by one.
//!
//! A [`Document`] keeps the exact text it was read as, so every span reported downstream is a
//! byte offset into bytes the user can open and check. Normalization (NBSP, curly quotes,
//! CRLF) is never applied to the text itself: the scanners treat those characters as what
//! they mean instead.

pub mod convert;
mod decode;
pub mod front_matter;
pub mod markup;
pub mod split;

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use decode::{Decoded, decode};
pub use split::{Unit, UnitKind, split_units};

/// One document of the corpus, as read from disk.
#[derive(Debug, Clone)]
pub struct Document {
    /// Name shown to people and written in JSON: the path relative to the corpus root it was
    /// found under, or the file name when it was named directly.
    pub name: String,
    pub path: PathBuf,
    /// The text every span refers to: the file's bytes when they are UTF-8, else their
    /// Windows-1252 decoding.
    pub text: String,
    /// `Some("windows-1252")` when the file was not valid UTF-8.
    pub decoded_from: Option<&'static str>,
}

impl Document {
    /// A document built from text in memory (tests, benchmarks, pasted text).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        let name = name.into();
        Document {
            path: PathBuf::from(&name),
            name,
            text: text.into(),
            decoded_from: None,
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
    SkippedSpecial { path: PathBuf, kind: &'static str },
}

/// A path as it may be shown on a terminal: file names can hold escape sequences.
fn shown(path: &Path) -> String {
    crate::safe_text::sanitize(&path.display().to_string())
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
        }
    }
}

/// Why a corpus could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}: no such file or folder", shown(.0))]
    Missing(PathBuf),
    #[error("{}: {source}", shown(path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: no .txt or .md documents found", shown(.0))]
    NoDocuments(PathBuf),
}

/// The loaded documents, in a stable order (by name), and what was worth a warning.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
}

/// The first line of every checklist cordiale exports as Markdown. A file that starts with
/// it is cordiale's own output, not a document: the workbench writes its exports beside the
/// workspace, which lives inside the corpus folder, and they must not come back as documents
/// (their table would be read as commitments) at the next load.
pub const EXPORT_MARK: &str = "<!-- cordiale checklist export: not a document of the corpus -->";

/// True for the file endings that make a document.
pub fn is_document_path(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md")
    )
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
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut skipped: Vec<Warning> = Vec::new();
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

    type Read = Result<(Option<Document>, Option<Warning>), CorpusError>;
    let read: Vec<Read> = files
        .into_par_iter()
        .map(|(path, name)| {
            let special = special_file(&path).map_err(|source| CorpusError::Io {
                path: path.clone(),
                source,
            })?;
            if let Some(kind) = special {
                return Ok((None, Some(Warning::SkippedSpecial { path, kind })));
            }
            let bytes = fs::read(&path).map_err(|source| CorpusError::Io {
                path: path.clone(),
                source,
            })?;
            Ok(match decode(bytes) {
                Decoded::Binary => (None, Some(Warning::SkippedBinary(path))),
                // Our own export, left where the workbench wrote it: skipped without a word.
                Decoded::Utf8(text) if text.starts_with(EXPORT_MARK) => (None, None),
                Decoded::Utf8(text) => (
                    Some(Document {
                        name,
                        path,
                        text,
                        decoded_from: None,
                    }),
                    None,
                ),
                Decoded::Windows1252(text) => (
                    Some(Document {
                        name,
                        path: path.clone(),
                        text,
                        decoded_from: Some("windows-1252"),
                    }),
                    Some(Warning::DecodedAsWindows1252(path)),
                ),
            })
        })
        .collect();

    let mut corpus = Corpus {
        warnings: skipped,
        ..Corpus::default()
    };
    for item in read {
        let (doc, warning) = item?;
        corpus.documents.extend(doc);
        corpus.warnings.extend(warning);
    }
    Ok(corpus)
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
        fs::write(dir.path().join("x.pdf"), "C").unwrap();
        let err = load(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(err.to_string().contains("no .txt or .md documents"));
    }

    #[test]
    fn binary_is_skipped_and_latin1_decoded_with_warnings() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("bin.txt"), b"abc\0def").unwrap();
        fs::write(dir.path().join("cp.txt"), b"caf\xe9 \x80 5").unwrap();
        let corpus = load(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(corpus.documents.len(), 1);
        assert_eq!(corpus.documents[0].text, "café € 5");
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
