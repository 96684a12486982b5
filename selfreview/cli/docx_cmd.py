"""``selfreview import-docx FILE --review ID``: a member's own Word kiểm điểm into a draft review.

Shows where each heading's text would go and what could not be placed; writes only when accepted
(``--yes``, or "y" at the question), all answers in one transaction.
"""

from __future__ import annotations

import sys

from selfreview.cli.common import open_context, print_json
from selfreview.cli.lang import lang, say
from selfreview.services.errors import ServiceError


def register(sub, common) -> None:
    p = sub.add_parser("import-docx", parents=[common],
                       help="read a Word (.docx) kiểm điểm into a draft review, after a preview")
    p.add_argument("file", metavar="FILE", help="the .docx file")
    p.add_argument("--review", type=int, required=True, metavar="ID", help="the draft review to fill")
    p.add_argument("--yes", action="store_true", help="write without asking")
    p.add_argument("--json", action="store_true", help="print the preview as JSON (writes only with --yes)")
    p.set_defaults(handler=cmd_import_docx)


def _show(preview) -> None:
    plan = preview.plan
    print(f"{preview.file}: {say('mẫu', 'layout')} {plan.layout or '?'}")
    for p in plan.placements:
        mark = say(" (thay nội dung đang có)", " (replaces the current answer)") if preview.replaces.get(p.question_id) \
            else ""
        print(f"\n== {p.question_id}: {p.label}{mark}")
        for line in p.text.splitlines():
            print(f"   {line}")
    if plan.unplaced:
        print("\n== " + say("Không xếp được vào mục nào:", "Not placed:"))
        for line in plan.unplaced:
            print(f"   {line}")


def cmd_import_docx(args, data_dir) -> int:
    try:
        with open_context(data_dir) as ctx:
            from selfreview.services.docx_import import WordImport
            importer = WordImport(ctx)
            preview = importer.preview(args.review, args.file)
            if args.json:
                print_json({"file": preview.file, "layout": preview.plan.layout,
                            "placements": [{"question": p.question_id, "label": p.label, "text": p.text,
                                            "replaces": preview.replaces.get(p.question_id, False)}
                                           for p in preview.plan.placements],
                            "unplaced": preview.plan.unplaced})
            else:
                _show(preview)
            accepted = args.yes
            if not accepted and not args.json and sys.stdin.isatty():
                accepted = input(say("\nGhi vào bản kiểm điểm? [c/K] ", "\nWrite into the review? [y/N] ")
                                 ).strip().lower() in ("y", "yes", "c", "có")
            if not accepted:
                print(say("Chưa ghi gì.", "Nothing written."), file=sys.stderr)
                return 0
            written = importer.apply(preview)
    except ServiceError as e:
        print(f"{say('lỗi', 'error')}: {e.message.get(lang())}", file=sys.stderr)
        return 1
    print(say(f"Đã ghi {len(written)} mục.", f"{len(written)} answers written."), file=sys.stderr)
    return 0
