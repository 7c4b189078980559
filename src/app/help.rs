//! What the help overlay holds, row by row: the keys of the pane under it and of the
//! contexts needed everywhere, then a legend of every letter and symbol the panes draw.
//! Built here, not in the drawing, because `update` needs its length: scrolling stops at
//! the last row instead of running into an empty box.

use crate::app::checklist::{agreement_mark, verdict_letter};
use crate::app::marks::{self, timeline as glyphs};
use crate::app::state::{Pane, State};
use crate::keymap::{Action, Context};
use crate::review::ItemAgreement;
use crate::workspace::Scale;

/// One row of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A context's name, or a part of the legend.
    Heading(String),
    /// The keys bound to an action, as the keymap shows them, and what the action does
    /// (a verdict slot says its verdict on the workspace's scale).
    Keys(String, Action, String),
    /// A symbol the panes draw, and what it means.
    Mark(String, String),
    /// An empty line between sections.
    Blank,
}

/// The context whose keys the help shows first: the one it was opened over.
fn under(state: &State) -> Context {
    match state.focus {
        _ if state.note.is_some() => Context::NoteEditor,
        _ if state.timeline.is_some() => Context::Timeline,
        Pane::Documents => Context::Documents,
        Pane::Reader => Context::Reader,
        Pane::Checklist => Context::Checklist,
    }
}

/// The scale of the open workspace (the default one before it opens).
fn scale_of(state: &State) -> Scale {
    state
        .review
        .as_ref()
        .map_or_else(Scale::default, |r| r.ws.scale.clone())
}

/// What `action` does, as the help says it: a verdict slot by its verdict's label.
fn action_help(scale: &Scale, action: Action) -> String {
    let Some(slot) = action.verdict_slot() else {
        return action.help().to_string();
    };
    match scale.verdicts.get(slot) {
        Some(step) => format!("my verdict: {}", crate::safe_text::sanitize(&step.label)),
        None => format!("{} (not on this scale)", action.help()),
    }
}

/// Every row of the help for `state`: keys, then the legend.
pub fn rows(state: &State) -> Vec<Row> {
    let under = under(state);
    let scale = scale_of(state);
    let mut rows = Vec::new();
    // The note editor's keys and the question's answers show from anywhere: they are
    // needed where this help cannot be opened.
    let mut contexts = vec![under, Context::Global, Context::Finder];
    if under != Context::NoteEditor {
        contexts.push(Context::NoteEditor);
    }
    contexts.extend([Context::Question, Context::Help]);
    for ctx in contexts {
        let keys = state.keymap.help(ctx);
        if keys.is_empty() {
            continue;
        }
        rows.push(Row::Heading(ctx.to_string()));
        rows.extend(
            keys.into_iter()
                .map(|(k, a)| Row::Keys(k, a, action_help(&scale, a))),
        );
        rows.push(Row::Blank);
    }
    for (heading, marks) in legend(&scale) {
        rows.push(Row::Heading(heading.to_string()));
        rows.extend(marks.into_iter().map(|(m, what)| Row::Mark(m, what)));
        rows.push(Row::Blank);
    }
    rows.pop();
    rows
}

/// The first row the help can start at with `visible` rows on screen: the last row at
/// the bottom, never an empty box below it.
pub fn max_offset(state: &State, visible: usize) -> usize {
    rows(state).len().saturating_sub(visible.max(1))
}

type Legend = Vec<(&'static str, Vec<(String, String)>)>;

/// Each pane's symbols, taken from the functions and constants the panes draw with.
pub fn legend(scale: &Scale) -> Legend {
    let m = |mark: &str, what: &str| (mark.to_string(), what.to_string());
    let mut checklist: Vec<(String, String)> = vec![
        m("", "columns: my verdict, my partner's, the pair's mark"),
        m("", "then the others', by name (many: counts, 3K 2B)"),
    ];
    checklist.extend(scale.all().map(|v| {
        m(
            &verdict_letter(Some(v), scale),
            &crate::safe_text::sanitize(scale.label(v)),
        )
    }));
    checklist.extend([
        m(&verdict_letter(None, scale), "no verdict yet"),
        m(marks::HIDDEN, "the others' verdicts hidden (blind mode)"),
        m(
            agreement_mark(ItemAgreement::One),
            "only one of the pair has rated it",
        ),
        m(agreement_mark(ItemAgreement::Agreed), "the pair agree"),
        m(
            agreement_mark(ItemAgreement::Disagreed),
            "the pair disagree",
        ),
        m(
            agreement_mark(ItemAgreement::Reconciled),
            "reconciled: a verdict given together",
        ),
        m(
            marks::ORPHAN,
            "orphaned: its quote is no longer in the document",
        ),
        m(marks::SELECTED, "the selected row"),
        m(marks::EVIDENCE, "evidence a reviewer cited (in the detail)"),
    ]);
    let documents = vec![
        m(
            &format!("{}{}", marks::PROGRESS_DONE, marks::PROGRESS_TODO),
            "a fifth of its items rated by me / still to rate",
        ),
        m(marks::PROGRESS_ALL, "every item rated"),
        m(
            &marks::PROGRESS_NONE.repeat(5),
            "no commitment found in the document",
        ),
    ];
    let reader = vec![
        m(marks::CURSOR, "the line of the cursor's sentence"),
        m(marks::COMMITMENT, "a line of a commitment"),
    ];
    let timeline = vec![
        m(glyphs::DEADLINE, "a commitment's deadline"),
        m(
            glyphs::OVERDUE,
            "a deadline passed without a settled verdict",
        ),
        m(glyphs::FIGURE, "a dated figure"),
        m(
            glyphs::EVIDENCE,
            "evidence cited for a commitment of the row, at its date",
        ),
        m(glyphs::PERIOD, "the rest of a dated figure's period"),
        m("2-9", "as many events in one column"),
        m(glyphs::MANY, "more than nine events in one column"),
        m(glyphs::GRID, "a tick of the axis"),
    ];
    vec![
        ("Checklist codes", checklist),
        ("Documents", documents),
        ("Reader gutter", reader),
        ("Timeline", timeline),
    ]
}
