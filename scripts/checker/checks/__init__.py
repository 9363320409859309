"""The checks: pure functions from the Project to a list of Diagnostics.

Each module groups the checks of one family. ALL lists every check in the
order they run; none of them prints, exits or writes.
"""

from . import absence, charts, citations, claims, dates, figures, generated, html, passages, quotes, registry, words

ALL = (
    registry.check_sources,
    passages.check_sources_passages,
    registry.check_figures,
    registry.check_uncited_sources,
    citations.check_citations,
    passages.check_footnote_passages,
    dates.check_dates,
    absence.check_absence,
    figures.check_prose_figures,
    quotes.check_quotations,
    claims.check_claim_pages,
    claims.check_reproduction,
    generated.check_generated,
    charts.check_charts,
    passages.check_passage_blocks,
    html.check_raw_html,
    words.check_words_to_watch,
)
