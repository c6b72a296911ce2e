/**
 * Protection: recorded only; the emulator does not stop anyone editing.
 * https://developers.google.com/apps-script/reference/spreadsheet/protection
 */
import { countCalls } from './calls.js';
import type { EmulatorEnv } from './env.js';
import type { Returning } from './fakes.js';
import type { ProtectionData, SheetModel, WorkbookModel } from './model.js';
import { FakeRange } from './range.js';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

export class FakeProtection
  implements
    Pick<Protection, 'getDescription' | 'isWarningOnly' | 'remove' | 'getProtectionType'>,
    Returning<Protection, 'setDescription' | 'setWarningOnly', FakeProtection>,
    Returning<Protection, 'getRange', FakeRange>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
    readonly sheet: SheetModel,
    readonly protection: ProtectionData,
  ) {}

  getDescription(): string {
    return this.protection.description;
  }

  setDescription(description: string): FakeProtection {
    this.protection.description = description;
    return this;
  }

  isWarningOnly(): boolean {
    return this.protection.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.protection.warningOnly = warningOnly;
    return this;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return (this.protection.range
      ? 'RANGE'
      : 'SHEET') as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  /** A sheet protection covers the whole grid. */
  getRange(): FakeRange {
    const grid = this.protection.range ?? {
      row: 1,
      column: 1,
      numRows: this.sheet.maxRows,
      numColumns: this.sheet.maxColumns,
    };
    return new FakeRange(this.env, this.book, this.sheet, grid);
  }

  remove(): void {
    this.sheet.protections = this.sheet.protections.filter((p) => p.id !== this.protection.id);
  }
}
countCalls(FakeProtection, 'Protection');
