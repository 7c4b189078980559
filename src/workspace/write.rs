//! The workspace file's bytes, written by hand.
//!
//! They are exactly the bytes serde_json's pretty printer gives for the model (a property
//! test holds the two equal), but written without serde's generic machinery and in parallel,
//! which is what lets a 50,000-item workspace save in a few tens of milliseconds.

use rayon::prelude::*;

use std::sync::Arc;

use super::model::{
    Anchor, Event, Evidence, FileKey, Item, Reconciled, Review, SCHEMA, SCHEMA_REF, Scale, Short,
    Workspace,
};

/// Items serialized per parallel task: large enough to amortize the task, small enough to
/// spread a few thousand items over the cores.
const ITEMS_PER_TASK: usize = 512;

/// For each byte, how a JSON string writes it: 0 as itself, `u` as `\u00XX`, else a
/// backslash and this letter.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[b'\n' as usize] = b'n';
    table[b'\t' as usize] = b't';
    table[b'\r' as usize] = b'r';
    table[0x08] = b'b';
    table[0x0c] = b'f';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Whether any of eight bytes is a control character, a quote or a backslash (the classic
/// "has a zero byte" and "has a byte less than n" bit tricks; exact, no false answers).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH != 0;
    below_space || has_zero(word ^ (ONES * b'"' as u64)) || has_zero(word ^ (ONES * b'\\' as u64))
}

/// A pretty JSON writer with serde_json's layout: 2-space indent, `": "` after keys, an
/// empty object as `{}`.
struct Pretty {
    out: Vec<u8>,
    indent: usize,
    /// Whether the open object or array already holds a value (a comma comes next).
    has_value: bool,
}

impl Pretty {
    fn begin(&mut self, bracket: u8) {
        self.out.push(bracket);
        self.indent += 1;
        self.has_value = false;
    }

    fn end(&mut self, bracket: u8) {
        self.indent -= 1;
        if self.has_value {
            self.newline();
        }
        self.out.push(bracket);
        self.has_value = true;
    }

    fn newline(&mut self) {
        /// A newline and the deepest indent the file has (items' history fields: 5 levels).
        const LINE: &[u8; 1 + 2 * 8] = b"\n                ";
        let n = 1 + 2 * self.indent;
        match LINE.get(..n) {
            Some(line) => self.out.extend_from_slice(line),
            None => {
                self.out.push(b'\n');
                self.out.resize(self.out.len() + 2 * self.indent, b' ');
            }
        }
    }

    /// Starts the next member or element: the comma, the line, the indent.
    fn next(&mut self) {
        if self.has_value {
            self.out.push(b',');
        }
        self.newline();
        self.has_value = true;
    }

    fn key(&mut self, key: &str) {
        self.next();
        self.string(key);
        self.out.extend_from_slice(b": ");
    }

    /// A JSON string, escaped as serde_json escapes it: quote, backslash and control
    /// characters only, with the short forms where JSON has them.
    fn string(&mut self, s: &str) {
        self.out.push(b'"');
        let bytes = s.as_bytes();
        let mut from = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Eight bytes at a time while none needs escaping (most text never does).
            if let Some(word) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
                if !needs_escape(word) {
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            i += 1;
            let escape = ESCAPE[b as usize];
            if escape == 0 {
                continue;
            }
            let i = i - 1;
            self.out.extend_from_slice(&bytes[from..i]);
            from = i + 1;
            if escape == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.extend_from_slice(b"\\u00");
                self.out.push(HEX[(b >> 4) as usize]);
                self.out.push(HEX[(b & 0xf) as usize]);
            } else {
                self.out.extend_from_slice(&[b'\\', escape]);
            }
        }
        self.out.extend_from_slice(&bytes[from..]);
        self.out.push(b'"');
    }

    fn number(&mut self, n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&digits[at..]);
    }

    fn string_field(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    fn strings_field(&mut self, key: &str, values: &[impl AsRef<str>]) {
        self.key(key);
        self.begin(b'[');
        for v in values {
            self.next();
            self.string(v.as_ref());
        }
        self.end(b']');
    }
}

fn anchor(w: &mut Pretty, a: &Anchor) {
    w.begin(b'{');
    w.string_field("exact", &a.exact);
    w.string_field("prefix", &a.prefix);
    w.string_field("suffix", &a.suffix);
    w.key("start");
    w.number(a.start as u64);
    w.key("end");
    w.number(a.end as u64);
    w.string_field("doc_hash", &a.doc_hash);
    w.end(b'}');
}

fn review(w: &mut Pretty, r: &Review) {
    w.begin(b'{');
    w.string_field("verdict", r.verdict.name());
    if !r.note.is_empty() {
        w.string_field("note", &r.note);
    }
    w.string_field("at", &r.at);
    if r.stale {
        w.key("stale");
        w.out.extend_from_slice(b"true");
    }
    if !r.actors.is_empty() {
        w.key("actors");
        w.begin(b'{');
        for (actor, v) in r.actors.iter() {
            w.string_field(actor, v.name());
        }
        w.end(b'}');
    }
    if !r.evidence.is_empty() {
        w.key("evidence");
        w.begin(b'[');
        for e in &r.evidence {
            w.next();
            evidence(w, e);
        }
        w.end(b']');
    }
    w.end(b'}');
}

fn evidence(w: &mut Pretty, e: &Evidence) {
    w.begin(b'{');
    if let Some(d) = &e.date {
        w.string_field("date", d);
    }
    if let Some(d) = &e.doc {
        w.string_field("doc", d);
    }
    if let Some(a) = &e.anchor {
        w.key("anchor");
        anchor(w, a);
    }
    if !e.source.is_empty() {
        w.string_field("source", &e.source);
    }
    if !e.excerpt.is_empty() {
        w.string_field("excerpt", &e.excerpt);
    }
    w.string_field("at", &e.at);
    w.end(b'}');
}

/// The head's `"scale"`: a built-in scale by name, a declared one whole.
fn scale(w: &mut Pretty, s: &Scale) {
    if s.is_built_in() {
        return w.string_field("scale", &s.name);
    }
    w.key("scale");
    w.begin(b'{');
    w.string_field("name", &s.name);
    w.key("verdicts");
    w.begin(b'[');
    for step in &s.verdicts {
        w.next();
        w.begin(b'{');
        w.string_field("name", step.name.name());
        w.string_field("key", step.key.encode_utf8(&mut [0; 4]));
        w.string_field("label", &step.label);
        w.key("score");
        // A few numbers in the head: serde_json's own float formatting, to be its bytes.
        let score = serde_json::to_string(&step.score).unwrap_or_else(|_| "0.0".into());
        w.out.extend_from_slice(score.as_bytes());
        w.end(b'}');
    }
    w.end(b']');
    w.end(b'}');
}

fn reconciled(w: &mut Pretty, r: &Reconciled) {
    w.begin(b'{');
    w.string_field("verdict", r.verdict.name());
    if !r.note.is_empty() {
        w.string_field("note", &r.note);
    }
    w.string_field("by", &r.by);
    w.string_field("at", &r.at);
    w.end(b'}');
}

fn event(w: &mut Pretty, e: &Event) {
    w.begin(b'{');
    w.string_field("at", &e.at);
    w.string_field("by", &e.by);
    w.string_field("what", &e.what);
    if let Some(v) = e.verdict {
        w.string_field("verdict", v.name());
    }
    if !e.note.is_empty() {
        w.string_field("note", &e.note);
    }
    if let Some(q) = &e.quote {
        w.string_field("quote", q);
    }
    if let Some(a) = &e.actor {
        w.string_field("actor", a);
    }
    w.end(b'}');
}

/// One item, in the field order and with the omissions of the model's serde attributes.
fn item(w: &mut Pretty, it: &Item) {
    w.begin(b'{');
    w.string_field("doc", &it.doc);
    w.string_field("origin", it.origin.name());
    w.key("anchor");
    anchor(w, &it.anchor);
    if !it.actors.is_empty() {
        w.strings_field("actors", &it.actors);
    }
    if let Some(d) = &it.deadline {
        w.string_field("deadline", d);
    }
    if !it.figures.is_empty() {
        w.strings_field("figures", &it.figures);
    }
    w.key("reviews");
    w.begin(b'{');
    for (name, r) in &it.reviews {
        w.key(name);
        review(w, r);
    }
    w.end(b'}');
    if let Some(r) = &it.reconciled {
        w.key("reconciled");
        reconciled(w, r);
    }
    if !it.reconciled_actors.is_empty() {
        w.key("reconciled_actors");
        w.begin(b'{');
        for (actor, r) in &it.reconciled_actors {
            w.key(actor);
            reconciled(w, r);
        }
        w.end(b'}');
    }
    if !it.history.is_empty() {
        w.key("history");
        w.begin(b'[');
        for e in &it.history {
            w.next();
            event(w, e);
        }
        w.end(b']');
    }
    w.end(b'}');
}

/// A state's file bytes, in the pieces they were written in: the head, one piece per item
/// (in file order) and the tail. Writing the pieces one after the other saves copying 50 MB
/// into one buffer, and a save after a few verdicts re-encodes only the items that changed
/// (`reencode`); the pieces are shared, so keeping the last save's bytes costs no copy.
#[derive(Debug, Clone)]
pub struct Encoded {
    head: Vec<u8>,
    /// Each item as `,\n    "id": {…}`; the first one's comma is not written.
    items: Vec<Piece>,
    tail: Vec<u8>,
}

/// Two encodings are equal when their bytes are.
impl PartialEq for Encoded {
    fn eq(&self, other: &Encoded) -> bool {
        self.same_as(&other.to_vec())
    }
}

impl Eq for Encoded {}

/// One item's bytes (`bytes[from..to]`: the items of one parallel task share a buffer),
/// with where it sorts in the file.
#[derive(Debug, Clone)]
struct Piece {
    key: FileKey,
    bytes: Arc<Vec<u8>>,
    from: usize,
    to: usize,
}

impl Encoded {
    /// The pieces in writing order.
    /// Items next to each other in one buffer come as one slice.
    fn slices(&self) -> impl Iterator<Item = &[u8]> {
        let mut runs: Vec<(&Arc<Vec<u8>>, usize, usize)> = Vec::new();
        for (k, p) in self.items.iter().enumerate() {
            // The first item's comma is not written.
            let from = if k == 0 { p.from + 1 } else { p.from };
            match runs.last_mut() {
                Some((b, _, to)) if Arc::ptr_eq(b, &p.bytes) && *to == p.from => *to = p.to,
                _ => runs.push((&p.bytes, from, p.to)),
            }
        }
        std::iter::once(self.head.as_slice())
            .chain(runs.into_iter().map(|(b, from, to)| &b[from..to]))
            .chain(std::iter::once(self.tail.as_slice()))
    }

    /// The number of bytes.
    pub fn len(&self) -> usize {
        self.slices().map(<[u8]>::len).sum()
    }

    /// No bytes at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether these are exactly `bytes`.
    pub fn same_as(&self, mut bytes: &[u8]) -> bool {
        for piece in self.slices() {
            match bytes.strip_prefix(piece) {
                Some(rest) => bytes = rest,
                None => return false,
            }
        }
        bytes.is_empty()
    }

    /// Writes the pieces with as few system calls as the pieces allow.
    pub fn write_to(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        let all: Vec<&[u8]> = self.slices().collect();
        write_slices(out, &all)
    }

    /// [`super::in_place::content_hash`] of these bytes.
    pub fn content_hash(&self) -> u128 {
        let slices: Vec<&[u8]> = self.slices().collect();
        super::in_place::content_hash(&slices)
    }

    /// The bytes in one buffer.
    pub fn to_vec(&self) -> Vec<u8> {
        self.slices().collect::<Vec<_>>().concat()
    }

    /// Bytes made elsewhere, in one piece.
    pub fn from_bytes(bytes: Vec<u8>) -> Encoded {
        Encoded {
            head: bytes,
            items: Vec::new(),
            tail: Vec::new(),
        }
    }

    /// The bytes of `ws`, given that these are the bytes of an earlier state of it and that
    /// only the items `changed` differ from that state (every other item, and the set of
    /// ids, are as they were): those items are encoded again, the rest are shared.
    /// `None` when that cannot be done in place (an item was added, removed or moved in the
    /// file order): then `encode` it whole.
    pub fn reencode(&self, ws: &Workspace, changed: &[Short]) -> Option<Encoded> {
        if self.items.len() != ws.items.len() {
            return None;
        }
        let mut items = self.items.clone();
        for id in changed {
            let (id, it) = ws.items.get_key_value(id)?;
            let key = FileKey::of(id, it);
            let at = items.binary_search_by(|p| p.key.cmp(&key)).ok()?;
            items[at] = chunk_pieces(&[(id, it)]).pop()?;
        }
        let encoded = Encoded {
            head: head(ws),
            items,
            tail: tail(!ws.items.is_empty()),
        };
        // The caller's promise (only `changed` changed) is checked where it is cheap.
        debug_assert!(encoded == encode(ws), "an item changed that was not named");
        Some(encoded)
    }
}

/// Writes `slices` one after the other, up to 1,024 of them a system call.
pub fn write_slices(out: &mut impl std::io::Write, slices: &[&[u8]]) -> std::io::Result<()> {
    use std::io::IoSlice;
    let all: Vec<&[u8]> = slices.iter().copied().filter(|s| !s.is_empty()).collect();
    for batch in all.chunks(1024) {
        let mut slices: Vec<IoSlice> = batch.iter().map(|s| IoSlice::new(s)).collect();
        let mut rest = &mut slices[..];
        while !rest.is_empty() {
            match out.write_vectored(rest) {
                Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
                Ok(n) => IoSlice::advance_slices(&mut rest, n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// Items one after the other in one buffer, each as `,\n    "id": {…}` (as it follows
/// another in the items object), and where each one's bytes are.
fn chunk_pieces(chunk: &[(&Short, &Item)]) -> Vec<Piece> {
    let mut w = Pretty {
        out: Vec::with_capacity(chunk.len() * 1024),
        indent: 2,
        has_value: true,
    };
    let mut spans = Vec::with_capacity(chunk.len());
    for (id, it) in chunk {
        let from = w.out.len();
        w.has_value = true;
        w.key(id);
        item(&mut w, it);
        spans.push((from, w.out.len()));
    }
    let bytes = Arc::new(w.out);
    chunk
        .iter()
        .zip(spans)
        .map(|((id, it), (from, to))| Piece {
            key: FileKey::of(id, it),
            bytes: Arc::clone(&bytes),
            from,
            to,
        })
        .collect()
}

/// One item's bytes as they stand in the file, `\n    "id": {…\n    }`, without the comma
/// that parts it from the item before: what a change of one item in place writes back.
pub fn item_bytes(id: &Short, it: &Item) -> Vec<u8> {
    let mut w = Pretty {
        out: Vec::with_capacity(1024),
        indent: 2,
        has_value: false,
    };
    w.key(id);
    item(&mut w, it);
    w.out
}

fn head(ws: &Workspace) -> Vec<u8> {
    let mut head = Pretty {
        out: Vec::new(),
        indent: 0,
        has_value: false,
    };
    head.begin(b'{');
    head.string_field("$schema", SCHEMA_REF);
    head.key("schema");
    head.number(SCHEMA.into());
    head.string_field("corpus", &ws.corpus);
    if let Some(day) = ws.as_of {
        head.string_field("as_of", &day.to_string());
    }
    if ws.scale != Scale::default() {
        scale(&mut head, &ws.scale);
    }
    // One line per document, in name order: a git diff shows which documents changed.
    head.key("documents");
    head.begin(b'{');
    for (name, hash) in &ws.documents {
        head.string_field(name, hash);
    }
    head.end(b'}');
    head.key("items");
    head.begin(b'{');
    head.out
}

fn tail(has_items: bool) -> Vec<u8> {
    let mut tail = Pretty {
        out: Vec::new(),
        indent: 2,
        has_value: has_items,
    };
    tail.end(b'}');
    tail.end(b'}');
    tail.out.push(b'\n');
    tail.out
}

/// The file's bytes for a state: fields in a fixed order, items by document then position,
/// reviewers by name, 2-space indent, a final newline.
pub fn encode(ws: &Workspace) -> Encoded {
    let ordered = ws.ordered();
    let chunks: Vec<Vec<Piece>> = ordered
        .par_chunks(ITEMS_PER_TASK)
        .map(chunk_pieces)
        .collect();
    let items = chunks.into_iter().flatten().collect();
    Encoded {
        head: head(ws),
        items,
        tail: tail(!ordered.is_empty()),
    }
}

/// `encode`, in one piece.
pub fn to_bytes(ws: &Workspace) -> Vec<u8> {
    encode(ws).to_vec()
}

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use serde::ser::{SerializeMap, SerializeStruct, Serializer};

    use super::*;

    /// The model as serde would write it: the oracle the hand-written bytes must equal.
    struct Oracle<'a>(&'a Workspace);
    struct OrderedItems<'a>(&'a Workspace);

    impl Serialize for OrderedItems<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let items = self.0.ordered();
            let mut map = s.serialize_map(Some(items.len()))?;
            for (id, item) in items {
                map.serialize_entry(id, item)?;
            }
            map.end()
        }
    }

    impl Serialize for Oracle<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Workspace", 6)?;
            st.serialize_field("$schema", SCHEMA_REF)?;
            st.serialize_field("schema", &SCHEMA)?;
            st.serialize_field("corpus", &self.0.corpus)?;
            if let Some(day) = &self.0.as_of {
                st.serialize_field("as_of", day)?;
            }
            if self.0.scale != Scale::default() {
                if self.0.scale.is_built_in() {
                    st.serialize_field("scale", &self.0.scale.name)?;
                } else {
                    st.serialize_field("scale", &self.0.scale)?;
                }
            }
            st.serialize_field("documents", &self.0.documents)?;
            st.serialize_field("items", &OrderedItems(self.0))?;
            st.end()
        }
    }

    fn oracle(ws: &Workspace) -> Vec<u8> {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(
            &mut out,
            serde_json::ser::PrettyFormatter::with_indent(b"  "),
        );
        Oracle(ws).serialize(&mut ser).unwrap();
        out.push(b'\n');
        out
    }

    #[test]
    fn an_empty_workspace_is_serdes_bytes() {
        let ws = Workspace::default();
        assert_eq!(
            String::from_utf8(to_bytes(&ws)).unwrap(),
            String::from_utf8(oracle(&ws)).unwrap()
        );
    }

    #[test]
    fn many_items_across_tasks_are_serdes_bytes() {
        use crate::workspace::model::{Item, Origin};
        let mut ws = Workspace::default();
        for k in 0..(3 * ITEMS_PER_TASK + 7) {
            let anchor = Anchor {
                exact: format!("quote {k}"),
                prefix: String::new(),
                suffix: "\u{1}".into(),
                start: k,
                end: k + 7,
                doc_hash: "h".into(),
            };
            ws.items.insert(
                format!("c{k:05}").into(),
                Item::new("a.txt", Origin::Manual, anchor),
            );
        }
        assert_eq!(to_bytes(&ws), oracle(&ws));
    }

    proptest::proptest! {
        #[test]
        fn bytes_are_serdes_pretty_bytes(ws in crate::workspace::arb::workspace()) {
            let ours = String::from_utf8(to_bytes(&ws)).unwrap();
            let serde = String::from_utf8(oracle(&ws)).unwrap();
            proptest::prop_assert_eq!(ours, serde);
        }
    }
}
