"""Checklists (``- [ ] …``) are printed worksheets, not forms: hide their
disabled checkboxes from assistive technology so screen readers read the item
text instead of an unlabelled control (axe: label). The box is drawn by
handbook/templates/task-checkbox.html."""

from __future__ import annotations

import re

from handbook.templating import render

_CHECKBOX = re.compile(r'<input type="checkbox" disabled(?P<checked> checked)?/?>')


def on_page_content(html, page, config, files):
    return _CHECKBOX.sub(lambda m: str(render("task-checkbox.html", checked=bool(m["checked"]))), html)
