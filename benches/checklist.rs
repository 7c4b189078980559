//! The checklist of a 50,000-item workspace (issue 7's speed point): each step is what the
//! workbench does for one key, `update` with the key parsed by the real keymap and a frame
//! drawn into a `TestBackend`; the verdict step goes on through the runtime's save (a real
//! file, fsync and rename) to the `Saved` message applied, and the watcher's follow-up
//! (`refresh` after our own save, which must find nothing). The verdict step runs again on
//! workspaces rated by a team of 2 and of 5 (`common::reviewed_by`): a verdict must cost
//! the same with more reviewers.
//! Run: `cargo bench --bench checklist -- --warm-up-time 1 --measurement-time 3`.
#![allow(missing_docs, reason = "criterion_group! makes an undocumented pub fn")]

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

use cordiale::app;
use cordiale::app::state::{ChecklistFilter, ChecklistSort};
use cordiale::app::{Effect, Msg, update};

/// The allocator the binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;
#[path = "common/workbench.rs"]
mod workbench;
use workbench::Bench;

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

/// A verdict key to the file durable on disk, as the runtime carries it out: a verdict on
/// the next row, alternately `K` and `B`, saved, the `Saved` message applied, a frame.
fn verdict_step(
    g: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    name: &str,
    b: &mut Bench,
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

fn verdict_to_disk(c: &mut Criterion) {
    let mut b = Bench::new((120, 40));
    let mut g = c.benchmark_group("checklist 120x40");
    g.sample_size(20);
    verdict_step(&mut g, "verdict key to saved on disk", &mut b);
    // In deadline order, which a verdict must not make again.
    b.step("d");
    assert_eq!(b.review().sort, ChecklistSort::Deadline);
    verdict_step(&mut g, "verdict key to saved on disk, by deadline", &mut b);
    b.step("d");
    g.bench_function("refresh after our own save", |bench| {
        bench.iter(|| assert!(app::review::refresh(&b.state).is_none()))
    });
    drop(b);
    for n in [2, 5] {
        let documents = common::documents();
        let ws = common::reviewed_by(&documents, &common::team(n));
        let mut b = Bench::of((120, 40), documents, ws);
        let name = format!("verdict key to saved on disk, {n} reviewers");
        verdict_step(&mut g, &name, &mut b);
    }
    g.finish();
}

criterion_group!(benches, frames, verdict_to_disk);
criterion_main!(benches);
