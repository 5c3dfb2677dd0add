"""What ``analyze`` produces for one Document: claims with attribution chains, entities, times, quantities.

All spans are ``[start, end)`` offsets into ``Document.text``. Identities here are local to one document;
``link/`` merges them across documents (entities by ``key``, sources by ``key``).
These dataclasses serialise to plain dicts (``to_dict``/``from_dict``) so an Analysis can be stored as JSON,
shipped between processes and rebuilt in a Spark task.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from functools import lru_cache
from typing import Any, Callable, get_type_hints

MODALITIES = ("asserted", "expected", "planned", "hedged", "denied", "question")
SOURCE_KINDS = ("person", "organization", "government", "outlet", "document", "unnamed")


@dataclass
class Mention:
    """A named-entity mention. ``key`` is the cross-document identity (e.g. ``gpe:north korea``)."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC, ...
    key: str
    name: str  # canonical display name for the identity ("North Korea" for "Pyongyang", "DPRK")


@dataclass
class Source:
    """Someone or something a report cites. ``key`` merges the same source across reports."""

    id: str  # local to the document: "s0", "s1", ...
    name: str
    kind: str  # one of SOURCE_KINDS
    key: str
    description: str | None = None
    entity_key: str | None = None  # the Mention.key it stands for, when it is a named entity


@dataclass
class Attribution:
    """One link of a chain. ``source_span`` is None where the source is implicit (carried over from an earlier
    mention: "According to the sources" keeps the chain NHK cited them in); a quotation that goes on into the next
    sentence keeps the cue and source spans of the attribution it continues."""

    source: str  # Source.id within the same Analysis
    cue: str
    cue_span: tuple[int, int] | None
    source_span: tuple[int, int] | None


@dataclass
class TimeExpression:
    """A TimeML TIMEX3 expression. ``start``/``end`` are ISO dates of the interval it covers, None if unresolved."""

    span: tuple[int, int]
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: 2025-02-08, 2024-06, 2024-FA, 2025, PRESENT_REF, P6M, XXXX-06 ...
    start: str | None = None
    end: str | None = None
    note: str | None = None  # why it is unresolved, or how it was anchored
    mod: str | None = None  # TIMEX3 mod: START | MID | END | APPROX | LESS_THAN | MORE_THAN | ...


@dataclass
class Quantity:
    span: tuple[int, int]
    text: str
    value: float | None
    qualifier: str | None = None  # about | up to | at least | more than | less than | nearly | over | ...
    unit: str | None = None


@dataclass
class Claim:
    id: str  # stable: "<document id>-c<n>"
    span: tuple[int, int]
    text: str
    content: str
    content_span: tuple[int, int]
    attribution: list[Attribution] = field(default_factory=list)  # nearest speaker first; [] = own voice
    modality: str = "asserted"
    negated: bool = False
    time: TimeExpression | None = None
    entities: list[str] = field(default_factory=list)  # Mention.key values
    quantities: list[Quantity] = field(default_factory=list)
    # lemmas of the content's verbs, the main one first ("be" for a copula); None in analyses made before 0.3.4
    predicates: list[str] | None = None
    event_nouns: list[str] | None = None  # lemmas of its nouns that name a happening ("production"), not a setting


@dataclass
class Analysis:
    document: str  # Document.id
    analyzer: str  # analyzer version: bump when output changes so stores can re-analyze
    claims: list[Claim] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Analysis":
        return _rebuilder(cls)(d)


@lru_cache(maxsize=None)
def _type_hints(tp: type) -> dict[str, Any]:
    # once per class: get_type_hints evaluates every annotation afresh, which was 85% of reading a story
    return get_type_hints(tp)


def _same(value: Any) -> Any:
    return value


_REBUILDERS: dict[Any, Callable[[Any], Any]] = {}


def _rebuilder(tp: Any) -> Callable[[Any], Any]:
    """``_make_rebuilder(tp)``, made once per type."""
    if tp not in _REBUILDERS:
        _REBUILDERS[tp] = _make_rebuilder(tp)
    return _REBUILDERS[tp]


def _make_rebuilder(tp: Any) -> Callable[[Any], Any]:
    """The function that rebuilds a value of type ``tp`` from its ``asdict`` output (nested dataclasses, lists,
    lists -> tuples for span fields; None stays None). Worked out once per type from its annotations, so reading
    a story does not inspect every field of every claim again (it was half the time of reading analyses)."""
    if isinstance(tp, type) and is_dataclass(tp):  # a class, never an instance: says so to mypy
        hints = _type_hints(tp)
        plans = [(f.name, _rebuilder(hints[f.name])) for f in fields(tp)]
        plain = [name for name, rebuild in plans if rebuild is _same]
        nested = [(name, rebuild) for name, rebuild in plans if rebuild is not _same]

        def rebuild_dataclass(value: Any) -> Any:
            if value is None:
                return None
            kwargs = {name: value[name] for name in plain if name in value}
            for name, rebuild in nested:
                if name in value:
                    kwargs[name] = rebuild(value[name])
            return tp(**kwargs)

        return rebuild_dataclass
    origin = getattr(tp, "__origin__", None)
    args: tuple[Any, ...] = getattr(tp, "__args__", ())
    if origin is list:
        item = _rebuilder(args[0])
        return lambda value: None if value is None else [item(v) for v in value]
    if origin is tuple:
        return lambda value: None if value is None else tuple(value)
    if args and type(None) in args:  # Optional[X]
        return _rebuilder([a for a in args if a is not type(None)][0])
    return _same
