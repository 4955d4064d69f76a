"""The README's two ways to install pactwatch, done for real: a wheel built from this checkout, and pip from git at a tag.

Both install with --no-deps into a folder of their own; the dependencies come from the running environment
(PYTHONPATH puts the installed copy before the editable checkout). No package index is needed for pactwatch
itself; building the wheel needs hatchling, taken from this environment when it has it, else fetched by pip's
build isolation.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pactwatch import __version__
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow  # builds and installs pactwatch twice: tens of seconds, part of the normal suite

# Runs the installed pactwatch's CLI, after checking that it is the installed copy and reads its own schemas and templates.
RUN_INSTALLED = """\
import sys
from pathlib import Path
import pactwatch
from pactwatch.cli import main
from pactwatch.resources import data_dir
target = Path(sys.argv[1]).resolve()
for where in (Path(pactwatch.__file__), data_dir("templates"), data_dir("schema")):
    assert target in where.resolve().parents, f"{where} is not in the installed copy {target}"
sys.exit(main(sys.argv[2:]))
"""
GIT_ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}


def _run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env={**os.environ, **GIT_ENV, **(env or {})}, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{' '.join(map(str, args))}\n{done.stdout}\n{done.stderr}"
    return done


def _pip(*args: str | Path) -> subprocess.CompletedProcess[str]:
    isolation = () if importlib.util.find_spec("hatchling") is None else ("--no-build-isolation",)
    return _run(sys.executable, "-m", "pip", *args, *isolation, "--no-deps", "--no-input", "--disable-pip-version-check", "--quiet")


def _installed(target: Path, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return _run(sys.executable, "-c", RUN_INSTALLED, target, *args, cwd=cwd, env={"PYTHONPATH": str(target)})


def test_a_wheel_built_from_the_checkout_carries_its_schemas_and_templates(tmp_path: Path) -> None:
    wheels, target, work = tmp_path / "wheels", tmp_path / "installed", tmp_path / "work"
    _pip("wheel", "-w", wheels, REPO_ROOT)
    [wheel] = wheels.glob("*.whl")
    assert wheel.name == f"pactwatch-{__version__}-py3-none-any.whl"  # the name the README installs
    _pip("install", "--target", target, wheel)
    work.mkdir()
    flags = ("--language", "en", "--timezone", "Europe/Berlin", "--currency", "EUR", "--name", "Acme")
    _installed(target, "init", "repo", *flags, cwd=work)
    _installed(target, "new", "service", "--id", "S-1", "--owner", "jane.doe", cwd=work / "repo")
    _installed(target, "validate", "--strict", cwd=work / "repo")
    assert (work / "repo" / "contracts" / "service" / "S-1.yaml").is_file()


def test_pip_installs_from_the_git_repository_at_the_version_tag(tmp_path: Path) -> None:
    clone, target = tmp_path / "pactwatch.git", tmp_path / "installed"
    _run("git", "clone", "--quiet", "--no-hardlinks", REPO_ROOT, clone)
    _run("git", "tag", "--force", f"v{__version__}", cwd=clone)  # a lightweight tag, as a release would have
    _pip("install", "--target", target, f"pactwatch @ git+file://{clone}@v{__version__}")
    assert (target / f"pactwatch-{__version__}.dist-info").is_dir()
    shown = _installed(target, "--version", cwd=tmp_path)
    assert shown.stdout.strip() == f"pactwatch, version {__version__}"
