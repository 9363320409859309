"""Claim pages and the reproduction of ICE's page (DOC, CLM).

A claim page's front matter and headings follow the skeleton in
authoring.md; its blockquote is the whole FACT section it names, word for
word; the-page.md reproduces ICE's text exactly.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Diagnostic, Page, Project
from ..pages import GENERATED_END, GENERATED_START
from ..rules import CLAIM_HEADINGS, CLAIM_META_REQUIRED, RATINGS
from ..text import normalise, strip_emphasis

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_ANY_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(.+?)\1")
_SPACE = re.compile(r"\s+")
_TAGS = re.compile(r"<[^>]+>")


def reference_sections(reference: str) -> dict[int, list[str]]:
    """ICE's text split into its FACT sections: {n: [headline, paragraph, ...]}."""
    sections: dict[int, list[str]] = {}
    current = 0
    for para in (p.strip() for p in reference.split("\n\n")):
        if para.startswith("FACT:"):
            current += 1
            sections[current] = []
        if para.startswith("via ") or not para or current == 0:
            continue
        sections[current].append(para)
    return sections


def plain_text(markdown: str) -> str:
    """A paragraph as a reader reads it: links as their text, no footnote markers or emphasis."""
    text = _LINK.sub(r"\1", _FOOTNOTE_REF.sub("", markdown))
    return normalise(_ANY_EMPHASIS.sub(r"\2", text))


def _bottom_line_problem(page: Page) -> Diagnostic | None:
    """DOC006: `bottom_line:` must read as the Bottom line section does (share cards, the verdict)."""
    want = page.meta.get("bottom_line")
    paras = [u for u in page.units if u.section == "Bottom line" and not u.text.startswith("Rating:")]
    if not isinstance(want, str) or not want.strip() or not paras:
        return None  # DOC002 reports a missing key; DOC003 a missing section
    said = plain_text(" ".join(u.text for u in paras))
    if normalise(want) == said:
        return None
    return Diagnostic(
        page.path,
        page.meta_line,
        1,
        "DOC006",
        f"front matter bottom_line differs from the Bottom line section: {said[:60]!r}…",
        help="copy the section's text into `bottom_line:` as plain words (links as their text, no footnotes)",
    )


def _meta_problems(page: Page) -> list[str]:
    meta = page.meta
    in_progress = meta.get("status") == "in-progress"
    required = [k for k in CLAIM_META_REQUIRED if not (in_progress and k == "rating")]
    problems = [f"lacks {k!r}" for k in required if meta.get(k) in (None, "")]
    if "claim" in meta and meta["claim"] not in (1, 2, 3, 4, 5):
        problems.append(f"claim is {meta['claim']!r}, expected a number from 1 to 5")
    if meta.get("rating") and meta["rating"] not in RATINGS:
        problems.append(f"rating {meta['rating']!r} is not on the methodology page's scale ({', '.join(RATINGS)})")
    for key in ("published", "reviewed"):
        value = meta.get(key)
        if value and not isinstance(value, dt.date):
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                problems.append(f"{key} {value!r} is not a date (YYYY-MM-DD)")
    if meta.get("status") not in (None, "in-progress"):
        problems.append(f"status {meta['status']!r}: the only status is 'in-progress'")
    return problems


def check_claim_pages(project: Project) -> list[Diagnostic]:
    """DOC001-DOC004, CLM001 and CLM002 on docs/claims/fact-*.md."""
    out = []
    sections = reference_sections(project.reference_text)
    reference_norm = normalise(project.reference_text)
    claimed: dict[int, str] = {}
    for page in (p for p in project.pages if p.is_claim):
        if not page.meta_line:
            out.append(
                Diagnostic(
                    page.path,
                    1,
                    1,
                    "DOC001",
                    "a claim page needs front matter",
                    help="see docs/contributing/authoring.md, 'Claim pages'",
                )
            )
            continue
        if not page.meta_ok:
            continue  # DOC001 already says why; its keys cannot be judged
        for problem in _meta_problems(page):
            out.append(Diagnostic(page.path, page.meta_line, 1, "DOC002", f"front matter {problem}"))
        number = page.meta.get("claim")
        if number in claimed:
            out.append(
                Diagnostic(
                    page.path, page.meta_line, 1, "DOC004", f"claim {number} is annotated on {claimed[number]} already"
                )
            )
        elif isinstance(number, int):
            claimed[number] = page.path
        expected = ("The claim",) if page.meta.get("status") == "in-progress" else CLAIM_HEADINGS
        found = tuple(text for level, _, text in page.headings if level == 2)
        if found != expected:
            line = next((ln for level, ln, _ in page.headings if level == 2), 1)
            out.append(
                Diagnostic(
                    page.path, line, 1, "DOC003", f"level-2 headings are {list(found)}, expected {list(expected)}"
                )
            )
        rating = page.meta.get("rating")
        has_bottom_line = any(level == 2 and text == "Bottom line" for level, _, text in page.headings)
        if rating in RATINGS and has_bottom_line and page.meta.get("status") != "in-progress":
            lines = [u for u in page.units if u.section == "Bottom line" and u.text.startswith("Rating:")]
            if [u.text for u in lines] != [f"Rating: **{rating}**."]:
                line = lines[0].line if lines else page.meta_line
                out.append(
                    Diagnostic(
                        page.path,
                        line,
                        1,
                        "DOC005",
                        f"the bottom line must end with the line 'Rating: **{rating}**.'",
                        help="one rating line, the same label as `rating:` in the front matter",
                    )
                )
        if page.meta.get("status") != "in-progress" and (problem := _bottom_line_problem(page)):
            out.append(problem)
        h1 = next(((ln, text) for level, ln, text in page.headings if level == 1), None)
        title = page.meta.get("title")
        if h1 and isinstance(title, str) and h1[1] != title:
            out.append(
                Diagnostic(
                    page.path,
                    h1[0],
                    1,
                    "DOC007",
                    f"the heading {h1[1]!r} differs from the title {title!r}",
                    help="one name per claim: the H1 is the front matter's title, which the navigation, "
                    "the claims index and the home page use too",
                )
            )
        quoted = [u for u in page.units if u.kind == "quote" and u.section == "The claim"]
        paras = [normalise(strip_emphasis(u.text)) for u in quoted]
        for u, para in zip(quoted, paras, strict=True):
            if para not in reference_norm:
                out.append(
                    Diagnostic(
                        page.path,
                        u.line,
                        1,
                        "CLM001",
                        f'"{para[:60]}…" is not in ICE\'s text',
                        help="copy the passage from reference/get-the-facts.txt",
                    )
                )
        want = [normalise(p) for p in sections.get(number, [])] if isinstance(number, int) else []
        if want and paras != want:
            line = quoted[0].line if quoted else page.meta_line
            out.append(
                Diagnostic(
                    page.path,
                    line,
                    1,
                    "CLM002",
                    f"the claim blockquote holds {len(paras)} passage(s) that are not FACT {number}'s "
                    f"headline and {len(want) - 1} paragraph(s), whole and in order",
                    help="quote the bold headline, then every paragraph of the section",
                )
            )
    return out


def _page_paragraphs(page: Page) -> list[tuple[int, str]]:
    """The paragraphs inside the verbatim block of the-page.md, as plain text."""
    lines = page.text.split("\n")
    start = next((i for i, ln in enumerate(lines) if 'class="verbatim"' in ln), None)
    if start is None:
        return []
    paras, buf, first, generated = [], [], 0, False
    for i in range(start + 1, len(lines)):
        ln = lines[i]
        # Our verdict beside each FACT heading is generated, not ICE's text.
        if GENERATED_START.match(ln) or (generated and GENERATED_END.match(ln)):
            generated = not generated
            continue
        if generated:
            continue
        if ln.strip() == "</div>" or not ln.strip() or ln.lstrip().startswith("<a id="):
            if buf:
                paras.append((first, " ".join(buf)))
                buf = []
            if ln.strip() == "</div>":
                break
            continue
        if not buf:
            first = i + 1
        text = _LINK.sub(r"\1", strip_emphasis(_TAGS.sub("", ln).lstrip("#").strip()))
        buf.append(text)
    return paras


def check_reproduction(project: Project) -> list[Diagnostic]:
    """CLM003: the-page.md reproduces the reference text paragraph by paragraph."""
    page = next((p for p in project.pages if p.rel == "the-page.md"), None)
    if page is None:
        return []
    want = [_SPACE.sub(" ", p).strip() for p in project.reference_text.split("\n\n") if p.strip()]
    got = _page_paragraphs(page)
    for index, expected in enumerate(want):
        if index >= len(got):
            return [
                Diagnostic(
                    page.path, 1, 1, "CLM003", f'paragraph {index + 1} of ICE\'s text is missing: "{expected[:60]}"'
                )
            ]
        line, text = got[index]
        if _SPACE.sub(" ", text).strip() != expected:
            return [
                Diagnostic(
                    page.path,
                    line,
                    1,
                    "CLM003",
                    f'this paragraph differs from ICE\'s text, which reads "{expected[:60]}…"',
                    help="copy it from reference/get-the-facts.txt",
                )
            ]
    if len(got) > len(want):
        return [Diagnostic(page.path, got[len(want)][0], 1, "CLM003", "text after the end of ICE's page")]
    return []
