//! The checklist pane: every commitment with both reviewers' verdicts side by side (a
//! letter each, never colour alone), the agreement, the document and the quote; progress,
//! percent agreement and Cohen's kappa in the title.

use super::*;
use crate::review::{ItemAgreement, item_agreement};
use crate::workspace::Verdict;

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
    let mode = match (rv.blind, rv.reconciling) {
        (_, true) => " · RECONCILING",
        (true, _) => " · blind",
        _ => "",
    };
    let title = format!(
        "Checklist {}/{} {}{mode} · {a} rated {rated} · agree {pct} · κ {kappa}",
        rv.order.len(),
        rv.ws.items.len(),
        rv.filter.name(),
    );
    let focused = state.focus == Pane::Checklist && state.overlay.is_none();
    frame.render_widget(pane_frame(state, title, focused, theme), r);
    let area = pane_inner(state, r);
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
        let hidden = rv.blind && va.is_none_or(|v| v == Verdict::Pending);
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
            .help(Context::Checklist)
            .into_iter()
            .find(|(_, a)| *a == crate::keymap::Action::ShowAll)
            .map_or(String::new(), |(k, _)| format!(" ({k} shows all)"));
        lines.push(Line::styled(format!("no item here{keys}"), theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
