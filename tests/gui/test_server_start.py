"""The desktop app started on a database server that does not answer (SELFREVIEW_DB_URL): one
translated message in the start-up dialog, no traceback, and the app does not start."""

from __future__ import annotations

import socket

from selfreview.ui.startup import open_data


def test_an_unreachable_server_is_one_translated_line(tmp_path, dialogs, translators, monkeypatch):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("SELFREVIEW_DB_URL", f"postgresql+psycopg://staff:secret@127.0.0.1:{port}/office")
    assert open_data(tmp_path / "data", dialogs) is None
    ((kind, _title, text),) = dialogs.asked
    assert kind == "error" and "Traceback" not in text and "secret" not in text
    reason = text.splitlines()[-1]  # under the dialog's own first line
    assert reason.startswith("Không kết nối được máy chủ cơ sở dữ liệu (SELFREVIEW_DB_URL): connection failed")
    assert len(text.splitlines()) == 2
