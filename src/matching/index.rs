//! The search index, built once when the engine starts: vocabulary, synonym and phrase tables,
//! term weights, and for every record the terms of its phrasings, keywords and answer text.

use super::normalize::{stem, tokenize};
use super::score::{edit_distance, max_typo_distance};
// FxHash: the index hashes tens of thousands of short words at startup; the default SipHash's
// protection against hash flooding buys nothing for our own knowledge base and costs time.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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
}

/// A synonym group as the index needs it.
#[derive(Debug, Clone, Default)]
pub struct GroupText {
    pub terms: Vec<String>,
    /// Names an entity (country, person).
    pub entity: bool,
    /// Asks for a kind of fact (when, who, how many).
    pub question_word: bool,
}

/// The terms of one record.
#[derive(Debug, Default)]
pub struct RecordTerms {
    /// Each phrasing as a sorted, deduplicated list of terms, and its total weight.
    pub questions: Vec<(Vec<TermId>, f32)>,
    /// Terms of the phrasings and keywords, sorted.
    pub strong: Vec<TermId>,
    /// Terms found only in the answer text, sorted.
    pub weak: Vec<TermId>,
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
}

#[derive(Debug)]
pub struct Index {
    stopwords: HashSet<String>,
    /// Every word form the knowledge base uses, for typo correction, bucketed by length in chars
    /// and first letter, and again by length and second letter.
    surface_by_first: HashMap<(usize, char), Vec<String>>,
    surface_by_second: HashMap<(usize, char), Vec<String>>,
    surface: HashSet<String>,
    /// Multi-word synonym phrases, as stem sequences, to the canonical key they stand for; keyed
    /// by their first stem, longest first.
    phrases: HashMap<String, Vec<(Vec<String>, String)>>,
    /// Single-word synonyms: stem to canonical key.
    synonym_of: HashMap<String, String>,
    terms: HashMap<String, TermId>,
    weights: Vec<f32>,
    unknown_weight: f32,
    pub records: Vec<RecordTerms>,
    /// Terms that name an entity (a country, a person).
    pub entities: HashSet<TermId>,
    /// Terms that ask for a kind of fact ("when", "who", "how many").
    pub question_words: HashSet<TermId>,
    /// For each term, the records with it among their strong terms.
    pub strong_postings: Vec<Vec<u32>>,
    /// For each term, the records with it among their weak terms.
    pub weak_postings: Vec<Vec<u32>>,
    /// For each term, the phrasings (global numbers) that contain it.
    pub question_postings: Vec<Vec<u32>>,
    /// For each phrasing: its record and its total weight.
    pub question_owner: Vec<(u32, f32)>,
}

/// A four-digit year from 1900 to 2099.
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// Words shorter than this that the knowledge base does not know are ignored rather than
/// counted against every entry: they are mostly typos of short function words ("teh", "wat").
const MIN_UNKNOWN_WORD_CHARS: usize = 4;

impl Index {
    /// Builds the index over the records' texts, with the synonym groups and stop words.
    pub fn build(
        records: &[RecordText<'_>],
        synonym_groups: &[GroupText],
        stopwords: &[String],
    ) -> Self {
        let mut index = Index {
            stopwords: stopwords
                .iter()
                .flat_map(|s| tokenize(s))
                .flat_map(|w| [stem(&w), w])
                .collect(),
            entities: HashSet::default(),
            question_words: HashSet::default(),
            surface_by_first: HashMap::default(),
            surface_by_second: HashMap::default(),
            surface: HashSet::default(),
            phrases: HashMap::default(),
            synonym_of: HashMap::default(),
            terms: HashMap::default(),
            weights: Vec::new(),
            unknown_weight: 1.0,
            records: Vec::new(),
            strong_postings: Vec::new(),
            weak_postings: Vec::new(),
            question_postings: Vec::new(),
            question_owner: Vec::new(),
        };
        let mut entity_keys = Vec::new();
        let mut question_word_keys = Vec::new();
        for GroupText {
            terms: group,
            entity,
            question_word,
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
            for (term, stems) in group.iter().zip(&analysed) {
                index.add_surface(term);
                match stems.len() {
                    0 => {}
                    1 => {
                        index.synonym_of.insert(stems[0].clone(), canonical.clone());
                    }
                    _ => index
                        .phrases
                        .entry(stems[0].clone())
                        .or_default()
                        .push((stems.clone(), canonical.clone())),
                }
            }
        }
        // Longest phrases first, so "heads of the states" wins over "heads".
        for list in index.phrases.values_mut() {
            list.sort_by_key(|(stems, _)| std::cmp::Reverse(stems.len()));
        }
        for stopword in stopwords {
            index.add_surface(stopword);
        }

        let mut document_frequency: Vec<u32> = Vec::new();
        for record in records {
            let mut terms = RecordTerms::default();
            let mut strong = Vec::new();
            for question in &record.questions {
                let mut ids = index.intern_all(question);
                ids.sort_unstable();
                ids.dedup();
                strong.extend(&ids);
                terms.questions.push((ids, 0.0));
            }
            for keyword in &record.keywords {
                strong.extend(index.intern_all(keyword));
            }
            strong.sort_unstable();
            strong.dedup();
            let mut weak: Vec<TermId> = record
                .answer
                .iter()
                .flat_map(|a| index.intern_all(a))
                .collect();
            weak.sort_unstable();
            weak.dedup();
            weak.retain(|t| strong.binary_search(t).is_err());
            terms.strong = strong;
            terms.weak = weak;
            document_frequency.resize(index.terms.len(), 0);
            for &t in terms.strong.iter().chain(&terms.weak) {
                document_frequency[t as usize] += 1;
            }
            index.records.push(terms);
        }
        document_frequency.resize(index.terms.len(), 0);

        let n = records.len().max(1) as f32;
        index.weights = document_frequency
            .iter()
            .map(|&df| (1.0 + n / df.max(1) as f32).ln())
            .collect();
        // A word the knowledge base never uses is as telling as the rarest word it does use:
        // it usually means the question is about something else.
        index.unknown_weight = (1.0 + n).ln();
        index.strong_postings = vec![Vec::new(); index.terms.len()];
        index.weak_postings = vec![Vec::new(); index.terms.len()];
        index.question_postings = vec![Vec::new(); index.terms.len()];
        for (r, terms) in index.records.iter_mut().enumerate() {
            for &t in &terms.strong {
                index.strong_postings[t as usize].push(r as u32);
            }
            for &t in &terms.weak {
                index.weak_postings[t as usize].push(r as u32);
            }
            terms.strong_weight = terms
                .strong
                .iter()
                .map(|&t| index.weights[t as usize])
                .sum();
            for (ids, weight) in terms.questions.iter_mut() {
                *weight = ids.iter().map(|&t| index.weights[t as usize]).sum();
                let number = index.question_owner.len() as u32;
                index.question_owner.push((r as u32, *weight));
                for &t in ids.iter() {
                    index.question_postings[t as usize].push(number);
                }
            }
        }
        index.question_words = question_word_keys
            .iter()
            .filter_map(|k| index.terms.get(k).copied())
            .collect();
        // Years are names too: a question about 2024 is not answered by an entry that never
        // mentions 2024.
        entity_keys.extend(index.terms.keys().filter(|k| is_year(k)).cloned());
        index.entities = entity_keys
            .iter()
            .filter_map(|k| index.terms.get(k).copied())
            .collect();
        for bucket in index
            .surface_by_first
            .values_mut()
            .chain(index.surface_by_second.values_mut())
        {
            bucket.sort();
        }
        index
    }

    fn add_surface(&mut self, text: &str) {
        for word in tokenize(text) {
            self.add_surface_word(&word);
        }
    }

    fn add_surface_word(&mut self, word: &str) {
        if self.surface.contains(word) {
            return;
        }
        self.surface.insert(word.to_owned());
        let len = word.chars().count();
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            self.surface_by_first
                .entry((len, first))
                .or_default()
                .push(word.to_owned());
        }
        if let Some(second) = chars.next() {
            self.surface_by_second
                .entry((len, second))
                .or_default()
                .push(word.to_owned());
        }
    }

    /// The canonical keys of a text, in order, without typo correction (used for the knowledge
    /// base itself, which is spelt correctly).
    fn canonical_keys(&self, words: &[String]) -> Vec<String> {
        let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        let mut keys = Vec::new();
        let mut i = 0;
        'outer: while i < stems.len() {
            for (phrase, canonical) in self.phrases.get(&stems[i]).into_iter().flatten() {
                if stems[i..].starts_with(phrase) {
                    keys.push(canonical.clone());
                    i += phrase.len();
                    continue 'outer;
                }
            }
            // The stop-word set holds every stop word's stem, so one look-up by stem suffices.
            if !self.stopwords.contains(&stems[i]) {
                let key = self
                    .synonym_of
                    .get(&stems[i])
                    .cloned()
                    .unwrap_or_else(|| stems[i].clone());
                keys.push(key);
            }
            i += 1;
        }
        keys
    }

    /// The term ids of a knowledge-base text; its words join the typo-correction vocabulary.
    fn intern_all(&mut self, text: &str) -> Vec<TermId> {
        let words = tokenize(text);
        for word in &words {
            self.add_surface_word(word);
        }
        self.canonical_keys(&words)
            .into_iter()
            .map(|key| {
                let next = self.terms.len() as TermId;
                *self.terms.entry(key).or_insert(next)
            })
            .collect()
    }

    /// Corrects a word the knowledge base does not use to the closest word it does use, within
    /// the typo distance for its length; ties go to the word listed first (alphabetical).
    pub fn correct(&self, word: &str) -> Option<&str> {
        let len = word.chars().count();
        let max = max_typo_distance(len);
        if max == 0 || word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let mut chars = word.chars();
        let first = chars.next().unwrap_or(' ');
        let second = chars.next().unwrap_or(' ');
        let mut best: Option<(usize, &str)> = None;
        for candidate_len in len.saturating_sub(max)..=len + max {
            // Typos rarely hit the first two letters at once: only words sharing the first or the
            // second letter are compared, a few dozen instead of thousands.
            let same_first = self
                .surface_by_first
                .get(&(candidate_len, first))
                .into_iter()
                .flatten();
            let last = word.chars().next_back();
            // A word whose first letter is the typo still has its second and last letters right.
            let same_second = self
                .surface_by_second
                .get(&(candidate_len, second))
                .into_iter()
                .flatten()
                .filter(|c| !c.starts_with(first) && c.chars().next_back() == last);
            for candidate in same_first.chain(same_second) {
                let distance = edit_distance(word, candidate);
                // Two edits plus a different first letter is another word ("geographic" is not
                // "demographic"), not a typo.
                if distance > 1 && !candidate.starts_with(first) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((d, w)) => distance < d || (distance == d && candidate.as_str() < w),
                };
                if distance <= max && better {
                    best = Some((distance, candidate));
                }
            }
        }
        best.map(|(_, w)| w)
    }

    /// Analyses a user's question: tokens, typo correction, phrases and synonyms, stop words,
    /// weights. Repeated terms count once.
    pub fn analyse(&self, question: &str) -> Vec<QueryTerm> {
        let words: Vec<String> = tokenize(question)
            .into_iter()
            .map(|w| {
                if self.surface.contains(&w) {
                    w
                } else {
                    self.correct(&w).map(str::to_owned).unwrap_or(w)
                }
            })
            .collect();
        let mut seen = HashSet::default();
        let mut out = Vec::new();
        let keys = self.canonical_keys(&words);
        for key in keys {
            if !seen.insert(key.clone()) {
                continue;
            }
            match self.terms.get(&key) {
                Some(&id) => out.push(QueryTerm {
                    term: Some(id),
                    weight: self.weights[id as usize],
                    text: key,
                }),
                None if key.chars().count() < MIN_UNKNOWN_WORD_CHARS
                    && !key.chars().all(|c| c.is_ascii_digit()) => {}
                None => out.push(QueryTerm {
                    term: None,
                    weight: self.unknown_weight,
                    text: key,
                }),
            }
        }
        out
    }

    /// The words of `question` after typo correction, in order (stop words included).
    pub fn corrected_words(&self, question: &str) -> Vec<String> {
        tokenize(question)
            .into_iter()
            .map(|w| {
                if self.surface.contains(&w) {
                    w
                } else {
                    self.correct(&w).map(str::to_owned).unwrap_or(w)
                }
            })
            .collect()
    }

    /// The canonical key a single word maps to (after stemming and synonyms).
    pub fn key_of(&self, word: &str) -> String {
        let s = stem(word);
        self.synonym_of.get(&s).cloned().unwrap_or(s)
    }

    pub fn vocabulary_size(&self) -> usize {
        self.surface.len()
    }
}
