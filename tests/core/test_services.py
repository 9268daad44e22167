"""The domain seams: the ordered spec list, start/stop order, a failing service
reported by name while the rest run, config sections owned by specs, runtime timers."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import ClassVar

import pytest

from app import config
from app.alarms.engine import AlarmEngine
from app.andon import AndonBoard
from app.domains import DOMAINS
from app.runtime import Runtime
from app.services import (
    ConfigSection,
    MissingService,
    Passive,
    ServiceContext,
    ServiceSpec,
    check_order,
)
from app.terminal import Terminal

SITE = """
[site]
id = "t"
name = "Test site"
terminal_id = "T1"
"""


def _site(tmp_path: Path, extra: str = "") -> config.SiteConfig:
    path = tmp_path / "site.toml"
    path.write_text(SITE + extra, encoding="utf-8")
    return config.load(path)


def test_domains_are_in_a_valid_order() -> None:
    check_order(DOMAINS)  # every need provided earlier, no name or type twice
    assert DOMAINS[0].name == "estop"


def test_a_need_that_comes_later_is_refused() -> None:
    later = ServiceSpec(name="b", provides=Passive, build=lambda ctx: Passive(),
                        needs=(AlarmEngine,))
    with pytest.raises(ValueError, match="b needs AlarmEngine"):
        check_order((later,))


class Recorder(Passive):
    log: ClassVar[list[str]] = []

    def __init__(self, name: str) -> None:
        self.name = name

    def start(self) -> None:
        Recorder.log.append(f"start {self.name}")

    def stop(self) -> None:
        Recorder.log.append(f"stop {self.name}")


class Broken:
    def start(self) -> None:
        raise RuntimeError("energy meter table is missing")

    def stop(self) -> None:
        pass


class First(Recorder):
    pass


class Last(Recorder):
    pass


def test_terminal_starts_in_order_stops_in_reverse_and_survives_a_failure(tmp_path) -> None:
    Recorder.log = []
    specs = (
        *DOMAINS,
        ServiceSpec(name="first", provides=First, build=lambda ctx: First("first")),
        ServiceSpec(name="meter", provides=Broken, build=lambda ctx: Broken()),
        ServiceSpec(name="needs_meter", provides=Recorder, build=lambda ctx: Recorder(
            ctx.get(Broken).__class__.__name__), needs=(Broken,)),
        ServiceSpec(name="last", provides=Last, build=lambda ctx: Last("last")),
    )
    term = Terminal(_site(tmp_path), store_path=tmp_path / "t.db", domains=specs).start()
    try:
        assert "energy meter table is missing" in term.failed["meter"]
        assert "Broken, which is not running (meter failed" in term.failed["needs_meter"]
        assert term.find(Broken) is None
        with pytest.raises(MissingService, match="energy meter table is missing"):
            term.service(Broken)
        assert isinstance(term.service(AndonBoard), AndonBoard)
        assert isinstance(term.service(AlarmEngine), AlarmEngine)
        assert Recorder.log == ["start first", "start last"]
        assert "estop" not in term.failed  # not configured: absent, not failed
    finally:
        term.stop()
    assert Recorder.log[-2:] == ["stop last", "stop first"]


def test_a_section_is_parsed_by_the_spec_that_declares_it(tmp_path) -> None:
    cfg = _site(tmp_path, "\n[alarm_settings]\nchatter_count = 3\n")  # alarms.ENGINE owns it
    assert cfg.sections["alarm_settings"].chatter_count == 3
    with pytest.raises(config.ConfigError, match=r"alarm_settings\.chatter_count: must be at"):
        _site(tmp_path, "\n[alarm_settings]\nchatter_count = 0\n")


def test_an_unknown_top_level_key_names_the_file(tmp_path) -> None:
    with pytest.raises(config.ConfigError, match=r"site\.toml: enrgy: unknown key"):
        _site(tmp_path, "\n[enrgy]\nx = 1\n")


def test_context_get_says_who_needs_what() -> None:
    ctx = ServiceContext(config=None, runtime=None, store=None,  # type: ignore[arg-type]
                         clock=time.time, terminal_id="T1",
                         terminal_role="operator")  # type: ignore[arg-type]
    ctx.building = "energy"
    with pytest.raises(MissingService, match="energy needs AlarmEngine, which is not running"):
        ctx.get(AlarmEngine)
    assert ctx.find(AlarmEngine) is None


def test_sections_declared_twice_are_a_bug() -> None:
    from app.services import sections_of

    sec = ConfigSection("energy", lambda t, c: None)
    a = ServiceSpec(name="a", provides=First, build=lambda ctx: None, sections=(sec,))
    b = ServiceSpec(name="b", provides=Last, build=lambda ctx: None, sections=(sec,))
    with pytest.raises(ValueError, match=r"\[energy\] is declared by both a and b"):
        sections_of((a, b))


def test_runtime_after_runs_once_and_can_be_cancelled(tmp_path) -> None:
    rt = Runtime(_site(tmp_path))
    rt.start()
    try:
        ran: list[float] = []
        done = threading.Event()
        rt.after(0.05, lambda: (ran.append(1), done.set()), "once")
        cancel = rt.after(0.05, lambda: ran.append(2), "cancelled")
        cancel()
        assert done.wait(2)
        time.sleep(0.2)  # a second run (or the cancelled one) would land in this time
        assert ran == [1]
    finally:
        rt.stop()


def test_a_broken_domain_section_stops_only_its_service(tmp_path) -> None:
    broken = "\n[health]\nheart_rate_limit = 'fast'\nbogus = 1\n"
    with pytest.raises(config.ConfigError, match="health"):
        _site(tmp_path, broken)  # check-config and tests stay strict
    path = tmp_path / "site.toml"
    cfg = config.load(path, strict_sections=False)
    assert "health" in cfg.section_errors
    term = Terminal(cfg, store_path=tmp_path / "t.db").start()
    try:
        assert "health" in term.failed and "health" in term.failed["health"]
        assert isinstance(term.service(AlarmEngine), AlarmEngine)  # the rest runs
        assert isinstance(term.service(AndonBoard), AndonBoard)
    finally:
        term.stop()
