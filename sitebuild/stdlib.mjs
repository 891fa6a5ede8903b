// Pyodide under node, for sitebuild/stdlib.py: which standard-library files
// the calculators use, and a trimmed, precompiled zip of just those.
//
//   node sitebuild/stdlib.mjs probe   PYODIDE_DIR WHEEL [STDLIB_ZIP [LOCK_FILE]]
//        Boots Pyodide as the browser worker does (unpackArchive of the wheel),
//        imports every simulators module the browser can reach, runs each
//        simulator on its defaults, on a wrong value in every field and on
//        broken JSON, and prints JSON: {"files": [...zip entries in use...],
//        "frozen": [...entries of modules frozen into the interpreter...],
//        "answers": {...every reply...}}. With STDLIB_ZIP it boots from that
//        zip instead of the full one (to check that a trimmed zip answers the same),
//        and with LOCK_FILE from that lock file.
//
//   node sitebuild/stdlib.mjs compile PYODIDE_DIR LIST OUT_ZIP
//        Writes OUT_ZIP: the entries named in LIST (one per line, "#" comments)
//        taken from PYODIDE_DIR/python_stdlib.zip, each .py compiled by this
//        Pyodide's own Python to a sourceless .pyc (optimize=2: no docstrings,
//        no asserts). Compiling here, not in the browser, is the point: a phone
//        then unmarshals bytecode instead of compiling ~140 modules at start.
//
//   node sitebuild/stdlib.mjs wheel   PYODIDE_DIR IN_WHEEL OUT_WHEEL
//        Writes OUT_WHEEL: IN_WHEEL with each .py file replaced by its sourceless
//        .pyc (optimize=0: docstrings and asserts kept, so the code behaves
//        exactly as in CPython), which Python imports without compiling.

import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [command, pyodideDir, ...rest] = process.argv.slice(2);
if (!["probe", "compile", "wheel"].includes(command) || !pyodideDir) {
  console.error(
    "usage: node sitebuild/stdlib.mjs probe PYODIDE_DIR WHEEL [STDLIB_ZIP [LOCK_FILE]]" +
      " | compile PYODIDE_DIR LIST OUT_ZIP | wheel PYODIDE_DIR IN_WHEEL OUT_WHEEL",
  );
  process.exit(2);
}
const indexURL = path.resolve(pyodideDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const bytes = (file) => new Uint8Array(fs.readFileSync(file));

// The same Python runs in both commands: keep it short and standard-library only.
const EXERCISE = `
import importlib, json, sys, zipfile

# Every module of the package the worker can reach (not the CLI: argparse is
# not shipped to the browser).
names = sorted(
    n.rsplit(".", 1)[0].replace("/", ".").removesuffix(".__init__")
    for n in zipfile.ZipFile(WHEEL).namelist()
    if n.startswith("simulators/") and n.endswith((".py", ".pyc"))
)
for name in names:
    if name not in ("simulators.cli", "simulators.__main__"):
        importlib.import_module(name)

import simulators
try:
    from simulators.series import page_json as answer
except ImportError:  # before the chart series existed
    answer = simulators.run_json

def ask(name, text):
    try:
        return json.loads(answer(name, text))
    except Exception as error:  # a model bug: recorded, so the check shows it
        return {"exception": type(error).__name__ + ": " + str(error)}

answers = {}
for name in simulators.SIMULATORS:
    defaults = json.loads(simulators.run_json(name, "{}"))
    answers[name + ":defaults"] = ask(name, "{}")
    inputs = defaults["result"]["inputs"] if defaults.get("ok") else {}
    for key in inputs:
        for wrong in ("x", -1, None, []):
            answers[f"{name}:{key}={wrong!r}"] = ask(name, json.dumps({key: wrong}))
    answers[name + ":broken"] = ask(name, "{bukan json")
answers["unknown"] = json.loads(simulators.run_json("tidak-ada", "{}"))

# Files of the standard-library zip (/lib/python3XX.zip/...), not our wheel and
# not the modules frozen into the interpreter (os, io, site...: they carry a
# __file__ in the zip but are never read from it).
files = sorted({
    f.split(".zip/", 1)[1]
    for m in list(sys.modules.values())
    if (f := getattr(m, "__file__", None)) and ".zip/" in f
    and getattr(getattr(m, "__spec__", None), "origin", None) != "frozen"
})
frozen = sorted({
    f.split(".zip/", 1)[1]
    for m in list(sys.modules.values())
    if (f := getattr(m, "__file__", None)) and ".zip/" in f
    and getattr(getattr(m, "__spec__", None), "origin", None) == "frozen"
})
ours = sorted(m.__file__.rsplit("/", 1)[1] for n, m in list(sys.modules.items()) if n.startswith("simulators"))
json.dumps({"files": files, "frozen": frozen, "answers": answers, "package_files": ours}, sort_keys=True)
`;

const COMPILE = `
import zipfile, importlib._bootstrap_external as bootstrap

wanted = [l.strip() for l in open("/tmp/list.txt", encoding="utf-8") if l.strip() and not l.startswith("#")]
source = zipfile.ZipFile("/tmp/full.zip")
missing = sorted(set(wanted) - set(source.namelist()))
if missing:
    raise SystemExit("not in python_stdlib.zip: " + ", ".join(missing))
with zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
    for name in sorted(wanted):
        data = source.read(name)
        if name.endswith(".py"):
            code = compile(data, name, "exec", dont_inherit=True, optimize=2)
            name, data = name + "c", bytes(bootstrap._code_to_timestamp_pyc(code, 0, 0))
        # A fixed date: the same list gives the same bytes, so the same cache key.
        out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED, 9)
`;

const WHEEL_PYC = `
import zipfile, importlib._bootstrap_external as bootstrap

source = zipfile.ZipFile("/tmp/in.whl")
with zipfile.ZipFile("/tmp/out.whl", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
    for info in source.infolist():
        data = source.read(info)
        if info.filename.endswith(".py"):
            code = compile(data, info.filename, "exec", dont_inherit=True, optimize=0)
            info = zipfile.ZipInfo(info.filename + "c", date_time=info.date_time)
            data = bytes(bootstrap._code_to_timestamp_pyc(code, 0, 0))
        out.writestr(info, data, zipfile.ZIP_DEFLATED, 9)
`;

if (command === "probe") {
  const [wheel, stdlibZip, lockFile] = rest;
  const options = { indexURL };
  if (stdlibZip) options.stdLibURL = path.resolve(stdlibZip);
  if (lockFile) options.lockFileURL = path.resolve(lockFile);
  const pyodide = await loadPyodide(options);
  // as docs/assets/calc/worker.js does: into site-packages
  const sitePackages = pyodide.runPython("import sys; [p for p in sys.path if p.endswith('site-packages')][0]");
  pyodide.unpackArchive(bytes(wheel), "wheel", { extractDir: sitePackages });
  pyodide.FS.writeFile("/tmp/wheel.zip", bytes(wheel));
  pyodide.globals.set("WHEEL", "/tmp/wheel.zip");
  process.stdout.write(pyodide.runPython(EXERCISE));
} else if (command === "wheel") {
  const [inWheel, outWheel] = rest;
  const pyodide = await loadPyodide({ indexURL });
  pyodide.FS.writeFile("/tmp/in.whl", bytes(inWheel));
  pyodide.runPython(WHEEL_PYC);
  fs.writeFileSync(outWheel, pyodide.FS.readFile("/tmp/out.whl"));
} else {
  const [list, outZip] = rest;
  const pyodide = await loadPyodide({ indexURL });
  pyodide.FS.writeFile("/tmp/full.zip", bytes(path.join(indexURL, "python_stdlib.zip")));
  pyodide.FS.writeFile("/tmp/list.txt", bytes(list));
  pyodide.runPython(COMPILE);
  fs.writeFileSync(outZip, pyodide.FS.readFile("/tmp/out.zip"));
}
