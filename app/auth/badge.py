"""Badge numbers as keyed hashes: HMAC-SHA256 with a key the database does not hold.

A badge number is short and guessable (4-32 digits), so an unkeyed hash of it is as
good as the number: whoever reads the store could try them all. With a key kept apart
from the database a copied store alone gives nothing away, and sign-in still finds a
badge with one indexed lookup.

The key: the secret "badge-key" (`LINESIDE_SECRET_BADGE_KEY` or the keyring, see
app.secrets; the same on every terminal that shares users), else a random key in the
file `<store>.badge-key` beside the store (0600), made on first use.

Stored form: ``hmac-sha256$<hex>``.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

log = logging.getLogger(__name__)

PREFIX = "hmac-sha256$"
SECRET_ID = "badge-key"


def is_hashed(stored: str | None) -> bool:
    return bool(stored) and str(stored).startswith(PREFIX)


def badge_hash(badge: str, key: bytes) -> str:
    return PREFIX + hmac.new(key, badge.strip().encode(), hashlib.sha256).hexdigest()


def key_for(store_path: Path | str) -> bytes:
    """The badge key of the store at `store_path` (see the module docstring)."""
    from app.secrets import get_secret

    secret = get_secret(SECRET_ID)
    if secret:
        return secret.encode()
    path = Path(str(store_path) + ".badge-key")
    try:
        return bytes.fromhex(path.read_text().strip())
    except FileNotFoundError:
        pass
    except ValueError:
        raise RuntimeError(f"the badge key file {path} is damaged; restore it from a backup "
                           f"(badges cannot be checked without it)") from None
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(key.hex() + "\n")
    log.info("badge key created in %s (keep it with backups of the store)", path)
    return key
