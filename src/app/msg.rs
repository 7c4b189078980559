//! What enters `update` (messages) and what comes out of it (effects, which the runtime
//! carries out: the only I/O the workbench does).

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::state::FinderHit;
use crate::corpus::Corpus;
use crate::search::Index;

/// What happened: a key, a paste, a resize, or work done off the UI thread coming back.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key pressed (or repeated; releases are not sent).
    Key(KeyEvent),
    /// Bracketed paste: text, never keys.
    Paste(String),
    /// A mouse event at (column, row), when the mouse is captured (`--mouse`).
    Mouse(Mouse, u16, u16),
    /// The terminal's new size, columns × rows.
    Resize(u16, u16),
    /// The corpus is loaded; the index is still being built.
    CorpusLoaded(Arc<Corpus>),
    /// The finder's index is built.
    IndexReady(Arc<Index>),
    /// The workspace file is opened and brought up to date with the corpus.
    WorkspaceOpened(Box<super::review::Opened>),
    /// A save went through (with another process's changes merged in, if any).
    Saved(Box<crate::workspace::store::Saved>),
    /// A save failed, with why: the changes stay unsaved.
    SaveFailed(String),
    /// A save found the workspace's lock file (`lock`) held by another process (`holder`,
    /// as it signed the file): nothing was written; it is tried again once the lock is free.
    LockHeld {
        /// The lock file.
        lock: std::path::PathBuf,
        /// Who holds it, as its holder wrote it.
        holder: String,
    },
    /// The lock a save waited for came free (`Effect::WaitForLock`).
    LockFree,
    /// The workspace file changed on disk (another session, a `git pull`).
    DiskChanged,
    /// An export was written, or could not be.
    Written(Result<super::review::Written, String>),
    /// What another process saved, merged into the open state.
    Refreshed(Box<crate::workspace::store::Saved>),
    /// The corpus or the workspace could not be opened, with why.
    LoadFailed(String),
    /// The results of a finder query (`Effect::Search`).
    FinderResults {
        /// The query's number: results of an older query than the one typed are dropped.
        generation: u64,
        /// The rows to show, best first.
        hits: Vec<FinderHit>,
        /// How many entries matched; a lower bound when `complete` is false.
        total: usize,
        /// False when the search stopped before counting every match.
        complete: bool,
    },
    /// Back from a suspension (Ctrl-Z, or a stop and SIGCONT from outside).
    Resumed,
    /// SIGTERM or SIGHUP: leave now.
    Terminate,
}

impl Msg {
    /// What the message is, for the log: its kind and small facts, never what was typed
    /// (a character key is `char`, a paste its length).
    pub fn describe(&self) -> String {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        match self {
            Msg::Key(k) => {
                let code = match k.code {
                    KeyCode::Char(_) if k.modifiers.difference(KeyModifiers::SHIFT).is_empty() => {
                        "char".to_string()
                    }
                    code => format!("{code:?}"),
                };
                format!("key {code} {:?}", k.modifiers)
            }
            Msg::Paste(text) => format!("paste of {} bytes", text.len()),
            Msg::Mouse(m, x, y) => format!("mouse {m:?} at {x},{y}"),
            Msg::Resize(w, h) => format!("resize {w}x{h}"),
            Msg::CorpusLoaded(c) => format!("corpus loaded: {} documents", c.documents.len()),
            Msg::IndexReady(i) => format!("index ready: {} entries", i.entries().len()),
            Msg::WorkspaceOpened(_) => "workspace opened".into(),
            Msg::Saved(_) => "saved".into(),
            Msg::SaveFailed(e) => format!("save failed: {e}"),
            Msg::LockHeld { lock, holder } => {
                format!("lock {} held by {holder}", lock.display())
            }
            Msg::LockFree => "lock free".into(),
            Msg::DiskChanged => "workspace changed on disk".into(),
            Msg::Written(Ok(_)) => "written".into(),
            Msg::Written(Err(e)) => format!("not written: {e}"),
            Msg::Refreshed(_) => "refreshed from disk".into(),
            Msg::LoadFailed(e) => format!("load failed: {e}"),
            Msg::FinderResults {
                generation,
                hits,
                total,
                complete,
            } => format!(
                "finder results #{generation}: {} shown of {total}{}",
                hits.len(),
                if *complete { "" } else { "+" }
            ),
            Msg::Resumed => "resumed".into(),
            Msg::Terminate => "terminate".into(),
        }
    }
}

/// What the mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mouse {
    /// The wheel scrolled up.
    WheelUp,
    /// The wheel scrolled down.
    WheelDown,
    /// The left button was pressed.
    Click,
}

/// What `update` asks the runtime to do: all the I/O the workbench does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the workbench.
    Quit,
    /// Give the terminal back and stop (Ctrl-Z) until resumed.
    Suspend,
    /// Clear and repaint the whole screen.
    Redraw,
    /// Put text on the clipboard through the terminal (OSC 52, which works over SSH).
    Copy(String),
    /// Run a finder query off the UI thread; results come back as `Msg::FinderResults`.
    Search {
        /// The query's number, sent back with its results.
        generation: u64,
        /// The query as typed.
        query: String,
    },
    /// Write the workspace now (`app::review::save`); the outcome comes back as a message.
    Save,
    /// Read the workspace file again and merge (`app::review::refresh`).
    Refresh,
    /// Keep exactly these note drafts for the workspace (`app::draft::store`): written
    /// atomically, or removed when there are none. A failure comes back as a message.
    KeepDrafts {
        /// The workspace file the drafts belong to.
        workspace: std::path::PathBuf,
        /// The drafts to keep (none: remove the file).
        drafts: Vec<super::draft::Draft>,
    },
    /// Replace a file of the user's state folder (`app::memory`: marks, reading mode,
    /// search history), atomically. A failure comes back as a message.
    Remember {
        /// The file to replace.
        path: std::path::PathBuf,
        /// Its new contents.
        contents: String,
    },
    /// Wait off the UI thread until the lock file is free, then send `Msg::LockFree`.
    WaitForLock(std::path::PathBuf),
    /// Write a new file (an export) at `path`, or at a numbered name beside it when `path`
    /// exists: never over a file. The outcome comes back as `Msg::Written` (`what` with it).
    Write {
        /// Where to write it.
        path: std::path::PathBuf,
        /// The file's contents.
        contents: String,
        /// What the file holds, for the status line.
        what: String,
    },
}

impl Effect {
    /// What the effect is, for the log (never its text: a copied sentence, a query).
    pub fn kind(&self) -> &'static str {
        match self {
            Effect::Quit => "quit",
            Effect::Suspend => "suspend",
            Effect::Redraw => "redraw",
            Effect::Copy(_) => "copy",
            Effect::Search { .. } => "search",
            Effect::Save => "save",
            Effect::Refresh => "refresh",
            Effect::KeepDrafts { .. } => "keep drafts",
            Effect::Remember { .. } => "remember",
            Effect::WaitForLock(_) => "wait for lock",
            Effect::Write { .. } => "write",
        }
    }
}
