/**
 * Typed rows from the 2-D values of each table (row 0 is the header, sheet row 1). A bad cell
 * becomes null (or "") and a row problem, and the rest of its row is kept; a row without a
 * required value, or repeating an ID, is reported and left out so scores never guess.
 */
import { OkrInputError } from '../core/errors';
import { parseKeyResultType } from '../core/keyResultType';
import type {
  CheckIn,
  Initiative,
  KeyResult,
  Kpi,
  Milestone,
  Objective,
  ObjectiveKind,
} from '../core/types';
import {
  idKey,
  isBlankCell,
  readBoolean,
  readDate,
  readEmail,
  readId,
  readMeasured,
  readNumber,
  readText,
  type CellRead,
} from './cells';
import { mapColumns, type ColumnMap } from './headers';
import type { RowProblem } from './problems';
import {
  CHECK_INS,
  INITIATIVES,
  KEY_RESULTS,
  KPIS,
  MILESTONES,
  OBJECTIVES,
  type ColumnDef,
  type TableDef,
} from './schema';

export interface ParsedTable<T> {
  rows: T[];
  problems: RowProblem[];
  columns: ColumnMap;
}

const OBJECTIVE_KINDS: Readonly<Record<string, ObjectiveKind>> = {
  committed: 'committed',
  commit: 'committed',
  aspirational: 'aspirational',
  stretch: 'aspirational',
  moonshot: 'aspirational',
  experimental: 'experimental',
  experiment: 'experimental',
};

/** Reads the cells of one sheet row by column key, collecting problems for its table. */
class RowReader {
  /** Set when a required column is blank or unreadable: the row is then left out. */
  incomplete = false;

  constructor(
    private readonly table: TableDef,
    private readonly columns: ColumnMap,
    private readonly definitions: ReadonlyMap<string, ColumnDef>,
    private readonly cells: readonly unknown[],
    readonly row: number,
    private readonly problems: RowProblem[],
  ) {}

  report(key: string, message: string): void {
    const header = this.definitions.get(key)?.header ?? key;
    this.problems.push({ sheet: this.table.sheetName, row: this.row, column: header, message });
  }

  private read<T>(key: string, reader: (cell: unknown) => CellRead<T>): T | null {
    const index = this.columns[key];
    const result = reader(index === undefined ? '' : this.cells[index]);
    const required = this.definitions.get(key)?.required === true;
    if (!result.ok) {
      this.report(
        key,
        required ? `${result.problem} This row is left out until it is fixed.` : result.problem,
      );
      if (required) this.incomplete = true;
      return null;
    }
    if (result.value === null && required) {
      const header = this.definitions.get(key)?.header ?? key;
      this.report(
        key,
        `${header} is blank, so this row is left out. Fill it in to include the row.`,
      );
      this.incomplete = true;
    }
    return result.value;
  }

  text(key: string): string {
    return this.read(key, readText) ?? '';
  }
  id(key: string): string {
    return this.read(key, readId) ?? '';
  }
  email(key: string): string {
    return this.read(key, readEmail) ?? '';
  }
  number(key: string): number | null {
    return this.read(key, readNumber);
  }
  date(key: string): Date | null {
    return this.read(key, readDate);
  }
  boolean(key: string): boolean | null {
    return this.read(key, readBoolean);
  }
  measured(key: string): number | boolean | null {
    return this.read(key, readMeasured);
  }

  /** A number that must lie in [min, max]; out of range becomes null with a problem. */
  numberWithin(key: string, min: number, max: number, fix: string): number | null {
    const value = this.number(key);
    if (value === null || (value >= min && value <= max)) return value;
    this.report(key, `${value} is outside ${min}–${max}. ${fix}`);
    return null;
  }
}

/** Parses one table: header mapping, blank-row skipping and row problems are the same for all. */
function parseTable<T>(
  table: TableDef,
  values: readonly unknown[][],
  build: (reader: RowReader) => T,
): ParsedTable<T> {
  if (!Array.isArray(values))
    throw new OkrInputError(`The ${table.sheetName} sheet could not be read. Try again.`);
  const columns = mapColumns(table, Array.isArray(values[0]) ? values[0] : undefined);
  const definitions = new Map(table.columns.map((column) => [column.key, column] as const));
  // Computed columns hold spilled formulas, so they say nothing about whether a user row exists.
  const typedIndexes = table.columns
    .filter((column) => !column.computed)
    .map((column) => columns[column.key])
    .filter((index): index is number => index !== undefined);
  const rows: T[] = [];
  const problems: RowProblem[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i];
    if (!Array.isArray(cells) || typedIndexes.every((index) => isBlankCell(cells[index]))) continue;
    const reader = new RowReader(table, columns, definitions, cells, i + 1, problems);
    const parsed = build(reader);
    if (!reader.incomplete) rows.push(parsed);
  }
  return { rows, problems, columns };
}

/** Leaves out rows whose ID repeats an earlier row's, with a problem pointing at the first. */
function withUniqueIds<T extends { id: string; row: number }>(
  table: ParsedTable<T>,
  sheet: string,
  noun: string,
): ParsedTable<T> {
  const firstRow = new Map<string, number>();
  const rows = table.rows.filter((row) => {
    const earlier = firstRow.get(idKey(row.id));
    if (earlier === undefined) {
      firstRow.set(idKey(row.id), row.row);
      return true;
    }
    table.problems.push({
      sheet,
      row: row.row,
      column: 'ID',
      message: `The ID "${row.id}" is already used in row ${earlier}, so this row is left out. Give each ${noun} its own ID.`,
    });
    return false;
  });
  // Keep problems in sheet order: duplicates are found after the rows' own problems.
  table.problems.sort((a, b) => a.row - b.row);
  return { ...table, rows };
}

function objectiveKind(reader: RowReader): ObjectiveKind | null {
  const text = reader.text('kind');
  if (text === '') return null;
  const kind = OBJECTIVE_KINDS[text.toLowerCase()];
  if (kind) return kind;
  reader.report(
    'kind',
    `"${text}" is not a kind of objective. Type committed, aspirational or experimental, or leave it blank.`,
  );
  return null;
}

function keyResultType(reader: RowReader): KeyResult['type'] {
  const text = reader.text('type');
  try {
    return parseKeyResultType(text);
  } catch (error) {
    reader.report('type', error instanceof Error ? error.message : String(error));
    return null;
  }
}

const confidence = (reader: RowReader): number | null =>
  reader.numberWithin(
    'confidence',
    0,
    10,
    'Type the confidence from 0 (no chance) to 10 (certain).',
  );

function weight(reader: RowReader): number | null {
  const value = reader.number('weight');
  if (value === null || value >= 0) return value;
  reader.report(
    'weight',
    `${value} is a negative weight. Type 0 or more (blank counts as 1; 0 leaves it out of the score).`,
  );
  return null;
}

export function parseObjectives(values: readonly unknown[][]): ParsedTable<Objective> {
  const table = parseTable(OBJECTIVES, values, (reader): Objective => ({
    row: reader.row,
    id: reader.id('id'),
    title: reader.text('title'),
    owner: reader.text('owner'),
    team: reader.text('team'),
    cycle: reader.text('cycle'),
    parentId: reader.id('parentId'),
    kind: objectiveKind(reader),
    priority: reader.text('priority'),
    notes: reader.text('notes'),
  }));
  return withUniqueIds(table, OBJECTIVES.sheetName, 'objective');
}

export function parseKeyResults(values: readonly unknown[][]): ParsedTable<KeyResult> {
  const table = parseTable(KEY_RESULTS, values, (reader): KeyResult => ({
    row: reader.row,
    id: reader.id('id'),
    objectiveId: reader.id('objectiveId'),
    title: reader.text('title'),
    owner: reader.email('owner'),
    type: keyResultType(reader),
    unit: reader.text('unit'),
    start: reader.number('start'),
    target: reader.number('target'),
    current: reader.measured('current'),
    startDate: reader.date('startDate'),
    dueDate: reader.date('dueDate'),
    weight: weight(reader),
    confidence: confidence(reader),
    keyResultClass: reader.text('keyResultClass'),
    category: reader.text('category'),
    impact: reader.text('impact'),
    effort: reader.text('effort'),
    lastCheckIn: reader.date('lastCheckIn'),
  }));
  return withUniqueIds(table, KEY_RESULTS.sheetName, 'key result');
}

export function parseCheckIns(values: readonly unknown[][]): ParsedTable<CheckIn> {
  return parseTable(CHECK_INS, values, (reader): CheckIn => ({
    row: reader.row,
    // A row without a timestamp is marked incomplete and dropped, so the placeholder never escapes.
    timestamp: reader.date('timestamp') ?? new Date(NaN),
    keyResultId: reader.id('keyResultId'),
    value: reader.measured('value'),
    confidence: confidence(reader),
    progress: reader.text('progress'),
    plans: reader.text('plans'),
    problems: reader.text('problems'),
    learnings: reader.text('learnings'),
    author: reader.text('author'),
  }));
}

export function parseMilestones(values: readonly unknown[][]): ParsedTable<Milestone> {
  return parseTable(MILESTONES, values, (reader): Milestone => ({
    row: reader.row,
    keyResultId: reader.id('keyResultId'),
    milestone: reader.text('milestone'),
    weight: weight(reader),
    done: reader.boolean('done') ?? false,
    doneDate: reader.date('doneDate'),
  }));
}

export function parseInitiatives(values: readonly unknown[][]): ParsedTable<Initiative> {
  return parseTable(INITIATIVES, values, (reader): Initiative => ({
    row: reader.row,
    keyResultId: reader.id('keyResultId'),
    initiative: reader.text('initiative'),
    owner: reader.text('owner'),
    status: reader.text('status'),
    dueDate: reader.date('dueDate'),
    notes: reader.text('notes'),
  }));
}

export function parseKpis(values: readonly unknown[][]): ParsedTable<Kpi> {
  return parseTable(KPIS, values, (reader): Kpi => ({
    row: reader.row,
    kpi: reader.text('kpi'),
    owner: reader.text('owner'),
    unit: reader.text('unit'),
    current: reader.number('current'),
    healthyMin: reader.number('healthyMin'),
    healthyMax: reader.number('healthyMax'),
    notes: reader.text('notes'),
  }));
}
