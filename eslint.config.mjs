// ESLint for every JavaScript file of the project: `make lint`, and tests/test_lint.py in `make test`.
// Rules: @eslint/js "recommended" (real mistakes: undefined names, unused variables,
// unreachable code), nothing about style. Each group below says how its files run,
// so a browser global in a worker or a Node global in the page is an error.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["**/node_modules", ".venv", ".cache", "site", "dist"] },
  js.configs.recommended,
  {
    // An unused caught error is allowed: "try, else fall back" in the ES5-style inline
    // script sitebuild/templates/_pending.js reads `catch (error) {}`.
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    // The calculators' page modules, loaded with <script type="module">.
    files: ["docs/assets/calc/**/*.js", "bench/bare/bare.js"],
    languageOptions: { sourceType: "module", globals: globals.browser },
  },
  {
    // Module workers: Pyodide runs here, away from the page.
    files: ["docs/assets/calc/worker.js", "bench/bare/worker.js"],
    languageOptions: { sourceType: "module", globals: globals.worker },
  },
  {
    // Classic scripts the theme or a template includes with a plain <script>.
    files: ["docs/assets/a11y/*.js", "docs/assets/offline/*.js", "docs/assets/phone/*.js",
            "docs/assets/search/*.js", "sitebuild/static/*.js", "sitebuild/templates/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    files: ["docs/sw.js"],
    languageOptions: { sourceType: "script", globals: globals.serviceworker },
  },
  {
    // Node: the build's helper and the tests of the browser modules.
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
