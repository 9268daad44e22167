"""The ESG report as an A4 PDF: Qt's own QTextDocument and QPdfWriter, offscreen, no
display needed, fonts embedded (Noto Sans CJK for Chinese).

Charts are drawn with QPainter into images the document holds: energy and CO2e per day,
and each permitted parameter per day against its limit (the per-day table of
`esg_daily`, which CSV and JSON carry as a table, is drawn here instead). Texts are
translated into the report's language with that language's catalogue, whatever language
the GUI shows.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from app import paths
from app.environment import esg_daily
from app.environment.esg import CTX, FIGURE_LABELS, EsgReport, Table
from app.environment.reports import register_pdf_renderer

FONTS = {"zh_CN": "Noto Sans CJK SC"}
DEFAULT_FONT = "DejaVu Sans"
T_TITLE = QT_TRANSLATE_NOOP("EsgReport", "ESG report")
T_PERIOD = QT_TRANSLATE_NOOP("EsgReport", "Period")
T_MADE = QT_TRANSLATE_NOOP("EsgReport", "made")
T_NONE = QT_TRANSLATE_NOOP("EsgReport", "none in this period")
T_ENERGY_DAY = QT_TRANSLATE_NOOP("EsgReport", "Energy per day")
T_CO2_DAY = QT_TRANSLATE_NOOP("EsgReport", "CO2e per day (location-based)")
T_PAGE = QT_TRANSLATE_NOOP("EsgReport", "page %1 of %2")
T_DAILY = QT_TRANSLATE_NOOP("EsgReport", "%1 per day against its limit")
T_LIMIT = QT_TRANSLATE_NOOP("EsgReport", "limit")
T_OVER = QT_TRANSLATE_NOOP("EsgReport", "over the limit on")


class _Tr:
    """Translates with one language's catalogue, falling back to the English source."""

    def __init__(self, language: str) -> None:
        from PySide6.QtCore import QTranslator

        self._tr = QTranslator()
        if language != "en":
            self._tr.load(str(paths.I18N / f"lineside_{language}.qm"))

    def __call__(self, text: str) -> str:
        if not isinstance(text, str) or not text:
            return text
        out = self._tr.translate(CTX, text)
        return out or text


def _cell(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.2f}".rstrip("0").rstrip(".") if abs(v) < 1e6 else f"{v:,.0f}"
    return str(v)


def _table_html(t: Table, tr: _Tr) -> str:
    head = "".join(f"<th>{html.escape(tr(c))}</th>" for c in t.columns)
    if not t.rows:
        body = (f"<tr><td colspan='{len(t.columns)}'><i>"
                f"{html.escape(tr(T_NONE))}</i></td></tr>")
    else:
        body = "".join("<tr>" + "".join(f"<td>{html.escape(tr(_cell(v)))}</td>" for v in r)
                       + "</tr>" for r in t.rows)
    note = f"<p class='note'>{html.escape(tr(t.note))}</p>" if t.note else ""
    return (f"<h3>{html.escape(tr(t.title))}</h3><table width='100%' cellspacing='0' "
            f"cellpadding='3' border='1'><tr>{head}</tr>{body}</table>{note}")


def _axis(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.3g}"


def _bars(values: Sequence[tuple[str, float | None]], color: str, unit: str, *,
          limits: Sequence[float] = (), over: Sequence[bool] = (),
          lows: Sequence[float | None] = (), marks: Sequence[str] = (), w: int = 1600,
          h: int = 500) -> QImage:
    """A bar per day (from `lows` where given: a day's range), horizontal limit lines
    labelled with their value right of the bars, and the bars of days `over` a limit in
    red with `marks` (else their value) above them. A day without a value has no bar."""
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(DEFAULT_FONT)
    font.setPixelSize(22)
    p.setFont(font)
    left, bottom, top = 110, 60, 30
    nums = [v for _, v in values if v is not None] + [v for v in lows if v is not None]
    top_v = max([*nums, *limits, 1e-9]) * 1.1
    low_v = min([*nums, *limits, 0.0]) * 1.1

    def y(v: float) -> float:
        return h - bottom - (h - bottom - top) * (v - low_v) / (top_v - low_v)

    n = max(1, len(values))
    right = 110 if limits else 20  # room for the limits' values
    bw = (w - left - right) / n
    p.setPen(QColor("#444"))
    p.drawLine(left, int(y(0)), w - 10, int(y(0)))
    p.drawText(QRectF(0, top - 10, left - 8, 30), Qt.AlignmentFlag.AlignRight,
               _axis(top_v / 1.1))
    p.drawText(QRectF(0, y(0) - 15, left - 8, 30), Qt.AlignmentFlag.AlignRight, "0")
    p.drawText(QRectF(0, h - 40, left - 8, 30), Qt.AlignmentFlag.AlignRight, unit)
    red = QColor("#b22222")
    for i, (label, v) in enumerate(values):
        x = left + i * bw + bw * 0.15
        base = lows[i] if i < len(lows) and lows[i] is not None else 0.0
        if v is not None and base is not None:
            bad = i < len(over) and over[i]
            y1, y0 = sorted((y(v), y(base)))
            p.fillRect(QRectF(x, y1, bw * 0.7, max(2.0, y0 - y1)), red if bad else QColor(color))
            if bad:
                p.setPen(red)
                p.drawText(QRectF(x - bw * 0.5, y1 - 28, bw * 1.7, 26),
                           Qt.AlignmentFlag.AlignHCenter,
                           marks[i] if i < len(marks) else _axis(v))
                p.setPen(QColor("#444"))
        if n <= 12 or i % max(1, n // 10) == 0:
            p.drawText(QRectF(x - bw * 0.5, h - bottom + 6, bw * 1.7, 30),
                       Qt.AlignmentFlag.AlignHCenter, label)
    for lim in limits:
        pen = QPen(red)
        pen.setWidth(3)
        pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(left, int(y(lim)), w - right, int(y(lim)))
        p.drawText(QRectF(w - right + 8, y(lim) - 14, right - 8, 28),
                   Qt.AlignmentFlag.AlignLeft, _axis(lim))
    p.end()
    return img


def _daily_charts(doc: QTextDocument, t: Table, tr: _Tr) -> str:
    """One chart per parameter of the per-day table (esg_daily), with the days over its
    limit as text beneath it (what a reader, and pdftotext, can find)."""
    params: dict[str, list[list[Any]]] = {}
    for r in t.rows:
        params.setdefault(r[0], []).append(r)
    parts = []
    for i, (name, rows) in enumerate(params.items()):
        figures: dict[str, list[list[Any]]] = {}
        for r in rows:
            figures.setdefault(r[2], []).append(r)
        # a range has two figures, the day's highest then its lowest: a bar between
        series = list(figures.values())
        top, lows = series[0], (series[1] if len(series) > 1 else None)
        unit, low, high = top[0][4], top[0][5], top[0][6]
        over = [any(s[j][7] for s in series) for j in range(len(top))]
        marks = [", ".join(_cell(s[j][3]) for s in series if s[j][7]) for j in range(len(top))]
        url = QUrl(f"chart://daily/{i}")
        doc.addResource(QTextDocument.ResourceType.ImageResource, url, _bars(
            [(r[1][5:], r[3]) for r in top], "#1d4f91", unit,
            limits=[v for v in (low, high) if v is not None], over=over,
            lows=[r[3] for r in lows] if lows is not None else (), marks=marks, h=420))
        limit = (f"{low:g} – {high:g}" if low is not None and high is not None
                 else f"≤ {high:g}" if high is not None else f"≥ {low:g}")
        bad = [f"{top[j][1]} ({marks[j]})" for j in range(len(top)) if over[j]]
        parts.append(
            f"<h3>{html.escape(tr(T_DAILY).replace('%1', name))}</h3>"
            f"<p><img src='{url.toString()}' width='640'></p><p class='note'>"
            f"{html.escape(' / '.join(tr(f) for f in figures))} · "
            f"{html.escape(tr(T_LIMIT))} {html.escape(limit)} {html.escape(unit)} · "
            f"{html.escape(tr(T_OVER))}: "
            f"{html.escape(', '.join(bad) if bad else tr(T_NONE))}</p>")
    return "".join(parts)


def _figures_html(figs: list[tuple[str, str]]) -> str:
    """Headline figures as a grid of boxes, four to a row."""
    cells = [f"<td class='fig'><span class='figure'>{v}</span><br>"
             f"<span class='caption'>{html.escape(k)}</span></td>" for k, v in figs]
    rows = ["<tr>" + "".join(cells[i:i + 4]) + "</tr>" for i in range(0, len(cells), 4)]
    return ("<table width='100%' cellspacing='4' cellpadding='6'>" + "".join(rows)
            + "</table>")


def render(report: EsgReport, path: Path, language: str = "en") -> Path:
    """Write the report as PDF to `path` (a QGuiApplication must exist; offscreen is fine).
    Each page gets a footer with the site, the period and "page i of n"."""
    tr = _Tr(language)
    doc = QTextDocument()
    font = QFont(FONTS.get(language, DEFAULT_FONT))
    font.setPointSizeF(9)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(
        "h1 { font-size: 18pt; color: #1d4f91; } "
        "h2 { font-size: 13pt; margin-top: 16px; color: #1d4f91; } "
        "h3 { font-size: 10pt; margin-top: 10px; } th { background: #dfe6ef; } "
        "td, th { font-size: 8pt; } .note { font-size: 7pt; color: #555; } "
        ".figure { font-size: 13pt; font-weight: bold; } .caption { font-size: 7pt; "
        "color: #444; } td.fig { background: #f0f3f7; }")
    parts = [f"<h1>{html.escape(tr(T_TITLE))} · {html.escape(report.site)}</h1>",
             f"<p>{html.escape(report.line)} · {html.escape(tr(T_PERIOD))}: "
             f"<b>{html.escape(report.label)}</b> · {html.escape(tr(T_MADE))} "
             f"{_cell(_when(report.generated))}</p>"]
    if report.energy_by_day:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://energy"),
                        _bars([(d[5:], k) for d, k, _c in report.energy_by_day], "#1d4f91",
                              "kWh"))
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://co2"),
                        _bars([(d[5:], c) for d, _k, c in report.energy_by_day], "#5a7a3a",
                              "kg CO2e"))
    for s in report.sections:
        parts.append(f"<h2>{html.escape(tr(s.title))}</h2>")
        figs = [(tr(FIGURE_LABELS.get(k, k)), _cell(v)) for k, v in s.figures.items()
                if v is not None]
        if figs:
            parts.append(_figures_html(figs))
        if s.key == "environment" and report.energy_by_day:
            parts.append(f"<h3>{html.escape(tr(T_ENERGY_DAY))}</h3>"
                         "<p><img src='chart://energy' width='640'></p>"
                         f"<h3>{html.escape(tr(T_CO2_DAY))}</h3>"
                         "<p><img src='chart://co2' width='640'></p>")
        parts += [_daily_charts(doc, t, tr) if t.key == esg_daily.KEY else _table_html(t, tr)
                  for t in s.tables]
    doc.setHtml("".join(parts))
    writer = QPdfWriter(str(path))
    writer.setTitle(f"{tr(T_TITLE)} {report.site} {report.label}")
    writer.setCreator("LineSide")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 18), QPageLayout.Unit.Millimeter))
    writer.setResolution(150)
    page = QSizeF(writer.width(), writer.height())
    doc.setPageSize(page)
    pages = max(1, doc.pageCount())
    footer = f"LineSide · {report.site} · {tr(T_TITLE)} {report.label}"
    painter = QPainter(writer)
    try:
        small = QFont(font)
        small.setPointSizeF(7)
        for i in range(pages):
            if i:
                writer.newPage()
            painter.save()
            painter.translate(0, -i * page.height())
            doc.drawContents(painter, QRectF(0, i * page.height(), page.width(),
                                             page.height()))
            painter.restore()
            painter.setFont(small)
            painter.setPen(QColor("#666"))
            below = QRectF(0, page.height() + 4, page.width(), 40)
            painter.drawText(below, Qt.AlignmentFlag.AlignLeft, footer)
            painter.drawText(below, Qt.AlignmentFlag.AlignRight,
                             tr(T_PAGE).replace("%1", str(i + 1)).replace("%2", str(pages)))
    finally:
        painter.end()
    return path


def render_offscreen(report: EsgReport, path: Path, language: str = "en") -> Path:
    """`render` from a command line: makes an offscreen QGuiApplication if none runs."""
    import os

    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(["lineside-report"])
    try:
        return render(report, path, language)
    finally:
        del app


def _when(t: float) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(t).strftime("%Y-%m-%d %H:%M")


register_pdf_renderer(render)  # scheduled reports in the GUI get their PDF
