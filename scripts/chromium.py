"""How this project launches Chromium: Debian's build, headless, offline.

Playwright's own browser download is blocked here, so the tests and the
benchmark launch /usr/bin/chromium (or the build named by $CHROMIUM). The
flags keep it from reaching the network on its own: without them it tries
Google's hosts at every start.
"""

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
