//! Workspace speed on 50,000 items with two reviewers (each item with a deadline, a figure,
//! and both reviewers' verdicts, each with a note): load, save, merge, the merge driver end
//! to end, and re-anchoring every item after each document was edited.
//! Run: `cargo bench --bench workspace`.

use std::time::{Duration, Instant};

use cordiale::corpus::{Corpus, Document};
use cordiale::workspace::merge::merge_into;
use cordiale::workspace::sync::sync;
use cordiale::workspace::{self, Verdict};

/// The allocator the binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// Median time of `runs` calls; what each call returns is dropped outside the timing.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        drop(last.take());
        let t = Instant::now();
        let out = f();
        times.push(t.elapsed());
        last = Some(out);
    }
    (median(times), last.unwrap())
}

/// Median time of `runs` calls, each on a fresh input made outside the timing.
fn time_with<I, T>(
    runs: usize,
    mut input: impl FnMut() -> I,
    mut f: impl FnMut(I) -> T,
) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        drop(last.take());
        let i = input();
        let t = Instant::now();
        let out = f(i);
        times.push(t.elapsed());
        last = Some(out);
    }
    (median(times), last.unwrap())
}

fn main() {
    let docs = common::documents();
    let ws = common::workspace(&docs, |_| (Verdict::KEPT, Verdict::PARTIAL));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cordiale.json");

    let (bytes_t, _) = time(7, || workspace::encode(&ws));
    let (save_t, _) = time(7, || workspace::save(&path, &ws).unwrap());
    let size = std::fs::metadata(&path).unwrap().len();
    let (load_t, loaded) = time(7, || workspace::load(&path).unwrap());
    assert_eq!(loaded, ws);
    let mut ours = ws.clone();
    let mut theirs = ws.clone();
    for (k, item) in ours.items.values_mut().enumerate() {
        if k % 2 == 0 {
            item.reviews.get_mut("ann").unwrap().verdict = Verdict::BROKEN;
        }
    }
    for (k, item) in theirs.items.values_mut().enumerate() {
        if k % 3 == 0 {
            item.reviews.get_mut("bob").unwrap().verdict = Verdict::STALLED;
        }
    }
    let (merge_t, (merged, conflicts)) = time_with(
        7,
        || ours.clone(),
        |mut o| {
            let c = merge_into(&ws, &mut o, &theirs);
            (o, c)
        },
    );
    assert!(conflicts.is_empty());
    assert_eq!(
        merged
            .items
            .values()
            .filter(|i| i.reviews["bob"].verdict == Verdict::STALLED)
            .count(),
        ws.items.len().div_ceil(3)
    );
    let base_path = dir.path().join("base.json");
    let ours_path = dir.path().join("ours.json");
    let theirs_path = dir.path().join("theirs.json");
    workspace::save(&base_path, &ws).unwrap();
    workspace::save(&theirs_path, &theirs).unwrap();
    let (driver_t, _) = time_with(
        5,
        || workspace::save(&ours_path, &ours).unwrap(),
        |()| {
            let (b, mut o, t) = (
                workspace::load(&base_path).unwrap(),
                workspace::load(&ours_path).unwrap(),
                workspace::load(&theirs_path).unwrap(),
            );
            let c = merge_into(&b, &mut o, &t);
            workspace::save(&ours_path, &o).unwrap();
            c
        },
    );
    assert_eq!(workspace::load(&ours_path).unwrap(), merged);
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
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{} items, two reviewers, {:.1} MB file (medians): save {:.0} ms (of which serializing \
         {:.0} ms), load {:.0} ms, merge {:.0} ms, merge driver end to end (3 loads, merge, \
         save) {:.0} ms, re-anchor after an edit of every document {:.0} ms",
        ws.items.len(),
        size as f64 / 1e6,
        ms(save_t),
        ms(bytes_t),
        ms(load_t),
        ms(merge_t),
        ms(driver_t),
        ms(anchor_t),
    );
}
