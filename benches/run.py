#!/usr/bin/env python3
"""Every starcoach benchmark in one run: the in-process criterion benchmarks, then the
whole-process figures (one `starcoach analyze`, `starcoach grade` on 1x, 10x and 100x the seed
corpus, one and two threads, `wc -w` for scale) and the comparison with proselint and
write-good (../shared/bench/peers.py).

    python3 benches/run.py            # everything (about 5 minutes on 2 cores)
    python3 benches/run.py --quick    # shorter criterion runs, 3 runs per process figure
    python3 benches/run.py --no-criterion --no-peers

Needs ../shared/bench (the corpus builder and peers.py) for the process figures; the peers
are installed under target/peers/ on first use. Figures on a shared machine drift from run to
run: compare ratios from one run, not absolute times across runs.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "bench")
CORPUS = os.path.join(ROOT, "target", "bench-corpus")
BIN = os.path.join(ROOT, "target", "release", "starcoach")


TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run_once(cmd):
    """Wall seconds and peak resident memory (KB, from /usr/bin/time; 0 without it)."""
    full = [TIME, "-f", "@@maxrss %M", *cmd] if TIME else cmd
    t = time.perf_counter()
    p = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    err = p.stderr.decode(errors="replace")
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed (exit {p.returncode}): {err[-400:]}")
    kb = 0
    for line in err.splitlines():
        if line.startswith("@@maxrss "):
            kb = int(line.split()[1])
    return wall, kb


def measure(cmd, runs):
    run_once(cmd)  # warm the page cache
    samples = [run_once(cmd) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def make_corpus():
    subprocess.run([sys.executable, os.path.join(SHARED, "make_corpus.py"), CORPUS],
                   check=True, stdout=subprocess.DEVNULL)
    # 100x: the 10x file ten times, ids made unique.
    src = os.path.join(CORPUS, "answers_x10.jsonl")
    with open(src, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    with open(os.path.join(CORPUS, "answers_x100.jsonl"), "w", encoding="utf-8") as f:
        for r in range(10):
            for row in rows:
                f.write(json.dumps(dict(row, id=f"{row['id']}-{r}"), ensure_ascii=False) + "\n")
    with open(os.path.join(CORPUS, "answers_x10.txt"), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(CORPUS, "answers_x100.txt"), "w", encoding="utf-8") as f:
        f.write(text * 10)
    # One typical answer (the seed answer closest to 250 words), for `starcoach analyze`.
    with open(os.path.join(CORPUS, "answers.jsonl"), encoding="utf-8") as f:
        answers = [json.loads(line)["answer"] for line in f]
    typical = min(answers, key=lambda a: abs(len(a.split()) - 250))
    with open(os.path.join(CORPUS, "typical.txt"), "w", encoding="utf-8") as f:
        f.write(typical)
    return len(typical.split())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--no-criterion", action="store_true")
    ap.add_argument("--no-peers", action="store_true")
    a = ap.parse_args()
    runs = 3 if a.quick else 10
    os.chdir(ROOT)
    print(f"== {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
          f"{time.strftime('%Y-%m-%d %H:%M %Z')}")
    subprocess.run(["cargo", "build", "--release", "--quiet"], check=True)
    if not a.no_criterion:
        print("== criterion (in-process): cargo bench --bench analyze")
        extra = ["--", "--warm-up-time", "1", "--measurement-time", "2"] if a.quick else []
        subprocess.run(["cargo", "bench", "--quiet", "--bench", "analyze", *extra], check=True)
    if not os.path.isdir(SHARED):
        print(f"note: {SHARED} not found: no whole-process figures")
        return
    words = make_corpus()
    print(f"== whole process, median of {runs} runs (peak memory: the largest of them)")
    rows = []
    t, kb = measure([BIN, "analyze", os.path.join(CORPUS, "typical.txt")], runs)
    rows.append((f"analyze one answer ({words} words)", t, kb))
    t, kb = measure([BIN, "analyze", "--format", "json", os.path.join(CORPUS, "typical.txt")], runs)
    rows.append(("analyze --format json", t, kb))
    grade = {}
    for scale in ("", "_x10", "_x100"):
        jsonl = os.path.join(CORPUS, f"answers{scale}.jsonl")
        n = sum(1 for _ in open(jsonl, encoding="utf-8"))
        for jobs in ("1", "2"):
            t, kb = measure([BIN, "grade", jsonl, "--format", "json", "--jobs", jobs], runs if n < 8000 else max(3, runs // 3))
            grade[(n, jobs)] = t
            rows.append((f"grade {n} answers --format json --jobs {jobs}", t, kb))
        t, kb = measure(["wc", "-w", os.path.join(CORPUS, f"answers{scale}.txt")], runs)
        grade[(n, "wc")] = t
        rows.append((f"wc -w on the same {n} answers", t, kb))
    width = max(len(r[0]) for r in rows)
    for name, t, kb in rows:
        mem = f"{kb / 1024:6.1f} MB" if kb else "     -"
        print(f"  {name:<{width}}  {t * 1000:8.1f} ms  {mem}")
    ns = sorted({n for n, _ in grade})
    print("== scaling (grade, 2 threads): time per answer")
    for n in ns:
        print(f"  {n:>6} answers: {grade[(n, '2')] / n * 1e6:7.1f} us/answer, "
              f"{grade[(n, '1')] / grade[(n, '2')]:.2f}x faster than 1 thread, "
              f"{grade[(n, '2')] / grade[(n, 'wc')]:.1f}x the time of wc -w")
    if not a.no_peers:
        print("== peers (../shared/bench/peers.py), one run")
        subprocess.run([sys.executable, os.path.join(SHARED, "peers.py"), "--runs", str(min(runs, 5)), "--",
                        BIN, "grade", "{jsonl}", "--format", "json"], check=True)


if __name__ == "__main__":
    main()
