//! The engine `build.rs` built from the embedded knowledge base and serialised (the knowledge
//! files and the lexicon are embedded in the engine crate itself). Only this module reads
//! `OUT_DIR`.

use crate::knowledge::KnowledgeError;
use crate::matching::Engine;

/// The engine built at build time (postcard), or empty when the knowledge base did not validate
/// (the binary then builds it at start and reports why).
pub fn engine_bytes() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/engine.postcard"))
}

/// The engine over the embedded knowledge base: the one built at build time, which loads without
/// parsing TOML or indexing.
pub fn engine() -> Result<Engine, KnowledgeError> {
    Engine::embedded(engine_bytes())
}
