//! What an incoming message asks of the bot, decided before any answering: a question, a
//! command, a nudge on how to ask, or nothing (other bots, channel posts, group chatter not
//! addressed to the bot). Used by the handlers and, by reference, by the arrival gate.

use teloxide::types::{ChatId, ChatKind, Me, Message, MessageId, MessageKind, PublicChatKind};

use super::commands::{parse_command, Command, ParsedCommand};
use crate::matching::Lang;

/// What a message asks of the bot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Command(Command),
    /// A command this bot does not have (in groups: only when addressed `/cmd@ThisBot`).
    UnknownCommand,
    Question(String),
    /// A mention or a reply with nothing to ask: explain how to ask.
    HowToAsk,
    /// A sticker, photo, voice message… in a private chat.
    NonText,
}

/// The facts about a message that every reply needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub request: Request,
    pub chat_id: ChatId,
    pub private: bool,
    /// `private`, `group` or `supergroup` (for the unanswered log).
    pub chat_type: &'static str,
    /// In groups, answers reply to the asking message.
    pub reply_to: Option<MessageId>,
    /// Whom the rate limit counts against: the user, or the chat for anonymous senders.
    pub rate_key: u64,
    pub language_code: Option<String>,
    /// The bot's own username, for share links (empty when it has none).
    pub bot_username: String,
}

impl Incoming {
    /// The language of fixed texts: the user's Telegram language when it is Russian.
    pub fn ui_lang(&self) -> Lang {
        ui_lang(self.language_code.as_deref())
    }
}

/// Russian for a Russian Telegram interface, English otherwise.
pub fn ui_lang(language_code: Option<&str>) -> Lang {
    match language_code {
        Some(code) if code.to_ascii_lowercase().starts_with("ru") => Lang::Ru,
        _ => Lang::En,
    }
}

/// Decides whether and how the bot responds to `msg`; `None` means silence.
pub fn incoming(msg: Message, me: Me) -> Option<Incoming> {
    incoming_ref(&msg, &me)
}

/// [`incoming`] by reference, for the arrival gate (which must not clone every update).
pub fn incoming_ref(msg: &Message, me: &Me) -> Option<Incoming> {
    let (private, chat_type) = match &msg.chat.kind {
        ChatKind::Private(_) => (true, "private"),
        ChatKind::Public(public) => match public.kind {
            PublicChatKind::Group => (false, "group"),
            PublicChatKind::Supergroup(_) => (false, "supergroup"),
            PublicChatKind::Channel(_) => return None,
        },
    };
    // Bots (including this one) are never answered. An anonymous group admin writes as
    // @GroupAnonymousBot on behalf of the group itself; that is a person, so it is answered.
    let anonymous_admin = msg
        .sender_chat
        .as_ref()
        .is_some_and(|c| c.id == msg.chat.id);
    if msg.from.as_ref().is_some_and(|u| u.is_bot) && !anonymous_admin {
        return None;
    }
    // Our own answers posted through inline mode come back as messages "via" this bot.
    if msg.via_bot.as_ref().is_some_and(|b| b.id == me.user.id) {
        return None;
    }
    let username = me.user.username.as_deref().unwrap_or_default();
    let request = match msg.text() {
        None if private && matches!(msg.kind, MessageKind::Common(_)) => Request::NonText,
        None => return None,
        Some(text) => match parse_command(text, username) {
            ParsedCommand::Ours(command) => Request::Command(command),
            ParsedCommand::OtherBot => return None,
            ParsedCommand::Unknown { addressed } if private || addressed => Request::UnknownCommand,
            ParsedCommand::Unknown { .. } => return None,
            ParsedCommand::NotACommand if private => {
                Request::Question(strip_mention(text, username))
            }
            ParsedCommand::NotACommand => {
                let replying_to_us = msg
                    .reply_to_message()
                    .and_then(|m| m.from.as_ref())
                    .is_some_and(|u| u.id == me.user.id);
                let question = strip_mention(text, username);
                if !replying_to_us && question == text.trim() {
                    return None;
                }
                if question.is_empty() {
                    Request::HowToAsk
                } else {
                    Request::Question(question)
                }
            }
        },
    };
    let user = msg.from.as_ref();
    Some(Incoming {
        request,
        chat_id: msg.chat.id,
        private,
        chat_type,
        reply_to: (!private).then_some(msg.id),
        rate_key: user.map_or(msg.chat.id.0 as u64, |u| u.id.0),
        language_code: user.and_then(|u| u.language_code.clone()),
        bot_username: username.to_owned(),
    })
}

/// `text` without `@username` mentions of the bot (case-insensitive, whole words only), trimmed.
pub fn strip_mention(text: &str, username: &str) -> String {
    if username.is_empty() {
        return text.trim().to_owned();
    }
    let mention = format!("@{}", username.to_ascii_lowercase());
    // ASCII lowercasing keeps every byte offset, so positions found in `lower` hold in `text`.
    let lower = text.to_ascii_lowercase();
    let word_char = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut search = 0;
    while let Some(pos) = lower[search..].find(&mention).map(|p| p + search) {
        let end = pos + mention.len();
        let before_ok = !text[..pos].chars().next_back().is_some_and(word_char);
        let after_ok = !text[end..].chars().next().is_some_and(word_char);
        if before_ok && after_ok {
            out.push_str(&text[last..pos]);
            last = end;
        }
        search = end;
    }
    out.push_str(&text[last..]);
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    // "@bot, how long is the border?" leaves a leading comma.
    out.trim_start_matches([',', ':', ';']).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_of_the_bot_are_removed_as_whole_words() {
        assert_eq!(
            strip_mention("@kazuz_bot how long is the border?", "kazuz_bot"),
            "how long is the border?"
        );
        assert_eq!(
            strip_mention("@Kazuz_Bot, how long?", "kazuz_bot"),
            "how long?"
        );
        assert_eq!(
            strip_mention("how long, @kazuz_bot?", "kazuz_bot"),
            "how long, ?"
        );
        assert_eq!(
            strip_mention("ask @kazuz_bots maybe", "kazuz_bot"),
            "ask @kazuz_bots maybe"
        );
        assert_eq!(
            strip_mention("mail a@kazuz_bot", "kazuz_bot"),
            "mail a@kazuz_bot"
        );
        assert_eq!(strip_mention("@kazuz_bot", "kazuz_bot"), "");
        assert_eq!(strip_mention("граница @kazuz_bot", "kazuz_bot"), "граница");
    }

    #[test]
    fn russian_interfaces_get_russian_texts() {
        assert_eq!(ui_lang(Some("ru")), Lang::Ru);
        assert_eq!(ui_lang(Some("ru-RU")), Lang::Ru);
        assert_eq!(ui_lang(Some("en")), Lang::En);
        assert_eq!(ui_lang(Some("kk")), Lang::En);
        assert_eq!(ui_lang(None), Lang::En);
    }
}
