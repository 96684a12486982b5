"""``selfreview demo --members N [--cells M] --out DIR [--seed S]``: synthetic data to try the app."""

from __future__ import annotations

from datetime import date

import argparse

from selfreview.cli.lang import say
from selfreview.cli.common import open_context


def _positive(text: str) -> int:
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError(say("phải từ 1 trở lên", "must be 1 or more"))
    return n


def register(sub, common) -> None:
    p = sub.add_parser("demo", parents=[common],
                       help="acting as this data directory's secretary, make cells with a round each and write "
                            "finalized, encrypted review files from invented members (try `selfreview import DIR`)")
    p.add_argument("--members", type=_positive, required=True, metavar="N", help="files per cell")
    p.add_argument("--cells", type=_positive, default=1, metavar="M", help="number of cells (default 1)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the files")
    p.add_argument("--seed", type=int, default=2025, metavar="S", help="same seed, same members (default 2025)")
    p.add_argument("--period", default=str(date.today().year),
                   help="the review period (default: the current year)")
    p.add_argument("--cell", metavar="NAME", help="the name of the (first) cell (default: an invented one)")
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args, data_dir) -> int:
    from selfreview.demo.generate import run_demo

    with open_context(data_dir) as ctx:
        result = run_demo(ctx, args.members, args.out, cells=args.cells, seed=args.seed, period=args.period,
                          cell=args.cell)
    for r in result.rounds:
        print(say(f"chi bộ {r.cell_id} “{r.cell}”, đợt {r.id} (kỳ {r.period})", f"cell {r.cell_id} “{r.cell}”, round {r.id} (period {r.period})"))
    n, took, fp = len(result.files), f"{result.seconds:.1f}", result.secretary_fingerprint
    print(say(f"đã ghi {n} tệp vào {result.out_dir} trong {took.replace('.', ',')} giây, mã hóa cho bí thư {fp}",
              f"wrote {n} files to {result.out_dir} in {took} s, encrypted to the secretary {fp}"))
    return 0
