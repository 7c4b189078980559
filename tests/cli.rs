//! The `cordiale` binary end to end: output shapes, exit codes and bad input.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn cordiale(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cordiale"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_DATA_HOME", data_home())
        .output()
        .expect("binary runs")
}

/// Where the bundled seeds are unpacked for this test binary: never the user's folder.
fn data_home() -> &'static Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().unwrap()).path()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn extract_json_has_the_documented_shape_and_exact_spans() {
    let o = cordiale(&["extract", "--json", "seeds/003_43befd11b848805d.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1);
    let x: Value = serde_json::from_str(out.trim()).unwrap();
    // Keys come in the documented order (serde_json's Value would sort them, so read the text).
    let positions: Vec<usize> = [
        "\"doc\":",
        "\"offsets\":",
        "\"source\":",
        "\"title\":",
        "\"doc_date\":",
        "\"figures\":",
        "\"dates\":",
        "\"commitments\":",
    ]
    .iter()
    .map(|k| out.find(k).unwrap_or_else(|| panic!("{k} missing")))
    .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert_eq!(x.as_object().unwrap().len(), 8);
    assert_eq!(x["source"], "text");
    assert_eq!(x["doc"], "003_43befd11b848805d.txt");
    assert_eq!(x["offsets"], "bytes");
    assert_eq!(x["doc_date"]["value"]["date"], "2015-08-20");
    let bytes =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/003_43befd11b848805d.txt"))
            .unwrap();
    let ten = x["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"] == "€10 million")
        .unwrap();
    assert_eq!(
        (ten["start"].as_u64(), ten["end"].as_u64()),
        (Some(2092), Some(2105))
    );
    assert_eq!(
        ten["value"],
        serde_json::json!({"amount": 10000000, "currency": "EUR"})
    );
    for class in ["figures", "dates", "commitments"] {
        for item in x[class].as_array().unwrap() {
            let (s, e) = (
                item["start"].as_u64().unwrap() as usize,
                item["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&bytes[s..e]).unwrap(),
                item["text"].as_str().unwrap()
            );
        }
    }
    let devote = x["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .contains("will devote €10 million")
        })
        .unwrap();
    assert_eq!(devote["actors"], serde_json::json!(["British government"]));
    let figs = devote["figures"].as_array().unwrap();
    assert!(
        figs.iter()
            .any(|i| x["figures"][i.as_u64().unwrap() as usize]["text"] == "€10 million")
    );
}

#[test]
fn extract_json_gives_one_line_per_document_for_a_folder() {
    let o = cordiale(&["extract", "--json", "seeds"]);
    assert!(o.status.success());
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0]["doc_date"].is_null());
    assert_eq!(lines[4]["title"], "UK-FRANCE SUMMIT, 2 NOVEMBER 2010");
}

#[test]
fn readable_listing_names_kinds_and_values() {
    let o = cordiale(&["extract", "seeds/004_cf8b451c49e0e4b7.txt"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("date of issue: 2010-11-02"));
    assert!(
        out.lines()
            .any(|l| l.starts_with("figure") && l.contains("75%") && l.contains("percent=75"))
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("date") && l.contains("by March 2011") && l.contains("2011-03"))
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("commitment") && l.contains("Implement the second phase"))
    );
}

#[test]
fn no_arguments_summarizes_the_bundled_seeds() {
    let o = cordiale(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("(5 documents)"));
    for name in [
        "000_c297a7ceb68eb0d8.txt",
        "003_43befd11b848805d.txt",
        "004_cf8b451c49e0e4b7.txt",
    ] {
        assert!(out.contains(name), "{out}");
    }
    assert!(
        out.contains("2015-08-20")
            && out.contains("Bernard Cazeneuve and Theresa May visit Calais")
    );
    assert!(out.lines().any(|l| l.trim_end().ends_with("total")));
}

#[test]
fn missing_path_is_named_with_exit_2() {
    let o = cordiale(&["extract", "no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no/such/file.txt: no such file or folder"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn folder_without_documents_says_so() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.csv"), "x").unwrap();
    let o = cordiale(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no documents found (.txt, .md, .pdf, .html, .htm, .docx)"));
    // A folder whose documents all fail to convert says why for each, and exits 2.
    fs::write(dir.path().join("notes.pdf"), "x").unwrap();
    let o = cordiale(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no document could be read:\n  skipped")
            && stderr(&o).contains("notes.pdf: not a PDF (no %PDF- header)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn binary_files_are_skipped_with_a_warning_and_others_still_extracted() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0IHDR").unwrap();
    fs::write(
        dir.path().join("ok.txt"),
        "We will devote €5 million by March 2011.",
    )
    .unwrap();
    let o = cordiale(&["extract", "--json", dir.path().to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("skipped binary file") && stderr(&o).contains("image.txt"));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(
        lines[0]["commitments"][0]["deadline"]["value"]["date"],
        "2011-03"
    );
}

#[test]
fn windows_1252_is_decoded_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cp.txt");
    fs::write(
        &path,
        b"The \x93plan\x94 costs \x80 2 million. It will start on 3 March 2016.",
    )
    .unwrap();
    let o = cordiale(&["extract", "--json", path.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("not valid UTF-8"));
    let x: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(x["decoded_from"], "windows-1252");
    assert_eq!(x["figures"][0]["text"], "€ 2 million");
    assert_eq!(
        x["figures"][0]["value"],
        serde_json::json!({"amount": 2000000, "currency": "EUR"})
    );
    // spans refer to the decoded text
    let decoded = "The \u{201c}plan\u{201d} costs € 2 million.";
    assert_eq!(
        x["figures"][0]["start"].as_u64(),
        Some(decoded.find('€').unwrap() as u64)
    );
}

#[test]
fn empty_files_are_listed_with_no_items() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.md");
    fs::write(&path, "").unwrap();
    let o = cordiale(&["extract", "--json", path.to_str().unwrap()]);
    assert!(o.status.success());
    let x: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(x["doc"], "empty.md");
    assert_eq!(x["title"], "");
    assert!(x["doc_date"].is_null());
    for class in ["figures", "dates", "commitments"] {
        assert_eq!(x[class].as_array().unwrap().len(), 0);
    }
}

#[test]
fn control_characters_never_reach_the_listing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.txt");
    fs::write(
        &path,
        "Title \u{1b}]52;c;ZXZpbA==\u{7}\n\nWe will pay \u{1b}[31m€5 million\u{1b}[0m by 2020.",
    )
    .unwrap();
    let o = cordiale(&["extract", path.to_str().unwrap()]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("\\u{1b}"));
}

/// Runs the binary like [`cordiale`], but kills it and fails the test when it has not ended
/// after `limit`: a command that hangs (on a FIFO, say) must fail its test, not stall the suite.
fn cordiale_within(args: &[&str], limit: std::time::Duration) -> Output {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_cordiale"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let deadline = std::time::Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`cordiale {}` did not end within {limit:?}", args.join(" "));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// A corpus folder holding one real document, a FIFO, a Unix socket and a dangling symlink,
/// all with document endings, and a symlink to the real document.
fn corpus_with_special_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("ok.txt"),
        "We will devote €5 million by March 2011.",
    )
    .unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("socket.md")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("dangling.txt"))
        .unwrap();
    std::os::unix::fs::symlink("ok.txt", dir.path().join("link.txt")).unwrap();
    dir
}

const HANG_LIMIT: std::time::Duration = std::time::Duration::from_secs(120);

fn assert_special_files_skipped(o: &Output) {
    let err = stderr(o);
    for (name, what) in [
        ("pipe.txt", "FIFO"),
        ("socket.md", "socket"),
        ("dangling.txt", "dangling"),
    ] {
        assert!(
            err.lines()
                .any(|l| l.contains("warning") && l.contains(name) && l.contains(what)),
            "no warning about {name}: {err}"
        );
    }
}

#[test]
fn summary_skips_fifos_sockets_and_dangling_links_with_a_warning() {
    let dir = corpus_with_special_files();
    let o = cordiale_within(&["summary", dir.path().to_str().unwrap()], HANG_LIMIT);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_special_files_skipped(&o);
    let out = stdout(&o);
    // The real document, and the link to it (followed), are read.
    assert!(out.contains("(2 documents)"), "{out}");
    assert!(out.contains("ok.txt") && out.contains("link.txt"), "{out}");
}

#[test]
fn find_skips_fifos_sockets_and_dangling_links_with_a_warning() {
    let dir = corpus_with_special_files();
    let o = cordiale_within(
        &["find", "--no-cache", "5m", dir.path().to_str().unwrap()],
        HANG_LIMIT,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_special_files_skipped(&o);
    assert!(stdout(&o).contains("€5 million"), "{}", stdout(&o));
}

#[test]
fn checklist_skips_fifos_sockets_and_dangling_links_with_a_warning() {
    let dir = corpus_with_special_files();
    let ws = tempfile::tempdir().unwrap();
    let o = cordiale_within(
        &[
            "checklist",
            "--format",
            "csv",
            "--corpus",
            dir.path().to_str().unwrap(),
            "--workspace",
            ws.path().join("cordiale.json").to_str().unwrap(),
        ],
        HANG_LIMIT,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_special_files_skipped(&o);
    assert!(stdout(&o).contains("devote"), "{}", stdout(&o));
}

#[test]
fn a_fifo_named_directly_is_skipped_and_its_name_made_safe() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("evil\u{1b}]0;owned\u{7}.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let ok = dir.path().join("ok.txt");
    fs::write(&ok, "We will act.").unwrap();
    let o = cordiale_within(
        &["summary", fifo.to_str().unwrap(), ok.to_str().unwrap()],
        HANG_LIMIT,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("FIFO") && err.contains("evil\\u{1b}]0;owned\\u{7}.txt"),
        "{err}"
    );
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(stdout(&o).contains("(1 documents)"), "{}", stdout(&o));
}

/// Runs `script` in `shell` with the completion script on stdin; the shell's verdict on
/// its syntax.
fn shell_accepts(shell: &str, check: &[&str], script: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(shell)
        .args(check)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the shell runs");
    child.stdin.take().unwrap().write_all(script).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn completions_are_valid_scripts_that_offer_the_verdicts() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = cordiale(&["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(
            script.contains("not-a-commitment"),
            "{shell} offers the verdicts"
        );
        assert!(
            script.contains("disagreements"),
            "{shell} offers the filters"
        );
    }
    let bash = cordiale(&["completions", "bash"]).stdout;
    let checked = shell_accepts("bash", &["-n"], &bash);
    assert!(checked.status.success(), "{}", stderr(&checked));
    // A shell that does not exist is refused by name.
    let o = cordiale(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_manual_page_is_clean_roff() {
    let o = cordiale(&["man"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = o.stdout;
    assert!(
        page.starts_with(b".ie") || page.starts_with(b".TH"),
        "a roff page"
    );
    assert!(String::from_utf8_lossy(&page).contains("completions"));
    // groff with every warning on, output discarded: it says nothing of a clean page.
    let checked = shell_accepts("groff", &["-man", "-Tutf8", "-ww", "-z"], &page);
    assert!(
        checked.status.success() && checked.stderr.is_empty(),
        "{}",
        stderr(&checked)
    );
}

#[test]
fn workbench_options_belong_to_the_workbench_only() {
    let o = cordiale(&["find", "--keymap", "vim", "calais"]);
    assert_eq!(o.status.code(), Some(2), "not an option of find");
    let help = stdout(&cordiale(&["find", "--help"]));
    assert!(!help.contains("--keymap"), "{help}");
    assert!(stdout(&cordiale(&["--help"])).contains("--keymap"));
}
