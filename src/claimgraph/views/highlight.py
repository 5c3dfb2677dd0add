"""Report text as HTML with spans highlighted at their character offsets.

Every piece of report text is escaped on its own, and marks never nest: the text is cut at every mark
boundary and each piece gets the classes of all marks covering it, so overlapping spans (a cue inside the
content, say) render without broken markup whatever the offsets are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css: str  # one class name: content, cue, source, claim, furniture
    title: str | None = None
    anchor: str | None = None  # an element id placed where the mark starts


def highlight(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None) -> Markup:
    """HTML for ``text[start:end]`` with ``marks`` (absolute offsets) as ``<span class=...>``."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, min(start, end))
    usable = [m for m in marks if m.end > start and m.start < end and m.end > m.start]
    cuts = {start, end}
    for m in usable:
        cuts.update((max(m.start, start), min(m.end, end)))
    edges = sorted(cuts)
    anchors = {}
    for m in usable:
        if m.anchor and m.start >= start:
            anchors.setdefault(m.start, []).append(m.anchor)
    out: list[str] = []
    for a, b in zip(edges, edges[1:]):
        for anchor in anchors.pop(a, []):
            out.append(f'<span class="anchor" id="{escape(anchor)}"></span>')
        piece = escape(text[a:b])
        covering = [m for m in usable if m.start <= a and m.end >= b]
        if not covering:
            out.append(str(piece))
            continue
        classes = " ".join(dict.fromkeys("hl-" + m.css for m in covering))
        titles = "; ".join(dict.fromkeys(m.title for m in covering if m.title))
        title_attr = f' title="{escape(titles)}"' if titles else ""
        out.append(f'<span class="{escape(classes)}"{title_attr}>{piece}</span>')
    return Markup("".join(out))


def claim_marks(claim: dict, anchor_prefix: str | None = None) -> list[Mark]:
    """Content, cue and source spans of one claim (the claim span itself is the caller's window)."""
    marks = [Mark(*claim["content_span"], "content", "content")]
    for i, a in enumerate(claim.get("attribution", [])):
        if a.get("cue_span"):
            marks.append(Mark(*a["cue_span"], "cue", f"cue: {a.get('cue')}"))
        if a.get("source_span"):
            anchor = f"{anchor_prefix}-src{i}" if anchor_prefix else None
            marks.append(Mark(*a["source_span"], "source", "source", anchor))
    if claim.get("time") and claim["time"].get("span"):
        marks.append(Mark(*claim["time"]["span"], "time", f"time: {claim['time'].get('value')}"))
    return marks


def claim_window(claim: dict, limit: int = 1500) -> tuple[int, int]:
    """The claim's span widened to take in its cue and source spans when they lie close by."""
    start, end = claim["span"]
    for a in claim.get("attribution", []):
        for key in ("cue_span", "source_span"):
            s = a.get(key)
            if s and max(end, s[1]) - min(start, s[0]) <= limit:
                start, end = min(start, s[0]), max(end, s[1])
    return start, end


def claim_in_context(claim: dict, text: str, anchor_prefix: str | None = None) -> Markup:
    start, end = claim_window(claim)
    return highlight(text, claim_marks(claim, anchor_prefix), start, end)
