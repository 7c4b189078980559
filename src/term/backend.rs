//! A ratatui backend that writes few bytes: what a slow SSH link carries per key.
//!
//! It keeps its own picture of the screen and, for each frame:
//! - scrolls a band of rows with the terminal's scroll region (DECSTBM + SU/SD) when the new
//!   frame is the old one moved up or down, so a line scroll sends one new line;
//! - writes the unchanged cells of a short gap rather than jumping over them (a cursor move
//!   costs more than a few spaces), and clears the blank end of a row with one erase;
//! - changes attributes only when they change, and sends the cursor-hiding sequence only
//!   when the cursor is shown;
//! - wraps frames larger than one write in a synchronized update, so terminals that know it
//!   show them whole (a small frame leaves in one write anyway).
//!
//! It never asks the terminal anything (no cursor-position query).

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::queue;
use ratatui::crossterm::style::Print;
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// Frames bigger than this are wrapped in a synchronized update.
const SYNC_BYTES: usize = 1024;
/// Unchanged cells written rather than jumped over (a jump is `ESC [ row ; col H`).
const GAP: u16 = 7;

/// A backend that sends only what changed, by the cheapest means (see the module's notes).
pub struct LeanBackend<W: Write> {
    out: W,
    frame: Vec<u8>,
    screen: Buffer,
    cursor: Option<(u16, u16)>,
    cursor_shown: bool,
    style: (Color, Color, Modifier),
    /// The scroll region set on the terminal (first and last row), if any.
    region: Option<(u16, u16)>,
}

impl<W: Write> LeanBackend<W> {
    /// A backend for a screen of `size` that has just been cleared.
    pub fn new(out: W, size: (u16, u16)) -> Self {
        LeanBackend {
            out,
            frame: Vec::new(),
            screen: Buffer::empty(Rect::new(0, 0, size.0, size.1)),
            cursor: None,
            cursor_shown: false,
            style: (Color::Reset, Color::Reset, Modifier::empty()),
            region: None,
        }
    }

    /// The output it writes to, for sequences of its own (the clipboard's OSC 52).
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    fn row_equal(a: &Buffer, ay: u16, b: &Buffer, by: u16) -> bool {
        let w = a.area.width;
        (0..w).all(|x| a[(x, ay)] == b[(x, by)])
    }

    /// About how many bytes turning row `from` of `old` (blank when `None`) into row `y`
    /// of `next` costs: the changed cells, and a cursor move per run of them.
    fn row_cost(next: &Buffer, y: u16, old: Option<(&Buffer, u16)>) -> usize {
        let blank = Cell::default();
        let mut cost = 0;
        let mut gap = usize::MAX;
        for x in 0..next.area.width {
            let was = old.map_or(&blank, |(b, from)| &b[(x, from)]);
            if next[(x, y)] == *was {
                gap = gap.saturating_add(1);
                continue;
            }
            cost += if gap > GAP as usize { 8 } else { gap };
            cost += next[(x, y)].symbol().len();
            gap = 0;
        }
        cost
    }

    /// Moves rows of the terminal (and of the picture) when `next` is mostly the picture
    /// shifted up or down: a band of the rows that changed is scrolled by the shift that
    /// makes the rest cheapest to write, when that beats writing it in place. The band may
    /// leave out a changed row or two at either end, written in place instead: a title
    /// whose line number changed, a status message, must not make the text below them
    /// cost a whole screen.
    fn scroll_toward(&mut self, next: &Buffer) -> io::Result<()> {
        let h = self.screen.area.height;
        let changed: Vec<u16> = (0..h)
            .filter(|&y| !Self::row_equal(&self.screen, y, next, y))
            .collect();
        let (Some(&first), Some(&last)) = (changed.first(), changed.last()) else {
            return Ok(());
        };
        if last - first < 3 {
            return Ok(());
        }
        let in_place: Vec<usize> = changed
            .iter()
            .map(|&y| Self::row_cost(next, y, Some((&self.screen, y))))
            .collect();
        let total: usize = in_place.iter().sum();
        // What rows `top..=bottom` cost when shifted by `shift`: row y shows picture row
        // y + shift, or a blank row.
        let band = |top: u16, bottom: u16, shift: i32| -> usize {
            (top..=bottom)
                .map(|y| {
                    let from = y as i32 + shift;
                    let old = (top as i32..=bottom as i32)
                        .contains(&from)
                        .then_some((&self.screen, from as u16));
                    Self::row_cost(next, y, old)
                })
                .sum::<usize>()
                + 12 // the scroll itself
        };
        // The shift, found on the whole band (rows at its ends cost alike at every shift).
        let mut best_shift: Option<(usize, i32)> = None;
        let span = (last - first) as i32;
        for k in 1..=(span / 2).max(1) {
            for shift in [k, -k] {
                let bytes = band(first, last, shift);
                if best_shift.is_none_or(|b| bytes < b.0) {
                    best_shift = Some((bytes, shift));
                }
            }
        }
        let Some((_, shift)) = best_shift else {
            return Ok(());
        };
        // Then the band: from one of the first changed rows to one of the last.
        let heads = &changed[..changed.len().min(3)];
        let tails = &changed[changed.len().saturating_sub(3)..];
        let mut best: Option<(usize, u16, u16)> = None;
        for &top in heads {
            for &bottom in tails {
                if bottom < top + 3 {
                    continue;
                }
                let outside: usize = changed
                    .iter()
                    .zip(&in_place)
                    .filter(|(y, _)| **y < top || **y > bottom)
                    .map(|(_, c)| c)
                    .sum();
                // Setting another region costs its sequence and homes the cursor: the
                // region already set wins a tie.
                let region = if self.region == Some((top, bottom)) {
                    0
                } else {
                    10
                };
                let bytes = band(top, bottom, shift) + outside + region;
                if best.is_none_or(|b| bytes < b.0) {
                    best = Some((bytes, top, bottom));
                }
            }
        }
        let Some((bytes, top, bottom)) = best else {
            return Ok(());
        };
        if bytes >= total {
            return Ok(());
        }
        let k = shift.unsigned_abs() as u16;
        if self.region != Some((top, bottom)) {
            write!(self.frame, "\x1b[{};{}r", top + 1, bottom + 1)?;
            self.region = Some((top, bottom));
            self.cursor = None; // DECSTBM homes the cursor
        }
        if self.style.1 != Color::Reset {
            self.reset_style()?;
        }
        let (n, code) = match k {
            1 => (String::new(), if shift > 0 { 'S' } else { 'T' }),
            k => (k.to_string(), if shift > 0 { 'S' } else { 'T' }),
        };
        write!(self.frame, "\x1b[{n}{code}")?;
        let w = self.screen.area.width;
        let blank = Cell::default();
        if shift > 0 {
            for y in top..=bottom {
                for x in 0..w {
                    let cell = if y + k <= bottom {
                        self.screen[(x, y + k)].clone()
                    } else {
                        blank.clone()
                    };
                    self.screen[(x, y)] = cell;
                }
            }
        } else {
            for y in (top..=bottom).rev() {
                for x in 0..w {
                    let cell = if y >= top + k {
                        self.screen[(x, y - k)].clone()
                    } else {
                        blank.clone()
                    };
                    self.screen[(x, y)] = cell;
                }
            }
        }
        Ok(())
    }

    fn reset_style(&mut self) -> io::Result<()> {
        self.frame.extend_from_slice(b"\x1b[0m");
        self.style = (Color::Reset, Color::Reset, Modifier::empty());
        Ok(())
    }

    /// Changes the attributes to the cell's in one sequence (`ESC [ 0 ; 3 ; 32 m` rather
    /// than three): a reset when a modifier goes, then what is added.
    fn set_style(&mut self, cell: &Cell) -> io::Result<()> {
        let mut params: Vec<u8> = Vec::new();
        if !(self.style.2 - cell.modifier).is_empty() {
            params.push(0);
            self.style = (Color::Reset, Color::Reset, Modifier::empty());
        }
        let (fg0, bg0, mods0) = self.style;
        let added = cell.modifier - mods0;
        for (m, code) in [
            (Modifier::BOLD, 1),
            (Modifier::DIM, 2),
            (Modifier::ITALIC, 3),
            (Modifier::UNDERLINED, 4),
            (Modifier::SLOW_BLINK, 5),
            (Modifier::RAPID_BLINK, 6),
            (Modifier::REVERSED, 7),
            (Modifier::HIDDEN, 8),
            (Modifier::CROSSED_OUT, 9),
        ] {
            if added.contains(m) {
                params.push(code);
            }
        }
        let mut sgr = String::new();
        for p in &params {
            sgr.push_str(&format!("{p};"));
        }
        if cell.fg != fg0 {
            sgr.push_str(&colour(cell.fg, false));
            sgr.push(';');
        }
        if cell.bg != bg0 {
            sgr.push_str(&colour(cell.bg, true));
            sgr.push(';');
        }
        if let Some(params) = sgr.strip_suffix(';') {
            write!(self.frame, "\x1b[{params}m")?;
        }
        self.style = (cell.fg, cell.bg, cell.modifier);
        Ok(())
    }

    /// Moves the cursor with the shortest sequence that gets there: a carriage return, a
    /// next-line (not from the bottom row of a scroll region, where it stays), a relative
    /// step, or an absolute position (its column left out when it is the first).
    fn move_to(&mut self, x: u16, y: u16) -> io::Result<()> {
        if self.cursor == Some((x, y)) {
            return Ok(());
        }
        let absolute = if x == 0 {
            format!("\x1b[{}H", y + 1)
        } else {
            format!("\x1b[{};{}H", y + 1, x + 1)
        };
        let width = self.screen.area.width;
        let relative = match self.cursor {
            // Past the last column the terminal waits to wrap: only CR and CNL are sure.
            Some((_, cy)) if cy == y && x == 0 => Some("\r".to_string()),
            // Not from the scroll region's last row: the cursor would stay on it.
            Some((_, cy))
                if cy + 1 == y && x == 0 && self.region.is_none_or(|(_, bottom)| cy != bottom) =>
            {
                Some("\x1b[E".to_string())
            }
            Some((cx, cy)) if cy == y && cx < width && x > cx => Some(match x - cx {
                1 => "\x1b[C".to_string(),
                n => format!("\x1b[{n}C"),
            }),
            Some((cx, cy)) if cy == y && cx < width && x < cx => Some(match cx - x {
                1 => "\x1b[D".to_string(),
                n => format!("\x1b[{n}D"),
            }),
            _ => None,
        };
        let seq = match relative {
            Some(r) if r.len() < absolute.len() => r,
            _ => absolute,
        };
        self.frame.extend_from_slice(seq.as_bytes());
        self.cursor = Some((x, y));
        Ok(())
    }

    fn print(&mut self, x: u16, y: u16, cell: &Cell) -> io::Result<u16> {
        self.move_to(x, y)?;
        self.set_style(cell)?;
        let symbol = cell.symbol();
        queue!(self.frame, Print(symbol))?;
        let width = symbol.width().max(1) as u16;
        self.cursor = Some((x + width, y));
        Ok(width)
    }

    /// Writes what changed from the picture to `next`, row by row.
    fn paint(&mut self, next: &Buffer) -> io::Result<()> {
        let updates: Vec<(u16, u16)> = self
            .screen
            .diff(next)
            .into_iter()
            .map(|(x, y, _)| (x, y))
            .collect();
        let w = next.area.width;
        let blank = Cell::default();
        let mut i = 0;
        while i < updates.len() {
            let y = updates[i].1;
            let mut row: Vec<u16> = Vec::new();
            while i < updates.len() && updates[i].1 == y {
                row.push(updates[i].0);
                i += 1;
            }
            // The blank end of the row, cleared with one erase when it saves bytes.
            let tail = (0..w)
                .rev()
                .find(|&x| next[(x, y)] != blank)
                .map_or(0, |x| {
                    x + 1 + next[(x, y)].symbol().width().saturating_sub(1) as u16
                });
            let erased = row.iter().filter(|&&x| x >= tail).count();
            let erase = erased > 3;
            if erase {
                row.retain(|&x| x < tail);
            }
            let mut k = 0;
            while k < row.len() {
                let mut x = row[k];
                let mut end = x; // last cell to write in this run
                while k + 1 < row.len()
                    && row[k + 1] > end
                    && row[k + 1] - end <= GAP
                    && (end..row[k + 1]).all(|g| next[(g, y)].symbol().width() == 1)
                {
                    k += 1;
                    end = row[k];
                }
                while x <= end {
                    let cell = next[(x, y)].clone();
                    x += self.print(x, y, &cell)?;
                }
                k += 1;
            }
            if erase {
                self.move_to(tail, y)?;
                if self.style != (Color::Reset, Color::Reset, Modifier::empty()) {
                    self.reset_style()?;
                }
                self.frame.extend_from_slice(b"\x1b[K");
            }
        }
        Ok(())
    }
}

/// A colour's SGR parameters, with the classic codes (`31`, `94`, `39`): 16-colour
/// terminals understand them, and they are shorter than the 256-colour form.
fn colour(c: Color, background: bool) -> String {
    let base = if background { 40 } else { 30 };
    let code = match c {
        Color::Reset => base + 9,
        Color::Black => base,
        Color::Red => base + 1,
        Color::Green => base + 2,
        Color::Yellow => base + 3,
        Color::Blue => base + 4,
        Color::Magenta => base + 5,
        Color::Cyan => base + 6,
        Color::Gray => base + 7,
        Color::DarkGray => base + 60,
        Color::LightRed => base + 61,
        Color::LightGreen => base + 62,
        Color::LightYellow => base + 63,
        Color::LightBlue => base + 64,
        Color::LightMagenta => base + 65,
        Color::LightCyan => base + 66,
        Color::White => base + 67,
        Color::Indexed(i) => return format!("{};5;{i}", base + 8),
        Color::Rgb(r, g, b) => return format!("{};2;{r};{g};{b}", base + 8),
    };
    code.to_string()
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut next = self.screen.clone();
        let area = next.area;
        for (x, y, cell) in content {
            if x < area.width && y < area.height {
                next[(x, y)] = cell.clone();
            }
        }
        self.scroll_toward(&next)?;
        self.paint(&next)?;
        self.screen = next;
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown {
            self.frame.extend_from_slice(b"\x1b[?25l");
            self.cursor_shown = false;
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if !self.cursor_shown {
            self.frame.extend_from_slice(b"\x1b[?25h");
            self.cursor_shown = true;
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = self.cursor.unwrap_or((0, 0));
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        self.move_to(p.x, p.y)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        if clear_type == ClearType::All {
            self.reset_style()?;
            self.frame.extend_from_slice(b"\x1b[r\x1b[2J");
            self.region = None;
            self.cursor = None;
            self.screen.reset();
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.screen.area.as_size())
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.screen.area.as_size(),
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.frame.len() > SYNC_BYTES {
            self.out.write_all(b"\x1b[?2026h")?;
            self.out.write_all(&self.frame)?;
            self.out.write_all(b"\x1b[?2026l")?;
        } else {
            self.out.write_all(&self.frame)?;
        }
        self.frame.clear();
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::widgets::Paragraph;

    /// A terminal of `w`×`h` drawn through the lean backend into a buffer.
    fn terminal(w: u16, h: u16) -> Terminal<LeanBackend<Vec<u8>>> {
        let viewport = ratatui::Viewport::Fixed(Rect::new(0, 0, w, h));
        Terminal::with_options(
            LeanBackend::new(Vec::new(), (w, h)),
            ratatui::TerminalOptions { viewport },
        )
        .unwrap()
    }

    /// Replays what the backend wrote through a terminal emulator.
    fn replay(bytes: &[u8], w: u16, h: u16) -> vt100::Parser {
        let mut p = vt100::Parser::new(
            std::num::NonZeroU16::new(h).unwrap(),
            std::num::NonZeroU16::new(w).unwrap(),
            0,
        );
        p.process(bytes);
        p
    }

    /// The screen's rows after what the backend wrote.
    fn emulate(bytes: &[u8], w: u16, h: u16) -> Vec<String> {
        // A written space and an empty cell look the same.
        replay(bytes, w, h)
            .screen()
            .rows(0, w)
            .map(|r| r.trim_end().to_string())
            .collect()
    }

    fn frame(t: &mut Terminal<LeanBackend<Vec<u8>>>, lines: &[String]) -> usize {
        let before = t.backend().out.len();
        t.draw(|f| f.render_widget(Paragraph::new(lines.join("\n")), f.area()))
            .unwrap();
        t.backend().out.len() - before
    }

    #[test]
    fn a_title_that_changes_with_each_scroll_stays_out_of_the_scrolled_band() {
        let (w, h) = (60u16, 14u16);
        let text: Vec<String> = (0..80)
            .map(|i| format!("line {i} of the document, some more words"))
            .collect();
        let mut t = terminal(w, h);
        // A title line with the position (less's `line/total  NN%`), the text, a status line.
        let screen_at = |top: usize| -> Vec<String> {
            let rows = h as usize - 2;
            let mut lines = vec![format!(
                "Title ──────────── {}/80  {}%",
                top + 1,
                (top + rows) * 100 / 80
            )];
            lines.extend(text[top..top + rows].iter().cloned());
            // A status line that changes too: written after the region's last row.
            lines.push(format!("{top}"));
            lines
        };
        frame(&mut t, &screen_at(0));
        let mut per_scroll = Vec::new();
        for top in 1..30 {
            let shown = screen_at(top);
            per_scroll.push(frame(&mut t, &shown));
            assert_eq!(
                emulate(&t.backend().out, w, h),
                shown,
                "after scrolling to {top}"
            );
        }
        // A line of ~42 characters, a scroll, and a few digits of the title.
        assert!(per_scroll.iter().all(|&n| n < 80), "{per_scroll:?}");
    }

    #[test]
    fn what_it_writes_shows_the_frame_and_a_scroll_costs_one_line() {
        let (w, h) = (40u16, 12u16);
        let text: Vec<String> = (0..60)
            .map(|i| format!("line {i} of the document, some words"))
            .collect();
        let mut t = terminal(w, h);
        let mut shown: Vec<String> = text[0..h as usize].to_vec();
        frame(&mut t, &shown);
        let mut per_scroll = Vec::new();
        for top in 1..20 {
            shown = text[top..top + h as usize].to_vec();
            per_scroll.push(frame(&mut t, &shown));
            let screen = emulate(&t.backend().out, w, h);
            assert_eq!(screen, shown, "after scrolling to {top}");
        }
        // A line of ~36 characters, a scroll and a cursor move.
        assert!(per_scroll.iter().all(|&n| n < 60), "{per_scroll:?}");
        // A jump far away and back, shorter lines (erase), up by three.
        for top in [40usize, 10, 7] {
            shown = text[top..top + h as usize]
                .iter()
                .map(|l| l[..(top % 9) + 3].trim_end().to_string())
                .collect();
            frame(&mut t, &shown);
            assert_eq!(emulate(&t.backend().out, w, h), shown, "at {top}");
        }
    }

    /// Attributes change in one sequence each, and the emulated screen has them right.
    #[test]
    fn a_change_of_attributes_is_one_sequence() {
        use ratatui::style::Style;
        use ratatui::text::{Line, Span};
        let (w, h) = (40u16, 2u16);
        let mut t = terminal(w, h);
        let line = Line::from(vec![
            Span::styled("kept ", Style::new().green().italic()),
            Span::styled("10m", Style::new().green().italic().bold().yellow()),
            Span::styled(" plain", Style::new()),
        ]);
        t.draw(|f| f.render_widget(Paragraph::new(line), f.area()))
            .unwrap();
        let out = String::from_utf8_lossy(&t.backend().out).to_string();
        assert!(
            out.contains("\x1b[3;32mkept \x1b[1;33m10m\x1b[0m plain"),
            "{out:?}"
        );
        let p = replay(&t.backend().out, w, h);
        let cell = |x| p.screen().cell(0, x).unwrap().clone();
        assert!(cell(0).italic() && cell(0).fgcolor() == vt100::Color::Idx(2));
        assert!(cell(5).bold() && cell(5).italic() && cell(5).fgcolor() == vt100::Color::Idx(3));
        assert!(!cell(9).bold() && !cell(9).italic() && cell(9).fgcolor() == vt100::Color::Default);
    }

    /// A next-line (CNL) stops at the bottom of a scroll region: the row under a region
    /// scrolled before is reached by its position, or its erase clears the wrong row.
    #[test]
    fn the_row_under_a_scroll_region_is_reached() {
        let (w, h) = (40u16, 24u16);
        let mut t = terminal(w, h);
        let screen = |top: usize, last: &str| -> Vec<String> {
            (0..h as usize)
                .map(|y| match y {
                    2..=20 => format!("line {} of the text", y + top),
                    21 => last.to_string(),
                    _ => String::new(),
                })
                .collect()
        };
        let border = "└".to_string() + &"─".repeat(30) + "┘";
        frame(&mut t, &screen(0, &border));
        // A line scroll: the rows 2 to 20 scroll in a region.
        frame(&mut t, &screen(1, &border));
        assert!(String::from_utf8_lossy(&t.backend().out).contains("\x1b[3;21r"));
        // Each row a little changed (cheaper in place than scrolled), the last one cleared.
        let mut closed = screen(1, "");
        for row in &mut closed[2..=20] {
            row.push('!');
        }
        frame(&mut t, &closed);
        assert_eq!(emulate(&t.backend().out, w, h), closed);
    }
}
