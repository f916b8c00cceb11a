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
# A base year's column, marked as such: '2025年基数', '2025年现状值'.
_BASE_HEAD = re.compile(r"^\s*(?:19|20)\d\d\s*年?\s*[（(]?\s*(?:基数|基期|基准|现状|实际)")
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


def table_targets(text: str, default_year: int | None = None,
                  doc_year: int | None = None) -> list[tuple[int, Target]]:
    """(position in ``text``, Target) for every row of an indicator table in ``text``.
    ``doc_year``, the document's year, tells a past year's column from a target's."""
    out: list[tuple[int, Target]] = []
    header = header_cells = None
    pos = 0
    for line in text.split("\n"):
        cells = line.split("\t") if "\t" in line else None
        merged = _two_row_header(header_cells, cells) if header and cells else None
        if merged:
            cells = merged
        new_header = _header(cells, doc_year) if cells else None
        if cells is None:
            header = header_cells = None       # a paragraph ends the table
        elif new_header:
            header, header_cells = new_header, cells
        elif header:
            out += [(pos, target) for target in _row_targets(line, cells, header, default_year)]
        pos += len(line) + 1
    return out


def _two_row_header(above: list[str] | None, cells: list[str]) -> list[str] | None:
    """'年度目标' spanning a second header row of years ('2026年 2027年 2028年'): the years take
    its place, so the header lines up with the data rows."""
    if not above or not all(_YEAR_HEAD.match(c) for c in cells):
        return None
    spanning = next((i for i, c in enumerate(above) if _TARGET_HEAD.search(c) and not _YEAR_HEAD.match(c)),
                    None)
    return None if spanning is None else above[:spanning] + cells + above[spanning + 1:]


def _header(cells: list[str], doc_year: int | None = None):
    """(number of cells, indicator column, target columns with their years, unit column or
    None) of a header row.  The target columns: every year column not before the document's
    year, less the first of several when no column is marked as the base ('2025年基数')."""
    years = [(int(m.group("y")), i) for i, c in enumerate(cells) if (m := _YEAR_HEAD.match(c))]
    targeted = [i for i, c in enumerate(cells) if _TARGET_HEAD.search(c) and not _YEAR_HEAD.match(c)]
    indicator = next((i for i, c in enumerate(cells) if _INDICATOR_HEAD.search(c)), None)
    if not (years or targeted) or len(cells) < 3:
        return None
    if years:
        ahead = sorted(years) if any(_BASE_HEAD.match(c) for c in cells) else sorted(years)[1:]
        ahead = [(y, i) for y, i in ahead if doc_year is None or y >= doc_year] or [max(years)]
        columns = [(i, y) for y, i in ahead]
    else:
        columns = [(targeted[-1], None)]
    if indicator is None:  # the last text column before the figures
        indicator = max(0, min(i for _, i in years) - 1) if years else 0
    unit = next((i for i, c in enumerate(cells) if _UNIT_HEAD.match(c)), None)
    return len(cells), indicator, columns, unit


def _row_targets(line: str, cells: list[str], header, default_year) -> list[Target]:
    width, ind_col, columns, unit_col = header
    found = (_row_target(line, cells, (width, ind_col, column, year, unit_col), default_year)
             for column, year in columns)
    return [target for target in found if target]


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
