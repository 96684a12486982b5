"""A corpus of bad files: each is refused (or recognised) with its own plain-words reason, and the
database is unchanged: every table's rows are the same before and after, except the one receipt
that records the refusal."""

import base64
import json
import unicodedata
from dataclasses import replace

import pytest

from answers_2b import complete_2b
from bad_files_kit import write_case
from exchange_kit import NOW, body_of, dump, forge, identity, receipt_rows, rows, as_json, response
from selfreview.exchange.envelope import MAX_DEPTH, canonical
from selfreview.exchange.keys import identity_from_bytes
from selfreview.exchange.response import TemplateRef, write_response
from selfreview.forms import canonical_json, registry

# on SQLite and on PostgreSQL (tests/conftest.py, ``database``)
pytestmark = pytest.mark.usefixtures("database")


def outer(data: bytes) -> dict:
    return json.loads(data)


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


# -- the corpus: name -> (make the file, expected outcome, expected reason code) --------------------
def truncated(ib):
    data, _ = ib.good()
    return data[: len(data) // 2]


def not_the_format(ib):
    return "Kính gửi chi bộ, em gửi bản kiểm điểm năm 2025 trong tệp đính kèm.".encode("utf-8")


def other_json(ib):
    return b'{"name": "bao-cao.docx", "pages": 3}'


def empty(ib):
    return b""


def wrong_version(ib):
    env = outer(ib.good()[0])
    env["version"] = 2
    return canonical(env)


def oversized(ib):
    return None  # written as a sparse file of MAX_FILE_BYTES + 1 bytes (see write_case)


def absurdly_nested(ib):
    return b"[" * 200_000 + b"]" * 200_000


def nested_inside_signed_body(ib):
    _, doc = ib.good()
    body = body_of(doc)
    deep: object = "x"
    for _ in range(MAX_DEPTH + 5):
        deep = [deep]
    body["review"]["answers"]["a1_political"] = deep
    return forge(identity(2), body, ib.sec.enc_public)


def flipped_signature_byte(ib):
    _, doc = ib.good()
    return forge(identity(2), body_of(doc), ib.sec.enc_public, tamper_signature=lambda s: flip(s, 17))


def answer_changed_after_signing(ib):
    _, doc = ib.good()
    return forge(identity(2), body_of(doc), ib.sec.enc_public,
                 tamper_body=lambda b: b.replace("\"b1_tasks\":60".encode(), "\"b1_tasks\":70".encode()))


def ciphertext_changed(ib):
    data, _ = ib.good()
    env = outer(data)
    payload = bytearray(base64.b64decode(env["payload"]))
    payload[100] ^= 0x40
    env["payload"] = base64.b64encode(bytes(payload)).decode()
    return canonical(env)


def encrypted_to_another_secretary(ib):
    other = identity_from_bytes(b"\x07" * 32, b"\x08" * 32)
    _, doc = ib.good()
    return write_response(identity(2), replace(doc, recipient=other.public.enc_public), NOW)


def unknown_template_no_copy(ib):
    _, doc = ib.good()
    return write_response(identity(2), replace(doc, template=TemplateRef("hd43-2026-2b", 1, "ab" * 32)), NOW)


def embedded_template_not_matching_its_hash(ib):
    _, doc = ib.good()
    body = json.loads(canonical_json(registry.find("hd43-2025-2b").template))
    body["title"]["vi"] = "BẢN KIỂM ĐIỂM (đã bị sửa)"
    return write_response(identity(2), replace(doc, template=TemplateRef("hd43-2025-2b", 1, "cd" * 32),
                                               template_body=body), NOW)


def duplicate(ib):
    return ib.known_file.read_bytes()


def older_revision_after_newer(ib):
    return write_response(identity(1), replace(ib.known_doc, revision=1), NOW)


def same_revision_other_content(ib):
    answers = {**complete_2b(), "a1_pledge": "Một cam kết khác."}
    return write_response(identity(1), replace(ib.known_doc, answers=answers), NOW)


def another_key_for_known_member(ib):
    new_key = identity(9)
    doc = response(ib.sec, new_key, revision=3)  # same name and date of birth as the known member
    return write_response(new_key, doc, NOW)


def invalid_utf8(ib):
    data, _ = ib.good()
    return data[:40] + b"\xc3\x28\xff" + data[40:]


def invalid_utf8_inside_signed_body(ib):
    _, doc = ib.good()
    raw = canonical(body_of(doc)).replace("Trần Văn Đức".encode(), b"Tr\xe1\xba Van \xff")
    return forge(identity(2), raw, ib.sec.enc_public)


def an_invitation_not_a_response(ib):
    return ib.sec.ctx.exchange.write_invitation(ib.sec.round.id, ib.tmp / "x.selfreview-invite").read_bytes()


def signed_body_missing_a_field(ib):
    _, doc = ib.good()
    body = body_of(doc)
    del body["review"]["finalized_at"]
    return forge(identity(2), body, ib.sec.enc_public)


def answer_to_a_question_the_form_lacks(ib):
    _, doc = ib.good()
    return write_response(identity(2), replace(doc, answers={**complete_2b(), "z9": "?"}), NOW)


def answer_of_the_wrong_kind(ib):
    _, doc = ib.good()
    return write_response(identity(2), replace(doc, answers={**complete_2b(), "b1_general": {"điểm": 26}}), NOW)


def round_not_on_this_computer(ib):
    _, doc = ib.good()
    return write_response(identity(2), replace(doc, round=replace(doc.round, uid="f" * 32)), NOW)


def cell_name_differs(ib):
    _, doc = ib.good()
    return write_response(identity(2), replace(doc, round=replace(doc.round, cell="Chi bộ Phòng Y tế")), NOW)


def form_not_of_this_round(ib):
    info = registry.find("responsibility-selfcheck-2025")
    _, doc = ib.good()
    answers = {"r_behaviours": complete_2b()["r_behaviours"]}
    return write_response(identity(2), replace(doc, answers=answers, template=TemplateRef(
        info.template.id, info.template.version, info.hash)), NOW)


def made_without_invitation(ib):
    data, _ = ib.good(invited=False, encrypted=False)
    return data


def recipient_inside_differs(ib):
    _, doc = ib.good()
    body = body_of(doc)  # says it is for the secretary, but the envelope is not encrypted
    return forge(identity(2), body, None)


CORPUS = [
    (truncated, "rejected", "import.truncated"),
    (not_the_format, "rejected", "import.not_format"),
    (other_json, "rejected", "import.not_format"),
    (empty, "rejected", "import.not_format"),
    (wrong_version, "rejected", "import.bad_version"),
    (oversized, "rejected", "import.too_large"),
    (absurdly_nested, "rejected", "import.too_deep"),
    (nested_inside_signed_body, "rejected", "import.too_deep"),
    (flipped_signature_byte, "rejected", "import.bad_signature"),
    (answer_changed_after_signing, "rejected", "import.bad_signature"),
    (ciphertext_changed, "rejected", "import.decrypt_failed"),
    (encrypted_to_another_secretary, "rejected", "import.not_for_you"),
    (unknown_template_no_copy, "rejected", "import.unknown_template"),
    (embedded_template_not_matching_its_hash, "rejected", "import.template_hash"),
    (duplicate, "already_present", ""),
    (older_revision_after_newer, "rejected", "import.older_revision"),
    (same_revision_other_content, "rejected", "import.revision_conflict"),
    (another_key_for_known_member, "rejected", "import.key_changed"),
    (invalid_utf8, "rejected", "import.not_utf8"),
    (invalid_utf8_inside_signed_body, "rejected", "import.not_utf8"),
    (an_invitation_not_a_response, "rejected", "import.is_invitation"),
    (signed_body_missing_a_field, "rejected", "import.bad_structure"),
    (answer_to_a_question_the_form_lacks, "rejected", "import.bad_answer"),
    (answer_of_the_wrong_kind, "rejected", "import.bad_answer"),
    (round_not_on_this_computer, "rejected", "import.unknown_round"),
    (cell_name_differs, "rejected", "import.round_mismatch"),
    (form_not_of_this_round, "rejected", "import.form_not_in_round"),
    (made_without_invitation, "rejected", "import.no_round"),
    (recipient_inside_differs, "rejected", "import.bad_structure"),
]


@pytest.mark.parametrize("make,outcome,code", CORPUS, ids=[c[0].__name__ for c in CORPUS])
def test_bad_file_has_its_reason_and_changes_nothing(inbox, make, outcome, code):
    path = write_case(inbox, make)
    before, receipts_before = dump(inbox.sec.data_dir), receipt_rows(inbox.sec.data_dir)
    (receipt,) = inbox.sec.ctx.exchange.import_paths([path])
    assert (receipt.outcome, receipt.reason.code if receipt.reason else "") == (outcome, code)
    if receipt.reason:
        assert receipt.reason.vi and receipt.reason.en and receipt.reason.vi != receipt.reason.en
        assert "{" not in receipt.reason.vi + receipt.reason.en  # every placeholder filled
    assert dump(inbox.sec.data_dir) == before
    assert receipt_rows(inbox.sec.data_dir) == receipts_before + [(str(path), outcome, code, receipt.member)]


def test_the_issue_list_gets_distinct_reasons_where_a_reader_can_tell_them_apart():
    codes = {make.__name__: code for make, _, code in CORPUS}
    listed = ["truncated", "not_the_format", "wrong_version", "oversized", "absurdly_nested",
              "flipped_signature_byte", "encrypted_to_another_secretary", "unknown_template_no_copy", "duplicate",
              "older_revision_after_newer", "another_key_for_known_member", "invalid_utf8"]
    assert len({codes[n] for n in listed}) == len(listed)
    # a changed answer and a changed signature both show as "the signature does not match": nobody can
    # tell from the bytes which of the two was altered
    assert codes["answer_changed_after_signing"] == codes["flipped_signature_byte"]


def test_a_confirmed_new_key_is_accepted_and_recorded(inbox):
    path = write_case(inbox, another_key_for_known_member)
    (refused,) = inbox.sec.ctx.exchange.import_paths([path])
    new_fp = identity(9).public.fingerprint
    assert new_fp in refused.reason.vi and new_fp in refused.reason.en and refused.fingerprint == new_fp
    # the secretary calls the member, they read the fingerprint aloud, it matches
    accepted, old = inbox.sec.ctx.exchange.import_paths([path, inbox.known_file],
                                                        accept_new_key_for=[new_fp.lower().replace("-", " ")])
    assert (accepted.outcome, accepted.reason.code) == ("updated", "import.key_accepted")
    assert old.reason.code == "import.key_changed"  # the old key is no longer this member's
    (member,) = inbox.sec.ctx.cells.members(inbox.sec.round.cell_id)
    assert member.fingerprint == new_fp
    (details,), = rows(inbox.sec.data_dir, "select details from audit_log where action = 'member.key_replaced'")
    logged = as_json(details)
    assert (logged["old_fingerprint"], logged["new_fingerprint"]) == (identity(1).public.fingerprint, new_fp)
    # and in a later batch too
    (old,) = inbox.sec.ctx.exchange.import_paths([inbox.known_file])
    assert old.reason.code == "import.key_changed"


def test_decomposed_vietnamese_is_normalised_not_refused(inbox):
    """NFD text (e.g. typed on a Mac) is signed as sent; after the signature is checked it is stored
    as NFC, and the receipt says so. Its NFC twin is then the same review."""
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    _, doc = inbox.good()
    body = body_of(doc)
    body["member"]["full_name"] = nfd("Trần Văn Đức")
    body["review"]["answers"]["a1_political"] = nfd(complete_2b()["a1_political"])
    path = inbox.tmp / "nfd.selfreview"
    path.write_bytes(forge(identity(2), body, inbox.sec.enc_public))
    (r,) = inbox.sec.ctx.exchange.import_paths([path])
    assert (r.outcome, r.reason.code, r.member) == ("imported", "import.normalised", "Trần Văn Đức")
    assert inbox.sec.ctx.reviews.answers(r.review_id) == complete_2b()
    lines = dump(inbox.sec.data_dir, skip=())
    assert all(unicodedata.is_normalized("NFC", line) for line in lines)
    twin = inbox.tmp / "nfc.selfreview"
    twin.write_bytes(inbox.good()[0])
    (again,) = inbox.sec.ctx.exchange.import_paths([twin])
    assert (again.outcome, again.review_id) == ("already_present", r.review_id)


def test_json_receipts_and_exit_status_on_the_command_line(inbox, capsys):
    from selfreview.cli import main
    bad = write_case(inbox, truncated)
    inbox.sec.ctx.close()
    status = main(["--data-dir", str(inbox.sec.data_dir), "import", str(inbox.known_file), str(bad), "--json"])
    rows = json.loads(capsys.readouterr().out)
    assert status == 1
    assert [(r["file_name"], r["outcome"]) for r in rows] == [(str(inbox.known_file), "already_present"),
                                                                (str(bad), "rejected")]
    assert set(rows[1]) >= {"file_name", "sha256", "member", "form", "revision", "outcome", "reason", "time"}
    assert "cắt cụt" in rows[1]["reason"] and rows[1]["reason_en"].startswith("The file is cut short")
    assert main(["--data-dir", str(inbox.sec.data_dir), "import", str(inbox.known_file)]) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("0 đã nhập, 0 đã cập nhật, 1 đã có, 0 bị từ chối")  # Vietnamese by default
    assert main(["--data-dir", str(inbox.sec.data_dir), "receipts", "--json", "--limit", "2"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["outcome"] for r in listed] == ["already_present", "rejected"]


def test_a_roster_entry_without_a_key_gets_it_pinned(inbox):
    from datetime import date
    from selfreview.services.cells import MemberData
    cell = inbox.sec.round.cell_id
    listed = inbox.sec.ctx.cells.add_member(cell, MemberData(full_name="trần  văn đức", category="non_leader",
                                                             date_of_birth=date(1980, 5, 17)))
    path = inbox.tmp / "duc.selfreview"
    path.write_bytes(inbox.good()[0])
    (r,) = inbox.sec.ctx.exchange.import_paths([path])
    assert r.outcome == "imported"
    members = {m.id: m for m in inbox.sec.ctx.cells.members(cell)}
    assert len(members) == 2 and members[listed.id].fingerprint == identity(2).public.fingerprint
    assert inbox.sec.ctx.reviews.open(r.review_id).summary.member_id == listed.id
    pinned = rows(inbox.sec.data_dir, "select details from audit_log where action = 'member.key_pinned'")
    assert [as_json(d)["member_id"] for (d,) in pinned] == [listed.id]


def test_two_rounds_of_one_cell_in_one_batch_share_the_roster(inbox):
    sec = inbox.sec
    earlier = sec.ctx.cells.create_round(sec.round.cell_id, "2024")
    docs = [response(sec, identity(2), name="Trần Văn Đức"),
            replace(response(sec, identity(2), name="Trần Văn Đức"), period="2024",
                    round=replace(sec.round_ref(), uid=earlier.uid, period="2024"))]
    paths = []
    for n, doc in enumerate(docs):
        paths.append(inbox.tmp / f"r{n}.selfreview")
        paths[-1].write_bytes(write_response(identity(2), doc, NOW))
    assert [r.outcome for r in sec.ctx.exchange.import_paths(paths)] == ["imported", "imported"]
    names = [m.full_name for m in sec.ctx.cells.members(sec.round.cell_id)]
    assert sorted(names) == ["Nguyễn Thị Hằng", "Trần Văn Đức"]
