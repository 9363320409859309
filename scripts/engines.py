"""Run one strict build of the site with MkDocs or Zensical.

Both engines read the same `mkdocs.yml`. A build gets a small generated
config that INHERITs the real one and adds what differs per run (where to
write, the published address, the offline edition's size): Zensical has no
`-d` and neither engine takes `extra` values on its command line. That file
sits in the repository root, because both resolve `docs_dir` against the
config's folder, and is removed afterwards.

Each engine's output is restated in one shape, `path:line:col: message`,
without colour codes or tracebacks, so a contributor reads the same kind of
line whichever engine failed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"  # Zensical is still alpha (0.0.x)

ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Zensical's warnings: "Warning: page does not exist", then a frame whose
# first line names "[ methodology.md:98:10 ]" (relative to docs_dir).
ZENSICAL_WARNING = re.compile(r"^(Warning|Error): (.*)$")
ZENSICAL_PLACE = re.compile(r"\[ (\S+):(\d+):(\d+) \]")
ZENSICAL_SOURCE = re.compile(r"^\s*(\d+) │ (.*)$")  # the quoted source line: " 98 │ [a](b.md)"


class BuildError(Exception):
    """A build that cannot start (no engine, unreadable config); its message says why."""


def zensical_command() -> str:
    """The Zensical executable: $ZENSICAL, else the project's .venv-zensical, else PATH."""
    root = Path(__file__).resolve().parent.parent
    for candidate in (os.environ.get("ZENSICAL"), root / ".venv-zensical" / "bin" / "zensical"):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    found = shutil.which("zensical")
    if not found:
        raise BuildError(
            "Zensical is not installed\nhelp: scripts/build --engine zensical installs requirements/zensical.txt"
        )
    return found


def check_config(root: Path, name: str) -> None:
    """Parse a config, and each config it INHERITs, as YAML first, so that a
    syntax error names its file and line under either engine."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !relative, !ENV: MkDocs' own tags
    path = root / name
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    except OSError as err:
        raise BuildError(f"{name}: cannot read: {err.strerror}") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        problem = getattr(err, "problem", None) or str(err)
        raise BuildError(f"{where}: malformed YAML: {problem}\nhelp: fix the YAML syntax of {name}") from None
    parent = config.get("INHERIT") if isinstance(config, dict) else None
    if isinstance(parent, str):
        check_config(root, (Path(name).parent / parent).as_posix())


def write_run_config(root: Path, base: str, dest: Path, overrides: dict, tag: str) -> Path:
    """A config in `root` that inherits `base`, writes into `dest` and adds `overrides`."""
    settings = {"INHERIT": base, "site_dir": dest.relative_to(root).as_posix(), **overrides}
    path = root / f".sitebuild-{os.getpid()}-{tag}.yml"
    # JSON is YAML: every value is quoted exactly, whatever it holds.
    path.write_text(json.dumps(settings, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def restate_zensical(output: str) -> list[str]:
    """Zensical's report as plain `docs/path:line:col: message` lines; no colour, no traceback."""
    lines, pending, place = [], None, None
    for raw in ANSI.sub("", output).splitlines():
        if raw.startswith("Traceback"):
            break
        warning = ZENSICAL_WARNING.match(raw.strip())
        where = ZENSICAL_PLACE.search(raw)
        source = ZENSICAL_SOURCE.match(raw)
        if warning:
            if pending:
                lines.append(pending)
            pending, place = f"zensical: {warning.group(1).lower()}: {warning.group(2)}", None
        elif where and pending:
            place = where.groups()
        elif source and pending and place:
            # The column points at the link target (or its anchor): name it,
            # as MkDocs does.
            path, line, col = place
            target = re.match(r"[^)\s]*", source.group(2)[int(col) - 1 :]).group(0)
            lines.append(f"docs/{path}:{line}:{col}: {pending}: {target}")
            pending, place = None, None
        elif re.match(r"^\d+ issues? found$", raw.strip()):
            lines.append(f"zensical: {raw.strip()}")
    if pending:
        lines.append(pending)
    return lines


def run_build(engine: str, root: Path, base: str, dest: Path, overrides: dict, env: dict[str, str]) -> bool:
    """Build `base` (a config name in `root`) into `dest` with `engine`, strictly; True on success."""
    check_config(root, base)
    tag = dest.name
    config = write_run_config(root, base, dest, overrides, tag)
    print(f"build: {engine} build of {base}", file=sys.stderr)
    try:
        if engine == "mkdocs":
            # Not --quiet: it drops warnings before --strict counts them, so
            # broken links would pass. INFO lines are filtered here instead.
            cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config.name]
        else:
            cmd = [zensical_command(), "build", "--strict", "--clean", "-f", config.name]
        result = subprocess.run(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    finally:
        config.unlink(missing_ok=True)
    if engine == "mkdocs":
        report = [line for line in result.stdout.splitlines() if not line.startswith("INFO")]
    else:
        report = restate_zensical(result.stdout)
    for line in report:
        print(line.replace(config.name, base), file=sys.stderr)
    return result.returncode == 0
