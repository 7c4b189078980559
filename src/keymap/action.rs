//! The named commands a keymap binds, with the contexts each makes sense in and the line
//! the help overlay shows for it. Runtime messages (resize, results) are not actions, so a
//! keymap cannot bind them.

use std::fmt;

/// Where a binding applies. `global` applies everywhere a context does not bind the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// Keys that apply wherever a context does not bind them.
    Global,
    /// The documents pane.
    Documents,
    /// The reader pane.
    Reader,
    /// The finder overlay (its input takes typed text).
    Finder,
    /// The reader's `/` prompt (and its page prompt, which takes the same keys).
    Search,
    /// The documents pane's filter prompt.
    Filter,
    /// The help overlay.
    Help,
    /// The checklist pane.
    Checklist,
    /// The checklist's prompt for the name of a reviewer to add.
    ReviewerName,
    /// The note editor (it takes typed text).
    NoteEditor,
    /// The timeline view of dates and deadlines.
    Timeline,
    /// A question before something is lost (quit with unsaved changes, a changed note
    /// closed): save, discard or stay.
    Question,
}

impl Context {
    /// Every context, `global` first.
    pub const ALL: [Context; 12] = [
        Context::Global,
        Context::Documents,
        Context::Reader,
        Context::Finder,
        Context::Search,
        Context::Filter,
        Context::Help,
        Context::Checklist,
        Context::ReviewerName,
        Context::NoteEditor,
        Context::Timeline,
        Context::Question,
    ];

    /// The name keymap files use.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Documents => "documents",
            Context::Reader => "reader",
            Context::Finder => "finder",
            Context::Search => "search",
            Context::Filter => "filter",
            Context::Help => "help",
            Context::Checklist => "checklist",
            Context::ReviewerName => "reviewer_name",
            Context::NoteEditor => "note_editor",
            Context::Timeline => "timeline",
            Context::Question => "question",
        }
    }

    /// The context keymap files name `name`.
    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Contexts where typing enters text: a printable key bound there could not be typed.
    pub fn is_text_input(self) -> bool {
        matches!(
            self,
            Context::Finder
                | Context::Search
                | Context::Filter
                | Context::ReviewerName
                | Context::NoteEditor
        )
    }
}

impl fmt::Display for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

macro_rules! actions {
    ($( $variant:ident $name:literal [$($ctx:ident),*] $help:literal ;)*) => {
        /// A bindable command.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action { $(#[doc = concat!("`", $name, "`: ", $help, ".")] $variant),* }

        impl Action {
            /// Every action, in declaration order.
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            /// The name keymap files use.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),* }
            }

            /// What it does, for the help overlay.
            pub fn help(self) -> &'static str {
                match self { $(Action::$variant => $help),* }
            }

            /// The contexts it may be bound in.
            pub fn contexts(self) -> &'static [Context] {
                match self { $(Action::$variant => &[$(Context::$ctx),*]),* }
            }
        }
    };
}

actions! {
    Quit "quit" [Global, Documents, Reader, Help, Checklist] "quit";
    Suspend "suspend" [Global] "suspend to the shell (fg to return)";
    ToggleHelp "toggle_help" [Global, Documents, Reader, Help, Checklist] "show or hide this help";
    Redraw "redraw" [Global] "repaint the whole screen";
    FocusNext "focus_next" [Global, Documents, Reader, Checklist] "next pane";
    FocusPrev "focus_prev" [Global, Documents, Reader, Checklist] "previous pane";
    FocusDocuments "focus_documents" [Global, Documents, Reader, Checklist] "the documents pane";
    FocusReader "focus_reader" [Global, Documents, Reader, Checklist] "the reader pane";
    FocusChecklist "focus_checklist" [Global, Documents, Reader, Checklist] "the checklist pane";
    OpenFinder "open_finder" [Global, Documents, Reader, Checklist] "find figures, dates, commitments across the corpus";
    ToggleTimeline "toggle_timeline" [Global, Documents, Reader, Checklist, Timeline] "the timeline of dated figures and deadlines";
    Down "down" [Documents, Reader, Finder, Help, Checklist, Timeline] "down a line / to the next row";
    Up "up" [Documents, Reader, Finder, Help, Checklist, Timeline] "up a line / row (finder, at the top: older query)";
    HalfPageDown "half_page_down" [Documents, Reader, Finder, Help, Checklist] "down half a page";
    HalfPageUp "half_page_up" [Documents, Reader, Finder, Help, Checklist] "up half a page";
    PageDown "page_down" [Documents, Reader, Finder, Help, Checklist] "down a page";
    PageUp "page_up" [Documents, Reader, Finder, Help, Checklist] "up a page";
    Top "top" [Documents, Reader, Finder, Help, Checklist] "to the top";
    Bottom "bottom" [Documents, Reader, Finder, Help, Checklist] "to the bottom";
    Open "open" [Documents, Checklist, Timeline] "open the document, item or event in the reader";
    SortByDate "sort_by_date" [Documents] "sort documents by date of issue";
    SortByTitle "sort_by_title" [Documents] "sort documents by title";
    Filter "filter" [Documents] "filter documents by typing";
    NextFigure "next_figure" [Reader] "next figure";
    PrevFigure "prev_figure" [Reader] "previous figure";
    NextDate "next_date" [Reader] "next date";
    PrevDate "prev_date" [Reader] "previous date";
    NextCommitment "next_commitment" [Reader] "next commitment";
    PrevCommitment "prev_commitment" [Reader] "previous commitment";
    NextSentence "next_sentence" [Reader] "cursor to the next sentence";
    PrevSentence "prev_sentence" [Reader] "cursor to the previous sentence";
    Search "search" [Reader] "search in the document";
    GotoPage "goto_page" [Reader] "go to a page of a PDF: type its number";
    SearchNext "search_next" [Reader] "next search match";
    SearchPrev "search_prev" [Reader] "previous search match";
    CopySentence "copy_sentence" [Reader] "copy the cursor sentence with its citation (OSC 52)";
    GotoItem "goto_item" [Reader] "the cursor sentence's checklist item";
    MarkCommitment "mark_commitment" [Reader] "mark the cursor sentence as a commitment (a checklist item)";
    CiteEvidence "cite_evidence" [Reader] "cite the cursor sentence as evidence for my verdict on the checklist's selected item";
    ShowAll "show_all" [Checklist] "checklist: every item";
    ShowMine "show_mine" [Checklist] "checklist: items I have not rated";
    ShowDisagreements "show_disagreements" [Checklist] "checklist: items the reviewers disagree on, not yet reconciled";
    ShowOrphaned "show_orphaned" [Checklist] "checklist: items whose quote is gone from the document";
    ShowOverdue "show_overdue" [Checklist] "checklist: items whose deadline is before the as-of date and not kept";
    SortByDeadline "sort_by_deadline" [Checklist] "checklist: by deadline (soonest first, undated last), or back to file order";
    ShowVerdict "show_verdict" [Checklist] "checklist: the next verdict key shows the items with that verdict";
    ToggleThisDocument "toggle_this_document" [Checklist] "checklist: only the document in the reader, or the whole corpus";
    Verdict1 "verdict_1" [Checklist] "my verdict: the scale's 1st (lowest)";
    Verdict2 "verdict_2" [Checklist] "my verdict: the scale's 2nd";
    Verdict3 "verdict_3" [Checklist] "my verdict: the scale's 3rd";
    Verdict4 "verdict_4" [Checklist] "my verdict: the scale's 4th";
    Verdict5 "verdict_5" [Checklist] "my verdict: the scale's 5th";
    Verdict6 "verdict_6" [Checklist] "my verdict: the scale's 6th";
    Verdict7 "verdict_7" [Checklist] "my verdict: the scale's 7th";
    Verdict8 "verdict_8" [Checklist] "my verdict: the scale's 8th";
    Verdict9 "verdict_9" [Checklist] "my verdict: the scale's 9th";
    VerdictKept "verdict_kept" [Checklist] "my verdict: kept (on a scale that has it)";
    VerdictBroken "verdict_broken" [Checklist] "my verdict: broken (on a scale that has it)";
    VerdictPartial "verdict_partial" [Checklist] "my verdict: partial (on a scale that has it)";
    VerdictStalled "verdict_stalled" [Checklist] "my verdict: stalled (on a scale that has it)";
    VerdictInProgress "verdict_in_progress" [Checklist] "my verdict: in progress (on a scale that has it)";
    VerdictPending "verdict_pending" [Checklist] "my verdict: pending (not rated)";
    VerdictNotACommitment "verdict_not_a_commitment" [Checklist] "my verdict: not a commitment (the extraction was wrong)";
    SwitchReviewer "switch_reviewer" [Global, Documents, Reader, Checklist] "the next reviewer (by name) takes the keys";
    AddReviewer "add_reviewer" [Checklist] "add a reviewer (type their name), who takes the keys; the file names them from their first verdict";
    SuggestEvidence "suggest_evidence" [Checklist] "the finder lists passages of later documents that may be evidence for the item";
    NextActor "next_actor" [Checklist] "my verdict keys rate the item's next actor, then the whole commitment";
    ToggleBlind "toggle_blind" [Checklist] "blind mode: hide the other verdict until I give mine";
    Reconcile "reconcile" [Checklist] "the next verdict key records the pair's reconciled verdict";
    ExportMarkdown "export_markdown" [Checklist] "write the checklist shown beside the workspace as Markdown (never over a file)";
    ExportCsv "export_csv" [Checklist] "write the checklist shown beside the workspace as CSV (never over a file)";
    ExportJson "export_json" [Checklist] "write the checklist shown beside the workspace as JSON (never over a file)";
    DetailDown "detail_down" [Checklist] "scroll the item's detail (quote, verdicts, whole notes) down";
    DetailUp "detail_up" [Checklist] "scroll the item's detail up";
    EditNote "edit_note" [Checklist] "write my note on the item";
    Undo "undo" [Reader, Checklist] "undo my last change of this session (verdict, note, reconcile, mark)";
    Redo "redo" [Reader, Checklist] "redo the change last undone";
    PrevEvent "prev_event" [Timeline] "timeline: the document's previous event in time";
    NextEvent "next_event" [Timeline] "timeline: the document's next event in time";
    ZoomIn "zoom_in" [Timeline] "timeline: zoom in (years, quarters, months, weeks, days)";
    ZoomOut "zoom_out" [Timeline] "timeline: zoom out";
    PanLeft "pan_left" [Timeline] "timeline: show earlier times";
    PanRight "pan_right" [Timeline] "timeline: show later times";
    HistoryPrev "history_prev" [Finder] "finder: the previous query in the history";
    HistoryNext "history_next" [Finder] "finder: the next query in the history";
    JumpBack "jump_back" [Documents, Reader, Checklist, Timeline] "back to where the last jump left (finder, item, event, search, page, figure), exactly";
    JumpForward "jump_forward" [Documents, Reader, Checklist, Timeline] "forward again along the jumps gone back over";
    SetMark "set_mark" [Reader] "set a mark at the cursor: then a letter a–z (kept across restarts)";
    GotoMark "goto_mark" [Documents, Reader, Checklist] "go to a mark of the document in the reader: then its letter";
    ToggleReading "toggle_reading" [Global, Documents, Reader, Checklist] "reading mode: the reader alone, full width, while it has the focus (remembered)";
    Confirm "confirm" [Finder, Search, Filter, ReviewerName, NoteEditor, Question] "accept; save (the note, or before quitting)";
    Cancel "cancel" [Finder, Search, Filter, ReviewerName, Help, Checklist, Timeline, NoteEditor, Question] "close / stay / forget a waiting reconcile/filter";
    Discard "discard" [Question] "quit without saving / drop the note's changes";
}

/// The scale's verdict slots, lowest first: `verdict_1` gives the scale's first verdict.
pub const VERDICT_SLOTS: [Action; crate::workspace::scale::MAX_STEPS] = [
    Action::Verdict1,
    Action::Verdict2,
    Action::Verdict3,
    Action::Verdict4,
    Action::Verdict5,
    Action::Verdict6,
    Action::Verdict7,
    Action::Verdict8,
    Action::Verdict9,
];

impl Action {
    /// The action keymap files name `name`.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }

    /// The verdict a named verdict action gives (`verdict_kept`: kept), whatever its place
    /// on the scale: keymap files written before scales were configurable name these.
    pub fn named_verdict(self) -> Option<crate::workspace::Verdict> {
        use crate::workspace::Verdict;
        Some(match self {
            Action::VerdictKept => Verdict::KEPT,
            Action::VerdictBroken => Verdict::BROKEN,
            Action::VerdictPartial => Verdict::PARTIAL,
            Action::VerdictStalled => Verdict::STALLED,
            Action::VerdictInProgress => Verdict::IN_PROGRESS,
            _ => return None,
        })
    }

    /// The scale step a verdict slot gives (0 first), for `verdict_1`…`verdict_9`.
    pub fn verdict_slot(self) -> Option<usize> {
        VERDICT_SLOTS.iter().position(|a| *a == self)
    }

    /// The verdict this action gives on `scale` (a named verdict the scale has, or the
    /// verdict in its slot), else why it gives none; `None` for an action that gives no
    /// verdict of the scale's.
    pub fn verdict_on(
        self,
        scale: &crate::workspace::Scale,
    ) -> Option<Result<crate::workspace::Verdict, String>> {
        let name = crate::safe_text::sanitize(&scale.name);
        if let Some(v) = self.named_verdict() {
            return Some(match scale.has(v) {
                true => Ok(v),
                false => Err(format!("the scale {name} has no verdict {v}")),
            });
        }
        let slot = self.verdict_slot()?;
        Some(match scale.verdicts.get(slot) {
            Some(step) => Ok(step.name),
            None => Err(format!("the scale {name} has no verdict {}", slot + 1)),
        })
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(*a));
            assert!(!a.contexts().is_empty());
        }
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
        for c in Context::ALL {
            assert_eq!(Context::from_name(c.name()), Some(c));
        }
    }

    #[test]
    fn a_verdict_action_gives_its_verdict_on_the_scale_or_says_why_not() {
        use crate::workspace::{Scale, Verdict};
        let g7 = Scale::g7();
        let on = |a: Action| a.verdict_on(&g7);
        assert_eq!(on(Action::Verdict1), Some(Ok(g7.verdicts[0].name)));
        assert_eq!(
            on(Action::Verdict4),
            Some(Err("the scale g7 has no verdict 4".into()))
        );
        assert_eq!(
            on(Action::VerdictKept),
            Some(Err("the scale g7 has no verdict kept".into()))
        );
        assert_eq!(
            Action::VerdictKept.verdict_on(&Scale::standard()),
            Some(Ok(Verdict::KEPT))
        );
        assert_eq!(on(Action::Quit), None);
    }
}
