//! A note, in the cache folder, that a workspace file was saved in step with its corpus:
//! the hash of the bytes written and the fingerprint of the corpus's files, taken before
//! they were read. While both still hold, a sync would change nothing, so a change to one
//! item is made in place ([`super::in_place`]) without reading the corpus or the rest of
//! the file. A note that is missing, stale, corrupt or another build's only costs time.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3Default;

use crate::cache_dir::{build_stamp, write_entry};

/// The note that a workspace file was saved in step with its corpus (see the module).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InStep {
    build: String,
    /// The corpus paths the workspace was synced with: what the fingerprint covers.
    pub roots: Vec<PathBuf>,
    corpus: String,
    workspace: String,
}

impl InStep {
    /// The note for this build: the corpus paths, the corpus's fingerprint and the hash of
    /// the workspace file's bytes.
    pub fn new(roots: Vec<PathBuf>, corpus: u128, workspace: u128) -> InStep {
        InStep {
            build: format!("{:016x}", build_stamp()),
            roots,
            corpus: format!("{corpus:032x}"),
            workspace: format!("{workspace:032x}"),
        }
    }

    /// The corpus's fingerprint ([`crate::corpus::fingerprint`]) when it was read.
    pub fn corpus(&self) -> Option<u128> {
        u128::from_str_radix(&self.corpus, 16).ok()
    }

    /// The hash of the workspace file's bytes ([`super::in_place::content_hash`]).
    pub fn workspace(&self) -> Option<u128> {
        u128::from_str_radix(&self.workspace, 16).ok()
    }
}

/// Where the note of the workspace `file`, opened with the corpus paths `given` (none:
/// the corpus it records) from this folder, is kept: each way of naming them gets its own.
fn note_path(dir: &Path, file: &Path, given: &[PathBuf]) -> PathBuf {
    let mut hash = Xxh3Default::new();
    let cwd = std::env::current_dir().unwrap_or_default();
    for part in std::iter::once(&cwd)
        .chain(std::iter::once(&file.to_path_buf()))
        .chain(given)
    {
        let bytes = part.as_os_str().as_encoded_bytes();
        hash.update(&(bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    }
    dir.join(format!("in-step-{:016x}.json", hash.digest()))
}

/// The note of this build for the workspace `file` opened with `given`, if any.
pub fn read(dir: &Path, file: &Path, given: &[PathBuf]) -> Option<InStep> {
    let path = note_path(dir, file, given);
    let bytes = std::fs::read(&path).ok()?;
    crate::cache_dir::mark_used(&path);
    let note: InStep = serde_json::from_slice(&bytes).ok()?;
    (note.build == format!("{:016x}", build_stamp())).then_some(note)
}

/// Keeps `note`; a failure only costs the next change its speed.
pub fn write(dir: &Path, file: &Path, given: &[PathBuf], note: &InStep) {
    if let Ok(bytes) = serde_json::to_vec(note) {
        let _ = write_entry(&note_path(dir, file, given), &bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_comes_back_for_the_same_names_only() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Path::new("cordiale.json");
        let roots = vec![PathBuf::from("corpus")];
        let note = InStep::new(roots.clone(), 7, u128::MAX);
        write(dir.path(), ws, &roots, &note);
        let back = read(dir.path(), ws, &roots).unwrap();
        assert_eq!(
            (back.corpus(), back.workspace()),
            (Some(7), Some(u128::MAX))
        );
        assert_eq!(read(dir.path(), ws, &[]), None, "named another way");
        assert_eq!(read(dir.path(), Path::new("other.json"), &roots), None);
        std::fs::write(note_path(dir.path(), ws, &roots), b"{\"build\": 1").unwrap();
        assert_eq!(read(dir.path(), ws, &roots), None, "corrupt");
    }
}
