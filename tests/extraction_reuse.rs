//! Review commands and the workbench's start take each document's extraction from the
//! cache: on an unchanged corpus with a warm cache they extract no document, after an edit
//! only the edited one. Proved with the process's extraction counter, so this file is its
//! own test binary with one test (tests in one binary run in parallel threads and would
//! count each other's extractions).

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use cordiale::cli::{Cli, run};
use cordiale::extract::extracted_count;
use cordiale::search::cache;

#[path = "common/seeds.rs"]
mod seeds;

/// Runs a `cordiale` command line in this process and returns how many documents it
/// extracted.
fn extracted_by(args: &[&str]) -> usize {
    let before = extracted_count();
    let code = run(Cli::parse_from(
        std::iter::once("cordiale").chain(args.iter().copied()),
    ));
    assert_eq!(code, ExitCode::SUCCESS, "{args:?}");
    extracted_count() - before
}

fn first_item(workspace: &Path) -> String {
    let v: serde_json::Value = serde_json::from_slice(&fs::read(workspace).unwrap()).unwrap();
    v["items"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone()
}

#[test]
fn review_commands_and_the_workbench_extract_only_changed_documents() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, names) = seeds::copy_seeds(dir.path());
    let documents = names.len();
    seeds::own_cache_and_reviewer(dir.path());
    let ws = dir.path().join("cordiale.json");
    let (c, w) = (corpus.to_str().unwrap(), ws.to_str().unwrap());

    // A cold cache: every document once.
    assert_eq!(extracted_by(&["init", c, "--workspace", w]), documents);
    // Warm: no review command extracts anything.
    let id = first_item(&ws);
    for args in [
        vec!["verdict", &id, "kept", "--workspace", w, "--corpus", c],
        vec!["reconcile", &id, "kept", "--workspace", w, "--corpus", c],
        vec![
            "checklist",
            "--workspace",
            w,
            "--corpus",
            c,
            "--filter",
            "disagreements",
        ],
        vec!["agreement", "--workspace", w, "--corpus", c],
        vec!["check", "--workspace", w, "--corpus", c],
    ] {
        assert_eq!(extracted_by(&args), 0, "{args:?}");
    }
    // One document edited: only it is extracted again.
    let edited = corpus.join(&names[0]);
    let mut text = fs::read_to_string(&edited).unwrap();
    text.push_str("\nThe two governments will open a new office by 2027.\n");
    fs::write(&edited, text).unwrap();
    assert_eq!(extracted_by(&["check", "--workspace", w, "--corpus", c]), 1);
    assert_eq!(
        extracted_by(&[
            "checklist",
            "--workspace",
            w,
            "--corpus",
            c,
            "--filter",
            "broken"
        ]),
        0
    );

    // The workbench's start: the index and the workspace's digests from one pass, and none
    // at all once both caches are warm.
    let loaded = Arc::new(cordiale::corpus::load(std::slice::from_ref(&corpus)).unwrap());
    let cache_dir = dir.path().join("cache");
    let before = extracted_count();
    let (_, digests) = cache::build_with_digests(Arc::clone(&loaded), Some(&cache_dir));
    // The index cache is cold (review commands keep only digests): each document once.
    assert_eq!(extracted_count() - before, documents);
    assert_eq!(digests.len(), documents);
    let before = extracted_count();
    let (index, again) = cache::build_with_digests(Arc::clone(&loaded), Some(&cache_dir));
    assert_eq!(extracted_count() - before, 0);
    assert_eq!(again, digests);
    assert_eq!(index.corpus().documents.len(), documents);
    // `summary` prints what the index keeps: from the warm index cache, nothing extracted.
    assert_eq!(extracted_by(&["summary", c]), 0);
    // `find` (and `summary`) leave the mapped index, from which the next `find` reads no
    // document at all, while the corpus's files are as they were.
    std::thread::sleep(cordiale::stamp::TICK_MARGIN * 2);
    extracted_by(&["find", "calais", c]);
    let read = cordiale::corpus::read_count();
    assert_eq!(extracted_by(&["find", "10m", c]), 0);
    assert_eq!(cordiale::corpus::read_count(), read, "no document read");
    fs::write(corpus.join("new.txt"), "The council will meet by 2028.\n").unwrap();
    std::thread::sleep(cordiale::stamp::TICK_MARGIN * 2);
    assert_eq!(
        extracted_by(&["find", "council", c]),
        1,
        "the new document only"
    );
    assert!(
        cordiale::corpus::read_count() > read,
        "read again after a change"
    );
    // What the cache gives is what extraction gives.
    let fresh = cordiale::search::digests::digests(&loaded, None);
    assert_eq!(digests, fresh);
    assert!(digests.iter().any(|d| !d.pledges.is_empty()));
}
