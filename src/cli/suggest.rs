//! `cordiale suggest`: passages of later documents that may show a commitment's progress,
//! ranked by `search::suggest`, each with why it ranked.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;

use clap::Args;
use serde_json::json;

use super::review::{WorkspaceArgs, placed_item};
use super::{Failure, sanitize};
use crate::review::evidence::promise_of;
use crate::safe_text::quote;
use crate::search::Index;
use crate::search::cache::{build_cached, default_dir};
use crate::search::snippet::{Segment, snippet};
use crate::search::suggest::{Passages, Suggestion, Timing};

/// What `suggest` takes.
#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The item id (or a unique start of it), as `checklist` shows it.
    pub id: String,
    /// How many suggestions to print; 0 prints all.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// One JSON object per suggestion, one per line: doc, title, date, timing, start, end,
    /// score, reasons, text.
    #[arg(long)]
    pub json: bool,
    /// Colour the shared words and figures: auto (a terminal, unless NO_COLOR is set),
    /// always or never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t)]
    pub color: crate::ui::theme::ColorChoice,
    /// Cite suggestion N (as listed, 1 first) as evidence for your verdict on the item
    /// (anchored, dated by its document's date of issue), instead of listing.
    #[arg(long, value_name = "N")]
    pub cite: Option<usize>,
    /// Who you are, for --cite (default: CORDIALE_REVIEWER, else git config user.name).
    #[arg(long, value_name = "NAME", env = "CORDIALE_REVIEWER")]
    pub reviewer: Option<String>,
    /// The workspace and its corpus.
    #[command(flatten)]
    pub ws: WorkspaceArgs,
}

/// Characters of a passage printed on its line (a passage is a sentence or list item).
const PASSAGE_WIDTH: usize = 400;

/// `suggest ITEM`: exit 0 with suggestions, 1 with none, 2 on bad input.
pub fn run(args: SuggestArgs) -> Result<(), Failure> {
    // The corpus goes to the index; the opened workspace stays for --cite, which saves it.
    let (id, item, mut open) = placed_item(&args.ws, &args.id)?;
    let corpus = std::mem::take(&mut open.corpus);
    let index = build_cached(Arc::new(corpus), default_dir().as_deref());
    let promise = promise_of(&index, &item).ok_or_else(|| {
        Failure::Input(format!(
            "{id}: {} is not in the corpus as the workspace placed it",
            sanitize(&item.doc)
        ))
    })?;
    let passages = Passages::build(&index);
    let limit = match (args.limit, args.cite) {
        (0, _) => usize::MAX,
        // The passage to cite is ranked, listed or not.
        (limit, Some(n)) => limit.max(n),
        (limit, None) => limit,
    };
    let found = passages.suggest(&index, &promise, limit);
    if let Some(n) = args.cite {
        let who = super::review::reviewer(args.reviewer.as_deref())?;
        let s = n.checked_sub(1).and_then(|k| found.get(k)).ok_or_else(|| {
            Failure::Input(match found.len() {
                0 => "no passage of a later document to cite".to_string(),
                n => format!("there are {n} suggestions; --cite takes 1 to {n}"),
            })
        })?;
        let document = index.document(s.doc);
        let evidence = crate::workspace::Evidence::passage(
            (&document.name, &document.text),
            (s.start as usize, s.end as usize),
            index.doc_info(s.doc).date.as_deref().map(Into::into),
        );
        return super::review::cite(&mut open, &id, &who, evidence);
    }
    let stdout = io::stdout();
    let colour = crate::ui::theme::colour(args.color, stdout.is_terminal());
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        for s in &found {
            crate::safe_text::write_json_line(&mut out, &suggestion_json(&index, s))?;
            writeln!(out)?;
        }
    } else {
        let info = index.doc_info(promise.doc);
        writeln!(
            out,
            "{id}  {} ({})  {}",
            sanitize(&item.doc),
            info.date.as_deref().unwrap_or("undated"),
            quote(&item.anchor.exact)
        )?;
        if found.is_empty() {
            writeln!(out, "no passage of a later document shares its words")?;
        }
        for (rank, s) in found.iter().enumerate() {
            write_suggestion(&mut out, &index, rank + 1, s, colour)?;
        }
    }
    out.flush()?;
    if found.is_empty() {
        return Err(Failure::NothingFound);
    }
    Ok(())
}

fn timing_name(t: Timing) -> &'static str {
    match t {
        Timing::Later => "later",
        Timing::Unknown => "unknown",
    }
}

/// The texts of spans of document `doc`.
fn texts(index: &Index, doc: u32, spans: &[(u32, u32)]) -> Vec<String> {
    let text = &index.document(doc).text;
    spans
        .iter()
        .map(|&(s, e)| text[s as usize..e as usize].to_string())
        .collect()
}

fn suggestion_json(index: &Index, s: &Suggestion) -> serde_json::Value {
    let doc = index.document(s.doc);
    let info = index.doc_info(s.doc);
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    let mut v = json!({
        "doc": doc.name,
        "title": info.title,
        "date": info.date,
        "timing": timing_name(s.timing),
        "start": s.start,
        "end": s.end,
        "score": round(s.score),
        "reasons": {
            "text_score": round(s.why.text),
            "terms": s.why.terms,
            "figures": texts(index, s.doc, &s.why.figures),
            "dates": texts(index, s.doc, &s.why.dates),
            "actors": s.why.actors,
        },
        "text": &doc.text[s.start as usize..s.end as usize],
        "matches": s.why.matched,
    });
    if let Some(page) = doc.page_of(s.start as usize) {
        v["page"] = json!(page);
    }
    v
}

fn write_suggestion(
    out: &mut impl Write,
    index: &Index,
    rank: usize,
    s: &Suggestion,
    colour: bool,
) -> io::Result<()> {
    let doc = index.document(s.doc);
    let info = index.doc_info(s.doc);
    let date = match (s.timing, info.date.as_deref()) {
        (Timing::Later, Some(d)) => d.to_string(),
        (_, Some(d)) => format!("{d}, order unknown"),
        (_, None) => "undated".into(),
    };
    let place = match doc.page_of(s.start as usize) {
        Some(page) => format!("p. {page}"),
        None => format!("@{}..{}", s.start, s.end),
    };
    writeln!(
        out,
        "\n{rank:>2}. {:.1}  {} ({date}) {place}",
        s.score,
        sanitize(&doc.name)
    )?;
    let mut marked = s.why.matched.clone();
    marked.extend_from_slice(&s.why.figures);
    marked.extend_from_slice(&s.why.dates);
    marked.sort_unstable();
    write!(out, "    ")?;
    for Segment { text, matched } in snippet(&doc.text, (s.start, s.end), &marked, PASSAGE_WIDTH) {
        match (matched, colour) {
            (false, _) => write!(out, "{text}")?,
            (true, true) => write!(out, "\x1b[7m{text}\x1b[27m")?,
            (true, false) => write!(out, "⟦{text}⟧")?,
        }
    }
    writeln!(out)?;
    let mut why = Vec::new();
    if !s.why.terms.is_empty() {
        why.push(format!("words {}", s.why.terms.join(", ")));
    }
    let quoted = |spans: &[(u32, u32)]| {
        texts(index, s.doc, spans)
            .iter()
            .map(|t| quote(t))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !s.why.figures.is_empty() {
        why.push(format!("same figure {}", quoted(&s.why.figures)));
    }
    if !s.why.dates.is_empty() {
        why.push(format!("deadline's year {}", quoted(&s.why.dates)));
    }
    if !s.why.actors.is_empty() {
        why.push(format!("names {}", s.why.actors.join(", ")));
    }
    writeln!(out, "    why: {}", sanitize(&why.join("; ")))
}
