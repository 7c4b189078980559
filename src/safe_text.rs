//! Text on its way out: to a terminal, a spreadsheet, a Markdown file or a script.
//! Documents, notes, reviewer names and file names may hold escape sequences or
//! bidirectional overrides (they arrive through files and `git pull`); none of them may
//! reach the screen as anything but visible text. Every output of the workbench and the
//! command line goes through here.

use std::io;

use crate::corpus::markup;

/// Whether `c` may act on a terminal or reorder what it shows rather than print: control
/// characters (C0, DEL, C1) and the bidirectional marks, embeddings, overrides and isolates.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Appends `c` to `out` so a terminal shows it and does nothing else: line breaks and tabs
/// become spaces, other control and bidi-override characters become `\u{…}` escapes.
pub fn push_safe(out: &mut String, c: char) {
    match c {
        '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
        c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

/// [`push_safe`] over a whole string: one line of visible text.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_safe(&mut out, c);
    }
    out
}

/// A quote from a document as people read it (the checklist, exports made for people,
/// citations, listings), as the reader shows it: its markup ([`markup::hidden`]: emphasis
/// marks, link targets, URLs, comments, escapes' backslashes) left out, [`sanitize`]d, each
/// run of white space (a hard-wrapped file's line breaks and indentation, double spaces)
/// one space, none at either end. JSON keeps the exact bytes of the span; this is only for
/// what is read.
pub fn quote(s: &str) -> String {
    let mut shown = String::with_capacity(s.len());
    let mut at = 0;
    for h in markup::hidden(s, 0) {
        shown.push_str(&s[at..h.range.start]);
        if h.as_space {
            shown.push(' ');
        }
        at = h.range.end;
    }
    shown.push_str(&s[at..]);
    let mut out = String::with_capacity(shown.len());
    for word in shown.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            push_safe(&mut out, c);
        }
    }
    out
}

/// The lines of `s` (a note), each [`sanitize`]d: any line break (`\n`, `\r\n`, `\r`,
/// U+2028, U+2029) ends a line, nothing else does.
pub fn safe_lines(s: &str) -> Vec<String> {
    s.replace("\r\n", "\n")
        .split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .map(sanitize)
        .collect()
}

/// JSON whose strings escape, as `\uXXXX`, what serde_json leaves raw: DEL, the C1 controls
/// and the bidi overrides are valid unescaped in JSON but act on a terminal that prints
/// it. The value is unchanged: a reader gets the same strings back.
struct SafeJson<F>(F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for SafeJson<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|(_, c)| is_unsafe(*c)) {
            self.0.write_string_fragment(writer, &rest[..at])?;
            // Every character `is_unsafe` names lies in the BMP: one `\uXXXX` each.
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        self.0.write_string_fragment(writer, rest)
    }

    // The formatter's layout (indentation, separators) is the wrapped one's.
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as JSON on one line, terminal-safe (see `SafeJson`).
pub fn write_json_line<W: io::Write, T: serde::Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> io::Result<()> {
    let mut ser =
        serde_json::Serializer::with_formatter(writer, SafeJson(serde_json::ser::CompactFormatter));
    value.serialize(&mut ser).map_err(io::Error::other)
}

/// `value` as indented JSON, terminal-safe (see `SafeJson`).
pub fn json_pretty<T: serde::Serialize + ?Sized>(value: &T) -> io::Result<String> {
    let mut out = Vec::new();
    let formatter = SafeJson(serde_json::ser::PrettyFormatter::new());
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    value.serialize(&mut ser).map_err(io::Error::other)?;
    String::from_utf8(out).map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_escapes_control_characters() {
        assert_eq!(
            sanitize("a\u{1b}[31mb\nc\u{202e}"),
            "a\\u{1b}[31mb c\\u{202e}"
        );
        assert_eq!(
            sanitize("\u{9b}2J\u{7f}\u{61c}"),
            "\\u{9b}2J\\u{7f}\\u{61c}"
        );
    }

    #[test]
    fn a_quote_reads_without_its_markup() {
        assert_eq!(
            quote(
                "**Funding.** The partners will [pay](https://x.org/a_b) €3\n    million <!-- x -->to IP\\_24."
            ),
            "Funding. The partners will pay €3 million to IP_24."
        );
    }

    #[test]
    fn a_quote_reads_as_one_line_of_single_spaces() {
        assert_eq!(
            quote("  We     carry\n    responsibility\u{a0} for\r\n\tit\u{1b}[2J.\n"),
            "We carry responsibility for it\\u{1b}[2J."
        );
    }

    #[test]
    fn safe_lines_split_at_every_line_break_and_escape_the_rest() {
        assert_eq!(
            safe_lines("a\r\nb\rc\u{2028}d\n\u{1b}]52;c;x\u{7}"),
            ["a", "b", "c", "d", "\\u{1b}]52;c;x\\u{7}"]
        );
    }

    #[test]
    fn json_escapes_what_serde_leaves_raw_and_reads_back_the_same() {
        let text = "a\u{7f}b\u{9b}c\u{202e}d\u{1b}e\u{2066}é€";
        let pretty = json_pretty(&serde_json::json!({ "t": text })).unwrap();
        assert!(
            pretty.chars().all(|c| !is_unsafe(c) || c == '\n'),
            "{pretty}"
        );
        assert!(
            pretty.contains("\\u007f") && pretty.contains("\\u009b"),
            "{pretty}"
        );
        let back: serde_json::Value = serde_json::from_str(&pretty).unwrap();
        assert_eq!(back["t"], text);
        // Plain serde_json leaves them raw: the reason for the formatter.
        let plain = serde_json::to_string(text).unwrap();
        assert!(plain.contains('\u{9b}'));
        let mut line = Vec::new();
        write_json_line(&mut line, text).unwrap();
        let line = String::from_utf8(line).unwrap();
        assert!(line.chars().all(|c| !is_unsafe(c)), "{line}");
        assert_eq!(serde_json::from_str::<String>(&line).unwrap(), text);
    }
}
