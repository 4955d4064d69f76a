"""The mkdocs.yml of a build: shipped defaults, the portfolio's own file over them, then what pactwatch needs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pactwatch.errors import PactwatchError
from pactwatch.model import Settings
from pactwatch.site import mkdocs_config
from pactwatch.site.build import build_site
from pactwatch.site.pages import SECTIONS
from tests.site.conftest import TODAY, copy_example


def config(user: dict[str, object] | None = None, language: str = "zh") -> dict[str, object]:
    return mkdocs_config.build_config(Settings(language=language), user, sections=SECTIONS, site_dir=Path("/out/site"))


def test_defaults() -> None:
    c = config()
    assert c["docs_dir"] == "docs" and c["site_dir"] == "/out/site" and c["site_name"] == "合同履约看板"
    theme = c["theme"]
    assert isinstance(theme, dict) and theme["name"] == "material" and theme["font"] is False and theme["language"] == "zh"
    assert c["nav"] == [
        {"概览": "index.md"},
        {"合同": "contracts/index.md"},
        {"人员": "people/index.md"},
        {"相对方": "counterparties/index.md"},
        {"日历": "calendar/index.md"},
        {"指标": "kpis/index.md"},
        {"报告": "reports/index.md"},
        {"数据问题": "problems/index.md"},
    ]
    assert c["not_in_nav"] == "/contracts/\n/people/\n/counterparties/\n"
    pipeline = ["trimmer", "stopWordFilter"]  # no stemmer: it lost whole names typed in full (Emily, Compute)
    assert c["plugins"] == [{"search": {"lang": ["zh", "en"], "separator": mkdocs_config.SEPARATOR, "pipeline": pipeline}}]
    assert c["use_directory_urls"] is False  # every link names a file: the site works opened from disk
    assert c["extra_css"] == ["assets/pactwatch.css"] and c["extra_javascript"] == ["assets/pactwatch.js"]
    assert "\\u200b" in mkdocs_config.SEPARATOR
    english = config(language="en")
    assert english["plugins"] == [{"search": {"lang": ["en", "zh"], "separator": mkdocs_config.SEPARATOR, "pipeline": pipeline}}]
    assert english["site_name"] == "Contract progress"
    assert english["nav"][0] == {"Dashboard": "index.md"}  # type: ignore[index]


def test_the_portfolio_overrides_and_adds() -> None:
    user = {
        "site_name": "Acme contracts",
        "theme": {"logo": "assets/logo.png", "palette": {"primary": "teal"}, "font": {"text": "Roboto"}},
        "nav": [{"Handbook": "handbook.md"}],
        "extra_css": ["assets/acme.css"],
        "plugins": [{"search": {"separator": "[\\s]+"}}, "tags"],
        "not_in_nav": "/drafts/\n",
    }
    c = config(user)
    theme = c["theme"]
    assert isinstance(theme, dict)
    assert c["site_name"] == "Acme contracts" and theme["logo"] == "assets/logo.png" and theme["palette"] == {"primary": "teal"}
    assert theme["font"] is False  # never Google Fonts
    assert theme["features"]  # the default features stay
    assert c["nav"][-1] == {"Handbook": "handbook.md"} and len(c["nav"]) == 9  # type: ignore[arg-type]
    assert c["extra_css"] == ["assets/pactwatch.css", "assets/acme.css"]
    assert c["plugins"] == [{"search": {"lang": ["zh", "en"], "separator": "[\\s]+", "pipeline": ["trimmer", "stopWordFilter"]}}, "tags"]
    assert c["not_in_nav"] == "/contracts/\n/people/\n/counterparties/\n/drafts/\n"


def test_python_names_survive_the_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(
        "site_name: X\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    text = mkdocs_config.dump(config(mkdocs_config.load_yaml(path)))
    assert "!!python/name:material.extensions.emoji.twemoji" in text
    from mkdocs.utils.yaml import yaml_load

    assert yaml_load(text)["site_name"] == "X"


def test_a_broken_mkdocs_yml_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    with pytest.raises(PactwatchError, match=r"cannot read .*mkdocs\.yml: "):
        mkdocs_config.load_yaml(tmp_path / "mkdocs.yml")
    (tmp_path / "mkdocs.yml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(PactwatchError, match="not a mapping"):
        mkdocs_config.load_yaml(tmp_path / "mkdocs.yml")


def test_a_portfolio_with_its_own_pages_logo_and_colours(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    (root / "docs" / "assets").mkdir(parents=True)
    (root / "docs" / "handbook.md").write_text("# Handbook\n\nHow we sign contracts.\n", encoding="utf-8")
    (root / "docs" / "assets" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(
            {
                "site_name": "Acme 合同",
                "theme": {"logo": "assets/logo.svg", "palette": {"primary": "teal"}},
                "nav": [{"手册": "handbook.md"}],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    (root / "templates" / "site" / "pages").mkdir(parents=True)
    shipped = Path(mkdocs_config.data_dir("templates")) / "site" / "pages" / "problems.html"
    (root / "templates" / "site" / "pages" / "problems.html").write_text(
        shipped.read_text(encoding="utf-8").replace('{{ t("site.problems_intro") }}', "Acme: ask legal."), encoding="utf-8"
    )
    result = build_site(root, TODAY)
    site = result.site_dir
    handbook = (site / "handbook.html").read_text(encoding="utf-8")
    assert "How we sign contracts." in handbook and "Acme 合同" in handbook
    assert 'data-md-color-primary="teal"' in handbook and "assets/logo.svg" in handbook
    assert "手册" in (site / "index.html").read_text(encoding="utf-8")
    assert "Acme: ask legal." in (site / "problems" / "index.html").read_text(encoding="utf-8")
    assert (site / "contracts" / "C-2026-001.html").is_file()


def test_a_portfolio_with_its_own_theme_folder(tmp_path: Path) -> None:
    """theme.custom_dir of the portfolio's own (relative to its mkdocs.yml, as mkdocs reads it) takes the place of
    pactwatch's: contract pages still find detail.html, the icons and shell their assets, behind its own
    templates (its main.html blocks, on contract pages too, and its 404 win)."""
    root = copy_example(tmp_path / "p")
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block announce %}Acme notice{% endblock %}', encoding="utf-8"
    )
    (root / "overrides" / "404.html").write_text(
        '{% extends "main.html" %}{% block content %}<h1>Acme lost</h1>{% endblock %}', encoding="utf-8"
    )
    (root / "mkdocs.yml").write_text(yaml.safe_dump({"theme": {"name": "material", "custom_dir": "overrides"}}), encoding="utf-8")
    result = build_site(root, TODAY)
    site = result.site_dir
    contract = (site / "contracts" / "C-2026-001.html").read_text(encoding="utf-8")
    assert "Acme notice" in contract and "C-2026-001" in contract  # its main.html is the contract pages' page too
    assert "Acme notice" in (site / "index.html").read_text(encoding="utf-8")
    assert "Acme lost" in (site / "404.html").read_text(encoding="utf-8")
    assert (site / "assets" / "pactwatch-icons.css").is_file() and (site / "assets" / "pactwatch-shell.js").is_file()
    written = mkdocs_config.load_yaml(result.config_file)
    assert written["theme"]["custom_dir"] == str((root / "overrides").resolve())
    assert written["hooks"] == [str(mkdocs_config.THEME_HOOK)]  # plain `mkdocs build` finds detail.html too
