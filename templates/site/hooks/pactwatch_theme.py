"""mkdocs hook named in a build's mkdocs.yml when the portfolio's own mkdocs.yml sets ``theme.custom_dir``.

mkdocs takes one custom_dir, and the portfolio's takes the place of pactwatch's (templates/site/theme):
its templates are looked up first, then pactwatch's, then the theme's. So contract pages keep their lean
``detail.html``, the 404 its heading and the icons and palette their assets, unless the portfolio's folder has
its own. Plain ``mkdocs build`` loads hooks too: the generated tree builds the same without pactwatch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader

THEME = Path(__file__).resolve().parent.parent / "theme"


def on_env(env: Environment, config: Any, files: Any) -> Environment:
    loaders: list[BaseLoader] = [env.loader] if env.loader is not None else []
    env.loader = ChoiceLoader([*loaders, FileSystemLoader(str(THEME))])
    return env
