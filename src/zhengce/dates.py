"""Dates as these pages write them, turned into ``YYYY-MM-DD``.

    2023-12-29 09:12 · 2023/12/29 · 2023.8.5 · 2017年05月15日 · 2023-12-29-09:12:30 (gov.cn)
    二〇二三年十二月二十九日 · 二OO八年五月二十三日 · 8月5日 (year from context)
"""
from __future__ import annotations

import datetime as dt

import regex as re

DATE_CN = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>1[0-2]|0?[1-9])\s*月\s*"
                     r"(?P<d>3[01]|[12]\d|0?[1-9])\s*日")
DATE_NUM = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s*(?P<sep>[-/.])\s*(?P<m>1[0-2]|0?[1-9])\s*"
                      r"(?P=sep)\s*(?P<d>3[01]|[12]\d|0?[1-9])(?![\d.]\d)")
_HZ_DIGIT = "〇○零OＯ0一二三四五六七八九"
DATE_HZ = re.compile(rf"(?P<y>[{_HZ_DIGIT}]{{4}})\s*年\s*(?P<m>十[一二]?|[一二三四五六七八九])\s*月\s*"
                     r"(?P<d>三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日")
DATE_MD = re.compile(r"(?<![\d年〇○零一二三四五六七八九十月])(?P<m>1[0-2]|[1-9])\s*月\s*"
                     r"(?P<d>3[01]|[12]\d|[1-9])\s*日")
_HZ_VALUE = {ch: i for i, ch in enumerate("零一二三四五六七八九")}
_HZ_VALUE.update({"〇": 0, "○": 0, "O": 0, "Ｏ": 0, "0": 0})


def _hz_small(text: str) -> int:
    """一 … 三十一 (the day and month part of a Chinese-numeral date)."""
    if "十" not in text:
        return _HZ_VALUE[text]
    tens, _, ones = text.partition("十")
    return (_HZ_VALUE[tens] if tens else 1) * 10 + (_HZ_VALUE[ones] if ones else 0)


def make(y: int, m: int, d: int) -> str | None:
    """``YYYY-MM-DD`` or None when the parts do not form a real date."""
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _from_match(m) -> str | None:
    parts = m.groupdict()
    if parts.get("y") and parts["y"].isdigit():
        return make(int(parts["y"]), int(parts["m"]), int(parts["d"]))
    year = int("".join(str(_HZ_VALUE[ch]) for ch in parts["y"]))
    return make(year, _hz_small(parts["m"]), _hz_small(parts["d"]))


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every full date in ``text`` as (start, end, YYYY-MM-DD), in order."""
    found = []
    for pattern in (DATE_CN, DATE_NUM, DATE_HZ):
        for m in pattern.finditer(text):
            iso = _from_match(m)
            if iso:
                found.append((m.start(), m.end(), iso))
    found.sort()
    out = []
    for item in found:  # overlapping matches: keep the first
        if not out or item[0] >= out[-1][1]:
            out.append(item)
    return out


def first_date(text: str) -> str | None:
    found = find_dates(text)
    return found[0][2] if found else None


def month_day(text: str, year: int | None, before: str | None = None) -> str | None:
    """'8月5日' with the year taken from context.

    ``before`` is the date the text was written by (the publish date): a month-day after it
    belongs to the previous year, since pages report what already happened.
    """
    m = DATE_MD.search(text)
    if not m or not year:
        return None
    iso = make(year, int(m.group("m")), int(m.group("d")))
    if iso and before and iso > before:
        iso = make(year - 1, int(m.group("m")), int(m.group("d")))
    return iso
