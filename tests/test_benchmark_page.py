"""The "Kinerja" page's figures (sitebuild/hooks/benchmark.py) from a small benchmark summary."""

from __future__ import annotations

import json

import pytest
from mkdocs.exceptions import PluginError

from sitebuild.hooks import benchmark

SUMMARY = {
    "date": "2026-11-23T15:00:00+00:00",
    "machine": {"cpu": "CPU Uji", "cores": 2, "memory": "24 GiB", "chromium": "Chromium 156",
                "pyodide": "314.0.7", "lighthouse": "13.5.0"},
    "settings": {"network": {"down_mbit_s": 9, "up_mbit_s": 9, "latency_ms": 70}, "repeats": 3,
                 "lighthouse_repeats": 3, "load_before": 0.4, "load_after": 1.25},
    "bare": {"ready_ms": 10780.0, "bytes": 6388938},
    "pages": {
        "kalkulator/roi-iklan.md": {
            "first_result_ms": 500.1, "ready_ms": 6850.0, "ready_ratio": 6850.0 / 10780.0,
            "recompute_p50_ms": 16.44, "recompute_p95_ms": 32.9, "recompute_drawn_p95_ms": 61.24, "recompute_samples": 90,
            "warm_ready_ms": 2116.9, "bytes": 5192285, "lighthouse_score": 0.53, "lighthouse_tbt_ms": 1021.0,
        },
        "index.md": {"bytes": 127400, "server_bytes": 619400, "pyodide_requested": False},
    },
    "checks": [
        {"page": "kalkulator/roi-iklan.md", "target": "first_result_ms", "value": 500.1, "met": True},
        {"page": "kalkulator/roi-iklan.md", "target": "ready_ratio", "value": 6850.0 / 10780.0, "met": True},
        {"page": "kalkulator/roi-iklan.md", "target": "warm_ready_ms", "value": 2116.9, "met": False},
        {"page": "index.md", "target": "chapter_bytes", "value": 127400, "met": True},
        {"page": "index.md", "target": "chapter_pyodide", "value": False, "met": True},
    ],
}


class TestRender:
    def test_machine_date_and_network_in_indonesian(self):
        text = benchmark.render(SUMMARY)
        assert "Diukur pada 23 November 2026 di CPU Uji, 2 inti, memori 24 GiB" in text
        # 1,25 rounds half up to 1,3, as Intl and every other figure of the site do
        assert "latensi 70 ms" in text and "beban mesin (rata-rata 1 menit) 0,4 sebelum dan 1,3 sesudah" in text

    def test_calculator_figures_with_targets(self):
        text = benchmark.render(SUMMARY)
        assert "siap setelah **10,78 s**, 6,39 MB terunduh" in text  # 10780 ms; 6 388 938 B
        assert "| Hasil pertama tampil | 500 ms | hasil pertama ≤ 1,0 s | tercapai |" in text
        # 6850 / 10780 = 0,635… → 0,64
        assert "| Siap dibanding Pyodide polos | 0,64 × | siap ≤ 0,9 × Pyodide polos | tercapai |" in text
        assert "| Hitung ulang, p50 (90 perubahan) | 16,4 ms |" in text
        # the headline numbers carry the target; tables and charts drawn after them are shown beside it
        assert "| Hitung ulang sampai tabel & grafik, p95 | 61,2 ms |  |  |" in text
        assert "| Kunjungan kedua: siap | 2,12 s | kunjungan kedua siap ≤ 1,5 s | **meleset** |" in text
        assert "| Terunduh | 5,19 MB |" in text  # 5 192 285 B

    def test_chapter_row_shows_service_worker_bytes_apart(self):
        # 619 400 − 127 400 = 492 000 B in the background for the offline copy
        assert "| [index](../index.md) | 127 KB | 492 KB | tidak | tercapai |" in benchmark.render(SUMMARY)

    def test_missed_targets_are_listed(self):
        text = benchmark.render(SUMMARY)
        assert "Tercapai 4 dari 5 target." in text
        assert "- kalkulator/roi-iklan: kunjungan kedua siap ≤ 1,5 s (terukur 2,12 s)" in text


class TestHook:
    def test_token_is_replaced_from_the_data_file(self, tmp_path, monkeypatch):
        data = tmp_path / "benchmark.json"
        data.write_text(json.dumps(SUMMARY), encoding="utf-8")
        monkeypatch.setattr(benchmark, "DATA", data)
        page = benchmark.on_page_markdown("# Kinerja\n\n[[tabel-kinerja]]\n", None, None, None)
        assert "[[tabel-kinerja]]" not in page and "| Terunduh | 5,19 MB |" in page

    def test_missing_file_gives_a_note(self, tmp_path, monkeypatch):
        monkeypatch.setattr(benchmark, "DATA", tmp_path / "tidak-ada.json")
        assert "Jalankan `make bench`" in benchmark.on_page_markdown("[[tabel-kinerja]]\n", None, None, None)

    def test_broken_file_stops_the_build(self, tmp_path, monkeypatch):
        data = tmp_path / "benchmark.json"
        data.write_text('{"date": "2026-11-23"}', encoding="utf-8")
        monkeypatch.setattr(benchmark, "DATA", data)
        with pytest.raises(PluginError, match="benchmark.json"):
            benchmark.on_page_markdown("[[tabel-kinerja]]\n", None, None, None)
