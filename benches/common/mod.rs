//! The 50,000-item workspace the benchmarks share: 500 documents of 100 commitments each,
//! every item with a deadline, a figure, and both reviewers' verdicts, each with a note.

use cordiale::corpus::Document;
use cordiale::workspace::anchor::anchor;
use cordiale::workspace::id::item_id;
use cordiale::workspace::{Item, Origin, Verdict, Workspace};

pub const DOCS: usize = 500;
pub const PER_DOC: usize = 100;

/// The documents: each a dateline and `PER_DOC` one-sentence commitments.
pub fn documents() -> Vec<Document> {
    (0..DOCS)
        .map(|d| {
            let mut text = format!("Brussels, {} May 2016\n\n", 1 + d % 28);
            for k in 0..PER_DOC {
                text.push_str(&format!(
                    "Member state {d} will fund border project number {k} with €{k} million by 2020.\n\n"
                ));
            }
            Document::from_text(format!("doc{d:04}.txt"), text)
        })
        .collect()
}

/// Every commitment of `docs` as an item, ann's and bob's verdicts on the `n`th item
/// (in file order) being `verdicts(n)`.
pub fn workspace(docs: &[Document], verdicts: impl Fn(usize) -> (Verdict, Verdict)) -> Workspace {
    let mut ws = Workspace {
        corpus: "corpus".into(),
        ..Default::default()
    };
    let mut n = 0;
    for doc in docs {
        let mut at = 0;
        let lines = doc.text.split("\n\n").filter(|l| l.contains("will fund"));
        for (k, line) in lines.enumerate() {
            let start = doc.text[at..].find(line).unwrap() + at;
            at = start + line.len();
            let mut item = Item::new(
                doc.name.clone(),
                Origin::Extracted,
                anchor(&doc.text, start, start + line.len()),
            );
            item.deadline = Some("2020".into());
            item.figures = vec![format!("€{k} million").into()];
            let (a, b) = verdicts(n);
            for (who, v) in [("ann", a), ("bob", b)] {
                let note = "checked against the 2017 report".to_string();
                item.set_review(who, v, note, "2026-11-25T08:00:00Z".into());
            }
            ws.items.insert(item_id(&doc.name, line), item);
            n += 1;
        }
    }
    assert_eq!(ws.items.len(), DOCS * PER_DOC);
    ws
}

/// A quarter of the items agreed, a quarter disagreed, a quarter not yet rated by ann, a
/// quarter agreed on another verdict.
#[allow(dead_code)] // not every benchmark uses it
pub fn mixed_verdicts(n: usize) -> (Verdict, Verdict) {
    match n % 4 {
        0 => (Verdict::KEPT, Verdict::KEPT),
        1 => (Verdict::KEPT, Verdict::BROKEN),
        2 => (Verdict::PENDING, Verdict::PARTIAL),
        _ => (Verdict::PARTIAL, Verdict::PARTIAL),
    }
}
