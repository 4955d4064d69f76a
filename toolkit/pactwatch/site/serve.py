"""``pactwatch serve``: build into a temporary folder, serve it on localhost, rebuild when the data changes.

A small loop instead of ``mkdocs serve``: the data (contracts/, people.yaml,
pactwatch.yml, mkdocs.yml, templates/) is polled once a second; a change
rebuilds the whole site (pages, feeds, mkdocs, with the accelerator) and bumps a
build number. Every HTML page served gets a tiny script that polls that number
and reloads the page when it changes (live reload, with no other connection).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from pactwatch.load.portfolio import Loaded
from pactwatch.site.build import BuildResult, build_site

WATCHED = ("contracts", "people.yaml", "pactwatch.yml", "mkdocs.yml", "mkdocs.yaml", "templates")
RELOAD_PATH = "/__pactwatch_build"
RELOAD_SCRIPT = (
    "<script>(function(){var seen=null;setInterval(function(){fetch('" + RELOAD_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(n){if(seen!==null&&n!==seen){location.reload()}seen=n})"
    ".catch(function(){})},1000)})();</script>"
)


def _files(root: Path) -> Iterator[Path]:
    for name in WATCHED:
        path = root / name
        if path.is_file():
            yield path
        elif path.is_dir():
            for directory, subdirs, files in os.walk(path):
                subdirs[:] = [d for d in subdirs if not d.startswith(".")]
                yield from (Path(directory) / f for f in files)


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """path -> (mtime in ns, size) of every watched file."""
    out = {}
    for path in _files(root):
        try:
            stat = path.stat()
        except OSError:
            continue
        out[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return out


class _Handler(http.server.SimpleHTTPRequestHandler):
    server_state: Preview

    def do_GET(self) -> None:
        if self.path.split("?")[0] == RELOAD_PATH:
            body = str(self.server_state.generation).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        # Served HTML gets the reload script; the length header was sent already, so send HTML whole here.
        data = source.read()
        if self.path.endswith("/") or self.path.split("?")[0].endswith(".html"):
            data = data.replace(b"</body>", RELOAD_SCRIPT.encode() + b"</body>", 1)
        outputfile.write(data)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword == "Content-Length" and (self.path.endswith("/") or self.path.split("?")[0].endswith(".html")):
            return  # the body grows by the reload script; the connection closes after it
        super().send_header(keyword, value)

    def log_message(self, format: str, *args: Any) -> None:
        return


class Preview:
    """The rebuild loop and the HTTP server of ``pactwatch serve``."""

    def __init__(
        self, root: Path, load: Callable[[], tuple[date, Loaded | None]], *, public: bool = False, host: str = "127.0.0.1", port: int = 8000
    ) -> None:
        """``load`` gives the day and the loaded portfolio for each rebuild (None: the builder loads it)."""
        self.root = root
        self.load = load
        self.public = public
        self.site = Path(tempfile.mkdtemp(prefix="pactwatch-serve-"))
        self.generation = 0
        self.seen = snapshot(root)
        self.last: BuildResult | None = None
        bound = type("PreviewHandler", (_Handler,), {"server_state": self})
        self.httpd = http.server.ThreadingHTTPServer((host, port), functools.partial(bound, directory=str(self.site)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}/"

    def rebuild(self) -> BuildResult:
        today, loaded = self.load()
        self.last = build_site(self.root, today, out=self.site, public=self.public, loaded=loaded)
        self.generation += 1
        return self.last

    def changed(self) -> bool:
        now = snapshot(self.root)
        if now == self.seen:
            return False
        self.seen = now
        return True

    def start(self) -> None:
        self.rebuild()
        self.thread.start()

    def stop(self) -> None:
        if self.thread.is_alive():
            self.httpd.shutdown()
        self.httpd.server_close()
        shutil.rmtree(self.site, ignore_errors=True)
