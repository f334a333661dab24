//! Embeds every file of `knowledge/` into the binary, so that `kazuz-bot ask` works from any
//! directory. Generates a table of `(relative path, include_str!(absolute path))`; cargo reruns
//! this script when anything under `knowledge/` changes, and rustc tracks each included file.
//!
//! Also turns the general-language lexicon (`lexicon/*.tsv`) into three binary tables the engine
//! reads in place, without parsing at start-up: the words sorted and concatenated, their offsets
//! (u32, little-endian) and their Zipf frequencies (tenths, one byte each).

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("knowledge");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut out = String::from("/// Files of `knowledge/`, embedded at build time.\npub static EMBEDDED_FILES: &[(&str, &str)] = &[\n");
    for (relative, absolute) in files {
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

fn embed_lexicon() {
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
    fs::write(out_dir.join("lexicon_words.bin"), words).expect("OUT_DIR is writable");
    fs::write(out_dir.join("lexicon_offsets.bin"), offsets).expect("OUT_DIR is writable");
    fs::write(out_dir.join("lexicon_zipf.bin"), zipf).expect("OUT_DIR is writable");
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
