// Typesets the formulas that pymdownx.arithmatex (generic mode) leaves as
// \( … \) and \[ … \] inside .arithmatex elements. Loaded, with KaTeX, only on
// pages that have a formula (see sitebuild/hooks/figures.py).
"use strict";

function typesetFormulas() {
  const options = {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    throwOnError: false,
  };
  for (const element of document.querySelectorAll(".arithmatex")) {
    window.renderMathInElement(element, options);
  }
}

// Material's document$ emits on every page view (also with instant loading).
if (window.document$) {
  window.document$.subscribe(typesetFormulas);
} else {
  typesetFormulas();
}
