//! Keys as keymap files write them (`ctrl-c`, `shift-tab`, `pagedown`, `f1`, `G`) and as the
//! terminal reports them, normalized so the two compare equal: the same code reads files and
//! incoming events, and the printed form parses back to the same key.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Base {
    /// A printable character; case matters (`G` is shift-g).
    Char(char),
    /// A key with a name (`esc`, `pagedown`, `space`…).
    Named(Named),
    /// A function key by number: `f1` to `f12` in keymap files.
    F(u8),
}

/// The keys a keymap names in words, not by their character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Named {
    /// `esc` (also `escape`).
    Esc,
    /// `enter` (also `return`).
    Enter,
    /// `tab`; `shift-tab` is back-tab.
    Tab,
    /// `backspace`.
    Backspace,
    /// `delete` (also `del`).
    Delete,
    /// `insert`.
    Insert,
    /// `home`.
    Home,
    /// `end`.
    End,
    /// `pageup` (also `pgup`).
    PageUp,
    /// `pagedown` (also `pgdown`).
    PageDown,
    /// `up`, the arrow.
    Up,
    /// `down`, the arrow.
    Down,
    /// `left`, the arrow.
    Left,
    /// `right`, the arrow.
    Right,
    /// `space` (a typed ` ` is this key too).
    Space,
}

const NAMES: [(&str, Named); 15] = [
    ("esc", Named::Esc),
    ("enter", Named::Enter),
    ("tab", Named::Tab),
    ("backspace", Named::Backspace),
    ("delete", Named::Delete),
    ("insert", Named::Insert),
    ("home", Named::Home),
    ("end", Named::End),
    ("pageup", Named::PageUp),
    ("pagedown", Named::PageDown),
    ("up", Named::Up),
    ("down", Named::Down),
    ("left", Named::Left),
    ("right", Named::Right),
    ("space", Named::Space),
];

/// Other spellings accepted in files; the canonical name is always printed.
const ALIASES: [(&str, &str); 6] = [
    ("return", "enter"),
    ("escape", "esc"),
    ("del", "delete"),
    ("pgup", "pageup"),
    ("pgdown", "pagedown"),
    ("minus", "-"),
];

/// A key with its modifiers, normalized: a character never carries `shift` (it is in the
/// character's case), `backtab` is `shift-tab`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// Control held (`ctrl-`).
    pub ctrl: bool,
    /// Alt (meta) held (`alt-`).
    pub alt: bool,
    /// Shift held (`shift-`): never on a character, whose case says it.
    pub shift: bool,
    /// The key itself.
    pub base: Base,
}

impl Key {
    /// The key without modifiers.
    pub const fn plain(base: Base) -> Key {
        Key {
            ctrl: false,
            alt: false,
            shift: false,
            base,
        }
    }

    /// Whether typing this key in a text field should insert a character.
    pub fn is_printable(&self) -> bool {
        !self.ctrl && !self.alt && matches!(self.base, Base::Char(_) | Base::Named(Named::Space))
    }

    /// The key a terminal event stands for (`None` for keys a keymap cannot name).
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        let m = event.modifiers;
        let (base, shift) = match event.code {
            KeyCode::Char(' ') => (Base::Named(Named::Space), m.contains(KeyModifiers::SHIFT)),
            // The case already says it; terminals differ on whether they add SHIFT.
            KeyCode::Char(c) => (Base::Char(c), false),
            KeyCode::BackTab => (Base::Named(Named::Tab), true),
            KeyCode::F(n) => (Base::F(n), m.contains(KeyModifiers::SHIFT)),
            code => {
                let named = match code {
                    KeyCode::Esc => Named::Esc,
                    KeyCode::Enter => Named::Enter,
                    KeyCode::Tab => Named::Tab,
                    KeyCode::Backspace => Named::Backspace,
                    KeyCode::Delete => Named::Delete,
                    KeyCode::Insert => Named::Insert,
                    KeyCode::Home => Named::Home,
                    KeyCode::End => Named::End,
                    KeyCode::PageUp => Named::PageUp,
                    KeyCode::PageDown => Named::PageDown,
                    KeyCode::Up => Named::Up,
                    KeyCode::Down => Named::Down,
                    KeyCode::Left => Named::Left,
                    KeyCode::Right => Named::Right,
                    _ => return None,
                };
                (Base::Named(named), m.contains(KeyModifiers::SHIFT))
            }
        };
        Some(Key {
            ctrl: m.contains(KeyModifiers::CONTROL),
            alt: m.contains(KeyModifiers::ALT),
            shift,
            base,
        })
    }
}

impl Key {
    /// The terminal event a terminal would send for this key (for tests and replays).
    pub fn to_event(self) -> KeyEvent {
        let mut modifiers = KeyModifiers::NONE;
        if self.ctrl {
            modifiers |= KeyModifiers::CONTROL;
        }
        if self.alt {
            modifiers |= KeyModifiers::ALT;
        }
        let code = match self.base {
            Base::Char(c) => {
                if c.is_uppercase() {
                    modifiers |= KeyModifiers::SHIFT;
                }
                KeyCode::Char(c)
            }
            Base::F(n) => {
                if self.shift {
                    modifiers |= KeyModifiers::SHIFT;
                }
                KeyCode::F(n)
            }
            Base::Named(Named::Tab) if self.shift => {
                modifiers |= KeyModifiers::SHIFT;
                KeyCode::BackTab
            }
            Base::Named(n) => {
                if self.shift {
                    modifiers |= KeyModifiers::SHIFT;
                }
                match n {
                    Named::Esc => KeyCode::Esc,
                    Named::Enter => KeyCode::Enter,
                    Named::Tab => KeyCode::Tab,
                    Named::Backspace => KeyCode::Backspace,
                    Named::Delete => KeyCode::Delete,
                    Named::Insert => KeyCode::Insert,
                    Named::Home => KeyCode::Home,
                    Named::End => KeyCode::End,
                    Named::PageUp => KeyCode::PageUp,
                    Named::PageDown => KeyCode::PageDown,
                    Named::Up => KeyCode::Up,
                    Named::Down => KeyCode::Down,
                    Named::Left => KeyCode::Left,
                    Named::Right => KeyCode::Right,
                    Named::Space => KeyCode::Char(' '),
                }
            }
        };
        KeyEvent::new(code, modifiers)
    }
}

/// Why a key could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Nothing was written where a key was expected.
    #[error("empty key")]
    Empty,
    /// Not a character, a key name or an alias (with the nearest name, if one is close).
    #[error("unknown key `{0}`{hint}", hint = suggest(.0))]
    Unknown(String),
    /// A prefix that is not `ctrl`, `alt` or `shift`.
    #[error("unknown modifier `{0}` (ctrl, alt or shift)")]
    Modifier(String),
    /// A key ending in `-` after a modifier (`ctrl--`), which must be written `ctrl-minus`.
    #[error("`{0}`: write `-` as `minus` after a modifier (`ctrl-minus`)")]
    Minus(String),
    /// A sequence of more than three keys.
    #[error("a sequence has at most 3 keys")]
    TooLong,
}

fn suggest(word: &str) -> String {
    let names = NAMES
        .iter()
        .map(|(n, _)| *n)
        .chain(ALIASES.iter().map(|(a, _)| *a));
    match super::nearest(word, names) {
        Some(n) => format!(" (did you mean `{n}`?)"),
        None => String::new(),
    }
}

impl std::str::FromStr for Key {
    type Err = KeyError;

    fn from_str(text: &str) -> Result<Key, KeyError> {
        if text.is_empty() {
            return Err(KeyError::Empty);
        }
        // The last part is the base; a lone `-` or one after `ctrl-` is ambiguous.
        let mut parts: Vec<&str> = text.split('-').collect();
        if text.ends_with('-') {
            return match text {
                "-" => Ok(Key::plain(Base::Char('-'))),
                _ => Err(KeyError::Minus(text.to_string())),
            };
        }
        let base_text = parts.pop().unwrap_or_default();
        let mut key = Key::plain(Base::Char(' '));
        for m in parts {
            match m.to_ascii_lowercase().as_str() {
                "ctrl" | "c" | "control" => key.ctrl = true,
                "alt" | "a" | "meta" | "m" => key.alt = true,
                "shift" | "s" => key.shift = true,
                _ => return Err(KeyError::Modifier(m.to_string())),
            }
        }
        let mut chars = base_text.chars();
        key.base = match (chars.next(), chars.next()) {
            (Some(c), None) => Base::Char(c),
            _ => {
                let lower = base_text.to_ascii_lowercase();
                let name = ALIASES
                    .iter()
                    .find(|(a, _)| *a == lower)
                    .map_or(lower.as_str(), |(_, n)| n);
                if name == "-" {
                    Base::Char('-')
                } else if name == "backtab" {
                    key.shift = true;
                    Base::Named(Named::Tab)
                } else if let Some((_, n)) = NAMES.iter().find(|(n, _)| *n == name) {
                    Base::Named(*n)
                } else if let Some(n) = name
                    .strip_prefix('f')
                    .and_then(|d| d.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n))
                {
                    Base::F(n)
                } else {
                    return Err(KeyError::Unknown(base_text.to_string()));
                }
            }
        };
        // `shift-g` is `G`; shift on a character without case is dropped, as terminals do.
        if let Base::Char(c) = key.base
            && key.shift
        {
            key.shift = false;
            let mut upper = c.to_uppercase();
            if let (Some(u), None) = (upper.next(), upper.next()) {
                key.base = Base::Char(u);
            }
        }
        if key.base == Base::Char(' ') {
            key.base = Base::Named(Named::Space);
        }
        Ok(key)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.base {
            Base::Char('-') if self.ctrl || self.alt || self.shift => f.write_str("minus"),
            Base::Char(c) => write!(f, "{c}"),
            Base::Named(n) => {
                let name = NAMES.iter().find(|(_, x)| *x == n).map_or("?", |(s, _)| s);
                f.write_str(name)
            }
            Base::F(n) => write!(f, "f{n}"),
        }
    }
}

/// A key sequence such as `g g` (keys separated by single spaces).
pub fn parse_sequence(text: &str) -> Result<Vec<Key>, KeyError> {
    let keys: Vec<Key> = text.split(' ').map(str::parse).collect::<Result<_, _>>()?;
    if keys.len() > 3 {
        return Err(KeyError::TooLong);
    }
    Ok(keys)
}

/// A key sequence as keymap files write it: the keys separated by single spaces.
pub fn display_sequence(keys: &[Key]) -> String {
    keys.iter()
        .map(Key::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn key(s: &str) -> Key {
        s.parse().unwrap()
    }

    #[test]
    fn spellings_normalize() {
        assert_eq!(key("shift-g"), key("G"));
        assert_eq!(key("G").to_string(), "G");
        assert_eq!(key("backtab"), key("shift-tab"));
        assert_eq!(key("CTRL-c"), key("ctrl-c"));
        assert_ne!(key("ctrl-C"), key("ctrl-c"), "characters keep their case");
        assert_eq!(key("return"), key("enter"));
        assert_eq!(key("ctrl-minus").to_string(), "ctrl-minus");
        assert_eq!(key("-").to_string(), "-");
        assert_eq!(key("space"), Key::plain(Base::Named(Named::Space)));
        assert_eq!(key("f12"), Key::plain(Base::F(12)));
        assert_ne!(key("g"), key("G"));
    }

    #[test]
    fn bad_keys_say_why() {
        assert_eq!(
            "ctrl--".parse::<Key>(),
            Err(KeyError::Minus("ctrl--".into()))
        );
        let e = "pagdown".parse::<Key>().unwrap_err().to_string();
        assert!(e.contains("did you mean `pagedown`"), "{e}");
        assert!(matches!(
            "hyper-x".parse::<Key>(),
            Err(KeyError::Modifier(_))
        ));
        assert!(matches!("f13".parse::<Key>(), Err(KeyError::Unknown(_))));
        assert_eq!(parse_sequence("g g g g"), Err(KeyError::TooLong));
        assert_eq!(parse_sequence(""), Err(KeyError::Empty));
    }

    #[test]
    fn events_match_file_keys() {
        let ev = |code, modifiers| KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: ratatui::crossterm::event::KeyEventState::NONE,
        };
        let from = |code, m| Key::from_event(&ev(code, m)).unwrap();
        assert_eq!(from(KeyCode::Char('G'), KeyModifiers::SHIFT), key("G"));
        assert_eq!(
            from(KeyCode::BackTab, KeyModifiers::SHIFT),
            key("shift-tab")
        );
        assert_eq!(
            from(KeyCode::Char('c'), KeyModifiers::CONTROL),
            key("ctrl-c")
        );
        assert_eq!(from(KeyCode::Char(' '), KeyModifiers::NONE), key("space"));
        assert_eq!(from(KeyCode::PageDown, KeyModifiers::NONE), key("pagedown"));
        assert_eq!(from(KeyCode::F(1), KeyModifiers::NONE), key("f1"));
    }

    proptest::proptest! {
        /// Printing a key and reading it back gives the same key.
        #[test]
        fn display_round_trips(
            ctrl: bool, alt: bool, shift: bool,
            which in 0usize..4, c in proptest::char::range('!', '~'), n in 0usize..15, f in 1u8..13,
        ) {
            let base = match which {
                0 | 1 => Base::Char(c),
                2 => Base::Named(NAMES[n].1),
                _ => Base::F(f),
            };
            let text = Key { ctrl, alt, shift, base }.to_string();
            let parsed: Key = text.parse().unwrap();
            proptest::prop_assert_eq!(parsed.to_string().parse::<Key>().unwrap(), parsed);
            // And through the terminal's event and back.
            proptest::prop_assert_eq!(Key::from_event(&parsed.to_event()), Some(parsed));
        }
    }
}
