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

/// Reviewer names for a team of `n`: ann, bob, cy, dee, eve, then `r6`, `r7`…
#[allow(dead_code)] // not every benchmark uses it
pub fn team(n: usize) -> Vec<String> {
    let names = ["ann", "bob", "cy", "dee", "eve"];
    (0..n)
        .map(|r| {
            names
                .get(r)
                .map_or_else(|| format!("r{}", r + 1), |s| s.to_string())
        })
        .collect()
}

/// Notes as reviewers write them: a word, a line, a reference, a paragraph.
const NOTES: [&str; 4] = [
    "see the 2017 report",
    "Checked against the ministry's annual report: the first tranche was paid, the second is not in the 2018 budget.",
    "Source: https://example.org/report-2017.pdf, p. 14",
    "Partly done. The joint unit exists (decree of 3 March 2017) but has 40 officers of the 120 announced; the funding line was cut in the 2018 budget and nothing replaced it. Asked the press office on 12 May, no answer yet.",
];

/// A stand-in for chance that is the same on every run: a number in 0..m from `n` and `r`.
fn spread(n: usize, r: usize, m: usize) -> usize {
    let x = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (r as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    ((x ^ (x >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9) >> 33) as usize % m
}

/// Every commitment of `docs` rated by every reviewer of `team`, as a review goes: they
/// mostly agree (one verdict in six differs from the item's usual one), one review in ten
/// has a note (of `NOTES`), one item in eight had its verdict changed once by one reviewer
/// (a history entry with the earlier verdict and note), and half the items the first two
/// disagree on are reconciled. Deterministic.
#[allow(dead_code)] // not every benchmark uses it
pub fn reviewed_by(docs: &[Document], team: &[String]) -> Workspace {
    const USUAL: [Verdict; 6] = [
        Verdict::KEPT,
        Verdict::PARTIAL,
        Verdict::IN_PROGRESS,
        Verdict::KEPT,
        Verdict::BROKEN,
        Verdict::STALLED,
    ];
    const OTHER: [Verdict; 4] = [
        Verdict::PARTIAL,
        Verdict::BROKEN,
        Verdict::NOT_A_COMMITMENT,
        Verdict::KEPT,
    ];
    let mut ws = workspace(docs, |_| (Verdict::PENDING, Verdict::PENDING));
    for (n, item) in ws.items.values_mut().enumerate() {
        item.reviews.clear();
        let usual = USUAL[spread(n, 99, USUAL.len())];
        for (r, who) in team.iter().enumerate() {
            let verdict = match spread(n, r, 6) {
                0 => OTHER[spread(n, r + 50, OTHER.len())],
                _ => usual,
            };
            let note = match spread(n, r + 100, 10) {
                0 => NOTES[spread(n, r + 200, NOTES.len())].to_string(),
                _ => String::new(),
            };
            if n % 8 == 0 && r == n / 8 % team.len() {
                let earlier = "2026-10-02T09:30:00Z".into();
                item.set_review(who, Verdict::IN_PROGRESS, NOTES[0].into(), earlier);
            }
            let day = 1 + spread(n, r + 300, 28);
            let at = format!("2026-11-{day:02}T10:00:00Z").into();
            item.set_review(who, verdict, note, at);
        }
        let pair = |r: usize| item.reviews.get(&team[r]).map(|x| x.verdict);
        if team.len() >= 2 && pair(0) != pair(1) && n % 2 == 0 {
            item.set_reconciled(
                &team[0],
                usual,
                String::new(),
                "2026-11-30T16:00:00Z".into(),
            );
        }
    }
    ws
}
