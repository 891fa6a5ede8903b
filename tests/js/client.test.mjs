// Unit tests of when the page lets the worker start Python (docs/assets/calc/client.js):
// a reader's edit at once; the page's own first request only once the page has settled.
import assert from "node:assert/strict";
import { mock, test } from "node:test";

// The client's timers (the settle limit, the load timeout) are fake: they fire only when ticked.
mock.timers.enable({ apis: ["setTimeout"] });

// A page that is still loading, and a worker that records what it is told.
const loadListeners = [];
globalThis.document = { readyState: "loading" };
globalThis.window = { addEventListener: (type, listener) => type === "load" && loadListeners.push(listener) };
const told = [];
globalThis.Worker = class {
  postMessage(message) {
    told.push(message.type ?? `run:${message.name}`);
  }
  terminate() {}
};

const engine = await import("../../docs/assets/calc/client.js");
const urls = { pyodide: "https://contoh.test/runtime/", wheel: "https://contoh.test/sim.whl", bytes: 1 };
const gos = () => told.filter((type) => type === "go").length;

test("the page's own first request waits for the page to settle", () => {
  engine.start(urls);
  assert.deepEqual(told, ["init"]);
  engine.run("roi", { belanja_iklan: 1 }, { urgent: false });
  assert.deepEqual(told, ["init", "run:roi"]);
  assert.equal(gos(), 0);
});

test("a reader's edit starts Python at once, and only once", () => {
  engine.run("roi", { belanja_iklan: 2 });
  assert.deepEqual(told.slice(-2), ["go", "run:roi"]);
  engine.run("roi", { belanja_iklan: 3 });
  engine.hurry();
  assert.equal(gos(), 1);
});

test("a page that has loaded releases a held worker when idle", async () => {
  engine.retry(); // a new worker, held back again
  assert.equal(told.at(-1), "init");
  const before = gos();
  engine.run("roi", { belanja_iklan: 4 }, { urgent: false });
  assert.equal(gos(), before);
  globalThis.document.readyState = "complete";
  for (const listener of loadListeners) listener(); // no requestIdleCallback here: a 0 ms timer
  mock.timers.tick(0);
  await Promise.resolve(); // the settled promise's then()
  assert.equal(gos(), before + 1);
});

test("a page whose load never ends releases the worker after the settle limit", async () => {
  globalThis.document.readyState = "loading";
  engine.retry();
  const before = gos();
  mock.timers.tick(3999);
  await Promise.resolve();
  assert.equal(gos(), before);
  mock.timers.tick(1);
  await Promise.resolve();
  assert.equal(gos(), before + 1);
});

test("hurry releases a held worker for a request already waiting", () => {
  engine.retry();
  const before = gos();
  engine.run("roi", { belanja_iklan: 5 }, { urgent: false });
  engine.hurry();
  assert.equal(gos(), before + 1);
});
