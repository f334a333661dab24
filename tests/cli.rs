//! The real `kazuz-bot` binary, run as a user runs it: answers, JSON output, batch and chat
//! modes, `check` on good and broken knowledge, `eval`, and the error paths with their exit
//! codes (0 success / answered, 1 declined or failed check, 2 error; see the top of src/cli.rs).

#[path = "fixtures/broken.rs"]
mod broken;

use kazuz_bot::knowledge::KnowledgeBase;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const TREATY_QUESTION: &str = "When was the allied relations treaty signed?";
const OUT_OF_SCOPE: &str = "What's the weather in Tashkent tomorrow?";
const BORDER_QUESTION: &str = "How long is the border between Kazakhstan and Uzbekistan?";

/// What one run of the binary produced.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    what: String,
}

impl Run {
    /// Fails with the whole run shown unless the exit code is `code`.
    #[track_caller]
    fn expect_code(self, code: i32) -> Self {
        assert_eq!(self.code, code, "{self}");
        self
    }

    /// Fails unless the run failed cleanly: non-zero, and not a panic.
    #[track_caller]
    fn expect_failure(self) -> Self {
        assert!(
            self.code != 0 && self.code != 101,
            "expected a clean failure: {self}"
        );
        self
    }

    #[track_caller]
    fn stdout_has(self, needle: &str) -> Self {
        assert!(
            self.stdout.contains(needle),
            "stdout should contain {needle:?}: {self}"
        );
        self
    }

    #[track_caller]
    fn stderr_has(self, needle: &str) -> Self {
        assert!(
            self.stderr.contains(needle),
            "stderr should contain {needle:?}: {self}"
        );
        self
    }

    /// The single JSON object on standard output.
    #[track_caller]
    fn json(&self) -> Value {
        serde_json::from_str(self.stdout.trim())
            .unwrap_or_else(|e| panic!("stdout is not one JSON object ({e}): {self}"))
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "\n`{}` exited with {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.what, self.code, self.stdout, self.stderr
        )
    }
}

/// How to run the binary: arguments, standard input and extra environment.
struct Kazuz {
    command: Command,
    stdin: Option<String>,
    what: String,
    /// Working directory: an empty temporary directory, so no `.env` is picked up.
    _cwd: tempfile::TempDir,
}

impl Kazuz {
    fn new(args: &[&str]) -> Self {
        let cwd = tempfile::tempdir().expect("temporary directory");
        let mut command = Command::new(env!("CARGO_BIN_EXE_kazuz-bot"));
        command
            .args(args)
            .current_dir(cwd.path())
            .env_remove("KNOWLEDGE_DIR")
            .env_remove("TELOXIDE_TOKEN")
            .env_remove("RUST_LOG");
        Self {
            command,
            stdin: None,
            what: format!("kazuz-bot {}", args.join(" ")),
            _cwd: cwd,
        }
    }

    fn stdin(mut self, text: &str) -> Self {
        self.stdin = Some(text.to_owned());
        self
    }

    fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.env(key, value);
        self
    }

    /// Runs to completion. Standard input is empty unless given, so nothing waits for a
    /// terminal. Every run must end without a panic, whatever its exit code.
    #[track_caller]
    fn run(mut self) -> Run {
        self.command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self
            .command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.what));
        {
            let mut stdin = child.stdin.take().expect("piped stdin");
            if let Some(text) = &self.stdin {
                // The program may exit before reading everything (e.g. after `quit`).
                let _ = stdin.write_all(text.as_bytes());
            }
        }
        let output = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("cannot wait for {}: {e}", self.what));
        let run = Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            what: self.what,
        };
        assert!(
            !run.stderr.contains("panicked"),
            "the program panicked: {run}"
        );
        run
    }
}

/// Runs `kazuz-bot ARGS` with empty standard input.
#[track_caller]
fn kazuz(args: &[&str]) -> Run {
    Kazuz::new(args).run()
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

fn knowledge_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

fn shared_seeds() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    dir.is_dir().then_some(dir)
}

fn has_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Checks the shape of one `ask --json` object and returns it.
#[track_caller]
fn assert_reply_shape(reply: &Value) -> &Value {
    let object = reply
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {reply}"));
    assert!(object["answered"].is_boolean(), "answered: {reply}");
    assert!(
        object["text"].as_str().is_some_and(|t| !t.is_empty()),
        "text: {reply}"
    );
    assert!(
        object["entry"].is_string() || object["entry"].is_null(),
        "entry: {reply}"
    );
    let score = object["score"]
        .as_f64()
        .unwrap_or_else(|| panic!("score: {reply}"));
    assert!((0.0..=1.0).contains(&score), "score {score} outside 0..=1");
    for citation in object["citations"]
        .as_array()
        .unwrap_or_else(|| panic!("citations: {reply}"))
    {
        for key in ["source", "title", "quote"] {
            assert!(
                citation[key].as_str().is_some_and(|s| !s.is_empty()),
                "citation.{key}: {citation}"
            );
        }
    }
    assert!(
        object["suggestions"]
            .as_array()
            .is_some_and(|s| s.iter().all(Value::is_string)),
        "suggestions: {reply}"
    );
    reply
}

// ---------------------------------------------------------------------------------------------
// ask
// ---------------------------------------------------------------------------------------------

#[test]
fn ask_answers_the_treaty_date_with_a_source_title() {
    let run = kazuz(&["ask", TREATY_QUESTION])
        .expect_code(0)
        .stdout_has("2022");
    let kb = KnowledgeBase::load_dir(&knowledge_dir()).expect("knowledge/ loads");
    assert!(
        kb.sources.iter().any(|s| run.stdout.contains(&s.title)),
        "no source title in the answer: {run}"
    );
}

#[test]
fn ask_json_prints_one_object_with_the_documented_keys() {
    let run = kazuz(&["ask", "--json", TREATY_QUESTION]).expect_code(0);
    assert_eq!(
        run.stdout.trim().lines().count(),
        1,
        "one line of JSON: {run}"
    );
    let reply = run.json();
    assert_reply_shape(&reply);
    assert_eq!(reply["answered"], true);
    assert!(reply["text"].as_str().unwrap().contains("2022"), "{reply}");
    assert!(reply["entry"].is_string(), "{reply}");
    assert!(
        !reply["citations"].as_array().unwrap().is_empty(),
        "an answer cites its sources: {reply}"
    );
}

#[test]
fn small_talk_is_not_an_answer_and_says_so_in_json() {
    let run = kazuz(&["ask", "--json", "hi there!"]).expect_code(1);
    let reply = run.json();
    assert_reply_shape(&reply);
    assert_eq!(reply["answered"], false, "{run}");
    assert_eq!(reply["small_talk"], "greeting", "{run}");
    assert!(reply["citations"].as_array().unwrap().is_empty(), "{run}");
    let question = kazuz(&["ask", "--json", TREATY_QUESTION])
        .expect_code(0)
        .json();
    assert!(question["small_talk"].is_null(), "{question}");
}

#[test]
fn out_of_scope_question_is_declined_with_exit_code_1() {
    let run = kazuz(&["ask", "--json", OUT_OF_SCOPE]).expect_code(1);
    let reply = run.json();
    assert_reply_shape(&reply);
    assert_eq!(reply["answered"], false, "{run}");
    assert!(reply["entry"].is_null(), "{run}");
    assert!(reply["citations"].as_array().unwrap().is_empty(), "{run}");
    // Plain text says so too.
    kazuz(&["ask", OUT_OF_SCOPE])
        .expect_code(1)
        .stdout_has("I don't know");
}

#[test]
fn stdin_batch_prints_one_json_line_per_question_in_order() {
    let questions = [TREATY_QUESTION, "", BORDER_QUESTION];
    let run = Kazuz::new(&["ask", "--json"])
        .stdin(&format!("{}\n", questions.join("\n")))
        .run()
        .expect_code(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{run}");
    let replies: Vec<Value> = lines
        .iter()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("line {l:?} is not JSON ({e}): {run}"))
        })
        .collect();
    for reply in &replies {
        assert_reply_shape(reply);
    }
    assert_eq!(replies[0]["answered"], true, "{run}");
    assert_eq!(
        replies[1]["answered"], false,
        "the empty line is declined: {run}"
    );
    assert_eq!(replies[2]["answered"], true, "{run}");
    // In order: each line is what asking that question alone prints.
    for (question, reply) in questions.iter().zip(&replies) {
        let single = kazuz(&["ask", "--json", question]).json();
        assert_eq!(
            &single, reply,
            "batch and single answers differ for {question:?}"
        );
    }
}

#[test]
fn stdin_batch_in_plain_text() {
    let run = Kazuz::new(&["ask"])
        .stdin(&format!("{TREATY_QUESTION}\n{OUT_OF_SCOPE}\n"))
        .run()
        .expect_code(0);
    assert!(
        run.stdout.contains("2022") && run.stdout.contains("I don't know"),
        "{run}"
    );
}

#[test]
fn russian_question_gets_a_russian_answer() {
    let run = kazuz(&[
        "ask",
        "--json",
        "Когда был подписан договор о союзнических отношениях?",
    ])
    .expect_code(0);
    let reply = run.json();
    assert_eq!(reply["answered"], true, "{run}");
    assert_eq!(reply["lang"], "ru", "{run}");
    let text = reply["text"].as_str().unwrap();
    let body = text.split("\n\n").next().unwrap();
    assert!(
        has_cyrillic(body),
        "the answer body should be Russian: {text}"
    );
    assert!(body.contains("2022"), "{text}");
}

#[test]
fn knowledge_flag_and_env_load_another_copy() {
    let small = broken::kb_small();
    let run = kazuz(&[
        "ask",
        "--knowledge",
        path_arg(&small),
        "--json",
        TREATY_QUESTION,
    ])
    .expect_code(0);
    let reply = run.json();
    assert_eq!(reply["entry"], "treaty-signing-date", "{run}");
    assert_eq!(reply["citations"][0]["source"], "small-news-2022", "{run}");
    let run = Kazuz::new(&["ask", "--json", TREATY_QUESTION])
        .env("KNOWLEDGE_DIR", &small)
        .run()
        .expect_code(0);
    assert_eq!(
        run.json()["citations"][0]["source"],
        "small-news-2022",
        "KNOWLEDGE_DIR is honoured: {run}"
    );
}

// ---------------------------------------------------------------------------------------------
// chat
// ---------------------------------------------------------------------------------------------

#[test]
fn chat_answers_and_quits() {
    let run = Kazuz::new(&["chat"])
        .stdin("When was the treaty signed?\nquit\n")
        .run()
        .expect_code(0);
    let after_prompt = run
        .stdout
        .split_once("> ")
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("no prompt: {run}"));
    assert!(
        after_prompt.contains("2022"),
        "no answer after the prompt: {run}"
    );
}

#[test]
fn chat_ends_at_end_of_input() {
    Kazuz::new(&["chat"])
        .stdin("How long is the border?\n")
        .run()
        .expect_code(0)
        .stdout_has("2,356.6");
}

#[test]
fn chat_number_picks_a_suggested_question() {
    let small = broken::kb_small();
    // treaty-signing-date lists treaty-signing-place as related: "1" asks it.
    let run = Kazuz::new(&["chat", "--knowledge", path_arg(&small)])
        .stdin(&format!("{TREATY_QUESTION}\n1\nquit\n"))
        .run()
        .expect_code(0);
    assert!(
        run.stdout
            .contains("1. Where was the allied relations treaty signed?"),
        "{run}"
    );
    run.stdout_has("It was signed at the state summit in Tashkent.");
}

#[test]
fn chat_keeps_the_conversation_language_and_treats_commands_as_commands() {
    let run = Kazuz::new(&["chat"])
        .stdin("Когда подписали договор о союзнических отношениях?\n1\n/help\nquit\n")
        .run()
        .expect_code(0);
    // The prompts split the conversation: greeting, answer, picked answer, help.
    let turns: Vec<&str> = run.stdout.split("> ").collect();
    assert!(turns.len() >= 4, "{run}");
    let picked = turns[2].lines().next().unwrap_or("");
    assert!(
        has_cyrillic(picked),
        "a picked question keeps Russian: {run}"
    );
    let help = turns[3];
    assert!(has_cyrillic(help) && !help.contains("Источники"), "{run}");
}

#[test]
fn chat_renders_the_bots_commands_and_numbers_their_buttons() {
    let run = Kazuz::new(&["chat"])
        .stdin("/articles\n4\n/timeline\n/article 99\n/nonsense\nquit\n")
        .run()
        .expect_code(0);
    let turns: Vec<&str> = run.stdout.split("> ").collect();
    assert!(turns.len() >= 6, "{run}");
    // /articles: the list, its buttons numbered; "4" opens the fourth (Article 4).
    assert!(
        turns[1].contains("Article 4") && turns[1].contains("  4. "),
        "{run}"
    );
    assert!(turns[2].starts_with("Article 4"), "{run}");
    assert!(
        turns[3].contains("2022") && !turns[3].contains("<b>"),
        "{run}"
    );
    assert!(turns[4].contains("99"), "{run}");
    assert!(turns[5].contains("/help"), "{run}");
}

#[test]
fn chat_language_command_fixes_the_reply_language_until_auto() {
    let run = Kazuz::new(&["chat"])
        .stdin("/language ru\nhow long is the border?\n/language auto\nhow long is the border?\nquit\n")
        .run()
        .expect_code(0);
    let turns: Vec<&str> = run.stdout.split("> ").collect();
    assert!(turns.len() >= 5, "{run}");
    assert!(has_cyrillic(turns[1]), "{run}");
    assert!(
        turns[2].contains("2356,6") || turns[2].contains("2 356,6"),
        "an English question answered in Russian: {run}"
    );
    assert!(
        turns[4].contains("2,356.6") && !has_cyrillic(turns[4].lines().next().unwrap_or("")),
        "{run}"
    );
}

// ---------------------------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------------------------

/// The number before `label` in the `check` summary ("207 Q&A entries").
#[track_caller]
fn count_of(run: &Run, label: &str) -> usize {
    let before = run
        .stdout
        .split(label)
        .next()
        .filter(|b| b.len() < run.stdout.len())
        .unwrap_or_else(|| panic!("no `{label}`: {run}"));
    let number = before.trim_end().rsplit([' ', '(']).next().unwrap_or("");
    number
        .parse()
        .unwrap_or_else(|_| panic!("no count before `{label}`: {run}"))
}

#[test]
fn check_validates_the_built_in_knowledge_and_prints_counts() {
    let run = kazuz(&["check"])
        .expect_code(0)
        .stdout_has("knowledge base OK");
    assert!(count_of(&run, " Q&A entries") >= 150, "{run}");
    assert!(count_of(&run, " sources") >= 1, "{run}");
    assert!(
        count_of(&run, " citations") >= count_of(&run, " Q&A entries"),
        "{run}"
    );
}

#[test]
fn check_small_fixture_prints_its_exact_counts() {
    let small = broken::kb_small();
    kazuz(&["check", "--knowledge", path_arg(&small)]).expect_code(0).stdout_has(
        "2 sources, 1 agreements, 1 articles, 1 timeline events, 4 Q&A entries (16 questions), 7 citations, 3 synonym groups",
    );
    kazuz(&[
        "check",
        "--knowledge",
        path_arg(&small),
        "--sources",
        path_arg(&broken::seeds_small()),
    ])
    .expect_code(0)
    .stdout_has("every quote appears verbatim");
}

#[test]
fn check_with_shared_seeds_verifies_every_quote() {
    let Some(seeds) = shared_seeds() else {
        eprintln!("note: ../shared/seeds is absent; skipping `check --sources ../shared/seeds`");
        return;
    };
    kazuz(&["check", "--sources", path_arg(&seeds)])
        .expect_code(0)
        .stdout_has("every quote appears verbatim");
}

#[test]
fn check_reports_every_broken_copy_with_file_entry_and_problem() {
    for rule in broken::RULES {
        let dir = rule.broken_copy();
        let mut args = vec!["check", "--knowledge", path_arg(dir.path())];
        let seeds = broken::seeds_small();
        if rule.needs_sources {
            args.extend(["--sources", path_arg(&seeds)]);
        }
        let run = kazuz(&args).expect_failure();
        let expected = format!(
            "{}{}",
            rule.expected_prefix(),
            rule.expected_message(dir.path())
        );
        assert!(
            run.stderr.contains(&expected),
            "rule {}: stderr should contain `{expected}`: {run}",
            rule.name
        );
        assert!(
            !run.stdout.contains("knowledge base OK"),
            "rule {}: {run}",
            rule.name
        );
    }
}

#[test]
fn check_lists_several_problems_at_once() {
    let mut patches = Vec::new();
    for name in ["unknown_source", "bad_date", "unknown_related"] {
        patches.extend(broken::rule(name).patches.iter());
    }
    let copy = broken::broken_copy(&[]);
    for patch in patches {
        broken::apply(copy.path(), patch);
    }
    let run = kazuz(&["check", "--knowledge", path_arg(copy.path())])
        .expect_failure()
        .stderr_has("3 problem(s)");
    for name in ["unknown_source", "bad_date", "unknown_related"] {
        let rule = broken::rule(name);
        let expected = format!(
            "{}{}",
            rule.expected_prefix(),
            rule.expected_message(copy.path())
        );
        assert!(
            run.stderr.contains(&expected),
            "missing `{expected}`: {run}"
        );
    }
}

#[test]
fn other_commands_refuse_a_broken_knowledge_base_with_exit_code_2() {
    let rule = broken::rule("unknown_source");
    let dir = rule.broken_copy();
    kazuz(&["ask", "--knowledge", path_arg(dir.path()), TREATY_QUESTION])
        .expect_code(2)
        .stderr_has(&rule.expected_prefix());
}

// ---------------------------------------------------------------------------------------------
// eval
// ---------------------------------------------------------------------------------------------

#[test]
fn eval_prints_a_line_per_kind() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("small.jsonl");
    let lines = [
        r#"{"id": "t1", "q": "When was the allied relations treaty signed?", "lang": "en", "kind": "fact", "expect": ["22 December 2022"]}"#,
        r#"{"id": "t2", "q": "How long is the border?", "lang": "en", "kind": "fact", "expect": ["2,356\\.6"]}"#,
        r#"{"id": "t3", "q": "Когда был подписан договор?", "lang": "ru", "kind": "paraphrase", "expect": ["22 декабря 2022"]}"#,
        r#"{"id": "t4", "q": "What's the weather in Tashkent tomorrow?", "lang": "en", "kind": "oos", "expect": []}"#,
        "",
    ];
    std::fs::write(&file, lines.join("\n")).expect("write question file");
    let small = broken::kb_small();
    let run = kazuz(&["eval", "--knowledge", path_arg(&small), path_arg(&file)])
        .expect_code(0)
        .stdout_has("by kind:");
    let line_of = |kind: &str| {
        run.stdout
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{kind} ")))
            .unwrap_or_else(|| panic!("no line for kind {kind}: {run}"))
    };
    assert!(line_of("fact").contains("2/2"), "{run}");
    assert!(line_of("paraphrase").contains("1/1"), "{run}");
    assert!(
        line_of("oos").contains("1/1") && line_of("oos").contains("declined"),
        "{run}"
    );
    run.stdout_has("by language:").stdout_has("total: 4/4");
}

#[test]
fn eval_reports_failures_by_id() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("fail.jsonl");
    std::fs::write(&file, r#"{"id": "wrong-1", "q": "How long is the border?", "lang": "en", "kind": "fact", "expect": ["9,999 km"]}"#)
        .expect("write question file");
    let small = broken::kb_small();
    kazuz(&["eval", "--knowledge", path_arg(&small), path_arg(&file)])
        .expect_code(0)
        .stdout_has("failed (1):")
        .stdout_has("wrong-1")
        .stdout_has("total: 0/1");
}

#[test]
fn eval_of_a_missing_file_exits_2_naming_it() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let missing = dir.path().join("no-such-questions.jsonl");
    kazuz(&["eval", path_arg(&missing)])
        .expect_code(2)
        .stderr_has("no-such-questions.jsonl")
        .stderr_has("cannot read");
}

#[test]
fn eval_of_a_malformed_line_exits_2_naming_file_and_line() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("bad.jsonl");
    std::fs::write(&file, "{\"id\": \"a\", \"q\": \"How long is the border?\", \"lang\": \"en\", \"kind\": \"fact\"}\n{not json\n").expect("write");
    kazuz(&["eval", path_arg(&file)])
        .expect_code(2)
        .stderr_has("bad.jsonl:2")
        .stderr_has("not a question object");
}

#[test]
fn eval_of_a_bad_regex_exits_2_naming_the_question() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("regex.jsonl");
    std::fs::write(
        &file,
        r#"{"id": "r1", "q": "x", "lang": "en", "kind": "fact", "expect": ["(unclosed"]}"#,
    )
    .expect("write");
    kazuz(&["eval", path_arg(&file)])
        .expect_code(2)
        .stderr_has("r1")
        .stderr_has("(unclosed");
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_flag_exits_2() {
    kazuz(&["ask", "--no-such-flag", "hello"])
        .expect_code(2)
        .stderr_has("--no-such-flag");
    kazuz(&["no-such-command"]).expect_code(2);
}

#[test]
fn missing_knowledge_directory_exits_2_naming_the_path() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let missing = dir.path().join("nonexistent-knowledge");
    kazuz(&["ask", "--knowledge", path_arg(&missing), TREATY_QUESTION])
        .expect_code(2)
        .stderr_has("nonexistent-knowledge");
    kazuz(&["--knowledge", "/nonexistent", "ask", TREATY_QUESTION])
        .expect_code(2)
        .stderr_has("/nonexistent");
    kazuz(&["check", "--knowledge", path_arg(&missing)])
        .expect_failure()
        .stderr_has("nonexistent-knowledge");
}

#[test]
fn run_without_a_token_explains_how_to_get_one() {
    // Kazuz::new removes TELOXIDE_TOKEN and runs in an empty directory, so no .env is read.
    kazuz(&["run"])
        .expect_failure()
        .stderr_has("TELOXIDE_TOKEN")
        .stderr_has("kazuz-bot chat");
}

#[test]
fn help_and_version_exit_0() {
    kazuz(&["--help"])
        .expect_code(0)
        .stdout_has("ask")
        .stdout_has("check");
    kazuz(&["--version"])
        .expect_code(0)
        .stdout_has(env!("CARGO_PKG_VERSION"));
}

/// Runs the binary with raw bytes on standard input and standard output closed after
/// `read_bytes` bytes have been read; returns the exit status and standard error.
fn run_with_bytes(args: &[&str], input: &[u8], read_bytes: usize) -> (Option<i32>, String) {
    use std::io::{Read, Write};
    let mut child = Command::new(env!("CARGO_BIN_EXE_kazuz-bot"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin.write_all(input).expect("input is written");
    drop(stdin);
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut buffer = vec![0u8; read_bytes];
    let _ = stdout.read(&mut buffer);
    drop(stdout);
    let output = child.wait_with_output().expect("the binary ends");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn batch_mode_survives_a_line_that_is_not_utf8() {
    let (code, stderr) = run_with_bytes(
        &["ask", "--json"],
        b"how long is the border?\n\xff\xfe bad bytes\nwhen was the treaty signed?\n",
        1 << 20,
    );
    assert_eq!(code, Some(0), "{stderr}");
    let run = Kazuz::new(&["ask", "--json"])
        .stdin("x\n\ny\n")
        .run()
        .expect_code(0);
    assert_eq!(run.stdout.lines().count(), 3, "{run}");
}

#[test]
fn a_closed_standard_output_is_not_a_panic() {
    let many = "how long is the border?\n".repeat(2000);
    for args in [&["ask", "--json"][..], &["chat"][..], &["check"][..]] {
        let (code, stderr) = run_with_bytes(args, many.as_bytes(), 1);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(code, Some(101), "{args:?}: {stderr}");
    }
}

#[test]
fn russian_typed_in_latin_letters_or_on_the_english_layout_is_answered_in_russian() {
    for question in [
        "kogda podpisali dogovor o soyuznicheskih otnosheniyah?",
        "rjulf gjlgbcfkb ljujdjh j cjepybxtcrb[ jnyjitybz[",
    ] {
        let run = kazuz(&["ask", question]).expect_code(0);
        assert!(run.stdout.contains("22 декабря 2022"), "{question}: {run}");
    }
    // An English question with a Latin name stays English.
    let run = kazuz(&["ask", "when did tokayev visit tashkent"]).expect_code(0);
    assert!(!run.stdout.contains("Источники"), "{run}");
}

#[test]
fn explain_obeys_the_length_limit() {
    let long = "word ".repeat(400);
    let run = kazuz(&["ask", "--explain", &long]).expect_code(1);
    assert!(!run.stderr.contains("terms:"), "{run}");
}

#[test]
fn a_huge_input_line_is_refused_as_too_long() {
    let mut input = "x".repeat(2 * 1024 * 1024).into_bytes();
    input.extend_from_slice(b"\nhow long is the border?\n");
    let (code, stderr) = run_with_bytes(&["ask", "--json"], &input, 1 << 20);
    assert_eq!(code, Some(0), "{stderr}");
    let run = Kazuz::new(&["ask", "--json"])
        .stdin(&format!(
            "{}\nhow long is the border?\n",
            "y".repeat(200_000)
        ))
        .run()
        .expect_code(0);
    let first: serde_json::Value =
        serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["answered"], false, "{run}");
    assert!(
        first["text"].as_str().unwrap().contains("too long"),
        "{run}"
    );
    let second: serde_json::Value =
        serde_json::from_str(run.stdout.lines().nth(1).unwrap()).unwrap();
    assert_eq!(second["answered"], true, "{run}");
}

// ---------------------------------------------------------------------------------------------
// review

/// The ```toml blocks of a `review` report, each parsed.
#[track_caller]
fn toml_snippets(report: &str) -> Vec<toml::Value> {
    report
        .split("```toml\n")
        .skip(1)
        .map(|rest| {
            let snippet = rest.split("```").next().expect("closing fence");
            toml::from_str(snippet)
                .unwrap_or_else(|e| panic!("snippet is not valid TOML ({e}):\n{snippet}"))
        })
        .collect()
}

#[test]
fn review_groups_logged_questions_by_entry_and_prints_valid_toml() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("questions.jsonl");
    let line = |fields: Value| {
        let mut record =
            serde_json::json!({"time": "2025-01-31T12:00:00Z", "chat_type": "private"});
        record
            .as_object_mut()
            .expect("object")
            .extend(fields.as_object().expect("object").clone());
        record.to_string()
    };
    let mut text = [
        // An old UNANSWERED_LOG line (no outcome): a decline.
        line(serde_json::json!({"question": "How long is the frontier with Uzbekistan in km?"})),
        line(serde_json::json!({"question": "Какая длина границы с \"Узбекистаном\"?", "outcome": "answered", "entry": "border-length", "score": 0.7, "margin": 0.05})),
        line(serde_json::json!({"question": "How long is the border?", "outcome": "feedback", "entry": "border-length", "verdict": "down"})),
        line(serde_json::json!({"question": null, "outcome": "feedback", "entry": "border-length", "verdict": "up"})),
        line(serde_json::json!({"question": null, "outcome": "feedback", "entry": "treaty-signing-date", "verdict": "down"})),
        line(serde_json::json!({"question": "Who won the football match yesterday?", "outcome": "declined"})),
        "this is not JSON".to_owned(),
    ]
    .join("\n")
    .into_bytes();
    // A torn, non-UTF-8 last line is skipped, not fatal.
    text.extend_from_slice(b"\n\xff\xfe{\"broken\n");
    std::fs::write(&log, text).expect("write log");

    let run = Kazuz::new(&["review", log.to_str().expect("utf-8 path")])
        .run()
        .expect_code(0)
        .stdout_has("6 log lines read, 2 skipped");
    let report = &run.stdout;
    let border = report
        .split("\n== ")
        .find(|block| block.starts_with("border-length "))
        .unwrap_or_else(|| panic!("no border-length group: {run}"));
    assert!(
        border.contains("1 declined, 1 👎, 1 low-margin, 1 👍"),
        "counts by kind: {border}"
    );
    assert!(
        border.contains("How long is the border?"),
        "the 👎 question is listed"
    );
    let signing = report
        .split("\n== ")
        .find(|block| block.starts_with("treaty-signing-date "))
        .unwrap_or_else(|| panic!("no group for the 👎 without a question: {run}"));
    assert!(signing.contains("(question not remembered)"), "{signing}");
    let unmatched = report
        .split("\n== No candidate at all")
        .nth(1)
        .unwrap_or_else(|| panic!("no list of questions without a candidate: {run}"));
    assert!(
        unmatched.contains("Who won the football match yesterday?"),
        "{run}"
    );

    let snippets = toml_snippets(report);
    assert_eq!(
        snippets.len(),
        1,
        "only border-length has phrasings to add: {run}"
    );
    let entry = &snippets[0]["entry"][0];
    assert_eq!(entry["id"].as_str(), Some("border-length"));
    let strings = |v: &toml::Value| -> Vec<String> {
        v.as_array()
            .expect("array")
            .iter()
            .map(|q| q.as_str().expect("string").to_owned())
            .collect()
    };
    assert_eq!(
        strings(&entry["questions"]),
        ["How long is the frontier with Uzbekistan in km?"],
        "declined phrasings, not the 👎 one"
    );
    assert_eq!(
        strings(&entry["ru"]["questions"]),
        ["Какая длина границы с \"Узбекистаном\"?"]
    );
}

#[test]
fn review_of_a_missing_log_is_an_error() {
    Kazuz::new(&["review", "/nonexistent/questions.jsonl"])
        .run()
        .expect_code(2)
        .stderr_has("cannot read the question log");
}
