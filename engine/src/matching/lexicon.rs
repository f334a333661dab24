//! The general-language lexicon: how common each English and Russian word is in everyday use
//! (wordfreq's Zipf scale, exported by `scripts/export_lexicon.py`, attribution in
//! `lexicon/README.md`).
//!
//! The knowledge base only knows its own words; the lexicon tells the engine what the rest of a
//! question is: filler that is common everywhere ("these", "days", "сейчас"), an informative word
//! the documents never use ("inflation", "погода"), a real word that must not be "corrected" into
//! a knowledge-base word ("match" is not "march"), or a misspelling. `build.rs` turns the lists
//! into tables that are read in place (the words, and a hash table of them), so the lexicon
//! costs nothing at start-up.

use super::lexicon_table::{first_slot, hash, tag_of, NUMBER_MASK};
use crate::embedded::{lexicon_offsets, lexicon_slots, lexicon_words, lexicon_zipf};

/// Zipf frequency of a word seen once per billion words; 3 is once per million, 7 is "the".
pub type Zipf = f32;

/// Number of words in the lexicon.
pub fn len() -> usize {
    lexicon_zipf().len()
}

/// The `i`-th little-endian u32 of a table.
fn u32_at(table: &[u8], i: usize) -> usize {
    let bytes = &table[i * 4..i * 4 + 4];
    u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize
}

fn offset(i: usize) -> usize {
    u32_at(lexicon_offsets(), i)
}

fn word_at(i: usize) -> &'static [u8] {
    &lexicon_words()[offset(i)..offset(i + 1)]
}

/// The Zipf frequency of a normalised word (lower case, as [`super::normalize::tokenize`] gives
/// it), or `None` when the word is too rare to be listed (below Zipf 2 in English, 2.5 in
/// Russian) or not a word at all.
pub fn zipf(word: &str) -> Option<Zipf> {
    let key = word.as_bytes();
    let hash = hash(key);
    let tag = tag_of(hash);
    let slots = lexicon_slots().len() / 4;
    let mut slot = first_slot(hash, slots);
    // build.rs keeps the table at most half full, so an empty slot ends the probe long before
    // this bound (at most 26 probes for a word of the lexicon).
    for _ in 0..slots {
        let held = u32_at(lexicon_slots(), slot) as u32;
        if held == 0 {
            return None;
        }
        let number = (held & NUMBER_MASK) as usize - 1;
        if held & !NUMBER_MASK == tag && word_at(number) == key {
            return Some(f32::from(lexicon_zipf()[number]) / 10.0);
        }
        slot = (slot + 1) & (slots - 1);
    }
    None
}

/// Zipf frequency, 0 for unlisted words.
pub fn zipf_or_zero(word: &str) -> Zipf {
    zipf(word).unwrap_or(0.0)
}

/// A word at least this common is an established word of the language, not a misspelling:
/// wordfreq lists frequent misspellings too ("lenght" 2.0, "wich" 2.8), but below this.
pub const REAL_WORD_ZIPF: Zipf = 3.0;

/// A word at least this common is an everyday word ("summer" 5.0, "football" 4.6), not a name
/// or a term ("psg" 3.3).
pub const EVERYDAY_WORD_ZIPF: Zipf = 4.0;

/// True for a word common enough to be a real word of English or Russian.
pub fn is_real_word(word: &str) -> bool {
    zipf_or_zero(word) >= REAL_WORD_ZIPF
}

/// Endings of Russian finite verb forms (present, past, imperative), longest first: a base
/// before one takes "ть" for the infinitive ("налажива-ют", "складыва-ло", "посчита-йте").
const RUSSIAN_VERB_ENDINGS: &[&str] = &[
    "йте", "ют", "ут", "ет", "ем", "ешь", "ете", "ла", "ло", "ли", "л", "й",
];

/// Endings of the second conjugation, whose infinitive ends in "ить" or "еть" ("поруч-ат",
/// "поручить"; "смотр-ят", "смотреть"; the imperative "провер-ьте", "проверить").
const SECOND_CONJUGATION_ENDINGS: &[&str] = &["ьте", "ат", "ят", "ит", "им", "ите", "ишь", "ь"];

/// Letters a Russian verb keeps before its ending for the infinitive to be tried.
const MIN_RUSSIAN_BASE_CHARS: usize = 4;

/// True for a Russian verb form too rare for the lexicon whose infinitive it lists as a real
/// word: "налаживают" (unlisted) is a form of "налаживать", not a misspelling of "наращивают".
/// Only verbs: the lexicon lists most forms of nouns and adjectives, and a misspelt one often
/// takes another ending of a real word ("степнь", "степной").
pub fn is_form_of_real_word(word: &str) -> bool {
    if word.is_ascii() {
        return false;
    }
    let (word, reflexive) = match word.strip_suffix("ся").or_else(|| word.strip_suffix("сь")) {
        Some(base) => (base, true),
        None => (word, false),
    };
    let has_infinitive = |base: &str, suffix: &str| {
        let infinitive = format!("{base}{suffix}");
        is_real_word(&infinitive) || (reflexive && is_real_word(&format!("{infinitive}ся")))
    };
    let long_enough = |base: &&str| base.chars().count() >= MIN_RUSSIAN_BASE_CHARS;
    let first_conjugation = RUSSIAN_VERB_ENDINGS.iter().any(|ending| {
        word.strip_suffix(ending)
            .filter(long_enough)
            .is_some_and(|base| has_infinitive(base, "ть"))
    });
    // "-овать" verbs change the suffix in the present: "согласу-ют" is "согласовать".
    let ovat = RUSSIAN_VERB_ENDINGS.iter().any(|ending| {
        word.strip_suffix(ending)
            .and_then(|base| base.strip_suffix('у'))
            .filter(long_enough)
            .is_some_and(|base| has_infinitive(base, "овать"))
    });
    first_conjugation
        || ovat
        || SECOND_CONJUGATION_ENDINGS.iter().any(|ending| {
            word.strip_suffix(ending)
                .filter(long_enough)
                .is_some_and(|base| ["ить", "еть"].iter().any(|s| has_infinitive(base, s)))
        })
}

/// Words at or above this frequency carry almost no information on their own ("the", "это").
const COMMON_ZIPF: Zipf = 6.5;
/// Words at or below this frequency are as informative as a word can be ("treaty" 4.3).
const RARE_ZIPF: Zipf = 4.0;
/// The informativeness of the most common words: never zero, so that a question made only of
/// common words still has a weight.
pub const MIN_INFORMATIVENESS: f32 = 0.2;

/// How informative a word is in the language, in `[MIN_INFORMATIVENESS, 1]`: 1 for rare words
/// and words the lexicon does not list (names, terms), falling linearly to the minimum for the
/// most common words. Measured against the dev sets: topic words such as "treaty" (4.3) and
/// "border" (4.7) keep most of their weight while "days" (5.6) and "these" (6.1) lose most of it.
pub fn informativeness(word: &str) -> f32 {
    let z = zipf_or_zero(word);
    if z <= RARE_ZIPF {
        return 1.0;
    }
    let share = (COMMON_ZIPF - z) / (COMMON_ZIPF - RARE_ZIPF);
    share.clamp(MIN_INFORMATIVENESS, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn present_forms_of_ovat_verbs_are_forms_of_real_words() {
        assert!(is_form_of_real_word("согласуют"), "согласовать");
        assert!(is_form_of_real_word("гарантируют"), "гарантировать");
        assert!(!is_form_of_real_word("согласию"));
    }

    #[test]
    fn rare_russian_forms_of_listed_words_are_real_words() {
        assert!(is_form_of_real_word("налаживают"));
        assert!(is_form_of_real_word("складывалось"));
        assert!(is_form_of_real_word("поручат"));
        assert!(!is_form_of_real_word("безопастности"));
        assert!(!is_form_of_real_word("дагавор"));
        assert!(!is_form_of_real_word("treaty"));
    }

    #[test]
    fn lexicon_lists_both_languages() {
        assert!(len() > 200_000);
        assert!(zipf("the").unwrap() > 7.0);
        assert!(zipf("договор").unwrap() > 4.0);
        assert!(zipf("здравствуйте").is_some());
        assert_eq!(zipf("xqzzvw"), None);
        assert_eq!(zipf(""), None);
    }

    #[test]
    fn the_hash_table_finds_every_word_of_the_lexicon() {
        for number in 0..len() {
            let word = std::str::from_utf8(word_at(number)).expect("lexicon words are UTF-8");
            assert_eq!(
                zipf(word),
                Some(f32::from(lexicon_zipf()[number]) / 10.0),
                "{word}"
            );
        }
    }

    #[test]
    fn real_words_are_told_from_misspellings() {
        for real in ["match", "water", "weather", "привет", "журнале"] {
            assert!(is_real_word(real), "{real}");
        }
        for typo in ["lenght", "wich", "relatons", "жернале", "политке"] {
            assert!(!is_real_word(typo), "{typo}");
        }
    }

    #[test]
    fn lexicon_weighting_favours_rare_words() {
        assert!(informativeness("treaty") > 0.8);
        assert_eq!(informativeness("demarcation"), 1.0);
        assert!(informativeness("days") < 0.5);
        assert_eq!(informativeness("the"), MIN_INFORMATIVENESS);
        assert!(informativeness("border") > informativeness("days"));
        assert_eq!(informativeness("mirziyoyev"), 1.0);
    }
}
