"""Headless Chromium (Debian's package) driven by Playwright.

Playwright's own browser download is blocked here, so the tests launch
/usr/bin/chromium. Every request a page makes is recorded, so a test can
assert that none leaves the disk or the local server.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from trees import Tree

from scripts.chromium import ARGS, CHROMIUM


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session; fails loudly when it is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test does, as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


class RecordedPage:
    """A page plus the list of every URL it requested."""

    def __init__(self, browser, **context_args):
        self.context = browser.new_context(**context_args)
        self.requests: list[str] = []
        self.context.on("request", lambda req: self.requests.append(req.url))
        self.page = self.context.new_page()

    def close(self):
        self.context.close()


@pytest.fixture
def recorded(browser):
    """A fresh browser context whose requests are all recorded."""
    pages = []

    def make(**context_args) -> RecordedPage:
        rp = RecordedPage(browser, **context_args)
        pages.append(rp)
        return rp

    yield make
    for rp in pages:
        rp.close()


@pytest.fixture(scope="session")
def server(built):
    """The online build (site/) served on 127.0.0.1 at an ephemeral port; yields its base URL."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(built / "site"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture(scope="session")
def online(built, server, engine) -> Tree:
    """The online build, served over HTTP."""
    return Tree("online", built / "site", server, engine)


@pytest.fixture(scope="session")
def offline(bundle_dir, engine) -> Tree:
    """The offline bundle, opened from disk."""
    return Tree("bundle", bundle_dir, bundle_dir.as_uri() + "/", engine)


@pytest.fixture(scope="session", params=["online", "bundle"])
def tree(request, engine) -> Tree:
    """Each build in turn: the online site, then the bundle (for each engine: named
    here so that pytest parametrizes it, as getfixturevalue alone would not)."""
    return request.getfixturevalue("online" if request.param == "online" else "offline")
