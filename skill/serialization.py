"""The SDK's serializer, faster: a model class's fields, and the classes a type name means, looked up once, and
JSON built ahead of time (the screen's document) put into responses as it is.

The SDK's ``DefaultSerializer`` works out, for every object of every request and response, which attributes its
class has, what each is called in JSON and (reading) which class each type name means, importing it again; and
it copies every dict and list it writes, the screen's whole APL document included. ``SkillSerializer`` reads and
writes by the SDK's own rules with those looked up once per class, and puts a ``Prebuilt`` dict or list (JSON
values only, never changed after it is made) into a response as it is. What it meets rarely (dates, enums,
tuples of types) goes to the SDK's own code. So the output is the SDK's, key for key and in the same order, and
so are the objects read and the errors raised (``tests/test_serialization.py`` compares them).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import json
import re
from datetime import date, datetime
from enum import Enum
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer

_AS_IS = frozenset({str, int, float, bool, type(None)})
_NOT_MODELS = (object, date, datetime)  # read as they are, or by dateutil's parse
_LIST = re.compile(r"list\[(.*)\]")
_DICT = re.compile(r"dict\(([^,]*), (.*)\)")


class Prebuilt(dict):
    """A JSON object the skill built (values only), put into a response as it is: never changed once made."""


class PrebuiltList(list):
    """A JSON array the skill built (values only), put into a response as it is: never changed once made."""


def prebuilt(value: Any) -> Any:
    """``value``, JSON the skill built, marked to go into responses as it is (what it holds is not walked)."""
    if isinstance(value, dict):
        return Prebuilt(value)
    if isinstance(value, list):
        return PrebuiltList(value)
    return value


class SkillSerializer(DefaultSerializer):
    """``DefaultSerializer``, with the same results, faster on what requests and responses are made of."""

    def __init__(self) -> None:
        self._fields: dict[type, tuple[tuple[str, str], ...]] = {}
        self._readers: dict[type, tuple[tuple[tuple[str, str], ...], frozenset[str]]] = {}
        self._classes: dict[str, type] = {}

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

    def deserialize(self, payload: Any, obj_type: Any) -> Any:
        if payload is None:
            return None
        try:
            payload = json.loads(payload)
        except Exception:
            raise SerializationException(f"Couldn't parse response body: {payload}") from None
        return self._read(payload, obj_type)

    def _read(self, payload: Any, obj_type: Any) -> Any:
        """The SDK's ``__deserialize``, step for step."""
        if payload is None:
            return None
        if isinstance(obj_type, str):
            if obj_type.startswith("list["):
                inner = _LIST.match(obj_type)
                if inner is None or "," in inner.group(1):
                    return self._DefaultSerializer__deserialize(payload, obj_type)
                item_type = inner.group(1).strip()
                return [self._read(item, item_type) for item in payload]
            if obj_type.startswith("dict("):
                inner = _DICT.match(obj_type)
                if inner is None:
                    return {}
                value_type = inner.group(2)
                return {key: self._read(value, value_type) for key, value in payload.items()}
            native = self.NATIVE_TYPES_MAPPING.get(obj_type)
            obj_type = native if native is not None else self._class(obj_type)
        if type(payload) is obj_type and obj_type in _AS_IS:
            return payload  # what the SDK's cast to the type itself gives back
        if obj_type in self.PRIMITIVE_TYPES or obj_type in _NOT_MODELS:
            return self._DefaultSerializer__deserialize(payload, obj_type)
        return self._read_model(payload, obj_type)

    def _read_model(self, payload: Any, obj_type: Any) -> Any:
        """The SDK's ``__deserialize_model``, step for step, each class's fields looked up once."""
        try:
            if issubclass(obj_type, Enum):
                return obj_type(payload)
            if not hasattr(obj_type, "deserialized_types"):
                return payload
            if hasattr(obj_type, "get_real_child_model"):
                name = obj_type.get_real_child_model(payload)
                if not name:
                    raise SerializationException(f"Couldn't resolve object by discriminator type for {obj_type} class")
                obj_type = self._class(name)
            reader = self._readers.get(obj_type)
            if reader is None:
                reader = self._readers[obj_type] = _reader_of(obj_type)
            fields, known = reader
            types = obj_type.deserialized_types
            model = obj_type()
            for attribute, key in fields:
                if key in payload:
                    setattr(model, attribute, self._read(payload[key], types[attribute]))
            for key in [key for key in payload if key not in known]:
                setattr(model, key, payload[key])
            return model
        except Exception as error:
            raise SerializationException(str(error)) from error

    def _class(self, name: str) -> type:
        found = self._classes.get(name)
        if found is None:
            found = self._classes[name] = self._DefaultSerializer__load_class_from_name(name)
        return found


def _is_model(kind: type) -> bool:
    """A class the SDK serializes by its ``deserialized_types`` (an SDK model, not a value it converts)."""
    converted = (*DefaultSerializer.PRIMITIVE_TYPES, list, tuple, dict)
    return isinstance(getattr(kind, "deserialized_types", None), dict) and not issubclass(kind, converted)


def _reader_of(kind: type) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """(attribute, JSON key) of a model class in the order the SDK reads them, and the JSON keys it knows."""
    names = dict(getattr(kind, "attribute_map", {}))
    names.update({attribute: attribute for attribute in kind.deserialized_types if attribute not in names})
    return tuple(names.items()), frozenset(names.values())


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
