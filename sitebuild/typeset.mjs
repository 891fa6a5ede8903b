// KaTeX under node, for sitebuild/formulas.py: every formula of the build,
// typeset once, so pages carry HTML and MathML instead of KaTeX's script.
//
//   node sitebuild/typeset.mjs < formulas.json > typeset.json
//
// stdin:  [{"tex": "k = 1 - r", "display": false}, ...]
// stdout: [{"html": "<span class=\"katex\">…"} or {"error": "KaTeX parse error: …"}, ...]
//         in the same order. One formula that cannot be read does not stop the
//         others: Python names every page and formula that failed.

import katex from "katex";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const formulas = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const results = formulas.map(({ tex, display }) => {
  try {
    return {
      html: katex.renderToString(tex, {
        displayMode: Boolean(display),
        // HTML for the eye, MathML for screen readers
        output: "htmlAndMathml",
        throwOnError: true,
        // a construct KaTeX only half supports is an error, not a console warning
        strict: "error",
      }),
    };
  } catch (error) {
    return { error: String(error && error.message ? error.message : error) };
  }
});
process.stdout.write(JSON.stringify(results));
