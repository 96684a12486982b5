"""``selfreview report review|cell|rollup|page-setup``: the PDFs in the Party's document format, or
Word documents when ``--out`` ends in ``.docx`` (and an Excel workbook of the roll-up for ``.xlsx``).

    selfreview report review --review ID --out F.pdf|F.docx
    selfreview report cell --cell ID --period P --out F.pdf|F.docx [--with-reviews] [--min-count 3]
    selfreview report rollup --period P --out F.pdf|F.docx|F.xlsx
    selfreview report page-setup [--paper A4] [--margins TOP,BOTTOM,LEFT,RIGHT] [--place NAME]
"""

from __future__ import annotations

import sys

from selfreview.cli.lang import lang, say
from selfreview.cli.common import open_context, print_json
from selfreview.cancel import Cancelled
from selfreview.reports import PageSetup
from selfreview.reports.page import PAPERS
from selfreview.services.errors import ServiceError


def _min_count(text: str) -> int:
    import argparse
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say(f"không phải số nguyên: {text!r}", f"not a whole number: {text!r}")) \
            from None
    if n < 1:
        raise argparse.ArgumentTypeError(say("phải từ 1 trở lên", "must be 1 or more"))
    return n


def _margins(text: str) -> tuple[float, float, float, float]:
    import argparse
    try:
        values = tuple(float(x) for x in text.replace(";", " ").replace("/", " ").replace(",", " ").split())
    except ValueError:
        values = ()
    if len(values) != 4:
        raise argparse.ArgumentTypeError(say("cần bốn số đo bằng mm: TRÊN/DƯỚI/TRÁI/PHẢI, ví dụ 20/20/30/15",
                                             "give four numbers in mm: TOP/BOTTOM/LEFT/RIGHT, e.g. 20/20/30/15"))
    if not all(5 <= v <= 60 for v in values):  # reports/page.py's limits, said in the command line's language
        raise argparse.ArgumentTypeError(say(f"mỗi lề phải từ 5 đến 60 mm: {text}",
                                             f"each margin must be between 5 and 60 mm: {text}"))
    return values  # type: ignore[return-value]


from selfreview.cli.out_path import add_force  # noqa: E402


def _common(p, out: bool = True) -> None:
    if out:
        p.add_argument("--out", required=True, metavar="FILE", help="the file to write (replaced atomically): .pdf, or .docx for Word"
                            " (.xlsx too for the roll-up)")
        add_force(p)
    p.add_argument("--paper", choices=sorted(PAPERS), type=str.upper, help="paper size (default: the saved setting)")
    p.add_argument("--margins", type=_margins, metavar="T/B/L/R",
                   help="margins in mm: top/bottom/left/right (default: the saved setting)")
    p.add_argument("--place", help="place name before the date, e.g. \"Hà Nội\" (default: the saved setting)")


def register(sub, common) -> None:
    p = sub.add_parser("report", parents=[common], help="PDF/Word reports: a review, a cell's summary, the roll-up (also Excel)")
    rs = p.add_subparsers(dest="report_command", metavar="SUBCOMMAND", required=True)

    rp = rs.add_parser("review", parents=[common], help="one self-review, to print and sign")
    rp.add_argument("--review", type=int, required=True, metavar="ID", help="review id (see: selfreview list reviews)")
    _common(rp)
    rp.set_defaults(handler=cmd_review)

    cp = rs.add_parser("cell", parents=[common], help="a cell's summary of a review round")
    cp.add_argument("--cell", type=int, required=True, metavar="ID", help="cell id (see: selfreview list cells)")
    cp.add_argument("--period", required=True, help="the round's period, e.g. 2025")
    cp.add_argument("--with-reviews", action="store_true", help="append every member's review (bookmarked)")
    cp.add_argument("--min-count", type=_min_count, default=3, metavar="N",
                    help="hide self-check counts below N and list shortcomings shared by N or more (default 3)")
    cp.add_argument("--quota", type=int, choices=(20, 25), default=None,
                    help="HTXSNV quota percent (default: the round's setting, normally 20)")
    cp.add_argument("--number", default="", help="document number, e.g. \"12-BC/CB\" (default: blank to fill)")
    _common(cp)
    cp.set_defaults(handler=cmd_cell)

    up = rs.add_parser("rollup", parents=[common], help="the committee's roll-up of every cell's round")
    up.add_argument("--period", required=True, help="the period, e.g. 2025")
    up.add_argument("--min-count", type=_min_count, default=3, metavar="N", help="hide self-check counts below N")
    up.add_argument("--quota", type=int, choices=(20, 25), default=20, help="HTXSNV quota percent (default 20)")
    up.add_argument("--number", default="", help="document number, e.g. \"05-BC/ĐU\"")
    up.add_argument("--issuer", help="issuing body (default: the cells' superior body)")
    up.add_argument("--superior", default="", help="the body above the issuer (first header line)")
    up.add_argument("--signer", default="", help="name under the signature")
    _common(up)
    up.set_defaults(handler=cmd_rollup)

    sp = rs.add_parser("page-setup", parents=[common], help="show or save the paper, margins and place")
    _common(sp, out=False)
    sp.add_argument("--json", action="store_true", help="print JSON")
    sp.set_defaults(handler=cmd_setup)


def _setup(ctx, args) -> PageSetup:
    saved = ctx.reports.page_setup()
    data = saved.to_dict()
    if args.paper:
        data["paper"] = args.paper
    if args.margins:
        data.update(zip(("top_mm", "bottom_mm", "left_mm", "right_mm"), args.margins))
    return PageSetup.from_dict(data)


def _run(args, data_dir, write) -> int:
    try:
        with open_context(data_dir) as ctx:
            setup = _setup(ctx, args)
            path = write(ctx, setup)
    except (ServiceError, ValueError, FileNotFoundError, PermissionError) as e:
        text = e.message.get(lang()) if isinstance(e, ServiceError) else str(e)
        print(f"{say('lỗi', 'error')}: {text}", file=sys.stderr)
        return 1
    except Cancelled:
        print(say("đã hủy", "cancelled"), file=sys.stderr)
        return 130
    print(path)
    return 0


def cmd_review(args, data_dir) -> int:
    return _run(args, data_dir, lambda ctx, setup: ctx.reports.write_review(
        args.review, args.out, setup=setup, place=args.place))


def cmd_cell(args, data_dir) -> int:
    return _run(args, data_dir, lambda ctx, setup: ctx.reports.write_cell(
        args.cell, args.period, args.out, with_reviews=args.with_reviews, min_count=args.min_count,
        quota_percent=args.quota, setup=setup, place=args.place, number=args.number))


def cmd_rollup(args, data_dir) -> int:
    return _run(args, data_dir, lambda ctx, setup: ctx.reports.write_rollup(
        args.period, args.out, min_count=args.min_count, quota_percent=args.quota, setup=setup, place=args.place,
        number=args.number, issuer=args.issuer, superior=args.superior, signer=args.signer))


def cmd_setup(args, data_dir) -> int:
    try:
        with open_context(data_dir) as ctx:
            setup = _setup(ctx, args)
            if args.paper or args.margins:
                ctx.reports.set_page_setup(setup)
            if args.place is not None:
                ctx.reports.set_place(args.place)
            place = ctx.reports.place()
    except ValueError as e:
        print(f"{say('lỗi', 'error')}: {e}", file=sys.stderr)
        return 1
    if args.json:
        print_json({**setup.to_dict(), "place": place})
    else:
        print(say(f"khổ giấy {setup.paper}; lề trên {setup.top_mm:g}, dưới {setup.bottom_mm:g}, "
                  f"trái {setup.left_mm:g}, phải {setup.right_mm:g} mm; địa danh: {place or '(dấu chấm)'}",
                  f"paper {setup.paper}; margins top {setup.top_mm:g}, bottom {setup.bottom_mm:g}, "
                  f"left {setup.left_mm:g}, right {setup.right_mm:g} mm; place: {place or '(dots)'}"))
    return 0
