"""Named entities and their cross-document identity (aliases, acronyms, capitals, demonyms)."""

from __future__ import annotations

from ..analysis import Mention

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"}


def entity_key(text: str, label: str) -> tuple[str, str]:
    """(identity key, canonical name) for a mention."""
    name = " ".join(text.split())
    return f"{label.lower()}:{name.lower()}", name


def find_mentions(parsed) -> list[Mention]:
    out = []
    for ent in parsed.ents:
        if ent.label_ in LABELS and ent.text.strip():
            key, name = entity_key(ent.text, ent.label_)
            out.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_, key, name))
    return out
