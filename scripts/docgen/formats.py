"""The format reference: every key of schema/*.json (contract, people, settings) with its type, whether it
is required, and the schema's bilingual title and description in the page's language."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from scripts.docgen.page import Page, bilingual, cell, heading, table, words

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"
FORMATS = {"contract": "contracts/**/*.yaml", "people": "people.yaml", "settings": "pactwatch.yml"}
Row = tuple[str, Mapping[str, Any], bool]  # key path, its schema (refs resolved), required


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return data


def _resolve(node: Mapping[str, Any], root: Mapping[str, Any]) -> dict[str, Any]:
    """The node with its $ref's keys under its own (the node's title and description win)."""
    ref = node.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/$defs/"):
        return dict(node)
    target = _resolve(root["$defs"][ref.removeprefix("#/$defs/")], root)
    return {**target, **{k: v for k, v in node.items() if k != "$ref"}}


def rows(node: Mapping[str, Any], root: Mapping[str, Any], prefix: str = "", seen: tuple[str, ...] = ()) -> Iterator[Row]:
    """Every key under ``node``, depth first; list items are ``key[]``."""
    node = _resolve(node, root)
    required = set(node.get("required") or ())
    for key, child in (node.get("properties") or {}).items():
        path = f"{prefix}.{key}" if prefix else key
        resolved = _resolve(child, root)
        yield path, resolved, key in required
        ref = str(child.get("$ref", ""))
        if ref in seen:
            continue
        yield from _children(resolved, root, path, (*seen, ref) if ref else seen)
    patterns = node.get("patternProperties") or {}
    for pattern, child in patterns.items():
        path = f"{prefix}.<{pattern}>" if prefix else f"<{pattern}>"
        yield path, _resolve(child, root), False


def _children(node: Mapping[str, Any], root: Mapping[str, Any], path: str, seen: tuple[str, ...]) -> Iterator[Row]:
    yield from rows(node, root, path, seen)
    items = node.get("items")
    if isinstance(items, Mapping):
        yield from rows(items, root, f"{path}[]", seen)


def _types(node: Mapping[str, Any]) -> list[str]:
    kinds = node.get("type")
    if kinds:
        return [str(k) for k in kinds] if isinstance(kinds, list) else [str(kinds)]
    alternatives = [*(node.get("oneOf") or ()), *(node.get("anyOf") or ())]
    return list(dict.fromkeys(kind for alt in alternatives if isinstance(alt, Mapping) for kind in _types(alt)))


def _kind(node: Mapping[str, Any]) -> str:
    if "enum" in node:
        return " \\| ".join(f"`{value}`" for value in node["enum"])
    kind = " | ".join(_types(node))
    extra = [f"{key} {node[key]}" for key in ("minimum", "maximum", "maxLength", "maxItems") if key in node]
    if "pattern" in node and len(str(node["pattern"])) <= 40:
        extra.append(f"pattern {node['pattern']}")
    if "format" in node:
        extra.append(str(node["format"]))
    return cell(" ".join([kind, *(f"({e})" for e in extra)]).strip())


def _about(node: Mapping[str, Any], language: str) -> str:
    parts = [bilingual(str(node[key]), language) for key in ("title", "description") if node.get(key)]
    if "default" in node:
        parts.append(f"{words(language, 'default', '默认')}: {json.dumps(node['default'], ensure_ascii=False)}")
    for example in node.get("examples") or ():
        parts.append(f"{words(language, 'e.g.', '例如')} {json.dumps(example, ensure_ascii=False)}")
    return cell(" — ".join(parts))


def format_page(name: str, language: str) -> Page:
    schema = load(name)
    yes, no = words(language, "required", "必填"), ""
    body = [(f"`{path}`", _kind(node), yes if required else no, _about(node, language)) for path, node, required in rows(schema, schema)]
    header = (
        words(language, "key", "键"),
        words(language, "type", "类型"),
        words(language, "required", "必填"),
        words(language, "meaning", "含义"),
    )
    title = bilingual(str(schema.get("title", name)), language)
    about = bilingual(str(schema.get("description", "")), language)
    where = words(
        language,
        f"The file: `{FORMATS[name]}`. The schema: `schema/{name}.schema.json`.",
        f"文件：`{FORMATS[name]}`。模式：`schema/{name}.schema.json`。",
    )
    text = heading(f"{title}") + f"{about}\n\n{where}\n\n" + table(header, body)
    return Page(f"{language}/reference/formats/{name}.md", text)


def pages(language: str) -> list[Page]:
    return [format_page(name, language) for name in FORMATS]
