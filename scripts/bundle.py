"""Trim a built site to what a reader loads, and zip it reproducibly.

Material ships source maps, search stemmers for some forty languages and a
sitemap; a reader of this English site never loads any of them. The zip has
sorted entries and one fixed timestamp, so the same tree gives the same bytes.
"""

from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path

# Relative paths (globs) no reader of the bundle needs.
UNUSED = (
    "**/*.map",
    "sitemap.xml",
    "sitemap.xml.gz",
    # A server shows 404.html for a missing page; a browser on file:// never does.
    "404.html",
    # Stemmers and segmenters for other languages; English needs none.
    "assets/javascripts/lunr/**/*",
)


# Online, a server still wants its 404 page and a sitemap.
UNUSED_ONLINE = ("**/*.map", "assets/javascripts/lunr/**/*")


def prune(site: Path, *, offline: bool) -> None:
    """Delete what no reader loads; offline, also the JSON index once the JS copy exists."""
    for pattern in UNUSED if offline else UNUSED_ONLINE:
        for path in site.glob(pattern):
            if path.is_file():
                path.unlink()
    # The JSON index once its JS copy exists (file:// cannot fetch JSON):
    # MkDocs writes search/search_index.js, Zensical search.js.
    for index_js, index_json in (("search/search_index.js", "search/search_index.json"), ("search.js", "search.json")):
        if offline and (site / index_js).exists():
            (site / index_json).unlink(missing_ok=True)
    drop_unlinked_theme_variants(site)
    drop_unlinked_theme_favicon(site)
    for folder in sorted(site.rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            shutil.rmtree(folder)


def drop_unlinked_theme_variants(site: Path) -> None:
    """Zensical ships the stylesheets of both its looks (classic, modern); drop a look no page links."""
    styles = site / "assets" / "stylesheets"
    variants = [d for d in styles.iterdir() if d.is_dir()] if styles.is_dir() else []
    if not variants:
        return
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    for variant in variants:
        if not any(f"stylesheets/{variant.name}/" in html for html in pages):
            shutil.rmtree(variant)


def drop_unlinked_theme_favicon(site: Path) -> None:
    """The theme copies its favicon.png even when the site names another (ours is an SVG)."""
    png = site / "assets" / "images" / "favicon.png"
    if png.exists() and not any("favicon.png" in p.read_text(encoding="utf-8") for p in site.rglob("*.html")):
        png.unlink()


def write_zip(site: Path, dest: Path, epoch: int) -> None:
    """Zip `site` into `dest` with sorted names and a fixed timestamp."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(site).as_posix(), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes(), compresslevel=9)
