"""Engine-wide alarm settings: chattering, flood, first-out, suppression by station."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.alarms.model import SuppressRule


@dataclass(frozen=True)
class AlarmSettings:
    chatter_count: int = 5  # more activations than this within the window -> chattering
    chatter_window_s: float = 60.0
    flood_count: int = 10  # more new alarms than this within the window -> flood
    flood_end_count: int = 5  # flood ends below this many in the window (hysteresis)
    flood_window_s: float = 600.0
    first_out_window_s: float = 10.0  # activations this close together form one cascade
    ack_tolerance_s: float = 5.0  # a remote ack covers activations up to this much later
    max_shelve_s: float = 12 * 3600.0
    audible: bool = False
    station_suppression: dict[str, SuppressRule] = field(default_factory=dict)
