//! The words of a computed timeline answer ("7 years passed between…", "First came…") in the
//! question's language, with the precision the dates allow, and of the decline when a timeline
//! question names fewer than two known events. Texts and unit words live in `messages.toml`.

use crate::knowledge::{Event, KnowledgeBase, PartialDate};
use crate::matching::{Asked, Comparison, Gap, Lang, Precision, Unit};

/// The full text: the computed sentence, a note on precision where needed, and both events.
pub fn comparison_text(kb: &KnowledgeBase, comparison: &Comparison, lang: Lang) -> String {
    let code = lang.code();
    let messages = &kb.messages;
    let first = &kb.events[comparison.first];
    let second = &kb.events[comparison.second];
    let first_date = comparison.dates.0.display(code);
    let second_date = comparison.dates.1.display(code);
    let gap = &comparison.gap;
    let values = |gap_text: &str| {
        [
            ("first", name(first, lang)),
            ("first_date", first_date.clone()),
            ("second", name(second, lang)),
            ("second_date", second_date.clone()),
            ("gap", gap_text.to_owned()),
        ]
    };
    let same_time = match gap.precision {
        Precision::Day => gap.days == Some(0),
        Precision::Month => gap.months == Some(0),
        Precision::Year => gap.years == 0,
    };
    let unit = match comparison.asked {
        Asked::Gap(unit) => unit,
        Asked::Order => None,
    };
    let key = match (comparison.asked, same_time) {
        (_, true) => "timeline_same_time",
        (Asked::Order, false) => "timeline_order",
        (Asked::Gap(_), false) => "timeline_gap",
    };
    let gap_text = gap_words(kb, gap, unit, lang);
    let filled: Vec<(&str, String)> = values(&gap_text).into_iter().collect();
    let refs: Vec<(&str, &str)> = filled.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut text = messages.format(code, key, &refs);
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
    text.push_str(&format!(
        "\n• {first_date}: {}\n• {second_date}: {}",
        event_text(first, lang),
        event_text(second, lang)
    ));
    text
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
