//! Where a verdict key's time goes on 50,000 items rated by 2 and by 5 reviewers
//! (`common::reviewed_by`), as the runtime carries it out: the key (`update` and a frame),
//! the save (re-encode the item, write the file, fsync, rename), and the `Saved` message
//! (`update`, letting the replaced file go, and a frame). Medians and 90th percentiles of
//! `RUNS` verdicts each (default 40), the two teams taking turns so that a busy disk
//! weighs on both alike. Run: `cargo bench --bench reviewers`.

use std::time::{Duration, Instant};

use cordiale::app::{Effect, update};

/// The allocator the binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;
#[path = "common/workbench.rs"]
mod workbench;
use workbench::Bench;

/// One verdict's phases: the key, the save, the `Saved` message.
type Phases = [Duration; 3];

/// A verdict on the next row, alternately `K` and `B`, carried through to its frame.
fn verdict(b: &mut Bench, k: usize) -> Phases {
    b.step("down");
    let t0 = Instant::now();
    let effects = b.step(["K", "B"][k % 2]);
    assert_eq!(effects, vec![Effect::Save]);
    let t1 = Instant::now();
    let outcome = cordiale::app::review::save(&b.state).unwrap();
    let t2 = Instant::now();
    update(&mut b.state, outcome);
    b.draw();
    let t3 = Instant::now();
    [t1 - t0, t2 - t1, t3 - t2]
}

fn main() {
    let runs: usize = std::env::var("RUNS").map_or(40, |r| r.parse().unwrap());
    let teams = [2, 5];
    let mut benches: Vec<Bench> = teams
        .iter()
        .map(|&n| {
            let documents = common::documents();
            let ws = common::reviewed_by(&documents, &common::team(n));
            Bench::of((120, 40), documents, ws)
        })
        .collect();
    let mut phases: Vec<Vec<Phases>> = vec![Vec::new(); teams.len()];
    // The first verdict after opening saves the file whole: left out, as a warm-up.
    for b in &mut benches {
        verdict(b, 0);
    }
    for k in 0..runs {
        for (b, p) in benches.iter_mut().zip(&mut phases) {
            p.push(verdict(b, k + 1));
        }
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let at = |mut v: Vec<Duration>, q: f64| {
        v.sort();
        v[((v.len() - 1) as f64 * q).round() as usize]
    };
    for (n, p) in teams.iter().zip(&phases) {
        let column = |i: usize| p.iter().map(|x| x[i]).collect::<Vec<_>>();
        let total: Vec<Duration> = p.iter().map(|x| x.iter().sum()).collect();
        let shown =
            |v: Vec<Duration>| format!("{:.1} ({:.1})", ms(at(v.clone(), 0.5)), ms(at(v, 0.9)));
        println!(
            "{n} reviewers, {runs} verdicts, median (90th percentile) ms: key {}, save {}, \
             saved message {}, total {}",
            shown(column(0)),
            shown(column(1)),
            shown(column(2)),
            shown(total),
        );
    }
}
