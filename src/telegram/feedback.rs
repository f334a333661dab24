//! Feedback: the 👍/👎 row under every answer and the `/feedback TEXT` command.
//!
//! A press is recorded in the question log ([`super::question_log`]) with the question that was
//! asked. Callback data has room only for the verdict and the entry id (64 bytes), so the
//! question is remembered per answer message in [`FeedbackMemory`], a small bounded map in
//! memory (oldest forgotten first). A press on an answer no longer remembered (evicted, sent
//! before a restart, or reached by a button rather than typed) is logged with the entry id only.
//!
//! One verdict per message: the keys of messages already judged are kept in a second bounded
//! set, and a second press gets a "already noted" toast without a second line in the log. This
//! was chosen over editing the keyboard to remove the row after a press because it costs no
//! extra Bot API request per press (presses count against Telegram's flood limits like
//! messages), works on messages the bot can no longer edit, and leaves the answer's other
//! buttons untouched. Its limits: the set lives in one process, so after a restart (or on
//! another replica) the same message could be judged once more; and in a group the first
//! member's press is the one recorded.
//!
//! `/feedback TEXT` forwards the text, with the chat type and language but no user id or name,
//! to `ADMIN_CHAT_ID` when it is set.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

use teloxide::prelude::*;
use teloxide::types::{ChatKind, MaybeInaccessibleMessage, MessageId, PublicChatKind};
use teloxide::RequestError;

use crate::answer::html::escape;
use crate::matching::{Engine, Lang};

use super::handlers::{send_html, TelegramApi};
use super::incoming::{ui_lang, Incoming};
use super::keyboards::shorten;
use super::question_log::{LoggedOutcome, QuestionRecord, Verdict};
use super::BotState;

/// Answer messages whose question is remembered for a later 👎. A question is at most
/// [`crate::matching::MAX_QUESTION_CHARS`] characters, so this holds a few megabytes at worst;
/// a verdict usually comes within minutes of the answer, long before 1000 more answers.
pub const REMEMBERED_ANSWERS: usize = 1000;

/// Messages whose verdict has been recorded, to refuse a second one. Keys are small, so more
/// are kept than questions.
pub const REMEMBERED_VERDICTS: usize = 4000;

/// `/feedback` texts longer than this are cut, so that the forwarded message (with its header)
/// stays within one Telegram message.
pub const MAX_FEEDBACK_CHARS: usize = 3000;

/// A message, as Telegram identifies it: ids are unique only within a chat.
pub type MessageKey = (ChatId, MessageId);

/// What was asked and answered in one answer message.
#[derive(Debug, Clone, PartialEq)]
pub struct AskedQuestion {
    pub question: String,
    pub entry: Option<String>,
    pub score: f32,
    pub lang: Lang,
}

/// The per-message memory behind the feedback buttons (see the module documentation).
#[derive(Debug)]
pub struct FeedbackMemory {
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    asked: Bounded<MessageKey, AskedQuestion>,
    judged: Bounded<MessageKey, ()>,
}

impl Default for FeedbackMemory {
    fn default() -> Self {
        Self::with_capacity(REMEMBERED_ANSWERS, REMEMBERED_VERDICTS)
    }
}

impl FeedbackMemory {
    pub fn with_capacity(answers: usize, verdicts: usize) -> Self {
        Self {
            inner: Mutex::new(Inner {
                asked: Bounded::new(answers),
                judged: Bounded::new(verdicts),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // Nothing here can be left half-updated by a panic elsewhere: keep going.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Remembers the question answered by `message`, forgetting the oldest when full.
    pub fn remember(&self, message: MessageKey, asked: AskedQuestion) {
        self.lock().asked.insert(message, asked);
    }

    /// The question answered by `message`, if still remembered.
    pub fn asked(&self, message: MessageKey) -> Option<AskedQuestion> {
        self.lock().asked.get(&message).cloned()
    }

    /// True the first time a verdict on `message` is given (and remembers it); false after.
    pub fn first_verdict(&self, message: MessageKey) -> bool {
        let mut inner = self.lock();
        if inner.judged.get(&message).is_some() {
            return false;
        }
        inner.judged.insert(message, ());
        true
    }
}

/// A map that forgets its oldest keys beyond `capacity`.
#[derive(Debug)]
struct Bounded<K, V> {
    map: HashMap<K, V>,
    order: VecDeque<K>,
    capacity: usize,
}

impl<K: Eq + Hash + Clone, V> Bounded<K, V> {
    fn new(capacity: usize) -> Self {
        Self {
            map: HashMap::new(),
            order: VecDeque::new(),
            capacity: capacity.max(1),
        }
    }

    fn insert(&mut self, key: K, value: V) {
        if self.map.insert(key.clone(), value).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > self.capacity {
            if let Some(old) = self.order.pop_front() {
                self.map.remove(&old);
            }
        }
    }

    fn get(&self, key: &K) -> Option<&V> {
        self.map.get(key)
    }
}

/// `private`, `group`, `supergroup` or `channel`, as in the question log.
fn chat_type(kind: &ChatKind) -> &'static str {
    match kind {
        ChatKind::Private(_) => "private",
        ChatKind::Public(public) => match public.kind {
            PublicChatKind::Group => "group",
            PublicChatKind::Supergroup(_) => "supergroup",
            PublicChatKind::Channel(_) => "channel",
        },
    }
}

/// A 👍/👎 press: recorded once per message, acknowledged with a toast either way.
pub async fn on_verdict<B: TelegramApi>(
    bot: &B,
    query: &CallbackQuery,
    engine: &Engine,
    state: &BotState,
    verdict: Verdict,
    record_id: Option<&str>,
) -> Result<(), RequestError> {
    let ui = ui_lang(query.from.language_code.as_deref());
    let message = query.message.as_ref();
    let key = message.map(|m| (m.chat().id, m.id()));
    // A press on an inline-mode message has no chat to key it by; such answers carry no
    // feedback row, so this is only a forged or foreign button: it is still recorded.
    let first = key.is_none_or(|k| state.feedback.first_verdict(k));
    if first {
        if let Some(log) = &state.questions {
            log.append_or_warn(&verdict_record(state, message, query, verdict, record_id));
        }
    }
    let toast = match (first, verdict) {
        (false, _) => "feedback_already",
        (true, Verdict::Up) => "feedback_thanks_up",
        (true, Verdict::Down) => "feedback_thanks_down",
    };
    let text = engine.knowledge().messages.get(ui.code(), toast).to_owned();
    let sent = bot
        .answer_callback_query(query.id.clone())
        .text(text)
        .send();
    sent.await.map(drop)
}

/// The log line for a verdict: with the question when the answer is still remembered.
fn verdict_record(
    state: &BotState,
    message: Option<&MaybeInaccessibleMessage>,
    query: &CallbackQuery,
    verdict: Verdict,
    record_id: Option<&str>,
) -> QuestionRecord {
    let asked = message.and_then(|m| state.feedback.asked((m.chat().id, m.id())));
    // The entry in the callback data is what the button was made for; the remembered one can
    // only differ if message ids were reused, so the data wins.
    let entry = record_id.or(asked.as_ref().and_then(|a| a.entry.as_deref()));
    let mut record = QuestionRecord::new(
        LoggedOutcome::Feedback,
        message.map_or("inline", |m| chat_type(&m.chat().kind)),
        query.from.language_code.as_deref(),
        asked.as_ref().map(|a| a.question.as_str()),
        SystemTime::now(),
    )
    .with_entry(entry, asked.as_ref().map(|a| a.score));
    record.lang = asked.map(|a| a.lang.code().to_owned());
    record.verdict = Some(verdict);
    record
}

/// `/feedback TEXT`: forwards TEXT to the admin chat and thanks the user; without
/// `ADMIN_CHAT_ID`, says feedback is not configured; without TEXT, explains the usage.
pub async fn forward<B: TelegramApi>(
    bot: &B,
    incoming: &Incoming,
    engine: &Engine,
    state: &BotState,
    text: &str,
) -> Result<(), RequestError> {
    let kb = engine.knowledge();
    let lang = incoming.ui_lang();
    let reply = |key: &str| super::text::message(kb, lang, key);
    let key = match (text.trim(), state.admin_chat) {
        ("", _) => "feedback_usage",
        (_, None) => "feedback_not_configured",
        (text, Some(admin)) => {
            let header = kb.messages.format(
                "en",
                "feedback_forward",
                &[
                    ("chat_type", incoming.chat_type),
                    ("language", incoming.language_code.as_deref().unwrap_or("?")),
                ],
            );
            let html = format!(
                "{}\n\n{}",
                escape(&header),
                escape(&shorten(text, MAX_FEEDBACK_CHARS))
            );
            match send_html(bot, admin, &html, None, None).await {
                Ok(()) => "feedback_sent",
                Err(err) => {
                    // The user cannot fix the admin chat: apologise, and tell the operator.
                    tracing::warn!(error = %err, "cannot forward /feedback to ADMIN_CHAT_ID");
                    "feedback_failed"
                }
            }
        }
    };
    send_html(bot, incoming.chat_id, &reply(key), incoming.reply_to, None).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(question: &str) -> AskedQuestion {
        AskedQuestion {
            question: question.to_owned(),
            entry: Some("border-length".to_owned()),
            score: 0.9,
            lang: Lang::En,
        }
    }

    fn key(chat: i64, message: i32) -> MessageKey {
        (ChatId(chat), MessageId(message))
    }

    #[test]
    fn the_oldest_answers_are_forgotten_first() {
        let memory = FeedbackMemory::with_capacity(2, 2);
        memory.remember(key(1, 10), asked("first"));
        memory.remember(key(1, 11), asked("second"));
        memory.remember(key(2, 10), asked("third"));
        assert_eq!(memory.asked(key(1, 10)), None, "evicted");
        assert_eq!(memory.asked(key(1, 11)), Some(asked("second")));
        assert_eq!(
            memory.asked(key(2, 10)),
            Some(asked("third")),
            "message ids are per chat"
        );
    }

    #[test]
    fn a_message_is_judged_once_until_forgotten() {
        let memory = FeedbackMemory::with_capacity(2, 2);
        assert!(memory.first_verdict(key(1, 10)));
        assert!(!memory.first_verdict(key(1, 10)));
        assert!(memory.first_verdict(key(1, 11)));
        assert!(memory.first_verdict(key(1, 12)));
        // Beyond the bound the oldest is forgotten: a bounded set, not a promise forever.
        assert!(memory.first_verdict(key(1, 10)));
    }
}
