//! Content words: what two passages must share to speak of the same thing. A word is folded
//! as the finder folds it ([`fold_into`]), function words are left out, and what is left is
//! reduced to its stem by Snowball's English (Porter2) stemmer, so `strengthening` meets
//! `strengthened` and `commitments` meets `committed`.
//!
//! Numbers are not words here: figures and dates are compared by value (`search::value`).

use std::collections::HashSet;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;

use super::fuzzy::fold_into;
use crate::extract::lexicon::{COMMISSIVE_TO, Lex, REPORTING, classify};

/// Calls `each` with every word of `text`, folded, and its byte span in `text`. A word is a
/// run of letters and digits; hyphens and apostrophes end one (`long-term` is two words, the
/// `s` of `world's` a word of its own), and a combining mark stays with its letter.
pub fn for_each_word(text: &str, mut each: impl FnMut(&str, usize, usize)) {
    let mut word = String::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let inside = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric() || (is_combining_mark(c) && !word.is_empty())
        };
        if inside {
            if word.is_empty() {
                start = i;
            }
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase());
            } else {
                fold_into(c, &mut word);
            }
        } else if !word.is_empty() {
            each(&word, start, i);
            word.clear();
        }
    }
    if !word.is_empty() {
        each(&word, start, text.len());
    }
}

/// True for a folded word that says nothing of a passage's subject: a single character, a
/// number, a function word of [`STOP_WORDS`], or a word of a figure or date (`two`,
/// `million`, `euros`, `EUR`, `March`, `years`: figures and dates are compared by value).
pub fn is_stop_word(word: &str) -> bool {
    word.len() < 2
        || !word.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80)
        || STOP_WORDS.binary_search(&word).is_ok()
        || names_a_quantity_or_time(word)
}

fn names_a_quantity_or_time(word: &str) -> bool {
    let quantity = |lex| {
        matches!(
            lex,
            Lex::Number(_)
                | Lex::Scale(_)
                | Lex::FractionDenominator(_)
                | Lex::Fraction(..)
                | Lex::Multiplier(_)
                | Lex::Many { .. }
                | Lex::Currency(_)
                | Lex::Month(_)
                | Lex::Weekday
                | Lex::TimeUnit(_)
                | Lex::Ordinal(_)
        )
    };
    // Currency codes are known in capitals only (`EUR`; `eur` is no word the lexicon knows).
    quantity(classify(word)) || (word.len() == 3 && quantity(classify(&word.to_ascii_uppercase())))
}

/// Reduces folded words to their stems, and tells content words from the rest.
pub struct Stems {
    stemmer: Stemmer,
    /// Stems of the words by which a statement pledges or takes a stance (see
    /// [`Stems::content_stem`]).
    stance: HashSet<String>,
}

impl Default for Stems {
    fn default() -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        let stance = COMMISSIVE_TO
            .iter()
            .chain(REPORTING)
            .chain(STANCE_WORDS)
            .map(|w| stemmer.stem(w).into_owned())
            .collect();
        Stems { stemmer, stance }
    }
}

impl std::fmt::Debug for Stems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stems(english)")
    }
}

impl Stems {
    /// The stem of a folded word (`strengthening` → `strengthen`).
    pub fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }

    /// The stem of a folded word when it is a content word: not a [stop word](is_stop_word),
    /// nor a word by which a statement pledges or reports (the lexicon's `COMMISSIVE_TO` and
    /// `REPORTING`: `agreed`, `committing`, `resolve`, `recognising`, `note`) or takes a
    /// stance ([`STANCE_WORDS`]: `reaffirm`, `welcome`, `underscore`), in any inflection. Those
    /// say that something is pledged or stated, not what: every commitment has them.
    pub fn content_stem(&self, word: &str) -> Option<String> {
        if is_stop_word(word) {
            return None;
        }
        let stem = self.stem(word);
        (!self.stance.contains(&stem)).then_some(stem)
    }

    /// The stems of `text`'s content words, in order, repeats kept.
    pub fn content_stems(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, |w, _, _| out.extend(self.content_stem(w)));
        out
    }
}

/// Verbs and nouns by which joint statements take a stance on what they name (`we reaffirm
/// our support for`, `we welcome the progress on`, `we underscore the importance of`):
/// like the pledge words, found in every kind of passage, whatever its subject.
pub const STANCE_WORDS: &[&str] = &[
    "reaffirm",
    "reiterate",
    "welcome",
    "underline",
    "underscore",
    "stress",
    "emphasise",
    "emphasize",
    "highlight",
    "express",
    "importance",
    "important",
];

/// English function words (articles, pronouns, auxiliaries and modals, prepositions,
/// conjunctions, a few adverbs of degree), folded and sorted for a binary search. Kept
/// short: a common content word is weighed down by its frequency, not by this list.
pub const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "etc",
    "even",
    "ever",
    "every",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "otherwise",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "thereby",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_and_folded() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "sorted, no repeats"
        );
        for w in STOP_WORDS {
            let mut folded = String::new();
            w.chars().for_each(|c| fold_into(c, &mut folded));
            assert_eq!(&folded, w);
        }
    }

    #[test]
    fn words_are_folded_with_their_spans() {
        let text = "Frontex’s BORDER-control: Ș\u{0326}tefan’s cœur, 1,300 officers";
        let mut words = Vec::new();
        for_each_word(text, |w, s, e| words.push((w.to_string(), &text[s..e])));
        let folded: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            folded,
            [
                "frontex", "s", "border", "control", "stefan", "s", "coeur", "1", "300", "officers"
            ]
        );
        assert_eq!(words[2].1, "BORDER");
        assert_eq!(words[6].1, "cœur");
    }

    #[test]
    fn content_stems_leave_function_words_and_numbers_out() {
        let stems = Stems::default();
        assert_eq!(
            stems.content_stems("We will strengthen the 2 border agencies by 2030"),
            ["strengthen", "border", "agenc"]
        );
        assert_eq!(
            stems.stem("strengthening"),
            stems.stem("strengthened"),
            "inflections meet"
        );
        assert_eq!(stems.stem("commitments"), stems.stem("committed"));
        assert!(is_stop_word("x") && is_stop_word("2030") && !is_stop_word("g7"));
        for w in [
            "two", "million", "euros", "eur", "usd", "march", "years", "tenfold",
        ] {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["budget", "police", "agency"] {
            assert!(!is_stop_word(w), "{w}");
        }
        for w in [
            "recognising",
            "committed",
            "reaffirms",
            "welcomed",
            "agreed",
        ] {
            assert_eq!(stems.content_stem(w), None, "{w}");
        }
        assert_eq!(
            stems.content_stems("Recognising the need, we agreed to share doses"),
            ["need", "share", "dose"]
        );
    }
}
