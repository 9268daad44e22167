"""The risk register on screen: a 5x5 heat map (touch a cell to filter), the list by
score, and a risk's sheet with its live indicators, the proposal an indicator made,
and the response plan (add a measure, mark it done)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.auth.permissions import Action
from app.registers.records import Record
from app.registers.replica import RegisterError
from app.registers.risks import CATEGORIES, band, score_of
from layouts.panels import registers as specs
from widgets import theme
from widgets.overlay import Overlay
from widgets.panels import PanelContext, register_panel
from widgets.register_views import FormSheet, RegisterPanel, add_row, big_button, touch_list
from widgets.suppliers import conflict_lines

translate = QCoreApplication.translate

BAND_COLORS = {"low": "#7d9a6a", "medium": "#c9a227", "high": "#d2691e", "critical": "#b22222"}


def category_label(name: str) -> str:
    return {"supply": translate("Risks", "supply"), "technical": translate("Risks", "technical"),
            "market": translate("Risks", "market"), "safety": translate("Risks", "safety"),
            "environmental": translate("Risks", "environmental"),
            "energy": translate("Risks", "energy")}.get(name, name)


def band_label(name: str) -> str:
    return {"low": translate("Risks", "low"), "medium": translate("Risks", "medium"),
            "high": translate("Risks", "high"), "critical": translate("Risks", "critical")
            }.get(name, name)


class HeatMap(QWidget):
    """Likelihood up (5 at the top), impact across; each cell shows how many risks."""

    cell_touched = Signal(object)  # (likelihood, impact) or None to clear the filter

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("RiskHeatMap")
        self.counts: dict[tuple[int, int], int] = {}
        self.selected: tuple[int, int] | None = None
        self.setMinimumSize(5 * 48 + 40, 5 * 48 + 30)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(5 * 64 + 40, 5 * 56 + 30)

    def _grid(self) -> tuple[float, float, float, float]:
        left, bottom = 36.0, 26.0
        w = (self.width() - left - 4) / 5
        h = (self.height() - bottom - 4) / 5
        return left, 4.0, w, h

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        left, top, w, h = self._grid()
        col, row = int((x - left) // w), int((y - top) // h)
        if 0 <= col < 5 and 0 <= row < 5:
            return 5 - row, col + 1
        return None

    def cell_rect(self, likelihood: int, impact: int) -> QRectF:
        left, top, w, h = self._grid()
        return QRectF(left + (impact - 1) * w, top + (5 - likelihood) * h, w, h)

    def paintEvent(self, _e: QPaintEvent) -> None:
        c = theme.colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = p.font()
        for lik in range(1, 6):
            for imp in range(1, 6):
                r = self.cell_rect(lik, imp).adjusted(2, 2, -2, -2)
                n = self.counts.get((lik, imp), 0)
                color = QColor(BAND_COLORS[band(lik * imp)])
                color.setAlpha(255 if n else 70)
                p.fillRect(r, color)
                if self.selected == (lik, imp):
                    p.setPen(QColor(c.accent))
                    p.drawRect(r.adjusted(-1, -1, 1, 1))
                if n:
                    font.setBold(True)
                    font.setPixelSize(max(12, int(r.height() * 0.4)))
                    p.setFont(font)
                    p.setPen(QColor("#ffffff"))
                    p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(n))
        font.setBold(False)
        font.setPixelSize(theme.px(12))
        p.setFont(font)
        p.setPen(QColor(c.muted))
        left, top, w, h = self._grid()
        for i in range(1, 6):
            p.drawText(QRectF(0, top + (5 - i) * h, left - 4, h),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(i))
            p.drawText(QRectF(left + (i - 1) * w, top + 5 * h, w, 24),
                       Qt.AlignmentFlag.AlignCenter, str(i))
        p.end()

    def mousePressEvent(self, e: QMouseEvent) -> None:
        cell = self.cell_at(e.position().x(), e.position().y())
        self.selected = None if cell == self.selected else cell
        self.update()
        self.cell_touched.emit(self.selected)


class RisksPanel(RegisterPanel):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__(ctx)
        self.setObjectName("RisksPanel")
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.axes = QLabel()
        self.axes.setProperty("role", "caption")
        self.heat = HeatMap()
        self.heat.cell_touched.connect(lambda _cell: self.refresh())
        self.list = touch_list("RiskList")
        self.list.itemClicked.connect(lambda row: self.open_detail(
            row.data(Qt.ItemDataRole.UserRole)))
        left = QVBoxLayout()
        left.addWidget(self.heat, 1)
        left.addWidget(self.axes)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.list, 3)
        self.new_button = big_button("")
        self.new_button.clicked.connect(self.open_new)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.new_button)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addLayout(body, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("Risks", "Risks"))
        self.new_button.setText(translate("Risks", "New risk"))
        self.axes.setText(translate("Risks", "up: likelihood 1-5 · across: impact 1-5"))
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        self.new_button.setEnabled(self.may(Action.RISKS_EDIT))
        if self.registers is None:
            self.list.addItem(translate("Risks", "No risk register on this terminal"))
            return
        risks = self.registers.risks
        recs = [r for r in risks.all() if r.get("status") != "closed"]
        self.heat.counts = {}
        for r in recs:
            key = (int(r.get("likelihood", 1)), int(r.get("impact", 1)))
            self.heat.counts[key] = self.heat.counts.get(key, 0) + 1
        self.heat.update()
        for r in recs:
            cell = (int(r.get("likelihood", 1)), int(r.get("impact", 1)))
            if self.heat.selected is not None and cell != self.heat.selected:
                continue
            s = score_of(r)
            flags = []
            if any(x.crossed for x in risks.readings(r)):
                flags.append(translate("Risks", "early warning"))
            if r.get("proposal"):
                flags.append(translate("Risks", "proposal to decide"))
            if risks.overdue(r):
                flags.append(translate("Risks", "measure overdue"))
            severity = "alarm" if flags and band(s) in ("high", "critical") else (
                "warning" if flags else "")
            add_row(self.list, f"{s}  {band_label(band(s))}  ·  {r.get('title', r.id)}\n"
                    + translate("Risks", "owner %1").replace("%1", r.get("owner") or "–")
                    + ("  ·  " + ", ".join(flags) if flags else ""), r.id, severity)
        if not self.list.count():
            self.list.addItem(translate("Risks", "No open risks"))

    # --- the risk's sheet ------------------------------------------------------------------

    def open_detail(self, rid: str | None) -> Overlay | None:
        if not rid or self.registers is None:
            return None
        risks = self.registers.risks
        rec = risks.get(rid)
        if rec is None:
            return None
        sheet = QWidget()
        box = QVBoxLayout(sheet)
        s = score_of(rec)
        head = QLabel(translate("Risks", "Likelihood %1 × impact %2 = %3 (%4)")
                      .replace("%1", str(rec.get("likelihood"))).replace("%2", str(
                          rec.get("impact"))).replace("%3", str(s))
                      .replace("%4", band_label(band(s))))
        head.setProperty("role", "value")
        box.addWidget(head)
        if rec.get("description"):
            d = QLabel(rec.get("description"))
            d.setWordWrap(True)
            box.addWidget(d)
        may_edit = self.may(Action.RISKS_EDIT) or (self.user()[0] and self.user()[0]
                                                   == rec.get("owner"))
        overlay_ref: list[Overlay] = []

        def act(fn: Any) -> None:
            try:
                fn()
            except RegisterError as e:
                msg.setText(str(e))
                return
            overlay_ref[0].close_with(None)
            self.open_detail(rid)

        indicators = touch_list("RiskIndicators")
        for x in risks.readings(rec):
            value = "–" if x.value is None else f"{x.value:g}"
            add_row(indicators, f"{x.label}: {value} ({x.op} {x.threshold:g})"
                    + ("  ·  " + translate("Risks", "early warning") if x.crossed else ""),
                    x.indicator, "alarm" if x.crossed else "")
        if indicators.count():
            box.addWidget(QLabel(translate("Risks", "Early-warning indicators")))
            box.addWidget(indicators)
        proposal = rec.get("proposal")
        if proposal:
            row = QHBoxLayout()
            p = QLabel(translate("Risks", "Proposed: likelihood %1 (indicator %2 at %3)")
                       .replace("%1", str(proposal["likelihood"]))
                       .replace("%2", str(proposal.get("indicator")))
                       .replace("%3", f"{proposal.get('value')}"))
            p.setWordWrap(True)
            p.setProperty("severity", "warning")
            accept = big_button(translate("Risks", "Accept"), role="primary")
            dismiss = big_button(translate("Risks", "Dismiss"))
            for b in (accept, dismiss):
                b.setEnabled(bool(may_edit))
            who = self.user()[0] or "terminal"
            accept.clicked.connect(lambda: act(lambda: risks.accept_proposal(rid, actor=who)))
            dismiss.clicked.connect(lambda: act(lambda: risks.dismiss_proposal(rid, actor=who)))
            row.addWidget(p, 1)
            row.addWidget(accept)
            row.addWidget(dismiss)
            box.addLayout(row)
        box.addWidget(QLabel(translate("Risks", "Response plan")))
        today = dt.date.today()
        for m in rec.get("measures", []) or []:
            row = QHBoxLayout()
            late = m.get("status") != "done" and m["deadline"] < today.isoformat()
            lab = QLabel(f"{'✓ ' if m.get('status') == 'done' else ''}{m['text']} — "
                         f"{m['responsible']}, " + translate("Risks", "by %1")
                         .replace("%1", m["deadline"]))
            lab.setWordWrap(True)
            if late:
                lab.setProperty("severity", "alarm")
            row.addWidget(lab, 1)
            if m.get("status") != "done":
                done = big_button(translate("Risks", "Done"))
                done.setEnabled(self.may(Action.MEASURE_UPDATE))
                done.clicked.connect(lambda _=False, mid=m["id"]: act(
                    lambda: risks.set_measure_status(rid, mid, "done",
                                                     actor=self.user()[0] or "terminal")))
                row.addWidget(done)
            box.addLayout(row)
        add = big_button(translate("Risks", "Assign a measure"), role="primary")
        add.setEnabled(bool(may_edit))
        add.clicked.connect(lambda: (overlay_ref[0].close_with(None), self.open_measure(rid)))
        box.addWidget(add)
        for key, text in conflict_lines(rec):
            c = QLabel(text)
            c.setWordWrap(True)
            c.setProperty("severity", "warning")
            seen = big_button(translate("Registers", "Seen, keep"))
            seen.clicked.connect(lambda _=False, k=key: act(
                lambda: self.registers.replica.resolve_conflict(  # type: ignore[union-attr]
                    "risk", rid, k, actor=self.user()[0] or "terminal")))
            box.addWidget(c)
            box.addWidget(seen)
        msg = QLabel("")
        msg.setWordWrap(True)
        box.addWidget(msg)
        overlay = Overlay.open(self, sheet, title=rec.get("title", rid))
        overlay_ref.append(overlay)
        return overlay

    def open_measure(self, rid: str) -> Overlay | None:
        if self.registers is None:
            return None
        form = FormSheet([("text", translate("Risks", "Measure"), ""),
                          ("responsible", translate("Risks", "Responsible"), "")],
                         translate("Risks", "Assign"))
        days = QHBoxLayout()
        self._deadline_days = 14
        buttons = []
        for n in (7, 14, 30, 90):
            b = QPushButton(translate("Risks", "in %1 days").replace("%1", str(n)))
            b.setCheckable(True)
            b.setChecked(n == 14)
            b.setMinimumHeight(56)
            buttons.append(b)
            days.addWidget(b)

            def pick(_: bool = False, n: int = n, b: QPushButton = b) -> None:
                self._deadline_days = n
                for other in buttons:
                    other.setChecked(other is b)

            b.clicked.connect(pick)
        form.layout().insertLayout(1, days)  # type: ignore[union-attr]
        overlay = Overlay.open(self, form, title=translate("Risks", "Assign a measure"))

        def save() -> None:
            v = form.values()
            if not v["text"] or not v["responsible"]:
                form.fail(translate("Risks", "Say what is to be done and who does it"))
                return
            deadline = (dt.date.today() + dt.timedelta(days=self._deadline_days)).isoformat()
            try:
                self.registers.risks.add_measure(  # type: ignore[union-attr]
                    rid, v["text"], v["responsible"], deadline,
                    actor=self.user()[0] or "terminal")
            except RegisterError as e:
                form.fail(str(e))
                return
            overlay.close_with(None)

        form.ok.clicked.connect(save)
        return overlay

    def open_new(self) -> Overlay | None:
        """A new risk by touch: title and owner typed, category and scores by buttons."""
        if self.registers is None or not self.may(Action.RISKS_EDIT):
            return None
        form = FormSheet([("title", translate("Risks", "Title"), ""),
                          ("owner", translate("Risks", "Owner (user id)"), "")],
                         translate("Risks", "Save risk"))
        picked: dict[str, Any] = {"category": "supply", "likelihood": 3, "impact": 3}
        rows = QVBoxLayout()
        for key, options in (("category", CATEGORIES), ("likelihood", (1, 2, 3, 4, 5)),
                             ("impact", (1, 2, 3, 4, 5))):
            row = QHBoxLayout()
            label = QLabel({"category": translate("Risks", "Category"),
                            "likelihood": translate("Risks", "Likelihood"),
                            "impact": translate("Risks", "Impact")}[key])
            label.setMinimumWidth(110)
            row.addWidget(label)
            group: list[QPushButton] = []
            for opt in options:
                b = QPushButton(category_label(opt) if key == "category" else str(opt))
                b.setCheckable(True)
                b.setChecked(opt == picked[key])
                b.setMinimumHeight(56)
                group.append(b)
                row.addWidget(b)

                def pick(_: bool = False, key: str = key, opt: Any = opt, b: QPushButton = b,
                         group: list[QPushButton] = group) -> None:
                    picked[key] = opt
                    for other in group:
                        other.setChecked(other is b)

                b.clicked.connect(pick)
            rows.addLayout(row)
        form.layout().insertLayout(1, rows)  # type: ignore[union-attr]
        overlay = Overlay.open(self, form, title=translate("Risks", "New risk"))

        def save() -> None:
            v = form.values()
            rid = "".join(ch if ch.isalnum() else "-" for ch in v["title"].lower()).strip("-")
            if not rid:
                form.fail(translate("Risks", "Give the risk a title"))
                return
            rid = rid[:48]
            if self.registers.risks.get(rid) is not None:  # type: ignore[union-attr]
                rid = f"{rid}-{len(self.registers.risks.all()) + 1}"  # type: ignore[union-attr]
            try:
                self.registers.risks.save(rid, {  # type: ignore[union-attr]
                    "title": v["title"], "owner": v["owner"], "status": "open", **picked},
                    actor=self.user()[0] or "terminal")
            except RegisterError as e:
                form.fail(str(e))
                return
            overlay.close_with(rid)

        form.ok.clicked.connect(save)
        return overlay

    def risk_record(self, rid: str) -> Record | None:
        return self.registers.risks.get(rid) if self.registers else None


register_panel(specs.RISKS, RisksPanel)
