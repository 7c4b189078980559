//! Saving without losing anyone's work: the file is locked while it is saved, and a change
//! another process made since we loaded it (a partner's session on the same host, a
//! `git pull`) is merged in, item by item, instead of being overwritten.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use super::io::{
    Encoded, WorkspaceError, encode, from_bytes, open_regular, remove_stale_temps, save_encoded,
    written_path,
};
use super::lock::{Lock, lock_path};
use super::merge::{Conflict, merge_into};
use super::model::{Short, Workspace};
use crate::stamp::Stamp;

/// A workspace file as this process last read or wrote it: the merge base for the next
/// save. The bytes are kept rather than the state, so saving costs no copy of the state,
/// and the base is parsed only in the rare case that someone else changed the file.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The workspace file.
    pub path: PathBuf,
    /// The file's bytes when we last read or wrote it; `None` when it did not exist.
    base: Option<Base>,
    /// The file as we left it, to tell it unchanged without reading it (`unchanged`).
    seen: Option<Seen>,
}

/// A file's identity and last change, as `fstat` gave them on the file we read or wrote.
#[derive(Debug, Clone)]
struct Seen {
    /// Held open, so that its inode number cannot be given to another file meanwhile.
    _file: Arc<HeldOpen>,
    stamp: Stamp,
    /// Whether equal metadata proves equal content (see `Stored::unchanged`).
    trusted: bool,
}

impl Seen {
    /// The metadata of an open file, now.
    fn of(file: fs::File) -> Option<Seen> {
        let m = file.metadata().ok()?;
        let stamp = Stamp::of(&m)?;
        let trusted = stamp.written_before(SystemTime::now());
        Some(Seen {
            _file: Arc::new(HeldOpen(Some(file))),
            stamp,
            trusted,
        })
    }
}

/// A file held open, closed on a thread of its own once let go. A save renames the new
/// file over the one we held, and closing that one then frees its pages: 15–20 ms for a
/// 50 MB workspace, which the workbench would spend between a verdict key and its frame.
#[derive(Debug)]
struct HeldOpen(Option<fs::File>);

impl Drop for HeldOpen {
    fn drop(&mut self) {
        if let Some(file) = self.0.take() {
            // A thread that cannot start drops the file here, closing it at once.
            let _ = std::thread::Builder::new()
                .name("close".into())
                .spawn(move || drop(file));
        }
    }
}

/// A file's bytes and, taken before they were read, its metadata.
type FileRead = (Vec<u8>, Option<Seen>);

/// A file's bytes and, taken before they were read, its metadata; `None` when there is no
/// file. Only a regular file is opened (a FIFO would block the open).
fn read(path: &Path) -> Result<Option<FileRead>, WorkspaceError> {
    let io = |source| WorkspaceError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = match open_regular(path) {
        Ok(file) => file?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    let mut bytes = Vec::new();
    let seen = {
        let m = file.metadata().map_err(io)?;
        bytes.reserve(m.len() as usize);
        file.try_clone().ok().and_then(Seen::of)
    };
    file.read_to_end(&mut bytes).map_err(io)?;
    Ok(Some((bytes, seen)))
}

/// The bytes of a workspace file as read, or as written.
#[derive(Debug, Clone)]
enum Base {
    Read(Vec<u8>),
    Written(Encoded),
}

impl Base {
    fn same_as(&self, bytes: &[u8]) -> bool {
        match self {
            Base::Read(b) => b == bytes,
            Base::Written(e) => e.same_as(bytes),
        }
    }

    fn parse(&self, path: &Path) -> Result<Workspace, WorkspaceError> {
        match self {
            Base::Read(b) => from_bytes(path, b),
            Base::Written(e) => from_bytes(path, &e.to_vec()),
        }
    }
}

/// Where the workspace of the corpus at `corpus` is when none is named: `cordiale.json` in
/// the working folder when it is this corpus's (or cannot be read, so that its error shows),
/// else `cordiale.json` inside the corpus folder, never beside it (see `place::default_in`).
/// The corpus is read only when the working folder's file records another place, to tell
/// a moved corpus from another one.
pub fn default_path(corpus: &[PathBuf]) -> PathBuf {
    super::place::default_in(Path::new(""), corpus, || {
        crate::corpus::load(corpus)
            .ok()
            .map(|c| super::sync::documents(&c))
    })
}

impl Stored {
    /// Loads `path`, or starts from `fresh` (an empty workspace) when there is no file yet.
    pub fn open(
        path: &Path,
        fresh: impl FnOnce() -> Workspace,
    ) -> Result<(Stored, Workspace), WorkspaceError> {
        let (base, seen, ws) = match read(path)? {
            Some((bytes, seen)) => {
                let ws = from_bytes(path, &bytes)?;
                (Some(Base::Read(bytes)), seen, ws)
            }
            None => (None, None, fresh()),
        };
        let stored = Stored {
            path: path.to_path_buf(),
            base,
            seen,
        };
        Ok((stored, ws))
    }

    /// Encodes `ws` ahead of the first save (the workbench does it off its UI thread):
    /// when it gives exactly the bytes read, the first save can re-encode only the items
    /// changed since, as later ones do. Nothing changes when the state is not the file's
    /// (sync added or moved items).
    pub fn prepare_saves(&mut self, ws: &Workspace) {
        if let Some(Base::Read(bytes)) = &self.base {
            let encoded = encode(ws);
            if encoded.same_as(bytes) {
                self.base = Some(Base::Written(encoded));
            }
        }
    }

    /// Whether the file existed when it was opened or has been saved since.
    pub fn exists(&self) -> bool {
        self.base.is_some()
    }

    /// The lock file its saves take (beside the file its links lead to).
    pub fn lock_path(&self) -> PathBuf {
        let target = written_path(&self.path).unwrap_or_else(|_| self.path.clone());
        lock_path(&target)
    }

    /// The hash of the file's bytes as we last read or wrote them
    /// ([`super::in_place::content_hash`]); `None` before the file exists.
    pub fn content_hash(&self) -> Option<u128> {
        match self.base.as_ref()? {
            Base::Read(bytes) => Some(super::in_place::content_hash(&[bytes])),
            Base::Written(encoded) => Some(encoded.content_hash()),
        }
    }

    /// Saves `ws`. Under an exclusive lock, reads the file again: if its content is not
    /// what we last read or wrote, another process changed it, and its changes are merged
    /// into `ws` first (ours kept on a true conflict, which is returned). Afterwards the
    /// saved bytes are the base for the next save.
    pub fn save(&mut self, ws: &mut Workspace) -> Result<Vec<Conflict>, WorkspaceError> {
        let saved = self.save_state(ws)?;
        if let Some(merged) = saved.merged {
            *ws = merged;
        }
        *self = saved.stored;
        Ok(saved.conflicts)
    }

    /// `save` without changing anything in place, for callers whose state only changes
    /// through their own messages (the workbench): what was written comes back.
    pub fn save_state(&self, ws: &Workspace) -> Result<Saved, WorkspaceError> {
        self.save_with(ws, None)
    }

    /// `save_state` for a state in which only the items `changed` differ from what this
    /// store last wrote: only those are encoded again (a 50,000-item file after one verdict
    /// costs its writing, not its serializing). Every item changed since must be named;
    /// debug builds check it.
    pub fn save_changed(&self, ws: &Workspace, changed: &[Short]) -> Result<Saved, WorkspaceError> {
        self.save_with(ws, Some(changed))
    }

    fn save_with(
        &self,
        ws: &Workspace,
        changed: Option<&[Short]>,
    ) -> Result<Saved, WorkspaceError> {
        let target = written_path(&self.path)?;
        let _lock = Lock::take(&target)?;
        // Under the lock no live save of this file owns one: any left is a killed save's.
        remove_stale_temps(&target);
        let (merged, conflicts) = match self.changed_elsewhere(ws)? {
            Some(e) => (Some(e.merged), e.conflicts),
            None => (None, Vec::new()),
        };
        let bytes = match (&merged, changed, &self.base) {
            (None, Some(changed), Some(Base::Written(old))) => {
                old.reencode(ws, changed).unwrap_or_else(|| encode(ws))
            }
            _ => encode(merged.as_ref().unwrap_or(ws)),
        };
        let file = save_encoded(&self.path, &bytes)?;
        Ok(Saved {
            stored: Stored {
                path: self.path.clone(),
                base: Some(Base::Written(bytes)),
                seen: Seen::of(file),
            },
            merged,
            conflicts,
        })
    }
}

impl Stored {
    /// Reads the file: `None` when it is gone or holds what we last read or wrote; else its
    /// bytes and its changes merged into a copy of `ws` (ours kept on a true conflict),
    /// with those conflicts. The one place saves and refreshes see another process's work.
    fn changed_elsewhere(&self, ws: &Workspace) -> Result<Option<Elsewhere>, WorkspaceError> {
        if self.unchanged() {
            return Ok(None);
        }
        // Gone (deleted, or not saved yet): nothing of anyone else's to keep. Unreadable:
        // another process's changes cannot be seen (a save must not write).
        let Some((now, seen)) = read(&self.path)? else {
            return Ok(None);
        };
        if self.base.as_ref().is_some_and(|b| b.same_as(&now)) {
            return Ok(None);
        }
        let theirs = from_bytes(&self.path, &now)?;
        let base = match &self.base {
            Some(base) => base.parse(&self.path)?,
            None => Workspace {
                corpus: ws.corpus.clone(),
                ..Default::default()
            },
        };
        let mut merged = ws.clone();
        let conflicts = merge_into(&base, &mut merged, &theirs);
        Ok(Some(Elsewhere {
            bytes: now,
            seen,
            merged,
            conflicts,
        }))
    }

    /// Whether the file is, without reading it, the one we last read or wrote, unchanged:
    /// the same device, inode, length, and change and status-change times, to the
    /// nanosecond. Why equal metadata proves equal content:
    /// - we hold that file open (`Seen`), so while we compare no other file can have its
    ///   inode number; a file put in its place by a rename (every cordiale save, most
    ///   editors' saves) or written anew (`git checkout`, `git pull`) has another inode;
    /// - the file itself changed in place (an editor that writes in place, `>>`) gets new
    ///   change times, unless the change fell in the same tick of the kernel's clock as
    ///   the time we saw: so the metadata is trusted only when that time was older than a
    ///   tick when we looked (`Seen::of`), and a change made after we looked gets a later
    ///   time. Our saves look after the fsync, by which time our last write is tens of
    ///   milliseconds old; a file we just read from a fast disk may not be, and is read
    ///   and compared whole, as is any file on a file system with whole-second times;
    /// - the status-change time cannot be set by a program, so a change that put back
    ///   the old modification time (`touch -r`, `rsync -t`) still shows.
    ///
    /// Anything else (the metadata differs, cannot be read, or is not trusted) falls back
    /// to reading the file and comparing its bytes.
    fn unchanged(&self) -> bool {
        let (Some(_), Some(seen)) = (&self.base, &self.seen) else {
            return false;
        };
        seen.trusted
            && fs::metadata(&self.path)
                .ok()
                .and_then(|m| Stamp::of(&m))
                .is_some_and(|now| now == seen.stamp)
    }

    /// Reads the file again, for a change another process made while it is open: `None`
    /// when it holds what we last read or wrote; else its changes merged into `ws` (ours
    /// kept on a true conflict), with the file as the new base. Nothing is written.
    pub fn refresh(&self, ws: &Workspace) -> Result<Option<Saved>, WorkspaceError> {
        Ok(self.changed_elsewhere(ws)?.map(|e| Saved {
            stored: Stored {
                path: self.path.clone(),
                base: Some(Base::Read(e.bytes)),
                seen: e.seen,
            },
            merged: Some(e.merged),
            conflicts: e.conflicts,
        }))
    }
}

/// The file as another process left it: its bytes, and its changes merged into ours.
struct Elsewhere {
    bytes: Vec<u8>,
    seen: Option<Seen>,
    merged: Workspace,
    conflicts: Vec<Conflict>,
}

/// What a save wrote.
#[derive(Debug, Clone)]
pub struct Saved {
    /// The store as it is now (its base is what was written).
    pub stored: Stored,
    /// The state written, when another process's changes were merged in; `None` when it
    /// was exactly the state given.
    pub merged: Option<Workspace>,
    /// What both this process and the other changed differently (ours kept).
    pub conflicts: Vec<Conflict>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::io::{load, save};
    use crate::workspace::model::{Anchor, Item, Origin, Review, Short, Verdict};
    use std::fs::OpenOptions;

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
                Short::from(*id),
                Item::new("a.txt", Origin::Extracted, anchor),
            );
        }
        ws
    }

    fn rate(ws: &mut Workspace, id: &str, who: &str) {
        ws.items.get_mut(id).unwrap().reviews.insert(
            who,
            Review {
                verdict: Verdict::KEPT,
                note: String::new(),
                at: "2026-11-25T08:00:00Z".into(),
                stale: false,
                ..Default::default()
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
        partner.save(&mut theirs).unwrap();
        rate(&mut ours, "c1", "ann");
        let conflicts = mine.save(&mut ours).unwrap();
        assert!(conflicts.is_empty());
        assert!(ours.items["c1"].reviews.contains_key("ann"));
        assert!(
            ours.items["c2"].reviews.contains_key("bob"),
            "bob's verdict kept"
        );
        assert_eq!(load(&path).unwrap(), ours);
    }

    #[test]
    fn a_file_broken_meanwhile_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cordiale.json");
        save(&path, &ws_with(&["c1"])).unwrap();
        let (mut mine, mut ours) = Stored::open(&path, Workspace::default).unwrap();
        fs::write(&path, b"{ broken").unwrap();
        rate(&mut ours, "c1", "ann");
        assert!(mine.save(&mut ours).is_err());
        assert_eq!(fs::read(&path).unwrap(), b"{ broken");
    }

    #[test]
    fn a_save_of_named_changes_writes_what_a_whole_save_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cordiale.json");
        save(&path, &ws_with(&["c1", "c2", "c3"])).unwrap();
        let (mut stored, mut ws) = Stored::open(&path, Workspace::default).unwrap();
        stored.prepare_saves(&ws);
        rate(&mut ws, "c2", "ann");
        let saved = stored.save_changed(&ws, &["c2".into()]).unwrap();
        assert!(saved.merged.is_none());
        assert_eq!(fs::read(&path).unwrap(), crate::workspace::to_bytes(&ws));
        rate(&mut ws, "c3", "bob");
        let saved = saved.stored.save_changed(&ws, &["c3".into()]).unwrap();
        assert_eq!(fs::read(&path).unwrap(), crate::workspace::to_bytes(&ws));
        assert!(saved.stored.refresh(&ws).unwrap().is_none(), "our own save");
    }

    #[test]
    fn an_edit_in_place_of_the_same_length_is_seen() {
        use std::io::{Seek, SeekFrom, Write};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cordiale.json");
        save(&path, &ws_with(&["c1"])).unwrap();
        let (mine, mut ours) = Stored::open(&path, Workspace::default).unwrap();
        let mine = mine.save_state(&ours).unwrap().stored;
        let text = fs::read_to_string(&path).unwrap();
        let at = text.find("\"q0\"").unwrap() as u64 + 1;
        let mut f = OpenOptions::new().write(true).open(&path).unwrap();
        f.seek(SeekFrom::Start(at)).unwrap();
        f.write_all(b"Q").unwrap();
        drop(f);
        let theirs = mine.refresh(&ours).unwrap().expect("the edit is seen");
        assert_eq!(theirs.merged.unwrap().items["c1"].anchor.exact, "Q0");
        rate(&mut ours, "c1", "ann");
        let saved = mine.save_changed(&ours, &["c1".into()]).unwrap();
        assert!(saved.merged.is_some(), "merged, not overwritten");
    }
}
