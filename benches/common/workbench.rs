//! The workbench as the checklist benchmarks drive it: a state on a workspace saved in a
//! temporary folder, keys through `update` and a frame drawn into a `TestBackend`.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use cordiale::app::review::Opened;
use cordiale::app::{Effect, Msg, State, update};
use cordiale::corpus::{Corpus, Document};
use cordiale::keymap::{self, Key};
use cordiale::ui;
use cordiale::workspace::store::Stored;
use cordiale::workspace::{self, Workspace};

use super::common;

/// A workbench with the checklist focused on a 50,000-item workspace saved in a tempdir
/// (ann is the active reviewer).
pub struct Bench {
    pub state: State,
    terminal: Terminal<TestBackend>,
    _dir: tempfile::TempDir,
}

impl Bench {
    /// The workbench on `common::mixed_verdicts`.
    #[allow(dead_code)] // not every benchmark uses it
    pub fn new(size: (u16, u16)) -> Bench {
        let documents = common::documents();
        let ws = common::workspace(&documents, common::mixed_verdicts);
        Bench::of(size, documents, ws)
    }

    /// The workbench on `ws`, saved first.
    pub fn of(size: (u16, u16), documents: Vec<Document>, ws: Workspace) -> Bench {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cordiale.json");
        workspace::save(&path, &ws).unwrap();
        let corpus = Arc::new(Corpus {
            documents,
            warnings: Vec::new(),
        });
        let mut state = State::new(keymap::load(None, None).unwrap(), "corpus".into(), size);
        update(&mut state, Msg::CorpusLoaded(corpus));
        let (stored, ws) = Stored::open(&path, Workspace::default).unwrap();
        let opened = Opened {
            path,
            stored,
            ws,
            orphaned: Default::default(),
            me: Some("ann".into()),
            drafts: Vec::new(),
        };
        update(&mut state, Msg::WorkspaceOpened(Box::new(opened)));
        let terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        let mut bench = Bench {
            state,
            terminal,
            _dir: dir,
        };
        bench.step("3");
        bench
    }

    /// One key as the runtime handles it: `update`, then a frame. Returns the effects.
    pub fn step(&mut self, key: &str) -> Vec<Effect> {
        let key: Key = key.parse().unwrap();
        let effects = update(&mut self.state, Msg::Key(key.to_event()));
        self.draw();
        effects
    }

    /// A frame, as the runtime draws one after each message.
    pub fn draw(&mut self) {
        let state = &self.state;
        self.terminal.draw(|f| ui::draw(state, f)).unwrap();
    }

    #[allow(dead_code)] // not every benchmark uses it
    pub fn review(&self) -> &cordiale::app::state::ReviewState {
        self.state.review.as_ref().unwrap()
    }
}
