"""PDF reports in the Party's document format (reportlab platypus and charts; no Qt), and the same
documents as Word (python-docx: ``word_review``, ``word_summary``, ``word_minutes``) and the roll-up
as Excel (openpyxl: ``excel_rollup``).

- :func:`review_pdf.write_review`: one person's self-review, to print and sign.
- :func:`cell_summary.write_cell_summary`: a cell's summary of a review round (optionally with
  every review appended, each with a PDF bookmark).
- :func:`rollup.write_rollup`: the committee's roll-up of many cells.

Reports draw plain dataclasses (:mod:`selfreview.reports.data`) that
``selfreview.services.reporting`` builds from the database; that service also writes the files
atomically and takes ``progress`` / ``should_cancel`` callables for the GUI.
"""

from selfreview.cancel import Cancelled  # (re-exported for the callers that catch it here)
from selfreview.reports.atomic import atomic_path
from selfreview.reports.page import PageSetup

__all__ = ["Cancelled", "PageSetup", "atomic_path"]
