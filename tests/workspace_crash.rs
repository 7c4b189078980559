//! A workspace file survives a crash at any moment of a save: a helper process saves in a
//! loop and is killed (SIGKILL) at 500 random moments; the file must always read back as one
//! whole saved state.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use cordiale::workspace::store::Stored;
use cordiale::workspace::{self, Anchor, Item, Origin, Workspace};

/// The k-th state the helper saves: big enough (200 items) that a torn write would show.
fn state(k: u64) -> Workspace {
    let mut ws = Workspace {
        corpus: format!("state {k}"),
        ..Default::default()
    };
    for i in 0..200u64 {
        let anchor = Anchor {
            exact: format!("Pledge {i} as of save {k}: the Council will act."),
            prefix: "x".repeat(32),
            suffix: "y".repeat(32),
            start: (i * 100) as usize,
            end: (i * 100 + 50) as usize,
            doc_hash: format!("{k:016x}").into(),
        };
        let item = Item {
            actors: vec!["the Council".into()],
            deadline: Some("2020".into()),
            ..Item::new("a.txt", Origin::Extracted, anchor)
        };
        ws.items.insert(format!("c{i:04}").into(), item);
    }
    ws
}

/// Not a test on its own: when `CORDIALE_CRASH_FILE` is set, saves states 1, 2, 3… to it
/// until killed.
#[test]
fn crash_helper() {
    let Some(file) = std::env::var_os("CORDIALE_CRASH_FILE") else {
        return;
    };
    let start: u64 = std::env::var("CORDIALE_CRASH_FROM")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    for k in start.. {
        workspace::save(Path::new(&file), &state(k)).unwrap();
    }
}

#[test]
fn a_killed_save_leaves_a_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cordiale.json");
    workspace::save(&file, &state(0)).unwrap();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut from = 1u64;
    for round in 0..500 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["crash_helper", "--exact", "--test-threads", "1"])
            .env("CORDIALE_CRASH_FILE", &file)
            .env("CORDIALE_CRASH_FROM", from.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(2_000 + seed % 25_000));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let loaded = workspace::load(&file)
            .unwrap_or_else(|e| panic!("round {round}: the file does not read: {e}"));
        let k: u64 = loaded
            .corpus
            .strip_prefix("state ")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("round {round}: unexpected corpus {}", loaded.corpus));
        assert_eq!(loaded, state(k), "round {round}: state {k} is not whole");
        from = k + 1;
    }
    assert!(
        from > 1,
        "the helper never got to save: the test proved nothing"
    );
    // Killed saves leave their temporary files; the next save under the lock removes
    // them all, and leaves none of its own.
    let temps = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(".cordiale-save-")
            })
            .map(|e| e.metadata().unwrap().len())
            .collect::<Vec<u64>>()
    };
    let left = temps();
    println!(
        "500 kills: {} saves completed, {} temp files left ({} bytes)",
        from - 1,
        left.len(),
        left.iter().sum::<u64>()
    );
    let (mut stored, mut ws) = Stored::open(&file, Workspace::default).unwrap();
    ws.corpus = "after the kills".into();
    stored.save(&mut ws).unwrap();
    assert_eq!(temps(), Vec::<u64>::new(), "stale temp files were kept");
    assert_eq!(workspace::load(&file).unwrap(), ws);
}
