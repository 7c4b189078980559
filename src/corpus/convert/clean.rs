//! Clean-up shared by the HTML and DOCX converters: the characters a unit of converted text
//! may hold, and what metadata is worth reporting.
//!
//! Every converter must hand the splitter the same kind of text whatever the format, so
//! the character rules live here once: typographic ligatures expanded, no-break and thin
//! spaces read as spaces, soft hyphens and zero-width spaces gone, runs of white space one
//! space. Never full NFKC: it would also turn "½" into "1⁄2" and "m²" into "m2", which
//! figures rely on.

/// Separator between the cells of a table row, in every format. A row is one paragraph,
/// so its cells stay on one line; " | " survives white-space collapsing and reads as a
/// column break, where a tab would be indistinguishable from a space once collapsed, and
/// cordiale's splitter neither ends a sentence nor starts a line at it.
pub const CELL_SEPARATOR: &str = " | ";

/// What converted text holds for one character of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clean {
    /// The character itself.
    Keep,
    /// A space: any white space (no-break, thin, ideographic, line separators).
    Space,
    /// Nothing: soft hyphens, zero-width spaces, word joiners, BOMs and control codes are
    /// invisible and would split a word for search. ZWJ/ZWNJ stay: they shape scripts and
    /// emoji.
    Drop,
    /// A typographic ligature spelled out.
    Spelled(&'static str),
}

/// The one rule for a source character, shared by every converter.
pub fn classify(c: char) -> Clean {
    match c {
        '\u{FB00}' => Clean::Spelled("ff"),
        '\u{FB01}' => Clean::Spelled("fi"),
        '\u{FB02}' => Clean::Spelled("fl"),
        '\u{FB03}' => Clean::Spelled("ffi"),
        '\u{FB04}' => Clean::Spelled("ffl"),
        '\u{FB05}' | '\u{FB06}' => Clean::Spelled("st"),
        '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => Clean::Drop,
        c if c.is_whitespace() => Clean::Space,
        c if c.is_control() => Clean::Drop,
        _ => Clean::Keep,
    }
}

/// One unit's text from raw inline text: characters cleaned, white space collapsed, trimmed.
pub fn inline_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        let spelled = match classify(c) {
            Clean::Space => {
                space = true;
                continue;
            }
            Clean::Drop => continue,
            Clean::Keep => None,
            Clean::Spelled(s) => Some(s),
        };
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match spelled {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
    out
}

/// File extensions that show a "title" is only the file's name ("draft3.docx").
const FILE_EXTENSIONS: &[&str] = &[
    "doc", "docx", "dot", "dotx", "pdf", "rtf", "odt", "txt", "htm", "html", "xls", "xlsx", "ppt",
    "pptx", "indd", "tex",
];

/// Titles that authoring tools write when the author wrote none.
const PLACEHOLDER_TITLES: &[&str] = &[
    "untitled",
    "untitled document",
    "no title",
    "title",
    "document",
    "new document",
    "doc",
    "draft",
    "presentation",
    "page not found",
];

/// Prefixes that PDF printers and converters put before a file name.
const TOOL_PREFIXES: &[&str] = &[
    "microsoft word - ",
    "microsoft powerpoint - ",
    "microsoft excel - ",
];

/// A metadata title, cleaned, or `None` when it is junk: empty, only punctuation, a
/// placeholder ("Untitled", "Document1"), a tool's label ("Microsoft Word - …") or a file
/// name ("draft3.docx").
pub fn clean_title(raw: &str) -> Option<String> {
    // Replacement characters or control codes: bytes that did not decode (a PDF's title
    // in an encoding it does not declare, an encrypted one), never the author's words.
    if raw
        .chars()
        .any(|c| c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace()))
    {
        return None;
    }
    let title = inline_text(raw);
    if !title.chars().any(char::is_alphanumeric) {
        return None;
    }
    let lower = title.to_lowercase();
    let placeholder = lower.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    if PLACEHOLDER_TITLES.contains(&placeholder)
        || TOOL_PREFIXES.iter().any(|p| lower.starts_with(p))
    {
        return None;
    }
    let file_name = lower
        .rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && FILE_EXTENSIONS.contains(&ext));
    (!file_name).then_some(title)
}

/// The date at the start of a metadata value ("2024-03-14T09:30:00+01:00", "2024/03/14")
/// as "YYYY-MM-DD"; `None` unless it starts with a real calendar date. Only the date is
/// kept: a time zone could move it by a day, but the date the publisher wrote is the one
/// the document shows.
pub fn iso_date(raw: &str) -> Option<String> {
    let s = raw.trim().as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = s.get(range)?;
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let sep = *s.get(4)?;
    if !matches!(sep, b'-' | b'/') || s.get(7) != Some(&sep) {
        return None;
    }
    if s.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    crate::calendar::iso_day(year, month, day)
}

/// The marker of item `n` in an ordered list of `kind`, in a form cordiale's splitter reads
/// as a list marker ("3. ", "c) ", "iii) ", "C) ", "III) ").
pub fn ordinal_marker(kind: char, n: i64) -> String {
    let letter = |base: u8| -> Option<String> {
        (1..=26)
            .contains(&n)
            .then(|| char::from(base + (n - 1) as u8).to_string())
    };
    let label = match kind {
        'a' => letter(b'a'),
        'A' => letter(b'A'),
        'i' => roman(n),
        'I' => roman(n).map(|r| r.to_ascii_uppercase()),
        _ => None,
    };
    match label {
        Some(label) => format!("{label}) "),
        None => format!("{n}. "),
    }
}

/// Lower-case roman numeral for 1..=3999.
fn roman(mut n: i64) -> Option<String> {
    if !(1..=3999).contains(&n) {
        return None;
    }
    const DIGITS: &[(i64, &str)] = &[
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for &(value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_cleans_characters_and_collapses_space() {
        assert_eq!(
            inline_text(
                "  the \u{FB01}nal\u{A0}\u{A0}e\u{FB00}ort,\n\t co\u{AD}ordi\u{200B}nated\u{202F}½ m² "
            ),
            "the final effort, coordinated ½ m²"
        );
        assert_eq!(inline_text("\u{FEFF}a\u{7}b"), "ab");
    }

    #[test]
    fn junk_titles_are_rejected() {
        for junk in [
            "",
            "  ",
            "---",
            "Untitled",
            "untitled document",
            "Document1",
            "draft3.docx",
            "Report 2024.pdf",
            "Microsoft Word - coastal plan.doc",
            "Microsoft Word - Coastal plan",
            "\u{FFFD}\u{FFFD}x",
            "a\u{1}b",
        ] {
            assert_eq!(clean_title(junk), None, "{junk:?}");
        }
        assert_eq!(
            clean_title("Joint Declaration on \u{FB01}sheries").as_deref(),
            Some("Joint Declaration on fisheries")
        );
        assert_eq!(
            clean_title("  Joint  Declaration\non Dunes "),
            Some("Joint Declaration on Dunes".into())
        );
        assert_eq!(clean_title("Plan v2.1"), Some("Plan v2.1".into()));
    }

    #[test]
    fn iso_dates_are_validated() {
        assert_eq!(
            iso_date("2024-03-14T09:30:00+01:00"),
            Some("2024-03-14".into())
        );
        assert_eq!(iso_date(" 2024/03/14 "), Some("2024-03-14".into()));
        assert_eq!(iso_date("2024-02-29"), Some("2024-02-29".into()));
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-03",
            "14/03/2024",
            "2024-03/14",
            "20240-03-14",
            "2024-03-140",
        ] {
            assert_eq!(iso_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn ordinal_markers_are_read_as_markers_by_the_splitter() {
        for (kind, n, marker) in [
            ('1', 3, "3. "),
            ('a', 3, "c) "),
            ('A', 2, "B) "),
            ('i', 4, "iv) "),
            ('I', 9, "IX) "),
            ('a', 27, "27. "),
        ] {
            let got = ordinal_marker(kind, n);
            assert_eq!(got, marker);
            let line = format!("{got}Item text.");
            assert_eq!(
                crate::corpus::split::starts_with_marker(&line),
                Some(got.len()),
                "{line}"
            );
        }
    }
}
