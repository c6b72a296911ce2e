/**
 * How one sheet of a user's OKR workbook is laid out: where its header row is, what each column
 * means, and what the sheet holds (objectives, key results, both, or an update log).
 */
import { headerKey } from '../headers';
import {
  mappedCount,
  overrideMapping,
  proposeMapping,
  type ImportField,
  type ImportMapping,
} from './importFields';
import { readPeriod, type Period } from './importValues';

/** One sheet as read for the import: every cell as getValues returns it. */
export interface SourceSheet {
  name: string;
  values: readonly (readonly unknown[])[];
}

/**
 * What a sheet holds: `okrs` objectives and key results together; `objectives` or `keyResults`
 * alone; `updates` a log of progress updates; `ignored` nothing the import can use.
 */
export type SheetRole = 'okrs' | 'objectives' | 'keyResults' | 'updates' | 'ignored';

export interface SheetLayout {
  sheet: string;
  /** 0-based index of the header row (title rows above it are skipped). */
  headerRow: number;
  header: string[];
  mapping: ImportMapping;
  role: SheetRole;
  /** The period the tab's name gives ("Q1 2026", "2026 OKRs"), for rows without their own. */
  period: Period | null;
}

export type MappingOverrides = Partial<Record<ImportField, number | null>>;

/** Rows searched for the header: a title or a note may sit above it. */
const HEADER_SEARCH_ROWS = 10;

function findHeaderRow(values: readonly (readonly unknown[])[]): number {
  for (let row = 0; row < Math.min(values.length, HEADER_SEARCH_ROWS); row++) {
    if (mappedCount(values[row] ?? []) >= 2) return row;
  }
  return 0;
}

const has = (mapping: ImportMapping, ...fields: ImportField[]): boolean =>
  fields.some((field) => mapping[field] !== undefined);

/** What a sheet holds, from the fields its columns map to. */
export function roleOf(mapping: ImportMapping): SheetRole {
  const names = has(mapping, 'keyResult', 'title');
  const measures = has(mapping, 'target', 'start', 'progress');
  if (has(mapping, 'level') && names) return 'okrs';
  if (has(mapping, 'objective') && has(mapping, 'keyResult')) return 'okrs';
  if (
    has(mapping, 'date', 'period') &&
    has(mapping, 'keyResult', 'id') &&
    !has(mapping, 'objective', 'objectiveId', 'target', 'start', 'title')
  )
    return 'updates';
  if (names && has(mapping, 'objectiveId')) return 'keyResults';
  if (has(mapping, 'objective') || (has(mapping, 'title') && !measures)) return 'objectives';
  if (has(mapping, 'keyResult') || (has(mapping, 'title') && measures)) return 'okrs';
  return 'ignored';
}

/** Reads a sheet's layout; `overrides` are the user's corrections to the proposed mapping. */
export function readLayout(sheet: SourceSheet, overrides: MappingOverrides = {}): SheetLayout {
  const headerRow = findHeaderRow(sheet.values);
  const header = (sheet.values[headerRow] ?? []).map((cell) =>
    typeof cell === 'string' ? cell.trim() : String(cell ?? ''),
  );
  const dataRows = sheet.values.slice(headerRow + 1);
  const proposed = proposeMapping(header, (index) => dataRows.map((row) => row[index]));
  const mapping = overrideMapping(proposed, overrides);
  return {
    sheet: sheet.name,
    headerRow,
    header,
    mapping,
    role: roleOf(mapping),
    period: readPeriod(sheet.name.replace(/\bokrs?\b/i, '').trim()),
  };
}

/** The level a combined sheet's Type column gives a row, or null when it names none. */
export function rowLevel(cell: unknown): 'objective' | 'keyResult' | null {
  const word = headerKey(cell);
  if (word === 'objective' || word === 'o' || word === 'goal') return 'objective';
  if (word === 'keyresult' || word === 'kr' || word === 'result') return 'keyResult';
  return null;
}
