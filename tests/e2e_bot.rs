//! End to end: the real `kazuz-bot run` process against the fake Bot API server of
//! `tests/support/fake_telegram.rs` on 127.0.0.1 (`TELOXIDE_API_URL`). The server plays
//! Telegram: it answers the startup calls, hands out a private question and a follow-up to it,
//! a group command, group chatter and inline queries through `getUpdates`, and records what the
//! bot sends back; then a 👎 press on the bot's answer, which must be acknowledged and logged in
//! `QUESTION_LOG`. The test then stops the bot with SIGTERM and checks the exit status and that
//! the token never appeared in anything it printed.
//!
//! Every wait is bounded; nothing leaves the machine.

use std::io::Read;
use std::net::SocketAddr;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

#[path = "support/fake_telegram.rs"]
mod fake_telegram;
use fake_telegram::{me_json, Call, FakeTelegram};

const BIN: &str = env!("CARGO_BIN_EXE_kazuz-bot");

/// A token in Telegram's shape; the secret half is what must never be printed.
const TOKEN: &str = "4242424242:AAFakeSecretPartThatMustNeverBePrinted42";
const TOKEN_SECRET: &str = "AAFakeSecretPartThatMustNeverBePrinted42";

const BOT_USERNAME: &str = "kazuz_test_bot";
const PRIVATE_CHAT: i64 = 111;
const GROUP_CHAT: i64 = -100_222;
const GROUP_COMMAND_ID: i64 = 11;
const GROUP_CHATTER_ID: i64 = 12;

/// How long the bot gets to start, answer and stop.
const DEADLINE: Duration = Duration::from_secs(60);

fn user(id: i64, name: &str) -> Value {
    json!({"id": id, "is_bot": false, "first_name": name, "language_code": "en"})
}

fn updates() -> Vec<Value> {
    let command = format!("/ask@{BOT_USERNAME} How long is the border?");
    let command_len = format!("/ask@{BOT_USERNAME}").len();
    vec![
        json!({"update_id": 1, "message": {
            "message_id": 10, "date": 1_700_000_000,
            "chat": {"id": PRIVATE_CHAT, "type": "private", "first_name": "Aida"},
            "from": user(PRIVATE_CHAT, "Aida"),
            "text": "When was the treaty signed?"
        }}),
        // A follow-up in the same chat: where the treaty just answered about was signed.
        json!({"update_id": 2, "message": {
            "message_id": 13, "date": 1_700_000_000,
            "chat": {"id": PRIVATE_CHAT, "type": "private", "first_name": "Aida"},
            "from": user(PRIVATE_CHAT, "Aida"),
            "text": "and where?"
        }}),
        json!({"update_id": 3, "message": {
            "message_id": GROUP_COMMAND_ID, "date": 1_700_000_001,
            "chat": {"id": GROUP_CHAT, "type": "supergroup", "title": "Neighbours"},
            "from": user(112, "Bek"),
            "text": command,
            "entities": [{"type": "bot_command", "offset": 0, "length": command_len}]
        }}),
        json!({"update_id": 4, "message": {
            "message_id": GROUP_CHATTER_ID, "date": 1_700_000_002,
            "chat": {"id": GROUP_CHAT, "type": "supergroup", "title": "Neighbours"},
            "from": user(113, "Dana"),
            "text": "How long is the border, does anyone know?"
        }}),
        json!({"update_id": 5, "inline_query": {
            "id": "iq-1", "from": user(114, "Erlan"), "query": "How long is the border?", "offset": ""
        }}),
        json!({"update_id": 6, "inline_query": {
            "id": "iq-2", "from": user(115, "Timur"), "query": "", "offset": ""
        }}),
    ]
}

/// Starts the shared fake Bot API on 127.0.0.1 (a free port) with [`updates`] queued.
async fn start_fake_telegram() -> (SocketAddr, Arc<FakeTelegram>) {
    let me = me_json(4_242_424_242, BOT_USERNAME, "KazUz");
    let fake = Arc::new(FakeTelegram::new(me).with_updates(updates()));
    let address = fake.serve().await;
    (address, fake)
}

/// The bot process with its output collected in the background.
struct BotProcess {
    child: Child,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
    readers: Vec<JoinHandle<()>>,
    /// The empty working directory, removed when the test ends.
    _dir: tempfile::TempDir,
}

impl BotProcess {
    fn output(&self) -> String {
        format!(
            "{}{}",
            self.stdout.lock().expect("stdout"),
            self.stderr.lock().expect("stderr")
        )
    }

    /// Waits for the exit, at most `timeout`; kills the process when it does not exit.
    async fn wait(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                for reader in self.readers.drain(..) {
                    let _ = reader.join();
                }
                return Some(status);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        None
    }
}

impl Drop for BotProcess {
    fn drop(&mut self) {
        // Never leave a bot running after a failed assertion.
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// `kazuz-bot run` in an empty directory (so no developer `.env` is read), with `env` set and
/// the optional settings cleared.
fn spawn_bot(env: &[(&str, &str)]) -> BotProcess {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut command = Command::new(BIN);
    command
        .arg("run")
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for name in [
        "TELOXIDE_TOKEN",
        "TELOXIDE_API_URL",
        "WEBHOOK_URL",
        "WEBHOOK_LISTEN",
        "KNOWLEDGE_DIR",
        "UNANSWERED_LOG",
        "QUESTION_LOG",
        "ADMIN_CHAT_ID",
        "QUESTIONS_PER_MINUTE",
    ] {
        command.env_remove(name);
    }
    command.env("RUST_LOG", "debug");
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().expect("start kazuz-bot");
    let collect = |mut pipe: Box<dyn Read + Send>, into: Arc<Mutex<String>>| {
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                into.lock()
                    .expect("output lock")
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        })
    };
    let stdout = Arc::new(Mutex::new(String::new()));
    let stderr = Arc::new(Mutex::new(String::new()));
    let readers = vec![
        collect(
            Box::new(child.stdout.take().expect("stdout")),
            stdout.clone(),
        ),
        collect(
            Box::new(child.stderr.take().expect("stderr")),
            stderr.clone(),
        ),
    ];
    BotProcess {
        child,
        stdout,
        stderr,
        readers,
        _dir: dir,
    }
}

fn send_to(fake: &FakeTelegram, chat: i64) -> Vec<Call> {
    fake.calls_to("sendMessage")
        .into_iter()
        .filter(|c| c.body["chat_id"].as_i64() == Some(chat))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_real_bot_answers_through_a_fake_bot_api_and_stops_cleanly() {
    let (address, fake) = start_fake_telegram().await;
    let api_url = format!("http://{address}/");
    let log_dir = tempfile::tempdir().expect("temp dir");
    let log = log_dir.path().join("questions.jsonl");
    let mut bot = spawn_bot(&[
        ("TELOXIDE_TOKEN", TOKEN),
        ("TELOXIDE_API_URL", &api_url),
        ("QUESTION_LOG", log.to_str().expect("utf-8 path")),
    ]);

    // Wait until the private answer, the group answer and the inline answer have all arrived.
    let start = Instant::now();
    loop {
        let done = send_to(&fake, PRIVATE_CHAT).len() >= 2
            && !send_to(&fake, GROUP_CHAT).is_empty()
            && fake.calls_to("answerInlineQuery").len() >= 2;
        if done {
            break;
        }
        if let Ok(Some(status)) = bot.child.try_wait() {
            panic!("the bot exited early with {status}:\n{}", bot.output());
        }
        assert!(
            start.elapsed() < DEADLINE,
            "no answers within {DEADLINE:?}; calls: {:#?}\noutput:\n{}",
            fake.calls(),
            bot.output()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Give a mistaken reply to the chatter a moment to show up before checking it did not.
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Startup: identity, the command menu (English and Russian), webhook cleanup for polling.
    let calls = fake.calls();
    assert!(
        calls.iter().all(|c| c.token == TOKEN),
        "every call carries the configured token"
    );
    assert!(!fake.calls_to("getMe").is_empty());
    let menus = fake.calls_to("setMyCommands");
    assert_eq!(menus.len(), 2, "menu in English and Russian: {menus:#?}");
    // The description of an empty chat and the profile's short description, in both languages.
    for method in ["setMyDescription", "setMyShortDescription"] {
        let calls = fake.calls_to(method);
        assert_eq!(
            calls.len(),
            2,
            "{method} in English and Russian: {calls:#?}"
        );
        assert!(
            calls.iter().any(|c| c.body["language_code"] == "ru"),
            "{calls:#?}"
        );
    }
    let description = &fake.calls_to("setMyDescription")[0].body["description"];
    assert!(
        description
            .as_str()
            .is_some_and(|d| d.chars().count() <= 512),
        "Telegram's limit is 512 characters: {description}"
    );
    let short = &fake.calls_to("setMyShortDescription")[0].body["short_description"];
    assert!(
        short.as_str().is_some_and(|d| d.chars().count() <= 120),
        "Telegram's limit is 120 characters: {short}"
    );
    let commands: Vec<&str> = menus[0].body["commands"]
        .as_array()
        .expect("commands")
        .iter()
        .filter_map(|c| c["command"].as_str())
        .collect();
    assert_eq!(
        commands,
        [
            "start",
            "help",
            "ask",
            "articles",
            "article",
            "agreements",
            "timeline",
            "sources",
            "about",
            "feedback",
            "privacy",
            "language"
        ]
    );
    assert!(menus[0].body["commands"][0]["description"]
        .as_str()
        .is_some_and(|d| !d.is_empty()));
    assert!(menus.iter().any(|m| m.body["language_code"] == "ru"));
    assert!(
        !fake.calls_to("getWebhookInfo").is_empty() || !fake.calls_to("deleteWebhook").is_empty(),
        "polling clears any webhook first"
    );
    assert!(!fake.calls_to("getUpdates").is_empty());

    // The private question: a cited HTML answer with buttons, not a reply.
    let private = send_to(&fake, PRIVATE_CHAT);
    assert_eq!(
        private.len(),
        2,
        "the question and its follow-up: {private:#?}"
    );
    let body = &private[0].body;
    assert_eq!(body["parse_mode"], "HTML");
    let text = body["text"].as_str().expect("text");
    assert!(text.contains("22 December 2022"), "{text}");
    assert!(
        text.contains("<b>Sources</b>\n[1] ") && text.contains("<blockquote expandable>[1] “"),
        "citations footer: one line per source, quotes folded: {text}"
    );
    assert!(
        body["reply_markup"]["inline_keyboard"]
            .as_array()
            .is_some_and(|rows| !rows.is_empty()),
        "related-question buttons"
    );
    assert!(body.get("reply_parameters").is_none() || body["reply_parameters"].is_null());
    // The follow-up "and where?" is read against that answer: the treaty was signed in Tashkent.
    let follow_up = private[1].body["text"].as_str().expect("text");
    assert!(
        follow_up.starts_with("It was signed in Tashkent"),
        "{follow_up}"
    );

    // The group command: answered as a reply to the asking message; the chatter is ignored.
    let group = send_to(&fake, GROUP_CHAT);
    assert_eq!(
        group.len(),
        1,
        "only the command is answered, not the chatter: {group:#?}"
    );
    let body = &group[0].body;
    assert_eq!(body["parse_mode"], "HTML");
    assert_eq!(body["reply_parameters"]["message_id"], GROUP_COMMAND_ID);
    assert!(
        body["text"].as_str().is_some_and(|t| t.contains("2,356.6")),
        "{body}"
    );

    // The inline query: up to five HTML articles, the border answer first.
    let inline = fake.calls_to("answerInlineQuery");
    assert_eq!(inline.len(), 2);
    // The starting points for an empty query follow the user's language: never cached for all.
    let empty = inline
        .iter()
        .find(|c| c.body["inline_query_id"] == "iq-2")
        .expect("the empty inline query is answered");
    assert_eq!(empty.body["is_personal"], true, "{}", empty.body);
    let body = &inline
        .iter()
        .find(|c| c.body["inline_query_id"] == "iq-1")
        .expect("the inline question is answered")
        .body;
    assert_ne!(body["is_personal"], true);
    let results = body["results"].as_array().expect("results");
    assert!(!results.is_empty() && results.len() <= 5, "{results:#?}");
    assert_eq!(results[0]["type"], "article");
    assert_eq!(results[0]["id"], "border-length");
    assert_eq!(results[0]["input_message_content"]["parse_mode"], "HTML");
    assert!(results[0]["input_message_content"]["message_text"]
        .as_str()
        .is_some_and(|t| t.contains("2,356.6")));

    // A 👎 under the private answer: acknowledged with a toast, logged with the question.
    thumbs_down_is_acknowledged_and_logged(&fake, &bot, &private[0], &log).await;

    // SIGTERM: a clean exit.
    let pid = bot.child.id().to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("run kill");
    assert!(killed.success());
    let status = bot.wait(Duration::from_secs(30)).await;
    let output = bot.output();
    assert_eq!(
        status.map(|s| s.code()),
        Some(Some(0)),
        "clean exit after SIGTERM; output:\n{output}"
    );
    assert!(output.contains("SIGTERM received"), "{output}");

    // The token never appears in anything the process printed.
    assert!(
        !output.contains(TOKEN_SECRET),
        "the token leaked:\n{output}"
    );
    assert!(!output.is_empty(), "the bot logs to standard error");
    eprintln!("bot output:\n{output}");
}

/// Presses 👎 under `answer` (a `sendMessage` call of the bot) and checks the toast and the log.
async fn thumbs_down_is_acknowledged_and_logged(
    fake: &FakeTelegram,
    bot: &BotProcess,
    answer: &Call,
    log: &std::path::Path,
) {
    let data = answer.body["reply_markup"]["inline_keyboard"]
        .as_array()
        .and_then(|rows| rows.last())
        .and_then(|row| row.as_array())
        .and_then(|row| row.iter().find(|b| b["text"] == "👎"))
        .and_then(|b| b["callback_data"].as_str())
        .unwrap_or_else(|| panic!("no 👎 button under the answer: {}", answer.body))
        .to_owned();
    assert!(data.len() <= 64, "{data}");
    fake.push_update(json!({"update_id": 100, "callback_query": {
        "id": "cb-down", "from": user(PRIVATE_CHAT, "Aida"), "chat_instance": "ci-1",
        "data": data, "message": answer.result
    }}));
    let start = Instant::now();
    let toast = loop {
        let answered = fake.calls_to("answerCallbackQuery");
        if let Some(call) = answered
            .iter()
            .find(|c| c.body["callback_query_id"] == "cb-down")
        {
            break call.body.clone();
        }
        assert!(
            start.elapsed() < DEADLINE,
            "the 👎 was not acknowledged; output:\n{}",
            bot.output()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let kb = kazuz_bot::knowledge::KnowledgeBase::embedded().expect("embedded knowledge");
    assert_eq!(
        toast["text"].as_str(),
        Some(kb.messages.get("en", "feedback_thanks_down"))
    );
    // The line is written before the toast is sent.
    let text = std::fs::read_to_string(log).expect("QUESTION_LOG written");
    let line: Value = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|l| l["outcome"] == "feedback")
        .unwrap_or_else(|| panic!("no feedback line in the log:\n{text}"));
    assert_eq!(line["verdict"], "down");
    assert_eq!(line["question"], "When was the treaty signed?");
    assert!(
        line["entry"].as_str().is_some_and(|e| !e.is_empty()),
        "{line}"
    );
    assert_eq!(line["chat_type"], "private");
    let id_as_value = [format!(":{PRIVATE_CHAT},"), format!(":{PRIVATE_CHAT}}}")];
    assert!(
        !text.contains("Aida") && !id_as_value.iter().any(|v| text.contains(v.as_str())),
        "no user name or id in the log: {text}"
    );
}

#[test]
fn run_without_a_token_exits_non_zero_and_says_how_to_set_it() {
    for env in [&[][..], &[("TELOXIDE_TOKEN", "  ")][..]] {
        let mut bot = spawn_bot(env);
        let status = bot.child.wait().expect("wait");
        for reader in bot.readers.drain(..) {
            let _ = reader.join();
        }
        let stderr = bot.stderr.lock().expect("stderr").clone();
        assert!(!status.success(), "{env:?} should fail");
        assert_eq!(status.code(), Some(2));
        for needle in [
            "TELOXIDE_TOKEN",
            ".env.example",
            "@BotFather",
            "kazuz-bot chat",
        ] {
            assert!(stderr.contains(needle), "missing `{needle}` in: {stderr}");
        }
    }
}

#[test]
fn an_unreachable_bot_api_is_an_error_without_the_token() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("address")
        .port();
    let api_url = format!("http://127.0.0.1:{port}/");
    let mut bot = spawn_bot(&[("TELOXIDE_TOKEN", TOKEN), ("TELOXIDE_API_URL", &api_url)]);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = bot.child.try_wait().expect("try_wait") {
            break status;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "the bot kept running without an API"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    for reader in bot.readers.drain(..) {
        let _ = reader.join();
    }
    let output = bot.output();
    assert_eq!(status.code(), Some(2), "{output}");
    assert!(
        output.contains("cannot connect to the Telegram Bot API"),
        "{output}"
    );
    assert!(
        !output.contains(TOKEN_SECRET),
        "the token leaked:\n{output}"
    );
}

/// Posts `body` to the bot's webhook listener with a raw HTTP/1.1 request; returns the status.
fn post_update(address: SocketAddr, path: &str, secret: &str, body: &Value) -> Option<u16> {
    use std::io::Write;
    let mut stream = std::net::TcpStream::connect_timeout(&address, Duration::from_secs(2)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let body = body.to_string();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         X-Telegram-Bot-Api-Secret-Token: {secret}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response.split_whitespace().nth(1)?.parse().ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_mode_registers_the_webhook_and_answers_posted_updates() {
    let (api, fake) = start_fake_telegram().await;
    let api_url = format!("http://{api}/");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("address")
        .port();
    let listen: SocketAddr = format!("127.0.0.1:{port}").parse().expect("address");
    let webhook_url = format!("http://{listen}/telegram");
    let mut bot = spawn_bot(&[
        ("TELOXIDE_TOKEN", TOKEN),
        ("TELOXIDE_API_URL", &api_url),
        ("WEBHOOK_URL", &webhook_url),
        ("WEBHOOK_LISTEN", &listen.to_string()),
    ]);

    // The bot registers the webhook with a secret token.
    let start = Instant::now();
    let secret = loop {
        if let Some(call) = fake.calls_to("setWebhook").first() {
            break call.body["secret_token"]
                .as_str()
                .expect("a secret token")
                .to_owned();
        }
        if let Ok(Some(status)) = bot.child.try_wait() {
            panic!("the bot exited early with {status}:\n{}", bot.output());
        }
        assert!(
            start.elapsed() < DEADLINE,
            "no setWebhook; output:\n{}",
            bot.output()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let registered = &fake.calls_to("setWebhook")[0].body;
    assert_eq!(registered["url"], webhook_url);

    let update = updates().remove(0);
    // A request without the right secret is refused and not answered.
    let refused = tokio::task::spawn_blocking({
        let update = update.clone();
        move || post_update(listen, "/telegram", "wrong-secret", &update)
    })
    .await
    .expect("post");
    assert_eq!(refused, Some(401));

    // Telegram's request (with the secret) is answered through the Bot API.
    let start = Instant::now();
    loop {
        let update = update.clone();
        let secret = secret.clone();
        let status =
            tokio::task::spawn_blocking(move || post_update(listen, "/telegram", &secret, &update))
                .await
                .expect("post");
        if status == Some(200) {
            break;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "the webhook listener did not accept the update ({status:?})"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let start = Instant::now();
    while send_to(&fake, PRIVATE_CHAT).is_empty() {
        assert!(
            start.elapsed() < DEADLINE,
            "no answer; calls: {:#?}\noutput:\n{}",
            fake.calls(),
            bot.output()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let answers = send_to(&fake, PRIVATE_CHAT);
    assert_eq!(
        answers.len(),
        1,
        "one answer for one accepted update: {answers:#?}"
    );
    assert_eq!(answers[0].body["parse_mode"], "HTML");
    assert!(answers[0].body["text"]
        .as_str()
        .is_some_and(|t| t.contains("22 December 2022")));
    assert!(
        fake.calls_to("getUpdates").is_empty(),
        "no polling in webhook mode"
    );

    // SIGTERM: the webhook is removed and the process exits cleanly.
    let pid = bot.child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("run kill")
        .success());
    let status = bot.wait(Duration::from_secs(30)).await;
    let output = bot.output();
    assert_eq!(
        status.map(|s| s.code()),
        Some(Some(0)),
        "clean exit after SIGTERM; output:\n{output}"
    );
    assert!(
        !fake.calls_to("deleteWebhook").is_empty(),
        "the webhook is deleted at shutdown"
    );
    assert!(
        !output.contains(TOKEN_SECRET),
        "the token leaked:\n{output}"
    );
    assert!(
        !output.contains(&secret),
        "the webhook secret leaked:\n{output}"
    );
}
