//! The named checks over parsed knowledge files: ids, dates, sources, entries, related links,
//! unique phrasings, agreements, articles, events, synonyms, messages, language cues, small
//! talk and declared answer kinds. Each adds every problem it finds; none stops at the first.

use super::super::schema::*;
use super::super::{PartialDate, Problem};
use super::super::{
    ANSWER_KINDS, FORMAT_VERSION, MAX_GUESS_PHRASE_WORDS, MAX_SHORT_CHARS, REQUIRED_MESSAGES,
};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Longest id: Telegram's callback data, inline result ids and deep links allow 64 bytes, and
/// buttons carry an id with a short prefix.
const MAX_ID_BYTES: usize = 48;

/// Longest answer text: one Telegram message holds 4,096 characters, citations included.
const MAX_ANSWER_CHARS: usize = 2500;

#[allow(clippy::too_many_arguments)]
pub(super) fn check_versions(
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

pub(super) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_BYTES
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

pub(super) fn check_date(problems: &mut Vec<Problem>, path: &Path, id: &str, date: &str) {
    if PartialDate::parse(date).is_none() {
        problems.push(Problem::new(
            path,
            Some(id),
            format!("date `{date}` is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ));
    }
}

pub(super) fn check_sources(problems: &mut Vec<Problem>, path: &Path, sources: &[Source]) {
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
        let described = source.each_author_described_as.len();
        if described != 0 && described != source.authors.len() {
            problems.push(Problem::new(
                path,
                Some(&source.id),
                format!(
                    "each_author_described_as has {described} lists for {} authors (one per author, in order)",
                    source.authors.len()
                ),
            ));
        }
        check_date(problems, path, &source.id, &source.date);
    }
}

pub(super) fn check_unique_ids(
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

pub(super) fn check_entries(problems: &mut Vec<Problem>, entry_files: &[(PathBuf, EntriesFile)]) {
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

pub(super) fn check_related(problems: &mut Vec<Problem>, entry_files: &[(PathBuf, EntriesFile)]) {
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

/// Short button labels fit a phone's button and tell entries apart: at most [`MAX_SHORT_CHARS`]
/// characters, not empty, no two the same in one language.
pub(super) fn check_short_labels(
    problems: &mut Vec<Problem>,
    entry_files: &[(PathBuf, EntriesFile)],
) {
    let mut seen: HashMap<(&str, String), &str> = HashMap::new();
    for (path, file) in entry_files {
        for entry in &file.entries {
            let ru = entry.ru.as_ref().and_then(|ru| ru.short.as_deref());
            for (lang, short) in [("en", entry.short.as_deref()), ("ru", ru)] {
                let Some(short) = short else { continue };
                let length = short.trim().chars().count();
                if length == 0 || length > MAX_SHORT_CHARS {
                    problems.push(Problem::new(
                        path,
                        Some(&entry.id),
                        format!("{lang} short label must have 1 to {MAX_SHORT_CHARS} characters, has {length}"),
                    ));
                }
                let key = (lang, short.trim().to_lowercase());
                if let Some(other) = seen.insert(key, &entry.id) {
                    problems.push(Problem::new(
                        path,
                        Some(&entry.id),
                        format!("{lang} short label {short:?} is also {other}'s: buttons must tell entries apart"),
                    ));
                }
            }
        }
    }
}

/// Two entries with the same phrasing make the matcher guess: each phrasing belongs to one entry.
pub(super) fn check_questions_unique(
    problems: &mut Vec<Problem>,
    entry_files: &[(PathBuf, EntriesFile)],
) {
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

pub(super) fn check_agreements(problems: &mut Vec<Problem>, path: &Path, agreements: &[Agreement]) {
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

pub(super) fn check_articles(
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

pub(super) fn check_events(
    problems: &mut Vec<Problem>,
    path: &Path,
    events: &[Event],
    agreements: &[Agreement],
    sources: &[Source],
) {
    for event in events {
        let id = format!("event {}", event.date);
        check_date(problems, path, &id, &event.date);
        for dated in &event.dated_by {
            check_date(problems, path, &id, &dated.date);
            if !sources.iter().any(|s| s.id == dated.source) {
                problems.push(Problem::new(
                    path,
                    Some(&id),
                    format!("`dated_by` source `{}` does not exist", dated.source),
                ));
            }
        }
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

pub(super) fn check_synonyms(problems: &mut Vec<Problem>, path: &Path, groups: &[SynonymGroup]) {
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

pub(super) fn check_messages(problems: &mut Vec<Problem>, path: &Path, messages: &MessagesFile) {
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

pub(super) fn check_version(problems: &mut Vec<Problem>, path: &Path, version: u32) {
    if version != FORMAT_VERSION {
        problems.push(Problem::new(
            path,
            None,
            format!("format_version is {version}, this program reads version {FORMAT_VERSION}"),
        ));
    }
}

/// True for text with a character other than letters, digits, spaces and the punctuation
/// inside words ("…" for any words, apostrophes, hyphens).
fn has_dropped_symbol(text: &str) -> bool {
    text.chars()
        .any(|c| !(c.is_alphanumeric() || c.is_whitespace() || "…'’-".contains(c)))
}

/// `language.toml`: known answer kinds, no empty cue lists, no cue with a symbol.
pub(super) fn check_language(
    problems: &mut Vec<Problem>,
    language: &Option<(PathBuf, LanguageFile)>,
) {
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
        // Matching reads words only: "what %" would be the cue "what", which nearly every
        // question has.
        for cue in kind
            .cues
            .iter()
            .filter(|c| has_dropped_symbol(cue_without_end(c).0))
        {
            problems.push(Problem::new(
                path,
                Some(&kind.name),
                format!("cue {cue:?} has a symbol that matching drops"),
            ));
        }
    }
    for phrase in file
        .guess_tails
        .iter()
        .filter(|p| p.split_whitespace().count() > MAX_GUESS_PHRASE_WORDS)
    {
        problems.push(Problem::new(
            path,
            Some("guess_tails"),
            format!("more than {MAX_GUESS_PHRASE_WORDS} words: `{phrase}`"),
        ));
    }
    // Single-word lists are read word by word: "president of the university" would make "of"
    // and "the" offices, and nearly every question would ask for a person.
    let single_words = [
        ("offices", &file.offices),
        ("focus_skip", &file.focus_skip),
        ("kind_intensifiers", &file.kind_intensifiers),
        ("generic_focus", &file.generic_focus),
        ("focus_verbs", &file.focus_verbs),
    ];
    for (list, words) in single_words {
        for word in words.iter().filter(|w| w.split_whitespace().count() != 1) {
            problems.push(Problem::new(
                path,
                Some(list),
                format!("must be a single word: `{word}`"),
            ));
        }
    }
}

/// `smalltalk.toml`: every intent has cues and a reply that exists in `messages.toml`.
pub(super) fn check_smalltalk(
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
pub(super) fn check_entry_answer_kinds(
    problems: &mut Vec<Problem>,
    entry_files: &[(PathBuf, EntriesFile)],
) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_with_a_symbol_matching_drops_is_a_problem() {
        assert!(has_dropped_symbol("what %"));
        assert!(has_dropped_symbol("how many $"));
        assert!(!has_dropped_symbol("where … held"));
        assert!(!has_dropped_symbol("who's the current"));
        assert!(!has_dropped_symbol("штаб-квартира"));
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
