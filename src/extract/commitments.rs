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
    // The actors of the last commissive lead-in (`We will:`), while its list lasts.
    let mut lead_in: Option<Vec<String>> = None;
    // True while the list right after the lead-in lasts (no other unit in between).
    let mut lead_fresh = false;
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
            lead_in = None;
            continue;
        }
        let body = &text[unit.start..unit.end];
        let cue = u.cue();
        let is_item = unit.kind == UnitKind::ListItem;
        let mut actors = None;
        if let Some(c) = &cue {
            actors = Some(c.actors.clone());
        } else if is_item
            && let Some(lead) = &lead_in
            && (lead_fresh || u.opens_with_action())
        {
            actors = Some(lead.clone());
        }
        if !is_item {
            lead_fresh = false;
        }
        if body.ends_with(':') {
            // A lead-in's items take its actors, whether it names them or inherits them
            // itself ("(c) the training of examiners, including:").
            lead_in = actors.clone();
            lead_fresh = true;
            // A lead-in that says nothing but its cue ("We will:") is not itself an item.
            if u.words() <= 3 {
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
}

impl UnitText<'_> {
    fn words(&self) -> usize {
        self.toks.iter().filter(|t| t.kind == Kind::Word).count()
    }

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
        (0..self.toks.len()).find_map(|i| self.cue_at(i).filter(|_| !self.reported(i)))
    }

    fn cue_at(&self, i: usize) -> Option<Cue> {
        // Only words the lexicon marks as possible cues are looked at closely.
        if self.tok(i)?.lex != Lex::Commissive {
            return None;
        }
        {
            let w = self.word(i)?;
            if let Some(actors) = self.will_cue(i, w) {
                return Some(Cue { actors });
            }
            if let Some(actors) = self.to_cue(i, w) {
                return Some(Cue { actors });
            }
            if let Some(actors) = self.like_cue(i, w) {
                return Some(Cue { actors });
            }
            // "We task our ministers to …", "we instruct our officials to …"
            if is_any(w, &["task", "instruct", "mandate", "direct", "charge"])
                && i > 0
                && self.word(i - 1).is_some_and(|p| is_any(p, &["we", "i"]))
            {
                return Some(Cue {
                    actors: self.subject_before(i),
                });
            }
            // "we guarantee them accommodation", "There will be" handled by will_cue.
            if is_any(w, &["guarantee", "guarantees"])
                && i > 0
                && self.word(i - 1).is_some_and(|p| is_any(p, &["we", "i"]))
            {
                return Some(Cue {
                    actors: self.subject_before(i),
                });
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
                return Some(Cue {
                    actors: self.subject_before(signed),
                });
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
