//! Builds the engine over the embedded knowledge base at build time, with the engine crate's own
//! code, and writes it serialised (postcard) to `OUT_DIR/engine.postcard`: the binary loads it
//! instead of parsing, validating and indexing the knowledge base on every start. If the
//! knowledge base does not validate, the file is left empty and the binary builds the engine at
//! start, which reports the problems as before (`kazuz-bot check` lists them).
//!
//! Cargo reruns this script whenever the engine crate is rebuilt, which it is when its code, the
//! knowledge base or the lexicon changes.

use std::fs;
use std::path::PathBuf;

use kazuz_engine::knowledge::KnowledgeBase;
use kazuz_engine::matching::Engine;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let bytes = match KnowledgeBase::embedded() {
        Ok(kb) => Engine::new(kb).to_bytes().expect("the engine serialises"),
        Err(error) => {
            println!("cargo:warning=the knowledge base does not validate, so the engine is built at start: {error}");
            Vec::new()
        }
    };
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out_dir.join("engine.postcard"), bytes).expect("OUT_DIR is writable");
}
