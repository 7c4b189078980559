//! How long loading and checking a keymap takes as it grows: 1k, 10k and 50k bindings
//! (`benches/common/big_keymap.rs`), best of a few runs each. The check must grow about
//! linearly; a comparison of every pair of bindings made 50k take tens of seconds.
//! Run: `cargo bench --bench keymap` (sizes: `KEYMAP_SIZES=1000,10000 cargo bench --bench keymap`).

use std::time::{Duration, Instant};

#[path = "common/big_keymap.rs"]
mod big_keymap;

fn main() {
    let sizes: Vec<usize> = std::env::var("KEYMAP_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 50_000]);
    let dir = tempfile::tempdir().expect("a temp folder");
    println!(
        "{:>9}  {:>12}  {:>14}",
        "bindings", "load+check", "per binding"
    );
    for n in sizes {
        let path = dir.path().join(format!("keymap_{n}.json"));
        std::fs::write(&path, big_keymap::big_keymap(n)).expect("keymap written");
        let name = path.to_str().expect("a UTF-8 temp path");
        let mut best = Duration::MAX;
        // A few runs, fewer when one run is slow.
        let mut runs = 0;
        while runs < 5 && (runs == 0 || best < Duration::from_secs(2)) {
            let start = Instant::now();
            let keymap = cordiale::keymap::load(Some(name), None).expect("a valid keymap");
            best = best.min(start.elapsed());
            assert_eq!(keymap.all().len(), n);
            runs += 1;
        }
        println!(
            "{n:>9}  {:>10.1}ms  {:>12.2}µs",
            best.as_secs_f64() * 1e3,
            best.as_secs_f64() * 1e6 / n as f64
        );
    }
}
