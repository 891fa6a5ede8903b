"""Helpers that turn data/, simulators/ and docs/ into the site (run at build time only)."""
