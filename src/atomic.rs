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

/// How many bytes a [`Writeback`] lets pile up before it asks the kernel to write them.
const WRITEBACK_STEP: u64 = 1 << 20;

/// A writer to a new file that asks the kernel to start putting each few megabytes on disk
/// as soon as they are written, while the rest is still being made: the flush that ends
/// the save then waits for the last few megabytes only, not for all of a 50 MB workspace
/// at once. Asking never blocks and never fails the write (on systems without the call it
/// is not made, and the final flush does it all, as before).
pub struct Writeback<'f> {
    file: &'f mut File,
    written: u64,
    asked: u64,
}

impl<'f> Writeback<'f> {
    /// Writes into `file`, from its start.
    pub fn new(file: &'f mut File) -> Writeback<'f> {
        Writeback {
            file,
            written: 0,
            asked: 0,
        }
    }

    fn wrote(&mut self, n: usize) {
        self.written += n as u64;
        if self.written - self.asked >= WRITEBACK_STEP {
            start_writeback(self.file, self.asked, self.written - self.asked);
            self.asked = self.written;
        }
    }
}

impl Write for Writeback<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.wrote(n);
        Ok(n)
    }

    /// Writes no more than about a step at a time, so writeback starts while the rest is
    /// still being written (one call could otherwise write a whole workspace).
    fn write_vectored(&mut self, bufs: &[io::IoSlice<'_>]) -> io::Result<usize> {
        let mut total = 0;
        let within = bufs
            .iter()
            .take_while(|buf| {
                let first = total == 0;
                total += buf.len() as u64;
                first || total <= WRITEBACK_STEP
            })
            .count();
        let n = self.file.write_vectored(&bufs[..within])?;
        self.wrote(n);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Asks the kernel to start writing `len` bytes of `file` from `from` to disk, without
/// waiting for them (`sync_file_range` with `SYNC_FILE_RANGE_WRITE`).
#[cfg(target_os = "linux")]
#[allow(
    unsafe_code,
    reason = "a system call with no safe wrapper in std or libc"
)]
fn start_writeback(file: &File, from: u64, len: u64) {
    use std::os::fd::AsRawFd;
    let (Ok(from), Ok(len)) = (i64::try_from(from), i64::try_from(len)) else {
        return;
    };
    // SAFETY: the descriptor is open for as long as `file` is borrowed; the call only
    // reads its arguments. Its result is advice taken or not: the final flush decides.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), from, len, libc::SYNC_FILE_RANGE_WRITE);
    }
}

#[cfg(not(target_os = "linux"))]
fn start_writeback(_: &File, _: u64, _: u64) {}

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

    /// Writing a file through [`Writeback`], past many of its steps, in plain and
    /// vectored writes, gives exactly the bytes written (the kernel's writeback is advice,
    /// never a change of what is written).
    #[test]
    fn a_writeback_writes_what_it_is_given() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("big.json");
        let piece: Vec<u8> = (0..=255u8).cycle().take(300_001).collect();
        let mut expected = Vec::new();
        replace_with(&target, &Temp::default(), |file| {
            let mut out = Writeback::new(file);
            for round in 0..(3 * WRITEBACK_STEP as usize / piece.len() + 2) {
                if round % 2 == 0 {
                    out.write_all(&piece)?;
                } else {
                    let (a, b) = piece.split_at(piece.len() / 3);
                    let n = out.write_vectored(&[io::IoSlice::new(a), io::IoSlice::new(b)])?;
                    out.write_all(&piece[n..])?;
                }
                expected.extend_from_slice(&piece);
            }
            out.flush()
        })
        .unwrap();
        assert_eq!(fs::read(&target).unwrap(), expected);
    }
}
