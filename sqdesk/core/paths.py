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
