// Share links of the runway and plan calculators: nested objects and lists of plain values
// (node:test; run by tests/test_calc_js.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { buildQuery, readQuery } from "../../docs/assets/calc/url.js";

const UNITS = {
  start_date: "date",
  "channels.#": "text",
  "plan.cpm": "rupiah",
  "plan.ctr": "percent",
  "shock.weeks": "integer",
};
const unitOf = (path) => UNITS[path.replace(/\.\d+(\.|$)/, ".#$1")] || null;

// The plan: channels is a list of names, one control per row named "channels.N".
const PLAN = {
  defaults: { start_date: "2026-12-07", channels: ["TikTok Shop", "Marketplace", "Instagram"] },
  lists: { channels: { max: 12, rowDefaults: "Kanal" } },
  optional: {},
  unitOf,
};

// The runway: plan and shock are objects; a link names only the keys that differ.
const RUNWAY = {
  defaults: { plan: { cpm: 25000, ctr: 0.015 }, shock: { weeks: 8 } },
  lists: {},
  optional: {},
  unitOf,
};

test("a list of names round-trips through a link", () => {
  const inputs = structuredClone(PLAN.defaults);
  inputs.channels = ["TikTok Shop", "WhatsApp & <Toko>"];
  const query = buildQuery(inputs, PLAN.defaults, PLAN.optional);
  assert.equal(query, "?channels.0=TikTok+Shop&channels.1=WhatsApp+%26+%3CToko%3E");
  const back = readQuery(query, PLAN);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.inputs, inputs);
  assert.deepEqual([...back.given].sort(), ["channels.0", "channels.1"]);
});

test("a gap in a list of names takes the default, or the new row's name past the defaults", () => {
  // rows 0 and 4 given: 1 and 2 keep the defaults, 3 is a new row ("Kanal")
  const { inputs, problems } = readQuery("?channels.0=A&channels.4=E", PLAN);
  assert.deepEqual(problems, []);
  assert.deepEqual(inputs.channels, ["A", "Marketplace", "Instagram", "Kanal", "E"]);
});

test("a list of names refuses rows past its limit and keys with a field after the index", () => {
  const { inputs, problems } = readQuery("?channels.12=M&channels.0.name=X", PLAN);
  assert.ok(problems.some((p) => /melewati batas 12/.test(p.message)));
  assert.ok(problems.some((p) => /“channels.0.name” di tautan tidak dikenal/.test(p.message)));
  assert.deepEqual(inputs.channels, PLAN.defaults.channels);
});

test("an object in a link holds only its keys that differ", () => {
  const inputs = { plan: { cpm: 30000, ctr: 0.015 }, shock: { weeks: 8 } };
  const query = buildQuery(inputs, RUNWAY.defaults, RUNWAY.optional);
  assert.equal(query, "?plan.cpm=30000");
  assert.deepEqual(readQuery(query, RUNWAY).inputs, inputs);
});

test("the theme's and apps' parameters are left alone, a calculator's own name wins", () => {
  const query = "?h=roas+iklan&q=roas&fbclid=x&fbclid=y&utm_source=wa&ttclid=1&plan.cpm=30000";
  const { inputs, problems, given } = readQuery(query, RUNWAY);
  assert.deepEqual(problems, []);
  assert.deepEqual(inputs, { plan: { cpm: 30000, ctr: 0.015 }, shock: { weeks: 8 } });
  assert.deepEqual([...given], ["plan.cpm"]);
  // a look-alike is still reported
  assert.ok(readQuery("?hh=1&utm=2", RUNWAY).problems.every((p) => /tidak dikenal/.test(p.message)));
  assert.equal(readQuery("?hh=1&utm=2", RUNWAY).problems.length, 2);
  // a calculator with a field named "q" reads it as its own
  const own = { ...RUNWAY, defaults: { q: 5 }, unitOf: (path) => (path === "q" ? "number" : null) };
  assert.deepEqual(readQuery("?q=7", own).inputs, { q: 7 });
});
