"""Checklists (``- [ ] …``) are printed worksheets, not forms: hide their
disabled checkboxes from assistive technology so screen readers read the item
text instead of an unlabelled control (axe: label)."""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input type="checkbox" disabled(?P<checked> checked)?/?>')


def on_page_content(html, page, config, files):
    return _CHECKBOX.sub(lambda m: f'<input type="checkbox" disabled{m["checked"] or ""} aria-hidden="true" tabindex="-1">', html)
