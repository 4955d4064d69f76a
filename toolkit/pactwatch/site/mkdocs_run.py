"""Running mkdocs in-process on the build folder (the effects edge), with the accelerator plugin added.

The build is reproducible: unless SOURCE_DATE_EPOCH is set, it is set to the
build's ``today`` (midnight UTC) while mkdocs runs, so the sitemap's dates do
not depend on the clock.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from pactwatch.catalogue import msg
from pactwatch.errors import OSFailure, PactwatchError
from pactwatch.site.accelerate import Accelerator

EPOCH_ENV = "SOURCE_DATE_EPOCH"
Tick = Callable[[int, int], None]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _epoch(today: date) -> Iterator[None]:
    before = os.environ.get(EPOCH_ENV)
    if before is None:
        os.environ[EPOCH_ENV] = str(int(datetime(today.year, today.month, today.day, tzinfo=UTC).timestamp()))
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(EPOCH_ENV, None)


def _quiet_jieba() -> None:
    """jieba (Chinese search segmentation) announces loading its dictionary on stderr; keep it to warnings."""
    try:
        import jieba  # type: ignore[import-untyped]  # no type information shipped
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)


@contextmanager
def _mkdocs_logs() -> Iterator[_Collect]:
    _quiet_jieba()
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    previous = (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous[0])
        logger.propagate = previous[1]


def run_mkdocs(
    config_file: Path,
    today: date,
    tick: Tick | None = None,
    *,
    accelerate: bool = True,
    accelerator: Accelerator | None = None,
    dirty: bool = False,
) -> list[str]:
    """``mkdocs build`` of ``config_file`` (``dirty``: only pages whose Markdown is newer than their HTML, see
    ``incremental``); returns mkdocs' warnings. Raises PactwatchError when it fails."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _mkdocs_logs() as logs, _epoch(today):
        try:
            config = load_config(str(config_file))
            if accelerate:
                config.plugins["pactwatch-accelerate"] = accelerator or Accelerator(tick)
            build(config, dirty=dirty)
        except MkDocsException as exc:
            raise PactwatchError(msg("error.site.mkdocs_build", reason=str(exc))) from None
        except OSError as exc:
            raise OSFailure(msg("error.site.mkdocs_write"), exc) from None
    return logs.messages
