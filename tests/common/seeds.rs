//! A copy of the bundled seeds' text documents, for tests that edit a corpus.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

/// Copies the seeds' `.txt` documents into `dir/corpus`; the folder and the copied file
/// names, sorted.
pub fn copy_seeds(dir: &Path) -> (PathBuf, Vec<OsString>) {
    let corpus = dir.join("corpus");
    fs::create_dir(&corpus).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names = Vec::new();
    for entry in fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_name().unwrap().to_owned();
            fs::copy(&path, corpus.join(&name)).unwrap();
            names.push(name);
        }
    }
    names.sort();
    assert!(names.len() >= 5, "the seeds hold five documents or more");
    (corpus, names)
}

/// For a test binary with one test that runs commands in its own process: the cache
/// folder (`dir/cache`) and the reviewer (`ann`) are its own.
#[allow(
    unsafe_code,
    reason = "set_var before the test starts threads of its own"
)]
pub fn own_cache_and_reviewer(dir: &Path) {
    // SAFETY: the binary's only test sets these before it starts any thread of its own.
    unsafe {
        std::env::set_var("CORDIALE_CACHE_DIR", dir.join("cache"));
        std::env::set_var("CORDIALE_REVIEWER", "ann");
    }
}
