"""Print documents → PDF with one headless Chromium (Playwright), served on loopback with the site."""

from __future__ import annotations

import datetime as _dt
import functools
import http.server
import os
import re
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .documents import Doc

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SRC_PREFIX = "/_pdf/"  # print documents and their fonts, served from a temporary folder beside the site

# Shrink a card's text until it fits its cell of the sheet.
FIT_CARDS = """() => {
  for (const card of document.querySelectorAll('.hb-deck__card')) {
    let size = parseFloat(getComputedStyle(card).fontSize);
    while (card.scrollHeight > card.clientHeight + 1 && size > 6) {
      size -= 0.25;
      card.style.fontSize = size + 'px';
    }
  }
}"""
FILL_TOC = """dests => {
  for (const el of document.querySelectorAll('.hb-toc__num')) el.textContent = dests[el.dataset.dest] || '';
}"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, site: str, sources: str, **kwargs):
        self._sources = sources
        super().__init__(*args, directory=site, **kwargs)

    def translate_path(self, path: str) -> str:
        if path.startswith(SRC_PREFIX):
            rel = path[len(SRC_PREFIX) :].split("?", 1)[0].split("#", 1)[0]
            return str(Path(self._sources) / Path(rel).name)
        return super().translate_path(path)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(site_dir: Path, sources: Path) -> Iterator[str]:
    handler = functools.partial(_Handler, site=str(site_dir), sources=str(sources))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def destinations(pdf: Path) -> dict[str, int]:
    """Named destinations (the targets of the TOC's links) and their page numbers, via pdfinfo."""
    out = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True, check=True).stdout
    dests = {}
    for line in out.splitlines():
        m = re.match(r'\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$', line)
        if m:
            dests[m.group(2)] = int(m.group(1))
    return dests


@contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def render(page, base: str, doc: Doc, sources: Path, out: Path) -> None:
    """Write ``doc`` to ``sources``, load it and print it to ``out`` (twice when it has a TOC)."""
    (sources / f"{doc.name}.html").write_text(doc.html, encoding="utf-8")
    page.goto(f"{base}{SRC_PREFIX}{doc.name}.html", wait_until="load")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    if doc.deck:
        page.emulate_media(media="print")
        page.evaluate(FIT_CARDS)
    # Header and footer are the document's own @page margin boxes (documents.page_css).
    options = dict(prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
    if doc.toc:
        first = sources / f"{doc.name}.pass1.pdf"
        page.pdf(path=str(first), **options)
        page.evaluate(FILL_TOC, {k: str(v) for k, v in destinations(first).items()})
    page.pdf(path=str(out), **options)
    pin_dates(out)
    compact(out)


def compact(pdf: Path) -> None:
    """Chromium writes every object uncompressed, and a tagged PDF's structure tree is a third of
    the file: qpdf (pikepdf) packs the objects into compressed object streams. Same pages, same
    text; the document ID is derived from the content, so builds stay byte-identical."""
    import pikepdf

    pikepdf.settings.set_flate_compression_level(9)
    with pikepdf.open(pdf, allow_overwriting_input=True) as doc:
        doc.save(pdf, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
                 recompress_flate=True, deterministic_id=True)


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}([^)]*)\)")


def pin_dates(pdf: Path) -> None:
    """Reproducible PDFs: Chromium stamps the print time; use SOURCE_DATE_EPOCH (the last commit,
    set by scripts/_setup.sh) instead. Same length, so the cross-reference offsets stay valid."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return
    stamp = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).strftime("%Y%m%d%H%M%S").encode()

    def utc(zone: bytes) -> bytes:  # "+08'00'" → "+00'00'"; "Z" stays
        return b"+00'00'" if re.fullmatch(rb"[+-]\d\d'\d\d'", zone) else zone

    pinned = _PDF_DATE.sub(lambda m: b"/%s (D:%s%s)" % (m[1], stamp, utc(m[2])), pdf.read_bytes())
    pdf.write_bytes(pinned)
