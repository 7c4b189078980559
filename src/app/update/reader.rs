//! The reader: opening a document where it was left, wrapping, scrolling, the cursor
//! sentence, jumps, search and copy.

use std::sync::Arc;

use crate::app::display::{Display, Flavor};

use super::*;

/// Opens `doc` in the reader where it was left.
pub(super) fn open_doc(state: &mut State, doc: usize) {
    let Some(corpus) = state.corpus.clone() else {
        return;
    };
    let Some(document) = corpus.documents.get(doc) else {
        return;
    };
    save_place(state);
    let r = &mut state.reader;
    r.doc = Some(doc);
    r.display = Arc::new(display_of(document));
    r.sentences = split_units(&document.text)
        .iter()
        .map(|u| (u.start, u.end))
        .collect();
    // The front matter is the header, and markup is not shown: no sentence of them.
    let display = Arc::clone(&r.display);
    r.sentences.retain(|&(s, e)| display.shows(s, e));
    let place = r.places.get(&doc).copied().unwrap_or_default();
    r.at = place.at;
    if let Some(fm) = &r.display.front_matter
        && r.at < fm.end
    {
        r.at = r.sentences.first().map_or(fm.end, |(s, _)| *s);
    }
    r.mark = None;
    r.width = 0; // force a new wrap
    r.top = 0;
    rewrap_keeping(state, place.top_byte);
}

/// A document as the reader shows it: a text file by its flavor (Markdown, hard-wrapped
/// or plain); a converted one (PDF, web page, Word file) as its paragraphs, one line each,
/// with a PDF's page markers: its text is already clean, nothing in it is markup.
pub fn display_of(document: &crate::corpus::Document) -> Display {
    match document.source {
        crate::corpus::SourceKind::Text => {
            let flavor = Flavor::of(&document.name, &document.text);
            Display::read(&document.text, flavor)
        }
        _ => Display::paged(&document.text, &document.pages),
    }
}

pub(super) fn save_place(state: &mut State) {
    let r = &mut state.reader;
    if let Some(doc) = r.doc {
        let top_byte = r.lines.get(r.top).map_or(0, |l| l.start);
        r.places.insert(doc, Place { top_byte, at: r.at });
    }
}

/// Wraps the open document again for the reader's current width, keeping the top line.
pub(super) fn rewrap(state: &mut State) {
    let top_byte = state
        .reader
        .lines
        .get(state.reader.top)
        .map_or(0, |l| l.start);
    rewrap_keeping(state, top_byte);
}

pub(super) fn rewrap_keeping(state: &mut State, top_byte: usize) {
    let width = reader_text_width(state);
    if state.reader.doc.is_none() {
        return;
    }
    if width == 0 {
        return; // not shown at this size; wrapped when it is
    }
    let r = &mut state.reader;
    if r.width != width {
        r.lines = wrap_display(&r.display, width);
        r.width = width;
    }
    r.top = line_of(&r.lines, top_byte);
    let height = reader_height(state);
    let r = &mut state.reader;
    r.top = r.top.min(r.lines.len().saturating_sub(height));
}

/// Scrolls the reader; the cursor follows into view.
pub(super) fn scroll(state: &mut State, delta: isize) {
    let height = reader_height(state);
    let r = &mut state.reader;
    let max_top = r.lines.len().saturating_sub(height);
    r.top = (r.top as isize)
        .saturating_add(delta)
        .clamp(0, max_top as isize) as usize;
    if r.lines.is_empty() {
        return;
    }
    let cursor_line = line_of(&r.lines, r.at);
    if cursor_line < r.top || cursor_line >= r.top + height {
        let line_start = |i: usize| r.lines[i.min(r.lines.len() - 1)].start;
        let (first, middle) = (line_start(r.top), line_start(r.top + height / 2));
        let last = r.lines[(r.top + height - 1).min(r.lines.len() - 1)].end;
        // Back at the middle of the view: the first sentence starting there or below,
        // else the first in view, else the one the top line is in. From the middle it
        // stays for half a screen of scrolls either way; from the top it would move
        // (and redraw its gutter marks) with every sentence scrolled past.
        let starting = |from: usize| {
            r.sentences
                .iter()
                .find(|(s, _)| *s >= from && *s <= last)
                .map(|(s, _)| *s)
        };
        r.at = starting(middle)
            .or_else(|| starting(first))
            .unwrap_or(first);
    }
}

/// Puts the cursor on byte `at` (and picks out `mark`), scrolling it into view.
pub(super) fn goto(state: &mut State, at: usize, mark: Option<(usize, usize)>) {
    let height = reader_height(state);
    let r = &mut state.reader;
    r.at = at;
    r.mark = mark;
    if r.lines.is_empty() {
        return;
    }
    let line = line_of(&r.lines, at);
    if line < r.top || line >= r.top + height {
        r.top = line.saturating_sub(height / 3);
    }
    r.top = r.top.min(r.lines.len().saturating_sub(height));
}

/// The next (or previous) figure, date or commitment from the cursor.
pub(super) fn jump(
    state: &mut State,
    list: fn(&Marks) -> &Vec<(usize, usize)>,
    forward: bool,
    what: &str,
) {
    let Some(doc) = state.reader.doc else {
        return say(state, "open a document first");
    };
    if state.index.is_none() {
        return say(state, "still indexing…");
    }
    let at = state.reader.at;
    let spans = state.marks.get(doc).map(list).cloned().unwrap_or_default();
    let found = if forward {
        spans.iter().find(|(s, _)| *s > at).copied()
    } else {
        spans.iter().rev().find(|(s, _)| *s < at).copied()
    };
    match found {
        Some((s, e)) => {
            record_jump(state);
            goto(state, s, Some((s, e)))
        }
        None => {
            let direction = if forward { "after" } else { "before" };
            say(state, format!("no {what} {direction} the cursor"));
        }
    }
}

/// Moves the cursor by sentences.
pub(super) fn sentence(state: &mut State, delta: isize) {
    let r = &state.reader;
    if r.sentences.is_empty() {
        return;
    }
    let current = r
        .sentences
        .partition_point(|(s, _)| *s <= r.at)
        .saturating_sub(1);
    let next = (current as isize + delta).clamp(0, r.sentences.len() as isize - 1) as usize;
    let start = r.sentences[next].0;
    goto(state, start, None);
}

/// The sentence the cursor is in, as a byte span.
pub fn cursor_sentence(state: &State) -> Option<(usize, usize)> {
    let r = &state.reader;
    let i = r
        .sentences
        .partition_point(|(s, _)| *s <= r.at)
        .checked_sub(1)?;
    let (s, e) = r.sentences[i];
    (r.at < e.max(s + 1)).then_some((s, e))
}

pub(super) fn search(state: &mut State, forward: bool) {
    let pattern = state.reader.pattern.clone();
    if pattern.is_empty() {
        return say(state, "no search yet: / to search");
    }
    if state.reader.doc.is_none() {
        return;
    }
    let at = state.reader.at;
    // What the reader shows, not the file's source: no match in a URL or the front matter.
    let all = state.reader.display.find_all(&pattern);
    if all.is_empty() {
        return say(
            state,
            format!(
                "\"{}\" is not in this document",
                crate::safe_text::sanitize(&pattern)
            ),
        );
    }
    let (found, wrapped) = if forward {
        match all.iter().find(|(s, _)| *s > at) {
            Some(m) => (*m, false),
            None => (all[0], true),
        }
    } else {
        match all.iter().rev().find(|(s, _)| *s < at) {
            Some(m) => (*m, false),
            None => (all[all.len() - 1], true),
        }
    };
    record_jump(state);
    goto(state, found.0, Some(found));
    let n = all.iter().position(|m| *m == found).unwrap_or(0) + 1;
    let note = if wrapped { " (wrapped)" } else { "" };
    say(state, format!("match {n} of {}{note}", all.len()));
}

/// Opens the page prompt, for a document with pages; says why not otherwise.
pub(super) fn open_page_prompt(state: &mut State) {
    if state.reader.doc.is_none() {
        return say(state, "open a document first");
    }
    match state.reader.display.page_starts.len() {
        0 => say(state, "this document has no pages (not a PDF)"),
        n => {
            let r = &mut state.reader;
            r.search_input = Some(text_input(&format!("page number, 1–{n}")));
            r.page_prompt = true;
        }
    }
}

/// Goes to the page `typed` names: the cursor on its first word, its marker the top line.
pub(super) fn goto_page(state: &mut State, typed: &str) {
    let count = state.reader.display.page_starts.len();
    if count == 0 {
        return say(state, "this document has no pages (not a PDF)");
    }
    let typed = typed.trim();
    if typed.is_empty() {
        return;
    }
    let Ok(n) = typed.parse::<usize>() else {
        let shown = crate::safe_text::sanitize(typed);
        return say(state, format!("\"{shown}\" is not a page number"));
    };
    let Some(&at) = n
        .checked_sub(1)
        .and_then(|i| state.reader.display.page_starts.get(i))
    else {
        let pages = if count == 1 { "page" } else { "pages" };
        return say(
            state,
            format!("no page {n}: this document has {count} {pages}"),
        );
    };
    record_jump(state);
    goto(state, at, None);
    let height = reader_height(state);
    let r = &mut state.reader;
    if !r.lines.is_empty() {
        r.top = line_of(&r.lines, at).min(r.lines.len().saturating_sub(height));
    }
    say(state, format!("p. {n} of {count}"));
}

pub(super) fn copy_sentence(state: &mut State) -> Vec<Effect> {
    let (Some(doc), Some(corpus), Some((s, e))) = (
        state.reader.doc,
        state.corpus.clone(),
        cursor_sentence(state),
    ) else {
        say(state, "no sentence under the cursor");
        return Vec::new();
    };
    let text = &corpus.documents[doc].text[s..e];
    let sentence = crate::safe_text::quote(text);
    let date = state
        .index
        .as_ref()
        .and_then(|i| i.doc_info(doc as u32).date.clone());
    let mut citation = match date {
        Some(d) => format!("{}, {d}", state.title(doc)),
        None => state.title(doc),
    };
    // A PDF's page, as a citation names it: `p. 3`, or `pp. 3–4` across a page break.
    if let Some(page) = corpus.documents[doc].page_label(s..e) {
        citation = format!("{citation}, {page}");
    }
    let copied = format!("“{sentence}” ({citation}; {})", corpus.documents[doc].name);
    say(
        state,
        "copied the sentence and its citation (sent to the terminal by OSC 52)",
    );
    vec![Effect::Copy(copied)]
}

/// Opens the reader at a finder hit's exact span.
pub(super) fn open_hit(state: &mut State, hit: &FinderHit) {
    record_jump(state);
    state.overlay = None;
    state.timeline = None;
    open_doc(state, hit.doc);
    state.focus = Pane::Reader;
    rewrap(state);
    goto(state, hit.start, Some((hit.start, hit.end)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Document, SourceKind};

    #[test]
    fn converted_documents_are_shown_plain_whatever_their_text_looks_like() {
        let text = "# Not a heading\n\nA *starred* word and a [bracket](here).\n";
        let mut doc = Document::from_text("page.html", text);
        doc.source = SourceKind::Html;
        assert_eq!(display_of(&doc), Display::plain(text));
        assert_eq!(
            display_of(&doc).text(),
            "# Not a heading\n\nA *starred* word and a [bracket](here).\n\n"
        );
        // The same text in a Markdown file is rendered.
        let md = Document::from_text("page.md", text);
        assert_eq!(
            display_of(&md).text(),
            "Not a heading\n\nA starred word and a bracket.\n"
        );
        // A PDF with pages gets its markers.
        let mut pdf = Document::from_text("a.pdf", "One.\n\nTwo.");
        pdf.source = SourceKind::Pdf;
        pdf.pages = vec![0..4, 4..11];
        assert_eq!(
            display_of(&pdf).text(),
            "── p. 1 ──\nOne.\n\n── p. 2 ──\nTwo.\n"
        );
    }
}
