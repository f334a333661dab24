//! Russian typed without a Russian keyboard: in Latin letters ("kogda podpisali dogovor") or with
//! the keyboard left on the English layout ("rjulf gjlgbcfkb"). Both are common in Central Asian
//! chats; this module reads such a question back into Cyrillic before anything else reads it.
//!
//! A word is only ever read as Russian when the Russian reading is a real word of the language
//! (the general-language lexicon) and the word as typed is not an English word or a word of the
//! knowledge base, so English questions and Latin names ("Tokayev", "SIHM") are left alone.

use super::lexicon;

/// A Russian reading at least this common counts as a real word.
const RUSSIAN_WORD_ZIPF: lexicon::Zipf = 3.0;

/// Longer texts are never questions (the engine refuses them) and are not read.
const MAX_TEXT_BYTES: usize = 4 * super::MAX_QUESTION_CHARS;

/// Longer Latin words are not Russian words (the longest common ones have about 20 letters).
const MAX_WORD_CHARS: usize = 30;

/// Most spellings tried for one word (each ambiguous letter multiplies them).
const MAX_READINGS: usize = 64;

/// Latin letters and letter groups as people use them for Russian, longest first, with the
/// Cyrillic letters each may stand for (the usual one first).
const TRANSLIT: &[(&str, &[&str])] = &[
    ("shch", &["щ"]),
    ("sch", &["щ", "сч"]),
    ("zh", &["ж"]),
    ("kh", &["х"]),
    ("ch", &["ч"]),
    ("sh", &["ш"]),
    ("ts", &["ц", "тс"]),
    ("tz", &["ц"]),
    ("ya", &["я"]),
    ("ja", &["я", "жа"]),
    ("ia", &["я", "ия"]),
    ("yu", &["ю"]),
    ("ju", &["ю", "жу"]),
    ("iu", &["ю", "ию"]),
    ("yo", &["ё", "йо"]),
    ("jo", &["ё", "жо"]),
    ("ye", &["е", "ые"]),
    ("a", &["а"]),
    ("b", &["б"]),
    ("c", &["ц", "к", "с"]),
    ("d", &["д"]),
    ("e", &["е", "э"]),
    ("f", &["ф"]),
    ("g", &["г"]),
    ("h", &["х"]),
    ("i", &["и", "й", "ы"]),
    ("j", &["й", "ж"]),
    ("k", &["к"]),
    ("l", &["л"]),
    ("m", &["м"]),
    ("n", &["н"]),
    ("o", &["о"]),
    ("p", &["п"]),
    ("q", &["к"]),
    ("r", &["р"]),
    ("s", &["с"]),
    ("t", &["т"]),
    ("u", &["у"]),
    ("v", &["в"]),
    ("w", &["в"]),
    ("x", &["кс", "х"]),
    ("y", &["ы", "й", "и"]),
    ("z", &["з"]),
    ("'", &["ь"]),
];

/// The Russian ЙЦУКЕН layout over the English QWERTY keys (unshifted; upper case is folded).
const LAYOUT_FROM: &str = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const LAYOUT_TO: &str = "йцукенгшщзхъфывапролджэячсмитьбюё";

/// The text re-typed in Cyrillic when it is Russian typed in Latin letters or on the English
/// layout; `None` for anything else. `known` tells whether a Latin word is a word the knowledge
/// base uses (a name, a term), which is never read as Russian.
pub fn restore(text: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    if text.len() > MAX_TEXT_BYTES {
        return None;
    }
    // Cyrillic text is in its own script already: decided before the text is split.
    if text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        return None;
    }
    let chunks: Vec<&str> = if text.is_ascii() {
        text.split_ascii_whitespace().collect()
    } else {
        text.split_whitespace().collect()
    };
    let latin = |c: &&&str| c.chars().any(|ch| ch.is_ascii_alphabetic());
    if chunks.is_empty() {
        return None;
    }
    let latin_chunks = chunks.iter().filter(latin).count();
    let english = |word: &str| lexicon::is_real_word(word) || known(word);
    if let Some(layout) = from_layout(&chunks, latin_chunks, &english) {
        return Some(layout);
    }
    from_translit(&chunks, &known)
}

/// Reads the whole text through the keyboard map when most of its Latin words are not English
/// and their mapped forms are Russian words.
fn from_layout(
    chunks: &[&str],
    latin_chunks: usize,
    english: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let mut russian = 0;
    for chunk in chunks {
        let word = letters(chunk);
        if word.is_empty() {
            continue;
        }
        if word.chars().count() > 2 && english(&word) {
            return None;
        }
        // One- and two-letter words ("ty", "r u") map onto Russian letters and syllables by
        // chance: only longer ones tell.
        let mapped = trim_punctuation(&map_layout(&chunk.to_lowercase()));
        if mapped.chars().count() > 2 && is_russian_word(&mapped) {
            russian += 1;
        }
    }
    (russian * 2 > latin_chunks && russian >= 1).then(|| {
        chunks
            .iter()
            .map(|c| map_layout(&c.to_lowercase()))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Reads each word that is Russian in Latin letters, when most of the text's words are: words
/// with a Russian reading that is a real word count for it, English words against it; short
/// words ("v", "do") and misspellings count for neither and follow the rest, as do English
/// words whose Russian reading is more common.
fn from_translit(chunks: &[&str], known: &dyn Fn(&str) -> bool) -> Option<String> {
    if !may_be_translit(chunks) {
        return None;
    }
    let (mut russian, mut english_words, mut long_words) = (0, 0, 0);
    // English words are read last, and only when the text turns out to be Russian: their
    // readings do not change the counts, and reading every word of an English question was
    // most of the time spent on it.
    let readings: Vec<Reading> = chunks
        .iter()
        .map(|chunk| {
            // "2021-m", "statya-4": a number stays as typed with its word.
            if chunk.chars().any(|c| c.is_ascii_digit()) {
                return Reading::AsTyped;
            }
            let word = letters(chunk);
            let short = word.chars().count() <= 2;
            if word.is_empty() || (!short && known(&word) && !lexicon::is_real_word(&word)) {
                // Names and terms of the knowledge base ("korlan", "sihm") are neither.
                return Reading::AsTyped;
            }
            // Nor are they with a Russian case ending ("uzbekistanu", "rabbimovu") unless that
            // reads as a Russian word ("uzbekami"): typo correction reads them as the name.
            let reads_russian = || read_translit(&word).is_some_and(|(_, real)| real);
            if !short
                && !lexicon::is_real_word(&word)
                && is_declined_name(&word, known)
                && !reads_russian()
            {
                return Reading::AsTyped;
            }
            if !short && lexicon::is_real_word(&word) {
                // "let" after "skolko" is "лет", the commoner word: evidence of neither.
                if commoner_in_russian(&word).is_none() {
                    english_words += 1;
                    long_words += 1;
                }
                return Reading::English(word);
            }
            long_words += usize::from(!short);
            let Some((reading, real)) = read_translit(&word) else {
                return Reading::AsTyped;
            };
            russian += usize::from(real && !short);
            Reading::Russian(reading)
        })
        .collect();
    // One word ("privet", "sihm gde") is enough on its own; in a longer text one Russian-looking
    // word among English ones is more likely a name or a typo.
    let needed = if long_words <= 1 { 1 } else { 2 };
    if russian < needed || russian <= english_words || russian * 2 < long_words {
        return None;
    }
    Some(
        chunks
            .iter()
            .zip(readings)
            .map(|(chunk, reading)| match reading {
                Reading::Russian(russian) => russian,
                // "den", "drug": English words too, but in a Russian question the far more
                // common Russian word ("день", "друг").
                Reading::English(word) => {
                    commoner_in_russian(&word).unwrap_or_else(|| (*chunk).to_owned())
                }
                Reading::AsTyped => (*chunk).to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The Russian reading of an English word typed in Latin letters when it is a real word and
/// commoner than the English one ("den" is "день", "let" is "лет").
fn commoner_in_russian(word: &str) -> Option<String> {
    read_translit(word)
        .filter(|(reading, real)| {
            *real && lexicon::zipf_or_zero(reading) > lexicon::zipf_or_zero(word)
        })
        .map(|(reading, _)| reading)
}

/// False when the text cannot pass [`from_translit`]'s test whatever its words read as: it
/// needs more Russian readings than English words, and only words of three or more letters
/// that are not English can give one. Reading words is the costly part; most English questions
/// stop here.
fn may_be_translit(chunks: &[&str]) -> bool {
    let (mut english, mut others) = (0, 0);
    for (read, chunk) in chunks.iter().enumerate() {
        // Decided once the words left could not tip it (most English questions are decided
        // halfway through).
        if english >= others + (chunks.len() - read) {
            return false;
        }
        if chunk.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let word = letters(chunk);
        if word.chars().count() <= 2 {
            continue;
        }
        if lexicon::is_real_word(&word) {
            english += 1;
        } else {
            others += 1;
        }
    }
    others > english
}

/// How one chunk of a Latin-letter text is read if the text is Russian.
enum Reading {
    /// Its Russian reading.
    Russian(String),
    /// An English word (its letters), read as Russian only where the Russian word is commoner.
    English(String),
    /// Kept as typed: numbers, names of the knowledge base, letters transliteration lacks.
    AsTyped,
}

/// Russian case endings as typed in Latin letters, longest first; only short ones, which typo
/// correction can take off again.
const LATIN_CASE_ENDINGS: &[&str] = &["om", "oy", "ym", "u", "a", "e", "y"];

/// A name or term of the knowledge base with a Russian case ending ("uzbekistanu" is
/// "uzbekistan" in the dative).
fn is_declined_name(word: &str, known: &dyn Fn(&str) -> bool) -> bool {
    LATIN_CASE_ENDINGS.iter().any(|ending| {
        word.strip_suffix(ending)
            .is_some_and(|stem| stem.chars().count() >= 4 && known(stem))
    })
}

/// The lower-case letters (and apostrophes, a soft sign in transliteration) of a chunk.
fn letters(chunk: &str) -> String {
    chunk
        .chars()
        .filter(|c| c.is_ascii_alphabetic() || *c == '\'')
        .collect::<String>()
        .to_lowercase()
}

fn trim_punctuation(word: &str) -> String {
    word.chars().filter(|c| c.is_alphabetic()).collect()
}

fn map_layout(chunk: &str) -> String {
    chunk
        .chars()
        .map(|c| match LAYOUT_FROM.chars().position(|f| f == c) {
            Some(i) => LAYOUT_TO.chars().nth(i).unwrap_or(c),
            None => c,
        })
        .collect()
}

fn is_russian_word(word: &str) -> bool {
    let word = word.replace('ё', "е");
    word.chars().count() >= 1 && lexicon::zipf_or_zero(&word) >= RUSSIAN_WORD_ZIPF
}

/// The Russian word a Latin-letter word most likely stands for ("dogovor" is "договор"), for a
/// Russian word in an otherwise English question ("the soyuz dogovor"): the caller checks it is
/// a word it knows.
pub fn russian_word(word: &str) -> Option<String> {
    let letters_only = word.chars().count() >= MIN_MIXED_WORD_CHARS
        && word.chars().all(|c| c.is_ascii_lowercase() || c == '\'');
    letters_only
        .then(|| read_translit(word))
        .flatten()
        .map(|(reading, _)| reading)
}

/// Shorter Latin words in an English question are not read as Russian ("da", "net", "kak" are
/// read with the whole question).
const MIN_MIXED_WORD_CHARS: usize = 4;

/// The Russian reading of a Latin spelling: the most common real word it can stand for, with
/// `true`; else its usual reading (a misspelling typo correction may still place), with
/// `false`. `None` when the word has letters transliteration does not use.
fn read_translit(word: &str) -> Option<(String, bool)> {
    if word.chars().count() > MAX_WORD_CHARS {
        return None;
    }
    let mut readings = vec![String::new()];
    let mut rest = word;
    while !rest.is_empty() {
        let (latin, cyrillic) = TRANSLIT
            .iter()
            .find(|(latin, _)| rest.starts_with(latin))
            .copied()?;
        rest = &rest[latin.len()..];
        readings = readings
            .iter()
            .flat_map(|r| cyrillic.iter().map(move |c| format!("{r}{c}")))
            .take(MAX_READINGS)
            .collect();
    }
    let readings: Vec<String> = readings.into_iter().map(|r| r.replace('ё', "е")).collect();
    let usual = readings.first().cloned()?;
    // The soft sign is mostly left out ("skolko", "den"): tried after any consonant too, and
    // the most common word wins ("день" over the name "Дэн").
    let with_soft_sign = readings.iter().flat_map(|r| {
        r.char_indices()
            .filter(|(_, c)| !"аеиоуыэюяйь".contains(*c))
            .map(|(i, c)| format!("{}ь{}", &r[..i + c.len_utf8()], &r[i + c.len_utf8()..]))
            .collect::<Vec<_>>()
    });
    let best = most_common(readings.iter().cloned().chain(with_soft_sign));
    Some(match best {
        Some((_, word)) => (word, true),
        None => (usual, false),
    })
}

/// The most common real Russian word among some spellings, with its frequency.
fn most_common(spellings: impl Iterator<Item = String>) -> Option<(lexicon::Zipf, String)> {
    spellings
        .map(|r| (lexicon::zipf_or_zero(&r), r))
        .filter(|(zipf, _)| *zipf >= RUSSIAN_WORD_ZIPF)
        .max_by(|(a, _), (b, _)| a.total_cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> bool {
        false
    }

    #[test]
    fn latin_russian_is_read_in_cyrillic() {
        assert_eq!(
            restore("kogda podpisali dogovor?", none).as_deref(),
            Some("когда подписали договор")
        );
        let restored = restore("skolko stoit granica s uzbekistanom", none).unwrap();
        assert!(restored.starts_with("сколько"), "{restored}");
        assert!(restored.contains("граница"), "{restored}");
    }

    #[test]
    fn names_with_russian_case_endings_neither_count_nor_change() {
        let known = |w: &str| w == "uzbekistan" || w == "rabbimov";
        let restored = restore("skolko let nezavisimosti uzbekistanu po rabbimovu?", known)
            .expect("read as Russian: the two names are declined, not English");
        assert!(
            restored.starts_with("сколько лет независимости"),
            "{restored}"
        );
        assert!(restored.contains("uzbekistanu"), "{restored}");
        assert!(restored.contains("rabbimovu"), "{restored}");
    }

    #[test]
    fn english_layout_is_read_as_russian_keys() {
        assert_eq!(
            restore("rjulf gjlgbcfkb ljujdjh", none).as_deref(),
            Some("когда подписали договор")
        );
    }

    #[test]
    fn english_questions_and_names_are_left_alone() {
        for question in [
            "when was the border treaty signed",
            "who is tokayev",
            "sihm trucks per day",
            "hi",
            "ok",
            "what does article 4 say",
        ] {
            assert_eq!(
                restore(question, |w| w == "tokayev" || w == "sihm"),
                None,
                "{question}"
            );
        }
        assert_eq!(restore("когда подписали", none), None);
        assert_eq!(restore("privet", none).as_deref(), Some("привет"));
        for short in ["ty", "r u ok", "Q", "xc", "rv", "u r?"] {
            assert_eq!(restore(short, none), None, "{short}");
        }
        let restored = restore("chto bylo v 2021-m godu", none).unwrap();
        assert!(restored.contains("2021-m"), "{restored}");
        let restored = restore("v kakoi den fevralya podpisali", none).unwrap();
        assert!(restored.contains("день"), "{restored}");
        let restored = restore("chto pishut v jurnale", none).unwrap();
        assert!(restored.ends_with("журнале"), "{restored}");
    }

    #[test]
    fn long_texts_and_words_are_not_read() {
        assert_eq!(restore(&"kogda ".repeat(2000), none), None);
        assert_eq!(restore(&format!("kogda {}", "y".repeat(5000)), none), None);
    }
}
