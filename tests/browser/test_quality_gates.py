"""Quality gates on every page of both builds, in headless Chromium:
accessibility (axe-core, both palettes), valid HTML (the Nu Html Checker),
page weight, no request leaving the site, a 360 px phone, and the
Content-Security-Policy. Each gate has a test showing it can fail."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from support import ROOT
from trees import Tree

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `npm ci` (scripts/test does)")
    return path


# --- accessibility -----------------------------------------------------------


def axe_violations(page) -> list[str]:
    """Run axe-core (every rule it runs by default) on the page; one line per violation."""
    page.add_script_tag(path=str(_need(AXE)))
    found = page.evaluate("""() => axe.run(document, {resultTypes: ["violations"]}).then(r =>
        r.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", ")))""")
    return found


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violations(recorded, tree: Tree, scheme):
    rp = recorded(viewport=DESKTOP)
    page = rp.page
    pages = tree.pages
    problems = {}
    for i, (name, url) in enumerate(pages.items()):
        page.goto(url, wait_until="load")
        if i == 0 and scheme == "slate":
            # The reader's way: the header's toggle; Material keeps the choice.
            page.get_by_title("Switch to dark mode").click()
            page.reload(wait_until="load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme, name
        found = axe_violations(page)
        if found:
            problems[name] = found
    assert problems == {}


def test_axe_sees_an_unlabelled_input(recorded):
    page = recorded().page
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><input type="text"></main></html>')
    assert any(v.startswith("label:") for v in axe_violations(page))


# --- valid HTML --------------------------------------------------------------

# Errors in Material's own markup that no block override can reach, each
# matched by message and by the markup it quotes.
AUTOCOMPLETE = (
    # base.html's drawer and search toggles, outside every block:
    # <input type="checkbox" ... autocomplete="off">.
    "Attribute “autocomplete” is only allowed when the input type is",
    "data-md-toggle=",
)
VNU_ALLOWED = {
    "mkdocs": [AUTOCOMPLETE],
    "zensical": [
        AUTOCOMPLETE,
        # Zensical's base.html hides the drawer's overlay label from screen
        # readers (<label class="md-overlay" for="__drawer" aria-hidden="true">),
        # outside every block.
        ("The “aria-hidden” attribute must not be used on any “label” element", 'class="md-overlay"'),
    ],
}


def run_vnu(files: list[Path]) -> list[dict]:
    """The Nu Html Checker's errors for `files` (one JVM for all)."""
    if shutil.which("java") is None:
        pytest.fail("java is missing: the Nu Html Checker needs it (apt-get install default-jre-headless)")
    result = subprocess.run(
        ["java", "-jar", str(_need(VNU)), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
    )
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]


def allowed(message: dict, entries) -> bool:
    return any(message["message"].startswith(text) and quote in message.get("extract", "") for text, quote in entries)


@pytest.fixture(scope="module")
def vnu_errors(online, offline) -> list[dict]:
    files = sorted(online.root.rglob("*.html")) + sorted(offline.root.rglob("*.html"))
    return run_vnu(files)


def test_html_is_valid(vnu_errors, tree: Tree):
    mine = [m for m in vnu_errors if Path(unquote(urlsplit(m["url"]).path)).is_relative_to(tree.root)]
    problems = [
        f"{Path(unquote(urlsplit(m['url']).path)).relative_to(tree.root)}:{m.get('lastLine')}: {m['message']}"
        for m in mine
        if not allowed(m, VNU_ALLOWED[tree.engine])
    ]
    assert problems == []
    stale = [entry for entry in VNU_ALLOWED[tree.engine] if not any(allowed(m, [entry]) for m in mine)]
    assert stale == [], "allow-list entries that match nothing any more: remove them"


def test_vnu_sees_broken_html(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html lang="en"><title>t</title>'
        '<meta name="description" content="a "quoted" word"><p><div></p>',
        encoding="utf-8",
    )
    errors = run_vnu([bad])
    assert len(errors) >= 2 and not all(allowed(m, VNU_ALLOWED["zensical"]) for m in errors)


# --- what each page loads: weight, origin, phone width -----------------------


@dataclass
class Visit:
    """One page opened cold at phone width: every request and the layout's width."""

    requests: list[str] = field(default_factory=list)
    scroll_width: int = 0


def visit(browser, url: str) -> Visit:
    """Open `url` in a fresh context (empty cache) at 360 px and record what it loads."""
    seen = Visit()
    context = browser.new_context(viewport=PHONE)
    context.on("request", lambda req: seen.requests.append(req.url))
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        seen.scroll_width = page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()
    return seen


_VISITS: dict[tuple[str, str], dict[str, Visit]] = {}


@pytest.fixture
def visits(browser, tree: Tree) -> dict[str, Visit]:
    """{page name: Visit}: every page of the tree, visited once per session and engine."""
    key = (tree.engine, tree.name)
    if key not in _VISITS:
        _VISITS[key] = {name: visit(browser, url) for name, url in tree.pages.items()}
    return _VISITS[key]


def weight(tree: Tree, requests: list[str]) -> int:
    """Bytes of every file a page loaded (each once), as served."""
    return sum(
        tree.file_for(u).stat().st_size
        for u in sorted(set(requests))
        if tree.is_local(u) and not u.startswith(Tree.LOCAL_SCHEMES)
    )


# Page weight: the page and everything it loads (uncompressed bytes, each
# file once), opened cold. Set from measurement on 2026-12-01 plus 10%, once
# every footnote carried its passages; Zensical's theme and search are heavier
# (scripts/bench_reader.py prints the figures). About 470 kB of every page is
# shared: the theme's CSS and JS, the search worker and index, the palette
# CSS, extra.css, reader.js and the favicon.
# A page without a budget fails: measure it and add one.
BUDGET = {
    "mkdocs": {
        "online": {
            "/": 634_000,
            "404.html": 621_000,
            "claims/": 625_000,
            "claims/fact-1/": 754_000,
            "claims/fact-2/": 720_000,
            "claims/fact-3/": 734_000,
            "claims/fact-4/": 714_000,
            "claims/fact-5/": 754_000,
            "contributing/": 628_000,
            "contributing/authoring/": 654_000,
            "contributing/checks/": 695_000,
            "contributing/linkcheck/": 629_000,
            "figures/": 738_000,
            "glossary/": 796_000,
            "methodology/": 679_000,
            "sources/": 1_086_000,
            "the-page/": 647_000,
            "timeline/": 769_000,
        },
        "bundle": {
            "/": 636_000,
            "claims/": 627_000,
            "claims/fact-1/": 757_000,
            "claims/fact-2/": 723_000,
            "claims/fact-3/": 737_000,
            "claims/fact-4/": 716_000,
            "claims/fact-5/": 756_000,
            "contributing/": 630_000,
            "contributing/authoring/": 656_000,
            "contributing/checks/": 698_000,
            "contributing/linkcheck/": 631_000,
            "figures/": 740_000,
            "glossary/": 798_000,
            "methodology/": 681_000,
            "sources/": 1_088_000,
            "the-page/": 649_000,
            "timeline/": 771_000,
        },
    },
    "zensical": {
        "online": {
            "/": 699_000,
            "404.html": 686_000,
            "claims/": 690_000,
            "claims/fact-1/": 818_000,
            "claims/fact-2/": 784_000,
            "claims/fact-3/": 798_000,
            "claims/fact-4/": 778_000,
            "claims/fact-5/": 817_000,
            "contributing/": 693_000,
            "contributing/authoring/": 720_000,
            "contributing/checks/": 766_000,
            "contributing/linkcheck/": 695_000,
            "figures/": 808_000,
            "glossary/": 858_000,
            "methodology/": 745_000,
            "sources/": 1_162_000,
            "the-page/": 712_000,
            "timeline/": 830_000,
        },
        "bundle": {
            "/": 701_000,
            "claims/": 693_000,
            "claims/fact-1/": 820_000,
            "claims/fact-2/": 786_000,
            "claims/fact-3/": 800_000,
            "claims/fact-4/": 780_000,
            "claims/fact-5/": 819_000,
            "contributing/": 696_000,
            "contributing/authoring/": 722_000,
            "contributing/checks/": 768_000,
            "contributing/linkcheck/": 697_000,
            "figures/": 811_000,
            "glossary/": 861_000,
            "methodology/": 747_000,
            "sources/": 1_164_000,
            "the-page/": 715_000,
            "timeline/": 833_000,
        },
    },
}


def test_pages_stay_within_their_byte_budget(visits, tree: Tree):
    budget = BUDGET[tree.engine][tree.name]
    weights = {name: weight(tree, v.requests) for name, v in visits.items()}
    assert sorted(weights) == sorted(budget), f"pages without a budget, or budgets without a page; measured: {weights}"
    over = {name: f"{w:,} > {budget[name]:,}" for name, w in weights.items() if w > budget[name]}
    assert over == {}, f"measured: {weights}"


def test_weight_counts_what_a_page_loads(browser, tmp_path):
    (tmp_path / "big.js").write_text("//" + "x" * 500_000, encoding="utf-8")
    (tmp_path / "index.html").write_text('<!doctype html><script src="big.js"></script>', encoding="utf-8")
    t = Tree("bundle", tmp_path, tmp_path.as_uri() + "/")
    assert weight(t, visit(browser, t.url("index.html")).requests) > 500_000


def test_no_request_leaves_the_site(visits, tree: Tree):
    leaving = {name: [u for u in v.requests if not tree.is_local(u)] for name, v in visits.items()}
    assert {k: v for k, v in leaving.items() if v} == {}
    assert all(v.requests for v in visits.values())


def test_a_remote_load_is_recorded(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><img src="https://example.invalid/x.png" alt="">', encoding="utf-8"
    )
    t = Tree("bundle", tmp_path, tmp_path.as_uri() + "/")
    assert [u for u in visit(browser, t.url("index.html")).requests if not t.is_local(u)] == [
        "https://example.invalid/x.png"
    ]


def test_every_page_fits_a_360px_phone(visits, tree: Tree):
    wide = {name: v.scroll_width for name, v in visits.items() if v.scroll_width > PHONE["width"]}
    assert wide == {}


def test_phone_check_sees_a_wide_element(recorded, online):
    page = recorded(viewport=PHONE).page
    page.goto(online.pages["claims/fact-1/"], wait_until="load")
    page.evaluate("""() => { const pre = document.createElement("pre");
        pre.style.whiteSpace = "pre"; pre.textContent = "x".repeat(200);
        document.querySelector(".md-content__inner").append(pre); }""")
    assert page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]


# --- Content-Security-Policy -------------------------------------------------

CSP = "meta[http-equiv='Content-Security-Policy']"

INJECT = """() => new Promise(resolve => {
    const blocked = [];
    document.addEventListener("securitypolicyviolation", e => blocked.push(e.blockedURI));
    const s = document.createElement("script");
    s.src = "https://example.invalid/x.js";
    s.onerror = s.onload = () => setTimeout(() => resolve(blocked), 50);
    document.body.append(s);
})"""


def inject_remote_script(rp, url: str) -> tuple[list[str], list[str]]:
    """Append a remote <script> to the page at `url`: (CSP reports, requests that reached the network)."""
    reached = []

    def network(route):
        reached.append(route.request.url)
        route.fulfill(status=200, content_type="text/javascript", body="")

    rp.context.route("https://example.invalid/**", network)
    rp.page.goto(url, wait_until="load")
    return rp.page.evaluate(INJECT), reached


def test_every_page_carries_the_policy(tree: Tree):
    missing = []
    for path in tree.root.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        head = html[: html.find("<script")]
        if 'http-equiv="Content-Security-Policy"' not in head or "default-src 'self'" not in head:
            missing.append(path.relative_to(tree.root).as_posix())
    assert missing == []


def test_the_policy_blocks_an_injected_remote_script(recorded, tree: Tree):
    rp = recorded()
    reports, reached = inject_remote_script(rp, tree.pages["claims/fact-1/"])
    assert reports == ["https://example.invalid/x.js"]
    assert reached == []


def test_without_the_policy_the_script_would_load(recorded, online):
    """The control: the same page with its policy removed lets the script through."""
    rp = recorded()
    url = online.pages["claims/fact-1/"]

    def strip_policy(route):
        html = route.fetch().text()
        start = html.index('<meta http-equiv="Content-Security-Policy"')
        route.fulfill(status=200, content_type="text/html", body=html[:start] + html[html.index(">", start) + 1 :])

    rp.context.route(url, strip_policy)
    reports, reached = inject_remote_script(rp, url)
    assert reports == [] and reached == ["https://example.invalid/x.js"]
