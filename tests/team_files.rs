//! The workspace as a team's file: saves keep its owner, group and mode; a read-only,
//! symlinked or special file is treated as what it is; a held lock makes the CLI wait with
//! a message and give up; git sees no lock or temp files and merges two reviewers' new
//! workspaces; two Unix users save in turn. Tests that need root (other uids, chown) say
//! why they are skipped without it.

use std::fs;
use std::io::Write as _;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Generous: CI machines are slow; waits end as soon as the process does.
const TIMEOUT: Duration = Duration::from_secs(60);

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The review commands, which take a workspace.
const WORKSPACE_COMMANDS: [&str; 6] = [
    "checklist",
    "verdict",
    "reconcile",
    "agreement",
    "check",
    "add",
];

/// `cordiale ARGS` in `dir`. The workspace of these tests is `cordiale.json` at the top of
/// the folder, beside `corpus/` (not the default inside it), so the review commands name it.
fn command(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cordiale"));
    c.args(args);
    if WORKSPACE_COMMANDS.contains(&args[0]) && !args.iter().any(|a| a.starts_with("--workspace")) {
        c.args(["--workspace", "cordiale.json"]);
    }
    c.current_dir(dir)
        .env("CORDIALE_CACHE_DIR", "")
        .env_remove("CORDIALE_REVIEWER")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Runs a child to its end, killing it (and failing) if it does not end: a hang is a bug
/// here, never something to wait out.
fn finish(mut child: Child, what: &str) -> Output {
    let end = Instant::now() + TIMEOUT;
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if Instant::now() > end {
            let _ = child.kill();
            let o = child.wait_with_output().unwrap();
            panic!("{what}: still running, killed; stderr: {}", text(&o.stderr));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn cordiale(dir: &Path, args: &[&str]) -> Output {
    finish(command(dir, args).spawn().unwrap(), &args.join(" "))
}

fn ok(dir: &Path, args: &[&str]) -> Output {
    let o = cordiale(dir, args);
    assert!(o.status.success(), "{args:?}: {}", text(&o.stderr));
    o
}

/// `cordiale verdict ID VERDICT --reviewer WHO` on `corpus/`, which must succeed.
fn verdict(dir: &Path, id: &str, verdict: &str, who: &str) -> Output {
    ok(
        dir,
        &[
            "verdict",
            id,
            verdict,
            "--reviewer",
            who,
            "--corpus",
            "corpus",
        ],
    )
}

/// A folder holding `corpus/` (one document of `n` pledges); the workspace path.
fn pledges(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let mut doc = String::from("Brussels, 4 May 2016\n\n");
    for k in 0..n {
        doc.push_str(&format!(
            "The Council will fund project number {k} by 2020.\n\n"
        ));
    }
    fs::write(corpus.join("pledges.txt"), doc).unwrap();
    let ws = dir.path().join("cordiale.json");
    (dir, ws)
}

fn item_ids(dir: &Path) -> Vec<String> {
    let o = ok(
        dir,
        &["checklist", "--corpus", "corpus", "--format", "json"],
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// Every (reviewer, verdict) in a workspace file, sorted.
fn verdicts(ws: &Path) -> Vec<(String, String)> {
    let saved: Value = serde_json::from_slice(&fs::read(ws).unwrap()).unwrap();
    let mut given = Vec::new();
    for item in saved["items"].as_object().unwrap().values() {
        for (who, r) in item["reviews"].as_object().unwrap() {
            given.push((who.clone(), r["verdict"].as_str().unwrap().to_string()));
        }
    }
    given.sort();
    given
}

/// Files of the folder whose names start with `.cordiale-save-`.
fn temps(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".cordiale-save-"))
        .collect();
    found.sort();
    found
}

/// Whether this process runs as root (it can act as other users).
fn root() -> bool {
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

fn skip(test: &str, why: &str) {
    println!("SKIPPED {test}: {why}");
}

#[test]
fn a_save_keeps_the_files_owner_group_and_mode() {
    let (dir, ws) = pledges(3);
    let d = dir.path();
    let ids = item_ids(d);
    verdict(d, &ids[0], "kept", "ann");
    fs::set_permissions(&ws, fs::Permissions::from_mode(0o664)).unwrap();
    let owner = if root() {
        // Someone else's file in a group we share: root may keep both.
        std::os::unix::fs::chown(&ws, Some(4311), Some(4310)).unwrap();
        Some((4311, 4310))
    } else {
        skip(
            "owner part",
            "not root, so cannot give the file to another user",
        );
        None
    };
    ok(d, &["verdict", &ids[1], "broken", "--reviewer", "bob"]);
    let m = fs::metadata(&ws).unwrap();
    assert_eq!(m.mode() & 0o7777, 0o664, "mode kept");
    if let Some((uid, gid)) = owner {
        assert_eq!((m.uid(), m.gid()), (uid, gid), "owner and group kept");
    }
    assert_eq!(verdicts(&ws).len(), 2);
}

#[test]
fn a_new_workspace_follows_the_umask() {
    let (dir, ws) = pledges(2);
    let d = dir.path();
    let ids = item_ids(d);
    for (umask, mode) in [("022", 0o644), ("027", 0o640), ("002", 0o664)] {
        let _ = fs::remove_file(&ws);
        let o = Command::new("sh")
            .args(["-c", &format!("umask {umask} && exec \"$0\" \"$@\"")])
            .arg(env!("CARGO_BIN_EXE_cordiale"))
            .args([
                "verdict",
                &ids[0],
                "kept",
                "--reviewer",
                "ann",
                "--corpus",
                "corpus",
                "--workspace",
                "cordiale.json",
            ])
            .current_dir(d)
            .env("CORDIALE_CACHE_DIR", "")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", text(&o.stderr));
        let got = fs::metadata(&ws).unwrap().mode() & 0o7777;
        assert_eq!(got, mode, "umask {umask}: mode {got:o}");
    }
}

#[test]
fn a_read_only_workspace_is_refused_and_left_as_it_is() {
    let (dir, ws) = pledges(2);
    let d = dir.path();
    let ids = item_ids(d);
    verdict(d, &ids[0], "kept", "ann");
    fs::set_permissions(&ws, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&ws).unwrap();
    let ino = fs::metadata(&ws).unwrap().ino();
    let o = cordiale(d, &["verdict", &ids[1], "kept", "--reviewer", "bob"]);
    let err = text(&o.stderr);
    assert!(!o.status.success(), "a read-only file was saved over");
    assert!(
        err.contains("cordiale.json") && err.contains("read-only"),
        "{err}"
    );
    let m = fs::metadata(&ws).unwrap();
    assert_eq!(fs::read(&ws).unwrap(), before, "the file changed");
    assert_eq!(
        (m.ino(), m.mode() & 0o7777),
        (ino, 0o444),
        "the file was replaced"
    );
    assert_eq!(temps(d), Vec::<String>::new(), "a temp file was left");
}

#[test]
fn a_symlinked_workspace_is_written_through_to_its_target() {
    let (dir, ws) = pledges(2);
    let d = dir.path();
    let ids = item_ids(d);
    let shared = d.join("shared");
    fs::create_dir(&shared).unwrap();
    let target = shared.join("team.json");
    ok(
        d,
        &[
            "verdict",
            &ids[0],
            "kept",
            "--reviewer",
            "ann",
            "--corpus",
            "corpus",
            "--workspace",
            "shared/team.json",
        ],
    );
    std::os::unix::fs::symlink("shared/team.json", &ws).unwrap();
    ok(
        d,
        &[
            "verdict",
            &ids[1],
            "broken",
            "--reviewer",
            "bob",
            "--workspace",
            "cordiale.json",
        ],
    );
    assert!(
        fs::symlink_metadata(&ws).unwrap().file_type().is_symlink(),
        "the link was replaced"
    );
    assert_eq!(fs::read_link(&ws).unwrap(), Path::new("shared/team.json"));
    assert_eq!(
        verdicts(&target),
        [
            ("ann".into(), "kept".into()),
            ("bob".into(), "broken".into())
        ]
    );
    assert_eq!(temps(d), Vec::<String>::new());
    assert_eq!(temps(&shared), Vec::<String>::new());
}

#[test]
fn stale_save_temps_of_this_workspace_go_at_the_next_save() {
    let (dir, ws) = pledges(2);
    let d = dir.path();
    let ids = item_ids(d);
    verdict(d, &ids[0], "kept", "ann");
    assert_eq!(
        temps(d),
        Vec::<String>::new(),
        "a normal save left a temp file"
    );
    // What killed saves leave: temp files named after the workspace they were for.
    let stale = [
        ".cordiale-save-cordiale.json-Ab3dE6gH",
        ".cordiale-save-cordiale.json-00000000",
    ];
    let other = ".cordiale-save-other.json-Ab3dE6gH";
    let other_like = ".cordiale-save-cordiale.json-x.json-Ab3dE6gH";
    for name in stale.iter().chain([&other, &other_like]) {
        fs::write(d.join(name), b"half a file").unwrap();
    }
    ok(d, &["verdict", &ids[1], "kept", "--reviewer", "ann"]);
    let mut left = vec![other.to_string(), other_like.to_string()];
    left.sort();
    assert_eq!(temps(d), left, "only this workspace's stale temps go");
    assert_eq!(verdicts(&ws).len(), 2);
}

#[test]
fn a_workspace_that_is_not_a_regular_file_is_refused_at_once() {
    let (dir, _) = pledges(2);
    let d = dir.path();
    let fifo = d.join("fifo.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    fs::create_dir(d.join("dir.json")).unwrap();
    for (name, kind) in [("fifo.json", "FIFO"), ("dir.json", "folder")] {
        for args in [
            &["check", "--workspace", name][..],
            &["checklist", "--workspace", name, "--corpus", "corpus"][..],
        ] {
            let o = cordiale(d, args);
            let err = text(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains(name) && err.contains(kind), "{args:?}: {err}");
        }
    }
}

#[test]
fn a_lock_that_cannot_be_taken_is_named_in_the_error() {
    let (dir, _) = pledges(2);
    let d = dir.path();
    let ids = item_ids(d);
    fs::create_dir(d.join("cordiale.json.lock")).unwrap();
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
    let err = text(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("cordiale.json.lock"), "{err}");
}

#[test]
fn a_held_lock_makes_the_cli_wait_say_who_holds_it_and_give_up() {
    let (dir, ws) = pledges(2);
    let d = dir.path();
    let ids = item_ids(d);
    verdict(d, &ids[0], "kept", "ann");
    let before = fs::read(&ws).unwrap();
    let mut lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(d.join("cordiale.json.lock"))
        .unwrap();
    lock.lock().unwrap();
    lock.set_len(0).unwrap();
    writeln!(lock, "pid 4242, zoe on tests, since 2026-01-01T00:00:00Z").unwrap();
    let o = cordiale(
        d,
        &[
            "verdict",
            &ids[1],
            "kept",
            "--reviewer",
            "bob",
            "--wait",
            "1",
        ],
    );
    let err = text(&o.stderr);
    assert!(!o.status.success(), "saved through a held lock: {err}");
    assert!(err.contains("cordiale.json.lock"), "{err}");
    assert!(
        err.contains("pid 4242, zoe on tests"),
        "the holder is named: {err}"
    );
    assert!(err.contains("waiting"), "{err}");
    assert!(err.contains("gave up"), "{err}");
    assert_eq!(fs::read(&ws).unwrap(), before);
    // Freed while a command waits: it saves.
    let child = command(
        d,
        &[
            "verdict",
            &ids[1],
            "kept",
            "--reviewer",
            "bob",
            "--wait",
            "60",
        ],
    )
    .spawn()
    .unwrap();
    // The waiting message says it is blocked on the lock; then the lock is let go.
    let o = {
        let mut child = child;
        let mut stderr = child.stderr.take().unwrap();
        let mut seen = Vec::new();
        let mut buf = [0u8; 256];
        while !text(&seen).contains("waiting") {
            let n = std::io::Read::read(&mut stderr, &mut buf).unwrap();
            assert!(n > 0, "ended without waiting: {}", text(&seen));
            seen.extend_from_slice(&buf[..n]);
        }
        lock.unlock().unwrap();
        finish(child, "verdict after the lock is freed")
    };
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(verdicts(&ws).len(), 2);
}

// ---- git ----------------------------------------------------------------------------------

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
        .output()
        .expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str]) -> String {
    let o = git(dir, args);
    assert!(
        o.status.success(),
        "git {args:?}: {}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    text(&o.stdout)
}

/// A repository holding the corpus only, set up for cordiale (unless `setup` is false).
fn repo(setup: bool) -> (tempfile::TempDir, PathBuf, Vec<String>) {
    let (dir, ws) = pledges(6);
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    if setup {
        ok(d, &["git-setup", "--write"]);
    }
    let ids = item_ids(d);
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", "corpus"]);
    (dir, ws, ids)
}

/// On a new branch from main: `who` gives `verdict` to the items `ids`, and commits.
fn branch(d: &Path, name: &str, who: &str, ids: &[String], verdict: &str) {
    git_ok(d, &["checkout", "-q", "-b", name, "main"]);
    for id in ids {
        ok(
            d,
            &[
                "verdict",
                id,
                verdict,
                "--reviewer",
                who,
                "--corpus",
                "corpus",
            ],
        );
    }
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", &format!("{who}'s verdicts")]);
}

#[test]
fn git_setup_ignores_the_lock_and_temp_files() {
    let (dir, _) = pledges(2);
    let d = dir.path();
    let printed = text(&ok(d, &["git-setup"]).stdout);
    assert!(printed.contains("# .gitignore"), "{printed}");
    assert!(printed.contains("cordiale.json.lock"), "{printed}");
    assert!(printed.contains(".cordiale-save-*"), "{printed}");
    git_ok(d, &["init", "-q", "-b", "main"]);
    fs::write(d.join(".gitignore"), "target/").unwrap();
    ok(d, &["git-setup", "--write"]);
    ok(d, &["git-setup", "--write"]);
    let ignore = fs::read_to_string(d.join(".gitignore")).unwrap();
    assert_eq!(
        ignore,
        "target/\ncordiale.json.lock\n.cordiale-save-*\n.cordiale.json.draft\n"
    );
    // What a held lock and a killed save leave behind stays out of `git add -A`.
    fs::write(d.join("cordiale.json.lock"), "pid 1").unwrap();
    fs::write(d.join(".cordiale-save-cordiale.json-Ab3dE6gH"), "half").unwrap();
    let status = git_ok(d, &["status", "--porcelain", "--untracked-files=all"]);
    assert!(
        !status.contains("lock") && !status.contains("cordiale-save"),
        "{status}"
    );
}

#[test]
fn two_reviewers_who_each_create_the_workspace_are_both_kept() {
    let (dir, ws, ids) = repo(true);
    let d = dir.path();
    branch(d, "ann", "ann", &ids[..3], "kept");
    branch(d, "bob", "bob", &ids[2..5], "broken");
    git_ok(d, &["checkout", "-q", "ann"]);
    let m = git(d, &["merge", "--no-edit", "bob"]);
    assert!(m.status.success(), "{}{}", text(&m.stdout), text(&m.stderr));
    let given = verdicts(&ws);
    assert_eq!(
        given
            .iter()
            .filter(|(w, v)| w == "ann" && v == "kept")
            .count(),
        3
    );
    assert_eq!(
        given
            .iter()
            .filter(|(w, v)| w == "bob" && v == "broken")
            .count(),
        3
    );
    let c = cordiale(d, &["check"]);
    assert!(c.status.success(), "{}{}", text(&c.stdout), text(&c.stderr));
}

#[test]
fn conflict_markers_from_a_merge_without_the_driver_say_how_to_recover() {
    let (dir, ws, ids) = repo(false);
    let d = dir.path();
    branch(d, "ann", "ann", &ids[..3], "kept");
    branch(d, "bob", "bob", &ids[2..5], "broken");
    git_ok(d, &["checkout", "-q", "ann"]);
    assert!(!git(d, &["merge", "--no-edit", "bob"]).status.success());
    assert!(fs::read_to_string(&ws).unwrap().contains("<<<<<<<"));
    let o = cordiale(d, &["check"]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    let hint = "cordiale git-setup --write && git checkout -m cordiale.json";
    assert!(
        err.contains("conflict markers") && err.contains(hint),
        "{err}"
    );
    // The hint works: the driver merges the conflicted file again.
    ok(d, &["git-setup", "--write"]);
    git_ok(d, &["checkout", "-m", "cordiale.json"]);
    let given = verdicts(&ws);
    assert_eq!(given.len(), 6, "{given:?}");
    ok(d, &["check"]);
}

#[test]
fn a_rebase_names_each_side_of_a_conflict() {
    let (dir, _, ids) = repo(true);
    let d = dir.path();
    // Both sides create the file; ann rates one item differently on each.
    branch(d, "upstream", "ann", &ids[..2], "kept");
    git_ok(d, &["checkout", "-q", "-b", "mine", "main"]);
    verdict(d, &ids[0], "broken", "ann");
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", "my second look"]);
    let r = git(d, &["rebase", "upstream"]);
    let said = text(&r.stdout) + &text(&r.stderr);
    assert!(
        !r.status.success(),
        "a true conflict must stop the rebase: {said}"
    );
    assert!(said.contains("changed on both sides"), "{said}");
    // In a rebase git's "ours" is the branch rebased onto and "theirs" the commit being
    // replayed: the message names them as git does, never a bare "ours kept".
    assert!(!said.contains("ours kept"), "{said}");
    assert!(
        said.contains("my second look"),
        "the replayed commit is named: {said}"
    );
    assert!(said.contains("kept HEAD"), "{said}");
    let driver = git_ok(d, &["config", "merge.cordiale.driver"]);
    assert!(driver.contains("%X") && driver.contains("%Y"), "{driver}");
}

// ---- two Unix users -----------------------------------------------------------------------

const TEAM: u32 = 4300;
const ANN: u32 = 4301;
const BOB: u32 = 4302;

/// A folder for the team (setgid, group-writable, group TEAM) holding `corpus/`, in a
/// temporary folder others can enter.
fn team_folder(n: usize) -> (tempfile::TempDir, PathBuf) {
    let (dir, _) = pledges(n);
    let d = dir.path();
    fs::set_permissions(d, fs::Permissions::from_mode(0o755)).unwrap();
    let team = d.join("team");
    fs::create_dir(&team).unwrap();
    fs::rename(d.join("corpus"), team.join("corpus")).unwrap();
    std::os::unix::fs::chown(&team, Some(ANN), Some(TEAM)).unwrap();
    fs::set_permissions(&team, fs::Permissions::from_mode(0o2775)).unwrap();
    (dir, team)
}

/// `cordiale ARGS` in `dir` as `uid` (group TEAM, no other groups), with umask 002 (a
/// team's usual setting).
fn as_user(uid: u32, dir: &Path, args: &[&str]) -> Output {
    let mut c = Command::new("sh");
    c.args(["-c", "umask 002 && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_cordiale"))
        .args(args)
        .args(["--workspace", "cordiale.json"])
        .current_dir(dir)
        .env("HOME", dir)
        .env("CORDIALE_CACHE_DIR", "")
        .env_remove("CORDIALE_REVIEWER")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .uid(uid)
        .gid(TEAM);
    finish(c.spawn().unwrap(), &args.join(" "))
}

#[test]
fn two_users_of_one_group_take_turns_through_the_cli() {
    if !root() {
        return skip(
            "two_users_of_one_group_take_turns_through_the_cli",
            "needs root to run cordiale as two other uids",
        );
    }
    let (_dir, team) = team_folder(8);
    let ids = item_ids(&team);
    let mut expected = Vec::new();
    for (k, id) in ids.iter().enumerate() {
        let (uid, who, v) = if k % 2 == 0 {
            (ANN, "ann", "kept")
        } else {
            (BOB, "bob", "broken")
        };
        let o = as_user(
            uid,
            &team,
            &["verdict", id, v, "--reviewer", who, "--corpus", "corpus"],
        );
        let err = text(&o.stderr);
        assert!(
            o.status.success() && !err.contains("ermission denied"),
            "{who}, item {k}: {err}"
        );
        expected.push((who.to_string(), v.to_string()));
        let m = fs::metadata(team.join("cordiale.json")).unwrap();
        assert_eq!(
            (m.uid(), m.gid(), m.mode() & 0o777),
            (uid, TEAM, 0o664),
            "after {who}'s save"
        );
    }
    // The other's lock file (written by whoever took it last) stops nobody.
    let lock = fs::metadata(team.join("cordiale.json.lock")).unwrap();
    assert_eq!(lock.gid(), TEAM);
    // A lock file of the other user that the group may only read: still no obstacle.
    fs::set_permissions(
        team.join("cordiale.json.lock"),
        fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    std::os::unix::fs::chown(team.join("cordiale.json.lock"), Some(ANN), Some(TEAM)).unwrap();
    let o = as_user(
        BOB,
        &team,
        &["reconcile", &ids[0], "kept", "--reviewer", "bob"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    expected.sort();
    assert_eq!(verdicts(&team.join("cordiale.json")), expected);
    assert_eq!(temps(&team), Vec::<String>::new());
}
