//! The Telegram adapter (teloxide): the only part of the crate that knows about Telegram.
//!
//! # Layout
//! - [`run`] (here): connects with the token (optionally to another Bot API server), wraps the
//!   bot in teloxide's `Throttle` so flood limits are respected, registers the command menu,
//!   and dispatches updates from long polling or a webhook until Ctrl-C or SIGTERM.
//! - [`handlers`]: [`handler_tree`], used by [`run`] and by the `teloxide_tests` tests.
//! - [`commands`]: the `BotCommands` enum and the menu.
//! - [`text`]: the HTML of every reply; [`keyboards`]: buttons and their callback data;
//!   [`inline`]: inline-mode results. All three are pure and unit-tested, because the mock Bot
//!   API does not enforce Telegram's limits (4096 characters, 64 bytes of callback data).
//! - [`rate_limit`]: the per-user question limit; [`unanswered`]: the declined-questions log.

pub mod commands;
pub mod handlers;
pub mod inline;
pub mod keyboards;
pub mod rate_limit;
pub mod text;
pub mod unanswered;

pub use commands::Command;
pub use handlers::{handler_tree, HandlerError};

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use teloxide::adaptors::throttle::Limits;
use teloxide::adaptors::Throttle;
use teloxide::dispatching::ShutdownToken;
use teloxide::error_handlers::ErrorHandler;
use teloxide::prelude::*;
use teloxide::update_listeners::{webhooks, Polling};

use crate::config::Config;
use crate::matching::{Engine, Lang};
use rate_limit::RateLimiter;
use unanswered::UnansweredLog;

/// State shared by every handler besides the engine.
#[derive(Debug)]
pub struct BotState {
    pub limiter: RateLimiter,
    /// Where declined questions go, when `UNANSWERED_LOG` is set.
    pub unanswered: Option<UnansweredLog>,
}

impl BotState {
    pub fn new(questions_per_minute: u32, unanswered: Option<UnansweredLog>) -> Self {
        Self {
            limiter: RateLimiter::per_minute(questions_per_minute),
            unanswered,
        }
    }

    pub fn from_config(config: &Config) -> Self {
        Self::new(
            config.questions_per_minute,
            config.unanswered_log.clone().map(UnansweredLog::new),
        )
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
}

/// How long one long-polling request waits for updates.
const POLLING_TIMEOUT: Duration = Duration::from_secs(10);

type ShutdownSignal = Pin<Box<dyn Future<Output = ()> + Send>>;

/// Runs the bot until Ctrl-C or SIGTERM.
pub async fn run(config: Config, engine: Engine) -> Result<(), TelegramError> {
    let redact = Redactor::new(config.token.expose());
    let mut bot = Bot::new(config.token.expose());
    if let Some(url) = &config.api_url {
        bot = bot.set_api_url(url.clone());
    }
    let bot = bot.throttle(Limits::default());

    // Listen for signals from the very start, so that SIGTERM during startup still means a
    // clean exit rather than the default kill.
    let mut shutdown: ShutdownSignal = Box::pin(shutdown_signal());
    let me = tokio::select! {
        me = bot.get_me().send() => me.map_err(|e| TelegramError::Connect(redact.apply(&e.to_string())))?,
        () = &mut shutdown => return Ok(()),
    };
    let username = me.user.username.clone().unwrap_or_default();
    tracing::info!(bot = %username, "connected to the Telegram Bot API");

    let engine = Arc::new(engine);
    register_commands(&bot, &engine, &redact).await;

    let state = Arc::new(BotState::from_config(&config));
    if let Some(log) = &state.unanswered {
        tracing::info!(path = %log.path().display(), "declined questions are logged");
    }
    let mut dispatcher = Dispatcher::builder(bot.clone(), handler_tree::<Throttle<Bot>>())
        .dependencies(dependencies(engine, state))
        .default_handler(|update| async move {
            tracing::trace!(update_id = update.id.0, "update ignored");
        })
        .error_handler(Arc::new(LogHandlerError {
            redact: redact.clone(),
        }))
        .build();
    tokio::spawn(stop_on(shutdown, dispatcher.shutdown_token()));

    let listener_errors = Arc::new(LogListenerError {
        redact: redact.clone(),
    });
    let dispatched = match &config.webhook_url {
        Some(url) => {
            let address = config.webhook_listen;
            let tcp = tokio::net::TcpListener::bind(address).await.map_err(|e| {
                TelegramError::WebhookListen {
                    address,
                    message: e.to_string(),
                }
            })?;
            let options = webhooks::Options::new(address, url.clone());
            let (listener, stop, router) = webhooks::axum_to_router(bot.clone(), options)
                .await
                .map_err(|e| TelegramError::WebhookSetup(redact.apply(&e.to_string())))?;
            tokio::spawn(async move {
                if let Err(err) = axum::serve(tcp, router).with_graceful_shutdown(stop).await {
                    tracing::error!(error = %err, "webhook server failed");
                }
            });
            tracing::info!(%address, "receiving updates by webhook");
            dispatcher
                .try_dispatch_with_listener(listener, listener_errors)
                .await
        }
        None => {
            let polling = Polling::builder(bot.clone())
                .timeout(POLLING_TIMEOUT)
                .delete_webhook()
                .await
                .build();
            tracing::info!("receiving updates by long polling");
            dispatcher
                .try_dispatch_with_listener(polling, listener_errors)
                .await
        }
    };
    dispatched.map_err(|e| TelegramError::Connect(redact.apply(&e.to_string())))?;
    tracing::info!("stopped");
    Ok(())
}

/// Registers the command menu in English (the default) and in Russian. A failure is logged,
/// not fatal: the commands still work when typed.
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

/// Waits for `signal`, then stops the dispatcher (retrying while it is still starting up).
async fn stop_on(signal: ShutdownSignal, token: ShutdownToken) {
    signal.await;
    loop {
        match token.shutdown() {
            Ok(done) => return done.await,
            // The dispatcher has not started yet (or has already stopped): try again shortly.
            Err(_idle) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Removes the token from text that is about to be logged or shown. teloxide already strips
/// it from request URLs in errors; this is the second line of defence.
#[derive(Clone)]
struct Redactor {
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

/// Logs a failed update with its update and chat ids; the dispatcher carries on.
struct LogHandlerError {
    redact: Redactor,
}

impl ErrorHandler<HandlerError> for LogHandlerError {
    fn handle_error(
        self: Arc<Self>,
        error: HandlerError,
    ) -> futures_util_box::BoxFuture<'static, ()> {
        tracing::error!(
            update_id = error.update_id,
            chat_id = error.chat_id.map(|c| c.0),
            error = %self.redact.apply(&error.source.to_string()),
            "handling an update failed"
        );
        Box::pin(async {})
    }
}

/// Logs an error of the update listener (a failed getUpdates); polling retries on its own.
struct LogListenerError {
    redact: Redactor,
}

impl<E: std::fmt::Display + Send + 'static> ErrorHandler<E> for LogListenerError {
    fn handle_error(self: Arc<Self>, error: E) -> futures_util_box::BoxFuture<'static, ()> {
        tracing::warn!(error = %self.redact.apply(&error.to_string()), "receiving updates failed; retrying");
        Box::pin(async {})
    }
}

/// `BoxFuture` as teloxide's `ErrorHandler` spells it, without a direct `futures` dependency.
mod futures_util_box {
    pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;
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
