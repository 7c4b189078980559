//! Reading and writing the workspace file: deterministic bytes, clear errors, atomic saves.
//!
//! The same state always gives the same bytes (fields in a fixed order, items by document
//! then position, reviewers by name, 2-space indent, a final newline), so `git diff` shows
//! only what changed. A file that cannot be read as a workspace is reported with its line and
//! column and never written over.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use super::model::{Item, SCHEMA, Workspace};

/// Why a workspace file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 text, so not a workspace file")]
    NotUtf8 { path: PathBuf },
    #[error("{path}: empty file, not a workspace")]
    Empty { path: PathBuf },
    #[error("{path}:{line}:{column}: not valid JSON: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}:{line}:{column}: not a cordiale workspace: {message}")]
    NotAWorkspace {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: written by a newer cordiale (schema {found}; this one reads up to {supported}); \
         left untouched, update cordiale to open it"
    )]
    NewerSchema {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
}

/// The file's top level, as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    schema: u32,
    corpus: String,
    #[serde(deserialize_with = "unique_items")]
    items: BTreeMap<String, Item>,
}

/// Reads the items object, refusing a repeated id (JSON parsers keep the last one silently,
/// which would drop a verdict).
fn unique_items<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Item>, D::Error> {
    struct Items;
    impl<'de> Visitor<'de> for Items {
        type Value = BTreeMap<String, Item>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of items by id")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut items = BTreeMap::new();
            while let Some((id, item)) = map.next_entry::<String, Item>()? {
                if items.contains_key(&id) {
                    return Err(de::Error::custom(format!("duplicate item id {id}")));
                }
                items.insert(id, item);
            }
            Ok(items)
        }
    }
    d.deserialize_map(Items)
}

/// Items in file order, for serialization.
struct OrderedItems<'a>(&'a Workspace);

impl Serialize for OrderedItems<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ids = self.0.ordered_ids();
        let mut map = s.serialize_map(Some(ids.len()))?;
        for id in ids {
            map.serialize_entry(id, &self.0.items[id])?;
        }
        map.end()
    }
}

impl Serialize for Workspace {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Workspace", 3)?;
        st.serialize_field("schema", &SCHEMA)?;
        st.serialize_field("corpus", &self.corpus)?;
        st.serialize_field("items", &OrderedItems(self))?;
        st.end()
    }
}

/// The file's bytes for a state.
pub fn to_bytes(ws: &Workspace) -> Vec<u8> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        serde_json::ser::PrettyFormatter::with_indent(b"  "),
    );
    // Serializing plain data into memory cannot fail.
    ws.serialize(&mut ser).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Reads a state from a file's bytes; `path` names the file in errors.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Workspace, WorkspaceError> {
    let path = path.to_path_buf();
    let text =
        std::str::from_utf8(bytes).map_err(|_| WorkspaceError::NotUtf8 { path: path.clone() })?;
    if text.trim().is_empty() {
        return Err(WorkspaceError::Empty { path });
    }
    // One typed parse on the way that matters; the slower reading into a JSON value only
    // runs to explain a failure (bad JSON, or a newer schema with fields we do not know).
    let raw: Raw = match serde_json::from_str(text) {
        Ok(raw) => raw,
        Err(typed) => return Err(explain(path, text, typed)),
    };
    if raw.schema > SCHEMA {
        return Err(WorkspaceError::NewerSchema {
            path,
            found: raw.schema as u64,
            supported: SCHEMA,
        });
    }
    if raw.schema != SCHEMA {
        return Err(WorkspaceError::NotAWorkspace {
            path,
            line: 1,
            column: 1,
            message: format!("unknown schema {}", raw.schema),
        });
    }
    Ok(Workspace {
        corpus: raw.corpus,
        items: raw.items,
    })
}

/// Why a file that failed the typed parse is not a workspace we can read.
fn explain(path: PathBuf, text: &str, typed: serde_json::Error) -> WorkspaceError {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return WorkspaceError::Syntax {
                path,
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            };
        }
    };
    match value.get("schema").and_then(serde_json::Value::as_u64) {
        Some(found) if found > SCHEMA as u64 => WorkspaceError::NewerSchema {
            path,
            found,
            supported: SCHEMA,
        },
        // Schema 1 is the first; older files will be migrated here, step by step.
        _ => WorkspaceError::NotAWorkspace {
            path,
            line: typed.line(),
            column: typed.column(),
            message: typed.to_string(),
        },
    }
}

/// Reads a workspace file.
pub fn load(path: &Path) -> Result<Workspace, WorkspaceError> {
    let bytes = fs::read(path).map_err(|source| WorkspaceError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    from_bytes(path, &bytes)
}

/// Writes a workspace file atomically: a temporary file in the same folder, flushed to
/// disk, renamed over the old one, and the folder flushed, so a crash at any moment leaves
/// the old file or the new one, never a torn one.
pub fn save(path: &Path, ws: &Workspace) -> Result<(), WorkspaceError> {
    let io = |source| WorkspaceError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".cordiale-save-")
        .tempfile_in(&dir)
        .map_err(io)?;
    tmp.write_all(&to_bytes(ws)).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    // The rename itself must reach the disk too.
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
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
        let mut b = item("b.txt", 10, "We will act.");
        b.reviews.insert(
            "zoe".into(),
            Review {
                verdict: Verdict::Kept,
                note: "done in 2017".into(),
                at: "2026-11-25T08:00:00Z".into(),
            },
        );
        b.reviews.insert(
            "ann".into(),
            Review {
                verdict: Verdict::Partial,
                note: String::new(),
                at: "2026-11-25T08:01:00Z".into(),
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
            text.starts_with("{\n  \"schema\": 1,\n  \"corpus\": \"seeds\",\n  \"items\": {\n")
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
            e.contains("not a cordiale workspace") && e.contains("done"),
            "{e}"
        );
        let dup = "{\"schema\": 1, \"corpus\": \"s\", \"items\": {\"c1\": ITEM, \"c1\": ITEM}}"
            .replace(
                "ITEM",
                &serde_json::to_string(&item("a.txt", 1, "x")).unwrap(),
            );
        let e = error(dup.as_bytes());
        assert!(e.contains("duplicate item id c1"), "{e}");
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

    fn arb_review() -> impl proptest::strategy::Strategy<Value = Review> {
        use proptest::prelude::*;
        (
            proptest::sample::select(Verdict::ALL.to_vec()),
            "[ -~éü’\n\t\\\"]{0,12}",
            0u32..100_000,
        )
            .prop_map(|(verdict, note, t)| Review {
                verdict,
                note,
                at: format!("2026-11-{:02}T{:02}:00:00Z", 1 + t % 28, t % 24),
            })
    }

    fn arb_workspace() -> impl proptest::strategy::Strategy<Value = Workspace> {
        use proptest::prelude::*;
        let arb_item = (
            "[a-c]\\.txt",
            0usize..5000,
            "[ -~€’“”\n]{1,40}",
            proptest::collection::btree_map("[a-z]{1,6}", arb_review(), 0..3),
        )
            .prop_map(|(doc, start, quote, reviews)| {
                let mut it = item(&doc, start, &quote);
                it.reviews = reviews;
                it
            });
        proptest::collection::vec(arb_item, 0..20).prop_map(|items| {
            let mut ws = Workspace {
                corpus: "corpus".into(),
                ..Default::default()
            };
            for it in items {
                let id = crate::workspace::id::item_id(&it.doc, &it.anchor.exact);
                ws.items.insert(id, it);
            }
            ws
        })
    }

    proptest::proptest! {
        /// load(save(s)) == s, and saving what was loaded gives the same bytes.
        #[test]
        fn round_trips_are_exact_and_byte_stable(ws in arb_workspace()) {
            let bytes = to_bytes(&ws);
            let back = from_bytes(Path::new("w.json"), &bytes).unwrap();
            proptest::prop_assert_eq!(&back, &ws);
            proptest::prop_assert_eq!(to_bytes(&back), bytes);
        }
    }
}
