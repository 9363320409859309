"""Whatever it is fed, the checker exits 0, 1 or 2 and never raises."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fixture_site import GOOD, run_checker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TARGETS = (
    "docs/claims/fact-1.md",
    "docs/data/sources.yml",
    "docs/data/figures.yml",
    "docs/timeline.md",
    "docs/data/corrections.yml",
)
MARKUP = st.sampled_from(
    [
        "[^",
        "]",
        "[",
        "](",
        "../figures.md#",
        "../sources.md#",
        "---\n",
        '"',
        "“",
        "\n",
        "- id: ",
        "  excerpts:\n",
        "{",
        "}",
        "| ",
        "> ",
        "**",
        "`",
        "<div>",
        "<script>",
        "0",
        "1,000",
        "2012",
        ": ",
        "\x00",
        "\xff",
        "formula: '{a}/{a}'\n",
    ]
)


def _mutations():
    return st.tuples(
        st.sampled_from(TARGETS),
        st.integers(min_value=0, max_value=5000),
        st.integers(min_value=0, max_value=200),
        st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=8).map("".join),
        st.booleans(),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_mutations(), min_size=1, max_size=3))
def test_mutated_sites_never_crash(mutations):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        shutil.copytree(GOOD, root)
        for rel, at, cut, insert, as_bytes in mutations:
            path = root / rel
            data = path.read_bytes()
            at = min(at, len(data))
            new = data[:at] + insert.encode("utf-8", "surrogatepass") + data[at + cut :]
            if as_bytes:
                new = new.replace(b"e", b"\xe9", 1)  # a Latin-1 byte: not UTF-8
            path.write_bytes(new)
        code, out, err = run_checker(root)
        assert code in (0, 1, 2)
        assert "Traceback" not in out + err
