// Starts the calculators' Python as early as the page allows.
//
// Loaded from <head> as an async module, so the worker begins fetching
// Pyodide while the browser is still reading the page, instead of after it
// (calculator.js is a deferred module at the end of the markup). The runtime
// URLs come from <meta name="kalkulator-runtime">, written by the build
// (sitebuild/hooks/calculators.py). client.start() runs once per page, so
// calculator.js calling it again later changes nothing.

import { start } from "./client.js";

const meta = document.querySelector('meta[name="kalkulator-runtime"]');
if (meta) {
  try {
    const urls = JSON.parse(meta.content);
    start({
      pyodide: new URL(urls.pyodide, document.baseURI).href,
      wheel: new URL(urls.wheel, document.baseURI).href,
      bytes: urls.bytes,
    });
  } catch {
    // A damaged tag: calculator.js starts the worker from the calculator's own markup.
  }
}
