//! Reading and writing the workspace file: deterministic bytes, clear errors, atomic saves.
//!
//! The same state always gives the same bytes (fields in a fixed order, items by document
//! then position, reviewers by name, 2-space indent, a final newline), so `git diff` shows
//! only what changed. A file that cannot be read as a workspace is reported with its line and
//! column and never written over.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::model::{Item, SCHEMA, SCHEMA_REF, Scale, Short, Verdict, Workspace};
pub use super::write::{Encoded, encode, to_bytes};

/// Why a workspace file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// Reading or writing the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The workspace file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{path}: not UTF-8 text, so not a workspace file")]
    NotUtf8 {
        /// The workspace file.
        path: PathBuf,
    },
    /// The file is empty.
    #[error("{path}: empty file, not a workspace")]
    Empty {
        /// The workspace file.
        path: PathBuf,
    },
    /// The file is not valid JSON.
    #[error("{path}:{line}:{column}: not valid JSON: {message}")]
    Syntax {
        /// The workspace file.
        path: PathBuf,
        /// Where the JSON parser stopped: line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// Valid JSON, but not in the shape of a workspace.
    #[error("{path}:{line}:{column}: not a cordiale workspace: {message}")]
    NotAWorkspace {
        /// The workspace file.
        path: PathBuf,
        /// Where the reader found the problem: line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// The file's schema is newer than this build reads: it is left untouched.
    #[error(
        "{path}: written by a newer cordiale (schema {found}; this one reads up to {supported}); \
         left untouched, update cordiale to open it"
    )]
    NewerSchema {
        /// The workspace file.
        path: PathBuf,
        /// The schema number in the file.
        found: u64,
        /// The newest schema this build reads (`SCHEMA`).
        supported: u32,
    },
    /// Git merged the file without the merge driver and left conflict markers in it.
    #[error(
        "{path}: holds git conflict markers (merged without cordiale's merge driver); \
         recover with `cordiale git-setup --write && git checkout -m {path}`"
    )]
    ConflictMarkers {
        /// The workspace file.
        path: PathBuf,
    },
    /// The path is a folder, a pipe, a socket or a device, not a regular file.
    #[error("{path}: a {kind}, not a regular file, so not a workspace file")]
    NotAFile {
        /// The path given.
        path: PathBuf,
        /// What it is instead (`folder`, `socket`…), as the message names it.
        kind: &'static str,
    },
    /// The file's mode bits forbid writing it: it is not saved over.
    #[error(
        "{path}: read-only (mode {mode:04o}), so it is left as it is; \
         make it writable (chmod u+w) to save"
    )]
    ReadOnly {
        /// The workspace file.
        path: PathBuf,
        /// The file's permission bits.
        mode: u32,
    },
    /// The system refuses this user write access to the file.
    #[error("{path}: not writable by this user ({source}), so it is left as it is")]
    NotWritable {
        /// The workspace file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The lock file (named) could not be made or taken.
    #[error("{path}: cannot take the workspace's lock: {source}")]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// An item holds a verdict the workspace's scale does not have (a branch that rated
    /// on another scale was merged in, or a hand edit).
    #[error("{path}: {detail}; nothing was changed")]
    UnknownVerdict {
        /// The workspace file.
        path: PathBuf,
        /// Which item, who, which verdict, and the verdicts the scale has.
        detail: String,
    },
    /// Another process holds the lock file (named): try again once it is free.
    #[error("{path} is held by {holder}")]
    Locked {
        /// The lock file.
        path: PathBuf,
        /// Who holds it, as its holder wrote it in the lock file, or "another process".
        holder: String,
    },
}

/// The file's top level, as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    /// Where editors find the JSON Schema; any value is accepted, ours is written back.
    #[serde(rename = "$schema", default)]
    _schema_ref: Option<String>,
    schema: u64,
    corpus: String,
    #[serde(default)]
    as_of: Option<crate::calendar::Day>,
    #[serde(default, deserialize_with = "scale_field")]
    scale: Scale,
    documents: BTreeMap<Short, Short>,
    #[serde(deserialize_with = "unique_items")]
    items: BTreeMap<Short, Item>,
}

impl Raw {
    fn into_workspace(self) -> Workspace {
        Workspace {
            corpus: self.corpus,
            as_of: self.as_of,
            scale: self.scale,
            documents: self.documents,
            items: self.items,
        }
    }
}

/// The file's `"scale"`: a built-in scale's name, or a declared scale (checked).
fn scale_field<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Scale, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Field {
        Named(String),
        Declared(Scale),
    }
    let scale = match Field::deserialize(d).map_err(|_| {
        de::Error::custom(
            "\"scale\" is a built-in scale's name (standard, g7, meter) or an object \
             {name, verdicts: [{name, key, label, score}…]}",
        )
    })? {
        Field::Named(name) => Scale::built_in(&name).map_err(de::Error::custom)?,
        Field::Declared(scale) => scale,
    };
    scale.validate().map_err(de::Error::custom)?;
    Ok(scale)
}

/// The scale a file in the canonical layout declares, read from its head alone (the
/// bytes before `"items"`), for a change that reads one item.
pub(super) fn head_scale(bytes: &[u8]) -> Option<Scale> {
    #[derive(Deserialize)]
    struct Head {
        #[serde(default, deserialize_with = "scale_field")]
        scale: Scale,
    }
    let at = memchr::memmem::find(bytes, b"\n  \"items\": {")?;
    let head = bytes[..at].strip_suffix(b",")?;
    let head: Head = serde_json::from_slice(&[head, b"}"].concat()).ok()?;
    Some(head.scale)
}

/// Refuses a workspace with a verdict its scale does not have: a branch that rated on
/// another scale, merged in. Read as data, it would be a verdict nobody can give, count or
/// see explained; refused, the file stays as it is for a person to settle.
pub fn check_verdicts(path: &Path, ws: &Workspace) -> Result<(), WorkspaceError> {
    for (id, item) in &ws.items {
        for (by, verdict) in item.given_verdicts() {
            if !ws.scale.has(verdict) {
                let known: Vec<&str> = ws.scale.all().map(Verdict::name).collect();
                return Err(WorkspaceError::UnknownVerdict {
                    path: path.to_path_buf(),
                    detail: format!(
                        "item {id}: {by} gave the verdict {:?}, which the scale {:?} does not \
                         have (it has {})",
                        verdict.name(),
                        ws.scale.name,
                        known.join(", ")
                    ),
                });
            }
        }
    }
    Ok(())
}

/// Only the item ids of a file of any schema, to refuse a repeated one before the file is
/// read as a JSON value (which would keep the last silently) for migration.
#[derive(Deserialize)]
struct Ids {
    #[serde(deserialize_with = "unique_items")]
    #[allow(dead_code)]
    items: BTreeMap<Short, de::IgnoredAny>,
}

/// Reads the items object, refusing a repeated id (JSON parsers keep the last one silently,
/// which would drop a verdict).
fn unique_items<'de, D, V>(d: D) -> Result<BTreeMap<Short, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Items<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for Items<V> {
        type Value = BTreeMap<Short, V>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of items by id")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut items = BTreeMap::new();
            while let Some((id, item)) = map.next_entry::<Short, V>()? {
                if items.contains_key(&id) {
                    return Err(de::Error::custom(format!("duplicate item id {id}")));
                }
                items.insert(id, item);
            }
            Ok(items)
        }
    }
    d.deserialize_map(Items(std::marker::PhantomData))
}

/// Reads a state from a file's bytes; `path` names the file in errors.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Workspace, WorkspaceError> {
    let ws = read_bytes(path, bytes)?;
    check_verdicts(path, &ws)?;
    Ok(ws)
}

fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Workspace, WorkspaceError> {
    if let Some(ws) = parse_parallel(bytes) {
        return Ok(ws);
    }
    let path = path.to_path_buf();
    let text =
        std::str::from_utf8(bytes).map_err(|_| WorkspaceError::NotUtf8 { path: path.clone() })?;
    if text.trim().is_empty() {
        return Err(WorkspaceError::Empty { path });
    }
    // One typed parse; the slower reading into a JSON value only runs to explain a failure
    // or to migrate an older schema.
    match serde_json::from_str::<Raw>(text) {
        Ok(raw) if READ_AS_IS.contains(&raw.schema) => Ok(raw.into_workspace()),
        Ok(_) => read_value(path, text, None),
        Err(typed) => read_value(path, text, Some(typed)),
    }
}

/// Reads a file through a JSON value: says why it is not a workspace this build can read,
/// or migrates it from an older schema.
fn read_value(
    path: PathBuf,
    text: &str,
    typed: Option<serde_json::Error>,
) -> Result<Workspace, WorkspaceError> {
    // The syntax first, without building anything: a 100 MB file that is not a workspace
    // must not become gigabytes of JSON values to be refused.
    serde_json::from_str::<de::IgnoredAny>(text).map_err(|e| match conflict_markers(text) {
        true => WorkspaceError::ConflictMarkers { path: path.clone() },
        false => WorkspaceError::Syntax {
            path: path.clone(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        },
    })?;
    let not_a_workspace = |line, column, message| WorkspaceError::NotAWorkspace {
        path: path.clone(),
        line,
        column,
        message,
    };
    /// Only the schema number of an object.
    #[derive(Deserialize)]
    struct Probe {
        schema: Option<u64>,
    }
    let found = match text.trim_start().starts_with('{') {
        true => serde_json::from_str::<Probe>(text)
            .ok()
            .and_then(|p| p.schema),
        false => None,
    };
    match found {
        Some(found) if found > SCHEMA as u64 => Err(WorkspaceError::NewerSchema {
            path,
            found,
            supported: SCHEMA,
        }),
        Some(found) if found < SCHEMA as u64 => {
            if let Err(e) = serde_json::from_str::<Ids>(text) {
                return Err(not_a_workspace(e.line(), e.column(), e.to_string()));
            }
            let value = serde_json::from_str(text)
                .map_err(|e| not_a_workspace(e.line(), e.column(), e.to_string()))?;
            let migrated = migrate(value, found).map_err(|m| not_a_workspace(1, 1, m))?;
            let raw: Raw = serde_json::from_value(migrated).map_err(|e| {
                not_a_workspace(1, 1, format!("{e} (after migrating from schema {found})"))
            })?;
            Ok(raw.into_workspace())
        }
        _ => Err(match typed {
            Some(e) => not_a_workspace(e.line(), e.column(), e.to_string()),
            None => not_a_workspace(1, 1, "no schema number".into()),
        }),
    }
}

/// Whether a text holds the three kinds of line git writes around a conflict it could not
/// merge (`<<<<<<< ours`, `=======`, `>>>>>>> theirs`): what a merge without the driver
/// leaves in a workspace file.
fn conflict_markers(text: &str) -> bool {
    let mut seen = [false; 3];
    for line in text.lines() {
        for (k, marker) in ["<<<<<<<", "=======", ">>>>>>>"].iter().enumerate() {
            if let Some(rest) = line.strip_prefix(marker)
                && (rest.is_empty() || rest.starts_with(' '))
            {
                seen[k] = true;
            }
        }
    }
    seen == [true; 3]
}

/// The schemas whose files read as this one's, as they are: the steps since only change
/// the number (`renumbered`), so a file of 50,000 items written by an older build takes
/// the fast reader, not a migration through JSON values.
const READ_AS_IS: std::ops::RangeInclusive<u64> = 3..=SCHEMA as u64;

/// Brings a file of an older schema up to this one, one version at a time. Each step is a
/// pure change of the JSON value, tested on a file of its version.
fn migrate(mut value: serde_json::Value, from: u64) -> Result<serde_json::Value, String> {
    for version in from..SCHEMA as u64 {
        value = match version {
            1 => v1_to_v2(value),
            2 => v2_to_v3(value),
            3 | 4 => renumbered(value, version + 1),
            _ => return Err(format!("unknown schema {version}")),
        };
    }
    Ok(value)
}

/// Schema 2 names its JSON Schema in `"$schema"`.
fn v1_to_v2(mut value: serde_json::Value) -> serde_json::Value {
    if let Some(top) = value.as_object_mut() {
        top.insert("$schema".into(), SCHEMA_REF.into());
        top.insert("schema".into(), 2.into());
    }
    value
}

/// Schema 3 records the corpus's documents and their hashes. An older file knows none:
/// the record is empty until the next opening fills it from the corpus.
fn v2_to_v3(mut value: serde_json::Value) -> serde_json::Value {
    if let Some(top) = value.as_object_mut() {
        top.insert(
            "documents".into(),
            serde_json::Value::Object(Default::default()),
        );
        top.insert("schema".into(), 3.into());
    }
    value
}

/// A step that only adds what older files do not have: schema 4 may declare a verdict
/// scale and give verdicts per actor (a schema 3 file rated on the default scale, which is
/// what a file without `"scale"` means); schema 5 may hold the pair's verdicts per actor
/// (`reconciled_actors`), which a schema 4 file has none of.
fn renumbered(mut value: serde_json::Value, to: u64) -> serde_json::Value {
    if let Some(top) = value.as_object_mut() {
        top.insert("schema".into(), to.into());
    }
    value
}

/// The fast way to read a file in the canonical layout this build writes: the items are cut
/// apart at their closing lines and parsed in parallel.
///
/// Any surprise (another layout, a parse error, a duplicate id) gives `None`, and the file
/// is read again the ordinary way, which gives the exact error. Cutting is safe because a
/// JSON string cannot hold a raw newline, so a line that starts with four spaces and `}`
/// closes an object; each part must parse whole, as an item; and parsing validates the UTF-8
/// of every string, while the bytes between strings must be JSON's ASCII.
fn parse_parallel(bytes: &[u8]) -> Option<Workspace> {
    use memchr::memmem;
    const ITEMS: &[u8] = b"\n  \"items\": {\n";
    let open = memmem::find(bytes, ITEMS)? + ITEMS.len() - 1;
    let close = memmem::rfind(bytes, b"\n  }")?;
    if close < open {
        return None;
    }
    let skeleton = [&bytes[..open], &bytes[close..]].concat();
    let raw: Raw = serde_json::from_slice(&skeleton).ok()?;
    if !READ_AS_IS.contains(&raw.schema) || !raw.items.is_empty() {
        return None;
    }
    let body = &bytes[open..close];
    let mut parts = Vec::new();
    let mut from = 0;
    for end in memmem::find_iter(body, b"\n    }") {
        let end = end + 6;
        let part = &body[from..end];
        parts.push(if parts.is_empty() {
            part
        } else {
            part.strip_prefix(b",")?
        });
        from = end;
    }
    if from != body.len() {
        return None;
    }
    // Ids first, so the items are parsed in id order and the map is built by appending;
    // a 50,000-item workspace holds 18 MB of items, and every extra move of them shows.
    // The ids sort by their first eight bytes, which mostly spares comparing strings.
    let mut entries: Vec<(u64, Short, &str)> = parts
        .par_iter()
        .map(|p| split_entry(p))
        .collect::<Option<_>>()?;
    entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    if entries.windows(2).any(|w| w[0].1 == w[1].1) {
        return None;
    }
    let mut parsed: Vec<Option<(Short, Item)>> = Vec::new();
    entries
        .into_par_iter()
        .map(|(_, id, text)| Some((id, serde_json::from_str(text).ok()?)))
        .collect_into_vec(&mut parsed);
    let items: BTreeMap<Short, Item> = parsed.into_iter().collect::<Option<_>>()?;
    Some(Workspace {
        items,
        ..raw.into_workspace()
    })
}

/// One `"id": {item}` member, as cut out by `parse_parallel`: the id's first eight bytes
/// as a number (its sort key), the id, and the item's text.
fn split_entry(part: &[u8]) -> Option<(u64, Short, &str)> {
    let part = std::str::from_utf8(part).ok()?.strip_prefix("\n    ")?;
    let mut stream = serde_json::Deserializer::from_str(part).into_iter::<Short>();
    let id = stream.next()?.ok()?;
    let item = part[stream.byte_offset()..].strip_prefix(": ")?;
    let mut key = [0u8; 8];
    let n = id.len().min(8);
    key[..n].copy_from_slice(&id.as_bytes()[..n]);
    Some((u64::from_be_bytes(key), id, item))
}

/// Reads a workspace file (never blocking on a FIFO or a device: only a regular file is
/// opened).
pub fn load(path: &Path) -> Result<Workspace, WorkspaceError> {
    from_bytes(path, &read_regular(path)?)
}

/// The bytes of a regular file (a FIFO or a device is refused, never opened).
fn read_regular(path: &Path) -> Result<Vec<u8>, WorkspaceError> {
    let io = |source| WorkspaceError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = open_regular(path).map_err(io)??;
    let mut bytes = Vec::with_capacity(file.metadata().map_or(0, |m| m.len() as usize));
    std::io::Read::read_to_end(&mut &file, &mut bytes).map_err(io)?;
    Ok(bytes)
}

/// A workspace file's record of its corpus (`corpus` and `documents`, and its `as_of`
/// setting), with no items: what tells, before the whole file is read, whether it belongs
/// to a corpus. Its items are only scanned as JSON; a file that is not a workspace gets the
/// error `load` would give.
pub fn read_record(path: &Path) -> Result<Workspace, WorkspaceError> {
    /// The top level of a file of any schema, items skipped.
    #[derive(Deserialize)]
    struct Head {
        schema: u64,
        corpus: String,
        #[serde(default)]
        as_of: Option<crate::calendar::Day>,
        #[serde(default)]
        documents: BTreeMap<Short, Short>,
        #[allow(dead_code)]
        items: de::IgnoredAny,
    }
    let bytes = read_regular(path)?;
    match serde_json::from_slice::<Head>(&bytes) {
        Ok(head) if head.schema <= SCHEMA as u64 => Ok(Workspace {
            corpus: head.corpus,
            as_of: head.as_of,
            documents: head.documents,
            // Not read: a record tells the corpus, not how its items are rated.
            ..Workspace::default()
        }),
        // Newer, or not a workspace: the full reading says exactly why.
        _ => from_bytes(path, &bytes).map(|ws| Workspace {
            items: BTreeMap::new(),
            ..ws
        }),
    }
}

/// Opens a file for reading if it is a regular file (looked at before opening, so that a
/// FIFO, whose open would wait for a writer, is never opened): `Err` from the file system
/// (`NotFound` when there is none), `Ok(Err)` when it is something else than a file.
pub(super) fn open_regular(path: &Path) -> std::io::Result<Result<fs::File, WorkspaceError>> {
    let kind = fs::metadata(path)?.file_type();
    if !kind.is_file() {
        return Ok(Err(not_a_file(path, kind)));
    }
    let file = fs::File::open(path)?;
    // Replaced between the look and the open: look at what was opened.
    let kind = file.metadata()?.file_type();
    Ok(match kind.is_file() {
        true => Ok(file),
        false => Err(not_a_file(path, kind)),
    })
}

fn not_a_file(path: &Path, kind: fs::FileType) -> WorkspaceError {
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;
    let kind = match kind {
        k if k.is_dir() => "folder",
        #[cfg(unix)]
        k if k.is_fifo() => "FIFO (named pipe)",
        #[cfg(unix)]
        k if k.is_socket() => "socket",
        #[cfg(unix)]
        k if k.is_block_device() || k.is_char_device() => "device",
        _ => "special file",
    };
    WorkspaceError::NotAFile {
        path: path.to_path_buf(),
        kind,
    }
}

/// Writes a workspace file atomically: a temporary file in the same folder, flushed to
/// disk, renamed over the old one, and the folder flushed, so a crash at any moment leaves
/// the old file or the new one, never a torn one.
pub fn save(path: &Path, ws: &Workspace) -> Result<(), WorkspaceError> {
    save_encoded(path, &encode(ws)).map(drop)
}

/// Any file written as the workspace is: temporary file, flush, rename, folder flush.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WorkspaceError> {
    save_encoded(path, &Encoded::from_bytes(bytes.to_vec())).map(drop)
}

/// The file a save of `path` writes: `path`, or where its symbolic links lead (a link is
/// written through, never replaced by a file).
pub fn written_path(path: &Path) -> Result<PathBuf, WorkspaceError> {
    let mut at = path.to_path_buf();
    // As many links as the kernel follows (Linux's MAXSYMLINKS).
    for _ in 0..40 {
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&at).map_err(|source| WorkspaceError::Io {
                    path: at.clone(),
                    source,
                })?;
                at = at.parent().map_or_else(|| to.clone(), |d| d.join(&to));
            }
            _ => return Ok(at),
        }
    }
    Err(WorkspaceError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other("too many levels of symbolic links"),
    })
}

/// The start of the name of a save's temporary file for the file `target`: hidden, and
/// named after the file, so that stale ones can be told apart from another file's.
fn temp_prefix(target: &Path) -> std::ffi::OsString {
    let mut prefix = std::ffi::OsString::from(".cordiale-save-");
    prefix.push(target.file_name().unwrap_or_default());
    prefix.push("-");
    prefix
}

/// How many random characters end a save's temporary file name.
const TEMP_RANDOM: usize = 8;

/// Removes the temporary files that killed saves of `target` left behind. Only for a
/// caller that holds the workspace's lock: then no live save of it owns one.
pub(super) fn remove_stale_temps(target: &Path) {
    let prefix = temp_prefix(target);
    let prefix = prefix.as_encoded_bytes();
    let Ok(entries) = fs::read_dir(folder_of(target)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let stale = name
            .as_encoded_bytes()
            .strip_prefix(prefix)
            .is_some_and(|rest| {
                rest.len() == TEMP_RANDOM && rest.iter().all(u8::is_ascii_alphanumeric)
            });
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

pub(super) use crate::atomic::folder_of;

/// `save` for bytes already made by `encode`; the file written comes back, still open.
///
/// The file keeps what it was: a symbolic link is written through to its target; an
/// existing file's mode and group (and owner, when we may set it: as root, or as its
/// owner) go to the new file before it takes the old one's place; a new file gets the
/// umask's mode (0644 with the usual 022). A read-only file, or one we may not write, is
/// refused and left as it is, as is anything that is not a regular file.
pub(super) fn save_encoded(path: &Path, bytes: &Encoded) -> Result<fs::File, WorkspaceError> {
    save_written_by(path, |out| bytes.write_to(out))
}

/// The one way a workspace file is saved, whoever makes its bytes: `write` fills the
/// temporary file (and may fail, which leaves the old file as it was and no temporary one).
pub(super) fn save_written_by(
    path: &Path,
    write: impl FnOnce(&mut crate::atomic::Writeback<'_>) -> std::io::Result<()>,
) -> Result<fs::File, WorkspaceError> {
    let io = |source| WorkspaceError::Io {
        path: path.to_path_buf(),
        source,
    };
    let target = written_path(path)?;
    let existing = writable(path, &target)?;
    let temp = crate::atomic::Temp {
        prefix: temp_prefix(&target),
        random: TEMP_RANDOM,
        mode: new_file_mode(existing.as_ref()),
    };
    crate::atomic::replace_with(&target, &temp, |file| {
        if let Some(old) = &existing {
            keep_owner_and_mode(file, old)?;
        }
        write(&mut crate::atomic::Writeback::new(file))
    })
    .map_err(io)
}

/// The file's metadata when there is one we may replace; `None` when there is none yet.
fn writable(path: &Path, target: &Path) -> Result<Option<fs::Metadata>, WorkspaceError> {
    let m = match fs::metadata(target) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(WorkspaceError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    if !m.is_file() {
        return Err(not_a_file(path, m.file_type()));
    }
    // Mode bits first: root may write anything, but a file nobody may write is meant to
    // stay as it is.
    if m.permissions().readonly() {
        return Err(WorkspaceError::ReadOnly {
            path: path.to_path_buf(),
            mode: mode_of(&m),
        });
    }
    // The kernel's own answer for this user (opening to write changes nothing).
    if let Err(source) = fs::OpenOptions::new().write(true).open(target) {
        return Err(match source.kind() {
            std::io::ErrorKind::PermissionDenied => WorkspaceError::NotWritable {
                path: path.to_path_buf(),
                source,
            },
            _ => WorkspaceError::Io {
                path: path.to_path_buf(),
                source,
            },
        });
    }
    Ok(Some(m))
}

#[cfg(unix)]
fn mode_of(m: &fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    m.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode_of(_: &fs::Metadata) -> u32 {
    0o444
}

/// The mode a save's temporary file is created with: the old file's (never wider while
/// it is being written), or 0666 for a new file, which the kernel narrows by the umask.
#[cfg(unix)]
fn new_file_mode(existing: Option<&fs::Metadata>) -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(
        existing.map_or(0o666, |m| mode_of(m) & 0o777),
    ))
}

#[cfg(not(unix))]
fn new_file_mode(_: Option<&fs::Metadata>) -> Option<fs::Permissions> {
    None
}

/// Gives the new file the old one's owner and group, as far as we may (the owner only as
/// root; the group as root, or as a member of it), then its exact mode (after the change
/// of owner, which clears the set-id bits).
#[cfg(unix)]
fn keep_owner_and_mode(new: &fs::File, old: &fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
    let now = new.metadata()?;
    if (now.uid(), now.gid()) != (old.uid(), old.gid())
        && fchown(new, Some(old.uid()), Some(old.gid())).is_err()
    {
        // Not root: the file becomes ours, in the old file's group if we are in it.
        let _ = fchown(new, None, Some(old.gid()));
    }
    new.set_permissions(fs::Permissions::from_mode(mode_of(old)))
}

#[cfg(not(unix))]
fn keep_owner_and_mode(new: &fs::File, old: &fs::Metadata) -> std::io::Result<()> {
    new.set_permissions(old.permissions())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::model::{Anchor, Origin, Review, Verdict};

    fn item(doc: &str, start: usize, quote: &str) -> Item {
        let anchor = Anchor {
            exact: quote.into(),
            prefix: "before ".into(),
            suffix: " after".into(),
            start,
            end: start + quote.len(),
            doc_hash: "0123456789abcdef".into(),
        };
        Item {
            actors: vec!["we".into()],
            deadline: Some("2016-03".into()),
            ..Item::new(doc, Origin::Extracted, anchor)
        }
    }

    fn sample() -> Workspace {
        let mut ws = Workspace {
            corpus: "seeds".into(),
            ..Default::default()
        };
        ws.documents
            .insert("a.txt".into(), "0123456789abcdef".into());
        ws.documents
            .insert("b.txt".into(), "fedcba9876543210".into());
        let mut b = item("b.txt", 10, "We will act.");
        b.reviews.insert(
            "zoe",
            Review {
                verdict: Verdict::KEPT,
                note: "done in 2017".into(),
                at: "2026-11-25T08:00:00Z".into(),
                stale: false,
                ..Default::default()
            },
        );
        b.reviews.insert(
            "ann",
            Review {
                verdict: Verdict::PARTIAL,
                note: String::new(),
                at: "2026-11-25T08:01:00Z".into(),
                stale: false,
                ..Default::default()
            },
        );
        ws.items.insert("czzz".into(), b);
        ws.items
            .insert("caaa".into(), item("b.txt", 90, "They shall go."));
        ws.items
            .insert("cmmm".into(), item("a.txt", 500, "I would like more."));
        ws
    }

    #[test]
    fn bytes_are_deterministic_and_ordered() {
        let ws = sample();
        let bytes = to_bytes(&ws);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.ends_with("}\n"));
        assert!(
            text.starts_with(
                "{\n  \"$schema\": \"cordiale-workspace.schema.json\",\n  \"schema\": 5,\n  \
                 \"corpus\": \"seeds\",\n  \"documents\": {\n    \"a.txt\": \"0123456789abcdef\",\n    \
                 \"b.txt\": \"fedcba9876543210\"\n  },\n  \"items\": {\n"
            ),
            "{text}"
        );
        // Items by document then position, whatever their ids.
        let order: Vec<usize> = ["cmmm", "czzz", "caaa"]
            .iter()
            .map(|id| text.find(id).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
        // Reviewers by name.
        assert!(text.find("\"ann\"").unwrap() < text.find("\"zoe\"").unwrap());
        let back = from_bytes(Path::new("w.json"), &bytes).unwrap();
        assert_eq!(back, ws);
        assert_eq!(to_bytes(&back), bytes);
    }

    /// A workspace with every field of every kind filled in.
    fn fully_populated() -> Workspace {
        use crate::workspace::model::{Event, Reconciled};
        let mut ws = sample();
        ws.as_of = Some("2016-12-31".parse().unwrap());
        let it = ws.items.get_mut("czzz").unwrap();
        it.figures = vec!["€10 million".into()];
        it.reviews.insert(
            "bob",
            Review {
                verdict: Verdict::BROKEN,
                note: "stale note".into(),
                at: "2026-11-25T09:00:00Z".into(),
                stale: true,
                ..Default::default()
            },
        );
        let bob = it.reviews.get_mut("bob").unwrap();
        bob.actors.insert("France", Verdict::KEPT);
        bob.evidence.push(crate::workspace::model::Evidence {
            date: Some("2026-03-01".into()),
            doc: Some("b.txt".into()),
            anchor: Some(it.anchor.clone()),
            source: "https://example.org/report".into(),
            excerpt: "funds disbursed".into(),
            at: "2026-11-25T09:00:00Z".into(),
        });
        it.reconciled = Some(Reconciled {
            verdict: Verdict::KEPT,
            note: "agreed".into(),
            by: "ann".into(),
            at: "2026-11-26T08:00:00Z".into(),
        });
        it.reconciled_actors.insert(
            "France".into(),
            Reconciled {
                verdict: Verdict::PARTIAL,
                note: "the second tranche".into(),
                by: "bob".into(),
                at: "2026-11-27T08:00:00Z".into(),
            },
        );
        it.history = vec![Event {
            at: "2026-11-24T08:00:00Z".into(),
            by: "ann".into(),
            what: "reanchor".into(),
            verdict: Some(Verdict::STALLED),
            note: "before".into(),
            quote: Some("We would act.".into()),
            actor: Some("France".into()),
        }];
        let mut scale = crate::workspace::Scale::standard();
        scale.name = "ours".into();
        scale.verdicts[0].label = "not kept at all".into();
        ws.scale = scale;
        ws
    }

    /// The schema's objects met while walking a file (by where they are in the schema),
    /// with their members and which of those the file had somewhere.
    type Seen<'s> = std::collections::BTreeMap<String, (Vec<&'s str>, Vec<String>)>;

    /// Walks `value` with the schema node `node` (named `name`): every member the file has
    /// must be one the schema names (checked here), and every member the schema names must
    /// be somewhere in the file (checked on `seen` after the walk). `$ref`s are followed.
    fn walk<'s>(
        value: &serde_json::Value,
        (node, name): (&'s serde_json::Value, String),
        root: &'s serde_json::Value,
        seen: &mut Seen<'s>,
    ) {
        use serde_json::Value;
        if let Some(r) = node.get("$ref").and_then(Value::as_str) {
            let def = r.strip_prefix("#/$defs/").expect("local refs only");
            return walk(value, (&root["$defs"][def], def.to_string()), root, seen);
        }
        if let Some(props) = node.get("properties").and_then(Value::as_object) {
            let object = value
                .as_object()
                .unwrap_or_else(|| panic!("{name}: not an object"));
            let entry = seen
                .entry(name.clone())
                .or_insert_with(|| (props.keys().map(String::as_str).collect(), Vec::new()));
            entry.1.extend(object.keys().cloned());
            for (key, v) in object {
                let schema = props
                    .get(key)
                    .unwrap_or_else(|| panic!("{name}.{key}: in the file, not in the schema"));
                walk(v, (schema, format!("{name}.{key}")), root, seen);
            }
        } else if let Some(each) = node.get("additionalProperties").filter(|a| a.is_object()) {
            for v in value.as_object().expect("a map").values() {
                walk(v, (each, format!("{name}[]")), root, seen);
            }
        } else if let Some(each) = node.get("items") {
            for v in value.as_array().expect("an array") {
                walk(v, (each, format!("{name}[]")), root, seen);
            }
        }
    }

    /// The four descriptions of the file (the serde model, the hand-written writer, the
    /// parallel reader and the JSON Schema) agree on every field: a field added to one and
    /// not the others fails here.
    #[test]
    fn model_writer_parallel_reader_and_schema_agree_on_every_field() {
        let ws = fully_populated();
        let bytes = to_bytes(&ws);
        // The writer writes what the serde model reads back, and the parallel reader too.
        let text = std::str::from_utf8(&bytes).unwrap();
        let by_serde: Raw = serde_json::from_str(text).unwrap();
        assert_eq!(by_serde.into_workspace(), ws, "serde model");
        assert_eq!(parse_parallel(&bytes), Some(ws.clone()), "parallel reader");
        assert_eq!(
            to_bytes(&from_bytes(Path::new("w"), &bytes).unwrap()),
            bytes
        );
        // And the schema names exactly the fields written.
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../schema/workspace.schema.json")).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let mut seen = Seen::new();
        walk(&value, (&schema, "file".into()), &schema, &mut seen);
        for (name, (named, had)) in &seen {
            for key in named {
                assert!(
                    had.iter().any(|h| h == key),
                    "{name}.{key}: in the schema, not in the file"
                );
            }
        }
        assert!(
            seen.contains_key("event") && seen.contains_key("reconciled"),
            "{seen:?}"
        );
    }

    /// The as-of setting stands in the head after the corpus, only when set; a day that
    /// does not exist is refused where it stands, saying why.
    #[test]
    fn the_as_of_setting_is_written_only_when_set_and_checked_when_read() {
        let mut ws = sample();
        let unset = String::from_utf8(to_bytes(&ws)).unwrap();
        assert!(!unset.contains("as_of"), "{unset}");
        ws.as_of = Some("2016-02-29".parse().unwrap());
        let text = String::from_utf8(to_bytes(&ws)).unwrap();
        assert!(
            text.contains(
                "  \"corpus\": \"seeds\",\n  \"as_of\": \"2016-02-29\",\n  \"documents\""
            ),
            "{text}"
        );
        assert_eq!(
            from_bytes(Path::new("w.json"), text.as_bytes()).unwrap(),
            ws
        );
        assert_eq!(parse_parallel(text.as_bytes()), Some(ws.clone()));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cordiale.json");
        save(&path, &ws).unwrap();
        assert_eq!(read_record(&path).unwrap().as_of, ws.as_of);
        let e = error(text.replace("2016-02-29", "2015-02-29").as_bytes());
        assert!(
            e.starts_with("w.json:5:") && e.contains("February 2015 has 28 days"),
            "{e}"
        );
        let e = error(text.replace("2016-02-29", "29/02/2016").as_bytes());
        assert!(e.contains("write it as YYYY-MM-DD"), "{e}");
    }

    #[test]
    fn only_the_canonical_layout_is_read_in_parallel() {
        let text = String::from_utf8(to_bytes(&sample())).unwrap();
        assert_eq!(parse_parallel(text.as_bytes()), Some(sample()));
        // The same state in another layout is read the ordinary way, to the same state.
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for other in [
            serde_json::to_string(&value).unwrap(),
            serde_json::to_string_pretty(&value)
                .unwrap()
                .replace("  ", "\t"),
        ] {
            assert_eq!(parse_parallel(other.as_bytes()), None);
            assert_eq!(
                from_bytes(Path::new("w.json"), other.as_bytes()).unwrap(),
                sample()
            );
        }
    }

    /// The sample as schema 2 wrote it: no record of the corpus's documents.
    fn sample_v2() -> String {
        let v3 = String::from_utf8(to_bytes(&sample())).unwrap();
        let v2 = v3
            .replace(
                "  \"documents\": {\n    \"a.txt\": \"0123456789abcdef\",\n    \
                 \"b.txt\": \"fedcba9876543210\"\n  },\n",
                "",
            )
            .replace("\"schema\": 5", "\"schema\": 2");
        assert!(!v2.contains("documents"), "{v2}");
        v2
    }

    fn without_record(mut ws: Workspace) -> Workspace {
        ws.documents.clear();
        ws
    }

    #[test]
    fn schema_2_files_are_migrated_with_an_empty_record() {
        let v2 = sample_v2();
        let read = from_bytes(Path::new("w.json"), v2.as_bytes()).unwrap();
        assert_eq!(read, without_record(sample()));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cordiale.json");
        fs::write(&path, &v2).unwrap();
        assert_eq!(read_record(&path).unwrap().corpus, "seeds");
        assert!(read_record(&path).unwrap().documents.is_empty());
    }

    #[test]
    fn the_record_is_read_without_the_items() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cordiale.json");
        save(&path, &sample()).unwrap();
        let record = read_record(&path).unwrap();
        assert_eq!(record.documents, sample().documents);
        assert!(record.items.is_empty());
        fs::write(&path, b"{\"schema\": 9, \"corpus\": \"s\", \"items\": {}}").unwrap();
        let e = read_record(&path).unwrap_err().to_string();
        assert!(e.contains("newer cordiale"), "{e}");
        fs::write(&path, b"<<<<<<< ours\n").unwrap();
        let e = read_record(&path).unwrap_err().to_string();
        assert!(e.contains("not valid JSON"), "{e}");
    }

    /// Schema 3 and 4 files (no scale: the default one; no per-actor reconciliation) read
    /// as the same state, by the fast reader, and the next save writes schema 5 (a build of
    /// schema 4 refuses that file by its number, not by a field it does not know).
    #[test]
    fn schema_3_and_4_files_are_read_as_they_are() {
        let v5 = String::from_utf8(to_bytes(&sample())).unwrap();
        for older in ["\"schema\": 3", "\"schema\": 4"] {
            let old = v5.replace("\"schema\": 5", older);
            assert_ne!(old, v5);
            let read = from_bytes(Path::new("w.json"), old.as_bytes()).unwrap();
            assert_eq!(read, sample(), "{older}");
            let fast = parse_parallel(old.as_bytes());
            assert_eq!(fast, Some(sample()), "the fast reader, {older}");
            assert_eq!(String::from_utf8(to_bytes(&read)).unwrap(), v5);
        }
    }

    #[test]
    fn a_scale_is_named_or_declared_and_checked() {
        let mut ws = sample();
        ws.items.values_mut().for_each(|it| it.reviews.clear());
        ws.scale = Scale::g7();
        let text = String::from_utf8(to_bytes(&ws)).unwrap();
        assert!(text.contains("\n  \"scale\": \"g7\",\n"), "{text}");
        assert_eq!(
            from_bytes(Path::new("w.json"), text.as_bytes()).unwrap(),
            ws
        );
        assert_eq!(head_scale(text.as_bytes()), Some(Scale::g7()));
        let e = error(text.replace("\"g7\"", "\"g8\"").as_bytes());
        assert!(e.contains("no built-in scale is named \"g8\""), "{e}");
        // A declared scale is written whole and read back; a broken one is refused.
        ws.scale.name = "two-step".into();
        ws.scale.verdicts.remove(1);
        let text = String::from_utf8(to_bytes(&ws)).unwrap();
        assert!(text.contains("\"verdicts\": ["), "{text}");
        assert_eq!(
            from_bytes(Path::new("w.json"), text.as_bytes()).unwrap(),
            ws
        );
        let e = error(text.replace("\"key\": \"F\"", "\"key\": \"X\"").as_bytes());
        assert!(e.contains("key X is given to two verdicts"), "{e}");
        // A g7 verdict in a workspace on the default scale: refused, named.
        let mut other = sample();
        let g7 = Scale::g7().verdicts[2].name;
        other.items.get_mut("czzz").unwrap().set_review(
            "ann",
            g7,
            String::new(),
            "2026-01-01T00:00:00Z".into(),
        );
        let e = error(&to_bytes(&other));
        assert!(
            e.contains("item czzz: ann gave the verdict \"full-compliance\""),
            "{e}"
        );
    }

    #[test]
    fn schema_1_files_are_migrated() {
        let v2 = sample_v2();
        let v1 = v2
            .replace("  \"$schema\": \"cordiale-workspace.schema.json\",\n", "")
            .replace("\"schema\": 2", "\"schema\": 1");
        assert_ne!(v1, v2);
        assert_eq!(
            from_bytes(Path::new("w.json"), v1.as_bytes()).unwrap(),
            without_record(sample())
        );
        let e = error(v1.replace("\"schema\": 1", "\"schema\": 0").as_bytes());
        assert!(e.contains("unknown schema 0"), "{e}");
    }

    fn error(bytes: &[u8]) -> String {
        from_bytes(Path::new("w.json"), bytes)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn bad_files_get_clear_errors() {
        assert!(error(b"").contains("empty file"));
        assert!(error(b"\xff\xfe{}").contains("not UTF-8"));
        let e = error(b"{\n  \"schema\": 1,\n  \"corpus\": \"s\"\n  \"items\": {}\n}\n");
        assert!(e.starts_with("w.json:4:3: not valid JSON"), "{e}");
        let e = error(b"[1, 2]");
        assert!(e.contains("not a cordiale workspace"), "{e}");
        let e = error(b"{\"schema\": 7, \"corpus\": \"s\", \"items\": {}}");
        assert!(e.contains("newer cordiale (schema 7"), "{e}");
        let mut text = String::from_utf8(to_bytes(&sample())).unwrap();
        text = text.replace("\"kept\"", "\"done\"");
        let e = error(text.as_bytes());
        assert!(
            e.contains("the verdict \"done\"") && e.contains("scale \"standard\" does not have"),
            "{e}"
        );
        let e = error(text.replace("\"done\"", "\"Done!\"").as_bytes());
        assert!(
            e.contains("not a cordiale workspace") && e.contains("not a verdict name"),
            "{e}"
        );
        let dup = "{\"schema\": 1, \"corpus\": \"s\", \"items\": {\"c1\": ITEM, \"c1\": ITEM}}"
            .replace(
                "ITEM",
                &serde_json::to_string(&item("a.txt", 1, "x")).unwrap(),
            );
        let e = error(dup.as_bytes());
        assert!(e.contains("duplicate item id c1"), "{e}");
        let e = error(dup.replace("\"schema\": 1", "\"schema\": 2").as_bytes());
        assert!(e.contains("duplicate item id c1"), "{e}");
        let e = error(
            dup.replace("\"schema\": 1", "\"schema\": 3, \"documents\": {}")
                .as_bytes(),
        );
        assert!(e.contains("duplicate item id c1"), "{e}");
        // In the canonical layout too, where items are read in parallel.
        let mut ws = sample();
        ws.items.insert("cdup".into(), item("c.txt", 1, "Once."));
        let text = String::from_utf8(to_bytes(&ws))
            .unwrap()
            .replace("cdup", "cmmm");
        let e = error(text.as_bytes());
        assert!(e.contains("duplicate item id cmmm"), "{e}");
        let e = error(b"{\"schema\": 1, \"corpus\": \"s\", \"items\": {}, \"extra\": 1}");
        assert!(e.contains("unknown field"), "{e}");
    }

    #[test]
    fn saves_replace_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cordiale.json");
        save(&path, &sample()).unwrap();
        assert_eq!(load(&path).unwrap(), sample());
        let mut ws = sample();
        ws.items.remove("caaa");
        save(&path, &ws).unwrap();
        assert_eq!(fs::read(&path).unwrap(), to_bytes(&ws));
        let leftovers = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary files left behind");
    }

    proptest::proptest! {
        /// load(save(s)) == s, and saving what was loaded gives the same bytes.
        #[test]
        fn round_trips_are_exact_and_byte_stable(ws in crate::workspace::arb::workspace()) {
            let bytes = to_bytes(&ws);
            let back = from_bytes(Path::new("w.json"), &bytes).unwrap();
            proptest::prop_assert_eq!(&back, &ws);
            proptest::prop_assert_eq!(&to_bytes(&back), &bytes);
            // The ordinary reading agrees with the parallel one.
            let text = std::str::from_utf8(&bytes).unwrap();
            let raw: Raw = serde_json::from_str(text).unwrap();
            proptest::prop_assert_eq!(&raw.items, &ws.items);
            if !ws.items.is_empty() {
                proptest::prop_assert_eq!(parse_parallel(&bytes), Some(ws.clone()));
            }
        }
    }
}
