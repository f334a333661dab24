//! The Telegram HTML of every reply: answers with their buttons, and the fixed texts of the
//! commands. Pure functions over the engine and `messages.toml`, so they are unit-tested without
//! a bot. Everything from the knowledge base and from users is escaped with
//! [`crate::answer::html::escape`]; the only markup added here is `<b>` for headings.

use crate::answer::html::escape;
use crate::answer::{byline, covered_articles, Reply};
use crate::knowledge::{KnowledgeBase, PartialDate};
use crate::matching::{Engine, Lang};
use teloxide::types::InlineKeyboardMarkup;

use super::commands::{Command, LanguageChoice};
use super::handlers::deep_link;
use super::keyboards::{
    answer_button, feedback_row, share_button, suggestions_keyboard, MAX_RELATED,
};

/// A message ready to send: HTML (possibly longer than one Telegram message; the sender
/// splits it) and the buttons to put under its last part.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub html: String,
    pub keyboard: Option<InlineKeyboardMarkup>,
}

impl Rendered {
    pub fn text(html: String) -> Self {
        Self {
            html,
            keyboard: None,
        }
    }
}

/// A fixed text from `messages.toml`, escaped.
pub fn message(kb: &KnowledgeBase, lang: Lang, key: &str) -> String {
    escape(kb.messages.get(lang.code(), key))
}

/// The full answer to a record, as if the user had asked exactly its question.
pub fn record_reply(engine: &Engine, record: usize, lang: Lang) -> Reply {
    Reply::new(engine, &engine.show(record), lang)
}

/// An answer (or decline) with its citations; "did you mean" suggestions, then related
/// questions, become buttons, introduced by the heading of the first group shown. An answer
/// (not a decline) ends with the 👍/👎 row.
pub fn answer(reply: &Reply) -> Rendered {
    let mut html = reply.html();
    if reply.suggestions_heading.is_none() && !reply.related.is_empty() {
        html.push_str(&format!("\n\n{}", escape(&reply.related_heading)));
    }
    let related = reply.related.iter().take(MAX_RELATED);
    let mut keyboard = suggestions_keyboard(reply.suggestions.iter().chain(related), reply.lang);
    if reply.answered {
        if let Some(row) = feedback_row(reply.record_id.as_deref()) {
            keyboard = Some(match keyboard {
                Some(keyboard) => keyboard.append_row(row),
                None => InlineKeyboardMarkup::new([row]),
            });
        }
    }
    Rendered { html, keyboard }
}

/// `rendered` with a share button for `record` at the end of its last row, the 👍/👎 row of an
/// answer; unchanged without a record (a decline, an answer computed from the timeline), without
/// a keyboard, or for a bot without a username.
pub fn with_share(
    mut rendered: Rendered,
    engine: &Engine,
    record: Option<usize>,
    lang: Lang,
    bot_username: &str,
) -> Rendered {
    let Some(record) = record else {
        return rendered;
    };
    let label = engine.knowledge().messages.get(lang.code(), "share_button");
    let question = engine.display_question(record, lang);
    let record_id = &engine.record(record).id;
    let button = share_button(label, bot_username, record_id, &question);
    if let (Some(button), Some(keyboard)) = (button, rendered.keyboard.as_mut()) {
        if let Some(last) = keyboard.inline_keyboard.last_mut() {
            last.push(button);
        }
    }
    rendered
}

/// The answer to a record reached by a button or a deep link, starting with the question it
/// answers in bold: the user did not type it, and in a group others did not see it asked.
pub fn record_answer(engine: &Engine, record: usize, lang: Lang) -> Rendered {
    let mut rendered = answer(&record_reply(engine, record, lang));
    let question = engine.display_question(record, lang);
    rendered.html = format!("<b>{}</b>\n\n{}", escape(&question), rendered.html);
    rendered
}

/// `/start`: the greeting and how to ask (in groups, how to address the bot).
pub fn greeting(kb: &KnowledgeBase, lang: Lang, private: bool) -> String {
    let how = if private {
        "how_to_ask"
    } else {
        "group_how_to_ask"
    };
    format!(
        "{}\n\n{}",
        message(kb, lang, "greeting"),
        message(kb, lang, how)
    )
}

/// `/help`: the commands with their descriptions from `messages.toml`.
pub fn help(kb: &KnowledgeBase, lang: Lang, private: bool) -> String {
    let mut html = message(kb, lang, "help_intro");
    html.push('\n');
    for command in super::commands::menu(&kb.messages, lang) {
        html.push_str(&format!(
            "\n/{} — {}",
            command.command,
            escape(&command.description)
        ));
    }
    let how = if private {
        "how_to_ask"
    } else {
        "group_how_to_ask"
    };
    html.push_str(&format!("\n\n{}", message(kb, lang, how)));
    html
}

/// `/articles`: one line per covered article, and the same articles as buttons.
pub fn articles(engine: &Engine, lang: Lang) -> Rendered {
    let kb = engine.knowledge();
    let mut html = format!("<b>{}</b>\n", message(kb, lang, "articles_heading"));
    let mut rows = Vec::new();
    for article in kb.articles_by_number() {
        let id = format!("article-{}", article.number);
        let Some(record) = engine.find(&id) else {
            continue;
        };
        let label = engine.display_question(record, lang);
        html.push_str(&format!("\n{}", escape(&label)));
        if let Some(button) = answer_button(&label, lang, &id) {
            rows.push(vec![button]);
        }
    }
    let keyboard = (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows));
    Rendered { html, keyboard }
}

/// The reply to a command that needs only the engine — all but `/ask QUESTION`, `/feedback`
/// and `/language` (`None`) — the same in Telegram and in the terminal's `chat`.
pub fn command_reply(
    engine: &Engine,
    command: &Command,
    lang: Lang,
    private: bool,
) -> Option<Rendered> {
    let kb = engine.knowledge();
    let fixed = |key: &str| Rendered::text(message(kb, lang, key));
    Some(match command {
        Command::Start(payload) => match deep_link(engine, payload) {
            Some(record) => record_answer(engine, record, lang),
            None => Rendered::text(greeting(kb, lang, private)),
        },
        Command::Help => Rendered::text(help(kb, lang, private)),
        Command::Ask(question) if question.is_empty() => fixed("ask_usage"),
        Command::Articles => articles(engine, lang),
        Command::Article(arg) => article(engine, lang, arg),
        Command::Agreements => Rendered::text(agreements(kb, lang)),
        Command::Timeline => Rendered::text(timeline(kb, lang)),
        Command::Sources => Rendered::text(sources(kb, lang)),
        Command::About => fixed("about"),
        Command::Privacy => fixed("privacy"),
        Command::Ask(_) | Command::Feedback(_) | Command::Language(_) => return None,
    })
}

/// `/article N`: that article, or what works when N is not a covered article number.
pub fn article(engine: &Engine, lang: Lang, arg: &str) -> Rendered {
    let kb = engine.knowledge();
    match arg.trim_start_matches('№').trim().parse::<u32>() {
        Err(_) => Rendered::text(article_usage(kb, lang)),
        Ok(number) => match engine.find(&format!("article-{number}")) {
            Some(record) => record_answer(engine, record, lang),
            None => Rendered::text(article_unknown(kb, lang, number)),
        },
    }
}

/// `/language` with the chat's choice made (`Some`) or shown with the usage (`None`).
pub fn language(kb: &KnowledgeBase, lang: Lang, choice: Option<LanguageChoice>) -> String {
    let key = match choice {
        Some(LanguageChoice::Fixed(Lang::En)) => "language_set_en",
        Some(LanguageChoice::Fixed(Lang::Ru)) => "language_set_ru",
        Some(LanguageChoice::Auto) => "language_set_auto",
        None => "language_usage",
    };
    message(kb, lang, key)
}

/// `/article N` with a bad or missing N: the usage and the articles that exist.
pub fn article_usage(kb: &KnowledgeBase, lang: Lang) -> String {
    escape(&kb.messages.format(
        lang.code(),
        "article_usage",
        &[("covered", &covered_articles(kb, lang.code()))],
    ))
}

/// `/article N` for an article the documents do not cover.
pub fn article_unknown(kb: &KnowledgeBase, lang: Lang, number: u32) -> String {
    let code = lang.code();
    let text = format!(
        "{} {}",
        kb.messages
            .format(code, "article_unknown", &[("number", &number.to_string())]),
        covered_articles(kb, code)
    );
    escape(&text)
}

/// `/agreements`: every agreement with its date, oldest first.
pub fn agreements(kb: &KnowledgeBase, lang: Lang) -> String {
    let code = lang.code();
    let mut html = format!("<b>{}</b>\n", message(kb, lang, "agreements_heading"));
    for agreement in kb.agreements_by_date() {
        let name = match (lang, &agreement.ru) {
            (Lang::Ru, Some(ru)) => ru.name.clone().unwrap_or_else(|| agreement.name.clone()),
            _ => agreement.name.clone(),
        };
        let line = kb.messages.format(
            code,
            "agreement_line",
            &[("date", &show_date(&agreement.date, code)), ("name", &name)],
        );
        html.push_str(&format!("\n• {}", escape(&line)));
    }
    html
}

/// `/timeline`: the chronology, oldest first.
pub fn timeline(kb: &KnowledgeBase, lang: Lang) -> String {
    let code = lang.code();
    let mut html = format!("<b>{}</b>\n", message(kb, lang, "timeline_heading"));
    for event in kb.events_by_date() {
        let text = match (lang, &event.ru) {
            (Lang::Ru, Some(ru)) => ru.text.clone().unwrap_or_else(|| event.text.clone()),
            _ => event.text.clone(),
        };
        let line = kb.messages.format(
            code,
            "timeline_line",
            &[
                ("date", &show_date(&event.date, code)),
                ("text", text.trim()),
            ],
        );
        html.push_str(&format!("\n• {}", escape(&line)));
    }
    html
}

/// `/sources`: the documents with author, outlet and date.
pub fn sources(kb: &KnowledgeBase, lang: Lang) -> String {
    let code = lang.code();
    let mut html = format!("<b>{}</b>\n", message(kb, lang, "sources_list_heading"));
    for source in &kb.sources {
        let line = kb.messages.format(
            code,
            "source_line",
            &[
                ("title", &source.title),
                ("byline", &byline(kb, &source.id).unwrap_or_default()),
                ("date", &show_date(&source.date, code)),
            ],
        );
        html.push_str(&format!("\n• {}", escape(&line)));
    }
    html
}

/// A knowledge-base date in words ("22 December 2022"), or as written when it does not parse.
fn show_date(date: &str, lang: &str) -> String {
    PartialDate::parse(date).map_or_else(|| date.to_owned(), |d| d.display(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::html::{split_html, tags_balanced, TELEGRAM_MESSAGE_LIMIT};
    use std::sync::OnceLock;

    fn engine() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(|| Engine::new(KnowledgeBase::embedded().expect("embedded knowledge")))
    }

    fn all_texts() -> Vec<String> {
        let e = engine();
        let kb = e.knowledge();
        let mut texts = Vec::new();
        for lang in [Lang::En, Lang::Ru] {
            for private in [true, false] {
                texts.push(greeting(kb, lang, private));
                texts.push(help(kb, lang, private));
            }
            texts.push(articles(e, lang).html);
            texts.push(agreements(kb, lang));
            texts.push(timeline(kb, lang));
            texts.push(sources(kb, lang));
            texts.push(article_usage(kb, lang));
            texts.push(article_unknown(kb, lang, 99));
            for record in 0..e.records().len() {
                texts.push(answer(&record_reply(e, record, lang)).html);
            }
        }
        texts
    }

    #[test]
    fn every_text_splits_into_parts_telegram_accepts() {
        for html in all_texts() {
            assert!(!html.trim().is_empty());
            for part in split_html(&html, TELEGRAM_MESSAGE_LIMIT) {
                assert!(part.chars().count() <= TELEGRAM_MESSAGE_LIMIT);
                assert!(
                    crate::answer::html::tags_balanced(&part),
                    "unbalanced HTML: {part}"
                );
                // Only the markup this module adds: no stray `<` from the knowledge base.
                let stripped = part
                    .replace("<b>", "")
                    .replace("</b>", "")
                    .replace("<i>", "")
                    .replace("</i>", "")
                    .replace("<blockquote expandable>", "")
                    .replace("<blockquote>", "")
                    .replace("</blockquote>", "");
                assert!(
                    !stripped.contains('<') && !stripped.contains('>'),
                    "unescaped markup: {part}"
                );
            }
        }
    }

    #[test]
    fn hostile_knowledge_is_escaped() {
        let mut kb = KnowledgeBase::embedded().expect("embedded knowledge");
        kb.entries[0].answer = "<b>&</b> <script>".to_owned();
        kb.agreements[0].name = "A & B <i>".to_owned();
        let e = Engine::new(kb);
        let record = e.find(&e.knowledge().entries[0].id).expect("entry");
        let html = answer(&record_reply(&e, record, Lang::En)).html;
        assert!(
            html.starts_with("&lt;b&gt;&amp;&lt;/b&gt; &lt;script&gt;"),
            "{html}"
        );
        assert!(agreements(e.knowledge(), Lang::En).contains("A &amp; B &lt;i&gt;"));
    }

    #[test]
    fn an_answer_puts_suggestions_then_related_questions_on_buttons() {
        let e = engine();
        let reply = Reply::new(e, &e.ask("How long is the border?"), Lang::En);
        assert!(
            reply.answered && !reply.related.is_empty(),
            "the border entry lists related questions"
        );
        let rendered = answer(&reply);
        assert!(
            rendered.html.ends_with(&escape(&reply.related_heading)),
            "{}",
            rendered.html
        );
        let keyboard = rendered.keyboard.expect("buttons");
        let (feedback, questions) = keyboard.inline_keyboard.split_last().expect("rows");
        let labels: Vec<&str> = questions.iter().map(|row| row[0].text.as_str()).collect();
        let feedback: Vec<&str> = feedback.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(feedback, ["👍", "👎"], "the feedback row comes last");
        let expected: Vec<String> = reply
            .suggestions
            .iter()
            .chain(&reply.related)
            .map(|s| {
                super::super::keyboards::shorten(&s.label, super::super::keyboards::MAX_LABEL_CHARS)
            })
            .collect();
        assert_eq!(labels, expected);
    }

    #[test]
    fn lists_name_every_item() {
        let e = engine();
        let kb = e.knowledge();
        assert_eq!(
            agreements(kb, Lang::En).matches("\n• ").count(),
            kb.agreements.len()
        );
        assert_eq!(
            timeline(kb, Lang::En).matches("\n• ").count(),
            kb.events.len()
        );
        assert_eq!(
            sources(kb, Lang::En).matches("\n• ").count(),
            kb.sources.len()
        );
        let listed = articles(e, Lang::En);
        assert_eq!(
            listed.keyboard.expect("buttons").inline_keyboard.len(),
            kb.articles.len()
        );
        assert!(help(kb, Lang::En, true).contains("/article — "));
        assert!(article_unknown(kb, Lang::En, 99).contains("99"));
    }

    #[test]
    fn answers_name_each_source_once_and_fold_the_quotes() {
        let e = engine();
        for question in [
            "How long is the border?",
            "When was the allied relations treaty signed?",
            "What does article 4 say?",
            "Who are Uzbekistan's allies?",
            "Когда подписали договор о союзнических отношениях?",
        ] {
            let reply = Reply::new(e, &e.ask(question), Lang::detect(question));
            assert!(reply.answered, "{question}");
            let html = reply.html();
            assert!(tags_balanced(&html), "{html}");
            let (visible, folded) = html
                .split_once("<blockquote expandable>")
                .unwrap_or_else(|| panic!("quotes are folded: {html}"));
            // Every quote is in the folded part, none in the visible one.
            for c in &reply.citations {
                assert!(folded.contains(&escape(&c.quote)), "{html}");
                assert!(!visible.contains(&escape(&c.quote)), "{html}");
            }
            // Each source document is named once, by its title without the subtitle.
            let sources = visible
                .split(&escape(&reply.sources_heading))
                .nth(1)
                .unwrap_or("");
            for c in &reply.citations {
                let title = c
                    .title
                    .split_once(": ")
                    .map_or(c.title.as_str(), |(t, _)| t);
                let line = format!("<i>{}</i>,", escape(title));
                assert_eq!(sources.matches(&line).count(), 1, "{question}: {html}");
            }
        }
    }
}
