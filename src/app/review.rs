//! Opening the review workspace for the workbench, the way the review commands do: read
//! the file (or start one), add the commitments extracted since, place every item again.
//! Nothing is written until a reviewer changes something; then every change is saved at
//! once (`save`, which the runtime runs for `Effect::Save`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::msg::Msg;
use crate::corpus::Corpus;
use crate::extract::digest::Digest;
use crate::workspace::place;
use crate::workspace::store::Stored;
use crate::workspace::sync::{documents, sync};
use crate::workspace::{Short, Workspace, WorkspaceError};

/// A workspace opened and brought up to date with the corpus.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The workspace file.
    pub path: PathBuf,
    /// The file as read: the base for merging at the next save.
    pub stored: Stored,
    /// The workspace, brought up to date with the corpus.
    pub ws: Workspace,
    /// Items whose quote fits nowhere in their document any more.
    pub orphaned: BTreeSet<Short>,
    /// The active reviewer, if one is named.
    pub me: Option<String>,
    /// Notes kept from an earlier session that was ended while they were being typed.
    pub drafts: Vec<crate::app::draft::Draft>,
}

/// Opens `path` for `corpus`, read from `paths`, with each document's `digests` (from the
/// index build: nothing is extracted here); `me` is the active reviewer. A file that cannot
/// be read, or that records another corpus, is reported, never replaced.
pub fn open(
    path: &Path,
    corpus: &Corpus,
    digests: &[Digest],
    paths: &[PathBuf],
    me: Option<String>,
) -> Msg {
    match Stored::open(path, Workspace::default) {
        Ok((mut stored, mut ws)) => {
            let documents = || Some(documents(corpus));
            if let Err(e) = place::adopt(path, stored.exists(), &mut ws, paths, documents) {
                return Msg::LoadFailed(e.to_string());
            }
            let report = sync(&mut ws, corpus, digests);
            stored.prepare_saves(&ws);
            Msg::WorkspaceOpened(Box::new(Opened {
                path: path.to_path_buf(),
                stored,
                ws,
                orphaned: report.orphaned,
                me,
                drafts: crate::app::draft::read(path),
            }))
        }
        Err(e) => Msg::LoadFailed(e.to_string()),
    }
}

/// Where the workspace's changes stand: what the status bar shows beside its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    /// No file yet and nothing to write (it is written at the first change).
    New,
    /// Everything is on disk.
    Saved,
    /// A save is under way.
    Saving,
    /// Changes the last save did not write (it failed).
    Unsaved,
}

impl SaveState {
    /// Where `review`'s changes stand now.
    pub fn of(review: &crate::app::state::ReviewState) -> SaveState {
        match (review.saving.is_some(), review.unsaved.is_empty()) {
            (true, _) => SaveState::Saving,
            (false, false) => SaveState::Unsaved,
            (false, true) if review.stored.exists() => SaveState::Saved,
            (false, true) => SaveState::New,
        }
    }

    /// Letters and symbols that read without colour (`NO_COLOR`).
    pub fn label(self) -> &'static str {
        match self {
            SaveState::New => "○ new",
            SaveState::Saved => "✓ saved",
            SaveState::Saving => "saving…",
            SaveState::Unsaved => "● unsaved",
        }
    }
}

/// Carries out `Effect::Save`: writes the workspace (merging what another process saved
/// meanwhile) and says what happened, as a message for `update`. It never waits: a lock
/// held by another process comes back as `Msg::LockHeld`, for a wait off the UI thread.
pub fn save(state: &crate::app::State) -> Option<Msg> {
    let review = state.review.as_ref()?;
    Some(
        match review.stored.save_changed(&review.ws, &review.unsaved) {
            Ok(saved) => Msg::Saved(Box::new(saved)),
            Err(WorkspaceError::Locked { path, holder }) => Msg::LockHeld { lock: path, holder },
            Err(e) => Msg::SaveFailed(e.to_string()),
        },
    )
}

/// Carries out `Effect::Refresh` (the workspace file changed on disk): merges what another
/// process saved into the open state, as a message for `update`; `None` when the file
/// holds what this session last read or wrote (its own save, say).
pub fn refresh(state: &crate::app::State) -> Option<Msg> {
    let review = state.review.as_ref()?;
    match review.stored.refresh(&review.ws) {
        Ok(Some(merged)) => Some(Msg::Refreshed(Box::new(merged))),
        Ok(None) => None,
        Err(e) => Some(Msg::SaveFailed(format!(
            "cannot read the changed file: {e}"
        ))),
    }
}

/// An export written: the name asked for, the file written (a numbered name beside it when
/// that one was taken) and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The path the export was asked for.
    pub asked: PathBuf,
    /// The file written: `asked`, or a numbered name beside it when that was taken.
    pub path: PathBuf,
    /// What the file holds, for the status line.
    pub what: String,
}

/// Carries out `Effect::Write`: writes `contents` to a new file, `path` or, when that
/// exists, the first free `stem-2.ext`, `stem-3.ext`…; an existing file is never replaced.
/// The name is taken by creating the file (so two writers never pick the same one), then
/// filled atomically.
pub fn write_new(path: &Path, contents: &str, what: String) -> Msg {
    let numbered = |n: usize| {
        if n == 1 {
            return path.to_path_buf();
        }
        let stem = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let name = match path.extension() {
            Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
            None => format!("{stem}-{n}"),
        };
        path.with_file_name(name)
    };
    let shown = |p: &Path| p.display().to_string();
    for n in 1..=1000 {
        let candidate = numbered(n);
        let created = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate);
        match created {
            Ok(_) => {
                return Msg::Written(
                    crate::workspace::io::write_atomically(&candidate, contents.as_bytes())
                        .map(|()| Written {
                            asked: path.to_path_buf(),
                            path: candidate,
                            what,
                        })
                        .map_err(|e| e.to_string()),
                );
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Msg::Written(Err(format!("{}: {e}", shown(&candidate)))),
        }
    }
    Msg::Written(Err(format!(
        "{}: this name and 999 numbered ones are taken",
        shown(path)
    )))
}
