"""The app's log file: an operation's technical details, with the traceback, in
``<data>/logs/selfreview.log``; warnings and errors only; nothing more once it is stopped."""

from __future__ import annotations

import logging

from selfreview.services.applog import APP_LOG, start_app_log, stop_app_log
from selfreview.services.crashlog import LOG_DIR


def test_errors_and_their_traceback_go_to_the_data_folders_log(tmp_path):
    handler = start_app_log(tmp_path)
    assert handler is not None
    log = logging.getLogger("selfreview.ui.operations")
    try:
        try:
            raise RuntimeError("no such column: member.order_no")
        except RuntimeError as e:
            log.error("operation failed", exc_info=e)
        log.warning("write failed: database is locked")
        logging.getLogger("selfreview.ui.tasks").info("a job started")  # below the log's level
        logging.getLogger("somebody.else").error("another library's error")  # not the app's
    finally:
        stop_app_log(handler)
    log.error("after the log was stopped")
    text = (tmp_path / LOG_DIR / APP_LOG).read_text(encoding="utf-8")
    assert "ERROR selfreview.ui.operations: operation failed" in text
    assert "Traceback (most recent call last)" in text and "no such column: member.order_no" in text
    assert "database is locked" in text
    assert "a job started" not in text and "another library" not in text and "after the log" not in text


def test_a_data_folder_where_no_log_can_be_written_leaves_the_app_running(tmp_path):
    blocked = tmp_path / "data"
    blocked.mkdir()
    (blocked / LOG_DIR).write_text("a file where the folder should be", encoding="utf-8")
    assert start_app_log(blocked) is None
