/**
 * The OKR health check: the red flags of the OKR method (SPEC §1) found in a workbook, each with
 * the objectives, key results or rows it concerns and what to do about it. Pure: it sees parsed
 * rows and an as-of date, never a sheet.
 */
import {
  balanceIndex,
  keyResultPlannedProgress,
  objectiveBalance,
  type CycleDates,
} from './balance';
import { keyResultForecast, noReadings } from './forecast';
import { calendarDay } from './plan';
import { keyResultProgress } from './progress';
import { objectiveScore } from './score';
import type { OkrSettings } from './settings';
import type { CheckIn, Initiative, KeyResult, Kpi, Objective } from './types';

export type HealthFlagId =
  | 'too-many-objectives'
  | 'too-few-objectives'
  | 'too-many-key-results'
  | 'too-few-key-results'
  | 'missing-fields'
  | 'unaligned'
  | 'activity-only'
  | 'conservative-target'
  | 'money-pit'
  | 'missed-check-in'
  | 'stuck'
  | 'no-commentary'
  | 'no-learnings'
  | 'unbalanced'
  | 'will-miss'
  | 'committed-below-target'
  | 'sandbagging'
  | 'no-initiative'
  | 'kpi-out-of-range';

export interface HealthFinding {
  flag: HealthFlagId;
  title: string;
  /** The sheet whose rows are concerned. */
  sheet: string;
  /** Objective or KR IDs, team names or KPI names. */
  concerns: string[];
  /** 1-based rows of `sheet`. */
  rows: number[];
  detail: string;
  advice: string;
}

export type HealthSettings = Pick<
  OkrSettings,
  | 'cycleStart'
  | 'cycleEnd'
  | 'checkInPeriodDays'
  | 'offTrackGap'
  | 'atRiskGap'
  | 'minObjectives'
  | 'maxObjectives'
  | 'minKeyResultsPerObjective'
  | 'maxKeyResultsPerObjective'
>;

export interface HealthInput {
  objectives: readonly Objective[];
  keyResults: readonly KeyResult[];
  /**
   * null when the history is not given (OKRHEALTH's documented form): missed check-ins are then
   * judged by each KR's Last Check-in, and the flags that need check-in rows are skipped.
   */
  checkIns: readonly CheckIn[] | null;
  /** null when the workbook has no Initiatives sheet: the check is then skipped. */
  initiatives: readonly Initiative[] | null;
  /** null when the workbook has no KPIs sheet. */
  kpis: readonly Kpi[] | null;
  settings: HealthSettings;
  asOf: Date;
}

/** Below this balance index progress counts as unbalanced (a spread of gaps over 0.2). */
export const UNBALANCED_BELOW = 0.8;
/** A target within this fraction of the baseline barely asks for change. */
export const CONSERVATIVE_STEP = 0.05;
/** Aspirational objectives averaging above this at cycle end were not stretched. */
export const SANDBAGGING_ABOVE = 0.9;
const STUCK_CHECK_INS = 3;

export const HEALTH_HEADER = [
  'Red flag',
  'Sheet',
  'Concerns',
  'Rows',
  'Details',
  'What to do',
] as const;

const fold = (text: string): string => text.trim().toLowerCase();

/** A KR's progress, or null when it is not scored or its row cannot be scored (a row problem says why). */
export function scoredProgress(keyResult: KeyResult): number | null {
  try {
    return keyResultProgress(keyResult.type, keyResult.start, keyResult.target, keyResult.current);
  } catch {
    return null;
  }
}

/** An objective's score from its KRs, or null when nothing is scored or a weight is invalid. */
export function scoredObjective(keyResults: readonly KeyResult[]): number | null {
  try {
    return objectiveScore(
      keyResults.map((keyResult) => ({
        progress: scoredProgress(keyResult),
        weight: keyResult.weight,
      })),
    );
  } catch {
    return null;
  }
}

/** The cycle dates from Settings, or the span of the KRs' own dates where Settings has none. */
function cycleDates(input: HealthInput): CycleDates {
  const starts = input.keyResults.flatMap((keyResult) =>
    keyResult.startDate ? [keyResult.startDate] : [],
  );
  const dues = input.keyResults.flatMap((keyResult) =>
    keyResult.dueDate ? [keyResult.dueDate] : [],
  );
  const earliest = (dates: Date[]): Date | null =>
    dates.length ? dates.reduce((a, b) => (a.getTime() <= b.getTime() ? a : b)) : null;
  const latest = (dates: Date[]): Date | null =>
    dates.length ? dates.reduce((a, b) => (a.getTime() >= b.getTime() ? a : b)) : null;
  return {
    start: input.settings.cycleStart ?? earliest(starts),
    end: input.settings.cycleEnd ?? latest(dues),
  };
}

const days = (from: Date, to: Date): number => calendarDay(to) - calendarDay(from);

/** Everything the checks share: KRs grouped by objective, progress and check-ins per KR. */
class Workbook {
  readonly keyResultsByObjective = new Map<string, KeyResult[]>();
  readonly checkInsByKeyResult = new Map<string, CheckIn[]>();
  readonly progress = new Map<KeyResult, number | null>();
  readonly cycle: CycleDates;

  constructor(readonly input: HealthInput) {
    for (const objective of input.objectives)
      this.keyResultsByObjective.set(fold(objective.id), []);
    for (const keyResult of input.keyResults) {
      this.keyResultsByObjective.get(fold(keyResult.objectiveId))?.push(keyResult);
      this.progress.set(keyResult, scoredProgress(keyResult));
    }
    const known = new Set(input.keyResults.map((keyResult) => fold(keyResult.id)));
    for (const checkIn of input.checkIns ?? []) {
      const key = fold(checkIn.keyResultId);
      if (!known.has(key)) continue;
      const list = this.checkInsByKeyResult.get(key);
      if (list) list.push(checkIn);
      else this.checkInsByKeyResult.set(key, [checkIn]);
    }
    for (const list of this.checkInsByKeyResult.values()) {
      list.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime() || a.row - b.row);
    }
    this.cycle = cycleDates(input);
  }

  keyResultsOf(objective: Objective): KeyResult[] {
    return this.keyResultsByObjective.get(fold(objective.id)) ?? [];
  }

  checkInsOf(keyResult: KeyResult): CheckIn[] {
    return this.checkInsByKeyResult.get(fold(keyResult.id)) ?? [];
  }

  /** Check-ins of the current cycle (all of them when the cycle start is unknown). */
  cycleCheckIns(): CheckIn[] {
    const start = this.cycle.start;
    return [...this.checkInsByKeyResult.values()]
      .flat()
      .filter((checkIn) => !start || days(start, checkIn.timestamp) >= 0)
      .sort((a, b) => a.row - b.row);
  }

  cycleHasEnded(): boolean {
    return this.cycle.end !== null && days(this.cycle.end, this.input.asOf) >= 0;
  }
}

const ids = (items: readonly { id: string }[]): string[] => items.map((item) => item.id);
const rowsOf = (items: readonly { row: number }[]): number[] => items.map((item) => item.row);

function focusFindings(book: Workbook): HealthFinding[] {
  const { settings, objectives } = book.input;
  const findings: HealthFinding[] = [];
  const teams = new Map<string, Objective[]>();
  for (const objective of objectives) {
    const key = fold(objective.team);
    const members = teams.get(key);
    if (members) members.push(objective);
    else teams.set(key, [objective]);
  }
  for (const group of teams.values()) {
    const team = group[0]!.team.trim() || '(no team)';
    const count = group.length;
    if (count > settings.maxObjectives || count < settings.minObjectives) {
      const tooMany = count > settings.maxObjectives;
      findings.push({
        flag: tooMany ? 'too-many-objectives' : 'too-few-objectives',
        title: tooMany ? 'Too many objectives' : 'Too few objectives',
        sheet: 'Objectives',
        concerns: [team, ...ids(group)],
        rows: rowsOf(group),
        detail: `Team ${team} has ${count} objective${count === 1 ? '' : 's'}; the focus limit is ${settings.minObjectives}–${settings.maxObjectives}.`,
        advice: tooMany
          ? 'Pick the objectives that matter most this cycle and move the rest to a later cycle or to KPIs.'
          : 'Add the objectives the team is missing, or change Min Objectives in Settings if the team is small.',
      });
    }
  }
  for (const objective of objectives) {
    const count = book.keyResultsOf(objective).length;
    if (count <= settings.maxKeyResultsPerObjective && count >= settings.minKeyResultsPerObjective)
      continue;
    const tooMany = count > settings.maxKeyResultsPerObjective;
    findings.push({
      flag: tooMany ? 'too-many-key-results' : 'too-few-key-results',
      title: tooMany ? 'Too many key results' : 'Too few key results',
      sheet: 'Objectives',
      concerns: [objective.id],
      rows: [objective.row],
      detail: `Objective ${objective.id} has ${count} key result${count === 1 ? '' : 's'}; the focus limit is ${settings.minKeyResultsPerObjective}–${settings.maxKeyResultsPerObjective} per objective.`,
      advice: tooMany
        ? 'Keep the key results that best show the objective is met; track the others as KPIs or initiatives.'
        : 'Add measurable key results (verb + metric from X to Y by date) until the objective can be judged by them.',
    });
  }
  return findings;
}

/** The fields a KR of this type needs to be measured (SPEC §1: baseline, target, unit, due date, owner). */
function missingFields(keyResult: KeyResult): string[] {
  const type = keyResult.type;
  const usesStart = type === null || type === 'increase' || type === 'decrease';
  const usesTarget = type !== 'binary' && type !== 'baseline' && type !== 'percentage';
  const usesUnit =
    type !== 'binary' && type !== 'milestone' && type !== 'task' && type !== 'percentage';
  const missing: string[] = [];
  if (keyResult.owner.trim() === '') missing.push('Owner');
  if (usesStart && keyResult.start === null) missing.push('Start');
  if (usesTarget && keyResult.target === null) missing.push('Target');
  if (usesUnit && keyResult.unit.trim() === '') missing.push('Unit');
  if (keyResult.dueDate === null) missing.push('Due Date');
  return missing;
}

/** A finding about one key result: its ID and its row of the Key Results sheet. */
function keyResultFinding(
  keyResult: KeyResult,
  finding: Pick<HealthFinding, 'flag' | 'title' | 'detail' | 'advice'>,
): HealthFinding {
  return { ...finding, sheet: 'Key Results', concerns: [keyResult.id], rows: [keyResult.row] };
}

function missingFieldFindings(book: Workbook): HealthFinding[] {
  return book.input.keyResults.flatMap((keyResult) => {
    const missing = missingFields(keyResult);
    if (missing.length === 0) return [];
    return [
      keyResultFinding(keyResult, {
        flag: 'missing-fields',
        title: 'Key result is missing details',
        detail: `${keyResult.id} has no ${missing.join(', ')}.`,
        advice:
          'Fill in the blank cells: a key result needs an owner, a baseline (Start), a target, a unit and a due date to be measured.',
      }),
    ];
  });
}

function alignmentFindings(book: Workbook): HealthFinding[] {
  const objectives = book.input.objectives;
  const known = new Set(objectives.map((objective) => fold(objective.id)));
  const findings: HealthFinding[] = [];
  const broken = objectives.filter(
    (objective) => objective.parentId.trim() !== '' && !known.has(fold(objective.parentId)),
  );
  if (broken.length > 0) {
    findings.push({
      flag: 'unaligned',
      title: 'Parent objective not found',
      sheet: 'Objectives',
      concerns: ids(broken),
      rows: rowsOf(broken),
      detail:
        shortList(
          broken.map(
            (objective) =>
              `${objective.id} names parent ${objective.parentId}, which is not an objective ID`,
          ),
          '; ',
        ) + '.',
      advice:
        'Type the ID of an existing objective in Parent, or leave it blank for a top-level objective.',
    });
  }
  const unaligned = objectives.filter((objective) => objective.parentId.trim() === '');
  if (objectives.length > 1 && unaligned.length * 2 > objectives.length) {
    findings.push({
      flag: 'unaligned',
      title: 'Most objectives are unaligned',
      sheet: 'Objectives',
      concerns: ids(unaligned),
      rows: rowsOf(unaligned),
      detail: `${unaligned.length} of ${objectives.length} objectives have no Parent.`,
      advice:
        'Link each team objective to the company or parent objective it serves (the Parent column), so everyone can see how their work adds up.',
    });
  }
  return findings;
}

const isActivity = (keyResult: KeyResult): boolean =>
  fold(keyResult.keyResultClass) === 'activity' || keyResult.type === 'task';

function activityOnlyFindings(book: Workbook): HealthFinding[] {
  return book.input.objectives.flatMap((objective) => {
    const keyResults = book.keyResultsOf(objective);
    if (keyResults.length === 0 || !keyResults.every(isActivity)) return [];
    return [
      {
        flag: 'activity-only' as const,
        title: 'Task list disguised as key results',
        sheet: 'Key Results',
        concerns: [objective.id, ...ids(keyResults)],
        rows: rowsOf(keyResults),
        detail: `Every key result of ${objective.id} is an activity or task.`,
        advice:
          'Replace activities with outcomes: ask "what changes when these tasks are done?" and measure that; move the tasks to Initiatives.',
      },
    ];
  });
}

function conservativeFindings(book: Workbook): HealthFinding[] {
  const { asOf } = book.input;
  return book.input.keyResults.flatMap((keyResult) => {
    const reasons: string[] = [];
    const { start, target, type } = keyResult;
    const linear = type === null || type === 'increase' || type === 'decrease';
    if (linear && start !== null && target !== null && start !== 0 && target !== start) {
      const step = Math.abs(target - start) / Math.abs(start);
      if (step <= CONSERVATIVE_STEP) {
        reasons.push(`the target moves only ${(step * 100).toFixed(1)}% from the baseline`);
      }
    }
    const progress = book.progress.get(keyResult) ?? null;
    const startDate = keyResult.startDate ?? book.cycle.start;
    const dueDate = keyResult.dueDate ?? book.cycle.end;
    if (
      progress !== null &&
      progress >= 1 &&
      startDate &&
      dueDate &&
      days(startDate, dueDate) > 0
    ) {
      const elapsed = days(startDate, asOf) / days(startDate, dueDate);
      if (elapsed <= 0.5) reasons.push('the target was reached in the first half of its time');
    }
    if (reasons.length === 0) return [];
    return [
      keyResultFinding(keyResult, {
        flag: 'conservative-target',
        title: 'Conservative target',
        detail: `${keyResult.id}: ${reasons.join('; ')}.`,
        advice:
          'Set targets that stretch the team (about 0.7 expected for aspirational OKRs); raise the target next cycle or make this a KPI to keep healthy.',
      }),
    ];
  });
}

const LOW_IMPACT = /^(low|small|minor|l|1|2)$/;
const HIGH_EFFORT = /^(high|large|big|major|h|4|5)$/;

function moneyPitFindings(book: Workbook): HealthFinding[] {
  return book.input.keyResults.flatMap((keyResult) => {
    const impact = fold(keyResult.impact);
    const effort = fold(keyResult.effort);
    const labelled = impact.includes('money pit') || effort.includes('money pit');
    if (!labelled && !(LOW_IMPACT.test(impact) && HIGH_EFFORT.test(effort))) return [];
    return [
      keyResultFinding(keyResult, {
        flag: 'money-pit',
        title: 'Money pit (high effort, low impact)',
        detail: `${keyResult.id} is rated impact "${keyResult.impact}", effort "${keyResult.effort}".`,
        advice:
          'Drop it, or find a cheaper way to the same result; spend the effort on easy wins and big bets.',
      }),
    ];
  });
}

function missedCheckInFindings(book: Workbook): HealthFinding[] {
  const { asOf, settings } = book.input;
  const period = Math.max(1, settings.checkInPeriodDays);
  const missed = book.input.keyResults.filter((keyResult) => {
    const startDate = keyResult.startDate ?? book.cycle.start;
    const dueDate = keyResult.dueDate ?? book.cycle.end;
    if (!startDate || days(startDate, asOf) <= period) return false;
    if (dueDate && days(dueDate, asOf) > period) return false;
    if ((book.progress.get(keyResult) ?? 0) >= 1) return false;
    const seen = [
      ...book.checkInsOf(keyResult).map((checkIn) => checkIn.timestamp),
      keyResult.lastCheckIn,
    ]
      .filter((date): date is Date => date !== null)
      .map((date) => days(date, asOf));
    // A check-in on the check-in day itself counts for the period just ended.
    return seen.length === 0 || Math.min(...seen) > period;
  });
  if (missed.length === 0) return [];
  return [
    {
      flag: 'missed-check-in',
      title: 'Missed check-ins',
      sheet: 'Key Results',
      concerns: ids(missed),
      rows: rowsOf(missed),
      detail: `${missed.length} key result${missed.length === 1 ? ' has' : 's have'} no check-in in the last ${period} days.`,
      advice:
        'Owners check in every week, even when nothing moved (say why in Problems); turn on the weekly reminders.',
    },
  ];
}

function stuckFindings(book: Workbook): HealthFinding[] {
  return book.input.keyResults.flatMap((keyResult) => {
    const recent = book.checkInsOf(keyResult).slice(-STUCK_CHECK_INS);
    if (recent.length < STUCK_CHECK_INS || (book.progress.get(keyResult) ?? 0) >= 1) return [];
    if (!recent.every((checkIn) => checkIn.value === recent[0]!.value)) return [];
    return [
      {
        flag: 'stuck' as const,
        title: 'Stuck key result',
        sheet: 'Check-ins',
        concerns: [keyResult.id],
        rows: rowsOf(recent),
        detail: `The last ${STUCK_CHECK_INS} check-ins of ${keyResult.id} all report ${String(recent[0]!.value)}.`,
        advice:
          'Talk about it at the Monday review: change the initiatives, ask for help, or agree the key result no longer matters.',
      },
    ];
  });
}

function commentaryFindings(book: Workbook): HealthFinding[] {
  const silent = book
    .cycleCheckIns()
    .filter((checkIn) =>
      [checkIn.progress, checkIn.plans, checkIn.problems, checkIn.learnings].every(
        (text) => text.trim() === '',
      ),
    );
  if (silent.length === 0) return [];
  const keyResultIds = [...new Set(silent.map((checkIn) => checkIn.keyResultId))];
  return [
    {
      flag: 'no-commentary',
      title: 'Check-ins without commentary',
      sheet: 'Check-ins',
      concerns: keyResultIds,
      rows: rowsOf(silent),
      detail: `${silent.length} check-in${silent.length === 1 ? ' has' : 's have'} no Progress, Plans or Problems.`,
      advice:
        'Add a line of Progress, Plans and Problems to each check-in: the numbers say where, the words say why.',
    },
  ];
}

function learningFindings(book: Workbook): HealthFinding[] {
  const { asOf, settings } = book.input;
  const start = book.cycle.start;
  if (!start || days(start, asOf) < Math.max(1, settings.checkInPeriodDays)) return [];
  const checkIns = book.cycleCheckIns();
  if (checkIns.some((checkIn) => checkIn.learnings.trim() !== '')) return [];
  return [
    {
      flag: 'no-learnings',
      title: 'No learnings captured',
      sheet: 'Check-ins',
      concerns: [],
      rows: rowsOf(checkIns),
      detail:
        checkIns.length === 0
          ? 'No check-ins this cycle, so nothing has been learned on record.'
          : `None of the ${checkIns.length} check-ins this cycle records a learning.`,
      advice:
        'Write what surprised you in Learnings when you check in; the retrospective and next cycle build on it.',
    },
  ];
}

interface ScoredObjective {
  objective: Objective;
  score: number | null;
}

function balanceFindings(book: Workbook): HealthFinding[] {
  const { asOf, settings } = book.input;
  const gaps: { objective: Objective; gap: number }[] = [];
  for (const objective of book.input.objectives) {
    try {
      const againstPlan = book.keyResultsOf(objective).map((keyResult) => ({
        progress: book.progress.get(keyResult) ?? null,
        planned: keyResultPlannedProgress(keyResult, asOf, book.cycle),
        weight: keyResult.weight,
      }));
      const balance = objectiveBalance(againstPlan, settings);
      if (balance.gap !== null) gaps.push({ objective, gap: balance.gap });
    } catch {
      // A KR row that cannot be scored is reported as a row problem, not as imbalance.
    }
  }
  const index = balanceIndex(gaps.map(({ gap }) => gap));
  if (index === null || gaps.length < 2 || index >= UNBALANCED_BELOW) return [];
  const mean = gaps.reduce((sum, { gap }) => sum + gap, 0) / gaps.length;
  const spread = 1 - index;
  const outliers = gaps.filter(({ gap }) => Math.abs(gap - mean) >= spread);
  return [
    {
      flag: 'unbalanced',
      title: 'Unbalanced progress',
      sheet: 'Objectives',
      concerns: outliers.map(({ objective }) => objective.id),
      rows: outliers.map(({ objective }) => objective.row),
      detail:
        `Balance index ${index.toFixed(2)} (below ${UNBALANCED_BELOW}): ` +
        shortList(
          outliers.map(
            ({ objective, gap }) =>
              `${objective.id} is ${gap >= 0 ? 'ahead of' : 'behind'} plan by ${Math.abs(gap).toFixed(2)}`,
          ),
          '; ',
        ) +
        '.',
      advice:
        'Move people and time from the objectives ahead of plan to those behind it, or check whether the lagging targets still make sense.',
    },
  ];
}

/**
 * Committed key results whose forecast at the due date falls below the on-track band: at this
 * pace they end more than the at-risk gap short of the target a commitment promises.
 */
function forecastFindings(book: Workbook): HealthFinding[] {
  const { asOf, settings } = book.input;
  const onTrackFrom = 1 - settings.atRiskGap;
  const findings: HealthFinding[] = [];
  for (const objective of book.input.objectives) {
    if (objective.kind !== 'committed') continue;
    for (const keyResult of book.keyResultsOf(objective)) {
      const readings = noReadings();
      for (const checkIn of book.checkInsOf(keyResult)) {
        if (typeof checkIn.value !== 'number') continue;
        readings.times.push(checkIn.timestamp.getTime());
        readings.values.push(checkIn.value);
      }
      let forecast;
      try {
        forecast = keyResultForecast(keyResult, readings, asOf, book.cycle);
      } catch {
        // A KR without the values or dates a forecast needs is flagged by the missing-fields check.
        continue;
      }
      if (forecast === null || forecast.progress >= onTrackFrom - 1e-9) continue;
      findings.push(
        keyResultFinding(keyResult, {
          flag: 'will-miss',
          title: 'Will miss at this pace',
          detail:
            `${keyResult.id} (committed objective ${objective.id}) is forecast to reach ` +
            `${Math.round(forecast.progress * 100)}% by its due date at the pace of its check-ins, ` +
            `below the on-track band of ${Math.round(onTrackFrom * 100)}%.`,
          advice:
            'Talk about it at the next check-in: change the plan or the resources now, or agree with the team to lower the commitment.',
        }),
      );
    }
  }
  return findings;
}

function endOfCycleFindings(book: Workbook): HealthFinding[] {
  if (!book.cycleHasEnded()) return [];
  const scored: ScoredObjective[] = book.input.objectives.map((objective) => ({
    objective,
    score: scoredObjective(book.keyResultsOf(objective)),
  }));
  const findings: HealthFinding[] = [];
  const missedCommitments = scored.filter(
    ({ objective, score }) => objective.kind === 'committed' && score !== null && score < 1,
  );
  if (missedCommitments.length > 0) {
    findings.push({
      flag: 'committed-below-target',
      title: 'Committed objectives not fully met',
      sheet: 'Objectives',
      concerns: missedCommitments.map(({ objective }) => objective.id),
      rows: missedCommitments.map(({ objective }) => objective.row),
      detail:
        shortList(
          missedCommitments.map(
            ({ objective, score }) => `${objective.id} scored ${score!.toFixed(2)}`,
          ),
          '; ',
        ) + ' (committed objectives are expected to reach 1.0).',
      advice:
        'In the retrospective, find what blocked each commitment; commit to less next cycle, or mark stretch goals aspirational.',
    });
  }
  const aspirational = scored.filter(
    (entry): entry is { objective: Objective; score: number } =>
      entry.objective.kind === 'aspirational' && entry.score !== null,
  );
  if (aspirational.length > 0) {
    const mean = aspirational.reduce((sum, { score }) => sum + score, 0) / aspirational.length;
    if (mean > SANDBAGGING_ABOVE) {
      findings.push({
        flag: 'sandbagging',
        title: 'Aspirational objectives too easy (sandbagging)',
        sheet: 'Objectives',
        concerns: aspirational.map(({ objective }) => objective.id),
        rows: aspirational.map(({ objective }) => objective.row),
        detail: `Aspirational objectives averaged ${mean.toFixed(2)}; about 0.7 is success for a stretch goal.`,
        advice: 'Set bolder aspirational targets next cycle, or call these objectives committed.',
      });
    }
  }
  return findings;
}

function initiativeFindings(book: Workbook): HealthFinding[] {
  const initiatives = book.input.initiatives;
  if (initiatives === null) return [];
  const covered = new Set(initiatives.map((initiative) => fold(initiative.keyResultId)));
  const bare = book.input.keyResults.filter(
    (keyResult) => keyResult.type !== 'baseline' && !covered.has(fold(keyResult.id)),
  );
  if (bare.length === 0) return [];
  return [
    {
      flag: 'no-initiative',
      title: 'Key results with no initiative',
      sheet: 'Key Results',
      concerns: ids(bare),
      rows: rowsOf(bare),
      detail: `${bare.length} key result${bare.length === 1 ? ' has' : 's have'} no row on the Initiatives sheet.`,
      advice:
        'Name at least one project or experiment expected to move each key result (Initiatives sheet), with an owner.',
    },
  ];
}

function kpiFindings(book: Workbook): HealthFinding[] {
  const kpis = book.input.kpis;
  if (kpis === null) return [];
  return kpis.flatMap((kpi) => {
    const { current, healthyMin, healthyMax } = kpi;
    if (current === null) return [];
    const low = healthyMin !== null && current < healthyMin;
    const high = healthyMax !== null && current > healthyMax;
    if (!low && !high) return [];
    const unit = kpi.unit ? ` ${kpi.unit}` : '';
    return [
      {
        flag: 'kpi-out-of-range' as const,
        title: 'KPI outside its healthy range',
        sheet: 'KPIs',
        concerns: [kpi.kpi],
        rows: [kpi.row],
        detail: `${kpi.kpi} is ${current}${unit}, ${low ? `below the healthy minimum of ${healthyMin}` : `above the healthy maximum of ${healthyMax}`}${unit}.`,
        advice:
          'Bring the KPI back into range before it hurts the business; if it needs a real change, make it an objective with key results.',
      },
    ];
  });
}

/** Every red flag present, grouped by check in a fixed order. */
export function checkHealth(input: HealthInput): HealthFinding[] {
  const book = new Workbook(input);
  return [
    ...focusFindings(book),
    ...missingFieldFindings(book),
    ...alignmentFindings(book),
    ...activityOnlyFindings(book),
    ...conservativeFindings(book),
    ...moneyPitFindings(book),
    ...missedCheckInFindings(book),
    ...(input.checkIns === null
      ? balanceFindings(book)
      : [
          ...stuckFindings(book),
          ...commentaryFindings(book),
          ...learningFindings(book),
          ...balanceFindings(book),
          ...forecastFindings(book),
        ]),
    ...endOfCycleFindings(book),
    ...initiativeFindings(book),
    ...kpiFindings(book),
  ];
}

/**
 * A list shortened for a cell: the first items and how many there are. A Sheets cell holds at
 * most 50,000 characters, and a finding about each of 2,000 objectives would not fit.
 */
function shortList(items: readonly (string | number)[], separator = ', ', limit = 12): string {
  if (items.length <= limit) return items.join(separator);
  return `${items.slice(0, limit).join(separator)} … (${items.length} in all)`;
}

/** The health table as the Health sheet and OKRHEALTH show it: a header, then one row per finding. */
export function healthTable(findings: readonly HealthFinding[]): string[][] {
  const rows = findings.map((finding) => [
    finding.title,
    finding.sheet,
    shortList(finding.concerns),
    // "row 4" rather than 4, so a single row reads (and is stored) as text like the others.
    finding.rows.length === 0
      ? ''
      : `${finding.rows.length === 1 ? 'row' : 'rows'} ${shortList(finding.rows)}`,
    finding.detail,
    finding.advice,
  ]);
  if (rows.length === 0)
    rows.push(['No red flags found', '', '', '', 'The OKRs pass every health check.', '']);
  return [[...HEALTH_HEADER], ...rows];
}
