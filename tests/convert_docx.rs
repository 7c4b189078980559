//! The DOCX converter on the Word fixtures (tests/fixtures/formats/*.docx, generated from
//! invented text by gen_docx.py) and on hostile archives built here.

mod declaration_units;

use cordiale::corpus::convert::ConvertError;
use cordiale::corpus::convert::docx::convert;
use declaration_units::*;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const W: &str = "xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' \
                 xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006' \
                 xmlns:wps='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'";

const PACKAGE_RELS: &str = "<?xml version='1.0'?><Relationships \
    xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>\
    <Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument' Target='word/document.xml'/>\
    <Relationship Id='rId2' Type='http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties' Target='docProps/core.xml'/>\
    </Relationships>";

/// A zip of `parts` (name, content), deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A minimal .docx whose body is `body` (WordprocessingML), with optional extra parts.
fn docx(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let document =
        format!("<?xml version='1.0'?><w:document {W}><w:body>{body}</w:body></w:document>");
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ];
    parts.extend(extra.iter().map(|(n, c)| (*n, c.as_bytes())));
    zip_of(&parts)
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>")
}

fn text_of(body: &str, extra: &[(&str, &str)]) -> String {
    convert(&docx(body, extra)).expect("converts").text
}

fn paras_of(text: &str) -> Vec<&str> {
    text.split("\n\n").collect()
}

#[test]
fn declaration_units_are_verbatim_but_the_field_paragraph() {
    let c = convert(&fixture("declaration.docx")).unwrap();
    // The DOCX variant of the fifth paragraph differs on purpose: it holds a PAGEREF field.
    assert_eq!(missing_units(&c.text), [PARAS[4]]);
    assert!(
        paras_of(&c.text)
            .contains(&"Each government will fund at least 30 field officers (see page 2).")
    );
    assert_eq!(c.source, cordiale::corpus::convert::SourceKind::Docx);
    assert!(c.pages.is_empty() && c.notes.is_empty());
    assert_eq!(paras_of(&c.text)[..2], [TITLE, PLACE_LINE]);
}

#[test]
fn the_main_part_is_found_through_the_package_relationships() {
    // Word Online names it word/document2.xml, with its own word/_rels/document2.xml.rels.
    let online = convert(&fixture("word_online.docx")).unwrap();
    let plain = convert(&fixture("declaration.docx")).unwrap();
    assert_eq!(online, plain);
}

#[test]
fn tracked_changes_fields_hyperlinks_tabs_breaks_and_soft_hyphens() {
    let text = convert(&fixture("declaration.docx")).unwrap().text;
    let paras = paras_of(&text);
    assert!(
        !text.contains("every five years"),
        "a tracked deletion is left out"
    );
    assert!(
        paras.contains(&PARAS[3]),
        "the tracked insertion ends it; the soft hyphen is gone"
    );
    assert!(
        !text.contains("PAGEREF") && !text.contains("_Ref123"),
        "field instructions are out"
    );
    assert!(paras.contains(&PARAS[2]), "hyperlink text is in");
    assert!(
        paras.contains(&"Contact: coastal office Ostend harbour, quay 4"),
        "tab and break are spaces"
    );
}

#[test]
fn list_items_are_numbered_per_list_and_level() {
    let text = convert(&fixture("declaration.docx")).unwrap().text;
    let paras = paras_of(&text);
    let at = paras.iter().position(|p| p.starts_with("1. ")).unwrap();
    assert_eq!(
        paras[at - 1..at + 9],
        [
            "The ministers identified three priority actions:",
            &format!("1. {}", LIST_ITEMS[0]),
            &format!("2. {}", LIST_ITEMS[1]),
            // "List Number 2" is a list of its own in this template: Word shows 1., 2.
            "1. Coastal towns first.",
            "2. Islands from 2027.",
            &format!("3. {}", LIST_ITEMS[2]),
            "Other points:",
            "• Data will be open from 1 January 2027.",
            "• Review in Middelburg in spring 2027.",
            "Measure | Budget | Deadline",
        ]
    );
}

#[test]
fn table_rows_are_units_with_cells_separated() {
    let text = convert(&fixture("declaration.docx")).unwrap().text;
    let paras = paras_of(&text);
    for row in [
        "Measure | Budget | Deadline",
        "Monitoring office | €45 million | end of 2025",
        "Satellite component | €12.5 million | June 2026",
        "Field officers | 30 per government | 2026",
    ] {
        assert!(paras.contains(&row), "{row}");
    }
    // Several paragraphs in a cell join with a space; a nested table is flattened into it.
    let body = "<w:tbl><w:tr><w:tc>".to_string()
        + &p("Dune belt")
        + &p("(north)")
        + "</w:tc><w:tc><w:tbl><w:tr><w:tc>"
        + &p("€8 million")
        + "</w:tc></w:tr></w:tbl></w:tc><w:tc></w:tc></w:tr></w:tbl>";
    assert_eq!(text_of(&body, &[]), "Dune belt (north) | €8 million | ");
}

#[test]
fn headers_footers_and_footnotes_stay_out_of_the_body() {
    let text = convert(&fixture("declaration.docx")).unwrap().text;
    assert!(!text.contains("draft for ministers") && !text.contains("Page 1"));
}

#[test]
fn core_properties_give_title_and_creation_date() {
    let c = convert(&fixture("declaration.docx")).unwrap();
    assert_eq!(c.title.as_deref(), Some(TITLE));
    assert_eq!(c.date.as_deref(), Some("2024-03-14"));
    let long = convert(&fixture("long.docx")).unwrap();
    assert_eq!(
        long.title.as_deref(),
        Some("Coastal Resilience Programme: Full Report")
    );
    assert_eq!(long.date.as_deref(), Some("2024-03-14"));
    assert_eq!(paras_of(&long.text).len(), 800);
}

fn core(title: &str) -> String {
    format!(
        "<?xml version='1.0'?><cp:coreProperties \
         xmlns:cp='http://schemas.openxmlformats.org/package/2006/metadata/core-properties' \
         xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:dcterms='http://purl.org/dc/terms/'>\
         <dc:title>{title}</dc:title><dcterms:created>2023-11-05T08:00:00Z</dcterms:created>\
         </cp:coreProperties>"
    )
}

const STYLES: &str = "<?xml version='1.0'?><w:styles xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>\
    <w:style w:type='paragraph' w:styleId='Titre'><w:name w:val='Title'/></w:style>\
    <w:style w:type='paragraph' w:styleId='Titre1'><w:name w:val='heading 1'/>\
      <w:pPr><w:numPr><w:numId w:val='2'/></w:numPr></w:pPr></w:style>\
    <w:style w:type='paragraph' w:styleId='Liste'><w:name w:val='List Number'/>\
      <w:pPr><w:numPr><w:numId w:val='2'/></w:numPr></w:pPr></w:style>\
    <w:style w:type='paragraph' w:styleId='Liste2'><w:name w:val='my list'/><w:basedOn w:val='Liste'/></w:style>\
    </w:styles>";

const NUMBERING: &str = "<?xml version='1.0'?><w:numbering xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>\
    <w:abstractNum w:abstractNumId='10'>\
      <w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='decimal'/></w:lvl>\
      <w:lvl w:ilvl='1'><w:start w:val='1'/><w:numFmt w:val='lowerLetter'/></w:lvl>\
      <w:lvl w:ilvl='2'><w:start w:val='1'/><w:numFmt w:val='upperRoman'/></w:lvl></w:abstractNum>\
    <w:abstractNum w:abstractNumId='11'><w:lvl w:ilvl='0'><w:numFmt w:val='bullet'/></w:lvl></w:abstractNum>\
    <w:num w:numId='2'><w:abstractNumId w:val='10'/></w:num>\
    <w:num w:numId='3'><w:abstractNumId w:val='10'/></w:num>\
    <w:num w:numId='4'><w:abstractNumId w:val='10'/><w:lvlOverride w:ilvl='0'><w:startOverride w:val='7'/></w:lvlOverride></w:num>\
    <w:num w:numId='5'><w:abstractNumId w:val='11'/></w:num>\
    </w:numbering>";

const DOC_RELS: &str = "<?xml version='1.0'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>\
    <Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles' Target='styles2.xml'/>\
    <Relationship Id='rId2' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering' Target='/word/numbering.xml'/>\
    </Relationships>";

fn item(text: &str, num: &str, ilvl: u32) -> String {
    format!(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val='{ilvl}'/><w:numId w:val='{num}'/></w:numPr></w:pPr>\
         <w:r><w:t>{text}</w:t></w:r></w:p>"
    )
}

fn styled(text: &str, style: &str) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val='{style}'/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn lists(body: &str) -> Vec<String> {
    let extra = [
        ("word/_rels/document.xml.rels", DOC_RELS),
        // Named by the main part's relationships, not by the usual name.
        ("word/styles2.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
    ];
    paras_of(&text_of(body, &extra))
        .into_iter()
        .map(String::from)
        .collect()
}

#[test]
fn list_formats_levels_restarts_and_overrides_follow_numbering_xml() {
    let body = [
        item("One.", "2", 0),
        item("Sub a.", "2", 1),
        item("Sub b.", "2", 1),
        item("Deep.", "2", 2),
        item("Two.", "2", 0),
        item("Sub again.", "2", 1),
        // Another instance of the same definition continues its count…
        item("Three.", "3", 0),
        // …unless it overrides the start.
        item("Seven.", "4", 0),
        item("Bullet.", "5", 0),
        item("Not a list.", "0", 0),
        styled("Styled item.", "Liste"),
        styled("Inherited item.", "Liste2"),
    ]
    .concat();
    assert_eq!(
        lists(&body),
        [
            "1. One.",
            "a) Sub a.",
            "b) Sub b.",
            "I) Deep.",
            "2. Two.",
            "a) Sub again.",
            "3. Three.",
            "7. Seven.",
            "• Bullet.",
            "Not a list.",
            "8. Styled item.",
            "9. Inherited item.",
        ]
    );
}

#[test]
fn headings_are_units_without_markers_and_stand_in_for_a_junk_title() {
    let body = styled(TITLE, "Titre") + &styled("Background", "Titre1") + &p(PARAS[0]);
    let extra = [
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/styles2.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
        ("docProps/core.xml", &core("Microsoft Word - draft3.docx")),
    ];
    let c = convert(&docx(&body, &extra)).unwrap();
    assert_eq!(paras_of(&c.text), [TITLE, "Background", PARAS[0]]);
    assert_eq!(
        c.title.as_deref(),
        Some(TITLE),
        "the Title paragraph replaces a junk dc:title"
    );
    assert_eq!(c.date.as_deref(), Some("2023-11-05"));
    let extra = [(
        "docProps/core.xml",
        &core("Coastal &amp; dune plan") as &str,
    )];
    assert_eq!(
        convert(&docx(&p(PARAS[0]), &extra))
            .unwrap()
            .title
            .as_deref(),
        Some("Coastal & dune plan")
    );
}

#[test]
fn moves_format_changes_hidden_runs_and_fallback_copies_are_left_out() {
    let body = "<w:p>\
        <w:pPr><w:tabs><w:tab w:val='left' w:pos='720'/></w:tabs>\
          <w:pPrChange><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='5'/></w:numPr></w:pPr></w:pPrChange></w:pPr>\
        <w:moveFrom><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom>\
        <w:r><w:t>Non</w:t></w:r><w:r><w:noBreakHyphen/><w:t>binding</w:t></w:r>\
        <w:r><w:rPr><w:vanish/></w:rPr><w:t> hidden</w:t></w:r>\
        <w:r><w:rPr><w:vanish w:val='0'/></w:rPr><w:t> text</w:t></w:r>\
        <w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:txbx><w:txbxContent>\
          <w:p><w:r><w:t>Text box.</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>\
          <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Text box.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>\
        </mc:AlternateContent></w:r>\
        <w:r><w:t xml:space='preserve'> is here.</w:t></w:r></w:p>";
    let extra = [("word/numbering.xml", NUMBERING)];
    assert_eq!(
        paras_of(&text_of(body, &extra)),
        ["Text box.", "Non-binding text is here."]
    );
}

#[test]
fn only_predefined_entities_and_character_references_are_expanded() {
    let document = format!(
        "<?xml version='1.0'?><!DOCTYPE w:document [<!ENTITY big 'EXPANDED'>]>\
         <w:document {W}><w:body><w:p><w:r><w:t>A &amp; B &lt;C&gt; &#8364;5 &#x2019;&big;</w:t></w:r></w:p>\
         </w:body></w:document>"
    );
    let bytes = zip_of(&[
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ]);
    assert_eq!(convert(&bytes).unwrap().text, "A & B <C> €5 ’");
}

#[test]
fn damaged_and_foreign_files_are_refused_with_their_reason() {
    assert!(matches!(
        convert(&fixture("truncated.docx")),
        Err(ConvertError::DocxDamaged(reason)) if reason.starts_with("not a readable zip archive")
    ));
    assert_eq!(
        convert(&fixture("plain_zip.docx")),
        Err(ConvertError::NotWord)
    );
    assert_eq!(
        convert(&fixture("ole_legacy.docx")),
        Err(ConvertError::OleContainer)
    );
    let broken = docx("<w:p><w:r><w:t>Broken</w:r></w:p>", &[]);
    assert!(matches!(
        convert(&broken),
        Err(ConvertError::DocxDamaged(reason)) if reason.starts_with("word/document.xml: ")
    ));
    // A spreadsheet's package: its main part is no Word document.
    let rels = PACKAGE_RELS.replace("word/document.xml", "xl/workbook.xml");
    let workbook = zip_of(&[
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", b"<?xml version='1.0'?><workbook/>"),
    ]);
    assert_eq!(convert(&workbook), Err(ConvertError::NotWord));
}

#[test]
fn too_many_entries_are_refused() {
    let names: Vec<String> = (0..10_001).map(|i| format!("x/{i}")).collect();
    let mut parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let document = format!(
        "<w:document {W}><w:body>{}</w:body></w:document>",
        p("Text.")
    );
    parts.push(("word/document.xml", document.as_bytes()));
    assert!(matches!(
        convert(&zip_of(&parts)),
        Err(ConvertError::DocxDamaged(reason)) if reason.contains("10002 entries")
    ));
}

fn is_bomb(result: Result<cordiale::corpus::convert::Converted, ConvertError>) -> bool {
    matches!(result, Err(ConvertError::ZipBomb { part, limit_mb: 64 }) if part == "word/document.xml")
}

/// A document.xml of `size` bytes: a valid start, then spaces.
fn big_document(size: usize) -> Vec<u8> {
    let mut xml = format!("<w:document {W}><w:body><w:p><w:r><w:t>").into_bytes();
    xml.resize(size, b' ');
    xml
}

#[test]
fn a_part_declared_past_the_limit_is_refused_before_inflating() {
    // 65 MiB against the 64 MiB limit: deflates to ~65 KB.
    let bytes = zip_of(&[
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/document.xml", &big_document(65 << 20)),
    ]);
    assert!(bytes.len() < 1 << 20);
    assert!(is_bomb(convert(&bytes)));
    // Refused from the header, before inflating: with its deflated data spoilt halfway
    // (where ~32 MiB would have come out, under the limit) it is still a bomb, not a
    // damaged file.
    let mut spoilt = bytes.clone();
    let name = b"word/document.xml";
    let local = spoilt
        .windows(4)
        .enumerate()
        .position(|(i, w)| w == b"PK\x03\x04" && spoilt[i + 30..].starts_with(name))
        .expect("the document's local header");
    let extra = u16::from_le_bytes([spoilt[local + 28], spoilt[local + 29]]) as usize;
    let data = local + 30 + name.len() + extra;
    let size = u32::from_le_bytes(spoilt[local + 18..local + 22].try_into().unwrap()) as usize;
    for b in &mut spoilt[data + size / 2..data + size / 2 + 64] {
        *b = 0xff;
    }
    assert!(is_bomb(convert(&spoilt)), "{:?}", convert(&spoilt).err());
}

/// Overwrites the declared uncompressed size of the zip's first entry (local header and
/// central directory), as a zip bomb's lying header does.
fn lie_about_size(bytes: &mut [u8], name: &str, size: u32) {
    let local = 0;
    assert_eq!(&bytes[local..local + 4], b"PK\x03\x04");
    assert_eq!(&bytes[local + 30..local + 30 + name.len()], name.as_bytes());
    bytes[local + 22..local + 26].copy_from_slice(&size.to_le_bytes());
    let central = bytes
        .windows(4)
        .position(|w| w == b"PK\x01\x02")
        .expect("a central directory");
    bytes[central + 24..central + 28].copy_from_slice(&size.to_le_bytes());
}

#[test]
fn a_header_that_understates_the_size_is_refused() {
    // 8 MiB inflated, declared as 1000 bytes while its compressed data is larger.
    let mut bytes = zip_of(&[
        ("word/document.xml", &big_document(8 << 20)),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
    ]);
    lie_about_size(&mut bytes, "word/document.xml", 1000);
    assert!(is_bomb(convert(&bytes)));
    // 65 MiB declared as 1 MiB, a plausible ratio: inflating stops at the declared size.
    let mut bytes = zip_of(&[
        ("word/document.xml", &big_document(65 << 20)),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
    ]);
    lie_about_size(&mut bytes, "word/document.xml", 1 << 20);
    assert!(is_bomb(convert(&bytes)));
}

/// Release-build timing for the report (not a benchmark):
/// `cargo test --release --test convert_docx timing -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_of_long_docx_and_bombs() {
    let long = fixture("long.docx");
    for run in 0..5 {
        let t = std::time::Instant::now();
        let c = convert(&long).unwrap();
        println!(
            "long.docx ({} bytes of text), run {run}: {:?}",
            c.text.len(),
            t.elapsed()
        );
    }
    let bytes = zip_of(&[
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/document.xml", &big_document(65 << 20)),
    ]);
    let t = std::time::Instant::now();
    assert!(is_bomb(convert(&bytes)));
    println!(
        "65 MiB bomb ({} bytes zipped) refused in {:?}",
        bytes.len(),
        t.elapsed()
    );
    let mut bytes = zip_of(&[
        ("word/document.xml", &big_document(65 << 20)),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
    ]);
    lie_about_size(&mut bytes, "word/document.xml", 1 << 20);
    let t = std::time::Instant::now();
    assert!(is_bomb(convert(&bytes)));
    println!("lying 65 MiB bomb refused in {:?}", t.elapsed());
}

#[test]
fn a_damaged_numbering_part_or_an_empty_body_is_a_note_not_an_error() {
    let extra = [("word/numbering.xml", "<w:numbering><w:num></w:abstractNum>")];
    let c = convert(&docx(&item("One.", "2", 0), &extra)).unwrap();
    assert_eq!(c.text, "• One.");
    assert_eq!(c.notes.len(), 1);
    assert!(
        c.notes[0].starts_with("word/numbering.xml is damaged"),
        "{:?}",
        c.notes
    );
    let c = convert(&docx("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>", &[])).unwrap();
    assert_eq!(
        (c.text.as_str(), c.notes),
        ("", vec!["the document has no text".to_string()])
    );
}
