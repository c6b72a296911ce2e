/**
 * The add-on's own sheets (Dashboard, Health, Calendar, the archives): marked with developer
 * metadata when the add-on creates them, so a user's sheet of the same name — even one with only
 * charts or colours and no values — is never taken for ours.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#adddevelopermetadatakey,-value
 */
import { OkrInputError } from '../core/errors';
import type { SheetCell } from '../workbook/sheetRows';
import type { WriteJournal } from './writeJournal';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What each own sheet is, as the value of its OWN_SHEET_KEY metadata. */
export type OwnSheetKind =
  | 'dashboard'
  | 'health'
  | 'calendar'
  | 'rollUp'
  | 'archive'
  | 'archivedObjectives'
  | 'archivedKeyResults';

export const OWN_SHEET_KEY = 'okrCadence.sheet';

export function isOwnSheet(sheet: Sheet, kind: OwnSheetKind): boolean {
  return sheet
    .getDeveloperMetadata()
    .some((entry) => entry.getKey() === OWN_SHEET_KEY && entry.getValue() === kind);
}

/** Whether the add-on made the sheet, whatever it is. */
export function isAnyOwnSheet(sheet: Sheet): boolean {
  return sheet.getDeveloperMetadata().some((entry) => entry.getKey() === OWN_SHEET_KEY);
}

function notOurs(name: string): OkrInputError {
  return new OkrInputError(
    `A sheet named "${name}" already exists and was not made by OKR Cadence. ` +
      `Rename that sheet (or delete it if it is an old copy), then try again; nothing has been changed.`,
  );
}

/** Marks a sheet as the add-on's, as one journal step. */
export function markOwnSheet(journal: WriteJournal, sheet: Sheet, kind: OwnSheetKind): void {
  journal.write(
    () => `mark ${sheet.getName()}`,
    () => sheet.addDeveloperMetadata(OWN_SHEET_KEY, kind),
    () => {
      const marks = sheet
        .getDeveloperMetadata()
        .filter((entry) => entry.getKey() === OWN_SHEET_KEY);
      marks[marks.length - 1]?.remove();
    },
  );
}

/**
 * The add-on's sheet of that name, or null when there is none. A sheet of that name without the
 * mark is refused, unless `adoptUnmarked` recognises it (sheets made before sheets were marked).
 */
export function findOwnSheet(
  name: string,
  kind: OwnSheetKind,
  adoptUnmarked?: (sheet: Sheet) => boolean,
): { sheet: Sheet; marked: boolean } | null {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) return null;
  if (isOwnSheet(sheet, kind)) return { sheet, marked: true };
  if (adoptUnmarked?.(sheet)) return { sheet, marked: false };
  throw notOurs(name);
}

/** Inserts a marked own sheet; the journal deletes it again on failure. */
export function insertOwnSheet(
  journal: WriteJournal,
  name: string,
  kind: OwnSheetKind,
  index?: number,
): Sheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = journal.write(
    () => `add the ${name} sheet`,
    () =>
      index === undefined ? spreadsheet.insertSheet(name) : spreadsheet.insertSheet(name, index),
    () => spreadsheet.deleteSheet(sheet),
  );
  markOwnSheet(journal, sheet, kind);
  return sheet;
}

/** A sheet name no sheet has yet: `base`, else `base 2`, `base 3`, … */
function freeName(base: string): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const taken = new Set(spreadsheet.getSheets().map((sheet) => sheet.getName()));
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
  return name;
}

/**
 * Rebuilds an own sheet without ever leaving it half-built: `build` fills a new marked sheet
 * beside the old one, then the new one takes the old one's name and place and the old one is
 * deleted, as the last step. Any failure before that leaves the old sheet as it was.
 */
export function rebuildOwnSheet(
  journal: WriteJournal,
  name: string,
  kind: OwnSheetKind,
  build: (sheet: Sheet) => void,
): Sheet {
  const old = findOwnSheet(name, kind)?.sheet ?? null;
  const buildingName = freeName(`${name} (building)`);
  const fresh = insertOwnSheet(journal, buildingName, kind, old ? old.getIndex() : undefined);
  build(fresh);
  if (old) {
    const oldName = freeName(`${name} (old)`);
    journal.write(
      () => `rename the old ${name} sheet`,
      () => old.setName(oldName),
      () => old.setName(name),
    );
  }
  journal.write(
    () => `name the new ${name} sheet`,
    () => fresh.setName(name),
    () => fresh.setName(buildingName),
  );
  fresh.activate();
  if (old) SpreadsheetApp.getActiveSpreadsheet().deleteSheet(old);
  return fresh;
}

/** Grows a sheet to at least `rows` rows, as one journal step. */
export function ensureRows(journal: WriteJournal, sheet: Sheet, rows: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows <= maxRows) return;
  journal.write(
    () => `grow ${sheet.getName()}`,
    () => sheet.insertRowsAfter(maxRows, rows - maxRows),
    () => sheet.deleteRows(maxRows + 1, rows - maxRows),
  );
}

/** Grows a sheet to at least `columns` columns, as one journal step. */
export function ensureColumns(journal: WriteJournal, sheet: Sheet, columns: number): void {
  const maxColumns = sheet.getMaxColumns();
  if (columns <= maxColumns) return;
  journal.write(
    () => `widen ${sheet.getName()}`,
    () => sheet.insertColumnsAfter(maxColumns, columns - maxColumns),
    () => sheet.deleteColumns(maxColumns + 1, columns - maxColumns),
  );
}

/** Pads rows to one width so a single setValues can write them. */
export function rectangle(rows: readonly SheetCell[][]): SheetCell[][] {
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  return rows.map((row) => [...row, ...new Array<SheetCell>(width - row.length).fill('')]);
}
