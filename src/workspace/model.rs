//! What a workspace holds: checklist items, each anchored to its text, with every
//! reviewer's verdict kept apart so two branches merge item by item.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The schema this build reads and writes.
pub const SCHEMA: u32 = 1;

/// A promise-tracker verdict on one commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Not yet rated.
    Pending,
    InProgress,
    Stalled,
    Partial,
    Kept,
    Broken,
    /// The extraction was wrong: this is not a commitment.
    NotACommitment,
}

impl Verdict {
    pub const ALL: [Verdict; 7] = [
        Verdict::Pending,
        Verdict::InProgress,
        Verdict::Stalled,
        Verdict::Partial,
        Verdict::Kept,
        Verdict::Broken,
        Verdict::NotACommitment,
    ];

    /// The name written in the file and typed on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Pending => "pending",
            Verdict::InProgress => "in-progress",
            Verdict::Stalled => "stalled",
            Verdict::Partial => "partial",
            Verdict::Kept => "kept",
            Verdict::Broken => "broken",
            Verdict::NotACommitment => "not-a-commitment",
        }
    }

    pub fn from_name(name: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// Where an item's text is, robustly: the exact quote with a little context (which find it
/// again after the document is edited) and the byte position as a hint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// Byte span in the document when the anchor was last placed.
    pub start: usize,
    pub end: usize,
    /// Hash of the document text the position refers to (hex SHA-256, first 16 digits).
    pub doc_hash: String,
}

/// How an item came to be on the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    Extracted,
    /// Added by a reviewer from a span of the text.
    Manual,
}

/// One reviewer's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub verdict: Verdict,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// RFC 3339, UTC, to the second.
    pub at: String,
}

/// The verdict a pair agreed on after a disagreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reconciled {
    pub verdict: Verdict,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub by: String,
    pub at: String,
}

/// One change to an item, kept forever (append-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub at: String,
    pub by: String,
    /// What happened: `verdict`, `reconcile`, `note`, `reanchor`, `added`.
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
}

/// One checklist item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The document's name in the corpus.
    pub doc: String,
    pub origin: Origin,
    pub anchor: Anchor,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    /// The deadline as extracted (ISO 8601), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// The figures inside the item, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<String>,
    /// Each reviewer's verdict, by reviewer name.
    #[serde(default)]
    pub reviews: BTreeMap<String, Review>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconciled: Option<Reconciled>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Event>,
}

impl Item {
    /// An item not yet reviewed, with nothing but where it is.
    pub fn new(doc: impl Into<String>, origin: Origin, anchor: Anchor) -> Item {
        Item {
            doc: doc.into(),
            origin,
            anchor,
            actors: Vec::new(),
            deadline: None,
            figures: Vec::new(),
            reviews: BTreeMap::new(),
            reconciled: None,
            history: Vec::new(),
        }
    }
}

/// All review state of one corpus.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Workspace {
    /// The corpus folder, relative to the workspace file.
    pub corpus: String,
    /// Items by id.
    pub items: BTreeMap<String, Item>,
}

impl Workspace {
    /// Item ids in file order: by document, then position.
    pub fn ordered_ids(&self) -> Vec<&str> {
        let mut keyed: Vec<(&str, usize, usize, &str)> = self
            .items
            .iter()
            .map(|(id, it)| (it.doc.as_str(), it.anchor.start, it.anchor.end, id.as_str()))
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|k| k.3).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_names_round_trip() {
        for v in Verdict::ALL {
            assert_eq!(Verdict::from_name(v.name()), Some(v));
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{}\"", v.name()));
        }
        assert_eq!(Verdict::from_name("done"), None);
    }
}
