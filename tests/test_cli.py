"""The command line: whole JSON documents out, Indonesian problems on stderr."""

import json
import subprocess
import sys

import pytest

from simulators.cli import main


def cli(*args, stdin=""):
    """Run the real ``python -m simulators`` in a subprocess (exit code, stdout, stderr)."""
    done = subprocess.run(
        [sys.executable, "-m", "simulators", *args], input=stdin, capture_output=True, text=True
    )
    return done.returncode, done.stdout, done.stderr


class TestRoiDocument:
    def test_defaults_whole_document(self):
        code, out, err = cli("roi", "--defaults")
        assert (code, err) == (0, "")
        # dihitung manual (lihat tests/test_roi.py): 80.000 tayangan, 1.200 klik, 36 pesanan,
        # omzet 5.400.000, laba 417.600, ROAS 2,7, BEP 1/0,494, ROI 417.600/2.250.000
        assert json.loads(out) == {
            "inputs": {
                "ad_spend": 2000000, "cpm": 25000, "ctr": 0.015, "conversion_rate": 0.03,
                "aov": 150000, "cogs_rate": 0.4, "platform_fee_rate": 0.08, "affiliate_rate": 0.0,
                "return_rate": 0.05, "fixed_costs": 250000,
            },
            "outputs": {
                "impressions": 80000.0, "clicks": 1200.0, "orders": 36.0, "revenue": 5400000.0,
                "profit": pytest.approx(417600.0), "roas": 2.7,
                "break_even_roas": pytest.approx(1 / 0.494), "roi": pytest.approx(0.1856),
                "cpa": pytest.approx(2000000 / 36), "max_cpa": pytest.approx(74100.0),
            },
        }

    def test_zero_spend_document_has_nulls(self):
        # tanpa iklan: 0 tayangan, 0 pesanan; ROAS dan CPA tidak terdefinisi → null
        code, out, _ = cli("roi", "--json", '{"ad_spend": 0, "fixed_costs": 0}')
        assert code == 0
        outputs = json.loads(out)["outputs"]
        assert outputs == {
            "impressions": 0.0, "clicks": 0.0, "orders": 0.0, "revenue": 0.0, "profit": 0.0,
            "roas": None, "break_even_roas": pytest.approx(1 / 0.494), "roi": None, "cpa": None,
            "max_cpa": pytest.approx(74100.0),
        }

    def test_stdin_equals_argument(self):
        text = '{"cpm": 30000, "ctr": 0.02}'
        assert cli("roi", "--json", "-", stdin=text)[1] == cli("roi", "--json", text)[1]

    def test_missing_fields_take_defaults(self):
        partial = json.loads(cli("roi", "--json", '{"aov": 200000}')[1])["inputs"]
        defaults = json.loads(cli("roi", "--defaults")[1])["inputs"]
        assert partial == {**defaults, "aov": 200000}


class TestListing:
    def test_list_names_every_simulator(self):
        from simulators import SIMULATORS

        code, out, _ = cli("--list")
        assert code == 0
        assert [line.split("\t")[0] for line in out.splitlines()] == list(SIMULATORS)


BAD = [
    # (arguments, stdin, fragment expected on stderr)
    (("roi", "--json", '{"cpm": 0}'), "", "cpm: harus lebih dari 0"),
    (("roi", "--json", '{"ad_spend": -5}'), "", "ad_spend: harus antara 0"),
    (("roi", "--json", '{"ctr": 2}'), "", "ctr: harus antara 0 dan 1"),
    (("roi", "--json", '{"aov": 1e999}'), "", "aov: harus angka terhingga"),
    (("roi", "--json", '{"aov": NaN}'), "", "NaN bukan angka JSON"),
    (("roi", "--json", '{"aov": -Infinity}'), "", "-Infinity bukan angka JSON"),
    (("roi", "--json", '{"aov": "150000"}'), "", "aov: harus berupa angka"),
    (("roi", "--json", '{"aov": null}'), "", "aov: wajib diisi angka, bukan null"),
    (("roi", "--json", '{"budget": 1}'), "", "budget: kolom tidak dikenal"),
    (("roi", "--json", "[1, 2]"), "", "harus berupa objek JSON"),
    (("roi", "--json", '"teks"'), "", "harus berupa objek JSON"),
    (("roi", "--json", "{oops"), "", "JSON tidak bisa dibaca"),
    (("roi", "--json", "-"), "", "JSON tidak bisa dibaca"),
    (("roi", "--json", '{"ctr": 0.5, "ctr": "x"}'), "", "ctr: harus berupa angka"),
    (("roi",), "", "--defaults atau --json"),
    (("roi", "--defaults", "--json", "{}"), "", "--defaults atau --json"),
    (("tiktok", "--defaults"), "", "simulator: tidak dikenal"),
    ((), "", "sebutkan nama simulator"),
    (("--json", "{}"), "", "sebutkan nama simulator"),
]


class TestBadInput:
    @pytest.mark.parametrize("args, stdin, fragment", BAD)
    def test_exit_2_one_line_per_problem_nothing_on_stdout(self, args, stdin, fragment):
        code, out, err = cli(*args, stdin=stdin)
        assert code == 2
        assert out == ""
        assert fragment in err
        assert "Traceback" not in err
        assert all(line.startswith("galat: ") for line in err.splitlines() if line and not line.startswith(" "))

    def test_all_problems_listed_at_once(self):
        code, _, err = cli("roi", "--json", '{"cpm": 0, "ctr": -1, "x": 1}')
        assert code == 2
        fields = [line.split(":")[1].strip() for line in err.splitlines() if line.startswith("galat:")]
        assert fields == ["x", "cpm", "ctr"]

    def test_in_process_main_matches(self, capsys):
        assert main(["roi", "--json", '{"cpm": -1}']) == 2
        captured = capsys.readouterr()
        assert captured.out == "" and "cpm" in captured.err
