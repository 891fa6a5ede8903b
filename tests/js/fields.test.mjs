// The form's fields: payload from typed text and exact values (node:test; run by tests/test_calc_js.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { collect, tidied } from "../../docs/assets/calc/fields.js";

// collect() only reads name, value and dataset.unit: plain objects stand in for the controls.
const control = (name, value, unit) => ({ name, value, dataset: { unit } });

test("typed text becomes model units; exact values are sent as they are", () => {
  const spend = control("ad_spend", "1.500.000", "rupiah");
  const ctr = control("ctr", "2,5", "percent");
  const cpm = control("cpm", "25.000", "rupiah");
  const model = new WeakMap([[cpm, 24999.5]]); // e.g. from a link, shown rounded
  const { payload, problems, key } = collect([spend, ctr, cpm], model, { lists: [], optional: {} });
  assert.deepEqual(payload, { ad_spend: 1500000, ctr: 0.025, cpm: 24999.5 });
  assert.equal(problems.size, 0);
  assert.equal(key, JSON.stringify(payload));
});

test("rows go into lists, an empty list is still sent", () => {
  const controls = [control("channels.0.name", "A", "text"), control("channels.0.traffic", "900", "number")];
  const { payload } = collect(controls, new WeakMap(), { lists: ["channels", "links"], optional: {} });
  assert.deepEqual(payload, { channels: [{ name: "A", traffic: 900 }], links: [] });
});

test("a switched-off optional group sends nothing", () => {
  const controls = [control("shock.channel", "", "select"), control("shock.traffic_drop", "abc", "percent")];
  const { payload, problems } = collect(controls, new WeakMap(), { lists: [], optional: { shock: "channel" } });
  assert.deepEqual(payload, {});
  assert.equal(problems.size, 0); // the unreadable drop of a switched-off shock is no problem
});

test("every unreadable field is named at once, the others still collected", () => {
  const bad = control("ad_spend", "dua juta", "rupiah");
  const empty = control("cpm", "", "rupiah");
  const good = control("ctr", "1,5", "percent");
  const { payload, problems } = collect([bad, empty, good], new WeakMap(), { lists: [], optional: {} });
  assert.deepEqual([...problems.keys()], [bad, empty]);
  assert.match(problems.get(bad), /bukan angka/);
  assert.match(problems.get(empty), /wajib diisi/);
  assert.deepEqual(payload, { ctr: 0.015 });
});

test("a field is tidied only when that keeps its value", () => {
  assert.equal(tidied("1500000", "rupiah"), "1.500.000");
  assert.equal(tidied("2.5", "percent"), "2,5");
  assert.equal(tidied("abc", "rupiah"), null);
  assert.equal(tidied("Toko", "text"), null);
  assert.equal(tidied("2026-01-05", "date"), null);
});
