"""The rounds an import files its reviews into, as the import sees them: each round with its cell's
roster and its members' current reviews, loaded once and kept up to date by the importer
(services/importing.py) as its batches commit.

The first file of a period loads every round of that period at once (three queries however many
cells: a committee's import brings the files of many cells of one period); a round of another
period, or one named only by its uid, is loaded on its own.
"""

from __future__ import annotations

from typing import Iterator

from sqlalchemy import select

from selfreview.db.models import Cell, Member, Review, ReviewRound
from selfreview.exchange.errors import Rejected
from selfreview.exchange.response import ResponseDoc
from selfreview.services.errors import ServiceError
from selfreview.services.import_rows import _Current, _Roster, _Round
from selfreview.services.roster import name_key

_IN_LIST = 500  # ids per IN (...): well under any database's limit on bound parameters


def _parts(ids: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(ids), _IN_LIST):
        yield ids[i:i + _IN_LIST]


class Rounds:
    def __init__(self, ctx, accept_other_cell: bool = False) -> None:
        self.ctx = ctx
        self.accept_other_cell = accept_other_cell  # the secretary saw the cell the files name, and chose
        self._by_uid: dict[str, _Round | None] = {}
        self._periods: set[str] = set()  # periods whose rounds are all in _by_uid
        self._rosters: dict[int, _Roster] = {}  # cell id -> roster, shared by the cell's rounds
        self.explicit: _Round | None = None

    def reload(self) -> None:
        """Forget what was loaded (the database changed under the import): rounds, rosters and
        current reviews are loaded again as files need them."""
        explicit = self.explicit
        self._by_uid.clear()
        self._periods.clear()
        self._rosters.clear()
        self.explicit = None
        if explicit is not None:
            self.choose(explicit.id)

    def choose(self, round_id: int) -> None:
        """Every file goes into this round (files made without an invitation)."""
        found = self._load(ReviewRound.id == round_id)
        if not found:
            raise ServiceError.of("import.no_such_round", id=round_id)
        self.explicit = found[0]

    def round_for(self, doc: ResponseDoc) -> _Round:
        """The round a file belongs in, or the refusal that says why there is none."""
        ref = doc.round
        if self.explicit is not None:
            rnd = self.explicit
            if ref is not None and ref.uid != rnd.uid:
                raise Rejected("import.round_mismatch", cell=ref.cell, period=ref.period, round_cell=rnd.cell,
                               round_period=rnd.period)
            if doc.period != rnd.period:
                raise Rejected("import.period_mismatch", period=doc.period, round_period=rnd.period)
            named = doc.member.cell_name
            if (ref is None and named.strip() and name_key(named) != name_key(rnd.cell)
                    and not self.accept_other_cell):  # never into another cell silently
                raise Rejected("import.cell_differs", cell=named, round_cell=rnd.cell)
            return rnd
        if ref is None:
            raise Rejected("import.no_round")
        if ref.uid not in self._by_uid and ref.period not in self._periods:
            self._periods.add(ref.period)
            for rnd in self._load(ReviewRound.period == ref.period):
                self._by_uid.setdefault(rnd.uid, rnd)
        if ref.uid not in self._by_uid:
            found = self._load(ReviewRound.uid == ref.uid)
            self._by_uid[ref.uid] = found[0] if found else None
        rnd = self._by_uid[ref.uid]
        if rnd is None:
            raise Rejected("import.unknown_round", cell=ref.cell, period=ref.period)
        if ref.cell != rnd.cell or ref.period != rnd.period or doc.period != rnd.period:
            raise Rejected("import.round_mismatch", cell=ref.cell, period=ref.period, round_cell=rnd.cell,
                           round_period=rnd.period)
        return rnd

    def _load(self, where) -> list[_Round]:
        """The rounds ``where`` selects, each with its cell's roster (loaded once per cell) and its
        current reviews: three queries however many rounds."""
        with self.ctx.read() as s:
            rows = s.execute(select(ReviewRound.id, ReviewRound.cell_id, Cell.name, ReviewRound.period,
                                    ReviewRound.uid, ReviewRound.forms)
                             .join(Cell, Cell.id == ReviewRound.cell_id).where(where)
                             .order_by(ReviewRound.id)).all()
            if not rows:
                return []
            cells = sorted({row.cell_id for row in rows if row.cell_id not in self._rosters})
            for cell_id in cells:
                self._rosters[cell_id] = _Roster()
            for part in _parts(cells):
                for m in s.execute(select(Member.cell_id, Member.id, Member.full_name, Member.date_of_birth,
                                          Member.sign_public_key, Member.fingerprint, Member.key_confirmed)
                                   .where(Member.cell_id.in_(part)).order_by(Member.id)):
                    self._rosters[m.cell_id].add(m.id, m.full_name, m.date_of_birth, m.sign_public_key,
                                                 m.fingerprint, bool(m.key_confirmed))
            rounds: dict[int, _Round] = {}
            for row in rows:
                hashes = frozenset(f.get("hash") for f in (row.forms or {}).values() if isinstance(f, dict))
                rounds[row.id] = _Round(row.id, row.cell_id, row.name, row.period, row.uid, hashes,
                                        self._rosters[row.cell_id])
            for part in _parts(sorted(rounds)):
                for r in s.execute(select(Review.round_id, Review.id, Review.member_id, Review.revision,
                                          Review.content_hash, Review.template_hash)
                                   .where(Review.round_id.in_(part), Review.is_current,
                                          Review.member_id.is_not(None))):
                    rounds[r.round_id].current[r.member_id] = _Current(r.id, r.revision, r.content_hash,
                                                                       r.template_hash)
        return list(rounds.values())
