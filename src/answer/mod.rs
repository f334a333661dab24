//! Rendering an [`Outcome`] for people: the answer or decline text in the question's language,
//! "did you mean" and related questions, and the citation footer — as plain text (CLI) and as
//! Telegram HTML. Both renderings come from one [`Reply`], so they never disagree.

pub mod html;

mod timeline;

use crate::knowledge::{KnowledgeBase, PartialDate};
use crate::matching::{
    AnswerKind, Decline, Engine, Lang, Moment, Outcome, Ranked, RecordKind, MAX_QUESTION_CHARS,
};
use serde::Serialize;

/// A cited source, ready to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitationView {
    pub source: String,
    pub title: String,
    /// Authors, then the outlet where the document names one.
    pub byline: String,
    pub date: String,
    pub quote: String,
}

/// The sources block of a Telegram answer, made for a phone screen: one short line per source
/// document (author, title without its subtitle, date), each named once however many quotes it
/// gives, then the quotes folded in an expandable blockquote that a tap opens ("[1] “…”").
/// `/sources` lists the full titles.
fn sources_html(citations: &[CitationView]) -> String {
    let mut sources: Vec<&CitationView> = Vec::new();
    let mut quotes = Vec::new();
    for c in citations {
        let number = match sources.iter().position(|s| s.source == c.source) {
            Some(i) => i + 1,
            None => {
                sources.push(c);
                sources.len()
            }
        };
        quotes.push(format!("[{number}] “{}”", html::escape(&c.quote)));
    }
    let lines: Vec<String> = sources
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                "[{}] {} — <i>{}</i>, {}",
                i + 1,
                html::escape(&c.byline),
                html::escape(main_title(&c.title)),
                html::escape(&c.date)
            )
        })
        .collect();
    format!(
        "{}\n<blockquote expandable>{}</blockquote>",
        lines.join("\n"),
        quotes.join("\n")
    )
}

/// A title without its subtitle ("Visit of …: Significance for …" is "Visit of …").
fn main_title(title: &str) -> &str {
    title.split_once(": ").map_or(title, |(main, _)| main)
}

impl CitationView {
    /// The one plain-text citation line (answers in the terminal, JSON `text`, evaluation):
    /// "[1] Title — Author, outlet, date: “quote”". Telegram HTML groups them by source instead
    /// (see `sources_html`).
    pub fn line(&self, number: usize) -> String {
        format!(
            "[{number}] {} — {}, {}: “{}”",
            self.title, self.byline, self.date, self.quote
        )
    }
}

/// A question the user can pick next (a suggestion, an alternative or a related question).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub id: String,
    pub question: String,
    /// What a button shows: the entry's short label, or the question.
    pub label: String,
}

/// Everything a front end shows for one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub answered: bool,
    pub lang: Lang,
    /// The record answered, if any.
    pub record_id: Option<String>,
    pub score: f32,
    /// The answer (or the decline) without citations.
    pub body: String,
    pub citations: Vec<CitationView>,
    /// Heading for `suggestions` ("Did you mean instead:" or "Perhaps you meant one of these:").
    pub suggestions_heading: Option<String>,
    pub suggestions: Vec<Suggestion>,
    pub related_heading: String,
    pub related: Vec<Suggestion>,
    pub sources_heading: String,
    /// The small-talk intent when the message was small talk (then `answered` is false).
    pub small_talk: Option<String>,
}

impl Reply {
    /// The reply to a user's typed question. A question asking for content ("what does
    /// Zhailin say about…") gets its answer without a leading "Yes." that the entry's answer,
    /// written for a yes/no phrasing, may open with.
    pub fn to_question(engine: &Engine, outcome: &Outcome, question: &str) -> Reply {
        // The question read back into its own script once, for its language and its words
        // (what `Engine::lang_of` would read again).
        let own = engine.in_own_script(question);
        let lang = match own {
            std::borrow::Cow::Owned(_) => Lang::Ru,
            std::borrow::Cow::Borrowed(_) => Lang::detect(question),
        };
        Reply::to_read_question(engine, outcome, question, &own, lang)
    }

    /// [`Reply::to_question`] in a language the chat chose (`/language`), whatever the
    /// question's own.
    pub fn to_question_in(engine: &Engine, outcome: &Outcome, question: &str, lang: Lang) -> Reply {
        let own = engine.in_own_script(question);
        Reply::to_read_question(engine, outcome, question, &own, lang)
    }

    /// The reply to `question`, given it in its own script (`own`).
    fn to_read_question(
        engine: &Engine,
        outcome: &Outcome,
        question: &str,
        own: &str,
        lang: Lang,
    ) -> Reply {
        let mut reply = Reply::new(engine, outcome, lang);
        let language = &engine.knowledge().language;
        // Anywhere in the question: chat puts the question word last ("tokaev visit kuda?").
        let asks_content = crate::matching::normalize::tokenize(own)
            .iter()
            .any(|w| language.open_question_words.iter().any(|o| o == w));
        if reply.answered && asks_content {
            reply.body = without_yes_no_lead(&reply.body, &language.yes_no_leads);
        }
        // A Kazakh or Uzbek question is declined because it is not understood: say which
        // languages are.
        if !reply.answered && reply.small_talk.is_none() && in_foreign_language(question, language)
        {
            let hint = engine
                .knowledge()
                .messages
                .get(reply.lang.code(), "language_hint");
            reply.body = format!("{}\n\n{hint}", reply.body);
        }
        reply
    }

    /// Builds the reply for `outcome` in `lang`.
    pub fn new(engine: &Engine, outcome: &Outcome, lang: Lang) -> Self {
        let kb = engine.knowledge();
        let code = lang.code();
        let messages = &kb.messages;
        let mut reply = Reply {
            answered: false,
            lang,
            record_id: None,
            score: 0.0,
            body: String::new(),
            citations: vec![],
            suggestions_heading: None,
            suggestions: vec![],
            related_heading: messages.get(code, "related").to_owned(),
            related: vec![],
            sources_heading: messages.get(code, "sources_heading").to_owned(),
            small_talk: None,
        };
        match outcome {
            Outcome::Parts(first, second) => return Reply::parts(engine, first, second, lang),
            Outcome::PartlyAnswered {
                answered,
                unanswered,
                suggestions: offered,
            } => return Reply::partly(engine, answered, unanswered, offered, lang),
            Outcome::Answer { best, alternatives } => {
                reply.fill_answer(engine, best, alternatives);
            }
            Outcome::Compared(comparison) => {
                // Two events dated to the same month or year: the documents cannot say which
                // came first or how far apart they are, a decline that shows what they do say.
                reply.answered = !comparison.gap.undetermined();
                reply.score = 1.0;
                reply.body = timeline::comparison_text(kb, comparison, lang);
                reply.citations = [comparison.first, comparison.second]
                    .iter()
                    .filter_map(|moment| match moment {
                        Moment::Event(e) => Some(*e),
                        Moment::Given { .. } => None,
                    })
                    .flat_map(|e| &kb.events[e].citations)
                    .filter_map(|c| citation_view(kb, &c.source, &c.quote, lang))
                    .collect();
            }
            Outcome::SmallTalk(intent) => {
                let intent = &kb.smalltalk.intents[*intent];
                reply.body = messages.get(code, &intent.reply).to_owned();
                reply.small_talk = Some(intent.name.clone());
            }
            Outcome::Declined {
                reason:
                    Decline::NotGiven {
                        record,
                        asked,
                        unmentioned,
                    },
                ..
            } => reply.fill_not_given(engine, *record, *asked, unmentioned.as_deref()),
            Outcome::Declined {
                reason,
                suggestions: offered,
            } => {
                reply.score = offered.first().map_or(0.0, |s| s.score.value());
                reply.body = decline_text(kb, reason, lang);
                if !offered.is_empty() {
                    reply.suggestions_heading =
                        Some(messages.get(code, "decline_suggestions").to_owned());
                    reply.suggestions = suggestions(engine, offered, lang);
                }
            }
        }
        reply
    }

    /// An answer from `best`, with the close alternatives as "did you mean" and the entry's
    /// related questions.
    fn fill_answer(&mut self, engine: &Engine, best: &Ranked, alternatives: &[Ranked]) {
        let lang = self.lang;
        self.answered = true;
        self.record_id = Some(engine.record(best.record).id.clone());
        self.score = best.score.value();
        self.body = answer_text(engine, best.record, lang);
        self.citations = record_citations(engine, best.record, lang);
        if !alternatives.is_empty() {
            let heading = engine.knowledge().messages.get(lang.code(), "did_you_mean");
            self.suggestions_heading = Some(heading.to_owned());
            self.suggestions = suggestions(engine, alternatives, lang);
        }
        self.related = engine
            .related(best.record)
            .into_iter()
            .filter(|r| !alternatives.iter().any(|a| a.record == *r))
            .map(|r| suggestion(engine, r, lang))
            .collect();
    }

    /// An honest partial decline: what the documents do not give, then what they do say.
    fn fill_not_given(
        &mut self,
        engine: &Engine,
        record: usize,
        asked: Option<AnswerKind>,
        unmentioned: Option<&str>,
    ) {
        let lang = self.lang;
        let messages = &engine.knowledge().messages;
        self.record_id = Some(engine.record(record).id.clone());
        let answer = answer_text(engine, record, lang);
        // After "what they do say:", an entry's leading "Yes." would seem to answer what the
        // documents do not give ("when is the next summit?" … "Yes. Askeroğlu expected…").
        let shown = || without_yes_no_lead(&answer, &engine.knowledge().language.yes_no_leads);
        self.body = match (asked, unmentioned) {
            (Some(kind), _) => format!(
                "{}\n\n{}",
                messages.get(lang.code(), &format!("not_given_{}", kind.name())),
                shown()
            ),
            (None, Some(phrase)) => format!(
                "{}\n\n{}",
                messages.format(lang.code(), "not_given_unmentioned", &[("asked", phrase)]),
                shown()
            ),
            (None, None) => answer,
        };
        self.citations = record_citations(engine, record, lang);
    }

    /// Two answers in one reply: both texts, both sets of citations (each once).
    fn parts(engine: &Engine, first: &Outcome, second: &Outcome, lang: Lang) -> Self {
        let mut reply = Reply::new(engine, first, lang);
        let other = Reply::new(engine, second, lang);
        reply.body = format!("{}\n\n{}", reply.body, other.body);
        reply.score = reply.score.min(other.score);
        for citation in other.citations {
            if !reply.citations.contains(&citation) {
                reply.citations.push(citation);
            }
        }
        for related in other.related {
            if !reply.related.contains(&related) && Some(&related.id) != reply.record_id.as_ref() {
                reply.related.push(related);
            }
        }
        reply
    }

    /// One part of a two-part question answered: its answer, then which part the documents do
    /// not answer, with what that part may have meant offered instead of "did you mean".
    fn partly(
        engine: &Engine,
        answered: &Outcome,
        unanswered: &str,
        offered: &[Ranked],
        lang: Lang,
    ) -> Self {
        let mut reply = Reply::new(engine, answered, lang);
        let messages = &engine.knowledge().messages;
        let note = messages.format(lang.code(), "part_unanswered", &[("part", unanswered)]);
        reply.body = format!("{}\n\n{note}", reply.body);
        if !offered.is_empty() {
            reply.suggestions_heading =
                Some(messages.get(lang.code(), "decline_suggestions").to_owned());
            reply.suggestions = suggestions(engine, offered, lang);
        }
        reply
    }

    /// The full reply as plain text: body, suggestions, related questions, sources.
    pub fn plain_text(&self) -> String {
        let mut out = self.body.clone();
        if let Some(heading) = &self.suggestions_heading {
            out.push_str(&format!("\n\n{heading}"));
            for s in &self.suggestions {
                out.push_str(&format!("\n  - {}", s.question));
            }
        }
        if !self.citations.is_empty() {
            out.push_str(&format!("\n\n{}:", self.sources_heading));
            for (i, c) in self.citations.iter().enumerate() {
                out.push('\n');
                out.push_str(&c.line(i + 1));
            }
        }
        if !self.related.is_empty() {
            out.push_str(&format!("\n\n{}", self.related_heading));
            for s in &self.related {
                out.push_str(&format!("\n  - {}", s.question));
            }
        }
        out
    }

    /// The reply as Telegram HTML (suggestions and related questions become buttons, so they
    /// are not repeated in the text). Everything from the knowledge base is escaped.
    pub fn html(&self) -> String {
        let mut out = html::escape(&self.body);
        if !self.citations.is_empty() {
            out.push_str(&format!(
                "\n\n<b>{}</b>\n{}",
                html::escape(&self.sources_heading),
                sources_html(&self.citations)
            ));
        }
        if let Some(heading) = &self.suggestions_heading {
            out.push_str(&format!("\n\n{}", html::escape(heading)));
        }
        out
    }
}

/// A record offered as a question the user can pick.
fn suggestion(engine: &Engine, record: usize, lang: Lang) -> Suggestion {
    Suggestion {
        id: engine.record(record).id.clone(),
        question: engine.display_question(record, lang),
        label: engine.button_label(record, lang),
    }
}

fn suggestions(engine: &Engine, ranked: &[Ranked], lang: Lang) -> Vec<Suggestion> {
    ranked
        .iter()
        .map(|r| suggestion(engine, r.record, lang))
        .collect()
}

fn record_citations(engine: &Engine, record: usize, lang: Lang) -> Vec<CitationView> {
    let kb = engine.knowledge();
    engine
        .citations(record)
        .iter()
        .filter_map(|c| citation_view(kb, &c.source, &c.quote, lang))
        .collect()
}

/// The text of a decline that shows no record.
fn decline_text(kb: &KnowledgeBase, reason: &Decline, lang: Lang) -> String {
    let code = lang.code();
    let messages = &kb.messages;
    match reason {
        Decline::NoMatch => messages.get(code, "decline").to_owned(),
        Decline::Empty => messages.get(code, "empty_question").to_owned(),
        Decline::TooLong(length) => messages.format(
            code,
            "question_too_long",
            &[
                ("length", &length.to_string()),
                ("limit", &MAX_QUESTION_CHARS.to_string()),
            ],
        ),
        Decline::UnknownArticle(number) => format!(
            "{} {}",
            messages.format(code, "article_unknown", &[("number", &number.to_string())]),
            covered_articles(kb, code)
        ),
        Decline::EventsNotFound { found } => timeline::incomplete_text(kb, *found, lang),
        // Shown with its record by `Reply::new`; without one, it is a plain decline.
        Decline::NotGiven { .. } => messages.get(code, "decline").to_owned(),
    }
}

/// The answer text of a record in `lang` (falling back to English when no translation exists).
pub fn answer_text(engine: &Engine, record: usize, lang: Lang) -> String {
    let kb = engine.knowledge();
    match engine.record(record).kind {
        RecordKind::Entry(i) => {
            let entry = engine.entry(i);
            match (lang, &entry.ru) {
                (Lang::Ru, Some(ru)) => ru.answer.clone().unwrap_or_else(|| entry.answer.clone()),
                _ => entry.answer.clone(),
            }
        }
        RecordKind::Article(i) => {
            let article = &kb.articles[i];
            let agreement = kb.agreement(&article.agreement);
            let (topic, summary, agreement_name) = match (lang, &article.ru) {
                (Lang::Ru, Some(ru)) => (
                    ru.topic.clone().unwrap_or_else(|| article.topic.clone()),
                    ru.summary
                        .clone()
                        .unwrap_or_else(|| article.summary.clone()),
                    agreement.map(|a| {
                        a.ru.as_ref()
                            .and_then(|r| r.name.clone())
                            .unwrap_or_else(|| a.name.clone())
                    }),
                ),
                _ => (
                    article.topic.clone(),
                    article.summary.clone(),
                    agreement.map(|a| a.name.clone()),
                ),
            };
            let heading = kb.messages.format(
                lang.code(),
                "article_heading",
                &[
                    ("number", &article.number.to_string()),
                    ("agreement", &agreement_name.unwrap_or_default()),
                    ("topic", &topic),
                ],
            );
            format!("{heading}\n{}", summary.trim())
        }
    }
}

/// "Articles covered: 1, 2, 3, 4, 5, 17."
pub fn covered_articles(kb: &KnowledgeBase, lang: &str) -> String {
    let list: Vec<String> = kb
        .articles_by_number()
        .iter()
        .map(|a| a.number.to_string())
        .collect();
    kb.messages
        .format(lang, "covered_articles", &[("list", &list.join(", "))])
}

/// The byline of a source: authors, then the outlet where named.
pub fn byline(kb: &KnowledgeBase, source_id: &str) -> Option<String> {
    let source = kb.source(source_id)?;
    let mut byline = source.authors.join(", ");
    if let Some(outlet) = &source.outlet {
        byline.push_str(&format!(" ({outlet})"));
    }
    Some(byline)
}

fn citation_view(
    kb: &KnowledgeBase,
    source_id: &str,
    quote: &str,
    lang: Lang,
) -> Option<CitationView> {
    let source = kb.source(source_id)?;
    Some(CitationView {
        source: source.id.clone(),
        title: source.title.clone(),
        byline: byline(kb, source_id)?,
        date: PartialDate::parse(&source.date)
            .map_or_else(|| source.date.clone(), |d| d.display(lang.code())),
        quote: quote.split_whitespace().collect::<Vec<_>>().join(" "),
    })
}

/// The text without a leading yes/no word and its punctuation ("Yes: Zhailin writes…" is
/// "Zhailin writes…"), its first letter capitalised.
fn without_yes_no_lead(text: &str, leads: &[String]) -> String {
    for lead in leads {
        let Some(rest) = text.strip_prefix(lead.as_str()) else {
            continue;
        };
        let Some(rest) = rest.strip_prefix(['.', ':', ',']) else {
            continue;
        };
        let rest = rest.trim_start();
        let mut chars = rest.chars();
        return match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => text.to_owned(),
        };
    }
    text.to_owned()
}

/// True for a question in a language the bot does not read: a letter only such languages use,
/// or two of their common words.
fn in_foreign_language(question: &str, language: &crate::knowledge::LanguageFile) -> bool {
    if question
        .chars()
        .any(|c| language.foreign_letters.contains(c))
    {
        return true;
    }
    let words = crate::matching::normalize::tokenize(question);
    words
        .iter()
        .filter(|w| language.foreign_words.iter().any(|f| f == *w))
        .count()
        >= 2
}
