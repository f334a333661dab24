//! kazuz-bot: answers questions about the agreements between Kazakhstan and Uzbekistan from a
//! curated, cited knowledge base.
//!
//! # Layout
//! - [`knowledge`]: the TOML knowledge base — types, loading (embedded or from a directory),
//!   validation and quote verification.
//! - [`matching`]: small talk, normalisation, the general-language lexicon, the index and
//!   scoring, answer kinds and timeline arithmetic; `Engine::ask` returns an `Outcome`.
//! - [`answer`]: renders an outcome as plain text or Telegram HTML, with citations.
//! - [`eval`]: scores a question file in the dev-set format.
//! - [`cli`]: the local command line (`ask`, `chat`, `check`, `eval`, `review`, `run`).
//! - [`review`]: groups the question log for curators, with TOML snippets to paste.
//! - [`config`]: configuration from the environment.
//! - [`embedded`]: what `build.rs` embeds (knowledge files, lexicon tables, the built engine).
//! - [`logging`]: logging on standard error, without user data from teloxide's parse reports.
//! - [`telegram`]: the Telegram adapter (teloxide). Only this module knows about Telegram.

pub mod answer;
pub mod cli;
pub mod config;
pub mod embedded;
pub mod eval;
pub mod knowledge;
pub mod logging;
pub mod matching;
pub mod review;
pub mod telegram;
