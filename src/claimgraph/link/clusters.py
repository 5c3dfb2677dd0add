"""Claim clusters: cohesive groups of the stored "same claim" edges, with their relations and origins."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from ..ids import stable_id
from .claim_view import MEASURES, ClaimView, counted_things
from .embeddings import normalise_text
from .matching import DIFFERENT, EDGE_FLOOR, NEAR_MISS, SAME_CLAIM
from .origins import group_json, origin_groups, own_voice_sources
from .relations import SHOWN_CONFIDENCE, Relation, RelationJudge, RuleJudge

LABEL_WIDTH = 120
ACROSS_CLUSTERS = (
    "numbers",
    "status",
    "denial",
    "date_moved",
)  # rules trusted between claims of two clusters (see relations);
# "status" is a forward claim done later, "date_moved" a plan's date moved later ("leave in May" / "delivered in
# September"); the other half of status, "still expected what was done" ("pending"), is not
COUNTED = ("numbers", "denial")  # across clusters without a grounded edge, these need one counted thing in common
PAIR_WINDOW = 60  # in very large clusters, judge each claim with the 60 reported just before it
MIN_DENSITY = 0.5  # two groups merge only when more than this share of the pairs between them are stored edges


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


Edge = tuple[str, str, float]  # (claim a, claim b, match score), a < b


def components(views: list[ClaimView], edges: list[Edge]) -> list[Cluster]:
    """Cohesive clusters of the claims: every claim of ``views`` in exactly one, alone where nothing joins it.

    Connected components chain: one weak edge joins two stories (on real election news one component held 275
    claims about abortion, a poll and a running mate, and ECB+'s two rehab stories became one). Here a cluster
    grows only by a group that is close to all of it (``_cohesive_groups``).
    """
    groups = _cohesive_groups([v.id for v in views], edges)
    by_id = {v.id: v for v in views}
    clusters = []
    for ids in groups:
        members = sorted((by_id[i] for i in ids), key=report_order)
        clusters.append(Cluster(stable_id("k", members[0].id), members))  # named after its earliest claim
    clusters.sort(key=lambda c: report_order(c.members[0]))
    return clusters


def _cohesive_groups(ids: list[str], edges: list[Edge]) -> list[list[str]]:
    """Average-link agglomeration over the scored edges: repeatedly merge the two groups whose edges score
    highest on average, while that average is at least ``SAME_CLAIM`` and the edges cover more than
    ``MIN_DENSITY`` of the pairs between the groups (a pair without an edge scored below ``EDGE_FLOOR`` or was
    never a candidate). So one edge cannot bridge two stories: a claim joins a group only when it is close to
    most of it, a pair only when close to both (on election news a poll of Clinton's lead joined "Sanders won
    New Hampshire" / "Sanders scored a decisive victory" through one edge). (Counting a missing pair as a low
    score instead was measured too: on ECB+ it kept precision and halved recall.) Two groups holding two claims
    of different actors (an edge scored ``DIFFERENT``) never merge. Ties go to the smaller ids, so the result
    depends on the edge set alone, not on the order reports were added in."""
    known = set(ids)
    members = {i: [i] for i in ids}
    sums: dict[str, dict[str, float]] = {i: {} for i in ids}  # group -> group -> summed scores of their edges
    counts: dict[str, dict[str, int]] = {i: {} for i in ids}
    apart: dict[str, set[str]] = {i: set() for i in ids}  # groups holding two claims of different actors
    for a, b, s in edges:
        if a not in known or b not in known or a == b:
            continue
        if s <= DIFFERENT:
            apart[a].add(b)
            apart[b].add(a)
        else:
            a, b = min(a, b), max(a, b)
            if b not in sums[a]:
                sums[a][b] = sums[b][a] = 0.0
                counts[a][b] = counts[b][a] = 0
            sums[a][b] += s
            sums[b][a] += s
            counts[a][b] += 1
            counts[b][a] += 1

    def average(x: str, y: str) -> float:
        if y in apart[x]:
            return 0.0  # a claim of one tells another actor's happening than a claim of the other
        pairs = len(members[x]) * len(members[y])
        if counts[x][y] <= MIN_DENSITY * pairs:
            return 0.0  # too few of their pairs were close enough to be stored: not one claim
        return sums[x][y] / counts[x][y]

    heap = [(-average(x, y), x, y) for x in sums for y in sums[x] if x < y]
    heapq.heapify(heap)
    while heap:
        neg, x, y = heapq.heappop(heap)
        if x not in members or y not in members or y not in sums[x] or -neg != average(x, y):
            continue  # stale: one of them has merged since
        if -neg < SAME_CLAIM:
            break
        keep, drop = min(x, y), max(x, y)
        members[keep] += members.pop(drop)
        for other in list(sums[drop]):
            s, n = sums[drop].pop(other), counts[drop].pop(other)
            del sums[other][drop], counts[other][drop]
            if other == keep:
                continue
            sums[keep][other] = sums[other][keep] = sums[keep].get(other, 0.0) + s
            counts[keep][other] = counts[other][keep] = counts[keep].get(other, 0) + n
        del sums[drop], counts[drop]
        for other in apart.pop(drop):
            apart[other].discard(drop)
            if other != keep:
                apart[other].add(keep)
                apart[keep].add(other)
        for other in sums[keep]:
            heapq.heappush(heap, (-average(keep, other), min(keep, other), max(keep, other)))
    return list(members.values())


def label(cluster: Cluster) -> str:
    first = next((v for v in cluster.members if not v.is_copy), cluster.members[0])
    text = normalise_text(first.claim.content)
    return text if len(text) <= LABEL_WIDTH else text[: LABEL_WIDTH - 1] + "…"


def relations(
    views: list[ClaimView], cluster_of: dict[str, str], judge: RelationJudge, scores: dict[tuple[str, str], float]
) -> list[Relation]:
    """Every relation, judged between two claims of one cluster or with an edge of their own (``scores``, keyed
    by sorted claim ids). Across clusters only the rules in ``ACROSS_CLUSTERS`` count: a changed count of one
    counted thing, a plan or expectation done, a denial of what the other counts. On election news, the generic rules
    ("done vs not done", dates) between such near misses gave conflicts between unrelated sentences. Two claims
    just outside each other's cluster ("is expected to begin producing trains" /
    "production of trains began") can still update each other. A pair's match score sets its confidence; a
    pair of one cluster without an edge counts as ``EDGE_FLOOR``, and so does a claim that tells on another of
    its own report (an edge inside one report, ``link.continuation``) with the earlier claims of that one's
    cluster. Agreement (repeats, supports) only inside one cluster: it is the same claim said again.
    Conflicts and updates one per earlier report, claim and type, so a report restating a plan in three
    sentences does not triple it; for agreement only the first earlier claim each one echoes."""
    order = {v.id: report_order(v) for v in views}
    by_id = {v.id: v for v in views}
    earlier: dict[str, dict[str, float]] = {}
    for (x, y), score in scores.items():
        if x in by_id and y in by_id:
            a, b = sorted((x, y), key=lambda c: order[c])
            earlier.setdefault(b, {})[a] = score
    members: dict[str, list[str]] = {}
    for v in sorted(views, key=report_order):
        members.setdefault(cluster_of[v.id], []).append(v.id)
    for ids in members.values():  # in one cluster, every pair is judged, as weakly linked as an edge can be
        for j, b in enumerate(ids):
            for a in ids[max(0, j - PAIR_WINDOW) : j]:
                earlier.setdefault(b, {}).setdefault(a, EDGE_FLOOR)
    told_on: set[tuple[str, str]] = set()  # judged like a pair of one cluster
    for x, y in scores:  # a claim a report's next sentence tells on ("... would now be delivered in September")
        if x in by_id and y in by_id and by_id[x].document == by_id[y].document:
            for told, on in ((x, y), (y, x)):
                for a in members[cluster_of[told]][-PAIR_WINDOW:]:
                    if a != on and by_id[a].report != by_id[on].report and order[a] < order[on]:
                        earlier.setdefault(on, {}).setdefault(a, EDGE_FLOOR)
                        told_on.add((a, on))
    out: list[Relation] = []
    for b in sorted(earlier, key=lambda c: order[c]):
        vb = by_id[b]
        agreed = False
        told_types: set[tuple[str, str]] = set()  # (earlier report, relation type) already told of b
        for a, score in sorted(earlier[b].items(), key=lambda e: order[e[0]]):
            va = by_id[a]
            if va.report == vb.report:
                if va.document != vb.document and normalise_text(va.claim.content) == normalise_text(vb.claim.content):
                    out.append(
                        Relation(
                            a,
                            b,
                            "repeats",
                            f"syndicated copy: {vb.document} republishes report "
                            f"{va.document} ({va.outlet or va.document}); one report, not corroboration",
                        )
                    )
                continue
            if va.is_copy or vb.is_copy:
                continue  # a copy speaks through its original
            found = judge.relate(va, vb, score)
            across = cluster_of[a] != cluster_of[b] and (a, b) not in told_on
            if found is None or (across and found.rule not in ACROSS_CLUSTERS):
                continue
            if (
                across
                and score <= NEAR_MISS
                and found.rule in COUNTED
                and not (counted_things(va.claim) & counted_things(vb.claim)) - MEASURES
            ):
                continue  # no counted thing in common (shares and money count nothing): on election news all were wrong
            if found.type in ("updates", "conflicts"):
                if (va.report, found.type) not in told_types:
                    out.append(found)
                    told_types.add((va.report, found.type))
            elif not agreed and cluster_of[a] == cluster_of[b]:
                out.append(found)
                agreed = True
    return out


def cluster_json(cluster: Cluster, rels: list[Relation]) -> tuple[dict, list[dict]]:
    origins, groups = origin_groups(cluster.members)
    badges: dict[str, int] = {}
    for r in rels:
        if r.confidence >= SHOWN_CONFIDENCE:  # the badges count what the views show by default
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


def build(views: list[ClaimView], edges: list[Edge], judge: RelationJudge | None = None):
    """(clusters, their JSON, relations, source entries for own-voice origins) from the claims and their
    scored edges."""
    judge = judge or RuleJudge()
    groups = components(views, edges)
    scores = {(min(a, b), max(a, b)): s for a, b, s in edges}
    cluster_of = {v.id: c.id for c in groups for v in c.members}
    by_cluster: dict[str, list[Relation]] = {}
    rels = relations(views, cluster_of, judge, scores)
    for r in rels:
        by_cluster.setdefault(cluster_of[r.b], []).append(r)  # a relation counts where its later claim is
    clusters: list[dict] = []
    sources: dict[str, dict] = {}
    for cluster in groups:
        found = by_cluster.get(cluster.id, [])
        data, extra = cluster_json(cluster, found)
        clusters.append(data)
        for s in extra:
            sources.setdefault(s["id"], s)
    return groups, clusters, rels, list(sources.values())
