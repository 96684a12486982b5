"""A committee office on one shared database (docs/security.md §5): each staff member has their own
data folder, profile and passphrase; the office key (one per committee) is made by the head, handed
to a colleague as a sealed file and kept, on each PC, under that person's own passphrase. The
database holds only its public halves. Any PC holding it signs the committee's calls and decisions
and opens the results sent to the committee; the audit log says whose copy did it (and, on
PostgreSQL, which login)."""

from __future__ import annotations

import base64
import json
import os
import sys

import pytest
from committee_kit import Cell
from sqlalchemy import func, select

from selfreview.cli import main
from selfreview.db.models import AuditEntry, ImportReceipt, OrgResult, Setting
from selfreview.exchange import keystore
from selfreview.paths import DB_URL_ENV
from selfreview.services import keyguard
from selfreview.services.committee import office_key
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData
from selfreview.services.errors import ServiceError

MAI, HUNG, LAN = "mật khẩu của Mai", "mật khẩu của Hùng", "mật khẩu của Lan"
HANDOVER = "trao tay ngày 3"


@pytest.fixture
def office_url(tmp_path, monkeypatch):
    """The office's one database: the PostgreSQL server's when the ``database`` fixture set one, else
    a SQLite file that every data folder names by SELFREVIEW_DB_URL. Each PC sets it when it opens
    (``staff_pc``): the cell's office keeps its own database."""
    url = os.environ.get(DB_URL_ENV) or f"sqlite:///{tmp_path / 'office.db'}"
    monkeypatch.delenv(DB_URL_ENV, raising=False)
    return url


def staff_pc(path, url, monkeypatch) -> AppContext:
    """A staff member's PC: its own data folder (keys), the office's database."""
    monkeypatch.setenv(DB_URL_ENV, url)
    try:
        return AppContext.open(path)
    finally:
        monkeypatch.delenv(DB_URL_ENV)


def staff(ctx, name: str, passphrase: str, secretary: bool = False) -> int:
    p = ctx.profiles.create(ProfileData(full_name=name, cell_name="Đảng ủy Khối Cơ quan"))
    keyguard.protect(ctx, p.id, passphrase)
    if secretary:
        ctx.profiles.set_secretary(p.id)
    return p.id


class Office:
    """Mai (the head, profile 1) made the office key; Hùng (profile 2, another PC) imported it."""

    def __init__(self, tmp_path, url, monkeypatch) -> None:
        self.tmp = tmp_path
        self.mai = staff_pc(tmp_path / "mai-pc", url, monkeypatch)
        self.hung = staff_pc(tmp_path / "hung-pc", url, monkeypatch)
        self.mai_id = staff(self.mai, "Lê Thị Mai", MAI, secretary=True)
        self.hung_id = staff(self.hung, "Hoàng Văn Hùng", HUNG)
        self.key = office_key.create(self.mai, self.mai_id, MAI)
        self.handed = tmp_path / "usb" / "office.selfreview-key"
        self.handed.parent.mkdir()
        office_key.export(self.mai, self.mai_id, self.handed, HANDOVER, MAI)
        office_key.receive(self.hung, self.hung_id, self.handed, HANDOVER, HUNG)

    def close(self) -> None:
        self.mai.close()
        self.hung.close()


def audit(ctx, action: str) -> list[AuditEntry]:
    with ctx.read() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))
        s.expunge_all()
        return rows


def counts(ctx) -> tuple[int, int, int]:
    with ctx.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (ImportReceipt, AuditEntry, OrgResult))


def test_the_colleague_opens_the_cells_results_with_the_office_key(database, office_url, tmp_path, monkeypatch):
    url = office_url
    assert url.startswith("postgresql") == (database == "postgresql")
    cell = Cell(tmp_path / "cell")  # the cell: its own data folder and database
    office = Office(tmp_path, url, monkeypatch)
    mai, hung = office.mai, office.hung
    # the head writes the call: it carries the office key, not her own
    path, doc = mai.committee.write_call("2025", tmp_path / "call.selfreview-results-invite",
                                         ["Chi bộ Văn phòng"], passphrase=MAI)
    assert doc.committee.fingerprint == office.key.fingerprint != mai.profiles.get(office.mai_id).fingerprint
    cell.ctx.results.open_call(path, 1)
    results = cell.ctx.results.write_results(tmp_path / "vp.selfreview-results", round_id=cell.round.id).path

    # the colleague, on his own PC, imports them: his passphrase opens his copy of the office key
    with pytest.raises(ServiceError) as e:
        hung.exchange.import_paths([results])
    assert e.value.message.code == "keys.need_passphrase"  # the desktop app and command line then ask
    [r] = hung.exchange.import_paths([results], passphrase=HUNG)
    assert (r.outcome, r.member) == ("imported", "Chi bộ Văn phòng")
    assert [x.outcome for x in mai.exchange.import_paths([results], passphrase=MAI)] == ["already_present"]
    assert mai.committee.rollcall("2025").label.vi == "1/1 tổ chức đã báo cáo"

    # who did what: the head made and handed over the key, the colleague received it and used it
    [made] = audit(mai, "office_key.created")
    assert (made.actor, made.details["profile_id"], made.details["fingerprint"]) == (
        "Lê Thị Mai", office.mai_id, office.key.fingerprint)
    [received] = audit(mai, "office_key.received")
    assert (received.actor, received.details["profile_id"]) == ("Hoàng Văn Hùng", office.hung_id)
    used = [(u.actor, u.details["purpose"], u.details.get("outcome")) for u in audit(mai, "office_key.used")]
    assert used == [("Lê Thị Mai", "results.call_write", None), ("Hoàng Văn Hùng", "results.import", "imported"),
                    ("Lê Thị Mai", "results.import", "already_present")]
    [imported] = audit(mai, "results.import")  # (a file already present writes no entry of its own)
    assert imported.actor == "Hoàng Văn Hùng"
    if database == "postgresql":  # the server names the login of every entry
        assert all(a.db_user for a in audit(mai, "office_key.used"))

    # the colleague decides and sends the decisions: signed by the office key, the cell takes them
    hung.committee.decide_by_name(hung.committee.find("2025", "Chi bộ Văn phòng"), "Trần Thị Bình", "httnv")
    assert audit(mai, "results.decide")[0].actor == "Hoàng Văn Hùng"  # whoever sits at that PC
    [decisions] = hung.committee.write_decisions("2025", tmp_path / "decisions", over_quota=True, passphrase=HUNG)
    assert [x.outcome for x in cell.ctx.exchange.import_paths([decisions])] == ["imported"]
    assert audit(mai, "office_key.used")[-1].details["purpose"] == "results.decisions_write"

    # the database holds the office key's public halves only
    with mai.read() as s:
        stored = s.get(Setting, office_key.SETTING).value
    assert set(stored) == {"committee", "sign_public", "enc_public", "fingerprint", "created_by", "previous"}
    sealed = json.loads((mai.keys_dir / str(office.mai_id) / office_key.copy_path(
        mai.keys_dir, office.mai_id, office.key.fingerprint).name).read_text())
    assert sealed["purpose"] == "office-key" and sealed["committee"] == "Đảng ủy Khối Cơ quan"
    private = keystore.unseal(json.dumps(sealed).encode(), MAI).sign.private_bytes_raw()
    if database == "sqlite":
        raw = (tmp_path / "office.db").read_bytes()
        assert private not in raw and base64.b64encode(private) not in raw
    office.close()
    cell.ctx.close()


def test_a_pc_without_the_office_key_is_told_how_to_get_it_and_nothing_changes(tmp_path, monkeypatch, office_url,
                                                                              capsys):
    cell = Cell(tmp_path / "cell")
    office = Office(tmp_path, office_url, monkeypatch)
    path, _ = office.mai.committee.write_call("2025", tmp_path / "call.selfreview-results-invite",
                                              ["Chi bộ Văn phòng"], passphrase=MAI)
    cell.ctx.results.open_call(path, 1)
    results = cell.ctx.results.write_results(tmp_path / "vp.selfreview-results", round_id=cell.round.id).path
    lan_pc = staff_pc(tmp_path / "lan-pc", office_url, monkeypatch)  # a third staff member, no copy yet
    lan = staff(lan_pc, "Trần Thị Lan", LAN)
    before = counts(lan_pc)

    with pytest.raises(ServiceError) as e:
        lan_pc.exchange.import_paths([results], passphrase=LAN)
    assert e.value.message.code == "office_key.missing"
    assert office.key.fingerprint in e.value.message.vi and "import-office" in e.value.message.vi
    monkeypatch.setenv(DB_URL_ENV, office_url)
    for argv, words in ((["import", str(results)], "Máy này chưa có khóa văn phòng của Đảng ủy Khối Cơ quan"),
                        (["import", str(results), "--lang", "en"],
                         "This computer does not have the office key of Đảng ủy Khối Cơ quan"),
                        (["results-invite", "--period", "2026", "--out", str(tmp_path / "c2")],
                         "selfreview keys import-office")):
        code = main(["--data-dir", str(tmp_path / "lan-pc"), *argv])
        err = capsys.readouterr().err
        assert code == 2 and words in err and "Không tìm thấy khóa riêng" not in err, err
    assert not (tmp_path / "c2").exists()
    assert counts(lan_pc) == before  # no receipt, no audit entry, no results

    # once the head hands her a copy, the same file goes in
    office_key.receive(lan_pc, lan, office.handed, HANDOVER, LAN)
    assert [r.outcome for r in lan_pc.exchange.import_paths([results], passphrase=LAN)] == ["imported"]
    lan_pc.close()
    office.close()
    cell.ctx.close()


def test_only_this_offices_current_key_in_a_sound_file_is_taken(tmp_path, monkeypatch, office_url):
    office = Office(tmp_path, office_url, monkeypatch)
    lan_pc = staff_pc(tmp_path / "lan-pc", office_url, monkeypatch)
    lan = staff(lan_pc, "Trần Thị Lan", LAN)
    # another committee's office key (its own database)
    other = AppContext.open(tmp_path / "other-office")
    head = staff(other, "Người khác", "mật khẩu người khác", secretary=True)
    office_key.create(other, head, "mật khẩu người khác", committee="Đảng ủy khác")
    foreign = tmp_path / "foreign.selfreview-key"
    office_key.export(other, head, foreign, HANDOVER, "mật khẩu người khác")
    other.close()
    # a byte of the sealed committee name changed, and a profile's own key backup
    doc = json.loads(office.handed.read_text(encoding="utf-8"))
    doc["committee"] = "Đảng ủy Khối Cơ quan (giả)"
    tampered = tmp_path / "tampered.selfreview-key"
    tampered.write_text(json.dumps(doc), encoding="utf-8")
    backup = tmp_path / "backup.selfreview-key"
    keyguard.export_backup(office.mai, office.mai_id, backup, HANDOVER, MAI)

    for path, passphrase, code in ((foreign, HANDOVER, "office_key.not_ours"),
                                   (tampered, HANDOVER, "keys.wrong_passphrase"),
                                   (office.handed, "không phải mật khẩu", "keys.wrong_passphrase"),
                                   (backup, HANDOVER, "office_key.not_office_file")):
        with pytest.raises(ServiceError) as e:
            office_key.receive(lan_pc, lan, path, passphrase, LAN)
        assert e.value.message.code == code, path
    assert office_key.copies_of(lan_pc.keys_dir, lan) == [] and not office_key.has_copy(lan_pc)
    assert [a.actor for a in audit(lan_pc, "office_key.received")] == ["Hoàng Văn Hùng"]
    # the holder's passphrase must be their profile's own, and the profile protected
    with pytest.raises(ServiceError) as e:
        office_key.receive(lan_pc, lan, office.handed, HANDOVER, "mật khẩu sai rồi")
    assert e.value.message.code == "keys.wrong_passphrase"
    bare = lan_pc.profiles.create(ProfileData(full_name="Không mật khẩu")).id
    with pytest.raises(ServiceError) as e:
        office_key.receive(lan_pc, bare, office.handed, HANDOVER, None)
    assert e.value.message.code == "office_key.needs_protection" and f"--profile {bare}" in e.value.message.vi
    lan_pc.close()
    office.close()


def test_replacing_the_office_key_when_someone_leaves(tmp_path, monkeypatch, office_url):
    cell = Cell(tmp_path / "cell")
    office = Office(tmp_path, office_url, monkeypatch)
    mai, hung = office.mai, office.hung
    path, _ = mai.committee.write_call("2025", tmp_path / "call-2025", ["Chi bộ Văn phòng"], passphrase=MAI)
    cell.ctx.results.open_call(path, 1)
    with pytest.raises(ServiceError) as e:
        office_key.create(mai, office.mai_id, MAI)
    assert e.value.message.code == "office_key.exists"

    new = office_key.create(mai, office.mai_id, MAI, replace=True)  # Hùng left
    assert new.fingerprint != office.key.fingerprint and new.previous[0].fingerprint == office.key.fingerprint
    [replaced] = audit(mai, "office_key.replaced")
    assert replaced.details["old_fingerprint"] == office.key.fingerprint
    # a file still sent to the old key opens on the head's PC, which kept it
    late = cell.ctx.results.write_results(tmp_path / "late.selfreview-results", round_id=cell.round.id).path
    assert [r.outcome for r in mai.exchange.import_paths([late], passphrase=MAI)] == ["imported"]
    # the decisions for the old call are signed by the key that call carried, so the cell takes them
    mai.committee.decide_by_name(mai.committee.find("2025", "Chi bộ Văn phòng"), "Trần Thị Bình", "httnv")
    [decisions] = mai.committee.write_decisions("2025", tmp_path / "decisions", over_quota=True, passphrase=MAI)
    assert [r.outcome for r in cell.ctx.exchange.import_paths([decisions])] == ["imported"]
    # a new call carries the new key; Hùng's copy of the old one no longer signs for the office
    _, doc = mai.committee.write_call("2026", tmp_path / "call-2026", ["Chi bộ Văn phòng"], passphrase=MAI)
    assert doc.committee.fingerprint == new.fingerprint
    with pytest.raises(ServiceError) as e:
        hung.committee.write_call("2026", tmp_path / "call-hung", ["Chi bộ Văn phòng"], passphrase=HUNG)
    assert e.value.message.code == "office_key.missing" and new.fingerprint in e.value.message.en
    # the old key's hand-over file is refused; a copy of the new one replaces his old copy
    with pytest.raises(ServiceError) as e:
        office_key.receive(hung, office.hung_id, office.handed, HANDOVER, HUNG)
    assert e.value.message.code == "office_key.not_ours"
    office_key.export(mai, office.mai_id, tmp_path / "new.key", HANDOVER, MAI)
    office_key.receive(hung, office.hung_id, tmp_path / "new.key", HANDOVER, HUNG)
    assert office_key.copies_of(hung.keys_dir, office.hung_id) == [
        office_key.copy_path(hung.keys_dir, office.hung_id, new.fingerprint)]
    assert len(office_key.copies_of(mai.keys_dir, office.mai_id)) == 2  # the head keeps the old one
    office.close()
    cell.ctx.close()


def test_the_copy_follows_the_profiles_passphrase(tmp_path, monkeypatch, office_url):
    office = Office(tmp_path, office_url, monkeypatch)
    hung, pid = office.hung, office.hung_id
    keyguard.protect(hung, pid, "mật khẩu mới của Hùng", current_passphrase=HUNG)
    identity, holder = office_key.open_key(hung, office.key.fingerprint, "mật khẩu mới của Hùng")
    assert identity.public.fingerprint == office.key.fingerprint and holder.id == pid
    with pytest.raises(ServiceError) as e:
        office_key.open_key(hung, office.key.fingerprint, HUNG)
    assert e.value.message.code == "keys.wrong_passphrase"
    with pytest.raises(ServiceError) as e:  # never stored unsealed
        keyguard.protect(hung, pid, None, current_passphrase="mật khẩu mới của Hùng")
    assert e.value.message.code == "office_key.keep_protected" and keyguard.is_protected(hung, pid)
    office.close()


def _typing(monkeypatch, *answers: str) -> None:
    """The passphrases a person types at the prompts, in order."""
    it = iter(answers)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(it))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)


def test_the_command_line_office(tmp_path, monkeypatch, office_url, capsys):
    monkeypatch.setenv(DB_URL_ENV, office_url)
    mai, hung = ["--data-dir", str(tmp_path / "mai-pc")], ["--data-dir", str(tmp_path / "hung-pc")]
    _typing(monkeypatch, MAI, MAI)
    assert main([*mai, "keys", "new-office", "--name", "Lê Thị Mai", "--committee", "Đảng ủy Khối"]) == 0
    out = capsys.readouterr().out
    assert "đã tạo hồ sơ 1: Lê Thị Mai" in out and "Đã tạo khóa văn phòng của Đảng ủy Khối, mã khóa" in out
    _typing(monkeypatch, MAI)
    assert main([*mai, "keys", "new-office", "--profile", "1", "--lang", "en"]) == 1
    assert "The office already has an office key" in capsys.readouterr().err
    _typing(monkeypatch, MAI, HANDOVER, HANDOVER)
    key_file = tmp_path / "office.selfreview-key"
    assert main([*mai, "keys", "export-office", "--profile", "1", "--out", str(key_file), "--lang", "en"]) == 0
    assert "read the fingerprint to the colleague" in capsys.readouterr().out
    _typing(monkeypatch, "sai mật khẩu tệp")
    assert main([*hung, "keys", "import-office", str(key_file), "--name", "Hoàng Văn Hùng"]) == 1
    assert "Cụm mật khẩu không đúng" in capsys.readouterr().err
    _typing(monkeypatch, HANDOVER, HUNG, HUNG)
    assert main([*hung, "keys", "import-office", str(key_file), "--name", "Hoàng Văn Hùng", "--lang", "en"]) == 0
    assert "Imported the office key of Đảng ủy Khối" in capsys.readouterr().out
    assert main([*hung, "keys", "status", "--lang", "en"]) == 0
    status = capsys.readouterr().out
    assert "Office key of Đảng ủy Khối" in status and "a copy on this computer: 2  Hoàng Văn Hùng" in status
    assert "keys elsewhere" in status  # Mai's profile: her keys are on her PC
    with AppContext.open(tmp_path / "hung-pc") as ctx:  # a profile made by --name, in the one database
        assert [p.full_name for p in ctx.profiles.list()] == ["Hoàng Văn Hùng", "Lê Thị Mai"]
        assert ctx.profiles.secretary().full_name == "Lê Thị Mai"
    # the results-invite on Hùng's PC: asks his passphrase, signs with the office key
    _typing(monkeypatch, HUNG)
    assert main([*hung, "results-invite", "--period", "2025", "--expect", "Chi bộ A",
                 "--out", str(tmp_path / "call")]) == 0
    assert office_key.current(AppContext.open(tmp_path / "mai-pc")).fingerprint in capsys.readouterr().out


def test_before_the_office_key_the_secretarys_own_key_serves_on_their_pc_only(tmp_path, monkeypatch, office_url):
    cell = Cell(tmp_path / "cell")
    mai = staff_pc(tmp_path / "mai-pc", office_url, monkeypatch)
    hung = staff_pc(tmp_path / "hung-pc", office_url, monkeypatch)
    mai_id = staff(mai, "Lê Thị Mai", MAI, secretary=True)
    staff(hung, "Hoàng Văn Hùng", HUNG)
    path, doc = mai.committee.write_call("2025", tmp_path / "call", ["Chi bộ Văn phòng"], "Đảng ủy Khối",
                                         passphrase=MAI)
    assert doc.committee.fingerprint == mai.profiles.get(mai_id).fingerprint  # no office key: hers
    cell.ctx.results.open_call(path, 1)
    results = cell.ctx.results.write_results(tmp_path / "vp.selfreview-results", round_id=cell.round.id).path
    before = counts(hung)
    for act in (lambda: hung.exchange.import_paths([results], passphrase=HUNG),
                lambda: hung.committee.write_call("2026", tmp_path / "c2", [], "Đảng ủy Khối", passphrase=HUNG)):
        with pytest.raises(ServiceError) as e:
            act()
        assert e.value.message.code in ("office_key.recipient_missing", "office_key.secretary_elsewhere")
        assert "Lê Thị Mai" in e.value.message.vi and "Không tìm thấy khóa riêng" not in e.value.message.vi
    assert counts(hung) == before and not (tmp_path / "c2").exists()
    # on her PC it opens as before, and the import names her
    assert [r.outcome for r in mai.exchange.import_paths([results], passphrase=MAI)] == ["imported"]
    assert audit(mai, "results.import")[0].actor == "Lê Thị Mai" and audit(mai, "office_key.used") == []
    mai.close()
    hung.close()
    cell.ctx.close()


def test_the_office_key_container_seals_the_committees_name():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from selfreview.exchange.keys import PrivateIdentity
    from selfreview.exchange.keystore import KeyFileError

    identity = PrivateIdentity(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    data = keystore.seal(identity, HANDOVER, keystore.PURPOSE_OFFICE, "Đảng ủy Khối")
    header = keystore.read_header(data)
    assert (header["purpose"], header["committee"]) == ("office-key", "Đảng ủy Khối")
    assert keystore.unseal(data, HANDOVER).public == identity.public
    doc = json.loads(data)
    for change, code in ((lambda d: d.update(committee="Đảng ủy khác"), "keys.wrong_passphrase"),
                         (lambda d: d.pop("committee"), "keys.bad_file"),  # an office key names its committee
                         (lambda d: d.update(purpose="key-backup"), "keys.bad_file"),  # and only an office key
                         (lambda d: d.update(committee=7), "keys.bad_file")):
        changed = dict(doc)
        change(changed)
        with pytest.raises(KeyFileError) as e:
            keystore.unseal(json.dumps(changed).encode(), HANDOVER)
        assert e.value.code == code
    with pytest.raises(ValueError):
        keystore.seal(identity, HANDOVER, keystore.PURPOSE_BACKUP, "Đảng ủy Khối")
