//! Conversion: PDF, HTML and Word files turned into the plain text every later stage reads.
//!
//! The converted [`Converted::text`] is what spans index, search runs on and the reader
//! shows; nothing downstream ever sees the original bytes. A PDF keeps its pages as
//! contiguous byte ranges of that text, so an item knows its page without a marker ever
//! entering the text. The kind of a file is chosen by its content first (a PDF named `.txt`
//! is still a PDF), its name second.
//!
//! Parsing hostile files is risky: a PDF crate can overflow the stack on deep nesting (an
//! abort no `catch_unwind` sees) and HTML parsing is quadratic in nesting depth. So the
//! binary converts every file in a child process with a time limit ([`isolate`]); the
//! library falls back to a thread with a large stack and a timeout.

pub mod cache;
pub mod clean;
pub mod docx;
pub mod html;
pub mod isolate;
pub mod layout;
pub mod pdf;

use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// What a document was read from. `Text` covers `.txt` and `.md`, which are read as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A text file (`.txt`, `.md`).
    #[default]
    Text,
    /// A PDF.
    Pdf,
    /// A web page.
    Html,
    /// A Word file (`.docx`).
    Docx,
}

impl SourceKind {
    /// The name written in JSON and shown to people.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Text => "text",
            SourceKind::Pdf => "pdf",
            SourceKind::Html => "html",
            SourceKind::Docx => "docx",
        }
    }

    /// What a file of this kind is, in a sentence ("its content is a PDF").
    pub fn describe(self) -> &'static str {
        match self {
            SourceKind::Text => "plain text",
            SourceKind::Pdf => "a PDF",
            SourceKind::Html => "a web page",
            SourceKind::Docx => "a Word document",
        }
    }

    /// The converter and its version: part of the cache key and of the workspace's record,
    /// so a converter that changes its output re-anchors items like an edit would. Bump the
    /// number whenever a converter's output for some file changes.
    pub fn converter(self) -> &'static str {
        match self {
            SourceKind::Text => "text/1",
            SourceKind::Pdf => "pdf/1",
            SourceKind::Html => "html/1",
            SourceKind::Docx => "docx/1",
        }
    }
}

/// A converted file: the text every span indexes, and what its format said about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Converted {
    /// The document's text: what spans index, search runs on and the reader shows.
    pub text: String,
    /// PDF only: the byte range of each page in `text`, contiguous and in page order
    /// (`pages[i].end == pages[i + 1].start`). Empty for formats without pages.
    pub pages: Vec<Range<usize>>,
    /// The title the format's metadata gives (PDF `/Title`, `<title>`/`og:title`/`<h1>`,
    /// DOCX `dc:title`), junk such as "Microsoft Word - draft3.docx" left out.
    pub title: Option<String>,
    /// The date of issue the format's metadata gives, as an ISO 8601 date (`2024-03-14`).
    pub date: Option<String>,
    /// The format it was converted from.
    pub source: SourceKind,
    /// Non-fatal things the user should know ("p. 2 has no text layer").
    pub notes: Vec<String>,
}

impl Converted {
    /// The 1-based page that byte `offset` of the text lies on (`None` without pages).
    pub fn page_of(&self, offset: usize) -> Option<usize> {
        page_of(&self.pages, offset)
    }
}

/// The 1-based page that byte `offset` lies on, given contiguous page ranges.
pub fn page_of(pages: &[Range<usize>], offset: usize) -> Option<usize> {
    if pages.is_empty() {
        return None;
    }
    Some(
        pages
            .partition_point(|r| r.end <= offset)
            .min(pages.len() - 1)
            + 1,
    )
}

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 256 << 20;
/// A DOCX part may not inflate to more than this (zip bombs).
pub const MAX_XML_PART_BYTES: u64 = 64 << 20;
/// A conversion that runs longer than this is stopped…
pub const TIMEOUT_SECS: u64 = 30;

/// …unless `CORDIALE_CONVERT_TIMEOUT` (whole seconds) says otherwise: a slow machine with a
/// huge file may need more, a test of the limit less.
pub fn timeout() -> std::time::Duration {
    let secs = std::env::var("CORDIALE_CONVERT_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|&s| s > 0)
        .unwrap_or(TIMEOUT_SECS);
    std::time::Duration::from_secs(secs)
}

/// Why a file was skipped. The message is the user's warning (the caller adds the file name)
/// and says what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum ConvertError {
    /// The PDF is encrypted and needs a password to open.
    #[error("encrypted PDF: it needs a password to open; save an unprotected copy")]
    PdfPassword,
    /// No page has text, but some have images: a scan that needs OCR.
    #[error("scanned: no text layer — run OCR first, e.g. ocrmypdf")]
    NoTextLayer,
    /// No page has text, and none has an image either.
    #[error(
        "no text on any page and no scanned image either (text drawn as shapes, or page contents that cannot be read)"
    )]
    PdfNoText,
    /// The PDF could not be parsed (with the parser's message).
    #[error("damaged PDF: {0}")]
    PdfDamaged(String),
    /// The Word file could not be read (with why).
    #[error("damaged Word file: {0}")]
    DocxDamaged(String),
    /// An OLE compound file: a Word 97–2003 `.doc`, or a password-protected `.docx`.
    #[error(
        "a Word 97–2003 .doc or a password-protected .docx: save it as .docx without a password"
    )]
    OleContainer,
    /// A zip archive without `word/document.xml`.
    #[error("a zip archive, not a Word document (no word/document.xml)")]
    NotWord,
    /// A part of a Word file would expand past the limit when unzipped.
    #[error("refused: {part} would expand to more than {limit_mb} MB (a zip bomb?)")]
    ZipBomb {
        /// The part's name in the archive.
        part: String,
        /// The limit, in megabytes.
        limit_mb: u64,
    },
    /// A web page with under `html::MIN_MAIN_CHARS` of main text (navigation, an error page).
    #[error("no main text found (a navigation or error page?)")]
    NoMainText,
    /// The content is not what the file's name or the caller says it is.
    #[error("not a {expected}: {found}")]
    WrongKind {
        /// What was expected, with how it was told (`PDF (no %PDF- header)`).
        expected: String,
        /// What the bytes look like instead, and what to do about it.
        found: String,
    },
    /// The file is over `MAX_FILE_BYTES`: it is not read.
    #[error("too large: {size_mb} MB (the limit is {limit_mb} MB)")]
    TooLarge {
        /// The file's size, in megabytes (rounded down).
        size_mb: u64,
        /// The limit, in megabytes.
        limit_mb: u64,
    },
    /// Conversion ran past its time limit, in seconds.
    #[error("gave up after {0} s: the file is too complex or malformed")]
    Timeout(u64),
    /// The converter panicked, or its process died or could not start (with what is known).
    #[error("could not be read ({0}); please report it with the file if you can share it")]
    Crashed(String),
    /// The file has no bytes.
    #[error("empty file")]
    Empty,
}

/// The kind a file's content shows, `None` when it shows none (plain text or unknown
/// binary). `%PDF-` may follow junk within the first KiB, as the PDF spec tolerates.
pub fn sniff_content(bytes: &[u8]) -> Option<Sniffed> {
    let head = &bytes[..bytes.len().min(1024)];
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        return Some(Sniffed::Pdf);
    }
    if head.starts_with(b"PK\x03\x04") {
        return Some(Sniffed::Zip);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(Sniffed::Ole);
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(text.len());
    let lower = text[start..].to_ascii_lowercase();
    let markup = lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || (lower.starts_with(b"<")
            && (memchr::memmem::find(&lower, b"<head").is_some()
                || memchr::memmem::find(&lower, b"<body").is_some()));
    markup.then_some(Sniffed::Html)
}

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// Starts with a `%PDF-` header (within its first kilobyte).
    Pdf,
    /// A zip archive: a DOCX when it holds a Word document.
    Zip,
    /// An OLE compound file: a Word 97–2003 `.doc`, or an encrypted `.docx`.
    Ole,
    /// Markup that opens like a web page (`<!doctype html`, `<html`, or a `<head>` or
    /// `<body>` early on).
    Html,
}

/// The kind a file's name says it is, `None` for names that are not documents.
pub fn kind_of_name(path: &Path) -> Option<SourceKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "md" | "markdown" => Some(SourceKind::Text),
        "pdf" => Some(SourceKind::Pdf),
        "html" | "htm" | "xhtml" => Some(SourceKind::Html),
        "docx" => Some(SourceKind::Docx),
        _ => None,
    }
}

/// Converts a PDF, HTML or DOCX file's bytes, in this thread. `named` is the kind the file's
/// name claims; the content decides. Text files are not converted: the caller decodes them.
pub fn convert_bytes(bytes: &[u8], named: Option<SourceKind>) -> Result<Converted, ConvertError> {
    if bytes.is_empty() {
        return Err(ConvertError::Empty);
    }
    match (sniff_content(bytes), named) {
        (Some(Sniffed::Pdf), _) => pdf::convert(bytes),
        (Some(Sniffed::Zip), _) => docx::convert(bytes),
        (Some(Sniffed::Ole), _) => Err(ConvertError::OleContainer),
        (Some(Sniffed::Html), _) | (None, Some(SourceKind::Html)) => html::convert(bytes),
        (None, Some(kind @ (SourceKind::Pdf | SourceKind::Docx))) => Err(ConvertError::WrongKind {
            expected: if kind == SourceKind::Pdf {
                "PDF (no %PDF- header)".into()
            } else {
                "Word document (not a zip archive)".into()
            },
            found: describe(bytes).into(),
        }),
        (None, _) => Err(ConvertError::WrongKind {
            expected: "document".into(),
            found: describe(bytes).into(),
        }),
    }
}

/// A short description of what unrecognised bytes look like, for a warning.
fn describe(bytes: &[u8]) -> &'static str {
    if std::str::from_utf8(&bytes[..bytes.len().min(4096)]).is_ok() && !bytes.contains(&0) {
        "it is plain text; rename it .txt to read it"
    } else {
        "damaged or of another kind"
    }
}

/// True when a file should be converted rather than read as text: its content or its name
/// says PDF, HTML or DOCX.
pub fn needs_conversion(path: &Path, bytes: &[u8]) -> bool {
    sniff_content(bytes).is_some()
        || matches!(
            kind_of_name(path),
            Some(SourceKind::Pdf | SourceKind::Html | SourceKind::Docx)
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_found_by_offset() {
        let pages = vec![0..10, 10..25, 25..30];
        assert_eq!(page_of(&pages, 0), Some(1));
        assert_eq!(page_of(&pages, 9), Some(1));
        assert_eq!(page_of(&pages, 10), Some(2));
        assert_eq!(page_of(&pages, 29), Some(3));
        assert_eq!(page_of(&pages, 30), Some(3));
        assert_eq!(page_of(&[], 3), None);
    }

    #[test]
    fn content_decides_over_the_name() {
        assert_eq!(sniff_content(b"junk\n%PDF-1.7\n"), Some(Sniffed::Pdf));
        assert_eq!(sniff_content(b"PK\x03\x04rest"), Some(Sniffed::Zip));
        assert_eq!(
            sniff_content(b"\xEF\xBB\xBF\n  <!DOCTYPE html><p>x"),
            Some(Sniffed::Html)
        );
        assert_eq!(sniff_content(b"<div><body>x"), Some(Sniffed::Html));
        assert_eq!(sniff_content(b"Joint statement\n<b>x</b>"), None);
        assert_eq!(
            convert_bytes(b"plain words", Some(SourceKind::Pdf)),
            Err(ConvertError::WrongKind {
                expected: "PDF (no %PDF- header)".into(),
                found: "it is plain text; rename it .txt to read it".into()
            })
        );
        assert_eq!(convert_bytes(b"", None), Err(ConvertError::Empty));
        assert_eq!(
            convert_bytes(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], None),
            Err(ConvertError::OleContainer)
        );
    }
}
