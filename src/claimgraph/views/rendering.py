"""The Jinja2 environment and the packaged stylesheet shared by the report and the web app."""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..analyze.quantities import as_written


@lru_cache(maxsize=1)
def environment() -> Environment:
    # autoescape everywhere: report text is untrusted and may carry markup.
    env = Environment(
        loader=PackageLoader("claimgraph.views", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["as_written"] = as_written  # amounts as the report wrote them: "$167 million", not "1.67e+08 USD"
    return env


@lru_cache(maxsize=4)
def static_text(name: str) -> str:
    return (resources.files("claimgraph.views") / "static" / name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline block."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
