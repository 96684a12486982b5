"""Form templates as data: the model, the loader with its checks, answer validation."""

from selfreview.forms.errors import TemplateError, TemplateErrors
from selfreview.forms.loader import canonical_json, load_template, template_from_data, template_hash
from selfreview.forms.model import Template

__all__ = ["Template", "TemplateError", "TemplateErrors", "canonical_json", "load_template",
           "template_from_data", "template_hash"]
