//! Saved web pages: the main text of the page, one paragraph per unit, with the title and
//! the date of issue the page's metadata gives.
//!
//! A government or press page wraps a few paragraphs in a lot of chrome (cookie banner,
//! menus, breadcrumbs, share bars, related links, footer). We keep the main content only:
//! `<main>`, else the longest `<article>`, else `[role=main]`, else `<body>`, with chrome
//! dropped inside it by tag, role, visibility and a small list of class/id words. This
//! keeps the dateline paragraph and the `<h1>`, which readability-style extractors drop
//! (measured in docs/research/issue-17-formats.md §2).
//!
//! html5ever (through `scraper`) builds the tree; it neither decodes a declared charset
//! ([`decode`] does) nor guards against depth, and its tree builder is quadratic in nesting
//! depth, which the caller's time limit covers. Our own walk of the tree uses an explicit
//! stack, so no page can overflow the stack in it.

use std::borrow::Cow;
use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use scraper::{ElementRef, Html, Selector};

use super::clean::{CELL_SEPARATOR, clean_title, inline_text, iso_date, ordinal_marker};
use super::{ConvertError, Converted, Sniffed, SourceKind, sniff_content};

/// Below this many characters of main text the page is navigation, an error page or a
/// stub, not a document.
pub const MIN_MAIN_CHARS: usize = 200;

/// How many `<article>` elements are weighed when a page has no `<main>`: enough for any
/// real page, and it bounds the work on a hostile one.
const MAX_ARTICLES: usize = 50;

/// Converts a saved web page.
pub fn convert(bytes: &[u8]) -> Result<Converted, ConvertError> {
    refuse_other_kinds(bytes)?;
    let html = decode(bytes);
    let page = extract(&html);
    if page.text.chars().count() < MIN_MAIN_CHARS {
        return Err(ConvertError::NoMainText);
    }
    Ok(Converted {
        text: page.text,
        pages: Vec::new(),
        title: page.title,
        date: page.date,
        source: SourceKind::Html,
        notes: Vec::new(),
    })
}

/// A PDF, a zip or an OLE file named `.html` is not read as a page of garbage text.
fn refuse_other_kinds(bytes: &[u8]) -> Result<(), ConvertError> {
    let found = match sniff_content(bytes) {
        Some(Sniffed::Pdf) => "a PDF file",
        Some(Sniffed::Zip) => "a zip archive (a Word document?)",
        Some(Sniffed::Ole) => "an old Office file",
        _ if Encoding::for_bom(bytes).is_none() && bytes[..bytes.len().min(1024)].contains(&0) => {
            "binary data"
        }
        _ => return Ok(()),
    };
    Err(ConvertError::WrongKind {
        expected: "web page".into(),
        found: found.into(),
    })
}

// ---------------------------------------------------------------------------------------
// Charset

/// The page's text: decoded from its byte-order mark, else from a `<meta charset>` or
/// `http-equiv` declaration in the first KiB, else as UTF-8 when valid, else as
/// Windows-1252 (what an undeclared non-UTF-8 page in this genre nearly always is).
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0;
    }
    if let Some(encoding) = declared_charset(&bytes[..bytes.len().min(1024)]) {
        return encoding.decode_without_bom_handling(bytes).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// The encoding a `<meta>` tag in `head` declares, as a browser's prescan reads it:
/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`.
/// A declared UTF-16 is read as UTF-8 (bytes that parse as ASCII cannot be UTF-16).
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end = lower[tag_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |end| tag_start + end);
        let tag = &lower[tag_start..tag_end];
        from = tag_end;
        let Some(at) = memchr::memmem::find(tag, b"charset") else {
            continue;
        };
        let rest = tag[at + 7..].trim_ascii_start();
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let value = rest.trim_ascii_start();
        let value = value.strip_prefix(b"\"").unwrap_or(value);
        let value = value.strip_prefix(b"'").unwrap_or(value);
        let end = value
            .iter()
            .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/') || b.is_ascii_whitespace())
            .unwrap_or(value.len());
        if let Some(encoding) = Encoding::for_label(&value[..end]) {
            let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
            return Some(if utf16 {
                UTF_8
            } else {
                encoding.output_encoding()
            });
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// Main content

/// What the page gives: its main text and metadata.
#[derive(Debug, Default)]
pub struct Page {
    /// The main text: its paragraphs, headings and list items separated by blank lines.
    pub text: String,
    /// The page's title, from its metadata or its first `<h1>`.
    pub title: Option<String>,
    /// The date of publication its metadata (or text) gives.
    pub date: Option<String>,
}

#[allow(
    clippy::expect_used,
    reason = "constant selectors, each used by the tests"
)]
fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a constant selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static MAIN: LazyLock<Selector> = LazyLock::new(|| selector("main"));
static ARTICLE: LazyLock<Selector> = LazyLock::new(|| selector("article"));
static ROLE_MAIN: LazyLock<Selector> = LazyLock::new(|| selector("[role=main]"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));
static SCRIPT: LazyLock<Selector> = LazyLock::new(|| selector("script"));

/// Extracts the main text and metadata of a decoded page (no minimum length applied).
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let (root, walked) = main_content(&doc);
    let meta = Meta::read(&doc);
    let h1 = root
        .select(&H1)
        .next()
        .or_else(|| doc.select(&H1).next())
        .map(|h| inline_text(&h.text().collect::<String>()));
    let date = meta
        .published
        .clone()
        .or_else(|| meta.dc_date.clone())
        .or_else(|| json_ld_date(&doc))
        .or(walked.date);
    Page {
        text: walked.units.join("\n\n"),
        title: title(&doc, &meta, h1.as_deref()),
        date,
    }
}

/// The element holding the main text, and its walk: the first of `<main>`, the longest of
/// the `<article>`s, `[role=main]` and `<body>` whose text is long enough (a `<main>` that
/// only holds a banner falls through to the next).
fn main_content(doc: &Html) -> (ElementRef<'_>, Walked) {
    let article = doc
        .select(&ARTICLE)
        .filter(|a| !is_hidden(a))
        .take(MAX_ARTICLES)
        .map(|a| (a.text().map(str::len).sum::<usize>(), a))
        .fold(None::<(usize, ElementRef)>, |best, (len, a)| match best {
            Some((b, _)) if b >= len => best,
            _ => Some((len, a)),
        })
        .map(|(_, a)| a);
    let candidates = [
        doc.select(&MAIN).find(|m| !is_hidden(m)),
        article,
        doc.select(&ROLE_MAIN).find(|m| !is_hidden(m)),
        doc.select(&BODY).next(),
    ];
    let mut fallback = None;
    for root in candidates.into_iter().flatten() {
        let walked = walk(root);
        let len: usize = walked.units.iter().map(|u| u.chars().count()).sum();
        if len >= MIN_MAIN_CHARS {
            return (root, walked);
        }
        fallback.get_or_insert((root, walked));
    }
    fallback.unwrap_or_else(|| {
        let root = doc.root_element();
        (root, walk(root))
    })
}

/// Tags never part of the text: code, media, controls, and navigation chrome.
const DROP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
    "embed", "audio", "video", "picture", "map", "nav", "aside", "dialog", "button", "input",
    "select", "option", "textarea", "head", "title", "link", "meta",
];

/// ARIA roles of page chrome.
const DROP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
];

/// Words that mark chrome when they are a whole part of a class or id token (parts are
/// split at "-" and "_": "gem-c-share-links" has the part "share"). Kept small and general
/// to the genre. They are not applied inside a unit of text (a paragraph, heading, item or
/// cell), so a `<span class="share-price">` in a sentence stays.
const CHROME_WORDS: &[&str] = &[
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "consent",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "sidebar",
    "skip",
    "comments",
    "menu",
    "tags",
    "masthead",
    "advert",
    "promo",
];

/// Class tokens of text hidden from sight but kept for screen readers ("(opens in a new
/// tab)"), dropped even inside a paragraph; matched whole or as a token's last parts.
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader-text",
];

/// Elements whose content is one unit of text (a paragraph of `Converted::text`).
const UNIT_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "blockquote",
    "figcaption",
    "caption",
    "pre",
    "address",
    "summary",
    "legend",
];

/// Elements that end the text before them and start a new unit after them.
const BLOCK_TAGS: &[&str] = &[
    "html", "body", "div", "section", "article", "main", "header", "footer", "figure", "table",
    "thead", "tbody", "tfoot", "dl", "details", "fieldset", "hgroup", "center", "form", "hr",
    "search",
];

/// Sectioning elements: a `<header>` or `<footer>` inside one belongs to it (an article's
/// header holds its `<h1>` and `<time>`); outside, it is the site's.
const SECTION_TAGS: &[&str] = &["article", "main", "section"];

fn is_hidden(el: &ElementRef) -> bool {
    let v = el.value();
    // hidden="until-found" is collapsed content (an accordion's section) that find-in-page
    // reveals: text, not chrome.
    let hidden_attr = v
        .attr("hidden")
        .is_some_and(|h| !h.trim().eq_ignore_ascii_case("until-found"));
    if hidden_attr || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = v.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    v.classes().any(|token| {
        let token = token.to_ascii_lowercase();
        HIDDEN_CLASSES.iter().any(|h| {
            token == *h
                || token
                    .strip_suffix(h)
                    .is_some_and(|head| head.ends_with(['-', '_']))
        })
    })
}

/// True when a class or id token has one of the `CHROME_WORDS` as a whole part.
pub fn chrome_token(token: &str) -> bool {
    token
        .to_ascii_lowercase()
        .split(['-', '_'])
        .any(|part| CHROME_WORDS.contains(&part))
}

/// True when an element is chrome, not text: by tag, role, visibility, or (outside a unit
/// of text) class/id words.
fn is_chrome(el: &ElementRef, in_unit: bool, in_section: bool) -> bool {
    let v = el.value();
    let name = v.name();
    if DROP_TAGS.contains(&name) || is_hidden(el) {
        return true;
    }
    if matches!(name, "header" | "footer") && !in_section {
        return true;
    }
    if name == "form" && !holds_prose(el) {
        return true;
    }
    if v.attr("role")
        .is_some_and(|r| DROP_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    !in_unit && (v.classes().any(chrome_token) || v.id().is_some_and(chrome_token))
}

/// A form that holds an `<h1>`, an article or several paragraphs wraps the page (ASP.NET
/// wraps every page in one), so it is walked; any other form (search, sign-up) is chrome.
/// Forms do not nest in a parsed page, so each one is scanned once.
fn holds_prose(form: &ElementRef) -> bool {
    let mut paragraphs = 0;
    form.descendent_elements().any(|e| match e.value().name() {
        "h1" | "article" | "main" => true,
        "p" => {
            paragraphs += 1;
            paragraphs >= 3
        }
        _ => false,
    })
}

/// The result of walking the main content.
#[derive(Debug, Default)]
struct Walked {
    units: Vec<String>,
    /// The first `<time datetime>` met in the main content, as an ISO date.
    date: Option<String>,
}

/// A step of the walk: the explicit stack replaces recursion, so depth costs heap, not
/// stack.
enum Step<'a> {
    Enter(ElementRef<'a>),
    Text(&'a str),
    Exit(Exit),
}

/// What to do when an element's content has been walked.
enum Exit {
    /// End of a block: the text so far is a unit.
    Block,
    /// End of a unit element (paragraph, heading, item…).
    Unit,
    Section,
    List,
    Row,
    /// A block inside a table row: a space, the row stays one unit.
    Space,
}

/// A list being walked: how its items are marked.
struct List {
    /// `None` for a bulleted list, else the `type` of an ordered one ('1', 'a', 'A', 'i', 'I').
    kind: Option<char>,
    next: i64,
    step: i64,
}

#[derive(Default)]
struct Walker {
    out: Walked,
    cur: String,
    /// The marker of the list item whose text comes next.
    marker: Option<String>,
    lists: Vec<List>,
    /// For each open table row, the number of cells met so far.
    rows: Vec<usize>,
    in_unit: usize,
    in_section: usize,
}

/// Walks `root`'s content in document order into units of text.
fn walk(root: ElementRef) -> Walked {
    let mut w = Walker {
        in_section: usize::from(
            SECTION_TAGS.contains(&root.value().name())
                || root.value().attr("role") == Some("main"),
        ),
        ..Walker::default()
    };
    let mut stack: Vec<Step> = Vec::new();
    push_children(&mut stack, root);
    while let Some(step) = stack.pop() {
        match step {
            Step::Text(t) => w.cur.push_str(t),
            Step::Exit(exit) => w.exit(exit),
            Step::Enter(el) => {
                if is_chrome(&el, w.in_unit > 0, w.in_section > 0) {
                    continue;
                }
                if let Some(exit) = w.enter(el) {
                    stack.push(Step::Exit(exit));
                }
                push_children(&mut stack, el);
            }
        }
    }
    w.flush();
    w.out
}

fn push_children<'a>(stack: &mut Vec<Step<'a>>, el: ElementRef<'a>) {
    for child in el.children().rev() {
        if let Some(child_el) = ElementRef::wrap(child) {
            stack.push(Step::Enter(child_el));
        } else if let Some(text) = child.value().as_text() {
            stack.push(Step::Text(text));
        }
    }
}

impl Walker {
    /// Acts on an element's start; returns what to do at its end.
    fn enter(&mut self, el: ElementRef) -> Option<Exit> {
        let name = el.value().name();
        if name == "br" || name == "wbr" {
            // A line break inside a paragraph is only a space: no hard breaks in a unit.
            if name == "br" {
                self.cur.push(' ');
            }
            return None;
        }
        if name == "time" && self.out.date.is_none() {
            self.out.date = el.value().attr("datetime").and_then(iso_date);
        }
        let in_row = !self.rows.is_empty();
        match name {
            "td" | "th" if in_row => {
                if let Some(cells) = self.rows.last_mut() {
                    if *cells > 0 {
                        self.cur.push_str(CELL_SEPARATOR);
                    }
                    *cells += 1;
                }
                Some(Exit::Space)
            }
            _ if in_row
                && (UNIT_TAGS.contains(&name)
                    || BLOCK_TAGS.contains(&name)
                    || is_list(name)
                    || name == "tr") =>
            {
                // Nested blocks and tables inside a row are flattened into it.
                self.cur.push(' ');
                Some(Exit::Space)
            }
            "tr" => {
                self.flush();
                self.rows.push(0);
                self.in_unit += 1;
                Some(Exit::Row)
            }
            _ if is_list(name) => {
                self.flush();
                self.lists.push(list_of(el));
                Some(Exit::List)
            }
            "li" => {
                self.flush();
                self.marker = Some(self.item_marker(el));
                self.in_unit += 1;
                Some(Exit::Unit)
            }
            _ if UNIT_TAGS.contains(&name) => {
                self.flush();
                self.in_unit += 1;
                Some(Exit::Unit)
            }
            _ if SECTION_TAGS.contains(&name) => {
                self.flush();
                self.in_section += 1;
                Some(Exit::Section)
            }
            _ if BLOCK_TAGS.contains(&name) => {
                self.flush();
                Some(Exit::Block)
            }
            _ => None,
        }
    }

    fn exit(&mut self, exit: Exit) {
        match exit {
            Exit::Block => self.flush(),
            Exit::Unit => {
                self.flush();
                self.in_unit = self.in_unit.saturating_sub(1);
            }
            Exit::Section => {
                self.flush();
                self.in_section = self.in_section.saturating_sub(1);
            }
            Exit::List => {
                self.flush();
                self.lists.pop();
            }
            Exit::Row => {
                self.flush();
                self.rows.pop();
                self.in_unit = self.in_unit.saturating_sub(1);
            }
            Exit::Space => self.cur.push(' '),
        }
    }

    /// Ends the current unit: its text, cleaned, becomes a paragraph (with the pending list
    /// marker), unless it is empty. An empty flush keeps the marker for the item's text.
    fn flush(&mut self) {
        let text = inline_text(&self.cur);
        self.cur.clear();
        if !text.chars().any(|c| c != '|' && !c.is_whitespace()) {
            return;
        }
        let unit = match self.marker.take() {
            Some(marker) => marker + &text,
            None => text,
        };
        self.out.units.push(unit);
    }

    /// "• " in a bulleted list, "3. " (or "c) ", "iii) ") in an ordered one; `<li value>`
    /// resets the count as a browser does.
    fn item_marker(&mut self, li: ElementRef) -> String {
        let Some(list) = self.lists.last_mut() else {
            return "• ".into();
        };
        let Some(kind) = list.kind else {
            return "• ".into();
        };
        if let Some(value) = li.value().attr("value").and_then(|v| v.trim().parse().ok()) {
            list.next = value;
        }
        let n = list.next;
        list.next += list.step;
        ordinal_marker(kind, n)
    }
}

fn is_list(name: &str) -> bool {
    matches!(name, "ul" | "ol" | "menu" | "dir")
}

/// A list's marker kind and first number (`start`, `reversed`, `type` as a browser reads them).
fn list_of(el: ElementRef) -> List {
    let v = el.value();
    if v.name() != "ol" {
        return List {
            kind: None,
            next: 1,
            step: 1,
        };
    }
    let kind = match v.attr("type").map(str::trim) {
        Some(t @ ("a" | "A" | "i" | "I")) => t.chars().next(),
        _ => Some('1'),
    };
    let reversed = v.attr("reversed").is_some();
    let start = v.attr("start").and_then(|s| s.trim().parse::<i64>().ok());
    let next = start.unwrap_or_else(|| {
        if reversed {
            el.child_elements()
                .filter(|c| c.value().name() == "li")
                .count() as i64
        } else {
            1
        }
    });
    List {
        kind,
        next,
        step: if reversed { -1 } else { 1 },
    }
}

// ---------------------------------------------------------------------------------------
// Metadata

/// What the page's `<meta>` tags say.
#[derive(Debug, Default)]
struct Meta {
    og_title: Option<String>,
    site_name: Option<String>,
    /// `article:published_time`.
    published: Option<String>,
    /// The first of `date`, `DC.date`, `dcterms.date`, `citation_publication_date`.
    dc_date: Option<String>,
}

impl Meta {
    fn read(doc: &Html) -> Meta {
        let mut meta = Meta::default();
        for el in doc.select(&META) {
            let v = el.value();
            let (Some(key), Some(content)) =
                (v.attr("property").or(v.attr("name")), v.attr("content"))
            else {
                continue;
            };
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "og:title" => &mut meta.og_title,
                "og:site_name" => &mut meta.site_name,
                "article:published_time" => {
                    if meta.published.is_none() {
                        meta.published = iso_date(content);
                    }
                    continue;
                }
                "date" | "dc.date" | "dcterms.date" | "citation_publication_date" => {
                    if meta.dc_date.is_none() {
                        meta.dc_date = iso_date(content);
                    }
                    continue;
                }
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(inline_text(content)).filter(|s| !s.is_empty());
            }
        }
        meta
    }
}

/// `datePublished` from the page's JSON-LD: a top-level object, an array of them, or the
/// members of an `@graph`.
fn json_ld_date(doc: &Html) -> Option<String> {
    doc.select(&SCRIPT)
        .filter(|s| {
            s.value().attr("type").is_some_and(|t| {
                t.trim()
                    .to_ascii_lowercase()
                    .starts_with("application/ld+json")
            })
        })
        .find_map(|s| {
            let json: String = s.text().collect();
            let value: serde_json::Value = serde_json::from_str(json.trim()).ok()?;
            let top = match value {
                serde_json::Value::Array(items) => items,
                other => vec![other],
            };
            let graph = top
                .iter()
                .filter_map(|v| v.get("@graph")?.as_array())
                .flatten();
            top.iter()
                .chain(graph)
                .find_map(|v| v.get("datePublished")?.as_str().and_then(iso_date))
        })
}

/// Separators between a page's title and its site's name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " :: ", " » "];

/// `og:title`, else `<title>` with its " - Site" suffix cut when the `<h1>` or
/// `og:site_name` shows it is one, else the first `<h1>`.
fn title(doc: &Html, meta: &Meta, h1: Option<&str>) -> Option<String> {
    if let Some(t) = meta.og_title.as_deref().and_then(clean_title) {
        return Some(t);
    }
    let head_title = doc
        .select(&TITLE)
        .next()
        .map(|t| inline_text(&t.text().collect::<String>()));
    if let Some(t) = head_title
        .map(|t| cut_site_suffix(&t, h1, meta.site_name.as_deref()))
        .and_then(|t| clean_title(&t))
    {
        return Some(t);
    }
    h1.and_then(clean_title)
}

/// "Joint declaration - Coast.example" → "Joint declaration" when the `<h1>` reads
/// "Joint declaration" or the site is named "Coast.example"; unchanged otherwise (a title
/// may contain " - " of its own).
fn cut_site_suffix(title: &str, h1: Option<&str>, site: Option<&str>) -> String {
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    for (at, sep) in TITLE_SEPARATORS
        .iter()
        .flat_map(|sep| title.match_indices(sep).map(move |(at, _)| (at, *sep)))
    {
        let (head, tail) = (&title[..at], &title[at + sep.len()..]);
        if h1.is_some_and(|h| same(h, head)) || site.is_some_and(|s| same(s, tail)) {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_comes_from_bom_then_meta_then_utf8_then_windows_1252() {
        // "é" in Windows-1252 is 0xE9, in UTF-8 0xC3 0xA9.
        assert_eq!(decode(b"\xEF\xBB\xBF<p>caf\xC3\xA9"), "<p>café");
        assert_eq!(decode(b"\xFF\xFE<\0p\0>\0\xE9\0"), "<p>é");
        assert_eq!(
            decode(b"<meta charset=\"iso-8859-15\"><p>\xA4"),
            "<meta charset=\"iso-8859-15\"><p>€"
        );
        assert_eq!(
            decode(
                b"<META HTTP-EQUIV='content-type' CONTENT='text/html; Charset=windows-1252'>\x80"
            ),
            "<META HTTP-EQUIV='content-type' CONTENT='text/html; Charset=windows-1252'>€"
        );
        assert_eq!(decode(b"<p>caf\xC3\xA9"), "<p>café");
        assert_eq!(decode(b"<p>caf\xE9"), "<p>café");
        // A declared UTF-16 cannot be right for bytes that parse as ASCII.
        assert_eq!(
            decode(b"<meta charset=utf-16><p>caf\xC3\xA9"),
            "<meta charset=utf-16><p>café"
        );
    }

    #[test]
    fn a_declaration_past_the_first_kib_is_not_read() {
        let mut page = vec![b' '; 1100];
        page.extend_from_slice(b"<meta charset=\"windows-1252\"><p>caf\xC3\xA9");
        assert!(decode(&page).ends_with("café"));
        assert_eq!(
            declared_charset(b"<meta name=x><meta charset='koi8-r'>"),
            Some(encoding_rs::KOI8_R)
        );
        assert_eq!(declared_charset(b"<p charset=koi8-r>"), None);
    }

    #[test]
    fn chrome_tokens_are_whole_parts() {
        for chrome in [
            "share",
            "gem-c-share-links",
            "govuk-breadcrumbs",
            "cookie_banner",
            "Related-Posts",
            "menu",
        ] {
            assert!(chrome_token(chrome), "{chrome}");
        }
        for prose in [
            "shareholders",
            "menuiserie",
            "commentary",
            "relatedness",
            "price",
        ] {
            assert!(!chrome_token(prose), "{prose}");
        }
    }
}
