// The model test-suite inside Pyodide under node: the runtime the readers' browsers use.
//
//   node tests/pyodide/run.mjs --pyodide node_modules/pyodide --wheels DIR --root . \
//     [--pytest-arg=ARG ...] TEST_FILE...
//
// Loads Pyodide from the npm package, unpacks every wheel in DIR (our
// simulators wheel plus pytest, hypothesis and their pure-Python dependencies)
// into site-packages exactly as the browser worker does (unpackArchive), copies
// the named test files, tests/strategies.py and data/ into /work, and runs
// pytest there with the doctests of the installed simulators package. The
// source tree is not on sys.path: what is tested is the wheel. Each
// --pytest-arg=ARG is passed on to pytest (e.g. -m, --deselect).
//
// Prints pytest's report, then one line "PYODIDE-RESULT {json}" with the
// counts, and exits 0 only when pytest passed.

import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

function parseArgs(argv) {
  const options = { pyodide: "node_modules/pyodide", wheels: null, root: ".", files: [], pytestArgs: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--pyodide" || arg === "--wheels" || arg === "--root") options[arg.slice(2)] = argv[++i];
    else if (arg.startsWith("--pytest-arg=")) options.pytestArgs.push(arg.slice("--pytest-arg=".length));
    else options.files.push(arg);
  }
  if (!options.wheels || options.files.length === 0) {
    console.error("usage: node tests/pyodide/run.mjs --wheels DIR [--pyodide DIR] [--root DIR] [--pytest-arg=ARG ...] TEST_FILE...");
    process.exit(2);
  }
  return options;
}

function copyTree(FS, from, to) {
  FS.mkdirTree(to);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = `${to}/${entry.name}`;
    if (entry.isDirectory()) copyTree(FS, source, target);
    else FS.writeFile(target, fs.readFileSync(source));
  }
}

// An uncaught error would make node print a line of Pyodide's 1 MB minified source.
process.on("uncaughtException", (error) => {
  console.error(`run.mjs: ${error && error.message ? error.message : error}`);
  process.exit(1);
});
process.on("unhandledRejection", (error) => {
  console.error(`run.mjs: ${error && error.message ? error.message : error}`);
  process.exit(1);
});

const options = parseArgs(process.argv.slice(2));
const root = path.resolve(options.root);
const indexURL = path.resolve(options.pyodide) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL, stdout: (s) => console.log(s), stderr: (s) => console.error(s) });

const wheels = fs.readdirSync(options.wheels).filter((name) => name.endsWith(".whl"));
if (!wheels.some((name) => name.startsWith("simulators-"))) {
  console.error(`no simulators wheel in ${options.wheels}`);
  process.exit(2);
}
// Into site-packages, as the browser worker does (the default would be the working directory).
const sitePackages = pyodide.runPython("import sys; [p for p in sys.path if p.endswith('site-packages')][0]");
for (const name of wheels) {
  // A plain Uint8Array, as the browser worker passes: Pyodide refuses node's Buffer subclass.
  const bytes = new Uint8Array(fs.readFileSync(path.join(options.wheels, name)));
  pyodide.unpackArchive(bytes, "wheel", { extractDir: sitePackages });
}

const { FS } = pyodide;
FS.mkdirTree("/work/tests");
for (const file of [...options.files, "tests/strategies.py"]) {
  FS.writeFile(`/work/${file}`, fs.readFileSync(path.join(root, file)));
}
copyTree(FS, path.join(root, "data"), "/work/data");

pyodide.globals.set("test_files", pyodide.toPy(options.files.map((file) => `/work/${file}`)));
pyodide.globals.set("pytest_args", pyodide.toPy(options.pytestArgs));
const result = await pyodide.runPythonAsync(`
import json, os, sys, platform
import pytest
from hypothesis import settings
import simulators

os.chdir("/work")
sys.path.insert(0, "/work")  # for "from tests.strategies import ..."; simulators comes from site-packages
# Wall-clock deadlines measure the machine, not the model: Pyodide under node
# on a busy 2-core machine is slower than CPython. The properties explore in
# CPython (100 examples each); here they check that the runtime agrees, and
# 20 examples each keep the run short (a test's own @settings still wins).
settings.register_profile("pyodide", deadline=None, max_examples=20)
settings.load_profile("pyodide")

class Tally:
    counts = {}
    def pytest_terminal_summary(self, terminalreporter):
        for key in ("passed", "failed", "error", "skipped", "xfailed", "xpassed", "deselected"):
            self.counts[key] = len(terminalreporter.stats.get(key, []))

tally = Tally()
package = os.path.dirname(simulators.__file__)
code = pytest.main(
    ["-q", "-p", "no:cacheprovider", "--rootdir=/work", "-o", "addopts=", "--import-mode=importlib",
     "-o", "markers=uses_processes: starts a process", "--doctest-modules", *pytest_args, *test_files, package],
    plugins=[tally],
)
json.dumps({**tally.counts, "exit": int(code), "python": platform.python_version(),
            "simulators_from": package, "platform": sys.platform})
`);
console.log(`PYODIDE-RESULT ${result}`);
process.exit(JSON.parse(result).exit === 0 ? 0 : 1);
