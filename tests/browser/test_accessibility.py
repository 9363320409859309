"""Accessibility beyond axe: ICE's quoted words at 7:1 contrast in both
palettes, and a focus ring on the palette toggle that stands out from the
header (3:1, WCAG 2.2 non-text contrast)."""

from __future__ import annotations

import pytest

# WCAG contrast of a colour (with its alpha, composited) over the nearest
# opaque background behind an element.
CONTRAST = """([el, which]) => {
  const parse = s => { const n = s.match(/[\\d.]+/g).map(Number); return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1]; };
  const lum = ([r, g, b]) => {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = null, node = el.parentElement && which === "outline" ? el.parentElement : el;
  while (node && !bg) {
    const c = parse(getComputedStyle(node).backgroundColor);
    if (c[3] === 1) bg = c;
    node = node.parentElement;
  }
  bg = bg || [255, 255, 255, 1];
  const style = getComputedStyle(el);
  const fg = parse(which === "outline" ? style.outlineColor : style.color);
  const mixed = [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
  const a = lum(mixed), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_ice_quoted_text_has_7_to_1_contrast(recorded, tree, scheme):
    page = recorded(color_scheme=scheme).page
    page.goto(tree.pages["claims/fact-1/"], wait_until="load")
    quote = page.locator("#the-claim + blockquote p").nth(1)
    assert quote.evaluate(CONTRAST.replace("([el, which])", "(el, which = 'color')")) >= 7


def test_the_palette_toggle_shows_keyboard_focus(recorded, tree):
    page = recorded().page
    page.goto(tree.pages["/"], wait_until="load")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-option')"):
            break
    else:
        pytest.fail("Tab never reached the palette toggle")
    label = page.locator(".md-option:focus + label")
    assert label.evaluate("l => getComputedStyle(l).outlineStyle") != "none"
    assert label.evaluate(CONTRAST.replace("([el, which])", "(el, which = 'outline')")) >= 3
