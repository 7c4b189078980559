//! A corpus's files as `stat` sees them, without opening any: what tells a corpus
//! unchanged since a workspace was saved in step with it, at the cost of listing it.

use std::fs;
use std::path::PathBuf;
use std::time::SystemTime;

use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3Default;

use super::list;
use crate::stamp::Stamp;

/// A hash of the paths `load` was given, every file it would read (path, name, stamp) and
/// every file it would skip. `None` when it proves nothing: a listing error, a file
/// whose stamp cannot be had, or one changed within a tick of now (another change in the
/// same tick could leave its stamp as it is). Equal fingerprints: a load reads the same
/// bytes, so whatever was worked out from them still holds.
pub fn fingerprint(paths: &[PathBuf]) -> Option<u128> {
    let looked = SystemTime::now();
    let listing = list(paths).ok()?;
    let mut hash = Xxh3Default::new();
    let mut add = |bytes: &[u8]| {
        hash.update(&(bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    add(std::env::current_dir().ok()?.as_os_str().as_encoded_bytes());
    for root in paths {
        add(root.as_os_str().as_encoded_bytes());
    }
    // In parallel: a corpus of 33,000 files spends most of its fingerprint in `stat`.
    let stamps: Vec<Stamp> = listing
        .files
        .par_iter()
        .map(|(path, _)| Stamp::of(&fs::metadata(path).ok()?).filter(|s| s.settled(looked)))
        .collect::<Option<_>>()?;
    for ((path, name), stamp) in listing.files.iter().zip(stamps) {
        add(path.as_os_str().as_encoded_bytes());
        add(name.as_bytes());
        add(&stamp.bytes());
    }
    for skipped in &listing.skipped {
        add(skipped.to_string().as_bytes());
    }
    Some(hash.digest128())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Files written long enough ago for their stamps to prove something.
    fn settled_corpus() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [("a.txt", "We will act."), ("b.md", "# B\n\nWe shall.")] {
            fs::write(dir.path().join(name), text).unwrap();
        }
        std::thread::sleep(crate::stamp::TICK_MARGIN + Duration::from_millis(5));
        dir
    }

    #[test]
    fn equal_while_nothing_changes_and_different_after_any_change() {
        let dir = settled_corpus();
        let roots = vec![dir.path().to_path_buf()];
        let first = fingerprint(&roots).expect("settled files prove something");
        assert_eq!(fingerprint(&roots), Some(first));

        // An edit of the same length, then a settle: another stamp.
        fs::write(dir.path().join("a.txt"), "We will ACT.").unwrap();
        assert_eq!(fingerprint(&roots), None, "changed within a tick of now");
        std::thread::sleep(crate::stamp::TICK_MARGIN + Duration::from_millis(5));
        let edited = fingerprint(&roots).unwrap();
        assert_ne!(edited, first);

        // A new document, and a file that is no document, which a load never reads.
        fs::write(dir.path().join("c.txt"), "More.").unwrap();
        fs::write(dir.path().join("notes.csv"), "x").unwrap();
        std::thread::sleep(crate::stamp::TICK_MARGIN + Duration::from_millis(5));
        let added = fingerprint(&roots).unwrap();
        assert_ne!(added, edited);
        fs::remove_file(dir.path().join("c.txt")).unwrap();
        assert_eq!(fingerprint(&roots), Some(edited), "the same files again");
    }

    #[test]
    fn a_missing_corpus_proves_nothing() {
        assert_eq!(fingerprint(&[PathBuf::from("/no/such/corpus")]), None);
    }
}
