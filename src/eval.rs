//! Scoring a question file in the format of `../shared/eval/dev.jsonl`: each line a question,
//! its kind and language, and regexes the answer text must all match; `oos` questions must be
//! declined. The report gives accuracy per kind and per language and lists the failures.

use crate::answer::Reply;
use crate::matching::Engine;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The kind of question that must be declined.
pub const OUT_OF_SCOPE: &str = "oos";

/// One line of a question file.
#[derive(Debug, Clone, Deserialize)]
pub struct EvalQuestion {
    pub id: String,
    pub q: String,
    pub lang: String,
    pub kind: String,
    #[serde(default)]
    pub expect: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: not a question object")]
    Json {
        path: PathBuf,
        line: usize,
        source: serde_json::Error,
    },
    #[error("{path}: question {id}: bad regex `{pattern}`: {message}")]
    Regex {
        path: PathBuf,
        id: String,
        pattern: String,
        message: String,
    },
    #[error("{path}: no questions in the file")]
    Empty { path: PathBuf },
}

/// The outcome for one question.
#[derive(Debug, Clone)]
pub struct EvalResult {
    pub question: EvalQuestion,
    pub answered: bool,
    pub correct: bool,
    /// Patterns the answer did not match (in-scope questions only).
    pub missed: Vec<String>,
    pub text: String,
    pub record_id: Option<String>,
    pub score: f32,
}

/// All results, with summaries.
#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    pub results: Vec<EvalResult>,
}

/// Correct and total for some group of questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub correct: usize,
    pub total: usize,
}

impl Tally {
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

/// Reads a question file; every regex is compiled up front so a bad one is reported at once.
pub fn load(path: &Path) -> Result<Vec<EvalQuestion>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_owned(),
        source,
    })?;
    let mut questions = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let question: EvalQuestion =
            serde_json::from_str(line).map_err(|source| EvalError::Json {
                path: path.to_owned(),
                line: i + 1,
                source,
            })?;
        for pattern in &question.expect {
            compile(pattern).map_err(|message| EvalError::Regex {
                path: path.to_owned(),
                id: question.id.clone(),
                pattern: pattern.clone(),
                message,
            })?;
        }
        questions.push(question);
    }
    if questions.is_empty() {
        return Err(EvalError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(questions)
}

fn compile(pattern: &str) -> Result<fancy_regex::Regex, String> {
    fancy_regex::Regex::new(&format!("(?i){pattern}")).map_err(|e| e.to_string())
}

/// Asks every question and scores the answers.
pub fn run(engine: &Engine, questions: &[EvalQuestion]) -> EvalReport {
    let results = questions
        .iter()
        .map(|question| {
            let outcome = engine.ask(&question.q);
            let reply = Reply::to_question(engine, &outcome, &question.q);
            let text = reply.plain_text();
            let missed: Vec<String> = question
                .expect
                .iter()
                .filter(|p| {
                    !compile(p)
                        .map(|re| re.is_match(&text).unwrap_or(false))
                        .unwrap_or(false)
                })
                .cloned()
                .collect();
            let correct = if question.kind == OUT_OF_SCOPE {
                !reply.answered
            } else {
                reply.answered && missed.is_empty()
            };
            EvalResult {
                question: question.clone(),
                answered: reply.answered,
                correct,
                missed,
                text,
                record_id: reply.record_id,
                score: reply.score,
            }
        })
        .collect();
    EvalReport { results }
}

impl EvalReport {
    /// Tally of the questions for which `filter` holds.
    pub fn tally(&self, filter: impl Fn(&EvalQuestion) -> bool) -> Tally {
        let mut tally = Tally::default();
        for r in self.results.iter().filter(|r| filter(&r.question)) {
            tally.total += 1;
            tally.correct += usize::from(r.correct);
        }
        tally
    }

    /// In-scope questions of one language answered correctly.
    pub fn in_scope(&self, lang: &str) -> Tally {
        self.tally(|q| q.kind != OUT_OF_SCOPE && q.lang == lang)
    }

    /// Out-of-scope questions declined (all languages).
    pub fn out_of_scope(&self) -> Tally {
        self.tally(|q| q.kind == OUT_OF_SCOPE)
    }

    /// The printed report: per kind, per language, then the failures.
    pub fn summary(&self, verbose: bool) -> String {
        let mut out = String::new();
        self.write_tallies(&mut out);
        self.write_failures(&mut out, verbose);
        let total = self.tally(|_| true);
        let _ = writeln!(
            out,
            "total: {}/{} correct ({:.1}%)",
            total.correct,
            total.total,
            total.rate() * 100.0
        );
        let en = self.in_scope("en");
        let oos = self.out_of_scope();
        let _ = write!(
            out,
            "English in-scope: {:.1}% ({}/{}); out-of-scope declined: {:.1}% ({}/{})",
            en.rate() * 100.0,
            en.correct,
            en.total,
            oos.rate() * 100.0,
            oos.correct,
            oos.total
        );
        out
    }

    /// Accuracy per kind and per language (in scope and out of scope apart).
    fn write_tallies(&self, out: &mut String) {
        let mut by_kind: BTreeMap<&str, Tally> = BTreeMap::new();
        let mut by_lang: BTreeMap<(&str, bool), Tally> = BTreeMap::new();
        for r in &self.results {
            let kind = by_kind.entry(r.question.kind.as_str()).or_default();
            kind.total += 1;
            kind.correct += usize::from(r.correct);
            let lang = by_lang
                .entry((r.question.lang.as_str(), r.question.kind == OUT_OF_SCOPE))
                .or_default();
            lang.total += 1;
            lang.correct += usize::from(r.correct);
        }
        let _ = writeln!(out, "by kind:");
        for (kind, t) in &by_kind {
            let what = if *kind == OUT_OF_SCOPE {
                "declined"
            } else {
                "correct"
            };
            let _ = writeln!(
                out,
                "  {kind:<11} {:>3}/{:<3} {what} ({:.1}%)",
                t.correct,
                t.total,
                t.rate() * 100.0
            );
        }
        let _ = writeln!(out, "by language:");
        for ((lang, oos), t) in &by_lang {
            let what = if *oos {
                "out-of-scope declined"
            } else {
                "in-scope correct"
            };
            let _ = writeln!(
                out,
                "  {lang:<3} {what:<22} {:>3}/{:<3} ({:.1}%)",
                t.correct,
                t.total,
                t.rate() * 100.0
            );
        }
    }

    /// The failed questions with what went wrong (and, verbose, the start of the reply).
    fn write_failures(&self, out: &mut String, verbose: bool) {
        let failed: Vec<&EvalResult> = self.results.iter().filter(|r| !r.correct).collect();
        if failed.is_empty() {
            return;
        }
        let _ = writeln!(out, "failed ({}):", failed.len());
        for r in &failed {
            let why = if r.question.kind == OUT_OF_SCOPE {
                format!(
                    "answered with {} (score {:.2})",
                    r.record_id.as_deref().unwrap_or("-"),
                    r.score
                )
            } else if !r.answered {
                format!("declined (best score {:.2})", r.score)
            } else {
                format!(
                    "{} (score {:.2}) missed {}",
                    r.record_id.as_deref().unwrap_or("-"),
                    r.score,
                    r.missed.join(" | ")
                )
            };
            let _ = writeln!(
                out,
                "  {} [{} {}] {} -> {why}",
                r.question.id, r.question.kind, r.question.lang, r.question.q
            );
            if verbose {
                for line in r.text.lines().take(6) {
                    let _ = writeln!(out, "      {line}");
                }
            }
        }
    }
}
