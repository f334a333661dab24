//! The knowledge base: loading the TOML files (embedded at build time or from a directory),
//! validating them, and the in-memory model the engine and the adapters read.
//!
//! Loading never panics: malformed knowledge becomes a [`KnowledgeError`] that lists every
//! problem with its file, entry id and cause.

mod date;
mod error;
pub mod schema;
mod validate;

pub use date::PartialDate;
pub use error::{KnowledgeError, Problem};
pub use schema::{
    Agreement, Article, Citation, CountryPairs, Entry, Event, LanguageFile, QuestionWordSlips,
    SmalltalkFile, SmalltalkIntent, Source, SynonymGroup,
};

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The only format version this build understands.
pub const FORMAT_VERSION: u32 = 1;

/// The kinds of fact an entry can give and a question can ask for (see `language.toml`).
pub const ANSWER_KINDS: &[&str] = &[
    "day",
    "month",
    "year",
    "place",
    "person",
    "number",
    "money",
    "age",
    "duration",
    "current",
    "funder",
    "time",
    "language",
    "article",
    "later",
    "company",
    "material",
    "education",
    "pages",
    "tenure",
    "frequency",
    "distance",
    "degree",
    "area",
    "percent",
    "reason",
    "date",
    "reaction",
    "name",
    "term",
];

/// An entry's `short` button label is at most this many characters: about what a full-width
/// button on a phone shows.
pub const MAX_SHORT_CHARS: usize = 32;

/// A phrase of `guess_tails` has at most this many words: matching looks for one only among a
/// question's last words.
pub const MAX_GUESS_PHRASE_WORDS: usize = 4;

/// A quote longer than this many words is rejected: citations are short excerpts, not copies.
pub const MAX_QUOTE_WORDS: usize = 40;

/// Fixed texts the program needs from `messages.toml`; validation fails when one is missing.
pub const REQUIRED_MESSAGES: &[&str] = &[
    "decline",
    "decline_suggestions",
    "part_unanswered",
    "did_you_mean",
    "related",
    "sources_heading",
    "empty_question",
    "article_heading",
    "article_button",
    "article_unknown",
    "covered_articles",
    "not_given_day",
    "not_given_month",
    "not_given_year",
    "not_given_place",
    "not_given_number",
    "not_given_money",
    "not_given_person",
    "not_given_age",
    "not_given_duration",
    "not_given_term",
    "not_given_current",
    "not_given_funder",
    "not_given_company",
    "not_given_material",
    "not_given_education",
    "not_given_pages",
    "not_given_tenure",
    "not_given_time",
    "not_given_language",
    "not_given_article",
    "not_given_later",
    "not_given_frequency",
    "not_given_distance",
    "not_given_degree",
    "not_given_area",
    "not_given_percent",
    "not_given_date",
    "not_given_reaction",
    "not_given_name",
    "not_given_reason",
    "not_given_unmentioned",
    "timeline_gap",
    "timeline_order",
    "timeline_same_time",
    "timeline_undetermined",
    "timeline_given_gap",
    "timeline_given_before",
    "timeline_given_after",
    "timeline_year_assumed",
    "timeline_precision_year",
    "timeline_from_first_end",
    "timeline_precision_month",
    "timeline_years_and_months",
    "timeline_calendar_years",
    "timeline_one_event",
    "timeline_no_event",
    "unit_year_one",
    "unit_year_few",
    "unit_year_many",
    "unit_month_one",
    "unit_month_few",
    "unit_month_many",
    "unit_day_one",
    "unit_day_few",
    "unit_day_many",
    // The Telegram bot (src/telegram).
    "share_button",
    "question_too_long",
    "greeting",
    "how_to_ask",
    "group_how_to_ask",
    "help_intro",
    "about",
    "ask_usage",
    "article_usage",
    "articles_heading",
    "agreements_heading",
    "timeline_heading",
    "sources_list_heading",
    "non_text",
    "rate_limited",
    "stale_button",
    "unknown_command",
    "inline_empty_title",
    "error",
    "lines_truncated",
    "agreement_line",
    "timeline_line",
    "source_line",
    "cmd_start",
    "cmd_help",
    "cmd_ask",
    "cmd_articles",
    "cmd_article",
    "cmd_agreements",
    "cmd_timeline",
    "cmd_sources",
    "cmd_about",
    "bot_description",
    "bot_short_description",
    "language_hint",
    "cmd_feedback",
    "cmd_language",
    "cmd_privacy",
    "privacy",
    "chat_hint",
    "feedback_in_terminal",
    "language_usage",
    "language_set_en",
    "language_set_ru",
    "language_set_auto",
    // Feedback (src/telegram/feedback.rs).
    "feedback_thanks_up",
    "feedback_thanks_down",
    "feedback_already",
    "feedback_usage",
    "feedback_not_configured",
    "feedback_sent",
    "feedback_failed",
    "feedback_forward",
];

/// Where a file of the knowledge base came from, with its text.
#[derive(Debug, Clone)]
pub struct KnowledgeFile {
    /// Path relative to the knowledge directory, with `/` separators.
    pub path: PathBuf,
    pub text: String,
}

/// Fixed user-facing texts per language, looked up by key.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Messages {
    by_language: BTreeMap<String, BTreeMap<String, String>>,
}

impl Messages {
    /// The text for `key` in `lang`, falling back to English, then to the key itself (validation
    /// guarantees the English text exists for every required key).
    pub fn get<'a>(&'a self, lang: &str, key: &'a str) -> &'a str {
        self.by_language
            .get(lang)
            .and_then(|m| m.get(key))
            .or_else(|| self.by_language.get("en").and_then(|m| m.get(key)))
            .map(String::as_str)
            .unwrap_or(key)
    }

    /// Like [`Messages::get`], with `{name}` placeholders replaced.
    pub fn format(&self, lang: &str, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.get(lang, key).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

/// The validated knowledge base.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct KnowledgeBase {
    pub sources: Vec<Source>,
    pub agreements: Vec<Agreement>,
    pub articles: Vec<Article>,
    pub events: Vec<Event>,
    pub entries: Vec<Entry>,
    pub synonyms: Vec<SynonymGroup>,
    pub stopwords: Vec<String>,
    pub messages: Messages,
    /// Answer-kind cues, timeline-question cues, place names, number words (`language.toml`).
    pub language: LanguageFile,
    /// Small-talk intents (`smalltalk.toml`).
    pub smalltalk: SmalltalkFile,
    /// Which file each entry came from, for diagnostics.
    pub entry_files: HashMap<String, PathBuf>,
}

/// Counts shown by `kazuz-bot check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub sources: usize,
    pub agreements: usize,
    pub articles: usize,
    pub events: usize,
    pub entries: usize,
    pub questions: usize,
    pub citations: usize,
    pub synonym_groups: usize,
}

impl KnowledgeBase {
    /// The knowledge base embedded in the binary at build time.
    pub fn embedded() -> Result<Self, KnowledgeError> {
        let files = crate::embedded::knowledge_files()
            .iter()
            .map(|(path, text)| KnowledgeFile {
                path: PathBuf::from(path),
                text: (*text).to_owned(),
            })
            .collect();
        Self::from_files(files)
    }

    /// Loads every `.toml` file below `dir`.
    pub fn load_dir(dir: &Path) -> Result<Self, KnowledgeError> {
        let mut files = Vec::new();
        read_dir_recursive(dir, dir, &mut files)?;
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Self::from_files(files)
    }

    /// Parses and validates a set of files; all problems are reported together.
    pub fn from_files(files: Vec<KnowledgeFile>) -> Result<Self, KnowledgeError> {
        validate::build(files)
    }

    /// Checks that every quote appears verbatim in its source document inside `seeds_dir`
    /// (ignoring whitespace and quote-mark style). Returns the problems found.
    pub fn verify_quotes(&self, seeds_dir: &Path) -> Result<(), KnowledgeError> {
        validate::verify_quotes(self, seeds_dir)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn agreement(&self, id: &str) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.id == id)
    }

    pub fn article(&self, number: u32) -> Option<&Article> {
        self.articles.iter().find(|a| a.number == number)
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Agreements in date order.
    pub fn agreements_by_date(&self) -> Vec<&Agreement> {
        let mut list: Vec<&Agreement> = self.agreements.iter().collect();
        list.sort_by_key(|a| PartialDate::parse(&a.date));
        list
    }

    /// Articles in numeric order.
    pub fn articles_by_number(&self) -> Vec<&Article> {
        let mut list: Vec<&Article> = self.articles.iter().collect();
        list.sort_by_key(|a| a.number);
        list
    }

    /// Timeline events in date order.
    pub fn events_by_date(&self) -> Vec<&Event> {
        let mut list: Vec<&Event> = self.events.iter().collect();
        list.sort_by_key(|e| PartialDate::parse(&e.date));
        list
    }

    pub fn counts(&self) -> Counts {
        let citations = self
            .entries
            .iter()
            .map(|e| e.citations.len())
            .sum::<usize>()
            + self
                .articles
                .iter()
                .map(|a| a.citations.len())
                .sum::<usize>()
            + self
                .agreements
                .iter()
                .map(|a| a.citations.len())
                .sum::<usize>()
            + self.events.iter().map(|e| e.citations.len()).sum::<usize>();
        Counts {
            sources: self.sources.len(),
            agreements: self.agreements.len(),
            articles: self.articles.len(),
            events: self.events.len(),
            entries: self.entries.len(),
            questions: self
                .entries
                .iter()
                .map(|e| e.questions.len() + e.ru.as_ref().map_or(0, |r| r.questions.len()))
                .sum(),
            citations,
            synonym_groups: self.synonyms.len(),
        }
    }
}

/// Largest knowledge file read: the biggest today is about 200 KB.
const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

fn read_dir_recursive(
    root: &Path,
    dir: &Path,
    files: &mut Vec<KnowledgeFile>,
) -> Result<(), KnowledgeError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| KnowledgeError::Io { path, source }
    };
    for item in std::fs::read_dir(dir).map_err(io(dir))? {
        let item = item.map_err(io(dir))?;
        let path = item.path();
        // Not followed: a linked directory can loop ("qa/loop -> ."), a linked or special file
        // can be a FIFO that never ends or /dev/zero.
        let kind = item.file_type().map_err(io(&path))?;
        if kind.is_dir() {
            read_dir_recursive(root, &path, files)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            let metadata = std::fs::metadata(&path).map_err(io(&path))?;
            if !metadata.is_file() || metadata.len() > MAX_FILE_BYTES {
                return Err(KnowledgeError::Io {
                    path,
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("not a regular file of at most {MAX_FILE_BYTES} bytes"),
                    ),
                });
            }
            let text = std::fs::read_to_string(&path).map_err(io(&path))?;
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            files.push(KnowledgeFile {
                path: relative,
                text,
            });
        }
    }
    Ok(())
}
