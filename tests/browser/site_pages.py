"""What the reliability tests (CSP, hostile links, faults, accessibility) share.

Not a test module: helpers to list the built pages and to watch a page for
Content Security Policy violations, console errors and injected script.
"""

from __future__ import annotations

import pathlib
import re

from tests.kit import poll

# Records every CSP violation and every run of injected script before any page script runs.
# Playwright installs it through the DevTools protocol, so the page's own policy does not block it.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push({directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile + ":" + e.lineNumber});
});
"""

# A query value that would run script if anything inserted it as HTML or code.
PWN = "window.__pwned=1"
HOSTILE_TEXTS = [
    f"<img src=x onerror={PWN}>",
    f'"><script>{PWN}</script>',
    f"'><svg onload={PWN}>",
    f"javascript:{PWN}",
]

# Text a reader must never see on a page.
BAD_WORDS = re.compile(r"\b(NaN|undefined|Infinity|null|\[object Object\])\b")


def page_paths(site_dir: pathlib.Path) -> list[str]:
    """Every page of the built site as a path relative to its root ("" for the home page)."""
    found = []
    for index in sorted(site_dir.rglob("index.html")):
        relative = index.parent.relative_to(site_dir).as_posix()
        found.append("" if relative == "." else relative + "/")
    found.append("404.html")
    return found


def calculator_pages(site_dir: pathlib.Path) -> dict[str, str]:
    """``{"roi": "kalkulator/roi-iklan/", …}``: the page holding each calculator."""
    pages = {}
    for path in page_paths(site_dir):
        file = site_dir / (path + "index.html" if not path.endswith(".html") else path)
        for name in re.findall(r'data-calculator="([a-z_]+)"', file.read_text(encoding="utf-8")):
            pages.setdefault(name, path)
    return pages


def serve_404_like_github_pages(context, site_dir: pathlib.Path, site_url: str) -> None:
    """404.html links its assets under the deployed sub-path (``/playbook/…``), as GitHub Pages
    serves it at any depth; map that sub-path onto the local server so it renders as deployed."""
    match = re.search(r'href="(/[^"]*?)assets/stylesheets/', (site_dir / "404.html").read_text(encoding="utf-8"))
    if not match or match.group(1) == "/":
        return
    prefix = site_url.rstrip("/") + match.group(1)
    context.route(prefix + "**", lambda route: route.continue_(url=site_url + route.request.url[len(prefix) :]))


def violations(page) -> list[dict]:
    return page.evaluate("window.__violations || []")


def wait_state(page, states=("ready",), timeout: float = 60) -> str:
    """Wait until every calculator on the page is in one of ``states``; returns the states seen.

    Polls from Python: ``wait_for_function`` with a string predicate would need
    'unsafe-eval' in the page, which the policy under test forbids.
    """
    return poll(
        lambda: page.evaluate("Array.from(document.querySelectorAll('[data-calculator]'), (el) => el.dataset.state).join(',')"),
        until=lambda seen: seen and all(state in states for state in seen.split(",")),
        timeout=timeout,
        what=f"every calculator in {states}",
    )


def cached(page) -> list[str]:
    """Every entry of the service worker's caches, as ``"CACHE-NAME URL"``."""
    return page.evaluate(
        """async () => {
          const found = [];
          for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) found.push(name + ' ' + request.url);
          return found;
        }"""
    )


def wait_cached(page, *fragments: str, timeout: float = 60) -> list[str]:
    """Wait until each of ``fragments`` is in an entry of the service worker's caches; the entries."""
    return poll(
        lambda: cached(page),
        until=lambda entries: all(any(fragment in entry for entry in entries) for fragment in fragments),
        timeout=timeout,
        every=0.25,
        page=page,
        what=f"{', '.join(fragments)} in the service worker's cache",
    )


def visible_text(page) -> str:
    return page.evaluate("document.body.innerText")
