"""TimeML in and out: read a TimeBank/AQUAINT-style ``.tml`` file, write one from text and timexes.

A TimeML document's plain text is the character content of its ``<TEXT>`` element with every
inline tag (``TIMEX3``, ``EVENT``, ``SIGNAL``) removed; gold TIMEX3 offsets index that text. The
document creation time (DCT) is the TIMEX3 with ``functionInDocument="CREATION_TIME"``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from newsdossier.errors import InputError
from newsdossier.model import Timex

__all__ = ["TimeMLDocument", "read_timeml", "parse_timeml", "write_timeml", "is_timeml"]

_DCT_FUNCTION = "CREATION_TIME"
_ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML file's id, DCT (ISO date or ``None``), plain text and TIMEX3 annotations."""

    docid: str
    dct: str | None
    text: str
    timexes: tuple[Timex, ...]


def is_timeml(text: str) -> bool:
    """True when ``text`` looks like a TimeML document (has a ``<TimeML`` or ``<TEXT>`` root part)."""
    head = text.lstrip()[:2000]
    return "<TimeML" in head or ("<TEXT>" in text and "</TEXT>" in text)


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Parse a ``.tml`` file; raises :class:`InputError` when it is not well-formed TimeML."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    return parse_timeml(raw, default_id=path.stem)


def parse_timeml(raw: str, default_id: str = "") -> TimeMLDocument:
    """Parse TimeML markup given as a string."""
    try:
        root = ET.fromstring(raw.encode("utf-8"))
    except ET.ParseError as exc:
        raise InputError(f"not well-formed TimeML ({default_id or 'input'}): {exc}") from exc
    docid_el = root.find(".//DOCID")
    docid = (docid_el.text or "").strip() if docid_el is not None else default_id
    dct = None
    for el in root.iter("TIMEX3"):
        if el.get("functionInDocument") == _DCT_FUNCTION:
            dct = _iso_dct(el.get("value") or "")
            break
    text_el = root if root.tag == "TEXT" else root.find(".//TEXT")
    if text_el is None:
        raise InputError(f"TimeML without a <TEXT> element ({default_id or 'input'})")
    parts: list[str] = []
    timexes: list[Timex] = []
    _walk(text_el, parts, timexes, inside=False)
    return TimeMLDocument(docid=docid or default_id, dct=dct, text="".join(parts), timexes=tuple(timexes))


def _iso_dct(value: str) -> str | None:
    match = _ISO_DATE.match(value)
    if not match:
        return None
    return "-".join(match.groups()) + value[match.end():]


def _walk(el: ET.Element, parts: list[str], timexes: list[Timex], inside: bool) -> None:
    """Append ``el``'s text to ``parts``; record TIMEX3 extents (outermost only) in ``timexes``."""
    if el.text:
        parts.append(el.text)
    for child in el:
        start = sum(map(len, parts))
        _walk(child, parts, timexes, inside=inside or child.tag == "TIMEX3")
        if child.tag == "TIMEX3" and not inside:
            end = sum(map(len, parts))
            timexes.append(
                Timex(
                    start=start,
                    end=end,
                    text="".join(parts)[start:end],
                    type=child.get("type") or "DATE",
                    value=child.get("value") or "",
                    mod=child.get("mod") or None,
                )
            )
        if child.tail:
            parts.append(child.tail)


def write_timeml(text: str, timexes: list[Timex] | tuple[Timex, ...], dct: str | None = None, docid: str = "") -> str:
    """TimeML markup for ``text`` with ``timexes`` inline; overlapping timexes after the first are dropped."""
    out = ['<?xml version="1.0" ?>', "<TimeML>"]
    if docid:
        out.append(f"<DOCID>{escape(docid)}</DOCID>")
    if dct:
        out.append(
            '<DCT><TIMEX3 tid="t0" type="DATE" value=' + quoteattr(dct) + ' temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3></DCT>'
        )
    body: list[str] = []
    pos = 0
    for n, tx in enumerate(sorted(timexes, key=lambda t: (t.start, -t.end)), start=1):
        if tx.start < pos:
            continue
        body.append(escape(text[pos:tx.start]))
        attrs = f'tid="t{n}" type={quoteattr(tx.type)} value={quoteattr(tx.value)}'
        if tx.mod:
            attrs += f" mod={quoteattr(tx.mod)}"
        body.append(f"<TIMEX3 {attrs}>{escape(text[tx.start:tx.end])}</TIMEX3>")
        pos = tx.end
    body.append(escape(text[pos:]))
    out.append("<TEXT>" + "".join(body) + "</TEXT>")
    out.append("</TimeML>")
    return "\n".join(out) + "\n"
