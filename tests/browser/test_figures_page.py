"""The figures page as a reader arrives at it: following a number's link on
a claim page lands on that number's entry, in view below the header and
marked apart from the others, online and from disk, under both engines."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from trees import Tree

# A number in a claim page's text: a link to an entry of the figures page.
FIGURE_LINK = ".md-content a[href*='figures'][href*='#']:not([href^='#'])"

# What marks an entry: the heading's and the entry body's box.
LOOK = """el => {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineColor, s.backgroundColor, s.borderLeftStyle, s.borderLeftColor].join(' ');
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_a_figure_link_lands_on_its_entry_in_view_and_marked(recorded, tree: Tree, width):
    page = recorded(viewport={"width": width, "height": 800}).page
    page.goto(tree.pages["claims/fact-1/"], wait_until="load")
    href = page.eval_on_selector(FIGURE_LINK, "a => a.href")
    figure_id = href.rsplit("#", 1)[1]
    page.goto(href, wait_until="load")
    heading = page.locator(f"h3.figure-title[id='{figure_id}']")
    expect(heading).to_be_in_viewport()
    header = page.locator("header.md-header").evaluate("el => el.getBoundingClientRect().bottom")
    assert heading.evaluate("el => el.getBoundingClientRect().top") >= header - 1, "the entry is under the header"
    other = page.locator(f"h3.figure-title:not([id='{figure_id}'])").first
    assert heading.evaluate(LOOK) != other.evaluate(LOOK), "the linked entry's heading is not marked"
    body, other_body = (h.locator("xpath=following-sibling::*[1]") for h in (heading, other))
    expect(body).to_have_class("figure-entry")
    expect(body.locator(".figure-value")).to_be_in_viewport()
    assert body.evaluate(LOOK) != other_body.evaluate(LOOK), "the linked entry's body is not marked"
