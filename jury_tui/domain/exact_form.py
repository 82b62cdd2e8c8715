"""The stored form of the domain's records, written and read back without pydantic.

`stored_form(record)` is the JSON data a record is written as (and hashed as, for the session's
fingerprint): every field, floats as floats, enums as their value, datetimes as ISO 8601 the way
pydantic writes them, so fingerprints of files written before stay the same.

`from_stored_form(cls, data)` reads that form back, and only that form: exact JSON types, every
field present, the limits of domain/limits.py and the records' own rules met, and data equal to the
stored form of the record it gives. Anything else gives None, and the caller validates with pydantic
instead, which accepts more and explains what is wrong. So it never accepts what pydantic would
refuse, and a file this program wrote opens without loading pydantic (tests/test_exact_form.py).
Where no reader of a type can change a value (no `__post_init__` in its records), that equality
holds by construction and is not checked again: a submission of 1000 applications holds 7000 scores.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

from jury_tui.domain.limits import AcceptsPlainText, Limits

T = TypeVar("T")

Writer = Callable[[Any], Any]
Reader = Callable[[Any], Any]
# (writer, reader, whether the reader gives back exactly what the writer writes, whatever the data)
Plan = tuple[Writer, Reader, bool]


class _NotExact(Exception):
    """The data is not in the exact stored form."""


def iso_datetime(value: dt.datetime) -> str:
    """ISO 8601 as pydantic writes it: 'Z' for UTC."""
    text = value.isoformat()
    if value.utcoffset() == dt.timedelta(0):
        return text[: -len("+00:00")] + "Z"
    return text


def stored_form(record: Any) -> Any:
    return _plan(type(record))[0](record)


def from_stored_form(cls: type[T], data: Any) -> T | None:
    _, reader, round_trip = _plan(cls)
    try:
        record = reader(data)
    except (_NotExact, ValueError, TypeError):  # ValueError, TypeError: a record's own rules, or no datetime
        return None
    return record if round_trip or stored_form(record) == data else None


# --- plans: one writer and one reader per type, built once ----------------------------------------

_PLANS: dict[Any, Plan] = {}


def _plan(annotation: Any) -> Plan:
    if annotation not in _PLANS:
        _PLANS[annotation] = _build(annotation)
    return _PLANS[annotation]


def _identity(value: Any) -> Any:
    return value


def _exact(kind: type) -> Reader:
    def read(data: Any) -> Any:
        if type(data) is not kind:
            raise _NotExact
        return data

    return read


def _read_float(data: Any) -> float:
    if type(data) is not float or not math.isfinite(data):
        raise _NotExact
    return data


def _write_float(value: Any) -> float:
    return float(value)


def _read_datetime(data: Any) -> dt.datetime:
    if type(data) is not str:
        raise _NotExact
    value = dt.datetime.fromisoformat(data)  # ValueError: not exact
    if iso_datetime(value) != data:
        raise _NotExact
    return value


def _build(annotation: Any) -> Plan:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *metadata = typing.get_args(annotation)
        writer, reader, round_trip = _plan(inner)
        limits = [item for item in metadata if isinstance(item, Limits)]
        unknown = [item for item in metadata if not isinstance(item, (Limits, AcceptsPlainText))]
        if unknown:  # a rule this reader does not know could be one pydantic enforces
            raise TypeError(f"no exact form for {annotation!r}")

        def read_limited(data: Any) -> Any:
            value = reader(data)
            for limit in limits:
                if not limit.allows(value):
                    raise _NotExact
            return value

        return writer, read_limited, round_trip
    if origin in (typing.Union, types.UnionType):
        options = [option for option in typing.get_args(annotation) if option is not type(None)]
        if len(options) != 1:
            raise TypeError(f"no exact form for {annotation!r}")
        writer, reader, round_trip = _plan(options[0])
        return (
            lambda value: None if value is None else writer(value),
            lambda data: None if data is None else reader(data),
            round_trip,
        )
    if origin is list:
        (item_type,) = typing.get_args(annotation)
        write_item, read_item, round_trip = _plan(item_type)

        def read_list(data: Any) -> list:
            if type(data) is not list:
                raise _NotExact
            return [read_item(item) for item in data]

        return (lambda value: [write_item(item) for item in value]), read_list, round_trip
    if origin is dict:
        key_type, value_type = typing.get_args(annotation)
        if key_type is not str:
            raise TypeError(f"no exact form for {annotation!r}")
        write_value, read_value, round_trip = _plan(value_type)

        def read_dict(data: Any) -> dict:
            if type(data) is not dict or not all(type(key) is str for key in data):
                raise _NotExact
            return {key: read_value(item) for key, item in data.items()}

        return (lambda value: {key: write_value(item) for key, item in value.items()}), read_dict, round_trip
    if annotation is object or annotation is Any:  # any JSON value, as pydantic takes it
        return _identity, _identity, True
    if annotation is str or annotation is int or annotation is bool:
        return _identity, _exact(annotation), True
    if annotation is float:
        return _write_float, _read_float, True
    if annotation is dt.datetime:
        return iso_datetime, _read_datetime, True  # the reader checks the text it came from
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        members = {member.value: member for member in annotation}

        def read_enum(data: Any) -> Enum:
            if type(data) is not str or data not in members:
                raise _NotExact
            return members[data]

        return (lambda value: value.value), read_enum, True
    if dataclasses.is_dataclass(annotation):
        return _record_plan(annotation)
    raise TypeError(f"no exact form for {annotation!r}")


def _record_plan(cls: type) -> Plan:
    hints = typing.get_type_hints(cls, include_extras=True)
    fields = [(field.name, _plan(hints[field.name])) for field in dataclasses.fields(cls)]
    names = {name for name, _ in fields}
    # A __post_init__ may change what it is given (strip a text, fill in a default).
    round_trip = not hasattr(cls, "__post_init__") and all(plan[2] for _, plan in fields)

    def write(record: Any) -> dict:
        return {name: writer(getattr(record, name)) for name, (writer, _, _) in fields}

    def read(data: Any) -> Any:
        if type(data) is not dict or data.keys() != names:
            raise _NotExact
        return cls(**{name: reader(data[name]) for name, (_, reader, _) in fields})

    return write, read, round_trip
