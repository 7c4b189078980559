//! Markup that is not prose: the bytes of a Markdown (or scraped HTML-in-text) document that
//! no figure, date or commitment may be read from, and that must not cut one in two.
//!
//! [`hidden`] lists them once per document; the tokenizer skips them, so every rule reads the
//! prose as if the markup were not there while spans stay byte offsets into the file. The
//! text itself is never rewritten.
//!
//! This module is the one home of "which bytes are markup": the extractor's tokenizer and
//! splitter and the reader's rendering both ask [`hidden`], so what the rules skip and what
//! the reader hides cannot drift apart. Its API is deliberately small: one function and one
//! struct, sorted non-overlapping ranges.

use std::ops::Range;

/// A stretch of markup the tokenizer skips.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hidden {
    /// The markup's bytes in the text.
    pub range: Range<usize>,
    /// True when the markup stands between words (a URL, a comment, a block tag): it separates
    /// the tokens around it like a space. False for markup inside a word or a number
    /// (`1<sup>st</sup>`, `**40**%`, `\_`): the tokens around it touch.
    pub as_space: bool,
}

/// Tags that format text inline: removing them joins what they wrap to its neighbours.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "cite", "code", "del", "em", "font", "i", "ins", "kbd", "mark", "q",
    "s", "small", "span", "strike", "strong", "sub", "sup", "u",
];

/// The bytes the scan of [`hidden`] stops at, away from the start of a line: line breaks
/// and the first bytes of markup.
const STARTS_MARKUP: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = b"\n<![\\*_~`:&";
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// The first byte in `bytes[from..stop]` that may start markup, or `stop`. Eight bytes are
/// tested at once without a branch each: this loop reads every byte of every document.
fn skip_prose(bytes: &[u8], from: usize, stop: usize) -> usize {
    if from >= stop {
        return from;
    }
    let mut at = from;
    for chunk in bytes[from..stop].chunks_exact(8) {
        if chunk
            .iter()
            .fold(false, |any, &b| any | STARTS_MARKUP[b as usize])
        {
            break;
        }
        at += 8;
    }
    bytes[at..stop]
        .iter()
        .position(|&b| STARTS_MARKUP[b as usize])
        .map_or(stop, |n| at + n)
}

/// The markup in `text[from..]` (`from` at the start of a line: the end of the front matter,
/// or 0), sorted and not overlapping: HTML comments and tags, link
/// targets (`](url)`, `<https://…>`, bare `https://…`, reference definitions), images,
/// footnote references (`[^2]`), emphasis and code marks (`*`, `_`, `~~`, `` ` ``), heading
/// and block quote marks (`#`, `>`) and the backslash of an escape (`\_`, `\###`).
pub fn hidden(text: &str, from: usize) -> Vec<Hidden> {
    let bytes = text.as_bytes();
    let mut out: Vec<Hidden> = Vec::new();
    let push = |out: &mut Vec<Hidden>, range: Range<usize>, as_space: bool| {
        if range.start < range.end {
            out.push(Hidden { range, as_space });
        }
    };
    let mut i = from;
    let mut line_start = true;
    // Once a comment is never closed, no later one is: not searched for again.
    let mut unclosed_comment = false;
    // The target of the link whose text is being scanned: jumped over when reached.
    let mut target: Option<Range<usize>> = None;
    while i < bytes.len() {
        if let Some(t) = target.as_ref().filter(|t| t.start <= i) {
            // Never backwards: a bare URL in the link text may already have run past it.
            i = i.max(t.end);
            target = None;
            continue;
        }
        if !line_start {
            // Prose is mostly bytes no markup starts with: skip them in a tight loop (up to
            // the pending link target, which must be jumped over where it starts).
            let stop = target.as_ref().map_or(bytes.len(), |t| t.start);
            i = skip_prose(bytes, i, stop);
            if i >= stop {
                continue;
            }
        }
        let b = bytes[i];
        if line_start {
            line_start = false;
            // Heading marks: "## Title" (and a closing "##").
            let lead = bytes[i..]
                .iter()
                .take_while(|&&c| c == b' ' || c == b'\t')
                .count();
            let hashes = bytes[i + lead..].iter().take_while(|&&c| c == b'#').count();
            if (1..=6).contains(&hashes)
                && matches!(bytes.get(i + lead + hashes), Some(b' ' | b'\t'))
            {
                push(&mut out, i + lead..i + lead + hashes, true);
                i += lead + hashes;
                continue;
            }
            // Block quote marks: "> text", "> > text".
            let quotes = bytes[i + lead..]
                .iter()
                .take_while(|&&c| c == b'>' || c == b' ')
                .count();
            if bytes.get(i + lead) == Some(&b'>') {
                let marks = bytes[i + lead..i + lead + quotes].trim_ascii_end().len();
                push(&mut out, i + lead..i + lead + marks, true);
                i += lead + marks;
                continue;
            }
            // A reference definition: "[1]: https://…" — the whole line.
            if b == b'['
                && let Some(close) = find_on_line(bytes, i + 1, b']')
                && bytes.get(close + 1) == Some(&b':')
            {
                let end = line_end(bytes, i);
                push(&mut out, i..end, true);
                i = end;
                continue;
            }
        }
        match b {
            b'\n' => {
                line_start = true;
                i += 1;
            }
            b'<' => {
                if let Some(end) = comment_end(bytes, i, &mut unclosed_comment) {
                    push(&mut out, i..end, true);
                    i = end;
                } else if let Some((end, inline)) = tag_end(text, i) {
                    push(&mut out, i..end, !inline);
                    i = end;
                } else {
                    i += 1;
                }
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                // An image: alt text and path are not prose.
                match link_end(bytes, i + 1) {
                    Some((_, end)) => {
                        push(&mut out, i..end, true);
                        i = end;
                    }
                    None => i += 1,
                }
            }
            b'[' if target.is_none() && bytes.get(i + 1) == Some(&b'^') => {
                // A footnote reference, "[^2]": a mark on the word before, no number.
                match find_on_line(bytes, i + 2, b']') {
                    Some(close) => {
                        push(&mut out, i..close + 1, false);
                        i = close + 1;
                    }
                    None => i += 1,
                }
            }
            b'[' if target.is_none() => {
                // A link: its text is prose (scanned on), its target is not.
                if let Some((close, end)) = link_end(bytes, i) {
                    push(&mut out, i..i + 1, false);
                    push(&mut out, close..end, false);
                    target = Some(close..end);
                }
                i += 1;
            }
            b'&' => match entity_end(bytes, i) {
                Some((end, space)) => {
                    push(&mut out, i..end, space);
                    i = end;
                }
                None => i += 1,
            },
            b'\\' => {
                if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) {
                    push(&mut out, i..i + 1, false);
                    // The escaped character is literal text: never markup.
                    i += 2;
                } else {
                    i += 1;
                }
            }
            b'*' | b'_' | b'~' | b'`' => {
                let run = bytes[i..].iter().take_while(|&&c| c == b).count();
                let before = text[..i].chars().next_back();
                let after = text[i + run..].chars().next();
                let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
                let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                let flanking = !(space(before) && space(after));
                // snake_case and 2*3 are text; a lone "~" is text.
                let inner = word(before) && word(after) && b != b'*';
                // Two or more `*` or `_` are never prose: between spaces they are a mark a
                // converter left astray (`**Lead: ** Text`, a closing `***` on a line of
                // its own), not a bold nothing.
                let doubled = run >= 2 && matches!(b, b'*' | b'_');
                let mark = (flanking || doubled) && !inner && (b != b'~' || run >= 2);
                if mark {
                    push(&mut out, i..i + run, false);
                }
                i += run;
            }
            b':' if bytes.get(i + 1) == Some(&b'/') && bytes.get(i + 2) == Some(&b'/') => {
                // A bare URL: back up over its scheme.
                let scheme = bytes[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
                    .count();
                let start = i - scheme;
                if scheme == 0 {
                    i += 1;
                    continue;
                }
                let end = url_end(text, i + 3);
                // Drop a shorter overlapping entry (a mark scanned inside the scheme).
                while out.last().is_some_and(|h| h.range.end > start) {
                    out.pop();
                }
                push(&mut out, start..end, true);
                i = end;
            }
            _ => i += 1,
        }
    }
    // Link targets were recorded ahead of the text scanned after them: sort back into order.
    out.sort_by_key(|h| h.range.start);
    let mut merged: Vec<Hidden> = Vec::with_capacity(out.len());
    for h in out {
        match merged.last_mut() {
            Some(last) if h.range.start < last.range.end => {
                last.range.end = last.range.end.max(h.range.end);
            }
            _ => merged.push(h),
        }
    }
    merged
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |n| from + n)
}

fn find_on_line(bytes: &[u8], from: usize, want: u8) -> Option<usize> {
    bytes[from..]
        .iter()
        .take_while(|&&c| c != b'\n')
        .position(|&c| c == want)
        .map(|n| from + n)
}

/// End of an HTML character reference opening at `at` (`&#8217;`, `&#x2019;`, `&nbsp;`,
/// `&amp;`), and whether it stands for a space. Its digits are never a figure.
fn entity_end(bytes: &[u8], at: usize) -> Option<(usize, bool)> {
    let rest = &bytes[at + 1..bytes.len().min(at + 12)];
    let semi = rest.iter().position(|&c| c == b';')?;
    let name = &rest[..semi];
    let ok = match name {
        [b'#', b'x' | b'X', hex @ ..] => !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit),
        [b'#', dec @ ..] => !dec.is_empty() && dec.iter().all(u8::is_ascii_digit),
        _ => name.len() >= 2 && name.iter().all(u8::is_ascii_alphanumeric),
    };
    let space = matches!(
        name,
        b"nbsp" | b"ensp" | b"emsp" | b"thinsp" | b"#160" | b"#xa0" | b"#xA0"
    );
    ok.then_some((at + 2 + semi, space))
}

/// End of an HTML comment opening at `at`. `unclosed` is set once a comment has no end, so
/// that text full of `<!--` is read in linear time.
fn comment_end(bytes: &[u8], at: usize, unclosed: &mut bool) -> Option<usize> {
    if *unclosed || !bytes[at..].starts_with(b"<!--") {
        return None;
    }
    let end = memchr::memmem::find(&bytes[at + 4..], b"-->").map(|n| at + 4 + n + 3);
    *unclosed = end.is_none();
    end
}

/// How far a tag, a link's text or its target may run: further, it is not markup.
const MAX_MARKUP_BYTES: usize = 2000;

/// End of an HTML tag or autolink opening at `at`, and whether it is inline (joins its
/// neighbours). Autolinks (`<https://…>`, `<mailto:…>`) separate like a space. A tag holds
/// no `<`: the search stops there, so each byte is read for one tag at most.
fn tag_end(text: &str, at: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let limit = (at + 1 + MAX_MARKUP_BYTES).min(bytes.len());
    let close = at + 1 + memchr::memchr2(b'>', b'<', &bytes[at + 1..limit])?;
    if bytes[close] != b'>' {
        return None;
    }
    let inner = &text[at + 1..close];
    if inner.contains("\n\n") {
        return None;
    }
    if inner.contains("://") || inner.starts_with("mailto:") {
        return (!inner.contains(char::is_whitespace)).then_some((close + 1, false));
    }
    let name = inner.strip_prefix('/').unwrap_or(inner);
    let name_len = name
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !name.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let rest = &name[name_len..];
    if !(rest.is_empty() || rest.starts_with([' ', '\n', '/'])) {
        return None;
    }
    let tag = name[..name_len].to_ascii_lowercase();
    Some((close + 1, INLINE_TAGS.contains(&tag.as_str())))
}

/// For a `[` at `at` opening `[text](target)`: the byte of `]` and the end of `)`. The text
/// may run over lines but not over a blank line. Neither the text nor the target holds an
/// unescaped `[` (a `[` there opens the next link instead), so each byte is read for one
/// link at most.
fn link_end(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let limit = (at + 1 + MAX_MARKUP_BYTES).min(bytes.len());
    let mut j = at + 1;
    let close = loop {
        let k = j + memchr::memchr2(b'[', b']', &bytes[j..limit])?;
        let escaped = bytes[k - 1] == b'\\';
        match bytes[k] {
            _ if escaped => j = k + 1,
            b'[' => return None,
            _ => break k,
        }
    };
    if bytes.get(close + 1) != Some(&b'(')
        || memchr::memmem::find(&bytes[at..close], b"\n\n").is_some()
    {
        return None;
    }
    let mut k = close + 2;
    let mut parens = 1usize;
    let limit = (close + MAX_MARKUP_BYTES).min(bytes.len());
    while k < limit {
        match bytes[k] {
            b'(' => parens += 1,
            b')' => {
                parens -= 1;
                if parens == 0 {
                    return Some((close, k + 1));
                }
            }
            b'[' => return None,
            b'\n' if bytes.get(k + 1) == Some(&b'\n') => return None,
            _ => {}
        }
        k += 1;
    }
    None
}

/// End of a bare URL whose host starts at `from`: up to white space or `<`, without the
/// closing punctuation a sentence puts after it.
fn url_end(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\u{201d}'))
        .unwrap_or(rest.len());
    let mut url = &rest[..len];
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*', '_']);
        let trimmed = if trimmed.ends_with(')') && !trimmed.contains('(') {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == url.len() {
            break;
        }
        url = trimmed;
    }
    from + url.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_prose_stops_where_a_byte_by_byte_scan_stops() {
        // A mark at every offset around the eight-byte chunks, and a stop before, on and
        // after it.
        for mark in [b'*', b'\n', b'&', b':'] {
            for at in 0..20 {
                let mut bytes = b"plain prose, no marks".to_vec();
                bytes[at] = mark;
                for from in 0..bytes.len() {
                    for stop in from..=bytes.len() {
                        let naive = (from..stop)
                            .find(|&i| STARTS_MARKUP[bytes[i] as usize])
                            .unwrap_or(stop);
                        assert_eq!(skip_prose(&bytes, from, stop), naive, "{at} {from} {stop}");
                    }
                }
            }
        }
    }

    fn shown(text: &str) -> Vec<(&str, bool)> {
        hidden(text, 0)
            .into_iter()
            .map(|h| (&text[h.range], h.as_space))
            .collect()
    }

    #[test]
    fn link_targets_are_hidden_and_link_text_is_not() {
        let t = "See [the 2019\nreport](https://example.org/2019/05/01/a_b.pdf \"Title 3\") now.";
        assert_eq!(
            shown(t),
            [
                ("[", false),
                (
                    "](https://example.org/2019/05/01/a_b.pdf \"Title 3\")",
                    false
                )
            ]
        );
    }

    #[test]
    fn urls_images_comments_and_tags() {
        let t = "Go to <https://x.org/2020/1> or https://y.org/p/12, then ![chart 2](img/fig3.png).\n<!-- 2021 -->\nThe 3<sup>rd</sup> round.<br>Next";
        assert_eq!(
            shown(t),
            [
                ("<https://x.org/2020/1>", true),
                ("https://y.org/p/12", true),
                ("![chart 2](img/fig3.png)", true),
                ("<!-- 2021 -->", true),
                ("<sup>", false),
                ("</sup>", false),
                ("<br>", true),
            ]
        );
    }

    #[test]
    fn emphasis_headings_and_escapes() {
        let t = "## **Key** figures ##\n\\### and 17\\. The snake_case 2 * 3 _x_ ~~old~~ `code`";
        assert_eq!(
            shown(t),
            [
                ("##", true),
                ("**", false),
                ("**", false),
                ("\\", false),
                ("\\", false),
                ("_", false),
                ("_", false),
                ("~~", false),
                ("~~", false),
                ("`", false),
                ("`", false),
            ]
        );
    }

    #[test]
    fn doubled_marks_between_spaces_are_markup_and_a_lone_star_is_prose() {
        let t = "***Key point  \n\u{a0} ***  \n- **Lead: ** the text.\n    **\n\n* * *\n2 * 3\n";
        let got: Vec<&str> = shown(t).into_iter().map(|(s, _)| s).collect();
        assert_eq!(got, ["***", "***", "**", "**", "**"]);
    }

    #[test]
    fn the_scan_starts_at_from_and_a_link_text_may_hold_a_url() {
        let t = "# skipped\n## Kept\n[https://a.org/1](https://a.org/1) done";
        let from = t.find("## Kept").unwrap();
        let got = hidden(t, from);
        assert!(got.iter().all(|h| h.range.start >= from));
        assert_eq!(&t[got[0].range.clone()], "##");
        // The link's text and its target are both a URL: all of it is hidden, once, and the
        // scan goes on after it.
        let rest: Vec<&str> = got[1..].iter().map(|h| &t[h.range.clone()]).collect();
        assert_eq!(rest, ["[", "https://a.org/1](https://a.org/1)"]);
    }

    #[test]
    fn markup_that_never_closes_is_read_in_linear_time() {
        // Quadratic scans would take minutes on these; each must take a blink.
        for unit in ["<!--", "<", "[", "[a](", "<a ", "![", "](x"] {
            let t = unit.repeat(200_000);
            let start = std::time::Instant::now();
            let _ = hidden(&t, 0);
            assert!(
                start.elapsed().as_secs() < 5,
                "{unit:?} took {:?}",
                start.elapsed()
            );
        }
    }

    #[test]
    fn block_quotes_and_footnote_references() {
        let t = "> > We will act.[^12] Then 3 > 2.\n>Next";
        assert_eq!(shown(t), [("> >", true), ("[^12]", false), (">", true)]);
    }

    #[test]
    fn character_references() {
        let t = "The EU&#8217;s plan&nbsp;and R&amp;D, but not AT&T; or 5 & 6.";
        assert_eq!(
            shown(t),
            [("&#8217;", false), ("&nbsp;", true), ("&amp;", false)]
        );
    }

    #[test]
    fn plain_text_has_no_markup() {
        assert!(hidden("We will spend €3 billion by June 2019; 2 < 3 and a > b.", 0).is_empty());
        assert!(hidden("A [bracketed] aside, (and this).", 0).is_empty());
    }
}
