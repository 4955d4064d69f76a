"""Benchmarks time pactwatch as installed: with its modules' bytecode compiled.

pip compiles a wheel's modules when it installs them, and an editable install
writes their bytecode on first import, unless PYTHONDONTWRITEBYTECODE is set
(as on some CI images and sandboxes). Then every `pactwatch` process would
compile its ~100 modules again (~0.3 s on a 2-core machine) and a benchmark
would time the compiler rather than pactwatch.
"""

from __future__ import annotations

import compileall
from pathlib import Path

import pactwatch


def compile_pactwatch() -> None:
    """Write the package's bytecode (as `pip install` does) so each timed process imports it ready-made."""
    compileall.compile_dir(Path(pactwatch.__file__).parent, quiet=1)
