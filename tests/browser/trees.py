"""A build as a reader opens it (online over HTTP, or the bundle from disk):
its pages, what counts as local, and the file behind each URL."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit


class Tree:
    """One build as a reader opens it: its pages' URLs, and what counts as local."""

    LOCAL_SCHEMES = ("data:", "blob:", "about:")

    def __init__(self, name: str, root: Path, base: str, engine: str = "mkdocs"):
        self.name, self.root, self.base, self.engine = name, root, base, engine

    @property
    def pages(self) -> dict[str, str]:
        """{page name: URL}; the name is the online path ("claims/fact-1/")."""
        out = {}
        for path in sorted(self.root.rglob("*.html")):
            rel = path.relative_to(self.root).as_posix()
            if self.name == "online":
                name = rel.removesuffix("index.html")
            else:
                name = "" if rel == "index.html" else rel.removesuffix("index.html").removesuffix(".html") + "/"
                name = name.replace("//", "/")
            out[name or "/"] = self.url(rel)
        return out

    def url(self, rel: str) -> str:
        return self.base + rel

    def is_local(self, url: str) -> bool:
        return url.startswith(self.base) or url.startswith(self.LOCAL_SCHEMES)

    def file_for(self, url: str) -> Path:
        """The file a local URL is served from."""
        rel = unquote(urlsplit(url).path.removeprefix(urlsplit(self.base).path))
        path = self.root / rel
        return path / "index.html" if path.is_dir() else path


def open_search(page, engine: str, term: str):
    """Search as a reader does, with the engine's own search box; returns the result links.

    MkDocs (Material): the `s` shortcut focuses the header's box, and results
    are `.md-search-result__link`. Zensical: the header's Search button opens
    a dialog whose combobox lists results as options (links) of a listbox.
    """
    from playwright.sync_api import expect

    if engine == "mkdocs":
        page.keyboard.press("s")
        box = page.get_by_role("textbox", name="Search")
        expect(box).to_be_focused()
        box.press_sequentially(term)  # Material listens to key events
        return page.locator(".md-search-result__link")
    page.get_by_role("button", name="Search").click()
    box = page.get_by_role("combobox", name="Search")
    expect(box).to_be_focused()
    box.press_sequentially(term)
    return page.get_by_role("listbox", name="Search results").get_by_role("option")
