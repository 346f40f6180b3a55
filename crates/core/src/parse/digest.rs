//! The "digest" format: a table of contents (`- DATE TITLE` lines), then each
//! article introduced by a line equal to its TOC entry.

use super::{Article, Corpus, Date, Diagnostic, Parsed, Severity};

/// Parses a digest-format corpus. Never panics; problems become diagnostics.
pub fn parse_digest(src: &str) -> Parsed {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let lines: Vec<&str> = src.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut diagnostics = Vec::new();

    let mut toc = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(entry) = lines[i].strip_prefix("- ") else {
            break;
        };
        match split_header(entry) {
            Some((date, title)) => toc.push((date, title.to_string(), i + 1)),
            None => break,
        }
        i += 1;
    }

    let mut articles: Vec<Article> = Vec::new();
    let mut remaining = toc.clone();
    for (n, line) in lines.iter().enumerate().skip(i) {
        let header = split_header(line).and_then(|(date, title)| {
            remaining
                .iter()
                .position(|(d, t, _)| *d == date && t == title)
                .map(|pos| remaining.remove(pos))
        });
        match header {
            Some((date, title, _)) => articles.push(Article {
                id: String::new(),
                date,
                title,
                body: String::new(),
                line: n + 1,
            }),
            None => match articles.last_mut() {
                Some(article) => {
                    article.body.push_str(line);
                    article.body.push('\n');
                }
                None if !line.trim().is_empty() => diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    line: n + 1,
                    message: "text before the first article is ignored".into(),
                }),
                None => {}
            },
        }
    }
    for (_, title, line) in remaining {
        diagnostics.push(Diagnostic {
            severity: Severity::Error,
            line,
            message: format!("table-of-contents entry has no article: {title}"),
        });
    }
    for article in &mut articles {
        article.body = article.body.trim().to_string();
        article.id = format!("{}-{}", article.date, article.line);
    }
    Parsed {
        corpus: Corpus { articles },
        diagnostics,
    }
}

/// `2025年11月07日 Title` → (date, title).
fn split_header(line: &str) -> Option<(Date, &str)> {
    let (year, rest) = line.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, title) = rest.split_once('日')?;
    let title = title.strip_prefix(' ')?.trim();
    let date = Date {
        year: year.parse().ok()?,
        month: month.parse().ok()?,
        day: day.parse().ok()?,
    };
    (!title.is_empty()).then_some((date, title))
}
