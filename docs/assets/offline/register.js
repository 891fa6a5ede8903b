// Registers the service worker (sw.js at the site root) on every page, and:
// - once a calculator on this page is ready, asks the worker to keep Pyodide and
//   the wheel too, so the calculator also works offline next time;
// - when a new build of the site has been stored, offers "Muat ulang" to switch
//   to it as a whole (never a mix of old and new pages).
// An external file, not inline script: the Content Security Policy allows no inline code.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  // A reader who turned on "Hemat data" asked not to download what they did not open:
  // the offline copy (every page, then Pyodide) is skipped for them.
  if (navigator.connection && navigator.connection.saveData) return;
  // this file lives at <root>/assets/offline/register.js
  const root = new URL("../../", document.currentScript.src);

  function whenCalculatorReady(callback, states = ["ready"]) {
    const calculators = Array.from(document.querySelectorAll("[data-calculator]"));
    if (calculators.length === 0) return;
    const check = () => calculators.some((el) => states.includes(el.getAttribute("data-state")));
    if (check()) return callback();
    const observer = new MutationObserver(() => {
      if (check()) {
        observer.disconnect();
        callback();
      }
    });
    calculators.forEach((el) => observer.observe(el, { attributes: true, attributeFilter: ["data-state"] }));
  }

  function offerUpdate(worker) {
    if (document.querySelector(".pb-update")) return;
    const bar = document.createElement("div");
    bar.className = "pb-update";
    bar.setAttribute("role", "status");
    const text = document.createElement("span");
    text.textContent = "Versi baru playbook sudah tersimpan.";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Muat ulang";
    button.addEventListener("click", () => worker.postMessage({ type: "skip-waiting" }));
    bar.append(text, button);
    document.body.append(bar);
  }

  async function register() {
    let registration;
    try {
      registration = await navigator.serviceWorker.register(new URL("sw.js", root), {
        scope: root.pathname,
        updateViaCache: "none",
      });
    } catch {
      return; // no offline copy (private mode, blocked): the site works as before
    }
    if (!registration) return; // some browsers and test harnesses block workers without an error
    const hadController = Boolean(navigator.serviceWorker.controller);
    if (!hadController) {
      // First visit: this page came from the network. Its files (fonts included) sit in the
      // HTTP cache; the worker keeps those of this build too, without downloading them again.
      const used = [location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name)];
      navigator.serviceWorker.ready.then((ready) => ready.active && ready.active.postMessage({ type: "keep", urls: used }));
    }
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (hadController) location.reload();
    });
    const watch = (worker) => {
      if (!worker) return;
      const ready = () => worker.state === "installed" && navigator.serviceWorker.controller && offerUpdate(worker);
      ready();
      worker.addEventListener("statechange", ready);
    };
    watch(registration.waiting);
    registration.addEventListener("updatefound", () => watch(registration.installing));

    whenCalculatorReady(async () => {
      const active = (await navigator.serviceWorker.ready).active;
      if (active) active.postMessage({ type: "cache-runtime" });
    });
  }

  window.addEventListener("load", () => {
    // First visit to a calculator page: the offline copy (about 3 MB) would share the
    // connection and the phone's CPU with Pyodide's download, so it starts once the
    // calculator is ready (or has failed). Elsewhere, and on later visits, at load.
    const calculatorPage = document.querySelector("[data-calculator]");
    if (calculatorPage && !navigator.serviceWorker.controller) whenCalculatorReady(register, ["ready", "error"]);
    else register();
  });
})();
