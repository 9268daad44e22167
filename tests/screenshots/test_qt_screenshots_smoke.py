"""`lineside screenshots` end to end for one scene: the real demo terminal (simulator,
broker, store in a temp folder) is captured to a PNG that shows a picture, not a blank."""

from __future__ import annotations

import argparse
import time

import pytest
from PySide6.QtGui import QImage

from app.commands.screenshots import capture, parse_size

pytestmark = pytest.mark.timeout(90)


def test_one_screenshot_is_written_and_not_blank(qapp, tmp_path):
    t0 = time.monotonic()
    written = capture(tmp_path, size=(800, 600), only=["operator-touchscreen"])
    assert written == [tmp_path / "operator-touchscreen.png"]
    img = QImage(str(written[0]))
    assert (img.width(), img.height()) == (800, 600)
    # Not blank: sample a grid of pixels and require many distinct greys/colours.
    colours = {img.pixel(x, y) for x in range(0, 800, 10) for y in range(0, 600, 10)}
    assert len(colours) > 20
    # The e-stop window is painted into the capture: its red is in the top right frame.
    reds = [img.pixelColor(x, y) for x in range(400, 800, 4) for y in range(0, 200, 4)]
    assert any(c.red() > 180 and c.green() < 60 and c.blue() < 60 for c in reds)
    assert time.monotonic() - t0 < 60


def test_bad_size_is_a_clear_error(capsys):
    from app.cli import main

    with pytest.raises(SystemExit):
        main(["screenshots", "/tmp/never-written", "--size", "big"])
    assert "--size: expected WIDTHxHEIGHT" in capsys.readouterr().err
    assert parse_size("1024x768") == (1024, 768)
    with pytest.raises(argparse.ArgumentTypeError):
        parse_size("100x100")
