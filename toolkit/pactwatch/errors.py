"""Exceptions for "we cannot go on"; the CLI turns each into one message and an exit code."""

from __future__ import annotations


class PactwatchError(Exception):
    """A fatal problem the user can fix (missing directory, unwritable output). Exit 1."""

    exit_code = 1


class UsageError(PactwatchError):
    """The command line or the environment is wrong. Exit 2."""

    exit_code = 2


class CannotWrite(PactwatchError, OSError):
    """An output file could not be written (a full disk, no permission): one line, exit 1, the old file intact.

    Still an OSError, so callers that catch OSError around a write (the cache, which ignores it) keep working."""

    def __init__(self, path: object, cause: OSError) -> None:
        OSError.__init__(self, cause.errno, cause.strerror or str(cause), str(path))

    def __str__(self) -> str:
        return f"cannot write {self.filename}: {self.strerror}"
