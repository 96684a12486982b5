"""The committee's roll-up from both sources: the rounds of cells whose members' reviews were
imported here directly (services/rollup_data.py), and the organisations' results files imported
here (one row per organisation; a committee's results count every member of its units).

The self-check counts of a results file arrive with small counts hidden (null): the roll-up adds
the counts it was given, so a behaviour's total is at least the number printed (docs/committee.md).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from selfreview.reports.data import Behaviour, CellRow, Header, ResponsibilityTally, RollupReport
from selfreview.reports.markup import vi_sort_key
from selfreview.services.committee.report import all_members
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.rollup_data import rollup_report
from selfreview.text import nfc


def result_row(report: dict[str, Any]) -> CellRow:
    """One row of the roll-up for one organisation's report (its units' members included)."""
    members = [m for _, m in all_members(report)]
    selfs = Counter(m["self_rating"] for m in members if m["self_rating"])
    cells = Counter(m["cell_rating"] for m in members if m["cell_rating"])
    return CellRow(report["organisation"]["name"], len(members), sum(1 for m in members if m["submitted"]),
                   dict(selfs), dict(cells), report["quota_percent"])


def add_responsibility(report: dict[str, Any], behaviours: dict[str, str], counts: dict[str, dict[str, int]]) -> int:
    """Add the report's visible self-check counts (and its units') into ``counts``; the
    respondents it reports (0 when hidden)."""
    resp = report["responsibility"]
    for b in resp["behaviours"]:
        behaviours.setdefault(b["id"], b["label"])
        by_freq = counts.setdefault(b["id"], {})
        for freq in ("sometimes", "often"):
            if b[freq]:
                by_freq[freq] = by_freq.get(freq, 0) + b[freq]
    respondents = resp["respondents"] or 0
    for u in report["units"]:
        respondents += add_responsibility(u, behaviours, counts)
    return respondents


def combined_rollup(ctx, period: str, min_count: int = 3, quota_percent: int = 20, place: str = "",
                    number: str = "", issuer: str | None = None, superior: str = "", signer: str = "",
                    progress=None, should_cancel=None) -> RollupReport:
    """The roll-up of ``period`` from the reviews imported here and the results imported here."""
    period = nfc(period).strip()
    results = [ctx.committee.organisation(r.id).report for r in ctx.committee.list_results(period)]
    try:
        base = rollup_report(ctx, period, min_count, quota_percent, place, number, issuer, superior, signer,
                             progress, should_cancel)
    except NotFound:
        if not results:
            raise
        if min_count < 1:
            raise ServiceError.of("report.bad_min_count", n=min_count) from None
        call = _own_call(ctx, period)
        base = RollupReport(header=Header(superior, issuer if issuer is not None else (call.committee_name if call
                                                                                       else ""),
                                          place, None, number, "-BC/ĐU"),
                            period=period, rows=(), signer=signer, min_count=min_count, quota_percent=quota_percent)
    if not results:
        return base
    behaviours = {b.id: b.label for b in base.responsibility.behaviours}
    counts = {k: dict(v) for k, v in base.responsibility.counts.items()}
    respondents = base.responsibility.respondents
    for report in results:
        respondents += add_responsibility(report, behaviours, counts)
    rows = sorted([*base.rows, *(result_row(r) for r in results)], key=lambda r: vi_sort_key(r.name))
    reported = {r["organisation"]["name"] for r in results}
    decided = Counter(m.decided_rating for r in ctx.committee.list_results(period)
                      for m in ctx.committee.organisation(r.id).members if m.decided_rating)
    return replace(base, rows=tuple(rows), without_round=tuple(n for n in base.without_round if n not in reported),
                   responsibility=ResponsibilityTally(tuple(Behaviour(k, v) for k, v in behaviours.items()),
                                                      counts, respondents),
                   decided_counts=dict(decided) if decided else None)


def _own_call(ctx, period: str):
    from selfreview.services.committee.cell import own_call
    return own_call(ctx, period)
