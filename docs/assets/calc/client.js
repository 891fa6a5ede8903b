// The page's side of the Pyodide worker: one worker per page, started once.
//
//   start({pyodide, wheel, bytes})  spawn the worker (idempotent); URLs absolute,
//                             bytes: the size of the runtime's downloads (from the build)
//   run(name, inputs)         → Promise of {ok: true, result} | {ok: false, errors}
//   onState(listener)         listener({state: "loading" | "ready" | "error", message})
//   onProgress(listener)      listener({loaded, total, ms, phase: "download" | "start"})
//                             while loading: bytes of the runtime read so far
//   retry()                   throw the worker away and start a new one
//
// Requests carry ids; errors come back as data. A request sent before the
// worker is ready waits inside the worker and is answered once it is. A
// computation that takes longer than TIMEOUT_MS after ready stops the worker,
// which is restarted; its promise resolves with an error the page can show.

const TIMEOUT_MS = 15000;
// The worker downloads at once but starts its heavy work only when the page has
// finished loading and is idle (see worker.js), or when an answer is needed;
// a page whose load never ends (a stuck image) lets it start after this.
const SETTLE_LIMIT_MS = 4000;
// Loading may be slow on a weak connection (about 14 MB the first time), but not endless.
const LOAD_TIMEOUT_MS = 240000;

let config = null;
let worker = null;
let nextId = 1;
let current = { state: "idle", message: "" };
const pending = new Map(); // id → {resolve, timer}
const listeners = new Set();
const progressListeners = new Set();
let lastProgress = null;

function emit(state, message = "", extra = {}) {
  current = { state, message, ...extra };
  for (const listener of listeners) listener(current);
}

function settle(id, reply) {
  const request = pending.get(id);
  if (!request) return;
  clearTimeout(request.timer);
  pending.delete(id);
  request.resolve(reply);
}

function failAll(message) {
  for (const id of [...pending.keys()]) {
    settle(id, { ok: false, fatal: true, errors: [{ field: "", message }] });
  }
}

function armTimer(id) {
  const request = pending.get(id);
  if (!request || request.timer) return;
  request.timer = setTimeout(() => {
    settle(id, {
      ok: false,
      fatal: true,
      errors: [{ field: "", message: "Perhitungan terlalu lama dan dihentikan. Kalkulator dimulai ulang; masukan Anda tetap." }],
    });
    restart();
  }, TIMEOUT_MS);
}

/** Resolves once the page has loaded and the browser is idle, or after SETTLE_LIMIT_MS. */
function pageSettled() {
  return new Promise((resolve) => {
    const idle = () => (window.requestIdleCallback ? requestIdleCallback(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 0));
    if (document.readyState === "complete") idle();
    else window.addEventListener("load", idle, { once: true });
    setTimeout(resolve, SETTLE_LIMIT_MS);
  });
}

function go(target) {
  if (target && !target.released) {
    target.released = true;
    target.postMessage({ type: "go" });
  }
}

function spawn() {
  const started = performance.now();
  emit("loading");
  try {
    worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "kalkulator" });
  } catch (error) {
    emit("error", `Peramban ini tidak bisa menjalankan kalkulator (${error.message}).`);
    return;
  }
  const mine = worker;
  const loadTimer = setTimeout(() => {
    if (mine !== worker || current.state !== "loading") return;
    worker.terminate();
    const message = "Kalkulator terlalu lama dimuat. Periksa koneksi lalu coba lagi.";
    emit("error", message);
    failAll(message);
  }, LOAD_TIMEOUT_MS);
  worker.onmessage = (event) => {
    if (mine !== worker) return;
    const message = event.data;
    if (message.type === "progress") {
      lastProgress = message;
      for (const listener of progressListeners) listener(message);
    } else if (message.type === "ready") {
      clearTimeout(loadTimer);
      emit("ready", "", { loadMs: Math.round(performance.now() - started) });
      for (const id of pending.keys()) armTimer(id);
    } else if (message.type === "failed") {
      clearTimeout(loadTimer);
      emit("error", message.message);
      failAll(message.message);
    } else if (message.id !== undefined) {
      settle(message.id, message);
    }
  };
  worker.onerror = (event) => {
    if (mine !== worker) return;
    event.preventDefault?.();
    clearTimeout(loadTimer);
    const message = "Mesin hitung tidak bisa dimuat (berkasnya gagal diunduh atau peramban terlalu lama).";
    emit("error", message);
    failAll(message);
  };
  worker.postMessage({ type: "init", pyodide: config.pyodide, wheel: config.wheel, bytes: config.bytes });
  pageSettled().then(() => go(mine));
}

function restart() {
  if (worker) worker.terminate();
  lastProgress = null;
  worker = null;
  failAll("Kalkulator dimulai ulang.");
  spawn();
}

export function start(urls) {
  if (config) return;
  config = urls;
  spawn();
}

/** The reader is waiting for a number: start Python now if it is still held back. */
export function hurry() {
  go(worker);
}

export function retry() {
  if (!config) return;
  restart();
}

export function state() {
  return current;
}

export function onState(listener) {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}

/** Progress of the runtime's download; the listener hears the latest report at once. */
export function onProgress(listener) {
  progressListeners.add(listener);
  if (lastProgress) listener(lastProgress);
  return () => progressListeners.delete(listener);
}

/**
 * Ask the worker for `name`'s result. `urgent` (a reader's edit) starts Python at
 * once; the page's own first request (dates moved to today, a restored form)
 * waits like the runtime does, for the page to settle: on a phone the download
 * takes seconds longer than that anyway, and compiling Python meanwhile would
 * slow the page's own start-up on every core.
 */
export function run(name, inputs, { urgent = true } = {}) {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve, timer: null });
    if (!worker || current.state === "error") {
      settle(id, { ok: false, fatal: true, errors: [{ field: "", message: current.message || "Kalkulator belum siap." }] });
      return;
    }
    if (urgent) go(worker); // the reader is waiting for this number: no more holding back
    worker.postMessage({ id, name, inputs });
    if (current.state === "ready") armTimer(id);
  });
}
