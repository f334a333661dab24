//! Citations: where each one stands, that it names a known source and is short, and (for
//! `check --sources`) that its quote occurs verbatim in the source document.

use super::super::schema::*;
use super::super::{KnowledgeBase, KnowledgeError, Problem, MAX_QUOTE_WORDS};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A citation and where it stands, for the checks that look at all citations.
pub(super) struct CitationSite<'a> {
    path: &'a Path,
    record_id: String,
    citation: &'a Citation,
}

pub(super) fn citation_sites<'a>(
    entry_files: &'a [(PathBuf, EntriesFile)],
    agreements_path: &'a Path,
    agreements: &'a [Agreement],
    articles_path: &'a Path,
    articles: &'a [Article],
    timeline_path: &'a Path,
    events: &'a [Event],
) -> Vec<CitationSite<'a>> {
    let mut sites = Vec::new();
    for (path, file) in entry_files {
        for entry in &file.entries {
            for citation in &entry.citations {
                sites.push(CitationSite {
                    path,
                    record_id: entry.id.clone(),
                    citation,
                });
            }
        }
    }
    for agreement in agreements {
        for citation in &agreement.citations {
            sites.push(CitationSite {
                path: agreements_path,
                record_id: agreement.id.clone(),
                citation,
            });
        }
    }
    for article in articles {
        for citation in &article.citations {
            sites.push(CitationSite {
                path: articles_path,
                record_id: format!("article-{}", article.number),
                citation,
            });
        }
    }
    for event in events {
        for citation in &event.citations {
            sites.push(CitationSite {
                path: timeline_path,
                record_id: format!("event {}", event.date),
                citation,
            });
        }
    }
    sites
}

pub(super) fn check_citations(
    problems: &mut Vec<Problem>,
    sites: &[CitationSite<'_>],
    known_sources: &HashSet<&str>,
) {
    for site in sites {
        let id = Some(site.record_id.as_str());
        if !known_sources.contains(site.citation.source.as_str()) {
            problems.push(Problem::new(
                site.path,
                id,
                format!("cites unknown source `{}`", site.citation.source),
            ));
        }
        let words = site.citation.quote.split_whitespace().count();
        if words == 0 {
            problems.push(Problem::new(site.path, id, "empty quote"));
        } else if words > MAX_QUOTE_WORDS {
            problems.push(Problem::new(
                site.path,
                id,
                format!("quote has {words} words; the limit is {MAX_QUOTE_WORDS}"),
            ));
        }
    }
}

/// Folds the differences a quote may have from its source: whitespace runs and quote-mark style.
pub(crate) fn fold_for_quote_check(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars() {
        let c = match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{02BB}' | '\u{02BC}' | '\u{2032}' | '`' => {
                '\''
            }
            c => c,
        };
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    out.trim_end().to_owned()
}

pub(in crate::knowledge) fn verify_quotes(
    kb: &KnowledgeBase,
    seeds_dir: &Path,
) -> Result<(), KnowledgeError> {
    let mut problems = Vec::new();
    let mut texts: HashMap<&str, String> = HashMap::new();
    for source in &kb.sources {
        let Some(file) = &source.seed_file else {
            problems.push(Problem::new(
                "sources.toml",
                Some(&source.id),
                "no seed_file: cannot verify its quotes",
            ));
            continue;
        };
        let path = seeds_dir.join(file);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                texts.insert(source.id.as_str(), fold_for_quote_check(&text));
            }
            Err(err) => problems.push(Problem::new(
                "sources.toml",
                Some(&source.id),
                format!("cannot read {}: {err}", path.display()),
            )),
        }
    }
    let mut check = |path: &Path, id: &str, citation: &Citation| {
        if let Some(text) = texts.get(citation.source.as_str()) {
            if !text.contains(&fold_for_quote_check(&citation.quote)) {
                problems.push(Problem::new(
                    path,
                    Some(id),
                    format!(
                        "quote not found verbatim in source `{}`: \"{}\"",
                        citation.source, citation.quote
                    ),
                ));
            }
        }
    };
    for entry in &kb.entries {
        let path = kb.entry_files.get(&entry.id).cloned().unwrap_or_default();
        for citation in &entry.citations {
            check(&path, &entry.id, citation);
        }
    }
    for agreement in &kb.agreements {
        for citation in &agreement.citations {
            check(Path::new("agreements.toml"), &agreement.id, citation);
        }
    }
    for article in &kb.articles {
        for citation in &article.citations {
            check(
                Path::new("articles.toml"),
                &format!("article-{}", article.number),
                citation,
            );
        }
    }
    for event in &kb.events {
        for citation in &event.citations {
            check(
                Path::new("timeline.toml"),
                &format!("event {}", event.date),
                citation,
            );
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        problems.sort();
        Err(KnowledgeError::Invalid(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_folding_ignores_whitespace_and_quote_style() {
        assert_eq!(
            fold_for_quote_check("“Allied  relations”\n are"),
            "\"Allied relations\" are"
        );
        assert_eq!(fold_for_quote_check("Oʻzbekiston’s"), "O'zbekiston's");
    }
}
