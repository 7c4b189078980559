//! Running a conversion where a hostile file cannot take cordiale down with it.
//!
//! The binary registers itself as the worker ([`use_worker`]) and every conversion then runs
//! in a child process (`cordiale __convert`): the file's bytes go in on stdin, the result
//! comes back as JSON on stdout, and a child that runs past [`TIMEOUT_SECS`] is killed. A
//! stack overflow or an out-of-memory kill ends only the child. Without a worker (library
//! use, unit tests) the conversion runs on a thread with a large stack under
//! `catch_unwind` and the same time limit; a thread that hangs cannot be killed, so it is
//! left behind, which is why the binary never uses this path.

use std::io::{Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{ConvertError, Converted, SourceKind, TIMEOUT_SECS, convert_bytes};

/// The hidden subcommand the worker process runs.
pub const WORKER_COMMAND: &str = "__convert";

static WORKER: OnceLock<PathBuf> = OnceLock::new();

/// Makes every later conversion run in a child process of `exe` (the cordiale binary).
pub fn use_worker(exe: PathBuf) {
    let _ = WORKER.set(exe);
}

/// Stack for the in-process fallback: deep nesting that overflows 8 MiB was measured to fit
/// in 256 MiB; the memory is reserved, and only touched if the parse goes that deep.
const FALLBACK_STACK: usize = 256 << 20;

/// Converts `bytes` (a file whose name claims `named`) safely: in the worker process when
/// there is one, else on a guarded thread.
pub fn convert(bytes: Vec<u8>, named: Option<SourceKind>) -> Result<Converted, ConvertError> {
    let limit = Duration::from_secs(TIMEOUT_SECS);
    match WORKER.get() {
        Some(exe) => in_child(exe, bytes, named, limit),
        None => in_thread(bytes, named, limit),
    }
}

fn in_thread(
    bytes: Vec<u8>,
    named: Option<SourceKind>,
    limit: Duration,
) -> Result<Converted, ConvertError> {
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("cordiale-convert".into())
        .stack_size(FALLBACK_STACK)
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(|| convert_bytes(&bytes, named)));
            let _ = tx.send(result);
        });
    if let Err(e) = spawned {
        return Err(ConvertError::Crashed(format!(
            "no thread to convert it: {e}"
        )));
    }
    match rx.recv_timeout(limit) {
        Ok(Ok(result)) => result,
        Ok(Err(panic)) => Err(ConvertError::Crashed(panic_message(&*panic))),
        Err(_) => Err(ConvertError::Timeout(limit.as_secs())),
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let msg = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("a panic");
    format!("the converter failed: {}", crate::safe_text::sanitize(msg))
}

fn in_child(
    exe: &PathBuf,
    bytes: Vec<u8>,
    named: Option<SourceKind>,
    limit: Duration,
) -> Result<Converted, ConvertError> {
    let mut command = Command::new(exe);
    command.arg(WORKER_COMMAND);
    if let Some(kind) = named {
        command.arg(kind.as_str());
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| ConvertError::Crashed(format!("could not start the converter: {e}")))?;
    let mut stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(stdin) = stdin.as_mut() {
            // A child that dies early closes the pipe: its exit status says why.
            let _ = stdin.write_all(&bytes);
        }
    });
    let mut stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(stdout) = stdout.as_mut() {
            let _ = stdout.read_to_end(&mut out);
        }
        out
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(ConvertError::Timeout(limit.as_secs()));
            }
            Ok(None) => std::thread::sleep(poll_interval(started.elapsed())),
            Err(e) => return Err(ConvertError::Crashed(format!("lost the converter: {e}"))),
        }
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(ConvertError::Crashed(describe_exit(status)));
    }
    serde_json::from_slice::<Result<Converted, ConvertError>>(&out)
        .map_err(|e| ConvertError::Crashed(format!("the converter's answer was unreadable: {e}")))?
}

/// Short waits first (most files convert in milliseconds), longer ones later.
fn poll_interval(elapsed: Duration) -> Duration {
    if elapsed < Duration::from_millis(50) {
        Duration::from_millis(1)
    } else {
        Duration::from_millis(20)
    }
}

fn describe_exit(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let what = match signal {
                6 => "aborted, e.g. a stack overflow",
                9 => "killed, e.g. out of memory",
                11 => "a memory fault",
                _ => "stopped by a signal",
            };
            return format!("the converter was {what} (signal {signal})");
        }
    }
    format!("the converter failed ({status})")
}

/// The worker's side: reads a file's bytes from stdin, converts them in this process and
/// writes the result as JSON on stdout. Runs as `cordiale __convert [KIND]`.
pub fn serve(named: Option<SourceKind>) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(super::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    let result = convert_bytes(&bytes, named);
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, &result).map_err(std::io::Error::other)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_thread_fallback_returns_the_converter_s_answer_and_names_panics_safely() {
        let result = in_thread(Vec::new(), None, Duration::from_secs(5));
        assert_eq!(result, Err(ConvertError::Empty));
        let panic: Box<dyn std::any::Any + Send> = Box::new("boom\u{1b}[2J");
        assert_eq!(
            panic_message(&*panic),
            "the converter failed: boom\\u{1b}[2J"
        );
    }
}
