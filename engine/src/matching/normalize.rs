//! Text normalisation shared by indexing and querying: Unicode folding, case, apostrophe
//! variants (Oʻzbekiston), punctuation, tokens and a light suffix-stripping stemmer for English
//! and Russian.
//!
//! The same functions run on the knowledge base and on the user's question, so whatever they
//! do to a word they do on both sides; they only need to be consistent, not linguistically exact.

use unicode_normalization::UnicodeNormalization;

use super::lexicon;

/// Characters people use for the apostrophe, including the Uzbek Latin ʻ and ʼ.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BB}' | '\u{02BC}' | '`' | '\u{00B4}' | '\u{2032}'
    )
}

/// True for a character that NFKC leaves as it is whatever surrounds it, among those of
/// ordinary Russian and English text: ASCII, the Russian alphabet, common dashes and quotes.
/// Checking these is a range test; the full quick check looks each character up in Unicode's
/// tables (checked against it in a test).
fn is_nfkc_stable(c: char) -> bool {
    c.is_ascii()
        || ('\u{0410}'..='\u{044F}').contains(&c)
        || matches!(c, 'ё' | 'Ё' | '«' | '»' | '—' | '–' | '‘' | '’' | '“' | '”')
}

/// `chars` in lower case. Russian and ASCII letters directly: the general conversion searches
/// a table for every character, which was most of the time spent tokenising a Russian question.
fn lower_case(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.size_hint().0);
    for c in chars {
        match c {
            'A'..='Z' | '\u{0410}'..='\u{042F}' => {
                out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c));
            }
            _ if c.is_ascii() || ('\u{0430}'..='\u{045F}').contains(&c) => out.push(c),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A word's bit among 64, from its length and its first and last bytes: equal words have equal
/// bits, and most different words different ones.
pub fn word_bit(word: &str) -> u64 {
    let b = word.as_bytes();
    let (first, last) = (
        b.first().copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    );
    let mix = (usize::from(first) * 31 + usize::from(last) * 7 + b.len()) % 64;
    1u64 << mix
}

/// True when words with bits `mask` may all be among words with bits `present`: false means
/// some word is surely missing, true only that none surely is.
pub fn may_hold(present: u64, mask: u64) -> bool {
    mask & !present == 0
}

/// The union of the [`word_bit`]s of some words.
pub fn words_mask<'a>(words: impl IntoIterator<Item = &'a String>) -> u64 {
    words.into_iter().fold(0, |mask, w| mask | word_bit(w))
}

/// Splits `text` into lower-case word tokens: NFKC, case folded, apostrophes removed (so that
/// "Oʻzbekiston" and "O'zbekiston" agree), `ё` read as `е`, digits kept together across
/// thousands separators ("2,356.6" becomes "2356.6"), everything else a separator.
pub fn tokenize(text: &str) -> Vec<String> {
    // NFKC leaves ASCII unchanged; skipping it there saves most of the work on English text.
    let chars: Vec<char> = if text.is_ascii() {
        text.chars().map(|c| c.to_ascii_lowercase()).collect()
    } else if text.chars().all(is_nfkc_stable)
        || unicode_normalization::is_nfkc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        lower_case(text.chars())
    } else {
        lower_case(text.nfkc())
    };
    let mut tokens = Vec::new();
    // Room for most words: a token is copied out at its length and this buffer reused.
    let mut current = String::with_capacity(32);
    let mut skip_possessive = false;
    for (i, &c) in chars.iter().enumerate() {
        let prev_digit = i > 0 && chars[i - 1].is_ascii_digit();
        let next_digit = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if skip_possessive {
            skip_possessive = false;
        } else if is_apostrophe(c) {
            // Dropped (ʻ and ʼ are letters to Unicode, so this comes first). A possessive "'s"
            // goes with it, so that "Askeroglu's" is "askeroglu", not "askeroglus".
            skip_possessive = !current.is_empty()
                && chars.get(i + 1) == Some(&'s')
                && !chars.get(i + 2).is_some_and(|n| n.is_alphanumeric());
            // "who's", "what's": a contraction of "is", which question kinds look for.
            if skip_possessive && CONTRACTS_IS.contains(&current.as_str()) {
                tokens.push(current.clone());
                current.clear();
                tokens.push("is".to_owned());
            }
        } else if c.is_ascii_alphanumeric() || ('\u{0430}'..='\u{044F}').contains(&c) {
            // The ASCII and lower-case Cyrillic tests first: Unicode's general letter test is slow.
            current.push(c);
        } else if c == 'ё' {
            current.push('е');
        } else if c.is_alphanumeric() {
            push_folded(&mut current, c);
        } else if ('\u{0300}'..='\u{036F}').contains(&c) {
            // A combining accent (lower-case "İ" is "i" plus a dot above): part of the word.
        } else if c == ',' && prev_digit && next_digit && !current.is_empty() {
            // Thousands separator inside a number.
        } else if c == '.' && prev_digit && next_digit && !current.is_empty() {
            current.push('.');
        } else if !current.is_empty() {
            tokens.push(current.clone());
            current.clear();
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    for token in &mut tokens {
        strip_ordinal_ending(token);
    }
    if tokens.iter().any(|t| unit_after_number(t).is_some()) {
        tokens = tokens
            .into_iter()
            .flat_map(|t| match unit_after_number(&t) {
                Some(at) => vec![t[..at].to_owned(), t[at..].to_owned()],
                None => vec![t],
            })
            .collect();
    }
    if tokens.iter().any(|t| lost_apostrophe(t).is_some()) {
        tokens = tokens
            .into_iter()
            .flat_map(|t| match lost_apostrophe(&t) {
                Some(word) => vec![word.to_owned(), "is".to_owned()],
                None => vec![t],
            })
            .collect();
    }
    tokens
}

/// Units people type glued to a number ("$10bn", "2356km", "400га").
const GLUED_UNITS: &[&str] = &[
    "bn", "mln", "mn", "km", "ha", "млрд", "млн", "км", "га", "тыс",
];

/// Where the unit starts in a number typed with its unit ("10bn": 2), so that it reads as
/// "10 bn", the number and the unit's word; `None` for anything else ("2021", "b4", "100th").
fn unit_after_number(token: &str) -> Option<usize> {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && GLUED_UNITS.contains(&&token[digits..])).then_some(digits)
}

/// The question word of "whos", "wheres", "hows": "who's" typed without its apostrophe, which
/// the question kinds read as "who is". ("Its" and "hes" are left: "its" is a word.)
fn lost_apostrophe(token: &str) -> Option<&'static str> {
    let word = token.strip_suffix('s')?;
    QUESTION_WORDS_CONTRACTED
        .iter()
        .copied()
        .find(|q| *q == word)
}

/// "4th", "21st", "100th" become "4", "21", "100": the number, as the documents mostly write
/// it, instead of a rare word of its own. So does a year with a Russian ending typed without a
/// hyphen ("в 2024м", "1998г"), not a decade ("1990х", "2000е"); two-digit years ("98го") are
/// read elsewhere.
fn strip_ordinal_ending(token: &mut String) {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    let ending = &token[digits..];
    let year_ending = digits == YEAR_DIGITS
        && (YEAR_ENDINGS.contains(&ending) || matches!(ending, "му" | "г" | "гг"));
    if digits > 0 && (matches!(ending, "st" | "nd" | "rd" | "th") || year_ending) {
        token.truncate(digits);
    }
}

/// Russian ordinal endings written after a number with a hyphen ("4-ю", "100-го").
pub const ORDINAL_ENDINGS: &[&str] = &[
    "й", "я", "ю", "е", "го", "му", "м", "х", "ми", "ой", "ая", "ое", "ую", "ом", "ых", "ый", "ий",
    "ей",
];

/// The words of a user's question: like [`tokenize`], without the Russian ordinal endings after
/// numbers ("4-ю статью" is "4 статью", not "4", "ю" and "статью": a one-letter word matches
/// nothing and weighs like a rare one). Answers keep them, where they tell an ordinal from a
/// count. `is_article` tells the word for article ("статьи"), next to which a number is an
/// article's, never a year.
pub fn tokenize_question(text: &str, is_article: impl Fn(&str) -> bool) -> Vec<String> {
    let text = with_apostrophe_years(text);
    let text = with_percent_spelled(&text);
    let tokens = tokenize(&with_joiners_and_ordinals_read(&text))
        .into_iter()
        .map(without_elongation)
        .collect();
    with_dotted_dates_spelled(with_full_years(tokens, is_article))
}

/// The text with "%" as the word for it in the question's script ("на сколько %?" asks
/// "на сколько процентов", a percentage, not a count): the tokens would drop the sign.
fn with_percent_spelled(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('%') {
        return std::borrow::Cow::Borrowed(text);
    }
    let word = if is_cyrillic(text) {
        " процентов "
    } else {
        " percent "
    };
    std::borrow::Cow::Owned(text.replace('%', word))
}

/// A date written with dots and a year ("10.09.2012", "22.12.22") as the words a date is
/// written with elsewhere ("10 september 2012", in Russian "10 сентября 2012"), so that its
/// month and year count as the question's words. A date without a year ("29.12") stays one
/// word: a question gives such a date of its own (see `given_date`).
fn with_dotted_dates_spelled(tokens: Vec<String>) -> Vec<String> {
    let spelled = |token: &str| {
        let (day, month, year) = super::given_date::dotted_date(token)?;
        let russian = tokens.iter().any(|t| is_cyrillic(t));
        let month = crate::knowledge::PartialDate::month_name(month, russian)?;
        Some([day.to_string(), month.to_lowercase(), year?.to_string()])
    };
    if !tokens.iter().any(|t| spelled(t).is_some()) {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len() + 2);
    for token in &tokens {
        match spelled(token) {
            Some(words) => out.extend(words),
            None => out.push(token.clone()),
        }
    }
    out
}

/// The text with a year written as an apostrophe and two digits ("dec '22", "nov ’05") in full
/// ("dec 2022"): the apostrophe is dropped with other punctuation, and "dec 22" would be the 22nd
/// of December.
fn with_apostrophe_years(text: &str) -> std::borrow::Cow<'_, str> {
    // Most questions have none: the text as it is, without collecting its characters.
    if !text.chars().any(is_apostrophe) {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let year_at = |i: usize| {
        is_apostrophe(chars[i])
            && (i == 0 || !chars[i - 1].is_alphanumeric())
            && digit(i + 1)
            && digit(i + 2)
            && !chars.get(i + 3).is_some_and(|c| c.is_alphanumeric())
    };
    if !(0..chars.len()).any(year_at) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    let mut i = 0;
    while i < chars.len() {
        if year_at(i) {
            let two_digits = chars[i + 1].to_digit(10).unwrap_or(0) * 10
                + chars[i + 2].to_digit(10).unwrap_or(0);
            out.push_str(&full_year(two_digits));
            i += 3;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The text with "+" and "&" between words as "plus" and "and" ([`joins_words`]) and Russian
/// ordinal endings after numbers dropped ("4-ю" is "4"; "в 18-м" keeps its ending for
/// `with_full_years`).
fn with_joiners_and_ordinals_read(text: &str) -> std::borrow::Cow<'_, str> {
    // Most questions have neither: the text as it is, without reading it character by character.
    if !text.bytes().any(|b| matches!(b, b'+' | b'&' | b'-')) {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if joins_words(&chars, i) {
            out.push_str(if chars[i] == '+' { " plus " } else { " and " });
            i += 1;
            continue;
        }
        out.push(chars[i]);
        if chars[i].is_ascii_digit() && chars.get(i + 1) == Some(&'-') {
            let start = i + 2;
            let end = (start..chars.len())
                .find(|&j| !chars[j].is_alphabetic())
                .unwrap_or(chars.len());
            let ending: String = chars[start..end].iter().collect::<String>().to_lowercase();
            if end > start && ORDINAL_ENDINGS.contains(&ending.as_str()) {
                // "в 18-м": kept glued for `with_full_years`, which reads it as a year.
                let two_digits = i >= 1
                    && chars[i - 1].is_ascii_digit()
                    && (i < 2 || !chars[i - 2].is_ascii_digit());
                if two_digits && YEAR_ENDINGS.contains(&ending.as_str()) {
                    out.push_str(&ending);
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// True for a "+" or "&" between words ("length + inspection interval?", "площадь & \
/// пропускная способность"): read as "plus" and "and". Not between digits
/// ("2+2"), nor in a message without words on both sides ("+", "+1": agreement), nor in a
/// list ("a + b + c", "(day + month)").
fn joins_words(chars: &[char], i: usize) -> bool {
    if !matches!(chars[i], '+' | '&') {
        return false;
    }
    // "foreign policy + defence + security": a list is one thing asked.
    if chars.iter().filter(|&&c| c == chars[i]).count() > 1 {
        return false;
    }
    // "(day + month)": so is one inside brackets.
    let open = chars[..i].iter().filter(|&&c| c == '(').count();
    if open > chars[..i].iter().filter(|&&c| c == ')').count() {
        return false;
    }
    let word_before = chars[..i]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| c.is_alphabetic());
    let word_after = chars[i + 1..]
        .iter()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| c.is_alphabetic());
    word_before && word_after
}

/// A word spelt with three letters in a row at least this common is a word as it is: "ссср"
/// (5.5), not "sooo" (3.5).
const COMMON_AS_SPELT_ZIPF: lexicon::Zipf = 4.5;

/// A word with a letter drawn out for effect ("heyyy", "пасибооо", "pleeease") as the word:
/// no English or Russian word has one letter three times in a row. The run becomes one letter,
/// or two where that makes a commoner word ("cooool" is "cool"). Roman numerals ("iii") and
/// common words spelt so ("ссср") are left.
fn without_elongation(token: String) -> String {
    // Read without collecting the letters first: nearly every word has no run of three.
    let mut run = (None, 0);
    let drawn_out = token.chars().any(|c| {
        run = if run.0 == Some(c) {
            (run.0, run.1 + 1)
        } else {
            (Some(c), 1)
        };
        run.1 == 3 && c.is_alphabetic()
    });
    if !drawn_out {
        return token;
    }
    let chars: Vec<char> = token.chars().collect();
    if chars.iter().all(|c| "ivxlcdm".contains(*c))
        || lexicon::zipf_or_zero(&token) >= COMMON_AS_SPELT_ZIPF
    {
        return token;
    }
    // Runs of three or more of a letter become `keep` letters; shorter runs stay.
    let collapse = |keep: usize| {
        let mut out = String::with_capacity(token.len());
        let mut start = 0;
        while start < chars.len() {
            let c = chars[start];
            let len = chars[start..].iter().take_while(|&&d| d == c).count();
            let kept = if len >= 3 && c.is_alphabetic() {
                keep
            } else {
                len
            };
            out.extend(std::iter::repeat_n(c, kept));
            start += len;
        }
        out
    };
    let single = collapse(1);
    let double = collapse(2);
    if lexicon::zipf_or_zero(&double) > lexicon::zipf_or_zero(&single) {
        double
    } else {
        single
    }
}

/// A name typed together with its year ("hamkorlik2021", "kalkan21", "калкан2021") as the
/// name and the full year: the exercises are named this way, and users drop the hyphen. Two
/// digits are a year of this century. `None` for anything else ("b4", "c5", "10bn").
fn split_name_and_year(token: &str) -> Option<(String, String)> {
    let at = token.find(|c: char| c.is_ascii_digit())?;
    let (name, digits) = token.split_at(at);
    let letters = name.chars().count();
    if letters < MIN_NAME_LETTERS
        || !name.chars().all(char::is_alphabetic)
        || !digits.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let year = match digits.len() {
        2 => format!("20{digits}"),
        4 if digits.starts_with("19") || digits.starts_with("20") => digits.to_owned(),
        _ => return None,
    };
    Some((name.to_owned(), year))
}

/// A token gluing two words together, as the two: the word for article and its number ("art3",
/// "ст17"; `is_article` tells the word), or a name and its year ("hamkorlik2021").
pub fn split_glued(token: &str, is_article: impl Fn(&str) -> bool) -> Option<[String; 2]> {
    match split_word_and_number(token) {
        Some((word, number)) if is_article(word) => Some([word.to_owned(), number.to_owned()]),
        _ => split_name_and_year(token)
            .map(|(name, year)| [name, year])
            .or_else(|| split_years_count(token)),
    }
}

/// A number glued to a word for years ("30летие", "20лет") as the two: the number counts years.
fn split_years_count(token: &str) -> Option<[String; 2]> {
    let at = token.find(|c: char| !c.is_ascii_digit())?;
    let (digits, word) = token.split_at(at);
    ((1..=3).contains(&digits.len()) && word.starts_with(YEARS_WORD))
        .then(|| [digits.to_owned(), word.to_owned()])
}

/// The start of the Russian words for years ("лет", "летие", "летний"): a number before one
/// counts years, never names one ("с 30-летием" is "with the 30th anniversary", not "since 2030").
const YEARS_WORD: &str = "лет";

/// A word typed together with a number of one to three digits ("art3", "статья17") as the word
/// and the number; `None` for anything else ("b4" has too short a word, "kalkan2021" a year).
fn split_word_and_number(token: &str) -> Option<(&str, &str)> {
    let at = token.find(|c: char| c.is_ascii_digit())?;
    let (word, digits) = token.split_at(at);
    let glued = word.chars().count() >= 2
        && word.chars().all(char::is_alphabetic)
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit());
    glued.then_some((word, digits))
}

/// A year with the Russian abbreviation for "year" glued on ("2023г", "2022гг") as the year:
/// the abbreviation says nothing more, and glued on it hides a year every entry knows.
pub fn year_without_abbreviation(token: &str) -> Option<&str> {
    let digits = token
        .strip_suffix("гг")
        .or_else(|| token.strip_suffix('г'))?;
    (digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.starts_with("19") || digits.starts_with("20")))
    .then_some(digits)
}

/// The fewest letters a name glued to a year has: "b4" and "c5" are shorthand, not names.
const MIN_NAME_LETTERS: usize = 4;

/// Nouns after which a two-digit ordinal numbers an item, never a year: "в 17-м пункте" is
/// item 17, not 2017.
const NUMBERED_NOUNS: &[&str] = &[
    "пункт",
    "пункта",
    "пункте",
    "пунктом",
    "пункту",
    "раздел",
    "разделе",
    "раздела",
    "параграф",
    "параграфе",
    "параграфа",
];

/// Endings of a two-digit number that, in Russian chat, name a year ("в 18-м", "с 98-го",
/// "98го").
const YEAR_ENDINGS: &[&str] = &["го", "м", "ом", "й"];

/// A two-digit number with a year ending ("18м", "98го") as the full year (2018, 1998), unless
/// it is a day of a month ("22-го декабря", or "-го" right after a verb in the past tense:
/// "закончилась 19-го", "подписали 22-го") or an article ("17-й статьи"); otherwise the number
/// alone, as for any ordinal.
fn with_full_years(mut tokens: Vec<String>, is_article: impl Fn(&str) -> bool) -> Vec<String> {
    // Each token is read beside its neighbours as typed, so the changes are made afterwards;
    // most tokens are no number and stay where they are, uncopied.
    let changes: Vec<(usize, String)> = (0..tokens.len())
        .filter_map(|i| Some((i, year_or_number(&tokens, i, &is_article)?)))
        .collect();
    for (i, changed) in changes {
        tokens[i] = changed;
    }
    tokens
}

/// The token at `i` as [`with_full_years`] reads it, when that differs from the token.
fn year_or_number(
    tokens: &[String],
    i: usize,
    is_article: impl Fn(&str) -> bool,
) -> Option<String> {
    let is_article = |w: Option<&String>| w.is_some_and(|w| is_article(w));
    let token = &tokens[i];
    let before = i.checked_sub(1).and_then(|p| tokens.get(p));
    let next = tokens.get(i + 1);
    if let Some(year) = bare_two_digit_year(token, before, next) {
        return Some(year);
    }
    let split = token
        .char_indices()
        .nth(2)
        .map(|(at, _)| token.split_at(at));
    let Some((digits, _)) = split.filter(|(digits, ending)| {
        digits.bytes().all(|b| b.is_ascii_digit()) && YEAR_ENDINGS.contains(ending)
    }) else {
        return without_ordinal_ending(token);
    };
    let year_next = next.is_some_and(|n| ["года", "году", "г"].contains(&n.as_str()));
    let after_past_verb =
        token.ends_with("го") && !year_next && before.is_some_and(|w| is_russian_past_verb(w));
    let day = after_past_verb
        || next.is_some_and(|n| crate::knowledge::PartialDate::month_of_word(n).is_some());
    let numbered = |w: Option<&String>| w.is_some_and(|w| NUMBERED_NOUNS.contains(&w.as_str()));
    let article = is_article(next) || is_article(before) || numbered(next);
    if day || article {
        return Some(digits.to_owned());
    }
    Some(full_year(digits.parse().unwrap_or(0)))
}

/// Words before a bare two-digit number that make it a year ("since 91", "с 98").
const YEAR_PREPOSITIONS: &[&str] = &["since", "с", "со"];
/// Words after a bare two-digit number that make it a year ("в 98 году", "98 год"). Not "года":
/// "за 34 года" is a span of 34 years.
const YEAR_WORDS: &[&str] = &["году", "г", "год"];

/// A two-digit number written without an ending as the full year, when "since" or "с" comes
/// before it ("since 91" is 1991) or "году" after it ("в 98 году"), but not when a short word
/// that may be a unit follows ("с 10 км").
fn bare_two_digit_year(
    token: &str,
    before: Option<&String>,
    after: Option<&String>,
) -> Option<String> {
    if token.len() != 2 || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let is = |w: Option<&String>, list: &[&str]| w.is_some_and(|w| list.contains(&w.as_str()));
    let after_is_word = after.is_none_or(|w| w.chars().all(char::is_alphabetic));
    // "с 10 км" counts; "с 29 декабря" is a day.
    let counted = after.is_some_and(|w| {
        !is(Some(w), YEAR_WORDS)
            && (w.chars().count() <= 3
                || w.starts_with(YEARS_WORD)
                || crate::knowledge::PartialDate::month_of_word(w).is_some())
    });
    // "signed in 98": in the nineties, a number after "in" or "в" is a year ("in 15 cities"
    // is a count).
    let nineties = token.starts_with('9') && is(before, NINETIES_PREPOSITIONS);
    let year_before = is(before, YEAR_PREPOSITIONS) || nineties;
    if !(is(after, YEAR_WORDS) || (year_before && after_is_word && !counted)) {
        return None;
    }
    Some(full_year(token.parse().ok()?))
}

/// Words before a two-digit number from the nineties that make it a year ("signed in 98").
const NINETIES_PREPOSITIONS: &[&str] = &["in", "в"];

/// A year written with two digits, in full: 98 is 1998, 18 is 2018 (see [`CENTURY_PIVOT`]).
fn full_year(two_digits: u32) -> String {
    let century = if two_digits >= CENTURY_PIVOT {
        1900
    } else {
        2000
    };
    (century + two_digits).to_string()
}

/// Endings of Russian verbs in the past tense ("закончилась", "подписали", "прошло").
const RUSSIAN_PAST_VERB_ENDINGS: &[&str] = &[
    "лся", "лась", "лось", "лись", "ала", "ало", "али", "яла", "яло", "яли", "ила", "ило", "или",
    "ела", "ело", "ели", "ула", "уло", "ули",
];

fn is_russian_past_verb(word: &str) -> bool {
    word.chars().count() > 4 && RUSSIAN_PAST_VERB_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// A number of up to three digits with an ordinal ending written on ("17я", "4ю", "4th",
/// "100е") as the number alone; `None` for any other word, which stays as it is. (Years written
/// so, "в 2007м", lose their ending when tokenised.)
fn without_ordinal_ending(token: &str) -> Option<String> {
    let digits_end = token
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(token.len());
    let (digits, ending) = token.split_at(digits_end);
    let ordinal = ORDINAL_ENDINGS.contains(&ending) || ENGLISH_ORDINAL_ENDINGS.contains(&ending);
    if (1..=MAX_ORDINAL_DIGITS).contains(&digits.len()) && !ending.is_empty() && ordinal {
        Some(digits.to_owned())
    } else {
        None
    }
}

/// Digits of a year written in full.
const YEAR_DIGITS: usize = 4;

/// Ordinals written with digits have at most this many ("100th"); years have four.
const MAX_ORDINAL_DIGITS: usize = 3;

/// English ordinal suffixes ("1st", "4th").
const ENGLISH_ORDINAL_ENDINGS: &[&str] = &["st", "nd", "rd", "th"];

/// Two-digit years from this number on are of the 1900s ("98" is 1998, "05" is 2005).
const CENTURY_PIVOT: u32 = 50;

/// The question words of `CONTRACTS_IS`, whose "'s" is read even without the apostrophe.
const QUESTION_WORDS_CONTRACTED: &[&str] = &["who", "what", "where", "when", "how", "why"];

/// Words whose "'s" is "is", not a possessive.
const CONTRACTS_IS: &[&str] = &[
    "who", "what", "where", "when", "how", "why", "it", "that", "there", "here", "he", "she",
];

/// Pushes a non-ASCII, non-Cyrillic letter with its Latin diacritics removed, so that
/// "Askeroğlu", "Türkiye" and "Toqaev" meet their plain spellings ("askeroglu", "turkiye");
/// letters of other scripts are kept as they are.
fn push_folded(out: &mut String, c: char) {
    match c {
        'ı' => out.push('i'),
        'ß' => out.push_str("ss"),
        'ø' => out.push('o'),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'ł' => out.push('l'),
        'đ' => out.push('d'),
        _ => {
            let mut base = None;
            unicode_normalization::char::decompose_canonical(c, |d| {
                if base.is_none() {
                    base = Some(d);
                }
            });
            match base {
                Some(b) if b.is_ascii_alphabetic() => out.push(b),
                _ => out.push(c),
            }
        }
    }
}

/// True when the text is mostly Cyrillic letters, i.e. the question is (probably) Russian.
pub fn is_cyrillic(text: &str) -> bool {
    let (mut cyrillic, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyrillic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    cyrillic > latin
}

/// Longest a Russian stem may be: Snowball leaves derived words of one family apart
/// ("демаркация" and "демаркационной" stem to "демаркац" and "демаркацион"); cutting at seven
/// letters joins them while keeping "министр" apart from "министерство".
const RUSSIAN_STEM_MAX_CHARS: usize = 7;

/// Combining forms that open compound words of many families; the stem cut does not count them
/// ("погрансоглашение", a border agreement, is not "погранстолбы", border posts;
/// "взаимодействие", interaction, is not "взаимодополняемость", complementarity).
const RUSSIAN_COMBINING_FORMS: &[&str] = &["электро", "погран", "взаимо"];

/// Stems longer than the cap whose first seven letters open another family: "единственный"
/// (the only one) is not "единство" (unity). They are kept whole.
const RUSSIAN_LONG_STEMS: &[&str] = &["единствен"];

/// Shortest Snowball stem kept for a Russian word; shorter ones keep the word as it is.
const MIN_RUSSIAN_STEM_CHARS: usize = 2;

/// Reduces a token to a stem so that inflected forms meet: the Snowball stemmers for English
/// and Russian (Russian stems then capped at seven letters). Numbers and short words are
/// unchanged.
pub fn stem(token: &str) -> String {
    if token.chars().any(|c| c.is_ascii_digit()) {
        return token.to_owned();
    }
    let first = token.chars().next().unwrap_or(' ');
    if ('\u{0400}'..='\u{04FF}').contains(&first) {
        stem_russian(token)
    } else {
        stem_english(token)
    }
}

/// Words whose Snowball stems run into another family, with the endings of their forms and the
/// stem they get instead: "визит", "визите" (a visit) would stem as "виз", the stem of "визы"
/// (visas), and "залили" (uploaded) as "зал", that of "зале" (a hall); "пограничники" (border
/// guards) as "погранич", that of "пограничный" (of the border); "учёным регалиям" (academic)
/// as "учен", that of "учения" (military exercises). Such a form has its own stem ("визитка"
/// is none).
const RUSSIAN_STEM_EXCEPTIONS: &[(&str, &[&str], &str)] = &[
    ("визит", NOUN_ENDINGS, "визит"),
    ("госвизит", NOUN_ENDINGS, "госвизит"),
    ("пограничник", NOUN_ENDINGS, "пограничник"),
    ("залил", &["", "а", "и", "о"], "залил"),
    ("учен", ADJECTIVE_ENDINGS, "ученый"),
];

/// The case endings of a masculine noun like "визит".
const NOUN_ENDINGS: &[&str] = &["", "а", "у", "ом", "е", "ы", "и", "ов", "ам", "ами", "ах"];

/// The endings of an adjective like "учёный" (after "ё" is read as "е").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ый", "ая", "ое", "ые", "ого", "ой", "ому", "ым", "ом", "ых", "ыми", "ую",
];

fn stem_russian(token: &str) -> String {
    let exception = RUSSIAN_STEM_EXCEPTIONS.iter().find(|(prefix, endings, _)| {
        token
            .strip_prefix(*prefix)
            .is_some_and(|ending| endings.contains(&ending))
    });
    if let Some((_, _, stem)) = exception {
        return (*stem).to_owned();
    }
    thread_local! {
        // The Snowball stemmer is a small state machine; one per thread avoids rebuilding it.
        static RUSSIAN: rust_stemmers::Stemmer =
            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian);
    }
    let stemmed = RUSSIAN.with(|stemmer| stemmer.stem(token).into_owned());
    // Very short words keep their form when Snowball would leave one letter ("оба" → "об");
    // two letters still join "еда" and "еды", "май" and "мая".
    let stem = if stemmed.chars().count() < MIN_RUSSIAN_STEM_CHARS {
        token.to_owned()
    } else {
        stemmed
    };
    // "электро-" opens words of unrelated families ("электронная почта", "электроэнергия"):
    // the letters after it are cut as a word of their own.
    let long_stem = RUSSIAN_LONG_STEMS.iter().find(|s| stem.starts_with(*s));
    let max_chars = match long_stem {
        Some(long) => long.chars().count(),
        None => {
            RUSSIAN_STEM_MAX_CHARS
                + RUSSIAN_COMBINING_FORMS
                    .iter()
                    .find(|form| stem.starts_with(*form))
                    .map_or(0, |form| form.chars().count())
        }
    };
    match stem.char_indices().nth(max_chars) {
        Some((cut, _)) => stem[..cut].to_owned(),
        None => stem,
    }
}

fn stem_english(token: &str) -> String {
    thread_local! {
        // Snowball's English (Porter2) stemmer: it also joins derived forms ("economic",
        // "economically"; "independent", "independence") that plural-stripping left apart,
        // measured +2 on the Telegram-style sets.
        static ENGLISH: rust_stemmers::Stemmer =
            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    }
    if token.len() <= 3 || !token.is_ascii() {
        return token.to_owned();
    }
    ENGLISH.with(|stemmer| stemmer.stem(token).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_read_as_nfkc_stable_are_so_by_the_unicode_tables() {
        let candidates = ('\u{0}'..='\u{2FFF}').filter(|&c| is_nfkc_stable(c));
        for c in candidates {
            assert_eq!(
                unicode_normalization::is_nfkc_quick(std::iter::once(c)),
                unicode_normalization::IsNormalized::Yes,
                "{c:?} is not NFKC-stable"
            );
        }
        assert!(!is_nfkc_stable('№') && !is_nfkc_stable('…'));
    }

    #[test]
    fn the_direct_lower_case_agrees_with_the_unicode_tables() {
        let all = (0..0x3000u32).filter_map(char::from_u32);
        let expected: Vec<char> = all.clone().flat_map(char::to_lowercase).collect();
        assert_eq!(lower_case(all), expected);
    }

    #[test]
    fn a_unit_glued_to_a_number_is_its_own_word() {
        assert_eq!(tokenize("the $10bn goal"), ["the", "10", "bn", "goal"]);
        assert_eq!(tokenize("400га, 2356km"), ["400", "га", "2356", "km"]);
        assert_eq!(tokenize("100th b4 2021"), ["100", "b4", "2021"]);
    }

    #[test]
    fn a_combining_form_does_not_join_unrelated_families() {
        // "электронная почта" (email) and "электроэнергия" (electricity) share only "электро".
        assert_ne!(stem("электронная"), stem("электроэнергия"));
        assert_eq!(stem("электронная"), stem("электронной"));
        // Other long stems are still cut, joining one family.
        assert_eq!(stem("демаркация"), stem("демаркационной"));
    }

    #[test]
    fn a_name_glued_to_its_year_is_split() {
        let split = |t: &str| split_name_and_year(t);
        assert_eq!(
            split("hamkorlik2021"),
            Some(("hamkorlik".to_owned(), "2021".to_owned()))
        );
        assert_eq!(
            split("калкан21"),
            Some(("калкан".to_owned(), "2021".to_owned()))
        );
        assert_eq!(split("b4"), None);
        assert_eq!(split("c5"), None);
        assert_eq!(split("10bn"), None);
        assert_eq!(split("kalkan123"), None);
    }

    #[test]
    fn a_year_with_the_russian_abbreviation_glued_on_is_the_year() {
        assert_eq!(year_without_abbreviation("2023г"), Some("2023"));
        assert_eq!(year_without_abbreviation("2021гг"), Some("2021"));
        assert_eq!(year_without_abbreviation("12г"), None);
        assert_eq!(year_without_abbreviation("2023"), None);
    }

    #[test]
    fn a_letter_drawn_out_for_effect_is_read_once() {
        assert_eq!(question_words("heyyy"), ["hey"]);
        assert_eq!(question_words("hellooo there"), ["hello", "there"]);
        assert_eq!(question_words("cooool"), ["cool"]);
        assert_eq!(question_words("спасибооо"), ["спасибо"]);
        // Doubled letters and Roman numerals stay as they are.
        assert_eq!(question_words("all good"), ["all", "good"]);
        assert_eq!(question_words("xiii"), ["xiii"]);
        assert_eq!(question_words("1000"), ["1000"]);
        assert_eq!(question_words("ссср"), ["ссср"]);
    }

    /// `tokenize_question` with the forms of "article" the tests use.
    fn question_words(text: &str) -> Vec<String> {
        tokenize_question(text, |w| {
            ["article", "статья", "статьи", "статью"].contains(&w)
        })
    }

    #[test]
    fn a_percent_sign_is_the_word_for_it_in_the_questions_language() {
        assert_eq!(
            question_words("вырос на сколько %?"),
            ["вырос", "на", "сколько", "процентов"]
        );
        assert_eq!(
            question_words("grew by 20%"),
            ["grew", "by", "20", "percent"]
        );
    }

    #[test]
    fn a_dotted_date_with_a_year_is_spelled_in_the_questions_language() {
        assert_eq!(
            question_words("закон от 10.09.2012?"),
            ["закон", "от", "10", "сентября", "2012"]
        );
        assert_eq!(
            question_words("signed 22.12.22"),
            ["signed", "22", "december", "2022"]
        );
        // Without a year the date stays one word, and a decimal is no date.
        assert_eq!(question_words("on 29.12"), ["on", "29.12"]);
        assert_eq!(question_words("1.15 billion"), ["1.15", "billion"]);
    }

    #[test]
    fn a_year_written_with_an_apostrophe_is_the_full_year() {
        assert_eq!(
            question_words("dec '22 alliance"),
            ["dec", "2022", "alliance"]
        );
        assert_eq!(question_words("nov \u{2019}05"), ["nov", "2005"]);
        assert_eq!(question_words("the '98 treaty"), ["the", "1998", "treaty"]);
        // Not after a letter, nor three digits.
        assert_eq!(question_words("rock'22"), ["rock22"]);
        assert_eq!(question_words("'222"), ["222"]);
    }

    #[test]
    fn a_nineties_number_after_in_is_a_year() {
        assert_eq!(question_words("signed in 98"), ["signed", "in", "1998"]);
        assert_eq!(question_words("подписали в 98"), ["подписали", "в", "1998"]);
        assert_eq!(question_words("in 15 cities"), ["in", "15", "cities"]);
        assert_eq!(question_words("in 98 km"), ["in", "98", "km"]);
    }

    #[test]
    fn bare_two_digit_years_after_since_or_before_godu_are_years() {
        assert_eq!(
            question_words("allies since 91"),
            ["allies", "since", "1991"]
        );
        assert_eq!(question_words("в 98 году"), ["в", "1998", "году"]);
        // A span, a count with a unit and a plain number stay numbers.
        assert_eq!(question_words("за 34 года"), ["за", "34", "года"]);
        assert_eq!(question_words("с 10 км"), ["с", "10", "км"]);
        assert_eq!(question_words("с 29 декабря"), ["с", "29", "декабря"]);
        assert_eq!(question_words("since 29 dec"), ["since", "29", "dec"]);
        assert_eq!(question_words("article 17"), ["article", "17"]);
        // An anniversary counts years: "с 30-летием" is not "since 2030".
        assert_eq!(
            question_words("совпал с 30-летием"),
            ["совпал", "с", "30", "летием"]
        );
    }

    #[test]
    fn a_number_glued_to_the_word_for_years_is_split() {
        assert_eq!(
            split_glued("30летие", |_| false),
            Some(["30".to_owned(), "летие".to_owned()])
        );
        assert_eq!(split_glued("2021м", |_| false), None);
    }

    #[test]
    fn two_digit_years_with_a_russian_ending_are_read_as_years() {
        assert_eq!(
            question_words("придумали в 18-м"),
            ["придумали", "в", "2018"]
        );
        assert_eq!(question_words("дружба 98го"), ["дружба", "1998"]);
        // A day of a month and an article keep their number.
        assert_eq!(question_words("22-го декабря"), ["22", "декабря"]);
        assert_eq!(
            question_words("встреча закончилась 19-го"),
            ["встреча", "закончилась", "19"]
        );
        assert_eq!(question_words("с 98-го"), ["с", "1998"]);
        assert_eq!(
            question_words("с начала 22-го года"),
            ["с", "начала", "2022", "года"]
        );
        assert_eq!(question_words("летом 22-го"), ["летом", "2022"]);
        assert_eq!(question_words("17-й статьи"), ["17", "статьи"]);
        assert_eq!(question_words("в 17-м пункте"), ["в", "17", "пункте"]);
        assert_eq!(question_words("в 2018-м"), ["в", "2018"]);
        assert_eq!(question_words("4-ю статью"), ["4", "статью"]);
        // Endings written on are dropped the same way.
        assert_eq!(question_words("17я статья"), ["17", "статья"]);
        assert_eq!(question_words("the 4th article"), ["the", "4", "article"]);
        assert_eq!(question_words("2022 5g"), ["2022", "5g"]);
    }

    #[test]
    fn a_word_glued_to_a_short_number_is_split_and_a_year_is_not() {
        assert_eq!(split_word_and_number("art3"), Some(("art", "3")));
        assert_eq!(split_word_and_number("статья17"), Some(("статья", "17")));
        assert_eq!(split_word_and_number("kalkan2021"), None);
        assert_eq!(split_word_and_number("b4"), None);
        assert_eq!(split_word_and_number("art"), None);
    }

    #[test]
    fn tokens_fold_case_punctuation_and_unicode_forms() {
        assert_eq!(
            tokenize("When was the TREATY signed?!"),
            ["when", "was", "the", "treaty", "signed"]
        );
        assert_eq!(tokenize("ｆｕｌｌｗｉｄｔｈ"), ["fullwidth"]);
        assert_eq!(
            tokenize("Kalkan-2021 (Zhambyl)"),
            ["kalkan", "2021", "zhambyl"]
        );
    }

    #[test]
    fn a_question_word_contraction_without_its_apostrophe_is_read_as_is() {
        assert_eq!(tokenize("whos the author"), ["who", "is", "the", "author"]);
        assert_eq!(tokenize("who's the author"), ["who", "is", "the", "author"]);
        assert_eq!(tokenize("its text"), ["its", "text"]);
    }

    #[test]
    fn apostrophe_variants_agree() {
        let expected = ["ozbekiston"];
        for spelling in [
            "Oʻzbekiston",
            "O'zbekiston",
            "O’zbekiston",
            "Oʼzbekiston",
            "O`zbekiston",
        ] {
            assert_eq!(tokenize(spelling), expected, "{spelling}");
        }
    }

    #[test]
    fn numbers_keep_thousands_and_decimals_together() {
        assert_eq!(
            tokenize("2,356.6 km and 1,301 signs."),
            ["2356.6", "km", "and", "1301", "signs"]
        );
    }

    #[test]
    fn latin_diacritics_and_possessives_fold() {
        assert_eq!(tokenize("Askeroğlu's article"), ["askeroglu", "article"]);
        assert_eq!(tokenize("Türkiye, İstanbul"), ["turkiye", "istanbul"]);
        assert_eq!(tokenize("Uzbekistan’s allies"), ["uzbekistan", "allies"]);
        assert_eq!(tokenize("who's he"), ["who", "is", "he"]);
        assert_eq!(
            question_words("4-ю статью, 100-го заседания"),
            ["4", "статью", "100", "заседания"]
        );
        assert_eq!(question_words("Kalkan-2021"), ["kalkan", "2021"]);
        assert_eq!(
            tokenize("the 4th and 100th, 21st"),
            ["the", "4", "and", "100", "21"]
        );
        assert_eq!(tokenize("O'zbekiston's"), ["ozbekiston"]);
        assert_eq!(tokenize("й ё"), ["й", "е"]);
    }

    #[test]
    fn yo_is_read_as_ye() {
        assert_eq!(tokenize("Мирзиёев"), tokenize("Мирзиеев"));
    }

    #[test]
    fn english_inflections_meet() {
        assert_eq!(stem("signed"), stem("signing"));
        assert_eq!(stem("signs"), "sign");
        assert_eq!(stem("countries"), stem("country"));
        assert_eq!(stem("planned"), stem("plan"));
        assert_eq!(stem("borders"), stem("border"));
        assert_eq!(stem("economically"), stem("economic"));
        assert_ne!(stem("ministry"), stem("minister"));
    }

    #[test]
    fn russian_case_endings_meet() {
        assert_eq!(stem("границы"), stem("граница"));
        assert_eq!(
            stem("Казахстаном".to_lowercase().as_str()),
            stem("казахстана")
        );
        assert_eq!(stem("договора"), stem("договор"));
    }

    #[test]
    fn a_visit_is_not_a_visa_and_an_upload_not_a_hall() {
        assert_eq!(stem("визит"), stem("визита"));
        assert_eq!(stem("визите"), stem("визиту"));
        assert_ne!(stem("визит"), stem("визы"));
        assert_eq!(stem("залили"), stem("залил"));
        assert_ne!(stem("залили"), stem("зале"));
        assert_ne!(stem("пограничников"), stem("пограничный"));
        assert_ne!(stem("визитка"), stem("визит"));
    }

    #[test]
    fn numbers_are_not_stemmed() {
        assert_eq!(stem("2022"), "2022");
        assert_eq!(stem("1990s"), "1990s");
    }

    #[test]
    fn detects_russian_questions() {
        assert!(is_cyrillic("Где проходили учения «Калкан-2021»?"));
        assert!(!is_cyrillic("Where was Kalkan-2021 held?"));
    }
}
