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
from selfreview.forms.errors import TemplateError, TemplateErrors, named, place_of
from selfreview.forms.model import ITEM_KINDS, Template
from selfreview.messages import CATALOGUE, Message, msg
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
        raise TemplateErrors([TemplateError(shown, "", msg("forms.file_not_found"))]) from None
    except UnicodeDecodeError as e:
        raise TemplateErrors([TemplateError(shown, msg("forms.place.byte", n=e.start), msg("forms.not_utf8"))]) from None
    try:
        _refuse_aliases(text, shown)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        place = msg("forms.place.line", line=mark.line + 1, column=mark.column + 1) if mark else ""
        # PyYAML's own words ("could not find expected ':'") are English only: the place and the
        # file's characters it quotes are what the reader needs, so the Vietnamese names no detail
        detail = getattr(e, "problem", None) or str(e)
        plain = msg("forms.bad_yaml_plain")
        reason = Message("forms.bad_yaml", plain.vi, msg("forms.bad_yaml", detail=detail).en)
        raise TemplateErrors([TemplateError(shown, place, reason)]) from None


def _refuse_aliases(text: str, shown: str) -> None:
    """A template never needs YAML aliases (``*name``), and a few nested ones make a small file
    expand into gigabytes ("billion laughs"): refuse them before anything is built."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            place = msg("forms.place.line", line=mark.line + 1, column=mark.column + 1) if mark else ""
            raise TemplateErrors([TemplateError(shown, place, msg("forms.yaml_alias"))])


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
                                                        msg("forms.include_too_deep"))])
                target = (base / str(entry["include"])).resolve()
                fragment = _read_yaml(target, str(entry["include"]))
                sections = fragment.get("sections") if isinstance(fragment, dict) else None
                if not isinstance(sections, list):
                    raise TemplateErrors([TemplateError(
                        shown, f"parts[{p_index}].sections[{s_index}]",
                        msg("forms.include_no_sections", name=entry["include"]))])
                out.extend(sections)
            else:
                out.append(entry)
        part["sections"] = out
    return data


_SINGULAR = {"parts": "part", "sections": "section", "items": "item", "fields": "field", "options": "option",
             "criteria": "criterion", "behaviours": "behaviour", "levels": "level", "frequencies": "frequency",
             "identity": "identity", "bullets": "bullet"}


def _place(data: Any, loc: tuple[Any, ...]) -> Message:
    """Turn a pydantic location into a readable place, naming ids where the data has them."""
    steps: list[Message | str] = []
    node = data
    i = 0
    while i < len(loc):
        key = loc[i]
        if isinstance(key, int) and isinstance(node, list):
            node = node[key] if key < len(node) else None
            ident = node.get("id") if isinstance(node, dict) else None
            label = steps.pop() if steps else "entry"
            what = _SINGULAR.get(label, "entry") if isinstance(label, str) else "entry"
            if ident:
                steps.append(named(what, ident))
            else:
                word = msg(f"forms.what.{what}")
                steps.append(msg("forms.place.numbered", what=word.vi, what_en=word.en, n=key + 1))
        elif isinstance(key, str) and key in ITEM_KINDS and isinstance(node, dict) and node.get("kind") == key:
            pass  # the discriminator tag pydantic inserts: not a place in the file
        else:
            steps.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
        i += 1
    return place_of(*steps)


# the model's own validators (forms/model.py) raise ValueError with these words
_VALUE_ERRORS = [(re.compile(r"the Vietnamese text is empty"), "forms.vi_empty"),
                 (re.compile(r"step must be greater than 0"), "forms.step_not_positive"),
                 (re.compile(r"more than (?P<max>\d+) steps between min and max"), "forms.too_many_steps"),
                 (re.compile(r"a condition needs exactly one of 'equals' or 'in'"), "forms.condition_one_of"),
                 (re.compile(r"more than (?P<max>\d+) items"), "forms.too_many_items")]


def _reason(err: ErrorDetails) -> Message:
    kind = str(err.get("type"))
    loc = err.get("loc", ())
    ctx = err.get("ctx") or {}
    if kind == "union_tag_invalid":
        return msg("forms.unknown_kind", tag=ctx.get("tag"), known=", ".join(ITEM_KINDS))
    if kind == "union_tag_not_found":
        return msg("forms.no_kind")
    if kind == "missing":
        if loc and loc[-1] == "vi":
            return msg("forms.vi_missing")
        if loc and loc[-1] == "en":
            return msg("forms.en_missing")
        return msg("forms.key_missing", key=loc[-1] if loc else "?")
    if kind == "extra_forbidden":
        return msg("forms.unknown_key", key=loc[-1] if loc else "?")
    if kind == "value_error":
        said = str(ctx.get("error", ""))
        for pattern, code in _VALUE_ERRORS:
            found = pattern.search(said)
            if found:
                return msg(code, **found.groupdict())
    if f"forms.pydantic.{kind}" in CATALOGUE:
        try:
            return msg(f"forms.pydantic.{kind}", **{k: _shown(v) for k, v in ctx.items()})
        except (KeyError, IndexError):  # a pydantic release that names its context otherwise
            pass
    return msg("forms.invalid", type=kind)


def _shown(value: Any) -> Any:
    return value if isinstance(value, (int, str)) else str(value)


def template_from_data(data: Any, shown: str) -> Template:
    """Validate already-parsed template data (a file's content, or a template embedded in an invitation)."""
    if not isinstance(data, dict):
        raise TemplateErrors([TemplateError(shown, "", msg("forms.not_mapping"))])
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
