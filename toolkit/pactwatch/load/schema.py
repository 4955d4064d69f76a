"""JSON Schema validation, with errors translated into located findings."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from pactwatch.findings import Finding, make
from pactwatch.load.fastschema import Check, compile_schema
from pactwatch.load.yaml import Document, escape_pointer_token
from pactwatch.resources import data_dir

if TYPE_CHECKING:  # jsonschema is imported only when a document is invalid (it takes a while to import)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

_YAML11_BOOLEANS = frozenset({"yes", "no", "on", "off", "y", "n", "True", "False", "TRUE", "FALSE", "Yes", "No", "YES", "NO", "On", "Off"})
_RANGE_KEYWORDS = {  # keyword -> how the limit reads (jsonschema's own messages show Decimal('...') reprs)
    "minimum": "must be at least {}",
    "maximum": "must be at most {}",
    "exclusiveMinimum": "must be more than {}",
    "exclusiveMaximum": "must be less than {}",
    "minLength": "must be at least {} characters long",
    "maxLength": "must be at most {} characters long",
    "minItems": "must have at least {} items",
    "maxItems": "must have at most {} items",
}
_TYPE_NAMES = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "empty",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    with (data_dir("schema") / f"{name}.schema.json").open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@cache
def validator(name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(name))


@cache
def fast_check(name: str) -> Check | None:
    """The compiled yes/no check of a schema (None when the schema is outside the compiled subset)."""
    return compile_schema(load_schema(name))


_MILESTONE = re.compile(r"/milestones/[0-9]+")


def _pointer(path: Any) -> str:
    return "".join(f"/{escape_pointer_token(str(part))}" for part in path)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "empty"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _field(pointer: str) -> str:
    """A readable name for the value at ``pointer``: 'type', 'milestones/2/kind', 'the file'."""
    parts = pointer.lstrip("/").split("/")
    if not pointer:
        return "the file"
    if any(part.isdigit() for part in parts):  # inside a list: the whole path says which item
        return "/".join(parts)
    return parts[-1]


def _type_hint(types: list[str], value: Any) -> str:
    """What usually went wrong when a value has the wrong type in hand-written YAML."""
    if "boolean" in types and value in _YAML11_BOOLEANS:
        return "only true and false are booleans (YAML 1.2)"
    if "string" in types and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return "quote the value to keep it as text"
    if "number" in types and isinstance(value, str):
        return "write the amount as a plain number such as 1200000.00 (no separators, no currency sign)"
    return ""


def _unknown_keys(doc: Document, pointer: str, value: dict[str, Any], allowed: list[str]) -> Iterator[Finding]:
    """PW202 at each key the format does not have, with the nearest known key as a hint."""
    for key in sorted(set(value) - set(allowed)):
        child = f"{pointer}/{escape_pointer_token(key)}"
        at = doc.locate(child, key=True)
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "allowed keys: " + ", ".join(allowed)
        yield make("PW202", doc.path, at, child, f"unknown key '{key}'", hint, doc.source_line(at[0]))


_ONE_OF = {  # key -> (message, hint) when its mapping matches not exactly one alternative
    "due_after": ("due_after needs exactly one of 'days' or 'working_days'", "e.g. due_after: {milestone: M3, days: 30}"),
    "repeat": ("repeat needs exactly one of 'until' or 'count'", "e.g. repeat: {every: 1 month, until: 2027-06-30}"),
}


def _translate(error: ValidationError, doc: Document) -> Iterator[Finding]:
    pointer = _pointer(error.absolute_path)
    keyword = str(error.validator)
    where = doc.locate(pointer)
    source = doc.source_line(where[0])
    value: Any = error.instance
    expected: Any = error.validator_value
    rule: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    if keyword == "required":
        for key in [k for k in expected if k not in value]:
            yield make(
                "PW201", doc.path, where, f"{pointer}/{key}", f"missing required key '{key}' in {_field(pointer)}", f"add '{key}:'", source
            )
    elif keyword == "additionalProperties":
        yield from _unknown_keys(doc, pointer, value, sorted(rule.get("properties", {})))
    elif keyword == "type":
        types = [str(t) for t in (expected if isinstance(expected, list) else [expected])]
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in types)
        yield make(
            "PW203",
            doc.path,
            where,
            pointer,
            f"{_field(pointer)} must be {wanted}, not {_describe(value)}",
            _type_hint(types, value),
            source,
        )
    elif keyword == "enum":
        choices = [str(c) for c in expected]
        close = difflib.get_close_matches(str(value), choices, n=1)
        hint = f"did you mean '{close[0]}'?" if close else ""
        yield make(
            "PW204", doc.path, where, pointer, f"{_field(pointer)} {_describe(value)} is not one of: {', '.join(choices)}", hint, source
        )
    elif keyword == "pattern":
        described = rule.get("description", f"the pattern {expected}")
        yield make("PW205", doc.path, where, pointer, f"{_field(pointer)} {_describe(value)} does not match {described}", "", source)
    elif keyword == "propertyNames":
        yield make(
            "PW205", doc.path, where, pointer, f"key {_describe(value)} in {_field(pointer)} is not allowed: {error.message}", "", source
        )
    elif keyword in _RANGE_KEYWORDS:
        limit = _RANGE_KEYWORDS[keyword].format(error.validator_value)
        shown = f"{_describe(value)} " if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum") else ""
        yield make("PW206", doc.path, where, pointer, f"{_field(pointer)} {shown}{limit}", "", source)
    elif keyword == "oneOf" and _MILESTONE.fullmatch(pointer):
        if isinstance(value, dict):  # anything else is not a mapping: PW203 says so
            yield _due_or_due_after(doc, pointer, value, where, source)
    elif keyword == "oneOf" and pointer.rsplit("/", 1)[-1] in _ONE_OF:
        message, hint = _ONE_OF[pointer.rsplit("/", 1)[-1]]
        yield make("PW207", doc.path, where, pointer, message, hint, source)
    else:
        yield make("PW207", doc.path, where, pointer, f"{_field(pointer)}: {error.message}", "", source)


def _due_or_due_after(doc: Document, pointer: str, value: dict[str, Any], where: tuple[int, int], source: str) -> Finding:
    """A milestone needs exactly one of due (a date) and due_after (a date after another milestone)."""
    if "due" not in value:  # neither: reported as before relative deadlines, a missing due
        message, hint = (
            f"missing required key 'due' in {_field(pointer)}",
            "add 'due:' (or 'due_after:' for a date after another milestone)",
        )
        return make("PW201", doc.path, where, f"{pointer}/due", message, hint, source)
    at = doc.locate(f"{pointer}/due_after", key=True)
    message = f"milestone {_describe(value.get('id', _field(pointer)))} has both due and due_after"
    hint = "keep one: due for a fixed date, due_after for one after a milestone"
    return make("PW350", doc.path, at, f"{pointer}/due_after", message, hint, doc.source_line(at[0]))


def check(doc: Document, schema_name: str) -> list[Finding]:
    """Validate a document against a shipped schema."""
    fast = fast_check(schema_name)
    if fast is not None and fast(doc.data):
        return []  # valid: jsonschema would find nothing (tests/foundation/test_fastschema.py)
    findings: dict[tuple[str, str, object], Finding] = {}
    for error in validator(schema_name).iter_errors(doc.data):
        for finding in _translate(error, doc):  # "required" reports every missing key per error: keep one each
            findings.setdefault((finding.code, finding.pointer, finding.message), finding)
    return list(findings.values())
