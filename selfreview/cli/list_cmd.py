"""``selfreview list cells|rounds|reviews|results [--json]``: what the database holds, with ids."""

from __future__ import annotations

from selfreview.cli.common import open_context, print_json, print_table
from selfreview.cli.lang import say


def register(sub, common) -> None:
    p = sub.add_parser("list", parents=[common], help="list cells, rounds, reviews, or the organisations' results a committee imported")
    p.add_argument("what", choices=["cells", "rounds", "reviews", "results"])
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_list)


STATUS = {"draft": ("bản nháp", "draft"), "finalized": ("đã hoàn tất", "finalized"), "sent": ("đã gửi", "sent")}


def cmd_list(args, data_dir) -> int:
    if args.what == "results":  # the organisations' results a committee imported (cli/committee_cmd.py)
        from selfreview.cli.committee_cmd import list_results
        return list_results(args, data_dir)
    with open_context(data_dir) as ctx:
        if args.what == "cells":
            rows = [{"id": c.id, "name": c.name, "superior_body": c.superior_body} for c in ctx.cells.list_cells()]
            headers = say("SỐ|TÊN|CẤP ỦY CẤP TRÊN", "ID|NAME|SUPERIOR BODY")
        elif args.what == "rounds":
            rows = [{"id": r.id, "cell": r.cell, "cell_id": r.cell_id, "period": r.period,
                     "deadline": r.deadline, "uid": r.uid} for r in ctx.cells.list_rounds()]
            headers = say("SỐ|CHI BỘ|SỐ CHI BỘ|KỲ|HẠN|UID", "ID|CELL|CELL_ID|PERIOD|DEADLINE|UID")
        else:
            rows = [{"id": r.id, "member": r.owner, "form": r.template_id, "period": r.period,
                     "status": r.status, "revision": r.revision, "round_id": r.round_id,
                     "updated_at": r.updated_at} for r in ctx.reviews.list()]
            headers = say("SỐ|ĐẢNG VIÊN|MẪU|KỲ|TÌNH TRẠNG|LẦN SỬA|SỐ ĐỢT|CẬP NHẬT LÚC",
                          "ID|MEMBER|FORM|PERIOD|STATUS|REVISION|ROUND_ID|UPDATED_AT")
    if args.json:
        print_json(rows)
        return 0
    for r in rows:  # the review status named, in a table (the JSON keeps the codes)
        if "status" in r:
            r["status"] = say(*STATUS.get(r["status"], (r["status"], r["status"])))
    print_table(headers.split("|"), [list(r.values()) for r in rows])
    return 0
