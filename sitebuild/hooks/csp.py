"""Content Security Policy for every built page, as a ``<meta>`` tag.

GitHub Pages sends no security headers, so the policy travels inside each HTML
file. It allows scripts from the site itself plus the exact inline scripts the
theme writes (by their SHA-256), never ``'unsafe-inline'`` or
``'unsafe-eval'``; WebAssembly compilation (``'wasm-unsafe-eval'``) for Pyodide;
workers and connections to the site itself only.

The hashes are computed after the build over the final HTML files (not in
``on_post_page``), so pages written by any plugin or template (404.html,
notebooks) get their policy too. The hook runs late (priority -90), after
anything that rewrites HTML, and before ``offline.py`` fingerprints the files
for the service worker.

A page that needs something the policy cannot allow from a meta tag (an inline
event handler such as ``onclick=``, a ``javascript:`` URL) fails the build
instead of silently breaking in the reader's browser.

``frame-ancestors`` is left out on purpose: browsers ignore it in a meta tag.
Under ``mkdocs serve`` no policy is written: the dev server's live reload is
an inline script of its own.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import pathlib
import re
from html.parser import HTMLParser

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitebuild import command as build_command

log = logging.getLogger("mkdocs.hooks.csp")

# Scripts of these types are executed; anything else (application/json, …) is a
# data block the browser never runs, so it needs no hash.
_EXECUTABLE_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "text/ecmascript",
}

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
_OLD_META = re.compile(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>", re.IGNORECASE)
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href"}

META_MARK = '<meta http-equiv="Content-Security-Policy"'


def _attributes(text: str) -> dict[str, str]:
    found = {}
    for match in _ATTR.finditer(text or ""):
        value = next((v for v in match.group(2, 3, 4) if v is not None), "")
        found[match.group(1).lower()] = html.unescape(value)
    return found


def inline_script_hashes(page: str) -> list[str]:
    """``'sha256-…'`` sources for every inline script that the browser would execute."""
    hashes = []
    for match in _SCRIPT.finditer(page):
        attrs = _attributes(match.group(1))
        if "src" in attrs:
            continue
        if attrs.get("type", "").strip().lower() not in _EXECUTABLE_TYPES:
            continue
        digest = hashlib.sha256(match.group(2).encode("utf-8")).digest()
        source = "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
        if source not in hashes:
            hashes.append(source)
    return hashes


class _HandlerFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.places: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.places.append(f"<{tag} {name}=…>")
            elif name in _URL_ATTRS and (value or "").strip().lower().startswith("javascript:"):
                self.places.append(f'<{tag} {name}="javascript:…">')

    handle_startendtag = handle_starttag


def forbidden_script_places(page: str) -> list[str]:
    """Inline event handlers and ``javascript:`` URLs: a meta policy cannot allow them."""
    finder = _HandlerFinder()
    finder.feed(page)
    finder.close()
    return finder.places


def policy(script_hashes: list[str]) -> str:
    """The policy text for a page whose inline scripts have these hashes."""
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", "'wasm-unsafe-eval'", *script_hashes]),
        "worker-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        # Inline styles: the theme and the charts set style attributes; styles cannot run code.
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def add_policy(page: str) -> str:
    """``page`` with its policy as the first element of ``<head>``.

    Only ``<meta charset>`` may stay in front of it (it must come within the
    first 1024 bytes, and is no script); every script comes after the policy.
    A policy from an earlier pass is replaced, so the hook is idempotent.
    """
    page = _OLD_META.sub("", page)
    head = _HEAD.search(page)
    if head is None:
        raise PluginError("csp: halaman tanpa <head>, kebijakan keamanan tidak bisa dipasang")
    at = head.end()
    charset = _CHARSET.match(page, at)
    if charset:
        at = charset.end()
    meta = f'{META_MARK} content="{html.escape(policy(inline_script_hashes(page)), quote=False)}">'
    return page[:at] + meta + page[at:]


@event_priority(-90)
def on_post_build(config, **kwargs) -> None:
    if build_command.serving():
        # `mkdocs serve` injects its live-reload code as an inline script into every
        # response; a policy would block it. Built sites (and the tests) carry the policy.
        log.info("csp: tidak dipasang saat `mkdocs serve` (skrip live reload-nya inline)")
        return
    site = pathlib.Path(config["site_dir"])
    problems = []
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        text = path.read_text(encoding="utf-8")
        if "<head" not in text.lower():
            continue  # a fragment, not a page
        for place in forbidden_script_places(text):
            problems.append(f"{path.relative_to(site)}: {place}")
        path.write_text(add_policy(text), encoding="utf-8")
    if problems:
        raise PluginError(
            "csp: skrip inline yang tidak bisa diizinkan lewat meta CSP "
            "(pindahkan ke berkas .js dan pakai addEventListener):\n  " + "\n  ".join(problems)
        )
    log.info("csp: kebijakan keamanan dipasang di %d halaman", len(pages))
