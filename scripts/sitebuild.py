"""Build the online site and the offline bundle, all or nothing, with either engine.

Steps: the editorial checker; the offline bundle (mkdocs-offline.yml), pruned
of what a reader of it never loads and zipped with fixed timestamps and file
order; then the online site (mkdocs.yml), told the zip's size and build date
so that its home page offers it for download, with the zip copied in.
Everything is built under build/ first; site/ and dist/ are replaced only
when every step has succeeded, so a failed build leaves the previous output
untouched.

The engine is MkDocs (the default) or Zensical (`--engine zensical`). The
published address comes from $SITE_ADDRESS (the Pages workflow sets it):
with it, the online site gets canonical links, a sitemap, share cards and
citation URLs; without it, as locally and always in the bundle, no page
holds an absolute URL of ours.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import bundle
from scripts.engines import DEFAULT_ENGINE, ENGINES, BuildError, run_build

ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = ROOT / "site"
ZIP_NAME = "secure-communities-annotated.zip"
ZIP_PATH = ROOT / "dist" / ZIP_NAME
DOWNLOAD_HREF = f"downloads/{ZIP_NAME}"  # relative to the site's root

EX_OK = 0
EX_FAILED = 1

# An absolute http(s) address of a folder: scheme, host, optional path, "/".
SITE_ADDRESS = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%!$&'()*+,;=:@-]+)*/$")


def site_address() -> str:
    """$SITE_ADDRESS, checked; "" when unset. Raises BuildError when malformed."""
    value = os.environ.get("SITE_ADDRESS", "").strip()
    if value and not SITE_ADDRESS.match(value):
        raise BuildError(
            f"SITE_ADDRESS {value!r} is not an absolute address ending in '/'\n"
            "help: give the published site's address with its scheme and a trailing slash, "
            "e.g. SITE_ADDRESS=https://example.github.io/secure-communities-annotated/"
        )
    return value


def source_date_epoch() -> str:
    """The build's timestamp: SOURCE_DATE_EPOCH, else the last commit's time."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if out:
            return out
    except (OSError, subprocess.CalledProcessError):
        pass
    return "315532800"  # 1980-01-01, the earliest time a zip can hold


def verdict_counts() -> dict[str, dict[str, int]]:
    """Per claim (by number): how many sources, figures and quotations the checker verified on its page."""
    from scripts.checker.cache import ParseCache
    from scripts.checker.load import load_project

    project = load_project(ROOT, cache=ParseCache(ROOT))
    out = {}
    for page in (p for p in project.pages if p.is_claim and isinstance(p.meta.get("claim"), int)):
        out[str(page.meta["claim"])] = {
            "sources": len(page.cited_sources),
            "figures": len({fid for u in page.units for fid in u.figure_ids}),
            "quotations": sum(len(u.quotes) for u in page.units if u.section != "The claim"),
        }
    return out


def human_size(n: int) -> str:
    """Bytes as a reader reads them: "415 KB"."""
    return f"{round(n / 1000):,} KB"


def replace_dir(new: Path, target: Path) -> None:
    """Move `new` to `target`, removing the old `target` only afterwards."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Build both outputs; return an exit code."""
    parser = argparse.ArgumentParser(prog="scripts/build", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--engine", choices=ENGINES, default=DEFAULT_ENGINE, help="the site generator (default: mkdocs)"
    )
    parser.add_argument(
        "--skip-check", action="store_true", help="do not run the editorial checker first (tests use this)"
    )
    args = parser.parse_args(argv)
    try:
        return build(args.engine, skip_check=args.skip_check)
    except BuildError as err:
        print(f"build: {err}", file=sys.stderr)
        print("build: stopped (nothing was replaced)", file=sys.stderr)
        return EX_FAILED


def build(engine: str, *, skip_check: bool) -> int:
    """The steps of the module docstring; an exit code."""
    address = site_address()
    verdicts = {}
    if not skip_check:
        from scripts.checker.__main__ import main as check_main

        print("build: scripts/check", file=sys.stderr)
        if check_main([]) != 0:
            print("build: stopped: the checker found problems (nothing was replaced)", file=sys.stderr)
            return EX_FAILED
        verdicts = verdict_counts()  # only what the checker has just verified

    epoch = source_date_epoch()
    built = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, NO_MKDOCS_2_WARNING="1")
    (ROOT / "build").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / "build", prefix="tmp-") as tmp:
        work = Path(tmp)
        online, offline, zip_tmp = work / "online", work / "offline", work / "bundle.zip"

        offline_extra = {"edition": {"built": built}, "verdicts": verdicts}
        if not run_build(engine, ROOT, "mkdocs-offline.yml", offline, {"extra": offline_extra}, env):
            print(f"build: stopped: {engine} failed on the offline bundle (nothing was replaced)", file=sys.stderr)
            return EX_FAILED
        bundle.prune(offline, offline=True)
        bundle.write_zip(offline, zip_tmp, int(epoch))
        size = zip_tmp.stat().st_size

        edition = {"built": built, "download": DOWNLOAD_HREF, "bytes": size, "size": human_size(size)}
        extra = {"edition": edition, "site_address": address, "verdicts": verdicts}
        overrides = {"extra": extra, "site_url": address} if address else {"extra": extra}
        if not run_build(engine, ROOT, "mkdocs.yml", online, overrides, env):
            print(f"build: stopped: {engine} failed on the online site (nothing was replaced)", file=sys.stderr)
            return EX_FAILED
        bundle.prune(online, offline=False)
        (online / DOWNLOAD_HREF).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(zip_tmp, online / DOWNLOAD_HREF)

        replace_dir(online, SITE_DIR)
        ZIP_PATH.parent.mkdir(exist_ok=True)
        os.replace(zip_tmp, ZIP_PATH)
    print(f"build: {engine}: wrote site/ and {ZIP_PATH.relative_to(ROOT)} ({size:,} bytes)", file=sys.stderr)
    return EX_OK


if __name__ == "__main__":
    sys.exit(main())
