//! The checklist pane: every commitment with both reviewers' verdicts side by side (a
//! letter each, never colour alone), the agreement, the other reviewers' verdicts (with
//! three or more), the document and the quote; progress, percent agreement and Cohen's
//! kappa in the title.

use super::*;
use crate::app::checklist::{
    Tone, agreement_mark, detail_body, initial, others, others_column, others_heading,
    partner_hidden, verdict_letter,
};
use crate::app::layout::checklist_detail_rows;
use crate::app::marks;
use crate::app::state::{ChecklistFilter, ChecklistSort, ReviewState, VerdictKey};
use crate::review::item_agreement;
use crate::workspace::Item;

/// ` p. 3` for an item whose quote is on page 3 of a PDF; empty for other documents and
/// for an orphaned item (its quote is nowhere). A binary search per row shown.
fn page_note(state: &State, rv: &ReviewState, id: &str, item: &Item) -> String {
    if rv.orphaned.contains(id) {
        return String::new();
    }
    state
        .corpus
        .as_deref()
        .and_then(|c| crate::review::export::item_page(c, item))
        .map_or(String::new(), |p| format!(" p. {p}"))
}

/// Columns a pane's title may take in `r`: its border's corners, the spaces around the
/// title and the focus marker take the rest.
fn title_room(state: &State, r: Rect, focused: bool) -> usize {
    let marker = if focused { 2 } else { 0 };
    let corners = if state.size.0 >= crate::app::layout::SIDE_BY_SIDE {
        2
    } else {
        0
    };
    (r.width as usize).saturating_sub(corners + 2 + marker)
}

/// A title of `pieces` (rank, text), shown in their order and joined by ` · ` (the second
/// and third, the counts and the filter, by a space), within `room` columns: while it is too wide, the piece of lowest rank
/// (the last of them first) is left out; empty pieces never show.
fn pane_title(pieces: &[(u8, &str)], room: usize) -> String {
    let mut shown: Vec<bool> = pieces.iter().map(|(_, t)| !t.is_empty()).collect();
    let join = |shown: &[bool]| {
        let mut out = String::new();
        for (i, (_, text)) in pieces.iter().enumerate().filter(|(i, _)| shown[*i]) {
            let sep = match (out.is_empty(), i) {
                (true, _) => "",
                (false, 1 | 2) => " ",
                (false, _) => " · ",
            };
            out.push_str(sep);
            out.push_str(text);
        }
        out
    };
    loop {
        let title = join(&shown);
        if width::of(&title) <= room {
            return title;
        }
        let drop = (0..pieces.len())
            .filter(|&i| shown[i])
            .min_by_key(|&i| (pieces[i].0, std::cmp::Reverse(i)));
        match drop {
            Some(i) if shown.iter().filter(|s| **s).count() > 1 => shown[i] = false,
            _ => return fit(&title, room),
        }
    }
}

/// The document column's width in a list `w` columns wide: a quarter of it, at least
/// 12 and at most 28, so the quote keeps most of the row.
fn document_columns(w: usize) -> usize {
    (w / 4).clamp(12, 28)
}

/// An item's document in `max` columns: its short title once the index knows it, else
/// its file name (the detail below always names the file).
fn document_name(state: &State, name: &str, max: usize) -> String {
    match state.doc_named(name).filter(|_| state.index.is_some()) {
        Some(doc) => state.short_title(doc, max),
        None => fit(name, max),
    }
}

pub(super) fn checklist(state: &State, theme: &Theme, frame: &mut Frame, r: Rect) {
    let Some(rv) = &state.review else {
        return;
    };
    let (a, b) = (rv.pair.0.as_str(), rv.pair.1.as_str());
    // Figures over the whole corpus, kept up to date by update: not a pass over every item
    // per frame.
    let (g, rated) = (&rv.figures, rv.rated);
    let pct = g.percent.map_or("—".into(), |p| format!("{p:.0}%"));
    let kappa = g.kappa.map_or("—".into(), |k| format!("{k:.2}"));
    let mode = match (rv.verdict_key, rv.blind) {
        (VerdictKey::Reconcile, _) => "RECONCILING",
        (VerdictKey::Filter, _) => "SHOW WHICH VERDICT?",
        (VerdictKey::Mine, true) => "blind",
        (VerdictKey::Mine, false) => "",
    };
    let scope = if rv.this_document {
        "this document"
    } else {
        ""
    };
    let sort = match rv.sort {
        ChecklistSort::Deadline => "by deadline",
        ChecklistSort::File => "",
    };
    // The day that counts, when it is not today: a past or future assessment says so.
    // With the overdue filter it goes with the filter's name, and the two outlast the
    // figures (which are the corpus's whatever the filter): the list is what was late on
    // that day. Otherwise it is a decoration.
    let day = state.as_of().unless_today();
    let (filter, filter_rank, as_of) = match (rv.filter, day) {
        (ChecklistFilter::Overdue, Some(day)) => (format!("overdue {day}"), 6, String::new()),
        (f, day) => {
            let rank = if f == ChecklistFilter::All { 1 } else { 4 };
            (f.name().to_string(), rank, day.unwrap_or_default())
        }
    };
    let counts = format!("{}/{}", rv.order.len(), rv.ws.items.len());
    let rated_by = format!("{a} rated {rated}");
    let agree = format!("agree {pct}");
    let kappa = format!("κ {kappa}");
    // Three verdicts on an item or more: Krippendorff's α among every reviewer.
    let everyone = rv
        .everyone
        .map_or(String::new(), |alpha| format!("α {alpha:.2} (all)"));
    // Pieces in the order shown, each with its rank: the lowest ranks give way first.
    // The decorations go first (the pane's name, the filter when it is "all", then the
    // counts, then the active reviewer's progress and the as-of day); a filter, scope or
    // order that changes what the list holds, agreement and κ, and a mode that changes
    // what keys do are cut last.
    let pieces = [
        (1, "Checklist"),
        (2, counts.as_str()),
        (filter_rank, filter.as_str()),
        (5, scope),
        (4, sort),
        (3, as_of.as_str()),
        (7, mode),
        (3, rated_by.as_str()),
        (6, agree.as_str()),
        (6, kappa.as_str()),
        (6, everyone.as_str()),
    ];
    let focused = state.focus == Pane::Checklist && state.overlay.is_none();
    let title = pane_title(&pieces, title_room(state, r, focused));
    frame.render_widget(pane_frame(state, title, focused, theme), r);
    let inside = pane_inner(state, r);
    let detail_rows = checklist_detail_rows(inside.height);
    let area = Rect {
        height: inside.height - detail_rows,
        ..inside
    };
    if detail_rows > 0 {
        let detail_area = Rect {
            y: area.y + area.height,
            height: detail_rows,
            ..inside
        };
        let selected = rv.order.get(rv.selected);
        if let Some((id, item)) = selected.and_then(|id| rv.ws.items.get_key_value(id)) {
            detail(state, rv, (id, item), theme, frame, detail_area);
        }
    }
    let w = area.width as usize;
    let doc_w = document_columns(w);
    // With three reviewers or more, the others' verdicts stand after the pair's mark.
    let others: Vec<&str> = others(rv).collect();
    let heading = match others.is_empty() {
        true => String::new(),
        false => format!("{} ", others_heading(&others)),
    };
    let mut lines = vec![Line::styled(
        fit(
            &format!(
                " {}{}   {heading}{:<doc_w$}  commitment",
                initial(a),
                initial(b),
                "document"
            ),
            w,
        ),
        theme.dim,
    )];
    let prompt = u16::from(rv.name_input.is_some());
    let rows = area.height.saturating_sub(1 + prompt) as usize;
    for (i, id) in rv.order.iter().enumerate().skip(rv.offset).take(rows) {
        let item = &rv.ws.items[id];
        let va = item.reviews.get(a).map(|x| x.verdict);
        let vb = item.reviews.get(b).map(|x| x.verdict);
        // Blind: the other's verdict stays hidden until mine is given.
        let hidden = partner_hidden(rv, item);
        let letter_b = if hidden {
            marks::HIDDEN.to_string()
        } else {
            verdict_letter(vb, &rv.ws.scale)
        };
        let state_mark = if hidden {
            " "
        } else {
            agreement_mark(item_agreement(item, a, b))
        };
        let marker = if i == rv.selected {
            marks::SELECTED
        } else {
            " "
        };
        let orphan = if rv.orphaned.contains(id) {
            format!("{} ", marks::ORPHAN)
        } else {
            String::new()
        };
        let page = page_note(state, rv, id, item);
        let doc = format!(
            "{}{page}",
            document_name(state, &item.doc, doc_w.saturating_sub(width::of(&page)))
        );
        let theirs = match others.is_empty() {
            true => String::new(),
            false => format!("{} ", others_column(item, &others, hidden, &rv.ws.scale)),
        };
        let head = format!(
            "{marker}{}{} {state_mark} {theirs}{}  ",
            verdict_letter(va, &rv.ws.scale),
            letter_b,
            pad(&doc, doc_w),
        );
        let used = width::of(&head);
        let text = fit(
            &format!("{orphan}{}", crate::safe_text::quote(&item.anchor.exact)),
            w.saturating_sub(used),
        );
        let style = if i == rv.selected {
            theme.selected
        } else {
            Style::default()
        };
        lines.push(Line::from(vec![Span::styled(head, style), Span::raw(text)]));
    }
    if rv.order.is_empty() {
        let keys = state
            .keymap
            .keys_for(Context::Checklist, crate::keymap::Action::ShowAll)
            .map_or(String::new(), |k| format!(" ({k} shows all)"));
        lines.push(Line::styled(format!("no item here{keys}"), theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), area);
    if let Some(input) = &rv.name_input {
        // The prompt for a reviewer's name, on the list's last row.
        let y = area.y + area.height.saturating_sub(1);
        frame.render_widget(Clear, Rect::new(area.x, y, area.width, 1));
        let prompt = "reviewer: ";
        let pw = (prompt.len() as u16).min(area.width);
        frame.render_widget(Span::styled(prompt, theme.key), Rect::new(area.x, y, pw, 1));
        frame.render_widget(
            input,
            Rect::new(area.x + pw, y, area.width.saturating_sub(pw), 1),
        );
    }
}

/// The selected item in full: a title line (deadline and whether it is overdue, document,
/// id), then its whole quote, figures, each reviewer's verdict with the whole note, and
/// where the pair stands; when that is longer than the rows, a window on it (`detail_top`)
/// and a line that says so.
fn detail(
    state: &State,
    rv: &ReviewState,
    (id, item): (&str, &Item),
    theme: &Theme,
    frame: &mut Frame,
    r: Rect,
) {
    let w = r.width as usize;
    let deadline = item.deadline.as_deref().unwrap_or("none");
    let overdue = match state.as_of().overdue(item, &rv.ws.scale) {
        true => " (overdue)",
        false => "",
    };
    let origin = match item.origin {
        crate::workspace::Origin::Manual => " · marked by hand",
        _ => "",
    };
    let page = page_note(state, rv, id, item);
    let mut lines = vec![Line::styled(
        fit(
            &format!(
                "── deadline {deadline}{overdue} · {}{page} · {id}{origin} ",
                item.doc
            ),
            w,
        ),
        theme.dim,
    )];
    let body = detail_body(state, item, rv.orphaned.contains(id), w);
    let rows = (r.height as usize).saturating_sub(1);
    let (top, shown) = crate::app::checklist::detail_window(rv, id, body.len(), rows);
    for parts in body.iter().skip(top).take(shown) {
        let mut used = 0;
        let spans: Vec<Span> = parts
            .iter()
            .map(|(text, tone)| {
                let text = fit(text, w.saturating_sub(used));
                used += width::of(&text);
                let style = match tone {
                    Tone::Plain => Style::default(),
                    Tone::Dim => theme.dim,
                    Tone::Reviewer => theme.key,
                    Tone::Figures => theme.figure,
                };
                Span::styled(text, style)
            })
            .collect();
        lines.push(Line::from(spans));
    }
    if shown < body.len() {
        let key = |a| {
            state
                .keymap
                .keys_for(Context::Checklist, a)
                .unwrap_or_else(|| a.name().to_string())
        };
        let hint = format!(
            "↕ lines {}–{} of {} · {} {} scroll",
            top + 1,
            top + shown,
            body.len(),
            key(crate::keymap::Action::DetailDown),
            key(crate::keymap::Action::DetailUp),
        );
        lines.push(Line::styled(fit(&hint, w), theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), r);
}

#[cfg(test)]
mod tests {
    use super::pane_title;

    #[test]
    fn a_title_leaves_out_its_lowest_ranks_first_and_keeps_its_order() {
        let pieces = [
            (1, "Checklist"),
            (2, "70/70"),
            (1, "all"),
            (5, ""),
            (3, "ann rated 4"),
            (6, "agree 50%"),
            (6, "κ 0.00"),
        ];
        let whole = "Checklist 70/70 all · ann rated 4 · agree 50% · κ 0.00";
        assert_eq!(pane_title(&pieces, 80), whole);
        // Of two equal ranks, the later goes first.
        assert_eq!(
            pane_title(&pieces, 52),
            "Checklist 70/70 · ann rated 4 · agree 50% · κ 0.00"
        );
        assert_eq!(
            pane_title(&pieces, 40),
            "70/70 · ann rated 4 · agree 50% · κ 0.00"
        );
        assert_eq!(pane_title(&pieces, 20), "agree 50% · κ 0.00");
        // The last piece standing is cut rather than dropped.
        assert_eq!(pane_title(&pieces, 6), "agree…");
    }
}
