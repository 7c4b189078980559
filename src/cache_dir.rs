//! The cache folder: where it is, which build wrote what is in it, how a file gets there
//! whole, and how the folder is kept from growing forever.
//!
//! Nothing in it is ever required: a missing, stale, corrupt or unwritable file only costs
//! the time of making it again. It holds converted documents (`converted/`), each corpus's
//! index (`index-…`, `mapped-…`), review digests (`digests-…`) and notes that a workspace
//! is in step with its corpus (`in-step-…`).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use xxhash_rust::xxh3::xxh3_64;

use crate::corpus::convert::SourceKind;

/// The folder `--cache-dir` named for this process (empty: no cache), set once at start.
static CHOSEN: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();

/// Makes `dir` the cache folder of this process (`--cache-dir`; empty turns caching off).
pub fn choose_dir(dir: &Path) {
    let _ = CHOSEN.set((!dir.as_os_str().is_empty()).then(|| dir.to_path_buf()));
}

/// The folder caches live in: `--cache-dir`, else `CORDIALE_CACHE_DIR` (empty turns
/// caching off), else the platform cache folder (`~/.cache/cordiale` on Linux).
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

/// Writes a file of the cache folder whole or not at all ([`crate::atomic`]), its folders
/// made first. Every cache file is
/// written so; readers still check what they read, since a cache is never trusted.
pub fn write_entry(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_entry_with(file, |out| out.write_all(bytes))
}

/// [`write_entry`] for a file too large to make in memory first: `fill` writes it. Once a
/// day at most, the folder is pruned afterwards ([`prune`]).
pub fn write_entry_with(
    file: &Path,
    fill: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let folder = file.parent().ok_or(std::io::ErrorKind::InvalidInput)?;
    fs::create_dir_all(folder)?;
    crate::atomic::replace_with(file, &crate::atomic::Temp::default(), fill)?;
    if let Some(dir) = root_of(folder) {
        prune_daily(&dir, SystemTime::now());
    }
    Ok(())
}

/// Says that a cache file was used now, so that pruning keeps it: its modification time
/// is how pruning tells a file in use from a forgotten one (access times are often not
/// kept). Best effort.
pub fn mark_used(file: &Path) {
    if let Ok(f) = fs::File::options().append(true).open(file) {
        let _ = f.set_modified(SystemTime::now());
    }
}

/// A file unused this long is removed.
pub const MAX_AGE: Duration = Duration::from_secs(30 * 24 * 3600);
/// Beyond this many bytes, the least recently used files go first.
pub const MAX_BYTES: u64 = 4 << 30;
/// Never removed, whatever the size: what this run or another live one is using.
const IN_USE: Duration = Duration::from_secs(3600);
/// How often a write looks at the whole folder.
const PRUNE_EVERY: Duration = Duration::from_secs(24 * 3600);
/// The file whose modification time says when the folder was last pruned.
const PRUNED: &str = "pruned";

/// The cache folder a file of it lies in (`converted/` is one level down).
fn root_of(folder: &Path) -> Option<PathBuf> {
    let dir = default_dir()?;
    (folder == dir || folder.parent() == Some(dir.as_path())).then_some(dir)
}

fn prune_daily(dir: &Path, now: SystemTime) {
    let marker = dir.join(PRUNED);
    let last = fs::metadata(&marker).and_then(|m| m.modified()).ok();
    if last.is_some_and(|t| now.duration_since(t).is_ok_and(|age| age < PRUNE_EVERY)) {
        return;
    }
    let _ = crate::atomic::replace(&marker, b"");
    prune(dir, now, MAX_AGE, MAX_BYTES);
}

/// Removes from the cache folder `dir` the files unused for `max_age`, then, while the
/// folder holds more than `max_bytes`, the least recently used, never one used within the
/// last hour. Only files of the names cordiale writes are touched. Returns what was
/// removed.
pub fn prune(dir: &Path, now: SystemTime, max_age: Duration, max_bytes: u64) -> Vec<PathBuf> {
    let mut files: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
    let mut look = |folder: &Path, ours: fn(&str) -> bool| {
        for entry in fs::read_dir(folder).into_iter().flatten().flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str().filter(|n| ours(n)) else {
                continue;
            };
            if let Ok(m) = entry.metadata()
                && m.is_file()
            {
                let used = m.modified().unwrap_or(now);
                files.push((used, m.len(), folder.join(name)));
            }
        }
    };
    look(dir, |n| {
        ["index-", "mapped-", "digests-", "in-step-"]
            .iter()
            .any(|p| n.starts_with(p))
    });
    look(&dir.join("converted"), |n| n.ends_with(".json"));
    files.sort();
    let age = |used: SystemTime| now.duration_since(used).unwrap_or_default();
    let mut total: u64 = files.iter().map(|f| f.1).sum();
    let mut removed = Vec::new();
    for (used, len, path) in files {
        let stale = age(used) > max_age;
        let over = total > max_bytes && age(used) > IN_USE;
        if (stale || over) && fs::remove_file(&path).is_ok() {
            total -= len;
            removed.push(path);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(dir: &Path, name: &str, len: u64, age_days: u64, now: SystemTime) -> PathBuf {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let f = fs::File::create(&path).unwrap();
        f.set_len(len).unwrap();
        f.set_modified(now - Duration::from_secs(age_days * 24 * 3600))
            .unwrap();
        path
    }

    #[test]
    fn old_files_go_then_the_least_recently_used_beyond_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let now = SystemTime::now();
        let stale = file(d, "index-1.bin", 10, 40, now);
        let stale_conversion = file(d, "converted/a-b.json", 10, 31, now);
        let old = file(d, "mapped-1.bin", 600, 10, now);
        let newer = file(d, "mapped-2.bin", 600, 5, now);
        let in_use = file(d, "mapped-3.bin", 600, 0, now);
        let note = file(d, "in-step-1.json", 10, 1, now);
        let foreign = file(d, "notes.txt", 10, 400, now);
        let removed = prune(d, now, MAX_AGE, 1300);
        assert_eq!(
            removed,
            vec![stale.clone(), stale_conversion.clone(), old.clone()]
        );
        for gone in [&stale, &stale_conversion, &old] {
            assert!(!gone.exists());
        }
        for kept in [&newer, &in_use, &note, &foreign] {
            assert!(kept.exists(), "{}", kept.display());
        }
        // Over the cap with only files in use: they stay.
        assert_eq!(prune(d, now, MAX_AGE, 0), vec![newer.clone(), note.clone()]);
        assert!(in_use.exists());
    }

    #[test]
    fn a_used_file_is_kept_by_age() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        let f = file(dir.path(), "mapped-1.bin", 10, 40, now);
        mark_used(&f);
        assert!(prune(dir.path(), SystemTime::now(), MAX_AGE, MAX_BYTES).is_empty());
        assert!(f.exists());
    }
}
