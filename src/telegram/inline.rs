//! Inline mode (`@bot question` in any chat): the results are built by the pure
//! [`inline_results`], unit-tested here for Telegram's limits (which the fake Bot API of the
//! integration tests does not enforce); `tests/telegram.rs` checks that the handler sends them.
//!
//! Each result is an article whose message is the full cited answer. The message of an inline
//! result cannot be split, so an answer longer than Telegram's limit is cut at a paragraph
//! boundary with a note saying so.

use crate::answer::html::{escape, split_html, TELEGRAM_MESSAGE_LIMIT};
use crate::matching::{Decline, Engine, Lang, Outcome};
use teloxide::types::{
    InlineQueryResult, InlineQueryResultArticle, InputMessageContent, InputMessageContentText,
    ParseMode,
};

use super::keyboards::shorten;
use super::text::record_reply;

/// Telegram shows at most this many of our answers per query (the issue asks for five).
pub const MAX_INLINE_RESULTS: usize = 5;

/// The preview line under a result's title is cut to this many characters.
pub const DESCRIPTION_CHARS: usize = 120;

/// What an empty inline query offers: the questions people start with (the treaty, its date,
/// the border, trade, the 2021 declaration). Ids missing from the knowledge base are skipped.
pub const STARTING_POINTS: &[&str] = &[
    "treaty-what-is-it",
    "treaty-signing-date",
    "border-length",
    "trade-turnover",
    "relations-declaration-2021",
];

/// The results for an inline `query`, answered in `lang`.
pub fn inline_results(engine: &Engine, query: &str, lang: Lang) -> Vec<InlineQueryResult> {
    records_for(engine, query)
        .into_iter()
        .map(|record| article(engine, record, lang))
        .collect()
}

/// The records to offer for `query`, best first, without duplicates.
pub fn records_for(engine: &Engine, query: &str) -> Vec<usize> {
    let mut records: Vec<usize> = Vec::new();
    if query.trim().is_empty() {
        records.extend(STARTING_POINTS.iter().filter_map(|id| engine.find(id)));
    } else {
        match engine.ask(query) {
            Outcome::Answer { best, alternatives } => {
                records.push(best.record);
                records.extend(alternatives.iter().map(|r| r.record));
                records.extend(engine.related(best.record));
            }
            Outcome::Declined {
                reason: Decline::NoMatch,
                suggestions,
            } => records.extend(suggestions.iter().map(|r| r.record)),
            Outcome::Parts(first, second) => {
                for part in [first, second] {
                    if let Outcome::Answer { best, .. } = part.as_ref() {
                        records.push(best.record);
                    }
                }
            }
            Outcome::PartlyAnswered {
                answered,
                suggestions,
                ..
            } => {
                if let Outcome::Answer { best, .. } = answered.as_ref() {
                    records.push(best.record);
                }
                records.extend(suggestions.iter().map(|r| r.record));
            }
            Outcome::Declined { .. } | Outcome::Compared(_) | Outcome::SmallTalk(_) => {}
        }
    }
    let mut unique = Vec::new();
    for record in records {
        if !unique.contains(&record) {
            unique.push(record);
        }
    }
    unique.truncate(MAX_INLINE_RESULTS);
    unique
}

fn article(engine: &Engine, record: usize, lang: Lang) -> InlineQueryResult {
    let reply = record_reply(engine, record, lang);
    let kb = engine.knowledge();
    let html = fit_one_message(
        &reply.html(),
        &escape(kb.messages.get(lang.code(), "lines_truncated")),
    );
    let content =
        InputMessageContent::Text(InputMessageContentText::new(html).parse_mode(ParseMode::Html));
    let title = engine.display_question(record, lang);
    let description = shorten(
        &reply.body.split_whitespace().collect::<Vec<_>>().join(" "),
        DESCRIPTION_CHARS,
    );
    // Record ids are at most a few dozen ASCII bytes; Telegram allows 64 for result ids.
    InlineQueryResult::Article(
        InlineQueryResultArticle::new(engine.record(record).id.clone(), title, content)
            .description(description),
    )
}

/// `html` if it fits in one message; otherwise its first part followed by `note`.
pub fn fit_one_message(html: &str, note: &str) -> String {
    if html.chars().count() <= TELEGRAM_MESSAGE_LIMIT {
        return html.to_owned();
    }
    // Leave room for the note and the blank line before it.
    let budget = TELEGRAM_MESSAGE_LIMIT - note.chars().count() - 2;
    let first = split_html(html, budget)
        .into_iter()
        .next()
        .unwrap_or_default();
    format!("{first}\n\n{note}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::KnowledgeBase;
    use std::sync::OnceLock;

    fn engine() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(|| Engine::new(KnowledgeBase::embedded().expect("embedded knowledge")))
    }

    fn article_of(result: &InlineQueryResult) -> &InlineQueryResultArticle {
        match result {
            InlineQueryResult::Article(a) => a,
            other => panic!("expected an article, got {other:?}"),
        }
    }

    fn text_of(a: &InlineQueryResultArticle) -> &InputMessageContentText {
        match &a.input_message_content {
            InputMessageContent::Text(t) => t,
            other => panic!("expected text content, got {other:?}"),
        }
    }

    #[test]
    fn a_question_returns_its_answer_first_with_citations_in_html() {
        let e = engine();
        let results = inline_results(e, "How long is the border?", Lang::En);
        assert!(!results.is_empty() && results.len() <= MAX_INLINE_RESULTS);
        let first = article_of(&results[0]);
        assert_eq!(first.id, "border-length");
        assert_eq!(
            first.title,
            e.display_question(e.find("border-length").expect("entry"), Lang::En)
        );
        let text = text_of(first);
        assert_eq!(text.parse_mode, Some(ParseMode::Html));
        assert!(
            text.message_text.contains("2,356.6"),
            "{}",
            text.message_text
        );
        assert!(
            text.message_text.contains("<b>Sources</b>"),
            "{}",
            text.message_text
        );
        assert!(first
            .description
            .as_deref()
            .is_some_and(|d| d.chars().count() <= DESCRIPTION_CHARS));
    }

    #[test]
    fn results_are_unique_and_at_most_five() {
        let e = engine();
        for query in [
            "When was the treaty signed?",
            "treaty",
            "trade",
            "allies",
            "Kazakhstan",
        ] {
            let results = inline_results(e, query, Lang::En);
            assert!(results.len() <= MAX_INLINE_RESULTS, "{query}");
            let mut ids: Vec<&str> = results.iter().map(|r| article_of(r).id.as_str()).collect();
            assert!(ids.iter().all(|id| id.len() <= 64));
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), results.len(), "duplicate results for {query}");
        }
    }

    #[test]
    fn an_empty_query_offers_the_starting_points() {
        let e = engine();
        for id in STARTING_POINTS {
            assert!(
                e.find(id).is_some(),
                "starting point `{id}` is not in the knowledge base"
            );
        }
        let results = inline_results(e, "   ", Lang::Ru);
        let ids: Vec<&str> = results.iter().map(|r| article_of(r).id.as_str()).collect();
        assert_eq!(ids, STARTING_POINTS.to_vec());
        // In Russian when asked in Russian.
        let first = article_of(&results[0]);
        assert_eq!(
            first.title,
            e.display_question(e.find(STARTING_POINTS[0]).expect("entry"), Lang::Ru)
        );
    }

    #[test]
    fn nonsense_returns_nothing() {
        assert!(inline_results(engine(), "zzzz qqqq xxxx", Lang::En).is_empty());
        assert!(
            inline_results(engine(), &"border ".repeat(300), Lang::En).is_empty(),
            "too long a query is declined"
        );
    }

    #[test]
    fn a_long_answer_is_cut_to_one_message_with_a_note() {
        let mut kb = KnowledgeBase::embedded().expect("embedded knowledge");
        let i = kb
            .entries
            .iter()
            .position(|e| e.id == "border-length")
            .expect("entry");
        kb.entries[i].answer =
            vec!["A paragraph about the border & <its> markers. ".repeat(20); 10].join("\n\n");
        let e = Engine::new(kb);
        let results = inline_results(&e, "How long is the border?", Lang::En);
        let text = &text_of(article_of(&results[0])).message_text;
        assert!(
            text.chars().count() <= TELEGRAM_MESSAGE_LIMIT,
            "{}",
            text.chars().count()
        );
        assert!(text.ends_with(&escape(e.knowledge().messages.get("en", "lines_truncated"))));
        assert!(text.contains("&amp; &lt;its&gt;"));
    }
}
