"""Who may do what, in the worker's language: the translated form of
app.auth.permissions.denied_text ("Only a team lead or supervisor can reset the stop"),
and `user_message` for any error a view shows (a PermissionDenied in words, anything
else as its own text)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.auth.permissions import (
    ACTION_WORDS,
    ROLE_WORDS,
    ROLE_WORDS_FIRST,
    Action,
    PermissionDenied,
    Role,
    join_words,
    who_may,
)

translate = QCoreApplication.translate


def denied_text(action: Action, role: Role | str | None) -> str:
    """Why `role` may not run `action`, naming who may, translated."""
    do = translate("Permissions", ACTION_WORDS.get(action, str(action)))
    roles = who_may(action)
    if role is None and len(roles) == len(ROLE_WORDS):
        return translate("Permissions", "Sign in to {action}.").format(action=do)
    words = [translate("Permissions", ROLE_WORDS_FIRST[roles[0]])] + [
        translate("Permissions", ROLE_WORDS[r]) for r in roles[1:]]
    names = join_words(words, sep=translate("Permissions", ", ", "between roles in a list"),
                       last=translate("Permissions", " or ", "before the last role"))
    text = translate("Permissions", "Only {roles} can {action}.").format(
        roles=names, action=do)
    if role is None:
        text += " " + translate("Permissions", "Sign in first.")
    return text


def user_message(error: BaseException) -> str:
    """The text a view shows for `error`."""
    if isinstance(error, PermissionDenied):
        return denied_text(error.action, error.role)
    return str(error)
