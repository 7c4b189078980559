//! Styles: a default theme of the 16 named ANSI colours (which follow the user's palette and
//! survive any SSH link), and a `NO_COLOR` theme that sets no colour at all and keeps every
//! distinction with bold, underline, italic, reverse and text markers.

use ratatui::style::{Color, Modifier, Style};

/// The styles every pane draws with.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// A pane's border when it does not have the focus.
    pub border: Style,
    /// The border of the pane with the focus.
    pub focused_border: Style,
    /// Titles and headings.
    pub title: Style,
    /// The selected row.
    pub selected: Style,
    /// Hints and text of less weight (metadata, page markers, placeholders).
    pub dim: Style,
    /// How figures are picked out.
    pub figure: Style,
    /// How dates are picked out.
    pub date: Style,
    /// How commitments are picked out (and their mark in the reader's margin).
    pub commitment: Style,
    /// A span just jumped to (finder hit, figure, search match).
    pub mark: Style,
    /// The characters a query matched.
    pub matched: Style,
    /// The reader's cursor mark in the left margin.
    pub gutter: Style,
    /// An error message.
    pub error: Style,
    /// Keys, in the help and before a prompt.
    pub key: Style,
    /// An overdue deadline on the timeline (its glyph differs too: never style alone).
    pub overdue: Style,
}

impl Theme {
    /// The default theme: the 16 named ANSI colours.
    pub fn colour() -> Theme {
        let fg = |c: Color| Style::default().fg(c);
        Theme {
            border: fg(Color::DarkGray),
            focused_border: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            title: Style::default().add_modifier(Modifier::BOLD),
            selected: Style::default().add_modifier(Modifier::REVERSED),
            dim: fg(Color::DarkGray),
            figure: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            date: fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
            commitment: fg(Color::Green).add_modifier(Modifier::ITALIC),
            mark: Style::default().add_modifier(Modifier::REVERSED),
            matched: fg(Color::Magenta).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            gutter: fg(Color::Blue).add_modifier(Modifier::BOLD),
            error: fg(Color::Red).add_modifier(Modifier::BOLD),
            key: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            overdue: fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }

    /// For `NO_COLOR`: no colour anywhere (a colour change would also reset the bold or
    /// reverse of its cell in some terminals), distinctions by modifiers and markers.
    pub fn mono() -> Theme {
        let m = |m: Modifier| Style::default().add_modifier(m);
        Theme {
            border: Style::default(),
            focused_border: m(Modifier::BOLD),
            title: m(Modifier::BOLD),
            selected: m(Modifier::REVERSED),
            dim: Style::default(),
            figure: m(Modifier::BOLD),
            date: m(Modifier::UNDERLINED),
            commitment: m(Modifier::ITALIC),
            mark: m(Modifier::REVERSED),
            matched: m(Modifier::BOLD | Modifier::UNDERLINED),
            gutter: m(Modifier::BOLD),
            error: m(Modifier::BOLD | Modifier::REVERSED),
            key: m(Modifier::BOLD),
            overdue: m(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// The `NO_COLOR` theme when `mono`, else the colour one.
    pub fn pick(mono: bool) -> Theme {
        if mono { Theme::mono() } else { Theme::colour() }
    }
}

/// `--color`: whether output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour for a terminal, unless `NO_COLOR` says otherwise or `CLICOLOR_FORCE` asks
    /// for colour everywhere.
    #[default]
    Auto,
    /// Colour, even into a pipe.
    Always,
    /// No colour, even on a terminal.
    Never,
}

/// Whether output going to a terminal (`terminal`) or not is coloured. The option wins
/// (no-color.org: a per-run argument overrides the environment); with `auto`, `NO_COLOR`
/// set and not empty means none, then `CLICOLOR_FORCE` set and not `0` means colour even
/// into a pipe, then colour for a terminal only.
pub fn colour(choice: ColorChoice, terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR").is_some() => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
        ColorChoice::Auto => terminal,
    }
}
