//! Opening the review workspace for the workbench, the way the review commands do: read
//! the file (or start one), add the commitments extracted since, place every item again.
//! Read-only here: nothing is written until a reviewer changes something.

use std::path::{Path, PathBuf};

use super::msg::Msg;
use crate::corpus::Corpus;
use crate::extract::extract_all;
use crate::workspace::store::Stored;
use crate::workspace::sync::sync;
use crate::workspace::{Short, Workspace};

/// A workspace opened and brought up to date with the corpus.
#[derive(Debug, Clone)]
pub struct Opened {
    pub path: PathBuf,
    pub ws: Workspace,
    pub orphaned: Vec<Short>,
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
        Ok((_, mut ws)) => {
            let report = sync(&mut ws, corpus, &extract_all(corpus));
            Msg::WorkspaceOpened(Box::new(Opened {
                path: path.to_path_buf(),
                ws,
                orphaned: report.orphaned,
                me,
            }))
        }
        Err(e) => Msg::LoadFailed(e.to_string()),
    }
}
