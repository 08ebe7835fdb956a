"""Make the built site installable and readable offline (handbook/offline).

Runs after every language is built and after the search files are written (the search
hooks run at priority -200 and -300), so the precache list in ``sw.js`` covers the
finished site.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from handbook.offline import write_offline_files
from handbook.pdf.nav import read_site


@event_priority(-400)
def on_post_build(config):
    if config.plugins["i18n"].building:  # a nested per-language build; the site is not finished
        return
    names = read_site(Path(config.config_file_path)).names  # default language first
    write_offline_files(Path(config.site_dir), names)
