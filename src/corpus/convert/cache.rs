//! Converted text kept between runs, keyed by the file's content and this build, so an
//! unchanged PDF is converted once. Like the index cache it is never required: a missing,
//! corrupt or unwritable entry costs only the time of converting again. One small JSON file
//! per converted file, written to a temporary file and renamed into place.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

use super::{Converted, SourceKind};

/// The folder `--cache-dir` named for this process (empty: no cache), set once at start.
static CHOSEN: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();

/// Makes `dir` the cache folder of this process (`--cache-dir`; empty turns caching off).
pub fn choose_dir(dir: &Path) {
    let _ = CHOSEN.set((!dir.as_os_str().is_empty()).then(|| dir.to_path_buf()));
}

/// The folder caches live in: `CORDIALE_CACHE_DIR` (empty turns caching off), else the
/// platform cache folder (`~/.cache/cordiale` on Linux).
pub fn default_dir() -> Option<PathBuf> {
    if let Some(chosen) = CHOSEN.get() {
        return chosen.clone();
    }
    match std::env::var_os("CORDIALE_CACHE_DIR") {
        Some(d) if d.is_empty() => None,
        Some(d) => Some(PathBuf::from(d)),
        None => dirs::cache_dir().map(|d| d.join("cordiale")),
    }
}

/// Identifies this build of cordiale: a cache written by another build (with other rules)
/// is ignored. Worked out once per process: every cached file asks for it.
pub fn build_stamp() -> u64 {
    static STAMP: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *STAMP.get_or_init(stamp_of_this_build)
}

fn stamp_of_this_build() -> u64 {
    let mut id = env!("CARGO_PKG_VERSION").as_bytes().to_vec();
    for kind in [SourceKind::Pdf, SourceKind::Html, SourceKind::Docx] {
        id.extend_from_slice(kind.converter().as_bytes());
    }
    if let Ok(meta) = std::env::current_exe().and_then(fs::metadata) {
        id.extend_from_slice(&meta.len().to_le_bytes());
        if let Ok(t) = meta.modified()
            && let Ok(d) = t.duration_since(std::time::UNIX_EPOCH)
        {
            id.extend_from_slice(&d.as_nanos().to_le_bytes());
        }
    }
    xxh3_64(&id)
}

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
    let data = fs::read(entry_path(dir, bytes)).ok()?;
    let converted: Converted = serde_json::from_slice(&data).ok()?;
    pages_fit(&converted).then_some(converted)
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

/// Writes a file of the cache folder whole or not at all: a temporary file beside it,
/// flushed to disk, renamed into place (its folders made first). Every cache file is
/// written so; readers still check what they read, since a cache is never trusted.
pub fn write_entry(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_entry_with(file, |out| out.write_all(bytes))
}

/// [`write_entry`] for a file too large to make in memory first: `fill` writes it.
pub fn write_entry_with(
    file: &Path,
    fill: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let folder = file.parent().ok_or(std::io::ErrorKind::InvalidInput)?;
    fs::create_dir_all(folder)?;
    let mut tmp = tempfile::NamedTempFile::new_in(folder)?;
    fill(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
