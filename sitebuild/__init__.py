"""Helpers that turn data/, simulators/ and docs/ into the site (run at build time only)."""

from __future__ import annotations

import pathlib

# The repository root: data/, docs/, node_modules/ and simulators/ are found from here.
ROOT = pathlib.Path(__file__).resolve().parent.parent
