"""Run-time language switching: swap the QTranslator, Qt sends LanguageChange.

Widgets re-set their texts in `changeEvent(QEvent.LanguageChange)`, so a worker's
language applies at sign-in without a restart. Compiled catalogues live in
`i18n/lineside_<code>.qm` (built by `uv run python -m i18n.build`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "zh_CN": "简体中文"}
SOURCE_LANGUAGE = "en"

_state: dict[str, object] = {"code": SOURCE_LANGUAGE, "translator": None}


def current_language() -> str:
    return str(_state["code"])


def set_language(app: QApplication, code: str) -> bool:
    """Switch every visible string to `code` ("en", "de", "zh_CN"); False if unknown or
    its catalogue is missing (the current language then stays, and the reason is logged)."""
    if code not in LANGUAGES:
        log.error("unknown language %r (known: %s)", code, ", ".join(LANGUAGES))
        return False
    if code == _state["code"] and (code == SOURCE_LANGUAGE or _state["translator"] is not None):
        return True
    new: QTranslator | None = None
    if code != SOURCE_LANGUAGE:
        qm = I18N_DIR / f"lineside_{code}.qm"
        new = QTranslator(app)
        if not new.load(str(qm)):
            log.error("translation %s cannot be loaded; run `uv run python -m i18n.build`", qm)
            return False
    old = _state["translator"]
    if isinstance(old, QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    if new is not None:
        app.installTranslator(new)  # install and remove both post LanguageChange
    _state["code"], _state["translator"] = code, new
    QLocale.setDefault(QLocale(code))
    return True
