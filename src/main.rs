//! The `kazuz-bot` binary: loads `.env`, sets up logging on standard error, parses the command
//! line and hands off to [`kazuz_bot::cli`].

use clap::Parser;
use std::process::ExitCode;

/// mimalloc rather than the system allocator: a question allocates many small strings and
/// vectors, and mimalloc's thread-local free lists make that cheaper (issue 7).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    dotenvy::dotenv().ok();
    let cli = kazuz_bot::cli::Cli::parse();
    let default_level = if matches!(cli.command, kazuz_bot::cli::Command::Run) {
        "info"
    } else {
        "warn"
    };
    kazuz_bot::logging::init(default_level);
    kazuz_bot::cli::run(cli)
}
