// The calculators' Python: Pyodide in a module worker, loaded once.
//
// Messages in:   {type: "init", pyodide: <folder URL ending in "/">, wheel: <URL>, bytes: <total size>}
//                {type: "go"}   the page has finished starting up (or needs an answer)
//                {id, name, inputs}
// Messages out:  {type: "ready", ms} | {type: "failed", message}
//                {type: "progress", loaded, total, ms, phase: "download" | "start"}
//                {id, ok: true, result: {inputs, outputs, extras}}
//                {id, ok: false, errors: [{field, message}]}
//
// On "init" the worker only downloads: Pyodide's files and the wheel. The
// heavy part (compiling WebAssembly on every core, starting Python) waits for
// "go", which the page sends once its own start-up is over (client.js): on a
// phone with few cores that work would otherwise slow the page being read.
// Downloads are the slow part on mobile data, so waiting costs little there.
// A runtime that came from this phone's cache starts at once (fromCache).
// The wheel is unpacked straight into site-packages (no micropip, no network
// beyond the site). Every answer comes from simulators.series.page_json =
// simulators.run_json plus chart series.

let ready = null; // one promise: the loaded model, or the reason it failed
let release;
const released = new Promise((resolve) => (release = resolve));

// The page shows a progress bar while the runtime downloads (about 12 MB the
// first time): every chunk read is counted against the total the build wrote
// (sizes of the uncompressed files, which is what a stream yields even when
// the server compressed them). Reports are spaced out: a message per chunk
// would keep the page busy for nothing.
const PROGRESS_EVERY_MS = 150;
const progress = { loaded: 0, total: 0, started: 0, sent: 0, trailing: 0, phase: "download" };

function report(force = false) {
  const now = performance.now();
  if (!force && now - progress.sent < PROGRESS_EVERY_MS) {
    // A burst of chunks inside one interval (a fast connection, a cache) still
    // ends in a report: otherwise the page could show "0,0 MB" while the
    // bytes are already here.
    progress.trailing ||= setTimeout(() => report(true), PROGRESS_EVERY_MS - (now - progress.sent));
    return;
  }
  clearTimeout(progress.trailing);
  progress.trailing = 0;
  progress.sent = now;
  const { loaded, phase } = progress;
  self.postMessage({ type: "progress", loaded, total: Math.max(progress.total, loaded), ms: Math.round(now - progress.started), phase });
}

/** Read `response`'s body to its end, counting its bytes; resolves to its bytes when `keep`. */
async function readCounting(response, keep) {
  const reader = response.body.getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    progress.loaded += value.byteLength;
    if (keep) chunks.push(value);
    report();
  }
  if (!keep) return null;
  return new Blob(chunks).arrayBuffer();
}

// URL → the response of a download started on "init", for Pyodide's own
// fetch() of that URL (once). Pyodide asks for these files by URL, so fetch is
// wrapped rather than Pyodide changed.
const ahead = new Map();
const networkFetch = self.fetch.bind(self);
self.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const kept = ahead.get(url);
  if (kept) {
    ahead.delete(url);
    return kept;
  }
  return networkFetch(input, init);
};

/** True when the browser says `url` came from its HTTP cache or the offline cache (no bytes transferred). */
function fromCache(url) {
  const entry = performance.getEntriesByName(url, "resource").at(-1);
  return Boolean(entry) && entry.transferSize === 0 && entry.decodedBodySize > 0;
}

/**
 * Start downloading `url` now; Pyodide's fetch of it later gets this response.
 * Resolves once the download has ended (or failed: Pyodide then reports it).
 */
function downloadAhead(url) {
  let drained;
  const response = networkFetch(url).then((original) => {
    if (!original.ok || !original.body) return original;
    // Pyodide gets a copy; reading the original to its end keeps the download
    // going at full speed meanwhile (an unread body stops it after a few MB),
    // and counts it for the progress bar. The copy is still the browser's
    // response (its URL, its cache entry), so the compiled WebAssembly can be
    // kept for the next visit.
    const copy = original.clone();
    drained = readCounting(original, false);
    return copy;
  });
  response.catch(() => {}); // reported when Pyodide asks for it
  ahead.set(url, response);
  return response.then(() => drained).catch(() => {}); // a broken download shows in the copy, where Pyodide reads it
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.body ? readCounting(response, true) : response.arrayBuffer();
}

// Pyodide 314 logs a failed WebAssembly download or compile ("wasm instantiation
// failed!") and then waits forever. Watching WebAssembly's own promises turns
// that into an error the page can show, with its retry button.
function wasmFailure() {
  return new Promise((_, reject) => {
    for (const name of ["instantiateStreaming", "instantiate"]) {
      const original = WebAssembly[name];
      if (typeof original !== "function") continue;
      WebAssembly[name] = function watched(...args) {
        const result = original.apply(this, args);
        result.catch((error) => reject(new Error(`WebAssembly gagal dimuat (${error.message})`)));
        return result;
      };
    }
  });
}

async function boot({ pyodide: indexURL, wheel, bytes }) {
  const started = performance.now();
  progress.started = started;
  progress.total = Number(bytes) || 0;
  report(true);
  const failed = wasmFailure();
  const downloads = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"].map((file) => downloadAhead(indexURL + file));
  // The runtime's 1,2 MB of JavaScript is imported by loadPyodide; fetched now,
  // it comes from the browser's cache then, and is parsed only after "go".
  const script = networkFetch(`${indexURL}pyodide.asm.mjs`).then((r) => (r.body ? readCounting(r, false) : null), () => null);
  const [{ loadPyodide }, wheelBytes] = await Promise.all([import(`${indexURL}pyodide.mjs`), fetchBytes(wheel), script]);
  // Everything is on the phone: what is left is starting Python (a few seconds, no network).
  const files = ["pyodide.asm.wasm", "python_stdlib.zip"].map((file) => indexURL + file);
  Promise.all(downloads).then(() => {
    progress.phase = "start";
    report(true);
    // A runtime read from this phone's cache (a later visit, or a chapter that
    // warmed it) comes with its WebAssembly already compiled: starting Python
    // now costs the page little, so the reader gets the calculator's own
    // numbers without waiting for the page to settle first. A runtime that
    // merely arrived fast still waits: compiling it fresh takes every core.
    if (files.every(fromCache)) release();
  });
  await released;
  const pyodide = await Promise.race([loadPyodide({ indexURL }), failed]);
  // Into site-packages, like an installed package (the default is the working directory).
  const sitePackages = pyodide.runPython("import sys; [p for p in sys.path if p.endswith('site-packages')][0]");
  pyodide.unpackArchive(wheelBytes, "wheel", { extractDir: sitePackages });
  const series = pyodide.pyimport("simulators.series");
  return { pageJson: (name, text) => series.page_json(name, text), ms: Math.round(performance.now() - started) };
}

function describe(error) {
  return error && error.message ? error.message.split("\n").slice(-2).join(" ").slice(0, 300) : String(error);
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "go") {
    release();
    return;
  }
  if (message.type === "init") {
    if (!ready) {
      ready = boot(message);
      ready.then(
        (model) => self.postMessage({ type: "ready", ms: model.ms }),
        (error) =>
          self.postMessage({
            type: "failed",
            message: `Mesin hitung tidak bisa dimuat: ${describe(error)}. Periksa koneksi lalu coba lagi.`,
          }),
      );
    }
    return;
  }
  const { id, name, inputs } = message;
  if (!ready) {
    self.postMessage({ id, ok: false, fatal: true, errors: [{ field: "", message: "Mesin hitung belum dimulai." }] });
    return;
  }
  let model;
  try {
    model = await ready;
  } catch {
    self.postMessage({ id, ok: false, fatal: true, errors: [{ field: "", message: "Mesin hitung belum termuat." }] });
    return;
  }
  try {
    const reply = JSON.parse(model.pageJson(name, JSON.stringify(inputs)));
    self.postMessage({ id, ...reply });
  } catch (error) {
    // A model bug, not a reader's mistake: say so instead of showing a wrong number.
    self.postMessage({
      id,
      ok: false,
      errors: [{ field: "", message: `Galat di mesin hitung (bukan kesalahan Anda): ${describe(error)}` }],
    });
  }
};
