"""The user's cache folder: what is expensive to build on every run and cheap to keep — the
validated rules (:mod:`.engine.registry`) and the compiled regular expressions (:mod:`.rx`).

The folder is ``$PAIMAI_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/paimai-docs`` or
``~/.cache/paimai-docs``; ``PAIMAI_NO_CACHE=1`` turns caching off. Every file is written to a
temporary name and renamed into place, so a reader never sees half a file; a cache that cannot
be read or written (a read-only home, a full disk, a file of another version) is simply not
used — nothing fails because of it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "load_pickle", "store_pickle"]


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("PAIMAI_NO_CACHE"):
        return None
    chosen = os.environ.get("PAIMAI_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "paimai-docs"


def load_pickle(name: str) -> Any:
    """The object kept under ``name``, or None (no cache, no such file, a file that cannot be
    read). Only our own files are read: each is named by what it holds and written here."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / name, "rb") as handle:
            return pickle.load(handle)
    except Exception:
        return None


def store_pickle(name: str, value: Any, *, replaces: str | None = None) -> bool:
    """Keep ``value`` under ``name``; False when it could not be written (and nothing is).
    ``replaces``: the prefix of the names of earlier versions of the same thing (kept under
    the hash of what they were built from), removed once the new one is in place — the folder
    does not grow with every upgrade."""
    folder = cache_dir()
    if folder is None:
        return False
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            temporary = handle.name
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / name)
        if replaces:
            for old in folder.glob(f"{replaces}*.pickle"):
                if old.name != name:
                    with contextlib.suppress(OSError):
                        old.unlink()
    except Exception:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return False
    return True
