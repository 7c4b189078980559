//! Saving without losing anyone's work: the file is locked while it is saved, and a change
//! another process made since we loaded it (a partner's session on the same host, a
//! `git pull`) is merged in, item by item, instead of being overwritten.

use std::fs::{self, OpenOptions};
use std::path::{Path, PathBuf};

use super::io::{WorkspaceError, from_bytes, load, save, to_bytes};
use super::merge::{Conflict, merge};
use super::model::Workspace;

/// A workspace as loaded, remembering the state it was loaded in (the merge base for the
/// next save).
#[derive(Debug, Clone)]
pub struct Stored {
    pub path: PathBuf,
    /// What the file held when we read it (empty when it did not exist).
    pub base: Workspace,
}

/// The lock file beside the workspace (`cordiale.json.lock`): the workspace itself is
/// replaced by each save, so it cannot carry the lock.
fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

impl Stored {
    /// Loads `path`, or starts from `fresh` (an empty workspace) when there is no file yet.
    pub fn open(
        path: &Path,
        fresh: impl FnOnce() -> Workspace,
    ) -> Result<(Stored, Workspace), WorkspaceError> {
        let ws = if path.exists() { load(path)? } else { fresh() };
        let stored = Stored {
            path: path.to_path_buf(),
            base: ws.clone(),
        };
        Ok((stored, ws))
    }

    /// Saves `ours`. Under an exclusive lock, reads the file again: if another process
    /// changed it since we loaded it, merges its changes in (ours kept on a true conflict,
    /// which is returned). Afterwards the saved state is the base for the next save.
    pub fn save(&mut self, ours: &Workspace) -> Result<(Workspace, Vec<Conflict>), WorkspaceError> {
        let io = |source| WorkspaceError::Io {
            path: self.path.clone(),
            source,
        };
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(&self.path))
            .map_err(io)?;
        lock.lock().map_err(io)?;
        let result = (|| {
            let (merged, conflicts) = match fs::read(&self.path) {
                Ok(bytes) if bytes != to_bytes(&self.base) => {
                    let theirs = from_bytes(&self.path, &bytes)?;
                    let m = merge(&self.base, ours, &theirs);
                    (m.workspace, m.conflicts)
                }
                _ => (ours.clone(), Vec::new()),
            };
            save(&self.path, &merged)?;
            Ok((merged, conflicts))
        })();
        let _ = lock.unlock();
        let (merged, conflicts) = result?;
        self.base = merged.clone();
        Ok((merged, conflicts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::model::{Anchor, Item, Origin, Review, Verdict};

    fn ws_with(ids: &[&str]) -> Workspace {
        let mut ws = Workspace {
            corpus: "c".into(),
            ..Default::default()
        };
        for (k, id) in ids.iter().enumerate() {
            let anchor = Anchor {
                exact: format!("q{k}"),
                prefix: String::new(),
                suffix: String::new(),
                start: k,
                end: k + 2,
                doc_hash: "h".into(),
            };
            ws.items.insert(
                id.to_string(),
                Item::new("a.txt", Origin::Extracted, anchor),
            );
        }
        ws
    }

    fn rate(ws: &mut Workspace, id: &str, who: &str) {
        ws.items.get_mut(id).unwrap().reviews.insert(
            who.into(),
            Review {
                verdict: Verdict::Kept,
                note: String::new(),
                at: "2026-11-25T08:00:00Z".into(),
            },
        );
    }

    #[test]
    fn a_change_made_meanwhile_is_merged_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cordiale.json");
        save(&path, &ws_with(&["c1", "c2"])).unwrap();
        let (mut mine, mut ours) = Stored::open(&path, Workspace::default).unwrap();
        let (mut partner, mut theirs) = Stored::open(&path, Workspace::default).unwrap();
        rate(&mut theirs, "c2", "bob");
        partner.save(&theirs).unwrap();
        rate(&mut ours, "c1", "ann");
        let (saved, conflicts) = mine.save(&ours).unwrap();
        assert!(conflicts.is_empty());
        assert!(saved.items["c1"].reviews.contains_key("ann"));
        assert!(
            saved.items["c2"].reviews.contains_key("bob"),
            "bob's verdict kept"
        );
        assert_eq!(load(&path).unwrap(), saved);
    }

    #[test]
    fn a_file_broken_meanwhile_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cordiale.json");
        save(&path, &ws_with(&["c1"])).unwrap();
        let (mut mine, mut ours) = Stored::open(&path, Workspace::default).unwrap();
        fs::write(&path, b"{ broken").unwrap();
        rate(&mut ours, "c1", "ann");
        assert!(mine.save(&ours).is_err());
        assert_eq!(fs::read(&path).unwrap(), b"{ broken");
    }
}
