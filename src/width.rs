//! How wide text is on screen, by grapheme cluster: what a reader sees as one character
//! (`❤️` is U+2764 and U+FE0F, `👩‍👩‍👧` five code points joined, `é` may be `e` and a
//! combining accent) is drawn as one unit of its true width, never measured character by
//! character. The one home for "how many columns" and "cut to so many columns": the
//! reader's wrapping, the finder's, checklist's and timeline's rows all measure here, with
//! the rule ratatui's buffer draws by, so that what is measured is what is drawn.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// The grapheme clusters of `s`, in order.
pub fn graphemes(s: &str) -> impl Iterator<Item = &str> {
    s.graphemes(true)
}

/// Columns one grapheme cluster takes, as the buffer draws it: a cluster holding a control
/// character is not drawn at all (text is sanitized before it gets here).
pub fn of_grapheme(g: &str) -> usize {
    if g.chars().any(char::is_control) {
        return 0;
    }
    g.cell_width() as usize
}

/// Columns `s` takes: the sum of its clusters'.
pub fn of(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    graphemes(s).map(of_grapheme).sum()
}

/// The longest start of `s` made of whole clusters that fits in `width` columns.
pub fn cut(s: &str, width: usize) -> &str {
    let mut used = 0;
    for (i, g) in s.grapheme_indices(true) {
        used += of_grapheme(g);
        if used > width {
            return &s[..i];
        }
    }
    s
}

/// `s` in `width` columns: whole, or cut with an ellipsis that takes the last column.
pub fn fit(s: &str, width: usize) -> String {
    if of(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    format!("{}…", cut(s, width - 1))
}

/// [`fit`], then padded with spaces to exactly `width` columns (`format!("{:<18}")` pads
/// by characters: a CJK or emoji title would push the columns after it out of line).
pub fn pad(s: &str, width: usize) -> String {
    let mut out = fit(s, width);
    let room = width.saturating_sub(of(&out));
    out.extend(std::iter::repeat_n(' ', room));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEART: &str = "\u{2764}\u{fe0f}";
    const FAMILY: &str = "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}";
    const ACCENTED: &str = "e\u{301}";

    #[test]
    fn a_cluster_is_one_unit_of_its_drawn_width() {
        assert_eq!(of(HEART), 2);
        assert_eq!(of(FAMILY), 2);
        assert_eq!(of(ACCENTED), 1);
        assert_eq!(of("日本"), 4);
        assert_eq!(of("abc"), 3);
        // As the buffer draws it.
        for s in [HEART, FAMILY, ACCENTED, "日本", "a❤️b"] {
            let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 20, 1));
            let (x, _) = buf.set_stringn(0, 0, s, 20, ratatui::style::Style::default());
            assert_eq!(x as usize, of(s), "{s:?}");
        }
    }

    #[test]
    fn cutting_never_splits_a_cluster_nor_overflows() {
        let text = format!("I {HEART} {FAMILY} caf{ACCENTED} 日本語");
        for width in 0..=of(&text) + 1 {
            let cut = cut(&text, width);
            assert!(text.starts_with(cut));
            assert!(of(cut) <= width, "{width}: {cut:?}");
            let fitted = fit(&text, width);
            assert!(of(&fitted) <= width, "{width}: {fitted:?}");
            assert_eq!(of(&pad(&text, width)), width, "{width}");
        }
        assert_eq!(cut(&text, 3), "I ");
        assert_eq!(cut(&text, 4), format!("I {HEART}"));
        assert_eq!(fit(&format!("caf{ACCENTED}s"), 4), format!("caf…"));
        assert_eq!(fit(&format!("caf{ACCENTED}"), 4), format!("caf{ACCENTED}"));
    }
}
