//! One item changed in a workspace file without reading the rest of it into memory: the
//! item is found by its id in the canonical layout, parsed alone, changed, encoded alone,
//! and the file is copied a chunk at a time into the temporary file of an ordinary save,
//! the new item in place of the old. What keeps a command-line verdict near the cost of
//! writing the file, however large the workspace and however many its reviewers.
//!
//! Only for a file whose exact bytes the caller knows to be canonical (by their hash: a
//! file this build wrote). The hash is taken of the very bytes copied, so a file changed
//! by anyone while it is copied is never saved. Anything unexpected declines, and the
//! caller takes the ordinary way (read, merge, write whole), which also gives the exact
//! error.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::Path;

use memchr::memmem;
use xxhash_rust::xxh3::Xxh3Default;

use super::io::{
    WorkspaceError, head_scale, open_regular, remove_stale_temps, save_written_by, written_path,
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
    /// Nothing written: the scale in the file's head does not permit the change.
    Refused(Scale),
}

/// The hash that tells a workspace file's bytes (given in pieces, as saves write them).
pub fn content_hash(pieces: &[&[u8]]) -> u128 {
    let mut hash = Xxh3Default::new();
    for piece in pieces {
        hash.update(piece);
    }
    hash.digest128()
}

/// How much of the file is read at a time. Reading a 50 MB file into one fresh buffer
/// costs the kernel as much as writing it (every page of the buffer is zeroed first); a
/// buffer used again and again costs nothing of the kind and stays in the CPU's caches.
const CHUNK: usize = 1 << 20;

/// Where the items' members start in the canonical layout, and what closes the file.
const ITEMS: &[u8] = b"\n  \"items\": {";
const END: &[u8] = b"\n  }\n}\n";
/// What ends an item's member: a line of four spaces and `}`.
const MEMBER_END: &[u8] = b"\n    }";
/// How much is read after a member's opening quote to parse its id: far more than an id.
const KEY_WINDOW: usize = 4096;

/// Changes the item that `id` names (an id, or the start of exactly one) in the file at
/// `path`, if its bytes hash to `expected`: under the workspace's lock, `apply` changes
/// the item alone and the file is saved as every save is (temporary file, flush, rename).
/// Before anything is copied, `permitted` is asked about the scale in the file's head as
/// it is now (a verdict the scale lacks is refused without reading further).
pub fn change_in_place(
    path: &Path,
    expected: u128,
    id: &str,
    permitted: impl FnOnce(&Scale) -> bool,
    apply: impl FnOnce(&Short, &mut Item),
) -> Result<InPlace, WorkspaceError> {
    change_in_chunks(path, expected, id, (permitted, apply), CHUNK)
}

/// [`change_in_place`], reading `chunk` bytes at a time (small in tests, to cross every
/// boundary).
fn change_in_chunks(
    path: &Path,
    expected: u128,
    id: &str,
    (permitted, apply): (impl FnOnce(&Scale) -> bool, impl FnOnce(&Short, &mut Item)),
    chunk: usize,
) -> Result<InPlace, WorkspaceError> {
    // An id with a character JSON escapes would have other bytes in the file.
    if id.is_empty() || id.chars().any(|c| c == '"' || c == '\\' || c.is_control()) {
        return Ok(InPlace::Declined);
    }
    let target = written_path(path)?;
    let _lock = match Lock::take(&target) {
        Ok(lock) => lock,
        // Someone is saving: the ordinary way waits and merges.
        Err(WorkspaceError::Locked { .. }) => return Ok(InPlace::Declined),
        Err(e) => return Err(e),
    };
    remove_stale_temps(&target);
    let file = match open_regular(path) {
        Ok(Ok(file)) => file,
        _ => return Ok(InPlace::Declined),
    };
    let io = |source| WorkspaceError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut source = Chunks::new(&file, chunk);
    let Some(found) = locate(&mut source, id).map_err(io)? else {
        return Ok(InPlace::Declined);
    };
    let Some(scale) = head_scale(&found.head) else {
        return Ok(InPlace::Declined);
    };
    if !permitted(&scale) {
        return Ok(InPlace::Refused(scale));
    }
    let mut hash = 0;
    let change = |item: &mut Item| apply(&found.id, item);
    let saved = save_written_by(path, |out| {
        hash = copy_changed(&mut source, &found, expected, change, out)?;
        Ok(())
    });
    match saved {
        Ok(_) => Ok(InPlace::Changed { id: found.id, hash }),
        Err(WorkspaceError::Io { source, .. }) if is_declined(&source) => Ok(InPlace::Declined),
        Err(e) => Err(e),
    }
}

/// The item a change is about, as found in the file.
struct Found {
    /// Its id.
    id: Short,
    /// Its member `\n    "id": {…\n    }`, in the file's bytes.
    span: Range<u64>,
    /// The file's bytes up to the items' opening brace: what the scale is read from.
    head: Vec<u8>,
}

/// The item `id` names in the canonical layout, and where its member is: the item whose
/// id is `id`, else the only one whose id starts with it. `None` when none or several do,
/// or the layout is not the canonical one.
///
/// In the canonical layout a line that starts with four spaces and a quote inside the
/// items object starts an item (members of an item are indented further, and a JSON
/// string holds no raw newline); the member ends at the first line that is four spaces
/// and `}`.
fn locate(source: &mut Chunks, id: &str) -> io::Result<Option<Found>> {
    let len = source.len()?;
    let Some(body_end) = len.checked_sub(END.len() as u64) else {
        return Ok(None);
    };
    if source.read_at(body_end, END.len())? != END {
        return Ok(None);
    }
    let Some(items) = source.find(0, body_end, ITEMS)? else {
        return Ok(None);
    };
    let body_start = items + ITEMS.len() as u64;
    let head = source.read_at(0, body_start as usize)?;
    let needle = [b"\n    \"", id.as_bytes()].concat();
    // The exact id, else the one id that starts so (`None` inside: several do).
    let mut exact = None;
    let mut starting: Option<Option<(Short, u64)>> = None;
    let mut from = body_start;
    while let Some(start) = source.find(from, body_end, &needle)? {
        from = start + 1;
        let key_from = start + "\n    ".len() as u64;
        let window = (body_end - key_from).min(KEY_WINDOW as u64) as usize;
        let bytes = source.read_at(key_from, window)?;
        let mut keys = serde_json::Deserializer::from_slice(&bytes).into_iter::<Short>();
        let Some(Ok(key)) = keys.next() else {
            return Ok(None);
        };
        let after = keys.byte_offset();
        if !bytes[after..].starts_with(b": {") || !key.starts_with(id) {
            return Ok(None);
        }
        if key == id {
            exact = Some((key, start));
            break;
        }
        starting = match starting {
            None => Some(Some((key, start))),
            Some(_) => Some(None),
        };
    }
    let Some((id, start)) = exact.or(starting.flatten()) else {
        return Ok(None);
    };
    let Some(close) = source.find(start + 1, body_end, MEMBER_END)? else {
        return Ok(None);
    };
    Ok(Some(Found {
        id,
        span: start..close + MEMBER_END.len() as u64,
        head,
    }))
}

/// Writes into `out` the file with the member at `found.span` changed by `change`, and
/// returns the hash of what it wrote. Fails with [`Declined`] when the bytes copied do not
/// hash to `expected` (the file changed since it was looked at, or is not the one
/// expected) or the member no longer parses as that item.
fn copy_changed(
    source: &mut Chunks,
    found: &Found,
    expected: u128,
    change: impl FnOnce(&mut Item),
    out: &mut impl Write,
) -> io::Result<u128> {
    /// A piece both files share: into both hashes, and written.
    fn keep(
        piece: &[u8],
        (old, new): (&mut Xxh3Default, &mut Xxh3Default),
        out: &mut impl Write,
    ) -> io::Result<()> {
        old.update(piece);
        new.update(piece);
        out.write_all(piece)
    }
    // The old bytes' hash and the new bytes', each taken in file order.
    let (mut old, mut new) = (Xxh3Default::new(), Xxh3Default::new());
    source.rewind()?;
    let before = source.copy(Some(found.span.start), &mut |p| {
        keep(p, (&mut old, &mut new), out)
    })?;
    if before != found.span.start {
        return Err(Declined.into());
    }
    let member = source.read(found.span.end - found.span.start)?;
    old.update(&member);
    let mut item = parse_member(&member, &found.id).ok_or(Declined)?;
    change(&mut item);
    let bytes = item_bytes(&found.id, &item);
    new.update(&bytes);
    out.write_all(&bytes)?;
    source.copy(None, &mut |p| keep(p, (&mut old, &mut new), out))?;
    if old.digest128() != expected {
        return Err(Declined.into());
    }
    Ok(new.digest128())
}

/// The item of a member `\n    "id": {…\n    }` whose id is `id`.
fn parse_member(member: &[u8], id: &Short) -> Option<Item> {
    let key_from = "\n    ".len();
    let mut keys =
        serde_json::Deserializer::from_slice(member.get(key_from..)?).into_iter::<Short>();
    if keys.next()?.ok()? != *id {
        return None;
    }
    let brace = key_from + keys.byte_offset() + ": ".len();
    serde_json::from_slice(member.get(brace..)?).ok()
}

/// The error that says a change in place declines: the file is not as expected, and the
/// ordinary way follows (not a failure).
#[derive(Debug)]
struct Declined;

impl std::fmt::Display for Declined {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the workspace file is not as expected")
    }
}

impl std::error::Error for Declined {}

impl From<Declined> for io::Error {
    fn from(d: Declined) -> io::Error {
        io::Error::other(d)
    }
}

fn is_declined(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|e| e.is::<Declined>())
}

/// A file read a chunk at a time through one buffer, at any offset.
struct Chunks<'a> {
    file: &'a File,
    buf: Vec<u8>,
}

impl<'a> Chunks<'a> {
    fn new(file: &'a File, chunk: usize) -> Chunks<'a> {
        Chunks {
            file,
            buf: vec![0; chunk.max(1)],
        }
    }

    fn len(&self) -> io::Result<u64> {
        Ok(self.file.metadata()?.len())
    }

    fn rewind(&mut self) -> io::Result<()> {
        let mut file = self.file;
        file.rewind()
    }

    /// The next `n` bytes from the file's position (fewer only at its end).
    fn read(&mut self, n: u64) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.file.take(n).read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    /// Passes the file's bytes from its position to `each`, a buffer at a time: `n` of
    /// them, or all to the end. How many there were (fewer than `n` only at the end).
    fn copy(
        &mut self,
        n: Option<u64>,
        each: &mut impl FnMut(&[u8]) -> io::Result<()>,
    ) -> io::Result<u64> {
        let mut done = 0;
        loop {
            let want = match n {
                Some(n) => (n - done).min(self.buf.len() as u64) as usize,
                None => self.buf.len(),
            };
            if want == 0 {
                return Ok(done);
            }
            let mut file = self.file;
            let got = loop {
                match file.read(&mut self.buf[..want]) {
                    Ok(got) => break got,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            };
            if got == 0 {
                return Ok(done);
            }
            each(&self.buf[..got])?;
            done += got as u64;
        }
    }

    /// Up to `n` bytes from `at` (fewer only at the end of the file).
    fn read_at(&mut self, at: u64, n: usize) -> io::Result<Vec<u8>> {
        let mut file = self.file;
        file.seek(SeekFrom::Start(at))?;
        let mut bytes = Vec::with_capacity(n);
        file.take(n as u64).read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    /// Reads into the buffer from the file's position, after the `kept` bytes already
    /// there; how many bytes the buffer then holds (`kept` at the end of the file).
    fn fill(&mut self, kept: usize) -> io::Result<usize> {
        let mut file = self.file;
        loop {
            match file.read(&mut self.buf[kept..]) {
                Ok(n) => return Ok(kept + n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Where `needle` first starts in the file's bytes `from..to` (it must end by `to`).
    fn find(&mut self, from: u64, to: u64, needle: &[u8]) -> io::Result<Option<u64>> {
        let finder = memmem::Finder::new(needle);
        if self.buf.len() <= needle.len() {
            self.buf.resize(2 * needle.len(), 0);
        }
        let mut file = self.file;
        file.seek(SeekFrom::Start(from))?;
        // `at`: the file offset of the buffer's first byte; `kept`: bytes carried over,
        // too few to hold the needle, so a match across two reads is found once.
        let (mut at, mut kept) = (from, 0);
        while at < to {
            let filled = self.fill(kept)?;
            if filled == kept {
                return Ok(None);
            }
            let usable = filled.min((to - at) as usize);
            if let Some(i) = finder.find(&self.buf[..usable]) {
                return Ok(Some(at + i as u64));
            }
            kept = (needle.len() - 1).min(usable);
            self.buf.copy_within(usable - kept..usable, 0);
            at += (usable - kept) as u64;
            if usable < filled {
                return Ok(None);
            }
        }
        Ok(None)
    }
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

    /// Any scale permits the change.
    fn any(_: &Scale) -> bool {
        true
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
        let outcome = change_in_place(&path, hash, "c2fe3", any, |_, it| {
            it.set_review(
                "ann",
                Verdict::KEPT,
                "a \"note\"\nover lines".into(),
                at.clone(),
            );
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
        let outcome = change_in_place(&path, hash, "0aab", any, |_, it| give(it)).unwrap();
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
        // Other bytes: the change may be tried on them, but nothing is written.
        let outcome = change_in_place(&path, hash ^ 1, "c2fe3", any, |_, _| {}).unwrap();
        assert_eq!(outcome, InPlace::Declined, "other bytes");
        assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
        let mut touched = false;
        let mut try_it =
            |hash, id: &str| change_in_place(&path, hash, id, any, |_, _| touched = true).unwrap();
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
        let outcome = change_in_place(&path, hash, "0aa", any, |id, _| assert_eq!(id, "0aa"));
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
            change_in_place(&path, hash, "c2fe3", any, |_, _| {}).unwrap(),
            InPlace::Declined
        );
        drop(lock);
        let outcome = change_in_place(&path, hash, "c2fe3", any, |_, _| {}).unwrap();
        assert!(matches!(outcome, InPlace::Changed { id, .. } if id == "c2fe3df7"));
        // A change the head's scale does not permit is refused with that scale, before
        // anything is copied: the change is not made, nothing is written.
        let hash = content_hash(&[&std::fs::read(&path).unwrap()]);
        let before = std::fs::read(&path).unwrap();
        let g7_only = |scale: &Scale| scale.has(Verdict::from_name("full-compliance").unwrap());
        let outcome = change_in_place(&path, hash, "c2fe3", g7_only, |_, _| panic!("made"));
        assert_eq!(outcome.unwrap(), InPlace::Refused(Scale::standard()));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        // On a g7 workspace the same change is made, the head read from the file.
        ws.scale = crate::workspace::Scale::g7();
        let (path, hash) = saved(dir.path(), &ws);
        let outcome = change_in_place(&path, hash, "c2fe3", g7_only, |_, _| {}).unwrap();
        assert!(matches!(outcome, InPlace::Changed { id, .. } if id == "c2fe3df7"));
    }

    /// Every chunk size, down to a byte at a time, finds the same item and writes what a
    /// whole save writes: the needles and members cross every boundary somewhere.
    #[test]
    fn any_chunk_size_writes_what_a_whole_save_writes() {
        let at: Short = "2026-12-07T14:00:00Z".into();
        for chunk in [1, 2, 3, 7, 64, 333, 4096] {
            for (given, id) in [("c2fe9999", "c2fe9999"), ("0aab", "0aab"), ("0aa", "0aa")] {
                let dir = tempfile::tempdir().unwrap();
                let mut ws = sample();
                let (path, hash) = saved(dir.path(), &ws);
                let change = |_: &Short, it: &mut Item| {
                    it.set_review("bob", Verdict::BROKEN, String::new(), at.clone());
                };
                let outcome = change_in_chunks(&path, hash, given, (any, change), chunk).unwrap();
                let item = ws.items.get_mut(id).unwrap();
                item.set_review("bob", Verdict::BROKEN, String::new(), at.clone());
                let whole = encode(&ws).to_vec();
                assert_eq!(
                    std::fs::read(&path).unwrap(),
                    whole,
                    "chunk {chunk}, {given}"
                );
                assert_eq!(
                    outcome,
                    InPlace::Changed {
                        id: id.into(),
                        hash: content_hash(&[&whole]),
                    },
                    "chunk {chunk}, {given}"
                );
            }
        }
    }

    /// A file changed by someone between the look for the item and the copy (an editor
    /// writing in place, which takes no lock) is not saved: the hash is of what is copied.
    #[test]
    fn a_file_changed_while_it_is_copied_is_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let (path, hash) = saved(dir.path(), &sample());
        let pristine = std::fs::read(&path).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let mut source = Chunks::new(&file, 16);
        let found = locate(&mut source, "0aab").unwrap().unwrap();
        assert_eq!(found.id, "0aab");
        // As it was: the copy gives the same bytes, and their own hash.
        let mut out = Vec::new();
        let copied = copy_changed(&mut source, &found, hash, |_| {}, &mut out).unwrap();
        assert_eq!((copied, out), (hash, pristine.clone()));
        // Changed in place since the look, one byte for another: only the hash can tell.
        let mut bytes = pristine;
        let at = bytes.len() - 40;
        bytes[at] = if bytes[at] == b'1' { b'2' } else { b'1' };
        std::fs::write(&path, &bytes).unwrap();
        let copied = copy_changed(&mut source, &found, hash, |_| {}, &mut Vec::new());
        assert!(copied.is_err_and(|e| is_declined(&e)));
    }

    /// A member that is not the item found (another id at the same place, or not an
    /// item's JSON) is no item to change.
    #[test]
    fn a_member_is_parsed_only_as_the_item_found() {
        let ws = sample();
        let id: Short = "0aab".into();
        let member = item_bytes(&id, &ws.items["0aab"]);
        assert_eq!(parse_member(&member, &id).as_ref(), Some(&ws.items["0aab"]));
        assert_eq!(parse_member(&member, &"0aa".into()), None);
        assert_eq!(parse_member(b"\n    \"0aab\": {\"doc\": 3}", &id), None);
        assert_eq!(parse_member(b"", &id), None);
    }
}
