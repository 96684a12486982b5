"""Import a member's own Word kiểm điểm into a draft review: read the .docx (python-docx), place its
text with ``forms.text_import`` and show the plan; nothing is written until the member accepts, and
then every answer of the plan is written in one transaction (all or nothing)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from selfreview.db.models import Answer, Review, utcnow
from selfreview.forms.answers import AnswerError, coerce
from selfreview.forms.text_import import ImportPlan, Paragraph, answer_value, plan_import
from selfreview.messages import msg
from selfreview.services import audit, templates
from selfreview.services.errors import Locked, NotFound, ServiceError
from selfreview.text import nfc

MAX_BYTES = 20 * 1024 * 1024  # a kiểm điểm is a few pages; anything larger is not one


@dataclass
class WordPreview:
    """What an import would do: the plan, and which questions already hold an answer it would replace."""

    review_id: int
    file: str
    plan: ImportPlan
    replaces: dict[str, bool]  # question id -> it has an answer now


def read_docx(path: str | Path) -> list[Paragraph]:
    """The paragraphs of a Word file in reading order (table cells line by line), NFC; a paragraph is
    marked as a heading when its style is a heading/title style or all its text is bold."""
    from docx import Document
    from docx.opc.exceptions import OpcError
    from docx.oxml.ns import qn
    from lxml.etree import XMLSyntaxError
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ServiceError.of("docx_import.too_large", name=path.name)
        doc = Document(str(path))
    except ServiceError:
        raise
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, OpcError, XMLSyntaxError) as e:
        # not a file, not a zip, a zip without a Word document in it, a damaged part
        raise ServiceError.of("docx_import.unreadable", name=path.name, reason=type(e).__name__) from None

    def one(p: DocxParagraph) -> Paragraph:
        style = (p.style.name if p.style is not None else "") or ""
        runs = [r for r in p.runs if r.text.strip()]
        bold = bool(runs) and all(r.bold for r in runs)
        return Paragraph(nfc(p.text), style.lower().startswith(("heading", "title")) or bold)

    out: list[Paragraph] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(one(DocxParagraph(child, doc)))
        elif child.tag == qn("w:tbl"):
            for row in Table(child, doc).rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per column it spans
                        continue
                    seen.add(id(cell._tc))
                    out += [one(p) for p in cell.paragraphs]
    return out


class WordImport:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def _draft(self, s, review_id: int) -> Review:
        r = s.get(Review, review_id)
        if r is None:
            raise NotFound.of("review.not_found", id=review_id)
        if r.status != "draft":
            raise Locked(msg("review.locked"))
        return r

    def preview(self, review_id: int, path: str | Path) -> WordPreview:
        """Read ``path`` and plan where its text goes in the review; writes nothing."""
        with self.ctx.read() as s:
            r = self._draft(s, review_id)
            t = templates.by_hash(s, r.template_hash, r.template_id, r.template_version)
            has = set(s.scalars(select(Answer.question_id).where(Answer.review_id == review_id)))
        plan = plan_import(t, read_docx(path))
        return WordPreview(review_id, Path(path).name, plan, {p.question_id: p.question_id in has
                                                              for p in plan.placements})

    def apply(self, preview: WordPreview) -> list[str]:
        """Write the accepted plan into the review (replacing those questions' answers), all in one
        transaction; returns the question ids written."""
        if preview.plan.empty:
            raise ServiceError.of("docx_import.nothing", name=preview.file)
        with self.ctx.session() as s:
            r = self._draft(s, preview.review_id)
            t = templates.by_hash(s, r.template_hash, r.template_id, r.template_version)
            index = t.item_index()
            values: dict[str, Any] = {}
            for p in preview.plan.placements:  # every value checked before anything is written
                item = index.get(p.question_id)
                if item is None:
                    raise ServiceError(msg("review.unknown_question", qid=p.question_id))
                try:
                    values[p.question_id] = coerce(item, answer_value(p, item))
                except AnswerError as e:
                    raise ServiceError(e.message) from None
            now = utcnow()
            for qid, value in values.items():
                row = s.get(Answer, (r.id, qid))
                if row is None:
                    s.add(Answer(review_id=r.id, question_id=qid, value=value, updated_at=now))
                else:
                    row.value, row.updated_at = value, now
            r.updated_at = now
            audit.record(s, "review.imported_docx", review_id=r.id, file=preview.file, questions=sorted(values))
        return list(values)
