/**
 * Closing a cycle as rows: the Archive sheet's record of final scores and lessons (with the
 * cycle's dates and where each carried row went, which Reopen reads), and the dialog's payload.
 */
import { OkrInputError } from '../core/errors';
import type { KeyResult, Objective } from '../core/types';
import { formatIsoDate, idKey } from './cells';
import { headerKey } from './headers';
import { toSheetCell, type SheetCell } from './sheetRows';

/** The Archive sheet (the add-on's own): one row per objective and per key result of each closed cycle. */
export const ARCHIVE_SHEET = 'Archive';
export const ARCHIVE_HEADER = [
  'Cycle',
  'Closed On',
  'Level',
  'ID',
  'Objective ID',
  'Title',
  'Owner',
  'Team',
  'Kind / Type',
  'Final Score',
  'Lessons Learned',
  'Cycle Start',
  'Cycle End',
  'Carried As',
] as const;

/** The Settings row that lists every closed cycle, oldest first. */
export const CLOSED_CYCLES_LABEL = 'Closed Cycles';

const foldName = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** The cycles listed in the Closed Cycles row of the Settings sheet (values with the header row). */
export function closedCycleNames(settingsValues: readonly (readonly unknown[])[]): string[] {
  const row = settingsValues.find(
    (cells) => headerKey(cells[0]) === headerKey(CLOSED_CYCLES_LABEL),
  );
  return String(row?.[1] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** IDs of the objectives the Archive sheet records (values with the header row): closed for good. */
export function archivedObjectiveIds(archiveValues: readonly (readonly unknown[])[]): string[] {
  const header = (archiveValues[0] ?? []).map(headerKey);
  const level = header.indexOf(headerKey('Level'));
  const id = header.indexOf(headerKey('ID'));
  if (level < 0 || id < 0) return [];
  return archiveValues
    .slice(1)
    .filter((row) => headerKey(row[level]) === headerKey('Objective'))
    .map((row) => String(row[id] ?? '').trim())
    .filter((objectiveId) => objectiveId !== '');
}

export interface CycleHistory {
  closedCycles: readonly string[];
  archivedObjectiveIds: readonly string[];
}

/**
 * Whether an objective (by its Cycle and ID cells) belongs to a closed cycle: archived already, or
 * its Cycle names a closed cycle. A Cycle column that is blank or spelled differently from
 * Settings hides nothing.
 */
export function closedObjectiveTest(history: CycleHistory): (cycle: string, id: string) => boolean {
  const closed = new Set(history.closedCycles.map(foldName));
  const archived = new Set(history.archivedObjectiveIds.map(idKey));
  return (cycle, id) => closed.has(foldName(cycle)) || archived.has(idKey(id));
}

/** The objectives of the open cycle: all but those of a closed cycle (closedObjectiveTest). */
export function objectivesInCycle(
  objectives: readonly Objective[],
  history: CycleHistory,
): Objective[] {
  const isClosed = closedObjectiveTest(history);
  return objectives.filter((objective) => !isClosed(objective.cycle, objective.id));
}

/** The key results whose Objective ID names one of the objectives. */
export function keyResultsOf(
  keyResults: readonly KeyResult[],
  objectives: readonly Objective[],
): KeyResult[] {
  const ids = new Set(objectives.map((objective) => idKey(objective.id)));
  return keyResults.filter((keyResult) => ids.has(idKey(keyResult.objectiveId)));
}

/** The key results of each objective, by idKey() of its ID, in sheet order (one pass). */
export function keyResultsByObjective(keyResults: readonly KeyResult[]): Map<string, KeyResult[]> {
  const groups = new Map<string, KeyResult[]>();
  for (const keyResult of keyResults) {
    const key = idKey(keyResult.objectiveId);
    const group = groups.get(key);
    if (group) group.push(keyResult);
    else groups.set(key, [keyResult]);
  }
  return groups;
}

/**
 * A new ID from an old one that no row uses yet: "KR1.1" → "KR1.1-2", "KR1.1-2" → "KR1.1-3".
 * `taken` holds idKey()s and gains the new one.
 */
export function carriedId(oldId: string, taken: Set<string>): string {
  const match = /^(.*?)-(\d+)$/.exec(oldId.trim());
  const base = match ? match[1]! : oldId.trim();
  let number = match ? Number(match[2]) + 1 : 2;
  while (taken.has(idKey(`${base}-${number}`))) number++;
  const id = `${base}-${number}`;
  taken.add(idKey(id));
  return id;
}

export interface ArchiveInput {
  cycleName: string;
  cycleStart: Date | null;
  cycleEnd: Date | null;
  closedOn: Date;
  objectives: readonly Objective[];
  /** The key results of each objective, by idKey() of objective ID. */
  keyResultsByObjective: ReadonlyMap<string, readonly KeyResult[]>;
  /** Final score by idKey() of objective and KR ID; null when not scored. */
  scores: ReadonlyMap<string, number | null>;
  /** Lessons learned by idKey() of objective ID. */
  lessons: ReadonlyMap<string, string>;
  /** New ID of each carried objective and of each carried KR, by idKey() of the old ID. */
  carriedObjectives: ReadonlyMap<string, string>;
  carriedKeyResults: ReadonlyMap<string, string>;
}

/** Archive rows in ARCHIVE_HEADER order: each objective followed by its key results. */
export function archiveRows(input: ArchiveInput): SheetCell[][] {
  const rows: SheetCell[][] = [];
  const score = (id: string): SheetCell => input.scores.get(idKey(id)) ?? '';
  // Typed as yyyy-mm-dd text so they read back as the calendar days they are.
  const start = input.cycleStart ? formatIsoDate(input.cycleStart) : '';
  const end = input.cycleEnd ? formatIsoDate(input.cycleEnd) : '';
  const tail = (carriedAs: ReadonlyMap<string, string>, id: string): SheetCell[] => [
    start,
    end,
    toSheetCell(carriedAs.get(idKey(id)) ?? ''),
  ];
  for (const objective of input.objectives) {
    rows.push([
      toSheetCell(input.cycleName),
      input.closedOn,
      'Objective',
      toSheetCell(objective.id),
      toSheetCell(objective.id),
      toSheetCell(objective.title),
      toSheetCell(objective.owner),
      toSheetCell(objective.team),
      objective.kind ?? '',
      score(objective.id),
      toSheetCell(input.lessons.get(idKey(objective.id)) ?? ''),
      ...tail(input.carriedObjectives, objective.id),
    ]);
    for (const keyResult of input.keyResultsByObjective.get(idKey(objective.id)) ?? []) {
      rows.push([
        toSheetCell(input.cycleName),
        input.closedOn,
        'Key Result',
        toSheetCell(keyResult.id),
        toSheetCell(objective.id),
        toSheetCell(keyResult.title),
        toSheetCell(keyResult.owner),
        toSheetCell(objective.team),
        keyResult.type ?? '',
        score(keyResult.id),
        '',
        ...tail(input.carriedKeyResults, keyResult.id),
      ]);
    }
  }
  return rows;
}

/** The Closed Cycles setting after closing `cycleName`: the earlier list with the name added once. */
export function closedCyclesValue(previous: string, cycleName: string): string {
  const names = previous
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (!names.some((name) => name.toLowerCase() === cycleName.trim().toLowerCase())) {
    names.push(cycleName.trim());
  }
  return names.join(', ');
}

/**
 * Longest lessons text kept per objective: a Sheets cell holds at most 50,000 characters, and a
 * text that Sheets could re-type is written behind an apostrophe, one character more.
 */
export const MAX_LESSONS_LENGTH = 49_999;

export interface CloseCycleRequest {
  lessons: Map<string, string>;
  /** The chosen key results, in sheet order. */
  carryForward: KeyResult[];
}

/**
 * Checks the Close cycle dialog's payload against the open cycle: the cycle it was opened for,
 * lessons for objectives of this cycle, and key results of this cycle to carry forward.
 * Anything else is refused with a message, before anything is written.
 */
export function readCloseCyclePayload(
  payload: unknown,
  cycle: { cycleName: string; objectives: readonly Objective[]; keyResults: readonly KeyResult[] },
): CloseCycleRequest {
  const fail = (message: string): never => {
    throw new OkrInputError(`${message} Close the dialog and open Close cycle… again.`);
  };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return fail('The close-cycle request is empty or malformed.');
  }
  const { cycleName, lessons, carryForward } = payload as Record<string, unknown>;
  if (typeof cycleName !== 'string' || foldName(cycleName) !== foldName(cycle.cycleName)) {
    return fail(
      `The dialog was opened for cycle "${String(cycleName)}", but the open cycle is now "${cycle.cycleName}".`,
    );
  }
  if (!Array.isArray(lessons)) return fail('The lessons learned are missing from the request.');
  if (!Array.isArray(carryForward))
    return fail('The key results to carry forward are missing from the request.');
  const objectiveIds = new Set(cycle.objectives.map((objective) => idKey(objective.id)));
  const lessonsByObjective = new Map<string, string>();
  for (const entry of lessons) {
    const { objectiveId, lessons: text } = (entry ?? {}) as Record<string, unknown>;
    if (typeof objectiveId !== 'string' || !objectiveIds.has(idKey(objectiveId))) {
      return fail(
        `Lessons were sent for "${String(objectiveId)}", which is not an objective of ${cycle.cycleName}.`,
      );
    }
    if (typeof text !== 'string') return fail(`The lessons for ${objectiveId} are not text.`);
    if (text.length > MAX_LESSONS_LENGTH) {
      return fail(
        `The lessons for ${objectiveId} are longer than ${MAX_LESSONS_LENGTH} characters; shorten them.`,
      );
    }
    lessonsByObjective.set(idKey(objectiveId), text.trim());
  }
  const chosen = new Set<string>();
  for (const id of carryForward) {
    if (typeof id !== 'string') return fail('A key result to carry forward is not an ID.');
    chosen.add(idKey(id));
  }
  const keyResults = cycle.keyResults.filter((keyResult) => chosen.has(idKey(keyResult.id)));
  if (keyResults.length !== chosen.size) {
    const known = new Set(keyResults.map((keyResult) => idKey(keyResult.id)));
    const unknown = [...chosen].filter((id) => !known.has(id));
    return fail(
      `Key result ${unknown.join(', ')} is not part of ${cycle.cycleName}, so it cannot be carried forward.`,
    );
  }
  return { lessons: lessonsByObjective, carryForward: keyResults };
}
