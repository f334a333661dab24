//! Evaluation questions must not be copied into the knowledge base: the product is judged on
//! questions it has never seen, so a phrasing, keyword, synonym or cue that repeats an evaluation
//! question (or one of a `typo` question's misspellings) would make the figures lie.
//!
//! The rule is the one of `../shared/tools/eval_copies.py`: after normalisation (NFKC, lower
//! case, ё→е, apostrophes dropped, punctuation as spaces), a question of four or more distinct
//! words is copied when some short stored string (under 200 characters: phrasings, keywords,
//! synonyms, cues, names) has the same numbers and a token-set overlap (Jaccard) of at least 0.8
//! with it; a misspelled word of a `typo` question is copied when it is stored on its own and
//! neither a document nor any longer text of the knowledge base uses it. Misspellings are the
//! typo rule's job, not the knowledge base's.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

const MIN_OVERLAP: f64 = 0.8;

fn norm(text: &str) -> Vec<String> {
    let text: String = text
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .filter(|c| !matches!(c, '\'' | '’' | 'ʻ' | 'ʼ' | '`'))
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c.is_whitespace() {
                c
            } else {
                ' '
            }
        })
        .collect();
    text.split_whitespace().map(str::to_owned).collect()
}

fn strings(value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        toml::Value::Table(table) => table.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn files_with_extension(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_with_extension(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}

fn manifest(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn numbers(tokens: &HashSet<String>) -> BTreeSet<String> {
    tokens
        .iter()
        .filter(|t| t.chars().all(|c| c.is_ascii_digit()))
        .cloned()
        .collect()
}

/// A stored string's tokens as a set, with its numbers (which must equal a copy's).
struct StoredSet<'a> {
    tokens: &'a [String],
    set: HashSet<String>,
    numbers: BTreeSet<String>,
}

impl<'a> StoredSet<'a> {
    fn new(tokens: &'a [String]) -> Self {
        let set: HashSet<String> = tokens.iter().cloned().collect();
        let numbers = numbers(&set);
        StoredSet {
            tokens,
            set,
            numbers,
        }
    }
}

/// For each token, the stored sets that have it.
fn postings<'s>(stored: &'s [StoredSet]) -> HashMap<&'s str, Vec<usize>> {
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in stored.iter().enumerate() {
        for token in &s.set {
            postings.entry(token.as_str()).or_default().push(i);
        }
    }
    postings
}

/// The stored sets that can overlap `question` by `MIN_OVERLAP` (prefix filtering): such a set
/// holds at least `MIN_OVERLAP` of the question's tokens, so it lacks at most `n - ⌈0.8 n⌉` of
/// them and must hold one of any `n - ⌈0.8 n⌉ + 1`; the rarest are taken, to compare few sets.
/// Comparing every question with every stored string took most of CI's test time.
fn candidates(question: &HashSet<String>, postings: &HashMap<&str, Vec<usize>>) -> Vec<usize> {
    let n = question.len();
    // Less a hair: a guard, should rounding ever put the product just above a whole number.
    let needed = (MIN_OVERLAP * n as f64 - 1e-9).ceil() as usize;
    let mut by_rarity: Vec<&[usize]> = question
        .iter()
        .map(|t| postings.get(t.as_str()).map_or(&[][..], Vec::as_slice))
        .collect();
    by_rarity.sort_by_key(|p| p.len());
    let mut found: Vec<usize> = by_rarity
        .iter()
        .take(n - needed + 1)
        .flat_map(|p| p.iter().copied())
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

#[test]
fn no_evaluation_question_is_copied_into_the_knowledge_base() {
    let mut toml_files = Vec::new();
    files_with_extension(&manifest("knowledge"), "toml", &mut toml_files);
    let mut all_strings = Vec::new();
    for path in &toml_files {
        let text = std::fs::read_to_string(path).expect("knowledge file is readable");
        let value: toml::Value = toml::from_str(&text).expect("knowledge file is TOML");
        strings(&value, &mut all_strings);
    }
    let stored: HashSet<Vec<String>> = all_strings
        .iter()
        .filter(|s| s.chars().count() < 200)
        .map(|s| norm(s))
        .filter(|t| !t.is_empty())
        .collect();
    let stored_sets: Vec<StoredSet> = stored.iter().map(|t| StoredSet::new(t)).collect();
    let postings = postings(&stored_sets);
    let singles: HashSet<&String> = stored
        .iter()
        .filter(|t| t.len() == 1)
        .map(|t| &t[0])
        .collect();
    let mut known: HashSet<String> = all_strings
        .iter()
        .map(|s| norm(s))
        .filter(|t| t.len() >= 3)
        .flatten()
        .collect();
    let mut seeds = Vec::new();
    files_with_extension(&manifest("../shared/seeds"), "txt", &mut seeds);
    for path in &seeds {
        known.extend(norm(
            &std::fs::read_to_string(path).expect("seed is readable"),
        ));
    }

    let mut sets = Vec::new();
    files_with_extension(&manifest("../shared/eval"), "jsonl", &mut sets);
    files_with_extension(&manifest("tests/data"), "jsonl", &mut sets);
    assert!(
        sets.iter().any(|p| p.starts_with(manifest("tests/data"))),
        "tests/data holds evaluation files"
    );
    if seeds.is_empty() {
        eprintln!("note: ../shared not beside the checkout; only tests/data is checked");
    }
    let mut copies = Vec::new();
    for path in &sets {
        let text = std::fs::read_to_string(path).expect("question file is readable");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let q: serde_json::Value = serde_json::from_str(line).expect("question is JSON");
            let question = q["q"].as_str().unwrap_or_default();
            let tokens = norm(question);
            let set: HashSet<String> = tokens.iter().cloned().collect();
            if set.len() >= 4 {
                let question_numbers = numbers(&set);
                for i in candidates(&set, &postings) {
                    let stored = &stored_sets[i];
                    if question_numbers != stored.numbers {
                        continue;
                    }
                    let shared = set.intersection(&stored.set).count() as f64;
                    let overlap = shared / set.union(&stored.set).count() as f64;
                    if overlap >= MIN_OVERLAP {
                        copies.push(format!("{question} ~ {}", stored.tokens.join(" ")));
                    }
                }
            }
            if q["kind"] == "typo" {
                for token in &tokens {
                    let number = token.chars().all(|c| c.is_ascii_digit());
                    if token.chars().count() >= 4
                        && singles.contains(token)
                        && !known.contains(token)
                        && !number
                    {
                        copies.push(format!("{question}: misspelling `{token}` stored"));
                    }
                }
            }
        }
    }
    assert!(
        copies.is_empty(),
        "{} evaluation questions or misspellings are copied into knowledge/:\n{}",
        copies.len(),
        copies.join("\n")
    );
}
