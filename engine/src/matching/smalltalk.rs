//! Small talk and questions about the bot itself ("hi", "thanks", "who are you?", "ты тут?",
//! "👍"): recognised before any document matching, so that they get a short fixed reply from
//! `messages.toml` and never a passage of the documents.
//!
//! A message is small talk when one of the intents of `smalltalk.toml` matches (all the words of
//! one of its cues occur in it) and every other word is a stop word, a filler word or a word of
//! another small-talk cue. "Hello! When was the border treaty signed?" is therefore not small
//! talk: "border", "treaty" and "signed" are left over, and the question is answered. Three
//! exceptions: an intent's `anywhere` phrases make a message that intent whatever else it says
//! ("tell me a joke about…", "translate…"); a reaction may carry a word or two of comment that
//! asks nothing ("ого, вот это поворот"); and so may thanks after "for" or "за" ("thanks for the
//! alliance info!").

use super::kinds::contains_sequence;
use super::lexicon;
use super::normalize::{may_hold, tokenize, word_bit, words_mask};
use crate::knowledge::SmalltalkFile;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The small-talk intents, ready to match.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct SmallTalk {
    /// Per intent, its cues as word lists.
    intents: Vec<Vec<Vec<String>>>,
    /// Per intent, per cue: its words' mask ([`words_mask`]); a cue whose bits a message lacks
    /// cannot match it and is not looked at word by word.
    cue_masks: Vec<Vec<u64>>,
    /// Words and phrases that make a message an intent whatever else it says, with the intent.
    anywhere: Vec<(Vec<String>, IntentId)>,
    /// For the first word of each phrase of `anywhere`: the phrases' places there.
    anywhere_by_first: HashMap<String, Vec<u32>>,
    /// Words that may surround small talk: stop words, filler, every cue word.
    neutral: HashSet<String>,
    /// `neutral` without the stop words: the words of small talk itself.
    chat_words: HashSet<String>,
    /// Words naming the bot, and the pronouns they stand for in cues.
    addressee: HashSet<String>,
    pronouns: Vec<String>,
    /// Words that make a message a question ("what", "когда"): a reaction with one of them
    /// ("wow, when was that?") asks something.
    question_words: HashSet<String>,
    /// Intents other than the reaction that may carry a comment, with the words that introduce
    /// one (`comment_after`).
    commented: Vec<(IntentId, Vec<String>)>,
    /// Counting into a microphone, as word lists (see [`SmalltalkFile::count_offs`]).
    count_offs: Vec<Vec<String>>,
    /// The intents that may open a remark ([`crate::knowledge::SmalltalkIntent::opens_a_remark`]).
    remark_openers: Vec<IntentId>,
    /// See [`SmalltalkFile::follow_up_openers`].
    follow_up_openers: HashSet<String>,
}

/// Which intent a message is; an index into `smalltalk.toml`'s intents.
pub type IntentId = usize;

/// Words at least this common ("day", "going", "year", "время") are neutral next to a
/// small-talk cue. Topic words of the documents are rarer ("war" and "country" 5.5, "treaty"
/// 4.3, "договор" 4.7); a cue with only such common words ("hi, what year?") leaves nothing
/// the documents could answer.
const NEUTRAL_ZIPF: lexicon::Zipf = 5.8;

/// "from", as in "greetings from Tashkent".
const FROM_WORDS: &[&str] = &["from", "из"];

/// The words without the place a writer says they write from ("hi from Astana", "привет из
/// Ташкента"): the word after "from" or "из", when some other word comes before it; the words
/// themselves, uncopied, when there is none.
fn without_places_from(words: &[String]) -> std::borrow::Cow<'_, [String]> {
    without_words_at(words, |i| {
        i >= 2 && FROM_WORDS.contains(&words[i - 1].as_str())
    })
}

/// The words but those at the places `dropped` picks; the words themselves, uncopied, when it
/// picks none (most messages).
fn without_words_at(
    words: &[String],
    dropped: impl Fn(usize) -> bool,
) -> std::borrow::Cow<'_, [String]> {
    if !(0..words.len()).any(&dropped) {
        return std::borrow::Cow::Borrowed(words);
    }
    let kept: Vec<String> = (0..words.len())
        .filter(|&i| !dropped(i))
        .map(|i| words[i].clone())
        .collect();
    std::borrow::Cow::Owned(kept)
}

/// Words after which a writer gives their own name ("my name is Aibek", "i'm Kamola", "меня
/// зовут Сабир", "я Азамат").
const NAME_INTRODUCERS: &[&[&str]] = &[
    &["name", "is"],
    &["names"],
    &["im"],
    &["i", "am"],
    &["call", "me"],
    &["зовут"],
    &["звать"],
    &["я"],
];

/// The words without a name the writer introduces themselves with ("my name is Dauren, nice to
/// meet you"): a first name may be an author's, but saying one's own asks nothing. Only a word
/// that is no small-talk word itself ("i am new" keeps "new"); the words themselves, uncopied,
/// when there is none.
fn without_introduced_names<'w>(
    words: &'w [String],
    is_neutral: impl Fn(&str) -> bool,
) -> std::borrow::Cow<'w, [String]> {
    without_words_at(words, |i| {
        // The introducer first: it is a few comparisons, the lexicon lookup is not.
        NAME_INTRODUCERS.iter().any(|intro| {
            i >= intro.len()
                && words[i - intro.len()..i]
                    .iter()
                    .zip(intro.iter())
                    .all(|(w, x)| w == x)
        }) && !is_neutral(&words[i])
    })
}

impl SmallTalk {
    /// Builds the matcher from `smalltalk.toml`, the stop words and the words that open a
    /// question.
    pub fn new(file: &SmalltalkFile, stopwords: &[String], question_words: &[String]) -> Self {
        let intents: Vec<Vec<Vec<String>>> = file
            .intents
            .iter()
            .map(|intent| {
                intent
                    .cues
                    .iter()
                    .map(|cue| tokenize(cue))
                    .filter(|words| !words.is_empty())
                    .collect()
            })
            .collect();
        let anywhere: Vec<(Vec<String>, IntentId)> = file
            .intents
            .iter()
            .enumerate()
            .flat_map(|(id, intent)| {
                intent
                    .anywhere
                    .iter()
                    .map(|phrase| tokenize(phrase))
                    .filter(|words| !words.is_empty())
                    .map(move |words| (words, id))
            })
            .collect();
        let addressee: HashSet<String> = file.addressee.iter().flat_map(|w| tokenize(w)).collect();
        let chat_words: HashSet<String> = file
            .filler
            .iter()
            .flat_map(|w| tokenize(w))
            .chain(intents.iter().flatten().flatten().cloned())
            .chain(addressee.iter().cloned())
            .collect();
        let neutral = stopwords
            .iter()
            .flat_map(|w| tokenize(w))
            .chain(chat_words.iter().cloned())
            .collect();
        let pronouns = file
            .addressee_pronouns
            .iter()
            .flat_map(|w| tokenize(w))
            .collect();
        let mut anywhere_by_first: HashMap<String, Vec<u32>> = HashMap::default();
        for (i, (phrase, _)) in anywhere.iter().enumerate() {
            anywhere_by_first
                .entry(phrase[0].clone())
                .or_default()
                .push(i as u32);
        }
        let cue_masks = intents
            .iter()
            .map(|cues| cues.iter().map(words_mask).collect())
            .collect();
        SmallTalk {
            intents,
            cue_masks,
            anywhere,
            anywhere_by_first,
            neutral,
            chat_words,
            addressee,
            pronouns,
            question_words: question_words.iter().flat_map(|w| tokenize(w)).collect(),
            remark_openers: remark_openers(file),
            follow_up_openers: file
                .follow_up_openers
                .iter()
                .flat_map(|w| tokenize(w))
                .collect(),
            count_offs: file
                .count_offs
                .iter()
                .map(|phrase| tokenize(phrase))
                .filter(|words| !words.is_empty())
                .collect(),
            commented: commented_intents(file),
        }
    }

    /// True for a word that may surround small talk: a stop word, filler, a cue word, or one of
    /// the commonest words of the language ("hows ur day going lol", "tell me something
    /// funny"), which cannot make a message a question about the documents on their own.
    fn is_neutral(&self, word: &str) -> bool {
        self.neutral.contains(word)
            || (!word.bytes().any(|b| b.is_ascii_digit())
                && lexicon::zipf_or_zero(word) >= NEUTRAL_ZIPF)
    }

    /// Small talk with a word or two the cues and filler do not list ("anybody awake in
    /// here?", "спасибо, очень помог с рефератом", "👌 чётко"): the intent of the longest cue,
    /// when every other word is no topic of the documents (`is_topic` says which are) and none
    /// asks (a question word or a digit).
    pub fn detect_around(
        &self,
        words: &[String],
        is_topic: impl Fn(&str) -> bool,
    ) -> Option<IntentId> {
        let words = &*self.without_count_offs(words);
        // One word past the limit is enough to know a question is no small talk.
        let leftover: Vec<&String> = words
            .iter()
            .filter(|w| !self.is_neutral(w))
            .take(MAX_OFF_TOPIC_WORDS + 1)
            .collect();
        let asks = |w: &str| self.question_words.contains(w) || asks_a_number(w) || is_topic(w);
        if leftover.is_empty()
            || leftover.len() > MAX_OFF_TOPIC_WORDS
            || leftover.iter().any(|w| asks(w))
        {
            return None;
        }
        self.longest_cue(words)
    }

    /// Thanks, an acknowledgement or a farewell (an intent that [opens a
    /// remark](crate::knowledge::SmalltalkIntent::opens_a_remark)) before the first pause of a message, followed
    /// by a remark that asks nothing: "от души, теперь к семинару готов", "much obliged, my
    /// essay is done now". `head` is the words before the pause; `rest` gives those after it,
    /// read only when the opening is such small talk (most openings before a comma are not). The
    /// remark asks something when it has a question mark (`rest_text`), a question word or a
    /// digit, opens with a follow-up word ("and", "а", "did"), or is made only of the documents'
    /// topics and common words ("great, trade target", "ok, the border treaty then"): a remark
    /// says something of the writer's own, in a word that is no topic of the documents
    /// (`is_topic`), no word of small talk, and not among the commonest of the language ("my
    /// essay", "к семинару", though "seminar" is a stop word to questions).
    pub fn opening_a_remark(
        &self,
        head: &[String],
        rest: impl FnOnce() -> Vec<String>,
        rest_text: &str,
        is_topic: impl Fn(&str) -> bool,
    ) -> Option<IntentId> {
        let intent = self.remark_opener(head)?;
        let rest = rest();
        if rest.is_empty() || rest.len() > MAX_REMARK_WORDS {
            return None;
        }
        let asks = rest_text.contains('?')
            || self.follow_up_openers.contains(&rest[0])
            || rest
                .iter()
                .any(|w| self.question_words.contains(w) || asks_a_number(w));
        let own_words = rest.iter().any(|w| {
            !self.chat_words.contains(w) && lexicon::zipf_or_zero(w) < NEUTRAL_ZIPF && !is_topic(w)
        });
        (!asks && own_words).then_some(intent)
    }

    /// The intent of a message's opening before its first pause, when it is small talk that may
    /// open a remark ([`SmallTalk::opening_a_remark`]).
    fn remark_opener(&self, head: &[String]) -> Option<IntentId> {
        if head.is_empty() || !head.iter().all(|w| self.is_neutral(w)) {
            return None;
        }
        self.longest_cue(head)
            .filter(|intent| self.remark_openers.contains(intent))
    }

    /// Every word used by small talk or filler (the engine drops them from real questions).
    pub fn words(&self) -> impl Iterator<Item = &String> {
        self.neutral.iter()
    }

    /// The intent of a message given as its tokens and its raw text, or `None` for a message
    /// that asks something else. A message without any word but with symbols (an emoji, "?!")
    /// is a reaction: the intent named `reaction` when there is one.
    pub fn detect(
        &self,
        words: &[String],
        text: &str,
        reaction: Option<IntentId>,
    ) -> Option<IntentId> {
        if words.is_empty() {
            return reaction.filter(|_| text.chars().any(is_pictograph));
        }
        let words = &*self.without_count_offs(words);
        // "hi from Astana", "salem! greetings from Karaganda, anybody there?": where the writer
        // is says nothing to answer.
        let words = &*without_places_from(words);
        let words = &*without_introduced_names(words, |w| self.is_neutral(w));
        // The first phrase (in the file's order) that the message contains, looked for only
        // among the phrases starting with one of its words.
        let first_found = words
            .iter()
            .filter_map(|w| self.anywhere_by_first.get(w))
            .flatten()
            .copied()
            .filter(|&i| contains_sequence(words, &self.anywhere[i as usize].0))
            .min();
        if let Some(i) = first_found {
            return Some(self.anywhere[i as usize].1);
        }
        // Counted only as far as a reaction's comment may go: a longer question is no reaction,
        // and looking up every word of it was most of the time spent here.
        let leftover = words
            .iter()
            .filter(|w| !self.is_neutral(w))
            .take(MAX_COMMENT_WORDS + 1)
            .count();
        if leftover > 0 {
            return self.exclamation(words, text, leftover, reaction);
        }
        self.longest_cue(words)
    }

    /// The words without counting into a microphone ("testing 1 2 3"); the words themselves,
    /// uncopied, when there is none (most messages).
    fn without_count_offs<'w>(&self, words: &'w [String]) -> std::borrow::Cow<'w, [String]> {
        let starts_at = |i: usize| {
            self.count_offs
                .iter()
                .find(|phrase| words[i..].starts_with(phrase))
                .map(Vec::len)
        };
        if !(0..words.len()).any(|i| starts_at(i).is_some()) {
            return std::borrow::Cow::Borrowed(words);
        }
        let mut kept = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            match starts_at(i) {
                Some(len) => i += len,
                None => {
                    kept.push(words[i].clone());
                    i += 1;
                }
            }
        }
        std::borrow::Cow::Owned(kept)
    }

    /// The intent with the longest cue all of whose words occur in `words`.
    fn longest_cue(&self, words: &[String]) -> Option<IntentId> {
        let mut present: HashSet<&str> = words.iter().map(String::as_str).collect();
        let mut bits = words_mask(words);
        if words.iter().any(|w| self.addressee.contains(w)) {
            present.extend(self.pronouns.iter().map(String::as_str));
            bits |= self.pronouns.iter().fold(0, |m, p| m | word_bit(p));
        }
        // The intent with the longest matching cue: "who made you" is about the creator even
        // though "you" alone would fit other intents too.
        let mut best: Option<(usize, IntentId)> = None;
        for (id, (cues, masks)) in self.intents.iter().zip(&self.cue_masks).enumerate() {
            for (cue, &mask) in cues.iter().zip(masks) {
                if may_hold(bits, mask)
                    && cue.iter().all(|w| present.contains(w.as_str()))
                    && best.is_none_or(|(len, _)| cue.len() > len)
                {
                    best = Some((cue.len(), id));
                }
            }
        }
        best.map(|(_, id)| id)
    }
}

impl SmallTalk {
    /// A reaction with a word or two of comment and no question ("ого, вот это поворот 😳",
    /// "хм, ну допустим", "wow, big deal"): the comment asks nothing the documents could
    /// answer, though its words ("поворот", "допустим") may occur in them. So for thanks
    /// ("thanks for the treaty info!") and the other intents with `comment_after` words, when
    /// one of those introduces the comment.
    fn exclamation(
        &self,
        words: &[String],
        text: &str,
        leftover: usize,
        reaction: Option<IntentId>,
    ) -> Option<IntentId> {
        if leftover > MAX_COMMENT_WORDS {
            return None;
        }
        let asks = text.contains('?')
            || words
                .iter()
                .any(|w| self.question_words.contains(w) || asks_a_number(w));
        if asks {
            return None;
        }
        let cued = |intent: IntentId| {
            self.intents[intent]
                .iter()
                .any(|cue| contains_sequence(words, cue))
        };
        if let Some(reaction) = reaction.filter(|&r| cued(r)) {
            return Some(reaction);
        }
        self.commented
            .iter()
            .find(|(intent, leads)| leads.iter().any(|l| words.contains(l)) && cued(*intent))
            .map(|(intent, _)| *intent)
    }
}

/// True for a word with a digit, which may ask about a year or a count ("hi, 2022"), except a
/// time of day ("still up at 2am?"): no document gives one.
fn asks_a_number(word: &str) -> bool {
    let time_of_day = word
        .strip_suffix("am")
        .or_else(|| word.strip_suffix("pm"))
        .and_then(|hour| hour.parse::<u8>().ok())
        .is_some_and(|hour| (1..=12).contains(&hour));
    word.bytes().any(|b| b.is_ascii_digit()) && !time_of_day
}

/// How many words besides small talk a reaction (or thanks, after "for") may carry as comment
/// ("вот это поворот", "thanks for the alliance info").
const MAX_COMMENT_WORDS: usize = 2;

/// How many words no cue or filler lists small talk may carry when none is a topic of the
/// documents ([`SmallTalk::detect_around`]).
const MAX_OFF_TOPIC_WORDS: usize = 2;

/// The intents that may open a remark ([`crate::knowledge::SmalltalkIntent::opens_a_remark`]).
fn remark_openers(file: &SmalltalkFile) -> Vec<IntentId> {
    file.intents
        .iter()
        .enumerate()
        .filter(|(_, intent)| intent.opens_a_remark)
        .map(|(id, _)| id)
        .collect()
}

/// The intents other than the reaction that may carry a comment, with the words that introduce
/// one (`comment_after`).
fn commented_intents(file: &SmalltalkFile) -> Vec<(IntentId, Vec<String>)> {
    file.intents
        .iter()
        .enumerate()
        .filter(|(_, intent)| !intent.comment_after.is_empty())
        .map(|(id, intent)| {
            let leads = intent.comment_after.iter().flat_map(|w| tokenize(w));
            (id, leads.collect())
        })
        .collect()
}

/// How many words a remark after thanks or an acknowledgement may have
/// ([`SmallTalk::opening_a_remark`]); a longer one is more likely a question without its
/// question mark.
const MAX_REMARK_WORDS: usize = 12;

/// True for emoji and other pictographic symbols ("👍", "🙏", "❤"), not for punctuation.
fn is_pictograph(c: char) -> bool {
    let code = u32::from(c);
    code >= 0x2190 && !(0x2000..=0x206F).contains(&code) && !(0x3000..=0x303F).contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::SmalltalkIntent;

    fn small_talk() -> SmallTalk {
        let intent = |name: &str, cues: &[&str]| SmalltalkIntent {
            name: name.to_owned(),
            reply: format!("smalltalk_{name}"),
            cues: cues.iter().map(|c| (*c).to_owned()).collect(),
            quiet_in_groups: false,
            anywhere: vec![],
            comment_after: vec![],
            opens_a_remark: name == "thanks",
        };
        let file = SmalltalkFile {
            format_version: 1,
            intents: vec![
                intent("greeting", &["hi", "hello", "привет"]),
                intent("identity", &["who are you", "you"]),
                intent("creator", &["who made you"]),
                intent("reaction", &["👍"]),
                SmalltalkIntent {
                    anywhere: vec!["joke".to_owned()],
                    ..intent("joke", &["joke", "funny"])
                },
                SmalltalkIntent {
                    comment_after: vec!["for".to_owned()],
                    ..intent("thanks", &["thanks", "great"])
                },
            ],
            filler: vec!["bro".to_owned()],
            addressee: vec!["bot".to_owned()],
            addressee_pronouns: vec!["you".to_owned()],
            count_offs: vec!["1 2 3".to_owned()],
            follow_up_openers: vec!["and".to_owned()],
        };
        SmallTalk::new(
            &file,
            &["are".to_owned(), "the".to_owned(), "this".to_owned()],
            &["when".to_owned()],
        )
    }

    fn detect(st: &SmallTalk, text: &str) -> Option<IntentId> {
        st.detect(&tokenize(text), text, Some(3))
    }

    #[test]
    fn small_talk_is_recognised_with_filler_around_it() {
        let st = small_talk();
        assert_eq!(detect(&st, "hi"), Some(0));
        assert_eq!(detect(&st, "Hello bro!"), Some(0));
        assert_eq!(detect(&st, "привет"), Some(0));
        assert_eq!(detect(&st, "who are you?"), Some(1));
    }

    #[test]
    fn small_talk_prefers_the_longest_cue() {
        assert_eq!(detect(&small_talk(), "who made you"), Some(2));
        // A word naming the bot stands for "you".
        assert_eq!(detect(&small_talk(), "who made this bot"), Some(2));
    }

    #[test]
    fn small_talk_with_a_question_is_not_small_talk() {
        let st = small_talk();
        assert_eq!(detect(&st, "hello, when was the treaty signed?"), None);
        assert_eq!(detect(&st, "who are the allies"), None);
    }

    #[test]
    fn the_commonest_words_of_the_language_do_not_make_small_talk_a_question() {
        let st = small_talk();
        assert_eq!(detect(&st, "hi, how was your day going"), Some(0));
        assert_eq!(detect(&st, "привет, как сегодня день"), Some(0));
        // Topic words are rarer, and numbers are never neutral.
        assert_eq!(detect(&st, "hi, the war"), None);
        assert_eq!(detect(&st, "hi, 2022"), None);
    }

    #[test]
    fn a_request_for_a_joke_is_one_whatever_it_is_about() {
        let st = small_talk();
        assert_eq!(
            detect(&st, "tell me a joke about the border treaty"),
            Some(4)
        );
        // Other cues still need the rest of the message to be small talk.
        assert_eq!(detect(&st, "funny border treaty"), None);
    }

    #[test]
    fn a_time_of_day_asks_nothing_but_a_year_does() {
        assert!(!asks_a_number("2am") && !asks_a_number("11pm"));
        assert!(asks_a_number("2022") && asks_a_number("13pm") && asks_a_number("5"));
    }

    #[test]
    fn thanks_may_say_what_for_but_not_ask() {
        let st = small_talk();
        assert_eq!(detect(&st, "thanks for the alliance info"), Some(5));
        // Without "for" the words are a question of their own; with a question word too.
        assert_eq!(detect(&st, "great, alliance info"), None);
        assert_eq!(detect(&st, "thanks for that, when alliance"), None);
    }

    #[test]
    fn thanks_then_a_remark_is_thanks_but_a_follow_up_asks() {
        let st = small_talk();
        let topics = ["alliance", "treaty", "ready"];
        let remark = |head: &str, rest: &str| {
            st.opening_a_remark(
                &tokenize(head),
                || tokenize(rest),
                rest,
                |w| topics.contains(&w),
            )
        };
        // "essay" is the writer's own: the documents' "ready" does not make it a question.
        assert_eq!(remark("thanks", " my essay is ready"), Some(5));
        // Only the documents' topics: a follow-up ("great, trade target").
        assert_eq!(remark("thanks", " the alliance treaty"), None);
        // A question mark, a question word, a digit or a follow-up opener asks.
        assert_eq!(remark("thanks", " my essay is ready?"), None);
        assert_eq!(remark("thanks", " when was my essay ready"), None);
        assert_eq!(remark("thanks", " essay 4"), None);
        assert_eq!(remark("thanks", " and my essay"), None);
        // Only an intent that opens remarks does; a greeting opens a question.
        assert_eq!(remark("hi", " my essay is ready"), None);
    }

    #[test]
    fn counting_into_a_microphone_asks_no_number() {
        let st = small_talk();
        assert_eq!(detect(&st, "hello hello 1 2 3"), Some(0));
        // A number that is not the count-off still asks.
        assert_eq!(detect(&st, "hello 2 3"), None);
    }

    #[test]
    fn small_talk_reactions_are_symbols_only() {
        let st = small_talk();
        assert_eq!(detect(&st, "👍"), Some(3));
        assert_eq!(detect(&st, "🙏🙏"), Some(3));
        assert_eq!(detect(&st, "   "), None);
        assert_eq!(detect(&st, "?! …"), None);
    }
}
