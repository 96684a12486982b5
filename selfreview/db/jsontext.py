"""The JSON text the database stores for a JSON column (no SQLAlchemy here, so that the import's
worker processes can make it too: services/importing/workers.py).

Vietnamese stays readable (and smaller) in the database: no \\uXXXX escapes, no spaces. One
encoder for every value (``json.dumps`` with options builds a new one per call), and the text of
a plain string or integer (most answers) made directly: the same characters ``json.dumps`` writes.
"""

from __future__ import annotations

import json

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_encode_str = json.encoder.encode_basestring


def dumps(value: object) -> str:
    if type(value) is str:  # exactly: a subclass (or bool, for int) goes through the encoder
        return _encode_str(value)
    if type(value) is int:
        return int.__repr__(value)
    return _ENCODER.encode(value)
