"""Codes and their documentation stay in step; the real registries are tidy."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts.checker.codes import CODES
from scripts.checker.rules import RATINGS

ROOT = Path(__file__).resolve().parent.parent.parent


def test_every_code_is_documented_once():
    page = (ROOT / "docs" / "contributing" / "checks.md").read_text(encoding="utf-8")
    documented = re.findall(r"^### ([A-Z]+\d{3})$", page, re.M)
    assert sorted(documented) == sorted(CODES)
    assert len(documented) == len(set(documented))


def test_codes_are_family_and_three_digits():
    assert all(re.fullmatch(r"[A-Z]{2,3}\d{3}", code) for code in CODES)


def test_methodology_defines_the_checker_rating_scale():
    page = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    section = page.split("## The rating scale", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([^|]+?) \|", section, re.M)
    assert tuple(rows[2:]) == RATINGS  # after the header and separator rows


def _ids(name: str) -> list[str]:
    entries = yaml.safe_load((ROOT / "docs" / "data" / name).read_text(encoding="utf-8"))
    return [e["id"] for e in entries]


def test_registries_are_sorted_and_unique():
    for name in ("sources.yml", "figures.yml"):
        ids = _ids(name)
        assert ids == sorted(ids), f"{name} is not sorted by id"
        assert len(ids) == len(set(ids))


def test_the_verdict_card_scale_is_the_methodology_scale():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert tuple(config["extra"]["rating_scale"]) == RATINGS
