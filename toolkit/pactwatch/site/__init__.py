"""The progress site: the evaluation as Markdown/HTML pages that mkdocs-material renders.

    from pactwatch.site.build import build_site
    result = build_site(root, today, out=Path("site"), public=False)

Pure page generation (``pages``: SiteInput -> pages, each a path and a text) is kept
apart from the effects (``build``: write the tree, run mkdocs, write feeds;
``serve``: rebuild on change). Every page body is one raw HTML block rendered
by autoescaping Jinja2 templates (``render``), so text from YAML never reaches
the Markdown parser as Markdown. Charts, progress bars and the timeline are
SVG/HTML drawn at build time (``charts``, ``timeline``).
"""

from __future__ import annotations
