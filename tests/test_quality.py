"""Quality held by tests: the fixtures field by field, and bounds on the shared corpus.

The corpus bounds only ever go up: raise them when the library improves, never lower them.
"""
from __future__ import annotations

import json

import pytest

import zhengce
from zhengce.evaluate import EXACT, SETS, corpus_pairs, evaluate
from zhengce.textutil import norm

from paths import FIXTURES

FIXTURE_PAIRS = corpus_pairs(FIXTURES)
EXACT_FIELDS = [f for f in EXACT]

# field -> lowest score accepted on ../shared/corpus (accuracy, or F1 for list fields)
CORPUS_BOUNDS = {
    "title": 1.0, "publish_date": 1.0, "issue_date": 1.0, "doc_number": 1.0, "kind": 1.0,
    "issuers": 1.0, "body_with": 1.0, "body_without": 1.0, "column": 1.0, "site": 1.0,
    "site_code": 1.0, "source": 1.0, "references": 1.0, "actions": 1.0, "targets": 1.0,
}
# the fixtures grow with every held-out round: these bounds hold what the library does on all of
# them (every field is held exactly by test_fixture_fields; actions and targets as F1 here: two
# targets missed, a ratio '车桩比不高于2:1' (no unit for ratios) and a change against the year
# before with no cue, '近视率较上年下降1个百分点' in a 工作要点)
FIXTURE_BOUNDS = {"actions": 1.0, "targets": 0.995}


def test_there_are_fixtures_of_every_family():
    names = {page.stem for page, _ in FIXTURE_PAIRS}
    assert len(names) >= 10
    assert {"trs_policy", "hanweb_notice", "ucap_interpretation", "table_layout_gbk",
            "joint_notice", "list_page"} <= names


@pytest.mark.parametrize("page, gold_path", FIXTURE_PAIRS, ids=[p.stem for p, _ in FIXTURE_PAIRS])
def test_fixture_fields(page, gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    record = zhengce.extract(page.read_bytes())
    got = record.to_dict()
    for name in EXACT_FIELDS:
        if name in gold:
            want = gold[name]
            assert norm(str(got[name])) == norm(str(want)) if want is not None else got[name] is None, name
    if "issuers" in gold:
        assert [norm(x) for x in got["issuers"]] == [norm(x) for x in gold["issuers"]]
    if "references" in gold:
        assert [norm(x) for x in got["references"]] == [norm(x) for x in gold["references"]]
    body = norm(record.body)
    for passage in gold.get("body_with", []):
        assert norm(passage) in body, passage
    for passage in gold.get("body_without", []):
        assert norm(passage) not in body, passage
    if "body_paragraphs" in gold:
        assert len(record.body.split("\n")) == gold["body_paragraphs"]


def test_fixture_actions_and_targets():
    report = evaluate(FIXTURES)
    scores = report["scores"]
    for name, bound in FIXTURE_BOUNDS.items():
        assert scores[name].value(name in SETS) >= bound, name


def test_corpus_bounds(corpus):
    report = evaluate(corpus)
    assert report["crashes"] == []
    low = {}
    for name, bound in CORPUS_BOUNDS.items():
        score = report["scores"][name].value(name in SETS)
        if score < bound:
            low[name] = round(score, 3)
    assert not low, f"below the bounds: {low}"
