//! Reading numbers written in digits (`1,300`, `5.5`, `10 000`) or in words (`twenty`,
//! `two hundred and fifty`).

use super::lexicon::{Lex, is};
use super::tokens::{Gap, Kind, Token};

/// The value of a digit token, or `None` for strings that are not one number: version-like
/// `1.2.3`, `1,5` (a decimal comma is ambiguous in English text), misplaced separators.
pub fn parse_digits(s: &str) -> Option<f64> {
    let mut int = String::with_capacity(s.len());
    let mut seen_dot = false;
    let mut group_len: Option<usize> = None; // digits since the last thousands separator
    for c in s.chars() {
        match c {
            '0'..='9' => {
                int.push(c);
                if let Some(n) = group_len.as_mut() {
                    *n += 1;
                }
            }
            ',' | '\u{a0}' | '\u{202f}' | '\u{2009}' => {
                if seen_dot || group_len.is_some_and(|n| n != 3) {
                    return None;
                }
                group_len = Some(0);
            }
            '.' => {
                if seen_dot || group_len.is_some_and(|n| n != 3) {
                    return None;
                }
                seen_dot = true;
                group_len = None;
                int.push('.');
            }
            _ => return None,
        }
    }
    if group_len.is_some_and(|n| n != 3) {
        return None;
    }
    int.parse().ok()
}

/// A number written in words starting at token `i`: `twenty`, `twenty-five`, `two hundred
/// and fifty`, `one million`. Returns the value and the index after its last token.
pub fn parse_words(text: &str, toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut j = i;
    let mut any = false;
    // "a hundred and twenty", "a thousand": the article stands for one.
    if is(toks[i].text(text), "a")
        && toks.get(i + 1).is_some_and(|t| {
            matches!(t.lex, Lex::Scale(_)) && t.text(text).len() > 2 && t.gap <= Gap::Space
        })
    {
        current = 1.0;
        any = true;
        j += 1;
    }
    while j < toks.len() {
        let t = toks[j];
        if j > i && t.gap > Gap::Space {
            break;
        }
        match t.lex {
            Lex::Number(n) if t.kind == Kind::Word => {
                current += n as f64;
                any = true;
                j += 1;
            }
            Lex::Scale(power) if any && t.text(text).len() > 2 => {
                let s = 10f64.powi(power as i32);
                if s == 100.0 {
                    current = current.max(1.0) * 100.0;
                } else {
                    total += current.max(1.0) * s;
                    current = 0.0;
                }
                j += 1;
            }
            _ if any
                && is(t.text(text), "and")
                && matches!(toks.get(j + 1).map(|t| t.lex), Some(Lex::Number(_)))
                && j > i
                && toks[j - 1].lex == Lex::Scale(2) =>
            {
                j += 1;
            }
            _ => break,
        }
    }
    any.then_some((total + current, j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    #[test]
    fn digits() {
        assert_eq!(parse_digits("1,300"), Some(1300.0));
        assert_eq!(parse_digits("5.5"), Some(5.5));
        assert_eq!(parse_digits("2,000,000"), Some(2e6));
        assert_eq!(parse_digits("10\u{202f}000"), Some(1e4));
        assert_eq!(parse_digits("1.2.3"), None);
        assert_eq!(parse_digits("1,5"), None);
        assert_eq!(parse_digits("12,34,567"), None);
    }

    #[test]
    fn words() {
        let t = "two hundred and fifty experts, twenty-five, one million";
        let toks = tokenize(t);
        assert_eq!(parse_words(t, &toks, 0), Some((250.0, 4)));
        assert_eq!(parse_words(t, &toks, 6), Some((25.0, 7)));
        assert_eq!(parse_words(t, &toks, 8), Some((1e6, 10)));
    }
}
