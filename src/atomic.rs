//! Replacing a file whole or not at all, the one way cordiale writes a file: a temporary
//! file in the same folder is filled, flushed to disk, renamed over the target, and the
//! folder is flushed so the rename lasts too. A crash at any moment leaves the old file or
//! the new one, never a torn one. Workspaces, exports, drafts, the state folder's files,
//! the schema, git's files and every cache file are written so.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How the temporary file is made: its name's start and random part (so a caller can
/// find the ones a killed write left), and its mode from the start.
#[derive(Debug, Clone)]
pub struct Temp {
    /// How the temporary file's name starts.
    pub prefix: OsString,
    /// How many random characters follow the prefix.
    pub random: usize,
    /// The permissions the file is made with (`None`: the system's default).
    pub mode: Option<fs::Permissions>,
}

impl Default for Temp {
    fn default() -> Temp {
        Temp {
            prefix: ".tmp".into(),
            random: 6,
            mode: None,
        }
    }
}

/// The folder a file is in (`.` for a bare name).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Replaces `target` with what `fill` writes into a temporary file made as `temp` says;
/// the new file comes back, open.
pub fn replace_with(
    target: &Path,
    temp: &Temp,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<File> {
    let dir = folder_of(target);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&temp.prefix).rand_bytes(temp.random);
    if let Some(mode) = &temp.mode {
        builder.permissions(mode.clone());
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    fill(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    let file = tmp.persist(target).map_err(|e| e.error)?;
    // The rename itself must reach the disk too.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(file)
}

/// Replaces `target` with `bytes`.
pub fn replace(target: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_with(target, &Temp::default(), |f| f.write_all(bytes)).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_fill_leaves_the_old_file_and_no_temporary_one() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("f.json");
        replace(&target, b"old").unwrap();
        let failed = replace_with(&target, &Temp::default(), |f| {
            f.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read(&target).unwrap(), b"old");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary left"
        );
        replace(&target, b"new").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
    }
}
