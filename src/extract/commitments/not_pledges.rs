//! The rules that keep a cue from being a pledge: conditionals and hypotheticals,
//! forecasts of change (`prices will rise`), effects of things (`these partnerships will
//! bolster`), reports of earlier pledges (`have committed`, `When we last met`), welcomes of
//! others' pledges, beliefs and quotations, and the formula opening a statement to
//! Parliament. Kept apart from the cues so each exception reads on its own.

use super::{LOOK_BACK, PAST_CUES, UnitText};
use crate::extract::lexicon::{Lex, is, is_any};
use crate::extract::tokens::Kind;

/// Verbs of change in quantity: with no object (`prices will rise`, `demand will double by
/// 2050`) they forecast, unless what changes is the authors' own money.
const CHANGES: &[&str] = &[
    "rise",
    "fall",
    "increase",
    "decrease",
    "grow",
    "decline",
    "drop",
    "shrink",
    "soar",
    "climb",
    "double",
    "triple",
    "quadruple",
    "halve",
    "worsen",
    "exceed",
    "slow",
    "accelerate",
    "ease",
    "improve",
    "recover",
];

/// What the authors spend or provide: when it rises or doubles, they pledge it.
const RESOURCES: &[&str] = &[
    "funding",
    "spending",
    "budget",
    "budgets",
    "investment",
    "investments",
    "aid",
    "assistance",
    "support",
    "grant",
    "grants",
    "allocation",
    "allocations",
    "contribution",
    "contributions",
    "payments",
    "pension",
    "pensions",
    "wage",
    "allowance",
    "allowances",
    "capacity",
    "places",
    "fund",
    "funds",
];

/// Nouns of a measure the authors fund or run: what it provides, they pledge.
const MEASURES: &[&str] = &[
    "programme",
    "programmes",
    "program",
    "programs",
    "scheme",
    "schemes",
    "facility",
    "initiative",
    "initiatives",
    "package",
    "project",
    "projects",
    "partnership",
    "mechanism",
    "centre",
    "center",
    "office",
    "offices",
    "unit",
    "agreement",
    "memorandum",
];

/// Verbs of effect: with a subject that is a thing, not a party (`these partnerships will
/// bolster`, `implementation will rely on`), they describe consequences, not pledges.
const EFFECTS: &[&str] = &[
    "rely",
    "depend",
    "bolster",
    "ensure",
    "guide",
    "jeopardize",
    "jeopardise",
    "undermine",
    "threaten",
    "allow",
    "enable",
    "pave",
    "underpin",
    "complement",
    "mark",
    "represent",
    "constitute",
    "reflect",
    "revoke",
    "operate",
    "contribute",
    // What a measure does once in place (`This will reinforce the isolation`, `This new
    // feature will reduce wait times`, `these steps will help`): its outcome, not a pledge.
    "reinforce",
    "enhance",
    "reduce",
];

/// Words after a verb of change that show it has no object (`will rise this year`, `will
/// double by 2050`).
const INTRANSITIVE_NEXT: &[&str] = &[
    "by",
    "in",
    "to",
    "from",
    "over",
    "at",
    "for",
    "as",
    "until",
    "before",
    "after",
    "on",
    "within",
    "during",
    "overnight",
    "this",
    "next",
    "every",
    "each",
    "again",
    "further",
    "sharply",
    "steadily",
    "significantly",
    "rapidly",
    "fast",
    "quickly",
    "slowly",
    "whatever",
    "regardless",
    "beyond",
    "and",
    "but",
    "or",
    "if",
    "unless",
    "when",
    "so",
    "than",
    "because",
    "while",
    "year",
    "years",
];

/// Heads of a subject that is planned work: what it `will include` is pledged.
const PLAN_CONTENTS: &[&str] = &[
    "priorities",
    "agenda",
    "programme",
    "program",
    "activities",
    "participation",
    "work",
    "deliverables",
    "workplan",
    "package",
    "initiatives",
    "steps",
    "actions",
];

/// Words of welcome and praise: what follows them in their clause is acknowledged, not
/// pledged (`welcomed the announcement that …`, `expressed appreciation for the pledge`).
const WELCOMING: &[&str] = &[
    "welcome",
    "welcomes",
    "welcomed",
    "welcoming",
    "commend",
    "commends",
    "commended",
    "applaud",
    "applauds",
    "applauded",
    "appreciation",
    "appreciate",
    "appreciates",
    "appreciated",
    "praise",
    "praised",
    "praises",
    "salute",
    "saluted",
    "hailed",
    "congratulate",
    "congratulated",
];

/// Words after `last` that set a sentence in an earlier time (`last year`, `when we last
/// met`).
const LAST_TIMES: &[&str] = &[
    "year", "month", "week", "time", "met", "summer", "autumn", "spring", "winter", "meeting",
    "summit", "session", "spoke", "convened",
];

/// Words that start a conditional or hypothetical unit.
const CONDITIONALS: &[&str] = &["if", "unless", "should", "were", "provided", "whether"];

impl UnitText<'_> {
    pub(super) fn conditional(&self) -> bool {
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
        false
    }

    /// Whether the cue at `i` sits in the object of a welcome (`The leaders welcomed the
    /// announcement that some partners plan to invest …`, `expressed appreciation for the
    /// partners' pledge to provide …`, `We welcome plans to launch …`): another party's
    /// pledge, acknowledged, not one the subject makes. A new predicate after the welcome
    /// (`We welcome the report and will act on it`, `… and intend to continue`) pledges
    /// again.
    pub(super) fn welcomed(&self, i: usize) -> bool {
        for k in (i.saturating_sub(40)..i).rev() {
            if matches!(self.sym(k), Some(';' | ':' | '.')) {
                return false;
            }
            let Some(w) = self.word(k) else { continue };
            // (Cheap test first: every word of welcome is longer than four letters, every
            // conjunction here three.)
            if w.len() < 3 || w.len() == 4 {
                continue;
            }
            // "… and intends to continue", "…, and resolve to continue", "and we will".
            if w.len() == 3
                && is_any(w, &["and", "but"])
                && (self.skip_adverbs(i) == k + 1
                    || self
                        .word(k + 1)
                        .is_some_and(|n| is_any(n, &["will", "shall", "we", "they", "i"])))
            {
                return false;
            }
            if w.len() > 4 && is_any(w, WELCOMING) {
                return true;
            }
        }
        false
    }

    /// Whether the cue at `i` is the consequence of a condition earlier in its sentence (`if
    /// we do not plan the grid together, we will pay for it`): a hypothetical.
    pub(super) fn after_condition(&self, i: usize) -> bool {
        for k in (i.saturating_sub(40)..i).rev() {
            if matches!(self.sym(k), Some(';' | ':' | '.')) {
                return false;
            }
            if self
                .word(k)
                .is_some_and(|w| matches!(w.len(), 2 | 6) && is_any(w, &["if", "unless"]))
            {
                return true;
            }
        }
        false
    }

    /// True when the word at `i` sits in a `that`-clause of belief (`we acknowledge that this
    /// crisis will be resolved`) or in a quotation introduced as someone's words.
    pub(super) fn reported(&self, i: usize) -> bool {
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
        // "… we’ll keep our word.”": the rest of a quotation opened in an earlier unit.
        let closing = self.toks[i..(i + LOOK_BACK).min(self.toks.len())]
            .iter()
            .filter(|t| t.kind == Kind::Sym)
            .map(|t| t.text(self.text))
            .find(|s| matches!(*s, "\u{201c}" | "\u{201d}"));
        if closing == Some("\u{201d}") {
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
            // "We recognize that X is critical, and we remain committed to": a new main
            // clause, with its own subject, ends the reported one.
            if k > 0
                && self.sym(k - 1) == Some(',')
                && t.kind == Kind::Word
                && is_any(t.text(self.text), &["and", "but"])
                && self.word(k + 1).is_some_and(|w| is_any(w, &["we", "i"]))
            {
                return false;
            }
        }
        false
    }

    /// `With permission, I shall make a statement`: the formula that opens a statement to
    /// Parliament announces the statement itself, not an action.
    pub(super) fn opening_formula(&self, i: usize) -> bool {
        (i.saturating_sub(16)..i)
            .any(|k| self.is_word(k, "with") && self.is_word(k + 1, "permission"))
    }

    /// Whether the verb at `j` (or the one after `continue to`) is a change in quantity with
    /// no object, said of something that is neither a party nor the authors' money: `prices
    /// will rise`, `demand will roughly double by 2050`, `the number of people in treatment
    /// will not rise overnight`.
    pub(super) fn forecast(&self, j: usize, subject: (usize, usize)) -> bool {
        let mut v = j;
        if self.is_word(v, "continue") && self.is_word(v + 1, "to") {
            v += 2;
        }
        if !self.word(v).is_some_and(|w| is_any(w, CHANGES)) {
            return false;
        }
        let next = v + 1;
        let intransitive = match self.word(next) {
            None => true,
            Some(x) => is_any(x, INTRANSITIVE_NEXT),
        };
        intransitive
            && !self.party(subject)
            && !self
                .head(subject)
                .is_some_and(|h| is_any(self.word(h).unwrap_or(""), RESOURCES))
    }

    /// A subject that is the content of planned work (`Task Force priorities for 2024`, `The
    /// programme`, `Participation`): what it will include is pledged.
    pub(super) fn plan_content(&self, subject: (usize, usize)) -> bool {
        self.head(subject)
            .and_then(|h| self.word(h))
            .is_some_and(|h| is_any(h, PLAN_CONTENTS))
    }

    /// Whether the words from `k` are a span of time (`take time`, `take some years`).
    pub(super) fn takes_time(&self, k: usize) -> bool {
        const TIME: &[&str] = &[
            "time",
            "years",
            "months",
            "weeks",
            "decades",
            "longer",
            "while",
            "generations",
        ];
        let k = if self
            .word(k)
            .is_some_and(|w| is_any(w, &["some", "a", "many", "several"]))
        {
            k + 1
        } else {
            k
        };
        self.word(k).is_some_and(|w| is_any(w, TIME))
    }

    /// Whether `verb` tells an effect of a thing (`These partnerships will bolster …`).
    pub(super) fn effect(&self, verb: &str, subject: (usize, usize)) -> bool {
        // "This accord will create the conditions to …".
        let conditions = || {
            let j = (subject.1..self.toks.len()).find(|&k| self.word(k) == Some(verb));
            j.is_some_and(|j| {
                (j + 1..(j + 3).min(self.toks.len())).any(|k| self.is_word(k, "conditions"))
            })
        };
        // "This updated policy will provide guidance", "This will give migrants the
        // advice they seek" describe it; "the new fund will provide grants" announces a
        // measure.
        let provides = || {
            is_any(verb, &["provide", "give"])
                && !self
                    .head(subject)
                    .and_then(|h| self.word(h))
                    .is_some_and(|h| is_any(h, MEASURES) || is_any(h, RESOURCES))
        };
        // "This extra funding will help towns", "these steps will help": a named
        // measure's outcome; a bare `It will help …` may stand for the party acting.
        let helps = || is(verb, "help") && subject.1 > subject.0 + 1;
        (is_any(verb, EFFECTS) || is(verb, "create") && conditions() || provides() || helps())
            && self.thing(subject)
    }

    /// Whether the past-tense cue at `i` reports an earlier pledge: a perfect (`our countries
    /// have all committed to`), or a sentence set in an earlier time (`When we last met, the
    /// ministers agreed to`, `pledged two years ago`).
    pub(super) fn past_report(&self, i: usize, w: &str) -> bool {
        if !is_any(w, PAST_CUES) {
            return false;
        }
        let k = self.skip_adverbs(i);
        let perfect = !is_any(w, &["agreed", "decided"])
            && k > 0
            && self
                .word(k - 1)
                .is_some_and(|p| is_any(p, &["have", "has", "had", "'ve"]) || p.ends_with("’ve"));
        perfect || self.set_earlier(i)
    }

    /// Whether the sentence around `i` is set in an earlier time (`When we last met`,
    /// `two years ago`, `previously`).
    pub(super) fn set_earlier(&self, i: usize) -> bool {
        let first = self.first_word();
        if self
            .word(first)
            .is_some_and(|f| is_any(f, &["when", "since", "after"]))
        {
            return true;
        }
        let near = i.saturating_sub(40)..(i + 40).min(self.toks.len());
        near.into_iter().any(|k| {
            self.word(k).is_some_and(|x| {
                is_any(x, &["previously", "earlier", "ago", "formerly"])
                    || (is(x, "last") && self.word(k + 1).is_some_and(|n| is_any(n, LAST_TIMES)))
            })
        })
    }
}
