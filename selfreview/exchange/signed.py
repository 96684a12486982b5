"""The first checks every signed body gets, whatever its format: the signer's key taken from the body,
the signature over the bytes as read, the text made NFC, exactly the expected members, the right
format and version. Each reader (response, invitation, results, decisions, the call for results)
then checks what is its own."""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from selfreview.exchange import shape
from selfreview.exchange.envelope import KEY_BYTES, VERSION, Opened, unb64
from selfreview.text import is_nfc_deep, nfc_deep


def checked_body(opened: Opened, fmt: str, signer: str, body_keys: Set[str]) -> tuple[dict[str, Any], bool]:
    """``opened``'s body, signed by the key in ``body[signer]["sign_public"]``; returns it (NFC) and
    whether it had to be normalised. Raises ``Rejected`` on the first problem."""
    body = opened.body
    who = body.get(signer) if isinstance(body, dict) else None
    if not isinstance(who, dict):
        raise shape.bad(signer)
    opened.verify(unb64(who.get("sign_public"), f"{signer}.sign_public", KEY_BYTES))
    normalised = not (opened.nfc or is_nfc_deep(body))
    if normalised:
        body = nfc_deep(body)
    shape.obj(body, "", body_keys)
    if body["format"] != fmt or type(body["version"]) is not int or body["version"] != VERSION:
        raise shape.bad("format")
    return body, normalised
