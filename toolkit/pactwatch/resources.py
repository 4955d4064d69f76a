"""Where the shipped schemas and templates live.

In a wheel they are package data (``pactwatch/_data``); in a source checkout
(including an editable install) they are the repository's top-level folders.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The directory holding shipped ``schema`` or ``templates`` files."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"pactwatch is installed without its {name}/ folder")


OWN_FILE_LIMIT = 64 * 1024 * 1024  # a portfolio's template or asset: far above any real one


def own_templates(folder: Path) -> BaseLoader:
    """A Jinja loader for a portfolio's own ``templates/`` (reviewed as code, but arriving by pull request):
    a template that is a link, lies in a linked folder or is a special file is refused (``safefs``), so
    ``page.html -> /proc/self/environ`` cannot put the environment into a page."""
    from jinja2 import FileSystemLoader, TemplateNotFound
    from jinja2.loaders import split_template_path

    from pactwatch.errors import PactwatchError
    from pactwatch.safefs import NotRegularFile, read_regular, refused

    class OwnTemplates(FileSystemLoader):  # here: jinja2 is imported only by the commands that render
        def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
            rel = "/".join(split_template_path(template))
            for base in self.searchpath:
                try:
                    raw, _ = read_regular(base, rel, OWN_FILE_LIMIT)
                except FileNotFoundError:
                    continue
                except NotRegularFile as exc:
                    raise PactwatchError(refused(exc)) from None
                return raw.decode("utf-8"), os.path.join(base, rel), lambda: False
            raise TemplateNotFound(template)

    return OwnTemplates(str(folder))
