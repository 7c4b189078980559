//! Arbitrary workspaces for the property tests of reading, writing and merging: every
//! field filled or left out, and text with the characters that need escaping.

use proptest::prelude::*;

use super::model::{
    ActorVerdicts, Anchor, Event, Evidence, Item, Origin, Reconciled, Review, Scale, Short,
    Verdict, Workspace,
};
use super::scale::Step;

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

fn verdict(scale: &Scale) -> impl Strategy<Value = Verdict> + use<> {
    proptest::sample::select(scale.all().collect::<Vec<_>>())
}

fn anchor() -> impl Strategy<Value = Anchor> {
    (0usize..5000, text(40), text(8), text(8)).prop_map(|(start, exact, prefix, suffix)| {
        let end = start + exact.len();
        Anchor {
            exact,
            prefix,
            suffix,
            start,
            end,
            doc_hash: "0123456789abcdef".into(),
        }
    })
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (
        proptest::option::of(short(10)),
        proptest::option::of(("[a-c]\\.txt", anchor())),
        text(12),
        text(12),
        stamp(),
    )
        .prop_map(|(date, passage, source, excerpt, at)| {
            let (doc, anchor) = match passage {
                Some((doc, anchor)) => (Some(doc.into()), Some(anchor)),
                None => (None, None),
            };
            Evidence {
                date,
                doc,
                anchor,
                source,
                excerpt,
                at,
            }
        })
}

fn review(scale: &Scale) -> impl Strategy<Value = Review> + use<> {
    (
        verdict(scale),
        text(12),
        stamp(),
        any::<bool>(),
        proptest::collection::btree_map(short(6), verdict(scale), 0..3),
        proptest::collection::vec(evidence(), 0..2),
    )
        .prop_map(|(verdict, note, at, stale, actors, evidence)| {
            let mut by_actor = ActorVerdicts::default();
            for (a, v) in actors {
                by_actor.insert(a, v);
            }
            Review {
                verdict,
                note,
                at,
                stale,
                actors: by_actor,
                evidence,
            }
        })
}

fn event(scale: &Scale) -> impl Strategy<Value = Event> + use<> {
    (
        (stamp(), short(6), short(9)),
        proptest::option::of(verdict(scale)),
        text(6),
        proptest::option::of(text(10)),
        proptest::option::of(short(6)),
    )
        .prop_map(|((at, by, what), verdict, note, quote, actor)| Event {
            at,
            by,
            what,
            verdict,
            note,
            quote,
            actor,
        })
}

/// An item whose verdicts are on `scale`.
pub fn item_on(scale: &Scale) -> impl Strategy<Value = Item> + use<> {
    let anchor = ("[a-c]\\.txt", anchor());
    let one = || {
        (verdict(scale), text(8), short(6), stamp()).prop_map(|(verdict, note, by, at)| {
            Reconciled {
                verdict,
                note,
                by,
                at,
            }
        })
    };
    let reconciled = proptest::option::of(one());
    let reconciled_actors = proptest::collection::btree_map(short(6), one(), 0..3);
    (
        anchor,
        any::<bool>(),
        proptest::collection::vec(short(8), 0..3),
        proptest::option::of(short(10)),
        proptest::collection::vec(short(8), 0..3),
        proptest::collection::btree_map(short(6), review(scale), 0..3),
        (reconciled, reconciled_actors),
        proptest::collection::vec(event(scale), 0..3),
    )
        .prop_map(
            |(
                (doc, anchor),
                manual,
                actors,
                deadline,
                figures,
                reviews,
                (reconciled, reconciled_actors),
                history,
            )| {
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
                    reconciled_actors,
                    history,
                    ..Item::new(doc, origin, anchor)
                }
            },
        )
}

/// A scale: a built-in one, or one declared with labels that need escaping.
fn scale() -> impl Strategy<Value = Scale> {
    let declared = (text(8), text(10), -10i32..=10).prop_map(|(name, label, score)| Scale {
        name: format!("mine {}", name.replace(|c: char| c.is_control(), "")),
        verdicts: vec![
            Step {
                name: Verdict::from_name("no").unwrap_or(Verdict::BROKEN),
                key: 'n',
                label: label.replace(|c: char| c.is_control(), ""),
                score: f64::from(score) / 10.0,
            },
            Step {
                name: Verdict::from_name("yes-1").unwrap_or(Verdict::KEPT),
                key: 'y',
                label: "yes".into(),
                score: 1.0,
            },
        ],
    });
    prop_oneof![
        Just(Scale::standard()),
        Just(Scale::g7()),
        Just(Scale::meter()),
        declared,
    ]
}

pub fn workspace() -> impl Strategy<Value = Workspace> {
    scale()
        .prop_flat_map(|scale| {
            let documents = proptest::collection::btree_map(short(8), short(16), 0..4);
            // Any day of years 1000–9999, or none.
            let as_of = proptest::option::of(
                (-354_285i32..=2_932_896).prop_map(crate::calendar::Day::from_number),
            );
            (
                Just(scale.clone()),
                (text(10), as_of),
                documents,
                proptest::collection::vec(item_on(&scale), 0..12),
            )
        })
        .prop_map(|(scale, (corpus, as_of), documents, items)| {
            let mut ws = Workspace {
                corpus,
                as_of,
                scale,
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
