# Shared by scripts/build, scripts/test and scripts/check: find or make the
# project's virtual environment and install a hash-locked requirements file
# into it. Sourced, not run.
#
# Usage: ensure_venv requirements/build.txt [VENV_DIR]
#   The second argument names another environment: Zensical gets its own
#   (.venv-zensical), since its pins need not match MkDocs'.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

ensure_venv() {
  local lock="$ROOT/$1"
  local venv="${2:-$VENV}"
  local py="$venv/bin/python"
  local stamp="$venv/.installed-$(basename "$lock" .txt)-$(sha256sum "$lock" | cut -c1-16)"
  if [ ! -x "$py" ]; then
    echo "setup: creating the virtual environment in ${venv#"$ROOT"/}" >&2
    python3 -m venv "$venv" || {
      echo "setup: could not create ${venv#"$ROOT"/} (on Debian/Ubuntu: apt-get install python3-venv)" >&2
      return 1
    }
  fi
  if [ ! -e "$stamp" ]; then
    echo "setup: installing $(basename "$lock") with --require-hashes" >&2
    "$py" -m pip install --quiet --disable-pip-version-check --require-hashes \
      -r "$lock" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2) || {
      echo "setup: pip could not install $1" >&2
      return 1
    }
    touch "$stamp"
  fi
}

# Zensical, the second engine, in its own environment.
ZENSICAL_VENV="$ROOT/.venv-zensical"
ensure_zensical() {
  ensure_venv requirements/zensical.txt "$ZENSICAL_VENV"
}
