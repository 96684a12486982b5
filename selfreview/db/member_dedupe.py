"""Merging the copies of a member that two imports at once left on a roster (migration 0007).

Before 0007 nothing made a member unique: two imports of the same files at the same time gave each
member twice (one roster entry per cell and signing key each time), each copy with its review. The
first entry (the lowest id) is kept; each copy's rows move to it:

* a review that is the same as one the kept entry has (round, form, revision, content) is the same
  file imported twice: it is deleted with its answers, and what referred to it (receipts, a later
  revision's parent) refers to the kept one; any other review moves over;
* in each round the newest revision (then the newest row) is the current one;
* the copy's assessment, attendance and meeting result move over unless the kept entry has its own
  for that round or meeting (then the copy's is dropped: it was recorded on a duplicate row).

Plain SQL that SQLite and PostgreSQL both run; foreign keys may be off (SQLite migrations), so
nothing relies on ON DELETE CASCADE.
"""

from __future__ import annotations

from sqlalchemy import Connection, text


def duplicate_groups(conn: Connection) -> list[list[int]]:
    """The ids of each member entered more than once (same cell, same signing key), lowest first."""
    rows = conn.execute(text(
        "SELECT m.id, m.cell_id, m.sign_public_key FROM member m JOIN ("
        " SELECT cell_id, sign_public_key FROM member WHERE sign_public_key IS NOT NULL"
        " GROUP BY cell_id, sign_public_key HAVING COUNT(*) > 1) d"
        " ON d.cell_id = m.cell_id AND d.sign_public_key = m.sign_public_key ORDER BY m.cell_id, m.sign_public_key, m.id"
    )).all()
    groups: dict[tuple[int, str], list[int]] = {}
    for mid, cell_id, key in rows:
        groups.setdefault((cell_id, key), []).append(mid)
    return list(groups.values())


def merge_duplicates(conn: Connection) -> int:
    """Merge every duplicated member into its first entry; returns how many entries were removed."""
    removed = 0
    for keep, *copies in duplicate_groups(conn):
        for copy in copies:
            _merge(conn, keep, copy)
            removed += 1
        _one_current_per_round(conn, keep)
    return removed


def _merge(conn: Connection, keep: int, copy: int) -> None:
    x = conn.execute
    for rid, round_id, template_hash, revision, content in x(text(
            "SELECT id, round_id, template_hash, revision, content_hash FROM review WHERE member_id = :c ORDER BY id"),
            {"c": copy}).all():
        same_round = "round_id IS NULL" if round_id is None else "round_id = :rnd"
        twin = x(text(
            "SELECT id FROM review WHERE member_id = :k AND template_hash = :t AND revision = :r"
            f" AND content_hash = :h AND {same_round} ORDER BY id"),
            {"k": keep, "t": template_hash, "r": revision, "h": content, "rnd": round_id}).scalar() \
            if content is not None else None
        if twin is None:  # kept, on the first entry (not current for now: one current per round below)
            x(text("UPDATE review SET member_id = :k, is_current = :f WHERE id = :r"),
              {"k": keep, "r": rid, "f": False})
            continue
        x(text("UPDATE import_receipt SET review_id = :t WHERE review_id = :r"), {"t": twin, "r": rid})
        x(text("UPDATE review SET parent_id = :t WHERE parent_id = :r"), {"t": twin, "r": rid})
        x(text("DELETE FROM answer WHERE review_id = :r"), {"r": rid})
        x(text("DELETE FROM review WHERE id = :r"), {"r": rid})
    # the rows that hang on a member: the copy's move over unless the kept entry has its own
    for table, scope in (("assessment", "round_id"), ("meeting_attendance", "meeting_id"),
                         ("meeting_result", "meeting_id")):
        x(text(f"DELETE FROM {table} WHERE member_id = :c AND {scope} IN "
               f"(SELECT {scope} FROM {table} WHERE member_id = :k)"), {"c": copy, "k": keep})
        x(text(f"UPDATE {table} SET member_id = :k WHERE member_id = :c"), {"c": copy, "k": keep})
    x(text("DELETE FROM member WHERE id = :c"), {"c": copy})


def _one_current_per_round(conn: Connection, member: int) -> None:
    """In each round of the member, the newest revision (then the newest row) is the current review."""
    rounds = conn.execute(text("SELECT DISTINCT round_id FROM review WHERE member_id = :m AND round_id IS NOT NULL"),
                          {"m": member}).scalars().all()
    for round_id in rounds:
        newest = conn.execute(text("SELECT id FROM review WHERE member_id = :m AND round_id = :r "
                                   "ORDER BY revision DESC, id DESC"), {"m": member, "r": round_id}).scalar()
        conn.execute(text("UPDATE review SET is_current = :f WHERE member_id = :m AND round_id = :r AND id <> :n"),
                     {"f": False, "m": member, "r": round_id, "n": newest})
        conn.execute(text("UPDATE review SET is_current = :t WHERE id = :n"), {"t": True, "n": newest})
