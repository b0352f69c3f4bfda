"""Writing a response: the SDK's serializer, with each model class's fields looked up once, and JSON built ahead
of time (the screen's document) passed through as it is.

The SDK's ``DefaultSerializer.serialize`` works out, for every object of every response, which attributes the
object's class has and what each is called in JSON, and copies every dict and list it meets, the screen's
whole APL document included. Here a class's fields are read once, plain dicts and lists are walked without
the SDK's chain of type checks, and a ``Prebuilt`` dict or list (JSON values only, never changed after it is
made) is put into the response as it is. Anything else goes to the SDK's own code, so the output is the
SDK's, key for key and in the same order (``tests/test_serialization.py`` compares them).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer

_AS_IS = frozenset({str, int, float, bool, type(None)})


class Prebuilt(dict):
    """A JSON object built once and shared by many responses: never changed after it is made."""


class PrebuiltList(list):
    """A JSON array built once and shared by many responses: never changed after it is made."""


def prebuilt(value: Any) -> Any:
    """``value`` (parsed JSON) with every object and array in it marked ``Prebuilt``."""
    if isinstance(value, dict):
        return Prebuilt({key: prebuilt(item) for key, item in value.items()})
    if isinstance(value, list):
        return PrebuiltList(prebuilt(item) for item in value)
    return value


class ResponseSerializer(DefaultSerializer):
    """``DefaultSerializer`` with the same output, faster on what responses are made of."""

    def __init__(self) -> None:
        self._fields: dict[type, tuple[tuple[str, str], ...]] = {}

    def serialize(self, obj: Any) -> Any:
        kind = type(obj)
        if kind in _AS_IS or kind is Prebuilt or kind is PrebuiltList:
            return obj
        if kind is dict:
            return {key: self.serialize(value) for key, value in obj.items()}
        if kind is list:
            return [self.serialize(item) for item in obj]
        fields = self._fields.get(kind)
        if fields is None:
            if not _is_model(kind):
                return super().serialize(obj)
            fields = self._fields[kind] = _fields_of(kind)
        serialized = {}
        for attribute, key in fields:
            value = getattr(obj, attribute)
            if value is not None:
                serialized[key] = self.serialize(value)
        return serialized


def _is_model(kind: type) -> bool:
    """A class the SDK serializes by its ``deserialized_types`` (an SDK model, not a value it converts)."""
    converted = (*DefaultSerializer.PRIMITIVE_TYPES, list, tuple, dict)
    return isinstance(getattr(kind, "deserialized_types", None), dict) and not issubclass(kind, converted)


def _fields_of(kind: type) -> tuple[tuple[str, str], ...]:
    """(attribute, JSON key) of a model class, in the order the SDK writes them."""
    names = getattr(kind, "attribute_map", {})
    return tuple((attribute, names.get(attribute, attribute)) for attribute in kind.deserialized_types)


def as_dict(obj: Any) -> Any:
    """``dataclasses.asdict(obj)``, without its deep copy of strings, numbers, booleans and None, which are
    immutable: most of what the dialog state holds, saved on every turn."""
    kind = type(obj)
    if kind in _AS_IS:
        return obj
    names = _field_names(kind)
    if names is not None:
        return {name: as_dict(getattr(obj, name)) for name in names}
    if kind is tuple or kind is list:
        return kind(as_dict(item) for item in obj)
    if kind is dict:
        return {as_dict(key): as_dict(value) for key, value in obj.items()}
    return copy.deepcopy(obj)


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's fields, in order; None for any other class."""
    return tuple(field.name for field in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None
