//! Answer kinds: what a question asks for (an exact day, a month, a year, a place, a number, a
//! sum of money) and what each record can give.
//!
//! A question that asks for a kind of fact its best record cannot give ("In which city was the
//! 100th meeting held?" against an entry that only dates the meeting) is declined honestly, with
//! what the documents do say, instead of being answered with a different fact.
//!
//! What a question asks comes from the cue phrases of `language.toml`; what a record gives is
//! read off its answer text (dates, numbers, place names, money words) or declared with
//! `answers = [...]` on an entry.

use super::normalize::{may_hold, tokenize, word_bit, words_mask, ORDINAL_ENDINGS};
use crate::knowledge::{schema::cue_without_end, LanguageFile, PartialDate};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A kind of fact a question can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum AnswerKind {
    /// An exact day ("what date", "какого числа").
    Day,
    /// A month ("which month").
    Month,
    /// A year ("what year", "в каком году").
    Year,
    /// A city or venue ("which city", "в каком здании").
    Place,
    /// A named person or office holder ("who was", "кто возглавлял").
    Person,
    /// A count or figure ("how many", "сколько").
    Number,
    /// A sum of money ("how much did it cost", "сколько стоил").
    Money,
    /// Someone's age or birth ("how old", "когда родился"): no document gives one, so only an
    /// entry declaring it could answer.
    Age,
    /// How long something lasted or lasts ("how long did the exercise last", "на какой срок"):
    /// a number of days, months or years.
    Duration,
    /// Who holds a post now ("who is the president right now", "кто щас президент"): the
    /// documents were written in 2022–2025 and cannot say, so only an entry declaring it could.
    Current,
    /// Who or what paid for something ("what funded his studies", "кто финансировал"): a
    /// scholarship, grant or fund, not a sum.
    Funder,
    /// A time of day or a day of the week ("what hour", "день недели"): no document gives one.
    Time,
    /// A language ("in which language was it signed", "на каком языке").
    Language,
    /// Which numbered article ("under which article is that", "в какой статье"): an article
    /// itself, or an answer that names an article with its number.
    Article,
    /// Whether something has happened since, or how it turned out ("has it come true yet",
    /// "уже провели?"): the documents were written in 2022–2025 and cannot say, so only an entry
    /// declaring it could.
    Later,
    /// A company, firm or contractor ("which company built it", "какая фирма"): the documents
    /// name none, so only an entry declaring it could.
    Company,
    /// What something is made of ("what are the border signs made of", "из чего сделаны"): no
    /// document says, so only an entry declaring it could.
    Material,
    /// Where someone studied or took a degree ("which uni did she graduate from", "где
    /// училась"): only an entry declaring it gives it. An entry that names a degree ("a Master
    /// of Sociology") or a workplace university does not say where the degree was taken.
    Education,
    /// Page numbers ("on what pages is the article", "на каких страницах"): no document gives
    /// any, so only an entry declaring it could.
    Pages,
    /// When someone took up a post, was appointed or elected, or began working somewhere
    /// ("when was he appointed spokesman", "с какого года преподаёт"): no document dates any,
    /// so only an entry declaring it could.
    Tenure,
    /// How often something happens ("how often does it meet", "раз в сколько"): "every
    /// quarter" or "annually" answers it without a figure, and a count alone does not.
    Frequency,
    /// How far one place is from another ("how far is Tashkent from Astana", "расстояние от
    /// Ташкента до Шымкента"): no document gives one (the border's length is not a distance
    /// between places), so only an entry declaring it could.
    Distance,
    /// Which academic degree someone holds ("does she have a PhD", "учёная степень"): a
    /// doctorate, a master's or a bachelor's named in the answer's lead; a post ("lecturer")
    /// does not say.
    Degree,
    /// How much land something covers ("what acreage does the trade centre cover", "какую
    /// площадь занимает"): an answer in hectares or square kilometres says; the border's length
    /// or the centre's launch date does not.
    Area,
    /// A share in percent ("by what percent did turnover grow", "на сколько процентов"): an
    /// answer with a percentage gives it; a count or a sum does not.
    Percent,
    /// Why something happened or was done ("why was the council created", "почему летом"):
    /// any answer but one giving a figure, which must give a cause or a purpose ("because",
    /// "чтобы", "due to") or be written to answer "why".
    Reason,
    /// When something happened, at any precision ("when was the Termez terminal opened",
    /// "когда открылся"): a year or a month anywhere in the answer gives it.
    Date,
    /// How someone reacted to something or commented on it ("did Ankara comment on the
    /// alliance", "как отреагировала Москва"): an answer reporting what someone said gives it;
    /// the documents record no third country's reaction.
    Reaction,
    /// A person's own name ("как зовут премьера", "his name?"): an answer naming someone by
    /// name gives it; one naming only an office ("the prime ministers") does not.
    Name,
    /// For how long an agreement is concluded or valid ("на сколько лет рассчитан договор",
    /// "does it expire"): no document gives a term, and the years between two treaties are no
    /// term of either, so only an entry declaring it could.
    Term,
}

impl AnswerKind {
    /// The name used in `language.toml` and in entries' `answers`.
    pub fn name(self) -> &'static str {
        match self {
            AnswerKind::Day => "day",
            AnswerKind::Month => "month",
            AnswerKind::Year => "year",
            AnswerKind::Place => "place",
            AnswerKind::Person => "person",
            AnswerKind::Number => "number",
            AnswerKind::Money => "money",
            AnswerKind::Age => "age",
            AnswerKind::Duration => "duration",
            AnswerKind::Current => "current",
            AnswerKind::Funder => "funder",
            AnswerKind::Time => "time",
            AnswerKind::Language => "language",
            AnswerKind::Article => "article",
            AnswerKind::Later => "later",
            AnswerKind::Company => "company",
            AnswerKind::Material => "material",
            AnswerKind::Education => "education",
            AnswerKind::Pages => "pages",
            AnswerKind::Tenure => "tenure",
            AnswerKind::Frequency => "frequency",
            AnswerKind::Distance => "distance",
            AnswerKind::Degree => "degree",
            AnswerKind::Area => "area",
            AnswerKind::Percent => "percent",
            AnswerKind::Reason => "reason",
            AnswerKind::Date => "date",
            AnswerKind::Reaction => "reaction",
            AnswerKind::Name => "name",
            AnswerKind::Term => "term",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [
            AnswerKind::Day,
            AnswerKind::Month,
            AnswerKind::Year,
            AnswerKind::Place,
            AnswerKind::Person,
            AnswerKind::Number,
            AnswerKind::Money,
            AnswerKind::Age,
            AnswerKind::Duration,
            AnswerKind::Current,
            AnswerKind::Funder,
            AnswerKind::Time,
            AnswerKind::Language,
            AnswerKind::Article,
            AnswerKind::Later,
            AnswerKind::Company,
            AnswerKind::Material,
            AnswerKind::Education,
            AnswerKind::Pages,
            AnswerKind::Tenure,
            AnswerKind::Frequency,
            AnswerKind::Distance,
            AnswerKind::Degree,
            AnswerKind::Area,
            AnswerKind::Percent,
            AnswerKind::Reason,
            AnswerKind::Date,
            AnswerKind::Reaction,
            AnswerKind::Name,
            AnswerKind::Term,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

/// What a record's answer can give.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Capabilities {
    kinds: HashSet<AnswerKind>,
    /// Places the answer mentions (group numbers of `language.toml`'s places).
    places: Vec<usize>,
    /// People and roles the answer mentions (group numbers of `language.toml`'s persons).
    persons: Vec<usize>,
    /// Numbers the answer mentions (digits), for "not the number the question already names".
    numbers: HashSet<String>,
    /// The words of the answers' lead sentences, separated by spaces (one string: the engine is
    /// deserialised at every start, and it is only ever scanned).
    lead_words: String,
    /// Dates known to the day or the month: precision, month, and year when the text gives it.
    dates: Vec<(AnswerKind, u8, Option<String>)>,
    /// Kinds a `gives` phrase of `language.toml` shows ("university" for a place): given
    /// whatever the question names.
    phrase_given: HashSet<AnswerKind>,
    /// For an entry saying the documents do not give something: the kinds its phrasings ask.
    declined: HashSet<AnswerKind>,
    /// The ordinals the answer texts use ("IV (fourth) meeting", "100th", "100-е"), for "the
    /// fifth meeting" asked of an entry about the fourth.
    ordinals: Vec<u32>,
}

impl Capabilities {
    /// False when the question names one side's office and the answer's lead names only
    /// the other side: "the Uzbek ministry's spokesman" is not the Kazakh one.
    fn names_the_side_asked(&self, question: &Asked) -> bool {
        let [side] = question.sides[..] else {
            return true;
        };
        let named =
            |s: usize| names_side(&question.side_words[s], self.lead_words.split_whitespace());
        // A lead naming neither side may still be about the one asked.
        named(side) || !(0..question.side_words.len()).any(|other| other != side && named(other))
    }

    /// The same, also giving a reason: an entry written to answer "why" gives one, whether or
    /// not its lead says "because".
    pub fn with_reason(mut self) -> Self {
        self.give_reason();
        self
    }

    fn give_reason(&mut self) {
        self.kinds.insert(AnswerKind::Reason);
        self.phrase_given.insert(AnswerKind::Reason);
    }

    /// The same, for an entry saying the documents do not give `kinds`.
    pub fn with_declined_kinds(mut self, kinds: impl IntoIterator<Item = AnswerKind>) -> Self {
        self.declined.extend(kinds);
        self
    }

    /// True when the answer numbers things (ordinals) but never with `n`: "where was the fifth
    /// meeting held" is not answered by the entry on the fourth.
    pub fn misses_ordinal(&self, n: u32) -> bool {
        !self.ordinals.is_empty() && !self.ordinals.contains(&n)
    }

    /// True for an entry saying the documents do not give `kind` ("when does the treaty enter
    /// into force?"): when it ranks first, it answers a question asking for `kind`, rather
    /// than a lower entry that merely shows such a fact.
    pub fn declines(&self, kind: AnswerKind) -> bool {
        // A date not given to a precision is not given to a finer one: the entry asking "in
        // what year did the treaty enter into force?" also declines "which month", "what date".
        // Not the other way: the entry on the exercises' exact days does not decline their year.
        let coarser: &[AnswerKind] = match kind {
            AnswerKind::Day => &[AnswerKind::Month, AnswerKind::Year],
            AnswerKind::Month => &[AnswerKind::Year],
            _ => &[],
        };
        self.declined.contains(&kind) || coarser.iter().any(|k| self.declined.contains(k))
    }

    /// The months and years this record dates to the month only or to the day.
    pub fn dated_months(&self) -> impl Iterator<Item = (u8, Option<&str>)> + '_ {
        self.dates
            .iter()
            .map(|(_, month, year)| (*month, year.as_deref()))
    }

    /// True when the record gives the day of a date in `month` of `year`.
    pub fn gives_day_in(&self, month: u8, year: Option<&str>) -> bool {
        self.dates.iter().any(|(precision, m, y)| {
            *precision == AnswerKind::Day && *m == month && (year.is_none() || y.as_deref() == year)
        })
    }

    /// The same, giving the article it is (an article record).
    pub fn of_article(mut self) -> Self {
        self.kinds.insert(AnswerKind::Article);
        self
    }

    /// The same, also giving `number` (an article's own number) when the text gives none:
    /// a count the text gives still answers "how many … in article 7".
    pub fn with_number(mut self, number: &str) -> Self {
        if self.kinds.insert(AnswerKind::Number) {
            self.numbers.insert(number.to_owned());
        }
        self
    }

    /// True when the record can give `kind` for this question: for places and numbers, one the
    /// question does not already name ("which building in Tashkent" is not answered by
    /// "Tashkent").
    pub fn gives(&self, kind: AnswerKind, question: &Asked) -> bool {
        let question_words = question.words;
        // "Разница сколько?" between two visits is answered by "около года": a span counts
        // where a gap or a unit of time is asked ("how many times" is no span).
        if kind == AnswerKind::Number
            && question.asks_span
            && self.phrase_given.contains(&AnswerKind::Duration)
        {
            return true;
        }
        // A name, and one of whoever holds the office asked about: "the Uzbek spokesman's name"
        // is not answered by the Kazakh one's.
        if kind == AnswerKind::Name {
            return self.phrase_given.contains(&kind) && self.gives(AnswerKind::Person, question);
        }
        if !self.kinds.contains(&kind) {
            return false;
        }
        if self.phrase_given.contains(&kind) {
            return true;
        }
        match kind {
            // "What exact day in 2016…" needs a day of 2016, not any day.
            // "Which day in February 2022…" needs a day of February 2022.
            AnswerKind::Day | AnswerKind::Month if !self.dates.is_empty() => {
                let years = &question.years;
                let months: Vec<u8> = question_words
                    .iter()
                    .filter_map(|w| PartialDate::month_of_word(w))
                    .collect();
                self.dates.iter().any(|(precision, month, year)| {
                    (kind == AnswerKind::Month || *precision == AnswerKind::Day)
                        && (years.is_empty() || year.as_ref().is_none_or(|y| years.contains(&y)))
                        && (months.is_empty() || months.contains(month))
                })
            }
            // Declared without a name in the text: trust the declaration.
            AnswerKind::Place if self.places.is_empty() || question.place_choice => true,
            AnswerKind::Place => self.places.iter().any(|p| !question.places.contains(p)),
            // "Who is the current Prime Minister?" is not answered by an entry that only names
            // the office of Prime Minister.
            AnswerKind::Person if self.persons.is_empty() => true,
            // "Who was the ambassador?" is not answered by an entry naming the presidents, nor
            // "the deputy prime minister" by one naming the prime ministers: every office named.
            AnswerKind::Person if !question.offices.is_empty() => {
                question.offices.iter().all(|office| {
                    let prefix: String = office.chars().take(OFFICE_PREFIX_CHARS).collect();
                    let prefixes = question.office_prefixes(&prefix);
                    self.lead_words.split_whitespace().any(|w| {
                        prefixes.iter().any(|p| w.starts_with(p))
                            && !question
                                .office_lookalikes
                                .iter()
                                .any(|l| w.starts_with(l.as_str()))
                    })
                }) && self.persons.iter().any(|p| !question.persons.contains(p))
                    && self.names_the_side_asked(question)
            }
            AnswerKind::Person => self.persons.iter().any(|p| !question.persons.contains(p)),
            AnswerKind::Number if !self.numbers.is_empty() => self
                .numbers
                .iter()
                .any(|n| !question_words.iter().any(|w| w == n)),
            _ => true,
        }
    }
}

/// A question as the kind check needs it: its words and the places and people it names.
#[derive(Debug, Clone)]
pub struct Asked<'a> {
    pub words: &'a [String],
    /// The years the question names, but for one beside a noun for a document ("the 2023
    /// paper", "в статье 2023 года"), which names the document, not the date asked for.
    years: Vec<&'a String>,
    places: Vec<usize>,
    persons: Vec<usize>,
    /// Offices the question names ("ambassador"): a person answer must hold one of them.
    offices: Vec<&'a String>,
    /// Words beginning like an office that name an institution ("ministry").
    office_lookalikes: &'a [String],
    /// Beginnings of words naming one office in different words ("chair", "head").
    office_equivalents: &'a [Vec<String>],
    /// The sides the question names (group numbers of `language.toml`'s sides).
    sides: Vec<usize>,
    /// Every side's words, to look for in an answer.
    side_words: &'a [Vec<String>],
    /// True for a choice between places ("in Baku or in Tashkent?"): an answer naming one of
    /// them says which.
    place_choice: bool,
    /// True when a word of a gap ("разница", "apart") or a unit of time is asked about.
    asks_span: bool,
}

impl Asked<'_> {
    /// The beginnings of words naming the office that begins with `prefix`: itself and, when
    /// it is one of a group of equivalents ("chair", "head"), the others.
    fn office_prefixes(&self, prefix: &str) -> Vec<String> {
        let mut prefixes = vec![prefix.to_owned()];
        for group in self.office_equivalents {
            if group
                .iter()
                .any(|p| prefix.starts_with(p.as_str()) || p.starts_with(prefix))
            {
                prefixes.extend(group.iter().cloned());
            }
        }
        prefixes
    }
}

/// The cues of `language.toml`, ready to match.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Kinds {
    /// Cue phrases, in file order: the first kind whose cue occurs wins. A cue is one or more
    /// runs of words that occur in this order ("where … held" is two runs, with any words
    /// between them).
    cues: Vec<(AnswerKind, Vec<Vec<String>>)>,
    /// The numbers of the cues by their first word: a cue can only occur when its first word
    /// does, and a question has a dozen words against hundreds of cues.
    cues_by_first: HashMap<String, Vec<u32>>,
    /// The cues for a number that are one run of words ("how many", "сколько"), in file order:
    /// what follows one is what is counted ([`Kinds::after_count_cue`]).
    count_cues: Vec<Vec<String>>,
    /// Per cue of `cues`: its words' [`words_mask`]. A cue whose bits a question lacks cannot
    /// occur in it, and is not searched for.
    cue_masks: Vec<u64>,
    /// Per kind, words that cancel its cues ("who is the nearest nation").
    unless: Vec<(AnswerKind, Vec<Vec<String>>)>,
    /// Per kind, phrases whose presence in an answer's lead gives it ("scholarship" names a
    /// funder).
    givers: Vec<(AnswerKind, Vec<Vec<String>>)>,
    /// Per place group, its spellings as word lists.
    places: Vec<Vec<Vec<String>>>,
    persons: Vec<Vec<Vec<String>>>,
    /// The [`words_mask`] of each spelling of `places` and of `persons`, group by group: a
    /// spelling whose bits a question lacks is not searched for.
    place_masks: Vec<Vec<u64>>,
    person_masks: Vec<Vec<u64>>,
    offices: HashSet<String>,
    /// Words left out before cues are looked for ("в какой именно день" is "в какой день").
    intensifiers: HashSet<String>,
    /// The union of their [`words_mask`] bits: a question without one of these bits has none
    /// of them, and is not searched.
    intensifier_bits: u64,
    /// The same for `series_after_first`.
    series_bits: u64,
    /// Beginnings of institutions' names that begin like an office ("ministry").
    office_lookalikes: Vec<String>,
    office_equivalents: Vec<Vec<String>>,
    /// Per side, its words and word beginnings (`*` ending).
    sides: Vec<Vec<String>>,
    number_words: HashSet<String>,
    /// The words for one article ("article", "статья"; the synonym group of the knowledge
    /// base): an answer naming one with its number gives an article.
    article_words: HashSet<String>,
    /// Nouns for a document: a year beside one is no date asked (see [`Asked::years`]).
    document_words: HashSet<String>,
    paired_nouns: HashSet<String>,
    pair_words: HashSet<String>,
    uncounted_after_count: HashSet<String>,
    money_words: Vec<Vec<String>>,
    /// Beginnings of words that count time ("day", "year", "дн", "лет").
    time_units: Vec<String>,
    /// Ordinal words ("fifth", "пятая") and their numbers.
    ordinal_words: HashMap<String, u32>,
    /// Number words and their values ("one", "один"): "session #1" is read as "session one".
    cardinal_words: HashMap<String, u32>,
    /// Nouns an ordinal numbers without an answer repeating it ("second president").
    unnumbered_after_ordinal: HashSet<String>,
    /// Nouns of a series "first" numbers ("the first meeting").
    series_after_first: HashSet<String>,
    /// Words numbering the first of a series before its noun ("inaugural").
    series_openers: HashSet<String>,
    /// Words between a series noun and its number ("number").
    series_number_words: HashSet<String>,
    /// Words for a gap in time ("difference", "разница"; the timeline's).
    gap_words: HashSet<String>,
}

impl Kinds {
    /// The cues of `language`; `article_words` are the words for article (its synonyms).
    pub fn new(language: &LanguageFile, article_words: &[String]) -> Self {
        let phrases = |list: &[String]| -> Vec<Vec<String>> {
            list.iter()
                .map(|p| tokenize(p))
                .filter(|w| !w.is_empty())
                .collect()
        };
        let cues: Vec<(AnswerKind, Vec<Vec<String>>)> = language
            .answer_types
            .iter()
            .filter_map(|t| AnswerKind::from_name(&t.name).map(|kind| (kind, &t.cues)))
            .flat_map(|(kind, cues)| cues.iter().map(move |c| (kind, cue_runs(c))))
            .filter(|(_, runs)| !runs.is_empty())
            .collect();
        let mut cues_by_first: HashMap<String, Vec<u32>> = HashMap::default();
        for (i, (_, runs)) in cues.iter().enumerate() {
            cues_by_first
                .entry(runs[0][0].clone())
                .or_default()
                .push(i as u32);
        }
        let unless = language
            .answer_types
            .iter()
            .filter(|t| !t.unless.is_empty())
            .filter_map(|t| AnswerKind::from_name(&t.name).map(|kind| (kind, phrases(&t.unless))))
            .collect();
        let givers = language
            .answer_types
            .iter()
            .filter(|t| !t.gives.is_empty())
            .filter_map(|t| AnswerKind::from_name(&t.name).map(|kind| (kind, phrases(&t.gives))))
            .collect();
        let count_cues = cues
            .iter()
            .filter(|(kind, runs)| *kind == AnswerKind::Number && runs.len() == 1)
            .map(|(_, runs)| runs[0].clone())
            .collect();
        let places: Vec<Vec<Vec<String>>> = language.places.iter().map(|g| phrases(g)).collect();
        let persons: Vec<Vec<Vec<String>>> = language.persons.iter().map(|g| phrases(g)).collect();
        let masks = |groups: &[Vec<Vec<String>>]| -> Vec<Vec<u64>> {
            groups
                .iter()
                .map(|spellings| spellings.iter().map(words_mask).collect())
                .collect()
        };
        let (place_masks, person_masks) = (masks(&places), masks(&persons));
        let cue_masks = cues
            .iter()
            .map(|(_, runs)| words_mask(runs.iter().flatten()))
            .collect();
        Kinds {
            cues,
            cues_by_first,
            count_cues,
            cue_masks,
            unless,
            givers,
            places,
            persons,
            place_masks,
            person_masks,
            offices: tokens_of(&language.offices),
            intensifiers: tokens_of(&language.kind_intensifiers),
            intensifier_bits: words_mask(&tokens_of::<Vec<String>>(&language.kind_intensifiers)),
            series_bits: words_mask(&tokens_of::<Vec<String>>(&language.series_after_first)),
            office_lookalikes: tokens_of(&language.office_lookalikes),
            office_equivalents: language
                .office_equivalents
                .iter()
                .map(|group| tokens_of(group))
                .collect(),
            // Written as tokens are: lower case, "е" for "ё".
            sides: language
                .sides
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|p| p.to_lowercase().replace('ё', "е"))
                        .collect()
                })
                .collect(),
            article_words: tokens_of(article_words),
            document_words: tokens_of(&language.document_words),
            number_words: tokens_of(&language.number_words),
            paired_nouns: tokens_of(&language.paired_nouns),
            pair_words: tokens_of(&language.pair_words),
            uncounted_after_count: language.uncounted_after_count.iter().cloned().collect(),
            money_words: phrases(&language.money_words),
            time_units: language.time_units.clone(),
            ordinal_words: language
                .ordinals
                .iter()
                .map(|(w, &n)| (w.clone(), n))
                .collect(),
            cardinal_words: language
                .cardinals
                .iter()
                .map(|(w, &n)| (w.clone(), n))
                .collect(),
            unnumbered_after_ordinal: tokens_of(&language.unnumbered_after_ordinal),
            series_after_first: tokens_of(&language.series_after_first),
            series_openers: tokens_of(&language.series_openers),
            series_number_words: tokens_of(&language.series_number_words),
            gap_words: tokens_of(&language.timeline.gap_words),
        }
    }

    /// The places and people a question names, for the kind check.
    pub fn question<'a>(&'a self, words: &'a [String]) -> Asked<'a> {
        let present = words_mask(words);
        let named = |groups: &[Vec<Vec<String>>], masks: &[Vec<u64>]| -> Vec<usize> {
            groups
                .iter()
                .zip(masks)
                .enumerate()
                .filter(|(_, (spellings, masks))| {
                    spellings
                        .iter()
                        .zip(masks.iter())
                        .any(|(s, &mask)| may_hold(present, mask) && contains_sequence(words, s))
                })
                .map(|(group, _)| group)
                .collect()
        };
        Asked {
            words,
            years: self.years_asked(words),
            places: named(&self.places, &self.place_masks),
            persons: named(&self.persons, &self.person_masks),
            offices: words.iter().filter(|w| self.offices.contains(*w)).collect(),
            office_lookalikes: &self.office_lookalikes,
            office_equivalents: &self.office_equivalents,
            sides: self.sides_of_offices(words),
            side_words: &self.sides,
            place_choice: self.offers_a_choice_of_places(words),
            asks_span: words
                .iter()
                .any(|w| self.gap_words.contains(w) || self.is_time_unit(w)),
        }
    }

    /// True when "or" stands between two places ("в Баку или в Ташкенте?", "Tashkent or
    /// Astana"): the question asks which place, though it names both. Not when it asks which
    /// came first ("ally with Dushanbe or Baku first?"): the places stand for two events.
    fn offers_a_choice_of_places(&self, words: &[String]) -> bool {
        if !words.iter().any(|w| OR_WORDS.contains(&w.as_str()))
            || words.iter().any(|w| ORDER_WORDS.contains(&w.as_str()))
        {
            return false;
        }
        let mut is_place = vec![false; words.len()];
        for (i, spelling) in self.places.iter().flatten().flat_map(|spellings| {
            (0..words.len())
                .filter_map(move |i| words[i..].starts_with(spellings).then_some((i, spellings)))
        }) {
            is_place[i..i + spelling.len()].fill(true);
        }
        words.iter().enumerate().any(|(i, w)| {
            OR_WORDS.contains(&w.as_str())
                && is_place[i.saturating_sub(PLACE_CHOICE_GAP)..i].contains(&true)
                && is_place[i + 1..(i + 1 + PLACE_CHOICE_GAP).min(words.len())].contains(&true)
        })
    }

    /// The years of `words` but those beside a noun for a document (see [`Asked::years`]).
    fn years_asked<'a>(&self, words: &'a [String]) -> Vec<&'a String> {
        let document = |at: Option<usize>| {
            at.and_then(|at| words.get(at))
                .is_some_and(|w| self.document_words.contains(w))
        };
        words
            .iter()
            .enumerate()
            .filter(|(i, w)| is_year(w) && !document(Some(i + 1)) && !document(i.checked_sub(1)))
            .map(|(_, w)| w)
            .collect()
    }

    /// The sides named next to an office ("the Uzbek foreign ministry's spokesman", "пресс-
    /// секретарь МИД Узбекистана"): a side further away says something else ("the spokesman
    /// who announced the agreement with Uzbekistan").
    fn sides_of_offices(&self, words: &[String]) -> Vec<usize> {
        let near_an_office = |i: usize| {
            let from = i.saturating_sub(SIDE_OFFICE_WINDOW);
            let to = (i + SIDE_OFFICE_WINDOW + 1).min(words.len());
            words[from..to].iter().any(|w| self.offices.contains(w))
        };
        let near: Vec<&str> = (0..words.len())
            .filter(|&i| near_an_office(i))
            .map(|i| words[i].as_str())
            .collect();
        (0..self.sides.len())
            .filter(|&side| names_side(&self.sides[side], near.iter().copied()))
            .collect()
    }

    /// The kind of fact a question (its words after typo correction) asks for, if it names one.
    pub fn asked(&self, words: &[String]) -> Option<AnswerKind> {
        let asked = self.asked_as_written(words);
        // "В какой именно день": the cue without the word stressing it ("where exactly" is a
        // cue of its own).
        if asked.is_none()
            && words_mask(words) & self.intensifier_bits != 0
            && words.iter().any(|w| self.intensifiers.contains(w))
        {
            let plain: Vec<String> = words
                .iter()
                .filter(|w| !self.intensifiers.contains(*w))
                .cloned()
                .collect();
            return self.asked_as_written(&plain);
        }
        asked
    }

    /// [`Kinds::asked`] of the words as they are.
    fn asked_as_written(&self, words: &[String]) -> Option<AnswerKind> {
        // Only cues whose first word occurs and whose words' bits the question has (most are
        // ruled out so, before the sort), in file order.
        let present = words_mask(words);
        let mut candidates: Vec<u32> = words
            .iter()
            .filter_map(|w| self.cues_by_first.get(w))
            .flatten()
            .copied()
            .filter(|&i| may_hold(present, self.cue_masks[i as usize]))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let cued = candidates
            .iter()
            .map(|&i| &self.cues[i as usize])
            .find(|(kind, cue)| occurs_in_order(words, cue) && !self.cancelled(*kind, words))
            .map(|(kind, _)| *kind);
        // "Who was Kazakhstan's foreign minister?" asks for the holder of an office; "who is
        // Zhailin?" asks for a description, and names no office.
        let office = words.iter().any(|w| self.offices.contains(w));
        let who = words.iter().any(|w| WHO_WORDS.contains(&w.as_str())) || self.which_office(words);
        // "Who is the rector of the university": the office asks for a person, although
        // "university" cancels the person cues ("who is the best university").
        match cued {
            None | Some(AnswerKind::Number) if who && office => Some(AnswerKind::Person),
            None if self.offers_a_choice_of_places(words) => Some(AnswerKind::Place),
            cued => cued,
        }
    }

    /// True for "which (Uzbek) prime minister…", "какой министр…", "name of the officer…": a
    /// which-word or a name-word with an office right after it asks, like "who", for the person
    /// holding it.
    fn which_office(&self, words: &[String]) -> bool {
        // "the spokesperson's name", "spokesperson name?": the office just before.
        let office_named = |i: usize| {
            NAME_WORDS.contains(&words[i].as_str())
                && words[i.saturating_sub(NAME_OFFICE_GAP + 1)..i]
                    .iter()
                    .any(|b| self.offices.contains(b))
        };
        (0..words.len()).any(office_named)
            || words.iter().enumerate().any(|(i, w)| {
                let gap = if WHICH_WORDS.contains(&w.as_str()) {
                    WHICH_OFFICE_GAP
                } else if NAME_WORDS.contains(&w.as_str()) {
                    NAME_OFFICE_GAP
                } else {
                    return false;
                };
                words
                    .iter()
                    .skip(i + 1)
                    .take(gap + 1)
                    .any(|next| self.offices.contains(next))
            })
    }

    /// True when the question has a word that cancels `kind`'s cues.
    fn cancelled(&self, kind: AnswerKind, words: &[String]) -> bool {
        self.unless
            .iter()
            .filter(|(k, _)| *k == kind)
            .any(|(_, unless)| unless.iter().any(|p| contains_sequence(words, p)))
    }

    /// Like [`Kinds::asked`], knowing which words name a person: "сколько лет Муслимовой?" and
    /// "сколько лет было Мирзиёеву, когда…" ask a person's age, not a span of years ("сколько
    /// лет отношениям по Жайлину?").
    pub fn asked_of(
        &self,
        words: &[String],
        is_person: impl Fn(&str) -> bool,
    ) -> Option<AnswerKind> {
        let persons_age = words
            .windows(3)
            .any(|w| w[0] == "сколько" && w[1] == "лет" && is_person(&w[2]))
            || asks_age_then(words, &is_person);
        match self.asked(words) {
            Some(AnswerKind::Number) if persons_age => Some(AnswerKind::Age),
            asked => asked,
        }
    }

    /// True for a word counting time ("days", "лет", "месяца"): a number before it is a span.
    fn is_time_unit(&self, word: &str) -> bool {
        self.time_units
            .iter()
            .any(|unit| word.starts_with(unit.as_str()))
    }

    /// True when the words name one article with its number ("Article 7", "статья 4", "4-я
    /// статья"). The plural does not count: an overview listing "articles 2, 3 and 17" does
    /// not place a given topic in one of them.
    fn names_numbered_article(&self, words: &[String]) -> bool {
        let digits = |i: Option<usize>| {
            i.and_then(|i| words.get(i))
                .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
        };
        words.iter().enumerate().any(|(i, w)| {
            self.article_words.contains(w)
                && (digits(Some(i + 1))
                    || digits(i.checked_sub(1))
                    || (digits(i.checked_sub(2))
                        && ORDINAL_ENDINGS.contains(&words[i - 1].as_str())))
        })
    }

    /// True when a word is a spelling of a person or role of `language.toml`.
    pub fn is_person_word(&self, word: &str) -> bool {
        self.persons
            .iter()
            .flatten()
            .any(|s| s.len() == 1 && s[0] == word)
    }

    /// The words after a counting cue ("how many signs…" gives "signs…"), for what is counted.
    pub fn after_count_cue<'a>(&self, words: &'a [String]) -> Option<&'a [String]> {
        self.count_cues.iter().find_map(|cue| {
            let at = words.windows(cue.len()).position(|w| same_words(w, cue))?;
            Some(&words[at + cue.len()..])
        })
    }

    /// True when the words after a count cue count nothing named: occurrences ("how many
    /// times a year") or whose figure it is ("how much according to the headline").
    pub fn counts_nothing_named(&self, after_cue: &[String]) -> bool {
        // One word ("times"), or two ("в итоге": in the end).
        let first_two = after_cue.get(..2).map(|two| two.join(" "));
        after_cue
            .first()
            .into_iter()
            .chain(first_two.as_ref())
            .any(|w| self.uncounted_after_count.contains(w))
    }

    /// What a record gives, from its answer texts and the kinds it declares.
    pub fn capabilities(&self, answers: &[&str], declared: &[String]) -> Capabilities {
        let mut caps = Capabilities::default();
        for kind in declared.iter().filter_map(|d| AnswerKind::from_name(d)) {
            caps.kinds.insert(kind);
        }
        for text in answers {
            caps.ordinals.extend(self.ordinals_in(text));
            let words = tokenize(lead(text));
            if self.names_numbered_article(&tokenize(text)) {
                caps.kinds.insert(AnswerKind::Article);
            }
            for word in &words {
                caps.lead_words.push(' ');
                caps.lead_words.push_str(word);
            }
            let present: HashSet<&str> = words.iter().map(String::as_str).collect();
            // A phrase can only occur when its first word does: most are ruled out by one look-up.
            let occurs = |phrase: &Vec<String>| {
                present.contains(phrase[0].as_str()) && contains_sequence(&words, phrase)
            };
            self.read_dates(&words, &mut caps);
            self.read_numbers(&words, &mut caps);
            if lead(text).contains('%') {
                caps.kinds.insert(AnswerKind::Percent);
                caps.phrase_given.insert(AnswerKind::Percent);
            }
            if text.contains('$')
                || self
                    .money_words
                    .iter()
                    .any(|m| contains_sequence(&words, m))
            {
                caps.kinds.insert(AnswerKind::Money);
                caps.kinds.insert(AnswerKind::Number);
            }
            // In the lead only, like every kind: a footnote entry that mentions a
            // "Russian-language page" in passing does not say in which language a treaty was
            // signed.
            for (kind, _) in self.givers.iter().filter(|(_, g)| g.iter().any(occurs)) {
                caps.kinds.insert(*kind);
                caps.phrase_given.insert(*kind);
            }
            // "When" accepts a date anywhere in the answer, at any precision: "after the events
            // in Andijan in May 2005" says when they were, in its second sentence.
            let all_words = tokenize(text);
            if all_words
                .iter()
                .any(|w| is_year(w) || PartialDate::month_of_word(w).is_some())
            {
                caps.kinds.insert(AnswerKind::Date);
            }
            // A reason often follows the fact it explains ("Uzbekistan turned to Moscow. After
            // Andijan, the West…"), and someone's words the fact they comment on ("…, and
            // Tokayev said the agreements would open new horizons"): anywhere in the answer.
            if self.given_anywhere(AnswerKind::Reason, &all_words) {
                caps.give_reason();
            }
            if self.given_anywhere(AnswerKind::Reaction, &all_words) {
                caps.kinds.insert(AnswerKind::Reaction);
                caps.phrase_given.insert(AnswerKind::Reaction);
            }
            self.read_names(&words, &occurs, &mut caps);
        }
        // Why a figure is what it is ("why every ten years", "why 400 hectares") the documents
        // never say, unless the answer gives a cause; an answer describing or explaining
        // something is taken to answer "why" about it.
        const FIGURES: [AnswerKind; 4] = [
            AnswerKind::Number,
            AnswerKind::Area,
            AnswerKind::Percent,
            AnswerKind::Money,
        ];
        if !FIGURES.iter().any(|k| caps.kinds.contains(k)) {
            caps.give_reason();
        }
        caps
    }

    /// True when a phrase giving `kind` occurs anywhere in an answer's words.
    fn given_anywhere(&self, kind: AnswerKind, all_words: &[String]) -> bool {
        self.givers
            .iter()
            .filter(|(k, _)| *k == kind)
            .any(|(_, g)| g.iter().any(|phrase| contains_sequence(all_words, phrase)))
    }

    /// The counts and durations in an answer's lead: a number that is no year, day or ordinal
    /// ("100-е заседание"), a number word not paired with a noun, a count before a time unit.
    fn read_numbers(&self, words: &[String], caps: &mut Capabilities) {
        for (i, word) in words.iter().enumerate() {
            let digits = word.chars().all(|c| c.is_ascii_digit() || c == '.');
            // "100-е заседание", "100-го": an ordinal, not a count.
            let ordinal = words
                .get(i + 1)
                .is_some_and(|n| ORDINAL_ENDINGS.contains(&n.as_str()));
            if digits && !is_year(word) && !is_day_of(words, i) && !ordinal {
                caps.kinds.insert(AnswerKind::Number);
                caps.numbers.insert(word.clone());
            }
            let paired = self.pair_words.contains(word)
                && words
                    .get(i + 1)
                    .is_some_and(|n| self.paired_nouns.contains(n));
            // "Шесть дней: … с 14 по 19 ноября" gives a count the question does not name.
            if self.number_words.contains(word) && !paired {
                caps.kinds.insert(AnswerKind::Number);
                caps.numbers.insert(word.clone());
            }
            let counted = (digits && !is_year(word)) || self.number_words.contains(word);
            if counted && words.get(i + 1).is_some_and(|n| self.is_time_unit(n)) {
                caps.kinds.insert(AnswerKind::Duration);
            }
        }
    }

    /// The places and persons an answer's lead names (a person only where named as one).
    fn read_names(
        &self,
        words: &[String],
        occurs: &impl Fn(&Vec<String>) -> bool,
        caps: &mut Capabilities,
    ) {
        for (group, spellings) in self.places.iter().enumerate() {
            if spellings.iter().any(occurs) {
                caps.kinds.insert(AnswerKind::Place);
                caps.places.push(group);
            }
        }
        for (group, spellings) in self.persons.iter().enumerate() {
            if spellings
                .iter()
                .any(|s| occurs(s) && names_a_person(words, s))
            {
                caps.kinds.insert(AnswerKind::Person);
                caps.persons.push(group);
            }
        }
    }

    /// The first ordinal word in a question ("the fifth meeting", "пятое совещание") and its
    /// position. "First" only before a noun of a series ("the first meeting"): "which came
    /// first", "the first ally" rarely number a series.
    pub fn ordinal_asked(&self, words: &[String]) -> Option<(usize, u32)> {
        let ordinal = words.iter().enumerate().find_map(|(i, w)| {
            let next = words.get(i + 1);
            let numbers_a_person =
                next.is_some_and(|next| self.unnumbered_after_ordinal.contains(next));
            let numbers_a_series = next.is_some_and(|next| self.series_after_first.contains(next));
            if numbers_a_series && self.series_openers.contains(w) {
                return Some((i, 1));
            }
            self.ordinal_words
                .get(w)
                .filter(|&&n| (n > 1 || numbers_a_series) && !numbers_a_person)
                .map(|&n| (i, n))
        });
        ordinal.or_else(|| self.series_numbered(words))
    }

    /// True for a noun of a series that an ordinal before it numbers ("meeting", "встреча").
    pub fn is_series_noun(&self, word: &str) -> bool {
        self.series_after_first.contains(word)
    }

    /// "Session 1", "session number 1", "заседание номер 1": a series noun and its number,
    /// at the noun.
    fn series_numbered(&self, words: &[String]) -> Option<(usize, u32)> {
        words.iter().enumerate().find_map(|(i, w)| {
            // The bit first: most words are no series noun, and a lookup costs more.
            if word_bit(w) & self.series_bits == 0 || !self.series_after_first.contains(w) {
                return None;
            }
            let rest = &words[i + 1..];
            let skip = usize::from(
                rest.first()
                    .is_some_and(|n| self.series_number_words.contains(n)),
            );
            let number = rest.get(skip)?;
            let n = number
                .parse()
                .ok()
                .or_else(|| self.cardinal_words.get(number).copied())
                .filter(|n| (1..=SERIES_NUMBER_LIMIT).contains(n))?;
            // "Session 14-19 November", "the november sitting (14-19)": days, not its number.
            let is_month = |w: &String| PartialDate::month_of_word(w).is_some();
            let dated = rest.get(skip + 1).is_some_and(|u| {
                self.is_time_unit(u) || is_month(u) || u.bytes().all(|b| b.is_ascii_digit())
            }) || words[i.saturating_sub(2)..i].iter().any(is_month);
            (!dated).then_some((i, n))
        })
    }

    /// The ordinals of a text: ordinal words, Roman numerals in capitals ("IV") and numbers
    /// with an ordinal ending ("100th", "100-е").
    fn ordinals_in(&self, text: &str) -> Vec<u32> {
        let mut found = Vec::new();
        let raw: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || "()«»\"“”,.;:".contains(c))
            .filter(|w| !w.is_empty())
            .collect();
        for word in raw {
            if let Some(n) = roman_number(word).or_else(|| numbered_ordinal(word)) {
                found.push(n);
            }
        }
        for word in tokenize(text) {
            if let Some(&n) = self.ordinal_words.get(&word) {
                found.push(n);
            }
        }
        found
    }

    fn read_dates(&self, words: &[String], caps: &mut Capabilities) {
        for (i, word) in words.iter().enumerate() {
            if is_year(word) {
                caps.kinds.insert(AnswerKind::Year);
            }
            let number_at = |j: Option<usize>| {
                j.and_then(|j| words.get(j))
                    .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
            };
            // "may" is a month only next to a number ("May 2023", "14 May").
            let ambiguous =
                word == "may" && !number_at(i.checked_sub(1)) && !number_at(Some(i + 1));
            if let Some(month) = PartialDate::month_of_word(word).filter(|_| !ambiguous) {
                caps.kinds.insert(AnswerKind::Month);
                let day_next_to = |j: Option<usize>| {
                    j.and_then(|j| words.get(j))
                        .is_some_and(|w| w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)))
                };
                let precision = if day_next_to(i.checked_sub(1)) || day_next_to(Some(i + 1)) {
                    caps.kinds.insert(AnswerKind::Day);
                    AnswerKind::Day
                } else {
                    AnswerKind::Month
                };
                // The year follows the month, or the day after the month ("December 22, 2022").
                let year = words[i + 1..].iter().take(2).find(|w| is_year(w)).cloned();
                caps.dates.push((precision, month, year));
            }
            // "22.12.2022", "05.12.2022" as one token.
            if word.matches('.').count() == 2
                && word.chars().all(|c| c.is_ascii_digit() || c == '.')
            {
                caps.kinds.insert(AnswerKind::Day);
                caps.kinds.insert(AnswerKind::Month);
                caps.kinds.insert(AnswerKind::Year);
                let mut parts = word.split('.');
                let month = parts.nth(1).and_then(|m| m.parse::<u8>().ok()).unwrap_or(0);
                let year = parts.next().filter(|y| is_year(y)).map(str::to_owned);
                caps.dates.push((AnswerKind::Day, month, year));
            }
        }
        // A day implies its month and year in these texts ("on 21 November", of 2022).
        if caps.kinds.contains(&AnswerKind::Day) {
            caps.kinds.insert(AnswerKind::Month);
        }
    }
}

/// The highest number read as a meeting's number after its noun ("session 1"): more is a year
/// or a count.
const SERIES_NUMBER_LIMIT: u32 = 300;

/// Letters of an office word that its other forms share ("minister", "ministers"; "министр",
/// "министром").
const OFFICE_PREFIX_CHARS: usize = 6;

/// Words that ask "who" (or a name: "как зовут премьер-министра").
const WHO_WORDS: &[&str] = &[
    "who",
    "whom",
    "whos",
    "кто",
    "кого",
    "кем",
    "зовут",
    "звали",
];

/// True for "сколько лет было Мирзиёеву, когда…": a person's age at some moment, which no
/// document gives, though the moment is an event the timeline knows.
pub fn asks_age_then(words: &[String], is_person: impl Fn(&str) -> bool) -> bool {
    let then = words.windows(4).any(|w| {
        w[0] == "сколько" && w[1] == "лет" && AGE_VERBS.contains(&w[2].as_str()) && is_person(&w[3])
    });
    // "аскероглу сколько лет?", "сколько лет раббимову": the person and "сколько лет" alone at
    // the end ("жайлин сколько лет учился" asks how long he studied).
    let at_end = match words {
        [.., a, b, c] if b == "сколько" && c == "лет" => is_person(a),
        [.., a, b, c] if a == "сколько" && b == "лет" => is_person(c),
        _ => false,
    };
    then || at_end
}

/// Verbs between "сколько лет" and a person that still ask the person's age ("сколько лет было
/// Мирзиёеву").
const AGE_VERBS: &[&str] = &["было", "будет", "исполнилось", "исполнится"];

/// Words that ask "which" of several: with an office after them, they ask for a person.
const WHICH_WORDS: &[&str] = &[
    "which",
    "what",
    "какой",
    "какая",
    "какие",
    "какого",
    "какому",
    "каким",
    "который",
    "которая",
];

/// Words that may stand between a which-word and its office ("which Uzbek prime minister").
const WHICH_OFFICE_GAP: usize = 1;

/// The words offering a choice ("Baku or Tashkent").
const OR_WORDS: &[&str] = &["or", "или", "либо"];

/// Words asking which of two came first: places offered with them stand for events.
const ORDER_WORDS: &[&str] = &[
    "first",
    "earlier",
    "sooner",
    "раньше",
    "первым",
    "первой",
    "первее",
];

/// How many words a place may stand before or after "or" in a choice ("в Баку или в Ташкенте").
const PLACE_CHOICE_GAP: usize = 3;

/// Words that ask for a name: with an office soon after them ("name of the officer in charge",
/// "фамилия министра"), they ask for a person.
const NAME_WORDS: &[&str] = &["name", "names", "имя", "фамилия", "фамилию", "фио"];

/// Words that may stand between a name-word and its office ("name of the officer", "name of the
/// guy chairing", "name of the Uzbek MFA spokesperson").
const NAME_OFFICE_GAP: usize = 5;

/// How many words before or after an office a side word may stand to name the office's side:
/// "uzbek foreign ministry spokesman" is three words.
const SIDE_OFFICE_WINDOW: usize = 3;

/// Sentences of an answer that state its key fact: answers say what was asked first, and
/// later sentences add context that must not count ("It met on 14–19 November. The treaty was
/// signed in Tashkent…" does not say where the meeting was).
const LEAD_SENTENCES: usize = 1;

/// True when one of `words` is one of `patterns`, or begins with one ending in `*`.
fn names_side<'w>(patterns: &[String], mut words: impl Iterator<Item = &'w str>) -> bool {
    words.any(|word| {
        patterns
            .iter()
            .any(|pattern| match pattern.strip_suffix('*') {
                Some(start) => word.starts_with(start),
                None => word == pattern,
            })
    })
}

/// The value of a Roman numeral of two or more capitals up to XXX ("IV", "XXI").
fn roman_number(word: &str) -> Option<u32> {
    if word.chars().count() < 2 || !word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let value = |c: char| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let digits: Vec<u32> = word.chars().map(value).collect();
    let n = digits.iter().enumerate().fold(0i64, |sum, (i, &d)| {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            sum - i64::from(d)
        } else {
            sum + i64::from(d)
        }
    });
    u32::try_from(n).ok().filter(|n| (2..=30).contains(n))
}

/// The number of "4th", "100th", "100-е", "4-ю": digits with an English or Russian ordinal
/// ending.
fn numbered_ordinal(word: &str) -> Option<u32> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let ending = &word[digits..];
    let ordinal = matches!(ending, "st" | "nd" | "rd" | "th")
        || ending
            .strip_prefix('-')
            .is_some_and(|e| ORDINAL_ENDINGS.contains(&e));
    if digits == 0 || !ordinal {
        return None;
    }
    word[..digits].parse().ok()
}

/// The first [`LEAD_SENTENCES`] sentences of a text. A full stop ends a sentence when a space
/// and a capital letter (or a digit) follow it and the word before it is not an abbreviation
/// such as "Dr." or "vol.".
fn lead(text: &str) -> &str {
    let mut ends = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next_is_start = chars.get(i + 1).is_some_and(|(_, n)| n.is_whitespace())
            && chars.get(i + 2).is_some_and(|(_, n)| {
                n.is_uppercase() || n.is_ascii_digit() || *n == '«' || *n == '"'
            });
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(at, |(i, _)| i);
        let before = &text[start..at];
        let abbreviation = before.chars().count() <= 3 && before.chars().any(char::is_uppercase)
            || matches!(before, "vol" | "no" | "pp" | "т" | "г" | "гг" | "им" | "ст");
        if next_is_start && !abbreviation {
            ends += 1;
            if ends == LEAD_SENTENCES {
                return &text[..at];
            }
        }
    }
    text
}

/// A four-digit year from 1900 to 2099.
pub fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// True when `words[i]` is the day of a date ("22 December", "December 22").
fn is_day_of(words: &[String], i: usize) -> bool {
    let month_at = |j: Option<usize>| {
        j.and_then(|j| words.get(j))
            .is_some_and(|w| PartialDate::month_of_word(w).is_some())
    };
    let is_day = |j: usize| {
        words
            .get(j)
            .is_some_and(|w| w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)))
    };
    // "с 14 по 19 ноября", "14 to 19 November": the first day of a range is a day too.
    let range_start = is_day(i + 2) && month_at(Some(i + 3));
    is_day(i)
        && (month_at(i.checked_sub(1))
            || month_at(Some(i + 1))
            || month_at(Some(i + 2))
            || range_start)
}

/// A cue phrase as runs of words: "where … held" gives [["where"], ["held"]]. A cue ending in
/// " $" must end the question: "когда … число $" gives [["когда"], ["число"], []].
fn cue_runs(cue: &str) -> Vec<Vec<String>> {
    let (cue, at_end) = cue_without_end(cue);
    let mut runs: Vec<Vec<String>> = cue
        .split('…')
        .map(tokenize)
        .filter(|run| !run.is_empty())
        .collect();
    if at_end && !runs.is_empty() {
        runs.push(Vec::new());
    }
    runs
}

/// The tokens of every word or phrase of a list, together.
pub(super) fn tokens_of<C: FromIterator<String>>(list: &[String]) -> C {
    list.iter().flat_map(|w| tokenize(w)).collect()
}

/// True when each run occurs in `words` as consecutive words, each after the previous one; an
/// empty run (a cue's " $") only at the end of the words.
fn occurs_in_order(words: &[String], runs: &[Vec<String>]) -> bool {
    let mut from = 0;
    for run in runs {
        if run.is_empty() {
            return from == words.len();
        }
        let Some(at) = words
            .get(from..)
            .and_then(|rest| rest.windows(run.len()).position(|w| same_words(w, run)))
        else {
            return false;
        };
        from += at + run.len();
    }
    !runs.is_empty()
}

/// True when `person` occurs in `words` other than after "of": "the Special Representatives of
/// the Heads of State" names representatives, not the heads of state, and does not say who.
fn names_a_person(words: &[String], person: &[String]) -> bool {
    words
        .windows(person.len())
        .enumerate()
        .filter(|(_, w)| same_words(w, person))
        .any(|(at, _)| {
            let before = |n: usize| at.checked_sub(n).map(|i| words[i].as_str());
            !(before(1) == Some("of") || (before(1) == Some("the") && before(2) == Some("of")))
        })
}

/// True when `needle` occurs in `words` as consecutive words.
pub fn contains_sequence(words: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && words.windows(needle.len()).any(|w| same_words(w, needle))
}

/// `a == b` for two runs of words. Most words compared differ, and most differ in their second
/// or last byte: those are compared first, before a call to compare the whole of two words of
/// the same length (that call was most of the time spent reading cues).
pub fn same_words(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_word(x, y))
}

/// `a == b` for two words, the second and last bytes compared first (see [`same_words`]).
#[inline]
pub fn same_word(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    x.len() == y.len()
        && (x.len() < 2 || (x[1] == y[1] && x[x.len() - 1] == y[y.len() - 1]))
        && x == y
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::schema::AnswerTypeCues;

    fn kinds() -> Kinds {
        let cue = |name: &str, cues: &[&str]| AnswerTypeCues {
            name: name.to_owned(),
            cues: cues.iter().map(|c| (*c).to_owned()).collect(),
            ..AnswerTypeCues::default()
        };
        Kinds::new(
            &LanguageFile {
                format_version: 1,
                answer_types: vec![
                    cue("money", &["how much did", "сколько стоил"]),
                    AnswerTypeCues {
                        gives: vec!["scholarship".into()],
                        ..cue("funder", &["funded"])
                    },
                    cue("day", &["what day", "какого числа"]),
                    cue("year", &["what year", "в каком году"]),
                    cue("place", &["which city", "в каком здании", "where … held"]),
                    cue("duration", &["how long did", "сколько длилось"]),
                    AnswerTypeCues {
                        unless: vec!["nation".into(), "closest country".into()],
                        ..cue("person", &["who is the"])
                    },
                    cue("number", &["how many", "сколько"]),
                ],
                timeline: Default::default(),
                paired_nouns: vec!["countries".into()],
                pair_words: vec!["two".into()],
                uncounted_after_count: vec!["times".into()],
                offices: vec!["minister".into()],
                office_lookalikes: vec!["ministr".into()],
                office_equivalents: vec![vec!["chair".into(), "headed".into()]],
                sides: vec![vec!["kazakh*".into()], vec!["uzbek*".into(), "uz".into()]],
                places: vec![
                    vec!["Tashkent".into(), "Ташкенте".into()],
                    vec!["Cholpon-Ata".into()],
                ],
                persons: vec![
                    vec!["Tokayev".into()],
                    vec!["prime minister".into()],
                    vec!["heads of state".into()],
                ],
                number_words: vec!["four".into(), "три".into()],
                money_words: vec!["billion".into(), "долларов".into()],
                time_units: vec!["day".into(), "лет".into()],
                shorthand: Default::default(),
                question_word_slips: Default::default(),
                chat_context: vec![],
                guess_tails: vec![],
                author_cues: vec![],
                author_relatives: vec![],
                author_askers: vec![],
                author_persons: vec![],
                author_verbs: vec![],
                count_units: vec![],
                descriptor_units: vec![],
                descriptor_before: vec![],
                person_titles: vec![],
                counted_people: vec![],
                article_plurals: vec![],
                article_total_words: vec![],
                article_count_words: vec![],
                article_number_words: vec![],
                publication_article_words: vec![],
                document_words: vec!["paper".into(), "статье".into()],
                ordinals: Default::default(),
                cardinals: Default::default(),
                open_question_words: vec![],
                premise_verbs: vec![],
                treaty_signatories: vec![],
                focus_cues: vec![],
                focus_cues_before_verb: vec![],
                focus_verbs: vec![],
                focus_skip: vec![],
                kind_intensifiers: vec![],
                generic_focus: vec![],
                vague_quantifiers: vec![],
                unnumbered_after_ordinal: vec!["president".to_owned()],
                series_after_first: vec!["meeting".to_owned()],
                series_openers: vec![],
                series_number_words: vec![],
                yes_no_leads: vec![],
                foreign_letters: String::new(),
                foreign_words: vec![],
                followup: Default::default(),
                country_pairs: Default::default(),
            },
            &["article".to_owned(), "статья".to_owned()],
        )
    }

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
    }

    /// `caps.gives(kind)` for a question text.
    fn gives(k: &Kinds, caps: &Capabilities, kind: AnswerKind, question: &str) -> bool {
        let words = words(question);
        caps.gives(kind, &k.question(&words))
    }

    #[test]
    fn a_date_declined_at_one_precision_is_declined_at_finer_ones() {
        let k = kinds();
        let caps = k
            .capabilities(&["The documents do not say."], &[])
            .with_declined_kinds([AnswerKind::Day]);
        assert!(caps.declines(AnswerKind::Day));
        assert!(!caps.declines(AnswerKind::Month));
        assert!(!caps.declines(AnswerKind::Year));
        let year = k
            .capabilities(&["The documents do not say."], &[])
            .with_declined_kinds([AnswerKind::Year]);
        assert!(year.declines(AnswerKind::Day) && year.declines(AnswerKind::Month));
        assert!(!caps.declines(AnswerKind::Place));
        let place = k
            .capabilities(&["The documents do not say."], &[])
            .with_declined_kinds([AnswerKind::Place]);
        assert!(!place.declines(AnswerKind::Month));
    }

    #[test]
    fn a_person_after_of_is_not_who_an_answer_names() {
        let k = kinds();
        let of = k.capabilities(
            &["Special Representatives of the Heads of State will meet."],
            &[],
        );
        assert!(!gives(&k, &of, AnswerKind::Person, "who is the chair"));
        let by = k.capabilities(&["It is headed by the heads of state."], &[]);
        assert!(gives(&k, &by, AnswerKind::Person, "who is the chair"));
    }

    #[test]
    fn an_office_of_one_side_needs_an_answer_naming_that_side() {
        let k = kinds();
        let kazakh = k.capabilities(&["Tokayev, then the Kazakh minister, said so."], &[]);
        let neither = k.capabilities(&["Tokayev, then the minister, said so."], &[]);
        assert!(gives(
            &k,
            &kazakh,
            AnswerKind::Person,
            "who was the kazakh minister"
        ));
        assert!(gives(
            &k,
            &kazakh,
            AnswerKind::Person,
            "who was the minister"
        ));
        assert!(!gives(
            &k,
            &kazakh,
            AnswerKind::Person,
            "who was the uzbek minister"
        ));
        assert!(!gives(
            &k,
            &kazakh,
            AnswerKind::Person,
            "who was uz minister"
        ));
        // Too far from the office to be its side.
        assert!(gives(
            &k,
            &kazakh,
            AnswerKind::Person,
            "who was the minister who spoke of the talks with the uzbek side"
        ));
        // Both sides named, or an answer naming neither: no side to hold against it.
        assert!(gives(
            &k,
            &kazakh,
            AnswerKind::Person,
            "who was the kazakh-uzbek minister"
        ));
        assert!(gives(
            &k,
            &neither,
            AnswerKind::Person,
            "who was the uzbek minister"
        ));
    }

    #[test]
    fn an_institution_named_like_an_office_is_not_its_holder() {
        let k = kinds();
        let ministry = k.capabilities(&["Tokayev, for the ministry, said so."], &[]);
        let minister = k.capabilities(&["Tokayev, the minister, said so."], &[]);
        assert!(!gives(
            &k,
            &ministry,
            AnswerKind::Person,
            "who was the minister"
        ));
        assert!(gives(
            &k,
            &minister,
            AnswerKind::Person,
            "who was the minister"
        ));
    }

    #[test]
    fn a_cue_is_cancelled_by_its_unless_phrases() {
        let k = kinds();
        assert_eq!(
            k.asked(&words("who is the chair")),
            Some(AnswerKind::Person)
        );
        assert_eq!(k.asked(&words("who is the nearest nation")), None);
        assert_eq!(k.asked(&words("who is the closest country")), None);
        // The phrase must occur whole: "country" alone does not cancel.
        assert_eq!(
            k.asked(&words("who is the leader of the country")),
            Some(AnswerKind::Person)
        );
    }

    #[test]
    fn a_kind_is_given_by_its_giving_phrases() {
        let k = kinds();
        assert_eq!(
            k.asked(&words("what funded his studies")),
            Some(AnswerKind::Funder)
        );
        let scholarship = k.capabilities(&["He holds a scholarship of the president."], &[]);
        let degree = k.capabilities(&["He holds a master's degree."], &[]);
        let question = "what funded his studies";
        assert!(gives(&k, &scholarship, AnswerKind::Funder, question));
        assert!(!gives(&k, &degree, AnswerKind::Funder, question));
    }

    #[test]
    fn an_article_gives_its_own_number_unless_the_question_names_it() {
        let k = kinds();
        let article = k
            .capabilities(&["The parties cooperate."], &[])
            .with_number("17");
        assert!(gives(
            &k,
            &article,
            AnswerKind::Number,
            "number of the article on peace"
        ));
        assert!(!gives(
            &k,
            &article,
            AnswerKind::Number,
            "how many parties in article 17"
        ));
        // A count the text gives is kept.
        let counted = k
            .capabilities(&["It lists four aims."], &[])
            .with_number("3");
        assert!(gives(
            &k,
            &counted,
            AnswerKind::Number,
            "how many aims in article 3"
        ));
    }

    #[test]
    fn answer_types_read_only_the_lead_sentence() {
        assert_eq!(
            lead("It met on 14-19 November. It was in Tashkent."),
            "It met on 14-19 November"
        );
        assert_eq!(
            lead("Dr. Askeroğlu wrote it. Later."),
            "Dr. Askeroğlu wrote it"
        );
        assert_eq!(lead("Vol. 4 of the journal."), "Vol. 4 of the journal.");
        let k = kinds();
        let caps = k.capabilities(&["It met on 14-19 November. It was in Tashkent."], &[]);
        assert!(!gives(&k, &caps, AnswerKind::Place, "which city"));
    }

    #[test]
    fn every_answer_kind_is_known_to_the_knowledge_files_and_has_a_decline_text() {
        for name in crate::knowledge::ANSWER_KINDS {
            assert!(AnswerKind::from_name(name).is_some(), "{name}");
            let key = format!("not_given_{name}");
            assert!(
                crate::knowledge::REQUIRED_MESSAGES.contains(&key.as_str()),
                "{key} is not a required message"
            );
        }
        assert_eq!(crate::knowledge::ANSWER_KINDS.len(), 30);
    }

    #[test]
    fn roman_numerals_in_capitals_and_numbers_with_ordinal_endings_are_ordinals() {
        assert_eq!(roman_number("IV"), Some(4));
        assert_eq!(roman_number("XXI"), Some(21));
        assert_eq!(roman_number("IX"), Some(9));
        assert_eq!(roman_number("iv"), None, "lower case is a word");
        assert_eq!(roman_number("I"), None, "one letter is the pronoun");
        assert_eq!(numbered_ordinal("100th"), Some(100));
        assert_eq!(numbered_ordinal("4-ю"), Some(4));
        assert_eq!(
            numbered_ordinal("2022"),
            None,
            "a bare number is no ordinal"
        );
        assert_eq!(numbered_ordinal("th"), None);
    }

    #[test]
    fn a_cue_with_an_ellipsis_allows_words_between_its_runs_in_order() {
        let k = kinds();
        assert_eq!(
            k.asked(&words("where was the first meeting of the council held")),
            Some(AnswerKind::Place)
        );
        assert_eq!(
            k.asked(&words("where was it held")),
            Some(AnswerKind::Place)
        );
        // Both runs, in the cue's order.
        assert_eq!(k.asked(&words("held talks where")), None);
        assert_eq!(k.asked(&words("where does the treaty say that")), None);
    }

    #[test]
    fn answer_types_are_read_from_cues_in_order() {
        let k = kinds();
        assert_eq!(
            k.asked(&words("how much did it cost")),
            Some(AnswerKind::Money)
        );
        // A form no money cue lists falls to the broader "how many".
        assert_eq!(
            k.asked(&words("сколько стоило строительство")),
            Some(AnswerKind::Number)
        );
        assert_eq!(
            k.asked(&words("сколько стоил терминал")),
            Some(AnswerKind::Money)
        );
        assert_eq!(
            k.asked(&words("в каком году его построили")),
            Some(AnswerKind::Year)
        );
        assert_eq!(k.asked(&words("how many signs")), Some(AnswerKind::Number));
        assert_eq!(k.asked(&words("who signed it")), None);
        assert_eq!(
            k.asked(&words("who was the foreign minister")),
            Some(AnswerKind::Person)
        );
    }

    #[test]
    fn an_office_asks_for_a_person_whatever_cancels_the_person_cues() {
        let k = kinds();
        // "nation" cancels "who is the" ("who is the closest nation")...
        assert_eq!(k.asked(&words("who is the closest nation")), None);
        // ...but an office still asks for its holder.
        assert_eq!(
            k.asked(&words("who is the minister of that nation")),
            Some(AnswerKind::Person)
        );
        assert_eq!(
            k.asked(&words("which minister of the nation")),
            Some(AnswerKind::Person)
        );
        assert_eq!(
            k.asked(&words("name of the minister in charge")),
            Some(AnswerKind::Person)
        );
        assert_eq!(k.asked(&words("name of the treaty")), None);
    }

    #[test]
    fn a_span_of_time_answers_how_long_a_date_or_a_year_does_not() {
        let k = kinds();
        assert_eq!(
            k.asked(&words("how long did the exercise last")),
            Some(AnswerKind::Duration)
        );
        assert_eq!(
            k.asked(&words("сколько длилось заседание")),
            Some(AnswerKind::Duration)
        );
        let span = |text: &str| {
            k.capabilities(&[text], &[])
                .kinds
                .contains(&AnswerKind::Duration)
        };
        assert!(span("The meeting ran for 6 days."));
        assert!(span("Договор действует три лет."));
        assert!(!span(
            "The exercise was held in 2021 in the Zhambyl region."
        ));
        assert!(!span("It met on 14-19 November 2022."));
    }

    #[test]
    fn answer_types_read_dates_numbers_places_and_money_from_answers() {
        let k = kinds();
        let caps = k.capabilities(&["It met on 14-19 November 2022."], &[]);
        assert!(gives(&k, &caps, AnswerKind::Day, "which city"));
        assert!(gives(&k, &caps, AnswerKind::Year, "which city"));
        assert!(!gives(&k, &caps, AnswerKind::Place, "which city"));
        assert!(!gives(&k, &caps, AnswerKind::Number, "which city"));
        assert!(!gives(&k, &caps, AnswerKind::Day, "what exact day in 2016"));
        assert!(gives(&k, &caps, AnswerKind::Day, "what exact day in 2022"));
        // A year beside a noun for a document names the document, not the day asked for.
        assert!(gives(
            &k,
            &caps,
            AnswerKind::Day,
            "what exact day, per the 2016 paper"
        ));
        assert!(gives(
            &k,
            &caps,
            AnswerKind::Day,
            "какого числа по статье 2016 года"
        ));
        let caps = k.capabilities(&["Signed in 2013."], &[]);
        assert!(gives(&k, &caps, AnswerKind::Year, "which city"));
        assert!(!gives(&k, &caps, AnswerKind::Day, "which city"));
        assert!(!gives(&k, &caps, AnswerKind::Month, "which city"));
        let caps = k.capabilities(&["Trade approaches $5 billion."], &[]);
        assert!(gives(&k, &caps, AnswerKind::Money, "which city"));
        let caps = k.capabilities(&["Uzbekistan has four allies."], &[]);
        assert!(gives(&k, &caps, AnswerKind::Number, "which city"));
        let caps = k.capabilities(&["The summit was held in Tashkent."], &[]);
        assert!(!gives(
            &k,
            &caps,
            AnswerKind::Place,
            "в каком здании в ташкенте"
        ));
        assert!(gives(&k, &caps, AnswerKind::Place, "which city"));
        assert!(!gives(
            &k,
            &caps,
            AnswerKind::Place,
            "which building in tashkent"
        ));
        let caps = k.capabilities(&["100-е заседание прошло 14-19 ноября."], &[]);
        assert!(!gives(&k, &caps, AnswerKind::Number, "сколько человек"));
        let caps = k.capabilities(&["No date here."], &["place".to_owned()]);
        assert!(caps.kinds.contains(&AnswerKind::Place));
        let caps = k.capabilities(&["The committee is led by the Prime Ministers."], &[]);
        assert!(!gives(
            &k,
            &caps,
            AnswerKind::Person,
            "who is the current prime minister"
        ));
        let caps = k.capabilities(&["President Tokayev signed it."], &[]);
        assert!(gives(&k, &caps, AnswerKind::Person, "who signed it"));
    }
}
