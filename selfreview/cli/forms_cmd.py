"""``selfreview forms list`` and ``selfreview forms check FILE...``."""

from __future__ import annotations

import os
import sys

from selfreview.forms import TemplateErrors, load_template, template_hash
from selfreview.forms.registry import bundled
from selfreview.cli.common import print_json, print_table
from selfreview.cli.lang import code_name, lang, say


def register(sub, common) -> None:
    p = sub.add_parser("forms", parents=[common], help="the form templates")
    fs = p.add_subparsers(dest="forms_command", metavar="SUBCOMMAND", required=True)
    lp = fs.add_parser("list", parents=[common], help="list the bundled forms")
    lp.add_argument("--json", action="store_true", help="print JSON")
    lp.set_defaults(handler=cmd_list)
    cp = fs.add_parser("check", parents=[common], help="check template files (exit 1 on any error)")
    cp.add_argument("files", nargs="+", metavar="FILE")
    cp.set_defaults(handler=cmd_check)


def cmd_list(args, data_dir) -> int:
    infos = sorted(bundled().values(), key=lambda i: i.template.id)
    rows = [{"id": i.template.id, "version": i.template.version, "rule_set": i.template.rule_set,
             "category": i.template.category.value,
             "code": i.template.code.vi if i.template.code else "",
             "title": i.template.title.vi + (" " + i.template.subtitle.vi if i.template.subtitle else ""),
             "hash": i.hash, "file": i.path.name} for i in infos]
    if args.json:
        print_json(rows)
    else:
        print_table(say("MÃ|PHIÊN BẢN|BỘ QUY TẮC|ĐỐI TƯỢNG|KÝ HIỆU|TÊN", "ID|VERSION|RULE SET|CATEGORY|CODE|TITLE").split("|"),
                    [[r["id"], r["version"], r["rule_set"], code_name("category", r["category"]), r["code"], r["title"]]
                     for r in rows])
    return 0


def cmd_check(args, data_dir) -> int:
    failed = 0
    for path in args.files:
        if not os.path.exists(path):  # the commonest mistake, in the command line's language
            failed += 1
            print(f"{say('lỗi', 'error')}: {path}: {say('không có tệp này', 'file not found')}", file=sys.stderr)
            continue
        try:
            t = load_template(path)
        except TemplateErrors as e:
            failed += 1
            for err in e.errors:
                print(f"{say('lỗi', 'error')}: {err.text(lang())}", file=sys.stderr)
            continue
        questions = sum(1 for _, i in t.items() if i.stores_answer)
        sections, digest = len(t.sections()), template_hash(t)[:12]
        category = code_name("category", t.category.value)
        print(say(f"tốt: {path}: {t.id} v{t.version} ({t.rule_set}, {category}), "
                  f"{sections} mục, {questions} câu hỏi, sha256 {digest}",
                  f"ok: {path}: {t.id} v{t.version} ({t.rule_set}, {category}), "
                  f"{sections} sections, {questions} questions, sha256 {digest}"))
    return 1 if failed else 0
