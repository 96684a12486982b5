"""The roll-up's data: every cell's round of a period, for the committee above, from a few narrow
queries (the report is drawn by ``selfreview.reports.rollup``; ``ReportingService.rollup_report``
calls :func:`rollup_report`). Also the small tallies the cell summary shares with it.

Of each current review only its summary is read (the proposed rating and the self-check,
``forms/summary.py``); a review without one (a draft, or written without it) has those two answers
read instead.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from selfreview.db.models import Answer, Assessment, Cell, Member, Review, ReviewRound, StoredTemplate
from selfreview.forms.model import Checklist
from selfreview.forms.summary import SUMMARY_VERSION, roles_from_data, summary_from
from selfreview.forms.summary import roles as summary_roles
from selfreview.cancel import check_cancel
from selfreview.reports.data import Behaviour, CellRow, Header, ResponsibilityTally, RollupReport
from selfreview.reports.markup import vi_sort_key
from selfreview.reports.page import Progress, ShouldCancel
from selfreview.services import templates
from selfreview.services.errors import NotFound, ServiceError
from selfreview.text import nfc

STEPS = 1000  # progress is reported as (done, STEPS)


def rating_level(value: Any) -> str | None:
    return value if value in ("htxsnv", "httnv", "htnv", "khtnv") else None


def tally(behaviours: dict[str, str], counts: Mapping[str, Mapping[str, int]], respondents: int) -> ResponsibilityTally:
    return ResponsibilityTally(tuple(Behaviour(k, v) for k, v in behaviours.items()),
                               {k: dict(c) for k, c in counts.items()}, respondents)


def add_behaviours(item: Checklist, behaviours: dict[str, str]) -> None:
    for b in item.behaviours:
        behaviours.setdefault(b.id, b.label.vi)


# the tables the roll-up reads with plain Core queries: rows as tuples, and no ORM mapper to set up
# (in a fresh process that alone is ~10 ms) or ORM statement to compile
REVIEW, MEMBER, ROUND, CELL, ASSESSMENT, ANSWER = (m.__table__ for m in (Review, Member, ReviewRound, Cell,
                                                                      Assessment, Answer))

# template hash -> (the proposed rating's question id, the responsibility checklist): a hash names
# one content for ever, so this holds for every data folder of the process
_ROLES: dict[str, tuple[str | None, Checklist | None]] = {}


def _template_roles(s: Session, wanted: dict[str, tuple[str, int]]) -> dict[str, tuple[str | None, Checklist | None]]:
    """The roles the roll-up reads (``forms.summary.roles``) of each template hash in ``wanted``
    (hash -> (id, version), for the error message). Read from the copy stored with the round when
    there is one (its JSON, with only the checklist validated: no YAML is parsed, no whole template
    validated), else from the template found the full way (``templates.by_hash``)."""
    missing = [d for d in wanted if d not in _ROLES]
    if missing:
        stored = StoredTemplate.__table__.c
        for digest, body in s.execute(select(stored.hash, stored.body).where(stored.hash.in_(missing))):
            try:
                _ROLES[digest] = roles_from_data(body)
            except ValueError:
                pass  # not the shape a stored template has: load it the full way below
        for digest in missing:
            if digest not in _ROLES:
                _ROLES[digest] = summary_roles(templates.by_hash(s, digest, *wanted[digest]))
    return {d: _ROLES[d] for d in wanted}


def _decode_all(texts: list[str]) -> list[Any]:
    """JSON texts (each one stored value) decoded in one call, as the items of one array: a third
    of the time of a call per text; one at a time if they do not make exactly one item each."""
    if texts:
        try:
            values = json.loads("[" + ",".join(texts) + "]")
            if len(values) == len(texts):
                return values
        except ValueError:
            pass
    return [json.loads(t) for t in texts]


def rollup_report(ctx, period: str, min_count: int = 3, quota_percent: int = 20, place: str = "",
                  number: str = "", issuer: str | None = None, superior: str = "", signer: str = "",
                  progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> RollupReport:
    """Every cell's round for ``period``: a few queries, no per-member template work."""
    if min_count < 1:
        raise ServiceError.of("report.bad_min_count", n=min_count)
    period = nfc(period).strip()
    rv, mb, rr, cl, asm, ans = (t.c for t in (REVIEW, MEMBER, ROUND, CELL, ASSESSMENT, ANSWER))
    with ctx.read() as s:
        conn = s.connection()  # plain Core rows: no ORM work per row, no mapper set up for them
        rounds = conn.execute(select(rr.id, cl.id, cl.name, cl.superior_body, rr.quota_percent)
                              .join_from(ROUND, CELL, cl.id == rr.cell_id)
                              .where(rr.period == period)).all()
        rounds.sort(key=lambda r: (vi_sort_key(r[2]), r[1]))
        if not rounds:
            raise NotFound.of("report.no_rounds", period=period)
        check_cancel(should_cancel)
        cell_of_round = {rid: cid for rid, cid, *_ in rounds}
        on_roster = (mb.cell_id == rr.cell_id, rr.period == period)
        members: Counter[int] = Counter(dict(conn.execute(
            select(mb.cell_id, func.count()).where(mb.cell_id.in_(set(cell_of_round.values())))
            .group_by(mb.cell_id)).all()))
        # each current review of a member on its round's roster, as its summary (forms/summary.py,
        # kept when it was finalized or imported); the self-check as the JSON text it is stored as
        reviews: dict[tuple[int, int], tuple] = {  # (round, member) -> the row; the newest wins
            (row[0], row[1]): row for row in conn.execute(
                select(rv.round_id, rv.member_id, rv.id, rv.template_hash, rv.template_id, rv.template_version,
                       rv.summary_version, rv.self_rating, cast(rv.self_check, Text))
                .join_from(REVIEW, MEMBER, mb.id == rv.member_id)
                .join(ROUND, rr.id == rv.round_id)
                .where(rv.is_current, *on_roster).order_by(rv.id)).all()}
        check_cancel(should_cancel)
        if progress:
            progress(int(STEPS * 0.1), STEPS)
        roles = _template_roles(s, {digest: (tid, ver) for _, _, _, digest, tid, ver, *_ in reviews.values()})
        behaviours: dict[str, str] = {}
        for _, c in roles.values():
            if c is not None:
                add_behaviours(c, behaviours)
        # counted with Counter over lists (its C loop), not a Python loop per review
        current = list(reviews.values())
        submitted: Counter[int] = Counter([r[0] for r in current])  # round -> reviews
        summarised = [r for r in current if r[6] == SUMMARY_VERSION]
        # (round, rating) -> people; stored self-checks (their JSON text) -> people
        ratings: Counter[tuple[int, str]] = Counter([(r[0], r[7]) for r in summarised if r[7]])
        texts: Counter[str] = Counter([r[8] for r in summarised if r[8] is not None])
        # review -> (round, template): a draft, or written without its summary
        unsummarised: dict[int, tuple[int, str]] = {r[2]: (r[0], r[3]) for r in current
                                                     if r[6] != SUMMARY_VERSION}
        checks: list[dict[str, str]] = []  # self-checks read from the answers
        if unsummarised:  # their answers, as they are now
            qids = {q for _, d in unsummarised.values() for q in (roles[d][0], getattr(roles[d][1], "id", None))
                    if q}
            answers: dict[int, dict[str, Any]] = {rid: {} for rid in unsummarised}
            for rid, qid, value in conn.execute(
                    select(ans.review_id, ans.question_id, ans.value)
                    .join_from(ANSWER, REVIEW, rv.id == ans.review_id)
                    .where(rv.round_id.in_(cell_of_round), rv.is_current, ans.question_id.in_(qids))):
                if rid in answers:
                    answers[rid][qid] = value
            for rid, (round_id, digest) in unsummarised.items():
                summary = summary_from(*roles[digest], answers[rid])
                if summary["self_rating"]:
                    ratings[round_id, summary["self_rating"]] += 1
                if summary["self_check"] is not None:
                    checks.append(summary["self_check"])
        selfs: dict[int, dict[str, int]] = {rid: {} for rid in cell_of_round}  # round -> rating -> people
        for (round_id, rating), n in ratings.items():
            selfs[round_id][rating] = n
        counts: dict[str, dict[str, int]] = {}  # behaviour -> frequency -> people
        respondents = 0
        for check, n in [*((c, 1) for c in checks), *zip(_decode_all(list(texts)), texts.values())]:
            if isinstance(check, dict):  # (always, as forms/summary.py writes it)
                respondents += n
                for bid, freq in check.items():
                    by_freq = counts.get(bid)
                    if by_freq is None:
                        by_freq = counts[bid] = {}
                    by_freq[freq] = by_freq.get(freq, 0) + n
        check_cancel(should_cancel)
        assessed: dict[int, Counter[str]] = {rid: Counter() for rid in cell_of_round}  # round -> ratings
        for round_id, rating, n in conn.execute(
                select(asm.round_id, asm.proposed_rating, func.count())
                .join_from(ASSESSMENT, MEMBER, mb.id == asm.member_id)
                .join(ROUND, rr.id == asm.round_id)
                .where(*on_roster).group_by(asm.round_id, asm.proposed_rating)):
            if rating_level(rating):
                assessed[round_id][rating] += n
        rows = [CellRow(name, members[cid], submitted[round_id], dict(selfs[round_id]), dict(assessed[round_id]),
                        percent or 20) for round_id, cid, name, _, percent in rounds]
        with_round = set(cell_of_round.values())
        without = tuple(sorted((n for cid, n in conn.execute(select(cl.id, cl.name)) if cid not in with_round),
                               key=vi_sort_key))
        bodies = Counter(sup for _, _, _, sup, _ in rounds if sup and sup.strip())
        issuer = issuer if issuer is not None else (bodies.most_common(1)[0][0] if bodies else "")
        header = Header(superior, issuer, place, None, number, "-BC/ĐU")
        if progress:
            progress(int(STEPS * 0.3), STEPS)
        return RollupReport(header=header, period=period, rows=tuple(rows), without_round=without,
                            responsibility=tally(behaviours, counts, respondents), signer=signer,
                            min_count=min_count, quota_percent=quota_percent)
