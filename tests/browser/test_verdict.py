"""The verdict first: on every claim page, the rating chip and the bottom
line stand inside the first screen, on a desktop and on a phone, under both
engines; the card says what was checked, and it prints."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import expect
from support import ROOT

CLAIMS = [f"claims/fact-{n}/" for n in range(1, 6)]
SCREENS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def front_matter(name: str) -> dict:
    text = (ROOT / "docs" / f"{name.rstrip('/')}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def bottom_edge(locator) -> float:
    box = locator.bounding_box()
    assert box, "not rendered"
    return box["y"] + box["height"]


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("name", CLAIMS)
def test_chip_and_bottom_line_are_on_the_first_screen(recorded, tree, name, screen):
    page = recorded(viewport=SCREENS[screen]).page
    page.goto(tree.pages[name], wait_until="load")
    meta = front_matter(name)
    chip = page.locator(".verdict .rating-chip")
    expect(chip).to_contain_text(meta["rating"])
    expect(chip).to_contain_text("of 6")
    bottom = page.locator(".verdict__bottom")
    expect(bottom).to_have_text(" ".join(meta["bottom_line"].split()))
    height = SCREENS[screen]["height"]
    assert bottom_edge(chip) <= height and bottom_edge(bottom) <= height, "the verdict is below the first screen"


def test_the_card_marks_the_rating_on_the_scale_and_says_what_was_checked(recorded, tree):
    page = recorded().page
    page.goto(tree.pages["claims/fact-4/"], wait_until="load")
    current = page.locator(".rating-scale [aria-current='true']")
    expect(current).to_have_count(1)
    expect(current).to_have_text(front_matter("claims/fact-4/")["rating"])
    expect(page.locator(".rating-scale li")).to_have_count(6)
    expect(page.locator(".verdict__meta")).to_contain_text("Judged as of Aug. 31, 2012")
    expect(page.locator(".verdict__meta")).to_contain_text("sources")


def test_the_verdict_prints(recorded, online):
    from test_reader import pdf_text

    page = recorded().page
    page.goto(online.pages["claims/fact-2/"], wait_until="load")
    text = pdf_text(page)
    assert "OUR VERDICT" in text.upper() and front_matter("claims/fact-2/")["rating"] in text
