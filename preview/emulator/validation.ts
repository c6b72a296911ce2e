/**
 * Checks a value a person types against a cell's data validation rule. Sheets rejects invalid
 * input from people when the rule does not allow invalid data (and only marks it otherwise);
 * scripts are never stopped, so the fakes record rules and the preview uses this for edits.
 * https://support.google.com/docs/answer/186103
 */
import type { CellValue } from './values.js';
import { isDateLike } from './values.js';
import type { ValidationRule, WorkbookModel } from './model.js';
import { isRangeArgument } from './rules.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why `value` breaks the rule, or null when it passes. Blank input always passes. */
export function validationProblem(
  rule: ValidationRule,
  value: CellValue,
  workbook: WorkbookModel,
): string | null {
  if (value === '') return null;
  const passes = satisfies(rule, value, workbook);
  if (passes) return null;
  return rule.helpText || defaultMessage(rule);
}

function satisfies(rule: ValidationRule, value: CellValue, workbook: WorkbookModel): boolean {
  const [first, second] = rule.args;
  const number = typeof value === 'number' ? value : NaN;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return (first as unknown[]).some((item) => sameText(item, value));
    case 'VALUE_IN_RANGE':
      return rangeValues(first, workbook).some((item) => sameText(item, value));
    case 'NUMBER_BETWEEN':
      return number >= Number(first) && number <= Number(second);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return number >= Number(first);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return number <= Number(first);
    case 'DATE_IS_VALID_DATE':
      return isDateLike(value);
    case 'DATE_ON_OR_AFTER':
      return isDateLike(value) && isDateLike(first) && value.getTime() >= first.getTime();
    case 'CHECKBOX':
      return first === undefined
        ? typeof value === 'boolean'
        : sameText(first, value) || sameText(second, value);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && EMAIL.test(value.trim());
    default:
      // Custom formulas and criteria the add-on does not use are not checked.
      return true;
  }
}

function sameText(a: unknown, b: CellValue): boolean {
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

function rangeValues(argument: unknown, workbook: WorkbookModel): CellValue[] {
  if (!isRangeArgument(argument)) return [];
  const { sheetId, row, column, numRows, numColumns } = argument.range;
  const sheet = workbook.sheetById(sheetId);
  if (!sheet) return [];
  const values: CellValue[] = [];
  const lastRow = Math.min(row + numRows - 1, sheet.rows.length);
  for (let r = row; r <= lastRow; r++) {
    for (let c = column; c < column + numColumns; c++) values.push(workbook.readValue(sheet, r, c));
  }
  return values;
}

function defaultMessage(rule: ValidationRule): string {
  const [first, second] = rule.args;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return `Enter one of: ${(first as unknown[]).join(', ')}.`;
    case 'VALUE_IN_RANGE':
      return 'Enter a value from the list.';
    case 'NUMBER_BETWEEN':
      return `Enter a number between ${String(first)} and ${String(second)}.`;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return `Enter a number of at least ${String(first)}.`;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return `Enter a number of at most ${String(first)}.`;
    case 'DATE_IS_VALID_DATE':
    case 'DATE_ON_OR_AFTER':
      return 'Enter a valid date.';
    case 'CHECKBOX':
      return 'Tick or untick the checkbox.';
    case 'TEXT_IS_VALID_EMAIL':
      return 'Enter a valid email address.';
    default:
      return 'The value breaks the validation rule of this cell.';
  }
}
