//! Authors named by description: "the guy who wrote the piece on the draft", "тот политолог",
//! "the journalist who covered the signing". People remember what an author wrote or what they
//! are, not how the name is spelt. A question that refers to an author without naming one, and
//! whose other words point clearly at one document (its title and the `described_as` words of
//! `sources.toml`), is read as naming that document's authors.

use super::index::Index;
use super::normalize::tokenize;
use crate::knowledge::KnowledgeBase;
use rustc_hash::FxHashSet as HashSet;

/// A document's describing words must outweigh the next document's by this factor...
const CLEAR_LEAD: f32 = 1.5;
/// ...and weigh at least this much (about one rare word).
const MIN_EVIDENCE: f32 = 1.5;
/// A describing word that this many documents share tells none of them apart ("article").
const SHARED_BY: usize = 3;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Authors {
    /// Canonical keys of the words that refer to an author without naming one, and the words
    /// themselves (some are stop words, which have no key).
    cues: HashSet<String>,
    cue_words: HashSet<String>,
    /// Per document: the keys that describe it, and its authors' name words (as typed, e.g.
    /// "askeroglu"), which the index reads as those authors.
    documents: Vec<(HashSet<String>, Vec<String>)>,
    /// Per document: the words of its describing phrases that only describe it ("think" and
    /// "tank" of "think tank"), used up with the description.
    phrase_words: Vec<HashSet<String>>,
}

impl Authors {
    pub fn new(kb: &KnowledgeBase, index: &Index) -> Self {
        let cues = kb
            .language
            .author_cues
            .iter()
            .flat_map(|c| index.keys(&tokenize(c)))
            .collect();
        let mut documents: Vec<(HashSet<String>, Vec<String>)> = kb
            .sources
            .iter()
            .map(|source| {
                let texts = std::iter::once(&source.title).chain(&source.described_as);
                let keys = texts.flat_map(|t| index.keys(&tokenize(t))).collect();
                (keys, name_words(&source.authors, index))
            })
            .collect();
        // Keys most documents share describe none of them.
        let shared: HashSet<String> = documents
            .iter()
            .flat_map(|(keys, _)| keys.iter())
            .filter(|k| documents.iter().filter(|(d, _)| d.contains(*k)).count() >= SHARED_BY)
            .cloned()
            .collect();
        for (keys, _) in &mut documents {
            keys.retain(|k| !shared.contains(k));
        }
        let phrase_words = kb
            .sources
            .iter()
            .zip(&documents)
            .map(|(source, (described, _))| {
                source
                    .described_as
                    .iter()
                    .map(|phrase| tokenize(phrase))
                    .filter(|words| index.keys(words).iter().all(|k| described.contains(k)))
                    .flatten()
                    .collect()
            })
            .collect();
        let cue_words = kb
            .language
            .author_cues
            .iter()
            .flat_map(|c| tokenize(c))
            .collect();
        Authors {
            cues,
            cue_words,
            documents,
            phrase_words,
        }
    }

    /// True when the words name one of the documents' authors.
    pub fn names_an_author(&self, words: &[String], index: &Index) -> bool {
        let keys = index.keys(words);
        self.documents.iter().any(|(_, names)| {
            names
                .iter()
                .any(|n| keys.iter().any(|k| *k == index.key_of(n)))
        })
    }

    /// A question that refers to an author by description, with the description replaced by
    /// the authors' names, when its words point clearly at one document and it names no author
    /// already: the describing words are used up ("the guy who wrote the draft analysis, where
    /// did he study?" asks where Askeroğlu studied, not about the draft).
    pub fn named_by_description(&self, words: &[String], index: &Index) -> Option<Vec<String>> {
        let keys: Vec<String> = index.keys(words);
        if !keys.iter().any(|k| self.cues.contains(k)) {
            return None;
        }
        if self.names_an_author(words, index) {
            return None;
        }
        let mut evidence: Vec<(f32, usize)> = self
            .documents
            .iter()
            .enumerate()
            .map(|(i, (described, _))| {
                let weight = keys
                    .iter()
                    .collect::<HashSet<_>>()
                    .into_iter()
                    .filter(|k| described.contains(*k) && !self.cues.contains(*k))
                    .map(|k| index.weight_of_key(k))
                    .sum();
                (weight, i)
            })
            .collect();
        evidence.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (best, i) = evidence.first().copied()?;
        let second = evidence.get(1).map_or(0.0, |e| e.0);
        if best < MIN_EVIDENCE || best < second * CLEAR_LEAD {
            return None;
        }
        let names = &self.documents[i].1;
        // Only the cue and the `described_as` words are used up: a title's words ("who",
        // "sign", "visit") may be what the question asks.
        let mut out: Vec<String> = words
            .iter()
            .filter(|w| {
                let key = index.key_of(w);
                let asks = index
                    .term_of_key(&key)
                    .is_some_and(|t| index.question_words.contains(&t));
                asks || !(self.is_cue_word(w, &key) || self.phrase_words[i].contains(*w))
            })
            .cloned()
            .collect();
        out.extend(names.iter().cloned());
        Some(out)
    }
}

impl Authors {
    /// True for a word that refers to an author: a cue as listed, its English plural, or a
    /// Russian form of one ("аналитика"). An English word that only shares a cue's stem is
    /// what the question asks ("what does he research?" keeps "research").
    fn is_cue_word(&self, word: &str, key: &str) -> bool {
        self.cue_words.contains(word)
            || word
                .strip_suffix('s')
                .is_some_and(|singular| self.cue_words.contains(singular))
            || (!word.is_ascii() && self.cues.contains(key))
    }
}

/// The words of the authors' names that the index reads as a person (the surname and given
/// name groups of `synonyms.toml`), one word per person.
fn name_words(authors: &[String], index: &Index) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for author in authors {
        let named = tokenize(author).into_iter().find(|w| {
            index
                .term_of_key(&index.key_of(w))
                .is_some_and(|t| index.entities.contains(&t))
        });
        out.extend(named);
    }
    out
}
