//! `compliance`: the G7 Research Group's compliance figures of a workspace
//! ([`crate::review::compliance`]) as aligned text, one JSON object, or CSV rows.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::review::{WorkspaceArgs, document_heading, input, open};
use super::{Failure, sanitize};
use crate::review::compliance::{self, Compliance, Standing, Tally, has_target, has_timeline};
use crate::review::export::csv_cell;
use crate::width;

/// Each document's title, by file name.
type Titles = HashMap<String, String>;

/// A document's title; empty when the corpus no longer has it.
fn title<'a>(titles: &'a Titles, doc: &str) -> &'a str {
    titles.get(doc).map_or("", String::as_str)
}

/// The catalysts' rows: their name in the output, and the tally.
fn catalysts(c: &Compliance) -> [(&'static str, Tally); 4] {
    let k = c.catalysts;
    [
        ("numerical target", k.target),
        ("no numerical target", k.no_target),
        ("timeline", k.timeline),
        ("no timeline", k.no_timeline),
    ]
}

/// A mean as the G7 reports print it, signed (`+0.333`); `—` for none.
fn mean_text(m: Option<f64>) -> String {
    m.map_or("—".into(), |m| format!("{m:+.3}"))
}

fn percent_text(p: Option<f64>) -> String {
    p.map_or("—".into(), |p| format!("{p:.1}%"))
}

/// The widest a row's label gets before it is cut with an ellipsis: a document's short
/// title and its file name fit.
const LABEL_COLUMNS: usize = 96;

/// The narrowest a column of figures is: a signed mean, `+0.333`.
const CELL_COLUMNS: usize = 6;

/// The columns after a row's label, each right-aligned under its header.
const COLUMNS: [&str; 6] = [
    "scored",
    "mean",
    "compliance",
    "not a commitment",
    "pending",
    "disagreed",
];

/// Rows of tallies under one header, the labels padded to one display width.
fn table(out: &mut String, rows: &[(String, Tally)]) {
    let w = rows
        .iter()
        .map(|(l, _)| width::of(l))
        .max()
        .unwrap_or(0)
        .min(LABEL_COLUMNS);
    let widths = COLUMNS.map(|c| c.len().max(CELL_COLUMNS));
    let _ = write!(out, "{}", width::pad("", w));
    for (c, cw) in COLUMNS.iter().zip(widths) {
        let _ = write!(out, "  {c:>cw$}");
    }
    out.push('\n');
    for (label, t) in rows {
        let cells = [
            t.scored.to_string(),
            mean_text(t.mean()),
            percent_text(t.percent()),
            t.not_a_commitment.to_string(),
            t.pending.to_string(),
            t.disagreed.to_string(),
        ];
        let _ = write!(out, "{}", width::pad(label, w));
        for (cw, cell) in widths.iter().zip(cells) {
            let room = cw.saturating_sub(width::of(&cell));
            let _ = write!(out, "  {}{cell}", " ".repeat(room));
        }
        out.push('\n');
    }
}

/// `compliance [--json|--csv] [--reviewer NAME]`.
pub fn compliance(
    args: &WorkspaceArgs,
    (json, csv): (bool, bool),
    only: Option<&str>,
) -> Result<(), Failure> {
    let open = open(args)?;
    let ws = &open.ws;
    if let Some(who) = only
        && !ws.items.values().any(|i| i.reviews.contains_key(who))
    {
        return Err(input(format!(
            "--reviewer: {who} has given no verdict here"
        )));
    }
    let report = compliance::compliance(ws.ordered(), &ws.scale, only);
    if csv {
        io::stdout()
            .lock()
            .write_all(csv_rows(&report, &open.titles).as_bytes())?;
        return Ok(());
    }
    if json {
        let value = json_report(&report, &ws.scale.name, only, &open.titles);
        // Written whole, so that a closed pipe is the output's error and not the encoder's.
        let mut line = Vec::new();
        crate::safe_text::write_json_line(&mut line, &value)?;
        line.push(b'\n');
        io::stdout().lock().write_all(&line)?;
        return Ok(());
    }
    let mut out = String::new();
    let whose = match only {
        Some(who) => format!("{}'s verdicts alone", sanitize(who)),
        None => "the reconciled verdict, else the reviewers' where they agree".into(),
    };
    let _ = writeln!(
        out,
        "compliance on the {} scale ({whose}), as the G7 Research Group reports it:",
        sanitize(&ws.scale.name)
    );
    let _ = writeln!(
        out,
        "the mean score (−1 … +1) and the compliance (mean + 1) / 2 × 100"
    );
    out.push_str("\n== corpus and catalysts\n");
    let mut rows = vec![("corpus".to_string(), report.corpus)];
    rows.extend(
        catalysts(&report)
            .into_iter()
            .map(|(name, t)| (name.to_string(), t)),
    );
    table(&mut out, &rows);
    out.push_str("\n== documents\n");
    let rows: Vec<(String, Tally)> = report
        .documents
        .iter()
        .map(|(doc, t)| (document_heading(&open.titles, doc), *t))
        .collect();
    table(&mut out, &rows);
    if !report.actors.is_empty() {
        out.push_str("\n== actors (the scored commitments with a verdict for them)\n");
        let rows: Vec<(String, Tally)> = report
            .actors
            .iter()
            .map(|(a, t)| (sanitize(a), *t))
            .collect();
        table(&mut out, &rows);
    }
    let listed: Vec<&compliance::Commitment> = report
        .commitments
        .iter()
        .filter(|c| matches!(c.scored.standing, Standing::Scored(_) | Standing::Disagreed))
        .collect();
    if !listed.is_empty() {
        out.push_str("\n== commitments (scored or disagreed)\n");
        let actor_w = listed
            .iter()
            .flat_map(|c| c.scored.actors.iter().map(|(a, _)| width::of(&sanitize(a))))
            .max()
            .unwrap_or(0)
            .min(LABEL_COLUMNS);
        for c in listed {
            let s = c.scored.standing;
            let how = match (s, c.scored.reconciled) {
                (Standing::Disagreed, _) => "disagreed ",
                (_, true) => "reconciled",
                _ => "agreed    ",
            };
            let quote = width::fit(&crate::safe_text::quote(&c.item.anchor.exact), 50);
            let _ = writeln!(
                out,
                "{}  {:>6}  {:>6}  {how}  \"{quote}\" ({})",
                sanitize(c.id),
                mean_text(s.score()),
                percent_text(s.score().map(compliance::percent)),
                sanitize(&c.item.doc)
            );
            for (actor, a) in &c.scored.actors {
                let score = match a {
                    Standing::Scored(x) => format!(
                        "{:>6}  {:>6}",
                        mean_text(Some(*x)),
                        percent_text(Some(compliance::percent(*x)))
                    ),
                    other => other.name().to_string(),
                };
                let _ = writeln!(
                    out,
                    "    {}  {score}",
                    width::pad(&sanitize(actor), actor_w)
                );
            }
        }
    }
    io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

/// A tally's figures as JSON fields.
fn tally_json(t: &Tally) -> serde_json::Value {
    serde_json::json!({
        "scored": t.scored,
        "mean": t.mean(),
        "percent": t.percent(),
        "not_a_commitment": t.not_a_commitment,
        "pending": t.pending,
        "disagreed": t.disagreed,
    })
}

/// A standing as JSON fields.
fn standing_json(s: Standing) -> serde_json::Value {
    serde_json::json!({
        "standing": s.name(),
        "score": s.score(),
        "percent": s.score().map(compliance::percent),
    })
}

/// Adds the fields of `more` (an object) to `to` (an object).
fn with(mut to: serde_json::Value, more: serde_json::Value) -> serde_json::Value {
    if let (Some(to), serde_json::Value::Object(more)) = (to.as_object_mut(), more) {
        to.extend(more);
    }
    to
}

/// Whether a commitment is listed in JSON and CSV: every one rated (pending ones are
/// only counted).
fn listed(c: &compliance::Commitment) -> bool {
    c.scored.standing != Standing::Pending
}

/// `compliance --json`: one object.
fn json_report(
    r: &Compliance,
    scale: &str,
    only: Option<&str>,
    titles: &Titles,
) -> serde_json::Value {
    let title = |doc: &str| title(titles, doc);
    let catalysts: serde_json::Map<String, serde_json::Value> = catalysts(r)
        .into_iter()
        .map(|(name, t)| (name.replace(' ', "_"), tally_json(&t)))
        .collect();
    let documents: Vec<serde_json::Value> = r
        .documents
        .iter()
        .map(|(doc, t)| {
            with(
                serde_json::json!({ "document": doc, "title": title(doc) }),
                tally_json(t),
            )
        })
        .collect();
    let actors: Vec<serde_json::Value> = r
        .actors
        .iter()
        .map(|(a, t)| with(serde_json::json!({ "actor": a }), tally_json(t)))
        .collect();
    let commitments: Vec<serde_json::Value> = r
        .commitments
        .iter()
        .filter(|c| listed(c))
        .map(|c| {
            let actors: Vec<serde_json::Value> = c
                .scored
                .actors
                .iter()
                .map(|(a, s)| with(serde_json::json!({ "actor": a }), standing_json(*s)))
                .collect();
            with(
                serde_json::json!({
                    "id": c.id,
                    "document": c.item.doc,
                    "title": title(&c.item.doc),
                    "quote": c.item.anchor.exact,
                    "reconciled": c.scored.reconciled,
                    "numerical_target": has_target(c.item),
                    "timeline": has_timeline(c.item),
                    "actors": actors,
                }),
                standing_json(c.scored.standing),
            )
        })
        .collect();
    serde_json::json!({
        "scale": scale,
        "reviewer": only,
        "corpus": tally_json(&r.corpus),
        "catalysts": catalysts,
        "documents": documents,
        "actors": actors,
        "commitments": commitments,
    })
}

/// `compliance --csv`: a row per figure, every row with the same columns: the corpus, each
/// catalyst, document, actor, rated commitment and each of its actors.
fn csv_rows(r: &Compliance, titles: &Titles) -> String {
    let title = |doc: &str| title(titles, doc);
    let number = |v: Option<f64>| v.map_or(String::new(), |x| format!("{x:.6}"));
    let mut out = String::from(
        "scope,name,id,document,title,scored,mean,percent,not_a_commitment,pending,disagreed\n",
    );
    let mut row = |text: [&str; 5], t: &Tally| {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{}",
            text.map(csv_cell).join(","),
            t.scored,
            number(t.mean()),
            number(t.percent()),
            t.not_a_commitment,
            t.pending,
            t.disagreed
        );
    };
    row(["corpus", "", "", "", ""], &r.corpus);
    for (name, t) in catalysts(r) {
        row(["catalyst", name, "", "", ""], &t);
    }
    for (doc, t) in &r.documents {
        row(["document", "", "", doc, title(doc)], t);
    }
    for (actor, t) in &r.actors {
        row(["actor", actor, "", "", ""], t);
    }
    for c in r.commitments.iter().filter(|c| listed(c)) {
        let (id, doc) = (c.id.as_str(), c.item.doc.as_str());
        row(
            ["commitment", "", id, doc, title(doc)],
            &Tally::of(c.scored.standing),
        );
        for (actor, s) in &c.scored.actors {
            row(
                ["commitment actor", actor, id, doc, title(doc)],
                &Tally::of(*s),
            );
        }
    }
    out
}
