//! Running this build's binary from a test: the command line's tests share one way to
//! call it, with no cache and no reviewer from the environment.

use std::path::Path;
use std::process::{Command, Output};

/// `cordiale ARGS` run in `dir`, with no cache folder and no `CORDIALE_REVIEWER`.
pub fn cordiale(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cordiale"))
        .args(args)
        .current_dir(dir)
        .env("CORDIALE_CACHE_DIR", "")
        .env_remove("CORDIALE_REVIEWER")
        .output()
        .expect("binary runs")
}

/// Output bytes as text, for messages and checks.
#[allow(dead_code, reason = "not every test binary reads text")]
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
