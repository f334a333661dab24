//! A fake Telegram Bot API on 127.0.0.1 for the tests: it answers the methods the bot calls
//! with plausible results (so teloxide can deserialise them), hands out queued updates through
//! `getUpdates`, and records every call with its body parsed to JSON.
//!
//! Shared by `tests/telegram.rs` (the handler tree in-process, through `harness.rs` beside this
//! file) and `tests/e2e_bot.rs` (the real binary, `TELOXIDE_API_URL`); `tests/flood.rs` keeps
//! its own, which can also fail every call or never answer and times each update. Include it with
//! `#[path = "support/fake_telegram.rs"] mod fake_telegram;`.
//!
//! Like the real API it answers `/bot<token>/<method>` with `{"ok": true, "result": …}`, and a
//! method it does not know with `{"ok": false, "error_code": 404, …}`, so a handler calling
//! something unexpected gets an error instead of a made-up success. It does not enforce
//! Telegram's limits (message length, HTML, callback data): the tests check those on what was
//! sent.

#![allow(dead_code)] // Each test binary uses part of it.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::Json;
use serde_json::{json, Value};

/// The `date` of every message the fake sends back.
const DATE: i64 = 1_700_000_100;

/// Ids of messages the bot sends start above this, clear of the ids tests give their updates.
const FIRST_SENT_MESSAGE_ID: i64 = 10_000;

/// How long an empty `getUpdates` waits before answering `[]`: a short long-poll, so a polling
/// bot neither spins nor takes long to stop.
const EMPTY_POLL_WAIT: Duration = Duration::from_millis(200);

/// One request the bot made.
#[derive(Debug, Clone)]
pub struct Call {
    /// As teloxide names it in the URL (`SendMessage`); compare with [`Call::is`].
    pub method: String,
    /// The token from the URL (`/bot<token>/…`).
    pub token: String,
    /// The JSON body, or a multipart form's text fields as an object of strings.
    pub body: Value,
    /// What the fake answered (for `sendMessage`, the message with its id).
    pub result: Value,
}

impl Call {
    /// Whether this is a call to `method`, ignoring case (`sendMessage` matches `SendMessage`).
    pub fn is(&self, method: &str) -> bool {
        self.method.eq_ignore_ascii_case(method)
    }
}

/// The fake server's state: what it hands out and what it was asked.
pub struct FakeTelegram {
    /// The bot's `User` object with `Me`'s extra fields, answered to `getMe`.
    me: Value,
    calls: Mutex<Vec<Call>>,
    /// Handed out by `getUpdates` (those at or above its `offset`).
    updates: Mutex<Vec<Value>>,
    next_message_id: Mutex<i64>,
}

/// `getMe`'s result for a bot with this id and username.
pub fn me_json(id: u64, username: &str, first_name: &str) -> Value {
    json!({
        "id": id, "is_bot": true, "first_name": first_name, "username": username,
        "can_join_groups": true, "can_read_all_group_messages": false,
        "supports_inline_queries": true, "can_connect_to_business": false,
        "has_main_web_app": false
    })
}

impl FakeTelegram {
    /// A fake for the bot described by `me` (see [`me_json`]), with no updates queued.
    pub fn new(me: Value) -> Self {
        Self {
            me,
            calls: Mutex::new(Vec::new()),
            updates: Mutex::new(Vec::new()),
            next_message_id: Mutex::new(FIRST_SENT_MESSAGE_ID),
        }
    }

    /// With `updates` queued for `getUpdates`.
    pub fn with_updates(self, updates: Vec<Value>) -> Self {
        *self.updates.lock().expect("updates lock") = updates;
        self
    }

    /// Queues one more update for `getUpdates`.
    pub fn push_update(&self, update: Value) {
        self.updates.lock().expect("updates lock").push(update);
    }

    /// Every call so far, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.calls.lock().expect("calls lock").clone()
    }

    /// Every call so far, forgetting them: the next call starts a new list.
    pub fn take_calls(&self) -> Vec<Call> {
        std::mem::take(&mut *self.calls.lock().expect("calls lock"))
    }

    /// The calls to `method` (case-insensitive) so far.
    pub fn calls_to(&self, method: &str) -> Vec<Call> {
        self.calls().into_iter().filter(|c| c.is(method)).collect()
    }

    /// Serves on 127.0.0.1 (a free port) from a task of the current tokio runtime, until that
    /// runtime ends; returns the address, for `Bot::set_api_url` or `TELOXIDE_API_URL`.
    pub async fn serve(self: &Arc<Self>) -> SocketAddr {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let address = listener.local_addr().expect("local address");
        let app = axum::Router::new()
            .fallback(bot_api)
            .with_state(self.clone());
        tokio::spawn(async move {
            axum::serve(listener, app)
                .await
                .expect("fake Bot API server")
        });
        address
    }

    /// A message the bot sent or edited, as Telegram would return it.
    fn message(&self, body: &Value, message_id: i64) -> Value {
        let chat_id = &body["chat_id"];
        let chat = match chat_id.as_i64() {
            Some(id) if id > 0 => json!({"id": id, "type": "private", "first_name": "User"}),
            // Supergroups' ids start with -100 followed by 10 digits.
            Some(id) if id <= -1_000_000_000_000 => {
                json!({"id": id, "type": "supergroup", "title": "Supergroup"})
            }
            Some(id) => json!({"id": id, "type": "group", "title": "Group"}),
            // `@channelusername`: a channel.
            None => json!({"id": -1_000_000_000_001i64, "type": "channel", "title": chat_id}),
        };
        let mut message = json!({
            "message_id": message_id,
            "date": DATE,
            "chat": chat,
            "from": self.bot_user(),
            "text": body["text"],
        });
        if let Some(markup) = body.get("reply_markup") {
            message["reply_markup"] = markup.clone();
        }
        message
    }

    /// The bot as a `User` (`getMe` without `Me`'s extra fields).
    fn bot_user(&self) -> Value {
        let mut user = self.me.clone();
        if let Some(fields) = user.as_object_mut() {
            fields.retain(|k, _| {
                ["id", "is_bot", "first_name", "last_name", "username"].contains(&k.as_str())
            });
        }
        user
    }

    /// The result of `method`, or `None` for a method the fake does not know.
    async fn answer(&self, method: &str, body: &Value) -> Option<Value> {
        let result = match method.to_ascii_lowercase().as_str() {
            "getme" => self.me.clone(),
            "getwebhookinfo" => {
                json!({"url": "", "has_custom_certificate": false, "pending_update_count": 0})
            }
            "getupdates" => {
                let offset = body.get("offset").and_then(Value::as_i64).unwrap_or(0);
                let pending: Vec<Value> = self
                    .updates
                    .lock()
                    .expect("updates lock")
                    .iter()
                    .filter(|u| u["update_id"].as_i64().unwrap_or(0) >= offset)
                    .cloned()
                    .collect();
                if pending.is_empty() {
                    tokio::time::sleep(EMPTY_POLL_WAIT).await;
                }
                Value::Array(pending)
            }
            "sendmessage" => {
                let id = {
                    let mut next = self.next_message_id.lock().expect("id lock");
                    *next += 1;
                    *next
                };
                self.message(body, id)
            }
            "editmessagetext" | "editmessagereplymarkup" => match body["message_id"].as_i64() {
                Some(id) => self.message(body, id),
                // An inline message's edit returns `true`.
                None => json!(true),
            },
            "answercallbackquery"
            | "answerinlinequery"
            | "sendchataction"
            | "deletemessage"
            | "setmycommands"
            | "deletemycommands"
            | "setmydescription"
            | "setmyshortdescription"
            | "setwebhook"
            | "deletewebhook"
            | "close"
            | "logout" => json!(true),
            _ => return None,
        };
        Some(result)
    }
}

/// Serves every Bot API method: `/bot<token>/<method>`.
async fn bot_api(
    State(fake): State<Arc<FakeTelegram>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, Json<Value>) {
    let path = uri.path().trim_start_matches('/');
    let (token, method) = match path.split_once('/') {
        Some((bot_token, method)) => (
            bot_token.trim_start_matches("bot").to_owned(),
            method.to_owned(),
        ),
        None => (String::new(), path.to_owned()),
    };
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let body: Value = match content_type.split_once("boundary=") {
        // Methods that may upload a file (setWebhook) come as multipart forms.
        Some((_, boundary)) => {
            form_fields(&String::from_utf8_lossy(&body), boundary.trim_matches('"'))
        }
        None => serde_json::from_slice(&body).unwrap_or(Value::Null),
    };
    let answer = fake.answer(&method, &body).await;
    fake.calls.lock().expect("calls lock").push(Call {
        method: method.clone(),
        token,
        body,
        result: answer.clone().unwrap_or(Value::Null),
    });
    match answer {
        Some(result) => (StatusCode::OK, Json(json!({"ok": true, "result": result}))),
        None => (
            StatusCode::NOT_FOUND,
            Json(json!({
                "ok": false,
                "error_code": 404,
                "description": format!("Not Found: the fake Bot API has no method {method}")
            })),
        ),
    }
}

/// The text fields of a `multipart/form-data` body, as a JSON object of strings.
fn form_fields(body: &str, boundary: &str) -> Value {
    let mut fields = serde_json::Map::new();
    for part in body.split(&format!("--{boundary}")) {
        let Some((head, value)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let Some(name) = head
            .split("name=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
        else {
            continue;
        };
        fields.insert(
            name.to_owned(),
            Value::String(value.trim_end_matches("\r\n").to_owned()),
        );
    }
    Value::Object(fields)
}
