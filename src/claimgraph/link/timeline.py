"""The timeline: events in the order they happened (resolved claim times) beside the order they were reported.

An event is one cluster at one resolved time; a cluster whose reports give different times for it yields one
event per time, so disagreement stays visible. Claims whose time expression could not be resolved are listed
apart with the expression and the reason, not dropped.
"""

from __future__ import annotations

from ..ids import stable_id
from .claim_view import ClaimView
from .clusters import Cluster, label
from .embeddings import normalise_text


def _sources(views: list[ClaimView]) -> list[str]:
    return sorted({stable_id("s", v.origin.key) for v in views if v.origin})


def _reported(views: list[ClaimView]) -> str | None:
    dates = [v.published for v in views if v.published]
    return min(dates) if dates else None


def timeline(clusters: list[Cluster]) -> dict:
    events, unresolved = [], []
    for cluster in clusters:
        timed: dict[tuple[str, str], list[ClaimView]] = {}
        loose: list[ClaimView] = []
        for v in cluster.members:
            t = v.claim.time
            if t is None or v.is_copy:
                continue
            if t.start and t.end:
                timed.setdefault((t.start, t.end), []).append(v)
            else:
                loose.append(v)
        for (start, end), views in timed.items():
            t = views[0].claim.time
            events.append(
                {
                    "cluster": cluster.id,
                    "label": normalise_text(views[0].claim.content),
                    "start": start,
                    "end": end,
                    "value": t.value,  # type: ignore[union-attr]  # t is a resolved time here
                    "text": t.text,  # type: ignore[union-attr]
                    "claims": [v.id for v in views],
                    "sources": _sources(views),
                    "reported": _reported(views),
                }
            )
        if loose:
            unresolved.append(
                {
                    "cluster": cluster.id,
                    "label": label(cluster),
                    "claims": [v.id for v in loose],
                    "times": [
                        {
                            "claim": v.id,
                            "text": v.claim.time.text,  # type: ignore[union-attr]  # loose: timed, unresolved
                            "value": v.claim.time.value,  # type: ignore[union-attr]
                            "note": v.claim.time.note,  # type: ignore[union-attr]
                        }
                        for v in loose
                    ],
                    "sources": _sources(loose),
                    "reported": _reported(loose),
                }
            )
    events.sort(key=lambda e: (e["start"], e["end"], e["reported"] or "9999", e["cluster"]))
    by_report = sorted(range(len(events)), key=lambda i: (events[i]["reported"] or "9999", i))
    for rank, i in enumerate(by_report, 1):
        events[i]["reported_rank"] = rank  # the event's place in the order it became known
    unresolved.sort(key=lambda u: (u["reported"] or "9999", u["cluster"]))
    return {"events": events, "unresolved": unresolved}
