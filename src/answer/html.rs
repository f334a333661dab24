//! Telegram HTML: escaping, and splitting long messages so that every part stays under
//! Telegram's length limit and keeps its tags balanced.

/// Telegram's limit on the text of one message, in UTF-16 code units... Telegram counts
/// characters after entity parsing; we count the raw HTML in chars, which is never less.
pub const TELEGRAM_MESSAGE_LIMIT: usize = 4096;

/// Escapes text for Telegram's HTML parse mode: `&`, `<`, `>` (and `"` so the same function is
/// safe inside attribute values).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The text of HTML as this crate produces it (tags without `<` in attribute values), tags
/// dropped and the entities of [`escape`] restored: the bot's replies for the terminal.
pub fn to_plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Splits HTML into parts of at most `limit` chars, at paragraph boundaries (blank lines) when
/// possible, then at line ends, then at spaces. Tags opened in a part are closed at its end and
/// reopened at the start of the next, so each part parses on its own. Only simple tags without
/// attributes, as this crate produces them (`<b>`, `<i>`, `<blockquote>`), are tracked; an
/// `<blockquote expandable>` cut in two is reopened as a plain `<blockquote>`.
pub fn split_html(html: &str, limit: usize) -> Vec<String> {
    assert!(limit >= 64, "a limit this small cannot hold reopened tags");
    let mut parts = Vec::new();
    let mut rest = html.trim().to_owned();
    let mut reopen: Vec<String> = Vec::new();
    while !rest.is_empty() {
        let prefix: String = reopen.iter().map(|t| format!("<{t}>")).collect();
        let budget = limit.saturating_sub(prefix.chars().count() + closing_len(&reopen) + 32);
        let chars: Vec<char> = rest.chars().collect();
        let (piece, remainder) = if chars.len() <= budget {
            (rest.clone(), String::new())
        } else {
            let cut = best_cut(&chars, budget);
            let piece: String = chars[..cut].iter().collect();
            let remainder: String = chars[cut..].iter().collect();
            (piece, remainder)
        };
        let mut part = prefix.clone();
        part.push_str(piece.trim_end());
        let open = open_tags(&reopen, &piece);
        for tag in open.iter().rev() {
            part.push_str(&format!("</{tag}>"));
        }
        parts.push(part);
        reopen = open;
        rest = remainder.trim_start().to_owned();
    }
    parts
}

fn closing_len(tags: &[String]) -> usize {
    tags.iter().map(|t| t.len() + 3).sum()
}

/// Where to cut `chars` at or before `budget`: a blank line, a newline, a space, or anywhere
/// not inside a tag or an entity.
fn best_cut(chars: &[char], budget: usize) -> usize {
    let window = &chars[..budget.min(chars.len())];
    let text: String = window.iter().collect();
    let char_index = |byte: usize| text[..byte].chars().count();
    let min = budget / 3;
    if let Some(pos) = text.rfind("\n\n").map(char_index).filter(|&p| p > min) {
        return pos;
    }
    if let Some(pos) = text.rfind('\n').map(char_index).filter(|&p| p > min) {
        return pos;
    }
    let mut cut = text
        .rfind(' ')
        .map(char_index)
        .filter(|&p| p > min)
        .unwrap_or(window.len());
    // Never cut inside a tag or an entity.
    while cut > 0 && inside_markup(&chars[..cut]) {
        cut -= 1;
    }
    cut.max(1)
}

fn inside_markup(before: &[char]) -> bool {
    for &c in before.iter().rev() {
        match c {
            '>' | ';' | ' ' | '\n' => return false,
            '<' | '&' => return true,
            _ => {}
        }
    }
    false
}

/// The tags still open after `piece`, given those open before it.
fn open_tags(before: &[String], piece: &str) -> Vec<String> {
    let mut stack: Vec<String> = before.to_vec();
    let mut rest = piece;
    while let Some(start) = rest.find('<') {
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start + 1..start + end];
        if let Some(name) = tag.strip_prefix('/') {
            if let Some(pos) = stack.iter().rposition(|t| t == name) {
                stack.remove(pos);
            }
        } else {
            let name = tag.split_whitespace().next().unwrap_or("").to_owned();
            if !name.is_empty() {
                stack.push(name);
            }
        }
        rest = &rest[start + end + 1..];
    }
    stack
}

/// True when every opened tag is closed, in order, and every `<` closes with `>` — the check
/// Telegram's HTML parser makes. The splitter keeps this true; tests use it to prove so.
pub fn tags_balanced(html: &str) -> bool {
    let mut stack = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let Some(end) = rest[start..].find('>') else {
            return false;
        };
        let tag = &rest[start + 1..start + end];
        if let Some(name) = tag.strip_prefix('/') {
            if stack.pop() != Some(name) {
                return false;
            }
        } else {
            // `<blockquote expandable>` is closed by `</blockquote>`.
            stack.push(tag.split_whitespace().next().unwrap_or(tag));
        }
        rest = &rest[start + end + 1..];
    }
    stack.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_plain_drops_tags_and_restores_escaped_text() {
        let html = format!(
            "<b>{}</b>\n<blockquote expandable>[1] “x”</blockquote>",
            escape("A & <B> \"c\"")
        );
        assert_eq!(to_plain(&html), "A & <B> \"c\"\n[1] “x”");
    }

    #[test]
    fn balance_check_rejects_crossed_and_unclosed_tags() {
        assert!(tags_balanced("<b>a</b> <i>b</i>"));
        assert!(tags_balanced("<blockquote expandable>q</blockquote>"));
        assert!(!tags_balanced("<b><i>a</b></i>"));
        assert!(!tags_balanced("<b>a"));
        assert!(!tags_balanced("a <b"));
    }

    #[test]
    fn escapes_html_special_characters() {
        assert_eq!(
            escape("<b>&</b> \"x\""),
            "&lt;b&gt;&amp;&lt;/b&gt; &quot;x&quot;"
        );
        assert_eq!(escape("Oʻzbekiston — ok"), "Oʻzbekiston — ok");
    }

    #[test]
    fn short_messages_are_not_split() {
        assert_eq!(
            split_html("<b>hi</b>", TELEGRAM_MESSAGE_LIMIT),
            vec!["<b>hi</b>".to_owned()]
        );
    }

    #[test]
    fn long_messages_split_at_paragraphs_within_the_limit() {
        let paragraph = "word ".repeat(150);
        let html = vec![paragraph.trim().to_owned(); 12].join("\n\n");
        let parts = split_html(&html, TELEGRAM_MESSAGE_LIMIT);
        assert!(parts.len() >= 2);
        for part in &parts {
            assert!(part.chars().count() <= TELEGRAM_MESSAGE_LIMIT);
            assert!(
                part.ends_with("word"),
                "cut inside a paragraph: {:?}",
                &part[part.len() - 10..]
            );
        }
        let words: usize = parts.iter().map(|p| p.split_whitespace().count()).sum();
        assert_eq!(words, 150 * 12, "no text lost");
    }

    #[test]
    fn tags_stay_balanced_in_every_part() {
        let html = format!(
            "<b>{}</b>\n\n<i>{}</i>",
            "bold text ".repeat(600),
            "italic &amp; text ".repeat(400)
        );
        let parts = split_html(&html, TELEGRAM_MESSAGE_LIMIT);
        assert!(parts.len() >= 3);
        for part in &parts {
            assert!(
                part.chars().count() <= TELEGRAM_MESSAGE_LIMIT,
                "{}",
                part.len()
            );
            assert!(tags_balanced(part), "unbalanced part: {part}");
            assert!(!part.contains("&am\n") && !part.ends_with('&'));
        }
    }

    #[test]
    fn text_without_spaces_is_still_cut_within_the_limit() {
        let html = "x".repeat(10_000);
        let parts = split_html(&html, TELEGRAM_MESSAGE_LIMIT);
        assert!(parts
            .iter()
            .all(|p| p.chars().count() <= TELEGRAM_MESSAGE_LIMIT));
        assert_eq!(parts.concat().len(), 10_000);
    }

    #[test]
    fn cyrillic_is_counted_in_characters_not_bytes() {
        let html = "граница ".repeat(600);
        let parts = split_html(&html, TELEGRAM_MESSAGE_LIMIT);
        assert_eq!(parts.len(), 2, "4800 chars need two parts, not more");
    }
}
