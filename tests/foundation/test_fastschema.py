"""The compiled fast path agrees with jsonschema: same verdict on every document."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from pactwatch.load import schema
from pactwatch.load.fastschema import compile_schema
from pactwatch.load.yaml import Document, load_bytes

from .test_properties import contracts, dump_document

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = ("contract", "people", "settings")
AGREE = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def jsonschema_says_valid(name: str, data: Any) -> bool:
    return not any(True for _ in schema.validator(name).iter_errors(data))


def fast(name: str) -> Any:
    check = schema.fast_check(name)
    assert check is not None, f"{name}.schema.json uses a keyword the fast path does not compile: validation got slow"
    return check


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_shipped_schema_compiles(name: str) -> None:
    fast(name)


def yaml_files() -> list[Path]:
    found = [*REPO.joinpath("contracts").rglob("*.yaml"), REPO / "people.yaml", REPO / "pactwatch.yml"]
    return sorted(found + list(REPO.joinpath("tests", "examples").rglob("*.y*ml")))


def schema_for(path: Path) -> str:
    return {"people.yaml": "people", "pactwatch.yml": "settings", "expected.yaml": ""}.get(path.name, "contract")


def test_agrees_on_every_example_file() -> None:
    checked = 0
    for path in yaml_files():
        name = schema_for(path)
        document = load_bytes(path.name, path.read_bytes())
        if not name or not isinstance(document, Document):
            continue
        assert fast(name)(document.data) == jsonschema_says_valid(name, document.data), path
        checked += 1
    assert checked > 80


def _loads(contract: dict[str, Any]) -> bool:
    return isinstance(load_bytes("c.yaml", dump_document(contract).encode("utf-8")), Document)


@AGREE
@given(contracts.filter(_loads))  # the hostile numbers (1e1000000) stop at the loader (PW206): the schema never sees them
def test_agrees_on_generated_contracts(contract: dict[str, Any]) -> None:
    document = load_bytes("c.yaml", dump_document(contract).encode("utf-8"))
    assert isinstance(document, Document)
    assert fast("contract")(document.data) == jsonschema_says_valid("contract", document.data)


def keys_of(node: Any) -> set[str]:
    """Every property name mentioned anywhere in a schema: the vocabulary of plausible documents."""
    if isinstance(node, dict):
        return set(node.get("properties", {})) | {k for v in node.values() for k in keys_of(v)}
    if isinstance(node, list):
        return {k for v in node for k in keys_of(v)}
    return set()


def documents(name: str) -> st.SearchStrategy[Any]:
    words = sorted(keys_of(schema.load_schema(name)) | {"x"})
    leaf = st.one_of(
        st.sampled_from(["", "CNY", "cny", "2026-01-01", "2026-1-1", "1 month", "a" * 70, "zh", "@org/team", "https://x", "ann", "M1"]),
        st.integers(-2, 5000),
        st.decimals(min_value=-1, max_value=10**16, places=2),
        st.booleans(),
        st.none(),
    )
    return st.recursive(
        leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(words), inner, max_size=6), max_leaves=30
    )


@pytest.mark.parametrize("name", SCHEMAS)
def test_agrees_on_random_documents(name: str) -> None:
    check = fast(name)

    @AGREE
    @given(st.dictionaries(st.sampled_from(sorted(keys_of(schema.load_schema(name)))), documents(name), max_size=8))
    def agree(data: dict[str, Any]) -> None:
        assert check(data) == jsonschema_says_valid(name, data)

    agree()


@pytest.mark.parametrize(
    ("subschema", "good", "bad"),
    [
        ({"type": "integer"}, [1, -3], [True, 1.5, Decimal("1"), "1", None]),
        ({"type": "number"}, [1, Decimal("1.5"), 2.5], [True, "1", None]),
        ({"type": ["string", "boolean"]}, ["", False], [0, None]),
        ({"enum": ["a", "b"]}, ["a"], ["c", None, 1]),
        ({"pattern": "^[A-Z]{3}$"}, ["CNY", 5], ["cny", "CNYX"]),
        ({"minimum": 0, "maximum": 10}, [0, 10, Decimal("9.99"), "text"], [-1, Decimal("10.01")]),
        ({"exclusiveMinimum": 0, "exclusiveMaximum": 1}, [Decimal("0.5")], [0, 1]),
        ({"minLength": 1, "maxLength": 2}, ["年", "ab", 123], ["", "abc"]),
        ({"minItems": 1, "maxItems": 2}, [[1], [1, 2], "x"], [[], [1, 2, 3]]),
        ({"items": {"type": "integer"}}, [[], [1, 2]], [[1, "2"]]),
        ({"required": ["a"], "properties": {"a": {"type": "string"}}}, [{"a": "x"}, 5], [{}, {"a": 1}]),
        ({"additionalProperties": False, "properties": {"a": True}}, [{"a": 1}], [{"b": 1}]),
        ({"additionalProperties": {"type": "integer"}}, [{"b": 1}], [{"b": "1"}]),
        ({"propertyNames": {"pattern": "^[a-z]+$"}}, [{"ab": 1}], [{"Ab": 1}]),
        ({"oneOf": [{"required": ["a"]}, {"required": ["b"]}]}, [{"a": 1}, {"b": 1}], [{}, {"a": 1, "b": 2}]),
        ({"$ref": "#/$defs/d", "$defs": {"d": {"type": "string"}}, "title": "t"}, ["x"], [1]),
        (True, [1, None], []),
        (False, [], [1, None]),
    ],
)
def test_keywords(subschema: Any, good: list[Any], bad: list[Any]) -> None:
    root = subschema if isinstance(subschema, dict) else {"allOf": [subschema]}
    check = compile_schema(subschema) if isinstance(subschema, dict) else compile_schema({"properties": {"v": subschema}})
    assert check is not None
    for value in good:
        instance = value if isinstance(subschema, dict) else {"v": value}
        assert check(instance), value
        assert Draft202012Validator(root if isinstance(subschema, dict) else {"properties": {"v": subschema}}).is_valid(instance)
    for value in bad:
        instance = value if isinstance(subschema, dict) else {"v": value}
        assert not check(instance), value


def test_recursive_reference() -> None:
    tree = {"$defs": {"node": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}}}
    check = compile_schema({**tree, "$ref": "#/$defs/node"})
    assert check is not None
    assert check({"kids": [{"kids": []}, {}]})
    assert not check({"kids": [{"kids": [1]}]})


@pytest.mark.parametrize(
    "unsupported",
    [
        {"if": {"type": "string"}},
        {"patternProperties": {"^x": {}}},
        {"enum": [1, 2]},
        {"const": "x"},
        {"prefixItems": [{}]},
        {"$ref": "other.json"},
        {"type": "strange"},
        {"properties": {"a": {"uniqueItems": True}}},
    ],
)
def test_schemas_outside_the_subset_are_not_compiled(unsupported: dict[str, Any]) -> None:
    assert compile_schema(unsupported) is None


def valid_contracts() -> list[Any]:
    loaded = [load_bytes(p.name, p.read_bytes()) for p in sorted(REPO.joinpath("contracts").rglob("*.yaml"))]
    return [d.data for d in loaded if isinstance(d, Document)]


def mutate(data: Any, path: list[int], replacement: Any) -> Any:
    """``data`` with the node reached by following ``path`` (indices into children) replaced."""
    if not path or not isinstance(data, dict | list) or not data:
        return replacement
    keys = list(data) if isinstance(data, dict) else list(range(len(data)))
    key = keys[path[0] % len(keys)]
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[key] = mutate(data[key], path[1:], replacement)  # type: ignore[index]
    return copy


@AGREE
@given(
    st.sampled_from(valid_contracts()),
    st.lists(st.integers(0, 50), max_size=5),
    st.one_of(documents("contract"), st.sampled_from([{}, [], "2026-02-30", "http", -1, 10**16, "M9", "x" * 301])),
)
def test_agrees_on_mutated_real_contracts(data: Any, path: list[int], replacement: Any) -> None:
    mutated = mutate(data, path, replacement)
    assert fast("contract")(mutated) == jsonschema_says_valid("contract", mutated)
