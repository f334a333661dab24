//! The follow-up context kept in Redis (`REDIS_URL`), so that several replicas of the bot
//! behind one webhook share it: the replica that gets "who signed it?" may not be the one that
//! answered the question before.
//!
//! One key per chat, `kazuz:context:<chat id>`, holding the record id, with Redis's own expiry
//! ([`super::memory::CONTEXT_TTL`]); and one per chat that chose a language with `/language`,
//! `kazuz:language:<chat id>` (`en` or `ru`, no expiry). The store keeps no state of its own.
//! Every call has a short timeout, and a failure is logged and read as "nothing stored": the
//! question is still answered, only not as a follow-up or in the chosen language.

use std::time::{Duration, Instant};

use futures::future::BoxFuture;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::AsyncCommands;
use teloxide::types::ChatId;

use super::commands::LanguageChoice;
use super::memory::{ContextStore, LanguageStore};
use crate::matching::followup::Context;
use crate::matching::Lang;

/// How long one Redis call may take before the bot goes on without it.
const CALL_TIMEOUT: Duration = Duration::from_millis(500);

/// The prefixes of the keys, so that the bot can share a Redis with other programs.
const KEY_PREFIX: &str = "kazuz:context:";
const LANGUAGE_PREFIX: &str = "kazuz:language:";

/// Why the Redis store could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum RedisStoreError {
    #[error("REDIS_URL is not a valid Redis URL: {0}")]
    BadUrl(String),
    #[error("cannot connect to Redis at REDIS_URL: {0}")]
    Connect(String),
}

/// A [`ContextStore`] in Redis, shared by every replica that uses the same server.
#[derive(Clone)]
pub struct RedisStore {
    connection: ConnectionManager,
    ttl: Duration,
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The URL may hold a password: not printed.
        f.debug_struct("RedisStore")
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}

impl RedisStore {
    /// Connects to `url` (`redis://host:port/db`), keeping each context for `ttl` (at least a
    /// second: Redis expires whole seconds).
    pub async fn connect(url: &str, ttl: Duration) -> Result<Self, RedisStoreError> {
        let client =
            redis::Client::open(url).map_err(|e| RedisStoreError::BadUrl(e.to_string()))?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(CALL_TIMEOUT))
            .set_response_timeout(Some(CALL_TIMEOUT))
            .set_number_of_retries(1);
        let connection = ConnectionManager::new_with_config(client, config)
            .await
            .map_err(|e| RedisStoreError::Connect(e.to_string()))?;
        Ok(Self {
            connection,
            ttl: ttl.max(Duration::from_secs(1)),
        })
    }

    fn key(chat: ChatId) -> String {
        format!("{KEY_PREFIX}{}", chat.0)
    }
}

/// The value of a call, or `None` after logging why there is none.
fn logged<T>(result: redis::RedisResult<T>, call: &str) -> Option<T> {
    result
        .inspect_err(
            |err| tracing::warn!(error = %err, call, "Redis call failed; going on without it"),
        )
        .ok()
}

impl ContextStore for RedisStore {
    fn get(&self, chat: ChatId, _now: Instant) -> BoxFuture<'_, Option<Context>> {
        let mut connection = self.connection.clone();
        Box::pin(async move {
            let value: Option<String> = logged(connection.get(Self::key(chat)).await, "GET")?;
            value.map(|record_id| Context { record_id })
        })
    }

    fn set(&self, chat: ChatId, context: Context, _now: Instant) -> BoxFuture<'_, ()> {
        let mut connection = self.connection.clone();
        let seconds = self.ttl.as_secs();
        Box::pin(async move {
            let result = connection
                .set_ex::<_, _, ()>(Self::key(chat), context.record_id, seconds)
                .await;
            logged(result, "SET");
        })
    }

    fn forget(&self, chat: ChatId) -> BoxFuture<'_, ()> {
        let mut connection = self.connection.clone();
        Box::pin(async move {
            logged(connection.del::<_, ()>(Self::key(chat)).await, "DEL");
        })
    }
}

impl LanguageStore for RedisStore {
    fn get(&self, chat: ChatId) -> BoxFuture<'_, Option<Lang>> {
        let mut connection = self.connection.clone();
        Box::pin(async move {
            let key = format!("{LANGUAGE_PREFIX}{}", chat.0);
            let code: Option<String> = logged(connection.get(key).await, "GET")?;
            [Lang::En, Lang::Ru]
                .into_iter()
                .find(|lang| code.as_deref() == Some(lang.code()))
        })
    }

    fn set(&self, chat: ChatId, choice: LanguageChoice) -> BoxFuture<'_, ()> {
        let mut connection = self.connection.clone();
        Box::pin(async move {
            let key = format!("{LANGUAGE_PREFIX}{}", chat.0);
            let result = match choice {
                LanguageChoice::Fixed(lang) => connection.set::<_, _, ()>(key, lang.code()).await,
                LanguageChoice::Auto => connection.del::<_, ()>(key).await,
            };
            logged(result, "SET");
        })
    }
}
