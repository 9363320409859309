"""Headless Chromium (Debian's package) driven by Playwright.

Playwright's own browser download is blocked here, so the tests launch
/usr/bin/chromium. Every request a page makes is recorded, so a test can
assert that none leaves the disk or the local server.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


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
