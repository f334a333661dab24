//! Errors of the knowledge layer: every problem names the file, the entry id (when there is
//! one) and what is wrong, so that an author can fix it without reading code.

use std::fmt;
use std::path::PathBuf;

/// One problem found while loading or validating the knowledge base.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, relative to the knowledge directory.
    pub path: PathBuf,
    /// The id of the record concerned, when the problem belongs to one.
    pub entry_id: Option<String>,
    /// What is wrong, in words an author understands.
    pub message: String,
}

impl Problem {
    pub fn new(
        path: impl Into<PathBuf>,
        entry_id: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.into(),
            entry_id: entry_id.map(str::to_owned),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(id) = &self.entry_id {
            write!(f, ": entry `{id}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why the knowledge base could not be used.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    /// The directory or a file in it could not be read.
    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The files were read, but they contain problems (all of them are listed).
    #[error("the knowledge base has {} problem(s):\n{}", .0.len(), ProblemList(.0))]
    Invalid(Vec<Problem>),
}

struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "  - {problem}")?;
        }
        Ok(())
    }
}
