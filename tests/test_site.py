"""The built site: every page there and real, every link and anchor alive, own words only.

Runs on the ``site_dir`` fixture (``mkdocs build --strict`` once per session,
see conftest.py). The seed articles are read from ``../shared/seeds`` beside
the repository, where CI puts them; without them the seed check fails
rather than passing unseen.
"""

from __future__ import annotations

import html.parser
import json
import pathlib
import posixpath
import re
import urllib.parse

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
CHAPTER_SECTIONS = ("memahami", "konten", "jualan", "rencana")
CHAPTER_MIN_WORDS = 150
PAGE_MIN_WORDS = 40
PLACEHOLDER = re.compile(r"\b(TODO|FIXME|TBD|lorem ipsum|lorem|placeholder|halaman sementara)\b", re.IGNORECASE)
CHECKLIST_HEADING = "Yang dilakukan minggu ini"
SHINGLE = 8
WORD = re.compile(r"[0-9a-zà-ÿ]+(?:[.,][0-9]+)*", re.IGNORECASE)  # as in shared/hooks/seedcheck.py


# ---------------------------------------------------------------------------
# Helpers


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name tags (e.g. custom fences): read past them."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_files() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            elif not re.match(r"^[a-z]+://", value):
                yield value

    return list(walk(config["nav"]))


def built_path(src: str) -> str:
    """docs path → site path with directory URLs: konten/x.md → konten/x/index.html."""
    stem = re.sub(r"\.(md|ipynb)$", "", src)
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


class Page(html.parser.HTMLParser):
    """Links, ids and the article's text and headings of one built page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (attribute, value)
        self.resources: list[tuple[str, str]] = []  # (tag, url) of scripts and stylesheets
        self.text: list[str] = []
        self.blocks: list[tuple[str, str]] = []  # ("h2", text) and ("task", "") in article order
        self._article = 0
        self._skip = 0
        self._heading: list[str] | None = None
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key) and (key == "id" or tag == "a"):
                self.ids.add(a[key])
        if tag in ("a", "link", "area") and a.get("href") is not None:
            self.links.append((tag, a["href"]))
        if tag in ("img", "script", "source", "iframe") and a.get("src"):
            self.links.append((tag, a["src"]))
        if tag == "script" and a.get("src"):
            self.resources.append((tag, a["src"]))
        if tag == "link" and "stylesheet" in (a.get("rel") or "") and a.get("href"):
            self.resources.append((tag, a["href"]))
        if tag == "article":
            self._article += 1
        if tag in ("script", "style", "svg"):
            self._skip += 1
        if self._article:
            if tag == "h2":
                self._heading = []
            if tag == "li" and "task-list-item" in (a.get("class") or ""):
                self.blocks.append(("task", ""))
            if tag == "a" and "headerlink" in (a.get("class") or ""):
                self._stack.append("headerlink")
                self._skip += 1
                return
        self._stack.append(tag)

    def handle_endtag(self, tag):
        if self._stack and self._stack[-1] == "headerlink" and tag == "a":
            self._stack.pop()
            self._skip -= 1
            return
        if self._stack:
            self._stack.pop()
        if tag == "article":
            self._article -= 1
        if tag in ("script", "style", "svg"):
            self._skip -= 1
        if tag == "h2" and self._heading is not None:
            self.blocks.append(("h2", " ".join("".join(self._heading).split())))
            self._heading = None

    def handle_data(self, data):
        if self._article and not self._skip:
            self.text.append(data)
            if self._heading is not None:
                self._heading.append(data)

    @property
    def words(self) -> list[str]:
        return re.findall(r"\w+", " ".join(self.text))


_parsed: dict[pathlib.Path, Page] = {}


def parse(path: pathlib.Path) -> Page:
    if path not in _parsed:
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        _parsed[path] = page
    return _parsed[path]


def html_pages(site_dir: pathlib.Path) -> list[pathlib.Path]:
    # 404.html is served by GitHub Pages at any depth, so MkDocs writes its
    # links as absolute URLs under site_url; it is checked by its own test.
    return sorted(p for p in site_dir.rglob("*.html") if p.name != "404.html")


# ---------------------------------------------------------------------------
# Pages


class TestPages:
    @pytest.mark.parametrize("src", nav_files())
    def test_nav_page_is_built_and_real(self, site_dir, src):
        path = site_dir / built_path(src)
        assert path.is_file(), f"{src} is in nav: but {path.relative_to(site_dir)} was not built"
        page = parse(path)
        words = page.words
        section, _, name = src.partition("/")
        chapter = section in CHAPTER_SECTIONS and name and name != "index.md"
        least = CHAPTER_MIN_WORDS if chapter else PAGE_MIN_WORDS
        assert len(words) > least, f"{src}: only {len(words)} words of body text (placeholder?), need more than {least}"
        found = PLACEHOLDER.search(" ".join(page.text))
        assert not found, f"{src}: placeholder text {found.group(0)!r}"

    @pytest.mark.parametrize(
        "src", [s for s in nav_files() if s.split("/")[0] in CHAPTER_SECTIONS and not s.endswith("index.md")]
    )
    def test_chapter_ends_with_this_weeks_checklist(self, site_dir, src):
        blocks = parse(site_dir / built_path(src)).blocks
        headings = [text for kind, text in blocks if kind == "h2"]
        assert headings, f"{src} has no sections"
        assert headings[-1] == CHECKLIST_HEADING, f"{src}: last section is {headings[-1]!r}, not {CHECKLIST_HEADING!r}"
        last = max(i for i, (kind, _) in enumerate(blocks) if kind == "h2")
        tasks = [b for b in blocks[last:] if b[0] == "task"]
        assert len(tasks) >= 2, f"{src}: '{CHECKLIST_HEADING}' needs a task list (- [ ] ...), found {len(tasks)} items"

    def test_the_parser_sees_a_missing_checklist(self):
        page = Page()
        page.feed('<article><h2>Intro<a class="headerlink" href="#i">¶</a></h2><ul class="task-list">'
                  '<li class="task-list-item">x</li></ul><h2>Penutup</h2><p>teks</p></article>')
        assert page.blocks == [("h2", "Intro"), ("task", ""), ("h2", "Penutup")]

    def test_notebooks_show_executed_outputs(self, site_dir):
        notebooks = [s for s in nav_files() if s.endswith(".ipynb")]
        assert len(notebooks) >= 2
        for src in notebooks:
            text = (site_dir / built_path(src)).read_text(encoding="utf-8")
            assert text.count("jp-OutputArea-output") >= 3, f"{src}: no executed outputs in the page"
            assert "data:image/png;base64," in text, f"{src}: the chart is missing"
            assert "Traceback" not in text and "jp-OutputArea-error" not in text, f"{src}: a cell failed"

    def test_notebook_pages_stay_light(self, site_dir):
        # Phones on mobile data: the hook drops JupyterLab's 600 KB stylesheet and charts are 80 dpi.
        for src in (s for s in nav_files() if s.endswith(".ipynb")):
            path = site_dir / built_path(src)
            size = path.stat().st_size
            assert size < 250_000, f"{src}: {size} bytes of HTML"
            for image in re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", path.read_text(encoding="utf-8")):
                assert len(image) * 3 / 4 < 80_000, f"{src}: a chart of {len(image) * 3 // 4} bytes"

    def test_sources_page_lists_every_source(self, site_dir):
        import csv

        with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
            ids = [row["id"] for row in csv.DictReader(handle)]
        page = parse(site_dir / built_path("referensi/sumber.md"))
        missing = [i for i in ids if f"sumber-{i}" not in page.ids]
        assert not missing, f"referensi/sumber.md lacks rows for {missing}: does it hold [[tabel-sumber]]?"


# ---------------------------------------------------------------------------
# Links


def _target(site_dir: pathlib.Path, page: pathlib.Path, url: str) -> tuple[pathlib.Path | None, str]:
    """The file a relative URL of ``page`` points to, and its fragment."""
    parts = urllib.parse.urlsplit(url)
    here = page.relative_to(site_dir).parent.as_posix()
    path = urllib.parse.unquote(parts.path)
    if not path:
        return page, parts.fragment
    joined = posixpath.normpath(posixpath.join(here, path))
    if joined.startswith(".."):
        return None, parts.fragment
    target = site_dir / joined
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


class TestLinks:
    def test_every_internal_link_and_anchor_resolves(self, site_dir):
        pages = html_pages(site_dir)
        assert len(pages) >= len(nav_files())
        broken = []
        for page in pages:
            for tag, url in parse(page).links:
                parts = urllib.parse.urlsplit(url)
                if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:", "javascript:", "data:")):
                    continue
                rel = page.relative_to(site_dir)
                if url.startswith("/"):
                    broken.append(f"{rel}: {url!r} is absolute; the site lives under a sub-path")
                    continue
                target, fragment = _target(site_dir, page, url)
                if target is None or not target.is_file():
                    broken.append(f"{rel}: <{tag}> {url!r} → file not in the site")
                    continue
                if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                    broken.append(f"{rel}: {url!r} → no id {fragment!r} in {target.relative_to(site_dir)}")
        assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:40])

    def test_the_link_check_sees_a_broken_anchor(self, tmp_path):
        (tmp_path / "a").mkdir()
        (tmp_path / "a" / "index.html").write_text('<p id="ada"></p>', encoding="utf-8")
        page = tmp_path / "index.html"
        page.write_text('<a href="a/#ada">ok</a><a href="a/#tidak">x</a>', encoding="utf-8")
        target, fragment = _target(tmp_path, page, "a/#tidak")
        assert target == tmp_path / "a" / "index.html"
        assert fragment not in parse(target).ids and "ada" in parse(target).ids

    def test_no_script_or_stylesheet_from_another_host(self, site_dir):
        # No CDN is reachable for the readers' sake and ours: everything is self-hosted.
        outside = []
        for page in html_pages(site_dir) + [site_dir / "404.html"]:
            for tag, url in parse(page).resources:
                if urllib.parse.urlsplit(url).netloc:
                    outside.append(f"{page.relative_to(site_dir)}: <{tag}> {url}")
        assert not outside, "\n".join(outside[:20])

    def test_formulas_are_typeset_at_build_time(self, site_dir):
        # KaTeX runs when the site is built: a formula page carries HTML and MathML and the
        # stylesheet, never the KaTeX script (about 270 KB) nor the TeX it would have read.
        pages = [p for p in html_pages(site_dir) if 'class="arithmatex"' in p.read_text(encoding="utf-8")]
        assert len(pages) >= 3, "halaman iklan-roi, ritme-posting dan analitik-kpi memuat rumus"
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert 'class="katex"' in text and '<span class="katex-mathml"><math' in text, page
            formulas = re.findall(r'<(span|div) class="arithmatex">(.*?)</\1>', text, flags=re.DOTALL)
            assert all(not body.startswith(("\\(", "\\[")) for _, body in formulas), f"{page}: TeX tidak diketik"
            resources = parse(page).resources
            assert ("link", "../../assets/math/katex.min.css") in resources, page
            scripts = [u for tag, u in resources if tag == "script"]
            assert not [u for u in scripts if re.search(r"katex|auto-render|assets/math/", u)], f"{page}: {scripts}"
        for page in [p for p in html_pages(site_dir) if p not in pages][:5]:
            assert "katex" not in page.read_text(encoding="utf-8"), f"{page}: KaTeX dimuat tanpa rumus"
        math = site_dir / "assets" / "math"
        assert not list(math.glob("*.js")), "skrip KaTeX tidak perlu disalin"
        css = (math / "katex.min.css").read_text(encoding="utf-8")
        fonts = re.findall(r"url\((fonts/[^)]+)\)", css)
        assert fonts and all(f.endswith(".woff2") and (math / f).is_file() for f in fonts), fonts
        assert sorted(p.name for p in (math / "fonts").iterdir()) == sorted(f[len("fonts/"):] for f in fonts)
        # the search index reads each formula as text: neither KaTeX's markup nor raw TeX
        index = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
        assert "katex" not in index and not re.search(r"\\\\(begin|frac|text)\b", index)


# ---------------------------------------------------------------------------
# Own words


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def shingles(ws: list[str]) -> set[str]:
    return {" ".join(ws[i : i + SHINGLE]) for i in range(len(ws) - SHINGLE + 1)}


def own_text(path: pathlib.Path) -> str:
    """The prose of one project file: notebook cells joined, citations of headlines left out."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells)
    if path.name == "sources.csv":
        import csv

        with path.open(encoding="utf-8", newline="") as handle:
            # The title column names the article being cited; a headline
            # quoted as a citation is attribution, not copied prose.
            return "\n".join(f"{r['outlet']}\n{r['note']}" for r in csv.DictReader(handle))
    return path.read_text(encoding="utf-8")


def project_files() -> list[pathlib.Path]:
    suffixes = {".md", ".ipynb", ".csv", ".txt", ".yml", ".yaml", ".html", ".json"}
    found = []
    for folder in (ROOT / "docs", ROOT / "data"):
        found += [p for p in folder.rglob("*") if p.is_file() and p.suffix in suffixes]
    return sorted(found)


class TestOwnWords:
    def test_no_eight_word_run_from_a_seed_article(self):
        assert SEEDS.is_dir(), (
            f"seed articles not found at {SEEDS}: the check compares docs/ and data/ with "
            "../shared/seeds next to the repository (CI puts shared/ beside the clone)"
        )
        index: dict[str, str] = {}
        for seed in sorted(SEEDS.glob("*.txt")):
            for shingle in shingles(words(seed.read_text(encoding="utf-8", errors="replace"))):
                index.setdefault(shingle, seed.name)
        assert index, f"no seed text in {SEEDS}"
        files = project_files()
        assert len(files) > 10
        hits = []
        for path in files:
            # Runs are taken over the whole file, so a sentence wrapped over two
            # lines is caught too (stricter than the per-line seedcheck.py).
            ws = words(own_text(path))
            for i in range(len(ws) - SHINGLE + 1):
                run = " ".join(ws[i : i + SHINGLE])
                if run in index:
                    hits.append(f'{path.relative_to(ROOT)}: "{run}" (seed {index[run]})')
                    break
        assert not hits, "word-for-word runs of 8+ words from a seed article:\n" + "\n".join(hits)

    def test_the_shingles_catch_a_copy_across_lines(self):
        seed = shingles(words("Satu dua tiga empat lima enam tujuh delapan sembilan."))
        copy = words("Kami: satu dua tiga empat\nlima enam tujuh delapan!")
        assert any(" ".join(copy[i : i + 8]) in seed for i in range(len(copy) - 7))


# ---------------------------------------------------------------------------
# Build


def test_strict_build_has_no_warnings(site_build):
    """The build the site tests read is strict; its log also shows that nothing was even logged as a warning."""
    warnings = [line for line in site_build.log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert site_build.returncode == 0 and not warnings, "\n".join(warnings) or site_build.log[-3000:]
