"""No broken internal link or anchor in the built site, checked by linkinator (pinned in package.json).

linkinator serves the folder itself on localhost and follows every link,
image, script, stylesheet and ``url()`` in CSS, and checks that each
``#fragment`` exists on its target page. Links leaving the site are skipped:
the check runs offline.
"""

from __future__ import annotations

import json
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent
LINKINATOR = ROOT / "node_modules" / ".bin" / "linkinator"


def broken_links(folder: pathlib.Path) -> list[str]:
    """``"state url (on page)"`` for every link linkinator could not resolve under ``folder``."""
    assert LINKINATOR.exists(), "linkinator tidak ada: jalankan `make test` (npm ci memasangnya)"
    done = subprocess.run(
        [
            str(LINKINATOR),
            str(folder),
            "--recurse",
            "--check-fragments",
            "--check-css",
            "--skip",
            r"^https?://(?!localhost)",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise AssertionError(f"linkinator gagal (kode {done.returncode}):\n{done.stderr[-3000:]}") from None
    links = report["links"]
    assert links, "linkinator tidak memeriksa satu tautan pun"
    bad = sorted({f"{link['state']} {link['url']} (di {link.get('parent')})" for link in links if link["state"] == "BROKEN"})
    assert report["passed"] == (not bad)
    return bad


def test_site_has_no_broken_internal_links_or_anchors(site_dir):
    bad = broken_links(site_dir)
    assert not bad, f"{len(bad)} tautan rusak:\n" + "\n".join(bad[:50])


def test_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    # the same check on a two-page site with one broken link and one broken anchor must fail
    (tmp_path / "bab").mkdir()
    (tmp_path / "bab" / "index.html").write_text('<!doctype html><title>b</title><h2 id="ada">Ada</h2>')
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>a</title><a href="bab/#ada">ok</a><a href="bab/#hilang">x</a><a href="bab2/">y</a>'
        '<a href="https://example.invalid/">luar</a>'
    )
    bad = broken_links(tmp_path)
    assert [line.split(" (di ")[0].replace(str(tmp_path), "") for line in bad] == [
        "BROKEN /bab/#hilang",
        "BROKEN /bab2/",
    ]
