//! Nothing panics on any input, and every span the extractor reports is exactly its text.

use cordiale::corpus::{Decoded, Document, decode, split_units};
use cordiale::extract::{Extraction, extract};
use proptest::prelude::*;

fn check_spans(doc: &Document, x: &Extraction) {
    let t = &doc.text;
    for f in &x.figures {
        assert_eq!(t.get(f.start..f.end), Some(f.text.as_str()));
    }
    for d in x.dates.iter().chain(x.doc_date.iter()) {
        assert_eq!(t.get(d.start..d.end), Some(d.text.as_str()));
    }
    for c in &x.commitments {
        assert_eq!(t.get(c.start..c.end), Some(c.text.as_str()));
        for &i in &c.figures {
            assert!(x.figures[i].start >= c.start && x.figures[i].end <= c.end);
        }
    }
    for u in split_units(t) {
        assert!(t.get(u.start..u.end).is_some() && u.start < u.end);
    }
}

/// Fragments that reach deep into the rules: numbers, months, currencies, markers, odd spaces.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("€".to_string()),
        Just("£1.4 million".to_string()),
        Just("2000€".to_string()),
        Just("by the end of".to_string()),
        Just("the year".to_string()),
        Just("within".to_string()),
        Just("two years".to_string()),
        Just("between".to_string()),
        Just("and".to_string()),
        Just("from".to_string()),
        Just("to".to_string()),
        Just("20 August 2015".to_string()),
        Just("August".to_string()),
        Just("May".to_string()),
        Just("Q4".to_string()),
        Just("FY".to_string()),
        Just("2016-17".to_string()),
        Just("16/02/2016".to_string()),
        Just("30.04.2019".to_string()),
        Just("24/7".to_string()),
        Just("We will:".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("(a) ".to_string()),
        Just("will".to_string()),
        Just("agreed to".to_string()),
        Just("we’ll".to_string()),
        Just("two-thirds".to_string()),
        Just("tenfold".to_string()),
        Just("more than".to_string()),
        Just("%".to_string()),
        Just("per cent".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202f}000".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("+44 20".to_string()),
        Just("G7".to_string()),
        Just("¹".to_string()),
        "[0-9]{1,6}",
        "[0-9]{1,3}[,.][0-9]{1,4}",
        "[A-Za-z]{1,9}",
        "[ -~]{0,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = match decode(bytes) {
            Decoded::Utf8(t) | Decoded::Windows1252(t) => t,
            Decoded::Binary => return Ok(()),
        };
        let doc = Document::from_text("random.txt", text);
        let x = extract(&doc);
        check_spans(&doc, &x);
    }

    #[test]
    fn tricky_fragments_never_panic(parts in proptest::collection::vec(fragment(), 0..40), seps in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just("\n")], 40)) {
        let mut text = String::new();
        for (i, p) in parts.iter().enumerate() {
            text.push_str(p);
            text.push_str(seps[i]);
        }
        let doc = Document::from_text("fragments.txt", text);
        let x = extract(&doc);
        check_spans(&doc, &x);
    }
}

#[test]
fn pathological_inputs_finish() {
    // One 2 MB line, a file of 20,000 dates, deep repetition of markers.
    let long_line = "word ".repeat(400_000);
    let dates = "20 August 2015, ".repeat(20_000);
    let markers = "by the end of by the end of within within between from to ".repeat(5_000);
    let digits = "1,000,000,000,000,000,000,000,000,".repeat(10_000);
    for text in [long_line, dates, markers, digits] {
        let doc = Document::from_text("big.txt", text);
        let x = extract(&doc);
        check_spans(&doc, &x);
    }
}

/// Single lines of a few MB: prose with sentence ends, prose without any, one giant word of
/// dots and letters, and a list item that never ends.
fn long_lines() -> Vec<(&'static str, String)> {
    let prose = "On 20 August 2015 the ministers agreed that the UK will devote €10 million \
                 over two years, e.g. for fences at Calais. M. Cazeneuve said 75 per cent of \
                 the 1,300 places will be ready by March 2016! ";
    vec![
        ("prose", prose.repeat(12_000)),
        (
            "no stops",
            "we will spend ten million on word ".repeat(70_000),
        ),
        ("dots", "a.B".repeat(800_000)),
        (
            "list item",
            format!("- {}", "and the next clause; ".repeat(110_000)),
        ),
        ("accents", "é".repeat(1_200_000)),
    ]
}

#[test]
fn very_long_lines_are_cut_into_bounded_units_that_cover_the_text() {
    use cordiale::corpus::split::{MAX_UNIT_BYTES, is_space};
    for (name, text) in long_lines() {
        assert!(text.len() > 2_000_000 && !text.contains('\n'), "{name}");
        let units = split_units(&text);
        let mut covered_to = 0;
        for u in &units {
            let s = text
                .get(u.start..u.end)
                .unwrap_or_else(|| panic!("{name}: {u:?} is not a span of the text"));
            assert!(u.start < u.end, "{name}: empty {u:?}");
            assert!(
                u.end - u.start <= MAX_UNIT_BYTES,
                "{name}: a unit of {} bytes",
                u.end - u.start
            );
            assert_eq!(s.trim_matches(is_space), s, "{name}: {u:?} is not trimmed");
            // In order, and what lies between two units is space (or a list marker).
            assert!(u.start >= covered_to, "{name}: units overlap at {u:?}");
            let gap = &text[covered_to..u.start];
            assert!(
                gap.trim_start_matches("- ").chars().all(is_space),
                "{name}: {gap:?} before {u:?} is in no unit"
            );
            covered_to = u.end;
        }
        assert!(
            text[covered_to..].chars().all(is_space),
            "{name}: the end of the text is in no unit"
        );
        // Only the list item's first unit starts the item.
        assert!(units.iter().filter(|u| u.item_start).count() <= 1, "{name}");
    }
}

#[test]
fn very_long_lines_give_bounded_entries_and_exact_spans() {
    use cordiale::corpus::split::MAX_UNIT_BYTES;
    use cordiale::search::Index;
    let corpus = cordiale::corpus::Corpus {
        documents: long_lines()
            .into_iter()
            .map(|(name, text)| Document::from_text(name, text))
            .collect(),
        warnings: Vec::new(),
    };
    for doc in &corpus.documents {
        let x = extract(doc);
        check_spans(doc, &x);
        for c in &x.commitments {
            let (name, len) = (&doc.name, c.end - c.start);
            assert!(len <= MAX_UNIT_BYTES, "{name}: a commitment of {len} bytes");
        }
    }
    // Every entry of the finder's index, and the context shown around it, is bounded too:
    // a hit is never printed or highlighted over megabytes.
    let index = Index::build(std::sync::Arc::new(corpus));
    for e in index.entries() {
        let (span, context) = ((e.start, e.end), e.context);
        assert!(e.end - e.start <= MAX_UNIT_BYTES as u32, "{span:?}");
        assert!(
            context.1 - context.0 <= MAX_UNIT_BYTES as u32,
            "{context:?}"
        );
        assert!(
            context.0 <= e.start && e.end <= context.1,
            "{span:?} {context:?}"
        );
    }
}

#[test]
fn a_document_read_in_pieces_gives_what_its_parts_give() {
    // Long enough to be read in pieces (several MiB), made of copies of a real document.
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/003_43befd11b848805d.txt"),
    )
    .unwrap();
    let one = extract(&Document::from_text("one.txt", seed.clone()));
    let copies = 9_000_000 / seed.len() + 1;
    let doc = Document::from_text(
        "many.txt",
        format!("{}\n\n", seed.trim_end()).repeat(copies),
    );
    let many = extract(&doc);
    check_spans(&doc, &many);
    assert_eq!(many.title, one.title);
    assert_eq!(many.doc_date, one.doc_date);
    assert_eq!(many.figures.len(), copies * one.figures.len());
    assert_eq!(many.dates.len(), copies * one.dates.len());
    assert_eq!(many.commitments.len(), copies * one.commitments.len());
    // Items come in document order, each copy's like the first one's.
    let stride = many.figures.len() / copies;
    for (i, f) in many.figures.iter().enumerate() {
        assert_eq!(f.text, one.figures[i % stride].text);
        assert_eq!(f.value, one.figures[i % stride].value);
    }
    let stride = many.commitments.len() / copies;
    for (i, c) in many.commitments.iter().enumerate() {
        let first = &one.commitments[i % stride];
        assert_eq!((&c.text, &c.actors), (&first.text, &first.actors));
        assert_eq!(c.figures.len(), first.figures.len());
    }
}
