//! The bot's commands: one enum parsed by teloxide's `BotCommands` derive, the menu registered
//! with `setMyCommands`, and how a command-looking message is classified (ours, another bot's,
//! unknown).
//!
//! Arguments are taken as raw strings and checked by the handlers, so that `/article abc` gets a
//! short explanation instead of silently falling through as an unparsable command.

use crate::knowledge::Messages;
use crate::matching::Lang;
use teloxide::types::BotCommand;
use teloxide::utils::command::{BotCommands, ParseError};

/// The commands, in menu order. User-facing descriptions live in `knowledge/messages.toml`
/// under `cmd_<name>` (per language); the doc comments here are for developers.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Command {
    /// Greeting and how to ask; a deep-link payload such as `article_4` opens that article.
    Start(String),
    /// The list of commands.
    Help,
    /// Ask a question: `/ask QUESTION`.
    Ask(String),
    /// The treaty articles the knowledge base covers, as buttons.
    Articles,
    /// One article: `/article N`.
    Article(String),
    /// Every agreement with its date.
    Agreements,
    /// The chronology.
    Timeline,
    /// The source documents with author, outlet and date.
    Sources,
    /// What the bot is and what it knows.
    About,
    /// A message to the people behind the bot: `/feedback TEXT` (forwarded to `ADMIN_CHAT_ID`).
    Feedback(String),
    /// What the bot keeps about users (the question log, follow-up memory, no user ids).
    Privacy,
    /// The chat's reply language: `/language en`, `/language ru`, or `/language auto` (each
    /// question's own language, the default).
    Language(String),
}

/// What `/language ARG` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageChoice {
    /// Always this language.
    Fixed(Lang),
    /// Each question's own language.
    Auto,
}

impl LanguageChoice {
    /// Parses the argument of `/language` (`en`, `ru`, `auto`, or the languages' names);
    /// `None` for anything else, including no argument.
    pub fn parse(arg: &str) -> Option<Self> {
        match arg.trim().to_lowercase().as_str() {
            "en" | "english" | "англ" | "английский" => Some(Self::Fixed(Lang::En)),
            "ru" | "russian" | "рус" | "русский" => Some(Self::Fixed(Lang::Ru)),
            "auto" | "авто" => Some(Self::Auto),
            _ => None,
        }
    }
}

/// How a message that starts with `/` relates to this bot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedCommand {
    /// One of our commands.
    Ours(Command),
    /// A command we do not have; `addressed` when written as `/cmd@ThisBot`.
    Unknown { addressed: bool },
    /// `/cmd@OtherBot`: not for us.
    OtherBot,
    /// The text does not start with `/`.
    NotACommand,
}

/// Classifies `text` for the bot called `bot_username` (without `@`).
///
/// More lenient than teloxide's parser on two points users hit: the command word is matched
/// case-insensitively (`/Help`), and a newline may separate it from its argument
/// (`/ask\nHow long is the border?`).
pub fn parse_command(text: &str, bot_username: &str) -> ParsedCommand {
    let text = text.trim_start();
    if !text.starts_with('/') || text.len() < 2 {
        return ParsedCommand::NotACommand;
    }
    let (word, rest) = match text.find(char::is_whitespace) {
        Some(i) => (&text[..i], text[i..].trim()),
        None => (text, ""),
    };
    let addressed = word.contains('@');
    let normalised = if rest.is_empty() {
        word.to_lowercase()
    } else {
        format!("{} {rest}", word.to_lowercase())
    };
    match Command::parse(&normalised, bot_username) {
        Ok(command) => ParsedCommand::Ours(trim_args(command)),
        Err(ParseError::WrongBotName(_)) => ParsedCommand::OtherBot,
        Err(_) => ParsedCommand::Unknown { addressed },
    }
}

fn trim_args(command: Command) -> Command {
    match command {
        Command::Start(s) => Command::Start(s.trim().to_owned()),
        Command::Ask(s) => Command::Ask(s.trim().to_owned()),
        Command::Article(s) => Command::Article(s.trim().to_owned()),
        Command::Feedback(s) => Command::Feedback(s.trim().to_owned()),
        Command::Language(s) => Command::Language(s.trim().to_owned()),
        other => other,
    }
}

/// Command names without the slash, in menu order.
pub fn command_names() -> Vec<String> {
    Command::bot_commands()
        .into_iter()
        .map(|c| c.command.trim_start_matches('/').to_owned())
        .collect()
}

/// The `messages.toml` key of a command's description.
pub fn description_key(name: &str) -> String {
    format!("cmd_{name}")
}

/// The command menu in `lang`, for `setMyCommands`.
pub fn menu(messages: &Messages, lang: Lang) -> Vec<BotCommand> {
    command_names()
        .into_iter()
        .map(|name| {
            let description = messages
                .get(lang.code(), &description_key(&name))
                .to_owned();
            BotCommand::new(name, description)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOT: &str = "kazuz_bot";

    fn ours(text: &str) -> Command {
        match parse_command(text, BOT) {
            ParsedCommand::Ours(c) => c,
            other => panic!("{text:?} parsed as {other:?}"),
        }
    }

    #[test]
    fn commands_parse_with_and_without_the_bot_name() {
        assert_eq!(ours("/help"), Command::Help);
        assert_eq!(ours("/help@kazuz_bot"), Command::Help);
        assert_eq!(ours("/HELP@Kazuz_Bot"), Command::Help);
        assert_eq!(ours("/start"), Command::Start(String::new()));
        assert_eq!(ours("/start article_4"), Command::Start("article_4".into()));
        assert_eq!(ours("/article 4"), Command::Article("4".into()));
        assert_eq!(
            ours("/article@kazuz_bot  abc "),
            Command::Article("abc".into())
        );
    }

    #[test]
    fn ask_takes_the_whole_rest_even_after_a_newline() {
        assert_eq!(
            ours("/ask How long is the border?"),
            Command::Ask("How long is the border?".into())
        );
        assert_eq!(
            ours("/ask\nHow long   is it?"),
            Command::Ask("How long   is it?".into())
        );
        assert_eq!(ours("/ask"), Command::Ask(String::new()));
        assert_eq!(
            ours("/feedback  the border answer is wrong "),
            Command::Feedback("the border answer is wrong".into())
        );
        assert_eq!(ours("/feedback"), Command::Feedback(String::new()));
        assert_eq!(ours("/ask@kazuz_bot"), Command::Ask(String::new()));
    }

    #[test]
    fn other_bots_and_unknown_commands_are_told_apart() {
        assert_eq!(
            parse_command("/help@other_bot", BOT),
            ParsedCommand::OtherBot
        );
        assert_eq!(
            parse_command("/ask@other_bot question", BOT),
            ParsedCommand::OtherBot
        );
        assert_eq!(
            parse_command("/weather", BOT),
            ParsedCommand::Unknown { addressed: false }
        );
        assert_eq!(
            parse_command("/weather@kazuz_bot", BOT),
            ParsedCommand::Unknown { addressed: true }
        );
        assert_eq!(
            parse_command("hello /help", BOT),
            ParsedCommand::NotACommand
        );
        assert_eq!(parse_command("/", BOT), ParsedCommand::NotACommand);
    }

    #[test]
    fn every_command_has_a_description_in_both_languages() {
        let kb = crate::knowledge::KnowledgeBase::embedded().expect("embedded knowledge");
        for lang in [Lang::En, Lang::Ru] {
            let menu = menu(&kb.messages, lang);
            assert_eq!(menu.len(), 12);
            for command in &menu {
                assert!(!command.command.starts_with('/'));
                assert!(
                    command.command.chars().all(|c| c.is_ascii_lowercase()),
                    "{}",
                    command.command
                );
                let key = description_key(&command.command);
                assert_ne!(command.description, key, "messages.toml lacks `{key}`");
                let len = command.description.chars().count();
                assert!(
                    (3..=256).contains(&len),
                    "Telegram wants 3-256 characters: {key}"
                );
            }
        }
        assert_eq!(menu(&kb.messages, Lang::En)[0].command, "start");
    }
}
