//! Embeds every file of `knowledge/` into the binary, so that `kazuz-bot ask` works from any
//! directory. Generates a table of `(relative path, include_str!(absolute path))`; cargo reruns
//! this script when anything under `knowledge/` changes, and rustc tracks each included file.
//!
//! Also turns the general-language lexicon (`lexicon/*.tsv`) into three binary tables the engine
//! reads in place, without parsing at start-up: the words sorted and concatenated, their offsets
//! (u32, little-endian) and their Zipf frequencies (tenths, one byte each).
//!
//! Then builds the engine itself from those files, with the crate's own `knowledge` and
//! `matching` modules compiled into this script, and writes it serialised (postcard): the binary
//! loads it instead of parsing, validating and indexing the knowledge base on every start. If the
//! knowledge base does not validate, the file is left empty and the binary builds the engine at
//! start, which reports the problems as before (`kazuz-bot check` lists them).

// The modules are the library's; this script uses only part of them.
#![allow(dead_code, unused_imports)]

use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/knowledge/mod.rs"]
mod knowledge;
#[path = "src/matching/mod.rs"]
mod matching;

/// This script's stand-in for `src/embedded.rs`: the same functions, over the data it has just
/// written to `OUT_DIR`.
mod embedded {
    use std::sync::OnceLock;

    pub static KNOWLEDGE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    /// Words, offsets and Zipf tables, as `embed_lexicon` writes them.
    pub static LEXICON: OnceLock<[Vec<u8>; 4]> = OnceLock::new();

    pub fn knowledge_files() -> &'static [(&'static str, &'static str)] {
        KNOWLEDGE.get().expect("knowledge files are read first")
    }
    pub fn lexicon_words() -> &'static [u8] {
        &LEXICON.get().expect("the lexicon is built first")[0]
    }
    pub fn lexicon_offsets() -> &'static [u8] {
        &LEXICON.get().expect("the lexicon is built first")[1]
    }
    pub fn lexicon_zipf() -> &'static [u8] {
        &LEXICON.get().expect("the lexicon is built first")[2]
    }
    pub fn lexicon_buckets() -> &'static [u8] {
        &LEXICON.get().expect("the lexicon is built first")[3]
    }
    pub fn engine() -> &'static [u8] {
        &[]
    }
}

/// Build-time variable naming another knowledge directory to embed instead of `knowledge/`.
const EMBED_OVERRIDE: &str = "KAZUZ_EMBED_KNOWLEDGE";

fn main() {
    // The growth benchmark (scripts/bench_growth.sh) embeds a larger copy of the knowledge base.
    println!("cargo:rerun-if-env-changed={EMBED_OVERRIDE}");
    let root = match std::env::var_os(EMBED_OVERRIDE) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(
            std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
        )
        .join("knowledge"),
    };
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut out = String::from("/// Files of `knowledge/`, embedded at build time.\npub static EMBEDDED_FILES: &[(&str, &str)] = &[\n");
    for (relative, absolute) in &files {
        out.push_str(&format!(
            "    ({relative:?}, include_str!({absolute:?})),\n"
        ));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("embedded_knowledge.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
    let texts = files
        .iter()
        .map(|(relative, absolute)| {
            let text = fs::read_to_string(absolute).expect("knowledge files are readable");
            (leak(relative.clone()), leak(text))
        })
        .collect();
    embedded::KNOWLEDGE.set(texts).expect("set once");
    embedded::LEXICON.set(embed_lexicon()).expect("set once");
    embed_engine();
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// Writes `engine.postcard`: the engine over the embedded knowledge base, or nothing when that
/// does not validate.
fn embed_engine() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    for dir in ["src/knowledge", "src/matching", "src/embedded.rs"] {
        println!("cargo:rerun-if-changed={}", manifest.join(dir).display());
    }
    let bytes = match knowledge::KnowledgeBase::embedded() {
        Ok(kb) => matching::Engine::new(kb)
            .to_bytes()
            .expect("the engine serialises"),
        Err(error) => {
            println!("cargo:warning=the knowledge base does not validate, so the engine is built at start: {error}");
            Vec::new()
        }
    };
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out_dir.join("engine.postcard"), bytes).expect("OUT_DIR is writable");
}

/// Writes the lexicon tables and returns them (words, offsets, Zipf, buckets).
fn embed_lexicon() -> [Vec<u8>; 4] {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut merged: std::collections::BTreeMap<String, u8> = std::collections::BTreeMap::new();
    for name in ["en.tsv", "ru.tsv"] {
        let path = manifest.join("lexicon").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("lexicon/*.tsv is part of the repository");
        for line in text.lines() {
            let Some((word, zipf)) = line.split_once('\t') else {
                continue;
            };
            let zipf: u8 = zipf
                .trim()
                .parse()
                .expect("lexicon Zipf values are small integers");
            let slot = merged.entry(word.to_owned()).or_insert(0);
            *slot = (*slot).max(zipf);
        }
    }
    let mut words = Vec::new();
    let mut offsets = Vec::new();
    let mut zipf = Vec::new();
    for (word, value) in &merged {
        offsets.extend_from_slice(&(words.len() as u32).to_le_bytes());
        words.extend_from_slice(word.as_bytes());
        zipf.push(*value);
    }
    offsets.extend_from_slice(&(words.len() as u32).to_le_bytes());
    fs::write(out_dir.join("lexicon_words.bin"), &words).expect("OUT_DIR is writable");
    fs::write(out_dir.join("lexicon_offsets.bin"), &offsets).expect("OUT_DIR is writable");
    fs::write(out_dir.join("lexicon_zipf.bin"), &zipf).expect("OUT_DIR is writable");
    let buckets = lexicon_buckets(merged.keys());
    fs::write(out_dir.join("lexicon_buckets.bin"), &buckets).expect("OUT_DIR is writable");
    [words, offsets, zipf, buckets]
}

/// For every two-byte prefix (see `matching::lexicon::bucket_of`), the number of the first
/// sorted word whose prefix is not smaller (u32, little-endian), plus the word count at the
/// end: a look-up then searches only the words sharing its first two bytes.
fn lexicon_buckets<'a>(sorted: impl Iterator<Item = &'a String>) -> Vec<u8> {
    let mut starts: Vec<u32> = Vec::with_capacity(matching::lexicon::BUCKETS + 1);
    let mut count = 0u32;
    for word in sorted {
        let bucket = matching::lexicon::bucket_of(word.as_bytes());
        while starts.len() <= bucket {
            starts.push(count);
        }
        count += 1;
    }
    starts.resize(matching::lexicon::BUCKETS + 1, count);
    starts.iter().flat_map(|s| s.to_le_bytes()).collect()
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(read) = fs::read_dir(dir) else { return };
    for item in read.flatten() {
        let path = item.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, files);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let relative = path
                .strip_prefix(root)
                .expect("inside root")
                .to_string_lossy()
                .replace('\\', "/");
            files.push((relative, path.to_string_lossy().into_owned()));
        }
    }
}
