//! The checklist as a file: Markdown for meeting notes, CSV for spreadsheets, JSON for
//! scripts. `cordiale checklist` prints it; the checklist pane writes it beside the
//! workspace. Both reviewers' verdicts, the agreement, stale and orphaned marks.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::ItemAgreement;
use crate::safe_text::sanitize;
use crate::workspace::{Item, Short};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Csv,
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Csv, Format::Json];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

pub fn agreement_name(a: ItemAgreement) -> &'static str {
    match a {
        ItemAgreement::None => "none",
        ItemAgreement::One => "one",
        ItemAgreement::Agreed => "agreed",
        ItemAgreement::Disagreed => "disagreed",
        ItemAgreement::Reconciled => "reconciled",
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// `rows` (id, item, agreement), in order, with the pair `(a, b)` as the two columns.
pub fn checklist(
    rows: &[(&Short, &Item, ItemAgreement)],
    (a, b): (&str, &str),
    orphaned: &BTreeSet<Short>,
    format: Format,
) -> String {
    let verdict_of = |item: &Item, r: &str| {
        item.reviews
            .get(r)
            .map_or("", |x| x.verdict.name())
            .to_string()
    };
    // Reviewers whose verdict predates a re-attachment to changed words.
    let stale_of = |item: &Item| -> Vec<String> {
        item.reviews
            .keys()
            .filter(|r| item.reviews.get(r).is_some_and(|x| x.stale))
            .map(Short::to_string)
            .collect()
    };
    let marked = |item: &Item, r: &str| match item.reviews.get(r).is_some_and(|x| x.stale) {
        true => format!("{} (stale)", verdict_of(item, r)),
        false => verdict_of(item, r),
    };
    let mut out = String::new();
    match format {
        Format::Json => {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|(id, item, state)| {
                    serde_json::json!({
                        "id": id,
                        "doc": item.doc,
                        "text": item.anchor.exact,
                        "deadline": item.deadline,
                        "figures": item.figures,
                        "reviews": item.reviews,
                        "reconciled": item.reconciled,
                        "agreement": agreement_name(*state),
                        "orphaned": orphaned.contains(*id),
                        "stale": stale_of(item),
                    })
                })
                .collect();
            let doc = serde_json::json!({ "reviewers": [a, b], "items": items });
            // Plain values into a string: this cannot fail.
            out = serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n";
        }
        Format::Csv => {
            let _ = writeln!(
                out,
                "id,doc,{},{},agreement,reconciled,stale,deadline,figures,text",
                csv_field(a),
                csv_field(b)
            );
            for (id, item, state) in rows {
                let _ = writeln!(
                    out,
                    "{id},{},{},{},{},{},{},{},{},{}",
                    csv_field(&item.doc),
                    verdict_of(item, a),
                    verdict_of(item, b),
                    agreement_name(*state),
                    item.reconciled.as_ref().map_or("", |r| r.verdict.name()),
                    csv_field(&stale_of(item).join("; ")),
                    csv_field(item.deadline.as_deref().unwrap_or("")),
                    csv_field(&item.figures.join("; ")),
                    csv_field(&item.anchor.exact)
                );
            }
        }
        Format::Markdown => {
            let _ = writeln!(
                out,
                "| id | document | {a} | {b} | agreement | deadline | commitment |"
            );
            let _ = writeln!(out, "|---|---|---|---|---|---|---|");
            for (id, item, state) in rows {
                let text = sanitize(&item.anchor.exact).replace('|', "\\|");
                let mark = if orphaned.contains(*id) {
                    " (orphaned)"
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "| {id} | {} | {} | {} | {} | {} | {text}{mark} |",
                    sanitize(&item.doc),
                    marked(item, a),
                    marked(item, b),
                    agreement_name(*state),
                    item.deadline.as_deref().unwrap_or(""),
                );
            }
        }
    }
    out
}
