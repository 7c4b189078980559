//! `cordiale find`: the finder's engine, printed.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde_json::json;

use super::{Failure, bundled_seeds, index_of, sanitize};
use crate::search::snippet::{Segment, snippet};
use crate::search::{self, Hit, Index, Kind, Query, Tier};

#[derive(Debug, Args)]
pub struct FindArgs {
    /// What to look for: text, a figure (`10m`, `€1.4 million`, `75%`), a date or period
    /// (`aug 2015`, `2015-08-20`, `20/8/15`, `2010-2012`), optionally after a prefix.
    pub query: String,
    /// Documents or folders of .txt/.md files (default: the bundled seeds).
    pub paths: Vec<PathBuf>,
    /// A document or folder to search, like PATH (may be repeated).
    #[arg(long = "corpus", value_name = "PATH")]
    pub corpus: Vec<PathBuf>,
    /// Only hits of this kind (like the query prefixes).
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// How many hits to print; 0 prints all.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// One JSON object per hit, one per line.
    #[arg(long)]
    pub json: bool,
    /// Neither read nor write the index cache.
    #[arg(long)]
    pub no_cache: bool,
    /// Colour the matches: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE=1
    /// colours a pipe too), always or never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t)]
    pub color: crate::ui::theme::ColorChoice,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Figure,
    Date,
    Commitment,
    Sentence,
    Document,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Figure => Kind::Figure,
            KindArg::Date => Kind::Date,
            KindArg::Commitment => Kind::Commitment,
            KindArg::Sentence => Kind::Sentence,
            KindArg::Document => Kind::Document,
        }
    }
}

/// Characters of document text per printed line.
const SNIPPET_WIDTH: usize = 100;

pub fn run(args: FindArgs) -> Result<(), Failure> {
    let mut paths = args.paths.clone();
    paths.extend(args.corpus.iter().cloned());
    if paths.is_empty() {
        paths.push(bundled_seeds()?);
    }
    let index = index_of(&paths, !args.no_cache)?;
    let query = Query::parse(&args.query, args.kind.map(Kind::from));
    let limit = if args.limit == 0 {
        usize::MAX
    } else {
        args.limit
    };
    let results = search::search(&index, &query, limit);
    let stdout = io::stdout();
    let colour = crate::ui::theme::colour(args.color, stdout.is_terminal());
    let mut out = io::BufWriter::new(stdout.lock());
    for hit in &results.hits {
        if args.json {
            crate::safe_text::write_json_line(&mut out, &hit_json(&index, hit))?;
            writeln!(out)?;
        } else {
            write_hit(&mut out, &index, hit, colour)?;
        }
    }
    if !args.json && results.hits.len() < results.total {
        writeln!(
            out,
            "({} of {} hits; --limit N for more)",
            results.hits.len(),
            results.total
        )?;
    }
    out.flush()?;
    if results.total == 0 {
        return Err(Failure::NothingFound);
    }
    Ok(())
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn tier_name(t: Tier) -> &'static str {
    match t {
        Tier::Value => "value",
        Tier::InRange => "in-range",
        Tier::Fuzzy => "text",
    }
}

fn hit_json(index: &Index, hit: &Hit) -> serde_json::Value {
    let e = &index.entries()[hit.entry as usize];
    let doc = index.document(e.doc);
    let (line, column) = line_column(&doc.text, e.start as usize);
    let values: Vec<serde_json::Value> = index.values(e).iter().map(|v| v.to_json()).collect();
    let value = match e.kind {
        Kind::Figure | Kind::Date => values.into_iter().next().unwrap_or(serde_json::Value::Null),
        Kind::Commitment => serde_json::Value::Array(values),
        _ => serde_json::Value::Null,
    };
    let mut hit = json!({
        "kind": e.kind.name(),
        "doc": doc.name,
        "start": e.start,
        "end": e.end,
        "line": line,
        "column": column,
        "text": index.text(e),
        "match": tier_name(hit.tier),
        "score": hit.score,
        "value": value,
        "matches": hit.matched,
    });
    if let Some(page) = doc.page_of(e.start as usize) {
        hit["page"] = json!(page);
    }
    hit
}

fn write_hit(out: &mut impl Write, index: &Index, hit: &Hit, colour: bool) -> io::Result<()> {
    let e = &index.entries()[hit.entry as usize];
    let doc = index.document(e.doc);
    let (line, column) = line_column(&doc.text, e.start as usize);
    let span = match e.kind {
        Kind::Figure | Kind::Date => e.context,
        _ => (e.start, e.end),
    };
    // A PDF's place is its page, which a reader can find; its converted text has no lines
    // anyone sees.
    let place = match doc.page_of(e.start as usize) {
        Some(page) => format!("{}, p. {page}", sanitize(&doc.name)),
        None => format!("{}:{line}:{column}", sanitize(&doc.name)),
    };
    write!(out, "{:<10} {place:<32} ", e.kind.name())?;
    for Segment { text, matched } in snippet(&doc.text, span, &hit.matched, SNIPPET_WIDTH) {
        match (matched, colour) {
            (false, _) => write!(out, "{text}")?,
            (true, true) => write!(out, "\x1b[7m{text}\x1b[27m")?,
            (true, false) => write!(out, "⟦{text}⟧")?,
        }
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::convert::Converted;
    use crate::corpus::{Corpus, Document, SourceKind};

    /// A hit in a PDF names its page (the line and column stay, for `cordiale text`'s
    /// output); a hit in a text file does not.
    #[test]
    fn hits_in_a_pdf_name_their_page() {
        let text = "The port opened in spring.\n\nThe city will pay €4 million by 2027.";
        let second = text.find("The city").unwrap();
        let pdf = Document::from_converted(
            "plan.pdf".into(),
            "plan.pdf".into(),
            Converted {
                text: text.into(),
                pages: vec![0..second, second..text.len()],
                source: SourceKind::Pdf,
                ..Converted::default()
            },
        );
        let txt = Document::from_text("memo.txt", "The city will pay €4 million by 2027.\n");
        let index = Index::build(std::sync::Arc::new(Corpus {
            documents: vec![pdf, txt],
            warnings: Vec::new(),
        }));
        let results = search::search(&index, &Query::parse("4m", None), 10);
        let mut pages = Vec::new();
        for hit in &results.hits {
            let json = hit_json(&index, hit);
            let mut line = Vec::new();
            write_hit(&mut line, &index, hit, false).unwrap();
            let line = String::from_utf8(line).unwrap();
            match json["doc"].as_str().unwrap() {
                "plan.pdf" => {
                    assert_eq!(json["page"], 2, "{json}");
                    assert!(line.contains("plan.pdf, p. 2 "), "{line}");
                }
                _ => {
                    assert!(json.get("page").is_none(), "{json}");
                    assert!(!line.contains(" p. "), "{line}");
                }
            }
            pages.push(json["doc"].clone());
        }
        assert!(pages.len() >= 2, "both documents found: {pages:?}");
    }
}
