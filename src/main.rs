//! The `cordiale` binary: parses the command line and hands over to the library.

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
