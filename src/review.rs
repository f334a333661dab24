//! `kazuz-bot review LOG`: the curator's inbox over the question log
//! ([`crate::telegram::question_log`]), the loop QnA Maker's active learning offers, from the
//! command line.
//!
//! Every logged question that needs a curator — declined, 👎, or answered by a low margin — is
//! asked again (the knowledge base may have changed since) and grouped under the record the
//! engine now ranks first, even when it would still decline. Per group the report shows the
//! counts by kind, the questions, and a TOML snippet of candidate phrasings to merge into that
//! entry's `questions` in knowledge/. 👎 questions are listed but kept out of the snippet: they
//! were answered with that entry and judged wrong, so they are rarely its phrasings. Questions
//! that share nothing with any record are listed apart. 👍 presses are only counted.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::matching::score::SUGGESTION_FLOOR;
use crate::matching::{Engine, Lang, RecordKind};
use crate::telegram::question_log::{LoggedOutcome, QuestionRecord, Verdict};

/// A candidate below this score is no candidate: the engine would not even suggest it.
pub const CANDIDATE_FLOOR: f32 = SUGGESTION_FLOOR;

/// Why the log could not be reviewed.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("cannot read the question log {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The records of a log, and how many lines were not records.
#[derive(Debug, Default)]
pub struct LogLines {
    pub records: Vec<QuestionRecord>,
    /// Non-empty lines that are not question-log JSON (a torn write, another file).
    pub skipped: usize,
}

/// Reads a question log: bytes that are not UTF-8 become "�", bad lines are counted and skipped.
pub fn read_log(path: &Path) -> Result<LogLines, ReviewError> {
    let bytes = std::fs::read(path).map_err(|source| ReviewError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(parse_log(&String::from_utf8_lossy(&bytes)))
}

/// [`read_log`] on text already read.
pub fn parse_log(text: &str) -> LogLines {
    let mut lines = LogLines::default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match serde_json::from_str::<QuestionRecord>(line) {
            Ok(record) => lines.records.push(record),
            Err(_) => lines.skipped += 1,
        }
    }
    lines
}

/// Why a question is in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Declined,
    ThumbsDown,
    LowMargin,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Declined => "declined",
            Kind::ThumbsDown => "👎",
            Kind::LowMargin => "low-margin",
        }
    }

    fn of(record: &QuestionRecord) -> Option<Kind> {
        match (record.outcome, record.verdict) {
            (LoggedOutcome::Declined, _) => Some(Kind::Declined),
            (LoggedOutcome::Answered, _) => Some(Kind::LowMargin),
            (LoggedOutcome::Feedback, Some(Verdict::Down)) => Some(Kind::ThumbsDown),
            (LoggedOutcome::Feedback, _) => None,
        }
    }
}

/// The logged questions nearest to one record.
#[derive(Debug, Default)]
pub struct Group {
    /// `(kind, question)`; `None` for a 👎 whose question was not remembered.
    pub questions: Vec<(Kind, Option<String>)>,
    /// 👍 presses on this record.
    pub thumbs_up: usize,
}

impl Group {
    pub fn count(&self, kind: Kind) -> usize {
        self.questions.iter().filter(|(k, _)| *k == kind).count()
    }
}

/// The whole report.
#[derive(Debug, Default)]
pub struct Review {
    /// By record id.
    pub groups: BTreeMap<String, Group>,
    /// Questions with no candidate at all.
    pub unmatched: Vec<(Kind, String)>,
    pub records: usize,
    pub skipped: usize,
}

/// Groups `lines` by the record each question is nearest to now.
pub fn review(engine: &Engine, lines: &LogLines) -> Review {
    let mut report = Review {
        records: lines.records.len(),
        skipped: lines.skipped,
        ..Review::default()
    };
    for record in &lines.records {
        let question = record
            .question
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty());
        let nearest = match question {
            Some(question) => engine
                .rank(question)
                .first()
                .filter(|r| r.score.value() >= CANDIDATE_FLOOR)
                .map(|r| engine.record(r.record).id.clone()),
            // Only feedback lacks a question; the entry it judged is the one to look at.
            None => record.entry.clone(),
        };
        let kind = Kind::of(record);
        let Some(id) = nearest else {
            if let (Some(kind), Some(question)) = (kind, question) {
                report.unmatched.push((kind, question.to_owned()));
            }
            continue;
        };
        let group = report.groups.entry(id).or_default();
        match kind {
            Some(kind) => group.questions.push((kind, question.map(str::to_owned))),
            None if record.verdict == Some(Verdict::Up) => group.thumbs_up += 1,
            None => {}
        }
    }
    report.groups.retain(|_, g| !g.questions.is_empty());
    report
}

impl Review {
    /// The report as text: a summary line, one block per group (most questions first), then
    /// the questions without a candidate. Snippets are fenced as ```toml.
    pub fn render(&self, engine: &Engine) -> String {
        let mut out = format!(
            "{} log lines read, {} skipped (not question-log lines); {} groups, {} questions without a candidate.\n",
            self.records,
            self.skipped,
            self.groups.len(),
            self.unmatched.len()
        );
        let mut groups: Vec<(&String, &Group)> = self.groups.iter().collect();
        groups.sort_by_key(|(id, g)| (std::cmp::Reverse(g.questions.len()), id.as_str()));
        for (id, group) in groups {
            out.push('\n');
            out.push_str(&render_group(engine, id, group));
        }
        if !self.unmatched.is_empty() {
            let _ = writeln!(out, "\n== No candidate at all ({})", self.unmatched.len());
            for (kind, question) in &self.unmatched {
                let _ = writeln!(out, "  {:<10}  {question}", kind.label());
            }
        }
        out
    }
}

fn render_group(engine: &Engine, id: &str, group: &Group) -> String {
    let counts: Vec<String> = [Kind::Declined, Kind::ThumbsDown, Kind::LowMargin]
        .into_iter()
        .map(|k| (k, group.count(k)))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{n} {}", k.label()))
        .chain((group.thumbs_up > 0).then(|| format!("{} 👍", group.thumbs_up)))
        .collect();
    let mut out = format!(
        "== {id} ({}): {}\n",
        location(engine, id).unwrap_or_else(|| "no longer in the knowledge base".to_owned()),
        counts.join(", ")
    );
    for (kind, question) in &group.questions {
        let question = question.as_deref().unwrap_or("(question not remembered)");
        let _ = writeln!(out, "  {:<10}  {question}", kind.label());
    }
    if let Some(snippet) = toml_snippet(engine, id, group) {
        let _ = write!(out, "```toml\n{snippet}```\n");
    }
    out
}

/// Where the record lives in knowledge/.
fn location(engine: &Engine, id: &str) -> Option<String> {
    let record = engine.record(engine.find(id)?);
    let kb = engine.knowledge();
    Some(match record.kind {
        RecordKind::Entry(_) => match kb.entry_files.get(id) {
            Some(path) if path.is_absolute() => path.display().to_string(),
            Some(path) => format!("knowledge/{}", path.display()),
            None => "knowledge/qa".to_owned(),
        },
        RecordKind::Article(_) => "knowledge/articles.toml".to_owned(),
    })
}

/// A TOML snippet adding the group's declined and low-margin questions to the record's
/// phrasings (Russian ones under `ru`), or `None` when there are none. Each string is written
/// by the `toml` crate, so quotes, backslashes and newlines are escaped.
pub fn toml_snippet(engine: &Engine, id: &str, group: &Group) -> Option<String> {
    let mut seen: Vec<String> = Vec::new();
    let (mut en, mut ru) = (Vec::new(), Vec::new());
    for (_, question) in group
        .questions
        .iter()
        .filter(|(k, _)| *k != Kind::ThumbsDown)
    {
        let Some(question) = question else { continue };
        let key = question.to_lowercase();
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        match Lang::detect(question) {
            Lang::Ru => ru.push(question.as_str()),
            Lang::En => en.push(question.as_str()),
        }
    }
    if en.is_empty() && ru.is_empty() {
        return None;
    }
    let list = |questions: &[&str]| {
        let items: String = questions
            .iter()
            .map(|q| format!("  {},\n", toml::Value::String((*q).to_owned())))
            .collect();
        format!("questions = [\n{items}]\n")
    };
    let article = engine
        .find(id)
        .map(|r| engine.record(r).kind)
        .and_then(|kind| match kind {
            RecordKind::Article(i) => Some(engine.knowledge().articles[i].number),
            RecordKind::Entry(_) => None,
        });
    let (table, key) = match article {
        Some(number) => ("article", format!("number = {number}")),
        None => (
            "entry",
            format!("id = {}", toml::Value::String(id.to_owned())),
        ),
    };
    let mut out = format!(
        "# Candidate phrasings for {table} {id}: merge into its questions after checking each.\n[[{table}]]\n{key}\n"
    );
    if !en.is_empty() {
        out.push_str(&list(&en));
    }
    if !ru.is_empty() {
        let _ = write!(out, "[{table}.ru]\n{}", list(&ru));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_counted_and_skipped() {
        let text = "{\"time\":\"t\",\"chat_type\":\"private\",\"question\":\"q\"}\nnot json\n\n{\"x\":1}\n";
        let lines = parse_log(text);
        assert_eq!(lines.records.len(), 1);
        assert_eq!(lines.skipped, 2);
    }

    #[test]
    fn snippet_strings_are_escaped_for_toml() {
        let engine = Engine::new(crate::knowledge::KnowledgeBase::embedded().expect("kb"));
        let group = Group {
            questions: vec![
                (
                    Kind::Declined,
                    Some("Is the \"border\" \\ long?\nReally".to_owned()),
                ),
                (Kind::LowMargin, Some("Граница длинная?".to_owned())),
                (Kind::ThumbsDown, Some("left out".to_owned())),
            ],
            thumbs_up: 0,
        };
        let snippet = toml_snippet(&engine, "border-length", &group).expect("snippet");
        let value: toml::Value = toml::from_str(&snippet).expect("valid TOML");
        let entry = &value["entry"][0];
        assert_eq!(entry["id"].as_str(), Some("border-length"));
        assert_eq!(
            entry["questions"][0].as_str(),
            Some("Is the \"border\" \\ long?\nReally")
        );
        assert_eq!(
            entry["ru"]["questions"][0].as_str(),
            Some("Граница длинная?")
        );
        assert!(!snippet.contains("left out"));
    }
}
