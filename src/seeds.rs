//! The demo corpus, inside the binary: with no corpus named, cordiale opens these five
//! documents. They are unpacked to the data folder (`~/.local/share/cordiale/seeds` on
//! Linux), where their workspace lives too, never beside the binary or in the source tree.

use std::fs;
use std::path::PathBuf;

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// Why the seeds cannot be had.
#[derive(Debug, thiserror::Error)]
pub enum SeedsError {
    /// There is no home or data folder to unpack into.
    #[error("no data folder to unpack the bundled seeds into (set HOME or XDG_DATA_HOME)")]
    NoDataFolder,
    /// Unpacking failed.
    #[error("cannot unpack the bundled seeds into {path}: {source}")]
    Io {
        /// The file or folder being written.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// The folder of the bundled seeds, brought up to date with this binary's copy: a seed
/// missing or different there is written again (whole, by rename); other files (the
/// demo's workspace, exports) are left as they are.
pub fn folder() -> Result<PathBuf, SeedsError> {
    let dir = dirs::data_dir()
        .ok_or(SeedsError::NoDataFolder)?
        .join("cordiale")
        .join("seeds");
    let io = |source| SeedsError::Io {
        path: dir.clone(),
        source,
    };
    fs::create_dir_all(&dir).map_err(io)?;
    for (name, bytes) in SEEDS {
        let path = dir.join(name);
        if fs::read(&path).is_ok_and(|there| there == *bytes) {
            continue;
        }
        crate::atomic::replace(&path, bytes).map_err(io)?;
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_seeds_are_in_the_binary() {
        assert!(super::SEEDS.len() >= 5);
        for (name, bytes) in super::SEEDS {
            assert!(name.ends_with(".txt") && !bytes.is_empty(), "{name}");
        }
    }
}
