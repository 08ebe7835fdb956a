"""A fix to Material's page frame that no partial can make (it is written by base.html outside
any block): the drawer and search switches are checkboxes with ``autocomplete="off"``, which
HTML allows on text-like inputs only (the Nu HTML Checker's error on every page). Material added
it so that Firefox does not restore an open drawer when a page is reloaded; without it Firefox
may do that, and the reader closes it as usual.

The head's alternates are made absolute by the site_meta block in overrides/main.html.
tests/test_markup.py runs the Nu HTML Checker over the built site; tests/test_site.py checks the
alternates.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__\w+") autocomplete="off">')


def valid_frame(html: str) -> str:
    return _CHECKBOX.sub(r"\1>", html)


def on_post_page(output, page, config):
    return valid_frame(output)


def on_post_template(output_content, template_name, config):
    """404.html and the other pages written from a template alone."""
    return valid_frame(output_content)
