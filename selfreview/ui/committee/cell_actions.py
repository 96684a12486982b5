"""The cell secretary's two steps towards the committee (from the documents page): open the
committee's call for results, and write the cell's results file for it (docs/committee.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from selfreview.services.committee.cell import CALL_SUFFIX, RESULTS_SUFFIX
from selfreview.services.exchange import slug
from selfreview.ui.i18n import arg
from selfreview.ui.operations import Operations, present_error


def tr(text: str) -> str:
    return QCoreApplication.translate("CellResults", text)


def open_call(exporter: Any) -> Any:
    """Ask for the committee's call file, show who sent it (and the key to compare by phone), keep it."""
    ctx, dialogs, ws = exporter.ctx, exporter.dialogs, exporter.workspace
    path = dialogs.open_file(ws, tr("Open the committee's call for results"),
                             arg(tr("Calls for results (*%1)"), CALL_SUFFIX))
    if not path:
        return None
    try:
        info = ctx.results.read_call(path)
    except Exception as e:  # noqa: BLE001 - shown to the person
        present_error(dialogs, ws, e)
        return None
    text = arg(tr("%1 asks for the results of period %2 (key fingerprint %3: compare it by phone). "
                  "Keep this call?"), info.committee, info.period, info.fingerprint)
    if not dialogs.confirm(ws, tr("Call for results"), text, tr("Keep it")):
        return None
    sec = ctx.profiles.secretary()
    kept: list[Any] = []  # on the one writer (at once with the synchronous runner of the tests)
    Operations(exporter.runner, dialogs, ws).write(ctx.results.open_call, info, sec.id if sec else None).success(
        kept.append).run()
    return kept[0] if kept else None


def write_results(exporter: Any, round_id: int, with_reviews: bool) -> Any:
    """Ask where to save the results, write them as a job (signed, encrypted to the committee)."""
    ctx = exporter.ctx
    r = ctx.cells.get_round(round_id)
    out = exporter._ask(tr("Save the results for the committee"), f"ket-qua-{slug(r.cell)}-{slug(r.period)}",
                        RESULTS_SUFFIX, arg(tr("Results (*%1)"), RESULTS_SUFFIX))
    if out is None:
        return None
    return _write(exporter, round_id, with_reviews, out)


def _write(exporter: Any, round_id: int, with_reviews: bool, out: Path) -> Any:
    ctx, ws = exporter.ctx, exporter.workspace
    ops = Operations(exporter.runner, exporter.dialogs, ws)
    passphrase = ws.key.passphrase

    def failed(e: Exception) -> None:
        if not ws.key.retry(e, ws, lambda: _write(exporter, round_id, with_reviews, out)):
            ops.present(e)

    return (ops.job(lambda _p: ctx.results.write_results(out, round_id=round_id, with_reviews=with_reviews,
                                                         passphrase=passphrase))
            .with_progress(tr("Results for the committee"), arg(tr("Writing %1…"), out.name), cancellable=False)
            .success(lambda _r: exporter.written.emit(str(out))).failure(failed).run())
