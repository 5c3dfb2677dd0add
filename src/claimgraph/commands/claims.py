"""Command: claims — every stored claim with its source chain, modality, time and quantities."""

from __future__ import annotations

from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from ..analysis_types import MODALITIES
from ..analyze.quantities import as_written
from ..story import build_story
from ..views.claim_filter import ClaimFilter, FilterError, select_claims
from ..views.story_view import StoryView, chain_text
from .common import console, db_option, json_option, open_store_or_exit, print_json, short

PART = ("format", "entities", "sources", "claims", "times")


def claims_story(store) -> dict[str, Any]:
    """The story without the cross-report links: the claims, their reports and what they point to."""
    return build_story(store.documents(), list(store.analyses()))


def quantities_text(claim: dict) -> str:
    """The claim's amounts as the report wrote them ("$167 million", not "$167 million USD")."""
    return "; ".join(as_written(q["text"], q["unit"]) for q in claim["quantities"])


@click.command()
@click.option("--document", metavar="ID", help="Only claims from this report (id or the start of one).")
@click.option("--text", metavar="WORDS", help="Only claims whose sentence or content contains this (any case).")
@click.option(
    "--source",
    metavar="NAME|ID",
    help="Only claims with a source in their chain whose name contains this (any case), or whose id it is.",
)
@click.option("--outlet", metavar="NAME", help="Only claims from reports by this outlet (whole name, any case).")
@click.option("--modality", type=click.Choice(MODALITIES), help="Only claims with this modality.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only claims about a time that ends on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only claims about a time that starts on or before this date.")
@click.option("--width", type=int, default=60, show_default=True, help="Characters of claim text per row.")
@db_option
@json_option
def claims(document, text, source, outlet, modality, since, until, width, db, as_json):
    """List the claims of the stored reports: who says what, how sure, about when, and how many.

    The filters are the web app's (/claims, /api/claims): the same values give the same claims. The sources
    column is the chain as the pages show it: the report's outlet, then each source it cites, out to the origin.

    --json prints the claims part of the story JSON (format, entities, sources, claims, times) with the
    filters applied to the claims.
    """
    try:
        wanted = ClaimFilter.checked(
            document=document, text=text, source=source, outlet=outlet, modality=modality, since=since, until=until
        )
    except FilterError as e:
        raise click.BadParameter(e.reason, param_hint=f"--{e.field}") from None
    with open_store_or_exit(db) as store:
        story = claims_story(store)
    view = StoryView(story)
    selected = select_claims(view, wanted)
    if as_json:
        print_json({**{key: story[key] for key in PART}, "claims": selected})
        return
    table = Table(title=f"{len(selected)} claim(s) of {len(story['claims'])}")
    for col in ("document", "claim", "content", "sources", "modality", "time", "quantities"):
        table.add_column(col, overflow="fold")
    for c in selected:
        modality_text = c["modality"] + (", negated" if c["negated"] else "")
        time = c["time"]["value"] if c["time"] else ""
        content = "" if c["content"] == c["text"] else short(c["content"], width)
        # escaped: report text may hold [brackets] that rich would read as markup
        table.add_row(
            c["document"],
            escape(short(c["text"], width)),
            escape(content),
            escape(chain_text(view.chain(c))),
            modality_text,
            time,
            escape(quantities_text(c)),
        )
    console.print(table)


COMMANDS = [claims]
