//! The bot's real handler tree, run in-process against [`crate::fake_telegram`]: updates are
//! built as Telegram sends them (JSON, deserialised by teloxide), each goes through
//! `gated_handler_tree` with the dependencies the production dispatch loop gives it (the
//! engine, the state, the `Bot`, `Me` and the `Update`), and what the bot asked of the Bot API
//! comes back as [`Responses`].
//!
//! Include it after the fake:
//! `#[path = "support/fake_telegram.rs"] mod fake_telegram;`
//! `#[path = "support/harness.rs"] mod harness;`
//!
//! Unlike the production loop, a [`TestBot`] handles the updates of one dispatch one after
//! another, in order; a handler that fails (a Bot API call refused, an update teloxide cannot
//! parse, a dependency missing) fails the test instead of being logged.

#![allow(dead_code)] // Each test binary uses part of it.

use std::ops::ControlFlow;
use std::sync::Arc;

use serde_json::{json, Value};
use teloxide::dispatching::UpdateHandler;
use teloxide::dptree::di::DependencyMap;
use teloxide::types::{
    ChatId, Me, MessageId, MessageKind, ParseMode, ReplyMarkup, ReplyParameters, Update, UpdateKind,
};
use teloxide::Bot;

use kazuz_bot::matching::Engine;
use kazuz_bot::telegram::{dependencies, gated_handler_tree, BotState, HandlerError};

use crate::fake_telegram::{me_json, Call, FakeTelegram};

/// The bot's id.
pub const BOT_ID: u64 = 123_456;
/// The bot's username, as `getMe` and `Me` give it.
pub const BOT_NAME: &str = "test_bot";
const BOT_FIRST_NAME: &str = "Test";
/// A token in Telegram's shape (the fake accepts any).
const TOKEN: &str = "1234567890:QWERTYUIOPASDFGHJKLZXCVBNMQWERTYUIO";

/// The user every update comes from unless told otherwise, and their private chat.
pub const USER_ID: u64 = 12_345_678;
pub const PRIVATE_CHAT_ID: i64 = 12_345_678;
/// The group and the supergroup of [`TestChat::group`] and [`TestChat::supergroup`].
pub const GROUP_CHAT_ID: i64 = -12_345_678;
pub const SUPERGROUP_CHAT_ID: i64 = -1_001_234_567_890;

/// The `date` of every update's message (a real message never has 0, which teloxide reads as
/// "inaccessible" in a callback query).
const DATE: i64 = 1_700_000_000;

/// A Telegram `User`, as JSON.
#[derive(Debug, Clone)]
pub struct TestUser(Value);

impl Default for TestUser {
    fn default() -> Self {
        Self::new()
    }
}

impl TestUser {
    /// A person: id [`USER_ID`], first name "First", no username, no language.
    pub fn new() -> Self {
        Self(json!({"id": USER_ID, "is_bot": false, "first_name": "First"}))
    }

    /// This bot, as it appears as a message's author or `via_bot`.
    pub fn this_bot() -> Self {
        Self(json!({
            "id": BOT_ID, "is_bot": true, "first_name": BOT_FIRST_NAME, "username": BOT_NAME
        }))
    }

    pub fn id(self, id: u64) -> Self {
        self.set("id", json!(id))
    }

    /// Whether the user is a bot (`is_bot`).
    pub fn bot(self, is_bot: bool) -> Self {
        self.set("is_bot", json!(is_bot))
    }

    pub fn first_name(self, name: &str) -> Self {
        self.set("first_name", json!(name))
    }

    pub fn last_name(self, name: &str) -> Self {
        self.set("last_name", json!(name))
    }

    pub fn username(self, username: &str) -> Self {
        self.set("username", json!(username))
    }

    pub fn language_code(self, code: &str) -> Self {
        self.set("language_code", json!(code))
    }

    fn set(mut self, field: &str, value: Value) -> Self {
        self.0[field] = value;
        self
    }
}

/// A Telegram `Chat`, as JSON.
#[derive(Debug, Clone)]
pub struct TestChat(Value);

impl TestChat {
    /// The default user's private chat ([`PRIVATE_CHAT_ID`]).
    pub fn private() -> Self {
        Self(json!({"id": PRIVATE_CHAT_ID, "type": "private", "first_name": "First"}))
    }

    pub fn group() -> Self {
        Self(json!({"id": GROUP_CHAT_ID, "type": "group", "title": "Group"}))
    }

    pub fn supergroup() -> Self {
        Self(json!({"id": SUPERGROUP_CHAT_ID, "type": "supergroup", "title": "Supergroup"}))
    }

    pub fn id(mut self, id: i64) -> Self {
        self.0["id"] = json!(id);
        self
    }
}

/// A Telegram `Message`, as JSON: by default id 1, from [`TestUser::new`], in
/// [`TestChat::private`].
#[derive(Debug, Clone)]
pub struct TestMessage(Value);

impl TestMessage {
    fn with(content: Value) -> Self {
        let mut message = json!({
            "message_id": 1,
            "date": DATE,
            "chat": TestChat::private().0,
            "from": TestUser::new().0,
        });
        for (field, value) in content.as_object().expect("an object") {
            message[field] = value.clone();
        }
        Self(message)
    }

    /// A text message. Commands and mentions are read from the text, so no entities are set.
    pub fn text(text: &str) -> Self {
        Self::with(json!({"text": text}))
    }

    pub fn sticker() -> Self {
        Self::with(json!({"sticker": {
            "file_id": "AAbbCCddEEffGGhh1234567890", "file_unique_id": "sticker",
            "file_size": 12_345, "width": 512, "height": 512, "type": "regular",
            "is_animated": false, "is_video": false, "emoji": "👍"
        }}))
    }

    pub fn photo() -> Self {
        Self::with(json!({"photo": [{
            "file_id": "photo", "file_unique_id": "photo", "file_size": 50,
            "width": 50, "height": 50
        }]}))
    }

    pub fn voice() -> Self {
        Self::with(json!({"voice": {
            "file_id": "voice", "file_unique_id": "voice", "file_size": 4_321, "duration": 1,
            // teloxide requires it, as Telegram always sends it for a voice message.
            "mime_type": "audio/ogg"
        }}))
    }

    pub fn id(mut self, id: i32) -> Self {
        self.0["message_id"] = json!(id);
        self
    }

    pub fn chat(mut self, chat: TestChat) -> Self {
        self.0["chat"] = chat.0;
        self
    }

    pub fn from(mut self, user: TestUser) -> Self {
        self.0["from"] = user.0;
        self
    }

    /// Posted through this bot's (or another bot's) inline mode.
    pub fn via_bot(mut self, bot: TestUser) -> Self {
        self.0["via_bot"] = bot.0;
        self
    }

    pub fn reply_to_message(mut self, message: TestMessage) -> Self {
        self.0["reply_to_message"] = message.0;
        self
    }
}

/// A message edited by its author.
#[derive(Debug, Clone)]
pub struct EditedMessage(pub TestMessage);

/// A button press: by default from [`TestUser::new`], without data and without a message.
#[derive(Debug, Clone)]
pub struct TestCallbackQuery(Value);

impl Default for TestCallbackQuery {
    fn default() -> Self {
        Self::new()
    }
}

impl TestCallbackQuery {
    pub fn new() -> Self {
        Self(json!({"id": "id", "from": TestUser::new().0, "chat_instance": "chat_instance"}))
    }

    pub fn data(mut self, data: impl Into<String>) -> Self {
        self.0["data"] = json!(data.into());
        self
    }

    pub fn from(mut self, user: TestUser) -> Self {
        self.0["from"] = user.0;
        self
    }

    /// The message the pressed button is under.
    pub fn message(mut self, message: TestMessage) -> Self {
        self.0["message"] = message.0;
        self
    }
}

/// An inline query (`@bot question` typed in any chat): by default from [`TestUser::new`].
#[derive(Debug, Clone)]
pub struct TestInlineQuery(Value);

impl TestInlineQuery {
    pub fn new(query: &str) -> Self {
        Self(json!({"id": "iq", "from": TestUser::new().0, "query": query, "offset": ""}))
    }

    pub fn id(mut self, id: &str) -> Self {
        self.0["id"] = json!(id);
        self
    }

    pub fn from(mut self, user: TestUser) -> Self {
        self.0["from"] = user.0;
        self
    }
}

/// What can be handed to [`TestBot`]: an update, or several in order.
pub trait IntoUpdates {
    /// The updates as (field of `Update`, its JSON), without their `update_id`.
    fn into_updates(self) -> Vec<(&'static str, Value)>;
}

impl IntoUpdates for TestMessage {
    fn into_updates(self) -> Vec<(&'static str, Value)> {
        vec![("message", self.0)]
    }
}

impl IntoUpdates for EditedMessage {
    fn into_updates(self) -> Vec<(&'static str, Value)> {
        let mut message = self.0 .0;
        message["edit_date"] = json!(DATE + 60);
        vec![("edited_message", message)]
    }
}

impl IntoUpdates for TestCallbackQuery {
    fn into_updates(self) -> Vec<(&'static str, Value)> {
        vec![("callback_query", self.0)]
    }
}

impl IntoUpdates for TestInlineQuery {
    fn into_updates(self) -> Vec<(&'static str, Value)> {
        vec![("inline_query", self.0)]
    }
}

impl<T: IntoUpdates> IntoUpdates for Vec<T> {
    fn into_updates(self) -> Vec<(&'static str, Value)> {
        self.into_iter()
            .flat_map(IntoUpdates::into_updates)
            .collect()
    }
}

/// A `sendMessage` the bot made, with the id the fake gave the message.
#[derive(Debug, Clone)]
pub struct SentMessage {
    pub id: MessageId,
    pub chat_id: ChatId,
    pub text: String,
    pub parse_mode: Option<ParseMode>,
    pub reply_markup: Option<ReplyMarkup>,
    pub reply_parameters: Option<ReplyParameters>,
}

impl SentMessage {
    fn parse(call: &Call) -> Self {
        let body = &call.body;
        Self {
            id: MessageId(
                call.result["message_id"]
                    .as_i64()
                    .and_then(|id| i32::try_from(id).ok())
                    .expect("the fake gave the message an id"),
            ),
            chat_id: ChatId(
                body["chat_id"]
                    .as_i64()
                    .unwrap_or_else(|| panic!("sendMessage to a chat id: {body}")),
            ),
            text: body["text"]
                .as_str()
                .unwrap_or_else(|| panic!("sendMessage with a text: {body}"))
                .to_owned(),
            parse_mode: optional_field(body, "parse_mode"),
            reply_markup: optional_field(body, "reply_markup"),
            reply_parameters: optional_field(body, "reply_parameters"),
        }
    }
}

/// `body[name]` as a `T`, `None` when absent; panics when it is there but not a `T`.
fn optional_field<T: serde::de::DeserializeOwned>(body: &Value, name: &str) -> Option<T> {
    let value = body.get(name).filter(|v| !v.is_null())?;
    Some(
        serde_json::from_value(value.clone())
            .unwrap_or_else(|e| panic!("the request's {name} {value} does not parse: {e}")),
    )
}

/// An `answerCallbackQuery` the bot made.
#[derive(Debug, Clone)]
pub struct AnsweredCallbackQuery {
    pub callback_query_id: String,
    /// The toast, if any.
    pub text: Option<String>,
    pub show_alert: Option<bool>,
}

impl AnsweredCallbackQuery {
    fn parse(call: &Call) -> Self {
        let body = &call.body;
        Self {
            callback_query_id: body["callback_query_id"]
                .as_str()
                .unwrap_or_else(|| panic!("answerCallbackQuery with an id: {body}"))
                .to_owned(),
            text: body["text"].as_str().map(str::to_owned),
            show_alert: body["show_alert"].as_bool(),
        }
    }
}

/// An `answerInlineQuery` the bot made; the results as the JSON sent.
#[derive(Debug, Clone)]
pub struct AnsweredInlineQuery {
    pub inline_query_id: String,
    pub results: Vec<Value>,
    pub cache_time: Option<u64>,
    pub is_personal: Option<bool>,
    /// The button above the results (`{"text": …, "start_parameter": …}`).
    pub button: Option<Value>,
}

impl AnsweredInlineQuery {
    fn parse(call: &Call) -> Self {
        let body = &call.body;
        Self {
            inline_query_id: body["inline_query_id"]
                .as_str()
                .unwrap_or_else(|| panic!("answerInlineQuery with an id: {body}"))
                .to_owned(),
            results: body["results"]
                .as_array()
                .unwrap_or_else(|| panic!("answerInlineQuery with results: {body}"))
                .clone(),
            cache_time: body["cache_time"].as_u64(),
            is_personal: body["is_personal"].as_bool(),
            button: body.get("button").filter(|b| !b.is_null()).cloned(),
        }
    }
}

/// What the bot asked of the Bot API during one [`TestBot::dispatch`].
#[derive(Debug, Clone, Default)]
pub struct Responses {
    /// Every call, in order.
    pub calls: Vec<Call>,
    pub sent_messages: Vec<SentMessage>,
    pub answered_callback_queries: Vec<AnsweredCallbackQuery>,
    pub answered_inline_queries: Vec<AnsweredInlineQuery>,
}

impl Responses {
    fn new(calls: Vec<Call>) -> Self {
        let of = |method: &'static str| calls.iter().filter(move |c| c.is(method));
        Self {
            sent_messages: of("sendMessage").map(SentMessage::parse).collect(),
            answered_callback_queries: of("answerCallbackQuery")
                .map(AnsweredCallbackQuery::parse)
                .collect(),
            answered_inline_queries: of("answerInlineQuery")
                .map(AnsweredInlineQuery::parse)
                .collect(),
            calls,
        }
    }
}

/// The Bot API methods the handlers call, each reported in [`Responses`].
const EXPECTED_METHODS: [&str; 3] = ["sendMessage", "answerCallbackQuery", "answerInlineQuery"];

/// The real handler tree behind the arrival gate, with its own engine, state and fake Bot API.
pub struct TestBot {
    handler: UpdateHandler<HandlerError>,
    /// The engine and the state; the bot and `Me` are added when the fake starts.
    deps: DependencyMap,
    fake: Arc<FakeTelegram>,
    /// Connected to the fake, once it serves (at the first dispatch).
    bot: Option<Bot>,
    updates: Vec<(&'static str, Value)>,
    next_update_id: u32,
    responses: Responses,
}

impl TestBot {
    /// A bot that will handle `updates` at the next [`TestBot::dispatch`].
    pub fn new(updates: impl IntoUpdates, engine: Arc<Engine>, state: BotState) -> Self {
        Self {
            // Behind the arrival gate, as in production (where the gate runs before the chat
            // queues).
            handler: gated_handler_tree::<Bot>(),
            deps: dependencies(engine, Arc::new(state)),
            fake: Arc::new(FakeTelegram::new(me_json(BOT_ID, BOT_NAME, BOT_FIRST_NAME))),
            bot: None,
            updates: updates.into_updates(),
            next_update_id: 42,
            responses: Responses::default(),
        }
    }

    /// Replaces the updates the next dispatch handles. The state (rate limits, follow-up
    /// contexts, `/language`, 👍/👎 memory) carries over.
    pub fn update(&mut self, updates: impl IntoUpdates) {
        self.updates = updates.into_updates();
    }

    /// Handles the pending updates one after another; their responses replace the previous
    /// dispatch's.
    pub async fn dispatch(&mut self) {
        let bot = self.bot().await;
        self.fake.take_calls();
        let mut deps = self.deps.clone();
        deps.insert(bot);
        for (kind, payload) in std::mem::take(&mut self.updates) {
            self.next_update_id += 1;
            let mut json = json!({"update_id": self.next_update_id});
            json[kind] = payload;
            // From text, as teloxide reads Telegram's answers: `UpdateKind` borrows its keys,
            // which a `serde_json::Value` cannot lend.
            let update: Update = serde_json::from_str(&json.to_string())
                .unwrap_or_else(|e| panic!("not an update ({e}): {json:#}"));
            // teloxide keeps an update it cannot read as `UpdateKind::Error` instead of failing.
            if let UpdateKind::Error(value) = &update.kind {
                panic!("teloxide cannot read this update: {value:#}");
            }
            // …and a message whose content it cannot read as `MessageKind::Empty`.
            let message = match &update.kind {
                UpdateKind::Message(message) | UpdateKind::EditedMessage(message) => Some(message),
                UpdateKind::CallbackQuery(query) => query.regular_message(),
                _ => None,
            };
            if message.is_some_and(|m| matches!(m.kind, MessageKind::Empty {})) {
                panic!("teloxide cannot read this message's content: {json:#}");
            }
            let mut deps = deps.clone();
            deps.insert(update);
            match self.handler.dispatch(deps).await {
                ControlFlow::Break(Ok(())) | ControlFlow::Continue(_) => {}
                ControlFlow::Break(Err(error)) => panic!("the handler failed: {error}"),
            }
        }
        let calls = self.fake.take_calls();
        // What the tests look at must be all there is: a new kind of call (a photo, an edit)
        // must not pass "nothing was sent" unseen.
        let unexpected: Vec<&Call> = calls
            .iter()
            .filter(|c| !EXPECTED_METHODS.iter().any(|m| c.is(m)))
            .collect();
        assert!(
            unexpected.is_empty(),
            "Bot API calls the harness does not report (add them to Responses): {unexpected:#?}"
        );
        self.responses = Responses::new(calls);
    }

    /// What the bot asked of the Bot API during the last dispatch.
    pub fn get_responses(&self) -> Responses {
        self.responses.clone()
    }

    /// The bot connected to the fake, which starts serving on first use; also checks that the
    /// handler tree finds every dependency it needs.
    async fn bot(&mut self) -> Bot {
        if let Some(bot) = &self.bot {
            return bot.clone();
        }
        let address = self.fake.serve().await;
        let url = url::Url::parse(&format!("http://{address}")).expect("the fake's URL");
        let bot = Bot::new(TOKEN).set_api_url(url);
        let me: Me = serde_json::from_value(me_json(BOT_ID, BOT_NAME, BOT_FIRST_NAME)).expect("Me");
        self.deps.insert(me);
        let mut deps = self.deps.clone();
        deps.insert(bot.clone());
        teloxide::dptree::type_check(
            self.handler.sig(),
            &deps,
            &[teloxide::dptree::Type::of::<Update>()],
        );
        self.bot = Some(bot.clone());
        bot
    }
}
