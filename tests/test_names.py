"""Name and title parsing (`extract.names`), and an end-to-end score of the Foundation families against the
gold files of tests/data (a small scorer following the spec's matching rules; nothing from ../shared)."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from extract.names import clean_person, fold, officer_title, read_titles
from extract.readers import find_files, read_announcement
from extract.run import extract_announcement

DATA = Path(__file__).parent / "data"
MODULES = ("extract.identity", "extract.board", "extract.officers")
TYPES = ("directorship", "officer", "listing")
KEYS = {"directorship": ("company", "person", "role", "as_of"), "officer": ("company", "person", "title"),
        "listing": ("company", "exchange", "code")}


def test_fold_drops_page_furniture_and_keeps_offsets() -> None:
    text = "Mr. Weng \n\n<<<PAGE 13>>>\n \n– 13 –\nChih-\nHsin and Ms. Lo"
    folded = fold(text, 0, len(text))
    assert folded.text == "Mr. Weng Chih-Hsin and Ms. Lo"
    start, end = folded.doc_span(4, 18)
    assert text[start:end].startswith("Weng") and text[start:end].endswith("Hsin")


@pytest.mark.parametrize("raw, name", [
    ("Mr. ZHANG Di", "ZHANG Di"),
    ("Dr.GU Chunguang", "GU Chunguang"),
    ("Professor Lam Wai Ming", "Lam Wai Ming"),
    ("Madam Woo Pui Yan Joyce", "Woo Pui Yan Joyce"),
    ("Weng Chih-Hsin", "Weng Chih-Hsin"),
    ("Mr. Zhang", None),
    ("the Board", None),
    ("Executive Directors", None),
    ("Mr. Zhang’s associate", None),
])
def test_clean_person(raw: str, name: str | None) -> None:
    assert clean_person(raw) == name


@pytest.mark.parametrize("raw, name", [
    ("Chan Tai Man, Peter", "Chan Tai Man, Peter"),
    ("Mr. Lee Ka Wing, Kelvin, JP", "Lee Ka Wing, Kelvin"),
    ("Ho Siu Fung", "Ho Siu Fung"),
    ("Chan Tai Man, JP", "Chan Tai Man"),
    ("Chan Tai Man, Director", None),
    ("Chan, Peter", None),
    ("Chan Tai Man, Peter Wong", None),
])
def test_clean_person_with_forename_after_comma(raw: str, name: str | None) -> None:
    assert clean_person(raw, forename_after_comma=True) == name


def test_clean_person_keeps_commas_out_by_default() -> None:
    assert clean_person("Chan Tai Man, Peter") is None


@pytest.mark.parametrize("item, title", [
    ("Chairman of the Board", "chairman"),
    ("the chairman of the Board of Directors", "chairman"),
    ("Chairperson", "chairman"),
    ("Chairlady", "chairman"),
    ("the chairlady of the Board", "chairman"),
    ("CEO", "chief_executive"),
    ("president of the Company", "president"),
    ("vice president of the Company", "other"),
    ("joint company secretary of the Company", "company_secretary"),
    ("the deputy general manager", "other"),
    ("General Manager", "general_manager"),
    ("chairman of the meeting", None),
    ("the spouse of the chairman", None),
])
def test_officer_title(item: str, title: str | None) -> None:
    assert officer_title(item) == title


def test_read_titles_accepts_only_title_lines() -> None:
    assert read_titles("Chairperson, Executive Director and General Manager") == [
        ("chairman", "Chairperson"), ("general_manager", "General Manager")]
    assert read_titles("Executive Director") == []
    assert read_titles("Hong Kong, June 26, 2026") is None


def _norm(value: object) -> str:
    """The spec's string matching: NFKC, casefold, no honorifics or punctuation, `-` as space, ltd/co."""
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    text = re.sub(r"[.,()\"'“”‘’]", " ", text).replace("-", " ")
    words = [{"limited": "ltd", "company": "co"}.get(w, w) for w in text.split()]
    while words and words[0] in {"mr", "ms", "mrs", "miss", "madam", "dr", "prof", "professor", "sir"}:
        words = words[1:]
    return " ".join(words)


def _matches(gold: dict, pred: dict) -> bool:
    for key in KEYS[gold["type"]]:
        options = gold.get(key) if isinstance(gold.get(key), list) else [gold.get(key)]
        if _norm(pred.get(key)) not in {_norm(o) for o in options}:
            return False
    return True


def _score(gold_files: list[str], folders: list[str]) -> dict[str, tuple[int, int, int]]:
    """(matched, predicted, gold) per type over annotated documents, one-to-one matching."""
    gold: list[dict] = []
    annotated: dict[str, set[str]] = {}
    for name in gold_files:
        for line in (DATA / "gold" / name).read_text(encoding="utf-8").splitlines():
            fact = json.loads(line)
            if fact["type"] == "annotated":
                annotated[fact["doc"]] = set(fact["types"])
            elif fact["type"] in TYPES:
                gold.append(fact)
    gold = [g for g in gold if g["type"] in annotated.get(g["doc"], set())]
    preds = [fact.to_spec() for path in find_files([DATA / f for f in folders])
             for fact in extract_announcement(read_announcement(path), MODULES).facts if fact.TYPE in TYPES]
    preds = [p for p in preds if p["type"] in annotated.get(p["doc"], set())
             and not (p["type"] == "officer" and p["title"] == "other")]  # kept but not scored (spec)
    counts: dict[str, list[int]] = {t: [0, 0, 0] for t in TYPES}
    unmatched = list(gold)
    for pred in preds:
        counts[pred["type"]][1] += 1
        hit = next((g for g in unmatched if g["type"] == pred["type"] and g["doc"] == pred["doc"]
                    and _matches(g, pred)), None)
        if hit is not None:
            unmatched.remove(hit)
            counts[pred["type"]][0] += 1
    for g, n in Counter(g["type"] for g in gold).items():
        counts[g][2] = n
    return {t: (m, p, g) for t, (m, p, g) in counts.items()}


def _f1(matched: int, predicted: int, gold: int) -> float:
    return 2 * matched / (predicted + gold) if predicted + gold else 1.0


def test_end_to_end_seeds_are_read_exactly() -> None:
    for fact_type, (matched, predicted, gold) in _score(["seeds.jsonl"], ["seeds"]).items():
        assert (matched, predicted) == (gold, gold), fact_type


def test_end_to_end_dev() -> None:
    scores = _score(["dev.jsonl", "dev-pledges.jsonl", "dev-polls-reports.jsonl"], ["dev"])
    for fact_type, (matched, predicted, gold) in scores.items():
        assert _f1(matched, predicted, gold) >= 0.97, (fact_type, matched, predicted, gold)
        if fact_type == "directorship":
            assert matched / predicted >= 0.98
