"""``selfreview doctor``: check the database, list the automatic backups, restore one.

    selfreview doctor                    # full integrity check + the backups
    selfreview doctor --restore          # damaged? move it aside; then put the newest sound backup back
    selfreview doctor --restore NAME     # ... or the backup NAME (a file name from the list, or a path)
    selfreview doctor --json

It never opens the database through the app (which would refuse a damaged one), and it takes the
data directory's instance lock first: it will not restore under a running app.
"""

from __future__ import annotations

import sys

from selfreview.cli.lang import code_name, lang, say
from selfreview.cli.common import print_json, print_table
from selfreview.messages import msg
from selfreview.paths import resolve_data_dir
from selfreview.services import recovery
from selfreview.services.errors import ServiceError
from selfreview.services.instance import acquire_instance_lock


def register(sub, common) -> None:
    p = sub.add_parser("doctor", parents=[common],
                       help="check the database; list and restore automatic backups")
    p.add_argument("--restore", nargs="?", const="", default=None, metavar="BACKUP",
                   help="restore the newest sound backup, or BACKUP (moves a damaged database aside first)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_doctor)


def cmd_doctor(args, data_dir) -> int:
    directory = resolve_data_dir(data_dir)
    if recovery.database_file(directory) is None:  # a database server (SELFREVIEW_DB_URL)
        return _doctor_server(args, directory)
    try:
        with acquire_instance_lock(directory):
            problem = recovery.check_database(directory, full=True)
            report = {"data_dir": str(directory), "database": str(recovery.database_file(directory)),
                      "sound": problem is None, "problem": problem, "moved_aside": None, "restored": None}
            if args.restore is not None:
                if problem is not None:
                    report["moved_aside"] = str(recovery.move_damaged_aside(directory))
                restored = recovery.restore_backup(directory, args.restore or None)
                report["restored"] = restored.name
                report["restored_taken_at"] = restored.taken_at.isoformat(sep=" ", timespec="seconds")
                report["restored_reviews"] = recovery.reviews_in(restored.path)
                problem = recovery.check_database(directory, full=True)
                report["sound"], report["problem"] = problem is None, problem
            backups = recovery.list_backups(directory)
    except ServiceError as e:
        print(f"{say('lỗi', 'error')}: {e.message.get(args.lang)}", file=sys.stderr)
        return 1
    report["backups"] = [{"name": b.name, "kind": b.kind, "taken_at": b.taken_at, "size": b.size}
                         for b in backups]
    report["altered"] = []
    if report["sound"] and recovery.database_file(directory) is not None \
            and recovery.database_file(directory).exists():
        from selfreview.cli.common import open_context
        from selfreview.services.integrity_check import altered_reviews
        with open_context(str(directory)) as ctx:  # answers still bound to what was finalized or signed
            report["altered"] = [{"review_id": a.review_id, "message": a.message.get(args.lang)}
                                 for a in altered_reviews(ctx)]
    if args.json:
        print_json(report)
    else:
        print(say(f"cơ sở dữ liệu: {report['database']}", f"database: {report['database']}"))
        print(say("kiểm tra: tốt", "check: ok") if report["sound"] else
              say(f"kiểm tra: HỎNG: {report['problem']}", f"check: DAMAGED: {report['problem']}"))
        if report["moved_aside"]:
            print(say(f"tệp hỏng đã được chuyển sang: {report['moved_aside']}", f"damaged file moved to: {report['moved_aside']}"))
        for a in report["altered"]:
            print(say("BỊ SỬA", "ALTERED") + f": {a['message']}")
        if report["restored"]:
            print(say(f"đã khôi phục: {report['restored']} (bản sao lúc {report['restored_taken_at']}, "
                      f"{report['restored_reviews']} bản kiểm điểm)",
                      f"restored: {report['restored']} (taken {report['restored_taken_at']}, "
                      f"{report['restored_reviews']} reviews)"))
        print_table(say("BẢN SAO LƯU|LOẠI|LÚC|CỠ", "BACKUP|KIND|TAKEN|SIZE").split("|"),
                    [[b.name, code_name("backup_kind", b.kind), b.taken_at.isoformat(sep=" ", timespec="seconds"),
                      b.size] for b in backups])
    return 0 if report["sound"] and not report["altered"] else 2


def _doctor_server(args, directory) -> int:
    """The server's checks (services/server_check.py) and the dumps in the backups folder; a
    restore is pg_restore's work (docs/reliability.md), not the doctor's."""
    from selfreview.services.server_check import check_server
    try:
        if args.restore is not None:
            raise ServiceError(msg("backup.not_a_file"))
        report = check_server(directory)
        backups = recovery.list_backups(directory)
    except ServiceError as e:
        print(f"{say('lỗi', 'error')}: {e.message.get(args.lang)}", file=sys.stderr)
        return 1
    if args.json:
        print_json({"data_dir": str(directory), "database": report.database, "sound": report.sound,
                    "problem": report.problem,  # the JSON keeps the codes and the English details
                    "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail.en} for c in report.checks],
                    "counts": report.counts,
                    "backups": [{"name": b.name, "kind": b.kind, "taken_at": b.taken_at, "size": b.size}
                                for b in backups]})
    else:
        ok, problem = say("tốt", "ok"), say("CÓ VẤN ĐỀ", "PROBLEM")
        print(f"{say('cơ sở dữ liệu', 'database')}: {report.database}")
        for c in report.checks:
            print(f"{c.title(lang())}: {ok if c.ok else problem}: {c.detail.get(lang())}")
        if report.counts:
            print(msg("server.counts").get(lang()) + ": "
                  + ", ".join(f"{msg(f'server.count.{k}').get(lang())} {v}" for k, v in report.counts.items()))
        check = say("kiểm tra", "check")
        print(f"{check}: {ok}" if report.sound else f"{check}: {problem}: {report.problem_in(lang())}")
        print_table(say("BẢN SAO LƯU|LOẠI|LÚC|CỠ", "BACKUP|KIND|TAKEN|SIZE").split("|"),
                    [[b.name, code_name("backup_kind", b.kind), b.taken_at.isoformat(sep=" ", timespec="seconds"),
                      b.size] for b in backups])
    return 0 if report.sound else 2
