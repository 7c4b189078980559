//! The `cordiale` binary: parses the command line and hands over to the library.

// A panic is never an answer to bad input: no unwrap or expect outside tests.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: loading a large workspace makes hundreds of thousands of small allocations
/// across threads, which it serves about a third faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cordiale::cli::Cli::parse();
    cordiale::cli::run(cli)
}
