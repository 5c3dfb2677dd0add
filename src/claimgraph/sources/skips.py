"""What readers say about what they do not read, and the bound on how much of it is kept.

A hostile or broken file can hold millions of bad lines (a 2 KB gzipped JSON Lines file held a million).
Each input therefore gives at most ``MAX_ERRORS_PER_INPUT`` skip lines of its own, then one total per reason
("... and 1,048,556 more skipped: not valid JSON"), and stops being read after ``MAX_BAD_IN_A_ROW``
unreadable parts in a row, so memory, output and time stay bounded whatever the file holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..document import Document
from ..errors import InputError

MAX_ERRORS_PER_INPUT = 20
MAX_BAD_IN_A_ROW = 1_000
MAX_REASONS = 10  # distinct reasons counted apart in the totals; the rest are "other reasons"
_DETAIL = re.compile(r"\s*\([^()]*\)\s*$")  # "not valid JSON (Expecting value)" -> "not valid JSON"


class WrongKind(InputError):
    """The file has a known suffix but is not that kind of file (a ``meta.json`` that is not a Telegram
    export, an ``.xml`` that is not a feed). Named on the command line it is an error; met in a folder it is
    ignored."""


@dataclass
class Ignored:
    """A file in a folder that is not a report (an image, a ``meta.json``): listed, not an error."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


class MoreSkipped(InputError):
    """The total of the skips of one input past the first ``MAX_ERRORS_PER_INPUT``, for one reason."""

    def __init__(self, name: str, reason: str, count: int):
        self.count = count
        super().__init__(name, f"... and {count:,} more skipped: {reason}")


def skip_count(error: InputError) -> int:
    """How many skipped parts ``error`` stands for."""
    return error.count if isinstance(error, MoreSkipped) else 1


def bounded(name: str, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
    """``items`` of one input with its errors bounded as the module docstring says."""
    shown = in_a_row = 0
    more: dict[str, int] = {}
    for item in items:
        if not isinstance(item, InputError):
            in_a_row = 0
            yield item
            continue
        in_a_row += 1
        if shown < MAX_ERRORS_PER_INPUT:
            shown += 1
            yield item
        else:
            key = _DETAIL.sub("", item.reason) or item.reason
            if key not in more and len(more) >= MAX_REASONS:
                key = "other reasons"
            more[key] = more.get(key, 0) + 1
        if in_a_row >= MAX_BAD_IN_A_ROW:
            yield InputError(
                name,
                f"stopped reading after {in_a_row:,} unreadable parts in a row; the rest of this input was not read",
            )
            break
    close = getattr(items, "close", None)
    if close is not None:  # a file being streamed is closed now, not when the generator is collected
        close()
    for reason, count in more.items():
        yield MoreSkipped(name, reason, count)
