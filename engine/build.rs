//! Embeds every file of `knowledge/` (beside this crate) into the engine, so that `kazuz-bot
//! ask` works from any directory. Generates a table of `(relative path, include_str!(absolute
//! path))`; cargo reruns this script when anything under `knowledge/` changes, and rustc tracks
//! each included file.
//!
//! Also turns the general-language lexicon (`lexicon/*.tsv`) into binary tables the engine reads
//! in place, without parsing at start-up: the words sorted and concatenated, their offsets (u32,
//! little-endian), their Zipf frequencies (tenths, one byte each) and a hash table of their
//! numbers (see `src/matching/lexicon_table.rs`).
//!
//! The engine built from these files is serialised by the bot crate's build script, which runs
//! this crate's code (a build script cannot run the code of its own crate).

use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/matching/lexicon_table.rs"]
mod lexicon_table;

/// Build-time variable naming another knowledge directory to embed instead of `knowledge/`.
const EMBED_OVERRIDE: &str = "KAZUZ_EMBED_KNOWLEDGE";

/// The repository root: this crate's parent directory.
fn repository() -> PathBuf {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .expect("the engine crate is a directory of the repository")
        .to_path_buf()
}

fn main() {
    // The growth benchmark (scripts/bench_growth.sh) embeds a larger copy of the knowledge base.
    println!("cargo:rerun-if-env-changed={EMBED_OVERRIDE}");
    let root = match std::env::var_os(EMBED_OVERRIDE) {
        Some(dir) => PathBuf::from(dir),
        None => repository().join("knowledge"),
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
    embed_lexicon();
}

/// Writes the lexicon tables (words, offsets, Zipf, hash table).
fn embed_lexicon() {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut merged: std::collections::BTreeMap<String, u8> = std::collections::BTreeMap::new();
    for name in ["en.tsv", "ru.tsv"] {
        let path = repository().join("lexicon").join(name);
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
    let slots = lexicon_slots(merged.keys());
    fs::write(out_dir.join("lexicon_slots.bin"), &slots).expect("OUT_DIR is writable");
}

/// The hash table of the words' numbers (u32 little-endian slots, see `lexicon_table`): a power
/// of two at least twice the number of words, so that probes stay short.
fn lexicon_slots<'a>(words: impl ExactSizeIterator<Item = &'a String>) -> Vec<u8> {
    let count = words.len();
    assert!(
        count < lexicon_table::NUMBER_MASK as usize,
        "the lexicon has more words than a slot's number bits hold"
    );
    let size = (2 * count).next_power_of_two();
    let mut slots = vec![0u32; size];
    for (number, word) in words.enumerate() {
        let hash = lexicon_table::hash(word.as_bytes());
        let mut slot = lexicon_table::first_slot(hash, size);
        while slots[slot] != 0 {
            slot = (slot + 1) & (size - 1);
        }
        slots[slot] = lexicon_table::tag_of(hash) | (number as u32 + 1);
    }
    slots.iter().flat_map(|s| s.to_le_bytes()).collect()
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
