//! The optional question log (`QUESTION_LOG`, formerly `UNANSWERED_LOG`): one JSON object per
//! line for each question a curator should look at: declined questions, answers that won by a
//! low margin ([`LOW_MARGIN`]), and every 👍/👎 pressed under an answer. Each line holds the
//! time, the chat type, the languages, the question, the outcome, the entry and its score —
//! what curators need to extend the knowledge base (`kazuz-bot review`, [`crate::review`]), and
//! nothing that identifies a person (no user ids, names or chat ids).
//!
//! The reading side ([`QuestionRecord`] is also `Deserialize`) accepts the lines of the old
//! `UNANSWERED_LOG` too: a line without `outcome` is a declined question.

use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::answer::Reply;
use crate::matching::score::CLEAR_MARGIN;
use crate::matching::{Decline, Engine, Outcome};

/// An answer less than this far ahead of the runner-up is logged as `answered` (low margin).
///
/// The engine's own rule for a clear winner ([`CLEAR_MARGIN`]): an answer closer than that to the
/// next candidate is one a small change of wording could flip to another entry, so it is the
/// likeliest confident wrong answer, invisible otherwise (close alternatives within the
/// ambiguity margin are already offered as "Did you mean"; these are the next band).
pub const LOW_MARGIN: f32 = CLEAR_MARGIN;

/// What happened to a logged question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LoggedOutcome {
    /// The bot did not answer (lines of the old `UNANSWERED_LOG` have no outcome: declines).
    #[default]
    Declined,
    /// Answered, but by less than [`LOW_MARGIN`] over the runner-up.
    Answered,
    /// A user pressed 👍 or 👎 under an answer.
    Feedback,
}

/// A user's verdict on an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Up,
    Down,
}

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionRecord {
    /// UTC, RFC 3339 (`2025-01-31T12:00:00Z`).
    pub time: String,
    /// `private`, `group` or `supergroup`.
    pub chat_type: String,
    /// The user's Telegram interface language (`en`, `ru`…), when Telegram sends one.
    #[serde(default)]
    pub language_code: Option<String>,
    /// The language the bot answered in (`en` or `ru`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The question as typed; `None` for feedback on an answer whose question is no longer
    /// remembered (see [`super::feedback`]) or that was reached by a button.
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub outcome: LoggedOutcome,
    /// The entry answered (or, for a decline that showed what a record does say, that record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// The engine's score of that entry, in [0, 1], rounded to three decimals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    /// For low-margin answers: how far the entry was ahead of the runner-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<f32>,
    /// For feedback: 👍 (`up`) or 👎 (`down`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
}

impl QuestionRecord {
    /// A record with the common fields; the outcome-specific ones are set by the caller.
    pub fn new(
        outcome: LoggedOutcome,
        chat_type: &str,
        language_code: Option<&str>,
        question: Option<&str>,
        time: SystemTime,
    ) -> Self {
        Self {
            time: rfc3339_utc(time),
            chat_type: chat_type.to_owned(),
            language_code: language_code.map(str::to_owned),
            lang: None,
            question: question.map(|q| q.trim().to_owned()),
            outcome,
            entry: None,
            score: None,
            margin: None,
            verdict: None,
        }
    }

    /// With the entry and its score (rounded: the log is read by people).
    pub fn with_entry(mut self, entry: Option<&str>, score: Option<f32>) -> Self {
        self.entry = entry.map(str::to_owned);
        self.score = score.map(round3);
        self
    }
}

/// The log line a typed question deserves, if any: declines the knowledge base could fix (not
/// empty or over-long messages), and answers that won by less than [`LOW_MARGIN`]. `reply` is
/// what the user was shown.
pub fn question_record(
    engine: &Engine,
    outcome: &Outcome,
    reply: &Reply,
    question: &str,
    chat_type: &str,
    language_code: Option<&str>,
) -> Option<QuestionRecord> {
    let template = |outcome| {
        let now = SystemTime::now();
        let mut record =
            QuestionRecord::new(outcome, chat_type, language_code, Some(question), now);
        record.lang = Some(reply.lang.code().to_owned());
        record
    };
    match outcome {
        Outcome::Declined {
            reason:
                Decline::NoMatch
                | Decline::UnknownArticle(_)
                | Decline::NotGiven { .. }
                | Decline::EventsNotFound { .. },
            ..
        } => {
            // The record shown (`NotGiven`) or the best suggestion: where a curator starts.
            let entry = reply
                .record_id
                .as_deref()
                .or(reply.suggestions.first().map(|s| s.id.as_str()));
            let score = entry.map(|_| reply.score);
            Some(template(LoggedOutcome::Declined).with_entry(entry, score))
        }
        // The part the documents left open is what a curator needs to see.
        Outcome::PartlyAnswered { suggestions, .. } => {
            let entry = suggestions
                .first()
                .map(|s| engine.record(s.record).id.as_str());
            let score = suggestions.first().map(|s| s.score.value());
            Some(template(LoggedOutcome::Declined).with_entry(entry, score))
        }
        Outcome::Answer { best, .. } => {
            let margin = margin_to_runner_up(engine, question, best.record, best.score.value());
            if margin >= LOW_MARGIN {
                return None;
            }
            let entry = engine.record(best.record).id.as_str();
            let mut record =
                template(LoggedOutcome::Answered).with_entry(Some(entry), Some(best.score.value()));
            record.margin = Some(round3(margin));
            Some(record)
        }
        _ => None,
    }
}

/// How far `score` (of `record`) is ahead of the best other answer the engine ranks for
/// `question`; the whole score when nothing else shares a word with it. Entries recording what
/// the documents do not say are no rival answer (the engine never offers them instead).
pub fn margin_to_runner_up(engine: &Engine, question: &str, record: usize, score: f32) -> f32 {
    let runner_up = engine
        .rank(question)
        .into_iter()
        .find(|r| r.record != record && !engine.is_unanswerable(r.record))
        .map_or(0.0, |r| r.score.value());
    score - runner_up
}

/// `value` rounded to three decimals.
pub fn round3(value: f32) -> f32 {
    (value * 1000.0).round() / 1000.0
}

/// Appends records to a file; writes are serialised so lines never interleave.
#[derive(Debug)]
pub struct QuestionLog {
    path: PathBuf,
    lock: Mutex<()>,
}

impl QuestionLog {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            lock: Mutex::new(()),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one line. The file is opened per write (logged questions are rare, and this
    /// keeps log rotation by moving the file working).
    pub fn append(&self, record: &QuestionRecord) -> std::io::Result<()> {
        let mut line = serde_json::to_string(record).map_err(std::io::Error::other)?;
        line.push('\n');
        let _guard = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        file.write_all(line.as_bytes())
    }

    /// [`QuestionLog::append`], with a failure logged rather than returned: a full disk must
    /// not cost the user their answer.
    pub fn append_or_warn(&self, record: &QuestionRecord) {
        if let Err(err) = self.append(record) {
            tracing::warn!(path = %self.path.display(), error = %err, "cannot append to QUESTION_LOG");
        }
    }
}

/// `time` as an RFC 3339 UTC timestamp with second precision.
pub fn rfc3339_utc(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn timestamps_are_rfc3339_utc() {
        assert_eq!(rfc3339_utc(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        // 2022-12-22T10:30:05Z, the day the treaty was signed.
        assert_eq!(
            rfc3339_utc(UNIX_EPOCH + Duration::from_secs(1_671_705_005)),
            "2022-12-22T10:30:05Z"
        );
        // A leap day.
        assert_eq!(
            rfc3339_utc(UNIX_EPOCH + Duration::from_secs(1_709_164_800)),
            "2024-02-29T00:00:00Z"
        );
    }

    #[test]
    fn records_are_appended_as_json_lines_without_user_data() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = QuestionLog::new(dir.path().join("questions.jsonl"));
        let t = UNIX_EPOCH + Duration::from_secs(1_671_705_005);
        let declined = QuestionRecord::new(
            LoggedOutcome::Declined,
            "private",
            Some("ru"),
            Some(" What is the weather? "),
            t,
        );
        log.append(&declined).expect("append");
        let mut feedback =
            QuestionRecord::new(LoggedOutcome::Feedback, "supergroup", None, None, t)
                .with_entry(Some("border-length"), Some(0.876_54));
        feedback.verdict = Some(Verdict::Down);
        log.append(&feedback).expect("append");
        let text = std::fs::read_to_string(log.path()).expect("read");
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0],
            serde_json::json!({"time": "2022-12-22T10:30:05Z", "chat_type": "private",
                "language_code": "ru", "question": "What is the weather?", "outcome": "declined"})
        );
        assert_eq!(
            lines[1],
            serde_json::json!({"time": "2022-12-22T10:30:05Z", "chat_type": "supergroup",
                "language_code": null, "question": null, "outcome": "feedback",
                "entry": "border-length", "score": 0.877, "verdict": "down"})
        );
    }

    #[test]
    fn a_partly_answered_question_is_logged_for_the_curator() {
        let engine = Engine::new(crate::knowledge::KnowledgeBase::embedded().expect("embedded"));
        let question = "when was the alliance treaty signed and how much did the summit cost?";
        let outcome = engine.ask(question);
        assert!(
            matches!(outcome, Outcome::PartlyAnswered { .. }),
            "{outcome:?}"
        );
        let reply = Reply::new(&engine, &outcome, crate::matching::Lang::En);
        let record = question_record(&engine, &outcome, &reply, question, "private", None)
            .expect("a partly answered question is logged");
        assert_eq!(record.outcome, LoggedOutcome::Declined);
        assert_eq!(record.question.as_deref(), Some(question));
    }

    #[test]
    fn lines_of_the_old_unanswered_log_read_as_declines() {
        let old = r#"{"time":"2022-12-22T10:30:05Z","chat_type":"private","language_code":"en","question":"Who won?"}"#;
        let record: QuestionRecord = serde_json::from_str(old).expect("old line");
        assert_eq!(record.outcome, LoggedOutcome::Declined);
        assert_eq!(record.question.as_deref(), Some("Who won?"));
        assert_eq!(record.entry, None);
    }
}
