// Small accessibility fixes to the theme's own markup, found by axe-core
// (tests/browser/test_a11y.py). An external file: the Content Security Policy
// allows no inline script.
(function () {
  "use strict";

  function fix() {
    // The search overlay is a dialog without a name.
    const search = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    const query = document.querySelector(".md-search__input");
    if (search) search.setAttribute("aria-label", (query && query.getAttribute("aria-label")) || "Cari");

    // Wide tables scroll sideways on a phone; a scrolling box must be reachable by keyboard.
    for (const box of document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])")) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Tabel (geser ke samping bila terpotong)");
    }

    // Display formulas scroll sideways when wider than a phone: the same tab stop.
    for (const formula of document.querySelectorAll("div.arithmatex:not([tabindex])")) {
      formula.setAttribute("tabindex", "0");
    }

    // Checklist boxes are drawn by pymdownx.tasklist without a name: give each its item's text.
    for (const box of document.querySelectorAll(".task-list-control input[type=checkbox]:not([aria-label])")) {
      const item = box.closest("li");
      const text = item ? item.textContent.trim().replace(/\s+/g, " ").slice(0, 150) : "";
      if (text) box.setAttribute("aria-label", text);
    }
  }

  // Material builds the table wrappers when it (re)loads a page: run after it.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => setTimeout(fix, 0));
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fix);
  } else {
    fix();
  }
})();
