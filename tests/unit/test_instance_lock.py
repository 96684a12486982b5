"""One running app per data directory; the lock dies with its holder, even on SIGKILL."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from selfreview.services.instance import AlreadyRunning, acquire_instance_lock, holder_pid

HOLDER = textwrap.dedent("""
    import sys, time
    from selfreview.services.instance import acquire_instance_lock
    lock = acquire_instance_lock(sys.argv[1])
    print("HELD", flush=True)
    time.sleep(60)
""")

TRY = textwrap.dedent("""
    import sys
    from selfreview.services.instance import AlreadyRunning, acquire_instance_lock
    try:
        acquire_instance_lock(sys.argv[1])
        print("ACQUIRED")
    except AlreadyRunning as e:
        print("REFUSED", e.holder_pid)
""")


def test_a_second_taker_is_refused_until_the_first_releases(data_dir):
    first = acquire_instance_lock(data_dir)
    assert first.held and holder_pid(data_dir) == os.getpid()
    with pytest.raises(AlreadyRunning) as caught:
        acquire_instance_lock(data_dir)
    assert caught.value.holder_pid == os.getpid()
    assert caught.value.message.vi.startswith("selfreview đang chạy với thư mục dữ liệu này")
    other = subprocess.run([sys.executable, "-c", TRY, str(data_dir)], capture_output=True, text=True, check=True)
    assert other.stdout.split() == ["REFUSED", str(os.getpid())]
    first.release()
    with acquire_instance_lock(data_dir) as again:
        assert again.held
    assert not again.held


def test_the_lock_is_released_when_its_holder_is_killed(data_dir):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "HELD"
        with pytest.raises(AlreadyRunning) as caught:
            acquire_instance_lock(data_dir)
        assert caught.value.holder_pid == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        holder.stdout.close()
    assert (data_dir / "selfreview.lock").exists()  # the file stays; the system dropped the lock
    lock = acquire_instance_lock(data_dir)
    assert lock.held and holder_pid(data_dir) == os.getpid()
    lock.release()


def test_different_data_directories_do_not_block_each_other(tmp_path):
    a = acquire_instance_lock(tmp_path / "a")
    b = acquire_instance_lock(tmp_path / "b")
    assert a.held and b.held
    a.release()
    b.release()


def test_without_fcntl_the_lock_goes_through_filelock_and_agrees_with_flock(data_dir, monkeypatch):
    """Windows has no ``fcntl``: the module must import and lock there through ``filelock``. Here that
    branch is taken by hiding the module; a POSIX process on the same folder is still refused."""
    import selfreview.services.instance as instance

    monkeypatch.setattr(instance, "fcntl", None)
    first = acquire_instance_lock(data_dir)
    assert type(first._lock).__module__.startswith("filelock")
    with pytest.raises(AlreadyRunning):
        acquire_instance_lock(data_dir)
    other = subprocess.run([sys.executable, "-c", TRY, str(data_dir)], capture_output=True, text=True, check=True)
    assert other.stdout.split() == ["REFUSED", str(os.getpid())]
    first.release()
    assert not first.held
    with acquire_instance_lock(data_dir) as again:
        assert again.held
