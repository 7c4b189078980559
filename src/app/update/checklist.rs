//! The checklist: the workspace's items with both reviewers' verdicts, filtered, and a
//! jump to an item's source in the reader.

use super::*;
use crate::app::checklist::View;
use crate::app::review::Opened;
use crate::app::state::{ChecklistSort, ReviewState, VerdictKey};
use crate::app::undo::{Change, Kind, Part, part_of};
use crate::review::{agreement, item_agreement, pair};

/// Why the checklist cannot take a verdict, and how to fix it.
const NO_REVIEWER: &str = "no reviewer: --reviewer NAME, CORDIALE_REVIEWER or git config user.name";

pub(super) fn open_review(state: &mut State, opened: Opened) {
    // The active reviewer first, beside the one who gave the most verdicts otherwise.
    let found = pair(opened.ws.items.values());
    let pair = match (&opened.me, found) {
        (Some(me), Some((a, b))) if *me == b => (b, a),
        (Some(me), Some((a, b))) if *me == a => (a, b),
        (Some(me), Some((a, _))) => (me.clone(), a),
        (Some(me), None) => {
            let other = opened
                .ws
                .items
                .values()
                .flat_map(|i| i.reviews.keys())
                .find(|n| n.as_str() != me)
                .map_or_else(String::new, |n| n.to_string());
            (me.clone(), other)
        }
        (None, Some(p)) => p,
        (None, None) => (String::new(), String::new()),
    };
    state.review = Some(ReviewState {
        path: opened.path,
        stored: opened.stored,
        ws: opened.ws,
        unsaved: Vec::new(),
        orphaned: opened.orphaned,
        joined: opened.me.iter().cloned().collect(),
        me: opened.me,
        pair,
        reviewers: Vec::new(),
        name_input: None,
        filter: ChecklistFilter::All,
        sort: ChecklistSort::File,
        order: Vec::new(),
        figures: agreement(std::iter::empty(), "", "", &Default::default()),
        everyone: None,
        rated: 0,
        progress: Default::default(),
        selected: 0,
        offset: 0,
        blind: state.blind_at_start,
        verdict_key: VerdictKey::Mine,
        saving: None,
        this_document: false,
        rows: Default::default(),
        undo: Default::default(),
        drafts: opened.drafts,
        detail_top: None,
        actor: None,
    });
    mark_manual_items(state);
    refresh_checklist(state);
    if state.review.as_ref().is_some_and(|r| r.me.is_none()) {
        say(state, NO_REVIEWER);
    }
    offer_draft(state);
}

/// Recomputes the items shown, keeping the selected one.
pub(super) fn refresh_checklist(state: &mut State) {
    let open_doc = open_doc_name(state);
    let as_of = state.as_of();
    let Some(r) = state.review.as_mut() else {
        return;
    };
    // The scale's keys, bound again if a merge brought another scale.
    state.keymap.bind_scale(&r.ws.scale);
    // A partner who started reviewing since (merged from their save) gets the column.
    if r.pair.1.is_empty() {
        let first = r.pair.0.clone();
        if let Some(other) =
            r.ws.items
                .values()
                .flat_map(|i| i.reviews.keys())
                .find(|n| n.as_str() != first)
        {
            r.pair.1 = other.to_string();
        }
    }
    let keep = r.order.get(r.selected).cloned();
    let (a, b) = (r.pair.0.as_str(), r.pair.1.as_str());
    let me = r.me.as_deref().unwrap_or("");
    r.rows.update(&r.ws, a, b, me);
    r.reviewers = everyone(r);
    r.figures = r.rows.figures();
    r.everyone = r.rows.alpha_of_everyone();
    r.rated = r.rows.rated();
    r.progress = r.rows.progress();
    let view = View {
        filter: r.filter,
        sort: r.sort,
        doc: open_doc.as_deref().filter(|_| r.this_document),
        as_of,
    };
    r.order = r.rows.shown(view, &r.orphaned);
    r.selected = keep
        .and_then(|k| r.order.iter().position(|id| *id == k))
        .unwrap_or(0);
    clamp_lists(state);
}

pub(super) fn set_filter(state: &mut State, filter: ChecklistFilter) {
    let Some(r) = state.review.as_mut() else {
        return;
    };
    r.filter = filter;
    refresh_checklist(state);
    let n = state.review.as_ref().map_or(0, |r| r.order.len());
    let day = match filter {
        // What is overdue depends on the day: say which when it is not today.
        ChecklistFilter::Overdue => as_of_note(state),
        _ => String::new(),
    };
    say(state, format!("checklist: {}{day} ({n})", filter.name()));
}

/// ` as of 2016-12-31` when the day that counts is not today; empty when it is.
pub(super) fn as_of_note(state: &State) -> String {
    state
        .as_of()
        .unless_today()
        .map_or(String::new(), |day| format!(" {day}"))
}

/// Orders the checklist by deadline (soonest first, undated last), or back in file order.
/// The selected item stays selected.
pub(super) fn toggle_deadline_order(state: &mut State) {
    let Some(r) = state.review.as_mut() else {
        return;
    };
    r.sort = match r.sort {
        ChecklistSort::File => ChecklistSort::Deadline,
        ChecklistSort::Deadline => ChecklistSort::File,
    };
    let sort = r.sort;
    refresh_checklist(state);
    say(
        state,
        match sort {
            ChecklistSort::Deadline => "checklist: by deadline, soonest first, undated last",
            ChecklistSort::File => "checklist: in file order",
        },
    );
}

/// Opens the selected item's source in the reader, its quote picked out.
pub(super) fn open_item(state: &mut State) {
    let Some(r) = &state.review else {
        return;
    };
    let Some(id) = r.order.get(r.selected) else {
        return;
    };
    let item = &r.ws.items[id];
    if r.orphaned.contains(id) {
        let quote = crate::safe_text::quote(&item.anchor.exact);
        return say(
            state,
            format!("orphaned: \"{quote}\" is no longer in {}", item.doc),
        );
    }
    let (name, start, end) = (item.doc.clone(), item.anchor.start, item.anchor.end);
    let doc = state
        .corpus
        .as_ref()
        .and_then(|c| c.documents.iter().position(|d| d.name == name.as_str()));
    let Some(doc) = doc else {
        return say(state, format!("{name} is not in the corpus"));
    };
    record_jump(state);
    open_doc(state, doc);
    focus(state, Pane::Reader);
    goto(state, start, Some((start, end)));
}

/// The active reviewer's verdict on the selected item, saved at once. A note given before
/// is kept.
pub(super) fn give_verdict(state: &mut State, verdict: Verdict) -> Vec<Effect> {
    let Some(r) = state.review.as_mut() else {
        return Vec::new();
    };
    let mode = std::mem::replace(&mut r.verdict_key, VerdictKey::Mine);
    if mode == VerdictKey::Filter {
        set_filter(state, ChecklistFilter::Verdict(verdict));
        return Vec::new();
    }
    let Some(me) = r.me.clone() else {
        say(state, NO_REVIEWER);
        return Vec::new();
    };
    let Some(id) = r.order.get(r.selected).cloned() else {
        return Vec::new();
    };
    let reconciling = mode == VerdictKey::Reconcile;
    // With `@` on an actor, the keys (and `R` with them) are for that actor alone.
    let actor = r.actor_of_selected().cloned();
    let (kind, part) = match (reconciling, &actor) {
        (true, None) => (Kind::Reconcile, Part::Reconciled(None)),
        // One actor's reconciliation: undone with the item's state around it.
        (true, Some(_)) => (Kind::Reconcile, Part::Item(None)),
        (false, _) => (Kind::Verdict, Part::Review(me.as_str().into(), None)),
    };
    let before = part_of(&r.ws, &id, &part);
    let Some(item) = r.ws.items.get_mut(&id) else {
        return Vec::new();
    };
    if let Some(actor) = &actor
        && reconciling
    {
        item.set_reconciled_actor(&me, actor, verdict, crate::workspace::now());
    } else if let Some(actor) = &actor {
        item.set_actor_verdict(&me, actor, verdict, crate::workspace::now());
    } else if reconciling {
        let note = item
            .reconciled
            .as_ref()
            .map(|x| x.note.clone())
            .unwrap_or_default();
        item.set_reconciled(&me, verdict, note, crate::workspace::now());
    } else {
        let note = item
            .reviews
            .get(&me)
            .map(|x| x.note.clone())
            .unwrap_or_default();
        item.set_review(&me, verdict, note, crate::workspace::now());
    }
    let after = part_of(&r.ws, &id, &part);
    r.undo.record(Change {
        id: id.clone(),
        kind,
        by: me.as_str().into(),
        before,
        after,
    });
    r.changed(id);
    // The item may leave the filter (mine, disagreements): the selection stays in place.
    let selected = r.selected;
    refresh_checklist(state);
    if let Some(r) = state.review.as_mut() {
        r.selected = selected.min(r.order.len().saturating_sub(1));
    }
    clamp_lists(state);
    let left = match state.review.as_ref() {
        Some(r) if r.filter == ChecklistFilter::Disagreements => {
            format!("; {} disagreements left", r.order.len())
        }
        _ => String::new(),
    };
    let v = verdict.name();
    let said = match (reconciling, actor.map(|a| crate::safe_text::sanitize(&a))) {
        (true, Some(a)) => format!("{me} reconciled {a} as {v}"),
        (true, None) => format!("{me} reconciled as {v}"),
        (false, Some(a)) => format!("{me} says {a}: {v}"),
        (false, None) => format!("{me} says {v}"),
    };
    save_change(state, format!("{said}{left}"))
}

/// Opens the finder on passages of later documents that speak of the selected item's
/// action (its words, figures by value, actors, deadline year), best first: `enter` opens
/// one in the reader, where `e` cites it as evidence. The passages' term index is made the
/// first time (milliseconds on the seeds, half a second for 5,000 documents) and kept.
pub(super) fn suggest_evidence(state: &mut State) {
    let Some(index) = state.index.clone() else {
        return say(state, "the corpus is still being indexed");
    };
    let Some(item) = state
        .review
        .as_ref()
        .and_then(|r| r.ws.items.get(r.order.get(r.selected)?))
    else {
        return say(state, "no checklist item selected");
    };
    let passages = state
        .passages
        .get_or_insert_with(|| Arc::new(crate::search::suggest::Passages::build(&index)));
    let Some(hits) = crate::app::finder::suggested(&index, passages, item) else {
        return say(state, "the item's words are no longer where it was placed");
    };
    if hits.is_empty() {
        return say(
            state,
            "no passage of a later document shares the item's words",
        );
    }
    let n = hits.len();
    let cite = match state.keymap.keys_for(Context::Reader, Action::CiteEvidence) {
        Some(k) => format!("; open one, {k} in the reader cites it"),
        None => String::new(),
    };
    let what = format!("{n} passages of later documents that may be evidence, best first{cite}");
    let f = &mut state.finder;
    f.generation += 1;
    f.input = Default::default();
    let about = Some(format!("{what} (a query searches instead)"));
    f.show((String::new(), about), hits, n, true);
    state.overlay = Some(crate::app::state::Overlay::Finder);
    say(state, what);
}

/// Chooses the actor my verdict keys rate on the selected item: each of its actors in
/// turn, then the whole commitment again (the G7 method scores each member).
pub(super) fn next_actor(state: &mut State) {
    let Some(r) = state.review.as_mut() else {
        return;
    };
    let Some(id) = r.order.get(r.selected).cloned() else {
        return;
    };
    let Some(item) = r.ws.items.get(&id) else {
        return;
    };
    let actors: Vec<crate::workspace::Short> = item.actors.clone();
    if actors.is_empty() {
        return say(state, "the extraction found no actor in this commitment");
    }
    let now = r.actor_of_selected().cloned();
    let next = match now.and_then(|a| actors.iter().position(|x| *x == a)) {
        None => Some(0),
        Some(k) if k + 1 < actors.len() => Some(k + 1),
        Some(_) => None,
    };
    r.actor = next.map(|k| (id, actors[k].clone()));
    let what = match next {
        Some(k) => format!(
            "verdict keys rate {} (actor {} of {}; reconciling settles it alone)",
            crate::safe_text::sanitize(&actors[k]),
            k + 1,
            actors.len()
        ),
        None => "verdict keys rate the whole commitment".to_string(),
    };
    say(state, what);
}

/// Saves a change at once, saying what it was: "… (saving)" now, and "… · saved to …"
/// when the save lands (`saved`).
pub(super) fn save_change(state: &mut State, what: String) -> Vec<Effect> {
    say(state, format!("{what} (saving)"));
    if let Some(r) = state.review.as_mut() {
        r.saving = Some(what);
    }
    vec![Effect::Save]
}

/// Everyone who reviews here, in name order: all with a review in the workspace (kept
/// with the checklist's rows), those who joined this session, and the pair.
fn everyone(r: &ReviewState) -> Vec<String> {
    let mut everyone: Vec<String> = r
        .rows
        .reviewers()
        .iter()
        .map(|n| n.to_string())
        .chain(r.joined.iter().cloned())
        .chain([r.pair.0.clone(), r.pair.1.clone()])
        .filter(|n| !n.is_empty())
        .collect();
    everyone.sort();
    everyone.dedup();
    everyone
}

/// Reviewers at one terminal take turns: the next reviewer by name (of everyone who
/// reviews here: all who have given a verdict, those added, the two shown) becomes the
/// active one, and the one who was active is shown beside. With two, they swap; with
/// three or more, each is reached in turn.
pub(super) fn switch_reviewer(state: &mut State) {
    let Some(r) = state.review.as_mut() else {
        return;
    };
    let everyone = &r.reviewers;
    if everyone.len() < 2 {
        let add = state
            .keymap
            .keys_for(Context::Checklist, Action::AddReviewer)
            .map_or(String::new(), |k| {
                format!(" ({k} in the checklist adds one)")
            });
        return say(
            state,
            format!("no second reviewer in this workspace yet{add}"),
        );
    }
    let at = everyone.iter().position(|n| *n == r.pair.0).unwrap_or(0);
    let next = everyone[(at + 1) % everyone.len()].clone();
    take_the_keys(state, next);
    let me = state
        .review
        .as_ref()
        .map_or_else(String::new, |r| r.pair.0.clone());
    say(state, format!("reviewing as {me}"));
    offer_draft(state);
}

/// `who` becomes the active reviewer, and the one who was active is shown beside.
fn take_the_keys(state: &mut State, who: String) {
    let Some(r) = state.review.as_mut() else {
        return;
    };
    let before = std::mem::take(&mut r.pair.0);
    r.pair = (who.clone(), before);
    r.me = Some(who);
    refresh_checklist(state);
}

/// Opens the prompt for the name of a reviewer to add.
pub(super) fn ask_reviewer_name(state: &mut State) {
    let Some(r) = state.review.as_mut() else {
        return say(state, "no workspace open yet");
    };
    r.name_input = Some(text_input("name of the reviewer to add"));
    let key = |a| {
        state
            .keymap
            .keys_for(Context::ReviewerName, a)
            .unwrap_or_else(|| a.name().to_string())
    };
    let (add, cancel) = (key(Action::Confirm), key(Action::Cancel));
    say(
        state,
        format!("add a reviewer: type their name, {add} adds them, {cancel} cancels"),
    );
}

/// Adds the reviewer named at the prompt, who takes the keys: ctrl-r reaches them from
/// now on, and the file names them once they give a verdict (nothing is written before).
/// A name `--reviewer` would refuse (nothing but spaces), or that of someone who reviews
/// here already (in any case), is refused with the reason, the prompt left open.
pub(super) fn add_reviewer(state: &mut State) {
    let Some(r) = state.review.as_mut() else {
        return;
    };
    let typed = r.name_input.as_ref().map(input_text).unwrap_or_default();
    let refused = |state: &mut State, text: String| {
        state.status = Some(Status { text, error: true });
    };
    let Some(name) = crate::review::reviewer_name(&typed).map(str::to_string) else {
        let cancel = state
            .keymap
            .keys_for(Context::ReviewerName, Action::Cancel)
            .unwrap_or_else(|| Action::Cancel.name().to_string());
        return refused(
            state,
            format!("a reviewer needs a name: type one, or {cancel}"),
        );
    };
    let same = |n: &String| n.to_lowercase() == name.to_lowercase();
    if let Some(known) = r.reviewers.iter().find(|n| same(n)) {
        let why = match *known == name {
            // The checklist's own key first (vim's `g r`), else the global one.
            true => [Context::Checklist, Context::Global]
                .into_iter()
                .find_map(|c| state.keymap.keys_for(c, Action::SwitchReviewer))
                .map_or(String::new(), |k| format!(" ({k} takes turns)")),
            false => " (only the case differs)".to_string(),
        };
        let known = crate::safe_text::sanitize(known);
        return refused(
            state,
            format!("not added: {known} reviews here already{why}"),
        );
    }
    r.name_input = None;
    r.joined.push(name.clone());
    take_the_keys(state, name.clone());
    // The status bar names the file; a message this long leaves that out.
    let shown = crate::safe_text::sanitize(&name);
    say(
        state,
        format!("reviewing as {shown} (added): nothing is written until {shown} gives a verdict"),
    );
    offer_draft(state);
}

pub(super) fn toggle_blind(state: &mut State) {
    let Some(r) = state.review.as_mut() else {
        return;
    };
    r.blind = !r.blind;
    let on = if r.blind {
        "on: the other verdict shows once you give yours"
    } else {
        "off"
    };
    say(state, format!("blind mode {on}"));
}

/// Arms the next verdict key: to record the pair's reconciled verdict on the selected
/// item, or to pick the verdict the checklist shows.
pub(super) fn arm_verdict_key(state: &mut State, mode: VerdictKey) {
    let Some(r) = state.review.as_mut() else {
        return;
    };
    r.verdict_key = mode;
    let keys = verdict_keys(state);
    let what = match mode {
        VerdictKey::Reconcile => {
            format!("reconcile: the next verdict key ({keys}) records the pair's verdict")
        }
        VerdictKey::Filter => {
            format!("show: the next verdict key ({keys}) shows the items with that verdict")
        }
        VerdictKey::Mine => return,
    };
    say(state, what);
}

/// Disarms a reconcile or a filter choice waiting for its verdict key.
pub(super) fn cancel_verdict_key(state: &mut State) {
    if let Some(r) = state.review.as_mut()
        && r.verdict_key != VerdictKey::Mine
    {
        r.verdict_key = VerdictKey::Mine;
        say(state, "cancelled");
    }
}

/// The checklist's verdict keys of the active keymap, for the prompts that wait for one.
fn verdict_keys(state: &State) -> String {
    let steps = state
        .review
        .as_ref()
        .map_or(0, |r| r.ws.scale.verdicts.len());
    let slots = crate::keymap::action::VERDICT_SLOTS.into_iter().take(steps);
    slots
        .rev()
        .chain([Action::VerdictPending, Action::VerdictNotACommitment])
        .filter_map(|a| state.keymap.keys_for(Context::Checklist, a))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Shows only the items of the document open in the reader, or every item again.
pub(super) fn toggle_this_document(state: &mut State) {
    let Some(name) = open_doc_name(state) else {
        return say(
            state,
            "no document open: the checklist shows the whole corpus",
        );
    };
    let Some(r) = state.review.as_mut() else {
        return;
    };
    r.this_document = !r.this_document;
    let on = r.this_document;
    refresh_checklist(state);
    let n = state.review.as_ref().map_or(0, |r| r.order.len());
    match on {
        true => say(
            state,
            format!(
                "checklist: {} only ({n})",
                crate::safe_text::sanitize(&name)
            ),
        ),
        false => say(state, format!("checklist: the whole corpus ({n})")),
    }
}

/// The name of the document open in the reader.
pub(super) fn open_doc_name(state: &State) -> Option<String> {
    let doc = state.reader.doc?;
    Some(state.corpus.as_ref()?.documents.get(doc)?.name.clone())
}

/// The placed item whose quote overlaps the span `(s, e)` of the open document most.
fn item_at(state: &State, (s, e): (usize, usize)) -> Option<crate::workspace::Short> {
    let name = open_doc_name(state)?;
    let r = state.review.as_ref()?;
    r.ws.items
        .iter()
        .filter(|(id, item)| item.doc == name.as_str() && !r.orphaned.contains(*id))
        .map(|(id, item)| {
            let overlap = e
                .min(item.anchor.end)
                .saturating_sub(s.max(item.anchor.start));
            (overlap, id)
        })
        .filter(|(overlap, _)| *overlap > 0)
        .max_by_key(|(overlap, _)| *overlap)
        .map(|(_, id)| id.clone())
}

/// Selects item `id` in the checklist and focuses it; a filter that hides it is dropped.
fn select_item(state: &mut State, id: &crate::workspace::Short) {
    let Some(r) = state.review.as_mut() else {
        return;
    };
    if !r.order.contains(id) {
        r.filter = ChecklistFilter::All;
        r.this_document = false;
        refresh_checklist(state);
    }
    if let Some(r) = state.review.as_mut()
        && let Some(i) = r.order.iter().position(|x| x == id)
    {
        r.selected = i;
    }
    focus(state, Pane::Checklist);
    clamp_lists(state);
}

/// From the reader to the checklist item of the cursor sentence (the way back from
/// `open_item`).
pub(super) fn goto_item(state: &mut State) {
    if state.review.is_none() {
        return say(state, "no workspace open yet");
    }
    let Some(span) = cursor_sentence(state) else {
        return say(state, "no sentence under the cursor");
    };
    match item_at(state, span) {
        Some(id) => {
            record_jump(state);
            select_item(state, &id)
        }
        None => {
            let mark = reader_key(state, Action::MarkCommitment);
            say(
                state,
                format!("no checklist item on this sentence ({mark} marks it as a commitment)"),
            );
        }
    }
}

/// The active reviewer, or `None` after saying why there is none (no workspace yet, or
/// no reviewer named): what a change made from the reader needs first.
fn reviewer_or_say(state: &mut State) -> Option<String> {
    if let Some(me) = state.review.as_ref().and_then(|r| r.me.clone()) {
        return Some(me);
    }
    let why = match state.review {
        None => "no workspace open yet",
        Some(_) => NO_REVIEWER,
    };
    say(state, why);
    None
}

/// Cites the reader's cursor sentence as evidence for my verdict on the checklist's
/// selected item: anchored like an item (so it is found again when its document changes)
/// and dated by its document's date of issue.
pub(super) fn cite_evidence(state: &mut State) -> Vec<Effect> {
    let Some(me) = reviewer_or_say(state) else {
        return Vec::new();
    };
    let Some(id) = state
        .review
        .as_ref()
        .and_then(|r| r.order.get(r.selected).cloned())
    else {
        say(state, "no checklist item selected to cite evidence for");
        return Vec::new();
    };
    let Some(span) = cursor_sentence(state) else {
        say(state, "no sentence under the cursor");
        return Vec::new();
    };
    let (Some(n), Some(corpus)) = (state.reader.doc, state.corpus.clone()) else {
        return Vec::new();
    };
    let Some(document) = corpus.documents.get(n) else {
        return Vec::new();
    };
    let name = document.name.clone();
    let date = state
        .index
        .as_ref()
        .and_then(|x| x.doc_info(n as u32).date.clone());
    let Some(r) = state.review.as_mut() else {
        return Vec::new();
    };
    let Some(item) = r.ws.items.get(&id) else {
        return Vec::new();
    };
    if item.doc == name && item.anchor.start < span.1 && span.0 < item.anchor.end {
        say(
            state,
            "that is the commitment itself: cite a passage that shows what became of it",
        );
        return Vec::new();
    }
    let part = Part::Review(me.as_str().into(), None);
    let before = part_of(&r.ws, &id, &part);
    let evidence =
        crate::workspace::Evidence::passage((&name, &document.text), span, date.map(Into::into));
    if let Some(item) = r.ws.items.get_mut(&id) {
        item.add_evidence(&me, evidence);
    }
    let after = part_of(&r.ws, &id, &part);
    r.undo.record(Change {
        id: id.clone(),
        kind: Kind::Evidence,
        by: me.as_str().into(),
        before,
        after,
    });
    r.changed(id.clone());
    refresh_checklist(state);
    save_change(state, format!("{me} cited evidence for item {id}"))
}

/// Adds the reader's cursor sentence to the checklist as a commitment the extraction
/// missed (`origin: manual`), saved at once, and shows it there.
pub(super) fn mark_commitment(state: &mut State) -> Vec<Effect> {
    let Some(me) = reviewer_or_say(state) else {
        return Vec::new();
    };
    let Some(span) = cursor_sentence(state) else {
        say(state, "no sentence under the cursor");
        return Vec::new();
    };
    if let Some(id) = item_at(state, span) {
        let open = reader_key(state, Action::GotoItem);
        say(
            state,
            format!("already a checklist item: {id} ({open} shows it)"),
        );
        return Vec::new();
    }
    let (Some(name), Some(corpus)) = (open_doc_name(state), state.corpus.clone()) else {
        return Vec::new();
    };
    let Some(document) = corpus.documents.iter().find(|d| d.name == name) else {
        return Vec::new();
    };
    let Some(r) = state.review.as_mut() else {
        return Vec::new();
    };
    let added = crate::workspace::edit::add_span(
        &mut r.ws,
        &name,
        &document.text,
        span,
        &me,
        crate::workspace::now(),
    );
    match added {
        Ok(id) => {
            r.undo.record(Change {
                id: id.clone(),
                kind: Kind::Mark,
                by: me.as_str().into(),
                before: Part::Item(None),
                after: part_of(&r.ws, &id, &Part::Item(None)),
            });
            r.changed(id.clone());
            // The reader highlights it at once, as the extracted ones.
            let doc = state.reader.doc.and_then(|d| state.marks.get_mut(d));
            if let (Some(m), Some(item)) = (doc, r.ws.items.get(&id)) {
                insert_span(&mut m.commitments, (item.anchor.start, item.anchor.end));
            }
            refresh_checklist(state);
            if let Some(r) = state.review.as_mut()
                && let Some(i) = r.order.iter().position(|x| *x == id)
            {
                r.selected = i;
            }
            clamp_lists(state);
            save_change(state, format!("{me} marked a commitment: item {id}"))
        }
        Err(e) => {
            state.status = Some(Status {
                text: format!("not marked: {e}"),
                error: true,
            });
            Vec::new()
        }
    }
}

/// The reader's keys for `action`, for messages that send the user there (its name when
/// the keymap leaves it unbound).
fn reader_key(state: &State, action: Action) -> String {
    state
        .keymap
        .keys_for(Context::Reader, action)
        .unwrap_or_else(|| action.name().to_string())
}

/// Hand-made items are commitments too: the reader highlights them and jumps to them
/// like the extracted ones.
pub(super) fn mark_manual_items(state: &mut State) {
    let (Some(r), Some(corpus)) = (state.review.as_ref(), state.corpus.as_ref()) else {
        return;
    };
    for item in r.ws.items.values() {
        if item.origin != crate::workspace::Origin::Manual {
            continue;
        }
        let Some(doc) = corpus
            .documents
            .iter()
            .position(|d| d.name == item.doc.as_str())
        else {
            continue;
        };
        if let Some(m) = state.marks.get_mut(doc) {
            insert_span(&mut m.commitments, (item.anchor.start, item.anchor.end));
        }
    }
}

/// `span` in the sorted `spans`, once.
pub(super) fn insert_span(spans: &mut Vec<(usize, usize)>, span: (usize, usize)) {
    if let Err(at) = spans.binary_search(&span) {
        spans.insert(at, span);
    }
}

/// A save's outcome: the new merge base; another process's changes merged in, if any.
pub(super) fn saved(state: &mut State, saved: crate::workspace::store::Saved) {
    let Some(r) = state.review.as_mut() else {
        return;
    };
    r.stored = saved.stored;
    r.unsaved.clear();
    let merged = saved.merged.is_some();
    if let Some(ws) = saved.merged {
        r.replace_ws(ws);
        mark_manual_items(state);
        // Verdicts made elsewhere settle deadlines: an open timeline follows.
        refresh_timeline(state);
    }
    let Some(r) = state.review.as_mut() else {
        return;
    };
    let path = r.path.display().to_string();
    // What was being saved stays in view ("bob says kept · saved to …").
    let what = r.saving.take().map_or(String::new(), |w| format!("{w} · "));
    refresh_checklist(state);
    match saved.conflicts.len() {
        0 if merged => say(
            state,
            format!("{what}saved to {path}, with changes made elsewhere"),
        ),
        0 => say(state, format!("{what}saved to {path}")),
        n => {
            state.status = Some(Status {
                text: format!(
                    "{what}saved to {path}; {n} conflicts with changes made elsewhere (ours kept)"
                ),
                error: true,
            });
        }
    }
}

/// Opens the note editor on the active reviewer's note of the selected item.
pub(super) fn edit_note(state: &mut State) {
    let Some(r) = state.review.as_ref() else {
        return;
    };
    let Some(me) = r.me.clone() else {
        return say(state, NO_REVIEWER);
    };
    let Some(id) = r.order.get(r.selected).cloned() else {
        return;
    };
    let saved = r.ws.items[&id]
        .reviews
        .get(&me)
        .map(|x| shown_note(&x.note))
        .unwrap_or_default();
    // A draft kept when an earlier session was ended comes back instead.
    let draft = my_draft(state, &id).map(|d| (shown_note(&d.text), d.at.clone()));
    let note = draft.as_ref().map_or(saved, |(text, _)| text.clone());
    let lines = note.lines().map(String::from).collect();
    let mut input = ratatui_textarea::TextArea::new(lines);
    input.set_cursor_line_style(ratatui::style::Style::default());
    input.move_cursor(ratatui_textarea::CursorMove::Bottom);
    input.move_cursor(ratatui_textarea::CursorMove::End);
    state.note = Some(crate::app::state::NoteState { id, input });
    state.overlay = Some(Overlay::Note);
    if let Some((_, at)) = draft {
        let key = |a| {
            state
                .keymap
                .keys_for(Context::NoteEditor, a)
                .unwrap_or_default()
        };
        let (save, cancel) = (key(Action::Confirm), key(Action::Cancel));
        say(
            state,
            format!("restored the draft kept {at}: {save} saves it, {cancel} to drop it"),
        );
    }
}

/// Leaves the note editor, saving the note (a note replaced goes to the history with the
/// verdict it came with; a note on an unrated item rates it pending).
pub(super) fn save_note(state: &mut State) -> Vec<Effect> {
    state.overlay = None;
    let Some(note) = state.note.take() else {
        return Vec::new();
    };
    let text = note.input.lines().join("\n").trim_end().to_string();
    // Saved (or the same as saved): a draft of it is done with.
    let drafts = match drop_draft(state, &note.id) {
        true => keep_drafts(state),
        false => Vec::new(),
    };
    let Some(r) = state.review.as_mut() else {
        return Vec::new();
    };
    let Some(me) = r.me.clone() else {
        return Vec::new();
    };
    let part = Part::Review(me.as_str().into(), None);
    let before = part_of(&r.ws, &note.id, &part);
    let Some(item) = r.ws.items.get_mut(&note.id) else {
        return Vec::new();
    };
    let old = item.reviews.get(&me);
    if old.map_or(text.is_empty(), |o| shown_note(&o.note).trim_end() == text) {
        return drafts; // nothing changed
    }
    let verdict = old.map_or(Verdict::PENDING, |o| o.verdict);
    item.set_review(&me, verdict, text, crate::workspace::now());
    let after = part_of(&r.ws, &note.id, &part);
    r.undo.record(Change {
        id: note.id.clone(),
        kind: Kind::Note,
        by: me.as_str().into(),
        before,
        after,
    });
    r.changed(note.id);
    let mut effects = save_change(state, format!("{me}'s note"));
    effects.extend(drafts);
    effects
}

/// A note as the editor shows it: control characters (which must never reach the
/// terminal) as their visible pictures, `␛` for ESC; line breaks kept.
pub(super) fn shown_note(note: &str) -> String {
    note.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\u{7f}' => '\u{2421}',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
            c => c,
        })
        .collect()
}

/// Another process's changes, merged in while the workspace is open.
pub(super) fn refreshed(state: &mut State, merged: crate::workspace::store::Saved) {
    let Some(r) = state.review.as_mut() else {
        return;
    };
    r.stored = merged.stored;
    if let Some(ws) = merged.merged {
        r.replace_ws(ws);
        mark_manual_items(state);
        // Verdicts made elsewhere settle deadlines: an open timeline follows.
        refresh_timeline(state);
    }
    let Some(r) = state.review.as_mut() else {
        return;
    };
    let path = r.path.display().to_string();
    refresh_checklist(state);
    match merged.conflicts.len() {
        0 => say(state, format!("merged changes made elsewhere to {path}")),
        n => {
            state.status = Some(Status {
                text: format!("{path} changed elsewhere: {n} conflicts (ours kept)"),
                error: true,
            });
        }
    }
}

/// The checklist as shown (its filter applied), as `cordiale checklist` prints it, in
/// `format`, beside the workspace (`cordiale-checklist.md`…; never over an existing file).
/// In blind mode it holds what the pane shows: no other reviewer's verdict or note on an
/// item the active reviewer has not rated.
pub(super) fn export_checklist(
    state: &mut State,
    format: crate::review::export::Format,
) -> Vec<Effect> {
    use crate::app::checklist::{as_seen, partner_hidden};
    use crate::review::export;
    let Some(r) = state.review.as_ref() else {
        return Vec::new();
    };
    let (a, b) = (r.pair.0.as_str(), r.pair.1.as_str());
    let items: Vec<_> = r
        .order
        .iter()
        .filter_map(|id| r.ws.items.get_key_value(id))
        .map(|(id, item)| (id, as_seen(r, item)))
        .collect();
    let rows: Vec<_> = items
        .iter()
        .map(|(id, item)| (*id, item.as_ref(), item_agreement(item, a, b)))
        .collect();
    let hidden = r
        .order
        .iter()
        .filter_map(|id| r.ws.items.get(id))
        .filter(|item| partner_hidden(r, item))
        .count();
    let stem = r
        .path
        .file_stem()
        .map_or_else(|| "cordiale".into(), |s| s.to_string_lossy().into_owned());
    let kind = match format {
        export::Format::Markdown => "Markdown",
        export::Format::Csv => "CSV",
        export::Format::Json => "JSON",
    };
    let blind = match hidden {
        0 => String::new(),
        n => format!("; blind: other verdicts and notes left out on {n} items you have not rated"),
    };
    let what = format!("{} items, {kind}{blind}", rows.len());
    vec![Effect::Write {
        path: r
            .path
            .with_file_name(format!("{stem}-checklist.{}", format.extension())),
        contents: export::checklist(
            &rows,
            (a, b),
            &r.orphaned,
            state.corpus.as_deref(),
            &|name| {
                state
                    .doc_named(name)
                    .filter(|_| state.index.is_some())
                    .map(|doc| state.title(doc))
            },
            (&state.as_of(), &r.ws.scale),
            format,
        ),
        what,
    }]
}

/// Scrolls the selected item's detail by `delta` lines, within its length.
pub(super) fn scroll_detail(state: &mut State, delta: isize) {
    use crate::app::checklist::{detail_body, detail_window};
    let (width, rows) = crate::app::layout::checklist_detail_size(state);
    let Some(r) = state.review.as_ref() else {
        return;
    };
    let Some((id, item)) = r
        .order
        .get(r.selected)
        .and_then(|id| r.ws.items.get_key_value(id))
    else {
        return;
    };
    let total = detail_body(state, item, r.orphaned.contains(id), width).len();
    let (top, shown) = detail_window(r, id, total, rows);
    if shown >= total {
        return say(state, "the whole detail is in view");
    }
    let top = top.saturating_add_signed(delta).min(total - shown);
    let id = id.clone();
    if let Some(r) = state.review.as_mut() {
        r.detail_top = Some((id, top));
    }
}
