//! The optional log of declined questions (`UNANSWERED_LOG`): one JSON object per line with the
//! time, the chat type, the user's language code and the question — what curators need to
//! extend the knowledge base, and nothing that identifies a person (no user ids, names or chat
//! ids).

use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

/// One declined question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnansweredRecord {
    /// UTC, RFC 3339 (`2025-01-31T12:00:00Z`).
    pub time: String,
    /// `private`, `group`, `supergroup` or `channel`.
    pub chat_type: &'static str,
    /// The user's Telegram interface language (`en`, `ru`…), when Telegram sends one.
    pub language_code: Option<String>,
    pub question: String,
}

impl UnansweredRecord {
    pub fn new(
        chat_type: &'static str,
        language_code: Option<&str>,
        question: &str,
        time: SystemTime,
    ) -> Self {
        Self {
            time: rfc3339_utc(time),
            chat_type,
            language_code: language_code.map(str::to_owned),
            question: question.trim().to_owned(),
        }
    }
}

/// Appends records to a file; writes are serialised so lines never interleave.
#[derive(Debug)]
pub struct UnansweredLog {
    path: PathBuf,
    lock: Mutex<()>,
}

impl UnansweredLog {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            lock: Mutex::new(()),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one line. The file is opened per write (questions are rare, and this keeps log
    /// rotation by moving the file working).
    pub fn append(&self, record: &UnansweredRecord) -> std::io::Result<()> {
        let mut line = serde_json::to_string(record).map_err(std::io::Error::other)?;
        line.push('\n');
        let _guard = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        file.write_all(line.as_bytes())
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
        let log = UnansweredLog::new(dir.path().join("unanswered.jsonl"));
        let t = UNIX_EPOCH + Duration::from_secs(1_671_705_005);
        log.append(&UnansweredRecord::new(
            "private",
            Some("ru"),
            " What is the weather? ",
            t,
        ))
        .expect("append");
        log.append(&UnansweredRecord::new(
            "supergroup",
            None,
            "Кто выиграл матч?",
            t,
        ))
        .expect("append");
        let text = std::fs::read_to_string(log.path()).expect("read");
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0],
            serde_json::json!({"time": "2022-12-22T10:30:05Z", "chat_type": "private", "language_code": "ru", "question": "What is the weather?"})
        );
        assert_eq!(lines[1]["language_code"], serde_json::Value::Null);
        assert_eq!(lines[1]["question"], "Кто выиграл матч?");
        let keys: Vec<&String> = lines[0].as_object().expect("object").keys().collect();
        assert_eq!(
            keys.len(),
            4,
            "only time, chat type, language code and question: {keys:?}"
        );
    }
}
