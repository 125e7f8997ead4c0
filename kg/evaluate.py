"""`kg evaluate`: precision, recall, F1 per fact type and in total, by the exchange format's rules.

Matching (spec `facts.md`): same type and document, every key field equal after normalisation
(NFKC, casefold, honorifics and punctuation dropped, `limited`=`ltd`, `company`=`co`; a gold list
matches if any spelling does; integers exact, percentages within 0.01). Each output fact matches at
most one gold fact. Only types a gold file annotates for a document are scored; officer facts with
title `other` are never scored. Attribute accuracy is measured on matched facts.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.resolve import name_key

KEYS: dict[str, tuple[str, ...]] = {
    "directorship": ("company", "person", "role", "as_of"),
    "officer": ("company", "person", "title"),
    "committee_membership": ("company", "committee", "person"),
    "pledge": ("pledgor", "pledgee", "issuer", "shares", "start"),
    "pledge_release": ("pledgor", "pledgee", "issuer", "shares", "end"),
    "shareholding": ("holder", "company", "shares"),
    "controlling_shareholder": ("company", "holder"),
    "meeting": ("company", "date", "kind"),
    "resolution": ("company", "meeting_date", "meeting_kind", "number", "for", "against", "abstain"),
    "attendance": ("company", "meeting_date", "person"),
    "financial_estimate": ("company", "metric", "period_start", "period_end", "low", "high"),
    "share_capital": ("company", "as_of", "total"),
    "listing": ("company", "exchange", "code"),
    "subsidiary": ("parent", "child"),
}
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "directorship": ("proposed",),
    "officer": ("as_of",),
    "committee_membership": ("position", "as_of"),
    "pledge": ("end", "purpose", "as_of"),
    "pledge_release": ("start", "as_of"),
    "shareholding": ("percent", "as_of"),
    "controlling_shareholder": ("as_of",),
    "meeting": ("shares_represented", "percent_represented"),
    "resolution": ("kind", "title", "passed"),
    "attendance": (),
    "financial_estimate": ("currency", "prior"),
    "share_capital": ("a_shares", "h_shares"),
    "listing": (),
    "subsidiary": (),
}
PERCENT_FIELDS = frozenset({"percent", "percent_represented"})


class GoldError(Exception):
    """A facts or gold file that is not valid JSON Lines; names the file and line."""


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{n}: not JSON: {exc.msg}") from exc
            if not isinstance(obj, dict) or "type" not in obj or "doc" not in obj:
                raise GoldError(f"{path}:{n}: expected an object with 'type' and 'doc'")
            out.append(obj)
    return out


def same(field_name: str, gold: Any, pred: Any) -> bool:
    """Whether a predicted value matches a gold value under the spec's rules."""
    if isinstance(gold, list):
        return any(same(field_name, g, pred) for g in gold)
    if isinstance(pred, list):
        return any(same(field_name, gold, p) for p in pred)
    if gold is None or pred is None:
        return gold is None and pred is None
    if isinstance(gold, bool) or isinstance(pred, bool):
        return gold is pred
    if field_name in PERCENT_FIELDS:
        try:
            return abs(float(gold) - float(pred)) <= 0.01 + 1e-9
        except (TypeError, ValueError):
            return False
    if isinstance(gold, (int, float)):
        try:
            return float(gold) == float(pred)
        except (TypeError, ValueError):
            return False
    return name_key(str(gold)) == name_key(str(pred))


@dataclass
class TypeScore:
    gold: int = 0
    pred: int = 0
    match: int = 0
    attr_ok: int = 0
    attr_n: int = 0

    @property
    def precision(self) -> float:
        return self.match / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.match / self.gold if self.gold else (1.0 if not self.pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    by_type: dict[str, TypeScore] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total(self) -> TypeScore:
        t = TypeScore()
        for s in self.by_type.values():
            t.gold += s.gold
            t.pred += s.pred
            t.match += s.match
            t.attr_ok += s.attr_ok
            t.attr_n += s.attr_n
        return t

    def table(self) -> str:
        rows = [f"{'type':26s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>5s} {'pred':>5s} {'match':>5s}  attrs"]
        for name, s in sorted(self.by_type.items()) + [("ALL", self.total)]:
            attrs = f"{s.attr_ok}/{s.attr_n}" if s.attr_n else "-"
            rows.append(f"{name:26s} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                        f"{s.gold:5d} {s.pred:5d} {s.match:5d}  {attrs}")
        return "\n".join(rows)

    def as_json(self) -> dict[str, Any]:
        out = {}
        for name, s in sorted(self.by_type.items()) + [("ALL", self.total)]:
            out[name] = {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                         "f1": round(s.f1, 4), "gold": s.gold, "pred": s.pred, "match": s.match,
                         "attr_ok": s.attr_ok, "attr_n": s.attr_n}
        return out


def evaluate(gold_lines: Iterable[dict[str, Any]], pred_lines: Iterable[dict[str, Any]],
             only: set[str] | None = None) -> Evaluation:
    gold_lines = list(gold_lines)
    coverage = {g["doc"]: set(g.get("types", ())) for g in gold_lines if g.get("type") == "annotated"}

    def scored(f: dict[str, Any]) -> bool:
        t = f.get("type")
        return (t in KEYS and t in coverage.get(f.get("doc"), ())
                and not (t == "officer" and f.get("title") == "other")
                and (only is None or t in only))

    gold = [g for g in gold_lines if scored(g)]
    pred = [p for p in pred_lines if scored(p)]
    result = Evaluation()
    buckets: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for p in pred:
        result.by_type.setdefault(p["type"], TypeScore()).pred += 1
        buckets[(p["type"], p["doc"])].append(p)
    used: set[int] = set()
    for g in gold:
        t = g["type"]
        score = result.by_type.setdefault(t, TypeScore())
        score.gold += 1
        hit = next((p for p in buckets[(t, g["doc"])] if id(p) not in used
                    and all(same(k, g.get(k), p.get(k)) for k in KEYS[t])), None)
        if hit is None:
            result.misses.append(g)
            continue
        used.add(id(hit))
        score.match += 1
        for k in ATTRIBUTES[t]:
            if g.get(k) is not None:
                score.attr_n += 1
                score.attr_ok += same(k, g[k], hit.get(k))
    result.extras = [p for p in pred if id(p) not in used]
    return result
