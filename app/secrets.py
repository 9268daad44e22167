"""Source passwords and key passphrases: never in the site file.

Lookup order: the environment variable `LINESIDE_SECRET_<SOURCE_ID>` (for headless
services, where no keyring backend runs), then the system keyring (service
"lineside", user name = source id), set with `lineside secrets set SOURCE_ID`.
"""

from __future__ import annotations

import logging
import os
import re

import keyring
import keyring.errors

SERVICE = "lineside"
log = logging.getLogger(__name__)


class SecretsError(RuntimeError):
    """A secret cannot be stored or read; the message says what to do instead."""


def env_name(source_id: str) -> str:
    return "LINESIDE_SECRET_" + re.sub(r"[^A-Za-z0-9]", "_", source_id).upper()


def _keyring_usable() -> bool:
    backend = keyring.get_keyring()
    return getattr(backend, "priority", 0) > 0 and "fail" not in type(backend).__module__


def get_secret(source_id: str) -> str | None:
    value = os.environ.get(env_name(source_id))
    if value is not None:
        return value
    if not _keyring_usable():
        return None
    try:
        return keyring.get_password(SERVICE, source_id)
    except keyring.errors.KeyringError as e:
        log.warning("keyring could not be read for %s (%s); set %s instead",
                    source_id, e, env_name(source_id))
        return None


def where_looked(source_id: str) -> str:
    """Which secret is missing and every place it was looked for, for the message that
    follows a refusal ("not authorized" alone sends people to the wrong place)."""
    places = [f"the environment variable {env_name(source_id)}"]
    if _keyring_usable():
        places.append(f"the system keyring (service {SERVICE!r}, user {source_id!r})")
        how = f"store it with `lineside secrets set {source_id}` or set {env_name(source_id)}"
    else:
        backend = type(keyring.get_keyring()).__name__
        places.append(f"the system keyring, which is not available here ({backend})")
        how = f"set {env_name(source_id)} in the terminal's (service's) environment"
    return (f"no password (secret) for source {source_id!r} was found: looked in "
            f"{' and '.join(places)}; {how}")


def set_secret(source_id: str, value: str) -> None:
    if not _keyring_usable():
        backend = type(keyring.get_keyring()).__name__
        raise SecretsError(
            f"no keyring backend is available on this machine ({backend}); "
            f"for a headless service set the environment variable "
            f"{env_name(source_id)} in the service's environment instead")
    try:
        keyring.set_password(SERVICE, source_id, value)
    except keyring.errors.KeyringError as e:
        raise SecretsError(f"the keyring refused to store the secret for {source_id}: {e}; "
                           f"set {env_name(source_id)} instead") from None


def delete_secret(source_id: str) -> bool:
    if not _keyring_usable():
        return False
    try:
        keyring.delete_password(SERVICE, source_id)
        return True
    except keyring.errors.PasswordDeleteError:
        return False
