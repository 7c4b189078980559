#[path = "../../common/harness.rs"]
mod harness;
use harness::Out;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{Cursor, Read};

const MAX_PART: u64 = 64 << 20; // 64 MiB uncompressed per XML part
const MAX_ENTRIES: usize = 10_000;

fn read_part(z: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let f = match z.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    if f.size() > MAX_PART {
        return Err(format!("{name} would expand to {} MB (limit {} MB): refusing a possible zip bomb", f.size() >> 20, MAX_PART >> 20));
    }
    let mut buf = Vec::with_capacity(f.size() as usize);
    // never trust the declared size: cap what we actually inflate
    f.take(MAX_PART + 1).read_to_end(&mut buf).map_err(|e| format!("{name}: {e}"))?;
    if buf.len() as u64 > MAX_PART { return Err(format!("{name} expands past {} MB: possible zip bomb", MAX_PART >> 20)); }
    String::from_utf8(buf).map(Some).map_err(|_| format!("{name} is not UTF-8"))
}

fn local(name: &str) -> &str { name.rsplit(':').next().unwrap_or(name) }

fn attr(e: &quick_xml::events::BytesStart, key: &str) -> Option<String> {
    e.attributes().flatten().find(|a| local(a.key.as_ref()) == key)
        .map(|a| a.value.to_string())
}

/// styleId -> (numId, ilvl) for paragraph styles that carry numbering (List Number, List Bullet…)
fn style_numbering(xml: &str) -> HashMap<String, (String, u32)> {
    let mut m = HashMap::new();
    let mut r = Reader::from_str(xml);
    let (mut cur, mut num, mut lvl) = (None::<String>, None::<String>, 0u32);
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match local(e.name().as_ref()) {
                "style" => { cur = attr(&e, "styleId"); num = None; lvl = 0; }
                "numId" => num = attr(&e, "val"),
                "ilvl" => lvl = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0),
                _ => {}
            },
            Ok(Event::End(e)) if local(e.name().as_ref()) == "style" => {
                if let (Some(c), Some(n)) = (cur.take(), num.take()) { m.insert(c, (n, lvl)); }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    m
}

/// numId -> per-level format ("decimal", "bullet", …) via abstractNum
fn numbering_formats(xml: &str) -> HashMap<String, Vec<String>> {
    let mut abs: HashMap<String, Vec<String>> = HashMap::new();
    let mut num_to_abs: HashMap<String, String> = HashMap::new();
    let mut r = Reader::from_str(xml);
    let (mut cur_abs, mut cur_num, mut in_lvl) = (None::<String>, None::<String>, false);
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match local(e.name().as_ref()) {
                "abstractNum" => cur_abs = attr(&e, "abstractNumId"),
                "lvl" => in_lvl = true,
                "numFmt" if in_lvl => if let Some(a) = &cur_abs { abs.entry(a.clone()).or_default().push(attr(&e, "val").unwrap_or_default()); },
                "num" => cur_num = attr(&e, "numId"),
                "abstractNumId" => if let Some(n) = cur_num.take() { num_to_abs.insert(n, attr(&e, "val").unwrap_or_default()); },
                _ => {}
            },
            Ok(Event::End(e)) if local(e.name().as_ref()) == "lvl" => in_lvl = false,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    num_to_abs.into_iter().filter_map(|(n, a)| abs.get(&a).map(|v| (n, v.clone()))).collect()
}

fn core_props(xml: &str) -> (Option<String>, Option<String>) {
    let mut r = Reader::from_str(xml);
    let (mut title, mut created, mut cur) = (None, None, String::new());
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) => cur = local(e.name().as_ref()).to_string(),
            Ok(Event::Text(t)) => {
                let s = t.xml10_content().trim().to_string();
                if s.is_empty() { continue; }
                match cur.as_str() { "title" => title = Some(s), "created" => created = Some(s), _ => {} }
            }
            Ok(Event::End(_)) => cur.clear(),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    (title, created)
}

fn extract(bytes: &[u8]) -> Result<Out, String> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err("an OLE compound file: a legacy .doc or a password-protected .docx; save it as .docx without a password".into());
    }
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a readable zip: {e}"))?;
    if z.len() > MAX_ENTRIES { return Err(format!("{} entries in the zip: refusing", z.len())); }
    // the main part is named by _rels/.rels (Word Online writes /word/document2.xml)
    let main = read_part(&mut z, "_rels/.rels")?.and_then(|rels| {
        let mut r = Reader::from_str(&rels);
        loop {
            match r.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) if local(e.name().as_ref()) == "Relationship"
                    && attr(&e, "Type").is_some_and(|t| t.ends_with("/officeDocument")) =>
                    return attr(&e, "Target").map(|t| t.trim_start_matches('/').to_string()),
                Ok(Event::Eof) | Err(_) => return None,
                _ => {}
            }
        }
    }).unwrap_or_else(|| "word/document.xml".to_string());
    let doc = read_part(&mut z, &main)?.ok_or("a zip without a Word main document part: not a Word document")?;
    let styles = read_part(&mut z, "word/styles.xml")?.map(|s| style_numbering(&s)).unwrap_or_default();
    let fmts = read_part(&mut z, "word/numbering.xml")?.map(|s| numbering_formats(&s)).unwrap_or_default();
    let (title, created) = read_part(&mut z, "docProps/core.xml")?.map(|s| core_props(&s)).unwrap_or((None, None));

    let mut r = Reader::from_str(&doc);
    let mut blocks: Vec<String> = Vec::new();
    let (mut para, mut in_t, mut in_del) = (String::new(), false, 0u32);
    let (mut p_style, mut p_num, mut p_lvl) = (None::<String>, None::<String>, 0u32);
    let mut counters: HashMap<(String, u32), u32> = HashMap::new();
    let (mut tbl_depth, mut row, mut cell) = (0u32, Vec::<String>::new(), String::new());
    loop {
        let ev = r.read_event().map_err(|e| format!("word/document.xml: {e}"))?;
        let is_empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                match local(e.name().as_ref()) {
                    "p" => { para.clear(); p_style = None; p_num = None; p_lvl = 0; }
                    "t" => in_t = !is_empty,
                    "del" | "moveFrom" if !is_empty => in_del += 1,
                    "tab" => para.push('\t'),
                    "br" | "cr" => para.push('\n'),
                    "noBreakHyphen" => para.push('-'),
                    "softHyphen" => {}
                    "pStyle" => p_style = attr(&e, "val"),
                    "numId" => p_num = attr(&e, "val"),
                    "ilvl" => p_lvl = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0),
                    "tbl" if !is_empty => tbl_depth += 1,
                    "tr" => row.clear(),
                    "tc" => cell.clear(),
                    _ => {}
                }
            }
            Event::Text(t) if in_t && in_del == 0 => para.push_str(&t.xml10_content()),
            Event::GeneralRef(g) if in_t && in_del == 0 => {
                if let Ok(Some(c)) = g.resolve_char_ref() { para.push(c) }
                else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&g.xml10_content()) { para.push_str(s) }
            }
            Event::End(e) => match local(e.name().as_ref()) {
                "t" => in_t = false,
                "del" | "moveFrom" => in_del = in_del.saturating_sub(1),
                "p" => {
                    let text = para.trim().to_string();
                    let num = p_num.clone().map(|n| (n, p_lvl))
                        .or_else(|| p_style.as_ref().and_then(|s| styles.get(s).cloned()));
                    let text = match num {
                        Some((n, lvl)) if n != "0" => {
                            let fmt = fmts.get(&n).and_then(|v| v.get(lvl as usize)).map(String::as_str).unwrap_or("bullet");
                            // a deeper level restarts when a shallower one advances
                            counters.retain(|(m, l), _| !(m == &n && *l > lvl));
                            let c = counters.entry((n, lvl)).or_insert(0); *c += 1;
                            let mark = if fmt == "bullet" { "•".to_string() } else { format!("{c}.") };
                            format!("{}{mark} {text}", "  ".repeat(lvl as usize))
                        }
                        _ => text,
                    };
                    if tbl_depth > 0 { if !cell.is_empty() && !text.is_empty() { cell.push(' '); } cell.push_str(&text); }
                    else if !text.is_empty() { blocks.push(text); }
                }
                "tc" => row.push(std::mem::take(&mut cell)),
                "tr" => blocks.push(row.join("\t")),
                "tbl" => tbl_depth = tbl_depth.saturating_sub(1),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Out { pages: vec![blocks.join("\n\n")], lines_dump: String::new(), meta: format!("title={title:?} created={created:?}") })
}
fn main() { harness::run("docx-hand", extract); }
