//! The PDF converter on the generated fixtures of `tests/fixtures/formats` (invented text,
//! see `gen/text_source.py`, whose units `declaration_units` holds).
//! `deep_nesting.pdf` is left out on purpose: it overflows the stack (isolation's job).

mod declaration_units;

use cordiale::corpus::convert::{ConvertError, Converted, SourceKind, pdf};
use cordiale::corpus::split::{UnitKind, split_document};
use declaration_units::{LIST_ITEMS, PARAS, TITLE, fixture};

fn convert(name: &str) -> Result<Converted, ConvertError> {
    pdf::convert(&fixture(name))
}

fn ok(name: &str) -> Converted {
    convert(name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The words text_source.long_paragraphs builds its sentences from.
const LONG_WORDS: &str = "The partners ministers Each government joint office secretariat \
    regional administrations working group three governments will publish shall report on \
    agreed to finance review have assessed coordinate noted the progress of strengthen \
    transboundary implementation flood directive environmental infrastructure along coast \
    international coordination storm-surge warnings responsibilities coastal a programme \
    million for dune restoration training field officers financial flows fisheries fund \
    official figures efficient maps by end in before every two years January February March \
    April May June July September October November December";

fn paragraphs(c: &Converted) -> Vec<&str> {
    c.text.split("\n\n").collect()
}

/// The page of the paragraph that is exactly `p` (which must be there).
fn page_of_paragraph(c: &Converted, p: &str) -> usize {
    let at = c
        .text
        .match_indices(p)
        .map(|(i, _)| i)
        .find(|&i| {
            (i == 0 || c.text[..i].ends_with("\n\n"))
                && (i + p.len() == c.text.len() || c.text[i + p.len()..].starts_with("\n\n"))
        })
        .unwrap_or_else(|| panic!("paragraph not found: {p}\n---\n{}", c.text));
    c.page_of(at).expect("pages")
}

fn assert_pages_contiguous(c: &Converted, count: usize) {
    assert_eq!(c.pages.len(), count);
    assert_eq!(c.pages[0].start, 0);
    assert_eq!(c.pages[count - 1].end, c.text.len());
    for w in c.pages.windows(2) {
        assert_eq!(w[0].end, w[1].start);
    }
}

/// Every word is one the source wrote (no split, no glued word) and the only hyphenated
/// one is the real "storm-surge".
fn assert_words_from(c: &Converted, vocabulary: &str) {
    let known: std::collections::HashSet<&str> = vocabulary.split_whitespace().collect();
    for w in c
        .text
        .split(|ch: char| !(ch.is_alphabetic() || ch == '-'))
        .filter(|w| w.contains(char::is_alphabetic))
    {
        assert!(known.contains(w), "unknown word {w:?}");
    }
}

fn assert_clean_text(c: &Converted) {
    assert!(
        !c.text
            .contains(|ch: char| ('\u{FB00}'..='\u{FB06}').contains(&ch))
    );
    assert!(
        !c.text
            .contains(['\u{AD}', '\u{A0}', '\u{200B}', '\u{FEFF}', '\r', '\t'])
    );
    for p in paragraphs(c) {
        assert!(!p.is_empty() && !p.contains('\n'), "{p:?}");
        assert_eq!(p, p.trim(), "{p:?}");
    }
}

#[test]
fn declaration_reads_as_the_source_with_right_pages_and_no_furniture() {
    let c = ok("declaration.pdf");
    assert_eq!(c.source, SourceKind::Pdf);
    assert_eq!(c.title.as_deref(), Some(TITLE));
    assert_eq!(c.date.as_deref(), Some("2024-03-14"));
    assert!(c.notes.is_empty(), "{:?}", c.notes);
    assert_pages_contiguous(&c, 4);
    assert_clean_text(&c);
    // running header, footer and page numbers gone; the title stays once, on page 1
    for furniture in [
        "Council of the Coast",
        "Page ",
        "CCR/2024/17",
        "not for citation",
    ] {
        assert!(!c.text.contains(furniture), "{furniture}");
    }
    assert_eq!(c.text.matches(TITLE).count(), 1);
    assert_eq!(page_of_paragraph(&c, TITLE), 1);
    assert_eq!(page_of_paragraph(&c, "Esbjerg, 14 March 2024"), 1);
    // every paragraph verbatim (ligatures expanded, hyphenated words joined) on its page
    for (i, p) in PARAS.iter().enumerate() {
        assert_eq!(page_of_paragraph(&c, p), if i < 5 { 1 } else { 2 }, "{p}");
    }
    for item in LIST_ITEMS {
        assert_eq!(page_of_paragraph(&c, &format!("• {item}")), 1);
    }
    assert_eq!(page_of_paragraph(&c, "Annex I: Shared responsibilities"), 2);
    assert_eq!(page_of_paragraph(&c, "Annex II: Implementation"), 4);
    // page 2's two columns in order: the left column's paragraphs before the right's
    let order: Vec<usize> = PARAS[5..]
        .iter()
        .map(|p| c.text.find(p).expect("paragraph"))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));
    // the sentence split by the page 2/3 break is one paragraph, on the page of its start
    let split = "The partners will publish international coordination of storm-surge warnings by the end of 2025.";
    assert_eq!(page_of_paragraph(&c, split), 2);
    // the soft-hyphenated Annex II paragraphs (page 4)
    let annex2 = "The three governments have assessed international coordination of storm-surge warnings every two years.";
    let at = c.text.find(annex2).expect("annex II");
    assert_eq!(c.page_of(at), Some(4));
}

#[test]
fn declaration_text_splits_into_its_items() {
    let c = ok("declaration.pdf");
    let (units, _) = split_document(&c.text);
    let items: Vec<&str> = units
        .iter()
        .filter(|u| u.kind == UnitKind::ListItem)
        .map(|u| &c.text[u.start..u.end])
        .collect();
    assert_eq!(items, LIST_ITEMS);
    let sentences: Vec<&str> = units.iter().map(|u| &c.text[u.start..u.end]).collect();
    for p in PARAS {
        assert!(sentences.contains(&p), "{p}");
    }
}

#[test]
fn interleaved_columns_are_read_column_by_column() {
    let c = ok("two_column_interleaved.pdf");
    let mut want = vec!["Interleaved columns"];
    want.extend(PARAS);
    assert_eq!(paragraphs(&c), want);
}

#[test]
fn ligature_glyphs_come_out_as_letters() {
    assert_eq!(
        ok("shaped_ligatures.pdf").text,
        "The efficient officials filed the official figures of the fisheries fund; financial \
         flows were affirmed by the offices of the Council."
    );
    // bytes 0xAE/0xAF of /StandardEncoding are the fi/fl glyphs (the fixture wrote "fi"
    // where "ffi" was meant: the letters are what the file says)
    assert_eq!(
        ok("std14_ligatures.pdf").text,
        "The eficient oficials flew to the field."
    );
}

#[test]
fn a_hundred_pages_keep_every_word_whole() {
    let c = ok("long100.pdf");
    assert_pages_contiguous(&c, 100);
    assert_clean_text(&c);
    assert_eq!(
        c.title.as_deref(),
        Some("Coastal Resilience Programme 2024-2031: Full Report")
    );
    assert!(!c.text.contains("Full Report"), "running head left");
    assert_words_from(
        &c,
        &format!("{LONG_WORDS} Coastal Resilience Programme End of report"),
    );
    assert!(c.text.ends_with("End of report."));
}

#[test]
fn libreoffice_exports_read_like_their_source() {
    let c = ok("lo_long.pdf");
    assert_pages_contiguous(&c, 127);
    assert_clean_text(&c);
    assert_words_from(&c, LONG_WORDS);

    let d = ok("lo_declaration.pdf");
    assert_eq!(d.title.as_deref(), Some(TITLE));
    assert_clean_text(&d);
    for p in [PARAS[0], PARAS[1], PARAS[2], PARAS[7]] {
        page_of_paragraph(&d, p);
    }
    assert_eq!(page_of_paragraph(&d, PARAS[7]), 2);
    // numbered items keep their numbers, Symbol-font bullets become "•"
    for item in [
        "1. Strengthen the Wadden Sea dune belt (€8 million).",
        "2. Train 120 volunteers for flood-watch duties by 2026.",
        "• Data will be open from 1 January 2027.",
        "• Review in Middelburg in spring 2027.",
    ] {
        page_of_paragraph(&d, item);
    }
}

#[test]
fn scanned_files_and_pages_are_reported() {
    assert_eq!(convert("scanned.pdf"), Err(ConvertError::NoTextLayer));
    let c = ok("mixed_scanned_page.pdf");
    assert_eq!(
        c.notes,
        ["p. 2 has no text layer (a scanned page?): its text is missing"]
    );
    assert_pages_contiguous(&c, 3);
    assert_eq!(page_of_paragraph(&c, PARAS[0]), 1);
    assert_eq!(page_of_paragraph(&c, PARAS[3]), 3);
    assert!(c.pages[1].is_empty());
}

#[test]
fn encryption_without_a_user_password_is_read_and_a_password_is_asked_for() {
    for name in [
        "enc_rc4_nopw.pdf",
        "enc_aes128_nopw.pdf",
        "enc_aes256_nopw.pdf",
    ] {
        let c = ok(name);
        assert_eq!(c.title.as_deref(), Some(TITLE), "{name}");
        assert_eq!(page_of_paragraph(&c, PARAS[0]), 1, "{name}");
        assert_eq!(c.text, ok("declaration.pdf").text, "{name}");
    }
    assert_eq!(
        convert("enc_aes256_userpw.pdf"),
        Err(ConvertError::PdfPassword)
    );
}

#[test]
fn truncated_files_are_recovered() {
    for name in ["truncated_half.pdf", "truncated_tail.pdf"] {
        // Both are read today (their text up to the cut): a refusal would be a regression.
        let c = convert(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(page_of_paragraph(&c, PARAS[0]), 1, "{name}");
    }
}

#[test]
fn broken_files_are_errors_with_a_short_reason() {
    for name in [
        "garbage.pdf",
        "header_only.pdf",
        "empty.pdf",
        "html_named.pdf",
    ] {
        match convert(name) {
            Err(ConvertError::PdfDamaged(why)) => {
                assert!(!why.is_empty() && why.chars().count() <= 120, "{why}");
                assert!(!why.contains(char::is_control), "{why:?}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    // a content stream that cannot be decoded: no glyph and no image, so not a scan (no
    // OCR hint)
    assert_eq!(convert("bad_stream.pdf"), Err(ConvertError::PdfNoText));
    // a page tree that loops: the readable page is kept, the other one reported
    let c = ok("cyclic_pages.pdf");
    assert_eq!(c.text, "Cyclic page tree");
    assert_eq!(c.notes.len(), 1);
    assert!(
        c.notes[0].starts_with("p. 2 could not be read ("),
        "{:?}",
        c.notes
    );
}

#[test]
fn form_xobjects_are_read_and_rotated_text_is_left_out_with_a_note() {
    let c = ok("xobject_rotation.pdf");
    assert_pages_contiguous(&c, 3);
    assert_eq!(
        paragraphs(&c),
        [
            "This paragraph lives in a form XObject and must be read.",
            "We will report by June 2026.",
            "The office opens in 2025.",
            "Funding ends in 2031."
        ]
    );
    assert_eq!(page_of_paragraph(&c, "The office opens in 2025."), 2);
    assert_eq!(page_of_paragraph(&c, "Funding ends in 2031."), 3);
    assert!(!c.text.contains("Running head"));
    assert_eq!(
        c.notes,
        ["42 rotated characters left out: margin notes or a watermark"]
    );
}

/// Speed on the two long fixtures, in a release build:
/// `cargo test --release --test pdf_conversion -- --ignored --nocapture`.
#[test]
#[ignore = "timing: run in release with --ignored --nocapture"]
fn speed_of_long_files() {
    for name in ["long100.pdf", "lo_long.pdf"] {
        let bytes = fixture(name);
        let mut times = Vec::new();
        for _ in 0..5 {
            let t = std::time::Instant::now();
            let c = pdf::convert(&bytes).expect("converts");
            times.push(t.elapsed());
            assert!(!c.text.is_empty());
        }
        times.sort();
        println!(
            "{name}: min {:?}, median {:?}, max {:?} (5 runs)",
            times[0], times[2], times[4]
        );
    }
}
