"""The committee's page, through its widgets: the roll-call of organisations, drill-down to an
organisation and a member, and a decision recorded from the page."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from selfreview.demo.generate import run_demo
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData


def cell_results(tmp_path, committee, call_path, name: str, seed: int, with_reviews: bool = False):
    """A cell office (its own data folder) that reports ``name``'s results to the committee."""
    with AppContext.open(tmp_path / f"cell{seed}") as cell:
        run_demo(cell, 4, tmp_path / f"members{seed}", seed=seed, period="2025", cell=name)
        cell.exchange.import_paths([tmp_path / f"members{seed}"])
        cell.results.open_call(call_path, 1)
        for row in cell.rollcall.roll_call(1).rows:
            cell.assessments.set_assessment(1, row.member_id, proposed_rating=row.self_rating)
        path = cell.results.write_results(tmp_path / f"{seed}.selfreview-results", round_id=1,
                                          with_reviews=with_reviews).path
    return path


@pytest.fixture
def committee_window(tmp_path, ctx, make_window, qtbot):
    p = ctx.profiles.create(ProfileData(full_name="Lê Thị Mai", cell_name="Đảng ủy Khối"))
    ctx.profiles.set_secretary(p.id)
    call_path, _ = ctx.committee.write_call("2025", tmp_path / "call.selfreview-results-invite",
                                            ["Chi bộ Văn phòng", "Chi bộ Tư pháp", "Chi bộ Nội vụ"])
    files = [cell_results(tmp_path, ctx, call_path, "Chi bộ Văn phòng", 1),
             cell_results(tmp_path, ctx, call_path, "Chi bộ Tư pháp", 2)]
    assert [r.outcome for r in ctx.exchange.import_paths(files)] == ["imported", "imported"]
    window = make_window()
    window.actions_by_name["committee"].trigger()
    page = window.page
    assert page.objectName() == "committeePage"
    return window, page


def texts(view, column: int) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_rollcall_drill_down_and_decide(committee_window, ctx, qtbot):
    window, page = committee_window
    assert page.rollcall.text() == "2/3 tổ chức đã báo cáo"
    assert "Chi bộ Nội vụ" in page.missing.text()
    assert sorted(texts(page.orgs, 0)) == ["Chi bộ Tư pháp", "Chi bộ Văn phòng"]
    assert texts(page.orgs, 1) == [4, 4]

    # drill down: an organisation, then a member
    page.orgs.selectRow(texts(page.orgs, 0).index("Chi bộ Tư pháp"))
    assert set(texts(page.members, 0)) == {"Chi bộ Tư pháp"} and len(texts(page.members, 1)) == 4
    detail = ctx.committee.organisation(ctx.committee.find("2025", "Chi bộ Tư pháp"))
    first = detail.members[0]
    page.members.selectRow(0)
    assert first.full_name in page.detail.text() and "Chi bộ Tư pháp" in page.detail.text()
    assert page.decide_button.isEnabled()

    # a decision recorded from the page reaches the service, and the table and quota show it
    target = "htnv" if first.cell_rating != "htnv" else "httnv"
    page.rating.setCurrentIndex(page.rating.findData(target))
    qtbot.mouseClick(page.decide_button, Qt.MouseButton.LeftButton)
    after = ctx.committee.organisation(detail.id)
    assert next(m for m in after.members if m.ref == first.ref).decided_rating == target
    row = texts(page.members, 1).index(first.full_name)
    assert texts(page.members, 6)[row] == target.upper()
    assert texts(page.orgs, 2)[texts(page.orgs, 0).index("Chi bộ Tư pháp")] == 1
    assert page.quota.text().startswith("HTXSNV")
    assert page.current_member().full_name == first.full_name  # the selection stays on the member


def test_empty_committee_then_import_from_the_page(tmp_path, ctx, make_window, dialogs, qtbot):
    p = ctx.profiles.create(ProfileData(full_name="Lê Thị Mai", cell_name="Đảng ủy Khối"))
    ctx.profiles.set_secretary(p.id)
    call_path, _ = ctx.committee.write_call("2025", tmp_path / "call.selfreview-results-invite", ["Chi bộ Văn phòng"])
    results = cell_results(tmp_path, ctx, call_path, "Chi bộ Văn phòng", 1, with_reviews=True)
    window = make_window()
    window.actions_by_name["committee"].trigger()
    page = window.page
    assert page.orgs.model().rowCount() == 0 and not page.decide_button.isEnabled()
    assert "selfreview import" in page.rollcall.text()
    broken = tmp_path / "broken.selfreview-results"
    broken.write_bytes(results.read_bytes()[:200])
    dialogs.open_files = lambda *a, **k: [str(results), str(broken)]
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    kind, _title, text = dialogs.asked[-1]
    assert kind == "info" and text == "Đã nhập 1, cập nhật 0, đã có 0, từ chối 1."
    assert page.rollcall.text() == "1/1 tổ chức đã báo cáo"
    assert texts(page.orgs, 0) == ["Chi bộ Văn phòng"] and page.members.model().rowCount() == 4
    # drill-down to a member: the full review came with the results, printed as the member's review
    page.members.selectRow(0)
    member = page.current_member()
    assert page.review_button.isEnabled() and "kèm kết quả" in page.detail.text()
    out = tmp_path / "review.pdf"
    dialogs.save_file = lambda *a, **k: str(out)
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    text = " ".join("".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert member.full_name in text and "Chi bộ Văn phòng" in text
    assert page.saved.text().endswith("review.pdf")


def test_the_cell_opens_the_call_and_writes_its_results_from_the_documents_page(tmp_path, ctx, make_window,
                                                                                 dialogs, qtbot):
    from secretary_support import demo_round, secretary_profile
    secretary_profile(ctx)
    rnd, files = demo_round(ctx, tmp_path / "members", members=4)
    ctx.exchange.import_paths(files)
    with AppContext.open(tmp_path / "committee") as committee:
        p = committee.profiles.create(ProfileData(full_name="Lê Thị Mai", cell_name="Đảng ủy Khối"))
        committee.profiles.set_secretary(p.id)
        call_path, doc = committee.committee.write_call("2025", tmp_path / "call.selfreview-results-invite",
                                                        [rnd.cell])
    window = make_window()
    window.open_profile(ctx.profiles.secretary().id)
    ws = window.show_secretary()
    ws.tabs.setCurrentWidget(ws.outputs)
    dialogs.open_file = lambda *a, **k: str(call_path)
    qtbot.mouseClick(ws.outputs.buttons["open_call"], Qt.MouseButton.LeftButton)
    kind, _title, text = dialogs.asked[-1]
    assert kind == "confirm" and doc.committee.fingerprint in text and "Đảng ủy Khối" in text
    assert ctx.results.call_for("2025").committee_name == "Đảng ủy Khối"
    out = tmp_path / "ket-qua"
    dialogs.save_file = lambda *a, **k: str(out)
    qtbot.mouseClick(ws.outputs.buttons["results"], Qt.MouseButton.LeftButton)
    written = out.with_name("ket-qua.selfreview-results")
    qtbot.waitUntil(written.exists, timeout=5000)
    assert ws.outputs.last.text().endswith("ket-qua.selfreview-results")
    with AppContext.open(tmp_path / "committee") as committee:
        [r] = committee.exchange.import_paths([written])
        assert r.outcome == "imported" and committee.committee.organisation(1).organisation == rnd.cell


def test_typing_a_name_without_marks_finds_the_member(committee_window, qtbot):
    # the members' list finds people as the roll-call does: case and marks not typed are ignored
    from selfreview.text import fold
    _window, page = committee_window
    page.orgs.selectRow(0)
    names = texts(page.members, 1)
    target = names[-1]
    page.members.setFocus()
    qtbot.keyClicks(page.members, fold(target).upper())
    assert page.members.currentIndex().row() == names.index(target)
    assert target in page.detail.text()


def test_importing_with_the_office_key_asks_the_passphrase_once(tmp_path, ctx, make_window, dialogs, qtbot):
    """A committee office (docs/security.md §5): the office key is sealed under the passphrase of the
    person at the PC; the page asks it when the results need it, then keeps it for the session."""
    from selfreview.services import keyguard
    from selfreview.services.committee import office_key
    p = ctx.profiles.create(ProfileData(full_name="Lê Thị Mai", cell_name="Đảng ủy Khối"))
    ctx.profiles.set_secretary(p.id)
    keyguard.protect(ctx, p.id, "mật khẩu của Mai")
    office_key.create(ctx, p.id, "mật khẩu của Mai")
    call_path, doc = ctx.committee.write_call("2025", tmp_path / "call.selfreview-results-invite",
                                              ["Chi bộ Văn phòng", "Chi bộ Tư pháp"], passphrase="mật khẩu của Mai")
    assert doc.committee.fingerprint == office_key.current(ctx).fingerprint
    first, second = (cell_results(tmp_path, ctx, call_path, name, seed)
                     for seed, name in ((1, "Chi bộ Văn phòng"), (2, "Chi bộ Tư pháp")))
    window = make_window()
    window.actions_by_name["committee"].trigger()
    page = window.page
    asked = []
    page.key.ask = lambda parent, title, label: asked.append(label) or "mật khẩu của Mai"
    dialogs.open_files = lambda *a, **k: [str(first)]
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "cụm mật khẩu" in asked[0]
    assert dialogs.asked[-1][2] == "Đã nhập 1, cập nhật 0, đã có 0, từ chối 0."
    dialogs.open_files = lambda *a, **k: [str(second)]
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and page.rollcall.text() == "2/2 tổ chức đã báo cáo"
