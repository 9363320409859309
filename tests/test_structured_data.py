"""What claim pages give machines and citers: ClaimReview JSON-LD and the
"Cite this page" block, both from front matter (overrides/main.html), and
the registries readers can download."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from support import ROOT, copy_project, run_build

CLAIMS = sorted((ROOT / "docs" / "claims").glob("fact-*.md"))


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def registry() -> dict[str, dict]:
    return {s["id"]: s for s in yaml.safe_load((ROOT / "docs" / "data" / "sources.yml").read_text(encoding="utf-8"))}


def rating_scale() -> list[str]:
    text = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    table = text.split("## The rating scale", 1)[1].split("\n## ", 1)[0]
    return [
        row.split("|")[1].strip()
        for row in table.splitlines()
        if row.startswith("| ") and not row.startswith(("| Rating", "| ---"))
    ]


class _Blocks(HTMLParser):
    """The JSON-LD scripts and the citation blocks of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.jsonld: list[str] = []
        self.pre: dict[str, str] = {}
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in = "ld"
            self.jsonld.append("")
        elif tag == "pre" and (a.get("class") or "").startswith("cite-"):
            self._in = a["class"]
            self.pre[self._in] = ""
        elif tag == "p" and a.get("class") == "cite-plain":
            self._in = "cite-plain"
            self.pre["cite-plain"] = ""

    def handle_endtag(self, tag):
        if tag in ("script", "pre", "p"):
            self._in = None

    def handle_data(self, data):
        if self._in == "ld":
            self.jsonld[-1] += data
        elif self._in:
            self.pre[self._in] += data


def blocks(html: str) -> _Blocks:
    parser = _Blocks()
    parser.feed(html)
    return parser


def claim_html(site: Path, md: Path) -> str:
    return (site / "claims" / md.stem / "index.html").read_text(encoding="utf-8")


def iso(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def test_claim_review_values_equal_the_registry():
    cr = config()["extra"]["claim_review"]
    sources = registry()
    facts, repost = sources["ice-get-the-facts"], sources["blog-repost-2015"]
    assert f"{cr['claimant']['name']} ({cr['claimant']['alternate_name']})" == facts["publisher"]
    assert cr["first_appearance"] == {"name": facts["title"], "url": facts["url"]}
    assert cr["appearance"] == {"name": repost["title"], "url": repost["url"], "date": repost["date"]}


@pytest.mark.parametrize("md", CLAIMS, ids=lambda p: p.stem)
def test_claim_review_matches_front_matter(built, md):
    meta = front_matter(built / "docs" / "claims" / md.name)
    cr = config()["extra"]["claim_review"]
    found = blocks(claim_html(built / "site", md)).jsonld
    assert len(found) == 1
    data = json.loads(found[0])
    assert data == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": meta["claim_summary"],
        "itemReviewed": {
            "@type": "Claim",
            "author": {
                "@type": "Organization",
                "name": cr["claimant"]["name"],
                "alternateName": cr["claimant"]["alternate_name"],
            },
            "firstAppearance": {"@type": "CreativeWork", **cr["first_appearance"]},
            "appearance": [
                {
                    "@type": "CreativeWork",
                    "url": cr["appearance"]["url"],
                    "name": cr["appearance"]["name"],
                    "datePublished": cr["appearance"]["date"],
                }
            ],
        },
        "author": {"@type": "Organization", "name": config()["site_name"]},
        "datePublished": iso(meta["published"]),
        "dateModified": iso(meta["reviewed"]),
        "reviewRating": {"@type": "Rating", "alternateName": meta["rating"]},
    }
    assert data["reviewRating"]["alternateName"] in rating_scale()


@pytest.mark.parametrize("md", CLAIMS, ids=lambda p: p.stem)
def test_cite_block_imports_into_a_reference_manager(built, md):
    from pybtex.database import parse_string

    meta = front_matter(built / "docs" / "claims" / md.name)
    reviewed = iso(meta["reviewed"])
    cite = blocks(claim_html(built / "site", md)).pre
    assert f"“{meta['title']}.”" in cite["cite-plain"]
    assert "last reviewed" in cite["cite-plain"]

    bib = parse_string(cite["cite-bibtex"], "bibtex")
    ((key, entry),) = bib.entries.items()
    assert entry.type == "misc"
    assert entry.fields["title"].strip("{}") == meta["title"]
    assert entry.fields["date"] == reviewed and entry.fields["year"] == reviewed[:4]

    (item,) = json.loads(cite["cite-csl"])
    assert item["type"] == "webpage" and item["title"] == meta["title"]
    assert item["issued"] == {"date-parts": [[int(x) for x in reviewed.split("-")]]}
    assert item["author"] == [{"literal": config()["site_author"]}]


def test_pages_other_than_claims_carry_neither(built):
    for name in ("index.html", "methodology/index.html", "claims/index.html"):
        b = blocks((built / "site" / name).read_text(encoding="utf-8"))
        assert b.jsonld == [] and b.pre == {}


@pytest.fixture(scope="module")
def site_without_rating(tmp_path_factory, engine) -> Path:
    """A copy whose fact-1 page lacks `rating` and whose fact-3 page has `reviewed: soon` (the checker's
    DOC002), built with the checker skipped, by the engine under test."""
    project = copy_project(tmp_path_factory.mktemp(f"norating-{engine}") / "project")
    for name, pattern, repl in (("fact-1.md", r"^rating:.*\n", ""), ("fact-3.md", r"^reviewed:.*$", "reviewed: soon")):
        page = project / "docs" / "claims" / name
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(pattern, repl, text, count=1, flags=re.M), encoding="utf-8")
    result = run_build(project, "--skip-check", engine=engine)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.parametrize("broken", ["fact-1.md", "fact-3.md"])
def test_missing_front_matter_gives_no_structured_data(site_without_rating, broken):
    html = claim_html(site_without_rating, ROOT / broken)
    assert blocks(html).jsonld == [] and blocks(html).pre == {}
    assert "application/ld+json" not in html and "cite-this-page" not in html
    intact = blocks(claim_html(site_without_rating, ROOT / "fact-2.md"))
    assert len(intact.jsonld) == 1 and json.loads(intact.jsonld[0])["@type"] == "ClaimReview"


@pytest.mark.parametrize(
    "page, data", [("sources", "sources.yml"), ("figures", "figures.yml"), ("figures", "figures.csv")]
)
def test_registry_downloads_resolve(built, bundle_dir, page, data):
    online = (built / "site" / page / "index.html").read_text(encoding="utf-8")
    assert f'href="../data/{data}"' in online
    assert (built / "site" / page / "../data" / data).resolve().is_file()
    offline = (bundle_dir / f"{page}.html").read_text(encoding="utf-8")
    assert f'href="data/{data}"' in offline
    assert (bundle_dir / "data" / data).is_file()
    assert (built / "site" / "data" / data).read_bytes() == (built / "docs" / "data" / data).read_bytes()


# --- the published address ---------------------------------------------------

ADDRESS = "https://example.github.io/secure-communities-annotated/"


@pytest.fixture(scope="module")
def addressed(tmp_path_factory, engine) -> Path:
    """The site built as the Pages workflow builds it, with SITE_ADDRESS set."""
    project = copy_project(tmp_path_factory.mktemp(f"addressed-{engine}") / "project")
    result = run_build(project, "--skip-check", engine=engine, SITE_ADDRESS=ADDRESS)
    assert result.returncode == 0, result.stderr
    return project


def meta_tags(page: str) -> dict[str, str]:
    """{property or name: content} of the page's <meta> tags."""
    found = re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', page)
    return {key: html.unescape(value) for key, value in found}  # minijinja escapes "/" too: &#x2f;


@pytest.mark.parametrize("md", CLAIMS, ids=lambda p: p.stem)
def test_with_an_address_claim_pages_carry_it_everywhere(addressed, md):
    meta = front_matter(addressed / "docs" / "claims" / md.name)
    url = f"{ADDRESS}claims/{md.stem}/"
    page = claim_html(addressed / "site", md)
    b = blocks(page)
    assert json.loads(b.jsonld[0])["url"] == url
    assert url in b.pre["cite-plain"] and f"url = {{{url}}}," in b.pre["cite-bibtex"]
    assert json.loads(b.pre["cite-csl"])[0]["URL"] == url
    assert f'<link rel="canonical" href="{url}">' in page
    tags = meta_tags(page)
    card = f"Our rating: {meta['rating']}. {meta['bottom_line']}"
    assert tags["og:url"] == url and tags["og:type"] == "article"
    assert tags["og:title"] == tags["twitter:title"] == meta["title"]
    assert tags["og:description"] == tags["twitter:description"] == card
    assert tags["twitter:card"] == "summary"


def test_with_an_address_the_sitemap_lists_every_page(addressed):
    sitemap = (addressed / "site" / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    pages = [p for p in (addressed / "site").rglob("index.html") if p.parent.name != "downloads"]
    assert f"{ADDRESS}claims/fact-1/" in locs and ADDRESS in locs
    assert len(locs) == len(pages)
    assert all(loc.startswith(ADDRESS) for loc in locs)


def test_with_an_address_the_bundle_still_holds_none(addressed, tmp_path):
    """The offline edition never carries the published address: it is read from disk."""
    import zipfile

    with zipfile.ZipFile(addressed / "dist" / "secure-communities-annotated.zip") as zf:
        texts = [zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith((".html", ".xml", ".js"))]
    assert not [t for t in texts if ADDRESS in t]


def test_without_an_address_no_page_holds_an_absolute_url_of_ours(built):
    for path in (built / "site").rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in page, path
        assert 'property="og:' not in page and "twitter:card" not in page, path
    b = blocks(claim_html(built / "site", CLAIMS[0]))
    assert "url" not in json.loads(b.jsonld[0])
    assert "url =" not in b.pre["cite-bibtex"] and "URL" not in json.loads(b.pre["cite-csl"])[0]
    assert "<loc>" not in (built / "site" / "sitemap.xml").read_text(encoding="utf-8")
