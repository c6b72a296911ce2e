/**
 * What the check-in sidebar shows about each key result: progress, today's planned progress,
 * status, confidence, the latest check-in and a short history, with the user's own KRs first.
 */
import type {
  CheckInContext,
  CheckInKeyResultType,
  KeyResultSummary,
  MilestoneItem,
  ObjectiveSummary,
} from '../shared/checkIn';
import { inputKindFor, milestoneProgress } from './checkIn';
import { OkrInputError } from './errors';
import { plannedProgress } from './plan';
import { keyResultProgress } from './progress';
import type { OkrSettings } from './settings';
import { statusFor } from './status';
import type { CheckIn, KeyResult, Milestone, Objective } from './types';

/** Enough past values to see a trend in a 300 px sidebar. */
export const HISTORY_LENGTH = 8;

export interface CheckInWorkbook {
  objectives: readonly Objective[];
  keyResults: readonly KeyResult[];
  checkIns: readonly CheckIn[];
  milestones: readonly Milestone[];
  settings: OkrSettings;
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

/** One KR as the sidebar shows it, measured on `asOf`. */
export function summarizeKeyResult(
  keyResult: KeyResult,
  objectiveTitle: string,
  checkIns: readonly CheckIn[],
  milestones: readonly Milestone[],
  settings: OkrSettings,
  asOf: Date,
  userEmail: string,
): KeyResultSummary {
  const problems: string[] = [];
  const checklist = keyResult.type === 'milestone' ? milestones : [];
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
  const ordered = [...checkIns].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  const latest = ordered[ordered.length - 1];
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
    lastCheckInDate: iso(keyResult.lastCheckIn ?? latest?.timestamp ?? null),
    lastCheckInText: latest?.progress ?? '',
    previousPlans: latest?.plans ?? '',
    history: ordered.slice(-HISTORY_LENGTH).map((checkIn) => ({
      timestamp: checkIn.timestamp.toISOString(),
      value: checkIn.value,
    })),
    milestones: checklist.map(milestoneItem),
    problem: problems.join(' '),
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

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The sidebar's data: KRs of current-cycle objectives (and KRs whose objective is not listed, so
 * none is unreachable), the user's own first, then in sheet order grouped by objective.
 */
export function buildCheckInContext(
  workbook: CheckInWorkbook,
  userEmail: string,
  asOf: Date,
  problems: readonly string[],
): Omit<CheckInContext, 'importableSheets'> {
  const { settings } = workbook;
  const objectiveById = new Map(
    workbook.objectives.map((objective) => [idKey(objective.id), objective]),
  );
  const checkInsByKeyResult = groupBy(workbook.checkIns, (checkIn) => idKey(checkIn.keyResultId));
  const milestonesByKeyResult = groupBy(workbook.milestones, (milestone) =>
    idKey(milestone.keyResultId),
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
  const summaries = reachable.map((keyResult) =>
    summarizeKeyResult(
      keyResult,
      objectiveById.get(idKey(keyResult.objectiveId))?.title ?? '',
      checkInsByKeyResult.get(idKey(keyResult.id)) ?? [],
      milestonesByKeyResult.get(idKey(keyResult.id)) ?? [],
      settings,
      asOf,
      userEmail,
    ),
  );
  const rank = (summary: KeyResultSummary): number =>
    objectiveOrder.get(idKey(summary.objectiveId)) ?? Number.MAX_SAFE_INTEGER;
  // Array.prototype.sort is stable, so sheet order survives within each objective.
  const ordered = [...summaries].sort(
    (a, b) => Number(b.ownedByUser) - Number(a.ownedByUser) || rank(a) - rank(b),
  );
  const shownObjectiveIds = new Set(ordered.map((summary) => idKey(summary.objectiveId)));
  const objectives: ObjectiveSummary[] = workbook.objectives
    .filter((objective) => shownObjectiveIds.has(idKey(objective.id)))
    .map((objective) => ({ id: objective.id, title: objective.title }));
  return {
    userEmail,
    cycleName: settings.cycleName,
    asOf: asOf.toISOString(),
    objectives,
    keyResults: ordered,
    problems: [...problems],
  };
}
