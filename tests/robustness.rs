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
