"""The demo's skills matrix: who may work at which station (README: job assistance).

anna is qualified for robot cell 3 (her qualification lapses in 25 days: a warning),
ben is learning there (he sees every step in full), tara trains; max has no
qualification for it, so signing in there asks a team lead for a supervised session.
"""

from __future__ import annotations

import datetime as dt

from app.instructions.skills import SkillsMatrix


def seed(skills: SkillsMatrix, today: dt.date) -> None:
    if skills.workers():
        return
    year = (today + dt.timedelta(days=365)).isoformat()
    rows: dict[str, tuple[str, list[tuple[str, str, int | None]]]] = {
        "anna": ("Anna Operator", [("robot3", "qualified", 25), ("booth1", "qualified", 200)]),
        "ben": ("Ben Operator", [("robot3", "learning", None)]),
        "tara": ("Tara Team Lead", [(s, "trainer", 365) for s in
                                    ("robot1", "robot2", "robot3", "robot4", "booth1")]),
    }
    for worker, (name, stations) in rows.items():
        for station, level, days in stations:
            expires = (today + dt.timedelta(days=days)).isoformat() if days else ""
            skills.set_station(worker, station, level, expires, name=name, actor="demo")
    skills.replica.put("skill", "anna", {"certificates": [
        {"kind": "first aid", "expires": year}]}, actor="demo")
