//! What review needs of a document's extraction: its title and its commitments, each ready
//! to become an item of a workspace. Small enough to keep on disk beside the index, so that
//! review commands and the workbench take it from the cache instead of extracting the
//! corpus again (`search::cache`).

use serde::{Deserialize, Serialize};

use super::Extraction;

/// A document's extraction as review sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    /// The document's title, as extracted.
    pub title: String,
    /// Its date of issue (ISO 8601 day), when one was found: what dates evidence taken
    /// from it.
    #[serde(default)]
    pub date: Option<String>,
    /// The document's commitments, in order.
    pub pledges: Vec<Pledge>,
}

/// A commitment as the item it becomes: where it is (its words are the document's text
/// there), who, by when, how much.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pledge {
    /// Byte offset of the commitment's start in the document's text.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// Who pledges, as written.
    pub actors: Vec<String>,
    /// The deadline's value: a date, else a duration (`within two years`).
    pub deadline: Option<String>,
    /// The figures inside the commitment, as written.
    pub figures: Vec<String>,
}

impl Digest {
    /// The digest of an extraction.
    pub fn of(x: &Extraction) -> Digest {
        let pledges = x
            .commitments
            .iter()
            .map(|c| Pledge {
                start: c.start,
                end: c.end,
                actors: c.actors.clone(),
                deadline: c
                    .deadline
                    .as_ref()
                    .and_then(|d| d.value.date.as_ref().or(d.value.duration.as_ref()))
                    .cloned(),
                figures: c
                    .figures
                    .iter()
                    .filter_map(|&i| x.figures.get(i).map(|f| f.text.clone()))
                    .collect(),
            })
            .collect();
        Digest {
            title: x.title.clone(),
            date: x.doc_date.as_ref().and_then(|d| d.value.date.clone()),
            pledges,
        }
    }
}
