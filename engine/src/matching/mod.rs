//! The matching engine: turns a question into an [`Outcome`] — an answer with its confidence,
//! "did you mean" alternatives, a date computation, a small-talk reply, or an honest decline
//! with suggestions.
//!
//! Records are the Q&A entries and the treaty articles of the knowledge base. A question goes
//! through, in order:
//! 1. small talk ("hi", "thanks", "who are you?") gets a fixed reply ([`smalltalk`]);
//! 2. its words are typo-corrected and split against the knowledge base and the general-language
//!    lexicon ([`lexicon`]), once;
//! 3. a question naming an article number ("what does article 4 say", "статья 3") resolves to
//!    that article directly;
//! 4. a question about the time between two dated events, or their order, is computed from the
//!    timeline ([`timeline`]);
//! 5. anything else is ranked by weighted word overlap; when the question asks for a kind of
//!    fact (a day, a place, a number…) that the best record cannot give, the bot says so and
//!    shows what the documents do say ([`kinds`]).
//!
//! [`Engine::ask_in_context`] ([`followup`]) reads a follow-up ("who signed it?", "а когда?")
//! against the record a conversation was last answered with, then asks it as above.

mod authors;
mod entries;
mod fast_utf8;
mod focus;
pub mod followup;
mod given_date;
mod index;
pub mod kinds;
pub mod lexicon;
mod lexicon_table;
pub mod normalize;
mod packed;
mod postings;
pub mod score;
mod script;
pub mod smalltalk;
mod strings;
mod sums;
pub mod timeline;
mod vocabulary;

pub use kinds::AnswerKind;
pub use score::{Ranked, Score};
pub use smalltalk::IntentId;
pub use timeline::{Asked, Comparison, Gap, Moment, Precision, Unit};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::knowledge::{Citation, KnowledgeBase, LanguageFile};
use index::{GroupText, Index, RecordText};
use kinds::{Capabilities, Kinds};
pub use score::Params;
use score::{ScoreParts, KIND_MARGIN, MAX_SUGGESTIONS, SUGGESTION_FLOOR};
use smalltalk::SmallTalk;
use sums::{term_bit, Holds, Sums, TermBit};
use timeline::{Timeline, TimelineResult};

/// Every record of the knowledge base (entries, then articles) with the texts it is matched by.
fn record_texts<'a>(
    kb: &'a KnowledgeBase,
    article_numbers: &'a [String],
) -> (Vec<Record>, Vec<RecordText<'a>>) {
    let mut records = Vec::new();
    let mut texts = Vec::new();
    for (i, entry) in kb.entries.iter().enumerate() {
        records.push(Record {
            id: entry.id.clone(),
            kind: RecordKind::Entry(i),
        });
        let mut questions: Vec<&str> = entry.questions.iter().map(String::as_str).collect();
        let mut answer = vec![entry.answer.as_str()];
        if let Some(ru) = &entry.ru {
            questions.extend(ru.questions.iter().map(String::as_str));
            answer.extend(ru.answer.as_deref());
        }
        texts.push(RecordText {
            questions,
            keywords: entry.keywords.iter().map(String::as_str).collect(),
            answer,
            sources: source_names(kb, &entry.citations),
            described: described_words(kb, &entry.citations),
        });
    }
    for (i, article) in kb.articles.iter().enumerate() {
        records.push(Record {
            id: format!("article-{}", article.number),
            kind: RecordKind::Article(i),
        });
        let mut questions: Vec<&str> = article.questions.iter().map(String::as_str).collect();
        questions.push(article.topic.as_str());
        let mut keywords: Vec<&str> = article.keywords.iter().map(String::as_str).collect();
        keywords.push(ARTICLE_WORD);
        keywords.push(article_numbers[i].as_str());
        let mut answer = vec![article.summary.as_str()];
        if let Some(ru) = &article.ru {
            questions.extend(ru.questions.iter().map(String::as_str));
            questions.extend(ru.topic.as_deref());
            answer.extend(ru.summary.as_deref());
        }
        texts.push(RecordText {
            questions,
            keywords,
            answer,
            sources: source_names(kb, &article.citations),
            described: described_words(kb, &article.citations),
        });
    }
    (records, texts)
}

/// The texts that name the documents cited: title, authors, outlet, kind and year.
fn source_names<'a>(kb: &'a KnowledgeBase, citations: &[Citation]) -> Vec<&'a str> {
    let mut names = Vec::new();
    for citation in citations {
        let Some(source) = kb.source(&citation.source) else {
            continue;
        };
        names.push(source.title.as_str());
        names.extend(source.authors.iter().map(String::as_str));
        names.extend(source.outlet.as_deref());
        names.push(source.kind.as_str());
        names.push(source.date.get(..4).unwrap_or(&source.date));
    }
    names
}

/// The words people describe the cited documents by (`described_as`: "the draft analysis",
/// "the allies column").
fn described_words<'a>(kb: &'a KnowledgeBase, citations: &[Citation]) -> Vec<&'a str> {
    citations
        .iter()
        .filter_map(|citation| kb.source(&citation.source))
        .flat_map(|source| source.described_as.iter().map(String::as_str))
        .collect()
}

/// What the scoring needs to know about a question besides its terms.
struct QueryFeatures {
    /// Total weight of the question's terms (unknown words scaled).
    total: f32,
    /// The distinct known terms, in order: their positions are their [`TermBit`]s.
    known: Vec<index::TermId>,
    /// Terms naming an entity (a country, person, place, year).
    entities: Vec<TermBit>,
    /// The years among them.
    years: Vec<TermBit>,
    /// Terms asking for a kind of fact ("when", "who", "how many").
    question_words: Vec<TermBit>,
    /// Other informative known terms: an entry not mentioning one is probably about else.
    informative: Vec<TermBit>,
    /// Informative words that neither the knowledge base nor the lexicon knows (names, terms).
    unknown: i32,
    /// Years the knowledge base never mentions ("trade in 2015"): every record misses them.
    unknown_years: i32,
    /// Countries, capitals and leaders no document mentions ("Belarus"): the same.
    absent_places: i32,
    /// Every known term that is neither an entity nor a question word (a topic word), with
    /// its weight, once each.
    topic: Vec<(TermBit, f32)>,
    /// Years dating an event the question names: only an entry that mentions other years
    /// must mention them too.
    years_of_named_events: Vec<TermBit>,
    /// The question pairs Kazakhstan with a third country (see [`CountryPairTerms`]).
    other_pair: bool,
    /// Every topic word names a city (true when there is none)...
    places_only: bool,
    /// ...and there is one.
    places_named: bool,
    /// How many names the question gives that are not in most entries (the two countries
    /// are): "Rabbimov on Andijan: when was that?" asks how two names meet, with a question
    /// word ("tokayev mirziyoyev" asks nothing).
    names: usize,
}

/// `country_pairs` of `language.toml` as terms of the index.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct CountryPairTerms {
    home: HashSet<index::TermId>,
    partner: HashSet<index::TermId>,
    others: HashSet<index::TermId>,
    /// Phrases asking what a treaty says, as words.
    content: Vec<Vec<String>>,
    treaty_words: HashSet<String>,
    /// Index keys of countries, capitals, leaders and everyday topics (visas, flights) no
    /// document mentions.
    absent: HashSet<String>,
}

impl CountryPairTerms {
    fn new(pairs: &crate::knowledge::CountryPairs, index: &Index) -> Self {
        let terms = |words: &[String]| -> HashSet<index::TermId> {
            words
                .iter()
                .filter_map(|w| {
                    let key = index.key_of(&normalize::tokenize(w).join(" "));
                    index.term_of_key(&key)
                })
                .collect()
        };
        CountryPairTerms {
            home: terms(&pairs.home),
            partner: terms(&pairs.partner),
            others: terms(&pairs.others),
            content: pairs
                .content
                .iter()
                .map(|c| normalize::tokenize(c))
                .filter(|w| !w.is_empty())
                .collect(),
            treaty_words: pairs
                .treaty_words
                .iter()
                .flat_map(|w| normalize::tokenize(w))
                .collect(),
            // A name the knowledge base does use is a term, weighed as an entity.
            absent: pairs
                .absent
                .iter()
                .chain(&pairs.absent_topics)
                .map(|w| index.key_of(&normalize::tokenize(w).join(" ")))
                .filter(|key| index.term_of_key(key).is_none())
                .collect(),
        }
    }

    /// How many words of the question name a country, capital, leader or everyday topic no
    /// document mentions.
    fn absent_places(&self, query: &[index::QueryTerm], index: &Index) -> i32 {
        query
            .iter()
            // The text of a term is already its key; keying it again stems it twice, which
            // loses a Russian name ("эрдоган" is keyed "эрдога", and that "эрдог").
            .filter(|q| {
                q.term.is_none()
                    && (self.absent.contains(&q.text)
                        || self.absent.contains(&index.key_of(&q.text)))
            })
            .count() as i32
    }

    /// True when the question asks what another country's treaty says: one of the others, a
    /// treaty word and a content word, and nothing of the home side ("what does the
    /// Uzbek–Azerbaijani treaty say about defence").
    fn asks_other_treaty_text(&self, query: &[index::QueryTerm], words: &[String]) -> bool {
        let named = |set: &HashSet<index::TermId>| {
            query
                .iter()
                .filter_map(|q| q.term)
                .filter(|t| set.contains(t))
                .collect::<HashSet<_>>()
                .len()
        };
        if named(&self.home) > 0 || named(&self.others) != 1 {
            return false;
        }
        words.iter().any(|w| self.treaty_words.contains(w))
            && self
                .content
                .iter()
                .any(|c| kinds::contains_sequence(words, c))
    }

    /// True when the terms name a country of neither side (without one, no pair is another).
    fn names_another(&self, query: &[index::QueryTerm]) -> bool {
        query
            .iter()
            .any(|q| q.term.is_some_and(|t| self.others.contains(&t)))
    }

    /// True when the terms name the home side and exactly one other country, and nothing of
    /// the partner side. Terms with a key of `describing` (a word beside an author cue: "the
    /// Turkish analyst") name the author, not a country asked about.
    fn asks_other_pair(&self, query: &[index::QueryTerm], describing: &[String]) -> bool {
        let named = |set: &HashSet<index::TermId>| -> HashSet<index::TermId> {
            query
                .iter()
                .filter(|q| !describing.contains(&q.text))
                .filter_map(|q| q.term)
                .filter(|t| set.contains(t))
                .collect()
        };
        !named(&self.home).is_empty()
            && named(&self.partner).is_empty()
            && named(&self.others).len() == 1
    }
}

impl QueryFeatures {
    /// Moves `years` (the years of events the question names, see
    /// [`timeline::Timeline::years_of_named_events`]) out of the entities every entry must
    /// mention: "how many people can the hub opened in 2021 take in" is answered by the entry on
    /// the centre's capacity, which gives no year. An entry dated otherwise must still mention
    /// them ("the first meeting, in 2018" is not the one of 2022).
    fn without_years_of_named_events(&mut self, terms: &[index::TermId]) {
        self.years_of_named_events = self
            .entities
            .iter()
            .filter(|b| terms.contains(&b.term))
            .copied()
            .collect();
        self.entities.retain(|b| !terms.contains(&b.term));
    }

    /// True when the question names entities or cities and has no other topic word: nothing
    /// it asks about them (unless it asks how two of them meet).
    fn names_alone(&self) -> bool {
        let asks_how_names_meet = self.names >= 2 && !self.question_words.is_empty();
        self.places_only && (self.places_named || !self.entities.is_empty()) && !asks_how_names_meet
    }

    /// A known term of the question with its bit ([`TermBit`]).
    fn bit(&self, term: index::TermId) -> TermBit {
        term_bit(&self.known, term)
    }

    fn new(query: &[index::QueryTerm], index: &Index, p: &Params) -> Self {
        let weight = |q: &index::QueryTerm| match q.term {
            Some(_) => q.weight,
            None => q.weight * p.unknown_scale,
        };
        let topic = known_terms(query);
        let known: Vec<index::TermId> = topic.iter().map(|(t, _)| *t).collect();
        let bit = |term: index::TermId| term_bit(&known, term);
        let terms_where = |keep: &dyn Fn(&index::TermId) -> bool| -> Vec<TermBit> {
            query
                .iter()
                .filter_map(|q| q.term)
                .filter(|t| keep(t))
                .map(bit)
                .collect()
        };
        let special =
            |t: &index::TermId| index.entities.contains(t) || index.question_words.contains(t);
        let informative = query
            .iter()
            .filter(|q| weight(q) >= p.informative_weight)
            .filter_map(|q| q.term)
            .filter(|t| !special(t))
            .map(bit)
            .collect();
        let unknown = query
            .iter()
            .filter(|q| q.term.is_none() && !q.common && weight(q) >= p.informative_weight)
            .count() as i32;
        QueryFeatures {
            total: query.iter().map(weight).sum(),
            entities: terms_where(&|t| index.entities.contains(t)),
            years: query
                .iter()
                .filter(|q| kinds::is_year(&q.text))
                .filter_map(|q| q.term)
                .filter(|t| index.entities.contains(t))
                .map(bit)
                .collect(),
            question_words: terms_where(&|t| index.question_words.contains(t)),
            informative,
            unknown,
            unknown_years: query
                .iter()
                .filter(|q| q.term.is_none() && kinds::is_year(&q.text))
                .count() as i32,
            topic: topic
                .iter()
                .filter(|(t, _)| !special(t))
                .map(|&(t, w)| (bit(t), w))
                .collect(),
            places_only: topic
                .iter()
                .all(|(t, _)| special(t) || index.places.contains(t)),
            places_named: topic.iter().any(|(t, _)| index.places.contains(t)),
            names: topic
                .iter()
                .filter(|(t, w)| {
                    (index.entities.contains(t) || index.places.contains(t))
                        && *w >= COMMON_NAME_WEIGHT
                })
                .count(),
            known,
            other_pair: false,
            absent_places: 0,
            years_of_named_events: Vec::new(),
        }
    }
}

/// An entity in at most one record in this many is rare: a question naming one asks about it
/// ([`Engine::break_top_tie`]).
const RARE_ENTITY_SHARE: usize = 15;

/// Words offering an alternative ("article four or five", "статья 4 или 5").
const ALTERNATIVE_WORDS: &[&str] = &["or", "или", "либо"];

/// The fewest letters of each part of a [`Engine::shorthand_compound`]: "гос" + "договор".
const MIN_COMPOUND_PART_CHARS: usize = 3;

/// Numbers below this may be guesses at a count ([`Engine::without_guessed_numbers`]).
const GUESSED_NUMBER_LIMIT: u32 = 1000;

/// True for a number with a leading zero ("the 004 paper", "в статье 004", "004's
/// co-authors"): it names a document by its number in the seed list, never a treaty article
/// or a count.
fn numbers_a_document(word: &str) -> bool {
    word.starts_with('0')
}

/// The known terms of a query with their weights, each term once (its heaviest occurrence).
fn known_terms(query: &[index::QueryTerm]) -> Vec<(index::TermId, f32)> {
    let mut known: Vec<(index::TermId, f32)> = Vec::new();
    for q in query {
        let Some(t) = q.term else { continue };
        match known.iter_mut().find(|(k, _)| *k == t) {
            Some(slot) => slot.1 = slot.1.max(q.weight),
            None => known.push((t, q.weight)),
        }
    }
    known
}

/// The spellings of the word "article" (its synonym group), which the kinds read article
/// numbers after.
fn article_words(kb: &KnowledgeBase) -> &[String] {
    kb.synonyms
        .iter()
        .find(|g| g.terms.iter().any(|t| t == ARTICLE_WORD))
        .map_or(&[], |g| g.terms.as_slice())
}

/// The words typo correction keeps as typed: the timeline's cues, and names and topics no
/// document mentions ("tenge", "Minsk"), which are real words too ("tenge" is not "tense") and
/// so count as absent.
fn kept_as_typed(kb: &KnowledgeBase) -> Vec<&str> {
    let pairs = &kb.language.country_pairs;
    timeline_cue_words(&kb.language.timeline)
        .into_iter()
        .chain(
            pairs
                .absent
                .iter()
                .chain(&pairs.absent_topics)
                .map(String::as_str),
        )
        .collect()
}

/// The decline saying the documents do not give what was asked, showing what record `record`
/// does say.
fn not_given(record: usize, asked: Option<AnswerKind>, unmentioned: Option<String>) -> Outcome {
    declined(Decline::NotGiven {
        record,
        asked,
        unmentioned,
    })
}

fn declined(reason: Decline) -> Outcome {
    Outcome::Declined {
        reason,
        suggestions: vec![],
    }
}

/// A word at most this informative in the general language (Zipf 4.8 or more: "talk", "free",
/// "busy") is an everyday word; "terrorism" (4.3) and "treaty" (4.3) are not.
const EVERYDAY_WORD_INFO: f32 = 0.7;

/// A word that this many records use is a topic of the documents ("border", "trade", "day").
const TOPIC_WORD_RECORDS: usize = 8;

/// When a timeline question names two events and only one is known, an entry scoring at least
/// this answers it (one written for that gap); below, the question is declined as naming an
/// unknown event.
const TIMELINE_FALLBACK_SCORE: f32 = 0.9;

/// A question asking which article says something, whose best candidate is an article this far
/// ahead of the next, is answered from this score up. Measured over every question file: 0.5
/// with 0.05 and 0.45 with 0.03 gain two answers, 0.4 with none one more; none loses one.
const ARTICLE_ASKED_THRESHOLD: f32 = 0.45;
const ARTICLE_ASKED_MARGIN: f32 = 0.03;

/// Where an opening of thanks or an acknowledgement may end ("thanks, …", "от души! …").
const REMARK_PAUSES: &[char] = &[',', '.', '!', ';', ':', '—', '–', '…'];

/// The longest opening read as small talk before a remark ("much obliged", "ладно, понял").
const MAX_REMARK_OPENING_CHARS: usize = 24;

/// Questions longer than this are refused before matching: nobody types a question this long,
/// and the work of matching grows with length.
pub const MAX_QUESTION_CHARS: usize = 1000;

/// The language a question is in (and the answer should be in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    /// Russian when the text is mostly Cyrillic, English otherwise.
    pub fn detect(text: &str) -> Self {
        if normalize::is_cyrillic(text) {
            Lang::Ru
        } else {
            Lang::En
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }
}

/// What a record is in the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RecordKind {
    /// `kb.entries[i]`
    Entry(usize),
    /// `kb.articles[i]`
    Article(usize),
}

/// Something the engine can answer with.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Record {
    /// The entry id, or `article-N`.
    pub id: String,
    pub kind: RecordKind,
}

/// Why the engine declined.
#[derive(Debug, Clone, PartialEq)]
pub enum Decline {
    /// Nothing in the knowledge base fits well enough.
    NoMatch,
    /// The question names a treaty article the documents do not quote or describe.
    UnknownArticle(u32),
    /// The question is empty (or only punctuation).
    Empty,
    /// The question is longer than [`MAX_QUESTION_CHARS`].
    TooLong(usize),
    /// The best record is about what was asked but does not give the kind of fact asked for
    /// (a city, an exact day, a cost…), or is an entry that says the documents do not give it
    /// (`asked` is then `None`); the reply shows what the record does say.
    NotGiven {
        record: usize,
        asked: Option<AnswerKind>,
        /// The words of a "which X" question whose X the record never mentions ("which bank").
        unmentioned: Option<String>,
    },
    /// A question about the time between two events, or their order, that names fewer than
    /// two events of the timeline (the one found, if any).
    EventsNotFound { found: Option<usize> },
}

/// The result of asking the engine a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The best match, and close alternatives the user may have meant instead.
    Answer {
        best: Ranked,
        alternatives: Vec<Ranked>,
    },
    /// The time between two dated events, or their order, computed from the timeline.
    Compared(Comparison),
    /// Small talk or a question about the bot itself: a fixed reply, not an answer.
    SmallTalk(IntentId),
    /// Two questions in one, each answered (an `Answer` or a `Compared`).
    Parts(Box<Outcome>, Box<Outcome>),
    /// Two questions in one, only one of them answered (an `Answer` or a `Compared`): the
    /// other part as the user wrote it (normalised words), and records it may have meant.
    PartlyAnswered {
        answered: Box<Outcome>,
        unanswered: String,
        suggestions: Vec<Ranked>,
    },
    /// No answer, with up to [`MAX_SUGGESTIONS`] suggested records.
    Declined {
        reason: Decline,
        suggestions: Vec<Ranked>,
    },
}

impl Outcome {
    /// The record an `Answer` answers with.
    pub fn answered_record(&self) -> Option<usize> {
        match self {
            Outcome::Answer { best, .. } => Some(best.record),
            _ => None,
        }
    }

    /// True for an answer from the documents (a record or a computation).
    pub fn is_answer(&self) -> bool {
        matches!(
            self,
            Outcome::Answer { .. }
                | Outcome::Compared(_)
                | Outcome::Parts(..)
                | Outcome::PartlyAnswered { .. }
        )
    }
}

/// The knowledge base with its search index.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Engine {
    /// Serialised without what only indexing reads (see [`runtime_knowledge`]).
    #[serde(serialize_with = "serialize_runtime_knowledge")]
    kb: KnowledgeBase,
    /// The entries (`kb.entries` is empty in an engine read from bytes).
    entries: entries::EntryTable,
    records: Vec<Record>,
    index: Index,
    article_key: String,
    /// The stems whose key is `article_key` ([`Engine::is_article_word`]).
    article_stems: Vec<String>,
    smalltalk: SmallTalk,
    /// The small-talk intent for messages made only of symbols (an emoji).
    reaction: Option<IntentId>,
    /// Terms that only ask (the question-word groups and `open_question_words`): a question
    /// made of nothing else names nothing to answer about.
    question_terms: HashSet<index::TermId>,
    /// The terms of `language.toml`'s `counted_people`: any of them counts people.
    people_terms: Vec<index::TermId>,
    /// One bit per record: whether it mentions a year (1900–2099).
    dated_records: Vec<u64>,
    /// One bit per record: whether its answer, in either language, has a vague quantifier
    /// ("various think tanks"); only those are read by [`Engine::named_only_vaguely`].
    vague_records: Vec<u64>,
    kinds: Kinds,
    /// What "which X" questions ask for.
    focus: focus::Focus,
    /// What each record can give, by index.
    capabilities: Vec<Capabilities>,
    timeline: Timeline,
    /// Chat shorthand ("u", "ppl") and the words it stands for.
    shorthand: HashMap<String, Vec<String>>,
    /// Real words typed for a question word ("were did he study").
    question_word_slips: crate::knowledge::QuestionWordSlips,
    /// Phrases of chat context that are not part of the question ("my teacher asked"), as
    /// words, by their first word, longest first.
    chat_context: HashMap<String, Vec<Vec<String>>>,
    /// Phrases opening the asker's guess after a question ("i always assumed"), as
    /// `chat_context`.
    guess_tails: HashMap<String, Vec<Vec<String>>>,
    /// The [`normalize::words_mask`] of their first words: tokens without one of these bits
    /// open no guess.
    guess_tail_bits: u64,
    /// The word lists that make a question a follow-up ([`followup`]).
    followup: followup::FollowUpWords,
    /// Authors referred to by description ([`authors`]).
    authors: authors::Authors,
    /// The country terms of `language.toml`'s `country_pairs`.
    country_pairs: CountryPairTerms,
    params: Params,
    /// The last question [`Engine::restore_script`] read, and its reading: a question is read
    /// when it is asked and again when its reply is written, and reading costs lexicon look-ups
    /// for every word.
    #[serde(skip)]
    last_restored: std::sync::Mutex<Option<(String, Option<String>)>>,
}

/// A decline offering the candidates above the suggestion floor, best first; for a timeline
/// question that asked for years, months, days or an order without two known events, saying so.
fn declined_with_suggestions(ranked: &[Ranked], timeline: Option<TimelineResult>) -> Outcome {
    let suggestions = ranked
        .iter()
        .take_while(|r| r.score.value() >= SUGGESTION_FLOOR)
        .take(MAX_SUGGESTIONS)
        .copied()
        .collect();
    let reason = match timeline {
        Some(TimelineResult::Incomplete { asked, found, .. }) if asked != Asked::Gap(None) => {
            Decline::EventsNotFound { found }
        }
        _ => Decline::NoMatch,
    };
    Outcome::Declined {
        reason,
        suggestions,
    }
}

/// True when `words[i]` may start the second question of two in one: a question word ("… and
/// when"), one after a preposition ("… и в каком"), or a noun of what is asked ("… and number
/// of signs").
fn starts_a_part(words: &[String], i: usize) -> bool {
    let word = |j: usize| words.get(j).map_or("", String::as_str);
    let asked_after_preposition =
        |j: usize| PART_PREPOSITIONS.contains(&word(j)) && PART_STARTS.contains(&word(j + 1));
    let asked_as_noun = |j: usize| PART_NOUNS.contains(&word(j));
    let inflected = |j: usize| PART_STARTS_INFLECTED.contains(&word(j));
    let any_start = |j: usize| PART_STARTS.contains(&word(j)) || inflected(j);
    let any_preposition = |j: usize| {
        PART_PREPOSITIONS.contains(&word(j)) || PART_PREPOSITIONS_AFTER_JOINER.contains(&word(j))
    };
    PART_STARTS.contains(&word(i))
        || inflected(i)
        || (any_preposition(i) && any_start(i + 1))
        || asked_as_noun(i)
        || (word(i) == "the" && asked_as_noun(i + 1))
        || asked_after_preposition(i)
        // "… и раз во сколько лет …": one more word before the preposition.
        || (!PART_JOINERS.contains(&word(i)) && asked_after_preposition(i + 1))
}

/// The synonym groups as the index builds them.
fn synonym_groups(kb: &KnowledgeBase) -> Vec<GroupText> {
    kb.synonyms
        .iter()
        .map(|g| GroupText {
            terms: g.terms.clone(),
            entity: g.entity,
            question_word: g.question_word,
            place: g.place,
        })
        .collect()
}

/// The canonical keys of the documents' authors' name words.
fn author_keys(kb: &KnowledgeBase, index: &Index) -> HashSet<String> {
    kb.sources
        .iter()
        .flat_map(|s| s.authors.iter())
        .flat_map(|name| normalize::tokenize(name))
        .map(|word| index.key_of(&word))
        .collect()
}

/// The terms of a list of words, in order, for the ones the index knows.
fn terms_of_words(words: &[String], index: &Index) -> Vec<index::TermId> {
    words
        .iter()
        .filter_map(|word| index.term_of_key(&index.key_of(word)))
        .collect()
}

/// Bit `r` of a bit set of records ([`dated_records`], [`vague_records`]).
fn has_bit(bits: &[u64], r: usize) -> bool {
    bits[r / 64] & (1 << (r % 64)) != 0
}

/// One bit per record: whether it is an entry whose answer has a vague quantifier.
fn vague_records(kb: &KnowledgeBase, records: &[Record], focus: &focus::Focus) -> Vec<u64> {
    let mut bits = vec![0u64; records.len().div_ceil(64)];
    for (r, record) in records.iter().enumerate() {
        let RecordKind::Entry(i) = record.kind else {
            continue;
        };
        let entry = &kb.entries[i];
        let ru = entry.ru.as_ref().and_then(|ru| ru.answer.as_ref());
        if std::iter::once(&entry.answer)
            .chain(ru)
            .any(|a| focus.has_vague_word(a))
        {
            bits[r / 64] |= 1 << (r % 64);
        }
    }
    bits
}

/// One bit per record of `index`: whether its terms include a year (1900–2099).
fn dated_records(index: &Index) -> Vec<u64> {
    let years: HashSet<index::TermId> = (1900..2100u32)
        .filter_map(|year| index.term_of_key(&year.to_string()))
        .collect();
    let mut bits = vec![0u64; index.records.len().div_ceil(64)];
    for (r, record) in index.records.iter().enumerate() {
        if record
            .strong
            .iter()
            .chain(&record.weak)
            .any(|t| years.contains(t))
        {
            bits[r / 64] |= 1 << (r % 64);
        }
    }
    bits
}

/// The kinds of fact an entry's phrasings ask for, in either language. An entry saying that the
/// documents do not give them ("when does the treaty enter into force?") is the answer to such
/// a question, before any lower entry that merely shows a date.
fn kinds_asked_by(kinds: &Kinds, entry: &crate::knowledge::Entry) -> Vec<AnswerKind> {
    let translated = entry.ru.iter().flat_map(|ru| &ru.questions);
    entry
        .questions
        .iter()
        .chain(translated)
        .filter_map(|q| kinds.asked(&normalize::tokenize(q)))
        .collect()
}

/// The knowledge base as a built engine still reads it. The entries are stored apart
/// ([`entries::EntryTable`]). The synonym groups, the stop words, the small-talk cues, most of
/// `language.toml`, and every phrasing but the first of each article (per language) and its
/// keywords only feed the index and the matchers, which are built. The embedded engine thus
/// loads about 18,000 fewer strings at start.
fn runtime_knowledge(kb: &KnowledgeBase) -> KnowledgeBase {
    let mut kb = kb.clone();
    kb.entries.clear();
    kb.synonyms.clear();
    kb.stopwords.clear();
    kb.language = runtime_language(std::mem::take(&mut kb.language));
    kb.smalltalk.filler.clear();
    kb.smalltalk.addressee.clear();
    kb.smalltalk.addressee_pronouns.clear();
    for intent in &mut kb.smalltalk.intents {
        intent.cues.clear();
        intent.anywhere.clear();
    }
    for article in &mut kb.articles {
        article.questions.truncate(1);
        article.keywords.clear();
        if let Some(ru) = &mut article.ru {
            ru.questions.truncate(1);
        }
    }
    kb
}

/// The entries as a built engine still reads them: the first phrasing per language (shown in
/// suggestions and buttons), without the keywords, which only feed the index.
fn runtime_entries(kb: &KnowledgeBase) -> Vec<crate::knowledge::Entry> {
    let mut entries = kb.entries.clone();
    for entry in &mut entries {
        entry.questions.truncate(1);
        entry.keywords.clear();
        if let Some(ru) = &mut entry.ru {
            ru.questions.truncate(1);
        }
    }
    entries
}

/// The parts of `language.toml` that a built engine and the renderers read while answering.
fn runtime_language(language: LanguageFile) -> LanguageFile {
    LanguageFile {
        format_version: language.format_version,
        count_units: language.count_units,
        descriptor_units: language.descriptor_units,
        descriptor_before: language.descriptor_before,
        counted_people: language.counted_people,
        person_titles: language.person_titles,
        article_plurals: language.article_plurals,
        article_total_words: language.article_total_words,
        article_count_words: language.article_count_words,
        article_number_words: language.article_number_words,
        publication_article_words: language.publication_article_words,
        ordinals: language.ordinals,
        cardinals: language.cardinals,
        open_question_words: language.open_question_words,
        premise_verbs: language.premise_verbs,
        treaty_signatories: language.treaty_signatories,
        yes_no_leads: language.yes_no_leads,
        foreign_letters: language.foreign_letters,
        foreign_words: language.foreign_words,
        ..LanguageFile::default()
    }
}

fn serialize_runtime_knowledge<S: serde::Serializer>(
    kb: &KnowledgeBase,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&runtime_knowledge(kb), serializer)
}

/// The asker's guess after a question ([`Engine::without_guess_tail`]) comes after at least
/// this many words of the question...
const GUESS_MIN_QUESTION_WORDS: usize = 3;
/// ...and is at most this many words after the phrase that opens it ("i always assumed
/// kazakhs", "my friend says 2019 but not sure"): a longer tail may be the question itself.
const GUESS_MAX_WORDS: usize = 5;

/// In a `chat_context` phrase, any one word ("my … asked": "my uncle asked").
const CONTEXT_WILDCARD: &str = "…";

/// The chat-context phrases as word lists by their first word, longest first, so that the
/// longest phrase starting at a word is found first.
fn chat_context_by_first_word(phrases: &[String]) -> HashMap<String, Vec<Vec<String>>> {
    let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::default();
    for words in phrases.iter().map(|p| context_words(p)) {
        if let Some(first) = words.first() {
            by_first.entry(first.clone()).or_default().push(words);
        }
    }
    for phrases in by_first.values_mut() {
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    }
    by_first
}

/// A `chat_context` phrase as words, "…" kept as the wildcard.
fn context_words(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .flat_map(|part| match part {
            CONTEXT_WILDCARD => vec![CONTEXT_WILDCARD.to_owned()],
            _ => normalize::tokenize(part),
        })
        .collect()
}

/// "Plus" and "+" between words (read as "plus" by the tokenizer) join two things asked,
/// whatever follows: "total length + inspection interval?". ("&" is read as "and": "trade &
/// economy" is one thing.)
const STRONG_JOINER: &str = "plus";
/// Words that join two questions in one...
const PART_JOINERS: &[&str] = &["and", "и", "а", "also"];
/// ...when a question word follows them.
const PART_STARTS: &[&str] = &[
    "what",
    "when",
    "where",
    "who",
    "whom",
    "which",
    "why",
    "how",
    "whats",
    "что",
    "когда",
    "где",
    "кто",
    "как",
    "какие",
    "какой",
    "какая",
    "какое",
    "каких",
    "сколько",
    "почему",
    "зачем",
    "откуда",
    "куда",
    "чем",
    "каков",
    "какова",
    "каково",
    "каковы",
    "скольких",
];
/// ...or an inflected question word right after the joiner or its preposition ("… и со
/// сколькими странами …", "… и кем подписан"). Not one word later, as "… и раз во сколько лет"
/// may be: "алатау и хоргос с каким терминалом" names two things and asks one question.
const PART_STARTS_INFLECTED: &[&str] = &[
    "сколькими",
    "скольким",
    "какую",
    "каким",
    "какими",
    "какому",
    "кем",
    "кому",
];
/// ...or a noun asking for a count or a name, with or without "the" ("and the count of border
/// signs", "и количество знаков", "and the names of the councils"): a figure or name asked as a
/// noun. Not "число": "а число какое?" asks for the day of a date.
const PART_NOUNS: &[&str] = &[
    "count",
    "number",
    "numbers",
    "total",
    "name",
    "names",
    "date",
    "количество",
    "название",
    "названия",
    "дата",
    "дату",
];
/// ...or a preposition and a question word ("and in which year", "и в каком году").
const PART_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "for", "from", "to", "by", "в", "во", "на", "с", "по", "до", "от", "за", "из",
];
/// Prepositions before a question word only right after the joiner ("… и о чём договорились"):
/// one word later they start no question ("рк и руз о чём-то договорились").
const PART_PREPOSITIONS_AFTER_JOINER: &[&str] = &["со", "о", "об", "при", "про"];
/// A question in two parts: the words of each (the second with the names of the first added,
/// which it may refer to), and how many of the second's words the user wrote.
struct Split {
    first: Vec<String>,
    second: Vec<String>,
    /// When the second part points back ("who signed it?"): its words with the first part's
    /// topic words.
    second_with_topic: Option<Vec<String>>,
    written: usize,
    /// The second part is only question words ("… and by whom?"): what they ask for.
    elliptic: Option<Vec<AnswerKind>>,
}

impl Split {
    fn written_second(&self) -> &[String] {
        &self.second[..self.written]
    }
}

/// What the question words of an elliptic part ("and when?", "и где?") ask for.
fn elliptic_kinds(words: &[String]) -> Vec<AnswerKind> {
    let mut kinds = Vec::new();
    for word in words {
        match word.as_str() {
            "when" | "когда" => {
                kinds.extend([AnswerKind::Day, AnswerKind::Month, AnswerKind::Year])
            }
            "where" | "где" | "куда" | "откуда" => kinds.push(AnswerKind::Place),
            "who" | "whom" | "кто" => kinds.push(AnswerKind::Person),
            "сколько" => kinds.push(AnswerKind::Number),
            _ => {}
        }
    }
    kinds
}

/// A part of a two-part question needs at least this many words...
const MIN_PART_WORDS: usize = 3;
/// ...except a first part before a second that starts with a noun of what is asked ("border
/// length and number of signs"): two words suffice. Before a question word, two are too few
/// ("rabbimov: when and where…" asks one question).
const MIN_PART_WORDS_BEFORE_NOUN: usize = 2;

/// A name this light is in most entries (the two countries: Kazakhstan weighs 0.93,
/// Uzbekistan 0.83, the next name, Tashkent, 1.46): it says nothing about what is asked.
const COMMON_NAME_WEIGHT: f32 = 1.0;

/// The small-talk intent that answers a message of symbols only ("👍").
const REACTION_INTENT: &str = "reaction";

/// Article numbers above this are years or other figures ("in her 2021 article"), not articles.
const MAX_ARTICLE_NUMBER: u32 = 200;

/// Words between "article" and its number ("article no. 2", "статья под номером 4").
const NUMBER_MARKERS: [&str; 6] = ["no", "n", "number", "номер", "номером", "под"];

/// How many words from the word for article a number may be that article's.
const ARTICLE_NUMBER_REACH: usize = 3;
/// How many words after a count cue ("how many", "сколько") may name what is counted.
const COUNTED_WORDS: usize = 2;

/// Numbers up to this, written in digits before a noun, are counts ("the 2 countries").
const MAX_COUNTED_NUMBER: u32 = 12;

/// What each record can give (see [`Capabilities`]), by record number.
fn capabilities(
    kb: &KnowledgeBase,
    kinds: &Kinds,
    records: &[Record],
    texts: &[RecordText<'_>],
    article_numbers: &[String],
) -> Vec<Capabilities> {
    let no_declared = Vec::new();
    texts
        .iter()
        .zip(records)
        .map(|(text, record)| {
            let declared = match record.kind {
                RecordKind::Entry(i) => &kb.entries[i].answers,
                RecordKind::Article(_) => &no_declared,
            };
            let caps = kinds.capabilities(&text.answer, declared);
            // An article gives its own number ("the number of the article on …").
            match record.kind {
                RecordKind::Article(i) => caps.with_number(&article_numbers[i]).of_article(),
                RecordKind::Entry(i) if kb.entries[i].unanswerable => {
                    caps.with_declined_kinds(kinds_asked_by(kinds, &kb.entries[i]))
                }
                RecordKind::Entry(i)
                    if kinds_asked_by(kinds, &kb.entries[i]).contains(&AnswerKind::Reason) =>
                {
                    caps.with_reason()
                }
                RecordKind::Entry(_) => caps,
            }
        })
        .collect()
}

/// The words of the timeline's cues, which typo correction keeps as typed.
fn timeline_cue_words(cues: &crate::knowledge::schema::TimelineCues) -> Vec<&str> {
    [
        &cues.order,
        &cues.order_words,
        &cues.years,
        &cues.months,
        &cues.days,
        &cues.duration,
        &cues.spans,
        &cues.gap_words,
        &cues.time_gap_words,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect()
}

/// The word whose synonyms ("article", "clause", "статья") introduce an article number.
const ARTICLE_WORD: &str = "article";

impl Engine {
    /// Builds the index over every entry and article of `kb`.
    pub fn new(kb: KnowledgeBase) -> Self {
        Self::with_params(kb, Params::default())
    }

    /// Like [`Engine::new`], with other scoring parameters (for evaluation tools).
    pub fn with_params(kb: KnowledgeBase, params: Params) -> Self {
        let article_numbers: Vec<String> =
            kb.articles.iter().map(|a| a.number.to_string()).collect();
        let (records, texts) = record_texts(&kb, &article_numbers);
        let groups = synonym_groups(&kb);
        let kinds = Kinds::new(&kb.language, article_words(&kb));
        let capabilities = capabilities(&kb, &kinds, &records, &texts, &article_numbers);
        let smalltalk = SmallTalk::new(
            &kb.smalltalk,
            &kb.stopwords,
            &kb.language.open_question_words,
        );
        let filler: Vec<String> = smalltalk.words().cloned().collect();
        let index = Index::build(&texts, &groups, &kb.stopwords, &filler, &kept_as_typed(&kb));
        drop(texts);
        let article_key = index.key_of(ARTICLE_WORD);
        let article_stems = index.stems_of_key(&article_key);
        let timeline = Timeline::new(
            &kb.language,
            &kb.events,
            &kb.sources,
            author_keys(&kb, &index),
            &index,
        );
        let focus = focus::Focus::new(&kb.language, &index);
        let reaction = kb
            .smalltalk
            .intents
            .iter()
            .position(|i| i.name == REACTION_INTENT);
        let shorthand = kb
            .language
            .shorthand
            .iter()
            .map(|(short, full)| (short.to_lowercase(), normalize::tokenize(full)))
            .collect();
        let question_word_slips = kb.language.question_word_slips.clone();
        let chat_context = chat_context_by_first_word(&kb.language.chat_context);
        let guess_tails = chat_context_by_first_word(&kb.language.guess_tails);
        let followup = followup::FollowUpWords::new(&kb);
        let authors = authors::Authors::new(&kb, &index);
        let country_pairs = CountryPairTerms::new(&kb.language.country_pairs, &index);
        let question_terms = terms_of_words(&kb.language.open_question_words, &index)
            .into_iter()
            .chain(index.question_words.iter().copied())
            .collect();
        let people_terms = terms_of_words(&kb.language.counted_people, &index);
        let dated_records = dated_records(&index);
        let vague_records = vague_records(&kb, &records, &focus);
        let entries = entries::EntryTable::new(&runtime_entries(&kb));
        Engine {
            kb,
            entries,
            records,
            index,
            article_key,
            article_stems,
            smalltalk,
            reaction,
            question_terms,
            people_terms,
            dated_records,
            vague_records,
            kinds,
            focus,
            capabilities,
            timeline,
            shorthand,
            question_word_slips,
            chat_context,
            guess_tail_bits: normalize::words_mask(guess_tails.keys()),
            guess_tails,
            followup,
            authors,
            country_pairs,
            params,
            last_restored: std::sync::Mutex::default(),
        }
    }

    /// The knowledge base without its entries (see [`Engine::entry`]) in an engine read from
    /// bytes.
    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Entry `i` of the knowledge base (`RecordKind::Entry(i)`).
    pub fn entry(&self, i: usize) -> &crate::knowledge::Entry {
        self.entries.get(i)
    }

    /// The engine over the embedded knowledge base from `serialised`, the engine the bot's
    /// build script built with this code and embedded, which loads without parsing TOML or
    /// indexing. Built here from the embedded files only when `serialised` holds no engine (the
    /// knowledge base did not validate at build time, so this reports why).
    pub fn embedded(serialised: &'static [u8]) -> Result<Self, crate::knowledge::KnowledgeError> {
        match Self::from_bytes(serialised) {
            Some(engine) => Ok(engine),
            None => Ok(Self::new(KnowledgeBase::embedded()?)),
        }
    }

    /// Other scoring parameters for this engine (for evaluation tools).
    pub fn set_params(&mut self, params: Params) {
        self.params = params;
    }

    /// The engine as bytes, for [`Engine::from_bytes`] (the bot's `build.rs` embeds them): the
    /// engine, then its entries' bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, postcard::Error> {
        let mut bytes = postcard::to_stdvec(self)?;
        bytes.extend_from_slice(self.entries.bytes());
        Ok(bytes)
    }

    /// An engine serialised by [`Engine::to_bytes`] with this same build; `None` for empty or
    /// unreadable bytes. Static, because the engine keeps its entries' bytes where they are and
    /// decodes an entry when it is first read.
    pub fn from_bytes(bytes: &'static [u8]) -> Option<Self> {
        if bytes.is_empty() {
            return None;
        }
        let (mut engine, entries): (Engine, _) = fast_utf8::take_from_bytes(bytes).ok()?;
        engine.entries.attach(entries).then_some(engine)
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn record(&self, index: usize) -> &Record {
        &self.records[index]
    }

    /// The record with this id (entry id or `article-N`).
    pub fn find(&self, id: &str) -> Option<usize> {
        self.records.iter().position(|r| r.id == id)
    }

    /// Answers a question.
    pub fn ask(&self, question: &str) -> Outcome {
        let length = question.chars().count();
        if length > MAX_QUESTION_CHARS {
            return declined(Decline::TooLong(length));
        }
        let tokens = self.tokens(question);
        if let Some(intent) = self.smalltalk.detect(&tokens, question, self.reaction) {
            return Outcome::SmallTalk(intent);
        }
        if let Some(intent) = self
            .smalltalk
            .detect_around(&tokens, |word| self.is_topic_word(word))
        {
            return Outcome::SmallTalk(intent);
        }
        if let Some(intent) = self.remark_after_small_talk(question) {
            return Outcome::SmallTalk(intent);
        }
        if tokens.is_empty() {
            return declined(Decline::Empty);
        }
        let (words, keys) = self.read_words_and_keys(tokens);
        let whole = self.answer_words_with(&words, keys);
        match self.split_parts(&words) {
            Some(split) => self.both_parts(&split, whole),
            None => whole,
        }
    }

    /// Thanks or an acknowledgement, a pause, and a remark that asks nothing ("much obliged, my
    /// essay is basically done now"): small talk, though the remark may share a word with the
    /// documents ([`SmallTalk::opening_a_remark`]). Only a short opening before the pause is
    /// read as small talk.
    fn remark_after_small_talk(&self, question: &str) -> Option<smalltalk::IntentId> {
        let pause = question.find(REMARK_PAUSES)?;
        let (head, rest) = question.split_at(pause);
        if head.chars().count() > MAX_REMARK_OPENING_CHARS {
            return None;
        }
        self.smalltalk.opening_a_remark(
            &self.tokens(head),
            || self.tokens(rest),
            rest,
            |word| self.is_topic_word(word),
        )
    }

    /// True when the one word of a question the knowledge base knows (question words aside) is
    /// an everyday word that only a few entries happen to use ("talk to me", "are you free",
    /// "my bad"): it says nothing about the documents, though it would match those entries in
    /// full. Topic words ("border", "trade") occur in many entries, names and terms are rare in
    /// the language, and both still answer alone.
    fn only_an_everyday_word(&self, terms: &[index::QueryTerm], words: &[String]) -> bool {
        let mut known = terms
            .iter()
            .filter_map(|t| t.term)
            .filter(|id| !self.question_terms.contains(id));
        let (Some(id), None) = (known.next(), known.next()) else {
            return false;
        };
        // The words as typed: the term's other forms may be rarer ("talks" for "talk").
        let mut typed = words
            .iter()
            .filter(|w| self.index.term_of_key(&self.index.key_of(w)) == Some(id))
            .peekable();
        typed.peek().is_some()
            && typed.all(|w| lexicon::informativeness(w) <= EVERYDAY_WORD_INFO)
            && !self.index.entities.contains(&id)
            && self.index.records_with(id) < TOPIC_WORD_RECORDS
    }

    /// True when record `r` has none of the question's known terms but question words ("how
    /// many", "when"): "сколько людей в день" matched the list of allies on "сколько" alone, as
    /// fully as an entry could, while naming nothing the entry is about.
    fn shares_only_question_words(&self, r: usize, terms: &[index::QueryTerm]) -> bool {
        // Its term lists searched (no masks: no sums here), as scoring reads a record; a word
        // naming or describing a document the record cites counts too, as in scoring.
        let holds = Holds {
            terms: &self.index.records[r],
            strong: 0,
            weak: 0,
        };
        let has = |id: &index::TermId| {
            holds.mentions(TermBit { term: *id, mask: 0 })
                || self.index.credit_postings[*id as usize].contains(&(r as u32))
        };
        let mut topic = terms
            .iter()
            .filter_map(|t| t.term)
            .filter(|id| !self.question_terms.contains(id))
            .peekable();
        topic.peek().is_some() && !topic.any(|id| has(&id))
    }

    /// True for a word the knowledge base uses, as typed or after typo correction, as a topic:
    /// an entity, a word of two entries or more, or a name or term the general language does
    /// not list. An everyday word one entry happens to use ("awake" in "what keeps Tashkent
    /// awake at night") is no topic next to small talk.
    fn is_topic_word(&self, word: &str) -> bool {
        let fixed = self.index.fixed_words(vec![word.to_owned()]);
        let rare = !lexicon::is_real_word(word);
        self.index.terms_of(&fixed).iter().any(|t| {
            t.term.is_some_and(|id| {
                rare || self.index.entities.contains(&id) || self.index.records_with(id) >= 2
            })
        })
    }

    /// The words of a question, with chat shorthand written out ("who made u" is "who made you").
    /// A question's words after typo correction, with the name of an author it refers to by
    /// description ("the guy who wrote the draft analysis").
    fn read_words(&self, tokens: Vec<String>) -> Vec<String> {
        self.read_words_and_keys(tokens).0
    }

    /// [`Self::read_words`] with the words' canonical keys, when they are the words read (not
    /// when an author's name replaced a description): the ranking reads them again.
    fn read_words_and_keys(&self, tokens: Vec<String>) -> (Vec<String>, Option<index::Keys>) {
        let tokens = self.without_chat_context(self.without_guess_tail(tokens));
        // Read again after typo correction: "teachr asked us" is context too.
        let fixed = self.index.fixed_words(tokens);
        let fixed = self.without_chat_context(self.without_guess_tail(fixed));
        let words = self.without_small_counts(self.with_article_digits(self.without_titles(fixed)));
        let words = self.without_stated_measures(self.without_guessed_numbers(words));
        let keys = self.index.analyse(&words);
        match self
            .authors
            .named_by_description(&words, &keys, &self.index)
        {
            Some(named) => (named, None),
            None => (words, Some(keys)),
        }
    }

    /// The words without a title before a person's name ("dr askeroglu", "доктор аскероглу"):
    /// "doctor" there names no degree, and "Dr." matched the entries that write it.
    fn without_titles(&self, words: Vec<String>) -> Vec<String> {
        let titled = |i: usize| {
            self.kb.language.person_titles.contains(&words[i])
                && words[i + 1..]
                    .iter()
                    .take(2)
                    .any(|next| self.is_person(next))
        };
        // Most questions have no title: they keep their words without a copy.
        if !(0..words.len()).any(titled) {
            return words;
        }
        let keep: Vec<bool> = (0..words.len()).map(|i| !titled(i)).collect();
        words
            .into_iter()
            .zip(keep)
            .filter_map(|(w, keep)| keep.then_some(w))
            .collect()
    }

    /// The tokens without the asker's guess after the question ([`LanguageFile::guess_tails`]):
    /// "sihm launched when, my friend says 2019 but not sure" asks when SIHM was launched.
    fn without_guess_tail(&self, mut tokens: Vec<String>) -> Vec<String> {
        // Only the last words can open a guess: the phrase and the few words after it (one more:
        // a word with an apostrophe, "i'd", may be two tokens).
        let first = tokens
            .len()
            .saturating_sub(GUESS_MAX_WORDS + crate::knowledge::MAX_GUESS_PHRASE_WORDS + 1)
            .max(GUESS_MIN_QUESTION_WORDS);
        let tail_at = (first..tokens.len()).find(|&i| {
            // A word without the bits of the phrases' first words opens none: no lookup.
            normalize::word_bit(&tokens[i]) & self.guess_tail_bits != 0
                && self.guess_tails.get(&tokens[i]).is_some_and(|phrases| {
                    phrases.iter().any(|p| {
                        let rest = tokens.len() - i;
                        rest >= p.len()
                            && rest - p.len() <= GUESS_MAX_WORDS
                            && p.iter()
                                .zip(&tokens[i..])
                                .all(|(w, t)| w == CONTEXT_WILDCARD || w == t)
                    })
                })
        });
        if let Some(at) = tail_at {
            tokens.truncate(at);
        }
        tokens
    }

    /// The tokens without chat context ("my teacher asked: …").
    fn without_chat_context(&self, tokens: Vec<String>) -> Vec<String> {
        let phrase_at = |i: usize| {
            self.chat_context.get(&tokens[i])?.iter().find(|p| {
                tokens.len() - i >= p.len()
                    && p.iter()
                        .zip(&tokens[i..])
                        .all(|(w, t)| w == CONTEXT_WILDCARD || w == t)
            })
        };
        // One flag per token (most questions have no context, and keep every token).
        let mut keep = vec![true; tokens.len()];
        let mut i = 0;
        while i < tokens.len() {
            match phrase_at(i) {
                Some(phrase) => {
                    keep[i..i + phrase.len()].fill(false);
                    i += phrase.len();
                }
                None => i += 1,
            }
        }
        // Only context ("I'm a journalist writing a piece") asks nothing: no words are left to
        // match, so it is declined rather than answered from the words that describe the asker.
        let mut flags = keep.into_iter();
        let mut tokens = tokens;
        tokens.retain(|_| flags.next().unwrap_or(true));
        tokens
    }

    /// The kind of fact a question asks for ([`Kinds::asked_of`]); persons are the documents'
    /// authors and the people and roles of `language.toml`.
    fn asked(&self, words: &[String]) -> Option<AnswerKind> {
        self.kinds.asked_of(words, |word| self.is_person(word))
    }

    /// True for a word naming a person: an author, or a person or role of `language.toml`.
    fn is_person(&self, word: &str) -> bool {
        self.kinds.is_person_word(word)
            || self
                .authors
                .names_an_author(std::slice::from_ref(&word.to_owned()), &self.index)
    }

    /// A small count written in digits before a noun ("the 2 countries", "3 principles"), in a
    /// question that names no article, written as its number word in the noun's script ("three
    /// principles", "три принципа"): such a number says how many, not which, and would otherwise
    /// match the article with that number; the word still matches an entry about "the three
    /// principles". Units keep their number ("10 years", "5 billion").
    fn without_small_counts(&self, words: Vec<String>) -> Vec<String> {
        let words = self.without_article_counts(words);
        // A number near the word for article may be its number ("article 3", "3rd article
        // principles"); one further away counts ("the 3 principles …, per the journal article").
        let is_article = |w: &String| self.is_article_word(w);
        let near_article = |i: usize| {
            words[i.saturating_sub(ARTICLE_NUMBER_REACH)
                ..(i + ARTICLE_NUMBER_REACH + 1).min(words.len())]
                .iter()
                .any(is_article)
        };
        let count_before_noun = |i: usize| {
            // The number first: looking for the article word near every word cost more than
            // the rest of this reading.
            let count = Some(&words[i])
                .filter(|w| !numbers_a_document(w))?
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=MAX_COUNTED_NUMBER).contains(n) && !near_article(i))?;
            let next = words.get(i + 1).filter(|next| {
                // "item 6 in the list", "footnote 3 about": a label's number.
                next.chars().all(char::is_alphabetic)
                    && !self.index.is_stopword(next)
                    && !self.kb.language.count_units.iter().any(|u| u == *next)
            })?;
            Some((count, next.chars().any(|c| c.is_ascii_alphabetic())))
        };
        let counts: Vec<Option<(u32, bool)>> = (0..words.len()).map(count_before_noun).collect();
        words
            .into_iter()
            .zip(counts)
            .filter_map(|(word, count)| match count {
                None => Some(word),
                Some((n, latin)) => self.cardinal_word(n, latin),
            })
            .collect()
    }

    /// The words without two numbers offered as guesses at the end ("how many articles, like 20
    /// or 30?", "20? 30?"): the asker's guesses, not figures of the documents, they would match
    /// whatever entry mentions those numbers. Years and a number after the word for article are
    /// kept ("article 3 or 4" asks which article; `offers_another` reads it).
    fn without_guessed_numbers(&self, mut words: Vec<String>) -> Vec<String> {
        let guess = |w: &String| {
            w.parse::<u32>().is_ok_and(|n| n < GUESSED_NUMBER_LIMIT) && !kinds::is_year(w)
        };
        let n = words.len();
        let pair = match words.as_slice() {
            [.., a, or, b] if guess(a) && ALTERNATIVE_WORDS.contains(&or.as_str()) && guess(b) => {
                Some(n - 3)
            }
            [.., a, b] if guess(a) && guess(b) => Some(n - 2),
            _ => None,
        };
        let Some(start) = pair else {
            return words;
        };
        let after_article = start
            .checked_sub(1)
            .is_some_and(|b| self.is_article_word(&words[b]));
        if !after_article {
            words.truncate(start);
        }
        words
    }

    /// Without a measure that describes what is asked about ("тот хаб на 400 га — когда
    /// открыли", "the 400 ha hub: when did it open"): said by the asker to name the thing, it
    /// is not asked, and the entry on that measure would win over the one on what is asked.
    /// "На" before it or a noun after it makes a measure a description; "сколько га" asks one.
    fn without_stated_measures(&self, words: Vec<String>) -> Vec<String> {
        // Most questions have no number at all.
        if !words
            .iter()
            .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        {
            return words;
        }
        let language = &self.kb.language;
        let is_unit = |w: &String| language.descriptor_units.contains(w);
        let measure = |i: usize| -> Option<std::ops::Range<usize>> {
            words.get(i + 1).filter(|u| is_unit(u))?;
            words[i].parse::<f64>().ok()?;
            let before = i
                .checked_sub(1)
                .filter(|&b| language.descriptor_before.contains(&words[b]));
            let noun_after = words.get(i + 2).is_some_and(|next| {
                next.chars().all(char::is_alphabetic)
                    && !self.index.is_stopword(next)
                    && !is_unit(next)
            });
            match before {
                Some(b) => Some(b..i + 2),
                None => noun_after.then_some(i..i + 2),
            }
        };
        let Some(span) = (0..words.len()).find_map(measure) else {
            return words;
        };
        // Only the description: a question that is nothing else asks about the measure.
        if span.len() == words.len() {
            return words;
        }
        let mut words = words;
        words.drain(span);
        words
    }

    /// Without a number right before the plural of article ("17 articles in all", "из 20
    /// статей"): it counts articles, so it should neither name nor match the article with that
    /// number.
    fn without_article_counts(&self, mut words: Vec<String>) -> Vec<String> {
        let plurals = &self.kb.language.article_plurals;
        let counts: Vec<usize> = (1..words.len())
            .filter(|&i| plurals.contains(&words[i]) && words[i - 1].parse::<u32>().is_ok())
            .map(|i| i - 1)
            .collect();
        for i in counts.into_iter().rev() {
            words.remove(i);
        }
        words
    }

    /// Small ordinals written in digits ("the 4th consultative meeting", "the 2nd author") as
    /// their words ("fourth"): they say which one, never how many (a count before a noun is
    /// written out as a cardinal), and the documents' names for such events use the words. Not
    /// next to a month ("the 6th of December"), nor ordinals the table lacks ("the 100th meeting"
    /// stays "100", as the documents write it).
    fn with_ordinal_words(&self, text: &str, mut tokens: Vec<String>) -> Vec<String> {
        // Most questions have no digit at all: nothing to read.
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            return tokens;
        }
        // With whether it was written with a Russian ending: "4-я встреча", "4ая встреча" (one
        // digit: "в 18-м" is a year), read only just before a noun of a series ("6-го числа" is a
        // day).
        let written: Vec<(&str, bool)> = text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter_map(|piece| {
                let digits = piece.bytes().take_while(u8::is_ascii_digit).count();
                if digits == 0 {
                    return None;
                }
                let suffix = piece[digits..].to_lowercase();
                let english = matches!(suffix.as_str(), "st" | "nd" | "rd" | "th");
                let russian = digits == 1
                    && normalize::ORDINAL_ENDINGS.contains(&suffix.trim_start_matches('-'));
                (english || russian).then(|| (&piece[..digits], !english))
            })
            .collect();
        if written.is_empty() {
            return tokens;
        }
        // "the 6th of December", "December 6th": a day of a month.
        let near_a_month = |i: usize| {
            (i.saturating_sub(2)..(i + 3).min(tokens.len()))
                .any(|j| crate::knowledge::PartialDate::month_of_word(&tokens[j]).is_some())
        };
        let skipped: Vec<bool> = (0..tokens.len())
            .map(|i| {
                let Some(&(_, russian)) = written.iter().find(|(w, _)| *w == tokens[i]) else {
                    return true;
                };
                // The noun may follow an adjective ("4ая консультативная встреча").
                let before_a_series = tokens[i + 1..]
                    .iter()
                    .take(2)
                    .any(|next| self.kinds.is_series_noun(next));
                near_a_month(i) || (russian && !before_a_series)
            })
            .collect();
        for (i, token) in tokens.iter_mut().enumerate() {
            if skipped[i] {
                continue;
            }
            let ordinal = token.parse::<u32>().ok().and_then(|n| {
                self.kb
                    .language
                    .ordinals
                    .iter()
                    .find(|(word, &value)| value == n && word.is_ascii())
            });
            if let Some((word, _)) = ordinal {
                *token = word.clone();
            }
        }
        tokens
    }

    /// The number word for `n` in Latin or Cyrillic letters ("three", "три"), if the language
    /// file has one.
    fn cardinal_word(&self, n: u32, latin: bool) -> Option<String> {
        self.kb
            .language
            .cardinals
            .iter()
            .find(|(word, &value)| value == n && word.is_ascii() == latin)
            .map(|(word, _)| word.clone())
    }

    /// A question in Russian typed in Latin letters or on the English layout, in Cyrillic.
    fn restore_script(&self, question: &str) -> Option<String> {
        let last = || {
            self.last_restored
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some((read, restored)) = last().as_ref() {
            if read == question {
                return restored.clone();
            }
        }
        let restored = script::restore(question, |word| self.index.knows(word));
        *last() = Some((question.to_owned(), restored.clone()));
        restored
    }

    /// The question as the engine reads it: Russian typed in Latin letters or on the English
    /// layout back in Cyrillic, anything else as it is.
    pub fn in_own_script<'q>(&self, question: &'q str) -> std::borrow::Cow<'q, str> {
        match self.restore_script(question) {
            Some(restored) => std::borrow::Cow::Owned(restored),
            None => std::borrow::Cow::Borrowed(question),
        }
    }

    /// The language of a question, reading Russian typed in Latin letters as Russian.
    pub fn lang_of(&self, question: &str) -> Lang {
        match self.restore_script(question) {
            Some(_) => Lang::Ru,
            None => Lang::detect(question),
        }
    }

    fn tokens(&self, question: &str) -> Vec<String> {
        let restored = self.restore_script(question);
        let is_article = |word: &str| self.is_article_word(word);
        let text = restored.as_deref().unwrap_or(question);
        let typed = self.with_ordinal_words(text, normalize::tokenize_question(text, is_article));
        // Chat shorthand written out; other words moved, not copied into a vector each.
        let mut tokens = Vec::with_capacity(typed.len());
        for t in typed {
            match self.shorthand.get(&t) {
                Some(full) => tokens.extend(full.iter().cloned()),
                None if self.index.knows(&t) => tokens.push(t),
                None => match self
                    .shorthand_compound(&t)
                    .or_else(|| normalize::split_glued(&t, is_article).map(Vec::from))
                {
                    Some(parts) => tokens.extend(parts),
                    None => match normalize::year_without_abbreviation(&t) {
                        Some(year) => tokens.push(year.to_owned()),
                        None => tokens.push(t),
                    },
                },
            }
        }
        self.read_question_word_slips(&mut tokens);
        tokens
    }

    /// A word made of a shorthand and a word the knowledge base knows ("погрансоглашение" is
    /// "погран" + "соглашение"), as the shorthand written out and the word.
    fn shorthand_compound(&self, word: &str) -> Option<Vec<String>> {
        if word.is_ascii() {
            return None;
        }
        word.char_indices()
            .skip(MIN_COMPOUND_PART_CHARS)
            .find_map(|(cut, _)| {
                let (short, rest) = word.split_at(cut);
                let full = self.shorthand.get(short)?;
                (rest.chars().count() >= MIN_COMPOUND_PART_CHARS && self.index.knows(rest))
                    .then(|| full.iter().cloned().chain([rest.to_owned()]).collect())
            })
    }

    /// "were did he study" is "where did he study": a slip for a question word is read as
    /// that word when a word that cannot follow the slip comes next.
    fn read_question_word_slips(&self, tokens: &mut [String]) {
        let slips = &self.question_word_slips;
        for at in 1..tokens.len() {
            if !slips.before.contains(&tokens[at]) {
                continue;
            }
            if let Some(word) = slips.words.get(&tokens[at - 1]) {
                tokens[at - 1].clone_from(word);
            }
        }
    }

    /// Two questions in one ("when was it signed and who signed it?"): both answered when each
    /// part alone is answered, by different records; when only one part is, the reply says
    /// which part the documents leave open instead of passing one answer off as the whole.
    fn both_parts(&self, split: &Split, whole: Outcome) -> Outcome {
        // "Премьеры руководят комитетом — а как зовут узбекского?": the first part states what
        // the question builds on; only the second asks.
        if self.is_premise(&split.first) {
            return whole;
        }
        let a = self.answer_words(&split.first);
        // "Who signed it and when?" is one question when the first answer gives the date too.
        if let (Some(kinds), Some(record)) = (&split.elliptic, a.answered_record()) {
            let question = self.kinds.question(&split.first);
            if kinds
                .iter()
                .any(|&kind| self.capabilities[record].gives(kind, &question))
            {
                return a;
            }
        }
        let b = self.second_part(split, &a);
        // The time between two events, one named in each part, is the whole question's one
        // question ("how many years between the council being set up and the two agreeing on
        // theirs"); a part computed alone is a question of its own ("сколько лет независим и со
        // сколькими странами союз").
        // A second part with a question of its own ("… и когда страницу обновляли?") is one.
        let computed = |o: &Outcome| matches!(o, Outcome::Compared(_));
        let own_question = split
            .second
            .iter()
            .any(|w| PART_STARTS.contains(&w.as_str()));
        if computed(&whole) && !computed(&a) && !computed(&b) && !own_question {
            return whole;
        }
        // An answer's record, `None` for a computed one; `None` outside for no answer.
        let record = |o: &Outcome| match o {
            Outcome::Compared(_) => Some(None),
            o => o.answered_record().map(Some),
        };
        match (record(&a), record(&b)) {
            (Some(ra), Some(rb)) if ra.is_none() || ra != rb => {
                Outcome::Parts(Box::new(a), Box::new(b))
            }
            (Some(ra), None) => self.partly(whole, (a, ra), b, split.written_second()),
            (None, Some(rb)) => self.partly(whole, (b, rb), a, &split.first),
            _ => whole,
        }
    }

    /// True when Russian words state something rather than ask it: a finite verb, and neither
    /// a question word nor a cue for a kind of answer ("премьеры руководят комитетом"). A
    /// telegraphic question without a verb ("длина границы и число знаков?") still asks; so
    /// may English words with a participle ("the demarcated border's length"), so only Russian
    /// is read this way.
    fn is_premise(&self, words: &[String]) -> bool {
        // Verb forms, less infinitives; and the third person plural of the second conjugation
        // ("руководят"), which the shared list leaves out.
        let finite_verb = |w: &String| {
            !w.is_ascii()
                && ((index::is_verb_form(w) && !w.ends_with("ть") && !w.ends_with("ться"))
                    || w.ends_with("ят")
                    || w.ends_with("ют")
                    || self.kb.language.premise_verbs.contains(w))
        };
        // Any form of an open question word ("какими", "кого") asks.
        let open = &self.kb.language.open_question_words;
        let asks_with_a_word = || {
            words.iter().any(|w| {
                open.iter()
                    .any(|q| !q.is_ascii() && w.starts_with(q.as_str()))
            }) || self.index.terms_of(words).iter().any(|t| {
                t.term
                    .is_some_and(|id| self.index.question_words.contains(&id))
            })
        };
        words.iter().any(finite_verb) && !asks_with_a_word() && self.asked(words).is_none()
    }

    /// The second part's outcome. One that points back is read with the first part's topic
    /// ("when was the declaration signed and who signed it?" asks who signed the declaration)
    /// when that finds another entry than the first part's. Else it is read with the first
    /// part's names only, but kept only when it finds an entry citing a document the first
    /// part's answer cites: "how many years before the alliance was that?" alone is about
    /// nothing, and "who leads it?" after an unanswered first part points at nothing.
    fn second_part(&self, split: &Split, first: &Outcome) -> Outcome {
        let Some(words) = &split.second_with_topic else {
            return self.answer_words(&split.second);
        };
        let outcome = self.answer_words(words);
        // "… and how many years before the friendship treaty was that?": the time between the
        // first part's event and the one named, computed from the timeline.
        if matches!(outcome, Outcome::Compared(_)) {
            return outcome;
        }
        let record = outcome.answered_record();
        if record.is_some() && record != first.answered_record() {
            return outcome;
        }
        let alone = self.answer_words(&split.second);
        match (first.answered_record(), alone.answered_record()) {
            (Some(a), Some(b)) if self.share_a_source(a, b) => alone,
            _ => outcome,
        }
    }

    /// True when two records cite at least one document in common.
    fn share_a_source(&self, a: usize, b: usize) -> bool {
        let sources = |r: usize| self.citations(r).iter().map(|c| c.source.as_str());
        sources(a).any(|x| sources(b).any(|y| x == y))
    }

    /// One part answered (with its record, if it is one), the other (`missing`, written as
    /// `missing_words`) not: a partial answer, unless the whole question was answered by
    /// another entry, or by this one and it gives what the other part asks ("… and where?").
    fn partly(
        &self,
        whole: Outcome,
        (answered, record): (Outcome, Option<usize>),
        missing: Outcome,
        missing_words: &[String],
    ) -> Outcome {
        // An honest partial decline already says what the documents lack; so does a part
        // whose entry does not give what it asks ("… and how much did the summit cost?").
        let Outcome::Declined {
            reason: Decline::NoMatch | Decline::NotGiven { .. },
            suggestions,
        } = missing
        else {
            return whole;
        };
        match &whole {
            Outcome::Answer { best, .. } if Some(best.record) != record => return whole,
            Outcome::Answer { best, .. } => {
                let gives_it = self.asked(missing_words).is_some_and(|kind| {
                    let question = self.kinds.question(missing_words);
                    self.capabilities[best.record].gives(kind, &question)
                });
                if gives_it || !self.asks_something(missing_words) {
                    return whole;
                }
            }
            Outcome::Compared(_) | Outcome::Parts(..) => return whole,
            // "The food security + agro joint ventures part — what's the article number?": one
            // question, the article of a topic, which the answered part's own entry does not
            // give. (Other kinds are asked of one part: "their names + locations".)
            Outcome::Declined {
                reason:
                    Decline::NotGiven {
                        record: declined,
                        asked: Some(AnswerKind::Article),
                        ..
                    },
                ..
            } if Some(*declined) == record => return whole,
            _ => {}
        }
        Outcome::PartlyAnswered {
            answered: Box::new(answered),
            unanswered: missing_words.join(" "),
            suggestions,
        }
    }

    /// True when `record` mentions every informative knowledge-base term of `question` that is
    /// not a question word or a name.
    fn mentions_own_terms(&self, question: &str, record: usize) -> bool {
        let words = self.read_words(self.tokens(question));
        let terms = &self.index.records[record];
        self.index.terms_of(&words).iter().all(|t| {
            let Some(id) = t.term else { return true };
            let special =
                self.index.question_words.contains(&id) || self.index.entities.contains(&id);
            special
                || t.weight < self.params.informative_weight
                || terms.strong.binary_search(&id).is_ok()
                || terms.weak.binary_search(&id).is_ok()
                || terms.cited.binary_search(&id).is_ok()
        })
    }

    /// True when a question names something the knowledge base never mentions: a word it does
    /// not use that is rarer than everyday words (a name or a term, "psg"), not an everyday
    /// one ("summer").
    pub(crate) fn names_something_unknown(&self, question: &str) -> bool {
        let words = self.read_words(self.tokens(question));
        self.index.terms_of(&words).iter().any(|t| {
            t.term.is_none() && lexicon::zipf_or_zero(&t.text) < lexicon::EVERYDAY_WORD_ZIPF
        })
    }

    /// True when the question has a word the knowledge base knows (a topic, a name or a
    /// question word): "nvm, forget it" has none, and is no follow-up to anything.
    pub(crate) fn knows_a_word_of(&self, question: &str) -> bool {
        let words = self.read_words(self.tokens(question));
        self.index.terms_of(&words).iter().any(|t| t.term.is_some())
    }

    /// True when words ask about something of their own, not only with question words, names
    /// and pronouns ("and who signed it?"): such a part is not left unanswered by an entry that
    /// answers the rest.
    fn asks_something(&self, words: &[String]) -> bool {
        self.index.terms_of(words).iter().any(|t| {
            t.weight >= self.params.informative_weight
                && t.term.is_none_or(|id| {
                    !self.index.question_words.contains(&id) && !self.index.entities.contains(&id)
                })
        })
    }

    /// Where a question joins two questions: "… and when …", "… и какие …", or two sentences
    /// ending in question marks' places. Each part keeps the names of the other's first part
    /// ("почему Азербайджан важен и когда с ним заключили союз" asks when about Azerbaijan).
    fn split_parts(&self, words: &[String]) -> Option<Split> {
        let starts_question = |i: usize| starts_a_part(words, i);
        // A joiner before a question word first: "+" may join two words of one part ("how
        // much do they buy+sell yearly, and what's the target").
        let places = 1..words.len().saturating_sub(1);
        let at = places
            .clone()
            .find(|&i| PART_JOINERS.contains(&words[i].as_str()) && starts_question(i + 1))
            .or_else(|| places.clone().find(|&i| words[i] == STRONG_JOINER))?;
        let strong = words[at] == STRONG_JOINER;
        let (first, second) = (&words[..at], &words[at + 1..]);
        let second_is_noun = PART_NOUNS.contains(&second[0].as_str())
            || (second[0] == "the"
                && second
                    .get(1)
                    .is_some_and(|w| PART_NOUNS.contains(&w.as_str())));
        let min_first = if second_is_noun || strong {
            MIN_PART_WORDS_BEFORE_NOUN
        } else {
            MIN_PART_WORDS
        };
        // "… and by whom?", "… и где?": only question words, asking them of the first part;
        // so is a question word with one more word ("… и кто подписывал?").
        let asks_only = |w: &String| {
            PART_STARTS.contains(&w.as_str()) || PART_PREPOSITIONS.contains(&w.as_str())
        };
        let elliptic = second.iter().all(asks_only)
            || (second.len() == 2 && PART_STARTS.contains(&second[0].as_str()));
        if first.len() < min_first || (second.len() < MIN_PART_WORDS && !elliptic && !strong) {
            return None;
        }
        let written = second.len();
        // "… and who signed it?" points back at the first part: it may need all of its topic.
        // So does "… and how long after?": a time asked without two events of its own.
        // So does "… and number of signs": a noun of what is asked, after a short first part
        // that names the topic ("border length").
        let pointing = elliptic
            || (second_is_noun && first.len() < MIN_PART_WORDS)
            // "sihm: area + capacity": a short part after "+" asks about the first's topic.
            || (strong && second.len() < MIN_PART_WORDS)
            || second.iter().any(|w| self.followup.is_pronoun(w))
            || matches!(
                self.timeline.answer(second, &self.index),
                Some(TimelineResult::Incomplete { .. })
            );
        let mut with_names = second.to_vec();
        let mut with_topic = second.to_vec();
        for word in first {
            let term = self.index.term_of_key(&self.index.key_of(word));
            if term.is_some_and(|t| self.index.entities.contains(&t)) && !with_names.contains(word)
            {
                with_names.push(word.clone());
            }
            if term.is_some_and(|t| !self.index.question_words.contains(&t))
                && !with_topic.contains(word)
            {
                with_topic.push(word.clone());
            }
        }
        Some(Split {
            first: first.to_vec(),
            second: with_names,
            second_with_topic: pointing.then_some(with_topic),
            written,
            elliptic: elliptic.then(|| elliptic_kinds(second)),
        })
    }

    /// Everything after small talk, for a question's corrected words.
    fn answer_words(&self, words: &[String]) -> Outcome {
        self.answer_words_with(words, None)
    }

    /// [`Self::answer_words`] with the words' keys when they are already known.
    fn answer_words_with(&self, words: &[String], keys: Option<index::Keys>) -> Outcome {
        let timeline = self.timeline_answer(words);
        // "В сноске жайлина к статье 1 дата обращения… за сколько дней до саммита": two dated
        // events compared, whatever article one of them names.
        if let Some(TimelineResult::Computed(comparison)) = timeline {
            return Outcome::Compared(comparison);
        }
        let named = self
            .article_number(words)
            .filter(|_| !self.counts_the_articles(words));
        if let Some(number) = named {
            match self.find(&format!("article-{number}")) {
                // "Article 2 of the Uzbekistan–Turkey treaty" is not this treaty's article 2:
                // a name the article never mentions sends the question to the ranking. An
                // author's name does not: "article 4, per Askeroğlu" is his reading of it; nor
                // does a signatory's: "ст. 2 договора Токаева и Мирзиёева" is this treaty.
                Some(article)
                    if self.names_only_in_question(article, &self.without_named_sources(words)) => {
                }
                Some(article) => return self.article_or_commentary(article, number, words),
                None => return declined(Decline::UnknownArticle(number)),
            }
        }
        let terms = match keys {
            Some(keys) => self.index.terms_of_keys(keys),
            None => self.index.terms_of(words),
        };
        if timeline.is_none() && self.names_nothing(&terms, words) {
            return declined(Decline::NoMatch);
        }
        let ranked = self.rank_terms(&terms, words);
        // "Between the moon landing and independence": answering about independence alone
        // would answer another question. An entry written for the very gap asked, named in
        // words the timeline does not list ("the alliance" alone), still answers it.
        if let Some(TimelineResult::Incomplete {
            found,
            two_named: true,
            ..
        }) = &timeline
        {
            if ranked
                .first()
                .is_none_or(|r| r.score.value() < TIMELINE_FALLBACK_SCORE)
            {
                return declined(Decline::EventsNotFound { found: *found });
            }
        }
        match ranked.first() {
            Some(best)
                if (self.params.answers(&ranked, terms.len())
                    || self.article_number_asked_of(&ranked, words))
                    && !self.shares_only_question_words(best.record, &terms) =>
            {
                self.answer_of_kind(&ranked, words)
            }
            _ => declined_with_suggestions(&ranked, timeline),
        }
    }

    /// True when a question asks which article says something ("под каким номером пункт…",
    /// "clause number?") and the best candidate is an article, ahead of the rest: the kind
    /// asked and the record agree, so a lower score answers (see
    /// [`ARTICLE_ASKED_THRESHOLD`]).
    fn article_number_asked_of(&self, ranked: &[Ranked], words: &[String]) -> bool {
        let Some(best) = ranked.first() else {
            return false;
        };
        let second = ranked.get(1).map_or(0.0, |r| r.score.value());
        matches!(self.records[best.record].kind, RecordKind::Article(_))
            && best.score.value() >= ARTICLE_ASKED_THRESHOLD
            && best.score.value() - second >= ARTICLE_ASKED_MARGIN
            && self.asked(words) == Some(AnswerKind::Article)
    }

    /// The timeline's reading of a question: the time between two events or their order.
    fn timeline_answer(&self, words: &[String]) -> Option<TimelineResult> {
        // "Сколько лет было Мирзиёеву, когда он подписывал союз": an age, not a gap; "раз в
        // сколько месяцев": how often, not the months between two events; "why" a reason (asked
        // only of the few questions the timeline takes).
        if kinds::asks_age_then(words, |w| self.is_person(w)) {
            return None;
        }
        self.timeline.answer(words, &self.index).filter(|_| {
            // "Why in summer and not earlier?" asks a reason, not the order of events.
            !matches!(
                self.asked(words),
                Some(AnswerKind::Frequency | AnswerKind::Reason)
            )
        })
    }

    /// True when a question naming an article asks about the articles as a whole ("art 17 is
    /// quoted, but what's the final article number?", "а всего скока статей?"): the ranking
    /// answers it, the named article only as one candidate among others. "How many … in total"
    /// alone counts within the article ("статья 2 — сколько всего форматов консультаций").
    fn counts_the_articles(&self, words: &[String]) -> bool {
        let language = &self.kb.language;
        let has = |list: &[String]| words.iter().any(|w| list.contains(w));
        // "article number", "номер статьи": the word for article beside a word numbering it.
        let numbered = words.windows(2).any(|pair| {
            let [first, second] = pair else {
                return false;
            };
            let is_article = |w: &String| self.is_article_word(w);
            let numbers = |w: &String| language.article_number_words.contains(w);
            (is_article(first) && numbers(second)) || (numbers(first) && is_article(second))
        });
        has(&language.article_total_words) && (has(&language.article_count_words) || numbered)
    }

    /// True for a question whose terms name nothing to answer about: question words alone
    /// ("Who?", "а когда?", "why", which would match whichever entry's phrasings are
    /// shortest), or one everyday word.
    fn names_nothing(&self, terms: &[index::QueryTerm], words: &[String]) -> bool {
        let only_question_words = !terms.is_empty()
            && terms
                .iter()
                .all(|t| t.term.is_none_or(|id| self.question_terms.contains(&id)));
        only_question_words || self.only_an_everyday_word(terms, words)
    }

    /// The words without the documents' authors' names and the treaty's signatories'
    /// (`treaty_signatories` in `language.toml`).
    fn without_named_sources(&self, words: &[String]) -> Vec<String> {
        let signatories: Vec<String> = (self.kb.language.treaty_signatories.iter())
            .map(|name| self.index.key_of(name))
            .collect();
        words
            .iter()
            .filter(|w| {
                !self
                    .authors
                    .names_an_author(std::slice::from_ref(*w), &self.index)
                    && !signatories.iter().any(|key| self.index.has_key(w, key))
            })
            .cloned()
            .collect()
    }

    /// True when the words name a country or person that `record` never mentions.
    fn names_only_in_question(&self, record: usize, words: &[String]) -> bool {
        let terms = &self.index.records[record];
        self.index.terms_of(words).iter().any(|t| {
            t.term.is_some_and(|id| {
                self.index.entities.contains(&id)
                    && terms.strong.binary_search(&id).is_err()
                    && terms.weak.binary_search(&id).is_err()
                    && terms.cited.binary_search(&id).is_err()
            })
        })
    }

    /// A question naming an article: the article itself, unless an entry about that article
    /// fits the whole question better ("how does Askeroğlu read article 2?" is about his
    /// commentary); the article is then offered as an alternative.
    fn article_or_commentary(&self, article: usize, number: u32, words: &[String]) -> Outcome {
        let direct = self.show(article);
        let ranked = self.rank_terms(&self.index.terms_of(words), words);
        let Some(top) = ranked.first() else {
            return direct;
        };
        if top.record == article {
            return direct;
        }
        // Among the good candidates, an entry about this article and no other: "how does
        // Askeroğlu read article 2" is his reading of article 2, not his article as a whole.
        let mentions = |record: usize, term: Option<index::TermId>| {
            term.is_some_and(|t| self.index.records[record].strong.binary_search(&t).is_ok())
        };
        let others: Vec<Option<index::TermId>> = self
            .kb
            .articles
            .iter()
            .filter(|a| a.number != number)
            .map(|a| self.index.term_of_key(&a.number.to_string()))
            .collect();
        let this = self.index.term_of_key(&number.to_string());
        let candidate = ranked
            .iter()
            .take_while(|r| {
                r.score.value() >= self.params.answer_threshold
                    && top.score.value() - r.score.value() <= KIND_MARGIN
            })
            .filter(|r| matches!(self.records[r.record].kind, RecordKind::Entry(_)))
            .filter(|r| mentions(r.record, this))
            // An overview of several articles ("his piece covers articles 2 to 5") is not the
            // reading of this one.
            .find(|r| !others.iter().any(|t| mentions(r.record, *t)));
        let Some(&best) = candidate else {
            return direct;
        };
        Outcome::Answer {
            best,
            alternatives: vec![Ranked {
                record: article,
                score: best.score,
            }],
        }
    }

    /// For "where was the fifth meeting held" answered by an entry that numbers its subject
    /// otherwise (the fourth meeting): the ordinal and the word after it, which the documents
    /// never mention. Article numbers are read elsewhere.
    fn other_ordinal(&self, record: usize, words: &[String]) -> Option<String> {
        if self.article_number(words).is_some() {
            return None;
        }
        let (at, n) = self.kinds.ordinal_asked(words)?;
        self.capabilities[record]
            .misses_ordinal(n)
            .then(|| words[at..(at + 2).min(words.len())].join(" "))
    }

    /// The answer among the close candidates that gives the kind of fact the question asks for
    /// (a day, a place, a number…), or an honest decline showing what the best one does say.
    /// `ranked` is not empty and its first score is at least the threshold.
    fn answer_of_kind(&self, ranked: &[Ranked], words: &[String]) -> Outcome {
        let chosen = match self.record_of_kind(ranked, words) {
            Ok(chosen) => chosen,
            Err(decline) => return decline,
        };
        if let Some(focus) = self.focus.asked(words, &self.index) {
            let unmentioned = words[focus.start..focus.end].join(" ");
            return not_given(chosen.record, None, Some(unmentioned));
        }
        if let Some(phrase) = self.other_ordinal(chosen.record, words) {
            return not_given(chosen.record, None, Some(phrase));
        }
        if let Some(phrase) = self.named_only_vaguely(chosen.record, words) {
            return not_given(chosen.record, None, Some(phrase));
        }
        if self.is_unanswerable(chosen.record) {
            return not_given(chosen.record, None, None);
        }
        // An entry recording what the documents do not say is no answer to offer instead.
        let alternatives = ranked
            .iter()
            .filter(|r| r.record != chosen.record && !self.is_unanswerable(r.record))
            .take_while(|r| self.params.is_close_alternative(chosen.score, r.score))
            .take(MAX_SUGGESTIONS - 1)
            .copied()
            .collect();
        Outcome::Answer {
            best: chosen,
            alternatives,
        }
    }

    /// "Which think tanks did he work at?" against "he worked at various think tanks": the
    /// question's words for what it asks, when the record's answer mentions it only vaguely.
    fn named_only_vaguely(&self, record: usize, words: &[String]) -> Option<String> {
        let RecordKind::Entry(i) = self.records[record].kind else {
            return None;
        };
        if !has_bit(&self.vague_records, record) {
            return None;
        }
        let (asked, key) = self.focus.asked_known(words, &self.index)?;
        let entry = self.entries.get(i);
        let ru = entry.ru.as_ref().and_then(|ru| ru.answer.as_ref());
        let vague = std::iter::once(&entry.answer)
            .chain(ru)
            .any(|a| self.focus.mentions_only_vaguely(a, &key, &self.index));
        vague.then(|| words[asked.start..asked.end].join(" "))
    }

    /// The record that gives the kind of fact the question asks for (the best one when it asks
    /// for no particular kind), or the decline saying the documents do not give it.
    fn record_of_kind(&self, ranked: &[Ranked], words: &[String]) -> Result<Ranked, Outcome> {
        let best = ranked[0];
        let Some(kind) = self.asked(words) else {
            return Ok(best);
        };
        let question = self.kinds.question(words);
        let best_caps = &self.capabilities[best.record];
        // A lower record's reason, or someone's words there, are seldom about what the best
        // record is about.
        let own_only = matches!(kind, AnswerKind::Reason | AnswerKind::Reaction);
        if best_caps.declines(kind) || (own_only && !best_caps.gives(kind, &question)) {
            return Err(not_given(best.record, Some(kind), None));
        }
        // The best record dates its event to the month only ("what day was the Tajik
        // alliance signed": February 2024): a lower record's day in another month
        // belongs to another event. One in the same month may date the same one (the
        // declaration signed during the visit of December 2021).
        let same_month = |r: &Ranked| {
            r.record == best.record
                || !best_caps.gives(AnswerKind::Month, &question)
                || best_caps
                    .dated_months()
                    .any(|(m, y)| self.capabilities[r.record].gives_day_in(m, y))
        };
        let counted = self.counted(words);
        let fits = ranked
            .iter()
            .take_while(|r| {
                r.score.value() >= self.params.kind_floor.min(best.score.value())
                    && best.score.value() - r.score.value() <= self.params.kind_margin
            })
            .filter(|r| kind != AnswerKind::Number || self.counts(r.record, &counted))
            .filter(|r| kind != AnswerKind::Day || same_month(r))
            // An entry saying the documents do not give this kind, ranked above any that gives
            // it, says so ("how many articles in all" is not answered by the count of
            // Askeroğlu's footnotes below it).
            .find(|r| {
                let caps = &self.capabilities[r.record];
                caps.gives(kind, &question) || caps.declines(kind)
            });
        match fits {
            Some(r) if !self.capabilities[r.record].declines(kind) => Ok(*r),
            Some(r) => Err(not_given(r.record, Some(kind), None)),
            None => Err(not_given(best.record, Some(kind), None)),
        }
    }

    /// What a "how many" question counts: the first word after the cue ("how many people",
    /// "сколько пунктов"), as a term of the index (`Some(None)`: a word the knowledge base never
    /// uses); `None` when the question counts nothing named (occurrences: "how many times a
    /// year"; a source: "how much according to…"), or its counted word is a misspelling.
    fn counted(&self, words: &[String]) -> Option<Option<index::TermId>> {
        let rest = self.kinds.after_count_cue(words)?;
        if self.kinds.counts_nothing_named(rest) {
            return None;
        }
        // "How many folks a day": a word for people the index leaves out as chat filler.
        let people_typed = rest
            .first()
            .is_some_and(|w| self.kb.language.counted_people.contains(w));
        if let (true, Some(&people)) = (people_typed, self.people_terms.first()) {
            return Some(Some(people));
        }
        // What is counted follows the cue closely ("how many deputies", "сколько всего
        // депутатов"); a generic noun the index leaves out ("сколько всего стран стали…")
        // must not hand the count to a later word ("стали").
        let wider = &rest[..rest.len().min(COUNTED_WORDS + 1)];
        // A verb after the counted word is not what is counted: in "сколько стран стали
        // союзниками" the generic noun ("стран") is left out of the index and "стали" (became)
        // would be taken instead. (Right after the cue it may be an adjective: "how many
        // crossing posts".)
        let nouns = rest
            .iter()
            .take(COUNTED_WORDS)
            .skip(1)
            .position(|w| index::is_verb_form(w))
            .map_or(COUNTED_WORDS, |at| at + 1);
        let rest = &rest[..rest.len().min(nouns)];
        let counted = self.index.keys(rest).into_iter().next()?;
        // "how many heavy goods vehicles": an adjective the index leaves out before a noun it
        // knows (read with the word after, for phrases); the noun is what is counted.
        let known_after = || {
            self.index
                .keys(wider)
                .into_iter()
                .find_map(|k| self.index.term_of_key(&k))
        };
        match self.index.term_of_key(&counted).or_else(known_after) {
            Some(term) => Some(Some(term)),
            // A misspelling typo correction could not place says nothing about what is counted;
            // a real word the documents never use ("deputies") is something they do not count.
            None if rest
                .iter()
                .any(|w| lexicon::is_real_word(w) && self.index.key_of(w) == counted) =>
            {
                Some(None)
            }
            None => None,
        }
    }

    /// Whether a record can count what the question counts: the counted word must occur
    /// somewhere in it, or its figures count something else ("how many people attended the
    /// meeting" is not answered by the meeting's six days).
    fn counts(&self, record: usize, counted: &Option<Option<index::TermId>>) -> bool {
        match counted {
            None => true,
            Some(None) => false,
            Some(Some(term)) => {
                let terms = &self.index.records[record];
                let has = |t: &index::TermId| {
                    terms.strong.binary_search(t).is_ok() || terms.weak.binary_search(t).is_ok()
                };
                // "how many persons", "сколько народу": counted by an entry's "people".
                has(term) || (self.people_terms.contains(term) && self.people_terms.iter().any(has))
            }
        }
    }

    /// The outcome of showing one record as if its own question had been asked (a button, a
    /// deep link, a picked suggestion): its answer, with full confidence and no alternatives.
    pub fn show(&self, record: usize) -> Outcome {
        Outcome::Answer {
            best: Ranked {
                record,
                score: Score::ONE,
            },
            alternatives: vec![],
        }
    }

    /// True for an entry whose answer says the documents do not give what it is asked.
    pub fn is_unanswerable(&self, record: usize) -> bool {
        match self.records[record].kind {
            RecordKind::Entry(i) => self.entries.is_unanswerable(i),
            RecordKind::Article(_) => false,
        }
    }

    /// The records that share words with the question and could be suggested (their score is
    /// at least the suggestion floor), best first.
    pub fn rank(&self, question: &str) -> Vec<Ranked> {
        let words = self.read_words(self.tokens(question));
        self.rank_terms(&self.index.terms_of(&words), &words)
    }

    fn rank_terms(&self, query: &[index::QueryTerm], words: &[String]) -> Vec<Ranked> {
        self.with_sums(query, words, |sums, features| self.ranked(sums, features))
            .unwrap_or_default()
    }

    /// `read` of the question's per-record sums and features (`None` for a question with no
    /// weight), the sums then cleared for the next question.
    fn with_sums<T>(
        &self,
        query: &[index::QueryTerm],
        words: &[String],
        read: impl FnOnce(&Sums, &QueryFeatures) -> T,
    ) -> Option<T> {
        let mut features = QueryFeatures::new(query, &self.index, &self.params);
        // Read only for a question naming a third country (few do): it looks up every word.
        let describing = if self.country_pairs.names_another(query) {
            self.authors.keys_beside_cues(words, &self.index)
        } else {
            Vec::new()
        };
        features.other_pair = self.country_pairs.asks_other_pair(query, &describing)
            || (self.country_pairs.asks_other_treaty_text(query, words)
                // "What does Rabbimov say about the treaty with Russia" asks about his text.
                && !self.authors.names_an_author(words, &self.index));
        features.absent_places = self.country_pairs.absent_places(query, &self.index);
        if !features.years.is_empty() {
            let years: Vec<index::TermId> = features.years.iter().map(|b| b.term).collect();
            let named = self.timeline.years_of_named_events(&years, &features.known);
            if !named.is_empty() {
                features.without_years_of_named_events(&named);
            }
        }
        if features.total <= 0.0 {
            return None;
        }
        let mut sums = Sums::take(self.index.records.len(), self.index.question_owner.len());
        sums.accumulate(&self.index, query, &features);
        let result = read(&sums, &features);
        sums.give_back(&self.index);
        Some(result)
    }

    /// The records `sums` touches, scored and sorted, best first.
    fn ranked(&self, sums: &Sums, features: &QueryFeatures) -> Vec<Ranked> {
        // Each record with its sort key, computed once: the record number makes keys unique, so
        // an unstable sort gives the same order as a stable one.
        // Every factor of a score is at most 1, so a record whose coverage and phrasing alone
        // stay below the suggestion floor can be neither answered nor suggested: it is not
        // scored (most records share only a common word with the question).
        let bound = |r: usize| {
            let coverage = (sums.strong[r]
                + sums.weak[r] * self.params.answer_text_credit
                + sums.credit[r] * self.params.cited_credit)
                / features.total;
            self.params.combine(coverage, sums.phrasing[r]).value()
        };
        let mut ranked: Vec<(Ranked, bool, f32)> = sums
            .touched
            .iter()
            .map(|&r| r as usize)
            .filter(|&r| {
                (sums.strong[r] > 0.0 || sums.weak[r] > 0.0) && bound(r) >= SUGGESTION_FLOOR
            })
            .map(|r| {
                let (ranked, focus) = self.score_record(r, sums, features);
                (ranked, self.is_unanswerable(r), focus)
            })
            .collect();
        // On equal scores, what the documents say beats what they do not: "how long is the
        // border?" matches the entry on other countries' borders (which the documents do not
        // give) as fully as the one on this border, and is about this one.
        ranked.sort_unstable_by(|(a, ua, fa), (b, ub, fb)| {
            b.score
                .value()
                .total_cmp(&a.score.value())
                .then(ua.cmp(ub))
                .then(fb.total_cmp(fa))
                .then(a.record.cmp(&b.record))
        });
        self.break_top_tie(&mut ranked, features);
        ranked.into_iter().map(|(r, _, _)| r).collect()
    }

    /// Among records tied for first place, when the question names a rare entity, the one
    /// naming fewer things the question does not name comes first: "is Azerbaijan an ally?" is
    /// as fully matched by the entry on the alliance with Azerbaijan as by the list of all
    /// allies, and is about the one. Only the first place: it decides the answer, and the rest
    /// keep their order. Not for the two countries every entry names: a question naming only
    /// them asks about no one entity of a list.
    fn break_top_tie(&self, ranked: &mut [(Ranked, bool, f32)], features: &QueryFeatures) {
        let Some(&(first, unanswerable, _)) = ranked.first() else {
            return;
        };
        let rare = self.index.records.len() / RARE_ENTITY_SHARE;
        if !features
            .entities
            .iter()
            .any(|e| self.index.records_with(e.term) <= rare)
        {
            return;
        }
        let tied = ranked
            .iter()
            .take_while(|(r, u, _)| r.score.value() == first.score.value() && *u == unanswerable)
            .count();
        if tied > 1 {
            ranked[..tied].sort_by_key(|(r, _, _)| self.entities_not_asked(r.record, features));
        }
    }

    /// How many entities (countries, people, places, years) record `r`'s phrasings and keywords
    /// name that the question does not.
    fn entities_not_asked(&self, r: usize, features: &QueryFeatures) -> usize {
        self.index.records[r]
            .strong
            .iter()
            .filter(|t| self.index.entities.contains(t) && !features.known.contains(t))
            .count()
    }

    /// The score of record `r` and its focus (how much of what the record is about the
    /// question touches; it only breaks ties, in favour of the record about less else).
    fn score_record(&self, r: usize, sums: &Sums, features: &QueryFeatures) -> (Ranked, f32) {
        let score = self.score_parts(r, sums, features).score(&self.params);
        let focus = sums.strong[r] / self.index.records[r].strong_weight.max(f32::EPSILON);
        (
            Ranked {
                record: r,
                score: Score::new(score),
            },
            focus,
        )
    }

    /// What record `r`'s score is made of: its coverage of the question, its best phrasing's
    /// share, and the mismatches that lower it.
    fn score_parts(&self, r: usize, sums: &Sums, features: &QueryFeatures) -> ScoreParts {
        let p = &self.params;
        let holds = Holds {
            terms: &self.index.records[r],
            strong: sums.strong_bits[r],
            weak: sums.weak_bits[r],
        };
        fn count(terms: &[TermBit], missing: impl Fn(TermBit) -> bool) -> i32 {
            terms.iter().filter(|&&t| missing(t)).count() as i32
        }
        let unexplained = count(&features.informative, |t| !holds.mentions(t));
        ScoreParts {
            coverage: (sums.strong[r]
                + sums.weak[r] * p.answer_text_credit
                + sums.credit[r] * p.cited_credit)
                / features.total,
            phrasing: sums.phrasing[r],
            missing_entities: count(&features.entities, |t| !holds.mentions(t))
                + self.missing_years_of_named_events(r, &holds, features),
            answer_only_years: count(&features.years, |t| !holds.strong(t) && holds.weak(t)),
            unexplained,
            unknown: features.unknown,
            unknown_years: features.unknown_years,
            absent_places: features.absent_places,
            missing_question_words: count(&features.question_words, |t| !holds.strong(t)),
            names_only: unexplained > 0 && self.shares_only_names(&holds, features),
            names_alone: features.names_alone() && sums.phrasing[r] < p.names_alone_phrasing,
            thin_phrasing: sums.phrasing[r] < p.thin_phrasing,
            other_pair: features.other_pair,
        }
    }

    /// The years dating an event the question names that a record dated otherwise does not
    /// mention (see [`QueryFeatures::without_years_of_named_events`]).
    fn missing_years_of_named_events(
        &self,
        r: usize,
        holds: &Holds<'_>,
        features: &QueryFeatures,
    ) -> i32 {
        let missing = features
            .years_of_named_events
            .iter()
            .filter(|&&t| !holds.mentions(t))
            .count() as i32;
        // A record with a year that misses the one asked mentions another.
        let dated = has_bit(&self.dated_records, r);
        if dated {
            missing
        } else {
            0
        }
    }

    /// True when a record shares no topic word with the question (only names and question
    /// words), or topic words weighing at most `names_only_ratio` of the informative ones it
    /// misses, while it misses one.
    fn shares_only_names(&self, holds: &Holds<'_>, features: &QueryFeatures) -> bool {
        let (mut matched, mut missing) = (0.0f32, 0.0f32);
        for &(t, w) in &features.topic {
            if holds.strong(t) || holds.weak(t) {
                matched += w;
            } else if w >= self.params.informative_weight && !holds.cited(t) {
                missing += w;
            }
        }
        missing > 0.0 && matched <= self.params.names_only_ratio * missing
    }

    /// True for a word for "article" ("article", "статья", "clause"). A stem is the start of
    /// its word (or, in English, ends in "i" for its "y"), so a word that starts with no stem
    /// of the article key's is none, unstemmed: this runs for every word of every question.
    fn is_article_word(&self, word: &str) -> bool {
        let may_be = self.article_stems.iter().any(|stem| {
            word.starts_with(stem.as_str())
                || stem
                    .strip_suffix('i')
                    .is_some_and(|base| !base.is_empty() && word.starts_with(base))
        });
        may_be && self.index.has_key(word, &self.article_key)
    }

    /// The article number a question asks about: a number right after (or right before) the
    /// word "article" or one of its synonyms, in the question's corrected words ("artcle 2",
    /// "статья 3"); years and other large numbers are not article numbers ("her 2021 article").
    pub fn article_number(&self, words: &[String]) -> Option<u32> {
        self.article_number_at(words).map(|(_, n)| n)
    }

    /// [`Self::article_number`] with the position of the word that gives it.
    fn article_number_at(&self, words: &[String]) -> Option<(usize, u32)> {
        let language = &self.kb.language;
        for (i, word) in words.iter().enumerate() {
            if !self.is_article_word(word) {
                continue;
            }
            let publication = i
                .checked_sub(1)
                .is_some_and(|b| language.publication_article_words.contains(&words[b]));
            if publication {
                continue;
            }
            // "article no. 2", "статья номер два", "статья под номером 4".
            let skipped = words[i + 1..]
                .iter()
                .take(2)
                .take_while(|w| NUMBER_MARKERS.contains(&w.as_str()))
                .count();
            let after = (skipped > 0).then_some(i + 1 + skipped);
            // "17 articles in all" counts articles ("the fourth articles"' ordinal still names).
            let counted = language.article_plurals.iter().any(|p| p == word);
            let before = i
                .checked_sub(1)
                .filter(|&b| !(counted && words[b].parse::<u32>().is_ok()));
            // "По пятой статье три области" (read "по 5 статье 3 области"): an ordinal before
            // the word names the article, ahead of a number after it, which may count
            // something else.
            let ordinal_before = before.filter(|&b| {
                language.ordinals.contains_key(&words[b])
                    || words[b]
                        .parse::<u32>()
                        .is_ok_and(|n| (1..=MAX_ARTICLE_NUMBER).contains(&n))
            });
            let candidates = match ordinal_before {
                Some(_) => [(before, false), (Some(i + 1), true), (after, true)],
                None => [(Some(i + 1), true), (after, true), (before, false)],
            };
            for (at, follows) in candidates {
                let Some((at, candidate)) = at.and_then(|at| Some((at, words.get(at)?))) else {
                    continue;
                };
                // "статья первая" names it; "the article: first and last pages" does not
                // (English puts the ordinal before: "the first article").
                let ordinal = language
                    .ordinals
                    .get(candidate.as_str())
                    .filter(|_| !follows || !candidate.is_ascii())
                    .copied();
                let cardinal = language
                    .cardinals
                    .get(candidate.as_str())
                    .filter(|_| follows)
                    .copied();
                let numbered = candidate
                    .parse::<u32>()
                    .ok()
                    .filter(|_| !numbers_a_document(candidate));
                if let Some(n) = numbered.or(ordinal).or(cardinal) {
                    if (1..=MAX_ARTICLE_NUMBER).contains(&n) && !self.offers_another(words, at) {
                        return Some((at, n));
                    }
                }
            }
        }
        None
    }

    /// True when the number at `at` is one of two offered ("is that article four or five?",
    /// "в 4-й или в 5-й статье?"): the question asks which article, it does not name one.
    fn offers_another(&self, words: &[String], at: usize) -> bool {
        let language = &self.kb.language;
        let is_number = |w: &String| {
            w.parse::<u32>().is_ok()
                || language.cardinals.contains_key(w.as_str())
                || language.ordinals.contains_key(w.as_str())
        };
        let alternative = |w: &String| ALTERNATIVE_WORDS.contains(&w.as_str());
        let after =
            words.get(at + 1).is_some_and(alternative) && words.get(at + 2).is_some_and(is_number);
        // Before it, with a preposition between ("в 4 или в 5 статье").
        let before = words[at.saturating_sub(3)..at]
            .iter()
            .position(alternative)
            .is_some_and(|p| {
                let or = at.saturating_sub(3) + p;
                or.checked_sub(1)
                    .and_then(|b| words.get(b))
                    .is_some_and(is_number)
            });
        after || before
    }

    /// The words with an article's number written in digits ("article three" is "article
    /// 3"), so that the ranking reads the number too and "three" does not pull in entries
    /// about three principles.
    fn with_article_digits(&self, mut words: Vec<String>) -> Vec<String> {
        if let Some((at, n)) = self.article_number_at(&words) {
            words[at] = n.to_string();
        }
        words
    }

    /// A record's button label in `lang`: the entry's `short` label when it has one, else the
    /// question [`Self::display_question`] shows (a button shortens it).
    pub fn button_label(&self, record: usize, lang: Lang) -> String {
        if let RecordKind::Entry(i) = self.records[record].kind {
            let entry = self.entries.get(i);
            let short = match (lang, &entry.ru) {
                (Lang::Ru, Some(ru)) => ru.short.as_ref(),
                _ => entry.short.as_ref(),
            };
            if let Some(short) = short {
                return short.clone();
            }
        }
        self.display_question(record, lang)
    }

    /// The question shown for a record (in suggestions and buttons), in `lang` when available.
    pub fn display_question(&self, record: usize, lang: Lang) -> String {
        match self.records[record].kind {
            RecordKind::Entry(i) => {
                let entry = self.entries.get(i);
                match (lang, &entry.ru) {
                    (Lang::Ru, Some(ru)) if !ru.questions.is_empty() => ru.questions[0].clone(),
                    _ => entry.questions[0].clone(),
                }
            }
            RecordKind::Article(i) => {
                let article = &self.kb.articles[i];
                let topic = match (lang, &article.ru) {
                    (Lang::Ru, Some(ru)) => {
                        ru.topic.clone().unwrap_or_else(|| article.topic.clone())
                    }
                    _ => article.topic.clone(),
                };
                self.kb.messages.format(
                    lang.code(),
                    "article_button",
                    &[("number", &article.number.to_string()), ("topic", &topic)],
                )
            }
        }
    }

    /// The citations of a record.
    pub fn citations(&self, record: usize) -> &[Citation] {
        match self.records[record].kind {
            RecordKind::Entry(i) => &self.entries.get(i).citations,
            RecordKind::Article(i) => &self.kb.articles[i].citations,
        }
    }

    /// Related records (entries list them; articles have none).
    pub fn related(&self, record: usize) -> Vec<usize> {
        match self.records[record].kind {
            RecordKind::Entry(i) => self
                .entries
                .get(i)
                .related
                .iter()
                .filter_map(|id| self.find(id))
                .collect(),
            RecordKind::Article(_) => vec![],
        }
    }

    /// A curator's view of how a question was understood: the analysed words with their weights
    /// (`?` marks words the knowledge base never uses) and the best candidates with scores.
    /// Whether a phrasing names a topic of its own: a word of the knowledge base that is not a
    /// question word, and not only a name nearly every question has (Kazakhstan, Uzbekistan).
    /// A phrasing made of such names ("what's in it for uz?") is fully covered by every question
    /// naming them, so its entry would win "what are Uzbekistan's allies?".
    pub fn names_a_topic(&self, phrasing: &str) -> bool {
        let words = self.index.fixed_words(self.tokens(phrasing));
        self.index.terms_of(&words).iter().any(|t| {
            t.term.is_some_and(|id| {
                let common_name =
                    self.index.entities.contains(&id) && t.weight < COMMON_NAME_WEIGHT;
                !common_name && !self.index.question_words.contains(&id)
            })
        })
    }

    pub fn explain(&self, question: &str) -> String {
        let words = self.read_words(self.tokens(question));
        let terms: Vec<String> = self
            .index
            .terms_of(&words)
            .iter()
            .map(|t| {
                format!(
                    "{}{}:{:.2}",
                    t.text,
                    if t.term.is_none() { "?" } else { "" },
                    t.weight
                )
            })
            .collect();
        let mut out = format!("words: {}\nterms: {}", words.join(" "), terms.join(" "));
        if let Some(kind) = self.asked(&words) {
            out.push_str(&format!("\nasks for: {}", kind.name()));
        }
        for line in self.timeline.explain(&words, &self.index) {
            out.push_str(&format!("\n  {line}"));
        }
        let query = self.index.terms_of(&words);
        let top: Vec<(Ranked, ScoreParts)> = self
            .with_sums(&query, &words, |sums, features| {
                let ranked = self.ranked(sums, features);
                ranked
                    .iter()
                    .take(5)
                    .map(|r| (*r, self.score_parts(r.record, sums, features)))
                    .collect()
            })
            .unwrap_or_default();
        for (ranked, parts) in top {
            out.push_str(&format!(
                "\n  {:.3} {}  [{parts}]",
                ranked.score.value(),
                self.records[ranked.record].id
            ));
        }
        out
    }

    /// Synonym terms that another group's term already claims after stemming:
    /// (term, group kept, group of the term). The knowledge tests require none.
    pub fn synonym_conflicts(&self) -> &[(String, String, String)] {
        &self.index.synonym_conflicts
    }

    /// Number of distinct word forms known to the typo corrector.
    pub fn vocabulary_size(&self) -> usize {
        self.index.vocabulary_size()
    }
}
