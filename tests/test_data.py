"""The rows of data/: sourced or explained, unique, and identical to the models' defaults.

A model default lives twice: in the model's input dataclass and as a row of
``data/defaults/<model>.csv`` with its source or reasoning. These tests fail
as soon as the two disagree, a row loses its source, or an id repeats.
"""

from __future__ import annotations

import csv
import math
import pathlib

import pytest

import simulators

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIGURE_FILES = [DATA / "facts.csv", *sorted((DATA / "defaults").glob("*.csv"))]


def read_rows(path: pathlib.Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = []
        for row in reader:
            assert None not in row, f"{path.name}:{reader.line_num}: more cells than columns (unquoted comma?)"
            rows.append({k: (v or "").strip() for k, v in row.items()})
        return rows


def source_ids() -> set[str]:
    return {row["id"] for row in read_rows(DATA / "sources.csv")}


def leaves(value, path: str):
    """(dotted path, value) of every scalar in a JSON-like document; lists use their index."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, f"{path}.{index}")
    else:
        yield path, value


def same_value(model_value, text: str) -> bool:
    """Numbers compare as floats, booleans as true/false, strings and dates as text."""
    if isinstance(model_value, bool):
        return text.lower() == str(model_value).lower()
    if isinstance(model_value, (int, float)):
        try:
            return math.isclose(float(model_value), float(text), rel_tol=0, abs_tol=0)
        except ValueError:
            return False
    return str(model_value) == text


class TestRows:
    @pytest.mark.parametrize("path", FIGURE_FILES, ids=lambda p: p.name)
    def test_every_row_has_a_known_source_or_a_reason(self, path):
        known = source_ids()
        rows = read_rows(path)
        assert rows, f"{path.name} has no rows"
        for row in rows:
            if row["source"]:
                assert row["source"] in known, f"{path.name}: {row['id']} cites unknown source {row['source']!r}"
            else:
                assert row["asumsi"], f"{path.name}: {row['id']} has neither a source nor an asumsi reason"

    @pytest.mark.parametrize("path", FIGURE_FILES, ids=lambda p: p.name)
    def test_every_row_has_value_unit_and_meaning(self, path):
        for row in read_rows(path):
            for column in ("id", "value", "unit", "meaning"):
                assert row[column], f"{path.name}: row {row['id'] or '?'} has an empty {column}"

    def test_ids_are_unique_across_files(self):
        seen: dict[str, str] = {}
        for path in FIGURE_FILES:
            for row in read_rows(path):
                assert row["id"] not in seen, f"{row['id']} in {path.name} repeats {seen[row['id']]}"
                seen[row["id"]] = path.name

    def test_source_ids_are_unique_and_complete(self):
        rows = read_rows(DATA / "sources.csv")
        ids = [row["id"] for row in rows]
        assert len(ids) == len(set(ids))
        for row in rows:
            assert row["outlet"] and row["title"] and row["date"], row["id"]

    def test_default_rows_are_named_after_their_model(self):
        for path in FIGURE_FILES[1:]:
            for row in read_rows(path):
                assert row["id"].startswith(path.stem + "."), f"{path.name}: {row['id']}"

    def test_every_defaults_file_belongs_to_a_simulator(self):
        orphans = [p.name for p in FIGURE_FILES[1:] if p.stem not in simulators.SIMULATORS]
        assert not orphans, f"no simulator registered for {orphans}"


@pytest.mark.parametrize("name", sorted(simulators.SIMULATORS))
class TestModelDefaults:
    def test_every_default_has_exactly_one_equal_row(self, name):
        path = DATA / "defaults" / f"{name}.csv"
        assert path.is_file(), f"data/defaults/{name}.csv is missing for simulator {name!r}"
        rows = read_rows(path)
        inputs = simulators.run(name, {})["inputs"]
        # None marks an optional input that is absent by default: it has no row.
        model = {key: value for key, value in leaves(inputs, name) if value is not None}
        assert model, f"{name} has no default inputs"
        for key, value in model.items():
            matching = [row for row in rows if row["id"] == key]
            assert len(matching) == 1, f"{key}: {len(matching)} rows in {path.name}, expected exactly 1"
            assert same_value(value, matching[0]["value"]), (
                f"{key}: the model's default is {value!r} but {path.name} says {matching[0]['value']!r}"
            )

    def test_every_row_is_a_model_default(self, name):
        path = DATA / "defaults" / f"{name}.csv"
        model = {key for key, value in leaves(simulators.run(name, {})["inputs"], name) if value is not None}
        extra = [row["id"] for row in read_rows(path) if row["id"] not in model]
        assert not extra, f"{path.name} has rows that are no default of {name}: {extra}"


class TestComparison:
    """The comparison itself must be able to fail."""

    def test_numbers_compare_as_floats(self):
        assert same_value(0.4, "0.40") and same_value(150000, "150000.0")
        assert not same_value(0.4, "0.41")

    def test_text_compares_exactly(self):
        assert same_value("TikTok Shop", "TikTok Shop")
        assert not same_value("TikTok Shop", "Tiktok Shop")
        assert not same_value(2, "dua")

    def test_leaves_flatten_lists_and_objects(self):
        document = {"channels": [{"name": "A", "traffic": 1}], "shock": {"channel": "A"}}
        assert dict(leaves(document, "m")) == {
            "m.channels.0.name": "A",
            "m.channels.0.traffic": 1,
            "m.shock.channel": "A",
        }
