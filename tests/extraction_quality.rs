//! Extraction quality against hand-annotated gold fixtures (see tests/fixtures/ANNOTATION.md).
//!
//! Two sets: the five bundled seeds, and documents written and annotated before the extractor
//! ever ran on them (tests/fixtures/unseen), which show how the rules generalize. Matching is
//! by overlap (one-to-one, in document order); value accuracy is measured on matched figures
//! and dates. Run with `--nocapture` to see the table, `CORDIALE_SCORE_VERBOSE=1` to list
//! every miss and false alarm.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

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

fn spans(list: &Value) -> Vec<Span> {
    list.as_array()
        .map(|a| {
            a.iter()
                .map(|v| Span {
                    start: v["start"].as_u64().unwrap() as usize,
                    end: v["end"].as_u64().unwrap() as usize,
                    text: v["text"].as_str().unwrap().to_string(),
                    value: v.get("value").cloned().unwrap_or(Value::Null),
                })
                .collect()
        })
        .unwrap_or_default()
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

/// Checks every gold span against the document bytes, then scores the extractor.
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
    for file in files {
        let gold: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        let name = gold["doc"].as_str().unwrap();
        let doc_path = docs_dir.join(name);
        let corpus = cordiale::corpus::load(std::slice::from_ref(&doc_path)).unwrap();
        let doc = &corpus.documents[0];
        // Every gold span is exactly the bytes it claims.
        let mut all = Vec::new();
        for class in ["figures", "dates", "commitments"] {
            all.extend(spans(&gold[class]));
        }
        for c in gold["commitments"].as_array().unwrap() {
            if !c["deadline"].is_null() {
                all.extend(spans(&Value::Array(vec![c["deadline"].clone()])));
            }
        }
        if !gold["doc_date"].is_null() {
            all.extend(spans(&Value::Array(vec![gold["doc_date"].clone()])));
        }
        for s in &all {
            assert_eq!(
                doc.text.get(s.start..s.end),
                Some(s.text.as_str()),
                "{name}: gold span {}..{} is not its text",
                s.start,
                s.end
            );
        }

        let x = serde_json::to_value(cordiale::extract::extract(doc)).unwrap();
        // Predicted spans are exactly their text too.
        for class in ["figures", "dates", "commitments"] {
            for s in spans(&x[class]) {
                assert_eq!(
                    doc.text.get(s.start..s.end),
                    Some(s.text.as_str()),
                    "{name}: predicted span"
                );
            }
        }
        set.figures.add(score(
            name,
            "figure",
            &spans(&gold["figures"]),
            &spans(&x["figures"]),
            0.0,
            true,
            &mut set.log,
        ));
        set.dates.add(score(
            name,
            "date",
            &spans(&gold["dates"]),
            &spans(&x["dates"]),
            0.0,
            true,
            &mut set.log,
        ));
        set.commitments.add(score(
            name,
            "commitment",
            &spans(&gold["commitments"]),
            &spans(&x["commitments"]),
            0.5,
            false,
            &mut set.log,
        ));

        let want_title = gold["title"].as_str().unwrap();
        let got_title = x["title"].as_str().unwrap();
        let prefix = got_title.strip_suffix('…').unwrap_or(got_title);
        if got_title == want_title || (got_title.ends_with('…') && want_title.starts_with(prefix))
        {
            set.titles_right += 1;
        } else {
            set.log.push(format!(
                "{name} TITLE gold {want_title:?} / got {got_title:?}"
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
