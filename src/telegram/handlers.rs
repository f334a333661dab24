//! The update handler tree, shared by [`super::run`] and the tests (which run it in-process
//! against a fake Bot API, `tests/support/harness.rs`), and its endpoints.
//!
//! Routing:
//! - messages become an [`Incoming`] ([`super::incoming`] decides) or are ignored: edited
//!   messages, other bots (and the bot itself), channel posts, and group chatter that neither
//!   is a command for this bot nor mentions it nor replies to it;
//! - button presses ([`on_callback`]) answer the record named in the callback data;
//! - inline queries ([`on_inline_query`]) get up to five cited answers.
//!
//! The per-user limit is not applied here but as updates arrive ([`super::arrival`], called by
//! [`super::dispatch`] before any queue); [`gated_handler_tree`] puts the same gate in front of
//! the tree for those tests.
//!
//! Endpoints stay thin: the engine answers, [`super::text`] renders, [`send_html`] splits and
//! sends. A failed request becomes a [`HandlerError`] carrying the update and chat ids, which
//! the dispatcher's error handler logs; no update panics.

use std::sync::Arc;
use std::time::Instant;

use teloxide::dispatching::{UpdateFilterExt, UpdateHandler};
use teloxide::prelude::*;
use teloxide::requests::Request as _;
use teloxide::types::{
    InlineKeyboardMarkup, InlineQueryResult, InlineQueryResultsButton,
    InlineQueryResultsButtonKind, Me, MessageId, ParseMode, ReplyParameters,
};
use teloxide::{ApiError, RequestError};

use crate::answer::html::{split_html, TELEGRAM_MESSAGE_LIMIT};
use crate::answer::Reply;
use crate::matching::followup::{Context, Memory};
use crate::matching::{Engine, Lang, Outcome};

use super::arrival::{Admission, Notice, NoticeTarget};
use super::commands::{Command, LanguageChoice};
use super::feedback::{self, AskedQuestion};
use super::inline::inline_results;
use super::keyboards::Callback;
use super::question_log::question_record;
use super::text::{self, Rendered};
use super::BotState;

use super::incoming::{incoming, ui_lang, Incoming, Request};

/// The requester the handlers talk to: `Bot` in tests, `Throttle<Bot>` in production.
pub trait TelegramApi: Requester<Err = RequestError> + Clone + Send + Sync + 'static {}

impl<T> TelegramApi for T where T: Requester<Err = RequestError> + Clone + Send + Sync + 'static {}

/// A request that failed while handling an update.
#[derive(Debug, thiserror::Error)]
#[error("update {update_id}{}: {source}", chat_id.map(|c| format!(" in chat {c}")).unwrap_or_default())]
pub struct HandlerError {
    pub update_id: u32,
    pub chat_id: Option<ChatId>,
    #[source]
    pub source: RequestError,
}

pub type HandlerResult = Result<(), HandlerError>;

/// The handler tree. `B` is the requester type the dispatcher is built with.
pub fn handler_tree<B: TelegramApi>() -> UpdateHandler<HandlerError> {
    dptree::entry()
        .branch(
            Update::filter_message()
                .filter_map(incoming)
                .endpoint(on_incoming::<B>),
        )
        .branch(Update::filter_callback_query().endpoint(on_callback::<B>))
        .branch(Update::filter_inline_query().endpoint(on_inline_query::<B>))
}

/// [`handler_tree`] behind the arrival gate ([`super::arrival`]), for a dispatcher that queues
/// nothing before the tree (the tests' harness, which hands it one update at a time).
/// [`super::run`] does not use it: its own dispatch loop applies the same gate as updates
/// arrive, before any per-chat queue.
pub fn gated_handler_tree<B: TelegramApi>() -> UpdateHandler<HandlerError> {
    dptree::entry()
        .filter_async(admitted::<B>)
        .chain(handler_tree::<B>())
}

async fn admitted<B: TelegramApi>(
    bot: B,
    update: Update,
    me: Me,
    engine: Arc<Engine>,
    state: Arc<BotState>,
) -> bool {
    match state.gate.admit(&update, &me, Instant::now()) {
        Admission::Handle => true,
        Admission::Drop => false,
        Admission::Notify(notice) => {
            if let Err(err) = send_notice(&bot, &engine, &notice).await {
                tracing::warn!(update_id = update.id.0, error = %err, "cannot send the rate-limit notice");
            }
            false
        }
    }
}

/// Tells a user once that they are over the limit, in the form that fits the update: a
/// message in the chat, a toast for a button press, an empty inline answer whose button says it.
pub async fn send_notice<B: TelegramApi>(
    bot: &B,
    engine: &Engine,
    notice: &Notice,
) -> Result<(), RequestError> {
    let kb = engine.knowledge();
    let plain = kb
        .messages
        .get(notice.lang.code(), "rate_limited")
        .to_owned();
    match &notice.target {
        NoticeTarget::Chat { chat_id, reply_to } => {
            let html = text::message(kb, notice.lang, "rate_limited");
            send_html(bot, *chat_id, &html, *reply_to, None).await
        }
        NoticeTarget::Callback(id) => {
            let sent = bot.answer_callback_query(id.clone()).text(plain).send();
            sent.await.map(drop)
        }
        NoticeTarget::Inline(id) => {
            let sent = {
                let no_results: [InlineQueryResult; 0] = [];
                bot.answer_inline_query(id.clone(), no_results)
                    // Not cached: the same query is answered normally once the minute is over.
                    .cache_time(0)
                    .is_personal(true)
                    .button(InlineQueryResultsButton {
                        text: plain,
                        kind: InlineQueryResultsButtonKind::StartParameter("inline".to_owned()),
                    })
                    .send()
            };
            sent.await.map(drop)
        }
    }
}

#[tracing::instrument(name = "message", skip_all, fields(update_id = update.id.0, chat_id = incoming.chat_id.0))]
async fn on_incoming<B: TelegramApi>(
    bot: B,
    incoming: Incoming,
    update: Update,
    engine: Arc<Engine>,
    state: Arc<BotState>,
) -> HandlerResult {
    if let Err(source) = respond(&bot, &incoming, &engine, &state).await {
        if is_our_fault(&source) {
            // Telegram refused what we built: tell the user something went wrong rather than
            // leaving the question unanswered. Best effort; the original error is what we report.
            let html = text::message(engine.knowledge(), incoming.ui_lang(), "error");
            let _ = send_html(&bot, incoming.chat_id, &html, incoming.reply_to, None).await;
        }
        return Err(HandlerError {
            update_id: update.id.0,
            chat_id: Some(incoming.chat_id),
            source,
        });
    }
    Ok(())
}

/// Telegram rejected the content of a request (as opposed to the network failing or the user
/// having blocked the bot), so a plain apology will probably get through.
fn is_our_fault(err: &RequestError) -> bool {
    matches!(
        err,
        RequestError::Api(
            ApiError::CantParseEntities(_)
                | ApiError::MessageIsTooLong
                | ApiError::MessageTextIsEmpty
                | ApiError::ButtonDataInvalid
        )
    )
}

async fn respond<B: TelegramApi>(
    bot: &B,
    incoming: &Incoming,
    engine: &Engine,
    state: &BotState,
) -> Result<(), RequestError> {
    let kb = engine.knowledge();
    let lang = state
        .languages
        .get(incoming.chat_id)
        .await
        .unwrap_or(incoming.ui_lang());
    let reply = |rendered: Rendered| async move {
        send_rendered(bot, incoming.chat_id, rendered, incoming.reply_to).await
    };
    let fixed = |key: &str| Rendered::text(text::message(kb, lang, key));
    match &incoming.request {
        Request::Question(question) => {
            answer_question(bot, incoming, engine, state, question).await
        }
        Request::HowToAsk => {
            reply(fixed(if incoming.private {
                "how_to_ask"
            } else {
                "group_how_to_ask"
            }))
            .await
        }
        Request::NonText => reply(fixed("non_text")).await,
        Request::UnknownCommand => reply(fixed("unknown_command")).await,
        Request::Command(command) => match command {
            Command::Ask(question) if !question.is_empty() => {
                answer_question(bot, incoming, engine, state, question).await
            }
            Command::Feedback(text) => feedback::forward(bot, incoming, engine, state, text).await,
            Command::Language(arg) => {
                let choice = LanguageChoice::parse(arg);
                if let Some(choice) = choice {
                    state.languages.set(incoming.chat_id, choice).await;
                }
                let lang = state.languages.get(incoming.chat_id).await.unwrap_or(lang);
                reply(Rendered::text(text::language(kb, lang, choice))).await
            }
            command => match text::command_reply(engine, command, lang, incoming.private) {
                Some(rendered) => reply(rendered).await,
                None => Ok(()),
            },
        },
    }
}

/// The record a `/start` payload opens: `article_4` (deep links allow only `A-Za-z0-9_-`), or a
/// Q&A entry id such as `border-length`.
pub fn deep_link(engine: &Engine, payload: &str) -> Option<usize> {
    let payload = payload.trim();
    if payload.is_empty() {
        return None;
    }
    let id = match payload.strip_prefix("article_") {
        Some(number) => format!("article-{}", number.parse::<u32>().ok()?),
        None => payload.to_owned(),
    };
    engine.find(&id)
}

/// The small-talk intent answered with the /start text in private chats.
const GREETING_INTENT: &str = "greeting";

async fn answer_question<B: TelegramApi>(
    bot: &B,
    incoming: &Incoming,
    engine: &Engine,
    state: &BotState,
    question: &str,
) -> Result<(), RequestError> {
    // Only private chats and messages addressed to the bot get here, so the chat's context is
    // what the bot itself last answered there.
    let context = state.contexts.get(incoming.chat_id, Instant::now()).await;
    let chosen = state.languages.get(incoming.chat_id).await;
    let asked = engine.ask_in_context(question, context.as_ref());
    remember(
        state,
        incoming.chat_id,
        Memory::after(engine, &asked.outcome),
    )
    .await;
    let outcome = asked.outcome;
    if let Outcome::SmallTalk(intent) = &outcome {
        let intent = &engine.knowledge().smalltalk.intents[*intent];
        if intent.quiet_in_groups && !incoming.private {
            return Ok(());
        }
        // A greeting in a private chat is a first contact: it gets the /start text.
        let greeting = intent.name == GREETING_INTENT;
        if greeting && incoming.private {
            let lang = chosen.unwrap_or(reply_lang(engine, incoming, question));
            let html = text::greeting(engine.knowledge(), lang, true);
            return send_html(bot, incoming.chat_id, &html, incoming.reply_to, None).await;
        }
    }
    let lang = chosen.unwrap_or(reply_lang(engine, incoming, question));
    let reply = Reply::to_question_in(engine, &outcome, question, lang);
    if let Some(log) = &state.questions {
        let (chat_type, code) = (incoming.chat_type, incoming.language_code.as_deref());
        if let Some(record) = question_record(engine, &outcome, &reply, question, chat_type, code) {
            log.append_or_warn(&record);
        }
    }
    // The record and score, not the question: logs stay free of what users typed.
    tracing::debug!(
        answered = reply.answered,
        follow_up = asked.rewritten.is_some(),
        record = reply.record_id.as_deref().unwrap_or("-"),
        score = reply.score,
        "question"
    );
    let answered_record = reply.record_id.as_deref().filter(|_| reply.answered);
    let shared = answered_record.and_then(|id| engine.find(id));
    let rendered = text::answer(&reply);
    let rendered = text::with_share(rendered, engine, shared, lang, &incoming.bot_username);
    let chat_id = incoming.chat_id;
    let sent = send_html_last(
        bot,
        chat_id,
        &rendered.html,
        incoming.reply_to,
        rendered.keyboard,
    );
    // The message with the 👍/👎 row is the last part: a later 👎 on it finds the question here.
    if let (Some(message_id), true) = (sent.await?, reply.answered) {
        let asked = AskedQuestion {
            question: question.trim().to_owned(),
            entry: reply.record_id.clone(),
            score: reply.score,
            lang: reply.lang,
        };
        state.feedback.remember((chat_id, message_id), asked);
    }
    Ok(())
}

/// The language of a reply when the chat chose none: the question's, or for a message without
/// letters ("👌", "?!") the user's Telegram language, since there is nothing else to go by.
fn reply_lang(engine: &Engine, incoming: &Incoming, question: &str) -> Lang {
    if question.chars().any(char::is_alphabetic) {
        engine.lang_of(question)
    } else {
        incoming.ui_lang()
    }
}

/// Applies an outcome's [`Memory`] to the chat's follow-up context.
async fn remember(state: &BotState, chat_id: ChatId, memory: Memory) {
    match memory {
        Memory::Remember(context) => state.contexts.set(chat_id, context, Instant::now()).await,
        Memory::Keep => {}
        Memory::Forget => state.contexts.forget(chat_id).await,
    }
}

/// A button press: answers the record named in the callback data, or says the button is stale.
#[tracing::instrument(name = "button", skip_all, fields(update_id = update.id.0))]
async fn on_callback<B: TelegramApi>(
    bot: B,
    query: CallbackQuery,
    update: Update,
    me: Me,
    engine: Arc<Engine>,
    state: Arc<BotState>,
) -> HandlerResult {
    let chat_id = query.message.as_ref().map(|m| m.chat().id);
    let fail = |source| HandlerError {
        update_id: update.id.0,
        chat_id,
        source,
    };
    handle_callback(&bot, &query, &engine, &state, &me)
        .await
        .map_err(fail)
}

async fn handle_callback<B: TelegramApi>(
    bot: &B,
    query: &CallbackQuery,
    engine: &Engine,
    state: &BotState,
    me: &Me,
) -> Result<(), RequestError> {
    let kb = engine.knowledge();
    let ui = ui_lang(query.from.language_code.as_deref());
    let target = match query.data.as_deref().and_then(Callback::decode) {
        Some(Callback::Feedback { verdict, record_id }) => {
            let record_id = (!record_id.is_empty()).then_some(record_id.as_str());
            return feedback::on_verdict(bot, query, engine, state, verdict, record_id).await;
        }
        Some(Callback::Answer { lang, record_id }) => engine.find(&record_id).map(|r| (lang, r)),
        None => None,
    };
    let Some((lang, record)) = target else {
        bot.answer_callback_query(query.id.clone())
            .text(kb.messages.get(ui.code(), "stale_button"))
            .send()
            .await?;
        return Ok(());
    };
    // Answer the press first: Telegram shows a spinner on the button until we do.
    bot.answer_callback_query(query.id.clone()).send().await?;
    let (chat_id, reply_to) = match &query.message {
        Some(message) if message.chat().is_private() => (message.chat().id, None),
        Some(message) => (message.chat().id, query.regular_message().map(|m| m.id)),
        // A button under an inline-mode message: answer in the private chat with the user.
        None => (ChatId::from(query.from.id), None),
    };
    // The answer a button shows is what a follow-up typed next refers to.
    let context = Context {
        record_id: engine.record(record).id.clone(),
    };
    remember(state, chat_id, Memory::Remember(context)).await;
    let username = me.user.username.as_deref().unwrap_or_default();
    let rendered = text::record_answer(engine, record, lang);
    let rendered = text::with_share(rendered, engine, Some(record), lang, username);
    send_rendered(bot, chat_id, rendered, reply_to).await
}

/// Inline mode: up to five cited answers; an empty query gets the starting points and a button
/// that opens a private chat with the bot.
#[tracing::instrument(name = "inline", skip_all, fields(update_id = update.id.0))]
async fn on_inline_query<B: TelegramApi>(
    bot: B,
    query: InlineQuery,
    update: Update,
    engine: Arc<Engine>,
) -> HandlerResult {
    let text = query.query.trim();
    let lang = if text.is_empty() {
        ui_lang(query.from.language_code.as_deref())
    } else {
        engine.lang_of(text)
    };
    let results = inline_results(&engine, text, lang);
    let offer_private_chat = text.is_empty() || results.is_empty();
    let sent = {
        let mut request = bot
            .answer_inline_query(query.id.clone(), results)
            .cache_time(300);
        // The starting points for an empty query are in the user's own language: Telegram
        // must not serve one user's cached list to another.
        if text.is_empty() {
            request = request.is_personal(true);
        }
        if offer_private_chat {
            let title = engine
                .knowledge()
                .messages
                .get(lang.code(), "inline_empty_title")
                .to_owned();
            request = request.button(InlineQueryResultsButton {
                text: title,
                kind: InlineQueryResultsButtonKind::StartParameter("inline".to_owned()),
            });
        }
        request.send()
    };
    sent.await.map(drop).map_err(|source| HandlerError {
        update_id: update.id.0,
        chat_id: None,
        source,
    })
}

async fn send_rendered<B: TelegramApi>(
    bot: &B,
    chat_id: ChatId,
    rendered: Rendered,
    reply_to: Option<MessageId>,
) -> Result<(), RequestError> {
    send_html(bot, chat_id, &rendered.html, reply_to, rendered.keyboard).await
}

/// Sends HTML, split into messages within Telegram's limit at paragraph boundaries. The first
/// part replies to `reply_to`; the keyboard goes under the last part.
pub async fn send_html<B: TelegramApi>(
    bot: &B,
    chat_id: ChatId,
    html: &str,
    reply_to: Option<MessageId>,
    keyboard: Option<InlineKeyboardMarkup>,
) -> Result<(), RequestError> {
    send_html_last(bot, chat_id, html, reply_to, keyboard)
        .await
        .map(drop)
}

/// [`send_html`], returning the id of the last message sent (the one with the keyboard).
pub async fn send_html_last<B: TelegramApi>(
    bot: &B,
    chat_id: ChatId,
    html: &str,
    reply_to: Option<MessageId>,
    keyboard: Option<InlineKeyboardMarkup>,
) -> Result<Option<MessageId>, RequestError> {
    let parts = split_html(html, TELEGRAM_MESSAGE_LIMIT);
    let last = parts.len().saturating_sub(1);
    let mut last_id = None;
    for (i, part) in parts.into_iter().enumerate() {
        // The request is built in its own scope and only its `Send` future is awaited: the
        // generic request type itself is not required to be `Send`.
        let sent = {
            let mut request = bot.send_message(chat_id, part).parse_mode(ParseMode::Html);
            if let (0, Some(id)) = (i, reply_to) {
                request = request
                    .reply_parameters(ReplyParameters::new(id).allow_sending_without_reply());
            }
            if i == last {
                if let Some(keyboard) = keyboard.clone() {
                    request = request.reply_markup(keyboard);
                }
            }
            request.send()
        };
        last_id = Some(sent.await?.id);
    }
    Ok(last_id)
}
