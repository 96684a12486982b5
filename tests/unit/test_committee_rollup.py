"""The committee's roll-up from both sources: its own cell's reviews imported directly, and the
results files of the organisations that report to it."""

from __future__ import annotations

from datetime import datetime

from committee_kit import Cell, call, office
from pypdf import PdfReader
from roster_helpers import hand_in, setup_cell


def test_rollup_from_reviews_and_results(tmp_path):
    committee = office(tmp_path / "committee", "Lê Thị Mai", "Đảng ủy Sở Nội vụ")
    # the committee's own members: a cell of its own, reviews imported directly
    _, rnd, own = setup_cell(committee, people=[("Hồ Văn Khoa", "non_leader", None, ""),
                                                ("Vũ Thị Lan", "non_leader", None, "")])
    for m in own.values():
        hand_in(committee, rnd, m, datetime(2025, 12, 1, 1, 0))
    cell = Cell(tmp_path / "cell")
    path, _ = call(committee, tmp_path / "call.selfreview-results-invite", orgs=["Chi bộ Văn phòng"])
    cell.ctx.results.open_call(path, 1)
    for name in ("Trần Thị Bình", "Lê Văn Cường"):
        cell.ctx.assessments.set_assessment(cell.round.id, cell.id(name), proposed_rating="httnv")
    committee.exchange.import_paths([cell.ctx.results.write_results(tmp_path / "r.selfreview-results",
                                                                    round_id=cell.round.id).path])
    report = committee.reports.rollup_report("2025")
    # the committee's own cell has the reporting cell's name (setup_cell names both): two rows all the same
    assert len(report.rows) == 2 and sum(r.members for r in report.rows) == 7
    assert sorted(r.submitted for r in report.rows) == [2, 4]
    reported = next(r for r in report.rows if r.members == 5)
    assert reported.cell_counts == {"httnv": 2} and sum(reported.self_counts.values()) == 4
    pdf = committee.reports.write_rollup("2025", tmp_path / "rollup.pdf")
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Tổng số đảng viên: 7" in text
    assert "DO CẤP ỦY QUYẾT ĐỊNH" not in " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    # accepting the proposals decides the two proposed members, in one go
    assert committee.committee.accept_proposed("2025") == 2
    assert committee.committee.accept_proposed("2025") == 0
    committee.committee.decide_by_name(1, "Trần Thị Bình", "htxsnv")
    assert committee.reports.rollup_report("2025").decided_counts == {"htxsnv": 1, "httnv": 1}
    pdf = committee.reports.write_rollup("2025", tmp_path / "rollup2.pdf")
    flat = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "V. KẾT QUẢ XẾP LOẠI DO CẤP ỦY QUYẾT ĐỊNH" in flat
    assert "Theo mức cấp ủy quyết định: HTXSNV 1 / HTTNV 1: tối đa 0 (20%) — vượt 1" in flat
    committee.close()
    cell.ctx.close()


def test_the_quick_quota_agrees_with_the_full_one(tmp_path):
    committee = office(tmp_path / "committee", "Lê Thị Mai", "Đảng ủy Sở Nội vụ")
    cell = Cell(tmp_path / "cell")
    path, _ = call(committee, tmp_path / "call.selfreview-results-invite", orgs=["Chi bộ Văn phòng"])
    cell.ctx.results.open_call(path, 1)
    committee.exchange.import_paths([cell.ctx.results.write_results(tmp_path / "r.selfreview-results",
                                                                    round_id=cell.round.id).path])
    for name, rating in (("Trần Thị Bình", "htxsnv"), ("Lê Văn Cường", "httnv"), ("Nguyễn Văn An", "httnv"),
                         ("Đỗ Minh Châu", "httnv"), ("Phạm Thị Dung", None)):
        committee.committee.decide_by_name(1, name, rating)
    full, by_cat = committee.committee.quota("2025")
    quick, none = committee.committee.quota("2025", by_category=False)
    assert quick == full and (full.excellent, full.good, full.ok) == (1, 3, False) and none == {}
    assert set(by_cat) == {"leader", "non_leader"}
    committee.close()
    cell.ctx.close()
