"""The mkdocs.yml of a build: shipped defaults < the portfolio's own mkdocs.yml < what the generated pages need.

The result is a plain mkdocs.yml in the build folder: ``mkdocs build -f
.pactwatch-build/mkdocs.yml`` builds the same site with no pactwatch plugin.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from pactwatch.catalogue import LANGUAGES, msg, text
from pactwatch.errors import OSFailure, PactwatchError
from pactwatch.model import Settings
from pactwatch.resources import data_dir

USER_FILES = ("mkdocs.yml", "mkdocs.yaml")
# Generated detail pages are reached from the index pages, never listed in the navigation
# (mkdocs-material renders the whole navigation into every page).
NOT_IN_NAV = ("/contracts/", "/people/", "/counterparties/")
ASSETS = ("assets/pactwatch.css", "assets/pactwatch.js")
# Rendered once per build from the theme (templates/site/theme/assets): what detail.html pages load instead of
# repeating it inline in every page (the icons, the palette's script)
THEME_ASSETS = ("assets/pactwatch-icons.css", "assets/pactwatch-shell.js")
# The theme's own files that detail.html and pactwatch-shell.js name as its base.html does: their names carry a
# hash that changes with the theme's version, so they are read from the installed base.html (extra.pactwatch_theme)
THEME_FILES = {
    "main_css": r"assets/stylesheets/main\.\w+\.min\.css",
    "palette_css": r"assets/stylesheets/palette\.\w+\.min\.css",
    "bundle": r"assets/javascripts/bundle\.\w+\.min\.js",
    "worker": r"assets/javascripts/workers/search\.\w+\.min\.js",
}
THEME_DIR = data_dir("templates") / "site" / "theme"
# Looks templates up in THEME_DIR after a custom_dir of the portfolio's own (the file says why)
THEME_HOOK = data_dir("templates") / "site" / "hooks" / "pactwatch_theme.py"
# mkdocs-material's separator for Chinese (text is pre-segmented by jieba with U+200B) plus code-ish punctuation;
# Latin words split on spaces and punctuation as in English
SEPARATOR = r"""[\s\u200b\u3000\-、。，．？！；：（）《》“”_,:;!=\[\]()"`/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])"""


def user_config_file(root: Path) -> Path | None:
    return next((root / name for name in USER_FILES if (root / name).is_file()), None)


def load_yaml(path: Path) -> dict[str, Any]:
    """A mkdocs.yml with mkdocs' own loader (it knows !ENV, !relative and !!python/name)."""
    from mkdocs.exceptions import MkDocsException
    from mkdocs.utils.yaml import yaml_load

    try:
        with path.open("rb") as handle:
            data = yaml_load(handle)
    except OSError as exc:
        raise OSFailure(msg("error.cannot_read", path=str(path)), exc) from None
    except (yaml.YAMLError, MkDocsException) as exc:  # the parser's own words, with the line
        raise PactwatchError(msg("error.cannot_read", path=str(path), reason=str(exc))) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PactwatchError(msg("error.site.mkdocs_config", path=str(path)))
    return _theme_dir_from(data, path.parent)


def _theme_dir_from(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    """A relative ``theme.custom_dir`` as mkdocs reads it, from the file's folder (the build's mkdocs.yml is
    in another one)."""
    theme = data.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, Mapping) else None
    if isinstance(theme, Mapping) and isinstance(custom, str) and custom and not Path(custom).is_absolute():
        data["theme"] = {**theme, "custom_dir": str((folder / custom).resolve())}
    return data


@functools.cache
def theme_files(theme: str = "material") -> dict[str, str]:
    """THEME_FILES as the installed theme's base.html names them."""
    from mkdocs.utils import get_theme_dir

    base = Path(get_theme_dir(theme)) / "base.html"
    source = base.read_text(encoding="utf-8")
    found = {name: re.search(pattern, source) for name, pattern in THEME_FILES.items()}
    missing = [pattern for name, pattern in THEME_FILES.items() if found[name] is None]
    if missing:
        raise PactwatchError(msg("error.site.mkdocs_build", reason=f"{base}: {' '.join(missing)}"))
    return {name: match[0] for name, match in found.items() if match is not None}


def own_page(theme: Mapping[str, Any]) -> bool:
    """Whether the portfolio's theme folder has its own main.html or base.html: then detail.html pages are that
    page too (its blocks win everywhere), not the lean one."""
    custom = theme.get("custom_dir")
    if not isinstance(custom, str) or custom == str(THEME_DIR):
        return False
    return any((Path(custom) / name).is_file() for name in ("main.html", "base.html"))


def default_config() -> dict[str, Any]:
    return load_yaml(data_dir("templates") / "site" / "mkdocs.yml")


def merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """Dicts merge key by key (recursively); anything else in ``over`` replaces ``base``."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def _plugin_name(entry: object) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, Mapping) and len(entry) == 1:
        return str(next(iter(entry)))
    return None


def search_options(language: str) -> dict[str, Any]:
    """Search for both scripts in every site: a Chinese portfolio names people and companies in Latin letters
    (Emily Clark, Pacific Compute Inc.), an English one in Chinese characters.

    No stemmer: with it, Material's search found no whole name typed in full (Emily, Compute); names, ids
    and titles are not words to stem. The default pipeline's English trimmer would also strip Chinese words:
    with ``lang: [zh, en]`` the trimmer keeps both scripts.
    """
    languages = [language, *(other for other in LANGUAGES if other != language)]
    return {"lang": languages, "separator": SEPARATOR, "pipeline": ["trimmer", "stopWordFilter"]}


def _search(plugins: list[Any], language: str) -> list[Any]:
    """Give the search plugin the options above, except those the portfolio set itself."""
    out = []
    for entry in plugins:
        name = _plugin_name(entry)
        if name in ("search", "material/search"):
            options = dict(entry[name] or {}) if isinstance(entry, Mapping) else {}
            out.append({name: {**search_options(language), **options}})
        else:
            out.append(entry)
    return out


def _theme(theme: object, language: str) -> dict[str, Any]:
    """mkdocs-material in the site's language: its own words (search, 404, toggles) unless the portfolio chose."""
    out = dict(theme) if isinstance(theme, Mapping) else {}
    out.setdefault("name", "material")
    out["font"] = False
    out.setdefault("language", language)
    out.setdefault("custom_dir", str(THEME_DIR))
    out["static_templates"] = _with_first(THEME_ASSETS, out.get("static_templates"))
    out["palette"] = _palette(out.get("palette"), language)
    return out


def _palette(palette: object, language: str) -> object:
    """The light/dark toggles' tooltips in the site's language, unless the portfolio named them itself."""
    if not isinstance(palette, list):
        return palette
    out = []
    for entry in palette:
        toggle = entry.get("toggle") if isinstance(entry, Mapping) else None
        if isinstance(toggle, Mapping) and not toggle.get("name"):
            to = "site.palette.to_light" if entry.get("scheme") == "slate" else "site.palette.to_dark"
            out.append({**entry, "toggle": {**toggle, "name": text(to, language)}})
        else:
            out.append(entry)
    return out


def _with_first(first: tuple[str, ...], items: object) -> list[Any]:
    rest = [item for item in (items if isinstance(items, list) else []) if item not in first]
    return [*first, *rest]


def section_nav(settings: Settings, sections: tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
    return [{text(message_id, settings.language): path} for path, message_id in sections]


def build_config(
    settings: Settings,
    user: Mapping[str, Any] | None,
    *,
    sections: tuple[tuple[str, str], ...],
    site_dir: Path,
) -> dict[str, Any]:
    """The whole mkdocs.yml of a build, as a mapping (docs_dir is ``docs`` beside it)."""
    config = merge(default_config(), user or {})
    lang = settings.language
    config["docs_dir"] = "docs"
    config["site_dir"] = str(site_dir)
    config["use_directory_urls"] = False  # pages are files (links.page): the site works opened from disk too
    config["site_name"] = config.get("site_name") or text("site.site_name", lang)
    config["copyright"] = config.get("copyright") or text("site.footer", lang)
    if settings.site_url and not config.get("site_url"):
        config["site_url"] = settings.site_url
    config.setdefault("edit_uri", "")  # generated pages are not files in the repository
    config["theme"] = _theme(config.get("theme"), lang)
    if config["theme"]["custom_dir"] != str(THEME_DIR):
        config["hooks"] = _with_first((str(THEME_HOOK),), config.get("hooks"))
    lean = {**theme_files(), "full_page": own_page(config["theme"])}
    ours = {"pactwatch_not_found": text("site.not_found", lang), "pactwatch_theme": lean}  # theme/*.html
    config["extra"] = {**(config.get("extra") or {}), **ours}
    user_nav = list((user or {}).get("nav") or [])
    config["nav"] = [*section_nav(settings, sections), *user_nav]
    extra = [line for line in str(config.get("not_in_nav") or "").splitlines() if line.strip()]
    config["not_in_nav"] = "\n".join(dict.fromkeys([*NOT_IN_NAV, *extra])) + "\n"
    config["plugins"] = _search(list(config.get("plugins") or ["search"]), lang)
    config["extra_css"] = _with_first(ASSETS[:1], config.get("extra_css"))
    config["extra_javascript"] = _with_first(ASSETS[1:], config.get("extra_javascript"))
    return config


def dump(config: Mapping[str, Any]) -> str:
    """mkdocs.yml text; objects the portfolio's file named with !!python/name stay that way."""
    header = "# Written by `pactwatch build`: do not edit (edit the portfolio's mkdocs.yml instead).\n"
    return header + yaml.dump(dict(config), Dumper=yaml.Dumper, allow_unicode=True, sort_keys=False, width=1000)


def user_docs_dir(root: Path, user: Mapping[str, Any] | None, config_file: Path | None) -> Path | None:
    """The portfolio's own docs folder (its extra pages), if its mkdocs.yml is there and the folder exists."""
    if user is None or config_file is None:
        return None
    folder = (config_file.parent / str(user.get("docs_dir") or "docs")).resolve()
    return folder if folder.is_dir() else None
