//! Suggested evidence: building the term index of a corpus's passages, and ranking the
//! passages for one commitment, on the bundled seeds and, when `CORDIALE_BENCH_CORPUS`
//! names one, on a large corpus (made by `../shared/bench/gen_corpus.py --docs 5000`).
#![allow(missing_docs, reason = "criterion_group! makes an undocumented pub fn")]

use std::path::PathBuf;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};

use cordiale::search::suggest::{Passages, Promise};
use cordiale::search::{Index, Kind};

/// Every 50th commitment of the index, as the checklist would ask for it.
fn promises(index: &Index) -> Vec<Promise> {
    index
        .entries()
        .iter()
        .filter(|e| e.kind == Kind::Commitment)
        .step_by(50)
        .take(40)
        .map(|e| Promise::at(index, e.doc, (e.start, e.end), Vec::new(), None))
        .collect()
}

fn bench_corpus(c: &mut Criterion, name: &str, path: PathBuf) {
    let corpus = cordiale::corpus::load(&[path]).expect("corpus loads");
    let index = Index::build(Arc::new(corpus));
    let passages = Passages::build(&index);
    let promises = promises(&index);
    eprintln!(
        "{name}: {} documents, {} passages, {} commitments asked",
        index.corpus().documents.len(),
        passages.len(),
        promises.len()
    );
    let mut group = c.benchmark_group(format!("suggest-{name}"));
    group.sample_size(10);
    group.bench_function("build the passages' term index", |b| {
        b.iter(|| Passages::build(&index).len())
    });
    let mut next = 0;
    group.bench_function("ten suggestions for one commitment", |b| {
        b.iter(|| {
            next = (next + 1) % promises.len();
            passages.suggest(&index, &promises[next], 10).len()
        })
    });
    group.finish();
}

fn bench_suggest(c: &mut Criterion) {
    let seeds = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    bench_corpus(c, "seeds", seeds);
    if let Ok(path) = std::env::var("CORDIALE_BENCH_CORPUS") {
        bench_corpus(c, "large", PathBuf::from(path));
    }
}

criterion_group!(benches, bench_suggest);
criterion_main!(benches);
