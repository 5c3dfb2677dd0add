"""A store that fails under a command (read-only file, full disk, damaged file, lost server) as one line:
which store, what went wrong, and what to do about it.

Only failures of the store itself are translated. A constraint violation or a malformed statement is a bug
in claimgraph and keeps its traceback.
"""

from __future__ import annotations

import sqlite3

from .urls import is_postgres_url, redact, scrub


def is_store_failure(error: BaseException) -> bool:
    """True for errors that say the store (file, disk or server) cannot be used, not that our SQL is wrong."""
    if isinstance(error, sqlite3.OperationalError) or type(error) is sqlite3.DatabaseError:
        return True  # "database disk image is malformed" and "file is not a database" are plain DatabaseErrors
    if type(error).__module__.startswith("psycopg"):
        import psycopg

        return isinstance(
            error,
            (psycopg.OperationalError, psycopg.errors.ReadOnlySqlTransaction, psycopg.errors.InsufficientPrivilege),
        )
    return False


def explain(error: BaseException, url: str) -> str:
    """One line for ``error`` raised by the store at ``url`` (any password in it hidden)."""
    where = redact(url)
    message = scrub(str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__, url)
    lowered = message.lower()
    rerun = "then run the same command again (what was already stored is kept)"
    if "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
        return (
            f"cannot write to the store {where}: it is read-only ({message}). Make the file and its folder "
            f"writable, or pass --db with a writable copy, {rerun}"
        )
    if "permission denied" in lowered or "insufficientprivilege" in lowered:
        return f"cannot write to the store {where}: permission denied ({message}). Ask for write access, {rerun}"
    if "disk is full" in lowered or "no space left" in lowered or "could not extend" in lowered:
        return f"the store {where} could not be written: the disk is full ({message}). Free some space, {rerun}"
    if "disk i/o error" in lowered:
        return (
            f"the store {where} could not be written or read ({message}): the disk may be full, over a size "
            f"limit or failing. Free some space or check the disk, {rerun}"
        )
    if "not a database" in lowered:
        return (
            f"{where} is not a claimgraph store: not a SQLite database, or one whose header is damaged "
            f"({message}). Check the --db path; if it was a store, restore it from a backup"
        )
    if "malformed" in lowered or "disk image" in lowered:
        recover = (
            ""
            if is_postgres_url(url)
            else (
                f", or save what it still holds with `sqlite3 {where} .recover | sqlite3 recovered.db` and use "
                "--db recovered.db"
            )
        )
        return f"the store {where} is damaged ({message}). Restore it from a backup{recover}"
    if "locked" in lowered or "busy" in lowered:
        return f"the store {where} is locked by another process ({message}): wait for it to finish and try again"
    if "unable to open" in lowered:
        return f"cannot open the store {where} ({message}): check that its folder exists and that you may write there"
    if is_postgres_url(url):
        return f"the store {where} failed ({message}). Check that the server is running and reachable, {rerun}"
    return f"the store {where} failed ({message})"
