"""Commands: story (claim clusters), timeline, conflicts — the ``link/`` view of the stored reports."""

from __future__ import annotations

import click
from rich.table import Table

from ..link.relations import SHOWN_CONFIDENCE
from ..link.update import rebuild
from ..story import story_from_store
from .common import console, db_option, json_option, open_store_or_exit, print_json, progress_bar, short

BADGES = {"repeats": "=", "supports": "+", "updates": "→", "conflicts": "✗"}


def _load(db) -> dict:
    with open_store_or_exit(db) as store:
        return story_from_store(store)


def badges(counts: dict[str, int]) -> str:
    return " ".join(f"{BADGES[t]}{t} {n}" for t, n in counts.items())


@click.command()
@click.option("--all", "show_all", is_flag=True, help="Also list claims made in a single report.")
@db_option
@json_option
def story(show_all, db, as_json):
    """Claim clusters: the same claim across reports, its independent origins and how its reports relate."""
    data = _load(db)
    clusters = [k for k in data["clusters"] if show_all or k["reports"] > 1]
    if as_json:
        print_json({"clusters": clusters, "relations": data["relations"]})
        return
    multi = sum(1 for k in data["clusters"] if k["reports"] > 1)
    title = (
        f"{len(clusters)} claim cluster(s), {multi} of them in 2+ reports"
        if show_all
        else f"{multi} claim(s) seen in 2+ reports (--all also lists the {len(data['clusters']) - multi} seen in one)"
    )
    table = Table(title=title)
    for col in ("cluster", "label", "claims", "reports", "independent origins", "first reported", "relations"):
        table.add_column(col)
    for k in clusters:
        table.add_row(
            k["id"],
            short(k["label"], 70),
            str(len(k["claims"])),
            str(k["reports"]),
            str(k["independent_origins"]),
            k["first_reported"] or "undated",
            badges(k["relation_counts"]),
        )
    console.print(table)


@click.command()
@db_option
@json_option
def timeline(db, as_json):
    """Events in the order they happened beside the order they were reported; unresolved times apart."""
    data = _load(db)
    line = data.get("timeline", {"events": [], "unresolved": []})
    if as_json:
        print_json(line)
        return
    names = {s["id"]: s["name"] for s in data["sources"]}
    table = Table(title=f"{len(line['events'])} dated event(s), in the order they happened")
    for col in ("when", "event", "reported", "# reported", "sources", "claims"):
        table.add_column(col)
    for e in line["events"]:
        when = e["start"] if e["start"] == e["end"] else f"{e['start']} … {e['end']}"
        table.add_row(
            f"{when}\n({e['text']})",
            short(e["label"], 60),
            e["reported"] or "undated",
            str(e["reported_rank"]),
            ", ".join(names.get(s, s) for s in e["sources"]),
            " ".join(e["claims"]),
        )
    console.print(table)
    if line["unresolved"]:
        loose = Table(title="times that could not be resolved (not placed above)")
        for col in ("time as written", "event", "reported", "why unresolved", "claims"):
            loose.add_column(col)
        for u in line["unresolved"]:
            for t in u["times"]:
                loose.add_row(
                    t["text"],
                    short(u["label"], 60),
                    u["reported"] or "undated",
                    t["note"] or "no anchor date",
                    t["claim"],
                )
        console.print(loose)


@click.command()
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help=f"Also list repeats and supports, and relations below confidence {SHOWN_CONFIDENCE}.",
)
@db_option
@json_option
def conflicts(show_all, db, as_json):
    """Conflicts and updates between reports of the same claim, most confident first, each with the reason.

    A relation's confidence says how close its two claims are and whether they name the same actor; those
    below the threshold are hidden unless --all is given.
    """
    data = _load(db)
    wanted = ("conflicts", "updates", "supports", "repeats") if show_all else ("conflicts", "updates")
    rels = [
        r
        for r in data["relations"]
        if r["type"] in wanted and (show_all or r.get("confidence", 1.0) >= SHOWN_CONFIDENCE)
    ]
    rels.sort(key=lambda r: (wanted.index(r["type"]), -r.get("confidence", 1.0)))
    hidden = sum(1 for r in data["relations"] if r["type"] in wanted and r.get("confidence", 1.0) < SHOWN_CONFIDENCE)
    if as_json:
        print_json(rels)
        return
    text = {c["id"]: c["content"] for c in data["claims"]}
    note = "" if show_all or not hidden else f" ({hidden} below confidence {SHOWN_CONFIDENCE} hidden; --all shows them)"
    table = Table(title=f"{len(rels)} relation(s): " + ", ".join(wanted) + note)
    for col in ("type", "confidence", "earlier claim", "later claim", "why"):
        table.add_column(col)
    for r in rels:
        table.add_row(
            f"{BADGES[r['type']]} {r['type']}",
            f"{r.get('confidence', 1.0):.2f}",
            f"{r['a']}\n{short(text.get(r['a']), 60)}",
            f"{r['b']}\n{short(text.get(r['b']), 60)}",
            r["why"],
        )
    console.print(table)


@click.command()
@db_option
@json_option
def relink(db, as_json):
    """Forget every link and link all stored reports again, in publication order.

    Adding reports one at a time links each new claim to the newest claims sharing its index keys, so where a
    key is shared by very many claims the links can depend on the order reports were added in; relinking gives
    the one answer for the store as it is. Sentence embeddings stay cached, so this costs the matching only.
    """
    with open_store_or_exit(db) as store:
        with progress_bar() as progress:
            linking = progress.add_task("linking", total=None)
            rebuild(store, lambda done, total: progress.update(linking, completed=done, total=total))
        counts = store.link_tables.counts()
    if as_json:
        print_json(counts)
    else:
        console.print(f"relinked {counts['documents']} report(s): {counts['claims']} claims, {counts['edges']} links")


COMMANDS = [story, timeline, conflicts, relink]
