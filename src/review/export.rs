//! The checklist as a file: Markdown for meeting notes, CSV for spreadsheets, JSON for
//! scripts. `cordiale checklist` prints it; the checklist pane writes it beside the
//! workspace. Both reviewers' verdicts, the agreement, stale and orphaned marks.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::ItemAgreement;
use crate::corpus::Corpus;
use crate::safe_text::{json_pretty, quote, safe_lines};
use crate::workspace::{Item, Short};

/// The file format of a checklist export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Markdown table.
    Markdown,
    /// CSV, safe to open in a spreadsheet.
    Csv,
    /// JSON.
    Json,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Csv, Format::Json];

    /// The file name extension (`md`, `csv`, `json`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

/// The pair's standing on an item, as exports write it (`agreed`, `disagreed`…).
pub fn agreement_name(a: ItemAgreement) -> &'static str {
    match a {
        ItemAgreement::None => "none",
        ItemAgreement::One => "one",
        ItemAgreement::Agreed => "agreed",
        ItemAgreement::Disagreed => "disagreed",
        ItemAgreement::Reconciled => "reconciled",
    }
}

/// A CSV cell that a spreadsheet reads as the text it is. Control and bidi characters are
/// escaped as in the terminal (`\u{1b}`), line breaks kept inside the quoted cell; a cell
/// that would start a formula (`=`, `+`, `-`, `@`, a tab, a carriage return or NUL) gets a
/// leading `'` and is quoted, after OWASP's CSV-injection guidance.
pub fn csv_cell(s: &str) -> String {
    let text = safe_lines(s).join("\n");
    let formula = s.starts_with(['\t', '\r', '\0']) || text.starts_with(['=', '+', '-', '@']);
    let text = if formula { format!("'{text}") } else { text };
    if formula || text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A Markdown table cell: the text sanitized, `\\`, `|` and `<` escaped so nothing in it
/// ends the cell or becomes HTML, and each line break a `<br>` so none ends the row.
pub fn md_cell(s: &str) -> String {
    safe_lines(s)
        .iter()
        .map(|line| {
            line.replace('\\', "\\\\")
                .replace('|', "\\|")
                .replace('<', "&lt;")
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The PDF page `item`'s quote starts on, from its document in `corpus` (items know their
/// document by name and their quote by its anchor's start): `None` for a document without
/// pages, or one the corpus does not have.
pub fn item_page(corpus: &Corpus, item: &Item) -> Option<usize> {
    corpus.named(&item.doc)?.page_of(item.anchor.start)
}

/// The day a review is assessed as of, and the scale that says which verdicts settle a
/// deadline: what decides whether an item is overdue.
pub type Assessed<'a> = (&'a super::AsOf, &'a crate::workspace::Scale);

/// The CSV `overdue` cell: `yes`, or empty.
fn overdue_cell((as_of, scale): Assessed, item: &Item) -> &'static str {
    match as_of.overdue(item, scale) {
        true => "yes",
        false => "",
    }
}

/// The Markdown deadline cell: the deadline, `(overdue)` after it when it is.
fn deadline_md((as_of, scale): Assessed, item: &Item) -> String {
    let deadline = md_cell(item.deadline.as_deref().unwrap_or(""));
    match as_of.overdue(item, scale) {
        true => format!("{deadline} (overdue)"),
        false => deadline,
    }
}

/// `who`'s note on `item`, empty when none.
fn note_of<'a>(item: &'a Item, who: &str) -> &'a str {
    item.reviews.get(who).map_or("", |x| x.note.as_str())
}

/// The verdicts of the reviewers beyond the pair `(a, b)`, by name: `cy kept; dee partial`
/// (a checklist's columns are the pair's; a third reviewer's verdict is not left out).
fn others_verdicts(item: &Item, (a, b): (&str, &str)) -> String {
    item.reviews
        .iter()
        .filter(|(who, _)| who.as_str() != a && who.as_str() != b)
        .map(|(who, r)| format!("{who} {}", r.verdict.name()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Every reviewer's verdicts per actor on `item`, then the actors the pair settled:
/// `ann: France kept; UK partial | bob: France broken | reconciled: France kept`.
fn actor_verdicts(item: &Item) -> String {
    let settled = (!item.reconciled_actors.is_empty()).then(|| {
        let each: Vec<String> = item
            .reconciled_actors
            .iter()
            .map(|(a, r)| format!("{a} {}", r.verdict))
            .collect();
        format!("reconciled: {}", each.join("; "))
    });
    item.reviews
        .iter()
        .filter(|(_, r)| !r.actors.is_empty())
        .map(|(who, r)| {
            let each: Vec<String> = r.actors.iter().map(|(a, v)| format!("{a} {v}")).collect();
            format!("{who}: {}", each.join("; "))
        })
        .chain(settled)
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Every reviewer's evidence on `item`, one line each: `ann, 2016-03-01, b.txt: "…"`.
/// Evidence dated after the assessment day says so: it does not count.
fn evidence_lines(item: &Item, as_of: &super::AsOf) -> Vec<String> {
    item.reviews
        .iter()
        .flat_map(|(who, r)| {
            r.evidence.iter().map(move |e| {
                let later = as_of.evidence_note(e);
                format!(
                    "{who}, {}{later}, {}: {}",
                    e.date.as_deref().unwrap_or("undated"),
                    e.origin(),
                    quote(e.quote())
                )
            })
        })
        .collect()
}

/// A document's title by its file name, where the caller knows it (the index in the
/// workbench, the extraction on the command line).
pub type TitleOf<'a> = &'a dyn Fn(&str) -> Option<String>;

/// `rows` (id, item, agreement), in order, with the pair `(a, b)` as the two columns:
/// the document by file name and by title (`title_of`: short in Markdown and CSV, whole
/// in JSON for scripts), each one's verdict and note, the agreement, the reconciled verdict (who gave it, and
/// its note), deadline and whether it is overdue `as_of` that day, figures and the quote,
/// and the PDF page the quote is on (from
/// `corpus`; none for an orphaned item, whose quote is nowhere). Blind mode hides by
/// passing items without what the active reviewer may not see yet.
pub fn checklist(
    rows: &[(&Short, &Item, ItemAgreement)],
    (a, b): (&str, &str),
    orphaned: &BTreeSet<Short>,
    corpus: Option<&Corpus>,
    title_of: TitleOf,
    assessed: Assessed,
    format: Format,
) -> String {
    let as_of = assessed.0;
    let full_title = |item: &Item| title_of(&item.doc).unwrap_or_default();
    let short = |item: &Item| {
        crate::extract::short_title(&full_title(item), crate::extract::SHORT_TITLE_COLUMNS)
    };
    let page_of = |id: &Short, item: &Item| -> Option<usize> {
        match orphaned.contains(id) {
            true => None,
            false => item_page(corpus?, item),
        }
    };
    let page_cell =
        |id: &Short, item: &Item| page_of(id, item).map_or(String::new(), |p| p.to_string());
    let verdict_of = |item: &Item, r: &str| item.reviews.get(r).map_or("", |x| x.verdict.name());
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
        false => verdict_of(item, r).to_string(),
    };
    let mut out = String::new();
    match format {
        Format::Json => {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|(id, item, state)| {
                    let mut value = serde_json::json!({
                        "id": id,
                        "doc": item.doc,
                        "title": full_title(item),
                        // The exact bytes of the span and of each figure, for scripts that
                        // find them in the file again; the exports made for people quote.
                        "text": item.anchor.exact,
                        "deadline": item.deadline,
                        "overdue": as_of.overdue(item, assessed.1),
                        "figures": item.figures,
                        "reviews": item.reviews,
                        "reconciled": item.reconciled,
                        "reconciled_actors": item.reconciled_actors,
                        "agreement": agreement_name(*state),
                        "orphaned": orphaned.contains(*id),
                        "stale": stale_of(item),
                    });
                    // Only when known: a document without pages has no page, not page 0.
                    if let (Some(page), Some(map)) = (page_of(id, item), value.as_object_mut()) {
                        map.insert("page".into(), page.into());
                    }
                    value
                })
                .collect();
            let doc = serde_json::json!({
                "reviewers": [a, b],
                "as_of": as_of.day().to_string(),
                "items": items,
            });
            // Plain values into a string: this cannot fail.
            out = json_pretty(&doc).unwrap_or_default() + "\n";
        }
        Format::Csv => {
            let _ = writeln!(
                out,
                "id,doc,title,page,{},{},agreement,reconciled,stale,deadline,overdue,figures,\
                 text,reconciled_by,reconciled_note,{},{},others,actor_verdicts,evidence",
                csv_cell(a),
                csv_cell(b),
                csv_cell(&format!("{a} note")),
                csv_cell(&format!("{b} note")),
            );
            for (id, item, state) in rows {
                let rec = item.reconciled.as_ref();
                let cells = [
                    id.to_string(),
                    csv_cell(&item.doc),
                    csv_cell(&short(item)),
                    page_cell(id, item),
                    verdict_of(item, a).to_string(),
                    verdict_of(item, b).to_string(),
                    agreement_name(*state).to_string(),
                    rec.map_or("", |r| r.verdict.name()).to_string(),
                    csv_cell(&stale_of(item).join("; ")),
                    csv_cell(item.deadline.as_deref().unwrap_or("")),
                    overdue_cell(assessed, item).to_string(),
                    csv_cell(
                        &item
                            .figures
                            .iter()
                            .map(|f| quote(f))
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                    csv_cell(&quote(&item.anchor.exact)),
                    csv_cell(rec.map_or("", |r| r.by.as_str())),
                    csv_cell(rec.map_or("", |r| r.note.as_str())),
                    csv_cell(note_of(item, a)),
                    csv_cell(note_of(item, b)),
                    csv_cell(&others_verdicts(item, (a, b))),
                    csv_cell(&actor_verdicts(item)),
                    csv_cell(&evidence_lines(item, as_of).join("\n")),
                ];
                let _ = writeln!(out, "{}", cells.join(","));
            }
        }
        Format::Markdown => {
            let (ma, mb) = (md_cell(a), md_cell(b));
            let _ = writeln!(out, "{}\n", crate::corpus::EXPORT_MARK);
            let _ = writeln!(
                out,
                "| id | document | title | page | {ma} | {mb} | agreement | reconciled | deadline \
                 | commitment | {} | {} | others | per actor | evidence |",
                md_cell(&format!("{a} note")),
                md_cell(&format!("{b} note")),
            );
            let _ = writeln!(
                out,
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
            );
            for (id, item, state) in rows {
                let mark = if orphaned.contains(*id) {
                    " (orphaned)"
                } else {
                    ""
                };
                let reconciled = item.reconciled.as_ref().map_or(String::new(), |r| {
                    let note = match r.note.is_empty() {
                        true => String::new(),
                        false => format!(": {}", md_cell(&r.note)),
                    };
                    format!("{} by {}{note}", r.verdict.name(), md_cell(&r.by))
                });
                let _ = writeln!(
                    out,
                    "| {id} | {} | {} | {} | {} | {} | {} | {reconciled} | {} | {}{mark} | {} | {} \
                     | {} | {} | {} |",
                    md_cell(&item.doc),
                    md_cell(&short(item)),
                    page_cell(id, item),
                    marked(item, a),
                    marked(item, b),
                    agreement_name(*state),
                    deadline_md(assessed, item),
                    md_cell(&quote(&item.anchor.exact)),
                    md_cell(note_of(item, a)),
                    md_cell(note_of(item, b)),
                    md_cell(&others_verdicts(item, (a, b))),
                    md_cell(&actor_verdicts(item)),
                    md_cell(&evidence_lines(item, as_of).join("\n")),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One item, unrated, exported for ann and bob on the default scale.
    fn export_one(item: &Item, as_of: &crate::review::AsOf, f: Format) -> String {
        let id: Short = "c1".into();
        let rows = [(&id, item, ItemAgreement::None)];
        let scale = crate::workspace::Scale::default();
        let none = BTreeSet::new();
        checklist(
            &rows,
            ("ann", "bob"),
            &none,
            None,
            &|_| None,
            (as_of, &scale),
            f,
        )
    }
    use crate::workspace::{Anchor, Origin};

    /// Each format says whether an item is overdue as of the day given, and JSON which
    /// day that was.
    #[test]
    fn exports_say_what_is_overdue_as_of_the_day_given() {
        let anchor = Anchor {
            exact: "We will act by March 2016.".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            end: 26,
            doc_hash: "0".into(),
        };
        let mut item = Item::new("a.md", Origin::Extracted, anchor);
        item.deadline = Some("2016-03".into());
        let today = "2026-11-25".parse().unwrap();
        for (day, overdue) in [("2016-03-31", false), ("2016-04-01", true)] {
            let as_of = crate::review::AsOf::resolve(Some(day.parse().unwrap()), None, today);
            let export = |f| export_one(&item, &as_of, f);
            let json: serde_json::Value = serde_json::from_str(&export(Format::Json)).unwrap();
            assert_eq!(json["as_of"], day);
            assert_eq!(json["items"][0]["overdue"], overdue);
            let csv = export(Format::Csv);
            let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
            let row: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
            let at = header.iter().position(|h| *h == "overdue").unwrap();
            assert_eq!(row[at], if overdue { "yes" } else { "" }, "{csv}");
            let md = export(Format::Markdown);
            assert_eq!(md.contains("| 2016-03 (overdue) |"), overdue, "{md}");
        }
    }

    #[test]
    fn people_read_a_hard_wrapped_quote_on_one_line_and_scripts_get_its_bytes() {
        let exact = "We     carry responsibility\n    for the harbour.";
        let anchor = Anchor {
            exact: exact.into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            end: exact.len(),
            doc_hash: "0".into(),
        };
        let mut item = Item::new("a.md", Origin::Extracted, anchor);
        item.figures = vec![Short::from("€3\n    billion")];
        let as_of = crate::review::AsOf::resolve(None, None, "2026-11-25".parse().unwrap());
        let export = |f| export_one(&item, &as_of, f);
        for f in [Format::Markdown, Format::Csv] {
            let out = export(f);
            assert!(
                out.contains("We carry responsibility for the harbour."),
                "{out}"
            );
        }
        assert!(export(Format::Csv).contains("€3 billion"));
        let json: serde_json::Value = serde_json::from_str(&export(Format::Json)).unwrap();
        assert_eq!(json["items"][0]["text"], exact);
        assert_eq!(json["items"][0]["figures"][0], "€3\n    billion");
    }
}
