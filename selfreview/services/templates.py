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
    """Keep a non-bundled template (e.g. embedded in an invitation); returns its hash."""
    digest = template_hash(template)
    if registry.find_by_hash(digest) is None and session.get(StoredTemplate, digest) is None:
        session.add(StoredTemplate(hash=digest, template_id=template.id, version=template.version,
                                   body=template.model_dump(mode="json", by_alias=True, exclude_none=True)))
    _cache[digest] = template
    return digest
