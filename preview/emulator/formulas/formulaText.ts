/**
 * Source-to-source rewrites that let fast-formula-parser read Google Sheets formulas it does not
 * parse itself: open-ended ranges (`A2:A`), array literals holding expressions
 * (`{"Progress"; OKRPROGRESS(E2:E, …)}`) and ARRAYFORMULA over whole columns.
 * String literals and quoted sheet names are set aside first, so no rewrite looks inside them.
 */

/** Internal functions the rewrites call; the evaluator registers them (see functions.ts). */
export const STACK_ROWS = 'ARRAY_LITERAL.ROWS';
export const STACK_COLUMNS = 'ARRAY_LITERAL.COLUMNS';

interface Protected {
  text: string;
  pieces: string[];
}

/** Replaces "strings" and 'sheet names' by \uE000N\uE000 markers (a private-use character) so rewrites see only code. */
function protect(formula: string): Protected {
  const pieces: string[] = [];
  let text = '';
  let index = 0;
  while (index < formula.length) {
    const quote = formula[index];
    if (quote === '"' || quote === "'") {
      let end = index + 1;
      while (end < formula.length) {
        if (formula[end] === quote && formula[end + 1] === quote) end += 2;
        else if (formula[end] === quote) break;
        else end += 1;
      }
      pieces.push(formula.slice(index, end + 1));
      text += `\uE000${pieces.length - 1}\uE000`;
      index = end + 1;
    } else {
      text += quote;
      index += 1;
    }
  }
  return { text, pieces };
}

function restore(text: string, pieces: string[]): string {
  return text.replace(
    /\uE000(\d+)\uE000/g,
    (_match, position: string) => pieces[Number(position)]!,
  );
}

/** The sheet a protected sheet prefix names ('Key Results'! or Settings!), unquoted. */
function sheetNameOf(prefix: string | undefined, pieces: string[], currentSheet: string): string {
  if (!prefix) return currentSheet;
  const name = restore(prefix.slice(0, -1), pieces);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

const SHEET_PREFIX = String.raw`((?:\uE000\d+\uE000|[A-Za-z0-9_.]+)!)?`;
const OPEN_ENDED_RANGE = new RegExp(
  String.raw`(?<![A-Za-z0-9_.$])${SHEET_PREFIX}(\$?[A-Za-z]{1,3}\$?\d+):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(!$])`,
  'g',
);

/**
 * `A2:A` ends at the sheet's last row with content (spilled values count, see
 * FormulaPass.getSheetSize). Sheets ends it at the grid's last row; the rows past the content are
 * blank, so results only differ by trailing blanks.
 */
export function closeOpenEndedRanges(
  code: string,
  pieces: string[],
  currentSheet: string,
  lastRowOf: (sheet: string) => number,
): string {
  return code.replace(
    OPEN_ENDED_RANGE,
    (_match, prefix: string | undefined, start: string, dollar: string, column: string) => {
      const startRow = Number(/\d+$/.exec(start)![0]);
      const lastRow = Math.max(startRow, lastRowOf(sheetNameOf(prefix, pieces, currentSheet)));
      return `${prefix ?? ''}${start}:${dollar}${column}${lastRow}`;
    },
  );
}

/** Splits `text` at top-level occurrences of `separator` (outside parentheses). */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    if (character === '(') depth += 1;
    if (character === ')') depth -= 1;
    if (character === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts;
}

/**
 * `{a, b; c, d}` becomes `ARRAY_LITERAL.ROWS(ARRAY_LITERAL.COLUMNS(a, b), ARRAY_LITERAL.COLUMNS(c, d))`,
 * innermost braces first, because the parser accepts only constants inside braces.
 * https://support.google.com/docs/answer/6208276 (commas join columns, semicolons join rows)
 */
export function rewriteArrayLiterals(code: string): string {
  const innermost = /\{([^{}]*)\}/;
  let text = code;
  for (let match = innermost.exec(text); match; match = innermost.exec(text)) {
    const rows = splitTopLevel(match[1]!, ';').map(
      (row) => `${STACK_COLUMNS}(${splitTopLevel(row, ',').join(',')})`,
    );
    text =
      text.slice(0, match.index) +
      `${STACK_ROWS}(${rows.join(',')})` +
      text.slice(match.index + match[0].length);
  }
  return text;
}

/** Functions that take a whole range as one argument; ranges inside them stay whole in ARRAYFORMULA. */
const RANGE_FUNCTIONS = new Set([
  'SUM',
  'SUMIF',
  'SUMIFS',
  'SUMPRODUCT',
  'PRODUCT',
  'AVERAGE',
  'AVERAGEIF',
  'AVERAGEIFS',
  'AVERAGEA',
  'COUNT',
  'COUNTA',
  'COUNTIF',
  'COUNTIFS',
  'COUNTBLANK',
  'MAX',
  'MIN',
  'MEDIAN',
  'LARGE',
  'SMALL',
  'INDEX',
  'MATCH',
  'VLOOKUP',
  'HLOOKUP',
  'ROWS',
  'COLUMNS',
  'STDEV',
  'STDEV.P',
  'STDEV.S',
]);

const CELL_RANGE = new RegExp(
  String.raw`(?<![A-Za-z0-9_.$])${SHEET_PREFIX}\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)(?![A-Za-z0-9_.(!$])`,
  'g',
);

interface ColumnRange {
  index: number;
  length: number;
  prefix: string;
  column: string;
  firstRow: number;
  rowCount: number;
}

/** Names of the functions whose parentheses enclose position `at` of `code`. */
function enclosingFunctions(code: string, at: number): string[] {
  const open: string[] = [];
  for (let index = 0; index < at; index += 1) {
    if (code[index] === '(') {
      const name = /([A-Za-z_][A-Za-z0-9_.]*)$/.exec(code.slice(0, index));
      open.push(name ? name[1]!.toUpperCase() : '');
    } else if (code[index] === ')') {
      open.pop();
    }
  }
  return open;
}

/**
 * ARRAYFORMULA(expr) applies expr row by row to the single-column ranges it uses outside
 * range-taking functions (SUM, INDEX, custom functions …), and stacks the rows.
 * https://support.google.com/docs/answer/3093275
 */
export function expandArrayFormulas(
  code: string,
  isRangeFunction: (name: string) => boolean,
): string {
  const call = /ARRAYFORMULA\(/i;
  let text = code;
  for (let match = call.exec(text); match; match = call.exec(text)) {
    const open = match.index + match[0].length;
    let depth = 1;
    let close = open;
    while (close < text.length && depth > 0) {
      if (text[close] === '(') depth += 1;
      if (text[close] === ')') depth -= 1;
      close += 1;
    }
    const body = text.slice(open, close - 1);
    text = text.slice(0, match.index) + rowByRow(body, isRangeFunction) + text.slice(close);
  }
  return text;
}

function rowByRow(body: string, isRangeFunction: (name: string) => boolean): string {
  const ranges: ColumnRange[] = [];
  for (const found of body.matchAll(CELL_RANGE)) {
    const [whole, prefix, fromColumn, fromRow, toColumn, toRow] = found;
    if (fromColumn!.toUpperCase() !== toColumn!.toUpperCase()) continue;
    // The innermost call decides: OKREXPECTED(IF(A2:A="", …)) still applies IF row by row.
    const innermost = enclosingFunctions(body, found.index).at(-1) ?? '';
    const insideRangeFunction = RANGE_FUNCTIONS.has(innermost) || isRangeFunction(innermost);
    if (insideRangeFunction) continue;
    ranges.push({
      index: found.index,
      length: whole.length,
      prefix: prefix ?? '',
      column: fromColumn!,
      firstRow: Number(fromRow),
      rowCount: Number(toRow) - Number(fromRow) + 1,
    });
  }
  if (ranges.length === 0) return `(${body})`;
  const rowCount = Math.max(...ranges.map((range) => range.rowCount));
  const rows: string[] = [];
  for (let offset = 0; offset < rowCount; offset += 1) {
    let row = '';
    let last = 0;
    for (const range of ranges) {
      row +=
        body.slice(last, range.index) + `${range.prefix}${range.column}${range.firstRow + offset}`;
      last = range.index + range.length;
    }
    rows.push(row + body.slice(last));
  }
  return `${STACK_ROWS}(${rows.join(',')})`;
}

export interface RewriteContext {
  currentSheet: string;
  lastRowOf: (sheet: string) => number;
  isRangeFunction: (name: string) => boolean;
}

/** The formula text (without the leading =) in the form fast-formula-parser evaluates. */
export function rewriteFormula(formula: string, context: RewriteContext): string {
  const { text, pieces } = protect(formula);
  let code = closeOpenEndedRanges(text, pieces, context.currentSheet, context.lastRowOf);
  code = expandArrayFormulas(code, context.isRangeFunction);
  code = rewriteArrayLiterals(code);
  return restore(code, pieces);
}
