//! Per-keystroke latency of the finder with the index built: each benchmark query is typed
//! one character at a time through a `Searcher`, as the finder pane will do, and every
//! keystroke is timed. Between keystrokes the pane completes the scan while the user pauses
//! (`Searcher::finish`); that idle work is timed too and reported in its own column.
//!
//! Corpus: `CORDIALE_BENCH_CORPUS` (default: the bundled seeds). Rounds: `CORDIALE_BENCH_ROUNDS`
//! (default 5). Queries: `CORDIALE_BENCH_QUERIES` (comma-separated). Per-keystroke lines:
//! `CORDIALE_BENCH_VERBOSE=1`. Run: `cargo bench --bench keystrokes`.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cordiale::corpus;
use cordiale::search::{Index, Query, Searcher};

const QUERIES: [&str; 8] = [
    "10m",
    "10 million",
    "aug 2015",
    "1300",
    "calais tunnel",
    "frontex",
    "xyzzy",
    "#10m calais",
];

/// Hits the finder pane shows (a tall terminal).
const LIMIT: usize = 100;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let path = std::env::var_os("CORDIALE_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    let rounds: usize = std::env::var("CORDIALE_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let t = Instant::now();
    let corpus = Arc::new(corpus::load(std::slice::from_ref(&path)).expect("corpus"));
    let loaded = t.elapsed();
    let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    let t = Instant::now();
    let index = Index::build(corpus);
    let built = t.elapsed();
    println!(
        "corpus {} ({} documents, {:.1} MB): load {:.0} ms, index {:.0} ms, {} entries",
        path.display(),
        index.corpus().documents.len(),
        bytes as f64 / 1e6,
        loaded.as_secs_f64() * 1e3,
        built.as_secs_f64() * 1e3,
        index.entries().len()
    );
    let mut all = Vec::new();
    println!(
        "{:<16} {:>6} {:>9} {:>9} {:>9} {:>14}  hits",
        "query", "keys", "p50 ms", "p99 ms", "max ms", "idle p99 ms"
    );
    let mut all_idle = Vec::new();
    let chosen: Vec<String> = match std::env::var("CORDIALE_BENCH_QUERIES") {
        Ok(list) => list.split(',').map(str::to_string).collect(),
        Err(_) => QUERIES.iter().map(|q| q.to_string()).collect(),
    };
    for q in &chosen {
        let q = q.as_str();
        let mut times = Vec::new();
        let mut idle = Vec::new();
        let mut total = 0;
        for _ in 0..rounds {
            let mut searcher = Searcher::default();
            for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let query = Query::parse(&q[..end], None);
                let t = Instant::now();
                let results = searcher.search(&index, &query, LIMIT);
                times.push(t.elapsed());
                let t = Instant::now();
                let exact = searcher.finish(&index, &|| false);
                idle.push(t.elapsed());
                total = results.total.max(exact.unwrap_or(0));
                if std::env::var_os("CORDIALE_BENCH_VERBOSE").is_some() {
                    println!(
                        "  {:<16} {:>8.2} ms {:>7} hits shown; idle {:>8.2} ms, {:?} fuzzy matches",
                        &q[..end],
                        times[times.len() - 1].as_secs_f64() * 1e3,
                        results.total,
                        idle[idle.len() - 1].as_secs_f64() * 1e3,
                        exact
                    );
                }
            }
        }
        times.sort();
        idle.sort();
        println!(
            "{:<16} {:>6} {:>9.2} {:>9.2} {:>9.2} {:>14.2}  {}",
            q,
            q.chars().count(),
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.99).as_secs_f64() * 1e3,
            times.last().unwrap().as_secs_f64() * 1e3,
            percentile(&idle, 0.99).as_secs_f64() * 1e3,
            total
        );
        all.extend(times);
        all_idle.extend(idle);
    }
    all.sort();
    all_idle.sort();
    println!(
        "{:<16} {:>6} {:>9.2} {:>9.2} {:>9.2} {:>14.2}",
        "all keystrokes",
        all.len(),
        percentile(&all, 0.5).as_secs_f64() * 1e3,
        percentile(&all, 0.99).as_secs_f64() * 1e3,
        all.last().unwrap().as_secs_f64() * 1e3,
        percentile(&all_idle, 0.99).as_secs_f64() * 1e3,
    );
}
