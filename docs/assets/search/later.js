// The search index (search/search_index.json, a few hundred KB) is fetched when
// the reader first reaches for the search box, not by every page at load.
//
// The theme's bundle asks for the index with XMLHttpRequest as soon as it starts
// (Material's bundle.ts, fetchSearchIndex) and hands it to its lunr worker. This
// file runs just before the bundle (overrides/main.html) and holds back that one
// request until the reader opens search: the search box gets focus (a tap on the
// magnifier, the "/" "s" "f" keys), the search toggle opens, or the address asks
// for search (?q=) or for highlighting (?h=, a page opened from a search result).
// The theme sends the query once its worker says it is ready, so words typed
// while the index is still on its way are searched then. Every other request
// goes out untouched.
(function () {
  "use strict";
  const INDEX = /\/search\/search_index\.json$/;
  const proto = XMLHttpRequest.prototype;
  const open = proto.open;
  const send = proto.send;
  const forIndex = new WeakSet();
  const held = [];
  let wanted = false;

  proto.open = function (method, url, ...rest) {
    try {
      if (INDEX.test(new URL(String(url), document.baseURI).pathname)) forIndex.add(this);
    } catch {
      // not a URL we hold back
    }
    return open.call(this, method, url, ...rest);
  };
  proto.send = function (body) {
    if (!wanted && forIndex.has(this)) {
      held.push([this, body]);
      return;
    }
    return send.call(this, body);
  };

  function release() {
    if (wanted) return;
    wanted = true;
    for (const [request, body] of held.splice(0)) send.call(request, body);
  }

  const params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) release();
  document.addEventListener(
    "focusin",
    (event) => {
      const target = event.target;
      if (target instanceof Element && target.matches("form[name='search'] input")) release();
    },
    true,
  );
  // A tap on the magnifier: start on the press, a moment before the box gets focus.
  document.addEventListener(
    "pointerdown",
    (event) => {
      const target = event.target;
      if (target instanceof Element && target.closest("label[for='__search'], form[name='search']")) release();
    },
    true,
  );
  document.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) release();
  });
})();
