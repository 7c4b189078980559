//! The review subcommands end to end, on a copy of the seeds in a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn cordiale(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cordiale"))
        .args(args)
        .current_dir(dir)
        .env("CORDIALE_CACHE_DIR", "")
        .env_remove("CORDIALE_REVIEWER")
        .output()
        .expect("binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A temporary folder with `corpus/` (a copy of the seeds).
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for f in fs::read_dir(seeds).unwrap() {
        let f = f.unwrap();
        fs::copy(f.path(), corpus.join(f.file_name())).unwrap();
    }
    let ws = dir.path().join("cordiale.json");
    (dir, ws)
}

fn item_ids(dir: &Path) -> Vec<String> {
    let o = cordiale(
        dir,
        &["checklist", "--corpus", "corpus", "--format", "json"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn two_reviewers_their_agreement_and_the_checklist() {
    let (dir, ws) = project();
    let d = dir.path();
    let ids = item_ids(d);
    assert!(ids.len() > 20, "{}", ids.len());
    for (k, id) in ids.iter().take(4).enumerate() {
        let ann = cordiale(
            d,
            &[
                "verdict",
                id,
                "kept",
                "--reviewer",
                "ann",
                "--corpus",
                "corpus",
            ],
        );
        assert!(ann.status.success(), "{}", text(&ann.stderr));
        let v = if k == 0 { "broken" } else { "kept" };
        let bob = cordiale(
            d,
            &[
                "verdict",
                &id[..8],
                v,
                "--reviewer",
                "bob",
                "--note",
                "seen",
            ],
        );
        assert!(bob.status.success(), "{}", text(&bob.stderr));
    }
    assert!(ws.exists(), "the workspace is written beside the corpus");
    let saved = fs::read_to_string(&ws).unwrap();
    assert!(saved.contains("\"corpus\": \"corpus\""), "{saved}");
    let g = cordiale(d, &["agreement"]);
    let out = text(&g.stdout);
    assert!(out.contains("rated by both 4, agreed 3"), "{out}");
    assert!(out.contains("percent agreement 75.0%"), "{out}");
    assert!(out.contains("warning: only 4 items"), "{out}");
    let md = text(&cordiale(d, &["checklist", "--filter", "disagreements"]).stdout);
    assert_eq!(md.lines().count(), 3, "{md}");
    assert!(md.contains("| kept | broken | disagreed |"), "{md}");
    let csv = text(&cordiale(d, &["checklist", "--format", "csv"]).stdout);
    assert!(csv.starts_with("id,doc,ann,bob,agreement"), "{csv}");
    let r = cordiale(d, &["reconcile", &ids[0], "partial", "--reviewer", "ann"]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let g = text(&cordiale(d, &["agreement"]).stdout);
    assert!(g.contains("reconciled 1"), "{g}");
    let c = cordiale(d, &["check", "--workspace", "cordiale.json"]);
    assert!(c.status.success(), "{}{}", text(&c.stdout), text(&c.stderr));
}

#[test]
fn bad_verdicts_and_bad_files_change_nothing() {
    let (dir, ws) = project();
    let d = dir.path();
    let ids = item_ids(d);
    cordiale(
        d,
        &[
            "verdict",
            &ids[0],
            "kept",
            "--reviewer",
            "ann",
            "--corpus",
            "corpus",
        ],
    );
    let before = fs::read(&ws).unwrap();
    let o = cordiale(d, &["verdict", &ids[0], "done", "--reviewer", "ann"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("unknown verdict `done`"));
    let o = cordiale(
        d,
        &["verdict", "cffffffffffff", "kept", "--reviewer", "ann"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(fs::read(&ws).unwrap(), before);
    let broken = b"{\n  \"schema\": 1,\n  \"corpus\": \"corpus\"\n  \"items\": {}\n}\n";
    fs::write(&ws, broken).unwrap();
    let o = cordiale(d, &["verdict", &ids[0], "kept", "--reviewer", "ann"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("cordiale.json:4:3: not valid JSON"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(fs::read(&ws).unwrap(), broken);
    fs::write(
        &ws,
        b"{\"schema\": 9, \"corpus\": \"corpus\", \"items\": {}}",
    )
    .unwrap();
    let o = cordiale(d, &["checklist"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("newer cordiale"));
}

#[test]
fn an_edited_document_leaves_an_orphan_that_check_reports() {
    let (dir, _) = project();
    let d = dir.path();
    let ids = item_ids(d);
    cordiale(
        d,
        &[
            "verdict",
            &ids[0],
            "kept",
            "--reviewer",
            "ann",
            "--corpus",
            "corpus",
        ],
    );
    let c = cordiale(d, &["check", "--workspace", "cordiale.json"]);
    assert!(c.status.success());
    // Remove the reviewed sentence from its document.
    let saved: Value = serde_json::from_slice(&fs::read(d.join("cordiale.json")).unwrap()).unwrap();
    let item = &saved["items"][&ids[0]];
    let doc = d.join("corpus").join(item["doc"].as_str().unwrap());
    let quote = item["anchor"]["exact"].as_str().unwrap();
    let body = fs::read_to_string(&doc).unwrap();
    fs::write(&doc, body.replace(quote, "")).unwrap();
    let c = cordiale(d, &["check", "--workspace", "cordiale.json"]);
    assert_eq!(c.status.code(), Some(1));
    assert!(text(&c.stdout).contains("orphaned"), "{}", text(&c.stdout));
    // The item and its verdict are still there, marked in the checklist.
    let md = text(&cordiale(d, &["checklist"]).stdout);
    assert!(md.contains("(orphaned)"), "{md}");
    assert!(md.contains(&ids[0]));
}

#[test]
fn the_merge_driver_merges_reviewers_and_reports_true_conflicts() {
    let (dir, ws) = project();
    let d = dir.path();
    let ids = item_ids(d);
    cordiale(
        d,
        &[
            "verdict",
            &ids[0],
            "pending",
            "--reviewer",
            "ann",
            "--corpus",
            "corpus",
        ],
    );
    let base = d.join("base.json");
    fs::copy(&ws, &base).unwrap();
    cordiale(d, &["verdict", &ids[1], "kept", "--reviewer", "ann"]);
    let ours = d.join("ours.json");
    fs::copy(&ws, &ours).unwrap();
    fs::copy(&base, &ws).unwrap();
    cordiale(d, &["verdict", &ids[1], "broken", "--reviewer", "bob"]);
    let theirs = d.join("theirs.json");
    fs::copy(&ws, &theirs).unwrap();
    let o = cordiale(d, &["merge", "base.json", "ours.json", "theirs.json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let merged: Value = serde_json::from_slice(&fs::read(&ours).unwrap()).unwrap();
    let reviews = &merged["items"][&ids[1]]["reviews"];
    assert_eq!(reviews["ann"]["verdict"], "kept");
    assert_eq!(reviews["bob"]["verdict"], "broken");
    // The same reviewer on both sides: a true conflict, reported, exit 1.
    fs::copy(&base, &ws).unwrap();
    cordiale(d, &["verdict", &ids[1], "stalled", "--reviewer", "ann"]);
    fs::copy(&ws, &theirs).unwrap();
    let o = cordiale(d, &["merge", "base.json", "ours.json", "theirs.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains(&format!(
        "item {}: reviews.ann changed on both sides",
        ids[1]
    )));
    let setup = text(&cordiale(d, &["git-setup"]).stdout);
    assert!(setup.contains("cordiale.json merge=cordiale"));
    assert!(setup.contains("merge.cordiale.driver \"cordiale merge %O %A %B\""));
}

/// A corpus of one document with `n` distinct pledges.
fn pledges(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let mut text = String::from("Brussels, 4 May 2016\n\n");
    for k in 0..n {
        text.push_str(&format!(
            "The Council will fund project number {k} by 2020.\n\n"
        ));
    }
    fs::write(corpus.join("pledges.txt"), text).unwrap();
    let ws = dir.path().join("cordiale.json");
    (dir, ws)
}

#[test]
fn two_writers_at_once_lose_no_verdict() {
    const N: usize = 300;
    let (dir, ws) = pledges(N);
    let d = dir.path().to_path_buf();
    let ids = item_ids(&d);
    assert_eq!(ids.len(), N);
    let writers: Vec<_> = ["ann", "bob"]
        .into_iter()
        .map(|who| {
            let (d, ids) = (d.clone(), ids.clone());
            std::thread::spawn(move || {
                for id in &ids {
                    let o = cordiale(
                        &d,
                        &[
                            "verdict",
                            id,
                            "kept",
                            "--reviewer",
                            who,
                            "--corpus",
                            "corpus",
                        ],
                    );
                    assert!(o.status.success(), "{}", text(&o.stderr));
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let saved: Value = serde_json::from_slice(&fs::read(&ws).unwrap()).unwrap();
    let verdicts: usize = saved["items"]
        .as_object()
        .unwrap()
        .values()
        .map(|i| i["reviews"].as_object().map_or(0, |r| r.len()))
        .sum();
    assert_eq!(verdicts, 2 * N);
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str]) {
    let o = git(dir, args);
    assert!(
        o.status.success(),
        "git {args:?}: {}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
}

#[test]
fn git_merges_two_reviewers_branches_with_the_driver() {
    let (dir, ws) = project();
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    git_ok(d, &["config", "user.name", "Test"]);
    git_ok(d, &["config", "user.email", "test@example.invalid"]);
    git_ok(
        d,
        &["config", "merge.cordiale.name", "cordiale workspace merge"],
    );
    let driver = format!("{} merge %O %A %B", env!("CARGO_BIN_EXE_cordiale"));
    git_ok(d, &["config", "merge.cordiale.driver", &driver]);
    fs::write(d.join(".gitattributes"), "cordiale.json merge=cordiale\n").unwrap();
    let ids = item_ids(d);
    cordiale(
        d,
        &[
            "verdict",
            &ids[0],
            "pending",
            "--reviewer",
            "ann",
            "--corpus",
            "corpus",
        ],
    );
    assert!(ws.exists());
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", "base"]);
    let review_branch = |branch: &str, who: &str, verdict: &str| {
        git_ok(d, &["checkout", "-q", "-b", branch, "main"]);
        for id in &ids[1..6] {
            let o = cordiale(d, &["verdict", id, verdict, "--reviewer", who]);
            assert!(o.status.success(), "{}", text(&o.stderr));
        }
        git_ok(d, &["commit", "-q", "-am", who]);
    };
    review_branch("ann", "ann", "kept");
    review_branch("bob", "bob", "broken");
    git_ok(d, &["checkout", "-q", "ann"]);
    let m = git(d, &["merge", "-q", "--no-edit", "bob"]);
    assert!(m.status.success(), "{}{}", text(&m.stdout), text(&m.stderr));
    let merged: Value = serde_json::from_slice(&fs::read(&ws).unwrap()).unwrap();
    for id in &ids[1..6] {
        assert_eq!(merged["items"][id]["reviews"]["ann"]["verdict"], "kept");
        assert_eq!(merged["items"][id]["reviews"]["bob"]["verdict"], "broken");
    }
    // The same reviewer on two branches: git stops and the driver says why.
    review_branch("ann2", "ann", "stalled");
    git_ok(d, &["checkout", "-q", "ann"]);
    let m = git(d, &["merge", "--no-edit", "ann2"]);
    assert!(!m.status.success(), "a true conflict must stop the merge");
    let said = text(&m.stderr) + &text(&m.stdout);
    assert!(said.contains("reviews.ann changed on both sides"), "{said}");
}
