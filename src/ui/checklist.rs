//! The checklist pane: every commitment with both reviewers' verdicts side by side (a
//! letter each, never colour alone), the agreement, the document and the quote; progress,
//! percent agreement and Cohen's kappa in the title.

use super::*;
use crate::app::layout::checklist_detail_rows;
use crate::app::state::{ReviewState, VerdictKey};
use crate::review::{ItemAgreement, item_agreement};
use crate::workspace::{Item, Verdict};

/// A verdict as one letter: upper case for the settled ones.
pub fn verdict_letter(v: Option<Verdict>) -> &'static str {
    match v {
        None => "·",
        Some(Verdict::Pending) => "?",
        Some(Verdict::InProgress) => "i",
        Some(Verdict::Stalled) => "s",
        Some(Verdict::Partial) => "p",
        Some(Verdict::Kept) => "K",
        Some(Verdict::Broken) => "B",
        Some(Verdict::NotACommitment) => "N",
    }
}

fn agreement_mark(a: ItemAgreement) -> &'static str {
    match a {
        ItemAgreement::None => " ",
        ItemAgreement::One => "1",
        ItemAgreement::Agreed => "=",
        ItemAgreement::Disagreed => "≠",
        ItemAgreement::Reconciled => "R",
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
        let hidden = hidden_from(rv, item);
        let letter_b = if hidden { "◌" } else { verdict_letter(vb) };
        let state_mark = if hidden {
            " "
        } else {
            agreement_mark(item_agreement(item, a, b))
        };
        let marker = if i == rv.selected { "▶" } else { " " };
        let orphan = if rv.orphaned.contains(id) { "⚠ " } else { "" };
        let head = format!(
            "{marker}{}{} {state_mark} {:<12}  ",
            verdict_letter(va),
            letter_b,
            fit(&item.doc, 12)
        );
        let used = head.width();
        let text = fit(
            &format!("{orphan}{}", item.anchor.exact),
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

/// Blind mode: the other reviewer's verdict and note stay hidden on an item until the
/// active reviewer has given a verdict of their own.
fn hidden_from(rv: &ReviewState, item: &Item) -> bool {
    rv.blind
        && item
            .reviews
            .get(&rv.pair.0)
            .is_none_or(|x| x.verdict == Verdict::Pending)
}

/// The selected item in full: where it is, its whole quote, deadline and figures, then
/// each reviewer's verdict and note and where the pair stands. On the disagreements
/// filter this is the view that walks each conflict with both sides.
fn detail(
    state: &State,
    rv: &ReviewState,
    (id, item): (&str, &Item),
    theme: &Theme,
    frame: &mut Frame,
    r: Rect,
) {
    let w = r.width as usize;
    let (a, b) = (rv.pair.0.as_str(), rv.pair.1.as_str());
    let mut lines = Vec::new();
    let deadline = item.deadline.as_deref().unwrap_or("none");
    let origin = match item.origin {
        crate::workspace::Origin::Manual => " · marked by hand",
        _ => "",
    };
    lines.push(Line::styled(
        fit(
            &format!("── deadline {deadline} · {} · {id}{origin} ", item.doc),
            w,
        ),
        theme.dim,
    ));
    let quote_rows = r.height.saturating_sub(5).max(1) as usize;
    let orphan = if rv.orphaned.contains(id) {
        "⚠ orphaned: "
    } else {
        ""
    };
    for line in wrap_words(&format!("{orphan}“{}”", item.anchor.exact), w, quote_rows) {
        lines.push(Line::raw(line));
    }
    while lines.len() < 1 + quote_rows {
        lines.push(Line::raw(""));
    }
    let figures = match item.figures.is_empty() {
        true => "none".to_string(),
        false => item.figures.join(", "),
    };
    lines.push(Line::from(vec![
        Span::styled("figures ", theme.dim),
        Span::styled(fit(&figures, w.saturating_sub(8)), theme.figure),
    ]));
    let hidden = hidden_from(rv, item);
    for (who, mine) in [(a, true), (b, false)] {
        if who.is_empty() {
            lines.push(Line::styled("(no second reviewer yet)", theme.dim));
            continue;
        }
        let review = item.reviews.get(who);
        let head = format!("{who:<8} ");
        let body = match review {
            _ if hidden && !mine => "◌ hidden until you give your verdict (blind mode)".to_string(),
            None => "· not rated".to_string(),
            Some(x) => {
                let stale = if x.stale {
                    " (stale: the words changed)"
                } else {
                    ""
                };
                let note = note_line(&x.note);
                format!(
                    "{} {}{stale}{note}",
                    verdict_letter(Some(x.verdict)),
                    x.verdict.name()
                )
            }
        };
        let head_w = head.width();
        lines.push(Line::from(vec![
            Span::styled(fit(&head, w), theme.key),
            Span::raw(fit(&body, w.saturating_sub(head_w))),
        ]));
    }
    let standing = match (&item.reconciled, item_agreement(item, a, b)) {
        _ if hidden => String::new(),
        (Some(x), _) => format!(
            "R reconciled: {} by {}{}",
            x.verdict.name(),
            x.by,
            note_line(&x.note)
        ),
        (None, ItemAgreement::Disagreed) => {
            let key = state
                .keymap
                .keys_for(Context::Checklist, crate::keymap::Action::Reconcile)
                .unwrap_or_else(|| "reconcile".to_string());
            format!("≠ they disagree: {key} then a verdict key records the pair's verdict")
        }
        (None, ItemAgreement::Agreed) => "= they agree".to_string(),
        (None, ItemAgreement::One) => "1 one verdict so far".to_string(),
        (None, _) => String::new(),
    };
    lines.push(Line::styled(fit(&standing, w), theme.dim));
    frame.render_widget(Paragraph::new(lines), r);
}

/// A note's first line, after a separator, with how many more lines it has.
fn note_line(note: &str) -> String {
    let mut rows = note.lines().filter(|l| !l.trim().is_empty());
    match rows.next() {
        None => String::new(),
        Some(first) => {
            let more = rows.count();
            let more = if more > 0 {
                format!(" (+{more} lines)")
            } else {
                String::new()
            };
            format!(" — {}{more}", first.trim())
        }
    }
}

/// `text` broken at spaces into at most `rows` lines of `width` columns, the last one
/// ending in an ellipsis when the text goes on.
fn wrap_words(text: &str, width: usize, rows: usize) -> Vec<String> {
    let text = sanitize(text);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let wanted = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if wanted > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    let cut = lines.len() > rows;
    lines.truncate(rows);
    if cut && let Some(last) = lines.last_mut() {
        last.push_str(" …");
    }
    lines.into_iter().map(|l| fit(&l, width)).collect()
}
