"""Results up, decisions down (docs/committee.md):

    selfreview results-invite --period P --out F [--expect ORG ...]   # the committee's call
    selfreview open-invite F --profile ID                             # the cell opens it (exchange_cmd)
    selfreview propose --round ID --from-self | --member ID --rating R  # the cell's proposal
    selfreview results --round ID --out F [--with-reviews]            # the cell's results
    selfreview results --period P --out F                             # a committee's, one level up
    selfreview import PATH...                                         # results / decision files too
    selfreview list results [--json]                                  # (list_cmd)
    selfreview results-rollcall --period P                            # "2/3 tổ chức đã báo cáo"
    selfreview results-show --period P --org NAME [--json]            # drill-down
    selfreview decide --period P --org NAME --member NAME --rating R  # or --accept-proposed
    selfreview decisions --period P --out DIR                         # one file per organisation
"""

from __future__ import annotations

import sys
from datetime import date

from selfreview.cli.common import open_context, print_json, print_table
from selfreview.cli.lang import code_name, lang, say
from selfreview.services.errors import ServiceError

RATINGS = ("htxsnv", "httnv", "htnv", "khtnv", "none")


def _day(text: str) -> date:
    import argparse
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say(f"không phải ngày dạng YYYY-MM-DD: {text!r}",
                                             f"not a date as YYYY-MM-DD: {text!r}")) from None


def register(sub, common) -> None:
    p = sub.add_parser("results-invite", parents=[common],
                       help="the committee: write the call for results (signed; carries the committee's key, "
                            "the period and the organisations expected)")
    p.add_argument("--period", required=True)
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--expect", action="append", default=[], metavar="ORG",
                   help="an organisation expected to report (repeatable)")
    p.add_argument("--expect-file", metavar="FILE", help="a text file: one organisation expected per line")
    p.add_argument("--committee", default="", metavar="NAME", help="the committee's name (default: the profile's)")
    p.add_argument("--superior", default="", metavar="NAME", help="the body above the committee")
    p.add_argument("--deadline", type=_day, metavar="YYYY-MM-DD")
    p.add_argument("--quota", type=int, choices=(20, 25), default=20, help="HTXSNV quota percent (default 20)")
    p.add_argument("--secretary", metavar="NAME",
                   help="create this office's secretary profile (and its keys) with this name when there is none")
    p.set_defaults(handler=cmd_results_invite)

    p = sub.add_parser("results", parents=[common],
                       help="write the results for the committee above (signed, encrypted to the committee)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--round", type=int, metavar="ID", dest="round_id", help="a cell's round")
    what.add_argument("--period", help="a committee's period: the results imported here, with its decisions")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--with-reviews", action="store_true", help="add every member's full review")
    p.add_argument("--min-count", type=int, default=3, metavar="N", help="hide self-check counts below N (default 3)")
    p.set_defaults(handler=cmd_results)

    p = sub.add_parser("propose", parents=[common], help="the cell: record the cell's proposed rating")
    p.add_argument("--round", type=int, required=True, metavar="ID", dest="round_id")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--member", type=int, metavar="ID", help="a member's id (see `selfreview roster`)")
    which.add_argument("--from-self", action="store_true",
                       help="every member not yet proposed: the rating they proposed for themselves")
    p.add_argument("--rating", choices=RATINGS)
    p.set_defaults(handler=cmd_propose)

    p = sub.add_parser("results-rollcall", parents=[common], help="the committee: which organisations reported")
    p.add_argument("--period", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_rollcall)

    p = sub.add_parser("results-show", parents=[common], help="the committee: one organisation's members")
    p.add_argument("--period", required=True)
    p.add_argument("--org", required=True, metavar="NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("decide", parents=[common], help="the committee: record a decided rating")
    p.add_argument("--period", required=True)
    p.add_argument("--org", metavar="NAME")
    p.add_argument("--member", metavar="NAME", help="the member's full name")
    p.add_argument("--rating", choices=RATINGS)
    p.add_argument("--accept-proposed", action="store_true",
                   help="every member not yet decided: the rating their organisation proposed")
    p.set_defaults(handler=cmd_decide)

    p = sub.add_parser("decisions", parents=[common],
                       help="the committee: write one signed decision file per organisation")
    p.add_argument("--period", required=True)
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--over-quota", action="store_true", help="write them even though HTXSNV is over the quota")
    p.set_defaults(handler=cmd_decisions)


def _fail(e: ServiceError) -> int:
    print(f"{say('lỗi', 'error')}: {e.message.get(lang())}", file=sys.stderr)
    return 2


def _passphrase(action):
    from selfreview.cli.exchange_cmd import _with_passphrase
    return _with_passphrase(action)


def cmd_results_invite(args, data_dir) -> int:
    orgs = list(args.expect)
    if args.expect_file:
        try:
            with open(args.expect_file, encoding="utf-8-sig") as f:
                orgs += [line.strip() for line in f if line.strip()]
        except (OSError, UnicodeDecodeError) as e:
            print(f"{say('lỗi', 'error')}: {args.expect_file}: "
                  f"{say('không đọc được tệp', 'cannot read the file')} ({e})", file=sys.stderr)
            return 2
    with open_context(data_dir) as ctx:
        try:
            if ctx.profiles.secretary() is None and args.secretary:
                from selfreview.services.dto import ProfileData
                p = ctx.profiles.create(ProfileData(full_name=args.secretary, cell_name=args.committee,
                                                    superior_body=args.superior))
                ctx.profiles.set_secretary(p.id)
            path, doc = _passphrase(lambda pw: ctx.committee.write_call(
                args.period, args.out, orgs, args.committee, args.superior, args.deadline, args.quota, pw))
        except ServiceError as e:
            return _fail(e)
    n = len(doc.organisations)
    print(say(f"đã ghi {path}: {doc.committee.name}, kỳ {doc.period}, chờ {n} tổ chức; "
              f"mã khóa của cấp ủy: {doc.committee.fingerprint}",
              f"wrote {path}: {doc.committee.name}, period {doc.period}, {n} organisations "
              f"expected; the committee's key fingerprint: {doc.committee.fingerprint}"))
    return 0


def cmd_results(args, data_dir) -> int:
    with open_context(data_dir) as ctx:
        try:
            w = _passphrase(lambda pw: ctx.results.write_results(
                args.out, round_id=args.round_id, period=args.period, with_reviews=args.with_reviews,
                min_count=args.min_count, passphrase=pw))
        except ServiceError as e:
            return _fail(e)
    print(say(f"đã ghi {w.path}: {w.organisation}, kỳ {w.period}, {w.members} đảng viên; đã ký, mã hóa cho "
              f"{w.committee} ({w.committee_fingerprint}), sha256 {w.sha256}",
              f"wrote {w.path}: {w.organisation}, period {w.period}, {w.members} members; signed, encrypted to "
              f"{w.committee} ({w.committee_fingerprint}), sha256 {w.sha256}"))
    return 0


def cmd_propose(args, data_dir) -> int:
    with open_context(data_dir) as ctx:
        try:
            if args.from_self:
                n = 0
                for row in ctx.rollcall.roll_call(args.round_id).rows:
                    if row.cell_rating is None and row.self_rating is not None:
                        ctx.assessments.set_assessment(args.round_id, row.member_id, proposed_rating=row.self_rating)
                        n += 1
                print(say(f"{n} đảng viên được đề xuất theo mức tự xếp",
                          f"{n} members proposed at their own rating"))
            else:
                if args.rating is None:
                    print(say("lỗi: cần --rating cùng với --member", "error: --rating is needed with --member"),
                          file=sys.stderr)
                    return 2
                rating = None if args.rating == "none" else args.rating
                ctx.assessments.set_assessment(args.round_id, args.member, proposed_rating=rating)
                print(f"{say('đảng viên', 'member')} {args.member}: {args.rating}")
            q = ctx.assessments.quota(args.round_id)
        except ServiceError as e:
            return _fail(e)
    print(q.check.summary(lang()))
    return 0


def cmd_rollcall(args, data_dir) -> int:
    with open_context(data_dir) as ctx:
        rc = ctx.committee.rollcall(args.period)
    if args.json:
        print_json({"period": rc.period, "expected": list(rc.expected), "reported": list(rc.reported),
                    "missing": list(rc.missing), "unexpected": list(rc.unexpected), "label": rc.label.vi})
        return 0
    print(rc.label.get(lang()))
    for name in rc.missing:
        print(f"  {say('chưa báo cáo', 'not reported')}: {name}")
    for name in rc.unexpected:
        print(f"  {say('ngoài danh sách', 'not on the list')}: {name}")
    return 0


def cmd_show(args, data_dir) -> int:
    with open_context(data_dir) as ctx:
        try:
            d = ctx.committee.organisation(ctx.committee.find(args.period, args.org))
        except ServiceError as e:
            return _fail(e)
    rows = [{"unit": m.unit, "ref": m.ref, "member": m.full_name, "form": m.form, "status": m.status,
             "reason": m.reason, "total": m.total, "self_rating": m.self_rating, "cell_rating": m.cell_rating,
             "decided_rating": m.decided_rating} for m in d.members]
    if args.json:
        print_json({"organisation": d.organisation, "period": d.period, "secretary": d.secretary,
                    "fingerprint": d.fingerprint, "members": rows})
    else:
        print(say(f"{d.organisation}, kỳ {d.period}, do {d.secretary} gửi ({d.fingerprint})",
                  f"{d.organisation}, period {d.period}, from {d.secretary} ({d.fingerprint})"))
        print_table(say("ĐƠN VỊ|MÃ|ĐẢNG VIÊN|MẪU|TÌNH TRẠNG|TỔNG|TỰ XẾP|CHI BỘ|QUYẾT ĐỊNH",
                        "UNIT|REF|MEMBER|FORM|STATUS|TOTAL|SELF|CELL|DECIDED").split("|"),
                    [[r["unit"], r["ref"], r["member"], r["form"], code_name("member_status", r["status"]), r["total"],
                      r["self_rating"], r["cell_rating"], r["decided_rating"]] for r in rows])
    return 0


def cmd_decide(args, data_dir) -> int:
    with open_context(data_dir) as ctx:
        try:
            if args.accept_proposed:
                n = ctx.committee.accept_proposed(args.period)
                print(say(f"{n} đảng viên được quyết định theo mức tổ chức của họ đề xuất",
                          f"{n} members decided at their organisation's proposed rating"))
            else:
                if not (args.org and args.member and args.rating):
                    print(say("lỗi: cần --org, --member và --rating (hoặc --accept-proposed)",
                              "error: --org, --member and --rating are needed (or --accept-proposed)"), file=sys.stderr)
                    return 2
                rid = ctx.committee.find(args.period, args.org)
                m = ctx.committee.decide_by_name(rid, args.member, None if args.rating == "none" else args.rating)
                print(say(f"{m.full_name} ({m.unit}): đề xuất {m.cell_rating or '-'}, quyết định {m.decided_rating or '-'}",
                          f"{m.full_name} ({m.unit}): proposed {m.cell_rating or '-'}, "
                          f"decided {m.decided_rating or '-'}"))
            check, by_cat = ctx.committee.quota(args.period)
        except ServiceError as e:
            return _fail(e)
    print(check.summary(lang()))
    for cat, q in by_cat.items():
        if not q.ok:
            print(f"  {cat}: {q.summary(lang())}")
    return 0


def cmd_decisions(args, data_dir) -> int:
    with open_context(data_dir) as ctx:
        try:
            paths = _passphrase(lambda pw: ctx.committee.write_decisions(args.period, args.out, args.over_quota, pw))
        except ServiceError as e:
            return _fail(e)
    for p in paths:
        print(f"{say('đã ghi', 'wrote')} {p}")
    return 0


def list_results(args, data_dir) -> int:
    """``selfreview list results [--json]`` (called by list_cmd)."""
    with open_context(data_dir) as ctx:
        rows = ctx.committee.list_results()
    if args.json:
        print_json([r.as_json() for r in rows])
    else:
        print_table(say("SỐ|TỔ CHỨC|KỲ|ĐẢNG VIÊN|NHẬN LÚC|TÌNH TRẠNG",
                        "ID|ORGANISATION|PERIOD|MEMBERS|RECEIVED|STATUS").split("|"),
                    [[r.id, r.organisation, r.period, r.members, r.received.isoformat(timespec="minutes"),
                      code_name("result_status", r.status)]
                     for r in rows])
    return 0
