//! Partial ISO dates ("2022", "2022-12", "2022-12-22") as the documents give them, and how they
//! are shown to users in each language.

use std::fmt;

/// A date known to the year, the month or the day.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_RU_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// Russian month names in the prepositional case ("в ноябре").
const MONTHS_RU_PREPOSITIONAL: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];

impl PartialDate {
    /// The name of a month (1–12) as a date writes it: "December", or in Russian the genitive
    /// "декабря".
    pub fn month_name(month: u8, russian: bool) -> Option<&'static str> {
        let names = if russian {
            &MONTHS_RU_GENITIVE
        } else {
            &MONTHS_EN
        };
        names.get(usize::from(month).checked_sub(1)?).copied()
    }

    /// The month (1–12) a lower-case word names, in English (full or three-letter "dec") or
    /// Russian (nominative, genitive, prepositional).
    pub fn month_of_word(word: &str) -> Option<u8> {
        let position = |names: &[&str; 12]| names.iter().position(|m| *m == word);
        let english = MONTHS_EN.iter().position(|m| {
            m.eq_ignore_ascii_case(word) || (word.len() == 3 && m[..3].eq_ignore_ascii_case(word))
        });
        english
            .or_else(|| position(&MONTHS_RU_GENITIVE))
            .or_else(|| position(&MONTHS_RU_NOMINATIVE))
            .or_else(|| position(&MONTHS_RU_PREPOSITIONAL))
            .map(|i| i as u8 + 1)
    }

    /// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; `None` for anything else or an impossible date.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 {
            return None;
        }
        let year: u16 = year_text.parse().ok()?;
        let month = match parts.next() {
            Some(m) if m.len() == 2 => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            Some(_) => return None,
            None => None,
        };
        let day = match parts.next() {
            Some(d) if d.len() == 2 => {
                let day = d.parse::<u8>().ok()?;
                let month = month?;
                (1..=days_in_month(year, month))
                    .contains(&day)
                    .then_some(day)?;
                Some(day)
            }
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// The date in words, in the given language ("22 December 2022", "22 декабря 2022").
    pub fn display(&self, lang: &str) -> String {
        let ru = lang == "ru";
        match (self.month, self.day) {
            (Some(m), Some(d)) if ru => {
                format!("{d} {} {}", MONTHS_RU_GENITIVE[m as usize - 1], self.year)
            }
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS_EN[m as usize - 1], self.year),
            (Some(m), None) if ru => {
                format!("{} {}", MONTHS_RU_NOMINATIVE[m as usize - 1], self.year)
            }
            (Some(m), None) => format!("{} {}", MONTHS_EN[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display("en"))
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_year_month_and_day_precision() {
        assert_eq!(PartialDate::parse("2022").unwrap().display("en"), "2022");
        assert_eq!(
            PartialDate::parse("2022-12").unwrap().display("en"),
            "December 2022"
        );
        assert_eq!(
            PartialDate::parse("2022-12-22").unwrap().display("en"),
            "22 December 2022"
        );
        assert_eq!(
            PartialDate::parse("2022-12-22").unwrap().display("ru"),
            "22 декабря 2022"
        );
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "22",
            "2022-13",
            "2022-02-30",
            "2022-1-5",
            "22.12.2022",
            "2022-12-22-01",
            "",
        ] {
            assert!(PartialDate::parse(bad).is_none(), "{bad} should not parse");
        }
        assert!(PartialDate::parse("2024-02-29").is_some());
    }

    #[test]
    fn dates_order_chronologically() {
        assert!(PartialDate::parse("2021-12-06").unwrap() < PartialDate::parse("2022-12").unwrap());
    }
}
