// Chapter pages: the calculators' runtime fetched ahead, for a reader who stays.
//
// A reader who reads a chapter for a while and then opens its calculator should
// find Pyodide and the model already on the phone, so their own number comes as
// fast as on a second visit. Once the page has loaded and the browser is idle,
// and the reader has then stayed STAY_MS on the page (visible) or scrolled past
// its middle, this fetches the runtime files the calculator worker asks for (the
// list is in <meta name="kalkulator-runtime">, written by
// sitebuild/hooks/calculators.py), one after the other, at low priority:
//
// - never with Save-Data ("Hemat data") on, never on a 2g or slow-2g connection
//   (checked again before each file: a connection can change);
// - at most once: when every file arrived, localStorage remembers this runtime
//   (a new build with a new runtime has new URLs);
// - cancelled when the reader leaves the page (pagehide).
//
// Where the bytes go: through the service worker into the offline copy when it
// controls the page, otherwise into the browser's cache, from which the service
// worker then copies them ("cache-runtime", as after a calculator became ready).
// <html data-runtime-warm> tells what happened (tests and `make bench` read it):
// menunggu | mengunduh | selesai | sudah | hemat-data | lambat | dibatalkan | gagal.
(function () {
  "use strict";
  const KEY = "playbook:runtime-warm";
  const STAY_MS = 15000;
  const meta = document.querySelector('meta[name="kalkulator-runtime"]');
  if (!meta || !window.fetch || !window.AbortController) return;
  let files;
  try {
    files = JSON.parse(meta.content).files.map((url) => new URL(url, document.baseURI).href);
  } catch {
    return; // a damaged tag: nothing fetched ahead, the calculator loads as usual
  }
  const root = document.documentElement;
  const mark = (state) => root.setAttribute("data-runtime-warm", state);

  function unwelcome() {
    const connection = navigator.connection;
    if (!connection) return "";
    if (connection.saveData) return "hemat-data";
    if (/(^|-)2g$/.test(connection.effectiveType || "")) return "lambat";
    return "";
  }

  const id = files.join(" ");
  let remembered = null;
  try {
    remembered = localStorage.getItem(KEY);
  } catch {
    // storage blocked: the warm-up may run again on another page, the files then come from the cache
  }
  if (remembered === id) return mark("sudah");
  if (unwelcome()) return mark(unwelcome());
  mark("menunggu");

  const controller = new AbortController();
  let started = false;
  let timer = 0;

  async function drain(response) {
    // The bytes are kept by the browser's cache (and the service worker), not here.
    if (!response.body) return response.arrayBuffer();
    const reader = response.body.getReader();
    while (!(await reader.read()).done);
  }

  async function warm() {
    if (started) return;
    started = true;
    clearTimeout(timer);
    removeEventListener("scroll", onScroll);
    document.removeEventListener("visibilitychange", stay);
    addEventListener("pagehide", () => controller.abort(), { once: true });
    mark("mengunduh");
    try {
      for (const url of files) {
        const reason = unwelcome();
        if (reason) {
          controller.abort();
          return mark(reason);
        }
        const response = await fetch(url, { signal: controller.signal, priority: "low" });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        await drain(response);
      }
    } catch {
      return mark(controller.signal.aborted ? "dibatalkan" : "gagal");
    }
    try {
      localStorage.setItem(KEY, id);
    } catch {
      // not remembered: a later page finds the files in the cache
    }
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.ready.then((registration) => {
        if (registration.active) registration.active.postMessage({ type: "cache-runtime" });
      });
    }
    mark("selesai");
  }

  function onScroll() {
    const page = document.documentElement;
    if (scrollY > 0 && scrollY + innerHeight >= page.scrollHeight / 2) warm();
  }

  function stay() {
    clearTimeout(timer);
    if (document.visibilityState === "visible") timer = setTimeout(warm, STAY_MS);
  }

  function arm() {
    addEventListener("scroll", onScroll, { passive: true });
    document.addEventListener("visibilitychange", stay);
    stay();
    onScroll();
  }

  const idle = () => (window.requestIdleCallback ? requestIdleCallback(arm, { timeout: 2000 }) : setTimeout(arm, 0));
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
})();
