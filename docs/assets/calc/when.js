// Which explanation to show: comparisons of model outputs, the same grammar as
// sitebuild/calc/when.py (which chose the prerendered one). No formulas here,
// and no eval: the condition is parsed by hand.
//
//   condition := "else" | clause (" and " clause)*
//   clause    := operand op operand        op: < <= > >= == !=
//   operand   := output path | number | null | true | false

import { lookup } from "./paths.js";

const CLAUSE = /^\s*(\S+)\s*(<=|>=|==|!=|<|>)\s*(\S+)\s*$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const LITERALS = { null: null, true: true, false: false };

function operand(token, outputs) {
  if (Object.hasOwn(LITERALS, token)) return LITERALS[token];
  if (NUMBER.test(token)) return Number(token);
  const value = lookup(outputs, token);
  if (value === undefined) throw new Error(`data-when: output ${token} does not exist`);
  return value;
}

function compare(op, a, b) {
  switch (op) {
    case "==":
      return a === b;
    case "!=":
      return a !== b;
  }
  if (a === null || b === null || typeof a !== "number" || typeof b !== "number") return false;
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
  return false;
}

export function holds(condition, outputs) {
  if (condition.trim() === "else") return true;
  return condition.split(" and ").every((clause) => {
    const match = CLAUSE.exec(clause);
    if (!match) throw new Error(`data-when: cannot read ${clause}`);
    return compare(match[2], operand(match[1], outputs), operand(match[3], outputs));
  });
}

/** Show the first [data-when] child of `block` that holds, hide the others. */
export function choose(block, outputs) {
  let shown = null;
  for (const option of block.querySelectorAll("[data-when]")) {
    const show = shown === null && holds(option.dataset.when, outputs);
    option.hidden = !show;
    if (show) shown = option;
  }
  return shown;
}
