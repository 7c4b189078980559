//! Opening the review workspace for the workbench, the way the review commands do: read
//! the file (or start one), add the commitments extracted since, place every item again.
//! Nothing is written until a reviewer changes something; then every change is saved at
//! once (`save`, which the runtime runs for `Effect::Save`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::msg::Msg;
use crate::corpus::Corpus;
use crate::extract::extract_all;
use crate::workspace::store::Stored;
use crate::workspace::sync::sync;
use crate::workspace::{Short, Workspace, WorkspaceError};

/// A workspace opened and brought up to date with the corpus.
#[derive(Debug, Clone)]
pub struct Opened {
    pub path: PathBuf,
    pub stored: Stored,
    pub ws: Workspace,
    pub orphaned: BTreeSet<Short>,
    pub me: Option<String>,
}

/// Opens `path` for `corpus` (named `corpus_name` in a new file); `me` is the active
/// reviewer. A file that cannot be read is reported, never replaced.
pub fn open(path: &Path, corpus: &Corpus, corpus_name: &str, me: Option<String>) -> Msg {
    let fresh = || Workspace {
        corpus: corpus_name.to_string(),
        ..Default::default()
    };
    match Stored::open(path, fresh) {
        Ok((mut stored, mut ws)) => {
            let report = sync(&mut ws, corpus, &extract_all(corpus));
            stored.prepare_saves(&ws);
            Msg::WorkspaceOpened(Box::new(Opened {
                path: path.to_path_buf(),
                stored,
                ws,
                orphaned: report.orphaned,
                me,
            }))
        }
        Err(e) => Msg::LoadFailed(e.to_string()),
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
