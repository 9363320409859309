# Shared by scripts/build, scripts/test and scripts/check: find or make the
# project's virtual environment and install a hash-locked requirements file
# into it. Sourced, not run.
#
# Usage: ensure_venv requirements/build.txt

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

ensure_venv() {
  local lock="$ROOT/$1"
  local stamp="$VENV/.installed-$(basename "$lock" .txt)-$(sha256sum "$lock" | cut -c1-16)"
  if [ ! -x "$PY" ]; then
    echo "setup: creating the virtual environment in .venv" >&2
    python3 -m venv "$VENV" || {
      echo "setup: could not create .venv (on Debian/Ubuntu: apt-get install python3-venv)" >&2
      return 1
    }
  fi
  if [ ! -e "$stamp" ]; then
    echo "setup: installing $(basename "$lock") with --require-hashes" >&2
    "$PY" -m pip install --quiet --disable-pip-version-check --require-hashes \
      -r "$lock" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2) || {
      echo "setup: pip could not install $1" >&2
      return 1
    }
    touch "$stamp"
  fi
}
