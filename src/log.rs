//! `--log FILE` (or `CORDIALE_LOG`): what the workbench did, for a bug report. A line per
//! message it handled, with how long `update` and the frame after it took, and the
//! milestones of its start (corpus read, index ready, workspace open).
//!
//! Nothing typed is written: a character key is logged as `char`, a paste by its length,
//! so a note never lands in a log. What else a line holds (file names, errors) is made
//! safe to print.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::Mutex;
use std::time::Instant;

use crate::safe_text::sanitize;

/// The log, or nothing when none was asked for (every call is then free).
#[derive(Debug, Default)]
pub struct Log(Option<Inner>);

#[derive(Debug)]
struct Inner {
    out: Mutex<BufWriter<File>>,
    start: Instant,
}

impl Log {
    /// Opens `path` for appending (made if missing); a path that exists and is not a
    /// regular file (a FIFO would block the open) is refused.
    pub fn open(path: &Path) -> io::Result<Log> {
        if let Ok(m) = fs::metadata(path)
            && !m.is_file()
        {
            return Err(io::Error::other(format!(
                "{}: not a regular file",
                path.display()
            )));
        }
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        let log = Log(Some(Inner {
            out: Mutex::new(BufWriter::new(file)),
            start: Instant::now(),
        }));
        log.line(&format!("cordiale {} started", env!("CARGO_PKG_VERSION")));
        Ok(log)
    }

    /// Whether a log was asked for.
    pub fn is_on(&self) -> bool {
        self.0.is_some()
    }

    /// Writes `text` (made safe) after the milliseconds since the log was opened, and
    /// flushes, so a crash keeps what came before it.
    pub fn line(&self, text: &str) {
        let Some(inner) = &self.0 else { return };
        let ms = inner.start.elapsed().as_secs_f64() * 1000.0;
        if let Ok(mut out) = inner.out.lock() {
            let _ = writeln!(out, "{ms:10.1} ms  {}", sanitize(text));
            let _ = out.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_appended_safe_and_a_fifo_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cordiale.log");
        Log::open(&path).unwrap().line("opened \u{1b}[2J doc.txt");
        Log::open(&path).unwrap().line("second run");
        let text = fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[1].ends_with("opened \\u{1b}[2J doc.txt"), "{text}");
        assert!(lines[3].ends_with("second run"));
        assert!(!Log::default().is_on());
        #[cfg(unix)]
        {
            let fifo = dir.path().join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                assert!(Log::open(&fifo).is_err());
            }
        }
    }
}
