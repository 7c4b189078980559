//! The finder's query history: the queries a person ran (pressed enter on), recalled with
//! the history keys at the finder's prompt and kept across sessions.
//!
//! It lives in the user's state folder (`$XDG_STATE_HOME/cordiale/finder-history.json`,
//! else `~/.local/state/cordiale/`), as drafts do: what a person looked for is theirs, not the
//! workspace's. A missing or unreadable file is an empty history, never a reason not to
//! start.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Queries kept: enough for weeks of work, small enough to write on every query.
pub const LIMIT: usize = 100;

#[derive(Debug, Default, Serialize, Deserialize)]
struct HistoryFile {
    /// Oldest first.
    queries: Vec<String>,
}

/// Where the history is kept, if the machine has a state folder.
pub fn place() -> Option<PathBuf> {
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("cordiale").join("finder-history.json"))
}

/// `history` with `query` added as the newest: once (an older copy goes), trimmed of
/// surrounding space, at most [`LIMIT`] kept. An empty query changes nothing.
pub fn add(history: &mut Vec<String>, query: &str) {
    let query = query.trim();
    if query.is_empty() {
        return;
    }
    history.retain(|q| q != query);
    history.push(query.to_string());
    if history.len() > LIMIT {
        history.drain(..history.len() - LIMIT);
    }
}

/// The history kept at `path`; empty when there is none or it cannot be read. Entries
/// that are not one line of printable text (a file edited or damaged by hand) are dropped,
/// as are repeats.
pub fn read(path: &Path) -> Vec<String> {
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    let Ok(file) = serde_json::from_slice::<HistoryFile>(&bytes) else {
        return Vec::new();
    };
    let mut history = Vec::new();
    for q in file.queries {
        if !q.chars().any(char::is_control) {
            add(&mut history, &q);
        }
    }
    history
}

/// Writes `history` to `path` atomically (a crash leaves the old file or the new one).
pub fn store(path: &Path, history: &[String]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let file = HistoryFile {
        queries: history.to_vec(),
    };
    let mut bytes = serde_json::to_vec_pretty(&file).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    crate::workspace::io::write_atomically(path, &bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_deduplicated_bounded_and_trimmed() {
        let mut h = Vec::new();
        for q in ["10m", " calais ", "", "10m"] {
            add(&mut h, q);
        }
        assert_eq!(h, ["calais", "10m"]);
        for i in 0..LIMIT + 5 {
            add(&mut h, &format!("q{i}"));
        }
        assert_eq!(h.len(), LIMIT);
        assert_eq!(h.first().map(String::as_str), Some("q5"));
        assert_eq!(
            h.last().map(String::as_str),
            Some(format!("q{}", LIMIT + 4).as_str())
        );
    }

    #[test]
    fn the_file_is_written_read_back_and_a_bad_one_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state").join("finder-history.json");
        assert!(read(&path).is_empty(), "missing: empty");
        store(&path, &["10m".into(), "@2016".into()]).unwrap();
        assert_eq!(read(&path), ["10m", "@2016"]);
        std::fs::write(&path, b"{not json").unwrap();
        assert!(read(&path).is_empty(), "corrupt: empty");
        std::fs::write(&path, br#"{"queries":["a","\u001b[2J","a","b"]}"#).unwrap();
        assert_eq!(
            read(&path),
            ["a", "b"],
            "control characters and repeats dropped"
        );
    }
}
