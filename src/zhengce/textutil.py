"""Small text helpers shared by every stage."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_INVISIBLE = str.maketrans({"\u200b": " ", "\ufeff": " "})
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")


def squash(text: str) -> str:
    """Collapse runs of spaces (ASCII, full-width, no-break) to one; keep tabs as cell breaks."""
    # str.split() knows every Unicode space and runs in C: three times faster than a regex sub,
    # on the hottest path of the render (every line of every page)
    if "\u200b" in text or "\ufeff" in text:   # zero-width space, BOM: not spaces to str.split
        text = text.translate(_INVISIBLE)
    if "\t" not in text:
        return " ".join(text.split())
    return "\t".join(cell for cell in (" ".join(part.split()) for part in text.split("\t")) if cell)


@lru_cache(maxsize=1 << 14)
def norm(text: str) -> str:
    """NFKC, traditional 號/發 mapped, all white space removed: the form used for matching."""
    text = nfkc(text).replace("號", "号").replace("發", "发")
    return "".join(text.split())


def nfkc(text: str) -> str:
    # the check is ~100x cheaper than the normalisation, and most text is already normal
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


# Chinese sentence punctuation: the strongest single signal that a line is prose.
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
