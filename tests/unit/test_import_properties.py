"""Property-based: valid files, mutated at random (bytes, the envelope, or the signed body itself,
re-signed so that the deepest checks are reached). Never an unhandled exception; never a partial
import: a file is either refused (and only its receipt is new) or its whole review is there. Each
example imports into a database of its own (a copy of one secretary's folder, made once)."""

import json
from dataclasses import dataclass, replace

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from exchange_kit import (NOW, Secretary, body_of, closed_secretary, dump, forge, fresh_copy, identity, open_secretary,
                          response)
from selfreview.exchange.envelope import canonical
from selfreview.exchange.errors import Rejected
from selfreview.exchange.keys import PrivateIdentity, load_identity
from selfreview.exchange.response import read_response, write_response
from selfreview.forms import registry
from selfreview.services.importing.checks import coerce_all

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12)


def paths(value, prefix=()):
    """Every place in a JSON value: key paths into objects and index paths into arrays."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += paths(v, prefix + (i,))
    return out


def mutate(value, path, op, new):
    """``value`` with the place at ``path`` replaced, removed, or given a new sibling key."""
    if not path:
        return new
    value = json.loads(json.dumps(value))
    parent = value
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if op == "delete":
        del parent[last]
    elif op == "add" and isinstance(parent, dict):
        parent[f"{last}_extra"] = new
    else:
        parent[last] = new
    return value


@dataclass
class World:
    secretary: Secretary  # closed: each example opens a fresh copy of its folder (exchange_kit.fresh_copy)
    good: bytes  # Khổng Minh Hiển's review, written for the secretary, not imported yet
    keys: PrivateIdentity  # the secretary's
    enc_public: str

    def fresh(self, tmp_path_factory):
        return fresh_copy(self.secretary, tmp_path_factory.mktemp("example") / "secretary")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    sec = open_secretary(tmp_path_factory.mktemp("world") / "secretary")
    good = write_response(identity(3), response(sec, identity(3), name="Khổng Minh Hiển"), NOW)
    keys, enc_public = load_identity(sec.ctx.keys_dir, sec.profile.id), sec.enc_public
    return World(closed_secretary(sec), good, keys, enc_public)


def check_import(sec, tmp_path, data, name):
    """Import ``data``; assert it was refused cleanly or imported whole."""
    path = tmp_path / f"{name}.selfreview"
    path.write_bytes(data)
    before = dump(sec.data_dir)
    (r,) = sec.ctx.exchange.import_paths([path])
    assert r.reason is None or r.reason.code != "import.failed", r.reason
    if r.outcome in ("rejected", "already_present"):
        assert dump(sec.data_dir) == before
        return r
    assert r.outcome in ("imported", "updated")
    doc = read_response(data, load_identity(sec.ctx.keys_dir, sec.profile.id), sec.enc_public)
    template = sec.ctx.reviews.open(r.review_id).template
    assert sec.ctx.reviews.answers(r.review_id) == coerce_all(template.item_index(), doc.answers)
    return r


byte_edits = st.lists(st.tuples(st.sampled_from(["flip", "delete", "insert", "cut"]), st.floats(0, 1),
                                st.binary(min_size=1, max_size=8)), min_size=1, max_size=4)


def apply_edits(data: bytes, edits) -> bytes:
    for op, where, blob in edits:
        i = min(int(where * len(data)), max(len(data) - 1, 0))
        if op == "flip" and data:
            data = data[:i] + bytes([data[i] ^ (blob[0] or 1)]) + data[i + 1:]
        elif op == "delete":
            data = data[:i] + data[i + len(blob):]
        elif op == "insert":
            data = data[:i] + blob + data[i:]
        else:
            data = data[:i]
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=byte_edits)
def test_reading_mutated_bytes_never_fails_unexpectedly(world, edits):
    data = apply_edits(world.good, edits)  # reading writes nothing: no database of its own
    try:
        read_response(data, world.keys, world.enc_public)
    except Rejected:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=byte_edits)
def test_importing_mutated_bytes_is_all_or_nothing(world, tmp_path_factory, edits):
    with world.fresh(tmp_path_factory) as sec:
        r = check_import(sec, sec.data_dir.parent, apply_edits(world.good, edits), "bytes")
    if r.outcome != "rejected":
        assert r.member == "Khổng Minh Hiển"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), op=st.sampled_from(["replace", "delete", "add"]), new=json_values)
def test_mutated_envelope_is_refused_cleanly(world, tmp_path_factory, data, op, new):
    env = json.loads(world.good)
    path = data.draw(st.sampled_from(paths(env)))
    mutated = canonical(mutate(env, path, op, new))
    with world.fresh(tmp_path_factory) as sec:
        check_import(sec, sec.data_dir.parent, mutated, "envelope")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), op=st.sampled_from(["replace", "delete", "add"]), new=json_values,
       member=st.integers(10, 60), revision=st.integers(1, 3))
def test_resigned_body_mutations_are_all_or_nothing(world, tmp_path_factory, data, op, new, member, revision):
    """The body changed and signed again by a (new) member: every check after the signature runs."""
    ident = identity(member)
    with world.fresh(tmp_path_factory) as sec:
        base = body_of(replace(response(sec, ident, name=f"Đỗ Hữu Nghĩa {member}"), revision=revision))
        path = data.draw(st.sampled_from(paths(base)))
        mutated = mutate(base, path, op, new)
        try:
            payload = canonical(mutated)
        except (TypeError, ValueError):
            return
        r = check_import(sec, sec.data_dir.parent, forge(ident, payload, sec.enc_public), "body")
    event(r.outcome)  # --hypothesis-show-statistics: some are imported or updated, most refused


def test_the_unmutated_file_imports(world, tmp_path_factory):
    with world.fresh(tmp_path_factory) as sec:
        r = check_import(sec, sec.data_dir.parent, world.good, "good")
    assert r.outcome == "imported"
    assert registry.find("hd43-2025-2b").template.id == r.form
