"""The story as a STIX 2.1 bundle for OpenCTI and MISP.

- a ``report`` per document, created by its outlet's ``identity``;
- an ``identity`` per source and per outlet (persons are individuals, outlets and bodies organizations);
- a ``note`` per claim. A note, not an opinion: in STIX an opinion is the producer's own agreement with other
  objects (``strongly-agree`` .. ``strongly-disagree``), while a claim is what a source said, with the text and
  its attribution as context — exactly what a note carries (abstract, content, authors, object_refs);
- ``related-to`` relationships for citations (source cites source) and for each claim to the source it rests
  on, and between claims for repeats / supports / updates / conflicts; the kind is in the description and in
  ``x_claimgraph_relation``. ``related-to`` is used because importers accept it between any two objects.

Ids are uuid5 of stable keys and timestamps come from the story, so exporting the same story twice gives the
same bundle byte for byte.
"""

from __future__ import annotations

import uuid

import stix2

from ...story import story_from_store
from ..source_graph import citation_graph
from ..story_view import StoryView

NAMESPACE = uuid.UUID("6f3c1f7e-3b0e-5a55-9c1e-0c1a1e9a2f10")
EPOCH = "1970-01-01T00:00:00.000Z"
IDENTITY_CLASS = {
    "person": "individual",
    "organization": "organization",
    "government": "organization",
    "outlet": "organization",
    "report": "organization",
    "document": "unknown",
    "unnamed": "unknown",
}


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, kind + ':' + key)}"


def timestamp(date: str | None) -> str | None:
    return f"{date[:10]}T00:00:00.000Z" if date else None


def story_bundle(story: dict) -> stix2.Bundle:
    view = StoryView(story)
    graph = citation_graph(view)
    for doc in view.documents.values():  # an outlet whose reports hold no claims is still their author
        link = view.outlet_link(doc)
        if link.node not in graph:
            graph.add_node(link.node, label=link.name, kind=link.kind, role="outlet", claims=0, origin_of=0)
    published = sorted(d["published"][:10] for d in view.documents.values() if d.get("published"))
    created = timestamp(published[0]) if published else EPOCH
    stamp = {"created": created, "modified": created}
    objects: list = []
    identity_of = {}
    for node, data in sorted(graph.nodes(data=True)):
        identity_of[node] = stix_id("identity", node)
        description = (view.sources.get(node) or {}).get("description")
        objects.append(
            stix2.Identity(
                id=identity_of[node],
                name=data["label"],
                identity_class=IDENTITY_CLASS.get(data["kind"], "unknown"),
                description=description,
                x_claimgraph_kind=data["kind"],
                x_claimgraph_role=data["role"],
                allow_custom=True,
                **stamp,
            )
        )
    for a, b, data in sorted(graph.edges(data=True)):
        objects.append(
            stix2.Relationship(
                id=stix_id("relationship", f"cites:{a}:{b}"),
                relationship_type="related-to",
                source_ref=identity_of[a],
                target_ref=identity_of[b],
                description=f"{graph.nodes[a]['label']} cites {graph.nodes[b]['label']} ({data['claims']} claim(s))",
                x_claimgraph_relation="cites",
                allow_custom=True,
                **stamp,
            )
        )
    note_of = {}
    for claim in view.claims_sorted():
        doc = view.document_of(claim)
        chain = view.chain(claim)
        note_of[claim["id"]] = stix_id("note", claim["id"])
        time = claim.get("time") or {}
        objects.append(
            stix2.Note(
                id=note_of[claim["id"]],
                abstract=(claim.get("content") or "")[:256],
                content=claim.get("text") or claim.get("content") or "",
                authors=[link.name for link in chain],
                object_refs=[identity_of[chain[-1].node]],
                x_claimgraph_claim=claim["id"],
                x_claimgraph_document=claim["document"],
                x_claimgraph_span=claim["span"],
                x_claimgraph_modality=claim.get("modality"),
                x_claimgraph_negated=bool(claim.get("negated")),
                x_claimgraph_time_value=time.get("value"),
                x_claimgraph_time_start=time.get("start"),
                x_claimgraph_time_end=time.get("end"),
                x_claimgraph_quantities=claim.get("quantities") or [],
                x_claimgraph_cluster=view.cluster_of.get(claim["id"]),
                allow_custom=True,
                created=timestamp(doc.get("published")) or created,
                modified=timestamp(doc.get("published")) or created,
            )
        )
        objects.append(
            stix2.Relationship(
                id=stix_id("relationship", f"rests-on:{claim['id']}"),
                relationship_type="related-to",
                source_ref=note_of[claim["id"]],
                target_ref=identity_of[chain[-1].node],
                description=f"claim attributed to {chain[-1].name} via " + " > ".join(link.name for link in chain),
                x_claimgraph_relation="attributed-to",
                allow_custom=True,
                **stamp,
            )
        )
    for r in view.relations:
        objects.append(
            stix2.Relationship(
                id=stix_id("relationship", f"{r['type']}:{r['a']}:{r['b']}"),
                relationship_type="related-to",
                source_ref=note_of[r["a"]],
                target_ref=note_of[r["b"]],
                description=f"{r['type']}: {r['why']}",
                x_claimgraph_relation=r["type"],
                allow_custom=True,
                **stamp,
            )
        )
    for doc in view.documents.values():
        outlet = view.outlet_link(doc).node
        refs = [note_of[c["id"]] for c in view.claims_sorted() if c["document"] == doc["id"]]
        refs += sorted(
            {
                identity_of[link.node]
                for c in view.claims.values()
                if c["document"] == doc["id"]
                for link in view.chain(c)
            }
        )
        when = timestamp(doc.get("published"))
        objects.append(
            stix2.Report(
                id=stix_id("report", doc.get("sha256") or doc["id"]),
                name=doc.get("title") or doc.get("path") or doc["id"],
                published=when or EPOCH,
                object_refs=refs or [identity_of[outlet]],
                created_by_ref=identity_of[outlet],
                description=(doc.get("text") or "")[:1000],
                x_claimgraph_document=doc["id"],
                x_claimgraph_outlet=doc.get("outlet"),
                x_claimgraph_url=doc.get("url"),
                x_claimgraph_published_known=when is not None,
                allow_custom=True,
                created=when or created,
                modified=when or created,
            )
        )
    return stix2.Bundle(
        objects=objects, id=stix_id("bundle", "claimgraph:" + ":".join(sorted(view.documents))), allow_custom=True
    )


def story_stix(story: dict) -> str:
    return story_bundle(story).serialize(pretty=True) + "\n"


def export_stix(store) -> str:
    return story_stix(story_from_store(store))
