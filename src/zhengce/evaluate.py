"""Score the library on a corpus laid out as ``pages/`` + ``gold/`` (rules: SCHEMA.md, end).

Exact match for title, dates, doc_number, kind (and site, site_code, column, source); set
precision/recall for issuers (containment counts), actions (containment) and targets (value and
unit); the share of body_with passages found and of body_without passages kept out.
"""
from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path

from .textutil import norm

EXACT = ("title", "kind", "publish_date", "issue_date", "doc_number", "site", "site_code",
         "column", "source")
SETS = ("issuers", "actions", "targets", "references")


@dataclass
class FieldScore:
    hits: float = 0.0
    total: float = 0.0
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0
    misses: list = field(default_factory=list)

    def value(self, is_set: bool) -> float:
        if is_set:
            p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
            r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
            return 2 * p * r / (p + r) if p + r else 0.0
        return self.hits / self.total if self.total else math.nan


def _key(value) -> str:
    return norm(str(value)) if value is not None else ""


def _contains(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def _target_key(t: dict) -> tuple:
    try:
        value = round(float(t.get("value")), 6)
    except (TypeError, ValueError):
        value = None
    return value, _key(t.get("unit"))


def _match_sets(found: list, gold: list, same) -> tuple[int, list, list]:
    """Greedy one-to-one matching: (true positives, unmatched found, unmatched gold)."""
    left = list(found)
    missing = []
    tp = 0
    for g in gold:
        for i, f in enumerate(left):
            if same(f, g):
                tp += 1
                del left[i]
                break
        else:
            missing.append(g)
    return tp, left, missing


def score_page(record: dict, gold: dict, scores: dict) -> None:
    pid = gold.get("id", "?")
    for name in EXACT:
        if name not in gold:
            continue
        s = scores.setdefault(name, FieldScore())
        s.total += 1
        if _key(record.get(name)) == _key(gold[name]):
            s.hits += 1
        else:
            s.misses.append(f"{pid}: {name} got {record.get(name)!r} want {gold[name]!r}")
    for name in SETS:
        if name not in gold:
            continue
        s = scores.setdefault(name, FieldScore())
        if name == "targets":
            found = [_target_key(t) for t in record.get(name) or []]
            want = [_target_key(t) for t in gold[name]]
            same = lambda a, b: a == b  # noqa: E731
        elif name == "actions":
            found = [_key(a["text"] if isinstance(a, dict) else a) for a in record.get(name) or []]
            want = [_key(a) for a in gold[name]]
            same = _contains
        elif name == "issuers":
            found = [_key(x) for x in record.get(name) or []]
            want = [_key(x) for x in gold[name]]
            same = _contains
        else:
            found = [_key(x) for x in record.get(name) or []]
            want = [_key(x) for x in gold[name]]
            same = lambda a, b: a == b  # noqa: E731
        tp, extra, missing = _match_sets(found, want, same)
        s.tp += tp
        s.fp += len(extra)
        s.fn += len(missing)
        for x in extra:
            s.misses.append(f"{pid}: {name} extra {x}")
        for x in missing:
            s.misses.append(f"{pid}: {name} missing {x}")
    body = _key(record.get("body"))
    for name, want_in in (("body_with", True), ("body_without", False)):
        if name not in gold:
            continue
        s = scores.setdefault(name, FieldScore())
        for passage in gold[name]:
            s.total += 1
            if (_key(passage) in body) == want_in:
                s.hits += 1
            else:
                s.misses.append(f"{pid}: {name} {passage!r}")


def corpus_pairs(corpus: Path) -> list[tuple[Path, Path]]:
    """(page, gold) pairs: ``pages/ID.*`` + ``gold/ID.json``, or flat ``ID.ext`` + ``ID.gold.json``."""
    if (corpus / "gold").is_dir():
        pairs = []
        for gold in sorted((corpus / "gold").glob("*.json")):
            pages = sorted((corpus / "pages").glob(gold.stem + ".*"))
            if pages:
                pairs.append((pages[0], gold))
        return pairs
    pairs = []
    for gold in sorted(corpus.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        pages = [p for p in sorted(corpus.glob(stem + ".*")) if not p.name.endswith(".gold.json")]
        if pages:
            pairs.append((pages[0], gold))
    return pairs


def evaluate(corpus: str | Path) -> dict:
    """Run extract over every page with a gold file; return scores, misses and timing."""
    from .pipeline import extract
    from .record import ExtractionError

    corpus = Path(corpus)
    scores: dict[str, FieldScore] = {}
    crashes = []
    pages = 0
    started = time.perf_counter()
    for page_path, gold_path in corpus_pairs(corpus):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold.setdefault("id", page_path.stem)
        candidates = [page_path]
        pages += 1
        try:
            record = extract(candidates[0].read_bytes()).to_dict()
        except ExtractionError as exc:
            crashes.append(f"{gold['id']}: {exc}")
            record = {}
        except Exception as exc:  # noqa: BLE001 - a crash is a finding, not the end of the run
            crashes.append(f"{gold['id']}: {type(exc).__name__}: {exc}")
            record = {}
        score_page(record, gold, scores)
    return {"scores": scores, "pages": pages, "crashes": crashes,
            "seconds": time.perf_counter() - started}


def format_report(report: dict, show: bool = False) -> str:
    rows = [f"{'field':<14} {'score':>6}  {'n':>5}"]
    for name, s in sorted(report["scores"].items()):
        is_set = name in SETS
        n = int(s.tp + s.fn) if is_set else int(s.total)
        label = "F1" if is_set else "acc"
        rows.append(f"{name:<14} {s.value(is_set):>6.3f}  {n:>5}  {label}")
    rows.append(f"pages {report['pages']}, crashes {len(report['crashes'])}, "
                f"{report['seconds']:.2f} s")
    for crash in report["crashes"]:
        rows.append(f"CRASH {crash}")
    if show:
        for name, s in sorted(report["scores"].items()):
            rows.extend(f"  miss {m}" for m in s.misses)
    return "\n".join(rows)
