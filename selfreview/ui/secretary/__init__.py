"""The cell secretary's workspace (bí thư chi bộ): the round and its roster, the roll-call with drag
and drop import, reading and entering reviews, the committee's assessment with the quota, the
collective's report (Mẫu 01), the meeting and its minutes, and the files that go up.

Widgets reach data only through ``ctx`` services; long work runs through ``runner.start_job`` with a
:class:`~selfreview.ui.tasks.ProgressDialog`. ``SecretaryWorkspace`` is the page the main window shows.
"""
