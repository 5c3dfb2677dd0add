"""Origins and corroboration: where each claim's chain ends, and how many of those ends are independent.

The rule, also written into each cluster's ``origin_groups[].why``:
- an origin is the last source in a claim's attribution chain; a claim in the report's own voice has the
  report's outlet as origin (a syndicated copy has the outlet of the report it copies);
- origins with the same key or the same name are one origin (two outlets relaying NHK cite one NHK), and a
  named origin whose name ends another's is the same one ('Rusk' and 'Teodor Rusk');
- an origin reached through an intermediate that is itself an origin in the cluster depends on it
  (Northern Ledger citing Meridian's sources is not independent of Meridian);
- a report's own voice is one origin with the first source that report cites for the same claim (it restates
  its source), and counts on its own only where the report cites nobody for it;
- a body named by country and function is one origin however it is written, when nothing distinguishes the
  names: same country (possessive, demonym or name: "Ukraine's", "Ukrainian"), same function (the last
  word: "intelligence", "ministry") and the modifiers of one a subset of the other's ("Ukrainian intelligence"
  is "Ukraine's military intelligence"; "industry ministry" and "transport ministry" stay two);
- a spokesman or spokeswoman speaks for the body the description names ("transport ministry spokesman"),
  when exactly one origin of the cluster is that body;
- unnamed sources ("government sources", "officials") are one origin with another unnamed source when they
  have the same description, appear in the same report, or share any named link (outlet or intermediate);
  otherwise nothing links them and they count as independent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analyze.entities import demonym_stems, entity_key
from ..ids import stable_id
from .claim_view import ClaimView, Origin, normalise_name


@dataclass
class OriginGroup:
    keys: list[str]
    reasons: list[str] = field(default_factory=list)


class _Groups:
    def __init__(self, keys: list[str]):
        self.parent = {k: k for k in keys}
        self.reasons: dict[str, list[str]] = {k: [] for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str, reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        keep, drop = sorted((ra, rb))
        self.parent[drop] = keep
        self.reasons[keep] += self.reasons.pop(drop) + [reason]


def origin_groups(views: list[ClaimView]) -> tuple[dict[str, Origin], list[OriginGroup]]:
    origins: dict[str, Origin] = {}
    for v in views:
        if v.origin is not None:
            origins.setdefault(v.origin.key, v.origin)
    groups = _Groups(sorted(origins))
    by_name: dict[str, str] = {}
    for key in sorted(origins):
        name = normalise_name(origins[key].name)
        if name in by_name:
            groups.union(by_name[name], key, f"'{origins[key].name}' is the same name")
        else:
            by_name[name] = key
    _link_short_names(origins, groups)
    _link_same_bodies(origins, groups)
    _link_spokespeople(origins, groups)
    for v in views:
        if v.origin is None:
            continue
        for link in v.chain[:-1]:
            via = by_name.get(normalise_name(link.name))
            if via is not None:
                groups.union(
                    via, v.origin.key, f"{v.outlet or v.document} reaches '{v.origin.name}' through '{link.name}'"
                )
    _link_unnamed(views, groups)
    _link_own_voice_to_its_sources(views, groups)
    out: dict[str, OriginGroup] = {}
    for key in sorted(origins):
        root = groups.find(key)
        out.setdefault(root, OriginGroup([])).keys.append(key)
    for root, group in out.items():
        group.reasons = groups.reasons.get(root, [])
    return origins, list(out.values())


def _link_short_names(origins: dict[str, Origin], groups: _Groups) -> None:
    """'Rusk' in a later sentence or report is 'Teodor Rusk': a named origin whose name ends another's."""
    named = [k for k in sorted(origins) if origins[k].kind != "unnamed" and not origins[k].own_voice]
    for x in named:
        for y in named:
            short, full = normalise_name(origins[x].name).split(), normalise_name(origins[y].name).split()
            if x != y and 0 < len(short) < len(full) and full[-len(short) :] == short:
                groups.union(x, y, f"'{origins[x].name}' is '{origins[y].name}'")


BODY_KINDS = ("government", "organization", "outlet")
_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|person)|press secretary)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Body:
    """A body named by country and function: "Ukraine's military intelligence" -> ({ukraine}, {military},
    intelligence)."""

    country: frozenset[str]  # the forms the country may take; empty when the name gives none
    modifiers: frozenset[str]
    function: str


def _country_forms(word: str) -> frozenset[str]:
    key, _ = entity_key(word, "NORP")
    forms = {word, *demonym_stems(word)}
    if key.startswith("gpe:"):
        forms.add(key[4:])
    return frozenset(forms)


def body_of(name: str, with_country: bool = True) -> Body | None:
    words = normalise_name(name.replace("’", "'").replace("'s ", " 's ")).split()
    words = [w for w in words if w not in ("the", "s", "of")]
    if len(words) < (2 if with_country else 1):
        return None
    function = words[-1][:-1] if words[-1].endswith("s") and len(words[-1]) > 4 else words[-1]
    if not with_country:
        return Body(frozenset(), frozenset(words[:-1]), function)
    return Body(_country_forms(words[0]), frozenset(words[1:-1]), function)


def same_body(x: Body, y: Body) -> bool:
    if x.function != y.function or not (x.modifiers <= y.modifiers or y.modifiers <= x.modifiers):
        return False
    return not x.country or not y.country or bool(x.country & y.country)


def _link_same_bodies(origins: dict[str, Origin], groups: _Groups) -> None:
    bodies = {k: body_of(o.name) for k, o in sorted(origins.items()) if o.kind in BODY_KINDS}
    named = [(k, b) for k, b in bodies.items() if b is not None]
    for i, (x, bx) in enumerate(named):
        for y, by in named[i + 1 :]:
            if same_body(bx, by):
                groups.union(
                    x,
                    y,
                    f"'{origins[x].name}' and '{origins[y].name}' name the same body (same country "
                    "and function, and nothing in either name sets them apart)",
                )


def _link_spokespeople(origins: dict[str, Origin], groups: _Groups) -> None:
    bodies = {k: body_of(o.name) for k, o in sorted(origins.items()) if o.kind in BODY_KINDS}
    for key, origin in sorted(origins.items()):
        description = origin.description or ""
        if origin.kind != "person" or not _SPOKES.search(description):
            continue
        spoken_for = body_of(_SPOKES.sub(" ", description), with_country=False)
        if spoken_for is None:
            continue
        matches = [k for k, b in bodies.items() if b is not None and same_body(spoken_for, b)]
        if len(matches) == 1:
            groups.union(key, matches[0], f"'{origin.name}' ({description}) speaks for '{origins[matches[0]].name}'")


def _link_own_voice_to_its_sources(views: list[ClaimView], groups: _Groups) -> None:
    """A report that cites someone for this claim and also states it in its own voice is restating its source."""
    cited: dict[str, str] = {}
    names = {v.origin.key: v.origin.name for v in views if v.origin is not None}
    for v in sorted(views, key=lambda v: (v.report, v.origin.key if v.origin else "")):
        if v.origin is not None and not v.origin.own_voice:
            cited.setdefault(v.report, v.origin.key)
    for v in views:
        if v.origin is not None and v.origin.own_voice and v.report in cited:
            groups.union(
                v.origin.key,
                cited[v.report],
                f"{v.outlet or v.origin.name} states in its own voice what it attributes to '{names[cited[v.report]]}'",
            )


def _link_unnamed(views: list[ClaimView], groups: _Groups) -> None:
    unnamed = [v for v in views if v.origin is not None and v.origin.kind == "unnamed"]
    for i, x in enumerate(unnamed):
        for y in unnamed[i + 1 :]:
            reason = _unnamed_link(x, y)
            if reason:
                groups.union(x.origin.key, y.origin.key, reason)  # type: ignore[union-attr]


def _unnamed_link(x: ClaimView, y: ClaimView) -> str | None:
    if x.report == y.report:
        return f"unnamed sources in the same report ({x.outlet or x.report})"
    if normalise_name(x.origin.description or "") and x.origin.description == y.origin.description:  # type: ignore[union-attr]
        return f"unnamed sources with the same description ('{x.origin.description}')"  # type: ignore[union-attr]
    named_x = {normalise_name(s.name) for s in x.chain[:-1]} | {normalise_name(x.outlet or "")}
    named_y = {normalise_name(s.name) for s in y.chain[:-1]} | {normalise_name(y.outlet or "")}
    shared = sorted((named_x & named_y) - {""})
    if shared:
        return f"unnamed sources reached through the same '{shared[0]}'"
    return None


def group_json(origins: dict[str, Origin], group: OriginGroup) -> dict:
    names = ", ".join(f"'{origins[k].name}'" for k in group.keys)
    if group.reasons:
        why = f"{names}: one origin because " + "; ".join(group.reasons)
    elif origins[group.keys[0]].own_voice:
        why = f"{names}: the report's own reporting, citing no one"
    elif origins[group.keys[0]].kind == "unnamed":
        why = f"{names}: unnamed, and nothing links it to the other origins"
    else:
        why = f"{names}: a named origin, not cited through another origin here"
    return {"origins": [stable_id("s", k) for k in group.keys], "why": why}


def own_voice_sources(origins: dict[str, Origin]) -> list[dict]:
    """Source entries for origins that are reports themselves, so every origin id exists in ``sources``."""
    return [
        {
            "id": stable_id("s", o.key),
            "name": o.name,
            "kind": o.kind,
            "entity": None,
            "description": "the report's own voice (no source cited)",
        }
        for o in origins.values()
        if o.own_voice
    ]
