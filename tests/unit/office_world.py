"""One data folder with what every Office output needs (a cell with reviews and a committee
assessment, a second cell with a meeting and the collective's Mẫu 01), and every DOCX/XLSX written
from it once per test module: ``make_world(folder)``."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from answers_2b import complete_2b
from reports_fixtures import COLLECTIVE, DIRECTION, DUTIES_LINES, PLEDGE, QUALITY, make_cell
from roster_helpers import hand_in, setup_cell

from selfreview.services.context import AppContext


@dataclass
class World:
    data: Path
    out: Path
    files: dict[str, Path] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)  # every member's name in the first cell
    answers: list[str] = field(default_factory=list)  # answers of the review written out
    rollup: Any = None  # the RollupReport the roll-up files were made from


def make_world(folder: Path) -> World:
    data, out = folder / "data", folder / "out"
    data.mkdir()
    out.mkdir()
    ctx = AppContext.open(data)
    try:
        ctx.reports.set_place("Hà Nội")
        cell = make_cell(ctx, folder)
        # a second cell with a meeting, votes and the collective's own review (Mẫu 01)
        vp, rnd, m = setup_cell(ctx)
        for name in m:
            hand_in(ctx, rnd, m[name], datetime(2025, 12, 1, 1, 0), complete_2b())
        rid = ctx.collective.open(rnd.id).summary.id
        for qid, value in (("b1_general", 27), ("b1_tasks", 60), ("b2_proposed", "httnv")):
            ctx.reviews.save_answer(rid, qid, value)
        ctx.meetings.update(rnd.id, starts_at=datetime(2025, 12, 15, 14, 0), ends_at=datetime(2025, 12, 15, 17, 30),
                            place="Phòng họp tầng 3, trụ sở Sở Nội vụ", chair="Nguyễn Văn An",
                            recorder="Trần Thị Bình", conclusions="Hội nghị nhất trí đề xuất xếp loại như trên.")
        ctx.meetings.mark_all_present(rnd.id)
        ctx.meetings.set_attendance(rnd.id, m["Phạm Thị Dung"].id, False, "Ốm, có giấy xin phép")
        ctx.meetings.record_result(rnd.id, m["Lê Văn Cường"].id, {"htxsnv": 3, "httnv": 1}, "htxsnv",
                                   "Đồng chí Nguyễn Văn An: đề nghị phát huy.")
        w = World(data, out)
        w.names = list(cell.members)
        w.answers = [QUALITY, PLEDGE, COLLECTIVE, DIRECTION] + [f"- {line}" for line in DUTIES_LINES]
        w.files["review"] = ctx.reports.write_review(cell.reviews["Trần Thị Bích Ngọc"], out / "ban-kiem-diem.docx",
                                                     attach_selfcheck=True)  # with the self-check's table
        w.files["review_plain"] = ctx.reports.write_review(cell.reviews["Trần Thị Bích Ngọc"],
                                                           out / "ban-kiem-diem-mau.docx")
        w.files["collective"] = ctx.reports.write_review(rid, out / "mau-01.docx")
        w.files["cell"] = ctx.reports.write_cell(cell.cell_id, "2025", out / "tong-hop-chi-bo.docx")
        w.files["minutes"] = ctx.meetings.write_minutes(rnd.id, out / "bien-ban.docx")
        w.files["rollup"] = ctx.reports.write_rollup("2025", out / "tong-hop-dang-bo.docx", issuer="Đảng bộ Sở Nội vụ",
                                                     signer="Hoàng Văn Giang")
        w.files["rollup_xlsx"] = ctx.reports.write_rollup("2025", out / "tong-hop-excel.xlsx",
                                                          issuer="Đảng bộ Sở Nội vụ")
        w.rollup = ctx.reports.rollup_report("2025", issuer="Đảng bộ Sở Nội vụ")
    finally:
        ctx.close()
    return w


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
