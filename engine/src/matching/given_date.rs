//! Dates a question gives itself ("29 December 2022", "29.12", "dec 29"), for timeline
//! questions that count from a day of the user's choosing to an event of the documents ("I
//! checked the sources on 29.12 — how many days after the signing was that?").
//!
//! Only dates with a day and a month are read: "December 2022" or "2022" alone usually name an
//! event ("the December 2022 visit"), not a point of the user's own.

use crate::knowledge::PartialDate;
use std::ops::Range;

/// A day and month written in a question, with the year when it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenDate {
    pub day: u8,
    pub month: u8,
    pub year: Option<u16>,
    /// The question words it is written with.
    pub words: Range<usize>,
}

impl GivenDate {
    /// The date in `year` (its own, when written), or `None` when that day does not exist
    /// (29 February of a common year).
    pub fn in_year(&self, year: u16) -> Option<PartialDate> {
        let year = self.year.unwrap_or(year);
        PartialDate::parse(&format!("{year:04}-{:02}-{:02}", self.month, self.day))
    }

    /// Whether `date` is this day (in this year, when one is written).
    pub fn is(&self, date: PartialDate) -> bool {
        date.month == Some(self.month)
            && date.day == Some(self.day)
            && self.year.is_none_or(|y| y == date.year)
    }
}

/// The first date with a day and a month among `words` (normalised question words, in which
/// "29.12.2022" is one word).
pub fn given_date(words: &[String]) -> Option<GivenDate> {
    (0..words.len()).find_map(|i| {
        dotted(words, i)
            .or_else(|| day_then_month(words, i))
            .or_else(|| month_then_day(words, i))
    })
}

/// "29.12" or "29.12.2022" (or "29.12.22"): the month in two digits, so that a decimal such
/// as "4.5" is not read as a date.
fn dotted(words: &[String], i: usize) -> Option<GivenDate> {
    let (day, month, year) = dotted_date(&words[i])?;
    checked(day, month, year, i..i + 1)
}

/// The day, month and year (when written) of a word such as "29.12" or "29.12.2022" (or
/// "29.12.22"): the month in two digits, so that a decimal such as "4.5" is not read as a date.
pub fn dotted_date(word: &str) -> Option<(u8, u8, Option<u16>)> {
    let mut parts = word.split('.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next());
    if parts.next().is_some() || month.len() != 2 {
        return None;
    }
    let year = match year {
        None => None,
        Some(y) if y.len() == 4 => Some(y.parse().ok()?),
        Some(y) if y.len() == 2 => Some(2000 + y.parse::<u16>().ok()?),
        Some(_) => return None,
    };
    let month = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some((day_number(day)?, month, year))
}

/// "29 December 2022", "29 декабря", "the 1st of March 2023".
fn day_then_month(words: &[String], i: usize) -> Option<GivenDate> {
    let day = day_number(&words[i])?;
    let of = usize::from(words.get(i + 1).is_some_and(|w| w == "of"));
    let month = PartialDate::month_of_word(words.get(i + 1 + of)?)?;
    let year = words.get(i + 2 + of).and_then(|w| year_number(w));
    let end = i + 2 + of + usize::from(year.is_some());
    checked(day, month, year, i..end)
}

/// "December 29, 2022", "dec 29": English only. Russian writes the day first, and "май 23"
/// is May 2023.
fn month_then_day(words: &[String], i: usize) -> Option<GivenDate> {
    let month = PartialDate::month_of_word(&words[i]).filter(|_| words[i].is_ascii())?;
    let day = day_number(words.get(i + 1)?)?;
    let year = words.get(i + 2).and_then(|w| year_number(w));
    let end = i + 2 + usize::from(year.is_some());
    checked(day, month, year, i..end)
}

/// A day of a month: one or two digits, 1 to 31.
fn day_number(word: &str) -> Option<u8> {
    let all_digits =
        !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit());
    all_digits
        .then(|| word.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// A year as the documents' readers write one: four digits, 1900 to 2099.
fn year_number(word: &str) -> Option<u16> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2099).contains(y))
}

/// The date, when that day exists (in a leap year, when no year is written).
fn checked(day: u8, month: u8, year: Option<u16>, words: Range<usize>) -> Option<GivenDate> {
    let date = GivenDate {
        day,
        month,
        year,
        words,
    };
    date.in_year(2000)?;
    Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        crate::matching::normalize::tokenize(text)
    }

    fn found(text: &str) -> Option<(u8, u8, Option<u16>)> {
        given_date(&words(text)).map(|d| (d.day, d.month, d.year))
    }

    #[test]
    fn given_dates_in_each_written_form() {
        assert_eq!(
            found("checked on 29.12, how many days after?"),
            Some((29, 12, None))
        );
        assert_eq!(found("с 29.12.2022"), Some((29, 12, Some(2022))));
        assert_eq!(found("from 05.12.22 on"), Some((5, 12, Some(2022))));
        assert_eq!(found("с 29 декабря 2022 года"), Some((29, 12, Some(2022))));
        assert_eq!(found("on dec 29 2022"), Some((29, 12, Some(2022))));
        assert_eq!(found("1 march"), Some((1, 3, None)));
        let date = given_date(&words("since 29 декабря 2022 года")).unwrap();
        assert_eq!(date.words, 1..4);
    }

    #[test]
    fn given_dates_not_read_from_numbers_or_months_alone() {
        assert_eq!(found("4.5 billion dollars"), None);
        assert_eq!(found("in december 2022"), None);
        assert_eq!(found("article 12 of 2022"), None);
        assert_eq!(found("31 february"), None);
        assert_eq!(found("40 december"), None);
        assert_eq!(found("статья (май 23)"), None);
    }
}
