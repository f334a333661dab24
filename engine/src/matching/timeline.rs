//! Timeline arithmetic: questions about the time between two dated events of the documents, or
//! their order ("how many years between Uzbek independence and the eternal friendship treaty",
//! "which came first…", "через сколько дней после…"), answered by computing from the two
//! events' dates in `timeline.toml`.
//!
//! A question is a timeline question when it uses one of the cue phrases of `language.toml` and
//! two different events are named in it (most of the words of one of each event's `names`).
//! The difference is given with the precision the documents allow: a date known only to the year
//! gives a difference in whole years, said as such.

use super::given_date::{given_date, GivenDate};
use super::index::{Index, TermId};
use super::kinds::{contains_sequence, is_year};
use super::normalize::tokenize;
use crate::knowledge::{Event, LanguageFile, PartialDate, Source};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The unit a question asks the difference in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Years,
    Months,
    Days,
}

/// What a timeline question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// The time between the two, in a unit or in whatever unit fits ("how long").
    Gap(Option<Unit>),
    /// Which of the two came first.
    Order,
}

/// How precisely a difference is known: the coarser of the two dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// The time between two dates, in each unit the dates allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// Whole years.
    pub years: i32,
    /// Whole months (known to the month or day).
    pub months: Option<i32>,
    /// Days (known to the day).
    pub days: Option<i64>,
    pub precision: Precision,
}

impl Gap {
    /// True when both dates fall in the same period of their precision: the same day, month or
    /// year.
    pub fn same_period(&self) -> bool {
        match self.precision {
            Precision::Day => self.days == Some(0),
            Precision::Month => self.months == Some(0),
            Precision::Year => self.years == 0,
        }
    }

    /// True when the dates cannot tell the order or the time between: the same month or year
    /// ("Kalkan-2021 or Hamkorlik-2021, which came first?"). The same day is an answer.
    pub fn undetermined(&self) -> bool {
        self.same_period() && self.precision != Precision::Day
    }
}

/// One end of a comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Moment {
    /// An event of the chronology (index into the knowledge base's events).
    Event(usize),
    /// A day the question gives itself ("29.12"); `year_assumed` when it was written without a
    /// year and the year nearest the event was taken.
    Given { year_assumed: bool },
}

/// A computed answer: two moments in date order and the time between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The earlier one.
    pub first: Moment,
    /// The later one.
    pub second: Moment,
    /// The dates compared (an event's last day when the question is about its end).
    pub dates: (PartialDate, PartialDate),
    pub asked: Asked,
    pub gap: Gap,
    /// The earlier event's last day and the gap counted from it, when that event lasted
    /// several days and the question did not say which end it meant ("the 100th meeting,
    /// 14–19 November, and the signing on 22 December": 38 days from its start, 33 from its end).
    pub from_first_end: Option<(PartialDate, Gap)>,
}

/// What came of a timeline question.
#[derive(Debug, Clone, PartialEq)]
pub enum TimelineResult {
    Computed(Comparison),
    /// A timeline question naming only one known event (its index), or none. `two_named` when
    /// the question clearly names two events ("between … and …", "which came first").
    Incomplete {
        asked: Asked,
        found: Option<usize>,
        two_named: bool,
    },
}

/// Event names as the engine matches them.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Timeline {
    years: Vec<Vec<String>>,
    months: Vec<Vec<String>>,
    days: Vec<Vec<String>>,
    duration: Vec<Vec<String>>,
    order: Vec<Vec<String>>,
    connectors: HashSet<String>,
    /// Connectors that are ordinals ("first"): before a word of an event's name they are part
    /// of it ("the first alliance"), elsewhere they connect ("which came first").
    ordinal_connectors: HashSet<String>,
    /// Words that, after an ordinal connector, make it order events ("first … then").
    sequence_words: HashSet<String>,
    between: HashSet<String>,
    between_parties: HashSet<String>,
    ends: Vec<Vec<String>>,
    /// Single words asking for a gap or an order, read only when two events are named.
    gap_words: Vec<Vec<String>>,
    time_gap_words: Vec<Vec<String>>,
    /// Words asking the age of one event at another (the years between them).
    age_words: Vec<Vec<String>>,
    /// Words before a unit that make it an idiom ("these days"), no unit asked.
    unit_idioms_before: HashSet<String>,
    /// "How long" apart from "between": read only when a `between` word is there too.
    spans: Vec<Vec<String>>,
    order_words: Vec<Vec<String>>,
    /// Single words naming a unit, for `gap_words`: years, months, days.
    unit_words: [Vec<Vec<String>>; 3],
    /// Per event: its date and each of its names as canonical keys.
    events: Vec<(Option<PartialDate>, Vec<Vec<String>>)>,
    /// The keys of the events' names and dates, numbered: a question's keys are looked up here
    /// once, and the hundreds of names that share a common word with it ("treaty") are then
    /// weighed by number, not by hashing each of their words again.
    key_numbers: HashMap<String, u32>,
    /// Per event, per name: the numbers of its keys (the names of `events`).
    name_numbers: Vec<Vec<Vec<u32>>>,
    /// For each key number, the (event, name) pairs whose name has it: a question shares words
    /// with a few of the hundreds of names.
    names_by_key: Vec<Vec<(u32, u32)>>,
    /// For the first word of each cue of [`Timeline::cue_lists`]: the list and the cue.
    cues_by_first: HashMap<String, Vec<(u8, u32)>>,
    /// Where each event's names start in the names of all events in order, and their total.
    name_starts: Vec<u32>,
    /// Per event, per name: the total weight of its keys, summed once here (every question
    /// that shares a word with a name weighs the whole name).
    name_weights: Vec<Vec<f32>>,
    /// For the year of each dated event (its term): the names of those events as terms, for
    /// [`Timeline::years_of_named_events`].
    names_by_year: HashMap<TermId, Vec<Vec<DatedName>>>,
    /// Per event: its last day, when it lasted several days.
    until: Vec<Option<PartialDate>>,
    /// Per event dated to the month: the numbers of the keys of its year and of its month's
    /// names ("2022"; "decemb", "dec", "декабр"). The month and year in a question help name the
    /// event ("до союзничества в декабре 22-го": the alliance of December 2022).
    date_keys: Vec<Option<(u32, Vec<u32>)>>,
    /// Words after the source of a claim ("says") and phrases before it ("according to").
    said_by_before: HashSet<String>,
    said_by_after: Vec<Vec<String>>,
    /// Words that make the author named after them a source ("по аскероглу").
    said_by_author_after: HashSet<String>,
    said_in_author_after: HashSet<String>,
    /// Words between "per" and the source ("the"), and the words naming a document ("journal
    /// paper"), all of which name the source.
    said_by_skip: HashSet<String>,
    document_words: HashSet<String>,
    /// The keys of the source documents' authors' names.
    author_keys: HashSet<String>,
    /// Words before a bare year that make it one end of the time asked about.
    year_ends: HashSet<String>,
    /// Per event, the stems of the names of the authors its own date is cited from, and the
    /// other dates sources give for it ([`Event::dated_by`]), each with the stems of its
    /// source's authors' names: a question naming one counts from that date.
    dated_by: Vec<SourcedDates>,
    /// Numbers written as words ("ten months before" states a gap, like "10 months before").
    number_words: HashSet<String>,
    /// Words for a pair ("two", "both", "обоими"): the noun after one is the kind of both
    /// events ("between those 2 pacts").
    pair_words: HashSet<String>,
    /// The event "the signing" alone means (see [`Event::the_signing`]), and the keys of
    /// the words that mean it beside another named event ("signing", "alliance").
    the_signing: Option<(usize, Vec<String>)>,
}

/// The keys of an event's year and month names, when its date gives the month (see
/// [`Timeline::date_keys`]).
fn date_keys(event: &Event, index: &Index) -> Option<(String, Vec<String>)> {
    let date = PartialDate::parse(&event.date)?;
    let month = date.month?;
    let mut names: Vec<String> = [false, true]
        .into_iter()
        .filter_map(|russian| PartialDate::month_name(month, russian))
        .map(|name| index.key_of(&name.to_lowercase()))
        .collect();
    if let Some(english) = PartialDate::month_name(month, false) {
        names.push(index.key_of(&english[..3].to_lowercase()));
    }
    Some((date.year.to_string(), names))
}

/// One name of a dated event as terms, each with its weight, and the total weight of its keys
/// (keys the knowledge base never uses count towards the total).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct DatedName {
    terms: Vec<(TermId, f32)>,
    total: f32,
}

/// An event a question names: its number, how well its best name is covered, and the question
/// keys its names explain.
type Named<'a> = (usize, f32, HashSet<&'a String>);

/// An event counts as named when the question holds at least this share of the weight of one
/// of its names.
const NAME_COVERAGE: f32 = 0.6;

/// The share of a name's weight a question must cover for the event's month and year in it to
/// count towards naming the event ([`Timeline::date_keys`]).
const DATED_NAME_COVERAGE: f32 = 0.3;

/// Pair scores closer than this are equal (see [`best_pair`]).
const PAIR_SCORE_TIE: f32 = 1e-4;

/// Coverage multiplier for a name found as consecutive words in the question.
const WHOLE_NAME_BONUS: f32 = 1.5;

/// Words after a unit that place a gap relative to one event ("34 years after independence",
/// "ten months before"): a count before them states the gap.
const RELATIVE_WORDS: &[&str] = &[
    "after",
    "before",
    "later",
    "earlier",
    "ago",
    "спустя",
    "после",
    "до",
    "назад",
    "позже",
    "раньше",
];

impl Timeline {
    pub fn new(
        language: &LanguageFile,
        events: &[Event],
        sources: &[Source],
        author_keys: HashSet<String>,
        index: &Index,
    ) -> Self {
        let phrases = |list: &[String]| -> Vec<Vec<String>> {
            list.iter()
                .map(|p| tokenize(p))
                .filter(|w| !w.is_empty())
                .collect()
        };
        let words = |list: &[String]| -> HashSet<String> { super::kinds::tokens_of(list) };
        let cues = &language.timeline;
        let until = events
            .iter()
            .map(|e| e.until.as_deref().and_then(PartialDate::parse))
            .collect();
        let the_signing = events.iter().position(|e| e.the_signing).map(|e| {
            (
                e,
                cues.signing_words.iter().map(|w| index.key_of(w)).collect(),
            )
        });
        let dated_by = events
            .iter()
            .map(|e| dates_by_source(e, sources, index))
            .collect();
        let date_keys: Vec<_> = events.iter().map(|e| date_keys(e, index)).collect();
        let events = event_names(events, index);
        let numbered = NumberedKeys::new(&events, &date_keys);
        let mut timeline = Timeline {
            date_keys: numbered.dates,
            the_signing,
            until,
            names_by_year: dated_names(&events, index),
            key_numbers: numbered.numbers,
            name_numbers: numbered.names,
            names_by_key: numbered.names_by_key,
            name_starts: name_starts(&events),
            name_weights: name_weights(&events, index),
            years: phrases(&cues.years),
            months: phrases(&cues.months),
            days: phrases(&cues.days),
            duration: phrases(&cues.duration),
            order: phrases(&cues.order),
            connectors: words(&cues.connectors),
            ordinal_connectors: words(&cues.connectors)
                .into_iter()
                .filter(|c| language.ordinals.contains_key(c))
                .collect(),
            sequence_words: words(&cues.sequence_words),
            between: words(&cues.between),
            between_parties: words(&cues.between_parties),
            ends: phrases(&cues.ends),
            gap_words: phrases(&cues.gap_words),
            time_gap_words: phrases(&cues.time_gap_words),
            age_words: phrases(&cues.age_words),
            unit_idioms_before: words(&cues.unit_idioms_before),
            spans: phrases(&cues.spans),
            order_words: phrases(&cues.order_words),
            unit_words: [
                phrases(&cues.year_words),
                phrases(&cues.month_words),
                phrases(&cues.day_words),
            ],
            events,
            said_by_before: words(&cues.said_by_before),
            said_by_after: phrases(&cues.said_by_after),
            said_by_author_after: cues.said_by_author_after.iter().cloned().collect(),
            said_in_author_after: cues.said_in_author_after.iter().cloned().collect(),
            said_by_skip: words(&cues.said_by_skip),
            document_words: words(&language.document_words),
            author_keys,
            year_ends: words(&cues.year_ends),
            dated_by,
            number_words: words(&language.number_words),
            pair_words: words(&language.pair_words),
            cues_by_first: HashMap::default(),
        };
        timeline.cues_by_first = timeline.cues_by_first_word();
        timeline
    }

    /// For the first word of each cue of [`Timeline::cue_lists`]: the list and the cue.
    fn cues_by_first_word(&self) -> HashMap<String, Vec<(u8, u32)>> {
        let mut cues_by_first: HashMap<String, Vec<(u8, u32)>> = HashMap::default();
        for (l, list) in self.cue_lists().iter().enumerate() {
            for (c, cue) in list.iter().enumerate() {
                if let Some(first) = cue.first() {
                    cues_by_first
                        .entry(first.clone())
                        .or_default()
                        .push((l as u8, c as u32));
                }
            }
        }
        cues_by_first
    }

    /// The lists of cue phrases [`Timeline::asked`] looks for.
    fn cue_lists(&self) -> [&[Vec<String>]; 13] {
        let [years, months, days] = &self.unit_words;
        [
            &self.years,
            &self.months,
            &self.days,
            &self.duration,
            &self.order,
            &self.gap_words,
            &self.time_gap_words,
            &self.age_words,
            &self.spans,
            &self.order_words,
            years,
            months,
            days,
        ]
    }

    /// True when `cue` is a unit word only ever said in an idiom ("turnover these days", "в
    /// наши дни"): it asks no time between events.
    fn idiom_unit(&self, words: &[String], cue: &[String]) -> bool {
        let [unit] = cue else {
            return false;
        };
        let mut at = words
            .iter()
            .enumerate()
            .filter(|(_, w)| *w == unit)
            .map(|(i, _)| i);
        at.all(|i| i > 0 && self.unit_idioms_before.contains(&words[i - 1]))
    }

    /// True when `cue` starts with a unit and every occurrence follows a count: "34 years after
    /// independence", "ten months before" state a gap the question goes on from ("…how many
    /// allies does it have?"), they do not ask one. A year right before the unit is no count.
    fn stated_gap(&self, words: &[String], cue: &[String]) -> bool {
        let is_unit = |w: &String| {
            self.unit_words
                .iter()
                .flatten()
                .any(|u| u.len() == 1 && &u[0] == w)
        };
        // "Fifteen years between A and B?" checks a gap: the computed answer confirms or
        // corrects it. Only a gap before or after one event is stated.
        if !is_unit(&cue[0])
            || !cue[1..]
                .iter()
                .any(|w| RELATIVE_WORDS.contains(&w.as_str()))
        {
            return false;
        }
        let mut found = false;
        for at in 0..words.len() {
            if words[at..].starts_with(cue) {
                let count = at > 0
                    && !is_year(&words[at - 1])
                    && (words[at - 1].bytes().all(|b| b.is_ascii_digit())
                        || self.number_words.contains(&words[at - 1]));
                if !count {
                    return false;
                }
                found = true;
            }
        }
        found
    }

    /// What a question asks, when it asks about time between events or their order, with the
    /// cue's words (not part of any event's name) and whether only single cue words were
    /// found (then the question must name two events to be a timeline question).
    fn asked<'a>(
        &'a self,
        words: &[String],
        index: &Index,
    ) -> Option<(Asked, Vec<&'a Vec<String>>, bool)> {
        // The cues of every list that the question contains, found from its words (a few)
        // rather than by looking for each of the lists' hundreds of cues.
        let lists = self.cue_lists();
        let mut distinct: HashSet<&str> = HashSet::default();
        let mut present: Vec<&'a Vec<String>> = Vec::new();
        for word in words {
            if !distinct.insert(word) {
                continue;
            }
            for &(list, cue) in self.cues_by_first.get(word).into_iter().flatten() {
                let cue = &lists[list as usize][cue as usize];
                if contains_sequence(words, cue)
                    && !self.stated_gap(words, cue)
                    && !self.idiom_unit(words, cue)
                {
                    present.push(cue);
                }
            }
        }
        if present.is_empty() {
            return None;
        }
        let found = |list: &'a [Vec<String>]| -> Vec<&'a Vec<String>> {
            let within = list.as_ptr_range();
            present
                .iter()
                .copied()
                .filter(|cue| within.contains(&std::ptr::from_ref(*cue)))
                .collect()
        };
        let order = found(&self.order);
        if !order.is_empty() {
            return Some((Asked::Order, order, false));
        }
        let units = [Unit::Years, Unit::Months, Unit::Days];
        for (unit, list) in units
            .into_iter()
            .zip([&self.years, &self.months, &self.days])
        {
            let cues = found(list);
            if !cues.is_empty() {
                return Some((Asked::Gap(Some(unit)), cues, false));
            }
        }
        let cues = found(&self.duration);
        if !cues.is_empty() {
            return Some((Asked::Gap(None), cues, false));
        }
        // "What's the difference between the declaration and the treaty" asks about content:
        // a gap word needs a unit beside it ("gap in months", "разница в годах").
        let mut gap = found(&self.gap_words);
        let unit = units
            .into_iter()
            .zip(&self.unit_words)
            .find_map(|(unit, list)| {
                let cues = found(list);
                (!cues.is_empty()).then_some((unit, cues))
            });
        if let (false, Some((unit, cues))) = (gap.is_empty(), unit) {
            gap.extend(cues);
            return Some((Asked::Gap(Some(unit)), gap, true));
        }
        let time_gap = found(&self.time_gap_words);
        if !time_gap.is_empty() {
            return Some((Asked::Gap(None), time_gap, true));
        }
        let age = found(&self.age_words);
        let names_author = || {
            words
                .iter()
                .any(|w| self.author_keys.contains(&index.key_of(w)))
        };
        if !age.is_empty() && !names_author() {
            return Some((Asked::Gap(Some(Unit::Years)), age, true));
        }
        let spans = found(&self.spans);
        if !spans.is_empty() && self.names_two(words, index) {
            return Some((Asked::Gap(None), spans, true));
        }
        let order = found(&self.order_words);
        (!order.is_empty()).then_some((Asked::Order, order, true))
    }

    /// Answers a timeline question from its (typo-corrected) words, or `None` when it is not
    /// one.
    pub fn answer(&self, words: &[String], index: &Index) -> Option<TimelineResult> {
        let (asked, cues, loose) = self.asked(words, index)?;
        let mut cue_words: HashSet<&String> = cues.into_iter().flatten().collect();
        // "ended", "закончилась": the end of an event, not a word of its name ("the 100th
        // meeting ended on the 19th" is not Zhailin's "окончание КазНУ").
        cue_words.extend(self.ends.iter().filter(|c| c.len() == 1).flatten());
        let Claims {
            sources,
            authors,
            in_texts,
        } = self.sources_of_claims(words, index);
        let paired = self.kinds_of_a_pair(words, index);
        let given = given_date(words);
        let bare_year = self.bare_year(words).is_some();
        let events_named = |left_out: &HashSet<usize>| {
            let rest: Vec<String> = words
                .iter()
                .enumerate()
                .filter(|(i, w)| {
                    !cue_words.contains(w)
                        && !self.connects(words, *i, index)
                        && !left_out.contains(i)
                })
                .map(|(_, w)| w.clone())
                .collect();
            let rest = match &given {
                // The date's own words ("декабря") name no event.
                Some(date) => without_words(words, &date.words, &rest),
                None => rest,
            };
            let sequence = index.keys(&rest);
            let named = self.named_events(&sequence, index);
            let mut kinds = kinds_of_two_named(&sequence, index);
            kinds.extend(&paired);
            let pair = best_pair(&named, &kinds, words, bare_year, index);
            (named, pair)
        };
        // "по аскероглу" names who says it when two events are named without it; with one
        // event, the author's own text may be the other ("сколько лет независимости по
        // раббимову": until his column).
        let leaving_out = |authors: &HashSet<usize>| -> HashSet<usize> {
            sources.union(authors).copied().collect()
        };
        let all_authors: HashSet<usize> = authors.union(&in_texts).copied().collect();
        let without_all =
            (!all_authors.is_empty()).then(|| events_named(&leaving_out(&all_authors)));
        // "По Аскероглу проект опубликовали 27.11, подписали 22.12 — сколько суток?": one event
        // without the author, and the signing, before the author's own footnote as the other.
        if let Some((named, None)) = &without_all {
            if let Some(result) = self.gap_with_the_signing(words, named, asked, index) {
                return Some(result);
            }
        }
        let without_authors = if in_texts.is_empty() {
            without_all
        } else {
            (!authors.is_empty()).then(|| events_named(&leaving_out(&authors)))
        };
        let without_authors = without_authors.filter(|(_, pair)| pair.is_some());
        let (named, pair) = without_authors.unwrap_or_else(|| events_named(&sources));
        if let Some(date) = &given {
            if let Some(result) = self.compared_with_the_date(date, &named, pair, asked, words) {
                return Some(result);
            }
        }
        let Some((first, second)) = pair else {
            return self.with_one_event(words, &named, asked, loose, given.is_some(), index);
        };
        let mut result = self.two_events_compared(first, second, words, asked)?;
        if let TimelineResult::Computed(comparison) = &mut result {
            comparison.from_first_end = self.gap_from_first_end(comparison);
        }
        Some(result)
    }

    /// "29.12 — how many days after the signing?": the given day and the event named. A pair of
    /// events wins only when the day is one of theirs ("the 25.12.2022 story and its last
    /// update").
    fn compared_with_the_date(
        &self,
        date: &GivenDate,
        named: &[Named<'_>],
        pair: Option<(usize, usize)>,
        asked: Asked,
        words: &[String],
    ) -> Option<TimelineResult> {
        let dated = |e: usize| self.events[e].0.is_some_and(|d| date.is(d));
        if let Some((a, b)) = pair.filter(|&(a, b)| !dated(a) && !dated(b)) {
            if let Some(result) = self.own_event_of_date(named, &dated, [a, b], asked, words) {
                return Some(result);
            }
        }
        if pair.is_some_and(|(a, b)| dated(a) || dated(b)) {
            return None;
        }
        let event = named.first().map(|(e, _, _)| *e)?;
        self.with_given_date(date, event, asked, words)
    }

    /// True when a word of `between` says two things are named: not the two parties ("между
    /// странами", "between the two countries").
    fn names_two(&self, words: &[String], index: &Index) -> bool {
        words.iter().enumerate().any(|(i, word)| {
            self.between.contains(word)
                && !words[i + 1..]
                    .iter()
                    .find(|w| self.between_parties.contains(*w) || !index.is_stopword(w))
                    .is_some_and(|next| self.between_parties.contains(next))
        })
    }

    /// A timeline question in which no pair of events is named: a bare year or the Tashkent
    /// signing may be the other end; else what was found. A loose cue ("gap", "earlier") makes a
    /// timeline question only next to two events, the signing a bare "alliance" means being one.
    fn with_one_event(
        &self,
        words: &[String],
        named: &[Named<'_>],
        asked: Asked,
        loose: bool,
        date_given: bool,
        index: &Index,
    ) -> Option<TimelineResult> {
        if loose {
            return self.gap_with_the_signing(words, named, asked, index);
        }
        if let Some(result) = (!date_given)
            .then(|| self.with_given_year(words, named, asked, index))
            .flatten()
        {
            return Some(result);
        }
        if let Some(result) = self.gap_with_the_signing(words, named, asked, index) {
            return Some(result);
        }
        let two_named = asked == Asked::Order || self.names_two(words, index);
        Some(TimelineResult::Incomplete {
            asked,
            found: named.first().map(|(e, _, _)| *e),
            two_named,
        })
    }

    /// "How many days from the draft's publication till the presidents signed?": one event
    /// named and "signed" besides its name, in a question asking a gap, is counted to or from
    /// the signing a bare "signing" means. Only with a cue of its own: "what day was it
    /// signed" asks one date.
    fn gap_with_the_signing(
        &self,
        words: &[String],
        named: &[Named<'_>],
        asked: Asked,
        index: &Index,
    ) -> Option<TimelineResult> {
        let (the_signing, signing_keys) = self.the_signing.as_ref()?;
        let (event, _, matched) = named.first()?;
        let keys = index.keys(words);
        let sign = signing_keys
            .iter()
            .find(|k| keys.contains(k) && !matched.contains(k))?;
        // Another event named besides ("the two 2024 alliances") is no bare signing; one named
        // only by a part of the first one's words is not named besides ("материал батырова
        // опубликован": his footnotes' access dates share "публикация").
        let day = self.events[*the_signing].0;
        let others_that_day = named.iter().skip(1).all(|(e, _, other)| {
            self.events[*e].0 == day || (other.len() < matched.len() && other.is_subset(matched))
        });
        if *event == *the_signing || !others_that_day || !matches!(asked, Asked::Gap(_)) {
            return None;
        }
        // "The border text was agreed — how many days later was it signed?": of the events of
        // that day, the one whose names share most words with the event's (the border treaty).
        let signing = self.same_day_event_nearest(*the_signing, *event, sign);
        self.two_events_compared(*event, signing, words, asked)
    }

    /// Two events' dates compared as `asked` (the earlier first).
    fn two_events_compared(
        &self,
        a: usize,
        b: usize,
        words: &[String],
        asked: Asked,
    ) -> Option<TimelineResult> {
        let (date_a, date_b) = (self.date_of(a, words)?, self.date_of(b, words)?);
        Some(compared(
            (Moment::Event(a), date_a),
            (Moment::Event(b), date_b),
            asked,
        ))
    }

    /// Of the events dated as `signing`, the one whose names share most keys (but `sign`)
    /// with the names of `event`; `signing` itself on a tie.
    fn same_day_event_nearest(&self, signing: usize, event: usize, sign: &str) -> usize {
        let keys_of = |e: usize| -> HashSet<&String> {
            self.events[e]
                .1
                .iter()
                .flatten()
                .filter(|k| k.as_str() != sign)
                .collect()
        };
        let near = keys_of(event);
        let day = self.events[signing].0;
        (0..self.events.len())
            .filter(|&e| e != event && self.events[e].0 == day)
            .map(|e| (keys_of(e).intersection(&near).count(), e == signing, e))
            .max()
            .map_or(signing, |(_, _, e)| e)
    }

    /// See [`Comparison::from_first_end`]: only for a gap, from an event counted from its first
    /// day to a later one it does not overlap.
    fn gap_from_first_end(&self, comparison: &Comparison) -> Option<(PartialDate, Gap)> {
        let Moment::Event(first) = comparison.first else {
            return None;
        };
        let until = self.until[first]?;
        let (start, later) = comparison.dates;
        let counted_from_start = matches!(comparison.asked, Asked::Gap(_)) && start != until;
        (counted_from_start && until < later).then(|| (until, gap(until, later)))
    }

    /// "Дата обращения 05.12.2022 в сноске Жайлина… за сколько дней до саммита": a day given
    /// that is the date of a named event stands for that event, compared with the event of the
    /// pair found (`pair`, of other dates) sharing the fewer of its words (the summit, not
    /// Zhailin's other footnotes).
    fn own_event_of_date(
        &self,
        named: &[Named<'_>],
        dated: &impl Fn(usize) -> bool,
        pair: [usize; 2],
        asked: Asked,
        words: &[String],
    ) -> Option<TimelineResult> {
        let (own, _, own_words) = named.iter().find(|(e, _, _)| dated(*e))?;
        let (other, _, _) = named
            .iter()
            .filter(|(e, _, _)| pair.contains(e))
            .min_by_key(|(_, _, matched)| matched.intersection(own_words).count())?;
        self.two_events_compared(*own, *other, words, asked)
    }

    /// The keys of the nouns after a word for a pair ("those 2 pacts", "обоими договорами"):
    /// the kind of both events asked about.
    fn kinds_of_a_pair(&self, words: &[String], index: &Index) -> Vec<String> {
        words
            .windows(2)
            .filter(|w| self.pair_words.contains(&w[0]))
            .map(|w| index.key_of(&w[1]))
            .filter(|key| index.term_of_key(key).is_some())
            .collect()
    }

    /// True when the word at `at` connects the events rather than naming one: "first" in
    /// "which came first", not in "the first alliance" (before a word of the knowledge base:
    /// "the first moon landing" names nothing it knows).
    fn connects(&self, words: &[String], at: usize, index: &Index) -> bool {
        let word = &words[at];
        if !self.connectors.contains(word) {
            return false;
        }
        !self.ordinal_connectors.contains(word)
            || words.get(at + 1).is_none_or(|next| {
                self.connectors.contains(next) || index.is_stopword(next) || !index.knows(next)
            })
            || words[at + 1..]
                .iter()
                .any(|w| self.sequence_words.contains(w))
    }

    /// Positions of the words naming who makes a claim ("askeroglu" in "askeroglu says the
    /// draft came out on 27 November", "батырова" in "по словам батырова"): the source of a
    /// date is not one of the events compared, though authors' own events (a footnote's access
    /// date) have their names. Then, apart, authors named after "по" ("по аскероглу"), who
    /// are sources only when the question names two events without them, and after "у" ("у
    /// батырова"), only when it names one.
    fn sources_of_claims(&self, words: &[String], index: &Index) -> Claims {
        let mut claims = Claims::default();
        for (i, word) in words.iter().enumerate() {
            if i > 0 && self.said_by_before.contains(word) {
                claims.sources.insert(i - 1);
            }
            // The word before first: reading a word's key costs more.
            let after_po = i > 0 && self.said_by_author_after.contains(&words[i - 1]);
            let after_u = i > 0 && self.said_in_author_after.contains(&words[i - 1]);
            if (after_po || after_u) && self.author_keys.contains(&index.key_of(word)) {
                if after_po {
                    claims.authors.insert(i);
                } else {
                    claims.in_texts.insert(i);
                }
            }
            for phrase in &self.said_by_after {
                if words[i..].starts_with(phrase) && i + phrase.len() < words.len() {
                    self.source_after(words, i + phrase.len(), &mut claims.sources);
                }
            }
        }
        claims
    }

    /// The words from `at` that name the source after "per" ("per batyrov"): past "the", the
    /// first word and the words naming a document after it ("per the journal paper").
    fn source_after(&self, words: &[String], at: usize, sources: &mut HashSet<usize>) {
        let mut at = at;
        while at + 1 < words.len() && self.said_by_skip.contains(&words[at]) {
            at += 1;
        }
        sources.insert(at);
        let documents = words[at + 1..]
            .iter()
            .take_while(|w| self.document_words.contains(*w))
            .count();
        sources.extend(at + 1..at + 1 + documents);
    }

    /// An event's date, or its last day when the question points at its end ("after the 100th
    /// meeting ended").
    fn date_of(&self, event: usize, words: &[String]) -> Option<PartialDate> {
        let ended = self.ends.iter().any(|cue| contains_sequence(words, cue));
        // "Per Batyrov's report": the date his report gives, where sources differ; not when
        // the question names the author of the event's own date too ("Askeroğlu dates the
        // draft, Batyrov the summit").
        let named = |stems: &[String]| {
            words
                .iter()
                .any(|w| stems.iter().any(|stem| w.starts_with(stem.as_str())))
        };
        let (own, others) = &self.dated_by[event];
        let by_source = (!named(own))
            .then(|| others.iter().find(|(stems, _)| named(stems)))
            .flatten();
        match (ended, self.until[event], by_source) {
            (true, Some(until), _) => Some(until),
            (_, _, Some((_, date))) => Some(*date),
            _ => self.events[event].0,
        }
    }

    /// The comparison of a day the question gives with an event. A day written without a year
    /// is taken in the year that puts it nearest the event (29.12 next to 22 December 2022 is
    /// 29 December 2022).
    fn with_given_date(
        &self,
        given: &GivenDate,
        event: usize,
        asked: Asked,
        words: &[String],
    ) -> Option<TimelineResult> {
        let event_date = self.date_of(event, words)?;
        let distance = |d: &PartialDate| {
            let g = if *d < event_date {
                gap(*d, event_date)
            } else {
                gap(event_date, *d)
            };
            g.days
                .unwrap_or(i64::from(g.months.unwrap_or(g.years * 12)) * 31)
        };
        let date = match given.year {
            Some(year) => given.in_year(year)?,
            None => [event_date.year - 1, event_date.year, event_date.year + 1]
                .iter()
                .filter_map(|&y| given.in_year(y))
                .min_by_key(distance)?,
        };
        // A day within the month or year the event is dated to ("май 23" read as 23 May next
        // to an event of May 2023) measures nothing: the question is left to the events.
        let apart = gap(date.min(event_date), date.max(event_date));
        let same = match apart.precision {
            Precision::Day => apart.days == Some(0),
            Precision::Month => apart.months == Some(0),
            Precision::Year => apart.years == 0,
        };
        if same {
            return None;
        }
        let moment = Moment::Given {
            year_assumed: given.year.is_none(),
        };
        Some(compared(
            (Moment::Event(event), event_date),
            (moment, date),
            asked,
        ))
    }

    /// "From 1991 to the alliance with Russia": the comparison of a bare year after one of
    /// `year_ends` with the event named best, when that year is not part of the event's name.
    fn with_given_year(
        &self,
        words: &[String],
        named: &[Named<'_>],
        asked: Asked,
        index: &Index,
    ) -> Option<TimelineResult> {
        let (event, _, matched) = named.first()?;
        let year = self.bare_year(words)?;
        if matched.contains(&index.key_of(year)) {
            return None;
        }
        let given = PartialDate {
            year: year.parse().ok()?,
            month: None,
            day: None,
        };
        let event_date = self.date_of(*event, words)?;
        if given.year == event_date.year {
            return None;
        }
        Some(compared(
            (Moment::Event(*event), event_date),
            (
                Moment::Given {
                    year_assumed: false,
                },
                given,
            ),
            asked,
        ))
    }

    /// A year right after one of `year_ends` ("after 1991", "от 1998"): one end of the time
    /// asked about, unless it is part of an event's name.
    fn bare_year<'w>(&self, words: &'w [String]) -> Option<&'w String> {
        words.windows(2).find_map(|pair| {
            let (before, year) = (&pair[0], &pair[1]);
            (self.year_ends.contains(before) && is_year(year)).then_some(year)
        })
    }

    /// The years among `years` that date an event the question names with other words too
    /// (`known`: the question's terms): "the hub opened in 2021" names the launch of the SIHM
    /// centre, so its year says which thing is meant, not which year's facts are asked for. A
    /// name is named when the question's terms cover [`NAME_COVERAGE`] of its weight, as in
    /// [`Timeline::answer`] (without its bonus for a whole name in order).
    pub fn years_of_named_events(&self, years: &[TermId], known: &[TermId]) -> Vec<TermId> {
        years
            .iter()
            .copied()
            .filter(|year| {
                let events = self.names_by_year.get(year).map_or(&[][..], Vec::as_slice);
                events.iter().any(|names| {
                    let has = |name: &DatedName, t: &TermId| name.terms.iter().any(|(n, _)| n == t);
                    let covered = |name: &DatedName| {
                        let weight: f32 = name
                            .terms
                            .iter()
                            .filter(|(t, _)| known.contains(t))
                            .map(|(_, w)| w)
                            .sum();
                        weight >= NAME_COVERAGE * name.total
                    };
                    // One of its names has the year, one is named, and one has another of the
                    // question's words.
                    names.iter().any(|name| has(name, year))
                        && names.iter().any(covered)
                        && names
                            .iter()
                            .any(|name| known.iter().any(|t| t != year && has(name, t)))
                })
            })
            .collect()
    }

    /// The events a question's words name, for curators: "date coverage [keys]".
    pub fn explain(&self, words: &[String], index: &Index) -> Vec<String> {
        self.named_events(&index.keys(words), index)
            .iter()
            .map(|(e, coverage, matched)| {
                let mut matched: Vec<&String> = matched.iter().copied().collect();
                matched.sort();
                format!("event {e} {coverage:.2} {matched:?}")
            })
            .collect()
    }

    /// The weight of event `i`'s month and year when the question (`weight` of a key number)
    /// has both: they weigh as words of each of its names ([`Timeline::date_keys`]).
    fn dated_weight(&self, i: usize, weight: &QuestionWeights) -> f32 {
        self.date_keys[i]
            .as_ref()
            .and_then(|(year, months)| {
                let year = weight.of(*year)?;
                let month = months.iter().find_map(|&m| weight.of(m))?;
                Some(year + month)
            })
            .unwrap_or(0.0)
    }

    /// How much of name `n` of event `i` the question (its key numbers, in order, and their
    /// weights) covers, with the event's month and year weighing `dated`; `None` for a name it
    /// shares no word with.
    fn name_coverage(
        &self,
        i: usize,
        n: usize,
        question: &QuestionWeights,
        dated: f32,
    ) -> Option<f32> {
        let name = &self.name_numbers[i][n];
        let mut hits = name.iter().filter_map(|&k| question.of(k)).peekable();
        // A name the question shares no word with covers nothing: not weighed.
        hits.peek()?;
        let total = self.name_weights[i][n];
        let covered: f32 = hits.sum();
        if total <= 0.0 {
            return Some(0.0);
        }
        // A name of two or more words found word for word ("Declaration on Allied Relations")
        // is stronger evidence than the same words scattered.
        let bonus = if name.len() > 1 && question.sequence.windows(name.len()).any(|w| w == name) {
            WHOLE_NAME_BONUS
        } else {
            1.0
        };
        // The date helps a name the question half names, not one it shares a country with
        // ("госвизит в казахстан в декабре 2021" names no declaration). A name with a date of
        // its own ("2021 declaration") has it weighed already.
        let own_date = self.date_keys[i]
            .as_ref()
            .is_some_and(|(year, months)| name.iter().any(|k| k == year || months.contains(k)));
        let dated = if !own_date && covered / total >= DATED_NAME_COVERAGE {
            dated
        } else {
            0.0
        };
        Some(bonus * (covered + dated) / (total + dated))
    }

    /// Events the question names, best first: (event, coverage, the question keys it explains).
    fn named_events(&self, sequence: &[String], index: &Index) -> Vec<Named<'_>> {
        // Each question key with its weight, looked up once: common keys ("treaty") are in
        // most names, so a name's words are checked against these thousands of times.
        let weights: HashMap<&String, f32> = sequence
            .iter()
            .map(|k| (k, index.weight_of_key(k)))
            .collect();
        let question = QuestionWeights::new(self, sequence, &weights);
        // Only the names sharing a word with the question: marked in one pass over the keys'
        // lists, then read in event order (a sort of the pairs cost more than the rest).
        let mut shares = vec![false; self.name_starts.last().map_or(0, |&n| n as usize)];
        for &k in &question.sequence {
            for &(e, n) in self.names_by_key.get(k as usize).into_iter().flatten() {
                shares[(self.name_starts[e as usize] + n) as usize] = true;
            }
        }
        let shares = &shares;
        let mut named: Vec<Named> = Vec::new();
        for (i, (date, names)) in self.events.iter().enumerate() {
            let start = self.name_starts[i] as usize;
            let sharing = || {
                names
                    .iter()
                    .enumerate()
                    .filter(move |&(n, _)| shares[start + n])
            };
            if date.is_none() || sharing().next().is_none() {
                continue;
            }
            let dated = self.dated_weight(i, &question);
            // The best-covered name decides whether the event is named; the question words any
            // of its names explain all count ("KazNU" from one name, "history degree" from
            // another).
            let coverage = sharing()
                .filter_map(|(n, _)| self.name_coverage(i, n, &question, dated))
                .fold(0.0f32, f32::max);
            if coverage < NAME_COVERAGE {
                continue;
            }
            let matched: HashSet<&String> = sharing()
                .flat_map(|(_, name)| name.iter().filter(|k| weights.contains_key(k)))
                .collect();
            if !matched.is_empty() {
                named.push((i, coverage, matched));
            }
        }
        // Coverage of the name times the weight of the question words it explains: "the
        // eternal friendship treaty" fully named beats a name that merely shares "treaty" and
        // "Kazakhstan".
        let strength = |(_, coverage, matched): &Named| {
            coverage * matched.iter().map(|k| weights[k]).sum::<f32>()
        };
        // Each strength once, not once per comparison.
        let mut strong: Vec<(f32, Named)> = named.into_iter().map(|n| (strength(&n), n)).collect();
        strong.sort_by(|(sa, a), (sb, b)| sb.total_cmp(sa).then(a.0.cmp(&b.0)));
        strong.into_iter().map(|(_, n)| n).collect()
    }
}

/// Who a question says makes a claim ([`Timeline::sources_of_claims`]): positions of its words.
#[derive(Default)]
struct Claims {
    /// Named as saying it ("askeroglu says", "по словам батырова").
    sources: HashSet<usize>,
    /// After "по": sources when two events are named without them.
    authors: HashSet<usize>,
    /// After "у": sources when one event is named without them.
    in_texts: HashSet<usize>,
}

/// The stems of the names of the authors an event's own date is cited from, and the other
/// dates sources give it, each with the stems of its source's authors' names.
type SourcedDates = (Vec<String>, Vec<(Vec<String>, PartialDate)>);

/// The dates `event` is given by other sources ([`Event::dated_by`]), each with the stems of
/// its source's authors' surnames (their synonyms' too: "батырова" is Batyrov).
fn dates_by_source(event: &Event, sources: &[Source], index: &Index) -> SourcedDates {
    let stems_of = |id: &str| -> Vec<String> {
        let source = sources.iter().find(|s| s.id == id);
        source
            .into_iter()
            .flat_map(|s| s.authors.iter())
            .flat_map(|name| tokenize(name))
            .flat_map(|word| index.stems_of_key(&index.key_of(&word)))
            // Short stems would start unrelated words.
            .filter(|stem| stem.chars().count() >= MIN_SURNAME_STEM_CHARS)
            .collect()
    };
    if event.dated_by.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let own = (event.citations.iter())
        .filter(|c| !event.dated_by.iter().any(|d| d.source == c.source))
        .flat_map(|c| stems_of(&c.source))
        .collect();
    let others = (event.dated_by.iter())
        .filter_map(|dated| Some((stems_of(&dated.source), PartialDate::parse(&dated.date)?)))
        .collect();
    (own, others)
}

/// The fewest letters of a surname's stem that [`Timeline::date_of`] reads as naming it.
const MIN_SURNAME_STEM_CHARS: usize = 5;

/// Each event's date and its names (English and Russian) as canonical keys.
fn event_names(events: &[Event], index: &Index) -> Vec<(Option<PartialDate>, Vec<Vec<String>>)> {
    events
        .iter()
        .map(|event| {
            let names = event
                .names
                .iter()
                .chain(event.ru.iter().flat_map(|r| &r.names))
                .map(|name| index.keys(&tokenize(name)))
                .filter(|keys| !keys.is_empty())
                .collect();
            (PartialDate::parse(&event.date), names)
        })
        .collect()
}

/// The events' name and date keys numbered, and the names and dates by number (see
/// [`Timeline::key_numbers`]).
struct NumberedKeys {
    numbers: HashMap<String, u32>,
    names: Vec<Vec<Vec<u32>>>,
    names_by_key: Vec<Vec<(u32, u32)>>,
    dates: Vec<Option<(u32, Vec<u32>)>>,
}

impl NumberedKeys {
    fn new(
        events: &[(Option<PartialDate>, Vec<Vec<String>>)],
        dates: &[Option<(String, Vec<String>)>],
    ) -> Self {
        let mut numbers: HashMap<String, u32> = HashMap::default();
        let mut number = |key: &String| -> u32 {
            let next = numbers.len() as u32;
            *numbers.entry(key.clone()).or_insert(next)
        };
        let names: Vec<Vec<Vec<u32>>> = events
            .iter()
            .map(|(_, names)| {
                names
                    .iter()
                    .map(|name| name.iter().map(&mut number).collect())
                    .collect()
            })
            .collect();
        let dates = dates
            .iter()
            .map(|d| {
                d.as_ref()
                    .map(|(year, months)| (number(year), months.iter().map(&mut number).collect()))
            })
            .collect();
        let mut names_by_key = vec![Vec::new(); numbers.len()];
        for (e, names) in names.iter().enumerate() {
            for (n, name) in names.iter().enumerate() {
                for &key in name {
                    let pairs: &mut Vec<(u32, u32)> = &mut names_by_key[key as usize];
                    if pairs.last() != Some(&(e as u32, n as u32)) {
                        pairs.push((e as u32, n as u32));
                    }
                }
            }
        }
        NumberedKeys {
            numbers,
            names,
            names_by_key,
            dates,
        }
    }
}

/// A question's keys as [`Timeline::key_numbers`] (`u32::MAX` for a key no name or date has),
/// in order, and the weight of each number it has.
struct QuestionWeights {
    sequence: Vec<u32>,
    /// Per key number: its weight, or NaN when the question does not have it.
    weight: Vec<f32>,
}

impl QuestionWeights {
    fn new(timeline: &Timeline, sequence: &[String], weights: &HashMap<&String, f32>) -> Self {
        let mut weight = vec![f32::NAN; timeline.key_numbers.len()];
        let sequence = sequence
            .iter()
            .map(|k| match timeline.key_numbers.get(k) {
                Some(&n) => {
                    weight[n as usize] = weights[k];
                    n
                }
                None => u32::MAX,
            })
            .collect();
        QuestionWeights { sequence, weight }
    }

    /// The weight of key number `k` when the question has it.
    fn of(&self, k: u32) -> Option<f32> {
        Some(self.weight[k as usize]).filter(|w| !w.is_nan())
    }
}

/// Per event, per name: the total weight of its keys.
fn name_weights(
    events: &[(Option<PartialDate>, Vec<Vec<String>>)],
    index: &Index,
) -> Vec<Vec<f32>> {
    events
        .iter()
        .map(|(_, names)| {
            names
                .iter()
                .map(|name| name.iter().map(|k| index.weight_of_key(k)).sum())
                .collect()
        })
        .collect()
}

/// Where each event's names start in the names of all events in order, and their total.
fn name_starts(events: &[(Option<PartialDate>, Vec<Vec<String>>)]) -> Vec<u32> {
    std::iter::once(0)
        .chain(events.iter().scan(0u32, |total, (_, names)| {
            *total += names.len() as u32;
            Some(*total)
        }))
        .collect()
}

/// The names of each dated event as terms, by the term of the event's year.
fn dated_names(
    events: &[(Option<PartialDate>, Vec<Vec<String>>)],
    index: &Index,
) -> HashMap<TermId, Vec<Vec<DatedName>>> {
    let mut by_year: HashMap<TermId, Vec<Vec<DatedName>>> = HashMap::default();
    for (date, names) in events {
        let Some(year) = date.and_then(|d| index.term_of_key(&d.year.to_string())) else {
            continue;
        };
        let names = names
            .iter()
            .map(|name| DatedName {
                terms: name
                    .iter()
                    .filter_map(|k| index.term_of_key(k).map(|t| (t, index.weight_of_key(k))))
                    .collect(),
                total: name.iter().map(|k| index.weight_of_key(k)).sum(),
            })
            .collect();
        by_year.entry(year).or_default().push(names);
    }
    by_year
}

/// `rest` without the words at `span` of `words` (the words a given date is written with).
fn without_words(words: &[String], span: &std::ops::Range<usize>, rest: &[String]) -> Vec<String> {
    let date_words: HashSet<&String> = words[span.clone()].iter().collect();
    rest.iter()
        .filter(|w| !date_words.contains(w))
        .cloned()
        .collect()
}

/// Two moments in date order and the time between them.
fn compared(a: (Moment, PartialDate), b: (Moment, PartialDate), asked: Asked) -> TimelineResult {
    let (first, second) = if b.1 < a.1 { (b, a) } else { (a, b) };
    TimelineResult::Computed(Comparison {
        first: first.0,
        second: second.0,
        dates: (first.1, second.1),
        asked,
        gap: gap(first.1, second.1),
        from_first_end: None,
    })
}

/// The two named events that together explain the most of the question: every question word
/// either event explains counts once, weighted by how fully the better of the two events that
/// explain it is named. "How many months after Russia invaded Ukraine did KZ and UZ become
/// allies" pairs the war with the Kazakh alliance, not with the Russian one, because only the
/// Kazakh alliance adds "Kazakhstan". Counting each word once, rather than rewarding words one
/// event explains and the other does not, keeps a fully named event ("the declaration… and the
/// signing of the treaty") from losing to a weaker one that merely shares fewer of its words.
///
/// A word the question uses twice, each time after a different entity ("the Russia pact vs the
/// Kazakhstan pact"), names the kind of both events: when two named events share it, only such
/// pairs are weighed ("the pact of the Karimov era" paired the Russian alliance with the change
/// of power after Karimov).
fn best_pair(
    named: &[Named],
    kinds: &[&String],
    words: &[String],
    bare_year: bool,
    index: &Index,
) -> Option<(usize, usize)> {
    // "Without any ally after 1991, until the russia pact": "ally" and "pact" once name the
    // Russian alliance, not also the treaty whose full name they are; the year is the other
    // end. Beside such a year, an event named only by the other's words needs one of them
    // said twice.
    let said_twice = |keys: &HashSet<&String>| {
        !bare_year
            || keys
                .iter()
                .any(|k| words.iter().filter(|w| index.has_key(w, k)).count() > 1)
    };
    let pair_has = |k: &String| {
        named.iter().enumerate().any(|(i, (_, _, a))| {
            a.contains(k) && named.iter().skip(i + 1).any(|(_, _, b)| b.contains(k))
        })
    };
    let kinds: Vec<&String> = kinds.iter().copied().filter(|k| pair_has(k)).collect();
    let mut best: Option<(f32, usize, usize)> = None;
    for (i, (a, cov_a, keys_a)) in named.iter().enumerate() {
        for (b, cov_b, keys_b) in named.iter().skip(i + 1) {
            if !kinds
                .iter()
                .all(|k| keys_a.contains(*k) && keys_b.contains(*k))
            {
                continue;
            }
            let only_a = keys_a.iter().any(|k| !keys_b.contains(k));
            let only_b = keys_b.iter().any(|k| !keys_a.contains(k));
            // Each event needs words of its own, unless it is named in full ("the border deal
            // was finalised… before the presidents signed it": the signing shares its words).
            let own = |only: bool, coverage: f32| only || coverage >= 1.0;
            if !own(only_a, *cov_a) || !own(only_b, *cov_b) || !(only_a || only_b) {
                continue;
            }
            if (!only_a && !said_twice(keys_a)) || (!only_b && !said_twice(keys_b)) {
                continue;
            }
            let score: f32 = keys_a
                .union(keys_b)
                .map(|k| {
                    let coverage = match (keys_a.contains(k), keys_b.contains(k)) {
                        (true, true) => cov_a.max(*cov_b),
                        (true, false) => *cov_a,
                        _ => *cov_b,
                    };
                    coverage * index.weight_of_key(k)
                })
                .sum();
            // Equal scores differ only by the order the words were summed in: the first pair,
            // of the better-named events (`named` is in that order), stays.
            if best.is_none_or(|(s, _, _)| score > s + PAIR_SCORE_TIE) {
                best = Some((score, *a, *b));
            }
        }
    }
    best.map(|(_, a, b)| (a, b))
}

/// The keys a question uses at least twice, each time right after a different entity ("russia
/// pact … kazakhstan pact"): the kind of two events it names.
fn kinds_of_two_named<'a>(sequence: &'a [String], index: &Index) -> Vec<&'a String> {
    let is_entity = |k: &String| {
        index
            .term_of_key(k)
            .is_some_and(|t| index.entities.contains(&t))
    };
    let mut kinds: Vec<&String> = Vec::new();
    for (i, key) in sequence.iter().enumerate().skip(1) {
        let before = &sequence[i - 1];
        if kinds.contains(&key) || !is_entity(before) || is_entity(key) {
            continue;
        }
        let again = sequence[i + 1..]
            .windows(2)
            .any(|w| w[1] == *key && w[0] != *before && is_entity(&w[0]));
        if again {
            kinds.push(key);
        }
    }
    kinds
}

/// The time from `a` to `b` (`a` not later than `b`).
pub fn gap(a: PartialDate, b: PartialDate) -> Gap {
    let precision = match (a.month, a.day, b.month, b.day) {
        (Some(_), Some(_), Some(_), Some(_)) => Precision::Day,
        (Some(_), _, Some(_), _) => Precision::Month,
        _ => Precision::Year,
    };
    let (y1, m1, d1) = (
        i32::from(a.year),
        i32::from(a.month.unwrap_or(1)),
        i32::from(a.day.unwrap_or(1)),
    );
    let (y2, m2, d2) = (
        i32::from(b.year),
        i32::from(b.month.unwrap_or(1)),
        i32::from(b.day.unwrap_or(1)),
    );
    let mut months = (y2 - y1) * 12 + (m2 - m1);
    if precision == Precision::Day && d2 < d1 {
        months -= 1;
    }
    let years = match precision {
        Precision::Year => y2 - y1,
        _ => months.div_euclid(12),
    };
    Gap {
        years,
        months: (precision >= Precision::Month).then_some(months),
        days: (precision == Precision::Day)
            .then(|| days_from_civil(y2, m2, d2) - days_from_civil(y1, m1, d1)),
        precision,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: i32, day: i32) -> i64 {
    let y = i64::from(if month <= 2 { year - 1 } else { year });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn timeline_arithmetic_in_days_months_and_years() {
        let g = gap(date("2022-07-21"), date("2022-12-22"));
        assert_eq!((g.years, g.months, g.days), (0, Some(5), Some(154)));
        assert_eq!(g.precision, Precision::Day);
        let g = gap(date("2022-12-22"), date("2022-12-25"));
        assert_eq!(g.days, Some(3));
        let g = gap(date("2021-12-06"), date("2022-12-21"));
        assert_eq!((g.years, g.months), (1, Some(12)));
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(
            days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28),
            2
        );
    }

    #[test]
    fn timeline_month_only_dates_give_months() {
        let g = gap(date("2022-02"), date("2022-12-22"));
        assert_eq!(
            (g.precision, g.months, g.days),
            (Precision::Month, Some(10), None)
        );
        let g = gap(date("2005-11"), date("2022-12-22"));
        assert_eq!((g.years, g.months), (17, Some(205)));
    }

    #[test]
    fn timeline_year_only_dates_give_whole_years() {
        let g = gap(date("1991"), date("1998"));
        assert_eq!((g.precision, g.years, g.months), (Precision::Year, 7, None));
        let g = gap(date("2007"), date("2020-09"));
        assert_eq!((g.precision, g.years), (Precision::Year, 13));
        let g = gap(date("2005-05"), date("2016"));
        assert_eq!(g.years, 11);
    }
}
