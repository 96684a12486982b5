"""The review services on a real SQLite file: save one answer at a time, reopen, finalize,
revise, prefill, score."""

import sqlite3
import unicodedata

import pytest

from answers_2b import complete_2b
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData
from selfreview.services.errors import Locked, ServiceError


@pytest.fixture
def member(ctx):
    return ctx.profiles.create(ProfileData(full_name="Nguyễn Thị Hằng", work_unit="Phòng Tư pháp",
                                           cell_name="Chi bộ Tư pháp", superior_body="Đảng bộ huyện Duy Xuyên"))


def fill(ctx, review_id, answers):
    for qid, value in answers.items():
        ctx.reviews.save_answer(review_id, qid, value)


def test_profile_category_proposes_the_form(ctx, member):
    assert member.category == "non_leader" and member.fingerprint and len(member.fingerprint) == 19
    review = ctx.reviews.create(member.id, "2026")
    assert review.template.id == "hd43-2025-2b"
    leader = ctx.profiles.create(ProfileData(full_name="Trần Văn Đức", is_leader=True))
    retiree = ctx.profiles.create(ProfileData(full_name="Lê Thị Ánh", in_political_system=False))
    assert ctx.reviews.create(leader.id, "2026").template.id == "hd43-2025-2a"
    assert ctx.reviews.create(retiree.id, "2026").template.id == "hd43-2025-2c"
    # opening the same period again returns the same review
    assert ctx.reviews.create(member.id, "2026").summary.id == review.summary.id


def test_answers_saved_one_by_one_survive_reopening(data_dir, member, ctx):
    rid = ctx.reviews.create(member.id, "2026").summary.id
    answers = complete_2b()
    fill(ctx, rid, answers)
    ctx.reviews.set_last_section(rid, "b_i")
    ctx.close()
    with AppContext.open(data_dir) as again:
        detail = again.reviews.open(rid)
        assert detail.answers == answers
        assert detail.last_section == "b_i"


def test_invalid_values_are_refused_and_nothing_is_stored(ctx, member):
    rid = ctx.reviews.create(member.id, "2026").summary.id
    for qid, value in [("b1_general", 31), ("b1_general", "abc"), ("b1_general", 10.25),
                       ("b2_proposed", "perfect"), ("a1_political", 5), ("a1_political", "x" * 20001),
                       ("nope", "x")]:
        with pytest.raises(ServiceError):
            ctx.reviews.save_answer(rid, qid, value)
    assert ctx.reviews.answers(rid) == {}
    assert ctx.reviews.save_answer(rid, "b1_general", "25,5") == 25.5
    ctx.reviews.save_answer(rid, "b1_general", None)
    assert ctx.reviews.answers(rid) == {}


def test_scores_and_rating_suggestion(ctx, member):
    rid = ctx.reviews.create(member.id, "2026").summary.id
    fill(ctx, rid, complete_2b())
    state = ctx.reviews.scores(rid)
    assert (state.general, state.tasks, state.total, state.total_max) == (26, 60, 86, 100)
    assert state.suggestion.summary("vi") == "86/100 → Hoàn thành tốt nhiệm vụ"
    assert state.problems == ()
    ctx.reviews.save_answer(rid, "b2_proposed", "htxsnv")
    assert any(p.severity == "warning" for p in ctx.reviews.scores(rid).problems)
    ctx.reviews.save_answer(rid, "b2_conditions", ["all_tasks_on_time_quality", "degraded"])
    assert ctx.reviews.scores(rid).suggestion.rating.value == "khtnv"


def test_validate_lists_missing_required_answers_in_form_order(ctx, member):
    rid = ctx.reviews.create(member.id, "2026").summary.id
    answers = complete_2b()
    del answers["a1_duties"], answers["b1_tasks"]
    answers["r_behaviours"]["not_proactive"] = {"frequency": "often"}  # no example or remedy
    fill(ctx, rid, answers)
    issues = ctx.reviews.validate(rid)
    # the responsibility self-check is the app's optional aid: it never holds up finalizing
    assert [(i.question_id, i.code) for i in issues] == [("a1_duties", "missing"), ("b1_tasks", "missing")]
    assert issues[0].section_id == "a_i"
    with pytest.raises(ServiceError) as info:
        ctx.reviews.finalize(rid)
    assert "2" in info.value.message.vi


def test_the_selfcheck_left_empty_does_not_block_finalize(ctx, member):
    rid = ctx.reviews.create(member.id, "2026").summary.id
    answers = complete_2b()
    del answers["r_behaviours"]
    fill(ctx, rid, answers)
    assert ctx.reviews.validate(rid) == []
    ctx.reviews.finalize(rid)
    assert ctx.reviews.open(rid).summary.status == "finalized"


def test_finalize_locks_and_new_revision_keeps_the_old(ctx, member):
    rid = ctx.reviews.create(member.id, "2026").summary.id
    fill(ctx, rid, complete_2b())
    final = ctx.reviews.finalize(rid)
    assert final.status == "finalized" and final.finalized_at is not None
    with pytest.raises(Locked):
        ctx.reviews.save_answer(rid, "a1_political", "sửa sau khi khóa")
    new = ctx.reviews.new_revision(rid)
    assert new.summary.revision == 2 and new.summary.status == "draft"
    ctx.reviews.save_answer(new.summary.id, "a1_political", "Bản sửa đổi.")
    assert ctx.reviews.open(rid).answers["a1_political"] == complete_2b()["a1_political"]
    assert ctx.reviews.open(rid).summary.is_current is False
    assert [r.revision for r in ctx.reviews.history(new.summary.id)] == [1, 2]
    assert [r.id for r in ctx.reviews.list(profile_id=member.id)] == [new.summary.id]


def test_section_three_is_prefilled_from_the_previous_period(ctx, member):
    old = ctx.reviews.create(member.id, "2025").summary.id
    answers = complete_2b()
    answers["a3_previous"] = [{"shortcoming": "Báo cáo tháng nộp trễ.", "status": "being_fixed"},
                              {"shortcoming": "Ít phát biểu trong sinh hoạt chi bộ.", "status": "fixed"}]
    fill(ctx, old, answers)
    ctx.reviews.finalize(old)
    new = ctx.reviews.create(member.id, "2026")
    assert new.answers["a3_previous"] == [
        {"shortcoming": "Có lúc xử lý hồ sơ còn chậm."},
        {"shortcoming": "Chưa chủ động đề xuất cải tiến quy trình."},
        {"shortcoming": "Báo cáo tháng nộp trễ."},
    ]
    # each must now be marked fixed / being fixed / not fixed before finalizing
    assert any(i.question_id == "a3_previous" for i in ctx.reviews.validate(new.summary.id))


def test_every_stored_string_is_nfc(data_dir, ctx):
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    p = ctx.profiles.create(ProfileData(full_name=nfd("Phạm Thị Ngọc Ẩn"), work_unit=nfd("Ủy ban xã")))
    rid = ctx.reviews.create(p.id, "2026").summary.id
    answers = complete_2b()
    for qid in ("a1_political", "a2_shortcomings"):
        answers[qid] = nfd(answers[qid])
    answers["r_behaviours"]["slow_handling"]["example"] = nfd("Chậm trễ hồ sơ đất đai.")
    fill(ctx, rid, answers)
    ctx.cells.create_cell(nfd("Chi bộ Văn phòng"), nfd("Đảng ủy khối"))
    ctx.close()
    con = sqlite3.connect(data_dir / "selfreview.db")
    texts = []
    for (table,) in con.execute("select name from sqlite_master where type='table'"):
        for row in con.execute(f'select * from "{table}"'):
            texts += [v for v in row if isinstance(v, str)]
    con.close()
    assert any("Phạm Thị Ngọc Ẩn" == t for t in texts)
    assert any("Chậm trễ hồ sơ đất đai." in t for t in texts)  # inside the JSON answer
    assert [t for t in texts if not unicodedata.is_normalized("NFC", t)] == []


def test_migration_from_an_empty_database_leaves_a_backup(tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    sqlite3.connect(data / "selfreview.db").close()  # an existing, empty database file
    with AppContext.open(data) as ctx:
        assert ctx.migration_backup is not None and ctx.migration_backup.exists()
        assert ctx.migration_backup.parent == data / "backups"
        assert ctx.cells.list_cells() == []
        journal = ctx.db.engine.connect().exec_driver_sql("PRAGMA journal_mode").scalar()
        assert journal == "wal"
    backup = sqlite3.connect(ctx.migration_backup)
    assert backup.execute("select count(*) from sqlite_master where type='table'").fetchone() == (0,)
    backup.close()
    # a second start has nothing to migrate and makes no new copy
    with AppContext.open(data) as again:
        assert again.migration_backup is None
    assert len(list((data / "backups").iterdir())) == 1


def test_data_dir_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SELFREVIEW_DATA_DIR", str(tmp_path / "from-env"))
    with AppContext.open() as ctx:
        assert ctx.data_dir == (tmp_path / "from-env").resolve()
        assert (ctx.data_dir / "selfreview.db").exists()
        assert oct(ctx.data_dir.stat().st_mode & 0o777) == "0o700"


def test_a_review_opens_with_its_own_template_after_the_bundled_one_changes(ctx, member, monkeypatch):
    """A later app version may ship a changed YAML: reviews keep the exact template they were written on."""
    from selfreview.forms import registry
    from selfreview.services import templates

    rid = ctx.reviews.create(member.id, "2026").summary.id
    ctx.reviews.save_answer(rid, "a1_political", "Giữ vững lập trường.")
    original = ctx.reviews.open(rid).template_hash
    monkeypatch.setattr(registry, "find_by_hash", lambda digest: None)  # as if the YAML had changed
    monkeypatch.setattr(templates, "_cache", {})
    detail = ctx.reviews.open(rid)
    assert detail.template_hash == original and detail.template.id == "hd43-2025-2b"
    assert detail.answers == {"a1_political": "Giữ vững lập trường."}
    ctx.reviews.save_answer(rid, "a6_direction", "Chủ động hơn.")
