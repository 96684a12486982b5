"""The committee above the cells (docs/committee.md): results travel up, decisions come down.

- ``cell.py``: the cell's side (``ctx.results``): the committee's call opened, the results file written.
- ``report.py``: the report a results file carries; ``review.py``: a member's full review from it, as PDF.
- ``service.py`` (``ctx.committee``): the call, the organisations' results, roll-call, drill-down,
  decisions with the quota.
- ``level_import.py``: results and decision files in ``selfreview import``.
- ``rollup.py``: the roll-up from reviews and results.
- ``office_key.py``: a committee office's key, a copy per staff PC (docs/security.md §5).
"""
