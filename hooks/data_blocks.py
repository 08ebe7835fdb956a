"""MkDocs glue: load data/ once per build, replace markers in both languages.

The rendering itself lives in :mod:`handbook.render`; this module only knows
MkDocs: which language is being built, where each page lives, and how to fail
the build with a clean message.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from handbook.load import Handbook, load_handbook
from handbook.markers import MarkerError, find_markers
from handbook.homes import find_homes
from handbook.render import render
from handbook.yaml_lines import DataError

_handbook: Handbook | None = None
# (entity kind, id) → URL of the page that shows it, for the language being built
_homes: dict[tuple[str, str], str] = {}


def on_config(config):
    global _handbook
    try:
        _handbook = load_handbook(Path(config.config_file_path).parent / "data")
    except DataError as exc:
        raise PluginError(f"invalid data ({len(exc.problems)} problem(s)):\n{exc}") from None


@event_priority(-200)  # after mkdocs-static-i18n has picked this language's files
def on_files(files, config):
    """Find the page each entry lives on; a full list beats a hand-picked ``ids=`` one."""
    pages = [(file.src_uri, file.url, file.content_string) for file in files.documentation_pages()]
    _homes.clear()
    _homes.update(find_homes(pages, _handbook, _checked))
    return files


def loaded() -> tuple[Handbook, dict[tuple[str, str], str]]:
    """The data and where each entry lives in the language being built, for the other hooks
    (hooks/search_index.py), so that nothing is loaded or worked out twice."""
    assert _handbook is not None
    return _handbook, dict(_homes)


@event_priority(-200)  # the i18n plugin's current language is final by now
def on_page_markdown(markdown, page, config, files):
    lang = config.plugins["i18n"].current_language

    def href(kind: str, entity_id: str) -> str | None:
        home = _homes.get((kind, entity_id))
        if home is None:
            return None
        return f"{get_relative_url(home, page.url)}#{kind}-{entity_id}"

    blocks = [
        (marker, _checked(lambda: render(marker, _handbook, lang, href, page.file.src_uri), page.file.src_uri, marker.line))
        for marker in _markers(markdown, page.file.src_uri)
    ]
    # Each marker is replaced where it was found (the last first, so the others stay put): the
    # same marker shown as code on the page stays code.
    for marker, html in reversed(blocks):
        markdown = markdown[:marker.start] + html + markdown[marker.start + len(marker.text):]
    return markdown


def _markers(markdown: str, where: str):
    return _checked(lambda: find_markers(markdown), where, 0)


def _checked(action, where: str, line: int):
    try:
        return action()
    except MarkerError as exc:
        raise PluginError(f"docs/{where}:{line}: {exc}" if line else f"docs/{where}: {exc}") from None
