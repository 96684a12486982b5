"""Step 2 of an import, **check**: what one response file needs no database for. Read it
(size-limited), hash it, open, decrypt, verify and parse it (``exchange.response.read_response``),
and, when its form is a bundled one, coerce its answers and hash them. Pure functions on plain data,
so that they can run in a worker process (:mod:`.workers`) as well as in the importer's own.

What they return, :class:`Checked`, is plain picklable data: a refusal is carried as its
:class:`~selfreview.messages.Message`, never as an exception object.
"""

from __future__ import annotations

import hashlib
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selfreview.db.jsontext import dumps
from selfreview.exchange.envelope import read_limited
from selfreview.exchange.errors import Rejected
from selfreview.exchange.keys import PrivateIdentity
from selfreview.exchange.response import ResponseDoc, read_response
from selfreview.forms.answers import AnswerError, coerce, content_hash
from selfreview.forms.finalcheck import final_issues
from selfreview.forms.model import Template
from selfreview.forms.summary import roles, summary_from
from selfreview.messages import Message, msg


@dataclass
class Coerced:
    """A file's answers checked against its (bundled) form, ahead of time: either the stored form of
    every answer and their content hash, or why they were refused."""

    template_hash: str
    answers: dict[str, Any] | None = None
    digest: str = ""
    rejection: Message | None = None
    texts: dict[str, str] | None = None  # each answer as the JSON text the database stores
    summary: dict[str, Any] | None = None  # the review's summary columns (forms/summary.py)


@dataclass
class Checked:
    """One file after the checks that need no database."""

    path: Path
    sha: str = ""
    doc: ResponseDoc | None = None
    rejection: Message | None = None  # refused by a check (the receipt's reason)
    error: str | None = None  # an unexpected failure: "Type: text", for an ``import.failed`` receipt
    trace: str = ""  # its traceback, when it happened in a worker process (logged by the importer)
    coerced: Coerced | None = None  # filled by a worker for bundled forms; else the importer coerces

    @property
    def refused(self) -> bool:
        return self.doc is None


def failure_text(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}"[:300]


def rejection(message: Message) -> Rejected:
    """A :class:`Rejected` carrying a message made elsewhere (in a worker process)."""
    e = Rejected.__new__(Rejected)
    Exception.__init__(e, message.en)
    e.code, e.message = message.code, message
    return e


def check_file(path: Path, secretary: PrivateIdentity | None, secretary_enc: str | None,
               in_worker: bool = False) -> Checked:
    """Read, hash, decrypt, verify and parse one file. ``in_worker``: also coerce its answers when
    its form is bundled, and catch unexpected failures with their traceback (the importer logs it)."""
    out = Checked(path)
    try:
        raw = read_limited(path)
        out.sha = hashlib.sha256(raw).hexdigest()
        out.doc = read_response(raw, secretary, secretary_enc)
    except Rejected as e:
        out.rejection = e.message
        return out
    except Exception as e:  # noqa: BLE001 - a bug must not stop the other files; the receipt says it
        if not in_worker:
            raise
        out.error, out.trace = failure_text(e), traceback.format_exc()
        return out
    if in_worker:
        out.coerced = _coerce_bundled(out.doc)
    return out


def _coerce_bundled(doc: ResponseDoc) -> Coerced | None:
    from selfreview.forms import registry

    info = registry.find_by_hash(doc.template.hash)
    if info is None:  # a stored or embedded form: the importer finds it in the database
        return None
    try:
        return prepare_answers(info.hash, info.template, _index(info.hash, info.template), doc.answers)
    except Rejected as e:
        return Coerced(info.hash, rejection=e.message)
    except Exception:  # noqa: BLE001 - let the importer meet it in its own process, where it is logged
        return None


def prepare_answers(template_hash: str, template: Template, index: dict[str, Any], raw: dict[str, Any]) -> Coerced:
    """Every answer of a file checked against its form (:func:`coerce_all`, raising ``Rejected``),
    and what the importer writes of them: each as JSON text, their content hash, the review's
    summary columns. The same in a worker process and in the importer's own."""
    answers = coerce_all(index, raw)
    refuse_unfinished(template, index, answers)
    texts = {q: dumps(v) for q, v in answers.items()}
    return Coerced(template_hash, answers, content_hash(answers, texts), texts=texts,
                   summary=summary_from(*_roles_of(template_hash, template), answers))


_indexes: dict[str, dict[str, Any]] = {}
_roles: dict[str, tuple[Any, Any]] = {}


def _roles_of(digest: str, template: Template) -> tuple[Any, Any]:
    found = _roles.get(digest)
    if found is None:
        found = _roles[digest] = roles(template)
    return found


def _index(digest: str, template: Template) -> dict[str, Any]:
    index = _indexes.get(digest)
    if index is None:
        index = _indexes[digest] = template.item_index()
    return index


def refuse_unfinished(template: Template, index: dict[str, Any], answers: dict[str, Any]) -> None:
    """A finalized review that the member's own finalize would refuse (forms/finalcheck.py) is
    refused here too, naming the first answer at fault."""
    issues = final_issues(template, answers)
    if not issues:
        return
    first = issues[0]
    item = index.get(first.question_id)
    label_vi = item.label.vi if item is not None else first.question_id
    label_en = item.label.en if item is not None else first.question_id
    raise Rejected("import.incomplete", qid=first.question_id, label=_short(label_vi), label_en=_short(label_en),
                   reason=first.message.vi, reason_en=first.message.en)


def _short(label: str, n: int = 120) -> str:
    label = " ".join(label.split())
    return label if len(label) <= n else label[:n - 1] + "…"


def coerce_all(index: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    """Every answer checked against its question, in the form the review service stores."""
    out: dict[str, Any] = {}
    for qid, value in raw.items():
        item = index.get(qid)
        if item is None or not item.stores_answer:
            m = msg("review.unknown_question", qid=qid)
            raise Rejected("import.bad_answer", qid=qid, reason=m.vi, reason_en=m.en)
        try:
            stored = coerce(item, value)
        except AnswerError as e:
            raise Rejected("import.bad_answer", qid=qid, reason=e.message.vi, reason_en=e.message.en) from None
        except (TypeError, ValueError, ArithmeticError):
            m = msg("import.wrong_type")
            raise Rejected("import.bad_answer", qid=qid, reason=m.vi, reason_en=m.en) from None
        if stored is not None:
            out[qid] = stored
    return out
