//! The on-disk shape of the knowledge base: serde types that mirror the TOML files one to one.
//!
//! Every struct denies unknown fields so that a misspelt key is reported instead of ignored.
//! The documented format lives in `knowledge/README.md`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `sources.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub format_version: u32,
    #[serde(rename = "source", default)]
    pub sources: Vec<Source>,
}

/// One source document.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub authors: Vec<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    pub kind: String,
    pub date: String,
    #[serde(default)]
    pub date_note: Option<String>,
    pub language: String,
    /// File name of the document in the seeds folder, used by `check --sources`.
    #[serde(default)]
    pub seed_file: Option<String>,
    /// Words people use for this document or its author instead of their names ("the draft
    /// analysis", "the political scientist"), in every language: a question about "the author
    /// of the piece on the draft" is read as naming the author.
    #[serde(default)]
    pub described_as: Vec<String>,
    /// Words that describe the author only beside a word for an author ("the Turkish
    /// analyst", "турецкий эксперт"): a nationality or a city is what many questions ask
    /// about, so these name the author but earn citing entries nothing.
    #[serde(default)]
    pub author_described_as: Vec<String>,
    /// For a document with several authors, per author in the order of `authors`: words that
    /// tell that one apart ("Karaganda" for Muslimova). A description that names the document
    /// and one author's words names that author only.
    #[serde(default)]
    pub each_author_described_as: Vec<Vec<String>>,
}

/// A source id plus a short verbatim quote from that source.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub source: String,
    pub quote: String,
}

/// `qa/*.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EntriesFile {
    pub format_version: u32,
    #[serde(rename = "entry", default)]
    pub entries: Vec<Entry>,
}

/// One question-and-answer entry.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub questions: Vec<String>,
    /// A button label (at most [`crate::knowledge::MAX_SHORT_CHARS`] characters) for when the
    /// first question is too long to show whole on a phone.
    #[serde(default)]
    pub short: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub answer: String,
    #[serde(default)]
    pub related: Vec<String>,
    /// What kinds of fact the entry gives (`day`, `month`, `year`, `place`, `number`, `money`),
    /// when the answer text does not show it; see `language.toml`.
    #[serde(default)]
    pub answers: Vec<String>,
    /// The answer says that the documents do NOT give what the phrasings ask ("Where did
    /// Rabbimov study?" — the column gives no biography): shown as an honest decline, with its
    /// citations, rather than as an answer.
    #[serde(default)]
    pub unanswerable: bool,
    #[serde(rename = "cite", default)]
    pub citations: Vec<Citation>,
    #[serde(default)]
    pub ru: Option<EntryTranslation>,
}

/// The Russian (or other language) version of an entry.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EntryTranslation {
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub short: Option<String>,
    #[serde(default)]
    pub answer: Option<String>,
}

/// `agreements.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementsFile {
    pub format_version: u32,
    #[serde(rename = "agreement", default)]
    pub agreements: Vec<Agreement>,
}

/// An agreement, treaty, declaration or law mentioned by the documents.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub parties: Vec<String>,
    pub date: String,
    #[serde(default)]
    pub date_note: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    pub status: String,
    pub description: String,
    #[serde(rename = "cite", default)]
    pub citations: Vec<Citation>,
    #[serde(default)]
    pub ru: Option<AgreementTranslation>,
}

/// The Russian version of an agreement's texts.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementTranslation {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// `articles.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ArticlesFile {
    pub format_version: u32,
    #[serde(rename = "article", default)]
    pub articles: Vec<Article>,
}

/// A numbered article of a treaty, as the documents quote or describe it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub agreement: String,
    pub number: u32,
    pub topic: String,
    pub summary: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(rename = "cite", default)]
    pub citations: Vec<Citation>,
    #[serde(default)]
    pub ru: Option<ArticleTranslation>,
}

/// The Russian version of an article's texts.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleTranslation {
    #[serde(default)]
    pub topic: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub questions: Vec<String>,
}

/// `timeline.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineFile {
    pub format_version: u32,
    #[serde(rename = "event", default)]
    pub events: Vec<Event>,
}

/// One dated event of the chronology.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub date: String,
    /// The last day of an event that lasted several days ("14–19 November": `date` is the 14th,
    /// `until` the 19th), for questions about its end.
    #[serde(default)]
    pub until: Option<String>,
    pub text: String,
    /// Short names people use for the event ("the eternal friendship treaty", "Uzbek
    /// independence"), for questions that compare two events' dates.
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub agreement: Option<String>,
    /// The signing a question means by "the signing" alone when it counts the time from
    /// another event named ("days from the draft's publication to the signing"). At most one
    /// event has it.
    #[serde(default)]
    pub the_signing: bool,
    /// Other dates a source gives for the event ("Batyrov dates the circulation to 28
    /// November"): a question going by that source's author counts from its date.
    #[serde(default)]
    pub dated_by: Vec<SourceDate>,
    #[serde(rename = "cite", default)]
    pub citations: Vec<Citation>,
    #[serde(default)]
    pub ru: Option<EventTranslation>,
}

/// A date one source gives for an event, where sources differ.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDate {
    /// A source id of `sources.toml`.
    pub source: String,
    pub date: String,
}

/// The Russian version of an event's text.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EventTranslation {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub names: Vec<String>,
}

/// `synonyms.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymsFile {
    pub format_version: u32,
    #[serde(rename = "group", default)]
    pub groups: Vec<SynonymGroup>,
}

/// Words and phrases that mean the same thing for matching.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymGroup {
    pub terms: Vec<String>,
    /// A named entity (a country, a person): questions naming it expect entries that mention it.
    #[serde(default)]
    pub entity: bool,
    /// A city: a question naming only places asks nothing about them ("where is Tashkent").
    /// Unlike an entity, an entry need not mention it.
    #[serde(default)]
    pub place: bool,
    /// A question word ("when", "who", "how many"): questions using it expect entries that
    /// answer that kind of question.
    #[serde(default)]
    pub question_word: bool,
}

/// `stopwords.toml`: words matching ignores, per language.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StopwordsFile {
    pub format_version: u32,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub ru: Vec<String>,
}

/// `messages.toml`: fixed user-facing texts, keyed by name, per language.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MessagesFile {
    pub format_version: u32,
    pub en: BTreeMap<String, String>,
    #[serde(default)]
    pub ru: BTreeMap<String, String>,
}

/// `language.toml`: what matching needs to know about English and Russian beyond the documents:
/// which words ask for which kind of fact, how people ask about the time between two events,
/// the names of cities, number words and chat filler.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageFile {
    pub format_version: u32,
    #[serde(rename = "answer_type", default)]
    pub answer_types: Vec<AnswerTypeCues>,
    #[serde(default)]
    pub timeline: TimelineCues,
    /// City and place names, one group per place with every spelling: an answer naming one can
    /// say where.
    #[serde(default)]
    pub places: Vec<Vec<String>>,
    /// Offices ("minister", "ambassador", "посол"): "who" with one of them asks for the person
    /// holding it.
    #[serde(default)]
    pub offices: Vec<String>,
    /// Beginnings of words that start like an office but name an institution ("ministry" is
    /// no minister): an answer's lead naming one does not name the office's holder.
    #[serde(default)]
    pub office_lookalikes: Vec<String>,
    /// Beginnings of words that name one office in different words ("chair", "head",
    /// "возглав"): a lead saying a council is "headed by" someone says who chairs it.
    #[serde(default)]
    pub office_equivalents: Vec<Vec<String>>,
    /// The two sides, one group each, as words or word beginnings ending in `*` ("uzbek*",
    /// "руз"): "the Uzbek foreign ministry's spokesman" is not answered by an entry naming the
    /// Kazakh one.
    #[serde(default)]
    pub sides: Vec<Vec<String>>,
    /// Names of people and roles, one group per person or role with every spelling ("Tokayev",
    /// "Токаев"): an answer with one can say who.
    #[serde(default)]
    pub persons: Vec<Vec<String>>,
    /// Numbers written as words ("three", "четыре"): an answer with one can say how many.
    #[serde(default)]
    pub number_words: Vec<String>,
    /// Nouns after which a number word is not a figure: "the two countries" says nothing about
    /// how many of anything was asked.
    #[serde(default)]
    pub paired_nouns: Vec<String>,
    /// The number words that `paired_nouns` cancel ("two", "both"): "four states" is a count.
    #[serde(default)]
    pub pair_words: Vec<String>,
    /// Words that, right after a count cue, say nothing named is counted: occurrences ("how
    /// many times a year", "сколько раз") or whose figure it is ("how much according to…").
    #[serde(default)]
    pub uncounted_after_count: Vec<String>,
    /// Words that signal money amounts ("billion", "dollars", "$").
    #[serde(default)]
    pub money_words: Vec<String>,
    /// Beginnings of words that count time ("day", "year", "дн", "лет"): a number before one
    /// is a span, which answers "how long did it last?".
    #[serde(default)]
    pub time_units: Vec<String>,
    /// Chat shorthand and the words it stands for ("u" → "you", "ppl" → "people"), read before
    /// anything else looks at a question.
    #[serde(default)]
    pub shorthand: std::collections::BTreeMap<String, String>,
    /// Real words typed for a question word ("were" for "where"), read as that question word
    /// when one of `question_word_slips.before` follows them ("were did he study").
    #[serde(default)]
    pub question_word_slips: QuestionWordSlips,
    /// Chat context around a question ("my teacher asked", "for my essay", "препод спросил"):
    /// removed before matching, because its words ("teacher", "essay") are not what is asked.
    #[serde(default)]
    pub chat_context: Vec<String>,
    /// Phrases that open the asker's own guess after a question ("…, i always assumed
    /// kazakhs", "…, my friend says 2019 but not sure", "я думал с казахами"): the guess and
    /// what follows it are removed, since its names and figures are not what is asked.
    #[serde(default)]
    pub guess_tails: Vec<String>,
    /// Words that refer to an author without a name ("author", "wrote", "аналитик"): with a
    /// source's `described_as` words they name that source's author.
    #[serde(default)]
    pub author_cues: Vec<String>,
    /// Relative pronouns after an author cue ("the analyst who reviewed the draft"): the pronoun
    /// and the verb after it describe the author, and the pronoun asks nothing.
    #[serde(default)]
    pub author_relatives: Vec<String>,
    /// Words that, right before an author cue, ask who the author is ("who is the author").
    #[serde(default)]
    pub author_askers: Vec<String>,
    /// A person and a relative pronoun ("the guy who", "тот, кто") that, before one of
    /// `author_verbs` ("wrote", "разбирал"), refer to an author.
    #[serde(default)]
    pub author_persons: Vec<String>,
    #[serde(default)]
    pub author_verbs: Vec<String>,
    /// Units after a number ("10 years", "5 billion"): the number is a figure to match, not a
    /// count of things ("the 2 countries").
    #[serde(default)]
    pub count_units: Vec<String>,
    /// Units of a measure that describes what is asked about rather than asks it ("тот хаб на
    /// 400 га — когда открыли", "the 400 ha hub: when did it open"): the measure is dropped.
    #[serde(default)]
    pub descriptor_units: Vec<String>,
    /// Words before such a measure that make it a description ("на" in "хаб на 400 га").
    #[serde(default)]
    pub descriptor_before: Vec<String>,
    /// Words that count people ("people", "persons", "человек", "народу"): a question counting
    /// people in one of them is counted by an entry using another.
    #[serde(default)]
    pub counted_people: Vec<String>,
    /// Titles before a person's name ("Dr. Askeroğlu", "доктор Аскероглу"): part of the name,
    /// not a word of the question ("doctor" is also a degree asked about).
    #[serde(default)]
    pub person_titles: Vec<String>,
    /// Plural forms of the word for article ("articles", "статей"): a number right before one
    /// counts articles ("17 articles in all"), it does not name one.
    #[serde(default)]
    pub article_plurals: Vec<String>,
    /// Words that ask about the treaty's articles as a whole ("total", "last", "всего"): beside
    /// one of `article_count_words` or an article numbered by `article_number_words`, a question
    /// naming an article ("art 17 is quoted, but how many articles in total?") asks how many
    /// there are, not what that article says.
    #[serde(default)]
    pub article_total_words: Vec<String>,
    /// The plurals that count articles beside one of `article_total_words` ("articles",
    /// "статей"); "how many" alone may count within the article named.
    #[serde(default)]
    pub article_count_words: Vec<String>,
    /// Beside the word for article, numbering it ("the final article number", "номер последней
    /// статьи"): with one of `article_total_words`, the articles are counted too.
    #[serde(default)]
    pub article_number_words: Vec<String>,
    /// Words before the word for article that make it a publication ("the journal article:
    /// three principles", "журнальная статья"): a number after it names no treaty article.
    #[serde(default)]
    pub publication_article_words: Vec<String>,
    /// Nouns for a document ("paper", "column", "статья"): a year beside one names the document
    /// ("the 2023 paper", "в статье 2023 года"), not the date a question asks for.
    #[serde(default)]
    pub document_words: Vec<String>,
    /// Ordinal words and their numbers ("first" 1, "пятая" 5): next to the word for article
    /// they name an article ("the first article", "пятая статья").
    #[serde(default)]
    pub ordinals: std::collections::BTreeMap<String, u32>,
    /// Number words and their numbers ("three" 3, "пять" 5): right after the word for article
    /// they name one ("article three", "статья пять"); before it they count ("one article").
    #[serde(default)]
    pub cardinals: std::collections::BTreeMap<String, u32>,
    /// Question words whose next noun names what is asked ("which bank", "какие заводы"): an
    /// answer must mention that noun.
    #[serde(default)]
    pub focus_cues: Vec<String>,
    /// Question words that are followed by a noun only when a verb comes next ("what gifts did
    /// they swap", not "what happened").
    #[serde(default)]
    pub focus_cues_before_verb: Vec<String>,
    /// The verbs that make such a word's next word a noun ("did", "is").
    #[serde(default)]
    pub focus_verbs: Vec<String>,
    /// Words between such a question word and its noun ("exactly", "именно").
    #[serde(default)]
    pub focus_skip: Vec<String>,
    /// Words that stress what is asked without changing it ("в какой именно день", "when
    /// exactly"): left out before the cues of what a question asks for are looked for.
    #[serde(default)]
    pub kind_intensifiers: Vec<String>,
    /// Nouns an answer gives without naming them ("which country" → "Kazakhstan").
    #[serde(default)]
    pub generic_focus: Vec<String>,
    /// Words that mention things without naming them ("various think tanks", "ряд резервов"):
    /// an answer mentioning only so what a "which X" question asks does not say which.
    #[serde(default)]
    pub vague_quantifiers: Vec<String>,
    /// Nouns an ordinal before them numbers without the answer saying it: "the second
    /// president" is Mirziyoyev.
    #[serde(default)]
    pub unnumbered_after_ordinal: Vec<String>,
    /// Nouns of a series that "first" before them numbers ("the first meeting", "первое
    /// заседание"): an answer about another one of the series does not answer it. Elsewhere
    /// "first" seldom numbers anything ("which came first", "the first ally").
    #[serde(default)]
    pub series_after_first: Vec<String>,
    /// Words that, before such a noun, number the first of the series ("the inaugural
    /// session", "учредительное заседание").
    #[serde(default)]
    pub series_openers: Vec<String>,
    /// Words between such a noun and its number ("session number 1"; "session #1" is read as
    /// "session 1").
    #[serde(default)]
    pub series_number_words: Vec<String>,
    /// Words that open a question asking for content ("what", "как"), not for yes or no.
    #[serde(default)]
    pub open_question_words: Vec<String>,
    /// Present-tense verbs of saying that the verb endings of the matching layer do not tell
    /// ("пишет", "говорит"): the first part of a message with one and no question word states
    /// what the second part asks about.
    #[serde(default)]
    pub premise_verbs: Vec<String>,
    /// The allied-relations treaty's signatories, whom its articles never name: "article 2 of
    /// Tokayev and Mirziyoyev's treaty" still names this treaty's article.
    #[serde(default)]
    pub treaty_signatories: Vec<String>,
    /// The yes/no words an answer may open with ("Yes", "Да"): dropped when the question
    /// asked for content.
    #[serde(default)]
    pub yes_no_leads: Vec<String>,
    /// Letters of languages the bot does not read (Kazakh "әғқңөұүһі"): a question using them
    /// gets, when declined, a hint that the bot reads English and Russian.
    #[serde(default)]
    pub foreign_letters: String,
    /// Common words of such languages written in Latin letters (Uzbek "qachon", "nima").
    #[serde(default)]
    pub foreign_words: Vec<String>,
    /// What makes a question a follow-up of the last answer, and how it is rewritten.
    #[serde(default)]
    pub followup: FollowUpCues,
    /// Which pairs of countries the documents describe (see [`CountryPairs`]).
    #[serde(default)]
    pub country_pairs: CountryPairs,
}

/// The documents describe Kazakhstan's relations with Uzbekistan only: a question pairing the
/// `home` side with one of the `others` and naming nothing of the `partner` side ("when did
/// Kazakhstan and Russia sign their alliance?") asks about relations they never describe.
/// Each list holds one word per group of `synonyms.toml` (its other spellings count too).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CountryPairs {
    #[serde(default)]
    pub home: Vec<String>,
    #[serde(default)]
    pub partner: Vec<String>,
    #[serde(default)]
    pub others: Vec<String>,
    /// Words asking what a treaty says ("article", "clause", "говорится"): with a treaty word
    /// and one of the `others` but nothing of `home`, the question asks about another
    /// country's treaty, whose text no document gives.
    #[serde(default)]
    pub content: Vec<String>,
    /// Words for a treaty ("treaty", "pact", "договор").
    #[serde(default)]
    pub treaty_words: Vec<String>,
    /// Countries, capitals and leaders no document mentions ("Belarus", "Минск"): a question
    /// naming one asks about something else, whatever else it shares with an entry.
    #[serde(default)]
    pub absent: Vec<String>,
    /// Everyday topics no document touches ("currency", "погода"): weighed like `absent`.
    #[serde(default)]
    pub absent_topics: Vec<String>,
}

/// The words that make a short question a follow-up ("who signed it?", "а когда?") and the
/// words left out of the topic taken from the last answered entry.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpCues {
    /// Words pointing back at what was just answered ("it", "they", "его", "там").
    #[serde(default)]
    pub pronouns: Vec<String>,
    /// Pronouns that, ending words of one's own with no question word, are a particle and point
    /// at nothing ("ok, the border treaty then").
    #[serde(default)]
    pub trailing_particles: Vec<String>,
    /// Openings of an elliptic question ("and", "what about", "а как же"), phrases allowed.
    #[serde(default)]
    pub leads: Vec<String>,
    /// Question words and their companions ("how", "long", "когда"): never a topic.
    #[serde(default)]
    pub question_words: Vec<String>,
}

/// Ends a cue that must end the question: "когда … число $".
const CUE_AT_END: &str = " $";

/// A cue without its end marker, and whether it had one: ("когда … число", true) for "когда …
/// число $".
pub fn cue_without_end(cue: &str) -> (&str, bool) {
    match cue.trim_end().strip_suffix(CUE_AT_END) {
        Some(before) => (before, true),
        None => (cue, false),
    }
}

/// The phrases that make a question ask for one kind of fact.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerTypeCues {
    /// `day`, `month`, `year`, `place`, `number`, `money`.
    pub name: String,
    pub cues: Vec<String>,
    /// Phrases that show the question asks for something else despite a cue: "who is the
    /// closest nation" names a people, not a person.
    #[serde(default)]
    pub unless: Vec<String>,
    /// Phrases that, in an answer's lead sentence, show it gives this kind of fact.
    #[serde(default)]
    pub gives: Vec<String>,
}

/// How people ask about the time between two events, or their order.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineCues {
    /// Phrases asking for a number of years / months / days.
    #[serde(default)]
    pub years: Vec<String>,
    #[serde(default)]
    pub months: Vec<String>,
    #[serde(default)]
    pub days: Vec<String>,
    /// Phrases asking how long, without a unit ("how long after", "сколько времени").
    #[serde(default)]
    pub duration: Vec<String>,
    /// Words that point at the end of an event that lasted several days ("after the meeting
    /// ended", "после окончания").
    #[serde(default)]
    pub ends: Vec<String>,
    /// Phrases asking which of two events came first.
    #[serde(default)]
    pub order: Vec<String>,
    /// Words that show a question names two events ("between", "между"): when only one of them
    /// is found, the question is declined rather than answered about that one.
    #[serde(default)]
    pub between: Vec<String>,
    /// Words after a word of `between` (past stop words) that name the two parties, not two
    /// events: "как часто обходят линию между странами" names no event.
    #[serde(default)]
    pub between_parties: Vec<String>,
    /// Words that join or separate the two events ("between", "and", "после"): never part of
    /// an event's name.
    #[serde(default)]
    pub connectors: Vec<String>,
    /// Words that put events in sequence after an ordinal ("first … then", "first … later"):
    /// with one of them after it, "first" orders the events; without, "the first alliance"
    /// names one.
    #[serde(default)]
    pub sequence_words: Vec<String>,
    /// Single words that, beside a unit word (`year_words`, `month_words`, `day_words`), ask
    /// for the time between two events when the question names two known events but no cue
    /// phrase ("X then Y, gap in months?", "разница в годах").
    #[serde(default)]
    pub gap_words: Vec<String>,
    /// Single words that ask for the time between two named events without a unit beside
    /// them ("X, then Y: gap?"); the difference is given in the dates' own precision.
    #[serde(default)]
    pub time_gap_words: Vec<String>,
    /// Words asking the age of one named event at another ("what age was the 1998 treaty when
    /// the allied one was signed"): the years between them, unless an author is named (a
    /// person's age, which no document gives).
    #[serde(default)]
    pub age_words: Vec<String>,
    /// Words before a unit that make it no unit asked ("these days", "в наши дни": now).
    #[serde(default)]
    pub unit_idioms_before: Vec<String>,
    /// Phrases asking how long ("how long", "сколько времени") that ask for the time between
    /// two named events only when a word of `between` is in the question too.
    #[serde(default)]
    pub spans: Vec<String>,
    /// Single words that ask which of two named events came first ("earlier", "первым").
    #[serde(default)]
    pub order_words: Vec<String>,
    #[serde(default)]
    pub year_words: Vec<String>,
    #[serde(default)]
    pub month_words: Vec<String>,
    #[serde(default)]
    pub day_words: Vec<String>,
    /// Words that follow the source of a claim ("Askeroglu says", "Батыров пишет"): the word
    /// before them names who says it, not an event.
    #[serde(default)]
    pub said_by_before: Vec<String>,
    /// Phrases that precede the source of a claim ("according to Batyrov", "по словам Жайлина"):
    /// the word after them names who says it, not an event.
    #[serde(default)]
    pub said_by_after: Vec<String>,
    /// Words skipped between such a phrase and its source ("per the journal paper").
    #[serde(default)]
    pub said_by_skip: Vec<String>,
    /// Words before an author's name that make the author the source of a claim ("по
    /// аскероглу", "per zhailin"): only before a name, since "по" also means "on" ("договор по
    /// демаркации").
    #[serde(default)]
    pub said_by_author_after: Vec<String>,
    /// Words before an author's name that place a claim in the author's text ("у батырова"):
    /// the author is its source only when the question then names one event.
    #[serde(default)]
    pub said_in_author_after: Vec<String>,
    /// Words before a bare year that make it one end of a timeline question ("from 1991 to the
    /// alliance with Russia", "от 1998 до союза").
    #[serde(default)]
    pub year_ends: Vec<String>,
    /// Words that, beside one named event and a cue asking a gap, mean the event of
    /// `the_signing` ("от партнёрства 2013 до союза": the alliance is the one signed that
    /// day), unless another named event explains them.
    #[serde(default)]
    pub signing_words: Vec<String>,
}

/// `smalltalk.toml`: greetings, thanks and questions about the bot itself, answered with a fixed
/// text instead of document content.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SmalltalkFile {
    pub format_version: u32,
    #[serde(rename = "intent", default)]
    pub intents: Vec<SmalltalkIntent>,
    /// Words that may surround small talk without making it a question ("bro", "so", "тебе").
    #[serde(default)]
    pub filler: Vec<String>,
    /// Words naming the bot ("bot", "бот"): "who made this bot" is "who made you".
    #[serde(default)]
    pub addressee: Vec<String>,
    /// The pronouns an addressee word stands for in cues ("you", "тебя").
    #[serde(default)]
    pub addressee_pronouns: Vec<String>,
    /// Counting said into a microphone ("1 2 3", "раз два три"): left out of a message before
    /// small talk is looked for, so that "testing testing 1 2 3" is a check, not a question.
    #[serde(default)]
    pub count_offs: Vec<String>,
    /// Words that, opening what follows thanks or an acknowledgement, make it a question or a
    /// follow-up ("and", "а", "did", "remind"): "thanks, and the border treaty" asks on.
    #[serde(default)]
    pub follow_up_openers: Vec<String>,
}

/// One kind of small talk.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SmalltalkIntent {
    pub name: String,
    /// The key of the reply in `messages.toml`.
    pub reply: String,
    /// Words or phrases; a phrase matches when all its words occur in the message.
    pub cues: Vec<String>,
    /// Left unanswered in groups: a "thanks" or "👍" replying to the bot there needs no reply,
    /// and one would only add noise to the conversation.
    #[serde(default)]
    pub quiet_in_groups: bool,
    /// Words or phrases that make a message this intent whatever else it says: "tell me a joke
    /// about kazakhs and uzbeks" asks for a joke, "do you like kazakhstan more" for an
    /// opinion, not for the documents.
    #[serde(default)]
    pub anywhere: Vec<String>,
    /// Like a reaction, this intent may carry a word or two of comment that asks nothing, when
    /// one of these words introduces it ("thanks for the treaty info!", "спасибо за инфу про
    /// договор"); "great, trade target" still asks about the target.
    #[serde(default)]
    pub comment_after: Vec<String>,
    /// Opening a message, this intent makes the whole message this intent when the rest is a
    /// remark that asks nothing ("thanks, my essay is basically done now", "от души, теперь к
    /// семинару готов"), whatever words of the documents the remark happens to use.
    #[serde(default)]
    pub opens_a_remark: bool,
}

/// Real words typed for a question word, recognised by the word after them: "were did he
/// study" is "where did he study", because "were" is never followed by "did".
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionWordSlips {
    /// The slip and the question word it stands for.
    pub words: std::collections::BTreeMap<String, String>,
    /// The words after which a slip is read as its question word.
    pub before: Vec<String>,
}
