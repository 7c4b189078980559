//! The only place the workbench's state changes: a message in, effects out.

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use crate::app::layout::{
    checklist_height, documents_height, finder_height, layout, reader_height, reader_text_width,
};
use crate::app::msg::{Effect, Mouse, Msg};
use crate::app::state::{
    ChecklistFilter, FinderHit, Marks, Overlay, Pane, Place, SortBy, State, Status, input_text,
    text_input,
};
use crate::app::wrap::{line_of, wrap_display};
use crate::corpus::split::split_units;
use crate::keymap::{Action, Context, Key, Lookup, display_sequence};
use crate::review::export::Format as ExportFormat;
use crate::search::{Index, Kind};
use crate::workspace::Verdict;

mod ask;
mod checklist;
mod documents;
mod jumps;
mod mouse;
mod prompt;
mod reader;
mod timeline;
mod undo;

pub use ask::unsaved;
use ask::*;
use checklist::*;
use documents::*;
use jumps::*;
use mouse::*;
use prompt::*;
pub use reader::cursor_sentence;
use reader::*;
use timeline::*;
use undo::*;

/// The context keys are looked up in: an overlay, a prompt, or the focused pane.
pub fn context(state: &State) -> Context {
    if state.ask.is_some() {
        return Context::Question;
    }
    match state.overlay {
        Some(Overlay::Help) => Context::Help,
        Some(Overlay::Finder) => Context::Finder,
        Some(Overlay::Note) => Context::NoteEditor,
        None if state.timeline.is_some() => Context::Timeline,
        None => match state.focus {
            Pane::Documents if state.documents.filter_input.is_some() => Context::Filter,
            Pane::Documents => Context::Documents,
            Pane::Reader if state.reader.search_input.is_some() => Context::Search,
            Pane::Reader => Context::Reader,
            Pane::Checklist
                if state
                    .review
                    .as_ref()
                    .is_some_and(|r| r.name_input.is_some()) =>
            {
                Context::ReviewerName
            }
            Pane::Checklist => Context::Checklist,
        },
    }
}

/// Applies a message to the state; what comes back is for the runtime to carry out.
pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    let effects = handle(state, msg);
    preview_selection(state);
    keep_reader_wrapped(state);
    effects
}

/// The reader's lines fit its pane whatever changed the pane's width: a resize, a
/// workspace opening a third pane beside a previewed document, reading mode. A message
/// that leaves the width alone costs a layout and a comparison.
fn keep_reader_wrapped(state: &mut State) {
    if state.reader.doc.is_some() {
        let width = crate::app::layout::reader_text_width(state);
        if width != 0 && width != state.reader.width {
            rewrap(state);
        }
    }
}

/// While the documents list has the focus and the reader shows beside it, the reader
/// previews the selected document (opened where it was left, the focus staying on the
/// list), so the first screen and each step through the list show a document rather than
/// an empty pane. Only a change of document opens and wraps anything: a key that leaves
/// the selection where it was costs a comparison. Once indexed only, so the list's first
/// sort (by date) is not taken for a reader's choice.
fn preview_selection(state: &mut State) {
    if state.focus != Pane::Documents
        || state.overlay.is_some()
        || state.timeline.is_some()
        || state.index.is_none()
    {
        return;
    }
    let Some(&doc) = state.documents.order.get(state.documents.selected) else {
        return;
    };
    if state.reader.doc != Some(doc) && layout(state).reader.is_some() {
        open_doc(state, doc);
    }
}

fn handle(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(event) => key(state, event),
        Msg::Paste(text) => paste(state, &text),
        Msg::Mouse(kind, x, y) => mouse(state, kind, x, y),
        Msg::Resize(w, h) => {
            state.size = (w, h);
            rewrap(state);
            clamp_lists(state);
            keep_in_sight(state);
            Vec::new()
        }
        Msg::CorpusLoaded(corpus) => {
            let n = corpus.documents.len();
            if let Some(message) = load_warnings(&corpus.warnings) {
                state.status = Some(Status {
                    text: message,
                    error: true,
                });
            }
            state.corpus = Some(corpus);
            state.progress = Some(format!("extracting and indexing {n} documents…"));
            refresh_documents(state);
            Vec::new()
        }
        Msg::IndexReady(index) => index_ready(state, index),
        Msg::WorkspaceOpened(opened) => {
            open_review(state, *opened);
            Vec::new()
        }
        Msg::Saved(s) => {
            saved(state, *s);
            quit_once_saved(state).unwrap_or_default()
        }
        Msg::Written(Ok(w)) => {
            let kept = match w.path == w.asked {
                true => String::new(),
                false => {
                    let name = w.asked.file_name().unwrap_or_default().to_string_lossy();
                    format!(" ({name} exists: kept)")
                }
            };
            say(
                state,
                format!("wrote {}: {}{kept}", w.path.display(), w.what),
            );
            Vec::new()
        }
        Msg::Written(Err(message)) => {
            state.status = Some(Status {
                text: format!("not written: {message}"),
                error: true,
            });
            Vec::new()
        }
        Msg::DiskChanged => match state.review {
            Some(_) => vec![Effect::Refresh],
            None => Vec::new(),
        },
        Msg::Refreshed(s) => {
            refreshed(state, *s);
            Vec::new()
        }
        Msg::SaveFailed(message) => {
            // No save is under way any more: the status bar says the changes are unsaved.
            if let Some(r) = state.review.as_mut() {
                r.saving = None;
            }
            // "Save and quit" does not quit when the save fails.
            let staying = match std::mem::take(&mut state.quit_after_save) {
                true => "; not quitting",
                false => "",
            };
            state.status = Some(Status {
                text: format!("not saved: {message}{staying}"),
                error: true,
            });
            Vec::new()
        }
        Msg::LockHeld { lock, holder } => {
            state.status = Some(Status {
                text: format!(
                    "not saved yet: {} is held by {holder}; saving when it is free",
                    lock.display()
                ),
                error: true,
            });
            vec![Effect::WaitForLock(lock)]
        }
        // What waited for the lock is saved now (a save that finds it taken again waits
        // again).
        Msg::LockFree => match &state.review {
            Some(r) if !r.unsaved.is_empty() => vec![Effect::Save],
            _ => Vec::new(),
        },
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
                let shown = input_text(&state.finder.input);
                state.finder.show((shown, None), hits, total, complete);
            }
            Vec::new()
        }
        Msg::Resumed => vec![Effect::Redraw],
        Msg::Terminate => terminate(state),
    }
}

pub(super) fn index_ready(state: &mut State, index: Arc<Index>) -> Vec<Effect> {
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
    state.passages = None;
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

/// The prompt while a key sequence waits: what each next key does. A word that starts every
/// action's name is said once (`w export: c csv · j json · m markdown`), so the prompt fits
/// an 80-column status bar beside the workspace's name and state. Any other key cancels,
/// and says so.
fn sequence_prompt(first: &str, next: &[(String, Action)]) -> String {
    let names: Vec<&str> = next.iter().map(|(_, action)| action.name()).collect();
    let shared = match names.split_first() {
        Some((head, rest)) if !rest.is_empty() => head
            .split_once('_')
            .map(|(word, _)| word)
            .filter(|word| rest.iter().all(|n| n.starts_with(&format!("{word}_"))))
            .unwrap_or(""),
        _ => "",
    };
    let choices: Vec<String> = next
        .iter()
        .zip(&names)
        .map(|((keys, _), name)| {
            let name = if shared.is_empty() {
                name
            } else {
                &name[shared.len() + 1..]
            };
            format!("{keys} {name}")
        })
        .collect();
    let lead = if shared.is_empty() {
        first.to_string()
    } else {
        format!("{first} {shared}")
    };
    format!("{lead}: {}", choices.join(" · "))
}

pub(super) fn key(state: &mut State, event: KeyEvent) -> Vec<Effect> {
    let ctx = context(state);
    let Some(k) = Key::from_event(&event) else {
        return Vec::new();
    };
    // The letter of a mark (`m a`, `' a`), whatever the keymap binds to it.
    if let Some(what) = state.mark_key.take() {
        state.status = None;
        return mark_letter(state, what, &k);
    }
    state.pending.push(k);
    match state.keymap.lookup(ctx, &state.pending) {
        Lookup::Action(action) => {
            state.pending.clear();
            state.status = None;
            act(state, action)
        }
        Lookup::Pending => {
            // The keys that may follow, as a prompt (`w`: which format to export).
            let next = state.keymap.continuations(ctx, &state.pending);
            let first = display_sequence(&state.pending);
            say(state, sequence_prompt(&first, &next));
            Vec::new()
        }
        Lookup::NotFound => {
            let sequence = state.pending.len() > 1;
            if sequence {
                say(state, "cancelled");
            }
            state.pending.clear();
            if !sequence && ctx.is_text_input() {
                type_key(state, ctx, event)
            } else {
                Vec::new()
            }
        }
    }
}

/// What the status bar says of a load's warnings (files skipped, converted with notes):
/// the first in full, the count of the rest, and where to read them all.
fn load_warnings(warnings: &[crate::corpus::Warning]) -> Option<String> {
    let first = warnings.first()?.brief();
    Some(match warnings.len() {
        1 => first,
        n => format!("{first} (+{} more: `cordiale summary` lists them)", n - 1),
    })
}

pub(super) fn say(state: &mut State, text: impl Into<String>) {
    state.status = Some(Status {
        text: text.into(),
        error: false,
    });
}

pub(super) fn act(state: &mut State, action: Action) -> Vec<Effect> {
    let ctx = context(state);
    if ctx == Context::Question {
        return answer(state, action);
    }
    match action {
        Action::Quit => return quit(state),
        Action::Suspend => return vec![Effect::Suspend],
        Action::Redraw => return vec![Effect::Redraw],
        Action::ToggleHelp => {
            state.overlay = match state.overlay {
                Some(Overlay::Help) => after_help(state),
                _ => Some(Overlay::Help),
            };
            state.help_offset = 0;
        }
        Action::FocusNext | Action::FocusPrev => {
            let mut panes = vec![Pane::Documents, Pane::Reader];
            if state.review.is_some() {
                panes.push(Pane::Checklist);
            }
            let i = panes.iter().position(|p| *p == state.focus).unwrap_or(0);
            let n = panes.len();
            let next = if action == Action::FocusNext {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            focus(state, panes[next]);
        }
        Action::FocusDocuments => focus(state, Pane::Documents),
        Action::FocusReader => focus(state, Pane::Reader),
        Action::FocusChecklist => {
            if state.review.is_some() {
                focus(state, Pane::Checklist);
            } else {
                say(state, "no workspace open yet");
            }
        }
        Action::ShowAll => set_filter(state, ChecklistFilter::All),
        Action::ShowMine => set_filter(state, ChecklistFilter::Mine),
        Action::ShowDisagreements => set_filter(state, ChecklistFilter::Disagreements),
        Action::ShowOrphaned => set_filter(state, ChecklistFilter::Orphaned),
        Action::ShowOverdue => set_filter(state, ChecklistFilter::Overdue),
        Action::SortByDeadline => toggle_deadline_order(state),
        Action::ShowVerdict => arm_verdict_key(state, crate::app::state::VerdictKey::Filter),
        Action::ToggleThisDocument => toggle_this_document(state),
        Action::GotoItem => goto_item(state),
        Action::MarkCommitment => return mark_commitment(state),
        Action::CiteEvidence => return checklist::cite_evidence(state),
        Action::SwitchReviewer => switch_reviewer(state),
        Action::AddReviewer => ask_reviewer_name(state),
        Action::EditNote => edit_note(state),
        Action::ExportMarkdown => return export_checklist(state, ExportFormat::Markdown),
        Action::ExportCsv => return export_checklist(state, ExportFormat::Csv),
        Action::ExportJson => return export_checklist(state, ExportFormat::Json),
        Action::DetailDown => scroll_detail(state, 1),
        Action::DetailUp => scroll_detail(state, -1),
        Action::ToggleBlind => toggle_blind(state),
        Action::NextActor => checklist::next_actor(state),
        Action::VerdictKept
        | Action::VerdictBroken
        | Action::VerdictPartial
        | Action::VerdictStalled
        | Action::VerdictInProgress
        | Action::Verdict1
        | Action::Verdict2
        | Action::Verdict3
        | Action::Verdict4
        | Action::Verdict5
        | Action::Verdict6
        | Action::Verdict7
        | Action::Verdict8
        | Action::Verdict9 => {
            let given = state
                .review
                .as_ref()
                .map(|r| action.verdict_on(&r.ws.scale));
            match given {
                Some(Some(Ok(v))) => return give_verdict(state, v),
                Some(Some(Err(why))) => say(state, why),
                Some(None) => {}
                None => say(state, "no workspace open yet"),
            }
        }
        Action::SuggestEvidence => checklist::suggest_evidence(state),
        Action::Reconcile => arm_verdict_key(state, crate::app::state::VerdictKey::Reconcile),
        Action::VerdictPending => return give_verdict(state, Verdict::PENDING),
        Action::VerdictNotACommitment => return give_verdict(state, Verdict::NOT_A_COMMITMENT),
        Action::OpenFinder => state.overlay = Some(Overlay::Finder),
        Action::JumpBack => jump_along(state, true),
        Action::JumpForward => jump_along(state, false),
        Action::SetMark => arm_mark(state, crate::app::state::MarkKey::Set),
        Action::GotoMark => arm_mark(state, crate::app::state::MarkKey::Go),
        Action::ToggleReading => return toggle_reading(state),
        Action::ToggleTimeline => toggle_timeline(state),
        Action::PrevEvent => move_event(state, -1),
        Action::NextEvent => move_event(state, 1),
        Action::ZoomIn => zoom(state, true),
        Action::ZoomOut => zoom(state, false),
        Action::PanLeft => pan(state, -1),
        Action::PanRight => pan(state, 1),
        Action::Down => step(state, ctx, 1),
        // Up with nothing above to go to recalls the query before, as a shell's prompt does.
        Action::Up if ctx == Context::Finder && up_recalls(state) => return recall(state, -1),
        Action::Up => step(state, ctx, -1),
        Action::HistoryPrev => return recall(state, -1),
        Action::HistoryNext => return recall(state, 1),
        Action::HalfPageDown => step(state, ctx, page(state, ctx) / 2),
        Action::HalfPageUp => step(state, ctx, -(page(state, ctx) / 2)),
        Action::PageDown => step(state, ctx, page(state, ctx)),
        Action::PageUp => step(state, ctx, -page(state, ctx)),
        Action::Top => step(state, ctx, isize::MIN / 2),
        Action::Bottom => step(state, ctx, isize::MAX / 2),
        Action::Open if ctx == Context::Checklist => open_item(state),
        Action::Open if ctx == Context::Timeline => open_event(state),
        Action::Open => {
            if let Some(&doc) = state.documents.order.get(state.documents.selected) {
                // Previewed already: the reader only takes the focus.
                if state.reader.doc != Some(doc) {
                    if state.reader.doc.is_some() {
                        record_jump(state);
                    }
                    open_doc(state, doc);
                }
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
        Action::Search => {
            state.reader.search_input = Some(text_input("search this document"));
            state.reader.page_prompt = false;
        }
        Action::GotoPage => open_page_prompt(state),
        Action::SearchNext => search(state, true),
        Action::SearchPrev => search(state, false),
        Action::CopySentence => return copy_sentence(state),
        Action::Undo => return undo(state, false),
        Action::Redo => return undo(state, true),
        // Only a question takes it (see above).
        Action::Discard => {}
        Action::Confirm => return confirm(state, ctx),
        Action::Cancel if ctx == Context::NoteEditor => return close_note(state),
        Action::Cancel => cancel(state, ctx),
    }
    Vec::new()
}

/// Puts `pane` in front (closing the timeline, which would hide it).
pub(super) fn focus(state: &mut State, pane: Pane) {
    state.timeline = None;
    state.focus = pane;
    if pane != Pane::Reader {
        state.left = pane;
    }
    // Narrow terminals show one pane: the reader's width may have changed.
    rewrap(state);
}

pub(super) fn page(state: &State, ctx: Context) -> isize {
    let rows = match ctx {
        Context::Documents | Context::Filter => documents_height(state),
        Context::Checklist => checklist_height(state),
        Context::Finder => finder_height(state),
        Context::Help => help_height(state),
        _ => reader_height(state),
    };
    rows.max(2) as isize
}

/// The rows of help text on screen: the overlay inside its border.
fn help_height(state: &State) -> usize {
    layout(state)
        .overlay
        .map_or(1, |r| crate::app::layout::inner(r).height as usize)
}

/// Moves the selection or the view of `ctx` by `delta` rows.
pub(super) fn step(state: &mut State, ctx: Context, delta: isize) {
    let moved = |at: usize, len: usize| -> usize {
        (at as isize)
            .saturating_add(delta)
            .clamp(0, len.saturating_sub(1) as isize) as usize
    };
    match ctx {
        Context::Checklist => {
            if let Some(r) = state.review.as_mut() {
                r.selected = moved(r.selected, r.order.len());
            }
        }
        Context::Documents | Context::Filter => {
            let d = &mut state.documents;
            d.selected = moved(d.selected, d.order.len());
        }
        Context::Finder => {
            let f = &mut state.finder;
            f.selected = moved(f.selected, f.hits.len());
        }
        Context::Help => {
            // From where it shows: a resize since may have made the box taller.
            let last = crate::app::help::max_offset(state, help_height(state));
            state.help_offset = moved(state.help_offset.min(last), last + 1);
        }
        Context::Timeline => move_row(state, delta),
        _ => scroll(state, delta),
    }
    clamp_lists(state);
}

/// Keeps list selections in range and in view.
pub(super) fn clamp_lists(state: &mut State) {
    let rows = documents_height(state);
    let d = &mut state.documents;
    d.selected = d.selected.min(d.order.len().saturating_sub(1));
    d.offset = keep_in_view(d.offset, d.selected, rows);
    let rows = finder_height(state);
    let f = &mut state.finder;
    f.selected = f.selected.min(f.hits.len().saturating_sub(1));
    f.offset = keep_in_view(f.offset, f.selected, rows);
    let rows = checklist_height(state);
    if let Some(r) = state.review.as_mut() {
        r.selected = r.selected.min(r.order.len().saturating_sub(1));
        r.offset = keep_in_view(r.offset, r.selected, rows);
    }
}

pub(super) fn keep_in_view(offset: usize, selected: usize, rows: usize) -> usize {
    if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    }
}

pub(super) fn confirm(state: &mut State, ctx: Context) -> Vec<Effect> {
    match ctx {
        Context::NoteEditor => return save_note(state),
        Context::Finder => {
            let Some(hit) = state.finder.hits.get(state.finder.selected).cloned() else {
                return Vec::new();
            };
            open_hit(state, &hit);
            let f = &mut state.finder;
            let before = f.history.clone();
            crate::app::history::add(&mut f.history, &input_text(&f.input));
            f.recalled = None;
            if f.history != before {
                return crate::app::memory::keep_prefs(state);
            }
        }
        Context::Search if state.reader.page_prompt => {
            state.reader.page_prompt = false;
            if let Some(typed) = state.reader.search_input.take().map(|i| input_text(&i)) {
                goto_page(state, &typed);
            }
        }
        Context::Search => {
            let pattern = state.reader.search_input.take().map(|i| input_text(&i));
            if let Some(p) = pattern.filter(|p| !p.is_empty()) {
                state.reader.pattern = p.clone();
                search(state, true);
                return remember_search(state, &p);
            }
        }
        Context::Filter => state.documents.filter_input = None,
        Context::ReviewerName => add_reviewer(state),
        _ => {}
    }
    Vec::new()
}

/// What shows again when the help closes: the note editor it was opened from, if any.
fn after_help(state: &State) -> Option<Overlay> {
    state.note.as_ref().map(|_| Overlay::Note)
}

pub(super) fn cancel(state: &mut State, ctx: Context) {
    match ctx {
        Context::Finder => state.overlay = None,
        Context::Help => state.overlay = after_help(state),
        Context::Checklist => cancel_verdict_key(state),
        Context::Timeline => state.timeline = None,
        Context::Search => {
            state.reader.search_input = None;
            state.reader.page_prompt = false;
            state.reader.history_at = None;
        }
        Context::Filter => {
            state.documents.filter_input = None;
            state.documents.filter.clear();
            refresh_documents(state);
        }
        Context::ReviewerName => {
            if let Some(r) = state.review.as_mut() {
                r.name_input = None;
            }
            say(state, "no reviewer added");
        }
        _ => {}
    }
}
