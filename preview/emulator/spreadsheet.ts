/**
 * Spreadsheet, NamedRange and SpreadsheetApp.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
 */
import { parseA1, resolveA1 } from './a1.js';
import { countCalls } from './calls.js';
import {
  BOOLEAN_CRITERIA,
  CHART_TYPES,
  DATA_VALIDATION_CRITERIA,
  PROTECTION_TYPES,
  COPY_PASTE_TYPES,
  realEnum,
} from './enums.js';
import { spreadsheetIdFromUrl } from './drive.js';
import type { EmulatorEnv } from './env.js';
import { own, type Returning } from './fakes.js';
import type { WorkbookModel } from './model.js';
import { FakeRange } from './range.js';
import { FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder } from './rules.js';
import { FakeSheet } from './sheet.js';
import { FakeUi, type UiRecord } from './ui.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export class FakeSpreadsheet
  implements
    Pick<
      Spreadsheet,
      | 'getId'
      | 'getUrl'
      | 'getName'
      | 'getSpreadsheetTimeZone'
      | 'setSpreadsheetTimeZone'
      | 'deleteSheet'
      | 'toast'
      | 'setNamedRange'
      | 'removeNamedRange'
    >,
    Returning<Spreadsheet, 'getSheets', FakeSheet[]>,
    Returning<Spreadsheet, 'getSheetByName', FakeSheet | null>,
    Returning<Spreadsheet, 'insertSheet' | 'setActiveSheet' | 'getActiveSheet', FakeSheet>,
    Returning<Spreadsheet, 'getRange', FakeRange>,
    Returning<Spreadsheet, 'getRangeByName', FakeRange | null>,
    Returning<Spreadsheet, 'getNamedRanges', FakeNamedRange[]>,
    Returning<Spreadsheet, 'rename', void>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
  ) {}

  getId(): string {
    return this.book.id;
  }

  getUrl(): string {
    return this.book.url;
  }

  getName(): string {
    return this.book.name;
  }

  rename(newName: string): void {
    this.book.name = newName;
  }

  /** The spreadsheet's own zone, apart from the script's (Session.getScriptTimeZone()).
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getspreadsheettimezone */
  getSpreadsheetTimeZone(): string {
    return this.book.timeZone;
  }

  /** Date cells keep their calendar day and time: Sheets stores them as serial numbers, so the
   * instants scripts read move with the zone. https://support.google.com/docs/answer/58515 */
  setSpreadsheetTimeZone(timezone: string): void {
    this.book.changeTimeZone(timezone);
  }

  getSheets(): FakeSheet[] {
    return this.env.realm.list(
      this.book.sheets.map((sheet) => new FakeSheet(this.env, this.book, sheet)),
    );
  }

  /** null when there is no sheet of that name (exact, case-sensitive match).
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getsheetbynamename */
  getSheetByName(name: string): FakeSheet | null {
    const sheet = this.book.sheetByName(name);
    return sheet ? new FakeSheet(this.env, this.book, sheet) : null;
  }

  /**
   * insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index): the new sheet
   * becomes the active one; a taken name throws.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheetsheetname,-sheetindex
   */
  insertSheet(nameOrIndex?: string | number | object, index?: number | object): FakeSheet {
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : this.freeSheetName();
    const position =
      typeof nameOrIndex === 'number'
        ? nameOrIndex
        : typeof index === 'number'
          ? index
          : this.book.sheets.length;
    if (this.book.sheetByName(name)) {
      this.env.fail(
        `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    const sheet = this.book.addSheet(name, Math.min(position, this.book.sheets.length));
    this.book.activeSheetId = sheet.id;
    return new FakeSheet(this.env, this.book, sheet);
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deletesheetsheet */
  deleteSheet(sheet: Sheet | FakeSheet): void {
    const target = own(this.env, sheet, FakeSheet, 'Sheet').sheet;
    if (this.book.sheets.length === 1)
      this.env.fail("Exception: You can't remove all the sheets in a document.");
    this.book.removeSheet(target);
  }

  setActiveSheet(sheet: Sheet | FakeSheet): FakeSheet {
    const target = own(this.env, sheet, FakeSheet, 'Sheet');
    this.book.activeSheetId = target.sheet.id;
    return target;
  }

  getActiveSheet(): FakeSheet {
    const sheet = this.book.sheetById(this.book.activeSheetId) ?? this.book.sheets[0]!;
    return new FakeSheet(this.env, this.book, sheet);
  }

  /** `Sheet!A1:B2`, or A1 notation on the active sheet. */
  getRange(a1Notation: string): FakeRange {
    let reference;
    try {
      reference = parseA1(a1Notation);
    } catch (error) {
      return this.env.fail(`Exception: ${(error as Error).message}`);
    }
    const sheet =
      reference.sheetName === null
        ? this.getActiveSheet().sheet
        : this.book.sheetByName(reference.sheetName);
    if (!sheet)
      return this.env.fail(
        `Exception: Range not found: there is no sheet named "${reference.sheetName}" in ${a1Notation}.`,
      );
    return new FakeRange(
      this.env,
      this.book,
      sheet,
      resolveA1(reference, sheet.maxRows, sheet.maxColumns),
    );
  }

  /** null when no range has that name.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getrangebynamename */
  getRangeByName(name: string): FakeRange | null {
    const range = this.book.namedRanges.get(name);
    const sheet = range && this.book.sheetById(range.sheetId);
    return range && sheet ? new FakeRange(this.env, this.book, sheet, { ...range }) : null;
  }

  getNamedRanges(): FakeNamedRange[] {
    return this.env.realm.list(
      [...this.book.namedRanges.keys()].map(
        (name) => new FakeNamedRange(this.env, this.book, name),
      ),
    );
  }

  /** Names must start with a letter or _, hold only letters, digits and _, and not look like A1.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setnamedrangename,-range */
  setNamedRange(name: string, range: Range | FakeRange): void {
    const target = own(this.env, range, FakeRange, 'Range');
    if (
      !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^(true|false)$/i.test(name)
    ) {
      this.env.fail(
        `Exception: Named range name "${name}" is not valid: use letters, digits and _, starting with a letter, and not a cell reference.`,
      );
    }
    this.book.namedRanges.set(name, { sheetId: target.sheet.id, ...target.grid });
    this.book.touch();
  }

  removeNamedRange(name: string): void {
    if (!this.book.namedRanges.delete(name))
      this.env.fail(`Exception: Named range ${name} does not exist.`);
    this.book.touch();
  }

  /** Recorded with the emulated time; the preview shows it.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toastmsg,-title,-timeoutseconds */
  toast(msg: string, title = '', timeoutSeconds: number | null = 5): void {
    this.book.toasts.push({
      message: String(msg),
      title: String(title),
      timeoutSeconds,
      at: this.env.clock.now(),
    });
  }

  private freeSheetName(): string {
    for (let n = this.book.sheets.length + 1; ; n++)
      if (!this.book.sheetByName(`Sheet${n}`)) return `Sheet${n}`;
  }
}
countCalls(FakeSpreadsheet, 'Spreadsheet');

export class FakeNamedRange
  implements Pick<NamedRange, 'getName' | 'remove'>, Returning<NamedRange, 'getRange', FakeRange>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
    private readonly name: string,
  ) {}

  getName(): string {
    return this.name;
  }

  getRange(): FakeRange {
    const range = this.book.namedRanges.get(this.name);
    const sheet = range && this.book.sheetById(range.sheetId);
    if (!range || !sheet) return this.env.fail(`Exception: Named range ${this.name} was removed.`);
    return new FakeRange(this.env, this.book, sheet, { ...range });
  }

  remove(): void {
    this.book.namedRanges.delete(this.name);
    this.book.touch();
  }
}
countCalls(FakeNamedRange, 'NamedRange');

/** The spreadsheets the emulator knows: the one the script is bound to, and others by id. */
export interface SpreadsheetRegistry {
  active(): WorkbookModel;
  /** The spreadsheet if the user running the script may open it. */
  byId(id: string): WorkbookModel | undefined;
}

export class FakeSpreadsheetApp
  implements
    Pick<SpreadsheetApp, 'flush' | 'setActiveSpreadsheet'>,
    Returning<
      SpreadsheetApp,
      'getActive' | 'getActiveSpreadsheet' | 'openById' | 'openByUrl',
      FakeSpreadsheet
    >,
    Returning<SpreadsheetApp, 'getActiveSheet', FakeSheet>,
    Returning<SpreadsheetApp, 'getUi', FakeUi>,
    Returning<SpreadsheetApp, 'newDataValidation', FakeDataValidationBuilder>,
    Returning<SpreadsheetApp, 'newConditionalFormatRule', FakeConditionalFormatRuleBuilder>
{
  readonly DataValidationCriteria =
    realEnum<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>(DATA_VALIDATION_CRITERIA);
  readonly BooleanCriteria =
    realEnum<typeof GoogleAppsScript.Spreadsheet.BooleanCriteria>(BOOLEAN_CRITERIA);
  readonly ProtectionType =
    realEnum<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(PROTECTION_TYPES);
  readonly CopyPasteType =
    realEnum<typeof GoogleAppsScript.Spreadsheet.CopyPasteType>(COPY_PASTE_TYPES);
  /** Kept for convenience; Apps Script code uses Charts.ChartType (see index.ts globals). */
  readonly ChartType = realEnum<typeof GoogleAppsScript.Charts.ChartType>(CHART_TYPES);
  /** https://developers.google.com/apps-script/reference/spreadsheet/direction */
  readonly Direction = realEnum<typeof GoogleAppsScript.Spreadsheet.Direction>([
    'UP',
    'DOWN',
    'PREVIOUS',
    'NEXT',
  ]);

  constructor(
    readonly env: EmulatorEnv,
    readonly registry: SpreadsheetRegistry,
    readonly ui: UiRecord,
  ) {}

  /** Writes are applied at once in the emulator, so there is nothing to flush.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush */
  flush(): void {}

  /** null when there is no active spreadsheet (a trigger run with `activeSpreadsheetInTriggers` off).
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getactive */
  getActive(): FakeSpreadsheet {
    return this.active();
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.active();
  }

  getActiveSheet(): FakeSheet {
    return new FakeSpreadsheet(this.env, this.registry.active()).getActiveSheet();
  }

  private active(): FakeSpreadsheet {
    // The real signature says Spreadsheet, yet Apps Script returns null without an active document.
    if (this.env.noActiveSpreadsheet) return null as unknown as FakeSpreadsheet;
    return new FakeSpreadsheet(this.env, this.registry.active());
  }

  /**
   * Opens a spreadsheet the user running the script may open. A missing, deleted or unshared file
   * and one that is not a spreadsheet all throw the same message, as Apps Script does.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openbyidid
   */
  openById(id: string): FakeSpreadsheet {
    const book = this.registry.byId(String(id));
    if (!book)
      return this.env.fail(
        `Exception: Document ${String(id)} is missing (perhaps it was deleted, or you don't have read access?)`,
      );
    return new FakeSpreadsheet(this.env, book);
  }

  /**
   * openById with the id read from a Sheets URL; text that is no such URL is an invalid argument.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openbyurlurl
   */
  openByUrl(url: string): FakeSpreadsheet {
    const id = spreadsheetIdFromUrl(String(url));
    if (id === null) return this.env.fail('Exception: Invalid argument: url');
    return this.openById(id);
  }

  /** The emulator holds one spreadsheet, so this only checks the argument is it.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#setactivespreadsheetnewactivespreadsheet */
  setActiveSpreadsheet(newActiveSpreadsheet: Spreadsheet | FakeSpreadsheet): void {
    const book = own(this.env, newActiveSpreadsheet, FakeSpreadsheet, 'Spreadsheet').book;
    if (!this.registry.byId(book.id))
      this.env.fail(`Exception: Spreadsheet ${book.id} is not open in the emulator.`);
  }

  /** Triggers run with no editor open, so there is no Ui to get.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getui */
  getUi(): FakeUi {
    if (this.env.inTrigger)
      this.env.fail('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
    return new FakeUi(this.env, this.ui);
  }

  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.env, this.registry.active());
  }

  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.env, this.registry.active());
  }
}
countCalls(FakeSpreadsheetApp, 'SpreadsheetApp');
