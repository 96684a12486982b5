"""The JSON Schema of a form template and of a response's answers, generated from the models
(forms/model.py), published in ``docs/schema/`` (``python3 -m selfreview.forms.schema docs/schema``)
and tested against every bundled form (tests/unit/test_schema_docs.py): another program can check
what it writes with any JSON Schema validator, and the document cannot drift from the code."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from selfreview.forms.model import Template

TEMPLATE_FILE = "template.schema.json"
ANSWERS_FILE = "answers.schema.json"

# each kind's answer value (forms/answers.py), as JSON Schema
_TEXT = {"type": "string"}
ANSWER_VALUES: dict[str, Any] = {
    "short_text": _TEXT, "long_text": _TEXT, "single_choice": _TEXT,
    "multi_choice": {"type": "array", "items": _TEXT, "uniqueItems": True},
    "levels": {"type": "object", "additionalProperties": _TEXT},
    "score": {"type": "number"},
    "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "records": {"type": "array", "maxItems": 1000, "items": {"type": "object"}},
    "checklist": {"type": "object", "additionalProperties": {
        "type": "object", "additionalProperties": False,
        "properties": {"frequency": _TEXT, "example": _TEXT, "remedy": _TEXT}}},
}


def template_schema() -> dict[str, Any]:
    schema = Template.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "selfreview form template (format 1)"
    return schema


def answers_schema() -> dict[str, Any]:
    """The shape of ``review.answers``: question id → value of that question's kind. Which kind a
    question is comes from the template; the schema lists the value each kind takes."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "selfreview answers (review.answers, format 1)",
        "type": "object", "maxProperties": 1000,
        "propertyNames": {"pattern": r"^[a-z][a-z0-9_]{0,63}$"},
        "additionalProperties": {"anyOf": list(ANSWER_VALUES.values())},
        "$defs": {kind: value for kind, value in ANSWER_VALUES.items()},
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / TEMPLATE_FILE).write_text(render(template_schema()), encoding="utf-8", newline="\n")
    (folder / ANSWERS_FILE).write_text(render(answers_schema()), encoding="utf-8", newline="\n")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schema"))
