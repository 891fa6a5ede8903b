// Service worker: the playbook keeps working offline after the first visit.
//
// The build (sitebuild/hooks/offline.py) replaces the two constants below with
// the build's version and a list of every file of the site with its SHA-256.
// One cache per build ("playbook:<scope>:<version>"): a page is always served
// together with the files of the same build, never a mix of two deploys.
//
// - install: the pages and their assets ("core") are stored, each fetched with
//   its Subresource Integrity hash so only this build's bytes enter this cache;
//   a file whose hash did not change is copied from the previous build's cache
//   instead of downloaded again (Pyodide stays put across deploys).
// - the big runtime files ("runtime": Pyodide, the wheel) are stored when they
//   are first fetched through this worker, or when a calculator page asks for it
//   after its calculator became ready (see assets/offline/register.js).
// - "lazy" files (formula fonts, unused search languages, anything big) only when
//   fetched through this worker, or when a page loaded before this worker took
//   control lists what it used ("keep").
// - a new build waits until the reader accepts "Muat ulang" (or closes every
//   tab), then takes over and removes the old caches.
// - requests outside the site, or for files not in the list, go to the network.

const VERSION = "dev";
const FILES = {}; // path relative to the site root → {sha256: base64, group: "core" | "runtime" | "lazy"}

const BASE = new URL("./", self.location);
const PREFIX = `playbook:${BASE.pathname}:`;
const CACHE = PREFIX + VERSION;
const LIST_KEY = new URL("__files__.json", BASE).href; // this build's FILES, kept in its cache

function pathOf(url) {
  // site path of a same-origin URL: "" or "dir/" → ".../index.html"; null when outside the site
  if (url.origin !== BASE.origin || !url.pathname.startsWith(BASE.pathname)) return null;
  let path = url.pathname.slice(BASE.pathname.length);
  try {
    path = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (path === "" || path.endsWith("/")) path += "index.html";
  return path;
}

function keyOf(path) {
  return new URL(path, BASE).href;
}

function verifiedFetch(path, cacheMode = "no-cache", signal = undefined) {
  // Integrity makes the fetch fail unless the bytes are exactly this build's file.
  return fetch(new Request(keyOf(path), { integrity: `sha256-${FILES[path].sha256}`, cache: cacheMode, signal }));
}

async function previousFiles() {
  // [cache, its FILES] of every older build still stored, newest first
  const older = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const list = await cache.match(LIST_KEY);
    if (list) older.push([cache, await list.json()]);
  }
  return older;
}

async function store(cache, path, older, cacheMode) {
  if (await cache.match(keyOf(path))) return;
  for (const [oldCache, oldFiles] of older) {
    if (oldFiles[path] && oldFiles[path].sha256 === FILES[path].sha256) {
      const same = await oldCache.match(keyOf(path));
      if (same) return cache.put(keyOf(path), same);
    }
  }
  const response = await verifiedFetch(path, cacheMode);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  await cache.put(keyOf(path), response);
}

async function storeAll(group, cacheMode) {
  const cache = await caches.open(CACHE);
  const older = await previousFiles();
  const paths = Object.keys(FILES).filter((path) => FILES[path].group === group);
  // a few at a time: phones on mobile data, and a server that should not be flooded
  for (let i = 0; i < paths.length; i += 6) {
    await Promise.all(paths.slice(i, i + 6).map((path) => store(cache, path, older, cacheMode)));
  }
  if (group === "runtime") {
    // files unchanged since an older build were copied above; nothing more to keep
    return;
  }
  await cache.put(LIST_KEY, new Response(JSON.stringify(FILES), { headers: { "Content-Type": "application/json" } }));
}

async function keep(urls) {
  const cache = await caches.open(CACHE);
  const paths = new Set();
  for (const url of urls.slice(0, 500)) {
    let path;
    try {
      path = pathOf(new URL(url, BASE));
    } catch {
      continue;
    }
    if (path !== null && path in FILES) paths.add(path);
  }
  await Promise.all([...paths].map((path) => store(cache, path, [], "default").catch(() => {})));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await storeAll("core", "no-cache");
      // runtime files already stored by an older build (same bytes) come along, no download
      const cache = await caches.open(CACHE);
      for (const [oldCache, oldFiles] of await previousFiles()) {
        for (const [path, file] of Object.entries(FILES)) {
          if (file.group !== "runtime" || !oldFiles[path] || oldFiles[path].sha256 !== file.sha256) continue;
          const same = await oldCache.match(keyOf(path));
          if (same && !(await cache.match(keyOf(path)))) await cache.put(keyOf(path), same);
        }
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
    })(),
  );
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "skip-waiting") {
    self.skipWaiting();
  } else if (type === "cache-runtime") {
    // after a calculator became ready the runtime files sit in the HTTP cache: no second download
    event.waitUntil(storeAll("runtime", "default").catch(() => {}));
  } else if (type === "keep" && Array.isArray(event.data.urls)) {
    // what the page loaded before this worker controlled it (first visit), from the HTTP cache
    event.waitUntil(keep(event.data.urls));
  }
});

async function offlinePage(cache) {
  // a navigation nothing can answer: the site's own "not found" page, from this build
  const missing = await cache.match(keyOf("404.html"));
  return missing ? new Response(missing.body, { status: 404, headers: missing.headers }) : Response.error();
}

async function respond(request, path) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(keyOf(path));
  if (cached) return cached;
  try {
    // The page's signal: a download the page gave up (assets/calc/warm.js on pagehide) stops here too.
    const response = await verifiedFetch(path, "default", request.signal);
    if (response.ok) await cache.put(keyOf(path), response.clone());
    return response;
  } catch {
    // Offline, or the server already holds another build (integrity mismatch): the
    // network's answer as it is, never stored in this build's cache.
    try {
      return await fetch(request);
    } catch (error) {
      if (request.mode === "navigate") return offlinePage(cache);
      throw error;
    }
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || VERSION === "dev") return;
  const path = pathOf(new URL(request.url));
  if (path === null) return;
  if (path in FILES) {
    event.respondWith(respond(request, path));
  } else if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(async () => offlinePage(await caches.open(CACHE))));
  }
});
