"""The region a text is about: the most specific Chinese administrative division it names.

Standard library only. ``resources/regions/divisions.tsv`` (adcode, full name, province,
prefecture; see its README) is read once, on first use. The text is scanned in one pass,
leftmost-longest, for full, suffix-bearing names of at least three characters, so a short
form (四川, 苏州) never counts, 马鞍山市 is not also 鞍山市, and 搬迁安置 is not 迁安市.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from annotator.resources import resource_path

# A name followed by these is part of an institution's name (扬州市大学, 四川省电视台) ...
_INSTITUTIONS = ("大学", "学院", "银行", "日报", "电视台")
# ... and one whose last character starts these words is not a name at all (合作市场, 和平区域).
_WORDS_ACROSS_SUFFIX = frozenset({"市场", "区域"})
# Names that are also everyday words (比如县级, 振兴区域, 公安县局) count only when their
# prefecture or province is named too, like a name that several divisions share. (One
# string, not 58 quoted ones.)
_EVERYDAY = frozenset(
    (  # noqa: SIM905
        "新城区 老城区 城中区 城东区 城西区 城北区 城关区 市中区 市南区 市北区 路南区 路北区 "
        "解放区 前进区 友好区 平安区 新兴区 复兴区 振兴区 红旗区 东风区 工农区 向阳区 和平区 "
        "太平区 安定区 港口区 宏伟区 清新区 前锋区 爱民区 回民区 安居区 新建区 资源县 比如县 "
        "公安县 和平县 平原县 南部县 共和县 友谊县 新兴县 富裕县 延长县 中方县 会同县 大方县 "
        "无为县 同心县 博爱县 民权县 惠民县 富民县 平和县 清水县 合作市 东方市"
    ).split()
)
# 恩施土家族苗族自治州 is written 恩施州: the short form counts with 州 after it.
_AUTONOMOUS_PREFECTURE = re.compile(
    r"(.{2,}?)(?:(?:朝鲜|土家|布依|哈尼|景颇|傈僳|[苗壮藏羌彝侗傣白回])族|蒙古族?|维吾尔|哈萨克|柯尔克孜)+自治州"
)


@dataclass(frozen=True, slots=True)
class Region:
    name: str  # the full path: 江苏省苏州市张家港市
    adcode: str  # GB/T 2260, six digits
    level: str  # 省级, 地级市, 自治州, 盟, 地区, 市辖区, 县 or 县级市
    mentions: int  # how often the division itself is named in the text


@dataclass(frozen=True, slots=True)
class _Divisions:
    names: dict[str, str]  # adcode -> full name
    codes: dict[str, tuple[str, ...]]  # full name or short form -> adcodes (several: 朝阳区)
    index: dict[str, tuple[str, ...]]  # first two characters -> names, longest first


@cache
def _divisions() -> _Divisions:
    text = resource_path("regions", "divisions.tsv").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    codes: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines()[1:]:
        code, name, _province, _prefecture = line.split("\t")
        names[code] = name
        codes[name] = (*codes.get(name, ()), code)
    for code, name in names.items():
        short = _AUTONOMOUS_PREFECTURE.fullmatch(name)
        if short and short[1] + "州" not in codes:
            codes[short[1] + "州"] = (code,)
    index: dict[str, list[str]] = {}
    for name in codes:
        if len(name) >= 3:
            index.setdefault(name[:2], []).append(name)
    return _Divisions(
        names,
        codes,
        {key: tuple(sorted(group, key=len, reverse=True)) for key, group in index.items()},
    )


def _mentions(text: str, divisions: _Divisions) -> tuple[Counter[str], dict[str, int]]:
    """How often each name occurs (leftmost-longest, not overlapping), and where first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    index = divisions.index
    i, last = 0, len(text) - 3
    while i <= last:
        for name in index.get(text[i : i + 2], ()):
            if text.startswith(name, i):
                after = i + len(name)
                if not (
                    text.startswith(_INSTITUTIONS, after)
                    or name[-1] + text[after : after + 1] in _WORDS_ACROSS_SUFFIX
                ):
                    counts[name] += 1
                    first.setdefault(name, i)
                i = after
                break
        else:
            i += 1
    return counts, first


def _parents(code: str, names: dict[str, str]) -> list[str]:
    """The province and, where there is one, the prefecture above ``code``."""
    if code.endswith("0000"):
        return []
    province, prefecture = code[:2] + "0000", code[:4] + "00"
    if code.endswith("00") or prefecture not in names:
        return [province]
    return [province, prefecture]


def _level(code: str, name: str) -> str:
    if code.endswith("0000"):
        return "省级"
    if code.endswith("00"):
        return next((kind for kind in ("自治州", "盟", "地区") if name.endswith(kind)), "地级市")
    # 自治州 and 地区 number their cities 01-20; 崇明区 is 51, 铜梁区 151 (GB/T 2260 exceptions).
    if name.endswith("市"):
        return "县级市"
    if name.endswith("区") and not name.endswith("林区"):
        return "市辖区"
    number = int(code[4:])
    return "市辖区" if number <= 20 else "县" if number <= 80 else "县级市"


def find_region(text: str) -> Region | None:
    """The division ``text`` (simplified script) is about, or None if it names none for sure.

    Each division counts the literal occurrences of its full name. A name shared by several
    divisions (朝阳区, 鼓楼区) goes to the one whose prefecture, else province, is also named,
    and is dropped if that does not single one out. Then, from the top: the province with
    the most mentions in its branch, within it the prefecture, within it the county-level
    unit (ties: the first named); a unit below is chosen when its branch is named at least
    as often as the unit above is named itself.
    """
    divisions = _divisions()
    names = divisions.names
    counts, first = _mentions(text, divisions)
    sure = {
        divisions.codes[name][0]
        for name in counts
        if len(divisions.codes[name]) == 1 and name not in _EVERYDAY
    }
    own: Counter[str] = Counter()
    branch: Counter[str] = Counter()
    seen: dict[str, int] = {}
    children: dict[str, set[str]] = {}
    for name, count in counts.items():
        code = _resolve(name, divisions.codes[name], sure, names)
        if code is None:
            continue
        own[code] += count
        path = ["", *_parents(code, names), code]
        for parent, child in pairwise(path):
            children.setdefault(parent, set()).add(child)
            branch[child] += count
            seen[child] = min(seen.get(child, first[name]), first[name])
    node = ""
    while node in children:
        best = max(children[node], key=lambda c: (branch[c], -seen[c]))
        if branch[best] < own[node]:
            break
        node = best
    if not node:
        return None
    path = [*_parents(node, names), node]
    return Region("".join(names[c] for c in path), node, _level(node, names[node]), own[node])


def _resolve(
    name: str, candidates: tuple[str, ...], sure: set[str], names: dict[str, str]
) -> str | None:
    """The one division ``name`` means: its only one, or the one whose prefecture, else
    province, is named for sure in the same text (required for an everyday word)."""
    if len(candidates) == 1 and name not in _EVERYDAY:
        return candidates[0]
    for rank in (-1, 0):  # the prefecture (or a municipality's province), then the province
        named = [c for c in candidates if (above := _parents(c, names)) and above[rank] in sure]
        if named:
            return named[0] if len(named) == 1 else None
    return None
