//! The matching engine: turns a question into an [`Outcome`] — an answer with its confidence,
//! "did you mean" alternatives, or an honest decline with suggestions.
//!
//! Records are the Q&A entries and the treaty articles of the knowledge base. A question that
//! names an article number ("what does article 4 say", "статья 3") resolves to that article
//! directly; anything else is ranked by weighted word overlap with typo tolerance.

mod index;
pub mod normalize;
pub mod score;

pub use score::{Ranked, Score};

use crate::knowledge::{Citation, KnowledgeBase};
use index::{GroupText, Index, RecordText};
use score::{
    combine, is_close_alternative, ANSWER_TEXT_CREDIT, ANSWER_THRESHOLD, ENTITY_MISMATCH_FACTOR,
    MAX_SUGGESTIONS, QUESTION_WORD_MISMATCH_FACTOR, SUGGESTION_FLOOR,
};

/// Questions longer than this are refused before matching: nobody types a question this long,
/// and the work of matching grows with length.
pub const MAX_QUESTION_CHARS: usize = 1000;

/// The language a question is in (and the answer should be in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// `kb.entries[i]`
    Entry(usize),
    /// `kb.articles[i]`
    Article(usize),
}

/// Something the engine can answer with.
#[derive(Debug, Clone)]
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
}

/// The result of asking the engine a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The best match, and close alternatives the user may have meant instead.
    Answer {
        best: Ranked,
        alternatives: Vec<Ranked>,
    },
    /// No answer, with up to [`MAX_SUGGESTIONS`] suggested records.
    Declined {
        reason: Decline,
        suggestions: Vec<Ranked>,
    },
}

impl Outcome {
    pub fn is_answer(&self) -> bool {
        matches!(self, Outcome::Answer { .. })
    }
}

/// The knowledge base with its search index.
#[derive(Debug)]
pub struct Engine {
    kb: KnowledgeBase,
    records: Vec<Record>,
    index: Index,
    article_key: String,
}

/// The word whose synonyms ("article", "clause", "статья") introduce an article number.
const ARTICLE_WORD: &str = "article";

impl Engine {
    /// Builds the index over every entry and article of `kb`.
    pub fn new(kb: KnowledgeBase) -> Self {
        let mut records = Vec::new();
        let mut texts: Vec<RecordText<'_>> = Vec::new();
        let article_numbers: Vec<String> =
            kb.articles.iter().map(|a| a.number.to_string()).collect();
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
            });
        }
        let groups: Vec<GroupText> = kb
            .synonyms
            .iter()
            .map(|g| GroupText {
                terms: g.terms.clone(),
                entity: g.entity,
                question_word: g.question_word,
            })
            .collect();
        let index = Index::build(&texts, &groups, &kb.stopwords);
        drop(texts);
        let article_key = index.key_of(ARTICLE_WORD);
        Engine {
            kb,
            records,
            index,
            article_key,
        }
    }

    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.kb
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
            return Outcome::Declined {
                reason: Decline::TooLong(length),
                suggestions: vec![],
            };
        }
        if normalize::tokenize(question).is_empty() {
            return Outcome::Declined {
                reason: Decline::Empty,
                suggestions: vec![],
            };
        }
        if let Some(number) = self.article_number(question) {
            return match self.find(&format!("article-{number}")) {
                Some(record) => Outcome::Answer {
                    best: Ranked {
                        record,
                        score: Score::ONE,
                    },
                    alternatives: vec![],
                },
                None => Outcome::Declined {
                    reason: Decline::UnknownArticle(number),
                    suggestions: vec![],
                },
            };
        }
        let ranked = self.rank(question);
        let Some(&best) = ranked.first() else {
            return Outcome::Declined {
                reason: Decline::NoMatch,
                suggestions: vec![],
            };
        };
        if best.score.value() < ANSWER_THRESHOLD {
            let suggestions = ranked
                .iter()
                .take_while(|r| r.score.value() >= SUGGESTION_FLOOR)
                .take(MAX_SUGGESTIONS)
                .copied()
                .collect();
            return Outcome::Declined {
                reason: Decline::NoMatch,
                suggestions,
            };
        }
        let alternatives = ranked[1..]
            .iter()
            .take_while(|r| is_close_alternative(best.score, r.score))
            .take(MAX_SUGGESTIONS - 1)
            .copied()
            .collect();
        Outcome::Answer { best, alternatives }
    }

    /// Every record that shares a word with the question, best first.
    pub fn rank(&self, question: &str) -> Vec<Ranked> {
        let query = self.index.analyse(question);
        let total: f32 = query.iter().map(|q| q.weight).sum();
        if total <= 0.0 {
            return vec![];
        }
        // Term-at-a-time accumulation: each query term adds its weight to the records and
        // phrasings that contain it, so the work is proportional to the postings touched.
        let records = self.index.records.len();
        let mut strong = vec![0.0f32; records];
        let mut weak = vec![0.0f32; records];
        let mut phrasing = vec![0.0f32; records];
        let mut shared = vec![0.0f32; self.index.question_owner.len()];
        let mut touched_questions = Vec::new();
        for q in &query {
            let Some(t) = q.term else { continue };
            let t = t as usize;
            for &r in &self.index.strong_postings[t] {
                strong[r as usize] += q.weight;
            }
            for &r in &self.index.weak_postings[t] {
                weak[r as usize] += q.weight;
            }
            for &n in &self.index.question_postings[t] {
                if shared[n as usize] == 0.0 {
                    touched_questions.push(n);
                }
                shared[n as usize] += q.weight;
            }
        }
        for n in touched_questions {
            let (r, weight) = self.index.question_owner[n as usize];
            if weight > 0.0 {
                let ratio = shared[n as usize] / weight;
                phrasing[r as usize] = phrasing[r as usize].max(ratio);
            }
        }
        let entities: Vec<u32> = query
            .iter()
            .filter_map(|q| q.term)
            .filter(|t| self.index.entities.contains(t))
            .collect();
        let question_words: Vec<u32> = query
            .iter()
            .filter_map(|q| q.term)
            .filter(|t| self.index.question_words.contains(t))
            .collect();
        let mut ranked: Vec<(Ranked, f32)> = (0..records)
            .filter(|&r| strong[r] > 0.0 || weak[r] > 0.0)
            .map(|r| {
                let terms = &self.index.records[r];
                let matched_strong = strong[r];
                let missing_entities = entities
                    .iter()
                    .filter(|t| {
                        terms.strong.binary_search(t).is_err()
                            && terms.weak.binary_search(t).is_err()
                    })
                    .count() as i32;
                let coverage = (matched_strong + weak[r] * ANSWER_TEXT_CREDIT) / total;
                let phrasing = phrasing[r];
                let score = combine(coverage, phrasing).value()
                    * ENTITY_MISMATCH_FACTOR.powi(missing_entities)
                    * QUESTION_WORD_MISMATCH_FACTOR.powi(
                        question_words
                            .iter()
                            .filter(|t| terms.strong.binary_search(t).is_err())
                            .count() as i32,
                    );
                // Focus: how much of what the entry is about the question touches. It only breaks
                // ties, in favour of the entry that is about less else.
                let focus = matched_strong / terms.strong_weight.max(f32::EPSILON);
                (
                    Ranked {
                        record: r,
                        score: Score::new(score),
                    },
                    focus,
                )
            })
            .collect();
        ranked.sort_by(|(a, fa), (b, fb)| {
            b.score
                .value()
                .total_cmp(&a.score.value())
                .then(fb.total_cmp(fa))
                .then(a.record.cmp(&b.record))
        });
        ranked.into_iter().map(|(r, _)| r).collect()
    }

    /// The article number a question asks about: a number right after (or right before) the
    /// word "article" or one of its synonyms, after typo correction ("artcle 2", "статья 3",
    /// "3rd article" is not recognised).
    pub fn article_number(&self, question: &str) -> Option<u32> {
        let words = self.index.corrected_words(question);
        for (i, word) in words.iter().enumerate() {
            if self.index.key_of(word) != self.article_key {
                continue;
            }
            let after = words
                .get(i + 1)
                .filter(|w| *w == "no" || *w == "n" || *w == "number")
                .and_then(|_| words.get(i + 2));
            for candidate in [
                words.get(i + 1),
                after,
                i.checked_sub(1).and_then(|j| words.get(j)),
            ]
            .into_iter()
            .flatten()
            {
                if let Ok(n) = candidate.parse::<u32>() {
                    return Some(n);
                }
            }
        }
        None
    }

    /// The question shown for a record (in suggestions and buttons), in `lang` when available.
    pub fn display_question(&self, record: usize, lang: Lang) -> String {
        match self.records[record].kind {
            RecordKind::Entry(i) => {
                let entry = &self.kb.entries[i];
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
            RecordKind::Entry(i) => &self.kb.entries[i].citations,
            RecordKind::Article(i) => &self.kb.articles[i].citations,
        }
    }

    /// Related records (entries list them; articles have none).
    pub fn related(&self, record: usize) -> Vec<usize> {
        match self.records[record].kind {
            RecordKind::Entry(i) => self.kb.entries[i]
                .related
                .iter()
                .filter_map(|id| self.find(id))
                .collect(),
            RecordKind::Article(_) => vec![],
        }
    }

    /// A curator's view of how a question was understood: the analysed words with their weights
    /// (`?` marks words the knowledge base never uses) and the best candidates with scores.
    pub fn explain(&self, question: &str) -> String {
        let terms: Vec<String> = self
            .index
            .analyse(question)
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
        let mut out = format!("terms: {}", terms.join(" "));
        for ranked in self.rank(question).iter().take(5) {
            out.push_str(&format!(
                "\n  {:.3} {}",
                ranked.score.value(),
                self.records[ranked.record].id
            ));
        }
        out
    }

    /// Number of distinct word forms known to the typo corrector.
    pub fn vocabulary_size(&self) -> usize {
        self.index.vocabulary_size()
    }
}
