"""Telegram Desktop channel exports (``result.json``): one Document per message with text.

The channel is the outlet and the message date the publication date. Text entities (bold, links, mentions,
...) are flattened to the text a reader sees. Service messages (pins, joins) and messages without text
(a photo alone) are skipped silently; a malformed message is reported and the others are read.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterator

from ..config import Settings
from ..dates import parse_date
from ..document import Document, sha256_hex
from ..errors import InputError
from .furniture import mark_report
from .raw import decode_text
from .skips import WrongKind


def read(name: str, raw: bytes, settings: Settings) -> Iterator[Document | InputError]:
    export = load_export(name, raw)
    channel = export.get("name") if isinstance(export.get("name"), str) else None
    username = export.get("username")
    username = username.lstrip("@") if isinstance(username, str) and username.strip("@ ") else None
    for position, message in enumerate(export["messages"], start=1):
        item = message_document(name, position, message, channel, username, export.get("id"))
        if item is not None:
            yield item


def load_export(name: str, raw: bytes) -> dict[str, Any]:
    # json.load of the whole file is fine: the input size limit bounds it, and exports are one JSON object
    try:
        export = json.loads(decode_text(name, raw))
    except json.JSONDecodeError as e:
        raise InputError(name, f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})") from None
    if not isinstance(export, dict) or not isinstance(export.get("messages"), list):
        raise WrongKind(name, "not a Telegram Desktop export: no 'messages' list")
    return export


def message_document(
    name: str, position: int, message: Any, channel: str | None, username: str | None, channel_id: Any
) -> Document | InputError | None:
    if not isinstance(message, dict):
        return InputError(f"{name}: message #{position}", "not a JSON object")
    if message.get("type", "message") != "message":
        return None
    message_id = message.get("id")
    where = f"{name}: message {message_id if message_id is not None else '#' + str(position)}"
    try:
        text = flatten_text(message.get("text_entities") if "text_entities" in message else message.get("text"))
    except ValueError as e:
        return InputError(where, str(e))
    if not text.strip():
        return None
    published = message_date(message)
    if published is None and ("date" in message or "date_unixtime" in message):
        return InputError(where, "its date is not an ISO date or a Unix time")
    has_id = isinstance(message_id, int) and not isinstance(message_id, bool)
    author = message.get("author") if isinstance(message.get("author"), str) else None
    return mark_report(
        Document(
            text=text,
            sha256=sha256_hex(json.dumps({"channel": channel_id, "message": message}, sort_keys=True, default=str)),
            outlet=channel,
            author=author,
            published=published,
            url=f"https://t.me/{username}/{message_id}" if username and has_id else None,
            path=name,
            kind="telegram",
            meta={k: v for k, v in (("message_id", message_id), ("channel_id", channel_id)) if v is not None},
        )
    )


def flatten_text(value: Any) -> str:
    """Telegram's text: a string, or a list of strings and ``{"type": ..., "text": ...}`` entities."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        raise ValueError("'text' is neither a string nor a list of text parts")
    parts = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text", ""), str):
            parts.append(part.get("text", ""))
        else:
            raise ValueError("a text part is neither a string nor an entity with a 'text' string")
    return "".join(parts)


def message_date(message: dict[str, Any]) -> str | None:
    """The message time as an ISO datetime (Telegram Desktop writes local time without a zone)."""
    found = parse_date(message.get("date"))
    if found is not None:
        return found
    unix = message.get("date_unixtime")
    try:
        moment = dt.datetime.fromtimestamp(int(unix), dt.timezone.utc).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    return parse_date(moment.isoformat(timespec="seconds"))
