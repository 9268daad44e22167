"""PINs are stored only as slow salted hashes and checked in constant time."""

from __future__ import annotations

import pytest

from app.auth.pin import PinPolicyError, ScryptParams, hash_pin, needs_rehash, verify_pin
from app.auth.users import UserError, UserRepo


def test_hash_is_salted_and_verifies() -> None:
    a, b = hash_pin("4711"), hash_pin("4711")
    assert "4711" not in a
    assert a != b  # a fresh salt per hash
    assert a.startswith("scrypt$16384$8$1$")  # parameters travel with the hash
    assert verify_pin("4711", a) and verify_pin("4711", b)
    assert not verify_pin("4712", a)
    assert not verify_pin("4711", None)
    assert not verify_pin("4711", "garbage")


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", " 1234", "１２３４"])
def test_pin_policy(pin: str) -> None:
    with pytest.raises(PinPolicyError, match="4 to 8 digits"):
        hash_pin(pin)


def test_weaker_parameters_are_flagged_for_rehash() -> None:
    old = hash_pin("1234", ScryptParams(n=2**10))
    assert verify_pin("1234", old)
    assert needs_rehash(old)
    assert not needs_rehash(hash_pin("1234"))


def test_pin_never_stored_in_clear(repo: UserRepo, store) -> None:
    # 8 digits: a 4-digit PIN could appear in a hex hash by chance.
    repo.add("dora", "Dora", "operator", "73920518").result(5)
    store.flush()
    raw = store.path.read_bytes() + store.path.with_name(store.path.name + "-wal").read_bytes()
    assert b"73920518" not in raw
    user = repo.get("dora")
    assert user is not None and verify_pin("73920518", user.pin_hash)
    assert "scrypt" not in repr(user)


def test_add_rejects_bad_input(repo: UserRepo) -> None:
    with pytest.raises(UserError, match="already exists"):
        repo.add("anna", "Other", "operator", "1234").result(5)
    with pytest.raises(UserError, match="already assigned to user 'anna'"):
        repo.add("carl", "Carl", "operator", "1234", badge="00012345").result(5)
    with pytest.raises(UserError, match="unknown role 'boss'"):
        repo.add("carl", "Carl", "boss", "1234")
    with pytest.raises(UserError, match="4 to 8 digits"):
        repo.add("carl", "Carl", "operator", "12")
    with pytest.raises(UserError, match="not valid"):
        repo.add("carl smith", "Carl", "operator", "1234")
    with pytest.raises(UserError, match="pseudonym 'W 1' is not valid"):
        repo.add("carl", "Carl", "operator", "1234", pseudonym="W 1")
    repo.add("carl", "Carl", "operator", "1234", pseudonym="W-3F7A").result(5)
    with pytest.raises(UserError, match="pseudonym 'W-3F7A' is already in use"):
        repo.add("dan", "Dan", "operator", "1234", pseudonym="W-3F7A").result(5)
