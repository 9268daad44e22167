"""PIN policy and PIN hashing: scrypt with a per-user random salt, parameters kept
with the hash so they can be raised later without invalidating stored PINs.

Stored form: ``scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>``.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from dataclasses import dataclass

PIN_RE = re.compile(r"[0-9]{4,8}")
PIN_RULE = "a PIN is 4 to 8 digits"

# ~50 ms on the 2-core reference machine: slow for a guesser, quick at a terminal.
DEFAULT_N, DEFAULT_R, DEFAULT_P = 2**14, 8, 1
_SALT_BYTES, _KEY_BYTES = 16, 32


class PinPolicyError(ValueError):
    """The PIN does not meet the policy; the message says what the rule is."""


@dataclass(frozen=True)
class ScryptParams:
    n: int = DEFAULT_N
    r: int = DEFAULT_R
    p: int = DEFAULT_P


def check_policy(pin: str) -> None:
    if not isinstance(pin, str) or not PIN_RE.fullmatch(pin):
        raise PinPolicyError(f"PIN rejected: {PIN_RULE}")


def _derive(pin: str, salt: bytes, params: ScryptParams) -> bytes:
    maxmem = 128 * params.n * params.r * params.p + 2 * 1024 * 1024
    return hashlib.scrypt(pin.encode(), salt=salt, n=params.n, r=params.r, p=params.p,
                          maxmem=maxmem, dklen=_KEY_BYTES)


def hash_pin(pin: str, params: ScryptParams | None = None) -> str:
    """Hash a PIN that meets the policy (raises PinPolicyError otherwise)."""
    check_policy(pin)
    params = params or ScryptParams()
    salt = os.urandom(_SALT_BYTES)
    key = _derive(pin, salt, params)
    return f"scrypt${params.n}${params.r}${params.p}${salt.hex()}${key.hex()}"


def verify_pin(pin: str, stored: str | None) -> bool:
    """Constant-time check of `pin` against a stored hash. A missing or malformed hash
    still costs one derivation, so timing does not tell whether a user exists."""
    params, salt, expected = _parse(stored)
    candidate = _derive(pin if isinstance(pin, str) else "", salt, params)
    return expected is not None and hmac.compare_digest(candidate, expected)


def needs_rehash(stored: str, params: ScryptParams | None = None) -> bool:
    """True when the stored hash uses weaker parameters than `params`."""
    current, _salt, key = _parse(stored)
    want = params or ScryptParams()
    return key is None or (current.n, current.r, current.p) < (want.n, want.r, want.p)


_DUMMY_SALT = b"\0" * _SALT_BYTES


def _parse(stored: str | None) -> tuple[ScryptParams, bytes, bytes | None]:
    try:
        scheme, n, r, p, salt, key = (stored or "").split("$")
        if scheme != "scrypt":
            raise ValueError(scheme)
        return ScryptParams(int(n), int(r), int(p)), bytes.fromhex(salt), bytes.fromhex(key)
    except ValueError:
        return ScryptParams(), _DUMMY_SALT, None
