//! The `cordiale` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cordiale::cli::Cli::parse();
    cordiale::cli::run(cli)
}
