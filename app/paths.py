"""Where the terminal keeps its files, and where the shipped resources are; and who
may read them.

The store holds PIN hashes, badge hashes, vitals and the audit log: the data directory
is created 0700 and its files 0600, whatever the umask. A service that shares them with
an admin group names it in `LINESIDE_SERVICE_GROUP`: then 0750 / 0640 with that group.
Existing, looser modes are tightened at start, with a log line saying what changed.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)
GROUP_ENV = "LINESIDE_SERVICE_GROUP"

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
I18N = ROOT / "i18n"
LAYOUTS = ROOT / "layouts"
DEMO_SITE = RESOURCES / "demo" / "site.toml"


def data_dir() -> Path:
    """The per-user data directory (LINESIDE_DATA_DIR overrides, e.g. for services),
    created private (0700, or 0750 with the service group)."""
    env = os.environ.get("LINESIDE_DATA_DIR")
    path = Path(env) if env else Path(platformdirs.user_data_dir("lineside", "LineSide"))
    secure_dir(path)
    return path


def _group() -> int | None:
    """The service group's id, or None (private to the user)."""
    name = os.environ.get(GROUP_ENV)
    if not name or sys.platform == "win32":
        return None
    import grp

    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        try:
            return grp.getgrgid(int(name)).gr_gid
        except (ValueError, KeyError):
            log.error("%s=%s: no such group; files stay private to the user", GROUP_ENV,
                      name)
            return None


def _tighten(path: Path, mode: int, what: str) -> None:
    """Give `path` at most `mode` (and the service group), logging a change."""
    if sys.platform == "win32":  # NTFS ACLs of the user profile apply instead
        return
    gid = _group()
    st = path.stat()
    old = stat.S_IMODE(st.st_mode)
    want = mode if gid is not None else mode & 0o700
    if gid is not None and st.st_gid != gid:
        try:
            os.chown(path, -1, gid)
        except OSError as e:
            log.error("cannot give %s %s to group %s: %s", what, path, gid, e)
            want = mode & 0o700
    if old & ~want:  # looser than allowed: take away what is too much
        os.chmod(path, old & want)
        log.warning("tightened the permissions of %s %s from %04o to %04o", what, path,
                    old, old & want)


def secure_dir(path: Path) -> Path:
    """Create `path` (and parents) as a private directory, or tighten an existing one."""
    if not path.exists():
        old = os.umask(0o077)
        try:
            path.mkdir(parents=True, exist_ok=True)
        finally:
            os.umask(old)
    _tighten(path, 0o750, "the data directory")
    return path


def secure_file(path: Path) -> Path:
    """Create `path` empty and private (0600 / 0640) if missing, or tighten it.

    SQLite gives its -wal and -shm files the mode of the database file, so securing
    the database before the first connection covers them too."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
    _tighten(path, 0o640, "the file")
    return path
