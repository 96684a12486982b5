"""The database as an import sees it, for step 3 (**decide**, :mod:`.decide`): each round a file
may go into, with its cell's roster and its members' current reviews.

The first file of a period loads every round of that period at once (one query however many cells:
a committee's import brings the files of many cells of one period); a round of another period, or
one named only by its uid, is loaded on its own. A round's roster and current reviews are loaded
when a file first needs them, for all the files of a turn at once (:meth:`Rounds.prefetch`: two
queries, each by an index), and kept up to date by the importer as its batches commit
(:meth:`.decide.Decider.committed`).

Memory stays flat in the number of files: at the end of each turn the rosters and current reviews of
the rounds that turn did not use are dropped (:meth:`Rounds.release`; about 0.7 KB a member). The
files of a folder come a cell after another, so a cell is loaded once; a cell met again later is
loaded again, from what is committed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Iterable, Iterator

from sqlalchemy import ColumnElement, select

from selfreview.db.models import Cell, Member, Review, ReviewRound
from selfreview.exchange.errors import Rejected
from selfreview.exchange.response import ResponseDoc
from selfreview.services.errors import ServiceError
from selfreview.services.lookalike import skeleton
from selfreview.services.roster import name_key

if TYPE_CHECKING:
    from selfreview.services.context import AppContext

IN_LIST = 500  # ids per IN (...): well under any database's limit on bound parameters


@dataclass(frozen=True)
class Current:
    """A member's current review in a round, as a file is compared with it."""

    review_id: int
    revision: int
    content_hash: str | None
    template_hash: str


@dataclass
class Roster:
    """A cell's roster as the import sees it."""

    by_key: dict[str, int] = field(default_factory=dict)  # pinned signing key -> member id
    # (name as the roster compares it, date of birth) -> (member id, pinned key, fingerprint)
    by_person: dict[tuple[str, date | None], tuple[int, str | None, str | None]] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)  # member id -> the name on the roster
    confirmed: set[int] = field(default_factory=set)  # members whose pinned key is confirmed
    # look-alike skeleton of a name (services/lookalike.py) -> (member id, date of birth)
    skeletons: dict[str, list[tuple[int, date | None]]] = field(default_factory=dict)

    def add(self, member_id: int, name: str, dob: date | None, key: str | None, fp: str | None,
            confirmed: bool) -> None:
        if key:
            self.by_key.setdefault(key, member_id)
        self.by_person.setdefault((name_key(name), dob), (member_id, key, fp))
        self.names[member_id] = name
        if confirmed:
            self.confirmed.add(member_id)
        entries = self.skeletons.setdefault(skeleton(name), [])
        if all(mid != member_id for mid, _ in entries):
            entries.append((member_id, dob))


@dataclass
class Round:
    """A round as the import sees it; once ``loaded``, with its cell's roster and each member's
    current review (:meth:`Rounds.round_for` returns it loaded)."""

    id: int
    cell_id: int
    cell: str
    period: str
    uid: str
    form_hashes: frozenset[str | None]  # the forms the round takes (empty: any)
    roster: Roster = field(default_factory=Roster)
    current: dict[int, Current] = field(default_factory=dict)  # member id -> current review
    loaded: bool = False


def parts(ids: list[int]) -> Iterator[list[int]]:
    """``ids`` in lists of at most :data:`IN_LIST`."""
    for i in range(0, len(ids), IN_LIST):
        yield ids[i:i + IN_LIST]


class Rounds:
    def __init__(self, ctx: AppContext, accept_other_cell: bool = False) -> None:
        self.ctx = ctx
        self.accept_other_cell = accept_other_cell  # the secretary saw the cell the files name, and chose
        self._by_uid: dict[str, Round | None] = {}
        self._periods: set[str] = set()  # periods whose rounds are all in _by_uid
        self._rosters: dict[int, Roster] = {}  # cell id -> roster, shared by the cell's loaded rounds
        self._turn = 0
        self._used: dict[int, tuple[int, Round]] = {}  # round id -> (the turn that last used it, the round)
        self.explicit: Round | None = None

    def reload(self) -> None:
        """Forget what was loaded (the database changed under the import: another import, another
        staff member, a write that lost a race): rounds, rosters and current reviews are loaded again
        as files need them."""
        explicit = self.explicit
        self._by_uid.clear()
        self._periods.clear()
        self._rosters.clear()
        self._used.clear()
        self.explicit = None
        if explicit is not None:
            self.choose(explicit.id)

    def choose(self, round_id: int) -> None:
        """Every file goes into this round (files made without an invitation)."""
        found = self._rounds(ReviewRound.id == round_id)
        if not found:
            raise ServiceError.of("import.no_such_round", id=round_id)
        self.explicit = found[0]
        self._load([self.explicit])

    def round_for(self, doc: ResponseDoc) -> Round:
        """The round a file belongs in (loaded), or the refusal that says why there is none."""
        rnd = self._find(doc)
        self._load([rnd])
        return rnd

    def prefetch(self, docs: Iterable[ResponseDoc]) -> None:
        """Load the rosters and current reviews of the rounds these files name, all at once (the
        files of a turn); a file whose round is refused is left for :meth:`round_for` to refuse."""
        if self.explicit is not None:
            return
        wanted: dict[int, Round] = {}
        for doc in docs:
            ref = doc.round
            if ref is None:
                continue
            self._know_period(ref.period)
            rnd = self._by_uid.get(ref.uid)
            if rnd is not None:
                wanted[rnd.id] = rnd
        self._load(list(wanted.values()))

    def release(self) -> None:
        """A turn ended (its files are written): drop the rosters and current reviews of the rounds
        it did not use; a later file of such a round loads them again, from what is committed."""
        for rid, (turn, rnd) in list(self._used.items()):
            if turn < self._turn and rnd is not self.explicit:
                del self._used[rid]
                rnd.roster, rnd.current, rnd.loaded = Roster(), {}, False
        in_use = {rnd.cell_id for _, rnd in self._used.values()}
        if self.explicit is not None:
            in_use.add(self.explicit.cell_id)
        for cell_id in [c for c in self._rosters if c not in in_use]:
            del self._rosters[cell_id]
        self._turn += 1

    def loaded_members(self) -> int:
        """How many roster entries the import holds now (for the tests of its memory)."""
        return sum(len(r.names) for r in self._rosters.values())

    # -- finding and loading -------------------------------------------------------------------------
    def _find(self, doc: ResponseDoc) -> Round:
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
        if ref.uid not in self._by_uid:
            self._know_period(ref.period)
        if ref.uid not in self._by_uid:
            found = self._rounds(ReviewRound.uid == ref.uid)
            self._by_uid[ref.uid] = found[0] if found else None
        found_rnd = self._by_uid[ref.uid]
        if found_rnd is None:
            raise Rejected("import.unknown_round", cell=ref.cell, period=ref.period)
        if ref.cell != found_rnd.cell or ref.period != found_rnd.period or doc.period != found_rnd.period:
            raise Rejected("import.round_mismatch", cell=ref.cell, period=ref.period, round_cell=found_rnd.cell,
                           round_period=found_rnd.period)
        return found_rnd

    def _know_period(self, period: str) -> None:
        """Every round of ``period`` known (not loaded): one query, once."""
        if period not in self._periods:
            self._periods.add(period)
            for rnd in self._rounds(ReviewRound.period == period):
                self._by_uid.setdefault(rnd.uid, rnd)

    def _rounds(self, where: ColumnElement[bool]) -> list[Round]:
        """The rounds ``where`` selects, not loaded."""
        with self.ctx.read() as s:
            rows = s.execute(select(ReviewRound.id, ReviewRound.cell_id, Cell.name, ReviewRound.period,
                                    ReviewRound.uid, ReviewRound.forms)
                             .join(Cell, Cell.id == ReviewRound.cell_id).where(where)
                             .order_by(ReviewRound.id)).all()
        out = []
        for row in rows:
            hashes = frozenset(f.get("hash") for f in (row.forms or {}).values() if isinstance(f, dict))
            out.append(Round(row.id, row.cell_id, row.name, row.period, row.uid, hashes))
        return out

    def _load(self, rounds: list[Round]) -> None:
        """Each round's cell's roster (once per cell) and its current reviews, for those not loaded
        yet: two queries however many rounds. Marks them used in this turn."""
        for rnd in rounds:
            self._used[rnd.id] = (self._turn, rnd)
        todo = [rnd for rnd in rounds if not rnd.loaded]
        if not todo:
            return
        with self.ctx.read() as s:
            cells = sorted({rnd.cell_id for rnd in todo if rnd.cell_id not in self._rosters})
            for cell_id in cells:
                self._rosters[cell_id] = Roster()
            for part in parts(cells):
                for m in s.execute(select(Member.cell_id, Member.id, Member.full_name, Member.date_of_birth,
                                          Member.sign_public_key, Member.fingerprint, Member.key_confirmed)
                                   .where(Member.cell_id.in_(part)).order_by(Member.id)):
                    self._rosters[m.cell_id].add(m.id, m.full_name, m.date_of_birth, m.sign_public_key,
                                                 m.fingerprint, bool(m.key_confirmed))
            by_id = {rnd.id: rnd for rnd in todo}
            for rnd in todo:
                rnd.roster, rnd.current = self._rosters[rnd.cell_id], {}
            # by the rosters' members (an index leads with member_id; none with round_id): the
            # reviews of these members, not a scan of every review (docs/benchmarks.md)
            cells_of = {rnd.cell_id for rnd in todo}
            members = sorted({mid for cell_id in cells_of for mid in self._rosters[cell_id].names})
            round_ids = sorted(by_id)
            for part in parts(members):
                for r in s.execute(select(Review.round_id, Review.id, Review.member_id, Review.revision,
                                          Review.content_hash, Review.template_hash)
                                   .where(Review.member_id.in_(part), Review.round_id.in_(round_ids),
                                          Review.is_current)):
                    by_id[r.round_id].current[r.member_id] = Current(r.id, r.revision, r.content_hash,
                                                                     r.template_hash)
            for rnd in todo:
                rnd.loaded = True
