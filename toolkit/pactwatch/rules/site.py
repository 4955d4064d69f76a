"""Where a rule's finding points: a file and, lazily, its parsed positions."""

from __future__ import annotations

from collections.abc import Callable

from pactwatch.catalogue import Msg
from pactwatch.findings import Finding, make
from pactwatch.load.yaml import Document


class Site:
    """Makes located findings for one file.

    The document is parsed only when a finding needs a position, so that a
    cached contract is not re-parsed unless something is wrong with it.
    """

    def __init__(self, path: str, document: Document | Callable[[], Document]) -> None:
        self.path = path
        self._document = document

    @property
    def document(self) -> Document:
        if callable(self._document):
            self._document = self._document()
        return self._document

    def finding(self, code: str, pointer: str, message: Msg | str, hint: Msg | str = "", *, key: bool = False) -> Finding:
        doc = self.document
        where = doc.locate(pointer, key=key)
        return make(code, self.path, where, pointer, message, hint, doc.source_line(where[0]))
