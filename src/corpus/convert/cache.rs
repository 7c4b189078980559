//! Converted text kept between runs, keyed by the file's content and this build, so an
//! unchanged PDF is converted once. Like the index cache it is never required: a missing,
//! corrupt or unwritable entry costs only the time of converting again. One small JSON file
//! per converted file, written to a temporary file and renamed into place.

use std::fs;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_128;

use super::Converted;
use crate::cache_dir::{build_stamp, write_entry};

/// Where the conversion of `bytes` is kept inside the cache folder `dir`.
pub fn entry_path(dir: &Path, bytes: &[u8]) -> PathBuf {
    dir.join("converted").join(format!(
        "{:032x}-{:016x}.json",
        xxh3_128(bytes),
        build_stamp()
    ))
}

/// The cached conversion of `bytes`, if a whole one is there.
pub fn get(dir: &Path, bytes: &[u8]) -> Option<Converted> {
    let file = entry_path(dir, bytes);
    let data = fs::read(&file).ok()?;
    let converted: Converted = serde_json::from_slice(&data).ok()?;
    let fits = pages_fit(&converted);
    if fits {
        crate::cache_dir::mark_used(&file);
    }
    fits.then_some(converted)
}

/// A cached entry is used only when its pages are ranges of its text, so a damaged entry
/// can never send a reader past the end of the text.
fn pages_fit(c: &Converted) -> bool {
    let mut at = 0;
    c.pages.iter().all(|r| {
        let ok = r.start == at && r.start <= r.end && c.text.is_char_boundary(r.end);
        at = r.end;
        ok
    }) && (c.pages.is_empty() || at == c.text.len())
}

/// Keeps the conversion of `bytes`; a failure only costs the next run time.
pub fn put(dir: &Path, bytes: &[u8], converted: &Converted) {
    if let Ok(json) = serde_json::to_vec(converted) {
        let _ = write_entry(&entry_path(dir, bytes), &json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::convert::SourceKind;

    #[test]
    fn a_conversion_comes_back_whole_and_a_bad_entry_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let converted = Converted {
            text: "One.\n\nTwo.".into(),
            pages: vec![0..4, 4..10],
            title: Some("T".into()),
            date: Some("2024-03-14".into()),
            source: SourceKind::Pdf,
            notes: vec![],
        };
        assert_eq!(get(dir.path(), b"pdf bytes"), None);
        put(dir.path(), b"pdf bytes", &converted);
        assert_eq!(get(dir.path(), b"pdf bytes"), Some(converted.clone()));
        assert_eq!(get(dir.path(), b"other bytes"), None);

        let mut broken = converted;
        broken.pages = vec![0..4, 4..99];
        put(dir.path(), b"broken", &broken);
        assert_eq!(get(dir.path(), b"broken"), None);
        fs::write(entry_path(dir.path(), b"torn"), b"{\"text\":").unwrap();
        assert_eq!(get(dir.path(), b"torn"), None);
    }
}
