// Wide tables and formulas on a phone (issue 13, point 7): a box that scrolls
// sideways says so. Each scrolling box wider than the screen gets a line above it
// ("Geser ke samping …") and a faded right edge until the reader reaches its end
// (styles in assets/stylesheets/phone.css). Boxes that fit get nothing.
// An external file: the Content Security Policy allows no inline script.
(function () {
  "use strict";

  // Material's table wrapper, the calculators' table wrapper, display formulas,
  // notebook tables (which scroll themselves) and code blocks.
  const BOXES = ".md-typeset__scrollwrap, .calc-table-wrap, div.arithmatex, .jupyter-wrapper table, .md-typeset pre > code";
  const seen = new WeakSet();

  function label(box) {
    if (box.matches("div.arithmatex")) return "Rumus ini lebih lebar dari layar: geser ke samping";
    if (box.matches("code")) return "Baris kode ini lebih lebar dari layar: geser ke samping";
    return "Tabel ini lebih lebar dari layar: geser ke samping";
  }

  // The hint goes above the box; a code block's box sits inside its highlight frame.
  function anchor(box) {
    return (box.matches("code") && box.closest(".highlight")) || box;
  }

  // Reading a box's widths forces the browser to lay out the page if anything
  // changed since the last frame: on a long calculator page that cost 250 ms of a
  // phone's main thread. So widths are read only in a ResizeObserver callback (the
  // layout is fresh there), all boxes first, and only then is the page changed.
  function measure(box) {
    const wide = box.scrollWidth > box.clientWidth + 2;
    return { box, wide, end: wide && box.scrollLeft + box.clientWidth >= box.scrollWidth - 2 };
  }

  function apply({ box, wide, end }) {
    const above = anchor(box).previousElementSibling;
    const hint = above && above.classList.contains("pb-scroll-hint") ? above : null;
    box.classList.toggle("pb-scrolls", wide);
    box.classList.toggle("pb-scrolled-end", end);
    if (wide && !hint) {
      const line = document.createElement("p");
      line.className = "pb-scroll-hint";
      line.textContent = label(box) + " \u2192";
      anchor(box).before(line);
    } else if (hint) {
      hint.hidden = !wide;
    }
  }

  const boxOf = new WeakMap(); // an observed element → the scrolling box it belongs to
  const resized =
    "ResizeObserver" in window
      ? new ResizeObserver((entries) => {
          const boxes = new Set(entries.map((e) => boxOf.get(e.target)));
          [...boxes].map(measure).forEach(apply);
        })
      : null;

  function watch() {
    for (const box of document.querySelectorAll(BOXES)) {
      // a notebook table inside Material's wrapper scrolls with the wrapper, not by itself
      if (box.tagName === "TABLE" && box.closest(".md-typeset__scrollwrap")) continue;
      if (seen.has(box)) continue;
      seen.add(box);
      box.addEventListener("scroll", () => apply(measure(box)), { passive: true });
      if (!resized) {
        apply(measure(box));
        continue;
      }
      // observing reports every box once, after the next layout
      boxOf.set(box, box);
      resized.observe(box);
      // calculators rewrite their tables' rows: the table grows inside an unchanged box
      if (box.firstElementChild) {
        boxOf.set(box.firstElementChild, box);
        resized.observe(box.firstElementChild);
      }
    }
  }

  // Material builds its table wrappers and KaTeX draws formulas after load: look again then.
  function start() {
    watch();
    window.addEventListener("load", watch);
    setTimeout(watch, 1500);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => setTimeout(start, 0));
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
