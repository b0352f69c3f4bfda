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
# What a type name means (SkillSerializer._meaning), and how a class is read (_plan_of).
_LIST_OF, _DICT_OF, _CLASS, _BY_SDK = object(), object(), object(), object()
_ENUM, _AS_GIVEN, _BY_DISCRIMINATOR = object(), object(), object()
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
        self._plans: dict[Any, Any] = {}
        self._children: dict[type, Any] = {}
        self._types: dict[str, tuple[object, Any]] = {}
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

    def read(self, value: Any, obj_type: Any) -> Any:
        """``deserialize`` of a JSON value already parsed (a request the gateway parsed and checked): the same
        objects, without writing the value out as text to parse it again."""
        return self._read(value, obj_type)

    def _read(self, payload: Any, obj_type: Any) -> Any:
        """The SDK's ``__deserialize``, step for step, each type name read once."""
        if payload is None:
            return None
        if isinstance(obj_type, str):
            how = self._types.get(obj_type)
            if how is None:
                how = self._types[obj_type] = self._meaning(obj_type)
            kind, inner = how
            if kind is _LIST_OF:
                return [self._read(item, inner) for item in payload]
            if kind is _DICT_OF:
                return {key: self._read(value, inner) for key, value in payload.items()}
            if kind is _BY_SDK:
                return self._DefaultSerializer__deserialize(payload, obj_type)
            obj_type = inner
        if type(payload) is obj_type and obj_type in _AS_IS:
            return payload  # what the SDK's cast to the type itself gives back
        if obj_type in self.PRIMITIVE_TYPES or obj_type in _NOT_MODELS:
            return self._DefaultSerializer__deserialize(payload, obj_type)
        return self._read_model(payload, obj_type)

    def _meaning(self, obj_type: str) -> tuple[object, Any]:
        """What a type name means: a list or dict of a type, a class, or (rare forms) the SDK's to read."""
        if obj_type.startswith("list["):
            inner = _LIST.match(obj_type)
            if inner is None or "," in inner.group(1):
                return _BY_SDK, None
            return _LIST_OF, inner.group(1).strip()
        if obj_type.startswith("dict("):
            inner = _DICT.match(obj_type)
            return (_BY_SDK, None) if inner is None else (_DICT_OF, inner.group(2))
        native = self.NATIVE_TYPES_MAPPING.get(obj_type)
        return _CLASS, native if native is not None else self._class(obj_type)

    def _read_model(self, payload: Any, obj_type: Any) -> Any:
        """The SDK's ``__deserialize_model``, step for step, each class's kind and fields looked up once."""
        try:
            plan = self._plans.get(obj_type)
            if plan is None:
                plan = self._plans[obj_type] = _plan_of(obj_type)
            if plan is _ENUM:
                return obj_type(payload)
            if plan is _AS_GIVEN:
                return payload
            if plan is _BY_DISCRIMINATOR:
                name = obj_type.get_real_child_model(payload)
                if not name:
                    raise SerializationException(f"Couldn't resolve object by discriminator type for {obj_type} class")
                obj_type = self._class(name)
                # Read by its fields even if it has a discriminator too (subclasses inherit it), as the SDK does.
                plan = self._children.get(obj_type)
                if plan is None:
                    plan = self._children[obj_type] = _reader_of(obj_type)
            fields, known, types = plan
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


def _plan_of(kind: type) -> Any:
    """How the SDK reads a class: an enum's value, the payload as given, by a discriminator, or by its fields."""
    if issubclass(kind, Enum):
        return _ENUM
    if not hasattr(kind, "deserialized_types"):
        return _AS_GIVEN
    if hasattr(kind, "get_real_child_model"):
        return _BY_DISCRIMINATOR
    return _reader_of(kind)


def _reader_of(kind: type) -> tuple[tuple[tuple[str, str], ...], frozenset[str], dict[str, str]]:
    """(attribute, JSON key) of a model class in the order the SDK reads them, the JSON keys it knows, and the
    attributes' type names."""
    names = dict(getattr(kind, "attribute_map", {}))
    names.update({attribute: attribute for attribute in kind.deserialized_types if attribute not in names})
    return tuple(names.items()), frozenset(names.values()), kind.deserialized_types


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
