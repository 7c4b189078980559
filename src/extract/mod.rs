//! Extraction: figures, dates, commitments and metadata from one document's text.
//!
//! Deterministic and rule-based. Every item carries the byte span it was read from, so the
//! reader can highlight it and a reviewer can check it against the source.

mod commitments;
mod dates;
pub mod digest;
mod figures;
#[cfg(test)]
mod input_tests;
pub mod lexicon;
mod metadata;
pub use metadata::{SHORT_TITLE_COLUMNS, short_title};
pub mod numbers;
pub mod tokens;

use serde::Serialize;

use crate::corpus::split::{Layout, split_document};
use crate::corpus::{Document, Unit};

/// A number as JSON writes it: integral values without a fractional part.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

impl Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            s.serialize_i64(v as i64)
        } else {
            // Four decimals is what people read (two-thirds = 0.6667); rounding here keeps
            // the JSON free of float noise such as 1.2000000000000002.
            s.serialize_f64((v * 10_000.0).round() / 10_000.0)
        }
    }
}

/// The normalized value of a figure. Exactly one of the kind fields (`amount`, `count`,
/// `percent`, `multiplier`, `fraction`) is set; it holds the first number written.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FigureValue {
    /// Money, in whole units of `currency` (`€10 million`: 10000000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Number>,
    /// A plain quantity (`1,500 schools`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<Number>,
    /// A percentage, as written (`75%`: 75).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<Number>,
    /// How many times (`tenfold`: 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multiplier: Option<Number>,
    /// A share as a number between 0 and 1 (`two-thirds`: 0.6667).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fraction: Option<Number>,
    /// ISO 4217 code, for money.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<&'static str>,
    /// The lower bound of a range, or the bound of `more than`, `at least`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Number>,
    /// The upper bound of a range, or the bound of `up to`, `as many as`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Number>,
    /// `Some(true)` when the figure is hedged (`about`, `approximately`, `thousands`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approx: Option<bool>,
    /// A rate: `year`, `month`, `week` or `day`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<&'static str>,
}

/// What kind of quantity a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// An amount of a currency.
    Money,
    /// A plain quantity.
    Count,
    /// A percentage.
    Percent,
    /// A multiple (`tenfold`, `twice`).
    Multiplier,
    /// A share (`two-thirds`).
    Fraction,
}

impl FigureValue {
    /// Which kind field is set (`Count` when none of the others is).
    pub fn kind(&self) -> FigureKind {
        if self.amount.is_some() {
            FigureKind::Money
        } else if self.percent.is_some() {
            FigureKind::Percent
        } else if self.multiplier.is_some() {
            FigureKind::Multiplier
        } else if self.fraction.is_some() {
            FigureKind::Fraction
        } else {
            FigureKind::Count
        }
    }

    /// The number the kind field holds.
    pub fn number(&self) -> f64 {
        [
            self.amount,
            self.count,
            self.percent,
            self.multiplier,
            self.fraction,
        ]
        .into_iter()
        .flatten()
        .next()
        .map_or(0.0, |n| n.0)
    }
}

/// The normalized value of a date: an ISO 8601 date, month, year, quarter or interval, or a
/// duration when a deadline (`within two years`) has no date of issue to count from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateValue {
    /// ISO 8601: a day, month, year, quarter or interval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// An ISO 8601 duration (`P2Y`), for a deadline with no date of issue to count from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
}

/// A figure or a date: where it is, what it says, what it means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item<V> {
    /// The text as written in the document.
    pub text: String,
    /// Byte offset of the item's start in the document's text.
    pub start: usize,
    /// Byte offset just past the item's end.
    pub end: usize,
    /// What the text means, normalized.
    pub value: V,
    /// The PDF page the item starts on (documents with pages only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}

/// A figure found in a document: an amount, count, percentage, multiple or share.
pub type Figure = Item<FigureValue>;
/// A date found in a document.
pub type Date = Item<DateValue>;

/// A unit in which an actor pledges a future action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Commitment {
    /// The unit's text (a list item ends at its `; and`).
    pub text: String,
    /// Byte offset of the unit's start in the document's text.
    pub start: usize,
    /// Byte offset just past the commitment's end.
    pub end: usize,
    /// Who pledges, as written (pronouns in lower case, except `I`).
    pub actors: Vec<String>,
    /// The deadline or first date inside the unit.
    pub deadline: Option<Date>,
    /// Indices into the document's figures of those inside the unit.
    pub figures: Vec<usize>,
    /// The PDF page the commitment starts on (documents with pages only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}

/// Everything extracted from one document, in the shape of `cordiale extract --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    /// The document's name, as the corpus gives it.
    pub doc: String,
    /// Spans are UTF-8 byte offsets…
    pub offsets: &'static str,
    /// …into the text of this kind of source: a text file's own, or a PDF's, web page's or
    /// Word file's as converted (`cordiale text FILE` prints it).
    pub source: &'static str,
    /// `Some("windows-1252")` when the file was not valid UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoded_from: Option<&'static str>,
    /// The title: from the file's metadata or front matter, else read from its first lines.
    pub title: String,
    /// The date of issue, from the dateline, front matter or the file's metadata.
    pub doc_date: Option<Date>,
    /// Figures, in document order.
    pub figures: Vec<Figure>,
    /// Dates, in document order.
    pub dates: Vec<Date>,
    /// Commitments, in document order.
    pub commitments: Vec<Commitment>,
}

/// Documents extracted by this process: how tests prove that an unchanged document is
/// taken from the cache, not extracted again.
static EXTRACTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many documents this process has extracted so far.
pub fn extracted_count() -> usize {
    EXTRACTED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Extracts every document of the corpus in parallel, in corpus order.
pub fn extract_all(corpus: &crate::corpus::Corpus) -> Vec<Extraction> {
    use rayon::prelude::*;
    corpus.documents.par_iter().map(extract).collect()
}

/// Extracts everything from one document.
pub fn extract(doc: &Document) -> Extraction {
    extract_with_units(doc).0
}

/// Documents longer than this are read a piece at a time: the tokens of one piece are all
/// that is held at once, and the pieces of one huge document are read in parallel. A piece
/// is whole units, cut where a paragraph starts when one does. Shorter documents (every
/// real one) are a single piece, read exactly as they always were.
const PIECE_BYTES: usize = 4 << 20;

/// Extracts everything, and hands back the units (sentences, list items, headings) it read
/// the commitments from, so the search index need not split the text again.
pub fn extract_with_units(doc: &Document) -> (Extraction, Vec<Unit>) {
    use rayon::prelude::*;
    EXTRACTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let text = doc.text.as_str();
    let (units, layout) = split_document(text);
    let pieces = pieces(text, layout.body, &units);
    let first_tokens = tokenize_piece(text, pieces[0].0.clone(), &layout);
    let (title, doc_date) = match &layout.front_matter {
        // Front matter says what the document is: no guessing from its first lines.
        Some(fm) => (
            fm.title
                .as_ref()
                .map(|f| metadata::clean_title(&f.value))
                .filter(|t| !t.is_empty())
                .map(|t| metadata::cut(&t))
                .unwrap_or_else(|| metadata::title(text, layout.body)),
            match &fm.date {
                Some(f) => metadata::date_value(text, f.span.clone()),
                None => metadata::date_of_issue(text, layout.body, &first_tokens),
            },
        ),
        // The date of issue is read from the header, which lies in the first piece (header
        // lines are read up to a unit's length, far less than a piece).
        None => (
            metadata::title(text, 0),
            metadata::date_of_issue(text, 0, &first_tokens),
        ),
    };
    let (title, doc_date) = with_metadata(doc, title, doc_date);
    let issue = doc_date
        .as_ref()
        .and_then(|d| dates::Ymd::from_value(&d.value));
    let first = read_piece(text, &first_tokens, &units[pieces[0].1.clone()], issue);
    drop(first_tokens);
    let rest: Vec<Piece> = pieces[1..]
        .par_iter()
        .map(|(bytes, in_units)| {
            let tokens = tokenize_piece(text, bytes.clone(), &layout);
            read_piece(text, &tokens, &units[in_units.clone()], issue)
        })
        .collect();
    let mut figures = Vec::new();
    let mut found_dates = Vec::new();
    let mut commitments = Vec::new();
    for mut piece in std::iter::once(first).chain(rest) {
        // A commitment's figures are indices into the whole document's figures.
        for c in &mut piece.commitments {
            for i in &mut c.figures {
                *i += figures.len();
            }
        }
        figures.append(&mut piece.figures);
        found_dates.append(&mut piece.dates);
        commitments.append(&mut piece.commitments);
    }
    if !doc.pages.is_empty() {
        for d in &mut found_dates {
            d.page = doc.page_of(d.start);
        }
        for f in &mut figures {
            f.page = doc.page_of(f.start);
        }
        for c in &mut commitments {
            c.page = doc.page_of(c.start);
            if let Some(d) = &mut c.deadline {
                d.page = doc.page_of(d.start);
            }
        }
    }
    let extraction = Extraction {
        doc: doc.name.clone(),
        offsets: "bytes",
        source: doc.source.as_str(),
        decoded_from: doc.decoded_from,
        title,
        doc_date,
        figures,
        dates: found_dates,
        commitments,
    };
    (extraction, units)
}

/// The title and date of issue once the file's own metadata has its say. A metadata title
/// wins (the author named the file's content). A web page's published date wins too, but a
/// PDF's or Word file's creation date is when the file was made (an export, or the first
/// draft of a reused template), so the dateline in the text wins there and the metadata only
/// fills in when the text has none. A date from metadata that the text does not show has an
/// empty span at the start, so every span stays a true slice of the text.
fn with_metadata(doc: &Document, title: String, date: Option<Date>) -> (String, Option<Date>) {
    let title = doc
        .meta_title
        .as_deref()
        .map(metadata::clean_title)
        .filter(|t| !t.is_empty())
        .map(|t| metadata::cut(&t))
        .unwrap_or(title);
    let Some(meta) = doc
        .meta_date
        .as_deref()
        .and_then(crate::corpus::convert::clean::iso_date)
    else {
        return (title, date);
    };
    let text_first = matches!(
        doc.source,
        crate::corpus::SourceKind::Pdf | crate::corpus::SourceKind::Docx
    );
    if date.is_some() && (text_first || date_is(&date, &meta)) {
        return (title, date);
    }
    let value = DateValue {
        date: Some(meta),
        duration: None,
    };
    (title, Some(item(&doc.text, 0, 0, value)))
}

fn date_is(date: &Option<Date>, iso: &str) -> bool {
    date.as_ref()
        .and_then(|d| d.value.date.as_deref())
        .is_some_and(|d| d == iso)
}

/// What one piece of a document holds.
struct Piece {
    figures: Vec<Figure>,
    dates: Vec<Date>,
    commitments: Vec<Commitment>,
}

/// The dates, figures and commitments among `tokens`, whose units are `units`.
fn read_piece(
    text: &str,
    tokens: &[tokens::Token],
    units: &[Unit],
    issue: Option<dates::Ymd>,
) -> Piece {
    let found_dates = dates::find(text, tokens, issue);
    let figures = figures::find(text, tokens, &found_dates.covered);
    let commitments = commitments::find(text, tokens, units, &found_dates.items, &figures, issue);
    Piece {
        figures,
        dates: found_dates.items,
        commitments,
    }
}

/// The tokens of `text[bytes]`, with spans into the whole text, read past the markup and
/// across the soft line breaks of `layout`. The first one follows a paragraph break, as at
/// the start of a document: no item is read across two pieces.
fn tokenize_piece(
    text: &str,
    bytes: std::ops::Range<usize>,
    layout: &Layout,
) -> Vec<tokens::Token> {
    tokens::tokenize_prose(text, bytes, &layout.hidden, &layout.soft_breaks)
}

/// The pieces of a document: byte ranges covering the text from `body` (the prose, after
/// any front matter), and the units in each. A piece
/// ends where a unit ends (what lies between two units, a list marker, goes with the next),
/// once it is [`PIECE_BYTES`] long and a paragraph starts, or at twice that length anyway.
fn pieces(
    text: &str,
    body: usize,
    units: &[Unit],
) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let (mut start, mut first_unit) = (body, 0);
    if text.len() > PIECE_BYTES {
        for i in 1..units.len() {
            let size = units[i].start - start;
            let new_paragraph = units[i].paragraph != units[i - 1].paragraph;
            if (size >= PIECE_BYTES && new_paragraph) || size >= 2 * PIECE_BYTES {
                let cut = units[i - 1].end;
                out.push((start..cut, first_unit..i));
                (start, first_unit) = (cut, i);
            }
        }
    }
    out.push((start..text.len(), first_unit..units.len()));
    out
}

/// Builds an item from a byte span of `text`.
fn item<V>(text: &str, start: usize, end: usize, value: V) -> Item<V> {
    Item {
        text: text[start..end].to_string(),
        start,
        end,
        value,
        page: None,
    }
}
