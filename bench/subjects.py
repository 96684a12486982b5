"""What one child process measures: ``python bench/subjects.py NAME PARAMS_JSON``.

Each subject prints one line ``BENCH-RESULT {json}``. Times are taken inside the child with
``time.perf_counter`` around exactly the work named, after the interpreter has started, the
modules are imported and the set-up's garbage is collected (``_settle``; start-up is measured on
its own, from outside, by ``startup_*``).

Subjects and their baselines (see docs/benchmarks.md for why each baseline is what it is):

* ``import``          ``ctx.exchange.import_paths([folder])`` into the given data directory.
* ``import_bare``     the same files listed, read, decrypted (X25519 + HKDF-SHA256 +
                      ChaCha20-Poly1305, with the envelope header as associated data), signature
                      checked (Ed25519) and parsed (json) in a plain loop written directly on
                      ``cryptography``: the lower bound of any import. Writes nothing.
* ``import_checks``   (information) the exchange layer alone: ``read_limited`` + ``read_response``
                      per file, every check of the file format but no database.
* ``import_parallel`` (information) the import with its file checks in 2 worker processes
                      (``Importer(ctx, workers=2)``), whatever the default is.
* ``rollup`` / ``rollup_bare``  ``ctx.reports.write_rollup`` against a bare reportlab
                      ``SimpleDocTemplate`` holding the same table rows: the roll-up's three tables
                      (a row per cell with the same 13 columns, two header rows and the total; the
                      counts per rating level; the responsibility self-check), the same TTF fonts.
* ``rollup_cells_bare``  (information) the first baseline: the cells table alone.
* ``rollup_content_bare``  (information) the roll-up's whole content drawn with bare reportlab:
                      the header, title, facts, the cells table, the counts table and its chart,
                      the responsibility table and its chart, the signature; a fairer lower bound.
* ``cell`` / ``cell_bare``  ``ctx.reports.write_cell(..., with_reviews=True)`` against a bare
                      document with the members table and every review's question labels and answers
                      as plain paragraphs.
* ``startup_app`` / ``startup_bare``  the real ``selfreview`` command (``selfreview.cli.main`` with no
                      sub-command) against ``QApplication`` + ``QMainWindow().show()``; both print
                      ``time.monotonic()`` from ``app.exec()``: "shown", right after the main
                      window's first expose has been handled (painted and flushed), and "ready",
                      once it holds its first page (the app shows its window before opening the
                      data folder); the parent subtracts its spawn time.
* ``autosave``        ``ctx.reviews.save_answer`` timed one call at a time, each followed by the same
                      upsert written directly with ``sqlite3`` (the floor) on the same database.
* ``prepare_extra_cell``  set-up, not measured: one more cell with its own member files.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

RESULT_PREFIX = "BENCH-RESULT "
SUBJECTS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def subject(fn: Callable[[dict[str, Any]], dict[str, Any]]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    SUBJECTS[fn.__name__] = fn
    return fn


def _settle() -> None:
    """Right before a clock starts: collect the set-up's garbage. Otherwise a subject pays for
    collections of whatever its set-up happened to leave (measured: the bare roll-up table took
    0.060 s after a set-up that left more garbage, 0.035 s after a collection), which is noise
    about the set-up, not about the work timed."""
    import gc
    gc.collect()


def _pdf_pages(path: str | Path) -> int:
    import re
    return len(re.findall(rb"/Type\s*/Page[^s]", Path(path).read_bytes()))


# -- import ------------------------------------------------------------------------------------------
def _response_files(folder: str) -> list[Path]:
    # what the importer walks: every *.selfreview under the folder, sorted
    return sorted(f for f in Path(folder).rglob("*") if f.suffix.lower() == ".selfreview" and f.is_file())


@subject
def import_(p: dict[str, Any]) -> dict[str, Any]:
    from selfreview.services.context import AppContext

    ctx = AppContext.open(p["data_dir"])
    try:
        ctx.exchange  # the modules are imported before the clock starts, as the baseline's are
        _settle()
        c0, t0 = time.process_time(), time.perf_counter()
        tally = ctx.exchange.import_each([p["files"]])  # the receipts counted as they come, as the CLI does
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        ctx.close()
    outcomes = {k: v for k, v in tally.counts.items() if v}
    if tally.rejected:
        first = tally.rejected[0]
        raise SystemExit(f"import rejected {len(tally.rejected)} files, e.g. {first.file_name}: "
                         f"{first.reason.en if first.reason else '?'}")
    from selfreview.services.importing.workers import DEFAULT_WORKERS
    return {"seconds": seconds, "cpu_seconds": cpu, "files": tally.total, "outcomes": outcomes,
            "workers": DEFAULT_WORKERS}


SUBJECTS["import"] = SUBJECTS.pop("import_")


@subject
def import_in_process(p: dict[str, Any]) -> dict[str, Any]:
    """(information) The same import with ``workers`` worker processes checking the files (0: every
    file checked in this process, as on a one-CPU machine), whatever the default is."""
    from selfreview.services.context import AppContext
    from selfreview.services.importing.importer import Importer

    ctx = AppContext.open(p["data_dir"])
    try:
        ctx.exchange
        _settle()
        c0, t0 = time.process_time(), time.perf_counter()
        importer = Importer(ctx, workers=p.get("workers", 0))
        receipts = importer.run([p["files"]])
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        ctx.close()
    outcomes = Counter(r.outcome for r in receipts)
    if outcomes.get("rejected"):
        raise SystemExit(f"import rejected {outcomes['rejected']} files")
    return {"seconds": seconds, "cpu_seconds": cpu, "files": len(receipts), "outcomes": dict(outcomes),
            "checked_in_workers": importer.checked_in_workers, "batches": importer.batches}


def _secretary_identity(data_dir: str, profile_id: int):
    from selfreview.exchange.keystore import open_identity
    return open_identity(Path(data_dir) / "keys", profile_id, None)


@subject
def import_bare(p: dict[str, Any]) -> dict[str, Any]:
    import base64
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    enc = _secretary_identity(p["data_dir"], p["secretary_id"]).enc  # set-up: not timed
    info = b"selfreview-response-v1"
    prefix = b"selfreview-response/1\x00"
    _settle()
    c0, t0 = time.process_time(), time.perf_counter()
    files = _response_files(p["files"])
    n = 0
    for path in files:
        raw = path.read_bytes()
        env = json.loads(raw)
        e = env["encryption"]
        eph, rcpt = base64.b64decode(e["ephemeral"]), base64.b64decode(e["recipient"])
        shared = enc.exchange(X25519PublicKey.from_public_bytes(eph))
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=eph + rcpt, info=info).derive(shared)
        header = {k: v for k, v in env.items() if k != "payload"}
        aad = json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        plain = ChaCha20Poly1305(key).decrypt(base64.b64decode(e["nonce"]), base64.b64decode(env["payload"]), aad)
        body = plain[64:]
        doc = json.loads(body)
        Ed25519PublicKey.from_public_bytes(base64.b64decode(doc["member"]["sign_public"])).verify(
            plain[:64], prefix + body)
        n += 1
    return {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0, "files": n}


@subject
def import_checks(p: dict[str, Any]) -> dict[str, Any]:
    from selfreview.exchange.envelope import read_limited
    from selfreview.exchange.response import read_response

    ident = _secretary_identity(p["data_dir"], p["secretary_id"])
    enc_public = ident.public.enc_public
    _settle()
    c0, t0 = time.process_time(), time.perf_counter()
    n = 0
    for path in _response_files(p["files"]):
        read_response(read_limited(path), ident, enc_public)
        n += 1
    return {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0, "files": n}


@subject
def prepare_extra_cell(p: dict[str, Any]) -> dict[str, Any]:
    """A cell of exactly ``members`` people (the issue's "60-member cell"), files encrypted to the
    same secretary as the main demo. Uses the demo generator with one cell under its own name."""
    from selfreview.demo import generate
    from selfreview.services.context import AppContext

    ctx = AppContext.open(p["data_dir"])
    try:
        generate.CELL_NAMES = (p["cell_name"],)  # run_demo names cell 0 after CELL_NAMES[0]
        result = generate.run_demo(ctx, p["members"], p["out"], cells=1, seed=p["seed"], period=p["period"])
        secretary = ctx.profiles.secretary()
    finally:
        ctx.close()
    if [r.cell for r in result.rounds] != [p["cell_name"]]:
        raise SystemExit(f"the extra cell was not made under its own name: {[r.cell for r in result.rounds]}")
    return {"files": len(result.files), "cell_id": result.rounds[0].cell_id, "secretary_id": secretary.id}


@subject
def inspect(p: dict[str, Any]) -> dict[str, Any]:
    """Set-up check: the secretary, the cells, how many current reviews the database holds."""
    import sqlite3
    from selfreview.services.context import AppContext

    ctx = AppContext.open(p["data_dir"])
    try:
        secretary = ctx.profiles.secretary()
        cells = {c.name: c.id for c in ctx.cells.list_cells()}
    finally:
        ctx.close()
    db = sqlite3.connect(Path(p["data_dir"]) / "selfreview.db")
    try:
        reviews = db.execute("SELECT count(*) FROM review WHERE is_current").fetchone()[0]
        members = dict(db.execute("SELECT cell_id, count(*) FROM member GROUP BY cell_id").fetchall())
    finally:
        db.close()
    size = (Path(p["data_dir"]) / "selfreview.db").stat().st_size
    return {"secretary_id": secretary.id if secretary else None, "cells": cells, "reviews": reviews,
            "members_per_cell": {str(k): v for k, v in members.items()}, "db_bytes": size}


# -- reports -----------------------------------------------------------------------------------------
@subject
def rollup(p: dict[str, Any]) -> dict[str, Any]:
    from importlib import import_module

    from selfreview.services.context import AppContext

    # the modules are imported before the clock starts, as the baselines import reportlab before theirs
    # (the report modules, the reporting service, the database models the app has loaded at start-up)
    import_module("selfreview.reports.rollup")
    import_module("selfreview.db.models")

    ctx = AppContext.open(p["data_dir"])
    out = Path(p["out_dir"])
    ctx.reports
    try:
        _settle()
        c0, t0 = time.process_time(), time.perf_counter()
        ctx.reports.write_rollup(p["period"], out / "rollup-1.pdf")
        t1, cpu = time.perf_counter(), time.process_time() - c0
        ctx.reports.write_rollup(p["period"], out / "rollup-2.pdf")
        t2 = time.perf_counter()
        report = ctx.reports.rollup_report(p["period"])
    finally:
        ctx.close()
    return {"seconds": t1 - t0, "cpu_seconds": cpu, "warm_seconds": t2 - t1, "pages": _pdf_pages(out / "rollup-1.pdf"),
            "bytes": (out / "rollup-1.pdf").stat().st_size, "cells": len(report.rows),
            "members": sum(r.members for r in report.rows)}


@subject
def province_probe(p: dict[str, Any]) -> dict[str, Any]:
    """(bench/province.py) The data opened, ``list reviews`` (ReviewService.list), the roll-up PDF
    cold: each timed in this fresh process, on the database SELFREVIEW_DB_URL or the folder names."""
    from selfreview.services.context import AppContext

    t0 = time.perf_counter()
    ctx = AppContext.open(p["data_dir"], daily_backup=False)
    opened = time.perf_counter() - t0
    try:
        ctx.reviews, ctx.reports
        _settle()
        t0 = time.perf_counter()
        listed = ctx.reviews.list()
        list_s = time.perf_counter() - t0
        out = Path(p["out_dir"])
        out.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        ctx.reports.write_rollup(p["period"], out / "rollup.pdf")
        rollup_s = time.perf_counter() - t0
    finally:
        ctx.close()
    return {"open_s": opened, "list_reviews_s": list_s, "reviews_listed": len(listed), "rollup_cold_s": rollup_s,
            "rollup_pages": _pdf_pages(out / "rollup.pdf")}


def _bare_cold_then_warm(build: Callable[[Path, str, str], None], out: Path, stem: str, **extra: Any) -> dict[str, Any]:
    """A bare baseline's document made twice in this process, timed from its font registration:
    the first ("cold", the ratio's) and again ("warm")."""
    _settle()
    c0, t0 = time.process_time(), time.perf_counter()
    serif, bold = _register_bare_fonts()
    build(out / f"{stem}-1.pdf", serif, bold)
    t1, cpu = time.perf_counter(), time.process_time() - c0
    build(out / f"{stem}-2.pdf", serif, bold)
    t2 = time.perf_counter()
    return {"seconds": t1 - t0, "cpu_seconds": cpu, "warm_seconds": t2 - t1, "pages": _pdf_pages(out / f"{stem}-1.pdf"),
            **extra}


def _register_bare_fonts() -> tuple[str, str]:
    """The same Liberation Serif files the reports use, under names of our own."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from selfreview.paths import fonts_dir

    names = {"BareSerif": "LiberationSerif-Regular.ttf", "BareSerif-Bold": "LiberationSerif-Bold.ttf",
             "BareSerif-Italic": "LiberationSerif-Italic.ttf",
             "BareSerif-BoldItalic": "LiberationSerif-BoldItalic.ttf"}
    for name, file in names.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / file)))
    pdfmetrics.registerFontFamily("BareSerif", normal="BareSerif", bold="BareSerif-Bold",
                                  italic="BareSerif-Italic", boldItalic="BareSerif-BoldItalic")
    return "BareSerif", "BareSerif-Bold"


def _bare_doc(path: Path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate
    # the reports' default page: A4, margins 20/20/30/15 mm
    return SimpleDocTemplate(str(path), pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm, topMargin=20 * mm,
                             bottomMargin=20 * mm, invariant=1)


def _rollup_rows(report) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    """The rows of the roll-up's three tables, as plain strings: a row per cell (with its two
    header rows and the total), the counts per rating level, the responsibility self-check."""
    levels = ("htxsnv", "httnv", "htnv", "khtnv")
    names = ("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
             "Không hoàn thành nhiệm vụ")
    own, cell = Counter(), Counter()
    members = submitted = 0
    cell_rows = [["TT", "Tổ chức đảng", "Số đảng viên", "Đã nộp", "HTXSNV", "", "HTTNV", "", "HTNV", "", "KHTNV", "",
                  "Hạn mức"], ["", "", "", ""] + ["TĐX", "CBĐX"] * 4 + [""]]
    for n, r in enumerate(report.rows, start=1):
        own.update(r.self_counts)
        cell.update(r.cell_counts)
        members, submitted = members + r.members, submitted + r.submitted
        cell_rows.append([str(n), r.name, str(r.members), str(r.submitted)]
                         + [str(c.get(level, 0)) for level in levels for c in (r.self_counts, r.cell_counts)]
                         + ["Đạt"])
    cell_rows.append(["", "Tổng cộng", str(members), str(submitted)]
                     + [str(c[level]) for level in levels for c in (own, cell)] + ["Đạt"])
    count_rows = [["Mức xếp loại", "Cá nhân tự đề xuất", "", "Chi bộ đề xuất", ""],
                  ["", "Số lượng", "Tỉ lệ", "Số lượng", "Tỉ lệ"]]
    for level, label in zip(levels, names):
        count_rows.append([label, str(own[level]), f"{100 * own[level] / max(members, 1):.1f}%", str(cell[level]),
                           f"{100 * cell[level] / max(members, 1):.1f}%"])
    count_rows.append(["Tổng số", str(members), "100%", str(members), "100%"])
    tally = report.responsibility
    check_rows = [["TT", "Biểu hiện", "Đôi khi", "Thường xuyên", "Cộng"]]
    for n, b in enumerate(tally.behaviours, start=1):
        c = tally.counts.get(b.id, {})
        check_rows.append([str(n), b.label, str(c.get("sometimes", 0)), str(c.get("often", 0)),
                           str(c.get("sometimes", 0) + c.get("often", 0))])
    return cell_rows, count_rows, check_rows


def _rollup_tables(rows, serif: str, bold: str, width: float) -> list:
    """The three tables of bare reportlab: the same columns and header rows as the roll-up's,
    10 pt, a 0.5 pt grid, bold header rows; the behaviours (long labels) wrap in paragraphs."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    cell_rows, count_rows, check_rows = rows
    label = ParagraphStyle("label", fontName=serif, fontSize=10, leading=12)
    grid = [("FONTNAME", (0, 0), (-1, -1), serif), ("FONTSIZE", (0, 0), (-1, -1), 10),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    n_w, num_w, lvl_w, q_w = 7 * mm, 10 * mm, 9.5 * mm, 14 * mm
    cells = Table(cell_rows, colWidths=[n_w, width - n_w - 2 * num_w - 8 * lvl_w - q_w, num_w, num_w]
                  + [lvl_w] * 8 + [q_w], repeatRows=2)
    cells.setStyle(TableStyle(grid + [("FONTNAME", (0, 0), (-1, 1), bold), ("FONTNAME", (0, -1), (-1, -1), bold)]
                              + [("SPAN", (i, 0), (i, 1)) for i in (0, 1, 2, 3, 12)]
                              + [("SPAN", (4 + 2 * k, 0), (5 + 2 * k, 0)) for k in range(4)]))
    col = (width - 70 * mm) / 4
    counts = Table(count_rows, colWidths=[70 * mm, col, col, col, col], repeatRows=2)
    counts.setStyle(TableStyle(grid + [("FONTNAME", (0, 0), (-1, 1), bold), ("SPAN", (0, 0), (0, 1)),
                                       ("SPAN", (1, 0), (2, 0)), ("SPAN", (3, 0), (4, 0))]))
    checks = Table([[c if i != 1 else Paragraph(escape(c), label) for i, c in enumerate(row)] for row in check_rows],
                   colWidths=[9 * mm, width - 63 * mm, 18 * mm, 18 * mm, 18 * mm], repeatRows=1)
    checks.setStyle(TableStyle(grid + [("FONTNAME", (0, 0), (-1, 0), bold)]))
    return [cells, counts, checks]


def _rollup_setup(p: dict[str, Any]):
    """Set-up of the bare roll-ups, not timed: the roll-up's numbers and labels, and the width."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from selfreview.services.context import AppContext

    ctx = AppContext.open(p["data_dir"])
    try:
        report = ctx.reports.rollup_report(p["period"])
    finally:
        ctx.close()
    return report, A4[0] - 45 * mm  # the reports' frame: A4 less margins of 30 and 15 mm


@subject
def rollup_bare(p: dict[str, Any]) -> dict[str, Any]:
    """The target's baseline: a bare document with the same table rows as the roll-up (its three
    tables, one after the other, nothing else)."""
    report, width = _rollup_setup(p)
    rows = _rollup_rows(report)

    def build(path: Path, serif: str, bold: str) -> None:
        _bare_doc(path).build(_rollup_tables(rows, serif, bold, width))

    return _bare_cold_then_warm(build, Path(p["out_dir"]), "bare", rows=sum(len(r) for r in rows))


@subject
def rollup_cells_bare(p: dict[str, Any]) -> dict[str, Any]:
    """(information) The first baseline: the cells table alone."""
    report, width = _rollup_setup(p)
    rows = _rollup_rows(report)

    def build(path: Path, serif: str, bold: str) -> None:
        _bare_doc(path).build(_rollup_tables(rows, serif, bold, width)[:1])

    return _bare_cold_then_warm(build, Path(p["out_dir"]), "cells", rows=len(rows[0]))


@subject
def rollup_content_bare(p: dict[str, Any]) -> dict[str, Any]:
    """The roll-up's content, part for part, drawn with bare reportlab: no selfreview code runs in
    the timed part (only ``rollup_report`` in the set-up, for the numbers and labels)."""
    from xml.sax.saxutils import escape

    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    report, width = _rollup_setup(p)
    rows = _rollup_rows(report)
    cell_rows, _, check_rows = rows
    members, submitted = int(cell_rows[-1][2]), int(cell_rows[-1][3])
    own = [int(cell_rows[-1][4 + 2 * k]) for k in range(4)]
    cell = [int(cell_rows[-1][5 + 2 * k]) for k in range(4)]
    tally = report.responsibility
    out = Path(p["out_dir"])

    def chart(categories, series, title, serif, bold):
        d = Drawing(width, 190)
        bars = VerticalBarChart()
        bars.x, bars.y, bars.width, bars.height = 34, 38, width - 44, 130
        bars.data = [values for _, values in series]
        bars.categoryAxis.categoryNames = categories
        for axis in (bars.categoryAxis, bars.valueAxis):
            axis.labels.fontName = serif
        bars.valueAxis.valueMin = 0
        bars.barLabels.fontName = serif
        bars.barLabelFormat = "%d"
        bars.bars[0].fillColor, bars.bars[1].fillColor = colors.HexColor("#4f6d8f"), colors.HexColor("#c8963e")
        d.add(bars)
        legend = Legend()
        legend.fontName, legend.x, legend.y, legend.columnMaximum = serif, 40, 16, 1
        legend.colorNamePairs = [(bars.bars[i].fillColor, name) for i, (name, _) in enumerate(series)]
        d.add(legend)
        d.add(String(width / 2, 176, title, fontName=bold, fontSize=11, textAnchor="middle"))
        return d

    def build(path: Path, serif: str, bold: str) -> None:
        body = ParagraphStyle("b", fontName=serif, fontSize=14, leading=17.5)
        head = ParagraphStyle("h", fontName=bold, fontSize=14, leading=17.5, spaceBefore=6)
        centre = ParagraphStyle("c", fontName=bold, fontSize=14, leading=17.5, alignment=1)
        note = ParagraphStyle("n", fontName=serif, fontSize=11, leading=13)
        header = Table([[[Paragraph(escape(report.header.superior.upper() or "."), body),
                          Paragraph(escape(report.header.issuer.upper()), centre), Paragraph("*", centre)],
                         [Paragraph("ĐẢNG CỘNG SẢN VIỆT NAM", centre), Paragraph("..., ngày ... tháng ... năm ...", body)]]],
                       colWidths=[width * 0.45, width * 0.55])
        cells_table, counts_table, check_table = _rollup_tables(rows, serif, bold, width)
        story = [header, Spacer(1, 12), Paragraph("BÁO CÁO", centre),
                 Paragraph("TỔNG HỢP KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM " + escape(report.period),
                           centre),
                 Paragraph("I. TÌNH HÌNH CHUNG", head),
                 Paragraph(f"- Kỳ kiểm điểm: năm {escape(report.period)}", body),
                 Paragraph(f"- Số tổ chức đảng trực thuộc có đợt kiểm điểm: {len(report.rows)}", body),
                 Paragraph(f"- Tổng số đảng viên: {members}", body),
                 Paragraph(f"- Đã nộp bản kiểm điểm: {submitted}; chưa nộp: {members - submitted}", body),
                 Paragraph("II. KẾT QUẢ THEO TỪNG TỔ CHỨC ĐẢNG", head), cells_table,
                 Paragraph("Viết tắt: TĐX: cá nhân tự đề xuất; CBĐX: chi bộ đề xuất.", note),
                 Paragraph("III. TỔNG HỢP XẾP LOẠI CHUNG", head), counts_table, Spacer(1, 4),
                 Paragraph("Số HTXSNV không vượt quá 20% số HTTNV.", body),
                 Paragraph("- Theo chi bộ đề xuất: ...", body), Paragraph("- Theo tự đề xuất: ...", body),
                 chart(["HTXSNV", "HTTNV", "HTNV", "KHTNV"], [("Tự đề xuất", own), ("Chi bộ đề xuất", cell)],
                       "Số đảng viên theo mức xếp loại", serif, bold),
                 Paragraph("IV. TỰ KIỂM TRA VỀ TRÁCH NHIỆM", head),
                 Paragraph(f"Số đảng viên đã tự kiểm tra: {tally.respondents}.", body), check_table,
                 chart([r[0] for r in check_rows[1:]], [("Đôi khi", [int(r[2]) for r in check_rows[1:]]),
                                                        ("Thường xuyên", [int(r[3]) for r in check_rows[1:]])],
                       "Số người theo từng biểu hiện", serif, bold),
                 Spacer(1, 12),
                 Table([[[Paragraph("Nơi nhận:", body)], [Paragraph("T/M ĐẢNG ỦY", centre), Spacer(1, 22 * mm),
                                                          Paragraph(escape(report.signer or "..."), centre)]]],
                       colWidths=[width * 0.45, width * 0.55])]

        def footer(canvas, doc):
            canvas.setFont(serif, 10)
            canvas.drawCentredString(A4[0] / 2, 10 * mm, f"Trang {doc.page}")

        _bare_doc(path).build(story, onFirstPage=footer, onLaterPages=footer)

    return _bare_cold_then_warm(build, out, "content")


def _cell_id(ctx, name: str) -> int:
    for c in ctx.cells.list_cells():
        if c.name == name:
            return c.id
    raise SystemExit(f"no cell named {name!r}")


@subject
def cell(p: dict[str, Any]) -> dict[str, Any]:
    from importlib import import_module

    from selfreview.services.context import AppContext

    import_module("selfreview.reports.cell_summary")  # imported before the clock starts

    ctx = AppContext.open(p["data_dir"])
    out = Path(p["out_dir"])
    try:
        cell_id = _cell_id(ctx, p["cell_name"])
        _settle()
        c0, t0 = time.process_time(), time.perf_counter()
        ctx.reports.write_cell(cell_id, p["period"], out / "cell-1.pdf", with_reviews=True)
        t1, cpu = time.perf_counter(), time.process_time() - c0
        ctx.reports.write_cell(cell_id, p["period"], out / "cell-2.pdf", with_reviews=True)
        t2 = time.perf_counter()
    finally:
        ctx.close()
    return {"seconds": t1 - t0, "cpu_seconds": cpu, "warm_seconds": t2 - t1, "pages": _pdf_pages(out / "cell-1.pdf"),
            "bytes": (out / "cell-1.pdf").stat().st_size}


def _plain(value: Any) -> list[str]:
    """An answer as the strings it holds (a bare document prints them as they are)."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _plain(v)]
    if isinstance(value, list):
        return [s for v in value for s in _plain(v)]
    return [str(value)] if value not in (None, "") else []


@subject
def cell_bare(p: dict[str, Any]) -> dict[str, Any]:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Table, TableStyle
    from selfreview.services.context import AppContext

    ctx = AppContext.open(p["data_dir"])
    try:
        report = ctx.reports.cell_report(_cell_id(ctx, p["cell_name"]), p["period"], with_reviews=True)
    finally:
        ctx.close()
    table_rows = [["TT", "Họ và tên", "Chức vụ", "Điểm", "Tự đề xuất", "Chi bộ đề xuất", "Ghi chú"]]
    for n, m in enumerate(report.members, start=1):
        table_rows.append([str(n), m.name, m.post[:28], "" if m.total is None else str(m.total),
                           m.self_rating or "", m.cell_rating or "", ", ".join(m.flags)])
    reviews = []
    for r in report.reviews:
        texts = []
        for _, item in r.template.items():
            if item.id in r.answers:
                texts.append((item.label.vi, _plain(r.answers[item.id])))
        reviews.append((r.owner, texts))
    width = A4[0] - 45 * mm
    out = Path(p["out_dir"])

    def build(path: Path, serif: str, bold: str) -> None:
        body = ParagraphStyle("b", fontName=serif, fontSize=14, leading=17.5)
        label = ParagraphStyle("l", fontName=bold, fontSize=14, leading=17.5)
        table = Table(table_rows, colWidths=[9 * mm, width - 123 * mm, 30 * mm, 16 * mm, 19 * mm, 19 * mm, 30 * mm],
                      repeatRows=1)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), serif), ("FONTSIZE", (0, 0), (-1, -1), 10),
                                   ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story = [table]
        for owner, texts in reviews:
            story += [PageBreak(), Paragraph(escape(owner), label)]
            for lab, values in texts:
                story.append(Paragraph(escape(lab), label))
                story += [Paragraph(escape(v).replace("\n", "<br/>"), body) for v in values]
        _bare_doc(path).build(story)

    return _bare_cold_then_warm(build, out, "bare")


# -- start-up ----------------------------------------------------------------------------------------
def _first_paint_clock(window) -> Callable[[], float | None]:
    """The moment ``window`` was first exposed and painted, as a function to poll (None: not yet).

    Qt paints and flushes a widget window while it handles its expose event, and the app may start
    other work as soon as that has happened (ui/app.py opens the data folder from an event posted
    then), so "shown" is not polled from a loop that might run that work first: the expose is
    delivered from this clock's event filter and the time taken as soon as it has been handled, if
    the window has had its paint event by then (else at the first poll after both).

    Only ``isinstance`` on the events: the first ``event.type()`` builds PySide6's Python enum of
    every ``QEvent.Type`` (≈ 13 ms), which would be charged to whichever subject does it first."""
    from PySide6.QtCore import QCoreApplication, QObject
    from PySide6.QtGui import QExposeEvent, QPaintEvent

    class Clock(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.at: float | None = None
            self.painted = self.exposed = self.delivering = False
            self.handle = window.windowHandle()
            window.installEventFilter(self)
            self.handle.installEventFilter(self)
            self.exposed = self.handle.isExposed()  # already before exec(): taken at the first poll (later, never earlier)

        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if self.at is not None:
                return False
            if watched is window and isinstance(event, QPaintEvent):
                self.painted = True
            elif watched is self.handle and isinstance(event, QExposeEvent) and not self.delivering:
                self.delivering = True
                try:
                    QCoreApplication.sendEvent(watched, event)  # handled now: painted and flushed
                finally:
                    self.delivering = False
                if self.handle.isExposed():
                    self.exposed = True
                    if self.painted:
                        self.at = time.monotonic()
                return True  # delivered once, above
            return False

        def poll(self) -> float | None:
            if self.at is None and self.exposed and self.painted:
                self.at = time.monotonic()
            return self.at

    clock = Clock()
    return clock.poll


def _wait_shown(app, window, clock: Callable[[], float | None]) -> tuple[float, float]:
    """Process events until the window is exposed and painted ("shown", from ``clock``), and until
    it holds its first page (``window.page``; the app fills its window after showing it): "ready"."""
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + 60
    while True:
        shown = clock()
        if shown is not None and getattr(window, "page", True) is not None:
            return shown, time.monotonic()
        if time.monotonic() > deadline:
            raise SystemExit("the window was never shown" if shown is None else "the window never got its first page")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def _stamp_at_exec(qt_widgets_module) -> type:
    """A QApplication whose ``exec()`` waits for the main window, prints the times and leaves (tearing
    Qt down is not part of start-up). The window must be shown when ``exec()`` starts (both the app
    and the bare window are); its expose and first paint happen inside ``exec()``."""

    class StampingApplication(qt_widgets_module.QApplication):
        def exec(self) -> int:  # noqa: A003 (Qt's name)
            windows = [w for w in self.topLevelWidgets()
                       if isinstance(w, qt_widgets_module.QMainWindow) and w.isVisible()]
            if not windows:
                raise SystemExit("no main window was shown")
            clock = _first_paint_clock(windows[0])
            shown, ready = _wait_shown(self, windows[0], clock)
            page = getattr(windows[0], "page", None)
            print(RESULT_PREFIX + json.dumps({"shown_at": shown, "ready_at": ready,
                                              "page": type(page).__name__ if page is not None else None}),
                  flush=True)
            os._exit(0)

    return StampingApplication


def _watchdog(seconds: float, why: str) -> None:
    """Leave with an error if the subject is still running after ``seconds`` (a changed start-up
    path would otherwise sit in a real event loop until the parent's timeout)."""
    import threading

    def fire() -> None:
        print(f"watchdog: {why}", file=sys.stderr, flush=True)
        os._exit(3)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()


@subject
def startup_bare(p: dict[str, Any]) -> dict[str, Any]:
    from PySide6 import QtWidgets

    app = _stamp_at_exec(QtWidgets)(sys.argv[:1])
    window = QtWidgets.QMainWindow()
    window.resize(1280, 820)  # the app's default size
    window.show()
    app.exec()
    return {}


@subject
def startup_app(p: dict[str, Any]) -> dict[str, Any]:
    """The real ``selfreview`` command with no sub-command (``selfreview.cli.main`` -> ``ui.app.run_app``):
    the only change is that ``app.exec()`` stops once the window holds its first page, i.e. after
    the data folder was opened from inside the event loop. The child's HOME is a temporary folder,
    so the per-user settings file is a fresh one (see harness.child_env)."""
    from PySide6 import QtWidgets

    import selfreview.ui.app as ui_app
    from selfreview.cli import main as cli_main

    ui_app.QApplication = _stamp_at_exec(QtWidgets)  # what make_application instantiates
    _watchdog(120, "the app never reached app.exec() with a main window (has ui.app.run_app changed?)")
    cli_main(["--data-dir", p["data_dir"]])
    raise SystemExit("the app returned without showing its window")


# -- autosave ----------------------------------------------------------------------------------------
def _typed(text: str, rng, steps: int) -> list[str]:
    """Prefixes of ``text`` as a debounce would save them while it is typed."""
    cuts = sorted({rng.randint(1, len(text)) for _ in range(steps - 1)} | {len(text)})
    return [text[:c].rstrip() or text[:c] for c in cuts]


@subject
def autosave(p: dict[str, Any]) -> dict[str, Any]:
    import random
    import sqlite3
    from datetime import datetime, timezone

    from selfreview.demo.fill import fill_answers
    from selfreview.forms.model import LongText
    from selfreview.services.context import AppContext
    from selfreview.services.dto import ProfileData

    rng = random.Random(p.get("seed", 7))
    ctx = AppContext.open(p["data_dir"])
    try:
        profile = ctx.profiles.create(ProfileData(full_name="Nguyễn Thị Thử Nghiệm", party_post="Đảng viên",
                                                  government_post="Chuyên viên", work_unit="Văn phòng",
                                                  cell_name="Chi bộ Văn phòng"))
        detail = ctx.reviews.create(profile.id, p.get("period", "2025"))
        template, review_id = detail.template, detail.summary.id
        index = template.item_index()
        # several complete, valid answer sets: the values a member might enter, question by question
        sets = [fill_answers(template, rng, target, 2025) for target in ("htxsnv", "httnv", "htnv", "khtnv") * 2]
        long_ids = [q for q in index if isinstance(index[q], LongText) and any(q in s for s in sets)]
        other_ids = [q for q in index if q not in long_ids and any(q in s for s in sets)]
        typing: dict[str, list[str]] = {}
        for q in long_ids:
            pieces = [s[q] for s in sets if q in s]
            text = " ".join(pieces)
            target_len = min(index[q].max_length, rng.randint(1500, 4000))
            while len(text) < target_len:
                text += " " + " ".join(rng.sample(pieces, len(pieces)))
            typing[q] = _typed(text[:target_len], rng, 25)
        plan: list[tuple[str, Any]] = []
        position = dict.fromkeys(long_ids, 0)
        while len(plan) < p["saves"]:
            if long_ids and rng.random() < 0.6:  # mostly typing in long answers
                q = rng.choice(long_ids)
                steps = typing[q]
                plan.append((q, steps[min(position[q], len(steps) - 1)]))
                position[q] += 1
            else:
                q = rng.choice(other_ids)
                plan.append((q, rng.choice([s[q] for s in sets if q in s])))
        db = sqlite3.connect(Path(p["data_dir"]) / "selfreview.db", isolation_level=None)
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL", "busy_timeout=5000"):
            db.execute(f"PRAGMA {pragma}")
        upsert = ("INSERT INTO answer (review_id, question_id, value, updated_at) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT (review_id, question_id) DO UPDATE SET value = excluded.value, "
                  "updated_at = excluded.updated_at")
        touch = "UPDATE review SET updated_at = ? WHERE id = ?"
        service_ms: list[float] = []
        service_cpu_ms: list[float] = []  # this thread's CPU time: wall minus time lost to other processes
        bare_ms: list[float] = []
        for q, value in plan:
            c0 = time.thread_time()
            t0 = time.perf_counter()
            ctx.reviews.save_answer(review_id, q, value)
            t1 = time.perf_counter()
            service_cpu_ms.append((time.thread_time() - c0) * 1000)
            now = datetime.now(timezone.utc).replace(tzinfo=None).isoformat(sep=" ")
            db.execute("BEGIN")
            db.execute(upsert, (review_id, q, json.dumps(value, ensure_ascii=False, separators=(",", ":")), now))
            db.execute(touch, (now, review_id))
            db.execute("COMMIT")
            t2 = time.perf_counter()
            service_ms.append((t1 - t0) * 1000)
            bare_ms.append((t2 - t1) * 1000)
        db.close()
        reviews = ctx.reviews.answers(review_id)
    finally:
        ctx.close()
    kinds = Counter(type(index[q]).__name__ for q, _ in plan)
    return {"service_ms": service_ms, "service_cpu_ms": service_cpu_ms, "bare_ms": bare_ms, "saves": len(plan), "kinds": dict(kinds),
            "answers_stored": len(reviews), "template": template.id,
            "longest_text": max((len(v) for _, v in plan if isinstance(v, str)), default=0)}


def main(argv: list[str]) -> int:
    name, params = argv[1], json.loads(argv[2]) if len(argv) > 2 else {}
    result = SUBJECTS[name](params)
    print(RESULT_PREFIX + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
