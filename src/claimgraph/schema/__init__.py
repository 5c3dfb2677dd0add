"""The shipped JSON Schema of the story JSON, and validation against it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def story_schema() -> dict[str, Any]:
    return json.loads((resources.files("claimgraph.schema") / "story.schema.json").read_text(encoding="utf-8"))


def validate_story(story: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when the story does not match the schema."""
    import jsonschema

    jsonschema.validate(story, story_schema(), cls=jsonschema.Draft202012Validator)
