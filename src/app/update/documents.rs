//! The documents list: sorting and filtering.

use super::*;

pub(super) fn sort(state: &mut State, by: SortBy) {
    state.documents.sort = by;
    refresh_documents(state);
    say(
        state,
        match by {
            SortBy::Date => "documents by date, newest first",
            SortBy::Title => "documents by title",
        },
    );
}

/// Recomputes the documents list (sort and filter), keeping the selected document.
pub(super) fn refresh_documents(state: &mut State) {
    let Some(corpus) = state.corpus.clone() else {
        return;
    };
    let keep = state.documents.order.get(state.documents.selected).copied();
    let filter = state.documents.filter.to_lowercase();
    let mut order: Vec<usize> = (0..corpus.documents.len())
        .filter(|&d| {
            filter.is_empty()
                || state.title(d).to_lowercase().contains(&filter)
                || corpus.documents[d].name.to_lowercase().contains(&filter)
        })
        .collect();
    let titles: Vec<String> = (0..corpus.documents.len())
        .map(|d| state.title(d).to_lowercase())
        .collect();
    match (state.documents.sort, &state.index) {
        (SortBy::Date, Some(index)) => order.sort_by(|&a, &b| {
            let day = |d: usize| index.doc_info(d as u32).days.map(|x| x.first);
            day(b).cmp(&day(a)).then_with(|| titles[a].cmp(&titles[b]))
        }),
        _ => order.sort_by(|&a, &b| titles[a].cmp(&titles[b])),
    }
    state.documents.selected = keep
        .and_then(|k| order.iter().position(|&d| d == k))
        .unwrap_or(0);
    state.documents.order = order;
    clamp_lists(state);
}
