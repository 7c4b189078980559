//! A history of what a person typed (the finder's queries, the reader's `/` patterns): the
//! newest last, each once, bounded. Where it is kept between sessions is `app::memory`'s
//! business.

/// Entries kept: enough for weeks of work, small enough to write on every one.
pub const LIMIT: usize = 100;

/// `history` with `query` added as the newest: once (an older copy goes), trimmed of
/// surrounding space, at most [`LIMIT`] kept. An empty query changes nothing.
pub fn add(history: &mut Vec<String>, query: &str) {
    let query = query.trim();
    if query.is_empty() {
        return;
    }
    history.retain(|q| q != query);
    history.push(query.to_string());
    if history.len() > LIMIT {
        history.drain(..history.len() - LIMIT);
    }
}

/// A history read back from a file: entries that are not one line of printable text (a
/// file edited or damaged by hand) are dropped, as are repeats.
pub fn cleaned(entries: Vec<String>) -> Vec<String> {
    let mut history = Vec::new();
    for q in entries {
        if !q.chars().any(char::is_control) {
            add(&mut history, &q);
        }
    }
    history
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_deduplicated_bounded_and_trimmed() {
        let mut h = Vec::new();
        for q in ["10m", " calais ", "", "10m"] {
            add(&mut h, q);
        }
        assert_eq!(h, ["calais", "10m"]);
        for i in 0..LIMIT + 5 {
            add(&mut h, &format!("q{i}"));
        }
        assert_eq!(h.len(), LIMIT);
        assert_eq!(h.first().map(String::as_str), Some("q5"));
        assert_eq!(
            h.last().map(String::as_str),
            Some(format!("q{}", LIMIT + 4).as_str())
        );
    }

    #[test]
    fn a_history_read_back_loses_control_characters_and_repeats() {
        let read = ["a", "\u{1b}[2J", "a", "b"].map(String::from).to_vec();
        assert_eq!(cleaned(read), ["a", "b"]);
    }
}
