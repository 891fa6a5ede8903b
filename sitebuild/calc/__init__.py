"""The calculators at build time: runtime files, prerendered markup, formatting.

``sitebuild/hooks/calculators.py`` is the MkDocs hook that uses these; the
browser half lives in ``docs/assets/calc/``.
"""
