"""People's names (and other user text) in e-mail headers: Subject, and the display names of To and Cc.

- A line break in a header value would start a header of its own (``Bcc:``); Python's e-mail
  library refuses such a value, which used to stop the whole reminder run. Control characters and
  Unicode line separators become spaces, so a value is always one line.
- A display name goes into ``email.headerregistry.Address`` (never into a string we put together):
  the library quotes it, or encodes it as an RFC 2047 encoded word when it is not ASCII, so
  ``:`` ``,`` ``<`` ``;`` in a name can never turn the To header into a group or a second address.
"""

from __future__ import annotations

import re
from email.headerregistry import Address

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def header_text(text: str) -> str:
    """User text for an unstructured header (Subject): one line, no control characters."""
    return " ".join(_CONTROL.sub(" ", text).split())


def mailbox(name: str, address: str) -> Address:
    """``name <address>`` as one mailbox; ValueError when the library cannot parse ``address`` as one."""
    return Address(display_name=header_text(name), addr_spec=address)
