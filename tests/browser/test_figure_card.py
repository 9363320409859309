"""What a reader sees behind a number: hover, keyboard focus or a tap on a
figure link shows a card with the value, what it counts, its period, what
it leaves out and its source, without leaving the page, online and from
file://, under both engines; its words are the registry's."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect
from support import ROOT
from test_quality_gates import AXE

from scripts.checker.numbers import format_value

# A number in the page's text: a link to the figures page (not a heading of
# this page whose id holds the word), outside the hidden notes.
FIGURE = ".md-content a[href*='figures'][href*='#']:not([href^='#']):not(.figure-notes a)"
CARD = "[role='tooltip'].figure-card"


def registry(name: str) -> dict[str, dict]:
    entries = yaml.safe_load((ROOT / "docs" / "data" / name).read_text(encoding="utf-8"))
    return {e["id"]: e for e in entries}


def figure_id(link) -> str:
    return link.get_attribute("href").rsplit("#", 1)[1]


@pytest.fixture
def claim_page(recorded, tree):
    page = recorded(viewport={"width": 1280, "height": 800}).page
    page.goto(tree.pages["claims/fact-1/"], wait_until="load")
    return page


def test_hover_shows_the_figure_card(claim_page):
    page = claim_page
    link = page.locator(FIGURE).first
    entry = registry("figures.yml")[figure_id(link)]
    link.hover()
    card = page.locator(CARD)
    expect(card).to_be_visible()
    expect(card).to_contain_text(link.inner_text().strip())
    expect(card).to_contain_text("Counts: " + " ".join(entry["counts"].split()))
    expect(card.locator("a[href*='sources']").first).to_be_attached()
    assert link.get_attribute("aria-describedby") == card.get_attribute("id")
    # The card stands in the viewport, beside its link, and holds no id of the page's.
    box, view = card.bounding_box(), page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= view["width"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= view["height"]
    assert card.locator("[id]").count() == 0
    # The pointer may move into the card; leaving both hides it.
    card.hover()
    page.wait_for_timeout(500)
    expect(card).to_be_visible()
    page.mouse.move(5, 400)
    expect(card).to_be_hidden()
    assert link.get_attribute("aria-describedby") is None


def test_keyboard_focus_shows_the_card_and_escape_hides_it(claim_page):
    page = claim_page
    page.locator("h2#bottom-line").click()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", FIGURE):
            break
    else:
        pytest.fail("Tab never reached a figure link")
    focused = page.locator(f"{FIGURE}:focus")
    card = page.locator(CARD)
    expect(card).to_be_visible()
    expect(card).to_contain_text(focused.inner_text().strip())
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    assert page.evaluate("s => document.activeElement.matches(s)", FIGURE)


def test_the_card_says_what_the_registry_says(claim_page):
    page = claim_page
    fid = "gao-sc-removals-convicted-share"
    entry = registry("figures.yml")[fid]
    source = registry("sources.yml")[entry["source"]]
    page.locator(f"{FIGURE}[href$='#{fid}']").first.hover()
    card = page.locator(CARD)
    expect(card).to_be_visible()
    words = lambda text: " ".join(str(text).split())  # noqa: E731
    expected = [
        format_value(entry["value"], entry["format"]),
        "Counts: " + words(entry["counts"]),
        "Period: " + words(entry["period"]),
        *(["Leaves out: " + words(entry["leaves_out"])] if entry.get("leaves_out") else []),
        f"Source: {words(source['title'])}, {words(entry['locator'])}",
    ]
    assert [words(t) for t in card.locator("p").all_inner_texts()] == expected
    links = card.locator("a")
    assert links.nth(0).get_attribute("href").endswith(f"#{entry['source']}")
    assert re.search(f"#{re.escape(entry['source'])}--", links.nth(1).get_attribute("href"))


def test_a_derived_figure_names_its_inputs(claim_page):
    page = claim_page
    fid = "gao-sc-removals-unconvicted-share"
    page.locator(f"{FIGURE}[href$='#{fid}']").first.hover()
    card = page.locator(CARD)
    expect(card).to_contain_text("Computed from gao-sc-removals-convicted-share (74%)")
    expect(card).to_contain_text("Formula: 100 minus gao-sc-removals-convicted-share")


PHONE = {"width": 390, "height": 844}


def test_a_tap_opens_the_card_in_place_and_its_button_gives_focus_back(recorded, tree):
    page = recorded(viewport=PHONE, is_mobile=True, has_touch=True).page
    page.goto(tree.pages["claims/fact-1/"], wait_until="load")
    link = page.locator(FIGURE).nth(2)
    link.scroll_into_view_if_needed()
    before = (page.url, page.evaluate("scrollY"))
    link.tap()
    card = page.get_by_role("dialog", name=re.compile("About the figure"))
    expect(card).to_be_visible()
    expect(card).to_contain_text("Counts: ")
    expect(card.get_by_role("link", name="Its entry on the figures page")).to_be_attached()
    assert (page.url, page.evaluate("scrollY")) == before, "the tap jumped away from the text"
    expect(page.locator(CARD)).to_be_hidden()  # no hover card under the dialog
    close = card.get_by_role("button", name="Close")
    expect(close).to_be_focused()
    close.tap()
    expect(card).to_be_hidden()
    assert page.evaluate("document.activeElement.getAttribute('href')") == link.get_attribute("href")
    # Escape closes it as well.
    link.tap()
    expect(card).to_be_visible()
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    assert page.evaluate("document.activeElement.getAttribute('href')") == link.get_attribute("href")


@pytest.mark.parametrize("name", ["timeline/", "glossary/", "claims/fact-3/"])
def test_every_figure_link_has_its_note(recorded, tree, name):
    page = recorded().page
    page.goto(tree.pages[name], wait_until="load")
    ids = {figure_id(a) for a in page.locator(FIGURE).all()}
    assert ids, "no figure links on this page"
    missing = [fid for fid in sorted(ids) if page.locator(f"[id='figure-note-{fid}']").count() != 1]
    assert missing == []
    assert page.locator(".figure-notes").is_hidden()


def axe_violations_beside(page, opener: str) -> list[str]:
    """axe-core's violations on the page, all but `opener`: a hovered link
    takes Material's accent colour, which is the theme's, not the card's."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """sel => axe.run({exclude: [[sel]]}, {resultTypes: ["violations"]}).then(r =>
        r.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", ")))""",
        opener,
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_a_figure_card_open(recorded, online, scheme):
    page = recorded(viewport={"width": 1280, "height": 800}, color_scheme=scheme).page
    page.goto(online.pages["claims/fact-1/"], wait_until="load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == {"light": "default", "dark": "slate"}[scheme]
    page.locator(FIGURE).first.hover()
    expect(page.locator(CARD)).to_be_visible()
    assert axe_violations_beside(page, "a[aria-describedby='figure-card']") == []
