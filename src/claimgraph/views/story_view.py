"""Lookups over the story JSON that every view needs: claims by id, their report, their source chain.

Views read only the story dict (``story.story_from_store``), so they render whatever the earlier stages
produced: a story without clusters, relations or sources still renders, with those sections saying so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..ids import stable_id
from ..link import relations

RELATION_TYPES = ("conflicts", "updates", "supports", "repeats")
KEY_TYPES = ("conflicts", "updates")


def relation_threshold() -> float | None:
    """The confidence below which ``link/`` says a relation is not worth showing by default (None: show all)."""
    value = getattr(relations, "SHOWN_CONFIDENCE", None)
    return float(value) if isinstance(value, (int, float)) else None


def rank_relations(found: list[dict]) -> list[dict]:
    """The most confident first where relations carry a ``confidence``; the given order otherwise (and among
    equals)."""

    def key(r: dict) -> float:
        confidence = r.get("confidence")
        return -confidence if isinstance(confidence, (int, float)) else 1.0

    return sorted(found, key=key)


def shown_by_default(relation: dict, threshold: float | None) -> bool:
    confidence = relation.get("confidence")
    return threshold is None or not isinstance(confidence, (int, float)) or confidence >= threshold


@dataclass(frozen=True)
class ChainLink:
    """One step of who-said-it: the report's outlet first, then the sources it cites, outwards to the origin."""

    node: str  # graph node id: a source id, or an outlet id made from the outlet name
    name: str
    kind: str  # outlet | person | organization | government | document | unnamed | report
    cue: str | None


def chain_text(chain: list[ChainLink]) -> str:
    """A chain as one line, as the pages show it: "Harbor Gazette → Mayor Rusk (said) → unnamed officials
    (citing)": the report's outlet first, each citing the next, the origin last, each source's cue in brackets."""
    return " → ".join(link.name + (f" ({link.cue})" if link.cue else "") for link in chain)


def chain_json(chain: list[ChainLink]) -> list[dict[str, Any]]:
    return [{"id": link.node, "name": link.name, "kind": link.kind, "cue": link.cue} for link in chain]


def outlet_node_id(outlet: str) -> str:
    return stable_id("o", outlet.casefold().strip())


class StoryView:
    def __init__(self, story: dict[str, Any]):
        self.story = story
        self.documents = {d["id"]: d for d in story.get("documents", [])}
        self.sources = {s["id"]: s for s in story.get("sources", [])}
        self.entities = {e["id"]: e for e in story.get("entities", [])}
        self.claims = {c["id"]: c for c in story.get("claims", [])}
        self.clusters = {k["id"]: k for k in story.get("clusters", [])}
        self.relations = [
            r for r in story.get("relations", []) if r.get("a") in self.claims and r.get("b") in self.claims
        ]
        self.cluster_of: dict[str, str] = {}
        for k in self.clusters.values():
            for cid in k.get("claims", []):
                self.cluster_of.setdefault(cid, k["id"])
        self.relations_of: dict[str, list[dict]] = defaultdict(list)
        for r in self.relations:
            self.relations_of[r["a"]].append(r)
            self.relations_of[r["b"]].append(r)
        self._chains: dict[str, list[ChainLink]] = {}
        self._outlet_links: dict[str, ChainLink] = {}
        self.memo: dict[str, Any] = {}  # what other views compute once per story (the timeline's events)
        self.claims_of_document: dict[str, list[dict]] = defaultdict(list)
        for c in self.claims.values():
            self.claims_of_document[c["document"]].append(c)
        for found in self.claims_of_document.values():
            found.sort(key=lambda c: c["span"][0])
        # A cited source that publishes reports of its own in this story is one node, not two: "Northern Ledger
        # cites Meridian" must meet Meridian's own reports, whatever kind the analysis gave the cited name.
        outlets = {(d.get("outlet") or "").casefold().strip() for d in self.documents.values()} - {""}
        self._outlet_sources: dict[str, str] = {}
        for s in sorted(self.sources.values(), key=lambda s: (s.get("kind") != "outlet", s["id"])):
            key = s["name"].casefold().strip()
            if key in outlets:
                self._outlet_sources.setdefault(key, s["id"])

    # -- documents -----------------------------------------------------------------------------------
    def document_of(self, claim: dict) -> dict:
        return self.documents.get(
            claim["document"], {"id": claim["document"], "title": None, "outlet": None, "published": None, "text": ""}
        )

    def outlet_link(self, doc: dict) -> ChainLink:
        known = self._outlet_links.get(doc["id"])
        if known is None:
            known = self._outlet_links[doc["id"]] = self._outlet_link(doc)
        return known

    def _outlet_link(self, doc: dict) -> ChainLink:
        name = doc.get("outlet") or doc.get("title") or doc.get("path") or doc["id"]
        if doc.get("outlet"):
            node = self._outlet_sources.get(doc["outlet"].casefold().strip()) or outlet_node_id(doc["outlet"])
            return ChainLink(node, name, "outlet", None)
        return ChainLink("r" + doc["id"], name, "report", None)

    # -- claims --------------------------------------------------------------------------------------
    def chain(self, claim: dict) -> list[ChainLink]:
        """The report's outlet, then the attribution chain (nearest speaker first); the last link is the origin."""
        known = self._chains.get(claim["id"])
        if known is None:
            known = self._chains[claim["id"]] = self._chain(claim)  # the graph, the pages and the report all ask
        return known

    def _chain(self, claim: dict) -> list[ChainLink]:
        links = [self.outlet_link(self.document_of(claim))]
        for a in claim.get("attribution", []):
            source = self.sources.get(a["source"])
            if source is None:
                links.append(ChainLink(a["source"], a["source"], "unnamed", a.get("cue")))
            else:
                links.append(
                    ChainLink(
                        self.source_node(source["id"]), source["name"], source.get("kind") or "unnamed", a.get("cue")
                    )
                )
        # Drop an immediate repeat ("Coastline Wire ... Coastline Wire reported"): the outlet citing itself.
        deduped = [links[0]] + [b for a, b in zip(links, links[1:]) if a.node != b.node]
        return deduped

    def origin(self, claim: dict) -> ChainLink:
        return self.chain(claim)[-1]

    def source_node(self, source_id: str) -> str:
        """The graph node a story source is drawn as (an outlet's own node where the names agree)."""
        source = self.sources.get(source_id)
        if source is None:
            return source_id
        return self._outlet_sources.get(source["name"].casefold().strip(), source_id)

    def source_name(self, source_id: str) -> str:
        s = self.sources.get(source_id)
        return s["name"] if s else source_id

    def claims_sorted(self) -> list[dict]:
        """Claims by publication date of their report (unknown last), then by position in the report."""
        return self._claims_sorted

    @cached_property
    def _claims_sorted(self) -> list[dict]:
        return sorted(
            self.claims.values(),
            key=lambda c: (self.document_of(c).get("published") or "9999", c["document"], c["span"][0]),
        )

    def key_relations(self, everything: bool = False) -> list[dict]:
        """Conflicts and updates, what an analyst reads first: the most confident first, and (unless
        ``everything``) only those at or above ``link/``'s confidence threshold."""
        threshold = None if everything else relation_threshold()
        return [r for r in self._key_relations if shown_by_default(r, threshold)]

    @cached_property
    def _key_relations(self) -> list[dict]:
        order = {t: i for i, t in enumerate(KEY_TYPES)}
        chosen = sorted(
            (r for r in self.relations if r["type"] in KEY_TYPES), key=lambda r: (order[r["type"]], r["a"], r["b"])
        )
        return rank_relations(chosen)

    def hidden_key_relations(self) -> int:
        """How many conflicts and updates fall below the confidence threshold."""
        return len(self._key_relations) - len(self.key_relations())

    def cluster_relations(self, cluster: dict, everything: bool = True) -> list[dict]:
        threshold = None if everything else relation_threshold()
        seen, found = set(), []
        for cid in cluster.get("claims", []):
            for r in self.relations_of.get(cid, []):
                if id(r) not in seen and shown_by_default(r, threshold):
                    seen.add(id(r))
                    found.append(r)
        position = self._relation_position
        return rank_relations(sorted(found, key=lambda r: position[id(r)]))

    @cached_property
    def _relation_position(self) -> dict[int, int]:
        return {id(r): i for i, r in enumerate(self.relations)}

    @cached_property
    def clusters_by_size(self) -> list[dict]:
        """The largest stories first: most reports, then most claims."""
        return sorted(self.clusters.values(), key=lambda k: (-self.report_count(k), -len(k.get("claims", [])), k["id"]))

    def report_count(self, cluster: dict) -> int:
        counts = self.memo.setdefault("report_count", {})
        if cluster["id"] not in counts:
            counts[cluster["id"]] = len(
                {self.claims[c]["document"] for c in cluster.get("claims", []) if c in self.claims}
            )
        return counts[cluster["id"]]

    @cached_property
    def stories(self) -> int:
        """Clusters told by two or more reports: a claim only one report makes is not a story across reports."""
        return sum(1 for k in self.clusters.values() if self.report_count(k) >= 2)

    @cached_property
    def claims_of_node(self) -> dict[str, list[dict]]:
        """Graph node -> the claims whose chain passes through it, in ``claims_sorted`` order."""
        found: dict[str, list[dict]] = defaultdict(list)
        for claim in self.claims_sorted():
            for node in dict.fromkeys(link.node for link in self.chain(claim)):
                found[node].append(claim)
        return found
