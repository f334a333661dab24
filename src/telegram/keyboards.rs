//! Inline keyboards and their callback data.
//!
//! Telegram limits callback data to [`CALLBACK_DATA_LIMIT`] bytes and does not check it for us
//! in tests (the fake Bot API accepts anything), so the limit is enforced here: a button whose
//! data would not fit is left out rather than sent and rejected. Data names the record by its
//! stable id (`border-length`, `article-4`) and the language to answer in, so a button keeps
//! working across restarts; a button whose record has since been removed decodes to nothing and
//! the user gets a polite "out of date" notice.
//!
//! Under every answer sits one more row, 👍 and 👎 ([`feedback_row`]), whose data carries only
//! the verdict and the entry id: the question asked is remembered elsewhere
//! ([`super::feedback`]). It is not one of the [`MAX_BUTTONS`] question buttons. When the bot
//! has a username, the row ends with a share button ([`share_button`]): Telegram's share sheet
//! with a deep link that opens the same answer for whoever taps it.

use super::question_log::Verdict;
use crate::answer::Suggestion;
use crate::matching::Lang;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

/// Telegram's limit on `callback_data`, in bytes (UTF-8: a Cyrillic letter takes two).
pub const CALLBACK_DATA_LIMIT: usize = 64;

/// Button labels longer than this many characters are shortened at a word with an ellipsis:
/// a full-width button on a phone shows about this much, and Telegram cuts longer labels
/// itself, mid-word and without telling the reader.
pub const MAX_LABEL_CHARS: usize = 32;

/// At most this many question buttons under one message ("did you mean" and related together).
pub const MAX_BUTTONS: usize = 6;

/// At most this many "related question" buttons under an answer.
pub const MAX_RELATED: usize = 3;

/// Prefix of an "answer this record" callback.
const ANSWER_PREFIX: &str = "a";

/// Prefix of a 👍/👎 callback: `f:u:<entry>` or `f:d:<entry>`; the entry is empty for an
/// answer computed from the timeline, which has none.
const FEEDBACK_PREFIX: &str = "f";

/// The labels of the feedback buttons: pictures, so the same in every language.
pub const THUMBS_UP: &str = "👍";
pub const THUMBS_DOWN: &str = "👎";

/// What pressing a button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    /// Answer the record with this id, in this language.
    Answer { lang: Lang, record_id: String },
    /// A verdict on the answer above, about the record with this id (empty: no record).
    Feedback { verdict: Verdict, record_id: String },
}

impl Callback {
    /// The callback data, or `None` when it would exceed [`CALLBACK_DATA_LIMIT`] bytes.
    pub fn encode(&self) -> Option<String> {
        let data = match self {
            Callback::Answer { record_id, .. } if record_id.is_empty() => return None,
            Callback::Answer { lang, record_id } => {
                format!("{ANSWER_PREFIX}:{}:{record_id}", lang.code())
            }
            Callback::Feedback { verdict, record_id } => {
                format!("{FEEDBACK_PREFIX}:{}:{record_id}", verdict_code(*verdict))
            }
        };
        (data.len() <= CALLBACK_DATA_LIMIT).then_some(data)
    }

    /// Parses callback data; `None` for anything this version did not produce.
    pub fn decode(data: &str) -> Option<Self> {
        if data.len() > CALLBACK_DATA_LIMIT {
            return None;
        }
        let mut parts = data.splitn(3, ':');
        let prefix = parts.next()?;
        let (tag, record_id) = (parts.next()?, parts.next()?.to_owned());
        match prefix {
            ANSWER_PREFIX if !record_id.is_empty() => {
                let lang = match tag {
                    "en" => Lang::En,
                    "ru" => Lang::Ru,
                    _ => return None,
                };
                Some(Callback::Answer { lang, record_id })
            }
            FEEDBACK_PREFIX => {
                let verdict = match tag {
                    "u" => Verdict::Up,
                    "d" => Verdict::Down,
                    _ => return None,
                };
                Some(Callback::Feedback { verdict, record_id })
            }
            _ => None,
        }
    }
}

fn verdict_code(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Up => "u",
        Verdict::Down => "d",
    }
}

/// The 👍/👎 row for an answer about `record_id` (`None`: a computed answer), or `None` when
/// the id is too long for callback data.
pub fn feedback_row(record_id: Option<&str>) -> Option<Vec<InlineKeyboardButton>> {
    [(THUMBS_UP, Verdict::Up), (THUMBS_DOWN, Verdict::Down)]
        .into_iter()
        .map(|(label, verdict)| {
            let data = Callback::Feedback {
                verdict,
                record_id: record_id.unwrap_or_default().to_owned(),
            }
            .encode()?;
            Some(InlineKeyboardButton::callback(label, data))
        })
        .collect()
}

/// The longest `/start` payload Telegram accepts in a deep link.
pub const DEEP_LINK_LIMIT: usize = 64;

/// A URL button opening Telegram's share sheet with `text` and a deep link,
/// `https://t.me/<bot_username>?start=<record_id>`, that shows the same answer in a private chat
/// with the bot; `None` when the id cannot be a deep-link payload (only `A-Za-z0-9_-`, at most
/// [`DEEP_LINK_LIMIT`] characters) or there is no username.
pub fn share_button(
    label: &str,
    bot_username: &str,
    record_id: &str,
    text: &str,
) -> Option<InlineKeyboardButton> {
    let payload_ok = !record_id.is_empty()
        && record_id.len() <= DEEP_LINK_LIMIT
        && record_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if !payload_ok || bot_username.is_empty() {
        return None;
    }
    let link = format!("https://t.me/{bot_username}?start={record_id}");
    let url = url::Url::parse_with_params(
        "https://t.me/share/url",
        [("url", link.as_str()), ("text", text)],
    )
    .ok()?;
    Some(InlineKeyboardButton::url(label, url))
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
        match answer_button(&item.label, lang, &item.id) {
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
    // At a word when one ends in the second half: "Where was the allied relations…", not
    // "Where was the allied relations tr…".
    if let Some(space) = out
        .rfind(' ')
        .filter(|&i| out[..i].chars().count() >= max / 2)
    {
        out.truncate(space);
    }
    out.truncate(out.trim_end_matches([' ', ',', ';', ':']).len());
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
    fn share_buttons_need_a_username_and_a_payload_telegram_accepts() {
        let button = share_button("🔗", "kazuz_bot", "article-4", "What does Article 4 say?")
            .expect("a valid payload");
        let InlineKeyboardButtonKind::Url(url) = &button.kind else {
            panic!("a URL button: {button:?}")
        };
        assert!(url.as_str().contains("start%3Darticle-4"), "{url}");
        assert!(
            url.as_str().contains("text=What+does+Article+4+say%3F"),
            "{url}"
        );
        assert!(share_button("🔗", "", "article-4", "q").is_none());
        for bad in ["", "пограница", "a b", &"x".repeat(DEEP_LINK_LIMIT + 1)] {
            assert!(
                share_button("🔗", "kazuz_bot", bad, "q").is_none(),
                "{bad:?}"
            );
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
    fn feedback_data_round_trips_and_fits() {
        for (verdict, id) in [(Verdict::Up, "border-length"), (Verdict::Down, "")] {
            let cb = Callback::Feedback {
                verdict,
                record_id: id.to_owned(),
            };
            let data = cb.encode().expect("fits");
            assert_eq!(Callback::decode(&data), Some(cb));
        }
        let row = feedback_row(Some("border-length")).expect("row");
        let data: Vec<String> = row
            .iter()
            .map(|b| match &b.kind {
                InlineKeyboardButtonKind::CallbackData(d) => d.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(data, ["f:u:border-length", "f:d:border-length"]);
        assert_eq!(row[0].text, THUMBS_UP);
        assert!(feedback_row(Some(&"x".repeat(CALLBACK_DATA_LIMIT))).is_none());
        for bad in ["f:x:border-length", "f:u", "f"] {
            assert_eq!(Callback::decode(bad), None, "{bad}");
        }
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
                label: "How long is the border?".into(),
            },
            Suggestion {
                id: "border-length".into(),
                question: "duplicate".into(),
                label: "duplicate".into(),
            },
            Suggestion {
                id: "ж".repeat(40),
                question: "too long to encode".into(),
                label: "too long to encode".into(),
            },
            Suggestion {
                id: "trade-turnover".into(),
                question: "Q".repeat(200),
                label: "Q".repeat(200),
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
                assert!(feedback_row(Some(&record.id)).is_some(), "{}", record.id);
            }
        }
    }

    #[test]
    fn shorten_keeps_short_text_and_marks_cuts() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("abcdefghijkl", 5), "abcd…");
        assert_eq!(shorten("ab cdefgh", 4), "ab…");
        assert_eq!(
            shorten(
                "Where was the allied relations treaty signed?",
                MAX_LABEL_CHARS
            ),
            "Where was the allied relations…"
        );
    }
}
