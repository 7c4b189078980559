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
    assert!(setup.contains("merge.cordiale.driver \"cordiale merge %O %A %B --path %P"));
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
    let setup = cordiale(d, &["git-setup", "--write"]);
    assert!(setup.status.success(), "{}", text(&setup.stderr));
    assert_eq!(
        fs::read_to_string(d.join(".gitattributes")).unwrap(),
        "cordiale.json merge=cordiale\n"
    );
    let driver = text(&git(d, &["config", "merge.cordiale.driver"]).stdout);
    assert!(driver.contains(env!("CARGO_BIN_EXE_cordiale")), "{driver}");
    // Twice changes nothing.
    assert!(cordiale(d, &["git-setup", "--write"]).status.success());
    assert_eq!(
        fs::read_to_string(d.join(".gitattributes")).unwrap(),
        "cordiale.json merge=cordiale\n"
    );
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

#[test]
fn a_missed_commitment_is_added_by_hand_and_follows_an_edit() {
    let (dir, ws) = project();
    let d = dir.path();
    let corpus = d.join("corpus");
    fs::write(
        corpus.join("memo.txt"),
        "Memo, 3 May 2016\n\nThe harbour levy pays for the patrol boats until the autumn. Other text.\n",
    )
    .unwrap();
    // Not a commitment to the extraction (no promise in its wording), but one to a reader.
    let quote = "The harbour levy pays for the patrol boats until the autumn.";
    let o = cordiale(
        d,
        &[
            "add",
            "memo.txt",
            quote,
            "--reviewer",
            "ann",
            "--corpus",
            "corpus",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let id = text(&o.stdout).split(':').next().unwrap().to_string();
    let o = cordiale(d, &["verdict", &id, "kept", "--reviewer", "ann"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let saved: Value = serde_json::from_slice(&fs::read(&ws).unwrap()).unwrap();
    assert_eq!(saved["items"][&id]["origin"], "manual");
    assert_eq!(saved["items"][&id]["history"][0]["what"], "added");
    // The same quote again, and a quote that is not there: clear errors, nothing written.
    let before = fs::read(&ws).unwrap();
    let o = cordiale(d, &["add", "memo.txt", quote, "--reviewer", "ann"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("already quotes"),
        "{}",
        text(&o.stderr)
    );
    let o = cordiale(d, &["add", "memo.txt", "Not in it.", "--reviewer", "ann"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("is not in memo.txt"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(fs::read(&ws).unwrap(), before);

    // A word changes: check asks for confirmation; reattach confirms and keeps the verdict.
    fs::write(
        corpus.join("memo.txt"),
        "Memo, 3 May 2016\n\nThe harbour levy pays for the patrol boats until the spring. Other text.\n",
    )
    .unwrap();
    let c = cordiale(d, &["check"]);
    assert_eq!(c.status.code(), Some(1));
    let said = text(&c.stdout);
    assert!(said.contains(&format!("cordiale reattach {id}")), "{said}");
    let o = cordiale(d, &["reattach", &id, "--reviewer", "bob"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("until the spring"),
        "{}",
        text(&o.stdout)
    );
    let c = cordiale(d, &["check"]);
    assert!(c.status.success(), "{}", text(&c.stdout));
    let saved: Value = serde_json::from_slice(&fs::read(&ws).unwrap()).unwrap();
    let item = &saved["items"][&id];
    assert_eq!(item["reviews"]["ann"]["verdict"], "kept");
    let last = item["history"].as_array().unwrap().last().unwrap();
    assert_eq!(last["what"], "reanchor");
    assert_eq!(last["quote"], quote);
    // ann judged the old words: her verdict shows as stale until she gives it again.
    let md = text(&cordiale(d, &["checklist"]).stdout);
    assert!(md.contains("kept (stale)"), "{md}");
    let o = cordiale(d, &["verdict", &id, "kept", "--reviewer", "ann"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let md = text(&cordiale(d, &["checklist"]).stdout);
    assert!(!md.contains("(stale)"), "{md}");
}

/// Every file cordiale writes is valid against the JSON Schema it ships, which
/// `schema --write` puts where the file's "$schema" points.
#[test]
fn workspaces_validate_against_the_shipped_schema() {
    let (dir, ws) = project();
    let d = dir.path();
    let ids = item_ids(d);
    for (id, who, verdict) in [
        (&ids[0], "ann", "kept"),
        (&ids[0], "bob", "broken"),
        (&ids[0], "ann", "partial"),
        (&ids[1], "ann", "pending"),
    ] {
        let o = cordiale(
            d,
            &[
                "verdict",
                id,
                verdict,
                "--reviewer",
                who,
                "--note",
                "n\u{1}",
                "--corpus",
                "corpus",
            ],
        );
        assert!(o.status.success(), "{}", text(&o.stderr));
    }
    let o = cordiale(d, &["reconcile", &ids[0], "partial", "--reviewer", "ann"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = cordiale(d, &["schema", "--write"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let saved: Value = serde_json::from_slice(&fs::read(&ws).unwrap()).unwrap();
    let schema_path = d.join(saved["$schema"].as_str().unwrap());
    let schema: Value = serde_json::from_slice(&fs::read(&schema_path).unwrap()).unwrap();
    let printed: Value = serde_json::from_slice(&cordiale(d, &["schema"]).stdout).unwrap();
    assert_eq!(printed, schema);
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let errors: Vec<String> = validator
        .iter_errors(&saved)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        saved["items"][&ids[0]]["history"]
            .as_array()
            .is_some_and(|h| !h.is_empty())
    );
    // And it refuses what cordiale refuses.
    let mut bad = saved.clone();
    bad["items"][&ids[0]]["reviews"]["ann"]["verdict"] = "done".into();
    assert!(!validator.is_valid(&bad));
    let mut bad = saved.clone();
    bad["items"][&ids[0]]["colour"] = "red".into();
    assert!(!validator.is_valid(&bad));
    let mut bad = saved;
    bad["schema"] = 3.into();
    assert!(!validator.is_valid(&bad));
}

/// Each kind of bad workspace file: a clear error naming the file, exit 2, and the file
/// left byte for byte as it was.
#[test]
fn bad_workspace_files_get_clear_errors_and_stay_untouched() {
    let (dir, ws) = project();
    let d = dir.path();
    let ids = item_ids(d);
    let o = cordiale(
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
    assert!(o.status.success(), "{}", text(&o.stderr));
    let good = fs::read_to_string(&ws).unwrap();
    let mut big = String::from("[");
    while big.len() < 100_000_000 {
        big.push_str("1234567890,");
    }
    big.push_str("0]");
    let duplicate = {
        let first = good.find("\n    \"c").unwrap();
        let end = good[first..].find("\n    }").unwrap() + first + 6;
        let item = &good[first..end];
        good.replacen(item, &format!("{item},{item}"), 1)
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "invalid JSON",
            good.replacen("\"corpus\": ", "\"corpus\" ", 1).into_bytes(),
            "cordiale.json:4:12: not valid JSON",
        ),
        (
            "not a workspace",
            b"{\"name\": \"x\", \"list\": [1, 2]}".to_vec(),
            "not a cordiale workspace",
        ),
        (
            "a newer schema",
            good.replacen("\"schema\": 2", "\"schema\": 3", 1)
                .into_bytes(),
            "newer cordiale (schema 3",
        ),
        (
            "truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "EOF while parsing",
        ),
        (
            "not UTF-8",
            [b"{\"schema\": 2, \"corpus\": \"", &b"\xff\xfe"[..], b"\"}"].concat(),
            "not UTF-8",
        ),
        ("empty", Vec::new(), "empty file"),
        (
            "100 MB of JSON",
            big.into_bytes(),
            "not a cordiale workspace",
        ),
        (
            "an unknown verdict",
            good.replacen("\"kept\"", "\"done\"", 1).into_bytes(),
            "unknown variant `done`",
        ),
        (
            "a duplicate id",
            duplicate.into_bytes(),
            "duplicate item id",
        ),
    ];
    for (what, bytes, expected) in cases {
        fs::write(&ws, &bytes).unwrap();
        for args in [
            &["verdict", &ids[1], "kept", "--reviewer", "ann"][..],
            &["checklist"][..],
            &["check"][..],
        ] {
            let o = cordiale(d, args);
            let err = text(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{what}, {args:?}: {err}");
            assert!(
                err.contains("cordiale.json") && err.contains(expected),
                "{what}: {err}"
            );
            assert!(
                fs::read(&ws).unwrap() == bytes,
                "{what}: the file was changed"
            );
        }
    }
}

/// A file written by the schema-1 cordiale (the release before "$schema": made with that
/// build's `verdict` and `reconcile` on the seeds) is read, left alone by read-only commands,
/// and written as schema 2 by the next change, with every verdict and event kept.
#[test]
fn a_schema_1_workspace_is_migrated_on_the_next_save() {
    let (dir, ws) = project();
    let d = dir.path();
    let v1 = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace-schema-1.json"),
    )
    .unwrap();
    fs::write(&ws, &v1).unwrap();
    let old: Value = serde_json::from_slice(&v1).unwrap();
    assert_eq!(old["schema"], 1);
    let o = cordiale(d, &["checklist", "--format", "json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let c = cordiale(d, &["check"]);
    assert!(c.status.success(), "{}{}", text(&c.stdout), text(&c.stderr));
    assert_eq!(
        fs::read(&ws).unwrap(),
        v1,
        "read-only commands do not rewrite the file"
    );
    let rated: Vec<&String> = old["items"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, i)| !i["reviews"].as_object().unwrap().is_empty())
        .map(|(id, _)| id)
        .collect();
    assert_eq!(rated.len(), 2);
    let ids = item_ids(d);
    let fresh = ids.iter().find(|id| !rated.contains(id)).unwrap();
    let o = cordiale(d, &["verdict", fresh, "stalled", "--reviewer", "bob"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let new: Value = serde_json::from_slice(&fs::read(&ws).unwrap()).unwrap();
    assert_eq!(new["schema"], 2);
    assert_eq!(new["$schema"], "cordiale-workspace.schema.json");
    for id in rated {
        let (a, b) = (&old["items"][id], &new["items"][id]);
        assert_eq!(a["reviews"], b["reviews"], "{id}");
        assert_eq!(a["reconciled"], b["reconciled"], "{id}");
        assert_eq!(a["history"], b["history"], "{id}");
    }
    assert_eq!(new["items"][fresh]["reviews"]["bob"]["verdict"], "stalled");
}
