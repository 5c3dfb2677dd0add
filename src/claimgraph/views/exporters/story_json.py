"""The story JSON, validated against the shipped schema before it is written."""

from __future__ import annotations

import json

from ...schema import validate_story
from ...story import story_from_store


def export_json(store) -> str:
    story = story_from_store(store)
    validate_story(story)
    return json.dumps(story, ensure_ascii=False, indent=2) + "\n"
