//! Authors named by description: "the guy who wrote the piece on the draft", "тот политолог",
//! "the journalist who covered the signing". People remember what an author wrote or what they
//! are, not how the name is spelt. A question that refers to an author without naming one, and
//! whose other words point clearly at one document (its title and the `described_as` words of
//! `sources.toml`), is read as naming that document's authors.

use super::index::{Index, Keys};
use super::normalize::tokenize;
use crate::knowledge::KnowledgeBase;
use rustc_hash::FxHashSet as HashSet;

/// A document's describing words must outweigh the next document's by this factor...
const CLEAR_LEAD: f32 = 1.5;
/// ...and weigh at least this much (about one rare word): a common topic word of one title
/// ("region" 1.83, "border" 1.80) is no description of its document ("why is tashkent unable to
/// dominate the region, say the 2023 authors" named Zhailin), while "news" (1.93) and
/// "механизмы" (1.88) are. Measured over every question file: 1.85 to 2.2 gain one answer and
/// lose none; 2.6 loses three.
const MIN_EVIDENCE: f32 = 1.85;
/// Words between an author cue and what describes the author ("the analyst from Ankara").
const LINKING_WORDS: &[&str] = &["from", "in", "at", "of", "из", "с"];
/// After an author cue, these name the writer outright ("a piece by Sergey Smirnov"): the cue
/// then describes no document of ours.
const BY_WORDS: &[&str] = &["by"];
/// A describing word that this many documents share tells none of them apart ("article").
const SHARED_BY: usize = 3;
/// A title's first words, this many in a row, quote it ("the guy who wrote 'new alliance
/// between kazakhstan…'"): the document is named, whatever its other words say. Fewer, or from
/// its middle, are a common phrase ("between Kazakhstan and Uzbekistan").
const QUOTED_TITLE_WORDS: usize = 5;

/// The first words of a title that name its document right before an author cue ("the 'new
/// alliance' piece"); alone, "the new alliance" is the treaty.
const CUED_TITLE_WORDS: usize = 2;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Authors {
    /// Canonical keys of the words that refer to an author without naming one, and the words
    /// themselves (some are stop words, which have no key).
    cues: HashSet<String>,
    cue_words: HashSet<String>,
    /// Per document: the keys that describe it, and its authors' name words (as typed, e.g.
    /// "askeroglu"), which the index reads as those authors.
    documents: Vec<(HashSet<String>, Vec<String>)>,
    /// The canonical keys of every document's authors' name words.
    name_keys: HashSet<String>,
    /// Per document: the words of its title, each with its key (empty for a stop word): a
    /// title is quoted in other spellings of its words too ("new alliance between kz and uz").
    titles: Vec<Vec<(String, String)>>,
    /// Per document: the words of its describing phrases that only describe it ("think" and
    /// "tank" of "think tank"), used up with the description.
    phrase_words: Vec<HashSet<String>>,
    /// Per document with several authors, per author: the keys that tell that one apart and
    /// the author's name words ([`crate::knowledge::Source::each_author_described_as`]).
    each_author: Vec<Vec<(HashSet<String>, Vec<String>)>>,
    /// Per document: keys of the words describing its authors beside an author cue ("Turkish"
    /// in "the Turkish analyst").
    author_keys: Vec<HashSet<String>>,
    /// Words that, right before a cue, ask who the author is.
    askers: Vec<Vec<String>>,
    /// Relative pronouns that, right after a cue, open a clause describing the author.
    relatives: HashSet<String>,
    /// A person and a relative pronoun that, before a verb of `writing`, refer to an author.
    persons: Vec<Vec<String>>,
    writing: HashSet<String>,
    /// Cues that describe exactly one document ("columnist", "journalist"): they name its
    /// authors by themselves, so they count as evidence for it.
    telling_cues: HashSet<String>,
}

impl Authors {
    pub fn new(kb: &KnowledgeBase, index: &Index) -> Self {
        let cues: HashSet<String> = kb
            .language
            .author_cues
            .iter()
            .flat_map(|c| index.keys(&tokenize(c)))
            .collect();
        let documents = described_documents(kb, index);
        let phrase_words = phrase_words(kb, &documents, index);
        let cue_words = kb
            .language
            .author_cues
            .iter()
            .flat_map(|c| tokenize(c))
            .collect();
        let author_keys = kb
            .sources
            .iter()
            .map(|source| {
                // The document's year beside a cue too: "the 2023 authors" are the journal
                // article's. (A year several documents share tells none apart.)
                let year = source.date.split('-').next().unwrap_or_default();
                source
                    .author_described_as
                    .iter()
                    .map(String::as_str)
                    .chain(std::iter::once(year))
                    .flat_map(|w| index.keys(&tokenize(w)))
                    .collect()
            })
            .collect();
        let telling_cues = cues
            .iter()
            .filter(|k| documents.iter().filter(|(d, _)| d.contains(*k)).count() == 1)
            .cloned()
            .collect();
        let name_keys = documents
            .iter()
            .flat_map(|(_, names)| names.iter().map(|n| index.key_of(n)))
            .collect();
        Authors {
            name_keys,
            titles: kb
                .sources
                .iter()
                .map(|s| {
                    let words = tokenize(&s.title);
                    words
                        .into_iter()
                        .map(|w| {
                            let key = index.key_of(&w);
                            (w, key)
                        })
                        .collect()
                })
                .collect(),
            askers: kb
                .language
                .author_askers
                .iter()
                .map(|a| tokenize(a))
                .collect(),
            relatives: kb.language.author_relatives.iter().cloned().collect(),
            persons: kb
                .language
                .author_persons
                .iter()
                .map(|p| tokenize(p))
                .collect(),
            writing: kb.language.author_verbs.iter().cloned().collect(),
            telling_cues,
            cues,
            cue_words,
            documents,
            phrase_words,
            each_author: each_author_described(kb, index),
            author_keys,
        }
    }

    /// True when the words name one of the documents' authors.
    pub fn names_an_author(&self, words: &[String], index: &Index) -> bool {
        index.keys(words).iter().any(|k| self.name_keys.contains(k))
    }

    /// A question that refers to an author by description, with the description replaced by
    /// the authors' names, when its words point clearly at one document and it names no author
    /// already: the describing words are used up ("the guy who wrote the draft analysis, where
    /// did he study?" asks where Askeroğlu studied, not about the draft).
    pub fn named_by_description(
        &self,
        words: &[String],
        keys: &Keys,
        index: &Index,
    ) -> Option<Vec<String>> {
        let keys: Vec<&String> = keys.strings().collect();
        let person_who_wrote = self.person_who_wrote(words);
        if !keys.iter().any(|k| self.cues.contains(*k)) && person_who_wrote.is_empty() {
            return None;
        }
        // One key per word (a stop word's is empty), to read the words beside a cue.
        let keys_by_word: Vec<String> = words.iter().map(|w| index.key_of(w)).collect();
        if self.names_an_author(words, index)
            || self.asks_who_wrote(words, &keys_by_word)
            || self.written_by(words, &keys_by_word)
        {
            return None;
        }
        // The words beside an author cue ("Turkish" in "the Turkish analyst"), and their keys.
        let beside_at = self.beside_cues(words, index);
        let quoted = self.quoted_title(words, &keys_by_word);
        let i = match &quoted {
            Some((i, _)) => *i,
            None => self.described_document(&keys, &keys_by_word, &beside_at, index)?,
        };
        let names = self.names_described(i, &keys_by_word);
        // The words describing the author beside the cue are used up with it, and so is a
        // relative clause's pronoun and verb after the cue ("the analyst who reviewed…").
        let mut author_words: HashSet<usize> = beside_at
            .into_iter()
            .filter(|&at| self.author_keys[i].contains(&keys_by_word[at]))
            .collect();
        author_words.extend(self.relative_clauses(words, index));
        author_words.extend(person_who_wrote);
        author_words.extend(quoted.map_or(0..0, |(_, run)| run));
        // Only the cue, the `described_as` words and a quoted title are used up: a title's
        // words named in passing ("who", "sign", "visit") may be what the question asks.
        let mut out: Vec<String> = words
            .iter()
            .enumerate()
            .filter(|(at, _)| !author_words.contains(at))
            .map(|(_, w)| w)
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
    /// The name words of document `i`'s authors, or of the one author the question's keys tell
    /// apart ("the lady from Karaganda" is Muslimova, not both authors of the journal article).
    fn names_described(&self, i: usize, keys_by_word: &[String]) -> &[String] {
        let mut told = self.each_author[i]
            .iter()
            .filter(|(keys, _)| keys_by_word.iter().any(|k| keys.contains(k)));
        match (told.next(), told.next()) {
            (Some((_, names)), None) => names,
            _ => &self.documents[i].1,
        }
    }

    /// The keys of the words right beside an author cue ("турецкий" in "турецкий аналитик"):
    /// they describe the author, so a country named so is no country the question asks about.
    pub fn keys_beside_cues(&self, words: &[String], index: &Index) -> Vec<String> {
        self.beside_cues(words, index)
            .into_iter()
            .flat_map(|at| [words[at].clone(), index.key_of(&words[at])])
            .collect()
    }

    /// True when an author cue is followed by "by" ("a piece by Sergey Smirnov"); `keys`: one
    /// per word.
    fn written_by(&self, words: &[String], keys: &[String]) -> bool {
        (1..words.len()).any(|at| {
            BY_WORDS.contains(&words[at].as_str())
                && self.is_cue_word(&words[at - 1], &keys[at - 1])
        })
    }

    /// True when an author cue follows words asking who the author is ("who is the author of
    /// the journal article?").
    fn asks_who_wrote(&self, words: &[String], keys: &[String]) -> bool {
        words.iter().enumerate().any(|(at, word)| {
            self.is_cue_word(word, &keys[at])
                && self.askers.iter().any(|a| words[..at].ends_with(a))
        })
    }

    /// The document whose describing words (and the words beside an author cue that describe
    /// its authors) clearly outweigh every other document's.
    fn described_document(
        &self,
        keys: &[&String],
        keys_by_word: &[String],
        beside_at: &[usize],
        index: &Index,
    ) -> Option<usize> {
        let beside: HashSet<&String> = beside_at.iter().map(|&at| &keys_by_word[at]).collect();
        let distinct: HashSet<&String> = keys.iter().copied().collect();
        let mut evidence: Vec<(f32, usize)> = self
            .documents
            .iter()
            .enumerate()
            .map(|(i, (described, _))| {
                let author_keys = &self.author_keys[i];
                let weight = distinct
                    .iter()
                    .filter(|k| {
                        (described.contains(**k)
                            || (author_keys.contains(**k) && beside.contains(*k)))
                            && (!self.cues.contains(**k) || self.telling_cues.contains(**k))
                    })
                    .map(|k| index.weight_of_key(k))
                    .sum();
                (weight, i)
            })
            .collect();
        evidence.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (best, i) = evidence.first().copied()?;
        let second = evidence.get(1).map_or(0.0, |e| e.0);
        (best >= MIN_EVIDENCE && best >= second * CLEAR_LEAD).then_some(i)
    }

    /// The document whose title the words quote (its first [`QUOTED_TITLE_WORDS`] words in a
    /// row, or all of a shorter title; its first [`CUED_TITLE_WORDS`] right before an author cue:
    /// "the 'new alliance' piece"), and the positions of the longest quoted run. `keys`: one per
    /// word.
    fn quoted_title(
        &self,
        words: &[String],
        keys: &[String],
    ) -> Option<(usize, std::ops::Range<usize>)> {
        let mut best: Option<(usize, std::ops::Range<usize>)> = None;
        for (i, title) in self.titles.iter().enumerate() {
            for at in 0..words.len() {
                let run = title
                    .iter()
                    .zip(words[at..].iter().zip(&keys[at..]))
                    .take_while(|((t, tk), (w, k))| t == *w || (!tk.is_empty() && tk == *k))
                    .count();
                let longer = best.as_ref().is_none_or(|(_, b)| run > b.len());
                let before_cue = words
                    .get(at + run)
                    .is_some_and(|w| self.is_cue_word(w, &keys[at + run]));
                let enough = run >= QUOTED_TITLE_WORDS.min(title.len())
                    || (before_cue && run >= CUED_TITLE_WORDS);
                if run > 0 && enough && longer {
                    best = Some((i, at..at + run));
                }
            }
        }
        best
    }

    /// Positions of the words beside an author cue: the word before and after it, or the one
    /// after a linking word ("авторы из Караганды", "the analyst from Ankara").
    fn beside_cues(&self, words: &[String], index: &Index) -> Vec<usize> {
        let mut out = Vec::new();
        for (at, word) in words.iter().enumerate() {
            if !self.is_cue_word(word, &index.key_of(word)) {
                continue;
            }
            out.extend(at.checked_sub(1));
            let linked = words
                .get(at + 1)
                .is_some_and(|w| LINKING_WORDS.contains(&w.as_str()));
            out.push(if linked { at + 2 } else { at + 1 });
        }
        out.retain(|&at| at < words.len());
        out
    }

    /// Positions of the words of "the guy who wrote" (a person of `persons` and a verb of
    /// `writing`), which refer to an author like a cue.
    fn person_who_wrote(&self, words: &[String]) -> Vec<usize> {
        let mut out = Vec::new();
        // Few questions have a verb of writing: the persons are looked for only then.
        if !words.iter().any(|w| self.writing.contains(w)) {
            return out;
        }
        for at in 0..words.len() {
            for person in &self.persons {
                let end = at + person.len();
                if words[at..].starts_with(person)
                    && words.get(end).is_some_and(|w| self.writing.contains(w))
                {
                    out.extend(at..=end);
                }
            }
        }
        out
    }

    /// Positions of a relative pronoun right after an author cue and of the word after it ("who
    /// reviewed" in "the analyst who reviewed the draft"); a comma between is dropped by then.
    fn relative_clauses(&self, words: &[String], index: &Index) -> Vec<usize> {
        let mut out = Vec::new();
        for (at, word) in words.iter().enumerate().skip(1) {
            let after_cue = self.is_cue_word(&words[at - 1], &index.key_of(&words[at - 1]));
            if after_cue && self.relatives.contains(word) {
                out.push(at);
                out.extend((at + 1 < words.len()).then_some(at + 1));
            }
        }
        out
    }

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
    let is_person = |w: &String| {
        index
            .term_of_key(&index.key_of(w))
            .is_some_and(|t| index.entities.contains(&t))
    };
    // The word that is its group's own key ("askeroglu"), rather than a given name that stands
    // for it ("sabir").
    let is_own_key = |w: &String| index.key_of(w) == super::normalize::stem(w);
    for author in authors {
        let words = tokenize(author);
        let named = words
            .iter()
            .find(|w| is_person(w) && is_own_key(w))
            .or_else(|| words.iter().find(|w| is_person(w)));
        out.extend(named.cloned());
    }
    out
}

/// Per document: the keys of its title and describing phrases, less those most documents share
/// (they describe none of them), and its authors' name words.
fn described_documents(kb: &KnowledgeBase, index: &Index) -> Vec<(HashSet<String>, Vec<String>)> {
    let mut documents: Vec<(HashSet<String>, Vec<String>)> = kb
        .sources
        .iter()
        .map(|source| {
            let texts = std::iter::once(&source.title).chain(&source.described_as);
            let keys = texts.flat_map(|t| index.keys(&tokenize(t))).collect();
            (keys, name_words(&source.authors, index))
        })
        .collect();
    let shared: HashSet<String> = documents
        .iter()
        .flat_map(|(keys, _)| keys.iter())
        .filter(|k| documents.iter().filter(|(d, _)| d.contains(*k)).count() >= SHARED_BY)
        .cloned()
        .collect();
    for (keys, _) in &mut documents {
        keys.retain(|k| !shared.contains(k));
    }
    documents
}

/// Per document: the words of its describing phrases whose keys all describe it alone.
fn phrase_words(
    kb: &KnowledgeBase,
    documents: &[(HashSet<String>, Vec<String>)],
    index: &Index,
) -> Vec<HashSet<String>> {
    kb.sources
        .iter()
        .zip(documents)
        .map(|(source, (described, _))| {
            source
                .described_as
                .iter()
                .map(|phrase| tokenize(phrase))
                .filter(|words| index.keys(words).iter().all(|k| described.contains(k)))
                .flatten()
                .collect()
        })
        .collect()
}

/// Per document, per author: the keys that tell that author apart, and the author's name words.
fn each_author_described(
    kb: &KnowledgeBase,
    index: &Index,
) -> Vec<Vec<(HashSet<String>, Vec<String>)>> {
    kb.sources
        .iter()
        .map(|source| {
            source
                .authors
                .iter()
                .zip(&source.each_author_described_as)
                .map(|(author, words)| {
                    let keys = words.iter().flat_map(|w| index.keys(&tokenize(w)));
                    (
                        keys.collect(),
                        name_words(std::slice::from_ref(author), index),
                    )
                })
                .collect()
        })
        .collect()
}
