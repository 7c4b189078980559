//! Commitments: units in which an actor pledges a future action.
//!
//! A unit is a commitment when it carries a commissive cue (`will` + an action, `agreed
//! to`, `are determined to`, `would like`…) that is not a prediction, a state, an obligation,
//! a future perfect or a performative, or when it is a list item under a lead-in that carries
//! one (`We will:` followed by `- Implement …`). Questions and conditionals are not pledges.

use super::lexicon::{COMMISSIVE_TO, Lex, is, is_any};
use super::tokens::{Gap, Kind, Token, Tokens};
use super::{Commitment, Date, Figure};
use crate::corpus::{Unit, UnitKind};

/// How far (in tokens) a cue looks for its context: a clause, a quotation's opening. Bounds
/// the work per word so a unit with no sentence break stays linear.
const LOOK_BACK: usize = 80;

/// Words that may stand between `will` and its verb.
const ADVERBS: &[&str] = &[
    "also",
    "further",
    "not",
    "never",
    "now",
    "then",
    "jointly",
    "immediately",
    "rapidly",
    "significantly",
    "gradually",
    "soon",
    "swiftly",
    "together",
    "all",
    "both",
    "each",
    "still",
    "actively",
    "closely",
    "fully",
    "urgently",
    "quickly",
    "first",
    "therefore",
    "thus",
    "again",
    "continue",
    "seek",
    "always",
    "shortly",
    "promptly",
    "rigorously",
    "duly",
    "collectively",
    "systematically",
    "progressively",
    "equally",
    "strongly",
    "certainly",
    "definitely",
    "indeed",
    "only",
    "just",
    "already",
    "henceforth",
    "hereafter",
    "personally",
    "directly",
    "mutually",
    "similarly",
    "likewise",
    "additionally",
    "moreover",
    "consequently",
    "accordingly",
];

/// Verbs after `will` that predict or describe rather than pledge.
const PREDICTIVE: &[&str] = &[
    "suffice", "lack", "dry", "want", "wish", "need", "cost", "mean", "depend", "happen", "become",
    "seem", "appear", "prove", "last", "face", "affect", "find", "feel", "know", "think",
    "believe", "like", "hope", "fail", "suffer", "lose", "die", "matter", "vary", "require",
    "reach", "see", "be", "have", "get", "go", "come", "remember", "recall",
];

/// Words after `will be` that make it a state, not an action.
const STATES: &[&str] = &[
    "in",
    "under",
    "central",
    "necessary",
    "able",
    "possible",
    "important",
    "essential",
    "key",
    "crucial",
    "responsible",
    "the",
    "a",
    "an",
    "to",
    "there",
    "here",
    "no",
    "more",
    "less",
    "very",
    "difficult",
    "easy",
    "hard",
    "vital",
    "critical",
    "decisive",
    "needed",
    "required",
    "useful",
    "welcome",
    "ready",
    "available",
    "sufficient",
    "enough",
    "on",
    "at",
    "for",
    "with",
    "of",
    "as",
    "like",
    "better",
    "worse",
    "good",
    "bad",
    "one",
    "our",
    "their",
    "its",
    "his",
    "her",
    "my",
    "your",
    "that",
    "this",
    "these",
    "those",
    "long",
    "short",
    "subject",
];

/// Performative verbs after `would like to` / `'d like to`: said, not pledged.
const PERFORMATIVES: &[&str] = &[
    "thank",
    "pay",
    "say",
    "welcome",
    "express",
    "congratulate",
    "recall",
    "begin",
    "start",
    "conclude",
    "end",
    "take",
    "mention",
    "highlight",
    "stress",
    "acknowledge",
    "remind",
    "emphasise",
    "emphasize",
    "underline",
    "salute",
    "commend",
    "share",
    "note",
    "add",
    "reiterate",
    "finish",
    "turn",
    "touch",
    "speak",
    "talk",
    "address",
    "quote",
    "tell",
    "ask",
];

/// Words before `will` that make it the noun (`political will`).
const WILL_AS_NOUN: &[&str] = &[
    "the",
    "a",
    "political",
    "good",
    "free",
    "common",
    "strong",
    "own",
    "their",
    "our",
    "his",
    "her",
    "its",
    "popular",
    "general",
    "collective",
    "shared",
    "ill",
    "last",
    "people's",
];

/// Words after `will` that cannot be its verb.
const NOT_VERBS: &[&str] = &[
    "among", "of", "to", "the", "a", "an", "and", "or", "in", "on", "at", "for", "with", "from",
    "that", "which", "is", "was", "are", "were", "by", "as",
];

/// Words that start a conditional or hypothetical unit.
const CONDITIONALS: &[&str] = &["if", "unless", "should", "were", "provided", "whether"];

/// Item openings that are noun phrases or adverbials, not actions.
const NOT_ACTIONS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "our", "their", "its", "his", "her", "there", "it",
    "over", "in", "on", "at", "for", "with", "by", "from", "since", "during", "after", "before",
    "as", "we", "they", "he", "she", "i", "you", "first", "second", "third", "finally", "however",
    "but", "and", "or", "some", "many", "most", "all", "each", "one", "two", "three", "no", "not",
    "what", "who", "which", "why", "how", "when", "where", "if",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "their", "its", "his", "her", "this", "these", "those", "my", "your",
];

const AUXILIARIES: &[&str] = &[
    "have",
    "has",
    "had",
    "are",
    "is",
    "am",
    "were",
    "was",
    "also",
    "further",
    "both",
    "all",
    "jointly",
    "now",
    "hereby",
    "today",
    "together",
    "therefore",
    "thus",
    "already",
    "firmly",
    "fully",
    "remain",
    "remains",
    "stand",
    "stands",
    "do",
    "does",
    "still",
    "collectively",
];

/// Finds the commitments of a document among its units.
pub fn find(
    text: &str,
    toks: &[Token],
    units: &[Unit],
    dates: &[Date],
    figures: &[Figure],
) -> Vec<Commitment> {
    let mut out = Vec::new();
    // The lead-in whose list is being read (`We will:` followed by `- Implement …`).
    // Lists nest ("(c) the training of examiners, including:" then "(i) …"): the innermost
    // lead-in is last.
    let mut leads: Vec<Lead> = Vec::new();
    let mut tok_cursor = 0;
    for unit in units {
        while tok_cursor < toks.len() && toks[tok_cursor].start < unit.start {
            tok_cursor += 1;
        }
        let mut end = tok_cursor;
        while end < toks.len() && toks[end].end <= unit.end {
            end += 1;
        }
        let ut = &toks[tok_cursor..end];
        let u = UnitText {
            tokens: Tokens { text, toks: ut },
        };
        if unit.kind == UnitKind::Heading {
            leads.clear();
            continue;
        }
        let body = &text[unit.start..unit.end];
        let is_item = unit.kind == UnitKind::ListItem;
        let marker = if unit.item_start {
            marker_kind(text, unit.start)
        } else {
            None
        };
        // An item marked like a lead-in ("6." after "5. The Council agrees to:") is that
        // lead-in's sibling: the list under it, and any nested in it, is over.
        if marker.is_some()
            && let Some(k) = leads.iter().position(|l| l.marker == marker)
        {
            leads.truncate(k);
        }
        let lead = leads.last().filter(|l| l.actors.is_some());
        let cue = u.cue();
        let mut actors = None;
        if let Some(c) = &cue {
            // An item's cue with no subject ("- Committing to meet …") takes the lead-in's.
            actors = Some(match lead.and_then(|l| l.actors.as_ref()) {
                Some(a) if is_item && c.actors.is_empty() => a.clone(),
                _ => c.actors.clone(),
            });
        } else if is_item
            && let Some(l) = lead
            && (if l.means {
                u.word(0)
                    .is_some_and(|w| w.len() > 4 && ends_with_ci(w, "ing"))
            } else {
                l.fresh || u.opens_with_action()
            })
        {
            actors = l.actors.clone();
        }
        if !is_item && let Some(l) = leads.last_mut() {
            l.fresh = false;
        }
        if body.ends_with(':') {
            // A lead-in's items take its actors, whether it names them or inherits them
            // itself ("(c) the training of examiners, including:"), or, with no cue, the
            // subject of a plan's content ("The Strategy includes the following actions:")
            // or of the means it lists ("The Leaders advanced … by:").
            let (lead_actors, means) = match (&actors, u.content_lead_in()) {
                (Some(a), _) => (Some(a.clone()), false),
                (None, Some((a, means))) => (Some(a), means),
                (None, None) => (None, false),
            };
            if !is_item {
                leads.clear();
            }
            // A lead-in with no actors (a request to others) still ends its items' claim
            // on an outer lead-in.
            leads.push(Lead {
                actors: lead_actors,
                marker: if is_item { marker } else { None },
                fresh: true,
                means,
            });
            // A lead-in that says nothing beyond its cue ("We will:", "The Council agrees
            // to:", "pledged to take concrete actions such as:") is not itself an item.
            let bare = match &cue {
                Some(c) => u.bare_after(c.at),
                None => actors.is_none(),
            };
            if bare {
                continue;
            }
        }
        let Some(actors) = actors else {
            continue;
        };
        if body.ends_with('?') || u.conditional() {
            continue;
        }
        // Dates and figures are sorted by start: take those inside the unit.
        let first_date = dates.partition_point(|d| d.start < unit.start);
        let unit_dates = dates[first_date..]
            .iter()
            .take_while(|d| d.start < unit.end)
            .filter(|d| d.end <= unit.end);
        let deadline = unit_dates
            .clone()
            .find(|d| is_deadline(&d.text))
            .or_else(|| unit_dates.clone().next())
            .cloned();
        let first_figure = figures.partition_point(|f| f.start < unit.start);
        let figs = (first_figure..figures.len())
            .take_while(|&i| figures[i].start < unit.end)
            .filter(|&i| figures[i].end <= unit.end)
            .collect();
        out.push(Commitment {
            text: body.to_string(),
            start: unit.start,
            end: unit.end,
            actors,
            deadline,
            figures: figs,
        });
    }
    out
}

fn is_deadline(text: &str) -> bool {
    let first = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    is_any(first, &["by", "within", "no", "not", "before", "until"])
}

struct UnitText<'a> {
    tokens: Tokens<'a>,
}

impl<'a> std::ops::Deref for UnitText<'a> {
    type Target = Tokens<'a>;
    fn deref(&self) -> &Tokens<'a> {
        &self.tokens
    }
}

struct Cue {
    actors: Vec<String>,
    /// The token of the cue word.
    at: usize,
}

/// A lead-in whose list is being read.
struct Lead {
    actors: Option<Vec<String>>,
    /// How the lead-in itself is marked when it is a list item (`5.`): a sibling ends it.
    marker: Option<MarkerKind>,
    /// True while its list lasts with no other unit in between.
    fresh: bool,
    /// A `… by:` lead-in: its items are the means, participles (`Launching …`).
    means: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MarkerKind {
    Bullet,
    Number,
    Letter,
    Roman,
}

/// How the list item starting at `start` is marked: the text between its line's start and
/// the item (`5. `, `(a) `, `- `).
fn marker_kind(text: &str, start: usize) -> Option<MarkerKind> {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let m = text[line_start..start].trim();
    let m = m.trim_start_matches('(');
    let first = m.chars().next()?;
    match first {
        '-' | '*' | '+' | '\u{2022}' | '\u{2013}' => Some(MarkerKind::Bullet),
        c if c.is_ascii_digit() => Some(MarkerKind::Number),
        // "(i)", "iv." — but "(c)" and "(l)" stay letters.
        _ if m.len() > 1
            && m.trim_end_matches(['.', ')'])
                .chars()
                .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X')) =>
        {
            Some(MarkerKind::Roman)
        }
        c if c.is_alphabetic() => Some(MarkerKind::Letter),
        _ => None,
    }
}

fn ends_with_ci(w: &str, suffix: &str) -> bool {
    w.len() >= suffix.len()
        && w.is_char_boundary(w.len() - suffix.len())
        && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

impl UnitText<'_> {
    fn conditional(&self) -> bool {
        let mut at = 0;
        while self
            .word(at)
            .is_some_and(|w| is_any(w, &["and", "but", "so", "or", "yet"]))
        {
            at += 1;
        }
        let word = |k: usize| self.word(at + k);
        let first = word(0).unwrap_or("");
        if is_any(first, CONDITIONALS)
            || (is_any(first, &["so", "as"])
                && word(1).is_some_and(|w| is(w, "long"))
                && word(2).is_some_and(|w| is(w, "as")))
        {
            return true;
        }
        is_any(first, CONDITIONALS)
            || (is_any(first, &["so", "as"]) && self.is_word(1, "long") && self.is_word(2, "as"))
    }

    /// Whether nothing but the cue's own words and a generic object ("take concrete actions
    /// such as") follows the cue at `at`.
    fn bare_after(&self, at: usize) -> bool {
        const GENERIC: &[&str] = &[
            "to",
            "take",
            "taking",
            "the",
            "following",
            "concrete",
            "further",
            "new",
            "specific",
            "additional",
            "action",
            "actions",
            "step",
            "steps",
            "measure",
            "measures",
            "such",
            "as",
            "including",
            "include",
            "follows",
            "these",
            "are",
            "is",
            "also",
            "jointly",
            "together",
            "all",
            "both",
            "hereby",
            "will",
            "shall",
            "now",
        ];
        self.toks[at + 1..]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .all(|t| is_any(t.text(self.text), GENERIC))
    }

    /// A lead-in with no cue whose items are still its subject's actions: a plan's content
    /// in the present (`The Strategy includes the following lines of effort:`, `The
    /// Administration is taking the following steps:`) or the means of an action (`The
    /// Leaders advanced their agenda by:`, then `- Launching …`). The actors, and whether
    /// the items are means. None for a report of the past (`we have taken the following
    /// steps:`) or a request to others (`INVITES the Commission to:`).
    fn content_lead_in(&self) -> Option<(Vec<String>, bool)> {
        let words: Vec<usize> = (0..self.toks.len())
            .filter(|&k| self.toks[k].kind == Kind::Word)
            .collect();
        let &last = words.last()?;
        let perfect = words.iter().any(|&k| {
            self.word(k)
                .is_some_and(|w| is_any(w, &["have", "has", "had"]))
        });
        if perfect {
            return None;
        }
        if self.is_word(last, "by") {
            // The first finite verb: "affirmed", "advanced", "supports".
            let verb = words.iter().copied().find(|&k| {
                k > 0
                    && self.word(k).is_some_and(|w| {
                        w.chars().next().is_some_and(char::is_lowercase) && is_participle(w)
                    })
            })?;
            let actors = self.subject_before(verb);
            return (!actors.is_empty()).then_some((actors, true));
        }
        let pos = words.iter().rposition(|&k| self.is_word(k, "following"))?;
        if words.len() - pos > 6 || pos < 2 || !self.is_word(words[pos - 1], "the") {
            return None;
        }
        let verb = words[pos - 2];
        let v = self.word(verb)?;
        if is_participle(v) || is_any(v, NOT_VERBS) || is_any(v, &["took", "through", "via"]) {
            return None;
        }
        let actors = self.subject_before(verb);
        (!actors.is_empty()).then_some((actors, false))
    }

    /// Whether a list item begins with an action (`Implement …`, `strengthen …`,
    /// `Mobilising …`) rather than a noun phrase or a report of the past.
    fn opens_with_action(&self) -> bool {
        let Some(first) = self.word(0) else {
            return false;
        };
        if is_any(first, NOT_ACTIONS) {
            return false;
        }
        // "Switzerland has already made …": a report.
        !self.toks.iter().enumerate().any(|(i, t)| {
            t.kind == Kind::Word
                && is_any(t.text(self.text), &["has", "have", "had", "was", "were"])
                && self
                    .word(i + 1)
                    .is_some_and(|w| is(w, "already") || is_participle(w) || is(w, "been"))
        })
    }

    /// The first commissive cue of the unit, with the actors it names.
    fn cue(&self) -> Option<Cue> {
        (0..self.toks.len()).find_map(|i| {
            self.cue_at(i)
                .filter(|_| !self.reported(i))
                .map(|actors| Cue { actors, at: i })
        })
    }

    fn cue_at(&self, i: usize) -> Option<Vec<String>> {
        // Only words the lexicon marks as possible cues are looked at closely.
        if self.tok(i)?.lex != Lex::Commissive {
            return None;
        }
        {
            let w = self.word(i)?;
            if let Some(actors) = self.will_cue(i, w) {
                return Some(actors);
            }
            if let Some(actors) = self.to_cue(i, w) {
                return Some(actors);
            }
            if let Some(actors) = self.like_cue(i, w) {
                return Some(actors);
            }
            // "We task our ministers to …", "we instruct our officials to …"
            if is_any(w, &["task", "instruct", "mandate", "direct", "charge"])
                && i > 0
                && self.word(i - 1).is_some_and(|p| is_any(p, &["we", "i"]))
            {
                return Some(self.subject_before(i));
            }
            // "we guarantee them accommodation", "There will be" handled by will_cue.
            if is_any(w, &["guarantee", "guarantees"])
                && i > 0
                && self.word(i - 1).is_some_and(|p| is_any(p, &["we", "i"]))
            {
                return Some(self.subject_before(i));
            }
            // "signed an agreement today to recruit about 100 security officers"
            if is_any(w, &["agreement", "accord", "memorandum"])
                && i > 0
                && self.toks[i.saturating_sub(LOOK_BACK)..i]
                    .iter()
                    .any(|t| is_any(t.text(self.text), &["signed", "concluded"]))
                && let Some(to) =
                    (i + 1..(i + 4).min(self.toks.len())).find(|&k| self.is_word(k, "to"))
                && self
                    .word(to + 1)
                    .is_some_and(|v| !is_any(v, DETERMINERS) && !is_participle(v))
            {
                let signed = (i.saturating_sub(LOOK_BACK)..i).rev().find(|&k| {
                    self.word(k)
                        .is_some_and(|x| is_any(x, &["signed", "concluded"]))
                })?;
                return Some(self.subject_before(signed));
            }
        }
        None
    }

    /// True when the word at `i` sits in a `that`-clause of belief (`we acknowledge that this
    /// crisis will be resolved`) or in a quotation introduced as someone's words.
    fn reported(&self, i: usize) -> bool {
        let mut open_quote = None;
        let window = i.saturating_sub(LOOK_BACK);
        for k in (window..i).rev() {
            let t = self.toks[k];
            let s = t.text(self.text);
            if t.kind == Kind::Sym {
                match s {
                    "\u{201d}" => break,
                    "\u{201c}" => {
                        open_quote = Some(k);
                        break;
                    }
                    _ => {}
                }
            }
        }
        // Inside a quotation: someone's words (a pledge quoted in a tracker, a wish reported
        // in a speech), not a pledge of the document's authors.
        let straight_quotes = self.toks[window..i]
            .iter()
            .filter(|t| t.kind == Kind::Sym && t.text(self.text) == "\"")
            .count();
        if open_quote.is_some() || straight_quotes % 2 == 1 {
            return true;
        }
        // "Yorkshire Water has said it will…": reported words without "that".
        let clause_start = (window..i)
            .rev()
            .take(6)
            .take_while(|&k| {
                let t = self.toks[k];
                !(t.kind == Kind::Sym
                    && matches!(
                        t.text(self.text),
                        "," | ";" | ":" | "(" | "\u{2013}" | "\u{2014}"
                    ))
            })
            .last()
            .unwrap_or(i);
        if self.toks[clause_start..i]
            .iter()
            .any(|t| t.lex == Lex::Reporting)
        {
            return true;
        }
        // "that" after a verb of saying or believing, with no clause break before the cue.
        let mut k = i;
        while k > window {
            k -= 1;
            let t = self.toks[k];
            if t.kind == Kind::Sym && matches!(t.text(self.text), ";" | ":" | "\u{201c}" | "(") {
                return false;
            }
            if t.kind == Kind::Word && is(t.text(self.text), "that") {
                return k > 0 && self.toks[k - 1].lex == Lex::Reporting;
            }
        }
        false
    }

    /// `will`/`shall`/`'ll` followed by an action.
    fn will_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        let contracted = {
            let mut buf = [0u8; 24];
            super::lexicon::lower(w, &mut buf).is_some_and(|l| l.ends_with("'ll"))
        };
        let modal = is_any(w, &["will", "shall", "won't", "shan't"]) || contracted;
        if !modal {
            return None;
        }
        if i > 0
            && self
                .word(i - 1)
                .is_some_and(|p| is_any(p, &["who", "which", "what"]))
        {
            return None;
        }
        // "There will (also) be cooperation": an announced measure.
        let there = i > 0 && self.is_word(i - 1, "there");
        let mut j = i + 1;
        while self
            .word(j)
            .is_some_and(|x| is_any(x, ADVERBS) && !is(x, "continue") && !is(x, "seek"))
        {
            j += 1;
        }
        // "political will among": the noun.
        if i > 0 && self.word(i - 1).is_some_and(|p| is_any(p, WILL_AS_NOUN)) {
            return None;
        }
        let Some(verb) = self.word(j) else {
            // "We will:" — a lead-in whose list items carry the actions.
            let colon = self.toks.get(j).is_some_and(|t| t.text(self.text) == ":");
            return colon.then(|| self.subject_before(i));
        };
        if there {
            return is(verb, "be").then(Vec::new);
        }
        if is(verb, "have") {
            return None; // obligation (will have to) or future perfect (will have contributed)
        }
        if is(verb, "be") {
            let mut k = j + 1;
            while self.word(k).is_some_and(|x| is_any(x, ADVERBS)) {
                k += 1;
            }
            let next = self.word(k)?;
            if is_any(next, STATES) {
                return None;
            }
            let progressive = next.ends_with("ing");
            if !(progressive || is_participle(next)) {
                return None;
            }
            if progressive {
                return Some(self.subject_before(i));
            }
            // Passive: the agent after "by", else nobody named.
            return Some(self.agent_after(k + 1));
        }
        if is_any(verb, PREDICTIVE) || is_any(verb, NOT_VERBS) {
            return None;
        }
        // "will make it possible": an outcome.
        if is(verb, "make") && self.is_word(j + 1, "it") {
            return None;
        }
        // "shall take effect", "shall enter into force", "shall apply": how a text works.
        if is(verb, "take") && self.is_word(j + 1, "effect")
            || is_any(
                verb,
                &[
                    "apply", "expire", "remain", "enter", "prevail", "mean", "include", "cease",
                ],
            )
        {
            return None;
        }
        if is(verb, "not") {
            return None;
        }
        Some(self.subject_before(i))
    }

    /// `agreed to`, `decided to`, `are determined to`, `stand ready to`, `is going to`…
    fn to_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        if !is_any(w, COMMISSIVE_TO) {
            return None;
        }
        // "agreed that … will": the will cue inside carries it.
        let mut j = i + 1;
        let to = self.is_word(j, "to");
        let that = is_any(w, &["agreed", "agree", "decided"]) && self.is_word(j, "that");
        if that {
            let has_will = self.toks[j..(j + LOOK_BACK).min(self.toks.len())]
                .iter()
                .any(|t| is_any(t.text(self.text), &["will", "shall"]));
            return has_will.then(|| self.subject_before(i));
        }
        if !to {
            return None;
        }
        j += 1;
        if self.toks.get(j).is_some_and(|t| t.text(self.text) == ":") {
            // "Ministers agreed to:" — a lead-in whose items carry the actions.
            return Some(self.subject_before(i));
        }
        // "committed to the programme", "agreed to the proposal": a thing, not an action.
        if self.word(j).is_some_and(|w| is_any(w, DETERMINERS)) {
            return None;
        }
        if self
            .toks
            .get(j)
            .is_some_and(|t| matches!(t.text(self.text), "\"" | "\u{201c}" | "\u{2018}"))
        {
            j += 1;
        }
        let verb = self.word(j)?;
        // Subject must be a party, not a relative pronoun, and the cue not a noun use.
        if i > 0
            && self
                .word(i - 1)
                .is_some_and(|p| is_any(p, &["who", "which", "that", "not", "never"]))
        {
            return None;
        }
        match () {
            _ if is_any(w, &["going"]) => {
                // "is going to provide", not "is going to be successful"
                if is(verb, "be") {
                    return None;
                }
                let aux = i > 0
                    && self.word(i - 1).is_some_and(|p| {
                        let mut buf = [0u8; 24];
                        is_any(p, &["is", "are", "am"])
                            || super::lexicon::lower(p, &mut buf)
                                .is_some_and(|l| l.ends_with("'re") || l.ends_with("'m"))
                    });
                if !aux {
                    return None;
                }
            }
            _ if is_any(w, &["ready"]) => {
                let stand = i > 0
                    && self
                        .word(i - 1)
                        .is_some_and(|p| is_any(p, &["stand", "stands", "standing"]));
                if !stand {
                    return None;
                }
            }
            _ if is_any(w, &["determined", "committed"]) => {
                let aux = i > 0
                    && self.word(i - 1).is_some_and(|p| {
                        is_any(
                            p,
                            &[
                                "are", "is", "am", "remain", "remains", "be", "fully", "firmly",
                                "strongly", "all", "both",
                            ],
                        )
                    });
                if !aux && !is(w, "committed") {
                    return None;
                }
            }
            _ if is_any(w, &["continue", "continues"]) => {
                return None; // present report: "our countries continue to target"
            }
            _ if is_any(w, &["seek", "seeks", "plan", "plans", "aim", "aims"]) => {
                // "the agreement seeks to", "the plan aims to": only the present of a party.
            }
            _ => {}
        }
        Some(self.subject_before(i))
    }

    /// `would like (to)`, `'d like to`: a wish of the speaker or the parties.
    fn like_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        if !is(w, "like") || i == 0 {
            return None;
        }
        let mut k = i - 1;
        while k > 0
            && self
                .word(k)
                .is_some_and(|x| is_any(x, &["also", "really", "now", "further"]))
        {
            k -= 1;
        }
        let prev = self.word(k)?;
        let mut buf = [0u8; 24];
        let contracted = super::lexicon::lower(prev, &mut buf).is_some_and(|l| l.ends_with("'d"));
        if !(is(prev, "would") || contracted) {
            return None;
        }
        if k > 0
            && self
                .word(k - 1)
                .is_some_and(|p| is_any(p, &["who", "which", "that"]))
        {
            return None;
        }
        // "would like to thank": performative
        if self.is_word(i + 1, "to")
            && let Some(v) = self.word(i + 2)
            && is_any(v, PERFORMATIVES)
        {
            return None;
        }
        Some(self.subject_before(if contracted { k + 1 } else { k }))
    }

    /// The subject noun phrase before the cue at `i`, split on `and`.
    fn subject_before(&self, i: usize) -> Vec<String> {
        let mut k = i;
        // Walk back over auxiliaries and adverbs.
        while k > 0
            && self
                .word(k - 1)
                .is_some_and(|w| is_any(w, AUXILIARIES) || is_any(w, &["will", "shall", "would"]))
        {
            k -= 1;
        }
        // A contraction carries its subject: "we’ll", "I’d".
        if let Some(w) = self.word(i)
            && let Some(pos) = w.find(['\'', '\u{2019}'])
            && pos > 0
        {
            return vec![pronoun(&w[..pos])];
        }
        if k < i
            && let Some(w) = self.word(k)
            && let Some(pos) = w.find(['\'', '\u{2019}'])
            && pos > 0
            && k + 1 == i
        {
            return vec![pronoun(&w[..pos])];
        }
        let end = k;
        let mut start = end;
        while start > 0 {
            let t = self.toks[start - 1];
            if t.kind == Kind::Sym {
                let c = t.text(self.text);
                if !matches!(c, "’" | "'" | "-" | "&") {
                    break;
                }
            }
            if self.toks[start].gap >= Gap::Paragraph {
                break;
            }
            if t.kind == Kind::Word
                && is_any(
                    t.text(self.text),
                    &[
                        "that", "which", "who", "whereby", "so", "because", "while", "whereas",
                        "where", "but", "when",
                    ],
                )
            {
                break;
            }
            start -= 1;
            if end - start > 10 {
                return Vec::new();
            }
        }
        if start == end {
            return Vec::new();
        }
        let phrase = self.between(start, end - 1);
        split_actors(phrase)
    }

    /// The agent of a passive: `by <noun phrase>` after the participle at `k`.
    fn agent_after(&self, k: usize) -> Vec<String> {
        let mut j = k;
        while self.word(j).is_some_and(|w| is_any(w, ADVERBS)) {
            j += 1;
        }
        if !self.is_word(j, "by") {
            return Vec::new();
        }
        let start = j + 1;
        let mut end = start;
        while let Some(t) = self.toks.get(end) {
            let stop = t.kind == Kind::Sym && !matches!(t.text(self.text), "’" | "'" | "&" | "-")
                || t.kind == Kind::Num
                || (t.kind == Kind::Word
                    && is_any(
                        t.text(self.text),
                        &[
                            "to", "in", "for", "with", "on", "at", "from", "by", "under",
                            "through", "within", "over",
                        ],
                    ));
            if stop {
                break;
            }
            end += 1;
        }
        if end == start || end - start > 10 {
            return Vec::new();
        }
        split_actors(self.between(start, end - 1))
    }
}

fn pronoun(w: &str) -> String {
    if w == "I" {
        w.to_string()
    } else {
        w.to_lowercase()
    }
}

/// "the United Kingdom and France" → ["United Kingdom", "France"].
fn split_actors(phrase: &str) -> Vec<String> {
    phrase
        .split(" and ")
        .flat_map(|p| p.split(", "))
        .map(|p| {
            let mut words: Vec<&str> = p.split_whitespace().collect();
            while words.first().is_some_and(|w| is_any(w, DETERMINERS)) {
                words.remove(0);
            }
            let joined = words.join(" ");
            match joined.as_str() {
                "We" | "They" | "It" | "He" | "She" | "You" => joined.to_lowercase(),
                _ => joined,
            }
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// A past participle, by ending or from the irregular verbs of policy texts.
fn is_participle(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(l) = super::lexicon::lower(w, &mut buf) else {
        return false;
    };
    (l.ends_with("ed") && l.len() > 3)
        || matches!(
            l,
            "set"
                | "put"
                | "made"
                | "held"
                | "done"
                | "given"
                | "taken"
                | "sent"
                | "built"
                | "brought"
                | "spent"
                | "kept"
                | "met"
                | "run"
                | "paid"
                | "sought"
                | "shown"
                | "known"
                | "led"
                | "laid"
                | "drawn"
                | "undertaken"
                | "withdrawn"
                | "written"
                | "chosen"
                | "seen"
                | "begun"
                | "won"
                | "cut"
                | "shut"
                | "struck"
                | "upheld"
                | "overseen"
                | "stepped"
                | "dealt"
                | "found"
                | "bound"
                | "told"
                | "sold"
                | "felt"
                | "left"
                | "lent"
                | "meant"
                | "read"
                | "rebuilt"
                | "broken"
                | "driven"
                | "forgiven"
                | "spread"
                | "hit"
                | "thrown"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::split_units;
    use crate::extract::tokens::tokenize;

    fn commitments(text: &str) -> Vec<(String, Vec<String>)> {
        let toks = tokenize(text);
        let units = split_units(text);
        find(text, &toks, &units, &[], &[])
            .into_iter()
            .map(|c| (c.text, c.actors))
            .collect()
    }

    #[test]
    fn will_with_an_action_is_a_commitment_with_its_actors() {
        let c = commitments(
            "With firm determination, the United Kingdom and France will continue the fight.",
        );
        assert_eq!(
            c,
            [(
                "With firm determination, the United Kingdom and France will continue the fight."
                    .into(),
                vec!["United Kingdom".into(), "France".into()]
            )]
        );
    }

    #[test]
    fn predictions_states_obligations_and_reports_are_not() {
        for s in [
            "Even the most robust borders will not suffice to curb flows.",
            "It will be under the responsibility of two officers.",
            "Europe will have to accept that its challenge lies there.",
            "So in total, the UK will already have contributed €35 million.",
            "Border security has been strengthened.",
            "Can one really talk about a European policy?",
            "If we act, we will succeed.",
            "I would like to thank the minister.",
            "We must protect our borders.",
            "Our countries continue to target the gangs.",
        ] {
            assert!(commitments(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn passive_future_and_contractions() {
        let c = commitments(
            "A new control room will be created. We’ll never agree to that. I’ll be visiting Berlin.",
        );
        assert_eq!(c.len(), 3);
        assert!(c[0].1.is_empty());
        assert_eq!(c[1].1, ["we"]);
        assert_eq!(c[2].1, ["I"]);
    }

    #[test]
    fn list_items_take_the_lead_in_actors() {
        let c = commitments(
            "We will:\n- Implement the plan.\n- Continue to adapt.\n\nWe welcome the following:\n- The creation of a unit.",
        );
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].1, ["we"]);
        assert_eq!(c[1].0, "Continue to adapt.");
    }
}
