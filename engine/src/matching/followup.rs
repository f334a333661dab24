//! Follow-up questions: "who signed it?" right after the answer about the border's length is
//! about the border treaty, "а когда?" asks when about the same topic, and "what about
//! Tajikistan?" after Uzbekistan's alliance with Azerbaijan asks the same about Tajikistan.
//!
//! A conversation keeps a [`Context`]: the id of the record it was last answered with
//! ([`Memory::after`] says how an outcome changes it). [`Engine::ask_in_context`] then reads a
//! new question against it:
//! 1. a question that names its own topic is asked as it is, context or not;
//! 2. a follow-up — one that points back with a pronoun and names nobody, is only question
//!    words, or opens with a lead ("and", "а", "what about") and names nothing but names — is
//!    rewritten: its own words (without lead and pronouns) plus the topic words of the last
//!    record's first phrasing in the question's language (without question words and stop
//!    words); a name the follow-up brings replaces the most specific name of the topic
//!    (Azerbaijan rather than Uzbekistan);
//! 3. the rewritten question is answered unless only the plain one is.
//!
//! Rewriting builds a question for the ordinary engine rather than scoring against the
//! context: the engine stays the one place that decides what answers what, and a wrong
//! rewrite falls back to the plain question. The word lists live in `language.toml`
//! (`[followup]`). Where a context is kept (per Telegram chat, per `chat` session) is the
//! front end's business; this module knows no Telegram.

use rustc_hash::FxHashSet as HashSet;

use super::{normalize, Decline, Engine, Lang, Outcome, RecordKind};
use crate::knowledge::KnowledgeBase;

/// A follow-up names at most this many topic words of its own besides a pronoun: "who signed
/// it?" has one; "is it true that the border is 2,356 km long?" names its own topic.
const MAX_OWN_WORDS: usize = 2;

/// What a conversation was last answered about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The record's id (entry id or `article-N`): an id rather than an index, so that a stored
    /// context stays meaningful across restarts and replicas with the same knowledge base.
    pub record_id: String,
}

/// How an outcome changes a conversation's context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Memory {
    /// The outcome showed a record: later follow-ups are about it.
    Remember(Context),
    /// Small talk ("thanks") changes no topic.
    Keep,
    /// A decline or a comparison of two events leaves nothing to follow up on.
    Forget,
}

impl Memory {
    /// The change `outcome` makes: the record answered, or the record whose content a
    /// "not given" decline shows; for two answered parts, the later one.
    pub fn after(engine: &Engine, outcome: &Outcome) -> Memory {
        let remember = |record: usize| {
            Memory::Remember(Context {
                record_id: engine.record(record).id.clone(),
            })
        };
        match outcome {
            Outcome::Answer { best, .. } => remember(best.record),
            Outcome::Declined {
                reason: Decline::NotGiven { record, .. },
                ..
            } => remember(*record),
            Outcome::Parts(first, second) => match Memory::after(engine, second) {
                Memory::Remember(context) => Memory::Remember(context),
                _ => Memory::after(engine, first),
            },
            Outcome::PartlyAnswered { answered, .. } => Memory::after(engine, answered),
            Outcome::SmallTalk(_) => Memory::Keep,
            Outcome::Compared(_) | Outcome::Declined { .. } => Memory::Forget,
        }
    }
}

/// A question read in a conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct InContext {
    pub outcome: Outcome,
    /// The rewritten question, when the outcome is its answer (for tools and logs of
    /// how a follow-up was read).
    pub rewritten: Option<String>,
}

/// The `[followup]` word lists of `language.toml`, as sets; leads tokenized, longest first.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct FollowUpWords {
    pronouns: HashSet<String>,
    /// See [`crate::knowledge::FollowUpCues::trailing_particles`].
    trailing_particles: HashSet<String>,
    leads: Vec<Vec<String>>,
    question_words: HashSet<String>,
    stopwords: HashSet<String>,
}

impl FollowUpWords {
    /// True for a word that points back at what was just said ("it", "его").
    pub(super) fn is_pronoun(&self, word: &str) -> bool {
        self.pronouns.contains(word)
    }

    pub(super) fn new(kb: &KnowledgeBase) -> Self {
        let cues = &kb.language.followup;
        let words = |list: &[String]| -> HashSet<String> {
            list.iter().flat_map(|w| normalize::tokenize(w)).collect()
        };
        let mut leads: Vec<Vec<String>> = cues
            .leads
            .iter()
            .map(|l| normalize::tokenize(l))
            .filter(|l| !l.is_empty())
            .collect();
        leads.sort_by_key(|l| std::cmp::Reverse(l.len()));
        FollowUpWords {
            pronouns: words(&cues.pronouns),
            trailing_particles: words(&cues.trailing_particles),
            leads,
            question_words: words(&cues.question_words),
            stopwords: words(&kb.stopwords),
        }
    }

    /// How many words at the start of `words` are a lead.
    fn lead_len(&self, words: &[String]) -> usize {
        self.leads
            .iter()
            .find(|lead| words.starts_with(lead))
            .map_or(0, Vec::len)
    }

    /// A word that says nothing about the topic: a question word or a stop word.
    fn is_topicless(&self, word: &str) -> bool {
        self.question_words.contains(word) || self.stopwords.contains(word)
    }
}

/// A question taken apart for follow-up reading.
struct Parts {
    /// The words after the lead, pronouns dropped.
    kept: Vec<String>,
    /// Names among them.
    names: Vec<String>,
    has_lead: bool,
    has_pronoun: bool,
    /// Topic words that are not names.
    own: usize,
}

impl Engine {
    /// Answers `question` in a conversation last answered with `context`: a follow-up is
    /// read against it (see the module documentation); any other question exactly as
    /// [`Engine::ask`] would.
    pub fn ask_in_context(&self, question: &str, context: Option<&Context>) -> InContext {
        let plain = self.ask(question);
        let rewritten = match (context, &plain) {
            // Small talk ("and you?") and refusals of the text itself stay what they are.
            (
                _,
                Outcome::SmallTalk(_)
                | Outcome::Declined {
                    reason: Decline::Empty | Decline::TooLong(_),
                    ..
                },
            )
            | (None, _) => None,
            (Some(context), _) => self.follow_up(question, context),
        };
        let Some(rewritten) = rewritten else {
            return InContext {
                outcome: plain,
                rewritten: None,
            };
        };
        let outcome = self.ask(&rewritten);
        // The answer to a follow-up must still be about the words the user wrote: "а что про
        // депутатов, будет у них что-то общее?" after the border's length is not about the border.
        let shown = match &outcome {
            Outcome::Declined {
                reason: Decline::NotGiven { record, .. },
                ..
            } => Some(*record),
            outcome => outcome.answered_record(),
        };
        // Nor about a name the documents never use: "is psg signing anyone this summer?" after
        // the Azerbaijani alliance is about football.
        let ignores_own_words = shown
            .is_some_and(|record| !self.mentions_own_terms(question, record))
            || !self.knows_a_word_of(question)
            || self.names_something_unknown(question);
        // Nor is a reading that finds nothing either: the user's own words suggest better.
        let no_better = matches!(
            (&plain, &outcome),
            (
                Outcome::Declined { .. },
                Outcome::Declined {
                    reason: Decline::NoMatch,
                    ..
                }
            )
        );
        // And a reading that finds what the user's own words found adds nothing.
        let same = plain.is_answer() && plain.answered_record() == outcome.answered_record();
        if (plain.is_answer() && !outcome.is_answer()) || ignores_own_words || no_better || same {
            return InContext {
                outcome: plain,
                rewritten: None,
            };
        }
        InContext {
            outcome,
            rewritten: Some(rewritten),
        }
    }

    /// The question a follow-up stands for, in its own language, or `None` when `question`
    /// is not a follow-up of `context` (or the context's record no longer exists).
    pub fn follow_up(&self, question: &str, context: &Context) -> Option<String> {
        let record = self.find(&context.record_id)?;
        let tokens = self.tokens(question);
        // "art. 17, what's it about": an article number names what is asked. "How long is the
        // border and how many signs are on it?": the second part points at the first.
        let words = self.index.fixed_words(tokens);
        if self.article_number(&words).is_some() || self.split_parts(&words).is_some() {
            return None;
        }
        // Typo-corrected: "whos rabimov, wat does he do" names Rabbimov.
        let parts = self.parts(&words);
        let only_question_words = parts.own == 0 && parts.names.is_empty();
        let elliptic = parts.has_lead && parts.own == 0;
        // A pronoun in a question that names someone usually points at that name: "where
        // did Askeroğlu get his PhD?" is complete.
        let pointing = parts.has_pronoun && parts.own <= MAX_OWN_WORDS && parts.names.is_empty();
        if !(pointing || only_question_words || elliptic) {
            return None;
        }
        let lang = self.lang_of(question);
        let mut topic = match self.signed_agreement(record, &parts.kept, lang) {
            Some(name) => self.words_of(name),
            None => self.topic_words(record, lang),
        };
        let new_names: Vec<&String> = parts
            .names
            .iter()
            .filter(|n| !topic.iter().any(|t| self.same_key(t, n)))
            .collect();
        if !new_names.is_empty() {
            // "What about Tajikistan?" after Uzbekistan and Azerbaijan: the rarer name is
            // the one the question was about, the common one (Uzbekistan) its setting.
            let replaced = topic
                .iter()
                .enumerate()
                .filter(|(_, w)| self.is_name(w))
                .max_by(|(_, a), (_, b)| self.weight(a).total_cmp(&self.weight(b)))
                .map(|(i, _)| i);
            if let Some(i) = replaced {
                topic.remove(i);
            }
        }
        let mut words = parts.kept;
        for word in topic {
            if !words.contains(&word) {
                words.push(word);
            }
        }
        Some(words.join(" "))
    }

    /// A question's words classified: lead, pronouns, names, topic words.
    fn parts(&self, words: &[String]) -> Parts {
        let cues = &self.followup;
        let lead = cues.lead_len(words);
        let rest = &words[lead..];
        // "ok, the border treaty then": a particle ending words of one's own, with no question
        // word, points nowhere ("what happened then?" still asks about that time).
        let asks = rest.iter().any(|w| cues.question_words.contains(w));
        let points = |(i, w): (usize, &String)| {
            cues.pronouns.contains(w)
                && (asks || i == 0 || i + 1 < rest.len() || !cues.trailing_particles.contains(w))
        };
        let has_pronoun = rest.iter().enumerate().any(points);
        let kept: Vec<String> = rest
            .iter()
            .filter(|w| !cues.pronouns.contains(*w))
            .cloned()
            .collect();
        let names: Vec<String> = kept.iter().filter(|w| self.is_name(w)).cloned().collect();
        let own = kept
            .iter()
            .filter(|w| !cues.is_topicless(w) && !self.is_name(w))
            .count();
        Parts {
            kept,
            names,
            has_lead: lead > 0,
            has_pronoun,
            own,
        }
    }

    /// After an article, a follow-up about signing ("и когда его подписали?", "who signed it?")
    /// asks about the treaty the article belongs to: the short name people use for its signing
    /// (the first name of the timeline event on the treaty's date), in `lang` where it has one;
    /// else its formal name, whose "between the Republic of…" matches other agreements too.
    fn signed_agreement(&self, record: usize, kept: &[String], lang: Lang) -> Option<&str> {
        let RecordKind::Article(i) = self.records[record].kind else {
            return None;
        };
        let sign = self.index.key_of("signed");
        if !kept.iter().any(|w| self.index.key_of(w) == sign) {
            return None;
        }
        let agreement = self.kb.agreement(&self.kb.articles[i].agreement)?;
        let signing = self.kb.events.iter().find(|e| {
            e.agreement.as_deref() == Some(agreement.id.as_str()) && e.date == agreement.date
        });
        let short = signing.and_then(|e| match (lang, &e.ru) {
            (Lang::Ru, Some(ru)) => ru.names.first(),
            _ => e.names.first(),
        });
        let formal = match (
            lang,
            agreement.ru.as_ref().and_then(|ru| ru.name.as_deref()),
        ) {
            (Lang::Ru, Some(name)) => name,
            _ => agreement.name.as_str(),
        };
        Some(short.map_or(formal, String::as_str))
    }

    /// What a record is about, in `lang` where it has that language: the words of its first
    /// phrasing (an article's topic) without question words, stop words and pronouns.
    fn topic_words(&self, record: usize, lang: Lang) -> Vec<String> {
        let phrasing = match self.records[record].kind {
            RecordKind::Entry(i) => {
                let entry = self.entry(i);
                match (lang, &entry.ru) {
                    (Lang::Ru, Some(ru)) if !ru.questions.is_empty() => &ru.questions[0],
                    _ => &entry.questions[0],
                }
            }
            RecordKind::Article(i) => {
                let article = &self.kb.articles[i];
                match (lang, article.ru.as_ref().and_then(|ru| ru.topic.as_ref())) {
                    (Lang::Ru, Some(topic)) => topic,
                    _ => &article.topic,
                }
            }
        };
        self.words_of(phrasing)
    }

    /// The topic words of a text: without question words, stop words and pronouns, each once.
    fn words_of(&self, text: &str) -> Vec<String> {
        let cues = &self.followup;
        let mut words: Vec<String> = Vec::new();
        for word in normalize::tokenize(text) {
            if !cues.is_topicless(&word) && !cues.pronouns.contains(&word) && !words.contains(&word)
            {
                words.push(word);
            }
        }
        words
    }

    /// Whether a word names an entity (a country, a person, a place).
    fn is_name(&self, word: &str) -> bool {
        self.index
            .term_of_key(&self.index.key_of(word))
            .is_some_and(|t| self.index.entities.contains(&t))
    }

    /// Whether two words are the same term ("Таджикистаном" and "Таджикистан").
    fn same_key(&self, a: &str, b: &str) -> bool {
        self.index.key_of(a) == self.index.key_of(b)
    }

    /// How specific a word is: its weight in a question.
    fn weight(&self, word: &str) -> f32 {
        self.index.weight_of_key(&self.index.key_of(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn engine() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(|| Engine::new(KnowledgeBase::embedded().expect("embedded knowledge")))
    }

    fn context(id: &str) -> Context {
        assert!(engine().find(id).is_some(), "no record {id}");
        Context {
            record_id: id.to_owned(),
        }
    }

    /// The record id `question` is answered with in `context`.
    #[track_caller]
    fn answered(question: &str, after: Option<&str>) -> String {
        let context = after.map(context);
        let asked = engine().ask_in_context(question, context.as_ref());
        match &asked.outcome {
            Outcome::Answer { best, .. } => engine().record(best.record).id.clone(),
            other => panic!("{question:?} after {after:?} is not answered: {other:?}"),
        }
    }

    #[test]
    fn a_pronoun_follow_up_is_about_the_last_entry() {
        // Without context "who signed it?" gets the allied treaty's signatories.
        assert_eq!(answered("who signed it?", None), "treaty-signatories");
        assert_eq!(
            answered("who signed it?", Some("border-length")),
            "border-signatories"
        );
        assert_eq!(
            answered("кто его подписал?", Some("border-length")),
            "border-signatories"
        );
    }

    #[test]
    fn a_trailing_then_after_a_topic_of_its_own_points_nowhere() {
        // "then" ending a topic of the question's own, with no question word, is a particle.
        let topic_switch = "ok, the border treaty then";
        assert_eq!(
            engine().follow_up(topic_switch, &context("article-5")),
            None
        );
        assert_eq!(
            engine().follow_up("а договор о границе тогда", &context("article-5")),
            None
        );
        // With a question word, or before other words, it still points back.
        assert!(engine()
            .follow_up("who signed it then?", &context("border-length"))
            .is_some());
    }

    #[test]
    fn signing_after_an_article_asks_about_its_treaty() {
        assert_eq!(
            answered("и когда его подписали?", Some("article-3")),
            "treaty-signing-date"
        );
        assert_eq!(
            answered("and who signed it?", Some("article-4")),
            "treaty-signatories"
        );
    }

    #[test]
    fn a_bare_question_word_asks_about_the_same_topic() {
        assert_eq!(
            answered("and when?", Some("alliances-azerbaijan-bridge")),
            "alliances-azerbaijan"
        );
        assert_eq!(
            answered("а когда?", Some("alliances-azerbaijan-bridge")),
            "alliances-azerbaijan"
        );
        assert_eq!(
            answered("а где?", Some("treaty-signing-date")),
            "treaty-signing-place"
        );
        assert_eq!(
            answered("and where?", Some("treaty-signing-date")),
            "treaty-signing-place"
        );
    }

    #[test]
    fn a_new_name_replaces_the_most_specific_name_of_the_topic() {
        assert_eq!(
            answered("what about Tajikistan?", Some("alliances-azerbaijan")),
            "alliances-tajikistan"
        );
        assert_eq!(
            answered("а с Таджикистаном?", Some("alliances-azerbaijan")),
            "alliances-tajikistan"
        );
    }

    #[test]
    fn a_complete_question_is_never_changed() {
        let questions = [
            "When was the treaty signed?",
            "How long is the border?",
            "Who signed the border treaty?",
            "Is Azerbaijan an ally of Uzbekistan?",
            "Когда был подписан договор о союзнических отношениях?",
            "Кто подписал договор о границе?",
            "Tajikistan",
        ];
        for question in questions {
            for after in [
                "border-length",
                "alliances-azerbaijan",
                "treaty-signing-date",
            ] {
                assert_eq!(
                    engine().follow_up(question, &context(after)),
                    None,
                    "{question:?} after {after}"
                );
                let asked = engine().ask_in_context(question, Some(&context(after)));
                assert_eq!(asked.outcome, engine().ask(question), "{question:?}");
            }
        }
    }

    /// Every question of the team's evaluation sets is asked after three different answers:
    /// none may get another outcome than without context. Most name their topic; those that
    /// point back ("where did Askeroğlu get his PhD?") name whom they point at.
    #[test]
    fn evaluation_questions_get_the_same_outcome_in_any_context() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data");
        let mut asked = 0;
        for file in std::fs::read_dir(&dir).expect("tests/data") {
            let path = file.expect("a file").path();
            if path.extension().is_none_or(|e| e != "jsonl") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let value: serde_json::Value = serde_json::from_str(line).expect("JSON");
                let question = value["q"].as_str().expect("a question");
                let plain = engine().ask(question);
                for after in [
                    "border-length",
                    "alliances-azerbaijan",
                    "treaty-signing-date",
                ] {
                    let read = engine().ask_in_context(question, Some(&context(after)));
                    assert_eq!(read.outcome, plain, "{question:?} after {after}");
                    asked += 1;
                }
            }
        }
        assert!(asked > 1000, "only {asked} questions asked");
    }

    #[test]
    fn rewriting_uses_the_question_language_and_drops_question_words() {
        let en = engine()
            .follow_up("who signed it?", &context("border-length"))
            .expect("a follow-up");
        assert!(en.starts_with("who signed "), "{en}");
        assert!(
            en.contains("border") && !en.contains("how") && !en.contains("long"),
            "{en}"
        );
        let ru = engine()
            .follow_up("а когда?", &context("border-length"))
            .expect("a follow-up");
        assert!(ru.starts_with("когда "), "{ru}");
        assert!(
            Lang::detect(&ru) == Lang::Ru && ru.contains("границ"),
            "{ru}"
        );
    }

    #[test]
    fn without_context_or_for_small_talk_nothing_is_rewritten() {
        assert_eq!(
            engine().ask_in_context("who signed it?", None).rewritten,
            None
        );
        let thanks = engine().ask_in_context("thanks", Some(&context("border-length")));
        assert!(matches!(thanks.outcome, Outcome::SmallTalk(_)));
        assert_eq!(thanks.rewritten, None);
        let gone = Context {
            record_id: "no-such-entry".to_owned(),
        };
        assert_eq!(engine().follow_up("and when?", &gone), None);
    }

    #[test]
    fn outcomes_update_the_memory() {
        let e = engine();
        let answer = e.ask("How long is the border?");
        assert_eq!(
            Memory::after(e, &answer),
            Memory::Remember(context("border-length"))
        );
        assert_eq!(Memory::after(e, &e.ask("thanks")), Memory::Keep);
        assert_eq!(
            Memory::after(e, &e.ask("what is the price of bananas on mars")),
            Memory::Forget
        );
    }
}
