"""The timeline chart: when things happened (claim time) against when and by whom they were reported.

Rows are claims with a resolved time, sorted by when the event happened; a bar covers the time interval the
claim is about, a diamond marks the report's publication date, and the row label names the outlet.

The axis spans where the story lies (``story_window``: around its publication dates): 2016 news that mentions
1865 and 2080 is drawn over 2016, and the far-off events are listed apart (``split_far_off``) rather than
squeezing the rest against one edge.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup, escape

from .story_view import StoryView


@dataclass(frozen=True)
class Event:
    claim: str
    start: dt.date
    end: dt.date
    reported: dt.date | None
    outlet: str
    label: str
    modality: str


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def events(view: StoryView, claims=None) -> list[Event]:
    """Every claim with a resolved time, by when it happens (computed once per story); or only ``claims``'."""
    if claims is not None:
        return _events(view, claims)
    if "events" not in view.memo:
        view.memo["events"] = _events(view)
    return view.memo["events"]


def placed(view: StoryView) -> tuple[list[Event], list[Event], tuple[dt.date, dt.date] | None]:
    """(events on the axis, far-off events, the axis), computed once per story."""
    if "placed" not in view.memo:
        near, far = split_far_off(events(view))
        view.memo["placed"] = (near, far, axis_of(near))
    return view.memo["placed"]


def is_dated(claim: dict) -> bool:
    time = claim.get("time") or {}
    return bool(parse_date(time.get("start")) or parse_date(time.get("end")))


def _events(view: StoryView, claims=None) -> list[Event]:
    """The events of ``claims`` (every claim of the story by default), by when they happen."""
    found = []
    for claim in view.claims.values() if claims is None else claims:
        time = claim.get("time") or {}
        start, end = parse_date(time.get("start")), parse_date(time.get("end"))
        if not (start or end):
            continue
        start, end = start or end, end or start
        doc = view.document_of(claim)
        found.append(
            Event(
                claim["id"],
                min(start, end),
                max(start, end),
                parse_date(doc.get("published")),
                view.outlet_link(doc).name,
                claim.get("content") or claim.get("text") or "",
                claim.get("modality", "asserted"),
            )
        )
    return sorted(found, key=lambda e: (e.start, e.end, e.reported or dt.date.max, e.claim))


def _quantile(points: list[dt.date], q: float) -> dt.date:
    return points[round(q * (len(points) - 1))]


def story_window(found: list[Event]) -> tuple[dt.date, dt.date] | None:
    """The dates the story lies in: the middle 90% of its publication dates (of its event times where no report
    is dated), widened on each side by half that width and at least a year."""
    points = sorted(e.reported for e in found if e.reported) or sorted(
        [e.start for e in found] + [e.end for e in found]
    )
    if not points:
        return None
    low, high = _quantile(points, 0.05), _quantile(points, 0.95)
    margin = dt.timedelta(days=max((high - low).days // 2, 365))
    return max(dt.date.min + margin, low) - margin, min(dt.date.max - margin, high) + margin


def split_far_off(found: list[Event]) -> tuple[list[Event], list[Event]]:
    """(events drawn on the axis, events wholly outside the story's window, listed apart)."""
    window = story_window(found)
    if window is None:
        return [], []
    first, last = window
    near = [e for e in found if e.end >= first and e.start <= last]
    far = [e for e in found if e.end < first or e.start > last]
    return near, far


def axis_of(found: list[Event]) -> tuple[dt.date, dt.date] | None:
    """The axis for ``found`` (events already inside the window): their dates, clipped to the window."""
    window = story_window(found)
    if window is None:
        return None
    dates = [e.start for e in found] + [e.end for e in found] + [e.reported for e in found if e.reported]
    return max(min(dates), window[0]), min(max(dates), window[1])


LEFT, RIGHT, TOP, ROW, WIDTH = 380, 20, 40, 24, 1100


def timeline_svg(
    found: list[Event], link_prefix: str = "#claim-", axis: tuple[dt.date, dt.date] | None = None
) -> Markup:
    """The rows of ``found`` on ``axis`` (by default their own dates); bars and diamonds outside it are clipped
    to its ends."""
    if not found:
        return Markup("")
    first, last = axis or axis_of(found) or (found[0].start, found[0].end)
    span_days = max((last - first).days, 1)
    plot = WIDTH - LEFT - RIGHT

    def x(day: dt.date) -> float:
        day = min(max(day, first), last)
        return LEFT + plot * (day - first).days / span_days

    height = TOP + ROW * len(found) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="Timeline of events and reports">'
    ]
    for tick in _ticks(first, last):
        tx = x(tick)
        parts.append(
            f'<line x1="{tx:.1f}" y1="{TOP - 8}" x2="{tx:.1f}" y2="{height - 24}" class="grid"/>'
            f'<text x="{tx:.1f}" y="{TOP - 14}" class="axis" text-anchor="middle">{tick.isoformat()[:7]}</text>'
        )
    for i, e in enumerate(found):
        y = TOP + i * ROW
        who = escape(_short(e.outlet, 20) + ": " + _short(" ".join(e.label.split()), 28))
        parts.append(f'<a href="{escape(link_prefix + e.claim)}" class="event modality-{escape(e.modality)}">')
        parts.append(f'<text x="{LEFT - 8}" y="{y + 15}" class="who" text-anchor="end">{who}</text>')
        x1, x2 = x(e.start), max(x(e.end), x(e.start) + 4)
        parts.append(f'<rect x="{x1:.1f}" y="{y + 5}" width="{x2 - x1:.1f}" height="12" rx="3" class="happened"/>')
        if e.reported:
            rx = x(e.reported)
            parts.append(
                f'<line x1="{min(rx, x1):.1f}" y1="{y + 11}" x2="{max(rx, x1):.1f}" y2="{y + 11}" class="gap"/>'
                f'<path d="M{rx:.1f},{y + 4} l7,7 l-7,7 l-7,-7 z" class="reported"/>'
            )
        reported = e.reported.isoformat() if e.reported else "unknown date"
        parts.append(
            f"<title>{escape(e.label[:200])}\nhappens {e.start}..{e.end} ({escape(e.modality)}); "
            f"reported {reported} by {escape(e.outlet)}</title></a>"
        )
    legend_y = height - 8
    parts.append(
        f'<rect x="{LEFT}" y="{legend_y - 10}" width="18" height="10" rx="3" class="happened"/>'
        f'<text x="{LEFT + 24}" y="{legend_y}" class="axis">when it happens (claim time)</text>'
        f'<path d="M{LEFT + 250},{legend_y - 11} l6,6 l-6,6 l-6,-6 z" class="reported"/>'
        f'<text x="{LEFT + 262}" y="{legend_y}" class="axis">when reported (publication date)</text>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """Month starts, thinned to at most 12 labels."""
    months = []
    day = dt.date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            months.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    step = max(1, len(months) // 12 + (len(months) % 12 > 0))
    return months[::step]
