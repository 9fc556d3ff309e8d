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
    hints = _hints(cls)
    kwargs = {name: _convert(hints[name], data[name]) for name in hints if name in data and name not in given}
    return cls(**kwargs, **given)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    resolved = typing.get_type_hints(cls)
    return {f.name: resolved[f.name] for f in dataclasses.fields(cls)}


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        nested = [a for a in options if dataclasses.is_dataclass(a)]
        if nested and isinstance(value, dict):
            return from_dict(nested[0], value)
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=True))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value
