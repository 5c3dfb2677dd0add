"""Command: claims — every stored claim with its source chain, modality, time and quantities."""

from __future__ import annotations

from typing import Any

import click
from rich.table import Table

from ..analysis_types import MODALITIES
from ..link.story import build_story
from .common import console, db_option, json_option, open_store_or_exit, print_json, short


def claims_part(store) -> dict[str, Any]:
    """The claims part of the story JSON (claims and what they point to), without the cross-report links."""
    story = build_story(store.documents(), list(store.analyses()))
    return {key: story[key] for key in ("format", "entities", "sources", "claims", "times")}


def select(part: dict[str, Any], document: str | None, source: str | None, modality: str | None) -> list[dict]:
    """Claims matching every filter given: document id (prefix), source name or id (substring), modality."""
    names = {s["id"]: s["name"] for s in part["sources"]}
    needle = source.lower() if source else None
    out = []
    for c in part["claims"]:
        if document and not c["document"].startswith(document):
            continue
        if modality and c["modality"] != modality:
            continue
        if needle and not any(needle == a["source"] or needle in names.get(a["source"], "").lower()
                              for a in c["attribution"]):
            continue
        out.append(c)
    return out


def chain(claim: dict, names: dict[str, str]) -> str:
    """"NHK ← undisclosed sources": nearest speaker first, each citing the next; "(report)" for own voice."""
    return " ← ".join(names.get(a["source"], a["source"]) for a in claim["attribution"]) or "(report)"


def quantities_text(claim: dict) -> str:
    return "; ".join(q["text"] + (f" {q['unit']}" if q["unit"] and q["unit"] not in q["text"] else "")
                     for q in claim["quantities"])


@click.command()
@click.option("--document", metavar="ID", help="Only claims from this document (id or id prefix).")
@click.option("--source", metavar="NAME", help="Only claims attributed to a source whose name contains this.")
@click.option("--modality", type=click.Choice(MODALITIES), help="Only claims with this modality.")
@click.option("--width", type=int, default=60, show_default=True, help="Characters of claim text per row.")
@db_option
@json_option
def claims(document, source, modality, width, db, as_json):
    """List the claims of the stored reports: who says what, how sure, about when, and how many.

    --json prints the claims part of the story JSON (format, entities, sources, claims, times) with the
    filters applied to the claims.
    """
    with open_store_or_exit(db) as store:
        part = claims_part(store)
    selected = select(part, document, source, modality)
    if as_json:
        print_json({**part, "claims": selected})
        return
    names = {s["id"]: s["name"] for s in part["sources"]}
    table = Table(title=f"{len(selected)} claim(s) of {len(part['claims'])}")
    for col in ("document", "claim", "content", "sources", "modality", "time", "quantities"):
        table.add_column(col, overflow="fold")
    for c in selected:
        modality_text = c["modality"] + (", negated" if c["negated"] else "")
        time = c["time"]["value"] if c["time"] else ""
        content = "" if c["content"] == c["text"] else short(c["content"], width)
        table.add_row(c["document"], short(c["text"], width), content, chain(c, names), modality_text, time,
                      quantities_text(c))
    console.print(table)


COMMANDS = [claims]
