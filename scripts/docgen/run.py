"""Running pactwatch for the docs: in-process (the reference's many small runs) or as the installed
command (the tutorial, exactly as a reader types it). Both with a private cache and no colour."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

PACTWATCH = Path(sys.executable).with_name("pactwatch")  # the venv's console script beside its python


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@contextlib.contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    before = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def in_process(args: Sequence[str | Path], cache: Path) -> Run:
    """``pactwatch ARGS`` through pactwatch.cli.main, its output captured."""
    from pactwatch.cli import main

    out, err = _stream(), _stream()  # with a .buffer: some commands write bytes
    env = {"PACTWATCH_CACHE_DIR": str(cache), "NO_COLOR": "1", "PACTWATCH_LANG": ""}
    with _environment(env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(arg) for arg in args])
    return Run(code, _text(out), _text(err))


def _stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    data = stream.buffer
    assert isinstance(data, io.BytesIO)
    return data.getvalue().decode("utf-8")


def command(line: str, cwd: Path, env: Mapping[str, str]) -> Run:
    """A shell line as the tutorial shows it; ``pactwatch`` is the one installed beside this Python."""
    path = f"{PACTWATCH.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    full = {**os.environ, "PATH": path, "NO_COLOR": "1", "COLUMNS": "100", **env}
    full.pop("PACTWATCH_LANG", None)
    done = subprocess.run(["bash", "-c", line], cwd=cwd, env=full, capture_output=True, text=True, check=False)
    return Run(done.returncode, done.stdout, done.stderr)
