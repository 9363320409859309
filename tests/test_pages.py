"""What the built pages hold and load."""

from __future__ import annotations

import pytest
from htmltext import css_urls, is_remote, page_loads, text_of_class, words
from support import ROOT


def test_the_page_reproduces_ice_text_word_for_word(built):
    html = (built / "site" / "the-page" / "index.html").read_text(encoding="utf-8")
    reference = (ROOT / "reference" / "get-the-facts.txt").read_text(encoding="utf-8")
    assert words(text_of_class(html, "verbatim")) == words(reference)


def test_the_page_links_each_fact_to_its_claim_page(built):
    html = (built / "site" / "the-page" / "index.html").read_text(encoding="utf-8")
    for n in range(1, 6):
        assert f'id="fact-{n}"' in html
        assert f'href="../claims/fact-{n}/"' in html


@pytest.mark.parametrize("tree", ["site", "bundle"])
def test_nothing_is_loaded_from_the_network(built, bundle_dir, tree):
    root = built / "site" if tree == "site" else bundle_dir
    remote = []
    for path in sorted(root.rglob("*")):
        if path.suffix == ".html":
            urls = page_loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".css":
            urls = css_urls(path.read_text(encoding="utf-8"))
        else:
            continue
        remote += [f"{path.relative_to(root)}: {u}" for u in urls if is_remote(u)]
    assert remote == []


def test_remote_detection_is_not_blind():
    """The helpers above must see a remote script, stylesheet, font and import."""
    html = (
        '<script src="https://cdn.example/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example/css">'
        '<link rel="canonical" href="https://example.org/">'
        '<style>@import "https://a.example/b.css"; .x{background:url(https://i.example/i.png)}</style>'
        '<a href="https://example.org/source">a source</a>'
    )
    remote = sorted(u for u in page_loads(html) if is_remote(u))
    assert remote == [
        "//fonts.example/css",
        "https://a.example/b.css",
        "https://cdn.example/x.js",
        "https://i.example/i.png",
    ]


def test_bundle_stays_within_its_byte_budget(built):
    size = (built / "dist" / "secure-communities-annotated.zip").stat().st_size
    assert size < 400 * 1024, f"bundle is {size:,} bytes"


def test_bundle_carries_only_what_a_reader_loads(bundle_dir):
    names = [p.relative_to(bundle_dir).as_posix() for p in bundle_dir.rglob("*") if p.is_file()]
    assert not [n for n in names if n.endswith(".map")]
    assert not [n for n in names if n.startswith("assets/javascripts/lunr/")]
    assert "search/search_index.js" in names
    assert "search/search_index.json" not in names
    assert "index.html" in names
    assert "claims/fact-1.html" in names  # file:// needs real file names
