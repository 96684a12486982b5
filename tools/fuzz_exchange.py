"""Coverage-guided fuzzing of the invitation and response readers (atheris, i.e. libFuzzer for Python).

    pip install atheris                                   # not a dependency of the app
    python tools/fuzz_exchange.py make-corpus             # once: tests/fuzz_corpus/ from `selfreview demo`
    python tools/fuzz_exchange.py run response --seconds 300 --out /tmp/fuzz-response.json
    python tools/fuzz_exchange.py run response-body --structured --seconds 300   # JSON-aware mutations too
    python tools/fuzz_exchange.py replay                  # every seed and regression, no atheris needed
    python tools/fuzz_exchange.py summarise RUN.json... --out docs/reliability/fuzz-exchange.json

Targets (each gets the fuzzer's bytes):

``response``       the bytes are a ``.selfreview`` file. The chain ``selfreview import`` runs for one
                   file before it touches the database: ``read_limited`` (from a real file) →
                   ``read_response`` (structure, decryption with the secretary's key, signature,
                   body) → the template (bundled or embedded) → every answer coerced as the importer
                   stores it (``importing.checks.coerce_all``).
``response-body``  the bytes are the signed *body*: the harness signs them with a fuzz member's key
                   (A, or B when the body names B's key) and encrypts them to the fuzz secretary,
                   then runs the same chain. Mutating an encrypted file mostly breaks its tag; this
                   reaches every check after decryption.
``invite``         the bytes are a ``.selfreview-invite`` file: ``read_limited`` → ``read_invitation``
                   (signature, body, every embedded template against its hash).
``invite-body``    the invitation body, signed by the fuzz secretary.
``import``         like ``response-body`` but through the whole import on a real data directory
                   (``ctx.exchange.import_paths``), twice per input, then the database is put back.
``import-raw``     like ``response`` through the whole import.

What counts as a finding: any exception other than the module's ``Rejected`` out of the reader
chain; in the import targets also a receipt ``import.failed`` (the importer's catch-all for a bug),
a storage error, a rejected file that changed anything but the receipts, an imported review whose
answers differ from the file's (or whose stored content hash does not match its stored answers),
and a second import of the same bytes that is not ``already_present``. atheris stops at the first
finding and writes the input as ``crash-<sha1>``; ``run`` copies it to ``--findings``.

``--structured`` adds a JSON-aware mutator (:func:`json_mutation`: values, keys and types replaced
from a pool of odd values and of every value in the seeds, places removed, added, wrapped, numbers
nudged) for 85 % of the mutations; libFuzzer's byte mutations do the rest.

The fuzz secretary and the fuzz members A and B have fixed keys derived below (test keys, nothing
secret), so the committed seeds decrypt and verify on every machine. ``tests/fuzz_corpus/meta.json`` holds
the round the seeds belong to. Inputs under ``tests/fuzz_corpus/regressions/<target>/`` are earlier
findings: ``tests/unit/test_fuzz_regressions.py`` replays them (and the seeds) through the same checks.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "fuzz_corpus"
META = CORPUS / "meta.json"
DICT = CORPUS / "exchange.dict"
TARGETS = ("response", "response-body", "invite", "invite-body", "import", "import-raw", "template", "answers")
SEED_DIR = {"response": "response", "response-body": "response-body", "invite": "invite",
            "invite-body": "invite-body", "import": "response-body", "import-raw": "response",
            "template": "template", "answers": "answers"}
WRITTEN_AT = datetime(2025, 12, 1, 9, 0, 0)


class Finding(AssertionError):
    """The reader or the importer did something it must never do with this input."""


def _key(label: str) -> bytes:
    return hashlib.sha256(f"selfreview fuzz {label}".encode("ascii")).digest()


def fuzz_identities():
    """(secretary, member A, member B): fixed test keys."""
    from selfreview.exchange.keys import identity_from_bytes
    return (identity_from_bytes(_key("secretary sign"), _key("secretary enc")),
            identity_from_bytes(_key("member sign"), _key("member enc")),
            identity_from_bytes(_key("member B sign"), _key("member B enc")))


def load_meta() -> dict[str, Any]:
    return json.loads(META.read_text(encoding="utf-8"))


SCRATCH_ENV = "SELFREVIEW_FUZZ_SCRATCH"


def memory_dir() -> str | None:
    """/dev/shm where there is one (per-input files there: disk writes would bound the speed)."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def scratch_dir(prefix: str) -> Path:
    """A folder for the per-input files: inside ``$SELFREVIEW_FUZZ_SCRATCH`` (``run`` makes it and
    removes it once the fuzzer exited: libFuzzer ends the process without Python's exit handlers),
    else in memory, removed at a normal exit."""
    import atexit
    base = os.environ.get(SCRATCH_ENV) or memory_dir()
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=base))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


# -- the reader chains ------------------------------------------------------------------------------
class Readers:
    """The pure reader chains (no database), with the fuzz keys; one temporary file reused."""

    def __init__(self, work: Path) -> None:
        from selfreview.exchange.envelope import FORMAT_INVITE, FORMAT_RESPONSE
        self.secretary, self.member_a, self.member_b = fuzz_identities()
        self.b_key = self.member_b.public.sign_public.encode("ascii")
        self.secretary_enc = self.secretary.public.enc_public
        self.formats = {"response": FORMAT_RESPONSE, "invite": FORMAT_INVITE}
        self.path = scratch_dir("selfreview-fuzz-") / "input.selfreview"

    def sign_body(self, body: bytes, kind: str) -> bytes:
        """The file a writer would make of ``body``: signed (and for a response, encrypted)."""
        from selfreview.exchange.envelope import VERSION, signed_bytes, wrap
        fmt = self.formats[kind]
        if kind == "invite":
            signer = self.secretary
        else:
            signer = self.member_b if self.b_key in body else self.member_a
        plaintext = signer.sign.sign(signed_bytes(fmt, VERSION, body)) + body
        return wrap(fmt, plaintext, self.secretary.enc.public_key() if kind == "response" else None)

    def _file(self, data: bytes) -> bytes:
        from selfreview.exchange.envelope import read_limited
        self.path.write_bytes(data)
        return read_limited(self.path)

    def response(self, data: bytes) -> str:
        """The import's reader chain for one file. Returns the outcome; raises only Finding."""
        from selfreview.exchange.embedded import embedded_template
        from selfreview.exchange.errors import Rejected
        from selfreview.exchange.response import read_response
        from selfreview.forms import registry
        from selfreview.services.importing.checks import coerce_all as _coerce_all
        try:
            doc = read_response(self._file(data), self.secretary, self.secretary_enc)
            info = registry.find_by_hash(doc.template.hash)
            if info is not None:
                template = info.template
            elif doc.template_body is not None:
                template = embedded_template(doc.template_body, doc.template)
            else:
                raise Rejected("import.unknown_template", id=doc.template.id, version=doc.template.version)
            _coerce_all(template.item_index(), doc.answers)
        except Rejected as e:
            return e.code
        except Exception as e:  # noqa: BLE001 - the point of the harness
            raise Finding(f"read_response raised {type(e).__name__}: {e}") from e
        return "accepted"

    def invite(self, data: bytes) -> str:
        from selfreview.exchange.errors import Rejected
        from selfreview.exchange.invitation import read_invitation
        try:
            doc = read_invitation(self._file(data))
            for _ref, template in doc.forms.values():
                template.item_index()
        except Rejected as e:
            return e.code
        except Exception as e:  # noqa: BLE001
            raise Finding(f"read_invitation raised {type(e).__name__}: {e}") from e
        return "accepted"


# -- the form and answer checks alone (issue 14: what a hostile template or answer set may do) ------------
def check_template(data: bytes) -> str:
    """A template as an invitation or a response embeds it (canonical JSON): checked as the import
    checks it, then used as the secretary's machine uses it (questions, hash, "Kiểm tra" on no answers,
    every question's empty value). Only a refusal may come out; anything else is a Finding."""
    import json
    from selfreview.exchange.envelope import parse_json
    from selfreview.exchange.errors import Rejected
    from selfreview.forms.answers import coerce
    from selfreview.forms.errors import TemplateErrors
    from selfreview.forms.finalcheck import final_issues
    from selfreview.forms.loader import canonical_json, template_from_data, template_hash
    try:
        body = parse_json(data, outer=False)
    except Rejected as e:
        return e.code
    try:
        template = template_from_data(body, "fuzz")
    except TemplateErrors:
        return "import.bad_template"
    except RecursionError:
        return "import.too_deep"
    except Exception as e:  # noqa: BLE001 - the point of the harness
        raise Finding(f"template_from_data raised {type(e).__name__}: {e}") from e
    try:
        json.loads(canonical_json(template))
        template_hash(template)
        final_issues(template, {})
        for item in template.item_index().values():
            if item.stores_answer:
                try:
                    coerce(item, None)
                except Exception as e:  # noqa: BLE001 - an AnswerError is a refusal; anything else is not
                    if type(e).__name__ != "AnswerError":
                        raise
    except Exception as e:  # noqa: BLE001
        raise Finding(f"a checked template failed in use: {type(e).__name__}: {e}") from e
    return "accepted"


def check_answers(data: bytes) -> str:
    """``{"form": <a bundled form's id>, "answers": {...}}``: the answers checked as the import checks
    a finalized review (each answer coerced, then the rule of "Kiểm tra" and finalize)."""
    from selfreview.exchange.envelope import parse_json
    from selfreview.exchange.errors import Rejected
    from selfreview.forms import registry
    from selfreview.forms.finalcheck import final_issues
    from selfreview.services.importing.checks import coerce_all
    try:
        body = parse_json(data, outer=False)
    except Rejected as e:
        return e.code
    if not isinstance(body, dict) or not isinstance(body.get("answers"), dict) or not isinstance(body.get("form"), str):
        return "shape"
    info = registry.find(body["form"])
    if info is None:
        return "unknown_form"
    try:
        answers = coerce_all(info.template.item_index(), body["answers"])
        issues = final_issues(info.template, answers)
    except Rejected as e:
        return e.code
    except Exception as e:  # noqa: BLE001
        raise Finding(f"the answer checks raised {type(e).__name__}: {e}") from e
    return "incomplete" if issues else "accepted"


# -- the whole import on a data directory -------------------------------------------------------------
def make_data_dir(directory: Path, meta: dict[str, Any] | None):
    """A secretary's data directory with the fuzz secretary's keys, the seeds' cell and round
    (``meta``), or a new round when ``meta`` is None. Returns (ctx, round summary)."""
    from selfreview.db.models import Profile, ReviewRound
    from selfreview.demo.generate import SECRETARY, SUPERIOR
    from selfreview.exchange import keystore
    from selfreview.services.context import AppContext
    secretary = fuzz_identities()[0]
    ctx = AppContext.open(directory)
    p = ctx.profiles.create(SECRETARY)
    pub = keystore.store_identity(ctx.keys_dir, p.id, secretary)
    with ctx.session() as s:
        row = s.get(Profile, p.id)
        row.sign_public_key, row.enc_public_key, row.fingerprint = pub.sign_public, pub.enc_public, pub.fingerprint
    ctx.profiles.set_secretary(p.id)
    if meta is None:
        return ctx, None
    cell = ctx.cells.create_cell(meta["cell"], meta.get("superior_body", SUPERIOR))
    deadline = date.fromisoformat(meta["deadline"]) if meta.get("deadline") else None
    rnd = ctx.cells.create_round(cell.id, meta["period"], deadline=deadline)
    with ctx.session() as s:
        s.get(ReviewRound, rnd.id).uid = meta["round_uid"]
    return ctx, ctx.cells.get_round(rnd.id)


KEPT_TABLES = ("profile", "cell", "review_round", "member", "stored_template", "invitation", "review", "answer",
               "assessment", "meeting", "meeting_attendance", "meeting_result", "audit_log", "setting")


class ImportWorld:
    """A data directory in a known state, put back after each input: fuzz member A already has
    revision 1 in the round (the first body seed), so A's inputs reach ``updated``,
    ``already_present`` and the conflicts; member B has nothing yet, so B's inputs are ``imported``."""

    def __init__(self, work: Path) -> None:
        from selfreview.exchange.response import read_response
        self.readers = Readers(work)
        scratch = scratch_dir("selfreview-fuzz-import-")
        data_dir = scratch / "data"
        self.ctx, self.round = make_data_dir(data_dir, load_meta())
        self.secretary = self.readers.secretary
        self.read_response = read_response
        first = next(f for f in sorted((CORPUS / "response-body").iterdir())
                     if not f.stem.endswith("-revision-2")).read_bytes()
        self.path = scratch / "import.selfreview"
        self.path.write_bytes(self.readers.sign_body(first, "response"))
        (r,) = self.ctx.exchange.import_paths([self.path])
        if r.outcome != "imported":
            raise RuntimeError(f"the baseline file did not import: {r.reason}")
        self.db_file = self.ctx.db.path
        self.ctx.db.engine.dispose()
        self.baseline = sqlite3.connect(":memory:")
        with sqlite3.connect(self.db_file) as src:
            src.backup(self.baseline)
        self.baseline_state = self.state()

    def restore(self) -> None:
        self.ctx.db.engine.dispose()
        dst = sqlite3.connect(self.db_file)
        try:
            self.baseline.backup(dst)
        finally:
            dst.close()

    def state(self) -> dict[str, list[tuple]]:
        """Every row of every table but the receipts (a rejected file may add only a receipt)."""
        with self.ctx.db.engine.connect() as conn:
            out = {t: [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY rowid")]
                   for t in KEPT_TABLES}
        return out

    def check_reviews(self) -> None:
        """Every review row holds all its answers: the stored content hash is the hash of them."""
        from sqlalchemy import select
        from selfreview.db.models import Review
        from selfreview.services.reviews import answers_of, content_hash
        with self.ctx.read() as s:
            for rid, digest in s.execute(select(Review.id, Review.content_hash)).all():
                answers = answers_of(s, rid)
                if digest is not None and content_hash(answers) != digest:
                    raise Finding(f"review {rid} lacks answers: {len(answers)} stored, content hash differs")

    def import_once(self, data: bytes) -> Any:
        from selfreview.services.errors import ServiceError
        self.path.write_bytes(data)
        try:
            (r,) = self.ctx.exchange.import_paths([self.path])
        except ServiceError as e:
            raise Finding(f"the import stopped: {e.message.en}") from e
        if r.reason is not None and r.reason.code == "import.failed":
            raise Finding(f"the importer's catch-all fired: {r.reason.en}")
        return r

    def check(self, data: bytes) -> str:
        from selfreview.exchange.errors import Rejected
        from selfreview.services.importing.checks import coerce_all as _coerce_all
        try:
            first = self.import_once(data)
            if first.outcome == "rejected":
                if self.state() != self.baseline_state:
                    raise Finding(f"a rejected file ({first.reason.code}) changed the database")
            else:
                try:
                    doc = self.read_response(data, self.secretary, self.secretary.public.enc_public)
                except Rejected as e:
                    raise Finding(f"imported, yet the reader refuses it ({e.code})") from e
                template = self.ctx.reviews.open(first.review_id).template
                expected = _coerce_all(template.item_index(), doc.answers)
                if self.ctx.reviews.answers(first.review_id) != expected:
                    raise Finding(f"review {first.review_id} ({first.outcome}) does not hold the file's answers")
            self.check_reviews()
            second = self.import_once(data)
            if first.outcome != "rejected" and second.outcome != "already_present":
                raise Finding(f"the same bytes again gave {second.outcome} after {first.outcome}")
            if first.outcome == "rejected" and second.outcome != "rejected":
                raise Finding(f"refused once ({first.reason.code}), then {second.outcome}")
            return first.outcome if first.outcome != "rejected" else first.reason.code
        finally:
            self.restore()


# -- one input, by target ---------------------------------------------------------------------------------
def make_checker(target: str, work: Path) -> Callable[[bytes], str]:
    if target in ("import", "import-raw"):
        world = ImportWorld(work)
        if target == "import":
            return lambda data: world.check(world.readers.sign_body(data, "response"))
        return world.check
    if target == "template":
        return check_template
    if target == "answers":
        return check_answers
    readers = Readers(work)
    if target == "response":
        return readers.response
    if target == "response-body":
        return lambda data: readers.response(readers.sign_body(data, "response"))
    if target == "invite":
        return readers.invite
    if target == "invite-body":
        return lambda data: readers.invite(readers.sign_body(data, "invite"))
    raise ValueError(target)


def seeds(target: str) -> list[Path]:
    return sorted(p for p in (CORPUS / SEED_DIR[target]).iterdir() if p.is_file())


def regressions(target: str | None = None) -> list[tuple[str, Path]]:
    base = CORPUS / "regressions"
    out = []
    for t in TARGETS if target is None else (target,):
        folder = base / t
        if folder.is_dir():
            out += [(t, p) for p in sorted(folder.iterdir()) if p.is_file()]
    return out


# -- atheris --------------------------------------------------------------------------------------------
def fuzz_main(target: str, libfuzzer_args: list[str], work: Path, structured: bool = False) -> None:
    """Runs in its own process (``run`` starts it): instrument selfreview, then hand over to libFuzzer."""
    import atheris
    with atheris.instrument_imports(include=["selfreview"]):
        import selfreview.exchange.embedded  # noqa: F401
        import selfreview.exchange.envelope  # noqa: F401
        import selfreview.exchange.invitation  # noqa: F401
        import selfreview.exchange.response  # noqa: F401
        import selfreview.exchange.shape  # noqa: F401
        import selfreview.forms  # noqa: F401
        import selfreview.forms.answers  # noqa: F401
        import selfreview.services.importing.importer  # noqa: F401
        import selfreview.text  # noqa: F401
    check = make_checker(target, work)

    def one_input(data: bytes) -> None:
        check(data)

    if structured:
        pool = value_pool(target)

        def mutator(data: bytes, max_size: int, seed: int) -> bytes:
            try:
                out = json_mutation(data, max_size, seed, pool)
            except Exception:  # noqa: BLE001 - a mutation that cannot be made: mutate bytes instead
                out = None
            return out if out is not None else atheris.Mutate(data, max_size)

        atheris.Setup([sys.argv[0], *libfuzzer_args], one_input, custom_mutator=mutator)
    else:
        atheris.Setup([sys.argv[0], *libfuzzer_args], one_input)
    atheris.Fuzz()


# -- structure-aware mutation (--structured) -----------------------------------------------------------------
def _places(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _places(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _places(v, prefix + (i,))
    return out


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _leaves(v)] + list(value.keys())
    if isinstance(value, list):
        return [x for v in value for x in _leaves(v)]
    return [value]


def value_pool(target: str) -> list[Any]:
    """Values a mutation may put anywhere: odd ones, and every leaf and key of every seed (so a
    question id lands on another question, a score on a text, a date on a revision, ...)."""
    pool: list[Any] = [None, True, False, 0, -1, 1, 2, 1000, 1000001, 2 ** 53 + 1, -(2 ** 63), 10 ** 400, 0.5,
                       -0.0, 1e308, "", " ", "x" * 201, "\u0301", "a\u0301", "\ud800", "\x00", "2025-02-30",
                       "2025-12-01T09:00:00", "2025-12-01T25:00:00Z", "9999-12-31", [], {}, [[]], {"": None},
                       "A" * 44, "=" * 4]
    seen = set()
    for path in seeds(target):
        try:
            doc = json.loads(path.read_bytes())
        except ValueError:
            continue
        for leaf in _leaves(doc):
            key = json.dumps(leaf, sort_keys=True)
            if len(key) < 2000 and key not in seen:
                seen.add(key)
                pool.append(leaf)
    return pool


def json_mutation(data: bytes, max_size: int, seed: int, pool: list[Any]) -> bytes | None:
    """``data`` parsed as JSON, one to three places changed (replaced by a pool value, removed, given a
    sibling, duplicated into a list, or its type changed), written back. None: not JSON, or by chance
    (the caller then mutates bytes)."""
    import random
    rng = random.Random(seed)
    if rng.random() < 0.15:
        return None
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return None
    for _ in range(rng.randint(1, 3)):
        places = _places(value)
        place = rng.choice(places)
        new = json.loads(json.dumps(rng.choice(pool)))
        op = rng.choice(("replace", "replace", "delete", "add", "wrap", "number"))
        if not place:
            value = {"wrap": value} if op == "wrap" else new
            continue
        parent = value
        for key in place[:-1]:
            parent = parent[key]
        last = place[-1]
        if op == "delete":
            del parent[last]
        elif op == "add" and isinstance(parent, dict):
            parent[rng.choice([k for k in pool if isinstance(k, str)] or ["k"])] = new
        elif op == "add" and isinstance(parent, list):
            parent.insert(rng.randint(0, len(parent)), new)
        elif op == "wrap":
            parent[last] = [parent[last]] if rng.random() < 0.5 else {"v": parent[last]}
        elif op == "number" and isinstance(parent[last], (int, float)) and not isinstance(parent[last], bool):
            n = parent[last]
            parent[last] = rng.choice([n + 1, n - 1, -n, n * 10 ** 6, n + 0.25 if abs(n) < 1e300 else n, str(n)])
        else:
            parent[last] = new
    try:
        out = json.dumps(value, ensure_ascii=rng.random() < 0.1, sort_keys=rng.random() < 0.9,
                         separators=(",", ":")).encode("utf-8", "surrogatepass")
    except (ValueError, TypeError, RecursionError):
        return None
    return out if len(out) <= max_size else None


STAT = re.compile(r"^stat::(\w+):\s*(\d+)", re.M)
PROGRESS = re.compile(r"^#(\d+)\s+(?:DONE|pulse|NEW|REDUCE|INITED)\s+cov: (\d+) ft: (\d+) corp: (\d+)/(\S+)", re.M)


def run(args) -> int:
    """Start one atheris run in a child process, keep its log, write the figures as JSON."""
    target = args.target
    work = Path(args.work or Path(tempfile.gettempdir()) / "selfreview-fuzz" / target)
    corpus_dir = work / "corpus"
    artifacts = work / "artifacts"
    for d in (corpus_dir, artifacts):
        d.mkdir(parents=True, exist_ok=True)
    libfuzzer = [f"-max_total_time={args.seconds}", "-print_final_stats=1", f"-timeout={args.timeout}",
                 "-rss_limit_mb=3072", f"-artifact_prefix={artifacts}/", f"-seed={args.seed}",
                 f"-dict={DICT}", str(corpus_dir), str(CORPUS / SEED_DIR[target])]
    if args.max_len:
        libfuzzer.insert(0, f"-max_len={args.max_len}")
    log_path = work / "fuzz.log"
    started = time.time()
    cpu_before = os.times()
    scratch = tempfile.mkdtemp(prefix="selfreview-fuzz-run-", dir=memory_dir())
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.run([sys.executable, __file__, "_fuzz", target, "--work", str(work),
                               *(["--structured"] if args.structured else []), "--", *libfuzzer],
                              stdout=log, stderr=subprocess.STDOUT, cwd=str(work),
                              env={**os.environ, SCRATCH_ENV: scratch})
    shutil.rmtree(scratch, ignore_errors=True)
    cpu_after = os.times()
    text = log_path.read_text(encoding="utf-8", errors="replace")
    stats = {k: int(v) for k, v in STAT.findall(text)}
    progress = PROGRESS.findall(text)
    last = progress[-1] if progress else None
    crashes = sorted(p.name for p in artifacts.iterdir() if p.is_file())
    if args.findings and crashes:
        dest = Path(args.findings) / target
        dest.mkdir(parents=True, exist_ok=True)
        for name in crashes:
            shutil.copy2(artifacts / name, dest / name)
    summary = {
        "target": target, "mutator": "JSON-aware, bytes 15%" if args.structured else "libFuzzer bytes",
        "command": " ".join(["python tools/fuzz_exchange.py run", target, f"--seconds {args.seconds}",
                             f"--seed {args.seed}", *(["--structured"] if args.structured else [])]),
        "atheris_exit_status": proc.returncode,
        "seconds_wall": round(time.time() - started, 1),
        "seconds_cpu": round((cpu_after.children_user + cpu_after.children_system)
                             - (cpu_before.children_user + cpu_before.children_system), 1),
        "executions": stats.get("number_of_executed_units"),
        "executions_per_second": stats.get("average_exec_per_sec"),
        "coverage_edges": int(last[1]) if last else None, "features": int(last[2]) if last else None,
        "corpus_inputs": int(last[3]) if last else None,
        "new_units_added": stats.get("new_units_added"), "peak_rss_mb": stats.get("peak_rss_mb"),
        "seed_files": len(seeds(target)), "findings": crashes, "libfuzzer_args": libfuzzer,
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "log": str(log_path),
    }
    text_out = json.dumps(summary, indent=2, ensure_ascii=False)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text_out + "\n", encoding="utf-8")
    print(text_out)
    return 0 if not crashes and proc.returncode == 0 else 1


def summarise(args) -> int:
    """One JSON for docs/reliability/: every run's figures and the totals."""
    runs = [json.loads(Path(f).read_text(encoding="utf-8")) for f in args.runs]
    for r in runs:
        r.pop("log", None)
        r.pop("libfuzzer_args", None)
        r.setdefault("mutator", "libFuzzer bytes")  # (runs written before the option existed)
    totals = {"runs": len(runs), "executions": sum(r["executions"] or 0 for r in runs),
              "seconds_cpu": round(sum(r["seconds_cpu"] for r in runs), 1),
              "seconds_wall": round(sum(r["seconds_wall"] for r in runs), 1),
              "findings": sum(len(r["findings"]) for r in runs)}
    out = {"tool": f"atheris {_atheris_version()} (libFuzzer), Python {sys.version.split()[0]}",
           "totals": totals, "runs": runs, "notes": args.note}
    Path(args.out).write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(totals))
    return 0


def _atheris_version() -> str:
    try:
        from importlib.metadata import version
        return version("atheris")
    except Exception:  # noqa: BLE001
        return "?"


def replay(args) -> int:
    """Every seed and every saved regression through its checker (no atheris): 0 when all pass."""
    failures = 0
    with tempfile.TemporaryDirectory(prefix="selfreview-replay-") as tmp:
        for target in args.targets or TARGETS:
            check = make_checker(target, Path(tmp) / target)
            inputs = [(target, p) for p in seeds(target)] + regressions(target)
            for _t, path in inputs:
                try:
                    outcome = check(path.read_bytes())
                except Finding as e:
                    failures += 1
                    outcome = f"FINDING {e}"
                print(f"{target:14} {path.relative_to(CORPUS)}: {outcome}")
    return 1 if failures else 0


# -- the seeds -----------------------------------------------------------------------------------------------
def make_corpus(args) -> int:
    """Write tests/fuzz_corpus/ from `selfreview demo` and `selfreview invite` in a temporary data
    directory whose secretary has the fuzz keys."""
    from selfreview.cli import main as cli
    from selfreview.exchange.envelope import VERSION, canonical, open_envelope, signed_bytes, wrap
    from selfreview.exchange.invitation import write_invitation
    from selfreview.exchange.response import RoundRef
    from selfreview.services import templates

    secretary, member_a, member_b = fuzz_identities()
    with tempfile.TemporaryDirectory(prefix="selfreview-corpus-") as tmp:
        tmp = Path(tmp)
        ctx, _ = make_data_dir(tmp / "data", None)
        ctx.close()
        demo_out = tmp / "demo"
        base = ["--data-dir", str(tmp / "data")]
        if cli([*base, "demo", "--members", "20", "--out", str(demo_out), "--period", "2025"]) != 0:
            raise SystemExit("selfreview demo failed")
        if cli([*base, "invite", "--round", "1", "--out", str(tmp / "round.selfreview-invite")]) != 0:
            raise SystemExit("selfreview invite failed")
        from selfreview.services.context import AppContext
        with AppContext.open(tmp / "data") as ctx:
            rnd = ctx.cells.get_round(1)
            cell = ctx.cells.get_cell(rnd.cell_id)
            meta = {"round_uid": rnd.uid, "cell": rnd.cell, "superior_body": cell.superior_body,
                    "period": rnd.period, "deadline": rnd.deadline.isoformat() if rnd.deadline else None,
                    "made_by": "python tools/fuzz_exchange.py make-corpus (selfreview demo --members 20 "
                               "--period 2025; selfreview invite --round 1)",
                    "secretary_fingerprint": secretary.public.fingerprint,
                    "member_fingerprints": [member_a.public.fingerprint, member_b.public.fingerprint]}
            # one invitation per form as well: the whole one is large (three embedded templates)
            with ctx.read() as s:
                forms = {cat: templates.by_hash(s, f["hash"], f["id"], f["version"]) for cat, f in rnd.forms.items()}
            ref = RoundRef(rnd.uid, rnd.cell, cell.superior_body, rnd.period)
            single = {cat: write_invitation(secretary, "Phan Thị Thanh Hương", ref, rnd.deadline, {cat: t},
                                            WRITTEN_AT) for cat, t in forms.items()}
        # a handful of demo files: the first of each form, and the smallest two others
        files = sorted(demo_out.glob("*.selfreview"))
        by_form: dict[str, Path] = {}
        opened = {}
        for f in files:
            o = open_envelope(f.read_bytes(), "selfreview-response", secretary.enc, secretary.public.enc_public)
            opened[f] = o
            by_form.setdefault(o.body["review"]["template"]["id"], f)
        chosen = list(by_form.values())
        chosen += [f for f in sorted(files, key=lambda p: p.stat().st_size) if f not in chosen][:2]
        for sub in ("response", "response-body", "invite", "invite-body", "regressions"):
            (CORPUS / sub).mkdir(parents=True, exist_ok=True)
        for sub in ("response", "response-body", "invite", "invite-body"):
            for old in (CORPUS / sub).iterdir():
                old.unlink()
        for n, f in enumerate(chosen):
            member = member_a if n == 0 else member_b  # A: the baseline review of the import targets
            (CORPUS / "response" / f.name).write_bytes(f.read_bytes())
            # the same review, re-signed by the fuzz member: as a body, and as a signed-only file
            body = dict(opened[f].body)
            body["member"] = {**body["member"], "sign_public": member.public.sign_public,
                              "enc_public": member.public.enc_public}
            body_bytes = canonical(body)
            (CORPUS / "response-body" / f"{f.stem}.json").write_bytes(body_bytes)
            if n == 0:  # its next revision: `updated` in the import targets
                later = {**body, "review": {**body["review"], "revision": 2}}
                (CORPUS / "response-body" / f"{f.stem}-revision-2.json").write_bytes(canonical(later))
            unencrypted = canonical({**body, "recipient": None})
            sig = member.sign.sign(signed_bytes("selfreview-response", VERSION, unencrypted))
            (CORPUS / "response" / f"{f.stem}-signed-only.selfreview").write_bytes(
                wrap("selfreview-response", sig + unencrypted))
        (CORPUS / "invite" / "round-all-forms.selfreview-invite").write_bytes((tmp / "round.selfreview-invite").read_bytes())
        for cat, data in single.items():
            (CORPUS / "invite" / f"round-{cat}.selfreview-invite").write_bytes(data)
            (CORPUS / "invite-body" / f"round-{cat}.json").write_bytes(open_envelope(data, "selfreview-invite").body_bytes)
        META.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_dict()
    print(f"wrote {CORPUS}")
    return 0


def write_dict() -> None:
    """libFuzzer dictionary: the format's member names and literal values."""
    from selfreview.exchange import envelope, invitation, response
    words = set()
    for keys in (envelope.ENVELOPE_KEYS, envelope.ENCRYPTION_KEYS, response.BODY_KEYS, response.MEMBER_KEYS,
                 response.ROUND_KEYS, response.REVIEW_KEYS, response.TEMPLATE_KEYS, invitation.BODY_KEYS,
                 invitation.SECRETARY_KEYS, invitation.ROUND_KEYS, invitation.FORM_KEYS):
        words |= {f'"{k}"' for k in keys}
    words |= {f'"{v}"' for v in (envelope.FORMAT_RESPONSE, envelope.FORMAT_INVITE, envelope.SCHEME,
                                 *response.CATEGORIES, "body")}
    words |= {"null", "true", "false", "1", "-1", "0.5", "1e999", "[]", "{}", '""', ":", ",", "\\u0000",
              "\\u0301", "\\ud800", "NaN", "Infinity", "2025-12-01T09:00:00Z", "2025-02-30", '"2025"'}
    lines = ["# libFuzzer dictionary for the selfreview exchange files (tools/fuzz_exchange.py write_dict)"]
    for w in sorted(words):
        escaped = w.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'"{escaped}"')
    DICT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "_fuzz":  # the child process of `run`
        rest = argv[1:]
        sep = rest.index("--") if "--" in rest else len(rest)
        p = argparse.ArgumentParser()
        p.add_argument("target", choices=TARGETS)
        p.add_argument("--work", required=True)
        p.add_argument("--structured", action="store_true")
        ns = p.parse_args(rest[:sep])
        fuzz_main(ns.target, rest[sep + 1:], Path(ns.work), ns.structured)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("run", help="one atheris run of a target")
    p.add_argument("target", choices=TARGETS)
    p.add_argument("--seconds", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--timeout", type=int, default=20, help="seconds for one input before it is a finding")
    p.add_argument("--max-len", type=int, default=0, help="largest input (default: libFuzzer's guess)")
    p.add_argument("--structured", action="store_true",
                   help="mutate the JSON (values, keys, types; see json_mutation) as well as the bytes")
    p.add_argument("--work", help="working folder (corpus, artifacts, log)")
    p.add_argument("--out", help="write the figures as JSON here")
    p.add_argument("--findings", default=str(CORPUS / "regressions"),
                   help="copy crash inputs here (default tests/fuzz_corpus/regressions/<target>/)")
    p.set_defaults(fn=run)
    p = sub.add_parser("replay", help="run every seed and regression through the checks")
    p.add_argument("targets", nargs="*", metavar="TARGET", help=f"any of {', '.join(TARGETS)} (default: all)")
    p.set_defaults(fn=replay)
    p = sub.add_parser("summarise", help="gather the JSON of several runs into one file")
    p.add_argument("runs", nargs="+", metavar="RUN.json")
    p.add_argument("--out", required=True)
    p.add_argument("--note", action="append", default=[], help="a line for the notes (repeatable)")
    p.set_defaults(fn=summarise)
    p = sub.add_parser("make-corpus", help="rewrite tests/fuzz_corpus/ from selfreview demo")
    p.set_defaults(fn=make_corpus)
    args = parser.parse_args(argv)
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
