//! The arrival gate: every update is judged once, in the order it arrives and before it is
//! queued anywhere, so that the per-user limit counts by arrival time and an update over the
//! limit never waits in a queue (issue 9).
//!
//! [`Gate::admit`] is pure apart from the limiters' state: the time is passed in, so a burst is
//! judged the same however slowly its answers are later sent. What counts against a user is
//! everything the bot would act on: messages it would answer (questions and commands alike),
//! button presses, and inline queries. Group chatter the bot ignores anyway is dropped without
//! counting, so a talkative group member is not limited before ever asking.

use std::time::Instant;

use teloxide::types::{CallbackQueryId, ChatId, InlineQueryId, Me, MessageId, Update, UpdateKind};

use super::incoming::{incoming_ref, ui_lang};
use super::rate_limit::{RateLimiter, Verdict};
use crate::matching::Lang;

/// Inline queries a user may send per question allowed: Telegram sends one as the user types,
/// so a single inline search is several queries.
pub const INLINE_QUERIES_PER_QUESTION: u32 = 3;

/// What to do with an arriving update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Admission {
    /// Queue it for the handler tree.
    Handle,
    /// Over the limit for the first time in this burst: tell the user once, then drop it.
    Notify(Notice),
    /// Drop it without a word: over the limit and already told, or nothing the bot answers.
    Drop,
}

/// Where and in which language the rate-limit notice goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub target: NoticeTarget,
    pub lang: Lang,
}

/// The kind of reply that carries a notice, following the update it answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeTarget {
    /// A message in the chat (in groups, a reply to the asking message).
    Chat {
        chat_id: ChatId,
        reply_to: Option<MessageId>,
    },
    /// The answer to a button press (a toast on the user's screen).
    Callback(CallbackQueryId),
    /// An empty inline answer whose button carries the notice.
    Inline(InlineQueryId),
}

/// Per-user limits, checked on arrival.
#[derive(Debug)]
pub struct Gate {
    /// Messages the bot answers and button presses.
    requests: RateLimiter,
    /// Inline queries, on their own larger budget.
    inline: RateLimiter,
}

impl Gate {
    /// At most `per_minute` messages and button presses, and
    /// [`INLINE_QUERIES_PER_QUESTION`] times as many inline queries, per user a minute.
    pub fn per_minute(per_minute: u32) -> Self {
        Self {
            requests: RateLimiter::per_minute(per_minute),
            inline: RateLimiter::per_minute(per_minute.saturating_mul(INLINE_QUERIES_PER_QUESTION)),
        }
    }

    /// Judges `update`, arriving at `now`, for a bot that is `me`.
    pub fn admit(&self, update: &Update, me: &Me, now: Instant) -> Admission {
        match &update.kind {
            UpdateKind::Message(message) => {
                let Some(incoming) = incoming_ref(message, me) else {
                    return Admission::Drop;
                };
                let target = NoticeTarget::Chat {
                    chat_id: incoming.chat_id,
                    reply_to: incoming.reply_to,
                };
                judge(
                    self.requests.check(incoming.rate_key, now),
                    target,
                    incoming.ui_lang(),
                )
            }
            UpdateKind::CallbackQuery(query) => judge(
                self.requests.check(query.from.id.0, now),
                NoticeTarget::Callback(query.id.clone()),
                ui_lang(query.from.language_code.as_deref()),
            ),
            UpdateKind::InlineQuery(query) => judge(
                self.inline.check(query.from.id.0, now),
                NoticeTarget::Inline(query.id.clone()),
                ui_lang(query.from.language_code.as_deref()),
            ),
            // Nothing else is handled (and `allowed_updates` asks Telegram not to send it).
            _ => Admission::Drop,
        }
    }
}

fn judge(verdict: Verdict, target: NoticeTarget, lang: Lang) -> Admission {
    match verdict {
        Verdict::Allow => Admission::Handle,
        Verdict::Limited { notify: true } => Admission::Notify(Notice { target, lang }),
        Verdict::Limited { notify: false } => Admission::Drop,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};
    use std::time::Duration;

    const BOT_ID: u64 = 4242;

    fn me() -> Me {
        serde_json::from_value(json!({
            "id": BOT_ID, "is_bot": true, "first_name": "KazUz", "username": "kazuz_bot",
            "can_join_groups": true, "can_read_all_group_messages": false,
            "supports_inline_queries": true, "can_connect_to_business": false,
            "has_main_web_app": false
        }))
        .expect("me")
    }

    fn update(id: u32, kind: Value) -> Update {
        let mut value = json!({ "update_id": id });
        value
            .as_object_mut()
            .expect("object")
            .extend(kind.as_object().expect("object").clone());
        // From text: teloxide's `Update` does not deserialize from a `serde_json::Value`.
        serde_json::from_str(&value.to_string()).expect("update")
    }

    fn user(id: u64, lang: &str) -> Value {
        json!({"id": id, "is_bot": false, "first_name": "U", "language_code": lang})
    }

    fn private(id: u32, user_id: u64, text: &str) -> Update {
        update(
            id,
            json!({"message": {"message_id": id, "date": 0,
                "chat": {"id": user_id, "type": "private", "first_name": "U"},
                "from": user(user_id, "en"), "text": text}}),
        )
    }

    fn group(id: u32, user_id: u64, text: &str) -> Update {
        update(
            id,
            json!({"message": {"message_id": id, "date": 0,
                "chat": {"id": -100, "type": "supergroup", "title": "G"},
                "from": user(user_id, "ru"), "text": text}}),
        )
    }

    fn inline(id: u32, user_id: u64) -> Update {
        update(
            id,
            json!({"inline_query": {"id": format!("iq{id}"), "from": user(user_id, "en"),
                "query": "border", "offset": ""}}),
        )
    }

    fn button(id: u32, user_id: u64) -> Update {
        update(
            id,
            json!({"callback_query": {"id": format!("cb{id}"), "from": user(user_id, "en"),
                "chat_instance": "ci", "data": "a:en:border-length"}}),
        )
    }

    #[test]
    fn a_burst_is_judged_on_arrival_limit_answers_one_notice_then_silence() {
        let gate = Gate::per_minute(20);
        let t0 = Instant::now();
        let verdicts: Vec<Admission> = (0..25)
            .map(|i| gate.admit(&private(i, 7, "How long is the border?"), &me(), t0))
            .collect();
        assert!(verdicts[..20].iter().all(|v| *v == Admission::Handle));
        assert_eq!(
            verdicts[20],
            Admission::Notify(Notice {
                target: NoticeTarget::Chat {
                    chat_id: ChatId(7),
                    reply_to: None
                },
                lang: Lang::En
            })
        );
        // Questions 22–25 of the burst are never answered, however long the answers take.
        assert!(verdicts[21..].iter().all(|v| *v == Admission::Drop));
        let later = t0 + Duration::from_secs(59);
        assert_eq!(
            gate.admit(&private(26, 7, "again?"), &me(), later),
            Admission::Drop
        );
        // Another user is not affected.
        assert_eq!(
            gate.admit(&private(27, 8, "How long?"), &me(), t0),
            Admission::Handle
        );
    }

    #[test]
    fn commands_and_button_presses_count_with_questions() {
        let gate = Gate::per_minute(2);
        let t0 = Instant::now();
        assert_eq!(
            gate.admit(&private(1, 7, "/help"), &me(), t0),
            Admission::Handle
        );
        assert_eq!(gate.admit(&button(2, 7), &me(), t0), Admission::Handle);
        assert!(matches!(
            gate.admit(&button(3, 7), &me(), t0),
            Admission::Notify(Notice {
                target: NoticeTarget::Callback(_),
                ..
            })
        ));
        assert_eq!(gate.admit(&private(4, 7, "hi"), &me(), t0), Admission::Drop);
    }

    #[test]
    fn inline_queries_count_on_their_own_larger_budget() {
        let gate = Gate::per_minute(2);
        let t0 = Instant::now();
        for i in 0..2 * INLINE_QUERIES_PER_QUESTION {
            assert_eq!(gate.admit(&inline(i, 7), &me(), t0), Admission::Handle);
        }
        let over = gate.admit(&inline(99, 7), &me(), t0);
        assert_eq!(
            over,
            Admission::Notify(Notice {
                target: NoticeTarget::Inline(InlineQueryId("iq99".to_owned())),
                lang: Lang::En
            })
        );
        assert_eq!(gate.admit(&inline(100, 7), &me(), t0), Admission::Drop);
        // Inline searching does not use up the chat budget.
        assert_eq!(
            gate.admit(&private(5, 7, "hi"), &me(), t0),
            Admission::Handle
        );
    }

    #[test]
    fn ignored_group_chatter_is_dropped_without_counting() {
        let gate = Gate::per_minute(1);
        let t0 = Instant::now();
        for i in 0..10 {
            assert_eq!(
                gate.admit(&group(i, 9, "just chatting"), &me(), t0),
                Admission::Drop
            );
        }
        let asked = gate.admit(
            &group(20, 9, "@kazuz_bot how long is the border?"),
            &me(),
            t0,
        );
        assert_eq!(asked, Admission::Handle);
        let over = gate.admit(&group(21, 9, "@kazuz_bot and the river?"), &me(), t0);
        assert_eq!(
            over,
            Admission::Notify(Notice {
                target: NoticeTarget::Chat {
                    chat_id: ChatId(-100),
                    reply_to: Some(MessageId(21))
                },
                lang: Lang::Ru
            })
        );
    }

    #[test]
    fn other_update_kinds_are_dropped() {
        let gate = Gate::per_minute(5);
        let edited = update(
            1,
            json!({"edited_message": {"message_id": 1, "date": 0, "edit_date": 1,
                "chat": {"id": 7, "type": "private", "first_name": "U"},
                "from": user(7, "en"), "text": "x"}}),
        );
        assert_eq!(gate.admit(&edited, &me(), Instant::now()), Admission::Drop);
    }
}
