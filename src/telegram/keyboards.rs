//! Inline keyboards and their callback data.
//!
//! Telegram limits callback data to [`CALLBACK_DATA_LIMIT`] bytes and does not check it for us
//! in tests (the mock server accepts anything), so the limit is enforced here: a button whose
//! data would not fit is left out rather than sent and rejected. Data names the record by its
//! stable id (`border-length`, `article-4`) and the language to answer in, so a button keeps
//! working across restarts; a button whose record has since been removed decodes to nothing and
//! the user gets a polite "out of date" notice.

use crate::answer::Suggestion;
use crate::matching::Lang;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

/// Telegram's limit on `callback_data`, in bytes (UTF-8: a Cyrillic letter takes two).
pub const CALLBACK_DATA_LIMIT: usize = 64;

/// Button labels longer than this many characters are shortened with an ellipsis: Telegram
/// cuts long labels itself, but mid-word and without telling the reader.
pub const MAX_LABEL_CHARS: usize = 64;

/// At most this many buttons under one message.
pub const MAX_BUTTONS: usize = 8;

/// Prefix of an "answer this record" callback.
const ANSWER_PREFIX: &str = "a";

/// What pressing a button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    /// Answer the record with this id, in this language.
    Answer { lang: Lang, record_id: String },
}

impl Callback {
    /// The callback data, or `None` when it would exceed [`CALLBACK_DATA_LIMIT`] bytes.
    pub fn encode(&self) -> Option<String> {
        let Callback::Answer { lang, record_id } = self;
        if record_id.is_empty() {
            return None;
        }
        let data = format!("{ANSWER_PREFIX}:{}:{record_id}", lang.code());
        (data.len() <= CALLBACK_DATA_LIMIT).then_some(data)
    }

    /// Parses callback data; `None` for anything this version did not produce.
    pub fn decode(data: &str) -> Option<Self> {
        let mut parts = data.splitn(3, ':');
        if parts.next()? != ANSWER_PREFIX {
            return None;
        }
        let lang = match parts.next()? {
            "en" => Lang::En,
            "ru" => Lang::Ru,
            _ => return None,
        };
        let record_id = parts.next()?;
        if record_id.is_empty() || data.len() > CALLBACK_DATA_LIMIT {
            return None;
        }
        Some(Callback::Answer {
            lang,
            record_id: record_id.to_owned(),
        })
    }
}

/// A button that answers `record_id` when pressed, or `None` when its data would not fit.
pub fn answer_button(label: &str, lang: Lang, record_id: &str) -> Option<InlineKeyboardButton> {
    let data = Callback::Answer {
        lang,
        record_id: record_id.to_owned(),
    }
    .encode()?;
    Some(InlineKeyboardButton::callback(
        shorten(label, MAX_LABEL_CHARS),
        data,
    ))
}

/// One button per row for each suggestion (duplicates and buttons that cannot be encoded are
/// skipped), or `None` when no button remains.
pub fn suggestions_keyboard<'a>(
    items: impl IntoIterator<Item = &'a Suggestion>,
    lang: Lang,
) -> Option<InlineKeyboardMarkup> {
    let mut seen: Vec<&str> = Vec::new();
    let mut rows = Vec::new();
    for item in items {
        if seen.contains(&item.id.as_str()) || rows.len() == MAX_BUTTONS {
            continue;
        }
        seen.push(&item.id);
        match answer_button(&item.question, lang, &item.id) {
            Some(button) => rows.push(vec![button]),
            None => {
                tracing::warn!(record = %item.id, "record id too long for callback data; button left out")
            }
        }
    }
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

/// `text` cut to at most `max` characters, ending with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use teloxide::types::InlineKeyboardButtonKind;

    fn answer(lang: Lang, id: &str) -> Callback {
        Callback::Answer {
            lang,
            record_id: id.to_owned(),
        }
    }

    #[test]
    fn callback_data_round_trips() {
        for cb in [
            answer(Lang::En, "border-length"),
            answer(Lang::Ru, "article-4"),
        ] {
            let data = cb.encode().expect("fits");
            assert!(data.len() <= CALLBACK_DATA_LIMIT);
            assert_eq!(Callback::decode(&data), Some(cb));
        }
    }

    #[test]
    fn callback_data_over_64_bytes_is_refused() {
        // 59 ASCII bytes of id + "a:en:" = 64 bytes: fits exactly.
        let exact = "x".repeat(CALLBACK_DATA_LIMIT - "a:en:".len());
        assert_eq!(
            answer(Lang::En, &exact).encode().map(|d| d.len()),
            Some(CALLBACK_DATA_LIMIT)
        );
        let over = format!("{exact}y");
        assert_eq!(answer(Lang::En, &over).encode(), None);
    }

    #[test]
    fn cyrillic_counts_two_bytes_a_character() {
        // 30 Cyrillic letters are 30 characters but 60 bytes: with the prefix, too long.
        let id = "б".repeat(30);
        assert_eq!(id.chars().count(), 30);
        assert_eq!(answer(Lang::Ru, &id).encode(), None);
        let id = "б".repeat(29);
        assert_eq!(
            answer(Lang::Ru, &id).encode().map(|d| d.len()),
            Some(5 + 58)
        );
    }

    #[test]
    fn stale_or_foreign_data_decodes_to_nothing() {
        for data in [
            "",
            "a",
            "a:en",
            "a:en:",
            "a:de:border-length",
            "x:en:border-length",
            "hello",
            &format!("a:en:{}", "z".repeat(80)),
        ] {
            assert_eq!(Callback::decode(data), None, "{data:?}");
        }
    }

    #[test]
    fn keyboard_has_one_button_per_row_and_skips_what_does_not_fit() {
        let items = vec![
            Suggestion {
                id: "border-length".into(),
                question: "How long is the border?".into(),
            },
            Suggestion {
                id: "border-length".into(),
                question: "duplicate".into(),
            },
            Suggestion {
                id: "ж".repeat(40),
                question: "too long to encode".into(),
            },
            Suggestion {
                id: "trade-turnover".into(),
                question: "Q".repeat(200),
            },
        ];
        let keyboard = suggestions_keyboard(&items, Lang::En).expect("two buttons");
        assert_eq!(keyboard.inline_keyboard.len(), 2);
        for row in &keyboard.inline_keyboard {
            assert_eq!(row.len(), 1);
            assert!(row[0].text.chars().count() <= MAX_LABEL_CHARS);
            let InlineKeyboardButtonKind::CallbackData(data) = &row[0].kind else {
                panic!("callback button")
            };
            assert!(data.len() <= CALLBACK_DATA_LIMIT);
        }
        assert!(keyboard.inline_keyboard[1][0].text.ends_with('…'));
        assert!(suggestions_keyboard(&[], Lang::En).is_none());
    }

    #[test]
    fn every_record_of_the_knowledge_base_fits_in_callback_data() {
        let engine = crate::matching::Engine::new(
            crate::knowledge::KnowledgeBase::embedded().expect("embedded knowledge"),
        );
        for record in engine.records() {
            for lang in [Lang::En, Lang::Ru] {
                assert!(
                    answer(lang, &record.id).encode().is_some(),
                    "record id `{}` is too long for a button",
                    record.id
                );
            }
        }
    }

    #[test]
    fn shorten_keeps_short_text_and_marks_cuts() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("abcdefghijkl", 5), "abcd…");
        assert_eq!(shorten("ab cdefgh", 4), "ab…");
    }
}
