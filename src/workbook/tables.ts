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
  isBlankCell,
  isPlainText,
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
import { IdIndex } from './idIndex';
import type { RowProblem } from './problems';
import {
  CHECK_INS,
  INITIATIVES,
  KEY_RESULTS,
  KPIS,
  MILESTONES,
  OBJECTIVES,
  type TableDef,
} from './schema';

export interface ParsedTable<T> {
  rows: T[];
  problems: RowProblem[];
  columns: ColumnMap;
}

/** A table whose IDs must be unique, with its kept rows by ID (matched as idKey does). */
export interface ParsedUniqueTable<T> extends ParsedTable<T> {
  byId: IdIndex<T>;
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

/** One column of a table, resolved against the header row once per parse rather than per cell. */
interface Slot {
  header: string;
  /** 0-based index in the sheet, -1 when the sheet has no such column (every cell reads blank). */
  index: number;
  required: boolean;
}

/** Resolves the named columns of the table to slots; an unknown key is a programming error. */
type SlotsOf = <K extends string>(...keys: K[]) => Record<K, Slot>;

/**
 * Reads the cells of one sheet row by column slot, collecting problems for its table. One reader
 * serves every row of a parse; the common cells (numbers, plain text, blanks, dates) are read
 * without the general readers, which take over for everything else and give the same results.
 */
class RowReader {
  /** Set when a required column is blank or unreadable: the row is then left out. */
  incomplete = false;
  row = 0;
  private cells: readonly unknown[] = [];

  constructor(
    private readonly sheetName: string,
    private readonly problems: RowProblem[],
  ) {}

  /** Moves the reader to the next row of the sheet. */
  start(cells: readonly unknown[], row: number): void {
    this.cells = cells;
    this.row = row;
    this.incomplete = false;
  }

  report(slot: Slot, message: string): void {
    this.problems.push({ sheet: this.sheetName, row: this.row, column: slot.header, message });
  }

  private cell(slot: Slot): unknown {
    return slot.index < 0 ? '' : this.cells[slot.index];
  }

  private read<T>(slot: Slot, reader: (cell: unknown) => CellRead<T>): T | null {
    const result = reader(this.cell(slot));
    if (!result.ok) {
      this.report(
        slot,
        slot.required
          ? `${result.problem} This row is left out until it is fixed.`
          : result.problem,
      );
      if (slot.required) this.incomplete = true;
      return null;
    }
    if (result.value === null && slot.required) {
      this.report(
        slot,
        `${slot.header} is blank, so this row is left out. Fill it in to include the row.`,
      );
      this.incomplete = true;
    }
    return result.value;
  }

  text(slot: Slot): string {
    const cell = this.cell(slot);
    if (typeof cell === 'string' && (isPlainText(cell) || (cell === '' && !slot.required)))
      return cell;
    return this.read(slot, readText) ?? '';
  }
  id(slot: Slot): string {
    const cell = this.cell(slot);
    if (typeof cell === 'string' && (isPlainText(cell) || (cell === '' && !slot.required)))
      return cell;
    return this.read(slot, readId) ?? '';
  }
  email(slot: Slot): string {
    return this.read(slot, readEmail) ?? '';
  }
  number(slot: Slot): number | null {
    const cell = this.cell(slot);
    if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
    if (cell === '' && !slot.required) return null;
    return this.read(slot, readNumber);
  }
  date(slot: Slot): Date | null {
    const cell = this.cell(slot);
    // Copied as readDate does, so a parsed row never shares a Date with the caller's values.
    if (cell instanceof Date && !isNaN(cell.getTime())) return new Date(cell.getTime());
    if (cell === '' && !slot.required) return null;
    return this.read(slot, readDate);
  }
  boolean(slot: Slot): boolean | null {
    return this.read(slot, readBoolean);
  }
  measured(slot: Slot): number | boolean | null {
    const cell = this.cell(slot);
    if ((typeof cell === 'number' && Number.isFinite(cell)) || typeof cell === 'boolean')
      return cell;
    if (cell === '' && !slot.required) return null;
    return this.read(slot, readMeasured);
  }

  /** A number that must lie in [min, max]; out of range becomes null with a problem. */
  numberWithin(slot: Slot, min: number, max: number, fix: string): number | null {
    const value = this.number(slot);
    if (value === null || (value >= min && value <= max)) return value;
    this.report(slot, `${value} is outside ${min}–${max}. ${fix}`);
    return null;
  }
}

/** True when every typed cell of the row is blank (a loop that stops at the first filled cell). */
function isBlankRow(cells: readonly unknown[], typedIndexes: readonly number[]): boolean {
  for (let i = 0; i < typedIndexes.length; i++) {
    const cell = cells[typedIndexes[i]!];
    if ((typeof cell === 'string' && isPlainText(cell)) || !isBlankCell(cell)) return false;
  }
  return true;
}

/**
 * Parses one table: header mapping, blank-row skipping and row problems are the same for all.
 * `prepare` resolves the columns it reads once and returns the builder of one row.
 */
function parseTable<T>(
  table: TableDef,
  values: readonly unknown[][],
  prepare: (slotsOf: SlotsOf) => (reader: RowReader) => T,
  only?: readonly string[],
  needed?: readonly string[],
): ParsedTable<T> {
  if (!Array.isArray(values))
    throw new OkrInputError(`The ${table.sheetName} sheet could not be read. Try again.`);
  const columns = mapColumns(table, Array.isArray(values[0]) ? values[0] : undefined, needed);
  // A column left out of `only` reads blank in every row, as if the sheet did not have it.
  const read = (key: string): number | undefined =>
    only === undefined || only.includes(key) ? columns[key] : undefined;
  const slots = new Map(
    table.columns.map((column): [string, Slot] => [
      column.key,
      {
        header: column.header,
        index: read(column.key) ?? -1,
        // A required column a caller does not need may be absent: its cells then read blank.
        required: column.required === true && read(column.key) !== undefined,
      },
    ]),
  );
  const build = prepare(<K extends string>(...keys: K[]) => {
    const named = {} as Record<K, Slot>;
    for (const key of keys) {
      const slot = slots.get(key);
      if (!slot) throw new Error(`The ${table.sheetName} table has no column "${key}".`);
      named[key] = slot;
    }
    return named;
  });
  // Computed columns hold spilled formulas, so they say nothing about whether a user row exists.
  const typedIndexes = table.columns
    .filter((column) => !column.computed)
    .map((column) => read(column.key))
    .filter((index): index is number => index !== undefined);
  const rows: T[] = [];
  const problems: RowProblem[] = [];
  const reader = new RowReader(table.sheetName, problems);
  for (let i = 1; i < values.length; i++) {
    const cells = values[i];
    if (!Array.isArray(cells) || isBlankRow(cells, typedIndexes)) continue;
    reader.start(cells, i + 1);
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
): ParsedUniqueTable<T> {
  const byId = new IdIndex<T>(table.rows.length);
  const rows: T[] = [];
  for (const row of table.rows) {
    const earlier = byId.addIfAbsent(row.id, row);
    if (earlier === undefined) {
      rows.push(row);
      continue;
    }
    table.problems.push({
      sheet,
      row: row.row,
      column: 'ID',
      message: `The ID "${row.id}" is already used in row ${earlier.row}, so this row is left out. Give each ${noun} its own ID.`,
    });
  }
  // Keep problems in sheet order: duplicates are found after the rows' own problems.
  table.problems.sort((a, b) => a.row - b.row);
  return { ...table, rows, byId };
}

function objectiveKind(reader: RowReader, slot: Slot): ObjectiveKind | null {
  const text = reader.text(slot);
  if (text === '') return null;
  const kind = OBJECTIVE_KINDS[text.toLowerCase()];
  if (kind) return kind;
  reader.report(
    slot,
    `"${text}" is not a kind of objective. Type committed, aspirational or experimental, or leave it blank.`,
  );
  return null;
}

type TypeRead = { type: KeyResult['type'] } | { problem: string };

/** Reads Type cells, each distinct text once per parse: a big sheet repeats a handful of types. */
function keyResultTypes(): (reader: RowReader, slot: Slot) => KeyResult['type'] {
  const known = new Map<string, TypeRead>();
  return (reader, slot) => {
    const text = reader.text(slot);
    let read = known.get(text);
    if (read === undefined) {
      try {
        read = { type: parseKeyResultType(text) };
      } catch (error) {
        read = { problem: error instanceof Error ? error.message : String(error) };
      }
      known.set(text, read);
    }
    if ('type' in read) return read.type;
    reader.report(slot, read.problem);
    return null;
  };
}

const confidence = (reader: RowReader, slot: Slot): number | null =>
  reader.numberWithin(slot, 0, 10, 'Type the confidence from 0 (no chance) to 10 (certain).');

function weight(reader: RowReader, slot: Slot): number | null {
  const value = reader.number(slot);
  if (value === null || value >= 0) return value;
  reader.report(
    slot,
    `${value} is a negative weight. Type 0 or more (blank counts as 1; 0 leaves it out of the score).`,
  );
  return null;
}

export function parseObjectives(values: readonly unknown[][]): ParsedUniqueTable<Objective> {
  const table = parseTable(OBJECTIVES, values, (slotsOf) => {
    const c = slotsOf(
      'id',
      'title',
      'owner',
      'team',
      'cycle',
      'parentId',
      'kind',
      'priority',
      'notes',
    );
    return (reader): Objective => ({
      row: reader.row,
      id: reader.id(c.id),
      title: reader.text(c.title),
      owner: reader.text(c.owner),
      team: reader.text(c.team),
      cycle: reader.text(c.cycle),
      parentId: reader.id(c.parentId),
      kind: objectiveKind(reader, c.kind),
      priority: reader.text(c.priority),
      notes: reader.text(c.notes),
    });
  });
  return withUniqueIds(table, OBJECTIVES.sheetName, 'objective');
}

/**
 * The Key Results rows; with `only`, just those columns are read (the others read blank), which
 * is all a custom function scoring the table needs; `needed` are those the header row must have
 * (default: the sheet's required columns), so a function's range may leave out the rest.
 */
export function parseKeyResults(
  values: readonly unknown[][],
  only?: readonly string[],
  needed?: readonly string[],
): ParsedUniqueTable<KeyResult> {
  const table = parseTable(
    KEY_RESULTS,
    values,
    (slotsOf) => {
      const c = slotsOf(
        'id',
        'objectiveId',
        'title',
        'owner',
        'type',
        'unit',
        'start',
        'target',
        'current',
        'startDate',
        'dueDate',
        'weight',
        'confidence',
        'keyResultClass',
        'category',
        'impact',
        'effort',
        'lastCheckIn',
      );
      const keyResultType = keyResultTypes();
      return (reader): KeyResult => ({
        row: reader.row,
        id: reader.id(c.id),
        objectiveId: reader.id(c.objectiveId),
        title: reader.text(c.title),
        owner: reader.email(c.owner),
        type: keyResultType(reader, c.type),
        unit: reader.text(c.unit),
        start: reader.number(c.start),
        target: reader.number(c.target),
        current: reader.measured(c.current),
        startDate: reader.date(c.startDate),
        dueDate: reader.date(c.dueDate),
        weight: weight(reader, c.weight),
        confidence: confidence(reader, c.confidence),
        keyResultClass: reader.text(c.keyResultClass),
        category: reader.text(c.category),
        impact: reader.text(c.impact),
        effort: reader.text(c.effort),
        lastCheckIn: reader.date(c.lastCheckIn),
      });
    },
    only,
    needed,
  );
  return withUniqueIds(table, KEY_RESULTS.sheetName, 'key result');
}

export function parseCheckIns(values: readonly unknown[][]): ParsedTable<CheckIn> {
  return parseTable(CHECK_INS, values, (slotsOf) => {
    const c = slotsOf(
      'timestamp',
      'keyResultId',
      'value',
      'confidence',
      'progress',
      'plans',
      'problems',
      'learnings',
      'author',
    );
    return (reader): CheckIn => ({
      row: reader.row,
      // A row without a timestamp is marked incomplete and dropped, so the placeholder never escapes.
      timestamp: reader.date(c.timestamp) ?? new Date(NaN),
      keyResultId: reader.id(c.keyResultId),
      value: reader.measured(c.value),
      confidence: confidence(reader, c.confidence),
      progress: reader.text(c.progress),
      plans: reader.text(c.plans),
      problems: reader.text(c.problems),
      learnings: reader.text(c.learnings),
      author: reader.text(c.author),
    });
  });
}

export function parseMilestones(values: readonly unknown[][]): ParsedTable<Milestone> {
  return parseTable(MILESTONES, values, (slotsOf) => {
    const c = slotsOf('keyResultId', 'milestone', 'weight', 'done', 'doneDate');
    return (reader): Milestone => ({
      row: reader.row,
      keyResultId: reader.id(c.keyResultId),
      milestone: reader.text(c.milestone),
      weight: weight(reader, c.weight),
      done: reader.boolean(c.done) ?? false,
      doneDate: reader.date(c.doneDate),
    });
  });
}

export function parseInitiatives(values: readonly unknown[][]): ParsedTable<Initiative> {
  return parseTable(INITIATIVES, values, (slotsOf) => {
    const c = slotsOf('keyResultId', 'initiative', 'owner', 'status', 'dueDate', 'notes');
    return (reader): Initiative => ({
      row: reader.row,
      keyResultId: reader.id(c.keyResultId),
      initiative: reader.text(c.initiative),
      owner: reader.text(c.owner),
      status: reader.text(c.status),
      dueDate: reader.date(c.dueDate),
      notes: reader.text(c.notes),
    });
  });
}

export function parseKpis(values: readonly unknown[][]): ParsedTable<Kpi> {
  return parseTable(KPIS, values, (slotsOf) => {
    const c = slotsOf('kpi', 'owner', 'unit', 'current', 'healthyMin', 'healthyMax', 'notes');
    return (reader): Kpi => ({
      row: reader.row,
      kpi: reader.text(c.kpi),
      owner: reader.text(c.owner),
      unit: reader.text(c.unit),
      current: reader.number(c.current),
      healthyMin: reader.number(c.healthyMin),
      healthyMax: reader.number(c.healthyMax),
      notes: reader.text(c.notes),
    });
  });
}
