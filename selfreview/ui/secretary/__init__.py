"""The cell secretary's workspace (bí thư chi bộ): the round and its roster, the roll-call with drag
and drop import, reading and entering reviews, the committee's assessment with the quota, the
collective's report (Mẫu 01), the meeting and its minutes, and the files that go up.

Widgets reach data only through ``ctx`` services; writes and long work run through the operations
layer (:mod:`selfreview.ui.operations`), and the pages follow its ``changes`` rather than refreshing
each other. ``SecretaryWorkspace`` is the page the main window shows.
"""
