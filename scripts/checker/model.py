"""Typed records the loaders produce and the checks consume."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .text import passage_anchor


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one place: path:line:col: CODE message."""

    path: str
    line: int
    col: int
    code: str
    message: str
    help: str = ""

    def sort_key(self) -> tuple:
        """Path, then position, then code: a stable order for output."""
        return (self.path, self.line, self.col, self.code, self.message)


@dataclass(frozen=True)
class Excerpt:
    """A verbatim passage of a source, with where it stands in the source."""

    locator: str
    text: str
    line: int
    seen: str = ""  # url, copy or notes: where we read this passage (SEEN in rules.py)

    def anchor(self, source_id: str) -> str:
        """The passage's anchor on the sources page: `<source id>--<locator as a slug>`."""
        return passage_anchor(source_id, self.locator)


@dataclass(frozen=True)
class Source:
    """A registered document."""

    id: str
    title: str
    publisher: str
    kind: str
    date: str
    url: str
    accessed: str
    excerpts: tuple[Excerpt, ...]
    line: int
    path: str
    author: str = ""
    copy: str = ""
    archive_url: str = ""  # an archived copy we actually read; `url` is then the original's address
    background: bool = False
    cited_whole: str = ""  # why a footnote may cite this source without naming a passage

    def passage(self, anchor: str) -> Excerpt | None:
        """The excerpt whose anchor is `anchor`, if any (the first, when a locator repeats: SRC009)."""
        return self._passages.get(anchor)

    @cached_property
    def _passages(self) -> dict[str, Excerpt]:
        """Anchor -> excerpt, computed once: every footnote looks its passages up here."""
        out: dict[str, Excerpt] = {}
        for e in self.excerpts:
            out.setdefault(e.anchor(self.id), e)
        return out


@dataclass(frozen=True)
class Figure:
    """A registered number: a value with its source, or a formula over others."""

    id: str
    format: str
    unit: str
    counts: str
    line: int
    path: str
    value: float | None = None
    formula: str = ""
    period: str = ""
    leaves_out: str = ""
    source: str = ""
    locator: str = ""
    excerpt: str = ""


@dataclass(frozen=True)
class FootnoteDef:
    """A footnote definition: which source it cites and where in it."""

    label: str
    line: int
    col: int
    source_id: str | None
    locator: str
    text: str
    # The passages it names: (anchor on the sources page, link text), in order.
    passages: tuple[tuple[str, str], ...] = ()
    generated: tuple[str, ...] = ()  # the indented lines below it, which scripts/generate writes


@dataclass(frozen=True)
class Span:
    """A located piece of text inside a page."""

    text: str
    line: int
    col: int


@dataclass(frozen=True)
class Unit:
    """A paragraph, list item, table row or blockquote paragraph of prose.

    Citations, quotations, figures and numbers are judged unit by unit:
    a quotation must be found in a source cited in the same unit.
    """

    kind: str  # paragraph, item, row, header-row, quote
    section: str  # the level-2 heading above it ("" before the first)
    line: int
    text: str
    footnote_refs: tuple[Span, ...]
    figure_links: tuple[Span, ...]  # text = link text; id in figure_ids
    figure_ids: tuple[str, ...]
    source_links: tuple[Span, ...]  # text = source id linked in prose
    quotes: tuple[Span, ...]
    numbers: tuple[Span, ...]  # digits left once exemptions are masked
    html_tags: tuple[Span, ...]
    watch_words: tuple[Span, ...] = ()  # words-to-watch outside quotations


@dataclass(frozen=True)
class Page:
    """A Markdown page under docs/."""

    path: str  # relative to the repository root, e.g. docs/claims/fact-1.md
    rel: str  # relative to docs/, e.g. claims/fact-1.md
    meta: dict
    meta_line: int  # 0 when there is no front matter
    headings: tuple[tuple[int, int, str], ...]  # (level, line, text)
    units: tuple[Unit, ...]
    footnotes: tuple[FootnoteDef, ...]
    text: str
    meta_ok: bool = True  # False when the front matter could not be parsed

    @property
    def cited_sources(self) -> set[str]:
        """Ids of the sources this page cites, by footnote or by a prose link."""
        ids = {d.source_id for d in self.footnotes if d.source_id}
        return ids | {link.text for u in self.units for link in u.source_links}

    @property
    def is_claim(self) -> bool:
        """Claim pages live in docs/claims/ and are named fact-N.md."""
        return self.rel.startswith("claims/fact-")


@dataclass(frozen=True)
class SearchRecord:
    """A search we made and what it found: the record behind "we found no ..." (searches.yml)."""

    id: str
    sought: str
    where: str
    when: str
    terms: tuple[str, ...]
    found: str
    line: int
    path: str


@dataclass(frozen=True)
class Correction:
    """One entry of the corrections log."""

    date: str
    page: str
    correction: str


@dataclass
class Project:
    """Everything the checks look at, loaded once."""

    root: str
    sources: list[Source] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    reference_text: str = ""
    # False when a registry file could not be read: checks that compare pages
    # with it stand down, so the report shows the cause, not a cascade.
    sources_ok: bool = True
    figures_ok: bool = True
    # Every figure's number (formulas evaluated), and why a formula could not
    # be: computed once by the loader, used by the checks and the generator.
    values: dict[str, float] = field(default_factory=dict)
    value_problems: dict[str, str] = field(default_factory=dict)
    corrections: list[Correction] = field(default_factory=list)
    corrections_checked: str = ""
    searches: list[SearchRecord] = field(default_factory=list)
    charts: list = field(default_factory=list)  # charts.Chart, from docs/data/charts.yml
    panel: list = field(default_factory=list)  # charts.Pair, the home page's numbers
    load_errors: list[Diagnostic] = field(default_factory=list)
    # memo(what, compute): compute(), or the cache's result for the same inputs.
    memo: object = field(default=lambda what, compute: compute(), repr=False, compare=False)
