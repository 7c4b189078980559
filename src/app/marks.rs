//! The symbols the panes draw beside text: the selection, the reader's gutter, the
//! checklist's hidden and orphaned items, the timeline's glyphs, the documents' progress
//! cells. One home, so that the help's legend ([`crate::app::help`]) names exactly what is
//! drawn. The verdict letters and agreement marks are functions of their values, in
//! [`crate::app::checklist`].

/// The selected row of a list, the focused pane's title.
pub const SELECTED: &str = "▶";
/// In the reader's gutter: the line of the cursor's sentence.
pub const CURSOR: &str = "▶";
/// In the reader's gutter: a line of a commitment.
pub const COMMITMENT: &str = "!";
/// The partner's verdict, hidden in blind mode until mine is given.
pub const HIDDEN: &str = "◌";
/// Before a piece of evidence in the checklist's detail.
pub const EVIDENCE: &str = "▸";
/// Before an orphaned item's quote: its text is no longer found in its document.
pub const ORPHAN: &str = "⚠";
/// A done fifth of a document's items, in the documents' progress cells.
pub const PROGRESS_DONE: &str = "■";
/// A fifth still to rate.
pub const PROGRESS_TODO: &str = "□";
/// Each cell of a document with no item.
pub const PROGRESS_NONE: &str = "-";
/// After the cells: every item of the document rated.
pub const PROGRESS_ALL: &str = "✓";

/// The timeline's glyphs, one column each.
pub mod timeline {
    /// A column holding one deadline.
    pub const DEADLINE: &str = "◆";
    /// A column holding evidence cited for a commitment of the row.
    pub const EVIDENCE: &str = "▸";
    /// A column holding one overdue deadline.
    pub const OVERDUE: &str = "✗";
    /// A column holding one dated figure.
    pub const FIGURE: &str = "●";
    /// The rest of a dated figure's period after its start.
    pub const PERIOD: &str = "─";
    /// A column with no event, at a tick of the axis.
    pub const GRID: &str = "┊";
    /// More than nine events in one column (two to nine are their count).
    pub const MANY: &str = "+";
}
