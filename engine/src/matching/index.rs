//! The search index, built once when the engine starts: vocabulary, synonym and phrase tables,
//! term weights, and for every record the terms of its phrasings, keywords and answer text.

use super::kinds::is_year;
use super::lexicon;
use super::normalize::{stem, tokenize};
use super::score::{edit_distance, max_typo_distance};
// FxHash: the index hashes tens of thousands of short words at startup; the default SipHash's
// protection against hash flooding buys nothing for our own knowledge base and costs time.
use super::postings::Postings;
use super::script;
use super::strings::{Phrases, StringMap, StringSet};
use super::vocabulary::{letter_mask, Vocabulary};
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;

/// A canonical term (a stem, or a synonym group) as a dense number.
pub type TermId = u32;

/// What a record contributes to the index, as text.
#[derive(Debug, Default)]
pub struct RecordText<'a> {
    /// Phrasings of the question this record answers, in every language.
    pub questions: Vec<&'a str>,
    /// Keywords and other short texts that describe what the record is about.
    pub keywords: Vec<&'a str>,
    /// The answer and other long texts: matched with less credit.
    pub answer: Vec<&'a str>,
    /// What names the documents the record cites (titles, authors, outlets, years). They do not
    /// make the record about those words, but a question that names its source ("the 2023
    /// Uzbek-Kazakh cooperation paper says…") is not about something else.
    pub sources: Vec<&'a str>,
    /// How people describe the cited documents ("the draft analysis"): a question that names
    /// its source so earns the record part of those words' weight, and nothing else.
    pub described: Vec<&'a str>,
}

/// A synonym group as the index needs it.
#[derive(Debug, Clone, Default)]
pub struct GroupText {
    pub terms: Vec<String>,
    /// Names an entity (country, person).
    pub entity: bool,
    /// Names a city.
    pub place: bool,
    /// Asks for a kind of fact (when, who, how many).
    pub question_word: bool,
}

/// The terms of one record.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct RecordTerms {
    /// Each phrasing as a sorted, deduplicated list of terms, and its total weight; only read
    /// while building ([`Index::question_postings`] and `question_owner` hold it for queries),
    /// so not serialised: the embedded engine loads one small vector per phrasing fewer.
    #[serde(skip)]
    pub questions: Vec<(Vec<TermId>, f32)>,
    /// Terms of the phrasings and keywords, sorted.
    #[serde(with = "super::packed::u32s")]
    pub strong: Vec<TermId>,
    /// Terms found only in the answer text, sorted.
    #[serde(with = "super::packed::u32s")]
    pub weak: Vec<TermId>,
    /// Terms naming the cited documents, sorted: they count as mentioned, never as matched.
    #[serde(with = "super::packed::u32s")]
    pub cited: Vec<TermId>,
    /// Terms of the words describing the cited documents, sorted; only read to build
    /// [`Index::credit_postings`].
    #[serde(skip)]
    pub described: Vec<TermId>,
    /// Total weight of the strong terms.
    pub strong_weight: f32,
}

/// One word of an analysed question.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryTerm {
    /// The canonical term, or `None` for a word the knowledge base never uses.
    pub term: Option<TermId>,
    pub weight: f32,
    /// The word after typo correction (or as typed), for article-number detection and debugging.
    pub text: String,
    /// For a word the knowledge base never uses: whether it is an established word of the
    /// language (an ordinary verb or noun) rather than a rare one (a name, a term).
    pub common: bool,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Index {
    stopwords: StringSet,
    /// Every word form the knowledge base uses, with the stem and informativeness of those of
    /// its texts, computed once (the same few thousand words recur across 700 KB of text).
    surface: Vocabulary,
    /// Multi-word synonym phrases, as stem sequences, to the canonical key they stand for.
    phrases: Phrases,
    /// Single-word synonyms: stem to canonical key.
    synonym_of: StringMap,
    /// Synonym terms whose stem another group already claims: (term, kept group, its group).
    pub synonym_conflicts: Vec<(String, String, String)>,
    /// The canonical keys; a key's number is its term id.
    terms: StringSet,
    /// Per term: how informative it is in the general language (the most informative of the
    /// word forms that make it), in `[lexicon::MIN_INFORMATIVENESS, 1]`.
    #[serde(with = "super::packed::f32s")]
    term_info: Vec<f32>,
    #[serde(with = "super::packed::f32s")]
    weights: Vec<f32>,
    unknown_weight: f32,
    /// Chat filler and small-talk words ("pls", "hello", "спасибо") that the knowledge base does
    /// not use: dropped from a question that also asks something.
    filler: StringSet,
    pub records: Vec<RecordTerms>,
    /// Terms that name an entity (a country, a person).
    pub entities: HashSet<TermId>,
    /// Terms that name a city.
    pub places: HashSet<TermId>,
    /// Terms that ask for a kind of fact ("when", "who", "how many").
    pub question_words: HashSet<TermId>,
    /// For each term, the records with it among their strong terms.
    pub strong_postings: Postings,
    /// For each term, the records with it among their weak terms.
    pub weak_postings: Postings,
    /// For each term, the phrasings (global numbers) that contain it.
    pub question_postings: Postings,
    /// For each phrasing: its record and its total weight.
    pub question_owner: Vec<(u32, f32)>,
    /// For each topic term (neither an entity nor a question word): the records that cite a
    /// document it names or describes without using the term themselves. A question naming its
    /// source so ("in the draft analysis") earns them part of the term's weight.
    pub credit_postings: Postings,
}

/// Words shorter than this that the knowledge base does not know are ignored rather than
/// counted against every entry: they are mostly typos of short function words ("teh", "wat").
const MIN_UNKNOWN_WORD_CHARS: usize = 4;

/// Letters a Russian piece of a run-together word needs to count as a form of a knowledge-base
/// word by its stem alone.
const SPLIT_INFLECTED_MIN_CHARS: usize = 5;

/// Unknown words up to this length that the lexicon does not list either are mostly mangled
/// function words or slang ("wat", "plz", "скока"): they count for little.
const SHORT_UNKNOWN_WORD_CHARS: usize = 5;

/// Share of the unknown-word weight kept by a short unlisted word and by an English "-ly"
/// adverb ("roughly", "basically"): such words rarely name what the question is about.
const WEAK_UNKNOWN_FACTOR: f32 = 0.25;

/// Unstressed Russian vowels that sound alike, written one for the other by people who spell as
/// they hear ("саглашение", "вайна").
const SOUND_ALIKE_VOWELS: [(char, char); 3] = [('а', 'о'), ('е', 'и'), ('е', 'я')];

/// True when the two words differ only where one has a vowel and the other its sound-alike
/// (same length).
fn sound_alike_vowels(a: &str, b: &str) -> bool {
    a.chars()
        .zip(b.chars())
        .filter(|(x, y)| x != y)
        .all(|(x, y)| {
            SOUND_ALIKE_VOWELS
                .iter()
                .any(|&(p, q)| (x, y) == (p, q) || (x, y) == (q, p))
        })
}

/// The most common real word of the language that `word` becomes with one vowel written as its
/// sound-alike ("праходила" is "проходила"), when `word` is not listed itself: such a slip is
/// likelier than two words run together ("пра" + "ходила").
fn sound_alike_real_word(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let variants = chars.iter().enumerate().flat_map(|(i, &c)| {
        let chars = &chars;
        SOUND_ALIKE_VOWELS
            .iter()
            .filter_map(move |&(p, q)| match c {
                _ if c == p => Some(q),
                _ if c == q => Some(p),
                _ => None,
            })
            .map(move |other| {
                let mut variant = chars.clone();
                variant[i] = other;
                variant.into_iter().collect::<String>()
            })
    });
    most_common(variants, lexicon::REAL_WORD_ZIPF)
}

/// The real word `word` is with its "щ" written "сч", as it sounds ("щитает": "считает").
fn sch_as_heard(word: &str) -> Option<String> {
    if !word.contains('щ') {
        return None;
    }
    let written = word.replace('щ', "сч");
    (lexicon::zipf_or_zero(&written) >= lexicon::REAL_WORD_ZIPF).then_some(written)
}

/// True when a replacement as common as `zipf` may stand for a word as common as `word_zipf`
/// (0: not listed): see [`TYPO_FREQUENCY_GAIN`].
fn plausible_gain(zipf: f32, word_zipf: f32) -> bool {
    word_zipf == 0.0 || zipf - word_zipf >= TYPO_FREQUENCY_GAIN
}

/// A rare listed word is corrected only into a knowledge-base word at least this much more
/// common (in Zipf units, i.e. ten times): "lenght" (2.0) becomes "length" (4.8), but a rare
/// real word is not turned into a common one that merely looks like it.
const TYPO_FREQUENCY_GAIN: f32 = 1.0;

/// Most words of one question that typo correction searches the vocabulary for.
const MAX_CORRECTED_WORDS: usize = 24;

/// Both halves of a split must be at least this common (knowledge-base words count as this
/// common).
const SPLIT_MIN_ZIPF: f32 = 3.5;

/// After a one-letter preposition, a half under five letters must be at least this common.
const SPLIT_SHORT_REST_ZIPF: f32 = 3.6;

/// Words under three letters that people glue to the next word: prepositions and particles.
const SPLIT_SHORT_WORDS: &[&str] = &[
    "в", "с", "к", "у", "о", "во", "на", "по", "за", "из", "до", "от", "не", "об", "со", "of",
    "in", "to", "on", "at", "by", "is", "it", "as", "or", "do", "be", "we", "he", "my", "no", "so",
    "up", "an",
];

/// Endings that wordfreq lists as words (English ones from text split at hyphens and markup;
/// Russian "ешь" is "eat!") but that, right after a stem, are its ending: a split leaving one on
/// the right cuts an inflected word ("bossing" is not "boss" + "ing").
const SPLIT_ENDINGS: &[&str] = &[
    "ing", "ings", "ed", "er", "ers", "est", "ly", "ness", "ism", "ist", "ity", "ize", "ise",
    "tion", "ment", "ful",
    // A Russian verb's ending ("выручаешь" is not "выруча" + "ешь").
    "ешь", "ишь", "ёшь",
];

/// At most this many Latin spellings are tried for one Cyrillic word (each "х" doubles them).
const MAX_LATIN_SPELLINGS: usize = 8;

/// The Latin spellings of an all-Cyrillic word, letter by letter: "х" as both "h" and "kh"
/// ("сихм" is "sihm" or "sikhm"). Empty for any other word.
fn latin_spellings(word: &str) -> Vec<String> {
    let mut spellings = vec![String::new()];
    for c in word.chars() {
        let options: &[&str] = match c {
            'а' => &["a"],
            'б' => &["b"],
            'в' => &["v"],
            'г' => &["g"],
            'д' => &["d"],
            'е' | 'э' => &["e"],
            'ж' => &["zh"],
            'з' => &["z"],
            'и' => &["i"],
            'й' | 'ы' => &["y"],
            'к' => &["k"],
            'л' => &["l"],
            'м' => &["m"],
            'н' => &["n"],
            'о' => &["o"],
            'п' => &["p"],
            'р' => &["r"],
            'с' => &["s"],
            'т' => &["t"],
            'у' => &["u"],
            'ф' => &["f"],
            'х' => &["h", "kh"],
            'ц' => &["ts"],
            'ч' => &["ch"],
            'ш' => &["sh"],
            'щ' => &["shch"],
            'ъ' | 'ь' => &[""],
            'ю' => &["yu"],
            'я' => &["ya"],
            _ => return Vec::new(),
        };
        spellings = spellings
            .iter()
            .flat_map(|s| options.iter().map(move |o| format!("{s}{o}")))
            .take(MAX_LATIN_SPELLINGS)
            .collect();
    }
    spellings
}

/// Russian verb endings (past tense, infinitive, present tense). A preposition never stands
/// before a verb, so "доработали" is a prefixed verb, not "до" + "работали".
const RUSSIAN_VERB_ENDINGS: &[&str] = &[
    "ли", "ла", "ло", "ть", "лся", "лась", "лось", "лись", "ться", "ет", "ит", "ут", "ют", "ешь",
    "ишь",
];

/// Letters are counted in this many slots, by code point modulo the number: the letters of one
/// script never share a slot, and letters that do only make [`bag_distance`] smaller, which
/// keeps it a lower bound of the edit distance.
const LETTER_SLOTS: usize = 64;

/// How many letters of a word fall in each slot.
type LetterCounts = [i32; LETTER_SLOTS];

fn letter_counts(word: &str) -> LetterCounts {
    let mut counts = [0; LETTER_SLOTS];
    for c in word.chars() {
        counts[c as usize % LETTER_SLOTS] += 1;
    }
    counts
}

/// Between two corrections of `word` at the same distance, true when `candidate` is the better
/// one than `other`: one with the very letters typed, two of them swapped ("mnay" is "many", not
/// "may"); then one that only adds letters the typist left out ("wher" is "where", not "when":
/// dropped letters are the commonest typo); then the more common one in the language ("speek"
/// is "speak", not "seek"); then the first alphabetically, for a stable answer.
fn preferred_correction(word: &str, counts: &LetterCounts, candidate: &str, other: &str) -> bool {
    let len = word.chars().count();
    let (ac, aw) = (
        bag_distance(counts, len, candidate) == 0,
        bag_distance(counts, len, other) == 0,
    );
    let (sc, sw) = (is_subsequence(word, candidate), is_subsequence(word, other));
    let (zc, zw) = (
        lexicon::zipf_or_zero(candidate),
        lexicon::zipf_or_zero(other),
    );
    let by_letters = (sc && !sw) || (sc == sw && (zc > zw || (zc == zw && candidate < other)));
    (ac && !aw) || (ac == aw && by_letters)
}

/// The bag distance between a word (its [`letter_counts`] and its number of letters) and a
/// candidate: the larger of the numbers of letters each has that the other lacks, counted with
/// repeats. It is never more than the edit distance (with or without transpositions), so it
/// can rule candidates out. Counting letters instead of sorting them: this runs for every
/// candidate of every corrected word.
fn bag_distance(word: &LetterCounts, word_letters: usize, candidate: &str) -> usize {
    let mut difference = *word;
    // The candidate's surplus is counted as its letters are taken away; the word's surplus
    // follows from the lengths (the two differ by the difference in length), so the slots
    // need not be read again.
    let (mut only_candidate, mut letters) = (0, 0);
    for c in candidate.chars() {
        let slot = &mut difference[c as usize % LETTER_SLOTS];
        *slot -= 1;
        only_candidate += i32::from(*slot < 0);
        letters += 1;
    }
    let only_word = only_candidate + word_letters as i32 - letters;
    only_word.max(only_candidate) as usize
}

/// The canonical keys of a text ([`Index::analyse`]).
pub struct Keys(Vec<CanonicalKey>);

impl Keys {
    /// The keys as strings, in order (stop words dropped, a phrase one key).
    pub fn strings(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|k| &k.key)
    }
}

/// One key of a text: the canonical term, how informative the word is in the language, and the
/// word as written (a stem such as "скок" can be a listed word when the written "скока" is not).
struct CanonicalKey {
    key: String,
    info: f32,
    surface: String,
}

/// How much of the unknown-word weight a word the knowledge base never uses keeps: its
/// informativeness in the language, less for short unlisted words and "-ly" adverbs. Numbers
/// keep all of it.
fn unknown_word_factor(word: &str, info: f32, number: bool) -> f32 {
    if number {
        return 1.0;
    }
    let zipf = lexicon::zipf(word);
    let listed = zipf.is_some();
    let short = word.chars().count() <= SHORT_UNKNOWN_WORD_CHARS;
    // wordfreq lists frequent misspellings and chat spellings of short words too ("frist",
    // "doin", "livin"): below a real word's frequency they weigh like unlisted ones.
    let misspelt = zipf.is_none_or(|z| z < lexicon::REAL_WORD_ZIPF);
    if (misspelt && short) || (listed && word.ends_with("ly") && word.is_ascii()) {
        return WEAK_UNKNOWN_FACTOR;
    }
    if listed && is_verb_form(word) {
        return info * UNKNOWN_VERB_FACTOR;
    }
    info
}

/// The common word (a real word of the lexicon) that `word`, not one itself, becomes with two
/// neighbouring letters swapped; the most common when several do.
fn swapped_common_word(word: &str) -> Option<String> {
    most_common(
        adjacent_swaps(word, SWAP_MIN_CHARS - 1),
        lexicon::REAL_WORD_ZIPF,
    )
}

/// The words `word` becomes with two different neighbouring letters swapped; none when it has
/// fewer than `min_chars` letters.
fn adjacent_swaps(word: &str, min_chars: usize) -> impl Iterator<Item = String> {
    let chars: Vec<char> = word.chars().collect();
    let swaps = if chars.len() < min_chars {
        0
    } else {
        chars.len() - 1
    };
    let differ: Vec<usize> = (0..swaps).filter(|&i| chars[i] != chars[i + 1]).collect();
    differ.into_iter().map(move |i| {
        let mut swapped = chars.clone();
        swapped.swap(i, i + 1);
        swapped.into_iter().collect()
    })
}

/// The most common of `words` in the lexicon, when it is at least `min_zipf` common.
fn most_common(words: impl Iterator<Item = String>, min_zipf: lexicon::Zipf) -> Option<String> {
    words
        .map(|w| (lexicon::zipf_or_zero(&w), w))
        .filter(|(zipf, _)| *zipf >= min_zipf)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, w)| w)
}

/// The fewest letters of a real word read as another with two letters swapped
/// ([`Index::swapped_known_word`]).
const SWAP_MIN_CHARS: usize = 5;

/// How much more common (in Zipf units: a thousand times) a short word's twin must be for the
/// word to be read as a typo of it.
const TWIN_FREQUENCY_GAIN: f32 = 3.0;

/// The far more common word a short word mistypes by two swapped letters or a letter typed
/// once instead of twice ("teh" for "the", "wil" for "will"). wordfreq lists such typos of the
/// commonest words as words in their own right, and typo correction leaves three-letter words
/// alone, so they would weigh as much as a rare topic word.
fn common_twin(word: &str, zipf: lexicon::Zipf) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    // Only a listed word that typo correction would leave alone: a real word, or one too short
    // to correct ("abot" and "саит" are corrected into "about" and "сайт" instead).
    let left_alone = zipf >= lexicon::REAL_WORD_ZIPF || chars.len() == 3;
    if chars.len() < 3 || zipf == 0.0 || !left_alone {
        return None;
    }
    if chars.len() > 4 {
        // A slip common enough to be listed is still rare: commoner words are not searched.
        return (zipf < SLIP_MAX_ZIPF)
            .then(|| commonest_twin(with_a_letter_doubled(&chars), zipf, DOUBLED_TWIN_GAIN))
            .flatten();
    }
    let swapped = (0..chars.len() - 1).map(|i| {
        let mut c = chars.clone();
        c.swap(i, i + 1);
        c
    });
    commonest_twin(
        swapped.chain(with_a_letter_doubled(&chars)),
        zipf,
        TWIN_FREQUENCY_GAIN,
    )
}

/// The word's letters with one of them typed twice, for each letter in turn.
fn with_a_letter_doubled(chars: &[char]) -> impl Iterator<Item = Vec<char>> + '_ {
    (0..chars.len()).map(move |i| {
        let mut c = chars.to_vec();
        c.insert(i, chars[i]);
        c
    })
}

/// The commonest of `twins` that is at least `gain` Zipf units more common than the word
/// (`zipf`).
fn commonest_twin(
    twins: impl Iterator<Item = Vec<char>>,
    zipf: lexicon::Zipf,
    gain: f32,
) -> Option<String> {
    twins
        .map(|c| c.into_iter().collect::<String>())
        .map(|twin| (lexicon::zipf_or_zero(&twin), twin))
        .filter(|(twin_zipf, _)| *twin_zipf - zipf >= gain)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, twin)| twin)
}

/// How much more common a longer word's twin with a letter doubled must be ("вобще", 3.2, is
/// "вообще", 5.6): a doubled letter typed once is a slip that wordfreq lists as a word of its
/// own when it is common enough.
const DOUBLED_TWIN_GAIN: f32 = 2.0;

/// Listed words at least this common are not searched for a doubled twin (see [`common_twin`]).
const SLIP_MAX_ZIPF: lexicon::Zipf = 4.0;

/// Share of the unknown-word weight kept by a verb form the knowledge base never uses. Measured
/// 2026-12-01 over dev-chat, blind-chat-a..f and set S: for Russian verbs 0.7, 0.5 and 0.3 each
/// answered one more question and lost nothing; English "-ed"/"-ing" forms then one more (sets
/// S and T added), no decline lost.
const UNKNOWN_VERB_FACTOR: f32 = 0.5;

/// Russian infinitive, past-tense and common present-tense endings: a verb the knowledge base
/// never uses says what is done ("позвать", "дружат", "обернулось"), rarely what the question is
/// about.
const RUSSIAN_VERB_FORM_ENDINGS: &[&str] = &[
    "ать", "ять", "ить", "еть", "уть", "зть", "ться", "ал", "ала", "али", "ало", "ял", "яла",
    "яли", "ил", "ила", "или", "ел", "ела", "ели", "ает", "яет", "ует", "ают", "яют", "уют",
    "ется", "ются", "ится", "атся", "ятся", "нул", "нула", "нуло", "нули", "лся", "лась", "лось",
    "лись", "шло", "шла", "шли", "шел",
];

/// True for a Cyrillic word with a verb ending (nouns such as "совет" or "визит" end otherwise),
/// or an English "-ed" or "-ing" form of six letters or more ("happened", "getting").
pub(super) fn is_verb_form(word: &str) -> bool {
    if word.is_ascii() {
        return word.len() >= 6 && (word.ends_with("ed") || word.ends_with("ing"));
    }
    RUSSIAN_VERB_FORM_ENDINGS.iter().any(|e| word.ends_with(e))
}

impl Index {
    /// Builds the index over the records' texts, with the synonym groups and stop words.
    /// `cue_words` (the timeline's cues, "первее", "старше") are kept as typed, not corrected
    /// into a knowledge-base word that looks like them.
    pub fn build(
        records: &[RecordText<'_>],
        synonym_groups: &[GroupText],
        stopwords: &[String],
        filler: &[String],
        cue_words: &[&str],
    ) -> Self {
        let mut index = Index::empty(stopwords);
        let (entity_keys, question_word_keys, place_keys) =
            index.add_synonym_groups(synonym_groups);
        for word in stopwords
            .iter()
            .map(String::as_str)
            .chain(cue_words.iter().copied())
        {
            index.add_surface(word);
        }
        let document_frequency = index.add_records(records);
        index.weigh_and_post(&document_frequency, records.len());
        index.mark_special_terms(entity_keys, question_word_keys, place_keys);
        index.post_credit();
        index.filler = filler
            .iter()
            .flat_map(|f| tokenize(f))
            .filter(|w| !index.terms.contains(&index.key_of(w)))
            .collect();
        index.surface.finish();
        index
    }

    /// An index with only its stop words.
    fn empty(stopwords: &[String]) -> Self {
        Index {
            stopwords: stopwords
                .iter()
                .flat_map(|s| tokenize(s))
                .flat_map(|w| [stem(&w), w])
                .collect(),
            entities: HashSet::default(),
            places: HashSet::default(),
            question_words: HashSet::default(),
            surface: Vocabulary::default(),
            phrases: Phrases::default(),
            synonym_of: StringMap::default(),
            synonym_conflicts: Vec::new(),
            terms: StringSet::default(),
            term_info: Vec::new(),
            weights: Vec::new(),
            unknown_weight: 1.0,
            filler: StringSet::default(),
            records: Vec::new(),
            strong_postings: Postings::default(),
            weak_postings: Postings::default(),
            question_postings: Postings::default(),
            question_owner: Vec::new(),
            credit_postings: Postings::default(),
        }
    }

    /// Registers the synonym groups (one-word terms as synonyms, longer ones as phrases) and
    /// returns the canonical keys of entity groups, of question-word groups and of places.
    fn add_synonym_groups(
        &mut self,
        synonym_groups: &[GroupText],
    ) -> (Vec<String>, Vec<String>, Vec<String>) {
        let mut entity_keys = Vec::new();
        let mut question_word_keys = Vec::new();
        let mut place_keys = Vec::new();
        let mut phrases = Vec::new();
        for GroupText {
            terms: group,
            entity,
            question_word,
            place,
        } in synonym_groups
        {
            let analysed: Vec<Vec<String>> = group
                .iter()
                .map(|t| tokenize(t).iter().map(|w| stem(w)).collect())
                .collect();
            let Some(canonical) = analysed.iter().find(|a| !a.is_empty()).map(|a| a.join("_"))
            else {
                continue;
            };
            if *question_word {
                question_word_keys.push(canonical.clone());
            }
            if *entity {
                entity_keys.push(canonical.clone());
            }
            if *place {
                place_keys.push(canonical.clone());
            }
            for (term, stems) in group.iter().zip(&analysed) {
                self.add_surface(term);
                match stems.len() {
                    0 => {}
                    1 => self.add_synonym(term, &stems[0], &canonical),
                    _ => phrases.push((stems.clone(), canonical.clone())),
                }
            }
        }
        self.phrases = Phrases::new(phrases);
        (entity_keys, question_word_keys, place_keys)
    }

    /// The first group that claims a stem keeps it ("signs" of "border signs" stems like
    /// "signed"); a later claim is recorded in `synonym_conflicts`, which a test keeps empty.
    fn add_synonym(&mut self, term: &str, stem: &str, canonical: &str) {
        match self.synonym_of.get(stem) {
            Some(existing) if existing != canonical => self.synonym_conflicts.push((
                term.to_owned(),
                existing.to_owned(),
                canonical.to_owned(),
            )),
            Some(_) => {}
            None => self.synonym_of.insert(stem, canonical),
        }
    }

    /// Interns every record's phrasings, keywords, answer text and cited sources; returns each
    /// term's document frequency (phrasings, keywords and answers count; sources do not).
    fn add_records(&mut self, records: &[RecordText<'_>]) -> Vec<u32> {
        let mut document_frequency: Vec<u32> = Vec::new();
        for record in records {
            let mut terms = RecordTerms::default();
            let mut strong = Vec::new();
            for question in &record.questions {
                let mut ids = self.intern_all(question);
                ids.sort_unstable();
                ids.dedup();
                strong.extend(&ids);
                terms.questions.push((ids, 0.0));
            }
            for keyword in &record.keywords {
                strong.extend(self.intern_all(keyword));
            }
            strong.sort_unstable();
            strong.dedup();
            let mut weak = self.interned_set(&record.answer);
            weak.retain(|t| strong.binary_search(t).is_err());
            terms.cited = self.interned_set(&record.sources);
            terms.described = self.interned_set(&record.described);
            terms.strong = strong;
            terms.weak = weak;
            document_frequency.resize(self.terms.len(), 0);
            for &t in terms.strong.iter().chain(&terms.weak) {
                document_frequency[t as usize] += 1;
            }
            self.records.push(terms);
        }
        document_frequency.resize(self.terms.len(), 0);
        document_frequency
    }

    /// The sorted, deduplicated terms of some texts.
    fn interned_set(&mut self, texts: &[&str]) -> Vec<TermId> {
        let mut ids: Vec<TermId> = texts.iter().flat_map(|t| self.intern_all(t)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Term weights from document frequencies, and the postings of records and phrasings.
    fn weigh_and_post(&mut self, document_frequency: &[u32], records: usize) {
        let n = records.max(1) as f32;
        // Rarity in the knowledge base times informativeness in the language: "days" is rare in
        // the documents but says little, "treaty" is common in them but is the topic.
        self.weights = document_frequency
            .iter()
            .zip(&self.term_info)
            .map(|(&df, &info)| (1.0 + n / df.max(1) as f32).ln() * info)
            .collect();
        // A word the knowledge base never uses is as telling as the rarest word it does use:
        // it usually means the question is about something else.
        self.unknown_weight = (1.0 + n).ln();
        let mut strong_postings = vec![Vec::new(); self.terms.len()];
        let mut weak_postings = vec![Vec::new(); self.terms.len()];
        let mut question_postings = vec![Vec::new(); self.terms.len()];
        for (r, terms) in self.records.iter_mut().enumerate() {
            for &t in &terms.strong {
                strong_postings[t as usize].push(r as u32);
            }
            for &t in &terms.weak {
                weak_postings[t as usize].push(r as u32);
            }
            terms.strong_weight = terms.strong.iter().map(|&t| self.weights[t as usize]).sum();
            let mut posted: Vec<&[TermId]> = Vec::new();
            for (ids, weight) in terms.questions.iter_mut() {
                *weight = ids.iter().map(|&t| self.weights[t as usize]).sum();
                // Phrasings of one record with the same terms ("when was it signed", "when did
                // they sign it") have the same share of any question: one is posted.
                if posted.contains(&ids.as_slice()) {
                    continue;
                }
                posted.push(ids);
                let number = self.question_owner.len() as u32;
                self.question_owner.push((r as u32, *weight));
                for &t in ids.iter() {
                    question_postings[t as usize].push(number);
                }
            }
        }
        self.strong_postings = Postings::from_lists(&strong_postings);
        self.weak_postings = Postings::from_lists(&weak_postings);
        self.question_postings = Postings::from_lists(&question_postings);
    }

    /// Fills [`Index::credit_postings`] from the records' cited and describing terms.
    fn post_credit(&mut self) {
        let mut credit_postings = vec![Vec::new(); self.terms.len()];
        for (r, terms) in self.records.iter().enumerate() {
            let mut naming: Vec<TermId> = terms
                .cited
                .iter()
                .chain(&terms.described)
                .copied()
                .collect();
            naming.sort_unstable();
            naming.dedup();
            for t in naming {
                let special = self.entities.contains(&t) || self.question_words.contains(&t);
                let used =
                    terms.strong.binary_search(&t).is_ok() || terms.weak.binary_search(&t).is_ok();
                if !special && !used {
                    credit_postings[t as usize].push(r as u32);
                }
            }
        }
        self.credit_postings = Postings::from_lists(&credit_postings);
    }

    /// The term ids of entities (years included), of question words and of places.
    fn mark_special_terms(
        &mut self,
        mut entity_keys: Vec<String>,
        question_word_keys: Vec<String>,
        place_keys: Vec<String>,
    ) {
        let ids = |keys: &[String]| keys.iter().filter_map(|k| self.terms.id(k)).collect();
        self.question_words = ids(&question_word_keys);
        self.places = ids(&place_keys);
        // Years are names too: a question about 2024 is not answered by an entry that never
        // mentions 2024.
        entity_keys.extend(
            self.terms
                .iter()
                .filter(|(_, k)| is_year(k))
                .map(|(_, k)| k.to_owned()),
        );
        self.entities = ids(&entity_keys);
    }

    fn add_surface(&mut self, text: &str) {
        for word in tokenize(text) {
            self.add_surface_word(&word);
        }
    }

    fn add_surface_word(&mut self, word: &str) {
        self.surface.insert(word);
    }

    /// The canonical keys of a text, in order, each with how informative its words are in the
    /// language; without typo correction (used for the knowledge base itself, which is spelt
    /// correctly, and for questions after correction).
    fn canonical_keys(&self, words: &[String]) -> Vec<CanonicalKey> {
        let read: Vec<(Cow<'_, str>, Option<f32>)> = words.iter().map(|w| self.read(w)).collect();
        let mut keys = Vec::with_capacity(words.len());
        let mut i = 0;
        'outer: while i < read.len() {
            let stem = read[i].0.as_ref();
            let rest = &read[i..];
            if let Some((len, canonical)) = self.phrases.longest_at(rest.iter().map(|r| &*r.0)) {
                // A phrase ("head of state", "how many") is as specific as a rare word.
                keys.push(CanonicalKey {
                    key: canonical.to_owned(),
                    info: 1.0,
                    surface: canonical.to_owned(),
                });
                i += len;
                continue 'outer;
            }
            // The stop-word set holds every stop word's stem, so one look-up by stem suffices.
            if !self.stopwords.contains(stem) {
                let key = match self.synonym_of.get(stem) {
                    Some(canonical) => canonical.to_owned(),
                    None => stem.to_owned(),
                };
                let info = read[i].1;
                keys.push(CanonicalKey {
                    key,
                    info: info.unwrap_or_else(|| lexicon::informativeness(&words[i])),
                    surface: words[i].clone(),
                });
            }
            i += 1;
        }
        keys
    }

    /// The stem of a word: from the build-time memo when the knowledge base uses the word (the
    /// same few thousand words recur across 700 KB of text), else computed.
    fn stem_of(&self, word: &str) -> String {
        match self.surface.memo(word) {
            Some((stem, _)) => stem.to_owned(),
            None => stem(word),
        }
    }

    /// A word's stem and, when the knowledge base uses it, its informativeness, with one memo
    /// look-up and without copying a memoised stem.
    fn read(&self, word: &str) -> (Cow<'_, str>, Option<f32>) {
        match self.surface.memo(word) {
            Some((stem, info)) => (Cow::Borrowed(stem), Some(info)),
            None => (Cow::Owned(stem(word)), None),
        }
    }

    /// The term ids of a knowledge-base text; its words join the typo-correction vocabulary.
    fn intern_all(&mut self, text: &str) -> Vec<TermId> {
        let words = tokenize(text);
        for word in &words {
            if self.surface.memo(word).is_none() {
                self.surface
                    .memoise(word, &stem(word), lexicon::informativeness(word));
            }
        }
        self.canonical_keys(&words)
            .into_iter()
            .map(|CanonicalKey { key, info, .. }| {
                let next = self.terms.len() as TermId;
                let id = self.terms.insert(&key);
                if id == next {
                    self.term_info.push(info);
                } else {
                    let slot = &mut self.term_info[id as usize];
                    *slot = slot.max(info);
                }
                id
            })
            .collect()
    }

    /// The closest word the knowledge base uses within `max` edits (and the typo distance for the
    /// word's length), with its distance; ties go to the word listed first (alphabetical).
    fn closest(&self, word: &str, max: usize) -> Option<(usize, &str)> {
        let len = word.chars().count();
        let max = max.min(max_typo_distance(len));
        if max == 0 || word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let mut chars = word.chars();
        let first = chars.next().unwrap_or(' ');
        let second = chars.next().unwrap_or(' ');
        let counts = letter_counts(word);
        let mask = letter_mask(word);
        let last = word.chars().next_back();
        let mut best: Option<(usize, &str)> = None;
        for candidate_len in len.saturating_sub(max)..=len + max {
            // Typos rarely hit the first two letters at once: only words sharing the first or the
            // second letter are compared, a few dozen instead of thousands.
            let same_first = self.surface.with_first(candidate_len, first);
            // A word whose first letter is the typo still has its second and last letters right.
            // (Letters compared as chars: `starts_with(char)` compared encoded bytes, a call
            // per candidate.)
            let same_second = self
                .surface
                .with_second(candidate_len, second)
                .filter(|(_, c)| {
                    c.chars().next().is_none_or(|f| f != first) && c.chars().next_back() == last
                });
            for (letters, candidate) in same_first.chain(same_second) {
                // The letters the two words do not share bound the edit distance from below:
                // most candidates are ruled out without computing it, many by their letter
                // sets alone (a lower bound of the bag distance), without counting letters.
                let bound = best.map_or(max, |(d, _)| d.min(max));
                let missing = (mask & !letters)
                    .count_ones()
                    .max((letters & !mask).count_ones());
                if missing as usize > bound || bag_distance(&counts, len, candidate) > bound {
                    continue;
                }
                let distance = edit_distance(word, candidate);
                // Two edits plus a different first letter is another word ("geographic" is not
                // "demographic"), not a typo.
                if distance > 1 && !candidate.starts_with(first) {
                    continue;
                }
                // In a short word a changed letter near the start makes another word ("скока" is
                // not "срока"); only letters added or dropped there are typos ("wich").
                // Russian unstressed vowels written as they sound are the exception ("вайны" is
                // "войны").
                if len <= SHORT_UNKNOWN_WORD_CHARS
                    && candidate_len == len
                    && !candidate.chars().take(2).eq(word.chars().take(2))
                    && !(distance == 1 && sound_alike_vowels(word, candidate))
                {
                    continue;
                }
                let better = best.is_none_or(|(d, w)| {
                    distance < d
                        || (distance == d && preferred_correction(word, &counts, candidate, w))
                });
                if distance <= max && better {
                    best = Some((distance, candidate));
                }
            }
        }
        best
    }

    /// What a word of a question becomes before matching: kept, corrected into a word of the
    /// knowledge base, or split into two words ("howmany", "вкаком").
    ///
    /// The typo guard: a real word of the language (common enough in the lexicon) is never
    /// "corrected" into a knowledge-base word ("match" is not "march", "water" not "later"),
    /// and a rare listed form is corrected only into a word much more common than itself
    /// (wordfreq lists frequent misspellings such as "lenght").
    pub fn fix_word(&self, word: &str) -> Vec<String> {
        if self.surface.contains(word) || word.chars().any(|c| c.is_ascii_digit()) {
            return vec![word.to_owned()];
        }
        let zipf = lexicon::zipf_or_zero(word);
        if let Some(twin) = common_twin(word, zipf) {
            return vec![twin];
        }
        if zipf >= lexicon::REAL_WORD_ZIPF {
            return vec![self
                .swapped_known_word(word, zipf)
                .unwrap_or_else(|| word.to_owned())];
        }
        if lexicon::is_form_of_real_word(word) {
            return vec![word.to_owned()];
        }
        // "СИХМ" for "SIHM": a Latin name or abbreviation of the documents typed in Cyrillic.
        if let Some(latin) = latin_spellings(word)
            .into_iter()
            .find(|l| self.surface.contains(l))
        {
            return vec![latin];
        }
        // "chairing" where the documents say "chair", "chaired": a form of a word they use
        // (the same stem) is that word, not a typo of another ("changing"). English only: the
        // Russian stemmer cuts deeper, and a typo often keeps another word's stem ("гаду").
        if word.is_ascii() && self.terms.contains(&self.key_of(word)) {
            return vec![word.to_owned()];
        }
        let plausible = |candidate: &str| plausible_gain(lexicon::zipf_or_zero(candidate), zipf);
        // One search up to the word's typo distance: one edit beats splitting, splitting beats
        // two edits.
        let closest = self.closest(word, usize::MAX).filter(|(_, c)| plausible(c));
        // A letter left out of a word of the knowledge base is the commonest slip ("truks");
        // next, in English, two letters swapped in a common word, even one the knowledge base
        // does not use ("peice" is "piece", not "peace"). Not in Russian, where a letter typed
        // for its neighbour is as common ("саит" is "сайт", not "сати").
        let dropped = closest.is_some_and(|(d, c)| d == 1 && is_subsequence(word, c));
        if !dropped && word.is_ascii() {
            if let Some(twin) = swapped_common_word(word) {
                return vec![twin];
            }
        }
        // "Щитает" is "считает" spelt as it sounds, not "читает" one letter away.
        if let Some(real) = (zipf == 0.0).then(|| sch_as_heard(word)).flatten() {
            return vec![real];
        }
        if let Some((1, candidate)) = closest {
            return vec![candidate.to_owned()];
        }
        if zipf == 0.0 && !word.is_ascii() {
            if let Some(real) = sound_alike_real_word(word) {
                return vec![real];
            }
        }
        // A rare listed word ("melons", 2.9) is split only into halves much more common than
        // itself, like a correction: "mel" + "ons" are not.
        if let Some((left, right)) = self
            .split(word)
            .filter(|(score, _, _)| plausible_gain(*score, zipf))
            .map(|(_, left, right)| (left, right))
        {
            return vec![left, right];
        }
        match closest {
            Some((_, candidate)) => vec![candidate.to_owned()],
            // "the soyuz dogovor": a Russian word of the knowledge base typed in Latin letters
            // in an English question (a question mostly in such words is read back whole
            // before). Only when no English word is near: "jurnal" is "journal".
            None => match script::russian_word(word).filter(|r| self.surface.contains(r)) {
                Some(russian) => vec![russian],
                None => vec![word.to_owned()],
            },
        }
    }

    /// The word of the knowledge base a real word becomes with two neighbouring letters
    /// swapped, when that word is more common in the language ("border sings" is "border
    /// signs"): swapped letters are the commonest slip, and the commoner reading is the likelier.
    /// Not in short words, where a swap makes too many other words ("form", "from").
    fn swapped_known_word(&self, word: &str, zipf: lexicon::Zipf) -> Option<String> {
        let known = adjacent_swaps(word, SWAP_MIN_CHARS)
            .filter(|twin| self.surface.contains(twin) && self.terms.contains(&self.key_of(twin)));
        most_common(known, zipf).filter(|twin| lexicon::zipf_or_zero(twin) > zipf)
    }

    /// Splits a run-together word into two known words, when both halves are words of the
    /// knowledge base or common words of the language; the split whose rarer half is the most
    /// common wins ("howmany" is "how many", "вкаком" is "в каком").
    fn split(&self, word: &str) -> Option<(f32, String, String)> {
        let known = |part: &str| -> f32 {
            let zipf = lexicon::zipf_or_zero(part);
            let chars = part.chars().count();
            if chars < 3 {
                // Only short function words stand alone ("в", "на", "of"); other one- and
                // two-letter pieces are abbreviations that would split any typo ("ск" + "ока").
                return if SPLIT_SHORT_WORDS.contains(&part) {
                    zipf
                } else {
                    0.0
                };
            }
            // A Russian form of a knowledge-base word that neither lists ("к" + "сноскам").
            let inflected = !part.is_ascii()
                && chars >= SPLIT_INFLECTED_MIN_CHARS
                && self.terms.contains(&self.key_of(part));
            if self.surface.contains(part) || inflected {
                zipf.max(SPLIT_MIN_ZIPF)
            } else {
                zipf
            }
        };
        let mut best: Option<(f32, usize)> = None;
        for (cut, _) in word.char_indices().skip(1) {
            let (left, right) = word.split_at(cut);
            let prefixed_verb = left.chars().count() < 3
                && !left.is_ascii()
                && RUSSIAN_VERB_ENDINGS.iter().any(|e| right.ends_with(e));
            // A one-letter preposition glued to a short word: the word must be clearly more
            // common than the bare minimum, or the whole is more likely a colloquial word of its
            // own ("скока" is not "с" + "кока", zipf 3.5; "вчьих" is "в" + "чьих", zipf 3.7).
            let short_rest = left.chars().count() == 1
                && right.chars().count() < 5
                && lexicon::zipf_or_zero(right) < SPLIT_SHORT_REST_ZIPF;
            // A preposition never ends a word: "казахскому" is not "казахском" + "у".
            let trailing_letter = right.chars().count() == 1;
            if prefixed_verb || short_rest || trailing_letter || SPLIT_ENDINGS.contains(&right) {
                continue;
            }
            let score = known(left).min(known(right));
            if score >= SPLIT_MIN_ZIPF && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, cut));
            }
        }
        best.map(|(score, cut)| (score, word[..cut].to_owned(), word[cut..].to_owned()))
    }

    /// The words of a question after typo correction and splitting, in order (stop words
    /// included).
    pub fn fixed_words(&self, words: Vec<String>) -> Vec<String> {
        // Correcting a word costs a vocabulary search: a question full of unknown words (a
        // crafted one) gets only its first few corrected, which bounds its time.
        let mut searches = 0;
        let mut fixed = Vec::with_capacity(words.len());
        for w in words {
            if self.surface.contains(&w) || searches >= MAX_CORRECTED_WORDS {
                fixed.push(w);
            } else {
                searches += 1;
                fixed.extend(self.fix_word(&w));
            }
        }
        fixed
    }

    /// The weighted terms of a question's (fixed) words: phrases and synonyms, stop words and
    /// chat filler dropped, repeated terms once.
    pub fn terms_of(&self, words: &[String]) -> Vec<QueryTerm> {
        self.terms_of_keys(self.analyse(words))
    }

    /// The canonical keys of a question's (fixed) words, for [`Index::terms_of_keys`] and the
    /// steps that read keys before it: computed once.
    pub fn analyse(&self, words: &[String]) -> Keys {
        Keys(self.canonical_keys(words))
    }

    /// [`Index::terms_of`] from keys already computed.
    pub fn terms_of_keys(&self, keys: Keys) -> Vec<QueryTerm> {
        let mut seen = HashSet::default();
        let mut out = Vec::new();
        // Filler goes after phrases are read: "of" in "heads of state" is filler on its own.
        for CanonicalKey { key, info, surface } in keys.0 {
            if self.filler.contains(&surface) || !seen.insert(key.clone()) {
                continue;
            }
            if let Some(id) = self.terms.id(&key) {
                out.push(QueryTerm {
                    term: Some(id),
                    weight: self.weights[id as usize],
                    text: key,
                    common: false,
                });
                continue;
            }
            let chars = key.chars().count();
            let number = key.chars().all(|c| c.is_ascii_digit());
            // Short words count only when they are real words ("oil", "gdp"); otherwise they
            // are mostly typos of short function words ("teh", "wat"). One or two letters
            // ("n", "q") are abbreviations, never a topic.
            let tiny = chars <= 2 && !number;
            if tiny || (chars < MIN_UNKNOWN_WORD_CHARS && !number && !lexicon::is_real_word(&key)) {
                continue;
            }
            out.push(QueryTerm {
                term: None,
                weight: self.unknown_weight * unknown_word_factor(&surface, info, number),
                text: key,
                common: lexicon::zipf(&surface).is_some(),
            });
        }
        out
    }

    /// The canonical keys of some words (stop words dropped), for matching names of events.
    pub fn keys(&self, words: &[String]) -> Vec<String> {
        self.canonical_keys(words)
            .into_iter()
            .map(|k| k.key)
            .collect()
    }

    /// The weight a canonical key carries in a question.
    pub fn weight_of_key(&self, key: &str) -> f32 {
        match self.terms.id(key) {
            Some(id) => self.weights[id as usize],
            None => self.unknown_weight * unknown_word_factor(key, 1.0, false),
        }
    }

    /// How many records have the term among their strong or weak terms.
    pub fn records_with(&self, id: TermId) -> usize {
        self.strong_postings[id as usize].len() + self.weak_postings[id as usize].len()
    }

    /// The term id of a canonical key.
    pub fn term_of_key(&self, key: &str) -> Option<TermId> {
        self.terms.id(key)
    }

    /// The canonical key a single word maps to (after stemming and synonyms).
    pub fn key_of(&self, word: &str) -> String {
        let s = self.stem_of(word);
        match self.synonym_of.get(&s) {
            Some(canonical) => canonical.to_owned(),
            None => s,
        }
    }

    /// True when `word` maps to the canonical key `key` ([`Index::key_of`] without building the
    /// key: asked of every word of a question, for the word for article).
    pub fn has_key(&self, word: &str, key: &str) -> bool {
        let (stem, _) = self.read(word);
        match self.synonym_of.get(stem.as_ref()) {
            Some(canonical) => canonical == key,
            None => stem == key,
        }
    }

    /// The stems whose canonical key is `key` (its own stem and its synonyms' single words),
    /// for [`Index::has_key`]'s callers to rule a word out without stemming it.
    pub fn stems_of_key(&self, key: &str) -> Vec<String> {
        std::iter::once(key)
            .chain(
                self.synonym_of
                    .iter()
                    .filter(|(_, canonical)| *canonical == key)
                    .map(|(stem, _)| stem),
            )
            .map(str::to_owned)
            .collect()
    }

    /// True for a stop word ("in", "about", "в").
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }

    /// True for a word (as typed, normalised) that the knowledge base uses.
    pub fn knows(&self, word: &str) -> bool {
        self.surface.contains(word)
    }

    pub fn vocabulary_size(&self) -> usize {
        self.surface.len()
    }
}

/// True when every letter of `typed` occurs in `word` in order ("wher" in "where").
fn is_subsequence(typed: &str, word: &str) -> bool {
    let mut letters = word.chars();
    typed.chars().all(|c| letters.any(|w| w == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_bag_distance_never_exceeds_the_edit_distance() {
        for (a, b) in [
            ("lenght", "length"),
            ("bordr", "border"),
            ("uzbekstan", "uzbekistan"),
            ("скока", "срока"),
            ("treaty", "tretay"),
            ("march", "match"),
        ] {
            let bag = bag_distance(&letter_counts(a), a.chars().count(), b);
            assert!(bag <= edit_distance(a, b), "{a} {b}: {bag}");
        }
        assert_eq!(bag_distance(&letter_counts("treaty"), 6, "tretay"), 0);
        assert_eq!(bag_distance(&letter_counts("abc"), 3, "xyz"), 3);
        assert_eq!(bag_distance(&letter_counts("border"), 6, "borders"), 1);
        assert_eq!(bag_distance(&letter_counts("border"), 6, "order"), 1);
        // The letter sets' difference never exceeds the bag distance.
        for (a, b) in [
            ("скока", "срока"),
            ("lenght", "length"),
            ("договр", "договор"),
            ("ab", "xyz"),
        ] {
            let (ma, mb) = (letter_mask(a), letter_mask(b));
            let missing = (ma & !mb).count_ones().max((mb & !ma).count_ones()) as usize;
            assert!(
                missing <= bag_distance(&letter_counts(a), a.chars().count(), b),
                "{a} {b}"
            );
        }
    }

    #[test]
    fn a_listed_slip_with_a_letter_typed_once_is_its_far_commoner_twin() {
        let twin = |w: &str| common_twin(w, lexicon::zipf_or_zero(w));
        assert_eq!(twin("вобще").as_deref(), Some("вообще"));
        // A real word whose doubled forms are rarer, or not words, stays itself.
        assert_eq!(twin("границы"), None);
        assert_eq!(twin("treaty"), None);
    }

    #[test]
    fn a_sound_alike_vowel_reads_a_real_word_before_splitting() {
        assert_eq!(
            sound_alike_real_word("праходила").as_deref(),
            Some("проходила")
        );
        assert_eq!(sound_alike_real_word("вкаком"), None);
        assert_eq!(sound_alike_real_word("xqzzvw"), None);
    }

    #[test]
    fn typo_guard_and_splitting_on_a_small_index() {
        let texts = [RecordText {
            questions: vec!["How long is the border?", "How many signs?"],
            keywords: vec!["demarcation"],
            answer: vec!["The border is long."],
            sources: vec![],
            described: vec![],
        }];
        let index = Index::build(&texts, &[], &["the".to_owned()], &[], &[]);
        assert_eq!(index.fix_word("bordr"), ["border"]);
        assert_eq!(index.fix_word("demarkation"), ["demarcation"]);
        // A real word of the language is left alone even one edit from a known word.
        assert_eq!(index.fix_word("order"), ["order"]);
        assert_eq!(index.fix_word("howmany"), ["how", "many"]);
        // A prefixed Russian verb is not a preposition glued to a verb.
        assert_eq!(index.fix_word("вкаком"), ["в", "каком"]);
        assert_eq!(index.fix_word("доработали"), ["доработали"]);
        assert_eq!(index.fix_word("вчьих"), ["в", "чьих"]);
        assert_eq!(index.fix_word("скока"), ["скока"]);
        // A Latin word of the knowledge base typed in Cyrillic.
        assert_eq!(index.fix_word("бордер"), ["border"]);
    }

    #[test]
    fn a_preposition_glued_to_a_form_of_a_known_word_is_split() {
        let texts = [RecordText {
            questions: vec!["Что в сноске?"],
            keywords: vec![],
            answer: vec!["Сноска даёт источник."],
            sources: vec![],
            described: vec![],
        }];
        let index = Index::build(&texts, &[], &[], &[], &[]);
        // "Сноскам" is neither in the knowledge base nor in the lexicon; its stem is.
        assert_eq!(index.fix_word("ксноскам"), ["к", "сноскам"]);
        // A Russian verb form whose infinitive the lexicon lists is no typo.
        assert_eq!(index.fix_word("налаживают"), ["налаживают"]);
    }

    #[test]
    fn typo_ties_go_to_the_more_common_word() {
        let texts = [RecordText {
            questions: vec!["What do they seek?", "Which languages do they speak?"],
            ..RecordText::default()
        }];
        let index = Index::build(&texts, &[], &[], &[], &[]);
        assert_eq!(index.fix_word("speek"), ["speak"]);
        // A dropped letter beats a changed one, however common: "wher" is "where".
        let texts = [RecordText {
            questions: vec!["When was it signed?", "Where was it signed?"],
            ..RecordText::default()
        }];
        let index = Index::build(&texts, &[], &[], &[], &[]);
        assert_eq!(index.fix_word("wher"), ["where"]);
    }

    #[test]
    fn verb_forms_are_told_from_nouns() {
        for verb in [
            "позвать",
            "работает",
            "поставили",
            "заканчивал",
            "находится",
        ] {
            assert!(is_verb_form(verb), "{verb}");
        }
        for noun in ["совет", "визит", "бюджет", "граница", "депутатов", "seal"]
        {
            assert!(!is_verb_form(noun), "{noun}");
        }
    }

    #[test]
    fn a_short_unlisted_word_is_weak_even_when_its_stem_is_a_word() {
        let texts = [RecordText {
            questions: vec!["When was the treaty signed?"],
            ..RecordText::default()
        }];
        let index = Index::build(&texts, &[], &[], &[], &[]);
        let weight = |word: &str| {
            let terms = index.terms_of(&[word.to_owned()]);
            assert_eq!(terms.len(), 1, "{word}");
            terms[0].weight
        };
        // "скока" is not listed but its stem "скок" is: the written word decides.
        assert!(lexicon::zipf("скока").is_none() && lexicon::zipf("скок").is_some());
        assert!(weight("скока") < 0.5 * weight("погранзастава"));
    }

    #[test]
    fn a_phrase_with_a_filler_word_is_read_before_filler_is_dropped() {
        let texts = [RecordText {
            questions: vec!["Who signed it, the president?"],
            ..RecordText::default()
        }];
        let groups = [GroupText {
            terms: vec!["president".to_owned(), "heads of state".to_owned()],
            entity: false,
            question_word: false,
            place: false,
        }];
        let filler = ["of".to_owned()];
        let index = Index::build(&texts, &groups, &[], &filler, &[]);
        let words: Vec<String> = ["heads", "of", "state"].map(String::from).to_vec();
        let terms = index.terms_of(&words);
        assert_eq!(terms.len(), 1, "{terms:?}");
        assert_eq!(terms[0].text, index.key_of("president"));
        // On its own the filler word is still dropped.
        assert!(index.terms_of(&["of".to_owned()]).is_empty());
    }
}
