"""`lineside screenshots` end to end for one scene: the real demo terminal (simulator,
broker, store in a temp folder) is captured to a PNG that shows a picture, not a blank."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

import pytest
from PySide6.QtGui import QImage

from app.commands.screenshots import parse_size

pytestmark = pytest.mark.timeout(90)


def test_one_screenshot_is_written_and_not_blank(qapp, tmp_path):
    # As plant IT runs it: the command in its own process (a whole demo window in the
    # test process, after hundreds of Qt tests, once crashed the event loop).
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-m", "app.cli", "screenshots", str(tmp_path),
                        "--size", "800x600", "--only", "operator-touchscreen"],
                       capture_output=True, text=True, timeout=80,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert p.returncode == 0, p.stdout[-2000:] + p.stderr[-2000:]
    written = [tmp_path / "operator-touchscreen.png"]
    assert written[0].exists()
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
