/**
 * Sheets functions fast-formula-parser lacks or computes differently, and the array-stacking
 * helpers the rewrites in formulaText.ts call. Arguments arrive as the parser hands them over:
 * `{ value, isArray }` with ranges already read into 2-D arrays.
 */
import FormulaParser from 'fast-formula-parser';
import { STACK_COLUMNS, STACK_ROWS } from './formulaText.js';

const { FormulaError } = FormulaParser;

interface Argument {
  value: unknown;
  isArray?: boolean;
  omitted?: boolean;
}

function grid(value: unknown): unknown[][] {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]));
  return [[value]];
}

function flat(argument: Argument): unknown[] {
  return grid(argument.value).flat();
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** `{a; b}`: stacks rows; every part must be as wide as the first, as Sheets requires. */
function stackRows(...parts: Argument[]): unknown[][] {
  const rows = parts.flatMap((part) => grid(part.value));
  const width = rows[0]?.length ?? 0;
  if (rows.some((row) => row.length !== width)) {
    throw new FormulaError(
      '#VALUE!',
      'In ARRAY_LITERAL, an Array Literal was missing values for one or more rows.',
    );
  }
  return rows;
}

/** `{a, b}`: joins columns; every part must be as tall as the first. */
function stackColumns(...parts: Argument[]): unknown[][] {
  const grids = parts.map((part) => grid(part.value));
  const height = grids[0]?.length ?? 0;
  if (grids.some((part) => part.length !== height)) {
    throw new FormulaError(
      '#VALUE!',
      'In ARRAY_LITERAL, an Array Literal was missing values for one or more columns.',
    );
  }
  return Array.from({ length: height }, (_, row) => grids.flatMap((part) => part[row]!));
}

/**
 * VSTACK(range1, [range2, …]): the ranges one below the other, as wide as the widest, narrower
 * ones padded with #N/A. https://support.google.com/docs/answer/13191461
 */
function vstack(...parts: Argument[]): unknown[][] {
  const grids = parts.map((part) => grid(part.value));
  const width = Math.max(0, ...grids.flatMap((rows) => rows.map((row) => row.length)));
  return grids.flatMap((rows) =>
    rows.map((row) => [
      ...row,
      ...Array.from({ length: width - row.length }, () => FormulaError.NA),
    ]),
  );
}

/** MATCH(search_key, range, [search_type]) — https://support.google.com/docs/answer/3093378 */
function match(searchKey: Argument, range: Argument, searchType?: Argument): number {
  const key = searchKey.value;
  const values = flat(range);
  const type = searchType && !searchType.omitted ? Number(searchType.value) : 1;
  const same = (value: unknown) =>
    typeof value === 'string' && typeof key === 'string'
      ? value.toLowerCase() === key.toLowerCase()
      : value === key;
  if (type === 0) {
    const index = values.findIndex(same);
    if (index < 0) throw FormulaError.NA;
    return index + 1;
  }
  // Sorted search: the last position whose value is <= key (type 1) or >= key (type -1).
  let found = -1;
  values.forEach((value, index) => {
    if (isBlank(value) || typeof value !== typeof key) return;
    if (type > 0 ? (value as number) <= (key as number) : (value as number) >= (key as number))
      found = index;
  });
  if (found < 0) throw FormulaError.NA;
  return found + 1;
}

/** COUNTA counts every non-empty value — https://support.google.com/docs/answer/3093991 */
function counta(...args: Argument[]): number {
  return args.flatMap(flat).filter((value) => !isBlank(value)).length;
}

/** COUNTBLANK — https://support.google.com/docs/answer/3093403 */
function countblank(range: Argument): number {
  return flat(range).filter(isBlank).length;
}

/** MAX and MIN over numbers; text and blanks in ranges are skipped, no numbers gives 0. */
function extreme(pick: (...values: number[]) => number) {
  return (...args: Argument[]): number => {
    const numbers = args.flatMap((argument) =>
      flat(argument).flatMap((value) => {
        if (typeof value === 'number') return [value];
        if (!Array.isArray(argument.value) && typeof value === 'boolean') return [Number(value)];
        return [];
      }),
    );
    return numbers.length === 0 ? 0 : pick(...numbers);
  };
}

/**
 * A text criterion as a whole-cell, case-insensitive pattern: ? is any one character, * any run
 * of characters, and ~ makes the next ? * or ~ literal. https://support.google.com/docs/answer/3093480
 */
function textPattern(operand: string): RegExp {
  let source = '';
  for (let index = 0; index < operand.length; index++) {
    const char = operand[index]!;
    const next = operand[index + 1];
    if (char === '~' && next !== undefined && '?*~'.includes(next)) {
      source += `\\${next}`;
      index++;
    } else if (char === '?') source += '[\\s\\S]';
    else if (char === '*') source += '[\\s\\S]*';
    else source += char.replace(/[.+^${}()|[\]\\?*]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/** A COUNTIF-style criterion ("<0.7", ">=0.4", "=Done", "Done", "Do*") as a test of one value. */
function criterion(argument: Argument): (value: unknown) => boolean {
  const raw = argument.value;
  if (typeof raw !== 'string') return (value) => value === raw;
  const match = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(raw)!;
  const operator = match[1] ?? '=';
  const operand = match[2]!;
  const number = operand.trim() !== '' && !Number.isNaN(Number(operand)) ? Number(operand) : null;
  const pattern = textPattern(operand);
  return (value) => {
    if (number !== null && typeof value === 'number') {
      return {
        '=': value === number,
        '<>': value !== number,
        '<': value < number,
        '>': value > number,
        '<=': value <= number,
        '>=': value >= number,
      }[operator]!;
    }
    if (
      number !== null ||
      operator === '<' ||
      operator === '>' ||
      operator === '<=' ||
      operator === '>='
    )
      return operator === '<>';
    const same =
      typeof value === 'string' || isBlank(value)
        ? pattern.test(String(value ?? ''))
        : String(value).toLowerCase() === operand.toLowerCase();
    return operator === '<>' ? !same : same;
  };
}

/** COUNTIF(range, criterion) — https://support.google.com/docs/answer/3093480 */
function countif(range: Argument, test: Argument): number {
  return countifs(range, test);
}

/**
 * AVERAGEIF(criteria_range, criterion, [average_range]): the mean of the numbers beside the cells
 * that meet the criterion; none is #DIV/0!. https://support.google.com/docs/answer/3256529
 * The parser hands AVERAGEIF its arguments unread (its own needs the references), so they are
 * read here as it reads every other function's.
 */
function averageif(parser: FormulaParser, ...references: unknown[]): number {
  const [range, test, averageRange] = references.map((reference): Argument =>
    reference === null || reference === undefined
      ? { value: '', omitted: true }
      : { value: parser.utils.extractRefValue(reference).val },
  ) as [Argument, Argument, Argument | undefined];
  const meets = criterion(test);
  const checked = flat(range);
  const averaged = averageRange && !averageRange.omitted ? flat(averageRange) : checked;
  const numbers = checked.flatMap((value, index) => {
    const number = averaged[index];
    return meets(value) && typeof number === 'number' ? [number] : [];
  });
  if (numbers.length === 0) throw FormulaError.DIV0;
  return numbers.reduce((sum, number) => sum + number, 0) / numbers.length;
}

/** COUNTIFS(range1, criterion1, …): rows where every criterion holds. https://support.google.com/docs/answer/3256550 */
function countifs(...args: Argument[]): number {
  if (args.length < 2 || args.length % 2 !== 0)
    throw new FormulaError('#N/A', 'COUNTIFS needs pairs of range and criterion.');
  const ranges: unknown[][] = [];
  const tests: ((value: unknown) => boolean)[] = [];
  for (let index = 0; index < args.length; index += 2) {
    ranges.push(flat(args[index]!));
    tests.push(criterion(args[index + 1]!));
  }
  const length = ranges[0]!.length;
  if (ranges.some((range) => range.length !== length))
    throw new FormulaError('#VALUE!', 'COUNTIFS ranges must all be the same size.');
  let count = 0;
  for (let row = 0; row < length; row++)
    if (tests.every((test, index) => test(ranges[index]![row]))) count++;
  return count;
}

export function extraFunctions(
  today: () => number,
  now: () => number,
): Record<string, (...args: never[]) => unknown> {
  return {
    [STACK_ROWS]: stackRows,
    [STACK_COLUMNS]: stackColumns,
    VSTACK: vstack,
    MATCH: match,
    COUNTA: counta,
    COUNTBLANK: countblank,
    COUNTIF: countif,
    COUNTIFS: countifs,
    AVERAGEIF: averageif,
    // https://support.google.com/docs/answer/3094013 and https://support.google.com/docs/answer/3094017
    MAX: extreme(Math.max),
    MIN: extreme(Math.min),
    // The emulator's clock, not the machine's, so moving the clock moves TODAY().
    TODAY: today,
    NOW: now,
  };
}
