"""docs/schema/ is what the models generate today, and every bundled form and a complete set of
answers validate against it with a JSON Schema validator (another program's view of the format)."""

import json
from pathlib import Path

import jsonschema
import pytest

from answers_2b import complete_2b
from selfreview.forms import canonical_json, registry
from selfreview.forms.schema import ANSWERS_FILE, TEMPLATE_FILE, answers_schema, render, template_schema

DOCS = Path(__file__).resolve().parents[2] / "docs" / "schema"


@pytest.mark.parametrize("name,make", [(TEMPLATE_FILE, template_schema), (ANSWERS_FILE, answers_schema)])
def test_the_published_schema_is_the_generated_one(name, make):
    assert (DOCS / name).read_text(encoding="utf-8") == render(make()), \
        "regenerate: python3 -m selfreview.forms.schema docs/schema"


@pytest.mark.parametrize("key", sorted(registry.bundled()), ids=lambda k: f"{k[0]}-v{k[1]}")
def test_every_bundled_form_validates_against_the_published_schema(key):
    schema = json.loads((DOCS / TEMPLATE_FILE).read_text(encoding="utf-8"))
    body = json.loads(canonical_json(registry.bundled()[key].template))
    jsonschema.validate(body, schema)


def test_the_schema_refuses_what_the_checks_refuse():
    schema = json.loads((DOCS / TEMPLATE_FILE).read_text(encoding="utf-8"))
    body = json.loads(canonical_json(registry.find("hd43-2025-2b").template))
    body["title"]["vi"] = "A" * 4001
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(body, schema)


def test_answers_validate_against_the_published_schema():
    schema = json.loads((DOCS / ANSWERS_FILE).read_text(encoding="utf-8"))
    jsonschema.validate(complete_2b(), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"B1": 3}, schema)
