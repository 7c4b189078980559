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
//!
//! `find` walks the units and keeps the lead-ins open; the cues are read in `cues`, the
//! readings that are not pledges are ruled out in `not_pledges`, subjects and agents are
//! found in `actors`, lists and lead-ins are read in `lists`, and `deadlines` tells which
//! dates are due dates.

mod actors;
mod cues;
mod deadlines;
mod lists;
mod not_pledges;

use super::dates::Ymd;
use super::lexicon::is_any;
use super::tokens::{Kind, Token, Tokens};
use super::{Commitment, Date, Figure};
use crate::corpus::{Unit, UnitKind};

use deadlines::{before_month, is_deadline};
use lists::{MarkerKind, marker_indent, marker_kind};

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

/// Prepositions that end the head of a subject (`Demand for electricity`).
const PREPOSITIONS: &[&str] = &[
    "of", "for", "in", "on", "to", "from", "with", "across", "under", "at", "between", "among",
    "within", "through",
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
        // "The two ministers committed to …" after a sentence set at a summit months before
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
            // "… the Terms of Reference of this Board, which will take up the following
            // tasks:": the items are the work of the body the relative clause describes.
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
            // to:", "vowed to act in ways such as:") is not itself an item.
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
            page: None,
        });
    }
    out
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

struct UnitText<'a> {
    tokens: Tokens<'a>,
}

impl<'a> std::ops::Deref for UnitText<'a> {
    type Target = Tokens<'a>;
    fn deref(&self) -> &Tokens<'a> {
        &self.tokens
    }
}

impl UnitText<'_> {
    /// The index of the unit's first word (after a quotation mark or a bracket).
    fn first_word(&self) -> usize {
        (0..self.toks.len())
            .find(|&k| self.toks[k].kind == Kind::Word)
            .unwrap_or(0)
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

fn ends_with_ci(w: &str, suffix: &str) -> bool {
    w.len() >= suffix.len()
        && w.is_char_boundary(w.len() - suffix.len())
        && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
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
