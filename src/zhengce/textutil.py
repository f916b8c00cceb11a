"""Small text helpers shared by every stage."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"[ \n\u00a0\u2002\u2003\u2009\u200b\u3000\r\f\v\ufeff]+")
_TABS = re.compile(r"\s*\t[\s\t]*")
_ALL_WS = re.compile(r"\s+")
# Chinese sentence punctuation: the strongest single signal that a line is prose.
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")


def squash(text: str) -> str:
    """Collapse runs of spaces (ASCII, full-width, no-break) to one; keep tabs as cell breaks."""
    text = _SPACES.sub(" ", text)   # newlines are in the class: one pass
    if "\t" in text:
        text = _TABS.sub("\t", text)
    return text.strip(" \t")


@lru_cache(maxsize=1 << 14)
def norm(text: str) -> str:
    """NFKC, traditional 號/發 mapped, all white space removed: the form used for matching."""
    text = nfkc(text).replace("號", "号").replace("發", "发")
    return _ALL_WS.sub("", text)


def nfkc(text: str) -> str:
    # the check is ~100x cheaper than the normalisation, and most text is already normal
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


_PUNCT = re.compile("[，。；：、！？,;]")


def punct_count(text: str) -> int:
    # one regex pass costs half of nine str.count calls on the short lines this sees
    return len(_PUNCT.findall(text))


def cjk_count(text: str) -> int:
    return len(_NOT_CJK.sub("", text))


def dedupe(items):
    """Distinct items in order of first appearance."""
    seen = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
