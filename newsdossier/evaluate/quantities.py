"""Scoring quantity extraction on MeasEval and the Recognizers-Text English specs.

Both gold formats are converted to one form, :class:`GoldItem` (a text and its gold quantities).
Metrics, each as precision / recall / F1 over one-to-one matches (a system quantity pairs with the
gold quantity it overlaps most, each used once):

* **value**: the spans overlap and the values are equal (a range's value is its first number; where
  gold states no value — MeasEval — the first number written in the gold span is taken, read whole:
  "1/100" is a hundredth (a proper fraction; "80/20" is a ratio), "2 × 10−9" and "10−5" (a
  superscript lost in the text) are powers of ten, "5.9 million" keeps its scale);
* **value+unit**: and the units are the same after folding written forms to one canonical name
  (compound units part by part: "kg/m3" and "kilograms per cubic metre" are one unit).
  A count has no unit of measure; MeasEval's annotators sometimes name what is counted in the unit
  field ("274 participants" → unit "participants"; 58 of its 1,663 quantities carry a unit that is a
  word or phrase outside the unit tables) and more often leave it empty ("two scenarios", marked
  ``IsCount``). So where the gold unit is such a phrase and the system reports no unit, the system's
  counted thing is compared with the head (last word, singular) of that phrase. The rule is the same
  for every system; a system that reports no counted thing (quantulum3) cannot match such a gold unit;
* **value+bounds**: and the low/high bounds are equal (``None`` = open); scored only where the gold
  states bounds (the Recognizers-Text specs; MeasEval has none), and not where the gold span leaves out
  a hedge written right before it ("more than [500 years old]", "about [$ 14 million]"): the
  NumberWithUnit specs annotate the bare figure, so they say nothing about the bounds a hedge sets.
  The system quantity paired with such a gold quantity is left out of the bounds counts too.

Conversion decisions: a Recognizers spec annotates one kind of quantity, so only system quantities of
that kind are scored against it (plain numbers against ``NumberModel``/``NumberRangeModel``, percentages
against ``PercentModel``, currencies against ``CurrencyModel``, other units against ``DimensionModel``,
temperatures against ``TemperatureModel``, durations against ``AgeModel``); the temperature spec's
bare "degrees" name a temperature of no stated scale, not an angle. A MeasEval span with a
percent sign and an empty unit field is given the unit percent (306 of the 317 gold spans with a ``%``
carry it; the other 11 left the field empty). Ordinal specs are skipped:
ordinals are not quantities. Experimental-mode and percent-mode variants are skipped. The same rules
apply to every system scored, so ours and quantulum3 are compared on the same footing.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsdossier.data import quantities as tables
from newsdossier.errors import InputError, InputNotFound
from newsdossier.evaluate.metrics import prf

__all__ = [
    "GoldItem",
    "GoldQuantity",
    "Predicted",
    "Scores",
    "canonical_unit",
    "errors",
    "evaluate",
    "load_gold",
    "load_measeval",
    "load_recognizers",
    "predict_ours",
    "predict_quantulum3",
    "score",
]

VALUE_REL_TOLERANCE = 1e-6  # values are equal up to float rounding of the written decimals

RECOGNIZERS_SPECS: dict[str, str] = {  # spec file → the kind of quantity it annotates
    "NumberModel.json": "number",
    "NumberRangeModel.json": "number",
    "PercentModel.json": "percent",
    "CurrencyModel.json": "currency",
    "DimensionModel.json": "dimension",
    "TemperatureModel.json": "temperature",
    "AgeModel.json": "duration",
}
# Recognizers' unit names that differ from ours once lower-cased.
RECOGNIZERS_UNITS: dict[str, str] = {"c": "degree Celsius", "f": "degree fahrenheit", "degree": "degree angle"}
RECOGNIZERS_CURRENCY_UNITS: dict[str, str] = {"pound": "pound sterling", "british pound": "pound sterling"}
_RANGE_VALUE = re.compile(r"^([\[(])\s*([-\d.eE+]*)\s*,\s*([-\d.eE+]*)\s*([\])])$")
_TIMES_TEN = re.compile(r"\s?[×x]\s?10\^?([-−]?\d{1,3})(?!\d)")  # scientific notation: 4.3 × 10−8
_SCALE_WORD = re.compile(r"\s?(" + "|".join(tables.SCALES) + r")\b", re.IGNORECASE)
_OVER = re.compile(r"/(\d+)(?![\d.,/])")
_TEN_MINUS = re.compile(r"[−⁻](\d{1,2})(?![\d.,])")
_FIRST_NUMBER = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?|[-−]?\.\d+")


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None  # canonical (see :func:`canonical_unit`)
    low: float | None = None
    high: float | None = None
    has_bounds: bool = False


@dataclass(frozen=True, slots=True)
class GoldItem:
    id: str
    dataset: str  # "measeval" or "recognizers/<spec>"
    text: str
    quantities: tuple[GoldQuantity, ...]
    kind: str | None = None  # the only kind of system quantity scored here (None: all)


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    value: float
    unit: str | None  # canonical
    low: float | None
    high: float | None
    counted: str | None = None  # what a count counts ("participants"), when the system says


@dataclass(slots=True)
class Scores:
    """Counts behind the metrics; ``add`` sums them across items."""

    gold: int = 0
    system: int = 0
    value: int = 0
    value_unit: int = 0
    bounds_gold: int = 0
    bounds_system: int = 0
    value_bounds: int = 0
    by_dataset: dict[str, Scores] = field(default_factory=dict)

    def add(self, other: Scores) -> None:
        for name in ("gold", "system", "value", "value_unit", "bounds_gold", "bounds_system", "value_bounds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def prf(self, metric: str) -> tuple[float, float, float]:
        if metric == "value_bounds":
            hits, system, gold = self.value_bounds, self.bounds_system, self.bounds_gold
        else:
            hits, system, gold = getattr(self, metric), self.system, self.gold
        return prf(hits, system, hits, gold)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"gold": self.gold, "system": self.system}
        for metric in ("value", "value_unit", "value_bounds"):
            p, r, f = self.prf(metric)
            out[metric] = {"p": round(100 * p, 1), "r": round(100 * r, 1), "f1": round(100 * f, 1)}
        if self.by_dataset:
            out["by_dataset"] = {k: v.as_dict() for k, v in sorted(self.by_dataset.items())}
        return out


# --- units --------------------------------------------------------------------------------------

_CANONICAL = {v.lower(): v for v in tables.UNITS.values()}


def canonical_unit(name: str | None) -> str | None:
    """Fold a unit as written or named ("km", "Kilometer", "kilometre") to one canonical name; a
    compound unit ("kg/m3", "centimeter per millisecond") folds part by part, joined by " per "."""
    if not name:
        return None
    parts = re.split(r"\s*/\s*|\s+per\s+", name.strip(), flags=re.IGNORECASE)
    if len(parts) > 1 and all(parts) and _fold(name.strip()) not in _CANONICAL:
        return " per ".join(_fold(p) or p.lower() for p in parts)
    return _fold(name)


def _fold(name: str) -> str | None:
    if name.strip() in tables.CASED_UNITS:
        return tables.CASED_UNITS[name.strip()]
    low = re.sub(r"\s+", " ", name.strip().lower())
    if low in ("dimensionless", ""):
        return None
    if low in tables.UNITS:
        return tables.UNITS[low]
    if low in _CANONICAL:
        return _CANONICAL[low]
    if low.endswith("s") and low[:-1] in tables.UNITS:
        return tables.UNITS[low[:-1]]
    return low


def unit_kind(unit: str | None) -> str:
    if unit is None:
        return "number"
    return tables.UNIT_KINDS.get(unit, "dimension")


# --- gold readers -------------------------------------------------------------------------------


def load_gold(path: str | Path) -> list[GoldItem]:
    """Gold items from a MeasEval folder, a Recognizers-Text ``Specs`` folder, or a folder holding both."""
    root = Path(path)
    if not root.exists():
        raise InputNotFound(f"no gold data at {root}")
    items: list[GoldItem] = []
    measeval = [p for p in (root, root / "measeval") if (p / "data").is_dir() or list(p.glob("*.tsv"))]
    specs = [p for p in (root, root / "recognizers-text-specs", root / "Specs") if list(p.rglob("NumberModel.json"))]
    if measeval:
        items += load_measeval(measeval[0])
    if specs:
        items += load_recognizers(specs[0])
    if not items:
        raise InputError(f"{root} holds neither MeasEval tsv files nor Recognizers-Text specs")
    return items


def load_measeval(root: Path) -> list[GoldItem]:
    """MeasEval paragraphs (every split found under ``root``) with their Quantity annotations."""
    texts = {p.stem: p for p in root.rglob("*.txt")}
    items = []
    for tsv in sorted(root.rglob("*.tsv")):
        if tsv.stem not in texts:
            continue
        text = texts[tsv.stem].read_text(encoding="utf-8")
        quantities = []
        with tsv.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row.get("annotType") != "Quantity":
                    continue
                start, end = int(row["startOffset"]), int(row["endOffset"])
                other = json.loads(row["other"]) if row.get("other", "").strip() else {}
                value = _first_value(row["text"])
                unit = other.get("unit") or ("%" if "%" in row["text"] else None)
                quantities.append(GoldQuantity(start, end, row["text"], value, canonical_unit(unit)))
        items.append(GoldItem(tsv.stem, "measeval", text, tuple(_dedupe(quantities))))
    return items


def _first_value(text: str) -> float | None:
    """The first number written in a gold span: digits, else number words read with the number reader."""
    number = _FIRST_NUMBER.search(text)
    if number:
        value = float(number.group(0).replace(",", "").replace("−", "-"))
        power = _TIMES_TEN.match(text, number.end())
        if power:
            return value * 10 ** int(power.group(1).replace("−", "-"))
        over = _OVER.match(text, number.end())
        if over and value < float(over.group(1)):
            return value / float(over.group(1))  # "1/100" is a hundredth
        if number.group(0) == "10" and (exponent := _TEN_MINUS.match(text, number.end())):
            return 10.0 ** -int(exponent.group(1))  # "10−5 mbar": a superscript lost in copying
        scale = _SCALE_WORD.match(text, number.end())
        return value * tables.SCALES[scale.group(1).lower()] if scale else value  # "5.9 million"
    from newsdossier.nlp.quantities.numbers import NUMBER_START, read_number

    start = NUMBER_START.search(text)
    found = read_number(text, start.start()) if start else None
    return found.value if found else None


def _dedupe(quantities: list[GoldQuantity]) -> list[GoldQuantity]:
    seen, out = set(), []
    for q in quantities:
        if (q.start, q.end) not in seen:
            seen.add((q.start, q.end))
            out.append(q)
    return out


def load_recognizers(root: Path) -> list[GoldItem]:
    """The English Recognizers-Text specs named in ``RECOGNIZERS_SPECS``."""
    items = []
    for spec in sorted(root.rglob("*.json")):
        kind = RECOGNIZERS_SPECS.get(spec.name)
        if kind is None or "English" not in spec.parts:
            continue
        for n, case in enumerate(json.loads(spec.read_text(encoding="utf-8-sig"))):
            text = case["Input"]
            gold = tuple(q for r in case.get("Results", ()) if (q := _recognizers_quantity(r, kind)) is not None)
            items.append(GoldItem(f"{spec.stem}#{n}", f"recognizers/{spec.stem}", text, gold, kind))
    return items


def _recognizers_quantity(result: dict, kind: str) -> GoldQuantity | None:
    resolution = result.get("Resolution") or {}
    raw = str(resolution.get("value", ""))
    start, end = int(result["Start"]), int(result["End"]) + 1  # Recognizers' End is inclusive
    unit = _recognizers_unit(resolution.get("unit"), kind)
    ranged = _RANGE_VALUE.match(raw)
    if ranged:
        low = float(ranged.group(2)) if ranged.group(2) else None
        high = float(ranged.group(3)) if ranged.group(3) else None
        value = low if low is not None else high
        return GoldQuantity(start, end, result["Text"], value, unit, low, high, has_bounds=True)
    try:
        value = float(raw.rstrip("%"))
    except ValueError:
        return None
    if kind == "percent":
        unit = "percentage"
    return GoldQuantity(start, end, result["Text"], value, unit, value, value, has_bounds=True)


def _recognizers_unit(name: str | None, kind: str) -> str | None:
    if not name:
        return None
    low = name.strip().lower()
    if kind == "currency":
        if low in RECOGNIZERS_CURRENCY_UNITS:
            return RECOGNIZERS_CURRENCY_UNITS[low]
        folded = canonical_unit(low)
        if folded in tables.UNIT_KINDS:
            return folded
        return canonical_unit(low.split()[-1])
    if kind == "temperature" and low == "degree":
        return tables.TEMPERATURE_DEGREE  # the temperature spec's bare "degrees" name no scale, not an angle
    return RECOGNIZERS_UNITS.get(low) or canonical_unit(low)


# --- systems ------------------------------------------------------------------------------------

Predictor = Callable[[Sequence[GoldItem]], list[list[Predicted]]]


def predict_ours(items: Sequence[GoldItem]) -> list[list[Predicted]]:
    """Our extractor on each item's text (blank English tokenizer + sentencizer, no timexes)."""
    import spacy

    from newsdossier.nlp.quantities import find_quantities

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    out = []
    for doc in nlp.pipe(item.text for item in items):
        out.append([Predicted(q.start, q.end, q.value, q.unit, q.low, q.high, q.counted) for q in find_quantities(doc)])
    return out


def predict_quantulum3(items: Sequence[GoldItem]) -> list[list[Predicted]]:
    """quantulum3 (the ``reference`` extra) on the same texts; its ranges give their first number as value."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError as exc:
        raise InputError("quantulum3 is not installed: pip install 'newsdossier[reference]'") from exc
    out = []
    for item in items:
        found = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                parsed = parser.parse(item.text)
            except Exception:  # noqa: BLE001 - a reference system's crash on one text scores as no output
                parsed = []
        for q in parsed:
            unit = canonical_unit(q.unit.name if q.unit else None)
            uncertainty = getattr(q, "uncertainty", None)
            low = high = float(q.value)
            if uncertainty:
                low, high = q.value - uncertainty, q.value + uncertainty
            found.append(Predicted(q.span[0], q.span[1], float(q.value), unit, low, high))
        out.append(found)
    return out


SYSTEMS: dict[str, Predictor] = {"ours": predict_ours, "quantulum3": predict_quantulum3}


# --- scoring ------------------------------------------------------------------------------------


def score(items: Sequence[GoldItem], predictions: Sequence[Sequence[Predicted]]) -> Scores:
    total = Scores()
    for item, predicted in zip(items, predictions, strict=True):
        counts = _score_item(item, predicted)
        total.add(counts)
        total.by_dataset.setdefault(item.dataset, Scores()).add(counts)
    return total


def _scored(item: GoldItem, predicted: Sequence[Predicted]) -> list[Predicted]:
    """The system quantities scored against an item: all, or only those of the kind its spec annotates."""
    return [p for p in predicted if item.kind is None or unit_kind(p.unit) == item.kind]


def _score_item(item: GoldItem, predicted: Sequence[Predicted]) -> Scores:
    system = _scored(item, predicted)
    counts = Scores(gold=len(item.quantities), system=len(system))
    pairs = list(_pairs(item.quantities, system))
    silent = [g for g in item.quantities if g.has_bounds and _hedge_left_out(item.text, g)]
    if any(g.has_bounds for g in item.quantities) or item.dataset.startswith("recognizers"):
        counts.bounds_gold = sum(1 for g in item.quantities if g.has_bounds) - len(silent)
        counts.bounds_system = len(system) - sum(1 for g, _ in pairs if any(g is s for s in silent))
    for gold, pred in pairs:
        if not _same_value(gold.value, pred.value):
            continue
        counts.value += 1
        counts.value_unit += _same_unit(gold.unit, pred)
        if gold.has_bounds and not any(gold is s for s in silent):
            counts.value_bounds += _same_value(gold.low, pred.low) and _same_value(gold.high, pred.high)
    return counts


_KNOWN_UNITS = frozenset(tables.UNITS.values()) | frozenset(tables.CASED_UNITS.values())
_NOUN_PHRASE = re.compile(r"[a-z][a-z -]*[a-z]{2}")
_HEDGE_BEFORE = re.compile(
    r"(?:^|\s)(?:" + "|".join(re.escape(h) for h in sorted(tables.HEDGES, key=len, reverse=True) if h[0].isalpha()) + r")\s*$",
    re.IGNORECASE,
)


def _same_unit(gold: str | None, pred: Predicted) -> bool:
    """Units equal, or (gold naming a counted noun, system naming no unit) the counted heads equal."""
    if gold == pred.unit:
        return True
    if pred.unit is not None or not pred.counted or gold is None or gold in _KNOWN_UNITS or not _NOUN_PHRASE.fullmatch(gold):
        return False
    return _head(gold) == _head(pred.counted)


def _head(phrase: str) -> str:
    word = phrase.lower().split()[-1]
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _hedge_left_out(text: str, gold: GoldQuantity) -> bool:
    """Whether a hedge is written right before a gold span that does not include it."""
    return bool(_HEDGE_BEFORE.search(text[max(0, gold.start - 30) : gold.start]))


def _pairs(gold: Sequence[GoldQuantity], system: Sequence[Predicted]) -> Iterable[tuple[GoldQuantity, Predicted]]:
    """One-to-one pairs of overlapping spans, largest overlap first."""
    candidates = sorted(
        (
            (min(g.end, p.end) - max(g.start, p.start), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(system)
            if min(g.end, p.end) > max(g.start, p.start)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_system: set[int] = set()
    for _, i, j in candidates:
        if i in used_gold or j in used_system:
            continue
        used_gold.add(i)
        used_system.add(j)
        yield gold[i], system[j]


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=VALUE_REL_TOLERANCE, abs_tol=1e-9)


def errors(items: Sequence[GoldItem], predictions: Sequence[Sequence[Predicted]]) -> Iterator[dict[str, object]]:
    """Every value+unit error, one plain record each, under the same pairing as :func:`score`.

    ``error`` is ``false_positive`` (a system quantity paired with no gold), ``miss`` (a gold quantity
    paired with nothing), ``wrong_value`` or ``wrong_unit`` (paired, value or unit differs); ``gold`` and
    ``found`` hold the two sides.
    """
    for item, predicted in zip(items, predictions, strict=True):
        system = _scored(item, predicted)
        pairs = list(_pairs(item.quantities, system))
        for gold, pred in pairs:
            if not _same_value(gold.value, pred.value):
                yield _error("wrong_value", item, gold, pred)
            elif not _same_unit(gold.unit, pred):
                yield _error("wrong_unit", item, gold, pred)
        for gold in item.quantities:
            if not any(gold is g for g, _ in pairs):
                yield _error("miss", item, gold, None)
        for pred in system:
            if not any(pred is p for _, p in pairs):
                yield _error("false_positive", item, None, pred)


_ERROR_CONTEXT = 60  # characters of text shown either side of an error


def _error(kind: str, item: GoldItem, gold: GoldQuantity | None, pred: Predicted | None) -> dict[str, object]:
    spans = [q for q in (gold, pred) if q is not None]
    start, end = min(q.start for q in spans), max(q.end for q in spans)
    record: dict[str, object] = {
        "error": kind,
        "dataset": item.dataset,
        "id": item.id,
        "context": item.text[max(0, start - _ERROR_CONTEXT) : end + _ERROR_CONTEXT],
    }
    if gold is not None:
        record["gold"] = {"text": gold.text, "value": gold.value, "unit": gold.unit}
    if pred is not None:
        record["found"] = {
            "text": item.text[pred.start : pred.end], "value": pred.value, "unit": pred.unit, "counted": pred.counted,
        }
    return record


def evaluate(
    gold: str | Path | Sequence[GoldItem],
    systems: Sequence[str] = ("ours",),
    on_error: Callable[[dict[str, object]], None] | None = None,
) -> dict[str, Scores]:
    """Score each named system (``ours``, ``quantulum3``) on the gold data; ``on_error`` (if given)
    receives each system's :func:`errors`, each record naming its ``system``."""
    items = load_gold(gold) if isinstance(gold, (str, Path)) else list(gold)
    results = {}
    for name in systems:
        if name not in SYSTEMS:
            raise InputError(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")
        predictions = SYSTEMS[name](items)
        results[name] = score(items, predictions)
        if on_error is not None:
            for record in errors(items, predictions):
                on_error({"system": name, **record})
    return results


def format_table(results: dict[str, Scores]) -> str:
    """Systems side by side: P/R/F1 per metric, overall and per dataset."""
    lines = []
    names = list(results)
    datasets = ["all", *sorted(next(iter(results.values())).by_dataset)] if results else []
    header = f"{'dataset':32} {'system':11} {'gold':>5} {'sys':>5}  " + "  ".join(
        f"{m:>18}" for m in ("value P/R/F1", "value+unit P/R/F1", "value+bounds P/R/F1")
    )
    lines.append(header)
    for dataset in datasets:
        for name in names:
            s = results[name] if dataset == "all" else results[name].by_dataset.get(dataset, Scores())
            cells = []
            for metric in ("value", "value_unit", "value_bounds"):
                p, r, f = s.prf(metric)
                cells.append(f"{100 * p:5.1f}/{100 * r:5.1f}/{100 * f:5.1f}")
            lines.append(f"{dataset:32} {name:11} {s.gold:5d} {s.system:5d}  " + "  ".join(f"{c:>18}" for c in cells))
    return "\n".join(lines)
