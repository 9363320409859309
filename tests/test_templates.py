"""Every template under overrides/ stays in the subset both engines render."""

from __future__ import annotations

from pathlib import Path

from support import ROOT
from templatelint import lint

TEMPLATES = sorted((ROOT / "overrides").rglob("*.html"))


def test_templates_use_only_what_both_engines_render():
    assert TEMPLATES
    findings = [str(f) for path in TEMPLATES for f in lint(path, ROOT)]
    assert findings == []


def test_the_lint_names_file_line_and_engine(tmp_path: Path):
    bad = tmp_path / "overrides" / "main.html"
    bad.parent.mkdir()
    bad.write_text(
        "{#- a comment may say page.file.src_uri.startswith(x) -#}\n"
        '{% set ok = page.file.src_uri.startswith("claims/") %}\n'
        '<p title="{{ p.split(\'-\') }}">{{ int(x) }} {{ x | int }} {{ "a.b(c)" }}</p>\n'
        "{% set d = dict(d, url=u) %}{% set _ = d.update({'url': u}) %}\n",
        encoding="utf-8",
    )
    assert [str(f) for f in lint(bad, tmp_path)] == [
        "overrides/main.html:2: zensical (minijinja) cannot render a method call on a value (.startswith(...)): "
        "use a filter or a slice",
        "overrides/main.html:2: zensical (minijinja) cannot render page.file is undefined: use page.url",
        "overrides/main.html:3: zensical (minijinja) cannot render a method call on a value (.split(...)): "
        "use a filter or a slice",
        "overrides/main.html:3: zensical (minijinja) cannot render the Python built-in int(...): "
        "use the filter of that name (x | int, x | length, ...)",
        "overrides/main.html:4: zensical (minijinja) cannot render a method call on a value (.update(...)): "
        "use a filter or a slice",
    ]
