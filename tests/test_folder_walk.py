"""Folders as a careless or hostile source hands them over: links out of the folder, FIFOs, sockets,
dangling links, 1,200 nested folders, files that are not reports. Real files on disk, the real walk."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.errors import InputError
from claimgraph.sources import Ignored, read_inputs
from claimgraph.sources.folders import MAX_DEPTH

REPORT = "The harbour master said on Monday that the quay would reopen in May.\n"


def read(*items, **kwargs) -> list:
    return list(read_inputs([str(i) for i in items], Settings(), **kwargs))


def by_kind(items) -> tuple[list[Document], list[InputError], list[Ignored]]:
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, InputError)],
        [i for i in items if isinstance(i, Ignored)],
    )


@pytest.fixture
def outside(tmp_path) -> Path:
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    return secret


def test_a_link_out_of_the_folder_is_skipped_unless_links_are_followed(tmp_path, outside):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(REPORT, encoding="utf-8")
    (tree / "passwd.md").symlink_to(outside)
    docs, errors, _ = by_kind(read(tree))
    assert [Path(d.path).name for d in docs] == ["a.txt"]
    (error,) = errors
    assert (
        error.name == str(tree / "passwd.md")
        and "outside the folder" in error.reason
        and "--follow-links" in error.reason
    )
    docs, errors, _ = by_kind(read(tree, follow_links=True))
    assert sorted(Path(d.path).name for d in docs) == ["a.txt", "passwd.md"] and not errors


def test_links_inside_the_folder_are_read_once(tmp_path):
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "a.txt").write_text(REPORT, encoding="utf-8")
    (tree / "alias.txt").symlink_to(tree / "sub" / "a.txt")
    (tree / "again").symlink_to(tree / "sub")  # a folder link inside: its files are read where they are
    (tree / "sub" / "up").symlink_to(tree)  # a cycle
    docs, errors, _ = by_kind(read(tree))
    assert not errors and sorted(os.path.relpath(d.path, tree) for d in docs) == ["alias.txt", "sub/a.txt"]
    docs, errors, _ = by_kind(read(tree, follow_links=True))  # each folder once, whichever way it was reached
    assert not errors and sorted(os.path.relpath(d.path, tree) for d in docs) == ["again/a.txt", "alias.txt"]


def test_fifos_sockets_and_dangling_links_get_a_line_each(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(REPORT, encoding="utf-8")
    os.mkfifo(tree / "pipe.txt")
    (tree / "gone.md").symlink_to(tmp_path / "nowhere.md")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tree / "s.txt"))
        docs, errors, _ = by_kind(read(tree))  # would block forever if the FIFO were opened
    finally:
        sock.close()
    assert len(docs) == 1
    reasons = {Path(e.name).name: e.reason for e in errors}
    assert reasons == {
        "gone.md": "a link to nothing (dangling link)",
        "pipe.txt": "not a regular file (a FIFO)",
        "s.txt": "not a regular file (a socket)",
    }
    (error,) = read(tree / "gone.md")
    assert "dangling" in error.reason


def test_1200_nested_folders_are_one_skip_line_and_later_inputs_are_read(tmp_path):
    deep = tmp_path / "deep"
    deep.mkdir()
    here = os.open(deep, os.O_RDONLY)
    try:  # made one level at a time relative to the last: a 2,400-character path is too long for some calls
        for _ in range(1200):
            os.mkdir("d", dir_fd=here)
            nxt = os.open("d", os.O_RDONLY, dir_fd=here)
            os.close(here)
            here = nxt
        fd = os.open("x.txt", os.O_WRONLY | os.O_CREAT, dir_fd=here)
        os.write(fd, REPORT.encode())
        os.close(fd)
    finally:
        os.close(here)
    (tmp_path / "shallow.txt").write_text("The governor said the bridge was closed on Friday.\n", encoding="utf-8")
    (deep / "d" / "near.txt").write_text("The mayor said the ferry ran on time.\n", encoding="utf-8")
    try:
        docs, errors, _ = by_kind(read(deep, tmp_path / "shallow.txt"))
        assert sorted(Path(d.path).name for d in docs) == ["near.txt", "shallow.txt"]
        (error,) = errors
        assert f"more than {MAX_DEPTH} deep" in error.reason
    finally:
        remove_nested(deep / "d", levels=1200, leaf="x.txt")


def remove_nested(top, levels, leaf):
    """Remove a chain of `levels` folders named "d" from the bottom up: shutil.rmtree (and so pytest's cleanup
    of old temporary folders) recurses once per level and fails past Python's recursion limit."""
    (top / "near.txt").unlink(missing_ok=True)
    fds = [os.open(top.parent, os.O_RDONLY)]
    try:
        for _ in range(levels):
            fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
        os.unlink(leaf, dir_fd=fds[-1])
        while len(fds) > 1:
            os.close(fds.pop())
            os.rmdir("d", dir_fd=fds[-1])
    finally:
        for fd in fds:
            os.close(fd)


def test_files_that_are_not_reports_are_ignored_in_a_folder_but_errors_when_named(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(REPORT, encoding="utf-8")
    (tree / "meta.json").write_text('{"title": "not an export"}', encoding="utf-8")
    (tree / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>', encoding="utf-8")
    (tree / "photo.png").write_bytes(b"\x89PNG\r\n")
    (tree / ".DS_Store").write_bytes(b"\x00\x01")  # hidden: passed over silently
    docs, errors, ignored = by_kind(read(tree))
    assert len(docs) == 1 and not errors
    assert {Path(i.name).name: i.reason for i in ignored} == {
        "meta.json": "not a Telegram Desktop export: no 'messages' list",
        "photo.png": "not a kind of file claimgraph reads",
        "sitemap.xml": "not an RSS or Atom feed",
    }
    (error,) = read(tree / "meta.json")
    assert isinstance(error, InputError) and "not a Telegram Desktop export" in error.reason


def test_cli_lists_ignored_files_and_exits_0_but_1_for_a_named_one(tmp_path, outside):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(REPORT, encoding="utf-8")
    (tree / "meta.json").write_text('{"title": "not an export"}', encoding="utf-8")
    db = tmp_path / "s.db"
    result = CliRunner().invoke(main, ["add", str(tree), "--db", str(db), "--processes", "1", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert len(report["added"]) == 1 and report["errors"] == [] and report["skipped"] == 0
    assert report["ignored"] == [
        {"input": str(tree / "meta.json"), "reason": "not a Telegram Desktop export: no 'messages' list"}
    ]
    shown = CliRunner().invoke(main, ["add", str(tree), "--db", str(db)])
    assert shown.exit_code == 0 and f"ignored {tree / 'meta.json'}: not a Telegram" in shown.stderr
    assert "1 file(s) ignored" in shown.stdout
    named = CliRunner().invoke(main, ["add", str(tree / "meta.json"), "--db", str(db)])
    assert named.exit_code == 1 and "skipped" in named.stderr
    (tree / "passwd.md").symlink_to(outside)
    linked = CliRunner().invoke(main, ["add", str(tree), "--db", str(db), "--json"])
    assert linked.exit_code == 1
    assert [e["input"] for e in json.loads(linked.stdout)["errors"]] == [str(tree / "passwd.md")]
    followed = CliRunner().invoke(main, ["add", str(tree), "--db", str(db), "--follow-links", "--json"])
    assert followed.exit_code == 0 and len(json.loads(followed.stdout)["added"]) == 1
