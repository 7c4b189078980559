//! PDF: pdf_oxide as a glyph source under our own layout layer ([`super::layout`]).
//!
//! pdf_oxide (pinned: its API is wide and changes weekly) is used only for what every PDF
//! reader must do — open, decrypt, count pages, give each page's positioned characters and
//! the trailer's `/Info` — so this adapter is the one place that knows its API. Its traps are
//! handled here: a file that needs a password opens with empty pages and no error, and a
//! scanned file is "fine" with no text.

use pdf_oxide::PdfDocument;

use super::clean::clean_title;
use super::layout::{self, Glyph, PageGlyphs};
use super::{ConvertError, Converted, SourceKind};
use crate::calendar::iso_day;

/// Converts a PDF file's bytes into text with one byte range per page.
pub fn convert(bytes: &[u8]) -> Result<Converted, ConvertError> {
    let doc = PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| damaged(&e))?;
    if doc.is_encrypted() {
        // with a user password pdf_oxide gives empty pages and no error; permissions-only
        // encryption (an empty user password) is read normally
        let opened = doc.authenticate(b"").map_err(|e| {
            ConvertError::PdfDamaged(format!("unreadable encryption: {}", short(&e)))
        })?;
        if !opened {
            return Err(ConvertError::PdfPassword);
        }
    }
    let count = doc.page_count().map_err(|e| damaged(&e))?;
    if count == 0 {
        return Err(no_readable_page(None));
    }
    let mut pages = Vec::with_capacity(count);
    let mut failed: Vec<(usize, String)> = Vec::new();
    for index in 0..count {
        match page_glyphs(&doc, index) {
            Ok(page) => pages.push(page),
            Err(e) => {
                failed.push((index + 1, short(&e)));
                pages.push(PageGlyphs::default());
            }
        }
    }
    if failed.len() == count {
        return Err(no_readable_page(failed.first().map(|f| f.1.as_str())));
    }
    let laid = layout::lay_out(&pages);
    let failed_pages: Vec<usize> = failed.iter().map(|f| f.0).collect();
    let empty: Vec<usize> = laid
        .empty_pages
        .iter()
        .copied()
        .filter(|p| !failed_pages.contains(p))
        .collect();
    if empty.len() + failed.len() == count {
        return Err(if has_images(&doc, count) {
            ConvertError::NoTextLayer
        } else {
            ConvertError::PdfNoText
        });
    }
    let mut notes = Vec::new();
    notes.extend(
        failed
            .iter()
            .map(|(p, why)| format!("p. {p} could not be read ({why}): its text is missing")),
    );
    if !empty.is_empty() {
        notes.push(empty_pages_note(&empty));
    }
    if laid.rotated > 0 {
        notes.push(format!(
            "{} rotated characters left out: margin notes or a watermark",
            laid.rotated
        ));
    }
    Ok(Converted {
        text: laid.text,
        pages: laid.pages,
        title: info_string(&doc, "Title").and_then(|t| clean_title(&t)),
        date: info_string(&doc, "CreationDate").and_then(|d| creation_date(&d)),
        source: SourceKind::Pdf,
        notes,
    })
}

/// Pages looked at for images when no page has text: a scan shows on its first pages.
const IMAGE_PAGES: usize = 3;

/// Whether the first pages draw images: a PDF without text but with images is a scan; one
/// with neither has its text in shapes or in streams that cannot be read, which OCR would
/// not help.
fn has_images(doc: &PdfDocument, count: usize) -> bool {
    (0..count.min(IMAGE_PAGES)).any(|i| doc.extract_images(i).is_ok_and(|v| !v.is_empty()))
}

/// One page's characters in top-down page coordinates. pdf_oxide gives origins in PDF space
/// (y up, from the media box's corner); `/Rotate` does not change them.
fn page_glyphs(doc: &PdfDocument, index: usize) -> pdf_oxide::Result<PageGlyphs> {
    let chars = doc.extract_chars(index)?;
    // a missing or broken media box: the glyphs' own extent stands in for it
    let (x0, y0, x1, y1) = doc
        .get_page_media_box(index)
        .ok()
        .filter(|b| [b.0, b.1, b.2, b.3].iter().all(|v| v.is_finite()) && b.3 > b.1)
        .unwrap_or_else(|| {
            let top = chars.iter().map(|c| c.origin_y).fold(0.0f32, f32::max);
            (0.0, 0.0, f32::NAN, top + 1.0)
        });
    let (width, height) = (x1 - x0, y1 - y0);
    let glyphs = chars
        .iter()
        .map(|c| Glyph {
            x: c.origin_x - x0,
            y: y1 - c.origin_y,
            w: c.advance_width.max(c.bbox.width),
            size: c.font_size,
            ch: c.char,
            upright: upright(c.rotation_degrees),
        })
        .collect();
    Ok(PageGlyphs {
        width,
        height,
        glyphs,
    })
}

/// Text drawn at (about) 0°: what enters the flow.
fn upright(degrees: f32) -> bool {
    let d = degrees.rem_euclid(360.0);
    !(1.0..=359.0).contains(&d)
}

/// "p. 2 has…" / "pp. 2, 5 have…": pages without any glyph, whose text is missing.
fn empty_pages_note(pages: &[usize]) -> String {
    match pages {
        [p] => format!("p. {p} has no text layer (a scanned page?): its text is missing"),
        _ => {
            let list: Vec<String> = pages.iter().map(usize::to_string).collect();
            format!(
                "pp. {} have no text layer (scanned pages?): their text is missing",
                list.join(", ")
            )
        }
    }
}

fn no_readable_page(why: Option<&str>) -> ConvertError {
    ConvertError::PdfDamaged(match why {
        Some(why) => format!("no readable page ({why})"),
        None => "no readable page".into(),
    })
}

fn damaged(e: &pdf_oxide::Error) -> ConvertError {
    ConvertError::PdfDamaged(short(e))
}

/// An error message fit for a one-line warning: the parser's messages may quote bytes of
/// the file, so control characters go and the length is capped.
fn short(e: &impl std::fmt::Display) -> String {
    sanitize_reason(&e.to_string())
}

const MAX_REASON_CHARS: usize = 120;

fn sanitize_reason(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c.is_control() || c == '\u{FFFD}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let one_line = words.join(" ");
    if one_line.chars().count() <= MAX_REASON_CHARS {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(MAX_REASON_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// A string of the trailer's `/Info` dictionary, decoded.
fn info_string(doc: &PdfDocument, key: &str) -> Option<String> {
    let info = doc.trailer().as_dict()?.get("Info")?;
    let info = doc.resolve_object(info).ok()?;
    let value = info.as_dict()?.get(key)?;
    let value = doc.resolve_object(value).ok()?;
    Some(decode_text_string(value.as_string()?))
}

/// A PDF text string: UTF-16BE or UTF-8 with a byte order mark, else PDFDocEncoding.
fn decode_text_string(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    b.iter().map(|&c| pdf_doc_char(c)).collect()
}

/// PDFDocEncoding (PDF 32000-1, annex D): Latin-1 except 0x18–0x1F and 0x80–0xA0.
fn pdf_doc_char(b: u8) -> char {
    const LOW: [char; 8] = ['˘', 'ˇ', 'ˆ', '˙', '˝', '˛', '˚', '˜'];
    const HIGH: [char; 33] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚',
        '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\u{FFFD}', '€',
    ];
    match b {
        0x18..=0x1F => LOW[usize::from(b - 0x18)],
        0x80..=0xA0 => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// `D:YYYYMMDDHHmmSS+HH'mm'` → "YYYY-MM-DD", leniently: the "D:" prefix, the time and the
/// zone (with its stray apostrophes) are optional; a year or month alone is not a date.
fn creation_date(s: &str) -> Option<String> {
    let s = s.trim();
    let s = s.strip_prefix("D:").unwrap_or(s).trim_start();
    let digits = s.as_bytes();
    if digits.len() < 8 || !digits[..8].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year = s[..4].parse().ok()?;
    let month = s[4..6].parse().ok()?;
    let day = s[6..8].parse().ok()?;
    iso_day(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_dates_are_read_leniently() {
        assert_eq!(
            creation_date("D:20240314093000+01'00'").as_deref(),
            Some("2024-03-14")
        );
        assert_eq!(
            creation_date("D:20261207070639Z'").as_deref(),
            Some("2026-12-07")
        );
        assert_eq!(creation_date("20240229").as_deref(), Some("2024-02-29"));
        assert_eq!(creation_date("D:20230229"), None);
        assert_eq!(creation_date("D:2024"), None);
        assert_eq!(creation_date("D:20241301"), None);
        assert_eq!(creation_date("yesterday"), None);
    }

    #[test]
    fn info_strings_are_decoded() {
        assert_eq!(
            decode_text_string(b"\xFE\xFF\x00J\x00o\x20\x19\x00s"),
            "Jo\u{2019}s"
        );
        assert_eq!(
            decode_text_string(b"Caf\xE9 \x93x \x84 \xA0"),
            "Café ﬁx — €"
        );
        assert_eq!(decode_text_string(b"\xEF\xBB\xBFna\xC3\xAFve"), "naïve");
    }

    #[test]
    fn error_reasons_are_one_short_line() {
        let r = sanitize_reason("Invalid header: found '\u{1}\u{2}junk\n\tmore'");
        assert_eq!(r, "Invalid header: found ' junk more'");
        let long = "x".repeat(500);
        assert_eq!(sanitize_reason(&long).chars().count(), MAX_REASON_CHARS);
    }

    #[test]
    fn only_upright_glyphs_enter_the_flow() {
        assert!(upright(0.0) && upright(359.5) && upright(-0.5) && upright(360.2));
        assert!(!upright(90.0) && !upright(270.0) && !upright(45.0) && !upright(180.0));
    }

    #[test]
    fn empty_pages_are_named_in_the_note() {
        assert_eq!(
            empty_pages_note(&[2, 5]),
            "pp. 2, 5 have no text layer (scanned pages?): their text is missing"
        );
        assert_eq!(
            empty_pages_note(&[2]),
            "p. 2 has no text layer (a scanned page?): its text is missing"
        );
    }
}
