//! Converting and extracting the formats of issue 17, in-process (the binary adds a child
//! process per file, measured end to end by `benches/convert.sh`): a 100-page PDF, a
//! 127-page LibreOffice PDF, a 1 MB web page and an 800-paragraph Word file.
#![allow(missing_docs, reason = "criterion_group! makes an undocumented pub fn")]

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use cordiale::corpus::Document;
use cordiale::corpus::convert::convert_bytes;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

/// A saved page of about 1 MB: the declaration's page with its paragraphs repeated.
fn big_page() -> Vec<u8> {
    let page = std::fs::read_to_string(fixture("same.html")).expect("same.html");
    let (head, rest) = page.split_once("<p class=\"dateline\">").expect("dateline");
    let (body, tail) = rest.split_once("</article>").expect("article");
    let mut out = String::from(head);
    let mut n = 0;
    while out.len() < 1_000_000 {
        n += 1;
        out.push_str(&format!("<h2>Section {n}</h2><p class=\"dateline\">"));
        out.push_str(body);
    }
    out.push_str("</article>");
    out.push_str(tail);
    out.into_bytes()
}

fn bench_convert(c: &mut Criterion) {
    let inputs = [
        (
            "long100.pdf (100 pages)",
            std::fs::read(fixture("long100.pdf")).unwrap(),
        ),
        (
            "lo_long.pdf (127 pages)",
            std::fs::read(fixture("lo_long.pdf")).unwrap(),
        ),
        ("1 MB web page", big_page()),
        (
            "long.docx (800 paragraphs)",
            std::fs::read(fixture("long.docx")).unwrap(),
        ),
    ];
    let mut group = c.benchmark_group("convert+extract");
    group.sample_size(10);
    for (name, bytes) in &inputs {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                let converted = convert_bytes(bytes, None).expect("converts");
                let doc =
                    Document::from_converted(name.to_string(), PathBuf::from(name), converted);
                cordiale::extract::extract(&doc).figures.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_convert);
criterion_main!(benches);
