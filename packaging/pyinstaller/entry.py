"""Entry point of the PyInstaller bundle's `lineside` executable (console)."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
