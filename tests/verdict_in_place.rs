//! A verdict from the command line costs the change, not the corpus: once a save has left
//! its note of being in step with the corpus, the next verdict reads no document and
//! writes the one item in place; an edited document, or a workspace changed by someone
//! else, takes it back to the whole way (sync, merge), and nothing is lost. Proved with
//! the process's counters of documents read and extracted, so this file is its own test
//! binary with one test.

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use cordiale::cli::{Cli, run};
use cordiale::corpus::read_count;
use cordiale::extract::extracted_count;
use cordiale::workspace::{Verdict, load, to_bytes};

#[path = "common/seeds.rs"]
mod seeds;

/// Runs a `cordiale` command line in this process: (documents read, documents extracted).
fn reads_of(args: &[&str]) -> (usize, usize) {
    let before = (read_count(), extracted_count());
    let code = run(Cli::parse_from(
        std::iter::once("cordiale").chain(args.iter().copied()),
    ));
    assert_eq!(code, ExitCode::SUCCESS, "{args:?}");
    (read_count() - before.0, extracted_count() - before.1)
}

/// Long enough for a file's stamp to prove it unchanged (two ticks of the kernel's clock).
fn settle() {
    std::thread::sleep(cordiale::stamp::TICK_MARGIN + Duration::from_millis(10));
}

fn verdict_of(ws: &Path, id: &str) -> Option<Verdict> {
    let ws = load(ws).unwrap();
    ws.items[id].reviews.get("ann").map(|r| r.verdict)
}

#[test]
fn a_verdict_in_step_reads_no_document_and_an_edit_brings_the_sync_back() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, names) = seeds::copy_seeds(dir.path());
    let documents = names.len();
    seeds::own_cache_and_reviewer(dir.path());
    let ws = dir.path().join("cordiale.json");
    let (c, w) = (corpus.to_str().unwrap(), ws.to_str().unwrap());
    settle();
    reads_of(&["init", c, "--workspace", w]);
    let ids: Vec<String> = load(&ws)
        .unwrap()
        .items
        .keys()
        .map(|k| k.to_string())
        .collect();
    let items = ids.len();
    let verdict =
        |id: &str, v: &str| reads_of(&["verdict", id, v, "--workspace", w, "--corpus", c]);

    // The first verdict opens and syncs the workspace (every document read), and leaves
    // the note; the next ones read none and extract none.
    assert_eq!(verdict(&ids[0], "kept").0, documents);
    settle();
    assert_eq!(verdict(&ids[1], "broken"), (0, 0));
    assert_eq!(
        verdict(&ids[0][..8], "partial"),
        (0, 0),
        "by a start of the id"
    );
    // What was written in place is what a whole save writes, and holds every verdict.
    let bytes = fs::read(&ws).unwrap();
    assert_eq!(to_bytes(&load(&ws).unwrap()), bytes);
    assert_eq!(verdict_of(&ws, &ids[0]), Some(Verdict::PARTIAL));
    assert_eq!(verdict_of(&ws, &ids[1]), Some(Verdict::BROKEN));
    let history = load(&ws).unwrap().items[ids[0].as_str()].history.len();
    assert_eq!(history, 1, "the replaced verdict went to the history");
    // A verdict for one actor takes the same way, and lands in the file as a whole save
    // would write it.
    settle();
    let actor = |id: &str, v: &str, who: &str| {
        reads_of(&[
            "verdict",
            id,
            v,
            "--actor",
            who,
            "--workspace",
            w,
            "--corpus",
            c,
        ])
    };
    assert_eq!(actor(&ids[2], "kept", "France"), (0, 0));
    assert_eq!(actor(&ids[2], "broken", "Germany"), (0, 0));
    let bytes = fs::read(&ws).unwrap();
    assert_eq!(to_bytes(&load(&ws).unwrap()), bytes);
    let review = &load(&ws).unwrap().items[ids[2].as_str()].reviews["ann"];
    assert_eq!(review.actors.get("France"), Some(Verdict::KEPT));
    assert_eq!(review.actors.get("Germany"), Some(Verdict::BROKEN));

    // A document edited: the whole way again, and the sync sees the new commitment.
    let first = fs::read_dir(&corpus)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut text = fs::read_to_string(&first).unwrap();
    text.push_str("\n\nThe ministers will publish a joint report on fisheries by 2031.\n");
    fs::write(&first, text).unwrap();
    settle();
    let (read, extracted) = verdict(&ids[1], "kept");
    assert_eq!(
        (read, extracted),
        (documents, 1),
        "read whole, the edited one extracted"
    );
    assert_eq!(
        load(&ws).unwrap().items.len(),
        items + 1,
        "the new commitment synced"
    );
    settle();
    assert_eq!(verdict(&ids[1], "broken"), (0, 0), "in step again");

    // Someone else changed the file (a hand edit, a git pull): not the bytes the note
    // knows, so the whole way, which keeps their change.
    let theirs = fs::read_to_string(&ws).unwrap().replacen(
        "\"verdict\": \"partial\"",
        "\"verdict\": \"stalled\"",
        1,
    );
    fs::write(&ws, theirs).unwrap();
    settle();
    assert_eq!(verdict(&ids[1], "kept").0, documents);
    assert_eq!(
        verdict_of(&ws, &ids[0]),
        Some(Verdict::STALLED),
        "their change kept"
    );
    assert_eq!(verdict_of(&ws, &ids[1]), Some(Verdict::KEPT));

    // An id that names no item fails the same way on either path.
    settle();
    let code = run(Cli::parse_from([
        "cordiale",
        "verdict",
        "ffffffffff",
        "kept",
        "--workspace",
        w,
        "--corpus",
        c,
    ]));
    assert_ne!(code, ExitCode::SUCCESS);
}
