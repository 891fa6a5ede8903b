// Unit tests of what stands in place of a pending result (docs/assets/calc/pending.js, assumed.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { assumedText } from "../../docs/assets/calc/assumed.js";
import { fraction, megabytes, pendingState, pendingTexts, progressText, secondsLeft, timeLeft } from "../../docs/assets/calc/pending.js";

const NBSP = "\u00a0";

test("megabytes in Indonesian, one decimal", () => {
  assert.equal(megabytes(3_240_000, 12_054_248), "3,2 dari 12,1 MB");
  assert.equal(megabytes(0, 12_054_248), "0,0 dari 12,1 MB");
});

test("time left follows the speed so far", () => {
  // 3 MB in 6 s = 0,5 MB/s; 9 MB left = 18 s
  assert.equal(secondsLeft({ loaded: 3e6, total: 12e6, ms: 6000 }), 18);
  assert.equal(timeLeft(18), "sekitar 20 detik lagi");
  // too early (under 1 s, or under 100 kB): no guess
  assert.equal(secondsLeft({ loaded: 3e6, total: 12e6, ms: 500 }), null);
  assert.equal(secondsLeft({ loaded: 5e4, total: 12e6, ms: 3000 }), null);
  assert.equal(timeLeft(null), "menghitung sisa waktu…");
  assert.equal(secondsLeft({ loaded: 12e6, total: 12e6, ms: 9000 }), 0);
  assert.equal(timeLeft(3), "beberapa detik lagi");
  // 1 MB in 20 s: 11 MB left = 220 s, about 4 minutes
  assert.equal(timeLeft(secondsLeft({ loaded: 1e6, total: 12e6, ms: 20000 })), "sekitar 4 menit lagi");
});

test("progress line and fraction", () => {
  const report = { loaded: 6_027_124, total: 12_054_248, ms: 10000, phase: "download" };
  assert.equal(progressText(report), "Mengunduh mesin hitung: 6,0 dari 12,1 MB, sekitar 10 detik lagi");
  assert.equal(fraction(report), 0.5);
  assert.equal(fraction({ ...report, phase: "start" }), 1);
  assert.match(progressText({ ...report, phase: "start" }), /sedang dinyalakan/);
  assert.equal(fraction(null), 0);
  assert.equal(progressText(null), "Mulai mengunduh mesin hitung…");
  // a size the build did not know: megabytes read so far, no bar to fill
  assert.equal(progressText({ loaded: 2_500_000, total: 0, ms: 3000, phase: "download" }), "Mengunduh mesin hitung: 2,5 MB");
});

test("pending texts name what the reader has to do", () => {
  const fill = pendingTexts({ reason: "fill", engine: "ready", empty: ["Anggaran iklan", "CPM", "CTR", "Konversi", "Biaya tetap kampanye"] });
  assert.equal(fill.text, "Isi angka Anda di kolom yang masih kosong: Anggaran iklan, CPM, CTR, Konversi dan 1 lainnya. Hasilnya muncul setelah itu.");
  assert.equal(fill.bar, "Isi kolom yang masih kosong");
  assert.equal(fill.showProgress, false);
  const fix = pendingTexts({ reason: "fill", engine: "loading", invalid: ["CPM"] });
  assert.equal(fix.text, "Perbaiki isian yang ditandai: CPM. Hasilnya muncul setelah itu.");
  assert.equal(fix.showProgress, true);
  const loading = pendingTexts({ reason: "loading", engine: "loading", progress: { loaded: 3e6, total: 12e6, ms: 4000, phase: "download" } });
  assert.equal(loading.bar, "Memuat kalkulator… 25 %");
  assert.match(loading.text, /muncul begitu kalkulator siap/);
  assert.equal(pendingTexts({ reason: "error", engine: "error" }).showProgress, false);
});

test("assumed inputs read like outputs", () => {
  const inputs = { fixed_costs: 250000, cogs_rate: 0.4, channels: [{}, {}, {}], shock: null };
  assert.equal(assumedText(inputs, "fixed_costs", "rupiah"), `Rp${NBSP}250.000`);
  assert.equal(assumedText(inputs, "cogs_rate", "percent"), `40${NBSP}%`);
  assert.equal(assumedText(inputs, "channels", "count"), "3");
  assert.equal(assumedText(inputs, "shock.channel", "text"), "—"); // no shock test
});

test("a stale result gives way unless the ready calculator is about to replace it", () => {
  const field = (name, value) => ({ name, value, id: "", isConnected: true, closest: () => null });
  const none = { typed: new Map(), model: new Map(), modelGeneral: [] };
  assert.equal(pendingState({ stale: false, engine: "loading", errors: none }), null); // defaults on screen match the form
  assert.equal(pendingState({ stale: true, engine: "ready", errors: none }), null); // being recomputed: stays, dimmed
  assert.equal(pendingState({ stale: true, engine: "loading", errors: none }).reason, "loading");
  assert.equal(pendingState({ stale: true, engine: "prerendered", errors: none }).reason, "loading");
  assert.equal(pendingState({ stale: true, engine: "error", errors: none }).reason, "error");
  const typed = new Map([[field("cpm", ""), "wajib diisi"], [field("ctr", "abc"), "bukan angka"]]);
  const state = pendingState({ stale: true, engine: "ready", errors: { ...none, typed } });
  assert.deepEqual([state.reason, state.empty, state.invalid], ["fill", ["cpm"], ["ctr"]]);
  const general = pendingState({ stale: true, engine: "ready", errors: { ...none, modelGeneral: ["jumlah bagian harus 100 %"] } });
  assert.equal(general.reason, "fill");
  assert.equal(pendingTexts(general).text, "Periksa pesan di akhir formulir. Hasilnya muncul setelah itu.");
});
