"""File modes at rest: the data dir 0700 and every file in it 0600, since it holds refugees' personal data."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import structlog

log = structlog.get_logger(__name__)

MAP_MODUS = 0o700
BESTAND_MODUS = 0o600
UMASK = 0o077
"""The umask of a `welkom` command: what it creates (stores and their -wal/-shm journals, the
broker log, stack.json) is for its own user only, whoever wrote the code that creates it."""

_gewaarschuwd: set[Path] = set()


def maak_data_dir(pad: Path) -> Path:
    """The data dir, created 0700. An existing one with group or other bits, and the files in it,
    are tightened (owner bits kept) and the change is logged as a warning: earlier versions made it
    0755 with 0644 stores, and a warning alone would leave those readable by every local user.
    What welkom may not change (not ours, a sticky dir like /tmp) only gets the warning."""
    pad.mkdir(mode=MAP_MODUS, parents=True, exist_ok=True)
    aangescherpt = [naam for naam in [_scherp_aan(pad)] if naam]
    for bestand in sorted(pad.iterdir()):
        if bestand.is_file() and not bestand.is_symlink():
            aangescherpt += [naam for naam in [_scherp_aan(bestand)] if naam]
    if aangescherpt:
        log.warning("data_dir.rechten_aangescherpt", data_dir=str(pad), bestanden=aangescherpt,
                    uitleg="the data dir holds personal data: now 0700, its files 0600")
    return pad


def maak_prive(pad: Path) -> Path:
    """A file created empty with mode 0600 unless it exists (a SQLite store: SQLite gives its
    -wal and -shm journals the mode of the database file)."""
    os.close(os.open(pad, os.O_CREAT | os.O_WRONLY, BESTAND_MODUS))
    return pad


def _scherp_aan(pad: Path) -> str | None:
    """Drop the group and other bits of one path; its name if it changed, None if it was tight."""
    st = pad.stat()
    modus = stat.S_IMODE(st.st_mode)
    if not modus & 0o077:
        return None
    sticky = stat.S_ISDIR(st.st_mode) and modus & stat.S_ISVTX
    if st.st_uid == os.geteuid() and not sticky:
        try:
            os.chmod(pad, modus & ~0o077)
            return pad.name or str(pad)
        except PermissionError:
            pass
    if pad.resolve() not in _gewaarschuwd:
        _gewaarschuwd.add(pad.resolve())
        log.warning("data_dir.te_open", pad=str(pad), modus=oct(modus),
                    uitleg="holds personal data but welkom may not tighten it: make it 0700 (files 0600)")
    return None
