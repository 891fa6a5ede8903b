// The inputs in sessionStorage and the address (node:test; run by tests/test_calc_js.py).
import assert from "node:assert/strict";
import { beforeEach, mock, test } from "node:test";

import { KEEP_DELAY_MS, Keeper, storage } from "../../docs/assets/calc/keep.js";

// Stand-ins for the browser's sessionStorage, location and history.
class MemoryStorage {
  constructor() {
    this.items = new Map();
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}

let replaced;
beforeEach(() => {
  mock.timers.reset();
  mock.timers.enable({ apis: ["setTimeout"] });
  globalThis.sessionStorage = new MemoryStorage();
  globalThis.location = { pathname: "/kalkulator/roi/", search: "", hash: "" };
  replaced = [];
  globalThis.history = {
    state: null,
    replaceState(state, title, url) {
      replaced.push(url);
      const [path, search = ""] = url.split("?");
      globalThis.location = { pathname: path, search: search ? `?${search}` : "", hash: "" };
    },
  };
});

function keeper(fields = { ad_spend: "3.000.000" }, query = "?ad_spend=3000000") {
  return new Keeper("kalkulator:/kalkulator/roi/#k", { snapshot: () => ({ fields, model: {}, rows: {} }), query: () => query });
}

test("nothing is written until typing pauses, then the form and the address", () => {
  const k = keeper();
  assert.equal(k.keptOnce, false);
  k.soon(true);
  k.soon(true);
  assert.equal(storage.get(k.key), null);
  mock.timers.tick(KEEP_DELAY_MS);
  assert.deepEqual(replaced, ["/kalkulator/roi/?ad_spend=3000000"]);
  assert.deepEqual(storage.get(k.key), { search: "?ad_spend=3000000", fields: { ad_spend: "3.000.000" }, model: {}, rows: {} });
  assert.equal(k.keptOnce, true);
  assert.ok(k.saved(), "kept at this address, so restored on reload");
});

test("typing without a new result keeps the form but not the address", () => {
  const k = keeper();
  k.soon();
  mock.timers.tick(KEEP_DELAY_MS);
  assert.deepEqual(replaced, []);
  assert.equal(storage.get(k.key).search, "");
});

test("leaving the page writes at once; nothing due, nothing written", () => {
  const k = keeper();
  k.flush();
  assert.equal(storage.get(k.key), null);
  k.soon(true);
  k.flush();
  assert.equal(replaced.length, 1);
  assert.ok(storage.get(k.key));
});

test("a snapshot taken at another address is not restored (a new link wins)", () => {
  const k = keeper();
  k.soon();
  k.flush();
  globalThis.location = { pathname: "/kalkulator/roi/", search: "?ad_spend=5", hash: "" };
  assert.equal(k.saved(), null);
  assert.equal(new Keeper(k.key, {}).keptOnce, true);
  k.forget();
  assert.equal(storage.get(k.key), null);
});

test("the defaults give a bare address; a lone '?' is left alone", () => {
  globalThis.location = { pathname: "/kalkulator/roi/", search: "?", hash: "" };
  const k = keeper({}, "");
  k.soon(true);
  k.flush();
  assert.deepEqual(replaced, []);
});

test("storage that throws reads as empty and writes nothing", () => {
  globalThis.sessionStorage = {
    getItem() {
      throw new Error("SecurityError");
    },
    setItem() {
      throw new Error("QuotaExceededError");
    },
    removeItem() {
      throw new Error("SecurityError");
    },
  };
  const k = keeper();
  assert.equal(k.keptOnce, false);
  k.soon(true);
  assert.doesNotThrow(() => k.flush());
  assert.equal(k.saved(), null);
  assert.doesNotThrow(() => k.forget());
});
