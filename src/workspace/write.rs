//! The workspace file's bytes, written by hand.
//!
//! They are exactly the bytes serde_json's pretty printer gives for the model (a property
//! test holds the two equal), but written without serde's generic machinery and in parallel,
//! which is what lets a 50,000-item workspace save in a few tens of milliseconds.

use rayon::prelude::*;

use super::model::{Anchor, Event, Item, Reconciled, Review, SCHEMA, SCHEMA_REF, Workspace};

/// Items serialized per parallel task: large enough to amortize the task, small enough to
/// spread a few thousand items over the cores.
const ITEMS_PER_TASK: usize = 512;

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
        self.out.push(b'\n');
        self.out.resize(self.out.len() + 2 * self.indent, b' ');
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
        for (i, &b) in bytes.iter().enumerate() {
            let short = match b {
                b'"' => b'"',
                b'\\' => b'\\',
                b'\n' => b'n',
                b'\t' => b't',
                b'\r' => b'r',
                0x08 => b'b',
                0x0c => b'f',
                0..=0x1f => 0,
                _ => continue,
            };
            self.out.extend_from_slice(&bytes[from..i]);
            from = i + 1;
            if short == 0 {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.extend_from_slice(b"\\u00");
                self.out.push(HEX[(b >> 4) as usize]);
                self.out.push(HEX[(b & 0xf) as usize]);
            } else {
                self.out.push(b'\\');
                self.out.push(short);
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

/// The file's bytes for a state: fields in a fixed order, items by document then position,
/// reviewers by name, 2-space indent, a final newline.
pub fn to_bytes(ws: &Workspace) -> Vec<u8> {
    let items = ws.ordered();
    let parts: Vec<Vec<u8>> = items
        .par_chunks(ITEMS_PER_TASK)
        .enumerate()
        .map(|(k, chunk)| {
            let mut w = Pretty {
                out: Vec::with_capacity(chunk.len() * 1024),
                indent: 2,
                has_value: k > 0,
            };
            for (id, it) in chunk {
                w.key(id);
                item(&mut w, it);
            }
            w.out
        })
        .collect();
    let mut w = Pretty {
        out: Vec::with_capacity(parts.iter().map(Vec::len).sum::<usize>() + 256),
        indent: 0,
        has_value: false,
    };
    w.begin(b'{');
    w.string_field("$schema", SCHEMA_REF);
    w.key("schema");
    w.number(SCHEMA.into());
    w.string_field("corpus", &ws.corpus);
    w.key("items");
    w.begin(b'{');
    for part in &parts {
        w.out.extend_from_slice(part);
    }
    w.has_value = !items.is_empty();
    w.end(b'}');
    w.end(b'}');
    w.out.push(b'\n');
    w.out
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
            let mut st = s.serialize_struct("Workspace", 4)?;
            st.serialize_field("$schema", SCHEMA_REF)?;
            st.serialize_field("schema", &SCHEMA)?;
            st.serialize_field("corpus", &self.0.corpus)?;
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
