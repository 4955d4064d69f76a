"""The docs site (docs/content/en, which the README links) documents what the code does."""

from __future__ import annotations

from pactwatch.findings import CODES
from tests.conftest import REPO_ROOT

DOCS = REPO_ROOT / "docs" / "content" / "en"


def findings_table() -> str:
    """The docs' findings table, generated from the one code table (escaped as docgen's cells are)."""
    from scripts.docgen.page import cell

    rows = ["| code | severity | meaning |", "| --- | --- | --- |"]
    rows += [f"| [{code}]({code.lower()}.md) | {severity} | {cell(meaning)} |" for code, (severity, meaning) in CODES.items()]
    return "\n".join(rows)


def test_findings_table_is_in_sync() -> None:
    page = (DOCS / "reference" / "findings" / "index.md").read_text(encoding="utf-8")
    table = findings_table()
    assert table in page, f"the docs' findings table is out of date; it should read:\n{table}"


def test_readme_commands_are_registered() -> None:
    from pactwatch.cli import COMMANDS

    index = (DOCS / "reference" / "commands" / "index.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"pactwatch {name}" in index, f"the docs' command index does not document `pactwatch {name}`"


def test_the_people_yaml_example_is_valid_and_shows_every_field() -> None:
    import jsonschema
    import yaml

    guide = (DOCS / "reference" / "format-guide.md").read_text(encoding="utf-8")
    section = guide.split("## `people.yaml`", 1)[1]
    example = yaml.safe_load(section.split("```yaml\n", 1)[1].split("```", 1)[0])
    schema = yaml.safe_load((REPO_ROOT / "schema" / "people.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(example, schema)
    [person] = example["people"]
    assert set(person) == set(schema["properties"]["people"]["items"]["properties"])
