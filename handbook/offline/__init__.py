"""The handbook as an installable web app that works offline after one visit.

``write_offline_files(site, names)`` runs on the built site (hooks/offline.py, after every
language and the search files are written): it adds the app icons, one web app manifest
per language, the offline fallback page and, last, the service worker ``sw.js`` with the
precache list of every file it must keep, each with its content hash. Nothing here
imports MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from .app import write_icons, write_manifests, write_offline_page
from .precache import precache_entries, write_service_worker

__all__ = ["precache_entries", "write_offline_files"]


def write_offline_files(site: Path, names: dict[str, str]) -> list[dict]:
    """Write the offline files into ``site``; returns the precache list."""
    icons = write_icons(site)
    write_manifests(site, names, icons)
    write_offline_page(site, names)
    return write_service_worker(site, names)
