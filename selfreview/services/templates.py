"""Find the template a review was written against: bundled, or stored from an invitation."""

from __future__ import annotations

from sqlalchemy.orm import Session

from selfreview.db.models import StoredTemplate
from selfreview.forms import registry
from selfreview.forms.loader import template_from_data, template_hash
from selfreview.forms.model import Template
from selfreview.services.errors import ServiceError

_cache: dict[str, Template] = {}


def by_hash(session: Session, digest: str, template_id: str = "", version: int = 0) -> Template:
    """The template with this content hash; raises ``ServiceError`` when it is not known here."""
    if digest in _cache:
        return _cache[digest]
    info = registry.find_by_hash(digest)
    if info is not None:
        template = info.template
    else:
        stored = session.get(StoredTemplate, digest)
        if stored is None:
            raise ServiceError.of("template.unknown", id=template_id, version=version)
        template = template_from_data(stored.body, f"stored template {template_id} v{version}")
    _cache[digest] = template
    return template


def store(session: Session, template: Template) -> str:
    """Keep a copy of a template that a round or a review refers to; returns its hash.

    Bundled templates are stored too: a later version of the app may ship a changed YAML, and
    every review must still open with the exact template it was written against.
    """
    digest = template_hash(template)
    if session.get(StoredTemplate, digest) is None:
        session.add(StoredTemplate(hash=digest, template_id=template.id, version=template.version,
                                   body=template.model_dump(mode="json", by_alias=True, exclude_none=True)))
    _cache[digest] = template
    return digest
