"""The results file (a cell's results for the committee) and its import: what it carries, read
back; the receipts' outcomes; refusals that change nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from committee_kit import Cell, call, office
from pypdf import PdfReader
from sqlalchemy import func, select

from selfreview.db.models import OrgResult, utcnow
from selfreview.exchange.errors import Rejected
from selfreview.exchange.keys import identity_from_bytes
from selfreview.exchange.keystore import open_identity
from selfreview.exchange.results import read_results, write_results
from selfreview.reports.tallies import responsibility_rows
from selfreview.services.context import AppContext
from selfreview.services.errors import ServiceError


@pytest.fixture
def world(tmp_path):
    committee = office(tmp_path / "committee", "Lê Thị Mai", "Đảng ủy Sở Nội vụ")
    cell = Cell(tmp_path / "cell")
    path, _ = call(committee, tmp_path / "call.selfreview-results-invite")
    cell.ctx.results.open_call(path, 1)
    yield committee, cell, tmp_path
    committee.close()
    cell.ctx.close()


def committee_identity(committee):
    return open_identity(committee.keys_dir, committee.profiles.secretary().id, None)


def org_results(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(OrgResult))


def test_what_a_results_file_carries(world):
    committee, cell, tmp = world
    c = cell.ctx
    binh, cuong, an = cell.id("Trần Thị Bình"), cell.id("Lê Văn Cường"), cell.id("Nguyễn Văn An")
    c.meetings.mark_all_present(cell.round.id)
    c.meetings.record_result(cell.round.id, binh, {"httnv": 4, "htnv": 1}, "httnv")
    c.assessments.set_assessment(cell.round.id, an, proposed_rating="htxsnv")
    w = c.results.write_results(tmp / "r.selfreview-results", round_id=cell.round.id, with_reviews=True)
    assert w.members == 5 and w.committee == "Đảng ủy Sở Nội vụ"
    doc = read_results(w.path.read_bytes(), committee_identity(committee),
                       committee_identity(committee).public.enc_public)
    rep = doc.report
    assert rep["organisation"]["name"] == "Chi bộ Văn phòng" and rep["organisation"]["kind"] == "cell"
    assert rep["period"] == "2025" and rep["quota_percent"] == 20 and doc.secretary_name == "Nguyễn Văn An"
    by = {m["full_name"]: m for m in rep["members"]}
    assert by["Phạm Thị Dung"]["status"] == "not_rated" and by["Phạm Thị Dung"]["reason"]["code"] == "not_submitted"
    assert by["Phạm Thị Dung"]["submitted"] is False and by["Phạm Thị Dung"]["review"] is None
    assert by["Lê Văn Cường"]["status"] == "not_rated" and by["Lê Văn Cường"]["reason"]["code"] == "not_proposed"
    assert by["Trần Thị Bình"]["status"] == "rated" and by["Trần Thị Bình"]["cell_rating"] == "httnv"
    assert by["Trần Thị Bình"]["votes"] == {"htxsnv": 0, "httnv": 4, "htnv": 1, "khtnv": 0}
    assert by["Nguyễn Văn An"]["cell_rating"] == "htxsnv" and by["Nguyễn Văn An"]["votes"] is None
    rows = {r.member_id: r for r in c.rollcall.roll_call(cell.round.id).rows}
    for name, m in by.items():
        r = rows[cell.id(name)]
        assert m["self_rating"] == r.self_rating and m["form"] == (cell.round.forms[r.category]["id"])
        if r.total is not None:
            assert m["scores"]["total"] == format(r.total.normalize(), "f")
    answers = c.reviews.open(rows[cuong].review_id).answers
    assert by["Lê Văn Cường"]["review"]["answers"] == answers
    assert rep["meeting"]["present"] == 5 and rep["meeting"]["total"] == 5
    # the self-check exactly as the cell summary PDF shows it (4 respondents: hidden below 5)
    tally = c.reports.cell_report(cell.cell.id, "2025").responsibility
    shown = {b.id: r for b, r in zip(tally.behaviours, responsibility_rows(tally, 3))}
    assert rep["responsibility"]["respondents"] == 4
    for b in rep["responsibility"]["behaviours"]:
        assert b["sometimes"] == (None if shown[b["id"]].sometimes.hidden else shown[b["id"]].sometimes.value)
        assert b["total"] == (None if shown[b["id"]].total.hidden else shown[b["id"]].total.value)
    hidden = c.results.report(round_id=cell.round.id, min_count=5)["responsibility"]
    assert hidden["respondents"] is None
    assert all(b[k] is None or b[k] == 0 for b in hidden["behaviours"] for k in ("sometimes", "often", "total"))


def test_no_call_no_results(tmp_path):
    cell = Cell(tmp_path / "cell")
    with pytest.raises(ServiceError) as e:
        cell.ctx.results.write_results(tmp_path / "r.selfreview-results", round_id=cell.round.id)
    assert e.value.message.code == "results.no_call" and "open-invite" in e.value.message.en
    assert not (tmp_path / "r.selfreview-results").exists()
    cell.ctx.close()


def test_import_outcomes(world):
    committee, cell, tmp = world
    c = cell.ctx
    first = c.results.write_results(tmp / "a.selfreview-results", round_id=cell.round.id).path
    [r] = committee.exchange.import_paths([first])
    assert (r.outcome, r.member, r.form) == ("imported", "Chi bộ Văn phòng", "results")
    assert [x.outcome for x in committee.exchange.import_paths([first])] == ["already_present"]
    same = c.results.write_results(tmp / "b.selfreview-results", round_id=cell.round.id).path  # written again
    assert [x.outcome for x in committee.exchange.import_paths([same])] == ["already_present"]
    c.assessments.set_assessment(cell.round.id, cell.id("Lê Văn Cường"), proposed_rating="htnv")
    newer = c.results.write_results(tmp / "c.selfreview-results", round_id=cell.round.id).path
    assert [x.outcome for x in committee.exchange.import_paths([tmp])] == ["already_present", "already_present",
                                                                          "updated"]
    detail = committee.committee.organisation(committee.committee.find("2025", "chi bộ văn phòng"))
    assert {m.full_name: m.cell_rating for m in detail.members}["Lê Văn Cường"] == "htnv"
    assert newer.exists() and org_results(committee) == 1
    # an older file (written a day earlier, other content) after a newer one: refused, nothing changes
    report = c.results.report(round_id=cell.round.id)
    report["members"][0]["post"] = "viết hôm qua"
    ident = open_identity(c.keys_dir, c.profiles.secretary().id, None)
    call_row = c.results.call_for("2025")
    older = tmp / "old.selfreview-results"
    older.write_bytes(write_results(ident, "Nguyễn Văn An", call_row.uid, call_row.enc_key, report,
                                    utcnow() - timedelta(days=1)))
    [x] = committee.exchange.import_paths([older])
    assert x.outcome == "rejected" and x.reason.code == "results.older"
    assert committee.committee.organisation(1).report["members"][0]["post"] != "viết hôm qua"


def test_refusals_change_nothing(world):
    committee, cell, tmp = world
    c = cell.ctx
    good = c.results.write_results(tmp / "a.selfreview-results", round_id=cell.round.id).path
    raw = bytearray(good.read_bytes())
    raw[-20] = ord("A") if raw[-20] != ord("A") else ord("B")
    (tmp / "t.selfreview-results").write_bytes(bytes(raw))
    [x] = committee.exchange.import_paths([tmp / "t.selfreview-results"])
    assert x.outcome == "rejected" and x.reason.code in ("import.decrypt_failed", "import.bad_structure")
    # another committee cannot open it
    other = office(tmp / "other", "Người khác")
    [y] = other.exchange.import_paths([good])
    assert y.outcome == "rejected" and y.reason.code == "import.not_for_you" and org_results(other) == 0
    other.close()
    # the same organisation signed by another key: refused once the first key is pinned
    assert committee.exchange.import_paths([good])[0].outcome == "imported"
    report = c.results.report(round_id=cell.round.id)
    report["members"][0]["post"] = "changed"
    stranger = identity_from_bytes(b"\x07" * 32, b"\x08" * 32)
    call_row = c.results.call_for("2025")
    forged = write_results(stranger, "Kẻ giả mạo", call_row.uid, call_row.enc_key, report, utcnow())
    (tmp / "f.selfreview-results").write_bytes(forged)
    [z] = committee.exchange.import_paths([tmp / "f.selfreview-results"])
    assert z.outcome == "rejected" and z.reason.code == "results.key_changed"
    detail = committee.committee.organisation(1)
    assert detail.secretary == "Nguyễn Văn An" and detail.members[0].full_name != "changed"
    # results for a call this committee never wrote
    c2 = office(tmp / "c2", "Lê Thị Mai")
    p2, _ = call(c2, tmp / "call2.selfreview-results-invite")
    fresh = Cell(tmp / "cell2")
    fresh.ctx.results.open_call(p2, 1)
    (tmp / "x").mkdir()
    r2 = fresh.ctx.results.write_results(tmp / "x" / "r.selfreview-results", round_id=fresh.round.id)
    [w] = committee.exchange.import_paths([r2.path])
    assert w.outcome == "rejected" and w.reason.code == "import.not_for_you"
    c2.close()
    fresh.ctx.close()


def test_a_second_call_from_another_key_is_not_taken_silently(world):
    committee, cell, tmp = world
    impostor = office(tmp / "impostor", "Kẻ mạo danh")
    p, _ = call(impostor, tmp / "fake.selfreview-results-invite")
    with pytest.raises(ServiceError) as e:
        cell.ctx.results.open_call(p, 1)
    assert e.value.message.code == "results.call_key_differs"
    assert cell.ctx.results.call_for("2025").committee_name == "Đảng ủy Sở Nội vụ"
    assert cell.ctx.results.call_for("2025").fingerprint == committee.profiles.secretary().fingerprint
    impostor.close()


def test_each_kind_is_refused_where_another_is_expected(world):
    committee, cell, tmp = world
    from selfreview.exchange.envelope import FORMAT_RESPONSE, open_envelope
    from selfreview.exchange.results_invite import read_results_invite
    w = cell.ctx.results.write_results(tmp / "r.selfreview-results", round_id=cell.round.id)
    with pytest.raises(Rejected) as e:
        open_envelope(w.path.read_bytes(), FORMAT_RESPONSE)
    assert e.value.code == "results.other_kind" and "selfreview-results" in e.value.message.en
    with pytest.raises(Rejected) as e:
        read_results_invite(w.path.read_bytes())
    assert e.value.code == "results.other_kind"
    # the committee's own call, given to its import by mistake: one refused receipt, nothing stored
    call_file = tmp / "call.selfreview-results-invite"
    [r] = committee.exchange.import_paths([call_file])
    assert r.outcome == "rejected" and org_results(committee) == 0


def test_list_results_json(world, capsys):
    committee, cell, tmp = world
    committee.exchange.import_paths([cell.ctx.results.write_results(tmp / "r.selfreview-results",
                                                                    round_id=cell.round.id).path])
    from selfreview.cli import main
    assert main(["--data-dir", str(tmp / "committee"), "list", "results", "--json"]) == 0
    [row] = __import__("json").loads(capsys.readouterr().out)
    assert {k: row[k] for k in ("organisation", "period", "members", "status")} == {
        "organisation": "Chi bộ Văn phòng", "period": "2025", "members": 5, "status": "received"}
    assert row["received"].endswith("Z")


def test_command_line_mistakes_get_one_clear_line_and_change_nothing(tmp_path, capsys):
    from selfreview.cli import main
    cell = Cell(tmp_path / "cell")
    cell.ctx.close()
    d = str(tmp_path / "cell")
    assert main(["--data-dir", d, "results", "--round", "1", "--out", str(tmp_path / "r.selfreview-results")]) == 2
    err = capsys.readouterr().err
    assert "open-invite" in err and "Traceback" not in err and not (tmp_path / "r.selfreview-results").exists()
    assert main(["--data-dir", d, "results", "--round", "99", "--out", str(tmp_path / "r.selfreview-results")]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert main(["--data-dir", d, "decide", "--period", "2025", "--org", "Không có", "--member", "X",
                 "--rating", "httnv"]) == 2
    assert "Không có" in capsys.readouterr().err
    assert main(["--data-dir", d, "results-invite", "--period", "2025", "--out", str(tmp_path / "c"),
                 "--expect-file", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err and not (tmp_path / "c").exists()
    assert main(["--data-dir", d, "decisions", "--period", "2025", "--out", str(tmp_path / "out")]) == 2
    assert "2025" in capsys.readouterr().err and not (tmp_path / "out").exists()
    with AppContext.open(tmp_path / "cell") as ctx:
        assert ctx.committee.list_results() == [] and ctx.results.call_for("2025") is None


def test_a_full_review_is_checked_against_its_form_before_it_is_printed(world):
    committee, cell, tmp = world
    from selfreview.services.committee.review import write_member_review
    c = cell.ctx
    report = c.results.report(round_id=cell.round.id, with_reviews=True)
    good = next(m for m in report["members"] if m["review"] is not None)
    bad = next(m for m in report["members"] if m["review"] is not None and m is not good)
    qid = next(iter(bad["review"]["answers"]))
    bad["review"]["answers"][qid] = {"not": "an answer"}
    ident = open_identity(c.keys_dir, c.profiles.secretary().id, None)
    call_row = c.results.call_for("2025")
    (tmp / "r.selfreview-results").write_bytes(write_results(ident, "Nguyễn Văn An", call_row.uid, call_row.enc_key,
                                                             report, utcnow()))
    assert committee.exchange.import_paths([tmp / "r.selfreview-results"])[0].outcome == "imported"
    uid = report["organisation"]["uid"]
    out = write_member_review(committee, 1, uid, good["ref"], tmp / "good.pdf")
    assert good["full_name"] in " ".join(PdfReader(out).pages[0].extract_text().split())
    with pytest.raises(ServiceError) as e:
        write_member_review(committee, 1, uid, bad["ref"], tmp / "bad.pdf")
    assert e.value.message.code in ("import.bad_answer", "import.wrong_type") and not (tmp / "bad.pdf").exists()


@pytest.mark.parametrize("damage,where", [
    (lambda r: r["members"][0].update(status="rated", cell_rating=None), "report.members.0.status"),
    (lambda r: r["members"][1].update(self_rating="xuất sắc"), "report.members.1.self_rating"),
    (lambda r: r.update(units=[dict(r)]), "report.units"),  # a cell has no units
    (lambda r: r["responsibility"]["behaviours"].append({"id": "x", "label": "", "sometimes": -1, "often": 0,
                                                         "total": 0}), "report.responsibility.behaviours"),
    (lambda r: r["members"].append(dict(r["members"][0])), "report.members.5.ref"),
    (lambda r: r.update(quota_percent=30), "report.quota_percent"),
])
def test_a_results_file_of_the_wrong_shape_is_refused_naming_the_place(world, damage, where):
    committee, cell, tmp = world
    from selfreview.exchange.envelope import FORMAT_RESULTS, seal
    from selfreview.exchange.keys import enc_public_key
    from selfreview.exchange.results import results_body
    c = cell.ctx
    report = c.results.report(round_id=cell.round.id)
    damage(report)
    ident = open_identity(c.keys_dir, c.profiles.secretary().id, None)
    call_row = c.results.call_for("2025")
    with pytest.raises(Rejected):  # the writer refuses to write it
        write_results(ident, "Nguyễn Văn An", call_row.uid, call_row.enc_key, report, utcnow())
    body = results_body("Nguyễn Văn An", ident, call_row.uid, call_row.enc_key, report, utcnow())
    (tmp / "bad.selfreview-results").write_bytes(seal(FORMAT_RESULTS, body, ident.sign,
                                                      enc_public_key(call_row.enc_key)))
    [r] = committee.exchange.import_paths([tmp / "bad.selfreview-results"])
    assert r.outcome == "rejected" and r.reason.code == "import.bad_structure"
    assert where in r.reason.en and org_results(committee) == 0


def test_a_damaged_call_is_refused_and_nothing_is_kept(tmp_path):
    committee = office(tmp_path / "committee", "Lê Thị Mai", "Đảng ủy Sở Nội vụ")
    path, _ = call(committee, tmp_path / "call.selfreview-results-invite")
    committee.close()
    raw = bytearray(path.read_bytes())
    i = raw.index(b'"payload":"') + 40
    raw[i] = ord("A") if raw[i] != ord("A") else ord("B")
    path.write_bytes(bytes(raw))
    cell = Cell(tmp_path / "cell")
    with pytest.raises(ServiceError) as e:
        cell.ctx.results.open_call(path, 1)
    assert e.value.message.code in ("import.bad_signature", "import.bad_structure", "import.not_utf8")
    assert cell.ctx.results.call_for("2025") is None
    cell.ctx.close()
