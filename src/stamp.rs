//! A file's identity and last change, as `stat` gives them: what tells a file unchanged
//! without reading it (a workspace we saved, the documents of a corpus we synced).

use std::fs;
use std::time::{Duration, SystemTime};

/// Device, inode, length, and modification and status-change times to the nanosecond.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The device the file is on.
    pub dev: u64,
    /// The file's inode number.
    pub ino: u64,
    /// The file's length, in bytes.
    pub len: u64,
    /// The last modification: seconds since 1970-01-01 UTC, and nanoseconds.
    pub mtime: (i64, i64),
    /// The last status change: seconds since 1970-01-01 UTC, and nanoseconds.
    pub ctime: (i64, i64),
}

/// How old a file's last change must have been when we looked at it for a later change
/// to be sure to get another time: the kernel stamps changes with a clock that ticks
/// once a jiffy (at most 10 ms).
pub const TICK_MARGIN: Duration = Duration::from_millis(15);

impl Stamp {
    /// The stamp of a file, from its metadata.
    #[cfg(unix)]
    pub fn of(m: &fs::Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        Some(Stamp {
            dev: m.dev(),
            ino: m.ino(),
            len: m.len(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
        })
    }

    /// Elsewhere the times are too coarse to prove anything: never a stamp.
    #[cfg(not(unix))]
    pub fn of(_: &fs::Metadata) -> Option<Stamp> {
        None
    }

    /// Whether a later write to the file is sure to change its modification time: the
    /// time has nanoseconds (a whole-second time says the file system keeps coarse times)
    /// and was older than a tick of the kernel's clock at `looked`.
    pub fn written_before(&self, looked: SystemTime) -> bool {
        self.mtime.1 != 0 && older_than_a_tick(self.mtime, looked)
    }

    /// [`Stamp::written_before`], and the status-change time too, which a program cannot
    /// set: then even a change that put back the old modification time (`touch -r`,
    /// `rsync -t`) changes the stamp. What a file we do not hold open must satisfy.
    pub fn settled(&self, looked: SystemTime) -> bool {
        self.written_before(looked) && older_than_a_tick(self.ctime, looked)
    }

    /// The stamp as bytes, for hashing many of them into one fingerprint.
    pub fn bytes(&self) -> [u8; 56] {
        let mut out = [0u8; 56];
        let fields = [
            self.dev,
            self.ino,
            self.len,
            self.mtime.0 as u64,
            self.mtime.1 as u64,
            self.ctime.0 as u64,
            self.ctime.1 as u64,
        ];
        for (chunk, v) in out.chunks_exact_mut(8).zip(fields) {
            chunk.copy_from_slice(&v.to_le_bytes());
        }
        out
    }
}

fn older_than_a_tick((secs, nanos): (i64, i64), looked: SystemTime) -> bool {
    let Ok(secs) = u64::try_from(secs) else {
        return false;
    };
    let at = SystemTime::UNIX_EPOCH + Duration::new(secs, nanos.clamp(0, 999_999_999) as u32);
    looked.duration_since(at).is_ok_and(|age| age > TICK_MARGIN)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_change_is_not_settled_an_old_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        fs::write(&path, "x").unwrap();
        let stamp = Stamp::of(&fs::metadata(&path).unwrap()).unwrap();
        let now = SystemTime::now();
        assert!(!stamp.settled(now), "written just now");
        assert!(stamp.settled(now + Duration::from_secs(1)));
        fs::write(&path, "yz").unwrap();
        assert_ne!(Stamp::of(&fs::metadata(&path).unwrap()).unwrap(), stamp);
    }
}
