//! Stable identities: an item's id and a document's content hash, the same on every
//! platform and every Rust version (SHA-256, never `DefaultHasher`).

use compact_str::format_compact;
use sha2::{Digest, Sha256};

use super::model::Short;

/// The quoted text as ids see it: runs of whitespace are one space, curly single and
/// double quotes are straight, the ends are trimmed; so re-wrapping a paragraph keeps every
/// id. Part of the file format: every id in every workspace was made with it, so it never
/// changes (placing an anchor folds more, `anchor::normalize`).
pub fn normalize_quote(quote: &str) -> String {
    let mut out = String::with_capacity(quote.len());
    let mut in_space = false;
    for c in quote.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && in_space {
            continue;
        }
        in_space = c == ' ';
        out.push(c);
    }
    out.trim().to_string()
}

fn hex(bytes: &[u8], digits: usize) -> String {
    bytes
        .iter()
        .flat_map(|b| [b >> 4, b & 0xf])
        .take(digits)
        .map(|n| char::from_digit(n as u32, 16).unwrap_or('0'))
        .collect()
}

/// An item's id: `c` and 12 hex digits of SHA-256 over the document name and the
/// normalized quote.
pub fn item_id(doc: &str, quote: &str) -> Short {
    let mut h = Sha256::new();
    h.update(doc.as_bytes());
    h.update([0]);
    h.update(normalize_quote(quote).as_bytes());
    format_compact!("c{}", hex(&h.finalize(), 12))
}

/// A document's content hash as anchors record it: 16 hex digits of SHA-256.
pub fn doc_hash(text: &str) -> Short {
    hex(&Sha256::digest(text.as_bytes()), 16).into()
}

/// A document as the workspace's `documents` record names it: the hash of its text, then,
/// for a converted file, the converter that made the text (`3fa2c4d5e6f70812 pdf/1`), so a
/// reader of the file sees what the anchors index and which converter upgrade re-anchored
/// them. Anchors carry the hash alone: a new converter that changes the text changes the
/// hash, and items are placed again exactly as after an edit.
pub fn document_record(doc: &crate::corpus::Document) -> Short {
    let hash = doc_hash(&doc.text);
    match doc.source {
        crate::corpus::SourceKind::Text => hash,
        kind => format_compact!("{hash} {}", kind.converter()),
    }
}

/// The text hash in a `documents` record (see [`document_record`]).
pub fn record_hash(record: &str) -> &str {
    record.split(' ').next().unwrap_or(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_fixed_values() {
        // Fixed expectations: a change of hash, separator or normalization breaks every
        // workspace in the wild, so it must show up here.
        assert_eq!(
            item_id("a.txt", "We will act."),
            item_id("a.txt", "We  will\nact.")
        );
        assert_eq!(
            item_id("a.txt", "the UK’s plan"),
            item_id("a.txt", "the UK's plan")
        );
        assert_ne!(
            item_id("a.txt", "We will act."),
            item_id("b.txt", "We will act.")
        );
        // Ids do not fold case or accents, though placing an anchor does.
        assert_ne!(
            item_id("a.txt", "We will act."),
            item_id("a.txt", "we will act.")
        );
        assert_ne!(item_id("a.txt", "Brașov"), item_id("a.txt", "Brasov"));
        // SHA-256 itself, checked against Python's hashlib.
        assert_eq!(item_id("a.txt", "We will act."), "cc27bf489177d");
        assert_eq!(doc_hash(""), "e3b0c44298fc1c14");
        assert_eq!(item_id("a.txt", "x").len(), 13);
    }
}
