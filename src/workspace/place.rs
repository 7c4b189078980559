//! Where a corpus's workspace lives, and whether a workspace file belongs to a corpus.
//!
//! A workspace holds one corpus: it records where (relative to itself) and its documents'
//! hashes, so a command or the workbench pointed at another corpus refuses it rather than
//! orphaning every item and adding the other corpus's items to the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::io::read_record;
use super::model::{Short, Workspace};

/// The workspace's file name when none is given.
pub const FILE_NAME: &str = "cordiale.json";

/// The corpus the paths name, as one path: the path itself when there is one; for several,
/// the deepest folder that holds them all (a file counts as its folder).
pub fn corpus_root(paths: &[PathBuf]) -> PathBuf {
    match paths {
        [] => PathBuf::from("."),
        [one] => one.clone(),
        many => {
            let folders: Vec<PathBuf> =
                many.iter().map(|p| home(p)).map(|p| resolved(&p)).collect();
            let mut common = folders[0].clone();
            while !folders.iter().all(|f| f.starts_with(&common)) {
                if !common.pop() {
                    break;
                }
            }
            common
        }
    }
}

/// The folder a corpus's workspace goes in: the corpus folder itself, or a file's folder.
pub fn home(root: &Path) -> PathBuf {
    if root.is_dir() {
        return root.to_path_buf();
    }
    root.parent().map_or_else(PathBuf::new, Path::to_path_buf)
}

/// A path made absolute, with links resolved where it exists: two spellings of one place
/// compare equal.
fn resolved(p: &Path) -> PathBuf {
    std::fs::canonicalize(p)
        .or_else(|_| std::path::absolute(p))
        .unwrap_or_else(|_| p.to_path_buf())
}

/// The folder of the workspace file at `path`.
fn folder_of(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new(""))
}

/// The corpus a workspace file records, as a path from here.
pub fn recorded_corpus(path: &Path, record: &str) -> PathBuf {
    let recorded = Path::new(record);
    if recorded.is_absolute() {
        return recorded.to_path_buf();
    }
    // `seeds/cordiale.json` recording `.` is `seeds`, not `seeds/.` (a name people read).
    let joined: PathBuf = folder_of(path)
        .join(recorded)
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    match joined.as_os_str().is_empty() {
        true => PathBuf::from("."),
        false => joined,
    }
}

/// How the workspace at `path` records the corpus at `root`: relative to the workspace's
/// folder when the corpus lies inside it (`.` for that folder itself), else absolute.
pub fn record_of(root: &Path, path: &Path) -> String {
    let dir = match folder_of(path) {
        d if d.as_os_str().is_empty() => Path::new("."),
        d => d,
    };
    let (t, d) = (resolved(root), resolved(dir));
    match t.strip_prefix(&d) {
        Ok(rel) if rel.as_os_str().is_empty() => ".".into(),
        Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
        Err(_) => t.to_string_lossy().into_owned(),
    }
}

/// Whether a workspace file is the one of a corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Belonging {
    /// It records this corpus's place (its documents may have been edited since: anchors
    /// follow edits, and what cannot be placed is shown orphaned).
    Same,
    /// It records another place, but exactly this corpus's documents: the corpus moved.
    Moved,
    /// Another corpus.
    Other,
}

/// Whether the workspace at `path`, whose record is `record`, belongs to the corpus at
/// `paths`. `documents` gives that corpus's documents as a workspace records them
/// (`sync::documents`); it is only asked for when the places differ.
pub fn belonging(
    path: &Path,
    record: &Workspace,
    paths: &[PathBuf],
    documents: impl FnOnce() -> Option<BTreeMap<Short, Short>>,
) -> Belonging {
    let root = resolved(&corpus_root(paths));
    if resolved(&recorded_corpus(path, &record.corpus)) == root {
        return Belonging::Same;
    }
    if record.documents.is_empty() {
        // Written before the record existed (schema 2): the workbench then wrote the
        // corpus as it was named on the command line, from the working folder.
        return match resolved(Path::new(&record.corpus)) == root {
            true => Belonging::Same,
            false => Belonging::Other,
        };
    }
    match documents() {
        Some(d) if d == record.documents => Belonging::Moved,
        _ => Belonging::Other,
    }
}

/// The workspace for the corpus at `paths` when none is named, looked for from the folder
/// `here`: `cordiale.json` there when it belongs to this corpus (or cannot be read, so that
/// its error is reported rather than a new file started beside it); else `cordiale.json`
/// inside the corpus folder (a file's folder; for several paths, the folder holding them
/// all). `documents` as for `belonging`.
pub fn default_in(
    here: &Path,
    paths: &[PathBuf],
    documents: impl FnOnce() -> Option<BTreeMap<Short, Short>>,
) -> PathBuf {
    let local = here.join(FILE_NAME);
    if local.exists() {
        let belongs = match read_record(&local) {
            Ok(record) => belonging(&local, &record, paths, documents) != Belonging::Other,
            Err(_) => true,
        };
        if belongs {
            return local;
        }
    }
    home(&corpus_root(paths)).join(FILE_NAME)
}

/// Takes the workspace `ws`, opened from `path`, for the corpus at `paths`: a new one
/// (`existed` false) records that corpus; an existing one must belong to it, and records
/// its new place when it moved. `documents` as for `belonging`. Nothing is written.
pub fn adopt(
    path: &Path,
    existed: bool,
    ws: &mut Workspace,
    paths: &[PathBuf],
    documents: impl FnOnce() -> Option<BTreeMap<Short, Short>>,
) -> Result<(), OtherCorpus> {
    if existed {
        match belonging(path, ws, paths, documents) {
            Belonging::Same => return Ok(()),
            Belonging::Moved => {}
            Belonging::Other => return Err(OtherCorpus::new(path, ws, paths)),
        }
    }
    ws.corpus = record_of(&corpus_root(paths), path);
    Ok(())
}

/// A workspace file that records another corpus than the one it was opened for.
#[derive(Debug, thiserror::Error)]
#[error(
    "{workspace}: this workspace records the corpus {recorded}, not {given} ({given_full}): \
     one workspace holds one corpus, so nothing was changed. For {given}, use --workspace \
     {instead} (`cordiale init {given}` creates it). If the corpus moved, open it once \
     unchanged from its new place, or set \"corpus\" in {workspace}."
)]
pub struct OtherCorpus {
    /// The workspace file, as given.
    pub workspace: String,
    /// The corpus the workspace records, resolved.
    pub recorded: String,
    /// The paths given for the corpus, as typed.
    pub given: String,
    /// The corpus given, resolved.
    pub given_full: String,
    /// The workspace file to use for the corpus given.
    pub instead: String,
}

impl OtherCorpus {
    /// The refusal of the workspace at `path` (recording `record`) for the corpus at
    /// `paths`, with the workspace to use instead: the default one inside that corpus,
    /// or, when that is the file refused (two files of one folder), one named after it.
    pub fn new(path: &Path, record: &Workspace, paths: &[PathBuf]) -> OtherCorpus {
        let root = corpus_root(paths);
        let mut instead = home(&root).join(FILE_NAME);
        if resolved(&instead) == resolved(path) {
            let stem = root
                .file_stem()
                .map_or("corpus".into(), |s| s.to_string_lossy());
            instead = home(&root).join(format!("cordiale-{stem}.json"));
        }
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        OtherCorpus {
            workspace: path.display().to_string(),
            recorded: resolved(&recorded_corpus(path, &record.corpus))
                .display()
                .to_string(),
            given: names.join(" "),
            given_full: resolved(&root).display().to_string(),
            instead: instead.display().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::io::save;
    use std::fs;

    #[test]
    fn a_recorded_corpus_reads_as_a_plain_path() {
        let at = |ws: &str, record: &str| recorded_corpus(Path::new(ws), record);
        assert_eq!(at("seeds/cordiale.json", "."), Path::new("seeds"));
        assert_eq!(at("cordiale.json", "."), Path::new("."));
        assert_eq!(at("cordiale.json", "corpus"), Path::new("corpus"));
        assert_eq!(at("a/b/cordiale.json", "./c"), Path::new("a/b/c"));
        assert_eq!(at("x/cordiale.json", "/abs/c"), Path::new("/abs/c"));
    }

    fn corpus(dir: &Path, name: &str, docs: &[(&str, &str)]) -> PathBuf {
        let root = dir.join(name);
        fs::create_dir_all(&root).unwrap();
        for (doc, text) in docs {
            fs::write(root.join(doc), text).unwrap();
        }
        root
    }

    fn workspace_of(path: &Path, root: &Path, docs: &[(&str, &str)]) -> Workspace {
        let ws = Workspace {
            corpus: record_of(root, path),
            documents: docs
                .iter()
                .map(|(n, t)| ((*n).into(), crate::workspace::id::doc_hash(t)))
                .collect(),
            ..Default::default()
        };
        save(path, &ws).unwrap();
        ws
    }

    #[test]
    fn the_default_is_inside_the_corpus_never_its_parent() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let a = corpus(d, "a", &[("x.txt", "X")]);
        let none = || None;
        assert_eq!(
            default_in(d, std::slice::from_ref(&a), none),
            a.join(FILE_NAME)
        );
        // A single file: its folder. Several: the folder holding them all.
        assert_eq!(default_in(d, &[a.join("x.txt")], none), a.join(FILE_NAME));
        let b = corpus(d, "b/deep", &[("y.txt", "Y")]);
        let both = [a.join("x.txt"), b.join("y.txt")];
        assert_eq!(default_in(d, &both, none), resolved(d).join(FILE_NAME));
        // The working folder's workspace when it is this corpus's.
        let here = d.join(FILE_NAME);
        workspace_of(&here, &a, &[("x.txt", "X")]);
        assert_eq!(default_in(d, std::slice::from_ref(&a), none), here);
        // Not another corpus's.
        assert_eq!(
            default_in(d, std::slice::from_ref(&b), none),
            b.join(FILE_NAME)
        );
        // One that cannot be read is taken, so that its error shows.
        fs::write(&here, "<<<<<<< ours\n").unwrap();
        assert_eq!(default_in(d, std::slice::from_ref(&b), none), here);
    }

    #[test]
    fn another_place_belongs_only_with_the_same_documents() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let docs = [("x.txt", "X"), ("y.txt", "Y")];
        let a = corpus(d, "a", &docs);
        let path = d.join("review.json");
        let record = workspace_of(&path, &a, &docs);
        assert_eq!(record.corpus, "a");
        let same = belonging(&path, &record, &[d.join("a/../a")], || panic!("not asked"));
        assert_eq!(same, Belonging::Same);
        let hashes = |docs: &[(&str, &str)]| {
            let map: BTreeMap<Short, Short> = docs
                .iter()
                .map(|(n, t)| ((*n).into(), crate::workspace::id::doc_hash(t)))
                .collect();
            Some(map)
        };
        let moved = [d.join("moved")];
        assert_eq!(
            belonging(&path, &record, &moved, || hashes(&docs)),
            Belonging::Moved
        );
        let edited = [("x.txt", "X2"), ("y.txt", "Y")];
        assert_eq!(
            belonging(&path, &record, &moved, || hashes(&edited)),
            Belonging::Other
        );
        // A record of schema 2 (no documents) goes by the place alone.
        let legacy = Workspace {
            corpus: "a".into(),
            ..Default::default()
        };
        assert_eq!(
            belonging(&path, &legacy, &moved, || hashes(&docs)),
            Belonging::Other
        );
    }

    #[test]
    fn records_are_relative_to_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let a = corpus(d, "a", &[("x.txt", "X")]);
        assert_eq!(record_of(&a, &a.join(FILE_NAME)), ".");
        assert_eq!(record_of(&a, &d.join(FILE_NAME)), "a");
        let outside = record_of(d, &a.join(FILE_NAME));
        assert_eq!(Path::new(&outside), resolved(d));
        let refused = OtherCorpus::new(
            &a.join(FILE_NAME),
            &Workspace {
                corpus: "elsewhere".into(),
                ..Default::default()
            },
            &[a.join("x.txt")],
        );
        // The file refused is the default of that corpus: another name is offered.
        assert!(refused.instead.ends_with("cordiale-x.json"), "{refused}");
    }
}
