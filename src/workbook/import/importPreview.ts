/**
 * The Import OKRs dialog's data, both ways: the payload it sends is checked field by field, and
 * the plan comes back as a bounded, JSON-safe preview of what will be written.
 */
import { OkrInputError } from '../../core/errors';
import type { ImportCell, ImportPayload, ImportPreview } from '../../shared/import';
import { formatIsoDate } from '../cells';
import { describeProblem } from '../problems';
import { CHECK_INS, KEY_RESULTS, OBJECTIVES, type TableDef } from '../schema';
import { IMPORT_FIELDS, type ImportField } from './importFields';
import type { ImportPlan, ImportRecord } from './importPlan';

/** What each field is called in the dialog. */
export const FIELD_LABELS: Record<ImportField, string> = {
  objective: 'Objective',
  keyResult: 'Key result',
  title: 'Title (objective or key result)',
  level: 'Row kind (Objective / Key Result)',
  keyResultType: 'Key result type',
  id: 'ID',
  objectiveId: 'Objective ID',
  parent: 'Parent / aligned to',
  owner: 'Owner',
  team: 'Team',
  period: 'Period',
  start: 'Start value',
  target: 'Target value',
  current: 'Current value',
  progress: 'Progress / score',
  unit: 'Unit',
  startDate: 'Start date',
  dueDate: 'Due date',
  weight: 'Weight',
  confidence: 'Confidence',
  status: 'Status',
  notes: 'Notes / comment',
  date: 'Date of update',
};

const MAX_SHEETS = 50;
const MAX_OWNERS = 500;
const MAX_TEXT = 500;
/** Rows per table the preview shows; the rest are counted. */
export const PREVIEW_ROWS = 25;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the dialog's payload against the workbook's sheet names; throws a message for people. */
export function readImportPayload(payload: unknown, sheetNames: readonly string[]): ImportPayload {
  const fail = (message: string): never => {
    throw new OkrInputError(`${message} Close the dialog and open Import OKRs… again.`);
  };
  if (!isRecord(payload)) return fail('The import request is empty or malformed.');
  const { sheets, overrides, ownerEmails, cycle } = payload;
  if (!Array.isArray(sheets) || sheets.length === 0 || sheets.length > MAX_SHEETS)
    return fail('Choose at least one sheet to import from.');
  for (const sheet of sheets) {
    if (typeof sheet !== 'string' || !sheetNames.includes(sheet))
      return fail(
        `The sheet "${String(sheet).slice(0, 100)}" is not in this spreadsheet any more.`,
      );
  }
  const cleanOverrides: ImportPayload['overrides'] = {};
  if (!isRecord(overrides)) return fail('The column mapping is missing from the request.');
  for (const [sheet, fields] of Object.entries(overrides)) {
    if (!sheets.includes(sheet) || !isRecord(fields))
      return fail(`The mapping for "${sheet.slice(0, 100)}" is malformed.`);
    cleanOverrides[sheet] = {};
    for (const [field, column] of Object.entries(fields)) {
      const valid =
        column === null ||
        (Number.isInteger(column) && (column as number) >= 0 && (column as number) < 18278);
      if (!(IMPORT_FIELDS as readonly string[]).includes(field) || !valid)
        return fail(
          `The mapping of "${field.slice(0, 50)}" on "${sheet.slice(0, 100)}" is not a column.`,
        );
      cleanOverrides[sheet]![field] = column as number | null;
    }
  }
  if (!isRecord(ownerEmails) || Object.keys(ownerEmails).length > MAX_OWNERS)
    return fail('The owner emails are missing from the request.');
  const cleanOwners: ImportPayload['ownerEmails'] = {};
  for (const [owner, email] of Object.entries(ownerEmails)) {
    if (typeof email !== 'string' || email.length > MAX_TEXT || owner.length > MAX_TEXT)
      return fail(`The email for owner "${owner.slice(0, 100)}" is not text.`);
    const trimmed = email.trim();
    if (trimmed !== '' && !/^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/.test(trimmed))
      throw new OkrInputError(
        `"${trimmed.slice(0, 100)}" (for owner "${owner.slice(0, 100)}") is not an email address. Type one such as ana@example.com, or leave it blank.`,
      );
    if (trimmed !== '') cleanOwners[owner] = trimmed;
  }
  if (cycle !== null && (typeof cycle !== 'string' || cycle.length > MAX_TEXT))
    return fail('The chosen cycle is not text.');
  return {
    sheets: [...(sheets as string[])],
    overrides: cleanOverrides,
    ownerEmails: cleanOwners,
    cycle: cycle as string | null,
  };
}

function previewCell(value: unknown): ImportCell {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]')
    return formatIsoDate(value as Date);
  if (value === undefined || value === '') return null;
  return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
}

function previewTable(
  table: TableDef,
  records: readonly ImportRecord[],
): ImportPreview['tables'][number] {
  const columns = table.columns.filter(
    (column) =>
      !column.computed &&
      records.some((record) => record[column.key] !== undefined && record[column.key] !== ''),
  );
  return {
    name: table.sheetName,
    rows: [
      columns.map((column) => column.header),
      ...records
        .slice(0, PREVIEW_ROWS)
        .map((record) => columns.map((column) => previewCell(record[column.key]))),
    ],
    more: Math.max(0, records.length - PREVIEW_ROWS),
  };
}

/** The preview of a plan: bounded by what the dialog shows, whatever the size of the sheets. */
export function importPreview(
  plan: ImportPlan,
  renames: readonly { from: string; to: string }[],
): ImportPreview {
  return {
    layouts: plan.layouts.map((layout) => ({
      sheet: layout.sheet,
      role: layout.role,
      header: layout.header.slice(0, 200),
      mapping: { ...layout.mapping } as Record<string, number>,
    })),
    cycles: plan.cycles,
    cycle: plan.cycle,
    counts: {
      objectives: plan.objectives.length,
      keyResults: plan.keyResults.length,
      checkIns: plan.checkIns.length,
      archivedObjectives: plan.archived.objectives,
      archivedKeyResults: plan.archived.keyResults,
    },
    tables: [
      previewTable(OBJECTIVES, plan.objectives),
      previewTable(KEY_RESULTS, plan.keyResults),
      previewTable(CHECK_INS, plan.checkIns),
    ],
    owners: plan.owners
      .slice(0, MAX_OWNERS)
      .map(({ owner, email, rows }) => ({ owner, email, rows })),
    problems: plan.problems.slice(0, 100).map(describeProblem),
    renames: [...renames],
  };
}
