/**
 * In Sheets a blank cell equals both 0 and "" (`=A2=""` is TRUE for an empty A2); the parser turns
 * blanks into 0 before comparing, so `A2:A=""` tests would never match. This wraps its comparison
 * operator once so a blank compared with text compares as "".
 * https://support.google.com/docs/answer/3093290 (ISBLANK: a cell holding "" is not blank, but
 * an empty cell compares equal to "")
 */
import operators from 'fast-formula-parser/formulas/operators.js';

let installed = false;

export function installBlankComparison(): void {
  if (installed) return;
  installed = true;
  const compare = operators.Infix.compareOp;
  operators.Infix.compareOp = (left, infix, right, leftIsArray, rightIsArray) => {
    const blankLeft = left === null || left === undefined;
    const blankRight = right === null || right === undefined;
    if (blankLeft && typeof right === 'string') left = '';
    if (blankRight && typeof left === 'string') right = '';
    return compare(left, infix, right, leftIsArray, rightIsArray);
  };
}
