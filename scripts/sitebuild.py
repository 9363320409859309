"""Build the online site and the offline bundle, all or nothing.

Steps: the editorial checker, `mkdocs build` of mkdocs.yml (the online site),
`mkdocs build` of mkdocs-offline.yml (the bundle), pruning of what a reader
of the bundle never loads, and a zip with fixed timestamps and file order.
Everything is built under build/ first; site/ and dist/ are replaced only
when every step has succeeded, so a failed build leaves the previous output
untouched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import bundle

ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = ROOT / "site"
ZIP_PATH = ROOT / "dist" / "secure-communities-annotated.zip"

EX_OK = 0
EX_FAILED = 1


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


def mkdocs_build(config: str, dest: Path, env: dict[str, str]) -> bool:
    """Run a strict MkDocs build of `config` into `dest`; True on success."""
    # Not --quiet: it drops warnings before --strict counts them, so broken
    # links would pass. INFO lines are filtered here instead.
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / config), "-d", str(dest)]
    print(f"build: mkdocs build -f {config}", file=sys.stderr)
    result = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in result.stdout.splitlines():
        if not line.startswith("INFO"):
            print(line, file=sys.stderr)
    return result.returncode == 0


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
        "--skip-check", action="store_true", help="do not run the editorial checker first (tests use this)"
    )
    args = parser.parse_args(argv)

    if not args.skip_check:
        from scripts.checker.__main__ import main as check_main

        print("build: scripts/check", file=sys.stderr)
        if check_main([]) != 0:
            print("build: stopped: the checker found problems (nothing was replaced)", file=sys.stderr)
            return EX_FAILED

    env = dict(os.environ, SOURCE_DATE_EPOCH=source_date_epoch(), NO_MKDOCS_2_WARNING="1")
    (ROOT / "build").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / "build", prefix="tmp-") as tmp:
        work = Path(tmp)
        online, offline, zip_tmp = work / "site", work / "offline", work / "bundle.zip"
        if not mkdocs_build("mkdocs.yml", online, env) or not mkdocs_build("mkdocs-offline.yml", offline, env):
            print("build: stopped: MkDocs failed (nothing was replaced)", file=sys.stderr)
            return EX_FAILED
        bundle.prune(online, offline=False)
        bundle.prune(offline, offline=True)
        bundle.write_zip(offline, zip_tmp, int(env["SOURCE_DATE_EPOCH"]))

        replace_dir(online, SITE_DIR)
        ZIP_PATH.parent.mkdir(exist_ok=True)
        os.replace(zip_tmp, ZIP_PATH)
    print(f"build: wrote site/ and {ZIP_PATH.relative_to(ROOT)} ({ZIP_PATH.stat().st_size:,} bytes)", file=sys.stderr)
    return EX_OK


if __name__ == "__main__":
    sys.exit(main())
