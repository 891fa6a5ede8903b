"""The files the calculators need in the browser, gathered at build time.

Nothing here is committed: the ``simulators`` wheel is built from the source
tree, Pyodide's core files and Chart.js come from ``node_modules`` (pinned in
``package-lock.json``). Every file name carries a version or a content hash,
so a browser (and later a service worker) never mixes files of two builds.

Site layout (under ``assets/calc/runtime/``)::

    pyodide-<version>+<sha256[:10]>/pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm,
                      python_stdlib.zip, pyodide-lock.json
    simulators-<version>+<sha256[:10]>-py3-none-any.whl
    chart-<version>.umd.min.js

``python_stdlib.zip`` and ``pyodide-lock.json`` are not Pyodide's own: they
are the trimmed, precompiled standard library and the package-less lock file
of ``sitebuild/stdlib.py`` (1,1 MB instead of 2,5 MB, no compiling at start);
the hash in the folder name is theirs, so a changed module list gets a new URL.
The wheel holds bytecode (``.pyc``) compiled by that same Pyodide instead of
sources, for the same reason; its hash is of those bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pathlib
import shutil
import tempfile

from .. import stdlib

__all__ = ["Runtime", "prepare", "copy_into", "PYODIDE_FILES"]

ROOT = pathlib.Path(__file__).resolve().parents[2]
RUNTIME_DIR = "assets/calc/runtime"
# The core of Pyodide, nothing else: the models use the standard library only.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


class MissingRuntime(Exception):
    """A missing or unbuildable runtime file; the message says what to run."""


@dataclasses.dataclass(frozen=True)
class Runtime:
    """Where each runtime file comes from and where it lands in the site."""

    wheel_source: pathlib.Path
    wheel: str  # site path of the wheel
    pyodide_source: pathlib.Path
    pyodide_dir: str  # site path of the Pyodide folder (ends with "/")
    chart_source: pathlib.Path
    chart: str  # site path of Chart.js
    # our python_stdlib.zip and pyodide-lock.json (sitebuild/stdlib.py), in place of Pyodide's
    trimmed: dict[str, pathlib.Path] = dataclasses.field(default_factory=dict)

    def files(self) -> list[tuple[pathlib.Path, str]]:
        """(source, site path) of every file to copy."""
        pyodide = [
            (self.trimmed.get(name, self.pyodide_source / name), self.pyodide_dir + name) for name in PYODIDE_FILES
        ]
        return [(self.wheel_source, self.wheel), *pyodide, (self.chart_source, self.chart)]

    def download_bytes(self) -> int:
        """Size of what the worker downloads before it can compute (its progress bar counts
        these bytes): the wheel and Pyodide's files except the small ``pyodide.mjs`` it imports."""
        return sum(
            source.stat().st_size
            for source, target in self.files()
            if target == self.wheel or (target.startswith(self.pyodide_dir) and not target.endswith("/pyodide.mjs"))
        )


def _npm_package(name: str) -> tuple[pathlib.Path, str]:
    folder = ROOT / "node_modules" / name
    manifest = folder / "package.json"
    if not manifest.exists():
        raise MissingRuntime(f"node_modules/{name} tidak ada: jalankan `make node` (npm ci) lebih dulu")
    return folder, json.loads(manifest.read_text(encoding="utf-8"))["version"]


def build_wheel(outdir: pathlib.Path) -> pathlib.Path:
    """The simulators wheel, built once by :func:`sitebuild.stdlib.build_wheel`."""
    try:
        return stdlib.build_wheel(outdir)
    except stdlib.StdlibError as error:
        raise MissingRuntime(str(error)) from None


def prepare(workdir: pathlib.Path | None = None) -> Runtime:
    """Build the wheel and locate the npm files; nothing is copied yet."""
    workdir = workdir or pathlib.Path(tempfile.mkdtemp(prefix="calc-runtime-"))
    wheel = build_wheel(workdir)
    pyodide, pyodide_version = _npm_package("pyodide")
    missing = [f for f in PYODIDE_FILES if not (pyodide / f).exists()]
    if missing:
        raise MissingRuntime(f"berkas Pyodide hilang dari node_modules/pyodide: {', '.join(missing)}; jalankan `make node`")
    chart, chart_version = _npm_package("chart.js")
    try:
        # Bytecode of Pyodide's own Python in place of the sources: nothing to compile
        # in the reader's browser (sitebuild/stdlib.py).
        wheel = stdlib.precompile_wheel(wheel, workdir / "precompiled")
        trimmed = {"python_stdlib.zip": stdlib.build(workdir / "python_stdlib.zip")}
    except stdlib.StdlibError as error:
        raise MissingRuntime(str(error)) from None
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:10]
    name, version = wheel.name.split("-")[:2]
    trimmed["pyodide-lock.json"] = workdir / "pyodide-lock.json"
    trimmed["pyodide-lock.json"].write_bytes(stdlib.lockfile(pyodide))
    ours = hashlib.sha256(b"".join(path.read_bytes() for path in trimmed.values())).hexdigest()[:10]
    return Runtime(
        wheel_source=wheel,
        wheel=f"{RUNTIME_DIR}/{name}-{version}+{digest}-py3-none-any.whl",
        pyodide_source=pyodide,
        pyodide_dir=f"{RUNTIME_DIR}/pyodide-{pyodide_version}+{ours}/",
        chart_source=chart / "dist" / "chart.umd.min.js",
        chart=f"{RUNTIME_DIR}/chart-{chart_version}.umd.min.js",
        trimmed=trimmed,
    )


def copy_into(runtime: Runtime, site_dir: pathlib.Path) -> int:
    """Copy the runtime into the built site; returns the bytes written."""
    written = 0
    for source, target in runtime.files():
        destination = site_dir / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        written += destination.stat().st_size
    return written
