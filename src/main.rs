//! The `kazuz-bot` binary: loads `.env`, sets up logging on standard error, parses the command
//! line and hands off to [`kazuz_bot::cli`].

use clap::Parser;
use std::process::ExitCode;

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
