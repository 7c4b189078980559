//! Front matter: the YAML (`---` … `---`) or TOML (`+++` … `+++`) block that static-site
//! generators and scrapers put at the very start of a Markdown or text file.
//!
//! It is metadata, never prose. [`parse`] finds it and reads the three fields cordiale uses
//! (title, date, source), each with the byte span of its value's characters in the file, so
//! the reader can show them as a header and extraction can take the title and date of issue
//! from them while skipping the block. Only the subset of YAML and TOML that front matter
//! uses is read: top-level `key: value` / `key = value` lines with plain, quoted, folded and
//! block values. Anything else inside the block is skipped, never an error.

use std::ops::Range;

/// The front matter block at the start of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// Bytes of the whole block, from the opening fence to the end of the closing fence's line
    /// (its line break included): the prose starts at `range.end`.
    pub range: Range<usize>,
    /// Which syntax the block is written in.
    pub format: Format,
    /// `title`.
    pub title: Option<Field>,
    /// `date` (the date of issue as written, e.g. `2021-02-16` or `2021-02-16T10:00:00Z`).
    pub date: Option<Field>,
    /// `source_url`, else `source`, else `url`.
    pub source: Option<Field>,
}

/// Which syntax the block is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// YAML, between `---` fences.
    Yaml,
    /// TOML, between `+++` fences.
    Toml,
}

/// One value of the front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The value for display: quotes removed, escapes resolved, folded lines joined by a space.
    pub value: String,
    /// Bytes of the value's characters in the file: from its first character to its last
    /// (inside the quotes when quoted; across line breaks when folded).
    pub span: Range<usize>,
}

/// Finds the front matter at the start of `text` (after an optional byte-order mark).
///
/// `None` when the text does not open with a fence line, when the block is never closed, or
/// when its lines are not `key: value` (YAML) / `key = value` (TOML) lines — a Markdown
/// document that opens with a `---` rule is not front matter.
pub fn parse(text: &str) -> Option<FrontMatter> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    // Most documents have none: settled without reading their lines.
    if !(text[start..].starts_with("---") || text[start..].starts_with("+++")) {
        return None;
    }
    let lines = lines_from(text, start);
    let first = lines.first()?;
    let format = match first.content(text).trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => return None,
    };
    let body_end = lines[1..].iter().position(|l| {
        let c = l.content(text).trim_end();
        match format {
            Format::Yaml => c == "---" || c == "...",
            Format::Toml => c == "+++",
        }
    })? + 1;
    let body = &lines[1..body_end];
    let fields = match format {
        Format::Yaml => yaml_fields(text, body)?,
        Format::Toml => toml_fields(text, body)?,
    };
    let pick = |names: &[&str]| -> Option<Field> {
        names.iter().find_map(|n| {
            fields
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(n))
                .map(|(_, f)| f.clone())
        })
    };
    Some(FrontMatter {
        range: start..lines[body_end].end_with_break,
        format,
        title: pick(&["title"]),
        date: pick(&["date"]),
        source: pick(&["source_url", "source", "url"]),
    })
}

/// A line of the text: `start..end` without its line break, `end_with_break` after it.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    end_with_break: usize,
}

impl Line {
    fn content<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn lines_from(text: &str, from: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut pos = from;
    while pos < text.len() {
        let (end, next) = match text[pos..].find('\n') {
            Some(i) => (pos + i, pos + i + 1),
            None => (text.len(), text.len()),
        };
        let end = if end > pos && text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        lines.push(Line {
            start: pos,
            end,
            end_with_break: next,
        });
        pos = next;
    }
    lines
}

fn indent_of(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\t']).len()
}

fn is_key_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// Top-level `key: value` fields of a YAML block, or `None` when a top-level line is not one
/// (the block is then not front matter).
fn yaml_fields(text: &str, body: &[Line]) -> Option<Vec<(String, Field)>> {
    let mut fields = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let line = body[i].content(text);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || indent_of(line) > 0 {
            i += 1;
            continue;
        }
        if trimmed.starts_with("- ") || trimmed == "-" {
            // An item of the previous key's block list.
            i += 1;
            continue;
        }
        let colon = yaml_key_end(line)?;
        let key = line[..colon].trim().trim_matches(['"', '\'']).to_string();
        // The value's lines: this line after the colon, then the more-indented (or blank)
        // lines that follow.
        let mut j = i + 1;
        while j < body.len() {
            let l = body[j].content(text);
            if !l.trim().is_empty() && indent_of(l) == 0 {
                break;
            }
            j += 1;
        }
        let value_start = body[i].start + colon + 1;
        if let Some(field) = yaml_value(text, value_start, &body[i + 1..j]) {
            fields.push((key, field));
        }
        i = j;
    }
    Some(fields)
}

/// Byte index of the colon ending a `key:` at the start of `line`.
fn yaml_key_end(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let (key_len, rest) = match bytes.first() {
        Some(q @ (b'"' | b'\'')) => {
            let close = line[1..].find(*q as char)? + 1;
            (close + 1, &line[close + 1..])
        }
        _ => {
            let len = line
                .char_indices()
                .find(|&(_, c)| !(is_key_char(c) || c == ' '))
                .map_or(line.len(), |(i, _)| i);
            let key_part = &line[..len];
            let key_len = key_part.trim_end().len();
            if key_len == 0 {
                return None;
            }
            (key_len, &line[key_len..])
        }
    };
    let after = rest.trim_start_matches(' ');
    let colon = line.len() - after.len();
    let ok = after.starts_with(':') && matches!(after.as_bytes().get(1), None | Some(b' ' | b'\t'));
    (ok && key_len > 0).then_some(colon)
}

/// The value starting at byte `from` (just after the colon), continued on `more` lines.
fn yaml_value(text: &str, from: usize, more: &[Line]) -> Option<Field> {
    let first_line_end = text[from..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| from + i);
    let lead = indent_of(&text[from..first_line_end]);
    let start = from + lead;
    let end_all = more.last().map_or(first_line_end, |l| l.end);
    match text.as_bytes().get(start) {
        Some(b'\'') => quoted(text, start, end_all, b'\''),
        Some(b'"') => quoted(text, start, end_all, b'"'),
        Some(b'|' | b'>') => block_scalar(text, text.as_bytes()[start] == b'|', more),
        Some(b'[' | b'{' | b'&' | b'*' | b'!') => None,
        _ => {
            // A plain scalar: this line's rest and the continuation lines, each trimmed, joined
            // by a space; ` #` starts a comment.
            let mut pieces: Vec<Range<usize>> = Vec::new();
            let mut push = |s: usize, e: usize| {
                let seg = &text[s..e];
                let seg = match seg.find(" #") {
                    Some(i) => &seg[..i],
                    None => seg,
                };
                let lead = seg.len() - seg.trim_start().len();
                let t = seg.trim();
                if !t.is_empty() {
                    pieces.push(s + lead..s + lead + t.len());
                }
            };
            push(start.min(first_line_end), first_line_end);
            for l in more {
                push(l.start, l.end);
            }
            let span = pieces.first()?.start..pieces.last()?.end;
            let value = pieces
                .iter()
                .map(|r| &text[r.clone()])
                .collect::<Vec<_>>()
                .join(" ");
            Some(Field { value, span })
        }
    }
}

/// A quoted scalar opening at `open` (single: `''` is a quote; double: backslash escapes),
/// possibly folded over lines up to `limit`. Line breaks inside fold to a space.
fn quoted(text: &str, open: usize, limit: usize, q: u8) -> Option<Field> {
    let inner = open + 1;
    let mut value = String::new();
    let mut pending_space = false;
    let mut chars = text[inner..limit].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' | '\r' => {
                // Folding: trailing spaces before and indentation after a break become one space.
                let trimmed = value.trim_end_matches([' ', '\t']).len();
                value.truncate(trimmed);
                pending_space = true;
                while let Some(&(_, n)) = chars.peek() {
                    if matches!(n, ' ' | '\t' | '\n' | '\r') {
                        chars.next();
                    } else {
                        break;
                    }
                }
                continue;
            }
            _ if c as u32 == q as u32 => {
                if q == b'\'' && chars.peek().map(|&(_, n)| n) == Some('\'') {
                    chars.next();
                    flush_space(&mut value, &mut pending_space);
                    value.push('\'');
                    continue;
                }
                return Some(Field {
                    value,
                    span: inner..inner + i,
                });
            }
            '\\' if q == b'"' => {
                let (_, e) = chars.next()?;
                flush_space(&mut value, &mut pending_space);
                match e {
                    'n' => value.push('\n'),
                    't' => value.push('\t'),
                    'r' => value.push('\r'),
                    '0' => value.push('\0'),
                    ' ' => value.push(' '),
                    '_' => value.push('\u{a0}'),
                    'N' => value.push('\u{85}'),
                    'L' => value.push('\u{2028}'),
                    'P' => value.push('\u{2029}'),
                    'x' | 'u' | 'U' => {
                        let n = match e {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let mut code = 0u32;
                        for _ in 0..n {
                            let (_, h) = chars.next()?;
                            code = code * 16 + h.to_digit(16)?;
                        }
                        value.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                    }
                    '\n' | '\r' => {
                        // An escaped line break: joined without a space.
                        while let Some(&(_, n)) = chars.peek() {
                            if matches!(n, ' ' | '\t' | '\n' | '\r') {
                                chars.next();
                            } else {
                                break;
                            }
                        }
                    }
                    other => value.push(other),
                }
            }
            _ => {
                flush_space(&mut value, &mut pending_space);
                value.push(c);
            }
        }
    }
    None
}

fn flush_space(value: &mut String, pending: &mut bool) {
    if *pending {
        value.push(' ');
        *pending = false;
    }
}

/// A `|` (literal) or `>` (folded) block scalar on the `more` lines.
fn block_scalar(text: &str, literal: bool, more: &[Line]) -> Option<Field> {
    let content: Vec<&Line> = more
        .iter()
        .filter(|l| !l.content(text).trim().is_empty())
        .collect();
    let first = content.first()?;
    let last = content.last()?;
    let indent = indent_of(first.content(text));
    let joiner = if literal { "\n" } else { " " };
    let value = content
        .iter()
        .map(|l| {
            let c = l.content(text);
            c.get(indent.min(indent_of(c))..).unwrap_or(c).trim_end()
        })
        .collect::<Vec<_>>()
        .join(joiner);
    Some(Field {
        value,
        span: first.start + indent..last.start + last.content(text).trim_end().len(),
    })
}

/// Top-level `key = value` fields of a TOML block (before any `[table]`), or `None` when a
/// line is neither a field, a table header, a comment nor blank.
fn toml_fields(text: &str, body: &[Line]) -> Option<Vec<(String, Field)>> {
    let mut fields = Vec::new();
    let mut in_table = false;
    let mut i = 0;
    while i < body.len() {
        let line = body[i].content(text);
        let trimmed = line.trim();
        i += 1;
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if trimmed.starts_with('[') {
            in_table = true;
            continue;
        }
        let eq = line.find('=')?;
        let key = line[..eq].trim().trim_matches(['"', '\'']);
        if key.is_empty() || !key.chars().all(|c| is_key_char(c) || c == ' ') {
            // A continuation of a multi-line array or string seen as a line of its own.
            if in_table {
                continue;
            }
            return None;
        }
        let after = &line[eq + 1..];
        let start = body[i - 1].start + eq + 1 + indent_of(after);
        let limit = body.last().map_or(text.len(), |l| l.end);
        let field = toml_value(text, start, limit);
        if let Some((field, end)) = field {
            // Skip the lines a multi-line string covered.
            while i < body.len() && body[i].start < end {
                i += 1;
            }
            if !in_table {
                fields.push((key.to_string(), field));
            }
        }
    }
    Some(fields)
}

/// A TOML value at `start`, with the byte where it ends.
fn toml_value(text: &str, start: usize, limit: usize) -> Option<(Field, usize)> {
    let rest = &text[start..limit];
    if let Some(body) = rest.strip_prefix("\"\"\"").or(rest.strip_prefix("'''")) {
        let delim = &rest[..3];
        let close = body.find(delim)?;
        let mut s = start + 3;
        // A line break right after the opening delimiter is trimmed.
        if text[s..].starts_with("\r\n") {
            s += 2;
        } else if text[s..].starts_with('\n') {
            s += 1;
        }
        let e = start + 3 + close;
        let raw = &text[s..e];
        let value = if delim == "\"\"\"" {
            toml_unescape(raw, true)
        } else {
            raw.to_string()
        };
        return Some((Field { value, span: s..e }, e + 3));
    }
    let line_end = rest.find(['\n', '\r']).map_or(limit, |i| start + i);
    match rest.as_bytes().first()? {
        b'"' => {
            let body = &text[start + 1..line_end];
            let mut escaped = false;
            let close = body.char_indices().find_map(|(i, c)| {
                let hit = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                hit.then_some(i)
            })?;
            let span = start + 1..start + 1 + close;
            let value = toml_unescape(&text[span.clone()], false);
            Some((Field { value, span }, line_end))
        }
        b'\'' => {
            let close = text[start + 1..line_end].find('\'')?;
            let span = start + 1..start + 1 + close;
            Some((
                Field {
                    value: text[span.clone()].to_string(),
                    span,
                },
                line_end,
            ))
        }
        b'[' | b'{' => None,
        _ => {
            // A bare value: a date, number or boolean, up to a comment.
            let raw = &text[start..line_end];
            let raw = raw.split(" #").next().unwrap_or(raw).trim_end();
            (!raw.is_empty()).then(|| {
                (
                    Field {
                        value: raw.to_string(),
                        span: start..start + raw.len(),
                    },
                    line_end,
                )
            })
        }
    }
}

fn toml_unescape(raw: &str, multiline: bool) -> String {
    let mut out = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some(e @ ('u' | 'U')) => {
                let n = if e == 'u' { 4 } else { 8 };
                let hex: String = chars.by_ref().take(n).collect();
                let ch = u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}');
                out.push(ch);
            }
            Some(ws) if multiline && ws.is_whitespace() => {
                // A line-ending backslash joins the lines, trimming the whitespace.
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'a>(text: &'a str, f: &Field) -> &'a str {
        &text[f.span.clone()]
    }

    #[test]
    fn yaml_plain_and_quoted_values() {
        let text = "---\nlayout: post\ndate: '2020-03-04'\ntitle: A plain title # comment\nsource_url: https://example.org/a/b\n---\nBody starts here.\n";
        let fm = parse(text).unwrap();
        assert_eq!(fm.format, Format::Yaml);
        assert_eq!(&text[fm.range.end..], "Body starts here.\n");
        let date = fm.date.unwrap();
        assert_eq!(date.value, "2020-03-04");
        assert_eq!(at(text, &date), "2020-03-04");
        let title = fm.title.unwrap();
        assert_eq!(title.value, "A plain title");
        assert_eq!(at(text, &title), "A plain title");
        assert_eq!(fm.source.unwrap().value, "https://example.org/a/b");
    }

    #[test]
    fn yaml_single_quotes_double_their_quote() {
        let text = "---\ntitle: 'The Minister''s statement'\n---\n";
        let title = parse(text).unwrap().title.unwrap();
        assert_eq!(title.value, "The Minister's statement");
        assert_eq!(at(text, &title), "The Minister''s statement");
    }

    #[test]
    fn yaml_double_quotes_resolve_backslash_escapes() {
        let text =
            "---\ntitle: \"Say \\\"yes\\\" \\u00e9t\\xe9\\tnow\"\ndate: \"2019-06-01\"\n---\n";
        let fm = parse(text).unwrap();
        let title = fm.title.unwrap();
        assert_eq!(title.value, "Say \"yes\" été\tnow");
        assert_eq!(at(text, &title), "Say \\\"yes\\\" \\u00e9t\\xe9\\tnow");
        assert_eq!(at(text, &fm.date.unwrap()), "2019-06-01");
    }

    #[test]
    fn yaml_values_folded_over_lines() {
        let text = "---\ntags: news\ntitle: A long heading that the scraper\n  folded over two lines\ndate: 2018-10-02\n---\n\nText.\n";
        let fm = parse(text).unwrap();
        let title = fm.title.unwrap();
        assert_eq!(
            title.value,
            "A long heading that the scraper folded over two lines"
        );
        assert_eq!(
            at(text, &title),
            "A long heading that the scraper\n  folded over two lines"
        );
        assert_eq!(fm.date.unwrap().value, "2018-10-02");

        let quoted = "---\ntitle: 'Quoted and\n   folded'\n---\n";
        let title = parse(quoted).unwrap().title.unwrap();
        assert_eq!(title.value, "Quoted and folded");
        assert_eq!(at(quoted, &title), "Quoted and\n   folded");

        let block = "---\ntitle: >\n  Folded block\n  scalar\n---\n";
        let title = parse(block).unwrap().title.unwrap();
        assert_eq!(title.value, "Folded block scalar");
        assert_eq!(at(block, &title), "Folded block\n  scalar");
    }

    #[test]
    fn yaml_with_lists_crlf_and_byte_order_mark() {
        let text = "\u{feff}---\r\ntags:\r\n  - a\r\n- b\r\ntitle: Windows file\r\n...\r\nBody\r\n";
        let fm = parse(text).unwrap();
        assert_eq!(fm.title.unwrap().value, "Windows file");
        assert_eq!(fm.range.start, 3);
        assert_eq!(&text[fm.range.end..], "Body\r\n");
    }

    #[test]
    fn toml_front_matter() {
        let text = "+++\ntitle = \"A \\\"TOML\\\" page\"\ndate = 2022-11-30T09:00:00Z # issued\nsource = 'https://example.org/x'\n[params]\ntitle = \"not this one\"\n+++\nBody\n";
        let fm = parse(text).unwrap();
        assert_eq!(fm.format, Format::Toml);
        let title = fm.title.unwrap();
        assert_eq!(title.value, "A \"TOML\" page");
        assert_eq!(at(text, &title), "A \\\"TOML\\\" page");
        let date = fm.date.unwrap();
        assert_eq!(at(text, &date), "2022-11-30T09:00:00Z");
        assert_eq!(fm.source.unwrap().value, "https://example.org/x");
        assert_eq!(&text[fm.range.end..], "Body\n");

        let multi = "+++\ntitle = \"\"\"\nTwo-line\ntitle\"\"\"\n+++\n";
        let title = parse(multi).unwrap().title.unwrap();
        assert_eq!(title.value, "Two-line\ntitle");
        assert_eq!(at(multi, &title), "Two-line\ntitle");
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(parse(""), None);
        assert_eq!(parse("# Heading\n\ntitle: not metadata\n"), None);
        // Never closed.
        assert_eq!(parse("---\ntitle: open\n\nBody text.\n"), None);
        // Opens with a rule around prose: not front matter.
        assert_eq!(parse("---\nThe Council met on 3 May.\n---\n"), None);
        // Fences must be alone on their line.
        assert_eq!(parse("--- title: x\n---\n"), None);
    }

    #[test]
    fn a_rule_later_in_the_document_is_not_front_matter() {
        let text = "Intro paragraph.\n\n---\ntitle: x\n---\n";
        assert_eq!(parse(text), None);
        let with = "---\ntitle: Real\n---\nText\n\n---\n\ndate: 2020-01-01\n---\n";
        let fm = parse(with).unwrap();
        assert_eq!(fm.title.unwrap().value, "Real");
        assert_eq!(fm.date, None);
        assert_eq!(fm.range, 0..20);
    }
}
