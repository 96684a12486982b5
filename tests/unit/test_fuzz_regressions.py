"""What coverage-guided fuzzing found (tools/fuzz_exchange.py, docs/reliability.md), kept as tests.

Every input under tests/fuzz_corpus/regressions/<target>/ goes through the same check the fuzzer
ran (the reader chain of `selfreview import` for one file, or the whole import on a data
directory): only ``Rejected`` may come out, and an import is all or nothing. The seeds go through
too, and must be accepted: a seed that stopped being read would make the fuzzing figures stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))

import fuzz_exchange as fz  # noqa: E402

CHECKERS: dict[str, object] = {}


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    def get(target: str):
        if target not in CHECKERS:
            CHECKERS[target] = fz.make_checker(target, tmp_path_factory.mktemp(target))
        return CHECKERS[target]
    yield get
    CHECKERS.clear()


def _ids(pairs):
    return [f"{t}/{p.name}" for t, p in pairs]


SEEDS = [(t, p) for t in ("response", "response-body", "invite", "invite-body", "template", "answers")
         for p in fz.seeds(t)]
REGRESSIONS = fz.regressions()


@pytest.mark.parametrize("target,path", SEEDS, ids=_ids(SEEDS))
def test_every_seed_is_read(checker, target, path):
    assert checker(target)(path.read_bytes()) == "accepted"


@pytest.mark.parametrize("target", ["import", "import-raw"])
def test_the_seeds_import_whole(checker, target):
    outcomes = {p.name: checker(target)(p.read_bytes()) for p in fz.seeds(target)}
    assert "imported" in outcomes.values()
    if target == "import":
        assert "updated" in outcomes.values() and "already_present" in outcomes.values()


def test_every_saved_finding_is_now_handled(checker):
    for target, path in REGRESSIONS:  # a Finding (an AssertionError) fails the test, naming the file
        outcome = checker(target)(path.read_bytes())
        assert outcome.startswith("import.") or outcome in ("accepted", "imported", "updated",
                                                            "already_present"), (path, outcome)


def test_the_corpus_holds_regressions_only_for_known_targets():
    folder = fz.CORPUS / "regressions"
    assert {p.name for p in folder.iterdir() if p.is_dir()} <= set(fz.TARGETS)


# -- the findings, one by one ------------------------------------------------------------------------------
def _body_with(seed: str, old: bytes, new: bytes) -> bytes:
    data = (fz.CORPUS / seed).read_bytes()
    assert old in data
    return data.replace(old, new, 1)


def test_a_lone_surrogate_escape_is_refused_with_its_own_reason(checker):
    """Finding 1 (target `import`, after 23,161 inputs): an answer holding the JSON escape \\ud800
    (half of a surrogate pair, alone). The bytes are valid UTF-8 and json.loads accepts it, but the
    string cannot be written as UTF-8 again: hashing the answers raised UnicodeEncodeError and the
    importer's catch-all wrote an `import.failed` receipt. Now every reader refuses such a string
    (`import.bad_text`), in the body and in the envelope, for responses and invitations alike."""
    from selfreview.exchange.envelope import parse_json
    from selfreview.exchange.errors import Rejected

    lone = _body_with("response-body/c01-0010-ngo-tri-dung.json", b'"full_name":"', b'"full_name":"\\ud800')
    assert checker("response-body")(lone) == "import.bad_text"
    assert checker("import")(lone) == "import.bad_text"  # refused, nothing written (the checker compares)
    low = _body_with("response-body/c01-0010-ngo-tri-dung.json", b'"full_name":"', b'"full_name":"x\\uDFFF')
    assert checker("response-body")(low) == "import.bad_text"
    # a whole pair is one character (U+1F600): still read, as before
    pair = _body_with("response-body/c01-0010-ngo-tri-dung.json", b'"full_name":"', b'"full_name":"\\ud83d\\ude00 ')
    assert checker("response-body")(pair) == "accepted"
    invite = _body_with("invite-body/round-outside_system.json", b'"full_name":"', b'"full_name":"\\udc00')
    assert checker("invite-body")(invite) == "import.bad_text"
    with pytest.raises(Rejected) as caught:  # a key, in the envelope
        parse_json(b'{"\\ud800":1,"format":"selfreview-response"}', outer=True)
    assert caught.value.code == "import.bad_text"
    assert caught.value.message.vi.startswith("Tệp chứa ký tự không hợp lệ")
