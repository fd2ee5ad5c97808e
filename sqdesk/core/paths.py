"""Where things live on disk: the user's store, and resources in a checkout or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

from sqdesk import APP_NAME


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_store_path() -> Path:
    return data_dir() / "store.sqdesk"


def resource_path(*parts: str) -> Path:
    """A file under resources/, in a source checkout or inside a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root, "resources", *parts)
    return Path(__file__).resolve().parents[2].joinpath("resources", *parts)


# File systems on another machine: SQLite's locking cannot be trusted over them, so two PCs
# writing one store file there can corrupt it (https://sqlite.org/useovernet.html).
NETWORK_FS = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "afpfs", "webdav", "davfs",
              "fuse.davfs2", "9p", "ncpfs"}  # fmt: skip


def network_share(path: Path, *, mounts: str | None = None) -> str | None:
    """The kind of network share `path` lives on ("cifs", "nfs", "network" for a Windows
    share), or None on a local disk (or where the system does not say). `mounts`: the text
    of /proc/mounts, for tests."""
    path = Path(path)
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return "network"  # a UNC path: \\\\server\\share\\store.sqdesk
    if sys.platform == "win32":
        return _windows_remote(path)
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    resolved = str(path.resolve())
    best, kind = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, fields[2]
    return kind if kind in NETWORK_FS else None


def _windows_remote(path: Path) -> str | None:
    import ctypes

    drive = path.resolve().drive
    if not drive:
        return None
    drive_remote = 4  # GetDriveTypeW's DRIVE_REMOTE: a mapped network drive
    kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    return "network" if kind == drive_remote else None
