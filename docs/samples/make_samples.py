"""Make the sample PDFs, the Word and Excel samples of docs/samples from `selfreview demo` data, and
render their first pages (the Word and Excel ones as LibreOffice lays them out).

    python docs/samples/make_samples.py            # writes next to this file

Needs the app installed (``selfreview`` on PATH or ``python -m selfreview``), poppler's
``pdftoppm`` and LibreOffice (``soffice``, Debian's libreoffice-writer-nogui/-calc-nogui). Everything happens in temporary data directories; nothing touches your own data.
The committee's proposals are filled in as a secretary would: the rating the member's score and
conditions suggest, with a short comment (the demo makes the reviews, not the committee's work).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select

HERE = Path(__file__).resolve().parent
PLACE = "Tam Kỳ"
COMMENT = ("Chi ủy thống nhất với nội dung tự kiểm điểm của đồng chí; đề nghị đồng chí tiếp tục phát huy "
           "ưu điểm, khắc phục dứt điểm các hạn chế đã nêu, nhất là việc chủ động đề xuất, không né tránh, "
           "đùn đẩy công việc.")


def cli(data: Path, *args: str) -> str:
    cmd = [sys.executable, "-m", "selfreview", "--data-dir", str(data), *args]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def png(pdf: Path, name: str, page: int = 1) -> None:
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(HERE / name)], check=True)


def office_png(document: Path, name: str, tmp: Path) -> None:
    """Page 1 of a Word or Excel file as LibreOffice prints it (headless, a profile of its own)."""
    profile = (tmp / "lo-profile").resolve().as_uri()
    subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp / "lo"), str(document)], check=True,
                   capture_output=True)
    png(tmp / "lo" / f"{document.stem}.pdf", name)


def assess_with_service(data: Path) -> None:
    """The 30-member cell: the committee's comment and proposal for each member, via the service."""
    from selfreview.services.context import AppContext
    with AppContext.open(data) as ctx:
        rnd = ctx.cells.list_rounds()[0]
        for m in ctx.cells.members(rnd.cell_id):
            check = ctx.assessments.check(rnd.id, m.id)
            rating = check.suggestion.rating.value if check.suggestion and check.suggestion.rating else None
            ctx.assessments.set_assessment(rnd.id, m.id, COMMENT, rating)


def assess_in_bulk(data: Path) -> None:
    """65 cells: the cell proposes the member's own proposal (bulk insert; a sample, not a workflow)."""
    from selfreview.db.models import Answer, Assessment, Review
    from selfreview.services.context import AppContext
    with AppContext.open(data) as ctx, ctx.session() as s:
        rows = s.execute(select(Review.member_id, Review.round_id, Answer.value)
                         .join(Answer, Answer.review_id == Review.id)
                         .where(Review.is_current, Review.member_id.is_not(None),
                                Answer.question_id == "b2_proposed")).all()
        for n, (member_id, round_id, value) in enumerate(rows):
            rating = "httnv" if value == "htxsnv" and n % 3 else value  # the cell trims some HTXSNV
            s.add(Assessment(member_id=member_id, round_id=round_id, proposed_rating=rating))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cell_data, many_data = tmp / "cell", tmp / "many"
        # one cell of 30 members
        cli(cell_data, "demo", "--members", "30", "--period", "2025", "--out", str(tmp / "files-cell"))
        cli(cell_data, "import", str(tmp / "files-cell"))
        cli(cell_data, "report", "page-setup", "--place", PLACE)
        assess_with_service(cell_data)
        review_id = next(line.split()[0] for line in cli(cell_data, "list", "reviews").splitlines()[1:]
                         if "hd43-2025-2b" in line)
        cli(cell_data, "report", "review", "--review", review_id, "--out", str(HERE / "review.pdf"))
        cli(cell_data, "report", "cell", "--cell", "1", "--period", "2025", "--with-reviews", "--number", "05-BC/CB",
            "--out", str(HERE / "cell-summary.pdf"))
        cli(cell_data, "report", "review", "--review", review_id, "--out", str(HERE / "review.docx"))
        # the committee above: 65 cells of 70 members
        cli(many_data, "demo", "--members", "70", "--cells", "65", "--period", "2025", "--out", str(tmp / "files-many"))
        cli(many_data, "import", str(tmp / "files-many"))
        assess_in_bulk(many_data)
        cli(many_data, "report", "rollup", "--period", "2025", "--number", "12-BC/ĐU", "--place", PLACE,
            "--issuer", "Đảng ủy Khối các cơ quan", "--superior", "Đảng bộ tỉnh Quảng Nam",
            "--out", str(HERE / "rollup.pdf"))
        cli(many_data, "report", "rollup", "--period", "2025", "--issuer", "Đảng ủy Khối các cơ quan",
            "--out", str(HERE / "rollup.xlsx"))
        office_png(HERE / "review.docx", "review-docx-p1", tmp)
        office_png(HERE / "rollup.xlsx", "rollup-xlsx-p1", tmp)
    png(HERE / "review.pdf", "review-p1")
    png(HERE / "cell-summary.pdf", "cell-summary-p1")
    png(HERE / "cell-summary.pdf", "cell-summary-p2", page=2)
    png(HERE / "rollup.pdf", "rollup-p1")


if __name__ == "__main__":
    main()
