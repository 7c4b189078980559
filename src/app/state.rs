//! Everything the workbench shows, in one tree. Only `update` changes it; `draw` reads it.

use std::collections::HashMap;
use std::sync::Arc;

use ratatui_textarea::TextArea;

use super::display::Display;
use super::wrap::Line;
use crate::corpus::Corpus;
use crate::keymap::{Key, Keymap};
use crate::search::snippet::Segment;
use crate::search::{Index, Kind};

/// The panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The list of documents in the corpus.
    Documents,
    /// The open document's text.
    Reader,
    /// The workspace's items to review, with both reviewers' verdicts.
    Checklist,
}

/// Which items the checklist shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChecklistFilter {
    /// Every item.
    All,
    /// Not yet rated by the active reviewer.
    Mine,
    /// Items the pair rated differently and has not reconciled.
    Disagreements,
    /// Items whose quote fits nowhere in their document any more.
    Orphaned,
    /// Items whose deadline is before the as-of day and that no verdict settles
    /// (`review::AsOf::overdue`).
    Overdue,
    /// Items any reviewer, or the pair's reconciliation, gave this verdict (as
    /// `cordiale checklist --filter VERDICT` does).
    Verdict(crate::workspace::Verdict),
}

impl ChecklistFilter {
    /// The filter as the checklist's title names it.
    pub fn name(self) -> &'static str {
        match self {
            ChecklistFilter::All => "all",
            ChecklistFilter::Mine => "not rated by me",
            ChecklistFilter::Disagreements => "disagreements",
            ChecklistFilter::Orphaned => "orphaned",
            ChecklistFilter::Overdue => "overdue",
            ChecklistFilter::Verdict(v) => v.name(),
        }
    }
}

/// The order of the checklist's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChecklistSort {
    /// As in the file: by document, then place.
    File,
    /// By deadline, soonest first; items without one last, in file order.
    Deadline,
}

/// What the next verdict key in the checklist records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictKey {
    /// The active reviewer's verdict (the usual meaning).
    Mine,
    /// The pair's reconciled verdict.
    Reconcile,
    /// No verdict: it picks the verdict filter.
    Filter,
}

/// The review workspace, as the checklist pane shows it.
#[derive(Debug, Clone)]
pub struct ReviewState {
    /// The workspace file.
    pub path: std::path::PathBuf,
    /// The file as last read or written: the base for merging at the next save.
    pub stored: crate::workspace::store::Stored,
    /// The workspace as it stands in memory, with this session's changes.
    pub ws: crate::workspace::Workspace,
    /// The items changed since the last save, which the next save encodes again (the
    /// others' bytes are kept from that save): every change to an item of `ws` names it
    /// here, through `changed` (debug builds check that saves find no other).
    pub unsaved: Vec<crate::workspace::Short>,
    /// Items whose quote fits nowhere in their document any more.
    pub orphaned: std::collections::BTreeSet<crate::workspace::Short>,
    /// The active reviewer; `None` when nobody is named (the checklist is read-only).
    pub me: Option<String>,
    /// The two reviewers shown side by side (the active one first).
    pub pair: (String, String),
    /// Everyone who reviews here, in name order: all with a review in the workspace, the
    /// pair, and `joined`. The others' column, the detail and ctrl-r's turns go by it.
    pub reviewers: Vec<String>,
    /// Reviewers who took the keys in this session without being in the file perhaps (the
    /// one named at the start, those added): ctrl-r reaches them before their first
    /// verdict, which is when the file first names them.
    pub joined: Vec<String>,
    /// The prompt for the name of a reviewer to add, while it is open.
    pub name_input: Option<TextArea<'static>>,
    /// Which items the checklist shows.
    pub filter: ChecklistFilter,
    /// In which order.
    pub sort: ChecklistSort,
    /// Item ids shown, after the filter, in the order `sort` says.
    pub order: Vec<crate::workspace::Short>,
    /// Agreement over every item, and how many the active reviewer rated: the checklist's
    /// title, worked out when the items change rather than at each frame.
    pub figures: crate::review::Agreement,
    /// Krippendorff's α (nominal) among every reviewer, once some item has three verdicts
    /// or more: the title shows it.
    pub everyone: Option<f64>,
    /// How many items the active reviewer has rated.
    pub rated: usize,
    /// Per document name: items the active reviewer has rated, and items (the documents
    /// pane's progress bars).
    pub progress: HashMap<String, (usize, usize)>,
    /// The selected row, into `order`.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
    /// Blind mode: the other reviewer's verdict stays hidden on an item until the active
    /// reviewer has given theirs (a convention of the screen: the file holds both).
    pub blind: bool,
    /// What the next verdict key does.
    pub verdict_key: VerdictKey,
    /// What the change being saved did, for the status line once the save lands.
    pub saving: Option<String>,
    /// Only the items of the document open in the reader (else the whole corpus).
    pub this_document: bool,
    /// What the checklist shows of every item, kept between keys.
    pub rows: crate::app::checklist::Rows,
    /// This session's changes, to undo and redo.
    pub undo: crate::app::undo::Undo,
    /// Notes kept when an earlier session was ended while they were being typed, not yet
    /// saved or discarded (every reviewer's: only the active one's are offered).
    pub drafts: Vec<crate::app::draft::Draft>,
    /// The first line of the item's detail shown, for the item it was scrolled on (any
    /// other item's detail shows from its top).
    pub detail_top: Option<(crate::workspace::Short, usize)>,
    /// The actor my verdict keys rate, for the item it was chosen on (`next_actor`): on
    /// any other item, or with none chosen, they rate the whole commitment.
    pub actor: Option<(crate::workspace::Short, crate::workspace::Short)>,
}

impl ReviewState {
    /// The actor my verdict keys rate on the selected item, if one was chosen there.
    pub fn actor_of_selected(&self) -> Option<&crate::workspace::Short> {
        let id = self.order.get(self.selected)?;
        self.actor
            .as_ref()
            .filter(|(on, _)| on == id)
            .map(|(_, a)| a)
    }

    /// An item of `ws` was changed: the next save encodes it again, the checklist's next
    /// refresh makes its row again. Every change to an item must be reported here.
    pub fn changed(&mut self, id: crate::workspace::Short) {
        self.rows.touch(id.clone());
        self.unsaved.push(id);
    }

    /// `ws` is replaced whole (another process's changes merged in).
    pub fn replace_ws(&mut self, ws: crate::workspace::Workspace) {
        self.ws = ws;
        self.rows.invalidate();
    }
}

/// What covers the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The help: the keys bound, those of the pane under it first, and the marks' legend.
    Help,
    /// The finder: search the whole corpus for figures, dates, commitments or words.
    Finder,
    /// The note editor, on the active reviewer's note of an item.
    Note,
}

/// A question asked before something is lost; it covers everything until answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Quit with unsaved changes (a failed save, a note being typed): save and quit, quit
    /// without saving, or stay.
    Quit,
    /// Close a changed note: save it, drop the changes, or keep editing.
    CloseNote,
}

/// The note being written.
#[derive(Debug, Clone)]
pub struct NoteState {
    /// The item whose note it is.
    pub id: crate::workspace::Short,
    /// The note's text as typed so far.
    pub input: TextArea<'static>,
}

/// How the documents list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// Newest first; undated last.
    Date,
    /// Alphabetical by title.
    Title,
}

/// Where the extraction found things in one document: byte spans, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// The figures found (amounts, counts, percentages and the like).
    pub figures: Vec<(usize, usize)>,
    /// The dates found.
    pub dates: Vec<(usize, usize)>,
    /// The commitments found.
    pub commitments: Vec<(usize, usize)>,
}

/// One row of the finder's results, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinderHit {
    /// What the hit is: a figure, date, commitment, sentence or title.
    pub kind: Kind,
    /// The document, as a corpus index.
    pub doc: usize,
    /// Byte offset of the hit's start in the document's text.
    pub start: usize,
    /// Byte offset just past the hit's end.
    pub end: usize,
    /// The sentence around the hit, with the matched characters flagged (cut around the
    /// first match; a row cuts it again to its width).
    pub segments: Vec<Segment>,
    /// What matched, as byte ranges of the document: the preview marks them.
    pub matched: Vec<(u32, u32)>,
    /// Identical hits folded into this row (see `search::fold_identical`), 1 for itself.
    pub count: usize,
}

/// The documents pane: its order, selection and filter.
#[derive(Debug, Clone)]
pub struct DocumentsState {
    /// Documents shown, as corpus indices, after sorting and filtering.
    pub order: Vec<usize>,
    /// The selected row (into `order`) and the first row shown.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
    /// How the documents are ordered.
    pub sort: SortBy,
    /// The filter applied: documents whose title or name holds it, ignoring case (empty: all).
    pub filter: String,
    /// The filter prompt, while it is open.
    pub filter_input: Option<TextArea<'static>>,
}

/// The reader's place in one document, kept when another is opened (and, for a mark,
/// across restarts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Place {
    /// The byte the top line starts at (survives a change of width).
    pub top_byte: usize,
    /// The cursor: a byte inside the cursor sentence.
    pub at: usize,
}

/// Where the workbench was before a jump: what `jump_back` returns to, exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    /// The document in the reader, if any.
    pub doc: Option<usize>,
    /// The cursor byte and the byte the top line starts at.
    pub place: Place,
    /// The pane that had the focus.
    pub focus: Pane,
    /// The timeline's selected event, when the jump left from the timeline.
    pub timeline: Option<usize>,
}

/// The jump list (vim's): the places jumps left, and those `jump_back` came back from.
#[derive(Debug, Clone, Default)]
pub struct Jumps {
    /// Places left by jumps, the latest last: `jump_back` pops from here.
    pub back: Vec<Spot>,
    /// Places `jump_back` came back from, for jumping forward again.
    pub forward: Vec<Spot>,
}

/// What the next letter typed does with a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKey {
    /// `m`: the letter sets a mark at the cursor.
    Set,
    /// `'`: the letter jumps to its mark.
    Go,
}

/// Marks (vim's `m{a-z}`): per document name, a letter's place. Kept in the state folder.
pub type Bookmarks = std::collections::BTreeMap<String, std::collections::BTreeMap<char, Place>>;

/// The reader pane: the open document, how it is wrapped, and where it looks.
#[derive(Debug, Clone)]
pub struct ReaderState {
    /// The open document, as a corpus index.
    pub doc: Option<usize>,
    /// The document as shown (reflowed, its markup rendered), each cell mapped to its bytes.
    pub display: std::sync::Arc<Display>,
    /// `display` wrapped at `width` columns.
    pub lines: Vec<Line>,
    /// The width, in columns, `lines` was wrapped at (0: wrap again before drawing).
    pub width: usize,
    /// The first line shown.
    pub top: usize,
    /// The cursor: a byte offset inside the cursor sentence.
    pub at: usize,
    /// The document's sentences and list items, as byte spans.
    pub sentences: Vec<(usize, usize)>,
    /// A span to show picked out: the finder hit, figure or search match just jumped to.
    pub mark: Option<(usize, usize)>,
    /// Per document (corpus index): where it was left, restored when it is opened again.
    pub places: HashMap<usize, Place>,
    /// The `/` prompt while open, and the last pattern searched.
    pub search_input: Option<TextArea<'static>>,
    /// The open prompt asks for a page number (`goto_page`), not a search.
    pub page_prompt: bool,
    /// The last pattern searched, which `n` and `N` search for again.
    pub pattern: String,
    /// Patterns searched, oldest first (Up/Down at the `/` prompt), and the one the prompt
    /// shows while going through them.
    pub history: Vec<String>,
    /// The history entry shown at the prompt while it is browsed (`None`: what was typed).
    pub history_at: Option<usize>,
}

/// The finder overlay: its query, its results and the history of queries.
#[derive(Debug, Clone)]
pub struct FinderState {
    /// The query as typed.
    pub input: TextArea<'static>,
    /// Raised with each query, so results of an older query are dropped.
    pub generation: u64,
    /// The query whose results are shown.
    pub shown: String,
    /// The results shown, best first.
    pub hits: Vec<FinderHit>,
    /// How many entries matched; a lower bound when `complete` is false.
    pub total: usize,
    /// False when the search stopped before counting every match (the count shows a `+`).
    pub complete: bool,
    /// The selected row, into `hits`.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
    /// Queries run before, oldest first (see `app::history`).
    pub history: Vec<String>,
    /// The history entry shown in the input while the history is browsed.
    pub recalled: Option<usize>,
    /// What the rows are when no query made them (suggested evidence for an item), said
    /// under the empty input until a query's results replace them.
    pub about: Option<String>,
    /// What was typed before the history was browsed, given back past its newest entry.
    pub typed: String,
}

impl FinderState {
    /// Shows `hits` (of `total` found, all of them when `complete`) for the query `shown`,
    /// or for what `about` says when no query made them, the first row selected.
    pub fn show(
        &mut self,
        (shown, about): (String, Option<String>),
        hits: Vec<FinderHit>,
        total: usize,
        complete: bool,
    ) {
        self.shown = shown;
        self.about = about;
        self.hits = hits;
        self.total = total;
        self.complete = complete;
        self.selected = 0;
        self.offset = 0;
    }
}

/// The timeline view, while it is open: its events (built when it opens and when the
/// workspace changes, never while drawing) and where it looks.
#[derive(Debug, Clone)]
pub struct TimelineState {
    /// Every dated event of the corpus, and a row per document that has any.
    pub timeline: super::timeline::Timeline,
    /// How long a period one column stands for.
    pub zoom: super::timeline::Zoom,
    /// The first column shown, as a period number at `zoom` (see `Zoom::cell`).
    pub start: i64,
    /// The selected event, into `timeline.events`.
    pub selected: usize,
    /// The first document row shown.
    pub row_offset: usize,
}

/// A message in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text shown.
    pub text: String,
    /// An error (shown as one), not a notice.
    pub error: bool,
}

/// The whole state of the workbench.
#[derive(Debug, Clone)]
pub struct State {
    /// The key bindings in force.
    pub keymap: Keymap,
    /// The terminal's size, columns × rows.
    pub size: (u16, u16),
    /// The pane keys go to.
    pub focus: Pane,
    /// The list last focused (documents or checklist), shown left of the reader when only
    /// two panes fit.
    pub left: Pane,
    /// What covers the panes, if anything.
    pub overlay: Option<Overlay>,
    /// The first line of the help shown (its scroll).
    pub help_offset: usize,
    /// Where the corpus comes from, for the status bar.
    pub corpus_name: String,
    /// The corpus, once loaded.
    pub corpus: Option<Arc<Corpus>>,
    /// The finder's index of the corpus, once built.
    pub index: Option<Arc<Index>>,
    /// The index's passages by content word, for suggested evidence: made the first time
    /// evidence is asked for, and again with a new index.
    pub passages: Option<Arc<crate::search::suggest::Passages>>,
    /// Marks per document, once indexed.
    pub marks: Vec<Marks>,
    /// What the loader is doing, while it works.
    pub progress: Option<String>,
    /// The documents pane.
    pub documents: DocumentsState,
    /// The reader pane.
    pub reader: ReaderState,
    /// The finder overlay.
    pub finder: FinderState,
    /// The workspace, once opened.
    pub review: Option<ReviewState>,
    /// The note being written, while the note editor is open.
    pub note: Option<NoteState>,
    /// The timeline view, when open (it covers the panes).
    pub timeline: Option<TimelineState>,
    /// Today, in days since 1970-01-01: what a deadline is overdue against unless another
    /// day is given (`as_of`). The runtime sets it from the clock; tests set a fixed day,
    /// so nothing depends on when they run.
    pub today: i32,
    /// `--as-of DATE`: the day the review is assessed as of, over the workspace's setting.
    pub as_of_option: Option<crate::calendar::Day>,
    /// The message in the status bar, if any.
    pub status: Option<Status>,
    /// A question waiting for its answer.
    pub ask: Option<Question>,
    /// Quit once the save under way has gone through (the answer "save and quit").
    pub quit_after_save: bool,
    /// Keys of a sequence typed so far (`g` of `g g`).
    pub pending: Vec<Key>,
    /// The workbench leaves at the end of this update.
    pub quit: bool,
    /// No colour (`NO_COLOR`): styles by modifiers and markers only.
    pub mono: bool,
    /// The checklist opens in blind mode (`--blind`).
    pub blind_at_start: bool,
    /// Reading mode: the reader alone on the screen, full width, while it has the focus.
    pub reading: bool,
    /// Where jumps left from, to go back to.
    pub jumps: Jumps,
    /// Marks set, per document name (saved in the state folder).
    pub bookmarks: Bookmarks,
    /// A mark key (`m`, `'`) waits for its letter.
    pub mark_key: Option<MarkKey>,
    /// Where marks, reading mode and the search history are remembered between sessions
    /// (`$XDG_STATE_HOME/cordiale`); `None`: nothing is (tests, an unknown home).
    pub state_dir: Option<std::path::PathBuf>,
    /// Names the corpus's marks file in `state_dir` (a hash of the corpus's paths).
    pub corpus_key: String,
}

/// A one-line text input.
pub fn text_input(placeholder: &str) -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_placeholder_text(placeholder);
    t.set_cursor_line_style(ratatui::style::Style::default());
    t
}

/// The text of a one-line input.
pub fn input_text(t: &TextArea<'_>) -> String {
    t.lines().join(" ")
}

impl State {
    /// The state at start: the corpus loading, nothing open, the documents pane focused.
    pub fn new(keymap: Keymap, corpus_name: String, size: (u16, u16)) -> State {
        State {
            keymap,
            size,
            focus: Pane::Documents,
            left: Pane::Documents,
            overlay: None,
            help_offset: 0,
            corpus_name,
            corpus: None,
            index: None,
            passages: None,
            marks: Vec::new(),
            progress: Some("loading the corpus…".into()),
            documents: DocumentsState {
                order: Vec::new(),
                selected: 0,
                offset: 0,
                sort: SortBy::Date,
                filter: String::new(),
                filter_input: None,
            },
            reader: ReaderState {
                doc: None,
                display: Default::default(),
                lines: Vec::new(),
                width: 0,
                top: 0,
                at: 0,
                sentences: Vec::new(),
                mark: None,
                places: HashMap::new(),
                search_input: None,
                page_prompt: false,
                pattern: String::new(),
                history: Vec::new(),
                history_at: None,
            },
            finder: FinderState {
                input: text_input("10m, aug 2015, #figures @dates !commitments"),
                generation: 0,
                shown: String::new(),
                hits: Vec::new(),
                total: 0,
                complete: true,
                selected: 0,
                offset: 0,
                history: Vec::new(),
                recalled: None,
                about: None,
                typed: String::new(),
            },
            review: None,
            note: None,
            timeline: None,
            today: 0,
            as_of_option: None,
            status: None,
            ask: None,
            quit_after_save: false,
            pending: Vec::new(),
            quit: false,
            mono: false,
            blind_at_start: false,
            reading: false,
            jumps: Jumps::default(),
            bookmarks: Bookmarks::new(),
            mark_key: None,
            state_dir: None,
            corpus_key: String::new(),
        }
    }

    /// The day the review is assessed as of: `--as-of`, else the open workspace's
    /// setting, else today. Worked out when asked, so a setting merged from elsewhere
    /// counts at once.
    pub fn as_of(&self) -> crate::review::AsOf {
        let setting = self.review.as_ref().and_then(|r| r.ws.as_of);
        let today = crate::calendar::Day::from_number(self.today);
        crate::review::AsOf::resolve(self.as_of_option, setting, today)
    }

    /// The document's title within `max` columns, by the one rule every list follows
    /// (`extract::short_title`), sanitized.
    pub fn short_title(&self, doc: usize, max: usize) -> String {
        crate::extract::short_title(&self.title(doc), max)
    }

    /// The index of the document named `name` in the corpus.
    pub fn doc_named(&self, name: &str) -> Option<usize> {
        self.corpus.as_ref()?.position(name)
    }

    /// The document's title as the index found it, else its name.
    pub fn title(&self, doc: usize) -> String {
        match &self.index {
            Some(index) => index.doc_info(doc as u32).title.clone(),
            None => self
                .corpus
                .as_ref()
                .and_then(|c| c.documents.get(doc))
                .map_or_else(String::new, |d| d.name.clone()),
        }
    }
}
