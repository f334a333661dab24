//! What a "which X" question asks for ("which bank finances…", "какие заводы войдут…"): the
//! noun right after the question word. When that noun is a real word the knowledge base never
//! uses, no entry can answer: the documents name no bank, so the entry on the industrial
//! clusters must not be offered as the answer to "which bank finances them".
//!
//! Nouns an answer gives without naming them ("which country" → "Kazakhstan", "what year" →
//! "2022") are listed in `language.toml` as `generic_focus` and ask nothing of the answer.

use super::index::Index;
use super::lexicon;
use super::normalize::{may_hold, tokenize, words_mask};
use crate::knowledge::LanguageFile;
use rustc_hash::FxHashSet as HashSet;

/// How many words before a noun a vague word may stand ("a number of unused reserves").
const VAGUE_REACH: usize = 3;

/// How many words right after the question word may name what is asked ("which russian
/// company": either word will do).
const FOCUS_WORDS: usize = 2;

/// The focus cues of `language.toml`, ready to match.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Focus {
    /// Question words whose next noun is what is asked ("which", "what kind of", "какие").
    cues: Vec<Vec<String>>,
    /// Question words whose next word is a noun only when one of `verbs` follows it ("what").
    cues_before_verb: Vec<Vec<String>>,
    /// The word masks ([`words_mask`]) of `cues` and of `cues_before_verb`: only cues whose
    /// bits a question has are searched for at each of its words.
    cue_masks: Vec<u64>,
    before_verb_masks: Vec<u64>,
    verbs: HashSet<String>,
    /// Words between the question word and its noun ("exactly", "именно").
    skip: HashSet<String>,
    /// Index keys of nouns an answer gives without naming ("country", "год").
    generic: HashSet<String>,
    /// Words mentioning things without naming them ("various", "ряд").
    vague: HashSet<String>,
}

/// Where a question asks for something the knowledge base never mentions: its question word
/// and the words naming the thing ("which bank"), as positions in the question's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Asked {
    pub start: usize,
    pub end: usize,
}

impl Focus {
    pub fn new(language: &LanguageFile, index: &Index) -> Self {
        let cues = phrases(&language.focus_cues);
        let cues_before_verb = phrases(&language.focus_cues_before_verb);
        let masks = |cues: &[Vec<String>]| cues.iter().map(words_mask).collect();
        Focus {
            cue_masks: masks(&cues),
            before_verb_masks: masks(&cues_before_verb),
            cues,
            cues_before_verb,
            verbs: words(&language.focus_verbs),
            skip: words(&language.focus_skip),
            generic: words(&language.generic_focus)
                .iter()
                .map(|w| index.key_of(w))
                .collect(),
            vague: words(&language.vague_quantifiers),
        }
    }

    /// The noun a "which X" question asks for when the knowledge base uses it ("which think
    /// tanks"), as the question's words from the cue to it and the noun's index key.
    pub fn asked_known(&self, words: &[String], index: &Index) -> Option<(Asked, String)> {
        let cues = present(&self.cues, &self.cue_masks, words);
        let (start, len) =
            (0..words.len()).find_map(|i| longest_cue(&cues, words, i).map(|len| (i, len)))?;
        let from = self.past_skipped(words, start + len);
        // A phrase the index knows ("think tanks", "аналитические центры"), or else, after a
        // Russian adjective, the noun ("какие промышленные кластеры").
        let first = words.get(from)?;
        let (at, key) = match key_at(words, from, index) {
            Some(key) if index.term_of_key(&key).is_some() => (from, key),
            _ if is_cyrillic(first) && looks_adjectival(first) => {
                (from + 1, key_at(words, from + 1, index)?)
            }
            _ => return None,
        };
        // A key the index holds is no stop word ("think" alone is one, "think tanks" is not).
        let noun = &words[at];
        if noun.chars().any(|c| c.is_ascii_digit())
            || self.generic.contains(&key)
            || index.term_of_key(&key).is_none()
        {
            return None;
        }
        // The phrase's words with it ("каких именно аналитических центрах").
        let end = (at + 1..=(at + 2).min(words.len()))
            .rev()
            .find(|&end| index.keys(&words[at..end]).len() == 1)
            .unwrap_or(at + 1);
        Some((Asked { start, end }, key))
    }

    /// True when `answer` mentions the noun of index key `key` only after a word mentioning
    /// things without naming them ("worked at various think tanks"): it does not say which.
    pub fn mentions_only_vaguely(&self, answer: &str, key: &str, index: &Index) -> bool {
        let words = tokenize(answer);
        // Most answers have no vague word at all: then no mention is vague, and the words need
        // no index keys (reading them was a twentieth of a question's time). The engine asks
        // only of answers with one ([`Focus::has_vague_word`] at build).
        if !words.iter().any(|w| self.vague.contains(w)) {
            return false;
        }
        let mut found = false;
        for i in 0..words.len() {
            if key_at(&words, i, index).as_deref() != Some(key) {
                continue;
            }
            let before = &words[i.saturating_sub(VAGUE_REACH)..i];
            if !before.iter().any(|w| self.vague.contains(w)) {
                return false;
            }
            found = true;
        }
        found
    }

    /// True when `text` has a vague quantifier ("various", "ряд").
    pub fn has_vague_word(&self, text: &str) -> bool {
        tokenize(text).iter().any(|w| self.vague.contains(w))
    }

    /// The thing the question asks for, when a focus cue is followed by a noun that is neither
    /// generic nor a stop word. Words typo correction cannot place ask nothing: a misspelling
    /// is no evidence that the documents lack what it names.
    pub fn asked(&self, words: &[String], index: &Index) -> Option<Asked> {
        let cues = present(&self.cues, &self.cue_masks, words);
        let before_verb = present(&self.cues_before_verb, &self.before_verb_masks, words);
        (0..words.len()).find_map(|start| {
            let longest = |cues: &[&Vec<String>]| longest_cue(cues, words, start);
            if let Some(len) = longest(&cues) {
                return self.noun_after(words, start, start + len, index);
            }
            // "what gifts did they swap": one noun, then the verb.
            let len = longest(&before_verb)?;
            let noun = start + len;
            let verb = words.get(noun + 1)?;
            if !self.verbs.contains(verb) {
                return None;
            }
            self.noun_after(&words[..=noun], start, noun, index)
        })
    }

    /// The first position from `from` on past the words between a question word and its noun
    /// ("exactly", "именно").
    fn past_skipped(&self, words: &[String], from: usize) -> usize {
        from + words[from..]
            .iter()
            .take_while(|w| self.skip.contains(*w))
            .count()
    }

    fn noun_after(
        &self,
        words: &[String],
        start: usize,
        from: usize,
        index: &Index,
    ) -> Option<Asked> {
        let from = self.past_skipped(words, from);
        let named: Vec<&String> = words[from..]
            .iter()
            .take(FOCUS_WORDS)
            .take_while(|w| !index.is_stopword(w) && !w.chars().any(|c| c.is_ascii_digit()))
            .collect();
        // A Russian noun after "какой" stands alone ("какой банк даст…"); an adjective leaves
        // the noun to the next word ("какие промышленные кластеры").
        let named = match named.as_slice() {
            [] => return None,
            [first, ..] if is_cyrillic(first) && !looks_adjectival(first) => &named[..1],
            _ => &named[..],
        };
        // A phrase the index knows names what the documents have, whatever its words alone
        // ("нормативный акт" is a law).
        if key_at(words, from, index).is_some_and(|key| index.term_of_key(&key).is_some()) {
            return None;
        }
        for word in named {
            let key = index.keys(std::slice::from_ref(*word)).into_iter().next()?;
            // A word the knowledge base uses, or a misspelling it can place, may well be named
            // by an answer in other words ("which outlet" → "Sputnik"): only a real word it
            // never uses shows that the documents do not have what is asked.
            if self.generic.contains(&key)
                || index.term_of_key(&key).is_some()
                || !lexicon::is_real_word(word)
            {
                return None;
            }
        }
        Some(Asked {
            start,
            end: from + named.len(),
        })
    }
}

/// The length of the longest of `cues` that begins at `start`.
fn longest_cue(cues: &[&Vec<String>], words: &[String], start: usize) -> Option<usize> {
    cues.iter()
        .filter(|cue| words[start..].starts_with(cue))
        .map(|cue| cue.len())
        .max()
}

/// The cues whose words' bits (`masks`) are all among the words' bits: the only ones that can
/// occur in them.
fn present<'c>(cues: &'c [Vec<String>], masks: &[u64], words: &[String]) -> Vec<&'c Vec<String>> {
    let bits = words_mask(words);
    cues.iter()
        .zip(masks)
        .filter(|(_, &mask)| may_hold(bits, mask))
        .map(|(cue, _)| cue)
        .collect()
}

/// The index key of the word at `at`, or of the phrase it begins ("think tanks").
fn key_at(words: &[String], at: usize, index: &Index) -> Option<String> {
    let end = (at + 2).min(words.len());
    index.keys(words.get(at..end)?).into_iter().next()
}

/// Each phrase of a list as its words, empty ones left out.
fn phrases(list: &[String]) -> Vec<Vec<String>> {
    list.iter()
        .map(|c| tokenize(c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every word of a list.
fn words(list: &[String]) -> HashSet<String> {
    list.iter().flat_map(|w| tokenize(w)).collect()
}

/// Endings of Russian adjectives and participles ("промышленные", "нового", "учёную").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ых", "их",
    "ую", "юю", "ым", "им", "ыми", "ими",
];

fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| ('а'..='я').contains(&c) || c == 'ё')
}

fn looks_adjectival(word: &str) -> bool {
    ADJECTIVE_ENDINGS.iter().any(|e| word.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_adjectives_leave_the_noun_to_the_next_word() {
        assert!(looks_adjectival("промышленные"));
        assert!(looks_adjectival("учёную"));
        assert!(!looks_adjectival("банк"));
        assert!(!looks_adjectival("заводы"));
        assert!(is_cyrillic("банк") && !is_cyrillic("bank"));
    }
}
