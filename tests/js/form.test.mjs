// List rows: renumbering and new row names (node:test; run by tests/test_calc_js.py).
// The rows' DOM work (adding, removing, dropdowns that follow a renamed row) is
// covered in the browser: tests/browser/test_calculators.py.
import assert from "node:assert/strict";
import { test } from "node:test";

import { freeName, renumbered } from "../../docs/assets/calc/form.js";

test("a row's names, ids and labels take its new index", () => {
  assert.equal(renumbered("channels.__i__.name", "channels", 3), "channels.3.name");
  assert.equal(renumbered("channels.7.traffic", "channels", 0), "channels.0.traffic");
  assert.equal(renumbered("kalkulator-x-channels-2-name", "channels", 1), "kalkulator-x-channels-1-name");
  assert.equal(renumbered("channels-2-name-hint channels-2-name-error", "channels", 4), "channels-4-name-hint channels-4-name-error");
  assert.equal(renumbered("channels.2", "channels", 0), "channels.0"); // a list of plain values
});

test("renumbering leaves other lists and look-alike names alone", () => {
  assert.equal(renumbered("links.2.rate", "channels", 0), "links.2.rate");
  assert.equal(renumbered("subchannels.2.name", "channels", 0), "subchannels.2.name");
  assert.equal(renumbered("channels.2x", "channels", 0), "channels.2x");
  assert.equal(renumbered("shock.channel", "channels", 0), "shock.channel");
});

test("a new row gets a name no row has yet", () => {
  assert.equal(freeName(new Set(["A", "B"]), "Kanal", 2), "Kanal 3");
  assert.equal(freeName(new Set(["Kanal 3", "Kanal 4"]), "Kanal", 2), "Kanal 5");
  assert.equal(freeName(new Set(), "Baris", 0), "Baris 1");
});
