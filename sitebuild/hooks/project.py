"""The first hook: makes the project's packages importable, and records the command.

MkDocs loads each hook as a loose file with only the hook's own folder on
``sys.path``, and puts ``sys.path`` back afterwards. This hook adds the
repository root while it loads and imports ``sitebuild`` and ``simulators``
then: once a package is imported, its submodules are found through the
package itself, so every later hook imports ``from sitebuild …`` and
``from simulators …`` with no path set-up of its own. It must stay first
under ``hooks:`` in mkdocs.yml (tests/test_hooks.py loads the config from
another folder to check this).
"""

from __future__ import annotations

import pathlib
import sys

_root = str(pathlib.Path(__file__).resolve().parents[2])
if _root not in sys.path:
    sys.path.insert(0, _root)

import simulators  # noqa: E402, F401  (imported while the root is on sys.path: see above)
from sitebuild import command as build_command  # noqa: E402


def on_startup(command: str, **kwargs) -> None:
    build_command.record(command)
