// Start the worker at once and mark the page ready when Pyodide has loaded.
// Query: ?pyodide=<folder URL of the site's Pyodide, ending in "/">
//        &stdlib=<URL of the full python_stdlib.zip>&lock=<URL of the full pyodide-lock.json>
const query = new URLSearchParams(location.search);
const root = document.getElementById("bare");
const absolute = (url) => (url ? new URL(url, location.href).href : undefined);
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => {
  root.dataset.state = data.ok ? "ready" : "error";
  root.querySelector("p").textContent = data.ok ? `Siap (${data.ms} ms di worker).` : data.message;
};
worker.onerror = () => {
  root.dataset.state = "error";
};
worker.postMessage({
  indexURL: absolute(query.get("pyodide")),
  stdLibURL: absolute(query.get("stdlib")),
  lockFileURL: absolute(query.get("lock")),
});
