"""Stage objects to and from plain JSON data: the inverse of :func:`newsdossier.model.as_dict`.

``from_dict(Document, as_dict(doc)) == doc`` for every stage dataclass. Unknown keys are ignored
and missing keys take the field's default, so a store written by an older or newer version with
one field more or less still loads.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def to_json(value: Any) -> str:
    """Compact, deterministic JSON (sorted keys, UTF-8 kept as is)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def to_plain(value: Any) -> Any:
    """Like :func:`newsdossier.model.as_dict` (dataclasses to dicts, tuples to lists) without
    ``dataclasses.asdict``'s deep copies: several times faster on annotation-sized objects."""
    names = _field_names(type(value))
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def from_dict(cls: type[T], data: dict[str, Any], **given: Any) -> T:
    """Build the dataclass ``cls`` (and the dataclasses nested in it) from plain data.

    ``given`` fields are passed through as they are (already built objects).
    """
    kwargs = {}
    for name, convert in _plan(cls):
        if name in data and name not in given:
            value = data[name]
            kwargs[name] = value if convert is None or value is None else convert(value)
    return cls(**kwargs, **given)


Converter = Callable[[Any], Any]


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, Converter | None], ...]:
    """Each field of ``cls`` with the function that builds its value from plain data (None: as is)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


@functools.cache
def _converter(tp: Any) -> Converter | None:
    """A function turning plain data into a value of type ``tp``, made once per type."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        nested = [a for a in options if isinstance(a, type) and dataclasses.is_dataclass(a)]
        if len(options) == 1:
            return _converter(options[0])
        if nested:
            dc = nested[0]
            return lambda v: from_dict(dc, v) if isinstance(v, dict) else v
        return None
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            if item is None:
                return tuple
            return lambda v: tuple([None if x is None else item(x) for x in v])
        items = [_converter(a) for a in args]
        return lambda v: tuple(x if c is None or x is None else c(x) for c, x in zip(items, v, strict=True))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return functools.partial(from_dict, tp)
    return None
