//! Loading a corpus: any folder of `.txt`/`.md` files, or files named one by one.
//!
//! A [`Document`] keeps the exact text it was read as, so every span reported downstream is a
//! byte offset into bytes the user can open and check. Normalization (NBSP, curly quotes,
//! CRLF) is never applied to the text itself: the scanners treat those characters as what
//! they mean instead.

mod decode;
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
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::SkippedBinary(p) => write!(f, "skipped binary file {}", p.display()),
            Warning::DecodedAsWindows1252(p) => write!(
                f,
                "{} is not valid UTF-8; read it as Windows-1252 (spans refer to the decoded text)",
                p.display()
            ),
        }
    }
}

/// Why a corpus could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}: no such file or folder", .0.display())]
    Missing(PathBuf),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: no .txt or .md documents found", .0.display())]
    NoDocuments(PathBuf),
}

/// The loaded documents, in a stable order (by name), and what was worth a warning.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
}

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
pub fn load(paths: &[PathBuf]) -> Result<Corpus, CorpusError> {
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    for root in paths {
        let meta = fs::metadata(root).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => CorpusError::Missing(root.clone()),
            _ => CorpusError::Io {
                path: root.clone(),
                source: e,
            },
        })?;
        if meta.is_dir() {
            let before = files.len();
            walk(root, root, &mut files)?;
            if files.len() == before {
                return Err(CorpusError::NoDocuments(root.clone()));
            }
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
            let bytes = fs::read(&path).map_err(|source| CorpusError::Io {
                path: path.clone(),
                source,
            })?;
            Ok(match decode(bytes) {
                Decoded::Binary => (None, Some(Warning::SkippedBinary(path))),
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

    let mut corpus = Corpus::default();
    for item in read {
        let (doc, warning) = item?;
        corpus.documents.extend(doc);
        corpus.warnings.extend(warning);
    }
    Ok(corpus)
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
}
