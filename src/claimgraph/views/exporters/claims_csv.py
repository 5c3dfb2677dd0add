"""Claims as one flat CSV row each, for spreadsheets.

Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab / carriage return) get a
leading apostrophe: report text is untrusted, and a CSV opened in Excel must not execute it.
"""

from __future__ import annotations

import csv
import io
import json

from ...story import story_from_store
from ..story_view import StoryView

COLUMNS = [
    "id",
    "document",
    "outlet",
    "published",
    "text",
    "content",
    "modality",
    "negated",
    "sources",
    "origin",
    "time_text",
    "time_value",
    "time_start",
    "time_end",
    "quantities",
    "cluster",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def claim_rows(story: dict) -> list[dict[str, str]]:
    view = StoryView(story)
    rows = []
    for claim in view.claims_sorted():
        doc = view.document_of(claim)
        chain = view.chain(claim)
        time = claim.get("time") or {}
        rows.append(
            {
                "id": claim["id"],
                "document": claim["document"],
                "outlet": doc.get("outlet"),
                "published": doc.get("published"),
                "text": claim.get("text"),
                "content": claim.get("content"),
                "modality": claim.get("modality"),
                "negated": "true" if claim.get("negated") else "false",
                "sources": " > ".join(link.name for link in chain),
                "origin": chain[-1].name,
                "time_text": time.get("text"),
                "time_value": time.get("value"),
                "time_start": time.get("start"),
                "time_end": time.get("end"),
                "quantities": json.dumps(claim.get("quantities") or [], ensure_ascii=False)
                if claim.get("quantities")
                else "",
                "cluster": view.cluster_of.get(claim["id"], ""),
            }
        )
    return rows


def story_csv(story: dict) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    for row in claim_rows(story):
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
    return out.getvalue()


def export_csv(store) -> str:
    return story_csv(story_from_store(store))
