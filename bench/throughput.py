"""Words per second: the spaCy tokenizer floor, extraction alone, and `kg build` end to end.

One run over the same texts: the seed and dev filings in tests/data repeated to about
`--words` words (2 million by default). Prints the three rates, the ratios to the floor, and the
peak memory. Usage: `python -m bench.throughput [--words N]` (from the repository root).
"""
from __future__ import annotations

import argparse
import dataclasses
import resource
import shutil
import tempfile
import time
from pathlib import Path

import spacy

from extract.readers import find_files, read_announcement
from extract.records import Announcement
from extract.run import extract_announcement
from kg.build import build
from kg.store import OxigraphStore

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def corpus(target_words: int) -> list[Announcement]:
    """The test filings, repeated (with distinct ids) until they hold `target_words` words."""
    base = [read_announcement(p) for p in find_files([DATA / "seeds", DATA / "dev"])]
    out: list[Announcement] = []
    words = 0
    copy = 0
    while words < target_words:
        for ann in base:
            out.append(dataclasses.replace(ann, doc_id=f"{ann.doc_id}__{copy}"))
            words += len(ann.text.split())
        copy += 1
    return out


def words_of(anns: list[Announcement]) -> int:
    return sum(len(a.text.split()) for a in anns)


def timed(label: str, words: int, fn) -> float:
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    rate = words / seconds
    print(f"{label:34s} {seconds:8.2f} s  {rate:12,.0f} words/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=2_000_000)
    args = parser.parse_args()
    anns = corpus(args.words)
    words = words_of(anns)
    print(f"corpus: {len(anns)} documents, {words:,} words, {sum(len(a.text) for a in anns) / 1e6:.1f} MB")

    nlp = spacy.blank("en")
    floor = timed("spaCy blank('en') tokenizer", words,
                  lambda: [None for _ in nlp.tokenizer.pipe(a.text for a in anns)])
    extract_announcement(anns[0])  # load the pipeline and families outside the timing
    extraction = timed("extraction alone", words, lambda: [extract_announcement(a) for a in anns])

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        docs = tmp / "docs"
        docs.mkdir()
        for a in anns:
            (docs / f"{a.doc_id}.txt").write_text(a.text, encoding="utf-8")
        store = OxigraphStore(tmp / "store")
        end_to_end = timed("kg build (read+extract+store)", words,
                           lambda: build([str(docs)], store))
        print(f"store: {len(store):,} quads")
        store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"extraction / tokenizer floor: {extraction / floor:.2f}x (target >= 0.5x)")
    print(f"kg build   / tokenizer floor: {end_to_end / floor:.2f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
