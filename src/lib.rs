//! kazuz-bot: answers questions about the agreements between Kazakhstan and Uzbekistan from a
//! curated, cited knowledge base.
//!
//! # Layout
//! - [`knowledge`] and [`matching`]: the engine, in its own crate (`engine/`, `kazuz-engine`),
//!   re-exported here: the TOML knowledge base (types, loading, validation, quote verification)
//!   and the matching (small talk, normalisation, the lexicon, the index and scoring, answer
//!   kinds, timeline arithmetic); `Engine::ask` returns an `Outcome`.
//! - [`answer`]: renders an outcome as plain text or Telegram HTML, with citations.
//! - [`eval`]: scores a question file in the dev-set format.
//! - [`cli`]: the local command line (`ask`, `chat`, `check`, `eval`, `review`, `run`).
//! - [`review`]: groups the question log for curators, with TOML snippets to paste.
//! - [`config`]: configuration from the environment.
//! - [`embedded`]: the engine `build.rs` built and serialised, loaded without re-indexing.
//! - [`logging`]: logging on standard error, without user data from teloxide's parse reports.
//! - [`telegram`]: the Telegram adapter (teloxide). Only this module knows about Telegram.

pub mod answer;
pub mod cli;
pub mod config;
pub mod embedded;
pub mod eval;
pub mod logging;
pub mod review;
pub mod telegram;

pub use kazuz_engine::{knowledge, matching};
