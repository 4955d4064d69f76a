"""A compiled yes/no check for the shipped JSON Schemas: the fast path of validation.

jsonschema's ``iter_errors`` walks a contract in about 5 ms, most of it in
reference resolution and validator bookkeeping; that was 75% of validating a
large portfolio. Nearly every file is valid, so we first ask a check compiled
from the same schema into nested closures whether the document is valid; only
a document that fails goes to jsonschema for the located, explained errors.

Only the subset of Draft 2020-12 that our schemas use is compiled. A schema
with any other keyword compiles to None, and jsonschema then does all the
work, so the fast path can never accept what jsonschema would reject because
of a keyword it does not know. tests/foundation/test_fastschema.py checks the
two agree on generated documents.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset({"title", "description", "$schema", "$id", "$comment", "$defs", "default", "examples", "format", "deprecated"})
_OBJECT_KEYWORDS = frozenset({"properties", "required", "additionalProperties", "propertyNames"})


class Unsupported(Exception):
    """The schema uses a keyword outside the compiled subset."""


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


_TYPES: dict[str, Check] = {
    "string": lambda value: isinstance(value, str),
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    "number": _is_number,
    "integer": _is_integer,
}


def _always(value: Any) -> bool:
    return True


def _never(value: Any) -> bool:
    return False


def compile_schema(schema: Mapping[str, Any]) -> Check | None:
    """A function telling whether a document is valid under ``schema``, or None if the schema is outside the subset."""
    try:
        return _Compiler(schema).compile(schema)
    except Unsupported:
        return None


class _Compiler:
    def __init__(self, root: Mapping[str, Any]) -> None:
        self._root = root
        self._refs: dict[str, Check] = {}

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return _always
        if schema is False:
            return _never
        if not isinstance(schema, Mapping):
            raise Unsupported(repr(schema))
        checks: list[Check] = []
        for keyword, value in schema.items():
            if keyword in _ANNOTATIONS or keyword in _OBJECT_KEYWORDS:
                continue
            checks.append(self._keyword(keyword, value))
        if _OBJECT_KEYWORDS & schema.keys():
            checks.append(self._object(schema))
        return _all(checks)

    def _keyword(self, keyword: str, value: Any) -> Check:
        if keyword == "type":
            names = [value] if isinstance(value, str) else list(value)
            if not all(name in _TYPES for name in names):
                raise Unsupported(f"type {value!r}")
            predicates = tuple(_TYPES[name] for name in names)
            return predicates[0] if len(predicates) == 1 else lambda v: any(p(v) for p in predicates)
        if keyword == "enum":
            if not all(isinstance(choice, str) for choice in value):
                raise Unsupported("enum with values that are not text")
            choices = frozenset(value)
            return lambda v: isinstance(v, str) and v in choices
        if keyword == "pattern":
            search = re.compile(value).search
            return lambda v: not isinstance(v, str) or search(v) is not None
        if keyword == "$ref":
            return self._ref(value)
        if keyword == "items":
            item = self.compile(value)
            return lambda v: not isinstance(v, list) or all(item(i) for i in v)
        if keyword == "oneOf":
            options = tuple(self.compile(option) for option in value)
            return lambda v: sum(1 for option in options if option(v)) == 1
        if keyword == "not":  # terms: late_fee or late_interest, not both
            inner = self.compile(value)
            return lambda v: not inner(v)
        return _bound(keyword, value)

    def _ref(self, ref: str) -> Check:
        if ref not in self._refs:
            if not ref.startswith("#/"):
                raise Unsupported(f"$ref {ref!r}")
            target: Any = self._root
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            slot: list[Check] = []

            def placeholder(value: Any) -> bool:  # stands in while the target compiles, so a schema may refer to itself
                return slot[0](value)

            self._refs[ref] = placeholder
            slot.append(self.compile(target))
            self._refs[ref] = slot[0]
        return self._refs[ref]

    def _object(self, schema: Mapping[str, Any]) -> Check:
        properties = {name: self.compile(sub) for name, sub in schema.get("properties", {}).items()}
        required = tuple(schema.get("required", ()))
        extra_schema = schema.get("additionalProperties", True)
        extra = None if extra_schema is True else self.compile(extra_schema)
        names = self.compile(schema["propertyNames"]) if "propertyNames" in schema else None

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            for name in required:
                if name not in value:
                    return False
            for name, item in value.items():
                own = properties.get(name)
                if own is not None:
                    if not own(item):
                        return False
                elif extra is not None and not extra(item):
                    return False
                if names is not None and not names(name):
                    return False
            return True

        return check


def _bound(keyword: str, limit: Any) -> Check:
    """minimum, maximum, minLength, maxLength, minItems, maxItems (and their exclusive kin)."""
    if keyword == "minimum":
        return lambda v: not _is_number(v) or v >= limit
    if keyword == "maximum":
        return lambda v: not _is_number(v) or v <= limit
    if keyword == "exclusiveMinimum":
        return lambda v: not _is_number(v) or v > limit
    if keyword == "exclusiveMaximum":
        return lambda v: not _is_number(v) or v < limit
    if keyword == "minLength":
        return lambda v: not isinstance(v, str) or len(v) >= limit
    if keyword == "maxLength":
        return lambda v: not isinstance(v, str) or len(v) <= limit
    if keyword == "minItems":
        return lambda v: not isinstance(v, list) or len(v) >= limit
    if keyword == "maxItems":
        return lambda v: not isinstance(v, list) or len(v) <= limit
    raise Unsupported(keyword)


def _all(checks: list[Check]) -> Check:
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)
    frozen = tuple(checks)
    return lambda v: all(check(v) for check in frozen)
