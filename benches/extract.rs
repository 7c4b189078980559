//! Extraction throughput: the bundled seeds, and a large corpus when `CORDIALE_BENCH_CORPUS`
//! names one (made by `../shared/bench/gen_corpus.py`; see `benches/README.md`).
#![allow(missing_docs, reason = "criterion_group! makes an undocumented pub fn")]

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench_extract(c: &mut Criterion) {
    let seeds =
        cordiale::corpus::load(&[PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))])
            .expect("seeds load");
    let bytes: usize = seeds.documents.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("seeds, one thread", |b| {
        b.iter(|| {
            seeds
                .documents
                .iter()
                .map(|d| cordiale::extract::extract(d).figures.len())
                .sum::<usize>()
        })
    });
    group.finish();

    if let Ok(path) = std::env::var("CORDIALE_BENCH_CORPUS") {
        let corpus = cordiale::corpus::load(&[PathBuf::from(path)]).expect("bench corpus loads");
        let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
        let mut group = c.benchmark_group("extract-large");
        group.sample_size(10);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("corpus, all cores", |b| {
            b.iter(|| cordiale::cli::extract_all(&corpus).len())
        });
        group.finish();
    }
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
