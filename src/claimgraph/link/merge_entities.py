"""Entities across reports: one key per thing in the whole story ("Kestrian" here, "Kestria" there).

Each report's analysis already gives one key per thing within that report (``analyze.entities``); here the
same resolution runs over the mentions of all reports, so a last name links to the one full name any report
gives, a demonym to a country another report names, an acronym to the one organisation it abbreviates.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Mapping

from ..analysis_types import Analysis, Mention
from ..analyze.entities import entity_key, label_of, resolve_keys


def merge_keys(mentions_by_doc: Mapping[str, Iterable[Mention]]) -> dict[str, tuple[str, str]]:
    """Across documents: key -> (key, name) for partial names that one fuller name in the corpus explains."""
    every: dict[str, Mention] = {}
    for mentions in mentions_by_doc.values():
        for m in mentions:
            every.setdefault(m.key, m)
    return resolve_keys(every.values())


def unify_entities(analyses: list[Analysis]) -> list[Analysis]:
    """``analyses`` with one entity key per thing across all of them, in mentions, claim entities and source
    entity keys. New analyses: the given ones are left as they were (what changes is copied)."""
    mapping = merge_keys({a.document: a.mentions for a in analyses})
    return [_unified(a, mapping) for a in analyses]


def _unified(a: Analysis, mapping: dict[str, tuple[str, str]]) -> Analysis:
    def merged(key: str) -> str:
        return mapping.get(key, (key, ""))[0]

    # A source keyed from its words alone ("Budanov") takes the key its mention got in context.
    resolved = {m.key for m in a.mentions}
    in_context: dict[str, str] = {}
    for m in a.mentions:
        alone = entity_key(m.text, m.label)[0]
        if alone not in resolved:  # "Pyongyang" the government is already a key; the city must not steal it
            in_context.setdefault(alone, m.key)
    sources = []
    for s in a.sources:
        key = merged(in_context.get(s.entity_key, s.entity_key)) if s.entity_key else s.entity_key
        sources.append(s if key == s.entity_key else replace(s, entity_key=key))
    mentions = []
    for m in a.mentions:
        if m.key in mapping:
            key, name = mapping[m.key]
            m = replace(m, key=key, name=name, label=label_of(key, m.label))
        mentions.append(m)
    claims = []
    for c in a.claims:
        entities = sorted({merged(k) for k in c.entities})
        claims.append(c if entities == c.entities else replace(c, entities=entities))
    return replace(a, sources=sources, mentions=mentions, claims=claims)
