"""The one marker syntax pages use to ask for generated content.

A marker is an HTML comment alone on its line (invisible when the Markdown is
read on GitHub)::

    <!-- handbook:phrase-cards group=banned -->
    <!-- handbook:blueprint id=phone-order-enquiry -->

``KIND`` picks a renderer, ``key=value`` pairs are its arguments (a list is
comma-separated: ``ids=a,b``). CONTRIBUTING.md lists every kind. A marker shown as code, in a
fenced block or in backticks (a page explaining markers), is code: left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = re.compile(r"^<!--\s*handbook:(?P<kind>[a-z-]+)(?P<args>(?:\s+[a-z_]+=\S+)*)\s*-->[ \t]*$", re.M)
# Anything that looks like an attempt at a marker, to catch typos.
LOOSE = re.compile(r"<!--\s*handbook\b.*?-->", re.S)


_FENCE = re.compile(r"[ \t]*(?P<fence>`{3,}|~{3,})")
# An inline code span as Python-Markdown finds it: a run of backticks to the next run as long,
# within one paragraph.
_CODE_SPAN = re.compile(r"(?<!\\)(?P<ticks>`+)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.S)


@dataclass(frozen=True)
class Marker:
    kind: str
    args: dict[str, str]
    line: int
    text: str
    start: int = 0  # where ``text`` is in the page's Markdown

    def ids(self, key: str = "ids") -> list[str]:
        return [part for part in self.args.get(key, "").split(",") if part]


class MarkerError(ValueError):
    """A marker that is malformed, unknown or renders nothing."""


def fenced_lines(markdown: str) -> set[int]:
    """Numbers (from 1) of the lines of fenced code blocks, fences included: ``` or ~~~, three or
    more, indented too (superfences allows fences in lists); an unclosed fence runs to the end."""
    lines, fence = set(), None
    for number, line in enumerate(markdown.splitlines(), 1):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group("fence")
                lines.add(number)
            continue
        lines.add(number)
        if match and match.group("fence")[0] == fence[0] and len(match.group("fence")) >= len(fence) \
                and not line[match.end():].strip():
            fence = None
    return lines


def code_ranges(markdown: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the code in ``markdown``: fenced blocks and inline code spans."""
    ranges, offset, fenced = [], 0, fenced_lines(markdown)
    prose: list[tuple[int, str]] = []  # (offset, text) of each run of lines outside fences
    for number, line in enumerate(markdown.splitlines(keepends=True), 1):
        if number in fenced:
            ranges.append((offset, offset + len(line)))
        elif prose and prose[-1][0] + len(prose[-1][1]) == offset:
            prose[-1] = (prose[-1][0], prose[-1][1] + line)
        else:
            prose.append((offset, line))
        offset += len(line)
    for start, text in prose:
        ranges += [(start + m.start(), start + m.end()) for m in _CODE_SPAN.finditer(text)]
    return ranges


def find_markers(markdown: str) -> list[Marker]:
    """Every marker in ``markdown`` outside code; a malformed one raises :class:`MarkerError`."""
    code = code_ranges(markdown)

    def in_code(position: int) -> bool:
        return any(start <= position < end for start, end in code)

    found = []
    for match in MARKER.finditer(markdown):
        if in_code(match.start()):
            continue
        args = dict(pair.split("=", 1) for pair in match.group("args").split())
        line = markdown.count("\n", 0, match.start()) + 1
        found.append(Marker(match.group("kind"), args, line, match.group(0), match.start()))
    good = {m.start() for m in MARKER.finditer(markdown)}
    for loose in LOOSE.finditer(markdown):
        if loose.start() not in good and not in_code(loose.start()):
            line = markdown.count("\n", 0, loose.start()) + 1
            raise MarkerError(
                f"line {line}: malformed marker {loose.group(0)!r}; write <!-- handbook:KIND key=value --> "
                "alone on its line"
            )
    return found
