//! Word documents (.docx): the body's paragraphs, list items and table rows as units, with
//! the title and creation date of the core properties.
//!
//! A .docx is a zip of XML parts. We read it by hand with `zip` and the streaming
//! `quick-xml` reader (measured against docx-rs in docs/research/issue-17-formats.md §3:
//! docx-rs lost list markers and core properties and hung on a zip bomb). Every part is
//! inflated through a hard cap, the archive's entry count is capped, and the XML reader
//! never expands an entity beyond the five predefined ones, so a hostile file costs at most
//! [`MAX_XML_PART_BYTES`] per part. The parse is a flat event loop: no recursion.
//!
//! What the text holds: paragraphs (tracked insertions in, tracked deletions and moved-from
//! text out), field results without their instructions, hyperlink text, text boxes as their
//! own units; list items with their marker ("• ", "3. ", "b) ") numbered per list and level
//! as Word counts them; table rows as one unit each, cells separated by
//! [`CELL_SEPARATOR`]. A tab or a line break inside a paragraph is a space, a non-breaking
//! hyphen "-", a soft hyphen nothing. Footnotes, comments, headers and footers are parts of
//! their own and stay out of the body.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::clean::{CELL_SEPARATOR, clean_title, inline_text, iso_date, ordinal_marker};
use super::{ConvertError, Converted, MAX_XML_PART_BYTES, SourceKind};

/// A Word file holds a few dozen entries; more than this is hostile or not a document.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Converts a .docx file.
pub fn convert(bytes: &[u8]) -> Result<Converted, ConvertError> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(ConvertError::OleContainer);
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| damaged(format!("not a readable zip archive ({e})")))?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(damaged(format!(
            "{} entries in the archive (the limit is {MAX_ZIP_ENTRIES})",
            zip.len()
        )));
    }
    let package_rels = read_part(&mut zip, "_rels/.rels")?
        .map(|xml| relationships(&xml, ""))
        .unwrap_or_default();
    let (main, document) = main_part(&mut zip, &package_rels)?;
    let mut notes = Vec::new();
    let main_rels = read_part(&mut zip, &rels_path_of(&main))?
        .map(|xml| relationships(&xml, dir_of(&main)))
        .unwrap_or_default();
    let styles = match aux_part(&mut zip, &main_rels, "/styles", "word/styles.xml")? {
        Some((name, xml)) => Styles::parse(&xml).unwrap_or_else(|e| {
            notes.push(format!(
                "{name} is damaged ({e}): list markers may be missing"
            ));
            Styles::default()
        }),
        None => Styles::default(),
    };
    let numbering = match aux_part(&mut zip, &main_rels, "/numbering", "word/numbering.xml")? {
        Some((name, xml)) => Numbering::parse(&xml).unwrap_or_else(|e| {
            notes.push(format!(
                "{name} is damaged ({e}): list numbers may be wrong"
            ));
            Numbering::default()
        }),
        None => Numbering::default(),
    };
    let core = match aux_part(
        &mut zip,
        &package_rels,
        "/core-properties",
        "docProps/core.xml",
    )? {
        Some((_, xml)) => CoreProperties::parse(&xml),
        None => CoreProperties::default(),
    };
    let body = Body::read(&document, &main, &styles, &numbering)?;
    if body.units.is_empty() {
        notes.push("the document has no text".into());
    }
    let title = core
        .title
        .as_deref()
        .and_then(clean_title)
        .or(body.first_title)
        .or(body.first_heading);
    Ok(Converted {
        text: body.units.join("\n\n"),
        pages: Vec::new(),
        title,
        date: core.created.as_deref().and_then(iso_date),
        source: SourceKind::Docx,
        notes,
    })
}

fn damaged(reason: String) -> ConvertError {
    ConvertError::DocxDamaged(reason)
}

// ---------------------------------------------------------------------------------------
// The package: parts, limits, relationships

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// A part's text, `None` when the archive has no such part. The declared size is checked
/// first, then the inflated bytes are read through a cap: a header can lie.
fn read_part(zip: &mut Zip, name: &str) -> Result<Option<String>, ConvertError> {
    let bomb = || ConvertError::ZipBomb {
        part: name.to_string(),
        limit_mb: MAX_XML_PART_BYTES >> 20,
    };
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(damaged(format!("{name}: {e}"))),
    };
    let declared = file.size();
    if declared > MAX_XML_PART_BYTES || understates(file.compressed_size(), declared) {
        return Err(bomb());
    }
    let mut buf = Vec::with_capacity(declared as usize);
    if let Err(e) = file.take(MAX_XML_PART_BYTES + 1).read_to_end(&mut buf) {
        // The zip crate stops a part that inflates past its declared size with this error.
        return Err(if e.to_string().contains("larger than its declared") {
            bomb()
        } else {
            damaged(format!("{name}: {e}"))
        });
    }
    if buf.len() as u64 > MAX_XML_PART_BYTES {
        return Err(bomb());
    }
    xml_text(buf)
        .map(Some)
        .ok_or_else(|| damaged(format!("{name} is not UTF-8 or UTF-16 text")))
}

/// True when a part's declared inflated size is smaller than its compressed size allows:
/// deflate never grows data by more than a few bytes per 16 KiB block, so such a header
/// lies, as zip bombs' headers do.
fn understates(compressed: u64, declared: u64) -> bool {
    compressed
        > declared
            .saturating_add(declared / 1000)
            .saturating_add(1024)
}

/// A part's bytes as text: UTF-8 (the norm), or UTF-16 with a byte-order mark (allowed
/// by the format); a UTF-8 byte-order mark is dropped.
fn xml_text(buf: Vec<u8>) -> Option<String> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&buf) {
        let (text, bad) = encoding.decode_without_bom_handling(&buf[bom..]);
        return (!bad).then(|| text.into_owned());
    }
    String::from_utf8(buf).ok()
}

/// The main document part and its text: the target of the package's `officeDocument`
/// relationship (Word Online writes `/word/document2.xml`), else `word/document.xml`.
fn main_part(
    zip: &mut Zip,
    package_rels: &[Relationship],
) -> Result<(String, String), ConvertError> {
    let named = package_rels
        .iter()
        .find(|r| r.kind.ends_with("/officeDocument"))
        .map(|r| r.target.clone());
    for name in named.into_iter().chain(["word/document.xml".to_string()]) {
        if let Some(xml) = read_part(zip, &name)? {
            return Ok((name, xml));
        }
    }
    Err(ConvertError::NotWord)
}

/// A part named by a relationship of `kind` (the end of its type URI), else `fallback`.
fn aux_part(
    zip: &mut Zip,
    rels: &[Relationship],
    kind: &str,
    fallback: &str,
) -> Result<Option<(String, String)>, ConvertError> {
    let named = rels
        .iter()
        .find(|r| r.kind.ends_with(kind))
        .map(|r| r.target.clone());
    for name in named.into_iter().chain([fallback.to_string()]) {
        if let Some(xml) = read_part(zip, &name)? {
            return Ok(Some((name, xml)));
        }
    }
    Ok(None)
}

/// One `<Relationship>` of a `.rels` part, its target resolved to a part name.
#[derive(Debug, Clone)]
struct Relationship {
    kind: String,
    target: String,
}

/// The internal relationships of a `.rels` part whose targets are relative to `base`.
fn relationships(xml: &str, base: &str) -> Vec<Relationship> {
    let mut out = Vec::new();
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if local(e.name().0) == "Relationship" => {
                if attr(&e, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("external")) {
                    continue;
                }
                if let (Some(kind), Some(target)) = (attr(&e, "Type"), attr(&e, "Target")) {
                    out.push(Relationship {
                        kind,
                        target: resolve(base, &target),
                    });
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// A relationship target as a part name: "/word/document2.xml" is absolute, "styles.xml"
/// relative to `base` ("word"); "." and ".." segments resolved.
fn resolve(base: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None if base.is_empty() => target.to_string(),
        None => format!("{base}/{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    parts.join("/")
}

/// "word/document2.xml" → "word".
fn dir_of(part: &str) -> &str {
    part.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// "word/document2.xml" → "word/_rels/document2.xml.rels".
fn rels_path_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

// ---------------------------------------------------------------------------------------
// XML helpers

/// An element's or attribute's name without its namespace prefix.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// An attribute's value by local name, predefined entities resolved.
fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.0) == key)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_or_else(|_| a.value.to_string(), |v| v.into_owned())
        })
}

/// Appends a text or reference event's characters to `out`: character references and the
/// five predefined entities only (a DTD's own entities are never expanded).
fn push_text(out: &mut String, event: &Event) {
    match event {
        Event::Text(t) => out.push_str(&t.xml10_content()),
        Event::CData(c) => out.push_str(c),
        Event::GeneralRef(r) => {
            if let Ok(Some(c)) = r.resolve_char_ref() {
                out.push(c);
            } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
            {
                out.push_str(s);
            }
        }
        _ => {}
    }
}

/// A quick-xml error, short enough for a warning, with where it happened.
fn xml_error(part: &str, reader: &Reader<&[u8]>, e: quick_xml::Error) -> ConvertError {
    let mut reason = e.to_string();
    if reason.len() > 120 {
        let cut = (0..=120)
            .rev()
            .find(|&i| reason.is_char_boundary(i))
            .unwrap_or(0);
        reason.truncate(cut);
        reason.push('…');
    }
    damaged(format!(
        "{part}: {reason} (at byte {})",
        reader.error_position()
    ))
}

// ---------------------------------------------------------------------------------------
// Styles and numbering

/// What `styles.xml` says about paragraph styles: their numbering and which are headings.
#[derive(Debug, Default)]
struct Styles {
    /// styleId → (numId, ilvl) of a style that numbers its paragraphs ("List Number").
    numbering: HashMap<String, (String, Option<u32>)>,
    /// styleId → 0 for Title, N for "heading N".
    headings: HashMap<String, u32>,
    based_on: HashMap<String, String>,
}

impl Styles {
    fn parse(xml: &str) -> Result<Styles, quick_xml::Error> {
        let mut styles = Styles::default();
        let mut reader = Reader::from_str(xml);
        let mut id: Option<String> = None;
        let (mut num, mut lvl) = (None::<String>, None::<u32>);
        loop {
            match reader.read_event()? {
                Event::Start(e) | Event::Empty(e) => match local(e.name().0) {
                    "style" => {
                        id = attr(&e, "styleId");
                        (num, lvl) = (None, None);
                    }
                    "name" => {
                        let name = attr(&e, "val").unwrap_or_default().to_lowercase();
                        let level = match name.strip_prefix("heading ") {
                            Some(n) => n.trim().parse().ok(),
                            None => (name == "title").then_some(0),
                        };
                        if let (Some(id), Some(level)) = (&id, level) {
                            styles.headings.insert(id.clone(), level);
                        }
                    }
                    "basedOn" => {
                        if let (Some(id), Some(base)) = (&id, attr(&e, "val")) {
                            styles.based_on.insert(id.clone(), base);
                        }
                    }
                    "numId" => num = attr(&e, "val"),
                    "ilvl" => lvl = attr(&e, "val").and_then(|v| v.parse().ok()),
                    _ => {}
                },
                Event::End(e) if local(e.name().0) == "style" => {
                    if let (Some(id), Some(num)) = (id.take(), num.take()) {
                        styles.numbering.insert(id, (num, lvl));
                    }
                }
                Event::Eof => return Ok(styles),
                _ => {}
            }
        }
    }

    /// The numbering a style gives its paragraphs, through its `basedOn` chain (cut
    /// short, so a cycle in a damaged file ends).
    fn numbering_of(&self, style: &str) -> Option<&(String, Option<u32>)> {
        let mut id = style;
        for _ in 0..16 {
            if let Some(n) = self.numbering.get(id) {
                return Some(n);
            }
            id = self.based_on.get(id)?;
        }
        None
    }
}

/// One level of a list definition.
#[derive(Debug, Clone)]
struct Level {
    /// `numFmt`: "bullet", "decimal", "lowerLetter", "upperRoman", "none"…
    format: String,
    start: i64,
}

/// What `numbering.xml` says: list definitions (abstractNum) and the list instances (num)
/// paragraphs refer to.
#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → ilvl → level.
    abstracts: HashMap<String, HashMap<u32, Level>>,
    /// numId → (abstractNumId, ilvl → startOverride).
    nums: HashMap<String, (String, HashMap<u32, i64>)>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Numbering, quick_xml::Error> {
        let mut numbering = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut level: Option<u32> = None;
        let mut num: Option<String> = None;
        let mut override_level: Option<u32> = None;
        loop {
            match reader.read_event()? {
                Event::Start(e) | Event::Empty(e) => match local(e.name().0) {
                    "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                    "num" => num = attr(&e, "numId"),
                    "lvl" if num.is_none() => level = attr(&e, "ilvl").and_then(|v| v.parse().ok()),
                    "lvlOverride" => override_level = attr(&e, "ilvl").and_then(|v| v.parse().ok()),
                    "start" | "numFmt" => {
                        if let (Some(a), Some(l)) = (&abstract_id, level) {
                            let entry = numbering
                                .abstracts
                                .entry(a.clone())
                                .or_default()
                                .entry(l)
                                .or_insert(Level {
                                    format: "decimal".into(),
                                    start: 1,
                                });
                            let val = attr(&e, "val").unwrap_or_default();
                            // A later numFmt wins: Word writes a custom format first and
                            // its plain fallback (mc:Fallback) after it.
                            if local(e.name().0) == "numFmt" {
                                entry.format = val;
                            } else {
                                entry.start = val.trim().parse().unwrap_or(1);
                            }
                        }
                    }
                    "abstractNumId" => {
                        if let (Some(n), Some(a)) = (&num, attr(&e, "val")) {
                            numbering.nums.entry(n.clone()).or_default().0 = a;
                        }
                    }
                    "startOverride" => {
                        if let (Some(n), Some(l)) = (&num, override_level)
                            && let Some(v) = attr(&e, "val").and_then(|v| v.trim().parse().ok())
                        {
                            numbering.nums.entry(n.clone()).or_default().1.insert(l, v);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match local(e.name().0) {
                    "abstractNum" => (abstract_id, level) = (None, None),
                    "num" => num = None,
                    "lvlOverride" => override_level = None,
                    _ => {}
                },
                Event::Eof => return Ok(numbering),
                _ => {}
            }
        }
    }
}

/// The running counts of the lists met so far. Word counts per list definition: list
/// instances (numIds) that share one continue its count unless they override its start.
#[derive(Debug, Default)]
struct Counters {
    /// list key → count per level.
    counts: HashMap<String, Vec<Option<i64>>>,
    /// numIds met so far (a startOverride applies where an instance is first used).
    seen: HashSet<String>,
}

impl Counters {
    /// The marker of the next paragraph of list `num_id` at level `ilvl`; "" for none.
    fn marker(&mut self, numbering: &Numbering, num_id: &str, ilvl: u32) -> String {
        let ilvl = ilvl.min(8);
        let (key, overrides) = match numbering.nums.get(num_id) {
            Some((abs, overrides)) if !abs.is_empty() => (abs.clone(), Some(overrides)),
            _ => (format!("num {num_id}"), None),
        };
        let level = numbering
            .abstracts
            .get(&key)
            .and_then(|levels| levels.get(&ilvl))
            .cloned()
            .unwrap_or(Level {
                format: "bullet".into(),
                start: 1,
            });
        let counts = self.counts.entry(key).or_insert_with(|| vec![None; 9]);
        if self.seen.insert(num_id.to_string()) {
            for &l in overrides.into_iter().flat_map(|o| o.keys()) {
                if let Some(c) = counts.get_mut(l as usize) {
                    *c = None;
                }
            }
        }
        let i = ilvl as usize;
        let start = overrides
            .and_then(|o| o.get(&ilvl))
            .copied()
            .unwrap_or(level.start);
        let n = counts[i].map_or(start, |c| c + 1);
        counts[i] = Some(n);
        // A deeper level restarts after a shallower item.
        for deeper in counts.iter_mut().skip(i + 1) {
            *deeper = None;
        }
        match level.format.as_str() {
            "bullet" => "• ".into(),
            "none" => String::new(),
            "lowerLetter" => ordinal_marker('a', n),
            "upperLetter" => ordinal_marker('A', n),
            "lowerRoman" => ordinal_marker('i', n),
            "upperRoman" => ordinal_marker('I', n),
            _ => ordinal_marker('1', n),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Core properties

#[derive(Debug, Default)]
struct CoreProperties {
    title: Option<String>,
    created: Option<String>,
}

impl CoreProperties {
    /// `dc:title` and `dcterms:created`; a damaged part gives what was read before the
    /// damage (metadata is optional).
    fn parse(xml: &str) -> CoreProperties {
        let mut props = CoreProperties::default();
        let mut reader = Reader::from_str(xml);
        let mut current: Option<(&'static str, String)> = None;
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            match &event {
                Event::Start(e) => {
                    current = match local(e.name().0) {
                        "title" => Some(("title", String::new())),
                        "created" => Some(("created", String::new())),
                        _ => None,
                    }
                }
                Event::End(_) => match current.take() {
                    Some(("title", text)) if props.title.is_none() => props.title = Some(text),
                    Some(("created", text)) if props.created.is_none() => {
                        props.created = Some(text)
                    }
                    _ => {}
                },
                _ => {
                    if let Some((_, text)) = &mut current {
                        push_text(text, &event);
                    }
                }
            }
        }
        props
    }
}

// ---------------------------------------------------------------------------------------
// The body

/// Elements whose whole content is left out: tracked deletions and moves away, the old
/// properties of tracked format changes, and the fallback copy of alternate content (a
/// text box is written twice: DrawingML in mc:Choice, VML in mc:Fallback).
const SKIPPED: &[&str] = &[
    "del",
    "moveFrom",
    "pPrChange",
    "rPrChange",
    "sectPrChange",
    "tblPrChange",
    "tblPrExChange",
    "trPrChange",
    "tcPrChange",
    "tblGridChange",
    "numberingChange",
    "Fallback",
];

/// A paragraph being read.
#[derive(Debug, Default)]
struct Para {
    text: String,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u32>,
}

/// The body's units, and the headings that can stand in for a missing title.
#[derive(Debug, Default)]
struct Body {
    units: Vec<String>,
    first_title: Option<String>,
    first_heading: Option<String>,
}

/// The reading state of the body's event loop.
struct BodyReader<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    counters: Counters,
    body: Body,
    /// Open paragraphs: more than one inside a text box.
    paras: Vec<Para>,
    /// Depth inside a [`SKIPPED`] element (0: reading).
    skip: usize,
    runs: usize,
    run_hidden: bool,
    in_text: bool,
    tables: usize,
    row: Vec<String>,
    cell: String,
}

impl Body {
    fn read(
        xml: &str,
        part: &str,
        styles: &Styles,
        numbering: &Numbering,
    ) -> Result<Body, ConvertError> {
        let mut r = BodyReader {
            styles,
            numbering,
            counters: Counters::default(),
            body: Body::default(),
            paras: Vec::new(),
            skip: 0,
            runs: 0,
            run_hidden: false,
            in_text: false,
            tables: 0,
            row: Vec::new(),
            cell: String::new(),
        };
        let mut reader = Reader::from_str(xml);
        let mut root_seen = false;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| xml_error(part, &reader, e))?;
            match &event {
                Event::Start(e) | Event::Empty(e) if !root_seen => {
                    // A package whose main part is a workbook or a presentation.
                    if local(e.name().0) != "document" {
                        return Err(ConvertError::NotWord);
                    }
                    root_seen = true;
                }
                Event::Start(e) => r.start(e, false),
                Event::Empty(e) => r.start(e, true),
                Event::End(e) => r.end(local(e.name().0)),
                Event::Eof => break,
                _ => {
                    if r.skip == 0
                        && r.in_text
                        && !r.run_hidden
                        && let Some(para) = r.paras.last_mut()
                    {
                        push_text(&mut para.text, &event);
                    }
                }
            }
        }
        if !root_seen {
            return Err(ConvertError::NotWord);
        }
        Ok(r.body)
    }
}

impl BodyReader<'_> {
    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = local(e.name().0);
        if self.skip > 0 {
            self.skip += usize::from(!empty);
            return;
        }
        if SKIPPED.contains(&name) {
            self.skip = usize::from(!empty);
            return;
        }
        let in_run = self.runs > 0;
        let para = self.paras.last_mut();
        match (name, para) {
            ("p", _) if !empty => self.paras.push(Para::default()),
            ("r", _) if !empty => {
                self.runs += 1;
                self.run_hidden = false;
            }
            ("vanish", _) if in_run => {
                self.run_hidden = !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off"));
            }
            ("t", _) => self.in_text = !empty,
            ("tab" | "ptab" | "br" | "cr", Some(p)) if in_run => p.text.push(' '),
            ("noBreakHyphen", Some(p)) if in_run => p.text.push('-'),
            ("pStyle", Some(p)) => p.style = attr(e, "val"),
            ("numId", Some(p)) => p.num_id = attr(e, "val"),
            ("ilvl", Some(p)) => p.ilvl = attr(e, "val").and_then(|v| v.parse().ok()),
            ("tbl", _) if !empty => self.tables += 1,
            ("tr", _) if self.tables == 1 => self.row.clear(),
            ("tc", _) if self.tables == 1 => self.cell.clear(),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            "t" => self.in_text = false,
            "r" => {
                self.runs = self.runs.saturating_sub(1);
                self.run_hidden = false;
            }
            "p" => {
                if let Some(para) = self.paras.pop() {
                    self.end_paragraph(para);
                }
            }
            "tc" if self.tables == 1 => self.row.push(std::mem::take(&mut self.cell)),
            "tr" if self.tables == 1 => {
                let row = self.row.join(CELL_SEPARATOR);
                self.row.clear();
                if row.chars().any(|c| c != '|' && !c.is_whitespace()) {
                    self.body.units.push(row);
                }
            }
            "tbl" => self.tables = self.tables.saturating_sub(1),
            _ => {}
        }
    }

    /// A finished paragraph becomes a unit (with its list marker), or joins the table
    /// cell it stands in.
    fn end_paragraph(&mut self, para: Para) {
        let text = inline_text(&para.text);
        let heading = para
            .style
            .as_deref()
            .and_then(|s| self.styles.headings.get(s).copied());
        let style_numbering = para
            .style
            .as_deref()
            .and_then(|s| self.styles.numbering_of(s));
        let num_id = para
            .num_id
            .as_deref()
            .or(style_numbering.map(|(n, _)| n.as_str()));
        let ilvl = para
            .ilvl
            .or(style_numbering.and_then(|(_, l)| *l))
            .unwrap_or(0);
        // Headings are not list items, even when Word numbers them as chapters.
        let marker = match num_id {
            Some(n) if n != "0" && heading.is_none() => {
                self.counters.marker(self.numbering, n, ilvl)
            }
            _ => String::new(),
        };
        if text.is_empty() {
            return;
        }
        match heading {
            Some(0) if self.body.first_title.is_none() => {
                self.body.first_title = clean_title(&text)
            }
            Some(1) if self.body.first_heading.is_none() => {
                self.body.first_heading = clean_title(&text)
            }
            _ => {}
        }
        let unit = marker + &text;
        if self.tables > 0 {
            if !self.cell.is_empty() {
                self.cell.push(' ');
            }
            self.cell.push_str(&unit);
        } else {
            self.body.units.push(unit);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_targets_resolve_to_part_names() {
        assert_eq!(resolve("", "/word/document2.xml"), "word/document2.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("word", "./numbering.xml"), "word/numbering.xml");
        assert_eq!(
            rels_path_of("word/document2.xml"),
            "word/_rels/document2.xml.rels"
        );
        assert_eq!(dir_of("word/document2.xml"), "word");
    }

    #[test]
    fn a_compressed_size_beyond_the_declared_one_is_a_lie() {
        assert!(understates(300_000, 1000));
        assert!(!understates(60_000, 64 << 20));
        assert!(!understates(1030, 1000), "stored data grows a little");
    }
}
