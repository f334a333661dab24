//! Interned string tables: a set of strings numbered in the order they were added, and a map
//! from strings to strings, each stored as one `String` and vectors of numbers.
//!
//! Why not `HashSet<String>` / `HashMap<String, String>`: the embedded engine is deserialised
//! on every start, and a hash table of strings costs an allocation per string (the index alone
//! holds about 20,000). These tables deserialise in a few copies. The hash is our own (FNV-1a)
//! so that a table `build.rs` writes is read the same way by the binary on any platform.

use serde::{Deserialize, Serialize};

/// A string's number in a [`StringSet`], in the order strings were added.
pub type StringId = u32;

/// An empty slot of the hash table (ids are stored plus one).
const EMPTY: u32 = 0;

/// A slot holds its string's id plus one in the low bits and, above them, a tag: the top bits
/// of the string's hash.
const ID_BITS: u32 = 22;
const ID_MASK: u32 = (1 << ID_BITS) - 1;

/// The tag of a hash, in place above the id bits.
fn tag_of(hash: u64) -> u32 {
    ((hash >> (64 - (32 - ID_BITS))) as u32) << ID_BITS
}

/// FNV-1a over the string's bytes: short words, few collisions, the same on every platform.
fn hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Distinct strings, each with a dense number.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct StringSet {
    /// The strings, concatenated in the order they were added.
    text: String,
    /// Where each string ends in `text` (it starts where the previous one ends).
    #[serde(with = "super::packed::u32s")]
    ends: Vec<u32>,
    /// Open addressing with linear probing: a tag and id plus one, or [`EMPTY`]. Its length
    /// is a power of two at least twice the number of strings.
    #[serde(with = "super::packed::u32s")]
    slots: Vec<u32>,
}

impl StringSet {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The string numbered `id`.
    pub fn get(&self, id: StringId) -> &str {
        let (start, end) = self.span(id);
        &self.text[start..end]
    }

    /// Where the string numbered `id` starts and ends in `text`.
    fn span(&self, id: StringId) -> (usize, usize) {
        let id = id as usize;
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        (start, self.ends[id] as usize)
    }

    /// The strings with their numbers, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (StringId, &str)> {
        (0..self.len() as StringId).map(|id| (id, self.get(id)))
    }

    /// The slot holding `word`, or the empty slot where it would go, and the tag of `word`.
    fn slot_of(&self, word: &str) -> (usize, u32) {
        let mask = self.slots.len() - 1;
        let hash = hash(word);
        let tag = tag_of(hash);
        let mut slot = hash as usize & mask;
        loop {
            let held = self.slots[slot];
            // Strings are compared only when their tags agree: most probes that meet another
            // string end there, without reading it.
            if held == EMPTY
                || (held & !ID_MASK == tag
                    && self.bytes_of((held & ID_MASK) - 1) == word.as_bytes())
            {
                return (slot, tag);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The bytes of the string numbered `id` (no check that they start a character).
    fn bytes_of(&self, id: StringId) -> &[u8] {
        let (start, end) = self.span(id);
        &self.text.as_bytes()[start..end]
    }

    /// The number of `word`, if the set holds it.
    pub fn id(&self, word: &str) -> Option<StringId> {
        if self.slots.is_empty() {
            return None;
        }
        match self.slots[self.slot_of(word).0] {
            EMPTY => None,
            held => Some((held & ID_MASK) - 1),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.id(word).is_some()
    }

    /// Adds a string (once); returns its number.
    pub fn insert(&mut self, word: &str) -> StringId {
        if let Some(id) = self.id(word) {
            return id;
        }
        if (self.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let id = self.len() as StringId;
        assert!(id < ID_MASK, "fewer than 2^22 strings in a set");
        self.text.push_str(word);
        self.ends.push(self.text.len() as u32);
        let (slot, tag) = self.slot_of(word);
        self.slots[slot] = tag | (id + 1);
        id
    }

    /// Doubles the hash table and puts every string back.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        self.slots = vec![EMPTY; size];
        for id in 0..self.len() as StringId {
            let (slot, tag) = self.slot_of(self.get(id));
            self.slots[slot] = tag | (id + 1);
        }
    }
}

impl<S: AsRef<str>> FromIterator<S> for StringSet {
    fn from_iter<I: IntoIterator<Item = S>>(strings: I) -> Self {
        let mut set = StringSet::default();
        for s in strings {
            set.insert(s.as_ref());
        }
        set
    }
}

/// From strings to strings; the first value given for a key stays.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct StringMap {
    keys: StringSet,
    values: StringSet,
    /// Per key: the number of its value in `values`.
    #[serde(with = "super::packed::u32s")]
    value_of: Vec<StringId>,
}

impl StringMap {
    pub fn get(&self, key: &str) -> Option<&str> {
        let id = self.keys.id(key)?;
        Some(self.values.get(self.value_of[id as usize]))
    }

    /// The keys with their values, in the order the keys were added.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.keys
            .iter()
            .map(|(id, key)| (key, self.values.get(self.value_of[id as usize])))
    }

    /// Maps `key` to `value` unless it already has a value.
    pub fn insert(&mut self, key: &str, value: &str) {
        let id = self.keys.insert(key) as usize;
        if id == self.value_of.len() {
            self.value_of.push(self.values.insert(value));
        }
    }
}

/// Multi-word phrases (as word sequences) to the key each stands for, found by their first
/// word; a word's phrases are tried longest first, and of equal ones the first added.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Phrases {
    /// The first words of the phrases.
    firsts: StringSet,
    /// Per first word: the range of its phrases' numbers in `texts`.
    runs: Vec<(StringId, StringId)>,
    /// Each phrase's words joined by spaces, grouped by first word, longest first.
    texts: StringSet,
    /// Per phrase: its length in words and the number of its key in `keys`.
    meta: Vec<(u32, StringId)>,
    keys: StringSet,
}

impl Phrases {
    /// The table of some phrases (each of two or more words, none with a space).
    pub fn new(mut phrases: Vec<(Vec<String>, String)>) -> Self {
        // Stable: phrases of one first word and length stay in the order they were given.
        phrases.sort_by(|(a, _), (b, _)| a[0].cmp(&b[0]).then(b.len().cmp(&a.len())));
        let mut table = Phrases::default();
        for (words, key) in &phrases {
            let text = words.join(" ");
            if table.texts.contains(&text) {
                continue;
            }
            let id = table.texts.insert(&text);
            table
                .meta
                .push((words.len() as u32, table.keys.insert(key)));
            let first = table.firsts.insert(&words[0]) as usize;
            if first == table.runs.len() {
                table.runs.push((id, id));
            }
            table.runs[first].1 = id + 1;
        }
        table
    }

    /// The longest phrase that `words` begin with: its length in words and its key.
    pub fn longest_at<'a, I>(&self, words: I) -> Option<(usize, &str)>
    where
        I: Iterator<Item = &'a str> + Clone,
    {
        let first = self.firsts.id(words.clone().next()?)?;
        let (start, end) = self.runs[first as usize];
        (start..end).find_map(|id| {
            let mut rest = words.clone();
            let matches = self
                .texts
                .get(id)
                .split(' ')
                .all(|w| rest.next() == Some(w));
            let (len, key) = self.meta[id as usize];
            matches.then(|| (len as usize, self.keys.get(key)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_numbered_once_and_found_after_growth_and_a_round_trip() {
        let mut set = StringSet::default();
        let words: Vec<String> = (0..3000).map(|i| format!("слово{i}")).collect();
        for word in &words {
            set.insert(word);
        }
        assert_eq!(set.insert("слово7"), 7, "a string is added once");
        assert_eq!(set.len(), 3000);
        let read: StringSet = postcard::from_bytes(&postcard::to_stdvec(&set).unwrap()).unwrap();
        assert!(words
            .iter()
            .enumerate()
            .all(|(i, w)| read.id(w) == Some(i as u32)));
        assert!(!read.contains("слово3000") && !read.contains("слово") && !read.contains(""));
        assert_eq!(read.iter().nth(12), Some((12, "слово12")));
    }

    #[test]
    fn an_empty_set_holds_nothing() {
        let set = StringSet::default();
        assert!(set.len() == 0 && !set.contains("") && set.id("a").is_none());
    }

    #[test]
    fn a_map_keeps_the_first_value_of_a_key() {
        let mut map = StringMap::default();
        map.insert("border", "border_key");
        map.insert("frontier", "border_key");
        map.insert("border", "other");
        assert_eq!(map.get("border"), Some("border_key"));
        assert_eq!(map.get("frontier"), Some("border_key"));
        assert_eq!(map.get("treaty"), None);
        let read: StringMap = postcard::from_bytes(&postcard::to_stdvec(&map).unwrap()).unwrap();
        assert_eq!(read.get("frontier"), Some("border_key"));
    }

    #[test]
    fn the_longest_phrase_at_a_place_wins_and_a_shorter_text_matches_none() {
        let phrase = |w: &str, k: &str| (w.split(' ').map(String::from).collect(), k.to_owned());
        let phrases = Phrases::new(vec![
            phrase("head state", "head_state"),
            phrase("how mani", "how_mani"),
            phrase("head of state", "head_of_state"),
            phrase("head state", "other"),
        ]);
        let words = |t: &'static str| t.split(' ');
        assert_eq!(
            phrases.longest_at(words("head of state now")),
            Some((3, "head_of_state"))
        );
        assert_eq!(
            phrases.longest_at(words("head state")),
            Some((2, "head_state"))
        );
        assert_eq!(phrases.longest_at(words("head of")), None);
        assert_eq!(
            phrases.longest_at(words("how mani year")),
            Some((2, "how_mani"))
        );
        assert_eq!(phrases.longest_at(words("state head")), None);
    }
}
