//! Extraction quality against hand-annotated gold fixtures (see tests/fixtures/ANNOTATION.md).
//!
//! Four sets: the five bundled seeds; documents written and annotated before the extractor
//! ever ran on them (tests/fixtures/unseen), which show how the rules generalize; and, for
//! issue 16, real published documents of the shared corpus annotated blind
//! (tests/fixtures/real/wh-statements, offsets only: the documents stay in
//! `../shared/corpora/`) and British/European documents of our own (tests/fixtures/own).
//! Matching is by overlap (one-to-one, in document order); value accuracy is measured on
//! matched figures and dates. Run with `--nocapture` to see the tables,
//! `CORDIALE_SCORE_VERBOSE=1` to list every miss and false alarm.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
/// The shared corpora, a sibling of the project (`/work/shared` in CI).
const CORPORA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora");

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    values_right: usize,
    values_checked: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.values_right += o.values_right;
        self.values_checked += o.values_checked;
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

struct Span {
    start: usize,
    end: usize,
    text: String,
    value: Value,
}

/// The spans of one list. Gold for a shared document holds no text: it is then taken from
/// the document at the gold offsets (`None` when they do not fall on characters of it, which
/// the gold check reports).
fn spans(list: &Value, doc: &str) -> Vec<Span> {
    list.as_array()
        .map(|a| a.iter().map(|v| span(v, doc)).collect())
        .unwrap_or_default()
}

fn span(v: &Value, doc: &str) -> Span {
    let start = v["start"].as_u64().unwrap() as usize;
    let end = v["end"].as_u64().unwrap() as usize;
    let text = match v.get("text") {
        Some(t) => t.as_str().unwrap().to_string(),
        None => doc.get(start..end).unwrap_or_default().to_string(),
    };
    Span {
        start,
        end,
        text,
        value: v.get("value").cloned().unwrap_or(Value::Null),
    }
}

/// Every problem of one gold file: a span that is not exactly its bytes (or, without text,
/// not inside the file on character boundaries), a list not sorted by start, a deadline
/// missing from `dates`.
fn gold_problems(gold: &Value, doc: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |v: &Value, what: &str| {
        let s = span(v, doc);
        if doc.get(s.start..s.end) != Some(s.text.as_str()) || s.start >= s.end {
            problems.push(format!(
                "{what} {}..{} is not a span of the document{}",
                s.start,
                s.end,
                v.get("text")
                    .map(|t| format!(" with text {t}"))
                    .unwrap_or_default()
            ));
        }
    };
    for class in ["figures", "dates", "commitments"] {
        for v in gold[class].as_array().unwrap() {
            check(v, class);
        }
    }
    for c in gold["commitments"].as_array().unwrap() {
        if !c["deadline"].is_null() {
            check(&c["deadline"], "deadline");
        }
        // Gold for a shared document names an actor by a span of it (no text of the
        // document in the project); a pronoun or our own gold may name it in words.
        for actor in c["actors"].as_array().unwrap() {
            if actor.is_object() {
                check(actor, "actor");
            }
        }
    }
    for key in ["doc_date", "title"] {
        if gold[key].is_object() {
            check(&gold[key], key);
        }
    }
    for class in ["figures", "dates", "commitments"] {
        let starts: Vec<u64> = gold[class]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["start"].as_u64().unwrap())
            .collect();
        if starts.windows(2).any(|w| w[0] > w[1]) {
            problems.push(format!("{class} are not sorted by start"));
        }
    }
    let dates = gold["dates"].as_array().unwrap();
    for c in gold["commitments"].as_array().unwrap() {
        let d = &c["deadline"];
        if !d.is_null()
            && !dates.iter().any(|x| {
                x["start"] == d["start"] && x["end"] == d["end"] && x["value"] == d["value"]
            })
        {
            problems.push(format!(
                "deadline {}..{} is not among the dates",
                d["start"], d["end"]
            ));
        }
    }
    problems
}

/// The gold title as the reader should see it. A plain string is the title itself; a span
/// (gold without text) is read from the document, and when it is a YAML front-matter value
/// (the span is the value inside its quotes) its escapes and line folding are undone.
fn gold_title(gold: &Value, doc: &str) -> String {
    match &gold["title"] {
        Value::String(t) => t.clone(),
        v @ Value::Object(_) => {
            let s = span(v, doc);
            match doc[..s.start].chars().next_back() {
                Some('"') => yaml_double_quoted(&s.text),
                Some('\'') => s.text.replace("''", "'"),
                _ => s.text,
            }
        }
        other => panic!("gold title must be a string or a span, not {other}"),
    }
}

/// Undoes the escapes of a YAML double-quoted scalar (`\_` no-break space, `\uXXXX`, an
/// escaped line break joining two lines). Line folding is left to `collapse`.
fn yaml_double_quoted(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else { break };
        let hex = |n: usize, chars: &mut std::iter::Peekable<std::str::Chars>| {
            let h: String = chars.by_ref().take(n).collect();
            u32::from_str_radix(&h, 16)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{fffd}')
        };
        match e {
            '\n' | '\r' => {
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            '_' => out.push('\u{a0}'),
            'n' => out.push('\n'),
            't' | '\t' => out.push('\t'),
            '0' => out.push('\0'),
            'x' => out.push(hex(2, &mut chars)),
            'u' => out.push(hex(4, &mut chars)),
            'U' => out.push(hex(8, &mut chars)),
            other => out.push(other),
        }
    }
    out
}

/// Runs of white space (line breaks, indentation, no-break spaces) as one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The title rule of ANNOTATION.md: the gold title, or a prefix of it ended with `…`;
/// both compared with white space collapsed.
fn title_right(want: &str, got: &str) -> bool {
    let (want, got) = (collapse(want), collapse(got));
    let prefix = got.strip_suffix('…').unwrap_or(&got);
    got == want || (got.ends_with('…') && want.starts_with(prefix))
}

fn overlap(a: &Span, b: &Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Values equal up to 1e-4 relative for numbers; objects compared key by key.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            (x - y).abs() <= 1e-4 * x.abs().max(y.abs()).max(1.0)
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        _ => a == b,
    }
}

/// Scores one class of one document; `min_share` is the overlap needed, as a share of the
/// shorter span (any overlap for figures and dates, half for commitments).
fn score(
    doc: &str,
    class: &str,
    gold: &[Span],
    pred: &[Span],
    min_share: f64,
    values: bool,
    log: &mut Vec<String>,
) -> Counts {
    let mut used = vec![false; pred.len()];
    let mut c = Counts::default();
    for g in gold {
        let hit = pred.iter().enumerate().find(|(i, p)| {
            !used[*i] && {
                let o = overlap(g, p);
                o > 0 && o as f64 >= min_share * (g.end - g.start).min(p.end - p.start) as f64
            }
        });
        match hit {
            Some((i, p)) => {
                used[i] = true;
                c.tp += 1;
                if values {
                    c.values_checked += 1;
                    if same_value(&g.value, &p.value) {
                        c.values_right += 1;
                    } else {
                        log.push(format!(
                            "{doc} {class} VALUE {:?}: gold {} / got {:?} {}",
                            g.text, g.value, p.text, p.value
                        ));
                    }
                }
            }
            None => {
                c.fn_ += 1;
                log.push(format!(
                    "{doc} {class} MISS {:?} @{}",
                    short(&g.text),
                    g.start
                ));
            }
        }
    }
    for (i, p) in pred.iter().enumerate() {
        if !used[i] {
            c.fp += 1;
            log.push(format!(
                "{doc} {class} FALSE {:?} @{} {}",
                short(&p.text),
                p.start,
                p.value
            ));
        }
    }
    c
}

fn short(s: &str) -> String {
    let s: String = s.chars().take(90).collect();
    s.replace('\n', " ")
}

struct SetScore {
    figures: Counts,
    dates: Counts,
    commitments: Counts,
    titles_right: usize,
    doc_dates_right: usize,
    docs: usize,
    log: Vec<String>,
}

/// The SHA-256 of a file's bytes, in lower-case hex.
fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The files of `dir` by the SHA-256 of their bytes: how gold for a shared document finds
/// it without naming it (its name is words of its title).
fn files_by_hash(dir: &Path) -> HashMap<String, PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (sha256_hex(&fs::read(&p).unwrap()), p))
        .collect()
}

/// Checks every gold file against its document, then scores the extractor. A gold file
/// names its document by `doc` inside `docs_dir` (our own documents), or by the `sha256` of
/// its bytes among the files of `docs_dir` (gold for the shared corpora, which holds no
/// text of its document, not even its name).
fn score_set(gold_dir: &Path, docs_dir: &Path) -> SetScore {
    let mut files: Vec<PathBuf> = fs::read_dir(gold_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no gold files in {}", gold_dir.display());
    let mut set = SetScore {
        figures: Counts::default(),
        dates: Counts::default(),
        commitments: Counts::default(),
        titles_right: 0,
        doc_dates_right: 0,
        docs: 0,
        log: Vec::new(),
    };
    let mut by_hash: Option<HashMap<String, PathBuf>> = None;
    for file in files {
        let gold: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        let doc_path = match gold["sha256"].as_str() {
            Some(hash) => by_hash
                .get_or_insert_with(|| files_by_hash(docs_dir))
                .get(hash)
                .cloned()
                .unwrap_or_else(|| {
                    panic!(
                        "{}: no file of {} has its sha256",
                        file.display(),
                        docs_dir.display()
                    )
                }),
            None => docs_dir.join(gold["doc"].as_str().unwrap()),
        };
        let gold_name = file.file_name().unwrap().to_string_lossy().into_owned();
        let name = gold_name.as_str();
        assert!(
            doc_path.is_file(),
            "{}: its document {} is missing",
            file.display(),
            doc_path.display()
        );
        let corpus = cordiale::corpus::load(std::slice::from_ref(&doc_path)).unwrap();
        let doc = &corpus.documents[0];
        let problems = gold_problems(&gold, &doc.text);
        assert!(
            problems.is_empty(),
            "{}:\n  {}",
            file.display(),
            problems.join("\n  ")
        );

        let x = serde_json::to_value(cordiale::extract::extract(doc)).unwrap();
        // Predicted spans are exactly their text too.
        for class in ["figures", "dates", "commitments"] {
            for s in spans(&x[class], &doc.text) {
                assert_eq!(
                    doc.text.get(s.start..s.end),
                    Some(s.text.as_str()),
                    "{name}: predicted span"
                );
            }
        }
        for (class, key, min_share, values, counts) in [
            ("figure", "figures", 0.0, true, &mut set.figures),
            ("date", "dates", 0.0, true, &mut set.dates),
            (
                "commitment",
                "commitments",
                0.5,
                false,
                &mut set.commitments,
            ),
        ] {
            counts.add(score(
                name,
                class,
                &spans(&gold[key], &doc.text),
                &spans(&x[key], &doc.text),
                min_share,
                values,
                &mut set.log,
            ));
        }

        let want_title = gold_title(&gold, &doc.text);
        let got_title = x["title"].as_str().unwrap();
        if title_right(&want_title, got_title) {
            set.titles_right += 1;
        } else {
            set.log.push(format!(
                "{name} TITLE gold {:?} / got {:?}",
                collapse(&want_title),
                short(got_title)
            ));
        }
        let date_of = |v: &Value| v.get("value").cloned();
        if date_of(&gold["doc_date"]) == date_of(&x["doc_date"])
            && gold["doc_date"].get("start") == x["doc_date"].get("start")
        {
            set.doc_dates_right += 1;
        } else {
            set.log.push(format!(
                "{name} DOC_DATE gold {} / got {}",
                gold["doc_date"], x["doc_date"]
            ));
        }
        set.docs += 1;
    }
    set
}

fn report(label: &str, s: &SetScore) -> String {
    let mut out = format!("\n{label} ({} documents)\n", s.docs);
    out += "class         gold  found     P      R      F1    values\n";
    for (name, c) in [
        ("figures", s.figures),
        ("dates", s.dates),
        ("commitments", s.commitments),
    ] {
        let values = if c.values_checked > 0 {
            format!("{:.3}", ratio(c.values_right, c.values_checked))
        } else {
            "—".into()
        };
        out += &format!(
            "{name:<12} {:>5} {:>6} {:>6.3} {:>6.3} {:>6.3}   {values}\n",
            c.tp + c.fn_,
            c.tp + c.fp,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    out += &format!(
        "titles {}/{}, dates of issue {}/{}\n",
        s.titles_right, s.docs, s.doc_dates_right, s.docs
    );
    if std::env::var_os("CORDIALE_SCORE_VERBOSE").is_some() {
        for l in &s.log {
            out += &format!("  {l}\n");
        }
    }
    out
}

fn check_targets(label: &str, s: &SetScore) {
    let text = report(label, s);
    println!("{text}");
    let values = {
        let mut c = s.figures;
        c.add(s.dates);
        ratio(c.values_right, c.values_checked)
    };
    let mut failures = Vec::new();
    if s.figures.f1() < 0.95 {
        failures.push(format!("figures F1 {:.3} < 0.95", s.figures.f1()));
    }
    if s.dates.f1() < 0.95 {
        failures.push(format!("dates F1 {:.3} < 0.95", s.dates.f1()));
    }
    if s.commitments.f1() < 0.85 {
        failures.push(format!("commitments F1 {:.3} < 0.85", s.commitments.f1()));
    }
    if values < 0.95 {
        failures.push(format!("value accuracy {values:.3} < 0.95"));
    }
    if s.titles_right < s.docs || s.doc_dates_right < s.docs {
        failures.push("titles or dates of issue differ".into());
    }
    assert!(
        failures.is_empty(),
        "{label}: {}\n{text}",
        failures.join("; ")
    );
}

/// The measures a set is held to, each a share in 0..=1.
#[derive(Clone, Copy)]
struct Bar {
    figures_f1: f64,
    dates_f1: f64,
    commitments_f1: f64,
    values: f64,
    titles: f64,
    doc_dates: f64,
}

/// Issue 16's goal for the real and own sets; not yet enforced (see the floors below).
const GOAL: Bar = Bar {
    figures_f1: 0.95,
    dates_f1: 0.96,
    commitments_f1: 0.90,
    values: 0.95,
    titles: 0.95,
    doc_dates: 0.95,
};

/// The floor of the blind wh-statements set: a regression guard, raised as the rules
/// improve until it reaches `GOAL`, never lowered for the same documents.
///
/// First-run scores, before any rule was changed for the documents (rounded down to 0.01):
/// - batch 1, 14 documents (on main at d221535): figures 0.851, dates 0.650, commitments
///   0.779, values 0.934, titles 0/14, dates of issue 14/14;
/// - batch 2, 6 more documents annotated after the genre rules were written, scored first on
///   main before issue 16 (figures 0.765, dates 0.811, commitments 0.674, titles 0/6) and then
///   on the genre rules tuned on batch 1 only (figures 0.960, dates 0.989, commitments 0.840,
///   titles 6/6): the held-out measure;
/// - batch 3, 6 more documents (two fact sheets, two G7 statements, a NATO fact sheet, joint
///   press remarks) annotated after the batch-2 round, first run on the rules as they stood:
///   figures 0.980, dates 0.935, commitments 0.797, values 0.942, titles 6/6.
///
/// The three batches together: figures 0.981, dates 0.976, commitments 0.9198, values 0.976,
/// titles 26/26, dates of issue 26/26.
///
/// After the batch-3 commitments round (renewed intentions, a government body's measures under
/// way, outcomes of named measures and events, wishes of others): commitments 0.953 on the 26
/// (batch 3 alone 0.797 -> 0.891). After the batch-3 figure and date rules (no later than
/// YEAR, by year's end, fiscal years A and B, as many as / exceeding, false starts,
/// 360-degree, years in programme names, until at least YEAR): figures 0.988, dates 0.996,
/// values 0.988.
const WH_STATEMENTS_FLOOR: Bar = Bar {
    figures_f1: 0.98,
    dates_f1: 0.99,
    commitments_f1: 0.95,
    values: 0.98,
    titles: 1.0,
    doc_dates: 1.0,
};

/// The floor of our own British/European documents, kept as `WH_STATEMENTS_FLOOR` is.
///
/// First-run scores: batch 1, 6 documents: figures 0.845, dates 0.929, commitments 0.771,
/// values 0.962, titles 5/6, dates of issue 6/6; batch 2, 4 documents written for the cases
/// batch 1 lacked (front matter, hard wraps, Hansard, numbered conclusions, a Markdown
/// communiqué, a speech): on main before issue 16 figures 0.853, dates 0.854, commitments
/// 0.735, titles 2/4, dates of issue 3/4; on the genre rules tuned on batch 1 only figures
/// 0.984, dates 1.000, commitments 0.951, titles 4/4, dates of issue 4/4.
///
/// Both batches with the genre rules: figures 0.994, dates 1.000, commitments 0.981, values
/// 0.997, titles 10/10, dates of issue 10/10; commitments 1.000 with the forecasts of an
/// unnamed share of a group (`Some schools will close`) and of easing conditions.
const OWN_FLOOR: Bar = Bar {
    figures_f1: 0.99,
    dates_f1: 1.0,
    commitments_f1: 1.0,
    values: 0.99,
    titles: 1.0,
    doc_dates: 1.0,
};

/// Prints the set's table with each measure against its floor and the goal, then fails when
/// any measure falls below its floor.
fn check_floor(label: &str, s: &SetScore, floor: Bar) {
    let text = report(label, s);
    let values = {
        let mut c = s.figures;
        c.add(s.dates);
        ratio(c.values_right, c.values_checked)
    };
    let measures = [
        (
            "figures F1",
            s.figures.f1(),
            floor.figures_f1,
            GOAL.figures_f1,
        ),
        ("dates F1", s.dates.f1(), floor.dates_f1, GOAL.dates_f1),
        (
            "commitments F1",
            s.commitments.f1(),
            floor.commitments_f1,
            GOAL.commitments_f1,
        ),
        ("value accuracy", values, floor.values, GOAL.values),
        (
            "titles",
            ratio(s.titles_right, s.docs),
            floor.titles,
            GOAL.titles,
        ),
        (
            "dates of issue",
            ratio(s.doc_dates_right, s.docs),
            floor.doc_dates,
            GOAL.doc_dates,
        ),
    ];
    let mut table = String::from("measure          score  floor   goal\n");
    let mut failures = Vec::new();
    for (name, score, floor, goal) in measures {
        // A hair of tolerance: a score equal to its floor may come out a rounding below it.
        let note = if score + 1e-9 < floor {
            failures.push(format!("{name} {score:.3} < floor {floor:.2}"));
            "BELOW THE FLOOR"
        } else if score >= goal {
            "goal met"
        } else if score >= floor + 0.01 {
            "below goal; the floor can be raised"
        } else {
            "below goal"
        };
        table += &format!("{name:<15} {score:>6.3} {floor:>6.2} {goal:>6.2}   {note}\n");
    }
    println!("{text}{table}");
    assert!(
        failures.is_empty(),
        "{label}: {}\n{text}{table}",
        failures.join("; ")
    );
}

#[test]
fn seeds_meet_the_quality_targets() {
    let s = score_set(
        &Path::new(FIXTURES).join("seeds"),
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")),
    );
    check_targets("seeds", &s);
}

#[test]
fn unseen_documents_meet_the_quality_targets() {
    let dir = Path::new(FIXTURES).join("unseen");
    let s = score_set(&dir, &dir.join("docs"));
    check_targets("unseen", &s);
}

/// Real published documents, annotated blind (issue 16). The documents are not in the
/// project: without `../shared/corpora/wh-statements` the score cannot be measured, and the
/// test says so on the terminal (past the test harness's capture) instead of posing as one.
#[test]
fn real_wh_statements_hold_their_floor() {
    let corpora = Path::new(CORPORA);
    if !corpora.join("wh-statements").is_dir() {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED real_wh_statements_hold_their_floor: {} is absent, so the blind gold in \
             tests/fixtures/real/wh-statements was NOT scored (check out the shared corpora \
             beside the project as ../shared to measure it)",
            corpora.join("wh-statements").display()
        );
        return;
    }
    let s = score_set(
        &Path::new(FIXTURES).join("real/wh-statements"),
        &corpora.join("wh-statements"),
    );
    check_floor("wh-statements (real, blind)", &s, WH_STATEMENTS_FLOOR);
}

#[test]
fn own_documents_hold_their_floor() {
    let dir = Path::new(FIXTURES).join("own");
    let s = score_set(&dir, &dir.join("docs"));
    check_floor("own (British/European)", &s, OWN_FLOOR);
}

#[test]
fn front_matter_titles_are_read_as_yaml_values() {
    let doc = "---\ntitle: \"A\\u2019s\\_Summit on\\\n  \\ Iran\"\nother: 'it''s'\n---\n";
    // The spans are the values inside their quotes, as in the gold files.
    let between = |open: &str, close: &str| {
        let start = doc.find(open).unwrap() + open.len();
        let end = start + doc[start..].find(close).unwrap();
        serde_json::json!({"title": {"start": start, "end": end}})
    };
    let double = between("title: \"", "\"\n");
    assert_eq!(collapse(&gold_title(&double, doc)), "A’s Summit on Iran");
    assert_eq!(gold_title(&between("other: '", "'\n"), doc), "it's");
    assert!(title_right("A’s Summit on Iran", "A’s Summit…"));
    assert!(title_right(
        "A’s\u{a0}Summit on\n  Iran",
        "A’s Summit on Iran"
    ));
    assert!(!title_right(
        "A’s Summit on Iran",
        "title: \"A’s Summit on Iran\""
    ));
    assert!(!title_right("A’s Summit on Iran", "B…"));
}

#[test]
fn broken_gold_is_reported() {
    let doc = "By 2030 we will act.";
    let gold = serde_json::json!({
        "figures": [],
        "dates": [{"start": 3, "end": 7, "value": {"date": "2030"}},
                  {"start": 0, "end": 2, "value": {"date": "2030"}}],
        "commitments": [{"start": 0, "end": 40, "actors": ["we"],
                         "deadline": {"start": 0, "end": 7, "value": {"date": "2030"}}}],
        "doc_date": null,
        "title": {"start": 5, "end": 3}
    });
    let problems = gold_problems(&gold, doc).join("\n");
    for want in [
        "commitments 0..40 is not a span",
        "title 5..3 is not a span",
        "dates are not sorted",
        "deadline 0..7 is not among the dates",
    ] {
        assert!(problems.contains(want), "{want:?} not in:\n{problems}");
    }
}

#[test]
#[should_panic(expected = "dates F1 0.500 < floor 0.65")]
fn a_score_below_its_floor_fails() {
    let counts = |tp, fp, fn_| Counts {
        tp,
        fp,
        fn_,
        values_right: tp,
        values_checked: tp,
    };
    let s = SetScore {
        figures: counts(1, 0, 0),
        dates: counts(1, 1, 1),
        commitments: counts(1, 0, 0),
        titles_right: 1,
        doc_dates_right: 1,
        docs: 1,
        log: Vec::new(),
    };
    let floor = Bar {
        figures_f1: 0.9,
        dates_f1: 0.65,
        commitments_f1: 0.9,
        values: 0.9,
        titles: 1.0,
        doc_dates: 1.0,
    };
    check_floor("synthetic", &s, floor);
}

/// The goal is reached on both real-input sets, so their floors may never fall below it: a
/// score under the goal fails the test, as issue 16 asks.
#[test]
fn the_real_and_own_floors_are_at_least_the_goal() {
    for (label, floor) in [("wh-statements", WH_STATEMENTS_FLOOR), ("own", OWN_FLOOR)] {
        let pairs = [
            ("figures F1", floor.figures_f1, GOAL.figures_f1),
            ("dates F1", floor.dates_f1, GOAL.dates_f1),
            ("commitments F1", floor.commitments_f1, GOAL.commitments_f1),
            ("value accuracy", floor.values, GOAL.values),
            ("titles", floor.titles, GOAL.titles),
            ("dates of issue", floor.doc_dates, GOAL.doc_dates),
        ];
        for (name, floor, goal) in pairs {
            assert!(floor >= goal, "{label}: {name} floor {floor} < goal {goal}");
        }
    }
}

/// Gold for the shared corpora holds no words of its documents: offsets, kinds and values,
/// the document found by the hash of its bytes, an actor by its span (a pronoun excepted).
#[test]
fn shared_gold_holds_no_text_of_its_documents() {
    fn strings<'a>(v: &'a Value, key: &'a str, out: &mut Vec<(&'a str, &'a str)>) {
        match v {
            Value::Object(m) => m.iter().for_each(|(k, v)| strings(v, k, out)),
            Value::Array(a) => a.iter().for_each(|v| strings(v, key, out)),
            Value::String(s) => out.push((key, s)),
            _ => {}
        }
    }
    let dir = Path::new(FIXTURES).join("real/wh-statements");
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let gold: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let mut found = Vec::new();
        strings(&gold, "", &mut found);
        for (key, s) in found {
            let allowed = match key {
                "sha256" => s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()),
                "date" => s.bytes().all(|b| b.is_ascii_digit() || b"-/Q".contains(&b)),
                "currency" => s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()),
                "per" => ["year", "month", "week", "day"].contains(&s),
                "actors" => ["we", "i", "it", "they", "you", "he", "she"].contains(&s),
                _ => false,
            };
            assert!(allowed, "{}: {key} {s:?} is text", path.display());
        }
    }
}
