//! Note drafts: a note being typed when the workbench is ended from outside (SIGHUP from a
//! dropped SSH connection, SIGTERM, the terminal gone) is kept in a small file and offered
//! back at the next start on the same workspace, until it is saved or discarded.
//!
//! The file lives in the user's state folder (`$XDG_STATE_HOME/cordiale/drafts/`, else
//! `~/.local/state/cordiale/drafts/`), named by a hash of the workspace's full path, so it
//! stays out of the repository and out of other users' sight; when that folder cannot be
//! written, beside the workspace as `.<workspace name>.draft` (`.cordiale.json.draft`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::workspace::Short;

/// A note that was being typed: on which item, by whom, when it was kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The item the note is on.
    pub item: Short,
    /// The reviewer who was typing it.
    pub reviewer: Short,
    /// The note as typed so far.
    pub text: String,
    /// RFC 3339, UTC: when it was kept.
    pub at: Short,
}

/// The drafts file: the workspace it belongs to (for a person reading it) and its drafts.
#[derive(Debug, Serialize, Deserialize)]
struct DraftsFile {
    workspace: PathBuf,
    drafts: Vec<Draft>,
}

/// The workspace's full path, for the drafts file's name (the file may not exist yet).
fn full_path(workspace: &Path) -> PathBuf {
    let dir = match workspace.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = dir.canonicalize().unwrap_or(dir);
    dir.join(workspace.file_name().unwrap_or_default())
}

/// Where the drafts of `workspace` are kept, in order of preference.
pub fn places(workspace: &Path) -> Vec<PathBuf> {
    let full = full_path(workspace);
    let key = crate::workspace::id::doc_hash(&full.to_string_lossy());
    let mut places: Vec<PathBuf> = crate::app::memory::state_dir()
        .map(|d| d.join("drafts").join(format!("{key}.json")))
        .into_iter()
        .collect();
    let mut beside = std::ffi::OsString::from(".");
    beside.push(workspace.file_name().unwrap_or_default());
    beside.push(".draft");
    places.push(workspace.with_file_name(beside));
    places
}

/// The drafts kept for `workspace`, from every place (none when there are none, or when a
/// file cannot be read: a draft is a convenience, never a reason not to start).
pub fn read(workspace: &Path) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    for place in places(workspace) {
        let Ok(bytes) = std::fs::read(&place) else {
            continue;
        };
        if let Ok(file) = serde_json::from_slice::<DraftsFile>(&bytes) {
            for d in file.drafts {
                if !drafts.contains(&d) {
                    drafts.push(d);
                }
            }
        }
    }
    drafts
}

/// Keeps exactly `drafts` for `workspace`: written atomically to the first place that can
/// take it (the others removed), or every file removed when there are none.
pub fn store(workspace: &Path, drafts: &[Draft]) -> Result<(), String> {
    let places = places(workspace);
    let remove = |p: &Path| match std::fs::remove_file(p) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(format!("{}: {e}", p.display())),
        _ => Ok(()),
    };
    if drafts.is_empty() {
        return places.iter().try_for_each(|p| remove(p));
    }
    let file = DraftsFile {
        workspace: full_path(workspace),
        drafts: drafts.to_vec(),
    };
    let mut bytes = serde_json::to_vec_pretty(&file).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    let mut failed = Vec::new();
    for (k, place) in places.iter().enumerate() {
        if let Some(dir) = place.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        match crate::workspace::io::write_atomically(place, &bytes) {
            Ok(()) => {
                for other in places.iter().skip(k + 1) {
                    let _ = remove(other);
                }
                return Ok(());
            }
            Err(e) => failed.push(e.to_string()),
        }
    }
    Err(failed.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_kept_read_back_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("cordiale.json");
        assert!(read(&ws).is_empty());
        let draft = Draft {
            item: "c1".into(),
            reviewer: "ann".into(),
            text: "half\na thought".into(),
            at: "2026-11-25T08:00:00Z".into(),
        };
        // Beside the workspace when the state folder cannot be written.
        let beside = places(&ws).pop().unwrap();
        assert_eq!(beside, dir.path().join(".cordiale.json.draft"));
        crate::workspace::io::write_atomically(
            &beside,
            &serde_json::to_vec(&DraftsFile {
                workspace: ws.clone(),
                drafts: vec![draft.clone()],
            })
            .unwrap(),
        )
        .unwrap();
        assert_eq!(read(&ws), [draft]);
        store(&ws, &[]).unwrap();
        assert!(read(&ws).is_empty());
        assert!(!beside.exists());
    }
}
