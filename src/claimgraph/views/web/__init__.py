"""``claimgraph serve``: a local web app and REST API over the store (``create_app``)."""

from .app import create_app

__all__ = ["create_app"]
