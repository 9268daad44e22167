"""Entry point of the PyInstaller bundle."""

import sys

from app.cli import main

sys.exit(main())
