//! Text on its way to a terminal. Documents and notes may hold escape sequences or
//! bidirectional overrides; none of them may reach the screen as anything but visible text.

/// Appends `c` to `out` so a terminal shows it and does nothing else: line breaks and tabs
/// become spaces, other control and bidi-override characters become `\u{…}` escapes.
pub fn push_safe(out: &mut String, c: char) {
    match c {
        '\n' | '\r' | '\t' => out.push(' '),
        c if c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
        {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
        c => out.push(c),
    }
}

/// [`push_safe`] over a whole string.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_safe(&mut out, c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_escapes_control_characters() {
        assert_eq!(
            sanitize("a\u{1b}[31mb\nc\u{202e}"),
            "a\\u{1b}[31mb c\\u{202e}"
        );
    }
}
