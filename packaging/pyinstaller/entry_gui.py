"""Entry point of the bundle's windowed `lineside-gui.exe` (Windows): the same commands as
`lineside.exe`, but Windows opens no console window behind the terminal. Errors go to
a log file next to the user's data, since there is no console to print them to."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if sys.stdout is None or sys.stderr is None:  # windowed: Windows gives no console
        from app import paths

        log = open(paths.data_dir() / "lineside-gui.log", "a", encoding="utf-8")  # noqa: SIM115
        sys.stdout = sys.stdout or log
        sys.stderr = sys.stderr or log
    from app.cli import main

    sys.exit(main())
