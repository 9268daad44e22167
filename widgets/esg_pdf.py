"""The ESG report as an A4 PDF: Qt's own QTextDocument and QPdfWriter, offscreen, no
display needed, fonts embedded (Noto Sans CJK for Chinese).

Charts are drawn with QPainter into images the document holds: energy and CO2e per day,
and each emission's period value against its limit. Texts are translated into the
report's language with that language's catalogue, whatever language the GUI shows.
"""

from __future__ import annotations

import html
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
    QTextDocument,
)

from app import paths
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


def _bars(values: list[tuple[str, float]], color: str, unit: str, *,
          limit: float | None = None, w: int = 1600, h: int = 500) -> QImage:
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(DEFAULT_FONT)
    font.setPixelSize(22)
    p.setFont(font)
    left, bottom, top = 110, 60, 20
    top_v = max([v for _, v in values] + [limit or 0, 1e-9]) * 1.1
    n = max(1, len(values))
    bw = (w - left - 20) / n
    p.setPen(QColor("#444"))
    p.drawLine(left, h - bottom, w - 10, h - bottom)
    p.drawText(QRectF(0, top - 10, left - 8, 30), Qt.AlignmentFlag.AlignRight,
               f"{top_v / 1.1:,.0f}")
    p.drawText(QRectF(0, h - bottom - 15, left - 8, 30), Qt.AlignmentFlag.AlignRight, "0")
    p.drawText(QRectF(0, h - 40, left - 8, 30), Qt.AlignmentFlag.AlignRight, unit)
    for i, (label, v) in enumerate(values):
        bh = (h - bottom - top) * (v / top_v)
        x = left + i * bw + bw * 0.15
        p.fillRect(QRectF(x, h - bottom - bh, bw * 0.7, bh), QColor(color))
        if n <= 12 or i % max(1, n // 10) == 0:
            p.drawText(QRectF(x - bw * 0.5, h - bottom + 6, bw * 1.7, 30),
                       Qt.AlignmentFlag.AlignHCenter, label)
    if limit is not None:
        y = h - bottom - (h - bottom - top) * (limit / top_v)
        p.setPen(QColor("#b22222"))
        p.drawLine(left, int(y), w - 10, int(y))
    p.end()
    return img


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
        parts += [_table_html(t, tr) for t in s.tables]
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
