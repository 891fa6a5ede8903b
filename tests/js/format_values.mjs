// Prints formatValue / formatInput / csvCell of the cases given as JSON on stdin (see tests/test_calc_js.py).
import { formatInput, formatValue } from "../../docs/assets/calc/format.js";

let text = "";
for await (const chunk of process.stdin) text += chunk;
const cases = JSON.parse(text);
const out = cases.map(([what, value, kind]) => (what === "value" ? formatValue(value, kind) : formatInput(value, kind)));
process.stdout.write(JSON.stringify(out));
