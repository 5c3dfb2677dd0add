"""Named entities and their cross-document identity (aliases, acronyms, capitals, demonyms, people).

One real-world thing gets one key however a report names it: "DPRK", "North Korea's", "North Korean soldiers"
and "Pyongyang said" all become ``gpe:north korea``. A capital counts as its government when it acts
("Moscow agreed"); where it is a place ("stationed in Pyongyang") it stays the city.

``entity_key`` is context-free (the attribution component calls it for source names); ``find_mentions`` adds
what only the document knows (a last name after the full name, a demonym whose country the document names,
an acronym defined in brackets); ``link.merge_entities`` does the same across documents.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from ..analysis_types import Mention

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"}
PREFIX = {"PERSON": "person", "ORG": "org", "GPE": "gpe", "LOC": "loc", "NORP": "norp", "FAC": "fac"}
KIND_LABELS = {prefix: label for label, prefix in PREFIX.items()}

# Prepositions after which a capital is a place, not its government ("in Moscow" vs "Moscow said").
LOCATIVE_PREPOSITIONS = {
    "in",
    "at",
    "to",
    "from",
    "near",
    "into",
    "inside",
    "outside",
    "around",
    "across",
    "through",
    "via",
    "over",
    "toward",
    "towards",
    "within",
    "throughout",
    "on",
    "off",
}
# Words before a name that are roles, not part of the name ("President Vladimir Putin").
TITLES = {
    "president",
    "prime",
    "minister",
    "chancellor",
    "secretary",
    "general",
    "gen",
    "lt",
    "col",
    "colonel",
    "major",
    "admiral",
    "adm",
    "sgt",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "mayor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "judge",
    "ambassador",
    "commander",
    "chief",
    "leader",
    "deputy",
    "vice",
    "foreign",
    "defense",
    "defence",
    "former",
}
LABEL_PRIORITY = ["gpe", "loc", "fac", "org", "person", "norp"]  # which label wins a tie for one name
CONNECTORS = {"of", "for", "the", "and", "on", "in", "&"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_EDGE_CHARS = "\"'“”‘’()[]{}«»,;:-–—"
_EDGE_JUNK = re.compile(r"^[\s\"'“”‘’(\[{«»,;:.\-–—]+|[\s\"'“”‘’)\]}«»,;:\-–—]+$")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z.&]{1,9})\)")


@dataclass(frozen=True)
class Identity:
    key: str
    name: str


def lookup_form(text: str) -> str:
    """The form names are matched by: lower case, no dots, single spaces, no leading 'the'."""
    form = " ".join(text.replace(".", "").replace("’", "'").split()).lower()
    return form[4:] if form.startswith("the ") else form


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, Identity]]:
    data = json.loads((resources.files("claimgraph.analyze") / "data" / "places.json").read_text(encoding="utf-8"))
    names: dict[str, Identity] = {}
    capitals: dict[str, Identity] = {}
    demonyms: dict[str, Identity] = {}
    for country in data["countries"]:
        ident = Identity("gpe:" + country["name"].lower(), country["name"])
        for alias in [country["name"], *country["aliases"]]:
            names[lookup_form(alias)] = ident
        for capital in country["capitals"]:
            capitals[lookup_form(capital)] = ident
        for demonym in country["demonyms"]:
            demonyms[lookup_form(demonym)] = ident
    for org in data["organizations"]:
        ident = Identity("org:" + lookup_form(org["name"]), org["name"])
        for alias in [org["name"], *org["aliases"]]:
            names[lookup_form(alias)] = ident
    return {"names": names, "capitals": capitals, "demonyms": demonyms}


def clean_name(text: str) -> str:
    """Display form: single spaces, no surrounding quotes or punctuation, no possessive ending."""
    name = " ".join(text.split())
    name = _EDGE_JUNK.sub("", name)
    name = _POSSESSIVE.sub("", name)
    return _EDGE_JUNK.sub("", name)


# Words the tagger takes into a person's name that are not part of it ("Neither Cruz", "Rival Hillary Clinton").
NOT_NAME_WORDS = {
    "neither",
    "either",
    "both",
    "nor",
    "and",
    "rival",
    "then",
    "late",
    "the",
    "candidate",
    "nominee",
    "republican",
    "democrat",
    "democratic",
    "gop",
    "presidential",
    "billionaire",
    "businessman",
    "fellow",
}


def _strip_titles(name: str) -> str:
    """A person's name without the words before it: titles ("President Vladimir Putin"), a place before a title
    ("Florida Gov. Jeb Bush", "New York Gov. Andrew Cuomo") and words that are no part of it ("Neither Cruz")."""
    words = name.split()
    titled = [k for k, w in enumerate(words[:4]) if w.lower().rstrip(".") in TITLES and k + 1 < len(words)]
    if titled and titled[-1] > 0 and all(w[:1].isupper() for w in words[: titled[-1]]):
        words = words[titled[-1] + 1 :]
    while len(words) > 1 and (words[0].lower().rstrip(".") in TITLES or words[0].lower() in NOT_NAME_WORDS):
        words.pop(0)
    return " ".join(words)


def _strip_owner(name: str) -> str:
    """ "Ukraine's Center for Countering Disinformation" -> "Center for Countering Disinformation"."""
    m = re.match(r"^(.+?)(?:'s|’s)\s+(.+)$", name)
    if m and lookup_form(m.group(1)) in _tables()["names"]:
        return m.group(2)
    return name


def entity_key(text: str, label: str) -> tuple[str, str]:
    """(identity key, canonical name) for a mention, from its words alone.

    Capitals map to their country (the government reading); ``find_mentions`` keeps a capital that is a
    place as the city.
    """
    name = clean_name(text)
    if label == "PERSON":
        name = _strip_titles(name)
    form = lookup_form(name)
    tables = _tables()
    for table in ("names", "capitals", "demonyms"):
        ident = tables[table].get(form)
        if ident is not None and not (label == "PERSON" and table == "capitals"):
            return ident.key, ident.name
    if label == "ORG":
        owned = _strip_owner(name)
        if owned != name:
            return entity_key(owned, label)
    prefix = PREFIX.get(label, label.lower() or "misc")
    # "the Northern Ledger" -> "Northern Ledger"; a capitalised "The" is part of a title ("The Kyiv Independent").
    return f"{prefix}:{form}", (name[4:] if name.startswith("the ") else name)


def demonym_stems(word: str) -> set[str]:
    """Country names a demonym may come from: Kestrian -> Kestria, Italian -> Italy, Japanese -> Japan."""
    w = word.lower()
    if w.endswith("s") and len(w) > 4:
        w = w[:-1]
    stems: set[str] = set()
    if w.endswith("ian"):
        stems |= {w[:-1], w[:-3] + "y", w[:-3] + "a", w[:-3], w[:-2]}
    elif w.endswith("an"):
        stems |= {w[:-1], w[:-2] + "o", w[:-2], w[:-2] + "a"}
    elif w.endswith("ese"):
        stems |= {w[:-3], w[:-3] + "a"}
    elif w.endswith("ish"):
        stems |= {w[:-3] + "ey", w[:-3] + "land", w[:-3]}
    elif w.endswith("i"):
        stems |= {w[:-1], w[:-1] + "a", w[:-1] + "an"}
    return {s for s in stems if len(s) >= 3}


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in CONNECTORS and w[:1].isalpha()).upper()


def _trimmed_span(ent) -> tuple[int, int] | None:
    """The entity's offsets without line breaks ("Business\\n\\nValdoria"), quotes or a possessive ending."""
    text = ent.text
    root_at = max(ent.root.idx - ent.start_char, 0)
    # Keep the line that holds the head word: NER sometimes swallows a section label on the line above.
    lo = text.rfind("\n", 0, root_at) + 1
    hi = text.find("\n", root_at)
    hi = len(text) if hi < 0 else hi
    while True:
        before = (lo, hi)
        while lo < hi and (text[lo].isspace() or text[lo] in _EDGE_CHARS):
            lo += 1
        while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in _EDGE_CHARS):
            hi -= 1
        possessive = _POSSESSIVE.search(text, lo, hi)
        if possessive and possessive.end() == hi and possessive.start() > lo:
            hi = possessive.start()
        if (lo, hi) == before:
            break
    return (ent.start_char + lo, ent.start_char + hi) if lo < hi else None


def _is_locative(ent) -> bool:
    root = ent.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    # "in Wonsan and Pyongyang", "in Pyongyang, North Korea": follow conjunctions and appositions back.
    if root.dep_ in ("conj", "appos") and head is not root and head.ent_type_ in ("GPE", "LOC", "FAC"):
        return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPOSITIONS
    return False


HEADLINE_WORDS = 5  # a name this long with a verb in it is a title-case headline, not a name


def _is_headline(ent) -> bool:
    """A title-case headline the tagger took for one name ("Ames Claims Brook Most Qualified Candidate Ever", "The
    Runoff Is A Battle For The Suburbs"): long, with a verb in it. Shorter names keep theirs ("Black Lives
    Matter")."""
    words = [t for t in ent if t.is_alpha]
    return len(words) >= HEADLINE_WORDS and any(t.pos_ in ("VERB", "AUX") for t in words)


def find_mentions(parsed) -> list[Mention]:
    """Every named-entity mention with its identity, resolved within the document."""
    mentions: list[Mention] = []
    doc_text = parsed.text  # Doc.text joins every token: build it once, not once per entity
    for ent in parsed.ents:
        if ent.label_ not in LABELS or _is_headline(ent):
            continue
        span = _trimmed_span(ent)
        if span is None:
            continue
        start, end = span
        text = doc_text[start:end]
        label = ent.label_
        key, name = entity_key(text, label)
        form = lookup_form(clean_name(text))
        if form in _tables()["capitals"] and key.startswith("gpe:") and _is_locative(ent):
            key, name = "gpe:" + form, clean_name(text)
        mentions.append(Mention(start, end, text, label, key, name))
    _resolve_in_document(doc_text, mentions)
    return mentions


def _resolve_in_document(text: str, mentions: list[Mention]) -> None:
    mapping = resolve_keys(mentions)
    # "Center for Countering Disinformation (CCD)": the bracketed acronym names the organisation before it.
    for m in mentions:
        if m.label == "ORG":
            after = _ACRONYM_AFTER.match(text, m.end)
            if after and initials(m.name) == after.group(1).replace(".", "").upper():
                mapping.setdefault("org:" + lookup_form(after.group(1)), (m.key, m.name))
    for key, target in _surnames_the_tagger_mislabelled(mentions, mapping).items():
        mapping.setdefault(key, target)
    for m in mentions:
        if m.key in mapping:
            m.key, m.name = mapping[m.key]
        m.label = label_of(m.key, m.label)


def _surnames_the_tagger_mislabelled(
    mentions: list[Mention], mapping: dict[str, tuple[str, str]]
) -> dict[str, tuple[str, str]]:
    """ "Trump included ..." tagged ORG in a report that names Donald Trump: a one-word ORG mention that is the
    last name of exactly one full person name in the same document is that person. Only within a document:
    across reports "Ford" may be the company in one and a person in another."""
    people: dict[str, set[tuple[str, str]]] = {}
    for m in mentions:
        key, name = mapping.get(m.key, (m.key, m.name))
        if key.startswith("person:") and len(name.split()) > 1:
            people.setdefault(name.split()[-1].lower(), set()).add((key, name))
    out: dict[str, tuple[str, str]] = {}
    for m in mentions:
        kind, form = m.key.split(":", 1)
        found = people.get(form, set())
        if kind == "org" and " " not in form and len(found) == 1 and m.key not in mapping:
            out[m.key] = next(iter(found))
    return out


def label_of(key: str, label: str) -> str:
    """The label of the identity a mention resolved to: "North Korean" (NORP) names North Korea, a GPE."""
    return KIND_LABELS.get(key.split(":", 1)[0], label)


def _label_rank(key: str) -> int:
    prefix = key.split(":", 1)[0]
    return LABEL_PRIORITY.index(prefix) if prefix in LABEL_PRIORITY else len(LABEL_PRIORITY)


def resolve_keys(mentions: Iterable[Mention]) -> dict[str, tuple[str, str]]:
    """key -> (key, name) for partial names that one fuller name in ``mentions`` explains.

    - one name under several labels (NER calls "Port Aldren" a place here and a person there): the label
      it carries most often, places first on ties;
    - a one-word person name that is the last name of exactly one full name ("Budanov" -> "Kyrylo Budanov");
    - a demonym whose country is named ("Kestrian" -> "Kestria");
    - an acronym that is the initials of exactly one organisation ("CCD" -> "Center for Countering ...").
    """
    mentions = list(mentions)
    names = {m.key: m.name for m in mentions}
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.key] = counts.get(m.key, 0) + 1
    by_form: dict[str, list[str]] = {}
    for key in names:
        by_form.setdefault(key.split(":", 1)[1], []).append(key)
    mapping: dict[str, tuple[str, str]] = {}
    for keys in by_form.values():
        if len(keys) > 1:
            best = max(keys, key=lambda k: (counts[k], -_label_rank(k)))
            for k in keys:
                if k != best:
                    mapping[k] = (best, names[best])
    full_people: dict[str, set[str]] = {}
    places: dict[str, str] = {}
    orgs_by_initials: dict[str, set[str]] = {}
    for key, name in names.items():
        if key in mapping:
            continue
        if key.startswith("person:") and len(name.split()) > 1:
            full_people.setdefault(name.split()[-1].lower(), set()).add(key)
        elif key.startswith(("gpe:", "loc:")):
            places[key.split(":", 1)[1]] = key
        elif key.startswith("org:") and len(name.split()) > 1:
            orgs_by_initials.setdefault(initials(name), set()).add(key)
    for key, name in names.items():
        if key in mapping:
            continue
        kind, form = key.split(":", 1)
        target = None
        if kind == "person" and " " not in form:
            found = full_people.get(form, set())
            target = next(iter(found)) if len(found) == 1 else None
        if target is None and kind in ("norp", "person", "org") and " " not in form:
            stems = [places[s] for s in sorted(demonym_stems(form)) if s in places]
            target = stems[0] if stems else None
        if target is None and kind == "org" and name.isupper():
            found = orgs_by_initials.get(name.replace(".", ""), set())
            target = next(iter(found)) if len(found) == 1 else None
        if target and target != key:
            mapping[key] = (target, names[target])
    return mapping
