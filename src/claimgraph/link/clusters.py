"""Claim clusters: connected components of the stored "same claim" edges, with their relations and origins."""

from __future__ import annotations

from dataclasses import dataclass

from .claim_view import ClaimView
from .embeddings import normalise_text
from .origins import group_json, origin_groups, own_voice_sources
from .relations import Relation, RelationJudge, RuleJudge
from .story import stable_id

LABEL_WIDTH = 120
PAIR_WINDOW = 60  # in very large clusters, compare each claim with the 60 reported just before it


@dataclass
class Cluster:
    id: str
    members: list[ClaimView]  # in report order

    @property
    def reports(self) -> set[str]:
        return {v.report for v in self.members}


def report_order(v: ClaimView) -> tuple:
    """Publication date, then document id: reports of one day in an order that depends neither on the order
    they were added in nor on the clock (a store's add times have one-second resolution), so the store and
    the Spark job agree on it."""
    return (v.published or "9999", v.document, _claim_number(v.id))


def _claim_number(claim_id: str) -> int:
    tail = claim_id.rsplit("-c", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def components(views: list[ClaimView], edges: list[tuple[str, str]]) -> list[Cluster]:
    parent = {v.id: v.id for v in views}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in edges:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[ClaimView]] = {}
    for v in views:
        groups.setdefault(find(v.id), []).append(v)
    clusters = []
    for members in groups.values():
        members.sort(key=report_order)
        clusters.append(Cluster(stable_id("k", members[0].id), members))  # named after its earliest claim
    clusters.sort(key=lambda c: report_order(c.members[0]))
    return clusters


def label(cluster: Cluster) -> str:
    first = next((v for v in cluster.members if not v.is_copy), cluster.members[0])
    text = normalise_text(first.claim.content)
    return text if len(text) <= LABEL_WIDTH else text[: LABEL_WIDTH - 1] + "…"


def relations(cluster: Cluster, judge: RelationJudge) -> list[Relation]:
    """Conflicts and updates between reports (one per earlier report, claim and type, so a report restating a
    plan in three sentences does not triple it); for agreement only the first earlier claim each one echoes."""
    out: list[Relation] = []
    members = cluster.members
    for j, b in enumerate(members):
        agreed = False
        told: set[tuple[str, str]] = set()
        for a in members[max(0, j - PAIR_WINDOW) : j]:
            if a.report == b.report:
                if a.document != b.document and normalise_text(a.claim.content) == normalise_text(b.claim.content):
                    out.append(Relation(a.id, b.id, "repeats", f"syndicated copy: {b.document} republishes report "
                                        f"{a.document} ({a.outlet or a.document}); one report, not corroboration"))
                continue
            if a.is_copy or b.is_copy:
                continue  # a copy speaks through its original
            found = judge.relate(a, b)
            if found is None:
                continue
            if found.type in ("updates", "conflicts"):
                if (a.report, found.type) not in told:
                    out.append(found)
                    told.add((a.report, found.type))
            elif not agreed:
                out.append(found)
                agreed = True
    return out


def cluster_json(cluster: Cluster, rels: list[Relation]) -> tuple[dict, list[dict]]:
    origins, groups = origin_groups(cluster.members)
    badges: dict[str, int] = {}
    for r in rels:
        badges[r.type] = badges.get(r.type, 0) + 1
    dates = [v.published for v in cluster.members if v.published]
    data = {
        "id": cluster.id,
        "label": label(cluster),
        "claims": [v.id for v in cluster.members],
        "first_reported": min(dates) if dates else None,
        "origins": sorted(stable_id("s", k) for k in origins),
        "independent_origins": len(groups),
        "reports": len(cluster.reports),
        "origin_groups": [group_json(origins, g) for g in groups],
        "relation_counts": dict(sorted(badges.items())),
    }
    return data, own_voice_sources(origins)


def build(views: list[ClaimView], edges: list[tuple[str, str]], judge: RelationJudge | None = None):
    """(clusters, their JSON, relations, source entries for own-voice origins)."""
    judge = judge or RuleJudge()
    groups = components(views, edges)
    clusters, rels, sources = [], [], {}
    for cluster in groups:
        found = relations(cluster, judge)
        data, extra = cluster_json(cluster, found)
        clusters.append(data)
        rels.extend(found)
        for s in extra:
            sources.setdefault(s["id"], s)
    return groups, clusters, rels, list(sources.values())
