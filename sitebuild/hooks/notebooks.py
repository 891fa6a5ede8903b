"""MkDocs hook: the notebooks of docs/analisis/, slimmed to what a phone needs.

mkdocs-jupyter runs each notebook at every build and writes nbconvert's HTML.
This hook runs the notebooks on this virtualenv's kernel, strips that HTML
down to the notebook itself (see :func:`_clean_notebook`), points its links
at the built pages, and gives notebook pages ``sitebuild/static/notebook.css``.
"""

from __future__ import annotations

import html
import logging
import os
import pathlib
import posixpath
import re
import shutil

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from sitebuild import ROOT

log = logging.getLogger("mkdocs.hooks.notebooks")

NOTEBOOK_CSS = ROOT / "sitebuild" / "static" / "notebook.css"
NOTEBOOK_CSS_DEST = "assets/notebook.css"

_state: dict = {"notebook_pages": 0}


def on_config(config):
    # The notebooks run on the "python3" kernel of this virtualenv (its
    # "python" argv becomes sys.executable), not on a same-named kernel a
    # contributor may have in ~/.local/share/jupyter for another Python.
    os.environ["JUPYTER_PREFER_ENV_PATH"] = "1"
    _state["notebook_pages"] = 0
    return config


def on_page_content(html_text, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        _state["notebook_pages"] += 1
        return _clean_notebook(html_text, page, files)
    return html_text


def on_post_page(output, page, config):
    if page.file.src_uri.endswith(".ipynb"):
        href = html.escape(get_relative_url(f"{NOTEBOOK_CSS_DEST}", page.url))
        output = output.replace("</head>", f'<link rel="stylesheet" href="{href}">\n</head>', 1)
    return output


def on_post_build(config):
    log.info("notebooks: %d notebook", _state["notebook_pages"])
    if _state["notebook_pages"]:
        site = pathlib.Path(config["site_dir"])
        (site / NOTEBOOK_CSS_DEST).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(NOTEBOOK_CSS, site / NOTEBOOK_CSS_DEST)


def _clean_notebook(content: str, page, files) -> str:
    """Slim mkdocs-jupyter's HTML down to the notebook itself, styled by the theme.

    nbconvert inlines JupyterLab's whole stylesheet (about 600 KB per page), a
    MathJax 2 loader and a Mermaid loader pointing at CDNs, and a hidden copy
    of every code cell for its own copy button. All of that goes: code becomes
    ``div.highlight > pre > code`` (Material's colours, dark mode and copy
    button) folded in a ``details`` so a phone shows the results first, DataFrames become plain tables (Material's table style), and
    sitebuild/static/notebook.css adds the few rules left.
    """
    start = content.find('<div class="jupyter-wrapper">')
    if start < 0:
        raise PluginError(f"docs/{page.file.src_uri}: keluaran mkdocs-jupyter tidak dikenali (jupyter-wrapper tidak ada)")
    content = content[start:]
    content = re.sub(r"<style\b.*?</style>|<script\b.*?</script>", "", content, flags=re.DOTALL)
    content = re.sub(r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>', "", content, flags=re.DOTALL)
    content = re.sub(r'<div class="clipboard-copy-txt"[^>]*>.*?</div>', "", content, flags=re.DOTALL)
    content = re.sub(
        r'<div class="highlight-ipynb[^"]*"><pre>(.*?)</pre>\s*</div>',
        r'<details class="kode"><summary>Kode Python</summary><div class="highlight"><pre><code>\1</code></pre></div></details>',
        content,
        flags=re.DOTALL,
    )
    # Execution prompts ("Out[2]:") mean nothing to a reader: out of the page and the search index.
    content = re.sub(r'<div class="jp-(?:In|Out)putPrompt[^"]*">.*?</div>', "", content, flags=re.DOTALL)
    content = content.replace('<table border="1" class="dataframe">', "<table>")
    content = content.replace(' style="text-align: right;"', "")
    content = content.replace('class="anchor-link"', 'class="headerlink"')
    return _notebook_links(content, page, files)


def _notebook_links(content: str, page, files) -> str:
    """Point Markdown-cell links to other pages (``../x/y.md``) at the built pages.

    MkDocs rewrites and checks links of Markdown pages only; a notebook's links
    are resolved here, and one to a missing page stops the build.
    """
    here = posixpath.dirname(page.file.src_uri)

    def fix(match: re.Match) -> str:
        target, fragment = match["path"], match["fragment"] or ""
        src = posixpath.normpath(posixpath.join(here, target))
        file = files.get_file_from_path(src)
        if file is None:
            raise PluginError(f"docs/{page.file.src_uri}: tautan ke {target!r} menunjuk halaman yang tidak ada (docs/{src})")
        return f'href="{html.escape(get_relative_url(file.url, page.url))}{fragment}"'

    return re.sub(r'href="(?!https?:|mailto:|#|/)(?P<path>[^"#]+\.(?:md|ipynb))(?P<fragment>#[^"]*)?"', fix, content)
