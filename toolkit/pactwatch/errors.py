"""Exceptions for "we cannot go on"; the CLI turns each into one message and an exit code."""

from __future__ import annotations


class PactwatchError(Exception):
    """A fatal problem the user can fix (missing directory, unwritable output). Exit 1."""

    exit_code = 1


class UsageError(PactwatchError):
    """The command line or the environment is wrong. Exit 2."""

    exit_code = 2
