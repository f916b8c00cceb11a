"""Targets set in a table: the 主要指标表 of a 规划 or 方案.

    类别      指标                      2020年   2025年      属性
    经济发展  地区生产总值年均增长（%）   6.1      5.5左右     预期性
              研发经费投入强度（%）       2.1      2.5以上     预期性

Plans put their main targets in such a table rather than in sentences. In a clean body a table
row is one paragraph with its cells separated by tabs; this module reads those rows. A row is a
target when the table's header names a target column (the latest year, or 目标) and the row
holds a figure there; the unit comes from the parentheses of the indicator cell, as plans print
it, or from a 单位 column. Rows whose first cells span several rows (类别) are shorter: cells align from the right.
"""
from __future__ import annotations

import re

from .record import Target

# A header cell naming a year column ('2025年', '2025年目标值', '2025') or a target column.
_YEAR_HEAD = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s*年?\s*(?:目标值?|规划值|预期值?|预计)?\s*$")
_TARGET_HEAD = re.compile(r"目标")
_INDICATOR_HEAD = re.compile(r"指标|项目|名称")
_UNIT_HEAD = re.compile(r"^\s*(?:计量)?单\s*位\s*$")
_UNIT = re.compile(r"\s*[（(]\s*(?P<u>[^（）()]{1,8}?)\s*[）)]\s*$")
_FOOTNOTE = re.compile(r"\[\d{1,2}\]|［\d{1,2}］|\(\d{1,2}\)$|（\d{1,2}）$|[*※]+")
# The figure of a cell, with what qualifies it: '5.5左右', '>2.5', '≥90', '4.5以上', '不低于60'
_FIGURE = re.compile(r"^\s*(?P<cmp>>=|<=|[>≥<≤＞＜]|不低于|不少于|不高于|不超过|超过|低于)?\s*"
                     # '〔1.05〕': a plan's five-year total, printed in brackets
                     r"[〔\[［]?\s*(?P<num>\d{1,9}(?:\.\d+)?)\s*[〕\]］]?\s*(?P<qual>左右|以上|以下|以内)?\s*$")
_SIGNS = {">": ">", "＞": ">", "超过": ">", ">=": ">=", "≥": ">=", "不低于": ">=", "不少于": ">=",
          "<": "<", "＜": "<", "低于": "<", "<=": "<=", "≤": "<=", "不高于": "<=", "不超过": "<="}
_QUALIFIERS = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "="}


def table_targets(text: str, default_year: int | None = None) -> list[tuple[int, Target]]:
    """(position in ``text``, Target) for every row of an indicator table in ``text``."""
    out: list[tuple[int, Target]] = []
    header = None
    pos = 0
    for line in text.split("\n"):
        cells = line.split("\t") if "\t" in line else None
        new_header = _header(cells) if cells else None
        if cells is None:
            header = None                      # a paragraph ends the table
        elif new_header:
            header = new_header
        elif header:
            target = _row_target(line, cells, header, default_year)
            if target:
                out.append((pos, target))
        pos += len(line) + 1
    return out


def _header(cells: list[str]) -> tuple[int, int, int, int | None, int | None] | None:
    """(number of cells, indicator column, target column, its year, unit column or None) of a
    header row."""
    years = [(int(m.group("y")), i) for i, c in enumerate(cells) if (m := _YEAR_HEAD.match(c))]
    targeted = [i for i, c in enumerate(cells) if _TARGET_HEAD.search(c) and not _YEAR_HEAD.match(c)]
    indicator = next((i for i, c in enumerate(cells) if _INDICATOR_HEAD.search(c)), None)
    if not (years or targeted) or len(cells) < 3:
        return None
    if years:
        year, column = max(years)
    else:
        year, column = None, targeted[-1]
    if indicator is None:  # the last text column before the figures
        indicator = max(0, min(i for _, i in years) - 1) if years else 0
    unit = next((i for i, c in enumerate(cells) if _UNIT_HEAD.match(c)), None)
    return len(cells), indicator, column, year, unit


def _row_target(line: str, cells: list[str], header, default_year) -> Target | None:
    width, ind_col, val_col, year, unit_col = header
    shift = width - len(cells)                 # leading cells spanning several rows are absent
    if shift < 0 or val_col - shift < 0:
        return None
    indicator_cell = _FOOTNOTE.sub("", cells[max(ind_col - shift, 0)]).strip()
    figure = _FIGURE.match(_FOOTNOTE.sub("", cells[val_col - shift]))
    if not figure:
        return None
    if m := _UNIT.search(indicator_cell):      # '研发经费投入强度（%）'
        indicator, unit = indicator_cell[:m.start()].strip(), m.group("u")
    else:                                      # or a 单位 column of its own
        indicator = indicator_cell
        unit = cells[unit_col - shift].strip() if unit_col is not None and unit_col >= shift else ""
        if not 0 < len(unit) <= 8 or _FIGURE.match(unit):
            return None                        # no unit to read the figure in
    if not indicator:
        return None
    comparator = (_SIGNS.get(figure.group("cmp") or "") or _QUALIFIERS.get(figure.group("qual") or "")
                  or ">=")
    return Target(text=line.strip(), indicator=indicator, comparator=comparator,
                  value=float(figure.group("num")), unit=unit,
                  year=year if year is not None else default_year)
