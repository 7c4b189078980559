//! Workspace speed on 50,000 items with two reviewers: load, save, merge, and re-anchoring
//! every item after each document was edited. Run: `cargo bench --bench workspace`.

use std::time::{Duration, Instant};

use cordiale::corpus::{Corpus, Document};
use cordiale::workspace::anchor::anchor;
use cordiale::workspace::id::item_id;
use cordiale::workspace::merge::merge;
use cordiale::workspace::sync::sync;
use cordiale::workspace::{self, Item, Origin, Review, Verdict, Workspace};

const DOCS: usize = 500;
const PER_DOC: usize = 100;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(f());
        times.push(t.elapsed());
    }
    (median(times), last.unwrap())
}

fn main() {
    let docs: Vec<Document> = (0..DOCS)
        .map(|d| {
            let mut text = format!("Brussels, {} May 2016\n\n", 1 + d % 28);
            for k in 0..PER_DOC {
                text.push_str(&format!(
                    "Member state {d} will fund border project number {k} with €{k} million by 2020.\n\n"
                ));
            }
            Document::from_text(format!("doc{d:04}.txt"), text)
        })
        .collect();
    let mut ws = Workspace {
        corpus: "corpus".into(),
        ..Default::default()
    };
    for doc in &docs {
        let mut at = 0;
        for line in doc.text.split("\n\n").filter(|l| l.contains("will fund")) {
            let start = doc.text[at..].find(line).unwrap() + at;
            at = start + line.len();
            let mut item = Item::new(
                doc.name.clone(),
                Origin::Extracted,
                anchor(&doc.text, start, start + line.len()),
            );
            item.deadline = Some("2020".into());
            for (who, v) in [("ann", Verdict::Kept), ("bob", Verdict::Partial)] {
                item.reviews.insert(
                    who.into(),
                    Review {
                        verdict: v,
                        note: "checked against the 2017 report".into(),
                        at: "2026-11-25T08:00:00Z".into(),
                    },
                );
            }
            ws.items.insert(item_id(&doc.name, line), item);
        }
    }
    assert_eq!(ws.items.len(), DOCS * PER_DOC);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cordiale.json");

    let (bytes_t, _) = time(7, || workspace::to_bytes(&ws));
    let (save_t, _) = time(7, || workspace::save(&path, &ws).unwrap());
    let size = std::fs::metadata(&path).unwrap().len();
    let (load_t, loaded) = time(7, || workspace::load(&path).unwrap());
    assert_eq!(loaded, ws);
    let mut ours = ws.clone();
    let mut theirs = ws.clone();
    for (k, item) in ours.items.values_mut().enumerate() {
        if k % 2 == 0 {
            item.reviews.get_mut("ann").unwrap().verdict = Verdict::Broken;
        }
    }
    for (k, item) in theirs.items.values_mut().enumerate() {
        if k % 3 == 0 {
            item.reviews.get_mut("bob").unwrap().verdict = Verdict::Stalled;
        }
    }
    let (merge_t, merged) = time(7, || merge(&ws, &ours, &theirs));
    assert!(merged.conflicts.is_empty());
    let edited = Corpus {
        documents: docs
            .iter()
            .map(|d| Document::from_text(d.name.clone(), format!("(Press release)\n{}", d.text)))
            .collect(),
        warnings: Vec::new(),
    };
    let (anchor_t, report) = time(5, || {
        let mut w = ws.clone();
        sync(&mut w, &edited, &[])
    });
    assert_eq!(report.moved.len(), ws.items.len());
    println!(
        "{} items, two reviewers, {:.1} MB file: save {:.0} ms (of which serializing {:.0} ms), \
         load {:.0} ms, merge {:.0} ms, re-anchor after an edit of every document {:.0} ms \
         (medians)",
        ws.items.len(),
        size as f64 / 1e6,
        save_t.as_secs_f64() * 1e3,
        bytes_t.as_secs_f64() * 1e3,
        load_t.as_secs_f64() * 1e3,
        merge_t.as_secs_f64() * 1e3,
        anchor_t.as_secs_f64() * 1e3,
    );
}
