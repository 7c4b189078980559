//! Writes the checklist benchmark's 50,000-item workspace and its 500 documents to a
//! folder (`CORDIALE_FIXTURE_DIR`, default `/tmp/cordiale-50k`): `corpus/` and
//! `cordiale.json`, for `benches/checklist.json` (the release binary in a pty, idle bytes
//! and CPU with the file watcher running). Run: `cargo bench --bench checklist_fixture`.

use std::path::PathBuf;

mod common;

fn main() {
    let out = std::env::var_os("CORDIALE_FIXTURE_DIR")
        .map_or_else(|| PathBuf::from("/tmp/cordiale-50k"), PathBuf::from);
    std::fs::create_dir_all(out.join("corpus")).unwrap();
    let docs = common::documents();
    for d in &docs {
        std::fs::write(out.join("corpus").join(d.name.as_str()), &d.text).unwrap();
    }
    let ws = common::workspace(&docs, common::mixed_verdicts);
    let path = out.join("cordiale.json");
    cordiale::workspace::save(&path, &ws).unwrap();
    println!("{} items in {}", ws.items.len(), path.display());
}
