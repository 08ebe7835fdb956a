"""Where each entry lives: the page that shows it in a full list, so every link to it goes there."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .markers import Marker, find_markers
from .render import shows

Homes = dict[tuple[str, str], str]


def find_homes(pages: Iterable[tuple[str, str, str]], hb, checked: Callable = lambda action, where, line: action()) -> Homes:
    """(kind, id) → URL, from (src_uri, url, markdown) of each page. A page whose marker lists
    hand-picked ``ids=`` loses to one that shows the full list; ties go to the first path.
    ``checked(action, where, line)`` runs each step, so a caller can report bad markers its way."""
    candidates = []
    for src_uri, url, markdown in pages:
        markers: list[Marker] = checked(lambda: find_markers(markdown), src_uri, 0)
        for marker in markers:
            for entity in checked(lambda: shows(marker, hb), src_uri, marker.line):
                candidates.append(("ids" in marker.args, src_uri, entity, url))
    homes: Homes = {}
    for _, _, entity, url in sorted(candidates):
        homes.setdefault(entity, url)
    return homes
