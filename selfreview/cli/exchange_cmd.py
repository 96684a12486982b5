"""``selfreview import PATH...``, ``export``, ``invite``, ``open-invite`` and ``receipts``."""

from __future__ import annotations

import getpass
import sys

from selfreview.cli.lang import lang, say
from selfreview.cli.common import JsonListPrinter, open_context, print_json, print_table
from selfreview.services.errors import ServiceError
from selfreview.services.exchange import UnencryptedExport
from selfreview.services.importing.receipts import Receipt


from selfreview.cli.out_path import add_force  # noqa: E402


def register(sub, common) -> None:
    p = sub.add_parser("import", parents=[common], help="import members' review files (*.selfreview), results "
                       "and decision files (*.selfreview-results, *.selfreview-decisions); "
                       "folders are walked. Exit 1 when any file is rejected")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--round", type=int, metavar="ID", dest="round_id",
                   help="the round for files made without an invitation (see `selfreview list rounds`)")
    p.add_argument("--accept-new-key", action="append", default=[], metavar="FINGERPRINT",
                   help="accept this new key fingerprint for a member whose key changed, after comparing "
                        "it with them by voice (repeatable)")
    p.add_argument("--accept-other-cell", action="store_true",
                   help="with --round: take files made without an invitation even when they name another cell "
                        "(their receipts say which)")
    p.add_argument("--accept-look-alike", action="append", default=[], metavar="FINGERPRINT",
                   help="add the member of the file signed with this key as a NEW member although the name "
                        "looks like one on the roster, after checking it is another person (repeatable)")
    p.add_argument("--json", action="store_true", help="print the receipts as JSON")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("receipts", parents=[common], help="list the stored import receipts, newest first")
    p.add_argument("--limit", type=int, metavar="N")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_receipts)

    p = sub.add_parser("export", parents=[common], help="write a finalized review as a file for the secretary")
    p.add_argument("--review", type=int, required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--unencrypted", action="store_true",
                   help="allow a signed but NOT encrypted file (a review not made from an invitation)")
    add_force(p)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("invite", parents=[common], help="write a round's invitation file (the secretary)")
    p.add_argument("--round", type=int, required=True, metavar="ID", dest="round_id")
    p.add_argument("--out", required=True, metavar="FILE")
    add_force(p)
    p.set_defaults(handler=cmd_invite)

    p = sub.add_parser("open-invite", parents=[common],
                       help="open an invitation file and set up the profile's review for that round; or "
                            "(a secretary) open a committee's call for results")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--profile", type=int, required=True, metavar="ID")
    p.add_argument("--accept-other-secretary", metavar="FINGERPRINT",
                   help="the invitation's new key fingerprint, after comparing it with the secretary by voice, "
                        "when your review for that period came from another key")
    p.set_defaults(handler=cmd_open_invite)


def _with_passphrase(action):
    """Run ``action(passphrase)``; when the profile's keys are protected, ask for the passphrase
    (on a terminal) and try again."""
    try:
        return action(None)
    except ServiceError as e:
        if e.message.code != "keys.need_passphrase" or not sys.stdin.isatty():
            raise
        return action(getpass.getpass(f"{e.message.get(lang())}\n> "))


def _fail(e: ServiceError, language: str | None = None) -> int:
    print(say("lỗi", "error") + f": {e.message.get(language or lang())}", file=sys.stderr)
    return 2


# the receipts' outcomes in a table (the JSON keeps the codes)
OUTCOMES = {"imported": ("đã nhập", "imported"), "updated": ("đã cập nhật", "updated"),
            "already_present": ("đã có", "already present"), "rejected": ("bị từ chối", "rejected")}


def _print_receipts(rows: list[Receipt], as_json: bool, lang: str) -> None:
    if as_json:
        print_json([r.as_json() for r in rows])
        return
    print_table(say("TỆP|KẾT QUẢ|ĐẢNG VIÊN|LẦN SỬA|LÝ DO", "FILE|OUTCOME|MEMBER|REVISION|REASON").split("|"),
                [[r.file_name, say(*OUTCOMES.get(r.outcome, (r.outcome, r.outcome))), r.member, r.revision, r.reason.get(lang) if r.reason else ""]
                 for r in rows])


def summary_line(counts: dict[str, int]) -> str:
    t = counts
    return say(f"{t['imported']} đã nhập, {t['updated']} đã cập nhật, {t['already_present']} đã có, "
               f"{t['rejected']} bị từ chối",
               f"{t['imported']} imported, {t['updated']} updated, {t['already_present']} already present, "
               f"{t['rejected']} rejected")


# an import's table lists every file up to this many; past it, only the refused ones (every receipt
# is stored: ``selfreview receipts``), so that an import of any size holds a bounded table
TABLE_ROWS = 2000


def cmd_import(args, data_dir) -> int:
    """The receipts as they come: ``--json`` prints each one as its file is written; the table holds
    at most :data:`TABLE_ROWS` of them besides the rejected ones."""
    listed: list[Receipt] = []
    json_out = JsonListPrinter() if args.json else None

    def on_receipt(r: Receipt) -> None:
        if json_out is not None:
            json_out.add(r.as_json())
        elif len(listed) < TABLE_ROWS or r.rejected:
            listed.append(r)

    with open_context(data_dir) as ctx:
        try:
            tally = _with_passphrase(lambda pw: ctx.exchange.import_each(
                args.paths, on_receipt, accept_new_key_for=args.accept_new_key, round_id=args.round_id,
                passphrase=pw, accept_other_cell=args.accept_other_cell,
                accept_look_alike=args.accept_look_alike))
        except ServiceError as e:
            if json_out is not None:
                json_out.close(empty=False)  # the files written before the error, if any
            return _fail(e, args.lang)
    if json_out is not None:
        json_out.close()
    else:
        _print_receipts(listed, False, args.lang)
        if tally.total > len(listed):
            unlisted = tally.total - len(listed)
            print(say(f"(còn {unlisted} tệp đã nhận không liệt kê ở đây: xem `selfreview receipts`)",
                      f"({unlisted} more accepted files not listed here: see `selfreview receipts`)"))
        print(summary_line(tally.counts))
    return 1 if tally.counts["rejected"] else 0


def cmd_receipts(args, data_dir) -> int:
    with open_context(data_dir) as ctx:
        rows = ctx.exchange.receipts(args.limit)
    _print_receipts(rows, args.json, args.lang)
    return 0


def cmd_export(args, data_dir) -> int:
    with open_context(data_dir) as ctx:
        try:
            result = _with_passphrase(lambda pw: ctx.exchange.export_review(
                args.review, args.out, allow_unencrypted=args.unencrypted, passphrase=pw))
        except UnencryptedExport as e:
            print(say(f"chưa ghi tệp: {e.message.vi}\nDùng --unencrypted để vẫn ghi tệp.",
                      f"not written: {e.message.en}\nUse --unencrypted to write it anyway."), file=sys.stderr)
            return 2
        except ServiceError as e:
            return _fail(e)
    if result.encrypted:
        print(say(f"đã ghi {result.path} (đã ký, mã hóa cho bí thư chi bộ có mã khóa {result.recipient_fingerprint}), "
                  f"sha256 {result.sha256}",
                  f"wrote {result.path} (signed, encrypted to the secretary {result.recipient_fingerprint}), "
                  f"sha256 {result.sha256}"))
    else:
        print(say(f"đã ghi {result.path} (đã ký, KHÔNG mã hóa), sha256 {result.sha256}",
                  f"wrote {result.path} (signed, NOT encrypted), sha256 {result.sha256}"))
    return 0


def cmd_invite(args, data_dir) -> int:
    with open_context(data_dir) as ctx:
        try:
            path = _with_passphrase(lambda pw: ctx.exchange.write_invitation(args.round_id, args.out, passphrase=pw))
        except ServiceError as e:
            return _fail(e)
        fp = ctx.profiles.secretary().fingerprint
    print(say(f"đã ghi {path}; mã khóa của bí thư chi bộ: {fp}", f"wrote {path}; the secretary's key fingerprint: {fp}"))
    return 0


def cmd_open_invite(args, data_dir) -> int:
    from selfreview.services.committee.cell import is_call
    if is_call(args.file):  # a committee's call for results (cli/committee_cmd.py, docs/committee.md)
        return _open_call(args, data_dir)
    with open_context(data_dir) as ctx:
        try:
            info = ctx.exchange.read_invitation(args.file)
            detail = ctx.exchange.open_invitation(info, args.profile,  # what was read, not the file again
                                                  accept_other_secretary=args.accept_other_secretary)
        except ServiceError as e:
            return _fail(e)
    print(say(f"lời mời của {info.secretary_name} (mã khóa {info.secretary_fingerprint}): "
              f"{info.cell}, kỳ {info.period}; bản kiểm điểm {detail.summary.id} theo mẫu {detail.template.id}",
              f"invitation from {info.secretary_name} (fingerprint {info.secretary_fingerprint}): "
              f"{info.cell}, period {info.period}; review {detail.summary.id} on form {detail.template.id}"))
    return 0


def _open_call(args, data_dir) -> int:
    with open_context(data_dir) as ctx:
        try:
            info = ctx.results.read_call(args.file)
            ctx.profiles.get(args.profile)
            ctx.results.open_call(info, args.profile)
        except ServiceError as e:
            return _fail(e)
    n = len(info.organisations)
    print(say(f"yêu cầu báo cáo kết quả từ {info.committee} (bí thư {info.secretary}, mã khóa "
              f"{info.fingerprint}): kỳ {info.period}, chờ {n} tổ chức; "
              f"ghi bằng `selfreview results --round ID --out FILE`",
              f"call for results from {info.committee} (secretary {info.secretary}, fingerprint "
              f"{info.fingerprint}): period {info.period}, {n} organisations expected; "
              f"write them with `selfreview results --round ID --out FILE`"))
    return 0
