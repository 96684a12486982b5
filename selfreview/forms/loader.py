"""Load a template file: YAML → includes resolved → pydantic model → whole-template checks.

Every problem becomes a ``TemplateError`` naming the file, the place (by ids, e.g.
``part 'a' > section 'a_iii' > item 'x' > max_length``) and the reason.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from selfreview.forms.checks import check_template
from selfreview.forms.errors import TemplateError, TemplateErrors
from selfreview.forms.model import ITEM_KINDS, Template
from selfreview.text import nfc_deep

MAX_INCLUDE_DEPTH = 4


if TYPE_CHECKING:
    from yaml import SafeLoader as _FastSafeLoader  # CSafeLoader has SafeLoader's interface
else:
    _FastSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it


class _Loader(_FastSafeLoader):
    """YAML 1.2 booleans: only true/false. (YAML 1.1 turns yes/no/on/off into booleans, which
    would silently break option values such as ``value: no``.)"""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))


def _read_yaml(path: Path, shown: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateErrors([TemplateError(shown, "", "file not found")]) from None
    except UnicodeDecodeError as e:
        raise TemplateErrors([TemplateError(shown, f"byte {e.start}", "the file is not UTF-8 text")]) from None
    try:
        _refuse_aliases(text, shown)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(e, "problem", None) or str(e)
        raise TemplateErrors([TemplateError(shown, place, f"not valid YAML: {reason}")]) from None


def _refuse_aliases(text: str, shown: str) -> None:
    """A template never needs YAML aliases (``*name``), and a few nested ones make a small file
    expand into gigabytes ("billion laughs"): refuse them before anything is built."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            raise TemplateErrors([TemplateError(shown, place, "YAML aliases (*name) are not allowed in a form")])


def _resolve_includes(data: Any, base: Path, shown: str, depth: int = 0) -> Any:
    """Replace ``{include: path}`` entries in a part's section list by the sections of that file."""
    if not isinstance(data, dict):
        return data
    parts = data.get("parts")
    if not isinstance(parts, list):
        return data
    for p_index, part in enumerate(parts):
        if not isinstance(part, dict) or not isinstance(part.get("sections"), list):
            continue
        out = []
        for s_index, entry in enumerate(part["sections"]):
            if isinstance(entry, dict) and set(entry) == {"include"}:
                if depth >= MAX_INCLUDE_DEPTH:
                    raise TemplateErrors([TemplateError(shown, f"parts[{p_index}].sections[{s_index}]",
                                                        "includes nested too deeply")])
                target = (base / str(entry["include"])).resolve()
                fragment = _read_yaml(target, str(entry["include"]))
                sections = fragment.get("sections") if isinstance(fragment, dict) else None
                if not isinstance(sections, list):
                    raise TemplateErrors([TemplateError(
                        shown, f"parts[{p_index}].sections[{s_index}]",
                        f"included file '{entry['include']}' has no 'sections' list")])
                out.extend(sections)
            else:
                out.append(entry)
        part["sections"] = out
    return data


def _place(data: Any, loc: tuple[Any, ...]) -> str:
    """Turn a pydantic location into a readable place, naming ids where the data has them."""
    words: list[str] = []
    node = data
    i = 0
    while i < len(loc):
        key = loc[i]
        if isinstance(key, int) and isinstance(node, list):
            node = node[key] if key < len(node) else None
            ident = node.get("id") if isinstance(node, dict) else None
            label = words.pop() if words else "entry"
            singular = {"parts": "part", "sections": "section", "items": "item", "fields": "field",
                        "options": "option", "criteria": "criterion", "behaviours": "behaviour",
                        "levels": "level", "frequencies": "frequency", "identity": "identity field",
                        "bullets": "bullet"}.get(label, label)
            words.append(f"{singular} '{ident}'" if ident else f"{singular} #{key + 1}")
        elif isinstance(key, str) and key in ITEM_KINDS and isinstance(node, dict) and node.get("kind") == key:
            pass  # the discriminator tag pydantic inserts: not a place in the file
        else:
            words.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
        i += 1
    return " > ".join(words)


def _reason(err: ErrorDetails) -> str:
    kind = err.get("type")
    loc = err.get("loc", ())
    if kind == "union_tag_invalid":
        ctx = err.get("ctx", {})
        return f"unknown question kind '{ctx.get('tag')}' (known: {', '.join(ITEM_KINDS)})"
    if kind == "union_tag_not_found":
        return "the item has no 'kind'"
    if kind == "missing":
        if loc and loc[-1] == "vi":
            return "the Vietnamese text (vi) is missing"
        if loc and loc[-1] == "en":
            return "the English text (en) is missing"
        return f"required key '{loc[-1]}' is missing" if loc else "required key missing"
    if kind == "extra_forbidden":
        return f"unknown key '{loc[-1]}'"
    return err.get("msg", "invalid")


def template_from_data(data: Any, shown: str) -> Template:
    """Validate already-parsed template data (a file's content, or a template embedded in an invitation)."""
    if not isinstance(data, dict):
        raise TemplateErrors([TemplateError(shown, "", "a template must be a mapping at the top level")])
    data = nfc_deep(data)
    try:
        template = Template.model_validate(data)
    except ValidationError as e:
        errors = []
        for err in e.errors():
            loc = tuple(err.get("loc", ()))
            # pydantic reports an unknown tag at the item; drop the duplicate per-branch errors
            errors.append(TemplateError(shown, _place(data, loc), _reason(err)))
        raise TemplateErrors(errors) from None
    problems = check_template(template)
    if problems:
        raise TemplateErrors([TemplateError(shown, place, reason) for place, reason in problems])
    return template


def load_template(path: str | Path) -> Template:
    """Load and check one template file; raises ``TemplateErrors``."""
    path = Path(path)
    shown = str(path)
    data = _read_yaml(path, shown)
    data = _resolve_includes(data, path.parent, shown)
    return template_from_data(data, shown)


def canonical_json(template: Template) -> bytes:
    """The template as canonical JSON: what is embedded in invitations and what is hashed."""
    body = template.model_dump(mode="json", by_alias=True, exclude_none=True)
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def template_hash(template: Template) -> str:
    """sha256 of the canonical JSON, hex."""
    return hashlib.sha256(canonical_json(template)).hexdigest()
