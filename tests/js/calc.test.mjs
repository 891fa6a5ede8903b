// Unit tests of the calculators' pure browser modules (node:test; run by tests/test_calc_js.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { canonicalDecimal, formatInput, formatValue, parseTyped, percentToFraction } from "../../docs/assets/calc/format.js";
import { buildQuery, flatten, readQuery } from "../../docs/assets/calc/url.js";
import { csvCell } from "../../docs/assets/calc/csv.js";
import { holds } from "../../docs/assets/calc/when.js";

test("what readers type becomes a decimal string", () => {
  const cases = {
    "1.500.000": "1500000",
    "1500000": "1500000",
    "Rp 1.500.000": "1500000",
    "2,5": "2.5",
    "2,5%": "2.5",
    "2.5": "2.5", // one dot and not three digits after it: a decimal point
    "2.000": "2000", // Indonesian thousands
    "0,015": "0.015",
    ",5": "0.5",
    "1.234,5": "1234.5",
    "-3": "-3",
  };
  for (const [typed, decimal] of Object.entries(cases)) assert.equal(canonicalDecimal(typed), decimal, typed);
  for (const bad of ["", "abc", "1,500,000", "1.5.0", "1.23,4", "1e3", "2,5,1", "--1", "Rp"]) {
    assert.equal(canonicalDecimal(bad), null, bad);
  }
});

test("percent moves the decimal point without float error", () => {
  // 0.7 / 100 would be 0.006999999999999999 in floating point
  const cases = { "0.7": "0.007", "2.5": "0.025", "150": "1.5", "100": "1", "0": "0", "1000": "10", "20": "0.2", "-0.5": "-0.005", "12.345": "0.12345" };
  for (const [percent, fraction] of Object.entries(cases)) assert.equal(percentToFraction(percent), fraction, percent);
  assert.deepEqual(parseTyped("0,7", "percent"), { ok: true, value: 0.007 });
});

test("parseTyped explains what is wrong, in Indonesian", () => {
  assert.equal(parseTyped("", "rupiah").ok, false);
  assert.match(parseTyped("", "rupiah").message, /wajib diisi/);
  assert.match(parseTyped("dua", "percent").message, /bukan angka; tulis persen/);
  assert.match(parseTyped("9".repeat(400), "number").message, /terlalu besar/);
  assert.deepEqual(parseTyped("Toko <b>", "text"), { ok: true, value: "Toko <b>" });
  assert.equal(parseTyped("2025-9-1", "date").ok, false);
});

test("inputs are shown the way they are typed", () => {
  assert.equal(formatInput(2000000, "rupiah"), "2.000.000");
  assert.equal(formatInput(0.015, "percent"), "1,5");
  assert.equal(formatInput(8, "integer"), "8");
  assert.equal(formatInput(null, "number"), "");
});

test("outputs: rupiah, percent, ratio, null", () => {
  assert.equal(formatValue(417600, "rupiah"), "Rp\u00a0417.600");
  assert.equal(formatValue(-916200.4, "rupiah"), "-Rp\u00a0916.200");
  assert.equal(formatValue(-0.3, "rupiah"), "Rp\u00a00"); // never "-0"
  assert.equal(formatValue(0.1856, "percent"), "18,6\u00a0%");
  assert.equal(formatValue(0.0697, "rate"), "6,97\u00a0%"); // a fee rate keeps its second decimal
  assert.equal(formatValue(2.7, "ratio"), "2,70");
  assert.equal(formatValue(null, "ratio"), "—");
  assert.equal(formatValue("2025-09-01", "date"), "Sen, 1 Sep 2025");
  assert.equal(formatValue(true, "bool"), "Ya");
});

test("CSV cells: the shown rounding, decimal comma, no grouping", () => {
  assert.equal(csvCell("417600.4", "rupiah"), "417600");
  assert.equal(csvCell("0.1856", "percent"), "18,6");
  assert.equal(csvCell("0.0425", "rate"), "4,25");
  assert.equal(csvCell("2.7", "ratio"), "2,70");
  assert.equal(csvCell("1234567.25", "number"), "1234567,3");
  assert.equal(csvCell("", "rupiah"), "");
  assert.equal(csvCell("2025-09-01", "date"), "2025-09-01");
});

test("explanations compare outputs only", () => {
  const outputs = { roas: 1.35, break_even_roas: 2.02, cpa: null, shocked: { total: 5 }, ok: false };
  assert.equal(holds("roas < break_even_roas", outputs), true);
  assert.equal(holds("cpa < 100", outputs), false); // ordering with null is false
  assert.equal(holds("cpa == null", outputs), true);
  assert.equal(holds("shocked.total >= 5 and ok == false", outputs), true);
  assert.equal(holds("else", outputs), true);
  assert.throws(() => holds("missing > 0", outputs), /does not exist/);
});

const SPEC = {
  defaults: {
    ad_spend: 2000000,
    channels: [{ name: "A", traffic: 10 }, { name: "B", traffic: 20 }],
    links: [{ from: "A", to: "B", rate: 0.1 }],
    shock: { channel: "A", traffic_drop: 0.5 },
  },
  lists: { channels: { max: 12, rowDefaults: { name: "Kanal", traffic: 1 } }, links: { max: 132, rowDefaults: { from: "", to: "", rate: 0.05 } } },
  optional: { shock: "channel" },
  unitOf: (path) =>
    ({ ad_spend: "rupiah", "channels.#.name": "text", "channels.#.traffic": "number", "links.#.from": "select", "links.#.to": "select", "links.#.rate": "percent", "shock.channel": "select", "shock.traffic_drop": "percent" })[
      path.replace(/\.\d+\./, ".#.")
    ] || null,
};

test("a share link holds only what differs, and reads back the same inputs", () => {
  const inputs = structuredClone(SPEC.defaults);
  inputs.ad_spend = 3500000;
  inputs.channels.push({ name: "C & <D>", traffic: 5 });
  inputs.links = [];
  inputs.shock = null;
  const query = buildQuery(inputs, SPEC.defaults, SPEC.optional);
  assert.equal(
    query,
    "?ad_spend=3500000&channels.0.name=A&channels.0.traffic=10&channels.1.name=B&channels.1.traffic=20" +
      "&channels.2.name=C+%26+%3CD%3E&channels.2.traffic=5&links=&shock.channel=",
  );
  const back = readQuery(query, SPEC);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.inputs, inputs);
  assert.equal(buildQuery(SPEC.defaults, SPEC.defaults, SPEC.optional), "");
});

test("bad links: each problem is named, defaults are kept", () => {
  const { inputs, problems } = readQuery(
    "?ad_spend=abc&ad_spend=1&zzz=1&channels.20.traffic=1&links.0.rate=NaN&shock.traffic_drop=0.2&shock.channel=",
    SPEC,
  );
  const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
  assert.match(byField.ad_spend, /muncul 2 kali/);
  assert.match(byField["links.0.rate"], /bukan angka/);
  assert.ok(problems.some((p) => p.field === "" && /“zzz” di tautan tidak dikenal/.test(p.message)));
  assert.ok(problems.some((p) => /melewati batas 12/.test(p.message)));
  assert.equal(inputs.ad_spend, 2000000);
  assert.equal(inputs.shock, null); // switched off even though traffic_drop came first
});

test("flatten numbers list rows", () => {
  assert.deepEqual(flatten({ a: 1, l: [{ x: 2 }], n: null }), [["a", 1], ["l.0.x", 2]]);
});
