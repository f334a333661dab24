//! The local command line: `ask`, `chat`, `check`, `eval` and `review` work with no token and
//! no network; `run` starts the Telegram bot. Errors print a clear message and give a non-zero
//! exit code.
//!
//! Exit codes: 0 success (for `ask`: answered), 1 declined (`ask`) or a failed check,
//! 2 an error (bad arguments, unreadable file, invalid knowledge base).

use crate::answer::Reply;
use crate::knowledge::{KnowledgeBase, KnowledgeError};
use crate::matching::followup::{Context, Memory};
use crate::matching::{Engine, Lang, Params};
use crate::{config, eval, telegram};
use anyhow::Context as _;
use clap::{Parser, Subcommand};
use serde_json::json;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// kazuz-bot: cited answers about the agreements between Kazakhstan and Uzbekistan.
#[derive(Debug, Parser)]
#[command(name = "kazuz-bot", version, about)]
pub struct Cli {
    /// Load the knowledge base from this directory instead of the copy built into the binary.
    #[arg(long, global = true, env = "KNOWLEDGE_DIR", value_name = "DIR")]
    pub knowledge: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer one question (or, with no question, every line of standard input).
    Ask {
        /// Print one JSON object per question instead of text.
        #[arg(long)]
        json: bool,
        /// Also print how the question was understood and the best candidates (for curators).
        #[arg(long)]
        explain: bool,
        /// The question; several words are joined with spaces.
        question: Vec<String>,
    },
    /// An interactive console session: type questions, numbers pick suggestions, `quit` ends.
    Chat,
    /// Load and validate the knowledge base and print counts.
    Check {
        /// Also verify that every quote appears verbatim in the documents in this directory.
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// Score a question file in the dev-set format (JSON lines) and print accuracy.
    Eval {
        /// The question file, e.g. ../shared/eval/dev.jsonl
        file: PathBuf,
        /// Show the answer text of every failed question.
        #[arg(long)]
        verbose: bool,
        /// Override a scoring parameter for this run, e.g. `--set answer_threshold=0.55`
        /// (repeatable; names in engine/src/matching/score.rs `Params`). For curators measuring a change.
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
    },
    /// Group the questions in a question log (QUESTION_LOG) that need a curator — declined, 👎,
    /// low-margin — by their nearest entry, with TOML snippets of candidate phrasings.
    Review {
        /// The JSON-lines log the bot wrote (QUESTION_LOG, or an old UNANSWERED_LOG).
        log: PathBuf,
    },
    /// Start the Telegram bot (needs TELOXIDE_TOKEN; see .env.example).
    Run,
}

/// Exit code of `ask` when the bot declined.
const EXIT_DECLINED: u8 = 1;
/// Exit code for errors.
const EXIT_ERROR: u8 = 2;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match dispatch(cli) {
        Ok(code) => code,
        // The reader went away (`kazuz-bot ask … | head -1`): nothing more to say to anyone.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Bytes of one input line kept in memory: far beyond any question the engine accepts, so an
/// over-long line is still refused as too long, without holding a huge line in memory.
const MAX_LINE_BYTES: usize = 64 * 1024;

/// Reads one line of standard input as text; bytes that are not UTF-8 become "�" rather than
/// ending the session, and bytes past [`MAX_LINE_BYTES`] are skipped. `None` at the end of
/// input.
fn read_line_lossy(input: &mut impl BufRead) -> std::io::Result<Option<String>> {
    let mut bytes = Vec::new();
    let mut read_any = false;
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            break;
        }
        read_any = true;
        let (chunk, done) = match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => (&buffer[..=end], true),
            None => (buffer, false),
        };
        let room = MAX_LINE_BYTES.saturating_sub(bytes.len());
        bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = chunk.len();
        input.consume(used);
        if done {
            break;
        }
    }
    Ok(read_any.then(|| String::from_utf8_lossy(&bytes).into_owned()))
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let knowledge = cli.knowledge.as_deref();
    match cli.command {
        Command::Ask {
            json,
            explain,
            question,
        } => {
            let engine = never_dropped(load_engine(knowledge)?);
            let text = question.join(" ");
            // The explanation obeys the same length limit as the answer.
            let within_limit = text.chars().count() <= crate::matching::MAX_QUESTION_CHARS;
            if explain && !question.is_empty() && within_limit {
                eprintln!("{}", engine.explain(&text));
            }
            if question.is_empty() {
                ask_batch(&engine, json)
            } else {
                let reply = ask_one(&engine, &text);
                let mut out = std::io::stdout().lock();
                writeln!(
                    out,
                    "{}",
                    if json {
                        reply_json(&reply).to_string()
                    } else {
                        reply.plain_text()
                    }
                )?;
                Ok(if reply.answered {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(EXIT_DECLINED)
                })
            }
        }
        Command::Chat => {
            let engine = never_dropped(load_engine(knowledge)?);
            chat(&engine)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { sources } => check(knowledge, sources.as_deref()),
        Command::Eval { file, verbose, set } => {
            let engine = never_dropped(load_engine_with(knowledge, eval_params(&set)?)?);
            let questions = eval::load(&file)?;
            let report = eval::run(&engine, &questions);
            writeln!(std::io::stdout().lock(), "{}", report.summary(verbose))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Review { log } => {
            let engine = never_dropped(load_engine(knowledge)?);
            let lines = crate::review::read_log(&log)?;
            let report = crate::review::review(&engine, &lines);
            write!(std::io::stdout().lock(), "{}", report.render(&engine))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Run => {
            let config = config::Config::from_env()?;
            let engine = load_engine(knowledge)?;
            let runtime =
                tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
            let result = runtime.block_on(telegram::run(config, engine));
            // Dropping a runtime waits for its blocking tasks (a DNS lookup that hangs, say);
            // the shutdown deadline is already spent by now, so do not wait for them.
            runtime.shutdown_timeout(RUNTIME_EXIT_WAIT);
            result?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The scoring parameters of `eval`, with each `--set NAME=VALUE` applied.
fn eval_params(assignments: &[String]) -> anyhow::Result<Params> {
    let mut params = Params::default();
    for assignment in assignments {
        let (name, value) = assignment
            .split_once('=')
            .with_context(|| format!("`--set {assignment}`: expected NAME=VALUE"))?;
        let value: f32 = value
            .trim()
            .parse()
            .with_context(|| format!("`--set {assignment}`: not a number"))?;
        params
            .set(name.trim(), value)
            .map_err(|message| anyhow::anyhow!("`--set {assignment}`: {message}"))?;
    }
    Ok(params)
}

/// How long `run` waits for leftover blocking tasks after the bot has stopped.
const RUNTIME_EXIT_WAIT: std::time::Duration = std::time::Duration::from_millis(100);

/// Loads the knowledge base (embedded, or from `dir`) and builds the engine.
pub fn load_knowledge(dir: Option<&Path>) -> anyhow::Result<KnowledgeBase> {
    match dir {
        Some(dir) => KnowledgeBase::load_dir(dir)
            .with_context(|| format!("cannot load the knowledge base from {}", dir.display())),
        None => KnowledgeBase::embedded().context("the built-in knowledge base is invalid"),
    }
}

/// An engine a command uses until the process ends: freeing its hundred thousand small
/// allocations one by one took about a tenth of a one-question `ask` (perf), for memory the
/// process is about to give back whole.
fn never_dropped(engine: Engine) -> std::mem::ManuallyDrop<Engine> {
    std::mem::ManuallyDrop::new(engine)
}

/// The engine: the one built into the binary (no parsing or indexing at start), or one built
/// from the knowledge base in `dir`.
pub fn load_engine(dir: Option<&Path>) -> anyhow::Result<Engine> {
    load_engine_with(dir, Params::default())
}

fn load_engine_with(dir: Option<&Path>, params: Params) -> anyhow::Result<Engine> {
    match dir {
        Some(_) => Ok(Engine::with_params(load_knowledge(dir)?, params)),
        None => {
            let mut engine =
                crate::embedded::engine().context("the built-in knowledge base is invalid")?;
            engine.set_params(params);
            Ok(engine)
        }
    }
}

fn ask_one(engine: &Engine, question: &str) -> Reply {
    Reply::to_question(engine, &engine.ask(question), question)
}

/// The JSON object `ask --json` prints for one question.
pub fn reply_json(reply: &Reply) -> serde_json::Value {
    json!({
        "answered": reply.answered,
        "text": reply.plain_text(),
        "entry": reply.record_id,
        "score": (f64::from(reply.score) * 1000.0).round() / 1000.0,
        "lang": reply.lang.code(),
        "citations": reply.citations.iter().map(|c| json!({"source": c.source, "title": c.title, "quote": c.quote})).collect::<Vec<_>>(),
        "suggestions": reply.suggestions.iter().map(|s| s.question.clone()).collect::<Vec<_>>(),
        "related": reply.related.iter().map(|s| s.question.clone()).collect::<Vec<_>>(),
        "small_talk": reply.small_talk,
    })
}

fn ask_batch(engine: &Engine, json: bool) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut stdout = std::io::stdout().lock();
    let mut number = 0;
    while let Some(line) = read_line_lossy(&mut input)
        .with_context(|| format!("cannot read line {} of standard input", number + 1))?
    {
        number += 1;
        let reply = ask_one(engine, line.trim());
        if json {
            writeln!(stdout, "{}", reply_json(&reply))?;
        } else {
            writeln!(stdout, "{}\n", reply.plain_text())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A `chat` session: one conversation, as in a private Telegram chat.
#[derive(Default)]
struct ChatSession {
    /// The conversation's language: a picked number ("2") says nothing about it.
    lang: Lang,
    /// The language chosen with `/language`, which then wins over each question's own.
    chosen: Option<Lang>,
    /// What a follow-up ("who signed it?") refers to; never expires: a terminal session is one
    /// conversation.
    context: Option<Context>,
    /// The record ids of the numbered questions last shown.
    choices: Vec<String>,
}

fn chat(engine: &Engine) -> anyhow::Result<()> {
    let kb = engine.knowledge();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}\n{}\n{}",
        kb.messages.get("en", "greeting"),
        kb.messages.get("en", "how_to_ask"),
        kb.messages.get("en", "chat_hint")
    )?;
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut session = ChatSession::default();
    loop {
        write!(out, "> ")?;
        out.flush()?;
        let Some(line) = read_line_lossy(&mut input)? else {
            writeln!(out)?;
            return Ok(());
        };
        let line = line.trim();
        if matches!(
            line.to_lowercase().as_str(),
            "quit" | "exit" | "q" | "выход"
        ) {
            return Ok(());
        }
        // The bot's commands, with the texts the bot sends (as plain text).
        if line.starts_with('/') {
            session.choices = terminal_command(engine, line, &mut session, &mut out)?;
            continue;
        }
        let picked = line
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| session.choices.get(n))
            .and_then(|id| engine.find(id));
        let reply = match picked {
            Some(record) => {
                let outcome = engine.show(record);
                session.context = Some(Context {
                    record_id: engine.record(record).id.clone(),
                });
                Reply::new(engine, &outcome, session.lang)
            }
            None => ask_in_chat(engine, line, &mut session, &mut out)?,
        };
        session.choices = print_chat_reply(&mut out, &reply)?;
    }
}

/// A command typed in `chat`: the reply the bot would send, as plain text, its buttons
/// numbered; returns the numbered record ids.
fn terminal_command(
    engine: &Engine,
    line: &str,
    session: &mut ChatSession,
    out: &mut impl Write,
) -> std::io::Result<Vec<String>> {
    use telegram::commands::{parse_command, Command, LanguageChoice, ParsedCommand};
    let kb = engine.knowledge();
    let command = match parse_command(line, "") {
        ParsedCommand::Ours(command) => command,
        _ => {
            writeln!(
                out,
                "{}\n",
                kb.messages.get(session.lang.code(), "unknown_command")
            )?;
            return Ok(Vec::new());
        }
    };
    let rendered = match &command {
        Command::Ask(question) if !question.is_empty() => {
            let reply = ask_in_chat(engine, question, session, out)?;
            return print_chat_reply(out, &reply);
        }
        Command::Feedback(_) => telegram::text::message(kb, session.lang, "feedback_in_terminal"),
        Command::Language(arg) => {
            let choice = LanguageChoice::parse(arg);
            match choice {
                Some(LanguageChoice::Fixed(lang)) => {
                    (session.chosen, session.lang) = (Some(lang), lang)
                }
                Some(LanguageChoice::Auto) => session.chosen = None,
                None => {}
            }
            telegram::text::language(kb, session.lang, choice)
        }
        command => match telegram::text::command_reply(engine, command, session.lang, true) {
            Some(rendered) => return print_rendered(out, &rendered),
            None => return Ok(Vec::new()),
        },
    };
    writeln!(out, "{}\n", crate::answer::html::to_plain(&rendered))?;
    Ok(Vec::new())
}

/// A bot message in the terminal: its text, then its answer buttons numbered (the 👍/👎 row
/// is Telegram's only); returns the numbered record ids.
fn print_rendered(
    out: &mut impl Write,
    rendered: &telegram::text::Rendered,
) -> std::io::Result<Vec<String>> {
    use telegram::keyboards::Callback;
    writeln!(out, "{}", crate::answer::html::to_plain(&rendered.html))?;
    let mut choices = Vec::new();
    let buttons = rendered
        .keyboard
        .iter()
        .flat_map(|k| k.inline_keyboard.iter().flatten());
    for button in buttons {
        let teloxide::types::InlineKeyboardButtonKind::CallbackData(data) = &button.kind else {
            continue;
        };
        if let Some(Callback::Answer { record_id, .. }) = Callback::decode(data) {
            choices.push(record_id);
            writeln!(out, "  {}. {}", choices.len(), button.text)?;
        }
    }
    writeln!(out)?;
    Ok(choices)
}

/// A typed question of `chat`, read against the session's follow-up context (which it
/// updates); a follow-up's rewritten form is shown first, so a curator sees how it was read.
fn ask_in_chat(
    engine: &Engine,
    line: &str,
    session: &mut ChatSession,
    out: &mut impl Write,
) -> std::io::Result<Reply> {
    session.lang = session.chosen.unwrap_or(engine.lang_of(line));
    let asked = engine.ask_in_context(line, session.context.as_ref());
    match Memory::after(engine, &asked.outcome) {
        Memory::Remember(next) => session.context = Some(next),
        Memory::Keep => {}
        Memory::Forget => session.context = None,
    }
    if let Some(rewritten) = &asked.rewritten {
        let note = engine.knowledge().messages.format(
            session.lang.code(),
            "follow_up_read_as",
            &[("question", rewritten)],
        );
        writeln!(out, "{note}")?;
    }
    Ok(Reply::to_question_in(
        engine,
        &asked.outcome,
        line,
        session.lang,
    ))
}

/// One reply of `chat`: the text, numbered suggestions and related questions (their ids are
/// returned, in order, for the next pick), then the sources.
fn print_chat_reply(out: &mut impl Write, reply: &Reply) -> std::io::Result<Vec<String>> {
    writeln!(out, "{}", reply.body)?;
    let mut choices = Vec::new();
    let groups = [
        (reply.suggestions_heading.as_deref(), &reply.suggestions),
        (Some(reply.related_heading.as_str()), &reply.related),
    ];
    for (heading, items) in groups {
        let (Some(heading), false) = (heading, items.is_empty()) else {
            continue;
        };
        writeln!(out, "\n{heading}")?;
        for s in items {
            choices.push(s.id.clone());
            writeln!(out, "  {}. {}", choices.len(), s.question)?;
        }
    }
    if !reply.citations.is_empty() {
        writeln!(out, "\n{}:", reply.sources_heading)?;
        for (i, c) in reply.citations.iter().enumerate() {
            writeln!(out, "{}", c.line(i + 1))?;
        }
    }
    writeln!(out)?;
    Ok(choices)
}

fn check(knowledge: Option<&Path>, sources: Option<&Path>) -> anyhow::Result<ExitCode> {
    let kb = match load_knowledge(knowledge) {
        Ok(kb) => kb,
        Err(err) => {
            eprintln!("error: {err:#}");
            // Problems in the knowledge are a failed check (1); a directory that cannot be read is
            // an error (2), like everywhere else.
            let unreadable = matches!(
                err.downcast_ref::<KnowledgeError>(),
                Some(KnowledgeError::Io { .. })
            );
            return Ok(ExitCode::from(if unreadable {
                EXIT_ERROR
            } else {
                EXIT_DECLINED
            }));
        }
    };
    if let Some(dir) = sources {
        if let Err(err) = kb.verify_quotes(dir) {
            eprintln!("error: quotes checked against {}: {err}", dir.display());
            return Ok(ExitCode::from(EXIT_DECLINED));
        }
    }
    let c = kb.counts();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "knowledge base OK: {} sources, {} agreements, {} articles, {} timeline events, {} Q&A entries ({} questions), {} citations, {} synonym groups",
        c.sources, c.agreements, c.articles, c.events, c.entries, c.questions, c.citations, c.synonym_groups
    )?;
    if let Some(dir) = sources {
        writeln!(
            out,
            "every quote appears verbatim in the documents in {}",
            dir.display()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
