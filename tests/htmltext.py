"""Small HTML helpers for tests: visible text of an element, and every
address a page would load."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _TextOf(HTMLParser):
    """Collects the text inside the first element with a given class."""

    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}

    def __init__(self, css_class: str, skip_classes: tuple[str, ...] = ("headerlink", "fact-verdict")):
        super().__init__(convert_charrefs=True)
        self.css_class, self.skip_classes = css_class, skip_classes
        self.depth = 0  # >0 while inside the wanted element
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag in self.VOID:
            if self.depth:
                self.parts.append(" ")
            return
        if self.depth:
            self.depth += 1
            if self.skip or any(c in classes for c in self.skip_classes):
                self.skip += 1
            if tag in ("p", "h1", "h2", "h3", "div", "li"):
                self.parts.append("\n")
        elif self.css_class in classes:
            self.depth = 1

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.depth:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def text_of_class(html: str, css_class: str) -> str:
    """Visible text of the first element with `css_class`, permalinks and our verdicts left out."""
    parser = _TextOf(css_class)
    parser.feed(html)
    return "".join(parser.parts)


def words(text: str) -> list[str]:
    """The text as a list of words: whitespace aside, nothing changed."""
    return text.split()


class _Loads(HTMLParser):
    """Every address an HTML page would load by itself (not links to follow)."""

    LOADING = {
        ("script", "src"),
        ("img", "src"),
        ("iframe", "src"),
        ("source", "src"),
        ("audio", "src"),
        ("video", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("input", "src"),
        ("track", "src"),
    }

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for t, a in self.LOADING:
            if tag == t and attrs.get(a):
                self.urls.append(attrs[a])
        if tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").lower()
            # canonical/alternate links are not fetched; everything else may be
            if not any(r in rel.split() for r in ("canonical", "alternate")):
                self.urls.append(attrs["href"])
        if attrs.get("style"):
            self.urls += css_urls(attrs["style"])


def page_loads(html: str) -> list[str]:
    """Addresses the page loads: script/img/iframe/link/... and inline CSS."""
    parser = _Loads()
    parser.feed(html)
    inline_css = "".join(re.findall(r"<style[^>]*>(.*?)</style>", html, re.S))
    return parser.urls + css_urls(inline_css)


def css_urls(css: str) -> list[str]:
    """Addresses in CSS url(...) and @import."""
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css)
    urls += re.findall(r"@import\s+['\"]([^'\"]+)['\"]", css)
    return urls


def is_remote(url: str) -> bool:
    """True for an address that would leave the site: a scheme or //host."""
    url = url.strip().lower()
    return (
        url.startswith("//")
        or bool(re.match(r"^[a-z][a-z0-9+.-]*:", url))
        and not url.startswith(("data:", "blob:", "about:"))
    )
