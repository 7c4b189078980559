//! Where each part of the workbench goes for a terminal size: the same pure function serves
//! `update` (how many lines a page is) and `draw`.

use ratatui::layout::Rect;

use super::state::{Overlay, Pane, State};

/// Below this the workbench shows "terminal too small" instead.
pub const MIN_WIDTH: u16 = 40;
/// Below this many rows the workbench shows "terminal too small" instead.
pub const MIN_HEIGHT: u16 = 8;
/// From this width the panes stand side by side; below it, one at a time under tabs.
pub const SIDE_BY_SIDE: u16 = 100;
/// From this width documents, reader and checklist all show.
pub const THREE_PANES: u16 = 160;

/// Where each part of the screen is drawn; a part not shown is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The tab bar (narrow terminals only).
    pub tabs: Option<Rect>,
    /// The documents pane, when shown.
    pub documents: Option<Rect>,
    /// The reader pane, when shown.
    pub reader: Option<Rect>,
    /// The checklist pane, when shown (only with a workspace).
    pub checklist: Option<Rect>,
    /// The status bar: the last row (the whole screen when it is too small).
    pub status: Rect,
    /// The overlay (help, finder or note editor), centred over the panes, when open.
    pub overlay: Option<Rect>,
    /// The timeline view, over the panes, when open.
    pub timeline: Option<Rect>,
    /// The terminal is under `MIN_WIDTH` × `MIN_HEIGHT`: only a notice is drawn.
    pub too_small: bool,
}

/// The parts of the timeline view, inside its border.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimelineAreas {
    /// The documents' short titles, one a row, left of the plot.
    pub titles: Rect,
    /// The tick labels and the rule, above the plot (two lines).
    pub axis: Rect,
    /// One line per document row, one column per period.
    pub plot: Rect,
    /// The selected event's details and the legend (up to four lines).
    pub footer: Rect,
}

/// The parts' rectangles; everything is inside `0,0 .. size`.
pub fn layout(state: &State) -> Areas {
    let (w, h) = state.size;
    let full = Rect::new(0, 0, w, h);
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return Areas {
            status: full,
            too_small: true,
            ..Areas::default()
        };
    }
    let status = Rect::new(0, h - 1, w, 1);
    let body = Rect::new(0, 0, w, h - 1);
    let mut areas = Areas {
        status,
        ..Areas::default()
    };
    let checklist = state.review.is_some();
    if reading_alone(state) {
        areas.reader = Some(body);
    } else if w >= THREE_PANES && checklist {
        // The documents list wide enough for a title beside its date and progress.
        let left = (w / 4).clamp(30, 52);
        let right = (w * 3 / 10).clamp(36, 72);
        areas.documents = Some(Rect::new(0, 0, left, body.height));
        areas.reader = Some(Rect::new(left, 0, w - left - right, body.height));
        areas.checklist = Some(Rect::new(w - right, 0, right, body.height));
    } else if w >= SIDE_BY_SIDE {
        // The reader on the right; on the left the list last focused.
        let left = (w * 2 / 5).clamp(30, 64);
        let rect = Rect::new(0, 0, left, body.height);
        if state.focus == Pane::Checklist || (state.left == Pane::Checklist && checklist) {
            areas.checklist = Some(rect);
        } else {
            areas.documents = Some(rect);
        }
        areas.reader = Some(Rect::new(left, 0, w - left, body.height));
    } else {
        areas.tabs = Some(Rect::new(0, 0, w, 1));
        let pane = Rect::new(0, 1, w, body.height - 1);
        match state.focus {
            Pane::Documents => areas.documents = Some(pane),
            Pane::Reader => areas.reader = Some(pane),
            Pane::Checklist => areas.checklist = Some(pane),
        }
    }
    if state.timeline.is_some() {
        areas.timeline = Some(body);
    }
    areas.overlay = state.overlay.map(|o| {
        let (ow, oh) = match o {
            // Wide enough for a preview beside the list: the list keeps its width.
            Overlay::Finder if w >= PREVIEW_BESIDE => {
                (w.saturating_sub(4), body.height.saturating_sub(2))
            }
            Overlay::Finder => (w.saturating_sub(4).min(110), body.height.saturating_sub(2)),
            Overlay::Help => (w.saturating_sub(4).min(72), body.height.saturating_sub(2)),
            Overlay::Note => (
                w.saturating_sub(4).min(80),
                (body.height / 2).max(5).min(body.height),
            ),
        };
        Rect::new((w - ow) / 2, (body.height - oh) / 2, ow, oh)
    });
    areas
}

/// Reading mode shows the reader alone, while it has the focus (another pane focused shows
/// the usual layout; the mode comes back with the reader).
pub fn reading_alone(state: &State) -> bool {
    state.reading && state.focus == Pane::Reader
}

/// Whether panes have borders: side by side they do; a pane alone (a narrow terminal,
/// reading mode) has only its title line, so its lines span the terminal's width and a
/// scrolled line is one scroll of the terminal's region, with no border cells.
pub fn bordered(state: &State) -> bool {
    state.size.0 >= SIDE_BY_SIDE && !reading_alone(state)
}

/// The inside of a pane: below its title line, and inside its side borders when panes
/// stand side by side (see [`bordered`]).
pub fn pane_inner(state: &State, r: Rect) -> Rect {
    if bordered(state) {
        inner(r)
    } else {
        Rect::new(
            r.x,
            r.y.saturating_add(1),
            r.width,
            r.height.saturating_sub(1),
        )
    }
}

/// The inside of a bordered rectangle.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// Text columns of the reader: its inside, less the one-column gutter of markers.
pub fn reader_text_width(state: &State) -> usize {
    layout(state)
        .reader
        .map_or(0, |r| pane_inner(state, r).width.saturating_sub(2) as usize)
}

/// Lines the reader shows at once.
pub fn reader_height(state: &State) -> usize {
    // As the reader is drawn: without borders on a narrow screen, one row for its title.
    layout(state)
        .reader
        .map_or(1, |r| pane_inner(state, r).height.max(1) as usize)
}

/// Rows the documents list shows at once (less its header row).
pub fn documents_height(state: &State) -> usize {
    layout(state).documents.map_or(1, |r| {
        pane_inner(state, r).height.saturating_sub(1).max(1) as usize
    })
}

/// From this many columns the finder's preview stands beside its list, else below it.
pub const PREVIEW_BESIDE: u16 = 120;

/// The parts of the finder: its input line, its count line, its list of results and the
/// preview of the selected one (none when there is no room).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FinderAreas {
    /// The query's input line.
    pub input: Rect,
    /// The line that counts the matches.
    pub count: Rect,
    /// The result rows.
    pub list: Rect,
    /// The preview, its first row a rule naming the document.
    pub preview: Option<Rect>,
}

/// Where the parts of the finder go inside its frame `r`.
pub fn finder_areas(state: &State, r: Rect) -> Option<FinderAreas> {
    let area = inner(r);
    if area.height < 3 || area.width < 10 {
        return None;
    }
    let input = Rect::new(area.x, area.y, area.width, 1);
    let count = Rect::new(area.x, area.y + 1, area.width, 1);
    let body = Rect::new(area.x, area.y + 2, area.width, area.height - 2);
    let (list, preview) = if state.size.0 >= PREVIEW_BESIDE {
        // Beside: the list keeps a little more than half, a rule column between.
        let list_w = body.width * 11 / 20;
        let preview = Rect::new(
            body.x + list_w + 1,
            body.y,
            body.width - list_w - 1,
            body.height,
        );
        (
            Rect::new(body.x, body.y, list_w, body.height),
            Some(preview),
        )
    } else if body.height >= 8 {
        // Below: a third of the rows, the rule included.
        let preview_h = (body.height / 3).max(4);
        let list_h = body.height - preview_h;
        (
            Rect::new(body.x, body.y, body.width, list_h),
            Some(Rect::new(body.x, body.y + list_h, body.width, preview_h)),
        )
    } else {
        (body, None)
    };
    Some(FinderAreas {
        input,
        count,
        list,
        preview,
    })
}

/// Result rows the finder shows (its list, less the input, count and preview).
pub fn finder_height(state: &State) -> usize {
    layout(state)
        .overlay
        .and_then(|r| finder_areas(state, r))
        .map_or(1, |a| a.list.height.max(1) as usize)
}

/// Rows the checklist shows at once (less its header row and the item's detail).
pub fn checklist_height(state: &State) -> usize {
    layout(state).checklist.map_or(1, |r| {
        let inside = pane_inner(state, r).height;
        inside
            .saturating_sub(1 + checklist_detail_rows(inside))
            .max(1) as usize
    })
}

/// Rows under the checklist that detail the selected item (its whole quote, deadline,
/// figures, both reviewers' verdicts and notes, the reconciliation), for a pane whose
/// inside is `inside` rows: only when the list keeps at least ten rows beside it; a third
/// of a tall pane, so notes have room.
pub fn checklist_detail_rows(inside: u16) -> u16 {
    const DETAIL: u16 = 8;
    if inside >= DETAIL + 11 {
        DETAIL.max(inside / 3)
    } else {
        0
    }
}

/// The checklist's detail of the selected item: its width and the rows under its title
/// line (none when the pane is too short to show it).
pub fn checklist_detail_size(state: &State) -> (usize, usize) {
    layout(state).checklist.map_or((0, 0), |r| {
        let inside = pane_inner(state, r);
        let rows = checklist_detail_rows(inside.height).saturating_sub(1);
        (inside.width as usize, rows as usize)
    })
}

/// Where the timeline's parts go: the same for `update` (how many columns and rows it
/// shows) and `draw`. `None` below the minimum size.
pub fn timeline_areas(state: &State) -> Option<TimelineAreas> {
    let (w, h) = state.size;
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return None;
    }
    let i = inner(Rect::new(0, 0, w, h - 1));
    let titles_w = (i.width / 4).clamp(8, 30).min(i.width);
    let plot_x = i.x + titles_w + 1;
    let plot_w = i.width.saturating_sub(titles_w + 1);
    let axis_h = i.height.min(2);
    let footer_h = i.height.saturating_sub(3).min(4);
    let rows = i.height.saturating_sub(axis_h + footer_h);
    let top = i.y + axis_h;
    Some(TimelineAreas {
        titles: Rect::new(i.x, top, titles_w, rows),
        axis: Rect::new(plot_x, i.y, plot_w, axis_h),
        plot: Rect::new(plot_x, top, plot_w, rows),
        footer: Rect::new(i.x, top + rows, i.width, footer_h),
    })
}
