/**
 * What the check-in sidebar shows about each key result: progress, today's planned progress,
 * status, confidence, the latest check-in and a short history, with the user's own KRs first.
 */
import {
  KEY_RESULT_PAGE_SIZE,
  MAX_LISTED_PROBLEMS,
  MAX_OWN_KEY_RESULTS,
  type CheckInContext,
  type CheckInKeyResultType,
  type ForecastOutlook,
  type KeyResultListItem,
  type KeyResultPage,
  type KeyResultSummary,
  type MilestoneItem,
  type ObjectiveSummary,
} from '../shared/checkIn';
import { inputKindFor, milestoneProgress } from './checkIn';
import { OkrInputError } from './errors';
import { keyResultOutlook } from './forecast';
import { plannedProgress } from './plan';
import { keyResultProgress } from './progress';
import type { OkrSettings } from './settings';
import { statusFor } from './status';
import type { CheckIn, KeyResult, Milestone, Objective } from './types';

/** Enough past values to see a trend in a 300 px sidebar. */
export const HISTORY_LENGTH = 8;

/** What the sidebar's list is built from: no check-ins and no checklists (Current says enough). */
export interface CheckInWorkbook {
  objectives: readonly Objective[];
  keyResults: readonly KeyResult[];
  settings: OkrSettings;
  /**
   * The Key Results sheet's Forecast column by sheet row: the projected progress, or null where
   * the cell is blank (too few check-ins). Rows left out, or no map, have no forecast to show.
   */
  forecasts?: ReadonlyMap<number, number | null>;
}

/** A projected progress for the sidebar: where it came from decides `beforeLatest`. */
export interface ProjectedProgress {
  progress: number | null;
  /** It does not count the latest check-in yet (the sheet's value, read before it recomputed). */
  beforeLatest: boolean;
}

const idKey = (id: string): string => id.trim().toLowerCase();

/** The Owner cell may list several people ("ana@x.com, bo@x.com"). */
export function isOwnedBy(keyResult: KeyResult, userEmail: string): boolean {
  const user = userEmail.trim().toLowerCase();
  if (user === '') return false;
  return keyResult.owner
    .toLowerCase()
    .split(/[\s,;]+/)
    .some((owner) => owner === user);
}

/** Objectives of the current cycle: Cycle matches the Cycle Name setting, or is blank. */
function inCurrentCycle(objective: Objective, cycleName: string): boolean {
  const cycle = objective.cycle.trim().toLowerCase();
  return cycle === '' || cycleName.trim() === '' || cycle === cycleName.trim().toLowerCase();
}

/** A blank Type measures a number in the direction from Start to Target. */
function displayType(keyResult: KeyResult): CheckInKeyResultType {
  if (keyResult.type !== null) return keyResult.type;
  return keyResult.start !== null && keyResult.target !== null && keyResult.target < keyResult.start
    ? 'decrease'
    : 'increase';
}

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

function problemText(error: unknown): string {
  if (error instanceof OkrInputError) return error.message;
  throw error;
}

/** One KR as the sidebar lists it, measured on `asOf`; `checklist` is its milestones, if any. */
export function listKeyResult(
  keyResult: KeyResult,
  objectiveTitle: string,
  settings: OkrSettings,
  asOf: Date,
  userEmail: string,
  checklist: readonly Milestone[] = [],
  projected?: ProjectedProgress,
): KeyResultListItem {
  const problems: string[] = [];
  let progress: number | null = null;
  try {
    progress =
      checklist.length > 0
        ? milestoneProgress(checklist)
        : keyResultProgress(keyResult.type, keyResult.start, keyResult.target, keyResult.current);
  } catch (error) {
    problems.push(problemText(error));
  }
  const startDate = keyResult.startDate ?? settings.cycleStart;
  const dueDate = keyResult.dueDate ?? settings.cycleEnd;
  let planned: number | null = null;
  try {
    planned = startDate && dueDate ? plannedProgress(startDate, dueDate, asOf) : null;
  } catch (error) {
    problems.push(problemText(error));
  }
  return {
    id: keyResult.id,
    title: keyResult.title,
    objectiveId: keyResult.objectiveId,
    objectiveTitle,
    owner: keyResult.owner,
    ownedByUser: isOwnedBy(keyResult, userEmail),
    type: displayType(keyResult),
    inputKind:
      checklist.length > 0 || keyResult.type !== 'milestone'
        ? inputKindFor(keyResult.type)
        : 'number',
    unit: keyResult.unit,
    start: keyResult.start,
    target: keyResult.target,
    current: keyResult.current,
    progress,
    planned,
    status: statusOf(progress, planned, settings),
    confidence: keyResult.confidence,
    dueDate: iso(dueDate),
    lastCheckInDate: iso(keyResult.lastCheckIn),
    problem: problems.join(' '),
    forecast:
      projected === undefined ? null : forecastOutlook(keyResult, settings, asOf, projected),
  };
}

/** The outlook the sidebar shows, from a projected progress and the key result's row. */
function forecastOutlook(
  keyResult: KeyResult,
  settings: OkrSettings,
  asOf: Date,
  projected: ProjectedProgress,
): ForecastOutlook | null {
  const latest = typeof keyResult.current === 'number' ? keyResult.current : null;
  const outlook = keyResultOutlook(keyResult, latest, projected.progress, asOf, {
    start: settings.cycleStart,
    end: settings.cycleEnd,
  });
  if (outlook === null) return null;
  return {
    ...outlook,
    dueDate: outlook.dueDate.toISOString(),
    beforeLatest: projected.beforeLatest,
  };
}

/**
 * One KR as the check-in form shows it, measured on `asOf`: its last check-ins (any order; the
 * latest HISTORY_LENGTH are kept) and, for a milestone KR, its checklist.
 */
export function summarizeKeyResult(
  keyResult: KeyResult,
  objectiveTitle: string,
  checkIns: readonly CheckIn[],
  milestones: readonly Milestone[],
  settings: OkrSettings,
  asOf: Date,
  userEmail: string,
  projected?: ProjectedProgress,
): KeyResultSummary {
  const checklist = keyResult.type === 'milestone' ? milestones : [];
  const ordered = [...checkIns].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  const latest = ordered[ordered.length - 1];
  const item = listKeyResult(
    keyResult,
    objectiveTitle,
    settings,
    asOf,
    userEmail,
    checklist,
    projected,
  );
  return {
    ...item,
    lastCheckInDate: item.lastCheckInDate ?? iso(latest?.timestamp ?? null),
    lastCheckInText: latest?.progress ?? '',
    previousPlans: latest?.plans ?? '',
    history: ordered.slice(-HISTORY_LENGTH).map((checkIn) => ({
      timestamp: checkIn.timestamp.toISOString(),
      value: checkIn.value,
    })),
    milestones: checklist.map(milestoneItem),
  };
}

/** Without a plan (no dates anywhere) only "Done" can be said. */
function statusOf(
  progress: number | null,
  planned: number | null,
  settings: OkrSettings,
): KeyResultSummary['status'] {
  if (planned === null) return progress !== null && progress >= 1 ? 'Done' : '';
  return statusFor(progress, planned, settings.atRiskGap, settings.offTrackGap);
}

function milestoneItem(milestone: Milestone): MilestoneItem {
  return {
    row: milestone.row,
    milestone: milestone.milestone,
    weight: milestone.weight ?? 1,
    done: milestone.done,
    doneDate: iso(milestone.doneDate),
  };
}

/** The key results of the open cycle in list order: the user's own first, then by objective. */
export interface CheckInList {
  keyResults: KeyResultListItem[];
  objectives: ObjectiveSummary[];
}

/**
 * The sidebar's list: KRs of current-cycle objectives (and KRs whose objective is not listed, so
 * none is unreachable), the user's own first, then in sheet order grouped by objective.
 */
export function checkInList(workbook: CheckInWorkbook, userEmail: string, asOf: Date): CheckInList {
  const { settings } = workbook;
  const objectiveById = new Map(
    workbook.objectives.map((objective) => [idKey(objective.id), objective]),
  );
  const objectiveOrder = new Map(
    workbook.objectives.map((objective, index) => [idKey(objective.id), index]),
  );
  // When no objective names the current cycle, Cycle is spelled differently: showing every KR beats an empty list.
  const cycleKnown = workbook.objectives.some(
    (objective) => objective.cycle.trim() !== '' && inCurrentCycle(objective, settings.cycleName),
  );
  const reachable = workbook.keyResults.filter((keyResult) => {
    const objective = objectiveById.get(idKey(keyResult.objectiveId));
    return !cycleKnown || objective === undefined || inCurrentCycle(objective, settings.cycleName);
  });
  const { forecasts } = workbook;
  const items = reachable.map((keyResult) =>
    listKeyResult(
      keyResult,
      objectiveById.get(idKey(keyResult.objectiveId))?.title ?? '',
      settings,
      asOf,
      userEmail,
      [],
      forecasts?.has(keyResult.row)
        ? { progress: forecasts.get(keyResult.row) ?? null, beforeLatest: false }
        : undefined,
    ),
  );
  const rank = (item: KeyResultListItem): number =>
    objectiveOrder.get(idKey(item.objectiveId)) ?? Number.MAX_SAFE_INTEGER;
  // Array.prototype.sort is stable, so sheet order survives within each objective.
  const keyResults = items.sort(
    (a, b) => Number(b.ownedByUser) - Number(a.ownedByUser) || rank(a) - rank(b),
  );
  const objectives = workbook.objectives.map((objective) => ({
    id: objective.id,
    title: objective.title,
  }));
  return { keyResults, objectives };
}

/** True when every word of the search is in the KR's ID, title, objective or owner. */
export function matchesSearch(keyResult: KeyResultListItem, words: readonly string[]): boolean {
  const haystack = [
    keyResult.id,
    keyResult.title,
    keyResult.objectiveTitle,
    keyResult.objectiveId,
    keyResult.owner,
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The page of `list` matching `query` from `offset`, with the titles of its objectives only. */
export function searchCheckInList(list: CheckInList, query: string, offset: number): KeyResultPage {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found =
    words.length === 0
      ? list.keyResults
      : list.keyResults.filter((item) => matchesSearch(item, words));
  const keyResults = found.slice(offset, offset + KEY_RESULT_PAGE_SIZE);
  return {
    query,
    offset,
    total: found.length,
    keyResults,
    objectives: objectivesOf(list, keyResults),
  };
}

function objectivesOf(
  list: CheckInList,
  keyResults: readonly KeyResultListItem[],
): ObjectiveSummary[] {
  const shown = new Set(keyResults.map((item) => idKey(item.objectiveId)));
  return list.objectives.filter((objective) => shown.has(idKey(objective.id)));
}

/** What the sidebar receives when it opens: the user's KRs (capped) and the first page of all. */
export function buildCheckInContext(
  list: CheckInList,
  settings: OkrSettings,
  userEmail: string,
  asOf: Date,
  problems: readonly string[],
  cycleStamp: string,
): Omit<CheckInContext, 'importableSheets'> {
  const mine = list.keyResults.filter((item) => item.ownedByUser);
  const listedProblems = problems.slice(0, MAX_LISTED_PROBLEMS);
  if (problems.length > MAX_LISTED_PROBLEMS)
    listedProblems.push(
      `…and ${problems.length - MAX_LISTED_PROBLEMS} more. Run Extensions → OKR Cadence → Check OKR health to see them all.`,
    );
  return {
    userEmail,
    cycleName: settings.cycleName,
    cycleStamp,
    asOf: asOf.toISOString(),
    mine: mine.slice(0, MAX_OWN_KEY_RESULTS),
    mineTotal: mine.length,
    all: searchCheckInList(list, '', 0),
    problems: listedProblems,
  };
}
