"""The start-up check: a damaged database is refused with DatabaseDamaged (and left untouched);
a sound one, including one a killed program left with its write-ahead log, opens."""

import hashlib
import os
import signal
import sqlite3

import pytest

from selfreview.db.errors import StorageProblem, classify
from selfreview.db.integrity import check_file, header_problem
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData
from selfreview.services.safety import DatabaseDamaged
from pg_server import sqlite_only

# SQLite only: SQLite's own integrity checks of its file
# real first starts, not copies of the run's migrated template (tests/migrated_template.py)
pytestmark = [*sqlite_only, pytest.mark.real_start]


def make_data(data_dir, texts=("Giữ vững lập trường chính trị.",)):
    """A data directory with one profile and a review holding some answers. Returns the review id."""
    with AppContext.open(data_dir) as ctx:
        p = ctx.profiles.create(ProfileData(full_name="Trần Thị Kiểm Tra"))
        rid = ctx.reviews.create(p.id, "2026").summary.id
        for i, text in enumerate(texts):
            ctx.reviews.save_answer(rid, ("a1_political", "a1_duties", "a2_causes")[i % 3], text)
    return rid


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(data_dir):
    # enough rows that the file has many pages: damage in the middle hits a b-tree page
    make_data(data_dir, texts=[f"Đoạn {i}: " + "hoàn thành nhiệm vụ được giao " * 40 for i in range(60)])
    return data_dir / "selfreview.db"


def overwrite_middle(path):
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(size // 2 - (size // 2) % 4096)  # the start of a page: its b-tree header
        f.write(b"\xab" * 1000)


def truncate_half(path):
    with open(path, "r+b") as f:
        f.truncate(path.stat().st_size // 2)


def overwrite_header(path):
    with open(path, "r+b") as f:
        f.write(b"MZ not a database")


@pytest.mark.parametrize("damage", [overwrite_middle, truncate_half, overwrite_header])
def test_a_damaged_database_is_refused_and_left_as_it_was(filled, data_dir, damage):
    damage(filled)
    before = sha(filled)
    with pytest.raises(DatabaseDamaged) as caught:
        AppContext.open(data_dir)
    err = caught.value
    assert err.path == filled and err.detail
    assert err.message.vi.startswith("Cơ sở dữ liệu bị hỏng") and "damaged" in err.message.en
    assert sha(filled) == before  # nothing written to the damaged file
    assert not (data_dir / "damaged").exists()  # moving it aside is the person's choice


def test_header_problems_are_named(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    short = tmp_path / "short.db"
    short.write_bytes(b"SQLite format 3\x00")
    other = tmp_path / "other.db"
    other.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    bad_page = tmp_path / "page.db"
    bad_page.write_bytes(b"SQLite format 3\x00" + (3000).to_bytes(2, "big") + b"\x00" * 200)
    assert header_problem(tmp_path / "missing.db") is None
    assert header_problem(empty) is None and check_file(empty) is None  # a new, empty database
    assert "shorter than" in header_problem(short)
    assert "does not start with the SQLite header" in header_problem(other)
    assert "page size (3000)" in header_problem(bad_page)


def test_a_sound_database_passes_both_checks(filled):
    assert check_file(filled) is None
    assert check_file(filled, full=True) is None


def test_changed_index_content_is_found_by_the_full_check_only(tmp_path):
    """What quick_check cannot see (docs/reliability.md): bytes changed inside a row's text."""
    path = tmp_path / "x.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, x TEXT)")
    con.execute("CREATE INDEX ix ON t(x)")
    con.executemany("INSERT INTO t(x) VALUES (?)", [(f"dòng {i:05d}",) for i in range(2000)])
    con.commit()
    con.close()
    data = bytearray(path.read_bytes())
    at = data.rfind("dòng 01999".encode())  # inside the index's last leaf page
    data[at:at + len("dòng 01999".encode())] = "dòng 00000".encode()
    path.write_bytes(bytes(data))
    assert check_file(path) is None
    assert check_file(path, full=True) is not None


def test_a_killed_writer_leaves_a_database_that_opens(data_dir):
    """A process killed mid-work leaves -wal/-shm behind; the next start recovers them."""
    rid = make_data(data_dir)
    pid = os.fork()
    if pid == 0:
        try:
            ctx = AppContext.open(data_dir)
            ctx.reviews.save_answer(rid, "a1_pledge", "Cam kết năm 2026.")
            os.kill(os.getpid(), signal.SIGKILL)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert (data_dir / "selfreview.db-wal").exists()
    with AppContext.open(data_dir) as ctx:
        assert ctx.startup.checked
        assert ctx.reviews.answers(rid)["a1_pledge"] == "Cam kết năm 2026."


class _Err(Exception):
    def __init__(self, code):
        super().__init__("x")
        self.sqlite_errorcode = code


@pytest.mark.parametrize("code,kind", [
    (13, StorageProblem.DISK_FULL), (8, StorageProblem.READ_ONLY), (8 | (1 << 8), StorageProblem.READ_ONLY),
    (5, StorageProblem.BUSY), (6, StorageProblem.BUSY), (5 | (3 << 8), StorageProblem.BUSY),
    (11, StorageProblem.DAMAGED), (26, StorageProblem.DAMAGED), (10 | (3 << 8), StorageProblem.IO),
    (19, None), (1, None),  # a constraint, a plain SQL error: not storage problems
])
def test_driver_codes_are_classified(code, kind):
    assert classify(_Err(code)) is kind


def test_os_errors_are_classified(tmp_path):
    import errno
    assert classify(OSError(errno.ENOSPC, "full")) is StorageProblem.DISK_FULL
    assert classify(OSError(errno.EROFS, "ro")) is StorageProblem.READ_ONLY
    assert classify(FileNotFoundError(errno.ENOENT, "gone")) is None
    assert classify(ValueError("x")) is None
