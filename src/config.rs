//! Configuration of the Telegram bot, read from the environment (and `.env`, loaded in `main`).
//! The token is a secret: it never appears in `Debug` output, logs or error messages.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Default per-user limit on questions per minute.
pub const DEFAULT_QUESTIONS_PER_MINUTE: u32 = 20;
/// Default time the bot may take to stop after Ctrl-C or SIGTERM (`docker stop` waits 10 s).
pub const DEFAULT_SHUTDOWN_DEADLINE: Duration = Duration::from_secs(5);
/// The longest shutdown deadline accepted: beyond this a supervisor kills the bot anyway.
const MAX_SHUTDOWN_DEADLINE_SECS: f64 = 600.0;
/// Default address the webhook server listens on.
pub const DEFAULT_WEBHOOK_LISTEN: &str = "0.0.0.0:8443";

/// The bot token, kept out of every printed form.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// A Redis URL, which may hold a password: never printed.
#[derive(Clone)]
pub struct RedisUrl(String);

impl RedisUrl {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for RedisUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RedisUrl(<redacted>)")
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub token: Token,
    /// Another Bot API server (a local one, or a fake in tests).
    pub api_url: Option<url::Url>,
    /// Public URL for webhook mode; long polling when absent.
    pub webhook_url: Option<url::Url>,
    pub webhook_listen: SocketAddr,
    /// Where questions for curators (declined, low-margin, 👍/👎) are appended as JSON lines:
    /// `QUESTION_LOG`, or its former name `UNANSWERED_LOG` when only that is set.
    pub question_log: Option<PathBuf>,
    /// The chat `/feedback` texts are forwarded to (`ADMIN_CHAT_ID`), if set.
    pub admin_chat_id: Option<i64>,
    pub questions_per_minute: u32,
    /// How long the bot may take to stop after Ctrl-C or SIGTERM; unfinished work is dropped.
    pub shutdown_deadline: Duration,
    /// Where follow-up contexts are kept for several replicas (`REDIS_URL`); in this process's
    /// memory when absent.
    pub redis_url: Option<RedisUrl>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "TELOXIDE_TOKEN is not set. Get a token from @BotFather, then put TELOXIDE_TOKEN=... in .env \
         (see .env.example) or the environment. To try the bot without Telegram, run `kazuz-bot chat`."
    )]
    MissingToken,
    #[error("{name} is not a valid URL: {message}")]
    BadUrl { name: &'static str, message: String },
    #[error("{name} must be {expected}, got `{value}`")]
    BadValue {
        name: &'static str,
        expected: &'static str,
        value: String,
    },
}

impl Config {
    /// Reads the configuration from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let token = get("TELOXIDE_TOKEN").ok_or(ConfigError::MissingToken)?;
        let url = |name: &'static str| -> Result<Option<url::Url>, ConfigError> {
            get(name)
                .map(|v| {
                    let parsed = url::Url::parse(&v).map_err(|e| ConfigError::BadUrl {
                        name,
                        message: e.to_string(),
                    })?;
                    // teloxide panics on a URL it cannot be a base for ("mailto:x@y") and fails
                    // obscurely on other schemes: only web addresses are accepted.
                    if !matches!(parsed.scheme(), "http" | "https") || parsed.cannot_be_a_base() {
                        return Err(ConfigError::BadUrl {
                            name,
                            message: format!("`{v}` is not an http:// or https:// address"),
                        });
                    }
                    Ok(parsed)
                })
                .transpose()
        };
        let webhook_listen =
            get("WEBHOOK_LISTEN").unwrap_or_else(|| DEFAULT_WEBHOOK_LISTEN.to_owned());
        let webhook_listen = webhook_listen.parse().map_err(|_| ConfigError::BadValue {
            name: "WEBHOOK_LISTEN",
            expected: "an address such as 0.0.0.0:8443",
            value: webhook_listen.clone(),
        })?;
        let questions_per_minute = match get("QUESTIONS_PER_MINUTE") {
            None => DEFAULT_QUESTIONS_PER_MINUTE,
            Some(v) => v
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(ConfigError::BadValue {
                    name: "QUESTIONS_PER_MINUTE",
                    expected: "a whole number above 0",
                    value: v,
                })?,
        };
        let shutdown_deadline = match get("SHUTDOWN_DEADLINE") {
            None => DEFAULT_SHUTDOWN_DEADLINE,
            Some(v) => parse_deadline(&v).ok_or(ConfigError::BadValue {
                name: "SHUTDOWN_DEADLINE",
                expected: "a number of seconds above 0 and at most 600, such as 5 or 2.5",
                value: v,
            })?,
        };
        let admin_chat_id =
            match get("ADMIN_CHAT_ID") {
                None => None,
                Some(v) => Some(v.parse().ok().filter(|id| *id != 0).ok_or(
                    ConfigError::BadValue {
                        name: "ADMIN_CHAT_ID",
                        expected: "a chat id such as 123456789 or -1001234567890",
                        value: v,
                    },
                )?),
            };
        Ok(Config {
            token: Token(token),
            api_url: url("TELOXIDE_API_URL")?,
            webhook_url: url("WEBHOOK_URL")?,
            webhook_listen,
            // The old name keeps working, so existing deployments keep their log.
            question_log: get("QUESTION_LOG")
                .or_else(|| get("UNANSWERED_LOG"))
                .map(PathBuf::from),
            admin_chat_id,
            questions_per_minute,
            shutdown_deadline,
            redis_url: get("REDIS_URL").map(RedisUrl),
        })
    }
}

/// Seconds (`5`, `2.5`) as a duration, if within (0, 600].
fn parse_deadline(value: &str) -> Option<Duration> {
    let seconds: f64 = value.parse().ok()?;
    (seconds > 0.0 && seconds <= MAX_SHUTDOWN_DEADLINE_SECS)
        .then(|| Duration::from_secs_f64(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn missing_token_explains_how_to_set_it_and_mentions_chat() {
        let err = config(&[]).unwrap_err().to_string();
        assert!(
            err.contains("TELOXIDE_TOKEN")
                && err.contains(".env.example")
                && err.contains("kazuz-bot chat"),
            "{err}"
        );
    }

    #[test]
    fn token_never_shows_in_debug_output() {
        let c = config(&[("TELOXIDE_TOKEN", "123:SECRET")]).unwrap();
        assert!(!format!("{c:?}").contains("SECRET"));
        assert_eq!(c.token.expose(), "123:SECRET");
        assert_eq!(c.questions_per_minute, DEFAULT_QUESTIONS_PER_MINUTE);
    }

    #[test]
    fn bad_values_are_named() {
        let err = config(&[("TELOXIDE_TOKEN", "1:x"), ("TELOXIDE_API_URL", "not a url")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("TELOXIDE_API_URL"), "{err}");
        for bad in ["mailto:x@y", "ftp://example.com", "unix:/tmp/socket"] {
            let err = config(&[("TELOXIDE_TOKEN", "1:x"), ("TELOXIDE_API_URL", bad)])
                .unwrap_err()
                .to_string();
            assert!(err.contains("http"), "{bad}: {err}");
        }
        let err = config(&[("TELOXIDE_TOKEN", "1:x"), ("QUESTIONS_PER_MINUTE", "0")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("QUESTIONS_PER_MINUTE"), "{err}");
        for bad in ["0", "-1", "soon", "NaN", "inf", "601"] {
            let err = config(&[("TELOXIDE_TOKEN", "1:x"), ("SHUTDOWN_DEADLINE", bad)])
                .unwrap_err()
                .to_string();
            assert!(err.contains("SHUTDOWN_DEADLINE"), "{bad}: {err}");
        }
    }

    #[test]
    fn question_log_falls_back_to_the_old_name() {
        let c = config(&[("TELOXIDE_TOKEN", "1:x"), ("UNANSWERED_LOG", "old.jsonl")]).unwrap();
        assert_eq!(c.question_log, Some(PathBuf::from("old.jsonl")));
        let c = config(&[
            ("TELOXIDE_TOKEN", "1:x"),
            ("UNANSWERED_LOG", "old.jsonl"),
            ("QUESTION_LOG", "new.jsonl"),
        ])
        .unwrap();
        assert_eq!(c.question_log, Some(PathBuf::from("new.jsonl")));
        assert_eq!(
            config(&[("TELOXIDE_TOKEN", "1:x")]).unwrap().question_log,
            None
        );
    }

    #[test]
    fn admin_chat_id_is_a_chat_id() {
        let c = config(&[("TELOXIDE_TOKEN", "1:x"), ("ADMIN_CHAT_ID", "-1001234")]).unwrap();
        assert_eq!(c.admin_chat_id, Some(-1_001_234));
        assert_eq!(
            config(&[("TELOXIDE_TOKEN", "1:x")]).unwrap().admin_chat_id,
            None
        );
        for bad in ["@admin", "0", "1.5"] {
            let err = config(&[("TELOXIDE_TOKEN", "1:x"), ("ADMIN_CHAT_ID", bad)])
                .unwrap_err()
                .to_string();
            assert!(err.contains("ADMIN_CHAT_ID"), "{bad}: {err}");
        }
    }

    #[test]
    fn the_shutdown_deadline_defaults_to_five_seconds_and_takes_fractions() {
        let c = config(&[("TELOXIDE_TOKEN", "1:x")]).unwrap();
        assert_eq!(c.shutdown_deadline, Duration::from_secs(5));
        let c = config(&[("TELOXIDE_TOKEN", "1:x"), ("SHUTDOWN_DEADLINE", "2.5")]).unwrap();
        assert_eq!(c.shutdown_deadline, Duration::from_millis(2500));
    }
}
