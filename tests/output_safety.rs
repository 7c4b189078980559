//! Every output of the command line, fed documents, notes, reviewer names and file names
//! full of escape sequences and spreadsheet formulas: no control character reaches the
//! output raw, CSV cells never start a formula, Markdown rows stay rows, JSON reads back
//! the very strings that went in.

use std::fs;
use std::path::Path;
use std::process::Output;

use proptest::prelude::*;
use serde_json::Value;

#[path = "common/cli.rs"]
mod cli;
use cli::cordiale;

/// What may act on a terminal: control characters (C0, DEL, C1) and bidi controls. Written
/// out here rather than taken from the library, so the test judges it independently.
fn acts_on_a_terminal(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// The first control character in `out` other than a line break, with its place.
fn raw_control(out: &str) -> Option<(usize, char)> {
    out.char_indices()
        .find(|(_, c)| *c != '\n' && acts_on_a_terminal(*c))
}

#[track_caller]
fn assert_clean(what: &str, bytes: &[u8]) {
    let out = String::from_utf8_lossy(bytes);
    if let Some((at, c)) = raw_control(&out) {
        let from = out[..at].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
        panic!(
            "{what}: raw U+{:04X} at byte {at}, after {:?}",
            c as u32,
            &out[from..at]
        );
    }
}

/// The records of an RFC 4180 CSV text (LF line ends); `None` when it does not parse.
fn parse_csv(text: &str) -> Option<Vec<Vec<String>>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => {
                    quoted = false;
                    if !matches!(chars.peek(), Some(',') | Some('\n') | None) {
                        return None;
                    }
                }
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => return None,
            ',' => {
                record.push(std::mem::take(&mut cell));
                at_start = true;
            }
            '\n' => {
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
                at_start = true;
            }
            c => {
                cell.push(c);
                at_start = false;
            }
        }
    }
    if quoted || !cell.is_empty() || !record.is_empty() {
        return None; // unterminated: every record ends with a line break
    }
    Some(records)
}

/// Checks a CSV export: it parses, every record has the header's width, no cell starts a
/// formula or holds a control character (a line break inside a quoted cell aside).
#[track_caller]
fn assert_csv_safe(csv: &str) -> Vec<Vec<String>> {
    let records = parse_csv(csv).unwrap_or_else(|| panic!("CSV does not parse:\n{csv}"));
    let width = records[0].len();
    for r in &records {
        assert_eq!(r.len(), width, "{r:?}\n{csv}");
        for cell in r {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?}"
            );
            assert_eq!(raw_control(cell), None, "{cell:?}");
        }
    }
    records
}

/// The `|` of a Markdown line that separate cells (not escaped by a backslash).
fn cell_bars(line: &str) -> usize {
    let mut bars = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => bars += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    bars
}

/// Checks a Markdown table: every line is one row with the header's number of cells.
#[track_caller]
/// The table of a Markdown export, after the mark that keeps it out of a corpus.
fn md_table(md: &str) -> &str {
    md.strip_prefix(&format!("{}\n\n", cordiale::corpus::EXPORT_MARK))
        .unwrap_or_else(|| panic!("the export mark first: {md}"))
}

fn assert_md_table(md: &str, rows: usize) {
    let lines: Vec<&str> = md_table(md).lines().collect();
    assert_eq!(lines.len(), 2 + rows, "{md}");
    let bars = cell_bars(lines[0]);
    for (k, l) in lines.iter().enumerate() {
        assert!(k == 1 || l.starts_with("| ") && l.ends_with(" |"), "{l:?}");
        assert_eq!(cell_bars(l), bars, "{l:?}");
    }
}

/// A folder with `corpus/` holding one document (`name`, `text`).
fn project(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join(name), text).unwrap();
    dir
}

/// Runs a command that must succeed; the workspace commands on `corpus/`.
fn run_ok(d: &Path, args: &[&str]) -> Output {
    // `--note VALUE` as one `--note=VALUE`: a hostile value may start with `-`.
    let mut joined: Vec<String> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match (*a, ["--note", "--reviewer"].contains(a)) {
            (flag, true) => joined.push(format!("{flag}={}", it.next().unwrap())),
            (plain, false) => joined.push(plain.to_string()),
        }
    }
    let mut args: Vec<&str> = joined.iter().map(String::as_str).collect();
    if [
        "checklist",
        "verdict",
        "reconcile",
        "agreement",
        "add",
        "reattach",
    ]
    .contains(&args[0])
    {
        args.extend(["--corpus", "corpus", "--workspace", "cordiale.json"]);
    }
    let o = cordiale(d, &args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn ids(d: &Path) -> Vec<String> {
    let o = run_ok(d, &["checklist", "--format", "json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

const OSC52: &str = "\u{1b}]52;c;cm0gLXJmIH4=\u{7}";
const TITLE: &str = "\u{1b}]0;owned\u{7}";
const CLEAR: &str = "\u{1b}[2J\u{1b}[H";

/// One document, two reviewers and a reconciliation, every name and text hostile.
fn hostile() -> (tempfile::TempDir, String, String, String) {
    let doc = format!("-doc{TITLE}.txt");
    let text = format!(
        "Title{CLEAR}\n\nWe will pay \u{9b}31m€10 million\u{7f} to \u{202e}Calais{OSC52} by 2020.\n"
    );
    let dir = project(&doc, &text);
    let (ann, bob) = ("+ann|x\u{1b}[5m".to_string(), "=bob\u{9b}".to_string());
    (dir, doc, ann, bob)
}

#[test]
fn every_cli_output_escapes_controls_from_documents_notes_and_names() {
    let (dir, _doc, ann, bob) = hostile();
    let d = dir.path();
    let ids = ids(d);
    assert_eq!(ids.len(), 1, "one commitment");
    let id = ids[0].as_str();
    let note = format!("=HYPERLINK(\"x\")\nsecond{OSC52} line\r\nthird");
    let outputs = vec![
        run_ok(
            d,
            &["verdict", id, "kept", "--reviewer", &ann, "--note", &note],
        ),
        run_ok(
            d,
            &["verdict", id, "broken", "--reviewer", &bob, "--note", "@x"],
        ),
        run_ok(
            d,
            &[
                "reconcile",
                id,
                "partial",
                "--reviewer",
                &bob,
                "--note",
                &note,
            ],
        ),
        run_ok(d, &["checklist"]),
        run_ok(d, &["checklist", "--format", "csv"]),
        run_ok(d, &["checklist", "--format", "json"]),
        run_ok(d, &["agreement"]),
        run_ok(d, &["check", "--workspace", "cordiale.json"]),
        run_ok(d, &["summary", "corpus"]),
        run_ok(d, &["extract", "corpus"]),
        run_ok(d, &["extract", "--json", "corpus"]),
        run_ok(d, &["find", "--json", "calais", "corpus"]),
    ];
    for (k, o) in outputs.iter().enumerate() {
        assert_clean(&format!("output {k}"), &o.stdout);
        assert_clean(&format!("errors {k}"), &o.stderr);
    }
    // Names are printed, escaped, where they used to be printed raw.
    let said = String::from_utf8_lossy(&outputs[0].stdout);
    assert!(said.contains("+ann|x\\u{1b}[5m says kept"), "{said}");
    let g = String::from_utf8_lossy(&outputs[6].stdout);
    assert!(g.contains("(+ann|x\\u{1b}[5m vs =bob\\u{9b})"), "{g}");
}

#[test]
fn csv_cells_never_start_a_formula_and_keep_multi_line_notes() {
    let (dir, doc, ann, bob) = hostile();
    let d = dir.path();
    let id = ids(d).remove(0);
    let note = "=1+1\nsecond line\u{1b}[2J";
    run_ok(
        d,
        &["verdict", &id, "kept", "--reviewer", &ann, "--note", note],
    );
    run_ok(
        d,
        &["verdict", &id, "broken", "--reviewer", &bob, "--note", "+2"],
    );
    let csv = String::from_utf8(run_ok(d, &["checklist", "--format", "csv"]).stdout).unwrap();
    assert_clean("csv", csv.as_bytes());
    let records = assert_csv_safe(&csv);
    assert_eq!(records.len(), 2, "{csv}");
    let (head, row) = (&records[0], &records[1]);
    let cell = |name: &str| {
        let i = head
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name:?} in {head:?}"));
        row[i].clone()
    };
    // The reviewers' columns are named after them, neutralised too.
    // (after id, doc, title and page)
    assert_eq!(head[4], "'+ann|x\\u{1b}[5m");
    assert_eq!(head[5], "'=bob\\u{9b}");
    assert_eq!(cell("doc"), format!("'-doc\\u{{1b}}]0;owned\\u{{7}}.txt"));
    assert_eq!(
        cell("'+ann|x\\u{1b}[5m note"),
        "'=1+1\nsecond line\\u{1b}[2J"
    );
    assert_eq!(cell("'=bob\\u{9b} note"), "'+2");
    let _ = doc;
}

#[test]
fn markdown_rows_survive_pipes_line_breaks_and_names() {
    let (dir, _doc, ann, bob) = hostile();
    let d = dir.path();
    let id = ids(d).remove(0);
    run_ok(
        d,
        &[
            "verdict",
            &id,
            "kept",
            "--reviewer",
            &ann,
            "--note",
            "a|b\n\nc\\|d",
        ],
    );
    run_ok(d, &["verdict", &id, "broken", "--reviewer", &bob]);
    run_ok(
        d,
        &[
            "reconcile",
            &id,
            "partial",
            "--reviewer",
            &ann,
            "--note",
            "met\nagreed",
        ],
    );
    let md = String::from_utf8(run_ok(d, &["checklist"]).stdout).unwrap();
    assert_clean("md", md.as_bytes());
    assert_md_table(&md, 1);
    assert!(md.contains("| +ann\\|x\\\\u{1b}[5m |"), "{md}");
    assert!(md.contains("a\\|b<br><br>c\\\\\\|d"), "{md}");
    assert!(
        md.contains("| partial by +ann\\|x\\\\u{1b}[5m: met<br>agreed |"),
        "{md}"
    );
}

#[test]
fn exports_carry_both_notes_and_the_reconciled_verdict() {
    let dir = project(
        "plan.txt",
        "Plan\n\nWe will pay €10 million to Calais by 2020.\n",
    );
    let d = dir.path();
    let id = ids(d).remove(0);
    run_ok(
        d,
        &[
            "verdict",
            &id,
            "kept",
            "--reviewer",
            "ann",
            "--note",
            "paid\nin 2019",
        ],
    );
    run_ok(
        d,
        &[
            "verdict",
            &id,
            "broken",
            "--reviewer",
            "bob",
            "--note",
            "not paid",
        ],
    );
    run_ok(
        d,
        &[
            "reconcile",
            &id,
            "partial",
            "--reviewer",
            "ann",
            "--note",
            "half paid",
        ],
    );
    run_ok(d, &["verdict", &id, "partial", "--reviewer", "cy"]);
    // An actor the pair settled, named like a formula.
    let settled = run_ok(
        d,
        &[
            "reconcile",
            &id,
            "kept",
            "--actor",
            "=SUM(A1)",
            "--reviewer",
            "ann",
        ],
    );
    assert_clean("reconcile --actor", &settled.stdout);
    // Evidence from an outside source whose words would be a formula and an escape.
    run_ok(
        d,
        &[
            "evidence",
            &id,
            "--source",
            "=HYPERLINK(\"http://x\")",
            "--excerpt",
            "paid \u{1b}[31min full",
            "--date",
            "2021-03-01",
            "--reviewer",
            "bob",
        ],
    );
    let listed = run_ok(d, &["evidence", &id]).stdout;
    assert_clean("evidence", &listed);
    let md = String::from_utf8(run_ok(d, &["checklist"]).stdout).unwrap();
    assert!(
        md_table(&md).starts_with(
            "| id | document | title | page | ann | bob | agreement | reconciled \
             | deadline | commitment | ann note | bob note | others | per actor | evidence |"
        ),
        "{md}"
    );
    assert!(
        md.contains("| partial by ann: half paid |")
            && md.contains("| paid<br>in 2019 | not paid |"),
        "{md}"
    );
    let csv = String::from_utf8(run_ok(d, &["checklist", "--format", "csv"]).stdout).unwrap();
    let records = assert_csv_safe(&csv);
    let row: Vec<&str> = records[1].iter().map(String::as_str).collect();
    assert_eq!(
        &row[row.len() - 7..row.len() - 3],
        ["ann", "half paid", "paid\nin 2019", "not paid"],
        "{csv}"
    );
    assert_eq!(
        row[row.len() - 3],
        "cy partial",
        "a third reviewer's verdict"
    );
    assert_eq!(row[row.len() - 2], "reconciled: =SUM(A1) kept");
    let evidence = row[row.len() - 1];
    assert!(
        evidence.starts_with("bob, 2021-03-01, =HYPERLINK") && evidence.contains("\\u{1b}"),
        "{evidence:?}"
    );
    assert_eq!(
        records[0][records[0].len() - 7..],
        [
            "reconciled_by",
            "reconciled_note",
            "ann note",
            "bob note",
            "others",
            "actor_verdicts",
            "evidence"
        ]
    );
    let json: Value =
        serde_json::from_slice(&run_ok(d, &["checklist", "--format", "json"]).stdout).unwrap();
    let item = &json["items"][0];
    assert_eq!(item["reviews"]["ann"]["note"], "paid\nin 2019");
    assert_eq!(item["reviews"]["bob"]["note"], "not paid");
    assert_eq!(item["reconciled"]["by"], "ann");
    assert_eq!(item["reconciled"]["note"], "half paid");
    let cited = &item["reviews"]["bob"]["evidence"][0];
    assert_eq!(cited["date"], "2021-03-01");
    assert_eq!(
        cited["excerpt"], "paid \u{1b}[31min full",
        "JSON keeps the bytes, escaped"
    );
}

#[test]
fn the_confusion_matrix_keeps_every_header_apart() {
    let dir = project(
        "plan.txt",
        "Plan\n\nWe will pay €10 million to Calais by 2020.\n",
    );
    let d = dir.path();
    let id = ids(d).remove(0);
    run_ok(d, &["verdict", &id, "kept", "--reviewer", "ann"]);
    run_ok(d, &["verdict", &id, "broken", "--reviewer", "bob"]);
    let g = String::from_utf8(run_ok(d, &["agreement"]).stdout).unwrap();
    let at = g.find("confusion matrix").expect("a matrix");
    let mut lines = g[at..].lines().skip(1);
    let header = lines.next().unwrap();
    let names: Vec<&str> = header.split_whitespace().collect();
    assert_eq!(
        names,
        [
            "pending",
            "broken",
            "stalled",
            "in-progress",
            "partial",
            "kept",
            "not-a-commitment"
        ],
        "{g}"
    );
    // Each row has a name and seven counts, right under their headers.
    for line in lines.take(7) {
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cells.len(), 8, "{line:?}");
        assert_eq!(line.len(), header.len(), "{line:?} under {header:?}");
    }
}

#[test]
fn a_dangling_symlinks_name_is_escaped_in_the_error() {
    let dir = project("plan.txt", "Plan\n\nWe will pay.\n");
    let link = dir.path().join("corpus").join(format!("bad{TITLE}.txt"));
    std::os::unix::fs::symlink("/nonexistent/target", &link).unwrap();
    let o = cordiale(dir.path(), &["summary", "corpus"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad\\u{1b}]0;owned\\u{7}.txt"), "{err}");
    assert_clean("error", &o.stderr);
}

/// Fragments that act on terminals, spreadsheets and Markdown tables, and plain words.
fn hostile_fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(OSC52.to_string()),
        Just(TITLE.to_string()),
        Just(CLEAR.to_string()),
        Just("\u{7}".to_string()),
        Just("\u{9b}2J".to_string()),
        Just("\u{9d}0;x\u{9c}".to_string()),
        Just("\u{85}".to_string()),
        Just("\u{7f}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{2066}".to_string()),
        Just("\u{200f}".to_string()),
        Just("=HYPERLINK(\"x\")".to_string()),
        Just("=".to_string()),
        Just("+".to_string()),
        Just("-".to_string()),
        Just("@".to_string()),
        Just("\t".to_string()),
        Just("\r".to_string()),
        Just("\n".to_string()),
        Just("|".to_string()),
        Just("\\".to_string()),
        Just("\"".to_string()),
        Just(",".to_string()),
        Just("<b>".to_string()),
        Just("\u{2028}".to_string()),
        "[a-z]{1,6}",
        Just(" ".to_string()),
    ]
}

fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(hostile_fragment(), 1..max).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn no_output_format_lets_a_control_through(
        doc_name in hostile_text(5),
        inside in hostile_text(6),
        around in hostile_text(8),
        note_a in hostile_text(8),
        note_b in hostile_text(8),
        name_a in hostile_text(4),
        name_b in hostile_text(4),
    ) {
        // A file name has no `/` and no NUL (and the corpus reads `\\` as a folder); a reviewer is named by more than spaces.
        let doc = format!("d{doc_name}.txt").replace(['\n', '\\'], "n");
        let (a, b) = (format!("a{name_a}"), format!("b{name_b}"));
        let text = format!("{around}\n\nWe will {inside} pay €10 million by 2020.\n\n{around}\n");
        let dir = project(&doc, &text);
        let d = dir.path();
        let ids = ids(d);
        let mut outputs = Vec::new();
        if let Some(id) = ids.first() {
            outputs.push(run_ok(d, &["verdict", id, "kept", "--reviewer", &a, "--note", &note_a]));
            outputs.push(run_ok(d, &["verdict", id, "broken", "--reviewer", &b, "--note", &note_b]));
            outputs.push(run_ok(d, &["reconcile", id, "partial", "--reviewer", &b, "--note", &note_a]));
        }
        let md = run_ok(d, &["checklist"]);
        let csv = run_ok(d, &["checklist", "--format", "csv"]);
        let json = run_ok(d, &["checklist", "--format", "json"]);
        outputs.push(run_ok(d, &["agreement"]));
        if !ids.is_empty() {
            outputs.push(cordiale(d, &["check", "--workspace", "cordiale.json"]));
        }
        outputs.push(run_ok(d, &["summary", "corpus"]));
        outputs.push(run_ok(d, &["extract", "corpus"]));
        let extract_json = run_ok(d, &["extract", "--json", "corpus"]);
        for (k, o) in outputs.iter().chain([&md, &csv, &json, &extract_json]).enumerate() {
            assert_clean(&format!("output {k}"), &o.stdout);
            assert_clean(&format!("errors {k}"), &o.stderr);
        }
        assert_md_table(&String::from_utf8(md.stdout).unwrap(), ids.len());
        let records = assert_csv_safe(&String::from_utf8(csv.stdout).unwrap());
        prop_assert_eq!(records.len(), 1 + ids.len());
        // JSON is data: valid, and the very strings that went in come back out.
        let v: Value = serde_json::from_slice(&json.stdout).unwrap();
        if !ids.is_empty() {
            let item = &v["items"][0];
            prop_assert_eq!(item["doc"].as_str(), Some(doc.as_str()));
            // The command line takes a reviewer's name trimmed.
            let (a, b) = (a.trim(), b.trim());
            prop_assert_eq!(item["reviews"][a]["note"].as_str().unwrap_or(""), note_a.as_str());
            prop_assert_eq!(item["reviews"][b]["note"].as_str().unwrap_or(""), note_b.as_str());
        }
        for line in String::from_utf8(extract_json.stdout).unwrap().lines() {
            let x: Value = serde_json::from_str(line).unwrap();
            prop_assert_eq!(x["doc"].as_str(), Some(doc.as_str()));
        }
    }
}
