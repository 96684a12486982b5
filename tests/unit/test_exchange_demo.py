"""The demo data: names with every Vietnamese diacritic, complete and plausible answers across all
rating levels and member categories, deterministic for a seed, encrypted to this secretary."""

import random
import unicodedata
from collections import Counter

import pytest

from selfreview.demo.fill import fill_answers, pick_rating
from selfreview.demo.generate import run_demo
from selfreview.demo.names import COVERING, diacritic_marks, random_name, required_marks
from selfreview.exchange.envelope import read_limited
from selfreview.exchange.keys import load_identity
from selfreview.exchange.response import read_response
from selfreview.forms import registry
from selfreview.forms.answers import validate
from selfreview.forms.scoring import evaluate
from selfreview.services.context import AppContext

FORMS = ["hd43-2025-2a", "hd43-2025-2b", "hd43-2025-2c"]


def test_the_covering_names_use_every_tone_on_every_vowel_and_every_modified_letter():
    assert len(required_marks()) == 5 * 5 + 7
    assert diacritic_marks(COVERING) == required_marks()
    assert all(unicodedata.is_normalized("NFC", n) for n in COVERING)
    # the check itself sees what is missing
    assert ("u", "dot") not in diacritic_marks(n for n in COVERING if "Lực" not in n)


def test_random_names_are_three_capitalised_words():
    rng = random.Random(4)
    for _ in range(200):
        words = random_name(rng).split()
        assert len(words) >= 3 and all(w[0].isupper() for w in words)


@pytest.mark.parametrize("form", FORMS)
def test_answers_are_complete_valid_and_span_every_rating(form):
    template = registry.find(form).template
    rng = random.Random(form)
    suggested, agree, frequencies, statuses = Counter(), 0, Counter(), Counter()
    for _ in range(120):
        answers = fill_answers(template, rng, pick_rating(rng), 2025)
        assert validate(template, answers) == []
        suggestion = evaluate(template, answers)[5]
        suggested[suggestion.rating.value] += 1
        agree += answers[template.roles["proposed_rating"]] == suggestion.rating.value
        frequencies.update(e["frequency"] for e in answers[template.roles["responsibility_check"]].values())
        statuses.update(r["status"] for r in answers.get(template.roles["previous_shortcomings"], []))
    assert set(suggested) == {"htxsnv", "httnv", "htnv", "khtnv"}
    assert suggested["httnv"] > suggested["htxsnv"]  # most do well; few are outstanding
    assert 0.7 * 120 <= agree < 120  # mostly the suggestion, sometimes not
    assert set(frequencies) == {"never", "sometimes", "often"}
    assert set(statuses) == {"fixed", "being_fixed", "not_fixed"}


def members_of(ctx, files):
    keys = load_identity(ctx.keys_dir, ctx.profiles.secretary().id)
    return [read_response(read_limited(f), keys, keys.public.enc_public) for f in files]


def test_demo_is_deterministic_and_encrypted_to_this_secretary(tmp_path):
    with AppContext.open(tmp_path / "a") as a, AppContext.open(tmp_path / "b") as b:
        ra = run_demo(a, members=20, cells=2, out=tmp_path / "out-a", seed=7)
        rb = run_demo(b, members=20, cells=2, out=tmp_path / "out-b", seed=7)
        assert [f.name for f in ra.files] == [f.name for f in rb.files] and len(ra.files) == 40
        docs_a, docs_b = members_of(a, ra.files), members_of(b, rb.files)
        assert [(d.member, d.answers) for d in docs_a] == [(d.member, d.answers) for d in docs_b]
        assert all(d.recipient == a.profiles.public_keys(a.profiles.secretary().id)[1] for d in docs_a)
        other = run_demo(b, members=20, cells=1, out=tmp_path / "out-c", seed=8)
        assert [d.answers for d in members_of(b, other.files)] != [d.answers for d in docs_b[:20]]

    names = [d.member.full_name for d in docs_a[:20]]
    assert len(set(names)) == 20
    assert diacritic_marks(names) == required_marks()
    categories = Counter(d.member.category for d in docs_a)
    assert categories["leader"] >= 2 and categories["outside_system"] >= 2 and categories["non_leader"] > 10
    forms = {d.member.category: d.template.id for d in docs_a}
    assert forms == {"leader": "hd43-2025-2a", "non_leader": "hd43-2025-2b", "outside_system": "hd43-2025-2c"}
    assert len({d.member.sign_public for d in docs_a}) == 40  # every member has their own key


def test_running_the_demo_again_reuses_the_cells_and_rounds(tmp_path):
    with AppContext.open(tmp_path / "d") as ctx:
        first = run_demo(ctx, members=3, out=tmp_path / "x")
        again = run_demo(ctx, members=3, out=tmp_path / "y")
        assert [r.id for r in first.rounds] == [r.id for r in again.rounds]
        assert len(ctx.cells.list_cells()) == 1 and len(ctx.profiles.list()) == 1
        receipts = ctx.exchange.import_paths([tmp_path / "x", tmp_path / "y"])
        assert Counter(r.outcome for r in receipts) == {"imported": 3, "already_present": 3}
