//! The knowledge base through the library API: the real `knowledge/` folder loads clean, matches
//! the copy embedded in the binary and quotes its sources verbatim; the small fixture loads; and
//! every validation rule reports a broken copy with its file, entry id and problem.

#[path = "fixtures/broken.rs"]
mod broken;

use broken::{Rule, RULES};
use kazuz_bot::knowledge::{KnowledgeBase, KnowledgeError, Problem, REQUIRED_MESSAGES};
use std::path::{Path, PathBuf};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn knowledge_dir() -> PathBuf {
    manifest_dir().join("knowledge")
}

/// `../shared/seeds`, the five source documents, when this checkout has them.
fn shared_seeds() -> Option<PathBuf> {
    let dir = manifest_dir().join("../shared/seeds");
    dir.is_dir().then_some(dir)
}

#[track_caller]
fn load(dir: &Path) -> KnowledgeBase {
    KnowledgeBase::load_dir(dir)
        .unwrap_or_else(|err| panic!("{} should load clean:\n{err}", dir.display()))
}

/// The problems of an invalid knowledge base; fails the test if it is valid or unreadable.
#[track_caller]
fn problems(result: Result<KnowledgeBase, KnowledgeError>) -> Vec<Problem> {
    match result {
        Ok(_) => panic!("the knowledge base should have been rejected"),
        Err(KnowledgeError::Invalid(problems)) => problems,
        Err(other) => panic!("expected validation problems, got: {other}"),
    }
}

/// Loads the rule's broken copy and returns the problems reported for it (by quote verification
/// when the rule needs the sources).
fn problems_for(rule: &Rule) -> (tempfile::TempDir, Vec<Problem>) {
    let dir = rule.broken_copy();
    let found = if rule.needs_sources {
        let kb = KnowledgeBase::load_dir(dir.path()).unwrap_or_else(|err| {
            panic!(
                "rule {}: the copy should load; only the quote check fails:\n{err}",
                rule.name
            )
        });
        match kb.verify_quotes(&broken::seeds_small()) {
            Ok(()) => panic!(
                "rule {}: verify_quotes accepted a quote that is not in the source",
                rule.name
            ),
            Err(KnowledgeError::Invalid(problems)) => problems,
            Err(other) => panic!("rule {}: expected quote problems, got: {other}", rule.name),
        }
    } else {
        problems(KnowledgeBase::load_dir(dir.path()))
    };
    (dir, found)
}

/// Asserts that `problems` holds exactly the rule's problem: the file, the entry id and the
/// message, both as fields and in the displayed form an author reads.
#[track_caller]
fn assert_reports(rule: &Rule) {
    let (dir, problems) = problems_for(rule);
    let listing: Vec<String> = problems.iter().map(Problem::to_string).collect();
    assert_eq!(
        problems.len(),
        1,
        "rule {}: expected exactly one problem, got:\n{}",
        rule.name,
        listing.join("\n")
    );
    let problem = &problems[0];
    let message = rule.expected_message(dir.path());
    assert_eq!(
        problem.path,
        Path::new(rule.expected.file),
        "rule {}: wrong file in {problem}",
        rule.name
    );
    assert_eq!(
        problem.entry_id.as_deref(),
        rule.expected.entry,
        "rule {}: wrong entry id in {problem}",
        rule.name
    );
    assert!(
        problem.message.contains(&message),
        "rule {}: `{problem}` should say `{message}`",
        rule.name
    );
    let shown = problem.to_string();
    assert!(
        shown.starts_with(&rule.expected_prefix()) && shown.contains(&message),
        "rule {}: displayed as `{shown}`, expected `{}{message}`",
        rule.name,
        rule.expected_prefix()
    );
}

// ---------------------------------------------------------------------------------------------
// The real knowledge base
// ---------------------------------------------------------------------------------------------

#[test]
fn real_knowledge_base_loads_and_validates_clean() {
    let kb = load(&knowledge_dir());
    assert!(!kb.sources.is_empty() && !kb.agreements.is_empty() && !kb.articles.is_empty());
}

#[test]
fn embedded_copy_matches_the_knowledge_directory() {
    let on_disk = load(&knowledge_dir());
    let embedded = KnowledgeBase::embedded()
        .unwrap_or_else(|err| panic!("the embedded knowledge base is invalid:\n{err}"));
    assert_eq!(
        embedded.counts(),
        on_disk.counts(),
        "embedded copy is stale: rebuild, or build.rs misses a file"
    );
    let ids = |kb: &KnowledgeBase| kb.entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&embedded), ids(&on_disk));
}

#[test]
fn every_quote_appears_verbatim_in_the_shared_seeds() {
    let Some(seeds) = shared_seeds() else {
        eprintln!(
            "note: ../shared/seeds is absent; skipping the quote check of the real knowledge base"
        );
        return;
    };
    let kb = load(&knowledge_dir());
    if let Err(err) = kb.verify_quotes(&seeds) {
        panic!("quotes checked against {}:\n{err}", seeds.display());
    }
}

#[test]
fn has_at_least_150_entries_each_with_three_questions() {
    let kb = load(&knowledge_dir());
    assert!(
        kb.entries.len() >= 150,
        "only {} Q&A entries",
        kb.entries.len()
    );
    let thin: Vec<String> = kb
        .entries
        .iter()
        .filter(|e| e.questions.iter().filter(|q| !q.trim().is_empty()).count() < 3)
        .map(|e| format!("{} ({} questions)", e.id, e.questions.len()))
        .collect();
    assert!(
        thin.is_empty(),
        "entries with fewer than 3 questions: {thin:?}"
    );
}

#[test]
fn every_question_too_long_for_a_button_has_a_short_label() {
    // Buttons show an entry's first question; a phone shows about 32 characters of it.
    let limit = kazuz_bot::knowledge::MAX_SHORT_CHARS;
    let kb = load(&knowledge_dir());
    let mut missing = Vec::new();
    for entry in &kb.entries {
        if entry.questions[0].chars().count() > limit && entry.short.is_none() {
            missing.push(format!("{} (en)", entry.id));
        }
        if let Some(ru) = &entry.ru {
            let long = ru
                .questions
                .first()
                .is_some_and(|q| q.chars().count() > limit);
            if long && ru.short.is_none() {
                missing.push(format!("{} (ru)", entry.id));
            }
        }
    }
    assert!(missing.is_empty(), "add a `short` label to: {missing:?}");
}

#[test]
fn every_entry_has_a_russian_answer() {
    let kb = load(&knowledge_dir());
    let missing: Vec<&str> = kb
        .entries
        .iter()
        .filter(|e| {
            e.ru.as_ref()
                .and_then(|ru| ru.answer.as_deref())
                .is_none_or(|a| !has_cyrillic(a))
        })
        .map(|e| e.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "entries without a Russian answer: {missing:?}"
    );
}

#[test]
fn every_entry_file_is_recorded_for_diagnostics() {
    let kb = load(&knowledge_dir());
    for entry in &kb.entries {
        let path = kb
            .entry_files
            .get(&entry.id)
            .unwrap_or_else(|| panic!("no file recorded for {}", entry.id));
        assert!(path.starts_with("qa"), "{}: {}", entry.id, path.display());
    }
}

fn has_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

// ---------------------------------------------------------------------------------------------
// The small fixture
// ---------------------------------------------------------------------------------------------

#[test]
fn small_fixture_loads_and_its_quotes_verify() {
    let kb = load(&broken::kb_small());
    let counts = kb.counts();
    assert_eq!(
        (
            counts.sources,
            counts.agreements,
            counts.articles,
            counts.entries
        ),
        (2, 1, 1, 4)
    );
    assert_eq!(counts.events, 1);
    assert!(kb
        .entries
        .iter()
        .all(|e| e.questions.len() >= 3 && e.ru.is_some()));
    kb.verify_quotes(&broken::seeds_small())
        .unwrap_or_else(|err| panic!("kb_small quotes:\n{err}"));
    assert_eq!(
        kb.entry_files.get("border-length").map(PathBuf::as_path),
        Some(Path::new("qa/small.toml"))
    );
}

#[test]
fn small_fixture_has_every_required_message_in_both_languages() {
    load(&broken::kb_small());
    let path = broken::kb_small().join("messages.toml");
    let text = std::fs::read_to_string(&path).expect("read messages.toml");
    let messages: toml::Table = text.parse().expect("messages.toml is TOML");
    for lang in ["en", "ru"] {
        let table = messages[lang].as_table().expect("a table per language");
        let missing: Vec<&str> = REQUIRED_MESSAGES
            .iter()
            .copied()
            .filter(|key| !table.contains_key(*key))
            .collect();
        assert!(missing.is_empty(), "kb_small [{lang}] lacks {missing:?}");
    }
}

#[test]
fn every_rule_of_the_table_has_a_test() {
    // One #[test] per rule below, so a failure names the rule; this guards the list.
    let tested = [
        "toml_syntax",
        "duplicate_id",
        "unknown_source",
        "empty_answer",
        "empty_question_list",
        "unknown_related",
        "quote_too_long",
        "bad_date",
        "author_descriptions_not_one_per_author",
        "unknown_key",
        "missing_message",
        "multi_word_office",
        "format_version",
        "short_label_too_long",
        "article_unknown_agreement",
        "quote_not_verbatim",
    ];
    let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    assert_eq!(names, tested);
}

// ---------------------------------------------------------------------------------------------
// One broken copy per validation rule
// ---------------------------------------------------------------------------------------------

#[test]
fn toml_syntax_error_names_the_file_and_line() {
    assert_reports(broken::rule("toml_syntax"));
}

#[test]
fn duplicate_id_across_two_qa_files() {
    assert_reports(broken::rule("duplicate_id"));
}

#[test]
fn citation_of_an_unknown_source() {
    assert_reports(broken::rule("unknown_source"));
}

#[test]
fn short_label_longer_than_a_phone_button() {
    assert_reports(broken::rule("short_label_too_long"));
}

#[test]
fn empty_answer() {
    assert_reports(broken::rule("empty_answer"));
}

#[test]
fn empty_question_list() {
    assert_reports(broken::rule("empty_question_list"));
}

#[test]
fn related_id_that_does_not_exist() {
    assert_reports(broken::rule("unknown_related"));
}

#[test]
fn quote_longer_than_40_words() {
    assert_reports(broken::rule("quote_too_long"));
}

#[test]
fn bad_date() {
    assert_reports(broken::rule("bad_date"));
}

#[test]
fn author_descriptions_must_be_one_list_per_author() {
    assert_reports(broken::rule("author_descriptions_not_one_per_author"));
}

/// `deny_unknown_fields` rejects a misspelt key. The problem comes from the TOML parser, which
/// knows the line but not the entry id, so the line number stands in for the id here.
#[test]
fn unknown_key_is_rejected_with_its_line() {
    assert_reports(broken::rule("unknown_key"));
}

#[test]
fn missing_required_message() {
    assert_reports(broken::rule("missing_message"));
}

/// Lists read word by word must hold single words: "president of the university" would make
/// "of" and "the" offices.
#[test]
fn multi_word_office_is_rejected() {
    assert_reports(broken::rule("multi_word_office"));
}

#[test]
fn wrong_format_version() {
    assert_reports(broken::rule("format_version"));
}

#[test]
fn article_citing_an_unknown_agreement() {
    assert_reports(broken::rule("article_unknown_agreement"));
}

#[test]
fn quote_not_verbatim_in_its_source() {
    let rule = broken::rule("quote_not_verbatim");
    assert_reports(rule);
}

#[test]
fn quote_not_verbatim_passes_plain_loading() {
    // Loading does not read the seeds: only verify_quotes / `check --sources` finds this.
    let dir = broken::rule("quote_not_verbatim").broken_copy();
    load(dir.path());
}

#[test]
fn quote_check_tolerates_whitespace_and_quote_marks() {
    let dir = broken::broken_copy(&[broken::Patch::Replace {
        file: "qa/small.toml",
        from: r#"quote = "at the state summit in Tashkent""#,
        to: "quote = \"at  the state\\nsummit   in Tashkent\"",
    }]);
    let kb = load(dir.path());
    kb.verify_quotes(&broken::seeds_small())
        .unwrap_or_else(|err| panic!("whitespace should not matter:\n{err}"));
}

#[test]
fn missing_seed_file_is_reported_against_the_source() {
    let kb = load(&broken::kb_small());
    let empty = tempfile::tempdir().expect("temporary directory");
    let found = match kb.verify_quotes(empty.path()) {
        Ok(()) => panic!("verify_quotes should fail when the seed documents are missing"),
        Err(KnowledgeError::Invalid(problems)) => problems,
        Err(other) => panic!("expected problems, got {other}"),
    };
    for id in ["small-news-2022", "small-analysis-2023"] {
        assert!(
            found.iter().any(|p| p.path == Path::new("sources.toml")
                && p.entry_id.as_deref() == Some(id)
                && p.message.contains("cannot read")),
            "no problem for {id}: {found:?}"
        );
    }
}

#[test]
fn several_problems_are_all_reported_at_once() {
    let names = [
        "unknown_source",
        "empty_question_list",
        "unknown_related",
        "bad_date",
        "article_unknown_agreement",
        "format_version",
    ];
    let patches: Vec<&broken::Patch> = names.iter().flat_map(|n| broken::rule(n).patches).collect();
    // Patches of different rules touch different lines, so they apply one after another.
    let copy = broken::broken_copy(&[]);
    for patch in patches {
        broken::apply(copy.path(), patch);
    }
    let found = problems(KnowledgeBase::load_dir(copy.path()));
    let listing: Vec<String> = found.iter().map(Problem::to_string).collect();
    assert_eq!(
        found.len(),
        names.len(),
        "expected one problem per rule:\n{}",
        listing.join("\n")
    );
    for name in names {
        let rule = broken::rule(name);
        let message = rule.expected_message(copy.path());
        assert!(
            found.iter().any(|p| p.path == Path::new(rule.expected.file)
                && p.entry_id.as_deref() == rule.expected.entry
                && p.message.contains(&message)),
            "rule {name} not reported; got:\n{}",
            listing.join("\n")
        );
    }
    let mut sorted = found.clone();
    sorted.sort();
    assert_eq!(found, sorted, "problems are listed sorted by file");
    // The error's own text lists them all, one a line, with the count.
    let text = KnowledgeBase::load_dir(copy.path())
        .expect_err("still broken")
        .to_string();
    assert!(
        text.contains(&format!("{} problem(s)", names.len())),
        "{text}"
    );
    for line in &listing {
        assert!(
            text.contains(line.as_str()),
            "`{line}` missing from:\n{text}"
        );
    }
}

#[test]
fn parse_errors_in_several_files_are_all_reported() {
    let copy = broken::broken_copy(&[]);
    broken::apply(copy.path(), &broken::rule("toml_syntax").patches[0]);
    broken::apply(copy.path(), &broken::rule("format_version").patches[0]);
    std::fs::write(
        copy.path().join("synonyms.toml"),
        "format_version = 1\n[[group]\nterms = [\"a\", \"b\"]\n",
    )
    .expect("write");
    let found = problems(KnowledgeBase::load_dir(copy.path()));
    for file in ["qa/small.toml", "stopwords.toml", "synonyms.toml"] {
        assert!(
            found.iter().any(|p| p.path == Path::new(file)),
            "no problem for {file}: {found:?}"
        );
    }
}

#[test]
fn unreadable_directory_is_an_io_error_naming_the_path() {
    let missing = tempfile::tempdir()
        .expect("temporary directory")
        .path()
        .join("no-such-knowledge");
    match KnowledgeBase::load_dir(&missing) {
        Err(err @ KnowledgeError::Io { .. }) => {
            assert!(err.to_string().contains("no-such-knowledge"), "{err}")
        }
        Err(other) => panic!("expected an I/O error, got {other}"),
        Ok(_) => panic!("a missing directory cannot load"),
    }
}

#[test]
fn a_linked_directory_is_not_followed() {
    let dir = broken::broken_copy(&[]);
    std::os::unix::fs::symlink(".", dir.path().join("qa/loop")).expect("symlink");
    let kb = KnowledgeBase::load_dir(dir.path()).expect("the loop is skipped, not followed");
    assert!(!kb.entries.is_empty());
}

#[test]
fn a_special_or_huge_toml_file_is_refused_not_read() {
    let dir = broken::broken_copy(&[]);
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("qa/zero.toml")).expect("symlink");
    let err = KnowledgeBase::load_dir(dir.path()).expect_err("/dev/zero is not a knowledge file");
    assert!(err.to_string().contains("zero.toml"), "{err}");
    let dir = broken::broken_copy(&[]);
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("qa/pipe.toml"))
        .status();
    if status.is_ok_and(|s| s.success()) {
        let err = KnowledgeBase::load_dir(dir.path()).expect_err("a FIFO is not a knowledge file");
        assert!(err.to_string().contains("pipe.toml"), "{err}");
    } else {
        eprintln!("note: mkfifo not available; the FIFO case is not checked");
    }
}

#[test]
fn ids_longer_than_telegram_allows_are_rejected() {
    let long = format!("id = \"{}\"", "a".repeat(60));
    let dir = broken::broken_copy(&[]);
    let qa = dir.path().join("qa/small.toml");
    let text = std::fs::read_to_string(&qa).expect("fixture");
    let first_id = text
        .lines()
        .find(|l| l.starts_with("id = "))
        .expect("an entry id")
        .to_owned();
    std::fs::write(&qa, text.replacen(&first_id, &long, 1)).expect("patched");
    let found = problems(KnowledgeBase::load_dir(dir.path()));
    assert!(
        found
            .iter()
            .any(|p| p.to_string().contains("at most 48 bytes")),
        "{found:?}"
    );
}

#[test]
fn the_engine_built_at_build_time_is_the_one_the_knowledge_files_give() {
    // build.rs serialises the engine so that the binary starts without parsing or indexing;
    // it must be exactly what building from the embedded files gives now.
    let embedded = kazuz_bot::embedded::engine_bytes();
    assert!(
        kazuz_bot::matching::Engine::from_bytes(embedded).is_some(),
        "build.rs embedded no engine ({} bytes)",
        embedded.len()
    );
    let fresh = kazuz_bot::matching::Engine::new(
        KnowledgeBase::embedded().expect("embedded knowledge base is valid"),
    );
    assert!(
        fresh.to_bytes().expect("serialises") == embedded,
        "the embedded engine differs from one built from the embedded files"
    );
}
