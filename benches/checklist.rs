//! The checklist of a 50,000-item workspace (issue 7's speed point): each step is what the
//! workbench does for one key, `update` with the key parsed by the real keymap and a frame
//! drawn into a `TestBackend`; the verdict step goes on through the runtime's save (a real
//! file, fsync and rename) to the `Saved` message applied, and the watcher's follow-up
//! (`refresh` after our own save, which must find nothing).
//! Run: `cargo bench --bench checklist -- --warm-up-time 1 --measurement-time 3`.
#![allow(missing_docs, reason = "criterion_group! makes an undocumented pub fn")]

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use cordiale::app::review::Opened;
use cordiale::app::state::{ChecklistFilter, ChecklistSort};
use cordiale::app::{Effect, Msg, State, update};
use cordiale::corpus::Corpus;
use cordiale::keymap::{self, Key};
use cordiale::workspace::store::Stored;
use cordiale::workspace::{self, Workspace};
use cordiale::{app, ui};

/// The allocator the binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;

/// A workbench with the checklist focused on a 50,000-item workspace saved in a tempdir,
/// with `common::mixed_verdicts` (ann is the active reviewer).
struct Bench {
    state: State,
    terminal: Terminal<TestBackend>,
    _dir: tempfile::TempDir,
}

impl Bench {
    fn new(size: (u16, u16)) -> Bench {
        let documents = common::documents();
        let ws = common::workspace(&documents, common::mixed_verdicts);
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
    fn step(&mut self, key: &str) -> Vec<Effect> {
        let key: Key = key.parse().unwrap();
        let effects = update(&mut self.state, Msg::Key(key.to_event()));
        self.draw();
        effects
    }

    fn draw(&mut self) {
        let state = &self.state;
        self.terminal.draw(|f| ui::draw(state, f)).unwrap();
    }

    fn review(&self) -> &cordiale::app::state::ReviewState {
        self.state.review.as_ref().unwrap()
    }
}

/// Times `iters` runs of `timed`, each after `setup` (untimed).
fn timed(
    iters: u64,
    b: &mut Bench,
    mut setup: impl FnMut(&mut Bench),
    mut timed: impl FnMut(&mut Bench),
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        setup(b);
        let t = Instant::now();
        timed(b);
        total += t.elapsed();
    }
    total
}

fn frames(c: &mut Criterion) {
    for size in [(120, 40), (80, 24)] {
        let mut b = Bench::new(size);
        assert_eq!(b.review().order.len(), 50_000);
        let mut g = c.benchmark_group(format!("checklist {}x{}", size.0, size.1));
        for (from, to, name) in [
            ("a", "x", "filter all to disagreements"),
            ("x", "m", "filter disagreements to mine"),
            ("m", "a", "filter mine to all"),
            ("a", "O", "filter all to overdue"),
        ] {
            g.bench_function(name, |bench| {
                bench.iter_custom(|iters| {
                    timed(
                        iters,
                        &mut b,
                        |b| {
                            b.step(from);
                        },
                        |b| {
                            b.step(to);
                        },
                    )
                })
            });
        }
        b.step("a");
        assert_eq!(b.review().filter, ChecklistFilter::All);
        // The deadline order is made the first time it is asked for and kept: what a
        // toggle costs from then on.
        g.bench_function("order by deadline", |bench| {
            bench.iter_custom(|iters| {
                timed(
                    iters,
                    &mut b,
                    |b| {
                        if b.review().sort == ChecklistSort::Deadline {
                            b.step("d");
                        }
                    },
                    |b| {
                        b.step("d");
                    },
                )
            })
        });
        if b.review().sort == ChecklistSort::Deadline {
            b.step("d");
        }
        for (key, name) in [("down", "scroll down one row"), ("pagedown", "page down")] {
            g.bench_function(name, |bench| {
                bench.iter_custom(|iters| {
                    timed(
                        iters,
                        &mut b,
                        |b| {
                            if b.review().selected + 100 > b.review().order.len() {
                                b.step("home");
                            }
                        },
                        |b| {
                            b.step(key);
                        },
                    )
                })
            });
        }
        g.finish();
    }
}

/// A verdict key to the file durable on disk, as the runtime carries it out: in file
/// order, and in deadline order (which a verdict must not make again).
fn verdict_to_disk(c: &mut Criterion) {
    let mut b = Bench::new((120, 40));
    let mut g = c.benchmark_group("checklist 120x40");
    g.sample_size(20);
    for (order, name) in [
        (ChecklistSort::File, "verdict key to saved on disk"),
        (
            ChecklistSort::Deadline,
            "verdict key to saved on disk, by deadline",
        ),
    ] {
        if b.review().sort != order {
            b.step("d");
        }
        verdict_key(&mut g, &mut b, name);
    }
    g.bench_function("refresh after our own save", |bench| {
        bench.iter(|| assert!(app::review::refresh(&b.state).is_none()))
    });
    g.finish();
}

/// Times `name`: a verdict key on the next row, saved, and the save's message applied.
fn verdict_key(
    g: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    b: &mut Bench,
    name: &str,
) {
    let mut verdict = 0;
    g.bench_function(name, |bench| {
        bench.iter_custom(|iters| {
            timed(
                iters,
                b,
                |b| {
                    b.step("down");
                },
                |b| {
                    verdict += 1;
                    let key = if verdict % 2 == 0 { "K" } else { "B" };
                    let effects = b.step(key);
                    assert_eq!(effects, vec![Effect::Save]);
                    let outcome = app::review::save(&b.state).unwrap();
                    assert!(matches!(outcome, Msg::Saved(_)), "{outcome:?}");
                    update(&mut b.state, outcome);
                    b.draw();
                },
            )
        })
    });
}

criterion_group!(benches, frames, verdict_to_disk);
criterion_main!(benches);
