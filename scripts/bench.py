"""Measure the handbook against its performance budgets (run through ``scripts/bench``).

Timings are medians of ``--runs`` runs: the machines are shared and noisy, so
this is a report, not a test. It builds the site into ``site/`` first
(``scripts/build``), measures, prints a table and writes ``site/bench.json``.
Exit status 1 means a budget was missed.

What a "transfer" is: every response the browser asked for, as a static host
would send it: HTML, CSS, JS, JSON and SVG gzip-compressed (level 6), hashed
assets cached for a year, everything else revalidated by ETag (304, no body).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import http.server
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the search-quality set and its runner are the tests' own
from handbook.offline.precache import read_precache  # noqa: E402
from handbook.nav import DEFAULT_LANG, LANGS, lang_prefix, read_config  # noqa: E402
from handbook.pdf.render import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from search import quality  # noqa: E402

KIB = 1024
CONTENT_PAGE = "communication/phone-etiquette/"  # a typical page: prose, a phrase-card block, a table
NEXT_PAGE = "standards/catalogue/"
SERVE_PAGE, SERVE_FILE, SERVE_TEXT = "communication/phrase-cards/", "data/phrases.yml", "我会找出正确答案的。"
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
HASHED = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)$")
# Page weight, layout and search measure what a page itself loads: no service worker filling
# the offline copy in the background (bench_offline measures that).
PAGE_ONLY = {"service_workers": "block"}
KIND = {".html": "html", ".css": "css", ".js": "js", ".json": "search", ".svg": "image", ".woff2": "font", ".woff": "font", ".ttf": "font"}


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def run(cmd: list[str], cwd: Path = ROOT, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, check=True, **kwargs)


# -- builds --------------------------------------------------------------------------------


# The hooks that finish the built site (search index, offline precache) rather than render
# pages: they stand in for plugins (Material's search), so a hook-free build has no equivalent.
FINISHING_HOOKS = ("hooks/search_index.py", "hooks/offline.py")
WORDS_HOOK = "hooks/interface_text.py"


@contextmanager
def project_copy():
    """The project with its own data/ (so the serve test can edit it), a hook-free config and
    one with only the page-rendering hooks.
    (tests/conftest.py's linked_project builds the same kind of stand-in for the tests.)"""
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        project = Path(tmp)
        for name in ("docs", "hooks", "i18n", "overrides", "handbook", "scripts", ".venv", "pyproject.toml", "mkdocs.yml"):
            (project / name).symlink_to(ROOT / name)
        shutil.copytree(ROOT / "data", project / "data")
        # The templates' interface words (i18n/) come from hooks/interface_text.py: the baseline keeps it.
        (project / "no-hooks.yml").write_text(f"INHERIT: mkdocs.yml\nhooks: {json.dumps([WORDS_HOOK])}\n", encoding="utf-8")
        hooks = [h for h in read_config(ROOT / "mkdocs.yml")["hooks"] if h not in FINISHING_HOOKS]
        (project / "page-hooks.yml").write_text(f"INHERIT: mkdocs.yml\nhooks: {json.dumps(hooks)}\n", encoding="utf-8")
        yield project


def build_seconds(project: Path, config: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds of a clean, non-strict build (without hooks the markers'
    anchors are missing). CPU time is what other jobs on a shared machine disturb least."""
    with tempfile.TemporaryDirectory() as out:
        before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        run([str(ROOT / ".venv/bin/mkdocs"), "build", "-q", "-f", config, "-d", out], cwd=project,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def bench_builds(project: Path, runs: int) -> dict:
    """The hooks' share compares page-rendering hooks with none; the finishing hooks' time
    (search index, precache) is reported on its own, not as overhead on a site without search."""
    configs = {"without": "no-hooks.yml", "page_hooks": "page-hooks.yml", "with": "mkdocs.yml"}
    samples: dict[str, list[tuple[float, float]]] = {k: [] for k in configs}
    for _ in range(runs):  # interleaved, so a noisy minute hurts all alike
        for key, config in configs.items():
            samples[key].append(build_seconds(project, config))
    wall = {k: median([w for w, _ in v]) for k, v in samples.items()}
    cpu = {k: median([c for _, c in v]) for k, v in samples.items()}
    return {"build_s": wall["with"], "build_without_hooks_s": wall["without"],
            "build_cpu_s": cpu["with"], "build_without_hooks_cpu_s": cpu["without"],
            "build_page_hooks_cpu_s": cpu["page_hooks"],
            "finishing_hooks_cpu_s": round(cpu["with"] - cpu["page_hooks"], 3),
            "hooks_overhead": round(cpu["page_hooks"] / cpu["without"] - 1, 3), "samples": samples}


def bench_check(runs: int) -> dict:
    """Wall-clock seconds of ``scripts/check`` (the contributor's quick feedback)."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(ROOT / "scripts/check")], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return {"check_s": median(samples), "samples": samples}


def bench_serve(project: Path, runs: int) -> dict:
    """Seconds from saving a data file until ``scripts/serve`` returns the changed page."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{SERVE_PAGE}"
    data = project / SERVE_FILE
    original = data.read_text(encoding="utf-8")
    assert SERVE_TEXT in original, f"{SERVE_FILE} no longer contains {SERVE_TEXT!r}: update scripts/bench.py"
    serve = subprocess.Popen([str(project / "scripts/serve"), "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(url, lambda body: SERVE_TEXT in body, timeout=180)
        seconds = []
        for n in range(runs):
            time.sleep(3)  # an edit to an idle preview: the last rebuild's search index is written
            marker = f"BENCH{n}{time.time_ns()}"
            start = time.perf_counter()
            data.write_text(original.replace(SERVE_TEXT, SERVE_TEXT + marker, 1), encoding="utf-8")
            wait_for(url, lambda body: marker in body, timeout=120)
            seconds.append(time.perf_counter() - start)
            data.write_text(original, encoding="utf-8")
            wait_for(url, lambda body: marker not in body, timeout=120)
        return {"serve_data_edit_s": median(seconds)}
    finally:
        os.killpg(serve.pid, 15)
        serve.wait()


def wait_for(url: str, ok, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                if ok(response.read().decode("utf-8")):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show the expected change within {timeout} s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- what readers download -----------------------------------------------------------------


class StaticHost(http.server.ThreadingHTTPServer):
    """Serves the built site like a typical static host and logs every transfer."""

    def __init__(self, site: Path):
        self.site = site
        self.log: list[dict] = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _HostHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def take_log(self) -> list[dict]:
        with self.lock:
            log, self.log = self.log, []
        return log


class _HostHandler(http.server.BaseHTTPRequestHandler):
    server: StaticHost
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        rel = urllib.parse.unquote(self.path.split("?")[0]).lstrip("/")
        path = self.server.site / rel
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return self._send(404, b"", {}, rel)
        body = path.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        headers = {"ETag": etag, "Content-Type": self.guess_type(path),
                   "Cache-Control": "public, max-age=31536000, immutable" if HASHED.search(path.name) else "no-cache"}
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, b"", headers, rel)
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers["Content-Encoding"] = "gzip"
        self._send(200, body, headers, rel)

    def guess_type(self, path: Path) -> str:
        types = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
                 ".json": "application/json", ".svg": "image/svg+xml"}
        return types.get(path.suffix, "application/octet-stream")

    def _send(self, status: int, body: bytes, headers: dict, rel: str) -> None:
        head = f"HTTP/1.1 {status} {self.responses[status][0]}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in {**headers, "Content-Length": len(body)}.items()) + "\r\n"
        self.wfile.write(head.encode("latin-1") + body)
        suffix = Path(rel or "index.html").suffix or ".html"
        with self.server.lock:
            self.server.log.append({"path": rel, "status": status, "bytes": len(head) + len(body),
                                    "kind": KIND.get(suffix, "other")})


@contextmanager
def static_host(site: Path):
    host = StaticHost(site)
    thread = threading.Thread(target=host.serve_forever, daemon=True)
    thread.start()
    try:
        yield host
    finally:
        host.shutdown()


def by_kind(log: list[dict]) -> dict:
    totals: dict[str, int] = {}
    for entry in log:
        totals[entry["kind"]] = totals.get(entry["kind"], 0) + entry["bytes"]
    return totals


def visit(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


def bench_page_weight(browser, host: StaticHost) -> dict:
    """First visit with an empty cache, the same page again, then the next page."""
    out = {}
    for lang in LANGS:
        prefix = lang_prefix(lang)
        context = browser.new_context(**PAGE_ONLY)
        page = context.new_page()
        host.take_log()
        visit(page, host.url + prefix + CONTENT_PAGE)
        first_log = host.take_log()
        visit(context.new_page(), host.url + prefix + CONTENT_PAGE)
        repeat = by_kind(host.take_log())
        visit(page, host.url + prefix + NEXT_PAGE)
        following = by_kind(host.take_log())
        context.close()
        first = by_kind(first_log)
        out[lang] = {
            "first_visit": first,
            "first_visit_kib": round(sum(v for k, v in first.items() if k != "search") / KIB, 1),
            "repeat_visit_kib": round(sum(repeat.values()) / KIB, 1),
            "next_page_kib": round(sum(following.values()) / KIB, 1),
            "font_requests": sum(1 for entry in first_log if entry["kind"] == "font"),
        }
    return out


LAYOUT_SHIFT = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 1000);
})"""


def bench_layout_shift(browser, host: StaticHost) -> dict:
    shifts = {}
    for rel in ("", *(lang_prefix(lang) + CONTENT_PAGE for lang in LANGS), "glossary/"):
        context = browser.new_context(**PAGE_ONLY)
        page = context.new_page()
        visit(page, host.url + rel)
        shifts[rel or "/"] = round(page.evaluate(LAYOUT_SHIFT), 4)
        context.close()
    return {"cls_max": max(shifts.values()), "cls": shifts}


# -- search ---------------------------------------------------------------------------------


def bench_search(browser, host: StaticHost, runs: int) -> dict:
    """Per language and per question set (tests/search/: heldout.yml and heldout3.yml, never tuned
    on, are the figures that count; dev.yml, the first held-out set, and queries.yml were tuned on): top-1 and top-3 hit rates, the share
    that found nothing, and the time from the last keystroke (its input event) to the results,
    typed like a reader (tests/search/quality.py). Then a first-time reader on a slow phone
    connection: what search fetches, gzip as the host sends it, and how long the results take."""
    out = {}
    for lang in LANGS:
        prefix = lang_prefix(lang)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, **PAGE_ONLY)
        page = context.new_page()
        sets = {}
        for name, path in (("heldout", quality.HELD_OUT), ("heldout3", quality.HELD_OUT_3), ("dev", quality.DEV),
                           ("tuned", quality.QUERIES)):
            queries = quality.load_queries(path)[lang]
            times: list[float] = []
            for _ in range(runs):
                outcomes = quality.run(page, host.url.rstrip("/"), lang, queries)
                times += [o.ms for o in outcomes]
            times.sort()
            sets[name] = {
                "queries": len(outcomes),
                "top1": round(quality.hit_rate(outcomes, 1) * 100, 1),
                "top3": round(quality.hit_rate(outcomes, 3) * 100, 1),
                "nothing_found": round(quality.zero_rate(outcomes) * 100, 1),
                # Not for the held-out sets: reading their misses would be tuning on them.
                **({} if name.startswith("heldout") else
                   {"misses": [(o.query, o.expected[0], o.found[:3]) for o in outcomes if o.rank != 1]}),
                "latency_ms_median": round(median(times), 1),
                "latency_ms_p95": round(times[int(len(times) * 0.95) - 1], 1),
            }
        context.close()
        first = quality.load_queries()[lang][0]["q"]
        out[lang] = {**sets, **first_query(browser, host, prefix, first)}
    return out


# A slow phone connection, as Chromium emulates it (DevTools' own "slow" profiles are close).
SLOW = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 0.75e6 / 8}


def first_query(browser, host: StaticHost, prefix: str, query: str) -> dict:
    """A first-time reader on a slow connection with a cold cache, typing at a person's pace
    (150 ms a key, a Chinese phrase committed at once) two ways: a while after the page has
    loaded (the index's first file comes when the page is idle), and as soon as it has loaded.
    Reports the wait from the last keystroke to the results, and the search files fetched from
    opening the page to the results (gzip as sent)."""
    out = {}
    for name, pause_ms in (("after_reading", 3000), ("at_once", 0)):
        context = browser.new_context(viewport={"width": 390, "height": 844}, **PAGE_ONLY)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW)
        host.take_log()
        page.goto(host.url + prefix, wait_until="load")
        page.wait_for_timeout(pause_ms)
        page.evaluate(quality.TIMER)
        page.click('label.md-header__button[for="__search"]')  # the phone header's search button
        if query.isascii():
            page.keyboard.type(query, delay=150)
        else:
            page.keyboard.insert_text(query)
        page.wait_for_function("q => document.querySelector('.md-search-result__list').dataset.query === q",
                               arg=query, timeout=60000)
        wait = page.evaluate("q => window.__hbTimes[q]", query)
        page.wait_for_load_state("networkidle")
        fetched = [r for r in host.take_log() if r["path"].startswith("search/")]
        context.close()
        out[f"first_query_{name}_ms"] = round(wait)
        out[f"first_query_{name}_kib"] = round(sum(r["bytes"] for r in fetched) / KIB, 1)
        out[f"first_query_{name}_files"] = {r["path"]: r["bytes"] for r in fetched}
    return out


# -- offline copy --------------------------------------------------------------------------


def bench_offline(browser, host: StaticHost, site: Path) -> dict:
    """What sw.js stores on the device, and what the first visit downloads in the background
    to fill it, as the host sends it (tests/test_offline.py's wait_until_saved is the twin
    of the wait here)."""
    entries = read_precache(site)
    context = browser.new_context()
    page = context.new_page()
    host.take_log()
    visit(page, host.url)
    page.locator("[data-hb-offline]").filter(has_text="✓").wait_for(timeout=300_000)
    transfer = sum(entry["bytes"] for entry in host.take_log())
    context.close()
    return {"precache_files": len(entries), "precache_mib": round(sum(size for *_, size in entries) / KIB / KIB, 2),
            "first_visit_with_offline_copy_mib": round(transfer / KIB / KIB, 2),
            "first_visit_seconds_at_mbit_s": {speed: round(transfer * 8 / (speed * 1e6)) for speed in (0.4, 1.6, 10)}}


# -- PDFs and page basics -------------------------------------------------------------------


def bench_pdf(site: Path, runs: int) -> dict:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        run([str(ROOT / ".venv/bin/python"), "-m", "handbook.pdf", "--site", str(site)], stdout=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
    sizes = {p.stem: round(p.stat().st_size / KIB / KIB, 2) for p in sorted((site / "pdf").glob("*.pdf"))}
    return {"pdf_s": median(seconds), "pdf_count": len(sizes), "pdf_mib": sizes}


def page_basics(site: Path) -> dict:
    """Pages missing what Lighthouse's basic audits look for."""
    missing: dict[str, list[str]] = {"title": [], "description": [], "lang": [], "hreflang": [], "image size": []}
    pages = [p for p in site.rglob("index.html")]
    for path in pages:
        html = path.read_text(encoding="utf-8")
        rel = path.relative_to(site).as_posix()
        lang = next((code for code in LANGS if code != DEFAULT_LANG and rel.startswith(code + "/")), DEFAULT_LANG)
        checks = {
            "title": re.search(r"<title>[^<]+</title>", html),
            "description": re.search(r'<meta name="description" content="[^"]+">', html),
            "lang": f'<html lang="{lang}"' in html,
            "hreflang": all(re.search(f'<link rel="alternate" [^>]*hreflang="{code}"', html) for code in LANGS),
            "image size": all("width=" in img and "height=" in img for img in re.findall(r"<img\b[^>]*>", html)),
        }
        for name, ok in checks.items():
            if not ok:
                missing[name].append(rel)
    return {"pages_checked": len(pages), "missing": missing}


# -- report ---------------------------------------------------------------------------------


def budgets(f: dict) -> list[dict]:
    rows = [
        ("Page-rendering hooks' share of a clean build (CPU time)", f["builds"]["hooks_overhead"] * 100, 25, "%"),
        ("scripts/check, share of a clean build", f["check"]["check_s"] / f["builds"]["build_s"] * 100, 50, "%"),
        ("Data edit shown by scripts/serve", f["serve"]["serve_data_edit_s"] if f.get("serve") else None, 3, "s"),
    ]
    for lang in LANGS:
        weight, search = f["weight"][lang], f["search"][lang]
        rows += [
            (f"First visit, content page ({lang})", weight["first_visit_kib"], 150, "KiB"),
            (f"Repeat visit, same page ({lang})", weight["repeat_visit_kib"], 20, "KiB"),
            (f"Search top-3, held-out questions ({lang}, {search['heldout']['queries']})", search["heldout"]["top3"],
             95, "%", ">="),
            (f"Search top-1, held-out questions ({lang})", search["heldout"]["top1"], 80, "%", ">="),
            (f"Search found nothing, held-out questions ({lang})", search["heldout"]["nothing_found"], 0, "%"),
            (f"Search top-3, held-out set 3 ({lang}, {search['heldout3']['queries']})", search["heldout3"]["top3"],
             95, "%", ">="),
            (f"Search top-1, held-out set 3 ({lang})", search["heldout3"]["top1"], 80, "%", ">="),
            (f"Search found nothing, held-out set 3 ({lang})", search["heldout3"]["nothing_found"], 0, "%"),
            (f"Search top-3, development set ({lang}, {search['dev']['queries']})", search["dev"]["top3"], 95, "%", ">="),
            (f"Search top-1, tuned set ({lang}, {search['tuned']['queries']})", search["tuned"]["top1"], 90, "%", ">="),
            (f"Search top-3, tuned set ({lang})", search["tuned"]["top3"], 100, "%", ">="),
            (f"Search results after last keystroke, p95 ({lang})", search["tuned"]["latency_ms_p95"], 100, "ms"),
            (f"Search files for a first query, gzip ({lang})", search["first_query_at_once_kib"], 60, "KiB"),
            (f"First query on a slow phone connection ({lang})", search["first_query_at_once_ms"], 1000, "ms"),
        ]
    missing = sum(len(v) for v in f["basics"]["missing"].values())
    rows += [
        ("Pages missing title/description/lang/hreflang/image size", missing, 0, ""),
        ("Layout shift (CLS, worst sampled page)", f["layout"]["cls_max"], 0.1, ""),
        ("Web fonts requested", sum(f["weight"][lang]["font_requests"] for lang in LANGS), 0, ""),
        (f"Whole handbook PDF ({DEFAULT_LANG})", f["pdf"]["pdf_mib"].get(f"handbook-{DEFAULT_LANG}") if f.get("pdf") else None,
         3, "MiB"),
        ("Offline copy stored on the device (precache)", f["offline"]["precache_mib"], 8, "MiB"),
    ]
    def met(value, limit, direction):
        return None if value is None else value >= limit if direction == ">=" else value <= limit

    return [{"budget": name, "value": value, "limit": limit, "unit": unit, "at_least": rest == (">=",),
             "met": met(value, limit, *(rest or ("<=",)))} for name, value, limit, unit, *rest in rows]


def print_table(rows: list[dict], figures: dict) -> None:
    width = max(len(r["budget"]) for r in rows)
    print(f"\n{'Budget':<{width}}  {'value':>9}  {'limit':>7}  met")
    for r in rows:
        value = "skipped" if r["value"] is None else f"{r['value']:.4g}{r['unit']}"
        met = "-" if r["met"] is None else ("yes" if r["met"] else "NO")
        limit = ("≥" if r["at_least"] else "") + f"{r['limit']}"
        print(f"{r['budget']:<{width}}  {value:>9}  {limit:>5}{r['unit']:<2}  {met}")
    b = figures["builds"]
    print(f"\nClean build {b['build_s']} s ({b['build_cpu_s']} s CPU), without the project's hooks "
          f"{b['build_without_hooks_s']} s ({b['build_without_hooks_cpu_s']} s CPU); of the CPU time, "
          f"{b['finishing_hooks_cpu_s']} s is the search index and the offline precache.")
    for lang in LANGS:
        w = figures["weight"][lang]
        q = figures["search"][lang]
        print(f"{lang}: first visit {w['first_visit']} bytes by kind, next page {w['next_page_kib']} KiB; "
              f"search latency median {q['tuned']['latency_ms_median']} ms; on a slow connection, a first query "
              f"typed after reading waits {q['first_query_after_reading_ms']} ms ({q['first_query_after_reading_kib']} "
              f"KiB), typed at once {q['first_query_at_once_ms']} ms ({q['first_query_at_once_kib']} KiB)")
        for name in ("dev", "tuned"):
            print(f"  {name}: not first: {q[name]['misses']}")
    o = figures["offline"]
    print(f"Offline copy: {o['precache_files']} files, {o['precache_mib']} MiB stored; the first visit downloads "
          f"{o['first_visit_with_offline_copy_mib']} MiB with it (in the background), seconds at Mbit/s: {o['first_visit_seconds_at_mbit_s']}")
    if figures.get("pdf"):
        p = figures["pdf"]
        print(f"PDFs: {p['pdf_count']} in {p['pdf_s']} s; MiB: {p['pdf_mib']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per timed figure (median); default 3")
    parser.add_argument("--skip-pdf", action="store_true", help="leave out the PDF timing (about 2 min a run)")
    parser.add_argument("--skip-serve", action="store_true", help="leave out the scripts/serve rebuild timing")
    parser.add_argument("--skip-lighthouse", action="store_true", help="leave out Lighthouse (scripts/lighthouse.py)")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    site = ROOT / "site"
    run([str(ROOT / "scripts/build"), "-q"])
    figures: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform()}, "runs": args.runs}
    with project_copy() as project:
        print("Timing clean builds …", file=sys.stderr)
        figures["builds"] = bench_builds(project, args.runs)
        figures["check"] = bench_check(args.runs)
        if not args.skip_serve:
            print("Timing scripts/serve after a data edit …", file=sys.stderr)
            figures["serve"] = bench_serve(project, args.runs)
    print("Loading pages and searching in Chromium …", file=sys.stderr)
    with static_host(site) as host, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        figures["weight"] = bench_page_weight(browser, host)
        figures["layout"] = bench_layout_shift(browser, host)
        figures["search"] = bench_search(browser, host, args.runs)
        figures["offline"] = bench_offline(browser, host, site)
        browser.close()
    figures["basics"] = page_basics(site)
    if not args.skip_pdf:
        print("Timing scripts/pdf …", file=sys.stderr)
        figures["pdf"] = bench_pdf(site, args.runs)

    if not args.skip_lighthouse:
        import lighthouse  # scripts/lighthouse.py: five pages, phone and desktop, the four scores

        figures["lighthouse"] = lighthouse.bench(site)
    rows = budgets(figures)
    print_table(rows, figures)
    if figures.get("lighthouse"):
        lighthouse.print_scores(figures["lighthouse"])
    (site / "bench.json").write_text(json.dumps({"budgets": rows, "figures": figures}, ensure_ascii=False, indent=2),
                                     encoding="utf-8")
    print(f"\nWritten to {site / 'bench.json'}")
    return 1 if any(r["met"] is False for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
