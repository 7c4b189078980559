//! Arbitrary workspaces for the property tests of reading, writing and merging: every
//! field filled or left out, and text with the characters that need escaping.

use proptest::prelude::*;

use super::model::{Anchor, Event, Item, Origin, Reconciled, Review, Short, Verdict, Workspace};

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!(
        "[ -~éü€’“”\u{7f}\n\t\r\u{8}\u{c}\u{1}\u{1b}\\\\\"]{{0,{max}}}"
    ))
    .expect("a valid pattern")
}

fn short(max: usize) -> impl Strategy<Value = Short> {
    text(max).prop_map(Short::from)
}

fn stamp() -> impl Strategy<Value = Short> {
    (0u32..100_000)
        .prop_map(|t| format!("2026-11-{:02}T{:02}:{:02}:00Z", 1 + t % 28, t % 24, t % 60).into())
}

fn verdict() -> impl Strategy<Value = Verdict> {
    proptest::sample::select(Verdict::ALL.to_vec())
}

fn review() -> impl Strategy<Value = Review> {
    (verdict(), text(12), stamp(), any::<bool>()).prop_map(|(verdict, note, at, stale)| Review {
        verdict,
        note,
        at,
        stale,
    })
}

fn event() -> impl Strategy<Value = Event> {
    (
        (stamp(), short(6), short(9)),
        proptest::option::of(verdict()),
        text(6),
        proptest::option::of(text(10)),
    )
        .prop_map(|((at, by, what), verdict, note, quote)| Event {
            at,
            by,
            what,
            verdict,
            note,
            quote,
        })
}

pub fn item() -> impl Strategy<Value = Item> {
    let anchor = ("[a-c]\\.txt", 0usize..5000, text(40), text(8), text(8)).prop_map(
        |(doc, start, exact, prefix, suffix)| {
            let end = start + exact.len();
            (
                doc,
                Anchor {
                    exact,
                    prefix,
                    suffix,
                    start,
                    end,
                    doc_hash: "0123456789abcdef".into(),
                },
            )
        },
    );
    let reconciled = proptest::option::of((verdict(), text(8), short(6), stamp()).prop_map(
        |(verdict, note, by, at)| Reconciled {
            verdict,
            note,
            by,
            at,
        },
    ));
    (
        anchor,
        any::<bool>(),
        proptest::collection::vec(short(8), 0..3),
        proptest::option::of(short(10)),
        proptest::collection::vec(short(8), 0..3),
        proptest::collection::btree_map(short(6), review(), 0..3),
        reconciled,
        proptest::collection::vec(event(), 0..3),
    )
        .prop_map(
            |((doc, anchor), manual, actors, deadline, figures, reviews, reconciled, history)| {
                let origin = if manual {
                    Origin::Manual
                } else {
                    Origin::Extracted
                };
                Item {
                    actors,
                    deadline,
                    figures,
                    reviews: reviews.into_iter().collect(),
                    reconciled,
                    history,
                    ..Item::new(doc, origin, anchor)
                }
            },
        )
}

pub fn workspace() -> impl Strategy<Value = Workspace> {
    let documents = proptest::collection::btree_map(short(8), short(16), 0..4);
    // Any day of years 1000–9999, or none.
    let as_of =
        proptest::option::of((-354_285i32..=2_932_896).prop_map(crate::calendar::Day::from_number));
    (
        text(10),
        as_of,
        documents,
        proptest::collection::vec(item(), 0..12),
    )
        .prop_map(|(corpus, as_of, documents, items)| {
            let mut ws = Workspace {
                corpus,
                as_of,
                documents,
                ..Default::default()
            };
            for it in items {
                let id = super::id::item_id(&it.doc, &it.anchor.exact);
                ws.items.insert(id, it);
            }
            ws
        })
}
