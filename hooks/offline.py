"""Make the built site installable and readable offline (handbook/offline).

Runs after every language is built and after the search index is written
(hooks/search_index.py, priority -300), so the precache list in ``sw.js`` covers the
finished site. Not under ``mkdocs serve``: a worker serving pages from its cache would hide
each edit behind a new-version notice; try offline reading on a build (scripts/build).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from handbook.offline import write_offline_files
from handbook.nav import read_site

_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_env(env, config, files):
    env.globals["offline_worker"] = not _serving  # partials/offline.html registers sw.js only then
    return env


@event_priority(-400)
def on_post_build(config):
    if _serving or config.plugins["i18n"].building:  # nested per-language builds come first
        return
    names = read_site(Path(config.config_file_path)).names  # default language first
    write_offline_files(Path(config.site_dir), names)
