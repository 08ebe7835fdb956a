"""The one marker syntax pages use to ask for generated content.

A marker is an HTML comment alone on its line (invisible when the Markdown is
read on GitHub)::

    <!-- handbook:phrase-cards group=banned -->
    <!-- handbook:blueprint id=phone-order-enquiry -->

``KIND`` picks a renderer, ``key=value`` pairs are its arguments (a list is
comma-separated: ``ids=a,b``). CONTRIBUTING.md lists every kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = re.compile(r"^<!--\s*handbook:(?P<kind>[a-z-]+)(?P<args>(?:\s+[a-z_]+=\S+)*)\s*-->[ \t]*$", re.M)
# Anything that looks like an attempt at a marker, to catch typos.
LOOSE = re.compile(r"<!--\s*handbook\b.*?-->", re.S)


@dataclass(frozen=True)
class Marker:
    kind: str
    args: dict[str, str]
    line: int
    text: str

    def ids(self, key: str = "ids") -> list[str]:
        return [part for part in self.args.get(key, "").split(",") if part]


class MarkerError(ValueError):
    """A marker that is malformed, unknown or renders nothing."""


def find_markers(markdown: str) -> list[Marker]:
    """Every marker in ``markdown``; a malformed one raises :class:`MarkerError`."""
    found = []
    for match in MARKER.finditer(markdown):
        args = dict(pair.split("=", 1) for pair in match.group("args").split())
        line = markdown.count("\n", 0, match.start()) + 1
        found.append(Marker(match.group("kind"), args, line, match.group(0)))
    good = {m.start() for m in MARKER.finditer(markdown)}
    for loose in LOOSE.finditer(markdown):
        if loose.start() not in good:
            line = markdown.count("\n", 0, loose.start()) + 1
            raise MarkerError(
                f"line {line}: malformed marker {loose.group(0)!r}; write <!-- handbook:KIND key=value --> "
                "alone on its line"
            )
    return found
