//! Parsing and the named checks that turn a set of TOML files into a [`KnowledgeBase`].
//!
//! Like rust-lang/team's validator, every check runs and every problem is collected, so an
//! author sees all of them at once, sorted by file.

use super::schema::*;
use super::{KnowledgeBase, KnowledgeError, KnowledgeFile, Messages, PartialDate, Problem};
use super::{ANSWER_KINDS, FORMAT_VERSION, MAX_QUOTE_WORDS, REQUIRED_MESSAGES};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A citation and where it stands, for the checks that look at all citations.
struct CitationSite<'a> {
    path: &'a Path,
    record_id: String,
    citation: &'a Citation,
}

pub(super) fn build(files: Vec<KnowledgeFile>) -> Result<KnowledgeBase, KnowledgeError> {
    let mut problems = Vec::new();
    let mut sources: Option<(PathBuf, SourcesFile)> = None;
    let mut agreements: Option<(PathBuf, AgreementsFile)> = None;
    let mut articles: Option<(PathBuf, ArticlesFile)> = None;
    let mut timeline: Option<(PathBuf, TimelineFile)> = None;
    let mut synonyms: Option<(PathBuf, SynonymsFile)> = None;
    let mut stopwords: Option<(PathBuf, StopwordsFile)> = None;
    let mut messages: Option<(PathBuf, MessagesFile)> = None;
    let mut language: Option<(PathBuf, LanguageFile)> = None;
    let mut smalltalk: Option<(PathBuf, SmalltalkFile)> = None;
    let mut entry_files: Vec<(PathBuf, EntriesFile)> = Vec::new();

    for file in &files {
        let name = file.path.to_string_lossy().replace('\\', "/");
        let path = file.path.clone();
        macro_rules! parse_into {
            ($slot:ident) => {
                if let Some(parsed) = parse(&file.path, &file.text, &mut problems) {
                    $slot = Some((path, parsed));
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
                if let Some(parsed) = parse::<EntriesFile>(&file.path, &file.text, &mut problems) {
                    entry_files.push((path, parsed));
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

    let parsed_ok = problems.is_empty();
    for (required, present) in [
        ("sources.toml", sources.is_some()),
        ("messages.toml", messages.is_some()),
        ("stopwords.toml", stopwords.is_some()),
    ] {
        if !present && parsed_ok {
            problems.push(Problem::new(required, None, "required file is missing"));
        }
    }
    if entry_files.is_empty() && parsed_ok {
        problems.push(Problem::new(
            "qa/",
            None,
            "no question-and-answer files (qa/*.toml)",
        ));
    }

    check_versions(
        &mut problems,
        &sources,
        &agreements,
        &articles,
        &timeline,
        &synonyms,
        &stopwords,
        &messages,
        &entry_files,
    );

    let (sources_path, sources) = sources.unwrap_or_else(|| {
        (
            PathBuf::from("sources.toml"),
            SourcesFile {
                format_version: FORMAT_VERSION,
                sources: vec![],
            },
        )
    });
    let (agreements_path, agreements) = agreements.unwrap_or_else(|| {
        (
            PathBuf::from("agreements.toml"),
            AgreementsFile {
                format_version: FORMAT_VERSION,
                agreements: vec![],
            },
        )
    });
    let (articles_path, articles) = articles.unwrap_or_else(|| {
        (
            PathBuf::from("articles.toml"),
            ArticlesFile {
                format_version: FORMAT_VERSION,
                articles: vec![],
            },
        )
    });
    let (timeline_path, timeline) = timeline.unwrap_or_else(|| {
        (
            PathBuf::from("timeline.toml"),
            TimelineFile {
                format_version: FORMAT_VERSION,
                events: vec![],
            },
        )
    });
    let (synonyms_path, synonyms) = synonyms.unwrap_or_else(|| {
        (
            PathBuf::from("synonyms.toml"),
            SynonymsFile {
                format_version: FORMAT_VERSION,
                groups: vec![],
            },
        )
    });
    let stopwords = stopwords.map(|(_, s)| s).unwrap_or(StopwordsFile {
        format_version: FORMAT_VERSION,
        en: vec![],
        ru: vec![],
    });
    let (messages_path, messages) = messages.unwrap_or_else(|| {
        (
            PathBuf::from("messages.toml"),
            MessagesFile {
                format_version: FORMAT_VERSION,
                en: BTreeMap::new(),
                ru: BTreeMap::new(),
            },
        )
    });

    check_sources(&mut problems, &sources_path, &sources.sources);
    check_unique_ids(
        &mut problems,
        &entry_files,
        &agreements_path,
        &agreements.agreements,
        &articles_path,
        &articles.articles,
    );
    check_entries(&mut problems, &entry_files);
    check_related(&mut problems, &entry_files);
    check_questions_unique(&mut problems, &entry_files);
    check_agreements(&mut problems, &agreements_path, &agreements.agreements);
    check_articles(
        &mut problems,
        &articles_path,
        &articles.articles,
        &agreements.agreements,
    );
    check_events(
        &mut problems,
        &timeline_path,
        &timeline.events,
        &agreements.agreements,
    );
    check_synonyms(&mut problems, &synonyms_path, &synonyms.groups);
    check_messages(&mut problems, &messages_path, &messages);
    check_language(&mut problems, &language);
    check_smalltalk(&mut problems, &smalltalk, &messages);
    check_entry_answer_kinds(&mut problems, &entry_files);

    let known_sources: HashSet<&str> = sources.sources.iter().map(|s| s.id.as_str()).collect();
    let sites = citation_sites(
        &entry_files,
        &agreements_path,
        &agreements.agreements,
        &articles_path,
        &articles.articles,
        &timeline_path,
        &timeline.events,
    );
    check_citations(&mut problems, &sites, &known_sources);

    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(KnowledgeError::Invalid(problems));
    }

    let mut entry_paths = HashMap::new();
    let mut entries = Vec::new();
    for (path, file) in entry_files {
        for entry in file.entries {
            entry_paths.insert(entry.id.clone(), path.clone());
            entries.push(entry);
        }
    }
    let mut by_language = BTreeMap::new();
    by_language.insert("en".to_owned(), messages.en);
    if !messages.ru.is_empty() {
        by_language.insert("ru".to_owned(), messages.ru);
    }
    Ok(KnowledgeBase {
        language: language.map(|(_, l)| l).unwrap_or_default(),
        smalltalk: smalltalk.map(|(_, s)| s).unwrap_or_default(),
        sources: sources.sources,
        agreements: agreements.agreements,
        articles: articles.articles,
        events: timeline.events,
        entries,
        synonyms: synonyms.groups,
        stopwords: stopwords.en.into_iter().chain(stopwords.ru).collect(),
        messages: Messages { by_language },
        entry_files: entry_paths,
    })
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

#[allow(clippy::too_many_arguments)]
fn check_versions(
    problems: &mut Vec<Problem>,
    sources: &Option<(PathBuf, SourcesFile)>,
    agreements: &Option<(PathBuf, AgreementsFile)>,
    articles: &Option<(PathBuf, ArticlesFile)>,
    timeline: &Option<(PathBuf, TimelineFile)>,
    synonyms: &Option<(PathBuf, SynonymsFile)>,
    stopwords: &Option<(PathBuf, StopwordsFile)>,
    messages: &Option<(PathBuf, MessagesFile)>,
    entry_files: &[(PathBuf, EntriesFile)],
) {
    let mut versions: Vec<(&Path, u32)> = Vec::new();
    if let Some((p, f)) = sources {
        versions.push((p, f.format_version));
    }
    if let Some((p, f)) = agreements {
        versions.push((p, f.format_version));
    }
    if let Some((p, f)) = articles {
        versions.push((p, f.format_version));
    }
    if let Some((p, f)) = timeline {
        versions.push((p, f.format_version));
    }
    if let Some((p, f)) = synonyms {
        versions.push((p, f.format_version));
    }
    if let Some((p, f)) = stopwords {
        versions.push((p, f.format_version));
    }
    if let Some((p, f)) = messages {
        versions.push((p, f.format_version));
    }
    for (p, f) in entry_files {
        versions.push((p, f.format_version));
    }
    for (path, version) in versions {
        if version != FORMAT_VERSION {
            problems.push(Problem::new(
                path,
                None,
                format!("format_version is {version}, this program reads version {FORMAT_VERSION}"),
            ));
        }
    }
}

/// Longest id: Telegram's callback data, inline result ids and deep links allow 64 bytes, and
/// buttons carry an id with a short prefix.
const MAX_ID_BYTES: usize = 48;

/// Longest answer text: one Telegram message holds 4,096 characters, citations included.
const MAX_ANSWER_CHARS: usize = 2500;

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_BYTES
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn check_date(problems: &mut Vec<Problem>, path: &Path, id: &str, date: &str) {
    if PartialDate::parse(date).is_none() {
        problems.push(Problem::new(
            path,
            Some(id),
            format!("date `{date}` is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ));
    }
}

fn check_sources(problems: &mut Vec<Problem>, path: &Path, sources: &[Source]) {
    let mut seen = HashSet::new();
    for source in sources {
        if !is_valid_id(&source.id) {
            problems.push(Problem::new(
                path,
                Some(&source.id),
                "id must be lowercase ASCII words joined by `-`, at most 48 bytes",
            ));
        }
        if !seen.insert(source.id.as_str()) {
            problems.push(Problem::new(path, Some(&source.id), "duplicate source id"));
        }
        if source.title.trim().is_empty() {
            problems.push(Problem::new(path, Some(&source.id), "empty title"));
        }
        if source.authors.iter().all(|a| a.trim().is_empty()) {
            problems.push(Problem::new(path, Some(&source.id), "no authors"));
        }
        check_date(problems, path, &source.id, &source.date);
    }
}

fn check_unique_ids(
    problems: &mut Vec<Problem>,
    entry_files: &[(PathBuf, EntriesFile)],
    agreements_path: &Path,
    agreements: &[Agreement],
    articles_path: &Path,
    articles: &[Article],
) {
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let mut claim = |problems: &mut Vec<Problem>, path: &Path, id: &str| {
        if let Some(first) = seen.get(id) {
            problems.push(Problem::new(
                path,
                Some(id),
                format!("duplicate id (also used in {})", first.display()),
            ));
        } else {
            seen.insert(id.to_owned(), path.to_path_buf());
        }
    };
    for (path, file) in entry_files {
        for entry in &file.entries {
            claim(problems, path, &entry.id);
        }
    }
    for agreement in agreements {
        claim(problems, agreements_path, &agreement.id);
    }
    for article in articles {
        claim(
            problems,
            articles_path,
            &format!("article-{}", article.number),
        );
    }
}

fn check_entries(problems: &mut Vec<Problem>, entry_files: &[(PathBuf, EntriesFile)]) {
    for (path, file) in entry_files {
        for entry in &file.entries {
            let id = entry.id.as_str();
            if !is_valid_id(id) {
                problems.push(Problem::new(
                    path,
                    Some(id),
                    "id must be lowercase ASCII words joined by `-`, at most 48 bytes",
                ));
            }
            if entry.questions.is_empty() {
                problems.push(Problem::new(path, Some(id), "empty question list"));
            }
            let answers = std::iter::once(entry.answer.as_str())
                .chain(entry.ru.iter().flat_map(|ru| ru.answer.as_deref()));
            if answers
                .into_iter()
                .any(|a| a.chars().count() > MAX_ANSWER_CHARS)
            {
                problems.push(Problem::new(
                    path,
                    Some(id),
                    format!("answer longer than {MAX_ANSWER_CHARS} characters: one Telegram message must hold it with its citations"),
                ));
            }
            if entry.questions.iter().any(|q| q.trim().is_empty()) {
                problems.push(Problem::new(path, Some(id), "a question is empty"));
            }
            if entry.answer.trim().is_empty() {
                problems.push(Problem::new(path, Some(id), "empty answer"));
            }
            if entry.keywords.iter().any(|k| k.trim().is_empty()) {
                problems.push(Problem::new(path, Some(id), "a keyword is empty"));
            }
            if entry.citations.is_empty() {
                problems.push(Problem::new(
                    path,
                    Some(id),
                    "no citation: every answer cites a source",
                ));
            }
            if let Some(ru) = &entry.ru {
                if ru.answer.as_deref().is_some_and(|a| a.trim().is_empty()) {
                    problems.push(Problem::new(path, Some(id), "empty Russian answer"));
                }
                if ru.questions.iter().any(|q| q.trim().is_empty()) {
                    problems.push(Problem::new(path, Some(id), "a Russian question is empty"));
                }
            }
        }
    }
}

fn check_related(problems: &mut Vec<Problem>, entry_files: &[(PathBuf, EntriesFile)]) {
    let ids: HashSet<&str> = entry_files
        .iter()
        .flat_map(|(_, f)| f.entries.iter().map(|e| e.id.as_str()))
        .collect();
    for (path, file) in entry_files {
        for entry in &file.entries {
            for related in &entry.related {
                if !ids.contains(related.as_str()) {
                    problems.push(Problem::new(
                        path,
                        Some(&entry.id),
                        format!("related id `{related}` does not exist"),
                    ));
                } else if related == &entry.id {
                    problems.push(Problem::new(
                        path,
                        Some(&entry.id),
                        "an entry cannot be related to itself",
                    ));
                }
            }
        }
    }
}

/// Two entries with the same phrasing make the matcher guess: each phrasing belongs to one entry.
fn check_questions_unique(problems: &mut Vec<Problem>, entry_files: &[(PathBuf, EntriesFile)]) {
    let mut owner: HashMap<String, &str> = HashMap::new();
    for (path, file) in entry_files {
        for entry in &file.entries {
            let russian = entry.ru.iter().flat_map(|ru| ru.questions.iter());
            for question in entry.questions.iter().chain(russian) {
                let key: String = question
                    .to_lowercase()
                    .chars()
                    .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                match owner.get(&key) {
                    Some(other) if *other != entry.id => problems.push(Problem::new(
                        path,
                        Some(&entry.id),
                        format!("question \"{question}\" is also a question of entry `{other}`"),
                    )),
                    Some(_) => {}
                    None => {
                        owner.insert(key, &entry.id);
                    }
                }
            }
        }
    }
}

fn check_agreements(problems: &mut Vec<Problem>, path: &Path, agreements: &[Agreement]) {
    for agreement in agreements {
        let id = agreement.id.as_str();
        if !is_valid_id(id) {
            problems.push(Problem::new(
                path,
                Some(id),
                "id must be lowercase ASCII words joined by `-`, at most 48 bytes",
            ));
        }
        if agreement.name.trim().is_empty() || agreement.description.trim().is_empty() {
            problems.push(Problem::new(path, Some(id), "empty name or description"));
        }
        check_date(problems, path, id, &agreement.date);
        if agreement.citations.is_empty() {
            problems.push(Problem::new(path, Some(id), "no citation"));
        }
    }
}

fn check_articles(
    problems: &mut Vec<Problem>,
    path: &Path,
    articles: &[Article],
    agreements: &[Agreement],
) {
    for article in articles {
        let id = format!("article-{}", article.number);
        if !agreements.iter().any(|a| a.id == article.agreement) {
            problems.push(Problem::new(
                path,
                Some(&id),
                format!("agreement `{}` does not exist", article.agreement),
            ));
        }
        if article.summary.trim().is_empty() || article.topic.trim().is_empty() {
            problems.push(Problem::new(path, Some(&id), "empty topic or summary"));
        }
        if article.citations.is_empty() {
            problems.push(Problem::new(path, Some(&id), "no citation"));
        }
    }
}

fn check_events(
    problems: &mut Vec<Problem>,
    path: &Path,
    events: &[Event],
    agreements: &[Agreement],
) {
    for event in events {
        let id = format!("event {}", event.date);
        check_date(problems, path, &id, &event.date);
        if let Some(until) = &event.until {
            check_date(problems, path, &id, until);
            if PartialDate::parse(until) < PartialDate::parse(&event.date) {
                problems.push(Problem::new(path, Some(&id), "`until` is before `date`"));
            }
        }
        if let Some(agreement) = &event.agreement {
            if !agreements.iter().any(|a| &a.id == agreement) {
                problems.push(Problem::new(
                    path,
                    Some(&id),
                    format!("agreement `{agreement}` does not exist"),
                ));
            }
        }
        if event.text.trim().is_empty() {
            problems.push(Problem::new(path, Some(&id), "empty text"));
        }
    }
}

fn check_synonyms(problems: &mut Vec<Problem>, path: &Path, groups: &[SynonymGroup]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, group) in groups.iter().enumerate() {
        let name = group
            .terms
            .first()
            .cloned()
            .unwrap_or_else(|| format!("group {}", index + 1));
        if group.terms.len() < 2 {
            problems.push(Problem::new(
                path,
                Some(&name),
                "a synonym group needs at least two terms",
            ));
        }
        for term in &group.terms {
            let key = term.trim().to_lowercase();
            if key.is_empty() {
                problems.push(Problem::new(path, Some(&name), "empty synonym term"));
            } else if let Some(other) = seen.insert(key.clone(), index) {
                if other != index {
                    problems.push(Problem::new(
                        path,
                        Some(&name),
                        format!("term `{key}` is also in group `{}`", groups[other].terms[0]),
                    ));
                }
            }
        }
    }
}

fn check_messages(problems: &mut Vec<Problem>, path: &Path, messages: &MessagesFile) {
    for key in REQUIRED_MESSAGES {
        if !messages.en.contains_key(*key) {
            problems.push(Problem::new(
                path,
                Some(key),
                "required English message is missing",
            ));
        }
    }
    for key in messages.ru.keys() {
        if !messages.en.contains_key(key) {
            problems.push(Problem::new(
                path,
                Some(key),
                "Russian message has no English original",
            ));
        }
    }
    for (lang, table) in [("en", &messages.en), ("ru", &messages.ru)] {
        for (key, text) in table {
            if text.trim().is_empty() {
                problems.push(Problem::new(
                    path,
                    Some(key),
                    format!("empty {lang} message"),
                ));
            }
        }
    }
}

fn check_version(problems: &mut Vec<Problem>, path: &Path, version: u32) {
    if version != FORMAT_VERSION {
        problems.push(Problem::new(
            path,
            None,
            format!("format_version is {version}, this program reads version {FORMAT_VERSION}"),
        ));
    }
}

/// `language.toml`: known answer kinds, no empty cue lists.
fn check_language(problems: &mut Vec<Problem>, language: &Option<(PathBuf, LanguageFile)>) {
    let Some((path, file)) = language else { return };
    check_version(problems, path, file.format_version);
    for kind in &file.answer_types {
        if !ANSWER_KINDS.contains(&kind.name.as_str()) {
            problems.push(Problem::new(
                path,
                Some(&kind.name),
                format!("unknown answer kind; known: {}", ANSWER_KINDS.join(", ")),
            ));
        }
        if kind.cues.iter().all(|c| c.trim().is_empty()) {
            problems.push(Problem::new(path, Some(&kind.name), "no cues"));
        }
    }
}

/// `smalltalk.toml`: every intent has cues and a reply that exists in `messages.toml`.
fn check_smalltalk(
    problems: &mut Vec<Problem>,
    smalltalk: &Option<(PathBuf, SmalltalkFile)>,
    messages: &MessagesFile,
) {
    let Some((path, file)) = smalltalk else {
        return;
    };
    check_version(problems, path, file.format_version);
    let mut seen = HashSet::new();
    for intent in &file.intents {
        if !seen.insert(intent.name.as_str()) {
            problems.push(Problem::new(
                path,
                Some(&intent.name),
                "duplicate intent name",
            ));
        }
        if intent.cues.iter().all(|c| c.trim().is_empty()) {
            problems.push(Problem::new(path, Some(&intent.name), "no cues"));
        }
        if !messages.en.contains_key(&intent.reply) {
            problems.push(Problem::new(
                path,
                Some(&intent.name),
                format!("reply `{}` is not a message in messages.toml", intent.reply),
            ));
        }
    }
}

/// Declared answer kinds of entries must be known kinds.
fn check_entry_answer_kinds(problems: &mut Vec<Problem>, entry_files: &[(PathBuf, EntriesFile)]) {
    for (path, file) in entry_files {
        for entry in &file.entries {
            for kind in &entry.answers {
                if !ANSWER_KINDS.contains(&kind.as_str()) {
                    problems.push(Problem::new(
                        path,
                        Some(&entry.id),
                        format!(
                            "unknown answer kind `{kind}`; known: {}",
                            ANSWER_KINDS.join(", ")
                        ),
                    ));
                }
            }
        }
    }
}

fn citation_sites<'a>(
    entry_files: &'a [(PathBuf, EntriesFile)],
    agreements_path: &'a Path,
    agreements: &'a [Agreement],
    articles_path: &'a Path,
    articles: &'a [Article],
    timeline_path: &'a Path,
    events: &'a [Event],
) -> Vec<CitationSite<'a>> {
    let mut sites = Vec::new();
    for (path, file) in entry_files {
        for entry in &file.entries {
            for citation in &entry.citations {
                sites.push(CitationSite {
                    path,
                    record_id: entry.id.clone(),
                    citation,
                });
            }
        }
    }
    for agreement in agreements {
        for citation in &agreement.citations {
            sites.push(CitationSite {
                path: agreements_path,
                record_id: agreement.id.clone(),
                citation,
            });
        }
    }
    for article in articles {
        for citation in &article.citations {
            sites.push(CitationSite {
                path: articles_path,
                record_id: format!("article-{}", article.number),
                citation,
            });
        }
    }
    for event in events {
        for citation in &event.citations {
            sites.push(CitationSite {
                path: timeline_path,
                record_id: format!("event {}", event.date),
                citation,
            });
        }
    }
    sites
}

fn check_citations(
    problems: &mut Vec<Problem>,
    sites: &[CitationSite<'_>],
    known_sources: &HashSet<&str>,
) {
    for site in sites {
        let id = Some(site.record_id.as_str());
        if !known_sources.contains(site.citation.source.as_str()) {
            problems.push(Problem::new(
                site.path,
                id,
                format!("cites unknown source `{}`", site.citation.source),
            ));
        }
        let words = site.citation.quote.split_whitespace().count();
        if words == 0 {
            problems.push(Problem::new(site.path, id, "empty quote"));
        } else if words > MAX_QUOTE_WORDS {
            problems.push(Problem::new(
                site.path,
                id,
                format!("quote has {words} words; the limit is {MAX_QUOTE_WORDS}"),
            ));
        }
    }
}

/// Folds the differences a quote may have from its source: whitespace runs and quote-mark style.
pub(crate) fn fold_for_quote_check(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars() {
        let c = match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{02BB}' | '\u{02BC}' | '\u{2032}' | '`' => {
                '\''
            }
            c => c,
        };
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    out.trim_end().to_owned()
}

pub(super) fn verify_quotes(kb: &KnowledgeBase, seeds_dir: &Path) -> Result<(), KnowledgeError> {
    let mut problems = Vec::new();
    let mut texts: HashMap<&str, String> = HashMap::new();
    for source in &kb.sources {
        let Some(file) = &source.seed_file else {
            problems.push(Problem::new(
                "sources.toml",
                Some(&source.id),
                "no seed_file: cannot verify its quotes",
            ));
            continue;
        };
        let path = seeds_dir.join(file);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                texts.insert(source.id.as_str(), fold_for_quote_check(&text));
            }
            Err(err) => problems.push(Problem::new(
                "sources.toml",
                Some(&source.id),
                format!("cannot read {}: {err}", path.display()),
            )),
        }
    }
    let mut check = |path: &Path, id: &str, citation: &Citation| {
        if let Some(text) = texts.get(citation.source.as_str()) {
            if !text.contains(&fold_for_quote_check(&citation.quote)) {
                problems.push(Problem::new(
                    path,
                    Some(id),
                    format!(
                        "quote not found verbatim in source `{}`: \"{}\"",
                        citation.source, citation.quote
                    ),
                ));
            }
        }
    };
    for entry in &kb.entries {
        let path = kb.entry_files.get(&entry.id).cloned().unwrap_or_default();
        for citation in &entry.citations {
            check(&path, &entry.id, citation);
        }
    }
    for agreement in &kb.agreements {
        for citation in &agreement.citations {
            check(Path::new("agreements.toml"), &agreement.id, citation);
        }
    }
    for article in &kb.articles {
        for citation in &article.citations {
            check(
                Path::new("articles.toml"),
                &format!("article-{}", article.number),
                citation,
            );
        }
    }
    for event in &kb.events {
        for citation in &event.citations {
            check(
                Path::new("timeline.toml"),
                &format!("event {}", event.date),
                citation,
            );
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        problems.sort();
        Err(KnowledgeError::Invalid(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_folding_ignores_whitespace_and_quote_style() {
        assert_eq!(
            fold_for_quote_check("“Allied  relations”\n are"),
            "\"Allied relations\" are"
        );
        assert_eq!(fold_for_quote_check("Oʻzbekiston’s"), "O'zbekiston's");
    }

    #[test]
    fn ids_are_lowercase_words_joined_by_dashes() {
        assert!(is_valid_id("border-length"));
        assert!(is_valid_id("article-17"));
        let too_long = "a".repeat(49);
        for bad in [
            "",
            "Border",
            "a--b",
            "-a",
            "a-",
            "a_b",
            "a b",
            too_long.as_str(),
        ] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
    }
}
