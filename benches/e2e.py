#!/usr/bin/env python3
"""End to end, whole process, release build: what issue 19 asks to be proportional to the
change, for each corpus size given (default 100k; `benches/e2e.py 100k 1m`).

Prints, per corpus:
  1. a CLI `verdict` on a workspace of every extracted commitment, against the fsync floor
     of that workspace (`dd conv=fsync` of the same bytes): the ratio;
  2. `find` warm (index cache filled) and cold (`--no-cache`) against fzf 0.74
     (`/tmp/fzfvenv/bin/fzf --filter`) on the peers' queries: medians and the ratios;
  3. peak RSS (GNU time) of warm find, cold find and `extract --json`, divided by the
     corpus's bytes;
  4. the workbench: spawn to the last byte of its start-up burst (the index ready and the
     workspace open), then CPU used over the 2 s after (ttybytes.py);
  5. extraction speed: corpus bytes / wall time of `extract --json` with no cache.

`benches/e2e.py reviewers` instead compares a 50,000-item workspace rated by 2 reviewers
with one rated by 5 (each item rated by all of them, a few notes, some history:
`cargo bench --bench checklist_fixture` with CORDIALE_FIXTURE_REVIEWERS, in
/tmp/cordiale-e2e/reviewers-N): a CLI `verdict` (the first, on a fresh copy of the file,
and the next ones) against each file's fsync floor, and the workbench in a pty (ttybytes.py):
a verdict key to the last byte painted, which comes after the save is on disk (the runtime
saves before it draws).

CORDIALE_BIN picks another build (a before/after comparison); KEYS (default 8) how many
verdict keys the workbench part gives. Needs python3, GNU time (/usr/bin/time), /tmp/fzfvenv/bin/fzf (../shared/bench/README.md) and /tmp/fzfvenv/bin/rg (pip install ripgrep),
the corpora of ../shared/bench/gen_corpus.py in /tmp/corpus_<size> and /tmp/lines_<size>.txt
(benches/find.sh makes them). Caches and workspaces go to /tmp/cordiale-e2e; nothing is
written into the repository. Medians of RUNS runs (env, default 3); the load average is
printed with each corpus, since a busy machine moves every figure.
"""

import json
import re
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(os.environ.get("CORDIALE_BIN", ROOT / "target/release/cordiale"))
FZF = Path("/tmp/fzfvenv/bin/fzf")
# ripgrep 15 (`pip install ripgrep` in the same venv): what a user greps the corpus with.
RG = Path("/tmp/fzfvenv/bin/rg")
SHARED = ROOT.parent / "shared/bench"
WORK = Path("/tmp/cordiale-e2e")
RUNS = int(os.environ.get("RUNS", "3"))
# How many verdict keys the workbench part gives (env, default 8; the first is reported apart).
KEYS = int(os.environ.get("KEYS", "8"))
# Which parts to run (PARTS=find,start): extract, verdict, find, start.
PARTS = set(os.environ.get("PARTS", "extract,verdict,find,start").split(","))
QUERIES = ["10m", "aug 2015", "calais tunnel", "xyzzy"]


def timed(cmd, env=None, stdin=None):
    """Wall seconds and peak RSS (KiB) of one run."""
    with tempfile.NamedTemporaryFile("r") as t:
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", t.name, *cmd],
            env=env,
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # A failed run is no figure (fzf and `cordiale find` exit 1 when nothing matches:
        # that is a result).
        nothing_found = done.returncode == 1 and (
            cmd[0] in (FZF, RG) or "find" in map(str, cmd)
        )
        if done.returncode != 0 and not nothing_found:
            sys.exit(f"failed ({done.returncode}): {' '.join(map(str, cmd))}")
        wall = time.perf_counter() - start
        rss = int(t.read().strip().splitlines()[-1])
    return wall, rss


def median_of(fn):
    runs = [fn() for _ in range(RUNS)]
    walls = sorted(r[0] for r in runs)
    return statistics.median(walls), walls[0], walls[-1], max(r[1] for r in runs)


def corpus_bytes(folder):
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def env_with(**kv):
    env = dict(os.environ)
    env.update({k: str(v) for k, v in kv.items()})
    return env


def bench(size):
    corpus = Path(f"/tmp/corpus_{size}")
    lines = Path(f"/tmp/lines_{size}.txt")
    if not corpus.is_dir() or not lines.is_file():
        sys.exit(f"{corpus} or {lines} missing: run benches/find.sh (SIZES={size}) first")
    total = corpus_bytes(corpus)
    work = WORK / size
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cache = work / "cache"
    env = env_with(CORDIALE_CACHE_DIR=cache, CORDIALE_REVIEWER="ann")
    print(f"== {size}: {total / 1e6:.1f} MB, load average {os.getloadavg()[0]:.2f}")

    # 5 first, on a cold cache: extraction speed, and the memory of a streamed extract.
    if "extract" in PARTS:
        extract_part(corpus, total)
    ws = work / "cordiale.json"
    if "verdict" in PARTS or "start" in PARTS:
        subprocess.run(
            [BIN, "init", corpus, "--workspace", ws], env=env, check=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    if "verdict" in PARTS:
        verdict_part(corpus, ws, work, env)
    if "find" in PARTS:
        find_part(corpus, lines, total, env)
    if "start" in PARTS:
        start_part(corpus, ws, work, cache)


def extract_part(corpus, total):
    ext = median_of(
        lambda: timed([BIN, "extract", "--json", corpus], env=env_with(CORDIALE_CACHE_DIR=""))
    )
    print(
        f"extract --json, no cache: {ext[0]:.2f} s ({ext[1]:.2f}-{ext[2]:.2f}), "
        f"{total / ext[0] / 1e6:.0f} MB/s (goal >= 150), peak RSS {ext[3] / 1024:.0f} MiB "
        f"= {ext[3] * 1024 / total:.2f}x the corpus"
    )



def verdict_part(corpus, ws, work, env):
    """1. A verdict against the fsync floor."""
    item = next(iter(json.loads(ws.read_text())["items"]))
    verdicts = iter(["kept", "broken"] * RUNS * 2 + ["partial"])
    give = lambda: timed(
        [BIN, "verdict", item, next(verdicts), "--workspace", ws, "--corpus", corpus],
        env=env,
    )
    # The first verdict on a workspace that no verdict has saved yet opens and syncs it
    # whole, and leaves the note that lets the next ones change it in place.
    first = give()
    print(f"first verdict (the whole way): {first[0]:.3f} s, peak RSS {first[1] / 1024:.0f} MiB")
    v = median_of(give)
    floor = median_of(
        lambda: timed(["dd", f"if={ws}", f"of={work / 'floor.json'}", "bs=1M", "conv=fsync"])
    )
    print(
        f"verdict: {v[0]:.3f} s ({v[1]:.3f}-{v[2]:.3f}), peak RSS {v[3] / 1024:.0f} MiB; "
        f"fsync floor of its {ws.stat().st_size / 1e6:.1f} MB workspace {floor[0]:.3f} s: "
        f"{v[0] / floor[0]:.1f}x (goal <= 2x)"
    )



def find_part(corpus, lines, total, env):
    """2 and 3. find warm and cold against fzf, and their memory."""
    print(f"{'query':<14} {'warm s':>8} {'cold s':>8} {'fzf s':>8} {'rg s':>8} {'warm/fzf':>9} "
          f"{'cold/fzf':>9} {'warm RSS':>9} {'cold RSS':>9} {'fzf RSS':>9} {'rg RSS':>9}")
    for q in QUERIES:
        find = [BIN, "find", q, "--corpus", corpus]
        timed(find, env=env)  # fills the index cache
        warm = median_of(lambda: timed(find, env=env))
        cold = median_of(lambda: timed([*find, "--no-cache"], env=env))
        with open(lines, "rb") as f:
            fzf = median_of(lambda: (f.seek(0), timed([FZF, f"--filter={q}"], stdin=f))[1])
        # rg over the corpus folder, case-insensitive, the words in order on a line (the
        # nearest a grep comes to a fuzzy query; it knows no value such as `10m`).
        pattern = ".*".join(map(re.escape, q.split()))
        rg = median_of(lambda: timed([RG, "-i", "-c", pattern, corpus]))
        print(
            f"{q:<14} {warm[0]:>8.3f} {cold[0]:>8.3f} {fzf[0]:>8.3f} {rg[0]:>8.3f} "
            f"{warm[0] / fzf[0]:>8.2f}x {cold[0] / fzf[0]:>8.2f}x "
            f"{warm[3] * 1024 / total:>8.2f}x {cold[3] * 1024 / total:>8.2f}x "
            f"{fzf[3] * 1024 / total:>8.2f}x {rg[3] * 1024 / total:>8.2f}x"
        )
    print("goals: warm <= 0.5x fzf, cold <= 1.0x; RSS (x corpus bytes) warm <= 1.0, cold <= 1.5")



def start_part(corpus, ws, work, cache):
    """4. The workbench's start, caches warm (index from an earlier find or start, digests
    from init)."""
    script = work / "start.json"
    script.write_text(json.dumps({
        "cmd": [str(BIN), str(corpus), "--workspace", str(ws)],
        "env": {"CORDIALE_CACHE_DIR": str(cache), "XDG_STATE_HOME": "/dev/null/none"},
        "settle": 1.0, "max_wait": 120.0,
        "phases": [
            # Quiet for 5 s ends the start-up: at 1m lines the index takes seconds after
            # the first paint, with nothing drawn meanwhile.
            {"name": "startup", "settle": 5.0, "max_wait": 120.0},
            {"name": "idle", "sleep": 2.0},
            {"name": "quit", "keys": "<C-c>"},
        ],
    }))
    # The first start fills the index cache (init filled only the digests); the second is
    # a start on an unchanged corpus.
    for label in ["index cache cold", "caches warm"]:
        out = work / "start_result.json"
        subprocess.run(
            ["python3", SHARED / "ttybytes.py", "--script", script, "--size", "120x40",
             "--json", out],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        phases = {p["name"]: p for p in json.loads(out.read_text())["results"][0]["phases"]}
        start = phases["startup"]["summary"]
        print(
            f"workbench start, {label} (120x40): last byte of the start-up burst "
            f"{start['last_ms_median']:.0f} ms, CPU {start['cpu_ms']:.0f} ms; the 2 s after: "
            f"{phases['idle']['summary']['cpu_ms']:.0f} ms CPU (goal: idle within 2 s of ready)"
        )


def reviewers_fixture(n):
    """The 50,000-item workspace rated by `n` reviewers, written once: its folder (with
    `corpus/`) and the file as written, to copy from before each first verdict."""
    folder = WORK / f"reviewers-{n}"
    pristine = folder / "pristine.json"
    if not pristine.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["cargo", "bench", "--quiet", "--bench", "checklist_fixture"],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
            env=env_with(CORDIALE_FIXTURE_DIR=folder, CORDIALE_FIXTURE_REVIEWERS=n),
        )
        shutil.copyfile(folder / "cordiale.json", pristine)
    return folder, pristine


def reviewers_verdicts(n):
    """6. A CLI verdict on 50,000 items rated by `n` reviewers, against the fsync floor."""
    folder, pristine = reviewers_fixture(n)
    ws = folder / "cordiale.json"
    cache = folder / "cache"
    env = env_with(CORDIALE_CACHE_DIR=cache)
    item = next(iter(json.loads(pristine.read_text())["items"]))
    verdicts = iter(["kept", "broken"] * RUNS * 4)
    give = lambda: timed(
        [BIN, "verdict", item, next(verdicts), "--reviewer", "ann", "--workspace", ws,
         "--corpus", folder / "corpus"],
        env=env,
    )

    def first():
        shutil.copyfile(pristine, ws)
        shutil.rmtree(cache, ignore_errors=True)
        return give()

    firsts = median_of(first)
    nexts = median_of(give)
    floor = median_of(
        lambda: timed(["dd", f"if={ws}", f"of={folder / 'floor.json'}", "bs=1M", "conv=fsync"])
    )
    size = ws.stat().st_size / 1e6
    print(
        f"{n} reviewers, {size:.1f} MB: first verdict {firsts[0]:.3f} s ({firsts[1]:.3f}-"
        f"{firsts[2]:.3f}), next verdicts {nexts[0]:.3f} s ({nexts[1]:.3f}-{nexts[2]:.3f}), "
        f"peak RSS {nexts[3] / 1024:.0f} MiB; fsync floor {floor[0]:.3f} s: "
        f"{nexts[0] / floor[0]:.1f}x"
    )


def reviewers_workbench(n):
    """7. The workbench on 50,000 items rated by `n` reviewers: verdict keys, each to the
    last byte painted after its save."""
    folder, pristine = reviewers_fixture(n)
    shutil.copyfile(pristine, folder / "cordiale.json")
    script = folder / "verdicts.json"
    keys = [{"name": f"verdict{k}", "keys": f"<Down>{'KB'[k % 2]}"} for k in range(KEYS)]
    script.write_text(json.dumps({
        "cmd": [str(BIN), str(folder / "corpus"), "--workspace",
                str(folder / "cordiale.json"), "--reviewer", "ann"],
        "env": {"CORDIALE_CACHE_DIR": "", "XDG_STATE_HOME": "/dev/null/none"},
        "settle": 0.3, "max_wait": 3.0,
        "phases": [
            {"name": "startup", "settle": 6.0, "max_wait": 60.0},
            {"name": "focus_checklist", "keys": "3"},
            *keys,
            {"name": "quit", "keys": "q"},
        ],
    }))
    out = folder / "verdicts_result.json"
    subprocess.run(
        ["python3", SHARED / "ttybytes.py", "--script", script, "--size", "120x40",
         "--json", out],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
    )
    phases = json.loads(out.read_text())["results"][0]["phases"]
    last = [p["summary"]["last_ms_median"] for p in phases if p["name"].startswith("verdict")]
    print(
        f"{n} reviewers, workbench 120x40: the first verdict key to its last byte "
        f"{last[0]:.0f} ms, the next {statistics.median(last[1:]):.0f} ms "
        f"({min(last[1:]):.0f}-{max(last[1:]):.0f})"
    )


def reviewers():
    print(f"== 50,000 items, 2 and 5 reviewers; load average {os.getloadavg()[0]:.2f}")
    for n in (2, 5):
        reviewers_verdicts(n)
    for n in (2, 5):
        reviewers_workbench(n)


def main():
    if not BIN.exists():
        sys.exit("build first: cargo build --release")
    for size in sys.argv[1:] or ["100k"]:
        if size == "reviewers":
            reviewers()
        else:
            bench(size)


if __name__ == "__main__":
    main()
