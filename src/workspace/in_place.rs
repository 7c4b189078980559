//! One item changed in a workspace file without reading the rest of it: the item is found
//! by its id in the canonical layout, parsed alone, changed, encoded alone and written back
//! between the bytes around it. What keeps a command-line verdict near the cost of
//! writing the file, however large the workspace.
//!
//! Only for a file whose exact bytes the caller knows to be canonical (by their hash: a
//! file this build wrote). Anything unexpected declines, and the caller takes the ordinary
//! way (read, merge, write whole), which also gives the exact error.

use std::ops::Range;
use std::path::Path;

use memchr::memmem;
use xxhash_rust::xxh3::Xxh3Default;

use super::io::{
    WorkspaceError, head_scale, open_regular, remove_stale_temps, save_slices, written_path,
};
use super::lock::Lock;
use super::model::{Item, Scale, Short};
use super::write::item_bytes;

/// What a change in place came to.
#[derive(Debug, PartialEq, Eq)]
pub enum InPlace {
    /// The item `id` was changed and the file written; `hash` is that of its new bytes.
    Changed {
        /// The item changed.
        id: Short,
        /// [`content_hash`] of the bytes written.
        hash: u128,
    },
    /// Nothing written: the file is not the one expected, the lock is held, the id does
    /// not name exactly one item, or the layout is not the canonical one.
    Declined,
}

/// The hash that tells a workspace file's bytes (given in pieces, as saves write them).
pub fn content_hash(pieces: &[&[u8]]) -> u128 {
    let mut hash = Xxh3Default::new();
    for piece in pieces {
        hash.update(piece);
    }
    hash.digest128()
}

/// Changes the item that `id` names (an id, or the start of exactly one) in the file at
/// `path`, if its bytes hash to `expected`: under the workspace's lock, `apply` changes
/// the item alone and the file is saved as every save is (temporary file, flush, rename).
pub fn change_in_place(
    path: &Path,
    expected: u128,
    id: &str,
    apply: impl FnOnce(&Scale, &Short, &mut Item) -> bool,
) -> Result<InPlace, WorkspaceError> {
    let target = written_path(path)?;
    let _lock = match Lock::take(&target) {
        Ok(lock) => lock,
        // Someone is saving: the ordinary way waits and merges.
        Err(WorkspaceError::Locked { .. }) => return Ok(InPlace::Declined),
        Err(e) => return Err(e),
    };
    remove_stale_temps(&target);
    let io = |source| WorkspaceError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = match open_regular(path) {
        Ok(Ok(file)) => file,
        _ => return Ok(InPlace::Declined),
    };
    let mut bytes = Vec::with_capacity(file.metadata().map_or(0, |m| m.len() as usize));
    std::io::Read::read_to_end(&mut &file, &mut bytes).map_err(io)?;
    if content_hash(&[&bytes]) != expected {
        return Ok(InPlace::Declined);
    }
    let Some((found, span)) = find_item(&bytes, id) else {
        return Ok(InPlace::Declined);
    };
    let Some(mut item) = parse_item(&bytes[span.clone()]) else {
        return Ok(InPlace::Declined);
    };
    let Some(scale) = head_scale(&bytes) else {
        return Ok(InPlace::Declined);
    };
    if !apply(&scale, &found, &mut item) {
        return Ok(InPlace::Declined);
    }
    let new = item_bytes(&found, &item);
    let pieces = [&bytes[..span.start], &new[..], &bytes[span.end..]];
    save_slices(path, &pieces)?;
    Ok(InPlace::Changed {
        id: found,
        hash: content_hash(&pieces),
    })
}

/// Where the items' members start in the canonical layout, and where they end.
fn items_body(bytes: &[u8]) -> Option<Range<usize>> {
    const ITEMS: &[u8] = b"\n  \"items\": {";
    const END: &[u8] = b"\n  }\n}\n";
    let from = memmem::find(bytes, ITEMS)? + ITEMS.len();
    let to = bytes.len().checked_sub(END.len())?;
    (bytes.ends_with(END) && from <= to).then_some(from..to)
}

/// The item `id` names, and the span of its member `\n    "id": {…\n    }`: the item
/// whose id is `id`, else the only one whose id starts with it. `None` when none or
/// several do, or `id` holds a character JSON escapes (its bytes in the file would differ).
///
/// In the canonical layout a line that starts with four spaces and a quote inside the
/// items object starts an item (members of an item are indented further, and a JSON
/// string holds no raw newline); the member ends at the first line that is four spaces
/// and `}`.
fn find_item(bytes: &[u8], id: &str) -> Option<(Short, Range<usize>)> {
    if id.is_empty() || id.chars().any(|c| c == '"' || c == '\\' || c.is_control()) {
        return None;
    }
    let body = items_body(bytes)?;
    let needle = [b"\n    \"", id.as_bytes()].concat();
    let mut found: Option<(Short, Range<usize>)> = None;
    for at in memmem::find_iter(&bytes[body.clone()], &needle) {
        let start = body.start + at;
        let key_from = start + "\n    ".len();
        let mut keys =
            serde_json::Deserializer::from_slice(&bytes[key_from..body.end]).into_iter::<Short>();
        let key = keys.next()?.ok()?;
        let after = key_from + keys.byte_offset();
        if !bytes[after..].starts_with(b": {") || !key.starts_with(id) {
            return None;
        }
        let close = memmem::find(&bytes[after..body.end], b"\n    }")?;
        let span = start..after + close + "\n    }".len();
        if key == id {
            return Some((key, span));
        }
        if found.replace((key, span)).is_some() {
            // Several start so: only an exact id still names one.
            found = Some((Short::default(), 0..0));
        }
    }
    found.filter(|(key, _)| !key.is_empty())
}

/// The item of a member `\n    "id": {…}`.
fn parse_item(member: &[u8]) -> Option<Item> {
    let brace = memchr::memchr(b'{', member)?;
    serde_json::from_slice(&member[brace..]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::model::{Verdict, Workspace};
    use crate::workspace::{Anchor, Origin, encode};

    fn item(doc: &str, start: usize) -> Item {
        let anchor = Anchor {
            exact: "We \"will\" act.\n".into(),
            prefix: "before ".into(),
            suffix: " after".into(),
            start,
            end: start + 16,
            doc_hash: "0123456789abcdef".into(),
        };
        Item {
            actors: vec!["we".into()],
            ..Item::new(doc, Origin::Extracted, anchor)
        }
    }

    fn sample() -> Workspace {
        let mut ws = Workspace {
            corpus: "seeds".into(),
            ..Workspace::default()
        };
        ws.documents.insert("a.txt".into(), "ab".into());
        for (id, start) in [
            ("c2fe3df7", 10),
            ("c2fe9999", 20),
            ("0aa", 30),
            ("0aab", 40),
        ] {
            ws.items.insert(id.into(), item("a.txt", start));
        }
        ws
    }

    fn saved(dir: &Path, ws: &Workspace) -> (std::path::PathBuf, u128) {
        let path = dir.join("cordiale.json");
        crate::workspace::save(&path, ws).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        (path, content_hash(&[&bytes]))
    }

    #[test]
    fn a_change_in_place_writes_what_a_whole_save_writes() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = sample();
        let (path, hash) = saved(dir.path(), &ws);
        let at: Short = "2026-12-07T14:00:00Z".into();
        let outcome = change_in_place(&path, hash, "c2fe3", |_, _, it| {
            it.set_review(
                "ann",
                Verdict::KEPT,
                "a \"note\"\nover lines".into(),
                at.clone(),
            );
            true
        })
        .unwrap();
        ws.items.get_mut("c2fe3df7").unwrap().set_review(
            "ann",
            Verdict::KEPT,
            "a \"note\"\nover lines".into(),
            at,
        );
        let whole = encode(&ws).to_vec();
        assert_eq!(std::fs::read(&path).unwrap(), whole);
        assert_eq!(
            outcome,
            InPlace::Changed {
                id: "c2fe3df7".into(),
                hash: content_hash(&[&whole]),
            }
        );
    }

    #[test]
    fn a_per_actor_verdict_in_place_writes_what_a_whole_save_writes() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = sample();
        ws.scale = crate::workspace::Scale::g7();
        let (path, hash) = saved(dir.path(), &ws);
        let full = Verdict::from_name("full-compliance").unwrap();
        let none = Verdict::from_name("non-compliance").unwrap();
        let at: Short = "2026-12-07T14:00:00Z".into();
        let give = |it: &mut Item| {
            it.set_actor_verdict("ann", "Germany", none, at.clone());
            it.set_actor_verdict("ann", "France \"la\"", full, at.clone());
        };
        let outcome = change_in_place(&path, hash, "0aab", |_, _, it| {
            give(it);
            true
        })
        .unwrap();
        give(ws.items.get_mut("0aab").unwrap());
        let whole = encode(&ws).to_vec();
        assert_eq!(std::fs::read(&path).unwrap(), whole);
        assert!(matches!(outcome, InPlace::Changed { id, .. } if id == "0aab"));
        let read = crate::workspace::load(&path).unwrap();
        let review = &read.items["0aab"].reviews["ann"];
        assert_eq!(review.verdict, Verdict::PENDING);
        assert_eq!(review.actors.get("France \"la\""), Some(full));
        assert_eq!(review.actors.get("Germany"), Some(none));
    }

    #[test]
    fn it_declines_what_it_cannot_be_sure_of() {
        let dir = tempfile::tempdir().unwrap();
        let (path, hash) = saved(dir.path(), &sample());
        let before = std::fs::read(&path).unwrap();
        let mut touched = false;
        let mut try_it = |hash, id: &str| {
            change_in_place(&path, hash, id, |_, _, _| {
                touched = true;
                true
            })
            .unwrap()
        };
        assert_eq!(try_it(hash ^ 1, "c2fe3"), InPlace::Declined, "other bytes");
        assert_eq!(
            try_it(hash, "c2fe"),
            InPlace::Declined,
            "two items start so"
        );
        assert_eq!(try_it(hash, "ffff"), InPlace::Declined, "no such item");
        assert_eq!(
            try_it(hash, "c2\"fe"),
            InPlace::Declined,
            "escaped in the file"
        );
        assert_eq!(try_it(hash, ""), InPlace::Declined);
        assert!(!touched);
        assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
        // An id that another id extends still names its own item.
        let outcome = change_in_place(&path, hash, "0aa", |_, id, _| id == "0aa");
        assert!(matches!(outcome.unwrap(), InPlace::Changed { id, .. } if id == "0aa"));
    }

    #[test]
    fn a_held_lock_declines_and_a_document_name_is_no_item() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = sample();
        // A document named like an item id: the head's members are not items.
        ws.documents.insert("c2fe3df7.txt".into(), "cd".into());
        let (path, hash) = saved(dir.path(), &ws);
        let lock = Lock::take(&path).unwrap();
        assert_eq!(
            change_in_place(&path, hash, "c2fe3", |_, _, _| true).unwrap(),
            InPlace::Declined
        );
        drop(lock);
        let outcome = change_in_place(&path, hash, "c2fe3", |_, _, _| true).unwrap();
        assert!(matches!(outcome, InPlace::Changed { id, .. } if id == "c2fe3df7"));
        // A change the file's scale refuses (the closure says no) declines, writing nothing.
        let hash = content_hash(&[&std::fs::read(&path).unwrap()]);
        let before = std::fs::read(&path).unwrap();
        let outcome = change_in_place(&path, hash, "c2fe3", |scale, _, _| {
            scale.has(Verdict::from_name("full-compliance").unwrap())
        })
        .unwrap();
        assert_eq!(outcome, InPlace::Declined);
        assert_eq!(std::fs::read(&path).unwrap(), before);
        // On a g7 workspace the same change is made, the head read from the file.
        ws.scale = crate::workspace::Scale::g7();
        let (path, hash) = saved(dir.path(), &ws);
        let outcome = change_in_place(&path, hash, "c2fe3", |scale, _, _| {
            scale.has(Verdict::from_name("full-compliance").unwrap())
        })
        .unwrap();
        assert!(matches!(outcome, InPlace::Changed { id, .. } if id == "c2fe3df7"));
    }
}
