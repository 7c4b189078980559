//! The on-disk cache of each document's digest (what review needs of its extraction: the
//! title and the commitments as items), keyed like the index cache by the document's
//! content, so that review commands and the workbench's workspace sync extract only the
//! documents that changed.
//!
//! Like the index cache it is never required: a missing, stale, corrupt or unwritable file
//! costs only the extraction it would have saved. One file per corpus, JSON, written to a
//! temporary file and renamed into place; another build of cordiale ignores it.

use std::collections::HashMap;
use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::cache::{content_key, corpus_key};
use crate::cache_dir::build_stamp;
use crate::corpus::Corpus;
use crate::extract::digest::Digest;
use crate::extract::extract;

#[derive(Deserialize)]
struct DigestFile {
    /// The build that wrote it (hex), as the index cache records.
    build: String,
    /// (content key in hex, digest), sorted by key: the same corpus writes the same bytes.
    docs: Vec<(String, Digest)>,
}

/// [`DigestFile`] as written: the digests borrowed, not copied.
#[derive(Serialize)]
struct DigestFileOut<'a> {
    build: String,
    docs: Vec<(String, &'a Digest)>,
}

/// The digests a cache folder holds, by content key (empty when there are none usable).
pub(super) struct Cached {
    file: PathBuf,
    by_key: HashMap<u128, Digest>,
}

impl Cached {
    pub(super) fn read(dir: &Path, corpus: &Corpus) -> Cached {
        let file = dir.join(format!("digests-{:016x}.json", corpus_key(corpus)));
        let by_key = fs::File::open(&file)
            .ok()
            .and_then(|f| serde_json::from_reader::<_, DigestFile>(BufReader::new(f)).ok())
            .filter(|d| d.build == format!("{:016x}", build_stamp()))
            .inspect(|_| crate::cache_dir::mark_used(&file))
            .map(|d| {
                d.docs
                    .into_iter()
                    .filter_map(|(k, v)| Some((u128::from_str_radix(&k, 16).ok()?, v)))
                    .collect()
            })
            .unwrap_or_default();
        Cached { file, by_key }
    }

    pub(super) fn has(&self, key: u128) -> bool {
        self.by_key.contains_key(&key)
    }

    /// The corpus's digests in its order, `fresh` (by key) filling what the file lacked;
    /// the file is rewritten when anything was fresh or it holds documents gone since.
    pub(super) fn complete(mut self, keys: &[u128], fresh: HashMap<u128, Digest>) -> Vec<Digest> {
        let wanted: std::collections::HashSet<&u128> = keys.iter().collect();
        let stale = self.by_key.keys().any(|k| !wanted.contains(k));
        let changed = !fresh.is_empty() || stale;
        self.by_key.extend(fresh);
        // Moved out, not cloned (a million lines hold 400,000 commitments); a text the
        // corpus holds twice takes a copy of its first document's.
        let mut first: HashMap<u128, usize> = HashMap::new();
        let mut out: Vec<Digest> = Vec::with_capacity(keys.len());
        for (i, k) in keys.iter().enumerate() {
            let digest = match first.get(k) {
                Some(&j) => out[j].clone(),
                None => self.by_key.remove(k).unwrap_or_default(),
            };
            first.entry(*k).or_insert(i);
            out.push(digest);
        }
        if changed {
            let mut docs: Vec<(u128, &Digest)> =
                keys.iter().zip(&out).map(|(k, d)| (*k, d)).collect();
            docs.sort_by_key(|(k, _)| *k);
            docs.dedup_by_key(|(k, _)| *k);
            let file = DigestFileOut {
                build: format!("{:016x}", build_stamp()),
                docs: docs
                    .into_iter()
                    .map(|(k, d)| (format!("{k:032x}"), d))
                    .collect(),
            };
            // A failure to write costs the next run time, nothing else.
            if let Ok(bytes) = serde_json::to_vec(&file) {
                let _ = crate::cache_dir::write_entry(&self.file, &bytes);
            }
        }
        out
    }
}

/// Each document's digest, in corpus order: from the cache in `dir` where the document's
/// content is unchanged, extracted otherwise (and the cache refreshed). With no folder,
/// every document is extracted.
pub fn digests(corpus: &Corpus, dir: Option<&Path>) -> Vec<Digest> {
    let Some(dir) = dir else {
        return corpus
            .documents
            .par_iter()
            .map(|d| Digest::of(&extract(d)))
            .collect();
    };
    let cached = Cached::read(dir, corpus);
    let keys: Vec<u128> = corpus.documents.par_iter().map(content_key).collect();
    let mut todo: Vec<usize> = (0..keys.len()).filter(|&i| !cached.has(keys[i])).collect();
    // A text the corpus holds twice is extracted once.
    todo.sort_by_key(|&i| keys[i]);
    todo.dedup_by_key(|i| keys[*i]);
    let fresh: HashMap<u128, Digest> = todo
        .par_iter()
        .map(|&i| (keys[i], Digest::of(&extract(&corpus.documents[i]))))
        .collect();
    cached.complete(&keys, fresh)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;

    fn corpus() -> Corpus {
        Corpus {
            documents: vec![
                Document::from_text("a.txt", "We will open two offices by 2027.\n"),
                Document::from_text("b.txt", "The ministers met.\n"),
            ],
            warnings: Vec::new(),
        }
    }

    #[test]
    fn cached_digests_equal_fresh_ones_and_bad_files_cost_only_time() {
        let corpus = corpus();
        let fresh = digests(&corpus, None);
        assert_eq!(fresh[0].pledges.len(), 1);
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(digests(&corpus, Some(dir.path())), fresh);
        let file = fs::read_dir(dir.path())
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let written = fs::read(&file).unwrap();
        // Read back: the same digests, the same bytes (nothing to rewrite).
        assert_eq!(digests(&corpus, Some(dir.path())), fresh);
        assert_eq!(fs::read(&file).unwrap(), written);
        // Corrupt, truncated, or from another build: ignored and rewritten.
        for bad in [
            &b"{not json"[..],
            &written[..written.len() / 2],
            b"{\"build\":\"0\",\"docs\":[]}",
        ] {
            fs::write(&file, bad).unwrap();
            assert_eq!(digests(&corpus, Some(dir.path())), fresh);
            assert_eq!(fs::read(&file).unwrap(), written);
        }
        // A folder that cannot be made: every document extracted, nothing fails.
        let blocked = dir.path().join("file");
        fs::write(&blocked, "x").unwrap();
        assert_eq!(digests(&corpus, Some(&blocked.join("cache"))), fresh);
    }
}
