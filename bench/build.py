"""`kg build` at scale: generated filings (bench/corpus.py) built with `--jobs 1` and `--jobs 2`.

For each run: wall time, files/s, words/s, the ratio to the spaCy tokenizer floor (one core, the
same texts), and the peak memory of the whole process tree (the build and its workers), measured
as the sum of their proportional set sizes (PSS: shared pages counted once) sampled every 0.1 s.
A second, ten times smaller corpus built with `--jobs 2` shows whether time grows linearly with
the number of files. Targets (issue 11): 10,000 filings in under 5 minutes on 2 cores, peak memory
under 1 GB. Usage: `python -m bench.build [--files N]` (or `BENCH_FILES=N make bench`).
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import spacy

from bench.corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent


def tree_pss_kb(root: int) -> int:
    """Proportional set size (kB) of `root` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
                total += int(re.search(r"^Pss:\s+(\d+)", fh.read(), re.M).group(1))
        except (OSError, AttributeError):
            continue
    return total


def run_build(corpus: Path, store: Path, jobs: int) -> tuple[float, int, str]:
    """(seconds, peak tree PSS in kB, summary) of one `kg build`."""
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store), "--jobs", str(jobs), "--quiet"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_pss_kb(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"kg build failed ({proc.returncode}):\n{out}")
    return seconds, peak[0], out


def tokenizer_floor(corpus: Path) -> float:
    """Words per second of spaCy's blank English tokenizer over the corpus (one core)."""
    nlp = spacy.blank("en")
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir())]
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts):
        pass
    return words / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=int(os.environ.get("BENCH_FILES", 10_000)))
    args = parser.parse_args()
    small_n = max(args.files // 10, 1)
    with tempfile.TemporaryDirectory(prefix="kg-bench-build-") as tmp:
        big, small = Path(tmp) / "big", Path(tmp) / "small"
        words = write_corpus(big, args.files)
        small_words = write_corpus(small, small_n, seed=12)
        size = sum(p.stat().st_size for p in big.iterdir()) / 1e6
        print(f"corpus: {args.files:,} generated filings (board, pledge, poll), {words:,} words, {size:.1f} MB")
        floor = tokenizer_floor(big)
        print(f"spaCy blank('en') tokenizer floor: {floor:,.0f} words/s (one core)")
        print(f"{'run':28s} {'seconds':>8s} {'files/s':>8s} {'words/s':>10s} {'x floor':>8s} {'peak MB':>8s}")
        runs = [(f"{small_n:,} files, --jobs 2", small, small_n, small_words, 2),
                (f"{args.files:,} files, --jobs 1", big, args.files, words, 1),
                (f"{args.files:,} files, --jobs 2", big, args.files, words, 2)]
        per_file: dict[str, float] = {}
        for label, corpus, n, w, jobs in runs:
            store = Path(tmp) / f"store-{label.split()[0]}-{jobs}"
            seconds, peak_kb, out = run_build(corpus, store, jobs)
            per_file[label] = seconds / n
            facts = re.search(r"^facts: (.*)$", out, re.M)
            print(f"{label:28s} {seconds:8.1f} {n / seconds:8.1f} {w / seconds:10,.0f} {w / seconds / floor:8.2f} "
                  f"{peak_kb / 1024:8.0f}")
            print(f"    {out.splitlines()[0]}")
            if facts:
                print(f"    facts: {facts.group(1)[:150]}")
        ratio = per_file[runs[2][0]] / per_file[runs[0][0]]
        print(f"growth {small_n:,} -> {args.files:,} files (--jobs 2): {ratio:.2f}x the time per file "
              "(1.00 = linear)")


if __name__ == "__main__":
    main()
