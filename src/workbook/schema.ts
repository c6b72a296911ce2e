/**
 * The workbook schema of SPEC §2: which sheets hold which tables and which columns they have.
 * Tables are found by sheet name and header text, so users may reorder columns and add their own;
 * `key` is the property name the parsed row uses (see src/core/types.ts).
 */

/** How a cell in the column is read and validated. */
export type ColumnKind =
  'text' | 'id' | 'number' | 'percent' | 'date' | 'boolean' | 'email' | 'measured';

export interface ColumnDef {
  key: string;
  header: string;
  kind: ColumnKind;
  required?: boolean;
  /** Filled by the add-on with one spilling formula in the header cell; never typed by users. */
  computed?: boolean;
}

export type TableKey =
  | 'objectives'
  | 'keyResults'
  | 'checkIns'
  | 'milestones'
  | 'initiatives'
  | 'kpis'
  | 'settings'
  | 'reminderLog'
  | 'teams';

export interface TableDef {
  key: TableKey;
  sheetName: string;
  namedRange: string;
  columns: readonly ColumnDef[];
}

const column = (key: string, header: string, kind: ColumnKind, required = false): ColumnDef => ({
  key,
  header,
  kind,
  required,
});

export const OBJECTIVES: TableDef = {
  key: 'objectives',
  sheetName: 'Objectives',
  namedRange: 'OKR_OBJECTIVES',
  columns: [
    column('id', 'ID', 'id', true),
    column('title', 'Objective', 'text', true),
    column('owner', 'Owner', 'text'),
    column('team', 'Team', 'text'),
    column('cycle', 'Cycle', 'text'),
    column('parentId', 'Parent', 'id'),
    column('kind', 'Kind', 'text'),
    column('priority', 'Priority', 'text'),
    column('notes', 'Notes', 'text'),
    { key: 'score', header: 'Score', kind: 'number', computed: true },
    { key: 'planned', header: 'Planned', kind: 'number', computed: true },
    { key: 'status', header: 'Status', kind: 'text', computed: true },
  ],
};

export const KEY_RESULTS: TableDef = {
  key: 'keyResults',
  sheetName: 'Key Results',
  namedRange: 'OKR_KEY_RESULTS',
  columns: [
    column('id', 'ID', 'id', true),
    column('objectiveId', 'Objective ID', 'id', true),
    column('title', 'Key Result', 'text', true),
    column('owner', 'Owner', 'email'),
    column('type', 'Type', 'text'),
    column('unit', 'Unit', 'text'),
    column('start', 'Start', 'number'),
    column('target', 'Target', 'number'),
    column('current', 'Current', 'measured'),
    column('startDate', 'Start Date', 'date'),
    column('dueDate', 'Due Date', 'date'),
    column('weight', 'Weight', 'number'),
    column('confidence', 'Confidence', 'number'),
    column('keyResultClass', 'Class', 'text'),
    column('category', 'Category', 'text'),
    column('impact', 'Impact', 'text'),
    column('effort', 'Effort', 'text'),
    column('lastCheckIn', 'Last Check-in', 'date'),
    { key: 'progress', header: 'Progress', kind: 'percent', computed: true },
    { key: 'planned', header: 'Planned', kind: 'percent', computed: true },
    { key: 'forecast', header: 'Forecast', kind: 'percent', computed: true },
    { key: 'status', header: 'Status', kind: 'text', computed: true },
  ],
};

export const CHECK_INS: TableDef = {
  key: 'checkIns',
  sheetName: 'Check-ins',
  namedRange: 'OKR_CHECKINS',
  columns: [
    column('timestamp', 'Timestamp', 'date', true),
    column('keyResultId', 'Key Result ID', 'id', true),
    column('value', 'Value', 'measured', true),
    column('confidence', 'Confidence', 'number'),
    column('progress', 'Progress', 'text'),
    column('plans', 'Plans', 'text'),
    column('problems', 'Problems', 'text'),
    column('learnings', 'Learnings', 'text'),
    column('author', 'Author', 'text'),
  ],
};

export const MILESTONES: TableDef = {
  key: 'milestones',
  sheetName: 'Milestones',
  namedRange: 'OKR_MILESTONES',
  columns: [
    column('keyResultId', 'Key Result ID', 'id', true),
    column('milestone', 'Milestone', 'text', true),
    column('weight', 'Weight', 'number'),
    column('done', 'Done', 'boolean'),
    column('doneDate', 'Done Date', 'date'),
  ],
};

export const INITIATIVES: TableDef = {
  key: 'initiatives',
  sheetName: 'Initiatives',
  namedRange: 'OKR_INITIATIVES',
  columns: [
    column('keyResultId', 'Key Result ID', 'id', true),
    column('initiative', 'Initiative', 'text', true),
    column('owner', 'Owner', 'text'),
    column('status', 'Status', 'text'),
    column('dueDate', 'Due Date', 'date'),
    column('notes', 'Notes', 'text'),
  ],
};

export const KPIS: TableDef = {
  key: 'kpis',
  sheetName: 'KPIs',
  namedRange: 'OKR_KPIS',
  columns: [
    column('kpi', 'KPI', 'text', true),
    column('owner', 'Owner', 'text'),
    column('unit', 'Unit', 'text'),
    column('current', 'Current', 'number'),
    column('healthyMin', 'Healthy Min', 'number'),
    column('healthyMax', 'Healthy Max', 'number'),
    column('notes', 'Notes', 'text'),
  ],
};

export const SETTINGS: TableDef = {
  key: 'settings',
  sheetName: 'Settings',
  namedRange: 'OKR_SETTINGS',
  columns: [column('setting', 'Setting', 'text', true), column('value', 'Value', 'text')],
};

export const TABLES: readonly TableDef[] = [
  OBJECTIVES,
  KEY_RESULTS,
  CHECK_INS,
  MILESTONES,
  INITIATIVES,
  KPIS,
  SETTINGS,
];

/** The single cell the daily trigger keeps at today's date (custom functions may not call TODAY()). */
export const REPORT_DATE_RANGE = 'OKR_REPORT_DATE';

/** The number format that makes Sheets keep what is typed as text. https://support.google.com/docs/answer/56470 */
export const PLAIN_TEXT_FORMAT = '@';

const TEXT_KINDS: readonly ColumnKind[] = ['text', 'id', 'email'];

/**
 * Columns of text (titles, IDs, comments, log entries) are kept in plain-text format (@), so
 * Sheets stores what is written or typed there as text, never as a number, date or boolean.
 * Settings' Value column is left out: it holds dates and numbers as well.
 */
export function holdsPlainText(table: TableDef, column: ColumnDef): boolean {
  if (column.computed || (table.key === 'settings' && column.key === 'value')) return false;
  return TEXT_KINDS.includes(column.kind);
}

/** The 0-based sheet columns of a table's plain-text columns, by their place in the header. */
export function plainTextIndexes(
  table: TableDef,
  columns: Readonly<Record<string, number | undefined>>,
): number[] {
  return table.columns.flatMap((column) => {
    const index = columns[column.key];
    return index !== undefined && holdsPlainText(table, column) ? [index] : [];
  });
}
