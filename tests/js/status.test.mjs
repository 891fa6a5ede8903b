// The calculator's state in words (node:test; run by tests/test_calc_js.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { STATUS, statusTexts } from "../../docs/assets/calc/status.js";

const DEFAULTS = "Angka di bawah masih untuk nilai bawaan.";

test("while loading, the prerendered defaults are said to be the defaults", () => {
  assert.equal(statusTexts({ engine: "prerendered", stale: false, errors: false, atDefaults: true }).status, STATUS.loading);
  const typed = statusTexts({ engine: "loading", stale: true, errors: false, atDefaults: true });
  assert.equal(typed.status, STATUS.waiting);
  assert.equal(typed.note, `Sedang menghitung… ${DEFAULTS}`);
});

test("fields to fix are named before anything else except a broken engine; no older numbers are promised", () => {
  // the results give way to the pending box meanwhile (pending.js), so the words do not point at them
  const texts = statusTexts({ engine: "ready", stale: true, errors: true, atDefaults: false });
  assert.equal(texts.status, `Periksa isian yang ditandai. ${STATUS.blocked}`);
  assert.equal(texts.note, `Perbaiki isian yang ditandai. ${STATUS.blocked}`);
  const broken = statusTexts({ engine: "error", stale: true, errors: true, atDefaults: true });
  assert.equal(broken.status, `${STATUS.errorStale} ${STATUS.blocked}`);
  const brokenTyping = statusTexts({ engine: "error", stale: true, errors: false, atDefaults: true });
  assert.equal(brokenTyping.status, `${STATUS.errorStale} ${DEFAULTS}`);
});

test("ready and up to date; a broken engine with results that still match", () => {
  assert.equal(statusTexts({ engine: "ready", stale: false, errors: false, atDefaults: false }).status, STATUS.ready);
  const broken = statusTexts({ engine: "error", stale: false, errors: false, atDefaults: true });
  assert.equal(broken.status, STATUS.error);
  assert.equal(broken.note, DEFAULTS); // no "Sedang menghitung…": nothing is computing
});
