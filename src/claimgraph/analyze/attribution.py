"""Attributed claims: content, cues, sources and chains of sources."""

from __future__ import annotations

from ..analysis import Claim, Mention, Source


def extract_claims(parsed, mentions: list[Mention], doc_id: str) -> tuple[list[Claim], list[Source]]:
    """Every sentence with content is a claim in the report's own voice (baseline until cues are handled)."""
    claims = []
    for sent in parsed.sents:
        text = sent.text.strip()
        if len(text.split()) < 4:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        end = start + len(text)
        claims.append(Claim(id=f"{doc_id}-c{len(claims) + 1}", span=(start, end), text=text, content=text, content_span=(start, end)))
    return claims, []
