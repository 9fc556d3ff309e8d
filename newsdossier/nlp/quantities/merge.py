"""Passes over the figures of one text: bounds joined by "and", lists under one unit, conversions."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from newsdossier.data import quantities as tables
from newsdossier.model import Quantity

MAX_ALTERNATIVE_GAP = 3  # "440-meter (1,444-foot)": at most " (" between a figure and its conversion
_LIST_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?:the\s+)?)")
# "2° and 10°, respectively": each value belongs to a different thing, so they stay separate figures.
_RESPECTIVELY = re.compile(r"[^.;]{0,30}?\brespectively\b", re.IGNORECASE)
_AND_OR = re.compile(r"\s+(?:and|or)\s+")
_BOUND_JOINER = re.compile(r"\s*,?\s*(?:and|but|,)\s*", re.IGNORECASE)


def merge_bounds(text: str, found: list[Quantity]) -> list[Quantity]:
    """"more than 10 and less than 40": a lower and an upper bound joined by "and" are one interval."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit == q.unit
            and {prev.qualifier is not None, q.qualifier is not None} == {True}
            and _BOUND_JOINER.fullmatch(text[prev.end : q.start])
            and ((prev.high is None and q.low is None) or (prev.low is None and q.high is None))
        ):
            low, high = (prev.low, q.high) if prev.high is None else (q.low, prev.high)
            if low is not None and high is not None and low < high:
                lo_open = (prev.bounds if prev.high is None else q.bounds)[0]
                hi_open = (q.bounds if prev.high is None else prev.bounds)[1]
                out[-1] = replace_quantity(
                    prev, end=q.end, text=text[prev.start : q.end], low=low, high=high, bounds=lo_open + hi_open,
                    qualifier=f"{prev.qualifier} … {q.qualifier}", counted=prev.counted or q.counted,
                )
                continue
        out.append(q)
    return out


def merge_lists(text: str, found: list[Quantity]) -> list[Quantity]:
    """"1.5 mm and 8.5 mm", "2, 5 and 10 μg": values listed under one unit are one list quantity
    (qualifier "list", low/high the smallest and largest; claims leave lists out)."""
    out: list[Quantity] = []
    for q in found:
        while out and _listed_before(text, out[-1], q) and not _RESPECTIVELY.match(text, q.end):
            prev = out.pop()
            q = replace_quantity(
                q, start=prev.start, text=text[prev.start : q.end], qualifier="list", value=prev.value,
                low=min(prev.low if prev.low is not None else prev.value, q.low if q.low is not None else q.value),
                high=max(prev.high if prev.high is not None else prev.value, q.high if q.high is not None else q.value),
            )
        if out and _bare_before(text, out[-1], q, _AND_OR):  # "9.8 and 3.4%", "22 and 0.22 ppm respectively"
            i = len(out) - 1
            out[i] = replace_quantity(out[i], unit=q.unit)
            while i > 0 and _bare_before(text, out[i - 1], out[i], _LIST_JOINER):  # "4.5, 6 and 13 kg respectively"
                i -= 1
                out[i] = replace_quantity(out[i], unit=q.unit)
        out.append(q)
    return out


def _bare_before(text: str, prev: Quantity, q: Quantity, joiner: re.Pattern) -> bool:
    """Whether ``prev`` is a bare number listed right before ``q`` and so shares its unit."""
    return (
        q.unit is not None
        and prev.unit is None
        and prev.counted is None
        and prev.qualifier is None
        and bool(re.fullmatch(r"[\d.,]+", prev.text))
        and bool(joiner.fullmatch(text[prev.end : q.start]))
    )


def _listed_before(text: str, prev: Quantity, q: Quantity) -> bool:
    """Whether ``prev`` is an earlier item of the unit list that ``q`` ends."""
    return (
        q.unit is not None
        and tables.UNIT_KINDS.get(q.unit) not in ("currency", "percent")  # "$5 and $10", "35% and 22%": two figures
        and q.qualifier in (None, "list")
        and prev.unit in (None, q.unit)
        and prev.qualifier in (None, "list")
        and prev.counted is None
        and bool(_LIST_JOINER.fullmatch(text[prev.end : q.start]))
        and (prev.unit is not None or bool(re.fullmatch(r"[\d.,]+", prev.text)))
    )


def link_alternatives(text: str, found: list[Quantity]) -> Iterator[Quantity]:
    """Mark "440-meter (1,444-foot)": the parenthesised figure restates the one before it in another unit."""
    previous: Quantity | None = None
    for q in found:
        if (
            previous is not None
            and previous.unit
            and q.unit
            and q.unit != previous.unit
            and re.fullmatch(r"\s*[(\[]\s*|\s*,?\s*or\s+|\s*/\s*", text[previous.end : q.start])
            and q.start - previous.end <= MAX_ALTERNATIVE_GAP + 3
        ):
            q = replace_quantity(q, same_as=previous.start, counted=q.counted or previous.counted)
        yield q
        previous = q


def replace_quantity(q: Quantity, **changes) -> Quantity:
    return dataclasses.replace(q, **changes)
