"""``selfreview demo``: in the current data directory, acting as its secretary, make cells with a
round each and write finalized response files from invented members, encrypted to that secretary.

Deterministic for a seed: the same seed gives the same members, keys and answers (the files'
bytes still differ, as every encryption uses a fresh ephemeral key and nonce). Running it again
reuses the cells and rounds of the same names and period, so its files import as already present.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from selfreview.demo.fill import fill_answers, pick_rating
from selfreview.filenames import portable_name
from selfreview.demo.names import COVERING, random_name
from selfreview.exchange.keys import PublicIdentity, identity_from_bytes
from selfreview.exchange.response import MemberIdentity, ResponseDoc, RoundRef, TemplateRef, write_response
from selfreview.fsutil import write_atomic
from selfreview.forms import canonical_json, registry
from selfreview.forms.model import Template
from selfreview.services import templates
from selfreview.services.dto import ProfileData, RoundSummary
from selfreview.services.exchange import slug

SUPERIOR = "Đảng bộ Khối các cơ quan (dữ liệu thử)"
CELL_NAMES = ("Chi bộ Văn phòng", "Chi bộ Phòng Tài chính – Kế hoạch", "Chi bộ Phòng Tư pháp", "Chi bộ Phòng Nội vụ",
              "Chi bộ Phòng Giáo dục và Đào tạo", "Chi bộ Phòng Y tế", "Chi bộ Phòng Tài nguyên và Môi trường",
              "Chi bộ Phòng Kinh tế", "Chi bộ Phòng Văn hóa – Thông tin", "Chi bộ Trung tâm Phục vụ hành chính công",
              "Chi bộ Thôn Phú Lộc", "Chi bộ Khối phố Ba", "Chi bộ Trường Tiểu học Lê Lợi", "Chi bộ Hưu trí")
SECRETARY = ProfileData(full_name="Phan Thị Thanh Hương", party_post="Bí thư chi bộ", superior_body=SUPERIOR,
                        cell_name=CELL_NAMES[0], is_leader=True)
LEADER_POSTS = ("Trưởng phòng", "Phó Trưởng phòng", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Giám đốc Trung tâm")
PARTY_POSTS = ("Đảng viên", "Đảng viên", "Đảng viên", "Chi ủy viên", "Phó Bí thư chi bộ")
STAFF_POSTS = ("Chuyên viên", "Chuyên viên chính", "Cán sự", "Kế toán viên", "Giáo viên")
OUTSIDE_UNITS = ("Nghỉ hưu", "Sinh viên Trường Đại học Sư phạm", "Công ty TNHH Thương mại Hòa Bình",
                 "Hộ kinh doanh cá thể", "Hợp tác xã Nông nghiệp Điện Quang")
MASS_POSTS = ("", "", "", "Chủ tịch Công đoàn cơ sở", "Bí thư Chi đoàn", "Chi hội trưởng Hội Cựu chiến binh")


@dataclass
class DemoResult:
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    rounds: list[RoundSummary] = field(default_factory=list)
    secretary_fingerprint: str = ""
    seconds: float = 0.0


def _categories(rng: random.Random, n: int) -> list[str]:
    """About 20% leaders (2A) and 15% members outside the political system (2C), at least one of
    each when there are three or more members; the rest 2B."""
    leaders = max(round(n * 0.2), 1 if n >= 3 else 0)
    outside = max(round(n * 0.15), 1 if n >= 3 else 0)
    cats = ["leader"] * leaders + ["outside_system"] * outside
    cats += ["non_leader"] * (n - len(cats))
    rng.shuffle(cats)
    return cats[:n]


def _round(ctx, name: str, period: str) -> RoundSummary:
    cell = next((c for c in ctx.cells.list_cells() if c.name == name), None)
    if cell is None:
        cell = ctx.cells.create_cell(name, SUPERIOR)
    existing = [r for r in ctx.cells.list_rounds(cell.id) if r.period == period]
    if existing:
        return existing[0]
    year = int(period[:4]) if period[:4].isdigit() else date.today().year
    return ctx.cells.create_round(cell.id, period, deadline=date(year, 12, 15))


def _member(rng: random.Random, name: str, category: str, cell: str, ident: PublicIdentity) -> MemberIdentity:
    dob = date(1960, 1, 1) + timedelta(days=rng.randint(0, 365 * 42))
    if category == "leader":
        gov, unit = rng.choice(LEADER_POSTS), cell.removeprefix("Chi bộ ")
    elif category == "outside_system":
        gov, unit = "", rng.choice(OUTSIDE_UNITS)
    else:
        gov, unit = rng.choice(STAFF_POSTS), cell.removeprefix("Chi bộ ")
    return MemberIdentity(full_name=name, sign_public=ident.sign_public, enc_public=ident.enc_public,
                          date_of_birth=dob, party_post=rng.choice(PARTY_POSTS), government_post=gov,
                          mass_org_post=rng.choice(MASS_POSTS), work_unit=unit, cell_name=cell, category=category)


class _TemplateCache:
    """The round's template for each form hash, and the copy to embed when it is not bundled."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.known: dict[str, tuple[Template, dict | None]] = {}

    def __call__(self, form: dict) -> tuple[Template, dict | None]:
        if form["hash"] not in self.known:
            with self.ctx.read() as s:
                template = templates.by_hash(s, form["hash"], form["id"], form["version"])
            bundled = registry.find_by_hash(form["hash"]) is not None
            self.known[form["hash"]] = (template, None if bundled else json.loads(canonical_json(template)))
        return self.known[form["hash"]]


def run_demo(ctx, members: int, out: str | Path, cells: int = 1, seed: int = 2025, period: str = "2025",
             cell: str | None = None) -> DemoResult:
    """Set up ``cells`` cells with a round each and write ``members`` response files per cell."""
    started = time.perf_counter()
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    secretary = ctx.profiles.secretary()
    if secretary is None:
        secretary = ctx.profiles.create(SECRETARY)
        ctx.profiles.set_secretary(secretary.id)
    _, enc_key, fp = ctx.profiles.public_keys(secretary.id)
    result = DemoResult(out_dir, secretary_fingerprint=fp)
    year = int(period[:4]) if period[:4].isdigit() else date.today().year
    names = iter(COVERING)
    now = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    forms = _TemplateCache(ctx)
    for c in range(cells):
        cell_name = CELL_NAMES[c] if c < len(CELL_NAMES) else f"Chi bộ số {c + 1}"
        if cell:  # the office names its own cell (the first; others are numbered after it)
            cell_name = cell if c == 0 else f"{cell} ({c + 1})"
        rnd = _round(ctx, cell_name, period)
        result.rounds.append(rnd)
        ref = RoundRef(rnd.uid, rnd.cell, SUPERIOR, rnd.period)
        cell_rng = random.Random(f"{seed}:cell:{c}")
        used: set[str] = set()
        for m, category in enumerate(_categories(cell_rng, members)):
            rng = random.Random(f"{seed}:{c}:{m}")
            name = next(names, None) or random_name(rng)
            while name in used:
                name = random_name(rng)
            used.add(name)
            form = rnd.forms[category]
            template, body = forms(form)
            identity = identity_from_bytes(rng.randbytes(32), rng.randbytes(32))
            member = _member(rng, name, category, cell_name, identity.public)
            target = pick_rating(rng)
            created = datetime(year, 11, 1, 8) + timedelta(minutes=rng.randint(0, 30 * 24 * 60))
            doc = ResponseDoc(member=member, round=ref, period=rnd.period, revision=1, created_at=created,
                              finalized_at=created + timedelta(hours=rng.randint(1, 72)),
                              template=TemplateRef(form["id"], form["version"], form["hash"]), template_body=body,
                              answers=fill_answers(template, rng, target, year), recipient=enc_key)
            path = out_dir / portable_name(f"c{c + 1:02d}-{m + 1:04d}-{slug(name)}.selfreview")
            write_atomic(path, write_response(identity, doc, now), durable=False)
            result.files.append(path)
    result.seconds = time.perf_counter() - started
    return result
