// The calculators' Python: Pyodide in a module worker, loaded once.
//
// Messages in:   {type: "init", pyodide: <folder URL ending in "/">, wheel: <URL>}
//                {id, name, inputs}
// Messages out:  {type: "ready", ms} | {type: "failed", message}
//                {id, ok: true, result: {inputs, outputs, extras}}
//                {id, ok: false, errors: [{field, message}]}
//
// The wheel is fetched while Pyodide boots and unpacked straight into
// site-packages (no micropip, no network beyond the site). Every answer comes
// from simulators.series.page_json = simulators.run_json plus chart series.

let ready = null; // one promise: the loaded model, or the reason it failed

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
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

async function boot({ pyodide: indexURL, wheel }) {
  const started = performance.now();
  const failed = wasmFailure();
  const [{ loadPyodide }, wheelBytes] = await Promise.all([import(`${indexURL}pyodide.mjs`), fetchBytes(wheel)]);
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
