"""What the built pages hold and load."""

from __future__ import annotations

import zipfile

import pytest
from htmltext import css_urls, is_remote, page_loads, text_of_class, words
from support import ROOT, SEARCH_INDEX


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


# Byte budgets for the offline bundle, set from measurement with less than
# 10% headroom. Issue 3 set 400 KiB when the claim pages were placeholders;
# with five annotated claims, 144 sources (every excerpt shipped twice: on the
# sources page and in data/sources.yml) the zip measured 424,848 bytes on
# 2026-11-25. The shell (theme, search worker, our CSS and JS) is budgeted on
# its own, so that growth of content cannot hide a regression of the theme
# (source maps, stemmers, fonts). Raising either number is a reviewed change
# whose commit message gives the new measurement.
# Zensical's bundle is larger: its theme script is bigger and it ships its
# own search engine. On 2026-12-01 every footnote came to carry the passages
# it rests on (scripts/generate writes them under each definition), and the
# zip grew from 424,848 to 551,947 bytes (MkDocs) and from 445,348 to
# 571,154 (Zensical). The glossary (24 cited definitions) and the verdict
# cards brought them to 602,343 and 621,308 bytes. On 2026-12-01 the three
# charts, the figure notes behind every number (each page carries the notes
# of the figures it links) and the reader's figures page brought them to
# 647,171 and 661,740; the budgets are those measurements plus about 8%.
ZIP_BUDGET = {"mkdocs": 699_000, "zensical": 715_000}  # bytes; measured 647,171 and 661,740
# The shell (the theme, reader.js with the figure card, extra.css, the SVG
# favicon): measured 81,985 and 103,239; the charts are content, not shell.
SHELL_BUDGET = {"mkdocs": 88_000, "zensical": 111_000}  # compressed bytes under assets/


def test_bundle_stays_within_its_byte_budget(built, engine):
    path = built / "dist" / "secure-communities-annotated.zip"
    size = path.stat().st_size
    with zipfile.ZipFile(path) as zf:
        # The charts under assets/charts/ are content, weighed with the zip.
        shell = sum(
            i.compress_size
            for i in zf.infolist()
            if i.filename.startswith("assets/") and not i.filename.startswith("assets/charts/")
        )
    assert size < ZIP_BUDGET[engine], f"bundle is {size:,} bytes"
    assert shell < SHELL_BUDGET[engine], f"theme and assets are {shell:,} bytes compressed"


def test_bundle_carries_only_what_a_reader_loads(bundle_dir, engine):
    names = [p.relative_to(bundle_dir).as_posix() for p in bundle_dir.rglob("*") if p.is_file()]
    index_js, index_json = SEARCH_INDEX[engine]
    assert not [n for n in names if n.endswith(".map")]
    assert not [n for n in names if n.startswith("assets/javascripts/lunr/")]
    assert index_js in names
    assert index_json not in names
    assert "index.html" in names
    assert "claims/fact-1.html" in names  # file:// needs real file names
    # Zensical ships two looks' stylesheets; the bundle keeps the one its pages link.
    assert not [n for n in names if n.startswith("assets/stylesheets/modern/")]


def test_the_verdict_counts_are_the_checkers(built):
    """'We checked N sources, N figures and N quotations' is computed from the pages, never typed."""
    import re

    from scripts.checker.load import load_project

    project = load_project(built)
    for page in (p for p in project.pages if p.is_claim):
        html = (
            built / "site" / "claims" / page.rel.removeprefix("claims/").removesuffix(".md") / "index.html"
        ).read_text(encoding="utf-8")
        found = re.search(r"We checked (\d+) sources, (\d+) figures and (\d+) quotations", html)
        assert found, page.rel
        figures = len({fid for u in page.units for fid in u.figure_ids})
        quotations = sum(len(u.quotes) for u in page.units if u.section != "The claim")
        assert tuple(map(int, found.groups())) == (len(page.cited_sources), figures, quotations)


def test_every_claim_page_links_the_glossary(built):
    for n in range(1, 6):
        html = (built / "site" / "claims" / f"fact-{n}" / "index.html").read_text(encoding="utf-8")
        assert 'href="../../glossary/#' in html, f"fact-{n} links no glossary term"
    glossary = (built / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert glossary.count('class="footnote-ref"') >= 24  # every definition is cited


def test_each_claim_page_lists_the_sources_it_cites(built):
    """Under "Sources", every document the page cites, each linking its entry on the sources page."""
    import re

    from scripts.checker.load import load_project

    project = load_project(built)
    sources_html = (built / "site" / "sources" / "index.html").read_text(encoding="utf-8")
    for page in (p for p in project.pages if p.is_claim):
        html = (
            built / "site" / "claims" / page.rel.removeprefix("claims/").removesuffix(".md") / "index.html"
        ).read_text(encoding="utf-8")
        block = html.split('class="page-sources"', 1)[1].split("</div>", 1)[0]
        listed = re.findall(r'href="\.\./\.\./sources/#([a-z0-9-]+)"', block)
        assert f"This page cites {len(page.cited_sources)} documents" in block, page.rel
        assert sorted(listed) == sorted(page.cited_sources), page.rel
        assert all(f'id="{sid}"' in sources_html for sid in listed)


def test_the_figures_page_opens_with_fact_1_and_enters_each_figure_once(built):
    """Grouped by the page that uses them, FACT 1 first; each registered figure has one entry, its id the figure's."""
    import re

    import yaml

    html = (built / "site" / "figures" / "index.html").read_text(encoding="utf-8")
    content = html.split('class="md-content"', 1)[1]
    groups = re.findall(r"<h2\b.*?</h2>", content, re.S)
    assert groups and 'href="../claims/fact-1/"' in groups[0] and "FACT 1" in groups[0], groups[:1]
    first_entry = content.index('class="figure-title"')
    assert content.index(groups[0]) < first_entry < content.index(groups[1])
    registry = yaml.safe_load((built / "docs" / "data" / "figures.yml").read_text(encoding="utf-8"))
    counts = {f["id"]: html.count(f'id="{f["id"]}"') for f in registry}
    assert {fid: n for fid, n in counts.items() if n != 1} == {}
    assert len(re.findall(r'<h3 class="figure-title" id="', html)) == len(registry)
