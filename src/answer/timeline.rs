//! The words of a computed timeline answer ("7 years passed between…", "First came…") in the
//! question's language, with the precision the dates allow, and of the decline when a timeline
//! question names fewer than two known events. Texts and unit words live in `messages.toml`.

use crate::knowledge::{Event, KnowledgeBase, PartialDate};
use crate::matching::{Asked, Comparison, Gap, Lang, Moment, Precision, Unit};

/// The full text: the computed sentence, a note on precision where needed, and the events.
pub fn comparison_text(kb: &KnowledgeBase, comparison: &Comparison, lang: Lang) -> String {
    let code = lang.code();
    let messages = &kb.messages;
    let gap = &comparison.gap;
    let same_time = gap.same_period();
    let unit = match comparison.asked {
        Asked::Gap(unit) => unit,
        Asked::Order => None,
    };
    let gap_text = gap_words(kb, gap, unit, lang);
    let mut text = match given_and_event(comparison) {
        Some((given_first, year_assumed, event)) => {
            let (given, event_date) = if given_first {
                (comparison.dates.0, comparison.dates.1)
            } else {
                (comparison.dates.1, comparison.dates.0)
            };
            // Never the same day: the engine leaves such a date to the events.
            let key = match (comparison.asked, given_first) {
                (Asked::Gap(_), _) => "timeline_given_gap",
                (Asked::Order, true) => "timeline_given_before",
                (Asked::Order, false) => "timeline_given_after",
            };
            let given_text = given.display(code);
            let values = [
                ("given", given_text.as_str()),
                ("event", &name(&kb.events[event], lang)),
                ("event_date", &event_date.display(code)),
                ("gap", &gap_text),
            ];
            let mut text = messages.format(code, key, &values);
            if year_assumed {
                let year = given.year.to_string();
                text.push(' ');
                text.push_str(&messages.format(code, "timeline_year_assumed", &[("year", &year)]));
            }
            text
        }
        None => events_text(kb, comparison, same_time, &gap_text, lang),
    };
    let coarser = match (unit, gap.precision) {
        (Some(Unit::Days), Precision::Month | Precision::Year)
        | (Some(Unit::Months), Precision::Year) => true,
        (None, Precision::Year) => !same_time,
        _ => false,
    };
    if coarser || (gap.precision == Precision::Year && unit == Some(Unit::Years)) {
        let note = match gap.precision {
            Precision::Year => "timeline_precision_year",
            _ => "timeline_precision_month",
        };
        text.push(' ');
        text.push_str(messages.get(code, note));
    }
    let notes = [
        first_end_note(kb, comparison, unit, lang),
        calendar_years_note(kb, comparison, lang),
    ];
    for note in notes.into_iter().flatten() {
        text.push(' ');
        text.push_str(&note);
    }
    let moments = [
        (comparison.first, comparison.dates.0),
        (comparison.second, comparison.dates.1),
    ];
    for (moment, date) in moments {
        if let Moment::Event(e) = moment {
            let line = event_text(&kb.events[e], lang);
            text.push_str(&format!("\n• {}: {line}", date.display(code)));
        }
    }
    text
}

/// The gap counted from the earlier event's last day too, when it lasted several days (see
/// [`Comparison::from_first_end`]).
fn first_end_note(
    kb: &KnowledgeBase,
    comparison: &Comparison,
    unit: Option<Unit>,
    lang: Lang,
) -> Option<String> {
    let (end, gap) = comparison.from_first_end?;
    let values = [
        ("end", end.display(lang.code())),
        ("gap", gap_words(kb, &gap, unit, lang)),
    ];
    let refs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Some(
        kb.messages
            .format(lang.code(), "timeline_from_first_end", &refs),
    )
}

/// For years asked between dates known to the month or day, when subtracting the years gives
/// more than the whole years passed (November 2005 to August 2024: 18 years, 2024 − 2005 = 19):
/// the count by calendar year, which is how many people count, so that neither reads as wrong.
fn calendar_years_note(kb: &KnowledgeBase, comparison: &Comparison, lang: Lang) -> Option<String> {
    let gap = &comparison.gap;
    let asks_years = matches!(comparison.asked, Asked::Gap(Some(Unit::Years)));
    let (from, to) = (comparison.dates.0.year, comparison.dates.1.year);
    let calendar = i32::from(to) - i32::from(from);
    if !asks_years || gap.precision == Precision::Year || calendar == gap.years {
        return None;
    }
    let values = [
        ("from", from.to_string()),
        ("to", to.to_string()),
        ("years", count(kb, lang, i64::from(calendar), "year")),
    ];
    let refs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Some(
        kb.messages
            .format(lang.code(), "timeline_calendar_years", &refs),
    )
}

/// The sentence comparing two events of the chronology.
fn events_text(
    kb: &KnowledgeBase,
    comparison: &Comparison,
    same_time: bool,
    gap_text: &str,
    lang: Lang,
) -> String {
    let code = lang.code();
    let event_name = |moment: Moment| match moment {
        Moment::Event(e) => name(&kb.events[e], lang),
        Moment::Given { .. } => String::new(),
    };
    let key = match (comparison.asked, same_time) {
        _ if comparison.gap.undetermined() => "timeline_undetermined",
        (_, true) => "timeline_same_time",
        (Asked::Order, false) => "timeline_order",
        (Asked::Gap(_), false) => "timeline_gap",
    };
    let values = [
        ("first", event_name(comparison.first)),
        ("first_date", comparison.dates.0.display(code)),
        ("second", event_name(comparison.second)),
        ("second_date", comparison.dates.1.display(code)),
        ("gap", gap_text.to_owned()),
    ];
    let refs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    kb.messages.format(code, key, &refs)
}

/// For a comparison of a day the question gave with an event: whether the day comes first,
/// whether its year was assumed, and the event.
fn given_and_event(comparison: &Comparison) -> Option<(bool, bool, usize)> {
    match (comparison.first, comparison.second) {
        (Moment::Given { year_assumed }, Moment::Event(e)) => Some((true, year_assumed, e)),
        (Moment::Event(e), Moment::Given { year_assumed }) => Some((false, year_assumed, e)),
        _ => None,
    }
}

/// The decline for a timeline question naming one known event, or none.
pub fn incomplete_text(kb: &KnowledgeBase, found: Option<usize>, lang: Lang) -> String {
    let code = lang.code();
    match found {
        Some(e) => {
            let event = &kb.events[e];
            kb.messages.format(
                code,
                "timeline_one_event",
                &[
                    ("found", &name(event, lang)),
                    ("date", &date_text(event, code)),
                ],
            )
        }
        None => kb.messages.get(code, "timeline_no_event").to_owned(),
    }
}

/// The time between two dates in words, in the unit asked when the dates allow it, else in the
/// finest unit they allow.
fn gap_words(kb: &KnowledgeBase, gap: &Gap, unit: Option<Unit>, lang: Lang) -> String {
    let years = count(kb, lang, i64::from(gap.years), "year");
    match (unit, gap.months, gap.days) {
        (Some(Unit::Days), _, Some(days)) => count(kb, lang, days, "day"),
        (Some(Unit::Days) | Some(Unit::Months), Some(months), days) => {
            let text = count(kb, lang, i64::from(months), "month");
            match days {
                Some(days) => format!("{text} ({})", count(kb, lang, days, "day")),
                None => text,
            }
        }
        (Some(Unit::Years), Some(months), _) if gap.years == 0 => {
            count(kb, lang, i64::from(months), "month")
        }
        (Some(Unit::Years), _, _) | (_, None, _) => years,
        (None, Some(_), Some(days)) if days < 62 => count(kb, lang, days, "day"),
        (None, Some(months), days) if gap.years == 0 => {
            let text = count(kb, lang, i64::from(months), "month");
            match days {
                Some(days) => format!("{text} ({})", count(kb, lang, days, "day")),
                None => text,
            }
        }
        (None, Some(months), days) => {
            let rest = months - gap.years * 12;
            let text = if rest == 0 {
                years
            } else {
                kb.messages.format(
                    lang.code(),
                    "timeline_years_and_months",
                    &[
                        ("years", &years),
                        ("months", &count(kb, lang, i64::from(rest), "month")),
                    ],
                )
            };
            // "How much time passed" between two exact dates: "1 year" alone hides the 16 days
            // over it, so the exact count follows.
            match days {
                Some(days) => format!("{text} ({})", count(kb, lang, days, "day")),
                None => text,
            }
        }
    }
}

/// "7 years", "1 год", "5 лет": the number with its unit word in the right plural form.
fn count(kb: &KnowledgeBase, lang: Lang, n: i64, unit: &str) -> String {
    let form = match lang {
        Lang::Ru => russian_plural(n),
        Lang::En if n == 1 => "one",
        Lang::En => "many",
    };
    let key = format!("unit_{unit}_{form}");
    let word = kb.messages.get(lang.code(), &key).to_owned();
    format!("{n} {word}")
}

/// Russian plural class of a number: 1 год, 2 года, 5 лет, 21 год, 11 лет.
fn russian_plural(n: i64) -> &'static str {
    let n = n.abs();
    match (n % 10, n % 100) {
        (1, r) if r != 11 => "one",
        (2..=4, r) if !(12..=14).contains(&r) => "few",
        _ => "many",
    }
}

/// The event's short name in `lang` (its first name), or its text.
fn name(event: &Event, lang: Lang) -> String {
    let ru = event.ru.as_ref().and_then(|r| r.names.first());
    match (lang, ru, event.names.first()) {
        (Lang::Ru, Some(name), _) => name.clone(),
        (_, _, Some(name)) => name.clone(),
        _ => event_text(event, lang).trim_end_matches('.').to_owned(),
    }
}

fn event_text(event: &Event, lang: Lang) -> String {
    match (lang, event.ru.as_ref().and_then(|r| r.text.as_ref())) {
        (Lang::Ru, Some(text)) => text.clone(),
        _ => event.text.clone(),
    }
}

fn date_text(event: &Event, code: &str) -> String {
    PartialDate::parse(&event.date).map_or_else(|| event.date.clone(), |d| d.display(code))
}

#[cfg(test)]
mod tests {
    use super::russian_plural;

    #[test]
    fn timeline_russian_plurals() {
        let forms: Vec<&str> = [1, 2, 5, 11, 12, 21, 22, 25, 101, 111]
            .iter()
            .map(|&n| russian_plural(n))
            .collect();
        assert_eq!(
            forms,
            ["one", "few", "many", "many", "many", "one", "few", "many", "one", "many"]
        );
    }
}
