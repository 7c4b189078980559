//! The review subcommands end to end, on a copy of the seeds in a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

#[path = "common/cli.rs"]
mod cli;
use cli::{cordiale, text};

/// A temporary folder with `corpus/` (a copy of the seeds' documents) and no workspace.
fn bare_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for f in fs::read_dir(seeds).unwrap() {
        let f = f.unwrap();
        if f.path().extension().is_some_and(|e| e == "txt") {
            fs::copy(f.path(), corpus.join(f.file_name())).unwrap();
        }
    }
    dir
}

/// `bare_project` with its workspace at the top of the project, `cordiale.json` beside
/// `corpus/`: a place `init` must be told (the default is inside the corpus folder), after
/// which the commands run from the top find it with or without `--corpus corpus`.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = bare_project();
    let o = cordiale(
        dir.path(),
        &["init", "corpus", "--workspace", "cordiale.json"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
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
    assert!(
        ws.exists(),
        "the workspace named at init is the one written"
    );
    assert!(!d.join("corpus/cordiale.json").exists());
    let saved = fs::read_to_string(&ws).unwrap();
    assert!(saved.contains("\"corpus\": \"corpus\""), "{saved}");
    let g = cordiale(d, &["agreement"]);
    let out = text(&g.stdout);
    assert!(out.contains("rated by both 4, agreed 3"), "{out}");
    assert!(out.contains("percent agreement 75.0%"), "{out}");
    assert!(out.contains("warning: only 4 items"), "{out}");
    let md = text(&cordiale(d, &["checklist", "--filter", "disagreements"]).stdout);
    // The export mark and a blank line, the header, its rule, one disagreement.
    assert!(md.starts_with(cordiale::corpus::EXPORT_MARK), "{md}");
    assert_eq!(md.lines().count(), 2 + 3, "{md}");
    assert!(md.contains("| kept | broken | disagreed |"), "{md}");
    let csv = text(&cordiale(d, &["checklist", "--format", "csv"]).stdout);
    assert!(
        csv.starts_with("id,doc,title,page,ann,bob,agreement"),
        "{csv}"
    );
    let r = cordiale(d, &["reconcile", &ids[0], "partial", "--reviewer", "ann"]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let g = text(&cordiale(d, &["agreement"]).stdout);
    assert!(g.contains("reconciled 1"), "{g}");
    let c = cordiale(d, &["check", "--workspace", "cordiale.json"]);
    assert!(c.status.success(), "{}{}", text(&c.stdout), text(&c.stderr));
}

/// `agreement` heads each document's section with its short title and file name; the
/// Markdown and CSV exports have a title column after the file name, the JSON export a
/// title field beside `doc`.
#[test]
fn agreement_and_exports_name_documents_by_title() {
    let (dir, _) = project();
    let d = dir.path();
    let ids = item_ids(d);
    for id in [&ids[0], &ids[7]] {
        for (who, v) in [("ann", "kept"), ("bob", "broken")] {
            let o = cordiale(d, &["verdict", id, v, "--reviewer", who]);
            assert!(o.status.success(), "{}", text(&o.stderr));
        }
    }
    let json: Value =
        serde_json::from_slice(&cordiale(d, &["checklist", "--format", "json"]).stdout).unwrap();
    let first = &json["items"][0];
    let doc = first["doc"].as_str().unwrap().to_string();
    assert!(doc.ends_with(".txt"), "the file name stays: {doc}");
    let title = first["title"].as_str().unwrap().to_string();
    assert!(title.starts_with("So long as we leave"), "{title}");
    let short = cordiale::extract::short_title(&title, cordiale::extract::SHORT_TITLE_COLUMNS);
    assert!(
        short.chars().count() <= 60 && short.len() < title.len(),
        "{short}"
    );
    let g = text(&cordiale(d, &["agreement"]).stdout);
    assert!(g.contains(&format!("== {short} ({doc})")), "{g}");
    let md = text(&cordiale(d, &["checklist"]).stdout);
    assert!(md.contains("| id | document | title | page |"), "{md}");
    let row = md.lines().find(|l| l.contains(&doc)).unwrap();
    assert!(row.contains(&format!("| {doc} | {short} |")), "{row}");
    let csv = text(&cordiale(d, &["checklist", "--format", "csv"]).stdout);
    let row = csv.lines().nth(1).unwrap();
    assert!(row.contains(&format!("{doc},{short},")), "{row}");
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
    let err = text(&o.stderr);
    assert!(err.contains("scale standard has no verdict done"), "{err}");
    assert!(
        err.contains("partial, kept, not-a-commitment"),
        "the verdicts offered: {err}"
    );
    let o = cordiale(d, &["verdict", &ids[0], "Done!", "--reviewer", "ann"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("is not a verdict name"), "{err}");
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
    // The workspace beside the corpus, as `project` has it.
    let o = cordiale(
        dir.path(),
        &["init", "corpus", "--workspace", "cordiale.json"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ws = dir.path().join("cordiale.json");
    (dir, ws)
}

#[test]
fn two_writers_at_once_lose_no_verdict() {
    const N: usize = 100;
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
    let args = [
        "reconcile",
        &ids[1],
        "kept",
        "--actor",
        "France",
        "--reviewer",
        "ann",
    ];
    let o = cordiale(d, &args);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = cordiale(d, &["as-of", "2016-12-31"]);
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
    assert_eq!(
        saved["items"][&ids[1]]["reconciled_actors"]["France"]["verdict"],
        "kept"
    );
    assert!(
        saved["items"][&ids[0]]["history"]
            .as_array()
            .is_some_and(|h| !h.is_empty())
    );
    // And it refuses what cordiale refuses.
    let mut bad = saved.clone();
    // (A verdict off the workspace's scale is cordiale's to refuse: the schema cannot
    // know the scale; a name no verdict can have it refuses.)
    bad["items"][&ids[0]]["reviews"]["ann"]["verdict"] = "Done!".into();
    assert!(!validator.is_valid(&bad));
    let mut bad = saved.clone();
    bad["items"][&ids[0]]["colour"] = "red".into();
    assert!(!validator.is_valid(&bad));
    let mut bad = saved.clone();
    bad["schema"] = 6.into();
    assert!(!validator.is_valid(&bad));
    assert_eq!(saved["as_of"], "2016-12-31");
    let mut bad = saved.clone();
    bad["as_of"] = "31/12/2016".into();
    assert!(!validator.is_valid(&bad));
    let mut bad = saved;
    bad.as_object_mut().unwrap().remove("documents");
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
    while big.len() < 20_000_000 {
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
            good.replacen("\"schema\": 5", "\"schema\": 6", 1)
                .into_bytes(),
            "newer cordiale (schema 6",
        ),
        (
            "truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "EOF while parsing",
        ),
        (
            "not UTF-8",
            [b"{\"schema\": 4, \"corpus\": \"", &b"\xff\xfe"[..], b"\"}"].concat(),
            "not UTF-8",
        ),
        ("empty", Vec::new(), "empty file"),
        (
            "20 MB of JSON",
            big.into_bytes(),
            "not a cordiale workspace",
        ),
        (
            "an unknown verdict",
            good.replacen("\"kept\"", "\"done\"", 1).into_bytes(),
            "gave the verdict \"done\", which the scale \"standard\" does not have",
        ),
        (
            "a verdict that is no name",
            good.replacen("\"kept\"", "\"Done!\"", 1).into_bytes(),
            "\"Done!\" is not a verdict name",
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
/// and written as schema 3 by the next change, with every verdict and event kept.
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
    assert_eq!(new["schema"], 5);
    assert_eq!(
        new["documents"].as_object().unwrap().len(),
        5,
        "the corpus recorded"
    );
    assert_eq!(new["$schema"], "cordiale-workspace.schema.json");
    for id in rated {
        let (a, b) = (&old["items"][id], &new["items"][id]);
        assert_eq!(a["reviews"], b["reviews"], "{id}");
        assert_eq!(a["reconciled"], b["reconciled"], "{id}");
        assert_eq!(a["history"], b["history"], "{id}");
    }
    assert_eq!(new["items"][fresh]["reviews"]["bob"]["verdict"], "stalled");
}

/// A second corpus beside `corpus/` in the same folder: `other/`, one document, one pledge.
fn other_corpus(d: &Path) {
    fs::create_dir(d.join("other")).unwrap();
    fs::write(
        d.join("other/pledge.txt"),
        "Brussels, 4 May 2016\n\nThe Council will fund forty new schools by 2020.\n",
    )
    .unwrap();
}

fn ids_of(d: &Path, corpus: &str) -> Vec<String> {
    let o = cordiale(d, &["checklist", "--corpus", corpus, "--format", "json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// Two corpora in one folder each get their own workspace, inside the corpus folder: the
/// second never touches the first's file (the parent folder used to be shared, and a
/// second corpus orphaned the first's items and wrote its own into the first's file).
#[test]
fn two_corpora_in_one_folder_each_get_their_own_workspace() {
    let dir = bare_project();
    let d = dir.path();
    other_corpus(d);
    let a = ids_of(d, "corpus");
    let o = cordiale(
        d,
        &[
            "verdict",
            &a[0],
            "kept",
            "--reviewer",
            "ann",
            "--corpus",
            "corpus",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let first = d.join("corpus/cordiale.json");
    let before = fs::read(&first).expect("the workspace is inside the corpus folder");
    let b = ids_of(d, "other");
    assert_eq!(b.len(), 1, "{b:?}");
    let o = cordiale(
        d,
        &[
            "verdict",
            &b[0],
            "broken",
            "--reviewer",
            "ann",
            "--corpus",
            "other",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        fs::read(&first).unwrap(),
        before,
        "the first corpus's file untouched"
    );
    assert!(
        !d.join("cordiale.json").exists(),
        "nothing in the parent folder"
    );
    let second: Value =
        serde_json::from_slice(&fs::read(d.join("other/cordiale.json")).unwrap()).unwrap();
    assert_eq!(second["corpus"], ".");
    let items = second["items"].as_object().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[&b[0]]["doc"], "pledge.txt");
    assert_eq!(items[&b[0]]["reviews"]["ann"]["verdict"], "broken");
    // The workspace records its documents, with the hash the anchors carry.
    let hash = items[&b[0]]["anchor"]["doc_hash"].clone();
    assert_eq!(
        second["documents"],
        serde_json::json!({ "pledge.txt": hash })
    );
}

/// A workspace named for another corpus is refused, exit 2, naming both corpora and the
/// workspace to use instead; the file is left as it was.
#[test]
fn a_workspace_refuses_another_corpus_and_names_the_one_to_use() {
    let dir = bare_project();
    let d = dir.path();
    other_corpus(d);
    let a = ids_of(d, "corpus");
    let o = cordiale(
        d,
        &[
            "verdict",
            &a[0],
            "kept",
            "--reviewer",
            "ann",
            "--corpus",
            "corpus",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let first = d.join("corpus/cordiale.json");
    let before = fs::read(&first).unwrap();
    for args in [
        &[
            "checklist",
            "--corpus",
            "other",
            "--workspace",
            "corpus/cordiale.json",
        ][..],
        &[
            "add",
            "pledge.txt",
            "The Council will fund forty new schools by 2020.",
            "--reviewer",
            "ann",
            "--corpus",
            "other",
            "--workspace",
            "corpus/cordiale.json",
        ][..],
    ] {
        let o = cordiale(d, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o.stderr));
        let err = text(&o.stderr);
        assert!(err.contains("corpus/cordiale.json"), "{err}");
        assert!(err.contains("records the corpus"), "{err}");
        assert!(
            err.contains(
                &d.join("corpus")
                    .canonicalize()
                    .unwrap()
                    .display()
                    .to_string()
            ),
            "{err}"
        );
        assert!(err.contains("other"), "{err}");
        assert!(err.contains("--workspace other/cordiale.json"), "{err}");
        assert_eq!(fs::read(&first).unwrap(), before, "{args:?}");
    }
    assert!(!d.join("other/cordiale.json").exists());
}

/// A corpus moved elsewhere, its documents unchanged, keeps its workspace: the record
/// follows it. Moved and changed, it is taken for another corpus.
#[test]
fn a_moved_corpus_keeps_its_workspace() {
    let dir = bare_project();
    let d = dir.path();
    let a = ids_of(d, "corpus");
    let o = cordiale(
        d,
        &[
            "verdict",
            &a[0],
            "kept",
            "--reviewer",
            "ann",
            "--corpus",
            "corpus",
            "--workspace",
            "review.json",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    fs::rename(d.join("corpus"), d.join("moved")).unwrap();
    let o = cordiale(
        d,
        &[
            "verdict",
            &a[1],
            "broken",
            "--reviewer",
            "bob",
            "--corpus",
            "moved",
            "--workspace",
            "review.json",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let saved: Value = serde_json::from_slice(&fs::read(d.join("review.json")).unwrap()).unwrap();
    assert_eq!(saved["corpus"], "moved");
    assert_eq!(saved["items"][&a[0]]["reviews"]["ann"]["verdict"], "kept");
    assert_eq!(saved["items"][&a[1]]["reviews"]["bob"]["verdict"], "broken");
    // Without --corpus, the workspace names its own corpus.
    let o = cordiale(d, &["check", "--workspace", "review.json"]);
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
    fs::rename(d.join("moved"), d.join("again")).unwrap();
    let doc = fs::read_dir(d.join("again"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    fs::write(
        &doc,
        "Paris, 1 May 2020\n\nThe Government will build a bridge by 2025.\n",
    )
    .unwrap();
    let before = fs::read(d.join("review.json")).unwrap();
    let o = cordiale(
        d,
        &[
            "checklist",
            "--corpus",
            "again",
            "--workspace",
            "review.json",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert_eq!(fs::read(d.join("review.json")).unwrap(), before);
}

/// `init` creates the workspace once, with the corpus's items and its record, sets git up
/// inside a work tree, and says what to do next; a second `init` refuses to overwrite it.
#[test]
fn init_creates_the_workspace_once_and_sets_up_git() {
    let dir = bare_project();
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    let o = cordiale(d, &["init", "corpus"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let ws = d.join("corpus/cordiale.json");
    assert!(out.contains("created corpus/cordiale.json"), "{out}");
    assert!(out.contains("git add corpus/cordiale.json"), "{out}");
    assert!(out.contains("branch"), "{out}");
    let bytes = fs::read(&ws).unwrap();
    let saved: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(saved["corpus"], ".");
    assert_eq!(saved["documents"].as_object().unwrap().len(), 5);
    let items = saved["items"].as_object().unwrap();
    assert_eq!(items.len(), ids_of(d, "corpus").len());
    assert!(
        items
            .values()
            .all(|i| i["reviews"].as_object().unwrap().is_empty())
    );
    // git-setup ran in the work tree.
    assert!(
        fs::read_to_string(d.join(".gitattributes"))
            .unwrap()
            .contains("cordiale.json merge=cordiale")
    );
    let driver = text(&git(d, &["config", "merge.cordiale.driver"]).stdout);
    assert!(driver.contains("merge %O %A %B"), "{driver}");
    // Never overwritten.
    let again = cordiale(d, &["init", "corpus"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("already exists"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(fs::read(&ws).unwrap(), bytes);
    // The same corpus gives the same bytes (both reviewers branch from one item set).
    fs::remove_file(&ws).unwrap();
    assert!(cordiale(d, &["init", "corpus"]).status.success());
    assert_eq!(fs::read(&ws).unwrap(), bytes);
    // Outside a git work tree, it says how to set git up later.
    let plain = bare_project();
    let o = cordiale(
        plain.path(),
        &["init", "corpus", "--workspace", "team.json"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("created team.json"), "{out}");
    assert!(out.contains("git-setup --write"), "{out}");
    assert!(!plain.path().join(".gitattributes").exists());
    let team: Value =
        serde_json::from_slice(&fs::read(plain.path().join("team.json")).unwrap()).unwrap();
    assert_eq!(team["corpus"], "corpus");
    let help = text(&cordiale(d, &["init", "--help"]).stdout);
    assert!(help.contains("--workspace"), "{help}");
    assert!(help.contains("commit"), "{help}");
}

/// The workbench writes its exports beside the workspace, inside the corpus folder by
/// default: a Markdown checklist left there is not read back as a document (its table of
/// quotes would come back as commitments, each verdict's item twice).
#[test]
fn an_exported_checklist_in_the_corpus_is_not_a_document() {
    let dir = bare_project();
    let d = dir.path();
    let before = cordiale(d, &["summary", "corpus"]);
    assert!(before.status.success(), "{}", text(&before.stderr));
    let md = cordiale(d, &["checklist", "--corpus", "corpus", "--format", "md"]);
    assert!(md.status.success(), "{}", text(&md.stderr));
    assert!(text(&md.stdout).contains("| commitment"));
    std::fs::write(d.join("corpus/cordiale-checklist.md"), &md.stdout).unwrap();
    let after = cordiale(d, &["summary", "corpus"]);
    assert!(after.status.success(), "{}", text(&after.stderr));
    assert_eq!(text(&after.stdout), text(&before.stdout));
    assert!(
        !text(&after.stderr).contains("cordiale-checklist"),
        "skipped without a word"
    );
}

/// Three reviewers: `agreement` keeps the pair's Cohen's kappa and adds every reviewer's
/// reliability (Fleiss, AC1, Krippendorff's alpha nominal and ordinal, with intervals),
/// in text and as JSON, equal to what the library computes from the same ratings.
#[test]
fn agreement_reports_every_reviewers_reliability() {
    use cordiale::review::reliability::{Level, Ratings, Statistic};
    let (dir, _ws) = project();
    let d = dir.path();
    let ids = item_ids(d);
    let plan = [
        (
            "ann",
            ["kept", "kept", "broken", "partial", "kept", "stalled"],
        ),
        (
            "bob",
            ["kept", "partial", "broken", "partial", "kept", "kept"],
        ),
        (
            "cy",
            ["kept", "kept", "broken", "stalled", "broken", "stalled"],
        ),
    ];
    for (who, verdicts) in plan {
        for (id, v) in ids.iter().zip(verdicts) {
            let o = cordiale(
                d,
                &["verdict", id, v, "--reviewer", who, "--corpus", "corpus"],
            );
            assert!(o.status.success(), "{}", text(&o.stderr));
        }
    }
    let o = cordiale(d, &["agreement", "--corpus", "corpus"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("all 3 reviewers (ann, bob, cy), 6 items rated twice or more"),
        "{out}"
    );
    assert!(out.contains("Krippendorff's alpha, ordinal"), "{out}");

    let o = cordiale(d, &["agreement", "--corpus", "corpus", "--json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let all = &v["corpus"]["all"];
    assert_eq!(all["reviewers"], serde_json::json!(["ann", "bob", "cy"]));
    let pair = &v["corpus"]["pair"];
    let kappa = pair["cohen_kappa"].as_f64().unwrap();
    let interval = &pair["cohen_kappa_interval"];
    assert!(
        interval[0].as_f64().unwrap() <= kappa && kappa <= interval[1].as_f64().unwrap(),
        "{pair}"
    );
    // The confusion matrix, by the scale's verdicts, counts every item both rated.
    let counts = pair["confusion"]["counts"].as_array().unwrap();
    assert_eq!(pair["confusion"]["verdicts"][0], "pending");
    let total: u64 = counts
        .iter()
        .flat_map(|r| r.as_array().unwrap())
        .map(|c| c.as_u64().unwrap())
        .sum();
    assert_eq!(total, pair["rated_by_both"].as_u64().unwrap());
    // The same ratings by hand: nominal categories in-progress, stalled, partial, kept,
    // broken, not-a-commitment; ordinal broken < stalled < in-progress < partial < kept.
    let nominal = |v: &str| {
        ["in-progress", "stalled", "partial", "kept", "broken"]
            .iter()
            .position(|x| *x == v)
    };
    let ordinal = |v: &str| {
        ["broken", "stalled", "in-progress", "partial", "kept"]
            .iter()
            .position(|x| *x == v)
    };
    let ratings = |categories, at: &dyn Fn(&str) -> Option<usize>| Ratings {
        categories,
        rows: (0..6)
            .map(|i| plan.iter().map(|(_, vs)| at(vs[i])).collect())
            .collect(),
    };
    let (n, o_) = (ratings(6, &nominal), ratings(5, &ordinal));
    let close = |key: &str, want: Option<f64>| {
        let got = all[key]["value"].as_f64();
        assert!(
            (got.unwrap() - want.unwrap()).abs() < 1e-9,
            "{key}: {got:?} {want:?}"
        );
        let (lo, hi) = (
            all[key]["interval"][0].as_f64(),
            all[key]["interval"][1].as_f64(),
        );
        assert!(lo.unwrap() <= hi.unwrap(), "{key}");
    };
    close("fleiss_kappa", n.value(Statistic::FleissKappa));
    close("gwet_ac1", n.value(Statistic::GwetAc1));
    close("alpha_nominal", n.value(Statistic::Alpha(Level::Nominal)));
    close("alpha_ordinal", o_.value(Statistic::Alpha(Level::Ordinal)));
    assert!(v["documents"].as_array().is_some_and(|d| !d.is_empty()));
    assert!(all["per_verdict"].as_array().is_some_and(|p| !p.is_empty()));

    // CSV: the same figures, one per row, every row the same columns.
    let o = cordiale(d, &["agreement", "--corpus", "corpus", "--csv"]);
    let csv = text(&o.stdout);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "scope,document,title,statistic,value,low,high");
    let fleiss = rows
        .iter()
        .find(|r| r.starts_with("corpus,,,Fleiss' kappa,"))
        .unwrap_or_else(|| panic!("{csv}"));
    let value: f64 = fleiss.split(',').nth(4).unwrap().parse().unwrap();
    assert!((value - all["fleiss_kappa"]["value"].as_f64().unwrap()).abs() < 1e-6);
    assert!(
        rows.iter()
            .skip(1)
            .all(|r| r.starts_with("corpus,") || r.starts_with("document,"))
    );

    // The items `checklist --filter FILTER` lists, by their number in `ids`.
    let listed = |filter: &str| -> Vec<usize> {
        let args = [
            "checklist",
            "--corpus",
            "corpus",
            "--filter",
            filter,
            "--format",
            "json",
        ];
        let o = cordiale(d, &args);
        assert!(o.status.success(), "{}", text(&o.stderr));
        let json: Value = serde_json::from_slice(&o.stdout).unwrap();
        let items = json["items"].as_array().unwrap().iter();
        items
            .map(|i| ids.iter().position(|id| i["id"] == id.as_str()).unwrap())
            .collect()
    };
    // Disagreements: the pair's (items 1 and 5) and, with a third reviewer, any two
    // verdicts that differ (items 3 and 4: the pair agrees, cy does not).
    assert_eq!(listed("disagreements"), [1, 3, 4, 5]);
    // A verdict: anyone's, not only the pair's (cy alone said stalled of item 3).
    assert_eq!(listed("stalled"), [3, 5]);

    // Any pair's matrix: bob and cy, not the default ann and bob.
    let o = cordiale(d, &["agreement", "--corpus", "corpus", "--pair", "bob,cy"]);
    let out = text(&o.stdout);
    assert!(out.starts_with("== corpus (bob vs cy)"), "{out}");
    assert!(out.contains("rows bob, columns cy"), "{out}");
    for bad in ["bob", "bob,bob", "bob,zed"] {
        let o = cordiale(d, &["agreement", "--corpus", "corpus", "--pair", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
}

/// Three reviewers on three git branches: the driver merges them item by item, every
/// verdict is kept, and `agreement` counts all three.
#[test]
fn three_reviewers_branches_merge_with_the_driver() {
    let (dir, ws) = project();
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    git_ok(d, &["config", "user.name", "Test"]);
    git_ok(d, &["config", "user.email", "test@example.invalid"]);
    assert!(cordiale(d, &["git-setup", "--write"]).status.success());
    let ids = item_ids(d);
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", "base"]);
    let plan = [("ann", "kept"), ("bob", "broken"), ("cy", "partial")];
    for (who, verdict) in plan {
        git_ok(d, &["checkout", "-q", "-b", who, "main"]);
        for id in &ids[..4] {
            let o = cordiale(d, &["verdict", id, verdict, "--reviewer", who]);
            assert!(o.status.success(), "{}", text(&o.stderr));
        }
        git_ok(d, &["commit", "-q", "-am", who]);
    }
    git_ok(d, &["checkout", "-q", "main"]);
    for (who, _) in plan {
        let m = git(d, &["merge", "-q", "--no-edit", who]);
        assert!(
            m.status.success(),
            "{who}: {}{}",
            text(&m.stdout),
            text(&m.stderr)
        );
    }
    let merged: Value = serde_json::from_slice(&fs::read(&ws).unwrap()).unwrap();
    for id in &ids[..4] {
        for (who, verdict) in plan {
            assert_eq!(
                merged["items"][id]["reviews"][who]["verdict"], verdict,
                "{id} {who}"
            );
        }
    }
    let o = cordiale(d, &["agreement", "--corpus", "corpus", "--json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["corpus"]["all"]["reviewers"],
        serde_json::json!(["ann", "bob", "cy"])
    );
    assert_eq!(v["corpus"]["all"]["rated_twice"], 4);
}

/// A workspace on the G7 compliance scale takes its verdicts and refuses others; its scale
/// changes only when every verdict given fits the new one; and a branch that rated on
/// another scale cannot be merged into it without a person deciding (the driver refuses,
/// nothing is written).
#[test]
fn a_g7_workspace_takes_its_verdicts_and_refuses_a_branch_on_another_scale() {
    let (dir, ws) = project();
    let d = dir.path();
    let ids = item_ids(d);
    let o = cordiale(d, &["scale"]);
    assert!(
        text(&o.stdout).starts_with("scale standard\n"),
        "{}",
        text(&o.stdout)
    );
    git_ok(d, &["init", "-q", "-b", "main"]);
    git_ok(d, &["config", "user.name", "Test"]);
    git_ok(d, &["config", "user.email", "test@example.invalid"]);
    assert!(cordiale(d, &["git-setup", "--write"]).status.success());
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", "base"]);
    // ann rates on the standard scale on her branch.
    git_ok(d, &["checkout", "-q", "-b", "ann", "main"]);
    let o = cordiale(d, &["verdict", &ids[0], "kept", "--reviewer", "ann"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = cordiale(d, &["scale", "g7"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("the scale g7 has no verdict kept ×1"),
        "{}",
        text(&o.stderr)
    );
    git_ok(d, &["commit", "-q", "-am", "ann"]);
    // bob moves the workspace to the G7 scale and rates on it.
    git_ok(d, &["checkout", "-q", "-b", "bob", "main"]);
    let o = cordiale(d, &["scale", "g7"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("F  full-compliance      +1.0"),
        "{}",
        text(&o.stdout)
    );
    let o = cordiale(d, &["verdict", &ids[0], "kept", "--reviewer", "bob"]);
    assert_eq!(o.status.code(), Some(2), "kept is not on the g7 scale");
    let o = cordiale(d, &["checklist", "--filter", "kept"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a filter off the scale lists nothing: refused"
    );
    assert!(text(&o.stderr).contains("scale g7 has no verdict kept"));
    for (id, v) in [(&ids[0], "full-compliance"), (&ids[1], "non-compliance")] {
        let o = cordiale(d, &["verdict", id, v, "--reviewer", "bob"]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    }
    // The change in place (second verdict) read the scale from the file's head.
    let saved: Value = serde_json::from_slice(&fs::read(&ws).unwrap()).unwrap();
    assert_eq!(saved["scale"], "g7");
    assert_eq!(
        saved["items"][&ids[1]]["reviews"]["bob"]["verdict"],
        "non-compliance"
    );
    git_ok(d, &["commit", "-q", "-am", "bob"]);
    // main takes bob's branch; ann's "kept" has no meaning on it: the merge stops.
    git_ok(d, &["checkout", "-q", "main"]);
    git_ok(d, &["merge", "-q", "--no-edit", "bob"]);
    let before = fs::read(&ws).unwrap();
    let m = git(d, &["merge", "-q", "--no-edit", "ann"]);
    assert!(!m.status.success(), "the merge must stop");
    let said = text(&m.stderr) + &text(&m.stdout);
    assert!(
        said.contains("gave the verdict \"kept\", which the scale \"g7\" does not have"),
        "{said}"
    );
    assert_eq!(fs::read(&ws).unwrap(), before, "ours untouched");
}

/// Evidence cited from another document of the corpus is found again after that document
/// is edited, and dated by that document's date of issue.
#[test]
fn evidence_from_another_document_survives_its_edit() {
    let (dir, ws) = project();
    let d = dir.path();
    let ids = item_ids(d);
    let saved: Value = serde_json::from_slice(&fs::read(&ws).unwrap()).unwrap();
    assert!(
        saved["items"][&ids[0]]["doc"]
            .as_str()
            .unwrap()
            .starts_with("000_")
    );
    // Another document, dated: the Calais visit of 20 August 2015.
    let other = fs::read_dir(d.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("003_"))
        .unwrap();
    let path = d.join("corpus").join(&other);
    let body = fs::read_to_string(&path).unwrap();
    // A sentence of the other document's body: a line of some length, to its first stop.
    let line = body.lines().skip(3).find(|l| l.len() > 60).unwrap();
    let quote = &line[..line.find(". ").map_or(line.len(), |i| i + 1)];
    let o = cordiale(
        d,
        &[
            "evidence",
            &ids[0],
            "--doc",
            &other,
            "--quote",
            quote,
            "--reviewer",
            "ann",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let cited = |ws: &Path| -> Value {
        let v: Value = serde_json::from_slice(&fs::read(ws).unwrap()).unwrap();
        v["items"][&ids[0]]["reviews"]["ann"]["evidence"][0].clone()
    };
    let first = cited(&ws);
    assert_eq!(first["doc"], other.as_str());
    assert_eq!(first["date"], "2015-08-20", "{first}");
    // The other document gains a paragraph at its top: the passage moves, and is found.
    fs::write(
        &path,
        format!("An added first paragraph, of some length.\n\n{body}"),
    )
    .unwrap();
    let o = cordiale(d, &["evidence", &ids[0]]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains(&other), "{}", text(&o.stdout));
    // The next save (any change) writes the evidence where it now stands.
    let o = cordiale(d, &["verdict", &ids[1], "kept", "--reviewer", "bob"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let moved = cited(&ws);
    let edited = fs::read_to_string(&path).unwrap();
    let (start, end) = (
        moved["anchor"]["start"].as_u64().unwrap() as usize,
        moved["anchor"]["end"].as_u64().unwrap() as usize,
    );
    assert!(start > first["anchor"]["start"].as_u64().unwrap() as usize);
    assert_eq!(&edited[start..end], quote);
    assert_ne!(moved["anchor"]["doc_hash"], first["anchor"]["doc_hash"]);
    // Evidence dated after the assessment day is listed as not counted.
    let o = cordiale(d, &["evidence", &ids[0], "--as-of", "2012-01-01"]);
    let listed = text(&o.stdout);
    assert!(
        listed.contains("(2015-08-20) (after 2012-01-01: not counted)"),
        "{listed}"
    );
    let o = cordiale(d, &["evidence", &ids[0], "--as-of", "2016-01-01"]);
    assert!(
        !text(&o.stdout).contains("not counted"),
        "{}",
        text(&o.stdout)
    );
    // The passage cut from its document: `check` names the item, the quote stays.
    fs::write(&path, edited.replace(quote, "")).unwrap();
    let o = cordiale(d, &["check"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    assert!(
        text(&o.stdout).contains(&format!("item {}: a passage cited as evidence", ids[0])),
        "{}",
        text(&o.stdout)
    );
    let o = cordiale(d, &["evidence", &ids[0]]);
    assert!(
        text(&o.stdout).contains(&quote[..20]),
        "{}",
        text(&o.stdout)
    );
}

/// Issue 21: a G7-scale workspace with per-actor verdicts gives the right percentages, per
/// commitment, actor, document, catalyst and for the corpus.
#[test]
fn compliance_on_the_g7_scale_with_per_actor_verdicts() {
    let (dir, ws) = project();
    let d = dir.path();
    let o = cordiale(d, &["scale", "g7"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let saved: Value = serde_json::from_slice(&fs::read(&ws).unwrap()).unwrap();
    assert_eq!(saved["scale"], "g7");
    // Items chosen by what the extraction found in them: the Calais visit (003) has
    // commitments with two actors, with figures, with a deadline and with both.
    let loaded = cordiale::workspace::load(&ws).unwrap();
    let find = |doc: &str, two: bool, target: bool, timeline: bool, not: &[&str]| {
        loaded
            .items
            .iter()
            .find(|(id, i)| {
                i.doc.starts_with(doc)
                    && (i.actors.len() >= 2 || !two)
                    && i.figures.is_empty() != target
                    && i.deadline.is_some() == timeline
                    && !not.contains(&id.as_str())
            })
            .map(|(id, i)| (id.to_string(), i.actors.clone()))
            .unwrap()
    };
    let (a, actors) = find("003_", true, false, false, &[]);
    let (a1, a2) = (actors[0].to_string(), actors[1].to_string());
    let (t, _) = find("003_", false, true, false, &[]);
    let (dl, _) = find("003_", false, false, true, &[]);
    let (td, _) = find("003_", false, true, true, &[]);
    let (n, _) = find("003_", false, false, false, &[&a]);
    let (x, _) = find("000_", false, false, false, &[]);
    let (y, _) = find("000_", false, false, false, &[&x]);
    let run = |args: &[&str]| {
        let o = cordiale(d, args);
        assert!(o.status.success(), "{args:?}: {}", text(&o.stderr));
        text(&o.stdout)
    };
    let say = |who: &str, id: &str, v: &str, actor: Option<&str>| {
        let mut args = vec!["verdict", id, v, "--reviewer", who];
        args.extend(actor.map(|a| ["--actor", a]).into_iter().flatten());
        run(&args)
    };
    let (full, part, non) = ("full-compliance", "partial-compliance", "non-compliance");
    // A: both reviewers give its first actor +1 and its second 0: (1 + 0) / 2 = +0.5.
    // bob types the second actor in capitals: the item's spelling is the one rated.
    for (who, second) in [("ann", a2.clone()), ("bob", a2.to_uppercase())] {
        let said = say(who, &a, full, Some(&a1));
        assert!(said.contains(&format!("says {full} for ")), "{said}");
        let said = say(who, &a, part, Some(&second));
        assert!(said.ends_with(&format!("says {part} for {a2}\n")), "{said}");
    }
    assert_ne!(
        a2,
        a2.to_uppercase(),
        "the test needs an actor with small letters"
    );
    // T (a figure): both +1. DL (a deadline): −1 against 0, reconciled −1. TD (both): ann
    // alone, 0. N: not a commitment. X: +1 against −1, disagreed. Y: bob's −1 for A's
    // second actor.
    say("ann", &t, full, None);
    say("bob", &t, full, None);
    say("ann", &dl, non, None);
    say("bob", &dl, part, None);
    run(&["reconcile", &dl, non, "--reviewer", "ann"]);
    say("ann", &td, part, None);
    say("ann", &n, "not-a-commitment", None);
    say("bob", &n, "not-a-commitment", None);
    say("ann", &x, full, None);
    say("bob", &x, non, None);
    say("bob", &y, non, Some(&a2));
    let items = cordiale::workspace::load(&ws).unwrap().items.len();
    let stored = &cordiale::workspace::load(&ws).unwrap().items[a.as_str()];
    assert_eq!(
        stored.reviews["ann"].actors.len(),
        2,
        "per-actor verdicts saved"
    );

    let report: Value = serde_json::from_str(&run(&["compliance", "--json"])).unwrap();
    let close = |v: &Value, want: f64| {
        let got = v.as_f64().unwrap_or(f64::NAN);
        assert!((got - want).abs() < 1e-9, "{got} ≠ {want}");
    };
    let figures = |v: &Value, scored: u64, mean: f64, pct: f64| {
        assert_eq!(v["scored"], scored, "{v}");
        close(&v["mean"], mean);
        close(&v["percent"], pct);
    };
    assert_eq!(report["scale"], "g7");
    // Corpus: A +0.5, T +1, DL −1, TD 0, Y −1: mean −0.5 / 5 = −0.1, (−0.1 + 1) / 2 × 100
    // = 45 %; N not a commitment, X disagreed, the rest pending.
    let corpus = &report["corpus"];
    figures(corpus, 5, -0.1, 45.0);
    assert_eq!(corpus["not_a_commitment"], 1);
    assert_eq!(corpus["disagreed"], 1);
    assert_eq!(corpus["pending"], (items - 7) as u64);
    // Catalysts: a figure T +1, TD 0: +0.5, 75 %; none A +0.5, DL −1, Y −1: −0.5, 25 %.
    // A deadline DL −1, TD 0: −0.5, 25 %; none A +0.5, T +1, Y −1: +0.5 / 3, 58.33 %.
    let k = &report["catalysts"];
    figures(&k["numerical_target"], 2, 0.5, 75.0);
    figures(&k["no_numerical_target"], 3, -0.5, 25.0);
    figures(&k["timeline"], 2, -0.5, 25.0);
    figures(
        &k["no_timeline"],
        3,
        0.5 / 3.0,
        (0.5 / 3.0 + 1.0) / 2.0 * 100.0,
    );
    assert_eq!(k["no_numerical_target"]["disagreed"], 1);
    // Documents: 003 A, T, DL, TD: +0.5 / 4 = +0.125, 56.25 %; 000 Y: −1, 0 %.
    let doc = |prefix: &str| {
        report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["document"].as_str().unwrap().starts_with(prefix))
            .unwrap()
            .clone()
    };
    figures(&doc("003_"), 4, 0.125, 56.25);
    assert_eq!(doc("003_")["not_a_commitment"], 1);
    figures(&doc("000_"), 1, -1.0, 0.0);
    assert_eq!(doc("000_")["disagreed"], 1);
    // Actors: the first +1 on A, 100 %; the second 0 on A and −1 on Y: −0.5, 25 %.
    let actor = |name: &str| {
        report["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["actor"] == name)
            .unwrap()
            .clone()
    };
    figures(&actor(&a1), 1, 1.0, 100.0);
    figures(&actor(&a2), 2, -0.5, 25.0);
    // Commitments: A +0.5, 75 %, its actors 100 % and 50 %; DL the reconciled −1, 0 %.
    let commitment = |id: &str| {
        report["commitments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .unwrap()
            .clone()
    };
    let ca = commitment(&a);
    close(&ca["score"], 0.5);
    close(&ca["percent"], 75.0);
    let of = |name: &str| {
        let all = ca["actors"].as_array().unwrap();
        all.iter().find(|x| x["actor"] == name).unwrap()["percent"].clone()
    };
    close(&of(&a1), 100.0);
    close(&of(&a2), 50.0);
    let cd = commitment(&dl);
    close(&cd["percent"], 0.0);
    assert_eq!(cd["reconciled"], true);
    assert_eq!(commitment(&x)["standing"], "disagreed");
    assert_eq!(commitment(&n)["standing"], "not-a-commitment");

    // The text and CSV say the same.
    let out = run(&["compliance"]);
    let line = out.lines().find(|l| l.starts_with("corpus ")).unwrap();
    assert!(line.contains("-0.100") && line.contains("45.0%"), "{out}");
    assert!(out.contains("\n== actors"), "{out}");
    let csv = run(&["compliance", "--csv"]);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("catalyst,numerical target,,,,2,0.500000,75.000000,0,")),
        "{csv}"
    );
    // One reviewer alone: bob's X is −1 and DL 0 (the reconciliation set aside).
    let bob: Value =
        serde_json::from_str(&run(&["compliance", "--json", "--reviewer", "bob"])).unwrap();
    // A +0.5, T +1, DL 0, X −1, Y −1: −0.5 / 5 = −0.1.
    figures(&bob["corpus"], 5, -0.1, 45.0);
    let nobody = cordiale(d, &["compliance", "--reviewer", "zed"]);
    assert_eq!(nobody.status.code(), Some(2));

    // cy joins on A and gives its second actor −1: A's reviewers differ on that actor
    // (0 against −1), so A is disagreed until the pair settles that actor alone.
    say("cy", &a, full, Some(&a1));
    say("cy", &a, non, Some(&a2));
    let standing_of_a = || {
        let report: Value = serde_json::from_str(&run(&["compliance", "--json"])).unwrap();
        let c = report["commitments"].as_array().unwrap().iter();
        c.clone().find(|x| x["id"] == a.as_str()).unwrap().clone()
    };
    assert_eq!(standing_of_a()["standing"], "disagreed");
    // The checklist's disagreements hold it while that actor is in dispute.
    let disputed = || {
        let listed = run(&["checklist", "--filter", "disagreements", "--format", "json"]);
        let listed: Value = serde_json::from_str(&listed).unwrap();
        let mut items = listed["items"].as_array().unwrap().iter();
        items.any(|i| i["id"] == a.as_str())
    };
    assert!(disputed());
    let said = run(&[
        "reconcile",
        &a,
        part,
        "--actor",
        &a2.to_lowercase(),
        "--reviewer",
        "ann",
    ]);
    assert!(
        said.ends_with(&format!("{a2} reconciled as {part} by ann\n")),
        "{said}"
    );
    let ca = standing_of_a();
    assert_eq!(ca["standing"], "scored", "{ca}");
    close(&ca["percent"], 75.0);
    let saved: Value = serde_json::from_slice(&fs::read(&ws).unwrap()).unwrap();
    assert_eq!(
        saved["items"][&a]["reconciled_actors"][&a2]["verdict"],
        part
    );
    assert!(!disputed(), "settled");
    // With --note, or a name of spaces, it is refused; `pending` takes it back.
    let o = cordiale(d, &["reconcile", &a, part, "--actor", &a2, "--note", "x"]);
    assert_eq!(o.status.code(), Some(2));
    let o = cordiale(d, &["reconcile", &a, part, "--actor", "   "]);
    assert_eq!(o.status.code(), Some(2));
    run(&[
        "reconcile",
        &a,
        "pending",
        "--actor",
        &a2,
        "--reviewer",
        "ann",
    ]);
    assert_eq!(standing_of_a()["standing"], "disagreed");
    assert!(disputed(), "in dispute again");
}

/// `checklist --filter overdue --sort deadline` as JSON: each item's deadline and id,
/// and the day it was assessed as of.
fn overdue_as_of(d: &Path, extra: &[&str]) -> (Vec<(String, String)>, String) {
    let mut args = vec![
        "checklist",
        "--format",
        "json",
        "--filter",
        "overdue",
        "--sort",
        "deadline",
    ];
    args.extend(extra);
    let o = cordiale(d, &args);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let items = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            assert_eq!(i["overdue"], true);
            let field = |k: &str| i[k].as_str().unwrap().to_string();
            (field("deadline"), field("id"))
        })
        .collect();
    (items, v["as_of"].as_str().unwrap().to_string())
}

/// The same workspace lists different overdue deadlines as of two days; with no
/// `--as-of`, the workspace's setting (`cordiale as-of`) counts, and `--as-of` wins over
/// it; a kept deadline is never overdue; a day that does not exist is refused.
#[test]
fn what_is_overdue_depends_on_the_day_assessed_as_of() {
    let (dir, ws) = project();
    let d = dir.path();
    let deadlines = |items: &[(String, String)]| -> Vec<String> {
        items.iter().map(|(deadline, _)| deadline.clone()).collect()
    };
    // `by March 2011` is due on 31 March 2011: late from the next day.
    let (due, as_of) = overdue_as_of(d, &["--as-of", "2011-03-31"]);
    assert!(due.is_empty(), "{due:?}");
    assert_eq!(as_of, "2011-03-31");
    let (early, _) = overdue_as_of(d, &["--as-of", "2011-04-01"]);
    assert_eq!(deadlines(&early), ["2011-03"]);
    // Five years on, the 2015 deadlines are late too, soonest first.
    let (later, _) = overdue_as_of(d, &["--as-of", "2016-01-01"]);
    assert_eq!(deadlines(&later), ["2011-03", "2015-08-31", "2015", "2015"]);
    // A deadline someone says was kept is settled.
    let kept = &later[1].1;
    let o = cordiale(d, &["verdict", kept, "kept", "--reviewer", "ann"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let (settled, _) = overdue_as_of(d, &["--as-of", "2016-01-01"]);
    assert_eq!(deadlines(&settled), ["2011-03", "2015", "2015"]);

    // The workspace's setting: written in the file's head, used when no --as-of is given.
    let o = cordiale(d, &["as-of", "2011-04-01"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("assessed as of 2011-04-01"));
    let saved = fs::read_to_string(&ws).unwrap();
    assert!(
        saved.contains("\n  \"as_of\": \"2011-04-01\",\n"),
        "{saved}"
    );
    assert_eq!(overdue_as_of(d, &[]), (early.clone(), "2011-04-01".into()));
    let shown = text(&cordiale(d, &["as-of"]).stdout);
    assert!(
        shown.contains("as of 2011-04-01 (the workspace's setting)"),
        "{shown}"
    );
    // --as-of over the setting, for one run only.
    let (over, _) = overdue_as_of(d, &["--as-of", "2016-01-01"]);
    assert_eq!(over, settled);
    assert_eq!(fs::read_to_string(&ws).unwrap(), saved);

    // Days that do not exist: refused with the reason, exit 2, nothing written.
    for args in [
        &["as-of", "2011-02-29"][..],
        &["checklist", "--as-of", "2011-02-29"],
        &["--as-of", "2011-02-29"],
    ] {
        let o = cordiale(d, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let said = text(&o.stderr);
        assert!(
            said.contains("February 2011 has 28 days"),
            "{args:?}: {said}"
        );
    }
    let o = cordiale(d, &["checklist", "--as-of", "1/4/2011"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("write it as YYYY-MM-DD"));
    assert_eq!(fs::read_to_string(&ws).unwrap(), saved);

    // Cleared: today counts again, and the head holds no as_of.
    let o = cordiale(d, &["as-of", "--clear"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(!fs::read_to_string(&ws).unwrap().contains("as_of"));
    let (_, today) = overdue_as_of(d, &[]);
    assert_ne!(today, "2011-04-01");
    let o = cordiale(d, &["as-of", "2011-04-01", "--clear"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a day and --clear are one or the other"
    );
}

/// `--sort deadline` puts every dated item first, soonest first, the rest after in file
/// order; `--filter overdue` shows in the Markdown and CSV exports too.
#[test]
fn the_checklist_sorts_by_deadline_and_marks_what_is_overdue() {
    let (dir, _) = project();
    let d = dir.path();
    let json = |args: &[&str]| -> Value {
        let o = cordiale(d, args);
        assert!(o.status.success(), "{}", text(&o.stderr));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let file = json(&["checklist", "--format", "json"]);
    let sorted = json(&["checklist", "--format", "json", "--sort", "deadline"]);
    let ids = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (file_ids, sorted_ids) = (ids(&file), ids(&sorted));
    assert_eq!(file_ids.len(), sorted_ids.len());
    let deadlines: Vec<Option<&str>> = sorted["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["deadline"].as_str())
        .collect();
    assert_eq!(
        &deadlines[..5],
        [
            Some("2011-03"),
            Some("2015-08-31"),
            Some("2015"),
            Some("2015"),
            None
        ]
    );
    // The undated keep their file order.
    let undated: Vec<&String> = file_ids
        .iter()
        .filter(|id| !sorted_ids[..4].contains(id))
        .collect();
    assert_eq!(undated, sorted_ids[4..].iter().collect::<Vec<_>>());
    let md = text(
        &cordiale(
            d,
            &["checklist", "--filter", "overdue", "--as-of", "2011-04-01"],
        )
        .stdout,
    );
    assert_eq!(md.lines().count(), 2 + 3, "{md}");
    assert!(md.contains("| 2011-03 (overdue) |"), "{md}");
    let csv = text(
        &cordiale(
            d,
            &["checklist", "--format", "csv", "--as-of", "2016-01-01"],
        )
        .stdout,
    );
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert!(header.contains(&"overdue"), "{csv}");
}

/// The as-of day merges as one setting of the workspace: one branch's change is taken;
/// two branches that set different days stop the merge driver with a conflict that says
/// how to settle it.
#[test]
fn the_merge_driver_takes_one_sides_as_of_and_reports_two() {
    let (dir, ws) = project();
    let d = dir.path();
    let base = d.join("base.json");
    fs::copy(&ws, &base).unwrap();
    let side = |day: &str, name: &str| {
        fs::copy(&base, &ws).unwrap();
        let o = cordiale(d, &["as-of", day]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        fs::copy(&ws, d.join(name)).unwrap();
    };
    side("2016-12-31", "ours.json");
    fs::copy(&base, d.join("theirs.json")).unwrap();
    let o = cordiale(d, &["merge", "base.json", "ours.json", "theirs.json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let merged: Value = serde_json::from_slice(&fs::read(d.join("ours.json")).unwrap()).unwrap();
    assert_eq!(merged["as_of"], "2016-12-31");
    side("2016-12-31", "ours.json");
    side("2017-06-30", "theirs.json");
    let o = cordiale(
        d,
        &[
            "merge",
            "base.json",
            "ours.json",
            "theirs.json",
            "--ours-name",
            "main",
            "--theirs-name",
            "review-bob",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let said = text(&o.stderr);
    assert!(
        said.contains(
            "conflict: the workspace's as_of changed on both sides; kept main, not review-bob"
        ),
        "{said}"
    );
    assert!(
        said.contains("the as-of day with `cordiale as-of DATE`"),
        "{said}"
    );
    let merged: Value = serde_json::from_slice(&fs::read(d.join("ours.json")).unwrap()).unwrap();
    assert_eq!(merged["as_of"], "2016-12-31");
}

/// A file naming thousands of made-up verdicts cannot make the process keep them all: past
/// the bound, reading stops with a clear error, and the file stays as it is.
#[test]
fn thousands_of_made_up_verdicts_are_refused_not_kept() {
    let (dir, ws) = project();
    let d = dir.path();
    let mut v: Value = serde_json::from_slice(&fs::read(&ws).unwrap()).unwrap();
    let items = v["items"].as_object_mut().unwrap();
    let template = items.values().next().unwrap().clone();
    for k in 0..5000 {
        let mut item = template.clone();
        item["anchor"]["start"] = (1_000_000 + k).into();
        item["reviews"] = serde_json::json!({
            "ann": {"verdict": format!("made-up-{k}"), "at": "2026-12-07T00:00:00Z"}
        });
        items.insert(format!("cfake{k:08}"), item);
    }
    let bytes = serde_json::to_vec_pretty(&v).unwrap();
    fs::write(&ws, &bytes).unwrap();
    let o = cordiale(d, &["check"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("distinct verdict names"), "{err}");
    assert_eq!(fs::read(&ws).unwrap(), bytes, "untouched");
}
