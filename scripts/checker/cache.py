"""A cache of parsed files, so that a second run reads only what changed.

Reading the pages and registries into records is most of a run's cost.
Each file's records are kept under `.cache/checker/`, keyed by the file's
path and bytes and by the checker's own source, so a changed page or a
changed checker is read afresh. Every check still runs on every run; only
parsing is skipped. A cache that cannot be read or written is ignored:
the run is the same, only slower. `--no-cache` turns it off.

Besides parsed files, the cache keeps what the generator would write
(`memo`), keyed by every file the run read: the GEN checks still compare
each committed file with it, but a run whose inputs are unchanged does not
render the sources page and every footnote's passages again.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

_CHECKER = Path(__file__).resolve().parent


def _checker_digest() -> str:
    """The checker's own source: a change to any module invalidates every entry."""
    digest = hashlib.sha256()
    for path in sorted(_CHECKER.rglob("*.py")):
        digest.update(path.relative_to(_CHECKER).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class ParseCache:
    """Records by (what, path, bytes); `enabled=False` computes every time."""

    def __init__(self, root: Path, enabled: bool = True):
        self.folder = root / ".cache" / "checker"
        self.enabled = enabled
        self.salt = _checker_digest() if enabled else ""
        self._inputs = hashlib.sha256()  # every (path, bytes) read so far, in order
        self._sealed = False

    def note(self, path: Path, data: bytes) -> None:
        """Record an input read outside `get`, so that `memo` keys include it."""
        self._inputs.update(b"\0".join((str(path).encode(), hashlib.sha256(data).digest())))

    def seal(self, complete: bool = True) -> None:
        """Every input has been read; `complete=False` (a file was read behind the cache's back) turns `memo` off."""
        self._sealed = complete

    def memo(self, what: str, compute):
        """`compute()`, or its stored result for the same inputs; only after `seal()`."""
        if not (self.enabled and self._sealed):
            return compute()
        key = hashlib.sha256(b"\0".join((self.salt.encode(), what.encode(), self._inputs.digest()))).hexdigest()
        return self._stored(key, compute)

    def get(self, what: str, path: Path, compute):
        """`compute()`, or its stored result for these exact bytes of `path`."""
        if not self.enabled:
            return compute()
        try:
            data = path.read_bytes()
        except OSError:
            return compute()  # the loader reports the unreadable file
        self.note(path, data)
        key = hashlib.sha256(b"\0".join((self.salt.encode(), what.encode(), str(path).encode(), data))).hexdigest()
        return self._stored(key, compute)

    def _stored(self, key: str, compute):
        entry = self.folder / key[:2] / key
        try:
            return pickle.loads(entry.read_bytes())
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            pass
        value = compute()
        import os  # only a run that writes the cache needs these
        import tempfile

        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=entry.parent, delete=False) as tmp:
                tmp.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp.name, entry)  # never a half-written entry
        except OSError:
            pass
        return value
