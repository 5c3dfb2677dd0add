"""Hand-built documents and analyses for the link tests (no spaCy: the link logic is what is under test)."""

from __future__ import annotations

from itertools import count

from claimgraph.analysis_types import Analysis, Attribution, Claim, Quantity, Source, TimeExpression
from claimgraph.document import Document, sha256_hex
from claimgraph.link.claim_view import ClaimView, content_words, views_of
from claimgraph.link.matching import MatchFeatures

_match_numbers = count(1)  # each made claim its own document


def doc(text: str, outlet: str | None, published: str | None, duplicate_of: str | None = None) -> Document:
    return Document(
        text=text,
        sha256=sha256_hex(f"{outlet}|{published}|{text}"),
        outlet=outlet,
        published=published,
        duplicate_of=duplicate_of,
    )


def when(text: str, value: str, start: str | None, end: str | None) -> TimeExpression:
    return TimeExpression((0, len(text)), text, "DATE", value, start, end)


def claim(
    n: int,
    doc_id: str,
    content: str,
    *,
    modality: str = "asserted",
    negated: bool = False,
    time: TimeExpression | None = None,
    entities: tuple[str, ...] = (),
    quantities: tuple[Quantity, ...] = (),
    cited: tuple[str, ...] = (),
) -> Claim:
    """``cited``: local source ids, nearest speaker first (the chain)."""
    return Claim(
        id=f"{doc_id}-c{n}",
        span=(0, len(content)),
        text=content,
        content=content,
        content_span=(0, len(content)),
        attribution=[Attribution(s, "said", None, None) for s in cited],
        modality=modality,
        negated=negated,
        time=time,
        entities=list(entities),
        quantities=list(quantities),
    )


def analysis(document: Document, claims: list[Claim], sources: list[Source] = ()) -> Analysis:
    return Analysis(document=document.id, analyzer="test", claims=claims, sources=list(sources))


def view(document: Document, c: Claim, sources: list[Source] = (), original: Document | None = None) -> ClaimView:
    """The ClaimView of one hand-built claim, as ``link/`` builds it from a stored analysis."""
    return views_of(document, analysis(document, [c], sources), original or document)[0]


def source(local_id: str, name: str, kind: str, key: str | None = None, description: str | None = None) -> Source:
    return Source(local_id, name, kind, key or f"{kind}:{name.lower()}", description)


def match_features(
    text: str, entities=(), counts=(), start=None, end=None, *, events=(), commentary=False, subject=None
) -> MatchFeatures:
    """The matching features of one claim of its own document, with its real all-MiniLM-L6-v2 vector."""
    from claimgraph.link.embeddings import encode  # the encoder only where a test asks for vectors

    n = next(_match_numbers)
    return MatchFeatures(
        f"m{n}-c1",
        f"m{n}",
        encode([text])[0],
        frozenset(entities),
        frozenset(content_words(text, list(entities))),
        start,
        end,
        frozenset(counts),
        frozenset(events),
        commentary,
        subject,
    )
