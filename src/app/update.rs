//! The only place the workbench's state changes: a message in, effects out.

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::layout::{documents_height, finder_height, layout, reader_height, reader_text_width};
use super::msg::{Effect, Mouse, Msg};
use super::state::{
    FinderHit, Marks, Overlay, Pane, Place, SortBy, State, Status, input_text, text_input,
};
use super::wrap::{line_of, wrap};
use crate::corpus::split::split_units;
use crate::keymap::{Action, Context, Key, Lookup};
use crate::search::{Index, Kind};

/// The context keys are looked up in: an overlay, a prompt, or the focused pane.
pub fn context(state: &State) -> Context {
    match state.overlay {
        Some(Overlay::Help) => Context::Help,
        Some(Overlay::Finder) => Context::Finder,
        None => match state.focus {
            Pane::Documents if state.documents.filter_input.is_some() => Context::Filter,
            Pane::Documents => Context::Documents,
            Pane::Reader if state.reader.search_input.is_some() => Context::Search,
            Pane::Reader => Context::Reader,
        },
    }
}

pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(event) => key(state, event),
        Msg::Paste(text) => paste(state, &text),
        Msg::Mouse(kind, x, y) => mouse(state, kind, x, y),
        Msg::Resize(w, h) => {
            state.size = (w, h);
            rewrap(state);
            clamp_lists(state);
            Vec::new()
        }
        Msg::CorpusLoaded(corpus) => {
            let n = corpus.documents.len();
            state.corpus = Some(corpus);
            state.progress = Some(format!("extracting and indexing {n} documents…"));
            refresh_documents(state);
            Vec::new()
        }
        Msg::IndexReady(index) => index_ready(state, index),
        Msg::LoadFailed(message) => {
            state.progress = None;
            state.status = Some(Status {
                text: message,
                error: true,
            });
            Vec::new()
        }
        Msg::FinderResults {
            generation,
            hits,
            total,
            complete,
        } => {
            // Results of a query typed over since are dropped.
            if generation == state.finder.generation {
                let f = &mut state.finder;
                f.shown = input_text(&f.input);
                f.hits = hits;
                f.total = total;
                f.complete = complete;
                f.selected = 0;
                f.offset = 0;
            }
            Vec::new()
        }
        Msg::Resumed => vec![Effect::Redraw],
        Msg::Terminate => {
            state.quit = true;
            vec![Effect::Quit]
        }
    }
}

/// Rows the wheel moves per notch.
const WHEEL_ROWS: isize = 3;

/// The mouse, when captured: the wheel scrolls what is under it; a click selects a row (a
/// second click on the selected one opens it), picks a tab, or puts the reader's cursor on
/// the sentence clicked.
fn mouse(state: &mut State, kind: Mouse, x: u16, y: u16) -> Vec<Effect> {
    use ratatui::layout::Position;
    let areas = layout(state);
    let at = Position { x, y };
    let over = |r: Option<ratatui::layout::Rect>| r.is_some_and(|r| r.contains(at));
    let ctx = if state.overlay.is_some() {
        if !over(areas.overlay) {
            return Vec::new();
        }
        context(state)
    } else if over(areas.documents) {
        Context::Documents
    } else if over(areas.reader) {
        Context::Reader
    } else if kind == Mouse::Click && over(areas.tabs) {
        let pane = if x < 14 {
            Pane::Documents
        } else {
            Pane::Reader
        };
        focus(state, pane);
        return Vec::new();
    } else {
        return Vec::new();
    };
    match kind {
        Mouse::WheelDown => step(state, ctx, WHEEL_ROWS),
        Mouse::WheelUp => step(state, ctx, -WHEEL_ROWS),
        Mouse::Click => return click(state, ctx, &areas, y),
    }
    Vec::new()
}

fn click(state: &mut State, ctx: Context, areas: &super::layout::Areas, y: u16) -> Vec<Effect> {
    use super::layout::{inner, pane_inner};
    match ctx {
        Context::Documents | Context::Filter => {
            let Some(r) = areas.documents.map(|r| pane_inner(state, r)) else {
                return Vec::new();
            };
            focus(state, Pane::Documents);
            // Below the header row.
            let Some(row) = (y as usize).checked_sub(r.y as usize + 1) else {
                return Vec::new();
            };
            let index = state.documents.offset + row;
            if index >= state.documents.order.len() {
                return Vec::new();
            }
            if index == state.documents.selected {
                return act(state, Action::Open);
            }
            state.documents.selected = index;
        }
        Context::Finder => {
            let Some(r) = areas.overlay.map(inner) else {
                return Vec::new();
            };
            // Below the input and the count lines.
            let Some(row) = (y as usize).checked_sub(r.y as usize + 2) else {
                return Vec::new();
            };
            let index = state.finder.offset + row;
            if index >= state.finder.hits.len() {
                return Vec::new();
            }
            if index == state.finder.selected {
                return confirm(state, Context::Finder);
            }
            state.finder.selected = index;
        }
        Context::Reader => {
            let Some(r) = areas.reader.map(|r| pane_inner(state, r)) else {
                return Vec::new();
            };
            focus(state, Pane::Reader);
            let Some(row) = (y as usize).checked_sub(r.y as usize) else {
                return Vec::new();
            };
            // The cursor is any byte of its sentence: the clicked line's first is enough.
            if let Some(line) = state.reader.lines.get(state.reader.top + row).copied() {
                state.reader.at = line.start;
                state.reader.mark = None;
            }
        }
        _ => {}
    }
    clamp_lists(state);
    Vec::new()
}

fn index_ready(state: &mut State, index: Arc<Index>) -> Vec<Effect> {
    let docs = index.corpus().documents.len();
    let mut marks = vec![Marks::default(); docs];
    for e in index.entries() {
        let Some(m) = marks.get_mut(e.doc as usize) else {
            continue;
        };
        let span = (e.start as usize, e.end as usize);
        match e.kind {
            Kind::Figure => m.figures.push(span),
            Kind::Date => m.dates.push(span),
            Kind::Commitment => m.commitments.push(span),
            Kind::Sentence | Kind::Document => {}
        }
    }
    for m in &mut marks {
        m.figures.sort_unstable();
        m.dates.sort_unstable();
        m.commitments.sort_unstable();
    }
    state.marks = marks;
    state.index = Some(index);
    state.progress = None;
    refresh_documents(state);
    // Sorted by date now: start at the top, unless a document is already being read.
    if state.reader.doc.is_none() {
        state.documents.selected = 0;
        clamp_lists(state);
    }
    // A query typed while the index was being built runs now.
    match input_text(&state.finder.input).trim().is_empty() {
        true => Vec::new(),
        false => new_query(state),
    }
}

fn key(state: &mut State, event: KeyEvent) -> Vec<Effect> {
    let ctx = context(state);
    let Some(k) = Key::from_event(&event) else {
        return Vec::new();
    };
    state.pending.push(k);
    match state.keymap.lookup(ctx, &state.pending) {
        Lookup::Action(action) => {
            state.pending.clear();
            state.status = None;
            act(state, action)
        }
        Lookup::Pending => Vec::new(),
        Lookup::NotFound => {
            let sequence = state.pending.len() > 1;
            state.pending.clear();
            if !sequence && ctx.is_text_input() {
                type_key(state, ctx, event)
            } else {
                Vec::new()
            }
        }
    }
}

/// The prompt of a text context.
fn prompt(state: &mut State, ctx: Context) -> Option<&mut ratatui_textarea::TextArea<'static>> {
    match ctx {
        Context::Finder => Some(&mut state.finder.input),
        Context::Search => state.reader.search_input.as_mut(),
        Context::Filter => state.documents.filter_input.as_mut(),
        _ => None,
    }
}

/// An unbound key in a prompt edits it (letters, backspace, arrows, ctrl-w…).
fn type_key(state: &mut State, ctx: Context, event: KeyEvent) -> Vec<Effect> {
    let Some(input) = prompt(state, ctx) else {
        return Vec::new();
    };
    let before = input_text(input);
    edit_line(input, event);
    one_line(input);
    if input_text(input) == before {
        return Vec::new();
    }
    edited(state, ctx)
}

/// Readline's line-editing keys, which people type in any prompt (ratatui-textarea gives
/// some of them other meanings: its ctrl-u is undo); other keys go to the text area.
fn edit_line(input: &mut ratatui_textarea::TextArea<'static>, event: KeyEvent) {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    use ratatui_textarea::CursorMove;
    let ctrl = event.modifiers == KeyModifiers::CONTROL;
    match event.code {
        KeyCode::Char('u') if ctrl => {
            input.delete_line_by_head();
        }
        KeyCode::Char('k') if ctrl => {
            input.delete_line_by_end();
        }
        KeyCode::Char('w') if ctrl => {
            input.delete_word();
        }
        KeyCode::Char('a') if ctrl => input.move_cursor(CursorMove::Head),
        KeyCode::Char('e') if ctrl => input.move_cursor(CursorMove::End),
        _ => {
            input.input(event);
        }
    }
}

/// A prompt is one line: a newline typed or pasted joins it.
fn one_line(input: &mut ratatui_textarea::TextArea<'static>) {
    if input.lines().len() > 1 {
        let joined = input_text(input);
        *input = text_input(input.placeholder_text());
        input.insert_str(joined);
    }
}

fn edited(state: &mut State, ctx: Context) -> Vec<Effect> {
    match ctx {
        Context::Finder => new_query(state),
        Context::Filter => {
            state.documents.filter = state
                .documents
                .filter_input
                .as_ref()
                .map(input_text)
                .unwrap_or_default();
            refresh_documents(state);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn paste(state: &mut State, text: &str) -> Vec<Effect> {
    let ctx = context(state);
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let Some(input) = prompt(state, ctx) else {
        return Vec::new();
    };
    input.insert_str(clean);
    edited(state, ctx)
}

/// The finder's input changed: a new generation, searched off the UI thread.
fn new_query(state: &mut State) -> Vec<Effect> {
    state.finder.generation += 1;
    let query = input_text(&state.finder.input);
    if query.trim().is_empty() {
        let f = &mut state.finder;
        f.hits.clear();
        f.shown.clear();
        f.total = 0;
        return Vec::new();
    }
    if state.index.is_none() {
        return Vec::new(); // runs when the index is ready
    }
    vec![Effect::Search {
        generation: state.finder.generation,
        query,
    }]
}

fn say(state: &mut State, text: impl Into<String>) {
    state.status = Some(Status {
        text: text.into(),
        error: false,
    });
}

fn act(state: &mut State, action: Action) -> Vec<Effect> {
    let ctx = context(state);
    match action {
        Action::Quit => {
            state.quit = true;
            return vec![Effect::Quit];
        }
        Action::Suspend => return vec![Effect::Suspend],
        Action::Redraw => return vec![Effect::Redraw],
        Action::ToggleHelp => {
            state.overlay = match state.overlay {
                Some(Overlay::Help) => None,
                _ => Some(Overlay::Help),
            };
            state.help_offset = 0;
        }
        Action::FocusNext | Action::FocusPrev => {
            let next = match state.focus {
                Pane::Documents => Pane::Reader,
                Pane::Reader => Pane::Documents,
            };
            focus(state, next);
        }
        Action::FocusDocuments => focus(state, Pane::Documents),
        Action::FocusReader => focus(state, Pane::Reader),
        Action::OpenFinder => state.overlay = Some(Overlay::Finder),
        Action::Down => step(state, ctx, 1),
        Action::Up => step(state, ctx, -1),
        Action::HalfPageDown => step(state, ctx, page(state, ctx) / 2),
        Action::HalfPageUp => step(state, ctx, -(page(state, ctx) / 2)),
        Action::PageDown => step(state, ctx, page(state, ctx)),
        Action::PageUp => step(state, ctx, -page(state, ctx)),
        Action::Top => step(state, ctx, isize::MIN / 2),
        Action::Bottom => step(state, ctx, isize::MAX / 2),
        Action::Open => {
            if let Some(&doc) = state.documents.order.get(state.documents.selected) {
                open_doc(state, doc);
                focus(state, Pane::Reader);
            }
        }
        Action::SortByDate => sort(state, SortBy::Date),
        Action::SortByTitle => sort(state, SortBy::Title),
        Action::Filter => {
            let mut input = text_input("filter by title or name");
            input.insert_str(&state.documents.filter);
            state.documents.filter_input = Some(input);
        }
        Action::NextFigure => jump(state, |m| &m.figures, true, "figure"),
        Action::PrevFigure => jump(state, |m| &m.figures, false, "figure"),
        Action::NextDate => jump(state, |m| &m.dates, true, "date"),
        Action::PrevDate => jump(state, |m| &m.dates, false, "date"),
        Action::NextCommitment => jump(state, |m| &m.commitments, true, "commitment"),
        Action::PrevCommitment => jump(state, |m| &m.commitments, false, "commitment"),
        Action::NextSentence => sentence(state, 1),
        Action::PrevSentence => sentence(state, -1),
        Action::Search => state.reader.search_input = Some(text_input("search this document")),
        Action::SearchNext => search(state, true),
        Action::SearchPrev => search(state, false),
        Action::CopySentence => return copy_sentence(state),
        Action::Confirm => return confirm(state, ctx),
        Action::Cancel => cancel(state, ctx),
    }
    Vec::new()
}

fn focus(state: &mut State, pane: Pane) {
    state.focus = pane;
    // Narrow terminals show one pane: the reader's width may have changed.
    rewrap(state);
}

fn page(state: &State, ctx: Context) -> isize {
    let rows = match ctx {
        Context::Documents | Context::Filter => documents_height(state),
        Context::Finder => finder_height(state),
        Context::Help => layout(state).overlay.map_or(1, |r| r.height as usize),
        _ => reader_height(state),
    };
    rows.max(2) as isize
}

/// Moves the selection or the view of `ctx` by `delta` rows.
fn step(state: &mut State, ctx: Context, delta: isize) {
    let moved = |at: usize, len: usize| -> usize {
        (at as isize)
            .saturating_add(delta)
            .clamp(0, len.saturating_sub(1) as isize) as usize
    };
    match ctx {
        Context::Documents | Context::Filter => {
            let d = &mut state.documents;
            d.selected = moved(d.selected, d.order.len());
        }
        Context::Finder => {
            let f = &mut state.finder;
            f.selected = moved(f.selected, f.hits.len());
        }
        Context::Help => state.help_offset = moved(state.help_offset, 200),
        _ => scroll(state, delta),
    }
    clamp_lists(state);
}

/// Keeps list selections in range and in view.
fn clamp_lists(state: &mut State) {
    let rows = documents_height(state);
    let d = &mut state.documents;
    d.selected = d.selected.min(d.order.len().saturating_sub(1));
    d.offset = keep_in_view(d.offset, d.selected, rows);
    let rows = finder_height(state);
    let f = &mut state.finder;
    f.selected = f.selected.min(f.hits.len().saturating_sub(1));
    f.offset = keep_in_view(f.offset, f.selected, rows);
}

fn keep_in_view(offset: usize, selected: usize, rows: usize) -> usize {
    if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    }
}

fn sort(state: &mut State, by: SortBy) {
    state.documents.sort = by;
    refresh_documents(state);
    say(
        state,
        match by {
            SortBy::Date => "documents by date, newest first",
            SortBy::Title => "documents by title",
        },
    );
}

/// Recomputes the documents list (sort and filter), keeping the selected document.
fn refresh_documents(state: &mut State) {
    let Some(corpus) = state.corpus.clone() else {
        return;
    };
    let keep = state.documents.order.get(state.documents.selected).copied();
    let filter = state.documents.filter.to_lowercase();
    let mut order: Vec<usize> = (0..corpus.documents.len())
        .filter(|&d| {
            filter.is_empty()
                || state.title(d).to_lowercase().contains(&filter)
                || corpus.documents[d].name.to_lowercase().contains(&filter)
        })
        .collect();
    let titles: Vec<String> = (0..corpus.documents.len())
        .map(|d| state.title(d).to_lowercase())
        .collect();
    match (state.documents.sort, &state.index) {
        (SortBy::Date, Some(index)) => order.sort_by(|&a, &b| {
            let day = |d: usize| index.doc_info(d as u32).days.map(|x| x.first);
            day(b).cmp(&day(a)).then_with(|| titles[a].cmp(&titles[b]))
        }),
        _ => order.sort_by(|&a, &b| titles[a].cmp(&titles[b])),
    }
    state.documents.selected = keep
        .and_then(|k| order.iter().position(|&d| d == k))
        .unwrap_or(0);
    state.documents.order = order;
    clamp_lists(state);
}

/// Opens `doc` in the reader where it was left.
fn open_doc(state: &mut State, doc: usize) {
    let Some(corpus) = state.corpus.clone() else {
        return;
    };
    let Some(document) = corpus.documents.get(doc) else {
        return;
    };
    save_place(state);
    let r = &mut state.reader;
    r.doc = Some(doc);
    r.sentences = split_units(&document.text)
        .iter()
        .map(|u| (u.start, u.end))
        .collect();
    let place = r.places.get(&doc).copied().unwrap_or_default();
    r.at = place.at;
    r.mark = None;
    r.width = 0; // force a new wrap
    r.top = 0;
    rewrap_keeping(state, place.top_byte);
}

fn save_place(state: &mut State) {
    let r = &mut state.reader;
    if let Some(doc) = r.doc {
        let top_byte = r.lines.get(r.top).map_or(0, |l| l.start);
        r.places.insert(doc, Place { top_byte, at: r.at });
    }
}

fn doc_text(state: &State) -> Option<Arc<crate::corpus::Corpus>> {
    state.corpus.clone()
}

/// Wraps the open document again for the reader's current width, keeping the top line.
fn rewrap(state: &mut State) {
    let top_byte = state
        .reader
        .lines
        .get(state.reader.top)
        .map_or(0, |l| l.start);
    rewrap_keeping(state, top_byte);
}

fn rewrap_keeping(state: &mut State, top_byte: usize) {
    let width = reader_text_width(state);
    let (Some(doc), Some(corpus)) = (state.reader.doc, doc_text(state)) else {
        return;
    };
    if width == 0 {
        return; // not shown at this size; wrapped when it is
    }
    let r = &mut state.reader;
    if r.width != width {
        r.lines = wrap(&corpus.documents[doc].text, width);
        r.width = width;
    }
    r.top = line_of(&r.lines, top_byte);
    let height = reader_height(state);
    let r = &mut state.reader;
    r.top = r.top.min(r.lines.len().saturating_sub(height));
}

/// Scrolls the reader; the cursor follows into view.
fn scroll(state: &mut State, delta: isize) {
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
        let first = r.lines[r.top].start;
        let last = r.lines[(r.top + height - 1).min(r.lines.len() - 1)].end;
        // The first sentence that starts in view, else the one the top line is in.
        r.at = r
            .sentences
            .iter()
            .find(|(s, _)| *s >= first && *s <= last)
            .map_or(first, |(s, _)| *s);
    }
}

/// Puts the cursor on byte `at` (and picks out `mark`), scrolling it into view.
fn goto(state: &mut State, at: usize, mark: Option<(usize, usize)>) {
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
fn jump(state: &mut State, list: fn(&Marks) -> &Vec<(usize, usize)>, forward: bool, what: &str) {
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
        Some((s, e)) => goto(state, s, Some((s, e))),
        None => {
            let direction = if forward { "after" } else { "before" };
            say(state, format!("no {what} {direction} the cursor"));
        }
    }
}

/// Moves the cursor by sentences.
fn sentence(state: &mut State, delta: isize) {
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

fn search(state: &mut State, forward: bool) {
    let pattern = state.reader.pattern.clone();
    if pattern.is_empty() {
        return say(state, "no search yet: / to search");
    }
    let (Some(doc), Some(corpus)) = (state.reader.doc, state.corpus.clone()) else {
        return;
    };
    let text = &corpus.documents[doc].text;
    let Ok(re) = regex::RegexBuilder::new(&regex::escape(&pattern))
        .case_insensitive(true)
        .build()
    else {
        return;
    };
    let at = state.reader.at;
    let all: Vec<(usize, usize)> = re.find_iter(text).map(|m| (m.start(), m.end())).collect();
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
    goto(state, found.0, Some(found));
    let n = all.iter().position(|m| *m == found).unwrap_or(0) + 1;
    let note = if wrapped { " (wrapped)" } else { "" };
    say(state, format!("match {n} of {}{note}", all.len()));
}

fn copy_sentence(state: &mut State) -> Vec<Effect> {
    let (Some(doc), Some(corpus), Some((s, e))) = (
        state.reader.doc,
        state.corpus.clone(),
        cursor_sentence(state),
    ) else {
        say(state, "no sentence under the cursor");
        return Vec::new();
    };
    let text = &corpus.documents[doc].text[s..e];
    let sentence: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let date = state
        .index
        .as_ref()
        .and_then(|i| i.doc_info(doc as u32).date.clone());
    let citation = match date {
        Some(d) => format!("{}, {d}", state.title(doc)),
        None => state.title(doc),
    };
    let copied = format!("“{sentence}” ({citation}; {})", corpus.documents[doc].name);
    say(
        state,
        "copied the sentence and its citation (sent to the terminal by OSC 52)",
    );
    vec![Effect::Copy(copied)]
}

fn confirm(state: &mut State, ctx: Context) -> Vec<Effect> {
    match ctx {
        Context::Finder => {
            let Some(hit) = state.finder.hits.get(state.finder.selected).cloned() else {
                return Vec::new();
            };
            open_hit(state, &hit);
        }
        Context::Search => {
            let pattern = state.reader.search_input.take().map(|i| input_text(&i));
            if let Some(p) = pattern.filter(|p| !p.is_empty()) {
                state.reader.pattern = p;
                search(state, true);
            }
        }
        Context::Filter => state.documents.filter_input = None,
        _ => {}
    }
    Vec::new()
}

/// Opens the reader at a finder hit's exact span.
fn open_hit(state: &mut State, hit: &FinderHit) {
    state.overlay = None;
    open_doc(state, hit.doc);
    state.focus = Pane::Reader;
    rewrap(state);
    goto(state, hit.start, Some((hit.start, hit.end)));
}

fn cancel(state: &mut State, ctx: Context) {
    match ctx {
        Context::Finder | Context::Help => state.overlay = None,
        Context::Search => state.reader.search_input = None,
        Context::Filter => {
            state.documents.filter_input = None;
            state.documents.filter.clear();
            refresh_documents(state);
        }
        _ => {}
    }
}
