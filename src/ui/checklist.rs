//! The checklist pane: every commitment with both reviewers' verdicts side by side (a
//! letter each, never colour alone), the agreement, the document and the quote; progress,
//! percent agreement and Cohen's kappa in the title.

use super::*;
use crate::app::checklist::{Tone, agreement_mark, detail_body, partner_hidden, verdict_letter};
use crate::app::layout::checklist_detail_rows;
use crate::app::marks;
use crate::app::state::{ReviewState, VerdictKey};
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
        (VerdictKey::Reconcile, _) => " · RECONCILING",
        (VerdictKey::Filter, _) => " · SHOW WHICH VERDICT?",
        (VerdictKey::Mine, true) => " · blind",
        (VerdictKey::Mine, false) => "",
    };
    let scope = if rv.this_document {
        " · this document"
    } else {
        ""
    };
    let title = format!(
        "Checklist {}/{} {}{scope}{mode} · {a} rated {rated} · agree {pct} · κ {kappa}",
        rv.order.len(),
        rv.ws.items.len(),
        rv.filter.name(),
    );
    let focused = state.focus == Pane::Checklist && state.overlay.is_none();
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
    let initial = |n: &str| n.chars().next().map_or(' ', |c| c).to_string();
    let mut lines = vec![Line::styled(
        fit(
            &format!(" {}{}   document      commitment", initial(a), initial(b)),
            w,
        ),
        theme.dim,
    )];
    let rows = area.height.saturating_sub(1) as usize;
    for (i, id) in rv.order.iter().enumerate().skip(rv.offset).take(rows) {
        let item = &rv.ws.items[id];
        let va = item.reviews.get(a).map(|x| x.verdict);
        let vb = item.reviews.get(b).map(|x| x.verdict);
        // Blind: the other's verdict stays hidden until mine is given.
        let hidden = partner_hidden(rv, item);
        let letter_b = if hidden {
            marks::HIDDEN
        } else {
            verdict_letter(vb)
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
            fit(&item.doc, 12usize.saturating_sub(width::of(&page)))
        );
        let head = format!(
            "{marker}{}{} {state_mark} {}  ",
            verdict_letter(va),
            letter_b,
            pad(&doc, 12)
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
}

/// The selected item in full: a title line (deadline, document, id), then its whole quote,
/// figures, each reviewer's verdict with the whole note, and where the pair stands; when
/// that is longer than the rows, a window on it (`detail_top`) and a line that says so.
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
    let origin = match item.origin {
        crate::workspace::Origin::Manual => " · marked by hand",
        _ => "",
    };
    let page = page_note(state, rv, id, item);
    let mut lines = vec![Line::styled(
        fit(
            &format!(
                "── deadline {deadline} · {}{page} · {id}{origin} ",
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
