// Paths into nested model inputs and outputs (node:test; run by tests/test_calc_js.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { isObject, lookup, readJson, rowPath, setPath } from "../../docs/assets/calc/paths.js";

test("isObject: plain objects only", () => {
  assert.equal(isObject({}), true);
  for (const value of [null, [], "x", 1, undefined]) assert.equal(isObject(value), false, String(value));
});

test("lookup follows objects and list indexes, and nothing else", () => {
  const data = { shocked: { total: 5 }, channels: [{ name: "A" }, { name: "B" }], zero: 0 };
  assert.equal(lookup(data, "shocked.total"), 5);
  assert.equal(lookup(data, "channels.1.name"), "B");
  assert.equal(lookup(data, "zero"), 0);
  assert.equal(lookup(data, "channels.name"), undefined); // a list wants an index
  assert.equal(lookup(data, "channels.9.name"), undefined);
  assert.equal(lookup(data, "zero.x"), undefined);
  assert.equal(lookup(data, "constructor"), undefined); // never the prototype
  assert.equal(lookup(data, "shocked.toString"), undefined);
});

test("setPath builds lists before numeric parts and objects otherwise", () => {
  const payload = { channels: [] };
  setPath(payload, "channels.1.name", "B");
  setPath(payload, "channels.0.name", "A");
  setPath(payload, "shock.channel", "A");
  setPath(payload, "names.0", "TikTok Shop");
  assert.deepEqual(payload, { channels: [{ name: "A" }, { name: "B" }], shock: { channel: "A" }, names: ["TikTok Shop"] });
  assert.ok(Array.isArray(payload.names));
});

test("setPath and lookup are inverse", () => {
  const target = {};
  const paths = { "a.b.c": 1, "l.0.x": "s", "l.1.x": null, top: true };
  for (const [path, value] of Object.entries(paths)) setPath(target, path, value);
  for (const [path, value] of Object.entries(paths)) assert.equal(lookup(target, path), value, path);
});

test("rowPath names a list row's field whatever its row", () => {
  assert.equal(rowPath("channels.12.name"), "channels.#.name");
  assert.equal(rowPath("channels.3"), "channels.#");
  assert.equal(rowPath("plan.cpm"), "plan.cpm");
  assert.equal(rowPath("ad_spend"), "ad_spend");
  assert.equal(rowPath("channels.__i__.name"), "channels.__i__.name"); // only real indexes
});

test("readJson falls back on damaged or missing text", () => {
  assert.deepEqual(readJson('{"a":1}', null), { a: 1 });
  assert.equal(readJson("{a:1", "fallback"), "fallback");
  assert.equal(readJson(undefined, 7), 7);
  assert.equal(readJson(null, 7), null); // JSON.parse(null) is null: what sessionStorage gives for a missing key
});
