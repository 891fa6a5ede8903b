// Load Pyodide exactly as a plain page would: loadPyodide() and nothing more.
self.onmessage = async ({ data }) => {
  const started = performance.now();
  try {
    const { loadPyodide } = await import(`${data.indexURL}pyodide.mjs`);
    const options = { indexURL: data.indexURL };
    if (data.stdLibURL) options.stdLibURL = data.stdLibURL;
    if (data.lockFileURL) options.lockFileURL = data.lockFileURL;
    const pyodide = await loadPyodide(options);
    pyodide.runPython("1 + 1");
    self.postMessage({ ok: true, ms: Math.round(performance.now() - started) });
  } catch (error) {
    self.postMessage({ ok: false, message: String(error && error.message ? error.message : error) });
  }
};
