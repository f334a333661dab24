//! The kazuz-bot engine, free of Telegram: the knowledge base and the matching that answers
//! questions from it. Its own crate so that it compiles while the Telegram stack does, and so
//! that the bot's build script can build the engine once, at build time, with this same code.
//!
//! - [`knowledge`]: the TOML knowledge base — types, loading (embedded or from a directory),
//!   validation and quote verification.
//! - [`matching`]: small talk, normalisation, the general-language lexicon, the index and
//!   scoring, answer kinds and timeline arithmetic; `Engine::ask` returns an `Outcome`.
//! - `embedded`: what `build.rs` embeds (the knowledge files and the lexicon tables).

mod embedded;
pub mod knowledge;
pub mod matching;
