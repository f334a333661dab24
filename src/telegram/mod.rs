//! The Telegram adapter (teloxide): the only part of the crate that knows about Telegram.
//!
//! # Layout
//! - [`run`] (here): connects with the token (optionally to another Bot API server), wraps the
//!   bot in teloxide's `Throttle` so flood limits are respected, registers the command menu,
//!   and dispatches updates from long polling or a webhook until Ctrl-C or SIGTERM; then stops
//!   within the shutdown deadline, whatever the API does.
//! - [`dispatch`]: the dispatch loop (instead of teloxide's `Dispatcher`): the arrival gate,
//!   bounded per-chat queues that drop rather than wait, the shutdown grace period.
//! - [`arrival`]: the per-user limits applied to each update as it arrives.
//! - [`handlers`]: [`handler_tree`], used by [`run`] and, behind the gate, by the tests'
//!   in-process harness (`tests/support`);
//!   [`incoming`]: what a message asks of the bot, or whether to stay silent.
//! - [`commands`]: the `BotCommands` enum and the menu.
//! - [`text`]: the HTML of every reply; [`keyboards`]: buttons and their callback data;
//!   [`inline`]: inline-mode results. All three are pure and unit-tested, because the tests' fake
//!   Bot API does not enforce Telegram's limits (4096 characters, 64 bytes of callback data).
//! - [`rate_limit`]: the sliding-window limiter behind [`arrival`]; [`question_log`]: the
//!   log of questions for curators (declined, low-margin, 👍/👎); [`feedback`]: the 👍/👎
//!   buttons' memory and `/feedback`.
//! - [`memory`]: each chat's follow-up context ([`ContextStore`], kept in memory);
//!   [`redis_store`]: the same in Redis, shared by replicas (`REDIS_URL`).

pub mod arrival;
pub mod commands;
pub mod dispatch;
pub mod feedback;
pub mod handlers;
pub mod incoming;
pub mod inline;
pub mod keyboards;
pub mod memory;
pub mod question_log;
pub mod rate_limit;
pub mod redis_store;
pub mod text;

pub use commands::Command;
pub use handlers::{gated_handler_tree, handler_tree, HandlerError};
pub use memory::{ContextStore, LanguageStore, MemoryLanguages, MemoryStore};

use std::sync::Arc;
use std::time::Duration;

use teloxide::adaptors::throttle::Limits;
use teloxide::adaptors::Throttle;
use teloxide::prelude::*;
use teloxide::types::Me;
use teloxide::update_listeners::{webhooks, Polling};
use tokio::sync::watch;

use crate::config::Config;
use crate::matching::{Engine, Lang};
use arrival::Gate;
use dispatch::Dispatch;
use feedback::FeedbackMemory;
use question_log::QuestionLog;

/// State shared by every handler besides the engine.
#[derive(Debug)]
pub struct BotState {
    /// The per-user limits, checked as updates arrive.
    pub gate: Gate,
    /// Where questions for curators go, when `QUESTION_LOG` (or `UNANSWERED_LOG`) is set.
    pub questions: Option<QuestionLog>,
    /// The questions behind recent answers and the answers already judged (👍/👎).
    pub feedback: FeedbackMemory,
    /// Where `/feedback` texts are forwarded, when `ADMIN_CHAT_ID` is set.
    pub admin_chat: Option<ChatId>,
    /// Each chat's follow-up context: what "who signed it?" refers to.
    pub contexts: Box<dyn ContextStore>,
    /// Each chat's `/language` choice.
    pub languages: Box<dyn LanguageStore>,
}

impl BotState {
    pub fn new(questions_per_minute: u32, questions: Option<QuestionLog>) -> Self {
        Self {
            gate: Gate::per_minute(questions_per_minute),
            questions,
            feedback: FeedbackMemory::default(),
            admin_chat: None,
            contexts: Box::new(MemoryStore::default()),
            languages: Box::new(MemoryLanguages::default()),
        }
    }

    /// With `/feedback` forwarded to `chat`.
    pub fn with_admin_chat(mut self, chat: Option<ChatId>) -> Self {
        self.admin_chat = chat;
        self
    }

    /// The same state with another follow-up context store.
    pub fn with_contexts(mut self, contexts: Box<dyn ContextStore>) -> Self {
        self.contexts = contexts;
        self
    }

    /// The same state with another `/language` store.
    pub fn with_languages(mut self, languages: Box<dyn LanguageStore>) -> Self {
        self.languages = languages;
        self
    }

    pub fn from_config(config: &Config) -> Self {
        Self::new(
            config.questions_per_minute,
            config.question_log.clone().map(QuestionLog::new),
        )
        .with_admin_chat(config.admin_chat_id.map(ChatId))
    }
}

/// The dependencies [`handler_tree`] expects (besides the bot, the update and `Me`, which the
/// dispatcher provides).
pub fn dependencies(engine: Arc<Engine>, state: Arc<BotState>) -> DependencyMap {
    dptree::deps![engine, state]
}

/// Why the bot could not start or stopped with an error. Messages never contain the token.
#[derive(Debug, thiserror::Error)]
pub enum TelegramError {
    #[error("cannot connect to the Telegram Bot API ({0}); check TELOXIDE_TOKEN, TELOXIDE_API_URL and the network")]
    Connect(String),
    #[error("cannot listen for webhook requests on {address}: {message}")]
    WebhookListen {
        address: std::net::SocketAddr,
        message: String,
    },
    #[error("cannot register the webhook with Telegram ({0}); check WEBHOOK_URL")]
    WebhookSetup(String),
    #[error(transparent)]
    Store(#[from] redis_store::RedisStoreError),
}

/// How long one long-polling request waits for updates.
const POLLING_TIMEOUT: Duration = Duration::from_secs(10);

/// The part of the shutdown deadline kept back for aborting unfinished work and exiting.
const EXIT_MARGIN: Duration = Duration::from_millis(300);

/// Runs the bot until Ctrl-C or SIGTERM, then stops within `config.shutdown_deadline`.
pub async fn run(config: Config, engine: Engine) -> Result<(), TelegramError> {
    let deadline = config.shutdown_deadline;
    let (stop_tx, stop) = watch::channel(false);
    // Signals are listened for from the very start, so that SIGTERM during startup still means
    // a clean exit rather than the default kill.
    let serving = serve(config, engine, stop);
    tokio::pin!(serving);
    tokio::select! {
        result = &mut serving => return result,
        () = shutdown_signal() => {}
    }
    let _ = stop_tx.send(true);
    // The hard cap, startup included: `serve` normally ends sooner, having dropped what it
    // could not finish; whatever still runs now (a request the API never answers, a Throttle
    // wait, a retry) is dropped with it.
    match tokio::time::timeout(deadline, serving).await {
        Ok(result) => result?,
        Err(_) => tracing::warn!(
            deadline_ms = deadline.as_millis() as u64,
            "shutdown deadline reached: unfinished work dropped"
        ),
    }
    tracing::info!("stopped");
    Ok(())
}

/// Connects, registers the menu and dispatches until `stop` turns true.
async fn serve(
    config: Config,
    engine: Engine,
    mut stop: watch::Receiver<bool>,
) -> Result<(), TelegramError> {
    let redact = Redactor::new(config.token.expose());
    let mut bot = Bot::new(config.token.expose());
    if let Some(url) = &config.api_url {
        bot = bot.set_api_url(url.clone());
    }
    let bot = bot.throttle(Limits::default());
    let engine = Arc::new(engine);
    let me = tokio::select! {
        me = start(&bot, &engine, &redact) => me?,
        () = dispatch::stopped(&mut stop) => return Ok(()),
    };
    let mut state = BotState::from_config(&config);
    if let Some(url) = &config.redis_url {
        let store = redis_store::RedisStore::connect(url.expose(), memory::CONTEXT_TTL).await?;
        tracing::info!("follow-up contexts and /language choices are kept in Redis");
        state = state
            .with_contexts(Box::new(store.clone()))
            .with_languages(Box::new(store));
    }
    let state = Arc::new(state);
    if let Some(log) = &state.questions {
        tracing::info!(path = %log.path().display(), "questions for curators are logged");
    }
    let dispatch = Dispatch::new(
        bot.clone(),
        me,
        engine,
        state,
        handler_tree::<Throttle<Bot>>(),
        redact.clone(),
        dispatch::chat_queue_capacity(config.questions_per_minute),
    );
    let grace = config.shutdown_deadline.saturating_sub(EXIT_MARGIN);
    let Some(url) = &config.webhook_url else {
        let setup = Polling::builder(bot)
            .timeout(POLLING_TIMEOUT)
            .delete_webhook();
        let polling = tokio::select! {
            polling = setup => polling.build(),
            () = dispatch::stopped(&mut stop) => return Ok(()),
        };
        tracing::info!("receiving updates by long polling");
        dispatch.run(polling, stop, grace).await;
        return Ok(());
    };
    let address = config.webhook_listen;
    let tcp =
        tokio::net::TcpListener::bind(address)
            .await
            .map_err(|e| TelegramError::WebhookListen {
                address,
                message: e.to_string(),
            })?;
    let options = webhooks::Options::new(address, url.clone());
    let set = tokio::select! {
        set = webhooks::axum_to_router(bot, options) => set,
        () = dispatch::stopped(&mut stop) => return Ok(()),
    };
    let (listener, stop_server, router) =
        set.map_err(|e| TelegramError::WebhookSetup(redact.apply(&e.to_string())))?;
    tokio::spawn(async move {
        if let Err(err) = axum::serve(tcp, router)
            .with_graceful_shutdown(stop_server)
            .await
        {
            tracing::error!(error = %err, "webhook server failed");
        }
    });
    tracing::info!(%address, "receiving updates by webhook");
    dispatch.run(listener, stop, grace).await;
    Ok(())
}

/// Learns who the bot is and registers the command menu.
async fn start(
    bot: &Throttle<Bot>,
    engine: &Engine,
    redact: &Redactor,
) -> Result<Me, TelegramError> {
    let me = bot
        .get_me()
        .send()
        .await
        .map_err(|e| TelegramError::Connect(redact.apply(&e.to_string())))?;
    let username = me.user.username.clone().unwrap_or_default();
    tracing::info!(bot = %username, "connected to the Telegram Bot API");
    register_commands(bot, engine, redact).await;
    Ok(me)
}

/// Registers the command menu, the description and the short description in English (the
/// default) and in Russian. A failure is logged, not fatal: the commands still work when typed.
async fn register_commands<B: handlers::TelegramApi>(bot: &B, engine: &Engine, redact: &Redactor) {
    let messages = &engine.knowledge().messages;
    for lang in [Lang::En, Lang::Ru] {
        let mut request = bot.set_my_commands(commands::menu(messages, lang));
        if lang != Lang::En {
            request = request.language_code(lang.code());
        }
        if let Err(err) = request.send().await {
            tracing::warn!(lang = lang.code(), error = %redact.apply(&err.to_string()), "cannot register the command menu");
        }
        // What an empty chat with the bot and its profile show, in the user's language.
        let mut description = bot
            .set_my_description()
            .description(messages.get(lang.code(), "bot_description"));
        let mut short = bot
            .set_my_short_description()
            .short_description(messages.get(lang.code(), "bot_short_description"));
        if lang != Lang::En {
            description = description.language_code(lang.code());
            short = short.language_code(lang.code());
        }
        if let Err(err) = description.send().await {
            tracing::warn!(lang = lang.code(), error = %redact.apply(&err.to_string()), "cannot set the bot's description");
        }
        if let Err(err) = short.send().await {
            tracing::warn!(lang = lang.code(), error = %redact.apply(&err.to_string()), "cannot set the bot's short description");
        }
    }
}

/// Resolves on Ctrl-C or (on Unix) SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::warn!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => tracing::info!("Ctrl-C received, shutting down"),
        () = terminate => tracing::info!("SIGTERM received, shutting down"),
    }
}

/// Removes the token from text that is about to be logged or shown. teloxide already strips
/// it from request URLs in errors; this is the second line of defence.
#[derive(Clone)]
pub(crate) struct Redactor {
    token: Arc<str>,
}

impl Redactor {
    fn new(token: &str) -> Self {
        Self {
            token: token.into(),
        }
    }

    fn apply(&self, text: &str) -> String {
        if self.token.is_empty() {
            return text.to_owned();
        }
        text.replace(&*self.token, "<token>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_redactor_hides_every_occurrence_of_the_token() {
        let r = Redactor::new("123:SECRET");
        assert_eq!(
            r.apply("GET /bot123:SECRET/getMe failed; bot123:SECRET"),
            "GET /bot<token>/getMe failed; bot<token>"
        );
        assert_eq!(Redactor::new("").apply("text"), "text");
    }

    #[test]
    fn errors_name_the_failed_update_and_chat() {
        let err = HandlerError {
            update_id: 7,
            chat_id: Some(ChatId(42)),
            source: teloxide::RequestError::Api(teloxide::ApiError::MessageTextIsEmpty),
        };
        let text = err.to_string();
        assert!(
            text.contains("update 7") && text.contains("chat 42"),
            "{text}"
        );
    }
}
