//! The `kazuz-bot` binary: loads `.env`, sets up logging on standard error, parses the command
//! line and hands off to [`kazuz_bot::cli`].

use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    dotenvy::dotenv().ok();
    let cli = kazuz_bot::cli::Cli::parse();
    let default_level = if matches!(cli.command, kazuz_bot::cli::Command::Run) {
        "info"
    } else {
        "warn"
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_level)),
        )
        .with_writer(std::io::stderr)
        // Colour codes only for a person at a terminal, not in log files and journals.
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    kazuz_bot::cli::run(cli)
}
