//! Every word form the knowledge base uses, stored once: for "is this a word of ours", for typo
//! correction (buckets by length and first or second letter), and for the stem and
//! informativeness computed for each word when the index was built.
//!
//! Why not a `HashSet<String>` and friends: the embedded engine is deserialised on every start,
//! and four string collections over the same 14,000 words cost 56,000 allocations and about
//! 2.4 ms. Here the words are a [`StringSet`] and the stems one string, which deserialise in a
//! few copies.

use super::postings::Postings;
use super::strings::{StringId as WordId, StringSet};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Vocabulary {
    /// The words, numbered in the order they were added.
    words: StringSet,
    /// Per word: where its stem lies in `stems` ([`NO_MEMO`] for words of no text: stop words,
    /// synonym terms) and its informativeness.
    #[serde(with = "super::packed::u32s")]
    stem_starts: Vec<u32>,
    #[serde(with = "super::packed::u32s")]
    stem_ends: Vec<u32>,
    #[serde(with = "super::packed::f32s")]
    infos: Vec<f32>,
    stems: String,
    /// Per word: its [`letter_mask`], for ruling typo candidates out before counting letters.
    #[serde(with = "super::packed::u32s")]
    letters: Vec<u32>,
    /// Word ids by (length in chars, first letter) and by (length, second letter), each list
    /// sorted by the words' bytes; filled by [`Vocabulary::finish`].
    by_first: Buckets,
    by_second: Buckets,
    /// The same while words are added.
    #[serde(skip)]
    adding_first: HashMap<(u32, char), Vec<WordId>>,
    #[serde(skip)]
    adding_second: HashMap<(u32, char), Vec<WordId>>,
}

/// The letters of a word as a set of 32 slots (a letter's code point modulo 32: each letter of
/// the English and of the Russian alphabet has a slot of its own). Letters in one word's set
/// and not in the other's are letters one word lacks, so their count bounds the bag distance,
/// and so the edit distance, from below.
pub fn letter_mask(word: &str) -> u32 {
    word.chars()
        .fold(0, |mask, c| mask | 1 << (u32::from(c) % 32))
}

/// `stem_starts` of a word with no stem recorded.
const NO_MEMO: u32 = u32::MAX;

/// Lists of word ids by (length, letter), flattened: the keys sorted, each with its list.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Buckets {
    /// `length << 32 | letter`, sorted.
    keys: Vec<u64>,
    lists: Postings,
}

impl Buckets {
    fn key(len: u32, letter: char) -> u64 {
        (u64::from(len) << 32) | u64::from(u32::from(letter))
    }

    fn new(map: HashMap<(u32, char), Vec<WordId>>) -> Self {
        let mut sorted: Vec<(u64, Vec<WordId>)> = map
            .into_iter()
            .map(|((len, letter), list)| (Self::key(len, letter), list))
            .collect();
        sorted.sort_unstable_by_key(|(key, _)| *key);
        let lists: Vec<Vec<WordId>> = sorted.iter().map(|(_, list)| list.clone()).collect();
        Buckets {
            keys: sorted.into_iter().map(|(key, _)| key).collect(),
            lists: Postings::from_lists(&lists),
        }
    }

    fn get(&self, len: u32, letter: char) -> &[WordId] {
        match self.keys.binary_search(&Self::key(len, letter)) {
            Ok(i) => &self.lists[i],
            Err(_) => &[],
        }
    }
}

impl Vocabulary {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    fn word(&self, id: WordId) -> &str {
        self.words.get(id)
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Adds a word (once); returns its id.
    pub fn insert(&mut self, word: &str) -> WordId {
        if let Some(id) = self.words.id(word) {
            return id;
        }
        let id = self.words.insert(word);
        self.stem_starts.push(NO_MEMO);
        self.stem_ends.push(NO_MEMO);
        self.infos.push(0.0);
        self.letters.push(letter_mask(word));
        let len = word.chars().count() as u32;
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            self.adding_first.entry((len, first)).or_default().push(id);
        }
        if let Some(second) = chars.next() {
            self.adding_second
                .entry((len, second))
                .or_default()
                .push(id);
        }
        id
    }

    /// Records a word's stem and informativeness (adding the word); the first record stays.
    pub fn memoise(&mut self, word: &str, stem: &str, info: f32) {
        let id = self.insert(word) as usize;
        if self.stem_starts[id] == NO_MEMO {
            self.stem_starts[id] = self.stems.len() as u32;
            self.stems.push_str(stem);
            self.stem_ends[id] = self.stems.len() as u32;
            self.infos[id] = info;
        }
    }

    /// The stem and informativeness recorded for `word`, if any.
    pub fn memo(&self, word: &str) -> Option<(&str, f32)> {
        let id = self.words.id(word)? as usize;
        let start = self.stem_starts[id];
        if start == NO_MEMO {
            return None;
        }
        let end = self.stem_ends[id];
        Some((&self.stems[start as usize..end as usize], self.infos[id]))
    }

    /// Sorts each typo bucket by the words' bytes and flattens the buckets, once every word is
    /// in.
    pub fn finish(&mut self) {
        let mut firsts = std::mem::take(&mut self.adding_first);
        let mut seconds = std::mem::take(&mut self.adding_second);
        for bucket in firsts.values_mut().chain(seconds.values_mut()) {
            bucket.sort_by(|a, b| self.word(*a).cmp(self.word(*b)));
        }
        self.by_first = Buckets::new(firsts);
        self.by_second = Buckets::new(seconds);
    }

    /// The words of `len` chars starting with `first`, each with its [`letter_mask`].
    pub fn with_first(&self, len: usize, first: char) -> impl Iterator<Item = (u32, &str)> {
        self.bucket(&self.by_first, len, first)
    }

    /// The words of `len` chars whose second letter is `second`, each with its
    /// [`letter_mask`].
    pub fn with_second(&self, len: usize, second: char) -> impl Iterator<Item = (u32, &str)> {
        self.bucket(&self.by_second, len, second)
    }

    fn bucket<'a>(
        &'a self,
        buckets: &'a Buckets,
        len: usize,
        letter: char,
    ) -> impl Iterator<Item = (u32, &'a str)> {
        let len = u32::try_from(len).unwrap_or(u32::MAX);
        buckets
            .get(len, letter)
            .iter()
            .map(|&id| (self.letters[id as usize], self.word(id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_after_the_table_grows_and_after_a_round_trip() {
        let mut vocabulary = Vocabulary::default();
        let words: Vec<String> = (0..3000).map(|i| format!("слово{i}")).collect();
        for word in &words {
            vocabulary.insert(word);
        }
        assert_eq!(vocabulary.insert("слово7"), 7, "a word is added once");
        assert_eq!(vocabulary.len(), 3000);
        let bytes = postcard::to_stdvec(&vocabulary).unwrap();
        let read: Vocabulary = postcard::from_bytes(&bytes).unwrap();
        assert!(words.iter().all(|w| read.contains(w)));
        assert!(!read.contains("слово3000") && !read.contains("слово") && !read.contains(""));
    }

    #[test]
    fn the_first_memo_of_a_word_is_kept_and_unmemoised_words_have_none() {
        let mut vocabulary = Vocabulary::default();
        vocabulary.insert("and");
        vocabulary.memoise("treaties", "treati", 0.75);
        vocabulary.memoise("treaties", "other", 0.1);
        assert_eq!(vocabulary.memo("treaties"), Some(("treati", 0.75)));
        assert_eq!(vocabulary.memo("and"), None);
        assert!(vocabulary.contains("and") && vocabulary.memo("treaty").is_none());
    }

    #[test]
    fn typo_buckets_hold_words_of_one_length_and_letter_sorted() {
        let mut vocabulary = Vocabulary::default();
        for word in ["treaty", "tready", "border", "trusts", "uzbeks", "trade"] {
            vocabulary.insert(word);
        }
        vocabulary.finish();
        let first: Vec<&str> = vocabulary.with_first(6, 't').map(|(_, w)| w).collect();
        assert_eq!(first, ["tready", "treaty", "trusts"]);
        let second: Vec<(u32, &str)> = vocabulary.with_second(6, 'z').collect();
        assert_eq!(second, [(letter_mask("uzbeks"), "uzbeks")]);
        assert_eq!(vocabulary.with_first(7, 't').count(), 0);
    }
}
