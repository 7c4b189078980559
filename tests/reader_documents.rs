//! The reader on whole real documents: the 36 published statements and fact sheets in
//! ../shared/corpora/wh-statements (read from there, skipped with a message when absent)
//! and our own documents. Each must read like a document — no markup on screen, the front
//! matter as the header — while every cell, the cursor's sentences and every extracted
//! span still map to exact bytes of the file.

use std::path::{Path, PathBuf};

use cordiale::app::display::{Display, Flavor, Kind};
use cordiale::corpus::{self, front_matter};

fn shared_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/wh-statements");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED the shared corpus: {} is absent; only our own documents are checked",
            dir.display()
        );
        None
    }
}

fn corpora() -> Vec<PathBuf> {
    let own = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs = vec![own.join("own/docs"), own.join("reader")];
    dirs.extend(shared_corpus());
    dirs
}

/// What markup looks like if it leaks onto the screen.
const RAW: &[&str] = &[
    "**", "](", "<!--", "-->", "\\_", "\\#", "\\*", "\\.", "http://", "https://", "<sup>", "</",
];

fn check(name: &str, text: &str, x: &cordiale::extract::Extraction) {
    let flavor = Flavor::of(name, text);
    let d = Display::read(text, flavor);
    let body = &d.cells[d.body..];
    // In file order, and each character shown is the character it stands for (list markers,
    // bullets, rules and table bars are drawn; white space stands for the run it collapses).
    assert!(
        body.windows(2).all(|w| w[0].start <= w[1].start),
        "{name}: cells out of file order"
    );
    for c in body {
        let marker = text[c.start..c.end].chars().count() != 1;
        let drawn = ['•', '─', '│'].contains(&c.c) || c.c.is_whitespace() || marker;
        if !drawn {
            assert_eq!(&text[c.start..c.end], c.c.to_string(), "{name}: {c:?}");
        }
    }
    if flavor == Flavor::Markdown {
        let shown: String = body.iter().map(|c| c.c).collect();
        for raw in RAW {
            assert!(
                !shown.contains(raw),
                "{name}: {raw:?} on screen near {:?}",
                &shown[shown.find(raw).unwrap().saturating_sub(60)..][..80.min(shown.len())]
            );
        }
    }
    // The front matter is the header: its title first, no sentence in it.
    if let Some(fm) = front_matter::parse(text) {
        if fm.title.is_some() {
            assert_eq!(d.blocks[0].kind, Kind::Title, "{name}");
        }
        assert!(
            !d.shows(fm.range.start, fm.range.end),
            "{name}: front matter as text"
        );
    }
    // Every figure, date and commitment the extractor found is on screen, on its bytes.
    let spans = x
        .figures
        .iter()
        .map(|f| (f.start, f.end, &f.text))
        .chain(x.dates.iter().map(|f| (f.start, f.end, &f.text)))
        .chain(x.commitments.iter().map(|f| (f.start, f.end, &f.text)));
    for (s, e, t) in spans {
        assert_eq!(&text[s..e], t.as_str(), "{name}: span not on its bytes");
        assert!(d.shows(s, e), "{name}: {t:?} at {s}..{e} is not shown");
    }
}

#[test]
fn documents_read_like_documents_and_every_span_maps_to_its_bytes() {
    let mut checked = 0;
    for dir in corpora() {
        let corpus = corpus::load(&[dir]).unwrap();
        for doc in &corpus.documents {
            let x = cordiale::extract::extract(doc);
            check(&doc.name, &doc.text, &x);
            checked += 1;
        }
    }
    eprintln!("checked {checked} documents");
    assert!(checked >= 7, "checked {checked} documents");
}
