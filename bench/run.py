"""`make bench`: how fast the playbook is on a phone over 4G, against bare Pyodide.

A script that prints figures, not a test. It serves the built ``site/`` on
127.0.0.1 (``bench/server.py``: gzip, ``max-age=600`` and ETags like a common
static host) together with ``bench/bare/`` at ``/_bench/``: a page that only
loads Pyodide as shipped (full standard library, full lock file; the runtime
files themselves come from the site's own copy) in a module worker.

In Debian's chromium through Playwright, with CDP network emulation (9 Mbit/s
down and up, 70 ms latency) on every page, it measures:

- each calculator page (``docs/kalkulator/*.md`` except the index), cold:
  time to first result (a prerendered ``[data-output]`` rendered), time to
  ready (``data-state="ready"``), bytes; then, still on that page, the
  recompute latency of ``--changes`` input changes (an ``input`` event on a
  Rupiah field until an output's ``data-value`` changes, timed in the page
  with ``performance.now()`` and a MutationObserver); then a warm second visit
  (same browser context, cache kept) and its time to ready;
- the bare page, alternating with the calculator runs (a bare run before
  every third calculator run: bare, calc, calc, calc, bare, …);
- several chapter pages, cold: bytes, and whether any Pyodide file was asked for;
- Lighthouse (``node_modules/.bin/lighthouse``, mobile preset, performance
  only) on one chapter page and each calculator page: score and Total
  Blocking Time.

"Cold" is a fresh browser context (an empty cache, as a first-time reader
has) rather than CDP's "disable cache": that switch also stops a page from
reusing what it itself preloaded a moment earlier, which no real first visit
suffers, and so would count the runtime twice on calculator pages.

Bytes are the sum of CDP ``Network.loadingFinished`` ``encodedDataLength``
over the page and its worker (read through Playwright, which attaches to the
worker's target). The server's own log adds what a service worker fetched in
the background (the offline cache), shown separately.

Writes every figure to ``bench/results/latest.json`` (git-ignored) and a
small summary (medians, targets, machine, date) to ``data/benchmark.json``,
which the "Kinerja" page (``docs/referensi/kinerja.md``) shows.
"""

from __future__ import annotations

import argparse
import datetime
import html
import json
import os
import pathlib
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from server import BenchServer  # noqa: E402  (bench/ is not a package)

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The targets and the Kinerja page's formatting ("1,23 s", "5,19 MB"): one list, one way to read it.
from sitebuild.benchmark import TARGETS  # noqa: E402
from sitebuild.benchmark import show as fmt  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (beside the tests that start it the same way)

VIEWPORT = {"width": 390, "height": 844}
# The 4G profile of the issue: 9 Mbit/s each way, 70 ms added to every request.
NETWORK = {"offline": False, "latency": 70, "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 9_000_000 / 8}
CHAPTERS = [
    "index.md",
    "memahami/lanskap-dampak.md",
    "jualan/iklan-roi.md",
    "referensi/glosarium.md",
    "kalkulator/index.md",
]
LIGHTHOUSE_CHAPTER = "jualan/iklan-roi.md"
# Before each Lighthouse run: wait (at most 60 s) for a second with the CPU 90 % idle.
QUIET_SHARE = 0.9
QUIET_LIMIT_S = 60
# A reader reads this chapter, stays, then opens its calculator (with a shared link's inputs):
# the chapter has fetched the runtime ahead meanwhile (docs/assets/calc/warm.js).
WARM_FROM = ("jualan/iklan-roi.md", "kalkulator/roi-iklan.md")
WARM_TIMEOUT_S = 180
PYODIDE_FILE = re.compile(r"(pyodide[^/]*\.(m?js|wasm|json)|python_stdlib[^/]*\.zip|\.whl)(\?|$)")
READY_TIMEOUT_S = 120
WARM_PAUSE_MS = 1000
# A bare-Pyodide run before every BARE_EVERY-th calculator run (bare, calc, calc,
# calc, bare, …): the runs still alternate, and with six calculators a whole run
# fits in about ten minutes.
BARE_EVERY = 3

# Runs in every page before its own scripts: when a prerendered output is first
# rendered (checked in requestAnimationFrame, i.e. in a frame about to be
# painted, never while a stylesheet still blocks rendering) and when the
# calculator (or the bare page) changes data-state.
PROBE = """
(() => {
  const b = (window.__bench = { firstResult: null, ready: null, own: null, error: null, states: [] });
  const root = () => document.querySelector("[data-calculator]") || document.getElementById("bare");
  // A shared link carries the sender's inputs in the address (model units, only those that
  // differ from the defaults): the reader's own number is on screen once the calculator is
  // ready, no longer busy, and the inputs behind what it shows are those of the address.
  const wanted = [...new URLSearchParams(location.search)];
  const lookup = (value, path) => path.split(".").reduce((v, k) => (v == null ? v : v[k]), value);
  const isOwn = (el) => {
    if (!wanted.length || el.getAttribute("data-state") !== "ready" || el.getAttribute("data-busy") === "true") return false;
    let shown;
    try {
      shown = JSON.parse(el.getAttribute("data-inputs"));
    } catch {
      return false;
    }
    return wanted.every(([key, value]) => String(lookup(shown, key)) === value);
  };
  const note = () => {
    const el = root();
    if (el && b.own === null && isOwn(el)) b.own = performance.now();
    const state = el && el.getAttribute("data-state");
    if (!state || (b.states.length && b.states[b.states.length - 1][0] === state)) return;
    const now = performance.now();
    b.states.push([state, now]);
    if (state === "ready" && b.ready === null) b.ready = now;
    if (state === "error" && b.error === null) b.error = now;
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state", "data-busy", "data-inputs"] });
  const frame = () => {
    const out = document.querySelector("[data-output]");
    if (out) {
      const box = out.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && out.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
        b.firstResult = performance.now();
        return;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
"""

# Changes one numeric field `count` times, each time to a value next to the last, and times
# each change from the input event until any data-value in the calculator
# differs from before. Fields are tried in the order Rupiah, number, whole
# number; a field where one of the first changes moves nothing (or is refused)
# is skipped.
# Returns {field, samples, failed}.
RECOMPUTE = """
async (count) => {
  const root = document.querySelector("[data-calculator]");
  const all = [...root.querySelectorAll("input[name][data-unit]")].filter((el) => !el.name.includes("__"));
  const fields = ["rupiah", "number", "integer"].flatMap((unit) => all.filter((el) => el.dataset.unit === unit));
  const values = () => [...root.querySelectorAll("[data-value]")].map((el) => el.getAttribute("data-value")).join("|");
  // Resolves with [ms until an output changed, ms until the calculator was no longer busy
  // (its tables and charts drawn too: data-busy="false")], or null.
  const change = (field, value) =>
    new Promise((resolve) => {
      const before = values();
      let start = 0;
      let shown = null;
      const observer = new MutationObserver(() => {
        if (shown === null && values() !== before) shown = performance.now() - start;
        if (shown !== null && root.dataset.busy === "false") {
          const drawn = performance.now() - start;
          observer.disconnect();
          clearTimeout(timer);
          resolve([shown, drawn]);
        }
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, 2000);
      observer.observe(root, { subtree: true, attributes: true, attributeFilter: ["data-value", "data-busy"] });
      start = performance.now();
      field.value = value;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 30));
  for (const field of fields) {
    const text = field.value.trim();
    const base = field.dataset.unit === "number" ? Number(text.replace(/\\./g, "").replace(",", ".")) : Number(text.replace(/[^0-9]/g, ""));
    if (!Number.isFinite(base) || base <= 0) continue;
    // Ten values cycling within +1 % … +10 % of the default for Rupiah, +10 % … +100 % for
    // other numbers (a model may round "2,02 posts a day" to the same plan), +1/+2 for whole
    // numbers: every change is a new value next to the last, inside the field's allowed range.
    const next = (i) => {
      const k = (i % 10) + 1;
      if (field.dataset.unit === "rupiah") return String(Math.round((base * (1 + k / 100)) / 1000) * 1000 || base + 1000 * k);
      if (field.dataset.unit === "integer") return String(base + 1 + (i % 2));
      return String(Math.round(base * (10 + k) * 10) / 100).replace(".", ",");
    };
    const samples = [];
    const drawn = [];
    let failed = 0;
    for (let i = 0; i < count; i++) {
      const took = await change(field, next(i));
      if (took === null) {
        failed += 1;
        if (samples.length < 3 || failed > 5) break; // this field does not always move a result: try the next
      } else {
        samples.push(took[0]);
        drawn.push(took[1]);
      }
      await pause();
    }
    if (samples.length >= 3 && failed <= 5) return { field: field.name, samples, drawn, failed };
    field.value = text;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    await pause();
  }
  return { field: null, samples: [], drawn: [], failed: count };
}
"""



# ---------------------------------------------------------------- statistics


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def percentile(values, q):
    """Nearest-rank percentile (q in 0–100) of a non-empty list."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, -(-len(ordered) * q // 100))  # ceil(n·q/100)
    return ordered[int(rank) - 1]


# ---------------------------------------------------------------- the site


def page_url(md: str) -> str:
    """URL path of a docs/ Markdown page in the built site (use_directory_urls)."""
    stem = md[: -len(".md")]
    if stem == "index":
        return "/"
    if stem.endswith("/index"):
        return "/" + stem[: -len("index")]
    return f"/{stem}/"


def site_file(site: pathlib.Path, md: str) -> pathlib.Path:
    return site / page_url(md).lstrip("/") / "index.html"


def find_pages(site: pathlib.Path) -> tuple[list[str], list[str], list[str]]:
    """(calculator pages, chapter pages, notes about pages left out)."""
    notes = []
    calculators = []
    for md in sorted(p.name for p in (ROOT / "docs" / "kalkulator").glob("*.md")):
        if md == "index.md":
            continue
        md = f"kalkulator/{md}"
        built = site_file(site, md)
        if not built.exists():
            notes.append(f"{md}: tidak ada di site/")
        elif "data-calculator=" not in built.read_text(encoding="utf-8"):
            notes.append(f"{md}: belum memuat kalkulator")
        else:
            calculators.append(md)
    chapters = []
    for md in CHAPTERS:
        if site_file(site, md).exists():
            chapters.append(md)
        else:
            notes.append(f"{md}: tidak ada di site/")
    return calculators, chapters, notes


def shared_query(site: pathlib.Path, md: str) -> str:
    """A shared link's query for the calculator on ``md``: its first positive number input, 10 % up.

    Read from the page's ``data-defaults`` (the model's default inputs), so every
    calculator gets a link whose inputs differ from the prerendered ones.
    """
    built = site_file(site, md).read_text(encoding="utf-8")
    found = re.search(r'data-defaults="([^"]*)"', built)
    if not found:
        return ""
    def numbers(tree, prefix=""):
        # top-level keys first, then keys of nested objects ("shock.traffic_drop"); lists are
        # written whole in a link, so their items are not picked
        nested = []
        for key, value in tree.items():
            if isinstance(value, dict):
                nested.append((prefix + key + ".", value))
            elif isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
                yield prefix + key, value
        for inner_prefix, inner in nested:
            yield from numbers(inner, inner_prefix)

    for key, value in numbers(json.loads(html.unescape(found[1]))):
        if isinstance(value, int):
            changed = value + 1 if value < 10 else round(value * 1.1)
        else:
            changed = round(value * 1.1, 6)
        return "?" + urllib.parse.urlencode({key: changed})
    return ""


def pyodide_folder(site: pathlib.Path) -> str:
    found = sorted(site.glob("**/pyodide.asm.wasm"))
    if not found:
        sys.exit("GAGAL: site/ tidak memuat pyodide.asm.wasm; jalankan `make site`")
    return "/" + found[0].parent.relative_to(site).as_posix() + "/"


def machine() -> dict:
    cpu = ""
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in pathlib.Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass

    def version(*cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return ""

    def npm_version(name):
        try:
            return json.loads((ROOT / "node_modules" / name / "package.json").read_text())["version"]
        except OSError:
            return ""

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "os": platform.platform(terse=True),
        "chromium": version(CHROMIUM, "--version"),
        "node": version("node", "--version"),
        "pyodide": npm_version("pyodide"),
        "lighthouse": npm_version("lighthouse"),
    }


# ---------------------------------------------------------------- one visit


class Visit:
    """One page in one browser context, with network emulation and byte counting."""

    def __init__(self, context, server: BenchServer):
        self.context = context
        self.server = server
        self.page = context.new_page()
        self.requests: list[tuple[str, int]] = []
        self.page.on("requestfinished", self._finished)
        self.cdp = context.new_cdp_session(self.page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.emulateNetworkConditions", NETWORK)
        self.page.add_init_script(PROBE)

    def _finished(self, request) -> None:
        try:
            sizes = request.sizes()
        except Exception:  # the page went away mid-request
            return
        self.requests.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    def open(self, url: str) -> int:
        self.requests = []
        mark = self.server.mark()
        self.page.goto(url, wait_until="commit", timeout=60_000)
        return mark

    def wait(self, key: str, timeout_s: float = READY_TIMEOUT_S) -> dict:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            state = self.page.evaluate("() => window.__bench")
            if state and (state.get(key) is not None or state.get("error") is not None):
                return state
            self.page.wait_for_timeout(50)  # not time.sleep: Playwright delivers events meanwhile
        return self.page.evaluate("() => window.__bench") or {}

    def settle(self, mark: int, quiet_s: float = 1.0, limit_s: float = 20.0) -> list:
        """Wait until the server has been quiet for ``quiet_s``; the log since ``mark``."""
        deadline = time.monotonic() + limit_s
        seen = -1
        last_change = time.monotonic()
        while time.monotonic() < deadline:
            log = self.server.since(mark)
            if len(log) != seen:
                seen, last_change = len(log), time.monotonic()
            elif time.monotonic() - last_change >= quiet_s:
                break
            self.page.wait_for_timeout(100)
        return self.server.since(mark)

    def page_bytes(self) -> int:
        return sum(size for _, size in self.requests)


def server_bytes(log) -> int:
    return sum(entry[3] for entry in log)


def cold_bare(browser, server, bare_url) -> dict:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        visit = Visit(context, server)
        mark = visit.open(bare_url)
        state = visit.wait("ready")
        log = visit.settle(mark)
        message = visit.page.evaluate("() => document.querySelector('#bare p').textContent") if state.get("error") else ""
        return {
            "ready_ms": state.get("ready"),
            "error": state.get("error"),
            "message": message,
            "bytes": visit.page_bytes(),
            "server_bytes": server_bytes(log),
        }
    finally:
        context.close()


def cold_calculator(browser, server, url, changes) -> dict:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        visit = Visit(context, server)
        mark = visit.open(url)
        state = visit.wait("ready")
        first = visit.wait("firstResult", 10)
        log = visit.settle(mark)
        own_bytes = visit.page_bytes()
        pyodide = sorted({u.rsplit("/", 1)[-1] for u, _ in visit.requests if PYODIDE_FILE.search(u)})
        message = ""
        if state.get("error") is not None:
            message = visit.page.evaluate("() => (document.querySelector('[data-engine-message]') || {}).textContent")
        result = {
            "message": message,
            "first_result_ms": first.get("firstResult"),
            "ready_ms": state.get("ready"),
            "error": state.get("error"),
            "bytes": own_bytes,
            "server_bytes": server_bytes(log),
            "runtime_files": pyodide,
            # a file downloaded twice in one visit (a preload the worker did not reuse, say)
            "downloaded_twice": sorted({e[1] for e in log if e[2] == 200 and sum(1 for f in log if f[1] == e[1] and f[2] == 200) > 1}),
        }
        if state.get("ready") is not None:
            recompute = visit.page.evaluate(RECOMPUTE, changes)
            result["recompute_field"] = recompute["field"]
            result["recompute_ms"] = [round(v, 2) for v in recompute["samples"]]
            result["recompute_drawn_ms"] = [round(v, 2) for v in recompute["drawn"]]
            result["recompute_failed"] = recompute["failed"]
            # The warm second visit: same context, so the HTTP cache, the service
            # worker's copy and the code caches are kept. A reader does not come
            # back within the same second: the caches get a moment to be written.
            visit.settle(visit.server.mark(), quiet_s=1.0, limit_s=10)
            visit.page.wait_for_timeout(WARM_PAUSE_MS)
            visit.open(url)
            warm = visit.wait("ready")
            result["warm_ready_ms"] = warm.get("ready")
            result["warm_first_result_ms"] = visit.wait("firstResult", 10).get("firstResult")
            result["warm_bytes"] = visit.page_bytes()
            # A third visit: Chromium keeps compiled WebAssembly only once a module
            # was compiled from its cache (the second visit), so this one reuses it.
            visit.page.wait_for_timeout(WARM_PAUSE_MS)
            visit.open(url)
            result["hot_ready_ms"] = visit.wait("ready").get("ready")
        return result
    finally:
        context.close()


def cold_shared(browser, server, url) -> dict:
    """A shared link (the sender's inputs in the address) opened with an empty cache: until the own number."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        visit = Visit(context, server)
        visit.open(url)
        state = visit.wait("own")
        return {"url": url, "own_ms": state.get("own"), "ready_ms": state.get("ready"), "error": state.get("error"),
                "bytes": visit.page_bytes()}
    finally:
        context.close()


def warmed_shared(browser, server, chapter_url, calculator_url) -> dict:
    """A chapter read long enough to fetch the runtime ahead, then a shared link to its calculator.

    The reader scrolls past the chapter's middle (warm.js starts then instead of
    after 15 s); once ``<html data-runtime-warm>`` says the files are in, the
    calculator is opened in the same tab, as a tap on the chapter's link would.
    """
    context = browser.new_context(viewport=VIEWPORT)
    try:
        visit = Visit(context, server)
        mark = visit.open(chapter_url)
        visit.page.wait_for_load_state("load", timeout=60_000)
        started = time.monotonic()
        deadline = started + WARM_TIMEOUT_S
        warm = None
        while time.monotonic() < deadline:
            visit.page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
            warm = visit.page.evaluate("() => document.documentElement.getAttribute('data-runtime-warm')")
            if warm not in (None, "menunggu", "mengunduh"):
                break
            visit.page.wait_for_timeout(200)
        warm_s = time.monotonic() - started
        log = visit.settle(mark, quiet_s=1.0, limit_s=30)  # the service worker copies the runtime into its cache
        warm_bytes = visit.page_bytes()
        visit.page.wait_for_timeout(WARM_PAUSE_MS)
        visit.open(calculator_url)
        state = visit.wait("own")
        return {"warm": warm, "warm_s": round(warm_s, 2), "warm_bytes": warm_bytes, "warm_server_bytes": server_bytes(log),
                "own_ms": state.get("own"), "ready_ms": state.get("ready"), "error": state.get("error"),
                "bytes": visit.page_bytes()}
    finally:
        context.close()


def cold_chapter(browser, server, url) -> dict:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        visit = Visit(context, server)
        mark = visit.open(url)
        visit.page.wait_for_load_state("load", timeout=60_000)
        log = visit.settle(mark, quiet_s=1.0)
        paths = [entry[1] for entry in log]
        return {
            "bytes": visit.page_bytes(),
            "server_bytes": server_bytes(log),
            "requests": len(visit.requests),
            "pyodide_requested": any(PYODIDE_FILE.search(u) for u, _ in visit.requests)
            or any(PYODIDE_FILE.search(p) for p in paths),
        }
    finally:
        context.close()


# ---------------------------------------------------------------- Lighthouse


def cpu_idle_share(seconds: float = 1.0) -> float:
    """Share of the machine's CPU time left idle over ``seconds`` (/proc/stat)."""
    def counters() -> tuple[int, int]:
        fields = [int(v) for v in pathlib.Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return fields[3] + fields[4], sum(fields)  # idle + iowait, all
    idle0, all0 = counters()
    time.sleep(seconds)
    idle1, all1 = counters()
    return (idle1 - idle0) / max(1, all1 - all0)


def wait_for_quiet(share: float = QUIET_SHARE, limit_s: float = QUIET_LIMIT_S) -> float:
    """Wait until the CPU is at least ``share`` idle for a second (at most ``limit_s``).

    Lighthouse's simulated throttling multiplies every observed main-thread task
    by 4: a second of other work on these 2 cores (the last browser still
    closing, a service worker compiling) turns into hundreds of ms of
    "blocking time" on a page that did not change. Returns the idle share seen.
    """
    deadline = time.monotonic() + limit_s
    seen = cpu_idle_share()
    while seen < share and time.monotonic() < deadline:
        seen = cpu_idle_share()
    return seen


def lighthouse(url: str, out_dir: pathlib.Path) -> dict:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        return {"error": "node_modules/.bin/lighthouse tidak ada: jalankan `make node`"}
    out = out_dir / f"lh-{time.monotonic_ns()}.json"
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(
        [str(binary), url, "--quiet", "--only-categories=performance", "--output=json", f"--output-path={out}",
         "--chrome-flags=--headless=new --no-sandbox"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    if done.returncode != 0 or not out.exists():
        return {"error": (done.stderr or done.stdout)[-500:]}
    report = json.loads(out.read_text())
    out.unlink()
    score = report["categories"]["performance"]["score"]
    audits = report["audits"]
    return {
        "score": score,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "runtime_error": (report.get("runtimeError") or {}).get("code"),
        # Lighthouse's own CPU score of the machine during the run (about 2,600 when quiet here)
        "benchmark_index": (report.get("environment") or {}).get("benchmarkIndex"),
    }


# ---------------------------------------------------------------- report


def verdict(target: str, value) -> bool | None:
    return TARGETS[target].met(value)


def summarise(raw: dict) -> dict:
    """Medians per page and a met/missed verdict per target."""
    bare_ready = median([r["ready_ms"] for r in raw["bare"]])
    summary = {"bare": {"ready_ms": bare_ready, "bytes": median([r["bytes"] for r in raw["bare"]])}, "pages": {}}
    checks = []
    for md, runs in raw["calculators"].items():
        samples = [v for r in runs for v in r.get("recompute_ms", [])]
        drawn = [v for r in runs for v in r.get("recompute_drawn_ms", [])]
        row = {
            "first_result_ms": median([r["first_result_ms"] for r in runs]),
            "ready_ms": median([r["ready_ms"] for r in runs]),
            "warm_ready_ms": median([r.get("warm_ready_ms") for r in runs]),
            "hot_ready_ms": median([r.get("hot_ready_ms") for r in runs]),
            "recompute_p50_ms": percentile(samples, 50),
            "recompute_p95_ms": percentile(samples, 95),
            "recompute_drawn_p95_ms": percentile(drawn, 95),
            "recompute_samples": len(samples),
            "recompute_failed": sum(r.get("recompute_failed", 0) for r in runs),
            "bytes": median([r["bytes"] for r in runs]),
            "server_bytes": median([r["server_bytes"] for r in runs]),
            "errors": sum(1 for r in runs if r.get("error") is not None or r.get("ready_ms") is None),
        }
        row["ready_ratio"] = row["ready_ms"] / bare_ready if row["ready_ms"] and bare_ready else None
        row["bytes_ratio"] = row["bytes"] / summary["bare"]["bytes"] if row["bytes"] and summary["bare"]["bytes"] else None
        shared = raw.get("shared", {}).get(md)
        if shared:
            row["shared_own_ms"] = median([r["own_ms"] for r in shared])
            row["shared_ratio"] = row["shared_own_ms"] / bare_ready if row["shared_own_ms"] and bare_ready else None
        warmed = raw.get("warmed", {}).get(md)
        if warmed:
            row["warmed_own_ms"] = median([r["own_ms"] for r in warmed])
            row["warmed_fetch_s"] = median([r["warm_s"] for r in warmed])
        summary["pages"][md] = row
        for key in ("first_result_ms", "ready_ratio", "shared_ratio", "warmed_own_ms", "recompute_p95_ms", "warm_ready_ms"):
            if key in row:
                checks.append({"page": md, "target": key, "value": row[key], "met": verdict(key, row[key])})
    for md, runs in raw["chapters"].items():
        row = {
            "bytes": median([r["bytes"] for r in runs]),
            "server_bytes": median([r["server_bytes"] for r in runs]),
            "pyodide_requested": any(r["pyodide_requested"] for r in runs),
        }
        summary["pages"][md] = row
        checks.append({"page": md, "target": "chapter_bytes", "value": row["bytes"], "met": verdict("chapter_bytes", row["bytes"])})
        checks.append({"page": md, "target": "chapter_pyodide", "value": row["pyodide_requested"],
                       "met": verdict("chapter_pyodide", row["pyodide_requested"])})
    for md, runs in raw["lighthouse"].items():
        good = [r for r in runs if "score" in r]
        row = summary["pages"].setdefault(md, {})
        row["lighthouse_score"] = median([r["score"] for r in good])
        row["lighthouse_tbt_ms"] = median([r["tbt_ms"] for r in good])
        row["lighthouse_runs"] = len(good)
        row["lighthouse_benchmark_index"] = median([r.get("benchmark_index") for r in good])
        kind = "lighthouse_calculator" if md in raw["calculators"] else "lighthouse_chapter"
        checks.append({"page": md, "target": kind, "value": row["lighthouse_score"], "met": verdict(kind, row["lighthouse_score"])})
        checks.append({"page": md, "target": "tbt_ms", "value": row["lighthouse_tbt_ms"], "met": verdict("tbt_ms", row["lighthouse_tbt_ms"])})
    summary["checks"] = checks
    return summary


def table(summary: dict, raw: dict) -> str:
    """One plain-text table: page, measure, median, bare, ratio, target, verdict."""
    rows = [("halaman", "ukuran", "median", "polos", "rasio", "target", "")]
    checks = {(c["page"], c["target"]): c for c in summary["checks"]}

    def mark(page, target):
        check = checks.get((page, target))
        if not check:
            return "", ""
        return TARGETS[target].label, {True: "TERCAPAI", False: "MELESET", None: "?"}[check["met"]]

    bare = summary["bare"]
    rows.append(("pyodide-polos", "siap (dingin)", fmt(bare["ready_ms"], "ms"), "", "", "", ""))
    rows.append(("pyodide-polos", "byte", fmt(bare["bytes"], "bytes"), "", "", "", ""))
    for md in raw["calculators"]:
        row = summary["pages"][md]
        name = md.removeprefix("kalkulator/").removesuffix(".md")
        rows.append((name, "hasil pertama", fmt(row["first_result_ms"], "ms"), "", "", *mark(md, "first_result_ms")))
        rows.append((name, "siap (dingin)", fmt(row["ready_ms"], "ms"), fmt(bare["ready_ms"], "ms"),
                     fmt(row["ready_ratio"], "ratio"), *mark(md, "ready_ratio")))
        if "shared_own_ms" in row:
            rows.append((name, "tautan bersama: angka sendiri", fmt(row["shared_own_ms"], "ms"), fmt(bare["ready_ms"], "ms"),
                         fmt(row["shared_ratio"], "ratio"), *mark(md, "shared_ratio")))
        if "warmed_own_ms" in row:
            rows.append((name, "dari bab (runtime disiapkan)", fmt(row["warmed_own_ms"], "ms"), "", "", *mark(md, "warmed_own_ms")))
        rows.append((name, f"hitung ulang p50 (n={row['recompute_samples']})", fmt(row["recompute_p50_ms"], "fine_ms"), "", "", "", ""))
        rows.append((name, "hitung ulang p95", fmt(row["recompute_p95_ms"], "fine_ms"), "", "", *mark(md, "recompute_p95_ms")))
        rows.append((name, "  … tabel & grafik juga", fmt(row.get("recompute_drawn_p95_ms"), "fine_ms"), "", "", "", ""))
        rows.append((name, "byte", fmt(row["bytes"], "bytes"), fmt(bare["bytes"], "bytes"), fmt(row["bytes_ratio"], "ratio"), "", ""))
        rows.append((name, "kunjungan kedua siap", fmt(row["warm_ready_ms"], "ms"), "", "", *mark(md, "warm_ready_ms")))
        rows.append((name, "kunjungan ketiga siap", fmt(row["hot_ready_ms"], "ms"), "", "", "", ""))
        if "lighthouse_score" in row:
            rows.append((name, "Lighthouse", fmt(row["lighthouse_score"], "score"), "", "", *mark(md, "lighthouse_calculator")))
            rows.append((name, "Lighthouse TBT", fmt(row["lighthouse_tbt_ms"], "ms"), "", "", *mark(md, "tbt_ms")))
    for md in raw["chapters"]:
        row = summary["pages"][md]
        name = md.removesuffix(".md")
        rows.append((name, "byte", fmt(row["bytes"], "bytes"), "", "", *mark(md, "chapter_bytes")))
        if row["server_bytes"] - row["bytes"] > 1000:
            rows.append((name, "+ service worker", fmt(row["server_bytes"] - row["bytes"], "bytes"), "", "", "", ""))
        rows.append((name, "Pyodide diminta", fmt(row["pyodide_requested"], "bool"), "", "", *mark(md, "chapter_pyodide")))
    for md in raw["lighthouse"]:
        if md in raw["calculators"]:
            continue
        row = summary["pages"][md]
        name = md.removesuffix(".md")
        rows.append((name, "Lighthouse", fmt(row["lighthouse_score"], "score"), "", "", *mark(md, "lighthouse_chapter")))
        rows.append((name, "Lighthouse TBT", fmt(row["lighthouse_tbt_ms"], "ms"), "", "", *mark(md, "tbt_ms")))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def main(argv=None) -> int:  # noqa: C901  (the bench script, read top to bottom: each block is one kind of run)
    parser = argparse.ArgumentParser(description="Ukur kecepatan situs (bukan tes).")
    parser.add_argument("--site", type=pathlib.Path, default=ROOT / "site")
    parser.add_argument("--repeats", type=int, default=3, help="putaran dingin per kalkulator (dan polos) [3]")
    parser.add_argument("--chapter-repeats", type=int, default=3, help="putaran per halaman bab [3]")
    parser.add_argument("--lighthouse-repeats", type=int, default=None,
                        help="putaran Lighthouse per halaman (~20 s per putaran) [3]; 0 = lewati")
    parser.add_argument("--changes", type=int, default=30, help="perubahan masukan per putaran kalkulator [30]")
    parser.add_argument("--no-gzip", action="store_true", help="sajikan tanpa kompresi")
    parser.add_argument("--no-write", action="store_true", help="jangan tulis data/benchmark.json")
    parser.add_argument("--only", action="append", default=[], metavar="TEKS",
                        help="hanya halaman yang alamat berkasnya memuat TEKS (boleh diulang), mis. --only roi-iklan")
    args = parser.parse_args(argv)

    site = args.site.resolve()
    if not (site / "index.html").exists():
        sys.exit(f"GAGAL: {site}/index.html tidak ada; jalankan `make site`")
    if not os.path.exists(CHROMIUM):
        sys.exit("GAGAL: chromium tidak ada; jalankan `make browser`")
    load_before = os.getloadavg()[0]
    if load_before > 1.0:
        print(f"PERINGATAN: beban mesin sudah {load_before:.1f} sebelum mulai (2 inti?); angka waktu akan lebih buruk")
    calculators, chapters, notes = find_pages(site)
    if args.only:
        calculators = [md for md in calculators if any(part in md for part in args.only)]
        chapters = [md for md in chapters if any(part in md for part in args.only)]
    if args.lighthouse_repeats is None:
        # Lighthouse's score moves by ±0,1 between runs on a 2-core machine: the median of 3.
        args.lighthouse_repeats = 3
    pyodide_dir = pyodide_folder(site)
    full = ROOT / "node_modules" / "pyodide"
    started = time.monotonic()
    raw = {"bare": [], "calculators": {md: [] for md in calculators}, "chapters": {md: [] for md in chapters},
           "shared": {md: [] for md in calculators}, "warmed": {}, "lighthouse": {}}
    bare_runs = args.repeats * -(-max(1, len(calculators)) // BARE_EVERY)
    print(f"kalkulator: {len(calculators)}, bab: {len(chapters)}, putaran dingin per kalkulator: {args.repeats} "
          f"(+{bare_runs} Pyodide polos), per bab: {args.chapter_repeats}, Lighthouse per halaman: "
          f"{args.lighthouse_repeats}, perubahan masukan per putaran: {args.changes}")
    for note in notes:
        print(f"  dilewati: {note}")

    routes = {"/": site, "/_bench/": ROOT / "bench" / "bare", "/_bench/pyodide-full/": full}
    with BenchServer(routes, use_gzip=not args.no_gzip) as server:
        query = urllib.parse.urlencode({"pyodide": pyodide_dir, "stdlib": "/_bench/pyodide-full/python_stdlib.zip",
                                        "lock": "/_bench/pyodide-full/pyodide-lock.json"})
        bare_url = f"{server.url}/_bench/index.html?{query}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for repeat in range(args.repeats):
                    for index, md in enumerate(calculators or [None]):
                        line = f"[{(time.monotonic() - started) / 60:4.1f} mnt] [{repeat + 1}/{args.repeats}]"
                        if index % BARE_EVERY == 0:
                            bare = cold_bare(browser, server, bare_url)
                            raw["bare"].append(bare)
                            line += f" polos siap {fmt(bare['ready_ms'], 'ms')}"
                        if md:
                            run = cold_calculator(browser, server, server.url + page_url(md), args.changes)
                            raw["calculators"][md].append(run)
                            samples = run.get("recompute_ms", [])
                            query = shared_query(site, md)
                            shared = (cold_shared(browser, server, server.url + page_url(md) + query) if query
                                      else {"url": None, "own_ms": None, "error": "tanpa masukan angka untuk tautan"})
                            raw["shared"][md].append(shared)
                            line += (f" | {md}: hasil pertama {fmt(run['first_result_ms'], 'ms')}, siap {fmt(run['ready_ms'], 'ms')}, "
                                     f"tautan bersama {fmt(shared['own_ms'], 'ms')}, "
                                     f"hitung ulang p95 {fmt(percentile(samples, 95), 'fine_ms')}, "
                                     f"kedua {fmt(run.get('warm_ready_ms'), 'ms')}, {fmt(run['bytes'], 'bytes')}")
                        print(line, flush=True)
                for repeat in range(args.chapter_repeats):
                    for md in chapters:
                        run = cold_chapter(browser, server, server.url + page_url(md))
                        raw["chapters"][md].append(run)
                    print(f"[{(time.monotonic() - started) / 60:4.1f} mnt] [{repeat + 1}/{args.chapter_repeats}] bab: "
                          + ", ".join(f"{md} {fmt(raw['chapters'][md][-1]['bytes'], 'bytes')}" for md in chapters), flush=True)
                chapter, calculator = WARM_FROM
                if calculator in calculators and site_file(site, chapter).exists():
                    raw["warmed"][calculator] = []
                    for repeat in range(args.repeats):
                        run = warmed_shared(browser, server, server.url + page_url(chapter),
                                            server.url + page_url(calculator) + shared_query(site, calculator))
                        raw["warmed"][calculator].append(run)
                        print(f"[{(time.monotonic() - started) / 60:4.1f} mnt] [{repeat + 1}/{args.repeats}] {chapter} → "
                              f"{calculator}: runtime disiapkan ({run['warm']}, {run['warm_s']:.1f} s), "
                              f"angka sendiri {fmt(run['own_ms'], 'ms')}", flush=True)
            finally:
                browser.close()

        audited = ([LIGHTHOUSE_CHAPTER] if LIGHTHOUSE_CHAPTER in chapters else chapters[:1]) + calculators
        with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
            for repeat in range(args.lighthouse_repeats):
                for md in audited:
                    idle = wait_for_quiet()
                    result = {**lighthouse(server.url + page_url(md), pathlib.Path(tmp)), "idle_before": round(idle, 3)}
                    raw["lighthouse"].setdefault(md, []).append(result)
                    shown = (f"{result['score']:.2f}, TBT {fmt(result['tbt_ms'], 'ms')}, "
                             f"indeks CPU {result['benchmark_index']}, CPU menganggur {idle:.0%} sebelumnya"
                             if "score" in result
                             else f"galat: {result['error'][:200]}")
                    print(f"[{(time.monotonic() - started) / 60:4.1f} mnt] [{repeat + 1}/{args.lighthouse_repeats}] "
                          f"Lighthouse {md}: {shown}", flush=True)

    summary = summarise(raw)
    elapsed = time.monotonic() - started
    settings = {
        "network": {"down_mbit_s": 9, "up_mbit_s": 9, "latency_ms": NETWORK["latency"]},
        "cold": "konteks peramban baru (cache kosong)",
        "server": "gzip, Cache-Control max-age=600, ETag" if not args.no_gzip else "tanpa gzip, max-age=600, ETag",
        "viewport": VIEWPORT,
        "repeats": args.repeats,
        "bare_runs": len(raw["bare"]),
        "chapter_repeats": args.chapter_repeats,
        "lighthouse_repeats": args.lighthouse_repeats,
        "changes": args.changes,
        "seconds": round(elapsed),
        # 1-minute load average before and after: other work on the machine slows every figure
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }
    when = datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat()
    document = {"date": when, "machine": machine(), "settings": settings, "summary": summary, "raw": raw}
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "latest.json").write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    print()
    print(table(summary, raw))
    met = sum(1 for c in summary["checks"] if c["met"])
    print(f"\ntarget tercapai: {met} dari {len(summary['checks'])}; {elapsed / 60:.1f} menit; "
          f"semua angka: bench/results/latest.json")
    if not args.no_write:
        small = {"date": when, "machine": document["machine"], "settings": settings,
                 "bare": summary["bare"], "pages": summary["pages"], "checks": summary["checks"]}
        (ROOT / "data" / "benchmark.json").write_text(json.dumps(small, indent=1, ensure_ascii=False) + "\n",
                                                      encoding="utf-8")
        print("ringkasan: data/benchmark.json (halaman Kinerja)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
