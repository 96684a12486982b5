"""The roll-up's summary of each review (forms/summary.py): written at import and at finalize, filled
for existing reviews by migration 0004, and the roll-up comes out the same whether a review has
its summary or only its answers."""

from __future__ import annotations

import json
import sqlite3

import pytest

from answers_2b import complete_2b
from exchange_kit import NOW, identity, open_secretary, response
from reports_fixtures import make_cell, make_many_cells
from selfreview.db import migrate
from selfreview.db.summary_fill import fill_missing
from selfreview.exchange.response import write_response
from selfreview.forms import registry
from selfreview.forms.summary import SUMMARY_VERSION, checklist_frequencies, summarize
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData


def summaries(data_dir) -> dict[int, tuple]:
    con = sqlite3.connect(data_dir / "selfreview.db")
    try:
        return {rid: (rating, json.loads(check) if check is not None else None, version)
                for rid, rating, check, version in con.execute(
                    "SELECT id, self_rating, self_check, summary_version FROM review ORDER BY id")}
    finally:
        con.close()


def test_the_summary_holds_what_the_rollup_counts():
    t = registry.find("hd43-2025-2b").template
    answers = complete_2b()
    s = summarize(t, answers)
    assert s["self_rating"] == "httnv" and s["summary_version"] == SUMMARY_VERSION
    assert s["self_check"] == {b: e["frequency"] for b, e in answers["r_behaviours"].items()}
    assert summarize(t, {**answers, "b2_proposed": "xuất sắc"})["self_rating"] is None
    # answered without any frequency still counts as answered ({}); not answered is None
    assert checklist_frequencies({"slow_handling": {"example": "x"}}) == {}
    assert summarize(t, {k: v for k, v in answers.items() if k != "r_behaviours"})["self_check"] is None
    # a form without the self-check: no checklist summary
    form_01 = next(i.template for i in registry.bundled().values() if i.template.role_item("responsibility_check")
                   is None)
    assert summarize(form_01, {})["self_check"] is None


def test_import_and_finalize_write_the_summary_and_a_new_revision_has_none(tmp_path):
    sec = open_secretary(tmp_path / "secretary")
    try:
        path = tmp_path / "a.selfreview"
        # 28 + 65 = 93: the score band allows HTXSNV (a file proposing better than its band is refused)
        answers = {**complete_2b(), "b1_general": 28, "b1_tasks": 65, "b2_proposed": "htxsnv"}
        path.write_bytes(write_response(identity(5), response(sec, identity(5), answers=answers), NOW))
        (r,) = sec.ctx.exchange.import_paths([path])
        template = registry.find("hd43-2025-2b").template
        expected = summarize(template, sec.ctx.reviews.answers(r.review_id))
        assert summaries(sec.data_dir)[r.review_id] == (expected["self_rating"], expected["self_check"],
                                                        SUMMARY_VERSION)
        assert expected["self_rating"] == "htxsnv"

        me = sec.ctx.profiles.create(ProfileData(full_name="Phan Văn Khải"))
        draft = sec.ctx.reviews.create(me.id, "2025").summary.id
        assert summaries(sec.data_dir)[draft] == (None, None, None)
        for qid, value in complete_2b().items():
            sec.ctx.reviews.save_answer(draft, qid, value)
        assert summaries(sec.data_dir)[draft] == (None, None, None)  # a draft's answers still change
        sec.ctx.reviews.finalize(draft)
        frequencies = {b: e["frequency"] for b, e in complete_2b()["r_behaviours"].items()}
        assert summaries(sec.data_dir)[draft] == ("httnv", frequencies, SUMMARY_VERSION)
        again = sec.ctx.reviews.new_revision(draft).summary.id
        assert summaries(sec.data_dir)[again] == (None, None, None)
    finally:
        sec.ctx.close()


def test_migration_0004_fills_the_summary_of_existing_reviews(tmp_path):
    from alembic import command

    sec = open_secretary(tmp_path / "secretary")
    for n in range(3):
        doc = response(sec, identity(20 + n), name=f"Ngô Thị Mai {n}",
                       answers={**complete_2b(), "b1_general": 28, "b1_tasks": 65,
                                "b2_proposed": ("htxsnv", "httnv", "htnv")[n]})
        (tmp_path / f"{n}.selfreview").write_bytes(write_response(identity(20 + n), doc, NOW))
    sec.ctx.exchange.import_paths([tmp_path / f"{n}.selfreview" for n in range(3)])
    written = summaries(sec.data_dir)
    assert [v[0] for v in written.values()] == ["htxsnv", "httnv", "htnv"]
    cfg = migrate.alembic_config(sec.ctx.db)
    with sec.ctx.db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    sec.ctx.close()
    con = sqlite3.connect(sec.data_dir / "selfreview.db")
    assert "self_rating" not in [r[1] for r in con.execute("PRAGMA table_info(review)")]
    con.close()
    with AppContext.open(sec.data_dir):  # the app's start-up migrates to 0004, which fills them
        pass
    assert summaries(sec.data_dir) == written


def test_fill_leaves_drafts_and_unknown_forms_alone_and_can_run_again(ctx, tmp_path):
    make_cell(ctx, tmp_path)  # reviews written directly (no summary), one of them a draft
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE review SET template_hash = 'ff' || substr(template_hash, 3) "
                             "WHERE id = (SELECT max(id) FROM review)")
        conn.exec_driver_sql("UPDATE review SET status = 'draft' WHERE id = (SELECT min(id) FROM review)")
        done = fill_missing(conn)
        assert fill_missing(conn) == 0
    got = summaries(ctx.data_dir)
    ids = sorted(got)
    assert done == len(ids) - 2
    assert got[ids[0]] == got[ids[-1]] == (None, None, None)
    assert all(got[i][2] == SUMMARY_VERSION for i in ids[1:-1])


def _rollup(ctx):
    return ctx.reports.rollup_report("2025")


def test_the_rollup_is_the_same_from_summaries_from_answers_and_from_both(ctx, tmp_path):
    make_many_cells(ctx, cells=6, members=20)
    make_cell(ctx, tmp_path, name="Chi bộ Văn phòng")  # includes a draft entered by the secretary
    from_answers = _rollup(ctx)  # the fixtures write no summary: every review is read from its answers
    with ctx.db.engine.begin() as conn:
        filled = fill_missing(conn)
    assert filled > 100
    from_summaries = _rollup(ctx)
    assert from_summaries == from_answers
    with ctx.db.engine.begin() as conn:  # half of them without their summary
        conn.exec_driver_sql("UPDATE review SET summary_version = NULL, self_rating = NULL, self_check = NULL "
                             "WHERE id % 2 = 0")
    assert _rollup(ctx) == from_answers
    assert from_answers.responsibility.respondents > 100 and from_answers.rows


def test_a_summary_from_an_older_version_is_not_trusted(ctx, tmp_path):
    make_cell(ctx, tmp_path, missing=())
    with ctx.db.engine.begin() as conn:
        fill_missing(conn)
    before = _rollup(ctx)
    with ctx.db.engine.begin() as conn:  # as an older summary would: wrong, and marked with another version
        conn.exec_driver_sql(f"UPDATE review SET self_rating = 'khtnv', self_check = '{{}}', "
                             f"summary_version = {SUMMARY_VERSION + 1}")
    assert _rollup(ctx) == before


@pytest.mark.parametrize("status", ["finalized", "draft"])
def test_a_review_typed_in_by_the_secretary_counts_the_same(ctx, tmp_path, status):
    """Entered from paper: a draft is counted from its answers as they are; finalizing writes the
    summary, and the count does not change."""
    from selfreview.services.cells import MemberData
    sec = ctx.profiles.create(ProfileData(full_name="Phan Thị Thanh Hương", party_post="Bí thư chi bộ"))
    ctx.profiles.set_secretary(sec.id)
    cell = ctx.cells.create_cell("Chi bộ Giấy", "Đảng ủy xã")
    rnd = ctx.cells.create_round(cell.id, "2025")
    m = ctx.cells.add_member(cell.id, MemberData(full_name="Tạ Văn Bền", category="non_leader"))
    detail = ctx.rollcall.enter_on_behalf(rnd.id, m.id)
    answers = replace_rating(complete_2b(), "htnv")
    for qid, value in answers.items():
        ctx.reviews.save_answer(detail.summary.id, qid, value)
    draft = _rollup(ctx)
    assert draft.rows[0].self_counts == {"htnv": 1} and draft.responsibility.respondents == 1
    if status == "finalized":
        ctx.reviews.finalize(detail.summary.id)
        assert summaries(ctx.data_dir)[detail.summary.id][2] == SUMMARY_VERSION
    assert _rollup(ctx) == draft


def replace_rating(answers: dict, rating: str) -> dict:
    return {**answers, "b2_proposed": rating}


def test_the_roles_read_from_a_stored_template_are_the_templates_own():
    """The roll-up reads a template's roles from the copy stored with the round (its JSON, only the
    checklist validated) instead of loading every bundled YAML: the same roles, for every form."""
    from selfreview.forms.summary import roles, roles_from_data

    for info in registry.bundled().values():
        body = info.template.model_dump(mode="json", by_alias=True, exclude_none=True)
        assert roles_from_data(json.loads(json.dumps(body))) == roles(info.template), info.template.id
    t = registry.find("hd43-2025-2b").template
    body = t.model_dump(mode="json", by_alias=True, exclude_none=True)
    check_id = body["roles"]["responsibility_check"]
    broken = json.loads(json.dumps(body))
    for part in broken["parts"]:
        for section in part["sections"]:
            for item in section["items"]:
                if item["id"] == check_id:
                    item["behaviours"] = "not a list"
    for bad in ([], {}, {"roles": {}, "parts": []}, {"roles": [], "parts": body["parts"]},
                {"roles": {"responsibility_check": check_id}, "parts": 3}, broken):
        with pytest.raises(ValueError):
            roles_from_data(bad)


def test_the_rollup_is_the_same_with_and_without_the_stored_copy_of_its_form(ctx, tmp_path):
    from selfreview.services import rollup_data

    make_cell(ctx, tmp_path, missing=())  # its round stores the form it uses
    rollup_data._ROLES.clear()
    from_stored = _rollup(ctx)
    assert from_stored.responsibility.behaviours
    with ctx.db.engine.begin() as conn:  # a stored copy that is not a template: read the full way
        conn.exec_driver_sql("UPDATE stored_template SET body = '{\"x\": 1}'")
    rollup_data._ROLES.clear()
    assert _rollup(ctx) == from_stored
    with ctx.db.engine.begin() as conn:  # no stored copy at all: the bundled form, the full way
        conn.exec_driver_sql("DELETE FROM stored_template")
    rollup_data._ROLES.clear()
    assert _rollup(ctx) == from_stored


def test_stored_self_checks_are_decoded_as_each_text_alone_would_be():
    from selfreview.services.rollup_data import _decode_all

    texts = ['{"slow_handling": "often"}', "{}", '{"a": "never", "b": "sometimes"}']
    assert _decode_all(texts) == [json.loads(t) for t in texts]
    assert _decode_all([]) == []
    with pytest.raises(ValueError):  # "1, 2" would be two items of the joined array: decoded alone, it fails
        _decode_all(['{"a": "often"}', "1, 2"])
