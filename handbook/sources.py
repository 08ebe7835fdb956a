"""Whose is an example or a tip box: the course's, the handbook's, or a note on using the handbook.

Every ``example`` and ``tip`` admonition names its source with one extra class after its kind:

- ``hb-course``: it retells the course (a course case, the course's advice);
- ``hb-handbook``: the handbook wrote it (an example, a tip); the built page shows the
  本手册补充 / Handbook addition badge in its title;
- ``hb-guide``: it is about using the handbook itself (where to start, how to search), not content.

``!!! example hb-handbook "实践中"``. Whole passages the handbook adds may also go in an
``hb-addition`` box, which needs no source class. :mod:`handbook.check.sources` reports a box
without one; ``hooks/provenance.py`` puts the badge or the course tag in the title.
"""

from __future__ import annotations

import re

SOURCED_KINDS = ("example", "tip")
SOURCES = ("hb-course", "hb-handbook", "hb-guide")
BOX = re.compile(r'^(?P<indent>\s*)(?:!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?P<classes>(?:\s+[\w-]+)*)(?:\s+"(?P<title>.*)")?\s*$')
