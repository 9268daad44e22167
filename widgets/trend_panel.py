"""Panel types "trend" (settings {"tags": [...], "window_s": 600}) and "tile" ({"tag": ...})."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from layouts.panels import trend as trend_spec
from widgets.panel_frame import PanelFrame
from widgets.panels import PanelContext, register_panel
from widgets.trend import WINDOWS, TrendPlot
from widgets.value_tile import ValueTile


def _check_tags(ctx: PanelContext, tags: list[str]) -> None:
    unknown = [t for t in tags if t not in ctx.config.tags]
    if unknown:
        raise ValueError(f"unknown tag(s): {', '.join(unknown)}")


class TrendPanel(PanelFrame):
    def __init__(self, ctx: PanelContext, tags: list[str], window_s: int = 600,
                 title: str | None = None) -> None:
        super().__init__(title or QCoreApplication.translate("TrendPanel", "Trend"))
        from app.alarms.engine import AlarmEngine
        from app.alarms.journal import AlarmJournal

        # Alarm activations of these tags become marks on the time axis.
        self.plot = TrendPlot(ctx.bridge, tags, store=ctx.store, window_s=window_s,
                              alarms=ctx.find(AlarmEngine), journal=ctx.find(AlarmJournal))
        self.body.addWidget(self.plot, 1)

    @classmethod
    def create(cls, ctx: PanelContext, settings: dict[str, Any]) -> TrendPanel:
        tags = [str(t) for t in settings.get("tags", [])]
        if not tags:
            raise ValueError("a trend panel needs at least one tag (settings.tags)")
        _check_tags(ctx, tags)
        window = int(settings.get("window_s", 600))
        allowed = [w for w, _ in WINDOWS]
        if window not in allowed:  # snap to the nearest offered window
            window = min(allowed, key=lambda w: abs(w - window))
        return cls(ctx, tags, window, settings.get("title"))


class TilePanel(PanelFrame):
    def __init__(self, ctx: PanelContext, tag: str, title: str | None = None) -> None:
        super().__init__(title or "")
        self.title.setVisible(bool(title))
        self.tile = ValueTile(ctx.bridge, tag)
        self.body.addWidget(self.tile, 1)

    @classmethod
    def create(cls, ctx: PanelContext, settings: dict[str, Any]) -> TilePanel:
        tag = str(settings.get("tag", ""))
        _check_tags(ctx, [tag])
        return cls(ctx, tag, settings.get("title"))


register_panel(trend_spec.TREND, TrendPanel.create)
register_panel(trend_spec.TILE, TilePanel.create)
