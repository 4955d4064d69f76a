"""Exceptions for "we cannot go on"; the CLI turns each into one message and an exit code."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pactwatch.catalogue import Msg


class Worded(Exception):
    """An exception a person reads. The message is a sentence already in the run's language, or a Msg
    when the layer that raises it does not know the language (the GitHub client, a transport): ``said``
    words it where it is shown; ``str()`` is the English, for logs and tests."""

    def __init__(self, message: str | Msg = "") -> None:
        super().__init__(message if isinstance(message, str) else message.render("en"))
        self.said_as = message  # not `message`: subclasses keep their own Msg there

    def said(self, language: str) -> str:
        """The message in ``language`` (a str message is already worded)."""
        message = getattr(self, "said_as", None)  # CannotWrite is made by OSError's constructor
        return str(self) if message is None or isinstance(message, str) else message.render(language)


class PactwatchError(Worded):
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

    def said(self, language: str) -> str:
        from pactwatch.catalogue import text

        return text("error.cannot_write", language, path=str(self.filename), reason=os_reason(self, language))

    def __str__(self) -> str:
        return self.said("en")


class OSFailure(PactwatchError):
    """What pactwatch could not do (a Msg with a ``{reason}`` placeholder) because of ``cause``: the sentence and
    the operating system's reason are both worded where the error is shown (``os_reason``)."""

    def __init__(self, what: Msg, cause: OSError, exit_code: int = 1) -> None:
        self.what, self.cause, self.exit_code = what, cause, exit_code
        super().__init__(self.said("en"))

    def said(self, language: str) -> str:
        from pactwatch.catalogue import text

        return text(self.what.id, language, **dict(self.what.facts), reason=os_reason(self.cause, language))


def os_reason(exc: OSError, language: str) -> str:
    """The operating system's reason in ``language`` when the catalogue words it (a full disk, no permission), else as it says it."""
    import errno

    from pactwatch.catalogue import CATALOGUE, word

    key = f"error.os.{errno.errorcode.get(exc.errno or 0, '')}"
    return word(key, language) if key in CATALOGUE else exc.strerror or str(exc)
