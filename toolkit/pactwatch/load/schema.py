"""JSON Schema validation, with errors translated into located findings."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from pactwatch.catalogue import Msg, msg
from pactwatch.findings import Finding, make
from pactwatch.load.fastschema import Check, compile_schema
from pactwatch.load.yaml import Document, escape_pointer_token
from pactwatch.resources import data_dir

if TYPE_CHECKING:  # jsonschema is imported only when a document is invalid (it takes a while to import)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

_YAML11_BOOLEANS = frozenset({"yes", "no", "on", "off", "y", "n", "True", "False", "TRUE", "FALSE", "Yes", "No", "YES", "NO", "On", "Off"})
_RANGE_KEYWORDS = frozenset(
    {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems"}
)
_WITH_VALUE = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"})  # the others count characters or items
_TYPE_SETS = {  # the schemas' type sets -> the catalogue's sentence (finding.schema.type.<name>)
    ("string",): "string",
    ("integer",): "integer",
    ("number",): "number",
    ("boolean",): "boolean",
    ("array",): "array",
    ("object",): "object",
    ("array", "object"): "array_object",
    ("null", "string"): "string_null",
    ("boolean", "number", "string"): "scalar",
}
_FORMS = {  # a pattern of the schemas -> what a value of that form looks like (PW205's hint)
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "date",
    "^[A-Z]{3}$": "currency",
    "^[A-Z]{2,3}$": "country",
    "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$": "id",
    "^[a-z0-9][a-z0-9._-]*$": "person",
    "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(@[0-9]{4}-[0-9]{2}-[0-9]{2})?$": "milestone_ref",
    "^[1-9][0-9]{0,2} (day|week|month|quarter|year)s?$": "every",
    "^[A-Za-z0-9_\\u4e00-\\u9fff][A-Za-z0-9_.\\- \\u4e00-\\u9fff]{0,63}$": "term_key",
    "^(?![\\s\\S]*[\\r\\n])": "one_line",
    "^(?![\\s\\S]*[\\r\\n])[^@\\s]+@[^@\\s]+$": "email",
    "^[^\\s@<>]+@[^\\s@<>]+$": "email",
    "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$": "github",
    "^\\+?[0-9 -]{5,20}$": "mobile",
    "^https?://": "http",
    "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$": "repository",
    "^@[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)?$": "reviewer",
    "^[A-Z_][A-Z0-9_]{0,99}$": "env",
    "^[a-z0-9][a-z0-9_-]{0,39}$": "robot",
    "^[A-Za-z0-9.-]{1,253}$": "host",
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
    """A value as the user wrote it, in YAML's own spelling (the same in every language)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "''"
    if isinstance(value, (dict, list)):
        return "{...}" if isinstance(value, dict) else "[...]"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _field(pointer: str) -> str:
    """A readable name for the value at ``pointer``: 'type', 'milestones/2/kind' ('/' for the whole file)."""
    parts = pointer.lstrip("/").split("/")
    if not pointer:
        return "/"
    if any(part.isdigit() for part in parts):  # inside a list: the whole path says which item
        return "/".join(parts)
    return parts[-1]


def _type_hint(types: list[str], value: Any) -> Msg:
    """What usually went wrong when a value has the wrong type in hand-written YAML, else what was found."""
    if "boolean" in types and isinstance(value, str) and value in _YAML11_BOOLEANS:  # a mapping is not hashable
        return msg("finding.schema.yaml11_boolean")
    if "string" in types and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return msg("finding.schema.quote_number")
    if "number" in types and isinstance(value, str):
        return msg("finding.schema.plain_number")
    if value is None or isinstance(value, (dict, list)):
        return msg("finding.schema.got." + ("empty" if value is None else "mapping" if isinstance(value, dict) else "list"))
    return msg("finding.schema.got.value", value=_describe(value))


def _unknown_keys(doc: Document, pointer: str, value: dict[str, Any], allowed: list[str]) -> Iterator[Finding]:
    """PW202 at each key the format does not have, with the nearest known key as a hint."""
    for key in sorted(set(value) - set(allowed)):
        child = f"{pointer}/{escape_pointer_token(key)}"
        at = doc.locate(child, key=True)
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = (
            msg("finding.schema.did_you_mean", suggestion=close[0])
            if close
            else msg("finding.schema.allowed_keys", keys=", ".join(allowed))
        )
        yield make("PW202", doc.path, at, child, msg("finding.schema.unknown_key", key=key), hint, doc.source_line(at[0]))


def _choice_hint(value: Any, choices: list[str]) -> Msg | str:
    """The nearest choice by spelling ('paymnet'), else the ledger importer's words for a value ('执行中' -> 'active')."""
    from pactwatch.ledger import words

    close = difflib.get_close_matches(str(value), choices, n=1)
    if close:
        return msg("finding.schema.did_you_mean", suggestion=close[0])
    if isinstance(value, str):
        for table in (words.CONTRACT_STATUSES, words.MILESTONE_STATUSES, words.MILESTONE_KINDS, words.CONTRACT_TYPES):
            meant = words.lookup(value, table)
            if meant is not None and meant in choices:
                return msg("finding.schema.write_as", value=value, suggestion=meant)
    return ""


def _required(doc: Document, pointer: str, value: dict[str, Any], expected: list[str], where: tuple[int, int]) -> Iterator[Finding]:
    for key in [k for k in expected if k not in value]:
        message = msg("finding.schema.required", key=key, field=_field(pointer)) if pointer else msg("finding.schema.required_top", key=key)
        yield make("PW201", doc.path, where, f"{pointer}/{key}", message, msg("finding.schema.add_key", key=key), doc.source_line(where[0]))


_ONE_OF = {  # key -> (message, hint) when its mapping matches not exactly one alternative
    "due_after": ("finding.schema.due_after_one_of", "finding.schema.due_after_example"),
    "repeat": ("finding.schema.repeat_one_of", "finding.schema.repeat_example"),
}


def _translate(error: ValidationError, doc: Document) -> Iterator[Finding]:
    """One jsonschema error -> located findings, worded by the catalogue (no jsonschema English reaches a user)."""
    pointer = _pointer(error.absolute_path)
    keyword = str(error.validator)
    where = doc.locate(pointer)
    source = doc.source_line(where[0])
    value: Any = error.instance
    expected: Any = error.validator_value
    rule: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    field = _field(pointer)
    if keyword == "required":
        yield from _required(doc, pointer, value, list(expected), where)
    elif keyword == "additionalProperties":
        yield from _unknown_keys(doc, pointer, value, sorted(rule.get("properties", {})))
    elif keyword == "type":
        types = sorted(str(t) for t in (expected if isinstance(expected, list) else [expected]))
        name = _TYPE_SETS.get(tuple(types))
        message = (
            msg(f"finding.schema.type.{name}", field=field)
            if name
            else msg("finding.schema.type.other", field=field, types=", ".join(types))
        )
        yield make("PW203", doc.path, where, pointer, message, _type_hint(types, value), source)
    elif keyword == "enum":
        choices = [str(c) for c in expected]
        message = msg("finding.schema.enum", field=field, value=_describe(value), choices=", ".join(choices))
        yield make("PW204", doc.path, where, pointer, message, _choice_hint(value, choices), source)
    elif keyword == "pattern":
        form = _FORMS.get(str(expected))
        hint = msg(f"finding.form.{form}") if form else msg("finding.form.pattern", pattern=str(expected))
        key_of = error.relative_schema_path and "propertyNames" in error.relative_schema_path  # a key of terms: or completed:
        message = msg("finding.schema.key_pattern" if key_of else "finding.schema.pattern", field=field, value=_describe(value))
        yield make("PW205", doc.path, where, pointer, message, hint, source)
    elif keyword in _RANGE_KEYWORDS:
        facts: dict[str, str | int] = {"field": field, "limit": str(expected)}
        if keyword in _WITH_VALUE:
            facts["value"] = _describe(value)
        yield make("PW206", doc.path, where, pointer, msg(f"finding.schema.{keyword}", **facts), "", source)
    elif keyword == "oneOf" and _MILESTONE.fullmatch(pointer):
        if isinstance(value, dict):  # anything else is not a mapping: PW203 says so
            yield _due_or_due_after(doc, pointer, value, where, source)
    elif keyword == "oneOf" and pointer.rsplit("/", 1)[-1] in _ONE_OF:
        message_id, hint_id = _ONE_OF[pointer.rsplit("/", 1)[-1]]
        yield make("PW207", doc.path, where, pointer, msg(message_id), msg(hint_id), source)
    elif keyword == "oneOf":
        yield make("PW207", doc.path, where, pointer, msg("finding.schema.one_of", field=field), "", source)
    else:
        yield make("PW207", doc.path, where, pointer, msg("finding.schema.other", field=field, rule=keyword), "", source)


def _due_or_due_after(doc: Document, pointer: str, value: dict[str, Any], where: tuple[int, int], source: str) -> Finding:
    """A milestone needs exactly one of due (a date) and due_after (a date after another milestone)."""
    if "due" not in value:  # neither: reported as before relative deadlines, a missing due
        message = msg("finding.schema.required", key="due", field=_field(pointer))
        return make("PW201", doc.path, where, f"{pointer}/due", message, msg("finding.schema.due_missing_hint"), source)
    at = doc.locate(f"{pointer}/due_after", key=True)
    message = msg("finding.schema.due_and_due_after", milestone=_describe(value.get("id", _field(pointer))))
    hint = msg("finding.schema.due_and_due_after_hint")
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
