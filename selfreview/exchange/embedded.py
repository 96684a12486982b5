"""A form template carried inside a file (every invitation; a response whose form is not bundled)."""

from __future__ import annotations

from typing import Any

from selfreview.exchange.envelope import MAX_DEPTH
from selfreview.exchange.errors import Rejected
from selfreview.exchange.response import TemplateRef
from selfreview.forms import TemplateErrors, template_from_data, template_hash
from selfreview.forms.model import Template


def embedded_template(data: Any, ref: TemplateRef) -> Template:
    """Check the template like a bundled one, and against the id, version and hash declared for it."""
    try:
        template = template_from_data(data, f"{ref.id} v{ref.version}")
    except TemplateErrors as e:
        first = e.errors[0] if e.errors else None
        raise Rejected("import.bad_template", id=ref.id, version=ref.version,
                       error=first.text("vi") if first else "", error_en=first.text("en") if first else "") from None
    except RecursionError:
        raise Rejected("import.too_deep", max=MAX_DEPTH) from None
    if template_hash(template) != ref.hash or (template.id, template.version) != (ref.id, ref.version):
        raise Rejected("import.template_hash", id=ref.id, version=ref.version)
    return template
