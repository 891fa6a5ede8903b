"""The shared test helpers (tests/kit.py): they must fail loudly, or every test built on them could pass blind."""

from __future__ import annotations

import time

import pytest

import simulators
from tests.browser.site_pages import wait_state
from tests.kit import CALCULATOR_PAGES, CALCULATORS, cli, cli_json, covers_every_calculator, poll


class TestPoll:
    def test_returns_the_first_truthy_value(self):
        seen = iter([None, 0, "", "siap", "later"])
        assert poll(lambda: next(seen), what="a value", every=0) == "siap"

    def test_until_decides_and_the_value_comes_back(self):
        seen = iter([{"state": "loading"}, {"state": "ready", "n": 3}])
        assert poll(lambda: next(seen), until=lambda s: s["state"] == "ready", what="ready", every=0) == {"state": "ready", "n": 3}

    def test_timeout_names_what_and_the_last_value_seen(self):
        count = iter(range(10_000))
        started = time.monotonic()
        with pytest.raises(AssertionError) as caught:
            poll(lambda: -next(count) - 1, until=lambda n: n > 0, what="a positive count", timeout=0.2, every=0.05)
        elapsed = time.monotonic() - started
        message = str(caught.value)
        assert message.startswith("a positive count: not reached within 0.2 s (last seen: -")
        assert 0.2 <= elapsed < 2
        assert f"last seen: {-next(count)})" in message  # the value read last, not the first one

    def test_a_long_last_value_is_cut_short(self):
        with pytest.raises(AssertionError, match=r"last seen: 'xxx+…\)$"):
            poll(lambda: "x" * 5000, until=lambda _: False, what="nothing", timeout=0)

    def test_an_error_in_check_ends_the_wait_at_once(self):
        def broken():
            raise AssertionError("calculator in its error state")

        started = time.monotonic()
        with pytest.raises(AssertionError, match="error state"):
            poll(broken, what="never", timeout=30)
        assert time.monotonic() - started < 5

    def test_a_page_pauses_through_playwright(self):
        class Page:
            waited: list[float] = []

            def wait_for_timeout(self, ms):
                self.waited.append(ms)

        page = Page()
        seen = iter([False, False, True])
        assert poll(lambda: next(seen), what="x", every=0.05, page=page) is True
        assert page.waited == [50, 50]


class TestWaitState:
    class Page:
        def __init__(self, *states):
            self.states = iter(states)
            self.last = ""

        def evaluate(self, _script):
            self.last = next(self.states, self.last)
            return self.last

    def test_waits_for_every_calculator(self):
        page = self.Page("", "loading,ready", "ready,ready")
        assert wait_state(page, ("ready",)) == "ready,ready"

    def test_timeout_names_the_states_and_what_was_seen(self):
        with pytest.raises(AssertionError, match=r"every calculator in \('ready',\): not reached within 0.2 s \(last seen: 'error'\)"):
            wait_state(self.Page("loading", "error"), ("ready",), timeout=0.2)


class TestCli:
    def test_completed_process_with_text(self):
        done = cli("--list")
        assert done.returncode == 0 and done.stderr == ""
        assert [line.split("\t")[0] for line in done.stdout.splitlines()] == list(simulators.SIMULATORS)

    def test_bytes_reach_stdin_as_they_are(self):
        done = cli("roi", "--json", "-", stdin=b'{"ctr": 2}')
        assert done.returncode == 2 and done.stderr.startswith("galat: ctr:")

    def test_cli_json_gives_the_document(self):
        document = cli_json("roi", {"ad_spend": 0, "fixed_costs": 0})
        assert document["inputs"]["ad_spend"] == 0 and document["outputs"]["roas"] is None  # no spend: no ROAS
        assert cli_json("roi")["inputs"]["ad_spend"] == 2_000_000  # --defaults

    def test_cli_json_fails_clearly_on_a_refusal(self):
        with pytest.raises(AssertionError, match=r"python -m simulators roi exited with 2:\n\s*galat: ctr: harus antara 0 dan 1"):
            cli_json("roi", {"ctr": 2})


class TestCalculators:
    def test_names_are_the_registry(self):
        assert CALCULATORS == tuple(simulators.SIMULATORS)

    def test_every_calculator_has_a_page_in_docs(self):
        covers_every_calculator(CALCULATOR_PAGES, "CALCULATOR_PAGES")
        assert CALCULATOR_PAGES["roi"] == "kalkulator/roi-iklan/"

    def test_a_table_missing_a_calculator_is_caught(self):
        table = dict.fromkeys(CALCULATORS[1:], 1) | {"laba": 1}
        with pytest.raises(AssertionError, match=rf"EXPECTED: \['{CALCULATORS[0]}'\] missing, \['laba'\] unknown"):
            covers_every_calculator(table, "EXPECTED")
