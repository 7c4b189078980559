//! Commitments: units in which an actor pledges a future action.
//!
//! A unit is a commitment when it carries a commissive cue (`will` + an action, `agreed
//! to`, `are determined to`, `would like`…) that is not a prediction, a state, an obligation,
//! a future perfect or a performative, or when it is a list item under a lead-in that carries
//! one (`We will:` followed by `- Implement …`). Questions and conditionals are not pledges.
//!
//! The genre pledges in more ways than `will`: nouns of purpose (`our aim is to`, `it is our
//! intention to`), progressives of work under way (`we are planning to`, `are working to`),
//! announcements (`is announcing €800 million`, `Today I can announce`), a calendar (`are
//! planned for 2023`). It also uses `will` for what nobody pledges: forecasts of change
//! (`prices will rise`), effects of things (`these partnerships will bolster`), positions
//! restated (`Leaders will reaffirm`), the formula opening a statement to Parliament, and
//! reports of earlier pledges (`have committed`, `When we last met, … agreed to`). Lead-ins
//! nest by their list markers; an item marked otherwise than their first item ends them.

use super::dates::Ymd;
use super::lexicon::{COMMISSIVE_TO, Lex, is, is_any};
use super::tokens::{Gap, Kind, Token, Tokens};
use super::{Commitment, Date, Figure};
use crate::corpus::{Unit, UnitKind};

/// How far (in tokens) a cue looks for its context: a clause, a quotation's opening. Bounds
/// the work per word so a unit with no sentence break stays linear.
const LOOK_BACK: usize = 80;

/// How many bytes open a unit: a date there sets the time of the whole unit.
const OPENING: usize = 80;

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
    "roughly",
    "nearly",
    "almost",
];

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

/// Words that open a clause: the subject of a cue starts after them.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whereby", "so", "because", "while", "whereas", "where", "but", "when",
    "what", "how", "whether", "why", "if", "unless", "let",
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

/// Prepositions that end the head of a subject (`Demand for electricity`).
const PREPOSITIONS: &[&str] = &[
    "of", "for", "in", "on", "to", "from", "with", "across", "under", "at", "between", "among",
    "within", "through",
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

/// Nouns that name parties able to pledge: the head of a subject that is not a proper name.
const AGENT_NOUNS: &[&str] = &[
    "government",
    "governments",
    "council",
    "commission",
    "ministers",
    "minister",
    "leaders",
    "leader",
    "parties",
    "party",
    "countries",
    "country",
    "states",
    "allies",
    "partners",
    "members",
    "administration",
    "department",
    "ministry",
    "agency",
    "union",
    "authorities",
    "officials",
    "president",
    "secretary",
    "presidency",
    "delegation",
    "nations",
    "we",
    "i",
    "they",
    "he",
    "she",
    "you",
    "both",
    "all",
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

/// Quantifiers that open a subject naming no party, only a share of a group (`Some
/// schools`, `Many families`, `most of our countries`).
const QUANTIFIERS: &[&str] = &["some", "many", "most", "few", "several"];

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

/// Nouns of purpose that pledge when the parties `share` them (`We share the objective
/// of …`, `They share a commitment to …`).
const SHARED_PURPOSES: &[&str] = &["commitment", "goal", "objective", "aim", "determination"];

/// Verbs by which a plan or a party announces what it consists of or is doing (`The Strategy
/// includes the following lines of effort:`, `is taking the following steps:`, `sets out
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
    // Work under way on a named product (`are preparing a series of dialogues`).
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
];

/// Sentence adverbs and conjunctions before a subject (`So today I`, `and I`): not part of
/// the actor's name.
const LEADING_ADVERBS: &[&str] = &[
    "today",
    "now",
    "so",
    "then",
    "and",
    "but",
    "also",
    "here",
    "thus",
    "therefore",
    "first",
    "second",
    "third",
    "finally",
    "together",
    "tonight",
    "yesterday",
];

/// Words after `last` that set a sentence in an earlier time (`last year`, `when we last
/// met`).
const LAST_TIMES: &[&str] = &[
    "year", "month", "week", "time", "met", "summer", "autumn", "spring", "winter", "meeting",
    "summit", "session", "spoke", "convened",
];

/// Past-tense cues: with a marker of an earlier time, they report an old pledge.
const PAST_CUES: &[&str] = &[
    "agreed",
    "committed",
    "pledged",
    "decided",
    "promised",
    "vowed",
    "undertook",
    "resolved",
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
    issue: Option<Ymd>,
) -> Vec<Commitment> {
    let mut out = Vec::new();
    // The lead-in whose list is being read (`We will:` followed by `- Implement …`).
    // Lists nest ("(c) the training of examiners, including:" then "(i) …"): the innermost
    // lead-in is last.
    let mut leads: Vec<Lead> = Vec::new();
    // Where this section's commitments start in `out`: the last one's actors serve a
    // lead-in that names none.
    let mut section_start = 0;
    let mut tok_cursor = 0;
    // Where the last unit ended, and whether it told of an earlier month than the issue's
    // (`On May 27, the Vice President launched …` in a statement of July).
    let mut last_unit = (0, false);
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
            section_start = out.len();
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
        // lead-in's sibling: the list under it, and any nested in it, is over. Indented
        // deeper (a Markdown list nested under "4. … strands:"), it is its child.
        let indent = if unit.item_start {
            marker_indent(text, unit.start)
        } else {
            0
        };
        if marker.is_some()
            && let Some(k) = leads
                .iter()
                .position(|l| l.marker == marker && l.indent >= indent)
        {
            leads.truncate(k);
        }
        // An item marked unlike the items already under a lead-in ("6. We are concerned"
        // after its "- Stay agile" bullets) is not one of them: that list is over.
        if marker.is_some() {
            while let Some(last) = leads.last_mut() {
                match last.child {
                    None => {
                        last.child = marker;
                        break;
                    }
                    Some(c) if Some(c) == marker => break,
                    Some(_) => {
                        leads.pop();
                    }
                }
            }
        }
        let lead = leads.last().filter(|l| l.actors.is_some());
        let lead_deadline = lead.and_then(|l| l.deadline.clone());
        // Dates and figures are sorted by start: take those inside the unit.
        let first_date = dates.partition_point(|d| d.start < unit.start);
        let unit_dates = dates[first_date..]
            .iter()
            .take_while(|d| d.start < unit.end)
            .filter(|d| d.end <= unit.end);
        // Only an opening adverbial of time sets the unit's time (`In March 2021, …`, `At
        // the summit on 9 January, …`); a baseline later on (`below 2005 levels`) or a
        // reference (`Building on the meeting of 12 October, …`) does not.
        let earlier = issue.is_some_and(|ymd| {
            u.word(u.first_word())
                .is_some_and(|w| is_any(w, &["at", "on", "in", "during"]))
                && unit_dates
                    .clone()
                    .any(|d| d.start < unit.start + OPENING && before_month(d, ymd))
        });
        let after_earlier = last_unit.1 && same_paragraph(text, last_unit.0, unit.start);
        last_unit = (unit.end, earlier);
        // "The three leaders committed to …" after a sentence set at a summit months before
        // the issue: a report of an earlier pledge.
        let cue = u.cue().filter(|c| {
            !((earlier || after_earlier) && u.word(c.at).is_some_and(|w| is_any(w, PAST_CUES)))
        });
        let mut actors = None;
        if let Some(c) = &cue {
            // An item's cue with no subject ("- Committing to meet …") takes the lead-in's.
            actors = Some(match lead.and_then(|l| l.actors.as_ref()) {
                Some(a) if is_item && c.actors.is_empty() => a.clone(),
                _ => c.actors.clone(),
            });
        } else if is_item
            // A later sentence of an item ("This will revoke …") pledges only by its own cue.
            && unit.item_start
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
        let own_deadline = || unit_dates.clone().find(|d| is_deadline(&d.text)).cloned();
        if body.ends_with(':') {
            // A lead-in's items take its actors, whether it names them or inherits them
            // itself ("(c) the training of examiners, including:"), or, with no cue, the
            // subject of a plan's content ("The Strategy includes the following actions:")
            // or of the means it lists ("The Leaders advanced … by:").
            // A lead-in that only says when or which ("In the short term:") continues the
            // pledges before it: its items that open with an action are pledges too.
            let adverbial = actors.is_none() && u.adverbial_lead_in();
            // "… committed to coordinate actions against trafficking. These include:": the
            // items spell out the pledge just made, with its actors.
            let pointing = actors.is_none()
                && u.points_back()
                && out[section_start..]
                    .last()
                    .is_some_and(|c: &Commitment| just_before(text, c.end, unit.start));
            // "… the Mission Statement of this Taskforce, which will focus on the following
            // strands:": the items are the work of the body the relative clause describes.
            let relative = actors
                .is_none()
                .then(|| u.relative_list_lead_in())
                .flatten();
            let (lead_actors, means) = match (&actors, u.content_lead_in()) {
                (Some(a), _) => (Some(a.clone()), false),
                (None, Some((a, means))) => (Some(a), means),
                (None, None) if relative.is_some() => (relative, false),
                (None, None) if adverbial || pointing => {
                    let last = out[section_start..]
                        .last()
                        .map(|c: &Commitment| c.actors.clone());
                    (Some(last.unwrap_or_default()), false)
                }
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
                indent,
                child: None,
                fresh: !adverbial,
                means,
                // "By the end of 2025, the Council will:": its items' deadline.
                deadline: own_deadline().or_else(|| lead_deadline.clone()),
            });
            // A lead-in that says nothing beyond its cue ("We will:", "The Council agrees
            // to:", "pledged to take concrete actions such as:") is not itself an item.
            let bare = adverbial
                || match &cue {
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
        // An item without a deadline of its own takes its lead-in's.
        let deadline = own_deadline()
            .or(if is_item { lead_deadline } else { None })
            .or_else(|| unit_dates.clone().next().cloned());
        // "(b) review the fees; and": the item ends at its semicolon.
        let end = match body.rsplit_once(';') {
            Some((head, tail)) if is_item && is_any(tail.trim(), &["and", "or"]) => {
                unit.start + head.len() + 1
            }
            _ => unit.end,
        };
        let first_figure = figures.partition_point(|f| f.start < unit.start);
        let figs = (first_figure..figures.len())
            .take_while(|&i| figures[i].start < unit.end)
            .filter(|&i| figures[i].end <= unit.end)
            .collect();
        out.push(Commitment {
            text: text[unit.start..end].to_string(),
            start: unit.start,
            end,
            actors,
            deadline,
            figures: figs,
        });
    }
    out
}

/// Whether the date `d` falls in a month before the issue's (`2023-01-09/2023-01-10` in a
/// statement of March 2023): an event already past when the text was issued.
fn before_month(d: &Date, issue: Ymd) -> bool {
    let Some(v) = d.value.date.as_deref() else {
        return false;
    };
    let last = v.rsplit('/').next().unwrap_or(v);
    let mut parts = last.split('-');
    let year = parts.next().and_then(|y| y.parse::<i32>().ok());
    let month = parts.next().and_then(|m| m.parse::<u32>().ok());
    match (year, month) {
        (Some(y), Some(m)) => (y, m) < (issue.year, issue.month),
        (Some(y), None) => y < issue.year,
        _ => false,
    }
}

/// Whether the unit at `start` follows the one ending at `end` within a paragraph (no
/// blank line between).
fn same_paragraph(text: &str, end: usize, start: usize) -> bool {
    end <= start && text[end..start].bytes().filter(|&b| b == b'\n').count() < 2
}

/// Whether only spaces and emphasis marks lie between `end` and `start`: the unit at
/// `start` follows the one ending at `end` in the same run of text.
fn just_before(text: &str, end: usize, start: usize) -> bool {
    end <= start
        && text[end..start]
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '*' | '_'))
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
    /// How far its marker is indented: an item marked alike but indented deeper is nested.
    indent: usize,
    /// How its first item is marked: an item marked otherwise is not in its list.
    child: Option<MarkerKind>,
    /// True while its list lasts with no other unit in between.
    fresh: bool,
    /// A `… by:` lead-in: its items are the means, participles (`Launching …`).
    means: bool,
    /// The lead-in's own deadline (`By 2030, we will:`), or its own lead-in's.
    deadline: Option<Date>,
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

/// How many spaces indent the marker of the list item starting at `start`.
fn marker_indent(text: &str, start: usize) -> usize {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..start]
        .bytes()
        .take_while(|&b| b == b' ' || b == b'\t')
        .count()
}

/// `Norway’s`, `the Council's`: a possessive, so the next word is a noun.
fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s") || w.ends_with("s'") || w.ends_with("s\u{2019}")
}

/// `we're`, `I’m`: a contracted present of `be`.
fn contracted_be(w: &str) -> bool {
    let mut buf = [0u8; 24];
    super::lexicon::lower(w, &mut buf).is_some_and(|l| l.ends_with("'re") || l.ends_with("'m"))
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
        false
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
        // A plan's content or work under way, not a welcome or a list of past steps.
        if !is_any(v, CONTENT_VERBS) {
            return None;
        }
        let actors = self.subject_before(verb);
        (!actors.is_empty()).then_some((actors, false))
    }

    /// A lead-in that is only an adverbial of time or scope (`In the short term:`, `Over the
    /// next year:`, `In particular:`): no subject, no verb of its own.
    fn adverbial_lead_in(&self) -> bool {
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
    /// (`will focus on the following urgent issues:`, `will address the following:`).
    fn points_to_list(&self, at: usize) -> bool {
        let words: Vec<&str> = (at + 1..self.toks.len())
            .filter_map(|k| self.word(k))
            .collect();
        let Some(p) = words.iter().position(|w| is(w, "following")) else {
            return false;
        };
        (2..=3).contains(&p) && is(words[p - 1], "the") && words.len() - p <= 5
    }

    /// `…, which will focus on the following work strands:`: a lead-in whose pledge sits in
    /// a relative clause that only points to its list. The actors are the noun the clause
    /// describes (`Taskforce` in `the Mission Statement of this Taskforce, which will`).
    fn relative_list_lead_in(&self) -> Option<Vec<String>> {
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
    fn points_back(&self) -> bool {
        let words: Vec<&str> = (0..self.toks.len()).filter_map(|k| self.word(k)).collect();
        matches!(words.as_slice(), [d, v] | [d, _, v]
            if is_any(d, &["these", "this", "they", "those", "such", "which"])
                && is_any(v, &["include", "includes", "are", "is", "involve", "involves", "comprise"]))
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

    /// The first commissive cue of the unit, with the actors it names.
    fn cue(&self) -> Option<Cue> {
        (0..self.toks.len()).find_map(|i| {
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

    /// Whether the cue at `i` sits in the object of a welcome (`The leaders welcomed the
    /// announcement that some partners plan to invest …`, `expressed appreciation for the
    /// partners' pledge to provide …`, `We welcome plans to launch …`): another party's
    /// pledge, acknowledged, not one the subject makes. A new predicate after the welcome
    /// (`We welcome the report and will act on it`, `… and intend to continue`) pledges
    /// again.
    fn welcomed(&self, i: usize) -> bool {
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
    fn after_condition(&self, i: usize) -> bool {
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

    /// `will`/`shall`/`'ll` followed by an action.
    fn will_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        // Cheap tests first: most commissive words are neither `will` nor a contraction.
        let contracted = (w.ends_with("ll") || w.ends_with("LL")) && {
            let mut buf = [0u8; 24];
            super::lexicon::lower(w, &mut buf).is_some_and(|l| l.ends_with("'ll"))
        };
        let modal = contracted || is_any(w, &["will", "shall", "won't", "shan't"]);
        if !modal {
            return None;
        }
        // "a framework that will guide …": a relative clause describes its noun.
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
            return (is(verb, "be") && !hardship).then(Vec::new);
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
                super::lexicon::lower(w, &mut buf)
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
            // "the target will be missed", "will be met with a collective response", "our
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
        if is_any(verb, PREDICTIVE) || is_any(verb, NOT_VERBS) || is_any(verb, PREAMBULAR) {
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

    /// The index of the unit's first word (after a quotation mark or a bracket).
    fn first_word(&self) -> usize {
        (0..self.toks.len())
            .find(|&k| self.toks[k].kind == Kind::Word)
            .unwrap_or(0)
    }

    /// `With permission, I shall make a statement`: the formula that opens a statement to
    /// Parliament announces the statement itself, not an action.
    fn opening_formula(&self, i: usize) -> bool {
        (i.saturating_sub(16)..i)
            .any(|k| self.is_word(k, "with") && self.is_word(k + 1, "permission"))
    }

    /// The comma that closes a parenthesis opened by the comma at `open`, within `max` words
    /// and in the same clause (`, however,`, `, in accordance with the treaty,`).
    fn parenthesis_end(&self, open: usize, max: usize) -> Option<usize> {
        let mut words = 0;
        for k in open + 1..self.toks.len() {
            match self.sym(k) {
                Some(',') => return (words > 0).then_some(k),
                Some('.' | ';' | ':' | '?' | '!') => return None,
                _ => {}
            }
            if self.word(k).is_some() {
                words += 1;
                if words > max {
                    return None;
                }
            }
        }
        None
    }

    /// Whether the verb at `j` (or the one after `continue to`) is a change in quantity with
    /// no object, said of something that is neither a party nor the authors' money: `prices
    /// will rise`, `demand will roughly double by 2050`, `the number of people in treatment
    /// will not rise overnight`.
    fn forecast(&self, j: usize, subject: (usize, usize)) -> bool {
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
    fn plan_content(&self, subject: (usize, usize)) -> bool {
        self.head(subject)
            .and_then(|h| self.word(h))
            .is_some_and(|h| is_any(h, PLAN_CONTENTS))
    }

    /// Whether the words from `k` are a span of time (`take time`, `take some years`).
    fn takes_time(&self, k: usize) -> bool {
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

    /// A subject that is the speaker or the authors (`I`, `we`).
    fn first_person(&self, (start, end): (usize, usize)) -> bool {
        end == start + 1 && self.word(start).is_some_and(|w| is_any(w, &["i", "we"]))
    }

    /// Whether `verb` tells an effect of a thing (`These partnerships will bolster …`).
    fn effect(&self, verb: &str, subject: (usize, usize)) -> bool {
        // "This announcement will create the conditions to …".
        let conditions = || {
            let j = (subject.1..self.toks.len()).find(|&k| self.word(k) == Some(verb));
            j.is_some_and(|j| {
                (j + 1..(j + 3).min(self.toks.len())).any(|k| self.is_word(k, "conditions"))
            })
        };
        // "This updated policy will provide guidance", "This will give migrants the
        // information they need" describe it; "the new fund will provide grants" announces a
        // measure.
        let provides = || {
            is_any(verb, &["provide", "give"])
                && !self
                    .head(subject)
                    .and_then(|h| self.word(h))
                    .is_some_and(|h| is_any(h, MEASURES) || is_any(h, RESOURCES))
        };
        (is_any(verb, EFFECTS) || is(verb, "create") && conditions() || provides())
            && self.thing(subject)
    }

    /// The head noun of the subject `[start, end)`: its last word before a preposition, or
    /// what `the number of` counts.
    fn head(&self, (start, end): (usize, usize)) -> Option<usize> {
        let stop = (start..end)
            .find(|&k| k > start && self.word(k).is_some_and(|w| is_any(w, PREPOSITIONS)))
            .unwrap_or(end);
        let head = (start..stop).rev().find(|&k| self.word(k).is_some())?;
        let measure = self
            .word(head)
            .is_some_and(|w| is_any(w, &["number", "amount", "level", "share", "value"]));
        if measure && stop < end && self.is_word(stop, "of") {
            let counted =
                (stop + 1..end).find(|&k| self.word(k).is_some_and(|w| !is_any(w, DETERMINERS)))?;
            return Some(counted);
        }
        Some(head)
    }

    /// The words of the subject before its first preposition (`Funding` in `Funding for the
    /// Border Force`), as token indices.
    fn head_phrase(&self, (start, end): (usize, usize)) -> impl Iterator<Item = usize> + '_ {
        (start..end)
            .take_while(move |&k| {
                k == start || !self.word(k).is_some_and(|w| is_any(w, PREPOSITIONS))
            })
            .filter(move |&k| self.word(k).is_some())
    }

    /// A subject that names a party: a pronoun, a party's noun (`Ministers`), or a proper name
    /// that is not merely capitalised as the unit's first word.
    fn party(&self, subject: (usize, usize)) -> bool {
        if subject.0 == subject.1 {
            return true;
        }
        let Some(h) = self.head(subject) else {
            return true;
        };
        let head = self.word(h).unwrap_or("");
        // A capitalised head names a party ("the European Commission", "President Biden");
        // a capitalised adjective does not ("continued Iranian advances").
        is_any(head, AGENT_NOUNS)
            || (h > self.first_word() && head.chars().next().is_some_and(char::is_uppercase))
    }

    /// A subject that is a thing, not a party: `it`, `this`, a demonstrative (`These
    /// partnerships`), a common noun (`the reform`), an abstract noun (`Implementation of …`).
    fn thing(&self, subject: (usize, usize)) -> bool {
        if self.party(subject) {
            return false;
        }
        let words: Vec<&str> = self
            .head_phrase(subject)
            .filter_map(|k| self.word(k))
            .collect();
        let Some(&first) = words.first() else {
            return false;
        };
        if is_any(first, &["it", "this", "these", "that", "those", "such"]) {
            return true;
        }
        let head = self.head(subject).and_then(|h| self.word(h)).unwrap_or("");
        head.chars().next().is_some_and(char::is_lowercase)
            || ["tion", "ment", "ship", "ance", "ence", "ity", "ism", "ing"]
                .iter()
                .any(|s| ends_with_ci(head, s))
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
            _ if is_any(w, &["want", "wants"]) => return self.want_cue(i, verb),
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
    fn skip_adverbs(&self, i: usize) -> usize {
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
        let k = self.skip_adverbs(i);
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

    /// Whether the past-tense cue at `i` reports an earlier pledge: a perfect (`our countries
    /// have all committed to`), or a sentence set in an earlier time (`When we last met, the
    /// ministers agreed to`, `pledged two years ago`).
    fn past_report(&self, i: usize, w: &str) -> bool {
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
    fn set_earlier(&self, i: usize) -> bool {
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

    /// `our aim is to halve`, `it is our intention to launch`, `we affirm our shared
    /// determination to address`, `united in our determination to hold`, `stand firm in
    /// the commitment to disrupt`: a noun of purpose followed by `to` and an action.
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
        if before.is_some_and(|b| is_any(b, RESTATING) || (b.len() > 4 && ends_with_ci(b, "ed"))) {
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
            if !copula && !owning {
                return None;
            }
            let who = if self.is_word(owner, "my") { "I" } else { "we" };
            return Some(vec![who.to_string()]);
        }
        // "stand firm in the commitment to": the subject of the clause.
        if before.is_some_and(|b| is(b, "in")) && owner >= 2 && self.word(owner - 2).is_some() {
            return Some(self.subject_before(owner - 2));
        }
        None
    }

    /// `We share the objective of addressing …`, `They share a commitment to close
    /// consultation`, `share the goal of continuing to …`: a purpose the parties declare they
    /// hold in common is their pledge, whatever follows `to` (an action or the work itself).
    /// Not `share the goal of a world without …` (a vision, not work).
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
        // "They reiterate a shared commitment to adapt the alliance": a joint pledge renewed
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
    /// follows it, or `and` and a second verb that has one (`to adapt and modernize our
    /// alliance`), not a noun (`to peace in the region`, `to peace and security`).
    fn takes_object(&self, k: usize) -> bool {
        let owned = |x: usize| {
            self.word(x)
                .is_some_and(|d| is_any(d, DETERMINERS) || possessive(d))
        };
        owned(k + 1) || self.is_word(k + 1, "and") && owned(k + 3)
    }

    /// `The objective of this Taskforce is to deepen cooperation`, `The aim of the new
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

    /// `The Presidents have charged their teams with intensifying consultations`, `Leaders
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
    /// the calendar, in the present, by nobody named. `we are focusing our efforts on
    /// strengthening …`: the work the authors are set on.
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

    /// `is announcing €800 million`, `Today I can announce a new fund`, `Chile and Peru
    /// announce a joint programme`: an announcement of a measure in the present.
    fn announce_cue(&self, i: usize, w: &str) -> Option<Vec<String>> {
        if is_any(w, ANNOUNCING) {
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
            if !self.progressive(i) || !object {
                return None;
            }
            return Some(self.subject_before(i));
        }
        if !is_any(w, ANNOUNCE) {
            return None;
        }
        // "Attorney General Establishes Joint Task Force": the title-case headline of a
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
        if self.is_word(i + 1, "to") && self.word(i + 2).is_none_or(|v| is_any(v, PERFORMATIVES)) {
            // "would like to thank": performative; "I'd like to — …": broken off.
            return None;
        }
        Some(self.subject_before(if contracted { k + 1 } else { k }))
    }

    /// The subject noun phrase before the cue at `i`, split on `and`.
    fn subject_before(&self, i: usize) -> Vec<String> {
        self.actors(i, self.subject_range(i))
    }

    /// The actors of the cue at `i` whose subject is `[start, end)` (from `subject_range`).
    fn actors(&self, i: usize, (start, end): (usize, usize)) -> Vec<String> {
        // A contraction carries its subject: "we’ll", "I’d".
        if let Some(w) = self.word(i)
            && let Some(pos) = w.find(['\'', '\u{2019}'])
            && pos > 0
        {
            return vec![pronoun(&w[..pos])];
        }
        // An auxiliary contracted with its subject right before the cue.
        if i > 0
            && let Some(w) = self.word(i - 1)
            && let Some(pos) = w.find(['\'', '\u{2019}'])
            && pos > 0
            && self.skip_auxiliaries(i) + 1 == i
        {
            return vec![pronoun(&w[..pos])];
        }
        if start == end {
            return Vec::new();
        }
        split_actors(self.between(start, end - 1))
    }

    /// The first token before `i` that is not an auxiliary or adverb of the cue.
    fn skip_auxiliaries(&self, i: usize) -> usize {
        let mut k = i;
        while k > 0
            && self
                .word(k - 1)
                .is_some_and(|w| is_any(w, AUXILIARIES) || is_any(w, &["will", "shall", "would"]))
        {
            k -= 1;
        }
        k
    }

    /// The tokens `[start, end)` of the subject of the cue at `i`: back from the cue over its
    /// auxiliaries to the clause's start. Empty when there is none or it is too long to be one.
    fn subject_range(&self, i: usize) -> (usize, usize) {
        let end = self.skip_auxiliaries(i);
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
            // (No clause opener is longer than seven letters.)
            if t.kind == Kind::Word
                && t.end - t.start <= 7
                && is_any(t.text(self.text), CLAUSE_OPENERS)
            {
                break;
            }
            start -= 1;
            if end - start > 10 {
                return (end, end);
            }
        }
        (start, end)
    }

    /// Whether a passive names its agent after `k` (`by the Government`), not a margin (`by
    /// some 40,000 homes`, `by 10 per cent`).
    fn has_agent(&self, k: usize) -> bool {
        let by = (k..(k + 4).min(self.toks.len())).find(|&j| self.is_word(j, "by"));
        by.is_some_and(|by| {
            let next = self.tok(by + 1);
            next.is_some_and(|t| t.kind == Kind::Word)
                && !self.word(by + 1).is_some_and(|w| {
                    is_any(
                        w,
                        &[
                            "some",
                            "about",
                            "around",
                            "up",
                            "nearly",
                            "almost",
                            "more",
                            "less",
                            "over",
                            "under",
                            "roughly",
                            "approximately",
                            "far",
                            "a",
                            "an",
                        ],
                    ) || w.chars().next().is_some_and(char::is_numeric)
                })
                && self.tok(by + 2).is_none_or(|t| t.kind != Kind::Num)
        })
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
            while words
                .first()
                .is_some_and(|w| is_any(w, DETERMINERS) || is_any(w, LEADING_ADVERBS))
            {
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
        find(text, &toks, &units, &[], &[], None)
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
