"""Every diagnostic code, with a one-line summary.

Codes are a family prefix and three digits and are never reused; a retired
code stays here, marked retired. docs/contributing/checks.md has one entry
per code, and a test keeps the two in step.

Families: IO (files), REG (registry files), SRC (sources), FIG (figures),
CIT (citations), QUO (quotations), CLM (the claim text), DOC (page shape),
GEN (generated pages), HTM (raw HTML), WRD (words to watch), DAT (dates),
ABS (absence claims and their search records), CHT (charts).
"""

CODES: dict[str, str] = {
    "IO001": "a file cannot be read as UTF-8 text",
    "REG001": "a registry file is missing",
    "REG002": "a registry file is not valid YAML",
    "REG003": "a registry is not a list of mappings",
    "SRC001": "a source lacks a required field, or a field has the wrong type",
    "SRC002": "two sources share an id",
    "SRC003": "a source id is not kebab-case",
    "SRC004": "a source's kind is not one of the registered kinds",
    "SRC005": "a source's date or accessed date does not parse",
    "SRC006": "a source's URL is not an absolute https URL",
    "SRC007": "a source is cited nowhere and not marked background",
    "SRC008": "a source has a field the schema does not know",
    "SRC009": "two passages of one source share a locator",
    "SRC010": "a passage does not say where it was seen (url, copy or notes)",
    "FIG001": "a figure lacks a required field, or has both or neither of value and formula",
    "FIG002": "two figures share an id",
    "FIG003": "a figure names a source that is not registered",
    "FIG004": "a figure's format is not a known format",
    "FIG005": "a figure's formula is invalid, names an unknown figure, or is circular",
    "FIG006": "a figure's excerpt is not in its source's stored excerpts",
    "FIG007": "a figure's excerpt does not contain the number",
    "FIG008": "a figure link's text differs from the registered value as formatted",
    "FIG009": "a figure link points to no registered figure",
    "FIG010": "a number in prose is not a registered figure",
    "FIG011": "a registered figure is used on no page",
    "FIG012": "a figure has a field the schema does not know",
    "CIT001": "a footnote is referenced but never defined",
    "CIT002": "a footnote is defined but never referenced",
    "CIT003": "a footnote definition does not link to a source on the sources page",
    "CIT004": "a citation names a source that is not registered",
    "CIT005": "a footnote definition gives no locator",
    "CIT006": "a paragraph, list item or table row of annotation prose has no citation",
    "CIT007": "a footnote label is defined twice on one page",
    "CIT008": "a footnote names no stored passage of its source",
    "CIT009": "a footnote names a passage its source does not have",
    "CIT010": "a passage link's text differs from the passage's locator",
    "CIT011": "a paragraph rests only on passages seen in our research notes",
    "DAT001": "a date in prose stands in no passage the paragraph cites",
    "ABS001": "an absence claim links no search record",
    "ABS002": "a link names a search record that does not exist",
    "ABS003": "a search record lacks a field or has a bad id",
    "QUO001": "a quotation is not in any stored excerpt of the sources cited beside it",
    "QUO002": "a quotation stands in a paragraph that cites no source",
    "CLM001": "a passage of the claim blockquote is not in ICE's text",
    "CLM002": "the claim blockquote is not the whole FACT section named by `claim:`",
    "CLM003": "the reproduction of ICE's page differs from the reference text",
    "DOC001": "a page's front matter is missing or is not valid YAML",
    "DOC002": "a claim page's front matter lacks a key or has a bad value",
    "DOC003": "a claim page's level-2 headings are missing or out of order",
    "DOC004": "two claim pages annotate the same claim",
    "DOC005": "the rating line under Bottom line is missing or differs from `rating:`",
    "DOC006": "front matter `bottom_line` differs from the Bottom line section",
    "DOC007": "a claim page's heading differs from its title",
    "GEN001": "a generated page is stale or was edited by hand",
    "GEN002": "the passages written under a footnote are stale or were edited by hand",
    "CHT001": "a chart names a figure that is not registered",
    "CHT002": "a chart puts figures of different units on one axis",
    "CHT003": "a chart's SVG is missing or shows other data than the registry gives",
    "CHT004": "a chart's title or labels type a number instead of naming a figure",
    "CHT005": "a chart is not placed on its page",
    "HTM001": "raw HTML uses a tag outside the allow-list",
    "HTM002": "raw HTML uses a forbidden attribute or a javascript: URL",
    "WRD001": "a word to watch stands in annotation prose (a warning)",
}

# Codes that mean the input could not be read: the run exits 2, not 1.
# Warnings: printed always, failing the run only under --strict.
WARNINGS = frozenset({"WRD001"})

UNREADABLE = frozenset({"IO001", "REG001", "REG002"})

DOCS_PAGE = "contributing/checks.md"
