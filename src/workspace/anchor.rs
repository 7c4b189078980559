//! Placing an item's anchor in a document that may have changed since it was reviewed.
//!
//! In order: the recorded position (when the text there is still the quote), the quote
//! elsewhere (nearest the context that surrounded it), the quote with whitespace and quote
//! marks normalized, then a fuzzy match between the old prefix and suffix. An anchor that
//! fits nowhere is *orphaned*: the item and its verdicts stay, shown with the stored quote.
//! Two equally good places are *ambiguous*: never picked silently.

use memchr::memmem;

use super::id::doc_hash;
use super::model::Anchor;

/// Characters of context kept on each side of the quote.
pub const CONTEXT_CHARS: usize = 32;

/// Least similarity (0–1) for a fuzzy placement: a changed word or two in a sentence.
const FUZZY_MIN: f64 = 0.85;

/// Where an anchor lands in the current text.
#[derive(Debug, Clone, PartialEq)]
pub enum Placement {
    /// The text at the recorded position is the quote.
    Exact {
        /// Byte offset of the quote's start.
        start: usize,
        /// Byte offset just past its end.
        end: usize,
    },
    /// The quote (or its whitespace- and quote-normalized form) stands elsewhere.
    Moved {
        /// Byte offset of the quote's new start.
        start: usize,
        /// Byte offset just past its new end.
        end: usize,
    },
    /// A close variant of the quote stands between the old context: the reviewer should
    /// confirm it.
    Fuzzy {
        /// Byte offset of the variant's start.
        start: usize,
        /// Byte offset just past its end.
        end: usize,
        /// How close the variant is to the quote, from 0 to 1 (at least `FUZZY_MIN`).
        similarity: f64,
    },
    /// The quote stands in several equally good places.
    Ambiguous(Vec<(usize, usize)>),
    /// Neither the quote nor a close variant is found: the item keeps its stored quote.
    Orphaned,
}

/// An anchor for `text[start..end]`.
pub fn anchor(text: &str, start: usize, end: usize) -> Anchor {
    let before = &text[..start];
    let prefix_from = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let after = &text[end..];
    let suffix_to = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    Anchor {
        exact: text[start..end].to_string(),
        prefix: before[prefix_from..].to_string(),
        suffix: after[..suffix_to].to_string(),
        start,
        end,
        doc_hash: doc_hash(text),
    }
}

/// How many characters of `context` agree with the text on that side of a candidate.
fn context_score(text: &str, start: usize, end: usize, a: &Anchor) -> usize {
    let before = text[..start].chars().rev();
    let prefix = a.prefix.chars().rev();
    let p = before.zip(prefix).take_while(|(x, y)| x == y).count();
    let after = text[end..].chars();
    let s = after
        .zip(a.suffix.chars())
        .take_while(|(x, y)| x == y)
        .count();
    p + s
}

/// Picks the best of several places: the one whose surroundings agree most with the old
/// context; ties are ambiguous.
fn best_of(text: &str, spans: Vec<(usize, usize)>, a: &Anchor) -> Option<Placement> {
    let scored: Vec<(usize, (usize, usize))> = spans
        .into_iter()
        .map(|(s, e)| (context_score(text, s, e, a), (s, e)))
        .collect();
    let top = scored.iter().map(|(c, _)| *c).max()?;
    let best: Vec<(usize, usize)> = scored
        .into_iter()
        .filter(|(c, _)| *c == top)
        .map(|(_, span)| span)
        .collect();
    Some(match best.as_slice() {
        [(start, end)] => Placement::Moved {
            start: *start,
            end: *end,
        },
        _ => Placement::Ambiguous(best),
    })
}

/// Text folded as the finder and the reader's search fold it (case, accents and marks,
/// ligatures, quotes, dashes: [`crate::search::fuzzy::fold_into`]) with runs of whitespace
/// made one space, and the byte offset in the original of each byte kept: a quote is found
/// again after its words were re-cased, re-accented or re-spaced.
pub(super) struct Normalized {
    pub(super) text: String,
    origin: Vec<usize>,
}

pub(super) fn normalize(s: &str) -> Normalized {
    let mut text = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len());
    let mut in_space = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                text.push(' ');
                origin.push(i);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        let before = text.len();
        crate::search::fuzzy::fold_into(c, &mut text);
        origin.resize(origin.len() + (text.len() - before), i);
    }
    origin.push(s.len());
    Normalized { text, origin }
}

/// Levenshtein similarity of two strings, by characters: 1 for equal, 0 for nothing alike
/// (strsim's, which clap brings in anyway).
fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(a, b)
}

/// Where `a` lands in `text`.
pub fn place(a: &Anchor, text: &str) -> Placement {
    if a.exact.is_empty() {
        return Placement::Orphaned;
    }
    if text.get(a.start..a.end) == Some(a.exact.as_str()) {
        return Placement::Exact {
            start: a.start,
            end: a.end,
        };
    }
    let spans: Vec<(usize, usize)> = memmem::find_iter(text.as_bytes(), a.exact.as_bytes())
        .map(|s| (s, s + a.exact.len()))
        .collect();
    if let Some(p) = best_of(text, spans, a) {
        return p;
    }
    // Re-wrapped lines, doubled spaces, curly for straight quotes.
    let norm = normalize(text);
    let quote = normalize(&a.exact).text;
    let quote = quote.trim();
    if !quote.is_empty() {
        let spans: Vec<(usize, usize)> = memmem::find_iter(norm.text.as_bytes(), quote.as_bytes())
            .map(|s| (norm.origin[s], norm.origin[s + quote.len()]))
            .collect();
        if let Some(p) = best_of(text, spans, a) {
            return p;
        }
    }
    fuzzy(a, text).unwrap_or(Placement::Orphaned)
}

/// A changed quote between its old prefix and suffix.
fn fuzzy(a: &Anchor, text: &str) -> Option<Placement> {
    let prefix = a.prefix.trim_start();
    let suffix = a.suffix.trim_end();
    if prefix.is_empty() && suffix.is_empty() {
        return None;
    }
    let slack = a.exact.len() / 4 + 16;
    let mut best: Option<(f64, usize, usize)> = None;
    let starts: Vec<usize> = if prefix.is_empty() {
        vec![0]
    } else {
        memmem::find_iter(text.as_bytes(), prefix.as_bytes())
            .map(|p| p + prefix.len())
            .collect()
    };
    for start in starts {
        let window_end = (start + a.exact.len() + slack).min(text.len());
        let window = &text.as_bytes()[start..window_end];
        let ends: Vec<usize> = if suffix.is_empty() {
            vec![(start + a.exact.len()).min(text.len())]
        } else {
            memmem::find_iter(window, suffix.as_bytes())
                .map(|e| start + e)
                .collect()
        };
        for end in ends {
            let Some(candidate) = text.get(start..end) else {
                continue;
            };
            let sim = similarity(candidate, &a.exact);
            if best.is_none_or(|(b, _, _)| sim > b) {
                best = Some((sim, start, end));
            }
        }
    }
    let (similarity, start, end) = best?;
    (similarity >= FUZZY_MIN).then_some(Placement::Fuzzy {
        start,
        end,
        similarity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "Paris, 20 August 2015\n\nThe two ministers met in Calais. \
        The British government will devote €10 million over two years to security. \
        Further talks are planned.\n\nA joint command centre will open in the autumn.\n";

    fn anchor_of(quote: &str) -> Anchor {
        let start = DOC.find(quote).unwrap();
        anchor(DOC, start, start + quote.len())
    }

    const PLEDGE: &str =
        "The British government will devote €10 million over two years to security.";

    #[test]
    fn an_unchanged_document_places_exactly() {
        let a = anchor_of(PLEDGE);
        assert_eq!(a.prefix.chars().count(), CONTEXT_CHARS);
        assert!(a.suffix.starts_with(" Further"));
        assert!(matches!(place(&a, DOC), Placement::Exact { .. }));
    }

    #[test]
    fn text_inserted_before_moves_it() {
        let a = anchor_of(PLEDGE);
        let edited = DOC.replace("Paris,", "Paris (press release),");
        let Placement::Moved { start, end } = place(&a, &edited) else {
            panic!("{:?}", place(&a, &edited));
        };
        assert_eq!(&edited[start..end], PLEDGE);
    }

    #[test]
    fn a_moved_paragraph_is_found() {
        let a = anchor_of("A joint command centre will open in the autumn.");
        let edited = "A joint command centre will open in the autumn.\n\n".to_string()
            + &DOC.replace("A joint command centre will open in the autumn.\n", "");
        assert!(matches!(
            place(&a, &edited),
            Placement::Moved { start: 0, .. }
        ));
    }

    #[test]
    fn whitespace_and_quote_marks_do_not_matter() {
        let quote = "The two ministers met in Calais.";
        let a = anchor_of(quote);
        let edited = DOC.replace("two ministers met", "two\n  ministers  met");
        let Placement::Moved { start, end } = place(&a, &edited) else {
            panic!("{:?}", place(&a, &edited));
        };
        assert_eq!(&edited[start..end], "The two\n  ministers  met in Calais.");
    }

    /// Anchors fold text as the finder does: case, accents, marks below.
    #[test]
    fn case_accents_and_ligatures_do_not_matter_either() {
        let quote = "The two ministers met in Calais.";
        let a = anchor_of(quote);
        let edited = DOC.replace("two ministers met in Calais", "two MINISTERS met in Călaiș");
        let Placement::Moved { start, end } = place(&a, &edited) else {
            panic!("{:?}", place(&a, &edited));
        };
        assert_eq!(&edited[start..end], "The two MINISTERS met in Călaiș.");
    }

    #[test]
    fn a_reworded_pledge_is_a_fuzzy_match_to_confirm() {
        let a = anchor_of(PLEDGE);
        let edited = DOC.replace("over two years", "over three years");
        let Placement::Fuzzy {
            start,
            end,
            similarity,
        } = place(&a, &edited)
        else {
            panic!("{:?}", place(&a, &edited));
        };
        assert!(
            edited[start..end].contains("three years"),
            "{}",
            &edited[start..end]
        );
        assert!(similarity > 0.9);
    }

    #[test]
    fn a_deleted_sentence_is_orphaned() {
        let a = anchor_of(PLEDGE);
        let edited = DOC.replace(PLEDGE, "");
        assert_eq!(place(&a, &edited), Placement::Orphaned);
        let rewritten = DOC.replace(PLEDGE, "Funding will be discussed at a later meeting.");
        assert_eq!(place(&a, &rewritten), Placement::Orphaned);
    }

    #[test]
    fn a_duplicated_sentence_with_the_same_context_is_ambiguous() {
        let a = anchor_of("Further talks are planned.");
        // The sentence moves away from its recorded position and now stands twice, in
        // identical surroundings: neither place may be picked silently.
        let block = "X. Further talks are planned.\n\n";
        let edited = format!("{block}{block}");
        assert!(matches!(place(&a, &edited), Placement::Ambiguous(v) if v.len() == 2));
    }
}
