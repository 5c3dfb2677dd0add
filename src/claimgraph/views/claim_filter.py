"""Which claims a user asked for: one filter, with one meaning, for ``claimgraph claims``, the pages and the API.

Every field narrows the claims; fields not given do not:

- ``document``: the claim's report, by id or the start of one (ids are long; the CLI lists them shortened).
- ``text``: words in the claim's sentence or content, ignoring case (a literal string: ``%`` and ``_`` are
  themselves); control characters and runs of white space in it read as one space.
- ``source``: a source in the claim's chain, the sources its report cites out to the origin. It matches a
  source whose *name contains* the words given, ignoring case and spacing ("nhk" finds "NHK", "reuters" finds
  "Thomson Reuters"), or whose *id* is the one given (the pages' source list and ``/api/sources`` give ids).
  A name fragment is what an analyst remembers and types; an id, what a link carries. The publishing outlet
  is not a source of its own claims here: ``outlet`` filters by that.
- ``outlet``: the outlet that published the report, the whole name, ignoring case and surrounding spaces.
- ``modality``: one of ``analysis.MODALITIES``.
- ``since`` / ``until``: the time the claim is about overlaps the range (claims without a resolved time drop
  out as soon as either is given).

``ClaimFilter.checked`` refuses a modality or date that is not valid with a ``FilterError`` naming the field
and the value; the CLI makes it a usage error, the web a 400.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..analysis_types import MODALITIES
from .story_view import StoryView
from .timeline import parse_date

TEXT_LIMIT = 500  # characters of a text or name asked for; more is cut (it is user input)


class FilterError(ValueError):
    """A filter value that is not valid; the message names the field and the value."""

    def __init__(self, field: str, reason: str):
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


@dataclass(frozen=True)
class ClaimFilter:
    document: str | None = None
    text: str | None = None
    source: str | None = None
    outlet: str | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None

    @classmethod
    def checked(cls, **given: str | None) -> ClaimFilter:
        """A filter from user input: empty values dropped, modality and dates checked."""
        values = {name: value for name, value in given.items() if value}
        modality = values.get("modality")
        if modality and modality not in MODALITIES:
            raise FilterError("modality", f"'{modality[:40]}' is not one of {', '.join(MODALITIES)}")
        for name in ("since", "until"):
            if name in values and parse_date(values[name]) is None:
                raise FilterError(name, f"'{values[name][:40]}' is not a date like 2025-02-08")
        return cls(**values)

    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def select_claims(view: StoryView, wanted: ClaimFilter) -> list[dict]:
    """The claims of ``view`` that ``wanted`` lets through, in ``view.claims_sorted()`` order."""
    claims = view.claims_sorted()
    if wanted.document:
        document = wanted.document.strip()
        claims = [c for c in claims if c["document"].startswith(document)]
    if wanted.text:
        needle = plain(wanted.text)
        if needle:
            claims = [
                c
                for c in claims
                if needle in (c.get("text") or "").casefold() or needle in (c.get("content") or "").casefold()
            ]
    if wanted.source:
        claims = _citing(view, claims, wanted.source)
    if wanted.outlet:
        outlet = wanted.outlet.casefold().strip()
        claims = [c for c in claims if (view.document_of(c).get("outlet") or "").casefold().strip() == outlet]
    if wanted.modality:
        claims = [c for c in claims if c.get("modality") == wanted.modality]
    since, until = parse_date(wanted.since), parse_date(wanted.until)
    if since or until:
        claims = [c for c in claims if _overlaps(c, since, until)]
    return claims


def plain(text: str) -> str:
    """User text as it is compared: control characters and white space as single spaces, case folded."""
    return spaced(text).casefold()


def spaced(text: str) -> str:
    """User text with control characters (NUL above all) and runs of white space as single spaces."""
    return " ".join("".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text[:TEXT_LIMIT]).split())


def _citing(view: StoryView, claims: list[dict], source: str) -> list[dict]:
    """The claims with a source in their chain that has ``source`` as its id or within its name (see above)."""
    ident, fragment = source.strip().casefold(), plain(source)
    if not fragment:
        return []
    # decided once per source, not once per claim: a filter runs over every claim of the story
    wanted = {
        sid
        for sid, name in _plain_names(view).items()
        if fragment in name or ident in (sid.casefold(), view.source_node(sid).casefold())
    }
    known = view.sources

    def keep(claim: dict) -> bool:
        for a in claim.get("attribution", ()):
            sid = a["source"]
            if sid in wanted or (sid not in known and fragment in sid.casefold()):  # a source the story lacks
                return True
        return False

    return [c for c in claims if keep(c)]


def _plain_names(view: StoryView) -> dict[str, str]:
    """Source id -> its name as compared, made once per story."""
    names = view.memo.get("plain_source_names")
    if names is None:
        names = view.memo["plain_source_names"] = {i: plain(s["name"]) for i, s in view.sources.items()}
    return names


def _overlaps(claim: dict, since, until) -> bool:
    time = claim.get("time") or {}
    start, end = parse_date(time.get("start")), parse_date(time.get("end"))
    if not (start or end):
        return False
    start, end = start or end, end or start
    return (since is None or end >= since) and (until is None or start <= until)
