"""The committee decides (with the quota at its level), sends one decision file per organisation,
and the cell takes it; and the same files one level further (cell → grassroots → bloc)."""

from __future__ import annotations

import pytest
from committee_kit import Cell, call, office
from pypdf import PdfReader

from selfreview.db.models import Assessment, utcnow
from selfreview.exchange.decisions import Decision, DecisionsDoc, write_decisions
from selfreview.exchange.keystore import open_identity
from selfreview.exchange.results_invite import CommitteeRef
from selfreview.services.errors import ServiceError


@pytest.fixture
def world(tmp_path):
    committee = office(tmp_path / "committee", "Lê Thị Mai", "Đảng ủy Sở Nội vụ")
    cell = Cell(tmp_path / "cell")
    path, _ = call(committee, tmp_path / "call.selfreview-results-invite")
    cell.ctx.results.open_call(path, 1)
    for name, rating in (("Nguyễn Văn An", "htxsnv"), ("Trần Thị Bình", "htxsnv"), ("Lê Văn Cường", "httnv"),
                         ("Đỗ Minh Châu", "httnv")):
        cell.ctx.assessments.set_assessment(cell.round.id, cell.id(name), proposed_rating=rating)
    results = cell.ctx.results.write_results(tmp_path / "r.selfreview-results", round_id=cell.round.id).path
    assert committee.exchange.import_paths([results])[0].outcome == "imported"
    yield committee, cell, tmp_path
    committee.close()
    cell.ctx.close()


def competent(cell) -> dict[str, str | None]:
    with cell.ctx.read() as s:
        by_id = {a.member_id: a.competent_rating for a in s.query(Assessment).filter_by(round_id=cell.round.id)}
    return {name: by_id.get(m.id) for name, m in cell.m.items()}


def test_decide_check_the_quota_send_back(world):
    committee, cell, tmp = world
    rid = committee.committee.find("2025", "Chi bộ Văn phòng")
    assert committee.committee.accept_proposed("2025") == 4
    check, by_cat = committee.committee.quota("2025")
    assert (check.excellent, check.good, check.ok) == (2, 2, False)
    before = competent(cell)
    with pytest.raises(ServiceError) as e:
        committee.committee.write_decisions("2025", tmp / "out")
    assert e.value.message.code == "results.over_quota" and "HTXSNV 2 / HTTNV 2" in e.value.message.vi
    assert not (tmp / "out").exists() or not list((tmp / "out").iterdir())
    committee.committee.decide_by_name(rid, "Trần Thị Bình", "httnv")
    committee.committee.decide_by_name(rid, "Nguyễn Văn An", "httnv")
    assert committee.committee.quota("2025")[0].ok
    [path] = committee.committee.write_decisions("2025", tmp / "out")
    assert path.name == "chi-bo-van-phong-2025.selfreview-decisions"
    assert [r.status for r in committee.committee.list_results("2025")] == ["decisions_sent"]
    assert before == competent(cell)  # nothing reaches the cell before it imports the file

    [r] = cell.ctx.exchange.import_paths([path])
    assert (r.outcome, r.form, r.member) == ("imported", "decisions", "Chi bộ Văn phòng")
    assert competent(cell) == {"Trần Thị Bình": "httnv", "Nguyễn Văn An": "httnv", "Lê Văn Cường": "httnv",
                               "Đỗ Minh Châu": "httnv", "Phạm Thị Dung": None}
    rows = {r.name: r for r in cell.ctx.rollcall.roll_call(cell.round.id).rows}
    assert (rows["Trần Thị Bình"].cell_rating, rows["Trần Thị Bình"].decided_rating) == ("htxsnv", "httnv")
    # the member's review PDF prints the decided rating in its committee block
    out = cell.ctx.reports.write_review(rows["Trần Thị Bình"].review_id, tmp / "binh.pdf")
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Hoàn thành tốt nhiệm vụ" in text
    # and the cell's summary PDF, next to the cell's proposal
    summary = cell.ctx.reports.write_cell(cell.cell.id, "2025", tmp / "cell.pdf")
    flat = " ".join("".join(p.extract_text() for p in PdfReader(summary).pages).split())
    assert flat.count("Cấp trên quyết định: HTTNV") == 4
    assert [x.outcome for x in cell.ctx.exchange.import_paths([path])] == ["already_present"]
    # a changed decision, sent again: updated
    committee.committee.decide_by_name(rid, "Lê Văn Cường", "htnv")
    [path2] = committee.committee.write_decisions("2025", tmp / "out2")
    assert [x.outcome for x in cell.ctx.exchange.import_paths([path2])] == ["updated"]
    assert competent(cell)["Lê Văn Cường"] == "htnv"


def forged_decisions(committee_ctx, cell, tmp, decisions, name="Đảng ủy Sở Nội vụ"):
    """A decision file signed by ``committee_ctx``'s key, for the cell's call, encrypted to the cell."""
    ident = open_identity(committee_ctx.keys_dir, committee_ctx.profiles.secretary().id, None)
    pub = ident.public
    doc = DecisionsDoc(CommitteeRef(name, "", "?", pub.sign_public, pub.enc_public),
                       cell.ctx.results.call_for("2025").uid, "2025", cell.round.uid, "Chi bộ Văn phòng", 20,
                       tuple(decisions))
    sec_pub = cell.ctx.profiles.public_keys(cell.ctx.profiles.secretary().id)[1]
    path = tmp / "d.selfreview-decisions"
    path.write_bytes(write_decisions(ident, doc, sec_pub, utcnow()))
    return path


def test_decisions_from_another_committee_are_refused_whole(world):
    committee, cell, tmp = world
    stranger = office(tmp / "stranger", "Kẻ lạ")
    path = forged_decisions(stranger, cell, tmp, [Decision(cell.round.uid, str(cell.id("Lê Văn Cường")),
                                                           "Lê Văn Cường", "khtnv")])
    [r] = cell.ctx.exchange.import_paths([path])
    assert r.outcome == "rejected" and r.reason.code == "decisions.unknown_committee"
    assert all(v is None for v in competent(cell).values())
    # and a decision file meant for another office cannot be opened here at all
    committee.committee.decide_by_name(1, "Lê Văn Cường", "htnv")
    [ours] = committee.committee.write_decisions("2025", tmp / "ours")
    [x] = stranger.exchange.import_paths([ours])
    assert x.outcome == "rejected" and x.reason.code == "import.not_for_you"
    stranger.close()


def test_decisions_naming_someone_else_change_nothing(world):
    committee, cell, tmp = world
    path = forged_decisions(committee, cell, tmp, [
        Decision(cell.round.uid, str(cell.id("Lê Văn Cường")), "Lê Văn Cường", "htnv"),
        Decision(cell.round.uid, "99999", "Người lạ", "htxsnv")])
    [r] = cell.ctx.exchange.import_paths([path])
    assert r.outcome == "rejected" and r.reason.code == "decisions.unknown_member"
    assert all(v is None for v in competent(cell).values())


def test_one_level_further(tmp_path):
    """cell → grassroots committee → bloc committee, and the bloc's decision back down to the cell."""
    bloc = office(tmp_path / "bloc", "Hoàng Văn Giang", "Đảng ủy Khối")
    grass = office(tmp_path / "grass", "Lê Thị Mai", "Đảng ủy Sở Nội vụ")
    cell = Cell(tmp_path / "cell")
    gcall, _ = call(grass, tmp_path / "g.selfreview-results-invite", orgs=["Chi bộ Văn phòng"])
    bcall, _ = call(bloc, tmp_path / "b.selfreview-results-invite", orgs=["Đảng ủy Sở Nội vụ"], name="Đảng ủy Khối")
    cell.ctx.results.open_call(gcall, 1)
    grass.results.open_call(bcall, 1)
    cell.ctx.assessments.set_assessment(cell.round.id, cell.id("Lê Văn Cường"), proposed_rating="httnv")
    grass.exchange.import_paths([cell.ctx.results.write_results(tmp_path / "c.selfreview-results",
                                                                round_id=cell.round.id).path])
    grass.committee.decide_by_name(1, "Trần Thị Bình", "htnv")
    up = grass.results.write_results(tmp_path / "g.selfreview-results", period="2025")
    assert up.members == 5 and up.organisation == "Đảng ủy Sở Nội vụ"
    [r] = bloc.exchange.import_paths([up.path])
    assert r.outcome == "imported" and bloc.committee.rollcall("2025").label.vi == "1/1 tổ chức đã báo cáo"
    detail = bloc.committee.organisation(bloc.committee.find("2025", "Đảng ủy Sở Nội vụ"))
    assert detail.kind == "committee" and detail.units == ("Chi bộ Văn phòng",)
    by = {m.full_name: m for m in detail.members}
    assert by["Lê Văn Cường"].unit == "Chi bộ Văn phòng" and by["Lê Văn Cường"].cell_rating == "httnv"
    assert by["Trần Thị Bình"].decided_rating == "htnv"  # the grassroots committee's decision travels up
    pdf = bloc.reports.write_rollup("2025", tmp_path / "bloc.pdf")
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Đảng ủy Sở Nội vụ" in text and "Tổng số đảng viên: 5" in text
    # the bloc decides; the grassroots committee takes it and passes it on to the cell
    bloc.committee.decide(detail.id, by["Lê Văn Cường"].unit_uid, by["Lê Văn Cường"].ref, "htxsnv")
    [down] = bloc.committee.write_decisions("2025", tmp_path / "bloc-out", over_quota=True)
    assert [x.outcome for x in grass.exchange.import_paths([down])] == ["imported"]
    gm = {m.full_name: m for m in grass.committee.organisation(1).members}
    assert gm["Lê Văn Cường"].decided_rating == "htxsnv"
    [to_cell] = grass.committee.write_decisions("2025", tmp_path / "grass-out", over_quota=True)
    assert [x.outcome for x in cell.ctx.exchange.import_paths([to_cell])] == ["imported"]
    assert competent(cell)["Lê Văn Cường"] == "htxsnv" and competent(cell)["Trần Thị Bình"] == "htnv"
    for c in (bloc, grass, cell.ctx):
        c.close()
