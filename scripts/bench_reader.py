"""Measure what a reader downloads and waits for; prints, asserts nothing.

Given a built site/ and the offline bundle (it builds nothing), prints for
every page its weight (the page and every file it loads, uncompressed, and
as a server transfers it with gzip) and its number of requests, online (site/ served on 127.0.0.1) and from the
unzipped bundle (file://); the search index's size; and the time to first
contentful paint of the home page opened from disk in headless Chromium.
scripts/bench calls main().
"""

from __future__ import annotations

import argparse
import functools
import gzip
import statistics
import sys
import tempfile
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts.chromium import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
EX_OK, EX_USAGE = 0, 2


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _pages(root: Path, base: str) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): base + p.relative_to(root).as_posix() for p in sorted(root.rglob("*.html"))}


def _file_for(root: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None
    path = root / unquote(urlsplit(url).path.removeprefix(urlsplit(base).path))
    return path / "index.html" if path.is_dir() else path


@functools.cache
def gzipped_size(path: Path) -> int:
    """Bytes of `path` as a server sends it with gzip (level 6, as nginx and GitHub Pages do)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def _measure(browser, root: Path, base: str) -> list[tuple[str, int, int, int, int]]:
    """[(page, bytes, gzip bytes, requests, requests leaving)] for every page, each opened cold."""
    rows = []
    for name, url in _pages(root, base).items():
        seen: list[str] = []
        context = browser.new_context()
        context.on("request", lambda r, seen=seen: seen.append(r.url))
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        context.close()
        files = {_file_for(root, base, u) for u in seen}
        files = sorted(f for f in files if f and f.is_file())
        size = sum(f.stat().st_size for f in files)
        leaving = sum(1 for u in seen if not u.startswith((base, "data:", "blob:", "about:")))
        rows.append((name, size, sum(gzipped_size(f) for f in files), len(seen), leaving))
    return rows


def _first_paint(browser, url: str, runs: int) -> list[float]:
    """Milliseconds to first contentful paint, each run in a fresh context."""
    times = []
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url, wait_until="load")
        fcp = page.evaluate("""() => new Promise(resolve => {
            const e = performance.getEntriesByName("first-contentful-paint")[0];
            if (e) return resolve(e.startTime);
            new PerformanceObserver(l => resolve(l.getEntries()[0].startTime)).observe({type: "paint", buffered: true});
        })""")
        times.append(fcp)
        context.close()
    return times


def _table(title: str, rows) -> None:
    print(f"\n{title}")
    print(f"  {'page':40} {'bytes':>10} {'gzip':>9} {'requests':>9} {'leaving':>8}")
    for name, size, packed, count, leaving in rows:
        print(f"  {name:40} {size:>10,} {packed:>9,} {count:>9} {leaving:>8}")


def main(argv: list[str] | None = None) -> int:
    """Print the reader's figures; exit 2 when the site or bundle is missing."""
    parser = argparse.ArgumentParser(prog="scripts/bench_reader.py", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "secure-communities-annotated.zip")
    parser.add_argument("--runs", type=int, default=5, help="first-render runs (default 5)")
    args = parser.parse_args(argv)
    for path in (args.site, args.bundle):
        if not path.exists():
            print(f"bench_reader: {path} is missing: run scripts/build first", file=sys.stderr)
            return EX_USAGE
    from playwright.sync_api import sync_playwright

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    online = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
            bundle = Path(tmp)
            with zipfile.ZipFile(args.bundle) as zf:
                zf.extractall(bundle)
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            _table(f"online ({args.site})", _measure(browser, args.site, online))
            _table(
                f"bundle from disk ({args.bundle.name}, {args.bundle.stat().st_size:,} bytes zipped)",
                _measure(browser, bundle, bundle.as_uri() + "/"),
            )
            print("\nsearch index")
            for path in (args.site / "search" / "search_index.json", bundle / "search" / "search_index.js"):
                if path.exists():
                    print(f"  {path.name:40} {path.stat().st_size:>10,} bytes")
            times = _first_paint(browser, (bundle / "index.html").as_uri(), args.runs)
            print(
                f"\nfirst contentful paint, home page from disk ({args.runs} runs): "
                f"median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, max {max(times):.0f} ms"
            )
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return EX_OK


if __name__ == "__main__":
    sys.exit(main())
