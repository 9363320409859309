"""Print how long the checker and the build take, and how the checker's cost
grows with content. Prints figures; asserts nothing.

Synthetic sites are the real site with every claim page and registry entry
copied N times (ids suffixed, links rewritten), generated into a temporary
folder, so the checker does N times the real work.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from scripts.checker.__main__ import run
from scripts.checker.generate import outputs
from scripts.checker.load import load_project

ROOT = Path(__file__).resolve().parent.parent
LINK_ID = re.compile(r"((?:sources|figures)\.md#)([a-z0-9-]+)")
FORMULA_ID = re.compile(r"\{([a-z0-9-]+)\}")


def time_checker(root: Path, repeat: int = 5) -> tuple[float, int]:
    """Median seconds of a full checker run on `root`, and its diagnostics count."""
    times, count = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = len(run(root))
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def synthetic_site(dest: Path, factor: int) -> Path:
    """The real site with its claim pages and registries copied `factor` times."""
    for part in ("docs", "reference"):
        shutil.copytree(ROOT / part, dest / part)
    data = dest / "docs" / "data"
    sources = yaml.safe_load((data / "sources.yml").read_text(encoding="utf-8"))
    figures = yaml.safe_load((data / "figures.yml").read_text(encoding="utf-8"))
    originals, original_figures = list(sources), list(figures)
    pages = sorted((ROOT / "docs" / "claims").glob("fact-*.md"))
    for k in range(1, factor):
        suffix = f"-c{k}"
        sources += [{**s, "id": s["id"] + suffix} for s in originals]
        for f in original_figures:
            copy = {**f, "id": f["id"] + suffix}
            if "source" in f:
                copy["source"] = f["source"] + suffix
            if "formula" in f:
                copy["formula"] = FORMULA_ID.sub(lambda m, s=suffix: "{" + m.group(1) + s + "}", f["formula"])
            figures.append(copy)
        for page in pages:
            text = LINK_ID.sub(lambda m, s=suffix: m.group(1) + m.group(2) + s, page.read_text(encoding="utf-8"))
            (dest / "docs" / "claims" / f"{page.stem}{suffix}.md").write_text(text, encoding="utf-8")
    (data / "sources.yml").write_text(yaml.safe_dump(sources, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (data / "figures.yml").write_text(yaml.safe_dump(figures, allow_unicode=True, sort_keys=False), encoding="utf-8")
    project = load_project(dest)
    for rel, text in outputs(project, dest).items():
        (dest / rel).write_text(text, encoding="utf-8")
    return dest


PROJECT_PARTS = ("docs", "overrides", "includes", "reference", "scripts", "mkdocs.yml", "mkdocs-offline.yml")


def copy_project(dest: Path) -> Path:
    """What a build reads, copied to `dest`."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / part)
    return dest


def run_seconds(cmd: list[str], cwd: Path) -> float:
    """Wall-clock seconds of one whole process; NaN (and its output printed) if it fails."""
    env = dict(
        os.environ,
        SOURCE_DATE_EPOCH="1700000000",
        NO_MKDOCS_2_WARNING="1",
        # The copy has no .venv-zensical of its own: point it at the project's.
        ZENSICAL=os.environ.get("ZENSICAL", str(ROOT / ".venv-zensical" / "bin" / "zensical")),
    )
    # Byte-compiled modules, as on a contributor's machine: MkDocs' were
    # compiled when pip installed them, ours are compiled by the warm-up run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    if result.returncode:
        print(result.stdout + result.stderr, file=sys.stderr)
        return float("nan")
    return time.perf_counter() - start


def engine_commands(engine: str) -> dict[str, list[str]]:
    """{what: command} for one engine: a bare strict build of mkdocs.yml, and the README's build."""
    if engine == "mkdocs":
        bare = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.yml", "-d", "build/bench"]
    else:
        from scripts.engines import zensical_command

        bare = [zensical_command(), "build", "--strict", "--clean", "-f", "mkdocs.yml"]
    return {"bare": bare, "full": [sys.executable, "-m", "scripts.sitebuild", "--skip-check", "--engine", engine]}


def time_engines(rounds: int = 3) -> dict[tuple[str, str], float]:
    """Best of `rounds` clean builds per engine, the engines alternating in one run (same machine state)."""
    from scripts.engines import ENGINES, BuildError

    best: dict[tuple[str, str], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        for _ in range(rounds):
            for engine in ENGINES:
                try:
                    commands = engine_commands(engine)
                except BuildError as err:
                    print(f"{engine}: {err}", file=sys.stderr)
                    continue
                for what, cmd in commands.items():
                    shutil.rmtree(project / ".cache", ignore_errors=True)  # Zensical's cache: a clean build
                    seconds = run_seconds(cmd, project)
                    best[engine, what] = min(best.get((engine, what), float("inf")), seconds)
    return best


def checker_against_bare_build(rounds: int = 9) -> dict[str, float]:
    """Median wall seconds of the checker (its cache warm, and with --no-cache) and of a bare
    `mkdocs build` of the same docs, as whole processes, alternating in one run."""
    commands = {
        "checker": [sys.executable, "-m", "scripts.checker"],
        "checker --no-cache": [sys.executable, "-m", "scripts.checker", "--no-cache"],
        "bare": engine_commands("mkdocs")["bare"],
    }
    times: dict[str, list[float]] = {what: [] for what in commands}
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        for cmd in commands.values():
            run_seconds(cmd, project)  # warm-up: byte-compiled modules, the cache, a warm disk cache
        for _ in range(rounds):
            for what, cmd in commands.items():
                times[what].append(run_seconds(cmd, project))
    return {what: statistics.median(seconds) for what, seconds in times.items()}


def time_build() -> float:
    """Seconds for the whole build (checks, site, bundle) in a temporary copy."""
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        return run_seconds([sys.executable, "-m", "scripts.sitebuild"], project)


def main() -> int:
    """Print the figures."""
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in (ROOT / "docs").rglob("*.md"))
    print(f"content: {words:,} words of Markdown under docs/")
    base, count = time_checker(ROOT)
    print(f"checker, real site:  {base * 1000:8.1f} ms  ({count} diagnostics)")
    for factor in (10, 100):
        with tempfile.TemporaryDirectory() as tmp:
            site = synthetic_site(Path(tmp) / "site", factor)
            seconds, count = time_checker(site, repeat=3 if factor == 10 else 1)
            print(
                f"checker, {factor:>3}x content: {seconds * 1000:8.1f} ms  "
                f"({seconds / base:5.1f}x the real site; {count} diagnostics, mostly DOC004 for the copies)"
            )
    import gzip

    for svg in sorted((ROOT / "docs" / "assets" / "charts").glob("*.svg")):
        data = svg.read_bytes()
        packed = len(gzip.compress(data, compresslevel=6, mtime=0))
        print(f"chart {svg.name}: {len(data):,} bytes, {packed:,} with gzip")
    medians = checker_against_bare_build()
    bare = medians.pop("bare")
    print(f"bare mkdocs build as a process: {bare:.3f} s (median of 9, alternating with:)")
    for what, seconds in medians.items():
        print(f"  {what:<20} {seconds:.3f} s  ({seconds / bare:.1%} of the bare build)")
    build = time_build()
    print(f"build (checks + site + bundle): {build:.2f} s; checker share {base / build:.1%}")
    print("engines, best of 3 clean builds, alternating in this run:")
    for (engine, what), seconds in sorted(time_engines().items()):
        label = "bare strict build of mkdocs.yml" if what == "bare" else "scripts/build --skip-check (bundle + site)"
        print(f"  {engine:<9} {label:<44} {seconds:5.2f} s")
    try:
        from scripts import bench_reader
    except ImportError:
        return 0
    print()
    return bench_reader.main() or 0


if __name__ == "__main__":
    sys.exit(main())
