"""A smaller, precompiled standard library for the calculators' Pyodide.

Pyodide's ``python_stdlib.zip`` is 2,5 MB of Python source, and at start the
worker compiles every module it imports. The calculators use about 140 of its
~600 files. At build time this module writes a zip of only those files,
compiled to bytecode by the same Pyodide under node (``sitebuild/stdlib.mjs``):

- about 1,25 MB instead of 2,5 MB to download (sourceless ``.pyc`` built
  with ``optimize=2``: no docstrings, no asserts);
- Pyodide starts in about 0,7–0,9 s instead of about 1,9 s under node on the
  2-core build machine, because nothing is compiled at start.

``loadPyodide`` takes it unchanged: ``stdLibURL`` (or its default name
``python_stdlib.zip`` in the Pyodide folder). The list of files is committed
in ``sitebuild/stdlib-modules.txt``; ``tests/test_stdlib.py`` re-derives it
in Pyodide and fails when it drifts (a model that starts importing a new
module): then run ``.venv/bin/python -m sitebuild.stdlib --write`` and commit
the list. The same test checks that every simulator answers exactly the same
with the trimmed zip as with the full one.

The ``simulators`` wheel the site ships is precompiled the same way
(:func:`precompile_wheel`: each ``.py`` replaced by its ``.pyc``, with
docstrings and asserts kept), so the worker imports the models without
compiling them (about 50 ms here, several times that on a phone).

The lock file shrinks too: no Pyodide package is used (the npm package ships
none), so :func:`lockfile` keeps its ``info`` and no packages (119 KB → under
1 KB).

Built zips are cached in ``.cache/stdlib/`` under a key of their inputs, so a
rebuild (``make serve``) does not boot Pyodide again.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import zipfile

__all__ = ["MODULES", "StdlibError", "build", "build_wheel", "derive", "lockfile", "precompile_wheel", "probe", "read_list", "uncovered"]

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "simulators"
MODULES = ROOT / "sitebuild" / "stdlib-modules.txt"
TOOL = ROOT / "sitebuild" / "stdlib.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide"
CACHE = ROOT / ".cache" / "stdlib"
# Modules frozen into CPython (Python/frozen.c): in sys.modules with a __file__
# in the zip, but never read from it, so never listed.
FROZEN = frozenset({
    "_collections_abc.py", "_sitebuiltins.py", "abc.py", "codecs.py", "genericpath.py", "importlib/_bootstrap.py", "importlib/_bootstrap_external.py", "importlib/machinery.py", "importlib/util.py",
    "io.py", "ntpath.py", "os.py", "posixpath.py", "runpy.py", "site.py", "stat.py", "zipimport.py",
})
HEADER = """\
# Files of Pyodide's python_stdlib.zip that the calculators import in the browser.
# Derived in Pyodide under node by sitebuild/stdlib.mjs (probe); checked by
# tests/test_stdlib.py. Regenerate: .venv/bin/python -m sitebuild.stdlib --write
"""


class StdlibError(Exception):
    """Node, Pyodide or the probe failed; the message says what to run."""


def _node(*args: str) -> str:
    node = shutil.which("node")
    if not node:
        raise StdlibError("node tidak ditemukan: pasang Node.js lalu jalankan `make node`")
    if not (PYODIDE / "pyodide.mjs").exists():
        raise StdlibError("node_modules/pyodide tidak ada: jalankan `make node` (npm ci) lebih dulu")
    done = subprocess.run([node, str(TOOL), *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise StdlibError(f"sitebuild/stdlib.mjs {args[0]} gagal:\n{done.stderr[-4000:]}")
    return done.stdout


def read_list(path: pathlib.Path = MODULES) -> list[str]:
    """The committed file list (zip entry names), comments and blanks dropped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def probe(wheel: pathlib.Path, stdlib_zip: pathlib.Path | None = None, lock: pathlib.Path | None = None) -> dict:
    """Boot Pyodide under node with ``wheel``; ``{"files": [...], "answers": {...}}``.

    ``files`` are the standard-library zip entries in ``sys.modules`` after
    every simulator ran on its defaults, on a wrong value in each field and on
    broken JSON; ``answers`` are those replies. ``stdlib_zip`` and ``lock``
    replace Pyodide's own standard library and lock file.
    """
    args = ["probe", str(PYODIDE), str(wheel)]
    if stdlib_zip or lock:
        args.append(str(stdlib_zip or PYODIDE / "python_stdlib.zip"))
    if lock:
        args.append(str(lock))
    return json.loads(_node(*args))


def derive(wheel: pathlib.Path) -> list[str]:
    """The standard-library files the calculators import, found by :func:`probe`."""
    return probe(wheel)["files"]


def uncovered(names: list[str], package: pathlib.Path = PACKAGE) -> list[str]:
    """Standard-library modules that ``package`` imports but ``names`` lacks.

    A quick check without node, run by every build: it reads the package's
    ``import`` statements (not what those modules import in turn, which only
    the probe sees) and compares them with Pyodide's full zip, where a module
    is either a file (it must then be listed) or absent (built in or frozen).
    """
    shipped = set(zipfile.ZipFile(PYODIDE / "python_stdlib.zip").namelist())
    listed = set(names)
    missing = set()
    for source in sorted(package.glob("*.py")):
        if source.stem in ("cli", "__main__"):  # the command line, never shipped to the browser
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                parts = module.split(".")
                for depth in range(1, len(parts) + 1):
                    stem = "/".join(parts[:depth])
                    for candidate in (f"{stem}.py", f"{stem}/__init__.py"):
                        if candidate in shipped and candidate not in listed and candidate not in FROZEN:
                            missing.add(f"{module} ({source.name})")
    return sorted(missing)


def _cache_key(names: list[str]) -> str:
    digest = hashlib.sha256()
    for part in (
        (PYODIDE / "package.json").read_bytes(),
        (PYODIDE / "python_stdlib.zip").read_bytes(),
        TOOL.read_bytes(),
        "\n".join(names).encode(),
    ):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:20]


def build(out: pathlib.Path, names: list[str] | None = None) -> pathlib.Path:
    """Write the trimmed, precompiled zip of ``names`` (default: the committed list) to ``out``."""
    if names is None:
        names = read_list()
        missing = uncovered(names)
        if missing:
            raise StdlibError(
                f"{MODULES.relative_to(ROOT)} belum memuat modul yang kini diimpor simulators: "
                f"{', '.join(missing)}; jalankan `.venv/bin/python -m sitebuild.stdlib --write` lalu commit daftarnya"
            )
    cached = CACHE / f"{_cache_key(names)}.zip"
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="stdlib-") as tmp:
            listing = pathlib.Path(tmp) / "list.txt"
            listing.write_text("\n".join(names) + "\n", encoding="utf-8")
            partial = pathlib.Path(tmp) / "out.zip"
            _node("compile", str(PYODIDE), str(listing), str(partial))
            shutil.move(partial, cached)  # whole file or nothing: no half-written cache entry
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, out)
    return out


def precompile_wheel(wheel: pathlib.Path, out_dir: pathlib.Path) -> pathlib.Path:
    """``wheel`` with sourceless bytecode for Pyodide's Python, written to ``out_dir`` (same name)."""
    digest = hashlib.sha256(wheel.read_bytes() + TOOL.read_bytes() + (PYODIDE / "package.json").read_bytes())
    cached = CACHE / f"wheel-{digest.hexdigest()[:20]}.whl"
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="stdlib-") as tmp:
            partial = pathlib.Path(tmp) / wheel.name
            _node("wheel", str(PYODIDE), str(wheel), str(partial))
            shutil.move(partial, cached)
    out = out_dir / wheel.name
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, out)
    return out


def lockfile(pyodide_dir: pathlib.Path = PYODIDE) -> bytes:
    """Pyodide's lock file with its ``info`` (checked at start) and no packages."""
    info = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    return json.dumps({"info": info, "packages": {}}, separators=(",", ":")).encode()


def build_wheel(outdir: pathlib.Path) -> pathlib.Path:
    """``python -m build --wheel --no-isolation`` of the source tree into ``outdir``."""
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(outdir), str(ROOT)],
        capture_output=True,
        text=True,
    )
    wheels = sorted(outdir.glob("simulators-*-py3-none-any.whl"))
    if done.returncode != 0 or len(wheels) != 1:
        raise StdlibError("wheel simulators gagal dibangun:\n" + done.stdout[-2000:] + done.stderr[-4000:])
    return wheels[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild.stdlib", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"derive the list again and write {MODULES.name}")
    parser.add_argument("--zip", type=pathlib.Path, help="also build the trimmed zip to this path")
    args = parser.parse_args(argv)
    if args.write:
        with tempfile.TemporaryDirectory(prefix="stdlib-wheel-") as tmp:
            names = derive(build_wheel(pathlib.Path(tmp)))
        MODULES.write_text(HEADER + "\n".join(names) + "\n", encoding="utf-8")
        print(f"{MODULES.relative_to(ROOT)}: {len(names)} berkas")
    if args.zip:
        built = build(args.zip)
        print(f"{built}: {built.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
