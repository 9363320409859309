"""Golden tests: the good site checks clean; each broken fixture gives exactly
its expected output. UPDATE_GOLDEN=1 rewrites the expected files."""

from __future__ import annotations

import difflib
import os

import pytest
from fixture_site import BROKEN, GOOD, materialise, run_checker

from scripts.checker.__main__ import EX_OK, EX_PROBLEMS, EX_USAGE
from scripts.checker.codes import CODES

FIXTURE_NAMES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


def test_exit_codes_are_pinned():
    assert (EX_OK, EX_PROBLEMS, EX_USAGE) == (0, 1, 2)


def test_good_site_passes():
    assert run_checker(GOOD) == (0, "", "")


def test_every_code_has_a_broken_fixture():
    covered = {name.split("_")[0] for name in FIXTURE_NAMES}
    assert covered == set(CODES)


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_broken_fixture_fails_with_expected_output(name, tmp_path):
    root = materialise(name, tmp_path / "site")
    code, out, err = run_checker(root, "--strict")
    got = f"exit: {code}\n{out}"
    expected_path = BROKEN / name / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(got, encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), got.splitlines(True), "expected", "got"))
    assert got == expected, diff
    assert name.split("_")[0] in out
    assert code in (EX_PROBLEMS, EX_USAGE)
    assert "Traceback" not in out + err
