//! Actors: the subject of a cue, found back from it over its auxiliaries to the clause's
//! start, or the agent of a passive (`by the Government`), split on `and` into the parties
//! who pledge; and what kind of subject it is (a party, the authors, a thing), which the
//! not-a-pledge rules need.

use super::{ADVERBS, AGENT_NOUNS, DETERMINERS, PREPOSITIONS, UnitText, ends_with_ci};
use crate::extract::lexicon::is_any;
use crate::extract::tokens::{Gap, Kind};

/// Words that open a clause: the subject of a cue starts after them.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whereby", "so", "because", "while", "whereas", "where", "but", "when",
    "what", "how", "whether", "why", "if", "unless", "let",
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
    "significantly",
    "substantially",
    "rapidly",
    "dramatically",
];

impl UnitText<'_> {
    /// A subject that is the speaker or the authors (`I`, `we`).
    pub(super) fn first_person(&self, (start, end): (usize, usize)) -> bool {
        end == start + 1 && self.word(start).is_some_and(|w| is_any(w, &["i", "we"]))
    }

    /// The head noun of the subject `[start, end)`: its last word before a preposition, or
    /// what `the number of` counts.
    pub(super) fn head(&self, (start, end): (usize, usize)) -> Option<usize> {
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
    pub(super) fn party(&self, subject: (usize, usize)) -> bool {
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
    pub(super) fn thing(&self, subject: (usize, usize)) -> bool {
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

    /// The subject noun phrase before the cue at `i`, split on `and`.
    pub(super) fn subject_before(&self, i: usize) -> Vec<String> {
        self.actors(i, self.subject_range(i))
    }

    /// The actors of the cue at `i` whose subject is `[start, end)` (from `subject_range`).
    pub(super) fn actors(&self, i: usize, (start, end): (usize, usize)) -> Vec<String> {
        // A contraction carries its subject: "we’ll", "I’d".
        // Not a negation (`won’t`, `shan’t`): its subject stands before it.
        if let Some(w) = self.word(i)
            && let Some(pos) = w.find(['\'', '\u{2019}'])
            && pos > 0
            && !w[..pos].ends_with(['n', 'N'])
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
    pub(super) fn subject_range(&self, i: usize) -> (usize, usize) {
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
    pub(super) fn has_agent(&self, k: usize) -> bool {
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
    pub(super) fn agent_after(&self, k: usize) -> Vec<String> {
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

pub(super) fn pronoun(w: &str) -> String {
    if w == "I" {
        w.to_string()
    } else {
        w.to_lowercase()
    }
}

/// "the United Kingdom and France" → ["United Kingdom", "France"].
pub(super) fn split_actors(phrase: &str) -> Vec<String> {
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
