//! The Telegram bot in-process against a fake Bot API (`tests/support`): the real handler
//! tree behind the arrival gate, the real knowledge base, no network beyond 127.0.0.1.
//! Expected texts come from the same sources the bot uses (`messages.toml` through
//! `kazuz_bot::telegram::text`), so a reworded message does not break these tests, but a wrong
//! message does.
//!
//! The fake does not enforce Telegram's limits; those are checked here on what the bot sent
//! (message length, HTML balance, callback data size) and unit-tested in `src/telegram`.

#[path = "support/fake_telegram.rs"]
mod fake_telegram;
#[path = "support/harness.rs"]
mod harness;

use std::sync::{Arc, OnceLock};

use teloxide::types::{ChatId, InlineKeyboardButtonKind, MessageId, ParseMode, ReplyMarkup};

use kazuz_bot::answer::html::{escape, tags_balanced, TELEGRAM_MESSAGE_LIMIT};
use kazuz_bot::answer::Reply;
use kazuz_bot::knowledge::KnowledgeBase;
use kazuz_bot::matching::followup::Context;
use kazuz_bot::matching::{Decline, Engine, Lang, Outcome};
use kazuz_bot::telegram::arrival::INLINE_QUERIES_PER_QUESTION;
use kazuz_bot::telegram::inline::{inline_results, MAX_INLINE_RESULTS, STARTING_POINTS};
use kazuz_bot::telegram::keyboards::{
    shorten, Callback, CALLBACK_DATA_LIMIT, MAX_LABEL_CHARS, THUMBS_DOWN, THUMBS_UP,
};
use kazuz_bot::telegram::question_log::QuestionLog;
use kazuz_bot::telegram::text;
use kazuz_bot::telegram::BotState;

use harness::{
    EditedMessage, IntoUpdates, SentMessage, TestBot, TestCallbackQuery, TestChat, TestInlineQuery,
    TestMessage, TestUser, BOT_NAME, PRIVATE_CHAT_ID,
};

fn shared_engine() -> &'static Arc<Engine> {
    static ENGINE: OnceLock<Arc<Engine>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Arc::new(Engine::new(
            KnowledgeBase::embedded().expect("embedded knowledge"),
        ))
    })
}

fn engine() -> Arc<Engine> {
    shared_engine().clone()
}

fn kb() -> &'static KnowledgeBase {
    shared_engine().knowledge()
}

/// A bot running the real handler tree with the real knowledge base.
fn mock_bot(update: impl IntoUpdates) -> TestBot {
    mock_bot_with(update, engine(), BotState::new(20, None))
}

fn mock_bot_with(update: impl IntoUpdates, engine: Arc<Engine>, state: BotState) -> TestBot {
    TestBot::new(update, engine, state)
}

/// A private text message.
fn private(text: &str) -> TestMessage {
    TestMessage::text(text)
}

/// A text message in a group, with a distinctive id so replies can be checked.
fn group(text: &str) -> TestMessage {
    TestMessage::text(text).chat(TestChat::group()).id(500)
}

fn supergroup(text: &str) -> TestMessage {
    TestMessage::text(text).chat(TestChat::supergroup()).id(600)
}

/// This bot, as a message's author.
fn me() -> TestUser {
    TestUser::this_bot()
}

async fn dispatch_texts(bot: &mut TestBot) -> Vec<SentMessage> {
    bot.dispatch().await;
    bot.get_responses().sent_messages
}

/// Exactly one message was sent, as HTML: returns it.
#[track_caller]
fn only(sent: &[SentMessage]) -> &SentMessage {
    assert_eq!(
        sent.len(),
        1,
        "expected one message, got {:#?}",
        sent.iter().map(|s| &s.text).collect::<Vec<_>>()
    );
    let message = &sent[0];
    assert_eq!(
        message.parse_mode,
        Some(ParseMode::Html),
        "every message is sent as HTML"
    );
    message
}

#[track_caller]
fn assert_text(message: &SentMessage, expected: &str) {
    assert_eq!(message.text, expected);
    assert_eq!(message.parse_mode, Some(ParseMode::Html));
    assert_within_limits(message);
}

/// The limits Telegram enforces and the fake Bot API does not.
#[track_caller]
fn assert_within_limits(message: &SentMessage) {
    let html = &message.text;
    assert!(!html.trim().is_empty(), "empty message");
    assert!(
        html.chars().count() <= TELEGRAM_MESSAGE_LIMIT,
        "message of {} characters",
        html.chars().count()
    );
    assert!(balanced(html), "unbalanced HTML: {html}");
    // URL buttons (share) carry a link, not callback data.
    for (_, data) in buttons(message)
        .iter()
        .filter(|(_, d)| !d.starts_with("https://"))
    {
        assert!(
            data.len() <= CALLBACK_DATA_LIMIT,
            "callback data of {} bytes",
            data.len()
        );
    }
}

/// True when every opened tag is closed in order (the library's check), only the tags this bot
/// uses appear, and no stray `&` is left unescaped.
fn balanced(html: &str) -> bool {
    let only_known_tags = html.match_indices('<').all(|(i, _)| {
        [
            "<b>",
            "</b>",
            "<i>",
            "</i>",
            "<blockquote expandable>",
            "<blockquote>",
            "</blockquote>",
        ]
        .iter()
        .any(|t| html[i..].starts_with(t))
    });
    let entities_ok = html.match_indices('&').all(|(i, _)| {
        ["&amp;", "&lt;", "&gt;", "&quot;"]
            .iter()
            .any(|e| html[i..].starts_with(e))
    });
    tags_balanced(html) && only_known_tags && entities_ok
}

/// (label, callback data or URL) of every button under a message.
fn buttons(message: &SentMessage) -> Vec<(String, String)> {
    let Some(ReplyMarkup::InlineKeyboard(keyboard)) = &message.reply_markup else {
        return vec![];
    };
    keyboard
        .inline_keyboard
        .iter()
        .flatten()
        .map(|b| match &b.kind {
            InlineKeyboardButtonKind::CallbackData(data) => (b.text.clone(), data.clone()),
            InlineKeyboardButtonKind::Url(url) => (b.text.clone(), url.to_string()),
            other => panic!("unexpected button kind {other:?}"),
        })
        .collect()
}

fn replied_to(message: &SentMessage) -> Option<MessageId> {
    message.reply_parameters.as_ref().map(|r| r.message_id)
}

/// The HTML and buttons the bot should send for `question`.
fn expected_answer(question: &str) -> text::Rendered {
    let e = engine();
    let reply = Reply::new(&e, &e.ask(question), Lang::detect(question));
    let answered = reply.record_id.as_deref().filter(|_| reply.answered);
    let record = answered.and_then(|id| e.find(id));
    text::with_share(text::answer(&reply), &e, record, reply.lang, BOT_NAME)
}

fn expected_record(id: &str, lang: Lang) -> text::Rendered {
    let e = engine();
    let rendered = text::record_answer(&e, e.find(id).expect("record exists"), lang);
    // Reached by a button, a deep link or /article: the answer starts with its question.
    assert!(rendered.html.starts_with("<b>"), "{}", rendered.html);
    rendered
}

/// A question the engine declines while offering suggestions (the engine is tuned over time,
/// so the test picks one instead of hard-coding it).
fn low_confidence_question() -> &'static str {
    let e = engine();
    [
        "How many tanks does Kazakhstan have?",
        "Who won the football match between Kazakhstan and Uzbekistan?",
        "What did the parliament of Uzbekistan ratify in 2023?",
        "Kazakhstan football",
    ]
    .into_iter()
    .find(|q| matches!(e.ask(q), Outcome::Declined { reason: Decline::NoMatch, ref suggestions } if !suggestions.is_empty()))
    .expect("one of the candidates should be declined with suggestions")
}

// ---------------------------------------------------------------------------------------------
// Commands

#[tokio::test]
async fn start_greets_and_explains_how_to_ask() {
    let mut bot = mock_bot(private("/start"));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(only(&sent), &text::greeting(kb(), Lang::En, true));
    assert_eq!(
        replied_to(&sent[0]),
        None,
        "private answers are not replies"
    );
}

#[tokio::test]
async fn an_emoji_gets_the_reaction_reply_in_the_users_language() {
    let user = TestUser::new().language_code("ru");
    let mut bot = mock_bot(private("👌").from(user));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(
        only(&sent),
        &text::message(kb(), Lang::Ru, "smalltalk_reaction"),
    );
}

#[tokio::test]
async fn start_in_russian_interface_greets_in_russian() {
    let user = TestUser::new().language_code("ru");
    let mut bot = mock_bot(private("/start").from(user));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(only(&sent), &text::greeting(kb(), Lang::Ru, true));
}

#[tokio::test]
async fn the_share_button_links_to_a_start_that_opens_the_same_answer() {
    let mut bot = mock_bot(private("Когда подписали договор о демаркации границы?"));
    let sent = dispatch_texts(&mut bot).await;
    let (label, url) = buttons(only(&sent))
        .into_iter()
        .find(|(_, data)| data.starts_with("https://t.me/share/url?"))
        .expect("a share button under a Russian answer");
    assert_eq!(label, "🔗 Поделиться");
    let url = url::Url::parse(&url).expect("a valid URL");
    let query: std::collections::HashMap<_, _> = url.query_pairs().collect();
    let link = url::Url::parse(&query["url"]).expect("the shared link is a URL");
    assert_eq!(link.path(), format!("/{BOT_NAME}"));
    let payload = link
        .query_pairs()
        .find(|(k, _)| k == "start")
        .map(|(_, v)| v.into_owned())
        .expect("a start payload");
    assert!(!query["text"].is_empty(), "the question goes along: {url}");

    // Whoever taps the link sends /start with the payload and gets the same entry.
    bot.update(private(&format!("/start {payload}")));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(only(&sent), &expected_record(&payload, Lang::En).html);
}

#[tokio::test]
async fn start_with_a_deep_link_opens_that_article() {
    let mut bot = mock_bot(private("/start article_4"));
    let sent = dispatch_texts(&mut bot).await;
    let expected = expected_record("article-4", Lang::En);
    assert_text(only(&sent), &expected.html);
    // The question in bold, then the article.
    let text = &sent[0].text;
    let (question, answer) = text.split_once("\n\n").expect("question, then answer");
    assert!(
        question.starts_with("<b>") && question.ends_with("</b>"),
        "{text}"
    );
    assert!(answer.starts_with("Article 4"), "{text}");

    // An unknown payload is not an error: just the greeting.
    bot.update(private("/start no_such_thing"));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(only(&sent), &text::greeting(kb(), Lang::En, true));
}

#[tokio::test]
async fn help_lists_every_command() {
    let mut bot = mock_bot(private("/help"));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    assert_text(message, &text::help(kb(), Lang::En, true));
    for command in [
        "start",
        "help",
        "ask",
        "articles",
        "article",
        "agreements",
        "timeline",
        "sources",
        "about",
        "feedback",
        "privacy",
        "language",
    ] {
        assert!(
            message.text.contains(&format!("/{command} — ")),
            "/{command} missing"
        );
    }
}

#[tokio::test]
async fn ask_answers_with_citations_and_related_buttons() {
    let mut bot = mock_bot(private("/ask How long is the border?"));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    let expected = expected_answer("How long is the border?");
    assert_text(message, &expected.html);
    assert!(message.text.contains("2,356.6"));
    assert!(message.text.contains("<b>Sources</b>"));
    assert!(
        message.text.contains("Batyrov"),
        "the citation names its author"
    );
    let related: Vec<String> = kb().entry("border-length").expect("entry").related.clone();
    let data: Vec<String> = buttons(message).into_iter().map(|(_, d)| d).collect();
    for id in &related {
        assert!(
            data.contains(&format!("a:en:{id}")),
            "no button for related `{id}`: {data:?}"
        );
    }
}

#[tokio::test]
async fn ask_without_a_question_explains_usage() {
    for command in ["/ask", "/ask   ", "/ask@test_bot"] {
        let mut bot = mock_bot(private(command));
        let sent = dispatch_texts(&mut bot).await;
        assert_text(only(&sent), &text::message(kb(), Lang::En, "ask_usage"));
    }
}

#[tokio::test]
async fn articles_are_listed_one_line_each_with_buttons() {
    let mut bot = mock_bot(private("/articles"));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    let expected = text::articles(&engine(), Lang::En);
    assert_text(message, &expected.html);
    let data: Vec<String> = buttons(message).into_iter().map(|(_, d)| d).collect();
    let numbers: Vec<String> = kb()
        .articles_by_number()
        .iter()
        .map(|a| format!("a:en:article-{}", a.number))
        .collect();
    assert_eq!(data, numbers);
}

#[tokio::test]
async fn article_n_shows_that_article() {
    let mut bot = mock_bot(private("/article 4"));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(only(&sent), &expected_record("article-4", Lang::En).html);
}

#[tokio::test]
async fn article_with_a_bad_argument_explains_what_works() {
    for command in ["/article abc", "/article", "/article -1", "/article 4.5"] {
        let mut bot = mock_bot(private(command));
        let sent = dispatch_texts(&mut bot).await;
        let message = only(&sent);
        assert_text(message, &text::article_usage(kb(), Lang::En));
        assert!(
            message.text.contains("/article N"),
            "{command}: {}",
            message.text
        );
    }
    let mut bot = mock_bot(private("/article 99"));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    assert_text(message, &text::article_unknown(kb(), Lang::En, 99));
    assert!(message.text.contains("99"));
}

#[tokio::test]
async fn agreements_timeline_sources_and_about() {
    let cases: [(&str, String); 5] = [
        ("/agreements", text::agreements(kb(), Lang::En)),
        ("/timeline", text::timeline(kb(), Lang::En)),
        ("/sources", text::sources(kb(), Lang::En)),
        ("/about", text::message(kb(), Lang::En, "about")),
        ("/privacy", text::message(kb(), Lang::En, "privacy")),
    ];
    for (command, expected) in cases {
        let mut bot = mock_bot(private(command));
        let sent = dispatch_texts(&mut bot).await;
        assert!(!sent.is_empty(), "{command} sent nothing");
        let joined: Vec<&str> = sent.iter().map(|s| s.text.as_str()).collect();
        for message in &sent {
            assert_within_limits(message);
            assert_eq!(message.parse_mode, Some(ParseMode::Html));
        }
        if sent.len() == 1 {
            assert_eq!(joined[0], expected, "{command}");
        } else {
            // A long list is split at line boundaries: nothing lost.
            assert_eq!(
                joined.join("\n").split_whitespace().collect::<Vec<_>>(),
                expected.split_whitespace().collect::<Vec<_>>()
            );
        }
    }
    // Spot checks on content.
    assert!(text::agreements(kb(), Lang::En).contains("22 December 2022"));
    assert!(text::sources(kb(), Lang::En).contains("Batyrov"));
    assert!(text::message(kb(), Lang::En, "privacy").contains("never your user id"));
}

#[tokio::test]
async fn unknown_command_in_private_points_to_help() {
    let mut bot = mock_bot(private("/weather"));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(
        only(&sent),
        &text::message(kb(), Lang::En, "unknown_command"),
    );
}

// ---------------------------------------------------------------------------------------------
// Private questions

#[tokio::test]
async fn small_talk_greeting_in_private_gets_the_start_text_in_its_language() {
    for (text, lang) in [("hi!", Lang::En), ("Привет", Lang::Ru)] {
        let mut bot = mock_bot(private(text));
        let sent = dispatch_texts(&mut bot).await;
        assert_text(only(&sent), &text::greeting(kb(), lang, true));
    }
}

#[tokio::test]
async fn small_talk_thanks_gets_a_short_fixed_reply_without_buttons() {
    let mut bot = mock_bot(private("thanks a lot"));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    assert_text(message, &text::message(kb(), Lang::En, "smalltalk_thanks"));
    assert_eq!(message.reply_markup, None);
}

#[tokio::test]
async fn a_private_question_gets_a_cited_html_answer() {
    let question = "When was the treaty signed?";
    let mut bot = mock_bot(private(question));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    let expected = expected_answer(question);
    assert_text(message, &expected.html);
    assert!(message.text.contains("22 December 2022"));
    let html = &message.text;
    assert!(
        html.contains("<b>Sources</b>\n[1] ") && html.contains("<blockquote expandable>[1] “"),
        "citations footer: one line per source, quotes folded: {html}"
    );
    assert_eq!(replied_to(message), None);
    assert_eq!(
        message.reply_markup,
        expected.keyboard.map(ReplyMarkup::InlineKeyboard)
    );
}

#[tokio::test]
async fn a_two_part_question_with_one_part_unanswered_says_so_and_offers_buttons() {
    let question = "When was the alliance treaty signed, and how much did the summit cost?";
    let mut bot = mock_bot(private(question));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    let expected = expected_answer(question);
    assert_text(message, &expected.html);
    let html = &message.text;
    assert!(html.contains("22 December 2022"), "{html}");
    assert!(
        html.contains("That answers only part of your question")
            && html.contains("how much did the summit cost"),
        "{html}"
    );
    assert!(html.contains("<b>Sources</b>"), "{html}");
    let labels = buttons(message);
    assert!(
        labels.len() > 2,
        "suggestions for the open part as buttons, with 👍/👎: {labels:?}"
    );
    assert_within_limits(message);
}

#[tokio::test]
async fn a_russian_question_is_answered_in_russian() {
    let question = "Какова протяжённость границы?";
    let mut bot = mock_bot(private(question));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    assert_text(message, &expected_answer(question).html);
    assert!(
        message.text.contains("<b>Источники</b>"),
        "{}",
        message.text
    );
}

// ---------------------------------------------------------------------------------------------
// The docs

/// Typical questions whose rendered answers docs/telegram.md shows.
const DOCUMENTED_QUESTIONS: [&str; 5] = [
    "When was the treaty signed?",
    "How long is the border?",
    "Кто подписал договор о демаркации границы?",
    "what is the trade turnover between kz and uz",
    "какие союзники у узбекистана?",
];

/// A typical answer, phone-sized: the docs show each exactly as the bot sends it, and each is
/// under 900 characters with its sources.
#[test]
fn the_docs_show_five_typical_answers_as_the_bot_renders_them() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/telegram.md"))
        .expect("docs/telegram.md");
    let mut problems = Vec::new();
    for question in DOCUMENTED_QUESTIONS {
        let html = expected_answer(question).html;
        let length = html.chars().count();
        if length >= 900 {
            problems.push(format!("{question:?}: {length} characters"));
        }
        let block = format!("> {question}\n\n```html\n{html}\n```");
        if !docs.contains(&block) {
            problems.push(format!(
                "not shown as rendered now ({length} characters):\n{block}"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "docs/telegram.md:\n{}",
        problems.join("\n\n")
    );
}

// /language

#[tokio::test]
async fn language_command_fixes_the_reply_language_per_chat_until_auto() {
    let question = "How long is the border?";
    let e = engine();
    let in_russian = text::answer(&Reply::to_question_in(
        &e,
        &e.ask(question),
        question,
        Lang::Ru,
    ));

    let mut bot = mock_bot(private("/language"));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(only(&sent), &text::language(kb(), Lang::En, None));

    bot.update(private("/language ru"));
    let sent = dispatch_texts(&mut bot).await;
    assert!(only(&sent).text.contains("по-русски"), "{:?}", sent);

    bot.update(private(question));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(only(&sent), &in_russian.html);

    // Another chat keeps answering in each question's language.
    let stranger = TestChat::private().id(778);
    bot.update(private(question).chat(stranger));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(only(&sent), &expected_answer(question).html);

    bot.update(private("/language auto"));
    dispatch_texts(&mut bot).await;
    bot.update(private(question));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(only(&sent), &expected_answer(question).html);
}

// Follow-ups

/// What the bot should send for `question` asked right after an answer with `after`, and the
/// record that answers it.
fn expected_follow_up(question: &str, after: &str) -> (text::Rendered, Option<String>) {
    let e = engine();
    let context = Context {
        record_id: after.to_owned(),
    };
    let outcome = e.ask_in_context(question, Some(&context)).outcome;
    let reply = Reply::to_question(&e, &outcome, question);
    let record = reply.record_id.clone();
    (text::answer(&reply), record)
}

#[tokio::test]
async fn a_follow_up_in_a_private_chat_is_about_the_last_answer() {
    let mut bot = mock_bot(private("How long is the border?"));
    let sent = dispatch_texts(&mut bot).await;
    assert!(only(&sent).text.contains("2,356.6"));

    bot.update(private("who signed it?"));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    let (expected, record) = expected_follow_up("who signed it?", "border-length");
    assert_eq!(record.as_deref(), Some("border-signatories"));
    assert_text(message, &expected.html);
    // Without the context, the same words get the allied treaty's signatories.
    assert_ne!(message.text, expected_answer("who signed it?").html);

    // The context is the chat's own: another private chat asking the same gets the plain answer.
    let stranger = TestChat::private().id(777);
    bot.update(private("who signed it?").chat(stranger));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(only(&sent), &expected_answer("who signed it?").html);

    // A complete question after an answer is answered as it would be without one.
    bot.update(private("When was the treaty signed?"));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(
        only(&sent),
        &expected_answer("When was the treaty signed?").html,
    );
}

#[tokio::test]
async fn a_russian_follow_up_asks_the_same_about_a_new_name() {
    let first = "Является ли Азербайджан союзником Узбекистана?";
    let mut bot = mock_bot(private(first));
    let sent = dispatch_texts(&mut bot).await;
    let e = engine();
    let reply = Reply::to_question(&e, &e.ask(first), first);
    assert_eq!(reply.record_id.as_deref(), Some("alliances-azerbaijan"));
    assert_text(only(&sent), &expected_answer(first).html);

    bot.update(private("а с Таджикистаном?"));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    let (expected, record) = expected_follow_up("а с Таджикистаном?", "alliances-azerbaijan");
    assert_eq!(record.as_deref(), Some("alliances-tajikistan"));
    assert_text(message, &expected.html);
    assert!(message.text.contains("Таджикистан"), "{}", message.text);

    // The follow-up's answer is now the context: "а когда?" asks when about Tajikistan.
    bot.update(private("а когда?"));
    let sent = dispatch_texts(&mut bot).await;
    let (expected, record) = expected_follow_up("а когда?", "alliances-tajikistan");
    assert_eq!(record.as_deref(), Some("alliances-tajikistan"));
    let message = only(&sent);
    assert_text(message, &expected.html);
    assert!(message.text.contains("феврал"), "{}", message.text);
}

// ---------------------------------------------------------------------------------------------
// Groups

#[tokio::test]
async fn group_commands_are_answered_as_replies() {
    for command in ["/help", "/help@test_bot", "/HELP@Test_Bot"] {
        let mut bot = mock_bot(group(command));
        let sent = dispatch_texts(&mut bot).await;
        let message = only(&sent);
        assert_text(message, &text::help(kb(), Lang::En, false));
        assert_eq!(
            replied_to(message),
            Some(MessageId(500)),
            "{command}: answers in groups reply to the asker"
        );
    }
}

#[tokio::test]
async fn group_ask_command_answers_the_question() {
    let mut bot = mock_bot(supergroup(&format!(
        "/ask@{BOT_NAME} How long is the border?"
    )));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    assert_text(message, &expected_answer("How long is the border?").html);
    assert_eq!(replied_to(message), Some(MessageId(600)));
}

#[tokio::test]
async fn commands_for_other_bots_are_ignored() {
    for text in [
        "/help@other_bot",
        "/ask@other_bot How long is the border?",
        "/start@SomeOtherBot",
    ] {
        let mut bot = mock_bot(group(text));
        assert!(
            dispatch_texts(&mut bot).await.is_empty(),
            "{text} was answered"
        );
    }
    // In a private chat too: the command names another bot.
    let mut bot = mock_bot(private("/help@other_bot"));
    assert!(dispatch_texts(&mut bot).await.is_empty());
}

#[tokio::test]
async fn group_chatter_is_ignored() {
    for text in [
        "hello everyone",
        "How long is the border?",
        "/weather",
        "email me at x@test_bot.com",
    ] {
        let mut bot = mock_bot(group(text));
        assert!(
            dispatch_texts(&mut bot).await.is_empty(),
            "{text:?} was answered"
        );
    }
}

#[tokio::test]
async fn an_unknown_command_addressed_to_the_bot_in_a_group_gets_a_hint() {
    let mut bot = mock_bot(group("/weather@test_bot"));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(
        only(&sent),
        &text::message(kb(), Lang::En, "unknown_command"),
    );
}

#[tokio::test]
async fn a_mention_in_a_group_is_a_question() {
    let mut bot = mock_bot(group(&format!("@{BOT_NAME} how long is the border?")));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    assert_text(message, &expected_answer("how long is the border?").html);
    assert_eq!(replied_to(message), Some(MessageId(500)));

    // A bare mention gets the how-to-ask hint.
    bot.update(group(&format!("@{BOT_NAME}")));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(
        only(&sent),
        &text::message(kb(), Lang::En, "group_how_to_ask"),
    );
}

#[tokio::test]
async fn a_reply_to_the_bot_in_a_group_is_a_question() {
    let earlier = TestMessage::text("an earlier answer")
        .from(me())
        .chat(TestChat::group())
        .id(400);
    let mut bot = mock_bot(group("And how long is the border?").reply_to_message(earlier));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    assert_text(
        message,
        &expected_answer("And how long is the border?").html,
    );
    assert_eq!(replied_to(message), Some(MessageId(500)));

    // A "thanks" or "👍" replying to the bot needs no answer in a group.
    for text in ["thanks!", "👍"] {
        let earlier = TestMessage::text("an earlier answer")
            .from(me())
            .chat(TestChat::group())
            .id(400);
        bot.update(group(text).reply_to_message(earlier));
        assert!(
            dispatch_texts(&mut bot).await.is_empty(),
            "{text:?} was answered in a group"
        );
    }
    // ...while in a private chat it gets its short reply.
    bot.update(private("thanks!"));
    assert!(!dispatch_texts(&mut bot).await.is_empty());

    // A reply to somebody else is chatter.
    let other = TestMessage::text("hi").chat(TestChat::group()).id(401);
    bot.update(group("How long is the border?").reply_to_message(other));
    assert!(dispatch_texts(&mut bot).await.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Suggestions, related questions and buttons

#[tokio::test]
async fn low_confidence_offers_suggestions_as_buttons_and_a_press_answers() {
    let question = low_confidence_question();
    let e = engine();
    let reply = Reply::new(&e, &e.ask(question), Lang::En);
    let mut bot = mock_bot(private(question));
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    assert_text(message, &text::answer(&reply).html);
    assert!(message
        .text
        .starts_with(&escape(kb().messages.get("en", "decline"))));
    assert!(message
        .text
        .ends_with(&escape(kb().messages.get("en", "decline_suggestions"))));
    let offered = buttons(message);
    assert!(
        !offered.is_empty() && offered.len() <= 3,
        "up to three suggestions: {offered:?}"
    );
    let labels: Vec<&str> = offered.iter().map(|(l, _)| l.as_str()).collect();
    let expected: Vec<String> = reply
        .suggestions
        .iter()
        .map(|s| shorten(&s.label, MAX_LABEL_CHARS))
        .collect();
    assert_eq!(labels, expected);

    // Pressing the first suggestion answers that entry.
    let (_, data) = &offered[0];
    let Some(Callback::Answer { record_id, .. }) = Callback::decode(data) else {
        panic!("bad data {data}")
    };
    bot.update(
        TestCallbackQuery::new()
            .data(data.clone())
            .message(private("(the bot's message)").id(700)),
    );
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert_eq!(
        responses.answered_callback_queries.len(),
        1,
        "the press is acknowledged"
    );
    assert_eq!(responses.answered_callback_queries[0].text, None);
    let answer = only(&responses.sent_messages);
    assert_text(answer, &expected_record(&record_id, Lang::En).html);
}

#[tokio::test]
async fn related_question_buttons_answer_their_entry() {
    let mut bot = mock_bot(private("How long is the border?"));
    let sent = dispatch_texts(&mut bot).await;
    // The question buttons, without the 👍/👎 row.
    let related: Vec<(String, String)> = buttons(only(&sent))
        .into_iter()
        .filter(|(_, data)| data.starts_with("a:"))
        .collect();
    assert!(!related.is_empty());
    assert!(sent[0]
        .text
        .ends_with(&escape(kb().messages.get("en", "related"))));
    for (label, data) in related {
        bot.update(
            TestCallbackQuery::new()
                .data(data.clone())
                .message(private("x").id(701)),
        );
        bot.dispatch().await;
        let responses = bot.get_responses();
        let Some(Callback::Answer { record_id, lang }) = Callback::decode(&data) else {
            panic!("bad data {data}")
        };
        assert_eq!(lang, Lang::En);
        let message = only(&responses.sent_messages);
        assert_text(message, &expected_record(&record_id, Lang::En).html);
        // The entry's short label when its question is too long for a phone's button.
        let record = engine().find(&record_id).expect("record");
        let short = engine().button_label(record, Lang::En);
        assert_eq!(shorten(&short, MAX_LABEL_CHARS), label);
        let question = engine().display_question(record, Lang::En);
        assert!(
            question.chars().count() <= MAX_LABEL_CHARS || !label.ends_with('…'),
            "a long question gets a short label, not a cut one: {label}"
        );
    }
}

#[tokio::test]
async fn a_button_press_in_a_group_replies_to_the_buttons_message() {
    let message = TestMessage::text("answer with buttons")
        .from(me())
        .chat(TestChat::group())
        .id(800);
    let mut bot = mock_bot(
        TestCallbackQuery::new()
            .data("a:en:border-length")
            .message(message),
    );
    let sent = dispatch_texts(&mut bot).await;
    let answer = only(&sent);
    assert_text(answer, &expected_record("border-length", Lang::En).html);
    assert_eq!(replied_to(answer), Some(MessageId(800)));
}

#[tokio::test]
async fn stale_or_unknown_buttons_get_a_polite_notice() {
    for data in ["a:en:no-such-entry", "garbage", "a:xx:border-length", ""] {
        let mut bot = mock_bot(
            TestCallbackQuery::new()
                .data(data)
                .message(private("x").id(702)),
        );
        bot.dispatch().await;
        let responses = bot.get_responses();
        assert!(
            responses.sent_messages.is_empty(),
            "{data:?}: nothing is sent to the chat"
        );
        assert_eq!(responses.answered_callback_queries.len(), 1);
        assert_eq!(
            responses.answered_callback_queries[0].text.as_deref(),
            Some(kb().messages.get("en", "stale_button"))
        );
    }
    // A callback without data (a game button) is handled the same way.
    let mut bot = mock_bot(TestCallbackQuery::new().message(private("x").id(703)));
    bot.dispatch().await;
    assert_eq!(bot.get_responses().answered_callback_queries.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Inline mode

/// The limits Telegram enforces on an inline result's message, which the fake does not.
#[track_caller]
fn assert_article_within_limits(result: &serde_json::Value) {
    assert_eq!(result["type"], "article", "{result}");
    let content = &result["input_message_content"];
    assert_eq!(content["parse_mode"], "HTML", "{result}");
    let html = content["message_text"].as_str().expect("a message text");
    assert!(!html.trim().is_empty(), "empty message");
    assert!(html.chars().count() <= TELEGRAM_MESSAGE_LIMIT);
    assert!(balanced(html), "unbalanced HTML: {html}");
}

#[tokio::test]
async fn inline_queries_get_cited_articles_and_an_empty_one_the_starting_points() {
    let question = "How long is the border?";
    let mut bot = mock_bot(TestInlineQuery::new(question).id("iq-1"));
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert!(
        responses.sent_messages.is_empty(),
        "an inline answer is the query's answer, not a message"
    );
    let [answer] = &responses.answered_inline_queries[..] else {
        panic!("one answer: {:#?}", responses.calls)
    };
    assert_eq!(answer.inline_query_id, "iq-1");
    let expected = serde_json::to_value(inline_results(&engine(), question, Lang::En))
        .expect("results serialise");
    assert_eq!(serde_json::Value::Array(answer.results.clone()), expected);
    assert!(
        !answer.results.is_empty() && answer.results.len() <= MAX_INLINE_RESULTS,
        "{:#?}",
        answer.results
    );
    assert_eq!(answer.results[0]["id"], "border-length");
    assert!(answer.results[0]["input_message_content"]["message_text"]
        .as_str()
        .is_some_and(|t| t.contains("2,356.6")));
    answer.results.iter().for_each(assert_article_within_limits);
    assert_eq!(answer.cache_time, Some(300));
    assert_ne!(
        answer.is_personal,
        Some(true),
        "the same answer for everyone"
    );
    assert_eq!(
        answer.button, None,
        "answered: no button to the private chat"
    );

    // An empty query: the starting points in the user's language, never cached for all, and
    // a button that opens the private chat.
    bot.update(TestInlineQuery::new("").from(TestUser::new().language_code("ru")));
    bot.dispatch().await;
    let responses = bot.get_responses();
    let [answer] = &responses.answered_inline_queries[..] else {
        panic!("one answer: {:#?}", responses.calls)
    };
    let ids: Vec<&str> = answer
        .results
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    let starting: Vec<&str> = STARTING_POINTS
        .iter()
        .copied()
        .filter(|id| engine().find(id).is_some())
        .collect();
    assert_eq!(ids, starting);
    answer.results.iter().for_each(assert_article_within_limits);
    assert_eq!(answer.is_personal, Some(true));
    let button = answer.button.as_ref().expect("a button");
    assert_eq!(
        button["text"],
        kb().messages.get("ru", "inline_empty_title")
    );
    assert_eq!(button["start_parameter"], "inline");
}

#[tokio::test]
async fn inline_queries_over_the_limit_get_one_empty_answer_carrying_the_notice() {
    // One question a minute allows INLINE_QUERIES_PER_QUESTION inline queries.
    let allowed = INLINE_QUERIES_PER_QUESTION as usize;
    let queries: Vec<TestInlineQuery> = (0..allowed + 2)
        .map(|i| TestInlineQuery::new("How long is the border?").id(&format!("iq-{i}")))
        .collect();
    let mut bot = mock_bot_with(queries, engine(), BotState::new(1, None));
    bot.dispatch().await;
    let responses = bot.get_responses();
    let answers = &responses.answered_inline_queries;
    assert_eq!(
        answers.len(),
        allowed + 1,
        "the allowed ones, one notice, then silence: {answers:#?}"
    );
    for answer in &answers[..allowed] {
        assert!(!answer.results.is_empty() && answer.button.is_none());
    }
    let notice = &answers[allowed];
    assert_eq!(notice.inline_query_id, format!("iq-{allowed}"));
    assert!(notice.results.is_empty());
    assert_eq!(
        notice.cache_time,
        Some(0),
        "answered normally once the minute is over"
    );
    let button = notice.button.as_ref().expect("the notice is the button");
    assert_eq!(button["text"], kb().messages.get("en", "rate_limited"));
    assert!(responses.sent_messages.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Non-text, edited and bot messages

#[tokio::test]
async fn non_text_messages_get_a_hint_in_private_and_silence_in_groups() {
    let hint = text::message(kb(), Lang::En, "non_text");
    let mut bot = mock_bot(TestMessage::sticker());
    assert_text(only(&dispatch_texts(&mut bot).await), &hint);
    bot.update(TestMessage::photo());
    assert_text(only(&dispatch_texts(&mut bot).await), &hint);
    bot.update(TestMessage::voice());
    assert_text(only(&dispatch_texts(&mut bot).await), &hint);

    bot.update(TestMessage::sticker().chat(TestChat::group()));
    assert!(dispatch_texts(&mut bot).await.is_empty());
    bot.update(TestMessage::photo().chat(TestChat::supergroup()));
    assert!(dispatch_texts(&mut bot).await.is_empty());
}

#[tokio::test]
async fn edited_messages_are_ignored() {
    let mut bot = mock_bot(EditedMessage(private("How long is the border?")));
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert!(responses.sent_messages.is_empty());
}

#[tokio::test]
async fn bots_are_never_answered() {
    let other_bot = TestUser::new()
        .id(999)
        .bot(true)
        .first_name("Other")
        .username("other_bot");
    let mut bot = mock_bot(private("How long is the border?").from(other_bot.clone()));
    assert!(dispatch_texts(&mut bot).await.is_empty());
    bot.update(group("/help").from(other_bot));
    assert!(dispatch_texts(&mut bot).await.is_empty());
    // Our own message (as when an inline answer is posted through us) is not a question either.
    bot.update(group(&format!("@{BOT_NAME} how long is the border?")).from(me()));
    assert!(dispatch_texts(&mut bot).await.is_empty());
    bot.update(private("How long is the border?").via_bot(me()));
    assert!(dispatch_texts(&mut bot).await.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Length, escaping, rate limit, unanswered log

/// The engine with the `border-length` answer replaced.
fn engine_with_border_answer(answer: &str) -> Arc<Engine> {
    let mut kb = KnowledgeBase::embedded().expect("embedded knowledge");
    let entry = kb
        .entries
        .iter_mut()
        .find(|e| e.id == "border-length")
        .expect("entry");
    entry.answer = answer.to_owned();
    Arc::new(Engine::new(kb))
}

#[tokio::test]
async fn a_long_answer_is_split_at_paragraphs_with_the_buttons_on_the_last_part() {
    let paragraph =
        "The border between Kazakhstan & Uzbekistan is described in detail here. ".repeat(12);
    let long = vec![paragraph.trim().to_owned(); 12].join("\n\n");
    assert!(long.chars().count() > 2 * TELEGRAM_MESSAGE_LIMIT);
    let e = engine_with_border_answer(&long);
    let mut bot = mock_bot_with(
        group("/ask How long is the border?"),
        e.clone(),
        BotState::new(20, None),
    );
    let sent = dispatch_texts(&mut bot).await;
    assert!(sent.len() >= 3, "{} parts", sent.len());
    for (i, part) in sent.iter().enumerate() {
        assert_within_limits(part);
        assert_eq!(part.parse_mode, Some(ParseMode::Html));
        assert!(
            part.text.ends_with('.') || i == sent.len() - 1,
            "part {i} cut inside a paragraph"
        );
        assert_eq!(
            replied_to(part),
            (i == 0).then_some(MessageId(500)),
            "only the first part replies"
        );
        assert_eq!(
            part.reply_markup.is_some(),
            i == sent.len() - 1,
            "buttons go under the last part"
        );
    }
    let words: usize = sent
        .iter()
        .map(|p| p.text.matches("described").count())
        .sum();
    assert_eq!(words, 12 * 12, "no text lost");
    assert!(sent.last().expect("parts").text.contains("<b>Sources</b>"));
}

#[tokio::test]
async fn hostile_html_is_escaped() {
    // From the knowledge base…
    let e = engine_with_border_answer("<b>&</b> <a href=\"x\">link</a>");
    let mut bot = mock_bot_with(
        private("How long is the border?"),
        e,
        BotState::new(20, None),
    );
    let sent = dispatch_texts(&mut bot).await;
    let message = only(&sent);
    assert_within_limits(message);
    assert!(
        message
            .text
            .starts_with("&lt;b&gt;&amp;&lt;/b&gt; &lt;a href=&quot;x&quot;&gt;link&lt;/a&gt;"),
        "{}",
        message.text
    );
    // …and from users: whatever they type, the reply is valid HTML.
    for hostile in ["<b>&</b>", "/ask <b>&</b>", "/article <i>", "/start <b>"] {
        let mut bot = mock_bot(private(hostile));
        let sent = dispatch_texts(&mut bot).await;
        for message in &sent {
            assert_within_limits(message);
            assert!(!message.text.contains("<b>&</b>"));
        }
        assert_eq!(sent.len(), 1, "{hostile}");
    }
}

#[tokio::test]
async fn the_rate_limit_is_announced_once() {
    let questions: Vec<TestMessage> = (0..5).map(|_| private("How long is the border?")).collect();
    let mut bot = mock_bot_with(questions, engine(), BotState::new(2, None));
    let sent = dispatch_texts(&mut bot).await;
    let texts: Vec<&str> = sent.iter().map(|s| s.text.as_str()).collect();
    let answer = expected_answer("How long is the border?").html;
    let notice = text::message(kb(), Lang::En, "rate_limited");
    assert_eq!(
        texts,
        vec![answer.as_str(), answer.as_str(), notice.as_str()],
        "two answers, one notice, then silence"
    );
    for message in &sent {
        assert_eq!(message.parse_mode, Some(ParseMode::Html));
    }

    // Button presses and commands count too; the notice has already been given, so they are
    // dropped without a word (not even an answer to the press).
    bot.update(
        TestCallbackQuery::new()
            .data("a:en:border-length")
            .message(private("x").id(704)),
    );
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert!(responses.sent_messages.is_empty());
    assert!(responses.answered_callback_queries.is_empty());
    bot.update(private("/help"));
    assert!(dispatch_texts(&mut bot).await.is_empty());
}

#[tokio::test]
async fn a_button_press_over_the_limit_gets_the_notice_as_a_toast() {
    let mut bot = mock_bot_with(private("/help"), engine(), BotState::new(1, None));
    assert_eq!(dispatch_texts(&mut bot).await.len(), 1);
    bot.update(
        TestCallbackQuery::new()
            .data("a:en:border-length")
            .message(private("x").id(705)),
    );
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert!(responses.sent_messages.is_empty());
    let answered = &responses.answered_callback_queries;
    assert_eq!(answered.len(), 1);
    let notice = kb().messages.get("en", "rate_limited");
    assert_eq!(answered[0].text.as_deref(), Some(notice));
}

#[tokio::test]
async fn declined_questions_are_logged_without_user_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("unanswered.jsonl");
    let state = BotState::new(20, Some(QuestionLog::new(&path)));
    let user = TestUser::new()
        .id(4242)
        .username("someone")
        .first_name("Aigerim")
        .language_code("ru");
    let updates = vec![
        private("What is the population of Tashkent?").from(user.clone()),
        private("How long is the border?").from(user.clone()),
        group(&format!(
            "@{BOT_NAME} tell me about water sharing on the Syr Darya river"
        ))
        .from(user),
    ];
    let mut bot = mock_bot_with(updates, engine(), state);
    bot.dispatch().await;
    let log = std::fs::read_to_string(&path).expect("the log was written");
    let mut lines: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    // The private chat and the group are handled concurrently: order by chat type.
    lines.sort_by_key(|l| l["chat_type"] != "private");
    assert_eq!(lines.len(), 2, "only the declined questions: {log}");
    assert_eq!(lines[0]["question"], "What is the population of Tashkent?");
    assert_eq!(lines[0]["chat_type"], "private");
    assert_eq!(lines[0]["language_code"], "ru");
    assert_eq!(lines[1]["chat_type"], "group");
    assert_eq!(
        lines[1]["question"],
        "tell me about water sharing on the Syr Darya river"
    );
    assert!(lines[0]["time"].as_str().is_some_and(|t| t.ends_with('Z')));
    for needle in ["4242", "someone", "Aigerim", &PRIVATE_CHAT_ID.to_string()] {
        assert!(
            !log.contains(needle),
            "the log contains user data `{needle}`: {log}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Feedback: 👍/👎 and /feedback

/// A user whose id and names must never reach the question log or the admin chat.
fn identifiable_user() -> TestUser {
    TestUser::new()
        .id(4242)
        .username("someone")
        .first_name("Aigerim")
        .last_name("Nurlanovna")
        .language_code("en")
}

#[track_caller]
fn assert_no_user_data(text: &str) {
    for needle in [
        "4242",
        "someone",
        "Aigerim",
        "Nurlanovna",
        &PRIVATE_CHAT_ID.to_string(),
    ] {
        assert!(!text.contains(needle), "user data `{needle}` in: {text}");
    }
}

/// The JSON lines of a question log.
fn log_lines(path: &std::path::Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

#[tokio::test]
async fn answers_end_with_a_thumbs_row_and_declines_have_none() {
    let mut bot = mock_bot(private("How long is the border?"));
    let sent = dispatch_texts(&mut bot).await;
    let Some(ReplyMarkup::InlineKeyboard(keyboard)) = &only(&sent).reply_markup else {
        panic!("an answer has buttons")
    };
    let rows = &keyboard.inline_keyboard;
    let last: Vec<(String, String)> = buttons(&sent[0])
        .into_iter()
        .skip(rows[..rows.len() - 1].iter().map(Vec::len).sum())
        .collect();
    let share = format!(
        "https://t.me/share/url?url=https%3A%2F%2Ft.me%2F{BOT_NAME}%3Fstart%3Dborder-length&text="
    );
    assert_eq!(last.len(), 3, "{last:?}");
    assert_eq!(
        last[..2],
        [
            (THUMBS_UP.to_owned(), "f:u:border-length".to_owned()),
            (THUMBS_DOWN.to_owned(), "f:d:border-length".to_owned())
        ],
        "one row, 👍 then 👎, about the entry answered"
    );
    assert_eq!(last[2].0, "🔗 Share");
    assert!(
        last[2].1.starts_with(&share),
        "then a share link to the same entry: {}",
        last[2].1
    );
    assert!(
        rows[..rows.len() - 1].iter().all(|row| row.len() == 1),
        "the question buttons keep their own rows"
    );

    bot.update(private(low_confidence_question()));
    let sent = dispatch_texts(&mut bot).await;
    assert!(
        buttons(only(&sent))
            .iter()
            .all(|(_, d)| !d.starts_with("f:")),
        "a decline is not an answer to judge"
    );
}

#[tokio::test]
async fn a_thumbs_down_is_logged_with_its_question_once_and_acknowledged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("questions.jsonl");
    let state = BotState::new(20, Some(QuestionLog::new(&path)));
    let user = identifiable_user();
    let question = "How long is the border?";
    let mut bot = mock_bot_with(private(question).from(user.clone()), engine(), state);
    let sent = dispatch_texts(&mut bot).await;
    let answer_id = only(&sent).id;
    let before = log_lines(&path).len();

    let press = || {
        TestCallbackQuery::new()
            .data("f:d:border-length")
            .from(user.clone())
            .message(private("(the bot's answer)").id(answer_id.0))
    };
    bot.update(press());
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert!(responses.sent_messages.is_empty(), "a 👎 asks nothing more");
    let toasts = &responses.answered_callback_queries;
    assert_eq!(toasts.len(), 1, "the press is acknowledged");
    assert_eq!(
        toasts[0].text.as_deref(),
        Some(kb().messages.get("en", "feedback_thanks_down"))
    );
    let lines = log_lines(&path);
    assert_eq!(
        lines.len(),
        before + 1,
        "one line for the press: {lines:#?}"
    );
    let line = &lines[before];
    assert_eq!(line["outcome"], "feedback");
    assert_eq!(line["verdict"], "down");
    assert_eq!(
        line["question"], question,
        "the question comes back from memory"
    );
    assert_eq!(line["entry"], "border-length");
    assert!(line["score"].as_f64().is_some_and(|s| s > 0.0), "{line}");
    assert_eq!(line["lang"], "en");
    assert_eq!(line["chat_type"], "private");

    // Pressing again: acknowledged, not recorded twice.
    bot.update(press());
    bot.dispatch().await;
    let toasts = bot.get_responses().answered_callback_queries;
    assert_eq!(
        toasts[0].text.as_deref(),
        Some(kb().messages.get("en", "feedback_already"))
    );
    assert_eq!(log_lines(&path).len(), before + 1, "recorded once");

    // A 👍 on a message the bot does not remember: logged with the entry only.
    bot.update(
        TestCallbackQuery::new()
            .data("f:u:treaty-signing-date")
            .from(user.clone())
            .message(private("(an old answer)").id(9_999)),
    );
    bot.dispatch().await;
    let lines = log_lines(&path);
    let last = lines.last().expect("a line");
    assert_eq!(last["verdict"], "up");
    assert_eq!(last["entry"], "treaty-signing-date");
    assert_eq!(last["question"], serde_json::Value::Null);

    assert_no_user_data(&std::fs::read_to_string(&path).expect("log"));
}

#[tokio::test]
async fn feedback_is_forwarded_to_the_admin_chat_without_user_data() {
    const ADMIN: i64 = -100_777;
    let state = BotState::new(20, None).with_admin_chat(Some(ChatId(ADMIN)));
    let words = "The border answer is <outdated> & wrong";
    let mut bot = mock_bot_with(
        private(&format!("/feedback {words}")).from(identifiable_user()),
        engine(),
        state,
    );
    let sent = dispatch_texts(&mut bot).await;
    assert_eq!(sent.len(), 2, "one to the admin chat, one to the user");
    let (to_admin, to_user): (Vec<_>, Vec<_>) =
        sent.iter().partition(|m| m.chat_id == ChatId(ADMIN));
    let forwarded = &to_admin[0].text;
    assert_within_limits(to_admin[0]);
    assert!(forwarded.contains(&escape(words)), "{forwarded}");
    assert!(
        forwarded.contains("private") && forwarded.contains("en"),
        "{forwarded}"
    );
    assert_no_user_data(forwarded);
    assert_text(to_user[0], &text::message(kb(), Lang::En, "feedback_sent"));

    // Without ADMIN_CHAT_ID: said so; without text: the usage.
    let mut bot = mock_bot(private("/feedback the answer is wrong"));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(
        only(&sent),
        &text::message(kb(), Lang::En, "feedback_not_configured"),
    );
    bot.update(private("/feedback"));
    let sent = dispatch_texts(&mut bot).await;
    assert_text(
        only(&sent),
        &text::message(kb(), Lang::En, "feedback_usage"),
    );
}
