"""The process the crash harness kills: autosaves answers through the real service, forever.

    python tools/crash_child.py --data-dir DIR --review-id N --start-seq S

It opens the data directory exactly as the app does (``AppContext.open``: integrity check,
migration, daily backup), prints ``READY``, then saves one answer after another with
``ctx.reviews.save_answer`` and, only after that call has returned (the transaction is committed),
prints ``ACK <seq> <question id>`` and flushes. Whatever the harness has read as ``ACK`` must be in
the database after the kill. Values are a pure function of the sequence number (:func:`make_value`),
so the harness can tell a torn or stale value from the right one.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

# the selfreview next to this file (the same tree as the harness), before any installed copy
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# the long-text questions of Mẫu 2B (hd43-2025-2b) that the harness writes to
QUESTIONS = ("a1_political", "a1_duties", "a1_pledge", "a2_shortcomings", "a2_causes", "a6_direction")
_WORDS = ("kiểm điểm", "đảng viên", "trách nhiệm", "không đùn đẩy", "hoàn thành", "nhiệm vụ", "chi bộ",
          "khắc phục", "hạn chế", "tự phê bình", "đoàn kết", "gương mẫu", "Đảng ủy", "tiến độ", "hồ sơ")
_LENGTHS = (20, 300, 3000, 12000)  # bytes-ish: small rows, overflow pages, many overflow pages


def question_for(seq: int) -> str:
    return QUESTIONS[seq % len(QUESTIONS)]


def make_value(seq: int) -> str:
    """The text saved at step ``seq``: ``#<seq># `` then Vietnamese words (NFC, no outer spaces)."""
    rng = random.Random(seq)
    target = rng.choice(_LENGTHS)
    parts = [f"#{seq}#"]
    size = len(parts[0])
    while size < target:
        w = rng.choice(_WORDS)
        parts.append(w)
        size += len(w) + 1
    return " ".join(parts)


def seq_of(value: object) -> int | None:
    """The sequence number a stored value was made from (None if it is not one of ours)."""
    if not isinstance(value, str) or not value.startswith("#"):
        return None
    end = value.find("#", 1)
    try:
        return int(value[1:end])
    except ValueError:
        return None


def autosave_loop(data_dir: str, review_id: int, start_seq: int, out=None, ack_early: bool = False) -> None:
    """Open the context and save forever, acknowledging each committed save on ``out``.

    ``ack_early`` is the harness's negative control: it acknowledges *before* saving, which a
    correct harness must report as lost saves."""
    from selfreview.services.context import AppContext

    out = out or sys.stdout
    ctx = AppContext.open(data_dir)
    out.write("READY\n")
    out.flush()
    seq = start_seq
    while True:
        qid = question_for(seq)
        if ack_early:
            out.write(f"ACK {seq} {qid}\n")
            out.flush()
        ctx.reviews.save_answer(review_id, qid, make_value(seq))
        if not ack_early:
            out.write(f"ACK {seq} {qid}\n")
            out.flush()
        seq += 1


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data-dir", required=True)
    p.add_argument("--review-id", type=int, required=True)
    p.add_argument("--start-seq", type=int, required=True)
    p.add_argument("--ack-early", action="store_true", help="negative control: acknowledge before saving")
    args = p.parse_args(argv)
    try:
        autosave_loop(args.data_dir, args.review_id, args.start_seq, ack_early=args.ack_early)
    except BrokenPipeError:
        os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
