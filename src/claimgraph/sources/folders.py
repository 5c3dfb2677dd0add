"""Walking a folder of reports: iteratively (no recursion limit), in sorted order, refusing what should not
be read.

A folder may come from anywhere (an archive, a shared drive), so what is in it is not trusted: a link that
leads out of the folder (``passwd.md -> /etc/passwd``) is skipped unless the user asks for links to be
followed; FIFOs, sockets and devices (which would block or never end) and dangling links are skipped with
a line; hidden files and folders are passed over silently, as are links to folders inside the folder (what
they lead to is read where it is). Folders nested deeper than ``MAX_DEPTH`` are not read, with one line.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError

MAX_DEPTH = 100


@dataclass
class Found:
    """A regular file in the folder, to be read."""

    path: Path


def walk(root: Path, follow_links: bool = False) -> Iterator[Found | InputError]:
    """Every regular file under ``root`` (sorted as paths sort), or an InputError for what is skipped."""
    real_root = os.path.realpath(root)
    seen_folders = {_identity(root)}
    stack = [(iter(_entries(root)), 0)]
    too_deep_said = False
    while stack:
        entries, depth = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if isinstance(entry, InputError):
            yield entry
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        kind = _kind(path, real_root, follow_links)
        if isinstance(kind, InputError):
            yield kind
        elif kind == "file":
            yield Found(path)
        elif kind == "folder":
            identity = _identity(path)
            if identity in seen_folders:  # a link back up the tree: read once
                continue
            if depth + 1 > MAX_DEPTH:
                if not too_deep_said:
                    too_deep_said = True
                    yield InputError(str(path), f"folders nested more than {MAX_DEPTH} deep are not read")
                continue
            seen_folders.add(identity)
            stack.append((iter(_entries(path)), depth + 1))


def _entries(folder: Path) -> list[os.DirEntry | InputError]:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except PermissionError:
        return [InputError(str(folder), "permission denied")]
    except OSError as e:
        return [InputError(str(folder), f"cannot be read ({e.strerror or e})")]


def _kind(path: Path, real_root: str, follow_links: bool) -> str | InputError | None:
    """ "file", "folder", None (pass over silently) or the InputError saying why it is skipped."""
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            target = os.path.realpath(path)
            if not os.path.exists(target):
                return InputError(str(path), "a link to nothing (dangling link)")
            inside = target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)
            target_mode = os.stat(path).st_mode
            if stat.S_ISDIR(target_mode):
                return "folder" if follow_links else (None if inside else _outside(path, target))
            if not inside and not follow_links:
                return _outside(path, target)
            mode = target_mode
    except PermissionError:
        return InputError(str(path), "permission denied")
    except OSError as e:
        return InputError(str(path), f"cannot be read ({e.strerror or e})")
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    return InputError(str(path), f"not a regular file ({_special(mode)})")


def _outside(path: Path, target: str) -> InputError:
    return InputError(str(path), f"a link to {target}, outside the folder: not read (--follow-links reads it)")


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file or folder"


def _identity(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino
