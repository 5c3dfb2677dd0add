"""Text that XML 1.0 can carry: report text may hold control characters that would make the file unreadable."""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)
