"""One store, SQLite by default or PostgreSQL, behind one interface (``Store``)."""

from .store import AddOutcome, Store, open_store

__all__ = ["AddOutcome", "Store", "open_store"]
