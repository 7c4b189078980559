//! Commissive cues: the words by which a unit pledges (`will` + an action, `agreed to`,
//! `our aim is to`, `we are planning to`, `is announcing`, `would like to`…) and the actors
//! each names. The word lists that turn `will` into a prediction or a state (`will be
//! able`, `will probably rise`) sit here with it; each reader of a cue asks `not_pledges`
//! whether the use at hand is a forecast, an effect, a report or a welcome instead, and
//! `actors` who the subject is.

use super::actors::{pronoun, split_actors};
use super::{
    ADVERBS, AGENT_NOUNS, Cue, DETERMINERS, LOOK_BACK, NOT_ACTIONS, UnitText, ends_with_ci,
    is_participle,
};
use crate::extract::lexicon::{self, COMMISSIVE_TO, Lex, is, is_any};
use crate::extract::tokens::Kind;

/// Verbs after `will` that predict or describe rather than pledge.
const PREDICTIVE: &[&str] = &[
    "suffice", "lack", "dry", "want", "wish", "need", "cost", "mean", "depend", "happen", "become",
    "seem", "appear", "prove", "last", "face", "affect", "find", "feel", "know", "think",
    "believe", "like", "hope", "fail", "suffer", "lose", "die", "matter", "vary", "require",
    "reach", "see", "be", "have", "get", "go", "come", "remember", "recall", "forget",
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
    // How a body is made up, not what it does: `will be chaired by`, `will be composed of`.
    "chaired",
    "co-chaired",
    "composed",
    "comprised",
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
    "signal",
    "echo",
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

/// Words that open an embedded question (`let me set out what the Government will do`): the
/// cue inside it is announced, not pledged.
const QUESTION_WORDS: &[&str] = &["what", "how", "whether", "why"];

/// Adverbs after `will` that make it a guess about the future (`will probably rise`).
const HEDGES: &[&str] = &[
    "probably",
    "likely",
    "inevitably",
    "surely",
    "undoubtedly",
    "doubtless",
    "possibly",
    "perhaps",
];

/// Verbs after `will` that restate a position rather than pledge an action: a fact sheet's
/// `Leaders will reaffirm their support`, a speech's `I will not pretend`.
const PREAMBULAR: &[&str] = &[
    "affirm",
    "reaffirm",
    "reiterate",
    "recognise",
    "recognize",
    "acknowledge",
    "recall",
    "note",
    "underscore",
    "underline",
    "emphasise",
    "emphasize",
    "stress",
    "highlight",
    "express",
    "celebrate",
    "commemorate",
    "honour",
    "honor",
    "applaud",
    "commend",
    "salute",
    "pretend",
    "deny",
];

/// Participles after `will be` that tell what happens to a thing, not what anyone does
/// (`the target will be missed`).
const OUTCOMES: &[&str] = &[
    "missed",
    "affected",
    "felt",
    "exceeded",
    "exposed",
    "met",
    "confined",
    "limited",
    "restricted",
    // How others will take it (`Any breach would be seen as a provocation`).
    "seen",
    "regarded",
    "viewed",
    "perceived",
];

/// Words after `there will be` that forecast hardship (`There will be difficult days ahead`).
const HARDSHIP: &[&str] = &[
    "difficult",
    "hard",
    "tough",
    "challenging",
    "dark",
    "testing",
    "painful",
    "setbacks",
    "challenges",
    "difficulties",
    "problems",
    "risks",
    "consequences",
    "moments",
    "times",
    "days",
    "those",
    "people",
    "costs",
];

/// Nouns of purpose that pledge with a first-person owner (`our aim is to`, `it is our
/// intention to`) or after `in` (`united in our determination to`).
const PURPOSE_NOUNS: &[&str] = &[
    "aim",
    "intention",
    "ambition",
    "goal",
    "objective",
    "determination",
    "commitment",
    "intent",
    "purpose",
    "plan",
    "resolve",
];

/// Verbs whose `that`-clause tells what others are to do (`determined that Russia will pay`,
/// `we hope the talks will succeed`).
const WISHED_OF_OTHERS: &[&str] = &[
    "determined",
    "hope",
    "hopes",
    "insist",
    "insists",
    "expect",
    "expects",
    "trust",
    "demand",
    "demands",
];

/// Heads of a subject that is an event (`The Forum will offer a chance to meet`).
const EVENTS: &[&str] = &[
    "summit",
    "meeting",
    "conference",
    "visit",
    "trip",
    "session",
];

/// Quantifiers that open a subject naming no party, only a share of a group (`Some
/// schools`, `Many families`, `most of our countries`).
const QUANTIFIERS: &[&str] = &["some", "many", "most", "few", "several"];

/// Nouns of purpose that pledge when the parties `share` them (`We share the objective
/// of …`, `They share a commitment to …`).
const SHARED_PURPOSES: &[&str] = &["commitment", "goal", "objective", "aim", "determination"];

/// Verbs that restate a purpose already held (`we reaffirm our ambition to`).
const RESTATING: &[&str] = &[
    "reaffirm",
    "reaffirms",
    "reaffirming",
    "reiterate",
    "reiterates",
    "reiterating",
    "recall",
    "recalls",
    "recalling",
    "renew",
    "renews",
];

/// `are … -ing to` forms that pledge only in the progressive (`we are planning to`).
const PROGRESSIVE_TO: &[&str] = &[
    "planning",
    "working",
    "intending",
    "aiming",
    "preparing",
    "pledging",
    "committing",
];

/// Progressives of announcing a measure (`the Ministry is announcing £20 million`).
const ANNOUNCING: &[&str] = &[
    "announcing",
    // Work under way on a named product (`are preparing a set of workshops`).
    "preparing",
    "launching",
    "releasing",
    "unveiling",
    "providing",
    "proposing",
    "allocating",
    "establishing",
    "investing",
    "funding",
    "publishing",
];

/// Progressives of a measure under way that a fact sheet announces of a government body or
/// the authors (`DHS is surging officers to the border`, `we are scaling up our work`);
/// said of any other subject they report a trend (`prices are increasing`).
const ACTING: &[&str] = &[
    "surging",
    "expanding",
    "hiring",
    "deploying",
    "increasing",
    "scaling",
    "stepping",
    "marshalling",
    "marshaling",
    "mobilizing",
    "mobilising",
    "accelerating",
];

/// Heads of a subject that acts for a government (`DHS and DOJ`, `the two agencies`,
/// `the Administration`), besides the authors' `we`.
const ACTING_BODIES: &[&str] = &[
    "we",
    "administration",
    "department",
    "departments",
    "agency",
    "agencies",
    "government",
    "governments",
    "ministry",
    "ministries",
    "commission",
];

/// Present-tense announcements (`Chile and Peru announce a joint programme`).
const ANNOUNCE: &[&str] = &[
    "announce",
    "announces",
    "launch",
    "launches",
    "establish",
    "establishes",
    "unveil",
    "unveils",
];

/// Adverbs between an auxiliary and the verb it carries (`is today announcing`).
const AUX_ADVERBS: &[&str] = &[
    "also",
    "now",
    "today",
    "hereby",
    "formally",
    "officially",
    "jointly",
    "additionally",
    "already",
    "actively",
    "closely",
    "collectively",
    "currently",
    "all",
    "both",
    "further",
    "fully",
    "really",
    "still",
    "always",
    "together",
    // Of degree, in a fact sheet's progress (`is significantly scaling up`).
    "significantly",
    "substantially",
    "rapidly",
    "dramatically",
];

/// `Norway’s`, `the Council's`: a possessive, so the next word is a noun.
fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s") || w.ends_with("s'") || w.ends_with("s\u{2019}")
}

/// `we're`, `I’m`: a contracted present of `be`.
fn contracted_be(w: &str) -> bool {
    let mut buf = [0u8; 24];
    lexicon::lower(w, &mut buf).is_some_and(|l| l.ends_with("'re") || l.ends_with("'m"))
}

impl UnitText<'_> {
    /// The first commissive cue of the unit, with the actors it names.
    pub(super) fn cue(&self) -> Option<Cue> {
        // The lexicon's mark is tested here, inline: the reading of a cue is a large function,
        // and calling it for every token cost more than most tokens need.
        (0..self.toks.len())
            .filter(|&i| self.toks[i].lex == Lex::Commissive)
            .find_map(|i| {
                self.cue_at(i)
                    .filter(|_| !self.reported(i) && !self.after_condition(i) && !self.welcomed(i))
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
            if let Some(actors) = self.noun_cue(i, w) {
                return Some(actors);
            }
            if let Some(actors) = self.shared_purpose_cue(i, w) {
                return Some(actors);
            }
            if let Some(actors) = self.objective_of_cue(i, w) {
                return Some(actors);
            }
            if let Some(actors) = self.announce_cue(i, w) {
                return Some(actors);
            }
            if let Some(actors) = self.scheduled_cue(i, w) {
                return Some(actors);
            }
            // "We task our ministers to …", "we instruct our officials to …"
            if is_any(w, &["task", "instruct", "mandate", "direct", "charge"])
                && i > 0
                && self.word(i - 1).is_some_and(|p| is_any(p, &["we", "i"]))
            {
                return Some(self.subject_before(i));
            }
            if let Some(actors) = self.mandate_cue(i, w) {
                return Some(actors);
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

    /// `will`/`shall`/`'ll` followed by an action.
    fn will_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        // Cheap tests first: most commissive words are neither `will` nor a contraction.
        let contracted = (w.ends_with("ll") || w.ends_with("LL")) && {
            let mut buf = [0u8; 24];
            lexicon::lower(w, &mut buf).is_some_and(|l| l.ends_with("'ll"))
        };
        let modal = contracted || is_any(w, &["will", "shall", "won't", "shan't"]);
        if !modal {
            return None;
        }
        // "a charter that will steer …": a relative clause describes its noun.
        if i > 0
            && self
                .word(i - 1)
                .is_some_and(|p| is_any(p, &["who", "which", "what", "that"]))
        {
            return None;
        }
        // "There will (also) be cooperation": an announced measure.
        let there = i > 0 && self.is_word(i - 1, "there");
        let mut j = i + 1;
        // "We will, however, continue": a parenthesis between the modal and its verb.
        if self.sym(j) == Some(',')
            && let Some(close) = self.parenthesis_end(j, 6)
        {
            j = close + 1;
        }
        while self
            .word(j)
            .is_some_and(|x| is_any(x, ADVERBS) && !is(x, "continue") && !is(x, "seek"))
        {
            j += 1;
        }
        // "We will — I repeat, we will — stand by them": a spoken aside between
        // dashes; the verb follows the last dash.
        if matches!(self.sym(j), Some('—' | '–'))
            && let Some(last) = self.last_dash(j, 12)
        {
            j = last + 1;
        }
        // "will probably rise": a guess.
        if self.word(j).is_some_and(|x| is_any(x, HEDGES)) {
            return None;
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
            let hardship = self.word(j + 1).is_some_and(|x| is_any(x, HARDSHIP));
            // "There will be the meeting on the forests": an event already known, told of
            // in passing, not a measure announced (`there will be a new fund`).
            let known = self.is_word(j + 1, "the");
            return (is(verb, "be") && !hardship && !known).then(Vec::new);
        }
        if is(verb, "have") {
            return None; // obligation (will have to) or future perfect (will have contributed)
        }
        let subject = self.subject_range(i);
        // "let me set out what the Government will do": announced, not yet pledged.
        // ("That is why I will publish", "That is what we will do" pledge: a cleft.)
        if subject.0 > 0
            && self
                .word(subject.0 - 1)
                .is_some_and(|q| is_any(q, QUESTION_WORDS))
            && !(subject.0 > 1
                && self
                    .word(subject.0 - 2)
                    .is_some_and(|b| is_any(b, &["is", "was", "that's", "it's"])))
        {
            return None;
        }
        // "We are resolved that the culprits will answer", "we hope the parties will agree": what
        // others are to do, wished or demanded, is no pledge of the authors.
        if subject.0 > 1
            && self.is_word(subject.0 - 1, "that")
            && self
                .word(subject.0 - 2)
                .is_some_and(|v| is_any(v, WISHED_OF_OTHERS))
            && !self.first_person(subject)
        {
            return None;
        }
        // "The Forum will offer a chance to meet", "this meeting will convene leaders": an
        // event as subject tells what happens there, not what a party pledges.
        if self
            .head(subject)
            .and_then(|h| self.word(h))
            .is_some_and(|h| is_any(h, EVENTS))
        {
            return None;
        }
        // "Defences alone will not keep every home dry": a judgement of a means.
        if (subject.0..subject.1).any(|k| self.is_word(k, "alone")) {
            return None;
        }
        // "Some schools will close", "most of our countries will miss that target": an
        // unnamed share of a group is forecast, not pledged (a pledge names its party).
        if self
            .word(subject.0)
            .is_some_and(|q| subject.1 > subject.0 + 1 && is_any(q, QUANTIFIERS))
        {
            return None;
        }
        // "recruitment will take time": a duration, not an action.
        if is(verb, "take") && self.takes_time(j + 1) {
            return None;
        }
        let first_person = self.first_person(subject)
            || contracted && {
                let mut buf = [0u8; 24];
                lexicon::lower(w, &mut buf)
                    .is_some_and(|l| l.starts_with("i'") || l.starts_with("we'"))
            };
        // "I'll get the team to check it": an action through others.
        if is(verb, "get")
            && first_person
            && (j + 2..(j + 6).min(self.toks.len())).any(|k| {
                self.is_word(k, "to") && self.word(k + 1).is_some_and(|v| !is_any(v, DETERMINERS))
            })
        {
            return Some(self.actors(i, subject));
        }
        // "you will be represented at the talks": what the addressee is told happens to them.
        if is(verb, "be")
            && self.word(subject.0).is_some_and(|x| is(x, "you"))
            && subject.1 == subject.0 + 1
        {
            return None;
        }
        if is(verb, "be") {
            let mut k = j + 1;
            while self.word(k).is_some_and(|x| is_any(x, ADVERBS)) {
                k += 1;
            }
            let next = self.word(k)?;
            // "I'll be back here next spring to report": a promise to return.
            if is(next, "back") && first_person {
                return Some(self.actors(i, subject));
            }
            if is_any(next, STATES) {
                return None;
            }
            // "the target will be missed", "will be answered with a common reply", "our
            // cooperation won't be confined to …": what happens to a thing, with no agent.
            if is_any(next, OUTCOMES) && !self.has_agent(k + 1) {
                return None;
            }
            let progressive = next.ends_with("ing");
            if !(progressive || is_participle(next)) {
                return None;
            }
            if progressive {
                return Some(self.actors(i, subject));
            }
            // Passive: the agent after "by", else nobody named.
            return Some(self.agent_after(k + 1));
        }
        let negated = is_any(w, &["won't", "shan't", "won’t", "shan’t"])
            || (i + 1..j).any(|k| self.word(k).is_some_and(|x| is_any(x, &["not", "never"])));
        // "We will never recognise the annexation": a refusal pledged, not a preamble.
        let refusal = negated && is_any(verb, &["recognise", "recognize"]);
        if is_any(verb, PREDICTIVE)
            || is_any(verb, NOT_VERBS)
            || is_any(verb, PREAMBULAR) && !refusal
        {
            return None;
        }
        // "I shan't keep you longer", "I will not detain the House": the speech's own length.
        if negated
            && is_any(verb, &["speak", "detain", "dwell", "talk"])
            && self.word(subject.0).is_some_and(|x| is(x, "i"))
        {
            return None;
        }
        // "I will now turn to the floods", "I shall conclude by …": the speech's own course.
        if is_any(
            verb,
            &[
                "turn", "conclude", "begin", "end", "finish", "close", "start",
            ],
        ) && self
            .word(j + 1)
            .is_some_and(|x| is_any(x, &["to", "by", "with"]))
            && self.actors(i, subject) == ["I"]
        {
            return None;
        }
        // "will make it possible": an outcome; "With permission, I shall make a statement":
        // the formula that opens a statement to Parliament.
        if is(verb, "make") && (self.is_word(j + 1, "it") || self.opening_formula(i)) {
            return None;
        }
        // "shall take effect", "shall enter into force", "shall apply": how a text works.
        if is(verb, "take") && self.is_word(j + 1, "effect")
            || is_any(
                verb,
                &[
                    "apply", "expire", "remain", "enter", "prevail", "mean", "cease",
                ],
            )
        {
            return None;
        }
        // "The definition shall include …" says what a word covers; "Our priorities for 2024
        // will include …" sets out the work planned.
        if is(verb, "include") && !self.plan_content(subject) {
            return None;
        }
        if is(verb, "not") {
            return None;
        }
        if self.forecast(j, subject) || self.effect(verb, subject) {
            return None;
        }
        Some(self.actors(i, subject))
    }

    /// `agreed to`, `decided to`, `are determined to`, `stand ready to`, `is going to`…
    fn to_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        // Cheap test first: these cues are followed by `to`, `that`, a parenthesis, or (for
        // `working`) an adverb; most `will`s are not.
        let next = self.toks.get(i + 1)?;
        let maybe = self.is_word(i + 1, "to")
            || self.is_word(i + 1, "that")
            || (next.kind == Kind::Sym && next.text(self.text) == ",")
            || is(w, "working");
        if !maybe || !is_any(w, COMMISSIVE_TO) {
            return None;
        }
        // "the plan to merge", "Norway’s plan to build", "our plans": the noun, whose owner
        // pledges only in the forms `noun_cue` reads.
        if i > 0
            && self
                .word(i - 1)
                .is_some_and(|p| is_any(p, DETERMINERS) || possessive(p))
        {
            return None;
        }
        // "a regional Response Plan to mobilize support": the name of a plan (but a
        // Council's "COMMITS to" is its house style).
        if i > self.first_word()
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
        {
            return None;
        }
        let mut j = i + 1;
        // "agreed that … will": the will inside carries it, when it pledges itself.
        let that = is_any(w, &["agreed", "agree", "agrees", "decided", "decides"])
            && self.is_word(j, "that");
        if that {
            let will = (j..(j + LOOK_BACK).min(self.toks.len()))
                .find(|&k| self.word(k).is_some_and(|x| is_any(x, &["will", "shall"])))?;
            if self.past_report(i, w) {
                return None;
            }
            return self
                .will_cue(will, self.word(will)?)
                .map(|_| self.subject_before(i));
        }
        // "We intend, in accordance with the treaty, to report": a clause before the `to`.
        if self.sym(j) == Some(',')
            && let Some(close) = self.parenthesis_end(j, 12)
        {
            j = close + 1;
        }
        // "are working closely to restore".
        if is(w, "working") {
            while self.word(j).is_some_and(|x| is_any(x, AUX_ADVERBS)) {
                j += 1;
            }
        }
        if !self.is_word(j, "to") {
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
            // "is going to provide", not "is going to be successful"
            _ if is_any(w, &["going"]) && (is(verb, "be") || !self.progressive(i)) => {
                return None;
            }
            _ if is_any(w, &["ready"]) => {
                // "stand ready to", "are ready to support"; not "will be ready to open".
                let k = self.skip_adverbs(i);
                let stand = k > 0
                    && self.word(k - 1).is_some_and(|p| {
                        is_any(
                            p,
                            &[
                                "stand", "stands", "standing", "are", "is", "am", "remain",
                                "remains",
                            ],
                        ) || contracted_be(p)
                    });
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
            _ if is_any(w, &["want", "wants", "wish"]) => return self.want_cue(i, verb),
            _ if is_any(w, &["pledging", "committing"]) => {
                // "X committing to pay …" in a list of deliverables, "by pledging to
                // continue …": the subject when one stands right before, else the lead-in's.
                if self.progressive(i) {
                    return Some(self.subject_before(i));
                }
                let p = self.word(i.wrapping_sub(1));
                let named = p.is_some_and(|p| {
                    p.chars().next().is_some_and(char::is_uppercase) || is_any(p, AGENT_NOUNS)
                });
                return Some(if named {
                    self.subject_before(i)
                } else {
                    Vec::new()
                });
            }
            _ if is_any(w, PROGRESSIVE_TO) && !self.progressive(i) => return None,
            _ if is_any(w, &["seek", "seeks", "plan", "plans", "aim", "aims"]) => {
                // "the agreement seeks to", "the plan aims to": only the present of a party.
            }
            _ => {}
        }
        if self.past_report(i, w) {
            return None;
        }
        Some(self.subject_before(i))
    }

    /// The first token before `i` that is not an adverb of the auxiliary.
    pub(super) fn skip_adverbs(&self, i: usize) -> usize {
        let mut k = i;
        while k > 0 && self.word(k - 1).is_some_and(|w| is_any(w, AUX_ADVERBS)) {
            k -= 1;
        }
        k
    }

    /// Whether the `-ing` form at `i` follows `is`/`are`/`am` (`we are planning to`).
    fn progressive(&self, i: usize) -> bool {
        let k = self.skip_adverbs(i);
        k > 0
            && self
                .word(k - 1)
                .is_some_and(|p| is_any(p, &["is", "are", "am"]) || contracted_be(p))
    }

    /// `we want to build`: a wish of the authors, first person only, and not a performative
    /// (`I want to thank`).
    fn want_cue(&self, i: usize, verb: &str) -> Option<Vec<String>> {
        let mut k = self.skip_adverbs(i);
        // "We do wish to finish": the emphatic `do`.
        if k > 1 && self.is_word(k - 1, "do") {
            k -= 1;
        }
        let who = self.word(k.checked_sub(1)?)?;
        if !is_any(who, &["we", "i"]) {
            return None;
        }
        if is_any(verb, PERFORMATIVES)
            || is_any(
                verb,
                &["know", "see", "hear", "be", "make", "understand", "ask"],
            )
        {
            return None;
        }
        Some(vec![pronoun(who)])
    }

    /// `our aim is to halve`, `it is our intention to launch`, `we affirm our common
    /// determination to tackle`, `united in their determination to curb`, `hold firm in
    /// the commitment to dismantle`: a noun of purpose followed by `to` and an action.
    fn noun_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        if !is_any(w, PURPOSE_NOUNS) || i == 0 {
            return None;
        }
        // Cheap test first: a `to` right after the noun or after its `is`.
        if !self.is_word(i + 1, "to") && !self.is_word(i + 2, "to") {
            return None;
        }
        // The owner, over up to three adjectives (`our shared`, `their firm`).
        let owner = (i.saturating_sub(4)..i).rev().find(|&k| {
            self.word(k)
                .is_some_and(|x| is_any(x, &["our", "my", "their", "its", "the"]))
        })?;
        if (owner + 1..i).any(|k| self.word(k).is_none_or(|x| is_any(x, NOT_ACTIONS))) {
            return None;
        }
        let mut k = i + 1;
        let copula = self.word(k).is_some_and(|x| is_any(x, &["is", "remains"]));
        if copula {
            k += 1;
        }
        if !self.is_word(k, "to") {
            return None;
        }
        let verb = self.word(k + 1)?;
        if is_any(verb, DETERMINERS) || is_any(verb, NOT_VERBS) || ends_with_ci(verb, "ing") {
            return None;
        }
        let before = owner.checked_sub(1).and_then(|b| self.word(b));
        // "We reaffirm our ambition to", "we expressed our determination to": an earlier
        // pledge restated or reported.
        // "We reaffirm our intention to wind down", "reiterate our commitment to reach": a
        // pledge held and renewed now still binds; an ambition restated does not.
        // Not "met … to reaffirm their commitment" (a purpose of a past meeting), nor a
        // comparative that names a state (`commitment to closer ties`).
        let renewed = before.is_some_and(|b| is_any(b, RESTATING) && !ends_with_ci(b, "ing"))
            && owner >= 1
            && !(owner >= 2 && self.is_word(owner - 2, "to"))
            && is_any(w, &["intention", "commitment"])
            && self.word(owner).is_some_and(|x| is_any(x, &["our", "my", "their"]))
            && verb.chars().next().is_some_and(char::is_lowercase)
            && !possessive(verb)
            && (!ends_with_ci(verb, "er") || self.takes_object(k + 1))
            // A cause, not an action: `commitment to peace in the region`, `to peace and
            // security`.
            && self.word(k + 2).is_some_and(|n| {
                !is_any(n, &["in", "and", "or", "of", "for", "with", "on", "at", "among", "between"])
            });
        if !renewed
            && before
                .is_some_and(|b| is_any(b, RESTATING) || (b.len() > 4 && ends_with_ci(b, "ed")))
        {
            return None;
        }
        if self.word(owner).is_some_and(|x| is_any(x, &["our", "my"])) {
            // "Our plan to build the port will …": the subject of another verb.
            // "It is our intention to", "we affirm our determination to", "united in our
            // determination to"; not "critical to achieving our ambition to".
            let owning = before.is_some_and(|b| {
                is_any(
                    b,
                    &[
                        "is",
                        "in",
                        "affirm",
                        "affirms",
                        "confirm",
                        "confirms",
                        "declare",
                        "declares",
                        "state",
                        "states",
                        "express",
                        "expresses",
                        "stress",
                        "stresses",
                        "share",
                        "shares",
                        "announce",
                        "announces",
                        "set",
                        "sets",
                    ],
                )
            });
            if !copula && !owning && !renewed {
                return None;
            }
            let who = if self.is_word(owner, "my") { "I" } else { "we" };
            return Some(vec![who.to_string()]);
        }
        // "They reiterate their commitment to ban": the subject of the restating verb.
        if renewed && owner >= 1 {
            return Some(self.subject_before(owner - 1));
        }
        // "stay firm in our pledge to": the subject of the clause.
        if before.is_some_and(|b| is(b, "in")) && owner >= 2 && self.word(owner - 2).is_some() {
            return Some(self.subject_before(owner - 2));
        }
        None
    }

    /// `We share the objective of reducing …`, `They share a commitment to close
    /// consultation`, `share the aim of continuing to …`: a purpose the parties declare they
    /// hold in common is their pledge, whatever follows `to` (an action or the work itself).
    /// Not `share the goal of a planet free of …` (a vision, not work).
    fn shared_purpose_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        if !is_any(w, SHARED_PURPOSES) || i == 0 {
            return None;
        }
        let next = self.word(i + 1)?;
        let object = self.word(i + 2)?;
        let pledged = if is(next, "of") {
            object.len() > 4 && ends_with_ci(object, "ing")
        } else {
            is(next, "to") && !is_any(object, DETERMINERS)
        };
        if !pledged {
            return None;
        }
        // The verb, over a determiner and adjectives of sharing (`a shared`, `the same`).
        let mut k = i;
        while k > i.saturating_sub(4)
            && self.word(k - 1).is_some_and(|x| {
                is_any(
                    x,
                    &[
                        "a", "the", "our", "their", "shared", "common", "joint", "same",
                    ],
                )
            })
        {
            k -= 1;
        }
        let verb = k.checked_sub(1)?;
        let v = self.word(verb)?;
        if is_any(v, &["share", "shares"]) {
            return Some(self.subject_before(verb));
        }
        // "They reiterate a shared commitment to renew the treaty": a joint pledge renewed
        // now, to an action. Not a past restatement (`reaffirmed their commitment to`), an
        // ambition (`reaffirm our ambition to`), or a cause (`… commitment to peace`,
        // `… to realizing`), which `welcome` and `recall` sit beside.
        let joint = (k..i).any(|x| self.is_word(x, "shared") || self.is_word(x, "joint"));
        let renewed = is_any(v, &["reaffirm", "reiterate", "renew"])
            && is(w, "commitment")
            && joint
            && is(next, "to")
            && !ends_with_ci(object, "ing")
            && object.chars().next().is_some_and(char::is_lowercase)
            && !possessive(object)
            && !is_any(object, NOT_VERBS)
            && self.takes_object(i + 2);
        renewed.then(|| self.subject_before(verb))
    }

    /// Whether the word at `k` reads as a verb with its object: a determiner or possessive
    /// follows it, or `and` and a second verb that has one (`to renew and upgrade our
    /// alliance`), not a noun (`to peace in the region`, `to peace and security`).
    fn takes_object(&self, k: usize) -> bool {
        let owned = |x: usize| {
            self.word(x)
                .is_some_and(|d| is_any(d, DETERMINERS) || possessive(d))
        };
        owned(k + 1) || self.is_word(k + 1, "and") && owned(k + 3)
    }

    /// `The objective of this Board is to widen cooperation`, `The aim of the new
    /// partnership is to train …`: the purpose of a body or measure the authors set up,
    /// stated at the head of its unit, is what it will do; its actor is the body. Not `The
    /// purpose of a deterrent is to …` (what a thing is for) nor `the aim of the talks was
    /// to …` (a report).
    fn objective_of_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        if !is_any(w, &["objective", "aim", "goal"]) || !self.is_word(i + 1, "of") {
            return None;
        }
        // At the head of the unit: `The objective of …`.
        let first = self.first_word();
        if !(i == first || i == first + 1 && self.is_word(first, "the")) {
            return None;
        }
        // `of this …` / `of the …` / `of our …`: a body the text names, within a few words.
        if !self
            .word(i + 2)
            .is_some_and(|d| is_any(d, &["this", "the", "our", "these"]))
        {
            return None;
        }
        let copula = (i + 3..(i + 10).min(self.toks.len())).find(|&k| {
            self.word(k).is_some_and(|x| is_any(x, &["is", "are"])) || self.sym(k).is_some()
        })?;
        if self.sym(copula).is_some() || !self.is_word(copula + 1, "to") {
            return None;
        }
        let verb = self.word(copula + 2)?;
        if is_any(verb, DETERMINERS) || is_any(verb, NOT_VERBS) || is(verb, "be") {
            return None;
        }
        Some(split_actors(self.between(i + 2, copula - 1)))
    }

    /// `The Ministers have charged their staff with speeding up talks`, `Leaders
    /// tasked their ministers to report`: a mandate the parties give their own people is
    /// their pledge. The perfect is the statement's own act here, not a report.
    fn mandate_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        if !is_any(w, &["charged", "tasked"]) || i == 0 {
            return None;
        }
        // Their own people: `their teams`, `our ministers`, `the Task Force`.
        if !self
            .word(i + 1)
            .is_some_and(|d| is_any(d, &["their", "our", "the", "its"]))
        {
            return None;
        }
        let with = (i + 2..(i + 7).min(self.toks.len()))
            .find(|&k| self.word(k).is_some_and(|x| is_any(x, &["with", "to"])))?;
        let action = self.word(with + 1)?;
        let pledged = if self.is_word(with, "with") {
            action.len() > 4 && ends_with_ci(action, "ing")
        } else {
            !is_any(action, DETERMINERS)
        };
        if !pledged || self.set_earlier(i) {
            return None;
        }
        let actors = self.subject_before(i);
        (!actors.is_empty()).then_some(actors)
    }

    /// `Trials are planned for 2023`, `the talks are scheduled to resume`: an action put on
    /// the calendar, in the present, by nobody named. `we are focusing our work on
    /// improving …`: the work the authors are set on.
    fn scheduled_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        if is_any(w, &["focusing", "concentrating"]) {
            let on = (i + 1..(i + 5).min(self.toks.len())).any(|k| self.is_word(k, "on"));
            return (self.progressive(i) && on).then(|| self.subject_before(i));
        }
        if !is_any(w, &["planned", "scheduled", "slated"]) || !self.progressive(i) {
            return None;
        }
        let next = self.word(i + 1)?;
        let when = is_any(next, &["for", "in"])
            || is(next, "to") && self.word(i + 2).is_some_and(|v| !is_any(v, DETERMINERS));
        when.then(|| self.agent_after(i + 1))
    }

    /// Whether the subject is a body of government or the authors: its head is one of
    /// `ACTING_BODIES` or every word of it is an acronym (`DHS and DOJ`).
    fn acting_body(&self, subject: (usize, usize)) -> bool {
        let Some(h) = self.head(subject) else {
            return false;
        };
        let head = self.word(h).unwrap_or("");
        let acronym = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
        is_any(head, ACTING_BODIES)
            || (subject.0..subject.1)
                .filter_map(|k| self.word(k))
                .all(|w| acronym(w) || is_any(w, &["and", "the"]))
    }

    /// The last dash of a run of asides opened by the dash at `open`, within `max` words and
    /// the sentence, when a word follows it.
    fn last_dash(&self, open: usize, max: usize) -> Option<usize> {
        let mut words = 0;
        let mut last = None;
        for k in open + 1..self.toks.len() {
            match self.sym(k) {
                Some('—' | '–') => last = Some(k),
                Some('.' | ';' | ':' | '?' | '!') => break,
                _ => {}
            }
            if self.word(k).is_some() {
                words += 1;
                if words > max {
                    break;
                }
            }
        }
        last.filter(|&k| self.word(k + 1).is_some())
    }

    /// `is announcing €800 million`, `Today I can announce a new fund`, `Chile and Peru
    /// announce a joint programme`: an announcement of a measure in the present.
    fn announce_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        let acting = is_any(w, ACTING);
        if acting && !self.acting_body(self.subject_range(i)) {
            return None;
        }
        if acting || is_any(w, ANNOUNCING) {
            // "We have already bolstered security … and are investing in …": a progress
            // report, carried on from the perfect before it.
            let report = (i.saturating_sub(LOOK_BACK)..i).any(|k| {
                self.word(k).is_some_and(|x| is_any(x, &["have", "has"]))
                    && self
                        .word(k + 1)
                        .is_some_and(|n| is(n, "already") || is_participle(n))
            });
            if report {
                return None;
            }
            let object = self
                .tok(i + 1)
                .is_some_and(|t| t.kind != Kind::Sym || t.text(self.text) != ".")
                && !self.word(i + 1).is_some_and(|n| {
                    is_any(
                        n,
                        &[
                            "to", "for", "by", "in", "on", "at", "with", "from", "that", "which",
                            "and", "or", "as", "of",
                        ],
                    )
                });
            // "is hiring and deploying agents": two verbs sharing one object.
            let paired = self.is_word(i + 1, "and")
                && self
                    .word(i + 2)
                    .is_some_and(|v| v.len() > 4 && ends_with_ci(v, "ing"));
            if !self.progressive(i) || !(object || paired) {
                return None;
            }
            return Some(self.subject_before(i));
        }
        if !is_any(w, ANNOUNCE) {
            return None;
        }
        // "Governor Launches New Working Group": the title-case headline of a
        // release the text cites, not its own announcement.
        if i > self.first_word() && w.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        // The object: a measure, not a clause (`announce that`) or nothing.
        if self
            .word(i + 1)
            .is_none_or(|n| is_any(n, &["that", "to", "of", "on", "in"]))
        {
            return None;
        }
        let k = self.skip_adverbs(i);
        let p = self.word(k.checked_sub(1)?)?;
        if is(p, "can") {
            return Some(self.subject_before(k - 1));
        }
        // "I am pleased to announce".
        if is(p, "to")
            && k >= 2
            && self
                .word(k - 2)
                .is_some_and(|x| is_any(x, &["pleased", "proud", "delighted", "happy", "glad"]))
        {
            return Some(self.subject_before(k - 2));
        }
        let subject = p.chars().next().is_some_and(char::is_uppercase) || is_any(p, AGENT_NOUNS);
        if !subject || is_any(p, DETERMINERS) {
            return None;
        }
        Some(self.subject_before(k))
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
        let contracted = lexicon::lower(prev, &mut buf).is_some_and(|l| l.ends_with("'d"));
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
        if self.is_word(i + 1, "to") && self.word(i + 2).is_none_or(|v| is_any(v, PERFORMATIVES)) {
            // "would like to thank": performative; "I'd like to — …": broken off.
            return None;
        }
        Some(self.subject_before(if contracted { k + 1 } else { k }))
    }
}
