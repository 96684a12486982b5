"""The secretary's tables on the command line.

    selfreview roster --cell ID --period P [--format xlsx|csv --out FILE] [--lang vi|en] [--json]
    selfreview roster-import --cell ID FILE [--encoding cp1258] [--dry-run] [--json]
    selfreview minutes --cell ID --period P --out F.pdf|F.docx [--place NAME] [--number N]

``roster`` prints the round's roll-call (who handed in, when, score, ratings) or writes it as XLSX or
as CSV (UTF-8 with a BOM, so that Excel shows Vietnamese correctly).
"""

from __future__ import annotations

import sys
from pathlib import Path

from selfreview.cli.lang import say
from selfreview.cli.out_path import add_force
from selfreview.cli.common import open_context, print_json, print_table
from selfreview.services.errors import ServiceError


def register(sub, common) -> None:
    p = sub.add_parser("roster", parents=[common], help="the roll-call of a review round, on screen or as XLSX/CSV")
    p.add_argument("--cell", type=int, required=True, metavar="ID", help="cell id (see: selfreview list cells)")
    p.add_argument("--period", required=True, help="the round's period, e.g. 2025")
    p.add_argument("--format", choices=("xlsx", "csv"), help="file format (default: from the --out suffix)")
    p.add_argument("--out", metavar="FILE", help="write the table to FILE (replaced atomically)")
    add_force(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_roster)

    ip = sub.add_parser("roster-import", parents=[common], help="import a roster (XLSX or CSV) into a cell")
    ip.add_argument("--cell", type=int, required=True, metavar="ID", help="cell id")
    ip.add_argument("file", metavar="FILE", help=".xlsx or .csv with “Họ và tên”, “Ngày sinh”, … columns")
    ip.add_argument("--encoding", help="the CSV file's encoding when it is not UTF-8, e.g. cp1258")
    ip.add_argument("--dry-run", action="store_true", help="report what would happen, change nothing")
    ip.add_argument("--json", action="store_true", help="print JSON")
    ip.set_defaults(handler=cmd_import)

    mp = sub.add_parser("minutes", parents=[common], help="the minutes (biên bản) of a round's meeting as PDF (Word: --out F.docx)")
    mp.add_argument("--cell", type=int, required=True, metavar="ID", help="cell id")
    mp.add_argument("--period", required=True, help="the round's period, e.g. 2025")
    mp.add_argument("--out", required=True, metavar="FILE",
                    help="the file to write (replaced atomically): .pdf, or .docx for Word")
    add_force(mp)
    mp.add_argument("--place", help="place before the date (default: the saved setting, else the meeting's)")
    mp.add_argument("--number", default="", help="document number, e.g. \"03-BB/CB\" (default: none)")
    mp.set_defaults(handler=cmd_minutes)


def _error(e: Exception, lang: str = "vi") -> int:
    text = e.message.get(lang) if isinstance(e, ServiceError) else str(e)
    print(f"{say('lỗi', 'error')}: {text}", file=sys.stderr)
    return 1


def cmd_roster(args, data_dir) -> int:
    from selfreview.services.rollcall_table import table, text_of, write_table
    try:
        with open_context(data_dir) as ctx:
            rc = ctx.rollcall.roll_call(ctx.rollcall.round_id(args.cell, args.period))
            if args.out:
                path = write_table(rc, args.out, args.format, args.lang)
                print(path)
                return 0
            if args.format:
                raise ServiceError.of("table.bad_format", format=f"{args.format} (--out FILE)")
    except (ServiceError, OSError) as e:
        return _error(e, args.lang)
    if args.json:
        print_json({"round_id": rc.round_id, "cell": rc.cell, "period": rc.period, "deadline": rc.deadline,
                    "submitted": rc.submitted, "total": rc.total, "label": rc.label(args.lang),
                    "rows": [{"no": n, "member_id": r.member_id, "name": r.name, "post": r.post,
                              "category": r.category, "form": r.form, "status": r.status,
                              "submitted_at": r.submitted_at, "total": r.total, "self_rating": r.self_rating,
                              "cell_rating": r.cell_rating, "decided_rating": r.decided_rating,
                              "review_id": r.review_id,
                              "entered_by_secretary": r.entered_by_secretary}
                             for n, r in enumerate(rc.rows, start=1)]})
        return 0
    headers, rows = table(rc, args.lang)
    print(f"{rc.cell} — {rc.period}: {rc.label(args.lang)}")
    print_table(headers, [[text_of(v, args.lang) for v in row] for row in rows])
    return 0


def cmd_import(args, data_dir) -> int:
    lang = args.lang
    try:
        with open_context(data_dir) as ctx:
            result = ctx.roster.import_roster(args.cell, Path(args.file), args.encoding, args.dry_run)
    except (ServiceError, OSError) as e:
        return _error(e, lang)
    if args.json:
        def member(m):
            return {"id": m.id, "full_name": m.full_name, "date_of_birth": m.date_of_birth, "category": m.category}
        print_json({"dry_run": result.dry_run, "encoding": result.encoding,
                    "added": [member(m) for m in result.added], "updated": [member(m) for m in result.updated],
                    "unchanged": [member(m) for m in result.unchanged],
                    "problems": [{"row": p.row, "name": p.name, "code": p.message.code, "reason": p.message.vi,
                                  "reason_en": p.message.en} for p in result.problems],
                    "notes": [{"row": p.row, "name": p.name, "code": p.message.code, "note": p.message.vi,
                               "note_en": p.message.en} for p in result.notes],
                    "ignored_columns": list(result.ignored_columns)})
    else:
        print(result.summary.get(lang) + (say(" (chạy thử)", " (dry run)") if result.dry_run else ""))
        for p in result.problems:
            print(say(f"dòng {p.row}", f"row {p.row}") + f": {p.name or '-'}: {p.message.get(lang)}")
        for p in result.notes:
            print(say(f"dòng {p.row}", f"row {p.row}") + f": {p.name}: {p.message.get(lang)}")
        if result.ignored_columns:
            print(say("các cột bỏ qua: ", "ignored columns: ") + ", ".join(result.ignored_columns))
    return 1 if result.problems else 0


def cmd_minutes(args, data_dir) -> int:
    try:
        with open_context(data_dir) as ctx:
            path = ctx.meetings.write_minutes(ctx.rollcall.round_id(args.cell, args.period), args.out, place=args.place,
                                              number=args.number)
    except (ServiceError, OSError, ValueError) as e:
        return _error(e)
    print(path)
    return 0
