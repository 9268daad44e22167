"""The green supplier register on screen: the list with each supplier's score and its
next certificate to lapse, a detail sheet (certificates, audits, the score formula,
conflicting edits), an edit form, and the import of an ERP export by touch."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.auth.permissions import Action
from app.registers.records import Record
from app.registers.replica import RegisterError
from app.registers.suppliers import (
    SCORE_FORMULA,
    STANDARDS,
    CsvError,
    certificates,
    overdue_actions,
    score,
)
from layouts.panels import registers as specs
from widgets import icons
from widgets.overlay import Overlay
from widgets.panels import PanelContext, register_panel
from widgets.register_views import FormSheet, RegisterPanel, add_row, big_button, touch_list

translate = QCoreApplication.translate


def cert_text(days_left: int, standard: str) -> tuple[str, str]:
    """What the list says of a certificate, and its severity."""
    if days_left < 0:
        return (translate("Suppliers", "%1 lapsed %2 days ago").replace("%1", standard)
                .replace("%2", str(-days_left)), "alarm")
    if days_left <= 30:
        return (translate("Suppliers", "%1 lapses in %2 days").replace("%1", standard)
                .replace("%2", str(days_left)), "alarm")
    if days_left <= 90:
        return (translate("Suppliers", "%1 lapses in %2 days").replace("%1", standard)
                .replace("%2", str(days_left)), "warning")
    return translate("Suppliers", "%1 valid").replace("%1", standard), ""


def conflict_lines(rec: Record) -> list[tuple[str, str]]:
    """(conflict key, plain words) for each edit that lost against a concurrent one."""
    out = []
    for c in rec.open_conflicts():
        when = dt.datetime.fromtimestamp(c.stamp.ts).strftime("%d.%m. %H:%M")
        out.append((c.key(), translate(
            "Registers", "%1 set %2 to \u201c%3\u201d (%4, terminal %5) at the same time as "
            "%6 set \u201c%7\u201d; %6's value was kept.")
            .replace("%1", c.actor).replace("%2", c.field).replace("%3", str(c.value))
            .replace("%4", when).replace("%5", c.stamp.terminal)
            .replace("%6", c.winner_actor).replace("%7", str(c.winner))))
    return out


class SuppliersPanel(RegisterPanel):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__(ctx)
        self.setObjectName("SuppliersPanel")
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.soon = QPushButton()
        self.soon.setCheckable(True)
        self.soon.clicked.connect(self.refresh)
        self.import_button = QPushButton()
        self.new_button = QPushButton()
        icons.set_icon(self.import_button, "add")
        self.import_button.clicked.connect(self.open_import)
        self.new_button.clicked.connect(lambda: self.open_edit(None))
        self.list = touch_list("SupplierList")
        self.list.itemClicked.connect(lambda row: self.open_detail(
            row.data(Qt.ItemDataRole.UserRole)))
        self.message = QLabel("")
        self.message.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        for b in (self.soon, self.import_button, self.new_button):
            head.addWidget(b)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addWidget(self.list, 1)
        box.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("Suppliers", "Suppliers"))
        self.soon.setText(translate("Suppliers", "Lapsing soon"))
        self.import_button.setText(translate("Suppliers", "Import…"))
        self.new_button.setText(translate("Suppliers", "New"))
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        may_edit = self.may(Action.SUPPLIERS_EDIT)
        self.import_button.setEnabled(may_edit)
        self.new_button.setEnabled(may_edit)
        why = "" if may_edit else translate("Suppliers",
                                            "Only purchasing or a supervisor edits suppliers")
        self.import_button.setToolTip(why)
        self.new_button.setToolTip(why)
        if self.registers is None:
            self.list.addItem(translate("Suppliers", "No supplier register on this terminal"))
            return
        reg = self.registers.suppliers
        today = reg.today()
        shown = 0
        for rec in reg.all():
            certs = certificates(rec, today)
            first = certs[0] if certs else None
            if self.soon.isChecked() and (first is None or first.days_left > 90):
                continue
            cert, severity = (cert_text(first.days_left, first.standard) if first
                              else (translate("Suppliers", "no certificates"), "warning"))
            conflicts = len(rec.open_conflicts())
            extra = ("  ·  " + translate("Registers", "%1 conflicting edits")
                     .replace("%1", str(conflicts))) if conflicts else ""
            add_row(self.list, f"{rec.get('name', rec.id)}  ·  {rec.get('country', '')}  ·  "
                    + translate("Suppliers", "score %1").replace("%1", f"{score(rec, today):g}")
                    + f"\n{cert}{extra}", rec.id, severity)
            shown += 1
        if not shown:
            self.list.addItem(translate("Suppliers", "No suppliers") if not self.soon.isChecked()
                              else translate("Suppliers", "No certificate lapses in 90 days"))

    # --- sheets --------------------------------------------------------------------------

    def open_detail(self, sid: str | None) -> Overlay | None:
        if not sid or self.registers is None:
            return None
        rec = self.registers.suppliers.get(sid)
        if rec is None:
            return None
        today = self.registers.suppliers.today()
        sheet = QWidget()
        box = QVBoxLayout(sheet)
        facts = QLabel(
            f"<b>{rec.get('name', sid)}</b> ({rec.get('country', '')})<br>"
            + translate("Suppliers", "Supplies: %1").replace(
                "%1", ", ".join(rec.get("supplies", []) or []) or "–") + "<br>"
            + translate("Suppliers", "Transport: %1").replace("%1", rec.get("transport") or "–")
            + "<br>" + translate("Suppliers", "CO2e per unit: %1 kg · recycled content: %2 %")
            .replace("%1", f"{rec.get('co2e_kg_per_unit'):g}"
                     if rec.get("co2e_kg_per_unit") is not None else "–")
            .replace("%2", f"{100 * (rec.get('recycled_share') or 0):.0f}"))
        facts.setWordWrap(True)
        box.addWidget(facts)
        big = QLabel(translate("Suppliers", "Score %1 of 100").replace(
            "%1", f"{score(rec, today):g}"))
        big.setProperty("role", "value")
        formula = QLabel(translate("Suppliers", SCORE_FORMULA))
        formula.setProperty("role", "caption")
        formula.setWordWrap(True)
        box.addWidget(big)
        box.addWidget(formula)
        certs = touch_list("CertificateList")
        for c in certificates(rec, today):
            text, sev = cert_text(c.days_left, c.standard)
            add_row(certs, f"{text} — {c.number} · "
                    + translate("Suppliers", "valid to %1").replace("%1", c.valid_to.isoformat()),
                    c.standard, sev)
        for a in overdue_actions(rec, today):
            add_row(certs, translate("Suppliers", "Corrective action overdue by %1 days: %2")
                    .replace("%1", str(a.days_over)).replace("%2", a.finding), "", "alarm")
        box.addWidget(certs)
        overlay_ref: list[Overlay] = []
        for key, text in conflict_lines(rec):
            row = QHBoxLayout()
            label = QLabel(text)
            label.setWordWrap(True)
            label.setProperty("severity", "warning")
            ok = big_button(translate("Registers", "Seen, keep"))
            ok.clicked.connect(lambda _=False, k=key: (
                self.registers.replica.resolve_conflict(  # type: ignore[union-attr]
                    "supplier", sid, k, actor=self.user()[0] or "terminal"),
                overlay_ref[0].close_with(None)))
            row.addWidget(label, 1)
            row.addWidget(ok)
            box.addLayout(row)
        edit = big_button(translate("Suppliers", "Edit"))
        edit.setEnabled(self.may(Action.SUPPLIERS_EDIT))
        edit.clicked.connect(lambda: (overlay_ref[0].close_with(None), self.open_edit(sid)))
        add_cert = big_button(translate("Suppliers", "Add certificate"))
        add_cert.setEnabled(self.may(Action.SUPPLIERS_EDIT))
        add_cert.clicked.connect(lambda: (overlay_ref[0].close_with(None),
                                          self.open_certificate(sid)))
        row = QHBoxLayout()
        row.addWidget(edit)
        row.addWidget(add_cert)
        box.addLayout(row)
        overlay = Overlay.open(self, sheet, title=rec.get("name", sid))
        overlay_ref.append(overlay)
        return overlay

    def open_edit(self, sid: str | None) -> Overlay | None:
        if self.registers is None:
            return None
        rec = self.registers.suppliers.get(sid) if sid else None
        v = rec.values() if rec else {}
        fields = [("id", translate("Suppliers", "Supplier id"), sid or ""),
                  ("name", translate("Suppliers", "Name"), v.get("name", "")),
                  ("country", translate("Suppliers", "Country"), v.get("country", "")),
                  ("supplies", translate("Suppliers", "Supplies (separate with ;)"),
                   ";".join(v.get("supplies", []) or [])),
                  ("co2e", translate("Suppliers", "CO2e per unit (kg)"),
                   "" if v.get("co2e_kg_per_unit") is None else f"{v['co2e_kg_per_unit']:g}")]
        form = FormSheet(fields, translate("Suppliers", "Save"))
        if sid:
            form.edits["id"].setReadOnly(True)
        overlay = Overlay.open(self, form, title=translate("Suppliers", "Supplier"))

        def save() -> None:
            f = form.values()
            changes: dict[str, Any] = {"name": f["name"], "country": f["country"],
                                       "supplies": [s.strip() for s in f["supplies"].split(";")
                                                    if s.strip()]}
            if f["co2e"]:
                try:
                    changes["co2e_kg_per_unit"] = float(f["co2e"].replace(",", "."))
                except ValueError:
                    form.fail(translate("Suppliers", "CO2e per unit must be a number"))
                    return
            try:
                self.registers.suppliers.save(  # type: ignore[union-attr]
                    f["id"], changes, actor=self.user()[0] or "terminal")
            except RegisterError as e:
                form.fail(str(e))
                return
            overlay.close_with(f["id"])

        form.ok.clicked.connect(save)
        return overlay

    def open_certificate(self, sid: str) -> Overlay | None:
        """A certificate by touch: the standard as buttons, number and dates typed."""
        if self.registers is None:
            return None
        form = FormSheet([("number", translate("Suppliers", "Certificate number"), ""),
                          ("issuer", translate("Suppliers", "Issued by"), ""),
                          ("valid_to", translate("Suppliers", "Valid to (YYYY-MM-DD)"), "")],
                         translate("Suppliers", "Add certificate"))
        picked = {"standard": STANDARDS[0]}
        row = QHBoxLayout()
        group: list[QPushButton] = []
        for std in STANDARDS:
            b = QPushButton(std)
            b.setCheckable(True)
            b.setChecked(std == picked["standard"])
            b.setMinimumHeight(56)
            group.append(b)
            row.addWidget(b)

            def pick(_: bool = False, std: str = std, b: QPushButton = b) -> None:
                picked["standard"] = std
                for other in group:
                    other.setChecked(other is b)

            b.clicked.connect(pick)
        form.layout().insertLayout(0, row)  # type: ignore[union-attr]
        overlay = Overlay.open(self, form, title=translate("Suppliers", "Add certificate"))

        def save() -> None:
            v = form.values()
            rec = self.registers.suppliers.get(sid)  # type: ignore[union-attr]
            certs = list(rec.get("certifications", []) or []) if rec else []
            certs.append({"standard": picked["standard"], "number": v["number"],
                          "issuer": v["issuer"], "valid_to": v["valid_to"]})
            try:
                self.registers.suppliers.save(sid, {"certifications": certs},  # type: ignore
                                              actor=self.user()[0] or "terminal")
            except RegisterError as e:
                form.fail(str(e))
                return
            overlay.close_with(sid)

        form.ok.clicked.connect(save)
        return overlay

    def open_import(self) -> Overlay | None:
        """The ERP exports in the import folder, one big button each."""
        if self.registers is None:
            return None
        folder = self.registers.import_dir
        files = sorted(folder.glob("*.csv")) if folder.is_dir() else []
        sheet = QWidget()
        box = QVBoxLayout(sheet)
        where = QLabel(translate("Suppliers", "Files in %1").replace("%1", str(folder)))
        where.setWordWrap(True)
        box.addWidget(where)
        result = QLabel("")
        result.setWordWrap(True)
        if not files:
            result.setText(translate("Suppliers", "No CSV files there. Ask plant IT to put the "
                                                  "ERP supplier export in this folder."))
        overlay = Overlay.open(self, sheet, title=translate("Suppliers", "Import suppliers"))
        for path in files:
            b = big_button(path.name, role="primary")

            def run(_: bool = False, path: Any = path) -> None:
                try:
                    n = self.registers.suppliers.import_csv(  # type: ignore[union-attr]
                        path.read_text(encoding="utf-8-sig"),
                        actor=self.user()[0] or "terminal")
                except (CsvError, OSError, UnicodeDecodeError) as e:
                    result.setProperty("severity", "alarm")
                    result.setText(translate("Suppliers", "%1: %2. Nothing was imported.")
                                   .replace("%1", path.name).replace("%2", str(e)))
                    return
                self.message.setText(translate("Suppliers", "%1 suppliers imported from %2")
                                     .replace("%1", str(n)).replace("%2", path.name))
                overlay.close_with(n)

            b.clicked.connect(run)
            box.addWidget(b)
        box.addWidget(result)
        return overlay

    def row_of(self, sid: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == sid:
                return self.list.item(i)
        return None


register_panel(specs.SUPPLIERS, SuppliersPanel)
