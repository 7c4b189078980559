//! Lists and their lead-ins: how an item is marked and indented, which lead-ins hand their
//! actors to the items below them (`We will:`, `The Strategy includes the following:`,
//! `In the short term:`, `These include:`), and which items open with an action. `find`
//! keeps the stack of open lead-ins; this module answers its questions about one unit.

use super::actors::split_actors;
use super::{DETERMINERS, NOT_ACTIONS, PREPOSITIONS, UnitText, ends_with_ci, is_participle};
use crate::extract::lexicon::{is, is_any};
use crate::extract::tokens::Kind;

/// Verbs by which a plan or a party announces what it consists of or is doing (`The Plan
/// includes the following strands of work:`, `is taking the following steps:`, `sets out
/// the following`).
const CONTENT_VERBS: &[&str] = &[
    "include",
    "includes",
    "contain",
    "contains",
    "comprise",
    "comprises",
    "cover",
    "covers",
    "outline",
    "outlines",
    "take",
    "takes",
    "taking",
    "pursue",
    "pursues",
    "pursuing",
    "implement",
    "implements",
    "implementing",
    "undertake",
    "undertakes",
    "undertaking",
    "out",
    "announce",
    "announces",
    "announcing",
    "propose",
    "proposes",
    "proposing",
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum MarkerKind {
    Bullet,
    Number,
    Letter,
    Roman,
}

/// How the list item starting at `start` is marked: the text between its line's start and
/// the item (`5. `, `(a) `, `- `).
pub(super) fn marker_kind(text: &str, start: usize) -> Option<MarkerKind> {
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

/// How many spaces indent the marker of the list item starting at `start`.
pub(super) fn marker_indent(text: &str, start: usize) -> usize {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..start]
        .bytes()
        .take_while(|&b| b == b' ' || b == b'\t')
        .count()
}

impl UnitText<'_> {
    /// Whether nothing but the cue's own words and a generic object ("take concrete actions
    /// such as") follows the cue at `at`.
    pub(super) fn bare_after(&self, at: usize) -> bool {
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
    /// in the present (`The Plan includes the following strands of work:`, `The
    /// Administration is taking the following steps:`) or the means of an action (`The
    /// Leaders advanced their agenda by:`, then `- Launching …`). The actors, and whether
    /// the items are means. None for a report of the past (`we have taken the following
    /// steps:`) or a request to others (`INVITES the Commission to:`).
    pub(super) fn content_lead_in(&self) -> Option<(Vec<String>, bool)> {
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
        // A plan's content or work under way, not a welcome or a list of past steps.
        if !is_any(v, CONTENT_VERBS) {
            return None;
        }
        let actors = self.subject_before(verb);
        (!actors.is_empty()).then_some((actors, false))
    }

    /// A lead-in that is only an adverbial of time or scope (`In the short term:`, `Over the
    /// next year:`, `In particular:`): no subject, no verb of its own.
    pub(super) fn adverbial_lead_in(&self) -> bool {
        const OPENERS: &[&str] = &[
            // Not "For the Ministry:" or "On behalf of …:": a signature block names a party.
            "in",
            "over",
            "during",
            "within",
            "throughout",
            "across",
            "specifically",
            "particularly",
            "notably",
            "first",
            "second",
            "third",
            "finally",
            "additionally",
            "further",
            "also",
            "immediately",
            "next",
            "then",
            "meanwhile",
        ];
        const VERBS: &[&str] = &[
            "is", "are", "was", "were", "has", "have", "had", "will", "shall", "we", "they", "it",
            "he", "she", "i", "you",
        ];
        let words: Vec<&str> = (0..self.toks.len()).filter_map(|k| self.word(k)).collect();
        words.len() <= 6
            && words.first().is_some_and(|w| is_any(w, OPENERS))
            && !words
                .iter()
                .any(|w| is_any(w, VERBS) || (w.len() > 4 && ends_with_ci(w, "ed")))
    }

    /// Whether the words after the cue at `at` only point to the list that follows: a verb
    /// and at most a preposition before `the following`, and at most four words after it
    /// (`will tackle the following pressing matters:`, `will address the following:`).
    fn points_to_list(&self, at: usize) -> bool {
        let words: Vec<&str> = (at + 1..self.toks.len())
            .filter_map(|k| self.word(k))
            .collect();
        let Some(p) = words.iter().position(|w| is(w, "following")) else {
            return false;
        };
        (2..=3).contains(&p) && is(words[p - 1], "the") && words.len() - p <= 5
    }

    /// `…, which will take up the following tasks:`: a lead-in whose pledge sits in
    /// a relative clause that only points to its list. The actors are the noun the clause
    /// describes (`Board` in `the Terms of Reference of this Board, which will`).
    pub(super) fn relative_list_lead_in(&self) -> Option<Vec<String>> {
        let will = (1..self.toks.len()).find(|&k| {
            self.word(k).is_some_and(|w| is_any(w, &["will", "shall"]))
                && self
                    .word(k - 1)
                    .is_some_and(|w| is_any(w, &["which", "that"]))
        })?;
        if !self.points_to_list(will) || will < 3 || self.sym(will - 2) != Some(',') {
            return None;
        }
        let end = will - 2;
        let start = (0..end)
            .rev()
            .take(4)
            .take_while(|&k| {
                self.word(k)
                    .is_some_and(|w| !is_any(w, DETERMINERS) && !is_any(w, PREPOSITIONS))
            })
            .last()?;
        Some(split_actors(self.between(start, end - 1)))
    }

    /// A lead-in that only points back at the sentence before it (`These include:`,
    /// `They are:`, `This includes:`): a demonstrative and a verb of content, nothing else.
    pub(super) fn points_back(&self) -> bool {
        let words: Vec<&str> = (0..self.toks.len()).filter_map(|k| self.word(k)).collect();
        matches!(words.as_slice(), [d, v] | [d, _, v]
            if is_any(d, &["these", "this", "they", "those", "such", "which"])
                && is_any(v, &["include", "includes", "are", "is", "involve", "involves", "comprise"]))
    }

    /// Whether a list item begins with an action (`Implement …`, `strengthen …`,
    /// `Mobilising …`) rather than a noun phrase or a report of the past.
    pub(super) fn opens_with_action(&self) -> bool {
        let Some(first) = self.word(0) else {
            return false;
        };
        if is_any(first, NOT_ACTIONS) {
            return false;
        }
        // "Opened two clinics": a report in the past.
        if first.len() > 4
            && ends_with_ci(first, "ed")
            && !is_any(first, &["proceed", "exceed", "succeed", "embed"])
        {
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
}
