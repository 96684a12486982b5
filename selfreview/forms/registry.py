"""The bundled templates (``resources/forms/*.yaml``), loaded once and looked up by id and version."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from selfreview.forms.loader import load_template, template_hash
from selfreview.forms.model import Template
from selfreview.paths import forms_dir


@dataclass(frozen=True)
class TemplateInfo:
    template: Template
    path: Path
    hash: str


def bundled_template_files() -> list[Path]:
    """Every template file shipped with the app (fragments in sub-folders are not templates)."""
    return sorted(forms_dir().glob("*.yaml"))


@lru_cache(maxsize=1)
def bundled() -> dict[tuple[str, int], TemplateInfo]:
    out: dict[tuple[str, int], TemplateInfo] = {}
    for path in bundled_template_files():
        t = load_template(path)
        out[(t.id, t.version)] = TemplateInfo(t, path, template_hash(t))
    return out


def find(template_id: str, version: int | None = None) -> TemplateInfo | None:
    """The bundled template with this id (the newest version when ``version`` is None)."""
    matches = [info for (tid, ver), info in bundled().items() if tid == template_id
               and (version is None or ver == version)]
    return max(matches, key=lambda i: i.template.version) if matches else None


def find_by_hash(digest: str) -> TemplateInfo | None:
    return _by_hash().get(digest)


@lru_cache(maxsize=1)
def _by_hash() -> dict[str, TemplateInfo]:
    return {info.hash: info for info in bundled().values()}


def for_category(category: str, rule_set: str = "HD43-2025") -> TemplateInfo | None:
    """The form proposed for a member category under a rule set."""
    matches = [i for i in bundled().values()
               if i.template.category.value == category and i.template.rule_set == rule_set]
    return max(matches, key=lambda i: i.template.version) if matches else None
