//! The lock a save holds, so that two processes never write the workspace at once: a file
//! beside it (`cordiale.json.lock`, as the workspace itself is replaced by each save),
//! locked with `flock`, which holds while the process lives and goes when it dies.
//!
//! A save never waits for the lock: it takes it or says who holds it (`Locked`), and the
//! caller decides how to wait (`wait_until_free`), the CLI up to its `--wait`, the
//! workbench on a thread of its own. The holder writes who it is into the file, for the
//! waiting side's message. The lock file suits a group: whoever creates it gives it the
//! workspace's group and mode, and a member who may only read it can still lock it.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use super::io::{WorkspaceError, open_regular};

/// The lock file of the workspace file `target` (its links already followed).
pub fn lock_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    target.with_file_name(name)
}

/// A workspace's lock, held until dropped.
#[derive(Debug)]
pub struct Lock {
    file: File,
    /// Whether we wrote who we are into the file (and so clear it when we let go).
    signed: bool,
}

impl Lock {
    /// Takes the lock of the workspace file `target` without waiting: `Locked` (naming
    /// the lock file and its holder) when another process holds it; `Lock` (naming the
    /// lock file) when it cannot be made or taken.
    pub fn take(target: &Path) -> Result<Lock, WorkspaceError> {
        let path = lock_path(target);
        let err = |source| WorkspaceError::Lock {
            path: path.clone(),
            source,
        };
        let (file, writable) = open(&path, target).map_err(err)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(WorkspaceError::Locked {
                    holder: holder(&path),
                    path,
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(err(e)),
        }
        // Best effort: the holder is only for the message of whoever waits.
        let signed = writable && file.set_len(0).is_ok() && (&file).write_all(&signature()).is_ok();
        Ok(Lock { file, signed })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        if self.signed {
            let _ = self.file.set_len(0);
        }
        let _ = self.file.unlock();
    }
}

/// Opens (or makes) the lock file: to write when we may (to sign it), else only to read,
/// which is all `flock` needs (a lock file made by a partner stops nobody in the group).
fn open(path: &Path, target: &Path) -> std::io::Result<(File, bool)> {
    // Never open a FIFO or a folder left there, which could block or fail obscurely.
    if let Ok(m) = fs::metadata(path)
        && !m.is_file()
    {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut made = OpenOptions::new();
    made.read(true).write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut made, 0o666);
    match made.open(path) {
        Ok(file) => {
            like_the_workspace(&file, target);
            return Ok((file, true));
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    match OpenOptions::new().read(true).write(true).open(path) {
        Ok(file) => Ok((file, true)),
        Err(e) if e.kind() == ErrorKind::PermissionDenied => Ok((File::open(path)?, false)),
        Err(e) => Err(e),
    }
}

/// A new lock file gets the workspace's group and its mode's read and write bits, so
/// whoever may save the workspace may sign the lock too (best effort).
#[cfg(unix)]
fn like_the_workspace(lock: &File, target: &Path) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
    let Ok(ws) = fs::metadata(target) else {
        return;
    };
    if lock.metadata().is_ok_and(|m| m.gid() != ws.gid()) {
        let _ = fchown(lock, None, Some(ws.gid()));
    }
    let mode = (ws.permissions().mode() & 0o666) | 0o600;
    let _ = lock.set_permissions(fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn like_the_workspace(_: &File, _: &Path) {}

/// Who we are, for the lock file: `pid 4242, ann (uid 1001) on host, since 2026-…`.
fn signature() -> Vec<u8> {
    let mut who = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_default();
    #[cfg(unix)]
    if let Ok(me) = fs::metadata("/proc/self") {
        use std::os::unix::fs::MetadataExt;
        who = match who.is_empty() {
            true => format!("uid {}", me.uid()),
            false => format!("{who} (uid {})", me.uid()),
        };
    }
    if who.is_empty() {
        who = "someone".into();
    }
    let host = fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_string())
        .unwrap_or_default();
    let on = match host.is_empty() {
        true => String::new(),
        false => format!(" on {host}"),
    };
    let since = super::model::now();
    format!("pid {}, {who}{on}, since {since}\n", std::process::id()).into_bytes()
}

/// Who holds the lock, as its holder wrote it (its first line, made safe to print), or
/// "another process" when it did not say.
fn holder(path: &Path) -> String {
    let mut said = String::new();
    if let Ok(Ok(file)) = open_regular(path) {
        let _ = file.take(512).read_to_string(&mut said);
    }
    let line = crate::safe_text::sanitize(said.lines().next().unwrap_or("").trim());
    match line.is_empty() {
        true => "another process".into(),
        false => line,
    }
}

/// Waits until the lock file `lock` is free (taking a shared lock on it and letting go),
/// without spinning: the thread sleeps in the kernel. For a thread that may wait.
pub fn wait_until_free(lock: &Path) -> std::io::Result<()> {
    let file = match open_regular(lock) {
        Ok(Ok(file)) => file,
        Ok(Err(e)) => return Err(std::io::Error::other(e.to_string())),
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    file.lock_shared()?;
    file.unlock()
}

/// `wait_until_free` for at most `timeout`: whether the lock came free in time. The
/// waiting thread is left behind when it did not (it ends with the lock's holder).
pub fn wait_until_free_for(lock: &Path, timeout: Duration) -> std::io::Result<bool> {
    let (tx, rx) = mpsc::channel();
    let lock = lock.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(wait_until_free(&lock));
    });
    match rx.recv_timeout(timeout) {
        Ok(result) => result.map(|()| true),
        Err(_) => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_holder_signs_the_lock_and_clears_it_when_done() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("cordiale.json");
        let lock = Lock::take(&ws).unwrap();
        let said = fs::read_to_string(lock_path(&ws)).unwrap();
        assert!(
            said.starts_with(&format!("pid {}, ", std::process::id())),
            "{said}"
        );
        match Lock::take(&ws) {
            Err(WorkspaceError::Locked { path, holder }) => {
                assert_eq!(path, lock_path(&ws));
                assert_eq!(holder, said.trim());
            }
            other => panic!("taken twice: {other:?}"),
        }
        assert!(!wait_until_free_for(&lock_path(&ws), Duration::from_millis(50)).unwrap());
        drop(lock);
        assert_eq!(fs::read_to_string(lock_path(&ws)).unwrap(), "");
        assert!(wait_until_free_for(&lock_path(&ws), Duration::from_secs(60)).unwrap());
        drop(Lock::take(&ws).unwrap());
    }

    #[test]
    fn a_holder_that_says_nothing_or_prints_escapes_is_named_safely() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.json.lock");
        fs::write(&path, "").unwrap();
        assert_eq!(holder(&path), "another process");
        fs::write(&path, "pid 1 \x1b]52;c;ZXZpbA==\x07 x\nmore").unwrap();
        assert!(!holder(&path).contains('\x1b'), "{}", holder(&path));
    }
}
