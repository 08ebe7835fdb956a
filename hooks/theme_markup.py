"""Two fixes to Material's page frame that no partial can make (it is written by base.html).

- The drawer and search switches are checkboxes with ``autocomplete="off"``, which HTML allows
  on text-like inputs only (the Nu HTML Checker's error on every page). Material added it so
  that Firefox does not restore an open drawer when a page is reloaded; without it Firefox may
  do that, and the reader closes it as usual.
- The ``<link rel="alternate" hreflang>`` of each language in the head are relative (``./``,
  ``../../en/…``; ``/`` and ``/en/`` on the home pages). Search engines want absolute addresses
  there (Lighthouse's SEO audit fails relative ones), so they become the public address from
  ``site_url``, as the canonical link is. The language switcher in the header stays relative
  (overrides/partials/alternate.html): a copy on an intranet or a laptop stays on itself.
  Material looks for a sitemap.xml beside each alternate; language-switch.js stops that before
  any request goes out, absolute or not.

tests/test_markup.py runs the Nu HTML Checker over the built site; tests/test_site.py checks the
alternates.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

_CHECKBOX = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__\w+") autocomplete="off">')
_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def absolute_alternates(html: str, site_url: str, page_url: str) -> str:
    """Head alternates as absolute URLs under ``site_url``: a relative one is resolved from the
    page's own address, a root-relative one (static-i18n's ``/``, ``/en/``) from ``site_url``."""
    base = site_url.rstrip("/") + "/"
    page_address = urljoin(base, page_url)

    def absolute(match: re.Match) -> str:
        href, lang = match.groups()
        target = base + href.lstrip("/") if href.startswith("/") else urljoin(page_address, href)
        return f'<link rel="alternate" href="{target}" hreflang="{lang}">'

    return _ALTERNATE.sub(absolute, html)


def valid_frame(html: str) -> str:
    return _CHECKBOX.sub(r"\1>", html)


def on_post_page(output, page, config):
    output = valid_frame(output)
    if config.site_url:
        output = absolute_alternates(output, config.site_url, page.url)
    return output


def on_post_template(output_content, template_name, config):
    """404.html and the other pages written from a template alone (no alternates there)."""
    return valid_frame(output_content)
