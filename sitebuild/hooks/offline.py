"""Fill in the service worker (``docs/sw.js`` → ``site/sw.js``) with this build's files.

Runs last (priority -100), after every other hook has written or rewritten its
files (the CSP meta tags included), and lists every file of the built site
with its SHA-256 (base64, as Subresource Integrity wants it) and its group:

- ``core``: pages and their assets, stored when the service worker installs;
- ``runtime``: Pyodide's files, the wheel and the chart library
  (``assets/calc/runtime/``), stored once a calculator page
  has loaded them, so a reader who only reads chapters never downloads the
  Python runtime;
- ``lazy``: formula fonts, search languages the site does not use, notebook
  downloads and anything over ``LAZY_BYTES``: stored only once the reader's
  browser fetches them (or, on the first visit, once the page reports that it
  used them: see ``docs/assets/offline/register.js``).

The version is the hash of that list: any change of any file gives a new
cache, and ``activate`` removes the old one (see ``docs/sw.js``).

Under ``mkdocs serve`` the worker is left as ``VERSION = "dev"``, which does
nothing, so live reload always shows the current files.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import pathlib

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitebuild import command as build_command

log = logging.getLogger("mkdocs.hooks.offline")

WORKER = "sw.js"
LAZY_BYTES = 512 * 1024
# never needed by a reader: source maps, the worker itself
SKIPPED_SUFFIXES = (".map",)
def group_of(path: str, size: int) -> str:
    name = path.rsplit("/", 1)[-1]
    # what sitebuild/calc/runtime.py copies: Pyodide, the wheel, the chart library
    if path.startswith("assets/calc/runtime/") or name.startswith(("pyodide", "python_stdlib")):
        return "runtime"
    if name.endswith((".whl", ".wasm")):
        return "runtime"
    # link preview cards (hooks/social.py) are for other sites' crawlers, never for the reader
    if path.startswith(("assets/javascripts/lunr/", "assets/cards/")) or size > LAZY_BYTES:
        return "lazy"
    # fonts for formulas only on pages with formulas; notebook downloads; sitemaps for robots
    if name.endswith((".woff2", ".woff", ".ttf", ".ipynb")) or name.startswith("sitemap.xml"):
        return "lazy"
    return "core"


def file_list(site: pathlib.Path) -> dict[str, dict[str, str]]:
    """``{"jualan/index.html": {"sha256": "…", "group": "core"}, …}`` for every file of the site."""
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if relative == WORKER or relative.endswith(SKIPPED_SUFFIXES):
            continue
        data = path.read_bytes()
        digest = base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")
        files[relative] = {"sha256": digest, "group": group_of(relative, len(data))}
    return files


def fill_worker(source: str, files: dict[str, dict[str, str]]) -> str:
    listing = json.dumps(files, sort_keys=True, separators=(",", ":"))
    version = hashlib.sha256(listing.encode("utf-8")).hexdigest()[:16]
    replaced = source.replace('const VERSION = "dev";', f'const VERSION = "{version}";', 1)
    replaced = replaced.replace("const FILES = {};", f"const FILES = {listing};", 1)
    if replaced.count(version) != 1 or listing not in replaced:
        raise PluginError("offline: docs/sw.js tidak lagi memuat `const VERSION = \"dev\";` dan `const FILES = {};`")
    return replaced


@event_priority(-100)
def on_post_build(config, **kwargs) -> None:
    if build_command.serving():
        return
    site = pathlib.Path(config["site_dir"])
    worker = site / WORKER
    if not worker.exists():
        raise PluginError("offline: site/sw.js tidak ada (docs/sw.js hilang?)")
    files = file_list(site)
    if "404.html" not in files:
        raise PluginError("offline: site/404.html tidak ada; service worker memakainya saat luring")
    worker.write_text(fill_worker(worker.read_text(encoding="utf-8"), files), encoding="utf-8")
    sizes = {"core": 0, "runtime": 0, "lazy": 0}
    for relative, entry in files.items():
        sizes[entry["group"]] += (site / relative).stat().st_size
    log.info(
        "offline: %d berkas; inti %.0f KB (disimpan saat pasang), runtime %.0f KB (setelah kalkulator siap), "
        "lain %.0f KB (bila dipakai)",
        len(files),
        sizes["core"] / 1024,
        sizes["runtime"] / 1024,
        sizes["lazy"] / 1024,
    )
