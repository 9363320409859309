"""The editorial rules as data: kinds, ratings, headings, formats, exemptions.

Kept apart from the code that applies them, so that a reviewer can read the
whole policy in one screen. docs/methodology.md states the same rules for
readers; tests keep the rating labels of both in step.
"""

import re

SOURCE_KINDS = ("government", "court", "legislation", "academic", "think tank", "advocacy", "press", "other")

SOURCE_FIELDS_REQUIRED = ("id", "title", "publisher", "kind", "date", "url", "accessed", "excerpts")
SOURCE_FIELDS_OPTIONAL = ("author", "copy", "archive_url", "background", "cited_whole")

# Where an excerpt was read: at the registered url (or its archive_url), at
# the named copy (the source's `copy` note says which), or only in our
# research notes (never a sentence's only support: CIT011).
SEEN = ("url", "copy", "notes")

FIGURE_FIELDS_REQUIRED = ("id", "format", "unit", "counts")
FIGURE_FIELDS_SOURCED = ("source", "locator", "excerpt")
FIGURE_FIELDS_OPTIONAL = ("value", "formula", "period", "leaves_out")

RATINGS = (
    "Accurate",
    "Accurate, missing context",
    "Partly accurate",
    "Misleading",
    "Inaccurate",
    "Unsupported",
)

CLAIM_META_REQUIRED = (
    "title",
    "description",
    "claim",
    "claim_summary",
    "rating",
    "bottom_line",
    "published",
    "reviewed",
)

CLAIM_HEADINGS = (
    "The claim",
    "Bottom line",
    "The case for the claim",
    "What the record shows",
    "Figures checked",
    "What happened next",
    "Sources",
)
# Sections whose units need no citation of their own.
UNCITED_SECTIONS = ("The claim", "Bottom line", "Sources")

# Pages (relative to docs/) whose prose is annotation: every number must be a
# figure. Globs in fnmatch syntax.
NUMBER_CHECKED = ("claims/fact-*.md", "timeline.md", "index.md", "methodology.md", "claims/index.md")
# Pages whose every unit must carry a citation.
CITATION_REQUIRED = ("claims/fact-*.md", "timeline.md", "glossary.md")
# Pages exempt from the quotation check: examples and ICE's own text.
QUOTES_EXEMPT = ("contributing/*", "the-page.md", "sources.md", "figures.md")
# Generated pages: written by scripts/generate, never by hand.
GENERATED = ("sources.md", "figures.md")

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|"
    r"July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
    r"Dec(?:ember|\.)?)"
)

# Spans of prose in which digits are not figures. Each is documented on
# docs/contributing/authoring.md ("Numbers that are not figures").
NUMBER_EXEMPTIONS = tuple(
    re.compile(p)
    for p in (
        # dates: "Aug. 31", "June 17-18", ISO dates
        _MONTH + r"\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?(?![\d,]*\d)",
        r"\b\d{4}-\d{2}-\d{2}\b",
        # years and decades, fiscal years: 2012, 1990s, FY2012, FY 2012, FY12
        r"(?<![\d,.$])(?:1[89]|20)\d\ds?(?![\d,.%]*\d)(?!%)",
        r"\bFY\s?\d{2}(?:\d{2})?\b",
        # identifiers of reports, laws and forms: GAO-12-708, OIG-12-66, I-247
        r"\b[A-Z][A-Za-z]*(?:\.[A-Z])*\.?-\d[\d-]*\b",
        r"\b(?:Executive Orders?|EO|E\.O\.|Public Law|P\.L\.|Pub\. L\.|No\.|Nos\.|H\.R\.|S\.|"
        r"AB|SB|Policy|Directive|[Ss]ection|[Ss]ections|§+|Form|Report|report)\s*\d[\d.\-–]*"
        r"(?:\([a-z0-9]+\))*",
        r"\b\d+\([a-z0-9]+\)(?:\([a-z0-9]+\))*",
        r"\b\d+\s+(?:U\.S\.C\.|C\.F\.R\.|FR|Fed\. Reg\.|Stat\.|U\.S\.|F\.\s?\d?d|F\. Supp\.)\s*§*\s*\d*",
        # the claims and ICE's offence levels: FACT 1, Level 2, Levels 1 and 2
        r"\bFACTs? [1-5](?:(?:,| and| or|–|-) ?[1-5])*\b",
        r"\b[Ll]evels? [1-3](?:(?:,| and| or|–|-) ?[1-3])*\b",
        # licence versions: CC BY 4.0
        r"\bCC BY(?:-SA)? \d\.\d\b",
    )
)

# A quotation of at most this many words in a paragraph that cites nothing is
# a mention of a term or heading ("FACT:", "What happened next"), not a
# quotation of a source.
MENTION_MAX_WORDS = 3

# Sources whose text is ICE's page itself: quotations of the page are checked
# against reference/get-the-facts.txt when a paragraph cites one of them.
ICE_TEXT_SOURCES = ("ice-get-the-facts", "blog-repost-2015")

# Words that argue instead of report, or that date a sentence ("now"): our
# words-to-watch list (after Wikipedia's). Outside quotations they draw a
# warning, WRD001, which fails only `scripts/check --strict` (as CI runs it).
WORDS_TO_WATCH = re.compile(
    r"\b(?:so-called|purported(?:ly)?|clearly|obviously|of course|notorious(?:ly)?|draconian|"
    r"shocking(?:ly)?|disturbing(?:ly)?|admitted(?:ly)?|slammed|blasted|debunked|"
    r"currently|now|today|nowadays|recently)\b",
    re.I,
)

# Raw HTML a contribution may use: anchors and the wrappers md_in_html needs.
HTML_TAGS_ALLOWED = frozenset(
    {"a", "abbr", "br", "div", "span", "sup", "sub", "details", "summary", "figure", "figcaption"}
)
HTML_ATTRS_ALLOWED = frozenset({"id", "class", "href", "title", "markdown"})

# A full date in prose, in the formats the site and its sources use:
# "Nov. 20, 2014", "November 20, 2014", "20 November 2014", "2014-11-20",
# "11/20/2014". DAT001 looks for the same day in the passages a unit cites.
_MONTH_WORD = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
FULL_DATES = (
    re.compile(_MONTH_WORD + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH_WORD + r",?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
)
# A day without its year, for passages that give the year elsewhere
# ("on Nov. 20" in a memo dated 2014).
MONTH_DAYS = (
    re.compile(_MONTH_WORD + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH_WORD + r"\b"),
)
# Pages whose prose must date-check (annotation prose, the ICE page's notes).
DATES_CHECKED = ("claims/fact-*.md", "timeline.md", "the-page.md", "index.md", "glossary.md")

# Sentences that say we did not find something: each links its search
# record on the methodology page (ABS001).
ABSENCE = re.compile(
    r"\b(?:we\s+(?:found|find|saw)\s+no|(?:could|did|have|has)\s+not\s+(?:find|found|see|seen|locate)|"
    r"(?:was|were|is|are)\s+not\s+seen|not\s+been\s+(?:found|seen)|no\s+(?:\w+\s+){1,6}we\s+(?:found|saw)|"
    r"we\s+(?:found|saw)\s+nothing|we\s+could\s+not\s+find|nowhere\s+(?:did\s+)?we\s+(?:find|see))\b",
    re.IGNORECASE,
)
ABSENCE_CHECKED = ("claims/fact-*.md", "timeline.md", "the-page.md", "index.md", "glossary.md")
SEARCH_LINK_TARGET = re.compile(r"(?:^|/)methodology\.md#(search-[a-z0-9-]+)$")
