#![allow(dead_code)] // each test file uses what it needs of these
//! What the workbench's screen tests share: keys through `update` (searches run as the
//! finder's worker runs them) and a frame drawn into a `TestBackend`.

use cordiale::app::{Effect, Msg, State, finder, update};
use cordiale::keymap::Key;
use cordiale::search::{Index, Searcher};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Presses keys written as a keymap writes them (`ctrl-p 1 0 m`), carrying out searches;
/// returns the other effects, not carried out.
pub fn press(s: &mut State, index: &Index, script: &str) -> Vec<Effect> {
    let mut out = Vec::new();
    for token in script.split(' ') {
        let key: Key = token.parse().unwrap();
        for effect in update(s, Msg::Key(key.to_event())) {
            match effect {
                Effect::Search { generation, query } => {
                    let m = finder::run(index, &mut Searcher::default(), generation, &query);
                    update(s, m);
                }
                e => out.push(e),
            }
        }
    }
    out
}

/// One frame of `s` at its size.
pub fn render(s: &State) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(s.size.0, s.size.1)).unwrap();
    t.draw(|f| cordiale::ui::draw(s, f)).unwrap();
    t
}

/// The frame's text, a line per row.
pub fn screen(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}
