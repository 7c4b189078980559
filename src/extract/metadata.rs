//! Document metadata: the title people see in the document list and the date of issue that
//! year-less dates (`Thursday 20 August`) take their year from.

use super::dates::{self, Ymd};
use super::lexicon::is_any;
use super::tokens::Token;
use super::tokens::tokenize_prose;
use super::{Date, DateValue};
use crate::corpus::split::{MAX_UNIT_BYTES, floor_char_boundary, is_space};
use crate::width;

/// Lines that are read for a title or a dated heading.
const HEADER_LINES: usize = 25;
/// …that start within this many bytes: documents with one paragraph per line would otherwise
/// make the whole text a header.
const HEADER_BYTES: usize = 3_000;
/// A full date starting before this byte may be the date of issue even on a plain line.
const TOP_BYTES: usize = 600;
/// Titles longer than this are cut at a word boundary and end with `…`.
const MAX_TITLE_CHARS: usize = 120;

const BOILERPLATE: &[&str] = &[
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "skip navigation",
    "menu",
    "main menu",
    "home",
    "print",
    "share",
    "search",
    "back",
    "top of the page",
    "back to top",
    "close",
    "navigation",
    "breadcrumb",
    "you are here",
    "print this page",
    "email",
    "tweet",
    "cookies",
    "accept cookies",
    "sign in",
    "log in",
    "subscribe",
    "english",
    "français",
    "(check against delivery)",
    "check against delivery",
    "press release",
    "news",
    "contents",
];

/// Lone place names that web pages put above the title.
const PLACES: &[&str] = &[
    "united kingdom",
    "france",
    "germany",
    "italy",
    "spain",
    "portugal",
    "ireland",
    "belgium",
    "netherlands",
    "luxembourg",
    "austria",
    "switzerland",
    "poland",
    "greece",
    "sweden",
    "denmark",
    "finland",
    "norway",
    "iceland",
    "europe",
    "european union",
    "united states",
    "canada",
    "australia",
    "japan",
    "china",
    "india",
    "brazil",
    "mexico",
    "russia",
    "turkey",
    "ukraine",
    "africa",
    "asia",
    "world",
    "international",
    "uk",
    "eu",
    "usa",
    "us",
];

const PUBLICATION_CUES: &[&str] = &[
    "published",
    "publié",
    "publiée",
    "posted",
    "updated",
    "issued",
    "dated",
    "date",
    "released",
    "last",
    "first",
];

/// The first lines of the prose, which starts at byte `from` (after any front matter).
fn header_lines(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = from;
    text[from..]
        .split_inclusive('\n')
        .map(move |line| {
            let start = offset;
            offset += line.len();
            let trimmed_start = line.len() - line.trim_start_matches(is_space).len();
            // A line longer than a unit (a document that is one huge line) is read up to
            // that length: the title is cut far shorter, and the date of issue sits near
            // the top.
            let line = line.trim_matches(is_space);
            let line = line[..floor_char_boundary(line, MAX_UNIT_BYTES)].trim_end_matches(is_space);
            (start + trimmed_start, line)
        })
        .filter(|(_, l)| !l.is_empty())
        .take_while(move |(start, _)| *start < from + HEADER_BYTES)
        .take(HEADER_LINES)
}

/// The title: the first meaningful line, without web boilerplate, lone place names,
/// publication lines, bare dates or footnote marks, among the lines from byte `from`. Never
/// empty for a non-empty document.
pub fn title(text: &str, from: usize) -> String {
    for (_, line) in header_lines(text, from) {
        let clean = clean_title(&without_markup(line));
        if clean.is_empty() || !is_meaningful(&clean) {
            continue;
        }
        return cut(&clean);
    }
    String::new()
}

/// `line` as a reader sees it: without Markdown markup (`**`, `\\`, a link's target).
fn without_markup(line: &str) -> std::borrow::Cow<'_, str> {
    let hidden = crate::corpus::markup::hidden(line, 0);
    if hidden.is_empty() {
        return line.into();
    }
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for h in hidden {
        out.push_str(&line[at..h.range.start]);
        if h.as_space {
            out.push(' ');
        }
        at = h.range.end;
    }
    out.push_str(&line[at..]);
    out.into()
}

/// A title as shown: without heading marks, superscript footnote digits and control
/// characters, its runs of white space (line breaks, no-break spaces) one space.
pub fn clean_title(line: &str) -> String {
    // Markdown heading marks: "# Title", "## Title".
    let line = line.trim_start_matches('#').trim_start();
    let mut s: String = line
        .chars()
        .filter(|c| !is_superscript_digit(*c))
        .map(|c| {
            if c.is_control() || is_space(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    // footnote marks like [1] or * at the end
    loop {
        let t = s.trim_end();
        if let Some(open) = t.rfind('[')
            && t.ends_with(']')
            && t[open + 1..t.len() - 1].chars().all(|c| c.is_ascii_digit())
        {
            s.truncate(open);
        } else if t.ends_with('*') {
            s.truncate(t.len() - 1);
        } else {
            break;
        }
    }
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    words.join(" ")
}

fn is_superscript_digit(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹')
}

fn is_meaningful(line: &str) -> bool {
    let lower = line.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if BOILERPLATE.contains(&lower.as_str())
        || BOILERPLATE.contains(&bare)
        || PLACES.contains(&bare)
    {
        return false;
    }
    // Breadcrumbs: "Home > News > Speeches"
    if line.contains(" > ") || line.contains(" › ") || line.contains(" » ") {
        return false;
    }
    let first_word = lower.split(' ').next().unwrap_or("");
    if PUBLICATION_CUES.contains(&first_word) && has_year(line) && line.len() < 80 {
        return false;
    }
    // A bare date or a dateline like "Paris, 20 August 2015".
    if line.len() < 60 && has_year(line) && is_dateline(line) {
        return false;
    }
    // Mojibake or symbols only.
    line.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3
}

/// Deadlines (`by March 2011`, `no later than …`) are never the date of issue.
fn starts_with_marker(date_text: &str) -> bool {
    let first = date_text.split(' ').next().unwrap_or("");
    is_any(
        first,
        &[
            "by", "no", "not", "within", "before", "until", "between", "from",
        ],
    )
}

fn has_year(line: &str) -> bool {
    line.as_bytes().windows(4).any(|w| {
        w.iter().all(u8::is_ascii_digit)
            && (w[0] == b'1' && w[1] == b'9' || w[0] == b'2' && w[1] == b'0')
    })
}

/// "Paris, 20 August 2015", "20 August 2015", "Brussels, 3.3.2016": a place and a date only.
fn is_dateline(line: &str) -> bool {
    let heading_noun = line.split(|c: char| !c.is_alphabetic()).any(|w| {
        is_any(
            w,
            &[
                "summit",
                "meeting",
                "council",
                "conference",
                "declaration",
                "statement",
                "communiqué",
                "communique",
                "speech",
                "plan",
                "agreement",
                "forum",
                "session",
                "dialogue",
                "report",
                "strategy",
                "treaty",
                "convention",
                "address",
            ],
        )
    });
    if heading_noun {
        return false;
    }
    let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    words.len() <= 7
        && words.iter().any(|w| {
            w.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '/')
                || month_word(w)
        })
}

fn month_word(w: &str) -> bool {
    is_any(
        w,
        &[
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
    )
}

/// A title no longer than [`MAX_TITLE_CHARS`], cut at a word and ended with `…`.
pub fn cut(title: &str) -> String {
    if title.chars().count() <= MAX_TITLE_CHARS {
        return title.to_string();
    }
    let mut end = 0;
    for (i, c) in title.char_indices() {
        if title[..i].chars().count() >= MAX_TITLE_CHARS {
            break;
        }
        if c == ' ' {
            end = i;
        }
    }
    if end == 0 {
        end = title
            .char_indices()
            .nth(MAX_TITLE_CHARS)
            .map_or(title.len(), |(i, _)| i);
    }
    format!("{}…", title[..end].trim_end_matches([',', ';', ':', ' ']))
}

/// The widest a short title is where nothing else limits it (`cordiale agreement`, the
/// checklist exports): a document is named in a glance, not read.
pub const SHORT_TITLE_COLUMNS: usize = 60;

/// Where a subtitle starts: after a colon or a spaced dash.
const SUBTITLE_MARKS: [&str; 5] = [": ", " — ", " – ", " - ", " | "];

/// A title's head before its subtitle is kept only when it names something on its own.
const MIN_HEAD_COLUMNS: usize = 12;

/// A document's title as every list names it (panes, `agreement`, exports), within `max`
/// columns: sanitized for the terminal, whole when it fits, else its part before a
/// subtitle (`Joint statement: …` → `Joint statement`) when that fits, else cut at a word
/// and ended with `…` (cut inside a word only when its first word alone is too long).
/// One rule in one place, so the same document reads the same everywhere.
pub fn short_title(title: &str, max: usize) -> String {
    let title = crate::safe_text::sanitize(title.trim());
    if width::of(&title) <= max {
        return title;
    }
    let head = SUBTITLE_MARKS
        .iter()
        .filter_map(|m| title.find(m))
        .min()
        .map(|at| title[..at].trim_end());
    if let Some(head) = head.filter(|h| (MIN_HEAD_COLUMNS..=max).contains(&width::of(h))) {
        return head.to_string();
    }
    cut_to_width(&title, max)
}

/// `text` within `max` columns, ended with `…`: at the last word end that uses at least
/// two thirds of the room (a narrow column would otherwise keep a word or two), else
/// mid-word.
fn cut_to_width(text: &str, max: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if max == 0 {
        return String::new();
    }
    let room = max - 1;
    let (mut end, mut used, mut space) = (0, 0, None);
    // By grapheme cluster, measured as drawn (`crate::width`): an emoji with its selector
    // is two columns, not one.
    for (i, g) in text.grapheme_indices(true) {
        let w = width::of_grapheme(g);
        if g == " " && used * 3 >= room * 2 {
            space = Some(i);
        }
        if used + w > room {
            break;
        }
        used += w;
        end = i + g.len();
    }
    let kept = &text[..space.unwrap_or(end)];
    format!(
        "{}…",
        kept.trim_end_matches([',', ';', ':', ' ', '-', '—', '–', '|'])
    )
}

/// The date of issue: a dated place-line, a dated heading or a publication line among the
/// first lines, else a full date at the very top; `None` when there is none.
///
/// The prose starts at byte `from`; `toks` are its tokens.
pub fn date_of_issue(text: &str, from: usize, toks: &[Token]) -> Option<Date> {
    let lines: Vec<(usize, &str)> = header_lines(text, from).collect();
    let header_end = lines.last().map_or(from, |(s, l)| s + l.len());
    let limit = toks.partition_point(|t| t.start < header_end.max(from + TOP_BYTES));
    let found = dates::find(text, &toks[..limit], None);
    let full: Vec<&Date> = found
        .items
        .iter()
        .filter(|d| Ymd::from_value(&d.value).is_some() && !starts_with_marker(&d.text))
        .collect();
    let line_of = |d: &Date| {
        lines
            .iter()
            .find(|(s, l)| d.start >= *s && d.end <= s + l.len())
            .map(|(s, l)| (*s, *l))
    };
    let ranked = |rank: fn(&str, usize, usize) -> bool| {
        full.iter()
            .find(|d| line_of(d).is_some_and(|(s, l)| rank(l, d.start - s, d.end - s)))
    };
    // 1. Place-line: "Paris, 20 August 2015"
    let place_line = |l: &str, a: usize, b: usize| {
        // Emphasis around the line ("*Brussels, 12 March 2025*") is no part of it.
        let before = l[..a].trim_end().trim_start_matches(['*', '_']);
        let after = l[b..].trim();
        before.ends_with(',')
            && before.len() <= 40
            && before.chars().next().is_some_and(char::is_uppercase)
            && !before[..before.len() - 1].contains(',')
            && after.chars().all(|c| !c.is_alphanumeric())
    };
    // 2. Dated heading: "UK-FRANCE SUMMIT, 2 NOVEMBER 2010"
    let heading = |l: &str, _a: usize, b: usize| {
        l.len() <= 100
            && l[b..].trim_matches(['*', '_', ' ']).is_empty()
            && crate::corpus::split::starts_with_marker(l).is_none()
    };
    // 3. Publication line: "Published on 16/02/2016"
    let publication = |l: &str, _a: usize, _b: usize| {
        let first = l.split(' ').next().unwrap_or("").to_lowercase();
        PUBLICATION_CUES.contains(&first.as_str())
    };
    let chosen = ranked(place_line)
        .or_else(|| ranked(heading))
        .or_else(|| ranked(publication))
        .or_else(|| full.iter().find(|d| d.start < from + TOP_BYTES));
    chosen.map(|d| (*d).clone())
}

/// The date of issue a front matter `date:` value gives, its span the date's characters in
/// the file: an ISO date (`2021-06-13`, also with a time after it) or, failing that, the first
/// full date the date rules read in it (`June 13, 2021`).
pub fn date_value(text: &str, span: std::ops::Range<usize>) -> Option<Date> {
    let raw = &text[span.clone()];
    if let Some(iso) = iso_date(raw) {
        return Some(super::item(
            text,
            span.start,
            span.start + 10,
            DateValue {
                date: Some(iso),
                duration: None,
            },
        ));
    }
    let toks = tokenize_prose(text, span, &[], &[]);
    dates::find(text, &toks, None)
        .items
        .into_iter()
        .find(|d| Ymd::from_value(&d.value).is_some())
}

/// `YYYY-MM-DD` at the very start of `s` (its span's first ten bytes are the date), ended
/// there or by a time (`T`, a space); a real calendar day, as every converter reads one
/// ([`crate::corpus::convert::clean::iso_date`]).
fn iso_date(s: &str) -> Option<String> {
    if !matches!(s.as_bytes().get(10), None | Some(b'T' | b't' | b' ')) {
        return None;
    }
    let date = s.get(..10)?;
    if date.starts_with(char::is_whitespace) {
        return None;
    }
    crate::corpus::convert::clean::iso_date(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    #[test]
    fn a_front_matter_iso_date_is_a_real_day_at_the_start() {
        assert_eq!(
            iso_date("2021-06-13T10:00:00Z").as_deref(),
            Some("2021-06-13")
        );
        assert_eq!(iso_date("2021/06/13").as_deref(), Some("2021-06-13"));
        // The copy this replaced took any day up to 31 in any month.
        assert_eq!(iso_date("2021-02-31"), None);
        assert_eq!(iso_date(" 2021-06-13"), None);
        assert_eq!(iso_date("2021-06-130"), None);
    }

    fn issue(text: &str) -> Option<String> {
        date_of_issue(text, 0, &tokenize(text))
            .map(|d| format!("{}={}", d.text, d.value.date.unwrap_or_default()))
    }

    #[test]
    fn a_short_title_keeps_what_fits_cutting_a_subtitle_then_at_a_word() {
        let t = "Joint statement on migration: the ministers' plan for Calais";
        assert_eq!(short_title(t, 80), t);
        assert_eq!(short_title(t, 40), "Joint statement on migration");
        assert_eq!(short_title(t, 24), "Joint statement on…");
        // A head too short to name the document alone is not taken for the title.
        assert_eq!(
            short_title("UK: a long subtitle of the summit", 20),
            "UK: a long subtitle…"
        );
        assert_eq!(short_title("Supercalifragilistic", 8), "Superca…");
        assert_eq!(short_title("anything", 0), "");
        // Escapes are shown, not sent, and count for the width they take.
        let hostile = short_title("Harbour \u{1b}[31mplan", 80);
        assert!(!hostile.contains('\u{1b}'), "{hostile:?}");
        for w in [5, 12, 30] {
            let s = short_title(t, w);
            assert!(width::of(&s) <= w, "{s:?} in {w}");
        }
        // Measured as drawn: a heart with its selector takes two columns, and is never
        // split from it.
        let hearts = "\u{2764}\u{fe0f}".repeat(10);
        for w in [3, 6, 9] {
            let s = short_title(&hearts, w);
            assert!(width::of(&s) <= w, "{s:?} in {w}");
            assert!(!s.contains("\u{2764}\u{2764}"), "{s:?}");
        }
    }

    #[test]
    fn title_skips_boilerplate_places_and_datelines() {
        let t = "Skip to main content\n\nUnited Kingdom\n\nPublié le September 2, 2014\nJoint statement by M. Cazeneuve¹\nParis, August 30, 2014\n";
        assert_eq!(title(t, 0), "Joint statement by M. Cazeneuve");
    }

    #[test]
    fn a_markdown_title_is_read_without_its_markup() {
        let t = "# **Joint Statement** on the [Harbour](https://example.org/2020) \\#2 Partnership\n\nText.";
        assert_eq!(title(t, 0), "Joint Statement on the Harbour #2 Partnership");
    }

    #[test]
    fn long_first_line_is_cut_at_a_word() {
        let t = "So long as we leave some of our partners submerged under massive arrivals, without helping them manage their borders; so long as our asylum procedures remain slow.";
        let got = title(t, 0);
        assert!(got.ends_with('…'));
        assert!(t.starts_with(got.trim_end_matches('…')));
        assert!(got.chars().count() <= MAX_TITLE_CHARS + 1);
    }

    #[test]
    fn place_line_outranks_publication_line() {
        let t = "United Kingdom\n\nPublié le September 2, 2014\nJoint statement\nParis, August 30, 2014\n\nThe visit on Friday 29 August.";
        assert_eq!(issue(t).as_deref(), Some("August 30, 2014=2014-08-30"));
    }

    #[test]
    fn an_emphasised_place_line_is_the_date_of_issue() {
        let t = "# Harbour plan\n\nThe plan was agreed on 3 March 2024.\n\n*Northport, 12 March 2025*\n\nText.";
        assert_eq!(issue(t).as_deref(), Some("12 March 2025=2025-03-12"));
    }

    #[test]
    fn dated_heading_and_none() {
        assert_eq!(
            issue("UK-FRANCE SUMMIT, 2 NOVEMBER 2010\n\nDECLARATION").as_deref(),
            Some("2 NOVEMBER 2010=2010-11-02")
        );
        let late = format!(
            "{}\n\nThe attack on April 7, 2017 was terrible.",
            "Words here. ".repeat(80)
        );
        assert_eq!(issue(&late), None);
        assert_eq!(issue(""), None);
    }
}
