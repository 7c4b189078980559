#[path = "../../common/harness.rs"]
mod harness;
use harness::Out;
#[path = "../../common/layout.rs"]
mod layout;

/// Info dictionary string (PDFDocEncoding or UTF-16BE with BOM)
fn info(doc: &PdfDocument, key: &str) -> Option<String> {
    let t = doc.trailer();
    let info = t.as_dict()?.get("Info")?;
    let info = doc.resolve_object(info).ok()?;
    let v = info.as_dict()?.get(key)?;
    let v = doc.resolve_object(v).ok()?;
    let b = v.as_string()?;
    Some(if b.starts_with(&[0xFE, 0xFF]) {
        let u: Vec<u16> = b[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
        String::from_utf16_lossy(&u)
    } else { b.iter().map(|&c| c as char).collect() })
}
use pdf_oxide::PdfDocument;

fn extract(bytes: &[u8]) -> Result<Out, String> {
    let doc = PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| e.to_string())?;
    let n = doc.page_count().map_err(|e| e.to_string())?;
    let mode = std::env::var("MODE").unwrap_or_default();
    if mode == "layout" {
        let mut pin = Vec::new();
        for i in 0..n {
            let (x0, y0, x1, y1) = doc.get_page_media_box(i).map_err(|e| e.to_string())?;
            let (w, h) = (x1 - x0, y1 - y0);
            let chars = doc.extract_chars(i).map_err(|e| e.to_string())?;
            let glyphs = chars.iter().map(|c| layout::Glyph { x: c.origin_x, y: h - c.origin_y, w: c.bbox.width,
                size: c.font_size, text: c.char.to_string(), upright: c.rotation_degrees.abs() < 1.0 || (c.rotation_degrees.abs() - 360.0).abs() < 1.0 }).collect();
            pin.push(layout::PageIn { width: w, height: h, glyphs });
        }
        let c = layout::convert(&pin);
        let pages = c.pages.iter().map(|r| c.text[r.clone()].to_string()).collect();
        let auth = if doc.is_encrypted() { format!("{:?}", doc.authenticate(b"")) } else { "-".into() };
        return Ok(Out { pages, lines_dump: format!("{:?}", c.removed_furniture),
            meta: format!("title={:?} created={:?} empty={:?} rotated_glyphs={} enc={} auth_empty_pw={auth}", info(&doc, "Title"), info(&doc, "CreationDate"), c.empty_pages, c.rotated_glyphs, doc.is_encrypted()) });
    }
    let mut pages = Vec::with_capacity(n);
    let mut dump = String::new();
    for i in 0..n {
        let t = match mode.as_str() {
            "lines" => {
                let lines = doc.extract_text_lines(i).map_err(|e| e.to_string())?;
                if i < 2 {
                    for l in &lines {
                        dump += &format!("p{} x={:.1} y={:.1} w={:.1} h={:.1} | {}\n", i + 1, l.bbox.x, l.bbox.y, l.bbox.width, l.bbox.height, l.text);
                    }
                }
                lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n")
            }
            "plain" => doc.to_plain_text(i, &Default::default()).map_err(|e| e.to_string())?,
            _ => doc.extract_text(i).map_err(|e| e.to_string())?,
        };
        pages.push(t);
    }
    let meta = format!("encrypted={}", doc.is_encrypted());
    Ok(Out { pages, lines_dump: dump, meta })
}

fn main() {
    harness::run("pdf_oxide", extract);
}
