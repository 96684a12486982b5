"""A member's full review as an organisation sent it in its results (``--with-reviews``), checked
against its form like an imported file, and printed as the member's review PDF with the
organisation's proposal and the committee's decision in the committee block (drill-down to a
member: docs/committee.md)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from selfreview.exchange.embedded import embedded_template
from selfreview.exchange.errors import Rejected
from selfreview.exchange.response import TemplateRef
from selfreview.forms import registry
from selfreview.reports.atomic import atomic_path
from selfreview.reports.data import CommitteeView, Header, ReviewReport
from selfreview.reports.markup import vi_date
from selfreview.services.committee.report import all_members
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.importing.checks import coerce_all


def member_report(ctx, result_id: int, unit_uid: str, ref: str) -> ReviewReport:
    detail = ctx.committee.organisation(result_id)
    for unit, m in all_members(detail.report):
        if unit["organisation"]["uid"] == unit_uid and m["ref"] == ref:
            break
    else:
        raise NotFound.of("results.no_member", ref=ref)
    review = m["review"]
    if review is None:
        raise ServiceError.of("results.no_review", name=m["full_name"])
    t = review["template"]
    tref = TemplateRef(t["id"], t["version"], t["hash"])
    try:
        info = registry.find_by_hash(tref.hash)
        if info is not None:
            template = info.template
        elif "body" in t:
            template = embedded_template(t["body"], tref)
        else:
            raise Rejected("import.unknown_template", id=tref.id, version=tref.version)
        answers = coerce_all(template.item_index(), review["answers"])
    except Rejected as e:
        raise ServiceError(e.message) from None
    org = unit["organisation"]
    identity = {"full_name": m["full_name"], "date_of_birth": vi_date(_day(m["date_of_birth"])),
                "party_post": m["post"], "government_post": "", "mass_org_post": "", "work_unit": "",
                "cell": org["name"]}
    return ReviewReport(header=Header(org["superior_body"], org["name"], ctx.reports.place()), template=template,
                        period=unit["period"], owner=m["full_name"], identity=identity, answers=answers,
                        committee=CommitteeView("", m["cell_rating"], m["decided_rating"]), status="finalized")


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def write_member_review(ctx, result_id: int, unit_uid: str, ref: str, out: str | os.PathLike[str]) -> Path:
    from selfreview.reports.review_pdf import write_review
    report = member_report(ctx, result_id, unit_uid, ref)
    out = Path(out)
    with atomic_path(out) as tmp:
        write_review(report, str(tmp), ctx.reports.page_setup())
    return out
