//! The binary needs nothing but itself: copied to a folder of its own and run from an
//! empty working folder with another HOME, with no corpus named, `summary`, `find`,
//! `checklist`, `verdict` and the workbench (in a pty) all work on the seeds inside it, and
//! nothing is written anywhere but the platform's folders under HOME (data, cache, state).

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Place {
    _root: tempfile::TempDir,
    bin: PathBuf,
    home: PathBuf,
    work: PathBuf,
}

fn place() -> Place {
    let root = tempfile::tempdir().unwrap();
    let (bin, home, work) = (
        root.path().join("bin"),
        root.path().join("home"),
        root.path().join("work"),
    );
    for d in [&bin, &home, &work] {
        fs::create_dir(d).unwrap();
    }
    let exe = bin.join("cordiale");
    fs::copy(env!("CARGO_BIN_EXE_cordiale"), &exe).unwrap();
    Place {
        _root: root,
        bin: exe,
        home,
        work,
    }
}

/// The variables that would point cordiale elsewhere than HOME, removed.
const ELSEWHERE: [&str; 6] = [
    "XDG_DATA_HOME",
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
    "XDG_CONFIG_HOME",
    "CORDIALE_CACHE_DIR",
    "NO_COLOR",
];

fn run(p: &Place, args: &[&str]) -> Output {
    let mut cmd = Command::new(&p.bin);
    cmd.args(args)
        .current_dir(&p.work)
        .env("HOME", &p.home)
        .env("CORDIALE_REVIEWER", "ann");
    for v in ELSEWHERE {
        cmd.env_remove(v);
    }
    let o = cmd.output().unwrap();
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// Every file under `dir`, relative to it.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// The workbench in a pty until `text` shows, then `q`; true when it ended by itself.
fn workbench_shows(p: &Place, text: &str) -> bool {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(&p.bin);
    cmd.cwd(&p.work);
    cmd.env("HOME", &p.home);
    cmd.env("TERM", "xterm-256color");
    for v in ELSEWHERE {
        cmd.env_remove(v);
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let size = |n| std::num::NonZeroU16::new(n).unwrap();
    let mut screen = vt100::Parser::new(size(40), size(120), 0);
    let end = Instant::now() + Duration::from_secs(20);
    while !screen.screen().contents().contains(text) {
        assert!(Instant::now() < end, "{}", screen.screen().contents());
        if let Ok(b) = rx.recv_timeout(Duration::from_millis(50)) {
            screen.process(&b);
        }
    }
    let mut writer = pair.master.take_writer().unwrap();
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    child.wait().unwrap().success()
}

#[test]
fn the_binary_alone_opens_its_seeds_and_writes_only_under_home() {
    let p = place();
    let summary = String::from_utf8(run(&p, &[]).stdout).unwrap();
    assert!(summary.contains("(5 documents)"), "{summary}");
    let found = String::from_utf8(run(&p, &["find", "calais"]).stdout).unwrap();
    assert!(!found.is_empty());
    let checklist = String::from_utf8(run(&p, &["checklist", "--format", "csv"]).stdout).unwrap();
    let id = checklist
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    run(&p, &["verdict", &id, "kept"]);
    assert!(workbench_shows(&p, "Documents"));

    // The working folder and the binary's folder are as they were.
    assert_eq!(files_under(&p.work), Vec::<PathBuf>::new());
    assert_eq!(
        files_under(p.bin.parent().unwrap()),
        vec![PathBuf::from("cordiale")]
    );
    // Under HOME: the seeds and their workspace in the data folder, caches, state.
    let home = files_under(&p.home);
    let seeds = Path::new(".local/share/cordiale/seeds");
    assert!(home.contains(&seeds.join("cordiale.json")), "{home:?}");
    for f in &home {
        assert!(
            [
                ".local/share/cordiale",
                ".cache/cordiale",
                ".local/state/cordiale"
            ]
            .iter()
            .any(|d| f.starts_with(d)),
            "{} written outside cordiale's folders",
            f.display()
        );
    }
    let verdicts = fs::read_to_string(p.home.join(seeds).join("cordiale.json")).unwrap();
    assert!(verdicts.contains("\"kept\""));
}
