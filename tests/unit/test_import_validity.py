"""Issue 14, validity: a finalized review is held on import to the rule the member's own finalize
applies (forms/finalcheck.py); a file's form is the form it names and one the round offers; a
JSON text with a repeated key, a BOM or bytes after its end is refused with its own reason; one
set of limits for names and posts, at entry, in files and on import; the work unit travels.

Each case is a file of the bad-file corpus (the ``inbox`` fixture, tests/unit/bad_files_kit.py, and the
"nothing changes" check of test_import_bad_files.py)."""

import json
from dataclasses import replace

import pytest

from answers_2b import complete_2b
from bad_files_kit import write_case
from exchange_kit import NOW, body_of, dump, forge, identity, receipt_rows, response
from reports_fixtures import pdf_text
from selfreview.exchange.envelope import canonical
from selfreview.exchange.response import TemplateRef, write_response
from selfreview.forms import canonical_json, registry
from selfreview.services.dto import ProfileData
from selfreview.services.errors import ServiceError

FORM_2B = registry.find("hd43-2025-2b")


def _answers(**changes):
    a = complete_2b()
    for k, v in changes.items():
        if v is _DROP:
            a.pop(k)
        else:
            a[k] = v
    return a


_DROP = object()
LONG_NAME = ("Trần Văn Đức " * 33).strip()  # 428 characters: more than the 200 a name may have


def _file(ib, answers=None, **kw):
    _, doc = ib.good()
    if answers is not None:
        doc = replace(doc, answers=answers)
    return write_response(identity(2), replace(doc, **kw), NOW)


# -- the corpus ------------------------------------------------------------------------------------
def finalized_with_no_answers(ib):
    return _file(ib, {})


def required_answer_missing(ib):
    return _file(ib, _answers(a1_political=_DROP))


def required_text_empty(ib):
    return _file(ib, _answers(a1_duties=""))


def checklist_partly_answered(ib):
    behaviours = dict(complete_2b()["r_behaviours"])
    behaviours.pop("avoiding_posts")
    return _file(ib, _answers(r_behaviours=behaviours))


def checklist_example_missing(ib):
    behaviours = dict(complete_2b()["r_behaviours"])
    behaviours["slow_handling"] = {"frequency": "often"}  # explain_when asks for an example
    return _file(ib, _answers(r_behaviours=behaviours))


def rating_above_the_score_band(ib):
    return _file(ib, _answers(b2_proposed="htxsnv"))  # 26 + 60 = 86: the band is HTTNV


def form_id_not_the_hash(ib):
    return _file(ib, template=TemplateRef("no-such-form", 7, FORM_2B.hash))


def carried_body_contradicts_known_hash(ib):
    body = json.loads(canonical_json(FORM_2B.template))
    body["title"]["vi"] = "BẢN KIỂM ĐIỂM (đã bị sửa)"
    return _file(ib, template_body=body)


def tiny_score_step_in_carried_form(ib):
    body = json.loads(canonical_json(FORM_2B.template))
    body["id"] = "local-2b"
    for part in body["parts"]:
        for section in part["sections"]:
            for item in section["items"]:
                if item["kind"] == "score":
                    item["step"] = "1E-999999"
    return _file(ib, template=TemplateRef("local-2b", 1, "ab" * 32), template_body=body)


def huge_label_in_carried_form(ib):
    body = json.loads(canonical_json(FORM_2B.template))
    body["id"] = "local-2b"
    body["title"]["vi"] = "A" * 4_000_001
    return _file(ib, template=TemplateRef("local-2b", 1, "ab" * 32), template_body=body)


def _text_with_repeated_key(ib) -> bytes:
    _, doc = ib.good()
    text = canonical(body_of(doc)).decode()
    # the same key twice: "a1_pledge" once as signed by the app, once with other words
    return text.replace('"a1_pledge":', '"a1_pledge":"Cam kết khác.","a1_pledge":', 1).encode()


def repeated_key_in_signed_body(ib):
    return forge(identity(2), _text_with_repeated_key(ib), ib.sec.enc_public)


def repeated_key_in_envelope(ib):
    data, _ = ib.good()
    return data.replace(b'{"encryption":', b'{"format":"selfreview-response","encryption":', 1)


def byte_order_mark(ib):
    return b"\xef\xbb\xbf" + ib.good()[0]


def bytes_appended(ib):
    return ib.good()[0] + b"\x00garbage"


def two_files_joined(ib):
    return ib.good()[0] + ib.known_file.read_bytes()


def name_longer_than_the_profile_allows(ib):
    _, doc = ib.good()
    body = body_of(doc)
    body["member"]["full_name"] = LONG_NAME
    return forge(identity(2), body, ib.sec.enc_public)


def name_with_a_zero_width_space(ib):
    _, doc = ib.good()
    return write_response(identity(2), replace(doc, member=replace(doc.member, full_name="Trần Văn\u200b Đức")), NOW)


def name_with_a_right_to_left_override(ib):
    _, doc = ib.good()
    return write_response(identity(2), replace(doc, member=replace(doc.member, full_name="Trần Văn \u202eĐức")), NOW)


CORPUS = [
    (finalized_with_no_answers, "import.incomplete", "a1_political"),
    (required_answer_missing, "import.incomplete", "a1_political"),
    (required_text_empty, "import.incomplete", "a1_duties"),
    (rating_above_the_score_band, "import.incomplete", "b2_proposed"),
    (form_id_not_the_hash, "import.template_identity", "no-such-form"),
    (carried_body_contradicts_known_hash, "import.template_hash", "hd43-2025-2b"),
    (tiny_score_step_in_carried_form, "import.bad_template", "chữ số sau dấu phẩy"),
    (huge_label_in_carried_form, "import.bad_template", "4000"),
    (repeated_key_in_signed_body, "import.duplicate_key", "a1_pledge"),
    (repeated_key_in_envelope, "import.duplicate_key", "format"),
    (byte_order_mark, "import.bom", "BOM"),
    (bytes_appended, "import.trailing_bytes", "8 byte"),
    (two_files_joined, "import.trailing_bytes", "byte"),
    (name_longer_than_the_profile_allows, "import.member_field", "tối đa 200"),
    (name_with_a_zero_width_space, "import.member_field", "U+200B"),
    (name_with_a_right_to_left_override, "import.member_field", "U+202E"),
]


@pytest.mark.parametrize("make,code,named", CORPUS, ids=[c[0].__name__ for c in CORPUS])
def test_refused_with_a_reason_naming_what_is_wrong_and_nothing_changes(inbox, make, code, named):
    path = write_case(inbox, make)
    before, receipts_before = dump(inbox.sec.data_dir), receipt_rows(inbox.sec.data_dir)
    (receipt,) = inbox.sec.ctx.exchange.import_paths([path])
    assert (receipt.outcome, receipt.reason.code) == ("rejected", code)
    assert named in receipt.reason.vi
    assert receipt.reason.vi != receipt.reason.en and "{" not in receipt.reason.vi + receipt.reason.en
    assert dump(inbox.sec.data_dir) == before
    assert receipt_rows(inbox.sec.data_dir) == receipts_before + [(str(path), "rejected", code, receipt.member)]


@pytest.mark.parametrize("make", [checklist_partly_answered, checklist_example_missing])
def test_the_optional_selfcheck_does_not_refuse_a_file(inbox, make):
    """The responsibility self-check is the app's optional aid: it does not hold up finalizing
    (forms.answers.optional_aid), so a file whose self-check is partly answered is taken, as the
    member's own finalize would have allowed it (issue 17)."""
    path = write_case(inbox, make)
    (receipt,) = inbox.sec.ctx.exchange.import_paths([path])
    assert receipt.outcome == "imported", receipt.reason


def test_a_complete_file_still_imports_after_every_refusal(inbox):
    """The refusals above are about the files, not the member: the good file goes in."""
    path = inbox.tmp / "good.selfreview"
    path.write_bytes(inbox.good()[0])
    (r,) = inbox.sec.ctx.exchange.import_paths([path])
    assert r.outcome == "imported"


def test_the_incomplete_reason_names_the_question_in_words_a_secretary_reads(inbox):
    path = write_case(inbox, required_answer_missing)
    (r,) = inbox.sec.ctx.exchange.import_paths([path])
    label = FORM_2B.template.item_index()["a1_political"].label
    assert " ".join(label.vi.split())[:60] in r.reason.vi
    assert " ".join(label.en.split())[:60] in r.reason.en


def test_the_members_finalize_refuses_a_rating_the_scores_do_not_allow(tmp_path):
    """The same rule on the member's side: "Kiểm tra" lists it and finalize refuses it."""
    from selfreview.services.context import AppContext
    with AppContext.open(tmp_path / "member") as ctx:
        p = ctx.profiles.create(ProfileData(full_name="Trần Văn Đức"))
        rid = ctx.reviews.create(p.id, "2025", "hd43-2025-2b").summary.id
        for q, v in _answers(b2_proposed="htxsnv").items():
            ctx.reviews.save_answer(rid, q, v)
        assert [(i.question_id, i.message.code) for i in ctx.reviews.validate(rid)] == [
            ("b2_proposed", "answer.rating_above_band")]
        with pytest.raises(ServiceError):
            ctx.reviews.finalize(rid)
        ctx.reviews.save_answer(rid, "b2_proposed", "httnv")
        assert ctx.reviews.validate(rid) == []
        assert ctx.reviews.finalize(rid).status == "finalized"


def test_one_limit_for_a_name_at_entry_and_on_import_with_the_same_words(inbox, tmp_path):
    from selfreview.services.context import AppContext
    long_name = LONG_NAME
    with AppContext.open(tmp_path / "member") as ctx:
        with pytest.raises(ServiceError) as entered:
            ctx.profiles.create(ProfileData(full_name=long_name))
        with pytest.raises(ServiceError) as invisible:
            ctx.profiles.create(ProfileData(full_name="Trần Văn\u200b Đức"))
        assert ctx.profiles.list() == []
    assert "U+200B" in invisible.value.message.vi
    path = write_case(inbox, name_longer_than_the_profile_allows)
    (r,) = inbox.sec.ctx.exchange.import_paths([path])
    assert entered.value.message.vi in r.reason.vi and entered.value.message.en in r.reason.en


def test_the_work_unit_travels_to_the_secretarys_pdf(inbox):
    path = inbox.tmp / "good.selfreview"
    path.write_bytes(inbox.good()[0])
    (r,) = inbox.sec.ctx.exchange.import_paths([path])
    (member,) = [m for m in inbox.sec.ctx.cells.members(inbox.sec.round.cell_id) if m.full_name == "Trần Văn Đức"]
    assert member.work_unit == "Phòng Tư pháp"
    out = inbox.tmp / "duc.pdf"
    inbox.sec.ctx.reports.write_review(r.review_id, out)
    assert "Phòng Tư pháp" in pdf_text(out)


def test_a_form_the_round_does_not_offer_is_refused_in_a_round_the_secretary_chose(inbox):
    """Mẫu 01 (the collective's report) in a file made without an invitation, imported into the
    round the secretary picks (--round): the round's forms decide, not the file."""
    info = registry.find("hd43-2025-01")
    _, doc = inbox.good(invited=False, encrypted=False)
    path = inbox.tmp / "mau01.selfreview"
    path.write_bytes(write_response(identity(2), replace(doc, template=TemplateRef(
        info.template.id, info.template.version, info.hash)), NOW))
    before = dump(inbox.sec.data_dir)
    (r,) = inbox.sec.ctx.exchange.import_paths([path], round_id=inbox.sec.round.id)
    assert (r.outcome, r.reason.code) == ("rejected", "import.form_not_in_round")
    assert dump(inbox.sec.data_dir) == before


def test_a_yaml_alias_bomb_is_refused_by_forms_check_at_once(tmp_path, capsys):
    from selfreview.cli import main
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 12):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "d"), "forms", "check", str(bomb)]) == 1
    out = capsys.readouterr()
    assert "bí danh YAML" in out.out + out.err and "dòng 2" in out.out + out.err  # Vietnamese by default


def test_template_numbers_and_sizes_are_bounded():
    from selfreview.forms import TemplateErrors, template_from_data
    base = json.loads(canonical_json(FORM_2B.template))

    def with_score(**kw):
        body = json.loads(json.dumps(base))
        (score,) = [i for p in body["parts"] for s in p["sections"] for i in s["items"] if i["id"] == "b1_general"]
        score.update(kw)
        return body

    for bad in ({"step": "1E-999999"}, {"step": "NaN"}, {"max": "Infinity"}, {"max": "1E+999999"},
                {"min": "-1e9"}, {"step": "0.001", "max": "1000", "min": "-1000"}):
        with pytest.raises(TemplateErrors):
            template_from_data(with_score(**bad), "x")
    many = json.loads(json.dumps(base))
    (choice,) = [i for p in many["parts"] for s in p["sections"] for i in s["items"] if i["id"] == "b2_proposed"]
    choice["options"] += [{"value": f"o{n}", "label": {"vi": "x", "en": "x"}} for n in range(300)]
    with pytest.raises(TemplateErrors) as e:
        template_from_data(many, "x")
    assert "200" in str(e.value.errors[0])
    assert template_from_data(with_score(step="0.25"), "x").item_index()["b1_general"].step == 0.25


def test_a_key_file_with_a_repeated_key_is_refused():
    """A key backup whose "purpose" is written twice: one reader would take the first, another the
    last; the file is refused instead."""
    from selfreview.exchange.keystore import KeyFileError, read_header, seal
    from exchange_kit import identity as ident
    sealed = seal(ident(3), "một mật khẩu đủ dài 2025", "key-backup")
    read_header(sealed)  # sound as written
    doubled = sealed.replace(b'"purpose": "key-backup"', b'"purpose": "profile-keys", "purpose": "key-backup"', 1)
    assert doubled != sealed
    with pytest.raises(KeyFileError) as e:
        read_header(doubled)
    assert "purpose" in e.value.message.en


def test_the_import_refuses_exactly_what_finalize_refuses(tmp_path):
    """Property (hypothesis): answers of 2B with some removed, blanked or changed; the import takes
    the file if and only if the member's own finalize rule (forms/finalcheck.py) finds nothing."""
    from hypothesis import HealthCheck, given, settings, strategies as st
    from exchange_kit import closed_secretary, fresh_copy, open_secretary
    from selfreview.forms.finalcheck import final_issues

    secretary = closed_secretary(open_secretary(tmp_path / "secretary"))  # each example imports into a copy
    template = FORM_2B.template
    keys = sorted(complete_2b())
    counter = iter(range(10, 10_000))
    edits = st.dictionaries(st.sampled_from(keys), st.sampled_from(["drop", "blank", "htxsnv", "khtnv", "low"]),
                            max_size=4)

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    @given(edits)
    def check(changes):
        answers = complete_2b()
        for q, how in changes.items():
            if how == "drop":
                answers.pop(q)
            elif how == "blank":
                answers[q] = "" if isinstance(answers[q], str) else type(answers[q])()
            elif how in ("htxsnv", "khtnv"):
                answers["b2_proposed"] = how
            elif how == "low":
                answers["b1_tasks"] = 10
        n = next(counter)
        with fresh_copy(secretary, tmp_path / f"example{n}" / "secretary") as sec:
            path = tmp_path / f"example{n}" / "member.selfreview"
            path.write_bytes(write_response(identity(1), response(sec, identity(1), name="Người Thứ Nhất",
                                                                  answers=answers), NOW))
            (r,) = sec.ctx.exchange.import_paths([path])
        assert (r.outcome != "rejected") == (final_issues(template, answers) == []), (changes, r.reason)

    check()
