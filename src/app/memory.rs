//! What the workbench remembers between sessions, per user: reading mode, the reader's
//! search history and the finder's query history (`prefs.json`), and the marks of each corpus (`marks/<hash>.json`, keyed
//! by document name). All in the user's state folder (`$XDG_STATE_HOME/cordiale`, else
//! `~/.local/state/cordiale`), never in the workspace: they are one person's habits, not
//! the team's review. Files are written atomically (`Effect::Remember`); one that cannot
//! be read is ignored: a preference is never a reason not to start.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::msg::Effect;
use super::state::{Bookmarks, State};

/// The preferences file.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Prefs {
    reading: bool,
    search_history: Vec<String>,
    finder_history: Vec<String>,
}

/// A corpus's marks file: the corpus it belongs to (for a person reading it) and its marks.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct MarksFile {
    corpus: String,
    marks: Bookmarks,
}

/// The user's state folder for cordiale.
pub fn state_dir() -> Option<PathBuf> {
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("cordiale"))
}

/// The key of a corpus: a hash of its paths, made absolute.
pub fn corpus_key(paths: &[PathBuf]) -> String {
    let full: Vec<String> = paths
        .iter()
        .map(|p| {
            p.canonicalize()
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    crate::workspace::id::doc_hash(&full.join("\n")).to_string()
}

fn prefs_path(dir: &Path) -> PathBuf {
    dir.join("prefs.json")
}

fn marks_path(dir: &Path, key: &str) -> PathBuf {
    dir.join("marks").join(format!("{key}.json"))
}

/// Reads what was remembered into `state` (its `state_dir` and `corpus_key` set).
pub fn load(state: &mut State) {
    let Some(dir) = state.state_dir.clone() else {
        return;
    };
    let read = |p: PathBuf| std::fs::read(p).ok();
    if let Some(prefs) =
        read(prefs_path(&dir)).and_then(|b| serde_json::from_slice::<Prefs>(&b).ok())
    {
        state.reading = prefs.reading;
        state.reader.history = super::history::cleaned(prefs.search_history);
        state.finder.history = super::history::cleaned(prefs.finder_history);
    }
    if let Some(file) = read(marks_path(&dir, &state.corpus_key))
        .and_then(|b| serde_json::from_slice::<MarksFile>(&b).ok())
    {
        state.bookmarks = file.marks;
    }
}

fn remember(path: PathBuf, value: &impl Serialize) -> Vec<Effect> {
    match serde_json::to_string_pretty(value) {
        Ok(mut contents) => {
            contents.push('\n');
            vec![Effect::Remember { path, contents }]
        }
        Err(_) => Vec::new(),
    }
}

/// Writes reading mode and both histories (nothing without a state folder).
pub fn keep_prefs(state: &State) -> Vec<Effect> {
    let Some(dir) = &state.state_dir else {
        return Vec::new();
    };
    let prefs = Prefs {
        reading: state.reading,
        search_history: state.reader.history.clone(),
        finder_history: state.finder.history.clone(),
    };
    remember(prefs_path(dir), &prefs)
}

/// Writes the corpus's marks (nothing without a state folder).
pub fn keep_marks(state: &State) -> Vec<Effect> {
    let Some(dir) = &state.state_dir else {
        return Vec::new();
    };
    let file = MarksFile {
        corpus: state.corpus_name.clone(),
        marks: state.bookmarks.clone(),
    };
    remember(marks_path(dir, &state.corpus_key), &file)
}

/// Carries out `Effect::Remember`: the folder made, the file replaced atomically.
pub fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    crate::workspace::io::write_atomically(path, contents.as_bytes()).map_err(|e| e.to_string())
}
