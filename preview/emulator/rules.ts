/**
 * Data validation and conditional format rules and their builders. Rules are recorded as data
 * (model.ts ValidationRule / ConditionalRule); the emulator does not enforce them on script
 * writes, as Sheets does not.
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 * https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 */
import { countCalls } from './calls.js';
import type { EmulatorEnv } from './env.js';
import { own, type Returning } from './fakes.js';
import type { ConditionalRule, SheetRange, ValidationRule, WorkbookModel } from './model.js';
import { FakeRange } from './range.js';
import { isDateLike } from './values.js';

type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type ConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A range argument kept in a rule, by sheet id so the rule survives serialisation. */
export interface RangeArgument {
  range: SheetRange;
}

export function isRangeArgument(value: unknown): value is RangeArgument {
  return typeof value === 'object' && value !== null && 'range' in value && !isDateLike(value);
}

function rangeOf(env: EmulatorEnv, value: unknown): FakeRange {
  return own(env, value, FakeRange, 'Range');
}

function toSheetRange(range: FakeRange): SheetRange {
  return { sheetId: range.sheet.id, ...range.grid };
}

/** Rule arguments as a script sees them: ranges become Range objects, dates realm Dates. */
function scriptArgs(env: EmulatorEnv, book: WorkbookModel, args: unknown[]): unknown[] {
  return env.realm.list(
    args.map((arg) => {
      if (isDateLike(arg)) return env.realm.date(arg.getTime());
      if (isRangeArgument(arg)) {
        const sheet = book.sheetById(arg.range.sheetId);
        return sheet ? new FakeRange(env, book, sheet, arg.range) : null;
      }
      return arg;
    }),
  );
}

export class FakeDataValidation
  implements
    Pick<
      DataValidation,
      'getAllowInvalid' | 'getCriteriaValues' | 'getHelpText' | 'getCriteriaType'
    >,
    Returning<DataValidation, 'copy', FakeDataValidationBuilder>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
    readonly rule: ValidationRule,
  ) {}

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.rule.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  getCriteriaValues(): unknown[] {
    return scriptArgs(this.env, this.book, this.rule.args);
  }

  getHelpText(): string {
    return this.rule.helpText ?? '';
  }

  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.env, this.book, {
      ...this.rule,
      args: [...this.rule.args],
    });
  }
}
countCalls(FakeDataValidation, 'DataValidation');

export class FakeDataValidationBuilder
  implements
    Pick<
      DataValidationBuilder,
      'getAllowInvalid' | 'getCriteriaValues' | 'getHelpText' | 'getCriteriaType'
    >,
    Returning<
      DataValidationBuilder,
      | 'requireValueInList'
      | 'requireValueInRange'
      | 'requireNumberBetween'
      | 'requireNumberGreaterThanOrEqualTo'
      | 'requireNumberLessThanOrEqualTo'
      | 'requireDate'
      | 'requireDateOnOrAfter'
      | 'requireCheckbox'
      | 'requireTextIsEmail'
      | 'requireFormulaSatisfied'
      | 'setAllowInvalid'
      | 'setHelpText'
      | 'copy',
      FakeDataValidationBuilder
    >,
    Returning<DataValidationBuilder, 'build', FakeDataValidation>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
    private rule: ValidationRule = { criteria: '', args: [], allowInvalid: true, helpText: null },
  ) {}

  requireValueInList(values: string[], showDropdown = true): FakeDataValidationBuilder {
    return this.criteria('VALUE_IN_LIST', [[...values], showDropdown]);
  }

  requireValueInRange(range: Range | FakeRange, showDropdown = true): FakeDataValidationBuilder {
    const argument: RangeArgument = { range: toSheetRange(rangeOf(this.env, range)) };
    return this.criteria('VALUE_IN_RANGE', [argument, showDropdown]);
  }

  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    return this.criteria('NUMBER_BETWEEN', [start, end]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): FakeDataValidationBuilder {
    return this.criteria('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): FakeDataValidationBuilder {
    return this.criteria('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  requireDate(): FakeDataValidationBuilder {
    return this.criteria('DATE_IS_VALID_DATE', []);
  }

  requireDateOnOrAfter(date: GoogleAppsScript.Base.Date): FakeDataValidationBuilder {
    return this.criteria('DATE_ON_OR_AFTER', [new Date((date as Date).getTime())]);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): FakeDataValidationBuilder {
    const args =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this.criteria('CHECKBOX', args);
  }

  requireTextIsEmail(): FakeDataValidationBuilder {
    return this.criteria('TEXT_IS_VALID_EMAIL', []);
  }

  requireFormulaSatisfied(formula: string): FakeDataValidationBuilder {
    return this.criteria('CUSTOM_FORMULA', [formula]);
  }

  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this.rule = { ...this.rule, allowInvalid: allowInvalidData };
    return this;
  }

  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.rule = { ...this.rule, helpText };
    return this;
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.rule.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  getCriteriaValues(): unknown[] {
    return scriptArgs(this.env, this.book, this.rule.args);
  }

  getHelpText(): string | null {
    return this.rule.helpText;
  }

  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.env, this.book, { ...this.rule });
  }

  /** A rule needs a criterion, as in Apps Script. */
  build(): FakeDataValidation {
    if (this.rule.criteria === '')
      this.env.fail('Exception: You must specify a criteria type for a data validation rule.');
    return new FakeDataValidation(this.env, this.book, { ...this.rule, args: [...this.rule.args] });
  }

  private criteria(criteria: string, args: unknown[]): FakeDataValidationBuilder {
    this.rule = { ...this.rule, criteria, args };
    return this;
  }
}
countCalls(FakeDataValidationBuilder, 'DataValidationBuilder');

export class FakeBooleanCondition implements Pick<
  GoogleAppsScript.Spreadsheet.BooleanCondition,
  'getBackground' | 'getFontColor' | 'getCriteriaType' | 'getCriteriaValues'
> {
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
    readonly rule: ConditionalRule,
  ) {}

  getBackground(): string | null {
    return this.rule.background;
  }

  getFontColor(): string | null {
    return this.rule.fontColor;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return this.rule.condition as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }

  getCriteriaValues(): unknown[] {
    return scriptArgs(this.env, this.book, this.rule.values);
  }
}
countCalls(FakeBooleanCondition, 'BooleanCondition');

export class FakeConditionalFormatRule
  implements
    Returning<ConditionalFormatRule, 'copy', FakeConditionalFormatRuleBuilder>,
    Returning<ConditionalFormatRule, 'getRanges', FakeRange[]>,
    Returning<ConditionalFormatRule, 'getBooleanCondition', FakeBooleanCondition | null>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
    readonly rule: ConditionalRule,
  ) {}

  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.env, this.book, cloneRule(this.rule));
  }

  getRanges(): FakeRange[] {
    return rangesOf(this.env, this.book, this.rule.ranges);
  }

  getBooleanCondition(): FakeBooleanCondition | null {
    return new FakeBooleanCondition(this.env, this.book, this.rule);
  }
}
countCalls(FakeConditionalFormatRule, 'ConditionalFormatRule');

export class FakeConditionalFormatRuleBuilder
  implements
    Returning<
      ConditionalFormatRuleBuilder,
      | 'whenNumberGreaterThanOrEqualTo'
      | 'whenNumberGreaterThan'
      | 'whenNumberBetween'
      | 'whenNumberLessThan'
      | 'whenTextEqualTo'
      | 'whenFormulaSatisfied'
      | 'whenCellEmpty'
      | 'whenCellNotEmpty'
      | 'setBackground'
      | 'setFontColor'
      | 'setRanges'
      | 'copy',
      FakeConditionalFormatRuleBuilder
    >,
    Returning<ConditionalFormatRuleBuilder, 'build', FakeConditionalFormatRule>,
    Returning<ConditionalFormatRuleBuilder, 'getRanges', FakeRange[]>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
    private rule: ConditionalRule = {
      condition: '',
      values: [],
      background: null,
      fontColor: null,
      ranges: [],
    },
  ) {}

  whenNumberGreaterThanOrEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  whenNumberGreaterThan(number: number): FakeConditionalFormatRuleBuilder {
    return this.when('NUMBER_GREATER_THAN', [number]);
  }

  whenNumberBetween(start: number, end: number): FakeConditionalFormatRuleBuilder {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }

  whenNumberLessThan(number: number): FakeConditionalFormatRuleBuilder {
    return this.when('NUMBER_LESS_THAN', [number]);
  }

  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    return this.when('TEXT_EQUAL_TO', [text]);
  }

  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    return this.when('CUSTOM_FORMULA', [formula]);
  }

  whenCellEmpty(): FakeConditionalFormatRuleBuilder {
    return this.when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): FakeConditionalFormatRuleBuilder {
    return this.when('CELL_NOT_EMPTY', []);
  }

  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this.rule = { ...this.rule, background: color };
    return this;
  }

  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this.rule = { ...this.rule, fontColor: color };
    return this;
  }

  setRanges(ranges: (Range | FakeRange)[]): FakeConditionalFormatRuleBuilder {
    this.rule = {
      ...this.rule,
      ranges: ranges.map((range) => toSheetRange(rangeOf(this.env, range))),
    };
    return this;
  }

  getRanges(): FakeRange[] {
    return rangesOf(this.env, this.book, this.rule.ranges);
  }

  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.env, this.book, cloneRule(this.rule));
  }

  build(): FakeConditionalFormatRule {
    if (this.rule.condition === '')
      this.env.fail('Exception: Conditional format rule must have a condition.');
    return new FakeConditionalFormatRule(this.env, this.book, cloneRule(this.rule));
  }

  private when(condition: string, values: unknown[]): FakeConditionalFormatRuleBuilder {
    this.rule = { ...this.rule, condition, values };
    return this;
  }
}
countCalls(FakeConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder');

function cloneRule(rule: ConditionalRule): ConditionalRule {
  return { ...rule, values: [...rule.values], ranges: rule.ranges.map((range) => ({ ...range })) };
}

function rangesOf(env: EmulatorEnv, book: WorkbookModel, ranges: SheetRange[]): FakeRange[] {
  return env.realm.list(
    ranges.flatMap((range) => {
      const sheet = book.sheetById(range.sheetId);
      return sheet ? [new FakeRange(env, book, sheet, range)] : [];
    }),
  );
}
