//! Parsing and the named checks that turn a set of TOML files into a [`KnowledgeBase`]: this
//! module parses and assembles, [`checks`] holds the checks, [`citations`] the citation and
//! quote checks.
//!
//! Like rust-lang/team's validator, every check runs and every problem is collected, so an
//! author sees all of them at once, sorted by file.

use super::schema::*;
use super::{KnowledgeBase, KnowledgeError, KnowledgeFile, Messages, Problem};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

mod checks;
mod citations;

pub(super) use citations::verify_quotes;

use checks::*;
use citations::{check_citations, citation_sites};

/// Every knowledge file parsed, by kind. A file that did not parse is absent; its problem is
/// recorded.
#[derive(Default)]
struct Parsed {
    sources: Option<(PathBuf, SourcesFile)>,
    agreements: Option<(PathBuf, AgreementsFile)>,
    articles: Option<(PathBuf, ArticlesFile)>,
    timeline: Option<(PathBuf, TimelineFile)>,
    synonyms: Option<(PathBuf, SynonymsFile)>,
    stopwords: Option<(PathBuf, StopwordsFile)>,
    messages: Option<(PathBuf, MessagesFile)>,
    language: Option<(PathBuf, LanguageFile)>,
    smalltalk: Option<(PathBuf, SmalltalkFile)>,
    entry_files: Vec<(PathBuf, EntriesFile)>,
}

/// The files a knowledge base is made of, with a file that was missing or did not parse
/// replaced by an empty one (its problem is already recorded), so that every check can run.
struct Files {
    sources: (PathBuf, SourcesFile),
    agreements: (PathBuf, AgreementsFile),
    articles: (PathBuf, ArticlesFile),
    timeline: (PathBuf, TimelineFile),
    synonyms: (PathBuf, SynonymsFile),
    stopwords: StopwordsFile,
    messages: (PathBuf, MessagesFile),
    language: Option<(PathBuf, LanguageFile)>,
    smalltalk: Option<(PathBuf, SmalltalkFile)>,
    entry_files: Vec<(PathBuf, EntriesFile)>,
}

pub(super) fn build(files: Vec<KnowledgeFile>) -> Result<KnowledgeBase, KnowledgeError> {
    let mut problems = Vec::new();
    let parsed = parse_files(&files, &mut problems);
    check_required(&parsed, &mut problems);
    check_versions(
        &mut problems,
        &parsed.sources,
        &parsed.agreements,
        &parsed.articles,
        &parsed.timeline,
        &parsed.synonyms,
        &parsed.stopwords,
        &parsed.messages,
        &parsed.entry_files,
    );
    let files = Files::from(parsed);
    run_checks(&files, &mut problems);
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(KnowledgeError::Invalid(problems));
    }
    Ok(assemble(files))
}

/// Parses each file by its name; a file with an unexpected name is a problem.
fn parse_files(files: &[KnowledgeFile], problems: &mut Vec<Problem>) -> Parsed {
    let mut parsed = Parsed::default();
    for file in files {
        let name = file.path.to_string_lossy().replace('\\', "/");
        let path = file.path.clone();
        macro_rules! parse_into {
            ($slot:ident) => {
                if let Some(value) = parse(&file.path, &file.text, problems) {
                    parsed.$slot = Some((path, value));
                }
            };
        }
        match name.as_str() {
            "sources.toml" => parse_into!(sources),
            "agreements.toml" => parse_into!(agreements),
            "articles.toml" => parse_into!(articles),
            "timeline.toml" => parse_into!(timeline),
            "synonyms.toml" => parse_into!(synonyms),
            "stopwords.toml" => parse_into!(stopwords),
            "messages.toml" => parse_into!(messages),
            "language.toml" => parse_into!(language),
            "smalltalk.toml" => parse_into!(smalltalk),
            other if other.starts_with("qa/") => {
                if let Some(value) = parse::<EntriesFile>(&file.path, &file.text, problems) {
                    parsed.entry_files.push((path, value));
                }
            }
            _ => problems.push(Problem::new(
                path,
                None,
                "unexpected file: knowledge files are sources.toml, agreements.toml, articles.toml, \
                 timeline.toml, synonyms.toml, stopwords.toml, messages.toml, language.toml, \
                 smalltalk.toml and qa/*.toml",
            )),
        }
    }
    parsed
}

/// The files without which there is no knowledge base (reported only when everything parsed,
/// since a file that failed to parse is reported already).
fn check_required(parsed: &Parsed, problems: &mut Vec<Problem>) {
    if !problems.is_empty() {
        return;
    }
    for (required, present) in [
        ("sources.toml", parsed.sources.is_some()),
        ("messages.toml", parsed.messages.is_some()),
        ("stopwords.toml", parsed.stopwords.is_some()),
    ] {
        if !present {
            problems.push(Problem::new(required, None, "required file is missing"));
        }
    }
    if parsed.entry_files.is_empty() {
        problems.push(Problem::new(
            "qa/",
            None,
            "no question-and-answer files (qa/*.toml)",
        ));
    }
}

/// A parsed file, or an empty one at its usual path.
fn or_empty<T: Default>(slot: Option<(PathBuf, T)>, name: &str) -> (PathBuf, T) {
    slot.unwrap_or_else(|| (PathBuf::from(name), T::default()))
}

impl From<Parsed> for Files {
    fn from(parsed: Parsed) -> Self {
        Files {
            sources: or_empty(parsed.sources, "sources.toml"),
            agreements: or_empty(parsed.agreements, "agreements.toml"),
            articles: or_empty(parsed.articles, "articles.toml"),
            timeline: or_empty(parsed.timeline, "timeline.toml"),
            synonyms: or_empty(parsed.synonyms, "synonyms.toml"),
            stopwords: or_empty(parsed.stopwords, "stopwords.toml").1,
            messages: or_empty(parsed.messages, "messages.toml"),
            language: parsed.language,
            smalltalk: parsed.smalltalk,
            entry_files: parsed.entry_files,
        }
    }
}

/// Every named check, each adding all the problems it finds.
fn run_checks(files: &Files, problems: &mut Vec<Problem>) {
    let (sources_path, sources) = &files.sources;
    let (agreements_path, agreements) = &files.agreements;
    let (articles_path, articles) = &files.articles;
    let (timeline_path, timeline) = &files.timeline;
    let (synonyms_path, synonyms) = &files.synonyms;
    let (messages_path, messages) = &files.messages;
    let entry_files = &files.entry_files;
    check_sources(problems, sources_path, &sources.sources);
    check_unique_ids(
        problems,
        entry_files,
        agreements_path,
        &agreements.agreements,
        articles_path,
        &articles.articles,
    );
    check_entries(problems, entry_files);
    check_related(problems, entry_files);
    check_questions_unique(problems, entry_files);
    check_short_labels(problems, entry_files);
    check_agreements(problems, agreements_path, &agreements.agreements);
    check_articles(
        problems,
        articles_path,
        &articles.articles,
        &agreements.agreements,
    );
    check_events(
        problems,
        timeline_path,
        &timeline.events,
        &agreements.agreements,
        &sources.sources,
    );
    check_synonyms(problems, synonyms_path, &synonyms.groups);
    check_messages(problems, messages_path, messages);
    check_language(problems, &files.language);
    check_smalltalk(problems, &files.smalltalk, messages);
    check_entry_answer_kinds(problems, entry_files);
    let known_sources: HashSet<&str> = sources.sources.iter().map(|s| s.id.as_str()).collect();
    let sites = citation_sites(
        entry_files,
        agreements_path,
        &agreements.agreements,
        articles_path,
        &articles.articles,
        timeline_path,
        &timeline.events,
    );
    check_citations(problems, &sites, &known_sources);
}

/// The knowledge base from files that passed every check.
fn assemble(files: Files) -> KnowledgeBase {
    let mut entry_paths = rustc_hash::FxHashMap::default();
    let mut entries = Vec::new();
    for (path, file) in files.entry_files {
        for entry in file.entries {
            entry_paths.insert(entry.id.clone(), path.clone());
            entries.push(entry);
        }
    }
    let (_, messages) = files.messages;
    let mut by_language = BTreeMap::new();
    by_language.insert("en".to_owned(), messages.en);
    if !messages.ru.is_empty() {
        by_language.insert("ru".to_owned(), messages.ru);
    }
    KnowledgeBase {
        language: files.language.map(|(_, l)| l).unwrap_or_default(),
        smalltalk: files.smalltalk.map(|(_, s)| s).unwrap_or_default(),
        sources: files.sources.1.sources,
        agreements: files.agreements.1.agreements,
        articles: files.articles.1.articles,
        events: files.timeline.1.events,
        entries,
        synonyms: files.synonyms.1.groups,
        stopwords: files
            .stopwords
            .en
            .into_iter()
            .chain(files.stopwords.ru)
            .collect(),
        messages: Messages { by_language },
        entry_files: entry_paths,
    }
}

fn parse<T: DeserializeOwned>(path: &Path, text: &str, problems: &mut Vec<Problem>) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(parsed) => Some(parsed),
        Err(err) => {
            let line = err
                .span()
                .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
            let message = err.message().trim().to_owned();
            let message = match line {
                Some(line) => format!("line {line}: {message}"),
                None => message,
            };
            problems.push(Problem::new(path, None, message));
            None
        }
    }
}
