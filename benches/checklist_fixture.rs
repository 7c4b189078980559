//! Writes the checklist benchmark's 50,000-item workspace and its 500 documents to a
//! folder (`CORDIALE_FIXTURE_DIR`, default `/tmp/cordiale-50k`): `corpus/` and
//! `cordiale.json`, for `benches/checklist.json` (the release binary in a pty, idle bytes
//! and CPU with the file watcher running). With `CORDIALE_FIXTURE_REVIEWERS=N`, every item
//! is rated by N reviewers as a team reviews (`common::reviewed_by`: ann, bob, cy…), for
//! `benches/e2e.py reviewers`. Run: `cargo bench --bench checklist_fixture`.

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
    let reviewers = std::env::var("CORDIALE_FIXTURE_REVIEWERS").ok();
    let ws = match reviewers.as_deref().map(str::parse::<usize>) {
        None => common::workspace(&docs, common::mixed_verdicts),
        Some(Ok(n)) => common::reviewed_by(&docs, &common::team(n)),
        Some(Err(e)) => panic!("CORDIALE_FIXTURE_REVIEWERS: {e}"),
    };
    let path = out.join("cordiale.json");
    cordiale::workspace::save(&path, &ws).unwrap();
    println!("{} items in {}", ws.items.len(), path.display());
}
